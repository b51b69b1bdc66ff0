"""Profile references (``@user@instance``, ``x.com/handle``, ``linkedin.com/in/slug``) and the
cross-platform identities they reveal: when one profile names another, both are one person."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from audience.matching.names import url_domain
from audience.store import Store, now_iso

PLATFORM_ALIASES = {
    "x": "x",
    "twitter": "x",
    "x.com": "x",
    "twitter.com": "x",
    "bluesky": "bluesky",
    "bsky": "bluesky",
    "bsky.app": "bluesky",
    "mastodon": "mastodon",
    "fediverse": "mastodon",
    "linkedin": "linkedin",
    "linkedin.com": "linkedin",
}
_X_RESERVED = frozenset(
    ["i", "intent", "share", "home", "search", "hashtag", "explore", "settings", "messages"]
)
_X_URL = re.compile(r"(?:^|[/\s.])(?:twitter|x)\.com/@?([a-z0-9_]{1,15})\b", re.I)
_BSKY_URL = re.compile(r"bsky\.app/profile/([a-z0-9.-]+[a-z0-9])", re.I)
_BSKY_HANDLE = re.compile(r"(?<![\w.@/-])@?([a-z0-9-]+\.bsky\.social)\b", re.I)
_LINKEDIN_URL = re.compile(r"linkedin\.com/in/([a-z0-9%_-]+)", re.I)
_MASTODON_ACCT = re.compile(r"(?<![\w/])@([a-z0-9_]+)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
_MASTODON_URL = re.compile(r"https?://([a-z0-9-]+(?:\.[a-z0-9-]+)+)/@([a-z0-9_]+)\b", re.I)
# Text each pattern above needs ("x.com/", "linkedin.com/in/", "bsky", "@", "https://"): most
# bios have none, and one search rules all six patterns out.
_ANY_REF = re.compile(r"\.com/|bsky|@|://", re.I)
_NOT_MASTODON_HOSTS = frozenset(
    {
        "x.com",
        "twitter.com",
        "bsky.app",
        "medium.com",
        "youtube.com",
        "tiktok.com",
        "instagram.com",
        "threads.net",
    }
)


def profile_refs(text: str | None) -> set[tuple[str, str]]:
    """Every (platform, key) a free text names; keys as :func:`account_ref_keys` builds them."""
    if not text or not _ANY_REF.search(text):
        return set()
    refs: set[tuple[str, str]] = set()
    for handle in _X_URL.findall(text):
        if handle.lower() not in _X_RESERVED:
            refs.add(("x", handle.lower()))
    for handle in _BSKY_URL.findall(text) + _BSKY_HANDLE.findall(text):
        refs.add(("bluesky", handle.lower()))
    for slug in _LINKEDIN_URL.findall(text):
        refs.add(("linkedin", slug.lower().rstrip("/")))
    for user, host in _MASTODON_ACCT.findall(text):
        if not host.lower().endswith("bsky.social"):
            refs.add(("mastodon", f"{user}@{host}".lower()))
    for host, user in _MASTODON_URL.findall(text):
        if url_domain(host) not in _NOT_MASTODON_HOSTS:
            refs.add(("mastodon", f"{user}@{host}".lower()))
    return refs


def card_refs(platform_label: str, value: str) -> set[tuple[str, str]]:
    """A handle or URL written in a contact card under a service label (vCard X-SOCIALPROFILE)."""
    value = (value or "").strip()
    found = profile_refs(value)
    if found:
        return found
    platform = PLATFORM_ALIASES.get((platform_label or "").strip().lower())
    if not platform or not value or "/" in value:
        return set()
    handle = value.lower().lstrip("@")
    if platform == "mastodon" and "@" not in handle:
        return set()  # a bare Mastodon user name says nothing about the server
    return {(platform, handle)}


def account_ref_keys(platform: str, handle: str | None, url: str | None) -> set[str]:
    """The keys under which other profiles and cards may name this account."""
    keys: set[str] = set()
    if handle:
        handle = handle.lower().lstrip("@")
        keys.add(handle)
        if platform == "mastodon" and "@" not in handle and url:
            keys.add(f"{handle}@{url_domain(url)}")
    if url:
        keys.update(key for plat, key in profile_refs(url) if plat == platform)
    return keys


@dataclass
class IdentitySummary:
    links: int = 0
    people_created: int = 0
    conflicts: list[dict] = field(default_factory=list)


def account_ref_index(store: Store, platforms: Iterable[str]) -> dict[tuple[str, str], int]:
    """(platform, key) -> account row id, for stored accounts."""
    index: dict[tuple[str, str], int] = {}
    marks = ",".join("?" * len(list(platforms)))
    for row in store.execute(
        f"SELECT id, platform, handle, url FROM accounts WHERE platform IN ({marks})",
        list(platforms),
    ):
        for key in account_ref_keys(row[1], row[2], row[3]):
            index.setdefault((row[1], key), row[0])
    return index


def link_identities(store: Store) -> IdentitySummary:
    """Link accounts whose bio, website or URL names an account on another platform.

    The links are decided in Python over what a few queries loaded (person of each account,
    rejected matches) and written in batches: a handful of statements, whatever the count."""
    summary = IdentitySummary()
    platforms = [r[0] for r in store.execute("SELECT DISTINCT platform FROM accounts")]
    if not platforms:
        return summary
    index = account_ref_index(store, platforms)
    with store.transaction():
        rows = store.execute(
            "SELECT id, platform, handle, bio, website FROM accounts "
            "WHERE bio LIKE '%.%' OR website IS NOT NULL OR bio LIKE '%@%'"
        ).fetchall()
        pairs = []
        for account_id, platform, handle, bio, website in rows:
            text = " ".join(t for t in (bio, website) if t)
            for ref in profile_refs(text):
                other = index.get(ref)
                if other is None or ref[0] == platform or other == account_id:
                    continue
                pairs.append((account_id, other, f"{platform} @{handle} names {ref[0]} {ref[1]}"))
        if pairs:
            links = _Links(store, {a for pair in pairs for a in pair[:2]}, summary)
            for a, b, detail in pairs:
                links.link(a, b, detail)
            links.write()
    return summary


class _Links:
    """The state link_identities reads and writes, held in memory for one run: the person of
    every account involved, the rejected (person, account) pairs, and the writes to make."""

    def __init__(self, store: Store, account_ids: set[int], summary: IdentitySummary):
        self.store = store
        self.summary = summary
        store.execute("CREATE TEMP TABLE IF NOT EXISTS _identity_ids (id INTEGER PRIMARY KEY)")
        store.execute("DELETE FROM _identity_ids")
        store.db.conn.executemany(
            "INSERT INTO _identity_ids VALUES (?)", [(i,) for i in account_ids]
        )
        self.accounts = {
            row[0]: row[1:]  # id -> (platform, display_name, handle)
            for row in store.execute(
                "SELECT a.id, a.platform, a.display_name, a.handle FROM accounts a "
                "JOIN _identity_ids i ON i.id = a.id"
            )
        }
        self.person_of: dict[int, int | None] = dict(
            store.execute(
                "SELECT a.id, a.person_id FROM accounts a JOIN _identity_ids i ON i.id = a.id"
            ).fetchall()
        )
        store.execute("DROP TABLE _identity_ids")
        self.rejected = set(
            store.execute("SELECT person_id, account_id FROM matches WHERE status = 'rejected'")
        )
        self.next_person = (store.scalar("SELECT max(id) FROM people") or 0) + 1
        self.new_people: list[tuple[int, str, str, str]] = []
        self.new_matches: list[tuple[int, str, str, str, int]] = []

    def link(self, a: int, b: int, detail: str) -> None:
        person_a, person_b = self.person_of.get(a), self.person_of.get(b)
        if person_a and person_b and person_a != person_b:
            self.summary.conflicts.append(
                {"accounts": [a, b], "people": [person_a, person_b], "detail": detail}
            )
            return
        person = person_a or person_b
        if person and ((person, a) in self.rejected or (person, b) in self.rejected):
            return  # someone already said this account is not this person
        person = person or self._new_person(a)
        evidence = json.dumps([{"kind": "profile_link", "detail": detail, "weight": 1.0}])
        created = now_iso()
        for account_id in (a, b):
            self.person_of[account_id] = person
            self.new_matches.append(
                (person, self.accounts[account_id][0], evidence, created, account_id)
            )
        self.summary.links += 1

    def _new_person(self, account_id: int) -> int:
        from audience.matching.names import clean_display_name

        _platform, display, handle = self.accounts[account_id]
        name = (display and clean_display_name(display) and display.strip()) or handle
        created = now_iso()
        person = self.next_person
        self.next_person += 1
        self.new_people.append((person, name, created, created))
        self.summary.people_created += 1
        return person

    def write(self) -> None:
        conn = self.store.db.conn
        conn.executemany(
            "INSERT INTO people (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
            self.new_people,
        )
        linked = {account_id: person for person, *_, account_id in self.new_matches}
        conn.executemany(
            "UPDATE accounts SET person_id = ? WHERE id = ?",
            [(person, account_id) for account_id, person in linked.items()],
        )
        conn.executemany(
            "INSERT INTO matches (person_id, account_id, platform, score, evidence, method, "
            "status, decided_by, created_at) VALUES (?, ?, ?, 1.0, ?, 'identity', 'accepted', "
            "'auto', ?) ON CONFLICT (person_id, account_id) DO NOTHING",
            [
                (person, account_id, platform, evidence, created)
                for person, platform, evidence, created, account_id in self.new_matches
            ],
        )
