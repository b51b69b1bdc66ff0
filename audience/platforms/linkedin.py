"""LinkedIn through the unofficial ``linkedin-api`` (Voyager) client. **Best effort only.**

LinkedIn offers no public API for people search or the follow graph (only partner programmes),
so this module drives the internal Voyager API the website uses, through tomquirk/linkedin-api:
a cookie session from username/password, then

* people search by name (and company): candidates for ``audience match --lookup``;
* a profile by public id (the slug in ``linkedin.com/in/<slug>``);
* the logged-in member (:meth:`LinkedInPlatform.me`) and their connections.

Using it is against LinkedIn's terms, and LinkedIn answers automation with CHALLENGEs,
checkpoints, HTTP 999 and temporary restrictions. LinkedIn also rotates the GraphQL ``queryId``
of the search and renames response keys; the search is therefore sent and parsed here rather
than through ``Linkedin.search_people`` (whose parser returns ``[]`` on the 2024 answer shape and
hides HTTP errors). Every account it returns carries ``raw["best_effort"] = True``.

Rate limits: LinkedIn publishes none. linkedin-api sleeps 2-5 s before every request (its own
anti-suspension jitter, kept on purpose), and :data:`LinkedInPlatform.costs` asks the crawler for
at most one request every 2 s on top of that.

Session cookies are cached by linkedin-api (a pickled cookie jar per username) so that each run
does not log in afresh, which is what triggers CHALLENGEs. The cache lives in a private (0700)
folder: ``LINKEDIN_COOKIES_DIR`` or the user cache dir, one sub-folder per host.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, unquote, urlsplit

from audience import config
from audience.errors import AuthError, NotSupported, PlatformError, RateLimited, TransientError
from audience.models import Account, ListInfo, Lookup, Page, Post
from audience.platforms.base import EndpointCost

if TYPE_CHECKING:
    import requests
    from linkedin_api import Linkedin

DEFAULT_BASE_URL = "https://www.linkedin.com"
BASE_URL_NAME = config.BASE_URL_NAMES["linkedin"]
COOKIES_DIR_NAME = "LINKEDIN_COOKIES_DIR"
QUERY_ID_NAME = "LINKEDIN_SEARCH_QUERY_ID"
# The people-search GraphQL query id seen in a 2024 browser capture. LinkedIn rotates these
# (linkedin-api 2.3.1 still sends voyagerSearchDashClusters.b0928897b71bd00a5a7291755dcd64f0);
# set LINKEDIN_SEARCH_QUERY_ID to the one your browser sends when search starts failing.
SEARCH_QUERY_ID = "voyagerSearchDashClusters.806ff371aaae722f7d7ecee7a3e83900"
NORMALIZED_JSON = "application/vnd.linkedin.normalized+json+2.1"
PAGE_SIZE = 10  # LinkedIn's own page size for people search; no count parameter is sent
# Each page is one more request on an account LinkedIn may restrict; stop well before that.
MAX_SEARCH_PAGES = 10
TIMEOUT_SECONDS = 30
LOGIN_PATHS = ("/login", "/checkpoint", "/authwall", "/uas/login", "/signup")
PROFILE_URL = "https://www.linkedin.com/in/{}"
BEST_EFFORT = (
    "LinkedIn access is best effort (unofficial API): log in on linkedin.com in a browser, "
    "clear any security check, wait a while, then retry"
)

_class_attr_lock = threading.Lock()


class LinkedInUnsupported(NotSupported):
    """The operation has no equivalent in what LinkedIn lets this toolkit reach."""


def _unsupported(operation: str, why: str) -> LinkedInUnsupported:
    return LinkedInUnsupported(f"LinkedIn: {operation} is not available: {why}")


# ---- pure helpers -----------------------------------------------------------------------------


def public_id_from_url(value: str) -> str | None:
    """The slug of a ``linkedin.com/in/<slug>`` URL (any scheme, ``www.`` or not, trailing
    ``/`` or query), or None if ``value`` is not such a URL."""
    text = value.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if not host.endswith("linkedin.com") or len(segments) < 2 or segments[0] != "in":
        return None
    return unquote(segments[1])


def _profile_urn_id(urn: str) -> str | None:
    match = re.search(r"urn:li:fsd?_(?:mini)?[pP]rofile:([^,)]+)", urn or "")
    return match.group(1) if match else None


def _text(entity: dict[str, Any], key: str) -> str | None:
    return (entity.get(key) or {}).get("text") or None


def _restli_value(value: str) -> str:
    """A value safe inside Rest.li ``variables=(...)``: its syntax characters dropped (they carry
    no meaning in a name search), the rest percent-encoded."""
    cleaned = " ".join(re.sub(r"[(),:'\"]", " ", value).split())
    return quote(cleaned, safe="")


def search_path(
    query_id: str, start: int, keywords: str | None = None, filters: list[str] = ()
) -> str:
    """The Voyager GraphQL people-search path, built as linkedin-api 2.3.1 builds it."""
    parameters = ",".join(["(key:resultType,value:List(PEOPLE))", *filters])
    keyword_part = f"keywords:{_restli_value(keywords)}," if keywords else ""
    return (
        f"/graphql?variables=(start:{start},origin:GLOBAL_SEARCH_HEADER,query:({keyword_part}"
        f"flagshipSearchIntent:SEARCH_SRP,queryParameters:List({parameters}),"
        f"includeFiltersInResponse:false))&queryId={query_id}"
    )


def search_entities(body: dict[str, Any]) -> tuple[list[dict[str, Any]], int | None]:
    """Entity results of one search answer and the announced total.

    Accepts both shapes LinkedIn has used: normalized (``data.data...``, ``*entityResult`` URN
    references into ``included``, ``$type`` keys) and inline (``data...``, ``entityResult``,
    ``_type`` keys, what linkedin-api's parser expects)."""
    data = body.get("data") or {}
    clusters = (data.get("data") or data).get("searchDashClustersByAll") or {}
    by_urn = {e.get("entityUrn"): e for e in body.get("included") or [] if isinstance(e, dict)}
    entities = []
    for cluster in clusters.get("elements") or []:
        for element in cluster.get("items") or []:
            item = element.get("item") or {}
            entity = item.get("entityResult") or by_urn.get(item.get("*entityResult"))
            if entity:
                entities.append(entity)
    return entities, (clusters.get("paging") or {}).get("total")


def account_from_search(entity: dict[str, Any]) -> Account | None:
    """An Account from a search entity result; None for hidden "LinkedIn Member" results."""
    distance = (entity.get("entityCustomTrackingInfo") or {}).get("memberDistance")
    urn_id = _profile_urn_id(entity.get("entityUrn", ""))
    if distance == "OUT_OF_NETWORK" or urn_id is None:
        return None
    slug = public_id_from_url(entity.get("navigationUrl") or "")
    if slug == urn_id:  # LinkedIn links by URN id when it hides the public profile
        slug = None
    raw = {
        "best_effort": True,
        "source": "search",
        "urn_id": urn_id,
        "public_id": slug,
        "member_urn": entity.get("trackingUrn"),
        "distance": distance,
    }
    return Account(
        platform="linkedin",
        platform_id=urn_id,
        handle=slug,
        display_name=_text(entity, "title"),
        bio=_text(entity, "primarySubtitle"),
        location=_text(entity, "secondarySubtitle"),
        url=PROFILE_URL.format(slug or urn_id),
        raw=raw,
    )


def account_from_profile(profile: dict[str, Any], source: str = "profile") -> Account:
    """An Account from ``Linkedin.get_profile()`` output (or a ``/me`` miniProfile)."""
    urn_id = (
        profile.get("urn_id")
        or profile.get("profile_id")
        or _profile_urn_id(profile.get("entityUrn", ""))
    )
    slug = profile.get("public_id") or profile.get("publicIdentifier")
    name = " ".join(p for p in (profile.get("firstName"), profile.get("lastName")) if p)
    location = profile.get("locationName") or profile.get("geoLocationName")
    raw = {
        "best_effort": True,
        "source": source,
        "urn_id": urn_id,
        "public_id": slug,
        "member_urn": profile.get("member_urn") or profile.get("objectUrn"),
        "industry": profile.get("industryName"),
        "country": profile.get("geoCountryName"),
    }
    return Account(
        platform="linkedin",
        platform_id=urn_id or slug,
        handle=slug,
        display_name=name or None,
        bio=profile.get("headline") or profile.get("occupation"),
        location=location,
        url=PROFILE_URL.format(slug or urn_id),
        raw=raw,
    )


# ---- HTTP plumbing ------------------------------------------------------------------------------


def _raise_for_refusal(response: requests.Response, *args: object, **kwargs: object) -> None:
    """requests response hook: turn LinkedIn's refusals into domain errors, whichever
    linkedin-api method made the call (the library itself ignores HTTP statuses)."""
    error = _refusal_error(response)
    if error is not None:
        response.close()  # nobody will read the body now; give the connection back
        raise error


def _refusal_error(response: requests.Response) -> PlatformError | None:
    status = response.status_code
    location = urlsplit(response.headers.get("Location", "")).path
    if status in (401, 403, 999) or (response.is_redirect and location.startswith(LOGIN_PATHS)):
        return AuthError(f"LinkedIn refused the session (HTTP {status}). {BEST_EFFORT}.")
    if status == 429:
        return RateLimited("LinkedIn: too many requests (HTTP 429); it gives no reset time", None)
    if status >= 500:
        return TransientError(f"LinkedIn: server error (HTTP {status})")
    if status >= 400 and status != 404:
        return PlatformError(
            f"LinkedIn rejected the request (HTTP {status}); its internal API changes often "
            f"(for search, try a newer {QUERY_ID_NAME}). {BEST_EFFORT}."
        )
    return None


def _session_with_defaults(session: requests.Session, timeout: float) -> None:
    from requests.adapters import HTTPAdapter

    class TimeoutAdapter(HTTPAdapter):
        # linkedin-api passes no timeout, so a stalled connection would hang forever
        def send(self, request: Any, **kwargs: Any) -> Any:
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = timeout
            return super().send(request, **kwargs)

    session.mount("https://", TimeoutAdapter())
    session.mount("http://", TimeoutAdapter())
    session.hooks["response"].append(_raise_for_refusal)


@contextmanager
def _translated_errors() -> Iterator[None]:
    """Connection trouble → TransientError; an answer that is not the expected JSON →
    PlatformError. Messages never quote the request (cookies, form) or the answer."""
    import requests

    try:
        yield
    except (
        requests.ConnectionError,
        requests.Timeout,
        requests.exceptions.ChunkedEncodingError,
    ) as exc:
        raise TransientError(f"LinkedIn did not answer ({type(exc).__name__})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PlatformError(
            f"LinkedIn answered in an unexpected shape ({type(exc).__name__}). {BEST_EFFORT}."
        ) from None


@contextmanager
def _login_base_url(base_url: str) -> Iterator[None]:
    """linkedin-api's login code reads the *class* attribute ``Client.LINKEDIN_BASE_URL``, so a
    base-URL override (tests, proxies) must be set there for the duration of the login."""
    from linkedin_api.client import Client

    if base_url == DEFAULT_BASE_URL:
        yield
        return
    with _class_attr_lock:
        saved = Client.LINKEDIN_BASE_URL, Client.API_BASE_URL
        Client.LINKEDIN_BASE_URL, Client.API_BASE_URL = base_url, f"{base_url}/voyager/api"
        try:
            yield
        finally:
            Client.LINKEDIN_BASE_URL, Client.API_BASE_URL = saved


@contextmanager
def _root_logging_untouched() -> Iterator[None]:
    """linkedin-api calls ``logging.basicConfig(level=INFO)`` in its constructors, which would
    install a root handler in the host program; undo that."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def default_cookies_dir(base_url: str = DEFAULT_BASE_URL) -> Path:
    """Where session cookies are cached: one private folder per host, so a session for the
    real site is never offered to another host (and vice versa)."""
    from platformdirs import user_cache_dir

    host = re.sub(r"[^A-Za-z0-9.-]", "_", urlsplit(base_url).netloc or "linkedin")
    return Path(user_cache_dir("audience")) / "linkedin-cookies" / host


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def _owner_only_files(folder: Path) -> None:
    # linkedin-api writes its cookie jar with the default mode (0644 under the usual umask);
    # the folder is already private, the session cookie in it should be too.
    for path in folder.iterdir():
        if path.is_file():
            path.chmod(0o600)


def login(
    username: str,
    password: config.Secret,
    *,
    base_url: str = DEFAULT_BASE_URL,
    cookies_dir: Path | None = None,
) -> Linkedin:
    """A logged-in ``Linkedin`` client (cached cookies first, else the password login)."""
    from linkedin_api import Linkedin
    from linkedin_api.cookie_repository import LinkedinSessionExpired

    base_url = base_url.rstrip("/")
    # linkedin-api joins the folder and the file name without a separator
    folder = f"{_private_dir(cookies_dir or default_cookies_dir(base_url))}/"
    with _login_errors(), _login_base_url(base_url), _root_logging_untouched():
        try:
            api = Linkedin(username, password.reveal(), cookies_dir=folder)
        except LinkedinSessionExpired:
            api = Linkedin(username, password.reveal(), cookies_dir=folder, refresh_cookies=True)
    _owner_only_files(Path(folder))
    api.client.LINKEDIN_BASE_URL = base_url
    api.client.API_BASE_URL = f"{base_url}/voyager/api"
    return api


@contextmanager
def _login_errors() -> Iterator[None]:
    import requests
    from linkedin_api.client import ChallengeException, UnauthorizedException

    try:
        yield
    except ChallengeException as exc:
        result = str(exc.args[0]) if exc.args else "CHALLENGE"
        raise AuthError(f"LinkedIn refused the login ({result}). {BEST_EFFORT}.") from None
    except UnauthorizedException:
        raise AuthError(f"LinkedIn refused the login (HTTP 401). {BEST_EFFORT}.") from None
    except (requests.ConnectionError, requests.Timeout) as exc:
        raise TransientError(f"LinkedIn login: no answer ({type(exc).__name__})") from None
    except Exception as exc:  # linkedin-api raises a bare Exception() for other statuses
        raise AuthError(
            f"LinkedIn login failed ({type(exc).__name__}): the answer was not a session, "
            f"often a block or security-check page. {BEST_EFFORT}."
        ) from None


# ---- the platform -------------------------------------------------------------------------------


class LinkedInPlatform:
    """The :class:`~audience.platforms.base.Platform` for LinkedIn, best effort.

    Supported: :meth:`search_accounts`, :meth:`lookup`, :meth:`me`, :meth:`connections`.
    Everything else raises :class:`LinkedInUnsupported` with the reason."""

    name: ClassVar[str] = "linkedin"
    costs: ClassVar[dict[str, EndpointCost]] = {
        "search": EndpointCost(requests=1, window_seconds=2, page_size=PAGE_SIZE),
        "lookup": EndpointCost(requests=1, window_seconds=2, page_size=1),
        "connections": EndpointCost(requests=1, window_seconds=2, page_size=PAGE_SIZE),
    }

    def __init__(
        self,
        api: Linkedin,
        *,
        search_query_id: str = SEARCH_QUERY_ID,
        timeout: float = TIMEOUT_SECONDS,
    ):
        self._api = api
        self._query_id = search_query_id
        _session_with_defaults(api.client.session, timeout)

    @classmethod
    def from_env(
        cls,
        *,
        base_url: str | None = None,
        cookies_dir: str | Path | None = None,
        **_other_platform_options: object,
    ) -> LinkedInPlatform:
        """Log in with ``LINKEDIN_USERNAME``/``LINKEDIN_PASSWORD``. ``base_url`` (or
        ``LINKEDIN_BASE_URL``) points the client elsewhere, e.g. at a local fake server."""
        creds = config.require_credentials("linkedin", config.CREDENTIAL_NAMES["linkedin"])
        base = base_url or config.setting(BASE_URL_NAME) or DEFAULT_BASE_URL
        folder = cookies_dir or config.setting(COOKIES_DIR_NAME)
        api = login(
            creds["LINKEDIN_USERNAME"].reveal(),
            creds["LINKEDIN_PASSWORD"],
            base_url=base,
            cookies_dir=Path(folder) if folder else None,
        )
        return cls(api, search_query_id=config.setting(QUERY_ID_NAME) or SEARCH_QUERY_ID)

    # ---- supported ----------------------------------------------------------------------

    def search_accounts(
        self, query: str, limit: int = 20, *, company: str | None = None
    ) -> list[Account]:
        """People whose profile matches ``query`` (a name), optionally working at ``company``.
        Pages through LinkedIn's 10-result pages until ``limit``; candidates, not matches."""
        filters = [f"(key:company,value:List({_restli_value(company)}))"] if company else []
        accounts: list[Account] = []
        start = 0
        for _ in range(MAX_SEARCH_PAGES):
            entities, total = self._search_page(start, query, filters)
            accounts.extend(a for e in entities if (a := account_from_search(e)))
            start += len(entities)
            if not entities or len(accounts) >= limit or (total is not None and start >= total):
                break
        return accounts[:limit]

    def lookup(self, handles: list[str] = (), ids: list[str] = ()) -> Lookup:
        """Profiles by public id (slug or ``linkedin.com/in/...`` URL) or profile URN id, one
        request each. Unknown or hidden profiles land in ``missing`` as "unknown"."""
        found: list[Account] = []
        missing: dict[str, str] = {}
        keys = [(h, public_id_from_url(h) or h.strip().lstrip("@")) for h in handles]
        keys += [(i, i) for i in ids]
        for key, profile_id in keys:
            with _translated_errors():
                profile = self._api.get_profile(profile_id)
            if profile:
                found.append(account_from_profile(profile))
            else:
                missing[key] = "unknown"
        return Lookup(found=found, missing=missing)

    def me(self) -> Account:
        """The logged-in member."""
        with _translated_errors():
            mini = self._api.get_user_profile()["miniProfile"]
            return account_from_profile(mini, source="me")

    def connections(self, cursor: str | None = None) -> Page[Account]:
        """One page of the logged-in member's 1st-degree connections (a people search with
        ``connectionOf``). The cursor is the result offset."""
        my_id = self.me().platform_id
        start = int(cursor or 0)
        filters = [f"(key:connectionOf,value:List({my_id}))", "(key:network,value:List(F))"]
        entities, total = self._search_page(start, None, filters)
        following = start + len(entities)
        more = bool(entities) and (total is None or following < total)
        accounts = [a for e in entities if (a := account_from_search(e))]
        return Page(items=accounts, next_cursor=str(following) if more else None)

    def _search_page(
        self, start: int, keywords: str | None, filters: list[str]
    ) -> tuple[list[dict[str, Any]], int | None]:
        path = search_path(self._query_id, start, keywords, filters)
        with _translated_errors():
            response = self._api._fetch(path, headers={"accept": NORMALIZED_JSON})
            if response.status_code == 404:
                raise PlatformError(f"LinkedIn: people search not found (HTTP 404). {BEST_EFFORT}.")
            return search_entities(response.json())

    # ---- not offered by LinkedIn ----------------------------------------------------------

    def search_posts(
        self,
        query: str,
        *,
        since: datetime | None = None,
        lang: str | None = None,
        cursor: str | None = None,
    ) -> Page[Post]:
        raise _unsupported(
            "post/hashtag search",
            "linkedin-api has no content search and LinkedIn's content search is not reachable "
            "without its partner programme",
        )

    def following(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        raise _unsupported(
            "following lists",
            "LinkedIn shows nobody's follow graph; for your own network use connections() "
            "or import Connections.csv from LinkedIn's data export",
        )

    def followers(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        raise _unsupported(
            "follower lists",
            "LinkedIn shows nobody's followers; for your own network use connections() "
            "or import Connections.csv from LinkedIn's data export",
        )

    def owned_lists(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        raise _unsupported("lists", "LinkedIn has no lists of members")

    def list_memberships(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        raise _unsupported("list memberships", "LinkedIn has no lists of members")

    def list_members(self, list_id: str, cursor: str | None = None) -> Page[Account]:
        raise _unsupported("list members", "LinkedIn has no lists of members")

    def unfollow(self, account_id: str) -> None:
        raise _unsupported(
            "unfollow",
            "automated unfollowing or disconnecting through the unofficial API risks the "
            "account being restricted; do it on linkedin.com",
        )
