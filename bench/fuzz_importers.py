"""Fuzz every importer and audience.toml: the properties of tests/test_fuzz_importers.py at a
high example count (issue 8).

Run: uv run python bench/fuzz_importers.py [--examples N] [--seconds S] [--only TARGET ...]
                                           [--out FOLDER]

--examples caps the cases per target, --seconds is the total time budget, shared evenly by
the targets. Prints, per target: cases run, how many imported and how many were refused with a
clear error (and how many of those without a line/entry position), failures (a traceback, a
hang, a memory blow-up, an error not naming the file, a changed workspace, a re-import that
changed rows: target 0) and the slowest case with its time. The inputs of failing cases are
saved under --out for replaying.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from tests.test_fuzz_importers import (  # noqa: E402
    HUGE_SIZES,
    TARGETS,
    Case,
    Outcome,
    cases,
    run_case,
)

BENCH_HUGE_SIZES = [3_000_000, 20_000_000]  # on top of the test's sizes


@dataclass
class Stats:
    target: str
    cases: int = 0
    kinds: Counter = field(default_factory=Counter)
    unplaced: Counter = field(default_factory=Counter)  # refusals without a position
    failures: dict[str, list[str]] = field(default_factory=dict)  # signature -> saved cases
    slowest: tuple[float, str] = (0.0, "")

    def add(self, case: Case, outcome: Outcome, out: Path) -> None:
        self.cases += 1
        self.kinds[outcome.kind] += 1
        if outcome.kind == "refused" and outcome.position is None:
            self.unplaced[_problem(outcome.detail)] += 1
        if outcome.seconds > self.slowest[0]:
            self.slowest = (outcome.seconds, f"{case.notes} {_sizes(case)}")
        if not outcome.ok:
            signature = _signature(outcome)
            saved = self.failures.setdefault(signature, [])
            if len(saved) < 3:
                saved.append(str(_save(case, outcome, out / self.target / f"{self.cases:06d}")))


def _sizes(case: Case) -> str:
    total = case.size()
    return f"({total / 1e6:.1f} MB)" if total > 100_000 else f"({total} bytes)"


def _problem(detail: str) -> str:
    """The problem of an error message without the file's path, for grouping."""
    return re.sub(r"^\w+: \S+(, )?", "", detail)[:80]


def _signature(outcome: Outcome) -> str:
    lines = outcome.detail.strip().splitlines()
    frames = re.findall(r'File "([^"]*audience[^"]*)", line (\d+), in (\w+)', outcome.detail)
    where = f"{Path(frames[-1][0]).name}:{frames[-1][2]}" if frames else ""
    last = lines[-1][:120] if lines else ""
    return f"{outcome.kind} {where} {last}".strip()


def _save(case: Case, outcome: Outcome, folder: Path) -> Path:
    case.write(folder)
    (folder / "CASE.txt").write_text(
        f"target: {case.target}\nentries: {case.entries}\noptions: {case.options}\n"
        f"mutations: {case.notes}\n\n{outcome.kind}\n{outcome.detail}\n",
        encoding="utf-8",
    )
    return folder


def fuzz(target: str, examples: int, seconds: float, out: Path) -> Stats:
    stats = Stats(target)
    deadline = time.monotonic() + seconds

    def one(case: Case) -> None:
        if stats.cases >= examples or time.monotonic() > deadline:
            return
        with tempfile.TemporaryDirectory() as folder:
            stats.add(case, run_case(case, Path(folder)), out)

    while stats.cases < examples and time.monotonic() < deadline:
        before = stats.cases
        chunk = settings(
            max_examples=min(100, examples - stats.cases), deadline=None, database=None,
            phases=[Phase.generate], suppress_health_check=list(HealthCheck),
        )(given(case=cases(target))(one))
        try:
            chunk()  # a fresh random seed each chunk
        except Exception as exc:  # a bug in the case generator, not in an importer
            print(f"  {target}: generator error {exc!r}", file=sys.stderr)
        if stats.cases == before:
            break
    return stats


def report(all_stats: list[Stats], elapsed: float) -> int:
    print(f"{'target':<18}{'cases':>7}{'imported':>10}{'refused':>9}{'no pos.':>9}"
          f"{'failures':>10}  slowest case")
    failures = 0
    for s in all_stats:
        bad = s.cases - s.kinds["imported"] - s.kinds["refused"]
        failures += bad
        print(f"{s.target:<18}{s.cases:>7}{s.kinds['imported']:>10}{s.kinds['refused']:>9}"
              f"{sum(s.unplaced.values()):>9}{bad:>10}  {s.slowest[0]:.2f} s {s.slowest[1]}")
    total = sum(s.cases for s in all_stats)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{total} cases in {elapsed:.0f} s; {failures} failures; peak RSS {peak:.0f} MB")
    for s in all_stats:
        for signature, saved in s.failures.items():
            print(f"\n[{s.target}] {signature}\n    saved: {', '.join(saved)}")
    unplaced = Counter()
    for s in all_stats:
        unplaced.update({f"[{s.target}] {p}": n for p, n in s.unplaced.items()})
    if unplaced:
        print("\nrefusals without a line/entry position (whole-file problems), most common:")
        for problem, count in unplaced.most_common(12):
            print(f"    {count:>5}  {problem}")
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=5000, help="cases per target at most")
    parser.add_argument("--seconds", type=float, default=240, help="total time budget")
    parser.add_argument("--only", nargs="*", choices=sorted(TARGETS), help="targets to fuzz")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "fuzz-cases")
    args = parser.parse_args()
    targets = args.only or list(TARGETS)
    HUGE_SIZES.extend(BENCH_HUGE_SIZES)
    start = time.monotonic()
    all_stats = []
    for target in targets:
        all_stats.append(fuzz(target, args.examples, args.seconds / len(targets), args.out))
        print(f"  {target}: {all_stats[-1].cases} cases", file=sys.stderr, flush=True)
    sys.exit(report(all_stats, time.monotonic() - start))


if __name__ == "__main__":
    main()
