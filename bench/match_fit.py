"""Fit the matcher's evidence weights as a conditional logit on the hard generator.

For each contact person the model picks one of their scored candidates or "none" (odds
NONE_ODDS, plus each unscored exact namesake at the odds of the name alone), the choice
``candidate_probabilities`` makes. The weights fitted are the name's slope, the name's rarity
and the evidence classes whose worth is a matter of degree; the near-proof classes (own address
or phone in the bio, e-mail local part as handle), the parody and organisation penalties, the
employer's and city's worth (computed from how common they are) and what every namesake shows
alike (a handle or website built from the name: zero) stay as set. Prints the weights and the
log-likelihood; copy them to audience/matching/evidence.py by hand, then check with
bench/match_bench.py on other seeds and sizes.

    uv run python bench/match_fit.py --seeds 1,2 --namesakes frequency,fixed
    uv run python bench/match_fit.py ... --extra 10000x100000:1:frequency   # and a larger one
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

FITTED = [
    "email_in_bio_name_like",
    "former_employer",
    "employer_conflict",
    "title_in_bio",
    "location_conflict",
    "country_conflict",
    "given_only",
    "rare_name",
    "outnamed",
    "near_name_alone",
]
SCALARS = ["NAME_SLOPE", "RARITY_WEIGHT", "SOLE_RARITY_WEIGHT"]
L2 = 0.5  # pull toward the current weights: a class seen a few times keeps its set value


def design(workdir: Path, n_contacts: int, n_profiles: int, seed: int, namesakes: str):
    """(columns, offset, person index, target, unscored, n people) for one instance."""
    from match_bench import prepare_hard

    from audience.matching import evidence as ev
    from audience.matching import matcher as mt
    from audience.store import open_store

    truth = dict(prepare_hard(workdir, n_contacts, n_profiles, seed, namesakes))
    store = open_store(workdir / "audience.db")
    people = [p for p in ev.load_people(store) if p.usable and not p.is_organisation]
    accounts = ev.load_accounts(store, "x")
    pi, ai, kinds = mt.candidate_pairs(people, accounts)
    f = ev.compute_features(people, accounts, pi, ai, kinds, floor=mt.FLOOR_ODDS)
    saved = (ev.NAME_SLOPE, ev.RARITY_WEIGHT, dict(ev.LOG_ODDS), ev.SOLE_RARITY_WEIGHT)
    try:
        columns = []
        for name in SCALARS + FITTED:
            _set_only(ev, saved, name)
            columns.append(ev.raw_score(f) - _offset(ev, saved, f))
        offset = _offset(ev, saved, f)
    finally:
        ev.NAME_SLOPE, ev.RARITY_WEIGHT, ev.SOLE_RARITY_WEIGHT = saved[0], saved[1], saved[3]
        ev.LOG_ODDS.clear()
        ev.LOG_ODDS.update(saved[2])
    person_ids = np.array([p.id - 1 for p in people])
    account_ids = accounts.ids - 1
    target = np.array(
        [
            truth.get(int(p)) == int(a)
            for p, a in zip(person_ids[f.pi], account_ids[f.ai], strict=True)
        ]
    )
    unscored = mt.unscored_namesakes(people, accounts, f)
    store.close()
    return np.stack(columns, axis=1), offset, f.pi, target, unscored, len(people)


def _offset(ev, saved, f) -> np.ndarray:
    ev.NAME_SLOPE, ev.RARITY_WEIGHT, ev.SOLE_RARITY_WEIGHT = 0.0, 0.0, 0.0
    ev.LOG_ODDS.clear()
    ev.LOG_ODDS.update({k: (0.0 if k in FITTED else v) for k, v in saved[2].items()})
    return ev.raw_score(f)


def _set_only(ev, saved, name: str) -> None:
    ev.NAME_SLOPE = 1.0 if name == "NAME_SLOPE" else 0.0
    ev.RARITY_WEIGHT = 1.0 if name == "RARITY_WEIGHT" else 0.0
    ev.SOLE_RARITY_WEIGHT = 1.0 if name == "SOLE_RARITY_WEIGHT" else 0.0
    ev.LOG_ODDS.clear()
    ev.LOG_ODDS.update(
        {k: (1.0 if k == name else 0.0 if k in FITTED else v) for k, v in saved[2].items()}
    )


def fit(instances: list, start: np.ndarray, none_odds: float):
    from scipy.optimize import minimize

    def loss(w):
        total, grad = L2 * np.sum((w - start) ** 2), 2 * L2 * (w - start)
        for x, offset, pi, target, unscored, _ in instances:
            z = x @ w + offset
            top = np.maximum(np.maximum.reduceat(z, _starts(pi)), none_odds) if len(z) else []
            starts = _starts(pi)
            group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(pi)]))
            e = np.exp(z - top[group])
            people = pi[starts]
            denom = np.add.reduceat(e, starts) + np.exp(none_odds - top) + unscored[
                people
            ] * np.exp(-top)
            p = e / denom[group]
            chosen = np.add.reduceat(target * (z - top[group]), starts)
            has = np.add.reduceat(target.astype(float), starts) > 0
            # a person whose profile is not among the candidates chose "none"
            picked = np.where(has, chosen, none_odds - top)
            total -= np.sum(picked - np.log(denom))
            grad -= x.T @ (target - p)
        return total, grad

    result = minimize(loss, start, jac=True, method="L-BFGS-B")
    return result.x, result.fun


def _starts(pi: np.ndarray) -> np.ndarray:
    return np.nonzero(np.r_[True, pi[1:] != pi[:-1]])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--namesakes", default="frequency,fixed")
    parser.add_argument("--size", default="1000x10000")
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        help="one more instance, SIZE:SEED:MODE (10000x100000:1:frequency), repeatable",
    )
    args = parser.parse_args()
    from audience.matching import evidence as ev
    from audience.matching import matcher as mt

    wanted = [
        (args.size, seed, mode)
        for mode in args.namesakes.split(",")
        for seed in args.seeds.split(",")
    ] + [tuple(extra.split(":")) for extra in args.extra]
    instances = []
    for size, seed, mode in wanted:
        n_contacts, n_profiles = (int(n) for n in size.split("x"))
        with tempfile.TemporaryDirectory(prefix="match-fit-") as tmp:
            x, offset, pi, target, unscored, n = design(
                Path(tmp), n_contacts, n_profiles, int(seed), mode
            )
        order = np.argsort(pi, kind="stable")
        instances.append((x[order], offset[order], pi[order], target[order], unscored, n))
    start = np.array([getattr(ev, k) for k in SCALARS] + [ev.LOG_ODDS[k] for k in FITTED])
    weights, value = fit(instances, start, mt.NONE_ODDS)
    print(f"negative log-likelihood {value:.1f}")
    for name, before, after in zip(SCALARS + FITTED, start, weights, strict=True):
        print(f"{name:<24}{before:>8.2f} -> {after:>6.2f}")


if __name__ == "__main__":
    main()
