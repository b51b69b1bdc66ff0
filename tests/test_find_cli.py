"""`audience find` end to end: the real CLI and tweepy against the local fake X server."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from commands import app
from tests.fakes.x_api import FakeX

runner = CliRunner()


@pytest.fixture
def fake(monkeypatch, tmp_path):
    server = FakeX(seed_recordings=False)
    monkeypatch.setenv("X_BEARER_TOKEN", server.bearer_token)
    monkeypatch.setenv("AUDIENCE_DB", str(tmp_path / "audience.db"))
    with server:
        monkeypatch.setenv("X_API_BASE_URL", server.base_url)
        yield server


def recent(hours: int) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_hashtag_search_ranks_authors_with_reasons(fake):
    fake.add_user(user_id="1", username="leeds_cx", location="Leeds", followers_count=900)
    fake.add_user(user_id="2", username="texas_dad", location="Texas, USA", followers_count=90000)
    fake.add_user(user_id="3", username="quiet_one", location="Bristol", followers_count=50)
    for n in range(6):
        fake.add_post(
            str(100 + n), "1", "Queues down 20% #contactcentre", recent(n + 1), like_count=10
        )
    fake.add_post("200", "2", "Great #contactcentre story", recent(2), like_count=500)
    fake.add_post("300", "3", "Old news #contactcentre", recent(150))

    result = runner.invoke(
        app, ["find", "hashtag", "#contactcentre", "--since", "7d", "--near", "UK", "--json"]
    )
    assert result.exit_code == 0, result.output
    ranked = json.loads(result.stdout)
    assert [r["handle"] for r in ranked] == ["leeds_cx", "quiet_one"]  # Texas is not near UK
    assert ranked[0]["reasons"][0] == "6 posts on #contactcentre ×6"
    assert "in Leeds, GB" in ranked[0]["reasons"]
    search = fake.calls("/2/tweets/search/recent")
    assert search and search[0].arg("max_results") == "100"


def test_estimate_prints_the_plan_and_fetches_nothing(fake):
    fake.add_user(user_id="42", username="zoe_writes", following_count=12_500)
    result = runner.invoke(app, ["find", "follows", "@zoe_writes", "--estimate"])
    assert result.exit_code == 0, result.output
    assert "13 requests" in result.output and "$" in result.output
    assert fake.calls("/following") == []


def test_follows_then_influencers(fake):
    pool = fake.add_users(30)
    for n, journalist in enumerate(("11", "12", "13")):
        fake.add_user(user_id=journalist, username=f"journo{n}", following_count=11)
        fake.set_following(journalist, [pool[0], pool[1], *pool[2 + 5 * n : 7 + 5 * n]])
    result = runner.invoke(
        app, ["find", "follows", "@journo0", "@journo1", "@journo2", "@nobody_at_all"]
    )
    assert result.exit_code == 0, result.output
    assert "skipped @nobody_at_all" in result.output
    ranked = runner.invoke(app, ["find", "influencers", "--min-share", "0.5", "--json"])
    data = json.loads(ranked.stdout)
    assert data["mined_accounts"] == 3
    assert [r["followed_by"] for r in data["influencers"]] == [3, 3]
    assert {r["handle"] for r in data["influencers"]} == {f"user{pool[0]}", f"user{pool[1]}"}
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    last = status["last_crawl"]
    assert last["command"] == "find follows (following)" and last["status"] == "done"
    assert last["requests"] == 4 and last["items"] == 21  # 1 look-up, 3 lists of 7


def test_lists_and_their_members(fake):
    fake.add_user(user_id="42", username="zoe_writes")
    members = fake.add_users(150)
    fake.add_list("900", "UK customer service press", "42", members)
    result = runner.invoke(app, ["find", "lists", "@zoe_writes"])
    assert result.exit_code == 0, result.output
    assert "150 members" in result.output
    pages = [r.arg("pagination_token") for r in fake.calls("/2/lists/900/members")]
    assert len(pages) == 2 and len(set(pages)) == 2
