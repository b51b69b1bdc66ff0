"""``audience segment``: group accounts into press, customers, suppliers, competitors..."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    DbOpt,
    JsonOpt,
    cell,
    console,
    err_console,
    handle_errors,
    open_workspace,
    print_json,
)
from commands._tables import ShowAllOpt, print_more, top_rows

segment_app = typer.Typer(
    no_args_is_help=True,
    help="Segments: press, customers, suppliers, competitors and your own groups.",
)

SegmentArg = Annotated[str, typer.Argument(help="Segment name (see `audience segment list`).")]
HandlesArg = Annotated[
    list[str] | None,
    typer.Argument(help="Accounts: @handle, handle or platform:@handle.", show_default=False),
]
PlatformOpt = Annotated[
    str | None, typer.Option("--platform", "-p", help="x, bluesky, mastodon or linkedin.")
]
FileOpt = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        help="CSV with a 'handle' column (optional 'platform'), or one handle per line.",
    ),
]


def register(app: typer.Typer) -> None:
    app.add_typer(segment_app, name="segment")


def _config_path(db: Path | None) -> Path:
    from audience.config import config_path_for, resolve_db_path

    return config_path_for(resolve_db_path(db))


def _accounts(store, handles: list[str] | None, file: Path | None, platform: str | None):
    from audience.segment import parse_ref, read_refs_file, resolve_refs

    refs = [parse_ref(h, platform) for h in handles or []]
    if file is not None:
        refs += read_refs_file(file, platform)
        source = str(file) if not handles else f"command line and {file}"
    else:
        source = "command line"
    if not refs:
        raise typer.BadParameter("name at least one account, or give --file")
    return resolve_refs(store, refs, source)


@segment_app.command("list")
def list_(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Segments with their member counts, per platform."""
    from rich.table import Table

    from audience.segment import segment_counts

    with handle_errors():
        counts = segment_counts(open_workspace(db))
    if as_json:
        print_json(counts)
        return
    table = Table("segment", "members", "per platform", "orgs listed", "description")
    for row in counts:
        platforms = ", ".join(f"{p} {n}" for p, n in sorted(row["by_platform"].items()))
        table.add_row(
            cell(row["name"]),
            str(row["members"]),
            platforms or "-",
            str(row["organisations"]),
            cell(row["description"]),
        )
    console.print(table)


@segment_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="New segment name, e.g. influencers.")],
    description: Annotated[str | None, typer.Option("--description", "-d")] = None,
    db: DbOpt = None,
) -> None:
    """Create a segment of your own."""
    from audience.segment import create_segment

    with handle_errors():
        segment = create_segment(open_workspace(db), name, description)
    err_console.print(f"created segment {segment.name}")


@segment_app.command("delete")
def delete(name: SegmentArg, db: DbOpt = None) -> None:
    """Delete a segment of your own (built-in ones stay)."""
    from audience.segment import delete_segment

    with handle_errors():
        count = delete_segment(open_workspace(db), name)
    err_console.print(f"deleted segment {name} ({count} members)")


@segment_app.command("add")
def add(
    segment: SegmentArg,
    handles: HandlesArg = None,
    platform: PlatformOpt = None,
    file: FileOpt = None,
    primary: Annotated[
        bool, typer.Option("--primary", help="Make this their primary segment for export.")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Put accounts in a segment by hand. Hand decisions are never overridden by `auto`."""
    from audience.segment import add_members, get_segment

    with handle_errors():
        store = open_workspace(db)
        get_segment(store, segment)
        new = add_members(
            store, segment, _accounts(store, handles, file, platform), primary=primary
        )
    err_console.print(f"{segment}: {new} added by hand")


@segment_app.command("remove")
def remove(
    segment: SegmentArg,
    handles: HandlesArg = None,
    platform: PlatformOpt = None,
    file: FileOpt = None,
    db: DbOpt = None,
) -> None:
    """Take accounts out of a segment by hand; `auto` will not put them back."""
    from audience.segment import get_segment, remove_members

    with handle_errors():
        store = open_workspace(db)
        get_segment(store, segment)
        removed = remove_members(store, segment, _accounts(store, handles, file, platform))
    err_console.print(f"{segment}: {removed} removed by hand (kept out of `auto`)")


@segment_app.command("reset")
def reset(
    segment: SegmentArg,
    handles: HandlesArg = None,
    platform: PlatformOpt = None,
    file: FileOpt = None,
    db: DbOpt = None,
) -> None:
    """Forget hand decisions for these accounts, so that `auto` decides again."""
    from audience.segment import forget_decisions, get_segment

    with handle_errors():
        store = open_workspace(db)
        get_segment(store, segment)
        count = forget_decisions(store, segment, _accounts(store, handles, file, platform))
    err_console.print(f"{segment}: {count} hand decisions forgotten")


@segment_app.command("import-orgs")
def import_orgs(
    segment: SegmentArg,
    file: Annotated[Path, typer.Argument(help="CSV with a 'name' and/or 'domain' column.")],
    db: DbOpt = None,
) -> None:
    """List organisations (customers, suppliers, competitors...) for `auto` to recognise."""
    from audience.segment import import_orgs as import_

    with handle_errors():
        count = import_(open_workspace(db), segment, file)
    err_console.print(f"{segment}: {count} organisations added from {file}")


@segment_app.command("auto")
def auto(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change and why; write nothing.")
    ] = False,
    show_all: ShowAllOpt = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply the rules of audience.toml and the evidence of accepted contact matches."""
    from rich.table import Table

    from audience.segment import auto_segment, load_segment_config

    with handle_errors():
        config = load_segment_config(_config_path(db))
        plan = auto_segment(open_workspace(db), config, dry_run=dry_run)
    if as_json:
        print_json(
            {
                "dry_run": dry_run,
                "counts": plan.counts(),
                "changes": [c.as_dict() for c in plan.changes],
            }
        )
        return
    if dry_run:
        table = Table("change", "segment", "account", "source", "why")
        shown = top_rows(plan.changes, show_all)
        for c in shown:
            table.add_row(
                c.action,
                c.segment or "-",
                cell(f"{c.platform}:@{c.handle}"),
                c.source or "-",
                cell(c.reason),
            )
        console.print(table)
        print_more(len(plan.changes), len(shown), "changes")
    summary = ", ".join(f"{n} {action}" for action, n in sorted(plan.counts().items()))
    verb = "would change" if dry_run else "changed"
    err_console.print(f"auto {verb}: {summary or 'nothing'}")


@segment_app.command("show")
def show(
    segment: SegmentArg,
    platform: PlatformOpt = None,
    near: Annotated[
        str | None, typer.Option("--near", help="Country or region, e.g. UK or 'GB,IE'.")
    ] = None,
    follows_me: Annotated[bool, typer.Option("--follows-me")] = False,
    followed_by_me: Annotated[bool, typer.Option("--followed-by-me")] = False,
    sort: Annotated[
        str, typer.Option("--sort", help="relevance, followers or last-active.")
    ] = "relevance",
    limit: Annotated[int | None, typer.Option("--limit", "-n")] = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Members of a segment with the reasons they are in it."""
    from rich.table import Table

    from audience.segment import show_members

    wanted = [w.strip() for w in near.split(",") if w.strip()] if near else None
    with handle_errors():
        rows = show_members(
            open_workspace(db),
            segment,
            platform=platform,
            near=wanted,
            follows_me=follows_me,
            followed_by_me=followed_by_me,
            sort=sort,
            limit=limit,
        )
    if as_json:
        print_json(rows)
        return
    table = Table("account", "name", "followers", "source", "why")
    table.columns[0].overflow = "fold"
    for row in rows:
        star = " *" if row["is_primary"] else ""
        table.add_row(
            cell(f"{row['platform']}:@{row['handle']}{star}"),
            cell(row["display_name"]),
            str(row["followers_count"] or ""),
            row["source"],
            cell(row["reason"]),
        )
    console.print(table)
    err_console.print(f"{len(rows)} members (* = primary segment)")
