"""Targets: people I want to follow me. Their status (do they follow me, since when) comes from
my snapshots; the engage feed lists their recent posts on my topics so I can reply in time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from audience.config import Rules
from audience.crawl import Crawler
from audience.find import resolve_handles
from audience.prune import TopicMatcher
from audience.store import Store, iso, now_iso
from audience.sync import (
    fetch_posts_of,
    interrupted_run_start,
    latest_snapshot,
    presence,
    snapshot_members,
)


def _key(handle: str) -> str:
    return handle.strip().lstrip("@")


def unknown_handles(store: Store, platform: str, handles: list[str]) -> list[str]:
    """Handles not yet in the workspace (they need a look-up on the platform)."""
    return [h for h in handles if store.find_account(platform, _key(h)) is None]


@dataclass
class TargetChange:
    changed: list[str] = field(default_factory=list)  # added, or removed
    already: list[str] = field(default_factory=list)
    unknown: dict[str, str] = field(default_factory=dict)  # handle -> state or "not found"


def add_targets(
    store: Store,
    platform: str,
    handles: list[str],
    *,
    crawler: Crawler | None = None,
    note: str | None = None,
) -> TargetChange:
    """Mark accounts as targets. Handles not in the workspace are looked up through
    ``crawler`` when one is given, and reported as unknown otherwise."""
    result = TargetChange()
    missing = unknown_handles(store, platform, handles)
    if missing and crawler is not None:
        found = resolve_handles(crawler, missing)
        result.unknown.update(found.unknown)
    elif missing:
        result.unknown.update({_key(h): "not in the workspace" for h in missing})
    with store.transaction():
        for handle in handles:
            account = store.find_account(platform, _key(handle))
            if account is None:
                result.unknown.setdefault(_key(handle), "not found")
                continue
            inserted = store.execute(
                "INSERT OR IGNORE INTO targets (account_id, note, added_at) VALUES (?, ?, ?)",
                [account["id"], note, now_iso()],
            ).rowcount
            (result.changed if inserted else result.already).append(account["handle"] or handle)
    return result


def remove_targets(store: Store, platform: str, handles: list[str]) -> TargetChange:
    result = TargetChange()
    with store.transaction():
        for handle in handles:
            account = store.find_account(platform, _key(handle))
            removed = (
                account
                and store.execute(
                    "DELETE FROM targets WHERE account_id = ?", [account["id"]]
                ).rowcount
            )
            if removed:
                result.changed.append(account["handle"] or handle)
            else:
                result.unknown[_key(handle)] = "not a target"
    return result


@dataclass
class TargetStatus:
    account_id: int
    platform: str
    handle: str | None
    display_name: str | None
    url: str | None
    added_at: str
    follows_me: bool | None  # None: no followers snapshot yet
    follows_me_since: str | None
    i_follow: bool | None
    last_post_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def target_status(store: Store, platform: str | None = None) -> list[TargetStatus]:
    """Every target: do they follow me now, since when, and do I follow them."""
    rows = store.query(
        f"""SELECT a.id, a.platform, a.handle, a.display_name, a.url, a.last_post_at, t.added_at
            FROM targets t JOIN accounts a ON a.id = t.account_id
            {"WHERE a.platform = ?" if platform else ""} ORDER BY a.platform, lower(a.handle)""",
        [platform] if platform else [],
    )
    cache: dict[str, tuple[dict, set[int] | None, bool]] = {}
    statuses = []
    for row in rows:
        if row["platform"] not in cache:
            cache[row["platform"]] = _relations(store, row["platform"])
        followers, following, synced = cache[row["platform"]]
        seen = followers.get(row["id"])
        statuses.append(
            TargetStatus(
                account_id=row["id"],
                platform=row["platform"],
                handle=row["handle"],
                display_name=row["display_name"],
                url=row["url"],
                added_at=row["added_at"],
                follows_me=(bool(seen and seen.in_latest) if synced else None),
                follows_me_since=seen.since_at if seen and seen.in_latest else None,
                i_follow=(row["id"] in following) if following is not None else None,
                last_post_at=row["last_post_at"],
            )
        )
    return statuses


def _relations(store: Store, platform: str) -> tuple[dict, set[int] | None, bool]:
    series, followers = presence(store, platform, "followers")
    mine = latest_snapshot(store, platform, "following")
    following = snapshot_members(store, mine.id) if mine else None
    return followers, following, bool(series)


# ---- engage -------------------------------------------------------------------------------


@dataclass
class EngagePost:
    platform: str
    handle: str | None
    text: str
    created_at: str | None
    url: str | None
    topics: list[str]
    likes: int
    reposts: int
    replies: int

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def engage_feed(
    store: Store,
    rules: Rules,
    days: int = 7,
    platform: str | None = None,
    now: datetime | None = None,
) -> list[EngagePost]:
    """My targets' posts of the last ``days`` days on my topics, newest first (every recent
    post when no topics are set)."""
    now = now or datetime.now(UTC)
    since = iso(now - timedelta(days=days))
    rows = store.query(
        f"""SELECT p.*, a.handle,
                   (SELECT group_concat(tag, ' ') FROM post_hashtags h WHERE h.post_id = p.id)
                       AS tags
            FROM posts p JOIN targets t ON t.account_id = p.account_id
            JOIN accounts a ON a.id = p.account_id
            WHERE p.created_at >= ? {"AND p.platform = ?" if platform else ""}
            ORDER BY p.created_at DESC""",
        [since, platform] if platform else [since],
    )
    matcher = TopicMatcher(rules.topics, places=tuple(rules.home_regions))
    feed = []
    for row in rows:
        terms = (
            matcher.terms(row["text"] or "", set((row["tags"] or "").split())) if matcher else set()
        )
        if matcher and not terms:
            continue
        feed.append(
            EngagePost(
                platform=row["platform"],
                handle=row["handle"],
                text=row["text"] or "",
                created_at=row["created_at"],
                url=row["url"],
                topics=sorted(terms),
                likes=row["like_count"] or 0,
                reposts=row["repost_count"] or 0,
                replies=row["reply_count"] or 0,
            )
        )
    return feed


def fetch_target_posts(crawler: Crawler, days: int = 7) -> int:
    """Each target's newest page of posts (``from:handle``) into the store; returns posts
    saved. The newest page only, which is what a week's engage feed needs."""
    platform, store = crawler.platform, crawler.store
    handles = [
        row["handle"]
        for row in store.query(
            "SELECT a.handle FROM targets t JOIN accounts a ON a.id = t.account_id "
            "WHERE a.platform = ? AND a.handle IS NOT NULL AND a.state = 'active'",
            [platform.name],
        )
    ]
    interrupted = interrupted_run_start(store, platform.name, "engage")
    with crawler.recorded("engage", {"targets": len(handles), "days": days}):
        return fetch_posts_of(
            crawler,
            handles,
            days,
            limit=platform.costs["search"].page_size,
            resume_after=interrupted,
        )
