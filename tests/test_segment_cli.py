"""`audience segment ...` and `audience search` through Typer, on a workspace file."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from audience.models import Account
from audience.store import open_store
from commands import search as search_command
from commands import segment as segment_command


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    segment_command.register(app)
    search_command.register(app)
    return app


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AUDIENCE_DB", raising=False)
    path = tmp_path / "audience.db"
    store = open_store(path)
    with store.transaction():
        store.upsert_accounts(
            [
                Account(
                    "x",
                    "1",
                    handle="jane",
                    bio="Tech reporter @FT. Contact centre beat.",
                    followers_count=900,
                ),
                Account("x", "2", handle="marcus", bio="Former BBC reporter, now Head of PR."),
                Account("x", "3", handle="priya", bio="Product manager at Rival Contact."),
                Account(
                    "bluesky", "did:plc:4", handle="jane.bsky.social", bio="Reporter at the FT"
                ),
                Account("bluesky", "did:plc:5", handle="priya", bio="Also here"),
            ]
        )
    store.close()
    return path


def run(app, *args: str):
    return CliRunner().invoke(app, [*args], catch_exceptions=False)


def said(text: str) -> str:
    """Output with Rich's line wrapping undone."""
    return " ".join(text.split())


def dump(path) -> list[str]:
    store = open_store(path)
    lines = list(store._conn.iterdump())
    store.close()
    return lines


def members(path, segment: str) -> dict[str, dict]:
    store = open_store(path)
    rows = store.query(
        "SELECT a.platform || ':' || a.handle AS account, m.source, m.excluded "
        "FROM segment_members m JOIN accounts a ON a.id = m.account_id "
        "JOIN segments s ON s.id = m.segment_id WHERE s.name = ?",
        [segment],
    )
    store.close()
    return {r["account"]: r for r in rows}


def test_auto_dry_run_then_auto_then_show(app, workspace, tmp_path):
    (tmp_path / "audience.toml").write_text(
        '[segments.competitors]\norganisations = ["Rival Contact Ltd"]\n', encoding="utf-8"
    )
    before = dump(workspace)
    result = run(app, "segment", "auto", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["dry_run"] is True
    adds = {(c["segment"], c["handle"]) for c in plan["changes"] if c["action"] == "add"}
    assert adds == {("press", "jane"), ("press", "jane.bsky.social"), ("competitors", "priya")}
    assert dump(workspace) == before

    result = run(app, "segment", "auto")
    assert result.exit_code == 0, result.output
    assert "auto changed: 3 add" in result.stderr

    result = run(app, "segment", "show", "press", "--json", "--sort", "followers")
    shown = json.loads(result.stdout)
    assert [r["handle"] for r in shown] == ["jane", "jane.bsky.social"]
    assert "reporter" in shown[0]["reason"]

    result = run(app, "segment", "show", "press", "--platform", "bluesky")
    assert "at FT in bio" in said(result.stdout)
    assert "1 member " in result.stderr

    result = run(app, "segment", "list", "--json")
    counts = {r["name"]: r for r in json.loads(result.stdout)}
    assert counts["press"]["by_platform"] == {"bluesky": 1, "x": 1}
    assert counts["competitors"]["members"] == 1


def test_add_remove_and_hand_decisions_stick(app, workspace):
    result = run(app, "segment", "add", "press", "@marcus", "--platform", "x")
    assert result.exit_code == 0, result.output
    result = run(app, "segment", "remove", "press", "x:@jane")
    assert result.exit_code == 0, result.output
    run(app, "segment", "auto")
    got = members(workspace, "press")
    assert got["x:marcus"]["source"] == "manual" and got["x:marcus"]["excluded"] == 0
    assert got["x:jane"]["excluded"] == 1
    assert got["bluesky:jane.bsky.social"]["source"] == "rule"


def test_add_from_file_and_refuse_unknown_or_ambiguous(app, workspace, tmp_path):
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("handle,platform\n@jane,x\npriya,bluesky\n", encoding="utf-8")
    result = run(app, "segment", "add", "customers", "--file", str(csv_file))
    assert result.exit_code == 0, result.output
    assert set(members(workspace, "customers")) == {"x:jane", "bluesky:priya"}

    result = run(app, "segment", "add", "press", "@nobody", "@priya")
    assert result.exit_code == 3
    assert "@nobody is not in the workspace" in said(result.stderr)
    assert "@priya is on x, bluesky" in said(result.stderr)
    assert members(workspace, "press") == {}


def test_unknown_segment_refused_with_list(app, workspace):
    result = run(app, "segment", "show", "journalists")
    assert result.exit_code == 2
    assert "unknown segment 'journalists'" in result.stderr
    assert "customers, press, suppliers, competitors" in said(result.stderr)


def test_create_then_use_own_segment(app, workspace):
    result = run(app, "segment", "create", "influencers", "--description", "People with reach")
    assert result.exit_code == 0, result.output
    run(app, "segment", "add", "influencers", "x:jane")
    result = run(app, "segment", "list", "--json")
    counts = {r["name"]: r for r in json.loads(result.stdout)}
    assert counts["influencers"]["members"] == 1
    assert counts["influencers"]["description"] == "People with reach"


def test_bad_rules_file_names_line_and_key_and_changes_nothing(app, workspace, tmp_path):
    (tmp_path / "audience.toml").write_text(
        '[segments.press]\n# comment\nkeywords = "journalist"\n', encoding="utf-8"
    )
    result = run(app, "segment", "auto")
    assert result.exit_code == 2
    assert "line 3: [segments.press] keywords must be a list of strings" in said(result.stderr)
    assert members(workspace, "press") == {}

    (tmp_path / "audience.toml").write_text("[segments.press\n", encoding="utf-8")
    result = run(app, "segment", "auto")
    assert result.exit_code == 2
    assert "line 1" in result.stderr


def test_import_orgs(app, workspace, tmp_path):
    orgs = tmp_path / "competitors.csv"
    orgs.write_text("name,domain\nRival Contact Ltd,rival.example\n", encoding="utf-8")
    result = run(app, "segment", "import-orgs", "competitors", str(orgs))
    assert result.exit_code == 0, result.output
    assert "1 organisations added" in result.stderr
    run(app, "segment", "auto")
    assert set(members(workspace, "competitors")) == {"x:priya"}

    orgs.write_text("name,domain\nBad,not a domain\n", encoding="utf-8")
    result = run(app, "segment", "import-orgs", "competitors", str(orgs))
    assert result.exit_code == 3
    assert "line 2" in said(result.stderr)


def test_search(app, workspace):
    result = run(app, "search", "contact centre", "--json")
    assert result.exit_code == 0, result.output
    assert [r["handle"] for r in json.loads(result.stdout)] == ["jane"]
    result = run(app, "search", "reporter", "--platform", "bluesky", "--json")
    (hit,) = json.loads(result.stdout)
    assert hit["snippet"].startswith("Reporter at the FT") and hit["highlights"] == [[0, 8]]
    result = run(app, "search", "reporter", "--platform", "bluesky")
    assert "Reporter at the FT" in result.stdout  # the hit in bold, no brackets added
    assert "1 account\n" in result.stderr
    result = run(app, "search", '""')
    assert result.exit_code == 3


def test_import_orgs_with_a_segment_column_and_auto_as_of(app, workspace, tmp_path):
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(
        "segment,name,domains,handles\ncompetitors,Rival Contact Ltd,rival.example;rc.example,"
        "@rivalcontact\n",
        encoding="utf-8",
    )
    result = run(app, "segment", "import-orgs", str(orgs))
    assert result.exit_code == 0, result.output
    assert "1 organisations added" in said(result.stderr)
    result = run(app, "segment", "auto", "--as-of", "2026-11-30", "--json")
    assert result.exit_code == 0, result.output
    store = open_store(workspace)
    stamps = {r["created_at"] for r in store.query("SELECT created_at FROM segment_members")}
    store.close()
    assert stamps == {"2026-11-30T00:00:00+00:00"}
    assert set(members(workspace, "competitors")) == {"x:priya"}
    result = CliRunner().invoke(app, ["segment", "auto", "--as-of", "someday"])
    assert result.exit_code == 2 and "--as-of" in result.output
