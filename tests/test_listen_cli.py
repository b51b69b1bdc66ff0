"""`audience listen` and `audience listen compare` end to end: the real CLI and clients
against the local fakes, the bundled example data, and exit codes for bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from commands import app
from tests.conftest import EXAMPLES
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.x_api import FakeX

runner = CliRunner()


def recent(hours: int) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def fake_x(monkeypatch, tmp_path):
    server = FakeX(seed_recordings=False)
    monkeypatch.setenv("X_BEARER_TOKEN", server.bearer_token)
    monkeypatch.setenv("AUDIENCE_DB", str(tmp_path / "audience.db"))
    with server:
        monkeypatch.setenv("X_API_BASE_URL", server.base_url)
        yield server


def test_listen_on_x_stores_counts_and_shows_them(fake_x):
    fake_x.add_user(user_id="1", username="cx_fan")
    for n in range(4):
        fake_x.add_post(str(100 + n), "1", "Long queues #contactcentre", recent(30 + n))

    result = runner.invoke(app, ["listen", "#contactcentre", "--since", "3d", "--json"])

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["measured"][0]["method"] == "x counts/recent"
    (series,) = data["series"]
    assert sum(p["count"] for p in series["points"]) == 4
    assert len(fake_x.calls("/2/tweets/counts/recent")) == 1
    assert fake_x.calls("/2/tweets/search/recent") == []  # counts spend no post reads

    again = runner.invoke(app, ["listen", "#contactcentre", "--since", "3d"])
    assert again.exit_code == 0
    assert "already measured this hour" in again.output
    assert len(fake_x.calls("/2/tweets/counts/recent")) == 1


def test_listen_estimate_makes_no_request(fake_x):
    result = runner.invoke(app, ["listen", "#cx", "#contactcentre", "--estimate"])
    assert result.exit_code == 0, result.output
    assert "Plan (x): 2 requests for about 14 items" in result.output
    assert fake_x.requests == []


def test_listen_with_refused_credentials_exits_5(fake_x, monkeypatch):
    monkeypatch.setenv("X_BEARER_TOKEN", "wrong-token-000")
    result = runner.invoke(app, ["listen", "#cx"])
    assert result.exit_code == 5
    assert "wrong-token-000" not in result.output


def test_listen_on_mastodon(monkeypatch, tmp_path):
    server = FakeMastodon()
    monkeypatch.setenv("AUDIENCE_DB", str(tmp_path / "audience.db"))
    with server:
        server.me_id = server.add_account("me")
        today = datetime.now(UTC).date().isoformat()
        server.add_tag_history("cx", {today: (12, 5)})
        monkeypatch.setenv("MASTODON_API_BASE_URL", server.base_url)
        monkeypatch.setenv("MASTODON_ACCESS_TOKEN", server.token)
        result = runner.invoke(app, ["listen", "-p", "mastodon", "#cx", "--json"])
    assert result.exit_code == 0, result.output
    (series,) = json.loads(result.stdout)["series"]
    assert series["points"][-1]["count"] == 12 and series["points"][-1]["accounts"] == 5
    assert series["points"][-1]["complete"] is False


def test_demo_data_compare_finds_the_lead_the_quiet_peak_and_the_rise(workspace):
    db = ["--db", str(workspace)]
    counts = EXAMPLES / "x" / "counts-contactcentre.jsonl"
    imported = runner.invoke(app, ["listen", "--counts-file", str(counts), "--json", *db])
    assert imported.exit_code == 0, imported.output

    calls = EXAMPLES / "calls" / "volumes.csv"
    result = runner.invoke(
        app, ["listen", "compare", "--calls", str(calls), "--decimal", ",", "--json", *db]
    )

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["calls_timezone"] == "Europe/London"
    (comparison,) = data["comparisons"]
    assert comparison["leading_lag_days"] == 2
    assert comparison["lags"][2]["days"] >= 50
    peaks = comparison["forecast_peaks_without_conversation"]
    assert [p["date"] for p in peaks] == ["2026-10-19"]
    assert comparison["rising_conversation"]["rising"] is True
    # the calls are kept: the next compare (and the report) need not be given the file again
    stored = runner.invoke(app, ["listen", "compare", *db])
    assert stored.exit_code == 0 and "leads calls by 2 day" in stored.output


def test_compare_refuses_a_bad_volumes_file_with_exit_3(workspace, tmp_path):
    bad = tmp_path / "calls.csv"
    bad.write_text("date;calls\n2026-10-01;12\n2026-10-01;13\n", encoding="utf-8")
    result = runner.invoke(
        app, ["listen", "compare", "--calls", str(bad), "--timezone", "UTC", "--db", str(workspace)]
    )
    assert result.exit_code == 3
    assert "calls.csv, line 3, column 'date'" in " ".join(result.output.split())


def test_compare_with_nothing_stored_asks_for_the_file(workspace):
    result = runner.invoke(app, ["listen", "compare", "--db", str(workspace)])
    assert result.exit_code == 3 and "--calls" in result.output


def test_offline_counts_from_imported_posts(workspace):
    from audience.importers.social import save_social_import
    from audience.importers.twarc import read_twarc
    from audience.store import open_store

    store = open_store(workspace)
    save_social_import(store, read_twarc(EXAMPLES / "x" / "search-contactcentre.jsonl"))
    store.close()
    result = runner.invoke(
        app, ["listen", "#contactcentre", "--offline", "--json", "--db", str(workspace)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (series,) = data["series"]
    assert series["methods"] == ["stored posts (a sample)"]
    assert sum(p["count"] for p in series["points"]) >= 50
    assert data["sentiment"][0]["days"]  # English posts scored per day


def test_trending_tags_on_mastodon(monkeypatch, tmp_path):
    server = FakeMastodon()
    monkeypatch.setenv("AUDIENCE_DB", str(tmp_path / "audience.db"))
    with server:
        server.me_id = server.add_account("me")
        today = datetime.now(UTC).date().isoformat()
        server.add_tag_history("cx", {today: (40, 9)})
        monkeypatch.setenv("MASTODON_API_BASE_URL", server.base_url)
        result = runner.invoke(app, ["listen", "trending", "--json"])
        table = runner.invoke(app, ["listen", "trending"])
    assert result.exit_code == 0, result.output
    (tag,) = json.loads(result.stdout)
    assert tag["tag"] == "#cx" and tag["days"][-1]["uses"] == 40
    assert table.exit_code == 0 and "#cx" in table.stdout
