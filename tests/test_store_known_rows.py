"""``ensure_account_ids`` answers from the accounts this Store wrote in the run (no statement
for them) and asks the workspace for the rest, creating stubs; once another connection has
committed (it may have deleted an account and given its row to another), it asks again."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from audience.models import Account
from audience.store import open_store

CREATED = datetime(2020, 1, 1, tzinfo=UTC)


def _full(platform_id: str) -> Account:
    return Account("x", platform_id, handle=f"h{platform_id}", created_at=CREATED)


def _rows(path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT platform_id, id FROM accounts WHERE platform = 'x'"))


def test_known_rows_come_without_a_statement_and_stubs_are_made_for_the_rest(tmp_path):
    store = open_store(tmp_path / "audience.db")
    with store.transaction():
        written = store.upsert_accounts([_full("1"), _full("2")])
        statements = []
        store.db.conn.set_trace_callback(statements.append)
        assert store.ensure_account_ids("x", ["2", "1"]) == {"2": written["2"], "1": written["1"]}
        assert not [s for s in statements if "accounts" in s]
        found = store.ensure_account_ids("x", ["1", "3", "1"])
        store.db.conn.set_trace_callback(None)
    rows = _rows(tmp_path / "audience.db")
    assert found == {"1": rows["1"], "3": rows["3"]}
    assert store.query("SELECT handle FROM accounts WHERE platform_id = '3'") == [{"handle": None}]
    store.close()


def test_after_another_connection_commits_the_workspace_is_asked_again(tmp_path):
    path = tmp_path / "audience.db"
    store = open_store(path)
    with store.transaction():
        store.upsert_accounts([_full("1")])
    other = sqlite3.connect(path)
    with other:  # another process forgets account 1 and a new one takes a fresh row
        other.execute("PRAGMA foreign_keys = OFF")
        other.execute("DELETE FROM accounts WHERE platform_id = '1'")
        for platform_id in ("9", "1"):  # row 1 goes to another account
            other.execute(
                "INSERT INTO accounts (platform, platform_id, first_seen, last_seen) "
                "VALUES ('x', ?, 'now', 'now')",
                [platform_id],
            )
    other.close()
    with store.transaction():
        found = store.ensure_account_ids("x", ["1"])
    rows = _rows(path)
    assert rows["9"] == 1  # the row account 1 had
    assert found == {"1": rows["1"]}
    store.close()
