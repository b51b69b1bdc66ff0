"""A fake Mastodon instance speaking /api/v1 as recorded in tests/fixtures/mastodon.

In-memory dataset: accounts, follows (paged by internal follow ids through ``Link`` headers, as
the real server does), statuses with tags, and the token owner's lists. Build it with
:meth:`FakeMastodon.add_account`, :meth:`follow`, :meth:`add_status`, :meth:`add_list`, or load the
recordings with :meth:`load_fixtures`. :meth:`add_synthetic_followers` serves huge follower lists
from generated accounts without storing them.
"""

from __future__ import annotations

import copy
import json
import re
import socket
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.fakes.server import FakeAPI, Request, Response

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mastodon"
FOLLOW_ID_TOP = 10_000_000  # internal follow ids count down from here, newest first
SYNTHETIC_ID_BASE = 900_000_000_000_000_000


def recorded_body(name: str, index: int = 0) -> Any:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data["interactions"][index]["response"]["body"]


def error(status: int, message: str) -> Response:
    return Response(status, {"error": message})


class SyntheticAccounts(Sequence[str]):
    """``count`` generated account ids, served as real-looking accounts on demand."""

    def __init__(self, prefix: str, count: int, base: int):
        self.prefix, self.count, self.base = prefix, count, base

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if not -self.count <= index < self.count:
            raise IndexError(index)
        return str(self.base + index % self.count)

    def number(self, account_id: str) -> int | None:
        if not account_id.isdigit():
            return None
        number = int(account_id) - self.base
        return number if 0 <= number < self.count else None

    def __contains__(self, account_id: object) -> bool:
        return isinstance(account_id, str) and self.number(account_id) is not None


class FakeMastodon(FakeAPI):
    RATE_LIMIT = 300
    RATE_WINDOW = 300

    def __init__(self, token: str = "fake-token-Zq8Wm3Kd9", instance_v2: bool = True):
        super().__init__()
        self.token = token
        self.instance_v2 = instance_v2
        self.accounts: dict[str, dict[str, Any]] = {}
        self.by_acct: dict[str, str] = {}
        self.following: dict[str, Sequence[str]] = {}
        self.followers: dict[str, Sequence[str]] = {}
        self.statuses: list[dict[str, Any]] = []
        self.lists: dict[str, dict[str, Any]] = {}
        self.list_members: dict[str, list[str]] = {}
        self.unfollowed: list[str] = []
        self._edges: set[tuple[str, str]] = set()
        self._synthetic: list[SyntheticAccounts] = []
        self._served = 0
        owner = recorded_body("account_follow_unfollow.mastodonpy_localhost.json")
        self.me_id = self.add_account(owner["username"], id=owner["id"], template=owner)
        self._register_routes()

    def start(self) -> str:
        url = super().start()
        # Without it, Nagle's algorithm holds the body behind the headers for ~40 ms a page.
        self._server.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return url

    # ---- dataset ------------------------------------------------------------------------

    def add_account(
        self, acct: str, id: str | None = None, template: dict[str, Any] | None = None, **fields
    ) -> str:
        """Add an account; ``acct`` is ``user`` for a local account or ``user@host``."""
        account = copy.deepcopy(template or recorded_body("account.rtoot_fosstodon.json"))
        account.pop("source", None)
        account.pop("role", None)
        account_id = str(id or 110_000_000_000_000_000 + len(self.accounts))
        username = acct.split("@")[0]
        if template is None:
            account.update(
                username=username,
                display_name=username.title(),
                url=f"https://example.social/@{username}",
                uri=f"https://example.social/users/{username}",
            )
        account.update(id=account_id, acct=acct, **fields)
        self.accounts[account_id] = account
        self.by_acct[acct.lower()] = account_id
        self.following.setdefault(account_id, [])
        self.followers.setdefault(account_id, [])
        return account_id

    def add_recorded(self, account: dict[str, Any]) -> str:
        return self.add_account(account["acct"], id=account["id"], template=account)

    def follow(self, src: str, dst: str) -> None:
        if (src, dst) in self._edges:
            return
        for table, key, value in ((self.following, src, dst), (self.followers, dst, src)):
            edges = table.setdefault(key, [])
            if not isinstance(edges, list):
                raise TypeError(f"{key} has synthetic edges; add real ones before them")
            edges.append(value)
        self._edges.add((src, dst))

    def add_synthetic_followers(self, account_id: str, count: int, prefix: str = "fan") -> None:
        base = SYNTHETIC_ID_BASE + len(self._synthetic) * 10_000_000
        accounts = SyntheticAccounts(prefix, count, base)
        self._synthetic.append(accounts)
        self.followers[account_id] = accounts

    def add_status(
        self,
        author: str,
        html: str,
        tags: Sequence[str] = (),
        language: str | None = "en",
        created_at: str | None = None,
    ) -> str:
        template = recorded_body("timeline_hashtag.rtoot_fosstodon_rstats.json")[0]
        status_id = str(115_000_000_000_000_000 + len(self.statuses))
        status = copy.deepcopy(template)
        status.update(
            id=status_id,
            content=html,
            language=language,
            account=author,  # replaced by the account entity when served
            created_at=created_at or datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            tags=[{"name": t.lower(), "url": f"https://example.social/tags/{t}"} for t in tags],
            url=f"https://example.social/@x/{status_id}",
            media_attachments=[],
        )
        self.statuses.append(status)
        self.statuses.sort(key=lambda s: int(s["id"]), reverse=True)
        return status_id

    def add_list(self, title: str, members: Sequence[str] = ()) -> str:
        list_id = str(7000 + len(self.lists))
        self.lists[list_id] = {
            "id": list_id,
            "title": title,
            "replies_policy": "list",
            "exclusive": False,
        }
        self.list_members[list_id] = list(members)
        return list_id

    def load_fixtures(self) -> dict[str, str]:
        """The recorded fosstodon data: @schochastics, 3 followed and 3 followers, the #rstats
        timeline, account search results and list 7351 owned by the token owner."""
        david = self.add_recorded(recorded_body("account.rtoot_fosstodon.json"))
        for account in recorded_body("account_following.rtoot_fosstodon.json"):
            self.follow(david, self.add_recorded(account))
        for account in recorded_body("account_followers.rtoot_fosstodon.json"):
            self.follow(self.add_recorded(account), david)
        for account in recorded_body("account_search.rtoot_fosstodon.json"):
            self.add_recorded(account)
        for status in recorded_body("timeline_hashtag.rtoot_fosstodon_rstats.json"):
            author = self.add_recorded(status["account"])
            self.statuses.append({**status, "account": author})
        self.statuses.sort(key=lambda s: int(s["id"]), reverse=True)
        listed = recorded_body("list.rtoot_fosstodon.json")
        self.lists[listed["id"]] = listed
        members = recorded_body("list_accounts.rtoot_fosstodon.json")
        self.list_members[listed["id"]] = [self.add_recorded(a) for a in members]
        return {"david": david, "list": listed["id"]}

    # ---- views --------------------------------------------------------------------------

    def account_view(self, account_id: str) -> dict[str, Any]:
        if account_id in self.accounts:
            return self.accounts[account_id]
        for accounts in self._synthetic:
            number = accounts.number(account_id)
            if number is not None:
                name = f"{accounts.prefix}{number}"
                return {
                    **self.accounts[self.me_id],
                    "id": account_id,
                    "username": name,
                    "acct": f"{name}@remote.example",
                    "display_name": name.title(),
                    "note": "<p>generated</p>",
                    "url": f"https://remote.example/@{name}",
                    "uri": f"https://remote.example/users/{name}",
                }
        raise KeyError(account_id)

    def status_view(self, status: dict[str, Any]) -> dict[str, Any]:
        return {**status, "account": self.account_view(status["account"])}

    def rate_headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.RATE_LIMIT),
            "X-RateLimit-Remaining": str(max(0, self.RATE_LIMIT - self._served % self.RATE_LIMIT)),
            "X-RateLimit-Reset": _iso_reset(self.RATE_WINDOW),
        }

    @staticmethod
    def rate_limited(reset_at: datetime) -> Response:
        """A 429 as rack-attack sends it, for :meth:`inject`."""
        reset = reset_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return Response(
            429,
            {"error": "Too many requests"},
            {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset},
        )

    # ---- wire ---------------------------------------------------------------------------

    def api(self, method: str, pattern: str, handler, auth: bool = False) -> None:
        def serve(request: Request, match: re.Match[str]) -> Response:
            header = request.headers.get("authorization", "")
            if header and header != f"Bearer {self.token}":
                response = error(401, "The access token is invalid")
            elif auth and not header:
                response = error(401, "This API requires an authenticated user")
            else:
                response = handler(request, *match.groups())
            self._served += 1
            response.headers = {**self.rate_headers(), **response.headers}
            return response

        self.route(method, pattern, serve)

    def _register_routes(self) -> None:
        self.route("GET", r"/api/v2/instance/?", self._instance)
        self.api("GET", r"/api/v1/accounts/verify_credentials", self._me, auth=True)
        self.api("GET", r"/api/v1/accounts/lookup", self._lookup)
        self.api("GET", r"/api/v1/accounts/search", self._search_accounts, auth=True)
        self.api("GET", r"/api/v1/accounts/(\d+)", self._account)
        self.api("GET", r"/api/v1/accounts/(\d+)/(following|followers)", self._follows)
        self.api("GET", r"/api/v1/accounts/(\d+)/lists", self._account_lists, auth=True)
        self.api("POST", r"/api/v1/accounts/(\d+)/unfollow", self._unfollow, auth=True)
        self.api("GET", r"/api/v1/lists", self._lists, auth=True)
        self.api("GET", r"/api/v1/lists/(\d+)/accounts", self._list_accounts, auth=True)
        self.api("GET", r"/api/v1/timelines/tag/([^/]+)", self._tag_timeline)
        self.api("GET", r"/api/v2/search", self._search)
        self._listening_routes()
        self._write_routes()

    def _instance(self, request: Request, match: re.Match[str]) -> Response:
        if not self.instance_v2:
            return error(404, "Not Found")
        feeds = {"local": "public", "remote": "public"}
        return Response(
            200,
            {
                "domain": "fake.example",
                "version": "4.4.0",
                "api_versions": {"mastodon": 6},
                "configuration": {
                    "timelines_access": {
                        "live_feeds": feeds,
                        "hashtag_feeds": feeds,
                        "trending_link_feeds": feeds,
                    }
                },
            },
        )

    def _link(self, request: Request, next_max: str | None, prev_since: str | None) -> str:
        links = []
        base = f"{self.base_url}{request.path}"
        limit = request.arg("limit")
        for rel, key, value in (("next", "max_id", next_max), ("prev", "since_id", prev_since)):
            if value is not None:
                params = {"limit": limit} if limit else {}
                links.append(f'<{base}?{urlencode({**params, key: value})}>; rel="{rel}"')
        return ", ".join(links)

    def _paged_accounts(
        self, request: Request, ids: Sequence[str], default: int = 40, top: int = 80
    ) -> Response:
        limit = min(int(request.arg("limit") or default), top)
        if limit == 0:  # lists/:id/accounts?limit=0 means all
            limit = len(ids)
        max_id = request.arg("max_id")
        start = FOLLOW_ID_TOP - int(max_id) + 1 if max_id else 0
        chunk = ids[start : start + limit]
        body = [self.account_view(account_id) for account_id in chunk]
        headers = {}
        if chunk:
            full = len(chunk) == limit  # the real server links "next" from any full page
            next_max = str(FOLLOW_ID_TOP - (start + len(chunk) - 1)) if full else None
            headers["Link"] = self._link(request, next_max, str(FOLLOW_ID_TOP - start))
        return Response(200, body, headers)

    def _me(self, request: Request) -> Response:
        return Response(200, self.account_view(self.me_id))

    def _find_acct(self, acct: str) -> str | None:
        acct = acct.lstrip("@").lower()
        user, _, host = acct.partition("@")
        return self.by_acct.get(acct) or (self.by_acct.get(user) if host == self.host else None)

    @property
    def host(self) -> str:
        return self.base_url.split("://", 1)[1].lower()

    def _lookup(self, request: Request) -> Response:
        account_id = self._find_acct(request.arg("acct") or "")
        if account_id is None:
            return error(404, "Record not found")
        return Response(200, self.account_view(account_id))

    def _account(self, request: Request, account_id: str) -> Response:
        try:
            return Response(200, self.account_view(account_id))
        except KeyError:
            return error(404, "Record not found")

    def _follows(self, request: Request, account_id: str, relation: str) -> Response:
        if account_id not in self.accounts:
            return error(404, "Record not found")
        table = self.following if relation == "following" else self.followers
        return self._paged_accounts(request, table.get(account_id, []))

    def _account_lists(self, request: Request, account_id: str) -> Response:
        if account_id not in self.accounts:
            return error(404, "Record not found")
        body = [v for k, v in self.lists.items() if account_id in self.list_members.get(k, [])]
        return Response(200, body)

    def _unfollow(self, request: Request, account_id: str) -> Response:
        if account_id not in self.accounts:
            return error(404, "Record not found")
        self.unfollowed.append(account_id)
        if (self.me_id, account_id) in self._edges:
            self._edges.discard((self.me_id, account_id))
            self.following[self.me_id].remove(account_id)
            self.followers[account_id].remove(self.me_id)
        relationship = recorded_body("account_follow_unfollow.mastodonpy_localhost.json", 2)
        return Response(200, {**relationship, "id": account_id})

    def _lists(self, request: Request) -> Response:
        return Response(200, list(self.lists.values()))

    def _list_accounts(self, request: Request, list_id: str) -> Response:
        if list_id not in self.lists:
            return error(404, "Record not found")
        return self._paged_accounts(request, self.list_members[list_id])

    def _search_accounts(self, request: Request) -> Response:
        query = (request.arg("q") or "").lower()
        limit = min(int(request.arg("limit") or 40), 80)
        hits = [
            a
            for a in self.accounts.values()
            if query in f"{a['acct']} {a.get('display_name', '')}".lower()
        ]
        return Response(200, hits[:limit])

    def _tag_timeline(self, request: Request, tag: str) -> Response:
        limit = min(int(request.arg("limit") or 20), 40)
        max_id, since_id = request.arg("max_id"), request.arg("since_id")
        hits = [
            s
            for s in self.statuses
            if tag.lower() in {t["name"].lower() for t in s.get("tags", [])}
            and (not max_id or int(s["id"]) < int(max_id))
            and (not since_id or int(s["id"]) > int(since_id))
        ][:limit]
        headers = {}
        if hits:
            links = [
                f"<{self.base_url}{request.path}?limit={limit}&max_id={hits[-1]['id']}>; "
                'rel="next"',
                f'<{self.base_url}{request.path}?limit={limit}&min_id={hits[0]["id"]}>; rel="prev"',
            ]
            headers["Link"] = ", ".join(links)
        return Response(200, [self.status_view(s) for s in hits], headers)

    def _search(self, request: Request) -> Response:
        authed = bool(request.headers.get("authorization"))
        if (request.arg("offset") or request.arg("resolve") == "true") and not authed:
            return error(401, "Search queries with offset or resolve require a valid access token")
        words = (request.arg("q") or "").lower().split()
        limit = min(int(request.arg("limit") or 20), 40)
        offset = int(request.arg("offset") or 0)
        hits = [s for s in self.statuses if words and all(w in s["content"].lower() for w in words)]
        statuses = [self.status_view(s) for s in hits[offset : offset + limit]]
        return Response(200, {"accounts": [], "statuses": statuses, "hashtags": []})

    # ---- listening: tag history and trending tags (issue 17) -----------------------------

    # ---- writes: follow, relationships, lists -------------------------------------------
    # POST /api/v1/accounts/:id/follow -> Relationship (``requested`` for a locked account);
    # POST /api/v1/lists {title}; POST/DELETE /api/v1/lists/:id/accounts account_ids[] (form
    # body): adding an account the owner does not follow is a 422, a list of someone else 403.

    def _write_routes(self) -> None:
        self.follows_sent: list[str] = []
        self.requested: set[str] = set()
        self.list_writes: list[tuple[str, str, str]] = []  # (action, list id, account id)
        self.api("GET", r"/api/v1/accounts/relationships", self._relationships, auth=True)
        self.api("POST", r"/api/v1/accounts/(\d+)/follow", self._follow, auth=True)
        self.api("POST", r"/api/v1/lists", self._create_list, auth=True)
        self.api("POST", r"/api/v1/lists/(\d+)/accounts", self._list_add, auth=True)
        self.api("DELETE", r"/api/v1/lists/(\d+)/accounts", self._list_remove, auth=True)
        self.foreign_lists: set[str] = set()  # lists that exist but belong to someone else

    def _relationship(self, account_id: str) -> dict[str, Any]:
        body = recorded_body("account_follow_unfollow.mastodonpy_localhost.json", 2)
        following = (self.me_id, account_id) in self._edges
        return {
            **body,
            "id": account_id,
            "following": following,
            "requested": account_id in self.requested and not following,
            "followed_by": (account_id, self.me_id) in self._edges,
        }

    def _relationships(self, request: Request) -> Response:
        ids = request.query.get("id[]", []) + request.query.get("id", [])
        return Response(200, [self._relationship(i) for i in ids if i in self.accounts])

    def _follow(self, request: Request, account_id: str) -> Response:
        if account_id not in self.accounts:
            return error(404, "Record not found")
        if account_id == self.me_id:
            return error(403, "This action is not allowed")
        self.follows_sent.append(account_id)
        if self.accounts[account_id].get("locked"):
            self.requested.add(account_id)
        else:
            self.follow(self.me_id, account_id)
        return Response(200, self._relationship(account_id))

    def _create_list(self, request: Request) -> Response:
        form = _form(request)
        title = (form.get("title") or [""])[0]
        if not title:
            return error(422, "Validation failed: Title can't be blank")
        list_id = str(50_000 + len(self.lists))
        replies = (form.get("replies_policy") or ["list"])[0]
        self.lists[list_id] = {
            "id": list_id,
            "title": title,
            "replies_policy": replies,
            "exclusive": False,
        }
        self.list_members[list_id] = []
        self.list_writes.append(("create", list_id, ""))
        return Response(200, self.lists[list_id])

    def _list_add(self, request: Request, list_id: str) -> Response:
        if list_id in self.foreign_lists:
            return error(403, "This action is not allowed")
        if list_id not in self.lists:
            return error(404, "Record not found")
        ids = _form(request).get("account_ids[]", [])
        for account_id in ids:
            # ListAccount: a follow or a pending follow request must exist (Mastodon 4.x)
            if (self.me_id, account_id) not in self._edges and account_id not in self.requested:
                return error(422, "Validation failed: Account must be following")
        for account_id in ids:
            self.list_writes.append(("add", list_id, account_id))
            if account_id not in self.list_members[list_id]:
                self.list_members[list_id].append(account_id)
        return Response(200, {})

    def _list_remove(self, request: Request, list_id: str) -> Response:
        if list_id not in self.lists:
            return error(404, "Record not found")
        for account_id in _form(request).get("account_ids[]", []):
            self.list_writes.append(("remove", list_id, account_id))
            if account_id in self.list_members[list_id]:
                self.list_members[list_id].remove(account_id)
        return Response(200, {})


    def _listening_routes(self) -> None:
        # tag -> {UTC day -> (uses, accounts)} added on top of the stored statuses
        self.tag_extra: dict[str, dict[str, tuple[int, int]]] = {}
        self.api("GET", r"/api/v1/tags/([^/]+)", self._tag)
        self.api("GET", r"/api/v1/trends/tags", self._trending_tags)
        self.api("GET", r"/api/v1/instance/?", self._instance_v1)

    def add_tag_history(self, tag: str, days: dict[str, tuple[int, int]]) -> None:
        """Uses and accounts per UTC day (``2026-11-19``) beyond the stored statuses."""
        self.tag_extra.setdefault(tag.lower(), {}).update(days)

    def tag_entity(self, tag: str) -> dict[str, Any] | None:
        """A Tag as GET /api/v1/tags/:name returns it: history of the last 7 UTC days, newest
        first, with ``day`` as Unix seconds and every number as a string."""
        name = tag.lower()
        tagged = [s for s in self.statuses if name in {t["name"].lower() for t in s["tags"]}]
        if not tagged and name not in self.tag_extra:
            return None
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        history = []
        for back in range(7):
            day = today - timedelta(days=back)
            key = day.date().isoformat()
            posts = [s for s in tagged if s["created_at"][:10] == key]
            uses, accounts = self.tag_extra.get(name, {}).get(key, (0, 0))
            history.append(
                {
                    "day": str(int(day.timestamp())),
                    "uses": str(len(posts) + uses),
                    "accounts": str(len({s["account"] for s in posts}) + accounts),
                }
            )
        return {
            "name": name,
            "url": f"{self.base_url}/tags/{name}",
            "history": history,
            "following": False,
        }

    def _tag(self, request: Request, tag: str) -> Response:
        entity = self.tag_entity(tag)
        return error(404, "Record not found") if entity is None else Response(200, entity)

    def _instance_v1(self, request: Request) -> Response:
        return Response(200, {"uri": "fake.example", "title": "Fake", "version": "4.4.0"})

    def _trending_tags(self, request: Request) -> Response:
        limit = min(int(request.arg("limit") or 10), 20)
        offset = int(request.arg("offset") or 0)
        names = {t["name"].lower() for s in self.statuses for t in s["tags"]} | set(self.tag_extra)
        tags = [self.tag_entity(name) for name in sorted(names)]
        tags.sort(key=lambda t: -sum(int(h["uses"]) for h in t["history"][:2]))
        return Response(200, tags[offset : offset + limit])


def _iso_reset(window: int) -> str:
    reset = (time.time() // window + 1) * window
    return datetime.fromtimestamp(reset, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _form(request: Request) -> dict[str, list[str]]:
    """Mastodon.py sends POST/DELETE parameters form-encoded in the body."""
    from urllib.parse import parse_qs

    form = parse_qs(request.body.decode(), keep_blank_values=True) if request.body else {}
    for key, values in request.query.items():
        form.setdefault(key, values)
    return form
