"""``audience lists`` and ``segment import-list`` through the CLI, with the real Mastodon.py and
atproto clients against the fakes: create and fill a List from a segment, Mastodon's follow
rule (skip with a reason, or --follow-first; 422/403), --sync never removing a protected member
silently, pull and import-list, Mastodon's lists.csv, and a lost answer mid --apply resumed
without adding anyone twice."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audience.models import Account
from tests.fakes.bluesky_api import FakeBluesky
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.server import Response

NO_PAUSES = "".join(f"[follow.{p}]\npause_seconds = 0\n" for p in ("x", "bluesky", "mastodon"))


def run(workspace: Path, *args: str, input: str | None = None):
    from commands import app

    return CliRunner().invoke(app, [*args, "--db", str(workspace)], input=input)


def text(result) -> str:
    return " ".join(result.output.split())


def no_pauses(workspace: Path, extra: str = "") -> None:
    (workspace.parent / "audience.toml").write_text(NO_PAUSES + extra, encoding="utf-8")


def put_in_segment(workspace: Path, segment: str, accounts: list[Account]) -> None:
    from audience.segment import UnknownSegment, add_members, create_segment, get_segment
    from audience.store import open_store

    store = open_store(workspace)
    with store.transaction():
        store.upsert_accounts(accounts)
    try:
        get_segment(store, segment)
    except UnknownSegment:
        create_segment(store, segment)
    rows = [store.find_account(a.platform, a.platform_id) for a in accounts]
    add_members(store, segment, rows)
    store.close()


def list_actions(workspace: Path) -> list[tuple[str, str, str]]:
    from audience.store import open_store

    store = open_store(workspace)
    rows = store.query(
        "SELECT p.kind, a.handle, p.status FROM platform_actions p "
        "JOIN accounts a ON a.id = p.account_id ORDER BY p.id"
    )
    store.close()
    return [(r["kind"], r["handle"], r["status"]) for r in rows]


# ---- Mastodon -------------------------------------------------------------------------------


@pytest.fixture
def masto(monkeypatch):
    with FakeMastodon() as server:
        server.ids = {
            name: server.add_account(f"{name}@news.example")
            for name in ("ann", "bob", "cat", "dan")
        }
        for name in ("ann", "bob", "dan"):
            server.follow(server.me_id, server.ids[name])
        monkeypatch.setenv("MASTODON_API_BASE_URL", server.base_url)
        monkeypatch.setenv("MASTODON_ACCESS_TOKEN", server.token)
        yield server


def masto_account(name: str) -> Account:
    handle = f"{name}@news.example"
    return Account("mastodon", handle, handle=handle, display_name=name.title())


def masto_ready(workspace: Path, fake: FakeMastodon) -> None:
    no_pauses(workspace)
    assert run(workspace, "sync", "--platform", "mastodon").exit_code == 0
    put_in_segment(workspace, "press", [masto_account(n) for n in ("ann", "bob", "cat")])


def test_mastodon_push_dry_run_skips_accounts_not_followed(workspace, masto):
    masto_ready(workspace, masto)

    result = run(workspace, "lists", "push", "press", "--platform", "mastodon")
    data = json.loads(run(workspace, "lists", "push", "press", "-p", "mastodon", "--json").stdout)

    assert result.exit_code == 0, result.output
    assert "to be created" in text(result) and "Dry run: no List was changed" in text(result)
    assert [m["handle"] for m in data["add"]] == ["ann@news.example", "bob@news.example"]
    assert data["skipped"][0]["why"].startswith("not followed: Mastodon lists only accounts")
    assert data["create"] is True
    assert masto.list_writes == [] and masto.follows_sent == []


def test_mastodon_push_apply_creates_fills_and_follows_first(workspace, masto):
    masto_ready(workspace, masto)

    first = run(
        workspace,
        "lists",
        "push",
        "press",
        "-p",
        "mastodon",
        "--name",
        "UK press",
        "--apply",
        "--yes",
    )
    assert first.exit_code == 0, first.output
    (list_id,) = masto.lists
    assert masto.lists[list_id]["title"] == "UK press"
    assert sorted(masto.list_members[list_id]) == sorted([masto.ids["ann"], masto.ids["bob"]])

    second = run(
        workspace,
        "lists",
        "push",
        "press",
        "-p",
        "mastodon",
        "--name",
        "UK press",
        "--follow-first",
        "--apply",
        "--yes",
    )
    assert second.exit_code == 0, second.output
    assert masto.follows_sent == [masto.ids["cat"]]
    assert masto.list_members[list_id][-1] == masto.ids["cat"]
    assert len(masto.lists) == 1  # found again, not created twice
    adds = Counter(a for kind, _, a in masto.list_writes if kind == "add")
    assert all(n == 1 for n in adds.values()) and len(adds) == 3

    again = run(
        workspace,
        "lists",
        "push",
        "press",
        "-p",
        "mastodon",
        "--name",
        "UK press",
        "--apply",
        "--yes",
    )
    assert "The List is up to date" in text(again)


def test_mastodon_refuses_a_member_not_followed_and_the_run_goes_on(workspace, masto):
    masto_ready(workspace, masto)
    masto._edges.discard((masto.me_id, masto.ids["ann"]))  # unfollowed since the last sync

    result = run(workspace, "lists", "push", "press", "-p", "mastodon", "--apply", "--yes")

    assert result.exit_code == 0, result.output
    assert "422" in text(result) and "Account must be following" in text(result)
    (list_id,) = masto.lists
    assert masto.list_members[list_id] == [masto.ids["bob"]]
    assert ("list_add", "ann@news.example", "failed") in list_actions(workspace)


def test_sync_removes_leavers_but_never_a_protected_member_silently(workspace, masto):
    masto_ready(workspace, masto)
    assert (
        run(workspace, "lists", "push", "press", "-p", "mastodon", "--apply", "--yes").exit_code
        == 0
    )
    (list_id,) = masto.lists
    masto.list_members[list_id] += [masto.ids["dan"]]  # added by hand in the app
    put_in_segment(workspace, "customers", [])
    assert run(workspace, "lists", "pull", "-p", "mastodon").exit_code == 0
    from audience.store import open_store

    store = open_store(workspace)
    store.execute(
        "DELETE FROM segment_members WHERE account_id = (SELECT id FROM accounts "
        "WHERE platform_id = 'bob@news.example')"
    )
    store.execute(
        "INSERT INTO targets (account_id, added_at) SELECT id, 'now' FROM accounts "
        "WHERE platform_id = 'dan@news.example'"
    )
    store.close()

    plain = json.loads(run(workspace, "lists", "push", "press", "-p", "mastodon", "--json").stdout)
    synced = run(
        workspace, "lists", "push", "press", "-p", "mastodon", "--sync", "--apply", "--yes"
    )

    assert {m["handle"] for m in plain["kept"]} == {"bob@news.example", "dan@news.example"}
    assert plain["remove"] == []
    assert synced.exit_code == 0, synced.output
    assert "one of your targets" in text(synced) and "remove it by hand" in text(synced)
    assert masto.list_members[list_id] == [masto.ids["ann"], masto.ids["dan"]]
    assert ("remove", list_id, masto.ids["bob"]) in masto.list_writes


def test_pull_import_list_and_mastodon_csv(workspace, masto):
    masto_ready(workspace, masto)
    masto.lists["77"] = {"id": "77", "title": "Hand-made", "replies_policy": "list"}
    masto.list_members["77"] = [masto.ids["dan"], masto.ids["ann"]]

    pulled = run(workspace, "lists", "pull", "-p", "mastodon", "--json")
    imported = run(
        workspace, "segment", "import-list", "Hand-made", "--segment", "friends", "-p", "mastodon"
    )
    exported = run(workspace, "lists", "mastodon-csv", "press", "friends", "--out", "lists.csv")

    assert json.loads(pulled.stdout) == [
        {"platform_id": "77", "name": "Hand-made", "members": 2, "skipped_forgotten": 0}
    ]
    assert imported.exit_code == 0 and "Added 2 account(s) to segment friends" in text(imported)
    assert exported.exit_code == 0, exported.output
    raw = Path("lists.csv").read_text(encoding="utf-8")
    assert raw.splitlines()[0] == "press,ann@news.example"  # no header: Mastodon's format
    with open("lists.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert ["friends", "dan@news.example"] in rows and len(rows) == 5


def test_unknown_list_for_import_is_a_clear_error(workspace, masto):
    masto_ready(workspace, masto)
    result = run(workspace, "segment", "import-list", "Nope", "--segment", "x", "-p", "mastodon")
    assert result.exit_code == 2 and "lists pull --platform mastodon" in text(result)


def test_a_forgotten_person_is_never_listed(workspace, masto):
    from audience.privacy import add_suppressions
    from audience.store import open_store

    masto_ready(workspace, masto)
    store = open_store(workspace)
    add_suppressions(store, [("account", "mastodon:bob@news.example")])
    store.close()

    result = run(workspace, "lists", "push", "press", "-p", "mastodon", "--apply", "--yes")

    assert result.exit_code == 0, result.output
    (list_id,) = masto.lists
    assert masto.list_members[list_id] == [masto.ids["ann"]]
    assert not [w for w in masto.list_writes if w[2] == masto.ids["bob"]]


# ---- Bluesky --------------------------------------------------------------------------------


class DropAfterListItem(FakeBluesky):
    """Creates the listitem for ``subject``, then hangs up before answering."""

    def __init__(self, **options):
        super().__init__(**options)
        self.subject: str | None = None

    def _create_record(self, request, viewer):
        response = super()._create_record(request, viewer)
        if request.json().get("record", {}).get("subject") == self.subject:
            self.subject = None
            return Response(drop=True)
        return response


def bsky_env(monkeypatch, fake: FakeBluesky, password: str | None = None) -> None:
    monkeypatch.setenv("BSKY_HANDLE", fake.handle)
    monkeypatch.setenv("BSKY_APP_PASSWORD", password or fake.password)
    monkeypatch.setenv("BSKY_APPVIEW_URL", fake.base_url)
    monkeypatch.setenv("BSKY_PDS_URL", fake.base_url)


def bsky_ready(workspace: Path, fake: FakeBluesky) -> list[str]:
    dids = [
        fake.add_account(f"{n}.bsky.social", displayName=n.title()) for n in ("ann", "bob", "cat")
    ]
    no_pauses(workspace)
    assert run(workspace, "sync", "--platform", "bluesky").exit_code == 0
    put_in_segment(
        workspace,
        "press",
        [
            Account("bluesky", d, handle=f"{n}.bsky.social")
            for d, n in zip(dids, ("ann", "bob", "cat"), strict=True)
        ],
    )
    return dids


def test_bluesky_lost_answer_mid_apply_resumes_without_adding_anyone_twice(workspace, monkeypatch):
    with DropAfterListItem() as fake:
        bsky_env(monkeypatch, fake)
        dids = bsky_ready(workspace, fake)
        fake.subject = dids[1]

        crashed = run(workspace, "lists", "push", "press", "-p", "bluesky", "--apply", "--yes")
        assert crashed.exit_code == 4, crashed.output
        assert "unknown" in text(crashed)

        resumed = run(workspace, "lists", "push", "press", "-p", "bluesky", "--apply", "--yes")

    assert resumed.exit_code == 0, resumed.output
    items = Counter(
        r["record"]["subject"] for r in fake.created_records if r["collection"].endswith("listitem")
    )
    assert items == Counter({d: 1 for d in dids})  # each exactly once
    lists = [r for r in fake.created_records if r["collection"] == "app.bsky.graph.list"]
    assert len(lists) == 1 and lists[0]["record"]["purpose"] == "app.bsky.graph.defs#curatelist"
    (uri,) = fake.lists
    assert fake.list_items[uri] == dids


def test_bluesky_bad_app_password_is_exit_5_and_writes_nothing(workspace, monkeypatch):
    with FakeBluesky() as fake:
        bsky_env(monkeypatch, fake)
        bsky_ready(workspace, fake)
        bsky_env(monkeypatch, fake, password="wrong-pass")

        result = run(workspace, "lists", "push", "press", "-p", "bluesky", "--apply", "--yes")

    assert result.exit_code == 5
    assert "login refused" in text(result)
    assert fake.created_records == []


# ---- X --------------------------------------------------------------------------------------


def test_x_plan_without_list_writes_is_refused_with_the_reason(workspace, monkeypatch):
    from tests.fakes.x_api import FakeX, make_user
    from tests.test_follow import USER_CONTEXT_ENV, use

    with FakeX() as fake:
        fake.add_user(make_user("4001", "reporter"))
        use(monkeypatch, fake)
        no_pauses(workspace)
        assert run(workspace, "sync", "--platform", "x").exit_code == 0
        put_in_segment(workspace, "press", [Account("x", "4001", handle="reporter")])
        fake.write_access = False

        result = run(workspace, "lists", "push", "press", "--private", "--apply", "--yes")
        fake.write_access = True
        done = run(workspace, "lists", "push", "press", "--private", "--apply", "--yes")

    assert USER_CONTEXT_ENV["X_ACCESS_TOKEN"].startswith("1072250532645998596")
    assert result.exit_code == 5 and "453" in text(result)
    assert done.exit_code == 0, done.output
    (created,) = [
        i for i, item in fake.lists.items() if item.get("owner_id") == "1072250532645998596"
    ]
    assert fake.lists[created]["private"] is True
    assert fake.list_member_ids[created] == ["4001"]


# ---- the demo -------------------------------------------------------------------------------


def test_demo_shows_a_dry_run_follow_back_and_lists_push(demo):
    steps = {s.title.split(":")[0]: s for s in demo.steps}

    follow = steps["Follow back"]
    assert "dry run" in follow.title and follow.rows
    assert all(
        row["why"].startswith("follows you") for row in follow.rows if row["follow"] == "yes"
    )
    push = steps["Lists"]
    assert "would be created" in push.summary and push.rows
    from audience.store import open_store

    store = open_store(demo.workspace)
    assert store.scalar("SELECT count(*) FROM platform_actions") == 0  # nothing was sent
    store.close()


def test_follow_first_counts_against_the_daily_follow_cap(workspace, masto):
    masto_ready(workspace, masto)
    (workspace.parent / "audience.toml").write_text(
        "[follow.mastodon]\npause_seconds = 0\ndaily_cap = 0\n", encoding="utf-8"
    )

    plan = json.loads(
        run(
            workspace, "lists", "push", "press", "-p", "mastodon", "--follow-first", "--json"
        ).stdout
    )

    assert plan["follow_first"] == []
    assert [m["handle"] for m in plan["over_cap"]] == ["cat@news.example"]
    assert len(plan["add"]) == 2


def test_a_pending_follow_request_is_enough_for_a_mastodon_list(workspace, masto):
    masto_ready(workspace, masto)
    eve = masto.add_account("eve@news.example", locked=True)
    put_in_segment(workspace, "press", [masto_account("eve")])
    followed = run(workspace, "follow", "@eve@news.example", "-p", "mastodon", "--apply", "--yes")
    assert "pending" in text(followed)

    plan = json.loads(run(workspace, "lists", "push", "press", "-p", "mastodon", "--json").stdout)
    result = run(workspace, "lists", "push", "press", "-p", "mastodon", "--apply", "--yes")

    assert "in segment press (follow request pending)" in [m["why"] for m in plan["add"]]
    assert result.exit_code == 0, result.output
    (list_id,) = masto.lists
    assert eve in masto.list_members[list_id]
