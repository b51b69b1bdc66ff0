"""Start-up time of `audience --help` against a bare `python -c pass` (target: under 0.3 s more).

Run: uv run python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    bare = median_seconds([sys.executable, "-c", "pass"], runs)
    help_ = median_seconds([sys.executable, "-m", "commands", "--help"], runs)
    imports = median_seconds([sys.executable, "-c", "import commands"], runs)
    print(f"python -c pass        : {bare * 1000:7.1f} ms (median of {runs})")
    print(f"import commands       : {imports * 1000:7.1f} ms")
    print(f"audience --help       : {help_ * 1000:7.1f} ms")
    extra = help_ - bare
    verdict = "OK" if extra < 0.3 else "OVER TARGET"
    print(f"start-up over python  : {extra * 1000:7.1f} ms (target < 300 ms) {verdict}")
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, commands; print(','.join(m for m in "
            "('tweepy','atproto','mastodon','linkedin_api','vobject','phonenumbers','rapidfuzz',"
            "'numpy','sqlite_utils') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"heavy SDKs imported at start-up: {heavy or 'none'}")


if __name__ == "__main__":
    main()
