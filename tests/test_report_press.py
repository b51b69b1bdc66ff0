"""The report's press list, built from the export's rows as they stream by, is the export's
press rows sorted by outlet and name (ties in the export's order), with the outlets counted
in the export's order."""

from __future__ import annotations

from collections import Counter

from audience.config import Rules
from audience.export import sorted_rows
from audience.report import NO_OUTLET, press_summary
from tests.test_export import add_account, add_to_segment
from tests.test_report import seed_report


def _by_export(store):
    rows = list(sorted_rows(store, segment="press"))
    outlets = Counter(row["outlet"] or NO_OUTLET for row in rows)
    rows.sort(key=lambda r: ((r["outlet"] or "\uffff").casefold(), (r["name"] or "").casefold()))
    return rows, outlets


def test_press_list_is_the_export_rows_by_outlet_and_name(store):
    seed_report(store)
    with store.transaction():
        # namesakes at one outlet, and outlets tied in size: the order must come from the export
        for n, (handle, bio, followers) in enumerate(
            [
                ("twin_a", "Reporter at Harbour News", 10),
                ("twin_b", "Reporter at Harbour News", 900),
                ("solo_c", "Editor at City Radio", 5),
                ("solo_d", "Editor at Metro Wire", 50),
            ]
        ):
            account = add_account(store, "x", f"90{n}", handle, display_name="Sam Twin")
            store.execute(
                "UPDATE accounts SET bio = ?, followers_count = ? WHERE id = ?",
                [bio, followers, account],
            )
            add_to_segment(store, "press", account)
    expected, outlets = _by_export(store)
    listed, count, counted = press_summary(store, Rules(), listed=None)
    assert [(r["name"], r["x_handle"]) for r in listed] == [
        (r["name"], r["x_handle"]) for r in expected
    ]
    assert count == len(expected)
    assert list(counted.items()) == list(outlets.items())  # same counts, same tie order
    first, _, _ = press_summary(store, Rules(), listed=2)
    assert [r["x_handle"] for r in first] == [r["x_handle"] for r in expected[:2]]
