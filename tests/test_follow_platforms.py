"""Follow and List writes through the real clients (tweepy, atproto, Mastodon.py) against the
fakes: the wire format, pending requests, rate-limit headers and the errors each platform gives
(X 403 for a plan without the endpoint, Mastodon 422/403, Bluesky 400/401)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from audience.errors import AccountUnavailable, AuthError, RateLimited, RefusedForAccount
from audience.platforms.bluesky import BlueskyPlatform
from audience.platforms.mastodon import MastodonPlatform
from audience.platforms.x import XPlatform
from tests.fakes.bluesky_api import FakeBluesky, xrpc_error
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.x_api import FakeX, make_user

ME = "1072250532645998596"
X_USER = {
    "api_key": "consumer-key-123",
    "api_secret": "consumer-secret-456",
    "access_token": f"{ME}-AbCdEfGhIjKlMnOp",
    "access_token_secret": "access-secret-789",
}


# ---- X --------------------------------------------------------------------------------------


@pytest.fixture
def fake_x() -> Iterator[FakeX]:
    with FakeX() as server:
        server.add_user(make_user("501", "open_reporter"))
        server.add_user(make_user("502", "locked_editor", protected=True))
        yield server


@pytest.fixture
def x(fake_x: FakeX) -> XPlatform:
    return XPlatform(fake_x.bearer_token, base_url=fake_x.base_url, timeout=5, **X_USER)


def test_x_follow_posts_target_and_reads_pending_for_protected(fake_x, x):
    done = x.follow("501")
    pending = x.follow("502")

    assert done.state == "following" and pending.state == "requested"
    assert fake_x.follows_sent == [(ME, "501"), (ME, "502")]
    call = fake_x.calls(r"/2/users/\d+/following$")[0]
    assert call.method == "POST" and call.json() == {"target_user_id": "501"}
    assert call.headers["authorization"].startswith("OAuth ")
    assert done.rate.limit == 50 and done.rate.remaining == 49
    assert "501" in fake_x.following_ids[ME] and "502" not in fake_x.following_ids[ME]


def test_x_plan_without_follow_endpoint_is_a_403_naming_the_tier(fake_x, x):
    fake_x.write_access = False
    with pytest.raises(AuthError, match="453"):
        x.follow("501")
    assert fake_x.follows_sent == []


def test_x_follow_rate_limit_carries_the_reset(fake_x, x):
    reset = int((datetime.now(UTC) + timedelta(minutes=5)).timestamp())
    fake_x.rate_limit(r"/following$", reset, limit=50)
    with pytest.raises(RateLimited) as caught:
        x.follow("501")
    assert int(caught.value.reset_at.timestamp()) == reset


def test_x_lists_create_add_remove(fake_x, x):
    created = x.create_list("UK press", "journalists", private=True)
    x.add_list_member(created.ref, "501")
    x.add_list_member(created.ref, "502")
    x.remove_list_member(created.ref, "501")

    assert fake_x.lists[created.ref]["name"] == "UK press"
    assert fake_x.lists[created.ref]["private"] is True
    assert fake_x.list_member_ids[created.ref] == ["502"]
    remove = fake_x.calls(r"/members/501$")[0]
    assert remove.method == "DELETE"


# ---- Bluesky --------------------------------------------------------------------------------


@pytest.fixture
def fake_bsky() -> Iterator[FakeBluesky]:
    with FakeBluesky() as server:
        server.alice = server.add_account("alice.bsky.social", displayName="Alice")
        server.bob = server.add_account("bob.bsky.social", displayName="Bob")
        yield server


def bsky(fake: FakeBluesky, password: str | None = None) -> BlueskyPlatform:
    return BlueskyPlatform(
        fake.handle,
        password or fake.password,
        appview_url=fake.base_url,
        pds_url=fake.base_url,
        timeout=5,
    )


def test_bluesky_follow_is_a_follow_record_in_my_repo(fake_bsky):
    platform = bsky(fake_bsky)
    written = platform.follow(fake_bsky.alice)

    created = fake_bsky.created_records[0]
    assert created["repo"] == fake_bsky.did
    assert created["collection"] == "app.bsky.graph.follow"
    assert created["record"]["subject"] == fake_bsky.alice
    assert created["record"]["$type"] == "app.bsky.graph.follow"
    assert written.state == "following" and written.ref.startswith(f"at://{fake_bsky.did}/")
    assert written.rate.limit == 3000
    assert platform.follow_state(fake_bsky.alice) == "following"
    assert platform.follow_state(fake_bsky.bob) == "none"


def test_bluesky_follow_by_handle_resolves_the_did(fake_bsky):
    bsky(fake_bsky).follow("@bob.bsky.social")
    assert fake_bsky.follows_created(fake_bsky.bob) == 1


def test_bluesky_400_for_a_refused_record_and_401_for_a_bad_session(fake_bsky):
    platform = bsky(fake_bsky)
    fake_bsky.inject(
        "createRecord", xrpc_error(400, "InvalidRequest", "Profile not found"), times=1
    )
    with pytest.raises(AccountUnavailable):
        platform.follow(fake_bsky.alice)
    fake_bsky.inject("createRecord", xrpc_error(401, "InvalidToken", "Token could not be verified"))
    with pytest.raises(AuthError, match="401"):
        platform.follow(fake_bsky.alice)
    with pytest.raises(AuthError, match="login refused"):
        bsky(fake_bsky, password="wrong-password").follow(fake_bsky.alice)
    assert fake_bsky.created_records == []


def test_bluesky_curate_list_add_and_remove_members(fake_bsky):
    platform = bsky(fake_bsky)
    created = platform.create_list("UK press", "journalists", private=False)
    platform.add_list_member(created.ref, fake_bsky.alice)
    platform.add_list_member(created.ref, fake_bsky.bob)
    removed = platform.remove_list_member(created.ref, fake_bsky.alice)
    absent = platform.remove_list_member(created.ref, fake_bsky.alice)

    view = fake_bsky.lists[created.ref]
    assert view["purpose"] == "app.bsky.graph.defs#curatelist" and view["name"] == "UK press"
    assert fake_bsky.list_items[created.ref] == [fake_bsky.bob]
    assert removed.state == "removed" and absent.state == "absent"
    kinds = [r["collection"] for r in fake_bsky.created_records]
    assert kinds == ["app.bsky.graph.list", "app.bsky.graph.listitem", "app.bsky.graph.listitem"]


def test_bluesky_write_rate_limit(fake_bsky):
    reset = datetime.now(UTC) + timedelta(minutes=3)
    fake_bsky.inject("createRecord", FakeBluesky.rate_limited(reset, limit=5000, window=3600))
    with pytest.raises(RateLimited) as caught:
        bsky(fake_bsky).follow(fake_bsky.alice)
    assert int(caught.value.reset_at.timestamp()) == int(reset.timestamp())


# ---- Mastodon -------------------------------------------------------------------------------


@pytest.fixture
def fake_masto() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        server.open = server.add_account("reporter@news.example")
        server.locked = server.add_account("editor@news.example", locked=True)
        yield server


def masto(fake: FakeMastodon) -> MastodonPlatform:
    return MastodonPlatform(fake.base_url, fake.token, timeout=5)


def test_mastodon_follow_and_pending_request(fake_masto):
    platform = masto(fake_masto)
    done = platform.follow("reporter@news.example")
    pending = platform.follow("editor@news.example")

    assert (done.state, pending.state) == ("following", "requested")
    assert fake_masto.follows_sent == [fake_masto.open, fake_masto.locked]
    assert done.rate.limit == 300
    assert platform.follow_state("reporter@news.example") == "following"
    assert platform.follow_state("editor@news.example") == "requested"


def test_mastodon_list_only_takes_accounts_you_follow(fake_masto):
    platform = masto(fake_masto)
    created = platform.create_list("UK press", None, private=True)
    with pytest.raises(RefusedForAccount, match="422"):
        platform.add_list_member(created.ref, "reporter@news.example")
    platform.follow("reporter@news.example")
    platform.add_list_member(created.ref, "reporter@news.example")
    fake_masto.foreign_lists.add(created.ref)
    with pytest.raises(RefusedForAccount, match="403"):
        platform.add_list_member(created.ref, "reporter@news.example")
    platform.remove_list_member(created.ref, "reporter@news.example")

    assert fake_masto.lists[created.ref]["title"] == "UK press"
    assert fake_masto.list_members[created.ref] == []
    assert [w[0] for w in fake_masto.list_writes] == ["create", "add", "remove"]


def test_mastodon_bad_token_is_an_auth_error(fake_masto):
    platform = MastodonPlatform(fake_masto.base_url, "wrong-token", timeout=5)
    with pytest.raises(AuthError):
        platform.follow("reporter@news.example")
    assert fake_masto.follows_sent == []


def test_mastodon_older_servers_404_for_a_member_not_followed(fake_masto):
    from tests.fakes.mastodon_api import error

    platform = masto(fake_masto)
    created = platform.create_list("UK press", None, private=True)
    fake_masto.inject(r"/lists/\d+/accounts", error(404, "Record not found"))
    with pytest.raises(RefusedForAccount, match="404"):
        platform.add_list_member(created.ref, "reporter@news.example")
