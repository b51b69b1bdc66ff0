"""``audience follow`` through the CLI with the real tweepy client against FakeX: the dry run
and its reasons, --apply with caps, pacing and rate limits, pending requests, the 403 follow
queue, and a kill mid-apply that resumes without following anyone twice."""

from __future__ import annotations

import csv
import json
import os
import stat
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.fakes.server import Response
from tests.fakes.x_api import FakeX, make_user

ME = "1072250532645998596"
USER_CONTEXT_ENV = {
    "X_API_KEY": "consumer-key-123",
    "X_API_SECRET": "consumer-secret-456",
    "X_ACCESS_TOKEN": f"{ME}-AbCdEfGhIjKlMnOpQrStUvWxYz",
    "X_ACCESS_TOKEN_SECRET": "access-secret-789",
}
FOLLOWED = "2001"  # already followed
GONE = "2002"  # followed before, unfollowed by prune
PRESS = ["4001", "4002", "4003", "4004"]
LOCKED = "4005"  # protected: a follow request
RIVAL = "4006"  # in competitors: never followed by policy
FORGOTTEN = "forgotten_fan"


class DropAfterFollow(FakeX):
    """Carries out the follow of ``target``, then hangs up before answering."""

    def __init__(self, target: str, **options):
        super().__init__(**options)
        self.target = target

    def _follow(self, request, match):
        response = super()._follow(request, match)
        if request.json().get("target_user_id") == self.target:
            self.target = None
            return Response(drop=True)
        return response


def seed(fake: FakeX) -> None:
    for pid in [FOLLOWED, GONE, *PRESS, RIVAL]:
        fake.add_user(make_user(pid, f"user{pid}", description="Reporter at the Lantern"))
    fake.add_user(make_user(LOCKED, f"user{LOCKED}", protected=True))
    fake.add_user(make_user("4999", FORGOTTEN))
    fake.set_following(ME, [FOLLOWED, GONE])
    fake.set_followers(ME, [FOLLOWED])


@pytest.fixture
def app() -> typer.Typer:
    from commands.follow import register

    app = typer.Typer()
    app.callback()(lambda: None)  # a group: "follow" is a command name, not a handle
    register(app)
    return app


def use(monkeypatch, fake: FakeX) -> None:
    monkeypatch.setenv("X_API_BASE_URL", fake.base_url)
    monkeypatch.setenv("X_BEARER_TOKEN", fake.bearer_token)
    for name, value in USER_CONTEXT_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def fake(monkeypatch):
    server = FakeX()
    seed(server)
    with server:
        use(monkeypatch, server)
        yield server


def no_pacing(seconds: float) -> None:
    """A crawler's sleep that does not wait: the default 20 s between follows (a minute a test)
    is test_pacing_between_follows's to check."""


def run(app, workspace: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(app, [*args, "--db", str(workspace)], input=input)


def text(result) -> str:
    return " ".join(result.output.split())


def settings(workspace: Path, extra: str = "") -> None:
    (workspace.parent / "audience.toml").write_text(
        f"[follow.x]\npause_seconds = 0\n{extra}", encoding="utf-8"
    )


def prepared(workspace: Path, fake: FakeX, extra: str = "") -> None:
    """Synced, GONE unfollowed by prune, press segment, RIVAL a competitor, one forgotten."""
    import typer as _typer

    from audience.privacy import add_suppressions
    from audience.store import now_iso, open_store
    from commands.loop import register

    settings(workspace, extra)
    loop = _typer.Typer()
    register(loop)
    assert run(loop, workspace, "sync", "--platform", "x").exit_code == 0
    fake.set_following(ME, [FOLLOWED])
    store = open_store(workspace)
    with store.transaction():
        store.upsert_accounts([])
        ids = dict(store.execute("SELECT platform_id, id FROM accounts WHERE platform = 'x'"))
        store.execute(
            "INSERT INTO unfollow_actions (platform, account_id, status, planned_at, sent_at, "
            "done_at) VALUES ('x', ?, 'done', ?, ?, ?)",
            [ids[GONE], now_iso(), now_iso(), now_iso()],
        )
    store.close()
    _put_in_segments(workspace)
    store = open_store(workspace)
    add_suppressions(store, [("handle", f"x:{FORGOTTEN}")])
    store.close()


def _put_in_segments(workspace: Path) -> None:
    from audience.crawl import Crawler
    from audience.find import resolve_handles
    from audience.platforms import get_platform
    from audience.store import open_store

    store = open_store(workspace)
    handles = [f"user{p}" for p in [*PRESS, LOCKED, RIVAL, FOLLOWED, GONE]]
    resolve_handles(Crawler(store, get_platform("x")), handles)
    for segment, pids in (
        ("press", [*PRESS, LOCKED, RIVAL, FOLLOWED, GONE]),
        ("competitors", [RIVAL]),
    ):
        marks = ",".join("?" * len(pids))
        store.execute(
            "INSERT INTO segment_members (segment_id, account_id, source, reason, created_at) "
            "SELECT s.id, a.id, 'manual', 'journalist', 'now' FROM segments s, accounts a "
            f"WHERE s.name = ? AND a.platform = 'x' AND a.platform_id IN ({marks})",
            [segment, *pids],
        )
    store.close()


def actions(workspace: Path) -> list[tuple[str, str]]:
    from audience.store import open_store

    store = open_store(workspace)
    rows = store.query(
        "SELECT a.platform_id, p.status FROM platform_actions p "
        "JOIN accounts a ON a.id = p.account_id WHERE p.kind = 'follow' ORDER BY p.id"
    )
    store.close()
    return [(r["platform_id"], r["status"]) for r in rows]


def follow_posts(fake: FakeX) -> list:
    return [c for c in fake.calls(r"/2/users/\d+/following$") if c.method == "POST"]


def sent(fake: FakeX) -> Counter:
    return Counter(target for source, target in fake.follows_sent)


# ---- dry run --------------------------------------------------------------------------------


def test_dry_run_says_who_and_why_and_every_skip_reason(app, workspace, fake):
    prepared(workspace, fake)
    asked = ["follow", "--segment", "press", "@nobody_here", f"@{FORGOTTEN}"]

    result = run(app, workspace, *asked)
    data = json.loads(run(app, workspace, *asked, "--json").stdout)

    assert result.exit_code == 0, result.output
    out = text(result)
    assert "@user4001" in out and "in segment press (journalist)" in out
    assert f"@user{LOCKED} (locked: a request)" in out
    assert "Cost: 5 follows: 5 write requests" in out
    assert "Dry run: nobody was followed" in out
    assert [c["handle"] for c in data["follow"]] == [f"user{p}" for p in [*PRESS, LOCKED]]
    skipped = {c["handle"]: c["skip"] for c in data["skipped"]}
    assert skipped[f"user{FOLLOWED}"] == "already followed"
    assert skipped[f"user{GONE}"].startswith("unfollowed on 20")
    assert skipped[f"user{GONE}"].endswith("(--refollow to follow again)")
    assert skipped[f"user{RIVAL}"].startswith("protected by policy: in segment competitors")
    assert skipped["nobody_here"] == "unknown handle (unknown)"
    assert skipped[FORGOTTEN].startswith("forgotten")
    assert fake.follows_sent == []
    assert not [c for c in fake.requests if FORGOTTEN in str(c.query)]  # not even looked up
    assert actions(workspace) == []


def test_dry_run_as_json_and_refollow(app, workspace, fake):
    prepared(workspace, fake)

    result = run(app, workspace, "follow", "--segment", "press", "--refollow", "--json")

    data = json.loads(result.stdout)
    assert f"user{GONE}" in [c["handle"] for c in data["follow"]]
    skipped = {c["handle"]: c["skip"] for c in data["skipped"]}
    assert skipped[f"user{FOLLOWED}"] == "already followed"
    assert data["cap"] == 200 and "cost" in data


def test_follow_needs_someone_to_follow(app, workspace):
    result = run(app, workspace, "follow")
    assert result.exit_code == 2 and "Say whom to follow" in text(result)


# ---- apply ----------------------------------------------------------------------------------


def test_apply_follows_records_pending_and_knows_afterwards(app, workspace, fake):
    prepared(workspace, fake)

    result = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")

    assert result.exit_code == 0, result.output
    assert "Followed 4 of 5" in text(result)
    assert f"1 follow request(s) pending (locked accounts): @user{LOCKED}" in text(result)
    assert sent(fake) == Counter({p: 1 for p in [*PRESS, LOCKED]})
    assert actions(workspace) == [(p, "done") for p in PRESS] + [(LOCKED, "pending")]

    again = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")
    assert "Nobody to follow now" in text(again)
    assert "already followed (by audience on" in text(again)
    assert "follow request pending since" in text(again)
    assert sum(sent(fake).values()) == 5

    from audience.actions import followed_at
    from audience.store import open_store

    store = open_store(workspace)
    assert len(followed_at(store, "x")) == 4
    edges = store.scalar(
        "SELECT count(*) FROM follows f JOIN my_accounts m ON m.account_id = f.follower_id"
    )
    store.close()
    assert edges >= 4


def test_apply_asks_first(app, workspace, fake):
    prepared(workspace, fake)
    result = run(app, workspace, "follow", "@user4001", "--apply", input="n\n")
    assert result.exit_code == 1
    assert fake.follows_sent == [] and actions(workspace) == []


def test_daily_cap_and_max(app, workspace, fake):
    prepared(workspace, fake, "daily_cap = 3\n")

    first = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes", "--max", "2")
    second = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")
    third = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")

    assert "3 more left for later" in text(first)
    assert "Followed 1 of 1" in text(second)
    assert "Nobody to follow now" in text(third) and "3 of today's cap of 3" in text(third)
    assert sum(sent(fake).values()) == 3


def test_rate_limit_waits_until_the_reset(app, workspace, fake):
    prepared(workspace, fake)
    fake.rate_limit(r"/following$", int(datetime.now(UTC).timestamp()), limit=50)

    result = run(app, workspace, "follow", "@user4001", "--apply", "--yes")

    assert result.exit_code == 0, result.output
    assert len(follow_posts(fake)) == 2  # refused once, then sent
    assert sent(fake) == Counter({"4001": 1})


def test_pacing_between_follows(workspace, fake):
    prepared(workspace, fake)
    from audience.actions import ActionSettings
    from audience.config import Rules
    from audience.crawl import Crawler
    from audience.follow import apply_follows, from_segment, plan_follow
    from audience.platforms import get_platform
    from audience.store import open_store

    store = open_store(workspace)
    waits: list[float] = []
    crawler = Crawler(store, get_platform("x"), sleep=waits.append)
    config = ActionSettings()
    config.pauses["x"] = 20.0
    plan = plan_follow(store, Rules(), "x", from_segment(store, "x", "press"), settings=config)
    apply_follows(crawler, Rules(), plan.follow[:3], settings=config)
    store.close()

    assert waits == [20.0, 20.0]


def test_tier_without_follow_endpoint_writes_a_follow_queue(app, workspace, fake):
    prepared(workspace, fake)
    fake.write_access = False

    result = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")

    assert result.exit_code == 5
    assert "refused to follow" in text(result) and "453" in text(result)
    assert len(follow_posts(fake)) == 1
    assert [s for _, s in actions(workspace)] == ["refused"] * 5
    queue = Path("follow-queue.csv")
    assert stat.S_IMODE(os.stat(queue).st_mode) == 0o600
    with open(queue, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["handle"] for r in rows] == [f"user{p}" for p in [*PRESS, LOCKED]]
    assert rows[0]["follow_link"] == "https://x.com/intent/follow?screen_name=user4001"
    page = Path("follow-queue.html").read_text(encoding="utf-8")
    assert page.count("https://x.com/intent/follow?screen_name=") == 5
    assert 'href="https://x.com/user4001"' in page
    assert stat.S_IMODE(os.stat("follow-queue.html").st_mode) == 0o600


def test_forgotten_between_plan_and_send_is_never_followed(workspace, fake):
    prepared(workspace, fake)
    from audience.config import Rules
    from audience.crawl import Crawler
    from audience.follow import apply_follows, from_segment, plan_follow
    from audience.platforms import get_platform
    from audience.privacy import add_suppressions
    from audience.store import open_store

    store = open_store(workspace)
    plan = plan_follow(store, Rules(), "x", from_segment(store, "x", "press"))
    add_suppressions(store, [("account", "x:4002")])
    crawler = Crawler(store, get_platform("x"), sleep=no_pacing)
    result = apply_follows(crawler, Rules(), plan.follow)
    store.close()

    assert "4002" not in sent(fake)
    assert [t.platform_id for t, why in result.failed] == ["4002"]


# ---- a kill mid-apply -----------------------------------------------------------------------


def test_lost_answer_mid_apply_resumes_without_following_anyone_twice(app, workspace, monkeypatch):
    server = DropAfterFollow("4002")
    seed(server)
    with server:
        use(monkeypatch, server)
        prepared(workspace, server)

        crashed = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")
        assert crashed.exit_code == 4
        assert "unknown" in text(crashed)
        assert actions(workspace)[:2] == [("4001", "done"), ("4002", "sent")]

        resumed = run(app, workspace, "follow", "--segment", "press", "--apply", "--yes")

    assert resumed.exit_code == 0, resumed.output
    assert "1 had taken effect" in text(resumed)
    assert sent(server) == Counter({p: 1 for p in [*PRESS, LOCKED]})  # each exactly once


def test_interrupt_mid_apply_resumes_without_following_anyone_twice(workspace, fake):
    prepared(workspace, fake)
    from audience.config import Rules
    from audience.crawl import Crawler
    from audience.follow import apply_follows, from_segment, plan_follow, prepare_apply
    from audience.platforms import get_platform
    from audience.store import open_store

    def interrupt_after_two(target, status):
        if len(fake.follows_sent) == 2:
            raise KeyboardInterrupt

    store = open_store(workspace)
    crawler = Crawler(store, get_platform("x"), sleep=no_pacing)
    plan = plan_follow(store, Rules(), "x", from_segment(store, "x", "press"))
    with pytest.raises(KeyboardInterrupt):
        apply_follows(crawler, Rules(), plan.follow, on_progress=interrupt_after_two)
    store.close()
    assert [s for _, s in actions(workspace)] == ["done", "done", "planned", "planned", "planned"]

    store = open_store(workspace)
    crawler = Crawler(store, get_platform("x"), sleep=no_pacing)
    prepared_run = prepare_apply(crawler)
    plan = plan_follow(store, Rules(), "x", from_segment(store, "x", "press"))
    apply_follows(crawler, Rules(), plan.follow)
    store.close()

    assert prepared_run.settled.dropped_planned == 3
    assert sent(fake) == Counter({p: 1 for p in [*PRESS, LOCKED]})


# ---- more sources and limits ----------------------------------------------------------------


def test_from_file_csv_and_plain_list_and_a_bad_file(app, workspace, fake, tmp_path):
    prepared(workspace, fake)
    (tmp_path / "people.csv").write_text(
        "handle,platform\n@user4001,x\n@someone.bsky.social,bluesky\nuser4002,\n",
        encoding="utf-8",
    )
    (tmp_path / "people.txt").write_text("# to follow\n@user4003\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("handle,platform\n@a,myspace\n", encoding="utf-8")

    from_csv = json.loads(
        run(app, workspace, "follow", "--from", str(tmp_path / "people.csv"), "--json").stdout
    )
    from_txt = json.loads(
        run(app, workspace, "follow", "--from", str(tmp_path / "people.txt"), "--json").stdout
    )
    bad = run(app, workspace, "follow", "--from", str(tmp_path / "bad.csv"))

    assert [c["handle"] for c in from_csv["follow"]] == ["user4001", "user4002"]
    assert from_csv["follow"][0]["why"] == "listed in people.csv (line 2)"
    assert [c["handle"] for c in from_txt["follow"]] == ["user4003"]
    assert bad.exit_code == 3 and "bad.csv, line 2" in text(bad) and "myspace" in text(bad)


def test_linkedin_cannot_follow(app, workspace):
    result = run(app, workspace, "follow", "@someone", "--platform", "linkedin", "--offline")
    assert result.exit_code == 2 and "x, bluesky, mastodon only" in text(result)


def test_an_exhausted_window_in_the_headers_waits_for_its_reset(workspace, monkeypatch):
    from audience.config import Rules
    from audience.crawl import Crawler
    from audience.follow import apply_follows, from_segment, plan_follow
    from audience.platforms import get_platform
    from audience.store import open_store

    clock = [1_900_000_000.0]
    server = FakeX(clock=lambda: clock[0], limits={"follow": 2})
    seed(server)
    with server:
        use(monkeypatch, server)
        prepared(workspace, server)
        store = open_store(workspace)
        waits: list[float] = []

        def sleep(seconds: float) -> None:
            waits.append(seconds)
            clock[0] += seconds

        crawler = Crawler(store, get_platform("x"), sleep=sleep, now=lambda: clock[0])
        plan = plan_follow(store, Rules(), "x", from_segment(store, "x", "press"))
        result = apply_follows(crawler, Rules(), plan.follow)
        store.close()

    assert len(result.done) == 4 and len(result.pending) == 1
    # 20 s between follows (the default pause); after the 2nd and 4th follow the headers say the
    # window is used up: wait for its reset (opened at the 1st follow, 40 s before), + 1 s
    assert [round(w) for w in waits] == [20, 20, 861, 20, 20, 861]
    assert len(follow_posts(server)) == 5  # no request was refused: the headers were heeded


def test_dry_run_without_credentials_still_lists_with_the_reason(app, workspace):
    result = run(app, workspace, "follow", "@someone", "--json")

    assert result.exit_code == 0, result.output
    (skipped,) = json.loads(result.stdout)["skipped"]
    assert skipped["skip"] == "unknown handle (not in the workspace; no credentials to look it up)"
    assert "No sync of whom you follow on x yet" in json.loads(result.stdout)["warnings"][0]


def test_apply_with_json_prints_only_json_on_stdout(app, workspace, fake):
    prepared(workspace, fake)

    result = run(
        app, workspace, "follow", "@user4001", f"@user{LOCKED}", "--apply", "--yes", "--json"
    )

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "followed": ["@user4001"],
        "pending": [f"@user{LOCKED}"],
        "failed": {},
        "refused": None,
    }
