"""``audience search``: full-text search over handles, names and bios."""

from __future__ import annotations

from typing import Annotated

import typer

from commands._common import (
    DbOpt,
    JsonOpt,
    account_label,
    cell,
    console,
    err_console,
    handle_errors,
    open_workspace,
    plural,
    print_json,
)


def register(app: typer.Typer) -> None:
    app.command("search")(search)


def search(
    query: Annotated[
        str, typer.Argument(help='Words to find; "quote" a phrase, end with * for a prefix.')
    ],
    platform: Annotated[
        str | None, typer.Option("--platform", "-p", help="x, bluesky, mastodon or linkedin.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")
    ] = 50,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Find accounts whose handle, name or bio contains all the words."""
    from rich.table import Table

    from audience.segment import search_accounts

    with handle_errors():
        # one more than shown: whether the table is cut, so it can say so
        rows = search_accounts(open_workspace(db), query, platform=platform, limit=limit + 1)
    cut = len(rows) > limit
    rows = rows[:limit]
    if as_json:
        print_json(rows)
        return
    table = Table("account", "name", "followers", "segments", "bio")
    table.columns[0].overflow = "fold"
    for row in rows:
        table.add_row(
            cell(account_label(row["platform"], row["handle"], row.get("platform_id"))),
            cell(row["display_name"]),
            str(row["followers_count"] or ""),
            cell(row["segments"]),
            _highlighted(row["snippet"], row["highlights"]),
        )
    console.print(table)
    if cut:
        err_console.print(f"the first {plural(len(rows), 'account')} and more: raise --limit")
    else:
        err_console.print(plural(len(rows), "account"))


def _highlighted(snippet: str, spans: list[list[int]]):
    text = cell(snippet)
    for start, end in spans:
        text.stylize("bold", start, end)
    return text
