"""XPlatform through the real tweepy.Client against FakeX on 127.0.0.1."""

from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime, timedelta

import pytest

from audience.errors import (
    AccountUnavailable,
    AuthError,
    ConfigError,
    PlatformError,
    RateLimited,
    TransientError,
)
from audience.platforms.x import XPlatform, snowflake_time
from tests.fakes.server import Response
from tests.fakes.x_api import (
    DEFAULT_AVATAR,
    FakeX,
    Paging,
    load_fixture,
    make_user,
    problem,
    resource_error,
)

NOW = 1_800_000_000
ACCESS_TOKEN = "1072250532645998596-AbCdEfGhIjKlMnOpQrStUvWxYz"
USER_CONTEXT = {
    "api_key": "consumer-key-123",
    "api_secret": "consumer-secret-456",
    "access_token": ACCESS_TOKEN,
    "access_token_secret": "access-secret-789",
}


@pytest.fixture
def fake():
    server = FakeX(clock=lambda: NOW)
    with server:
        yield server


@pytest.fixture
def x(fake):
    return XPlatform(fake.bearer_token, base_url=fake.base_url, timeout=5, **USER_CONTEXT)


def test_bio_links_are_stored_as_the_addresses_not_t_co(fake, x):
    bio = "Reporter at https://harbourdaily.example/authors/jo and https://jo.example"
    fake.add_user(make_user("42", "journalist"))
    fake.add_user(make_user("43", "jo_reports", description=bio))
    fake.set_following("42", ["43"])

    assert "t.co" in fake.users["43"]["description"]  # the wire format shortens them
    (account,) = x.following("42", None).items
    assert account.bio == bio


def test_following_pages_through_every_account_once(fake, x):
    fake.add_user(make_user("42", "journalist"))
    ids = fake.add_users(2500)
    fake.set_following("42", ids)

    pages, cursor = [], None
    while True:
        page = x.following("42", cursor)
        pages.append(page)
        cursor = page.next_cursor
        if cursor is None:
            break

    assert [len(p.items) for p in pages] == [1000, 1000, 500]
    assert [a.platform_id for p in pages for a in p.items] == ids
    assert [p.next_cursor for p in pages] == [
        Paging.token("following:42", 1000),
        Paging.token("following:42", 2000),
        None,
    ]
    sent = [r.query for r in fake.calls("/2/users/42/following")]
    assert [q.get("pagination_token") for q in sent] == [
        None,
        [pages[0].next_cursor],
        [pages[1].next_cursor],
    ]
    assert all(q["max_results"] == ["1000"] for q in sent)


def test_followers_resume_from_a_saved_cursor_on_a_new_client(fake, x):
    fake.add_user(make_user("42", "journalist"))
    ids = fake.add_users(1500)
    fake.set_followers("42", ids)
    first = x.followers("42")

    fresh = XPlatform(fake.bearer_token, base_url=fake.base_url)
    second = fresh.followers("42", first.next_cursor)

    assert [a.platform_id for a in first.items + second.items] == ids
    assert second.next_cursor is None


def test_unknown_cursor_is_refused_like_the_real_api(x):
    with pytest.raises(PlatformError) as caught:
        x.following("783214", "NOT-A-REAL-TOKEN")
    assert "not a valid token" in str(caught.value)
    assert type(caught.value) is PlatformError


def test_recorded_following_maps_to_accounts(x):
    page = x.following("783214")

    assert len(page.items) == 35
    assert page.next_cursor is None
    first = page.items[0]
    assert (first.platform_id, first.handle, first.display_name) == (
        "738118487122419712",
        "TwitterAsians",
        "Twitter Asians",
    )
    assert first.url == "https://x.com/TwitterAsians"


def test_rate_headers_are_parsed(x):
    page = x.following("783214")
    page_again = x.following("783214")

    assert page.rate.limit == 300
    assert page.rate.remaining == 299
    assert page.rate.reset_at == datetime.fromtimestamp(NOW + 900, UTC)
    assert page_again.rate.remaining == 298


def test_search_returns_posts_with_authors_from_includes(fake, x):
    yesterday = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    stamp = yesterday.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    fake.add_user(make_user("501", "cxqueen", name="CX Queen"))
    fake.add_user(make_user("502", "callcentre"))
    fake.add_post("1900000000000000004", "502", "Too old #cx", "2020-01-01T00:00:00.000Z")
    fake.add_post(
        "1900000000000000003", "501", "Queues are long #CX #custserv", stamp, like_count=4
    )
    fake.add_post("1900000000000000002", "502", "Hiring agents #cx", stamp, retweet_count=7)
    fake.add_post("1900000000000000001", "502", "Bonjour #cx", stamp, lang="fr")
    fake.add_post("1900000000000000000", "502", "unrelated post", stamp)

    page = x.search_posts("#cx", lang="en", since=yesterday - timedelta(hours=1))

    assert [p.platform_id for p in page.items] == ["1900000000000000003", "1900000000000000002"]
    first, second = page.items
    assert first.hashtags == ["CX", "custserv"]
    assert first.like_count == 4
    assert second.repost_count == 7
    assert first.url == "https://x.com/cxqueen/status/1900000000000000003"
    assert first.created_at == yesterday
    assert {a.handle for a in page.accounts} == {"cxqueen", "callcentre"}
    query = fake.calls("/2/tweets/search/recent")[-1].query
    assert query["query"] == ["#cx lang:en"]
    expected_start = yesterday - timedelta(hours=1)
    assert query["start_time"] == [expected_start.strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert query["expansions"] == ["author_id"]
    assert query["max_results"] == ["100"]


def add_recent_posts(fake, count: int) -> None:
    fake.add_user(make_user("501", "cxqueen"))
    stamp = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    for n in range(count):
        fake.add_post(str(1_900_000_000_000_000_000 + n), "501", f"post {n} #cx", stamp)


def test_search_since_beyond_the_seven_day_window_asks_for_all_x_keeps(fake, x):
    x.search_posts("#cx", since=datetime.now(UTC) - timedelta(days=30))

    assert "start_time" not in fake.calls("/search/recent")[-1].query


def test_stale_start_times_are_refused_like_x_does(fake, x):
    from audience.errors import PlatformError

    with pytest.raises(PlatformError, match="start_time"):
        x._call(
            "search",
            lambda: x._app().search_recent_tweets(
                "#cx", start_time=datetime.now(UTC) - timedelta(days=8)
            ),
        )


def test_a_search_resumes_from_its_token_with_the_start_time_it_began_with(fake, x):
    add_recent_posts(fake, 150)
    began = datetime.now(UTC) - timedelta(days=2)
    first = x.search_posts("#cx", since=began)
    # resumed a day later: "--since 2d" now means another start_time, the token needs the old
    second = x.search_posts("#cx", since=began + timedelta(days=1), cursor=first.next_cursor)

    sent = fake.calls("/search/recent")[-1].query
    assert sent["start_time"] == [began.strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert sent["next_token"] == [first.next_cursor.split(" ")[0]]
    assert len(first.items) + len(second.items) == 150


def test_a_search_position_x_no_longer_accepts_starts_over(fake, x):
    add_recent_posts(fake, 150)
    first = x.search_posts("#cx", since=datetime.now(UTC) - timedelta(days=2))
    token = first.next_cursor.split(" ")[0]
    eight_days_ago = (datetime.now(UTC) - timedelta(days=8)).isoformat()

    again = x.search_posts(
        "#cx", since=datetime.now(UTC) - timedelta(days=2), cursor=f"{token} {eight_days_ago}"
    )

    assert "next_token" not in fake.calls("/search/recent")[-1].query
    assert [p.platform_id for p in again.items] == [p.platform_id for p in first.items]


def test_a_whole_window_search_resumes_without_a_start_time(fake, x):
    add_recent_posts(fake, 150)
    first = x.search_posts("#cx", since=datetime.now(UTC) - timedelta(days=7))
    assert " " not in first.next_cursor  # nothing pinned that could go stale
    second = x.search_posts(
        "#cx", since=datetime.now(UTC) - timedelta(days=7), cursor=first.next_cursor
    )
    assert len(first.items) + len(second.items) == 150


def test_search_pages_with_next_token(fake, x):
    fake.add_user(make_user("501", "cxqueen"))
    ids = [str(1_900_000_000_000_000_000 + n) for n in range(150)]
    for post_id in ids:
        fake.add_post(post_id, "501", f"post {post_id} #cx")

    first = x.search_posts("#cx")
    second = x.search_posts("#cx", cursor=first.next_cursor)

    assert len(first.items) == 100
    assert second.next_cursor is None
    assert [p.platform_id for p in first.items + second.items] == sorted(ids, reverse=True)
    assert fake.calls("/search/recent")[-1].query["next_token"] == [first.next_cursor]


def test_recorded_search_example_keeps_authors(x):
    page = x.search_posts("snowman")

    assert {p.author_id for p in page.items} <= {a.platform_id for a in page.accounts}
    assert page.accounts[0].created_at is not None


def test_429_gives_rate_limited_with_the_exact_reset(fake, x):
    fake.rate_limit("/following", reset_at=1_767_225_600)

    with pytest.raises(RateLimited) as caught:
        x.following("783214")

    assert caught.value.reset_at == datetime(2026, 1, 1, tzinfo=UTC)


def test_429_without_reset_header_has_no_reset(fake, x):
    fake.rate_limit("/followers", reset_at=None)

    with pytest.raises(RateLimited) as caught:
        x.followers("783214")

    assert caught.value.reset_at is None


def test_exhausting_the_window_gives_429_with_the_window_reset(fake, x):
    for _ in range(15):
        x.owned_lists("783214")

    with pytest.raises(RateLimited) as caught:
        x.owned_lists("783214")

    assert caught.value.reset_at == datetime.fromtimestamp(NOW + 900, UTC)


def test_server_error_is_transient(fake, x):
    fake.fail("/list_memberships", "server-error")

    with pytest.raises(TransientError):
        x.list_memberships("783214")


def test_dropped_connection_is_transient(fake, x):
    fake.drop("/lists/84839422/members")

    with pytest.raises(TransientError):
        x.list_members("84839422")


def test_bad_bearer_token_is_auth_error_without_the_token(fake):
    wrong = "AAAAwrong-bearer-token-987654321"
    x = XPlatform(wrong, base_url=fake.base_url)

    with pytest.raises(AuthError) as caught:
        x.following("783214")

    message = str(caught.value)
    assert "rejected the credentials" in message
    assert wrong not in message
    assert fake.bearer_token not in message


def test_403_tier_names_the_api_access_level(fake, x):
    fake.fail("/followers", "tier")

    with pytest.raises(AuthError) as caught:
        x.followers("783214")

    assert "453" in str(caught.value)
    assert "tier" in str(caught.value)


def test_403_client_not_enrolled_names_the_project(fake, x):
    fake.fail("/search/recent", "client-not-enrolled")

    with pytest.raises(AuthError) as caught:
        x.search_posts("#cx")

    assert "not enrolled" in str(caught.value)
    assert "Project" in str(caught.value)


def test_lookup_reports_missing_accounts_with_their_state(fake, x):
    fake.add_user(make_user("777", "gone_rogue"))
    fake.suspend("777")

    result = x.lookup(handles=["@Twitter", "twitterdev", "gone_rogue", "nobody_here_x"])

    assert sorted(a.handle for a in result.found) == ["Twitter", "TwitterDev"]
    assert result.missing == {"gone_rogue": "suspended", "nobody_here_x": "unknown"}
    assert result.rate.limit == 300
    assert fake.calls("/2/users/by")[-1].query["usernames"] == [
        "Twitter,twitterdev,gone_rogue,nobody_here_x"
    ]


def test_lookup_by_id_marks_vanished_ids_deleted(fake, x):
    fake.add_user(make_user("888", "leaving"))
    fake.delete_user("888")

    result = x.lookup(ids=["783214", "888"])

    assert [a.platform_id for a in result.found] == ["783214"]
    assert result.missing == {"888": "deleted"}


def test_lookup_never_sends_a_malformed_handle(fake, x):
    result = x.lookup(handles=["Twitter", "not a handle", "way_too_long_for_x_handles"])

    assert [a.handle for a in result.found] == ["Twitter"]
    assert result.missing == {
        "not a handle": "unknown",
        "way_too_long_for_x_handles": "unknown",
    }
    assert fake.calls("/2/users/by")[-1].query["usernames"] == ["Twitter"]


def test_lookup_refuses_more_than_one_batch(x):
    with pytest.raises(ValueError):
        x.lookup(ids=[str(n) for n in range(101)])


@pytest.mark.parametrize(
    ("setup", "state"),
    [("suspend", "suspended"), ("delete", "deleted"), ("protect", "protected")],
)
def test_unavailable_subject_account(fake, x, setup, state):
    fake.add_user(make_user("900", "subject", protected=setup == "protect"))
    if setup == "suspend":
        fake.suspend("900")
    if setup == "delete":
        fake.delete_user("900")

    with pytest.raises(AccountUnavailable) as caught:
        x.following("900")

    assert caught.value.state == state


def test_account_following_nobody_gives_an_empty_last_page(fake, x):
    fake.add_user(make_user("901", "lurker"))

    page = x.following("901")

    assert (page.items, page.next_cursor) == ([], None)


def test_403_protected_account_says_so(fake, x):
    body = {
        "errors": [resource_error("protected", "id", "783214")],
        **problem(
            403,
            "Forbidden",
            "Sorry, you are not authorized to see the user with id: [783214].",
            "not-authorized-for-resource",
        ),
    }
    fake.inject("/followers", Response(403, body))

    with pytest.raises(AuthError, match="protected"):
        x.followers("783214")


def test_stalled_server_times_out_as_transient():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()  # accepts into the backlog, never answers
        host, port = listener.getsockname()
        x = XPlatform("AAAAstall-token", base_url=f"http://{host}:{port}", timeout=0.3)

        with pytest.raises(TransientError, match="Timeout"):
            x.following("783214")


def test_unfollow_sends_delete_from_the_access_token_user(fake, x):
    fake.set_following("1072250532645998596", ["17874544", "783214"])

    x.unfollow("17874544")

    assert fake.unfollows == [("1072250532645998596", "17874544")]
    (call,) = fake.calls("/following/17874544")
    assert call.method == "DELETE"
    assert call.headers["authorization"].startswith("OAuth ")
    assert fake.following_ids["1072250532645998596"] == ["783214"]


def test_unfollow_without_user_context_names_what_is_missing(fake):
    x = XPlatform(fake.bearer_token, base_url=fake.base_url, api_key="k")

    with pytest.raises(ConfigError) as caught:
        x.unfollow("17874544")

    message = str(caught.value)
    assert "X_API_SECRET" in message and "X_ACCESS_TOKEN_SECRET" in message
    assert "X_API_KEY" not in message
    assert fake.calls("/following") == []


def test_me_uses_user_context(x):
    me = x.me()

    assert (me.platform_id, me.handle) == ("1072250532645998596", "TweepyDev")


def test_account_fields_default_avatar_and_drifted_metrics(fake, x):
    fake.add_user(
        make_user(
            "601",
            "plainegg",
            default_avatar=True,
            website="https://example.org/about",
            public_metrics={"followers_count": 3, "following_count": 900, "post_count": 12},
            most_recent_tweet_id="1900000000000000000",
        )
    )
    fake.add_user(make_user("602", "hasphoto"))

    found = {a.handle: a for a in x.lookup(handles=["plainegg", "hasphoto"]).found}

    egg = found["plainegg"]
    assert egg.default_avatar is True
    assert found["hasphoto"].default_avatar is False
    assert egg.website == "https://example.org/about"
    assert (egg.followers_count, egg.following_count, egg.posts_count) == (3, 900, 12)
    assert egg.created_at == datetime(2015, 3, 1, 10, tzinfo=UTC)
    assert egg.last_post_at == snowflake_time("1900000000000000000")
    assert egg.protected is False and egg.verified is False
    assert fake.users["601"]["profile_image_url"] == DEFAULT_AVATAR


def test_snowflake_time_matches_a_recorded_post():
    # created_at of post 1276035977375477760 in the search example: 2020-06-25T06:14:19Z
    assert snowflake_time("1276035977375477760").replace(microsecond=0) == datetime(
        2020, 6, 25, 6, 14, 19, tzinfo=UTC
    )


def test_owned_lists_carry_owner_and_counts(x):
    page = x.owned_lists("783214")

    official = next(item for item in page.items if item.platform_id == "84839422")
    assert official.name == "Official Twitter Accounts"
    assert official.owner_id == "783214"
    assert official.member_count == 100
    assert [a.handle for a in page.accounts] == ["Twitter"]


def test_search_accounts_treats_the_query_as_a_handle(x):
    assert [a.platform_id for a in x.search_accounts("@TwitterDev")] == ["2244994945"]
    assert x.search_accounts("customer service people") == []


def test_no_token_in_debug_logs(fake, x, caplog):
    caplog.set_level(logging.DEBUG)  # root at DEBUG: tweepy and requests-oauthlib log too
    x.following("783214")
    x.unfollow("17874544")
    with pytest.raises(AuthError):
        XPlatform(fake.bearer_token + "x", base_url=fake.base_url).followers("783214")

    assert "Making API request" in caplog.text  # tweepy's own record did reach the log
    for secret in [fake.bearer_token, *USER_CONTEXT.values()]:
        assert secret not in caplog.text


def test_audience_logger_at_debug_shows_no_token(fake, x, caplog):
    caplog.set_level(logging.DEBUG, logger="audience")
    x.following("783214")

    assert "following 783214" in caplog.text
    assert fake.bearer_token not in caplog.text


def test_from_env_reads_credentials_and_base_url(fake, monkeypatch):
    monkeypatch.setenv("X_BEARER_TOKEN", fake.bearer_token)
    monkeypatch.setenv("X_API_BASE_URL", fake.base_url)
    for name in ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET"):
        monkeypatch.delenv(name, raising=False)

    x = XPlatform.from_env()

    assert len(x.following("783214").items) == 35
    with pytest.raises(ConfigError, match="X_ACCESS_TOKEN"):
        x.me()


def test_from_env_without_credentials_names_the_variable(monkeypatch):
    for name in ("X_BEARER_TOKEN", "X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("X_ACCESS_TOKEN_SECRET", "only-this-one-secret")

    with pytest.raises(ConfigError) as caught:
        XPlatform.from_env()

    assert "X_BEARER_TOKEN" in str(caught.value)
    assert "only-this-one-secret" not in str(caught.value)


def test_costs_follow_the_current_rate_limit_table():
    costs = XPlatform.costs
    assert {name: (c.requests, c.page_size) for name, c in costs.items()} == {
        "search": (450, 100),
        "following": (300, 1000),
        "followers": (300, 1000),
        "owned_lists": (15, 100),
        "list_memberships": (75, 100),
        "list_members": (900, 100),
        "lookup": (300, 100),
        "unfollow": (50, 1),
        "counts": (300, 1),  # GET /2/tweets/counts/recent, one page of buckets a request
    }
    assert all(c.window_seconds == 900 for c in costs.values())
    assert costs["search"].price_per_item == 0.005
    assert costs["following"].price_per_item == 0.010


def test_fake_serves_the_single_user_routes_in_the_recorded_shape(fake, x):
    by_name = x.client.get_user(username="Twitter").json()
    by_id = x.client.get_user(id="2244994945", user_fields=["public_metrics"]).json()
    missing = x.client.get_user(username="nobody_here_x").json()

    assert (
        by_name
        == load_fixture("get_user_by_username.tweepy_sync.json")["interactions"][0]["response"][
            "body"
        ]
    )
    assert by_id["data"]["public_metrics"]["followers_count"] == 514020
    assert missing["errors"][0]["detail"] == "Could not find user with username: [nobody_here_x]."
