"""``sync --posts``: your own recent posts fetched through the real tweepy client from FakeX on
127.0.0.1 (a ``from:`` search through the crawler), stored, resumed, and classified by ``audit``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from audience.audit import AuditSettings, audit_posts
from audience.crawl import Crawler
from audience.errors import BudgetExceeded
from audience.platforms.x import XPlatform
from audience.store import open_store
from audience.sync import fetch_posts_of, my_account, sync_account
from tests.fakes.x_api import FakeX, make_user

ME = "1072250532645998596"  # TweepyDev, the user behind the access token
OTHER = "5001"
USER_CONTEXT = {
    "api_key": "consumer-key-123",
    "api_secret": "consumer-secret-456",
    "access_token": f"{ME}-AbCdEfGhIjKlMnOpQrStUvWxYz",
    "access_token_secret": "access-secret-789",
}
ENV = {
    "X_API_KEY": USER_CONTEXT["api_key"],
    "X_API_SECRET": USER_CONTEXT["api_secret"],
    "X_ACCESS_TOKEN": USER_CONTEXT["access_token"],
    "X_ACCESS_TOKEN_SECRET": USER_CONTEXT["access_token_secret"],
}


def ago(hours: float) -> str:
    moment = datetime.now(UTC) - timedelta(hours=hours)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def seed(fake: FakeX) -> None:
    """Three of my posts of the last days (a reply, a link to my site, one on my topic), one
    of someone else's that a ``from:`` search must leave out."""
    fake.add_user(make_user(OTHER, "someone_else"))
    fake.set_following(ME, [OTHER])
    fake.set_followers(ME, [OTHER])
    reply = fake.add_post("1900000000000000001", ME, "@someone_else agreed, thanks", ago(30))
    reply["referenced_tweets"] = [{"type": "replied_to", "id": "1890000000000000000"}]
    fake.add_post(
        "1900000000000000002", ME, "Our new guide https://lumenlark.example/guide", ago(20)
    )
    fake.add_post("1900000000000000003", ME, "Queues are long today #cx", ago(10))
    fake.add_post("1900000000000000004", OTHER, "Not mine #cx", ago(5))


@pytest.fixture
def fake():
    server = FakeX()
    seed(server)
    with server:
        yield server


@pytest.fixture
def x(fake):
    return XPlatform(fake.bearer_token, base_url=fake.base_url, timeout=5, **USER_CONTEXT)


def crawler(store, x, **options) -> Crawler:
    return Crawler(store, x, sleep=lambda seconds: None, **options)


def my_post_ids(store) -> set[str]:
    me = my_account(store, "x")["id"]
    return {
        row["platform_id"]
        for row in store.query("SELECT platform_id FROM posts WHERE account_id = ?", [me])
    }


def searches(fake: FakeX) -> list[str]:
    return [r.arg("query") for r in fake.calls("/2/tweets/search/recent")]


def test_sync_posts_stores_my_posts_and_audit_classifies_them(store, fake, x):
    result = sync_account(crawler(store, x), posts_days=30)

    assert result.posts == 3
    assert searches(fake) == ["from:TweepyDev"]
    assert my_post_ids(store) == {f"190000000000000000{n}" for n in (1, 2, 3)}
    others = "SELECT count(*) FROM posts WHERE platform_id = '1900000000000000004'"
    assert store.scalar(others) == 0
    settings = AuditSettings(own_domains=["lumenlark.example"], topics=["#cx"])
    audited = audit_posts(store, settings, platform="x")
    assert [(p.kind, p.reason) for p in audited.posts] == [
        ("interaction", "reply to @someone"),
        ("promotion", "links to your own site (lumenlark.example)"),
        ("content", "on your topics (#cx)"),
    ]


def test_sync_without_posts_fetches_none(store, fake, x):
    result = sync_account(crawler(store, x))

    assert result.posts is None
    assert searches(fake) == []
    assert my_post_ids(store) == set()


def test_interrupted_posts_resume_without_refetching_a_page(store, fake, x):
    for n in range(250):
        fake.add_post(str(1910000000000000000 + n), ME, f"Note {n} on queues", ago(1 + n / 100))
    with pytest.raises(BudgetExceeded):
        # me, following, followers, then the first page of posts: the second is over budget
        sync_account(crawler(store, x, max_requests=4), posts_days=7)
    assert len(my_post_ids(store)) == 100

    result = sync_account(crawler(store, x), posts_days=7)

    assert [k.carried_over for k in result.kinds] == [True, True]
    pages = [r.arg("next_token") for r in fake.calls("/2/tweets/search/recent")]
    assert len(pages) == 3 and pages[0] is None and len(set(pages)) == 3
    assert len(my_post_ids(store)) == 253
    assert len(fake.calls("/2/users/1072250532645998596/following")) == 1


def test_a_finished_sync_is_followed_by_a_fresh_fetch(store, fake, x):
    sync_account(crawler(store, x), posts_days=7)
    fake.add_post("1900000000000000009", ME, "Posted after the first sync", ago(0.1))

    again = sync_account(crawler(store, x), posts_days=7)

    assert again.posts == 4
    assert searches(fake) == ["from:TweepyDev", "from:TweepyDev"]
    assert "1900000000000000009" in my_post_ids(store)


def test_fetch_posts_of_only_the_named_handles(store, fake, x):
    saved = fetch_posts_of(crawler(store, x), ["@someone_else"], days=3)

    assert saved == 1
    assert searches(fake) == ["from:someone_else"]
    assert store.scalar("SELECT count(*) FROM posts") == 1


# ---- through the CLI ----------------------------------------------------------------------


def cli(monkeypatch, fake: FakeX):
    from commands import app

    monkeypatch.setenv("X_API_BASE_URL", fake.base_url)
    monkeypatch.setenv("X_BEARER_TOKEN", fake.bearer_token)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    return app


def test_cli_sync_posts_then_audit_json(monkeypatch, fake, workspace):
    app = cli(monkeypatch, fake)
    runner = CliRunner()

    synced = runner.invoke(app, ["sync", "--posts", "--days", "30", "--db", str(workspace)])
    assert synced.exit_code == 0, synced.output
    assert "your posts: 3 posts saved" in synced.output
    audit = runner.invoke(
        app, ["audit", "--own-domain", "lumenlark.example", "--json", "--db", str(workspace)]
    )

    assert audit.exit_code == 0, audit.output
    data = json.loads(audit.stdout)
    assert data["posts"] == 3
    assert {kind: mix["posts"] for kind, mix in data["mix"].items()} == {
        "interaction": 1,
        "content": 1,
        "promotion": 1,
    }


def test_cli_sync_without_posts_sends_no_search(monkeypatch, fake, workspace):
    app = cli(monkeypatch, fake)
    runner = CliRunner()

    synced = runner.invoke(app, ["sync", "--db", str(workspace)])
    assert synced.exit_code == 0, synced.output
    assert searches(fake) == []
    audit = runner.invoke(app, ["audit", "--json", "--db", str(workspace)])
    assert json.loads(audit.stdout)["posts"] == 0
    store = open_store(workspace)
    try:
        assert store.scalar("SELECT count(*) FROM posts") == 0
    finally:
        store.close()


class Plans:
    def __init__(self):
        self.plans = []

    def planned(self, plan):
        self.plans.append(plan)

    def job_started(self, job, label, expected_pages):
        pass

    def page_done(self, job, items):
        pass

    def waiting(self, seconds, reason):
        pass


def test_the_cost_plan_counts_the_posts_search(store, fake, x):
    fake.add_user(make_user(ME, "TweepyDev", tweet_count=40))
    with_posts, without = Plans(), Plans()

    sync_account(crawler(store, x, observer=without))
    sync_account(crawler(store, x, observer=with_posts), posts_days=7)

    (plain,), (plan,) = without.plans, with_posts.plans
    assert plan.requests == plain.requests + 1
    assert plan.items == plain.items + 40
    assert plan.price == pytest.approx(plain.price + 40 * x.costs["search"].price_per_item)
