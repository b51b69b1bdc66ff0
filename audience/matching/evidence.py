"""Evidence that a contact and a profile are the same person, computed for many pairs at once.

People are few (a contact book) and loaded as objects; accounts may be a million, so they are
kept as columns and only the accounts that reach the scoring stage get their bios folded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from rapidfuzz import fuzz, process

from audience.matching.identity import card_refs, profile_refs
from audience.matching.names import (
    PARODY_RE,
    ParsedName,
    alternate_family_names,
    clean_display_names,
    compact,
    fold,
    handle_ids,
    handles_from_name,
    org_domain,
    org_key,
    parse_name,
    personal_local_part,
    sorted_letters,
    url_domains,
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

    @cached_property
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
    for row in store.execute(
        _CONTACTS_SQL + where.replace(" WHERE id", " WHERE person_id"), params
    ):
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
    labels = [person.label for person in people.values()]
    for person, alt_family in zip(people.values(), alternate_family_names(labels), strict=True):
        _finish(person, alt_family)
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


def _finish(person: Person, alt_family: str = "") -> None:
    person.emails = list(dict.fromkeys(e.strip().lower() for e in person.emails if e))
    person.locals = [lp for lp in dict.fromkeys(map(personal_local_part, person.emails)) if lp]
    person.domains = [d for d in dict.fromkeys(map(org_domain, person.emails)) if d]
    person.alt_given = tuple(g for g in person.alt_given if g and g != person.name.given)
    family_words = person.name.family.split()
    variants = [person.name.family.replace(" ", "")] + [w for w in family_words if len(w) >= 3]
    variants.append(alt_family)  # "Rachel Dougherty (Owens)" in the book: also Rachel Owens
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
    full_sorted: np.ndarray = None
    alt_family: np.ndarray = None  # "Rachel Dougherty (Owens)": "owens"; "" for none
    alt_full_sorted: np.ndarray = None  # the given name with it, words in order
    has_alt: np.ndarray = None  # bool
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


_TEXT_COLUMNS = ("handle", "display_name", "bio", "location", "website")
_ACCOUNTS_SQL = (
    "SELECT group_concat(id, ','), group_concat(CASE WHEN is_organisation THEN 1 ELSE 0 END, ','), "
    + ", ".join(
        f"group_concat(coalesce(replace({c}, char(10), ' '), ''), char(10))" for c in _TEXT_COLUMNS
    )
    # +platform: a scan in table order, not a million look-ups through the handle index
    + " FROM accounts WHERE id BETWEEN ? AND ? AND +platform = ? "
    "AND state NOT IN ('deleted', 'suspended') AND (handle IS NOT NULL OR display_name IS NOT NULL)"
)
_CHUNK = 200_000


def load_accounts(store: Store, platform: str) -> Accounts:
    """One platform's accounts, read as a few long strings per chunk of rows (SQLite joins
    them far faster than Python builds a million row tuples)."""
    low, high = store.execute("SELECT min(id), max(id) FROM accounts").fetchone()
    chunks = []
    for start in range(low or 0, (high or -1) + 1, _CHUNK):
        row = store.execute(_ACCOUNTS_SQL, [start, start + _CHUNK - 1, platform]).fetchone()
        if row[0] is not None:
            chunks.append(row)
    ids = _int_list(",".join(c[0] for c in chunks))
    is_org = _int_list(",".join(c[1] for c in chunks))
    texts = []
    for k in range(len(_TEXT_COLUMNS)):
        blob = "\n".join(c[2 + k] for c in chunks)
        texts.append(np.array(blob.split("\n") if chunks else [], dtype=object))
    accounts = Accounts(platform, ids, *texts, is_org == 1)
    parse_account_names(accounts)
    return accounts


def _int_list(text: str) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, np.int64)


def parse_account_names(accounts: Accounts) -> None:
    """Given and family name of every display name, handle and website keys, name counts."""
    displays = distinct(accounts.display.tolist())
    cleaned = clean_display_names(displays.values)
    given = [c.partition(" ")[0] for c in cleaned]
    family = [c.rpartition(" ")[2] if " " in c else "" for c in cleaned]
    full = [f"{g} {f}" if f else g for g, f in zip(given, family, strict=True)]
    # the name's words in order, as token_sort_ratio compares them
    accounts.full_sorted = displays.spread(
        [f"{f} {g}" if f and f < g else n for g, f, n in zip(given, family, full, strict=True)]
    )
    alt = [
        a if a != f and g else ""
        for a, g, f in zip(alternate_family_names(displays.values), given, family, strict=True)
    ]
    accounts.alt_family = displays.spread(alt)
    accounts.alt_full_sorted = displays.spread(
        [" ".join(sorted((g, a))) if a else "" for g, a in zip(given, alt, strict=True)]
    )
    accounts.has_alt = displays.spread([bool(a) for a in alt]).astype(bool)
    accounts.given = displays.spread(given)
    accounts.family = displays.spread(family)
    accounts.full = displays.spread(full)
    accounts.handle_key = np.array(handle_ids(accounts.handle.tolist()), dtype=object)
    websites = distinct(accounts.website.tolist())
    accounts.domain = websites.spread(url_domains(websites.values))
    codes = np.unique(accounts.hashes("full"), return_inverse=True, return_counts=True)
    accounts.name_count = codes[2][codes[1].reshape(-1)]


@dataclass
class Distinct:
    """The distinct values of a column, and for each row the index of its value: what is
    derived from a text is computed once per distinct text (names and bios repeat)."""

    values: list[str]
    of_row: np.ndarray

    def spread(self, derived: list) -> np.ndarray:
        """Per-value results (a list as long as ``values``) as a per-row object array."""
        out = np.empty(len(derived), dtype=object)
        out[:] = derived
        return out[self.of_row]


def distinct(texts: list[str]) -> Distinct:
    _, first, inverse = np.unique(str_hashes(texts), return_index=True, return_inverse=True)
    return Distinct([texts[k] for k in first.tolist()], inverse.reshape(-1))


def str_hashes(texts: list[str]) -> np.ndarray:
    """Python's (per-process) string hashes as uint64: blocking keys and set membership tests
    compare these numbers instead of building and comparing strings."""
    return np.fromiter(map(hash, texts), dtype=np.int64, count=len(texts)).view(np.uint64)


_FLAGS = (
    "name",
    "name_exact",
    "email_handle",
    "email_handle_name_like",
    "handle_from_name",
    "domain_website",
    "org_in_bio",
    "title_in_bio",
    "city_in_location",
    "location_conflict",
    "rare_name",
    "parody",
    "organisation_account",
)


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
    """What scoring needs of each person: strings as object arrays, and each person's sets
    (e-mail local parts, domains, handle forms) as sorted codes for :func:`_in_sets`."""

    def __init__(self, people: list[Person]):
        def col(values):
            return np.array(values, dtype=object)

        def flags(values):
            return np.array(values, dtype=bool)

        full = [p.name.full if p.name.family else p.name.given for p in people]
        self.full_sorted = col(_sorted_words(full))
        self.given_len = np.array([len(p.name.given) for p in people], dtype=np.int64)
        self.org = col([compact(p.org) for p in people])
        self.org_long = flags([len(o) >= 5 for o in self.org])
        self.org_word = col([_org_word(p.org) for p in people])
        self.has_org_word = flags([bool(w) for w in self.org_word])
        self.title = col([p.title for p in people])
        self.title_ok = flags([len(t) >= 4 for t in self.title])
        self.city = col([p.city for p in people])
        self.has_city = flags([bool(c) for c in self.city])
        self.locals = _set_codes([p.locals for p in people])
        long_locals = [[sorted_letters(lp) for lp in p.locals if len(lp) >= 5] for p in people]
        self.long_local_lengths = _set_codes(
            [[len(lp) for lp in ls] for ls in long_locals], lambda ns: np.array(ns, np.uint64)
        )
        self.locals_sorted = _set_codes(long_locals)
        self.domains = _set_codes([p.domains for p in people])
        self.forms = _set_codes(
            [p.handle_forms | {g for g in (p.name.given, *p.alt_given) if g} for p in people]
        )


def _set_codes(sets: list, hashes=None) -> np.ndarray:
    """Sorted codes of every (person index, member) for the non-empty members of each set;
    members are strings (``hashes`` turns other members into uint64)."""
    owners = [i for i, members in enumerate(sets) for m in members if m]
    members = [m for ms in sets for m in ms if m]
    codes = (hashes or str_hashes)(members)
    return np.sort(_pair_codes(np.array(owners, dtype=np.int64), codes))


def _pair_codes(owners: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    return (owners.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) ^ hashes


def _in_sets(codes: np.ndarray, pi: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """For each pair k: is the string whose hash is ``hashes[k]`` in person ``pi[k]``'s set?"""
    return is_member(codes, _pair_codes(pi, hashes))


def is_member(members: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """``np.isin`` for uint64 hashes, ``members`` sorted: a bitmap of the low bits answers
    most queries, a binary search the few that hit it."""
    found = np.zeros(len(queries), dtype=bool)
    if not len(members) or not len(queries):
        return found
    bits = int(min(24, max(16, np.ceil(np.log2(len(members) * 8)))))
    low = np.uint64((1 << bits) - 1)
    bitmap = np.zeros(1 << bits, dtype=bool)
    bitmap[members & low] = True
    maybe = np.nonzero(bitmap[queries & low])[0]
    wanted = queries[maybe]
    pos = np.minimum(np.searchsorted(members, wanted), len(members) - 1)
    found[maybe] = members[pos] == wanted
    return found


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
    people: list[Person],
    accounts: Accounts,
    pi: np.ndarray,
    ai: np.ndarray,
    kinds: np.ndarray,
    floor: float | None = None,
) -> PairFeatures:
    """Evidence for every pair. With ``floor``, pairs that cannot score ``floor`` even with every
    bio, title and city clue in their favour skip those (costly) comparisons."""
    cols = _PeopleColumns(people)
    size = len(accounts)
    uniq = _present(ai, size)
    f = PairFeatures(pi, ai, kinds, **{k: np.zeros(len(pi), dtype=bool) for k in _FLAGS})
    _name_features(f, cols, accounts, uniq)
    _identity_features(f, cols, accounts, uniq)
    f.rare_name = (f.name >= 0.92) & (accounts.name_count[ai] == 1)
    f.organisation_account = accounts.is_org[ai]
    live = np.arange(len(pi)) if floor is None else np.nonzero(_best_case(f, cols) >= floor)[0]
    _context_features(f, cols, accounts, live)
    return f


def _present(rows: np.ndarray, size: int) -> np.ndarray:
    """``np.unique(rows)`` for indexes below ``size``, in linear time."""
    seen = np.zeros(size, dtype=bool)
    seen[rows] = True
    return np.nonzero(seen)[0]


def _name_features(f: PairFeatures, cols: _PeopleColumns, accounts: Accounts, uniq) -> None:
    """Name similarity: token-sort ratio, computed as a plain ratio of the names' words in
    order, which are sorted once per person and once per account rather than once per pair."""
    full_sim = _cpdist(fuzz.ratio, cols.full_sorted[f.pi], accounts.full_sorted[f.ai], cutoff=70)
    alt = np.nonzero(accounts.has_alt[f.ai])[0]  # also known by another family name
    if len(alt):
        alt_names = accounts.alt_full_sorted[f.ai[alt]]
        alt_sim = _cpdist(fuzz.ratio, cols.full_sorted[f.pi[alt]], alt_names, cutoff=70)
        full_sim[alt] = np.maximum(full_sim[alt], alt_sim)
    f.name_exact = full_sim >= 100
    fuzzy = np.clip((full_sim - 70.0) / 30.0, 0, 1) * 0.9
    one_letter = np.zeros(len(accounts), dtype=bool)
    one_letter[uniq] = [len(g) == 1 for g in accounts.given[uniq].tolist()]
    initial = ((f.kinds & K_INITIAL) > 0) & (one_letter[f.ai] | (cols.given_len[f.pi] == 1))
    name = np.where(
        f.name_exact, 1.0, np.where((f.kinds & K_NAME) > 0, 0.92, np.where(initial, 0.8, fuzzy))
    )
    same_given = (f.kinds & K_ORG) > 0
    f.name = np.where(same_given & (name < 0.45), 0.45, name)


def _identity_features(f: PairFeatures, cols: _PeopleColumns, accounts: Accounts, uniq) -> None:
    """The e-mail's local part as the handle (or its anagram), a handle built from the name,
    the e-mail's domain as the website."""
    pi, ai = f.pi, f.ai
    handle_hash = accounts.hashes("handle_key")[ai]
    handle_len = np.zeros(len(accounts), dtype=np.int64)
    handle_len[uniq] = [len(h) for h in accounts.handle_key[uniq].tolist()]
    local_hit = _in_sets(cols.locals, pi, handle_hash)
    # anagrams only for the pairs whose person has a long enough local part to compare
    lengths = handle_len[ai].astype(np.uint64)
    maybe = np.nonzero(~local_hit & _in_sets(cols.long_local_lengths, pi, lengths))[0]
    anagram = np.zeros(len(pi), dtype=bool)
    if len(maybe):
        rows = _present(ai[maybe], len(accounts))
        sorted_hash = np.zeros(len(accounts), dtype=np.uint64)
        sorted_hash[rows] = str_hashes([sorted_letters(h) for h in accounts.handle_key[rows]])
        anagram[maybe] = _in_sets(cols.locals_sorted, pi[maybe], sorted_hash[ai[maybe]])
    email_any = (local_hit | anagram) & (handle_len[ai] >= 4)
    name_like = _in_sets(cols.forms, pi, handle_hash)
    f.email_handle = email_any & ~name_like
    f.email_handle_name_like = email_any & name_like
    f.handle_from_name = name_like & ~email_any
    domain_hash = accounts.hashes("domain")[ai]
    f.domain_website = _in_sets(cols.domains, pi, domain_hash) & (domain_hash != hash(""))


def _best_case(f: PairFeatures, cols: _PeopleColumns) -> np.ndarray:
    """The score each pair would get if every bio, title and city clue the person's card makes
    possible held, and no parody or location conflict showed."""
    best = PairFeatures(**f.__dict__)
    best.org_in_bio = (cols.org_long | cols.has_org_word)[f.pi]
    best.title_in_bio = cols.title_ok[f.pi]
    best.city_in_location = cols.has_city[f.pi]
    best.parody = best.location_conflict = np.zeros(len(f.pi), dtype=bool)
    return raw_score(best)


def _context_features(f: PairFeatures, cols: _PeopleColumns, accounts: Accounts, live) -> None:
    """Organisation and title in the bio, city in the location, parody: for ``live`` pairs."""
    pi, ai = f.pi[live], f.ai[live]
    size = len(accounts)
    uniq = _present(ai, size)
    bios = distinct(accounts.bio[uniq].tolist())
    words = words_many(bios.values)
    bio_full = _scatter(size, uniq, bios.spread(words))
    bio_compact = _scatter(size, uniq, bios.spread([b.replace(" ", "") for b in words]))
    has_bio = _scatter(size, uniq, bios.spread([bool(b) for b in words]), bool)[ai]
    places = distinct(accounts.location[uniq].tolist())
    place_words = words_many(places.values)
    location = _scatter(size, uniq, places.spread(place_words))
    has_location = _scatter(size, uniq, places.spread([bool(w) for w in place_words]), bool)
    parody = _scatter(size, uniq, bios.spread(_parody(words)), bool)
    names = accounts.full[uniq].tolist()
    parody[uniq] |= np.array([n.startswith("not ") or "parody" in n for n in names], dtype=bool)

    org_long = cols.org_long[pi]
    org_sim = _partial_scores(cols.org[pi], bio_compact[ai], org_long & has_bio, 95) >= 95
    word_hit = _contains_word(cols.org_word[pi], bio_full[ai], has_bio & cols.has_org_word[pi])
    f.org_in_bio[live] = (org_sim & org_long) | word_hit
    title_ok = cols.title_ok[pi] & has_bio
    f.title_in_bio[live] = _partial_scores(cols.title[pi], bio_full[ai], title_ok, 95) >= 95
    has_both = cols.has_city[pi] & has_location[ai]
    city_sim = _partial_scores(cols.city[pi], location[ai], has_both, 60)
    f.city_in_location[live] = has_both & (city_sim >= 90)
    f.location_conflict[live] = has_both & (city_sim < 60)
    f.parody[live] = parody[ai]


def _sorted_words(texts: list[str]) -> list[str]:
    return [" ".join(sorted(t.split())) if " " in t else t for t in texts]


def _parody(bios: list[str]) -> list[bool]:
    """Parody and fan accounts: one regular-expression pass over all the folded bios."""
    flags = [False] * len(bios)
    starts = np.cumsum([0] + [len(b) + 1 for b in bios])
    for found in PARODY_RE.finditer("\n".join(bios)):
        flags[int(np.searchsorted(starts, found.start(), side="right")) - 1] = True
    return flags


def score_pairs(f: PairFeatures) -> np.ndarray:
    """Name counts 0.55; context (organisation, domain, title, city) counts in proportion to how
    well the name agrees, so a colleague at the same company never scores on context alone."""
    f.score = np.clip(raw_score(f), 0.0, 1.0)
    return f.score


def raw_score(f: PairFeatures) -> np.ndarray:
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
    return NAME_WEIGHT * f.name + context * np.minimum(1.0, f.name / 0.8) + identity + penalty


_DETAILS = {
    "email_handle": lambda p, acc, a: f"e-mail {_local_email(p)} ~ handle @{acc.handle[a]}",
    "email_handle_name_like": lambda p, acc, a: (
        f"e-mail {_local_email(p)} ~ handle @{acc.handle[a]}"
    ),
    "handle_from_name": lambda p, acc, a: f"handle @{acc.handle[a]} is built from the name",
    "domain_website": lambda p, acc, a: (
        f"website {acc.website[a]} on e-mail domain {', '.join(p.domains)}"
    ),
    "org_in_bio": lambda p, acc, a: f"bio names {p.org}",
    "title_in_bio": lambda p, acc, a: f"bio names title {p.title}",
    "city_in_location": lambda p, acc, a: f"location {acc.location[a]} ~ {p.city}",
    "location_conflict": lambda p, acc, a: f"location {acc.location[a]} vs {p.city}",
    "rare_name": lambda p, acc, a: "only profile with this name",
    "parody": lambda p, acc, a: "parody or fan account",
    "organisation_account": lambda p, acc, a: "organisation account",
}


def evidence_for(f: PairFeatures, k: int, person: Person, accounts: Accounts) -> list[dict]:
    """The evidence list stored with one match: [{kind, detail, weight}]."""
    return evidence_for_pairs(f, np.array([k]), [person], accounts, [0])[0]


def evidence_for_pairs(
    f: PairFeatures,
    ks: np.ndarray,
    people: list[Person],
    accounts: Accounts,
    person_index: list[int] | None = None,
) -> list[list[dict]]:
    """:func:`evidence_for` of the pairs ``ks`` (persons ``people[f.pi[k]]`` unless
    ``person_index`` says otherwise)."""
    kinds = list(_DETAILS)
    flags = np.column_stack([getattr(f, kind)[ks] for kind in kinds] or [np.zeros(len(ks))])
    name_weights = [round(NAME_WEIGHT * w, 3) for w in f.name[ks].astype(float).tolist()]
    owners = f.pi[ks].tolist() if person_index is None else person_index
    result = []
    for n, (a, row) in enumerate(zip(f.ai[ks].tolist(), flags.tolist(), strict=True)):
        person = people[owners[n]]
        display = accounts.display[a] or accounts.handle[a] or ""
        items = [
            {"kind": "name", "detail": f"{person.label!s} ~ {display!s}", "weight": name_weights[n]}
        ]
        items += [
            {"kind": kind, "detail": _DETAILS[kind](person, accounts, a), "weight": WEIGHTS[kind]}
            for kind, flag in zip(kinds, row, strict=True)
            if flag
        ]
        result.append(items)
    return result


def _local_email(person: Person) -> str:
    return next((e for e in person.emails if personal_local_part(e)), "")


def _scatter(size: int, rows: np.ndarray, values, dtype=object) -> np.ndarray:
    """A column for every account: ``values`` at ``rows``, empty (or False) elsewhere."""
    out = np.full(size, "", dtype=object) if dtype is object else np.zeros(size, dtype=dtype)
    out[rows] = values
    return out


def _partial_scores(
    left: np.ndarray, right: np.ndarray, mask: np.ndarray, cutoff: float
) -> np.ndarray:
    """``partial_ratio`` where ``mask`` holds (0 elsewhere, and below ``cutoff``)."""
    out = np.zeros(len(left), dtype=np.float32)
    where = np.nonzero(mask)[0]
    out[where] = _cpdist(fuzz.partial_ratio, left[where], right[where], cutoff)
    return out


def _cpdist(scorer, left: np.ndarray, right: np.ndarray, cutoff: float) -> np.ndarray:
    """Similarities 0..100; below ``cutoff`` they read 0, which lets rapidfuzz stop early."""
    if len(left) == 0:
        return np.zeros(0, dtype=np.float32)
    return process.cpdist(
        left.tolist(),
        right.tolist(),
        scorer=scorer,
        score_cutoff=cutoff,
        workers=-1,
        dtype=np.float32,
    )


def _contains_word(needles: np.ndarray, haystacks: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The needle is a whole word of the haystack (words separated by single spaces)."""
    out = np.zeros(len(needles), dtype=bool)
    where = np.nonzero(mask)[0]
    pairs = zip(needles[where].tolist(), haystacks[where].tolist(), strict=True)
    out[where] = [n in h and f" {n} " in f" {h} " for n, h in pairs]
    return out
