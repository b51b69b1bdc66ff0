"""Long listings: the top rows with "and N more", --all for every row, --json streamed."""

from __future__ import annotations

import io
import json

import pytest
import typer

import commands._tables as tables
from commands._common import print_json
from commands.loop import register
from tests import test_loop_cli as loop
from tests.fakes.x_api import FakeX


@pytest.fixture
def loop_app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def fake_x(monkeypatch):
    server = FakeX()
    loop.seed(server)
    with server:
        loop.use(monkeypatch, server)
        yield server


@pytest.mark.parametrize(
    "items",
    [[], [1], [{"a": [1, {"b": "x\ny"}], "c": None}, {"d": "é"}], [{"k": {}} for _ in range(3)]],
)
def test_stream_json_writes_what_print_json_writes(items, monkeypatch, capsys):
    print_json(items)
    whole = capsys.readouterr().out
    tables.stream_json(iter(items))
    assert capsys.readouterr().out == whole
    assert json.loads(whole) == items


def test_stream_json_writes_before_the_listing_ends(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(tables.sys, "stdout", out)
    seen = []

    def items():
        yield {"n": 1}
        seen.append(out.getvalue())
        yield {"n": 2}

    tables.stream_json(items())
    assert '"n": 1' in seen[0]


def test_top_rows_and_all():
    rows = list(range(120))
    assert tables.top_rows(rows) == rows[: tables.TOP_ROWS]
    assert tables.top_rows(rows, show_all=True) == rows
    assert tables.top_rows(rows, top=3) == [0, 1, 2]


def test_prune_table_shows_the_top_rows_and_how_many_more(loop_app, workspace, fake_x, monkeypatch):
    app, run, text, quiet = loop_app, loop.run, loop.text, loop.QUIET
    loop.synced(app, workspace)
    monkeypatch.setattr(tables, "TOP_ROWS", 1)

    top = text(run(app, workspace, "prune"))
    assert "@quiet3001" in top and "@quiet3004" not in top
    assert f"and {len(quiet) - 1} more accounts (--all shows them" in top
    assert f"{len(quiet)} accounts to consider unfollowing" in top

    everything = text(run(app, workspace, "prune", "--all"))
    assert all(f"@quiet{pid}" in everything for pid in quiet)
    assert "more accounts" not in everything

    listed = json.loads(run(app, workspace, "prune", "--json").stdout)
    assert [s["platform_id"] for s in listed] == quiet
