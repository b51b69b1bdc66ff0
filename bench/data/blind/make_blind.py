"""Assemble the blind labelled set from the hand-written account blocks in src/.

Each block in src/*.txt is one account, written by hand:

    handle|Display Name|location|website|followers/following/tweets|created|flags|<label fields>
    bio (one line; "~" or nothing for an empty bio)
    YYYY-MM-DD post text          (zero or more posts; "RT @x: ..." = retweet, "@x ..." = reply)

Label fields: segment files (seg_*.txt): segment|also|language|hard_case|why
              prune files (prune_*.txt): followed_at|follows_me|decision|reason|segment|language|hard_case|why
flags: d = default avatar, p = protected, v = verified.
This script only does the JSON mechanics (ids, t.co links, entity offsets); every bio, post and label
is written in the src files.
"""

import csv
import hashlib
import json
import re
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent
RETRIEVED = "2026-11-30T10:00:00+00:00"
TWEPOCH = 1288834974657
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"


def digest(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def user_id(handle: str) -> str:
    h = digest("user:" + handle.lower())
    return str(10_000_000 + h % 1_900_000_000_000_000_000 if h % 3 else 10_000_000 + h % 3_000_000_000)


def tco(seed: str) -> str:
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    h = digest("tco:" + seed)
    return "https://t.co/" + "".join(alphabet[(h >> (6 * i)) % len(alphabet)] for i in range(10))


URL_RE = re.compile(r"https?://\S+")
MENTION_RE = re.compile(r"(?<![\w@])@(\w{1,15})")
HASHTAG_RE = re.compile(r"(?<![\w#&])#(\w+)")


def linkify(text: str, seed: str) -> tuple[str, dict]:
    """Replace http(s) links by t.co links and return text plus v2 entities."""
    urls = []
    out = ""
    pos = 0
    for n, m in enumerate(URL_RE.finditer(text)):
        expanded = m.group(0).rstrip(".,;)")
        out += text[pos : m.start()]
        short = tco(f"{seed}:{n}:{expanded}")
        start = len(out)
        out += short
        urls.append(
            {
                "start": start,
                "end": start + len(short),
                "url": short,
                "expanded_url": expanded,
                "display_url": re.sub(r"^https?://(www\.)?", "", expanded)[:40],
            }
        )
        pos = m.start() + len(expanded)
    out += text[pos:]
    entities: dict = {}
    if urls:
        entities["urls"] = urls
    mentions = [{"start": m.start(), "end": m.end(), "username": m.group(1)} for m in MENTION_RE.finditer(out)]
    if mentions:
        entities["mentions"] = mentions
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)} for m in HASHTAG_RE.finditer(out)]
    if tags:
        entities["hashtags"] = tags
    return out, entities


def iso(day: str, seed: str) -> str:
    h = digest("time:" + seed)
    if len(day) == 7:
        day += f"-{1 + h % 28:02d}"
    return f"{day}T{h % 24:02d}:{(h >> 8) % 60:02d}:{(h >> 16) % 60:02d}.000Z"


def tweet_id(created: str, seed: str) -> str:
    ms = int(datetime.fromisoformat(created.replace("Z", "+00:00")).timestamp() * 1000)
    return str(((ms - TWEPOCH) << 22) | (digest("tid:" + seed) % (1 << 22)))


def parse_blocks(path: Path) -> list[dict]:
    blocks = []
    for raw in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line for line in raw.strip("\n").split("\n") if not line.startswith("//")]
        if not lines:
            continue
        head = lines[0].split("|")
        bio = lines[1] if len(lines) > 1 and lines[1].strip() != "~" else ""
        posts = []
        for line in lines[2:]:
            m = re.match(r"(\d{4}-\d{2}-\d{2}) (.*)", line)
            if not m:
                raise SystemExit(f"{path.name}: bad post line for {head[0]}: {line!r}")
            posts.append((m.group(1), m.group(2)))
        blocks.append({"head": [h.strip() for h in head], "bio": bio.strip(), "posts": posts, "file": path.name})
    return blocks


def user_object(head: list[str], bio: str) -> dict:
    handle, name, location, website, counts, created, flags = head[:7]
    followers, following, tweets = (int(x) for x in counts.split("/"))
    description, desc_entities = linkify(bio, handle + ":bio")
    user = {
        "id": user_id(handle),
        "username": handle,
        "name": name,
        "description": description,
        "created_at": iso(created, handle),
        "protected": "p" in flags,
        "verified": "v" in flags,
        "profile_image_url": DEFAULT_AVATAR
        if "d" in flags
        else f"https://pbs.twimg.com/profile_images/{digest('img:' + handle) % 10**19}/{handle[:4]}_normal.jpg",
        "public_metrics": {
            "followers_count": followers,
            "following_count": following,
            "tweet_count": tweets,
            "listed_count": followers // 60,
        },
    }
    if location:
        user["location"] = location
    entities: dict = {}
    if website:
        full = website if website.startswith("http") else "https://" + website
        short = tco(handle + ":web")
        user["url"] = short
        entities["url"] = {
            "urls": [
                {
                    "start": 0,
                    "end": len(short),
                    "url": short,
                    "expanded_url": full,
                    "display_url": re.sub(r"^https?://(www\.)?", "", full).rstrip("/"),
                }
            ]
        }
    else:
        user["url"] = ""
    if desc_entities:
        entities["description"] = desc_entities
    if entities:
        user["entities"] = entities
    return user


def tweet_objects(user: dict, posts: list[tuple[str, str]], lang: str) -> list[dict]:
    tweets = []
    for n, (day, text) in enumerate(posts):
        seed = f"{user['username']}:{n}"
        created = iso(day, seed)
        body, entities = linkify(text, seed)
        likes = digest("likes:" + seed) % (5 + user["public_metrics"]["followers_count"] // 200)
        tweet = {
            "id": tweet_id(created, seed),
            "text": body,
            "created_at": created,
            "author_id": user["id"],
            "lang": lang,
            "conversation_id": None,
            "public_metrics": {
                "retweet_count": likes // 4,
                "reply_count": likes // 7,
                "like_count": likes,
                "quote_count": likes // 20,
            },
        }
        if entities:
            tweet["entities"] = entities
        if body.startswith("RT @"):
            tweet["referenced_tweets"] = [{"type": "retweeted", "id": tweet_id(created, seed + ":orig")}]
            tweet["public_metrics"]["like_count"] = 0
        elif body.startswith("@"):
            parent = tweet_id(created, seed + ":parent")
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": parent}]
            tweet["in_reply_to_user_id"] = user_id(body[1:].split()[0].rstrip(":,"))
            tweet["conversation_id"] = parent
        if tweet["conversation_id"] is None:
            tweet["conversation_id"] = tweet["id"]
        tweets.append(tweet)
    tweets.sort(key=lambda t: int(t["id"]), reverse=True)
    return tweets


def pages(blocks: list[dict], label_start: int) -> list[dict]:
    out = []
    silent = []
    for block in blocks:
        head = block["head"]
        lang = head[label_start + 2] if block["file"].startswith("seg") else head[label_start + 5]
        user = user_object(head, block["bio"])
        if not block["posts"]:
            silent.append(user)
            continue
        tweets = tweet_objects(user, block["posts"], lang.split("+")[0] or "und")
        out.append(
            {
                "data": tweets,
                "includes": {"users": [user]},
                "meta": {"result_count": len(tweets), "newest_id": tweets[0]["id"], "oldest_id": tweets[-1]["id"]},
                "__twarc": {
                    "url": f"https://api.twitter.com/2/users/{user['id']}/tweets?max_results=100"
                    "&expansions=author_id&tweet.fields=created_at,lang,public_metrics,entities,referenced_tweets"
                    "&user.fields=created_at,description,entities,location,profile_image_url,protected,"
                    "public_metrics,url,verified",
                    "version": "2.14.0",
                    "retrieved_at": RETRIEVED,
                },
            }
        )
    for i in range(0, len(silent), 100):
        chunk = silent[i : i + 100]
        out.append(
            {
                "data": chunk,
                "__twarc": {
                    "url": "https://api.twitter.com/2/users?ids=" + ",".join(u["id"] for u in chunk),
                    "version": "2.14.0",
                    "retrieved_at": RETRIEVED,
                },
            }
        )
    return out


def load(prefix: str, width: int) -> list[dict]:
    blocks = []
    for path in sorted((HERE / "src").glob(prefix + "_*.txt")):
        blocks.extend(parse_blocks(path))
    seen = set()
    for b in blocks:
        if len(b["head"]) != width:
            raise SystemExit(f"{b['file']}: {b['head'][0]} has {len(b['head'])} fields, want {width}")
        key = b["head"][0].lower()
        if key in seen:
            raise SystemExit(f"duplicate handle {key}")
        seen.add(key)
    return blocks


def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    seg = load("seg", 12)
    prune = load("prune", 15)
    clash = {b["head"][0].lower() for b in seg} & {b["head"][0].lower() for b in prune}
    if clash:
        raise SystemExit(f"handles in both sets: {sorted(clash)}")
    write_jsonl(HERE / "segment.jsonl", pages(seg, 7))
    write_jsonl(HERE / "prune.jsonl", pages(prune, 7))
    with (HERE / "segment_labels.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["username", "segment", "also", "language", "hard_case", "why"])
        for b in seg:
            h = b["head"]
            w.writerow([h[0], *h[7:12]])
    with (HERE / "prune_follows.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["username", "followed_at", "follows_me"])
        for b in prune:
            h = b["head"]
            w.writerow([h[0], h[7], h[8]])
    with (HERE / "prune_labels.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["username", "decision", "reason", "segment", "language", "hard_case", "why"])
        for b in prune:
            h = b["head"]
            w.writerow([h[0], *h[9:15]])
    print(f"segment: {len(seg)} accounts, prune: {len(prune)} accounts")


if __name__ == "__main__":
    main()
