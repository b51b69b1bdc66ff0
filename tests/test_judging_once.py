"""Judging a crowd fast without changing a decision (issue 18): a text's searches are worked
out once, and the judgements of a large crowd are shared out over the cores."""

from __future__ import annotations

import re

import pytest

from audience import judgement_cache, roles, textmatch
from audience.roles import bio_text, press_evidence
from audience.segment import auto_segment, plan_auto
from audience.textmatch import searched, text_memo
from tests.test_segment import add_accounts, config

CROWD = (
    {"handle": "jane", "display_name": "Jane Doe", "bio": "Reporter at Reuters"},
    {"handle": "acme", "display_name": "Acme Ltd", "bio": "We make widgets."},
    {"handle": "bob", "display_name": "Bob Stone", "bio": "Baker in Leeds. Sourdough daily."},
    {"handle": "ex", "display_name": "Ann Lee", "bio": "Former BBC producer, now a teacher."},
    {"handle": "tl", "display_name": "Trade Ledger", "bio": "The weekly magazine for ports."},
    {"handle": "cx", "display_name": "Cy Xu", "bio": "Head of CX at Globex. Views my own."},
    {"handle": "fake", "display_name": "BBC News (parody)", "bio": "Parody account."},
    {"handle": "jo", "display_name": "Jo Bloggs", "bio": "Reporter at Reuters"},
    {"handle": "rival", "display_name": "Rival Contact", "bio": "Customer care: DM us."},
)
SEGMENTS = {"competitors": {"organisations": ["Rival Contact Ltd"]}}


def judged(store, ahead: bool, monkeypatch) -> tuple[set[tuple], list[tuple]]:
    """The plan's changes and the cache rows it leaves, judged ahead over the cores or not."""
    kept = []
    keep = judgement_cache.JudgementCache._keep
    monkeypatch.setattr(
        judgement_cache.JudgementCache,
        "_keep",
        lambda self, *args: (kept.append(self.kind), keep(self, *args)),
    )
    monkeypatch.setattr(judgement_cache, "AHEAD_MIN", 1 if ahead else 10**9)
    monkeypatch.setattr(judgement_cache, "AHEAD_WARM", 1)
    monkeypatch.setattr(judgement_cache, "AHEAD_CHUNK", 2)
    store.execute("DELETE FROM judgement_cache")
    store.execute("DELETE FROM segment_members")
    store.execute("UPDATE accounts SET is_organisation = NULL")
    plan = auto_segment(store, config(SEGMENTS))
    assert (plan.judged[0].hits, plan.judged[0].misses) == (0, len(CROWD))
    assert kept.count("segment") == (len(CROWD) if ahead else 0)
    # the second look, with the outlets learned here, for those not found as press
    assert kept.count("segment-learned") == (len(plan.judged[1]._rows) if ahead else 0)
    changes = {(c.action, c.segment, c.handle, c.source, c.reason) for c in plan.changes}
    rows = store.query("SELECT kind, account_id, fingerprint, value FROM judgement_cache")
    return changes, sorted(tuple(r.values()) for r in rows)


def test_judging_ahead_over_the_cores_decides_the_same(store, monkeypatch):
    if not hasattr(judgement_cache.os, "sched_getaffinity"):
        pytest.skip("no processor affinity on this system")
    monkeypatch.setattr(judgement_cache.os, "sched_getaffinity", lambda pid: {0, 1})
    add_accounts(store, *CROWD)
    alone = judged(store, False, monkeypatch)
    together = judged(store, True, monkeypatch)
    assert together == alone
    assert {(c[0], c[1], c[2]) for c in together[0]} >= {
        ("add", "press", "jane"),
        ("add", "competitors", "rival"),
    }
    # The next run finds every judgement made ahead.
    again = plan_auto(store, config(SEGMENTS))
    assert (again.judged[0].hits, again.judged[0].misses) == (len(CROWD), 0)


def test_one_core_judges_in_this_process(store, monkeypatch):
    monkeypatch.setattr(judgement_cache.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(judgement_cache, "AHEAD_MIN", 1)
    add_accounts(store, *CROWD)
    plan = plan_auto(store, config(SEGMENTS))
    assert (plan.judged[0].hits, plan.judged[0].misses) == (0, len(CROWD))
    assert not plan.judged[0]._ahead


def test_a_search_is_remembered_per_pattern_and_text():
    first, second = re.compile(r"reporter"), re.compile(r"editor")
    assert searched(first, "a reporter").group(0) == "reporter"
    assert searched(second, "a reporter") is None  # another pattern, not the first one's answer
    assert searched(first, "an editor") is None
    assert searched(second, "an editor").span() == (3, 9)


def test_an_answer_kept_on_a_text_is_per_question():
    calls = []

    @text_memo
    def words(text, lowest: int) -> int:
        calls.append(lowest)
        return sum(1 for w in text.folded.split() if len(w) >= lowest)

    bio = bio_text("Reporter at the Harbour Ledger")
    assert (words(bio, 3), words(bio, 7), words(bio, 3)) == (4, 2, 4)
    assert calls == [3, 7]


@pytest.mark.parametrize("spec", CROWD, ids=lambda s: s["handle"])
def test_press_evidence_is_the_same_asked_twice(spec):
    """The second answer comes from what the first one kept (the prepared bio, its searches),
    and is the one worked out with nothing kept."""
    args = (spec["handle"], spec["display_name"], spec["bio"])
    textmatch._SEARCHED.clear()
    roles._BIO_TEXTS.clear()
    roles.press_role.cache_clear()
    fresh = press_evidence(*args)
    assert textmatch._SEARCHED
    assert press_evidence(*args) == fresh


def test_a_crowd_judged_before_is_not_sent_to_the_cores(store, monkeypatch):
    """Most accounts unchanged since the last run: judge() reads them back, and judges the one
    changed bio itself; nothing is forked for it."""
    monkeypatch.setattr(judgement_cache.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    ids = add_accounts(store, *CROWD)
    auto_segment(store, config(SEGMENTS))
    store.execute(
        "UPDATE accounts SET bio = 'Editor at The Harbour Ledger' WHERE id = ?", [ids["bob"]]
    )
    kept = []
    monkeypatch.setattr(judgement_cache.JudgementCache, "_keep", lambda self, *a: kept.append(a))
    monkeypatch.setattr(judgement_cache, "AHEAD_MIN", 1)
    monkeypatch.setattr(judgement_cache, "AHEAD_PROBE", 6)
    plan = plan_auto(store, config(SEGMENTS))
    assert kept == []
    assert (plan.judged[0].hits, plan.judged[0].misses) == (len(CROWD) - 1, 1)
    assert ("add", "press", "bob") in {(c.action, c.segment, c.handle) for c in plan.changes}


def test_the_second_look_reads_only_accounts_that_can_name_a_learned_outlet():
    from audience.outlets import Outlet
    from audience.segment import _names_any_of

    may_name = _names_any_of(
        [Outlet("Revista Dársena", "learned", handles=("darsena_rev",), domains=("dársena.es",))]
    )

    def account(**fields):
        return {"handle": "x", "display_name": None, "bio": None, "website": None, **fields}

    assert may_name(account(bio="Redactora en REVISTA DARSENA."))  # case and accents aside
    assert may_name(account(bio="Escribo para @darsena_rev"))
    assert may_name(account(website="https://www.darsena.es/autores/ana"))
    assert not may_name(account(bio="Periodista en el puerto de Vigo."))


def test_the_second_look_reads_a_handle_built_on_a_learned_outlets_brand():
    """A handle the gazetteer finds by the learned outlet's squashed name ("revistadarsenatv"
    for "Revista Dársena") names it too, though no word of the handle is the outlet's."""
    from audience.outlets import Gazetteer, Outlet
    from audience.segment import _names_any_of

    outlet = Outlet("Revista Dársena", "learned", handles=("darsena_rev",))
    assert Gazetteer((outlet,)).handle("RevistaDarsenaTV") is outlet
    may_name = _names_any_of([outlet])

    def account(handle, name=None):
        return {"handle": handle, "display_name": name, "bio": None, "website": None}

    assert may_name(account("RevistaDarsenaTV"))
    assert not may_name(account("revista_vigo", "Dar"))
