"""Precision and recall of `audience segment auto` on labelled profiles.

    uv run python bench/segment_bench.py [--csv bench/segment_labelled.csv] [--errors]

The blind split (bench/data/blind/, see blind_scenario.py) comes first: its twarc2 pages go
through the real importer, its scenario becomes the audience.toml, and precision, recall and F1
per segment are printed. ``--blind-only`` skips the old splits.

Builds a temporary workspace from the labelled rows, writes a small audience.toml (the
organisations the rows mention as customers, suppliers and competitors; no press rules, so
press is the built-in recognition alone), runs `auto` and prints precision and recall per
segment for each split of the file, plus how often `accounts.is_organisation` agrees with the
label. Splits: "dev" rows were looked at while writing the rules; "heldout" rows were written
with them but only scored once before the last round of general fixes; "heldout2" rows were
written after the rules were frozen.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

# Appended, not inserted: the installed library wins, so another tree can be measured.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from audience.models import Account  # noqa: E402
from audience.segment import auto_segment, load_segment_config  # noqa: E402
from audience.store import open_store  # noqa: E402

CONFIG = """\
[segments.competitors]
organisations = ["Rival Contact Ltd", "Callwise"]
domains = ["rival.example"]

[segments.suppliers]
organisations = ["SupplyCo", "Headset World Ltd"]
domains = ["supplyco.example"]

[segments.customers]
organisations = ["Acme Telecom", "Northwind Bank plc"]
"""
SEGMENTS = ("press", "customers", "suppliers", "competitors")


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run(rows: list[dict[str, str]]) -> tuple[dict[str, set[str]], dict[str, bool | None]]:
    """Segments and organisation flag that `auto` gives each handle."""
    with tempfile.TemporaryDirectory() as tmp:
        config_path = Path(tmp) / "audience.toml"
        config_path.write_text(CONFIG, encoding="utf-8")
        store = open_store(Path(tmp) / "audience.db")
        with store.transaction():
            store.upsert_accounts(
                Account(
                    "x",
                    str(i),
                    handle=r["handle"],
                    display_name=r["name"],
                    bio=r["bio"],
                    location=r["location"] or None,
                    website=r["website"] or None,
                )
                for i, r in enumerate(rows)
            )
        auto_segment(store, load_segment_config(config_path))
        got: dict[str, set[str]] = defaultdict(set)
        for row in store.query(
            "SELECT a.handle, s.name FROM segment_members m JOIN accounts a ON a.id = m.account_id"
            " JOIN segments s ON s.id = m.segment_id WHERE m.excluded = 0"
        ):
            got[row["handle"]].add(row["name"])
        flags = {
            r["handle"]: None if r["is_organisation"] is None else bool(r["is_organisation"])
            for r in store.query("SELECT handle, is_organisation FROM accounts")
        }
        store.close()
    return got, flags


def expected_of(row: dict[str, str]) -> set[str]:
    value = row["expected"].strip()
    return set() if value in ("", "none") else {v.strip() for v in value.split("|")}


def score(rows: list[dict[str, str]], got: dict[str, set[str]]) -> dict[str, tuple[int, int, int]]:
    counts = {}
    for segment in SEGMENTS:
        tp = fp = fn = 0
        for row in rows:
            want = segment in expected_of(row)
            have = segment in got.get(row["handle"], set())
            tp += want and have
            fp += have and not want
            fn += want and not have
        counts[segment] = (tp, fp, fn)
    return counts


def report(name: str, rows: list[dict[str, str]], got, flags) -> None:
    print(f"\n{name}: {len(rows)} rows")
    print(f"  {'segment':<12} {'precision':>9} {'recall':>7}   tp  fp  fn")
    for segment, (tp, fp, fn) in score(rows, got).items():
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        print(f"  {segment:<12} {precision:>9.3f} {recall:>7.3f}  {tp:>3} {fp:>3} {fn:>3}")
    labelled = [r for r in rows if r["kind"] in ("person", "org")]
    right = sum(flags.get(r["handle"]) == (r["kind"] == "org") for r in labelled)
    unsure = sum(flags.get(r["handle"]) is None for r in labelled)
    wrong = len(labelled) - right - unsure
    print(
        f"  organisation/person: {right} right, {wrong} wrong, {unsure} left unknown "
        f"(of {len(labelled)})"
    )


def run_blind() -> tuple[list[dict[str, str]], dict[str, set[str]]]:
    """Labelled rows of the blind split and the segments `auto` gives each username."""
    import inspect

    import blind_scenario as blind

    data = blind.scenario()
    rows = blind.read_csv("segment_labels.csv")
    with tempfile.TemporaryDirectory() as tmp:
        config_path = Path(tmp) / "audience.toml"
        config_path.write_text(blind.audience_toml(data), encoding="utf-8")
        store = open_store(Path(tmp) / "audience.db")
        blind.import_twarc(store, "segment.jsonl")
        config = load_segment_config(config_path)
        options = {}
        if "as_of" in inspect.signature(auto_segment).parameters:
            options["as_of"] = blind.as_of(data)
        auto_segment(store, config, **options)
        got: dict[str, set[str]] = defaultdict(set)
        for row in store.query(
            "SELECT a.handle, s.name FROM segment_members m JOIN accounts a ON a.id = m.account_id"
            " JOIN segments s ON s.id = m.segment_id WHERE m.excluded = 0"
        ):
            got[blind.handle_key(row["handle"] or "")].add(row["name"])
        store.close()
    return rows, got


def report_blind(errors: bool, label: str = "blind") -> None:
    import blind_scenario as blind

    rows, got = run_blind()
    print(f"{label}: {len(rows)} rows ({blind.BLIND / 'segment_labels.csv'})")
    print(f"  {'segment':<12} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for segment in SEGMENTS:
        tp = fp = fn = 0
        for row in rows:
            want = segment in blind.labels_segments(row)
            have = segment in got.get(blind.handle_key(row["username"]), set())
            tp += want and have
            fp += have and not want
            fn += want and not have
        precision, recall, f1 = blind.f1(tp, fp, fn)
        print(
            f"  {segment:<12} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}  {tp:>3} {fp:>3} {fn:>3}"
        )
    if errors:
        print("  mistakes:")
        for row in rows:
            want = blind.labels_segments(row)
            have = got.get(blind.handle_key(row["username"]), set()) & set(SEGMENTS)
            if want != have:
                print(
                    f"    @{row['username']}: expected {sorted(want) or 'none'}, got "
                    f"{sorted(have) or 'none'} [{row.get('language', '')}]"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--csv", type=Path, default=Path(__file__).with_name("segment_labelled.csv")
    )
    parser.add_argument("--errors", action="store_true", help="List the rows that went wrong.")
    parser.add_argument("--blind-only", action="store_true", help="Only the blind split.")
    args = parser.parse_args()
    import blind_scenario

    blind_scenario.report_each(lambda label: report_blind(args.errors, label))
    if args.blind_only:
        return
    rows = load_rows(args.csv)
    got, flags = run(rows)
    for split in dict.fromkeys(r["split"] for r in rows):
        report(split, [r for r in rows if r["split"] == split], got, flags)
    report("all", rows, got, flags)
    if args.errors:
        print("\nmistakes:")
        for row in rows:
            want, have = expected_of(row), got.get(row["handle"], set())
            flag = flags.get(row["handle"])
            kind_wrong = (
                row["kind"] in ("person", "org")
                and flag is not None
                and flag != (row["kind"] == "org")
            )
            if want != have or kind_wrong:
                print(
                    f"  [{row['split']}] @{row['handle']}: expected {sorted(want) or 'none'}, "
                    f"got {sorted(have) or 'none'}, org={flag} (label {row['kind'] or '?'})"
                    f" | {row['bio']}"
                )


if __name__ == "__main__":
    main()
