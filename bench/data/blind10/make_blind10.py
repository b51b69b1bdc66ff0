"""Assemble the blind10 held-out set (twarc2 pages + labels) from hand-written src/ files."""

import csv
import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
SEP = "~~"
VERIFIED = {"Helvisana", "MediFon_CH", "SRF_Puls", "RSInews", "TA_Gesundheit"}
RETRIEVED = "2026-11-30T10:00:00+00:00"
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"


def numeric_id(seed: str, digits: int = 18) -> str:
    value = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return str(10 ** (digits - 1) + value % (9 * 10 ** (digits - 1)))


def tco(seed: str) -> str:
    return "https://t.co/" + hashlib.md5(seed.encode()).hexdigest()[:10]


def description_entities(text: str, seed: str) -> tuple[str, dict]:
    entities: dict = {}
    urls = []
    for match in re.finditer(r"https?://\S+|(?<![@\w.-])(?:[\w-]+\.)+(?:com|ch|li|at|eu|it|de|fr|tr|net|org|uk|io|fm|pt|rs|al|lk|blog|info|health|swiss)\b(?:/\S*)?", text):
        urls.append((match.group(0).rstrip(".,)"), match.start()))
    out = text
    url_items = []
    for raw, _ in urls:
        short = tco(seed + raw)
        out = out.replace(raw, short, 1)
        expanded = raw if raw.startswith("http") else "https://" + raw
        url_items.append({"url": short, "expanded_url": expanded, "display_url": raw.split("//")[-1]})
    for item in url_items:
        start = out.find(item["url"])
        item["start"], item["end"] = start, start + len(item["url"])
    if url_items:
        entities["urls"] = url_items
    mentions = [{"start": m.start(), "end": m.end(), "username": m.group(1)} for m in re.finditer(r"(?<![\w.])@(\w+)", out)]
    if mentions:
        entities["mentions"] = mentions
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)} for m in re.finditer(r"#(\w+)", out)]
    if tags:
        entities["hashtags"] = tags
    return out, entities


def user_object(row: dict) -> dict:
    uid = numeric_id("user:" + row["username"])
    counts = row["counts"]
    default_avatar = counts.startswith("!")
    followers, following, tweets = (int(x) for x in counts.lstrip("!").split("/"))
    description, desc_entities = description_entities(row["bio"], row["username"])
    user = {
        "id": uid,
        "username": row["username"],
        "name": row["name"],
        "description": description,
        "location": row["location"],
        "created_at": f"{row['created']}-{int(uid[-2:]) % 12 + 1:02d}-{int(uid[-4:-2]) % 28 + 1:02d}T09:14:22.000Z",
        "protected": row.get("protected", False),
        "verified": row["username"] in VERIFIED,
        "profile_image_url": DEFAULT_AVATAR
        if default_avatar
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
            "urls": [{"start": 0, "end": len(short), "url": short, "expanded_url": site, "display_url": row["website"]}]
        }
    if desc_entities:
        entities["description"] = desc_entities
    if entities:
        user["entities"] = entities
    return user


def tweet_entities(text: str) -> dict:
    entities: dict = {}
    mentions = [{"start": m.start(), "end": m.end(), "username": m.group(1)} for m in re.finditer(r"(?<![\w.])@(\w+)", text)]
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)} for m in re.finditer(r"#(\w+)", text)]
    urls = [
        {"start": m.start(), "end": m.end(), "url": m.group(0), "expanded_url": m.group(0)}
        for m in re.finditer(r"https?://\S+", text)
    ]
    for key, value in (("mentions", mentions), ("hashtags", tags), ("urls", urls)):
        if value:
            entities[key] = value
    return entities


def timeline_page(row: dict, user: dict) -> dict:
    last = datetime.fromisoformat(row["last_post"]).replace(tzinfo=UTC, hour=8 + len(row["username"]) % 10)
    texts = [t.strip() for t in row["posts"].split("||") if t.strip()]
    tweets = []
    for index, text in enumerate(texts):
        when = last - timedelta(days=index * (3 + len(text) % 11), hours=index * 5)
        tid = numeric_id(f"tweet:{row['username']}:{index}", 19)
        tweet = {
            "id": tid,
            "text": text,
            "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "author_id": user["id"],
            "lang": row["lang"] if row["lang"] != "und" else "und",
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
        entities = tweet_entities(text)
        if entities:
            tweet["entities"] = entities
        tweets.append(tweet)
    return {
        "data": tweets,
        "includes": {"users": [user]},
        "meta": {"result_count": len(tweets), "newest_id": tweets[0]["id"], "oldest_id": tweets[-1]["id"]},
        "__twarc": {
            "url": f"https://api.twitter.com/2/users/{user['id']}/tweets?max_results=100",
            "version": "2.14.0",
            "retrieved_at": RETRIEVED,
        },
    }


def read_rows(path: Path, fields: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(SEP)]
        if len(parts) != len(fields):
            raise SystemExit(f"{path.name}:{number}: {len(parts)} fields, expected {len(fields)}: {line[:60]}")
        row = dict(zip(fields, parts, strict=True))
        if row["username"].startswith("*"):
            row["username"] = row["username"][1:]
            row["protected"] = True
        rows.append(row)
    return rows


def write_jsonl(rows: list[dict], path: Path) -> None:
    silent = []
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            user = user_object(row)
            if row["last_post"] == "-":
                silent.append(user)
            else:
                out.write(json.dumps(timeline_page(row, user), ensure_ascii=False) + "\n")
        for start in range(0, len(silent), 50):
            chunk = silent[start : start + 50]
            ids = ",".join(u["id"] for u in chunk)
            page = {
                "data": chunk,
                "__twarc": {"url": f"https://api.twitter.com/2/users?ids={ids}", "version": "2.14.0", "retrieved_at": RETRIEVED},
            }
            out.write(json.dumps(page, ensure_ascii=False) + "\n")


COMMON = ["username", "name", "bio", "location", "website", "counts", "created", "last_post", "posts"]
SEGMENT_FIELDS = COMMON + ["segment", "also", "lang", "hard_case", "why"]
PRUNE_FIELDS = COMMON + ["followed_at", "follows_me", "decision", "reason", "segment", "lang", "hard_case", "why"]


def main() -> None:
    segment_rows = []
    for path in sorted((HERE / "src").glob("segment_*.txt")):
        segment_rows += read_rows(path, SEGMENT_FIELDS)
    prune_rows = []
    for path in sorted((HERE / "src").glob("prune_*.txt")):
        prune_rows += read_rows(path, PRUNE_FIELDS)
    names = [r["username"].lower() for r in segment_rows + prune_rows]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"duplicate usernames: {sorted(duplicates)}")
    write_jsonl(segment_rows, HERE / "segment.jsonl")
    write_jsonl(prune_rows, HERE / "prune.jsonl")
    with (HERE / "segment_labels.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["username", "segment", "also", "language", "hard_case", "why"])
        for r in segment_rows:
            writer.writerow([r["username"], r["segment"], r["also"], r["lang"], r["hard_case"], r["why"]])
    with (HERE / "prune_follows.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["username", "followed_at", "follows_me"])
        for r in prune_rows:
            writer.writerow([r["username"], r["followed_at"], r["follows_me"]])
    with (HERE / "prune_labels.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["username", "decision", "reason", "segment", "language", "hard_case", "why"])
        for r in prune_rows:
            writer.writerow(
                [r["username"], r["decision"], r["reason"], r["segment"], r["lang"], r["hard_case"], r["why"]]
            )
    print(f"segment: {len(segment_rows)} accounts, prune: {len(prune_rows)} accounts")


if __name__ == "__main__":
    main()
