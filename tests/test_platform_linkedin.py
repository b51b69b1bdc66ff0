"""LinkedIn platform: the real linkedin-api client against FakeLinkedIn on 127.0.0.1."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from audience.config import Secret
from audience.errors import (
    AuthError,
    ConfigError,
    PlatformError,
    RateLimited,
    TransientError,
)
from audience.platforms.linkedin import (
    LinkedInPlatform,
    LinkedInUnsupported,
    login,
    public_id_from_url,
    search_entities,
)
from tests.fakes.linkedin_api import FIXTURE, FakeLinkedIn
from tests.fakes.server import Response

RACHEL_URN = "ACoAABGXcG8Bb-jLzMLAuchtia-4yaSCXEzJhX0"


@pytest.fixture(autouse=True)
def no_evasion_sleep(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """linkedin-api sleeps 2-5 s before each request; record the pauses instead."""
    pauses: list[int] = []
    monkeypatch.setattr("linkedin_api.linkedin.sleep", pauses.append)
    return pauses


@pytest.fixture
def fake():
    with FakeLinkedIn() as server:
        yield server


@pytest.fixture
def cookies_dir(tmp_path: Path) -> Path:
    return tmp_path / "cookies"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, fake: FakeLinkedIn, cookies_dir: Path) -> None:
    monkeypatch.setenv("LINKEDIN_USERNAME", fake.username)
    monkeypatch.setenv("LINKEDIN_PASSWORD", fake.password)
    monkeypatch.setenv("LINKEDIN_BASE_URL", fake.base_url)
    monkeypatch.setenv("LINKEDIN_COOKIES_DIR", str(cookies_dir))
    monkeypatch.delenv("LINKEDIN_SEARCH_QUERY_ID", raising=False)


@pytest.fixture
def linkedin(env: None) -> LinkedInPlatform:
    return LinkedInPlatform.from_env()


def variables(request) -> str:
    return request.arg("variables")


# ---- login ----------------------------------------------------------------------------------


def test_login_runs_the_cookie_dance_and_caches_cookies_privately(
    env: None, fake: FakeLinkedIn, cookies_dir: Path
) -> None:
    from linkedin_api.client import Client

    platform = LinkedInPlatform.from_env()

    # the home page's meta tags were read, as after a real login
    assert "clientPageInstanceId" in platform._api.client.metadata
    steps = [(r.method, r.path) for r in fake.requests]
    assert steps == [("GET", "/uas/authenticate"), ("POST", "/uas/authenticate"), ("GET", "/")]
    form = fake.requests[1].body.decode()
    assert "session_key=pr-team%40example.com" in form
    assert (cookies_dir / f"{fake.username}.jr").is_file()
    assert cookies_dir.stat().st_mode & 0o777 == 0o700
    # the class attribute borrowed for the login is given back
    assert Client.LINKEDIN_BASE_URL == "https://www.linkedin.com"


def test_cached_cookies_are_reused_without_a_new_login(env: None, fake: FakeLinkedIn) -> None:
    LinkedInPlatform.from_env()
    platform = LinkedInPlatform.from_env()
    assert len(fake.calls("^/uas/authenticate$")) == 2  # one GET + one POST, first run only

    platform.search_accounts("Robin")
    search = fake.calls("/graphql")[0]
    assert search.headers["csrf-token"] == fake.jsessionid


def test_login_leaves_root_logging_alone(env: None) -> None:
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    LinkedInPlatform.from_env()
    assert (list(root.handlers), root.level) == before


def test_missing_password_names_the_variable_not_a_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LINKEDIN_USERNAME", "someone@example.com")
    monkeypatch.delenv("LINKEDIN_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="LINKEDIN_PASSWORD") as caught:
        LinkedInPlatform.from_env()
    assert "someone@example.com" not in str(caught.value)


@pytest.mark.parametrize("result", ["CHALLENGE", "BAD_PASSWORD"])
def test_refused_login_is_an_auth_error_without_the_password(
    env: None,
    fake: FakeLinkedIn,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    result: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    if result == "CHALLENGE":
        fake.login_result = "CHALLENGE"
    else:
        monkeypatch.setenv("LINKEDIN_PASSWORD", "wrong-but-secret-pass")
    with pytest.raises(AuthError) as caught:
        LinkedInPlatform.from_env()
    message = str(caught.value)
    assert result in message and "best effort" in message
    for secret in (fake.password, "wrong-but-secret-pass"):
        assert secret not in message
        assert secret not in caplog.text
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_login_401_is_an_auth_error(env: None, fake: FakeLinkedIn) -> None:
    fake.login_answer = Response(401, {})
    with pytest.raises(AuthError, match="refused the login"):
        LinkedInPlatform.from_env()


def test_login_blocked_with_an_html_page_is_an_auth_error(env: None, fake: FakeLinkedIn) -> None:
    fake.login_answer = Response(999, raw=b"<html>Request denied</html>")
    with pytest.raises(AuthError, match="not a session"):
        LinkedInPlatform.from_env()


def test_login_without_server_is_transient(env: None, fake: FakeLinkedIn) -> None:
    fake.inject("^/uas/authenticate$", Response(drop=True))
    with pytest.raises(TransientError):
        LinkedInPlatform.from_env()


def test_cookie_constructor_path_works_too(fake: FakeLinkedIn) -> None:
    """The documented fallback: a session from browser cookies, no password login."""
    from linkedin_api import Linkedin
    from requests.cookies import RequestsCookieJar

    jar = RequestsCookieJar()
    jar.set("li_at", fake.li_at)
    jar.set("JSESSIONID", f'"{fake.jsessionid}"')
    api = Linkedin("", "", cookies=jar)
    api.client.API_BASE_URL = f"{fake.base_url}/voyager/api"
    accounts = LinkedInPlatform(api).search_accounts("Robin Kivlen")
    assert [a.handle for a in accounts] == ["robinkivlen"]
    assert not fake.calls("/uas/")


# ---- search ---------------------------------------------------------------------------------


def test_search_by_name_and_company(linkedin: LinkedInPlatform, fake: FakeLinkedIn) -> None:
    accounts = linkedin.search_accounts("Rachel", company="Epoch Games")

    assert len(accounts) == 1
    rachel = accounts[0]
    assert rachel.platform == "linkedin"
    assert rachel.platform_id == RACHEL_URN
    assert rachel.handle == "rachel-owens-artist"
    assert rachel.display_name == "Rachel Dougherty (Owens)"
    assert rachel.bio == "Art Director at Epoch Games | Founder at ROE Art Studio"
    assert rachel.location == "Los Angeles Metropolitan Area"
    assert rachel.url == "https://www.linkedin.com/in/rachel-owens-artist"
    assert rachel.raw["best_effort"] is True

    sent = variables(fake.calls("/graphql")[0])
    assert "keywords:Rachel," in sent
    assert "(key:company,value:List(Epoch Games))" in sent
    assert "(key:resultType,value:List(PEOPLE))" in sent


def test_search_company_filter_excludes_other_people(linkedin: LinkedInPlatform) -> None:
    assert linkedin.search_accounts("Rachel", company="Rival Contact Ltd") == []


def test_search_keywords_lose_restli_syntax_characters(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn
) -> None:
    accounts = linkedin.search_accounts("Kivlen, Robin (Mechanical)")
    sent = variables(fake.calls("/graphql")[0])
    assert "keywords:Kivlen Robin Mechanical," in sent
    assert [a.handle for a in accounts] == ["robinkivlen"]


def test_search_pages_with_start_until_limit(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn
) -> None:
    fake.page_size = 4
    accounts = linkedin.search_accounts("", limit=9)

    starts = [re.search(r"start:(\d+)", variables(r)).group(1) for r in fake.calls("/graphql")]
    assert starts == ["0", "4", "8"]
    assert len(accounts) == 9
    assert len({a.platform_id for a in accounts}) == 9


def test_search_stops_at_the_announced_total(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn, no_evasion_sleep: list[int]
) -> None:
    fake.page_size = 4
    accounts = linkedin.search_accounts("", limit=100)
    assert len(accounts) == 10
    assert len(fake.calls("/graphql")) == 3  # 4 + 4 + 2, no extra empty page
    assert len(no_evasion_sleep) == 3  # linkedin-api's jitter ran before each request


def test_search_parses_the_inline_shape_linkedin_api_expects() -> None:
    """The fake's non-normalized answer is what linkedin-api's own parser reads; ours reads
    both shapes."""
    import json

    with FakeLinkedIn() as fake:
        recorded = json.loads(FIXTURE.read_text())["interactions"][0]["response"]["body"]
        normalized, total = search_entities(recorded)
        assert total == 346 and len(normalized) == 10
        from tests.fakes.linkedin_api import _denormalized

        inline, _ = search_entities(_denormalized(fake._normalized_page(fake.people, 0, 10)))
    assert [e["title"]["text"] for e in inline] == [e["title"]["text"] for e in normalized]
    assert inline[0]["_type"].endswith("EntityResultViewModel")


def test_library_search_people_reads_the_fake_inline_answer(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn
) -> None:
    results = linkedin._api.search_people(keywords="Robin")
    assert results == [
        {
            "urn_id": "ACoAABAzm4sB0gyrUNF45a-nGZy5SheLjStCRSY",
            "distance": "DISTANCE_2",
            "jobtitle": "Mechanical Engineer",
            "location": "San Francisco Bay Area",
            "name": "Robin Kivlen",
        }
    ]


# ---- profiles, me, connections -----------------------------------------------------------


def test_lookup_by_slug_url_and_urn(linkedin: LinkedInPlatform, fake: FakeLinkedIn) -> None:
    result = linkedin.lookup(
        handles=["robinkivlen", "https://www.linkedin.com/in/jahance/?trk=x", "no-such-person"],
        ids=[RACHEL_URN],
    )
    assert [a.handle for a in result.found] == ["robinkivlen", "jahance", "rachel-owens-artist"]
    robin = result.found[0]
    assert robin.platform_id == "ACoAABAzm4sB0gyrUNF45a-nGZy5SheLjStCRSY"
    assert robin.display_name == "Robin Kivlen"
    assert robin.bio == "Mechanical Engineer"
    assert robin.location == "San Francisco Bay Area"
    assert robin.url == "https://www.linkedin.com/in/robinkivlen"
    assert robin.raw["best_effort"] is True
    assert result.missing == {"no-such-person": "unknown"}
    paths = [r.path for r in fake.calls("profileView")]
    assert paths[1] == "/voyager/api/identity/profiles/jahance/profileView"


def test_lookup_and_search_agree_on_the_platform_id(linkedin: LinkedInPlatform) -> None:
    searched = linkedin.search_accounts("Rachel", company="Epoch Games")[0]
    looked_up = linkedin.lookup(handles=[searched.handle]).found[0]
    assert (looked_up.platform_id, looked_up.handle) == (searched.platform_id, searched.handle)


def test_me_and_connections_page_by_offset(linkedin: LinkedInPlatform, fake: FakeLinkedIn) -> None:
    me = linkedin.me()
    assert (me.handle, me.display_name) == ("conniereynolds", "Connie Reynolds")

    fake.page_size = 5
    first = linkedin.connections()
    second = linkedin.connections(first.next_cursor)
    assert first.next_cursor == "5" and second.next_cursor is None
    people = [a.handle for a in first.items + second.items]
    assert len(people) == 9 and "conniereynolds" not in people
    sent = variables(fake.calls("/graphql")[0])
    assert f"(key:connectionOf,value:List({me.platform_id}))" in sent
    assert len(fake.calls("/voyager/api/me")) == 1  # linkedin-api caches /me


# ---- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        Response(401, {"status": 401}),
        Response(403, {"status": 403, "message": "CSRF check failed"}),
        Response(999, raw=b"<html>Request denied</html>", headers={"Content-Type": "text/html"}),
        Response(302, raw=b"", headers={"Location": "/checkpoint/lg/login?trk=x"}),
    ],
    ids=["401", "403", "999", "redirect-to-checkpoint"],
)
def test_refused_session_is_an_auth_error(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn, response: Response
) -> None:
    fake.inject("/graphql", response)
    with pytest.raises(AuthError, match="refused the session") as caught:
        linkedin.search_accounts("Robin")
    assert fake.password not in str(caught.value)
    assert fake.li_at not in str(caught.value)


def test_expired_session_on_profile_is_an_auth_error(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn
) -> None:
    fake.li_at = "rotated"  # LinkedIn ended the session
    with pytest.raises(AuthError):
        linkedin.lookup(handles=["robinkivlen"])


def test_429_is_rate_limited_without_reset(linkedin: LinkedInPlatform, fake: FakeLinkedIn) -> None:
    fake.inject("profileView", Response(429, {"status": 429}))
    with pytest.raises(RateLimited) as caught:
        linkedin.lookup(handles=["robinkivlen"])
    assert caught.value.reset_at is None


@pytest.mark.parametrize(
    "response", [Response(500, {"status": 500}), Response(503, raw=b"busy"), Response(drop=True)]
)
def test_server_trouble_is_transient(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn, response: Response
) -> None:
    fake.inject("/graphql", response)
    with pytest.raises(TransientError):
        linkedin.search_accounts("Robin")


def test_rotated_query_id_is_a_clear_platform_error(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn
) -> None:
    fake.query_ids.clear()
    with pytest.raises(PlatformError, match="LINKEDIN_SEARCH_QUERY_ID") as caught:
        linkedin.search_accounts("Robin")
    assert not isinstance(caught.value, (AuthError, TransientError))


def test_query_id_can_be_set_from_the_environment(
    env: None, fake: FakeLinkedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.query_ids = {"voyagerSearchDashClusters.newer"}
    monkeypatch.setenv("LINKEDIN_SEARCH_QUERY_ID", "voyagerSearchDashClusters.newer")
    assert len(LinkedInPlatform.from_env().search_accounts("Robin")) == 1


def test_html_instead_of_json_is_a_platform_error(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn
) -> None:
    fake.inject("/graphql", Response(200, raw=b"<html>authwall</html>"))
    with pytest.raises(PlatformError, match="unexpected shape"):
        linkedin.search_accounts("Robin")


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.search_posts("#cx"),
        lambda p: p.following("x"),
        lambda p: p.followers("x"),
        lambda p: p.owned_lists("x"),
        lambda p: p.list_memberships("x"),
        lambda p: p.list_members("x"),
        lambda p: p.unfollow("x"),
    ],
    ids=[
        "search_posts",
        "following",
        "followers",
        "owned_lists",
        "list_memberships",
        "list_members",
        "unfollow",
    ],
)
def test_unsupported_operations_say_so_without_a_request(
    linkedin: LinkedInPlatform, fake: FakeLinkedIn, call
) -> None:
    before = len(fake.requests)
    with pytest.raises(LinkedInUnsupported, match="LinkedIn: .* is not available: "):
        call(linkedin)
    assert len(fake.requests) == before


def test_costs_are_conservative() -> None:
    for cost in LinkedInPlatform.costs.values():
        assert cost.requests / cost.window_seconds <= 0.5


# ---- pure helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("https://www.linkedin.com/in/robinkivlen", "robinkivlen"),
        ("http://linkedin.com/in/robinkivlen/", "robinkivlen"),
        ("linkedin.com/in/jahance?miniProfileUrn=urn%3Ali", "jahance"),
        ("https://uk.linkedin.com/in/j%C3%B6rg-m%C3%BCller-1/", "jörg-müller-1"),
        ("https://www.linkedin.com/company/acme", None),
        ("https://example.com/in/robinkivlen", None),
        ("robinkivlen", None),
    ],
)
def test_public_id_from_url(value: str, slug: str | None) -> None:
    assert public_id_from_url(value) == slug


def test_login_helper_never_writes_the_library_default_cookie_dir(
    fake: FakeLinkedIn, tmp_path: Path
) -> None:
    from linkedin_api import settings

    existed = Path(settings.COOKIE_PATH).exists()
    login(fake.username, Secret(fake.password), base_url=fake.base_url, cookies_dir=tmp_path)
    assert Path(settings.COOKIE_PATH).exists() == existed
    assert [p.name for p in tmp_path.iterdir()] == [f"{fake.username}.jr"]
