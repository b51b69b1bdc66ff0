"""Plans that keep big workspaces linear: per-account look-ups use an index on the account."""

from __future__ import annotations

import pytest

from audience.store import open_store

PER_ACCOUNT = [
    # export and report: an account's person through its accepted match
    "SELECT a.id, coalesce(a.person_id, (SELECT min(m.person_id) FROM matches m "
    "WHERE m.account_id = a.id AND m.status = 'accepted')) FROM accounts a",
    # prune: accounts matched to a contact
    "SELECT a.id FROM accounts a LEFT JOIN matches m ON m.account_id = a.id "
    "AND m.status = 'accepted'",
]


@pytest.mark.parametrize("sql", PER_ACCOUNT)
def test_accepted_match_of_an_account_is_found_by_its_index(sql):
    store = open_store(None)
    plan = " ".join(row[3] for row in store.execute("EXPLAIN QUERY PLAN " + sql))
    assert "matches_account_status (account_id=? AND status=?)" in plan
    assert "matches_status" not in plan


def test_status_counts_still_work_without_a_status_index():
    store = open_store(None)
    person = store.execute(
        "INSERT INTO people (name, created_at, updated_at) VALUES ('A', 'now', 'now') RETURNING id"
    ).fetchone()[0]
    account = store.execute(
        "INSERT INTO accounts (platform, platform_id, first_seen, last_seen) "
        "VALUES ('x', '1', 'now', 'now') RETURNING id"
    ).fetchone()[0]
    store.execute(
        "INSERT INTO matches (person_id, account_id, platform, score, method, status, "
        "created_at) VALUES (?, ?, 'x', 0.9, 'name', 'review', 'now')",
        [person, account],
    )
    assert store.execute("SELECT status, count(*) FROM matches GROUP BY status").fetchall() == [
        ("review", 1)
    ]
