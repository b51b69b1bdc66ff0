"""The export's press cells (Outlet, and Title for want of one) read from a journalist's bio
are kept between runs (issue 18): a second export reads no bio again, a changed bio is read
again, a forgotten account's row goes with it, and a read snapshot (the report) writes none."""

from __future__ import annotations

import csv

import pytest

import audience.export as export
from audience.export import build_rows, export_people
from audience.store import open_store
from tests.test_export import add_account, add_to_segment

KIND = "export-press"


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "audience.db")
    with store.transaction():
        wren = add_account(store, "x", "77", "wren", bio="Reporter at Customer Desk Weekly.")
        add_to_segment(store, "press", wren, "journalist")
        ivo = add_account(store, "x", "78", "ivo", bio="Producer at Harbour Radio. Views mine.")
        add_to_segment(store, "press", ivo, "journalist")
        add_account(store, "x", "79", "plain", bio="Dad, runner, coffee.")
    yield store
    store.close()


def _exported(store, tmp_path, name="out.csv"):
    out = tmp_path / name
    export_people(store, fmt="csv", output=out)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        return {row["x_handle"]: row for row in csv.DictReader(handle)}


def _kept(store):
    return store.scalar("SELECT count(*) FROM judgement_cache WHERE kind = ?", [KIND])


def test_a_second_export_reads_no_bio_and_writes_the_same_file(store, tmp_path, monkeypatch):
    first = _exported(store, tmp_path, "first.csv")
    assert first["wren"]["outlet"] == "Customer Desk Weekly"
    assert first["wren"]["title"] == "Reporter"
    assert first["ivo"]["outlet"] == "Harbour Radio"
    assert _kept(store) == 2  # the press members only

    def no_reading(accounts):
        raise AssertionError(f"bio read again: {accounts[0]['handle']}")

    monkeypatch.setattr(export, "press_cells", no_reading)
    _exported(store, tmp_path, "second.csv")
    assert (tmp_path / "first.csv").read_bytes() == (tmp_path / "second.csv").read_bytes()


def test_a_changed_bio_is_read_again(store, tmp_path):
    _exported(store, tmp_path)
    with store.transaction():
        store.execute("UPDATE accounts SET bio = 'Editor at The Ledger.' WHERE handle = 'wren'")
    row = _exported(store, tmp_path)["wren"]
    assert (row["outlet"], row["title"]) == ("The Ledger", "Editor")


def test_the_cells_kept_are_the_cells_read(store, tmp_path):
    cold = _exported(store, tmp_path, "cold.csv")
    warm = _exported(store, tmp_path, "warm.csv")
    assert cold == warm
    built = {r["x_handle"]: (r["outlet"], r["title"]) for r in build_rows(store)}
    assert built["wren"] == ("Customer Desk Weekly", "Reporter")
    assert built["plain"] == (None, None)


def test_forgetting_an_account_deletes_its_kept_cells(store, tmp_path):
    _exported(store, tmp_path)
    wren = store.scalar("SELECT id FROM accounts WHERE handle = 'wren'")
    with store.transaction():
        store.execute("DELETE FROM accounts WHERE id = ?", [wren])
    assert store.scalar("SELECT count(*) FROM judgement_cache WHERE account_id = ?", [wren]) == 0


def test_rows_read_inside_a_snapshot_keep_nothing(store):
    from audience.config import Rules
    from audience.report import press_list

    with store.snapshot():
        rows = press_list(store, Rules())
    assert sorted(r["outlet"] for r in rows) == ["Customer Desk Weekly", "Harbour Radio"]
    assert _kept(store) == 0


def test_the_report_keeps_the_press_cells_it_reads_and_the_export_reuses_them(
    store, tmp_path, monkeypatch
):
    from audience.config import Rules
    from audience.report import write_report

    write_report(store, tmp_path / "report.html", Rules())
    assert _kept(store) == 2  # saved once out of the report's read snapshot

    def no_reading(accounts):
        raise AssertionError(f"bio read again: {accounts[0]['handle']}")

    monkeypatch.setattr(export, "press_cells", no_reading)
    row = _exported(store, tmp_path)["wren"]
    assert (row["outlet"], row["title"]) == ("Customer Desk Weekly", "Reporter")
    write_report(store, tmp_path / "again.html", Rules())
    assert _kept(store) == 2


def test_the_report_reads_a_changed_bio_again(store, tmp_path, monkeypatch):
    from audience.config import Rules
    from audience.report import press_list, write_report

    write_report(store, tmp_path / "report.html", Rules())
    with store.transaction():
        store.execute("UPDATE accounts SET bio = 'Editor at The Ledger.' WHERE handle = 'wren'")
    write_report(store, tmp_path / "again.html", Rules())
    assert "The Ledger" in (tmp_path / "again.html").read_text(encoding="utf-8")

    def no_reading(accounts):
        raise AssertionError(f"bio read again: {accounts[0]['handle']}")

    monkeypatch.setattr(export, "press_cells", no_reading)  # the report kept what it read
    wren = next(r for r in press_list(store, Rules()) if r["x_handle"] == "wren")
    assert (wren["outlet"], wren["title"]) == ("The Ledger", "Editor")
