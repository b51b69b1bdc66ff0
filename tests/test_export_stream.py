"""The export streams its rows (issue 18): sorted by SQLite from a temporary table, written as
they are read, with the same order and bytes as a sort in memory."""

from __future__ import annotations

import json
import math

import openpyxl
import pytest
from typer.testing import CliRunner

import audience.export as export
from audience.export import COLUMNS, build_rows, export_people, sorted_rows
from audience.models import Post
from tests.test_export import add_account, add_match, add_person, add_to_segment


@pytest.fixture
def store():
    from audience.store import open_store

    return open_store(None)


def _expected_order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (-r["relevance"], (r["name"] or "").casefold()))


def test_rows_come_back_in_the_exports_order_ties_by_followers_then_id(store):
    # same relevance and name: the tie goes to the top account with more followers, then the
    # lower row id; a name's case does not count; unknown followers come last
    ids = [
        add_account(store, "x", "1", "same_a", display_name="Same", followers_count=None),
        add_account(store, "x", "2", "same_b", display_name="same", followers_count=5),
        add_account(store, "x", "3", "same_c", display_name="SAME", followers_count=5),
        add_account(store, "x", "4", "zed", display_name="Zed", followers_count=9),
        add_account(store, "x", "5", "emile", display_name="Émile", followers_count=9),
        add_account(store, "x", "6", "same_d", display_name="same", followers_count=0),
    ]
    rows = build_rows(store)
    # names in code-point order, as Python sorts them: "zed" before "émile"
    assert [r["x_handle"] for r in rows] == ["zed", "emile", "same_b", "same_c", "same_d", "same_a"]
    assert rows == _expected_order(rows)
    assert len(ids) == 6


def test_a_persons_accounts_are_one_row_their_top_account_first(store):
    person = add_person(store, "Ada Lovelace")
    small = add_account(store, "x", "1", "ada_small", followers_count=10)
    big = add_account(store, "bluesky", "did:plc:ada", "ada.bsky.social", followers_count=900)
    second = add_account(store, "x", "2", "ada_big", followers_count=500)
    store.execute("UPDATE accounts SET person_id = ? WHERE id IN (?, ?)", [person, small, big])
    add_match(store, person, second, "x", "accepted")
    add_account(store, "x", "3", "someone", followers_count=1)
    [ada, other] = build_rows(store)
    assert ada["name"] == "Ada Lovelace" and other["x_handle"] == "someone"
    assert ada["x_handle"] == "ada_big; ada_small"  # most followers first
    assert ada["followers_total"] == 1410


def test_hashtags_and_segments_are_read_per_account(store):
    ada = add_account(store, "x", "1", "ada", followers_count=10, bio="All about #CX")
    add_account(store, "x", "2", "bob", followers_count=10)
    add_to_segment(store, "press", ada, "reporter")
    add_to_segment(store, "customers", ada, "client")
    posts = [
        Post("x", f"p{k}", "1", f"text {k}", hashtags=tags)
        for k, tags in enumerate([["#cx", "#Support"], ["#cx"], []])
    ]
    store.upsert_posts(posts, {"1": ada})
    [row, bob] = build_rows(store, topics=["#cx", "support"])
    assert row["topics"] == "#cx #support"
    assert row["segments"] == "customers; press"  # neither primary: by name
    assert row["reasons"] == "customers: client; press: reporter; topic: #cx; topic: #support"
    assert row["relevance"] == 40 + 20 + round(6 * math.log10(11))
    assert bob["topics"] is None and bob["segments"] is None


def test_rows_held_in_memory_and_rows_spilled_to_the_table_come_back_alike(store, monkeypatch):
    # relevance, name (case aside), person, unknown followers, followers, top account
    for k in range(40):
        account = add_account(
            store,
            "x",
            str(k),
            f"h{k}",
            display_name=["Same", "same", "Zed", "Émile", None][k % 5],
            followers_count=None if k % 7 == 0 else k % 3,
            bio="#cx" if k % 4 == 0 else None,
        )
        if k % 6 == 0:
            add_to_segment(store, "press", account)
    for k in range(3):
        person = add_person(store, f"Person {k % 2}")
        store.execute("UPDATE accounts SET person_id = ? WHERE handle = ?", [person, f"h{k}"])
    held = sorted_rows(store, topics=["#cx"])
    assert not held._spilled
    monkeypatch.setattr(export.SortedRows, "_HELD", 4)
    spilled = sorted_rows(store, topics=["#cx"])
    assert spilled._spilled
    assert list(held.values()) == list(spilled.values()) and len(held) == len(spilled) == 40


@pytest.mark.parametrize("held", [export.SortedRows._HELD, 0], ids=["held", "spilled"])
def test_the_temporary_table_is_dropped_and_the_rows_can_be_read_twice(store, held, monkeypatch):
    monkeypatch.setattr(export.SortedRows, "_HELD", held)
    add_account(store, "x", "1", "ada")
    rows = sorted_rows(store)
    assert list(rows) == list(rows) and len(rows) == 1
    rows.close()
    tables = store.query("SELECT name FROM temp.sqlite_master WHERE name LIKE '_export_rows%'")
    assert tables == []


def test_json_and_csv_files_match_what_is_rendered_in_memory(store, tmp_path):
    for k in range(30):
        add_account(store, "x", str(k), f"h{k}", display_name=f"=Name {k % 7}", followers_count=k)
    for fmt in ("csv", "json"):
        out = tmp_path / f"people.{fmt}"
        export_people(store, fmt=fmt, output=out, excel=False)
        assert out.read_bytes().decode("utf-8") == export_people(store, fmt=fmt).text
    data = json.loads((tmp_path / "people.json").read_text())
    assert [list(d) for d in data] == [list(COLUMNS)] * 30


def test_a_workbook_stops_at_excels_row_limit_and_says_so(store, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "SHEET_ROW_LIMIT", 3)
    for k in range(5):
        account = add_account(store, "x", str(k), f"h{k}", followers_count=100 - k)
        if k % 2:
            add_to_segment(store, "press", account)
    result = export_people(store, output=tmp_path / "crowd.xlsx")
    assert (result.rows, result.left_out) == (3, 2)
    book = openpyxl.load_workbook(tmp_path / "crowd.xlsx")
    assert book.sheetnames == ["Everyone", "press", "No segment"]
    handles = {
        name: [row[8].value for row in book[name].iter_rows(min_row=2)] for name in book.sheetnames
    }
    # the most relevant rows: press members first (segment), then by followers
    assert handles == {
        "Everyone": ["h1", "h3", "h0"],
        "press": ["h1", "h3"],
        "No segment": ["h0", "h2", "h4"],
    }


def test_the_command_names_the_rows_left_out(tmp_path, monkeypatch):
    from audience.store import open_store
    from commands import app

    monkeypatch.setattr(export, "SHEET_ROW_LIMIT", 1)
    db = tmp_path / "audience.db"
    store = open_store(db)
    for k in range(3):
        add_account(store, "x", str(k), f"h{k}")
    store.close()
    result = CliRunner().invoke(app, ["export", "-o", str(tmp_path / "c.xlsx"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 rows" in result.output
    assert "2 less relevant rows were left out" in result.output


def test_the_reports_press_summary_keeps_the_first_listed_and_counts_them_all(store):
    from audience.config import Rules
    from audience.report import press_list, press_summary

    outlets = ["Zeta Daily", None, "Alpha Times", "alpha times", "Zeta Daily"]
    for k, outlet in enumerate(outlets):
        bio = f"Reporter at {outlet}" if outlet else "Freelance reporter"
        account = add_account(store, "x", str(k), f"j{k}", display_name=f"J{k}", bio=bio)
        add_to_segment(store, "press", account)
    add_account(store, "x", "99", "not_press")
    everyone = press_list(store, Rules())
    kept, count, per_outlet = press_summary(store, Rules(), listed=2)
    assert count == len(everyone) == 5
    assert kept == everyone[:2]
    assert sum(per_outlet.values()) == 5
    assert per_outlet == {
        (row["outlet"] or "No outlet named"): n
        for row in everyone
        for n in [sum(1 for r in everyone if r["outlet"] == row["outlet"])]
    }
    assert all("beat" in row for row in kept)


def test_the_reports_segment_counts_leave_out_suppressed_accounts(store):
    from audience.privacy import suppressed_account_ids
    from audience.report import crowd_by_segment
    from audience.store import now_iso

    for k, platform in enumerate(["x", "x", "bluesky", "x"]):
        account = add_account(store, platform, str(k), f"p{k}")
        add_to_segment(store, "press", account, excluded=int(k == 3))
    store.execute(
        "INSERT INTO suppressions (kind, value, created_at) VALUES ('handle', 'x:p1', ?)",
        [now_iso()],
    )
    counts = dict(crowd_by_segment(store, suppressed_account_ids(store)))
    assert counts["press"] == {"x": 1, "bluesky": 1, "mastodon": 0, "linkedin": 0}
    assert dict(crowd_by_segment(store, set()))["press"]["x"] == 2
