"""Independent benchmark data for contact-to-profile matching: a realistic, hard contact book.

Written without reading the matcher or bench/match_data.py. It plants what real contact books and
X profiles look like: sparse and stale cards, personal e-mails, company aliases, married names,
typos, swapped names, duplicates; Zipf-weighted names from many origins (so namesakes grow with
scale); profiles whose display names, handles, bios, websites and locations vary, with only about
half of the true pairs carrying evidence; and namesakes rendered by the same code as true profiles.

    python bench/match_hard.py --contacts 1000 --profiles 10000 --seed 1 --out DIR
    python bench/match_hard.py ... --rate has_profile=0.5 --rate stale_job=0.3

Writes DIR/contacts.csv (Google Contacts CSV, current format), DIR/profiles.jsonl (twarc2
users-lookup pages), DIR/truth.csv (contact_row,profile_id,username), DIR/contacts_meta.csv
(contact_row,person_key), DIR/profiles_meta.csv (profile_id, kind, person_key, namesake_of,
evidence, tags: for error analysis only, never read by a matcher) and DIR/variations.csv (how
often each variation was planted).
Vocabulary (names, places, organisations, bio words) is in bench/data/match_hard/.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from anyascii import anyascii
from nicknames import NickNamer

DATA = Path(__file__).parent / "data" / "match_hard"

# Every variation has a tunable rate (override with --rate NAME=VALUE).
RATES: dict[str, float] = {
    # people and contact cards
    "has_profile": 0.65,  # share of contact persons with a true X profile
    "card_personal_email_only": 0.25,  # the card's only e-mail is a personal one (gmail, gmx...)
    "card_both_emails": 0.15,  # work and personal e-mail on the card
    "card_two_work_emails": 0.05,  # two work e-mails in one ' ::: ' cell
    "card_no_email": 0.08,
    "card_blank_company": 0.35,
    "card_blank_title": 0.55,
    "card_blank_city": 0.55,
    "card_phone": 0.35,
    "card_two_phones": 0.08,  # given a phone: mobile and work in two groups / a ' ::: ' cell
    "card_website": 0.04,  # personal site or LinkedIn on the card
    "card_x_link": 0.015,  # the X profile itself on the card
    "card_notes": 0.10,
    "card_email_only_row": 0.015,  # "Other contacts" style: nothing but an e-mail
    "stale_job": 0.22,  # person changed employer since the card was written
    "stale_city": 0.15,  # person moved city since the card was written
    "company_alias": 0.35,  # card writes the company as an alias or acronym
    "company_suffix": 0.25,  # card writes "Ltd", "GmbH"... of a made-up company
    "married": 0.12,  # of women: a maiden and a married surname
    "card_maiden": 0.6,  # of married women: the card has the maiden name
    "profile_maiden": 0.25,  # of married women: the profile keeps the maiden name
    "surname_typo": 0.05,
    "given_typo": 0.02,
    "swapped_names": 0.03,  # given and family names in each other's columns
    "half_double_barrel": 0.5,  # of people with two surnames, one side writes only one
    "duplicate_row": 0.04,  # the same person on a second row
    "card_nickname": 0.10,
    "card_accents_dropped": 0.25,
    "card_middle_name": 0.06,
    "card_upper_email": 0.03,
    "alt_given_on_card": 0.5,  # of people with an English given name too, the card uses it
    # profiles
    "profile_evidence": 0.5,  # the profile carries any employer or identity evidence
    "ev_employer_bio": 0.55,  # given evidence: current employer in the bio
    "ev_employer_site": 0.25,  # given evidence: website on the employer's domain
    "ev_contact_in_bio": 0.07,  # given evidence: e-mail or phone in the bio
    "ev_personal_site": 0.18,  # given evidence: janedoe.com or /people/jane-doe
    "ev_same_city": 0.35,  # given evidence: the person's city as location
    "ex_employer_in_bio": 0.08,  # "ex-Deloitte": the previous employer mentioned
    "loc_soft": 0.45,  # without city evidence: a location that does not contradict
    "profile_nickname": 0.15,
    "profile_accents_dropped": 0.3,
    "protected": 0.03,
    "verified": 0.02,
    "default_avatar": 0.08,
    # display names (weights, normalised at use)
    "dn_full": 0.52,
    "dn_first_only": 0.06,
    "dn_initial_surname": 0.05,
    "dn_surname_first": 0.04,
    "dn_nee": 0.35,  # of married women
    "dn_middle": 0.05,
    "dn_with_company": 0.05,
    "dn_emoji": 0.07,
    "dn_unrelated": 0.04,
    "dn_lowercase": 0.03,
    # handles
    "handle_unrelated": 0.07,
    "handle_digits": 0.30,
    "handle_prefix": 0.08,
    "handle_suffix": 0.10,
    "handle_camel": 0.30,
    # namesakes and background
    "namesake": 0.40,  # --namesakes fixed: share of contact persons with planted namesakes
    "namesakes_max": 4,  # --namesakes fixed: planted namesakes per such person: 1..max
    "background_brand": 0.04,  # background profiles that are brands, bots or jokes
}

# How namesakes of contact persons come into the profiles:
# - "frequency": every background profile's name is drawn from the same frequency-weighted
#   tables as the contacts', so how many profiles share a contact's full name follows from the
#   name's commonness and the number of profiles (Binomial(N, p(name))), as in a real crowd;
# - "fixed": on top of those, 40% of contact persons get 1-4 planted namesakes however rare
#   the name and however few the profiles (the first version of this generator).
# Both render every namesake with the same code as a true profile.
NAMESAKE_MODES = ("frequency", "fixed")

PAGE_SIZE = 100
X_EPOCH_MS = 1288834974657
GOOGLE_HEADER_FIXED = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
    "Organization Name", "Organization Title", "Organization Department", "Birthday",
    "Notes", "Photo", "Labels",
]
ADDRESS_PARTS = ["Formatted", "Street", "City", "PO Box", "Region", "Postal Code", "Country",
                 "Extended Address"]
STREETS = ["High Street", "Station Road", "Church Lane", "Main Street", "Market Square",
           "Rue de la Paix", "Calle Mayor", "Hauptstraße", "Via Roma", "Kerkstraat", "ul. Długa"]


# ---- vocabulary -----------------------------------------------------------------------------


def _zipf_cum(n: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _blocks(path: Path):
    """(header line, [body lines]) per '@' block of a vocabulary file."""
    header, body = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            if header:
                yield header, body
            header, body = line[1:], []
        else:
            body.append(line)
    if header:
        yield header, body


@dataclass
class Origin:
    name: str
    weight: float
    countries: list[str]
    country_cum: list[float]
    given: dict[str, list[str]]
    given_cum: dict[str, list[float]]
    surnames: list[str]
    surname_cum: list[float]
    double: float
    alt: float
    nicks: dict[str, list[str]]
    surname_set: frozenset[str] = frozenset()


@dataclass
class Country:
    code: str
    name: str
    aliases: list[str]
    tld: str
    phone_code: str
    mail_domains: list[str]
    cities: list[str]
    city_cum: list[float]
    hoods: dict[str, list[str]]


@dataclass
class Company:
    name: str
    aliases: list[str]
    domain: str
    handle: str
    country: str
    suffix: str = ""


class Vocabulary:
    """Names, places, organisations and bio words, read once per run."""

    def __init__(self, rng: random.Random, n_companies: int):
        self.origins = [self._origin(h, b) for h, b in _blocks(DATA / "names.txt")]
        self.origin_cum = list(itertools.accumulate(o.weight for o in self.origins))
        self.countries = {c.code: c for c in (self._country(h, b)
                                              for h, b in _blocks(DATA / "places.txt"))}
        words = {}
        for line in (DATA / "vocab.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition(":")
                words[key.strip()] = value
        self.suffixes = {code: parts.split("/") for code, parts in re.findall(
            r"([A-Z]{2})=(.*?)(?=, [A-Z]{2}=|$)", words.pop("company_suffixes").strip())}
        self.words = {key: _split(value) for key, value in words.items()}
        alt = dict(line.split(":", 1) for line in (DATA / "alt_given.txt").read_text(
            encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
        self.alt_given = {sex.strip(): _split(names) for sex, names in alt.items()}
        self.companies = self._companies(rng, n_companies)
        self.company_cum = _zipf_cum(len(self.companies), 0.9)
        self.nicknamer = NickNamer()
        self._nick_cache: dict[str, list[str]] = {}

    def _origin(self, header: str, body: list[str]) -> Origin:
        parts = header.split()
        name, weight = parts[0], float(parts[1])
        shares = [p.split(":") for p in parts[2:]]
        fields = {}
        for line in body:
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
        given = {sex: _split(fields[sex]) for sex in ("m", "f")}
        surnames = _split(fields["s"])
        if fields.get("stem"):
            stems, ends = _split(fields["stem"]), _split(fields["end"])
            tail = sorted({s + e for s in stems for e in ends} - set(surnames))
            random.Random(name).shuffle(tail)  # a fixed order: the tail's ranks are arbitrary
            surnames += tail
        nicks = {}
        for pair in _split(fields.get("nick", "")):
            formal, _, short = pair.partition("=")
            nicks[formal.strip().lower()] = [s for s in short.split("/") if s != formal]
        return Origin(
            name=name,
            weight=weight,
            countries=[c for c, _ in shares],
            country_cum=list(itertools.accumulate(float(s) for _, s in shares)),
            given=given,
            given_cum={sex: _zipf_cum(len(v), 0.9) for sex, v in given.items()},
            surnames=surnames,
            surname_cum=_zipf_cum(len(surnames), 1.0),
            double=float(fields.get("double") or 0),
            alt=float(fields.get("alt") or 0),
            nicks=nicks,
            surname_set=frozenset(surnames),
        )

    @staticmethod
    def _country(header: str, body: list[str]) -> Country:
        code, name, aliases, tld, phone, mails = (p.strip() for p in header.split("|"))
        cities, hoods = [], {}
        for line in body:
            city, _, rest = line.partition(":")
            cities.append(city.strip())
            hoods[city.strip()] = _split(rest)
        return Country(code, name, _split(aliases), tld, phone, _split(mails), cities,
                       _zipf_cum(len(cities), 1.0), hoods)

    def _companies(self, rng: random.Random, n_total: int) -> list[Company]:
        known = []
        for line in (DATA / "companies.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, aliases, domain, handle, country = (p.strip() for p in line.split("|"))
                known.append(Company(name, [a.strip() for a in aliases.split(";")], domain,
                                     handle, country))
        made_up: list[Company] = []
        seen = {c.name for c in known}
        first, kinds = self.words["company_words"], self.words["company_kinds"]
        codes = list(self.countries)
        while len(known) + len(made_up) < n_total:
            words = [rng.choice(first), rng.choice(first + kinds), rng.choice(kinds)]
            words = words[: rng.choice((2, 2, 3))]
            if words[0] == words[1]:
                continue
            base = " ".join(words)
            if base in seen:
                continue
            seen.add(base)
            country = self.countries[rng.choice(codes[:8]) if rng.random() < 0.7
                                     else rng.choice(codes)]
            suffix = rng.choice(self.suffixes.get(country.code, [""]))
            slug = re.sub(r"[^a-z0-9]", "", anyascii(base).lower())
            domain = f"{slug if rng.random() < 0.7 else slug[:12]}.{country.tld}"
            acronym = "".join(w[0] for w in words).upper()
            aliases = [f"{base} {suffix}".strip(), acronym if len(words) > 2 else "".join(words)]
            handle = re.sub(r"[^A-Za-z0-9_]", "", base.title().replace(" ", ""))
            handle = handle[:15] if rng.random() < 0.8 else handle + "HQ"
            made_up.append(Company(base, aliases, domain, handle[:15], country.code, suffix))
        # interleave so well-known names keep the head of the Zipf ranks
        return known + made_up

    def nicknames(self, origin: Origin, given: str) -> list[str]:
        key = given.lower()
        if key in origin.nicks:
            return origin.nicks[key]
        if key not in self._nick_cache:
            names = self.nicknamer.nicknames_of(anyascii(key)) if key.isascii() else set()
            self._nick_cache[key] = sorted(n.title() for n in names if len(n) > 1)
        return self._nick_cache[key]


# ---- people ---------------------------------------------------------------------------------


@dataclass
class Place:
    country: str
    city: str


@dataclass
class Person:
    key: str
    origin: Origin
    sex: str
    given: str
    family: str  # current surname (married name for married women)
    middle: str = ""
    maiden: str = ""
    alt_given: str = ""
    company: Company | None = None
    old_company: Company | None = None
    title: str = ""
    place: Place | None = None
    old_place: Place | None = None
    phone: str = ""
    personal_email: str = ""
    site_slug: str = ""
    tags: list[str] = field(default_factory=list)
    namesake_of: str = ""  # the key of the contact person a namesake was planted for


def _pick(rng: random.Random, items: list, cum: list[float]):
    return items[bisect.bisect(cum, rng.random() * cum[-1])]


class People:
    def __init__(self, vocab: Vocabulary, rng: random.Random, stats: Counter):
        self.v = vocab
        self.rng = rng
        self.stats = stats
        self.count = 0
        self.addresses: set[str] = set()  # personal e-mail addresses handed out
        # a personal domain and a phone number are one person's, as a mailbox is: a namesake
        # who comes second registers another domain, and no two people share a number
        self.site_slugs: set[str] = set()
        self.phones: set[str] = set()

    def surname(self, origin: Origin) -> str:
        rng = self.rng
        name = _pick(rng, origin.surnames, origin.surname_cum)
        if origin.double and rng.random() < origin.double:
            other = _pick(rng, origin.surnames, origin.surname_cum)
            if other != name:
                joiner = " " if origin.name in ("spanish", "portuguese") else "-"
                name = f"{name}{joiner}{other}"
        return name

    def place(self, origin: Origin) -> Place:
        code = _pick(self.rng, origin.countries, origin.country_cum)
        country = self.v.countries[code]
        return Place(code, _pick(self.rng, country.cities, country.city_cum))

    def new(self, like: Person | None = None) -> Person:
        """A new person; with `like`, a namesake: same given and family name, own life."""
        rng, v = self.rng, self.v
        self.count += 1
        key = f"p{self.count}"
        if like is not None:
            origin, sex, given, family = like.origin, like.sex, like.given, like.family
        else:
            origin = _pick(rng, v.origins, v.origin_cum)
            sex = "f" if rng.random() < 0.5 else "m"
            given = _pick(rng, origin.given[sex], origin.given_cum[sex])
            family = self.surname(origin)
        person = Person(key, origin, sex, given, family, namesake_of=like.key if like else "")
        if rng.random() < 0.25:
            person.middle = _pick(rng, origin.given[sex], origin.given_cum[sex])
        if sex == "f" and rng.random() < RATES["married"]:
            person.maiden = self.surname(origin)
            if person.maiden == family:
                person.maiden = ""
        if origin.alt and rng.random() < origin.alt:
            person.alt_given = rng.choice(v.alt_given[sex])
        person.company = v.companies[bisect.bisect(v.company_cum, rng.random() * v.company_cum[-1])]
        person.title = rng.choice(v.words["titles"])
        person.place = self.place(origin)
        if rng.random() < 0.8 and person.company.country in v.countries and rng.random() < 0.5:
            country = v.countries[person.company.country]
            person.place = Place(country.code, _pick(rng, country.cities, country.city_cum))
        country = v.countries[person.place.country]
        person.phone = self._phone(country)
        local = self.mail_local(person, personal=True)
        domain = rng.choice(country.mail_domains)
        address = f"{local}@{domain}"
        while address in self.addresses:  # a mailbox is one person's: the provider asks for another
            address = f"{local}{rng.randint(1, 9999)}@{domain}"
        self.addresses.add(address)
        person.personal_email = address
        slug = _slug(f"{given}{family}") if rng.random() < 0.5 else \
            _slug(f"{given}-{family}", keep="-")
        person.site_slug = self._own_slug(slug, person)
        return person

    def _phone(self, country: Country) -> str:
        rng = self.rng
        while True:
            phone = f"+{country.phone_code} {rng.randint(6, 9)}{rng.randint(0, 99):02d} " \
                    f"{rng.randint(100000, 999999)}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def _own_slug(self, slug: str, person: Person) -> str:
        """The person's site name; when a namesake already owns it, what people do then: the
        middle initial, a word of their trade, or a number."""
        rng = self.rng
        candidates = [slug]
        if person.middle:
            candidates.append(_slug(f"{person.given}{person.middle[0]}{person.family}"))
        for attempt in itertools.count():
            for candidate in candidates:
                if candidate and candidate not in self.site_slugs:
                    self.site_slugs.add(candidate)
                    return candidate
            number = str(rng.randint(1, 10 ** (2 + attempt // 8)))  # longer as tries fail
            word = rng.choice(self.v.words["handle_suffixes"] + [number])
            candidates = [slug + _slug(word)]
        raise AssertionError("unreachable")

    def mail_local(self, person: Person, personal: bool, family: str = "") -> str:
        rng = self.rng
        family = family or person.family
        given, family = _slug(person.given), _slug(re.split(r"[ -]", family)[0])
        if personal:
            patterns = [f"{given}.{family}", f"{given}{family}",
                        f"{given}.{family}{rng.randint(1, 99)}",
                        f"{given[0]}{family}{rng.randint(60, 99)}", f"{family}.{given}",
                        f"{given}_{family}", f"{rng.choice(self.v.words['unrelated_words'])}"
                        f"{given}{rng.randint(1, 999)}"]
            return rng.choice(patterns)
        patterns = [f"{given}.{family}", f"{given}.{family}", f"{given[0]}{family}",
                    f"{given}", f"{given[0]}.{family}", f"{family}"]
        return rng.choice(patterns)

    def life_changes(self, person: Person) -> None:
        """Move the person on since their card was written (stale job or city)."""
        rng, v = self.rng, self.v
        if rng.random() < RATES["stale_job"]:
            person.old_company = person.company
            while person.company is person.old_company:
                person.company = v.companies[bisect.bisect(v.company_cum,
                                                           rng.random() * v.company_cum[-1])]
            person.tags.append("stale_job")
            self.stats["person.stale_job"] += 1
        if rng.random() < RATES["stale_city"]:
            person.old_place = person.place
            while person.place == person.old_place:
                person.place = self.place(person.origin)
            person.tags.append("stale_city")
            self.stats["person.stale_city"] += 1


def _halves(origin: Origin, family: str) -> tuple[str, str] | None:
    """The two surnames of a double-barrelled name ("García López", "Smith-Jones"), else None."""
    if not origin.double:
        return None
    for match in re.finditer(r"[ -]", family):
        first, second = family[: match.start()], family[match.end():]
        if first in origin.surname_set and second in origin.surname_set:
            return first, second
    return None


def _slug(text: str, keep: str = "") -> str:
    return re.sub(rf"[^a-z0-9{keep}]", "", anyascii(text).lower())


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:  # swap two letters
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:  # drop a letter
        return word[:i] + word[i + 1:]
    if kind == 2:  # double a letter
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiounrst") + word[i + 1:]  # wrong letter


# ---- contact cards --------------------------------------------------------------------------


class Cards:
    """Google Contacts CSV rows (current format) for a person, as the card was written."""

    def __init__(self, vocab: Vocabulary, people: People, rng: random.Random, stats: Counter):
        self.v, self.people, self.rng, self.stats = vocab, people, rng, stats

    def hit(self, rate: str) -> bool:
        if self.rng.random() < RATES[rate]:
            self.stats[f"card.{rate}"] += 1
            return True
        return False

    def card(self, p: Person, duplicate: bool = False) -> dict:
        rng, v = self.rng, self.v
        company = p.old_company or p.company
        place = p.old_place or p.place
        if duplicate and rng.random() < 0.5:  # the second card is the newer one
            company, place = p.company, p.place
        given = p.given
        if p.alt_given and rng.random() < RATES["alt_given_on_card"]:
            given = p.alt_given
            self.stats["card.alt_given"] += 1
        family = p.family
        if p.maiden and rng.random() < RATES["card_maiden"]:
            family = p.maiden  # an old card has the maiden name
            self.stats["card.maiden_name"] += 1
        row: dict = {}
        self._emails(p, company, row, family)  # before typos: the address was right
        if self.hit("card_nickname"):
            nicks = v.nicknames(p.origin, given)
            given = rng.choice(nicks) if nicks else given
        halves = _halves(p.origin, family)
        if halves and self.hit("half_double_barrel"):
            family = halves[rng.randrange(2)]
        if self.hit("surname_typo") or (duplicate and rng.random() < 0.3):
            family = _typo(rng, family)
        if self.hit("given_typo"):
            given = _typo(rng, given)
        if self.hit("card_accents_dropped"):
            given, family = anyascii(given), anyascii(family)
        first, last = given, family
        if self.hit("swapped_names") or (p.origin.name in ("chinese", "vietnamese")
                                         and rng.random() < 0.12):
            first, last = family, given
        row.update({"First Name": first, "Last Name": last})
        if p.middle and self.hit("card_middle_name"):
            row["Middle Name"] = p.middle
        if not self.hit("card_blank_company"):
            name = company.name
            if self.hit("company_alias"):
                name = rng.choice(company.aliases)
            elif company.suffix and self.hit("company_suffix"):
                name = f"{company.name} {company.suffix}"
            row["Organization Name"] = name
        if not self.hit("card_blank_title"):
            row["Organization Title"] = p.title
        if self.hit("card_phone"):
            self._phones(p, row)
        if not self.hit("card_blank_city"):
            self._address(place, row)
        if self.hit("card_website"):
            row["websites"] = [("Homepage", f"https://{p.site_slug}.com") if rng.random() < 0.5
                               else ("Profile", f"https://www.linkedin.com/in/{p.site_slug}")]
        if self.hit("card_notes"):
            row["Notes"] = rng.choice([
                f"Met at {rng.choice(['CCW', 'Web Summit', 'the PRCA awards', 'a conference'])}"
                f"\n{rng.choice(v.words['bio_interests'])}",
                f"Intro via {rng.choice(v.origins[0].given['m'])}", "Call back re: proposal",
            ])
        labels = ["* myContacts"]
        if rng.random() < 0.1:
            labels.append(rng.choice(["* starred", "Press", "Clients", "Suppliers",
                                      "Copied from iPhone"]))
        row["Labels"] = " ::: ".join(labels)
        if self.hit("card_email_only_row") and row.get("emails"):
            row = {"emails": row["emails"][:1], "Labels": row["Labels"]}
        return row

    def _emails(self, p: Person, company: Company, row: dict, family: str) -> None:
        rng = self.rng
        if self.hit("card_no_email"):
            return
        work_local = self.people.mail_local(p, personal=False, family=family)
        work = f"{work_local}@{company.domain}"
        if self.hit("card_upper_email"):
            work = work.title()
        emails = []
        roll = rng.random()
        if roll < RATES["card_personal_email_only"]:
            self.stats["card.personal_email_only"] += 1
            emails.append(("* Home" if rng.random() < 0.5 else "* ", [p.personal_email]))
        elif roll < RATES["card_personal_email_only"] + RATES["card_both_emails"]:
            self.stats["card.both_emails"] += 1
            emails += [("* Work", [work]), ("Home", [p.personal_email])]
        else:
            values = [work]
            if self.hit("card_two_work_emails"):
                values.append(f"{_slug(p.given)}@{company.domain}")
            emails.append(("* Work" if rng.random() < 0.7 else "* ", values))
        row["emails"] = emails

    def _phones(self, p: Person, row: dict) -> None:
        rng = self.rng
        e164 = p.phone
        code, rest = e164[1:].split(" ", 1)
        shapes = [e164, "0" + rest, "+" + code + rest.replace(" ", ""), f"00{code} {rest}"]
        phone = rng.choice(shapes)
        phones = [("Mobile", [phone])]
        if self.hit("card_two_phones"):
            other = (f"+{code} {rng.randint(1, 5)}{rng.randint(0, 99):02d} "
                     f"{rng.randint(100000, 999999)}")
            phones = [("* Mobile", [phone]), ("Work", [other])] if rng.random() < 0.6 \
                else [("Mobile", [phone, other])]
        row["phones"] = phones

    def _address(self, place: Place, row: dict) -> None:
        rng = self.rng
        country = self.v.countries[place.country]
        city = place.city if rng.random() < 0.8 else ""
        street = f"{rng.randint(1, 200)} {rng.choice(STREETS)}" if rng.random() < 0.3 else ""
        postcode = str(rng.randint(10000, 99999)) if street else ""
        country_name = country.name if rng.random() < 0.7 else ""
        formatted = "\n".join(x for x in (street, f"{city} {postcode}".strip(), country_name) if x)
        row["address"] = ("Work" if rng.random() < 0.6 else "Home", {
            "Formatted": formatted, "Street": street, "City": city, "Postal Code": postcode,
            "Country": country_name,
        })


def _google_header(n_emails: int, n_phones: int, n_sites: int) -> list[str]:
    header = list(GOOGLE_HEADER_FIXED)
    for n in range(1, n_emails + 1):
        header += [f"E-mail {n} - Label", f"E-mail {n} - Value"]
    for n in range(1, n_phones + 1):
        header += [f"Phone {n} - Label", f"Phone {n} - Value"]
    header += ["Address 1 - Label"] + [f"Address 1 - {part}" for part in ADDRESS_PARTS]
    for n in range(1, n_sites + 1):
        header += [f"Website {n} - Label", f"Website {n} - Value"]
    return header


def _google_row(card: dict, header: list[str]) -> list[str]:
    cells = {k: v for k, v in card.items() if isinstance(v, str)}
    for group, key in (("E-mail", "emails"), ("Phone", "phones"), ("Website", "websites")):
        for n, item in enumerate(card.get(key, ()), 1):
            label, values = item
            values = [values] if isinstance(values, str) else values
            cells[f"{group} {n} - Label"] = label
            cells[f"{group} {n} - Value"] = " ::: ".join(values)
    if "address" in card:
        label, parts = card["address"]
        cells["Address 1 - Label"] = label
        for part, value in parts.items():
            cells[f"Address 1 - {part}"] = value
    return [cells.get(column, "") for column in header]


# ---- profiles -------------------------------------------------------------------------------


class Profiles:
    """X API v2 user objects. True, namesake and background profiles all come from `render`."""

    def __init__(self, vocab: Vocabulary, rng: random.Random, stats: Counter):
        self.v, self.rng, self.stats = vocab, rng, stats
        self.handles: set[str] = set()
        self.people_pages: set[str] = set()
        self.last_evidence: list[str] = []  # what identity() planted, for profiles_meta.csv
        self.count = 0
        self.now = datetime(2026, 11, 1, tzinfo=UTC)
        names = ["dn_full", "dn_first_only", "dn_initial_surname", "dn_surname_first",
                 "dn_middle", "dn_with_company", "dn_emoji", "dn_unrelated", "dn_lowercase"]
        self.dn_kinds = names
        self.dn_cum = list(itertools.accumulate(RATES[n] for n in names))

    def tag(self, kind: str, name: str) -> None:
        self.stats[f"{kind}.{name}"] += 1

    def render(self, p: Person, kind: str) -> dict:
        rng = self.rng
        self.count += 1
        created = self.now - timedelta(days=rng.randint(30, 6500), seconds=rng.randint(0, 86399))
        ms = int(created.timestamp() * 1000)
        if ms < X_EPOCH_MS + 86_400_000:
            user_id = str(12_000_000 + self.count * 37)
        else:
            user_id = str(((ms - X_EPOCH_MS) << 22) | (self.count & 0x3FFFFF))
        given = p.given
        if rng.random() < RATES["profile_nickname"]:
            nicks = self.v.nicknames(p.origin, given)
            if nicks:
                given = rng.choice(nicks)
                self.tag(kind, "nickname")
        if p.alt_given and rng.random() < 0.5:
            given = p.alt_given
            self.tag(kind, "alt_given")
        family = p.family
        if p.maiden and rng.random() < RATES["profile_maiden"]:
            family = p.maiden
            self.tag(kind, "profile_maiden")
        halves = _halves(p.origin, family)
        if halves and rng.random() < RATES["half_double_barrel"] / 2:
            family = halves[0]
            self.tag(kind, "half_double_barrel")
        if rng.random() < RATES["profile_accents_dropped"]:
            given, family = anyascii(given), anyascii(family)
        name = self.display_name(p, given, family, kind)
        username = self.handle(p, given, family, kind)
        user = {
            "id": user_id,
            "username": username,
            "name": name,
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "protected": rng.random() < RATES["protected"],
            "verified": rng.random() < RATES["verified"],
        }
        bio, location, url = self.identity(p, username, kind)
        user["description"] = bio
        if location:
            user["location"] = location
        if url:
            user["url"] = f"https://t.co/{_tco(rng)}"
            display = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
            user["entities"] = {"url": {"urls": [{
                "start": 0, "end": 23, "url": user["url"], "expanded_url": url,
                "display_url": display[:30] + ("…" if len(display) > 30 else ""),
            }]}}
        else:
            user["url"] = ""
        followers = int(rng.paretovariate(1.1) * 40)
        user["public_metrics"] = {
            "followers_count": followers,
            "following_count": int(rng.paretovariate(1.3) * 80),
            "tweet_count": int(rng.paretovariate(0.9) * 50),
            "listed_count": followers // rng.randint(20, 200),
        }
        user["profile_image_url"] = (
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
            if rng.random() < RATES["default_avatar"]
            else f"https://pbs.twimg.com/profile_images/{rng.getrandbits(60)}/{_tco(rng)[:8]}_normal.jpg")
        return user

    def display_name(self, p: Person, given: str, family: str, kind: str) -> str:
        rng = self.rng
        if p.maiden and rng.random() < RATES["dn_nee"]:
            self.tag(kind, "dn_nee")
            return rng.choice([f"{given} {p.family} (née {p.maiden})",
                               f"{given} {p.maiden} {p.family}", f"{given} {p.maiden}-{p.family}"])
        if not family:  # a brand
            return given
        choice = self.dn_kinds[bisect.bisect(self.dn_cum, rng.random() * self.dn_cum[-1])]
        if p.origin.name in ("chinese", "vietnamese") and rng.random() < 0.25:
            choice = "dn_surname_first"
        if choice == "dn_middle" and not p.middle:
            choice = "dn_full"
        self.tag(kind, choice)
        full = f"{given} {family}"
        if choice == "dn_first_only":
            return given
        if choice == "dn_initial_surname":
            return rng.choice([f"{given[0]}. {family}", f"{given[0]} {family}",
                               f"{given} {family[0]}."])
        if choice == "dn_surname_first":
            return rng.choice([f"{family.upper()} {given}", f"{family} {given}",
                               f"{family}, {given}"])
        if choice == "dn_middle":
            return rng.choice([f"{given} {p.middle} {family}", f"{given} {p.middle[0]}. {family}"])
        if choice == "dn_with_company":
            company = p.company.aliases[-1] if rng.random() < 0.4 else p.company.name
            return f"{full}{rng.choice([' - ', ' | ', ' @ ', ' · '])}{company}"
        if choice == "dn_emoji":
            emoji = rng.choice(self.v.words["emoji"])
            return rng.choice([f"{full} {emoji}", f"{emoji} {full}", f"{given} {emoji}"])
        if choice == "dn_unrelated":
            return rng.choice(self.v.words["unrelated_names"])
        if choice == "dn_lowercase":
            return full.lower()
        return full

    def handle(self, p: Person, given: str, family: str, kind: str) -> str:
        rng, words = self.rng, self.v.words
        g, f = _slug(given), _slug(family)
        if not g:
            g = "x"
        if not f:
            f = g
        if rng.random() < RATES["handle_unrelated"]:
            self.tag(kind, "handle_unrelated")
            base = rng.choice(words["unrelated_words"]) + rng.choice(
                [rng.choice(words["unrelated_words"]), g, str(rng.randint(1, 9999))])
        else:
            shape = rng.randrange(9)
            base = [g + f, f"{g}_{f}", g[0] + f, g + f[0], f + g, g, f + "_" + g[0],
                    g + (_slug(p.middle)[:1]) + f, f"{g}{f[:4]}"][shape]
            if rng.random() < RATES["handle_camel"]:
                base = base.replace(g, g.title(), 1).replace(f, f.title(), 1)
                self.tag(kind, "handle_camel")
            if rng.random() < RATES["handle_prefix"]:
                base = rng.choice(words["handle_prefixes"]) + base
                self.tag(kind, "handle_prefix")
            if rng.random() < RATES["handle_suffix"]:
                base = base + rng.choice(words["handle_suffixes"])
                self.tag(kind, "handle_suffix")
            if rng.random() < RATES["handle_digits"]:
                digits = str(rng.choice([rng.randint(1, 99), rng.randint(1960, 2005),
                                         rng.randint(100, 9999)]))
                base = base[: 15 - len(digits)] + digits
                self.tag(kind, "handle_digits")
        if len(base) > 15:
            self.tag(kind, "handle_truncated")
        base = base[:15]
        handle = base
        for attempt in itertools.count():
            if handle.lower() not in self.handles:
                break
            digits = str(rng.randint(1, 10 ** (2 + attempt // 8)))  # longer as tries fail
            handle = base[: 15 - len(digits)] + digits
        self.handles.add(handle.lower())
        return handle

    def identity(self, p: Person, username: str, kind: str) -> tuple[str, str, str]:
        """Bio, location and website; employer/identity evidence only some of the time."""
        rng, words = self.rng, self.v.words
        bits: list[str] = []
        role = rng.choice([p.title, f"{rng.choice(words['bio_roles'])} person",
                           f"Working in {rng.choice(words['bio_roles'])}"])
        location, url = "", ""
        evidence = rng.random() < RATES["profile_evidence"]
        picks = set()
        if evidence:
            self.tag(kind, "evidence")
            for name in ("ev_employer_bio", "ev_employer_site", "ev_contact_in_bio",
                         "ev_personal_site", "ev_same_city"):
                if rng.random() < RATES[name]:
                    picks.add(name)
            if not picks:
                picks.add(rng.choice(["ev_employer_bio", "ev_same_city", "ev_employer_site"]))
            for name in picks:
                self.tag(kind, name)
        self.last_evidence = sorted(picks)
        company = p.company
        if "ev_employer_bio" in picks:
            at = rng.choice([f"@{company.handle}", company.name, rng.choice(company.aliases)])
            forms = [f"{role} at {at}", f"{role}, {at}", f"{role} ({at})"]
            if not at.startswith("@"):
                forms.append(f"{role} @ {at}")
            bits.append(rng.choice(forms))
        else:
            bits.append(role if rng.random() < 0.6 else "")
        if p.old_company and rng.random() < RATES["ex_employer_in_bio"] * 4 or \
                rng.random() < RATES["ex_employer_in_bio"] / 2:
            former = p.old_company or self.v.companies[rng.randrange(len(self.v.companies))]
            bits.append(f"ex-{rng.choice([former.name, former.aliases[-1]])}")
            self.tag(kind, "ex_employer")
        interests = rng.sample(words["bio_interests"], rng.randint(0, 3))
        if interests:
            bits.append(" · ".join(interests))
        if rng.random() < 0.3:
            bits.append(rng.choice(words["bio_tails"]))
        if "ev_contact_in_bio" in picks:
            bits.append(rng.choice([f"📧 {p.personal_email}", f"DMs open or {p.personal_email}",
                                    f"☎ {p.phone}"]))
        if "ev_employer_site" in picks:
            url = rng.choice([f"https://www.{company.domain}/",
                              f"https://{company.domain}/people/{_slug(p.given)}-{_slug(p.family)}",
                              f"https://www.{company.domain}/en/about/team"])
            if "/people/" in url:  # a firm gives two namesakes two pages
                base, n = url, 1
                while url in self.people_pages:
                    n += 1
                    url = f"{base}-{n}"
                self.people_pages.add(url)
        elif "ev_personal_site" in picks:
            url = rng.choice([f"https://{p.site_slug}.com", f"http://www.{p.site_slug}.co.uk",
                              f"https://{p.site_slug}.dev", f"https://about.me/{p.site_slug}"])
        elif rng.random() < 0.15:
            url = rng.choice([f"https://linktr.ee/{username}", f"https://instagram.com/{username}",
                              f"https://{username.lower()}.substack.com", "https://youtube.com/@"
                              + username])
        country = self.v.countries[p.place.country]
        if "ev_same_city" in picks:
            location = rng.choice([p.place.city, f"{p.place.city}, {country.name}",
                                   f"{p.place.city}, {rng.choice(country.aliases)}"])
        elif rng.random() < RATES["loc_soft"]:
            hoods = self.v.countries[p.place.country].hoods.get(p.place.city) or [p.place.city]
            options = [("loc_country", rng.choice([country.name, *country.aliases])),
                       ("loc_hood", rng.choice(hoods)),
                       ("loc_remote", rng.choice(words["remote_places"])),
                       ("loc_joke", rng.choice(words["joke_places"]))]
            tag, location = rng.choice(options)
            self.tag(kind, tag)
        bio = " | ".join(b for b in bits if b) if rng.random() < 0.5 else ". ".join(
            b for b in bits if b)
        if rng.random() < 0.1:
            bio = ""
        return bio[:160], location, url

    def brand(self, person: Person, kind: str) -> dict:
        """A brand, bot or joke account: same shape, no person behind it."""
        rng, words = self.rng, self.v.words
        company = self.v.companies[rng.randrange(len(self.v.companies))]
        person.given, person.family, person.middle, person.maiden, person.alt_given = (
            company.name, "", "", "", "")
        person.company = company
        user = self.render(person, kind)
        user["name"] = rng.choice([company.name, rng.choice(words["unrelated_names"])])
        user["description"] = rng.choice([f"Official account of {company.name}.",
                                          "Daily memes.", "Bot. Posts every hour.", ""])
        self.tag(kind, "brand")
        return user


def _tco(rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(rng.choice(alphabet) for _ in range(10))


# ---- the run --------------------------------------------------------------------------------


def generate(n_contacts: int, n_profiles: int, seed: int, out_dir: Path,
             namesakes: str = "frequency") -> dict:
    """Write contacts.csv, profiles.jsonl, truth.csv, contacts_meta.csv and variations.csv.
    `namesakes` is one of NAMESAKE_MODES."""
    if namesakes not in NAMESAKE_MODES:
        raise ValueError(f"namesakes must be one of {NAMESAKE_MODES}, not {namesakes!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    stats: Counter = Counter()
    vocab = Vocabulary(rng, max(300, n_contacts // 8 + n_profiles // 100))
    people = People(vocab, rng, stats)
    cards = Cards(vocab, people, rng, stats)
    profiles = Profiles(vocab, rng, stats)

    persons, rows = _contact_rows(n_contacts, people, cards, rng, stats)
    planted = _planted_profiles(persons, people, rng, stats, n_profiles,
                                namesake_rate=RATES["namesake"] if namesakes == "fixed" else 0.0)
    names_in_profiles: Counter = Counter()
    truth_ids = _write_profiles(out_dir / "profiles.jsonl", planted, n_profiles, people,
                                profiles, rng, stats, names_in_profiles)
    _count_namesakes(persons, truth_ids, names_in_profiles, stats)
    n_true = _write_contacts(out_dir, rows, truth_ids)
    _write_variations(out_dir / "variations.csv", stats)
    return {
        "contacts_csv": out_dir / "contacts.csv",
        "profiles_jsonl": out_dir / "profiles.jsonl",
        "truth_csv": out_dir / "truth.csv",
        "contacts_meta_csv": out_dir / "contacts_meta.csv",
        "variations_csv": out_dir / "variations.csv",
        "contacts": len(rows),
        "persons": len(persons),
        "profiles": n_profiles,
        "true_profiles": len(truth_ids),
        "true_pairs": n_true,
        "namesake_profiles": stats["planted.namesake"],
        "namesakes": namesakes,
        "variations": dict(stats),
    }


def _contact_rows(n_contacts: int, people: People, cards: Cards, rng: random.Random,
                  stats: Counter) -> tuple[list[Person], list[tuple[Person | None, dict]]]:
    persons: list[Person] = []
    rows: list[tuple[Person | None, dict]] = []
    while len(rows) < n_contacts:
        if rng.random() < 0.01:  # a company-only card
            company = people.v.companies[rng.randrange(len(people.v.companies))]
            rows.append((None, {"Organization Name": company.name, "Labels": "* myContacts",
                                "emails": [("* Work", [f"info@{company.domain}"])]}))
            stats["card.company_only"] += 1
            continue
        person = people.new()
        people.life_changes(person)
        persons.append(person)
        rows.append((person, cards.card(person)))
        if len(rows) < n_contacts and cards.hit("duplicate_row"):
            rows.append((person, cards.card(person, duplicate=True)))
    rng.shuffle(rows)
    return persons, rows


def _planted_profiles(persons: list[Person], people: People, rng: random.Random, stats: Counter,
                      n_profiles: int, namesake_rate: float) -> list[tuple[str, Person]]:
    """(kind, person) for true profiles and namesakes, shuffled; at most n_profiles."""
    planted: list[tuple[str, Person]] = []
    for person in persons:
        if rng.random() < RATES["has_profile"]:
            planted.append(("true", person))
        if rng.random() < namesake_rate:
            for _ in range(rng.randint(1, int(RATES["namesakes_max"]))):
                planted.append(("namesake", people.new(like=person)))
    if len(planted) > n_profiles:
        rng.shuffle(planted)
        planted = planted[:n_profiles]
    rng.shuffle(planted)
    for kind, _ in planted:
        stats[f"planted.{kind}"] += 1
    return planted


def _write_profiles(path: Path, planted: list[tuple[str, Person]], n_profiles: int,
                    people: People, profiles: Profiles, rng: random.Random,
                    stats: Counter, names: Counter) -> dict[str, tuple[str, str]]:
    """Stream n_profiles users in pages of 100; planted ones at random places among background."""
    truth: dict[str, tuple[str, str]] = {}  # person key -> (profile id, username)
    remaining_planted = len(planted)
    planted_iter = iter(planted)
    retrieved = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    meta_path = path.with_name("profiles_meta.csv")
    with open(path, "w", encoding="utf-8") as out, \
            open(meta_path, "w", encoding="utf-8", newline="") as meta_file:
        meta = csv.writer(meta_file)
        meta.writerow(["profile_id", "kind", "person_key", "namesake_of", "evidence", "tags"])
        page: list[dict] = []
        for slot in range(n_profiles):
            if rng.random() * (n_profiles - slot) < remaining_planted:
                remaining_planted -= 1
                kind, person = next(planted_iter)
                user = profiles.render(person, kind)
                if kind == "true":
                    truth[person.key] = (user["id"], user["username"])
                    _tag_true_pair(person, user, stats)
            elif rng.random() < RATES["background_brand"]:
                kind, person = "brand", people.new()
                user = profiles.brand(person, "background")
            else:
                kind, person = "background", people.new()
                user = profiles.render(person, "background")
            if person.family:  # a brand's company name is no one's namesake
                names[(person.given, person.family)] += 1
            meta.writerow([user["id"], kind, person.key, person.namesake_of,
                           " ".join(profiles.last_evidence), " ".join(person.tags)])
            page.append(user)
            if len(page) == PAGE_SIZE or slot == n_profiles - 1:
                ids = ",".join(u["id"] for u in page)
                stamp = retrieved + timedelta(seconds=slot // PAGE_SIZE * 3)
                out.write(json.dumps({"data": page, "__twarc": {
                    "url": f"https://api.twitter.com/2/users?ids={ids}&user.fields=created_at,"
                           "description,entities,location,profile_image_url,protected,"
                           "public_metrics,url,verified",
                    "version": "2.14.0",
                    "retrieved_at": stamp.isoformat(),
                }}, ensure_ascii=False) + "\n")
                page = []
    return truth


def _count_namesakes(persons: list[Person], truth: dict, names: Counter, stats: Counter) -> None:
    """Per contact person: how many profiles other than their own bear their exact full name."""
    for person in persons:
        others = names[(person.given, person.family)] - (person.key in truth)
        stats["namesakes.profiles_per_contact_person"] += others
        if others:
            stats["namesakes.contact_persons_with_any"] += 1


def _tag_true_pair(person: Person, user: dict, stats: Counter) -> None:
    for tag in person.tags:
        stats[f"true_pair.{tag}"] += 1


def _write_contacts(out_dir: Path, rows: list[tuple[Person | None, dict]],
                    truth: dict[str, tuple[str, str]]) -> int:
    n_emails = max((len(card.get("emails", ())) for _, card in rows), default=1) or 1
    n_phones = max((len(card.get("phones", ())) for _, card in rows), default=1) or 1
    n_sites = max((len(card.get("websites", ())) for _, card in rows), default=1) or 1
    header = _google_header(n_emails, n_phones, n_sites)
    n_true = 0
    with open(out_dir / "contacts.csv", "w", encoding="utf-8", newline="") as contacts, \
            open(out_dir / "truth.csv", "w", encoding="utf-8", newline="") as truth_file, \
            open(out_dir / "contacts_meta.csv", "w", encoding="utf-8", newline="") as meta_file:
        writer, truth_writer, meta_writer = (csv.writer(contacts), csv.writer(truth_file),
                                             csv.writer(meta_file))
        writer.writerow(header)
        truth_writer.writerow(["contact_row", "profile_id", "username"])
        meta_writer.writerow(["contact_row", "person_key"])
        for number, (person, card) in enumerate(rows, 1):
            writer.writerow(_google_row(card, header))
            meta_writer.writerow([number, person.key if person else f"org{number}"])
            if person and person.key in truth:
                truth_writer.writerow([number, *truth[person.key]])
                n_true += 1
    return n_true


def _write_variations(path: Path, stats: Counter) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["variation", "count"])
        for name, count in sorted(stats.items()):
            writer.writerow([name, count])


def _summary(result: dict) -> str:
    stats = result["variations"]
    persons = result["persons"] or 1
    kinds = {k: stats.get(f"planted.{k}", 0) for k in ("true", "namesake")}
    kinds["background"] = result["profiles"] - sum(kinds.values())
    lines = [f"contacts {result['contacts']} rows ({result['persons']} people), profiles "
             f"{result['profiles']} (true {kinds['true']}, namesake {kinds['namesake']}, "
             f"background {kinds['background']}), true pairs {result['true_pairs']}",
             f"{'variation':<40} {'count':>8} {'rate':>7}  (rate of people / of profiles of "
             "that kind)"]
    for name in sorted(stats):
        group = name.split(".", 1)[0]
        base = {"card": result["contacts"], "person": persons, "true_pair": kinds["true"],
                "namesakes": persons,
                "planted": result["profiles"]}.get(
            group, kinds.get(group, 0))
        rate = f"{stats[name] / base:7.1%}" if base else ""
        lines.append(f"{name:<40} {stats[name]:>8} {rate}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--profiles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--rate", action="append", default=[], metavar="NAME=VALUE",
                        help=f"override a rate; names: {', '.join(RATES)}")
    parser.add_argument("--namesakes", choices=NAMESAKE_MODES, default="frequency",
                        help="frequency: namesakes as common as the name (default); fixed: also "
                             "plant 1-4 for 40%% of contact persons whatever the name")
    parser.add_argument("--quiet", action="store_true", help="no variation table")
    args = parser.parse_args(argv)
    for item in args.rate:
        name, _, value = item.partition("=")
        if name not in RATES:
            parser.error(f"unknown rate {name!r}")
        RATES[name] = float(value)
    started = time.perf_counter()
    result = generate(args.contacts, args.profiles, args.seed, args.out, args.namesakes)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        print(_summary(result))
    print(f"wrote {args.out} in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
