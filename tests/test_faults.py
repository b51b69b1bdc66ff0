"""Faults on every platform, and unfollows that stay safe under them.

The real client libraries (tweepy, atproto, Mastodon.py) talk to the fakes on 127.0.0.1 while
the fakes answer with 429s (with and without a reset time), bursts of 5xx, answers slower than
the client's timeout, connections cut mid-body, malformed JSON in a 200, credentials that stop
working after page 3, and a subject deleted between two pages. Every fault must end in a wait
and carry on, or in a clear stop that keeps exactly the committed pages; running again after the
fault has passed finishes the list without a duplicate and without fetching a page twice.

Then ``prune --apply``: killed at random moments (the real CLI, SIGKILL) or losing the answer
after the platform carried the unfollow out, it never unfollows anyone twice, never goes over
the daily cap across restarts, and never touches a protected account.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from audience import find
from audience.crawl import MAX_RETRIES, Crawler, SilentObserver
from audience.errors import AuthError, PlatformError, TransientError
from audience.platforms.bluesky import BlueskyPlatform
from audience.platforms.mastodon import MastodonPlatform
from audience.platforms.x import XPlatform
from audience.store import open_store
from tests.fakes.bluesky_api import FakeBluesky, xrpc_error
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.mastodon_api import error as mastodon_error
from tests.fakes.server import FakeAPI, Response
from tests.fakes.x_api import FakeX, error_response, make_user, problem

ROOT = Path(__file__).resolve().parent.parent
PAGES = 5  # four full pages and a short one on every platform
CUT_JSON = b'{"data":[{"id":"1","name":"Half a us'


# ---- one follow list per platform ---------------------------------------------------------


class Rig:
    """A fake serving one subject's follow list of ``PAGES`` pages, and the faults it can
    produce, each as that platform puts it on the wire."""

    name: str
    handle: str
    direction: str
    page_size: int
    total: int
    path: str  # the follow-list pages
    cursor_arg: str
    gone_state: str  # the state a subject deleted mid-list is recorded with
    fake: FakeAPI

    def platform(self, timeout: float = 10.0) -> Any:
        raise NotImplementedError

    def error(self, status: int) -> Response:
        raise NotImplementedError

    def rate_limited(self, reset: float | None) -> Response:
        raise NotImplementedError

    def expire_credentials(self) -> None:
        """From now on the credentials the platform object holds are refused."""
        raise NotImplementedError

    def renewed_platform(self) -> Any:
        return self.platform()

    def delete_subject(self) -> None:
        raise NotImplementedError

    def restore_subject(self) -> None:
        raise NotImplementedError

    def secrets(self) -> list[str]:
        return []


class XRig(Rig):
    name, handle, direction = "x", "zoe_writes", "following"
    page_size, total, gone_state = 1000, 4500, "deleted"
    path, cursor_arg = r"/2/users/42/following$", "pagination_token"

    def __init__(self) -> None:
        self.fake = FakeX(seed_recordings=False)
        self.fake.add_user(user_id="42", username=self.handle, following_count=self.total)
        self.fake.set_following("42", self.fake.add_users(self.total))
        self.token = self.fake.bearer_token

    def platform(self, timeout: float = 10.0) -> XPlatform:
        return XPlatform(self.token, base_url=self.fake.base_url, timeout=timeout)

    def error(self, status: int) -> Response:
        title = {500: "Internal Server Error", 502: "Bad Gateway"}.get(status, "Unavailable")
        headers = {"Content-Type": "application/problem+json"}
        return Response(status, problem(status, title, title), headers)

    def rate_limited(self, reset: float | None) -> Response:
        headers = {"x-rate-limit-limit": "300", "x-rate-limit-remaining": "0"}
        if reset is not None:
            headers["x-rate-limit-reset"] = str(int(reset))
        return error_response("rate-limit", headers)

    def expire_credentials(self) -> None:
        self.fake.bearer_token = "AAAArotated-bearer-token-9876543210"

    def renewed_platform(self) -> XPlatform:
        self.token = self.fake.bearer_token
        return self.platform()

    def delete_subject(self) -> None:
        self.saved = self.fake.users["42"]
        self.fake.delete_user("42")

    def restore_subject(self) -> None:
        self.fake.add_user(self.saved)

    def secrets(self) -> list[str]:
        return [self.token, self.fake.bearer_token]


class BlueskyRig(Rig):
    name, handle, direction = "bluesky", "zoe.bsky.social", "following"
    page_size, total, gone_state = 100, 450, "unknown"
    path, cursor_arg = r"/xrpc/app\.bsky\.graph\.getFollows$", "cursor"

    def __init__(self) -> None:
        self.fake = FakeBluesky()
        self.did = self.fake.add_account(self.handle)
        self.fake.add_synthetic_follows(self.did, self.total)

    def platform(self, timeout: float = 10.0) -> BlueskyPlatform:
        url = self.fake.base_url
        return BlueskyPlatform(appview_url=url, pds_url=url, timeout=timeout)

    def error(self, status: int) -> Response:
        names = {500: "InternalServerError", 502: "UpstreamFailure", 503: "NotEnoughResources"}
        return xrpc_error(status, names[status], "Try again later")

    def rate_limited(self, reset: float | None) -> Response:
        if reset is None:
            return xrpc_error(429, "RateLimitExceeded", "Rate Limit Exceeded")
        return FakeBluesky.rate_limited(datetime.fromtimestamp(reset, UTC))

    def expire_credentials(self) -> None:
        # Public reads carry no token of ours: the AppView refusing them is the closest thing.
        self.fake.inject(self.path, xrpc_error(401, "ExpiredToken", "Token has expired"))

    def delete_subject(self) -> None:
        self.saved = self.fake.profiles.pop(self.did)
        del self.fake.handles[self.handle]

    def restore_subject(self) -> None:
        self.fake.profiles[self.did] = self.saved
        self.fake.handles[self.handle] = self.did


class MastodonRig(Rig):
    name, handle, direction = "mastodon", "zoe", "followers"
    page_size, total, gone_state = 80, 380, "unknown"
    path, cursor_arg = r"/api/v1/accounts/\d+/followers$", "max_id"

    def __init__(self) -> None:
        self.fake = FakeMastodon()
        self.account_id = self.fake.add_account(self.handle, followers_count=self.total)
        self.fake.add_synthetic_followers(self.account_id, self.total)
        self.token = self.fake.token

    def platform(self, timeout: float = 10.0) -> MastodonPlatform:
        return MastodonPlatform(self.fake.base_url, self.token, timeout=timeout)

    def error(self, status: int) -> Response:
        return mastodon_error(status, "Something went wrong on our end")

    def rate_limited(self, reset: float | None) -> Response:
        if reset is None:
            return mastodon_error(429, "Too many requests")
        return FakeMastodon.rate_limited(datetime.fromtimestamp(reset, UTC))

    def expire_credentials(self) -> None:
        self.fake.token = "fake-token-rotated-Yx7"

    def renewed_platform(self) -> MastodonPlatform:
        self.token = self.fake.token
        return self.platform()

    def delete_subject(self) -> None:
        self.saved = self.fake.accounts.pop(self.account_id)
        del self.fake.by_acct[self.handle]

    def restore_subject(self) -> None:
        self.fake.accounts[self.account_id] = self.saved
        self.fake.by_acct[self.handle] = self.account_id

    def secrets(self) -> list[str]:
        return [self.token, self.fake.token]


RIGS = {"x": XRig, "bluesky": BlueskyRig, "mastodon": MastodonRig}


@pytest.fixture(params=list(RIGS))
def rig(request) -> Iterator[Rig]:
    built = RIGS[request.param]()
    with built.fake:
        yield built


class Clock:
    """Stands in for time.sleep/time.time: waits are measured, not slept."""

    def __init__(self) -> None:
        self.now = time.time()
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class AfterPages(SilentObserver):
    """Does ``action`` once ``pages`` pages have been committed."""

    def __init__(self, pages: int, action: Callable[[], None]):
        self.left = pages
        self.action = action

    def page_done(self, job: str, items: int) -> None:
        self.left -= 1
        if self.left == 0:
            self.action()


def crawler_for(
    rig: Rig, store, clock: Clock, platform: Any = None, observer: Any = None
) -> Crawler:
    return Crawler(
        store,
        platform or rig.platform(),
        sleep=clock.sleep,
        now=lambda: clock.now,
        observer=observer,
    )


def crawl(rig: Rig, crawler: Crawler) -> int:
    (subject,) = find.resolve_handles(crawler, [rig.handle]).accounts
    return find.crawl_follows(crawler, subject, rig.direction)


def requested(rig: Rig) -> list[str | None]:
    """The cursor of every follow-list request, in order."""
    return [r.arg(rig.cursor_arg) for r in rig.fake.calls(rig.path)]


def served(rig: Rig) -> Counter:
    """How often each page was answered with its content."""
    return Counter(r.arg(rig.cursor_arg) for r in rig.fake.calls(rig.path) if r.status == 200)


def cursor_row(store) -> dict[str, Any]:
    (row,) = store.query("SELECT * FROM crawl_cursors")
    return row


def edges(store) -> int:
    return store.scalar("SELECT count(*) FROM follows")


def assert_committed(store, rig: Rig, pages: int) -> None:
    """What is stored is exactly the first ``pages`` pages: no more, no less, no half page."""
    expected = min(pages * rig.page_size, rig.total)
    row = cursor_row(store)
    assert (row["pages"], row["items"], row["done"]) == (pages, expected, 0)
    assert edges(store) == expected
    assert store.scalar("SELECT count(*) FROM accounts") == expected + 1  # and the subject


def assert_whole(store, rig: Rig) -> None:
    row = cursor_row(store)
    assert (row["pages"], row["items"], row["done"]) == (PAGES, rig.total, 1)
    assert edges(store) == rig.total
    distinct = "SELECT count(*) FROM (SELECT DISTINCT follower_id, followed_id FROM follows)"
    assert store.scalar(distinct) == rig.total
    assert store.scalar("SELECT count(*) FROM accounts") == rig.total + 1


def third_page_only_asked_again(rig: Rig, extra: int) -> None:
    """Page 3 was asked for ``extra`` more times; every page was served whole once."""
    keys = requested(rig)
    assert len(keys) == PAGES + extra
    assert Counter(keys)[keys[2]] == 1 + extra
    assert sorted(served(rig).values()) == [1] * PAGES


# ---- waits and retries ----------------------------------------------------------------------


def test_429_with_a_reset_waits_until_then_and_continues(rig, store):
    clock = Clock()
    reset = clock.now + 120
    rig.fake.inject(rig.path, rig.rate_limited(reset), after=2)

    assert crawl(rig, crawler_for(rig, store, clock)) == rig.total

    assert clock.slept == [pytest.approx(121, abs=1.5)]  # the reset, plus a second for skew
    third_page_only_asked_again(rig, extra=1)
    assert_whole(store, rig)


def test_429_without_a_reset_waits_one_full_window(rig, store):
    clock = Clock()
    rig.fake.inject(rig.path, rig.rate_limited(None), after=2)

    assert crawl(rig, crawler_for(rig, store, clock)) == rig.total

    window = rig.platform().costs[rig.direction].window_seconds
    assert clock.slept == [float(window)]
    third_page_only_asked_again(rig, extra=1)
    assert_whole(store, rig)


def test_a_burst_of_5xx_is_retried_with_growing_backoff(rig, store):
    clock = Clock()
    burst = (500, 502, 503, 500, 503)
    for status in burst:
        rig.fake.inject(rig.path, rig.error(status), after=2)

    assert crawl(rig, crawler_for(rig, store, clock)) == rig.total

    assert len(clock.slept) == len(burst) and all(0 < s <= 60 for s in clock.slept)
    assert clock.slept[-1] > clock.slept[0]  # 1 s then 16 s, each with jitter of at most half
    third_page_only_asked_again(rig, extra=len(burst))
    assert_whole(store, rig)


def test_5xx_past_the_retries_stops_with_the_committed_pages_then_resumes(rig, store):
    clock = Clock()
    rig.fake.inject(rig.path, rig.error(503), times=MAX_RETRIES + 1, after=2)

    with pytest.raises(TransientError):
        crawl(rig, crawler_for(rig, store, clock))
    assert_committed(store, rig, 2)

    resumed = crawl(rig, crawler_for(rig, store, clock))
    assert resumed == rig.total - 2 * rig.page_size
    third_page_only_asked_again(rig, extra=MAX_RETRIES + 1)
    assert_whole(store, rig)


def test_an_answer_slower_than_the_timeout_is_retried(rig, store):
    clock = Clock()
    timeout = 1.0
    rig.fake.hold(rig.path, timeout * 3, after=2)

    crawler = crawler_for(rig, store, clock, platform=rig.platform(timeout=timeout))
    assert crawl(rig, crawler) == rig.total

    assert len(clock.slept) == 1
    keys = requested(rig)
    assert len(keys) == PAGES + 1 and Counter(keys)[keys[2]] == 2
    # the late page left the server, but never reached the client: it was stored once
    assert served(rig)[keys[2]] == 2
    assert_whole(store, rig)


def test_a_connection_reset_mid_body_is_retried(rig, store):
    clock = Clock()
    rig.fake.cut(rig.path, after=2)

    assert crawl(rig, crawler_for(rig, store, clock)) == rig.total

    assert len(clock.slept) == 1
    assert [r.status for r in rig.fake.calls(rig.path)].count(0) == 1
    third_page_only_asked_again(rig, extra=1)
    assert_whole(store, rig)


def test_malformed_json_in_a_200_is_retried(rig, store):
    clock = Clock()
    rig.fake.inject(rig.path, Response(200, raw=CUT_JSON), after=2)

    assert crawl(rig, crawler_for(rig, store, clock)) == rig.total

    assert len(clock.slept) == 1
    keys = requested(rig)
    assert len(keys) == PAGES + 1 and Counter(keys)[keys[2]] == 2
    assert_whole(store, rig)


# ---- clear stops ------------------------------------------------------------------------------


def test_credentials_refused_after_page_3_stop_with_the_committed_pages(rig, store):
    clock = Clock()
    observer = AfterPages(3, rig.expire_credentials)

    with pytest.raises(AuthError) as raised:
        crawl(rig, crawler_for(rig, store, clock, observer=observer))

    for secret in rig.secrets():
        assert secret not in str(raised.value)
    assert clock.slept == []  # a refusal is not waited out
    assert_committed(store, rig, 3)

    renewed = crawler_for(rig, store, clock, platform=rig.renewed_platform())
    assert crawl(rig, renewed) == rig.total - 3 * rig.page_size
    keys = requested(rig)
    assert len(keys) == PAGES + 1 and Counter(keys)[keys[3]] == 2  # the refused page 4
    assert sorted(served(rig).values()) == [1] * PAGES
    assert_whole(store, rig)


def test_a_subject_deleted_mid_list_is_recorded_and_the_rest_is_kept(rig, store):
    clock = Clock()
    crawler = crawler_for(rig, store, clock, observer=AfterPages(3, rig.delete_subject))

    assert crawl(rig, crawler) == 3 * rig.page_size

    state = store.scalar(
        "SELECT state FROM accounts WHERE platform = ? AND lower(handle) IN (?, ?)",
        [rig.name, rig.handle, f"{rig.handle}@{rig.fake.base_url.split('//')[1]}"],
    )
    assert state == rig.gone_state
    assert_committed(store, rig, 3)  # kept, and not passed off as the whole list

    again = crawler_for(rig, store, clock)
    assert find.resolve_handles(again, [rig.handle]).accounts == []  # reported, not crawled
    assert len(requested(rig)) == 4

    rig.restore_subject()  # back (reactivated, suspension lifted): the list goes on from page 4
    assert crawl(rig, crawler_for(rig, store, clock)) == rig.total - 3 * rig.page_size
    keys = requested(rig)  # page 4 twice: "gone" (X says so in a 200), then its content
    assert len(keys) == PAGES + 1 and Counter(keys)[keys[3]] == 2
    assert_whole(store, rig)


# ---- prune --apply under faults -----------------------------------------------------------------

ME = "1072250532645998596"  # the user behind the access token
USER_CONTEXT_ENV = {
    "X_API_KEY": "consumer-key-123",
    "X_API_SECRET": "consumer-secret-456",
    "X_ACCESS_TOKEN": f"{ME}-AbCdEfGhIjKlMnOpQrStUvWxYz",
    "X_ACCESS_TOKEN_SECRET": "access-secret-789",
}
QUIET = [str(n) for n in range(3001, 3041)]  # never posted: suggested, unless protected
PRESS, CUSTOMER, TARGET, CONTACT = QUIET[-4:]
PROTECTED = {PRESS, CUSTOMER, TARGET, CONTACT}
HEALTHY = [str(n) for n in range(2001, 2006)]
UNFOLLOW = r"/2/users/\d+/following/\d+$"


def prune_world(extra_following: int = 0) -> FakeX:
    fake = FakeX(seed_recordings=False)
    fake.add_user(make_user(ME, "TweepyDev"))
    for pid in HEALTHY:
        fake.add_user(make_user(pid, f"healthy{pid}", description="Contact centre lead"))
    for pid in QUIET:
        fake.add_user(make_user(pid, f"quiet{pid}", tweet_count=0, description="hello"))
    padding = fake.add_users(extra_following, start_id=5_000_000)
    fake.set_following(ME, [*QUIET, *HEALTHY, *padding])
    fake.set_followers(ME, [*HEALTHY, *padding])
    return fake


@pytest.fixture
def x_env(monkeypatch) -> Iterator[Callable[[FakeX], dict[str, str]]]:
    def use(fake: FakeX) -> dict[str, str]:
        values = {
            "X_API_BASE_URL": fake.base_url,
            "X_BEARER_TOKEN": fake.bearer_token,
            **USER_CONTEXT_ENV,
        }
        for name, value in values.items():
            monkeypatch.setenv(name, value)
        return values

    yield use


def cli(workspace: Path, *args: str):
    import typer

    from commands.loop import register

    app = typer.Typer()
    register(app)
    return CliRunner().invoke(app, [*args, "--db", str(workspace)])


def protect(workspace: Path) -> None:
    """PRESS and CUSTOMER in protected segments, TARGET a target, CONTACT matched to a contact."""
    store = open_store(workspace)
    with store.transaction():
        ids = {r["platform_id"]: r["id"] for r in store.query("SELECT * FROM accounts")}
        for segment, pid in (("press", PRESS), ("customers", CUSTOMER)):
            store.execute(
                "INSERT INTO segment_members (segment_id, account_id, source, created_at) "
                "SELECT id, ?, 'manual', 'now' FROM segments WHERE name = ?",
                [ids[pid], segment],
            )
        store.execute("INSERT INTO targets (account_id, added_at) VALUES (?, 'now')", [ids[TARGET]])
        person = store.execute(
            "INSERT INTO people (name, created_at, updated_at) VALUES ('Ada Contact', 'now', "
            "'now') RETURNING id"
        ).fetchone()[0]
        store.execute(
            "INSERT INTO matches (person_id, account_id, platform, score, method, status, "
            "created_at) VALUES (?, ?, 'x', 0.97, 'email', 'accepted', 'now')",
            [person, ids[CONTACT]],
        )
    store.close()


def set_cap(workspace: Path, cap: int) -> None:
    (workspace.parent / "audience.toml").write_text(
        f"[prune]\ndaily_unfollow_cap = {cap}\n", encoding="utf-8"
    )


def synced_workspace(workspace: Path, fake: FakeX, cap: int) -> None:
    set_cap(workspace, cap)
    result = cli(workspace, "sync", "--platform", "x")
    assert result.exit_code == 0, result.output
    protect(workspace)


def unfollowed(fake: FakeX) -> Counter:
    return Counter(target for source, target in fake.unfollows)


def action_states(workspace: Path) -> Counter:
    store = open_store(workspace)
    rows = store.query("SELECT status FROM unfollow_actions")
    store.close()
    return Counter(r["status"] for r in rows)


def assert_safe(fake: FakeX, cap: int) -> None:
    done = unfollowed(fake)
    assert all(n == 1 for n in done.values()), done  # nobody twice
    assert len(done) <= cap
    assert not PROTECTED & set(done)


@pytest.mark.slow
def test_prune_apply_killed_at_random_moments_stays_safe(workspace, x_env, tmp_path):
    """The real CLI, SIGKILLed at seeded random moments: before any unfollow, right after the
    k-th DELETE, and while the answer to a DELETE the fake has carried out is held back."""
    cap = 30
    fake = prune_world()
    fake.hold(UNFOLLOW, 0.05, times=10**6)  # each unfollow takes a moment, as on the network
    with fake:
        env = {**os.environ, **x_env(fake), "AUDIENCE_DB": str(workspace)}
        synced_workspace(workspace, fake, cap)
        command = [sys.executable, "-m", "commands", "prune", "--apply", "--yes"]
        rng = random.Random(8)
        plans = [("start", 0), ("after", 2), ("held", 1), ("after", 1), ("held", 0), ("after", 3)]
        unknown_outcomes = 0
        for kind, k in plans:
            # "start": in the preparation; "after": right after this run's k-th DELETE left;
            # "held": while the answer to its (k+1)-th DELETE, already carried out, is held
            path = "/2/users/me" if kind == "start" else UNFOLLOW
            reached = len(fake.calls(path)) + {"start": 1, "after": k, "held": k + 1}[kind]
            if kind == "held":
                fake.hold(UNFOLLOW, 30, after=k)
            process = subprocess.Popen(
                command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            deadline = time.time() + 60
            while len(fake.calls(path)) < reached:
                assert process.poll() is None and time.time() < deadline, f"{kind} {k}: not reached"
                time.sleep(0.01)
            time.sleep(0.3 if kind == "held" else rng.uniform(0, 0.15))
            os.kill(process.pid, signal.SIGKILL)
            assert process.wait() == -signal.SIGKILL
            sent = action_states(workspace)["sent"]
            assert sent == 1 if kind == "held" else sent <= 1
            unknown_outcomes += sent
            assert_safe(fake, cap)
        assert unknown_outcomes >= 2

        finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        assert finished.returncode == 0, finished.stderr
        again = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)

    assert "Daily cap reached" in " ".join(again.stderr.split())
    assert_safe(fake, cap)
    assert len(unfollowed(fake)) == cap
    states = action_states(workspace)
    assert states["done"] == cap and states["sent"] == 0 and states["planned"] == 0


USER_CONTEXT = {
    "api_key": USER_CONTEXT_ENV["X_API_KEY"],
    "api_secret": USER_CONTEXT_ENV["X_API_SECRET"],
    "access_token": USER_CONTEXT_ENV["X_ACCESS_TOKEN"],
    "access_token_secret": USER_CONTEXT_ENV["X_ACCESS_TOKEN_SECRET"],
}


def apply_run(workspace: Path, fake: FakeX, timeout: float = 10.0):
    """One ``prune --apply --yes`` as the command runs it, with a chosen client timeout."""
    from audience.config import config_path_for, load_rules
    from audience.prune import (
        PruneSettings,
        apply_unfollows,
        prepare_apply,
        remaining_today,
        suggest,
    )

    store = open_store(workspace)
    try:
        platform = XPlatform(
            fake.bearer_token, base_url=fake.base_url, timeout=timeout, **USER_CONTEXT
        )
        crawler = Crawler(store, platform, sleep=lambda seconds: None)
        rules = load_rules(config_path_for(workspace))
        settings = PruneSettings.from_rules(rules)
        preparation = prepare_apply(crawler)
        suggestions = suggest(store, rules, "x", settings=settings)
        batch = suggestions[: remaining_today(store, "x", settings)]
        return preparation, apply_unfollows(crawler, rules, batch)
    finally:
        store.close()


def account_id(workspace: Path, platform_id: str) -> int:
    store = open_store(workspace)
    found = store.scalar("SELECT id FROM accounts WHERE platform_id = ?", [platform_id])
    store.close()
    return found


CARRIED_OUT = {
    "cut mid-body": lambda fake: fake.cut(UNFOLLOW, after=1),
    "answer later than the timeout": lambda fake: fake.hold(UNFOLLOW, 3, after=1),
}
NOT_CARRIED_OUT = {
    "503": lambda fake: fake.inject(UNFOLLOW, error_response("server-error"), after=1),
    "dropped before an answer": lambda fake: fake.inject(UNFOLLOW, Response(drop=True), after=1),
}


@pytest.mark.parametrize("fault", list(CARRIED_OUT))
def test_an_unfollow_carried_out_whose_answer_was_lost_is_settled_not_sent_again(
    workspace, x_env, fault
):
    cap = 4
    fake = prune_world()
    with fake:
        x_env(fake)
        synced_workspace(workspace, fake, cap)
        CARRIED_OUT[fault](fake)
        with pytest.raises(PlatformError, match="unknown"):
            apply_run(workspace, fake, timeout=1.0)
        assert action_states(workspace) == {"done": 1, "sent": 1, "failed": cap - 2}
        lost = QUIET[1]

        preparation, result = apply_run(workspace, fake)
        _, later = apply_run(workspace, fake)

    assert preparation.settled_done == [account_id(workspace, lost)]
    assert len(result.done) == cap - 2  # the unknown outcome counted against the cap
    assert later.done == []
    assert len(fake.calls(UNFOLLOW)) == cap  # the lost one was never sent again
    assert_safe(fake, cap)
    assert len(unfollowed(fake)) == cap


@pytest.mark.parametrize("fault", list(NOT_CARRIED_OUT))
def test_an_unfollow_refused_before_it_was_carried_out_is_sent_once_more(workspace, x_env, fault):
    cap = 4
    fake = prune_world()
    with fake:
        x_env(fake)
        synced_workspace(workspace, fake, cap)
        NOT_CARRIED_OUT[fault](fake)
        with pytest.raises(PlatformError, match="unknown"):
            apply_run(workspace, fake)
        refused = QUIET[1]

        preparation, result = apply_run(workspace, fake)

    assert preparation.settled_failed == [account_id(workspace, refused)]
    assert len(result.done) == cap - 1
    assert len(fake.calls(UNFOLLOW)) == cap + 1
    assert_safe(fake, cap)
    assert unfollowed(fake)[refused] == 1


def test_a_429_on_an_unfollow_waits_and_sends_it_once(workspace, x_env):
    cap = 4
    fake = prune_world()
    with fake:
        x_env(fake)
        synced_workspace(workspace, fake, cap)
        reset = int(time.time()) + 60
        headers = {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)}
        fake.inject(UNFOLLOW, error_response("rate-limit", headers), after=2)
        _, result = apply_run(workspace, fake)

    assert len(result.done) == cap
    assert len(fake.calls(UNFOLLOW)) == cap + 1
    assert_safe(fake, cap)
    assert len(unfollowed(fake)) == cap


def test_a_sync_left_unfinished_before_the_send_does_not_settle_it(workspace, x_env, store):
    """A sync stopped after its first page, then an unfollow whose answer was lost: resuming
    that sync would show the account as still followed (page 1 predates the unfollow) and send
    the unfollow again."""
    from audience.errors import BudgetExceeded
    from audience.sync import sync_account

    cap = 4
    fake = prune_world(extra_following=1200)  # two pages of whom I follow; QUIET on page 1
    with fake:
        x_env(fake)
        synced_workspace(workspace, fake, cap)
        partial = open_store(workspace)
        platform = XPlatform(fake.bearer_token, base_url=fake.base_url, **USER_CONTEXT)
        with pytest.raises(BudgetExceeded):
            sync_account(Crawler(partial, platform, max_requests=2), kinds=("following",))
        assert partial.scalar("SELECT count(*) FROM snapshots WHERE complete = 0") == 1
        partial.close()
        fake.cut(UNFOLLOW)
        with pytest.raises(PlatformError, match="unknown"):
            apply_run(workspace, fake)

        preparation, result = apply_run(workspace, fake)

    assert preparation.settled_done == [account_id(workspace, QUIET[0])]
    following = open_store(workspace)
    settled_with = following.scalar(
        "SELECT count FROM snapshots WHERE kind = 'following' AND complete = 1 ORDER BY id DESC"
    )
    following.close()
    assert settled_with == len(QUIET) + len(HEALTHY) + 1200 - 1  # a whole, fresh list
    assert len(result.done) == cap - 1
    assert_safe(fake, cap)
    assert len(unfollowed(fake)) == cap


def test_a_search_stopped_midway_resumes_with_the_start_time_it_began_with(store):
    """``--since 7d`` moves with the clock, and X binds a page token to the request it came
    from: the resumed crawl must ask with the start_time of the stopped one."""
    from audience.errors import BudgetExceeded

    fake = FakeX(seed_recordings=False)
    fake.add_users(1)
    recent = datetime.now(UTC).strftime("%Y-%m-%dT%H:00:00.000Z")
    for n in range(250):
        fake.add_post(str(1_900_000_000_000_000_000 + n), "1000000", "Queue times #cx", recent)
    since = find.parse_since("7d")
    with fake:
        platform = XPlatform(fake.bearer_token, base_url=fake.base_url)
        with pytest.raises(BudgetExceeded):
            stopped = Crawler(store, platform, max_requests=2)
            find.search_topic(stopped, "#cx", since=since, limit=250)
        time.sleep(1.1)  # tweepy sends whole seconds: the resumed "7d" is a second later
        resumed = find.search_topic(Crawler(store, platform), "#cx", since=since, limit=250)

    assert resumed == 50
    calls = fake.calls("/search/recent")
    assert len(calls) == 3 and [c.status for c in calls] == [200] * 3
    assert len({c.arg("next_token") for c in calls}) == 3
    assert len({c.arg("start_time") for c in calls}) == 1
    assert store.scalar("SELECT count(*) FROM posts") == 250
