"""Evidence that a contact and a profile are the same person, computed for many pairs at once.

People are few (a contact book) and loaded as objects; accounts may be a million, so they are
kept as columns and only the accounts that reach the scoring stage get their bios folded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from audience.matching.identity import card_refs, profile_refs
from audience.matching.names import (
    PARODY_RE,
    ParsedName,
    alternate_family_names,
    alternate_family_words,
    clean_display_names,
    compact,
    email_family_names,
    email_given_names,
    email_parts,
    family_particles,
    fold,
    full_name_handles,
    given_compatible,
    given_endings,
    handle_cores,
    handle_ids,
    handles_from_name,
    name_groups,
    org_key,
    parse_name,
    personal_local_part,
    sorted_letters,
    url_domains,
    words,
    words_many,
)
from audience.matching.names import (
    ROLE_LOCAL_PARTS as ROLE_WORDS,
)
from audience.matching.signals import (
    NO_ORG,
    ORG_SUFFIX_MIN,
    OrgKeys,
    Site,
    _aliases,
    bio_contacts,
    card_org_keys,
    country_code,
    domain_keys,
    domain_label,
    hinted_bio_orgs,
    is_free_mail,
    mail_country,
    org_hint_rows,
    orgs_agree,
    parse_site,
    phone_countries,
    phone_key,
    place_country,
    places_agree,
    places_conflict,
)
from audience.store import Store

# Log-odds of each kind of evidence (see raw_score); the name's agreement (0..1) costs
# NAME_SLOPE per unit below a perfect match, and an exact name earns NAME_EXACT.
# The weights are a conditional logit (which candidate, or none, is the person's) fitted by
# bench/match_fit.py on the hard generator's seeds 1 and 2 at 1k x 10k, both namesake modes
# (bench/match_errors.py explains the classes), and checked on seed 3, 10k x 100k and the old
# generator. Evidence every namesake shows (a handle or website built from the name) is worth
# next to nothing; identity evidence (the contact's own
# phone number or an address beyond the name) is near-proof and set, not fitted (too rare).
NAME_SLOPE = 4.56
NAME_EXACT = 0.0
# log-odds per unit of rarity (-log of the profiles expected to bear the name by chance)
RARITY_WEIGHT = 0.24
# and again, for the only profile bearing exactly the name: with few namesakes expected and none
# seen, the name itself is the evidence (with many expected, seeing none says little)
SOLE_RARITY_WEIGHT = 0.31
RARITY_FLOOR = 0.02  # expected namesakes below this say no more than this
RARITY_UNSEEN = 0.5  # namesakes counted for a surname before any other profile is seen with it
RARITY_CAP = 3.0
RARITY_NAME = 0.8  # names agreeing less earn nothing for their rarity
OTHER_GIVEN_NAME = 0.4  # the most a name with another given name can agree
GIVEN_WITH_HANDLE_SURNAME = 0.92  # "Dave" @davekirkshaw: as good as a nickname with the surname
# "The Coffee Cat" @hannahhartson or @richard_whi6184: a handle spelling both names (one may be
# cut short) stands in for a display name that is no name, a little below a near name
NAME_IN_HANDLE = 0.85
NEAR_NAME = 0.6  # from here a name that is not the card's is near it (near_name_alone)
SIGNAL_NAME_FLOOR = 0.3  # names agreeing less are not worth reading the profile's text for
# employer_match is worth log(EMPLOYER_SHOWN / the employer's share of the book), within bounds
EMPLOYER_SHOWN = 0.5
EMPLOYER_MIN_BOOK = 50
EMPLOYER_MIN_SITES = 200
EMPLOYER_ODDS_MIN = 1.0
EMPLOYER_ODDS_MAX = 4.5
# city_in_location is worth log(CITY_SHOWN / the city's share of named places), within bounds:
# the card may be older than a move (CITY_SHOWN < 1)
CITY_SHOWN = 0.2
CITY_MIN_COUNT = 3
CITY_MIN_PLACES = 500
CITY_ODDS_MIN = 0.7
CITY_ODDS_MAX = 3.0
MIN_TITLE = 3  # "CEO", "CTO"; "Dr", "Mr" on a card are no job

LOG_ODDS = {
    "contact_in_bio": 10.0,
    "email_in_bio_name_like": 2.97,
    "email_handle": 5.0,
    # a handle equal to a local part that is only the name ("jsmith"): a namesake may have
    # picked it too; on the hard generator such pairs were right less often than a bare name
    # (0.5 cost recall at precision 0.95 on the old generator, 1.0 precision on hard-fixed)
    "email_handle_name_like": 0.75,
    "handle_from_name": 0.0,
    "employer_match": 3.0,  # weighed by employer_odds instead (raw_score)
    "former_employer": 5.44,
    "employer_conflict": -1.66,
    "org_in_bio": 0.0,  # counted as employer_match
    "domain_website": 0.0,  # counted as employer_match
    "title_in_bio": 3.76,
    "city_in_location": 2.0,  # weighed by city_odds instead (raw_score)
    "location_conflict": -1.76,
    "country_conflict": -1.01,
    "site_name": 0.0,  # a namesake's site carries the name too
    "handle_surname": 0.0,  # lifts a given-name-only display name instead (raw_score)
    "given_only": 1.42,  # "Dave" alone, the person's given name: scored low by the name ratio
    "rare_name": 0.97,  # the only profile bearing this name: no namesake competes
    "outnamed": -1.08,  # another candidate bears the exact name
    # at 1k x 10k and 10k x 100k such pairs were the person's about half as often as their
    # probability said, and near names whose handle spells the card's name as often or more
    "near_name_alone": -1.56,
    "parody": -4.0,
    "organisation_account": -3.0,
}

# Link hubs and social sites: a website there names no employer.
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
        "wordpress.com",
        "blogspot.com",
        "tumblr.com",
        "threads.net",
        "mastodon.social",
        "beacons.ai",
        "carrd.co",
    ]
)
_GENERIC_SITES = GENERIC_HOSTS


@lru_cache(maxsize=200_000)
def is_generic_host(host: str) -> bool:
    """A link hub or social site, or a page on one ("jane.substack.com"): no employer's site."""
    labels = host.lower().split(".")
    return any(".".join(labels[k:]) in GENERIC_HOSTS for k in range(len(labels) - 1))


_NO_SITE = Site()

# Blocking kinds (bit flags): how a candidate pair was found.
K_NAME = 1  # same family name and compatible given names (nickname groups)
K_INITIAL = 2  # same family name and given initial
K_FUZZY = 4  # same given name, family names share a prefix or suffix
K_HANDLE = 8  # the handle is one a person with this name or e-mail would pick
K_DOMAIN = 16  # the profile's website is on the e-mail's domain
K_ORG = 32  # same given name and the bio names the organisation
K_CONTACT = 64  # the bio holds the person's e-mail address or phone number


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
    phones: list[str] = field(default_factory=list)
    distinct_locals: list[str] = field(default_factory=list)  # e-mail local parts beyond the name
    cards: int = 0
    organisation_cards: int = 0  # cards of an organisation, not a person

    @property
    def is_organisation(self) -> bool:
        return self.cards > 0 and self.organisation_cards == self.cards

    orgs: OrgKeys = NO_ORG  # the card's organisation and the e-mail domains' organisations
    contact_keys: frozenset[str] = frozenset()  # e-mail addresses and phone numbers' digits
    email_families: list[str] = field(default_factory=list)  # surnames the addresses spell
    # where the card says the person is: its country, its city's, its phone numbers' countries
    countries: frozenset[str] = frozenset()
    card_countries: list[str] = field(default_factory=list)

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

    @cached_property
    def given_forms(self) -> frozenset[str]:
        """The given names and their nicknames, and the initials of each."""
        givens = {n for g in (self.name.given, *self.alt_given) if g for n in name_groups(g)}
        return frozenset(givens | {g[0] for g in givens})

    @cached_property
    def full_name_handles(self) -> set[str]:
        """Handles spelling both names, one of them perhaps cut short: hannahhartson,
        richardwhi, nowakdari (not the initials' forms: jdoe is anyone's)."""
        given = self.name.given
        if len(given) < 2:
            return set()
        forms = set()
        for family in self.family_variants[:2]:
            if len(family) >= 2:
                forms |= full_name_handles(given, family)
        return forms


_PEOPLE_SQL = "SELECT id, name, given_name, family_name, organisation, title, city FROM people"
_CONTACTS_SQL = (
    "SELECT person_id, full_name, given_name, family_name, nickname, organisation, title, city, "
    "emails, urls, social, linkedin_url, is_organisation, country FROM contacts"
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
    _borrow_colleague_orgs(list(people.values()), _domain_orgs(store))
    return list(people.values())


def _domain_orgs(store: Store) -> dict[str, set[str]]:
    """Work mail domain -> the organisations the book's cards with an address there write
    (the whole book, so a match of a few people sees the colleagues the full match sees)."""
    names: dict[str, set[str]] = {}
    for org, emails in store.execute(
        "SELECT organisation, emails FROM contacts WHERE organisation IS NOT NULL "
        "AND organisation != '' AND emails LIKE '%@%'"
    ):
        key = org_key(org)
        domains = {email_parts(e.strip().lower())[1] for e in _json_list(emails)}
        for domain in domains:
            if key and domain and not is_free_mail(domain):
                names.setdefault(domain, set()).add(key)
    return names


def _borrow_colleague_orgs(people: list[Person], names: dict[str, set[str]]) -> None:
    """A card with a work address but no organisation takes the names its colleagues' cards
    (same mail domain) write: j.doe@northwindtravel.com is at "Northwind Travel", which a bio
    may write "NWT"; the domain alone is one glued word with no acronym."""
    for person in people:
        if person.org or not person.domains:
            continue
        for domain in person.domains:
            for name in sorted(names.get(domain, ())):
                person.orgs = person.orgs | card_org_keys(name)


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
    person: Person,
    full,
    given,
    family,
    nickname,
    org,
    title,
    city,
    emails,
    urls,
    social,
    linkedin,
    is_organisation=0,
    country=None,
) -> None:
    if country:
        person.card_countries.append(country)
    person.organisation_cards += 1 if is_organisation else 0
    person.cards += 1
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
    elif kind == "phone":
        person.phones.append(value)
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
    if not person.name.given and not person.name.family:
        person.name = name_from_email(person.emails)
    # the given name the address spells beside the surname: "mei.zhang@" for Cindy Zhang
    if person.name.family:
        families = [person.name.family.replace(" ", ""), *person.name.family.split()]
        person.alt_given = (*person.alt_given, *email_given_names(person.emails, families))
    # the surname the person's own address spells: married, or spelled right ("vrossi64@")
    givens = [g for g in (person.name.given, *person.alt_given) if g]
    person.email_families = email_family_names(
        person.emails,
        [n for g in givens for n in name_groups(g)],
        person.name.family.replace(" ", ""),
    )
    person.distinct_locals = [lp for lp in person.locals if more_than_name(lp, person)]
    domains = [email_parts(e)[1] for e in person.emails]
    person.domains = [d for d in dict.fromkeys(domains) if d and not is_free_mail(d)]
    orgs = card_org_keys(person.org) if person.org else NO_ORG
    for domain in person.domains:
        orgs = orgs | domain_keys(domain)
    person.orgs = orgs
    phones = {phone_key(p) for p in person.phones} - {""}
    person.contact_keys = frozenset(person.emails) | frozenset(phones)
    countries = {country_code(c) for c in person.card_countries}
    for phone in person.phones:
        countries |= phone_countries(phone)
    countries |= {mail_country(email_parts(e)[1]) for e in person.emails}
    countries.add(place_country(person.city) if person.city else "")
    person.countries = frozenset(countries - {""})
    person.alt_given = tuple(g for g in person.alt_given if g and g != person.name.given)
    family_words = person.name.family.split()
    particles = family_particles()
    variants = [person.name.family.replace(" ", "")]
    variants += [w for w in family_words if len(w) >= 3 and w not in particles]
    variants.append(alt_family)  # "Rachel Dougherty (Owens)" in the book: also Rachel Owens
    variants += person.email_families
    person.family_variants = tuple(dict.fromkeys(v for v in variants if v))


_LOCAL_NAME_RE = re.compile(r"^([a-z]{2,})[._-]([a-z]{2,})\d*$")


def name_from_email(emails: list[str]) -> ParsedName:
    """A card with nothing but an address ("alexandre.leroy38@hotmail.fr"): the name its local
    part spells, when it is two words."""
    for email in emails:
        local = email.partition("@")[0].lower()
        found = _LOCAL_NAME_RE.match(local)
        if found and found.group(1) not in ROLE_WORDS:
            return ParsedName(found.group(1), found.group(2))
    return ParsedName("", "")


def more_than_name(local: str, person: Person) -> bool:
    """An e-mail local part that says more than the name (digits, other words): "jane.doe",
    "jdoe", "doe.j" and "janedoe" for a card saying "Doe Jane" or "Jane Doh" do not; "jdoe1987"
    and "pixeljane" do."""
    if sum(c.isdigit() for c in local) >= 3:  # "1987"; "77" is one of a hundred John Smiths'
        return True
    rest = "".join(c for c in local if c.isalpha())
    words = _name_words(person)
    for word in sorted(words, key=len, reverse=True):  # whole name words first ("li" too)
        if len(word) >= 2 and word in rest:
            rest = rest.replace(word, " ", 1)
    chunks = [c for c in rest.split(" ") if c]
    leftover = []
    for chunk in chunks:
        if len(chunk) <= 2 and all(any(w.startswith(ch) for w in words) for ch in chunk):
            continue  # initials: "j" in "jdoe", "jd"
        if any(fuzz.ratio(chunk, w) >= 65 for w in words if len(w) >= 3):
            continue  # a name with a typo on either side
        if len(chunk) > 2 and any(len(w) >= 3 and chunk[1:] == w or chunk[:-1] == w for w in words):
            continue  # an initial glued to a name: "jdoe" left after another word went
        leftover.append(chunk)
    return sum(map(len, leftover)) >= 2


def spelled_by_names(local: str, names: frozenset[str]) -> bool:
    """The local part (or handle) is a name and nothing more: one or two known names, or an
    initial and a name, with at most two digits ("meizhang", "aschmidt", "jose_blanco7";
    not "pixeljane", "jdoe1987")."""
    if sum(c.isdigit() for c in local) >= 3:
        return False
    core = "".join(c for c in local if c.isalpha())
    if core in names:
        return True
    for cut in range(1, len(core)):
        head, tail = core[:cut], core[cut:]
        if (len(head) == 1 or head in names) and (len(tail) == 1 or tail in names):
            return True
    return False


def _name_words(person: Person) -> set[str]:
    words = {person.name.given, *person.name.others, *person.alt_given, *person.family_variants}
    words |= set(person.email_families)
    words |= set(person.name.family.split())
    for given in (person.name.given, *person.alt_given):
        words |= name_groups(given) if given else set()
    return {w for w in words if w}


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
    family_parts: np.ndarray = None  # the family names beyond those two (see _family_parts)
    alt_full_sorted: np.ndarray = None  # the given name with it, words in order
    has_alt: np.ndarray = None  # bool
    has_second: np.ndarray = None  # bool: the other family name is the word before the last
    handle_key: np.ndarray = None  # handle without separators (digits kept)
    handle_core: np.ndarray = None  # its letters without digits, prefixes ("real") and suffixes
    domain: np.ndarray = None  # the website's host, "" without one
    name_count: np.ndarray = None
    _hashes: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every given and family name the display names bear (two letters or more)."""
        names = set(self.given.tolist()) | set(self.family.tolist())
        return frozenset(n for n in names if len(n) >= 2)

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
    for k, column in enumerate(_TEXT_COLUMNS):
        blob = "\n".join(c[2 + k] for c in chunks)
        values = blob.split("\n") if chunks else []
        texts.append(_column(_shared(values) if column == "location" else values))
    accounts = Accounts(platform, ids, *texts, is_org == 1)
    parse_account_names(accounts)
    return accounts


def _column(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _shared(values: list[str]) -> list[str]:
    """The strings with each distinct one held once: a million rows of few values (places,
    given names, web domains) would otherwise hold a million copies."""
    canonical: dict[str, str] = {}
    return [canonical.setdefault(v, v) for v in values]


def _int_list(text: str) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, np.int64)


def parse_account_names(accounts: Accounts) -> None:
    """Given and family name of every display name, handle and website keys, name counts."""
    displays = distinct(accounts.display.tolist())
    cleaned = clean_display_names(displays.values)
    given = _shared([c.partition(" ")[0] for c in cleaned])
    family = _shared([c.rpartition(" ")[2] if " " in c else "" for c in cleaned])
    full = _shared([f"{g} {f}" if f else g for g, f in zip(given, family, strict=True)])
    # the name's words in order, as token_sort_ratio compares them
    accounts.full_sorted = displays.spread(
        [f"{f} {g}" if f and f < g else n for g, f, n in zip(given, family, full, strict=True)]
    )
    alt_words = alternate_family_words(displays.values)
    alt = [
        a.rsplit("-", 1)[-1] if a and g and a.rsplit("-", 1)[-1] != f else ""
        for a, g, f in zip(alt_words, given, family, strict=True)
    ]
    # "Florian Eichthal-Schwarz": the first part of a double-barrelled name is a family name too
    second = [
        "" if a else (words_[-2] if len(words_) >= 3 and len(words_[-2]) >= 3 else "")
        for a, words_ in zip(alt, (c.split() for c in cleaned), strict=True)
    ]
    alt = [a or b for a, b in zip(alt, second, strict=True)]
    accounts.family_parts = displays.spread(_family_parts(cleaned, alt_words, family, alt))
    accounts.alt_family = displays.spread(_shared(alt))
    accounts.alt_full_sorted = displays.spread(
        [" ".join(sorted((g, a))) if a else "" for g, a in zip(given, alt, strict=True)]
    )
    accounts.has_alt = displays.spread([bool(a) for a in alt]).astype(bool)
    accounts.has_second = displays.spread([bool(b) for b in second]).astype(bool)
    accounts.given = displays.spread(given)
    accounts.family = displays.spread(family)
    accounts.full = displays.spread(full)
    keys = handle_ids(accounts.handle.tolist())
    accounts.handle_key = _column(keys)
    # most handles are their core: one string for both
    cores = handle_cores(keys)
    accounts.handle_core = _column([k if c == k else c for c, k in zip(cores, keys, strict=True)])
    websites = distinct(accounts.website.tolist())
    accounts.domain = websites.spread(_shared(url_domains(websites.values)))
    codes = np.unique(accounts.hashes("full"), return_inverse=True, return_counts=True)
    accounts.name_count = codes[2][codes[1].reshape(-1)]


_NO_PARTS: tuple[str, ...] = ()


def _family_parts(
    cleaned: list[str], alt_words: list[str], family: list[str], alt: list[str]
) -> list[tuple[str, ...]]:
    """Each display name's family names beyond its last word and its other family name:
    every part of a double-barrelled or longer one ("Sofia Ribeiro Pereira-Santos Silva",
    "Anne Visser de Jong") and of a hyphenated maiden name ("(née Taylor-Ellingham)")."""
    particles = family_particles()
    found = []
    for clean, alt_word, last, other in zip(cleaned, alt_words, family, alt, strict=True):
        if clean.count(" ") < 2 and "-" not in alt_word:  # most names: two words
            found.append(_NO_PARTS)
            continue
        names = clean.split()
        candidates = names[1:-1] if len(names) >= 3 else []
        if "-" in alt_word:
            candidates += alt_word.split("-")
        kept = (w for w in candidates if len(w) >= 3 and w not in particles)
        parts = tuple(dict.fromkeys(w for w in kept if w not in (last, other)))
        found.append(parts or _NO_PARTS)
    return found


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


_EMPTY_HASH = str_hashes([""])[0]


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
    "country_conflict",
    "rare_name",
    "outnamed",
    "parody",
    "organisation_account",
    "contact_in_bio",
    "email_in_bio_name_like",
    "employer_match",
    "former_employer",
    "employer_conflict",
    "site_name",
    "handle_surname",
    "given_only",
    "near_name_alone",
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
    country_conflict: np.ndarray  # the location names another country than the card's
    rare_name: np.ndarray
    outnamed: np.ndarray  # another candidate of the person bears the exact name, this one not
    parody: np.ndarray
    organisation_account: np.ndarray
    contact_in_bio: np.ndarray
    email_in_bio_name_like: np.ndarray  # an address of the person's name alone (jane.doe@)
    employer_match: np.ndarray
    former_employer: np.ndarray
    employer_conflict: np.ndarray
    site_name: np.ndarray
    handle_surname: np.ndarray
    given_only: np.ndarray  # the display name is the person's given name alone ("Dave")
    # a display name spelled near the card's but not it, nor a nickname or initial of it
    # ("Cindy Lin" for Cindy Li), and neither handle nor website spelling the card's name to
    # say it is a typo
    near_name_alone: np.ndarray
    employer_odds: np.ndarray = None  # what the employer named on the profile is worth
    city_odds: np.ndarray = None  # what the card's city as the profile's location is worth
    rarity: np.ndarray = None  # -log of how many profiles would bear the person's name by chance
    # for the only profile bearing its name: at most the rarity of that name (see rare_name)
    sole_rarity: np.ndarray = None
    both_families: np.ndarray = None  # the display bears every part of a double family name
    spelled_near: np.ndarray = None  # the name agrees by spelling, not as a form of the name
    score: np.ndarray = None
    odds: np.ndarray = None  # log-odds that the pair is the same person, before competition


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
        self.given = col([p.name.given for p in people])
        self.family = col([p.name.family.rpartition(" ")[2] for p in people])
        inner = [p.name.family.split()[-2:-1] for p in people]  # "kruger" of "kruger schmidt"
        self.family_inner = col([w[0] if w and len(w[0]) >= 3 else "" for w in inner])
        self.has_inner = flags([bool(w) for w in self.family_inner])
        self.alt_given = [p.alt_given for p in people]
        self.org = col([compact(p.org) for p in people])
        self.org_long = flags([len(o) >= 5 for o in self.org])
        # a first word several of the book's organisations share ("Lighthouse", "Unity") says
        # nothing on its own
        firsts = [_org_word(p.org) for p in people]
        orgs_by_first: dict[str, set[str]] = {}
        for word, person in zip(firsts, people, strict=True):
            if word:
                orgs_by_first.setdefault(word, set()).add(person.org)
        self.org_word = col([w if w and len(orgs_by_first[w]) == 1 else "" for w in firsts])
        self.has_org_word = flags([bool(w) for w in self.org_word])
        # read as the bios are ("co-founder" is "co founder" there); a short title (CEO, CTO)
        # counts only as a whole word of the bio (see _whole_words)
        self.title = col(words_many(p.title for p in people))
        self.title_ok = flags([len(t) >= MIN_TITLE for t in self.title])
        self.city = col([p.city for p in people])
        self.has_city = flags([bool(c) for c in self.city])
        self.city_len = np.array([len(c) - 1 for c in self.city], dtype=np.int64)  # a typo
        self.locals = _set_codes([p.locals for p in people])
        self.distinct_locals = _set_codes([p.distinct_locals for p in people])
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


def search_sorted(values: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """``np.searchsorted(values, queries)``, the queries looked up in ascending order: a binary
    search for each of millions of hashes in random order misses the cache at almost every
    step, in order each follows the path of the one before (3x faster at 1M profiles, sorting
    included)."""
    if len(queries) < SORTED_SEARCH_MIN:
        return np.searchsorted(values, queries)
    order = np.argsort(queries)
    positions = np.empty(len(queries), dtype=np.intp)
    positions[order] = np.searchsorted(values, queries[order])
    return positions


SORTED_SEARCH_MIN = 10_000


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by one sort: numpy 2's unique without other outputs hashes each
    value, a second per three million distinct hashes, where a sort takes a tenth of that."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def runs(ordered: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values, starts, counts) of the runs of equal values in an array already sorted:
    ``np.unique(ordered, return_index=True, return_counts=True)`` without sorting again."""
    starts = np.flatnonzero(np.r_[len(ordered) > 0, ordered[1:] != ordered[:-1]])
    return ordered[starts], starts, np.diff(np.r_[starts, len(ordered)])


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
    pos = np.minimum(search_sorted(members, wanted), len(members) - 1)
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
    _name_in_handle(f, people, accounts)
    # a double family name borne whole ("Susanne Krüger-Schmidt"): its bearers are its
    # namesakes, not every Susanne Schmidt (among the scored pairs: they all share a key)
    bearing_both = np.bincount(pi[f.both_families], minlength=len(people))
    sole = np.where(f.both_families, bearing_both[pi] == 1, accounts.name_count[ai] == 1)
    f.rare_name = (f.name >= 0.92) & sole
    f.outnamed = _outnamed(f, len(people))
    # the only profile bearing a name near the card's (a typo, a nickname: "Jing Li" for the
    # card's "Jing Lii") is as telling as the name it bears is rare, not as the card's
    # spelling, which no profile may bear
    near = np.nonzero(~f.name_exact & f.rare_name)[0]
    rarity, share, shown = _name_rarity(people, accounts, ai[near])
    f.rarity = np.where(f.both_families, _rarity(bearing_both, share)[pi], rarity[pi])
    f.sole_rarity = f.rarity.copy()
    f.sole_rarity[near] = np.minimum(f.rarity[near], shown)
    f.employer_odds = _employer_odds(people, accounts)[pi]
    f.city_odds = _city_odds(people, accounts)[pi]
    f.organisation_account = accounts.is_org[ai]
    live = np.arange(len(pi)) if floor is None else np.nonzero(_best_case(f, cols) >= floor)[0]
    _context_features(f, cols, accounts, live)
    _signal_features(f, people, accounts, live)
    spelled = f.handle_from_name | f.email_handle | f.email_handle_name_like
    spelled |= f.site_name | f.handle_surname
    f.near_name_alone = f.spelled_near & ~f.given_only & ~spelled & (f.name >= NEAR_NAME)
    return f


def _name_in_handle(f: PairFeatures, people: list[Person], accounts: Accounts) -> None:
    """A display name that is not the person's ("a potato", "Mr Nobody") beside a handle
    spelling both of the person's names: the handle is the name the profile shows."""
    # a given name alone ("Dave" @davekirkshaw) is scored with the surname in its handle
    two_words = accounts.hashes("family")[f.ai] != _EMPTY_HASH
    maybe = np.nonzero((f.name < NAME_IN_HANDLE) & ((f.kinds & K_HANDLE) > 0) & two_words)[0]
    cores = accounts.handle_core
    pairs = zip(maybe.tolist(), f.pi[maybe].tolist(), f.ai[maybe].tolist(), strict=True)
    spelled = [k for k, p, a in pairs if cores[a] in people[p].full_name_handles]
    f.name[spelled] = NAME_IN_HANDLE
    f.handle_from_name[spelled] = True


def _outnamed(f: PairFeatures, n_people: int) -> np.ndarray:
    """Pairs whose name is not exact while another candidate of the same person bears the
    exact name: the competition says the near name is more likely someone else."""
    has_exact = np.zeros(n_people, dtype=bool)
    has_exact[f.pi[f.name_exact]] = True
    return has_exact[f.pi] & ~f.name_exact


def _city_odds(people: list[Person], accounts: Accounts) -> np.ndarray:
    """Log-odds of a profile's location naming the person's city: a namesake lives there as
    often as the city's share of the places that profiles and cards name (both sides counted),
    so London says less than Leeds, and Leeds less than Bath."""
    places = distinct(accounts.location.tolist())
    firsts = [fold(re.split(r"[,/|;·•(]", t or "", maxsplit=1)[0]).strip() for t in places.values]
    per_value = np.bincount(places.of_row, minlength=len(places.values))
    counts: dict[str, int] = {}
    for first, n in zip(firsts, per_value.tolist(), strict=True):
        if first:
            counts[first] = counts.get(first, 0) + n
    for person in people:
        if person.city:
            counts[person.city] = counts.get(person.city, 0) + 1
    total = max(sum(counts.values()), CITY_MIN_PLACES)
    shares = [max(counts.get(p.city, 0), CITY_MIN_COUNT) / total for p in people]
    odds = np.log(CITY_SHOWN / np.array(shares, dtype=np.float64)) if people else np.zeros(0)
    return np.clip(odds, CITY_ODDS_MIN, CITY_ODDS_MAX)


def _employer_odds(people: list[Person], accounts: Accounts | None = None) -> np.ndarray:
    """Log-odds of a profile naming the person's employer: a namesake is as likely to work
    there as the employer is common, so a firm that employs a tenth of the book says less than
    one that employs a single contact. How common it is is read from both sides: the book's
    cards, and the profiles' websites on the employer's domain (a firm one card names may still
    be everyone's employer)."""
    groups = _aliases()
    keys = [min(groups.get(k, k) for k in p.orgs.full) if p.orgs.full else "" for p in people]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    # a small book says little of how common an employer is: count it as at least this large
    total = max(len(people), EMPLOYER_MIN_BOOK)
    shares = np.array([counts[k] / total if k else 1.0 for k in keys])
    if accounts is not None and len(accounts):
        sites = _site_shares(accounts)
        on_sites = [max((sites.get(k, 0.0) for k in p.orgs.full), default=0.0) for p in people]
        shares = np.maximum(shares, np.array(on_sites))
    return np.clip(np.log(EMPLOYER_SHOWN / shares), EMPLOYER_ODDS_MIN, EMPLOYER_ODDS_MAX)


def _site_shares(accounts: Accounts) -> dict[str, float]:
    """Each organisation's share of the profiles' websites (not link hubs or blog hosts)."""
    sites = distinct(accounts.domain.tolist())
    per_value = np.bincount(sites.of_row, minlength=len(sites.values)).tolist()
    counts: dict[str, int] = {}
    for host, n in zip(sites.values, per_value, strict=True):
        label = domain_label(host) if host and not is_generic_host(host) else ""
        if label:
            counts[label] = counts.get(label, 0) + n
    total = max(sum(counts.values()), EMPLOYER_MIN_SITES)
    return {label: n / total for label, n in counts.items()}


def _name_rarity(
    people: list[Person], accounts: Accounts, shown: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each person, -log of the number of profiles expected to bear their given and family
    name by chance: a rare name on a profile says much, a common one little; and the same for
    the name each profile of ``shown`` (rows of ``accounts``) bears itself.

    The expectation is the other profiles bearing the family name (one may be the person's own)
    times the given name's share among the people it goes with: the profiles and contacts whose
    family names are seen beside that given name somewhere (a given name is common among the
    surnames of its own language, not among all profiles, so "Chao" is weighed against Chinese
    surnames, not against everyone). The share is read from both sides, profiles and contacts."""
    given_names = [p.name.given for p in people]
    family_names = [p.name.family.rpartition(" ")[2] for p in people]
    givens = np.concatenate([accounts.hashes("given"), str_hashes(given_names)])
    families = np.concatenate([accounts.hashes("family"), str_hashes(family_names)])
    named = families != _EMPTY_HASH
    givens, families = givens[named], families[named]
    shown = np.zeros(0, dtype=np.int64) if shown is None else shown
    if not len(families):
        return np.zeros(len(people)), np.ones(len(people)), np.full(len(shown), RARITY_CAP)
    family_keys, family_of, family_sizes = np.unique(
        families, return_inverse=True, return_counts=True
    )
    family_of = family_of.reshape(-1)
    # the family names each given name is seen with, once each, and their profiles in all
    mixed = givens ^ (family_of.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    first = np.unique(mixed, return_index=True)[1]  # one row per (given, family) pair
    given_keys, given_of = np.unique(givens[first], return_inverse=True)
    peers = np.bincount(given_of.reshape(-1), weights=family_sizes[family_of[first]])
    given_sizes = np.bincount(search_sorted(given_keys, givens), minlength=len(given_keys))

    def lookup(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        pos = np.minimum(search_sorted(keys, wanted), len(keys) - 1)
        return np.where(keys[pos] == wanted, values[pos], 0).astype(np.float64)

    profile_families, profile_family_sizes = np.unique(
        accounts.hashes("family"), return_counts=True
    )

    def rarity_of(given: np.ndarray, family: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n_family = lookup(profile_families, profile_family_sizes, family)
        share = lookup(given_keys, given_sizes, given) / np.maximum(
            lookup(given_keys, peers, given), 1.0
        )
        return _rarity(n_family, share), share

    rarity, share = rarity_of(str_hashes(given_names), str_hashes(family_names))
    shown_given, shown_family = accounts.hashes("given")[shown], accounts.hashes("family")[shown]
    shown_rarity = rarity_of(shown_given, shown_family)[0]
    # a profile showing no family name bears no name of its own to weigh
    unnamed = (shown_family == _EMPTY_HASH) | (shown_given == _EMPTY_HASH)
    return rarity, share, np.where(unnamed, RARITY_CAP, shown_rarity)


def _rarity(n_family: np.ndarray, share: np.ndarray) -> np.ndarray:
    """-log of the namesakes expected among ``n_family`` profiles bearing the family name, a
    ``share`` of them with the given name. The person's own profile is among those counted:
    what is left is the namesakes; a surname no other profile bears may still have a namesake
    unseen (a small crowd shows few)."""
    expected = (np.maximum(n_family - 1, 0.0) + RARITY_UNSEEN) * share
    return np.clip(-np.log(expected + RARITY_FLOOR), -RARITY_CAP, RARITY_CAP)


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
    # every part of a double family name, as the card has it ("Krüger Schmidt"): the display
    # names keep a family name's last word, and the word before it as another family name
    f.both_families = np.zeros(len(f.pi), dtype=bool)
    double = np.nonzero(cols.has_inner[f.pi])[0]  # the few pairs of such people
    pi, ai = f.pi[double], f.ai[double]
    f.both_families[double] = (
        (accounts.alt_family[ai] == cols.family_inner[pi])
        & (accounts.family[ai] == cols.family[pi])
        & (accounts.given[ai] == cols.given[pi])
    )
    f.name_exact = (full_sim >= 100) | f.both_families
    other_family = _other_second_family(f, cols, accounts, double)
    # a typo ("Doh" for "Doe") costs little, a different name much
    fuzzy = np.clip((full_sim - 60.0) / 30.0, 0, 1) * 0.92
    one_letter = np.zeros(len(accounts), dtype=bool)
    one_letter[uniq] = [
        len(g) == 1 or len(fam) == 1  # "J Doe", "Jane D."
        for g, fam in zip(
            accounts.given[uniq].tolist(), accounts.family[uniq].tolist(), strict=True
        )
    ]
    initial = ((f.kinds & K_INITIAL) > 0) & (one_letter[f.ai] | (cols.given_len[f.pi] == 1))
    name = np.where(
        f.name_exact, 1.0, np.where((f.kinds & K_NAME) > 0, 0.92, np.where(initial, 0.8, fuzzy))
    )
    # "Vivian Gopamurthy" and "Vijay Gopamurthy": a long family name hides another given name
    account_given_len = np.zeros(len(accounts), dtype=np.int64)
    account_given_len[uniq] = [len(g) for g in accounts.given[uniq].tolist()]
    two_given = (
        ((f.kinds & K_NAME) == 0)
        & (cols.given_len[f.pi] > 1)
        & (account_given_len[f.ai] > 1)
        & ~f.name_exact
    )
    # the given names compared only where two given names meet
    both = np.nonzero(two_given)[0]
    pi, ai = f.pi[both], f.ai[both]
    given_sim = _cpdist(fuzz.ratio, cols.given[pi], accounts.given[ai], cutoff=0)
    swapped_sim = _cpdist(fuzz.ratio, cols.given[pi], accounts.family[ai], cutoff=0)
    # a typo keeps the first letter: "Sandra" is no typo of "Andreas"
    first = np.array([g[:1] for g in cols.given.tolist()], dtype=object)[pi]
    account_first = _scatter(len(accounts), uniq, [g[:1] for g in accounts.given[uniq].tolist()])
    account_family_first = _scatter(
        len(accounts), uniq, [g[:1] for g in accounts.family[uniq].tolist()]
    )
    given_differs = np.zeros(len(f.pi), dtype=bool)
    given_differs[both] = (given_sim < 70) | ((first != account_first[ai]) & (given_sim < 90))
    swapped_differs = np.zeros(len(f.pi), dtype=bool)
    swapped_differs[both] = (swapped_sim < 70) | (
        (first != account_family_first[ai]) & (swapped_sim < 90)
    )
    nickname = _nickname_with_family(f, cols, accounts, two_given & (name < 0.85))
    other_given = given_differs & swapped_differs & two_given & ~nickname
    # as a nickname with the family name (0.92), a little less with a typo in it
    name = np.where(nickname, np.maximum(name, 0.85), name)
    name = np.where(other_given | other_family, np.minimum(name, OTHER_GIVEN_NAME), name)
    # near by spelling alone: not the name, a nickname of it or its initial
    f.spelled_near = ~f.name_exact & ((f.kinds & K_NAME) == 0) & ~initial & ~nickname
    same_given = (f.kinds & K_ORG) > 0
    f.name = np.where(same_given & (name < 0.45), 0.45, name)


def _other_second_family(
    f: PairFeatures, cols: _PeopleColumns, accounts: Accounts, double: np.ndarray
) -> np.ndarray:
    """Among the pairs whose card has two family names (``double``), those whose display name
    has two as well, one of them the card's and the other another name ("Elena Pérez Zuera"
    and "Elena Pérez Galero": another mother's name, another person). Not a misspelling of
    the card's, nor a word profiles bear as a given name (a middle name: "Emma Sarah Jones")."""
    found = np.zeros(len(f.pi), dtype=bool)
    pi, ai = f.pi[double], f.ai[double]
    both = np.nonzero(accounts.has_second[ai])[0]
    if not len(both):
        return found
    pi, ai = pi[both], ai[both]
    own_inner, own_last = cols.family_inner[pi], cols.family[pi]
    inner, last = accounts.alt_family[ai], accounts.family[ai]
    first_agrees = inner == own_inner
    other = np.where(first_agrees, last, inner)
    own_other = np.where(first_agrees, own_last, own_inner)
    one_agrees = first_agrees ^ (last == own_last)
    given_names = frozenset(accounts.given.tolist())
    differs = np.array(
        [
            agrees and word not in given_names and fuzz.ratio(word, own) < 75
            for agrees, word, own in zip(
                one_agrees.tolist(), other.tolist(), own_other.tolist(), strict=True
            )
        ],
        dtype=bool,
    )
    found[double[both]] = differs
    return found


def _nickname_with_family(
    f: PairFeatures, cols: _PeopleColumns, accounts: Accounts, which: np.ndarray
) -> np.ndarray:
    """Among ``which`` pairs, those whose given names are one name's forms ("Mick" and
    "Michael", "Fede" and "Federica") beside the same family name or a typo of it ("Tuurner"):
    no other given name."""
    found = np.zeros(len(f.pi), dtype=bool)
    where = np.nonzero(which)[0]
    if not len(where):
        return found
    pi, ai = f.pi[where], f.ai[where]
    family_sim = _cpdist(fuzz.ratio, cols.family[pi], accounts.family[ai], cutoff=80)
    # or the family name's initial ("Jack S." for John Shaw)
    pairs = zip(cols.family[pi].tolist(), accounts.family[ai].tolist(), strict=True)
    initial = np.array([len(a) == 1 and own[:1] == a for own, a in pairs], dtype=bool)
    judged: dict[tuple[int, str], bool] = {}  # a person's namesakes repeat the given name
    near = np.nonzero((family_sim >= 80) | initial)[0]
    verdicts = []
    for meeting in zip(pi[near].tolist(), accounts.given[ai[near]].tolist(), strict=True):
        verdict = judged.get(meeting)
        if verdict is None:
            person, given = meeting
            verdict = judged[meeting] = any(
                given_compatible(own, given) or (len(given) >= 3 and own.startswith(given))
                for own in (cols.given[person], *cols.alt_given[person])
                if own
            )
        verdicts.append(verdict)
    found[where[near]] = verdicts
    return found


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
    # "janedoe", and "realjanedoe", "jane_doe_pr", "janedoe1987" with what surrounds the name
    core_hash = accounts.hashes("handle_core")[ai]
    name_like = _in_sets(cols.forms, pi, handle_hash) | _in_sets(cols.forms, pi, core_hash)
    # "j.doe" is what any Jane Doe might pick; "jdoe1987" or "pixeljane" is this one's
    distinct = local_hit & _in_sets(cols.distinct_locals, pi, handle_hash)
    # "mei.zhang" on Cindy Zhang's card is still a name (one any Mei Zhang might own): a local
    # part made of the names profiles bear says no more than a name, whoever's it is
    for k in np.nonzero(email_any & distinct)[0].tolist():
        if spelled_by_names(accounts.handle_key[ai[k]], accounts.name_words):
            distinct[k] = False
    f.email_handle = email_any & distinct
    f.email_handle_name_like = email_any & ~distinct
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
    best.employer_match = best.org_in_bio
    best.contact_in_bio = (f.kinds & K_CONTACT) > 0
    # the family name may be in the handle of a "Dave" found through it
    best.handle_surname = best.given_only = (f.kinds & (K_HANDLE | K_FUZZY | K_INITIAL)) > 0
    best.parody = best.location_conflict = np.zeros(len(f.pi), dtype=bool)
    best.country_conflict = best.parody
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
    title_hit = _partial_scores(cols.title[pi], bio_full[ai], title_ok, 95) >= 95
    f.title_in_bio[live] = _whole_words(cols.title[pi], bio_full[ai], title_hit)
    # a location shorter than the card's city is no city of it ("ES" in "manchester")
    long_enough = _scatter(size, uniq, places.spread([len(w) for w in place_words]), np.int64)
    has_both = cols.has_city[pi] & has_location[ai] & (long_enough[ai] >= cols.city_len[pi])
    city_sim = _partial_scores(cols.city[pi], location[ai], has_both, 60)
    f.city_in_location[live] = has_both & (city_sim >= 90)
    f.parody[live] = parody[ai]


def _signal_features(f: PairFeatures, people: list[Person], accounts: Accounts, live) -> None:
    """Employers, the contact's e-mail or phone in the bio, the family name in the website or
    handle, and places that contradict: read from each profile's text once, compared pair by
    pair (see :mod:`audience.matching.signals`), each only for the pairs it can concern."""
    live = np.asarray(live, dtype=np.int64)
    # a pair whose names differ ("Sally Parker" found through Dan Mears's employer) cannot
    # score with context, which counts as far as the names agree; unless the profile shows a
    # given name alone, whose family name may be in its handle or website
    first_only = np.zeros(len(accounts), dtype=bool)
    empty = str_hashes([""])[0]
    first_only[:] = accounts.hashes("family") == empty
    keep = (f.name[live] >= SIGNAL_NAME_FLOOR) | first_only[f.ai[live]]
    keep |= (f.kinds[live] & K_CONTACT) > 0
    live = live[keep]
    out = {k: np.zeros(len(live), dtype=bool) for k in _SIGNALS}
    pi, ai = f.pi[live], f.ai[live]
    cols = _AccountColumns(accounts, ai)
    out["handle_from_name"][:] = f.handle_from_name[live]
    givens, cores, handles = accounts.given, accounts.handle_core, accounts.handle_key

    def pairs(mask: np.ndarray):
        """(position, person, account index) of the pairs where ``mask`` holds."""
        where = np.nonzero(mask)[0]
        return zip(where.tolist(), pi[where].tolist(), ai[where].tolist(), strict=True)

    for k, p, a in pairs(cols.given_only[ai]):  # "Dave": is his family name elsewhere?
        person = people[p]
        if _given_agrees(givens[a], person):
            out["given_only"][k] = True
            handle = handles[a]
            out["handle_surname"][k] = any(
                len(x) >= 4 and x in handle for x in person.family_variants
            ) or handle_cut_surname(cores[a], person)
        elif _swapped_given_only(givens[a], cores[a], person):
            out["given_only"][k] = out["handle_surname"][k] = True
    # a long handle that begins a handle form of the name: the name cut at 15 characters
    cut_forms: dict[int, frozenset[str]] = {}
    for k, p, a in pairs(cols.long_core[ai]):
        beginnings = cut_forms.get(p)
        if beginnings is None:
            beginnings = cut_forms[p] = frozenset(
                form[:n]
                for form in people[p].handle_forms
                for n in range(TRUNCATED_AT, len(form) + 1)
            )
        if cores[a] in beginnings:
            out["handle_from_name"][k] = out["handle_surname"][k] = True
    # the family name a word of the site or inside it (Site.names), or a handle form inside it
    needles: dict[int, tuple[frozenset[str], tuple[str, ...]]] = {}
    named_sites = []
    for k, p, a in pairs(cols.has_site[ai]):
        site = cols.sites[a]
        words_, inside = needles.get(p) or needles.setdefault(p, _site_needles(people[p]))
        if not site.tokens.isdisjoint(words_):
            named_sites.append(k)
            continue
        text = f"{site.label}\0{site.words}"
        for x in inside:
            if x in text:
                named_sites.append(k)
                break
    out["site_name"][named_sites] = True
    bios = accounts.bio
    for k, p, a in pairs((f.kinds[live] & K_CONTACT) > 0):  # found by an address or a number
        shared = people[p].contact_keys & bio_contacts(bios[a] or "")
        if any(
            "@" not in key or personal_local_part(key) in people[p].distinct_locals
            for key in shared
        ):
            out["contact_in_bio"][k] = True  # a phone number, or an address beyond the name
        elif shared:
            out["email_in_bio_name_like"][k] = True
    _employer_pairs(out, f, live, people, accounts, cols)
    _place_pairs(out, f, live, people, accounts)
    for kind, values in out.items():
        getattr(f, kind)[live] = values


def _site_needles(person: Person) -> tuple[frozenset[str], tuple[str, ...]]:
    """(words a website's word may be, strings a website may hold): the family names (see
    Site.names) and the handle forms of the name. A form that holds no family name whole,
    the given name and an initial ("louisew"), counts only as a word of its own: inside the
    glued words of "/people/louise-warbrook" it begins another family name."""
    families = tuple(x for x in person.family_variants if len(x) >= 3)
    forms = person.handle_forms
    whole = [f for f in forms if any(fam in f for fam in person.family_variants)]
    inside = tuple(x for x in families if len(x) >= 4) + tuple(whole)
    return frozenset(families) | frozenset(forms), inside


class _AccountColumns:
    """What the signals need of the accounts in play, computed once per account. The
    organisations a profile names are numbered by value (``org_codes``; 0 is none), so that
    whether two agree is decided once per pair of organisations, not once per pair of people."""

    def __init__(self, accounts: Accounts, ai: np.ndarray):
        size = len(accounts)
        uniq = _present(ai, size)
        empty = str_hashes([""])[0]
        self.given_only = np.zeros(size, dtype=bool)
        self.given_only[uniq] = (accounts.hashes("family")[uniq] == empty) & (
            accounts.hashes("given")[uniq] != empty
        )
        self.long_core = np.zeros(size, dtype=bool)
        self.long_core[uniq] = [len(c) >= TRUNCATED_AT for c in accounts.handle_core[uniq].tolist()]
        self.has_site = np.zeros(size, dtype=bool)
        self.sites: dict[int, Site] = {}
        self.orgs = _OrgCodes()
        self.site_org = np.zeros(size, dtype=np.int64)  # the website's organisation
        self.current = np.zeros(size, dtype=np.int64)  # the employer the bio names
        self.former = np.zeros(size, dtype=np.int64)  # the former employer the bio names
        # websites and bios are mostly one account's own: parsed without a lasting cache
        parsed: dict[str, Site] = {}
        for a, url in zip(uniq.tolist(), accounts.website[uniq].tolist(), strict=True):
            if url:
                site = parsed.get(url)
                if site is None:
                    site = parsed[url] = parse_site.__wrapped__(url)
                if site.host:
                    self.sites[a] = site
                    self.has_site[a] = True
                    if not is_generic_host(site.host):
                        self.site_org[a] = self.orgs.code(domain_keys(site.host))
        bios, displays = accounts.bio, accounts.display
        hinted = set(org_hint_rows(bios[uniq].tolist(), displays[uniq].tolist()))
        for a in uniq[sorted(hinted)].tolist():
            orgs = hinted_bio_orgs(bios[a] or "", displays[a] or "")
            self.current[a] = self.orgs.code(orgs.current)
            self.former[a] = self.orgs.code(orgs.former)
        # accounts whose bio, display name or website may name an employer
        self.org_info = (self.site_org > 0) | (self.current > 0) | (self.former > 0)


class _OrgCodes:
    """Organisations (OrgKeys) numbered by value, 0 for none; whether two numbered ones agree
    is worked out once per pair of numbers."""

    def __init__(self) -> None:
        self.keys: list[OrgKeys] = [NO_ORG]
        self._codes: dict[tuple, int] = {(NO_ORG.full, NO_ORG.short): 0}
        # each organisation's glued names' first three and last six letters (see _agree)
        self._ends: dict[int, frozenset[str]] = {}

    def code(self, keys: OrgKeys) -> int:
        value = (keys.full, keys.short)  # hashed in C, not by the dataclass's __hash__
        found = self._codes.get(value)
        if found is None:
            found = self._codes[value] = len(self.keys)
            self.keys.append(keys)
        return found

    def agree(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """For each k: do organisations ``left[k]`` and ``right[k]`` agree (0 agrees with none)?"""
        result = np.zeros(len(left), dtype=bool)
        both = np.nonzero((left > 0) & (right > 0))[0]
        if not len(both):
            return result
        combos, which = np.unique(left[both] * len(self.keys) + right[both], return_inverse=True)
        n = len(self.keys)
        agreed = np.array([self._agree(c // n, c % n) for c in combos.tolist()], dtype=bool)
        result[both] = agreed[which.reshape(-1)]
        return result

    def _agree(self, a: int, b: int) -> bool:
        """``orgs_agree`` of two numbered organisations. Two glued names agree only if they
        begin alike (equal, or one begins the other: same first three letters) or end alike
        (one ends the other: same last six letters); most pairs share neither, and then only a
        short form can make them agree."""
        if self._ends_of(a).isdisjoint(self._ends_of(b)):
            x, y = self.keys[a], self.keys[b]
            return not x.short.isdisjoint(y.full) or not y.short.isdisjoint(x.full)
        return orgs_agree(self.keys[a], self.keys[b])

    def _ends_of(self, code: int) -> frozenset[str]:
        """The first three and last six letters of the organisation's glued names, in one set
        (a beginning, three letters at most, never equals an ending of six)."""
        ends = self._ends.get(code)
        if ends is None:
            full = self.keys[code].full
            ends = self._ends[code] = frozenset(
                [x[:3] for x in full]
                + [x[-ORG_SUFFIX_MIN:] for x in full if len(x) >= ORG_SUFFIX_MIN]
            )
        return ends


def _place_pairs(out, f, live, people, accounts) -> None:
    pi, ai = f.pi[live], f.ai[live]
    has_city = np.array([bool(p.city) for p in people], dtype=bool)
    has_place = np.zeros(len(accounts), dtype=bool)
    uniq = _present(ai, len(accounts))
    has_place[uniq] = [bool(x) for x in accounts.location[uniq].tolist()]
    agree = f.city_in_location[live].copy()
    places = accounts.location
    # cities and places repeat: each meeting of the two is judged once
    judged: dict[tuple[str, str], int] = {}
    for k in np.nonzero(has_city[pi] & has_place[ai] & ~agree)[0].tolist():
        meeting = (people[pi[k]].city, places[ai[k]])
        verdict = judged.get(meeting)
        if verdict is None:
            # 1: far apart; 2: "Salford" for Manchester; 0: neither
            verdict = judged[meeting] = (
                1 if places_conflict(*meeting) else 2 if places_agree(*meeting) else 0
            )
        if verdict == 1:
            out["location_conflict"][k] = True
        elif verdict == 2:
            agree[k] = True
    f.city_in_location[live] = agree
    # another country than every one the card names (its country, its city's, its phones')
    has_country = np.array([bool(p.countries) for p in people], dtype=bool)
    maybe = np.nonzero(has_country[pi] & has_place[ai] & ~agree & ~out["location_conflict"])[0]
    if len(maybe):
        rows = _present(ai[maybe], len(accounts))
        named = distinct(places[rows].tolist())
        countries = named.spread([place_country(text) for text in named.values])
        country = _scatter(len(accounts), rows, countries)
        there = country[ai[maybe]]
        codes = _set_codes([sorted(p.countries) for p in people])
        known = _in_sets(codes, pi[maybe], str_hashes(there.tolist()))
        out["country_conflict"][maybe] = (there != "") & ~known


def _employer_pairs(out, f, live, people, accounts, cols: _AccountColumns) -> None:
    # the card's organisation written in the bio, or a website on the e-mail's domain
    named_employer = f.org_in_bio[live] | f.domain_website[live]
    pi, ai = f.pi[live], f.ai[live]
    person_org = np.array([cols.orgs.code(p.orgs) for p in people], dtype=np.int64)
    out["employer_match"][:] = named_employer  # the former kind is told apart below
    where = np.nonzero(((person_org[pi] > 0) | named_employer) & cols.org_info[ai])[0]
    wp, wa = pi[where], ai[where]
    own = person_org[wp]
    now = cols.orgs.agree(own, cols.current[wa])
    before = cols.orgs.agree(own, cols.former[wa])
    has_current = cols.current[wa] > 0
    # a website on an organisation's domain names the employer, unless it is the person's own
    # (janedoe.com): read only where it decides something
    site_agrees = cols.orgs.agree(own, cols.site_org[wa])
    has_site = cols.site_org[wa] > 0
    site_used = np.zeros(len(where), dtype=bool)
    families = accounts.family
    for k in np.nonzero(has_site & ((site_agrees & ~now) | ~has_current))[0].tolist():
        person, a = people[wp[k]], int(wa[k])
        site, family = cols.sites[a], families[a] or ""
        personal = any(
            len(x) >= 3 and (x == site.label or len(x) >= 4 and x in site.label)
            for x in (*person.family_variants, family)
        ) or any(form in site.label for form in person.handle_forms)  # janedoe.com
        site_used[k] = not personal
    now |= site_used & site_agrees
    current = has_current | site_used
    match = now | (named_employer[where] & ~before)
    out["employer_match"][where] = match
    # "ex-Brightwater": the card is older than the profile
    out["former_employer"][where] = ~match & before
    out["employer_conflict"][where] = ~match & ~before & current


TRUNCATED_AT = 12  # a handle core this long may be a name cut at X's 15 characters


def handle_cut_surname(core: str, person: Person) -> bool:
    """The handle is a given name (or its initial) and the first letters of the person's family
    name, either way round: "chiomaogun" or "ogunchioma" for Chioma Ogundipe, "staylor" for
    Sarah Taylor."""
    for given in person.given_forms:
        if core.startswith(given):
            rest = core[len(given) :]
        elif core.endswith(given) and len(given) > 1:
            rest = core[: -len(given)]
        else:
            continue
        if len(rest) >= 3 and any(f.startswith(rest) for f in person.family_variants):
            return True
    return False


def _swapped_given_only(given: str, core: str, person: Person) -> bool:
    """A card with its names in each other's columns ("Lidton | Rebecca") and a profile
    showing the given name alone ("Rebecca" @rebecca_lidto83): the display is the card's
    family name, and the handle spells the card's given name, whole or cut short."""
    own_given, own_family = person.name.given, person.name.family
    if len(own_given) < 3 or given != own_family:
        return False
    if len(own_given) >= 4 and own_given in core:
        return True
    rest = core[len(given) :] if core.startswith(given) else ""
    rest = rest or (core[: -len(given)] if core.endswith(given) else "")
    return len(rest) >= 3 and own_given.startswith(rest)


def _given_agrees(given: str, person: Person) -> bool:
    """A display name's given name is the person's: the same, a nickname, or its first
    letters ("Max" for Maximiliane)."""
    for own in (person.name.given, *person.alt_given):
        if not own:
            continue
        if given == own or (len(given) >= 3 and own.startswith(given)):
            return True
        if name_groups(given) & name_groups(own):
            return True
        if given in given_endings(own) or own in given_endings(given):  # Segun, Olusegun
            return True
    return False


_SIGNALS = (
    "contact_in_bio",
    "email_in_bio_name_like",
    "employer_match",
    "former_employer",
    "employer_conflict",
    "site_name",
    "handle_surname",
    "location_conflict",
    "country_conflict",
    "given_only",
    "handle_from_name",
)


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
    """The log-odds that each pair is one person, from its own evidence alone (how many other
    candidates look alike is for :func:`audience.matching.matcher` to weigh)."""
    f.odds = raw_score(f)
    f.score = f.odds
    return f.score


_UNGATED = frozenset(["contact_in_bio", "email_handle", "email_handle_name_like", "given_only"])


def raw_score(f: PairFeatures) -> np.ndarray:
    """Name agreement, then each kind of evidence for or against, as log-odds. Evidence that
    only a person with this name would show (a name-built handle, a website with the name)
    counts little: namesakes show it too."""
    name = f.name.astype(np.float64)
    # "Dave" with @kirkshawdave or kirkshaw.dev: the family name is there, outside the name
    named_elsewhere = (f.handle_surname | f.site_name) & (name < 0.85) & f.given_only
    name = np.where(named_elsewhere, GIVEN_WITH_HANDLE_SURNAME, name)
    odds = NAME_SLOPE * (name - 1.0) + NAME_EXACT * f.name_exact
    odds = odds + RARITY_WEIGHT * f.rarity * (name >= RARITY_NAME)
    sole_rarity = f.rarity if f.sole_rarity is None else f.sole_rarity
    odds = odds + SOLE_RARITY_WEIGHT * sole_rarity * f.rare_name
    # context counts in proportion to how well the name agrees: a colleague at the same
    # company never scores on context alone; identity (the e-mail, the phone) needs no name
    gate = np.minimum(1.0, name / 0.8)
    for kind, weight in LOG_ODDS.items():
        flag = getattr(f, kind)
        if kind == "employer_match" and f.employer_odds is not None:
            value = f.employer_odds * flag
        elif kind == "city_in_location" and f.city_odds is not None:
            value = f.city_odds * flag
        else:
            value = weight * flag
        odds = odds + (value if kind in _UNGATED or weight < 0 else gate * value)
    return odds


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
    "country_conflict": lambda p, acc, a: (
        f"location {acc.location[a]} is in another country than the card's "
        f"({', '.join(sorted(p.countries))})"
    ),
    "rare_name": lambda p, acc, a: "only profile with this name",
    "outnamed": lambda p, acc, a: "another profile bears the name exactly",
    "given_only": lambda p, acc, a: f"display name {acc.display[a]} is the given name alone",
    "near_name_alone": lambda p, acc, a: (
        f"display name {acc.display[a]} is near the name, and nothing else spells it"
    ),
    "contact_in_bio": lambda p, acc, a: "bio holds the contact's e-mail address or phone number",
    "email_in_bio_name_like": lambda p, acc, a: "bio holds the contact's name-built e-mail address",
    "employer_match": lambda p, acc, a: (
        f"profile names the employer ({p.org or ', '.join(p.domains)})"
    ),
    "former_employer": lambda p, acc, a: (
        f"bio names {p.org or ', '.join(p.domains)} as a former employer"
    ),
    "employer_conflict": lambda p, acc, a: "profile names another current employer",
    "site_name": lambda p, acc, a: f"website {acc.website[a]} carries the family name",
    "handle_surname": lambda p, acc, a: f"handle @{acc.handle[a]} carries the family name",
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
    name_weights = [round(NAME_SLOPE * (w - 1.0), 2) for w in f.name[ks].astype(float).tolist()]
    owners = f.pi[ks].tolist() if person_index is None else person_index
    result = []
    for n, (a, row) in enumerate(zip(f.ai[ks].tolist(), flags.tolist(), strict=True)):
        person = people[owners[n]]
        display = accounts.display[a] or accounts.handle[a] or ""
        items = [
            {"kind": "name", "detail": f"{person.label!s} ~ {display!s}", "weight": name_weights[n]}
        ]
        weighed = _weighed(f, int(ks[n]))
        items += [
            {
                "kind": kind,
                "detail": _DETAILS[kind](person, accounts, a),
                "weight": weighed.get(kind, LOG_ODDS.get(kind, 0.0)),
            }
            for kind, flag in zip(kinds, row, strict=True)
            if flag
        ]
        result.append(items)
    return result


def _weighed(f: PairFeatures, k: int) -> dict[str, float]:
    """The log-odds this pair's employer and city evidence were given (they depend on how
    common the employer is in the book and the city among the places named)."""
    weights = {}
    if f.employer_odds is not None:
        weights["employer_match"] = round(float(f.employer_odds[k]), 2)
    if f.city_odds is not None:
        weights["city_in_location"] = round(float(f.city_odds[k]), 2)
    return weights


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


def _whole_words(needles: np.ndarray, haystacks: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Where ``mask`` holds: the best alignment of the needle in the haystack begins and ends
    at word boundaries ("partner" is not in "partnerships", "editor" in "editor-at-large" is)."""
    out = np.zeros(len(needles), dtype=bool)
    for k in np.nonzero(mask)[0].tolist():
        needle, hay = needles[k], haystacks[k]
        found = fuzz.partial_ratio_alignment(needle, hay)
        if found is None:
            continue
        start, end = found.dest_start, found.dest_end
        out[k] = (start == 0 or not hay[start - 1].isalnum()) and (
            end >= len(hay) or not hay[end].isalnum()
        )
    return out


def _contains_word(needles: np.ndarray, haystacks: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The needle is a whole word of the haystack (words separated by single spaces)."""
    out = np.zeros(len(needles), dtype=bool)
    where = np.nonzero(mask)[0]
    pairs = zip(needles[where].tolist(), haystacks[where].tolist(), strict=True)
    out[where] = [n in h and f" {n} " in f" {h} " for n, h in pairs]
    return out
