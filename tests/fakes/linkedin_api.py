"""A fake www.linkedin.com for driving the real ``linkedin-api`` client offline.

Serves the login dance the library performs (``GET /uas/authenticate`` for a JSESSIONID cookie,
``POST /uas/authenticate`` with the form, ``GET /`` for the page metadata), then the Voyager
endpoints the toolkit uses:

* ``GET /voyager/api/graphql?variables=(start:N,...)&queryId=voyagerSearchDashClusters.<hash>``:
  people search, built from the recorded 2024 answer in
  ``tests/fixtures/linkedin/search_people...normalized_2024.json``. With
  ``Accept: application/vnd.linkedin.normalized+json+2.1`` it answers in that recorded normalized
  shape (``$type`` keys, ``*entityResult`` URN references into ``included``); otherwise in the
  inline ``_type`` shape that linkedin-api 2.3.1's own parser expects. Pages by ``start``.
* ``GET /voyager/api/identity/profiles/<public id or urn id>/profileView``: the keys
  ``Linkedin.get_profile`` reads, derived from the same recorded people.
* ``GET /voyager/api/me``: the logged-in member.

Voyager calls need the ``li_at`` cookie and a ``csrf-token`` header equal to JSESSIONID, as on the
real site.
"""

from __future__ import annotations

import copy
import json
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.fakes.server import FakeAPI, Request, Response

FIXTURE = (
    Path(__file__).parent.parent
    / "fixtures"
    / "linkedin"
    / "search_people.graphql_voyagerSearchDashClusters.normalized_2024.json"
)
NORMALIZED = "application/vnd.linkedin.normalized+json+2.1"
RECORDED_QUERY_IDS = {
    "voyagerSearchDashClusters.806ff371aaae722f7d7ecee7a3e83900",  # the 2024 browser capture
    "voyagerSearchDashClusters.b0928897b71bd00a5a7291755dcd64f0",  # linkedin-api 2.3.1
}
APPLICATION_INSTANCE = json.dumps(
    {"applicationUrn": "urn:li:application:(voyager-web,voyager-web)", "version": "1.13.9999"}
)
HOME_PAGE = f"""<!DOCTYPE html><html><head>
<meta name="applicationInstance" content='{APPLICATION_INSTANCE}'>
<meta name="clientPageInstanceId" content="0f3c0a1e-fake-4e4b-9d0c-aaaaaaaaaaaa">
</head><body>LinkedIn</body></html>"""


def _load_recorded() -> dict[str, Any]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data["interactions"][0]["response"]["body"]


def _profile_id(urn: str) -> str:
    match = re.search(r"urn:li:fsd_profile:([^,)]+)", urn)
    assert match, urn
    return match.group(1)


def _slug(navigation_url: str) -> str:
    return urlsplit(navigation_url).path.removeprefix("/in/").strip("/")


class FakeLinkedIn(FakeAPI):
    def __init__(
        self,
        username: str = "pr-team@example.com",
        password: str = "correct horse battery staple",
        page_size: int = 10,
    ) -> None:
        super().__init__()
        self.username = username
        self.password = password
        self.page_size = page_size
        # what POST /uas/authenticate answers for good credentials: PASS, CHALLENGE...
        self.login_result = "PASS"
        # answer POST /uas/authenticate with this instead (e.g. a bare 401), when set
        self.login_answer: Response | None = None
        self.jsessionid = f"ajax:{secrets.randbelow(10**18):018d}"
        self.li_at = "AQEDAR" + secrets.token_urlsafe(24)
        self.query_ids = set(RECORDED_QUERY_IDS)
        self.recorded = _load_recorded()
        self.people = self._people_in_order()
        self.me = self.people[0]
        self.route("GET", r"/uas/authenticate", self._session_cookies)
        self.route("POST", r"/uas/authenticate", self._authenticate)
        self.route("GET", r"/", self._home)
        self.route("GET", r"/voyager/api/graphql", self._search)
        self.route("GET", r"/voyager/api/identity/profiles/([^/]+)/profileView", self._profile)
        self.route("GET", r"/voyager/api/me", self._me)

    # ---- recorded data ------------------------------------------------------------------

    def _people_in_order(self) -> list[dict[str, Any]]:
        by_urn = {e["entityUrn"]: e for e in self.recorded["included"] if "entityUrn" in e}
        clusters = self.recorded["data"]["data"]["searchDashClustersByAll"]["elements"]
        people = []
        for cluster in clusters:
            for item in cluster["items"]:
                ref = item["item"].get("*entityResult")
                if ref:
                    people.append(by_urn[ref])
        return people

    def find_person(self, public_or_urn_id: str) -> dict[str, Any] | None:
        for person in self.people:
            if public_or_urn_id in (
                _slug(person["navigationUrl"]),
                _profile_id(person["entityUrn"]),
            ):
                return person
        return None

    # ---- login ----------------------------------------------------------------------------

    def _set_cookies(self, *cookies: str) -> dict[str, str]:
        # FakeAPI sends one header per dict key; header names are case-insensitive on the wire,
        # so differently-cased keys let one answer carry several Set-Cookie headers.
        names = ["Set-Cookie", "set-cookie", "SET-COOKIE", "Set-cookie"]
        return {names[i]: f"{c}; Path=/; Max-Age=31536000" for i, c in enumerate(cookies)}

    def _session_cookies(self, request: Request, match: re.Match[str]) -> Response:
        cookies = self._set_cookies(f'JSESSIONID="{self.jsessionid}"', "lang=v=2&lang=en-us")
        return Response(200, {}, headers=cookies)

    def _authenticate(self, request: Request, match: re.Match[str]) -> Response:
        if self.login_answer is not None:
            return self.login_answer
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if form.get("JSESSIONID") != f'"{self.jsessionid}"' or not self._cookie_has_jsessionid(
            request
        ):
            return Response(401, {"login_result": "UNAUTHORIZED"})
        if form.get("session_key") != self.username:
            return Response(200, {"login_result": "BAD_EMAIL"})
        if form.get("session_password") != self.password:
            return Response(200, {"login_result": "BAD_PASSWORD"})
        if self.login_result != "PASS":
            challenge = f"/checkpoint/challenge/{secrets.token_hex(8)}"
            return Response(200, {"login_result": self.login_result, "challenge_url": challenge})
        cookies = self._set_cookies(f"li_at={self.li_at}", f'JSESSIONID="{self.jsessionid}"')
        return Response(200, {"login_result": "PASS"}, headers=cookies)

    def _home(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, raw=HOME_PAGE.encode(), headers={"Content-Type": "text/html"})

    def _cookie_has_jsessionid(self, request: Request) -> bool:
        return f'JSESSIONID="{self.jsessionid}"' in request.headers.get("cookie", "")

    def _refusal(self, request: Request) -> Response | None:
        if f"li_at={self.li_at}" not in request.headers.get("cookie", ""):
            return Response(401, {"status": 401, "message": "Unauthorized"})
        if request.headers.get("csrf-token") != self.jsessionid:
            return Response(403, {"status": 403, "message": "CSRF check failed"})
        return None

    # ---- Voyager ------------------------------------------------------------------------

    def _search(self, request: Request, match: re.Match[str]) -> Response:
        if refusal := self._refusal(request):
            return refusal
        if request.arg("queryId") not in self.query_ids:
            return Response(400, {"status": 400, "message": "Invalid query id"})
        variables = request.arg("variables") or ""
        start = int(re.search(r"\(start:(\d+)", variables).group(1))
        matching = [p for p in self.people if self._matches(p, variables)]
        page = matching[start : start + self.page_size]
        body = self._normalized_page(page, start, len(matching))
        if NORMALIZED not in request.headers.get("accept", ""):
            body = _denormalized(body)
        return Response(200, body)

    def _matches(self, person: dict[str, Any], variables: str) -> bool:
        text = " ".join(
            (person.get(key) or {}).get("text") or ""
            for key in ("title", "primarySubtitle", "secondarySubtitle")
        ).lower()
        keywords = re.search(r"query:\(keywords:([^,]*),", variables)
        words = keywords.group(1).lower().split() if keywords else []
        connection_of = re.search(r"\(key:connectionOf,value:List\(([^)]*)\)\)", variables)
        if connection_of and connection_of.group(1) == _profile_id(person["entityUrn"]):
            return False
        company = re.search(r"\(key:company,value:List\(([^)]*)\)\)", variables)
        headline = ((person.get("primarySubtitle") or {}).get("text") or "").lower()
        if company and company.group(1).lower() not in headline:
            return False
        return all(word in text for word in words)

    def _normalized_page(self, page: list[dict], start: int, total: int) -> dict[str, Any]:
        body = copy.deepcopy(self.recorded)
        clusters = body["data"]["data"]["searchDashClustersByAll"]
        people_cluster = clusters["elements"][0]
        template = people_cluster["items"][0]
        people_cluster["items"] = []
        for position, person in enumerate(page, start=start + 1):
            item = copy.deepcopy(template)
            item["item"]["*entityResult"] = person["entityUrn"]
            item["position"] = position
            people_cluster["items"].append(item)
        clusters["elements"] = [people_cluster, *clusters["elements"][1:]] if page else []
        clusters["paging"].update(start=start, count=self.page_size, total=total)
        clusters["metadata"]["totalResultCount"] = total
        refs = {p["entityUrn"] for p in page} | {
            p["image"]["attributes"][0]["detailData"]["nonEntityProfilePicture"]["*profile"]
            for p in page
        }
        refs |= {p["*lazyLoadedActions"] for p in page}
        body["included"] = [
            copy.deepcopy(e) for e in self.recorded["included"] if e.get("entityUrn") in refs
        ]
        return body

    def _profile(self, request: Request, match: re.Match[str]) -> Response:
        if refusal := self._refusal(request):
            return refusal
        person = self.find_person(match.group(1))
        if person is None:
            return Response(404, {"status": 404, "message": "This profile can't be accessed"})
        return Response(200, profile_view(person))

    def _me(self, request: Request, match: re.Match[str]) -> Response:
        if refusal := self._refusal(request):
            return refusal
        mini = profile_view(self.me)["profile"]["miniProfile"]
        return Response(
            200,
            {
                "plainId": int(mini["objectUrn"].rsplit(":", 1)[1]),
                "miniProfile": mini,
                "premiumSubscriber": False,
                "publicContactInfo": {},
            },
        )


def _denormalized(body: dict[str, Any]) -> dict[str, Any]:
    """The non-normalized shape: entity results inline, ``_type`` instead of ``$type``."""
    by_urn = {e["entityUrn"]: e for e in body["included"] if "entityUrn" in e}

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(v) for v in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key == "*entityResult":
                out["entityResult"] = inline(by_urn[value])
            else:
                out["_type" if key == "$type" else key] = inline(value)
        return out

    return {"data": inline(body["data"]["data"])}


def profile_view(person: dict[str, Any]) -> dict[str, Any]:
    """A ``profileView`` answer with the keys linkedin-api's ``get_profile`` reads."""
    urn_id = _profile_id(person["entityUrn"])
    first, _, last = person["title"]["text"].partition(" ")
    headline = (person.get("primarySubtitle") or {}).get("text")
    location = (person.get("secondarySubtitle") or {}).get("text")
    mini = {
        "firstName": first,
        "lastName": last,
        "occupation": headline,
        "publicIdentifier": _slug(person["navigationUrl"]),
        "entityUrn": f"urn:li:fs_miniProfile:{urn_id}",
        "objectUrn": person["trackingUrn"],
        "trackingId": "mNZ3erMDS2eorb+zfxrz7g==",
    }
    empty = {"elements": [], "paging": {"start": 0, "count": 10, "total": 0, "links": []}}
    views = (
        "positionView",
        "educationView",
        "languageView",
        "publicationView",
        "certificationView",
        "volunteerExperienceView",
        "honorView",
        "projectView",
        "skillView",
        "courseView",
        "testScoreView",
        "patentView",
        "organizationView",
        "positionGroupView",
    )
    return {
        "profile": {
            "firstName": first,
            "lastName": last,
            "headline": headline,
            "locationName": location,
            "geoLocationName": location,
            "geoCountryName": "United States",
            "industryName": "Software Development",
            "summary": None,
            "student": False,
            "elt": False,
            "entityUrn": f"urn:li:fs_profile:{urn_id}",
            "miniProfile": mini,
            "defaultLocale": {"country": "US", "language": "en"},
            "supportedLocales": [{"country": "US", "language": "en"}],
            "versionTag": "2870491453",
            "showEducationOnProfileTopCard": True,
        },
        **{name: copy.deepcopy(empty) for name in views},
        "entityUrn": f"urn:li:fs_profileView:{urn_id}",
    }
