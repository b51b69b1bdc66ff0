"""Link people to at most one account per platform: exact links first, then blocking, scoring
and decisions, then one transaction that stores the matches.

Blocking turns each person and each account into keys (same family name and compatible given
name, same handle shape, same web domain, ...); pairs sharing a key are scored together with
rapidfuzz ``cpdist`` over numpy columns, so no Python loop runs per candidate pair except for
the short list of pairs finally stored.
"""

from __future__ import annotations

import json
import re
import time
from array import array
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import numpy as np

from audience.matching import evidence as ev
from audience.matching.evidence import Accounts, Person
from audience.matching.identity import account_ref_keys, profile_refs
from audience.matching.names import name_groups, url_domain
from audience.store import Store, now_iso

ACCEPT = 0.80
REVIEW = 0.55
TIE_MARGIN = 0.05
# A key shared by more accounts than this says too little about identity to be worth scoring:
# the pair is then found through a more telling key or not at all.
MAX_BLOCK = {
    ev.K_NAME: 300,
    ev.K_INITIAL: 40,
    ev.K_FUZZY: 25,
    ev.K_HANDLE: 20,
    ev.K_DOMAIN: 50,
    ev.K_ORG: 100,
}
GENERIC_HOSTS = frozenset(
    [
        "linktr.ee",
        "bit.ly",
        "t.co",
        "medium.com",
        "substack.com",
        "youtube.com",
        "instagram.com",
        "facebook.com",
        "github.com",
        "x.com",
        "twitter.com",
        "bsky.app",
        "linkedin.com",
        "about.me",
        "tiktok.com",
    ]
)
_MENTION_RE = re.compile(r"@(\w{4,})|\b([A-Z][\w&]{3,})")


@dataclass
class Proposal:
    person_id: int
    account_id: int
    platform: str
    score: float
    evidence: list[dict]
    method: str
    status: str


@dataclass
class MatchSummary:
    people: int = 0
    platforms: list[str] = field(default_factory=list)
    pairs_scored: int = 0
    exact: int = 0
    accepted: int = 0
    review: int = 0
    ties: int = 0
    kept_decisions: int = 0
    unmatchable: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def match_people(
    store: Store,
    platforms: Iterable[str] | None = None,
    accept: float = ACCEPT,
    review: float = REVIEW,
    *,
    person_ids: list[int] | None = None,
) -> MatchSummary:
    """Match every person (or ``person_ids``) against the stored accounts of each platform."""
    started = time.perf_counter()
    summary = MatchSummary()
    people = ev.load_people(store, person_ids)
    _add_linked_refs(store, people)
    summary.people = len(people)
    summary.unmatchable = [
        {"person_id": p.id, "name": p.label, "reason": "no usable name or e-mail"}
        for p in people
        if not p.usable
    ]
    people = [p for p in people if p.usable]
    if platforms is None:
        platforms = [r[0] for r in store.execute("SELECT DISTINCT platform FROM accounts")]
    summary.platforms = sorted(set(platforms))
    proposals: list[Proposal] = []
    for platform in summary.platforms:
        accounts = ev.load_accounts(store, platform)
        proposals += propose(store, people, accounts, accept, review, summary)
    with store.transaction():
        save_proposals(
            store,
            proposals,
            summary.platforms,
            None if person_ids is None else [p.id for p in people],
        )
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def propose(
    store: Store,
    people: list[Person],
    accounts: Accounts,
    accept: float,
    review: float,
    summary: MatchSummary,
) -> list[Proposal]:
    """Proposals for one platform: exact links, then scored candidates, with ties to review."""
    platform = accounts.platform
    rejected, settled_people, taken = _decisions(store, platform)
    summary.kept_decisions += len(settled_people)
    exact = _exact_links(store, people, platform, settled_people, rejected)
    summary.exact += len(exact)
    exact_people = {p.person_id for p in exact}
    open_people = [p for p in people if p.id not in settled_people and p.id not in exact_people]
    if not open_people or not len(accounts):
        return _resolve_accounts(exact, summary)
    pi, ai, kinds = candidate_pairs(open_people, accounts)
    keep = _allowed(open_people, accounts, pi, ai, rejected, taken)
    pi, ai, kinds = pi[keep], ai[keep], kinds[keep]
    summary.pairs_scored += len(pi)
    if not len(pi):
        return _resolve_accounts(exact, summary)
    features = ev.compute_features(open_people, accounts, pi, ai, kinds)
    ev.score_pairs(features)
    fuzzy = _decide(features, open_people, accounts, accept, review, summary)
    return _resolve_accounts(exact + fuzzy, summary)


# ---- exact links ------------------------------------------------------------------------


def _add_linked_refs(store: Store, people: list[Person]) -> None:
    """Profiles already linked to a person name their other profiles: those are exact links."""
    by_id = {p.id: p for p in people}
    for person_id, bio, website, url in store.execute(
        "SELECT person_id, bio, website, url FROM accounts WHERE person_id IS NOT NULL"
    ):
        person = by_id.get(person_id)
        if person is not None:
            refs = profile_refs(" ".join(t for t in (bio, website, url) if t))
            person.linked_refs |= refs


def _exact_links(
    store: Store, people: list[Person], platform: str, settled: set[int], rejected: set
) -> list[Proposal]:
    proposals = []
    for person in people:
        if person.id in settled:
            continue
        card = {key for plat, key in person.refs if plat == platform}
        linked = {key for plat, key in person.linked_refs if plat == platform}
        for key, method in [(k, "exact:card") for k in card] + [
            (k, "exact:profile_link") for k in linked - card
        ]:
            account_id = _account_by_ref(store, platform, key)
            if account_id is None or (person.id, account_id) in rejected:
                continue
            source = "contact card" if method == "exact:card" else "a linked profile"
            evidence = [
                {
                    "kind": "card_handle" if method == "exact:card" else "profile_link",
                    "detail": f"{source} names {platform} {key}",
                    "weight": 1.0,
                }
            ]
            proposals.append(
                Proposal(person.id, account_id, platform, 1.0, evidence, method, "accepted")
            )
    return _one_per_person(proposals)


def _one_per_person(proposals: list[Proposal]) -> list[Proposal]:
    by_person: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        by_person.setdefault(proposal.person_id, [])
        if all(p.account_id != proposal.account_id for p in by_person[proposal.person_id]):
            by_person[proposal.person_id].append(proposal)
    result = []
    for group in by_person.values():
        if len(group) > 1:  # two different accounts named: a person, not the matcher, chooses
            for proposal in group:
                proposal.status = "review"
        result += group
    return result


def _account_by_ref(store: Store, platform: str, key: str) -> int | None:
    candidates = {key, key.split("@", 1)[0]} if platform == "mastodon" else {key}
    marks = ",".join("?" * len(candidates))
    for account_id, handle, url in store.execute(
        f"SELECT id, handle, url FROM accounts WHERE platform = ? AND "
        f"lower(handle) IN ({marks}) ORDER BY id",
        [platform, *candidates],
    ):
        if key in account_ref_keys(platform, handle, url):
            return account_id
    row = store.execute(
        "SELECT id FROM accounts WHERE platform = ? AND lower(url) LIKE ? ORDER BY id LIMIT 1",
        [platform, f"%/{key.split('@')[0]}"],
    ).fetchone()
    if row and platform == "linkedin":
        return row[0]
    return None


# ---- blocking ---------------------------------------------------------------------------


def candidate_pairs(
    people: list[Person], accounts: Accounts, max_block: dict[int, int] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(person index, account index, kinds bit-set) for every pair sharing a blocking key."""
    p_keys, p_idx, p_kind = _person_keys(people)
    a_keys, a_idx = _account_keys(accounts)
    if not len(p_keys) or not len(a_keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    order = np.argsort(a_keys, kind="stable")
    a_keys, a_idx = a_keys[order], a_idx[order]
    keys, starts, counts = np.unique(a_keys, return_index=True, return_counts=True)
    pos = np.minimum(np.searchsorted(keys, p_keys), len(keys) - 1)
    caps = np.zeros(max(ev.K_ORG, *MAX_BLOCK) + 1, dtype=np.int64)
    for kind, cap in (max_block or MAX_BLOCK).items():
        caps[kind] = cap
    hit = np.nonzero((keys[pos] == p_keys) & (counts[pos] <= caps[p_kind]))[0]
    block_sizes = counts[pos[hit]]
    total = int(block_sizes.sum())
    pair_p = np.repeat(p_idx[hit], block_sizes)
    pair_kind = np.repeat(p_kind[hit], block_sizes)
    offsets = np.arange(total) - np.repeat(np.cumsum(block_sizes) - block_sizes, block_sizes)
    pair_a = a_idx[np.repeat(starts[pos[hit]], block_sizes) + offsets]
    return _dedupe(pair_p, pair_a, pair_kind, len(accounts))


def _dedupe(pi: np.ndarray, ai: np.ndarray, kinds: np.ndarray, n_accounts: int):
    code = pi.astype(np.int64) * max(n_accounts, 1) + ai
    order = np.argsort(code, kind="stable")
    code, kinds = code[order], kinds[order]
    uniq, first = np.unique(code, return_index=True)
    merged = np.bitwise_or.reduceat(kinds, first) if len(first) else kinds[:0]
    n = max(n_accounts, 1)
    return uniq // n, uniq % n, merged


def _person_keys(people: list[Person]):
    keys, idx, kinds = array("q"), array("q"), array("q")

    def emit(key: str, i: int, kind: int) -> None:
        keys.append(hash(key))
        idx.append(i)
        kinds.append(kind)

    for i, person in enumerate(people):
        givens = [g for g in (person.name.given, *person.alt_given) if g]
        groups = set().union(*(name_groups(g) for g in givens)) if givens else set()
        for family in person.family_variants:
            for group in groups:
                emit(f"n{family}|{group}", i, ev.K_NAME)
            for given in givens:
                emit(f"i{family}|{given[0]}", i, ev.K_INITIAL)
        family = person.name.family.replace(" ", "")
        if len(family) >= 4:
            for given in givens:
                emit(f"p{given}|{family[:3]}", i, ev.K_FUZZY)
                emit(f"s{given}|{family[-3:]}", i, ev.K_FUZZY)
        for form in person.handle_forms | {lp for lp in person.locals if len(lp) >= 4}:
            emit(f"h{form}", i, ev.K_HANDLE)
        for domain in person.domains:
            emit(f"d{domain}", i, ev.K_DOMAIN)
        org_words = {ev._org_word(person.org), ev.compact(person.org)} - {""}
        for given in givens:
            for word in org_words:
                emit(f"o{given}|{word}", i, ev.K_ORG)
    return (
        np.frombuffer(keys, dtype=np.int64),
        np.frombuffer(idx, dtype=np.int64),
        np.frombuffer(kinds, dtype=np.int64),
    )


def _account_keys(accounts: Accounts) -> tuple[np.ndarray, np.ndarray]:
    """Blocking keys of every account, built one kind at a time with comprehensions."""
    keys: list[np.ndarray] = []
    rows: list[np.ndarray] = []

    def add(texts: list[str], where: np.ndarray) -> None:
        keys.append(np.fromiter(map(hash, texts), dtype=np.int64, count=len(texts)))
        rows.append(np.asarray(where, dtype=np.int64))

    given, family = accounts.given, accounts.family
    named = np.nonzero((given != "") & (family != ""))[0]
    g, f = given[named].tolist(), family[named].tolist()
    add([f"n{b}|{a}" for a, b in zip(g, f, strict=True)], named)
    add([f"i{b}|{a[0]}" for a, b in zip(g, f, strict=True)], named)
    two = [k for k, full in enumerate(accounts.full[named].tolist()) if full.count(" ") == 1]
    add([f"n{g[k]}|{f[k]}" for k in two], named[two])  # "Doe Jane" read the other way
    add([f"i{g[k]}|{f[k][0]}" for k in two], named[two])
    extra = [(k, grp) for k, a in enumerate(g) for grp in name_groups(a) if grp != a]
    add([f"n{f[k]}|{grp}" for k, grp in extra], named[[k for k, _ in extra]])
    long = [k for k, b in enumerate(f) if len(b) >= 4]
    add([f"p{g[k]}|{f[k][:3]}" for k in long], named[long])
    add([f"s{g[k]}|{f[k][-3:]}" for k in long], named[long])
    handles = accounts.handle_key
    with_handle = np.nonzero(np.fromiter(map(len, handles), dtype=np.int64) >= 4)[0]
    add([f"h{h}" for h in handles[with_handle].tolist()], with_handle)
    domains = [(k, url_domain(w)) for k, w in enumerate(accounts.website.tolist()) if w]
    domains = [(k, d) for k, d in domains if d and d not in GENERIC_HOSTS]
    add([f"d{d}" for _, d in domains], [k for k, _ in domains])
    mentions = [
        (k, (m or w).lower())
        for k, bio, a in zip(
            range(len(accounts)), accounts.bio.tolist(), given.tolist(), strict=True
        )
        if bio and a
        for m, w in _MENTION_RE.findall(bio)[:10]
    ]
    add([f"o{given[k]}|{word}" for k, word in mentions], [k for k, _ in mentions])
    return np.concatenate(keys), np.concatenate(rows)


def _allowed(people, accounts, pi, ai, rejected: set, taken: dict) -> np.ndarray:
    """Drop pairs a person rejected and accounts already given to someone else by hand."""
    if not rejected and not taken:
        return np.ones(len(pi), dtype=bool)
    person_ids = np.array([p.id for p in people], dtype=np.int64)[pi]
    account_ids = accounts.ids[ai]
    return np.array(
        [
            (p, a) not in rejected and taken.get(a, p) == p
            for p, a in zip(person_ids.tolist(), account_ids.tolist(), strict=True)
        ],
        dtype=bool,
    )


# ---- decisions --------------------------------------------------------------------------


def _decisions(store: Store, platform: str) -> tuple[set, set[int], dict[int, int]]:
    """(rejected pairs, people whose match on this platform was decided by hand,
    accounts accepted by hand -> their person)."""
    rejected, settled, taken = set(), set(), {}
    for person_id, account_id, status, decided_by in store.execute(
        "SELECT person_id, account_id, status, decided_by FROM matches WHERE platform = ?",
        [platform],
    ):
        if status == "rejected":
            rejected.add((person_id, account_id))
        elif status == "accepted" and decided_by != "auto":
            settled.add(person_id)
            taken[account_id] = person_id
    return rejected, settled, taken


def _decide(
    f: ev.PairFeatures,
    people: list[Person],
    accounts: Accounts,
    accept: float,
    review: float,
    summary: MatchSummary,
) -> list[Proposal]:
    order = np.lexsort((-f.score, f.pi))
    starts = np.unique(f.pi[order], return_index=True)[1]
    ends = np.append(starts[1:], len(order))
    proposals = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        best = order[start]
        best_score = float(f.score[best])
        if best_score < review:
            continue
        close = [
            k
            for k in order[start : min(end, start + 5)]
            if f.score[k] >= review and best_score - f.score[k] < TIE_MARGIN
        ]
        tie = len(close) > 1
        summary.ties += tie
        status = "accepted" if best_score >= accept and not tie else "review"
        for k in close if tie else [best]:
            person = people[f.pi[k]]
            proposals.append(
                Proposal(
                    person.id,
                    int(accounts.ids[f.ai[k]]),
                    accounts.platform,
                    round(float(f.score[k]), 4),
                    ev.evidence_for(f, k, person, accounts),
                    "fuzzy",
                    status,
                )
            )
            if tie:
                proposals[-1].evidence.append(
                    {"kind": "tie", "detail": f"{len(close)} candidates score alike", "weight": 0.0}
                )
    return proposals


def _resolve_accounts(proposals: list[Proposal], summary: MatchSummary) -> list[Proposal]:
    """One account, one person: when several people claim it, only a clear winner keeps it."""
    by_account: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        by_account.setdefault(proposal.account_id, []).append(proposal)
    for group in by_account.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda p: (p.method.startswith("exact"), p.score), reverse=True)
        first, second = group[0], group[1]
        clear = first.method.startswith("exact") and not second.method.startswith("exact")
        clear = clear or first.score - second.score >= TIE_MARGIN
        for proposal in group[1:] if clear else group:
            proposal.status = "review"
    summary.accepted += sum(p.status == "accepted" for p in proposals)
    summary.review += sum(p.status == "review" for p in proposals)
    return proposals


# ---- persistence ------------------------------------------------------------------------


def save_proposals(
    store: Store, proposals: list[Proposal], platforms: list[str], person_ids: list[int] | None
) -> None:
    """Replace earlier automatic proposals; decisions made by hand and rejections stay."""
    stale = (
        "FROM matches WHERE decided_by = 'auto' AND status != 'rejected' AND method != 'identity' "
        f"AND platform IN ({','.join('?' * len(platforms))})"
    )
    params: list = list(platforms)
    if person_ids is not None:
        stale += f" AND person_id IN ({','.join('?' * len(person_ids))})"
        params += person_ids
    store.execute(
        "UPDATE accounts SET person_id = NULL WHERE id IN (SELECT account_id "
        f"{stale} AND status = 'accepted' AND matches.person_id = accounts.person_id) "
        "AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.account_id = accounts.id "
        "AND m.method = 'identity' AND m.status = 'accepted')",
        params,
    )
    store.execute(f"DELETE {stale}", params)
    created = now_iso()
    store.db.conn.executemany(
        "INSERT INTO matches (person_id, account_id, platform, score, evidence, method, status, "
        "decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', ?) "
        "ON CONFLICT (person_id, account_id) DO UPDATE SET score = excluded.score, "
        "evidence = excluded.evidence, method = excluded.method, status = excluded.status "
        "WHERE matches.decided_by = 'auto' AND matches.status != 'rejected'",
        [
            (
                p.person_id,
                p.account_id,
                p.platform,
                p.score,
                json.dumps(p.evidence, ensure_ascii=False),
                p.method,
                p.status,
                created,
            )
            for p in proposals
        ],
    )
    store.db.conn.executemany(
        "UPDATE accounts SET person_id = ? WHERE id = ? AND person_id IS NULL",
        [(p.person_id, p.account_id) for p in proposals if p.status == "accepted"],
    )
