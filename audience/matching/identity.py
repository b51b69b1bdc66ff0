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
    if not text:
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
    """Link accounts whose bio, website or URL names an account on another platform."""
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
        for account_id, platform, handle, bio, website in rows:
            text = " ".join(t for t in (bio, website) if t)
            for ref in profile_refs(text):
                other = index.get(ref)
                if other is None or ref[0] == platform or other == account_id:
                    continue
                detail = f"{platform} @{handle} names {ref[0]} {ref[1]}"
                _link_pair(store, account_id, other, detail, summary)
    return summary


def _link_pair(store: Store, a: int, b: int, detail: str, summary: IdentitySummary) -> None:
    person_a = store.scalar("SELECT person_id FROM accounts WHERE id = ?", [a])
    person_b = store.scalar("SELECT person_id FROM accounts WHERE id = ?", [b])
    if person_a and person_b and person_a != person_b:
        summary.conflicts.append(
            {"accounts": [a, b], "people": [person_a, person_b], "detail": detail}
        )
        return
    person = person_a or person_b
    if person and store.scalar(
        "SELECT 1 FROM matches WHERE person_id = ? AND account_id IN (?, ?) "
        "AND status = 'rejected'",
        [person, a, b],
    ):
        return  # someone already said this account is not this person
    person = person or _person_from_account(store, a, summary)
    evidence = json.dumps([{"kind": "profile_link", "detail": detail, "weight": 1.0}])
    for account_id in (a, b):
        store.execute("UPDATE accounts SET person_id = ? WHERE id = ?", [person, account_id])
        store.execute(
            "INSERT INTO matches (person_id, account_id, platform, score, evidence, method, "
            "status, decided_by, created_at) SELECT ?, id, platform, 1.0, ?, 'identity', "
            "'accepted', 'auto', ? FROM accounts WHERE id = ? "
            "ON CONFLICT (person_id, account_id) DO NOTHING",
            [person, evidence, now_iso(), account_id],
        )
    summary.links += 1


def _person_from_account(store: Store, account_id: int, summary: IdentitySummary) -> int:
    from audience.matching.names import clean_display_name

    display, handle = store.execute(
        "SELECT display_name, handle FROM accounts WHERE id = ?", [account_id]
    ).fetchone()
    name = (display and clean_display_name(display) and display.strip()) or handle
    created = now_iso()
    summary.people_created += 1
    return store.execute(
        "INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
        [name, created, created],
    ).fetchone()[0]
