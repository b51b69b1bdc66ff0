"""Assemble the blind3 held-out set from the hand-written lines in src/.

Each account is one hand-written line of fields separated by ``~~``:

segment (src/segment*.txt):
    handle~~name~~bio~~location~~website~~followers,following,tweets~~created YYYY-MM
    ~~segment~~also~~lang~~hard_case~~why~~last post date or -~~post ## post ...
prune (src/prune*.txt):
    handle~~name~~bio~~location~~website~~followers,following,tweets~~created YYYY-MM
    ~~followed_at~~follows_me y/n~~decision~~reason~~segment~~lang~~hard_case~~why
    ~~last post date or -~~post ## post ...

Handle prefixes: ``!`` default avatar, ``%`` protected, ``^`` verified. A post may start
with ``[xx] `` to give its own language. src/extra_posts.txt adds older posts. Run from anywhere:
``python bench/data/blind3/make_blind3.py``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
RETRIEVED = "2026-11-30T10:00:00+00:00"
TWARC = {"version": "2.14.0", "retrieved_at": RETRIEVED}
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
URL = re.compile(r"https?://\S+")


def _digits(seed: str, length: int) -> str:
    number = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return str(10 ** (length - 1) + number % (9 * 10 ** (length - 1)))


def _tco(seed: str) -> str:
    return "https://t.co/" + hashlib.md5(seed.encode()).hexdigest()[:10]


def _entities(text: str, seed: str) -> tuple[str, dict]:
    """Replace full URLs by t.co links and find mentions, hashtags and urls with offsets."""
    expanded = {}
    for number, found in enumerate(URL.findall(text)):
        link = _tco(f"{seed}{number}{found}")
        expanded[link] = found.rstrip(".,)")
        text = text.replace(found.rstrip(".,)"), link, 1)
    entities: dict = {}
    mentions = [
        {"start": m.start(), "end": m.end(), "username": m.group(1)} for m in MENTION.finditer(text)
    ]
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)} for m in HASHTAG.finditer(text)]
    urls = []
    for link, full in expanded.items():
        start = text.find(link)
        display = re.sub(r"^https?://(www\.)?", "", full)
        urls.append(
            {"start": start, "end": start + len(link), "url": link, "expanded_url": full,
             "display_url": display[:30]}
        )
    if mentions:
        entities["mentions"] = mentions
    if tags:
        entities["hashtags"] = tags
    if urls:
        entities["urls"] = urls
    return text, entities


def _user(fields: list[str]) -> dict:
    handle, name, bio, location, website, counts, created = fields[:7]
    flags = re.match(r"[!%^]*", handle).group(0)
    handle = handle[len(flags):]
    followers, following, tweets = (int(x) for x in counts.split(","))
    year, month = created.split("-")
    day = int(_digits(handle + "d", 2)) % 27 + 1
    user = {
        "id": _digits(handle, 18 if int(year) > 2019 else 9),
        "username": handle,
        "name": name,
        "description": "",
        "location": location,
        "created_at": f"{year}-{month}-{day:02d}T{int(_digits(handle, 2)) % 24:02d}:14:07.000Z",
        "protected": "%" in flags,
        "verified": "^" in flags,
        "profile_image_url": DEFAULT_AVATAR if "!" in flags else
        f"https://pbs.twimg.com/profile_images/{_digits(handle + 'p', 19)}/{handle[:4]}_normal.jpg",
        "public_metrics": {"followers_count": followers, "following_count": following,
                           "tweet_count": tweets, "listed_count": followers // 60},
    }
    text, desc = _entities(bio, handle)
    user["description"] = text
    entities: dict = {}
    if website:
        full = website if website.startswith("http") else "https://" + website
        link = _tco(handle + "url")
        user["url"] = link
        entities["url"] = {"urls": [{"start": 0, "end": len(link), "url": link,
                                     "expanded_url": full,
                                     "display_url": re.sub(r"^https?://(www\.)?", "", full)}]}
    if desc:
        entities["description"] = desc
    if entities:
        user["entities"] = entities
    return user


def _tweets(user: dict, last: str, posts: str, lang: str) -> list[dict]:
    texts = [p.strip() for p in posts.split("##") if p.strip()]
    day = date.fromisoformat(last)
    tweets = []
    for number, raw in enumerate(texts):
        seed = f"{user['username']}{number}"
        post_lang = lang
        if raw.startswith("[") and raw[3:5] == "] ":
            post_lang, raw = raw[1:3], raw[5:]
        text, entities = _entities(raw, seed)
        tweet = {
            "id": str(1790000000000000000 + int(_digits(seed, 15))),
            "text": text,
            "created_at": f"{day.isoformat()}T{8 + number % 10:02d}:{int(_digits(seed, 2)) % 60:02d}:00.000Z",
            "author_id": user["id"],
            "lang": post_lang if post_lang != "und" else "zxx",
            "public_metrics": {"retweet_count": int(_digits(seed + "r", 2)) % 7,
                               "reply_count": int(_digits(seed + "c", 2)) % 4,
                               "like_count": int(_digits(seed + "l", 2)) % 40,
                               "quote_count": 0},
            "edit_history_tweet_ids": [],
        }
        tweet["edit_history_tweet_ids"] = [tweet["id"]]
        if entities:
            tweet["entities"] = entities
        if raw.startswith("RT @"):
            tweet["referenced_tweets"] = [{"type": "retweeted", "id": _digits(seed + "rt", 19)}]
        elif raw.startswith("@"):
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": _digits(seed + "re", 19)}]
            tweet["in_reply_to_user_id"] = _digits(entities["mentions"][0]["username"], 18)
        tweets.append(tweet)
        day -= timedelta(days=3 + int(_digits(seed + "g", 2)) % 19)
    return tweets


def _extra_posts() -> dict[str, str]:
    """Older posts for some accounts, one line each: ``handle~~post ## post``."""
    extra = {}
    path = HERE / "src" / "extra_posts.txt"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
        if line.strip() and not line.startswith("//"):
            handle, posts = line.split("~~", 1)
            extra[handle.strip()] = posts
    return extra


def _lines(pattern: str) -> list[list[str]]:
    rows = []
    for path in sorted(HERE.glob(f"src/{pattern}")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("//"):
                fields = [f.strip() for f in line.split("~~")]
                rows.append(fields)
                if len(fields) not in (14, 17):
                    raise SystemExit(f"{path.name}:{number}: {len(fields)} fields")
    return rows


def _pages(accounts: list[tuple[dict, list[dict]]]) -> list[dict]:
    pages, silent = [], []
    for user, tweets in accounts:
        if not tweets:
            silent.append(user)
            continue
        pages.append({
            "data": tweets, "includes": {"users": [user]},
            "meta": {"result_count": len(tweets), "newest_id": tweets[0]["id"],
                     "oldest_id": tweets[-1]["id"]},
            "__twarc": {"url": f"https://api.twitter.com/2/users/{user['id']}/tweets?max_results=100",
                        **TWARC},
        })
    for start in range(0, len(silent), 50):
        chunk = silent[start:start + 50]
        ids = ",".join(u["id"] for u in chunk)
        pages.append({"data": chunk, "__twarc": {"url": f"https://api.twitter.com/2/users?ids={ids}",
                                                 **TWARC}})
    return pages


def _write_jsonl(name: str, pages: list[dict]) -> None:
    with open(HERE / name, "w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps(page, ensure_ascii=False) + "\n")


def _write_csv(name: str, header: list[str], rows: list[list[str]]) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    seen: set[str] = set()
    extra = _extra_posts()
    segment, labels = [], []
    for f in _lines("segment*.txt"):
        user = _user(f)
        seg, also, lang, hard, why, last, posts = f[7:14]
        posts = posts + " ## " + extra.pop(user["username"], "")
        tweets = _tweets(user, last, posts, lang) if last != "-" else []
        segment.append((user, tweets))
        labels.append([user["username"], seg, also, lang, hard, why])
    prune, follows, decisions = [], [], []
    for f in _lines("prune*.txt"):
        user = _user(f)
        followed, back, decision, reason, seg, lang, hard, why, last, posts = f[7:17]
        posts = posts + " ## " + extra.pop(user["username"], "")
        tweets = _tweets(user, last, posts, lang) if last != "-" else []
        prune.append((user, tweets))
        follows.append([user["username"], followed, "yes" if back == "y" else "no"])
        decisions.append([user["username"], decision, reason, seg, lang, hard, why])
    if extra:
        raise SystemExit(f"extra posts for unknown or silent accounts: {sorted(extra)}")
    for user, _ in segment + prune:
        key = user["username"].lower()
        if key in seen or user["id"] in seen:
            raise SystemExit(f"duplicate {key}")
        seen.update({key, user["id"]})
    _write_jsonl("segment.jsonl", _pages(segment))
    _write_jsonl("prune.jsonl", _pages(prune))
    _write_csv("segment_labels.csv", ["username", "segment", "also", "language", "hard_case", "why"],
               labels)
    _write_csv("prune_follows.csv", ["username", "followed_at", "follows_me"], follows)
    _write_csv("prune_labels.csv",
               ["username", "decision", "reason", "segment", "language", "hard_case", "why"],
               decisions)
    print(f"segment {len(segment)} prune {len(prune)}")


if __name__ == "__main__":
    main()
