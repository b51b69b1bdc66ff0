"""Unfollow suggestions with every reason that applies, and applying them safely.

Scoring: each reason carries a weight in [0, 1] (how strongly it alone argues for unfollowing)
and the score is their noisy-or, ``1 - prod(1 - w)``. Weak reasons (not following back, abroad,
off-topic) only reach the suggestion threshold together; strong ones (suspended, long inactive)
reach it alone. Some accounts are never suggested: members of protected segments, targets,
people matched to my contacts, and accounts inside the grace period after I followed them.

Applying goes through ``unfollow_actions``: planned -> sent -> done/failed, each step committed
before the next, so a crash leaves at worst a ``sent`` row whose outcome is unknown. Such rows
are settled by a fresh snapshot of whom I follow before anything new is sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from audience.config import Rules
from audience.crawl import Crawler
from audience.errors import (
    AccountUnavailable,
    AuthError,
    ConfigError,
    PlatformError,
    TransientError,
)
from audience.store import Store, now_iso
from audience.sync import (
    NeedsSync,
    Presence,
    drop_unfinished_before,
    latest_snapshot,
    my_account,
    presence,
    require_snapshot,
    snapshot_members,
    sync_account,
    synced_platforms,
)

SORTS = ("score", "followers", "last-active")
POSTS_PER_ACCOUNT = 50

# How strongly each reason alone argues for unfollowing.
WEIGHTS = {
    "suspended": 1.0,
    "deleted": 1.0,
    "moved": 0.9,
    "unknown": 0.6,
    "no-posts": 0.6,
    "stopped-following-back": 0.35,
    "not-following-back": 0.25,
    "outside-region": 0.2,
    "off-topic": 0.3,
    "default-avatar": 0.2,
    "empty-bio": 0.1,
    "new-account": 0.25,
    "following-ratio": 0.3,
    "digits-handle": 0.2,
    "mostly-links": 0.3,
    "repeated-posts": 0.35,
}
SPAM_CODES = (
    "default-avatar",
    "empty-bio",
    "new-account",
    "following-ratio",
    "digits-handle",
    "mostly-links",
    "repeated-posts",
)
# A following/followers ratio means little for someone following a handful of accounts.
MIN_FOLLOWING_FOR_RATIO = 100
MIN_POSTS_FOR_PATTERNS = 5
_DIGITS_HANDLE = re.compile(r"^[a-z_]*?\d{6,}$|^\d+$", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class PruneSettings:
    inactive_days: int = 180
    grace_days: int = 30
    new_account_days: int = 30
    following_ratio: float = 20
    daily_unfollow_cap: int = 50
    min_score: float = 0.5

    @classmethod
    def from_rules(cls, rules: Rules) -> PruneSettings:
        table = rules.raw.get("prune", {}) or {}
        if not isinstance(table, dict):
            raise ConfigError("audience.toml: [prune] must be a table")
        settings = cls()
        for name, default in vars(cls()).items():
            if name not in table:
                continue
            value = table[name]
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"audience.toml: [prune] {name} must be a number >= 0")
            setattr(settings, name, type(default)(value))
        return settings


@dataclass
class Reason:
    code: str
    text: str
    weight: float

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "weight": self.weight}


@dataclass
class Suggestion:
    account_id: int
    platform: str
    platform_id: str
    handle: str | None
    display_name: str | None
    url: str | None
    followers: int | None
    last_active: str | None
    score: float
    reasons: list[Reason] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "platform": self.platform,
            "platform_id": self.platform_id,
            "handle": self.handle,
            "display_name": self.display_name,
            "url": self.url,
            "followers": self.followers,
            "last_active": self.last_active,
            "score": round(self.score, 3),
            "reasons": [r.as_dict() for r in self.reasons],
        }


def noisy_or(weights: list[float]) -> float:
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


# ---- topic matching -----------------------------------------------------------------------


def _spelling(word: str) -> str:
    """British and American spellings compare equal: centre/center, organisation/organization."""
    word = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)
    word = re.sub(r"our$", "or", word)
    return re.sub(r"([^aeiou])re(s?)$", r"\1er\2", word)


def _stem(word: str) -> str:
    return word.rstrip("s") if len(word) > 3 else word


def _words(text: str) -> list[str]:
    return [_spelling(w) for w in _WORD.findall(text.lower())]


class TopicMatcher:
    """Does a text touch my topics? Phrases match word for word (plural and spelling aside),
    hashtags match as tags or as the run-together phrase (#customerservice)."""

    def __init__(self, topics: list[str]):
        # normalised form -> the topic as written in audience.toml
        self.phrases = {
            tuple(_stem(w) for w in _words(t)): t.strip().lower()
            for t in topics
            if not t.startswith("#") and _words(t)
        }
        self.tags = {"".join(_words(t)): t.strip().lower() for t in topics if t.startswith("#")}
        for t in topics:
            if not t.startswith("#") and _words(t):
                self.tags.setdefault("".join(_words(t)), "#" + "".join(t.lower().split()))

    def __bool__(self) -> bool:
        return bool(self.phrases or self.tags)

    def terms(self, text: str, tags: set[str] = frozenset()) -> set[str]:
        """The topics (as written in the settings) that ``text`` or its ``tags`` touch."""
        plain = _words(text)
        words = [_stem(w) for w in plain]
        # A tag counts written as a word too: "Head of CX" is on #cx.
        used = {"".join(_words(t)) for t in tags} | self._hashtags(text) | set(plain)
        found = {label for key, label in self.tags.items() if key in used}
        for stems, label in self.phrases.items():
            n = len(stems)
            if any(tuple(words[i : i + n]) == stems for i in range(len(words) - n + 1)):
                found.add(label)
        return found

    @staticmethod
    def _hashtags(text: str) -> set[str]:
        return {"".join(_words(tag)) for tag in re.findall(r"#(\w+)", text)}


# ---- what is known about the accounts I follow --------------------------------------------


@dataclass
class Profile:
    """One followed account with what the rules need, read in bulk from the store."""

    row: dict[str, Any]
    posts: list[dict[str, Any]]
    tags: set[str]
    segments: list[str]
    following: Presence | None = None
    follower: Presence | None = None


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _days(since: str | None, now: datetime) -> float | None:
    moment = _parse(since)
    return None if moment is None else (now - moment).total_seconds() / 86400


def _temp_ids(store: Store, name: str, ids: list[int]) -> None:
    store.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
    store.execute(f"DELETE FROM {name}")
    store.db.conn.executemany(f"INSERT INTO {name} VALUES (?)", [(i,) for i in ids])


def load_profiles(store: Store, account_ids: list[int]) -> dict[int, Profile]:
    """Accounts with their latest stored posts, hashtags and segments, in a few queries."""
    _temp_ids(store, "_prune_ids", account_ids)
    rows = store.query("SELECT a.* FROM accounts a JOIN _prune_ids i ON i.id = a.id")
    profiles = {row["id"]: Profile(row, [], set(), []) for row in rows}
    for post in store.query(
        """SELECT account_id, text, created_at, url, id FROM (
               SELECT p.*, row_number() OVER (PARTITION BY p.account_id
                                              ORDER BY p.created_at DESC) AS n
               FROM posts p JOIN _prune_ids i ON i.id = p.account_id)
           WHERE n <= ?""",
        [POSTS_PER_ACCOUNT],
    ):
        profiles[post["account_id"]].posts.append(post)
    for account_id, tag in store.execute(
        """SELECT p.account_id, h.tag FROM posts p JOIN _prune_ids i ON i.id = p.account_id
           JOIN post_hashtags h ON h.post_id = p.id"""
    ):
        profiles[account_id].tags.add("".join(_words(tag)))
    for account_id, name in store.execute(
        """SELECT m.account_id, s.name FROM segment_members m JOIN segments s ON s.id = m.segment_id
           JOIN _prune_ids i ON i.id = m.account_id WHERE m.excluded = 0 ORDER BY s.name"""
    ):
        profiles[account_id].segments.append(name)
    return profiles


def protection(store: Store, rules: Rules, account_ids: list[int]) -> dict[int, str]:
    """Why an account must never be unfollowed: protected segment, target, or matched to one
    of my contacts. Accounts without a reason are absent."""
    _temp_ids(store, "_protect_ids", account_ids)
    reasons: dict[int, str] = {}
    segments = list(rules.protected_segments)
    if segments:
        marks = ",".join("?" * len(segments))
        for account_id, name in store.execute(
            f"""SELECT m.account_id, s.name FROM segment_members m
                JOIN segments s ON s.id = m.segment_id JOIN _protect_ids i ON i.id = m.account_id
                WHERE m.excluded = 0 AND s.name IN ({marks}) ORDER BY s.name DESC""",
            segments,
        ):
            reasons[account_id] = f"in protected segment {name}"
    for (account_id,) in store.execute(
        "SELECT t.account_id FROM targets t JOIN _protect_ids i ON i.id = t.account_id"
    ):
        reasons.setdefault(account_id, "one of your targets")
    for account_id, name in store.execute(
        """SELECT a.id, coalesce(p.name, 'a contact') FROM accounts a
           JOIN _protect_ids i ON i.id = a.id
           LEFT JOIN matches m ON m.account_id = a.id AND m.status = 'accepted'
           JOIN people p ON p.id = coalesce(m.person_id, a.person_id)
           WHERE m.id IS NOT NULL
              OR EXISTS (SELECT 1 FROM contacts c WHERE c.person_id = a.person_id)"""
    ):
        reasons.setdefault(account_id, f"matched to your contact {name}")
    return reasons


# ---- reasons ------------------------------------------------------------------------------


def _reason(code: str, text: str, weight: float | None = None) -> Reason:
    return Reason(code, text, WEIGHTS[code] if weight is None else weight)


def _date(value: str | None) -> str:
    return (value or "")[:10]


def state_reasons(profile: Profile) -> list[Reason]:
    row = profile.row
    state = row["state"]
    if state in ("suspended", "deleted"):
        return [_reason(state, f"account {state}")]
    if state == "moved":
        where = f" to {row['moved_to']}" if row["moved_to"] else ""
        return [_reason("moved", f"account moved{where}")]
    if state == "unknown":
        return [_reason("unknown", "account can no longer be found")]
    return []


def last_active(profile: Profile) -> str | None:
    dates = [profile.row["last_post_at"], *(p["created_at"] for p in profile.posts[:1])]
    dates = [d for d in dates if d]
    return max(dates, key=lambda d: _parse(d)) if dates else None


def activity_reasons(profile: Profile, settings: PruneSettings, now: datetime) -> list[Reason]:
    row = profile.row
    latest = last_active(profile)
    if latest:
        days = _days(latest, now)
        if days is not None and days >= settings.inactive_days:
            weight = min(0.85, 0.5 + 0.1 * days / max(settings.inactive_days, 1))
            return [
                _reason("inactive", f"no post for {days:.0f} days (since {_date(latest)})", weight)
            ]
        return []
    age = _days(row["created_at"], now)
    if row["posts_count"] == 0 and (age is None or age >= settings.new_account_days):
        return [_reason("no-posts", "has never posted")]
    return []


def spam_reasons(profile: Profile, settings: PruneSettings, now: datetime) -> list[Reason]:
    row = profile.row
    reasons = []
    if row["default_avatar"]:
        reasons.append(_reason("default-avatar", "default avatar"))
    # An id-only stub (no handle yet) says nothing about its bio.
    if row["handle"] and not (row["bio"] or "").strip():
        reasons.append(_reason("empty-bio", "empty bio"))
    age = _days(row["created_at"], now)
    if age is not None and age < settings.new_account_days:
        reasons.append(_reason("new-account", f"account only {age:.0f} days old"))
    following, followers = row["following_count"], row["followers_count"]
    if following is not None and followers is not None and following >= MIN_FOLLOWING_FOR_RATIO:
        ratio = following / max(followers, 1)
        if ratio > settings.following_ratio:
            reasons.append(
                _reason(
                    "following-ratio",
                    f"follows {following:,} but only {followers:,} follow back ({ratio:.0f}:1)",
                )
            )
    handle = row["handle"] or ""
    if _DIGITS_HANDLE.match(handle.split("@")[0].split(".")[0]):
        reasons.append(_reason("digits-handle", f"handle @{handle} ends in random digits"))
    reasons += _post_pattern_reasons(profile.posts)
    return reasons


def _post_pattern_reasons(posts: list[dict[str, Any]]) -> list[Reason]:
    texts = [p["text"] or "" for p in posts]
    if len(texts) < MIN_POSTS_FOR_PATTERNS:
        return []
    reasons = []
    with_links = sum(1 for t in texts if _URL.search(t))
    if with_links / len(texts) >= 0.8:
        reasons.append(_reason("mostly-links", f"{with_links} of {len(texts)} posts are links"))
    distinct = {" ".join(_URL.sub("", t).lower().split()) for t in texts}
    if len(distinct) / len(texts) <= 0.5:
        reasons.append(
            _reason("repeated-posts", f"{len(texts)} posts but only {len(distinct)} different")
        )
    return reasons


def region_reasons(profile: Profile, rules: Rules) -> list[Reason]:
    from audience.geo import matches_region, normalize_location

    if not rules.home_regions:
        return []
    place = normalize_location(profile.row["location"])
    if place is None or matches_region(place, rules.home_regions):
        return []
    where = f"{place.city}, {place.country}" if place.city else place.country
    return [_reason("outside-region", f"in {where}, outside {', '.join(rules.home_regions)}")]


def topic_terms(profile: Profile, matcher: TopicMatcher) -> set[str]:
    text = " ".join([profile.row["bio"] or "", *(p["text"] or "" for p in profile.posts)])
    return matcher.terms(text, profile.tags)


def topic_reasons(profile: Profile, matcher: TopicMatcher) -> list[Reason]:
    # Someone in one of my segments (a supplier, a competitor) is my industry by definition.
    if not matcher or profile.segments:
        return []
    if not (profile.row["bio"] or "").strip() and not profile.posts:
        return []  # nothing to judge by; the empty bio is a spam signal of its own
    if topic_terms(profile, matcher):
        return []
    said = f"bio and {len(profile.posts)} posts" if profile.posts else "bio"
    return [_reason("off-topic", f"nothing on your topics in their {said}")]


def follow_back_reasons(profile: Profile, followers_known: str | None) -> list[Reason]:
    """``followers_known``: time of my first followers snapshot (None: no snapshot)."""
    if followers_known is None:
        return []
    seen = profile.follower
    if seen and seen.in_latest:
        return []
    if seen:
        return [
            _reason(
                "stopped-following-back",
                f"stopped following you back (last seen {_date(seen.last_at)})",
            )
        ]
    return [
        _reason(
            "not-following-back",
            f"not following you back (checked since {_date(followers_known)})",
        )
    ]


def in_grace(profile: Profile, settings: PruneSettings, now: datetime) -> bool:
    # Members of the first snapshot were followed before tracking began: their date is unknown,
    # and treating it as "just now" would hide everyone for a month after the first sync.
    following = profile.following
    if following is None or following.since_first:
        return False
    days = _days(following.since_at, now)
    return days is not None and days < settings.grace_days


def media_role(profile: Profile) -> str | None:
    """Why the bio reads as a journalist or a news outlet (a current job), or None.
    The press matter to a PR team wherever they are and whatever they cover."""
    from audience.roles import outlet_account, press_role

    row = profile.row
    found = press_role(row["bio"]) or outlet_account(row["handle"], row["display_name"], row["bio"])
    return found.reason if found else None


def assess(
    profile: Profile,
    rules: Rules,
    settings: PruneSettings,
    matcher: TopicMatcher,
    followers_known: str | None,
    now: datetime,
) -> list[Reason]:
    """Every reason that applies to unfollowing this account."""
    reasons = state_reasons(profile)
    if profile.row["state"] in ("suspended", "deleted"):
        return reasons
    relevance = (
        []
        if media_role(profile)
        else [
            *region_reasons(profile, rules),
            *topic_reasons(profile, matcher),
        ]
    )
    return [
        *reasons,
        *follow_back_reasons(profile, followers_known),
        *activity_reasons(profile, settings, now),
        *relevance,
        *spam_reasons(profile, settings, now),
    ]


# ---- suggestions --------------------------------------------------------------------------


def suggest(
    store: Store,
    rules: Rules,
    platform: str | None = None,
    now: datetime | None = None,
    *,
    settings: PruneSettings | None = None,
    include_below: bool = False,
) -> list[Suggestion]:
    """Accounts I follow worth unfollowing, best first, each with its score and reasons.

    ``include_below`` also returns accounts under the threshold (for benchmarks and review);
    protected, targeted, matched and grace-period accounts are never returned."""
    now = now or datetime.now(UTC)
    settings = settings or PruneSettings.from_rules(rules)
    platforms = [platform] if platform else synced_platforms(store)
    if not platforms:
        raise NeedsSync(
            "No complete snapshot of whom you follow yet. Run `audience sync --platform x` "
            "(or bluesky, mastodon) first, or import your own archive with `audience import`."
        )
    suggestions = []
    for name in platforms:
        suggestions += _suggest_platform(store, rules, name, now, settings, include_below)
    return sort_suggestions(suggestions, "score")


def _suggest_platform(
    store: Store,
    rules: Rules,
    platform: str,
    now: datetime,
    settings: PruneSettings,
    include_below: bool,
) -> list[Suggestion]:
    latest = require_snapshot(store, platform, "following")
    followed = sorted(snapshot_members(store, latest.id) - already_unfollowed(store, platform))
    guarded = protection(store, rules, followed)
    candidates = [a for a in followed if a not in guarded]
    profiles = load_profiles(store, candidates)
    _, following = presence(store, platform, "following")
    follower_series, followers = presence(store, platform, "followers")
    followers_known = follower_series[0].taken_at if follower_series else None
    matcher = TopicMatcher(rules.topics)
    result = []
    for account_id in candidates:
        profile = profiles[account_id]
        profile.following = following.get(account_id)
        profile.follower = followers.get(account_id)
        if in_grace(profile, settings, now):
            continue
        reasons = assess(profile, rules, settings, matcher, followers_known, now)
        score = noisy_or([r.weight for r in reasons])
        if score >= settings.min_score or include_below:
            result.append(_suggestion(profile, score, reasons))
    return result


def already_unfollowed(store: Store, platform: str) -> set[int]:
    """Accounts unfollowed (or being unfollowed) since the latest snapshot of my following."""
    latest = latest_snapshot(store, platform, "following")
    since = latest.taken_at if latest else ""
    return {
        row[0]
        for row in store.execute(
            "SELECT account_id FROM unfollow_actions WHERE platform = ? AND "
            "(status = 'sent' OR (status = 'done' AND done_at >= ?))",
            [platform, since],
        )
    }


def _suggestion(profile: Profile, score: float, reasons: list[Reason]) -> Suggestion:
    row = profile.row
    return Suggestion(
        account_id=row["id"],
        platform=row["platform"],
        platform_id=row["platform_id"],
        handle=row["handle"],
        display_name=row["display_name"],
        url=row["url"],
        followers=row["followers_count"],
        last_active=last_active(profile),
        score=score,
        reasons=sorted(reasons, key=lambda r: -r.weight),
    )


def sort_suggestions(suggestions: list[Suggestion], key: str) -> list[Suggestion]:
    """``score`` (highest first), ``followers`` (fewest first), ``last-active`` (stalest first)."""
    if key not in SORTS:
        raise ConfigError(f"--sort must be one of {', '.join(SORTS)}")
    if key == "score":
        return sorted(suggestions, key=lambda s: (-s.score, (s.handle or "").lower()))
    if key == "followers":
        return sorted(suggestions, key=lambda s: (s.followers or 0, -s.score))
    return sorted(suggestions, key=lambda s: (s.last_active is not None, s.last_active or ""))


CSV_COLUMNS = (
    "platform",
    "handle",
    "display_name",
    "url",
    "followers",
    "last_active",
    "score",
    "reasons",
)


def write_csv(path: Path, suggestions: list[Suggestion]) -> None:
    """Through the export's writer: every cell neutralised, written whole, owner-only."""
    from audience.export import atomic_write
    from audience.export import write_csv as write_neutral_csv

    rows = [
        {
            "platform": s.platform,
            "handle": s.handle.lstrip("@") if s.handle else s.platform_id,  # as export writes it
            "display_name": s.display_name,
            "url": s.url,
            "followers": s.followers,
            "last_active": s.last_active,
            "score": f"{s.score:.2f}",
            "reasons": "; ".join(r.text for r in s.reasons),
        }
        for s in suggestions
    ]
    atomic_write(path, lambda handle: write_neutral_csv(rows, handle, CSV_COLUMNS))


# ---- applying -----------------------------------------------------------------------------


@dataclass
class Preparation:
    """What ``prepare_apply`` found before anything new is sent."""

    me_handle: str | None
    settled_done: list[int] = field(default_factory=list)
    settled_failed: list[int] = field(default_factory=list)
    dropped_planned: int = 0


def prepare_apply(crawler: Crawler) -> Preparation:
    """Check the write credentials and the account, then settle what a crash left behind.

    ``me()`` needs the same user-context credentials as an unfollow, so a missing one raises
    :class:`ConfigError` here, before anything is recorded."""
    platform, store = crawler.platform, crawler.store
    me = crawler.call("me", platform.me)
    known = my_account(store, platform.name)
    if known is None:
        raise NeedsSync(f"Run `audience sync --platform {platform.name}` first.")
    if known["platform_id"] != me.platform_id:
        raise ConfigError(
            f"{platform.name}: the credentials are for @{me.handle or me.platform_id}, not for "
            f"the synced account @{known['handle'] or known['platform_id']}; nothing was changed."
        )
    result = Preparation(me.handle)
    with store.transaction():
        # Planned but never sent: nobody was touched, so they simply go back to the pool.
        result.dropped_planned = store.execute(
            "UPDATE unfollow_actions SET status = 'failed', error = 'not sent: run interrupted' "
            "WHERE platform = ? AND status = 'planned'",
            [platform.name],
        ).rowcount
    sent = store.query(
        "SELECT id, account_id, sent_at FROM unfollow_actions "
        "WHERE platform = ? AND status = 'sent'",
        [platform.name],
    )
    if sent:
        _settle_sent(crawler, sent, result)
    return result


def _settle_sent(crawler: Crawler, sent: list[dict[str, Any]], result: Preparation) -> None:
    """An unfollow whose answer never arrived: a fresh snapshot of whom I follow tells whether
    it took effect, instead of sending it again blindly."""
    store = crawler.store
    # A sync left unfinished before the first of these was sent holds pages from before it:
    # resuming it could show an unfollowed account as still followed, and it would be sent again.
    first_sent = min(action["sent_at"] or now_iso() for action in sent)
    drop_unfinished_before(store, crawler.platform.name, "following", first_sent)
    synced = sync_account(crawler, kinds=("following",), carry_over=False)
    still = snapshot_members(store, synced.kinds[0].snapshot_id)
    with store.transaction():
        for action in sent:
            if action["account_id"] in still:
                store.execute(
                    "UPDATE unfollow_actions SET status = 'failed', done_at = ?, error = "
                    "'outcome unknown; a fresh sync shows it did not take effect' WHERE id = ?",
                    [now_iso(), action["id"]],
                )
                result.settled_failed.append(action["account_id"])
            else:
                store.execute(
                    "UPDATE unfollow_actions SET status = 'done', done_at = ?, error = "
                    "'confirmed by a fresh sync' WHERE id = ?",
                    [now_iso(), action["id"]],
                )
                result.settled_done.append(action["account_id"])


def unfollows_last_day(store: Store, platform: str, now: datetime | None = None) -> int:
    """Unfollows done (or sent, outcome unknown) in the 24 hours before ``now``."""
    now = now or datetime.now(UTC)
    since = (now - timedelta(days=1)).isoformat(timespec="seconds")
    return store.scalar(
        "SELECT count(*) FROM unfollow_actions WHERE platform = ? AND status IN ('done', 'sent') "
        "AND coalesce(done_at, sent_at) >= ?",
        [platform, since],
    )


def remaining_today(store: Store, platform: str, settings: PruneSettings) -> int:
    return max(0, settings.daily_unfollow_cap - unfollows_last_day(store, platform))


@dataclass
class ApplyResult:
    done: list[Suggestion] = field(default_factory=list)
    failed: list[tuple[Suggestion, str]] = field(default_factory=list)
    skipped: list[tuple[Suggestion, str]] = field(default_factory=list)
    refused: str | None = None  # the platform refused unfollows altogether (tier, auth)
    by_hand: list[Suggestion] = field(default_factory=list)


def apply_unfollows(
    crawler: Crawler,
    rules: Rules,
    suggestions: list[Suggestion],
    *,
    on_progress: Callable[[Suggestion, str], None] | None = None,
) -> ApplyResult:
    """Unfollow ``suggestions`` (already capped and confirmed), recording every step."""
    store, platform = crawler.store, crawler.platform
    result = ApplyResult()
    actions = _plan(store, platform.name, suggestions)
    for n, (suggestion, action_id) in enumerate(zip(suggestions, actions, strict=True)):
        guard = protection(store, rules, [suggestion.account_id]).get(suggestion.account_id)
        if guard:
            _finish(store, action_id, "failed", f"skipped: {guard}")
            result.skipped.append((suggestion, guard))
            continue
        _mark_sent(store, action_id)
        try:
            crawler.call("unfollow", lambda s=suggestion: _unfollow_once(platform, s))
        except (AuthError, ConfigError) as exc:
            _finish(store, action_id, "failed", str(exc))
            _drop_rest(store, actions[n + 1 :], "not sent: the platform refused unfollows")
            result.refused = str(exc)
            result.by_hand = suggestions[n:]
            return result
        except AccountUnavailable as exc:
            _finish(store, action_id, "failed", str(exc))
            store_state(store, suggestion, exc.state)
            result.failed.append((suggestion, str(exc)))
            continue
        except PlatformError as exc:
            # The request may or may not have reached the platform: leave it 'sent' for the
            # next run to settle, and stop rather than guess.
            _drop_rest(store, actions[n + 1 :], "not sent: run stopped on an error")
            raise PlatformError(
                f"{exc}. Whether @{suggestion.handle or suggestion.platform_id} was unfollowed "
                "is unknown; the next `audience prune --apply` checks before sending anything."
            ) from None
        _finish(store, action_id, "done", None)
        result.done.append(suggestion)
        if on_progress:
            on_progress(suggestion, "done")
    return result


class OutcomeUnknown(PlatformError):
    """The unfollow request left, but no answer came back."""


def _unfollow_once(platform: Any, suggestion: Suggestion) -> None:
    # Crawler.call retries transient failures, which for a write would mean sending it again
    # without knowing whether the first one took effect. Rate-limit refusals still wait and
    # retry: a 429 means the request was not carried out.
    try:
        platform.unfollow(suggestion.platform_id)
    except TransientError as exc:
        raise OutcomeUnknown(str(exc)) from None


def _plan(store: Store, platform: str, suggestions: list[Suggestion]) -> list[int]:
    planned = now_iso()
    with store.transaction():
        return [
            store.execute(
                "INSERT INTO unfollow_actions (platform, account_id, status, reasons, planned_at) "
                "VALUES (?, ?, 'planned', ?, ?) RETURNING id",
                [platform, s.account_id, "; ".join(r.text for r in s.reasons), planned],
            ).fetchone()[0]
            for s in suggestions
        ]


def _mark_sent(store: Store, action_id: int) -> None:
    with store.transaction():
        store.execute(
            "UPDATE unfollow_actions SET status = 'sent', sent_at = ? WHERE id = ?",
            [now_iso(), action_id],
        )


def _finish(store: Store, action_id: int, status: str, error: str | None) -> None:
    with store.transaction():
        store.execute(
            "UPDATE unfollow_actions SET status = ?, done_at = ?, error = ? WHERE id = ?",
            [status, now_iso(), error, action_id],
        )


def _drop_rest(store: Store, action_ids: list[int], why: str) -> None:
    with store.transaction():
        store.db.conn.executemany(
            "UPDATE unfollow_actions SET status = 'failed', error = ? WHERE id = ? "
            "AND status = 'planned'",
            [(why, a) for a in action_ids],
        )


def store_state(store: Store, suggestion: Suggestion, state: str) -> None:
    with store.transaction():
        store.set_account_state(suggestion.platform, suggestion.platform_id, state)


def action_log(store: Store, platform: str | None = None) -> list[dict[str, Any]]:
    """Unfollow actions, newest first, with the account handle."""
    return store.query(
        f"""SELECT u.*, a.handle FROM unfollow_actions u JOIN accounts a ON a.id = u.account_id
            {"WHERE u.platform = ?" if platform else ""} ORDER BY u.id DESC""",
        [platform] if platform else [],
    )


__all__ = [
    "PruneSettings",
    "Reason",
    "Suggestion",
    "apply_unfollows",
    "prepare_apply",
    "protection",
    "suggest",
    "sort_suggestions",
    "write_csv",
]
