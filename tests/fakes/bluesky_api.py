"""A fake Bluesky (PDS + AppView on one host) speaking XRPC as recorded in tests/fixtures/bluesky.

Holds an in-memory dataset (profiles, follows, posts, lists) that tests build with
:meth:`FakeBluesky.add_account`, :meth:`follow`, :meth:`add_post`, :meth:`add_list`, or load from
the recordings with :meth:`load_fixtures`. Huge follower lists cost no memory per edge:
:meth:`add_synthetic_followers` serves generated accounts on demand.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import socket
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, overload

from tests.fakes.server import FakeAPI, Request, Response

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bluesky"
MAX_LIMIT = 100
MAX_ACTORS = 25
DETAIL_ONLY = ("followersCount", "followsCount", "postsCount", "banner", "website", "pinnedPost")
BASIC_FIELDS = ("did", "handle", "displayName", "avatar", "associated", "labels", "createdAt")
TAG_FEATURE = "app.bsky.richtext.facet#tag"


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def recorded_body(name: str, index: int = 0) -> Any:
    return fixture(name)["interactions"][index]["response"]["body"]


class SyntheticActors(Sequence[str]):
    """``count`` generated DIDs ``did:plc:<prefix><n>``, without storing them."""

    def __init__(self, prefix: str, count: int):
        self.prefix = prefix
        self.count = count
        self._head = f"did:plc:{prefix}"

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if not -self.count <= index < self.count:
            raise IndexError(index)
        return f"{self._head}{index % self.count:010d}"

    def __contains__(self, did: object) -> bool:
        return self.number(did) is not None

    def number(self, did: object) -> int | None:
        if not isinstance(did, str) or not did.startswith(self._head):
            return None
        tail = did[len(self._head) :]
        if not (tail.isdigit() and len(tail) == 10 and int(tail) < self.count):
            return None
        return int(tail)


def make_jwt(payload: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        raw = json.dumps(data, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    return f"{part({'typ': 'at+jwt', 'alg': 'ES256K'})}.{part(payload)}.ZmFrZXNpZ25hdHVyZQ"


def tid_for(*parts: str) -> str:
    """A TID-looking record key, stable for the same inputs."""
    digest = hashlib.sha1("|".join(parts).encode()).digest()
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    return "3" + "".join(alphabet[b % 32] for b in digest[:12])


def encode_cursor(offset: int) -> str:
    return f"3l{offset:011x}"


def xrpc_error(status: int, name: str, message: str) -> Response:
    return Response(status, {"error": name, "message": message})


class FakeBluesky(FakeAPI):
    RATE_LIMIT = 3000
    RATE_WINDOW = 300

    def __init__(
        self,
        handle: str = "audience-test.bsky.social",
        password: str = "fake-app-pass-1x2y-3z4w",
        did: str = "did:plc:audiencetestaaaaaaaaaaaaa",
    ):
        super().__init__()
        self.handle, self.password, self.did = handle, password, did
        self.profiles: dict[str, dict[str, Any]] = {}
        self.handles: dict[str, str] = {}
        self.follows: dict[str, Sequence[str]] = {}
        self.followers: dict[str, Sequence[str]] = {}
        self.posts: list[dict[str, Any]] = []
        self.lists: dict[str, dict[str, Any]] = {}
        self.list_items: dict[str, list[str]] = {}
        self.takedowns: set[str] = set()
        self.deleted_records: list[dict[str, Any]] = []
        self.sessions_created = 0
        self._synthetic: list[SyntheticActors] = []
        self._edges: set[tuple[str, str]] = set()
        self._tokens: dict[str, str] = {}
        self._refresh_tokens: dict[str, str] = {}
        self._served = 0
        self.search_hits_total = False  # searchPosts sends hitsTotal only when this is set
        self.add_account(handle, did=did, displayName="Audience Test")
        self._register_routes()

    def start(self) -> str:
        url = super().start()
        # Without it, Nagle's algorithm holds the body behind the headers for ~40 ms a page.
        self._server.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return url

    # ---- dataset ------------------------------------------------------------------------

    def add_account(self, handle: str, did: str | None = None, **fields: Any) -> str:
        """Add a profile; ``fields`` are XRPC profile keys (``displayName``, ``description``,
        ``avatar`` (None for none), ``labels``, ``followersCount``...)."""
        did = did or f"did:plc:{tid_for(handle)[1:]}{len(self.profiles):011d}"[:32]
        profile = {
            "did": did,
            "handle": handle,
            "displayName": fields.pop("displayName", handle.split(".")[0].title()),
            "avatar": f"https://cdn.bsky.app/img/avatar/plain/{did}/bafkreiavatar@jpeg",
            "associated": {"chat": {"allowIncoming": "following"}},
            "labels": [],
            "createdAt": "2024-03-01T12:00:00.000Z",
            "indexedAt": "2025-04-26T18:24:05.352Z",
            **fields,
        }
        if profile["avatar"] is None:
            del profile["avatar"]
        self.profiles[did] = profile
        self.handles[handle.lower()] = did
        self.follows.setdefault(did, [])
        self.followers.setdefault(did, [])
        return did

    def add_profile(self, profile: dict[str, Any]) -> str:
        """Add a recorded profile view as is (its ``viewer`` block is recomputed when served)."""
        profile = {k: v for k, v in profile.items() if k != "viewer"}
        self.profiles[profile["did"]] = profile
        self.handles[profile["handle"].lower()] = profile["did"]
        self.follows.setdefault(profile["did"], [])
        self.followers.setdefault(profile["did"], [])
        return profile["did"]

    def follow(self, src: str, dst: str) -> None:
        """``src`` follows ``dst``. Edges are served in the order they were added."""
        if self.is_following(src, dst):
            return
        for table, key, value in ((self.follows, src, dst), (self.followers, dst, src)):
            edges = table.setdefault(key, [])
            if not isinstance(edges, list):
                raise TypeError(f"{key} has synthetic edges; add real ones before them")
            edges.append(value)
        self._edges.add((src, dst))

    def is_following(self, src: str, dst: str) -> bool:
        if (src, dst) in self._edges:
            return True
        follows = self.follows.get(src)
        return isinstance(follows, SyntheticActors) and dst in follows

    def add_synthetic_followers(self, did: str, count: int, prefix: str = "fan") -> None:
        self.followers[did] = self._synthetic_actors(prefix, count)

    def add_synthetic_follows(self, did: str, count: int, prefix: str = "idol") -> None:
        self.follows[did] = self._synthetic_actors(prefix, count)

    def _synthetic_actors(self, prefix: str, count: int) -> SyntheticActors:
        actors = SyntheticActors(prefix, count)
        self._synthetic.append(actors)
        return actors

    def add_post(
        self,
        author: str,
        text: str,
        *,
        extra_tags: Sequence[str] = (),
        created_at: str | None = None,
        langs: Sequence[str] = ("en",),
    ) -> str:
        """A post whose ``#words`` become tag facets (UTF-8 byte offsets, as the app writes)."""
        created_at = created_at or datetime.now(UTC).isoformat().replace("+00:00", "Z")
        rkey = tid_for(author, text, created_at)
        facets = [
            {
                "features": [{"$type": TAG_FEATURE, "tag": m.group(1)}],
                "index": {
                    "byteStart": len(text[: m.start()].encode()),
                    "byteEnd": len(text[: m.end()].encode()),
                },
            }
            for m in re.finditer(r"#(\w+)", text)
        ]
        record: dict[str, Any] = {"$type": "app.bsky.feed.post", "createdAt": created_at}
        if facets:
            record["facets"] = facets
        record.update(langs=list(langs), text=text)
        if extra_tags:
            record["tags"] = list(extra_tags)
        view = {
            "uri": f"at://{author}/app.bsky.feed.post/{rkey}",
            "cid": f"bafyrei{rkey}",
            "author": author,  # replaced by the profileViewBasic when served
            "record": record,
            "replyCount": 0,
            "repostCount": 0,
            "likeCount": 0,
            "quoteCount": 0,
            "indexedAt": created_at,
            "labels": [],
        }
        self.posts.append(view)
        self.posts.sort(key=lambda p: p["record"]["createdAt"], reverse=True)
        return view["uri"]

    def add_list(self, owner: str, name: str, members: Sequence[str] = (), **fields: Any) -> str:
        uri = f"at://{owner}/app.bsky.graph.list/{tid_for(owner, name)}"
        self.lists[uri] = {
            "uri": uri,
            "cid": f"bafyrei{tid_for(uri)}",
            "name": name,
            "purpose": "app.bsky.graph.defs#curatelist",
            "indexedAt": "2024-12-18T18:26:32.828Z",
            "labels": [],
            "creator": owner,
            "description": fields.pop("description", ""),
            **fields,
        }
        self.list_items[uri] = list(members)
        return uri

    def load_fixtures(self) -> dict[str, str]:
        """Load the recorded graph: Chris Kenny's follows and followers, the recorded search
        results, pfrazee's lists and one list's members. Returns handy DIDs/URIs by name."""
        kenny = self.add_profile(recorded_body("getProfiles.bskyr.json")["profiles"][0])
        follows = recorded_body("getFollows.bskyr_chriskenny.json")
        followers = recorded_body("getFollowers.bskyr_chriskenny.json")
        for profile in follows["follows"]:
            self.follow(kenny, self.add_profile(profile))
        for profile in followers["followers"]:
            self.follow(self.add_profile(profile), kenny)
        for post in recorded_body("searchPosts.bskyr_q-redistricting.json")["posts"]:
            self.add_profile(post["author"])
            view = {k: v for k, v in post.items() if k != "viewer"}
            self.posts.append({**view, "author": post["author"]["did"]})
        self.posts.sort(key=lambda p: p["record"]["createdAt"], reverse=True)
        for actor in recorded_body("searchActorsTypeahead.bskyr.json")["actors"]:
            self.add_profile(actor)
        lists = recorded_body("getLists.bskyr_pfrazee.json")["lists"]
        one = recorded_body("getList.bskyr.json")
        pfrazee = self.add_profile(lists[0]["creator"])
        for view in [*lists, one["list"]]:
            self.lists[view["uri"]] = {**view, "creator": pfrazee}
            self.list_items.setdefault(view["uri"], [])
        self.list_items[one["list"]["uri"]] = [self.add_profile(i["subject"]) for i in one["items"]]
        return {"kenny": kenny, "pfrazee": pfrazee, "list": one["list"]["uri"]}

    # ---- views --------------------------------------------------------------------------

    def resolve(self, actor: str | None) -> str | None:
        if not actor:
            return None
        if actor.startswith("did:"):
            return actor if self._profile(actor) is not None else None
        return self.handles.get(actor.lower().lstrip("@"))

    def _profile(self, did: str) -> dict[str, Any] | None:
        if did in self.profiles:
            return self.profiles[did]
        for actors in self._synthetic:
            number = actors.number(did)
            if number is not None:
                return {
                    "did": did,
                    "handle": f"{actors.prefix}{number}.test",
                    "displayName": f"{actors.prefix.title()} {number}",
                    "labels": [],
                    "createdAt": "2024-05-01T00:00:00.000Z",
                    "indexedAt": "2024-05-01T00:00:00.000Z",
                }
        return None

    def _viewer(self, did: str, viewer: str | None) -> dict[str, Any]:
        block: dict[str, Any] = {"muted": False, "blockedBy": False}
        if viewer:
            if self.is_following(viewer, did):
                block["following"] = f"at://{viewer}/app.bsky.graph.follow/{tid_for(viewer, did)}"
            if self.is_following(did, viewer):
                block["followedBy"] = f"at://{did}/app.bsky.graph.follow/{tid_for(did, viewer)}"
        return block

    def profile_view(self, did: str, viewer: str | None = None) -> dict[str, Any]:
        profile = self._profile(did) or {"did": did, "handle": "handle.invalid", "labels": []}
        view = {k: v for k, v in profile.items() if k not in DETAIL_ONLY}
        view["viewer"] = self._viewer(did, viewer)
        return view

    def detailed_view(self, did: str, viewer: str | None = None) -> dict[str, Any]:
        view = copy.deepcopy(self._profile(did))
        view.setdefault("followersCount", len(self.followers.get(did, ())))
        view.setdefault("followsCount", len(self.follows.get(did, ())))
        view.setdefault("postsCount", sum(1 for p in self.posts if p["author"] == did))
        view["viewer"] = self._viewer(did, viewer)
        return view

    def basic_view(self, did: str, viewer: str | None = None) -> dict[str, Any]:
        view = {k: v for k, v in self.profile_view(did, viewer).items() if k in BASIC_FIELDS}
        view["viewer"] = self._viewer(did, viewer)
        return view

    def list_view(self, uri: str, viewer: str | None = None) -> dict[str, Any]:
        stored = self.lists[uri]
        view = {**stored, "creator": self.profile_view(stored["creator"], viewer)}
        view["listItemCount"] = len(self.list_items.get(uri, ()))
        view["viewer"] = {"muted": False}
        return view

    def post_view(self, post: dict[str, Any], viewer: str | None) -> dict[str, Any]:
        view = {**post, "author": self.basic_view(post["author"], viewer)}
        view["viewer"] = {"threadMuted": False, "embeddingDisabled": False}
        return view

    # ---- wire ---------------------------------------------------------------------------

    def rate_headers(self, limit: int | None = None, window: int | None = None) -> dict[str, str]:
        limit = limit or self.RATE_LIMIT
        window = window or self.RATE_WINDOW
        reset = (int(time.time()) // window + 1) * window
        return {
            "RateLimit-Limit": str(limit),
            "RateLimit-Remaining": str(max(0, limit - self._served % limit)),
            "RateLimit-Reset": str(reset),
            "RateLimit-Policy": f"{limit};w={window}",
        }

    @staticmethod
    def rate_limited(reset_at: datetime, limit: int = 3000, window: int = 300) -> Response:
        """A 429 as the PDS sends it, for :meth:`inject`."""
        return Response(
            429,
            {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
            {
                "RateLimit-Limit": str(limit),
                "RateLimit-Remaining": "0",
                "RateLimit-Reset": str(int(reset_at.timestamp())),
                "RateLimit-Policy": f"{limit};w={window}",
            },
        )

    def xrpc(
        self,
        method: str,
        nsid: str,
        handler: Callable[[Request, str | None], Response],
        auth: bool = False,
    ) -> None:
        def serve(request: Request, match: re.Match[str]) -> Response:
            viewer, problem = self._authenticate(request)
            if problem is None and auth and viewer is None:
                problem = xrpc_error(401, "AuthMissing", "Authentication Required")
            response = problem or handler(request, viewer)
            self._served += 1
            response.headers = {**self.rate_headers(), **response.headers}
            return response

        self.route(method, rf"/xrpc/{re.escape(nsid)}", serve)

    def _authenticate(self, request: Request) -> tuple[str | None, Response | None]:
        header = request.headers.get("authorization", "")
        if not header:
            return None, None
        token = header.removeprefix("Bearer ").strip()
        if token in self._tokens:
            return self._tokens[token], None
        return None, xrpc_error(401, "InvalidToken", "Token could not be verified")

    def _register_routes(self) -> None:
        self.route("POST", r"/xrpc/com\.atproto\.server\.createSession", self._create_session)
        self.route("POST", r"/xrpc/com\.atproto\.server\.refreshSession", self._refresh_session)
        self.xrpc("GET", "app.bsky.actor.getProfile", self._get_profile)
        self.xrpc("GET", "app.bsky.actor.getProfiles", self._get_profiles)
        self.xrpc("GET", "app.bsky.actor.searchActors", self._search_actors)
        self.xrpc("GET", "app.bsky.graph.getFollows", self._graph("follows"))
        self.xrpc("GET", "app.bsky.graph.getFollowers", self._graph("followers"))
        self.xrpc("GET", "app.bsky.graph.getLists", self._get_lists)
        self.xrpc("GET", "app.bsky.graph.getList", self._get_list)
        self.xrpc("GET", "app.bsky.feed.searchPosts", self._search_posts, auth=True)
        self.xrpc("POST", "com.atproto.repo.deleteRecord", self._delete_record, auth=True)
        self._write_routes()

    def _session_body(self) -> dict[str, Any]:
        body = copy.deepcopy(recorded_body("createSession.bskyr.json"))
        now = int(time.time())
        access = make_jwt(
            {"scope": "com.atproto.appPass", "sub": self.did, "iat": now, "exp": now + 7200}
        )
        refresh = make_jwt(
            {"scope": "com.atproto.refresh", "sub": self.did, "iat": now, "exp": now + 86400 * 60}
        )
        self._tokens[access] = self.did
        self._refresh_tokens[refresh] = self.did
        body.update(did=self.did, handle=self.handle, accessJwt=access, refreshJwt=refresh)
        body["didDoc"]["id"] = self.did
        body["didDoc"]["alsoKnownAs"] = [f"at://{self.handle}"]
        body["didDoc"]["service"][0]["serviceEndpoint"] = self.base_url
        return body

    def _create_session(self, request: Request, match: re.Match[str]) -> Response:
        data = request.json()
        headers = self.rate_headers(limit=10, window=86400)
        known = data.get("identifier", "").lower() in (self.handle.lower(), self.did)
        if not known or data.get("password") != self.password:
            response = xrpc_error(401, "AuthenticationRequired", "Invalid identifier or password")
            response.headers = headers
            return response
        self.sessions_created += 1
        return Response(200, self._session_body(), headers)

    def _refresh_session(self, request: Request, match: re.Match[str]) -> Response:
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if token not in self._refresh_tokens:
            return xrpc_error(400, "ExpiredToken", "Token has been revoked")
        return Response(200, self._session_body(), self.rate_headers())

    def _actor_or_error(self, actor: str | None) -> tuple[str | None, Response | None]:
        did = self.resolve(actor)
        if did is None:
            return None, xrpc_error(400, "InvalidRequest", "Profile not found")
        if did in self.takedowns:
            return None, xrpc_error(400, "AccountTakedown", "Account has been suspended")
        return did, None

    def _get_profile(self, request: Request, viewer: str | None) -> Response:
        did, problem = self._actor_or_error(request.arg("actor"))
        return problem or Response(200, self.detailed_view(did, viewer))

    def _get_profiles(self, request: Request, viewer: str | None) -> Response:
        actors = request.query.get("actors", [])
        if not actors or len(actors) > MAX_ACTORS:
            return xrpc_error(400, "InvalidRequest", f"actors must have 1-{MAX_ACTORS} items")
        dids = [self.resolve(actor) for actor in actors]
        found = [d for d in dict.fromkeys(dids) if d is not None and d not in self.takedowns]
        return Response(200, {"profiles": [self.detailed_view(d, viewer) for d in found]})

    def _page(self, request: Request, items: Sequence[Any]) -> tuple[Sequence[Any], str | None]:
        """Slice by limit/cursor; raise-free: bad input gives an empty slice and no cursor."""
        limit = int(request.arg("limit", "50"))
        cursor = request.arg("cursor")
        start = int(cursor[2:], 16) if cursor else 0
        chunk = items[start : start + limit]
        end = start + len(chunk)
        return chunk, encode_cursor(end) if end < len(items) else None

    def _bad_limit(
        self, request: Request, cursor_format: str = r"3l[0-9a-f]{11}"
    ) -> Response | None:
        limit = request.arg("limit", "50")
        if not limit.isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
            return xrpc_error(400, "InvalidRequest", f"limit must be 1-{MAX_LIMIT}")
        cursor = request.arg("cursor")
        if cursor and not re.fullmatch(cursor_format, cursor):
            return xrpc_error(400, "InvalidRequest", "Malformed cursor")
        return None

    def _graph(self, field: str) -> Callable[[Request, str | None], Response]:
        table = self.follows if field == "follows" else self.followers

        def handler(request: Request, viewer: str | None) -> Response:
            did, problem = self._actor_or_error(request.arg("actor"))
            problem = problem or self._bad_limit(request)
            if problem:
                return problem
            chunk, cursor = self._page(request, table.get(did, ()))
            body: dict[str, Any] = {
                field: [self.profile_view(d, viewer) for d in chunk],
                "subject": self.profile_view(did, viewer),
            }
            if cursor:
                body["cursor"] = cursor
            return Response(200, body)

        return handler

    def _get_lists(self, request: Request, viewer: str | None) -> Response:
        did, problem = self._actor_or_error(request.arg("actor"))
        problem = problem or self._bad_limit(request)
        if problem:
            return problem
        owned = [uri for uri, view in self.lists.items() if view["creator"] == did]
        chunk, cursor = self._page(request, owned)
        body: dict[str, Any] = {"lists": [self.list_view(uri, viewer) for uri in chunk]}
        if cursor:
            body["cursor"] = cursor
        return Response(200, body)

    def _get_list(self, request: Request, viewer: str | None) -> Response:
        uri = request.arg("list")
        if uri not in self.lists:
            return xrpc_error(400, "InvalidRequest", "List not found")
        problem = self._bad_limit(request)
        if problem:
            return problem
        chunk, cursor = self._page(request, self.list_items[uri])
        items = [
            {
                "uri": f"at://{self.lists[uri]['creator']}/app.bsky.graph.listitem/"
                f"{tid_for(uri, did)}",
                "subject": self.profile_view(did, viewer),
            }
            for did in chunk
        ]
        body: dict[str, Any] = {"list": self.list_view(uri, viewer), "items": items}
        if cursor:
            body["cursor"] = cursor
        return Response(200, body)

    def _search_actors(self, request: Request, viewer: str | None) -> Response:
        problem = self._bad_limit(request)
        if problem:
            return problem
        words = (request.arg("q") or "").lower().split()
        hits = [
            did
            for did, p in self.profiles.items()
            if words
            and did not in self.takedowns
            and all(
                w in f"{p['handle']} {p.get('displayName', '')} {p.get('description', '')}".lower()
                for w in words
            )
        ]
        chunk, cursor = self._page(request, hits)
        body: dict[str, Any] = {"actors": [self.profile_view(d, viewer) for d in chunk]}
        if cursor:
            body["cursor"] = cursor
        return Response(200, body)

    def _search_posts(self, request: Request, viewer: str | None) -> Response:
        problem = self._bad_limit(request, cursor_format=r"\d+")
        if problem:
            return problem
        query = (request.arg("q") or "").strip()
        tags = [t.lower() for t in request.query.get("tag", [])]
        lang, since, until = request.arg("lang"), request.arg("since"), request.arg("until")
        hits = [
            p
            for p in self.posts
            if _post_matches(p["record"], query, tags)
            and (not lang or lang in p["record"].get("langs", []))
            and (not since or _time(p["record"]["createdAt"]) >= _time(since))
            and (not until or _time(p["record"]["createdAt"]) < _time(until))
        ]
        # searchPosts cursors are plain offsets ("25") in the recordings
        limit = int(request.arg("limit", "25"))
        start = int(request.arg("cursor") or 0)
        chunk = hits[start : start + limit]
        body: dict[str, Any] = {"posts": [self.post_view(p, viewer) for p in chunk]}
        if start + len(chunk) < len(hits):
            body["cursor"] = str(start + len(chunk))
        if self.search_hits_total:  # the lexicon's optional count (listening, issue 17)
            body["hitsTotal"] = len(hits)
        return Response(200, body)

    def _delete_record(self, request: Request, viewer: str | None) -> Response:
        data = request.json()
        if data.get("repo") not in (viewer, self.handle):
            return xrpc_error(400, "InvalidRequest", "Could not find repo")
        self.deleted_records.append(data)
        if data.get("collection") == LIST_ITEM:
            return self._delete_list_item(viewer, data)
        if data.get("collection") != "app.bsky.graph.follow":
            return Response(200, {})
        for target in self.follows.get(viewer, []):
            if tid_for(viewer, target) == data.get("rkey"):
                self.follows[viewer].remove(target)
                self.followers[target].remove(viewer)
                self._edges.discard((viewer, target))
                commit = {"cid": f"bafyrei{tid_for('commit', target)}", "rev": tid_for("rev")}
                return Response(200, {"commit": commit})
        return Response(200, {})

    # ---- writes: createRecord for follows, curate lists and list items ------------------
    # com.atproto.repo.createRecord {"repo","collection","record"} -> {"uri","cid"}; an invalid
    # record is a 400 InvalidRequest, a missing or bad token a 401 (docs/apis.md 2.4).

    def _write_routes(self) -> None:
        self.created_records: list[dict[str, Any]] = []
        self.xrpc("POST", "com.atproto.repo.createRecord", self._create_record, auth=True)
        self.xrpc("GET", "com.atproto.identity.resolveHandle", self._resolve_handle)

    def follows_created(self, subject: str) -> int:
        """How many follow records were created for ``subject`` (a DID)."""
        return sum(
            1
            for r in self.created_records
            if r["collection"] == FOLLOW and r["record"].get("subject") == subject
        )

    def _create_record(self, request: Request, viewer: str | None) -> Response:
        data = request.json()
        collection, record = data.get("collection"), data.get("record") or {}
        if data.get("repo") not in (viewer, self.handle):
            return xrpc_error(400, "InvalidRequest", "Could not find repo")
        problem = _invalid_record(collection, record, self.lists)
        if problem:
            return xrpc_error(400, "InvalidRequest", problem)
        self.created_records.append(data)
        rkey = tid_for(viewer, collection, json.dumps(record, sort_keys=True))
        uri = f"at://{viewer}/{collection}/{rkey}"
        if collection == FOLLOW:
            self.follow(viewer, record["subject"])
            uri = f"at://{viewer}/{FOLLOW}/{tid_for(viewer, record['subject'])}"
        elif collection == LIST:
            fields = {k: v for k, v in record.items() if k in ("description",)}
            uri = self.add_list(viewer, record["name"], **fields)
        elif collection == LIST_ITEM:
            members = self.list_items[record["list"]]
            if record["subject"] not in members:
                members.append(record["subject"])
            uri = f"at://{viewer}/{LIST_ITEM}/{tid_for(record['list'], record['subject'])}"
        return Response(200, {"uri": uri, "cid": f"bafyrei{tid_for(uri)}"})

    def _delete_list_item(self, viewer: str | None, data: dict[str, Any]) -> Response:
        for uri, members in self.list_items.items():
            if self.lists[uri]["creator"] != viewer:
                continue
            for did in list(members):
                if tid_for(uri, did) == data.get("rkey"):
                    members.remove(did)
                    return Response(200, {"commit": {"cid": f"bafyrei{tid_for(did)}", "rev": "r"}})
        return Response(200, {})

    def _resolve_handle(self, request: Request, viewer: str | None) -> Response:
        did = self.handles.get((request.arg("handle") or "").lower())
        if did is None:
            return xrpc_error(400, "InvalidRequest", "Unable to resolve handle")
        return Response(200, {"did": did})


FOLLOW, LIST, LIST_ITEM = "app.bsky.graph.follow", "app.bsky.graph.list", "app.bsky.graph.listitem"


def _invalid_record(
    collection: str | None, record: dict[str, Any], lists: dict[str, Any]
) -> str | None:
    """The validation message the PDS gives for a record it refuses, or None."""
    if record.get("$type") != collection or not record.get("createdAt"):
        return f"Invalid {collection} record: Record/$type and createdAt are required"
    if collection in (FOLLOW, LIST_ITEM) and not str(record.get("subject", "")).startswith("did:"):
        return f"Invalid {collection} record: Record/subject must be a valid did"
    if collection == LIST_ITEM and record.get("list") not in lists:
        return f"Invalid {collection} record: Record/list must be an existing list"
    if collection == LIST and not record.get("name"):
        return f"Invalid {collection} record: Record/name is required"
    if collection not in (FOLLOW, LIST, LIST_ITEM):
        return f"Unsupported collection {collection}"
    return None


def _time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def post_tags(record: dict[str, Any]) -> set[str]:
    tags = {
        f.get("tag", "").lower()
        for facet in record.get("facets", [])
        for f in facet.get("features", [])
        if f.get("$type") == TAG_FEATURE
    }
    return tags | {t.lower() for t in record.get("tags", [])}


def _post_matches(record: dict[str, Any], query: str, tags: list[str]) -> bool:
    present = post_tags(record)
    if any(tag not in present for tag in tags):
        return False
    text = record.get("text", "").lower()
    for word in query.lower().split():
        if word.startswith("#"):
            if word[1:] not in present:
                return False
        elif word not in text:
            return False
    return True
