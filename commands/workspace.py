"""``audience init`` and ``audience status``."""

from __future__ import annotations

import typer

from commands._common import (
    DbOpt,
    JsonOpt,
    console,
    handle_errors,
    open_workspace,
    plural,
    print_json,
)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("status")(status)


def init(db: DbOpt = None) -> None:
    """Create a workspace (./audience.db) and a commented audience.toml beside it."""
    from audience.config import resolve_db_path
    from audience.workspace import init_workspace

    with handle_errors():
        result = init_workspace(resolve_db_path(db))
    console.print(f"Workspace ready: [bold]{result.db_path}[/]")
    state = "written" if result.config_written else "kept as it was"
    console.print(f"Settings: [bold]{result.config_path}[/] ({state}); edit your topics there.")


def status(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Summarise the workspace: accounts per platform, people, contacts, matches, segments."""
    from rich.table import Table

    from audience.workspace import status as workspace_status

    with handle_errors():
        summary = workspace_status(open_workspace(db))
    if as_json:
        print_json(summary)
        return
    console.print(f"[bold]{summary['workspace']}[/]")
    if summary.get("as_of"):
        console.print(f"Judged as of {summary['as_of']} (the date this workspace records)")
    table = Table("platform", "accounts", "active", "follow edges", "posts")
    for name, counts in summary["platforms"].items():
        table.add_row(
            name,
            *(f"{counts.get(k, 0):,}" for k in ("accounts", "active", "follow_edges", "posts")),
        )
    console.print(table)
    matches = summary["matches"]
    console.print(
        f"People {summary['people']:,} from {summary['contacts']:,} contacts in "
        f"{summary['contact_sources']} books · matches: {matches.get('accepted', 0)} accepted, "
        f"{matches.get('review', 0)} to review · targets {summary['targets']}"
    )
    console.print(
        "Segments: " + ", ".join(f"{name} {n}" for name, n in summary["segments"].items())
    )
    last = summary["last_crawl"]
    if last:
        console.print(
            f"Last crawl: {last['platform']} {last['command']} at {last['started_at']} "
            f"({last['status']}, {plural(last['requests'], 'request')}, "
            f"{plural(last['items'], 'item')})"
        )
