"""Start-up time of `audience --help` and `audience status` against a bare `python -c pass`.

Targets: `--help` under 300 ms over bare Python; `status` (on an empty workspace) under 150 ms
over it. Both are medians of interleaved runs, so a busy machine slows all three alike.

Run: uv run python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAVY = (
    "tweepy,atproto,mastodon,linkedin_api,vobject,phonenumbers,rapidfuzz,numpy,pandas,"
    "pydantic,sqlite_utils,dotenv,rich"
)
TARGETS_MS = {"audience --help": 300.0, "audience status": 150.0}


def user_environment() -> dict[str, str]:
    """A user's Python caches compiled modules (.pyc); a sandbox that sets
    PYTHONDONTWRITEBYTECODE would otherwise time the compiler, not the start-up."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def interleaved_medians(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    env = user_environment()
    for command in commands.values():  # warm-up: writes the .pyc files, fills the disk cache
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env
        )
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(
                command,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=cwd,
                env=env,
            )
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def modules_loaded(argv: list[str], cwd: Path) -> str:
    probe = (
        "import sys; sys.argv = ['audience', *sys.argv[1:]]\n"
        "from commands import app\n"
        "try:\n    app(prog_name='audience')\nexcept SystemExit:\n    pass\n"
        f"print(','.join(m for m in {HEAVY.split(',')!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
        env=user_environment(),
    )
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="audience-startup-") as folder:
        cwd = Path(folder)
        env_python = [sys.executable]
        subprocess.run(
            [*env_python, "-m", "commands", "init"], cwd=cwd, check=True, stdout=subprocess.DEVNULL
        )
        medians = interleaved_medians(
            {
                "python -c pass": [*env_python, "-c", "pass"],
                "audience --help": [*env_python, "-m", "commands", "--help"],
                "audience status": [*env_python, "-m", "commands", "status"],
            },
            runs,
            cwd,
        )
        bare = medians["python -c pass"]
        load = os.getloadavg()[0]
        print(f"load average {load:.2f} (2 cores); median of {runs} interleaved runs")
        for name, seconds in medians.items():
            line = f"{name:<18}: {seconds * 1000:7.1f} ms"
            if name in TARGETS_MS:
                extra = (seconds - bare) * 1000
                verdict = "OK" if extra < TARGETS_MS[name] else "OVER"
                line += f"  (+{extra:6.1f} ms over python; goal < {TARGETS_MS[name]:.0f}) {verdict}"
            print(line)
        for argv in (["--help"], ["status"]):
            print(f"imported by audience {argv[0]:<7}: {modules_loaded(argv, cwd) or 'none'}")


if __name__ == "__main__":
    main()
