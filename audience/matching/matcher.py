"""Link people to at most one account per platform: exact links first, then blocking, scoring
and decisions, then one transaction that stores the matches.

Blocking turns each person and each account into keys (same family name and compatible given
name, same handle shape, same web domain, ...); pairs sharing a key are scored together with
rapidfuzz ``cpdist`` over numpy columns, so no Python loop runs per candidate pair except for
the short list of pairs finally stored.
"""

from __future__ import annotations

import gc
import json
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import numpy as np

from audience.matching import evidence as ev
from audience.matching.evidence import Accounts, Person
from audience.matching.identity import account_ref_keys, profile_refs
from audience.matching.names import cut_handles_from_name, given_endings, name_groups
from audience.matching.signals import OrgKeys, org_group
from audience.store import Store, now_iso

# Scores are probabilities: a pair's evidence (log-odds) weighed against every other candidate
# of the same person and against the chance that none of them is the person (NONE_ODDS).
ACCEPT = 0.87
# A candidate is worth a reviewer's look from this probability on: from 0.35 the queue holds
# at most 1.5 candidates per true match on the hard generator at 1k x 10k (the README shows the
# curve: a lower floor finds more people in a longer queue).
REVIEW = 0.35
# Beside the best candidate, the runner-up goes to review too when it is worth a look on its
# own: a runner-up is the person's profile about as often as a best candidate of the same
# probability, and the queue is ranked by probability.
REVIEW_DEPTH = 2
TIE_MARGIN = 0.05
NONE_ODDS = 0.5  # held fixed when the evidence weights were fitted (see evidence.LOG_ODDS)
# Pairs whose log-odds cannot reach this even with every clue of the bio are not read further.
FLOOR_ODDS = -3.0
# A key shared by more accounts than this says too little about identity to be worth scoring:
# the pair is then found through a more telling key or not at all.
MAX_BLOCK = {
    ev.K_NAME: 50,
    ev.K_INITIAL: 40,
    ev.K_FUZZY: 25,
    ev.K_HANDLE: 20,
    ev.K_DOMAIN: 50,
    # a given name at an employer: "Anna" at KPMG among a million profiles is a crowd of
    # colleagues (40: 107 of the 108 true pairs found at 100 at 100k profiles, 4% fewer pairs
    # than before at 1M)
    ev.K_ORG: 40,
    ev.K_CONTACT: 5,
}
MAX_CUT_BLOCK = 5  # a handle cutting the name short, shared by more profiles: a namesake crowd
GENERIC_HOSTS = ev.GENERIC_HOSTS
_to_json = json.JSONEncoder(ensure_ascii=False).encode
# a bio's @mentions and runs of capitalised words ("Clear Harbour", "PwC", "Working"): the
# names of organisations it may hold, one match each
# (r"\n|@\w{2,}|\b[A-Z][\w&'-]+(?: [A-Z][\w&'-]*){0,3}" written to begin with its first
# characters, which the engine searches for fast, rather than a word boundary tried everywhere)
_MENTION_RE = re.compile(
    r"[\n@A-Z](?:(?<=\n)|(?<=@)\w{2,}|(?<=[A-Z])(?<!\w[A-Z])[\w&'-]+(?: [A-Z][\w&'-]*){0,3})"
)
# the organisation a display name gives after a separator ("Emma Smith @ Crown Green Software")
_DISPLAY_ORG_RE = re.compile(r"(?<= )[@|·•–—-] +([^\n|@·•]+)")
# Employers block on the first letters of their glued name (or their group's, "pwc" for
# PricewaterhouseCoopers): "@AlibabaGroup" meets Alibaba, "Clear Harbour" ClearHarbour
ORG_STEM = 6


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
    with _collector_paused():
        return _match_people(store, platforms, accept, review, person_ids)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Matching builds millions of small objects and keeps most of them until it ends; none
    form reference cycles, so the cyclic garbage collector would only sweep them again and
    again (it doubled the time of some steps)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _match_people(
    store: Store,
    platforms: Iterable[str] | None,
    accept: float,
    review: float,
    person_ids: list[int] | None,
) -> MatchSummary:
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
    # an organisation's card ("Acme Ltd", no person's name) is no person to find a profile for
    people = [p for p in people if p.usable and not p.is_organisation]
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
    features = ev.compute_features(open_people, accounts, pi, ai, kinds, floor=FLOOR_ODDS)
    ev.score_pairs(features)
    unscored = unscored_namesakes(open_people, accounts, features)
    features.score = candidate_probabilities(features.pi, features.odds, unscored)
    fuzzy = _decide(features, open_people, accounts, accept, review, summary)
    # two contact cards with one name (the book holds the person twice); not a byline's person,
    # which is merged into the contact when accepted
    names = {p.id: p.name.full for p in people if p.cards and p.name.given and p.name.family}
    return _resolve_accounts(exact + fuzzy, summary, names)


# ---- exact links ------------------------------------------------------------------------


def _add_linked_refs(store: Store, people: list[Person]) -> None:
    """Profiles already linked to a person name their other profiles: those are exact links."""
    by_id = {p.id: p for p in people}
    # not the accounts an earlier run linked by a guess: that would turn its guess into a fact
    for person_id, bio, website, url in store.execute(
        "SELECT person_id, bio, website, url FROM accounts a WHERE person_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.account_id = a.id "
        "AND m.person_id = a.person_id AND m.decided_by = 'auto' AND m.method = 'fuzzy')"
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


# Blocking keys are numbers: the hashes of their parts mixed with a tag telling what the key is.
# Tag -> the kind of evidence (bit flag) a pair sharing such a key is found by.
_TAG_KIND = np.array(
    [0, ev.K_NAME, ev.K_INITIAL, ev.K_FUZZY, ev.K_FUZZY, ev.K_HANDLE, ev.K_DOMAIN, ev.K_ORG]
    + [ev.K_NAME, ev.K_CONTACT, ev.K_INITIAL, ev.K_HANDLE, ev.K_DOMAIN],
    dtype=np.int64,
)
T_NAME, T_INITIAL, T_PREFIX, T_SUFFIX, T_HANDLE, T_DOMAIN, T_ORG, T_NICK = range(1, 9)
# T_CONTACT: an e-mail address or phone number; T_GIVEN_INITIAL: the given name and the family
# name's initial ("Adam K."); T_TRUNCATED: the first letters of a long handle (X cuts at 15).
T_CONTACT, T_GIVEN_INITIAL, T_TRUNCATED = 9, 10, 11
# T_DOMAIN_NAME: a website on the domain of the card's e-mail, beside the card's family name
# and given initial ("Liam Byrne" with ibm.com): a large employer's domain alone is a crowd
T_DOMAIN_NAME = 12
TRUNCATED = 12
# T_NAME joins a person's given name with the same name on a profile or one of its nicknames;
# T_NICK joins a person's nicknames with the profile's given name. Two names that are merely
# nicknames of a third (Robert and William both answer to "Bill" in the nickname list) are
# no match.
_NO_HASH = hash("")
_EMPTY_STEM = ev.str_hashes([""])[0]


def candidate_pairs(
    people: list[Person], accounts: Accounts, max_block: dict[int, int] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(person index, account index, kinds bit-set) for every pair sharing a blocking key."""
    p_keys, p_idx, p_kind = _person_keys(people, _looks_swapped(people, accounts))
    # handles cutting a name short: a namesake crowd's cut handles are not worth a look
    cut_keys, cut_idx = _cut_handle_keys(people)
    p_keys = np.concatenate([p_keys, cut_keys])
    p_idx = np.concatenate([p_idx, cut_idx])
    p_kind = np.concatenate([p_kind, np.full(len(cut_idx), ev.K_HANDLE, dtype=np.int64)])
    is_cut = np.r_[np.zeros(len(p_idx) - len(cut_idx), dtype=bool), np.ones(len(cut_idx), bool)]
    a_keys, a_idx = _account_keys(accounts)
    # only account keys some person has: sorting them all would cost more than this test
    shared = ev.is_member(ev.sorted_unique(p_keys), a_keys)
    a_keys, a_idx = a_keys[shared], a_idx[shared]
    if not len(p_keys) or not len(a_keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    order = np.argsort(a_keys)  # pairs come out sorted by person and account whatever it is
    a_keys, a_idx = a_keys[order], a_idx[order]
    keys, starts, counts = ev.runs(a_keys)
    pos = np.minimum(ev.search_sorted(keys, p_keys), len(keys) - 1)
    caps = np.zeros(max(MAX_BLOCK) + 1, dtype=np.int64)
    for kind, cap in (max_block or MAX_BLOCK).items():
        caps[kind] = cap
    cap = np.where(is_cut, MAX_CUT_BLOCK, caps[p_kind])
    hit = np.nonzero((keys[pos] == p_keys) & (counts[pos] <= cap))[0]
    block_sizes = counts[pos[hit]]
    pair_p = np.repeat(p_idx[hit], block_sizes)
    pair_kind = np.repeat(p_kind[hit], block_sizes)
    pair_a = a_idx[_expand(starts[pos[hit]], block_sizes)]
    return _dedupe(pair_p, pair_a, pair_kind, len(accounts))


def _dedupe(pi: np.ndarray, ai: np.ndarray, kinds: np.ndarray, n_accounts: int):
    code = pi.astype(np.int64) * max(n_accounts, 1) + ai
    order = np.argsort(code)  # the kinds of one pair are or-ed: their order does not matter
    code, kinds = code[order], kinds[order]
    first = np.nonzero(np.r_[len(code) > 0, code[1:] != code[:-1]])[0]  # no second sort
    uniq = code[first]
    merged = np.bitwise_or.reduceat(kinds, first) if len(first) else kinds[:0]
    n = max(n_accounts, 1)
    return uniq // n, uniq % n, merged


def _mix(tags, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One uint64 key from a tag and the hashes of a key's two parts (wrapping arithmetic)."""
    tags = np.asarray(tags, dtype=np.uint64)
    mixed = first * np.uint64(0x9E3779B97F4A7C15) ^ second * np.uint64(0xC2B2AE3D27D4EB4F)
    return mixed + tags * np.uint64(0x165667B19E3779F9)


def _person_keys(
    people: list[Person], swapped: list[bool] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Blocking keys of every person: (key, person index, kind); ``swapped`` says whose card
    seems to hold the names in each other's columns."""
    givens = [[g for g in (p.name.given, *p.alt_given) if g] for p in people]
    groups = [set().union(*map(name_groups, gs)) if gs else () for gs in givens]
    initials = [{g[0] for g in gs} for gs in givens]
    families = [p.family_variants for p in people]
    family = [p.name.family.replace(" ", "") for p in people]
    forms = [p.handle_forms | {lp for lp in p.locals if len(lp) >= 4} for p in people]
    # the card's organisation, and the organisation of its e-mail domain ("deloitte.com")
    orgs = [_org_stems(p.orgs) for p in people]
    rows = [(T_NAME, f, g, i) for i, fs in enumerate(families) for f in fs for g in givens[i]]
    # given and family names in each other's columns ("Smith", "Robert" for Bob Smith)
    rows += [(T_NAME, g, f, i) for i, fs in enumerate(families) for f in fs for g in givens[i]]
    rows += [
        (T_NICK, f, g, i)
        for i, fs in enumerate(families)
        for f in fs
        for g in groups[i]
        if g not in givens[i]
    ]
    # "Segun Adebayo" for Olusegun Adebayo
    rows += [
        (T_NICK, f, end, i)
        for i, fs in enumerate(families)
        for f in fs
        for g in givens[i]
        for end in given_endings(g)
    ]
    rows += [(T_INITIAL, f, c, i) for i, fs in enumerate(families) for f in fs for c in initials[i]]
    # a typo in the family name, or in each part of a double-barrelled one ("Al-Sayde" for
    # Al-Sayed), with the given name or the formal name its nickname stands for ("Mick Tuurner"
    # for Michael Turner)
    rows += [
        (tag, g, part, i)
        for i, fs in enumerate(families)
        for f in {family[i], *fs}
        if len(f) >= 4
        for tag, part in ((T_PREFIX, f[:3]), (T_SUFFIX, f[-3:]))
        for g in (groups[i] if f == family[i] else givens[i])
    ]
    rows += [(T_HANDLE, form, "", i) for i, fs in enumerate(forms) for form in fs]
    rows += [(T_DOMAIN, d, "", i) for i, p in enumerate(people) for d in p.domains]
    rows += [
        (T_DOMAIN_NAME, d, f"{name} {initial}", i)
        for i, p in enumerate(people)
        for d in p.domains
        for name in families[i]
        if len(name) >= 2
        for initial in initials[i]
    ]
    rows += [(T_ORG, g, w, i) for i, gs in enumerate(givens) for g in gs for w in orgs[i]]
    rows += [(T_CONTACT, key, "", i) for i, p in enumerate(people) for key in p.contact_keys]
    rows += [
        (T_GIVEN_INITIAL, g, f[0], i)
        for i, fs in enumerate(families)
        for f in fs
        for g in givens[i]
        if len(g) > 1
    ]
    rows += [
        (T_TRUNCATED, form[:TRUNCATED], "", i)
        for i, fs in enumerate(forms)
        for form in fs
        if len(form) >= TRUNCATED
    ]
    # "James S." for Jim Smith
    rows += [
        (T_GIVEN_INITIAL, g, family[i][0], i)
        for i, gs in enumerate(groups)
        if family[i]
        for g in gs
        if len(g) > 1 and g not in givens[i]
    ]
    rows += _swapped_keys(people, swapped or [False] * len(people))
    tags = np.array([r[0] for r in rows], dtype=np.int64)
    keys = _mix(tags, ev.str_hashes([r[1] for r in rows]), ev.str_hashes([r[2] for r in rows]))
    return keys, np.array([r[3] for r in rows], dtype=np.int64), _TAG_KIND[tags]


def _cut_handle_keys(people: list[Person]) -> tuple[np.ndarray, np.ndarray]:
    """Handle keys of the handles that cut a person's name short, whatever the display name
    says ("richard_whi6184", "nowakdari" for Dariusz Nowak): (key, person index)."""
    forms, rows = [], []
    for i, person in enumerate(people):
        for form in _cut_handles(person):
            forms.append(form)
            rows.append(i)
    hashes = ev.str_hashes(forms)
    keys = _mix(T_HANDLE, hashes, np.full(len(forms), _NO_HASH, np.int64).view(np.uint64))
    return keys, np.array(rows, dtype=np.int64)


def _cut_handles(person: Person) -> set[str]:
    """The handles a person's name gives when one of its names is cut short."""
    given = person.name.given
    if len(given) < 2:
        return set()
    forms: set[str] = set()
    for family in person.family_variants[:2]:
        forms |= cut_handles_from_name(given, family)
    return forms


def _account_keys(accounts: Accounts) -> tuple[np.ndarray, np.ndarray]:
    """Blocking keys of every account, one kind at a time over whole columns."""
    keys: list[np.ndarray] = []
    rows: list[np.ndarray] = []

    def add(tag: int, first: np.ndarray, second: np.ndarray | None, where) -> None:
        where = np.asarray(where, dtype=np.int64)
        second = (
            np.full(len(where), _NO_HASH, np.int64).view(np.uint64) if second is None else second
        )
        keys.append(_mix(tag, first, second))
        rows.append(where)

    hg, hf = accounts.hashes("given"), accounts.hashes("family")
    named = np.nonzero((hg != _NO_HASH) & (hf != _NO_HASH))[0]
    # names repeat: what is derived from a given or family name is computed once per name
    givens, g_of = _distinct(accounts.given, hg, named)
    families, f_of = _distinct(accounts.family, hf, named)
    add(T_NAME, hf[named], hg[named], named)
    add(T_NICK, hf[named], hg[named], named)
    add(T_INITIAL, hf[named], ev.str_hashes([g[0] for g in givens])[g_of], named)
    # "Rachel Dougherty (Owens)" is also Rachel Owens
    alt_named = np.nonzero(accounts.has_alt & (hg != _NO_HASH))[0]
    ha = accounts.hashes("alt_family")
    add(T_NAME, ha[alt_named], hg[alt_named], alt_named)
    add(T_NICK, ha[alt_named], hg[alt_named], alt_named)
    # every part of a longer family name, read either way ("Sofia Ribeiro Pereira-Santos
    # Silva", "SCHMIDT-BECKER Sophie", "Laura Lewis (née Taylor-Ellingham)")
    parted = named[np.fromiter(map(len, accounts.family_parts[named].tolist()), bool, len(named))]
    part_rows = [(k, part) for k in parted.tolist() for part in accounts.family_parts[k]]
    rows_ = np.array([k for k, _ in part_rows], dtype=np.int64)
    part_hashes = ev.str_hashes([part for _, part in part_rows])
    for tag in (T_NAME, T_NICK):
        add(tag, part_hashes, hg[rows_], rows_)
        add(tag, part_hashes, hf[rows_], rows_)
    add(T_NAME, ha[alt_named], hf[alt_named], alt_named)  # "SCHMIDT-BECKER Sophie"
    given_initials = ev.str_hashes([g[0] for g in accounts.given[rows_].tolist()])
    add(T_INITIAL, part_hashes, given_initials, rows_)
    # "Doe Jane" read the other way
    add(T_NAME, hg[named], hf[named], named)
    add(T_NICK, hg[named], hf[named], named)
    add(T_INITIAL, hg[named], ev.str_hashes([f[0] for f in families])[f_of], named)
    # nickname groups, and the endings of a long given name ("Babatunde" for a card's Tunde)
    groups = [[grp for grp in name_groups(g) if grp != g] + list(given_endings(g)) for g in givens]
    group_hashes = ev.str_hashes([grp for gs in groups for grp in gs])
    counts = np.array([len(gs) for gs in groups], dtype=np.int64)
    which = _expand((np.cumsum(counts) - counts)[g_of], counts[g_of])
    add(
        T_NAME,
        np.repeat(hf[named], counts[g_of]),
        group_hashes[which],
        np.repeat(named, counts[g_of]),
    )
    long = np.array([len(f) >= 4 for f in families], dtype=bool)[f_of]
    prefix = ev.str_hashes([f[:3] for f in families])[f_of]
    suffix = ev.str_hashes([f[-3:] for f in families])[f_of]
    add(T_PREFIX, hg[named[long]], prefix[long], named[long])
    add(T_SUFFIX, hg[named[long]], suffix[long], named[long])
    handle_len = np.fromiter(map(len, accounts.handle_key.tolist()), np.int64, len(accounts))
    with_handle = np.nonzero(handle_len >= 4)[0]
    add(T_HANDLE, accounts.hashes("handle_key")[with_handle], None, with_handle)
    # "realjanedoe", "jane_doe_pr", "janedoe1987": the name inside the handle
    core_hash = accounts.hashes("handle_core")
    cores = np.nonzero((core_hash != accounts.hashes("handle_key")) & (core_hash != _NO_HASH))[0]
    add(T_HANDLE, core_hash[cores], None, cores)
    core_lengths = np.fromiter(map(len, accounts.handle_core.tolist()), np.int64, len(accounts))
    long_core = np.nonzero(core_lengths >= TRUNCATED)[0]
    add(
        T_TRUNCATED,
        ev.str_hashes([c[:TRUNCATED] for c in accounts.handle_core[long_core].tolist()]),
        None,
        long_core,
    )
    # "Adam K.", and "Jack S." also for John
    one_letter = np.array([len(f) == 1 for f in families], dtype=bool)[f_of]
    add(T_GIVEN_INITIAL, hg[named[one_letter]], hf[named[one_letter]], named[one_letter])
    short = named[one_letter]
    short_groups = [[grp for grp in name_groups(g) if grp != g] for g in accounts.given[short]]
    short_counts = np.fromiter(map(len, short_groups), np.int64, len(short))
    add(
        T_GIVEN_INITIAL,
        ev.str_hashes([grp for gs in short_groups for grp in gs]),
        np.repeat(hf[short], short_counts),
        np.repeat(short, short_counts),
    )
    # "Dave" with the handle "kirkshawdave": the family name's first letters from the handle
    # and "Marie" at marie-richard.dev: from the website's name, when it holds the given name
    first_only = np.nonzero((hg != _NO_HASH) & (hf == _NO_HASH))[0]
    split: dict[int, tuple[list, list, list]] = {}
    for k, given, core, site in zip(
        first_only.tolist(),
        accounts.given[first_only].tolist(),
        accounts.handle_core[first_only].tolist(),
        _site_names(accounts.domain[first_only].tolist()),
        strict=True,
    ):
        if len(given) >= 2:
            parts = _handle_surname_parts(given, core)
            if given in site and site != core:
                parts = list(dict.fromkeys(parts + _handle_surname_parts(given, site)))
            for tag, part in parts:
                rows_, givens_, parts_ = split.setdefault(tag, ([], [], []))
                for name in name_groups(given):  # "dave" also stands for david
                    rows_.append(k)
                    givens_.append(name)
                    parts_.append(part)
    for tag, (rows_, givens_, parts_) in split.items():
        add(tag, ev.str_hashes(givens_), ev.str_hashes(parts_), np.array(rows_, dtype=np.int64))
    contact_rows, contact_hashes = _bio_contact_keys(accounts.bio.tolist())
    add(T_CONTACT, contact_hashes, None, contact_rows)
    domain_hash = accounts.hashes("domain")
    with_domain = np.nonzero(domain_hash != _NO_HASH)[0]
    generic = [ev.is_generic_host(d) for d in accounts.domain[with_domain].tolist()]
    with_domain = with_domain[~np.array(generic, dtype=bool)]
    add(T_DOMAIN, domain_hash[with_domain], None, with_domain)
    # a website spelling a name as handles do ("jose-guerrero.com"), as a handle would
    site_names = _site_names(accounts.domain[with_domain].tolist(), generic_checked=True)
    long_site = np.fromiter((len(n) >= 6 for n in site_names), bool, len(site_names))
    add(
        T_HANDLE,
        ev.str_hashes([n for n, keep in zip(site_names, long_site.tolist(), strict=True) if keep]),
        None,
        with_domain[long_site],
    )
    named_site = with_domain[hf[with_domain] != _NO_HASH]
    family_initials = [
        f"{f} {g[:1]}"
        for f, g in zip(
            accounts.family[named_site].tolist(), accounts.given[named_site].tolist(), strict=True
        )
    ]
    add(T_DOMAIN_NAME, domain_hash[named_site], ev.str_hashes(family_initials), named_site)
    bios = ev.distinct(accounts.bio.tolist())
    bio_rows, bio_hashes = _bio_mentions(bios.values)
    counts = np.bincount(bio_rows, minlength=len(bios.values))
    per_account = counts[bios.of_row]
    mention_rows = np.repeat(np.arange(len(accounts)), per_account)
    mention_hashes = bio_hashes[_expand((np.cumsum(counts) - counts)[bios.of_row], per_account)]
    display_rows, display_hashes = _display_orgs(accounts.display.tolist())
    mention_rows = np.concatenate([mention_rows, display_rows])
    mention_hashes = np.concatenate([mention_hashes, display_hashes])
    named_given = hg[mention_rows] != _NO_HASH
    mention_rows = mention_rows[named_given]
    add(T_ORG, hg[mention_rows], mention_hashes[named_given], mention_rows)
    return np.concatenate(keys), np.concatenate(rows)


def _site_names(domains: list[str], generic_checked: bool = False) -> list[str]:
    """The letters of each website's first label ("marierichard" of marie-richard.dev); ""
    for none, or for a host anyone's pages are on (unless the caller left those out)."""
    names: dict[str, str] = {}  # employers' domains repeat
    for d in set(domains):
        generic = not d or (not generic_checked and ev.is_generic_host(d))
        names[d] = "" if generic else "".join(c for c in d.split(".", 1)[0] if c.isalpha())
    return [names[d] for d in domains]


def _handle_surname_parts(given: str, core: str) -> list[tuple[int, str]]:
    """What the handle of a profile showing only a given name tells of the family name, as
    (tag, part) blocking keys: its first letters, after a middle initial ("hungmtran"), its
    last letters (a typo in between)."""
    if given not in core:  # "Piotr" @wisniewski_88, "Sarah" @staylor: a family name alone
        return [(T_PREFIX, core[start : start + 3]) for start in (0, 1) if len(core) - start >= 4]
    parts = []
    after = core[len(given) :] if core.startswith(given) else ""
    for rest in (after, core.split(given)[0]):
        if len(rest) >= 3:
            parts.append((T_PREFIX, rest[:3]))
        if len(rest) >= 5:
            parts += [(T_PREFIX, rest[1:4]), (T_SUFFIX, rest[-3:])]
    return parts


def _looks_swapped(people: list[Person], accounts: Accounts) -> list[bool]:
    """Cards whose given name is more often a family name on the profiles than a given name,
    and whose family name more often a given name ("Smith | Rachael"): the names the profiles
    bear say which word is which."""
    given = _counter(accounts.hashes("given"))
    family = _counter(accounts.hashes("family"))
    firsts = ev.str_hashes([_given_column_last(p) for p in people])
    lasts = ev.str_hashes([p.name.family for p in people])
    return ((family(firsts) > given(firsts)) & (given(lasts) >= family(lasts))).tolist()


def _given_column_last(person: Person) -> str:
    """The last word of what the card gives as the given name(s): "boer" of "de Boer | Bram"
    and "farsi" of "Al-Farsi | Faisal", a family name with its particle in the wrong column."""
    return person.name.others[-1] if person.name.others else person.name.given


def _counter(hashes: np.ndarray):
    """A function counting how often each of some hashes occurs among ``hashes``."""
    keys, counts = np.unique(hashes, return_counts=True)

    def count(wanted: np.ndarray) -> np.ndarray:
        if not len(keys):
            return np.zeros(len(wanted), dtype=np.int64)
        pos = np.minimum(ev.search_sorted(keys, wanted), len(keys) - 1)
        return np.where(keys[pos] == wanted, counts[pos], 0)

    return count


def _swapped_keys(people: list[Person], swapped: list[bool]) -> list[tuple[int, str, str, int]]:
    """A card with the given and family names in each other's columns ("Smith | Rachael",
    "Nowak | Katarzyna") still meets the profile's nickname or initial of the given name, or a
    misspelling of it ("Rachel Smith", "K. Nowak")."""
    rows = []
    for i, p in enumerate(people):
        first, last = _given_column_last(p), p.name.family
        if not swapped[i] or not first or not last or " " in last or min(len(first), len(last)) < 2:
            continue
        rows += [(T_NICK, first, g, i) for g in name_groups(last) | set(given_endings(last))]
        rows.append((T_INITIAL, first, last[0], i))
    return rows


def _bio_contact_keys(bios: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(row, hash) of every e-mail address and phone number written in the bios: one
    regular-expression pass over them all finds the few bios that hold one."""
    from audience.matching.signals import bio_contacts, contact_hint_rows

    rows, keys = [], []
    for k in contact_hint_rows(bios):
        for key in bio_contacts(bios[k]):
            rows.append(k)
            keys.append(key)
    return np.array(rows, dtype=np.int64), ev.str_hashes(keys)


def _distinct(column: np.ndarray, hashes: np.ndarray, rows: np.ndarray):
    """The distinct strings of ``column[rows]`` and, for each row, the index of its string."""
    _, first, inverse = np.unique(hashes[rows], return_index=True, return_inverse=True)
    return column[rows[first]].tolist(), inverse.reshape(-1)


def _expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])`` without the loop."""
    total = int(counts.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + offsets


def _org_stems(orgs: OrgKeys) -> set[str]:
    """The blocking stems of a card's organisation keys: its glued names (its group's
    among them) cut to ORG_STEM letters, and its short forms as short as an acronym. Not a
    first or last word cut short: "Consulting" would meet every bio's "Consultant"."""
    short = {key for key in orgs.short if len(key) < ORG_STEM}
    return {key[:ORG_STEM] for key in orgs.full | short if len(key) >= 2}


def org_stem(phrase: str) -> str:
    """The blocking stem of an organisation as a bio writes it ("Clear Harbour", "@PwC",
    "PricewaterhouseCoopers"): its group's name in the alias table, else its glued words."""
    return org_group(phrase)[:ORG_STEM]


def _bio_mentions(bios: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(row, hash of the organisation stem) for the first ten @mentions and runs of capitalised
    words of each bio, found by one regular-expression pass over all the bios."""
    blob = "\n".join(b.replace("\n", " ") if b else "" for b in bios)
    found = _MENTION_RE.findall(blob)
    # row breaks are the one-character matches; words are at least two characters long
    lengths = np.fromiter(map(len, found), np.int64, len(found))
    is_break = lengths == 1
    row_of = np.cumsum(is_break)
    stems = {text: org_stem(text) for text in set(found)}  # names repeat across bios
    hashes = ev.str_hashes([stems[text] for text in found])
    word = np.nonzero(~is_break)[0]
    rows = row_of[word]
    first_of_row = np.searchsorted(rows, rows)  # rows ascend: index of the row's first word
    rank = np.arange(len(word)) - first_of_row
    keep = (rank < 10) & (hashes[word] != _EMPTY_STEM)  # "At home": no organisation
    return rows[keep], hashes[word][keep]


def _display_orgs(displays: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(row, hash of the organisation stem) of the display names that name an employer after
    the name ("Emma Smith @ Crown Green Software", "Pierre Martin | ING Bank")."""
    from audience.matching.signals import _rows_of

    blob = "\n".join(d.replace("\n", " ") if d else "" for d in displays)
    found = [(m.start(), m.group(1)) for m in _DISPLAY_ORG_RE.finditer(blob)]
    stem_of = {org: org_stem(org) for _, org in found}
    found = [(at, org) for at, org in found if stem_of[org]]
    rows = _rows_of(displays, [at for at, _ in found])
    return rows.astype(np.int64), ev.str_hashes([stem_of[org] for _, org in found])


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


def unscored_namesakes(people: list[Person], accounts: Accounts, f: ev.PairFeatures) -> np.ndarray:
    """For each person, the profiles bearing exactly their name that were not scored (a name
    too common to block on): they compete all the same, as candidates without evidence. Each
    is weighed as the exact name at the name's rarity would be (odds relative to 0)."""
    hf, hg = accounts.hashes("family"), accounts.hashes("given")
    account_keys = _mix(T_NAME, hf, hg)
    codes, counts = np.unique(account_keys, return_counts=True)
    wanted = _mix(
        T_NAME,
        ev.str_hashes([p.name.family.rpartition(" ")[2] for p in people]),
        ev.str_hashes([p.name.given for p in people]),
    )
    pos = np.minimum(ev.search_sorted(codes, wanted), len(codes) - 1)
    bearing = np.where(codes[pos] == wanted, counts[pos], 0)
    # the scored pairs among those bearers (a "Susanne Schmidt" scored as a half of "Susanne
    # Krüger-Schmidt" is one of them: she competes once, not twice; so does "Maria Rodrigues
    # Lopes" for Maria Loumães Lopes, scored low for her other family name)
    bears = np.nonzero(account_keys[f.ai] == wanted[f.pi])[0]
    scored = np.bincount(f.pi[bears], minlength=len(people))
    count = np.maximum(bearing - scored, 0).astype(np.float64)
    # each weighs what a scored namesake showing the name alone would: the exact name at the
    # name's rarity (a "James Smith" among hundreds counts for less than odds 0)
    rarity = np.zeros(len(people))
    plain = np.nonzero(~f.both_families)[0]
    rarity[f.pi[plain]] = f.rarity[plain]
    return count * np.exp(ev.RARITY_WEIGHT * rarity)


def candidate_probabilities(
    pi: np.ndarray, odds: np.ndarray, unscored: np.ndarray | None = None
) -> np.ndarray:
    """For each pair, the probability that its account is the person's: its odds against the
    odds of the person's other candidates and of none of them (a softmax per person). Two
    namesakes with the same evidence share the probability; one with a clue takes most of it.
    ``unscored`` (per person) weighs the namesakes that were not scored (see
    :func:`unscored_namesakes`), beside the exact name's odds."""
    if not len(pi):
        return np.zeros(0)
    order = np.argsort(pi, kind="stable")
    sorted_pi = pi[order]
    starts = np.nonzero(np.r_[True, sorted_pi[1:] != sorted_pi[:-1]])[0]
    top = np.maximum.reduceat(odds[order], starts)
    top = np.maximum(top, NONE_ODDS)
    group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(order)]))
    shifted = np.exp(odds[order] - top[group])
    total = np.add.reduceat(shifted, starts) + np.exp(NONE_ODDS - top)
    if unscored is not None:  # each with the odds of an exact name and nothing else
        total += unscored[sorted_pi[starts]] * np.exp(ev.NAME_EXACT - top)
    probabilities = np.empty(len(pi))
    probabilities[order] = shifted / total[group]
    return probabilities


def _decide(
    f: ev.PairFeatures,
    people: list[Person],
    accounts: Accounts,
    accept: float,
    review: float,
    summary: MatchSummary,
) -> list[Proposal]:
    worth = np.nonzero(f.score >= review)[0]  # the rest can neither win nor tie
    if not len(worth):
        return []
    order = worth[np.lexsort((-f.score[worth], f.pi[worth]))]
    scores = f.score[order].tolist()
    starts = np.unique(f.pi[order], return_index=True)[1].tolist()
    chosen: list[tuple[int, str, int]] = []  # (position in order, status, candidates alike)
    for start, end in zip(starts, starts[1:] + [len(order)], strict=True):
        best = scores[start]
        close = [j for j in range(start, min(end, start + 5)) if best - scores[j] < TIE_MARGIN]
        tie = len(close) > 1
        summary.ties += tie
        status = "accepted" if best >= accept and not tie else "review"
        chosen += [(j, status, len(close)) for j in close] if tie else [(start, status, 0)]
        runners_up = range(start + len(close), min(end, start + REVIEW_DEPTH))
        chosen += [(j, "review", 0) for j in runners_up]
    picked = order[[j for j, _, _ in chosen]]
    evidence = ev.evidence_for_pairs(f, picked, people, accounts)
    person_ids = [people[i].id for i in f.pi[picked].tolist()]
    account_ids = accounts.ids[f.ai[picked]].tolist()
    proposals = []
    for n, (j, status, alike) in enumerate(chosen):
        if alike:
            evidence[n].append(
                {"kind": "tie", "detail": f"{alike} candidates score alike", "weight": 0.0}
            )
        proposals.append(
            Proposal(
                person_ids[n],
                account_ids[n],
                accounts.platform,
                round(scores[j], 4),
                evidence[n],
                "fuzzy",
                status,
            )
        )
    return proposals


def _resolve_accounts(
    proposals: list[Proposal], summary: MatchSummary, same_card: dict[int, str] | None = None
) -> list[Proposal]:
    """One account, one person: when several people claim it, only a clear winner keeps it.
    Two cards of one person (the same name twice in the book, ``same_card`` maps a person to
    their name) are no rivals: both keep the account."""
    same_card = same_card or {}
    by_account: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        by_account.setdefault(proposal.account_id, []).append(proposal)
    for group in by_account.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda p: (p.method.startswith("exact"), p.score), reverse=True)
        first = group[0]
        name = same_card.get(first.person_id)
        twins = [p for p in group[1:] if name and same_card.get(p.person_id) == name]
        rivals = [p for p in group[1:] if p not in twins]
        if not rivals:
            continue
        second = rivals[0]
        clear = first.method.startswith("exact") and not second.method.startswith("exact")
        clear = clear or first.score - second.score >= TIE_MARGIN
        for proposal in rivals if clear else group:
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
        # not correlated with the outer row: evaluated once, not once per account
        "UPDATE accounts SET person_id = NULL WHERE id IN (SELECT a.id FROM accounts a JOIN "
        f"(SELECT account_id, person_id {stale} AND status = 'accepted') s "
        "ON a.id = s.account_id AND a.person_id = s.person_id) "
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
                _to_json(p.evidence),
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
