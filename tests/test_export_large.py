"""A large crowd's workbook (issue 18): people in no segment get no sheet of their own past
NO_SEGMENT_SHEET_ROWS (it would repeat most of "Everyone"); everything else is unchanged."""

from __future__ import annotations

import openpyxl
import pytest

import audience.export as export
from audience.export import build_rows, export_people, write_xlsx
from tests.test_export import add_account, add_to_segment


@pytest.fixture
def store():
    from audience.store import open_store

    return open_store(None)


def _crowd(store, size: int) -> None:
    for k in range(size):
        account = add_account(store, "x", str(k), f"h{k}", followers_count=100 - k)
        if k % 3 == 0:
            add_to_segment(store, "press", account)


def _handles(book, name: str) -> list[str]:
    return [row[8].value for row in book[name].iter_rows(min_row=2)]


@pytest.mark.parametrize("limit, sheets", [(4, ["Everyone", "press", "No segment"]), (3, None)])
def test_no_segment_sheet_only_while_it_is_small(store, tmp_path, monkeypatch, limit, sheets):
    monkeypatch.setattr(export, "NO_SEGMENT_SHEET_ROWS", limit)
    _crowd(store, 6)  # h0 and h3 in press; four people in no segment
    result = export_people(store, output=tmp_path / "crowd.xlsx")
    assert (result.rows, result.left_out) == (6, 0)
    book = openpyxl.load_workbook(tmp_path / "crowd.xlsx")
    assert book.sheetnames == (sheets or ["Everyone", "press"])
    assert _handles(book, "Everyone") == ["h0", "h3", "h1", "h2", "h4", "h5"]
    assert _handles(book, "press") == ["h0", "h3"]
    if sheets:
        assert _handles(book, "No segment") == ["h1", "h2", "h4", "h5"]
    for name in book.sheetnames:  # the sheets keep their frozen header and filter
        assert book[name].freeze_panes == "A2"
        assert book[name].auto_filter.ref.startswith("A1:")


def test_a_list_of_rows_is_counted_the_same_way(store, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "NO_SEGMENT_SHEET_ROWS", 3)
    _crowd(store, 6)
    rows = build_rows(store)
    write_xlsx(rows, tmp_path / "list.xlsx")
    assert openpyxl.load_workbook(tmp_path / "list.xlsx").sheetnames == ["Everyone", "press"]
    monkeypatch.setattr(export, "NO_SEGMENT_SHEET_ROWS", 4)
    write_xlsx(rows, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    assert book.sheetnames == ["Everyone", "press", "No segment"]
