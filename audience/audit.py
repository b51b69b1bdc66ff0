"""``audience audit``: the mix of your own recent posts against the method's rules of thumb.

"A third interaction, a third adding content and only a third promotion"; successful community
managers post 4-6 items of unique content a day; "don't tweet for the sake of it". Each post
gets one class and the reason, so a user can disagree with any single call:

1. a repost of someone else: *content* (sharing others' work), counted in the repost share;
2. a reply to someone else: *interaction*;
3. a link to your own domains, your brand's name, or self-promotion wording: *promotion*;
4. mentions or quotes of other accounts: *interaction*;
5. a link to someone else's site, or a post on your topics: *content*;
6. anything else, your own words: *content*, said so.

The posts are those the workspace holds for your own accounts (``my_accounts``): an X archive's
``tweets.js``, a Bluesky CAR; or those of one named account, such as twarc2 output of your own
timeline (``account``).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from audience.models import parse_time
from audience.store import Store, iso

VOCABULARY = Path(__file__).parent / "data" / "audit.toml"
CLASSES = ("interaction", "content", "promotion")
UNIQUE_PER_DAY = (4, 6)
MIN_POSTS_FOR_MIX = 9  # three of each would be the least that shows a mix
DUPLICATE_SIMILARITY = 90  # rapidfuzz ratio: this close to an earlier post is not unique
URL = re.compile(r"https?://[^\s<>\"')]+")
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.-]*)")
RETWEET = re.compile(r"^RT @([A-Za-z0-9_]+):")


@dataclass
class AuditSettings:
    own_domains: list[str] = field(default_factory=list)
    brand: list[str] = field(default_factory=list)
    promotion_phrases: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    @classmethod
    def from_rules(cls, rules, own_domains=(), brand=()) -> AuditSettings:
        table = (rules.raw or {}).get("audit", {}) if rules else {}
        phrases = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))["promotion"]["phrases"]
        return cls(
            own_domains=[*table.get("own_domains", []), *own_domains],
            brand=[*table.get("brand", []), *brand],
            promotion_phrases=[*phrases, *table.get("promotion_phrases", [])],
            topics=list(rules.topics) if rules else [],
        )


@dataclass
class AuditedPost:
    platform: str
    created_at: datetime
    text: str
    url: str | None
    kind: str
    reason: str
    repost: bool = False
    duplicate_of: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "date": iso(self.created_at),
            "class": self.kind,
            "reason": self.reason,
            "repost": self.repost,
            "duplicate_of": self.duplicate_of,
            "text": self.text,
            "url": self.url,
        }


@dataclass
class Audit:
    first: datetime | None
    last: datetime | None
    days: int
    posts: list[AuditedPost]
    verdicts: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {kind: sum(p.kind == kind for p in self.posts) for kind in CLASSES}

    @property
    def reposts(self) -> int:
        return sum(p.repost for p in self.posts)

    @property
    def unique(self) -> int:
        return sum(not p.repost and p.duplicate_of is None for p in self.posts)

    @property
    def unique_per_day(self) -> float:
        return self.unique / self.days if self.days else 0.0

    def as_dict(self) -> dict[str, Any]:
        total = len(self.posts)
        return {
            "from": iso(self.first),
            "to": iso(self.last),
            "days": self.days,
            "posts": total,
            "mix": {
                kind: {"posts": n, "share": round(n / total, 3) if total else None}
                for kind, n in self.counts.items()
            },
            "rule": "a third interaction, a third content, at most a third promotion",
            "reposts": self.reposts,
            "repost_share": round(self.reposts / total, 3) if total else None,
            "unique_posts": self.unique,
            "unique_per_day": round(self.unique_per_day, 2),
            "unique_per_day_target": list(UNIQUE_PER_DAY),
            "verdicts": self.verdicts,
            "classified": [p.as_dict() for p in self.posts],
        }


def own_posts(
    store: Store,
    *,
    platform: str | None = None,
    days: int = 30,
    since: datetime | None = None,
    account: str | None = None,
) -> tuple[list[dict[str, Any]], datetime | None, datetime | None]:
    """Your posts from the ``days`` up to your latest stored one (or from ``since``): those of
    your own accounts, or of ``account`` (a handle, e.g. your account's twarc2 timeline)."""
    where, params = "p.account_id IN (SELECT account_id FROM my_accounts)", []
    if account:
        where = "lower(a.handle) = ?"
        params.append(account.strip().lstrip("@").lower())
    if platform:
        where += " AND p.platform = ?"
        params.append(platform)
    rows = store.query(
        f"""SELECT p.platform, p.text, p.created_at, p.url, p.raw, a.handle
            FROM posts p JOIN accounts a ON a.id = p.account_id
            WHERE {where} AND p.created_at IS NOT NULL ORDER BY p.created_at""",
        params,
    )
    if not rows:
        return [], None, None
    last = parse_time(rows[-1]["created_at"])
    first = since or (last - timedelta(days=days))
    kept = [r for r in rows if parse_time(r["created_at"]) > first]
    return kept, first, last


def audit_posts(
    store: Store,
    settings: AuditSettings,
    *,
    platform: str | None = None,
    days: int = 30,
    since: datetime | None = None,
    account: str | None = None,
) -> Audit:
    import json

    from rapidfuzz import fuzz

    rows, first, last = own_posts(store, platform=platform, days=days, since=since, account=account)
    own_handles = {
        (r["handle"] or "").lower()
        for r in store.query(
            "SELECT a.handle FROM my_accounts m JOIN accounts a ON a.id = m.account_id"
        )
    }
    if account:
        own_handles.add(account.strip().lstrip("@").lower())
    audited: list[AuditedPost] = []
    originals: list[AuditedPost] = []
    for row in rows:
        raw = json.loads(row["raw"]) if row["raw"] else {}
        kind, reason, repost = classify(row["text"] or "", raw, settings, own_handles)
        post = AuditedPost(
            row["platform"],
            parse_time(row["created_at"]),
            row["text"] or "",
            row["url"],
            kind,
            reason,
            repost,
        )
        if not repost:
            for earlier in originals:
                if fuzz.ratio(earlier.text, post.text) >= DUPLICATE_SIMILARITY:
                    post.duplicate_of = earlier.url or iso(earlier.created_at)
                    break
            else:
                originals.append(post)
        audited.append(post)
    # the rate is over the days you actually posted in: from the first post in the window
    first_post = audited[0].created_at if audited else first
    span = math.ceil((last - first_post).total_seconds() / 86400) if audited else 0
    audit = Audit(first_post, last, max(span, 1) if audited else 0, audited)
    audit.verdicts = verdicts(audit)
    return audit


# ---- one post -------------------------------------------------------------------------------


def classify(
    text: str, raw: dict[str, Any], settings: AuditSettings, own_handles: set[str]
) -> tuple[str, str, bool]:
    """(class, reason, is_repost) of one post, from its text and its platform's raw record."""
    reposted = _reposted(text, raw)
    if reposted is not None:
        who = f"@{reposted}" if reposted else "someone else"
        return "content", f"repost of {who}: sharing others' content", True
    replied = _replied_to(raw)
    if replied and replied.lower() not in own_handles:
        return "interaction", f"reply to @{replied}", False
    links = _links(text, raw)
    domains = [_domain(url) for url in links]
    own = [d for d in domains if _is_own(d, settings.own_domains)]
    if own:
        return "promotion", f"links to your own site ({own[0]})", False
    lowered = text.lower()
    brand = next((b for b in settings.brand if _has_phrase(lowered, b.lower())), None)
    if brand:
        return "promotion", f"names your brand ({brand})", False
    phrase = next((p for p in settings.promotion_phrases if _has_phrase(lowered, p.lower())), None)
    if phrase:
        return "promotion", f"self-promotion wording ({phrase!r})", False
    quoted = _quoted(raw)
    if quoted:
        return "interaction", f"quotes {quoted}", False
    others = [m for m in _mentions(text, raw) if m.lower() not in own_handles]
    if others:
        shown = ", ".join(f"@{m}" for m in others[:3])
        return "interaction", f"mentions {shown}", False
    if domains:
        return "content", f"shares a link ({domains[0]})", False
    topic = next((t for t in settings.topics if _on_topic(lowered, raw, t)), None)
    if topic:
        return "content", f"on your topics ({topic})", False
    return "content", "your own words, no link, mention or promotion: counted as content", False


def _reposted(text: str, raw: dict[str, Any]) -> str | None:
    """The reposted account ('' when unknown), or None for an original post."""
    match = RETWEET.match(text)
    if match:
        return match[1]
    for ref in raw.get("referenced_tweets") or []:
        if ref.get("type") == "retweeted":
            return ""
    if raw.get("retweeted_status") or raw.get("reblog"):
        account = (raw.get("reblog") or {}).get("account") or {}
        return account.get("acct", "")
    return None


def _replied_to(raw: dict[str, Any]) -> str | None:
    if raw.get("in_reply_to_status_id_str") or raw.get("in_reply_to_status_id"):
        return raw.get("in_reply_to_screen_name") or "someone"
    if any(ref.get("type") == "replied_to" for ref in raw.get("referenced_tweets") or []):
        return "someone"
    if raw.get("in_reply_to_id"):  # Mastodon
        return raw.get("in_reply_to_account_acct") or "someone"
    if isinstance(raw.get("reply"), dict):  # Bluesky record
        return "someone"
    return None


def _quoted(raw: dict[str, Any]) -> str | None:
    if raw.get("is_quote_status") in (True, "true") or raw.get("quoted_status_permalink"):
        return "another post"
    if any(ref.get("type") == "quoted" for ref in raw.get("referenced_tweets") or []):
        return "another post"
    embed = raw.get("embed") or {}
    if isinstance(embed, dict) and str(embed.get("$type", "")).startswith("app.bsky.embed.record"):
        return "another post"
    return None


def _links(text: str, raw: dict[str, Any]) -> list[str]:
    entities = raw.get("entities") or {}
    expanded = [
        u.get("expanded_url") or u.get("url")
        for u in entities.get("urls") or []
        if isinstance(u, dict)
    ]
    for facet in raw.get("facets") or []:
        for feature in facet.get("features") or []:
            if feature.get("uri"):
                expanded.append(feature["uri"])
    card = raw.get("card") or {}
    if isinstance(card, dict) and card.get("url"):
        expanded.append(card["url"])
    links = [u for u in expanded if u]
    short = [u for u in URL.findall(text) if _domain(u) != "t.co"]
    return list(dict.fromkeys([*links, *short]))


def _mentions(text: str, raw: dict[str, Any]) -> list[str]:
    entities = raw.get("entities") or {}
    names = [m.get("screen_name") or m.get("username") for m in entities.get("user_mentions") or []]
    names += [m.get("username") for m in entities.get("mentions") or []]
    names += [m.get("acct") for m in raw.get("mentions") or [] if isinstance(m, dict)]
    names += MENTION.findall(text)
    return list(dict.fromkeys(n.rstrip(".") for n in names if n))


def _domain(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.")


def _is_own(domain: str, own_domains: list[str]) -> bool:
    return any(
        domain == d.lower().removeprefix("www.") or domain.endswith("." + d.lower())
        for d in own_domains
    )


def _has_phrase(text: str, phrase: str) -> bool:
    if not phrase:
        return False
    if not phrase[0].isalnum() or not phrase[-1].isalnum():
        return phrase in text
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def _on_topic(lowered: str, raw: dict[str, Any], topic: str) -> bool:
    topic = topic.lower()
    if topic.startswith("#"):
        return re.search(rf"{re.escape(topic)}(?!\w)", lowered) is not None
    return _has_phrase(lowered, topic)


# ---- verdicts -------------------------------------------------------------------------------


def verdicts(audit: Audit) -> list[str]:
    total = len(audit.posts)
    if not total:
        return ["no posts of yours are stored: import your archive (X tweets.js, Bluesky CAR)"]
    said = []
    counts = audit.counts
    if total < MIN_POSTS_FOR_MIX:
        said.append(f"only {total} posts in the window: too few to judge the mix")
    else:
        promotion = counts["promotion"] / total
        interaction = counts["interaction"] / total
        content = counts["content"] / total
        if promotion > 1 / 3 + 0.05:
            said.append(f"promotion is {promotion:.0%} of your posts: more than a third")
        if interaction < 1 / 3 - 0.08:
            said.append(f"interaction is {interaction:.0%}: under a third; reply and engage more")
        if content < 1 / 3 - 0.08:
            said.append(f"content is {content:.0%}: under a third; share more useful material")
        if not said:
            said.append("your mix is close to thirds")
    low, high = UNIQUE_PER_DAY
    rate = audit.unique_per_day
    if rate < low:
        said.append(
            f"{rate:.1f} unique posts a day over {audit.days} days: successful community "
            f"managers post {low}-{high}"
        )
    elif rate > high:
        said.append(f"{rate:.1f} unique posts a day: over {high}; don't post for the sake of it")
    if audit.reposts:
        said.append(f"{audit.reposts / total:.0%} of your posts are reposts of others")
    return said
