"""X (Twitter) through ``tweepy.Client`` and the v2 API.

Every method makes one request with ``wait_on_rate_limit=False`` and returns what came back;
waiting and retrying belong to :mod:`audience.crawl`. The client is asked for raw
``requests.Response`` objects so the ``x-rate-limit-*`` headers reach :class:`RateLimit`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from audience.config import (
    BASE_URL_NAMES,
    credential,
    require_credentials,
    secret_forms,
    setting,
)
from audience.errors import (
    AccountUnavailable,
    AuthError,
    ConfigError,
    NotSupported,
    PlatformError,
    RateLimited,
    TransientError,
)
from audience.models import Account, ListInfo, Lookup, Page, Post, RateLimit, parse_time
from audience.platforms.base import EndpointCost, Written
from audience.platforms.volume import Bucket, CountPage

if TYPE_CHECKING:
    import requests
    import tweepy

log = logging.getLogger(__name__)

TWEEPY_HOST = "https://api.twitter.com"  # the literal tweepy builds every URL from
DEFAULT_BASE_URL = "https://api.twitter.com"
WINDOW = 15 * 60
RECENT_SEARCH_DAYS = 7
USER_CONTEXT_NAMES = ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET")

USER_FIELDS = [
    "created_at",
    "description",
    "entities",
    "id",
    "location",
    "most_recent_tweet_id",
    "name",
    "pinned_tweet_id",
    "profile_image_url",
    "protected",
    "public_metrics",
    "url",
    "username",
    "verified",
    "verified_type",
    "withheld",
]
TWEET_FIELDS = [
    "author_id",
    "created_at",
    "entities",
    "lang",
    "public_metrics",
    "referenced_tweets",
]
LIST_FIELDS = ["created_at", "description", "follower_count", "member_count", "owner_id", "private"]
HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
# Snowflake ids carry their creation time: milliseconds since this epoch, shifted left 22 bits.
SNOWFLAKE_EPOCH_MS = 1288834974657

PROBLEMS = "https://api.twitter.com/2/problems/"


class XPlatform:
    """The X API v2. App-only bearer token for reads; OAuth 1.0a user context for ``me`` and
    ``unfollow``."""

    name: ClassVar[str] = "x"
    # Limits per 15 minutes (app-only where both exist) from the current rate-limit table,
    # docs.x.com/x-api/fundamentals/rate-limits. Prices per returned resource under pay-per-use,
    # docs.x.com x-api/getting-started/pricing (posts $0.005, users and follows $0.010,
    # lists $0.005, "Interaction: Delete" $0.010); see docs/apis.md section 5.
    costs: ClassVar[dict[str, EndpointCost]] = {
        "search": EndpointCost(450, WINDOW, 100, 0.005),
        "following": EndpointCost(300, WINDOW, 1000, 0.010),
        "followers": EndpointCost(300, WINDOW, 1000, 0.010),
        "owned_lists": EndpointCost(15, WINDOW, 100, 0.005),
        "list_memberships": EndpointCost(75, WINDOW, 100, 0.005),
        "list_members": EndpointCost(900, WINDOW, 100, 0.010),
        "lookup": EndpointCost(300, WINDOW, 100, 0.010),
        "unfollow": EndpointCost(50, WINDOW, 1, 0.010),
    }

    def __init__(
        self,
        bearer_token: str | None = None,
        *,
        api_key: str | None = None,
        api_secret: str | None = None,
        access_token: str | None = None,
        access_token_secret: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 30.0,
    ):
        import requests
        import tweepy

        self._user_context = {
            "X_API_KEY": api_key,
            "X_API_SECRET": api_secret,
            "X_ACCESS_TOKEN": access_token,
            "X_ACCESS_TOKEN_SECRET": access_token_secret,
        }
        _redact_in_client_logs([bearer_token, *self._user_context.values()])
        self.client = tweepy.Client(
            bearer_token=bearer_token,
            consumer_key=api_key,
            consumer_secret=api_secret,
            access_token=access_token,
            access_token_secret=access_token_secret,
            return_type=requests.Response,
            wait_on_rate_limit=False,
        )
        self.client.session = _session_for(base_url.rstrip("/"), timeout)

    @classmethod
    def from_env(cls, **options: Any) -> XPlatform:
        """Build from ``X_*`` settings. Reads need ``X_BEARER_TOKEN``, ``me``/``unfollow`` the
        four user-context credentials; at least one of the two sets must be complete."""
        bearer = credential("X_BEARER_TOKEN")
        user = {name: credential(name) for name in USER_CONTEXT_NAMES}
        if bearer is None and not all(user.values()):
            require_credentials("x", ("X_BEARER_TOKEN",))
        options.setdefault("base_url", setting(BASE_URL_NAMES["x"], DEFAULT_BASE_URL))
        return cls(
            _reveal(bearer),
            api_key=_reveal(user["X_API_KEY"]),
            api_secret=_reveal(user["X_API_SECRET"]),
            access_token=_reveal(user["X_ACCESS_TOKEN"]),
            access_token_secret=_reveal(user["X_ACCESS_TOKEN_SECRET"]),
            **options,
        )

    def __repr__(self) -> str:
        return f"XPlatform(base_url={self.client.session.base_url!r})"

    # ---- reads --------------------------------------------------------------------------

    def search_posts(
        self,
        query: str,
        *,
        since: datetime | None = None,
        lang: str | None = None,
        cursor: str | None = None,
    ) -> Page[Post]:
        params: dict[str, Any] = {
            "max_results": self.costs["search"].page_size,
            "expansions": ["author_id"],
            "tweet_fields": TWEET_FIELDS,
            "user_fields": USER_FIELDS,
        }
        floor = _recent_search_floor()
        if since:
            since = since if since.tzinfo else since.replace(tzinfo=UTC)
            if since > floor:  # otherwise ask for all X keeps: no start_time to go stale
                params["start_time"] = since
        if cursor:
            # A token belongs to the request it came from, start_time included, and "2d" moves
            # with the clock: a resumed crawl asks again with the start_time kept in the cursor.
            token, _, pinned = cursor.partition(" ")
            start = datetime.fromisoformat(pinned) if pinned else None
            if start is None or start >= floor:
                params["next_token"] = token
                params.pop("start_time", None)
                if start is not None:
                    params["start_time"] = start
            # else X no longer accepts that start_time (7 days back at most), so the position
            # cannot be resumed: the search starts over, and stores what it meets again once.
        full_query = f"{query} lang:{lang}" if lang else query
        body, rate = self._call(
            "search", lambda: self._app().search_recent_tweets(full_query, **params)
        )
        authors = [to_account(user) for user in body.get("includes", {}).get("users", [])]
        handles = {account.platform_id: account.handle for account in authors}
        posts = [to_post(tweet, handles.get(tweet.get("author_id"))) for tweet in _data(body)]
        return Page(posts, _pinned(_next_token(body), params.get("start_time")), authors, rate)

    def following(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        return self._users_page("following", self._app().get_users_following, account_id, cursor)

    def followers(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        return self._users_page("followers", self._app().get_users_followers, account_id, cursor)

    def list_members(self, list_id: str, cursor: str | None = None) -> Page[Account]:
        return self._users_page("list_members", self._app().get_list_members, list_id, cursor)

    def owned_lists(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        return self._lists_page("owned_lists", self._app().get_owned_lists, account_id, cursor)

    def list_memberships(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        return self._lists_page(
            "list_memberships", self._app().get_list_memberships, account_id, cursor
        )

    def lookup(self, handles: list[str] = (), ids: list[str] = ()) -> Lookup:
        """One ``/2/users/by`` or ``/2/users`` call. Pass handles or ids, not both. Keys that
        did not come back land in ``missing`` (as passed, without ``@``) with their state."""
        handles = [h.strip().lstrip("@") for h in handles]
        ids = [str(i).strip() for i in ids]
        if handles and ids:
            raise ValueError("lookup takes handles or ids in one call, not both")
        keys = handles or ids
        if len(keys) > self.costs["lookup"].page_size:
            raise ValueError(f"lookup takes at most {self.costs['lookup'].page_size} accounts")
        # One malformed key makes X refuse the whole batch with a 400, so it is never sent.
        valid = HANDLE.match if handles else str.isdigit
        sendable = [key for key in keys if valid(key)]
        invalid = {key: "unknown" for key in keys if not valid(key)}
        if not sendable:
            return Lookup([], invalid)
        by = {"usernames": sendable} if handles else {"ids": sendable}
        body, rate = self._call(
            "lookup", lambda: self._app().get_users(**by, user_fields=USER_FIELDS)
        )
        found = [to_account(user) for user in _data(body)]
        missing = _missing(sendable, found, body.get("errors", []), bool(handles))
        return Lookup(found, {**invalid, **missing}, rate)

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        """X v2 has no user search on self-serve plans: treat the query as a handle."""
        handle = query.strip().lstrip("@")
        if not HANDLE.match(handle) or limit < 1:
            return []
        return self.lookup(handles=[handle]).found[:limit]

    # ---- user context -------------------------------------------------------------------

    def me(self) -> Account:
        client = self._user("me")
        body, _ = self._call(
            "me", lambda: client.get_me(user_auth=True, user_fields=USER_FIELDS), "me"
        )
        return to_account(body["data"])

    def unfollow(self, account_id: str) -> None:
        client = self._user("unfollow")
        self._call("unfollow", lambda: client.unfollow_user(account_id, user_auth=True), account_id)
        log.info("x: unfollowed %s", account_id)

    # ---- plumbing -----------------------------------------------------------------------

    def _app(self) -> tweepy.Client:
        if not self.client.bearer_token:
            raise ConfigError("x: missing X_BEARER_TOKEN. Set it in the environment or in .env.")
        return self.client

    def _user(self, action: str) -> tweepy.Client:
        missing = [name for name, value in self._user_context.items() if not value]
        if missing:
            raise ConfigError(
                f"x: {action} needs user-context credentials; missing {', '.join(missing)}. "
                "Set them in the environment or in .env (see .env.example)."
            )
        return self.client

    def _users_page(
        self, endpoint: str, method: Callable[..., Any], subject: str, cursor: str | None
    ) -> Page[Account]:
        params: dict[str, Any] = {
            "max_results": self.costs[endpoint].page_size,
            "user_fields": USER_FIELDS,
        }
        if cursor:
            params["pagination_token"] = cursor
        body, rate = self._call(endpoint, lambda: method(subject, **params), subject)
        return Page([to_account(user) for user in _data(body)], _next_token(body), rate=rate)

    def _lists_page(
        self, endpoint: str, method: Callable[..., Any], subject: str, cursor: str | None
    ) -> Page[ListInfo]:
        params: dict[str, Any] = {
            "max_results": self.costs[endpoint].page_size,
            "list_fields": LIST_FIELDS,
            "expansions": ["owner_id"],
            "user_fields": USER_FIELDS,
        }
        if cursor:
            params["pagination_token"] = cursor
        body, rate = self._call(endpoint, lambda: method(subject, **params), subject)
        owners = [to_account(user) for user in body.get("includes", {}).get("users", [])]
        lists = [to_list(item) for item in _data(body)]
        return Page(lists, _next_token(body), owners, rate)

    def _call(
        self, endpoint: str, request: Callable[[], requests.Response], subject: str | None = None
    ) -> tuple[dict[str, Any], RateLimit | None]:
        """Run one request; return its JSON body and rate headers, or raise a domain error."""
        import requests
        import tweepy

        log.debug("x: %s %s", endpoint, subject or "")
        try:
            response = request()
        except tweepy.errors.HTTPException as exc:
            raise _translate(exc.response, endpoint, subject) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise TransientError(
                f"X {endpoint}: connection failed ({type(exc).__name__})"
            ) from None
        except requests.exceptions.ChunkedEncodingError:
            raise TransientError(f"X {endpoint}: the connection dropped mid-response") from None
        try:
            body = response.json()
        except ValueError:
            raise TransientError(f"X {endpoint}: the response was not valid JSON") from None
        if subject is not None and "data" not in body and body.get("errors"):
            raise _subject_unavailable(body["errors"][0], endpoint, subject)
        return body, parse_rate(response.headers)

    # ---- follow and Lists: writes in user context (audience.follow, audience.lists) -----

    # Per user per 15 minutes: follow 50 (docs/apis.md "Writes and volumes"); List writes as
    # in the 2021-22 recordings' headers. X answers 403 where the plan lacks the endpoint.
    # Kept apart from ``costs`` (the read endpoints); the crawler paces writes by the headers.
    write_costs: ClassVar[dict[str, EndpointCost]] = {
        "follow": EndpointCost(50, WINDOW, 1),
        "list_write": EndpointCost(300, WINDOW, 1),
    }

    def follow(self, account_id: str) -> Written:
        """Follow ``account_id``; a protected account gives ``requested`` (pending)."""
        client = self._user("follow")
        body, rate = self._call(
            "follow", lambda: client.follow_user(account_id, user_auth=True), account_id
        )
        data = body.get("data") or {}
        return Written("requested" if data.get("pending_follow") else "following", None, rate)

    def follow_state(self, account_id: str) -> str:
        raise NotSupported("x: there is no cheap check of one follow; a sync of following tells")

    def create_list(self, name: str, description: str | None, private: bool) -> Written:
        client = self._user("create a List")
        body, rate = self._call(
            "list_write",
            lambda: client.create_list(name, description=description, private=private),
        )
        return Written("created", str((body.get("data") or {}).get("id")), rate)

    def add_list_member(self, list_id: str, account_id: str) -> Written:
        client = self._user("add a List member")
        body, rate = self._call(
            "list_write", lambda: client.add_list_member(list_id, account_id), account_id
        )
        return Written("added", list_id, rate)

    def remove_list_member(self, list_id: str, account_id: str) -> Written:
        client = self._user("remove a List member")
        body, rate = self._call(
            "list_write", lambda: client.remove_list_member(list_id, account_id), account_id
        )
        return Written("removed", list_id, rate)

    # ---- listening: post counts (issue 17) ----------------------------------------------

    # GET /2/tweets/counts/recent: 300 requests per 15 min per app; counts spend no post reads.
    costs = {**costs, "counts": EndpointCost(300, WINDOW, 1)}

    def recent_counts(
        self,
        query: str,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        granularity: str = "day",
        cursor: str | None = None,
    ) -> CountPage:
        """One page of ``GET /2/tweets/counts/recent``: how many posts matched ``query`` in
        each ``granularity`` bucket (minute, hour, day) of the last 7 days."""
        params: dict[str, Any] = {"granularity": granularity}
        floor = _recent_search_floor()
        if start is not None and start > floor:
            params["start_time"] = start
        if end is not None:
            params["end_time"] = end
        if cursor:
            params["next_token"] = cursor  # tweepy forwards it (with a warning we filter out)
        body, rate = self._call(
            "counts", lambda: self._app().get_recent_tweets_count(query, **params)
        )
        buckets = [
            Bucket(parse_time(item["start"]), parse_time(item["end"]), int(item["tweet_count"]))
            for item in _data(body)
            if item.get("start") and item.get("end")
        ]
        meta = body.get("meta") or {}
        total = meta.get("total_tweet_count")
        return CountPage([], _next_token(body), rate=rate, buckets=buckets, total=total)


class _DropNextTokenWarning(logging.Filter):
    """tweepy lists no ``next_token`` for counts/recent and warns when it is passed, though
    the API pages counts with it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Unexpected parameter: next_token" not in record.getMessage()


logging.getLogger("tweepy.client").addFilter(_DropNextTokenWarning())


# ---- mapping --------------------------------------------------------------------------------


def expanded_description(user: dict[str, Any]) -> Any:
    """The bio with its t.co links replaced by the addresses they stand for (the page of an
    author on an outlet's site says more than https://t.co/x)."""
    text = user.get("description")
    entities = user.get("entities")
    if not isinstance(text, str) or not isinstance(entities, dict):
        return text
    description = entities.get("description")
    urls = description.get("urls") if isinstance(description, dict) else None
    for item in urls or ():
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            expanded = item.get("expanded_url") or item.get("display_url")
            if isinstance(expanded, str) and expanded:
                text = text.replace(item["url"], expanded)
    return text


def to_account(user: dict[str, Any]) -> Account:
    metrics = user.get("public_metrics") or {}
    image = user.get("profile_image_url")
    return Account(
        platform="x",
        platform_id=str(user["id"]),
        handle=user.get("username"),
        display_name=user.get("name"),
        bio=expanded_description(user) or None,
        location=user.get("location") or None,
        website=_website(user),
        followers_count=metrics.get("followers_count"),
        following_count=metrics.get("following_count"),
        posts_count=_first(metrics, "tweet_count", "post_count"),
        created_at=parse_time(user.get("created_at")),
        last_post_at=snowflake_time(_first(user, "most_recent_tweet_id", "most_recent_post_id")),
        default_avatar=("default_profile_images" in image) if image else None,
        protected=user.get("protected"),
        verified=user.get("verified"),
        url=f"https://x.com/{user['username']}" if user.get("username") else None,
        raw=user,
    )


def to_post(tweet: dict[str, Any], author_handle: str | None = None) -> Post:
    """A v2 post; a long post carries its full text and entities in ``note_tweet``."""
    metrics = tweet.get("public_metrics") or {}
    note = tweet.get("note_tweet") or {}
    entities = note.get("entities") or tweet.get("entities") or {}
    author = author_handle or "i/web"  # x.com/i/web/status/<id> resolves without a handle
    return Post(
        platform="x",
        platform_id=str(tweet["id"]),
        author_id=str(tweet.get("author_id", "")),
        text=note.get("text") or tweet.get("text") or "",
        created_at=parse_time(tweet.get("created_at")),
        hashtags=[tag["tag"] for tag in entities.get("hashtags") or () if tag.get("tag")],
        lang=tweet.get("lang"),
        like_count=metrics.get("like_count") or 0,
        repost_count=_first(metrics, "retweet_count", "repost_count") or 0,
        reply_count=metrics.get("reply_count") or 0,
        quote_count=metrics.get("quote_count") or 0,
        url=f"https://x.com/{author}/status/{tweet['id']}",
        raw=tweet,
    )


def to_list(item: dict[str, Any]) -> ListInfo:
    return ListInfo(
        platform="x",
        platform_id=str(item["id"]),
        name=item.get("name", ""),
        owner_id=item.get("owner_id"),
        description=item.get("description"),
        member_count=item.get("member_count"),
        private=item.get("private"),
        raw=item,
    )


def _recent_search_floor() -> datetime:
    """Recent search answers 400 to a ``start_time`` older than 7 days; ask for all it has."""
    return datetime.now(UTC) - timedelta(days=RECENT_SEARCH_DAYS) + timedelta(minutes=1)


def parse_rate(headers: Any) -> RateLimit | None:
    limit = _int(headers.get("x-rate-limit-limit"))
    remaining = _int(headers.get("x-rate-limit-remaining"))
    reset = _int(headers.get("x-rate-limit-reset"))
    if limit is None and remaining is None and reset is None:
        return None
    reset_at = datetime.fromtimestamp(reset, UTC) if reset is not None else None
    return RateLimit(limit, remaining, reset_at)


def snowflake_time(post_id: str | None) -> datetime | None:
    if not post_id or not str(post_id).isdigit():
        return None
    return datetime.fromtimestamp(((int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS) / 1000, UTC)


def _website(user: dict[str, Any]) -> str | None:
    urls = ((user.get("entities") or {}).get("url") or {}).get("urls") or []
    expanded = next((u.get("expanded_url") for u in urls if u.get("expanded_url")), None)
    return expanded or user.get("url") or None


def _first(mapping: dict[str, Any], key: str, drifted_key: str) -> Any:
    value = mapping.get(key)
    return mapping.get(drifted_key) if value is None else value


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _data(body: dict[str, Any]) -> list[dict[str, Any]]:
    return body.get("data") or []


def _next_token(body: dict[str, Any]) -> str | None:
    return (body.get("meta") or {}).get("next_token")


def _pinned(token: str | None, start_time: datetime | None) -> str | None:
    return f"{token} {start_time.isoformat()}" if token and start_time else token


def _reveal(secret: Any) -> str | None:
    return secret.reveal() if secret else None


# ---- errors ---------------------------------------------------------------------------------


def _missing(
    keys: list[str], found: list[Account], errors: list[dict[str, Any]], by_handle: bool
) -> dict[str, str]:
    """State of every requested key that is not among ``found``."""
    if by_handle:
        seen = {(a.handle or "").lower() for a in found}
        absent = [k for k in keys if k.lower() not in seen]
    else:
        seen = {a.platform_id for a in found}
        absent = [k for k in keys if k not in seen]
    states = {str(e.get("value", e.get("resource_id", ""))).lower(): e for e in errors}
    missing = {}
    for key in absent:
        error = states.get(key.lower())
        missing[key] = _state(error, by_handle) if error else "unknown"
    return missing


def _state(error: dict[str, Any], by_handle: bool) -> str:
    detail = (error.get("detail") or "").lower()
    if "suspended" in detail:
        return "suspended"
    if error.get("type", "").endswith("not-authorized-for-resource"):
        return "protected"
    # An id was real once, so not finding it means the account is gone; a handle may never
    # have existed (or was renamed).
    return "unknown" if by_handle else "deleted"


def _subject_unavailable(error: dict[str, Any], endpoint: str, subject: str) -> PlatformError:
    state = _state(error, by_handle=False)
    detail = error.get("detail") or error.get("title") or "not available"
    return AccountUnavailable(f"X {endpoint} {subject}: {detail} ({state})", state)


def _translate(response: Any, endpoint: str, subject: str | None) -> PlatformError:
    status = response.status_code
    body = _json_or_empty(response)
    detail = _detail(body)
    where = f"X {endpoint}" + (f" {subject}" if subject else "")
    if status == 429:
        rate = parse_rate(response.headers)
        reset_at = rate.reset_at if rate else None
        return RateLimited(
            f"{where}: rate limit reached ({detail or 'Too Many Requests'})", reset_at
        )
    if status >= 500:
        return TransientError(f"{where}: server error {status}")
    if status == 401:
        return AuthError(
            "X rejected the credentials (401 Unauthorized). Check X_BEARER_TOKEN, or the "
            "X_API_KEY/X_API_SECRET/X_ACCESS_TOKEN/X_ACCESS_TOKEN_SECRET set for user actions."
        )
    if status == 403:
        return AuthError(_forbidden_message(where, body, detail))
    if status == 404:
        return AccountUnavailable(f"{where}: not found (404)", "unknown")
    return PlatformError(f"{where}: X refused the request ({status}: {detail or 'no detail'})")


def _forbidden_message(where: str, body: dict[str, Any], detail: str) -> str:
    codes = {e.get("code") for e in body.get("errors", []) if isinstance(e, dict)}
    problem = body.get("type", "")
    if body.get("reason") == "client-not-enrolled" or problem.endswith("client-forbidden"):
        return (
            f"{where}: 403 client not enrolled. The keys must belong to an App attached to a "
            "Project in the X developer portal, with an API plan that includes this endpoint."
        )
    if 453 in codes:
        return (
            f"{where}: 403 (code 453) this endpoint is not included in your X API access "
            "level/tier. A different plan (pay-per-use, Pro or Enterprise) is needed."
        )
    if problem.endswith("not-authorized-for-resource") or "protected" in detail.lower():
        return f"{where}: 403 the account is protected; only approved followers can see this."
    if problem.endswith("unsupported-authentication"):
        return f"{where}: 403 this endpoint needs user-context credentials, not the bearer token."
    return f"{where}: 403 Forbidden ({detail or 'no detail'})"


def _json_or_empty(response: Any) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _detail(body: dict[str, Any]) -> str:
    messages = [e.get("message", "") for e in body.get("errors", []) if isinstance(e, dict)]
    return "; ".join(m for m in messages if m) or body.get("detail") or body.get("title") or ""


# ---- HTTP session and log hygiene -----------------------------------------------------------


def _session_for(base_url: str, timeout: float) -> requests.Session:
    """A session sending tweepy's hard-coded host to ``base_url``, with a default timeout
    (tweepy sets none, and a stalled connection must become a TransientError)."""
    import requests

    class RedirectingSession(requests.Session):
        def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("timeout", timeout)
            if url.startswith(TWEEPY_HOST):
                url = base_url + url[len(TWEEPY_HOST) :]
            return super().request(method, url, *args, **kwargs)

    session = RedirectingSession()
    session.base_url = base_url  # type: ignore[attr-defined]
    return session


# tweepy logs request headers (the bearer token) and requests-oauthlib the signed OAuth header
# at DEBUG. We never turn those loggers on, but a user's root DEBUG config would.
_CLIENT_LOGGERS = (
    "tweepy.client",
    "requests_oauthlib.oauth1_auth",
    "oauthlib.oauth1.rfc5849",
    "oauthlib.oauth1.rfc5849.signature",
)


class _RedactSecrets(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in sorted(self.secrets, key=len, reverse=True):
            message = message.replace(secret, "***")
        record.msg, record.args = message, None
        return True


_redactor = _RedactSecrets()


def _redact_in_client_logs(secrets: list[str | None]) -> None:
    # Very short values would blank out ordinary text; config.scrub draws the same line.
    _redactor.secrets.update(form for s in secrets if s and len(s) >= 4 for form in secret_forms(s))
    for name in _CLIENT_LOGGERS:
        logger = logging.getLogger(name)
        if _redactor not in logger.filters:
            logger.addFilter(_redactor)
