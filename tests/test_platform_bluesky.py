"""BlueskyPlatform driven through the real atproto client against FakeBluesky on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from audience.errors import (
    AccountUnavailable,
    AuthError,
    ConfigError,
    NotSupported,
    PlatformError,
    RateLimited,
    TransientError,
)
from audience.platforms.bluesky import BlueskyPlatform, hashtags
from tests.fakes.bluesky_api import FakeBluesky, xrpc_error
from tests.fakes.server import Response, fetch_all


@pytest.fixture
def fake() -> Iterator[FakeBluesky]:
    with FakeBluesky() as server:
        server.ids = server.load_fixtures()
        yield server


def platform_for(fake: FakeBluesky, **options: object) -> BlueskyPlatform:
    values = {
        "handle": fake.handle,
        "app_password": fake.password,
        "appview_url": fake.base_url,
        "pds_url": fake.base_url,
        "timeout": 5.0,
    }
    values.update(options)
    return BlueskyPlatform(**values)


def test_followers_paginate_every_account_exactly_once(fake: FakeBluesky) -> None:
    star = fake.add_account("star.test")
    fans = [fake.add_account(f"fan{i}.test") for i in range(250)]
    for did in fans:
        fake.follow(did, star)
    platform = platform_for(fake)

    accounts, pages = fetch_all(platform.followers, "star.test")

    assert pages == 3
    assert [a.platform_id for a in accounts] == fans
    calls = fake.calls("getFollowers")
    assert [c.arg("limit") for c in calls] == ["100"] * 3
    assert len({c.arg("cursor") for c in calls}) == 3  # no page fetched twice


def test_following_maps_recorded_profiles_and_rate_headers(fake: FakeBluesky) -> None:
    page = platform_for(fake).following("chriskenny.bsky.social")

    assert len(page.items) == 48 and page.next_cursor is None
    first = page.items[0]
    assert first.platform == "bluesky"
    assert first.platform_id == "did:plc:kcuy3xb6uc6sapzsdotflgpp"
    assert first.handle == "sunyoungpark.bsky.social"
    assert first.display_name == "Sun Young Park"
    assert first.created_at == datetime(2024, 12, 8, 1, 42, 11, 208000, tzinfo=UTC)
    assert first.default_avatar is False
    assert page.rate.limit == 3000
    assert page.rate.reset_at > datetime.now(UTC)


def test_synthetic_graph_pages_to_the_end(fake: FakeBluesky) -> None:
    fake.add_synthetic_follows(fake.ids["kenny"], 1234)
    accounts, pages = fetch_all(platform_for(fake).following, fake.ids["kenny"])
    assert pages == 13
    assert len({a.platform_id for a in accounts}) == 1234


def test_search_extracts_hashtags_and_authors(fake: FakeBluesky) -> None:
    author = fake.add_account("cx.test", displayName="CX Weekly")
    fake.add_post(author, "Great queue times at the #ContactCentre today 🎧 #CX", extra_tags=["cs"])
    fake.add_post(author, "nothing tagged here")
    platform = platform_for(fake)

    page = platform.search_posts("#contactcentre", since=datetime(2020, 1, 1), lang="en")

    assert [p.hashtags for p in page.items] == [["contactcentre", "cx", "cs"]]
    post = page.items[0]
    assert post.author_id == author and post.lang == "en"
    assert post.url.startswith("https://bsky.app/profile/cx.test/post/")
    assert [a.handle for a in page.accounts] == ["cx.test"]
    call = fake.calls("searchPosts")[0]
    assert call.arg("q") == "#contactcentre" and call.arg("limit") == "100"
    assert call.arg("since") == "2020-01-01T00:00:00Z" and call.arg("lang") == "en"
    assert call.headers["authorization"].startswith("Bearer ")


def test_search_pages_by_offset_cursor(fake: FakeBluesky) -> None:
    author = fake.add_account("bulk.test")
    for i in range(130):
        fake.add_post(
            author, f"post {i} #bulk", created_at=f"2025-01-01T00:{i // 60:02d}:{i % 60:02d}Z"
        )
    platform = platform_for(fake)

    posts, pages = fetch_all(lambda q, c: platform.search_posts(q, cursor=c), "#bulk")

    assert pages == 2
    assert len({p.platform_id for p in posts}) == 130


def test_hashtags_from_facets_and_record_tags() -> None:
    record = {
        "text": "x",
        "facets": [
            {"features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example"}]},
            {"features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "RStats"}]},
        ],
        "tags": ["rstats", "#Extra"],
    }
    assert hashtags(record) == ["rstats", "extra"]


def test_login_happens_once_and_session_is_reused(fake: FakeBluesky) -> None:
    platform = platform_for(fake)
    platform.search_posts("redistricting")
    platform.search_posts("redistricting", cursor="10")
    me = platform.me()

    assert fake.sessions_created == 1
    assert me.platform_id == fake.did and me.handle == fake.handle
    assert len(fake.calls("createSession")) == 1


def test_public_reads_need_no_credentials(fake: FakeBluesky) -> None:
    platform = platform_for(fake, handle=None, app_password=None)
    assert len(platform.followers("chriskenny.bsky.social").items) == 48
    assert fake.calls("createSession") == []
    with pytest.raises(ConfigError, match="BSKY_HANDLE, BSKY_APP_PASSWORD"):
        platform.search_posts("#cx")


def test_from_env_reads_settings(monkeypatch: pytest.MonkeyPatch, fake: FakeBluesky) -> None:
    monkeypatch.setenv("BSKY_HANDLE", fake.handle)
    monkeypatch.setenv("BSKY_APP_PASSWORD", fake.password)
    monkeypatch.setenv("BSKY_APPVIEW_URL", fake.base_url)
    monkeypatch.setenv("BSKY_PDS_URL", fake.base_url)
    platform = BlueskyPlatform.from_env()
    assert platform.me().handle == fake.handle
    monkeypatch.delenv("BSKY_APP_PASSWORD")
    with pytest.raises(ConfigError, match="BSKY_APP_PASSWORD"):
        BlueskyPlatform.from_env().me()


def test_bad_password_is_auth_error_without_the_password(fake: FakeBluesky) -> None:
    platform = platform_for(fake, app_password="wrong-pass-9999")
    with pytest.raises(AuthError) as caught:
        platform.me()
    assert "wrong-pass-9999" not in str(caught.value)
    assert "Invalid identifier or password" in str(caught.value)


def test_429_gives_rate_limited_with_exact_reset(fake: FakeBluesky) -> None:
    reset = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)
    fake.inject("getFollows", FakeBluesky.rate_limited(reset))
    with pytest.raises(RateLimited) as caught:
        platform_for(fake).following("chriskenny.bsky.social")
    assert caught.value.reset_at == reset


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_transient(fake: FakeBluesky, status: int) -> None:
    fake.inject("getFollowers", xrpc_error(status, "InternalServerError", "Internal Server Error"))
    with pytest.raises(TransientError):
        platform_for(fake).followers("chriskenny.bsky.social")


def test_dropped_connection_is_transient(fake: FakeBluesky) -> None:
    fake.inject("getFollowers", Response(drop=True))
    with pytest.raises(TransientError):
        platform_for(fake).followers("chriskenny.bsky.social")


def test_unknown_and_suspended_accounts(fake: FakeBluesky) -> None:
    platform = platform_for(fake)
    with pytest.raises(AccountUnavailable) as unknown:
        platform.following("nobody.invalid.test")
    assert unknown.value.state == "unknown"
    fake.takedowns.add(fake.ids["kenny"])
    with pytest.raises(AccountUnavailable) as suspended:
        platform.followers(fake.ids["kenny"])
    assert suspended.value.state == "suspended"


def test_lookup_reports_missing_actors(fake: FakeBluesky) -> None:
    hidden = fake.add_account("hidden.test")
    fake.takedowns.add(hidden)
    result = platform_for(fake).lookup(
        handles=["@ChrisKenny.bsky.social", "ghost.test", "hidden.test"], ids=[fake.did]
    )
    assert sorted(a.handle for a in result.found) == [fake.handle, "chriskenny.bsky.social"]
    kenny = next(a for a in result.found if a.handle == "chriskenny.bsky.social")
    assert (kenny.followers_count, kenny.following_count, kenny.posts_count) == (554, 296, 65)
    assert result.missing == {"ghost.test": "unknown", "hidden.test": "unknown"}
    assert fake.calls("getProfiles")[0].query["actors"][0] == "ChrisKenny.bsky.social"


def test_lookup_refuses_more_than_25(fake: FakeBluesky) -> None:
    with pytest.raises(ValueError):
        platform_for(fake).lookup(handles=[f"u{i}.test" for i in range(26)])


def test_account_mapping_of_labels_and_missing_avatar(fake: FakeBluesky) -> None:
    did = fake.add_account(
        "gone.test",
        avatar=None,
        website="https://gone.example",
        labels=[{"val": "!takedown", "src": "did:plc:mod"}],
    )
    account = platform_for(fake).lookup(ids=[did]).found[0]
    assert account.default_avatar is True
    assert account.state == "suspended"
    assert account.website == "https://gone.example"


def test_lists_and_members(fake: FakeBluesky) -> None:
    platform = platform_for(fake)
    owned = platform.owned_lists("pfrazee.com")
    assert [(lst.name, lst.owner_id) for lst in owned.items][:2] == [
        ("Test", fake.ids["pfrazee"]),
        ("Software curate", fake.ids["pfrazee"]),
    ]
    assert [a.handle for a in owned.accounts] == ["pfrazee.com"]
    members = platform.list_members(fake.ids["list"])
    assert len(members.items) == 8
    assert members.items[0].handle == "farjanaeyasmin.bsky.social"
    with pytest.raises(NotSupported, match="not supported by Bluesky"):
        platform.list_memberships("pfrazee.com")
    assert issubclass(NotSupported, PlatformError)


def test_search_accounts(fake: FakeBluesky) -> None:
    found = platform_for(fake).search_accounts("journal of political", limit=5)
    assert "bjpols.bsky.social" in [a.handle for a in found]
    assert fake.calls("searchActors")[0].arg("limit") == "5"


def test_unfollow_deletes_the_follow_record(fake: FakeBluesky) -> None:
    fake.follow(fake.did, fake.ids["kenny"])
    platform = platform_for(fake)

    platform.unfollow("chriskenny.bsky.social")

    assert len(fake.deleted_records) == 1
    record = fake.deleted_records[0]
    assert record["repo"] == fake.did
    assert record["collection"] == "app.bsky.graph.follow"
    assert not fake.is_following(fake.did, fake.ids["kenny"])
    platform.unfollow("chriskenny.bsky.social")  # already gone: no second delete
    assert len(fake.deleted_records) == 1
    assert fake.sessions_created == 1
