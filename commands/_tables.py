"""Long listings stay readable and quick: a table shows the top rows and "and N more",
``--all`` shows every row, and ``--json`` is written one item at a time."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, TypeVar

import typer

from commands._common import err_console

TOP_ROWS = 50

ShowAllOpt = Annotated[
    bool, typer.Option("--all", help=f"Show every row, not only the top {TOP_ROWS}.")
]

Row = TypeVar("Row")


def top_rows(rows: Sequence[Row], show_all: bool = False, top: int | None = None) -> Sequence[Row]:
    """The rows a table shows: all with ``--all``, else the first ``top`` (``TOP_ROWS``)."""
    return rows if show_all else rows[: TOP_ROWS if top is None else top]


def print_more(total: int, shown: int, what: str = "rows", option: str | None = "--all") -> None:
    """ "... and N more" under a table that shows only the top rows (``option=None`` when the
    command has no --all)."""
    if total > shown:
        how = f"{option} shows them; --json lists every one" if option else "--json lists them"
        err_console.print(f"… and {total - shown:,} more {what} ({how})", highlight=False)


def stream_json(items: Iterable[Any]) -> None:
    """A JSON array written item by item, exactly as ``print_json`` would write the list: the
    first items show at once and no second copy of the whole listing is built as text."""
    out = sys.stdout
    out.write("[")
    count = 0
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str)
        out.write(("\n  " if count == 0 else ",\n  ") + text.replace("\n", "\n  "))
        count += 1
    out.write("\n]\n" if count else "]\n")
