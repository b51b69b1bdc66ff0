"""Long listings stay readable and quick: a table shows the top rows and "and N more",
``--all`` shows every row, and ``--json`` is written one item at a time."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, TypeVar

import orjson
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
        out.write(("\n  " if count == 0 else ",\n  ") + indented_json(item, "\n  "))
        count += 1
    out.write("\n]\n" if count else "]\n")


def indented_json(value: Any, margin: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, default=str)``, each line after the
    first starting with ``margin`` instead of a bare newline, the same text character for
    character. Plain dicts, lists, strings and numbers are written by orjson (a tenth of the
    time: the standard library indents in pure Python, one small piece at a time) when it
    writes them alike; anything else by :func:`_indented`, or by ``json.dumps``."""
    if _orjson_writes_alike(value):
        try:
            text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
        except orjson.JSONEncodeError:  # an int past 64 bits, a lone surrogate
            pass
        else:  # (a newline inside a string is escaped: every one ends a line)
            return text if margin == "\n" else text.replace("\n", margin)
    return _indented(value, margin)


def _orjson_writes_alike(value: Any) -> bool:
    """Whether ``value`` holds only what orjson writes as ``json.dumps`` does: str-keyed dicts,
    lists, tuples, strings, ints, bools, None and floats written without an exponent (orjson
    writes 1e-05 as 0.00001, NaN as null; a dataclass or a date its own way, not as ``str``)."""
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind is float:
        return value == 0 or 1e-4 <= abs(value) < 1e16  # (NaN is neither)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                return False
            if type(item) not in _PLAIN and not _orjson_writes_alike(item):
                return False
        return True
    if kind is list or kind is tuple:
        for item in value:
            if type(item) not in _PLAIN and not _orjson_writes_alike(item):
                return False
        return True
    return False


_PLAIN = frozenset({str, int, bool, type(None)})  # written alike by orjson and json.dumps


def _indented(value: Any, margin: str) -> str:
    """:func:`indented_json` in Python: about twice as quick as ``json.dumps`` on the plain
    values of a listing; anything else is left to ``json.dumps``."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(type(key) is str for key in value):
            return _dumps(value, margin)
        inner = margin + "  "
        items = [
            _string(k) + ": " + (_string(v) if type(v) is str else _indented(v, inner))
            for k, v in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + margin + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = margin + "  "
        listed = ("," + inner).join([_indented(v, inner) for v in value])
        return "[" + inner + listed + margin + "]"
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value == value and abs(value) != float("inf"):
        return float.__repr__(value)
    return _dumps(value, margin)


_string = json.encoder.encode_basestring  # (C) what json.dumps writes with ensure_ascii=False


def _dumps(value: Any, margin: str) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).replace("\n", margin)
