"""MastodonPlatform driven through the real Mastodon.py client against FakeMastodon on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from audience.errors import AccountUnavailable, AuthError, ConfigError, RateLimited, TransientError
from audience.platforms.mastodon import MastodonPlatform, html_to_text, website
from tests.fakes.mastodon_api import FakeMastodon, error
from tests.fakes.server import Response, fetch_all


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        server.ids = server.load_fixtures()
        yield server


def platform_for(fake: FakeMastodon, token: str | None = "") -> MastodonPlatform:
    return MastodonPlatform(fake.base_url, fake.token if token == "" else token, timeout=5.0)


def test_following_follows_link_header_every_account_once(fake: FakeMastodon) -> None:
    star = fake.add_account("star")
    fans = [fake.add_account(f"fan{i}@elsewhere.example") for i in range(200)]
    for account_id in fans:
        fake.follow(star, account_id)
    platform = platform_for(fake, token=None)  # follow lists are public

    accounts, pages = fetch_all(platform.following, star)

    assert [a.raw["id"] for a in accounts] == fans
    # keyed by user@domain like the export importers, not by this instance's ids
    assert all(a.platform_id == a.handle.lower() and "@" in a.handle for a in accounts)
    assert pages == 3
    calls = fake.calls(rf"/accounts/{star}/following")
    assert [c.arg("max_id") for c in calls] == [None, "9999921", "9999841"]  # internal follow ids
    assert all(c.arg("limit") == "80" for c in calls)
    assert all("authorization" not in c.headers for c in calls)


def test_followers_synthetic_graph(fake: FakeMastodon) -> None:
    fake.add_synthetic_followers(fake.ids["david"], 400)
    accounts, pages = fetch_all(platform_for(fake).followers, fake.ids["david"])
    assert len({a.platform_id for a in accounts}) == 400
    assert pages == 6  # five full pages, then the empty page the real server also returns


def test_account_mapping_from_recordings(fake: FakeMastodon) -> None:
    page = platform_for(fake).following(fake.ids["david"])
    yani = page.items[0]
    assert yani.handle == "yabellini@rstats.me"
    assert yani.bio.startswith("I share my experience teaching computational skills")
    assert "#rOpenSci" in yani.bio and "<" not in yani.bio
    assert yani.website == "https://github.com/yabellini/"
    assert yani.created_at == datetime(2025, 4, 26, tzinfo=UTC)
    assert yani.followers_count == 1646 and yani.posts_count == 265
    assert yani.default_avatar is False
    assert page.rate.limit == 300 and page.rate.reset_at > datetime.now(UTC)


def test_local_handles_get_the_instance_and_states_are_mapped(fake: FakeMastodon) -> None:
    new_home = fake.add_account("moved@new.example")
    gone = fake.add_account(
        "olduser",
        moved=fake.accounts[new_home],
        avatar="https://example.social/avatars/original/missing.png",
        bot=True,
    )
    banned = fake.add_account("banned", suspended=True)
    platform = platform_for(fake)

    moved = platform.lookup(ids=[gone]).found[0]
    assert moved.handle == f"olduser@{fake.host}"
    assert (moved.state, moved.moved_to) == ("moved", "moved@new.example")
    assert moved.default_avatar is True and moved.raw["bot"] is True
    assert platform.lookup(ids=[banned]).found[0].state == "suspended"


def test_hashtag_search_pages_by_max_id(fake: FakeMastodon) -> None:
    author = fake.add_account("cx")
    for i in range(45):
        fake.add_status(author, f"<p>queue #{i} <a href='x'>#<span>CX</span></a></p>", tags=["CX"])
    platform = platform_for(fake, token=None)

    posts, pages = fetch_all(lambda q, c: platform.search_posts(q, cursor=c), "#cx")

    assert len({p.platform_id for p in posts}) == 45 and pages == 3
    assert posts[0].hashtags == ["cx"] and posts[0].text.startswith("queue #44")
    calls = fake.calls("/timelines/tag/cx")
    assert calls[1].arg("max_id") == posts[39].platform_id


def test_recorded_hashtag_timeline(fake: FakeMastodon) -> None:
    page = platform_for(fake).search_posts("#rstats", lang="en")
    assert len(page.items) == 5
    first = page.items[0]
    assert "rstats" in first.hashtags
    assert first.text.startswith("After a month or so of not using Claude Code")
    assert "https://www.simonpcouch.com/blog/2025-07-17-claude-code-2/" in first.text
    assert "simonpcouch@rstats.me" in {a.handle for a in page.accounts}


def test_instance_v2_may_404(fake: FakeMastodon) -> None:
    fake.instance_v2 = False
    assert len(platform_for(fake).search_posts("#rstats").items) == 5


def test_keyword_search_uses_v2_search_with_token(fake: FakeMastodon) -> None:
    author = fake.add_account("kw")
    fake.add_status(author, "<p>contact centre staffing</p>")
    page = platform_for(fake).search_posts("contact centre")
    assert [p.text for p in page.items] == ["contact centre staffing"]
    call = fake.calls("/api/v2/search")[0]
    assert call.arg("type") == "statuses" and call.arg("resolve") is None
    with pytest.raises(ConfigError, match="MASTODON_ACCESS_TOKEN"):
        platform_for(fake, token=None).search_posts("contact centre")


def test_429_gives_rate_limited_with_exact_reset(fake: FakeMastodon) -> None:
    reset = datetime(2031, 5, 4, 3, 2, 1, 530491, tzinfo=UTC)
    fake.inject("/following", FakeMastodon.rate_limited(reset))
    with pytest.raises(RateLimited) as caught:
        platform_for(fake).following(fake.ids["david"])
    assert caught.value.reset_at == reset


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient(fake: FakeMastodon, status: int) -> None:
    fake.inject("/followers", error(status, "Remote data could not be fetched"))
    with pytest.raises(TransientError):
        platform_for(fake).followers(fake.ids["david"])


def test_dropped_connection_is_transient(fake: FakeMastodon) -> None:
    fake.inject("/followers", Response(drop=True))
    with pytest.raises(TransientError):
        platform_for(fake).followers(fake.ids["david"])


def test_bad_token_is_auth_error_without_the_token(fake: FakeMastodon) -> None:
    with pytest.raises(AuthError) as caught:
        platform_for(fake, token="leaked-secret-token-42").me()
    assert "leaked-secret-token-42" not in str(caught.value)
    assert "The access token is invalid" in str(caught.value)


def test_unknown_account(fake: FakeMastodon) -> None:
    platform = platform_for(fake)
    with pytest.raises(AccountUnavailable) as caught:
        platform.following("424242")
    assert caught.value.state == "unknown"
    with pytest.raises(AccountUnavailable):
        platform.followers("ghost@nowhere.example")


def test_lookup_by_handle_and_missing(fake: FakeMastodon) -> None:
    platform = platform_for(fake)
    found = platform.lookup(handles=[f"@schochastics@{fake.host}"])
    assert [a.raw["id"] for a in found.found] == [fake.ids["david"]]
    assert fake.calls("/accounts/lookup")[0].arg("acct") == "schochastics"
    assert platform.lookup(handles=["nobody@x.example"]).missing == {"nobody@x.example": "unknown"}
    with pytest.raises(ValueError):
        platform.lookup(handles=["a", "b"])


def test_lists_of_the_token_owner(fake: FakeMastodon) -> None:
    platform = platform_for(fake)
    owned = platform.owned_lists("anyone")
    assert [(lst.platform_id, lst.name) for lst in owned.items] == [("7351", "rtoot devs")]
    members = platform.list_members(fake.ids["list"])
    assert [a.handle for a in members.items] == [f"JBGruber@{fake.host}"]
    memberships = platform.list_memberships(members.items[0].platform_id)
    assert [lst.name for lst in memberships.items] == ["rtoot devs"]
    assert platform.list_memberships(fake.ids["david"]).items == []
    with pytest.raises(ConfigError):
        platform_for(fake, token=None).owned_lists("anyone")


def test_me_search_accounts_and_unfollow(fake: FakeMastodon) -> None:
    target = fake.add_account("target@remote.example")
    fake.follow(fake.me_id, target)
    platform = platform_for(fake)

    me = platform.me()
    found = platform.search_accounts("schoch", limit=5)
    platform.unfollow("target@remote.example")  # the stored key; resolved to the instance id

    assert me.raw["id"] == fake.me_id and me.default_avatar is True
    assert found[0].raw["id"] == fake.ids["david"]
    assert fake.calls("/accounts/search")[0].arg("limit") == "5"
    assert fake.unfollowed == [target]
    assert target not in fake.following[fake.me_id]
    assert fake.calls("/unfollow")[0].headers["authorization"] == f"Bearer {fake.token}"


def test_from_env(monkeypatch: pytest.MonkeyPatch, fake: FakeMastodon) -> None:
    monkeypatch.delenv("MASTODON_API_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="MASTODON_API_BASE_URL"):
        MastodonPlatform.from_env()
    monkeypatch.setenv("MASTODON_API_BASE_URL", fake.base_url)
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", fake.token)
    assert MastodonPlatform.from_env().me().raw["id"] == fake.me_id


def test_html_and_website_helpers() -> None:
    assert html_to_text("<p>a &amp; b<br>c</p><p>d</p>") == "a & b\nc\n\nd"
    fields = [
        {"name": "GitHub", "value": '<a href="https://github.com/x">github.com/x</a>'},
        {"name": "Website", "value": "https://x.example"},
    ]
    assert website(fields) == "https://x.example"
    assert website([{"name": "bread", "value": "toasty."}]) is None
