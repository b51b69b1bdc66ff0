"""The real ``audience follow --apply`` process, SIGKILLed at seeded random moments against
FakeX: right after the k-th follow left, and while the answer to a follow the fake has carried
out is held back. Resumed runs follow every account exactly once and stay under the cap."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from audience.models import Account
from tests.fakes.x_api import FakeX, make_user
from tests.test_follow import ME, USER_CONTEXT_ENV, seed
from tests.test_follow import run as run_cli
from tests.test_lists import put_in_segment

ROOT = Path(__file__).resolve().parent.parent
FOLLOW = r"^/2/users/\d+/following$"
PEOPLE = [str(5000 + n) for n in range(30)]
CAP = 24


class HoldingX(FakeX):
    """Carries out the ``hold_at``-th follow, then holds its answer back for 5 s."""

    hold_at: int | None = None

    def _follow(self, request, match):
        response = super()._follow(request, match)
        if self.hold_at is not None and len(self.follows_sent) == self.hold_at:
            self.hold_at = None
            time.sleep(5)
        return response


def states(workspace: Path) -> Counter:
    from audience.store import open_store

    store = open_store(workspace)
    rows = store.query("SELECT status FROM platform_actions WHERE kind = 'follow'")
    store.close()
    return Counter(r["status"] for r in rows)


@pytest.mark.slow
def test_follow_apply_killed_at_random_moments_follows_everyone_once(workspace, monkeypatch):
    import typer

    from commands.loop import register

    fake = HoldingX()
    seed(fake)
    for pid in PEOPLE:
        fake.add_user(make_user(pid, f"reporter{pid}"))
    fake.hold(FOLLOW, 0.05, times=10**6)  # each follow takes a moment, as on the network
    with fake:
        env = {
            **os.environ,
            "X_API_BASE_URL": fake.base_url,
            "X_BEARER_TOKEN": fake.bearer_token,
            **USER_CONTEXT_ENV,
            "AUDIENCE_DB": str(workspace),
        }
        for name, value in env.items():
            if name.startswith("X_"):  # for the sync run in this process
                monkeypatch.setenv(name, value)
        (workspace.parent / "audience.toml").write_text(
            f"[follow.x]\npause_seconds = 0\ndaily_cap = {CAP}\n", encoding="utf-8"
        )
        loop = typer.Typer()
        register(loop)
        assert run_cli(loop, workspace, "sync", "--platform", "x").exit_code == 0
        put_in_segment(workspace, "press", [Account("x", p, handle=f"reporter{p}") for p in PEOPLE])
        command = [
            sys.executable,
            "-m",
            "commands",
            "follow",
            "--segment",
            "press",
            "--apply",
            "--yes",
        ]
        rng = random.Random(15)
        for kind, k in [("after", 2), ("held", 1), ("after", 1), ("held", 0), ("after", 3)]:
            reached = len(fake.follows_sent) + (k if kind == "after" else k + 1)
            if kind == "held":
                fake.hold_at = reached
            log = open(workspace.parent / f"run-{kind}-{k}.log", "w")  # noqa: SIM115
            process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=log)
            deadline = time.time() + 60
            while len(fake.follows_sent) < reached:
                if process.poll() is not None or time.time() > deadline:
                    log.close()
                    out = (workspace.parent / f"run-{kind}-{k}.log").read_text()
                    raise AssertionError(f"{kind} {k}: {states(workspace)} {out}")
                time.sleep(0.01)
            time.sleep(0.3 if kind == "held" else rng.uniform(0, 0.1))
            os.kill(process.pid, signal.SIGKILL)
            assert process.wait() == -signal.SIGKILL
            assert states(workspace)["sent"] <= 1
            followed = Counter(t for s, t in fake.follows_sent if s == ME)
            assert all(n == 1 for n in followed.values()), followed

        finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        again = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)

    assert finished.returncode == 0, finished.stderr
    assert again.returncode == 0, again.stderr
    followed = Counter(t for s, t in fake.follows_sent if s == ME)
    assert all(n == 1 for n in followed.values()), followed
    assert len(followed) == CAP  # the cap holds across killed runs
    final = states(workspace)
    assert final["done"] == CAP and final["sent"] == 0 and final["planned"] == 0
    assert "Nobody to follow now" in " ".join(again.stderr.split())
