from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from audience.errors import WorkspaceError
from audience.models import Account, ListInfo, Post
from audience.store import migrations, open_store


def test_new_workspace_is_private_and_has_defaults(tmp_path):
    path = tmp_path / "audience.db"
    store = open_store(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA busy_timeout") == 30000
    names = [r["name"] for r in store.query("SELECT name FROM segments ORDER BY name")]
    assert names == ["competitors", "customers", "press", "suppliers"]


def test_refuses_a_foreign_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="not an audience workspace"):
        open_store(path)
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [
        ("invoices",)
    ]


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello, not a database\n")
    with pytest.raises(WorkspaceError, match="not an SQLite file"):
        open_store(path)


def test_refuses_a_workspace_from_a_newer_version(tmp_path):
    path = tmp_path / "audience.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('audience', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="newer version"):
        open_store(path)


def test_missing_workspace_without_create_says_what_to_run(tmp_path):
    with pytest.raises(WorkspaceError, match="audience init"):
        open_store(tmp_path / "nope.db", create=False)


def test_upgrade_from_the_first_schema_keeps_data(tmp_path):
    """A file written by the first release opens in this one with nothing lost."""
    from sqlite_utils import Database

    from audience.store import APP_ID

    names = [m.name for m in migrations._migrations]
    assert len(names) >= 2, "the upgrade path needs a second migration to test"
    path = tmp_path / "old.db"
    old = Database(path)
    old.execute(f"PRAGMA application_id = {APP_ID}")
    migrations.apply(old, stop_before=names[1])
    old.execute(
        "INSERT INTO accounts (platform, platform_id, handle, bio, first_seen, last_seen) "
        "VALUES ('x', '1', 'kept', 'Reporter', '2025-01-01', '2025-01-01')"
    )
    old.execute(
        "INSERT INTO people (name, organisation, created_at, updated_at) "
        "VALUES ('Zoë Lambert-Hughes', 'Harbourlight Media', '2025-01-01', '2025-01-01')"
    )
    old.conn.commit()
    old.conn.close()

    store = open_store(path)
    assert [m.name for m in migrations.applied(store.db)] == names
    assert store.find_account("x", "@kept")["bio"] == "Reporter"
    assert store.scalar("SELECT name FROM people") == "Zoë Lambert-Hughes"
    # the old rows still work with the new schema
    store.upsert_accounts([Account("x", "1", handle="kept", bio="Editor")])
    assert store.scalar("SELECT count(*) FROM account_history") == 1


def test_upgrade_turns_follow_times_into_unix_seconds(tmp_path):
    from sqlite_utils import Database

    from audience.store import APP_ID

    path = tmp_path / "old.db"
    old = Database(path)
    old.execute(f"PRAGMA application_id = {APP_ID}")
    migrations.apply(old, stop_before="m005_compact_follows")
    for pid in ("1", "2"):
        old.execute(
            "INSERT INTO accounts (platform, platform_id, first_seen, last_seen) "
            "VALUES ('x', ?, '2025-01-01', '2025-01-01')",
            [pid],
        )
    old.execute(
        "INSERT INTO follows VALUES (1, 2, '2025-01-01T00:00:00+00:00', '2025-01-02T00:00:00Z')"
    )
    old.conn.commit()
    old.conn.close()

    store = open_store(path)
    row = store.query("SELECT * FROM follows")[0]
    assert row == {
        "follower_id": 1,
        "followed_id": 2,
        "first_seen": 1735689600,
        "last_seen": 1735776000,
    }
    store.execute("DELETE FROM accounts WHERE id = 2")  # still cascades
    assert store.scalar("SELECT count(*) FROM follows") == 0


def test_upsert_keeps_known_fields_and_records_history(store):
    store.upsert_accounts([Account("x", "42", handle="zoe", bio="Reporter", followers_count=10)])
    store.upsert_accounts([Account("x", "42", handle="zoe")])  # a sparse record wipes nothing
    row = store.find_account("x", "zoe")
    assert row["bio"] == "Reporter" and row["followers_count"] == 10
    store.upsert_accounts([Account("x", "42", handle="zoe_writes", bio="Editor")])
    history = store.query("SELECT field, old_value, new_value FROM account_history ORDER BY id")
    assert history == [
        {"field": "handle", "old_value": "zoe", "new_value": "zoe_writes"},
        {"field": "bio", "old_value": "Reporter", "new_value": "Editor"},
    ]
    assert store.scalar("SELECT count(*) FROM accounts") == 1


def test_an_account_met_again_in_one_run_is_written_only_if_it_changed(store):
    from datetime import UTC, datetime

    born = datetime(2015, 3, 1, tzinfo=UTC)

    def zoe(bio: str) -> Account:
        return Account("x", "1", handle="zoe", bio=bio, followers_count=10, created_at=born)

    store.upsert_account_rows([zoe("Reporter")])
    store.execute("UPDATE accounts SET last_seen = 'marker'")
    store.upsert_account_rows([zoe("Reporter")])  # on the next journalist's list, unchanged
    assert store.scalar("SELECT last_seen FROM accounts") == "marker"
    store.upsert_account_rows([zoe("Editor")])
    assert store.scalar("SELECT bio FROM accounts") == "Editor"
    assert store.scalar("SELECT count(*) FROM account_history") == 1

    # without a creation time an account is not remembered, so a fuller record still lands
    store.upsert_account_rows([Account("x", "2", handle="sam")])
    store.upsert_account_rows([Account("x", "2", handle="sam", created_at=born)])
    assert store.find_account("x", "sam")["created_at"] == "2015-03-01T00:00:00+00:00"


def test_account_rows_come_back_in_the_order_given_across_platforms(store):
    accounts = [Account("x", "1"), Account("bluesky", "did:plc:a"), Account("x", "2")]
    rows = store.upsert_account_rows([*accounts, accounts[0]])
    by_key = {
        (r["platform"], r["platform_id"]): r["id"]
        for r in store.query("SELECT id, platform, platform_id FROM accounts")
    }
    assert rows == [by_key[(a.platform, a.platform_id)] for a in [*accounts, accounts[0]]]


def test_stub_accounts_are_filled_in_later(store):
    ids = store.ensure_account_ids("x", ["7", "8"])
    assert store.find_account("x", "7")["handle"] is None
    again = store.upsert_accounts([Account("x", "7", handle="seven", display_name="Seven")])
    assert again["7"] == ids["7"]
    assert store.find_account("x", "@seven")["display_name"] == "Seven"


def test_follows_are_idempotent(store):
    ids = store.ensure_account_ids("x", ["1", "2", "3"])
    assert store.add_follows([(ids["1"], ids["2"]), (ids["1"], ids["3"])]) == 2
    store.add_follows([(ids["1"], ids["2"])])
    assert store.scalar("SELECT count(*) FROM follows") == 2


def test_follow_lists_in_both_directions_and_mixed_pairs(store):
    ids = store.ensure_account_ids("x", ["me", "a", "b", "c"])
    me, a, b, c = (ids[k] for k in ("me", "a", "b", "c"))
    assert store.add_follow_list(me, [b, a], "following") == 2
    assert store.add_follow_list(me, [a, c], "followers") == 2
    # pairs sharing neither end are grouped whichever way makes fewer statements
    assert store.add_follows([(a, b), (b, c), (c, a), (a, me)]) == 3
    edges = set(store.execute("SELECT follower_id, followed_id FROM follows"))
    assert edges == {(me, a), (me, b), (a, me), (c, me), (a, b), (b, c), (c, a)}


def test_seeing_an_edge_again_moves_last_seen_on(store, monkeypatch):
    import audience.store as store_module

    ids = store.ensure_account_ids("x", ["1", "2", "3"])
    clock = iter([1_000, 2_000])
    monkeypatch.setattr(store_module.time, "time", lambda: next(clock))
    store.add_follow_list(ids["1"], [ids["2"]])
    assert store.add_follow_list(ids["1"], [ids["2"], ids["3"]]) == 1
    rows = store.query("SELECT followed_id, first_seen, last_seen FROM follows ORDER BY 1")
    assert rows == [
        {"followed_id": ids["2"], "first_seen": 1_000, "last_seen": 2_000},
        {"followed_id": ids["3"], "first_seen": 2_000, "last_seen": 2_000},
    ]


def test_posts_hashtags_and_last_post(store):
    from datetime import UTC, datetime

    ids = store.upsert_accounts([Account("x", "1", handle="a")])
    when = datetime(2026, 11, 1, 12, tzinfo=UTC)
    post = Post("x", "p1", "1", "Hi #CX", created_at=when, hashtags=["CX", "#cx"], like_count=3)
    store.upsert_posts([post, post], ids)
    assert store.scalar("SELECT count(*) FROM posts") == 1
    assert store.query("SELECT tag FROM post_hashtags") == [{"tag": "cx"}]
    assert store.find_account("x", "a")["last_post_at"] == "2026-11-01T12:00:00+00:00"


def test_lists_and_members(store):
    owner = store.upsert_accounts([Account("x", "1", handle="owner")])["1"]
    list_id = store.upsert_list(ListInfo("x", "L1", "Press", owner_id="1"), owner)
    members = store.ensure_account_ids("x", ["2", "3"])
    store.add_list_members(list_id, members.values())
    store.add_list_members(list_id, members.values())
    assert store.scalar("SELECT count(*) FROM list_members") == 2
    assert store.upsert_list(ListInfo("x", "L1", "Press UK"), None) == list_id
    assert store.query("SELECT name, owner_id FROM lists") == [
        {"name": "Press UK", "owner_id": owner}
    ]


def test_transaction_rolls_back_everything(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_accounts([Account("x", "1", handle="a")])
        store.save_cursor("job", "x", "following", "1", "next", 1)
        raise RuntimeError("killed mid-page")
    assert store.scalar("SELECT count(*) FROM accounts") == 0
    assert store.get_cursor("job") is None


def test_full_text_search_over_bios(store):
    store.upsert_accounts(
        [
            Account("x", "1", handle="zoe", bio="Technology correspondent, contact centres"),
            Account("x", "2", handle="bob", bio="Football and coffee"),
        ]
    )
    assert store.sync_search_index() == 2
    rows = store.query(
        "SELECT a.handle FROM accounts_fts f JOIN accounts a ON a.id = f.rowid "
        "WHERE accounts_fts MATCH ?",
        ['"contact centres"'],
    )
    assert rows == [{"handle": "zoe"}]


def test_search_index_follows_inserts_updates_and_deletes(store):
    def found(words: str) -> list[str]:
        return [
            r["handle"]
            for r in store.query(
                "SELECT a.handle FROM accounts_fts f JOIN accounts a ON a.id = f.rowid "
                "WHERE accounts_fts MATCH ? ORDER BY a.handle",
                [words],
            )
        ]

    store.upsert_accounts([Account("x", "1", handle="zoe", bio="Reporter")])
    store.upsert_accounts([Account("x", "1", handle="zoe", bio="Editor")])  # still pending
    store.sync_search_index()
    assert found("editor") == ["zoe"] and found("reporter") == []
    store.upsert_accounts([Account("x", "1", handle="zoe", bio="Columnist")])  # indexed row
    assert found("columnist") == ["zoe"] and found("editor") == []
    store.upsert_accounts([Account("x", "2", handle="bob", bio="Columnist too")])
    store.execute("DELETE FROM accounts WHERE platform_id = '2'")  # deleted while pending
    store.execute("DELETE FROM accounts WHERE platform_id = '1'")  # deleted once indexed
    assert store.sync_search_index() == 0
    assert found("columnist") == []
    store.execute("INSERT INTO accounts_fts (accounts_fts) VALUES ('integrity-check')")
