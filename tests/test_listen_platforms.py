"""Listening through the real clients (tweepy, Mastodon.py, atproto) against the local fakes:
counts, tag history and day windows, with paging, 429s with reset headers, and errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from audience import listen
from audience.crawl import Crawler
from audience.errors import AuthError, BudgetExceeded, PlatformError, RateLimited
from audience.platforms.bluesky import BlueskyPlatform
from audience.platforms.mastodon import MastodonPlatform
from audience.platforms.x import XPlatform
from tests.fakes.bluesky_api import FakeBluesky
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.x_api import FakeX, invalid_request


class Clock:
    """Stands in for time.sleep/time.time: waits are recorded, not slept."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).timestamp()
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def z(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def midnight(days_ago: int) -> datetime:
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=days_ago)


# ---- X: GET /2/tweets/counts/recent -----------------------------------------------------------


@pytest.fixture
def fake_x():
    server = FakeX(seed_recordings=False)
    with server:
        yield server


@pytest.fixture
def x(fake_x):
    return XPlatform(fake_x.bearer_token, base_url=fake_x.base_url, timeout=5)


def test_x_counts_come_back_per_day_with_the_total(fake_x, x):
    fake_x.add_user(user_id="1", username="cx_fan")
    for n in range(5):
        fake_x.add_post(
            str(100 + n), "1", "Queues again #contactcentre", z(midnight(2) + timedelta(hours=n))
        )
    fake_x.add_post("200", "1", "Off topic", z(midnight(2) + timedelta(hours=1)))
    fake_x.add_post("201", "1", "Still #contactcentre", z(midnight(1) + timedelta(hours=3)))

    page = x.recent_counts("#contactcentre", start=midnight(3), end=midnight(0), granularity="day")

    assert [(b.start, b.count) for b in page.buckets] == [
        (midnight(3), 0),
        (midnight(2), 5),
        (midnight(1), 1),
    ]
    assert page.total == 6
    assert page.next_cursor is None
    request = fake_x.calls("/2/tweets/counts/recent")[0]
    assert request.arg("granularity") == "day"
    assert request.arg("start_time") == z(midnight(3)).replace(".000Z", "Z")
    assert page.rate is not None and page.rate.limit == 300


def test_x_listen_pages_counts_once_each_and_stores_the_series(fake_x, x, store):
    fake_x.counts_page_size = 24
    start = midnight(3)
    fake_x.add_counts("#cx", {start + timedelta(hours=h): h for h in range(60)})
    crawler = Crawler(store, x)

    measured = listen.listen(crawler, "#CX", since=start, granularity="hour")

    requests = fake_x.calls("/2/tweets/counts/recent")
    tokens = [r.arg("next_token") for r in requests]
    assert tokens[0] is None and len(set(tokens)) == len(tokens) >= 3  # paged, no page twice
    assert measured.topic == "#cx" and measured.method == listen.METHOD_X
    (series,) = listen.series(store, topics=["#cx"], granularity="hour")
    counts = {p.start: p.count for p in series.points}
    assert counts[start + timedelta(hours=5)] == 5
    assert counts[start + timedelta(hours=59)] == 59
    assert all(p.complete for p in series.points if p.start < midnight(0))


def test_x_listen_waits_out_a_429_until_the_reset_header(fake_x, x, store):
    clock = Clock()
    reset = int(clock.now) + 120
    fake_x.rate_limit("/2/tweets/counts/recent", reset_at=reset)
    crawler = Crawler(store, x, sleep=clock.sleep, now=lambda: clock.now)

    listen.listen(crawler, "#cx", since=midnight(2))

    assert clock.slept and abs(clock.slept[0] - (reset - (clock.now - clock.slept[0]) + 1)) < 2
    assert [r.status for r in fake_x.calls("/2/tweets/counts/recent")] == [429, 200]
    assert listen.series(store, topics=["#cx"])


def test_x_counts_outside_the_api_tier_is_an_auth_error(fake_x, x):
    fake_x.fail("/2/tweets/counts/recent", "tier")
    with pytest.raises(AuthError, match="453"):
        x.recent_counts("#cx", start=midnight(2), end=midnight(0))


def test_x_counts_without_waiting_raise_rate_limited_with_reset(fake_x, x):
    fake_x.rate_limit("/2/tweets/counts/recent", reset_at=1_900_000_000)
    with pytest.raises(RateLimited) as caught:
        x.recent_counts("#cx", start=midnight(2), end=midnight(0))
    assert caught.value.reset_at == datetime.fromtimestamp(1_900_000_000, UTC)


def test_x_listen_resumes_after_max_requests_without_refetching(fake_x, x, store):
    fake_x.counts_page_size = 24
    crawler = Crawler(store, x, max_requests=2)
    now = datetime.now(UTC)
    with pytest.raises(BudgetExceeded):
        listen.listen(crawler, "#cx", since=midnight(4), granularity="hour", now=now)
    first = [r.arg("next_token") for r in fake_x.calls("/2/tweets/counts/recent")]
    assert len(first) == 2

    listen.listen(Crawler(store, x), "#cx", since=midnight(4), granularity="hour", now=now)
    tokens = [r.arg("next_token") for r in fake_x.calls("/2/tweets/counts/recent")]
    assert len(tokens) == len(set(tokens))  # every page fetched exactly once overall
    again = listen.listen(Crawler(store, x), "#cx", since=midnight(4), granularity="hour", now=now)
    assert again.skipped  # measured this hour already: nothing fetched
    assert len(fake_x.calls("/2/tweets/counts/recent")) == len(tokens)


def test_x_counts_bad_request_names_the_problem(fake_x, x):
    fake_x.inject(
        "/2/tweets/counts/recent",
        invalid_request("granularity", "week", "The `granularity` value [week] is not valid"),
    )
    with pytest.raises(PlatformError, match="400.*granularity"):
        x.recent_counts("#cx", start=midnight(2), end=midnight(0))
    # the fake itself refuses what the real API refuses
    with pytest.raises(PlatformError, match="granularity"):
        x.recent_counts("#cx", start=midnight(2), end=midnight(0), granularity="week")


# ---- Mastodon: GET /api/v1/tags/:name -----------------------------------------------------------


@pytest.fixture
def fake_mastodon():
    server = FakeMastodon()
    with server:
        server.me_id = server.add_account("me")
        yield server


def mastodon_for(fake: FakeMastodon) -> MastodonPlatform:
    return MastodonPlatform(fake.base_url, fake.token, timeout=5)


def test_mastodon_tag_history_gives_seven_days_oldest_first(fake_mastodon, store):
    author = fake_mastodon.add_account("ann")
    yesterday = midnight(1) + timedelta(hours=9)
    for _ in range(3):
        fake_mastodon.add_status(author, "<p>#cx day</p>", tags=["cx"], created_at=z(yesterday))
    fake_mastodon.add_tag_history("cx", {midnight(3).date().isoformat(): (40, 12)})

    page = mastodon_for(fake_mastodon).tag_history("#CX")

    assert len(page.buckets) == 7
    assert page.buckets[0].start == midnight(6) and page.buckets[-1].start == midnight(0)
    by_day = {b.start: (b.count, b.accounts) for b in page.buckets}
    assert by_day[midnight(1)] == (3, 1)
    assert by_day[midnight(3)] == (40, 12)

    listen.listen(Crawler(store, mastodon_for(fake_mastodon)), "cx", since=midnight(7))
    (series,) = listen.series(store, topics=["cx"])
    assert series.points[-1].complete is False  # today is still open
    assert series.points[-4].count == 40 and series.points[-4].accounts == 12


def test_mastodon_unknown_tag_is_reported_not_fatal(fake_mastodon, store):
    crawler = Crawler(store, mastodon_for(fake_mastodon))
    measured = listen.listen(crawler, "#nobodyusesthis", since=midnight(7))
    assert measured.buckets == 0 and "not known" in measured.note


def test_mastodon_phrase_is_measured_as_its_hashtag(fake_mastodon, store):
    fake_mastodon.add_tag_history("customerservice", {midnight(1).date().isoformat(): (5, 4)})
    crawler = Crawler(store, mastodon_for(fake_mastodon))
    measured = listen.listen(crawler, "customer service", since=midnight(7))
    assert "#customerservice" in measured.note
    assert fake_mastodon.calls("/api/v1/tags/customerservice")


def test_mastodon_429_waits_until_the_iso_reset(fake_mastodon, store):
    clock = Clock()
    reset = datetime.fromtimestamp(clock.now + 90, UTC)
    fake_mastodon.add_tag_history("cx", {midnight(1).date().isoformat(): (5, 4)})
    fake_mastodon.inject("/api/v1/tags/", FakeMastodon.rate_limited(reset))
    crawler = Crawler(store, mastodon_for(fake_mastodon), sleep=clock.sleep, now=lambda: clock.now)

    listen.listen(crawler, "#cx", since=midnight(7))

    assert 89 <= clock.slept[0] <= 92
    assert [r.status for r in fake_mastodon.calls("/api/v1/tags/")] == [429, 200]


def test_mastodon_trending_tags(fake_mastodon):
    fake_mastodon.add_tag_history("cx", {midnight(0).date().isoformat(): (50, 20)})
    fake_mastodon.add_tag_history("rstats", {midnight(0).date().isoformat(): (5, 2)})
    tags = mastodon_for(fake_mastodon).trending_tags(limit=5)
    assert [t["tag"] for t in tags][:2] == ["#cx", "#rstats"]
    assert tags[0]["days"][-1] == {
        "day": midnight(0).date().isoformat(),
        "uses": 50,
        "accounts": 20,
    }


# ---- Bluesky: searchPosts day windows -----------------------------------------------------------


@pytest.fixture
def fake_bsky():
    server = FakeBluesky()
    with server:
        yield server


def bluesky_for(fake: FakeBluesky) -> BlueskyPlatform:
    return BlueskyPlatform(
        fake.handle, fake.password, appview_url=fake.base_url, pds_url=fake.base_url, timeout=5
    )


def add_bsky_posts(fake: FakeBluesky, per_day: dict[int, int], text: str = "#cx is busy") -> None:
    author = fake.add_account("poster.bsky.social")
    for days_ago, count in per_day.items():
        for n in range(count):
            when = midnight(days_ago) + timedelta(minutes=n, seconds=1)
            fake.add_post(author, f"{text} {n}", created_at=z(when))


def test_bluesky_counts_posts_per_day_window(fake_bsky, store):
    add_bsky_posts(fake_bsky, {3: 4, 2: 0, 1: 7})
    crawler = Crawler(store, bluesky_for(fake_bsky))

    measured = listen.listen(crawler, "#cx", since=midnight(3), now=midnight(0))

    assert measured.method == listen.METHOD_BLUESKY_COUNTED and measured.buckets == 3
    (series,) = listen.series(store, topics=["#cx"])
    assert [(p.start, p.count, p.exhaustive) for p in series.points] == [
        (midnight(3), 4, True),
        (midnight(2), 0, True),
        (midnight(1), 7, True),
    ]
    windows = fake_bsky.calls("searchPosts")
    assert {(r.arg("since"), r.arg("until")) for r in windows} == {
        (z(midnight(d)).replace(".000Z", "Z"), z(midnight(d - 1)).replace(".000Z", "Z"))
        for d in (3, 2, 1)
    }
    assert store.scalar("SELECT count(*) FROM posts WHERE platform = 'bluesky'") == 11


def test_bluesky_takes_hits_total_when_given(fake_bsky, store):
    fake_bsky.search_hits_total = True
    add_bsky_posts(fake_bsky, {1: 250})
    crawler = Crawler(store, bluesky_for(fake_bsky))

    listen.listen(crawler, "#cx", since=midnight(1), now=midnight(0))

    (series,) = listen.series(store, topics=["#cx"])
    assert series.points[0].count == 250
    assert series.points[0].method == listen.METHOD_BLUESKY_TOTAL
    assert len(fake_bsky.calls("searchPosts")) == 1  # no paging once the total is known


def test_bluesky_busy_window_is_stored_as_at_least(fake_bsky, store, monkeypatch):
    monkeypatch.setattr(listen, "BLUESKY_PAGES_PER_WINDOW", 1)
    add_bsky_posts(fake_bsky, {1: 130})
    crawler = Crawler(store, bluesky_for(fake_bsky))

    measured = listen.listen(crawler, "#cx", since=midnight(1), now=midnight(0))

    assert measured.capped == [midnight(1).isoformat()]
    (series,) = listen.series(store, topics=["#cx"])
    assert (series.points[0].count, series.points[0].exhaustive) == (100, False)
    assert len(fake_bsky.calls("searchPosts")) == 1


def test_bluesky_429_waits_and_the_window_is_counted_once(fake_bsky, store):
    clock = Clock()
    add_bsky_posts(fake_bsky, {1: 3})
    reset = datetime.fromtimestamp(clock.now + 60, UTC)
    fake_bsky.inject("searchPosts", FakeBluesky.rate_limited(reset))
    crawler = Crawler(store, bluesky_for(fake_bsky), sleep=clock.sleep, now=lambda: clock.now)

    listen.listen(crawler, "#cx", since=midnight(1), now=midnight(0))

    assert 59 <= clock.slept[0] <= 62
    (series,) = listen.series(store, topics=["#cx"])
    assert series.points[0].count == 3


def test_bluesky_window_interrupted_mid_way_resumes_and_counts_every_post(fake_bsky, store):
    add_bsky_posts(fake_bsky, {1: 250})
    platform = bluesky_for(fake_bsky)
    now = midnight(0)
    with pytest.raises(BudgetExceeded):
        listen.listen(Crawler(store, platform, max_requests=1), "#cx", since=midnight(1), now=now)
    assert listen.series(store, topics=["#cx"]) == []  # nothing half-measured is shown

    listen.listen(Crawler(store, platform), "#cx", since=midnight(1), now=now)

    (series,) = listen.series(store, topics=["#cx"])
    assert series.points[0].count == 250
    cursors = [r.arg("cursor") for r in fake_bsky.calls("searchPosts")]
    assert cursors == [None, "100", "200"]  # every page once across both runs


def test_x_counts_server_error_is_retried_with_backoff(fake_x, x, store):
    clock = Clock()
    fake_x.fail("/2/tweets/counts/recent", "server-error", times=2)
    crawler = Crawler(store, x, sleep=clock.sleep, now=lambda: clock.now)

    listen.listen(crawler, "#cx", since=midnight(2))

    assert len(clock.slept) == 2
    assert [r.status for r in fake_x.calls("/2/tweets/counts/recent")] == [503, 503, 200]
