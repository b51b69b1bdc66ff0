"""``sync_account`` through XPlatform (the real tweepy client) against FakeX on 127.0.0.1."""

from __future__ import annotations

import pytest

from audience.config import Rules
from audience.crawl import Crawler
from audience.errors import BudgetExceeded, ConfigError
from audience.platforms.x import XPlatform
from audience.prune import suggest
from audience.sync import (
    NeedsSync,
    changes,
    latest_snapshot,
    my_account,
    require_snapshot,
    snapshot_members,
    sync_account,
)
from tests.fakes.x_api import FakeX, make_user

ME = "1072250532645998596"  # TweepyDev, the user behind the access token
USER_CONTEXT = {
    "api_key": "consumer-key-123",
    "api_secret": "consumer-secret-456",
    "access_token": f"{ME}-AbCdEfGhIjKlMnOpQrStUvWxYz",
    "access_token_secret": "access-secret-789",
}


@pytest.fixture
def fake():
    server = FakeX()
    with server:
        yield server


@pytest.fixture
def x(fake):
    return XPlatform(fake.bearer_token, base_url=fake.base_url, timeout=5, **USER_CONTEXT)


def crawler(store, x, **options) -> Crawler:
    return Crawler(store, x, sleep=lambda seconds: None, **options)


def members(store, kind: str) -> set[str]:
    snapshot = latest_snapshot(store, "x", kind)
    rows = store.query(
        "SELECT platform_id FROM accounts WHERE id IN "
        "(SELECT account_id FROM snapshot_members WHERE snapshot_id = ?)",
        [snapshot.id],
    )
    return {row["platform_id"] for row in rows}


def test_sync_snapshots_following_and_followers(store, fake, x):
    ids = fake.add_users(2500)
    fake.set_following(ME, ids[:1500])
    fake.set_followers(ME, ids[1000:2200])

    result = sync_account(crawler(store, x))

    assert [(k.kind, k.count, k.pages, k.resumed) for k in result.kinds] == [
        ("following", 1500, 2, False),
        ("followers", 1200, 2, False),
    ]
    assert members(store, "following") == set(ids[:1500])
    assert members(store, "followers") == set(ids[1000:2200])
    assert my_account(store, "x")["handle"] == "TweepyDev"
    me_row = my_account(store, "x")["id"]
    assert store.scalar("SELECT count(*) FROM follows WHERE follower_id = ?", [me_row]) == 1500
    assert store.scalar("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1") == "done"


def test_a_forgotten_account_stays_out_of_synced_snapshots(store, fake, x):
    """Issue 14.3: `forget` keeps an account out of every crawl, `sync` included."""
    ids = fake.add_users(5)
    fake.set_following(ME, ids)
    fake.set_followers(ME, ids[:2])
    with store.transaction():
        store.execute(
            "INSERT INTO suppressions VALUES ('account', ?, '2026-01-01')", [f"x:{ids[0]}"]
        )

    sync_account(crawler(store, x))

    assert members(store, "following") == set(ids[1:])
    assert members(store, "followers") == {ids[1]}
    assert not store.scalar("SELECT count(*) FROM accounts WHERE platform_id = ?", [ids[0]])


def test_changes_between_two_syncs(store, fake, x):
    ids = fake.add_users(10)
    fake.set_following(ME, ids[:5])
    fake.set_followers(ME, ids[3:8])
    sync_account(crawler(store, x))
    first = changes(store, "x")
    assert first.since is None and first.new_followers == []

    fake.set_following(ME, [*ids[1:5], ids[9]])
    fake.set_followers(ME, [*ids[4:8], ids[0], ids[9]])
    sync_account(crawler(store, x))
    diff = changes(store, "x")

    pid = lambda rows: {r["platform_id"] for r in rows}  # noqa: E731
    assert pid(diff.new_followers) == {ids[0], ids[9]}
    assert pid(diff.lost_followers) == {ids[3]}
    assert pid(diff.new_following) == {ids[9]}
    assert pid(diff.unfollowed) == {ids[0]}
    assert diff.since < diff.until or diff.since == diff.until


def test_interrupted_sync_resumes_and_never_counts_half_a_snapshot(store, fake, x):
    ids = fake.add_users(2500)
    fake.set_following(ME, ids)
    fake.set_followers(ME, ids[:10])

    with pytest.raises(BudgetExceeded):
        sync_account(crawler(store, x, max_requests=3))  # me + 2 of 3 following pages

    assert latest_snapshot(store, "x", "following") is None
    with pytest.raises(NeedsSync, match="audience sync --platform x"):
        require_snapshot(store, "x", "following")
    with pytest.raises(NeedsSync):
        suggest(store, Rules(), "x")

    result = sync_account(crawler(store, x))

    following = result.kinds[0]
    assert following.resumed and following.pages == 1 and following.count == 2500
    tokens = [c.arg("pagination_token") for c in fake.calls(f"/users/{ME}/following")]
    assert len(tokens) == 3 and len(set(tokens)) == 3  # no page fetched twice
    assert members(store, "following") == set(ids)
    assert store.scalar("SELECT count(*) FROM snapshots WHERE kind = 'following'") == 1


def test_a_sync_after_an_interrupted_one_does_not_fetch_a_finished_list_again(store, fake, x):
    ids = fake.add_users(2500)
    fake.set_following(ME, ids[:1500])
    fake.set_followers(ME, ids[1000:])

    with pytest.raises(BudgetExceeded):  # me, 2 following pages, 1 of 2 follower pages
        sync_account(crawler(store, x, max_requests=4))
    result = sync_account(crawler(store, x))

    following, followers = result.kinds
    assert following.carried_over and following.pages == 0 and following.count == 1500
    assert followers.resumed and followers.pages == 1 and followers.count == 1500
    for kind in ("following", "followers"):
        tokens = [c.arg("pagination_token") for c in fake.calls(f"/users/{ME}/{kind}")]
        assert len(tokens) == 2 and len(set(tokens)) == 2  # no page fetched twice
    assert store.scalar("SELECT count(*) FROM snapshots") == 2

    # once a sync has finished, the next one fetches both lists afresh
    again = sync_account(crawler(store, x))
    assert [k.carried_over for k in again.kinds] == [False, False]
    assert [k.pages for k in again.kinds] == [2, 2]


def test_refresh_drops_an_unfinished_snapshot(store, fake, x):
    ids = fake.add_users(1500)
    fake.set_following(ME, ids)
    with pytest.raises(BudgetExceeded):
        sync_account(crawler(store, x, max_requests=2))

    result = sync_account(crawler(store, x, refresh=True))

    assert not result.kinds[0].resumed
    assert store.scalar("SELECT count(*) FROM snapshots WHERE kind = 'following'") == 1
    assert len(snapshot_members(store, result.kinds[0].snapshot_id)) == 1500


def test_live_and_imported_snapshots_both_count(store, fake, x):
    from audience.importers.social import SocialImport, save_social_import
    from audience.models import Account

    ids = fake.add_users(3)
    me = Account("x", ME, handle="TweepyDev")
    save_social_import(
        store,
        SocialImport("x", "x-archive", owner=me, following_ids=ids[:2], follower_ids=ids[:1]),
    )
    fake.set_following(ME, ids)
    fake.set_followers(ME, ids[:1])
    sync_account(crawler(store, x))

    diff = changes(store, "x")
    assert [r["platform_id"] for r in diff.new_following] == [ids[2]]


def test_credentials_of_another_account_are_refused(store, fake, x):
    from audience.models import Account

    with store.transaction():
        other = store.upsert_accounts([Account("x", "42", handle="someoneelse")])["42"]
        store.execute("INSERT INTO my_accounts VALUES ('x', ?)", [other])
        store.execute(
            "INSERT INTO snapshots (platform, kind, source, taken_at) "
            "VALUES ('x', 'following', 'x-archive', '2026-01-01')"
        )
    fake.add_user(make_user("42", "someoneelse"))

    with pytest.raises(ConfigError, match="credentials are for @TweepyDev"):
        sync_account(crawler(store, x))
