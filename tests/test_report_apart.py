"""The report's prune and follow-back lists judged in second processes (a large crowd, one
process per list) are the lists judged in the report's own process, and a failing second
process costs nothing."""

from __future__ import annotations

import multiprocessing

import pytest

import audience.report as report
from audience.config import Rules
from audience.report import collect, render_html
from audience.store import open_store
from tests.test_report import NOW, seed_report

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)


@pytest.fixture
def workspace(tmp_path):
    store = open_store(tmp_path / "audience.db")
    seed_report(store)
    yield store
    store.close()


def _collected(store, monkeypatch, apart: bool):
    monkeypatch.setattr(report, "JUDGE_APART_FROM", 0 if apart else 10**9)
    started = []
    real_start = report.JudgedLists.start.__func__

    def start(cls, *args):
        judged = real_start(cls, *args)
        started.append(judged.apart)
        return judged

    monkeypatch.setattr(report.JudgedLists, "start", classmethod(start))
    with store.snapshot():
        data = collect(store, Rules(), now=NOW)
    assert started == [apart]
    return data


def test_lists_judged_apart_are_the_lists_judged_here(workspace, monkeypatch):
    here = _collected(workspace, monkeypatch, apart=False)
    apart = _collected(workspace, monkeypatch, apart=True)
    assert [s.handle for s in apart.prune] == ["quiet_one"]
    assert [c.handle for c in apart.followback] == ["newbie"]
    assert (apart.prune_count, apart.followback_count, apart.followback_worth) == (1, 1, 0)
    assert [s.reasons for s in apart.prune] == [s.reasons for s in here.prune]
    assert render_html(apart) == render_html(here)


def test_only_the_listed_rows_come_back_with_the_counts(workspace, monkeypatch):
    monkeypatch.setattr(report, "MAX_LISTED", 0)
    data = _collected(workspace, monkeypatch, apart=True)
    assert (data.prune, data.followback) == ([], [])
    assert (data.prune_count, data.followback_count) == (1, 1)


def test_a_failing_second_process_leaves_the_judging_to_the_report(workspace, monkeypatch):
    import audience.store

    def broken(*args, **kwargs):
        raise RuntimeError("no workspace for the second process")

    here = _collected(workspace, monkeypatch, apart=False)
    monkeypatch.setattr(audience.store, "open_store", broken)
    data = _collected(workspace, monkeypatch, apart=True)
    assert [s.handle for s in data.prune] == ["quiet_one"]
    assert render_html(data) == render_html(here)


def test_the_page_drawn_while_the_lists_are_judged_is_the_same_page(
    workspace, monkeypatch, tmp_path
):
    import audience.report_page as page

    drawn = []
    real_draw = page.draw_ahead
    monkeypatch.setattr(page, "draw_ahead", lambda data: drawn.append(real_draw(data)))
    here = render_html(_collected(workspace, monkeypatch, apart=False))
    monkeypatch.setattr(report, "JUDGE_APART_FROM", 0)
    written = report.write_report(workspace, tmp_path / "report.html", Rules(), now=NOW)
    assert len(drawn) == 1  # drawn ahead once, while the second process judged
    assert written.read_text("utf-8") == here


def test_only_prunes_process_keeps_its_judgements(tmp_path):
    """A judgement kept from inside a read snapshot holds the workspace's write lock to the
    snapshot's end: follow-back's process keeps none (prune's keeps the same press evidence),
    so the two never contend for the lock and prune's judgements are always kept."""
    import signal
    import sqlite3

    path = tmp_path / "audience.db"
    store = open_store(path)
    seed_report(store)
    store.close()
    kept = {}
    handler = signal.getsignal(signal.SIGINT)
    for part in ("followback", "prune"):
        receiver, sender = multiprocessing.Pipe(duplex=False)
        try:
            report._judge_elsewhere(sender, path, Rules(), set(), NOW, part)
        finally:
            signal.signal(signal.SIGINT, handler)  # as it was before "the second process"
        kind, found = receiver.recv()
        assert kind == "ok", found
        with sqlite3.connect(path) as conn:
            kept[part] = conn.execute("SELECT count(*) FROM judgement_cache").fetchone()[0]
        if part == "followback":
            listed, count, worth = found
            assert ([c.handle for c in listed], count, worth) == (["newbie"], 1, 0)
    assert kept["followback"] == 0
    assert kept["prune"] > 0
