"""The batched write paths (issue 18) store exactly what the row-by-row ones did."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from audience.models import Account, Post
from audience.store import DEFERRED_REINDEX_MIN, open_store


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "audience.db")
    yield store
    store.close()


def _search(store, words: str) -> list[str]:
    rows = store.execute(
        "SELECT a.platform_id FROM accounts_fts JOIN accounts a ON a.id = accounts_fts.rowid "
        "WHERE accounts_fts MATCH ? ORDER BY a.platform_id",
        [words],
    )
    return [r[0] for r in rows]


def _integrity(store) -> None:
    # raises sqlite3.DatabaseError when the index disagrees with the accounts table
    store.execute("INSERT INTO accounts_fts (accounts_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize("count", [3, DEFERRED_REINDEX_MIN + 7])
def test_filling_stubs_reindexes_them_for_search(store, count):
    ids = [str(n) for n in range(count)]
    store.ensure_account_ids("x", ids)
    store.upsert_accounts([Account("x", i, handle=f"old{i}", bio="gardening notes") for i in ids])
    store.sync_search_index()
    with store.transaction():
        store.upsert_accounts(
            [Account("x", i, handle=f"new{i}", bio="contact centre reporter") for i in ids]
        )
    store.sync_search_index()
    assert _search(store, "gardening") == []
    assert _search(store, "reporter") == sorted(ids)
    assert _search(store, "new1") == ["1"]
    assert store.scalar("SELECT count(*) FROM _fts_pending") == 0
    _integrity(store)


def test_a_batch_updating_accounts_still_pending_indexes_each_once(store):
    ids = [str(n) for n in range(DEFERRED_REINDEX_MIN + 1)]
    store.upsert_accounts([Account("x", i, handle=f"h{i}") for i in ids])  # pending, unindexed
    store.upsert_accounts([Account("x", i, handle=f"h{i}", bio="podcast host") for i in ids])
    store.sync_search_index()
    assert _search(store, "podcast") == sorted(ids)
    assert store.scalar("SELECT count(*) FROM accounts_fts") == len(ids)
    _integrity(store)


def test_a_page_of_posts_stores_hashtags_and_the_latest_post(store):
    ids = store.upsert_accounts([Account("x", "1", handle="a"), Account("x", "2", handle="b")])
    early = datetime(2026, 10, 1, tzinfo=UTC)
    late = datetime(2026, 11, 1, tzinfo=UTC)
    posts = [
        Post("x", "p1", "1", "#CX", created_at=late, hashtags=["CX"], like_count=1),
        Post("x", "p2", "1", "#ai", created_at=early, hashtags=["#AI", "cx"]),
        Post("x", "p3", "2", "no tags", created_at=None),
        Post("x", "p4", "3", "by an unknown author", created_at=early, hashtags=["news"]),
        Post("x", "p1", "1", "#CX", created_at=late, hashtags=["CX"], like_count=9),
    ]
    assert store.upsert_posts(posts, ids) == 5
    assert store.scalar("SELECT count(*) FROM posts") == 4
    assert store.scalar("SELECT like_count FROM posts WHERE platform_id = 'p1'") == 9
    tags = store.execute(
        "SELECT p.platform_id, h.tag FROM post_hashtags h JOIN posts p ON p.id = h.post_id "
        "ORDER BY 1, 2"
    ).fetchall()
    assert tags == [("p1", "cx"), ("p2", "ai"), ("p2", "cx"), ("p4", "news")]
    assert store.find_account("x", "a")["last_post_at"] == "2026-11-01T00:00:00+00:00"
    assert store.find_account("x", "b")["last_post_at"] is None
    author = store.find_account("x", "3")
    assert author["handle"] is None and author["last_post_at"] == "2026-10-01T00:00:00+00:00"
    # an older post later does not move last_post_at back
    store.upsert_posts([Post("x", "p5", "1", "old", created_at=early)], ids)
    assert store.find_account("x", "a")["last_post_at"] == "2026-11-01T00:00:00+00:00"


def test_xlsx_links_beyond_excels_limit_stay_as_text(tmp_path, monkeypatch):
    import openpyxl

    import audience.export as export

    monkeypatch.setattr(export, "LINKS_PER_SHEET", 2)
    rows = [
        {"name": f"n{k}", "x_url": f"https://x.com/h{k}", "followers_total": k} for k in range(4)
    ]
    out = export.write_xlsx(
        rows,
        tmp_path / "links.xlsx",
        ("name", "x_url", "followers_total"),
        raw_headers=True,
        by_segment=False,
    )
    sheet = openpyxl.load_workbook(out)["Everyone"]
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [f"https://x.com/h{k}" for k in range(4)]
    assert [c.hyperlink.target if c.hyperlink else None for c in cells] == [
        "https://x.com/h0",
        "https://x.com/h1",
        None,
        None,
    ]
    assert [row[2].value for row in sheet.iter_rows(min_row=2)] == [0, 1, 2, 3]


def test_an_archive_of_follows_and_followers_is_two_follow_lists(store):
    from audience.store import _edge_groups

    ids = store.ensure_account_ids("x", [str(n) for n in range(40)])
    me = ids["0"]
    following = [(me, ids[str(n)]) for n in range(1, 30)]
    followers = [(ids[str(n)], me) for n in range(20, 40)]  # 20..29 both ways
    pairs = following + followers
    assert len(list(_edge_groups(pairs))) == 2
    assert store.add_follows(pairs) == len(pairs)
    stored = set(store.execute("SELECT follower_id, followed_id FROM follows").fetchall())
    assert stored == set(pairs)
    assert store.add_follows(pairs) == 0


def test_twarc_follow_list_entries_of_accounts_read_in_full(tmp_path):
    """An entry (id, username, name) of a following page adds the edge; it changes the account
    only when it says something new (a new name), never blanks what the look-up stored."""
    import json

    from audience.importers.twarc import import_twarc

    def user(n: int, name: str) -> dict:
        return {
            "id": str(n),
            "username": f"user{n}",
            "name": name,
            "description": f"bio of {n}",
            "created_at": "2020-01-01T00:00:00.000Z",
            "public_metrics": {"followers_count": n, "following_count": 1, "tweet_count": 1},
        }

    lookup = {"data": [user(1, "Ann"), user(2, "Bo"), user(3, "Cy")]}
    following = {
        "data": [
            {"id": "2", "username": "user2", "name": "Bo"},  # as looked up
            {"id": "3", "username": "user3", "name": "Cy Renamed"},  # renamed since
            {"id": "4", "username": "user4", "name": "Di"},  # never looked up
        ],
        "__twarc": {"url": "https://api.twitter.com/2/users/1/following", "version": "2.14.0"},
    }
    path = tmp_path / "twarc.jsonl"
    path.write_text(json.dumps(lookup) + "\n" + json.dumps(following) + "\n", encoding="utf-8")
    store = open_store(tmp_path / "audience.db")
    result = import_twarc(store, path, part_records=2)  # the look-up and the list in two parts
    assert result.accounts == 4 and result.new_follows == 3
    rows = store.execute(
        "SELECT platform_id, handle, display_name, bio, followers_count FROM accounts "
        "ORDER BY platform_id"
    ).fetchall()
    assert rows == [
        ("1", "user1", "Ann", "bio of 1", 1),
        ("2", "user2", "Bo", "bio of 2", 2),
        ("3", "user3", "Cy Renamed", "bio of 3", 3),
        ("4", "user4", "Di", None, None),
    ]
    follows = store.execute(
        "SELECT b.platform_id FROM follows f JOIN accounts a ON a.id = f.follower_id "
        "JOIN accounts b ON b.id = f.followed_id WHERE a.platform_id = '1' ORDER BY 1"
    ).fetchall()
    assert follows == [("2",), ("3",), ("4",)]
    assert _search(store, "renamed") == ["3"]
    store.close()
