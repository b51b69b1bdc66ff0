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


def test_a_higher_review_floor_keeps_less_likely_candidates_out_of_the_queue(db):
    result = runner.invoke(make_app(), ["match", "--review-floor", "0.6", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["accepted"], data["review"]) == (1, 0)  # the two Jane Does are a coin toss
    refused = runner.invoke(make_app(), ["match", "--review-floor", "0.9"])
    assert refused.exit_code != 0  # at or above the acceptance line there is no review


def test_list_json_and_csv(db):
    runner.invoke(make_app(), ["match"])
    result = runner.invoke(make_app(), ["match", "list", "--status", "accepted", "--json"])
    rows = json.loads(result.stdout)
    assert [(r["person"], r["handle"]) for r in rows] == [("Dan Mears", "dmears")]
    csv_out = runner.invoke(make_app(), ["match", "list", "--csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,platform,person")
    assert len(csv_out.splitlines()) == 4
    bad = runner.invoke(make_app(), ["match", "list", "--status", "maybe"])
    assert bad.exit_code == 2 and "maybe" in bad.output  # a bad option value is a usage error


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


# ---- issue 14: fit and finish ----------------------------------------------------------------


def test_review_prompt_shows_its_keys_and_the_queue_rank(db):
    runner.invoke(make_app(), ["match"])
    result = runner.invoke(make_app(), ["match", "review"], input="q\n")
    assert result.exit_code == 0, result.output
    assert "[a]ccept [r]eject [s]kip [q]uit" in result.output
    assert "1 of 2 in the queue" in result.output


def test_match_prints_a_table_not_python_values(db):
    result = runner.invoke(make_app(), ["match"])
    assert result.exit_code == 0, result.output
    assert "platforms: [" not in result.output and "seconds:" not in result.output
    assert "accepted" in result.output and "review" in result.output


def test_names_prints_names_not_internal_ids(db):
    result = runner.invoke(make_app(), ["match", "names", "Jo Bloggs @ Contact Centre World"])
    assert result.exit_code == 0, result.output
    assert "people: [" not in result.output
    assert "Jo Bloggs" in result.output and "@ccw_jo" in result.output


def test_list_csv_neutralises_names_and_writes_a_private_file(db, tmp_path):
    store = open_store(db)
    store.execute("UPDATE people SET name = '=HYPERLINK(\"http://x\")' WHERE name = 'Dan Mears'")
    store.close()
    runner.invoke(make_app(), ["match"])
    out = runner.invoke(make_app(), ["match", "list", "--csv"]).stdout
    assert "'=HYPERLINK" in out and ",=HYPERLINK" not in out
    target = tmp_path / "matches.csv"
    written = runner.invoke(make_app(), ["match", "list", "--csv", "--output", str(target)])
    assert written.exit_code == 0, written.output
    assert target.stat().st_mode & 0o777 == 0o600
    assert "'=HYPERLINK" in target.read_text(encoding="utf-8")


def test_accepting_a_byline_for_a_matched_contact_merges_into_the_contact(db, tmp_path):
    """Issue 14.2: the account keeps one accepted person, the contact's phone and title stay,
    and the byline's beat goes to the person's notes, not the title."""
    store = open_store(db)
    t = now_iso()
    pid = store.execute(
        "INSERT INTO people (name, title, created_at, updated_at) "
        "VALUES ('Jo Bloggs', 'Head of CX', ?, ?) RETURNING id",
        [t, t],
    ).fetchone()[0]
    contact = store.execute(
        "INSERT INTO contacts (person_id, source, source_format, source_key, full_name, title, "
        "emails, phones, imported_at) VALUES (?, 'b', 'csv', 'jo', 'Jo Bloggs', 'Head of CX', "
        "'[\"ccw_jo@gmail.com\"]', '[\"+447700900123\"]', ?) RETURNING id",
        [pid, t],
    ).fetchone()[0]
    store.execute(
        "INSERT INTO contact_points VALUES (?, 'phone', '+447700900123'), "
        "(?, 'email', 'ccw_jo@gmail.com')",
        [contact, contact],
    )
    store.close()
    assert runner.invoke(make_app(), ["match"]).exit_code == 0
    bylines = tmp_path / "bylines.csv"
    bylines.write_text("name,outlet,beat\nJo Bloggs,Contact Centre World,CX tech\n", "utf-8")
    result = runner.invoke(make_app(), ["match", "names", "--file", str(bylines)])
    assert result.exit_code == 0, result.output
    runner.invoke(make_app(), ["match", "review"], input="a\n" * 5)
    store = open_store(db)
    account = store.scalar("SELECT id FROM accounts WHERE handle = 'ccw_jo'")
    accepted = store.query(
        "SELECT person_id FROM matches WHERE account_id = ? AND status = 'accepted'", [account]
    )
    assert [r["person_id"] for r in accepted] == [pid]
    assert store.scalar("SELECT person_id FROM accounts WHERE id = ?", [account]) == pid
    person = store.query("SELECT title, notes FROM people WHERE id = ?", [pid])[0]
    assert person["title"] == "Head of CX" and "CX tech" in person["notes"]
    assert store.scalar("SELECT count(*) FROM people WHERE name = 'Jo Bloggs'") == 1
    reason = store.scalar(
        "SELECT reason FROM segment_members m JOIN segments s ON s.id = m.segment_id "
        "WHERE s.name = 'press' AND m.account_id = ?",
        [account],
    )
    assert reason == "byline: Contact Centre World"


def test_a_forgotten_persons_byline_does_not_bring_them_back(db):
    """Issue 14.3: forget keeps people out of matches too: their byline is left out, said so."""
    from audience.privacy import forget, plan_forget

    store = open_store(db)
    forget(store, plan_forget(store, "jane@harbourlight.example"))
    store.close()
    result = runner.invoke(
        make_app(), ["match", "names", "Jane Doe @ Harbourlight Media", "Jo Bloggs", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["forgotten_skipped"] == 1
    store = open_store(db)
    assert store.scalar("SELECT count(*) FROM people WHERE name = 'Jane Doe'") == 0
    assert store.scalar("SELECT count(*) FROM people WHERE name = 'Jo Bloggs'") == 1


def test_lookup_caps_requests_with_max_requests_as_find_does(db):
    """Issue 14.18: one vocabulary: --max-requests counts requests everywhere (--budget is
    find's money cap)."""
    help_text = runner.invoke(make_app(), ["match", "--help"]).output
    assert "--max-requests" in help_text and "--budget" not in help_text
    assert runner.invoke(make_app(), ["match", "--max-requests", "-1"]).exit_code == 2
