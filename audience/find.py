"""Finding people: topic search, follow-list and List mining, and who influences the mined.

Each function takes a :class:`~audience.crawl.Crawler` (for live work) or just the store (for
ranking what is already stored), so the same ranking serves live crawls and imported archives.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from audience.crawl import Crawler, Estimate, combine, estimate
from audience.errors import AccountUnavailable, NotSupported
from audience.models import Account, ListInfo, Page, Post, parse_time
from audience.platforms.base import Platform
from audience.store import Store, iso

# ---- subjects -----------------------------------------------------------------------------


@dataclass
class Subjects:
    accounts: list[Account]
    unknown: dict[str, str] = field(default_factory=dict)


def resolve_handles(
    crawler: Crawler, handles: list[str], *, reuse_crawled: bool = False
) -> Subjects:
    """Look handles up in the largest batches the platform allows; unknown ones are reported
    and recorded, not fatal. With ``reuse_crawled``, an account whose crawl has begun is taken
    from the workspace for as long as that crawl lives (until ``--refresh``): re-running a
    crawl does not look its subjects up again."""
    platform, store = crawler.platform, crawler.store
    clean = list(dict.fromkeys(h.strip().lstrip("@") for h in handles if h.strip()))
    found: list[Account] = []
    if reuse_crawled and not crawler.refresh:
        found = _crawled_subjects(store, platform.name, clean)
        known = {(a.handle or "").lower() for a in found}
        clean = [h for h in clean if h.lower() not in known]
    batch = platform.costs["lookup"].page_size
    unknown: dict[str, str] = {}
    for start in range(0, len(clean), batch):
        chunk = clean[start : start + batch]
        lookup = crawler.call("lookup", lambda c=chunk: platform.lookup(handles=c))
        with store.transaction():
            store.upsert_accounts(lookup.found)
        found += lookup.found
        unknown.update(lookup.missing)
    return Subjects(found, unknown)


def _crawled_subjects(store: Store, platform: str, handles: list[str]) -> list[Account]:
    """Stored accounts with these handles that some crawl job has as its subject."""
    found = []
    for handle in handles:
        rows = store.query(
            """SELECT a.platform_id, a.handle, a.following_count, a.followers_count
               FROM accounts a WHERE a.platform = ? AND lower(a.handle) = lower(?)
               AND a.state = 'active' AND EXISTS (SELECT 1 FROM crawl_cursors c
                   WHERE c.platform = a.platform AND c.subject = a.platform_id)""",
            [platform, handle],
        )
        if len(rows) == 1:
            r = rows[0]
            found.append(
                Account(
                    platform,
                    r["platform_id"],
                    handle=r["handle"],
                    following_count=r["following_count"],
                    followers_count=r["followers_count"],
                )
            )
    return found


def subjects_from_segment(store: Store, platform: str, segment: str) -> list[Account]:
    rows = store.query(
        """SELECT a.platform_id, a.handle, a.following_count, a.followers_count
           FROM segment_members m JOIN segments s ON s.id = m.segment_id
           JOIN accounts a ON a.id = m.account_id
           WHERE s.name = ? AND a.platform = ? AND m.excluded = 0 AND a.state = 'active'""",
        [segment, platform],
    )
    return [
        Account(
            platform,
            r["platform_id"],
            handle=r["handle"],
            following_count=r["following_count"],
            followers_count=r["followers_count"],
        )
        for r in rows
    ]


# ---- follow lists -------------------------------------------------------------------------


def estimate_follows(platform: Platform, subjects: list[Account], direction: str) -> Estimate:
    counts = [
        (s.following_count if direction == "following" else s.followers_count) or 0
        for s in subjects
    ]
    parts = [estimate(platform, direction, n) for n in counts] or [estimate(platform, direction, 0)]
    return combine(parts)


def crawl_follows(crawler: Crawler, subject: Account, direction: str = "following") -> int:
    """Fetch whom ``subject`` follows (or its followers) into the follows table."""
    platform, store = crawler.platform, crawler.store
    fetch = platform.following if direction == "following" else platform.followers
    with store.transaction():
        store.upsert_accounts([subject])
    count = subject.following_count if direction == "following" else subject.followers_count

    def save(page: Page[Account]) -> int:
        # The subject's row id is taken inside the page's own transaction, like the others',
        # so every id the edges reference exists: the store can skip checking them one by one.
        kept = crawler.forgotten.keep_accounts(page.items)  # a forgotten account stays out
        subject_row, *rows = store.upsert_account_rows([subject, *kept])
        store.add_follow_list(subject_row, rows, direction)
        return len(rows)

    with store.trusted_references():
        result = crawler.run_pages(
            job=f"{platform.name}:{direction}:{subject.platform_id}",
            endpoint=direction,
            subject=subject.platform_id,
            label=f"@{subject.handle or subject.platform_id} {direction}",
            fetch=lambda cursor: fetch(subject.platform_id, cursor),
            save=save,
            expected_pages=(
                math.ceil(count / platform.costs[direction].page_size) if count else None
            ),
        )
    if result.unavailable:
        store.set_account_state(platform.name, subject.platform_id, result.unavailable)
    return result.items


# ---- Lists --------------------------------------------------------------------------------


def crawl_lists(crawler: Crawler, subject: Account) -> dict[str, int]:
    """Lists the subject owns and is on, and the members of each."""
    platform, store = crawler.platform, crawler.store
    found: list[ListInfo] = []
    counts = {"lists": 0, "members": 0}
    for endpoint in ("owned_lists", "list_memberships"):
        fetch = getattr(platform, endpoint)

        def save(page: Page[ListInfo]) -> int:
            owners = store.upsert_accounts(page.accounts)
            for info in page.items:
                owner = owners.get(info.owner_id) if info.owner_id else None
                if info.owner_id and owner is None:
                    owner = store.ensure_account_ids(platform.name, [info.owner_id])[info.owner_id]
                store.upsert_list(info, owner)
            found.extend(page.items)
            return len(page.items)

        try:
            result = crawler.run_pages(
                job=f"{platform.name}:{endpoint}:{subject.platform_id}",
                endpoint=endpoint,
                subject=subject.platform_id,
                label=f"@{subject.handle} {endpoint.replace('_', ' ')}",
                fetch=lambda cursor, f=fetch: f(subject.platform_id, cursor),
                save=save,
            )
        except NotSupported:
            continue
        counts["lists"] += result.items
    for info in _stored_lists(store, platform.name, subject.platform_id, found):
        counts["members"] += crawl_list_members(crawler, info)
    return counts


def _stored_lists(store: Store, platform: str, subject_id: str, fresh: list[ListInfo]):
    """Lists found now, or on an earlier (resumed) run of the same job."""
    seen = {info.platform_id for info in fresh}
    rows = store.query(
        """SELECT l.platform_id, l.name FROM lists l JOIN accounts a ON a.id = l.owner_id
           WHERE l.platform = ? AND a.platform_id = ?""",
        [platform, subject_id],
    )
    extra = [
        ListInfo(platform, r["platform_id"], r["name"])
        for r in rows
        if r["platform_id"] not in seen
    ]
    return fresh + extra


def crawl_list_members(crawler: Crawler, info: ListInfo) -> int:
    platform, store = crawler.platform, crawler.store
    with store.transaction():
        list_row = store.upsert_list(info, None)

    def save(page: Page[Account]) -> int:
        ids = store.upsert_accounts(crawler.forgotten.keep_accounts(page.items))
        store.add_list_members(list_row, ids.values())
        return len(ids)

    return crawler.run_pages(
        job=f"{platform.name}:list_members:{info.platform_id}",
        endpoint="list_members",
        subject=info.platform_id,
        label=f"list {info.name}",
        fetch=lambda cursor: platform.list_members(info.platform_id, cursor),
        save=save,
    ).items


# ---- topic search -------------------------------------------------------------------------


def parse_since(text: str | None, now: datetime | None = None) -> datetime | None:
    """``7d``, ``12h``, ``2w`` (back from ``now``, default the current time) or an ISO date,
    as a UTC datetime."""
    if not text:
        return None
    units = {"h": "hours", "d": "days", "w": "weeks"}
    if text[-1:] in units and text[:-1].isdigit():
        return (now or datetime.now(UTC)) - timedelta(**{units[text[-1]]: int(text[:-1])})
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--since {text!r}: use 7d, 12h, 2w or a date like 2026-11-01") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def search_topic(
    crawler: Crawler,
    query: str,
    *,
    since: datetime | None = None,
    lang: str | None = None,
    limit: int = 100,
) -> int:
    """Search posts for one hashtag or phrase; store posts and their authors."""
    platform, store = crawler.platform, crawler.store

    def save(page: Page[Post]) -> int:
        ids = store.upsert_accounts(crawler.forgotten.keep_accounts(page.accounts))
        gone = {a.platform_id for a in page.accounts} - set(ids)
        gone |= {
            p.author_id
            for p in page.items
            if crawler.forgotten.covers(account_ids=[(platform.name, p.author_id)])
        }
        return store.upsert_posts([p for p in page.items if p.author_id not in gone], ids)

    day = since.date().isoformat() if since else "any"
    return crawler.run_pages(
        job=f"{platform.name}:search:{query.lower()}:{day}:{lang or ''}",
        endpoint="search",
        subject=query,
        label=f"search {query}",
        fetch=lambda cursor: platform.search_posts(query, since=since, lang=lang, cursor=cursor),
        save=save,
        expected_pages=math.ceil(limit / platform.costs["search"].page_size),
        max_items=limit,
    ).items


# ---- ranking ------------------------------------------------------------------------------


@dataclass
class RankedAccount:
    account_id: int
    platform: str
    handle: str | None
    display_name: str | None
    location: str | None
    followers: int | None
    score: float
    reasons: list[str]
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "name": self.display_name,
            "location": self.location,
            "followers": self.followers,
            "score": round(self.score, 3),
            "reasons": self.reasons,
            **self.extra,
        }


def _topic_terms(topics: list[str]) -> tuple[set[str], list[str]]:
    tags = {t.lstrip("#").lower() for t in topics if t.startswith("#")}
    phrases = [t.lower() for t in topics if not t.startswith("#")]
    # A phrase given without "#" also counts when written as a hashtag: "customer service"
    # matches #customerservice.
    tags |= {p.replace(" ", "") for p in phrases}
    return tags, phrases


def rank_topic_authors(
    store: Store,
    topics: list[str],
    *,
    platform: str | None = None,
    since: datetime | None = None,
    near: list[str] | None = None,
    limit: int = 20,
    now: datetime | None = None,
) -> list[RankedAccount]:
    """Authors ranked by how often and how recently they used the topics, the engagement on
    those posts, and their reach (log-damped, so follower count alone never wins)."""
    from audience.geo import account_place, matches_region

    now = now or datetime.now(UTC)
    tags, phrases = _topic_terms(topics)
    posts = store.query(
        f"""SELECT p.id, p.account_id, p.text, p.created_at, p.like_count, p.repost_count,
                   p.reply_count, p.quote_count,
                   (SELECT group_concat(tag, ' ') FROM post_hashtags h WHERE h.post_id = p.id) tags
            FROM posts p JOIN accounts a ON a.id = p.account_id
            WHERE a.state = 'active' {"AND a.platform = ?" if platform else ""}
              {"AND p.created_at >= ?" if since else ""}""",
        [v for v in (platform, iso(since)) if v],
    )
    per_author: dict[int, dict] = defaultdict(
        lambda: {
            "score": 0.0,
            "posts": 0,
            "engagement": 0,
            "latest": None,
            "terms": defaultdict(int),
        }
    )
    for post in posts:
        used = _terms_used(post, tags, phrases)
        if not used:
            continue
        created = parse_time(post["created_at"])
        age_days = max(0.0, (now - created).total_seconds() / 86400) if created else 30.0
        recency = 0.5 ** (age_days / 7)  # a week-old post counts half
        engagement = sum(post[k] or 0 for k in ("like_count", "reply_count", "quote_count"))
        engagement += 2 * (post["repost_count"] or 0)
        entry = per_author[post["account_id"]]
        entry["score"] += (0.5 + recency) * (1 + 0.5 * math.log1p(engagement)) * len(used) ** 0.5
        entry["posts"] += 1
        entry["engagement"] += engagement
        if created and (entry["latest"] is None or created > entry["latest"]):
            entry["latest"] = created
        for term in used:
            entry["terms"][term] += 1
    if not per_author:
        return []
    accounts = {
        row["id"]: row
        for row in store.query(
            "SELECT id, platform, handle, display_name, location, country, region, "
            f"followers_count FROM accounts WHERE id IN ({','.join('?' * len(per_author))})",
            list(per_author),
        )
    }
    ranked = []
    for account_id, entry in per_author.items():
        account = accounts[account_id]
        place = account_place(account)
        if near and not matches_region(place, near):
            continue
        followers = account["followers_count"] or 0
        reach = 1 + 0.15 * math.log10(1 + followers)
        ranked.append(
            RankedAccount(
                account_id=account_id,
                platform=account["platform"],
                handle=account["handle"],
                display_name=account["display_name"],
                location=account["location"],
                followers=account["followers_count"],
                score=entry["score"] * reach,
                reasons=_topic_reasons(entry, followers, place, now),
                extra={"posts": entry["posts"], "country": place.country if place else None},
            )
        )
    ranked.sort(key=lambda r: r.score, reverse=True)
    return ranked[:limit]


def _terms_used(post: dict, tags: set[str], phrases: list[str]) -> list[str]:
    post_tags = set((post["tags"] or "").split())
    text = (post["text"] or "").lower()
    used = [f"#{t}" for t in sorted(tags & post_tags)]
    used += [p for p in phrases if p in text]
    return used


def _topic_reasons(entry: dict, followers: int, place, now: datetime) -> list[str]:
    terms = sorted(entry["terms"].items(), key=lambda kv: -kv[1])
    reasons = [
        f"{entry['posts']} post{'s' * (entry['posts'] != 1)} on "
        + ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in terms[:3])
    ]
    if entry["latest"]:
        days = (now - entry["latest"]).days
        reasons.append("latest today" if days < 1 else f"latest {days}d ago")
    if entry["engagement"]:
        reasons.append(f"{entry['engagement']:,} engagements")
    reasons.append(f"{followers:,} followers")
    if place:
        reasons.append(f"in {place.city + ', ' if place.city else ''}{place.country}")
    return reasons


# ---- influencers of the mined -------------------------------------------------------------


def mined_account_ids(store: Store, platform: str, segment: str | None = None) -> list[int]:
    """Accounts whose follow lists are stored (optionally only members of a segment); the
    workspace owner's own accounts, and people who merely follow them, are left out."""
    # An edge into my own account says the follower follows me, not what they read: it does
    # not make them a mined account.
    sql = """SELECT DISTINCT f.follower_id FROM follows f JOIN accounts a ON a.id = f.follower_id
             WHERE a.platform = ? AND f.follower_id NOT IN (SELECT account_id FROM my_accounts)
               AND f.followed_id NOT IN (SELECT account_id FROM my_accounts)"""
    params: list = [platform]
    if segment:
        sql += """ AND f.follower_id IN (SELECT m.account_id FROM segment_members m
                   JOIN segments s ON s.id = m.segment_id WHERE s.name = ? AND m.excluded = 0)"""
        params.append(segment)
    return [row[0] for row in store.execute(sql, params)]


def rank_influencers(
    store: Store,
    platform: str,
    *,
    segment: str | None = None,
    min_share: float = 0.2,
    limit: int = 25,
    names_shown: int = 5,
) -> tuple[int, list[RankedAccount]]:
    """Accounts followed by the most mined accounts: who influences the influencers.
    Returns (number of mined accounts, ranking)."""
    mined = mined_account_ids(store, platform, segment)
    if not mined:
        return 0, []
    store.execute("CREATE TEMP TABLE IF NOT EXISTS _mined (id INTEGER PRIMARY KEY)")
    store.execute("DELETE FROM _mined")
    store.db.conn.executemany("INSERT INTO _mined VALUES (?)", [(i,) for i in mined])
    threshold = max(1, math.ceil(min_share * len(mined)))
    rows = store.query(
        """SELECT f.followed_id AS id, count(*) AS n
           FROM follows f JOIN _mined m ON m.id = f.follower_id
           WHERE f.followed_id NOT IN (SELECT id FROM _mined)
             AND f.followed_id NOT IN (SELECT account_id FROM my_accounts)
           GROUP BY f.followed_id HAVING n >= ? ORDER BY n DESC, f.followed_id LIMIT ?""",
        [threshold, limit],
    )
    ranked = []
    for row in rows:
        account = store.query(
            "SELECT platform, handle, display_name, location, followers_count FROM accounts "
            "WHERE id = ?",
            [row["id"]],
        )[0]
        followers_of = [
            r["handle"] or r["platform_id"]
            for r in store.query(
                """SELECT a.handle, a.platform_id FROM _mined m
                   CROSS JOIN follows f ON f.follower_id = m.id AND f.followed_id = ?
                   JOIN accounts a ON a.id = m.id
                   ORDER BY a.followers_count DESC LIMIT ?""",
                [row["id"], names_shown],
            )
        ]
        share = row["n"] / len(mined)
        more = row["n"] - len(followers_of)
        ranked.append(
            RankedAccount(
                account_id=row["id"],
                platform=account["platform"],
                handle=account["handle"],
                display_name=account["display_name"],
                location=account["location"],
                followers=account["followers_count"],
                score=share,
                reasons=[
                    f"followed by {row['n']} of {len(mined)} ({share:.0%})",
                    "incl. "
                    + ", ".join("@" + h for h in followers_of)
                    + (f" and {more} more" if more > 0 else ""),
                ],
                extra={"followed_by": row["n"], "share": round(share, 3)},
            )
        )
    return len(mined), ranked


__all__ = [
    "AccountUnavailable",
    "crawl_follows",
    "crawl_lists",
    "rank_influencers",
    "rank_topic_authors",
    "resolve_handles",
    "search_topic",
]


def resolve_ids(crawler: Crawler, ids: list[str]) -> Subjects:
    """Fill in id-only accounts (from an archive) by looking them up in the largest batches;
    ids the platform no longer knows are marked with their state."""
    platform, store = crawler.platform, crawler.store
    batch = platform.costs["lookup"].page_size
    subjects = Subjects([])
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        lookup = crawler.call("lookup", lambda c=chunk: platform.lookup(ids=c))
        with store.transaction():
            store.upsert_accounts(lookup.found)
            for key, state in lookup.missing.items():
                store.set_account_state(platform.name, key, state)
        subjects.accounts += lookup.found
        subjects.unknown.update(lookup.missing)
    return subjects
