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

import heapq
import json
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache, cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from audience.actions import followed_at
from audience.bulk import SharedValues, rows_sharing, without_gc_pauses
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
from audience.textmatch import HEBREW_LETTERS, HEBREW_PROCLITIC, UNSPACED_SCRIPTS, WORD, searched

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
    "default-avatar": 0.25,
    "empty-bio": 0.15,
    "new-account": 0.25,
    "following-ratio": 0.3,
    "digits-handle": 0.25,
    "mostly-links": 0.3,
    "link-only": 0.5,
    "repeated-posts": 0.35,
    "follow-back-spam": 0.6,
    "parody": 0.6,
    "bot": 0.6,
    "reposts-only": 0.35,
    "repeated-links": 0.55,
    "scam": 0.35,
}
SPAM_CODES = (
    "default-avatar",
    "empty-bio",
    "new-account",
    "following-ratio",
    "digits-handle",
    "mostly-links",
    "link-only",
    "repeated-posts",
    "follow-back-spam",
    "bot",
    "reposts-only",
    "repeated-links",
    "scam",
)
# Two of these together are a fake account (judgement.md lists each as a sign of spam), even
# with 1-5 posts; an empty bio alone is too common among quiet real people to count here.
STRONG_SPAM_CODES = frozenset(SPAM_CODES) - {"empty-bio"}
# The policy's pairs: off-industry and not following back, off-industry and abroad, both go
# (judgement.md), whatever the weights of the two reasons alone.
OFF_TOPIC_PAIRS = ("not-following-back", "stopped-following-back", "outside-region")
PAIR_SCORE = 0.6
# How far under the line a score still counts as a near miss.
NEAR_MISS_MARGIN = 0.15
# Accounts whose profiles are loaded and judged together: memory is one batch's, and each batch
# pays a fixed cost (at 100k, `prune --json` took 8.3 / 7.9 / 7.7 s in batches of 10k / 50k /
# 250k; at 1M, 20 batches of 50k measured 86 s against the previous round's 39 s in one pass),
# so batches are large.
REVIEW_BATCH = 250_000
# A following/followers ratio means little for someone following a handful of accounts.
MIN_FOLLOWING_FOR_RATIO = 100
MASS_FOLLOWING = 2000
MASS_FOLLOWING_WEIGHT = 0.5
MIN_POSTS_FOR_PATTERNS = 2
# Two bare links may be a quiet person sharing; three with nothing said is a feed.
MIN_LINK_ONLY_POSTS = 3
# Four or more digits at the end (a year of birth aside), or nothing but digits.
_DIGITS_HANDLE = re.compile(r"^[a-z_]*?(?:\d{5,}|(?!19\d\d$|20[012]\d$)\d{4})$|^\d+$", re.I)
_FOLLOW_BACK = re.compile(
    r"(?<![\w])(?:follow\s*(?:4|for)\s*follow|f4f|follow\s*back|followback|#?ifb|#?teamfollowback"
    r"|gain\s+(?:more\s+)?followers|free\s+followers|follow\s+(?:me\s+)?(?:and|&)\s+i(?:'ll|\s+will)"
    r"\s+follow|i\s+follow\s+(?:back|everyone|all)|follow\s+train|#?followtrain|#?f4f|#?l4l"
    r"|sigo\s+de\s+vuelta|je\s+follow\s+back)(?![\w])",
    re.I,
)
_URL = re.compile(r"https?://\S+|\bwww\.\S+", re.IGNORECASE)
_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}]")


@dataclass
class PruneSettings:
    inactive_days: int = 180
    grace_days: int = 14
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


@dataclass(slots=True)  # (a million accounts' reasons are held at once)
class Reason:
    code: str
    text: str
    weight: float

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "weight": self.weight}


@dataclass(slots=True)
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


_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")
_OUR = re.compile(r"our$")
_RE = re.compile(r"([^aeiou])re(s?)$")


@lru_cache(maxsize=65536)
def _spelling(word: str) -> str:
    """British and American spellings compare equal: centre/center, organisation/organization."""
    word = _ISE.sub(r"iz\1", word)
    word = _OUR.sub("or", word)
    return _RE.sub(r"\1er\2", word)


def _stem(word: str) -> str:
    return word.rstrip("s") if len(word) > 3 else word


def _words(text: str) -> list[str]:
    return [_spelling(w) for w in WORD.findall(_fold(text))]


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Lower case without accents: "Baterías" and "baterias" are the same word."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sound(word: str) -> str:
    """One spelling across languages: photovoltaïque, Photovoltaik, fotowoltaika -> fotovolt..."""
    return word.replace("ph", "f").replace("w", "v").replace("k", "c").replace("y", "i")


@cache
def generic_topic_words() -> frozenset[str]:
    """Words too common across fields to tie an account to a topic on their own
    (audience/data/generic_topic_words.txt), in the spelling topics are compared in."""
    path = Path(__file__).parent / "data" / "generic_topic_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(_sound(w.strip().lower()) for w in lines if w.strip() and w[0] != "#")


STEM_LENGTH = 6


class TopicMatcher:
    """Does a text touch my topics? Phrases match word for word (plural and spelling aside),
    hashtags match as tags or as the run-together phrase (#customerservice)."""

    def __init__(
        self,
        topics: list[str],
        *,
        fields: bool = True,
        own: tuple[str, ...] = (),
        places: tuple[str, ...] = (),
    ):
        # My home regions are where, not what: "#Toshkent" is a topic only as a hashtag, and a
        # place's name in a topic does not stand for the topic on its own.
        self.places = frozenset(w for p in places for w in ("".join(_words(p)), *_words(p)))
        # A distinctive word of a topic, in any language's spelling, stands for the topic:
        # "fotovoltaica" -> every word starting "fotovo" (photovoltaïque, Photovoltaik...).
        self.stems: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        self.prefixes: dict[str, str] = {}
        generic_words = generic_topic_words()
        generic = {w[:STEM_LENGTH] for w in generic_words}
        for topic in topics:
            label = topic.strip().lower()
            words = [w for w in _words(topic.lstrip("#")) if w not in self.places]
            if topic.startswith("#"):  # "#TunisieNearshore": a place glued to the topic
                words = [w for w in words if not self._starts_with_a_place(w)]
            for word in map(_sound, words):
                # A word of two Chinese or Japanese characters ("飯店") says as much as a long one.
                short = len(word) < (2 if _UNSPACED.search(word) else 5)
                if short or word in generic_words:
                    continue
                if len(word) > STEM_LENGTH and word[:STEM_LENGTH] not in generic:
                    self.stems.setdefault(word[:STEM_LENGTH], label)
                elif len(word) <= STEM_LENGTH:
                    self.exact.setdefault(word, label)
                    # A topic word of 5+ letters also starts a compound: "fiets" ->
                    # "fietsverkoop", "cargo" -> "Cargobikes", as the field words do.
                    self.prefixes.setdefault(word, label)
        # normalised form -> the topic as written in audience.toml
        self.phrases = {
            _phrase_key(t): t.strip().lower()
            for t in topics
            if not t.startswith("#") and _phrase_key(t)
        }
        self.tags = {"".join(_words(t)): t.strip().lower() for t in topics if t.startswith("#")}
        for t in topics:
            if not t.startswith("#") and _words(t):
                self.tags.setdefault("".join(_words(t)), "#" + "".join(t.lower().split()))
        # The trade words of the fields my topics name (audience/data/fields): a word of 5+
        # letters also starts a compound ("lager" -> "Lagerleiter").
        if fields and topics:
            for name, triggers, words in _fields():
                if TopicMatcher(list(triggers), fields=False).terms(" ".join(topics)):
                    self._add_field_words(f"{name} (trade words)", words)
        self.has_topics = bool(self.phrases or self.tags)
        # My own organisation named, by name or @handle: a partner, a sponsor, a supplier's
        # staff (judgement.md keeps local partners); whole names only, no stems.
        for said in own:
            if said.startswith("@"):
                self.tags.setdefault(said[1:].lower(), OWN_MENTION)
            elif stems := _phrase_key(said):
                self.phrases.setdefault(stems, OWN_MENTION)

    def _starts_with_a_place(self, word: str) -> bool:
        return any(word.startswith(place) for place in self.places if len(place) >= 4)

    def _add_field_words(self, label: str, words: tuple[str, ...]) -> None:
        for word in words:
            parts = [_sound(w) for w in _words(word)]
            if len(parts) > 1 and (key := _phrase_key(word)):
                self.phrases.setdefault(key, label)
            elif parts and len(parts[0]) >= 5:
                self.prefixes.setdefault(parts[0], label)
            elif parts:
                self.exact.setdefault(parts[0], label)

    @cached_property
    def _phrases_by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for stems, label in self.phrases.items():
            index.setdefault(stems[0], []).append((stems, label))
        return index

    @cached_property
    def _unspaced(self) -> dict[str, str]:
        """Topic words of scripts written without spaces (Chinese, Japanese, Thai) or in
        compounds (Korean): they match inside a longer run of text."""
        found = {}
        for table in (self.exact, self.prefixes, self.stems):
            for key, label in table.items():
                if _UNSPACED.search(key):
                    found.setdefault(key, label)
        return found

    def __bool__(self) -> bool:
        return self.has_topics

    def terms(self, text: str, tags: set[str] = frozenset()) -> set[str]:
        """The topics (as written in the settings) that ``text`` or its ``tags`` touch."""
        found = self._terms(text, tags)
        if _HEBREW_GLUED.search(text):  # "במוקד", "לזכויות נוסעים": "in", "for" glued on
            found |= self._terms(_HEBREW_GLUED.sub("", text), tags)
        return found

    def _terms(self, text: str, tags: set[str]) -> set[str]:
        # An @handle names whom a post addresses ("@AcmeCare still no water"), not a topic;
        # only my own handles count there.
        mentions = {m.lower() for m in _HANDLE_MENTION.findall(text)} if "@" in text else set()
        if mentions:
            text = _HANDLE_MENTION.sub(" ", text)
        plain = _words(text)
        words = [_LINK if w in _LINKING_WORDS else _stem(w) for w in plain]
        # A tag counts written as a word too: "Head of CX" is on #cx.
        used = (
            {"".join(_words(t)) for t in tags} | self._hashtags(text) | (set(plain) - self.places)
        )
        found = {label for key, label in self.tags.items() if key in used}
        found |= {self.tags[m] for m in mentions if self.tags.get(m) == OWN_MENTION}
        by_first = self._phrases_by_first
        for i, word in enumerate(words):
            for stems, label in by_first.get(word, ()):
                if _phrase_at(words, i, stems):
                    found.add(label)
        for word in {w for w in plain if _UNSPACED.search(w)}:
            found.update(label for key, label in self._unspaced.items() if key in word)
        for word in {_sound(w) for w in plain} | {_sound(t) for t in used}:
            if label := self.exact.get(word) or self.stems.get(word[:STEM_LENGTH]):
                found.add(label)
            elif self.prefixes:
                for size in range(5, min(len(word), 24) + 1):
                    if label := self.prefixes.get(word[:size]):
                        found.add(label)
                        break
        return found

    @staticmethod
    def _hashtags(text: str) -> set[str]:
        return {"".join(_words(tag)) for tag in re.findall(r"#(\w+)", text)}


# A Hebrew word of four or more letters after a letter that may be "in", "the", "and", "to",
# "from" or "that" glued to it.
_HEBREW_GLUED = re.compile(rf"(?<![\w]){HEBREW_PROCLITIC}(?=[{HEBREW_LETTERS}]{{3}})")
OWN_MENTION = "you (your organisation named)"
_HANDLE_MENTION = re.compile(r"(?<![\w@])@(\w{1,30})")


def topic_matcher(rules: Rules) -> TopicMatcher:
    """My topics, their fields' trade words, and my own organisation's names and handles
    (``[self]`` in audience.toml)."""
    return TopicMatcher(rules.topics, own=own_names(rules), places=tuple(rules.home_regions))


def own_names(rules: Rules) -> tuple[str, ...]:
    table = rules.raw.get("self") or {}
    if not isinstance(table, dict):
        return ()
    names = [n for n in table.get("names") or () if isinstance(n, str) and len(n.strip()) >= 4]
    handles = [h for h in table.get("handles") or () if isinstance(h, str) and h.strip("@ ")]
    return (*names, *("@" + h.strip().lstrip("@") for h in handles))


# Articles and "of" inside a phrase stand for one another: "experiencia de cliente" says
# "experiencia del cliente" ("contact the centre" still is no "contact centre").
_LINKING_WORDS = frozenset(
    {"a", "al", "au", "aux", "da", "das", "de", "del", "den", "der", "des", "di", "do", "dos"}
    | {"du", "el", "la", "le", "les", "lo", "of", "the"}
)
_LINK = "·"


def _phrase_key(text: str) -> tuple[str, ...]:
    key = tuple(_LINK if w in _LINKING_WORDS else _stem(w) for w in _words(text))
    return key if any(w != _LINK for w in key) else ()


def _phrase_at(words: list[str], i: int, stems: tuple[str, ...]) -> bool:
    """The phrase's words at ``words[i:]``; its last word, of 5+ letters, may start a longer
    one ("kontaktų centr" -> "Kontaktų centrai", "customer serv" -> "customer service")."""
    n = len(stems)
    if len(words) - i < n or tuple(words[i : i + n - 1]) != stems[:-1]:
        return False
    last, said = stems[-1], words[i + n - 1]
    return said == last or (n > 1 and len(last) >= 5 and said.startswith(last))


FIELDS_DIR = Path(__file__).parent / "data" / "fields"


@lru_cache(maxsize=1)
def _fields() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(name, triggers, words) of each field file in audience/data/fields."""
    import tomllib

    found = []
    for path in sorted(FIELDS_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found.append(
            (
                path.stem.replace("_", " "),
                tuple(data.get("triggers", ())),
                tuple(data.get("words", ())),
            )
        )
    return tuple(found)


# ---- what is known about the accounts I follow --------------------------------------------


@dataclass(slots=True)  # (no attribute dict: a million of them are held at once)
class Profile:
    """One followed account with what the rules need, read in bulk from the store."""

    row: dict[str, Any]
    posts: list[dict[str, Any]]
    tags: set[str]
    segments: list[str]
    following: Presence | None = None
    follower: Presence | None = None
    # text_signals() and topic_terms(), when the judgement cache already had them
    signals: list[Any] | None = None
    topics: list[str] | None = None


@lru_cache(maxsize=1 << 17)  # each date is read by the activity rule and the listing
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
    # One statement: outside a transaction, executemany commits row by row (1.8 s for 90k ids).
    store.execute(f"INSERT INTO {name} SELECT value FROM json_each(?)", [json.dumps(ids)])


_UNREAD_COLUMNS = frozenset({"raw", "first_seen", "last_seen", "person_id", "protected"})
_NO_TAGS: set[str] = frozenset()  # type: ignore[assignment]  (never added to: see below)
_SHARED_COLUMNS = (
    "platform",
    "state",
    "country",
    "region",
    "location",
    "created_at",
    "followers_count",
    "following_count",
    "posts_count",
)


def load_profiles(store: Store, account_ids: list[int], *, tags: bool = True) -> dict[int, Profile]:
    """Accounts with their latest stored posts, hashtags (unless ``tags`` is False: only the
    topic rule reads them) and segments, in a few queries."""
    _temp_ids(store, "_prune_ids", account_ids)
    # Every column but those no rule reads: the platform's raw record (400 bytes an account),
    # and enough others that a row fits Python's smaller dict (464 bytes, not 832: 40 MB at 100k).
    columns = ", ".join(
        f"a.{name}"
        for _, name, *_ in store.execute("PRAGMA table_info(accounts)")
        if name not in _UNREAD_COLUMNS
    )
    # Equal values of the columns a crowd repeats are one object (issue 18: memory at 1M).
    # Each query starts from the ids (CROSS JOIN fixes the order): not knowing how few they
    # are, SQLite would read every account, post or membership for a batch of a large crowd.
    rows = rows_sharing(
        store.execute(f"SELECT {columns} FROM _prune_ids i CROSS JOIN accounts a ON a.id = i.id"),
        _SHARED_COLUMNS,
    )
    # An account without hashtags shares one empty set (a set each is 216 bytes).
    profiles = {row["id"]: Profile(row, [], _NO_TAGS, []) for row in rows}
    shared = SharedValues()
    # A post as the rules read it: its text and date (not its link and id: 150 bytes a post).
    for account_id, text, created_at in store.execute(
        """SELECT account_id, text, created_at FROM (
               SELECT p.account_id, p.text, p.created_at,
                      row_number() OVER (PARTITION BY p.account_id
                                              ORDER BY p.created_at DESC) AS n
               FROM _prune_ids i CROSS JOIN posts p ON p.account_id = i.id)
           WHERE n <= ?""",
        [POSTS_PER_ACCOUNT],
    ):
        # (reposts and templates say the same: one object per text)
        profiles[account_id].posts.append({"text": shared.share(text), "created_at": created_at})
    squashed: dict[str, str] = {}  # a crowd uses the same few hashtags: each read once
    tagged = """SELECT p.account_id, h.tag FROM _prune_ids i
                CROSS JOIN posts p ON p.account_id = i.id
                JOIN post_hashtags h ON h.post_id = p.id"""
    for account_id, tag in store.execute(tagged) if tags else ():
        if (key := squashed.get(tag)) is None:
            key = squashed[tag] = "".join(_words(tag))
        profile = profiles[account_id]
        if profile.tags is _NO_TAGS:
            profile.tags = set()
        profile.tags.add(key)
    for account_id, name in store.execute(
        """SELECT m.account_id, s.name FROM _prune_ids i
           CROSS JOIN segment_members m ON m.account_id = i.id
           JOIN segments s ON s.id = m.segment_id WHERE m.excluded = 0 ORDER BY s.name"""
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
    stored = profile.row["last_post_at"]
    latest = profile.posts[0]["created_at"] if profile.posts else None
    if stored and latest and stored != latest:
        return max(stored, latest, key=_parse)
    return stored or latest or None


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
        # (created after an --as-of date when a run is replayed: new then too)
        reasons.append(_reason("new-account", f"account only {max(age, 0):.0f} days old"))
    following, followers = row["following_count"], row["followers_count"]
    if following is not None and followers is not None and following >= MIN_FOLLOWING_FOR_RATIO:
        ratio = following / max(followers, 1)
        if ratio > settings.following_ratio or (
            following >= MASS_FOLLOWING and ratio > settings.following_ratio / 2
        ):
            # Following thousands who do not follow back is how follow-spam grows; a quiet
            # person following a hundred with few followers is not that.
            mass = following >= MASS_FOLLOWING and ratio > settings.following_ratio
            reasons.append(
                _reason(
                    "following-ratio",
                    f"follows {following:,} but only {followers:,} follow back ({ratio:.0f}:1)",
                    MASS_FOLLOWING_WEIGHT if mass else None,
                )
            )
    if (
        not any(r.code == "following-ratio" for r in reasons)
        and following is not None
        and age is not None
        and age < 365
        and following >= 200
    ):
        per_day = following / max(age, 1)
        if per_day > 10 and following > 5 * max(followers or 0, 1):
            reasons.append(
                _reason(
                    "following-ratio",
                    f"followed {following:,} accounts in {age:.0f} days, "
                    f"{followers or 0:,} follow back",
                )
            )
    handle = row["handle"] or ""
    if _DIGITS_HANDLE.match(handle.split("@")[0].split(".")[0]):
        reasons.append(_reason("digits-handle", f"handle @{handle} ends in random digits"))
    follow_back, bot, scam, _ = profile.signals or text_signals(profile)
    if said := follow_back:
        reasons.append(_reason("follow-back-spam", f'follow-for-follow ("{said}")'))
    # A listed organisation's own status or alerts account is automated and still theirs.
    if not profile.segments and (said := bot):
        reasons.append(_reason("bot", f'an automated account ("{said}")'))
    if said := scam:
        reasons.append(_reason("scam", f'bait or phishing ("{said}")'))
    if not profile.segments:  # a listed organisation's job or alerts feed repeats itself too
        reasons += _post_pattern_reasons(profile.posts)
    return reasons


def text_signals(profile: Profile) -> list[Any]:
    """What the name, bio and posts say of follow-for-follow, automation and bait (the words
    found, or None) and whether the account is a parody. They read only the account's own
    texts (kept by the judgement cache)."""
    from audience.roles import is_parody

    row = profile.row
    texts = [row["display_name"] or "", row["bio"] or "", *(p["text"] or "" for p in profile.posts)]
    # (searched: a crowd repeats names, bios and posts, each read once)
    follow_back = next((m.group(0) for t in texts if (m := searched(_follow_back(), t))), None)
    parody = is_parody(row["display_name"], row["bio"], fans=False)
    return [follow_back, _bot_words(row["display_name"], row["bio"]), _scam_words(texts), parody]


def _post_pattern_reasons(posts: list[dict[str, Any]]) -> list[Reason]:
    texts = [p["text"] or "" for p in posts]
    if len(texts) < MIN_POSTS_FOR_PATTERNS:
        return []
    reasons = []
    with_links = sum(1 for t in texts if _URL.search(t))
    # With only a few posts, a link only counts when it is (almost) all the post says.
    bare = sum(1 for t in texts if _URL.search(t) and len(WORD.findall(_URL.sub("", t))) < 4)
    if bare == len(texts) >= MIN_LINK_ONLY_POSTS:
        # judgement.md's "link-only posts": every post a link with a word or two around it
        reasons.append(_reason("link-only", f"all {len(texts)} posts are bare links"))
    elif with_links / len(texts) >= 0.8 and (len(texts) >= 5 or bare == len(texts)):
        reasons.append(_reason("mostly-links", f"{with_links} of {len(texts)} posts are links"))
    # A post without a word ("…", an emoji) says nothing, once or twice.
    worded = [t for t in texts if WORD.search(t)]
    said_once = [_without_tags(t) for t in worded]
    distinct = set(said_once)
    # A few posts, one said twice word for word ("Daily #CX tip! 🔥"): people rarely do that.
    repeated_line = len(texts) <= 5 and any(
        said_once.count(line) > 1 and len(WORD.findall(_URL.sub("", text))) >= 3
        for line, text in zip(said_once, worded, strict=True)
    )
    if (worded and len(distinct) / len(worded) <= 0.5) or repeated_line:
        code = "repeated-links" if with_links == len(texts) else "repeated-posts"
        said = " with links" if code == "repeated-links" else ""
        reasons.append(
            _reason(code, f"{len(texts)} posts{said} but only {len(distinct)} different")
        )
    if all(t.startswith("RT @") for t in texts):
        reasons.append(_reason("reposts-only", f"all {len(texts)} posts are reposts"))
    return reasons


def _without_tags(text: str) -> str:
    """A post without its links and hashtags: the same pitch with other tags is a repeat."""
    return " ".join(_HASHTAG.sub("", _URL.sub("", text)).lower().split())


_HASHTAG = re.compile(r"(?<![\w#])#\w+")


def _bot_words(name: str | None, bio: str | None) -> str | None:
    from audience.roles import automation_word, fold_same_length

    if "🤖" in (name or ""):
        return "🤖"  # in a bio it is as often someone who designs chatbots
    # Folded as the vocabulary is: a full decomposition would split Hangul into its letters.
    for text in (name or "", bio or ""):
        if found := automation_word(fold_same_length(text)):
            return found
    return None


def _scam_words(texts: list[str]) -> str | None:
    """Giveaways, "DM your login", "enter your card details": the language files' bait."""
    from audience.roles import DEFAULT_LEXICON, fold_same_length

    pattern = DEFAULT_LEXICON.scam_markers
    if pattern is None:
        return None
    return next((m.group(0) for t in texts if (m := searched(pattern, fold_same_length(t)))), None)


@lru_cache(maxsize=1)
def _follow_back() -> re.Pattern[str]:
    """Follow-for-follow phrasing: the built-in English and the language files' words."""
    from audience.roles import DEFAULT_LEXICON

    extra = sorted(DEFAULT_LEXICON.vocabulary.follow_back_markers, key=len, reverse=True)
    if not extra:
        return _FOLLOW_BACK
    spaced = "|".join(re.escape(w) for w in extra if not _UNSPACED.search(w)) or "(?!)"
    # Words of scripts without spaces run into the next one ("相互フォロー100%").
    unspaced = "|".join(re.escape(w) for w in extra if _UNSPACED.search(w)) or "(?!)"
    return re.compile(rf"{_FOLLOW_BACK.pattern}|(?<![\w])(?:{spaced})(?![\w])|(?:{unspaced})", re.I)


def region_reasons(profile: Profile, rules: Rules) -> list[Reason]:
    from audience.geo import account_place, matches_region, names_a_country
    from audience.normalize import fold

    if not rules.home_regions:
        return []
    place = account_place(profile.row)
    if place is None or matches_region(place, rules.home_regions):
        return []
    home = tuple(rules.home_regions)
    if _names_a_home_place(profile.row["location"] or "", home):
        return []  # "Oak Ridge, Roatán": a home place the gazetteer does not know, named
    named = place.city or place.state
    written = _LOCATION_PARTS.split(profile.row["location"] or "")[0].strip()
    shortened = bool(named and written) and fold(named).startswith(fold(written))
    readings = [named, written] if shortened else [named]
    in_home = any(_city_in_home(n, home) for n in readings if n)
    if in_home and not names_a_country(profile.row["location"]):
        # Valencia (Spain) as well as Valencia (Venezuela), Beira (a Portuguese region) as well
        # as Beira (Mozambique): the home one is meant, unless the location says the country.
        # The name as written counts too when the place read is a longer one: "León" is read
        # as León de los Aldama.
        return []
    where = f"{place.city}, {place.country}" if place.city else place.country
    return [_reason("outside-region", f"in {where}, outside {', '.join(rules.home_regions)}")]


_LOCATION_PARTS = re.compile(r"[,/|·]")  # "Oak Ridge, Roatán", "León / Managua"


@lru_cache(maxsize=4096)
def _names_a_home_place(location: str, home_regions: tuple[str, ...]) -> bool:
    """One of the location's comma-separated parts is a home region as the user wrote it and
    the gazetteer does not know (so the place read from the rest may be a namesake abroad); not
    "Atlanta, Georgia", which the gazetteer reads whole."""
    from audience.geo import normalize_location
    from audience.normalize import fold

    home = {fold(region) for region in home_regions}
    parts = (part.strip() for part in _LOCATION_PARTS.split(location))
    return any(fold(part) in home and normalize_location(part) is None for part in parts)


@lru_cache(maxsize=4096)
def _city_in_home(city: str, home_regions: tuple[str, ...]) -> bool:
    """A city of this name (15,000+ people) exists in one of the home regions."""
    from audience.geo import city_countries, home_countries

    return bool(city_countries(city) & home_countries(list(home_regions)))


def topic_terms(profile: Profile, matcher: TopicMatcher) -> set[str]:
    text = " ".join([_current_bio(profile.row["bio"]), *(p["text"] or "" for p in profile.posts)])
    return matcher.terms(text, profile.tags)


def _current_bio(bio: str | None) -> str:
    """The bio without what it says about the past ("Ex-Acme Energy. Now a driving teacher")."""
    from audience.roles import bio_text

    if not bio:
        return ""
    text = bio_text(bio)
    if not text._past:
        return bio  # nothing said of the past
    return "".join(" " if text.is_past(i) else ch for i, ch in enumerate(bio))


def topic_reasons(profile: Profile, matcher: TopicMatcher) -> list[Reason]:
    # Someone in one of my segments (a supplier, a competitor) is my industry by definition.
    if not matcher or profile.segments:
        return []
    if not (profile.row["bio"] or "").strip() and not profile.posts:
        return []  # nothing to judge by; the empty bio is a spam signal of its own
    if profile.topics if profile.topics is not None else topic_terms(profile, matcher):
        return []
    if _a_body(profile):
        return []  # judgement.md keeps industry bodies and local partners, on topic or not
    said = f"bio and {len(profile.posts)} posts" if profile.posts else "bio"
    return [_reason("off-topic", f"nothing on your topics in their {said}")]


def _a_body(profile: Profile) -> bool:
    """An industry body, a chamber or a public agency speaking for itself (the vocabulary's
    ``body_words``), not a person who mentions one."""
    from audience.roles import DEFAULT_LEXICON, fold_same_length, organisation_signals

    row = profile.row
    name, bio = row["display_name"], row["bio"]
    bodies = DEFAULT_LEXICON.bodies
    said = searched(bodies, fold_same_length(name)) or searched(bodies, fold_same_length(bio))
    return bool(said) and organisation_signals(row["handle"], name, bio)[1] == 0


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


def in_grace(
    profile: Profile, settings: PruneSettings, now: datetime, followed_at: str | None = None
) -> bool:
    """Followed within the grace period, its last day included ("within 14 days"): by
    ``audience follow`` (``followed_at``, exact) or, failing that, by when the account first
    appeared in my following snapshots."""
    days = _days(followed_at, now) if followed_at else None
    # Whole days: one followed on the 16th is in its 14th day all through the 30th.
    if days is not None and 0 <= days // 1 <= settings.grace_days:
        return True
    # Members of the first snapshot were followed before tracking began: their date is unknown,
    # and treating it as "just now" would hide everyone for a month after the first sync.
    following = profile.following
    if following is None or following.since_first:
        return False
    days = _days(following.since_at, now)
    return days is not None and days // 1 <= settings.grace_days


def media_role(profile: Profile, lexicon: Any = None) -> str | None:
    """Why the account reads as press (a journalist, an outlet, an outlet's page or handle),
    or None. Evidence below the segment line counts too: the press matter to a PR team
    wherever they are and whatever they cover, and a journalist missed is a journalist lost."""
    from audience.roles import DEFAULT_LEXICON, press_evidence
    from audience.segment import follows_like_spam

    row = profile.row
    lexicon = lexicon or DEFAULT_LEXICON
    found = press_evidence(row["handle"], row["display_name"], row["bio"], row["website"], lexicon)
    if found is None:
        byline = _byline_post(profile.posts, lexicon)
        return f'a post reads as press work ("{byline}")' if byline else None
    if found.is_outlet_account and follows_like_spam(row):
        return None
    return found.reason if found.strong else f"{found.reason} (below the press line)"


def _byline_post(posts: list[dict[str, Any]], lexicon: Any) -> str | None:
    """A post about the account's own press work ("On assignment for the Post", "My column in
    today's paper", "In onda stasera"): ``byline_markers``. A journalist whose bio says nothing
    is still press, and prune never suggests press."""
    from audience.roles import fold_same_length

    pattern = lexicon.byline_markers
    if pattern is None:
        return None
    for post in posts:
        text = post["text"] or ""
        if found := searched(pattern, fold_same_length(text)):
            return text[found.start() : found.end()]
    return None


def parody_reasons(profile: Profile) -> list[Reason]:
    from audience.roles import is_parody

    row = profile.row
    # Parody goes (judgement.md); a fan page is judged like anyone else.
    if (
        profile.signals[3]
        if profile.signals
        else is_parody(row["display_name"], row["bio"], fans=False)
    ):
        return [_reason("parody", "parody account")]
    return []


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
    return [
        *reasons,
        *parody_reasons(profile),
        *follow_back_reasons(profile, followers_known),
        *activity_reasons(profile, settings, now),
        *region_reasons(profile, rules),
        *topic_reasons(profile, matcher),
        *spam_reasons(profile, settings, now),
    ]


def score(reasons: list[Reason]) -> float:
    """The noisy-or of the weights, raised to the policy's floor for the pairs that go
    together (off-industry and not following back, off-industry and abroad, two signs of a
    fake account)."""
    value = noisy_or([r.weight for r in reasons])
    codes = {r.code for r in reasons}
    if "off-topic" in codes and codes.intersection(OFF_TOPIC_PAIRS):
        value = max(value, PAIR_SCORE)
    if len(codes & STRONG_SPAM_CODES) >= 2:
        value = max(value, PAIR_SCORE)
    return value


# ---- suggestions --------------------------------------------------------------------------


@dataclass
class PruneReview:
    """Everything one run of the rules found: the suggestions, the near misses (scores just
    under the line) and the accounts to check by hand (press evidence: never suggested)."""

    suggestions: list[Suggestion] = field(default_factory=list)
    near_misses: list[Suggestion] = field(default_factory=list)
    checks: list[Suggestion] = field(default_factory=list)
    # With ``top``, only the first ``top`` suggestions in score order are kept (those of
    # ``leave_out`` never), and ``suggested`` counts them all: a report lists a few of them.
    top: int | None = None
    leave_out: Collection[int] = frozenset()
    suggested: int = 0
    _kept: int = field(default=0, init=False, repr=False)  # suggestions already cut to the top

    def as_dict(self) -> dict[str, Any]:
        return {
            "suggestions": [s.as_dict() for s in self.suggestions],
            "near_misses": [s.as_dict() for s in self.near_misses],
            "checks": [s.as_dict() for s in self.checks],
        }

    def keep_top(self) -> None:
        """Cut the suggestions added since the last cut, with the ones kept then, to ``top``
        (the first of them sorted as :func:`sort_suggestions` sorts by score, equal ones in the
        order they came, as a sort of them all would keep them)."""
        if self.top is None:
            return
        kept, fresh = self.suggestions[: self._kept], self.suggestions[self._kept :]
        fresh = [s for s in fresh if s.account_id not in self.leave_out]
        self.suggested += len(fresh)
        self.suggestions = heapq.nsmallest(self.top, kept + fresh, key=_by_score)
        self._kept = len(self.suggestions)


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
    protected, targeted, matched, press and grace-period accounts are never returned."""
    found = review(
        store, rules, platform, now, settings=settings, margin=1.0 if include_below else 0
    )
    return sort_suggestions(found.suggestions + found.near_misses, "score")


def top_suggestions(
    store: Store, rules: Rules, now: datetime, limit: int, leave_out: Collection[int]
) -> tuple[list[Suggestion], int]:
    """The first ``limit`` accounts of :func:`suggest`'s list, those of ``leave_out`` left out,
    and how many it has in all: only those few are held, whatever the crowd (issue 18)."""
    found = review(store, rules, now=now, margin=0, top=limit, leave_out=leave_out)
    return found.suggestions, found.suggested


@without_gc_pauses
def review(
    store: Store,
    rules: Rules,
    platform: str | None = None,
    now: datetime | None = None,
    *,
    settings: PruneSettings | None = None,
    margin: float = NEAR_MISS_MARGIN,
    as_of: bool = False,
    top: int | None = None,
    leave_out: Collection[int] = frozenset(),
) -> PruneReview:
    """Suggestions, near misses within ``margin`` under ``min_score``, and press to check.
    ``now`` is the moment judged for: inactivity, account age and the grace period are all
    measured from it. ``as_of`` (``--as-of``) also replays the snapshots: only those taken by
    ``now`` count, so a decision can be audited later."""
    replay = now is not None and as_of
    now = now or datetime.now(UTC)
    settings = settings or PruneSettings.from_rules(rules)
    platforms = [platform] if platform else synced_platforms(store)
    if not platforms:
        raise NeedsSync(
            "No complete snapshot of whom you follow yet. Run `audience sync --platform x` "
            "(or bluesky, mastodon) first, or import your own archive with `audience import`."
        )
    result = PruneReview(top=top, leave_out=leave_out)
    lexicon = press_lexicon(store, rules)
    for name in platforms:
        _review_platform(store, rules, name, now, settings, margin, lexicon, result, replay)
    result.suggestions = sort_suggestions(result.suggestions, "score")
    result.near_misses = sort_suggestions(result.near_misses, "score")
    return result


def press_lexicon(store: Store, rules: Rules) -> Any:
    """The workspace's role words and outlets, with the outlets its press members show."""
    from audience.judgement_cache import press_evidence_cache, press_evidence_of, press_fields
    from audience.roles import PressFinding
    from audience.segment import learn_outlets, parse_segment_config

    # Vocabulary files named in audience.toml sit next to it, beside the workspace file.
    where = Path(store.path).resolve().parent / "audience.toml" if store.path else "audience.toml"
    lexicon = parse_segment_config(rules.raw, where).lexicon
    rows = store.query(
        "SELECT a.id, a.handle, a.display_name, a.bio, a.website, m.source FROM accounts a "
        "JOIN segment_members m ON m.account_id = a.id JOIN segments s ON s.id = m.segment_id "
        "WHERE s.name = 'press' AND m.excluded = 0"
    )
    # Kept between runs, and filled by `segment auto` for the members it found (issue 18).
    cache = press_evidence_cache(store, lexicon, [row["id"] for row in rows])
    cache.judge_ahead(((r["id"], press_fields(r), (r, lexicon)) for r in rows), press_evidence_of)
    findings = {}
    for row in rows:
        found = cache.judge(row["id"], press_fields(row), press_evidence_of, row, lexicon)
        if found:
            findings[row["id"]] = PressFinding(**found)
    cache.save()
    manual = {row["id"] for row in rows if row["source"] == "manual"}
    return lexicon.with_outlets(learn_outlets(rows, findings, manual))


def _review_platform(
    store: Store,
    rules: Rules,
    platform: str,
    now: datetime,
    settings: PruneSettings,
    margin: float,
    lexicon: Any,
    result: PruneReview,
    replay: bool = False,
) -> None:
    if replay:
        # A replay sees the snapshots of that day, not the ones taken since.
        series, following = presence(store, platform, "following", until=now)
        if not series:
            raise NeedsSync(f"No snapshot of your following on {platform} before {now:%Y-%m-%d}.")
        followed = sorted(snapshot_members(store, series[-1].id))
        follower_series, followers = presence(store, platform, "followers", until=now)
    else:
        latest = require_snapshot(store, platform, "following")
        followed = sorted(snapshot_members(store, latest.id) - already_unfollowed(store, platform))
        _, following = presence(store, platform, "following")
        follower_series, followers = presence(store, platform, "followers")
    guarded = protection(store, rules, followed)
    candidates = [a for a in followed if a not in guarded]
    crowd = _Crowd(
        following,
        followers,
        followed_at(store, platform),
        follower_series[0].taken_at if follower_series else None,
        topic_matcher(rules),
        lexicon,
        _press_context(lexicon),
    )
    # A batch of accounts at a time, each judged as all at once would be: only one batch's
    # profiles (a row and posts each, ~2 KB) and judgements are held (issue 18: memory at 1M).
    for start in range(0, len(candidates), REVIEW_BATCH):
        batch = candidates[start : start + REVIEW_BATCH]
        _review_batch(store, rules, batch, crowd, now, settings, margin, result)
        result.keep_top()


@dataclass
class _Crowd:
    """What the review of one platform's accounts knows of all of them, read once."""

    following: dict[int, Presence]
    followers: dict[int, Presence]
    sent: dict[int, Any]  # account -> when I followed it (followed_at)
    followers_known: str | None  # when my followers were first recorded
    matcher: TopicMatcher
    lexicon: Any  # press_lexicon
    press_context: bytes  # what media_role's results depend on: worked out once, not per batch


def _review_batch(
    store: Store,
    rules: Rules,
    candidates: list[int],
    crowd: _Crowd,
    now: datetime,
    settings: PruneSettings,
    margin: float,
    result: PruneReview,
) -> None:
    following, followers, sent = crowd.following, crowd.followers, crowd.sent
    matcher, lexicon, followers_known = crowd.matcher, crowd.lexicon, crowd.followers_known
    profiles = load_profiles(store, candidates, tags=bool(matcher))
    press_cache = _press_cache(store, crowd.press_context, candidates)
    signal_cache = _signal_cache(store, candidates)
    topic_cache = _topic_cache(store, rules, candidates)
    active = []
    for account_id in candidates:
        profile = profiles[account_id]
        profile.following = following.get(account_id)
        profile.follower = followers.get(account_id)
        if not in_grace(profile, settings, now, sent.get(account_id)):
            active.append(profile)
    # A large crowd's text judgements are shared out over the cores first (issue 18).
    signal_cache.judge_ahead(((p.row["id"], _signal_fields(p), (p,)) for p in active), text_signals)
    if matcher:
        topic_cache.judge_ahead(
            ((p.row["id"], _topic_fields(p), (p, matcher)) for p in active if not p.segments),
            _sorted_topics,
        )
    assessed = []
    for profile in active:
        account_id = profile.row["id"]
        profile.signals = signal_cache.judge(
            account_id, _signal_fields(profile), text_signals, profile
        )
        if matcher and not profile.segments:
            profile.topics = topic_cache.judge(
                account_id, _topic_fields(profile), _sorted_topics, profile, matcher
            )
        reasons = assess(profile, rules, settings, matcher, followers_known, now)
        value = score(reasons)
        gone = profile.row["state"] in ("suspended", "deleted")
        spam = noisy_or([r.weight for r in reasons if r.code in SPAM_CODES])
        # Headline bots and follow-for-follow accounts dressed as news are not press; nor is
        # the staff of an organisation in one of my segments ("Marketing @AcmeTV").
        staff = bool(profile.segments) and "press" not in profile.segments
        assessed.append(
            (profile, reasons, value, not gone and not staff and spam < settings.min_score)
        )
    press_cache.judge_ahead(
        ((p.row["id"], _press_fields(p), (p, lexicon)) for p, *_, asked in assessed if asked),
        media_role,
        together=_PRESS_FIELDS.index("bio"),  # a bio's answers worked out by one worker
    )
    signal_cache.save()  # written while the workers judge the press (issue 18)
    topic_cache.save()
    for profile, reasons, value, asked in assessed:
        role = (
            press_cache.judge(
                profile.row["id"], _press_fields(profile), media_role, profile, lexicon
            )
            if asked
            else None
        )
        if role:
            check = Reason("press-evidence", f"check by hand: {role}", 0.0)
            listed = _suggestion(profile, value, reasons)
            listed.reasons.insert(0, check)
            result.checks.append(listed)
        elif value >= settings.min_score:
            result.suggestions.append(_suggestion(profile, value, reasons))
        elif value >= settings.min_score - margin:
            result.near_misses.append(_suggestion(profile, value, reasons))
    press_cache.save()


_PRESS_FIELDS = ("handle", "display_name", "bio", "website", "following_count", "followers_count")


def _press_fields(profile: Profile) -> tuple[Any, ...]:
    return (*_READ_PRESS(profile.row), tuple(p["text"] for p in profile.posts))


_READ_PRESS = itemgetter(*_PRESS_FIELDS)


def _signal_fields(profile: Profile) -> tuple[Any, ...]:
    row = profile.row
    return (row["display_name"], row["bio"], tuple(p["text"] for p in profile.posts))


def _signal_cache(store: Store, account_ids: list[int]) -> Any:
    """:func:`text_signals` kept between runs: they read the account's own texts and the
    built-in vocabulary only."""
    from audience.judgement_cache import JudgementCache, context_fingerprint

    context = context_fingerprint("text_signals", "parody")
    return JudgementCache(store, "prune-signals", context, account_ids)


def _topic_fields(profile: Profile) -> tuple[Any, ...]:
    texts = tuple(p["text"] for p in profile.posts)
    return (profile.row["bio"], texts, tuple(sorted(profile.tags)))


def _sorted_topics(profile: Profile, matcher: TopicMatcher) -> list[str]:
    return sorted(topic_terms(profile, matcher))


def _topic_cache(store: Store, rules: Rules, account_ids: list[int]) -> Any:
    """:func:`topic_terms` kept between runs: they read the account's bio, posts and hashtags,
    my topics and the trade words of audience/data/fields."""
    from audience.judgement_cache import JudgementCache, context_fingerprint

    context = context_fingerprint(
        "topic_terms", list(rules.topics), own_names(rules), list(rules.home_regions)
    )
    return JudgementCache(store, "prune-topics", context, account_ids)


def _press_context(lexicon: Any) -> bytes:
    """What :func:`media_role` results depend on besides the account: the rules and the
    lexicon, learned outlets included (hashing them takes ~0.4 s at 1M: once per review)."""
    from audience.judgement_cache import context_fingerprint, lexicon_fingerprint

    return context_fingerprint("media_role", lexicon_fingerprint(lexicon))


def _press_cache(store: Store, context: bytes, account_ids: list[int]) -> Any:
    """:func:`media_role` results kept between runs (audience/judgement_cache.py): they read
    only the account's own fields and the lexicon (learned outlets included)."""
    from audience.judgement_cache import JudgementCache

    return JudgementCache(store, "prune-press", context, account_ids)


def media_role_cache(store: Store, lexicon: Any, account_ids: list[int]) -> Any:
    """:func:`media_role` of ``account_ids`` under ``lexicon`` (:func:`press_lexicon`), kept
    between runs as prune keeps it: follow-back judges new followers with it, and an account
    I follow and one following me are judged once for both. Ask it with
    :func:`media_role_fields`."""
    return _press_cache(store, _press_context(lexicon), account_ids)


def media_role_fields(profile: Profile) -> tuple[Any, ...]:
    """What :func:`media_role` reads of an account (its bio at :data:`MEDIA_ROLE_BIO`)."""
    return _press_fields(profile)


MEDIA_ROLE_BIO = _PRESS_FIELDS.index("bio")


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
        return sorted(suggestions, key=_by_score)
    if key == "followers":
        return sorted(suggestions, key=lambda s: (s.followers or 0, -s.score))
    return sorted(suggestions, key=lambda s: (s.last_active is not None, s.last_active or ""))


def _by_score(suggestion: Suggestion) -> tuple[float, str]:
    return -suggestion.score, (suggestion.handle or "").lower()


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
    "PruneReview",
    "PruneSettings",
    "Reason",
    "Suggestion",
    "apply_unfollows",
    "prepare_apply",
    "protection",
    "review",
    "suggest",
    "sort_suggestions",
    "write_csv",
]
