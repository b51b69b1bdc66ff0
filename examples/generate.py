"""Regenerate the bundled X example data (fictional people, real export formats).

    uv run python examples/generate.py

Writes ``x/search-contactcentre.jsonl`` (twarc2 ``search`` output: raw API v2 pages of posts
with their authors) and ``x/following-press.jsonl`` (twarc2 ``following`` output: raw pages of
the accounts eight journalists follow, each page tagged with the request URL in ``__twarc``).
``x/archive-2026-06-01.zip`` and ``x/archive-2026-11-19.zip`` are two X archives of the owner,
made from the fixture archive (``../tests/fixtures/exports``) with follows and followers added
and lost between them, and ``x/users-network.jsonl`` is twarc2 ``users`` output with the
profiles of everyone in them. The journalists and the owner come from the bundled contact
books, so every stage of ``audience demo`` links up. Deterministic: the same files every run.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
FIXTURE_ARCHIVE = next((HERE.parent / "tests" / "fixtures" / "exports").glob("twitter-*.zip"))
SNOWFLAKE_EPOCH_MS = 1288834974657
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
rng = random.Random(20261120)

# (id, handle, name, bio, location, followers, following, posts, website)
KNOWN = [
    (
        "1402938475610293761",
        "zoelh_writes",
        "Zoë Lambert-Hughes",
        "Technology Correspondent @HarbourlightMedia. Contact centres, AI, the future of service.",
        "Bristol, UK",
        8420,
        610,
        15200,
        "https://harbourlight.example/zoe",
    ),
    (
        "1623344556677889900",
        "chloemarchetti",
        "Chloé Marchetti",
        "Features Editor, Harbourlight Media. Long reads on work and customers.",
        "London",
        5120,
        480,
        9100,
        None,
    ),
    (
        "456987123",
        "siobhan_nib",
        "Siobhán Ní Bhriain",
        "Political Editor, The Daily Lantern. Views mine.",
        "Dublin, Ireland",
        22100,
        890,
        40200,
        None,
    ),
    (
        "1345678901234567890",
        "yarahaddad_news",
        "Yara Haddad",
        "Senior Reporter at Cedarline Media covering consumer tech & customer service.",
        "Manchester / remote",
        6300,
        720,
        11800,
        "https://cedarline.example",
    ),
    (
        "1208877665544332211",
        "noor_alrashid",
        "Noor Al-Rashid",
        "Data Journalist. Numbers behind the news. Writes for Sandglass Analytics.",
        "LDN",
        4100,
        350,
        5600,
        None,
    ),
    (
        "19283746",
        "leilakarimi",
        "Leila Karimi",
        "Editor-at-large, Saffron Row Media. Service, retail, people.",
        "Leeds",
        9800,
        1010,
        20100,
        None,
    ),
    (
        "1334455667788990011",
        "cata_restrepo",
        "Catalina Restrepo",
        "Producer @CafetalMedia · podcasts about work",
        "Bogotá, Colombia",
        2100,
        640,
        3300,
        None,
    ),
    (
        "26754110",
        "marcus_op",
        "Marcus Oyelaran-Pike",
        "Freelance journalist. Bylines: Lantern, Harbourlight, Cedarline. CX & tech.",
        "Birmingham",
        3900,
        900,
        7800,
        None,
    ),
    (
        "2875123098",
        "tanabe_h",
        "田辺浩",
        "事業開発部長 @ 陽炎システム",
        "Tokyo",
        800,
        300,
        900,
        None,
    ),
    (
        "1290455123987654656",
        "priya_builds",
        "Priya Raghunathan",
        "VP Engineering @ Quillfeather Labs. Building customer platforms.",
        "Seattle, WA",
        3100,
        410,
        2800,
        "https://quillfeather.example",
    ),
    (
        "3012478855",
        "niamh_comms",
        "Niamh O'Sullivan",
        "Head of Communications, Brightwater Analytics plc",
        "Dublin",
        2500,
        700,
        4100,
        "https://brightwater.example",
    ),
    (
        "1098765432109876543",
        "amaranwosu",
        "Amara Nwosu",
        "Founder & CEO, Lagoon Fintech. Customer-obsessed.",
        "London, UK",
        12000,
        800,
        6000,
        "https://lagoonfintech.example",
    ),
    (
        "14159265",
        "dailylantern",
        "The Daily Lantern Newsdesk",
        "News from The Daily Lantern. Tips: newsdesk@dailylantern.example",
        "Dublin",
        180000,
        120,
        90000,
        "https://dailylantern.example",
    ),
    (
        "27182818",
        "harbourlightnews",
        "Harbourlight Media",
        "Independent media group. Technology, business, culture.",
        "Bristol",
        64000,
        300,
        31000,
        "https://harbourlight.example",
    ),
    (
        "2999999991",
        "lumenlarkpr",
        "Lumen & Lark PR",
        "Bristol PR agency for customer-service brands.",
        "Bristol, England",
        1900,
        1100,
        2500,
        "https://lumenlark.example",
    ),
]
JOURNALISTS = [
    "zoelh_writes",
    "chloemarchetti",
    "siobhan_nib",
    "yarahaddad_news",
    "noor_alrashid",
    "leilakarimi",
    "cata_restrepo",
    "marcus_op",
]

INFLUENCERS = [
    ("CX analyst. Author of 'Service by Design'. Keynotes on contact centres.", "London"),
    ("Customer service research group. Weekly data on queues, channels and CX.", "Oxford, UK"),
    ("Ex-contact centre director, now advising on workforce management.", "Glasgow"),
    ("Professor of service operations. Views my own.", "Cambridge, England"),
    ("Editor, Customer Desk Weekly — the trade journal of contact centres.", "London"),
    ("Founder of a contact-centre community: 20k members, monthly meetups.", "Manchester"),
    ("Chief customer officer at a bank. Talks #cx and people.", "Edinburgh"),
    ("Speech analytics and conversational AI. Opinions mine.", "Dublin"),
    ("Union rep for call-centre workers. Fair work in service jobs.", "Cardiff"),
    ("Consumer rights campaigner and broadcaster.", "Belfast"),
]
FIRST = [
    "Alex",
    "Sam",
    "Jo",
    "Priti",
    "Tom",
    "Aisha",
    "Ben",
    "Carla",
    "Dev",
    "Erin",
    "Farah",
    "Gus",
    "Hana",
    "Ivan",
    "Jess",
    "Kofi",
    "Lena",
    "Mo",
    "Nadia",
    "Owen",
    "Pia",
    "Raj",
    "Sara",
    "Theo",
    "Uma",
    "Vik",
    "Wren",
    "Yusuf",
    "Zara",
    "Ruth",
]
LAST = [
    "Hale",
    "Okafor",
    "Brennan",
    "Shah",
    "Moreno",
    "Lindgren",
    "Walsh",
    "Adeyemi",
    "Kerr",
    "Nakamura",
    "Price",
    "Duarte",
    "Fischer",
    "Quinn",
    "Rossi",
    "Singh",
    "Tan",
    "Byrne",
]
ROLES = [
    ("Team leader at a Leeds contact centre. Coffee, queues, coaching.", "Leeds"),
    ("Workforce planner. Forecasts, schedules, #contactcentre life.", "Sunderland"),
    ("Customer service manager, retail. Happy customers, happy team.", "Nottingham"),
    ("Head of CX at an insurer. #cx #customerservice", "Bristol"),
    ("Sales @ Cloudline Telephony: CCaaS for contact centres. Book a demo!", "Reading"),
    ("Support lead, Rival Contact Ltd. We're hiring agents!", "Swansea"),
    ("Quality analyst in a Glasgow contact centre.", "Glasgow"),
    ("Freelance copywriter. Words for brands.", "Brighton"),
    ("Marketing @ Kettleworth Print. Print that people keep.", "Bradford"),
    ("Dad, runner, football. Tweets about everything.", "Texas, USA"),
    ("Contact centre consultant. 20 years on the floor.", "Dublin"),
    ("Product manager, customer messaging platform.", "Berlin, Germany"),
]
TOPIC_POSTS = [
    "Average handle time is the wrong target. Measure resolution. #contactcentre #cx",
    "Our agents asked for fewer scripts and more trust. Results after 3 months: CSAT +9. #cx",
    "Is AI making customer service better or just cheaper? Thread. #customerservice",
    "Queue callbacks cut abandonment by half in our pilot. #contactcentre",
    "Great customer service starts with how you treat your agents. #custserv #cx",
    "New research: 62% of customers still prefer a phone call for complex issues. #cx",
    "Hiring season again: how do you keep new agents past month three? #contactcentre",
    "Channel shift done right: chat for simple, phone for emotional. customer service 101",
]
NOISE_POSTS = [
    "Win 5 ETH!!! Retweet and follow, DM for details 🚀🚀 #giveaway",
    "Monday coffee. That's the tweet.",
    "Match day! Come on you reds.",
]


def user(
    uid,
    handle,
    name,
    bio,
    location,
    followers,
    following,
    posts,
    website=None,
    created=None,
    avatar=None,
):
    data = {
        "id": uid,
        "username": handle,
        "name": name,
        "description": bio,
        "location": location,
        "protected": False,
        "verified": False,
        "created_at": (created or NOW - timedelta(days=rng.randint(400, 4000))).strftime(
            "%Y-%m-%dT%H:%M:%S.000Z"
        ),
        "profile_image_url": avatar or f"https://pbs.twimg.com/profile_images/{uid}/p_normal.jpg",
        "public_metrics": {
            "followers_count": followers,
            "following_count": following,
            "tweet_count": posts,
            "listed_count": followers // 50,
        },
    }
    if website:
        data["url"] = "https://t.co/" + handle[:8]
        data["entities"] = {
            "url": {"urls": [{"start": 0, "end": 23, "url": data["url"], "expanded_url": website}]}
        }
    return data


def build_users():
    users = {row[1]: user(*row) for row in KNOWN}
    for n, (bio, place) in enumerate(INFLUENCERS):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        handle = f"{first.lower()}{last.lower()}_cx{n}"
        users[handle] = user(
            str(5_000_000 + n),
            handle,
            f"{first} {last}",
            bio,
            place,
            rng.randint(9000, 90000),
            rng.randint(200, 900),
            rng.randint(3000, 30000),
        )
    for n in range(150):
        bio, place = rng.choice(ROLES)
        handle = f"{rng.choice(FIRST).lower()}_{rng.choice(LAST).lower()}{n}"
        name = f"{handle.split('_')[0].title()} {rng.choice(LAST)}"
        users[handle] = user(
            str(7_000_000 + n),
            handle,
            name,
            bio,
            place,
            rng.randint(40, 4000),
            rng.randint(100, 1500),
            rng.randint(50, 9000),
        )
    users["free_crypto_2477"] = user(
        "1789012345678901234",
        "free_crypto_2477",
        "Crypto Giveaways 24/7",
        "💰 Daily giveaways 💰 DM to claim",
        "",
        12,
        4980,
        31000,
        created=NOW - timedelta(days=9),
        avatar=DEFAULT_AVATAR,
    )
    return users


def tweet(tid, author, text, when):
    tags = [w.strip(".,!?").lstrip("#") for w in text.split() if w.startswith("#")]
    entities = {
        "hashtags": [
            {"start": text.index("#" + t), "end": text.index("#" + t) + len(t) + 1, "tag": t}
            for t in tags
        ]
    }
    likes = rng.randint(0, 60)
    return {
        "id": str(tid),
        "text": text,
        "author_id": author["id"],
        "lang": "en",
        "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "edit_history_tweet_ids": [str(tid)],
        "entities": entities,
        "public_metrics": {
            "retweet_count": likes // 4,
            "reply_count": likes // 6,
            "like_count": likes,
            "quote_count": likes // 20,
            "bookmark_count": 0,
            "impression_count": likes * 40,
        },
    }


def twarc_meta(url):
    return {
        "url": url,
        "version": "2.14.0",
        "retrieved_at": NOW.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
    }


def write_search(users):
    writers = [users[h] for h in JOURNALISTS[:5]] + [
        u
        for h, u in users.items()
        if "_cx" in h or any(r[0] == u["description"] for r in ROLES[:6])
    ]
    tweets = []
    tid = 1_860_000_000_000_000_000
    for _ in range(120):
        author = rng.choice(writers)
        tid += rng.randint(10_000, 99_999)
        tweets.append(
            tweet(tid, author, rng.choice(TOPIC_POSTS), NOW - timedelta(hours=rng.randint(1, 160)))
        )
    tweets.append(
        tweet(
            tid + 1,
            users["free_crypto_2477"],
            NOISE_POSTS[0] + " #cx #contactcentre",
            NOW - timedelta(hours=2),
        )
    )
    tweets.sort(key=lambda t: t["created_at"], reverse=True)
    by_id = {u["id"]: u for u in users.values()}
    lines = []
    for start in range(0, len(tweets), 100):
        page = tweets[start : start + 100]
        authors = list({t["author_id"]: by_id[t["author_id"]] for t in page}.values())
        meta = {"result_count": len(page), "newest_id": page[0]["id"], "oldest_id": page[-1]["id"]}
        if start + 100 < len(tweets):
            meta["next_token"] = f"b26v89c19zqg8o3fpzbkk{start // 100 + 1:05d}"
        lines.append(
            {
                "data": page,
                "includes": {"users": authors},
                "meta": meta,
                "__twarc": twarc_meta(
                    "https://api.twitter.com/2/tweets/search/recent?query=%23contactcentre"
                    "%20OR%20%23cx%20OR%20%22customer%20service%22&max_results=100"
                ),
            }
        )
    write_jsonl(HERE / "x" / "search-contactcentre.jsonl", lines)


def write_following(users):
    pool = [u for h, u in users.items() if h not in JOURNALISTS]
    influencers = [u for h, u in users.items() if "_cx" in h] + [
        users["dailylantern"],
        users["harbourlightnews"],
    ]
    lines = []
    for handle in JOURNALISTS:
        me = users[handle]
        follows = {u["id"]: u for u in influencers if rng.random() < 0.75}
        for u in rng.sample(pool, rng.randint(40, 90)):
            follows[u["id"]] = u
        for other in JOURNALISTS:
            if other != handle and rng.random() < 0.5:
                follows[users[other]["id"]] = users[other]
        items = list(follows.values())
        me["public_metrics"]["following_count"] = len(items)
        for start in range(0, len(items), 50):
            page = items[start : start + 50]
            meta = {"result_count": len(page)}
            if start + 50 < len(items):
                meta["next_token"] = f"{int(me['id']) % 10**13:013d}{start // 50 + 1:03d}"
            lines.append(
                {
                    "data": page,
                    "meta": meta,
                    "__twarc": twarc_meta(
                        f"https://api.twitter.com/2/users/{me['id']}/following?max_results=1000"
                        "&user.fields=created_at,description,location,public_metrics,url"
                    ),
                }
            )
    write_jsonl(HERE / "x" / "following-press.jsonl", lines)


def write_lookup(users):
    """twarc2 ``users`` output for the journalists: one /2/users/by response page."""
    known = [users[row[1]] for row in KNOWN]
    page = {
        "data": known,
        "__twarc": twarc_meta(
            "https://api.twitter.com/2/users/by?usernames=" + ",".join(row[1] for row in KNOWN)
        ),
    }
    write_jsonl(HERE / "x" / "users-press.jsonl", [page])


def write_jsonl(path: Path, pages: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for page in pages:
            handle.write(json.dumps(page, ensure_ascii=False) + "\n")
    print(f"wrote {path.relative_to(HERE)} ({len(pages)} pages)")


# Profiles for the owner's network as the fixture archive has it (ids only there).
NETWORK = {
    "1187262514083291137": ("Director Comercial, Fernández Hermanos. Muebles.", "Valencia, España"),
    "798234561": ("CTO @ Kowalski & Synowie", "Gdańsk, Poland"),
    "1560318827094016000": ("市场总监 · data & brands", "Hong Kong"),
    "112093847": ("Rédactrice en chef, Éditions du Phare", "Lyon, France"),
    "87612345": ("Professor of Media Studies, Northgate University", "Leeds"),
    "1512345678123456789": ("Co-founder, stealth startup", "Berlin"),
    "944556677": ("VC. Seed investor in fintech.", "Mexico City"),
    "1456789012345678901": ("Creative Director, Kolanut Studios", "Lagos"),
    "1098123098123098123": ("Founder, Zieliński Software", "Warsaw"),
    "1122334455667788990": ("Head of Product @ Lanternfish Labs", "London"),
    "301928374": ("Partner, Harmattan Ventures", "London"),
    "1577889900112233445": ("Head of PR, Fjordlight", "Stockholm"),
    "1666777888999000111": ("Fondatrice, Maison Delacroix", "Paris"),
    "1701234567890123456": ("Product designer", "Tokyo"),
    "55443322": ("Principal, Fairweather & Co.", "Sydney"),
    "2233114455": ("Presenter, Corrib Radio. Mornings 7-10.", "Galway, Ireland"),
    "1050607080": ("Cedarline Media: consumer tech and service news.", "Manchester"),
    "1656565656565656565": ("CX lead at a Bristol housing association", "Bristol"),
    "987654321": ("Customer service trainer", "Cardiff"),
    "1800000000000000001": ("", ""),
}
EXPANSION_ROLES = [  # (bio, location, last post days ago, follows me, avatar default, age days)
    *[("Contact centre trainer. Coaching agents since 2009.", "Derby", 420, False, False, 3000)]
    * 5,
    ("Real estate agent. Luxury condos.", "Miami, FL", 2, False, False, 2000),
    ("Crypto trader. Not financial advice.", "Dubai", 1, False, False, 900),
    ("Bollywood and cricket, all day.", "Mumbai", 3, False, False, 1500),
    ("Fitness coach. DM for plans.", "Los Angeles", 1, False, False, 1200),
    *[("", "", 1, False, True, 20)] * 3,
    *[("Customer service manager. #contactcentre", "Leeds", 2, True, False, 2500)] * 4,
    ("Reporter, tech desk. Service, telecoms, AI.", "Sydney, Australia", 5, False, False, 3000),
    ("Correspondent covering consumer affairs.", "New York", 4, False, False, 3000),
    ("Operations at Lanternfish Labs. Quiet here.", "London", 400, False, False, 2000),
    ("CX consultant, retail and banking. #cx", "Glasgow", 6, False, False, 2500),
]
NEW_FOLLOWER_ROLES = [
    ("Reporter at Customer Desk Weekly. Contact centres, CX, people.", "London", 1, False),
    ("Contact centre manager in Leeds. #contactcentre #cx", "Leeds", 2, False),
    ("Head of CX at a Dublin insurer. Service is a team sport.", "Dublin", 3, False),
    ("💰 Free crypto every day 💰", "", 1, True),
    ("Follow for follow! Growth hacks 🚀", "", 1, True),
    ("Dad, golfer, BBQ.", "Phoenix, AZ", 9, False),
]


def snowflake(when: datetime) -> str:
    return str((int(when.timestamp() * 1000) - SNOWFLAKE_EPOCH_MS) << 22)


def network_users(users):
    """Profiles for the archive's accounts plus the follows and followers the later archives add."""
    archive = json.loads(
        (
            HERE.parent / "tests" / "fixtures" / "exports" / "twitter-archive.expected.json"
        ).read_text()
    )
    known = {u["id"]: u for u in users.values()}
    people = []
    for uid, entry in archive["users"].items():
        if uid in known:
            people.append(known[uid])
            continue
        bio, place = NETWORK.get(uid, ("", ""))
        spam = entry["screen_name"] in ("free_crypto_2477", "edgelord_3000")
        person = user(
            uid,
            entry["screen_name"],
            entry["name"],
            bio,
            place,
            rng.randint(80, 3000),
            rng.randint(100, 900),
            rng.randint(50, 4000),
            avatar=DEFAULT_AVATAR if spam else None,
        )
        person["most_recent_tweet_id"] = snowflake(NOW - timedelta(days=rng.randint(1, 60)))
        people.append(person)
    followed, new_followers = [], []
    for n, (bio, place, idle, follows_me, plain, age) in enumerate(EXPANSION_ROLES):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        spam = plain and not bio
        handle = f"{first.lower()}{n}{rng.randint(10000, 99999)}" if spam else f"{first}{last}{n}"
        person = user(
            str(8_000_000 + n),
            handle,
            f"{first} {last}",
            bio,
            place,
            12 if spam else rng.randint(150, 3000),
            4200 if spam else rng.randint(200, 900),
            rng.randint(30, 5000),
            created=NOW - timedelta(days=age),
            avatar=DEFAULT_AVATAR if plain else None,
        )
        person["most_recent_tweet_id"] = snowflake(NOW - timedelta(days=idle))
        followed.append((person, follows_me))
    for n, (bio, place, idle, spam) in enumerate(NEW_FOLLOWER_ROLES):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        person = user(
            str(9_000_000 + n),
            f"{first}_{last}{n}".lower(),
            f"{first} {last}",
            bio,
            place,
            8 if spam else rng.randint(200, 6000),
            5000 if spam else rng.randint(150, 900),
            rng.randint(20, 3000),
            created=NOW - timedelta(days=12 if spam else 2000),
            avatar=DEFAULT_AVATAR if spam else None,
        )
        person["most_recent_tweet_id"] = snowflake(NOW - timedelta(days=idle))
        new_followers.append(person)
    return people, followed, new_followers


def write_archives(users):
    people, followed, new_followers = network_users(users)
    with zipfile.ZipFile(FIXTURE_ARCHIVE) as source:
        files = {name: source.read(name).decode("utf-8") for name in source.namelist()}
    following = _ids(files["data/following.js"])
    followers = _ids(files["data/follower.js"])
    june_following = following + [p["id"] for p, _ in followed[:-3]]
    june_followers = followers + [p["id"] for p, back in followed if back]
    # By November: two trainers unfollowed by hand, three new follows, six new followers and
    # one lost.
    nov_following = [
        i for i in june_following if i not in (followed[0][0]["id"], followed[1][0]["id"])
    ]
    nov_following += [p["id"] for p, _ in followed[-3:]]
    nov_followers = [i for i in june_followers if i != "987654321"]
    nov_followers += [p["id"] for p in new_followers]
    _write_archive(files, "2026-06-01T08:00:00.000Z", june_following, june_followers)
    _write_archive(files, "2026-11-19T08:00:00.000Z", nov_following, nov_followers)
    everyone = people + [p for p, _ in followed] + new_followers
    pages = [
        {
            "data": everyone[i : i + 100],
            "__twarc": twarc_meta(
                "https://api.twitter.com/2/users?ids="
                + ",".join(u["id"] for u in everyone[i : i + 100])
            ),
        }
        for i in range(0, len(everyone), 100)
    ]
    write_jsonl(HERE / "x" / "users-network.jsonl", pages)
    return {
        "files": files,
        "everyone": everyone,
        "june": (june_following, june_followers),
        "november": (nov_following, nov_followers),
    }


# ---- history: earlier archives, earlier bios, a competitor's followers --------------------------

later_rng = random.Random(20260815)  # its own stream: the files above stay byte for byte the same
# Earlier archives: how many of June's follows and followers were not there yet.
EARLIER_ARCHIVES = (("2026-03-02", 9, 14), ("2026-04-20", 5, 8), ("2026-05-11", 2, 3))
# (handle, bio in August, location in August): two moved outlet, one was promoted.
EARLIER_BIOS = {
    "yarahaddad_news": (
        "Reporter at Customer Desk Weekly covering contact centres and service jobs.",
        "Leeds",
    ),
    "chloemarchetti": ("Deputy Features Editor, The Daily Lantern. Long reads.", "London"),
    "siobhan_nib": ("Political Correspondent, The Daily Lantern. Views mine.", "Dublin, Ireland"),
}
COMPETITOR = (
    "1445566778899001122",
    "brightwater_hq",
    "Brightwater Analytics",
    "Brightwater Analytics plc: contact-centre analytics. Customer service insight.",
    "Dublin, Ireland",
    5400,
    320,
    2100,
    "https://brightwater.example",
)


def write_history(users, archives):
    """Three archives before June (the crowd over time), the journalists' bios as they were in
    August (moves), and twarc2 followers output of a competitor (compare)."""
    june_following, june_followers = archives["june"]
    for day, fewer_follows, fewer_followers in EARLIER_ARCHIVES:
        _write_archive(
            archives["files"],
            f"{day}T08:00:00.000Z",
            june_following[: len(june_following) - fewer_follows],
            june_followers[: len(june_followers) - fewer_followers],
        )
    earlier = []
    for handle, (bio, place) in EARLIER_BIOS.items():
        then = json.loads(json.dumps(users[handle]))
        then["description"], then["location"] = bio, place
        earlier.append(then)
    competitor = user(*COMPETITOR, created=NOW - timedelta(days=3200))
    page = {
        "data": [*earlier, competitor],
        "__twarc": {
            **twarc_meta(
                "https://api.twitter.com/2/users/by?usernames="
                + ",".join([*EARLIER_BIOS, COMPETITOR[1]])
            ),
            "retrieved_at": "2026-08-15T10:00:00+00:00",
        },
    }
    write_jsonl(HERE / "x" / "users-2026-08-15.jsonl", [page])
    _write_competitor_followers(users, archives, competitor)


def _write_competitor_followers(users, archives, competitor):
    by_id = {u["id"]: u for u in archives["everyone"]} | {u["id"]: u for u in users.values()}
    nov_followers = [i for i in archives["november"][1] if i in by_id]
    shared = later_rng.sample(nov_followers, len(nov_followers) * 2 // 5)
    press = [users[h]["id"] for h in ("siobhan_nib", "yarahaddad_news", "leilakarimi")]
    pool = [u["id"] for h, u in users.items() if u["id"] not in nov_followers and h[:1] != "_"]
    theirs = list(dict.fromkeys(shared + press + later_rng.sample(pool, 45)))
    items = [by_id[i] for i in theirs]
    lines = []
    for start in range(0, len(items), 50):
        page = items[start : start + 50]
        meta = {"result_count": len(page)}
        if start + 50 < len(items):
            meta["next_token"] = f"BW{start // 50 + 1:04d}"
        lines.append(
            {
                "data": page,
                "meta": meta,
                "__twarc": twarc_meta(
                    f"https://api.twitter.com/2/users/{competitor['id']}/followers"
                    "?max_results=1000&user.fields=created_at,description,location,"
                    "public_metrics,url"
                ),
            }
        )
    write_jsonl(HERE / "x" / "followers-brightwater.jsonl", lines)


def _ids(js: str) -> list[str]:
    return re.findall(r'"accountId" : "(\d+)"', js)


def _follow_js(kind: str, ids: list[str]) -> str:
    entries = [
        f'  {{\n    "{kind}" : {{\n      "accountId" : "{i}",\n      "userLink" : '
        f'"https://twitter.com/intent/user?user_id={i}"\n    }}\n  }}'
        for i in ids
    ]
    return f"window.YTD.{kind}.part0 = [\n" + ",\n".join(entries) + "\n]"


def _write_archive(files: dict[str, str], generated: str, following, followers) -> None:
    day = generated[:10]
    files = dict(files)
    files["data/following.js"] = _follow_js("following", following)
    files["data/follower.js"] = _follow_js("follower", followers)
    files["data/manifest.js"] = re.sub(
        r'"generationDate" : "[^"]+"',
        f'"generationDate" : "{generated}"',
        files["data/manifest.js"],
    )
    path = HERE / "x" / f"archive-{day}.zip"
    buffer = io.BytesIO()
    stamp = tuple(int(x) for x in day.split("-")) + (8, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), files[name])
    path.write_bytes(buffer.getvalue())
    print(f"wrote x/{path.name} ({len(following)} following, {len(followers)} followers)")


if __name__ == "__main__":
    all_users = build_users()
    write_search(all_users)
    write_following(all_users)
    write_lookup(all_users)
    archives = write_archives(all_users)
    write_history(all_users, archives)
