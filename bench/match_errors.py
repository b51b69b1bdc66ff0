"""Error analysis of ``audience match`` on the hard generator (bench/match_hard.py).

For every true pair that is not accepted: was it never proposed (blocking), proposed but short
of evidence (which evidence it had), or outscored by another profile (a namesake of the person,
or someone else; and what the winner showed)? For the false pairs that score high: what
evidence carries them. The generator's profiles_meta.csv (which profile is a namesake of whom)
is read here only, never by the matcher.

    uv run python bench/match_errors.py --contacts 1000 --profiles 10000 --seed 1
    uv run python bench/match_errors.py ... --show 15     # print examples of each class
    uv run python bench/match_errors.py ... --namesakes fixed  # the hard-fixed split
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

FLAG_NAMES = (
    "contact_in_bio",
    "email_in_bio_name_like",
    "email_handle",
    "email_handle_name_like",
    "handle_from_name",
    "handle_surname",
    "site_name",
    "employer_match",
    "former_employer",
    "employer_conflict",
    "title_in_bio",
    "city_in_location",
    "location_conflict",
    "given_only",
    "near_name_alone",
    "parody",
    "organisation_account",
)


def _flags(f, k: int) -> list[str]:
    return [n for n in FLAG_NAMES if bool(getattr(f, n)[k])]


def _evidence_label(f, k: int) -> str:
    flags = [n for n in _flags(f, k) if n not in ("given_only",)]
    return "+".join(flags) if flags else "name only"


def analyse(
    workdir: Path, n_contacts: int, n_profiles: int, seed: int, show: int, namesakes: str
) -> None:
    import numpy as np
    from match_bench import prepare_hard

    from audience.matching import evidence as ev
    from audience.matching import matcher as mt
    from audience.store import open_store

    saved = workdir / "truth.json"
    if saved.exists():  # --keep: the instance prepared by an earlier run
        truth = {tuple(pair) for pair in json.loads(saved.read_text())}
    else:
        truth = prepare_hard(workdir, n_contacts, n_profiles, seed, namesakes)
        saved.write_text(json.dumps(sorted(truth)))
    store = open_store(workdir / "audience.db")
    store.execute("DELETE FROM matches")  # a rerun on a kept instance starts from nothing
    store.execute("UPDATE accounts SET person_id = NULL")
    mt.match_people(store, ["x"])
    status = {
        (p - 1, a - 1): (s, score)
        for p, a, s, score in store.execute(
            "SELECT person_id, account_id, status, score FROM matches"
        )
    }
    kind_of, namesake_of, key_of_account = _profile_meta(store, workdir)
    person_key = _person_keys(store, workdir)

    people = [p for p in ev.load_people(store) if p.usable and not p.is_organisation]
    accounts = ev.load_accounts(store, "x")
    pi, ai, kinds = mt.candidate_pairs(people, accounts)
    f = ev.compute_features(people, accounts, pi, ai, kinds, floor=mt.FLOOR_ODDS)
    ev.score_pairs(f)
    unscored = mt.unscored_namesakes(people, accounts, f)
    f.score = mt.candidate_probabilities(f.pi, f.odds, unscored)
    index_of_person = {p.id - 1: i for i, p in enumerate(people)}
    index_of_account = {int(a) - 1: i for i, a in enumerate(accounts.ids.tolist())}
    pairs = zip(pi.tolist(), ai.tolist(), strict=True)
    pair_of = {(int(p), int(a)): k for k, (p, a) in enumerate(pairs)}
    by_person: dict[int, list[int]] = {}
    for k, p in enumerate(pi.tolist()):
        by_person.setdefault(p, []).append(k)

    classes: Counter = Counter()
    evidence_short: Counter = Counter()
    rival_share: Counter = Counter()
    examples: dict[str, list[str]] = {}

    def note(cls: str, text: str) -> None:
        classes[cls] += 1
        examples.setdefault(cls, []).append(text)

    accepted_true = 0
    never: list[tuple[int, int]] = []
    for person, account in sorted(truth):
        st = status.get((person, account), ("none", 0.0))
        if st[0] == "accepted":
            accepted_true += 1
            continue
        p = index_of_person.get(person)
        a = index_of_account.get(account)
        if p is None or a is None:
            note("lost by import / not a usable person", f"{person} {account}")
            continue
        label = f"{people[p].label!r} ~ {accounts.display[a]!r} @{accounts.handle[a]}"
        k = pair_of.get((p, a))
        if k is None:
            note("never proposed (blocking)", label)
            never.append((p, a))
            continue
        ks = by_person[p]
        best = max(ks, key=lambda j: f.score[j])
        if best == k or f.score[best] - f.score[k] < mt.TIE_MARGIN:
            rivals = [j for j in ks if j != k and f.score[k] - f.score[j] < mt.TIE_MARGIN]
            ev_label = _evidence_label(f, k)
            if rivals:
                cls = "tied with another candidate"
                who = _rival_kind(rivals[0], f, accounts, kind_of, namesake_of, person_key, person)
                rival_share[f"tie vs {who}: {_evidence_label(f, rivals[0])}"] += 1
            else:
                cls = "best candidate but short of evidence"
            evidence_short[f"{cls}: {ev_label}"] += 1
            note(cls, f"{label} p={f.score[k]:.2f} odds={f.odds[k]:.1f} [{ev_label}]")
            continue
        who = _rival_kind(best, f, accounts, kind_of, namesake_of, person_key, person)
        note(
            f"outscored by {who}",
            f"{label} p={f.score[k]:.2f} [{_evidence_label(f, k)}] < "
            f"{accounts.display[f.ai[best]]!r} @{accounts.handle[f.ai[best]]} "
            f"p={f.score[best]:.2f} [{_evidence_label(f, best)}]",
        )
        rival_share[f"{who} wins with: {_evidence_label(f, best)}"] += 1

    false_high: Counter = Counter()
    false_kinds: Counter = Counter()
    for (person, account), (st, score) in status.items():
        if (person, account) in truth or st not in ("accepted", "review"):
            continue
        p, a = index_of_person.get(person), index_of_account.get(account)
        k = pair_of.get((p, a)) if p is not None and a is not None else None
        who = kind_of.get(account, "?")
        if who == "namesake":
            who = "namesake of this person" if namesake_of.get(account) == person_key.get(
                person
            ) else "namesake of another contact"
        false_kinds[(st, who)] += 1
        if st == "accepted" or score >= 0.5:
            label = _evidence_label(f, k) if k is not None else "exact/other"
            false_high[f"{st} p>={0.5 if st == 'review' else 0.9}: {label}"] += 1
            examples.setdefault(f"false {st}", []).append(
                f"{people[p].label!r} ~ {accounts.display[a]!r} @{accounts.handle[a]} "
                f"p={score:.2f} [{label}] ({who})"
            )

    total = len(truth)
    print(f"\n{n_contacts} x {n_profiles}, seed {seed}: {total} true pairs, "
          f"{accepted_true} accepted ({accepted_true / total:.3f})")
    _what_true_pairs_rest_on(f, truth, status, pair_of, index_of_person, index_of_account)
    print("\nTrue pairs not accepted, by cause:")
    for cls, n in classes.most_common():
        print(f"  {n:5d}  {n / total:6.1%}  {cls}")
    print("\nEvidence of true pairs that were the best candidate but fell short (top 15):")
    for cls, n in evidence_short.most_common(15):
        print(f"  {n:5d}  {cls}")
    print("\nWhat the rival showed (top 15):")
    for cls, n in rival_share.most_common(15):
        print(f"  {n:5d}  {cls}")
    print("\nFalse pairs proposed, by status and who the profile is:")
    for (st, who), n in false_kinds.most_common():
        print(f"  {n:5d}  {st:<9} {who}")
    _review_queue(status, truth)
    _never_proposed(people, accounts, never, show)
    print("\nHigh-scoring false pairs, by evidence:")
    for cls, n in false_high.most_common(15):
        print(f"  {n:5d}  {cls}")
    if show:
        for cls, items in examples.items():
            print(f"\n-- {cls} (first {show}) --")
            for item in items[:show]:
                print("   ", item)
    del np


def _never_proposed(people, accounts, never: list[tuple[int, int]], show: int) -> None:
    """Sort the true pairs blocking never proposes by why: a key they share with a block
    larger than its cap (which kind), else by what the profile's display name, handle,
    website and bio show of the card's names, and which key would have caught each."""
    from rapidfuzz import fuzz

    from audience.matching import matcher as mt
    from audience.matching.names import name_groups, words

    if not never:
        return
    persons = sorted({p for p, _ in never})
    subset = [people[p] for p in persons]
    saved_cut = mt.MAX_CUT_BLOCK
    mt.MAX_CUT_BLOCK = 10**9
    try:
        pi, ai, kinds = mt.candidate_pairs(subset, accounts, {k: 10**9 for k in mt.MAX_BLOCK})
    finally:
        mt.MAX_CUT_BLOCK = saved_cut
    uncapped = {(persons[int(p)], int(a)): int(k) for p, a, k in zip(pi, ai, kinds, strict=True)}
    kind_names = {1: "name", 2: "initial", 4: "fuzzy", 8: "handle", 16: "domain", 32: "org",
                  64: "contact"}
    classes: Counter = Counter()
    extra_keys: Counter = Counter()
    examples: dict[str, list[str]] = {}

    def near(a: str, b: str, cut: float = 80) -> bool:
        return bool(a) and bool(b) and (a == b or (min(len(a), len(b)) >= 3
                                                   and fuzz.ratio(a, b) >= cut))

    for p, a in never:
        person = people[p]
        givens = {g for g in (person.name.given, *person.alt_given) if g}
        groups = set().union(*map(name_groups, givens)) if givens else set()
        families = {f for f in person.family_variants if len(f) >= 2}
        families |= {w for f in list(families) for w in f.split()}
        pg, pf, palt = accounts.given[a], accounts.family[a], accounts.alt_family[a]
        display_words = set(words(accounts.display[a]))
        core, domain = accounts.handle_core[a], accounts.domain[a] or ""
        bio = (accounts.bio[a] or "").lower()
        given_same = pg in groups
        given_near = given_same or any(near(pg, g, 75) for g in givens)
        family_same = pf in families or palt in families
        family_near = family_same or any(near(pf, f) for f in families)
        in_display = families & display_words
        if (p, a) in uncapped:
            k = uncapped[(p, a)]
            cls = "a key shared, its block over the cap: " + "+".join(
                n for bit, n in kind_names.items() if k & bit)
        elif not pf and pg:
            where = (
                "family in handle" if _holds(families, core)
                else "family in website" if _holds(families, domain)
                else "family in bio" if _holds(families, bio)
                else "family nowhere"
            )
            word = "the given name" if given_near else "another word"
            cls = f"one-word display ({word}): {where}"
        elif given_near and in_display:
            cls = "given name and the card's family beside another (nee, double-barrelled)"
        elif given_near and family_near:
            cls = "given and family near (typo) but no key"
        elif given_near:
            sub = ("card family a part of it" if any(f in pf for f in families if len(f) >= 3)
                   else "a part of the card's family" if any(pf in f for f in families if pf)
                   else "family in handle" if _holds(families, core) else "another family name")
            cls = f"given name with another family name: {sub}"
        elif pg in families and pf in groups | givens:
            cls = "swapped order"
        elif family_near:
            if len(pg) == 1:
                other = pg not in {g[0] for g in groups}
                sub = "an initial of another name" if other else "the initial"
            elif any(near(pg, g, 60) for g in givens):
                sub = "a given name near the card's (typo, short form)"
            elif _holds(groups, core):
                sub = "another, the card's given name in the handle"
            else:
                sub = "another"
            cls = f"family name with another given name or initial: {sub}"
        elif pg in families or pf in groups or pg in groups:
            cls = "one card name in another position"
        else:
            in_core = (_holds(families, core), _holds(groups, core))
            where = (
                "both names in handle" if all(in_core)
                else "family in handle" if in_core[0]
                else "given in handle" if in_core[1]
                else "family in website" if _holds(families, domain)
                else "nothing of the name"
            )
            cls = f"display shares no card name: {where}"
        classes[cls] += 1
        if any(key in bio for key in person.contact_keys if "@" in key):
            extra_keys["the card's e-mail address in the bio"] += 1
        if any(lp and len(lp) >= 4 and lp == accounts.handle_key[a] for lp in person.locals):
            extra_keys["an e-mail local part = the handle"] += 1
        if domain and domain in person.domains:
            extra_keys["the website on the e-mail's domain"] += 1
        examples.setdefault(cls, []).append(
            f"{person.label!r} ~ {accounts.display[a]!r} @{accounts.handle[a]} "
            f"[{domain}] {(accounts.bio[a] or '')[:50]!r}")
    total = sum(classes.values())
    print(f"\nNever proposed ({total}), by why blocking misses them (in all, then in detail):")
    groups_of: Counter = Counter()
    for cls, n in classes.items():
        groups_of[cls.split(":")[0]] += n
    for cls, n in groups_of.most_common():
        print(f"  {n:5d}  {n / total:6.1%}  {cls}")
    print()
    for cls, n in classes.most_common():
        print(f"  {n:5d}  {n / total:6.1%}  {cls}")
    for cls, n in extra_keys.most_common():
        print(f"  ({n} of them: {cls})")
    if show:
        for cls, _ in classes.most_common():
            print(f"\n-- never proposed: {cls} (first {show}) --")
            for item in examples[cls][:show]:
                print("   ", item)


def _holds(names: set[str], text: str) -> bool:
    """One of the names (three letters or more) is inside the text."""
    return any(len(n) >= 3 and n in text for n in names)


def _review_queue(status: dict, truth: set) -> None:
    """What the review queue holds, contact by contact: its rows, the contacts they are for,
    and why a contact's rows hold no true pair (no profile among the profiles, or the person's
    profile elsewhere: never proposed, below the floor, or accepted for someone else)."""
    rows: dict[int, list[bool]] = {}
    for (person, account), (st, _) in status.items():
        if st == "review":
            rows.setdefault(person, []).append((person, account) in truth)
    found = sum(any(r) for r in rows.values())
    with_profile = {person for person, _ in truth}
    n_rows = sum(map(len, rows.values()))
    print("\nReview queue, by contact:")
    print(f"  {n_rows:5d}  rows, {n_rows / max(found, 1):.2f} per true pair in review")
    print(f"  {len(rows):5d}  contacts, {len(rows) / max(found, 1):.2f} per contact found")
    print(f"  {sum(len(r) > 1 for r in rows.values()):5d}  contacts with two rows or more")
    print(f"  {found:5d}  contacts whose profile is in review")
    missing = [p for p, r in rows.items() if not any(r)]
    print(f"  {sum(p not in with_profile for p in missing):5d}  contacts with no profile at all")
    print(f"  {sum(p in with_profile for p in missing):5d}  contacts whose profile is elsewhere")


CARD_EVIDENCE = ("employer_match", "former_employer", "title_in_bio", "city_in_location",
                 "contact_in_bio")


def _what_true_pairs_rest_on(f, truth, status, pair_of, index_of_person, index_of_account):
    """The true pairs by what sets them apart from a namesake: evidence the card confirms,
    else being the only profile bearing the name, else neither; with the share accepted and
    the other candidates' summed odds (how crowded the person's namesakes are)."""
    import numpy as np

    mass = np.zeros(int(f.pi.max()) + 1 if len(f.pi) else 0)
    np.add.at(mass, f.pi, np.exp(f.odds))
    rows: dict[str, list] = {}
    for person, account in truth:
        p, a = index_of_person.get(person), index_of_account.get(account)
        k = pair_of.get((p, a)) if p is not None and a is not None else None
        if k is None:
            rows.setdefault("never proposed", []).append((False, 0.0))
            continue
        if any(getattr(f, name)[k] for name in CARD_EVIDENCE):
            cls = "card evidence (employer, title, city, former employer, own address)"
        elif f.rare_name[k]:
            cls = "the only profile bearing the name, no card evidence"
        else:
            cls = "neither (a name, a handle or site built from it)"
        accepted = status.get((person, account), ("none",))[0] == "accepted"
        rows.setdefault(cls, []).append((accepted, float(mass[f.pi[k]] - np.exp(f.odds[k]))))
    total = len(truth)
    print("\nWhat the true pairs rest on (share of true pairs, share accepted, median odds of the")
    print("person's other candidates summed):")
    for cls, items in sorted(rows.items(), key=lambda kv: -len(kv[1])):
        accepted = sum(a for a, _ in items)
        crowd = float(np.median([m for _, m in items])) if items else 0.0
        print(f"  {len(items) / total:6.1%}  accepted {accepted / total:6.1%}  "
              f"others {crowd:6.2f}  {cls}")


def _rival_kind(j, f, accounts, kind_of, namesake_of, person_key, person) -> str:
    account = int(accounts.ids[f.ai[j]]) - 1
    kind = kind_of.get(account, "?")
    if kind == "namesake":
        return "namesake" if namesake_of.get(account) == person_key.get(person) else (
            "namesake of another contact"
        )
    if kind == "true":
        return "another contact's true profile"
    return kind


def _profile_meta(store, workdir: Path):
    account_of = dict(store.execute("SELECT platform_id, id FROM accounts WHERE platform = 'x'"))
    kind_of, namesake_of, key_of = {}, {}, {}
    with open(workdir / "data" / "profiles_meta.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            account = account_of.get(row["profile_id"])
            if account is None:
                continue
            kind_of[account - 1] = row["kind"]
            namesake_of[account - 1] = row["namesake_of"]
            key_of[account - 1] = row["person_key"]
    return kind_of, namesake_of, key_of


def _person_keys(store, workdir: Path) -> dict[int, str]:
    from match_bench import _people_by_row

    person_of_row = _people_by_row(store, workdir / "data" / "contacts.csv")
    keys = {}
    with open(workdir / "data" / "contacts_meta.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            person = person_of_row.get(int(row["contact_row"]))
            if person is not None:
                keys[person - 1] = row["person_key"]
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--profiles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="examples per class")
    parser.add_argument("--namesakes", choices=("frequency", "fixed"), default="frequency")
    parser.add_argument(
        "--keep",
        type=Path,
        help="Prepare the instance in this directory and keep it; reuse it when it is there.",
    )
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        analyse(args.keep, args.contacts, args.profiles, args.seed, args.show, args.namesakes)
        return
    with tempfile.TemporaryDirectory(prefix="match-errors-") as tmp:
        analyse(Path(tmp), args.contacts, args.profiles, args.seed, args.show, args.namesakes)


if __name__ == "__main__":
    main()
