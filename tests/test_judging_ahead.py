"""Judging ahead over the cores while the caller works on (issue 18): the workers' results are
taken as they come, each the one judge() would have worked out, and a crowd's repeated values
are held once."""

from __future__ import annotations

import sqlite3

import pytest

from audience import judgement_cache
from audience.bulk import SharedValues, rows_sharing
from audience.judgement_cache import JudgementCache
from tests.test_segment import add_accounts

BIOS = [f"bio number {n}" + "!" * (n % 3) for n in range(11)]


def words(bio: str) -> list:
    return [len(bio), bio.split()[-1]]


@pytest.fixture
def over_two_cores(monkeypatch):
    if "fork" not in judgement_cache.multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this system")
    monkeypatch.setattr(judgement_cache.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(judgement_cache, "AHEAD_MIN", 1)
    monkeypatch.setattr(judgement_cache, "AHEAD_WARM", 1)
    monkeypatch.setattr(judgement_cache, "AHEAD_CHUNK", 3)


def crowd(store) -> list[tuple[int, str]]:
    ids = add_accounts(store, *({"handle": f"a{n}", "bio": bio} for n, bio in enumerate(BIOS)))
    return [(ids[f"a{n}"], bio) for n, bio in enumerate(BIOS)]


def ahead(cache: JudgementCache, accounts: list[tuple[int, str]]) -> None:
    cache.judge_ahead(((a, (bio,), (bio,)) for a, bio in accounts), words)


def test_results_are_taken_as_they_are_asked_for(store, over_two_cores):
    accounts = crowd(store)
    cache = JudgementCache(store, "test", b"context")
    ahead(cache, accounts)
    assert cache._running is not None  # still judging: nothing waited for yet
    first_id, first_bio = accounts[1]
    assert cache.judge(first_id, (first_bio,), words, first_bio) == words(first_bio)
    assert cache._running is not None and cache._running.received == 1  # only its chunk
    for account_id, bio in accounts[:1] + accounts[2:]:
        assert cache.judge(account_id, (bio,), words, bio) == words(bio)
    assert cache._running is None and not judgement_cache._RUNNING  # the workers have ended
    assert (cache.hits, cache.misses) == (0, len(accounts))
    cache.save()
    again = JudgementCache(store, "test", b"context")
    for account_id, bio in accounts:
        assert again.judge(account_id, (bio,), words, bio) == words(bio)
    assert (again.hits, again.misses) == (len(accounts), 0)


def test_saving_takes_the_results_not_asked_for(store, over_two_cores):
    accounts = crowd(store)
    cache = JudgementCache(store, "test", b"context")
    ahead(cache, accounts)
    cache.save()
    assert cache._running is None
    rows = store.query("SELECT account_id, value FROM judgement_cache WHERE kind = 'test'")
    assert {r["account_id"]: r["value"] for r in rows} == {
        a: judgement_cache._as_json(words(bio)) for a, bio in accounts
    }


def test_a_new_pool_waits_for_the_one_still_judging(store, over_two_cores):
    accounts = crowd(store)
    first = JudgementCache(store, "first", b"context")
    second = JudgementCache(store, "second", b"context")
    ahead(first, accounts)
    ahead(second, accounts)
    assert first._running is None and len(first._ahead) == len(accounts)
    assert judgement_cache._RUNNING[:] == [second]
    for account_id, bio in accounts:
        assert first.judge(account_id, (bio,), words, bio) == words(bio)
        assert second.judge(account_id, (bio,), words, bio) == words(bio)
    assert not judgement_cache._RUNNING


def test_a_changed_account_is_judged_again_by_judge(store, over_two_cores):
    accounts = crowd(store)
    cache = JudgementCache(store, "test", b"context")
    ahead(cache, accounts)
    account_id, _ = accounts[-1]
    assert cache.judge(account_id, ("edited bio",), words, "edited bio") == words("edited bio")
    cache.save()
    stored = store.scalar(
        "SELECT value FROM judgement_cache WHERE kind = 'test' AND account_id = ?", [account_id]
    )
    assert stored == judgement_cache._as_json(words("edited bio"))


def rows_of(*rows: tuple) -> list[dict]:
    """rows_sharing's rows of a table holding ``rows`` (columns state, count, bio, score)."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (state TEXT, count INTEGER, bio TEXT, score)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
    return rows_sharing(db.execute("SELECT * FROM t"), ("state", "count", "bio", "score"))


def test_equal_values_are_held_once():
    rows = rows_of(*[("active", 1234, None, 1.5)] * 3, ("moved", 99, "Reporter", 2))
    assert rows[0]["state"] is rows[2]["state"] and rows[0]["count"] is rows[1]["count"]
    assert rows == [
        *[{"state": "active", "count": 1234, "bio": None, "score": 1.5}] * 3,
        {"state": "moved", "count": 99, "bio": "Reporter", "score": 2},
    ]
    assert rows_of() == []
    shared = SharedValues()
    assert shared.share(True) is True and type(shared.share(1.0)) is float
    assert shared.share("".join(["a", "b"])) is shared.share("".join(["a", "b"]))


def test_a_column_with_floats_is_left_alone():
    """1.0 equals 1: sharing them would turn one into the other."""
    rows = rows_of(("a", 1, None, 1), ("a", 1, None, 1.0), ("a", 1, None, 1))
    assert [type(row["score"]) for row in rows] == [int, float, int]


def test_the_memo_starts_again_when_full():
    shared = SharedValues(limit=2)
    values = ["".join(["x", str(n)]) for n in range(5)]
    assert [shared.share(v) for v in values] == values
    assert len(shared._memo) <= 2


def test_segment_auto_keeps_the_press_evidence_of_every_member_it_finds(store):
    """prune reads back what press_evidence found for each press member: those the second
    look found with the outlets learned here are kept too (prune judged them all again)."""
    from audience.judgement_cache import press_evidence_of
    from audience.segment import auto_segment, parse_segment_config

    ids = add_accounts(
        store,
        {"handle": "r1", "bio": "Reporter at @HillsideEcho, local politics"},
        {"handle": "HillsideEcho", "display_name": "Hillside Echo", "bio": "Since 1921."},
        {"handle": "r2", "bio": "@HillsideEcho ⚽ | dad of two"},
        {"handle": "bob", "bio": "Baker in Leeds."},
    )
    segment_config = parse_segment_config({})
    plan = auto_segment(store, segment_config)
    second_look = {c.handle for c in plan.changes if c.segment == "press"} - {"r1"}
    assert second_look == {"HillsideEcho", "r2"}  # found only with the outlet learned from r1
    kept = {
        row["account_id"]: row["value"]
        for row in store.query(
            "SELECT account_id, value FROM judgement_cache WHERE kind = 'press-evidence'"
        )
    }
    press = {ids[h] for h in ("r1", "HillsideEcho", "r2")}
    assert set(kept) == press
    for account in store.query("SELECT * FROM accounts WHERE id IN (?, ?, ?)", sorted(press)):
        fresh = press_evidence_of(account, segment_config.lexicon)
        assert kept[account["id"]] == judgement_cache._as_json(fresh)
