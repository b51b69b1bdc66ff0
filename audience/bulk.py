"""Work over a whole crowd at once (issue 18): judging 100,000 accounts builds millions of
small objects that live until the end of the command, and Python's cycle collector would walk
all of them again and again while they are built (about a sixth of ``prune``'s time). The
rules make no reference cycles worth collecting, so the collector waits until the work is done.
The rows a crowd's work holds share their repeated values (:class:`SharedValues`).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def without_gc_pauses(function: F) -> F:
    """Run ``function`` with the cycle collector off (it collects once, afterwards, as it
    would have). Nested calls leave it to the outermost."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return run  # type: ignore[return-value]


class SharedValues:
    """One object for each distinct value: a crowd's rows repeat the same states, countries,
    places, dates, counts and post texts, each a new object as SQLite returns it (50 to 100
    bytes apiece, some 300 bytes an account). Only strings and integers are shared (no two of
    them are equal unless they are the same value of the same type: 1.0 and True would be equal
    to 1); the memo starts again when full."""

    __slots__ = ("_memo", "_limit")

    def __init__(self, limit: int = 1 << 18):
        self._memo: dict[Any, Any] = {}
        self._limit = limit

    def share(self, value: Any) -> Any:
        if type(value) is not str and type(value) is not int:
            return value
        found = self._memo.get(value)
        if found is None:
            if len(self._memo) >= self._limit:
                self._memo.clear()
            found = self._memo[value] = value
        return found


_NEVER_EQUAL = frozenset({str, int, bytes, type(None)})  # no value of one equals one of another


def rows_sharing(cursor: Any, columns: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of ``cursor`` as dicts (as :meth:`audience.store.Store.query` gives them), with
    the equal values of each of ``columns`` one object. The values are shared column by column
    before the dicts are built (loops in C: sharing them row by row cost a fifth of loading
    prune's crowd). A column holding anything but strings, integers, bytes and None (a float,
    equal to an integer as 1.0 is to 1) is left as it is."""
    names = [description[0] for description in cursor.description]
    table = list(zip(*cursor.fetchall(), strict=True))
    if not table:
        return []
    wanted = set(columns)
    for i, name in enumerate(names):
        if name in wanted and _NEVER_EQUAL.issuperset(map(type, table[i])):
            memo: dict[Any, Any] = {}
            table[i] = tuple(map(memo.setdefault, table[i], table[i]))
    return [dict(zip(names, values, strict=True)) for values in zip(*table, strict=True)]
