"""``sync``, ``prune [--apply]``, ``followback``, ``target`` and ``engage`` through the CLI, with
the real tweepy client talking to FakeX on 127.0.0.1."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from commands.loop import register
from tests.fakes.server import Response
from tests.fakes.x_api import FakeX, make_user

ME = "1072250532645998596"
USER_CONTEXT_ENV = {
    "X_API_KEY": "consumer-key-123",
    "X_API_SECRET": "consumer-secret-456",
    "X_ACCESS_TOKEN": f"{ME}-AbCdEfGhIjKlMnOpQrStUvWxYz",
    "X_ACCESS_TOKEN_SECRET": "access-secret-789",
}
QUIET = ["3001", "3002", "3003", "3004"]  # never posted: suggested
PRESS = "3005"  # never posted either, but press
HEALTHY = ["2001", "2002"]


class DropAfterUnfollow(FakeX):
    """Carries out the unfollow of ``target``, then drops the connection before answering:
    the client cannot know whether it took effect."""

    def __init__(self, target: str, **options):
        super().__init__(**options)
        self.target = target

    def _unfollow(self, request, match):
        response = super()._unfollow(request, match)
        if match[2] == self.target:
            self.target = None
            return Response(drop=True)
        return response


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def seed(fake: FakeX) -> None:
    bio = "Contact centre lead"
    for pid in HEALTHY:
        fake.add_user(make_user(pid, f"healthy{pid}", description=bio))
    for pid in [*QUIET, PRESS]:
        fake.add_user(make_user(pid, f"quiet{pid}", tweet_count=0, description="hello"))
    yesterday = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    fake.add_post("1800000000000000001", "2001", "Contact centre staffing tips #cx", yesterday)
    fake.set_following(ME, [*HEALTHY, *QUIET, PRESS])
    fake.set_followers(ME, HEALTHY)


def use(monkeypatch, fake: FakeX, user_context: bool = True) -> None:
    monkeypatch.setenv("X_API_BASE_URL", fake.base_url)
    monkeypatch.setenv("X_BEARER_TOKEN", fake.bearer_token)
    for name, value in USER_CONTEXT_ENV.items():
        if user_context:
            monkeypatch.setenv(name, value)
        else:
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake(monkeypatch):
    server = FakeX()
    seed(server)
    with server:
        use(monkeypatch, server)
        yield server


def run(app, workspace: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(app, [*args, "--db", str(workspace)], input=input)


TOPICS = (
    '[topics]\nkeywords = ["contact centre", "customer service", "customer experience"]\n'
    'hashtags = ["#contactcentre", "#custserv", "#cx"]\n'
)


def with_topics(workspace: Path) -> None:
    """`audience init` writes its example topics commented out (14.19): set them here."""
    toml = workspace.parent / "audience.toml"
    text = toml.read_text(encoding="utf-8") if toml.exists() else ""
    if "\nkeywords =" not in "\n" + text:
        text = text.replace("[topics]\n", TOPICS, 1) if "[topics]\n" in text else TOPICS + text
        toml.write_text(text, encoding="utf-8")


def synced(app, workspace: Path, press: bool = True) -> None:
    with_topics(workspace)
    result = run(app, workspace, "sync", "--platform", "x")
    assert result.exit_code == 0, result.output
    if press:
        from audience.store import open_store

        store = open_store(workspace)
        store.execute(
            "INSERT INTO segment_members (segment_id, account_id, source, created_at) "
            "SELECT s.id, a.id, 'manual', 'now' FROM segments s, accounts a "
            "WHERE s.name = 'press' AND a.platform_id = ?",
            [PRESS],
        )
        store.close()


def actions(workspace: Path) -> list[tuple[str, str]]:
    from audience.store import open_store

    store = open_store(workspace)
    rows = store.query(
        "SELECT a.platform_id, u.status FROM unfollow_actions u "
        "JOIN accounts a ON a.id = u.account_id ORDER BY u.id"
    )
    store.close()
    return [(r["platform_id"], r["status"]) for r in rows]


def text(result) -> str:
    """The output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


def unfollowed(fake: FakeX) -> list[str]:
    return [target for source, target in fake.unfollows]


def set_prune(workspace: Path, **values: int) -> None:
    body = "\n".join(f"{k} = {v}" for k, v in values.items())
    (workspace.parent / "audience.toml").write_text(f"[prune]\n{body}\n", encoding="utf-8")


# ---- sync ---------------------------------------------------------------------------------


def test_sync_then_changes_as_json(app, workspace, fake):
    synced(app, workspace, press=False)
    fake.set_followers(ME, [*HEALTHY, "3001"])

    result = run(app, workspace, "sync", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["platform_id"] for r in data["new_followers"]] == ["3001"]

    again = run(app, workspace, "sync", "--changes", "--json")
    assert json.loads(again.stdout)["new_followers"] == data["new_followers"]
    assert len(fake.calls("/2/users/me")) == 2  # --changes made no request


def test_prune_without_a_sync_says_what_to_run_first(app, workspace, fake):
    result = run(app, workspace, "prune")

    assert result.exit_code == 2
    assert "audience sync --platform x" in text(result)


# ---- prune: dry run and apply ---------------------------------------------------------------


def test_prune_is_a_dry_run_by_default(app, workspace, fake):
    synced(app, workspace)

    result = run(app, workspace, "prune", "--json")
    listed = json.loads(result.stdout)
    assert [s["platform_id"] for s in listed] == QUIET
    codes = {r["code"] for r in listed[0]["reasons"]}
    assert codes - {"digits-handle"} == {"no-posts", "not-following-back", "off-topic"}  # user3001

    table = run(app, workspace, "prune", "--csv", "out.csv")
    assert table.exit_code == 0 and "Dry run" in text(table)
    assert fake.calls("/following/") == [] and actions(workspace) == []
    with open("out.csv", encoding="utf-8") as handle:
        assert [row["handle"] for row in csv.DictReader(handle)] == [f"quiet{p}" for p in QUIET]


def test_apply_unfollows_the_suggestions_and_leaves_protected_alone(app, workspace, fake):
    synced(app, workspace)

    result = run(app, workspace, "prune", "--apply", "--yes")

    assert result.exit_code == 0, result.output
    assert unfollowed(fake) == QUIET
    assert PRESS in fake.following_ids[ME]
    assert actions(workspace) == [(p, "done") for p in QUIET]
    for call in fake.calls("/following/"):
        assert call.method == "DELETE"
    again = run(app, workspace, "prune", "--json")
    assert json.loads(again.stdout) == []  # done since the last snapshot


def test_apply_asks_first(app, workspace, fake):
    synced(app, workspace)

    result = run(app, workspace, "prune", "--apply", input="n\n")

    assert result.exit_code == 1 and "Nothing was unfollowed" in text(result)
    assert fake.unfollows == [] and actions(workspace) == []


def test_daily_cap_holds_across_runs(app, workspace, fake):
    set_prune(workspace, daily_unfollow_cap=3)
    synced(app, workspace)

    first = run(app, workspace, "prune", "--apply", "--yes")
    second = run(app, workspace, "prune", "--apply", "--yes")

    assert first.exit_code == 0 and "1 more left for later" in text(first)
    assert second.exit_code == 0 and "Daily cap reached" in text(second)
    assert unfollowed(fake) == QUIET[:3]


def test_max_limits_one_run(app, workspace, fake):
    synced(app, workspace)

    result = run(app, workspace, "prune", "--apply", "--yes", "--max", "1")

    assert result.exit_code == 0
    assert unfollowed(fake) == QUIET[:1]


def test_crash_mid_way_resumes_without_unfollowing_anyone_twice(app, workspace, monkeypatch):
    server = DropAfterUnfollow("3002")
    seed(server)
    with server:
        use(monkeypatch, server)
        synced(app, workspace)

        crashed = run(app, workspace, "prune", "--apply", "--yes")
        assert crashed.exit_code == 4
        assert "unknown" in text(crashed)
        assert actions(workspace) == [
            ("3001", "done"),
            ("3002", "sent"),
            ("3003", "failed"),
            ("3004", "failed"),
        ]

        resumed = run(app, workspace, "prune", "--apply", "--yes")

    assert resumed.exit_code == 0, resumed.output
    assert "1 had taken effect" in text(resumed)
    assert unfollowed(server) == QUIET  # 3002 once, although its answer was lost
    assert ("3002", "done") in actions(workspace)


def test_unknown_outcome_that_did_not_take_effect_is_sent_once_more(app, workspace, fake):
    synced(app, workspace)
    from audience.store import open_store

    store = open_store(workspace)
    store.execute(
        "INSERT INTO unfollow_actions (platform, account_id, status, planned_at, sent_at) "
        "SELECT 'x', id, 'sent', '2026-01-01', '2026-01-01' FROM accounts WHERE platform_id = ?",
        ["3003"],
    )
    store.close()

    result = run(app, workspace, "prune", "--apply", "--yes")

    assert result.exit_code == 0, result.output
    assert "1 had not" in text(result)
    assert sorted(unfollowed(fake)) == QUIET
    assert actions(workspace)[0] == ("3003", "failed")


def test_protected_accounts_are_rechecked_right_before_each_unfollow(workspace, fake, app):
    synced(app, workspace)
    from audience.config import Rules
    from audience.crawl import Crawler
    from audience.platforms import get_platform
    from audience.prune import apply_unfollows, suggest
    from audience.store import open_store

    store = open_store(workspace)
    suggestions = suggest(store, Rules(), "x")
    store.execute(
        "INSERT INTO targets (account_id, added_at) SELECT id, 'now' FROM accounts "
        "WHERE platform_id = '3002'"
    )
    result = apply_unfollows(Crawler(store, get_platform("x")), Rules(), suggestions)
    store.close()

    assert [s.platform_id for s, why in result.skipped] == ["3002"]
    assert result.skipped[0][1] == "one of your targets"
    assert unfollowed(fake) == ["3001", "3003", "3004"]


def test_api_refusal_is_explained_and_the_rest_goes_to_a_csv(app, workspace, fake):
    synced(app, workspace)
    fake.fail(r"/following/\d+$", "tier")

    result = run(app, workspace, "prune", "--apply", "--yes", "--by-hand-csv", "byhand.csv")

    assert result.exit_code == 5
    assert "refused" in text(result) and "453" in text(result)
    assert fake.unfollows == []
    assert len(fake.calls(r"/following/\d+$")) == 1
    with open("byhand.csv", encoding="utf-8") as handle:
        assert [row["handle"] for row in csv.DictReader(handle)] == [f"quiet{p}" for p in QUIET]
    assert [status for _, status in actions(workspace)] == ["failed"] * 4


def test_apply_without_write_credentials_changes_nothing(app, workspace, fake, monkeypatch):
    synced(app, workspace)
    use(monkeypatch, fake, user_context=False)

    result = run(app, workspace, "prune", "--apply", "--yes")

    assert result.exit_code == 2
    assert "X_API_KEY" in text(result) and "X_ACCESS_TOKEN_SECRET" in text(result)
    assert fake.calls("/following/") == [] and actions(workspace) == []


# ---- follow-back, targets, engage ----------------------------------------------------------


def test_followback_lists_new_followers_worth_it(app, workspace, fake):
    synced(app, workspace)
    fake.add_user(make_user("4001", "cxfan", description="Customer service nerd"))
    fake.add_user(make_user("4002", "bot12345678", description="", default_avatar=True))
    fake.set_followers(ME, [*HEALTHY, "4001", "4002"])
    run(app, workspace, "sync")

    result = run(app, workspace, "followback", "--json")

    data = json.loads(result.stdout)
    assert [c["handle"] for c in data["worth"]] == ["cxfan"]
    assert [c["handle"] for c in data["not_worth"]] == ["bot12345678"]


def test_targets_and_engage(app, workspace, fake):
    (workspace.parent / "audience.toml").write_text(
        '[topics]\nkeywords = ["contact centre"]\n', encoding="utf-8"
    )
    synced(app, workspace)

    added = run(app, workspace, "target", "add", "@healthy2001", "@quiet3001", "--offline")
    assert added.exit_code == 0 and "@healthy2001" in text(added)
    looked_up = run(app, workspace, "target", "add", "@TwitterDev")
    assert looked_up.exit_code == 0, looked_up.output
    assert len(fake.calls("/2/users/by")) == 1

    status = json.loads(run(app, workspace, "target", "status", "--json").stdout)
    follows = {s["handle"]: s["follows_me"] for s in status}
    assert follows == {"healthy2001": True, "quiet3001": False, "TwitterDev": False}

    live = run(app, workspace, "engage", "--live", "--days", "3", "--json")
    assert live.exit_code == 0, live.output
    feed = json.loads(live.stdout)
    assert [p["handle"] for p in feed] == ["healthy2001"]
    assert feed[0]["url"].startswith("https://x.com/healthy2001/status/")

    removed = run(app, workspace, "target", "remove", "@healthy2001")
    assert removed.exit_code == 0
    assert len(json.loads(run(app, workspace, "target", "status", "--json").stdout)) == 2


def test_long_target_lists_show_the_top_rows_and_how_many_more(app, workspace, fake):
    from audience.models import Account
    from audience.store import open_store

    synced(app, workspace)
    store = open_store(workspace)
    with store.transaction():
        ids = store.upsert_accounts(
            Account("x", str(9000 + n), handle=f"target{n:02d}") for n in range(55)
        )
        store.db.conn.executemany(
            "INSERT INTO targets VALUES (?, NULL, '2026-11-01T00:00:00+00:00')",
            [(i,) for i in ids.values()],
        )
    store.close()

    shown = run(app, workspace, "target", "status")
    assert shown.exit_code == 0, shown.output
    assert "and 5 more targets" in text(shown)
    assert "target54" not in text(shown)
    assert "target54" in text(run(app, workspace, "target", "status", "--all"))
