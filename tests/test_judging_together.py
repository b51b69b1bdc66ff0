"""Judging ahead with ``together`` (issue 18): the accounts that share a bio are judged by one
worker, so each worker's memos work a bio out once; the results are those judge() would give,
asked for in any order, and saved as without it."""

from __future__ import annotations

import os

from audience import judgement_cache
from audience.judgement_cache import JudgementCache, _together
from tests.test_judging_ahead import over_two_cores  # noqa: F401  (a fixture)
from tests.test_segment import add_accounts

# Three bios, spread over the crowd as a crowd repeats them (the first account, judged before
# the workers start, has its own); six accounts a bio, six a chunk.
BIOS = ["first"] + [
    "reporter at the Herald",
    "plumber",
    "reporter at the Herald",
    None,
    "plumber",
    None,
] * 3


def judged_where(bio: str | None) -> list:
    return [os.getpid(), (bio or "").upper()]


def crowd(store) -> list[tuple[int, str | None]]:
    ids = add_accounts(store, *({"handle": f"a{n}", "bio": bio} for n, bio in enumerate(BIOS)))
    return [(ids[f"a{n}"], bio) for n, bio in enumerate(BIOS)]


def test_together_puts_the_same_text_side_by_side_in_the_order_first_met():
    todo = [(n, None, (), ("x", bio)) for n, bio in enumerate(["b", "a", "b", None, "a", None])]
    assert [item[0] for item in _together(todo, 1)] == [0, 2, 1, 4, 3, 5]
    distinct = [(n, None, (), ("x", f"bio {n}")) for n in range(4)]
    assert _together(distinct, 1) is distinct  # nothing shared: the order is kept


def test_accounts_sharing_a_bio_are_judged_by_one_worker(store, over_two_cores, monkeypatch):  # noqa: F811
    monkeypatch.setattr(judgement_cache, "AHEAD_CHUNK", 6)
    accounts = crowd(store)
    cache = JudgementCache(store, "test", b"context")
    work = ((a, ("x", bio), (bio,)) for a, bio in accounts)
    cache.judge_ahead(work, judged_where, together=1)
    chunks = {}
    for account_id, bio in accounts[1:]:
        chunks.setdefault(bio, set()).add(cache._pending[account_id])
    assert sorted(chunks.values()) == [{0}, {1}, {2}]  # one chunk a bio
    results = {a: cache.judge(a, ("x", bio), judged_where, bio) for a, bio in accounts}
    assert cache.misses == len(accounts) and not judgement_cache._RUNNING
    # the first account is judged here before the workers start (AHEAD_WARM = 1)
    workers = {}
    for account_id, bio in accounts[1:]:
        pid, text = results[account_id]
        assert text == (bio or "").upper()
        assert pid != os.getpid()
        workers.setdefault(bio, set()).add(pid)
    assert all(len(pids) == 1 for pids in workers.values()), workers
    cache.save()
    rows = store.query("SELECT account_id, value FROM judgement_cache WHERE kind = 'test'")
    assert {r["account_id"]: r["value"] for r in rows} == {
        a: judgement_cache._as_json(results[a]) for a, _ in accounts
    }


def test_without_together_a_bio_is_judged_in_several_chunks(store, over_two_cores, monkeypatch):  # noqa: F811
    """What ``together`` changes: the same crowd in its own order spreads a bio over chunks."""
    monkeypatch.setattr(judgement_cache, "AHEAD_CHUNK", 6)
    accounts = crowd(store)
    cache = JudgementCache(store, "test", b"context")
    cache.judge_ahead(((a, ("x", bio), (bio,)) for a, bio in accounts), judged_where)
    chunks = {}
    for account_id, bio in accounts[1:]:
        chunks.setdefault(bio, set()).add(cache._pending[account_id])
    assert all(len(numbers) == 3 for numbers in chunks.values())
    for account_id, bio in accounts:
        assert cache.judge(account_id, ("x", bio), judged_where, bio)[1] == (bio or "").upper()
