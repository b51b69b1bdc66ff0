"""forget: one transaction removes a person and what identifies them; suppressions keep them out."""

from __future__ import annotations

import csv
import io
import os
import stat

import pytest
import typer
from typer.testing import CliRunner

from audience.export import build_rows, export_people, export_suppressions
from audience.models import Account
from audience.privacy import (
    ForgetError,
    forget,
    is_suppressed,
    list_suppressions,
    name_org_key,
    normalise_linkedin_url,
    plan_forget,
    suppressed_account_ids,
    suppressed_person_ids,
)
from audience.store import Store, open_store
from tests.test_export import add_account, add_contact, add_person, seed_crowd

ADA_TABLES = {
    "people": "SELECT count(*) FROM people WHERE name = 'Ada Lovelace'",
    "contacts": "SELECT count(*) FROM contacts WHERE full_name = 'Ada Lovelace'",
    "contact_points": "SELECT count(*) FROM contact_points WHERE value LIKE '%lantern%'",
    "matches": "SELECT count(*) FROM matches",
    "accounts": "SELECT count(*) FROM accounts WHERE handle IN ('ada_l', 'ada.bsky.social')",
    "posts": "SELECT count(*) FROM posts",
    "post_hashtags": "SELECT count(*) FROM post_hashtags",
    "segment_members": "SELECT count(*) FROM segment_members WHERE reason LIKE 'press%' "
    "OR reason LIKE 'bio%' OR reason LIKE 'listed%'",
    "targets": "SELECT count(*) FROM targets",
    "account_history": "SELECT count(*) FROM account_history",
    "follows": "SELECT count(*) FROM follows",
}


@pytest.fixture
def crowd(store: Store) -> dict[str, int]:
    ids = seed_crowd(store)
    with store.transaction():
        store.add_follows([(ids["ada_x"], ids["dave_x"]), (ids["dave_x"], ids["ada_x"])])
        # a changed bio is kept in account_history: it must go too
        store.upsert_accounts([Account("x", "1001", handle="ada_l", bio="Now at the Lantern")])
    return ids


def _counts(store: Store) -> dict[str, int]:
    return {name: store.scalar(sql) for name, sql in ADA_TABLES.items()}


def test_forget_by_email_removes_everything_derived(store, crowd):
    before = _counts(store)
    assert all(before.values()), before  # the check below must be able to fail
    plan = plan_forget(store, "ada@lantern.EXAMPLE")
    assert plan.person_ids == {crowd["ada"]}
    assert plan.account_ids == {crowd["ada_x"], crowd["ada_bsky"]}
    result = forget(store, plan)
    assert _counts(store) == dict.fromkeys(ADA_TABLES, 0)
    assert result.deleted["accounts"] == 2 and result.deleted["posts"] == 3
    assert result.deleted["follows"] == 2
    # others are untouched: Dave's account (only a review match to Ada) stays
    handles = {r[0] for r in store.execute("SELECT handle FROM accounts")}
    assert handles == {"dave", "grace@hachyderm.io", "tabby", "me_brand"}
    assert store.scalar("SELECT count(*) FROM segment_members") == 2


def test_suppression_entries_are_left(store, crowd):
    forget(store, plan_forget(store, "ada@lantern.example"))
    entries = {(r["kind"], r["value"]) for r in list_suppressions(store)}
    assert entries == {
        ("email", "ada@lantern.example"),
        ("phone", "+442079460958"),
        ("linkedin_url", "linkedin.com/in/ada-lovelace"),
        ("name_org", "ada lovelace|the daily lantern"),
        ("handle", "x:ada_l"),
        ("handle", "bluesky:ada.bsky.social"),
        ("account", "x:1001"),
        ("account", "bluesky:did:plc:ada"),
    }


def test_suppression_keeps_them_out_after_a_reinsert(store, crowd):
    forget(store, plan_forget(store, "@ada_l", platform="x"))
    with store.transaction():
        # a later crawl sees the account again, a later import brings the contact back
        again_x = add_account(store, "x", "1001", "ada_l", followers_count=12001)
        renamed = add_account(store, "bluesky", "did:plc:ada", "ada.lantern.example")
        person = add_person(store, "Ada Lovelace", "Daily Lantern Ltd")
        add_contact(
            store, person, "ada-2", full_name="Ada Lovelace", emails=["ada@lantern.example"]
        )
        linked = add_account(store, "mastodon", "m9", "ada@mastodon.social")
        store.execute("UPDATE accounts SET person_id = ? WHERE id = ?", [person, linked])
    assert {again_x, renamed, linked} <= suppressed_account_ids(store)
    assert suppressed_person_ids(store) == {person}
    rows = build_rows(store)
    assert "Ada Lovelace" not in [r["name"] for r in rows]
    assert not {"ada_l"} & {r["x_handle"] for r in rows}
    assert all(r["mastodon_handle"] != "ada@mastodon.social" for r in rows)
    assert "ada" not in export_people(store).text.lower()


def test_is_suppressed_for_importers_and_crawlers(store, crowd):
    forget(store, plan_forget(store, str(crowd["ada"])))
    assert is_suppressed(store, emails=[" ADA@lantern.example "])
    assert is_suppressed(store, phones=["+44 20 7946 0958"])
    assert is_suppressed(store, handles=[("x", "@Ada_L")])
    assert is_suppressed(store, account_ids=[("bluesky", "did:plc:ada")])
    assert is_suppressed(store, linkedin_url="http://uk.linkedin.com/in/Ada-Lovelace?trk=x")
    assert is_suppressed(store, name="Ada  Lovelace", organisation="The Daily Lantern")
    assert not is_suppressed(store, name="Ada Lovelace", organisation="Other Paper")
    assert not is_suppressed(store, name="Ada Lovelace")
    assert not is_suppressed(store, emails=["dave@example.com"], handles=[("bluesky", "ada_l")])


def test_forget_lone_account_keeps_people(store, crowd):
    plan = plan_forget(store, "@grace@hachyderm.io")
    assert plan.person_ids == set() and plan.account_ids == {crowd["formula"]}
    forget(store, plan)
    assert store.scalar("SELECT count(*) FROM people") == 1
    assert store.scalar("SELECT count(*) FROM accounts WHERE platform = 'mastodon'") == 0
    assert is_suppressed(store, handles=[("mastodon", "grace@hachyderm.io")])


def test_forget_ambiguous_unknown_and_own(store, crowd):
    add_account(store, "bluesky", "did:plc:dave", "dave")
    with pytest.raises(ForgetError, match="exists on bluesky, x; say which with --platform"):
        plan_forget(store, "@dave")
    assert plan_forget(store, "@dave", platform="bluesky").account_ids == {
        store.scalar("SELECT id FROM accounts WHERE platform_id = 'did:plc:dave'")
    }
    with pytest.raises(ForgetError, match="No contact with the e-mail address nobody@x.example"):
        plan_forget(store, "nobody@x.example")
    with pytest.raises(ForgetError, match="No person with id 999"):
        plan_forget(store, "999")
    with pytest.raises(ForgetError, match="own account"):
        forget(store, plan_forget(store, "@me_brand"))
    assert store.scalar("SELECT count(*) FROM suppressions") == 0


def test_forget_leaves_no_trace_in_the_file(tmp_path):
    path = tmp_path / "audience.db"
    store = open_store(path)
    ids = seed_crowd(store)
    store.sync_search_index()
    assert store.query("SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH 'zanzibarquokka'")
    forget(store, plan_forget(store, "@ada_l"))
    assert not store.query(
        "SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH 'zanzibarquokka'"
    )
    assert ids["ada_x"] not in {r[0] for r in store.execute("SELECT id FROM accounts")}
    store.close()
    for leftover in tmp_path.iterdir():
        if leftover.name.startswith("audience.db"):
            assert b"zanzibarquokka" not in leftover.read_bytes(), leftover.name


def test_normalisers():
    assert normalise_linkedin_url("https://www.linkedin.com/in/ada/") == "linkedin.com/in/ada"
    assert name_org_key("Zoë  O'Brien", "Café Ltd.") == "zoe o brien|cafe ltd"
    assert name_org_key("Zoë", None) is None


def test_workspace_file_is_private(tmp_path):
    path = tmp_path / "new" / "audience.db"
    open_store(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


# ---- the command --------------------------------------------------------------------------------


def _app() -> typer.Typer:
    from commands.export import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    register(app)
    return app


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "audience.db"
    store = open_store(path)
    seed_crowd(store)
    store.close()
    return path


def _people(path) -> int:
    store = open_store(path)
    try:
        return store.scalar("SELECT count(*) FROM people")
    finally:
        store.close()


def test_cli_forget_asks_first(db_file):
    result = CliRunner().invoke(
        _app(), ["forget", "ada@lantern.example", "--db", str(db_file)], input="n\n"
    )
    assert result.exit_code == 1
    assert "Will delete Ada Lovelace: 1 person(s), 1 contact(s), 2 social" in result.output
    assert "Nothing deleted" in result.output
    assert _people(db_file) == 1
    result = CliRunner().invoke(
        _app(), ["forget", "ada@lantern.example", "--db", str(db_file)], input="y\n"
    )
    assert result.exit_code == 0, result.output
    assert "Forgotten:" in result.output
    assert _people(db_file) == 0


def test_cli_forget_yes_and_suppressed_listing(db_file):
    result = CliRunner().invoke(
        _app(), ["forget", "@ada_l", "--platform", "x", "--yes", "--db", str(db_file)]
    )
    assert result.exit_code == 0, result.output
    listing = CliRunner().invoke(_app(), ["export", "--suppressed", "--db", str(db_file)])
    assert listing.exit_code == 0, listing.output
    rows = list(csv.DictReader(io.StringIO(listing.stdout, newline="")))
    assert list(rows[0]) == ["kind", "value", "created_at"]
    assert {"kind": "email", "value": "ada@lantern.example"} in [
        {"kind": r["kind"], "value": r["value"]} for r in rows
    ]
    assert next(r for r in rows if r["kind"] == "phone")["value"] == "'+442079460958"


def test_cli_forget_unknown(db_file):
    result = CliRunner().invoke(_app(), ["forget", "@nobody", "--yes", "--db", str(db_file)])
    assert result.exit_code == 1
    assert "No account @nobody" in result.output


def test_export_suppressions_when_empty(store):
    assert export_suppressions(store).text == "kind,value,created_at\r\n"
