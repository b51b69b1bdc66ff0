"""A fake X API v2 for driving the real ``tweepy.Client`` offline.

Seeded from the recordings in ``tests/fixtures/x/`` (@Twitter's following, followers, lists,
list 84839422's members, the documentation's search and user-fields examples, TweepyDev as
the OAuth 1.0a user), with an in-memory dataset tests can grow::

    fake = FakeX()
    fake.add_users(5000)                      # synthetic accounts "1000000".."1004999"
    fake.set_following("783214", ids)
    with fake:
        platform = XPlatform(fake.bearer_token, base_url=fake.base_url)

Wire behaviour copied from the real API: ``meta.next_token`` paging honouring
``max_results`` (400 ``invalid-request`` for an unknown token or an out-of-range size),
``x-rate-limit-*`` headers per endpoint and 429 once a 15-minute window is used up,
partial errors in a 200 for missing/suspended users, RFC-7807 bodies from
``errors.quoted_bodies.json``, and unfollow taking the source id from the OAuth access token.

Users are serialised once per requested field set and pages are joined from those bytes, so a
crawl of a million edges spends its time in the client, not here.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.fakes.server import FakeAPI, Request, Response

FIXTURES = Path(__file__).parent.parent / "fixtures" / "x"
PROBLEMS = "https://api.twitter.com/2/problems/"
WINDOW = 15 * 60

# Current per-app limits per 15 minutes (docs/apis.md section 1.4); "me" and "unfollow" are
# per user.
DEFAULT_LIMITS = {
    "search": 450,
    "following": 300,
    "followers": 300,
    "owned_lists": 15,
    "list_memberships": 75,
    "list_members": 900,
    "users": 300,
    "me": 75,
    "unfollow": 50,
    "counts": 300,  # GET /2/tweets/counts/recent, per app (docs/apis.md, writes and volumes)
}
DEFAULT_USER_FIELDS = ("id", "name", "username")
DEFAULT_TWEET_FIELDS = ("id", "text", "edit_history_tweet_ids")
DEFAULT_LIST_FIELDS = ("id", "name")
HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"


def load_fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def recorded_body(name: str, index: int = 0) -> Any:
    return load_fixture(name)["interactions"][index]["response"]["body"]


def _error_bodies() -> dict[str, dict[str, Any]]:
    quoted = [i["response"] for i in load_fixture("errors.quoted_bodies.json")["interactions"]]
    by_status = {401: "unauthorized", 429: "rate-limit"}
    bodies = {}
    for response in quoted:
        body = response["body"]
        kind = by_status.get(response["status"])
        if kind is None:
            kind = "client-not-enrolled" if body.get("reason") == "client-not-enrolled" else "tier"
        bodies[kind] = {"status": response["status"], "body": body}
    return bodies


ERROR_BODIES = _error_bodies()  # unauthorized, client-not-enrolled, tier, rate-limit
ERROR_STATUS = {kind: entry["status"] for kind, entry in ERROR_BODIES.items()}


def _recorded_headers() -> dict[str, str]:
    """Headers of a real 200, minus those the server sets itself or computes per request."""
    headers = load_fixture("search_recent_tweets.tweepy_sync.json")["interactions"][0]["response"][
        "headers"
    ]
    skip = {"date", "server", "content-type", "x-connection-hash", "x-transaction-id", "perf"}
    return {k: v for k, v in headers.items() if k not in skip and not k.startswith("x-rate-limit")}


BASE_HEADERS = _recorded_headers()


def problem(status: int, title: str, detail: str, kind: str = "about:blank") -> dict[str, Any]:
    problem_type = kind if kind == "about:blank" else PROBLEMS + kind
    return {"title": title, "type": problem_type, "status": status, "detail": detail}


def invalid_request(parameter: str, value: str, message: str) -> Response:
    """The real 400 shape (Facepager#191, node-twitter-api-v2#597)."""
    body = {
        "errors": [{"parameters": {parameter: [value]}, "message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": PROBLEMS + "invalid-request",
    }
    return Response(400, body)


def error_response(kind: str, headers: dict[str, str] | None = None) -> Response:
    """A quoted real error: ``unauthorized`` (401), ``client-not-enrolled`` / ``tier`` (403),
    ``rate-limit`` (429); or ``server-error`` (503, problem shape)."""
    if kind == "server-error":
        body, status = problem(503, "Service Unavailable", "Service Unavailable"), 503
    else:
        body, status = ERROR_BODIES[kind]["body"], ERROR_BODIES[kind]["status"]
    content_type = "application/problem+json" if "title" in body else "application/json"
    return Response(status, copy.deepcopy(body), {"Content-Type": content_type, **(headers or {})})


def resource_error(kind: str, parameter: str, value: str, resource: str = "user") -> dict[str, Any]:
    """One partial error as X puts it in ``errors`` of a 200 (twarc/sfm-twitter-harvester
    tests; xdevplatform docs). ``kind`` is ``not-found``, ``suspended`` or ``protected``."""
    label = {"ids": "ids", "id": "id", "usernames": "usernames", "username": "username"}[parameter]
    if kind == "suspended":
        title, detail, problem_type = (
            "Forbidden",
            f"User has been suspended: [{value}].",
            "resource-not-found",
        )
    elif kind == "protected":
        title = "Authorization Error"
        detail = f"Sorry, you are not authorized to see the {resource} with {label}: [{value}]."
        problem_type = "not-authorized-for-resource"
    else:
        title = "Not Found Error"
        detail = f"Could not find {resource} with {label}: [{value}]."
        problem_type = "resource-not-found"
    return {
        "value": value,
        "detail": detail,
        "title": title,
        "resource_type": resource,
        "parameter": parameter,
        "resource_id": value,
        "type": PROBLEMS + problem_type,
    }


def make_user(user_id: str, username: str | None = None, **fields: Any) -> dict[str, Any]:
    """A user object with every ``user.fields`` value set, shaped like the documentation example
    in ``get_users.user_fields.xdocs_example.json``. Keyword arguments override fields;
    ``followers_count``/``following_count``/``tweet_count`` go into ``public_metrics``."""
    username = username or f"user{user_id}"
    metrics = {
        "followers_count": fields.pop("followers_count", 120),
        "following_count": fields.pop("following_count", 80),
        "tweet_count": fields.pop("tweet_count", 450),
        "listed_count": fields.pop("listed_count", 2),
    }
    website = fields.pop("website", None)
    user: dict[str, Any] = {
        "id": str(user_id),
        "name": fields.pop("name", f"User {user_id}"),
        "username": username,
        "created_at": "2015-03-01T10:00:00.000Z",
        "description": "",
        "location": "",
        "profile_image_url": f"https://pbs.twimg.com/profile_images/{user_id}/a_normal.jpg",
        "protected": False,
        "verified": False,
        "verified_type": "none",
        "public_metrics": metrics,
    }
    if website:
        short = f"https://t.co/{hashlib.sha1(website.encode()).hexdigest()[:10]}"
        user["url"] = short
        user["entities"] = {
            "url": {
                "urls": [
                    {
                        "start": 0,
                        "end": len(short),
                        "url": short,
                        "expanded_url": website,
                        "display_url": website.split("://", 1)[-1],
                    }
                ]
            }
        }
    if fields.pop("default_avatar", False):
        user["profile_image_url"] = DEFAULT_AVATAR
    user.update(fields)
    _shorten_bio_links(user)
    return user


def _shorten_bio_links(user: dict[str, Any]) -> None:
    """As X does: every address in the bio becomes a t.co link, the address kept in
    ``entities.description.urls``."""
    text = user.get("description") or ""
    urls = []
    for address in re.findall(r"https?://\S+", text):
        short = f"https://t.co/{hashlib.sha1(address.encode()).hexdigest()[:10]}"
        start = text.index(address)
        text = text[:start] + short + text[start + len(address) :]
        urls.append(
            {
                "start": start,
                "end": start + len(short),
                "url": short,
                "expanded_url": address,
                "display_url": address.split("://", 1)[-1][:28],
            }
        )
    if urls:
        user["description"] = text
        user.setdefault("entities", {})["description"] = {"urls": urls}


class Paging:
    """Opaque, stateless 16-character tokens: offset plus a checksum bound to the listing, so a
    token from one listing (or a made-up one) is refused like the real API does."""

    @staticmethod
    def token(listing: str, offset: int) -> str:
        check = hashlib.blake2b(f"{listing}|{offset}".encode(), digest_size=8).hexdigest()
        return f"{offset:07X}{check[:9].upper()}"

    @staticmethod
    def offset(listing: str, token: str) -> int | None:
        try:
            offset = int(token[:7], 16)
        except ValueError:
            return None
        return offset if len(token) == 16 and Paging.token(listing, offset) == token else None


class FakeX(FakeAPI):
    def __init__(
        self,
        bearer_token: str = "AAAAfake-bearer-token-0123456789",
        *,
        limits: dict[str, int] | None = None,
        clock: Callable[[], float] = time.time,
        seed_recordings: bool = True,
    ) -> None:
        super().__init__()
        self.bearer_token = bearer_token
        self.limits = {**DEFAULT_LIMITS, **(limits or {})}
        self.clock = clock
        self.users: dict[str, dict[str, Any]] = {}
        self.suspended: set[str] = set()
        self.following_ids: dict[str, list[str]] = {}
        self.follower_ids: dict[str, list[str]] = {}
        self.lists: dict[str, dict[str, Any]] = {}
        self.list_member_ids: dict[str, list[str]] = {}
        self.posts: list[dict[str, Any]] = []  # newest first
        self.unfollows: list[tuple[str, str]] = []
        self._by_username: dict[str, str] = {}
        self._user_bytes: dict[str, dict[tuple[str, ...], bytes]] = {}
        self._windows: dict[str, tuple[int, int]] = {}  # endpoint -> (reset epoch, used)
        self._routes()
        if seed_recordings:
            self._seed()

    # ---- dataset ------------------------------------------------------------------------

    def add_user(self, user: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        """Add (or replace) a user: a ready user object, or ``make_user(**fields)``."""
        if user is None:
            user = make_user(**fields)
        user_id = str(user["id"])
        self.users[user_id] = user
        self._by_username[user["username"].lower()] = user_id
        self._user_bytes.pop(user_id, None)
        return user

    def add_users(self, count: int, start_id: int = 1_000_000, **fields: Any) -> list[str]:
        """``count`` synthetic users with consecutive ids; returns the ids."""
        ids = [str(start_id + n) for n in range(count)]
        for user_id in ids:
            self.add_user(make_user(user_id, **fields))
        return ids

    def suspend(self, user_id: str) -> None:
        self.suspended.add(str(user_id))

    def delete_user(self, user_id: str) -> None:
        user = self.users.pop(str(user_id), None)
        if user:
            self._by_username.pop(user["username"].lower(), None)

    def set_following(self, user_id: str, ids: Iterable[str]) -> None:
        self.following_ids[str(user_id)] = [str(i) for i in ids]

    def set_followers(self, user_id: str, ids: Iterable[str]) -> None:
        self.follower_ids[str(user_id)] = [str(i) for i in ids]

    def add_list(
        self, list_id: str, name: str, owner_id: str | None, members: Iterable[str] = (), **fields
    ) -> dict[str, Any]:
        members = [str(m) for m in members]
        item = {"id": str(list_id), "name": name, **fields}
        if owner_id is not None:
            item["owner_id"] = str(owner_id)
        self.lists[str(list_id)] = item
        self.list_member_ids[str(list_id)] = members
        return item

    def add_post(
        self,
        post_id: str,
        author_id: str,
        text: str,
        created_at: str = "2026-08-01T12:00:00.000Z",
        lang: str = "en",
        **metrics: int,
    ) -> dict[str, Any]:
        tags = [
            {"start": m.start(), "end": m.end(), "tag": m.group(1)}
            for m in re.finditer(r"#(\w+)", text)
        ]
        post = {
            "id": str(post_id),
            "text": text,
            "edit_history_tweet_ids": [str(post_id)],
            "author_id": str(author_id),
            "created_at": created_at,
            "lang": lang,
            "public_metrics": {
                "retweet_count": metrics.get("retweet_count", 0),
                "reply_count": metrics.get("reply_count", 0),
                "like_count": metrics.get("like_count", 0),
                "quote_count": metrics.get("quote_count", 0),
            },
        }
        if tags:
            post["entities"] = {"hashtags": tags}
        self.posts.append(post)
        self.posts.sort(key=lambda p: int(p["id"]), reverse=True)
        return post

    # ---- scripted failures --------------------------------------------------------------

    def fail(self, path_pattern: str, kind: str, times: int = 1, **headers: str) -> None:
        """Answer the next matching request(s) with a quoted real error (see error_response)."""
        self.inject(path_pattern, error_response(kind, headers), times)

    def rate_limit(self, path_pattern: str, reset_at: int | None, limit: int = 300) -> None:
        headers = {"x-rate-limit-limit": str(limit), "x-rate-limit-remaining": "0"}
        if reset_at is not None:
            headers["x-rate-limit-reset"] = str(reset_at)
        self.inject(path_pattern, error_response("rate-limit", headers))

    def drop(self, path_pattern: str, times: int = 1) -> None:
        self.inject(path_pattern, Response(drop=True), times)

    # ---- routing ------------------------------------------------------------------------

    def _routes(self) -> None:
        self.route("GET", r"/2/tweets/search/recent", self._search)
        self.route("GET", r"/2/users/me", self._me)
        self.route("GET", r"/2/users/by", self._users_by_usernames)
        self.route("GET", r"/2/users/by/username/(\w+)", self._user_by_username)
        self.route("GET", r"/2/users", self._users_by_ids)
        self.route("GET", r"/2/users/(\d+)", self._user_by_id)
        self.route("GET", r"/2/users/(\d+)/following", self._graph("following"))
        self.route("GET", r"/2/users/(\d+)/followers", self._graph("followers"))
        self.route("GET", r"/2/users/(\d+)/owned_lists", self._owned_lists)
        self.route("GET", r"/2/users/(\d+)/list_memberships", self._list_memberships)
        self.route("GET", r"/2/lists/(\d+)/members", self._list_members)
        self.route("DELETE", r"/2/users/(\d+)/following/(\d+)", self._unfollow)
        self._listening_routes()
        self._write_routes()

    # ---- handlers -----------------------------------------------------------------------

    def _graph(self, direction: str) -> Callable[[Request, re.Match[str]], Response]:
        edges = self.following_ids if direction == "following" else self.follower_ids

        def handler(request: Request, match: re.Match[str]) -> Response:
            return self._serve(
                direction, request, lambda: self._graph_page(direction, edges, request, match[1])
            )

        return handler

    def _graph_page(
        self, direction: str, edges: dict[str, list[str]], request: Request, user_id: str
    ) -> Response:
        if (unavailable := self._subject_error(user_id)) is not None:
            return unavailable
        return self._users_page(f"{direction}:{user_id}", edges.get(user_id, []), request, 1000)

    def _list_members(self, request: Request, match: re.Match[str]) -> Response:
        list_id = match[1]

        def page() -> Response:
            if list_id not in self.lists:
                return Response(
                    200, {"errors": [resource_error("not-found", "id", list_id, "list")]}
                )
            return self._users_page(
                f"members:{list_id}", self.list_member_ids[list_id], request, 100
            )

        return self._serve("list_members", request, page)

    def _owned_lists(self, request: Request, match: re.Match[str]) -> Response:
        user_id = match[1]

        def page() -> Response:
            if (unavailable := self._subject_error(user_id)) is not None:
                return unavailable
            owned = [i for i, item in self.lists.items() if item.get("owner_id") == user_id]
            return self._lists_page(f"owned:{user_id}", owned, request)

        return self._serve("owned_lists", request, page)

    def _list_memberships(self, request: Request, match: re.Match[str]) -> Response:
        user_id = match[1]

        def page() -> Response:
            if (unavailable := self._subject_error(user_id)) is not None:
                return unavailable
            member_of = [i for i, members in self.list_member_ids.items() if user_id in members]
            return self._lists_page(f"memberships:{user_id}", member_of, request)

        return self._serve("list_memberships", request, page)

    def _users_by_usernames(self, request: Request, match: re.Match[str]) -> Response:
        names = [n for n in (request.arg("usernames") or "").split(",") if n]
        return self._serve("users", request, lambda: self._lookup(names, "usernames", request))

    def _users_by_ids(self, request: Request, match: re.Match[str]) -> Response:
        ids = [i for i in (request.arg("ids") or "").split(",") if i]
        return self._serve("users", request, lambda: self._lookup(ids, "ids", request))

    def _user_by_username(self, request: Request, match: re.Match[str]) -> Response:
        return self._serve("users", request, lambda: self._single([match[1]], "username", request))

    def _user_by_id(self, request: Request, match: re.Match[str]) -> Response:
        return self._serve("users", request, lambda: self._single([match[1]], "id", request))

    def _me(self, request: Request, match: re.Match[str]) -> Response:
        def answer() -> Response:
            user_id = self._oauth_user(request)
            fields = self._fields(request, "user.fields", DEFAULT_USER_FIELDS)
            return self._json_bytes(b'{"data":' + self._user_json(user_id, fields) + b"}")

        return self._serve("me", request, answer, user_context=True)

    def _unfollow(self, request: Request, match: re.Match[str]) -> Response:
        source, target = match[1], match[2]

        def answer() -> Response:
            if self._oauth_user(request) != source:
                detail = "You are not permitted to perform this action."
                return Response(403, problem(403, "Forbidden", detail))
            self.unfollows.append((source, target))
            following = self.following_ids.get(source, [])
            if target in following:
                following.remove(target)
            if source in self.follower_ids.get(target, []):
                self.follower_ids[target].remove(source)
            return Response(200, {"data": {"following": False}})

        return self._serve("unfollow", request, answer, user_context=True)

    def _search(self, request: Request, match: re.Match[str]) -> Response:
        return self._serve("search", request, lambda: self._search_page(request))

    def _search_page(self, request: Request) -> Response:
        query = request.arg("query") or ""
        if not query:
            return invalid_request("query", "", "The `query` query parameter can not be empty")
        size = self._max_results(request, default=10, low=10, high=100)
        if isinstance(size, Response):
            return size
        since = request.arg("start_time") or ""
        floor = datetime.now(UTC) - timedelta(days=7)
        if since and datetime.fromisoformat(since) < floor:
            return invalid_request(
                "start_time",
                since,
                f"Invalid 'start_time':'{since}'. 'start_time' must be on or after "
                f"{floor:%Y-%m-%dT%H:%M}Z",
            )
        matches = [
            p for p in self.posts if _matches(p, query, self.users) and p["created_at"] >= since
        ]
        listing = f"search:{query}|{since}"
        offset = self._offset(request, listing, "next_token")
        if isinstance(offset, Response):
            return offset
        chunk = matches[offset : offset + size]
        tweet_fields = self._fields(request, "tweet.fields", DEFAULT_TWEET_FIELDS)
        body: dict[str, Any] = {}
        if chunk:
            body["data"] = [_select(post, tweet_fields) for post in chunk]
            meta = {"newest_id": chunk[0]["id"], "oldest_id": chunk[-1]["id"]}
        else:
            meta = {}
        meta["result_count"] = len(chunk)
        if offset + size < len(matches):
            meta["next_token"] = Paging.token(listing, offset + size)
        payload = json.dumps(body)[:-1].encode() if chunk else b"{"
        if chunk and "author_id" in (request.arg("expansions") or "").split(","):
            authors = list(
                dict.fromkeys(p["author_id"] for p in chunk if p["author_id"] in self.users)
            )
            fields = self._fields(request, "user.fields", DEFAULT_USER_FIELDS)
            users = b",".join(self._user_json(a, fields) for a in authors)
            payload += b',"includes":{"users":[' + users + b"]}"
        separator = b"," if chunk else b""
        return self._json_bytes(payload + separator + b'"meta":' + json.dumps(meta).encode() + b"}")

    # ---- pieces -------------------------------------------------------------------------

    def _serve(
        self,
        endpoint: str,
        request: Request,
        answer: Callable[[], Response],
        user_context: bool = False,
    ) -> Response:
        refused = self._check_auth(request, user_context)
        if refused is not None:
            return refused
        limit, remaining, reset, exhausted = self._count(endpoint)
        rate = {
            "x-rate-limit-limit": str(limit),
            "x-rate-limit-remaining": str(remaining),
            "x-rate-limit-reset": str(reset),
        }
        if exhausted:
            return error_response("rate-limit", rate)
        response = answer()
        level = "read-write-directmessages" if user_context else "read"
        response.headers = {**BASE_HEADERS, "x-access-level": level, **rate, **response.headers}
        return response

    def _count(self, endpoint: str) -> tuple[int, int, int, bool]:
        """Count one request in the endpoint's 15-minute window (opened by its first request)."""
        now = int(self.clock())
        limit = self.limits[endpoint]
        with self._lock:
            reset, used = self._windows.get(endpoint, (0, 0))
            if now >= reset:
                reset, used = now + WINDOW, 0
            exhausted = used >= limit
            if not exhausted:
                used += 1
            self._windows[endpoint] = (reset, used)
        return limit, limit - used, reset, exhausted

    def _check_auth(self, request: Request, user_context: bool) -> Response | None:
        header = request.headers.get("authorization", "")
        if header.startswith("OAuth "):
            return None if "oauth_token=" in header else error_response("unauthorized")
        if header != f"Bearer {self.bearer_token}":
            return error_response("unauthorized")
        if user_context:
            detail = (
                "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  "
                "Supported authentication types are [OAuth 1.0a User Context, "
                "OAuth 2.0 User Context]."
            )
            body = problem(403, "Unsupported Authentication", detail, "unsupported-authentication")
            return Response(403, body, {"Content-Type": "application/problem+json"})
        return None

    @staticmethod
    def _oauth_user(request: Request) -> str:
        """tweepy takes the user id from the access token: ``<user id>-<rest>``."""
        header = request.headers.get("authorization", "")
        token = re.search(r'oauth_token="([^"]*)"', header)
        return unquote(token[1]).partition("-")[0] if token else ""

    def _subject_error(self, user_id: str) -> Response | None:
        if user_id in self.suspended:
            return Response(200, {"errors": [resource_error("suspended", "id", user_id)]})
        user = self.users.get(user_id)
        if user is None:
            return Response(200, {"errors": [resource_error("not-found", "id", user_id)]})
        if user.get("protected"):
            return Response(200, {"errors": [resource_error("protected", "id", user_id)]})
        return None

    def _users_page(self, listing: str, ids: list[str], request: Request, high: int) -> Response:
        size = self._max_results(request, default=100, low=1, high=high)
        if isinstance(size, Response):
            return size
        offset = self._offset(request, listing, "pagination_token")
        if isinstance(offset, Response):
            return offset
        window = ids[offset : offset + size]
        chunk = [i for i in window if i in self.users and i not in self.suspended]
        meta = self._meta(listing, offset, size, len(chunk), len(ids))
        if not chunk:
            return self._json_bytes(b'{"meta":' + meta + b"}")
        fields = self._fields(request, "user.fields", DEFAULT_USER_FIELDS)
        data = b",".join(self._user_json(i, fields) for i in chunk)
        return self._json_bytes(b'{"data":[' + data + b'],"meta":' + meta + b"}")

    def _lists_page(self, listing: str, list_ids: list[str], request: Request) -> Response:
        size = self._max_results(request, default=100, low=1, high=100)
        if isinstance(size, Response):
            return size
        offset = self._offset(request, listing, "pagination_token")
        if isinstance(offset, Response):
            return offset
        chunk = list_ids[offset : offset + size]
        meta = self._meta(listing, offset, size, len(chunk), len(list_ids))
        if not chunk:
            return self._json_bytes(b'{"meta":' + meta + b"}")
        fields = self._fields(request, "list.fields", DEFAULT_LIST_FIELDS)
        data = [_select(self._list_object(i), fields) for i in chunk]
        payload = json.dumps({"data": data})[:-1].encode()
        owners = [i["owner_id"] for i in data if i.get("owner_id") in self.users]
        if owners and "owner_id" in (request.arg("expansions") or "").split(","):
            user_fields = self._fields(request, "user.fields", DEFAULT_USER_FIELDS)
            users = b",".join(self._user_json(o, user_fields) for o in dict.fromkeys(owners))
            payload += b',"includes":{"users":[' + users + b"]}"
        return self._json_bytes(payload + b',"meta":' + meta + b"}")

    def _list_object(self, list_id: str) -> dict[str, Any]:
        item = self.lists[list_id]
        if "member_count" in item:
            return item
        return {**item, "member_count": len(self.list_member_ids[list_id])}

    def _lookup(self, keys: list[str], parameter: str, request: Request) -> Response:
        if not keys or len(keys) > 100:
            message = f"The `{parameter}` query parameter value [{','.join(keys)}] is not valid"
            return invalid_request(parameter, ",".join(keys), message)
        if parameter == "usernames" and (bad := [k for k in keys if not HANDLE.match(k)]):
            message = (
                f"The `usernames` query parameter value [{bad[0]}] does not match "
                "^[A-Za-z0-9_]{1,15}$"
            )
            return invalid_request("usernames", bad[0], message)
        found, errors = self._resolve(keys, parameter)
        fields = self._fields(request, "user.fields", DEFAULT_USER_FIELDS)
        parts = []
        if found:
            parts.append(b'"data":[' + b",".join(self._user_json(i, fields) for i in found) + b"]")
        if errors:
            parts.append(b'"errors":' + json.dumps(errors).encode())
        return self._json_bytes(b"{" + b",".join(parts) + b"}")

    def _single(self, keys: list[str], parameter: str, request: Request) -> Response:
        found, errors = self._resolve(keys, parameter)
        if not found:
            return Response(200, {"errors": errors})
        fields = self._fields(request, "user.fields", DEFAULT_USER_FIELDS)
        return self._json_bytes(b'{"data":' + self._user_json(found[0], fields) + b"}")

    def _resolve(self, keys: list[str], parameter: str) -> tuple[list[str], list[dict[str, Any]]]:
        found, errors = [], []
        for key in keys:
            user_id = key if parameter in ("ids", "id") else self._by_username.get(key.lower())
            if user_id in self.suspended:
                errors.append(resource_error("suspended", parameter, key))
            elif user_id in self.users:
                found.append(user_id)
            else:
                errors.append(resource_error("not-found", parameter, key))
        return found, errors

    def _max_results(self, request: Request, default: int, low: int, high: int) -> int | Response:
        raw = request.arg("max_results")
        if raw is None:
            return default
        if not raw.isdigit() or not low <= int(raw) <= high:
            message = (
                f"The `max_results` query parameter value [{raw}] is not between {low} and {high}"
            )
            return invalid_request("max_results", raw, message)
        return int(raw)

    @staticmethod
    def _offset(request: Request, listing: str, parameter: str) -> int | Response:
        token = request.arg(parameter)
        if token is None:
            return 0
        offset = Paging.offset(listing, token)
        if offset is None:
            message = f"The `{parameter}` query parameter value [{token}] is not a valid token."
            return invalid_request(parameter, token, message)
        return offset

    @staticmethod
    def _meta(listing: str, offset: int, size: int, count: int, total: int) -> bytes:
        meta: dict[str, Any] = {"result_count": count}
        if offset > 0:
            meta["previous_token"] = Paging.token(listing, max(0, offset - size))
        if offset + size < total:
            meta["next_token"] = Paging.token(listing, offset + size)
        return json.dumps(meta).encode()

    @staticmethod
    def _fields(request: Request, name: str, defaults: tuple[str, ...]) -> tuple[str, ...]:
        asked = [f for f in (request.arg(name) or "").split(",") if f]
        return tuple(dict.fromkeys([*defaults, *asked]))

    def _user_json(self, user_id: str, fields: tuple[str, ...]) -> bytes:
        cached = self._user_bytes.setdefault(user_id, {})
        if fields not in cached:
            user = self.users[user_id]
            cached[fields] = json.dumps(_select(user, fields), ensure_ascii=False).encode()
        return cached[fields]

    @staticmethod
    def _json_bytes(payload: bytes) -> Response:
        return Response(200, raw=payload)

    # ---- recordings ---------------------------------------------------------------------

    def _seed(self) -> None:
        for user in recorded_body("get_users.user_fields.xdocs_example.json")["data"]:
            self.add_user(copy.deepcopy(user))
        self.add_user(copy.deepcopy(recorded_body("get_me.tweepy_sync.json")["data"]))
        search = recorded_body("search_recent_tweets.expansions_author_id.xdocs_example.json")
        for user in search["includes"]["users"]:
            self.add_user(copy.deepcopy(user))
        for post in search["data"]:
            self.posts.append({"edit_history_tweet_ids": [post["id"]], **copy.deepcopy(post)})
        self.posts.sort(key=lambda p: int(p["id"]), reverse=True)
        self._seed_graph("get_users_following.tweepy_sync_783214.json", self.following_ids)
        self._seed_graph("get_users_followers.tweepy_sync_783214.json", self.follower_ids)
        for item in recorded_body("get_owned_lists.tweepy_sync_783214.json")["data"]:
            self.add_list(item["id"], item["name"], "783214")
        members = recorded_body("get_list_members.tweepy_sync_84839422.json")["data"]
        for user in members:
            self.users.setdefault(user["id"], user)
            self._by_username.setdefault(user["username"].lower(), user["id"])
        self.list_member_ids["84839422"] = [u["id"] for u in members]
        for item in recorded_body("get_list_memberships.tweepy_sync_783214.json")["data"]:
            if item["id"] not in self.lists:
                self.add_list(item["id"], item["name"], None)
            self.list_member_ids[item["id"]].append("783214")

    def _seed_graph(self, fixture: str, edges: dict[str, list[str]]) -> None:
        users = recorded_body(fixture)["data"]
        for user in users:
            if user["id"] not in self.users:
                self.add_user(copy.deepcopy(user))
        edges["783214"] = [u["id"] for u in users]

    # ---- listening: GET /2/tweets/counts/recent (issue 17) -------------------------------

    # Buckets per response page; the real endpoint pages long hour/minute series with
    # meta.next_token. Tests lower it to exercise paging.
    counts_page_size = 1000
    # query -> {bucket start (UTC) -> extra count} on top of the stored posts, for volumes
    # too large to store as posts
    extra_counts: dict[str, dict[datetime, int]]

    # ---- writes: follow and Lists (user context) -----------------------------------------
    # POST /2/users/:id/following {"target_user_id"} -> {"data":{"following","pending_follow"}};
    # POST /2/lists; POST /2/lists/:id/members {"user_id"}; DELETE /2/lists/:id/members/:uid
    # (docs/apis.md "Writes and volumes"). ``write_access = False`` answers every write with
    # the quoted 403 for a plan without the endpoint (code 453).

    write_access = True

    def _write_routes(self) -> None:
        self.follows_sent: list[tuple[str, str]] = []
        self.list_writes: list[tuple[str, str, str]] = []  # (action, list id, user id)
        self.limits.setdefault("follow", 50)
        self.limits.setdefault("list_write", 300)
        self.route("POST", r"/2/users/(\d+)/following", self._follow)
        self.route("POST", r"/2/lists", self._create_list)
        self.route("POST", r"/2/lists/(\d+)/members", self._add_member)
        self.route("DELETE", r"/2/lists/(\d+)/members/(\d+)", self._remove_member)

    def _write(self, endpoint: str, request: Request, answer: Callable[[], Response]) -> Response:
        def guarded() -> Response:
            return answer() if self.write_access else error_response("tier")

        return self._serve(endpoint, request, guarded, user_context=True)

    def _follow(self, request: Request, match: re.Match[str]) -> Response:
        source = match[1]

        def answer() -> Response:
            if self._oauth_user(request) != source:
                detail = "You are not permitted to perform this action."
                return Response(403, problem(403, "Forbidden", detail))
            target = str(request.json().get("target_user_id", ""))
            if target not in self.users or target in self.suspended:
                return Response(400, problem(400, "Invalid Request", f"Unknown user {target}"))
            self.follows_sent.append((source, target))
            pending = bool(self.users[target].get("protected"))
            following = self.following_ids.setdefault(source, [])
            if not pending and target not in following:
                following.append(target)
                self.follower_ids.setdefault(target, []).append(source)
            return Response(200, {"data": {"following": not pending, "pending_follow": pending}})

        return self._write("follow", request, answer)

    def _create_list(self, request: Request, match: re.Match[str]) -> Response:
        def answer() -> Response:
            data = request.json()
            list_id = str(1_900_000_000_000_000_000 + len(self.lists))
            extra = {"private": bool(data.get("private"))}
            if data.get("description"):
                extra["description"] = data["description"]
            self.add_list(list_id, data["name"], self._oauth_user(request), **extra)
            self.list_writes.append(("create", list_id, ""))
            return Response(200, {"data": {"id": list_id, "name": data["name"]}})

        return self._write("list_write", request, answer)

    def _add_member(self, request: Request, match: re.Match[str]) -> Response:
        list_id = match[1]

        def answer() -> Response:
            if list_id not in self.lists:
                detail = f"Could not find list with id: [{list_id}]."
                return Response(404, problem(404, "Not Found Error", detail))
            user_id = str(request.json().get("user_id", ""))
            members = self.list_member_ids[list_id]
            self.list_writes.append(("add", list_id, user_id))
            if user_id not in members:
                members.append(user_id)
            return Response(200, {"data": {"is_member": True}})

        return self._write("list_write", request, answer)

    def _remove_member(self, request: Request, match: re.Match[str]) -> Response:
        list_id, user_id = match[1], match[2]

        def answer() -> Response:
            members = self.list_member_ids.get(list_id, [])
            self.list_writes.append(("remove", list_id, user_id))
            if user_id in members:
                members.remove(user_id)
            return Response(200, {"data": {"is_member": False}})

        return self._write("list_write", request, answer)

    def _listening_routes(self) -> None:
        self.extra_counts = {}
        self.route("GET", r"/2/tweets/counts/recent", self._counts)

    def add_counts(self, query: str, counts: dict[datetime, int]) -> None:
        self.extra_counts.setdefault(query.lower(), {}).update(counts)

    def _counts(self, request: Request, match: re.Match[str]) -> Response:
        return self._serve("counts", request, lambda: self._counts_page(request))

    def _counts_page(self, request: Request) -> Response:
        query = request.arg("query") or ""
        if not query:
            return invalid_request("query", "", "The `query` query parameter can not be empty")
        granularity = request.arg("granularity", "hour")
        steps = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(1)}
        if granularity not in steps:
            message = (
                f"The `granularity` query parameter value [{granularity}] is not one of "
                "[minute,hour,day]"
            )
            return invalid_request("granularity", granularity, message)
        now = datetime.now(UTC)
        end = _stamp(request.arg("end_time")) or now - timedelta(seconds=30)
        start = _stamp(request.arg("start_time")) or now - timedelta(days=7)
        floor = now - timedelta(days=7)
        if start < floor:
            return invalid_request(
                "start_time",
                request.arg("start_time") or "",
                f"Invalid 'start_time':'{request.arg('start_time')}'. 'start_time' must be on "
                f"or after {floor:%Y-%m-%dT%H:%M}Z",
            )
        if end > now - timedelta(seconds=10) or end <= start:
            return invalid_request(
                "end_time",
                request.arg("end_time") or "",
                "Invalid 'end_time': it must be a minimum of 10 seconds prior to the request "
                "time and after 'start_time'",
            )
        buckets = _count_buckets(start, end, steps[granularity])
        counts = [0] * len(buckets)
        for post in self.posts:
            created = _stamp(post["created_at"])
            if created and start <= created < end and _matches(post, query):
                counts[_bucket_index(buckets, created)] += 1
        for moment, extra in self.extra_counts.get(query.lower(), {}).items():
            if start <= moment < end:
                counts[_bucket_index(buckets, moment)] += extra
        listing = f"counts:{query}|{start.isoformat()}|{end.isoformat()}|{granularity}"
        offset = self._offset(request, listing, "next_token")
        if isinstance(offset, Response):
            return offset
        size = self.counts_page_size
        data = [
            {"end": _z(b_end), "start": _z(b_start), "tweet_count": counts[i]}
            for i, (b_start, b_end) in enumerate(buckets)
        ][offset : offset + size]
        meta: dict[str, Any] = {"total_tweet_count": sum(d["tweet_count"] for d in data)}
        if offset + size < len(buckets):
            meta["next_token"] = Paging.token(listing, offset + size)
        return Response(200, {"data": data, "meta": meta})


def _stamp(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _count_buckets(
    start: datetime, end: datetime, step: timedelta
) -> list[tuple[datetime, datetime]]:
    """As X cuts them: the first bucket runs from start_time to the next boundary, the last
    from a boundary to end_time."""
    buckets = []
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    boundary = epoch + ((start - epoch) // step + 1) * step
    edge = start
    while edge < end:
        upper = min(boundary, end)
        buckets.append((edge, upper))
        edge, boundary = upper, boundary + step
    return buckets


def _bucket_index(buckets: list[tuple[datetime, datetime]], moment: datetime) -> int:
    return next(i for i, (low, high) in enumerate(buckets) if low <= moment < high)


def _select(item: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {key: item[key] for key in fields if key in item}


def _matches(
    post: dict[str, Any], query: str, users: dict[str, dict[str, Any]] | None = None
) -> bool:
    """A small subset of the search grammar: words (all must appear), ``#tag``, ``lang:xx``,
    ``from:username`` (when ``users`` is given), ``-word`` to exclude; other ``operator:value``
    terms are accepted and ignored."""
    text = post["text"].lower()
    tags = {t["tag"].lower() for t in post.get("entities", {}).get("hashtags", [])}
    for term in query.lower().split():
        negate = term.startswith("-")
        term = term.lstrip("-")
        if term.startswith("lang:"):
            hit = post.get("lang") == term[5:]
        elif term.startswith("from:") and users is not None:
            author = users.get(post["author_id"]) or {}
            hit = author.get("username", "").lower() == term[5:].lstrip("@")
        elif term.startswith("#"):
            hit = term[1:] in tags
        elif ":" in term or term in ("or", "and"):
            continue
        else:
            hit = term in text
        if hit == negate:
            return False
    return True
