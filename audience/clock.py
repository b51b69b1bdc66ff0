"""The moment time-dependent judgements are made at ("inactive for 180 days", "posts of the
last 7 days", "new since the last sync").

Normally that is now. A workspace may record an "as of" date of its own: the demo does, since
its example data was generated as of 2026-11-20 and would show nothing a month later. An
explicit date (a command's ``--as-of``) beats both::

    clock.now(store, as_of)   # as_of, else the workspace's date, else the real now
"""

from __future__ import annotations

from datetime import UTC, datetime

from audience.store import Store

AS_OF_KEY = "as_of"


def now(store: Store | None = None, as_of: datetime | None = None) -> datetime:
    """``as_of`` if given, else the workspace's recorded date, else the current time (UTC)."""
    if as_of is not None:
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
    recorded = workspace_as_of(store) if store is not None else None
    return recorded or datetime.now(UTC)


def workspace_as_of(store: Store) -> datetime | None:
    """The date this workspace is judged at, when it records one."""
    value = store.scalar("SELECT value FROM workspace_settings WHERE key = ?", [AS_OF_KEY])
    if not value:
        return None
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def set_workspace_as_of(store: Store, when: datetime | None) -> None:
    """Record (or, with None, clear) the workspace's own date."""
    with store.transaction():
        if when is None:
            store.execute("DELETE FROM workspace_settings WHERE key = ?", [AS_OF_KEY])
        else:
            store.execute(
                "INSERT OR REPLACE INTO workspace_settings (key, value) VALUES (?, ?)",
                [AS_OF_KEY, when.astimezone(UTC).isoformat(timespec="seconds")],
            )
