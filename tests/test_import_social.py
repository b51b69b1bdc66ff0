"""Importers of social-network exports, checked against the shipped ground truth."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from audience.errors import InputError
from audience.importers import twarc as twarc_module
from audience.importers.bluesky_car import read_bluesky_car
from audience.importers.mastodon_export import read_mastodon_export
from audience.importers.social import batches, resolve_stub_ids, save_social_import
from audience.importers.twarc import read_twarc
from audience.importers.x_archive import read_x_archive
from audience.models import Account
from audience.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
EXPORTS = FIXTURES / "exports"
X_FOLDER = EXPORTS / "twitter-archive"
X_ZIP = next(EXPORTS.glob("twitter-*.zip"))
X_TRUTH = json.loads((EXPORTS / "twitter-archive.expected.json").read_text())
CAR = EXPORTS / "bluesky" / "repo.car"
CAR_TRUTH = json.loads((EXPORTS / "bluesky" / "repo.car.expected.json").read_text())
MASTODON = EXPORTS / "mastodon"
OWNER_X = X_TRUTH["owner"]["accountId"]

TABLES = (
    "accounts",
    "account_history",
    "follows",
    "posts",
    "post_hashtags",
    "lists",
    "list_members",
    "my_accounts",
    "snapshots",
    "snapshot_members",
)
VOLATILE = {"last_seen", "first_seen", "taken_at"}


@pytest.fixture
def store():
    store = open_store(None)
    yield store
    store.close()


def counts(store) -> dict[str, int]:
    return {table: store.scalar(f"SELECT count(*) FROM {table}") for table in TABLES}


def dump(store) -> dict[str, list[tuple]]:
    """Every row of the import tables, without the timestamps a re-import may move."""
    result = {}
    for table in TABLES:
        rows = store.query(f"SELECT * FROM {table}")
        result[table] = sorted(
            tuple((k, v) for k, v in row.items() if k not in VOLATILE) for row in rows
        )
    return result


def row_id(store, platform: str, platform_id: str) -> int:
    return store.scalar(
        "SELECT id FROM accounts WHERE platform = ? AND platform_id = ?", [platform, platform_id]
    )


def followed_by(store, platform: str, follower: str) -> set[str]:
    rows = store.query(
        "SELECT b.platform_id FROM follows f JOIN accounts a ON a.id = f.follower_id "
        "JOIN accounts b ON b.id = f.followed_id WHERE a.platform = ? AND a.platform_id = ?",
        [platform, follower],
    )
    return {row["platform_id"] for row in rows}


def followers_of(store, platform: str, followed: str) -> set[str]:
    rows = store.query(
        "SELECT a.platform_id FROM follows f JOIN accounts a ON a.id = f.follower_id "
        "JOIN accounts b ON b.id = f.followed_id WHERE b.platform = ? AND b.platform_id = ?",
        [platform, followed],
    )
    return {row["platform_id"] for row in rows}


def handles(store, platform: str) -> dict[str, str]:
    rows = store.query(
        "SELECT platform_id, handle FROM accounts WHERE platform = ? AND handle IS NOT NULL",
        [platform],
    )
    return {row["platform_id"]: row["handle"] for row in rows}


def mentioned_in_tweets() -> dict[str, str]:
    """id -> screen name, read straight from tweets.js (independent of the importer)."""
    text = (X_FOLDER / "data" / "tweets.js").read_text()
    found = {}
    for entry in json.loads(text[text.index("[") :]):
        tweet = entry["tweet"]
        for mention in tweet["entities"]["user_mentions"]:
            found[mention["id_str"]] = mention["screen_name"]
        if tweet.get("in_reply_to_user_id_str"):
            found[tweet["in_reply_to_user_id_str"]] = tweet["in_reply_to_screen_name"]
    return found


# ---- X archive ------------------------------------------------------------------------------


def test_x_archive_graph_matches_ground_truth(store):
    result = save_social_import(store, read_x_archive(X_FOLDER))
    users = X_TRUTH["users"]
    following = {uid for uid, u in users.items() if u["in_following"]}
    followers = {uid for uid, u in users.items() if u["in_followers"]}
    assert (len(following), len(followers)) == (32, 24)
    assert followed_by(store, "x", OWNER_X) == following
    assert followers_of(store, "x", OWNER_X) == followers
    assert store.scalar("SELECT count(*) FROM follows") == 56 == result.new_follows
    # specific edges, both directions, and one that must not exist
    assert "1402938475610293761" in followed_by(store, "x", OWNER_X)
    assert OWNER_X in followed_by(store, "x", "1402938475610293761")
    assert OWNER_X not in followed_by(store, "x", "1187262514083291137")
    stored_ids = {r["platform_id"] for r in store.query("SELECT platform_id FROM accounts")}
    assert stored_ids == set(users) | {OWNER_X}
    # 19-digit ids survive exactly (a float would turn this into ...889792)
    assert "1623344556677889900" in stored_ids
    assert store.scalar("SELECT typeof(platform_id) FROM accounts LIMIT 1") == "text"


def test_x_archive_owner_profile_and_my_accounts(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    owner = store.query(
        "SELECT a.* FROM my_accounts m JOIN accounts a ON a.id = m.account_id "
        "WHERE m.platform = 'x'"
    )[0]
    assert owner["platform_id"] == OWNER_X
    assert owner["handle"] == X_TRUTH["owner"]["username"]
    assert owner["display_name"] == "Robin Castellane"
    assert owner["location"] == "Bristol, United Kingdom"
    assert owner["created_at"] == "2014-03-09T14:22:05+00:00"
    assert "robin@lumenlark.example" not in json.dumps(dump(store))  # e-mail is not stored


def test_x_archive_recovers_handles_from_tweets_only(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    known = handles(store, "x")
    known.pop(OWNER_X)
    mentioned = mentioned_in_tweets()
    assert known == mentioned
    assert len(known) == 10
    for uid, handle in known.items():
        assert X_TRUTH["users"][uid]["screen_name"] == handle
    assert known["301928374"] == "segun_adeyemi"  # from a reply as well as a mention
    assert store.find_account("x", "798234561")["handle"] is None  # never mentioned


def test_x_archive_stub_ids_for_batch_lookup(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    stubs = resolve_stub_ids(store, "x")
    assert set(stubs) == set(X_TRUTH["users"]) - set(mentioned_in_tweets())
    assert len(stubs) == 26 and all(s.isdigit() for s in stubs)
    assert [len(b) for b in batches(stubs)] == [26]
    assert [len(b) for b in batches([str(n) for n in range(250)])] == [100, 100, 50]
    # once a look-up fills one in, it is no longer a stub
    store.upsert_accounts([Account("x", "798234561", handle="lukasz_wk")])
    assert "798234561" not in resolve_stub_ids(store, "x")


def test_x_archive_posts_and_hashtags(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    posts = store.query("SELECT * FROM posts ORDER BY platform_id")
    assert len(posts) == 12
    assert {p["account_id"] for p in posts} == {row_id(store, "x", OWNER_X)}
    panel = store.query("SELECT * FROM posts WHERE platform_id = '1896374989091766273'")[0]
    assert (panel["like_count"], panel["repost_count"]) == (7, 3)
    assert panel["created_at"] == "2025-03-03T01:40:05+00:00"
    tags = store.query(
        "SELECT p.platform_id, h.tag FROM post_hashtags h JOIN posts p ON p.id = h.post_id"
    )
    assert tags == [{"platform_id": "1872943845340086280", "tag": "prawards"}]


def test_x_archive_lists(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    lists = {r["platform_id"]: r for r in store.query("SELECT * FROM lists")}
    assert len(lists) == 7
    owner_row = row_id(store, "x", OWNER_X)
    assert lists["1756624386913206279"]["owner_id"] == owner_row
    assert lists["1759523489838006275"]["owner_id"] is None  # @lumenlarkpr: id unknown offline
    assert all(row["name"] is None for row in lists.values())  # archives carry URLs only
    member_of = store.query(
        "SELECT l.platform_id FROM list_members m JOIN lists l ON l.id = m.list_id "
        "WHERE m.account_id = ?",
        [owner_row],
    )
    assert {r["platform_id"] for r in member_of} == {
        "1759523489838006275",
        "1774019004462006276",
        "1788514519086006277",
        "1803010033710006278",
    }
    # a name crawled later is not blanked by a re-import
    store.execute("UPDATE lists SET name = 'Press' WHERE platform_id = '1756624386913206279'")
    save_social_import(store, read_x_archive(X_FOLDER))
    assert store.scalar("SELECT name FROM lists WHERE platform_id = '1756624386913206279'") == (
        "Press"
    )


def test_x_archive_snapshots(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    snapshots = store.query("SELECT platform, kind, source, count FROM snapshots ORDER BY kind")
    assert snapshots == [
        {"platform": "x", "kind": "followers", "source": "x-archive", "count": 24},
        {"platform": "x", "kind": "following", "source": "x-archive", "count": 32},
    ]
    assert store.scalar("SELECT count(*) FROM snapshot_members") == 56


def test_x_archive_zip_and_folder_identical(store):
    from_zip = read_x_archive(X_ZIP)
    from_folder = read_x_archive(X_FOLDER)
    assert from_zip == from_folder
    other = open_store(None)
    save_social_import(store, from_zip)
    save_social_import(other, from_folder)
    assert dump(store) == dump(other)
    other.close()


def test_x_archive_reimport_changes_nothing(store):
    save_social_import(store, read_x_archive(X_ZIP))
    before = dump(store)
    again = save_social_import(store, read_x_archive(X_ZIP))
    assert dump(store) == before
    assert (again.new_accounts, again.new_follows, again.snapshots) == (0, 0, [])


def test_x_archive_hints_never_overwrite_a_lookup(store):
    save_social_import(store, read_x_archive(X_FOLDER))
    # a look-up found that the account was renamed, then was suspended
    store.upsert_accounts([Account("x", "1402938475610293761", handle="zoe_new")])
    store.set_account_state("x", "1402938475610293761", "suspended")
    save_social_import(store, read_x_archive(X_FOLDER))
    zoe = store.find_account("x", "1402938475610293761")
    assert (zoe["handle"], zoe["state"]) == ("zoe_new", "suspended")


def copy_archive(tmp_path: Path) -> Path:
    target = tmp_path / "archive"
    shutil.copytree(X_FOLDER, target)
    return target


def test_x_archive_truncated_file_names_file_and_line(store, tmp_path):
    save_social_import(store, read_x_archive(X_FOLDER))
    before = dump(store)
    archive = copy_archive(tmp_path)
    following = archive / "data" / "following.js"
    lines = following.read_text().splitlines(keepends=True)
    following.write_text("".join(lines[:12]))
    with pytest.raises(InputError) as info:
        save_social_import(store, read_x_archive(archive))
    assert info.value.path == str(archive)
    assert info.value.position == "data/following.js, line 13"
    assert "data/following.js, line 13" in str(info.value)
    assert dump(store) == before


def test_x_archive_bad_line_in_the_middle(tmp_path):
    archive = copy_archive(tmp_path)
    follower = archive / "data" / "follower.js"
    lines = follower.read_text().splitlines(keepends=True)
    lines[2] = lines[2].replace(":", "")  # line 3: `"follower" {`
    follower.write_text("".join(lines))
    with pytest.raises(InputError, match=r"data/follower\.js, line 3"):
        read_x_archive(archive)


@pytest.mark.parametrize(
    ("replacement", "position"),
    [
        ('"accountId" : 1.402938475610294e18', "data/following.js, entry 1"),
        ('"accountId" : "@zoe"', "data/following.js, entry 1"),
        ('"nothing" : "here"', "data/following.js, entry 1"),
    ],
)
def test_x_archive_bad_ids_are_refused(tmp_path, replacement, position):
    archive = copy_archive(tmp_path)
    following = archive / "data" / "following.js"
    text = following.read_text().replace('"accountId" : "2999999991"', replacement, 1)
    following.write_text(text)
    with pytest.raises(InputError) as info:
        read_x_archive(archive)
    assert info.value.position == position


def test_x_archive_without_prefix_is_refused(tmp_path):
    archive = copy_archive(tmp_path)
    (archive / "data" / "follower.js").write_text('{"follower": []}')
    with pytest.raises(InputError, match=r"data/follower\.js, line 1: expected 'window\.YTD"):
        read_x_archive(archive)


def make_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return path


def archive_entries() -> dict[str, bytes]:
    return {f"data/{p.name}": p.read_bytes() for p in (X_FOLDER / "data").iterdir()}


@pytest.mark.parametrize("bad_name", ["../evil.js", "data/../../evil.js", "/etc/evil.js"])
def test_zip_with_unsafe_paths_is_refused(store, tmp_path, bad_name):
    path = make_zip(tmp_path / "x.zip", {**archive_entries(), bad_name: b"x"})
    with pytest.raises(InputError) as info:
        save_social_import(store, read_x_archive(path))
    assert info.value.position == bad_name
    assert "unsafe path" in info.value.problem
    assert counts(store)["accounts"] == 0


def test_zip_bomb_is_refused(store, tmp_path):
    padding = b" " * (5 * 1024 * 1024)
    entries = archive_entries()
    entries["data/following.js"] = entries["data/following.js"].replace(b"[", b"[" + padding, 1)
    path = make_zip(tmp_path / "bomb.zip", entries)
    with pytest.raises(InputError, match="zip bomb") as info:
        read_x_archive(path)
    assert info.value.position == "data/following.js"


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "twitter.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="not a readable zip"):
        read_x_archive(path)


def test_x_archive_zip_inside_a_top_folder(tmp_path):
    entries = {f"twitter-2025/{name}": data for name, data in archive_entries().items()}
    path = make_zip(tmp_path / "nested.zip", entries)
    assert read_x_archive(path).following_ids == read_x_archive(X_FOLDER).following_ids


# ---- twarc ----------------------------------------------------------------------------------


def recorded_pages(name: str) -> list[dict]:
    """Response bodies of a recorded X API exchange, as twarc2 writes them (one per line)."""
    recording = json.loads((FIXTURES / "x" / name).read_text())
    pages = []
    for interaction in recording["interactions"]:
        page = dict(interaction["response"]["body"])
        page["__twarc"] = {"url": interaction["request"]["url"], "version": "2.14.0"}
        pages.append(page)
    return pages


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


SEARCH_EXAMPLE = "search_recent_tweets.expansions_author_id.xdocs_example.json"
SEARCH_PLAIN = "search_recent_tweets.tweepy_sync.json"


def test_twarc_search_pages_store_posts_authors_hashtags(store, tmp_path):
    pages = recorded_pages(SEARCH_EXAMPLE)
    path = write_jsonl(tmp_path / "search.jsonl", pages)
    result = save_social_import(store, read_twarc(path))
    body = pages[0]
    expected_posts = {t["id"] for t in body["data"]} | {t["id"] for t in body["includes"]["tweets"]}
    stored = {r["platform_id"]: r for r in store.query("SELECT * FROM posts")}
    assert set(stored) == expected_posts and len(stored) == 6
    assert result.posts == 6
    assert handles(store, "x") == {u["id"]: u["username"] for u in body["includes"]["users"]}
    author = store.find_account("x", "happycamper")
    assert author["created_at"] == "2009-08-05T05:46:48+00:00"
    assert stored["1276035977375477760"]["account_id"] == author["id"]
    assert stored["1276035977375477760"]["url"] == (
        "https://x.com/happycamper/status/1276035977375477760"
    )
    tags = store.query(
        "SELECT p.platform_id, h.tag FROM post_hashtags h JOIN posts p ON p.id = h.post_id"
    )
    assert tags == [{"platform_id": "1274086728471461889", "tag": "fresh"}]
    assert store.scalar("SELECT count(*) FROM my_accounts") == 0


def test_twarc_pages_without_author_are_reported(store, tmp_path):
    path = write_jsonl(tmp_path / "plain.jsonl", recorded_pages(SEARCH_PLAIN))
    data = read_twarc(path)
    assert data.posts == [] and data.warnings == [
        "10 tweets without author_id were skipped (the request did not ask for author_id)"
    ]


def test_twarc_flattened_lines_equal_pages(store, tmp_path):
    body = recorded_pages(SEARCH_EXAMPLE)[0]
    users = {u["id"]: u for u in body["includes"]["users"]}
    flat = [{**tweet, "author": users[tweet["author_id"]]} for tweet in body["data"]]
    from_flat = read_twarc(write_jsonl(tmp_path / "flat.jsonl", flat))
    page_only_data = {**body, "includes": {"users": body["includes"]["users"]}}
    from_pages = read_twarc(write_jsonl(tmp_path / "pages.jsonl", [page_only_data]))
    assert sorted(p.platform_id for p in from_flat.posts) == sorted(t["id"] for t in body["data"])
    key = sorted
    assert key((a.platform_id, a.handle) for a in from_flat.accounts) == key(
        (a.platform_id, a.handle) for a in from_pages.accounts
    )


def test_twarc_followers_pages_become_edges(store, tmp_path):
    pages = recorded_pages("get_users_followers.tweepy_sync_783214.json")
    path = write_jsonl(tmp_path / "followers.jsonl", pages)
    save_social_import(store, read_twarc(path))
    ids = {u["id"] for u in pages[0]["data"]}
    assert len(ids) == 100
    assert followers_of(store, "x", "783214") == ids
    assert store.find_account("x", "Zamari97491661")["platform_id"] == "1376998163739987969"


def test_twarc_reimport_changes_nothing(store, tmp_path):
    path = write_jsonl(tmp_path / "search.jsonl", recorded_pages(SEARCH_EXAMPLE))
    save_social_import(store, read_twarc(path))
    before = dump(store)
    save_social_import(store, read_twarc(path))
    assert dump(store) == before


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ('{"data": [{"id": "1", "text": "cut', "Unterminated string"),
        ("[1, 2, 3]", "expected a JSON object"),
        ('{"hello": "world"}', "neither an X API v2 page"),
        ('{"data": [{"id": "12.5", "text": "x", "author_id": "1"}]}', "not a numeric X id"),
        ("[" * 100_000, "nested too deeply"),
        ('{"data": ' + "[" * 300 + "]" * 300 + "}", "nested more than"),
    ],
)
def test_twarc_bad_line_names_its_number(store, tmp_path, bad_line, problem):
    good = recorded_pages(SEARCH_EXAMPLE)[0]
    path = write_jsonl(tmp_path / "bad.jsonl", [good, "", good, bad_line, good])
    before = counts(store)
    with pytest.raises(InputError, match=problem) as info:
        save_social_import(store, read_twarc(path))
    assert info.value.position.startswith("line 4")
    assert counts(store) == before


def test_twarc_huge_line_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(twarc_module, "MAX_LINE_BYTES", 1000)
    page = recorded_pages(SEARCH_EXAMPLE)[0]
    path = write_jsonl(tmp_path / "huge.jsonl", ['{"data": []}', page])
    with pytest.raises(InputError, match="line 2: longer than 1000 bytes"):
        read_twarc(path)


def test_failed_save_leaves_nothing_behind(store, tmp_path):
    data = read_x_archive(X_FOLDER)
    store.execute(
        "CREATE TEMP TRIGGER fail_snapshots BEFORE INSERT ON snapshots "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(Exception, match="disk full"):
        save_social_import(store, data)
    assert set(counts(store).values()) == {0}


# ---- Mastodon -------------------------------------------------------------------------------


def csv_addresses(name: str) -> list[str]:
    lines = (MASTODON / name).read_text().splitlines()[1:]
    return [line.split(",")[0].lower() for line in lines if line]


def test_mastodon_export_with_owner(store):
    data = read_mastodon_export(MASTODON, owner="@robin@social.example.org")
    result = save_social_import(store, data)
    following = csv_addresses("following_accounts.csv")
    assert len(following) == 23
    assert followed_by(store, "mastodon", "robin@social.example.org") == set(following)
    assert result.new_follows == 23
    ruaidhri = store.find_account("mastodon", "ruaidhri@journa.example")
    assert ruaidhri["url"] == "https://journa.example/@ruaidhri"
    lists = {
        r["name"]: r["n"]
        for r in store.query(
            "SELECT l.name, count(m.account_id) AS n FROM lists l "
            "JOIN list_members m ON m.list_id = l.id GROUP BY l.id"
        )
    }
    assert lists == {"Press, UK & IE": 6, "Clients": 3, "Ideas 💡": 3}
    press_members = store.query(
        "SELECT a.platform_id FROM lists l JOIN list_members m ON m.list_id = l.id "
        "JOIN accounts a ON a.id = m.account_id WHERE l.name = 'Press, UK & IE'"
    )
    assert "chloem@journa.example" in {r["platform_id"] for r in press_members}
    assert store.query("SELECT kind, source, count FROM snapshots") == [
        {"kind": "following", "source": "mastodon-export", "count": 23}
    ]
    assert data.warnings == [
        "blocked_accounts.csv: 1 blocked accounts recognised, not imported",
        "blocked_domains.csv: 1 blocked domains recognised, not imported",
        "muted_accounts.csv: 1 muted accounts recognised, not imported",
    ]
    assert store.find_account("mastodon", "edgelord@mstdn.example") is None


def test_mastodon_without_owner_uses_known_account(store):
    only_follows = MASTODON / "following_accounts.csv"
    first = save_social_import(store, read_mastodon_export(only_follows))
    assert store.scalar("SELECT count(*) FROM follows") == 0
    assert "does not say whose it is" in first.warnings[-1]
    assert store.scalar("SELECT count(*) FROM accounts") == 23
    store.execute(
        "INSERT INTO my_accounts (platform, account_id) VALUES ('mastodon', ?)",
        [
            store.ensure_account_ids("mastodon", ["robin@social.example.org"])[
                "robin@social.example.org"
            ]
        ],
    )
    save_social_import(store, read_mastodon_export(only_follows))
    assert len(followed_by(store, "mastodon", "robin@social.example.org")) == 23


def test_mastodon_reimport_changes_nothing(store):
    save_social_import(store, read_mastodon_export(MASTODON, owner="robin@social.example.org"))
    before = dump(store)
    save_social_import(store, read_mastodon_export(MASTODON, owner="robin@social.example.org"))
    assert dump(store) == before


def test_mastodon_old_shapes_and_local_accounts(tmp_path):
    path = tmp_path / "follows.csv"
    path.write_text("@Alice@Example.social\nbob\n")
    data = read_mastodon_export(path, owner="robin@social.example.org")
    assert data.following_ids == ["alice@example.social", "bob@social.example.org"]
    assert data.accounts[0].handle == "Alice@Example.social"


def test_mastodon_bad_address_names_the_line(store, tmp_path):
    path = tmp_path / "following_accounts.csv"
    lines = (MASTODON / "following_accounts.csv").read_text().splitlines(keepends=True)
    lines[2] = "https://dailylantern.example/@news,true,false,\n"
    path.write_text("".join(lines))
    with pytest.raises(InputError) as info:
        save_social_import(store, read_mastodon_export(path))
    assert (info.value.path, info.value.position) == (str(path), "line 3")
    assert counts(store)["accounts"] == 0


def test_mastodon_unknown_csv_is_refused(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("First Name,Last Name\nAda,Lovelace\n")
    with pytest.raises(InputError, match="line 1: not a recognised Mastodon export"):
        read_mastodon_export(path)


# ---- Bluesky --------------------------------------------------------------------------------


def truth_records(collection: str) -> list[dict]:
    return [r for r in CAR_TRUTH["records"] if r["collection"] == collection]


def test_bluesky_repo_matches_ground_truth(store):
    result = save_social_import(store, read_bluesky_car(CAR))
    did = CAR_TRUTH["did"]
    subjects = [r["value"]["subject"] for r in truth_records("app.bsky.graph.follow")]
    assert len(subjects) == 20 and len(set(subjects)) == 19  # one duplicate follow record
    assert followed_by(store, "bluesky", did) == set(subjects)
    assert store.scalar("SELECT count(*) FROM follows") == 19 == result.new_follows
    owner = store.query("SELECT a.* FROM my_accounts m JOIN accounts a ON a.id = m.account_id")[0]
    assert (owner["platform_id"], owner["display_name"]) == (did, "Robin Castellane")
    assert owner["bio"].startswith("Head of PR at Lumen & Lark PR Ltd")
    assert store.query("SELECT kind, source, count FROM snapshots") == [
        {"kind": "following", "source": "bluesky-repo", "count": 19}
    ]


def test_bluesky_handles_come_from_mention_facets(store):
    save_social_import(store, read_bluesky_car(CAR))
    mentioned = {
        feature["did"]
        for record in truth_records("app.bsky.feed.post")
        for facet in record["value"].get("facets", [])
        for feature in facet["features"]
        if feature.get("did")
    }
    known = handles(store, "bluesky")
    assert set(known) == mentioned and len(known) == 4
    for did, handle in known.items():
        assert CAR_TRUTH["known_handles_for_dids"][did] == handle


def test_bluesky_lists_and_posts(store):
    save_social_import(store, read_bluesky_car(CAR))
    (list_record,) = truth_records("app.bsky.graph.list")
    row = store.query("SELECT * FROM lists")[0]
    assert row["name"] == list_record["value"]["name"]
    assert (
        row["platform_id"] == f"at://{CAR_TRUTH['did']}/app.bsky.graph.list/{list_record['rkey']}"
    )
    members = store.query(
        "SELECT a.platform_id FROM list_members m JOIN accounts a ON a.id = m.account_id"
    )
    items = truth_records("app.bsky.graph.listitem")
    assert {r["platform_id"] for r in members} == {r["value"]["subject"] for r in items}
    assert len(members) == 8
    posts = store.query("SELECT platform_id, text, created_at FROM posts")
    expected = {
        f"at://{CAR_TRUTH['did']}/app.bsky.feed.post/{r['rkey']}": r["value"]["text"]
        for r in truth_records("app.bsky.feed.post")
    }
    assert {p["platform_id"]: p["text"] for p in posts} == expected


def test_bluesky_reimport_changes_nothing(store):
    save_social_import(store, read_bluesky_car(CAR))
    before = dump(store)
    again = save_social_import(store, read_bluesky_car(CAR))
    assert dump(store) == before and again.snapshots == []


def read_varint(data: bytes, offset: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, offset
        shift += 7


def block_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each block section after the header: CID + content."""
    length, offset = read_varint(data, 0)
    offset += length
    spans = []
    while offset < len(data):
        length, start = read_varint(data, offset)
        spans.append((start, start + length))
        offset = start + length
    return spans


def test_bluesky_corrupted_block_is_named(store, tmp_path):
    data = bytearray(CAR.read_bytes())
    start, end = block_spans(bytes(data))[4]
    data[end - 3] ^= 0x55
    path = tmp_path / "repo.car"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as info:
        save_social_import(store, read_bluesky_car(path))
    assert info.value.position == "block 5"
    assert "corrupted" in info.value.problem
    assert counts(store)["accounts"] == 0


def test_bluesky_undecodable_block_with_valid_cid_is_named(tmp_path):
    data = CAR.read_bytes()
    spans = block_spans(data)
    start, end = spans[6]
    content = b"\xa1\x61"  # a CBOR map whose key string is cut short
    cid = bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(content).digest()
    section = cid + content
    prefix_start = spans[5][1]
    patched = data[:prefix_start] + bytes([len(section)]) + section + data[end:]
    path = tmp_path / "repo.car"
    path.write_bytes(patched)
    with pytest.raises(InputError, match="cannot decode") as info:
        read_bluesky_car(path)
    assert info.value.position == "block 7"


def test_bluesky_truncated_car_is_named(tmp_path):
    data = CAR.read_bytes()
    spans = block_spans(data)
    path = tmp_path / "repo.car"
    path.write_bytes(data[: spans[9][0] + 10])
    with pytest.raises(InputError, match="block 10: block runs past the end"):
        read_bluesky_car(path)


def test_bluesky_not_a_car(tmp_path):
    path = tmp_path / "repo.car"
    path.write_bytes(b"\xff" * 20)
    with pytest.raises(InputError, match="header"):
        read_bluesky_car(path)
