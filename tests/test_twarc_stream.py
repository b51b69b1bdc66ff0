"""`import twarc` streams: a file saved part by part stores what the whole file would, a bad
line anywhere leaves the workspace untouched, and no part holds more than its budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audience.errors import InputError
from audience.importers.social import save_social_import
from audience.importers.twarc import import_twarc, read_twarc, read_twarc_parts
from audience.store import open_store
from tests.test_import_social import SEARCH_EXAMPLE, counts, recorded_pages, write_jsonl

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "x"
RECORDINGS = (
    "get_users_followers.tweepy_sync_783214.json",
    "get_users_following.tweepy_sync_783214.json",
    SEARCH_EXAMPLE,
    "get_owned_lists.tweepy_sync_783214.json",
    "get_list_members.tweepy_sync_84839422.json",
    "get_users.user_fields.xdocs_example.json",
    "search_recent_tweets.tweepy_sync.json",
)


def mixed_file(tmp_path: Path) -> Path:
    """Every shape twarc writes, recorded pages and the bundled examples, in one file."""
    lines = [page for name in RECORDINGS for page in recorded_pages(name)]
    for example in sorted(EXAMPLES.glob("*.jsonl")):
        lines += [line for line in example.read_text(encoding="utf-8").splitlines() if line]
    return write_jsonl(tmp_path / "mixed.jsonl", lines)


def by_platform_ids(store) -> dict[str, list[tuple]]:
    """The workspace with row ids replaced by platform ids, so two import orders compare."""
    return {
        "accounts": store.execute(
            "SELECT platform_id, handle, display_name, bio, location, website, followers_count, "
            "created_at, state FROM accounts ORDER BY platform_id"
        ).fetchall(),
        "follows": store.execute(
            "SELECT a.platform_id, b.platform_id FROM follows f JOIN accounts a ON a.id = "
            "f.follower_id JOIN accounts b ON b.id = f.followed_id ORDER BY 1, 2"
        ).fetchall(),
        "posts": store.execute(
            "SELECT p.platform_id, a.platform_id, p.text, p.url, p.created_at, p.like_count "
            "FROM posts p JOIN accounts a ON a.id = p.account_id ORDER BY 1"
        ).fetchall(),
        "hashtags": store.execute(
            "SELECT p.platform_id, h.tag FROM post_hashtags h JOIN posts p ON p.id = h.post_id "
            "ORDER BY 1, 2"
        ).fetchall(),
        "lists": store.execute(
            "SELECT l.platform_id, l.name, a.platform_id FROM lists l "
            "LEFT JOIN accounts a ON a.id = l.owner_id ORDER BY 1"
        ).fetchall(),
        "list_members": store.execute(
            "SELECT l.platform_id, a.platform_id FROM list_members m JOIN lists l ON "
            "l.id = m.list_id JOIN accounts a ON a.id = m.account_id ORDER BY 1, 2"
        ).fetchall(),
    }


@pytest.mark.parametrize("part_records", [1, 7, 150, 1_000_000])
def test_parts_store_what_the_whole_file_stores(tmp_path, part_records):
    path = mixed_file(tmp_path)
    whole, streamed = open_store(None), open_store(None)
    expected = save_social_import(whole, read_twarc(path))
    result = import_twarc(streamed, path, part_records=part_records)
    assert by_platform_ids(streamed) == by_platform_ids(whole)
    assert by_platform_ids(whole)["posts"] and by_platform_ids(whole)["list_members"]
    assert (result.accounts, result.new_accounts, result.new_follows) == (
        expected.accounts,
        expected.new_accounts,
        expected.new_follows,
    )
    assert result.warnings == expected.warnings
    if part_records == 1_000_000:  # one part: every count is the whole file's
        assert result == expected


def test_author_met_in_an_earlier_part_still_gives_the_post_its_handle(tmp_path):
    page = recorded_pages(SEARCH_EXAMPLE)[0]
    users_only = {"data": page["includes"]["users"]}
    tweets_only = {"data": page["data"]}
    path = write_jsonl(tmp_path / "split.jsonl", [users_only, tweets_only])
    store = open_store(None)
    import_twarc(store, path, part_records=1)
    urls = {row[0] for row in store.execute("SELECT url FROM posts")}
    assert urls and not any("/i/web/" in url for url in urls)


def test_author_met_in_a_later_part_still_gives_the_post_its_handle(tmp_path):
    page = recorded_pages(SEARCH_EXAMPLE)[0]
    path = write_jsonl(
        tmp_path / "late.jsonl", [{"data": page["data"]}, {"data": page["includes"]["users"]}]
    )
    whole, streamed = open_store(None), open_store(None)
    save_social_import(whole, read_twarc(path))
    import_twarc(streamed, path, part_records=1)
    assert by_platform_ids(streamed)["posts"] == by_platform_ids(whole)["posts"]


def test_a_bad_line_after_saved_parts_leaves_the_workspace_untouched(tmp_path):
    good = mixed_file(tmp_path).read_text(encoding="utf-8")
    path = tmp_path / "bad.jsonl"
    path.write_text(good + '{"data": [{"id": "1", "text": "cut\n', encoding="utf-8")
    store = open_store(None)
    before = counts(store)
    with pytest.raises(InputError, match="Unterminated string") as info:
        import_twarc(store, path, part_records=5)
    assert info.value.position.startswith(f"line {len(good.splitlines()) + 1},")
    assert counts(store) == before
    assert store.scalar("SELECT count(*) FROM posts") == 0


def test_no_part_holds_more_than_its_budget_and_a_page(tmp_path):
    users = [
        {"id": str(10_000 + n), "username": f"user{n}", "name": f"User {n}", "description": "hi"}
        for n in range(2_000)
    ]
    tweets = [
        {"id": str(90_000 + n), "text": f"post {n}", "author_id": str(10_000 + n % 2_000)}
        for n in range(2_400)
    ]
    lines = [{"data": users[i : i + 100]} for i in range(0, len(users), 100)]
    lines += [
        {"data": tweets[i : i + 100], "includes": {"users": users[i % 2000 : i % 2000 + 100]}}
        for i in range(0, len(tweets), 100)
    ]
    path = write_jsonl(tmp_path / "big.jsonl", lines)
    parts = list(read_twarc_parts(path, part_records=300))
    held = [len(p.accounts) + len(p.posts) + len(p.edges) for p in parts]
    assert len(parts) > 10
    assert max(held) <= 300 + 200  # the budget, plus the page that crossed it
    assert sum(len(p.posts) for p in parts) == 2_400
    assert json.dumps(sorted({a.platform_id for p in parts for a in p.accounts})) == json.dumps(
        sorted(u["id"] for u in users)
    )
