"""``audience report`` on a large crowd judges prune's and follow-back's lists in a forked
second process while a Rich spinner is live: the report finishes, and Ctrl-C ends both
processes at once with exit 130 and no traceback (issue 18).

The command runs in a process of its own, with a terminal forced (``TTY_COMPATIBLE``) so the
spinner's thread runs during the fork, and with the second process used whatever the crowd's
size. A delay before the second process's (real) judgement holds it there long enough to be
interrupted; the test reads its pid from a marker file it writes when it starts judging."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audience.store import open_store
from tests.test_report import seed_report

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)
ROOT = Path(__file__).resolve().parent.parent
DRIVER = """
import os, sys, time
import audience.report as report

report.JUDGE_APART_FROM = 0  # a second process for any crowd
marker, delay, parent, judge = sys.argv[1], float(sys.argv[2]), os.getpid(), report.judge_part

def judge_part(*args, **kwargs):
    if os.getpid() != parent:  # one marker per list judged apart: prune's, follow-back's
        with open(marker + ("" if args[-1] == "prune" else "." + args[-1]), "w") as handle:
            handle.write(str(os.getpid()))
        time.sleep(delay)
    return judge(*args, **kwargs)

report.judge_part = judge_part
from commands import app
sys.argv = ["audience", *sys.argv[3:]]
app(prog_name="audience")
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "audience.db"
    store = open_store(path)
    seed_report(store)
    store.close()
    return path


def _start(db: Path, marker: Path, delay: float) -> subprocess.Popen:
    env = {**os.environ, "TTY_COMPATIBLE": "1", "COLUMNS": "100", "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-c", DRIVER, str(marker), str(delay)]
    argv += ["report", "-o", str(db.parent / "report.html"), "--db", str(db)]
    return subprocess.Popen(
        argv,
        cwd=db.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )


def _judging_pid(marker: Path, proc: subprocess.Popen) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if marker.exists() and marker.read_text():
            return int(marker.read_text())
        time.sleep(0.05)
    proc.kill()
    pytest.fail(f"the second process never started judging: {proc.communicate()}")


def _ended(pid: int, within: float) -> bool:
    """Gone, or a zombie waiting for a reaper (it runs no more)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_the_report_finishes_with_the_spinner_live(db, tmp_path):
    proc = _start(db, tmp_path / "judging", delay=0)
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the report hung")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert (tmp_path / "judging").exists()  # the lists were judged in the second processes
    assert (tmp_path / "judging.followback").exists()
    assert "quiet_one" in (tmp_path / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c", "parent-only"])
def test_ctrl_c_ends_both_processes_with_130(db, tmp_path, whole_group):
    proc = _start(db, tmp_path / "judging", delay=60)
    child = _judging_pid(tmp_path / "judging", proc)
    other = _judging_pid(tmp_path / "judging.followback", proc)
    interrupted = time.monotonic()
    if whole_group:  # what a terminal's Ctrl-C does: the foreground process group
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the report did not stop on Ctrl-C")
    assert proc.returncode == 130, err
    # at once: not after the judgement (60 s), nor after a 5 s wait for it to end
    assert time.monotonic() - interrupted < 4.5
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert "interrupted" in err
    assert _ended(child, within=3), "the second process outlived the report"
    assert _ended(other, within=3), "the follow-back process outlived the report"
    assert not (tmp_path / "report.html").exists()
