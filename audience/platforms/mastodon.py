"""Mastodon through ``Mastodon.py``, against the user's own instance (``MASTODON_API_BASE_URL``).

Account ids are the ids *that instance* gives accounts, local or remote, so a workspace follows
one instance. Handles are always ``user@host`` (local accounts get the instance's host) so they
stay unique across servers. Only the token owner's lists exist in the API: ``owned_lists`` and
``list_memberships`` answer about the owner of ``MASTODON_ACCESS_TOKEN``, whatever account is
asked about.

The client runs with ``ratelimit_method="throw"`` so it never sleeps; every call is one request
(a handle given where an id is expected costs one extra look-up). Rate-limit headers are read
off the last response through a ``requests`` response hook, as Mastodon.py does not return them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from audience.config import Secret, credential, setting
from audience.errors import (
    AccountUnavailable,
    AuthError,
    ConfigError,
    PlatformError,
    RateLimited,
    RefusedForAccount,
    TransientError,
)
from audience.models import Account, ListInfo, Lookup, Page, Post, RateLimit
from audience.platforms.base import EndpointCost, Written
from audience.platforms.volume import Bucket, CountPage

if TYPE_CHECKING:
    from mastodon import Mastodon

# Mastodon 4.0 made follow lists public; stating it spares Mastodon.py a version probe.
MIN_VERSION = "4.0.0"
FOLLOW_PAGE = 80
TAG_PAGE = 40
SEARCH_PAGE = 40
ACCOUNT_SEARCH_PAGE = 80
LIST_PAGE = 80
LOOKUP_SIZE = 1  # accounts/lookup takes one handle per request

_WINDOW = 300  # 300 requests per 5 minutes per token or IP
_PAGING_WINDOW = 900  # requests with max_id/min_id/since_id: 300 per 15 minutes (rack_attack.rb)
COSTS = {
    "search": EndpointCost(300, _PAGING_WINDOW, TAG_PAGE),
    "following": EndpointCost(300, _PAGING_WINDOW, FOLLOW_PAGE),
    "followers": EndpointCost(300, _PAGING_WINDOW, FOLLOW_PAGE),
    "owned_lists": EndpointCost(300, _WINDOW, 1000),
    "list_memberships": EndpointCost(300, _WINDOW, 1000),
    "list_members": EndpointCost(300, _PAGING_WINDOW, LIST_PAGE),
    "lookup": EndpointCost(300, _WINDOW, LOOKUP_SIZE),
    "search_accounts": EndpointCost(300, _WINDOW, ACCOUNT_SEARCH_PAGE),
    "unfollow": EndpointCost(300, _WINDOW, 1),
}
NOT_JSON = "Could not parse response as JSON"  # how Mastodon.py reports an unparsable body
WEBSITE_FIELD = re.compile(r"web|site|home|blog|url|portfolio", re.IGNORECASE)


class MastodonPlatform:
    name: ClassVar[str] = "mastodon"
    costs: ClassVar[dict[str, EndpointCost]] = COSTS

    def __init__(
        self,
        api_base_url: str,
        access_token: Secret | str | None = None,
        timeout: float = 30.0,
    ):
        if not api_base_url:
            raise ConfigError("mastodon: missing MASTODON_API_BASE_URL (your instance's URL)")
        if "://" not in api_base_url:
            api_base_url = f"https://{api_base_url}"
        self.api_base_url = api_base_url.rstrip("/")
        self.instance = urlsplit(self.api_base_url).netloc
        self._token = Secret(access_token) if isinstance(access_token, str) else access_token
        self.timeout = timeout
        self._client: Mastodon | None = None
        self._last_headers: dict[str, str] = {}
        self._instance_ids: dict[str, str] = {}  # user@domain (lower-case) -> instance id

    @classmethod
    def from_env(cls, **options: Any) -> MastodonPlatform:
        values: dict[str, Any] = {
            "api_base_url": setting("MASTODON_API_BASE_URL"),
            "access_token": credential("MASTODON_ACCESS_TOKEN"),
        }
        values.update(options)
        return cls(**values)

    # ---- reads --------------------------------------------------------------------------

    def search_posts(
        self,
        query: str,
        *,
        since: datetime | None = None,
        lang: str | None = None,
        cursor: str | None = None,
    ) -> Page[Post]:
        """``#tag`` reads the public tag timeline (``cursor`` is a status id); anything else is a
        full-text status search, which needs the token (``cursor`` is an offset). Mastodon has
        no language filter, so ``lang`` drops posts tagged with another language."""
        tag = query.strip()
        if tag.startswith("#") and " " not in tag:
            statuses = self._call(
                "timeline_hashtag", tag[1:], max_id=cursor, since_id=since, limit=TAG_PAGE
            )
            next_cursor = _next_max_id(statuses)
        else:
            offset = int(cursor or 0)
            result = self._call(
                "search_v2",
                query,
                resolve=False,
                result_type="statuses",
                offset=offset or None,
                limit=SEARCH_PAGE,
                token=True,
            )
            statuses = result["statuses"]
            next_cursor = str(offset + len(statuses)) if statuses else None
        kept = [s for s in statuses if not lang or s.get("language") in (lang, None)]
        authors = {s["account"]["id"]: self.to_account(s["account"]) for s in kept}
        return Page(
            [self.to_post(s) for s in kept], next_cursor, list(authors.values()), self._rate()
        )

    def following(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        return self._account_page("account_following", account_id, cursor)

    def followers(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        return self._account_page("account_followers", account_id, cursor)

    def owned_lists(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        """The token owner's lists (the API shows no one else's); ``account_id`` is ignored."""
        lists = self._call("lists", token=True)
        return Page([self.to_list(item) for item in lists], None, rate=self._rate())

    def list_memberships(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        """Those of the token owner's lists that contain ``account_id``."""
        lists = self._call("account_lists", self._id(account_id), token=True, subject=account_id)
        return Page([self.to_list(item) for item in lists], None, rate=self._rate())

    def list_members(self, list_id: str, cursor: str | None = None) -> Page[Account]:
        accounts = self._call("list_accounts", list_id, max_id=cursor, limit=LIST_PAGE, token=True)
        items = [self.to_account(a) for a in accounts]
        return Page(items, _next_max_id(accounts) if items else None, rate=self._rate())

    def lookup(self, handles: list[str] = (), ids: list[str] = ()) -> Lookup:
        """One account per call (``accounts/lookup`` or ``accounts/:id``); 404 → missing."""
        keys = [*handles, *ids]
        if len(keys) > LOOKUP_SIZE:
            raise ValueError(f"mastodon: look up at most {LOOKUP_SIZE} account per call")
        if not keys:
            return Lookup([])
        key = keys[0]
        try:
            if key.isdigit():
                account = self._call("account", key, subject=key)
            else:
                account = self._call("account_lookup", self._acct(key), subject=key)
        except AccountUnavailable as exc:
            return Lookup([], {key: exc.state}, self._rate())
        return Lookup([self.to_account(account)], {}, self._rate())

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        limit = max(1, min(limit, ACCOUNT_SEARCH_PAGE))
        accounts = self._call("account_search", query, limit=limit, token=True)
        return [self.to_account(a) for a in accounts]

    def me(self) -> Account:
        return self.to_account(self._call("account_verify_credentials", token=True))

    # ---- writes -------------------------------------------------------------------------

    def unfollow(self, account_id: str) -> None:
        self._call("account_unfollow", self._id(account_id), token=True, subject=account_id)

    # ---- mapping ------------------------------------------------------------------------

    def full_handle(self, acct: str) -> str:
        acct = acct.lstrip("@")
        return acct if "@" in acct else f"{acct}@{self.instance}"

    def to_account(self, data: dict[str, Any]) -> Account:
        moved = data.get("moved")
        state = "active"
        if data.get("suspended"):
            state = "suspended"
        elif moved:
            state = "moved"
        handle = self.full_handle(data.get("acct") or data.get("username") or "")
        # Keyed by user@domain like the export importers: an instance's numeric ids mean
        # nothing on another instance. The numeric id is remembered for API calls.
        self._instance_ids[handle.lower()] = str(data["id"])
        return Account(
            platform="mastodon",
            platform_id=handle.lower(),
            handle=handle,
            display_name=data.get("display_name") or None,
            bio=html_to_text(data.get("note")) or None,
            website=website(data.get("fields") or []),
            followers_count=data.get("followers_count"),
            following_count=data.get("following_count"),
            posts_count=data.get("statuses_count"),
            created_at=to_datetime(data.get("created_at")),
            last_post_at=to_datetime(data.get("last_status_at")),
            default_avatar=(data.get("avatar") or "").endswith("/missing.png"),
            protected=bool(data.get("locked")),
            state=state,
            moved_to=self.full_handle(moved["acct"]) if moved else None,
            url=data.get("url"),
            raw=dict(data),
        )

    def to_post(self, status: dict[str, Any]) -> Post:
        return Post(
            platform="mastodon",
            platform_id=str(status["id"]),
            author_id=self.full_handle(status["account"]["acct"]).lower(),
            text=html_to_text(status.get("content")),
            created_at=to_datetime(status.get("created_at")),
            hashtags=list(dict.fromkeys(t["name"].lower() for t in status.get("tags") or [])),
            lang=status.get("language"),
            like_count=status.get("favourites_count") or 0,
            repost_count=status.get("reblogs_count") or 0,
            reply_count=status.get("replies_count") or 0,
            quote_count=status.get("quotes_count") or 0,
            url=status.get("url") or status.get("uri"),
            raw=dict(status),
        )

    @staticmethod
    def to_list(data: dict[str, Any]) -> ListInfo:
        return ListInfo(
            platform="mastodon",
            platform_id=str(data["id"]),
            name=data.get("title") or "",
            private=True,  # Mastodon lists are visible to their owner only
            raw=dict(data),
        )

    # ---- plumbing -----------------------------------------------------------------------

    def _account_page(self, method: str, account_id: str, cursor: str | None) -> Page[Account]:
        accounts = self._call(
            method, self._id(account_id), max_id=cursor, limit=FOLLOW_PAGE, subject=account_id
        )
        items = [self.to_account(a) for a in accounts]
        # max_id is an internal follow id, not an account id: only the Link header knows it
        return Page(items, _next_max_id(accounts) if items else None, rate=self._rate())

    def _id(self, account: str) -> str:
        """The instance's id for ``user@domain`` (or an instance id, passed through); an
        account not seen yet costs one ``accounts/lookup`` request."""
        if account.isdigit():
            return account
        key = self.full_handle(account).lower()
        if key not in self._instance_ids:
            self.to_account(self._call("account_lookup", self._acct(account), subject=account))
        return self._instance_ids[key]

    def _acct(self, handle: str) -> str:
        handle = handle.lstrip("@")
        user, _, host = handle.partition("@")
        return user if host.lower() == self.instance.lower() else handle

    def _api(self) -> Mastodon:
        if self._client is None:
            import requests
            from mastodon import Mastodon

            session = requests.Session()
            session.hooks["response"].append(self._remember_headers)
            self._client = Mastodon(
                api_base_url=self.api_base_url,
                access_token=self._token.reveal() if self._token else None,
                ratelimit_method="throw",
                request_timeout=self.timeout,
                mastodon_version=MIN_VERSION,
                session=session,
            )
        return self._client

    def _remember_headers(self, response: Any, *args: Any, **kwargs: Any) -> None:
        self._last_headers = dict(response.headers)

    def _call(
        self, method: str, *args: Any, token: bool = False, subject: str | None = None, **kw: Any
    ) -> Any:
        if token and not self._token:
            raise ConfigError(
                "mastodon: missing MASTODON_ACCESS_TOKEN, needed for this operation. Set it in the "
                "environment or in .env (see .env.example)."
            )
        client = self._api()
        self._last_headers = {}
        try:
            return getattr(client, method)(*args, **kw)
        except Exception as exc:
            raise self._translate(exc, subject) from None

    def _rate(self) -> RateLimit | None:
        return rate_from_headers(self._last_headers)

    def _translate(self, exc: Exception, subject: str | None) -> Exception:
        from mastodon import (
            MastodonAPIError,
            MastodonNetworkError,
            MastodonNotFoundError,
            MastodonRatelimitError,
            MastodonServerError,
            MastodonUnauthorizedError,
        )

        if isinstance(exc, MastodonRatelimitError):
            rate = self._rate()
            return RateLimited("mastodon: rate limit reached", rate and rate.reset_at)
        if isinstance(exc, MastodonNetworkError):
            return TransientError(f"mastodon: connection to {self.instance} failed")
        if isinstance(exc, MastodonAPIError) and str(exc.args[0]).startswith(NOT_JSON):
            # a 200 whose body is cut or garbled (a proxy, an overloaded server): worth a retry
            return TransientError(f"mastodon: {self.instance} answered with invalid JSON")
        status, message = _error_details(exc)
        detail = self._scrub(message or str(status))
        if isinstance(exc, MastodonServerError) or (status or 0) >= 500:
            return TransientError(f"mastodon: server error {status} ({detail})")
        if isinstance(exc, MastodonUnauthorizedError) or status == 401:
            return AuthError(
                f"mastodon: {self.instance} refused the access token ({detail}); check "
                "MASTODON_ACCESS_TOKEN"
            )
        if status == 403:
            return AuthError(f"mastodon: not allowed ({detail})")
        if subject and (isinstance(exc, MastodonNotFoundError) or status in (404, 410)):
            state = "deleted" if status == 410 else "unknown"
            return AccountUnavailable(f"mastodon: {subject} is {state} ({detail})", state)
        if isinstance(exc, MastodonAPIError):
            return PlatformError(f"mastodon: request failed with {status} ({detail})")
        return PlatformError(self._scrub(f"mastodon: {type(exc).__name__}: {exc}"))

    def _scrub(self, text: str) -> str:
        from audience.config import scrub

        if self._token and self._token.reveal():
            text = text.replace(self._token.reveal(), "***")
        return scrub(text)

    # ---- follow and Lists: writes with the user token (audience.follow/lists) -----------

    # Mastodon publishes no per-write limit beyond 300 requests per 5 minutes per account
    # (docs/apis.md 3.3); instances may set their own.
    # Kept apart from ``costs`` (the read endpoints); the crawler paces writes by the headers.
    write_costs: ClassVar[dict[str, EndpointCost]] = {
        "follow": EndpointCost(300, 300, 1),
        "list_write": EndpointCost(300, 300, 1),
    }

    def follow(self, account_id: str) -> Written:
        """Follow; a locked account answers ``requested`` (pending) instead of ``following``."""
        relationship = self._write("account_follow", self._id(account_id), subject=account_id)
        state = "requested" if relationship.get("requested") else "following"
        return Written(state, None, self._rate())

    def follow_state(self, account_id: str) -> str:
        """``following``, ``requested`` or ``none``, from ``accounts/relationships``."""
        found = self._call(
            "account_relationships", [self._id(account_id)], token=True, subject=account_id
        )
        relationship = found[0] if found else {}
        if relationship.get("following"):
            return "following"
        return "requested" if relationship.get("requested") else "none"

    def create_list(self, name: str, description: str | None, private: bool) -> Written:
        """Mastodon lists are always private to their owner and have no description."""
        created = self._write("list_create", name)
        return Written("created", str(created["id"]), self._rate())

    def add_list_member(self, list_id: str, account_id: str) -> Written:
        """Mastodon lists only accounts you follow: 422 (or 403) otherwise, raised as
        :class:`RefusedForAccount`."""
        account = self._id(account_id)
        # 422 since Mastodon 4.x; older servers answer 404 (Follow.find_by! in ListAccount)
        self._write("list_accounts_add", list_id, [account], subject=account_id, refuse=(404,))
        return Written("added", list_id, self._rate())

    def remove_list_member(self, list_id: str, account_id: str) -> Written:
        self._write("list_accounts_delete", list_id, [self._id(account_id)], subject=account_id)
        return Written("removed", list_id, self._rate())

    def _write(
        self, method: str, *args: Any, subject: str | None = None, refuse: tuple[int, ...] = ()
    ) -> Any:
        """A write whose 403/422 (and ``refuse``) concerns this one account, not the token."""
        from mastodon import MastodonAPIError, MastodonUnauthorizedError

        if not self._token:
            raise ConfigError(
                "mastodon: missing MASTODON_ACCESS_TOKEN, needed to follow or change Lists. Set "
                "it in the environment or in .env (see .env.example)."
            )
        client = self._api()
        self._last_headers = {}
        try:
            return getattr(client, method)(*args)
        except MastodonAPIError as exc:
            status, message = _error_details(exc)
            refused = status in (403, 422, *refuse)
            if refused and subject and not isinstance(exc, MastodonUnauthorizedError):
                detail = self._scrub(message or str(status))
                raise RefusedForAccount(f"mastodon: {status} refused ({detail})") from None
            raise self._translate(exc, subject) from None
        except Exception as exc:
            raise self._translate(exc, subject) from None

    # ---- listening: hashtag volume (issue 17) -------------------------------------------

    costs = {
        **costs,
        "tag": EndpointCost(300, _WINDOW, 7),
        "trends": EndpointCost(300, _WINDOW, 20),
    }

    def tag_history(self, tag: str, cursor: str | None = None) -> CountPage:
        """``GET /api/v1/tags/:name``: uses and distinct accounts per UTC day, for the last
        week, as this instance has seen them (its own users and the servers it federates
        with, not the whole fediverse)."""
        name = tag.strip().lstrip("#")
        data = self._call("tag", name, subject=f"#{name}")
        buckets = history_buckets(data.get("history") or [])
        return CountPage([], None, rate=self._rate(), buckets=buckets)

    def trending_tags(self, limit: int = 20) -> list[dict[str, Any]]:
        """``GET /api/v1/trends/tags``: the instance's trending hashtags with their history."""
        # Mastodon.py picks /api/v1/trends/tags or the pre-3.5 /api/v1/trends by the server's
        # version, which it only knows after asking (one request to /api/v1/instance).
        self._call("verify_minimum_version", "3.5.0")
        tags = self._call("trending_tags", limit=limit)
        return [
            {
                "tag": f"#{item['name']}",
                "days": [
                    {"day": b.start.date().isoformat(), "uses": b.count, "accounts": b.accounts}
                    for b in history_buckets(item.get("history") or [])
                ],
            }
            for item in tags
        ]


def history_buckets(history: list[dict[str, Any]]) -> list[Bucket]:
    """A Tag's ``history`` (``day`` as Unix seconds, ``uses``/``accounts`` as strings, newest
    first) as day buckets, oldest first."""
    buckets = []
    for entry in history:
        day = entry.get("day")
        start = _reset_time(str(day)) if not isinstance(day, datetime) else to_datetime(day)
        if start is None:
            continue
        buckets.append(
            Bucket(
                start,
                start + timedelta(days=1),
                _int(entry.get("uses")) or 0,
                _int(entry.get("accounts")),
            )
        )
    return sorted(buckets, key=lambda b: b.start)


# ---- helpers ----------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Mastodon HTML to plain text: paragraphs and <br> become line breaks, the hidden parts
    of shortened links (``<span class="invisible">``) are kept so URLs stay whole."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str | None) -> str:
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return unescape("".join(parser.parts)).strip()


def website(fields: list[dict[str, Any]]) -> str | None:
    """The URL of a profile field: one named like a website first, else the first link."""
    urls = []
    for item in fields:
        value = item.get("value") or ""
        href = re.search(r'href="(https?://[^"]+)"', value)
        text = html_to_text(value)
        url = href.group(1) if href else text if re.match(r"https?://\S+$", text) else None
        if url:
            urls.append((not WEBSITE_FIELD.search(item.get("name") or ""), url))
    return min(urls, key=lambda pair: pair[0])[1] if urls else None


def to_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        # Mastodon.py hands out local-time datetimes; the store wants UTC
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def rate_from_headers(headers: dict[str, str]) -> RateLimit | None:
    lowered = {k.lower(): v for k, v in headers.items()}
    if "x-ratelimit-limit" not in lowered and "x-ratelimit-reset" not in lowered:
        return None
    return RateLimit(
        limit=_int(lowered.get("x-ratelimit-limit")),
        remaining=_int(lowered.get("x-ratelimit-remaining")),
        reset_at=_reset_time(lowered.get("x-ratelimit-reset")),
    )


def _reset_time(value: str | None) -> datetime | None:
    if not value:
        return None
    if value.isdigit():  # GoToSocial and some forks send epoch seconds
        return datetime.fromtimestamp(int(value), UTC)
    return to_datetime(value)


def _next_max_id(page: Any) -> str | None:
    info = getattr(page, "_pagination_next", None)
    if not info or info.get("max_id") is None:
        return None
    return str(info["max_id"])


def _error_details(exc: Exception) -> tuple[int | None, str | None]:
    # Mastodon.py raises ('Mastodon API returned error', status, reason, error text)
    args = exc.args
    status = args[1] if len(args) > 1 and isinstance(args[1], int) else None
    message = args[3] if len(args) > 3 and args[3] else (args[2] if len(args) > 2 else None)
    return status, str(message) if message else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
