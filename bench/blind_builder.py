"""Turn a blind set's hand-written ``src/*.txt`` accounts into twarc2 pages and label CSVs.

Shared by ``bench/data/blind4`` … ``blind10``: each set's ``make_blindN.py`` names what its author
wrote differently (the post separator, the web domains linked in bios, how dates and languages
are given) in a :class:`Format` and calls :func:`build`.

The source format: one account a line, fields separated by ``~~`` (``COMMON`` plus the segment or
prune fields); a leading ``*`` on the username marks a protected account and ``+`` a verified
one; a leading ``!`` on the counts (followers/following/posts) the default avatar and ``+`` a
verified account; ``-`` as last post an account with no timeline, which comes from a users
look-up page. Bio addresses become t.co links with ``entities.description.urls``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

SEP = "~~"
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
COMMON = [
    "username",
    "name",
    "bio",
    "location",
    "website",
    "counts",
    "created",
    "last_post",
    "posts",
]
SEGMENT_FIELDS = COMMON + ["segment", "also", "lang", "hard_case", "why"]
PRUNE_FIELDS = COMMON + [
    "followed_at",
    "follows_me",
    "decision",
    "reason",
    "segment",
    "lang",
    "hard_case",
    "why",
]


def year_created_at(row: dict, uid: str) -> str:
    """The account's creation year, with a month and day taken from its id."""
    month, day = int(uid[-2:]) % 12 + 1, int(uid[-4:-2]) % 28 + 1
    return f"{row['created']}-{month:02d}-{day:02d}T09:14:22.000Z"


def account_lang(text: str, row: dict) -> tuple[str, str]:
    """Every post in the account's language."""
    return row["lang"], text


@dataclass(frozen=True)
class Format:
    here: Path
    tlds: str  # the top-level domains whose bare addresses in a bio are links ("com|de|fr")
    post_separator: str = "//"
    retrieved: str = "2026-11-30T10:00:00+00:00"
    mention: str = r"@(\w+)"
    hashtag: str = r"#(\w+)"
    created_at: Callable[[dict, str], str] = year_created_at
    post_lang: Callable[[str, dict], tuple[str, str]] = account_lang  # -> (lang, text)
    verified_handles: frozenset[str] = field(default_factory=frozenset)
    # The two files are separate crawls: may an account be in both (once in each)?
    shared_accounts: bool = False

    @property
    def address(self) -> re.Pattern[str]:
        return re.compile(rf"https?://\S+|(?<![@\w.-])(?:[\w-]+\.)+(?:{self.tlds})\b(?:/\S*)?")


def numeric_id(seed: str, digits: int = 18) -> str:
    value = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return str(10 ** (digits - 1) + value % (9 * 10 ** (digits - 1)))


def tco(seed: str) -> str:
    return "https://t.co/" + hashlib.md5(seed.encode()).hexdigest()[:10]


def description_entities(fmt: Format, text: str, seed: str) -> tuple[str, dict]:
    entities: dict = {}
    urls = [match.group(0).rstrip(".,)") for match in fmt.address.finditer(text)]
    out = text
    url_items = []
    for raw in urls:
        short = tco(seed + raw)
        out = out.replace(raw, short, 1)
        expanded = raw if raw.startswith("http") else "https://" + raw
        url_items.append(
            {"url": short, "expanded_url": expanded, "display_url": raw.split("//")[-1]}
        )
    for item in url_items:
        start = out.find(item["url"])
        item["start"], item["end"] = start, start + len(item["url"])
    if url_items:
        entities["urls"] = url_items
    mentions = _spans(fmt.mention, out, "username")
    if mentions:
        entities["mentions"] = mentions
    tags = _spans(fmt.hashtag, out, "tag")
    if tags:
        entities["hashtags"] = tags
    return out, entities


def _spans(pattern: str, text: str, key: str) -> list[dict]:
    return [
        {"start": m.start(), "end": m.end(), key: m.group(1)} for m in re.finditer(pattern, text)
    ]


def user_object(fmt: Format, row: dict) -> dict:
    uid = numeric_id("user:" + row["username"])
    counts = row["counts"]
    flags = counts[: len(counts) - len(counts.lstrip("!+"))]
    followers, following, tweets = (int(x) for x in counts.lstrip("!+").split("/"))
    description, desc_entities = description_entities(fmt, row["bio"], row["username"])
    verified = row.get("verified", False) or "+" in flags or row["username"] in fmt.verified_handles
    user = {
        "id": uid,
        "username": row["username"],
        "name": row["name"],
        "description": description,
        "location": row["location"],
        "created_at": fmt.created_at(row, uid),
        "protected": row.get("protected", False),
        "verified": verified,
        "profile_image_url": DEFAULT_AVATAR
        if "!" in flags
        else f"https://pbs.twimg.com/profile_images/{uid[:10]}/p_normal.jpg",
        "public_metrics": {
            "followers_count": followers,
            "following_count": following,
            "tweet_count": tweets,
            "listed_count": max(0, followers // 90),
        },
    }
    entities = {}
    if row["website"]:
        short = tco("site" + row["username"])
        user["url"] = short
        site = row["website"] if row["website"].startswith("http") else "https://" + row["website"]
        entities["url"] = {
            "urls": [
                {
                    "start": 0,
                    "end": len(short),
                    "url": short,
                    "expanded_url": site,
                    "display_url": row["website"],
                }
            ]
        }
    if desc_entities:
        entities["description"] = desc_entities
    if entities:
        user["entities"] = entities
    return user


def tweet_entities(fmt: Format, text: str) -> dict:
    entities: dict = {}
    urls = [
        {"start": m.start(), "end": m.end(), "url": m.group(0), "expanded_url": m.group(0)}
        for m in re.finditer(r"https?://\S+", text)
    ]
    found = (
        ("mentions", _spans(fmt.mention, text, "username")),
        ("hashtags", _spans(r"#(\w+)", text, "tag")),
    )
    for key, value in (*found, ("urls", urls)):
        if value:
            entities[key] = value
    return entities


def post_texts(fmt: Format, row: dict) -> list[str]:
    return [t.strip() for t in row["posts"].split(fmt.post_separator) if t.strip()]


def timeline_page(fmt: Format, row: dict, user: dict) -> dict:
    last = datetime.fromisoformat(row["last_post"]).replace(
        tzinfo=UTC, hour=8 + len(row["username"]) % 10
    )
    tweets = []
    for index, written in enumerate(post_texts(fmt, row)):
        lang, text = fmt.post_lang(written, row)
        when = last - timedelta(days=index * (3 + len(text) % 11), hours=index * 5)
        tid = numeric_id(f"tweet:{row['username']}:{index}", 19)
        tweet = {
            "id": tid,
            "text": text,
            "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "author_id": user["id"],
            "lang": lang,
            "conversation_id": tid,
            "public_metrics": {
                "retweet_count": len(text) % 7,
                "reply_count": len(text) % 4,
                "like_count": len(text) % 23,
                "quote_count": 0,
            },
        }
        if text.startswith("RT @"):
            tweet["referenced_tweets"] = [{"type": "retweeted", "id": numeric_id("rt" + text, 19)}]
        elif text.startswith("@"):
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": numeric_id("re" + text, 19)}]
            tweet["in_reply_to_user_id"] = numeric_id("user:" + text.split()[0][1:])
        entities = tweet_entities(fmt, text)
        if entities:
            tweet["entities"] = entities
        tweets.append(tweet)
    return {
        "data": tweets,
        "includes": {"users": [user]},
        "meta": {
            "result_count": len(tweets),
            "newest_id": tweets[0]["id"],
            "oldest_id": tweets[-1]["id"],
        },
        "__twarc": {
            "url": f"https://api.twitter.com/2/users/{user['id']}/tweets?max_results=100",
            "version": "2.14.0",
            "retrieved_at": fmt.retrieved,
        },
    }


def read_rows(path: Path, fields: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(SEP)]
        if len(parts) != len(fields):
            raise SystemExit(
                f"{path.name}:{number}: {len(parts)} fields, expected {len(fields)}: {line[:60]}"
            )
        row = dict(zip(fields, parts, strict=True))
        while row["username"][:1] in ("*", "+"):
            flag = "protected" if row["username"][0] == "*" else "verified"
            row["username"] = row["username"][1:]
            row[flag] = True
        rows.append(row)
    return rows


def write_jsonl(fmt: Format, rows: list[dict], path: Path) -> None:
    silent = []
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            user = user_object(fmt, row)
            if row["last_post"] == "-":
                silent.append(user)
            else:
                out.write(json.dumps(timeline_page(fmt, row, user), ensure_ascii=False) + "\n")
        for start in range(0, len(silent), 50):
            chunk = silent[start : start + 50]
            ids = ",".join(u["id"] for u in chunk)
            page = {
                "data": chunk,
                "__twarc": {
                    "url": f"https://api.twitter.com/2/users?ids={ids}",
                    "version": "2.14.0",
                    "retrieved_at": fmt.retrieved,
                },
            }
            out.write(json.dumps(page, ensure_ascii=False) + "\n")


def _duplicates(fmt: Format, segment_rows: list[dict], prune_rows: list[dict]) -> set[str]:
    groups = [segment_rows, prune_rows] if fmt.shared_accounts else [segment_rows + prune_rows]
    found: set[str] = set()
    for rows in groups:
        names = [r["username"].lower() for r in rows]
        found |= {n for n in names if names.count(n) > 1}
    return found


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def build(fmt: Format) -> None:
    """Write segment.jsonl, prune.jsonl and the three label CSVs beside ``fmt.here/src``."""
    here = fmt.here
    segment_rows = []
    for path in sorted((here / "src").glob("segment_*.txt")):
        segment_rows += read_rows(path, SEGMENT_FIELDS)
    prune_rows = []
    for path in sorted((here / "src").glob("prune_*.txt")):
        prune_rows += read_rows(path, PRUNE_FIELDS)
    if duplicates := _duplicates(fmt, segment_rows, prune_rows):
        raise SystemExit(f"duplicate usernames: {sorted(duplicates)}")
    write_jsonl(fmt, segment_rows, here / "segment.jsonl")
    write_jsonl(fmt, prune_rows, here / "prune.jsonl")
    _write_csv(
        here / "segment_labels.csv",
        ["username", "segment", "also", "language", "hard_case", "why"],
        [
            [r["username"], r["segment"], r["also"], r["lang"], r["hard_case"], r["why"]]
            for r in segment_rows
        ],
    )
    _write_csv(
        here / "prune_follows.csv",
        ["username", "followed_at", "follows_me"],
        [[r["username"], r["followed_at"], r["follows_me"]] for r in prune_rows],
    )
    _write_csv(
        here / "prune_labels.csv",
        ["username", "decision", "reason", "segment", "language", "hard_case", "why"],
        [
            [
                r["username"],
                r["decision"],
                r["reason"],
                r["segment"],
                r["lang"],
                r["hard_case"],
                r["why"],
            ]
            for r in prune_rows
        ],
    )
    print(f"segment: {len(segment_rows)} accounts, prune: {len(prune_rows)} accounts")
