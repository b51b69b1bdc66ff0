"""Bluesky through the ``atproto`` SDK.

Public reads (follows, followers, lists, profiles, people search) go to the AppView
(``BSKY_APPVIEW_URL``, default the cached public one) and need no login. Post search, ``me`` and
unfollow need a session on the user's PDS (``BSKY_PDS_URL``): it is created once, on first use,
from ``BSKY_HANDLE`` and ``BSKY_APP_PASSWORD``, then reused (the SDK refreshes it itself).

Every method makes one XRPC call through ``Client.invoke_query`` rather than the typed wrappers,
because only the raw response carries the ``RateLimit-*`` headers the crawler paces itself by.
Unfollow is the exception: it needs two calls (the follow record's AT-URI, then its deletion).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from audience.config import Secret, credential, setting
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
from audience.platforms.volume import CountPage

if TYPE_CHECKING:
    from atproto import Client

DEFAULT_APPVIEW_URL = "https://public.api.bsky.app"
DEFAULT_PDS_URL = "https://bsky.social"
PAGE_SIZE = 100
LOOKUP_SIZE = 25

_WINDOW = 300  # PDS and entryway: 3000 requests per 5 minutes per IP (apis.md §2.3)
COSTS = {
    "search": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "following": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "followers": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "owned_lists": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "list_memberships": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "list_members": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "lookup": EndpointCost(3000, _WINDOW, LOOKUP_SIZE),
    "search_accounts": EndpointCost(3000, _WINDOW, PAGE_SIZE),
    "unfollow": EndpointCost(3000, _WINDOW, 1),
}

SUSPENDED_LABELS = frozenset({"!takedown", "!suspend"})
TAG_FEATURE = "app.bsky.richtext.facet#tag"
FOLLOW_COLLECTION = "app.bsky.graph.follow"
LIST_COLLECTION = "app.bsky.graph.list"
LIST_ITEM_COLLECTION = "app.bsky.graph.listitem"
CURATE_LIST = "app.bsky.graph.defs#curatelist"
# XRPC error names that say something about the account asked for, not about the request
ACCOUNT_ERRORS = {
    "AccountTakedown": "suspended",
    "AccountDeactivated": "deleted",
    "ActorNotFound": "unknown",
    "NotFound": "unknown",
}


class BlueskyPlatform:
    name: ClassVar[str] = "bluesky"
    costs: ClassVar[dict[str, EndpointCost]] = COSTS

    def __init__(
        self,
        handle: str | None = None,
        app_password: Secret | str | None = None,
        appview_url: str = DEFAULT_APPVIEW_URL,
        pds_url: str = DEFAULT_PDS_URL,
        timeout: float = 30.0,
    ):
        self.handle = handle.lstrip("@") if handle else None
        self._password = Secret(app_password) if isinstance(app_password, str) else app_password
        self.appview_url = appview_url.rstrip("/")
        self.pds_url = pds_url.rstrip("/")
        self.timeout = timeout
        self._public: Client | None = None
        self._session: Client | None = None
        self._my_did: str | None = None

    @classmethod
    def from_env(cls, **options: Any) -> BlueskyPlatform:
        values: dict[str, Any] = {
            "handle": setting("BSKY_HANDLE"),
            "app_password": credential("BSKY_APP_PASSWORD"),
            "appview_url": setting("BSKY_APPVIEW_URL", DEFAULT_APPVIEW_URL),
            "pds_url": setting("BSKY_PDS_URL", DEFAULT_PDS_URL),
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
        """searchPosts needs a session: the public AppView refuses it to anonymous callers."""
        params = {"q": query, "limit": PAGE_SIZE, "cursor": cursor, "lang": lang}
        if since is not None:
            params["since"] = _iso(since)
        body, rate = self._query(self._logged_in(), "app.bsky.feed.searchPosts", params, query)
        posts = body.get("posts") or []
        authors = {p["author"]["did"]: to_account(p["author"]) for p in posts if p.get("author")}
        return Page(
            [to_post(p) for p in posts],
            _next_cursor(body, posts),
            list(authors.values()),
            rate,
        )

    def following(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        return self._actor_page("app.bsky.graph.getFollows", "follows", account_id, cursor)

    def followers(self, account_id: str, cursor: str | None = None) -> Page[Account]:
        return self._actor_page("app.bsky.graph.getFollowers", "followers", account_id, cursor)

    def owned_lists(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        params = {"actor": _actor(account_id), "limit": PAGE_SIZE, "cursor": cursor}
        body, rate = self._query(self._reader(), "app.bsky.graph.getLists", params, account_id)
        lists = body.get("lists") or []
        creators = {
            v["creator"]["did"]: to_account(v["creator"]) for v in lists if v.get("creator")
        }
        return Page(
            [to_list(v) for v in lists], _next_cursor(body, lists), list(creators.values()), rate
        )

    def list_memberships(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]:
        """Not available: Bluesky can only tell which of *your own* lists hold an account
        (``getListsWithMembership``), never which lists other people put it on."""
        raise NotSupported(
            "bluesky: finding the lists an account is a member of is not supported by Bluesky's "
            "API (only lists you own can be checked). Use `owned_lists` and `list_members` on the "
            "curators you know instead."
        )

    def list_members(self, list_id: str, cursor: str | None = None) -> Page[Account]:
        """``list_id`` is the list's AT-URI (``at://did/app.bsky.graph.list/rkey``)."""
        params = {"list": list_id, "limit": PAGE_SIZE, "cursor": cursor}
        body, rate = self._query(self._reader(), "app.bsky.graph.getList", params, list_id)
        items = body.get("items") or []
        members = [to_account(item["subject"]) for item in items if item.get("subject")]
        return Page(members, _next_cursor(body, items), rate=rate)

    def lookup(self, handles: list[str] = (), ids: list[str] = ()) -> Lookup:
        """Profiles by handle or DID, at most 25 per call; unknown or hidden ones go to
        ``missing``."""
        keys = [_actor(key) for key in [*handles, *ids]]
        if len(keys) > LOOKUP_SIZE:
            raise ValueError(f"bluesky: look up at most {LOOKUP_SIZE} accounts per call")
        if not keys:
            return Lookup([])
        body, rate = self._query(self._reader(), "app.bsky.actor.getProfiles", {"actors": keys})
        found = [to_account(profile) for profile in body.get("profiles") or []]
        known = {a.platform_id for a in found} | {(a.handle or "").lower() for a in found}
        missing = {key: "unknown" for key in keys if key.lower() not in known and key not in known}
        return Lookup(found, missing, rate)

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        params = {"q": query, "limit": max(1, min(limit, PAGE_SIZE))}
        body, _ = self._query(self._reader(), "app.bsky.actor.searchActors", params)
        return [to_account(actor) for actor in body.get("actors") or []]

    def me(self) -> Account:
        client = self._logged_in()
        body, _ = self._query(client, "app.bsky.actor.getProfile", {"actor": self._my_did})
        return to_account(body)

    # ---- writes -------------------------------------------------------------------------

    def unfollow(self, account_id: str) -> None:
        """Delete our follow record of ``account_id``; nothing to do if we do not follow it.

        The record's AT-URI is in ``viewer.following`` of the profile, which only a logged-in
        request returns."""
        client = self._logged_in()
        profile, _ = self._query(
            client, "app.bsky.actor.getProfile", {"actor": _actor(account_id)}, account_id
        )
        follow_uri = (profile.get("viewer") or {}).get("following")
        if not follow_uri:
            return
        try:
            client.unfollow(follow_uri)
        except Exception as exc:
            raise self._translate(exc, account_id) from None

    # ---- plumbing -----------------------------------------------------------------------

    def _actor_page(
        self, nsid: str, field: str, account_id: str, cursor: str | None
    ) -> Page[Account]:
        params = {"actor": _actor(account_id), "limit": PAGE_SIZE, "cursor": cursor}
        body, rate = self._query(self._reader(), nsid, params, account_id)
        profiles = body.get(field) or []
        return Page([to_account(p) for p in profiles], _next_cursor(body, profiles), rate=rate)

    def _reader(self) -> Client:
        if self._public is None:
            self._public = _new_client(self.appview_url, self.timeout)
        return self._public

    def _logged_in(self) -> Client:
        if self._session is None:
            missing = [
                name
                for name, value in (
                    ("BSKY_HANDLE", self.handle),
                    ("BSKY_APP_PASSWORD", self._password),
                )
                if not value
            ]
            if missing:
                raise ConfigError(
                    f"bluesky: missing {', '.join(missing)}, needed for this operation. Set it in "
                    "the environment or in .env (see .env.example)."
                )
            client = _new_client(self.pds_url, self.timeout)
            client.on_session_change(self._remember_session)
            try:
                # the profile fetch login() does by default would cost a second request
                client.login(self.handle, self._password.reveal(), fetch_bsky_profile=False)
            except Exception as exc:
                raise self._translate(exc, None, login=True) from None
            self._session = client
        return self._session

    def _remember_session(self, event: object, session: Any) -> None:
        self._my_did = session.did

    def _query(
        self, client: Client, nsid: str, params: dict[str, Any], subject: str | None = None
    ) -> tuple[dict[str, Any], RateLimit | None]:
        from atproto_client.models.dot_dict import DotDict

        clean = DotDict({k: v for k, v in params.items() if v is not None})
        try:
            response = client.invoke_query(nsid, params=clean)
        except Exception as exc:
            raise self._translate(exc, subject) from None
        body = response.content if isinstance(response.content, dict) else {}
        return body, rate_from_headers(response.headers)

    def _translate(self, exc: Exception, subject: str | None, login: bool = False) -> Exception:
        import httpx
        from atproto_client.exceptions import (
            LoginRequiredError,
            NetworkError,
            RequestErrorBase,
            UnauthorizedError,
        )

        transport_failure = isinstance(exc, NetworkError) and exc.response is None
        if transport_failure or isinstance(exc, httpx.TransportError):
            return TransientError(f"bluesky: connection failed ({type(exc).__name__})")
        if type(exc) is ValueError:
            # what the SDK's JSON parser raises on a cut or garbled body: worth a retry
            return TransientError("bluesky: the response was not valid JSON")
        if isinstance(exc, LoginRequiredError):
            return AuthError(
                "bluesky: the session expired and could not be refreshed; log in again"
            )
        if not isinstance(exc, RequestErrorBase) or exc.response is None:
            return PlatformError(self._scrub(f"bluesky: {type(exc).__name__}: {exc}"))
        status = exc.response.status_code
        name, message = _xrpc_error(exc.response.content)
        detail = self._scrub(f"{name}: {message}" if message else name or str(status))
        if status == 429:
            reset = rate_from_headers(exc.response.headers)
            return RateLimited(f"bluesky: rate limit reached ({detail})", reset and reset.reset_at)
        if isinstance(exc, UnauthorizedError):
            if login:
                return AuthError(
                    f"bluesky: login refused for BSKY_HANDLE={self.handle} ({detail}); check the "
                    "handle and the app password"
                )
            return AuthError(f"bluesky: {status} not authorised ({detail})")
        if status >= 500 or isinstance(exc, NetworkError):
            return TransientError(f"bluesky: server error {status} ({detail})")
        if subject and status == 400:
            state = ACCOUNT_ERRORS.get(name or "")
            if state is None and "not found" in (message or "").lower():
                state = "unknown"
            if state:
                return AccountUnavailable(f"bluesky: {subject} is {state} ({detail})", state)
        return PlatformError(f"bluesky: request failed with {status} ({detail})")

    def _scrub(self, text: str) -> str:
        from audience.config import scrub

        if self._password and self._password.reveal():
            text = text.replace(self._password.reveal(), "***")
        return scrub(text)

    # ---- follow and Lists: record writes in my repository (audience.follow/lists) -------

    # Record writes cost points: create 3, delete 1, of 5,000 an hour and 35,000 a day per
    # account (docs/apis.md 2.3); the PDS's own 3000 requests per 5 minutes apply as well.
    # Kept apart from ``costs`` (the read endpoints); the crawler paces writes by the headers.
    write_costs: ClassVar[dict[str, EndpointCost]] = {
        "follow": EndpointCost(1666, 3600, 1),
        "list_write": EndpointCost(1666, 3600, 1),
    }

    def follow(self, account_id: str) -> Written:
        """Create an ``app.bsky.graph.follow`` record; Bluesky has no follow requests."""
        record = {"$type": FOLLOW_COLLECTION, "subject": self._did_of(account_id)}
        body, rate = self._create_record(FOLLOW_COLLECTION, record, account_id)
        return Written("following", body.get("uri"), rate)

    def follow_state(self, account_id: str) -> str:
        """``following`` or ``none``: ``viewer.following`` of a logged-in profile read."""
        client = self._logged_in()
        profile, _ = self._query(
            client, "app.bsky.actor.getProfile", {"actor": _actor(account_id)}, account_id
        )
        return "following" if (profile.get("viewer") or {}).get("following") else "none"

    def create_list(self, name: str, description: str | None, private: bool) -> Written:
        """A curate list. Bluesky lists are public records: ``private`` cannot be honoured."""
        record = {"$type": LIST_COLLECTION, "purpose": CURATE_LIST, "name": name[:64]}
        if description:
            record["description"] = description
        body, rate = self._create_record(LIST_COLLECTION, record)
        return Written("created", body.get("uri"), rate)

    def add_list_member(self, list_id: str, account_id: str) -> Written:
        record = {
            "$type": LIST_ITEM_COLLECTION,
            "subject": self._did_of(account_id),
            "list": list_id,
        }
        body, rate = self._create_record(LIST_ITEM_COLLECTION, record, account_id)
        return Written("added", body.get("uri"), rate)

    def remove_list_member(self, list_id: str, account_id: str) -> Written:
        """Delete the listitem record naming ``account_id`` (found by reading the list)."""
        did, cursor, client = self._did_of(account_id), None, self._logged_in()
        while True:
            params = {"list": list_id, "limit": PAGE_SIZE, "cursor": cursor}
            body, _ = self._query(client, "app.bsky.graph.getList", params, list_id)
            items = body.get("items") or []
            for item in items:
                if (item.get("subject") or {}).get("did") == did:
                    return self._delete_record(LIST_ITEM_COLLECTION, item["uri"], account_id)
            cursor = _next_cursor(body, items)
            if cursor is None:
                return Written("absent", None, None)

    def _did_of(self, account_id: str) -> str:
        actor = _actor(account_id)
        if actor.startswith("did:"):
            return actor
        body, _ = self._query(
            self._reader(), "com.atproto.identity.resolveHandle", {"handle": actor}, actor
        )
        return body["did"]

    def _create_record(
        self, collection: str, record: dict[str, Any], subject: str | None = None
    ) -> tuple[dict[str, Any], RateLimit | None]:
        client = self._logged_in()
        record.setdefault("createdAt", _iso(datetime.now(UTC)))
        data = {"repo": self._my_did, "collection": collection, "record": record}
        return self._procedure(client, "com.atproto.repo.createRecord", data, subject)

    def _delete_record(self, collection: str, uri: str, subject: str | None) -> Written:
        rkey = uri.rsplit("/", 1)[-1]
        data = {"repo": self._my_did, "collection": collection, "rkey": rkey}
        _, rate = self._procedure(self._logged_in(), "com.atproto.repo.deleteRecord", data, subject)
        return Written("removed", uri, rate)

    def _procedure(
        self, client: Client, nsid: str, data: dict[str, Any], subject: str | None
    ) -> tuple[dict[str, Any], RateLimit | None]:
        from atproto_client.models.dot_dict import DotDict

        try:
            response = client.invoke_procedure(
                nsid,
                data=DotDict(data),
                input_encoding="application/json",
                output_encoding="application/json",
            )
        except Exception as exc:
            raise self._translate(exc, subject) from None
        body = response.content if isinstance(response.content, dict) else {}
        return body, rate_from_headers(response.headers)

    # ---- listening: posts per time window (issue 17) ------------------------------------

    def window_posts(
        self, query: str, since: datetime, until: datetime, cursor: str | None = None
    ) -> CountPage:
        """One page of ``searchPosts`` between ``since`` and ``until``. Bluesky has no counts
        endpoint: the caller counts the posts, or takes ``hitsTotal`` when the AppView sends
        it (``total``). Search may stop paging before the end of a large result set."""
        params = {
            "q": query,
            "limit": PAGE_SIZE,
            "cursor": cursor,
            "since": _iso(since),
            "until": _iso(until),
            "sort": "latest",
        }
        body, rate = self._query(self._logged_in(), "app.bsky.feed.searchPosts", params, query)
        posts = body.get("posts") or []
        authors = {p["author"]["did"]: to_account(p["author"]) for p in posts if p.get("author")}
        total = body.get("hitsTotal")
        return CountPage(
            [to_post(p) for p in posts],
            _next_cursor(body, posts),
            list(authors.values()),
            rate,
            total=total if isinstance(total, int) else None,
        )


# ---- mapping (pure functions over the XRPC JSON) ----------------------------------------


def to_account(profile: dict[str, Any]) -> Account:
    labels = {label.get("val") for label in profile.get("labels") or []}
    handle = profile.get("handle")
    verification = profile.get("verification") or {}
    return Account(
        platform="bluesky",
        platform_id=profile["did"],
        handle=handle,
        display_name=profile.get("displayName") or None,
        bio=profile.get("description") or None,
        website=profile.get("website") or None,
        followers_count=profile.get("followersCount"),
        following_count=profile.get("followsCount"),
        posts_count=profile.get("postsCount"),
        created_at=parse_time(profile.get("createdAt")),
        default_avatar=not profile.get("avatar"),
        protected=False,  # Bluesky has no private accounts
        verified=verification.get("verifiedStatus") == "valid" if verification else None,
        state="suspended" if labels & SUSPENDED_LABELS else "active",
        url=f"https://bsky.app/profile/{handle or profile['did']}",
        raw=profile,
    )


def to_post(view: dict[str, Any]) -> Post:
    record = view.get("record") or {}
    author = view.get("author") or {}
    langs = record.get("langs") or []
    rkey = view["uri"].rsplit("/", 1)[-1]
    return Post(
        platform="bluesky",
        platform_id=view["uri"],
        author_id=author.get("did", ""),
        text=record.get("text") or "",
        created_at=parse_time(record.get("createdAt")),
        hashtags=hashtags(record),
        lang=langs[0] if langs else None,
        like_count=view.get("likeCount") or 0,
        repost_count=view.get("repostCount") or 0,
        reply_count=view.get("replyCount") or 0,
        quote_count=view.get("quoteCount") or 0,
        url=f"https://bsky.app/profile/{author.get('handle') or author.get('did')}/post/{rkey}",
        raw=view,
    )


def hashtags(record: dict[str, Any]) -> list[str]:
    """Tags from rich-text facets and from ``record.tags``, lower-case, without ``#``."""
    found = [
        feature.get("tag", "")
        for facet in record.get("facets") or []
        for feature in facet.get("features") or []
        if feature.get("$type") == TAG_FEATURE
    ]
    found += record.get("tags") or []
    return list(dict.fromkeys(tag.lstrip("#").lower() for tag in found if tag.strip("#")))


def to_list(view: dict[str, Any]) -> ListInfo:
    creator = view.get("creator") or {}
    return ListInfo(
        platform="bluesky",
        platform_id=view["uri"],
        name=view.get("name") or "",
        owner_id=creator.get("did"),
        description=view.get("description") or None,
        member_count=view.get("listItemCount"),
        private=False,  # lists are public records in the owner's repository
        raw=view,
    )


def rate_from_headers(headers: dict[str, Any] | None) -> RateLimit | None:
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    if "ratelimit-limit" not in headers and "ratelimit-reset" not in headers:
        return None
    reset = _int(headers.get("ratelimit-reset"))
    return RateLimit(
        limit=_int(headers.get("ratelimit-limit")),
        remaining=_int(headers.get("ratelimit-remaining")),
        reset_at=datetime.fromtimestamp(reset, UTC) if reset is not None else None,
    )


def _new_client(base_url: str, timeout: float) -> Client:
    from atproto import Client
    from atproto_client.request import Request

    return Client(base_url=base_url, request=Request(timeout=timeout))


def _next_cursor(body: dict[str, Any], items: list) -> str | None:
    # An empty page with a cursor would make a crawler loop forever on some endpoints.
    return body.get("cursor") if items else None


def _actor(value: str) -> str:
    return value.strip().lstrip("@")


def _iso(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _xrpc_error(content: Any) -> tuple[str | None, str | None]:
    if isinstance(content, dict):
        return content.get("error"), content.get("message")
    name = getattr(content, "error", None)
    if name is not None:
        return name, getattr(content, "message", None)
    return None, None
