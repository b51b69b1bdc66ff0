"""Assemble the blind2 held-out set from the hand-written account blocks in src/.

Each block in src/*.txt (blocks separated by blank lines):

    handle|Display Name|location|website|created YYYY-MM-DD|followers|following|tweets[|flags]
    > bio (one line)
    - YYYY-MM-DD|post text          (zero or more; "RT @x: ..." is a retweet, "@x ..." a reply)
    @ YYYY-MM-DD|yes|no             (prune only: followed_at, follows_me)
    = label fields                  (segment: segment|also|lang|hard_case|why;
                                     prune: decision|reason|segment|lang|hard_case|why)

flags: d = default avatar, p = protected, v = verified.
Run: python bench/data/blind2/make_blind2.py
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).parent
SRC = HERE / "src"
RETRIEVED = "2026-11-30T10:00:00+00:00"
TWEPOCH = 1288834974657
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
HASHTAG = re.compile(r"(?<![\w#&])#(\w*[^\W\d_]\w*)")
URL = re.compile(r"https?://\S+")


def digest(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def user_id(handle: str) -> str:
    return str(10**17 + digest("u:" + handle.lower()) % (9 * 10**17))


def snowflake(moment: datetime, salt: str) -> str:
    millis = int(moment.timestamp() * 1000)
    return str(((millis - TWEPOCH) << 22) + digest(salt) % (1 << 22))


def tco(text: str) -> str:
    return "https://t.co/" + hashlib.md5(text.encode()).hexdigest()[:10]


def entities(text: str) -> tuple[str, dict]:
    """Replace URLs with t.co links and return (text, entities) with code-point offsets."""
    expanded = {}

    def swap(match: re.Match) -> str:
        short = tco(match.group(0))
        expanded[short] = match.group(0)
        return short

    text = URL.sub(swap, text)
    found: dict[str, list] = {}
    for match in URL.finditer(text):
        long = expanded[match.group(0)]
        display = re.sub(r"^https?://(www\.)?", "", long)
        found.setdefault("urls", []).append(
            {"start": match.start(), "end": match.end(), "url": match.group(0),
             "expanded_url": long, "display_url": display[:30]})
    for match in MENTION.finditer(text):
        found.setdefault("mentions", []).append(
            {"start": match.start(), "end": match.end(), "username": match.group(1)})
    for match in HASHTAG.finditer(text):
        found.setdefault("hashtags", []).append(
            {"start": match.start(), "end": match.end(), "tag": match.group(1)})
    return text, found


def parse_blocks(path: Path) -> list[dict]:
    blocks = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line for line in chunk.strip().splitlines() if not line.startswith("#")]
        if not lines:
            continue
        head = lines[0].split("|")
        if len(head) < 8:
            raise SystemExit(f"{path.name}: bad head line {lines[0]!r}")
        block = {"handle": head[0].strip(), "name": head[1], "location": head[2],
                 "website": head[3], "created": head[4], "followers": int(head[5]),
                 "following": int(head[6]), "tweets": int(head[7]),
                 "flags": head[8] if len(head) > 8 else "", "bio": "", "posts": [],
                 "follow": None, "label": None, "file": path.name}
        for line in lines[1:]:
            kind, rest = line[:1], line[2:]
            if kind == ">":
                block["bio"] = rest.strip()
            elif kind == "-":
                day, text = rest.split("|", 1)
                block["posts"].append((day.strip(), text.strip()))
            elif kind == "@":
                block["follow"] = [part.strip() for part in rest.split("|")]
            elif kind == "=":
                block["label"] = [part.strip() for part in rest.split("|", 5)]
            else:
                raise SystemExit(f"{path.name}: {block['handle']}: bad line {line!r}")
        if block["label"] is None:
            raise SystemExit(f"{path.name}: {block['handle']}: no label")
        blocks.append(block)
    return blocks


def user_object(block: dict) -> dict:
    handle = block["handle"]
    bio, bio_entities = entities(block["bio"])
    created = datetime.fromisoformat(block["created"]).replace(
        hour=digest(handle) % 24, minute=digest("m" + handle) % 60, tzinfo=UTC)
    user = {
        "id": user_id(handle),
        "username": handle,
        "name": block["name"],
        "description": bio,
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "protected": "p" in block["flags"],
        "verified": "v" in block["flags"],
        "profile_image_url": DEFAULT_AVATAR if "d" in block["flags"] else
        f"https://pbs.twimg.com/profile_images/{digest('p' + handle) % 10**18}/{handle[:6]}_normal.jpg",
        "public_metrics": {"followers_count": block["followers"],
                           "following_count": block["following"],
                           "tweet_count": max(block["tweets"], len(block["posts"])),
                           "listed_count": block["followers"] // 90},
    }
    if block["location"]:
        user["location"] = block["location"]
    user_entities = {}
    if block["website"]:
        short = tco(block["website"])
        user["url"] = short
        user_entities["url"] = {"urls": [{"start": 0, "end": len(short), "url": short,
                                          "expanded_url": block["website"],
                                          "display_url": re.sub(r"^https?://(www\.)?", "",
                                                                block["website"])[:30]}]}
    if bio_entities:
        user_entities["description"] = bio_entities
    if user_entities:
        user["entities"] = user_entities
    return user


def tweet_object(block: dict, index: int, day: str, text: str, lang: str) -> dict:
    handle = block["handle"]
    moment = datetime.fromisoformat(day).replace(
        hour=6 + digest(f"{handle}{index}") % 14, minute=digest(f"{handle}m{index}") % 60,
        second=digest(f"{handle}s{index}") % 60, tzinfo=UTC)
    tweet_id = snowflake(moment, f"{handle}:{index}")
    text, found = entities(text)
    scale = max(1, block["followers"] // 400)
    tweet = {
        "id": tweet_id,
        "text": text,
        "created_at": moment.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "author_id": user_id(handle),
        "lang": lang,
        "conversation_id": tweet_id,
        "public_metrics": {"retweet_count": digest(f"r{tweet_id}") % (2 * scale),
                           "reply_count": digest(f"c{tweet_id}") % (scale + 1),
                           "like_count": digest(f"l{tweet_id}") % (5 * scale),
                           "quote_count": 0},
    }
    if found:
        tweet["entities"] = found
    if text.startswith("RT @"):
        tweet["referenced_tweets"] = [{"type": "retweeted", "id": snowflake(moment, "rt" + tweet_id)}]
        tweet["public_metrics"]["like_count"] = 0
    elif text.startswith("@"):
        parent = snowflake(moment, "re" + tweet_id)
        tweet["referenced_tweets"] = [{"type": "replied_to", "id": parent}]
        tweet["conversation_id"] = parent
        tweet["in_reply_to_user_id"] = user_id(found["mentions"][0]["username"])
    return tweet


def post_lang(label_lang: str, text: str) -> str:
    body = re.sub(r"^RT @\w+: ", "", text)
    if not label_lang:
        return "und"
    if re.fullmatch(r"(\s*(https?://\S+|@\w+|#\w+)\s*)+", body):
        return "zxx"
    return label_lang.split("+")[0]


def write_jsonl(blocks: list[dict], path: Path, lang_field: int) -> None:
    lines = []
    lookup = []
    for block in blocks:
        user = user_object(block)
        if not block["posts"]:
            lookup.append(user)
            continue
        lang = block["label"][lang_field]
        tweets = [tweet_object(block, i, day, text, post_lang(lang, text))
                  for i, (day, text) in enumerate(block["posts"])]
        tweets.sort(key=lambda t: int(t["id"]), reverse=True)
        lines.append({"data": tweets, "includes": {"users": [user]},
                      "meta": {"result_count": len(tweets), "newest_id": tweets[0]["id"],
                               "oldest_id": tweets[-1]["id"]},
                      "__twarc": {"url": f"https://api.twitter.com/2/users/{user['id']}/tweets?max_results=100",
                                  "version": "2.14.0", "retrieved_at": RETRIEVED}})
    for start in range(0, len(lookup), 100):
        batch = lookup[start:start + 100]
        ids = ",".join(u["id"] for u in batch)
        lines.append({"data": batch,
                      "__twarc": {"url": f"https://api.twitter.com/2/users?ids={ids}",
                                  "version": "2.14.0", "retrieved_at": RETRIEVED}})
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                    encoding="utf-8")


def main_language(label: list[str], field: int) -> list[str]:
    """The CSV keeps one main language code; "de+en" in src marks a mixed-language bio."""
    return [part.split("+")[0] if i == field else part for i, part in enumerate(label)]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def check_unique(blocks: list[dict]) -> None:
    seen = Counter(block["handle"].lower() for block in blocks)
    doubles = [handle for handle, count in seen.items() if count > 1]
    if doubles:
        raise SystemExit(f"duplicate handles: {doubles}")


def main() -> None:
    segment = [b for f in sorted(SRC.glob("segment_*.txt")) for b in parse_blocks(f)]
    prune = [b for f in sorted(SRC.glob("prune_*.txt")) for b in parse_blocks(f)]
    check_unique(segment + prune)
    for block in segment:
        if len(block["label"]) != 5:
            raise SystemExit(f"{block['handle']}: segment label needs 5 fields")
    for block in prune:
        if len(block["label"]) != 6 or not block["follow"]:
            raise SystemExit(f"{block['handle']}: prune needs 6 label fields and a follow line")
    write_jsonl(segment, HERE / "segment.jsonl", 2)
    write_jsonl(prune, HERE / "prune.jsonl", 3)
    write_csv(HERE / "segment_labels.csv", ["username", "segment", "also", "language", "hard_case", "why"],
              [[b["handle"], *main_language(b["label"], 2)] for b in segment])
    write_csv(HERE / "prune_follows.csv", ["username", "followed_at", "follows_me"],
              [[b["handle"], *b["follow"]] for b in prune])
    write_csv(HERE / "prune_labels.csv",
              ["username", "decision", "reason", "segment", "language", "hard_case", "why"],
              [[b["handle"], *main_language(b["label"], 3)] for b in prune])
    stats = {
        "segment": len(segment), "prune": len(prune),
        "segment_labels": Counter(b["label"][0] for b in segment),
        "segment_lang": Counter(b["label"][2] for b in segment),
        "segment_hard": Counter(b["label"][3] for b in segment if b["label"][3]),
        "prune_decisions": Counter(b["label"][0] for b in prune),
        "prune_reasons": Counter(b["label"][1] for b in prune),
        "prune_segments": Counter(b["label"][2] for b in prune),
        "prune_lang": Counter(b["label"][3] for b in prune),
        "prune_hard": Counter(b["label"][4] for b in prune if b["label"][4]),
    }
    for key, value in stats.items():
        print(key, dict(value.most_common()) if isinstance(value, Counter) else value)


if __name__ == "__main__":
    main()
