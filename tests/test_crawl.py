"""The crawl loop against the real tweepy client and the local fake X server: paging, resume,
rate limits, retries, stops, budgets and a kill mid-crawl."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from audience import find
from audience.crawl import Crawler, estimate
from audience.errors import AuthError, BudgetExceeded
from audience.platforms.x import XPlatform
from audience.store import open_store
from tests.fakes.x_api import FakeX

FOLLOWS = 2500  # three pages of 1000
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fake():
    server = FakeX(seed_recordings=False)
    server.add_user(user_id="42", username="zoe_writes", following_count=FOLLOWS, name="Zoë")
    server.set_following("42", server.add_users(FOLLOWS))
    with server:
        yield server


class Clock:
    """Stands in for time.sleep/time.time so rate-limit waits are measured, not slept."""

    def __init__(self) -> None:
        self.now = time.time()
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def crawler_for(fake: FakeX, store, **options) -> Crawler:
    platform = XPlatform(fake.bearer_token, base_url=fake.base_url)
    return Crawler(store, platform, **options)


def following_pages(fake: FakeX) -> Counter:
    return Counter(r.arg("pagination_token") for r in fake.calls(r"/2/users/42/following"))


def crawl(crawler: Crawler) -> int:
    subjects = find.resolve_handles(crawler, ["@zoe_writes"]).accounts
    return find.crawl_follows(crawler, subjects[0])


def test_follow_list_over_several_pages_then_nothing_fetched_again(fake, store):
    assert crawl(crawler_for(fake, store)) == FOLLOWS
    assert store.scalar("SELECT count(*) FROM follows") == FOLLOWS
    pages = following_pages(fake)
    assert len(pages) == 3 and set(pages.values()) == {1}
    assert fake.calls("/following")[0].arg("max_results") == "1000"
    again = crawler_for(fake, store)
    crawl(again)
    assert following_pages(fake) == pages  # a finished job is not fetched again
    assert store.get_cursor("x:following:42")["done"] == 1


def test_edges_reference_stored_accounts_when_another_process_deletes_the_subject(fake, tmp_path):
    """Follow-list pages skip SQLite's row-by-row foreign-key checks (Store.trusted_references),
    so every id they write must come from the page's own transaction, even when another
    process deletes the subject between pages."""
    from audience.crawl import SilentObserver

    path = tmp_path / "audience.db"
    store, other = open_store(path), open_store(path)

    class ForgetAfterFirstPage(SilentObserver):
        pages = 0

        def page_done(self, job: str, items: int) -> None:
            self.pages += 1
            if self.pages == 1:
                with other.transaction():
                    other.execute("DELETE FROM accounts WHERE platform_id = '42'")

    assert crawl(crawler_for(fake, store, observer=ForgetAfterFirstPage())) == FOLLOWS
    assert store.query("PRAGMA foreign_key_check") == []
    assert store.scalar("PRAGMA foreign_keys") == 1  # back on for everything else
    # the first page went with the deleted subject; the later two re-created it
    assert store.scalar("SELECT count(*) FROM follows") == FOLLOWS - 1000
    assert store.scalar("SELECT count(DISTINCT follower_id) FROM follows") == 1
    store.close()
    other.close()


def test_refresh_fetches_again_without_duplicating(fake, store):
    crawl(crawler_for(fake, store))
    crawl(crawler_for(fake, store, refresh=True))
    assert sum(following_pages(fake).values()) == 6
    assert store.scalar("SELECT count(*) FROM follows") == FOLLOWS
    assert store.scalar("SELECT count(*) FROM accounts") == FOLLOWS + 1


def test_429_waits_exactly_until_the_reset(fake, store):
    clock = Clock()
    reset = int(clock.now) + 120
    fake.rate_limit(r"/following", reset_at=reset)
    crawler = crawler_for(fake, store, sleep=clock.sleep, now=lambda: clock.now)
    assert crawl(crawler) == FOLLOWS
    assert clock.slept == [pytest.approx(reset - (clock.now - 121) + 1 - 1, abs=1.5)]
    assert len(fake.calls("/following")) == 4  # the refused request, then three pages


def test_429_without_reset_waits_one_window(fake, store):
    clock = Clock()
    fake.rate_limit(r"/following", reset_at=None)
    crawler = crawler_for(fake, store, sleep=clock.sleep, now=lambda: clock.now)
    crawl(crawler)
    assert clock.slept == [900.0]


def test_server_errors_are_retried_with_backoff(fake, store):
    clock = Clock()
    fake.fail(r"/following", "server-error", times=2)
    fake.drop(r"/following")
    crawler = crawler_for(fake, store, sleep=clock.sleep, now=lambda: clock.now)
    assert crawl(crawler) == FOLLOWS
    assert len(clock.slept) == 3 and all(0 < s <= 60 for s in clock.slept)
    assert clock.slept[2] > clock.slept[0] / 2  # backoff grows (with jitter)


def test_persistent_server_errors_give_up_after_bounded_retries(fake, store):
    clock = Clock()
    fake.fail(r"/following", "server-error", times=50)
    crawler = crawler_for(fake, store, sleep=clock.sleep, now=lambda: clock.now)
    from audience.errors import TransientError

    with pytest.raises(TransientError):
        crawl(crawler)
    assert len(fake.calls("/following")) == 6


def test_401_mid_crawl_stops_and_keeps_what_was_stored(fake, store):
    crawler = crawler_for(fake, store)
    subject = find.resolve_handles(crawler, ["zoe_writes"]).accounts[0]
    original = crawler.platform.following
    calls = []

    def expire_after_first_page(account_id, cursor):
        calls.append(cursor)
        if len(calls) == 2:
            fake.fail(r"/following", "unauthorized")
        return original(account_id, cursor)

    crawler.platform.following = expire_after_first_page
    with pytest.raises(AuthError) as raised:
        find.crawl_follows(crawler, subject)
    assert fake.bearer_token not in str(raised.value)
    assert store.scalar("SELECT count(*) FROM follows") == 1000
    cursor = store.get_cursor("x:following:42")
    assert cursor["pages"] == 1 and cursor["done"] == 0
    # credentials fixed: the crawl continues from page 2
    assert find.crawl_follows(crawler_for(fake, store), subject) == FOLLOWS - 1000
    assert store.scalar("SELECT count(*) FROM follows") == FOLLOWS


def test_max_requests_stops_cleanly_and_the_next_run_continues(fake, store):
    with pytest.raises(BudgetExceeded):
        crawl(crawler_for(fake, store, max_requests=2))  # one look-up and one page
    assert store.scalar("SELECT count(*) FROM follows") == 1000
    crawl(crawler_for(fake, store))
    assert store.scalar("SELECT count(*) FROM follows") == FOLLOWS
    assert set(following_pages(fake).values()) == {1}


def test_money_budget_stops_before_overspending(fake, store):
    crawler = crawler_for(fake, store, budget=15.0)  # one page of 1000 users costs $10
    with pytest.raises(BudgetExceeded, match="budget"):
        crawl(crawler)
    assert crawler.spent <= 15.0
    assert store.scalar("SELECT count(*) FROM follows") == 1000


def test_unknown_and_suspended_accounts_are_recorded_not_fatal(fake, store):
    fake.add_user(user_id="77", username="gone_quiet")
    fake.suspend("77")
    crawler = crawler_for(fake, store)
    resolved = find.resolve_handles(crawler, ["@zoe_writes", "@nobody_here_x", "@gone_quiet"])
    assert [a.handle for a in resolved.accounts] == ["zoe_writes"]
    assert resolved.unknown == {"nobody_here_x": "unknown", "gone_quiet": "suspended"}


def test_estimate_counts_requests_time_and_price():
    platform = XPlatform("token", base_url="http://127.0.0.1:9")
    plan = estimate(platform, "following", 1_000_000, calls=200)
    assert plan.requests == 1000 + 199
    assert plan.seconds == 3 * 900  # 300 requests per 15 minutes
    assert plan.price == pytest.approx(1_000_000 * platform.costs["following"].price_per_item)


def test_a_kill_mid_crawl_resumes_without_fetching_a_committed_page_twice(fake, tmp_path):
    """SIGKILL the real CLI while page 3 is in flight, then run it again."""
    db = tmp_path / "audience.db"
    env = {
        **os.environ,
        "X_BEARER_TOKEN": fake.bearer_token,
        "X_API_BASE_URL": fake.base_url,
        "AUDIENCE_DB": str(db),
    }
    command = [sys.executable, "-m", "commands", "find", "follows", "@zoe_writes"]
    fake.hold(r"/following", seconds=60, after=2)  # page 3 hangs until the kill
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while len(fake.calls("/following")) < 3 and time.time() < deadline:
        time.sleep(0.05)
    assert len(fake.calls("/following")) == 3, "the crawl never reached page 3"
    time.sleep(0.3)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    store = open_store(db)
    assert store.scalar("SELECT count(*) FROM follows") == 2000
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    pages = following_pages(fake)
    assert pages[None] == 1
    assert sorted(pages.values()) == [1, 1, 2]  # only the page in flight was fetched again
    assert store.scalar("SELECT count(*) FROM follows") == FOLLOWS
    assert (
        store.scalar("SELECT count(*) FROM (SELECT DISTINCT follower_id, followed_id FROM follows)")
        == FOLLOWS
    )
