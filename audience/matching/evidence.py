"""Evidence that a contact and a profile are the same person, computed for many pairs at once.

People are few (a contact book) and loaded as objects; accounts may be a million, so they are
kept as columns and only the accounts that reach the scoring stage get their bios folded.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from audience.matching.identity import card_refs, profile_refs
from audience.matching.names import (
    PARODY_RE,
    ParsedName,
    clean_display_names,
    compact,
    fold,
    handle_id,
    handles_from_name,
    org_domain,
    org_key,
    parse_name,
    personal_local_part,
    sorted_letters,
    split_clean_name,
    url_domain,
    words,
    words_many,
)
from audience.store import Store

# Weights of each kind of evidence in the 0..1 score; see score_pairs.
NAME_WEIGHT = 0.55
WEIGHTS = {
    "email_handle": 0.60,
    "email_handle_name_like": 0.20,
    "handle_from_name": 0.08,
    "domain_website": 0.30,
    "org_in_bio": 0.30,
    "title_in_bio": 0.10,
    "city_in_location": 0.12,
    "rare_name": 0.10,
    "location_conflict": -0.08,
    "parody": -0.60,
    "organisation_account": -0.40,
}

# Blocking kinds (bit flags): how a candidate pair was found.
K_NAME = 1  # same family name and compatible given names (nickname groups)
K_INITIAL = 2  # same family name and given initial
K_FUZZY = 4  # same given name, family names share a prefix or suffix
K_HANDLE = 8  # the handle is one a person with this name or e-mail would pick
K_DOMAIN = 16  # the profile's website is on the e-mail's domain
K_ORG = 32  # same given name and the bio names the organisation


@dataclass
class Person:
    id: int
    label: str
    name: ParsedName
    alt_given: tuple[str, ...] = ()
    family_variants: tuple[str, ...] = ()
    emails: list[str] = field(default_factory=list)
    locals: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    org: str = ""
    title: str = ""
    city: str = ""
    refs: set[tuple[str, str]] = field(default_factory=set)  # named in the contact card
    linked_refs: set[tuple[str, str]] = field(default_factory=set)  # named by linked profiles

    @property
    def usable(self) -> bool:
        return bool((self.name.given and self.name.family) or self.locals)

    @property
    def handle_forms(self) -> set[str]:
        forms = set()
        for given in (self.name.given, *self.alt_given):
            for family in self.family_variants or (self.name.family,):
                forms |= handles_from_name(ParsedName(given, family))
        return {f for f in forms if len(f) >= 4}


_PEOPLE_SQL = "SELECT id, name, given_name, family_name, organisation, title, city FROM people"
_CONTACTS_SQL = (
    "SELECT person_id, full_name, given_name, family_name, nickname, organisation, title, city, "
    "emails, urls, social, linkedin_url FROM contacts"
)


def load_people(store: Store, person_ids: list[int] | None = None) -> list[Person]:
    """People with everything their contact cards say that matching can use."""
    where, params = "", []
    if person_ids is not None:
        where = f" WHERE id IN ({','.join('?' * len(person_ids))})"
        params = list(person_ids)
    people = {
        row[0]: _person_from_row(*row)
        for row in store.execute(f"{_PEOPLE_SQL}{where} ORDER BY id", params)
    }
    for row in store.execute(_CONTACTS_SQL + where.replace(" WHERE id", " WHERE person_id"), params):
        person = people.get(row[0])
        if person is not None:
            _add_contact(person, *row[1:])
    for person_id, kind, value in store.execute(
        "SELECT c.person_id, p.kind, p.value FROM contact_points p "
        "JOIN contacts c ON c.id = p.contact_id"
    ):
        person = people.get(person_id)
        if person is not None:
            _add_point(person, kind, value)
    for person in people.values():
        _finish(person)
    return list(people.values())


def _person_from_row(person_id, name, given, family, org, title, city) -> Person:
    parsed = parse_name(name, given, family)
    return Person(
        id=person_id,
        label=name or parsed.full,
        name=parsed,
        org=org_key(org),
        title=fold(title),
        city=fold(city),
    )


def _add_contact(
    person: Person, full, given, family, nickname, org, title, city, emails, urls, social, linkedin
) -> None:
    name = parse_name(full, given, family)
    if not person.name.family and name.family or not person.name.given:
        person.name = name
    alts = [w for w in (words(nickname)[:1] + [name.given]) if w] if nickname else [name.given]
    person.alt_given = tuple(dict.fromkeys((*person.alt_given, *alts)))
    person.org = person.org or org_key(org)
    person.title = person.title or fold(title)
    person.city = person.city or fold(city)
    person.emails += _json_list(emails)
    for url in _json_list(urls):
        person.refs |= profile_refs(url)
    for entry in _json_list(social):
        if isinstance(entry, (list, tuple)) and len(entry) == 2:
            person.refs |= card_refs(str(entry[0]), str(entry[1]))
        elif isinstance(entry, str):
            person.refs |= profile_refs(entry)
    if linkedin:
        person.refs |= profile_refs(linkedin)


def _json_list(text: str | None) -> list:
    return json.loads(text) if text and text != "[]" else []


def _add_point(person: Person, kind: str, value: str) -> None:
    if kind == "email":
        person.emails.append(value)
    elif kind in ("handle", "linkedin", "url", "social"):
        platform, sep, rest = value.partition(":")
        if (
            sep
            and not rest.startswith("//")
            and platform.lower() in ("x", "twitter", "bluesky", "bsky", "mastodon", "linkedin")
        ):
            person.refs |= card_refs(platform, rest)
        else:
            person.refs |= profile_refs(value)


def _finish(person: Person) -> None:
    person.emails = list(dict.fromkeys(e.strip().lower() for e in person.emails if e))
    person.locals = [lp for lp in dict.fromkeys(map(personal_local_part, person.emails)) if lp]
    person.domains = [d for d in dict.fromkeys(map(org_domain, person.emails)) if d]
    person.alt_given = tuple(g for g in person.alt_given if g and g != person.name.given)
    family_words = person.name.family.split()
    variants = [person.name.family.replace(" ", "")] + [w for w in family_words if len(w) >= 3]
    person.family_variants = tuple(dict.fromkeys(v for v in variants if v))


@dataclass
class Accounts:
    """One platform's candidate accounts as columns: raw texts as numpy object arrays, and what
    matching derives from them (parsed names, handle and website keys) computed once for all."""

    platform: str
    ids: np.ndarray
    handle: np.ndarray
    display: np.ndarray
    bio: np.ndarray
    location: np.ndarray
    website: np.ndarray
    is_org: np.ndarray  # bool
    given: np.ndarray = None
    family: np.ndarray = None
    full: np.ndarray = None
    handle_key: np.ndarray = None  # handle without separators (digits kept)
    domain: np.ndarray = None  # the website's host, "" without one
    name_count: np.ndarray = None
    _hashes: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def hashes(self, column: str) -> np.ndarray:
        """``hash()`` of every string of a derived column, as uint64 (computed once)."""
        if column not in self._hashes:
            self._hashes[column] = str_hashes(getattr(self, column).tolist())
        return self._hashes[column]


def load_accounts(store: Store, platform: str) -> Accounts:
    cursor = store.execute(
        "SELECT id, handle, display_name, bio, location, website, "
        "coalesce(is_organisation, 0) FROM accounts "
        "WHERE platform = ? AND state NOT IN ('deleted', 'suspended') "
        "AND (handle IS NOT NULL OR display_name IS NOT NULL)",
        [platform],
    )
    columns = list(zip(*cursor.fetchall(), strict=True)) or [()] * 7
    del cursor
    texts = [np.array(col, dtype=object) for col in columns[1:6]]
    ids = np.array(columns[0], dtype=np.int64)
    is_org = np.array(columns[6], dtype=bool)
    accounts = Accounts(platform, ids, *texts, is_org)
    parse_account_names(accounts)
    return accounts


def parse_account_names(accounts: Accounts) -> None:
    """Given and family name of every display name, handle and website keys, name counts."""
    cleaned = clean_display_names(accounts.display.tolist())
    given = [c.partition(" ")[0] for c in cleaned]
    family = [c.rpartition(" ")[2] if " " in c else "" for c in cleaned]
    full = [f"{g} {f}" if f else g for g, f in zip(given, family, strict=True)]
    accounts.given = np.array(given, dtype=object)
    accounts.family = np.array(family, dtype=object)
    accounts.full = np.array(full, dtype=object)
    accounts.handle_key = np.array(handle_ids(accounts.handle.tolist()), dtype=object)
    accounts.domain = np.array(url_domains(accounts.website.tolist()), dtype=object)
    codes = np.unique(accounts.hashes("full"), return_inverse=True, return_counts=True)
    accounts.name_count = codes[2][codes[1].reshape(-1)]


def str_hashes(texts: list[str]) -> np.ndarray:
    """Python's (per-process) string hashes as uint64: blocking keys and set membership tests
    compare these numbers instead of building and comparing strings."""
    return np.fromiter(map(hash, texts), dtype=np.int64, count=len(texts)).view(np.uint64)


@dataclass
class PairFeatures:
    """Scores for pairs (people[pi[k]], accounts[ai[k]]); name in 0..1, flags as bools."""

    pi: np.ndarray
    ai: np.ndarray
    kinds: np.ndarray
    name: np.ndarray
    name_exact: np.ndarray
    email_handle: np.ndarray
    email_handle_name_like: np.ndarray
    handle_from_name: np.ndarray
    domain_website: np.ndarray
    org_in_bio: np.ndarray
    title_in_bio: np.ndarray
    city_in_location: np.ndarray
    location_conflict: np.ndarray
    rare_name: np.ndarray
    parody: np.ndarray
    organisation_account: np.ndarray
    score: np.ndarray = None


class _PeopleColumns:
    def __init__(self, people: list[Person]):
        def col(values):
            return np.array(values, dtype=object)

        self.full = col([p.name.full if p.name.family else p.name.given for p in people])
        self.given = col([p.name.given for p in people])
        self.locals = [set(p.locals) for p in people]
        self.locals_sorted = [
            {sorted_letters(lp) for lp in p.locals if len(lp) >= 5} for p in people
        ]
        self.domains = [set(p.domains) for p in people]
        self.org = col([compact(p.org) for p in people])
        self.org_word = col([_org_word(p.org) for p in people])
        self.title = col([p.title for p in people])
        self.city = col([p.city for p in people])
        self.forms = [
            p.handle_forms | {g for g in (p.name.given, *p.alt_given) if g} for p in people
        ]


_GENERIC_ORG_WORDS = frozenset(
    [
        "news",
        "media",
        "global",
        "group",
        "international",
        "digital",
        "national",
        "studio",
        "studios",
        "radio",
        "press",
        "daily",
        "world",
        "times",
        "first",
        "united",
        "general",
        "public",
        "central",
        "north",
        "south",
        "east",
        "west",
        "royal",
        "city",
    ]
)


def _org_word(org: str) -> str:
    """The organisation's first word when it is distinctive enough to count on its own."""
    first = org.split()[0] if org else ""
    return first if len(first) >= 5 and first not in _GENERIC_ORG_WORDS else ""


def compute_features(
    people: list[Person], accounts: Accounts, pi: np.ndarray, ai: np.ndarray, kinds: np.ndarray
) -> PairFeatures:
    cols = _PeopleColumns(people)
    uniq = np.unique(ai)
    bio_full = _scatter(len(accounts), uniq, words_many(accounts.bio[uniq].tolist()))
    bio_compact = _scatter(len(accounts), uniq, [b.replace(" ", "") for b in bio_full[uniq]])
    location = _scatter(len(accounts), uniq, words_many(accounts.location[uniq].tolist()))
    website = _lazy(accounts.website, uniq, url_domain)
    parody = np.zeros(len(accounts), dtype=bool)
    parody[uniq] = [
        bool(PARODY_RE.search(b)) or f.startswith("not ") or "parody" in f
        for b, f in zip(bio_full[uniq].tolist(), accounts.full[uniq].tolist(), strict=True)
    ]

    p_full, a_full = cols.full[pi], accounts.full[ai]
    full_sim = _cpdist(fuzz.token_sort_ratio, p_full, a_full)
    name_exact = full_sim >= 100
    fuzzy = np.clip((full_sim - 70.0) / 30.0, 0, 1) * 0.9
    initial = ((kinds & K_INITIAL) > 0) & (
        (np.vectorize(len, otypes=[int])(accounts.given[ai]) == 1)
        | (np.vectorize(len, otypes=[int])(cols.given[pi]) == 1)
    )
    name = np.where(
        name_exact, 1.0, np.where((kinds & K_NAME) > 0, 0.92, np.where(initial, 0.8, fuzzy))
    )
    same_given = (kinds & K_ORG) > 0
    name = np.where(same_given & (name < 0.45), 0.45, name)

    handle = accounts.handle_key[ai]
    handle_sorted = _lazy(accounts.handle_key, uniq, sorted_letters)[ai]
    local_hit = np.array(
        [h in cols.locals[i] for h, i in zip(handle.tolist(), pi.tolist(), strict=True)],
        dtype=bool,
    )
    anagram = np.array(
        [
            h in cols.locals_sorted[i]
            for h, i in zip(handle_sorted.tolist(), pi.tolist(), strict=True)
        ],
        dtype=bool,
    )
    email_any = (local_hit | anagram) & (np.fromiter(map(len, handle), dtype=np.int64) >= 4)
    name_like = np.array([h in cols.forms[i] for h, i in zip(handle, pi, strict=True)], dtype=bool)
    domain = np.array(
        [bool(w) and w in cols.domains[i] for w, i in zip(website[ai], pi, strict=True)],
        dtype=bool,
    )
    has_bio = bio_full[ai] != ""
    org_long = np.fromiter(map(len, cols.org[pi]), dtype=np.int64, count=len(pi)) >= 5
    org_sim = _masked_cpdist(fuzz.partial_ratio, cols.org[pi], bio_compact[ai], org_long & has_bio)
    org_word_hit = _contains_word(cols.org_word[pi], bio_full[ai])
    org_in_bio = ((org_sim >= 95) & org_long) | org_word_hit
    title_ok = np.fromiter(map(len, cols.title[pi]), dtype=np.int64, count=len(pi)) >= 4
    title_in_bio = (
        _masked_cpdist(fuzz.partial_ratio, cols.title[pi], bio_full[ai], title_ok & has_bio) >= 95
    )
    has_both = (cols.city[pi] != "") & (location[ai] != "")
    city_sim = _masked_cpdist(fuzz.partial_ratio, cols.city[pi], location[ai], has_both)
    return PairFeatures(
        pi=pi,
        ai=ai,
        kinds=kinds,
        name=name,
        name_exact=name_exact,
        email_handle=email_any & ~name_like,
        email_handle_name_like=email_any & name_like,
        handle_from_name=name_like & ~email_any,
        domain_website=domain,
        org_in_bio=org_in_bio,
        title_in_bio=title_in_bio,
        city_in_location=has_both & (city_sim >= 90),
        location_conflict=has_both & (city_sim < 60),
        rare_name=(name >= 0.92) & (accounts.name_count[ai] == 1),
        parody=parody[ai],
        organisation_account=np.array([bool(x) for x in accounts.is_org[ai]], dtype=bool),
    )


def score_pairs(f: PairFeatures) -> np.ndarray:
    """Name counts 0.55; context (organisation, domain, title, city) counts in proportion to how
    well the name agrees, so a colleague at the same company never scores on context alone."""
    context = (
        WEIGHTS["domain_website"] * f.domain_website
        + WEIGHTS["org_in_bio"] * f.org_in_bio
        + WEIGHTS["title_in_bio"] * f.title_in_bio
        + WEIGHTS["city_in_location"] * f.city_in_location
        + WEIGHTS["rare_name"] * f.rare_name
        + WEIGHTS["handle_from_name"] * f.handle_from_name
        + WEIGHTS["location_conflict"] * f.location_conflict
    )
    identity = (
        WEIGHTS["email_handle"] * f.email_handle
        + WEIGHTS["email_handle_name_like"] * f.email_handle_name_like
    )
    penalty = (
        WEIGHTS["parody"] * f.parody + WEIGHTS["organisation_account"] * f.organisation_account
    )
    score = NAME_WEIGHT * f.name + context * np.minimum(1.0, f.name / 0.8) + identity + penalty
    f.score = np.clip(score, 0.0, 1.0)
    return f.score


def evidence_for(f: PairFeatures, k: int, person: Person, accounts: Accounts) -> list[dict]:
    """The evidence list stored with one match: [{kind, detail, weight}]."""
    a = f.ai[k]
    handle = accounts.handle[a] or ""
    display = accounts.display[a] or handle
    items = [
        {
            "kind": "name",
            "detail": f"{person.label!s} ~ {display!s}",
            "weight": round(NAME_WEIGHT * float(f.name[k]), 3),
        }
    ]
    details = {
        "email_handle": lambda: f"e-mail {_local_email(person)} ~ handle @{handle}",
        "email_handle_name_like": lambda: f"e-mail {_local_email(person)} ~ handle @{handle}",
        "handle_from_name": lambda: f"handle @{handle} is built from the name",
        "domain_website": lambda: (
            f"website {accounts.website[a]} on e-mail domain {', '.join(person.domains)}"
        ),
        "org_in_bio": lambda: f"bio names {person.org}",
        "title_in_bio": lambda: f"bio names title {person.title}",
        "city_in_location": lambda: f"location {accounts.location[a]} ~ {person.city}",
        "location_conflict": lambda: f"location {accounts.location[a]} vs {person.city}",
        "rare_name": lambda: "only profile with this name",
        "parody": lambda: "parody or fan account",
        "organisation_account": lambda: "organisation account",
    }
    for kind, detail in details.items():
        if bool(getattr(f, kind)[k]):
            items.append({"kind": kind, "detail": detail(), "weight": WEIGHTS[kind]})
    return items


def _local_email(person: Person) -> str:
    return next((e for e in person.emails if personal_local_part(e)), "")


def _lazy(column: np.ndarray, rows: np.ndarray, transform) -> np.ndarray:
    out = np.full(len(column), "", dtype=object)
    for k in rows:
        out[k] = transform(column[k])
    return out


def _scatter(size: int, rows: np.ndarray, values: list[str]) -> np.ndarray:
    out = np.full(size, "", dtype=object)
    out[rows] = values
    return out


def _masked_cpdist(scorer, left: np.ndarray, right: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Scores only where ``mask`` holds (0 elsewhere): most pairs have no bio or no city."""
    out = np.zeros(len(left), dtype=np.float32)
    where = np.nonzero(mask)[0]
    out[where] = _cpdist(scorer, left[where], right[where])
    return out


def _cpdist(scorer, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    if len(left) == 0:
        return np.zeros(0, dtype=np.float32)
    return process.cpdist(list(left), list(right), scorer=scorer, workers=-1, dtype=np.float32)


def _sorted_col(values: np.ndarray) -> np.ndarray:
    cache: dict[str, str] = {}
    return np.array([cache.setdefault(v, sorted_letters(v)) for v in values], dtype=object)


def _contains_word(needles: np.ndarray, haystacks: np.ndarray) -> np.ndarray:
    return np.array(
        [bool(n) and f" {n} " in f" {h} " for n, h in zip(needles, haystacks, strict=True)],
        dtype=bool,
    )
