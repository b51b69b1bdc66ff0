"""``audience match`` through Typer's CliRunner on a workspace file in a temp folder."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from audience.models import Account
from audience.store import now_iso, open_store
from commands import match as match_commands

runner = CliRunner()


def make_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    match_commands.register(app)
    return app


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "audience.db"
    store = open_store(path)
    t = now_iso()
    for name, org, email in [
        ("Dan Mears", "Novaleaf Studios", "mearsd@novaleaf.co.uk"),
        ("Jane Doe", "Harbourlight Media", "jane@harbourlight.example"),
        (None, None, None),
    ]:
        pid = store.execute(
            "INSERT INTO people (name, organisation, created_at, updated_at) "
            "VALUES (?, ?, ?, ?) RETURNING id",
            [name, org, t, t],
        ).fetchone()[0]
        store.execute(
            "INSERT INTO contacts (person_id, source, source_format, source_key, full_name, "
            "organisation, emails, imported_at) VALUES (?, 'b', 'csv', ?, ?, ?, ?, ?)",
            [pid, str(pid), name, org, json.dumps([email] if email else []), t],
        )
    store.upsert_accounts(
        [
            Account("x", "1", "dmears", "Dan Mears", "News Editor @NovaleafStudios"),
            Account("x", "2", "janedoe1", "Jane Doe", "Harbourlight Media"),
            Account("x", "3", "janedoe2", "Jane Doe", "Harbourlight Media"),
            Account("x", "4", "ccw_jo", "Jo Bloggs", "Reporter, Contact Centre World"),
        ]
    )
    store.close()
    monkeypatch.setenv("AUDIENCE_DB", str(path))
    return path


def test_match_json(db):
    result = runner.invoke(make_app(), ["match", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["accepted"], data["review"], data["ties"]) == (1, 2, 1)
    assert data["unmatchable"][0]["reason"] == "no usable name or e-mail"


def test_list_json_and_csv(db):
    runner.invoke(make_app(), ["match"])
    result = runner.invoke(make_app(), ["match", "list", "--status", "accepted", "--json"])
    rows = json.loads(result.stdout)
    assert [(r["person"], r["handle"]) for r in rows] == [("Dan Mears", "dmears")]
    csv_out = runner.invoke(make_app(), ["match", "list", "--csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,platform,person")
    assert len(csv_out.splitlines()) == 4
    bad = runner.invoke(make_app(), ["match", "list", "--status", "maybe"])
    assert bad.exit_code == 3 and "maybe" in bad.output


def test_review_loop_quits_and_resumes(db):
    runner.invoke(make_app(), ["match"])
    first = runner.invoke(make_app(), ["match", "review"], input="s\nq\n")
    assert first.exit_code == 0, first.output
    assert "janedoe" in first.output and "stopped" in first.output
    second = runner.invoke(make_app(), ["match", "review"], input="a\n")
    assert second.exit_code == 0 and "review queue done" in second.output
    store = open_store(db)
    statuses = sorted(r[0] for r in store.execute("SELECT status FROM matches"))
    assert statuses == ["accepted", "accepted", "rejected"]


def test_names_from_arguments_and_file(db, tmp_path):
    result = runner.invoke(
        make_app(), ["match", "names", "Jo Bloggs @ Contact Centre World", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["press_added"] == 1
    bad = tmp_path / "b.csv"
    bad.write_text("who\nx\n", encoding="utf-8")
    failed = runner.invoke(make_app(), ["match", "names", "--file", str(bad)])
    assert failed.exit_code == 3 and "b.csv" in failed.output
