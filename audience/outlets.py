"""The outlet gazetteer: news outlets, programmes, trade titles and agencies with their web
domains and X handles, read from ``audience/data/outlets/*.csv`` (one file per country or
region), the files a workspace adds (``[roles] outlets = [...]`` in ``audience.toml``) and the
outlets learned from the workspace itself (see :func:`audience.segment.plan_auto`).

Look-ups are dictionary hits (a handle, a domain and its parent domains) and one combined
pattern for names, so judging an account costs the same whatever the size of the gazetteer.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any

from audience.errors import ConfigError
from audience.precompiled import compiled
from audience.textmatch import HEBREW_CLITIC

OUTLETS_DIR = Path(__file__).parent / "data" / "outlets"
KINDS = (
    "national",
    "regional",
    "trade",
    "broadcast",
    "agency",
    "newsletter",
    "portfolio",
    "learned",
)
# Kinds whose addresses hold many people's pages: a link there is evidence, the host is not
# an outlet of its own.
PLATFORM_KINDS = ("newsletter", "portfolio")
# Hosts shared by everyone: a link there says nothing about an outlet.
GENERIC_HOSTS = frozenset(
    {
        "linktr.ee",
        "linkin.bio",
        "bio.link",
        "beacons.ai",
        "carrd.co",
        "about.me",
        "linkedin.com",
        "uk.linkedin.com",
        "instagram.com",
        "facebook.com",
        "x.com",
        "twitter.com",
        "t.co",
        "t.me",  # messaging channels and groups: everyone's, one path each
        "telegram.me",
        "wa.me",
        "whatsapp.com",
        "discord.gg",
        "vk.com",
        "ok.ru",
        "patreon.com",
        "youtube.com",
        "youtu.be",
        "tiktok.com",
        "threads.net",
        "bsky.app",
        "medium.com",
        "github.com",
        "bit.ly",
        "wordpress.com",
        "blogspot.com",
        "google.com",
        "sites.google.com",
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "wix.com",
        "squarespace.com",
    }
)


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    domains: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    # Other ways a bio writes the name: inflected forms, a stem ending in "*" ("Kaleva*" for
    # "Kalevan", "Kalevassa"), an acronym.
    forms: tuple[str, ...] = ()


NAMES_AT_MEMO = 65536  # (text, position) answers of Gazetteer.name_at kept
MAX_NAME_WORDS = 6  # the longest outlet name looked for in a bio all in lower case
_CLAUSE_ENDS = ".,;:!?|)/•·-–—"
_BRACKET_ENDING = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True)
class Gazetteer:
    outlets: tuple[Outlet, ...] = ()

    @cached_property
    def by_handle(self) -> dict[str, Outlet]:
        return {h.lower(): o for o in self.outlets for h in o.handles}

    @cached_property
    def by_domain(self) -> dict[str, Outlet]:
        return {d.lower(): o for o in self.outlets for d in o.domains}

    @cached_property
    def names(self) -> re.Pattern[str] | None:
        """Outlet names and their other forms as written (case matters: "The Sun", not "the
        sun")."""
        names = sorted(
            sorted(  # (equally long names in one order: the same pattern in every process)
                {
                    name
                    for o in self.outlets
                    if o.kind not in PLATFORM_KINDS
                    for name in (o.name, *o.forms)
                    if len(name.rstrip("*")) >= 3
                }
            ),
            key=len,
            reverse=True,
        )
        if not names:
            return None
        body = _names_trie(names) or "|".join(_name_regex(n) for n in names)
        # A name in Hebrew script may carry a glued "in", "the", "and" ("בגלובס", "וכלכליסט").
        return compiled(rf"(?:(?<![\w@])|{HEBREW_CLITIC})(?:{body})(?![\w])")

    @cached_property
    def _name_index(self) -> dict[str, Outlet]:
        index = {" ".join(f.split()): o for o in self.outlets for f in o.forms}
        return index | {" ".join(o.name.split()): o for o in self.outlets}

    @cached_property
    def _stems(self) -> list[tuple[str, Outlet]]:
        stems = [(f[:-1], o) for o in self.outlets for f in o.forms if f.endswith("*")]
        return sorted(stems, key=lambda stem: len(stem[0]), reverse=True)

    def short_form(self, said: str) -> Outlet | None:
        """An outlet by a two-letter capital form ("AP"), too short to look for in running text:
        only where an outlet must stand ("Photographer, AP")."""
        said = said.strip()
        return self._name_index.get(said) if len(said) == 2 and said.isupper() else None

    def told_apart(self, said: str) -> Outlet | None:
        """An outlet whose name the gazetteer tells apart from a namesake with a bracket ("El
        Nacional (Venezuela)"), written without it: only where an outlet must stand
        ("Productora de El Nacional"), as such names are often ordinary words ("Hoy")."""
        return self._without_brackets.get(" ".join(said.split()))

    @staticmethod
    def without_bracket(name: str) -> str:
        """ "El Nacional (Venezuela)" as bios write it: "El Nacional"."""
        return " ".join(_BRACKET_ENDING.sub("", name).split())

    @cached_property
    def _without_brackets(self) -> dict[str, Outlet]:
        index: dict[str, Outlet] = {}
        for outlet in self.outlets:
            plain = self.without_bracket(outlet.name)
            if plain != outlet.name and outlet.kind not in PLATFORM_KINDS:
                index.setdefault(plain, outlet)
        return index

    @cached_property
    def _lower_case_index(self) -> dict[str, Outlet]:
        return {
            name.lower(): outlet
            for name, outlet in self._name_index.items()
            if len(name) >= 4 and outlet.kind not in PLATFORM_KINDS
        }

    def lower_case_prefix_of(self, text: str) -> Outlet | None:
        """The outlet whose name, in lower case, opens ``text`` and ends its clause: a bio
        written all in lower case writes "newstalk." and "rté raidió na gaeltachta |" so too
        (not "the times of my life")."""
        words = text.split()[: MAX_NAME_WORDS + 1]
        for count in range(min(len(words), MAX_NAME_WORDS), 0, -1):
            said = " ".join(words[:count])
            following = words[count][0] if count < len(words) else "."
            ends = said[-1] in _CLAUSE_ENDS or following in _CLAUSE_ENDS
            if ends and (found := self._lower_case_index.get(said.rstrip(_CLAUSE_ENDS))):
                return found
        return None

    def _named(self, said: str) -> Outlet | None:
        said = " ".join(said.split())
        if found := self._name_index.get(said) or self._name_index.get(_EZAFE_END.sub("", said)):
            return found
        return next((o for stem, o in self._stems if said.startswith(stem)), None)

    @cached_property
    def _families(self) -> dict[str, Outlet]:
        """Squashed brand names: @CincoDiasES and @elpais_economia belong to Cinco Días and
        El País."""
        stems: dict[str, Outlet] = {}
        for outlet in self.outlets:
            if outlet.kind in PLATFORM_KINDS:
                continue
            # An ordinary word ("Campaign", "Building") is no stem; a brand-like name is.
            brand = len(outlet.name.split()) > 1 or re.search(r".[A-Z0-9.]", outlet.name)
            squashed = _squashed(outlet.name)
            if brand and len(squashed) >= 6:
                stems.setdefault(squashed, outlet)
            # A brand's main handle is a stem too: @TelegraphTravel is a desk of @Telegraph.
            for handle in outlet.handles[:1] if brand else ():
                if len(handle) >= 6:
                    stems.setdefault(handle.lower().replace("_", ""), outlet)
        return stems

    @cached_property
    def _family_starts(self) -> frozenset[str]:
        return frozenset(stem[:6] for stem in self._families if len(stem) >= 6)

    def handle(self, handle: str | None) -> Outlet | None:
        raw = (handle or "").lstrip("@")
        key = raw.lower()
        if found := self.by_handle.get(key):
            return found
        squashed = key.replace("_", "")
        if squashed[:6] not in self._family_starts:
            return None  # no stem of 6+ characters starts the handle (most handles: issue 18)
        for end in range(len(squashed), 5, -1):
            found = self._families.get(squashed[:end])
            if found and _desk_suffix(raw, end):
                return found
        return None

    def domain(self, host: str | None) -> Outlet | None:
        """The outlet of a web host or any of its parent domains (news.sky.com -> Sky News)."""
        host = (host or "").lower().removeprefix("www.")
        while host and "." in host:
            if found := self.by_domain.get(host):
                return found
            host = host.split(".", 1)[1]
        return None

    def name_at(self, text: str, start: int) -> Outlet | None:
        """The outlet whose name starts exactly at ``start`` in ``text``."""
        if self.names is None:
            return None
        # Worked out once per text: a crowd repeats names, and the pattern is large.
        key = (text, start)
        if (known := self._names_at.get(key, self)) is not self:
            return known
        found = self.names.match(text, start)
        outlet = self._named(found.group(0)) if found else None
        if len(self._names_at) >= NAMES_AT_MEMO:
            self._names_at.clear()
        self._names_at[key] = outlet
        return outlet

    def prefix_of(self, text: str) -> tuple[Outlet, int] | None:
        """The outlet whose name opens ``text``, and where the name ends."""
        found = self.names.match(text) if self.names is not None else None
        outlet = self._named(found.group(0)) if found else None
        return (outlet, found.end()) if outlet and found else None

    @cached_property
    def _names_at(self) -> dict[tuple[str, int], Outlet | None]:
        return {}

    def names_in(self, text: str) -> Iterable[tuple[re.Match[str], Outlet]]:
        if self.names is None:
            return
        for found in self.names.finditer(text):
            outlet = self._named(found.group(0))
            if outlet:
                yield found, outlet

    def extended(self, outlets: Iterable[Outlet]) -> Gazetteer:
        more = tuple(outlets)
        return Gazetteer(self.outlets + more) if more else self


# Desks and editions a family handle adds to the brand in lower case ("bbcnewsnight").
DESK_WORDS = (
    "news",
    "live",
    "tv",
    "radio",
    "fm",
    "uk",
    "us",
    "eu",
    "world",
    "politics",
    "business",
    "biz",
    "money",
    "tech",
    "sport",
    "sports",
    "travel",
    "culture",
    "style",
    "food",
    "opinion",
    "night",
    "breaking",
    "weekend",
    "magazine",
    "mag",
    "data",
    "video",
    "podcast",
    "pod",
    "economia",
    "economie",
    "deportes",
    "cultura",
    "nachrichten",
    "wirtschaft",
)


def _desk_suffix(handle: str, stem_end: int) -> bool:
    """The brand stem ends where a word of the handle ends: "TelegraphTravel", "elpais_economia",
    "CincoDiasES", or a desk word follows ("bbcnewsnight"); not "theagencyre" for @theage."""
    parts = handle.split("_")
    if stem_end in accumulate(len(part) for part in parts):
        return True
    rest = "".join(parts)[stem_end:]
    return not rest or rest[0].isupper() or rest[0].isdigit() or rest.lower().startswith(DESK_WORDS)


def _name_regex(name: str) -> str:
    """A name with flexible spaces; a trailing "*" takes a case ending ("Kaleva*": "Kalevan")."""
    stem = name.endswith("*")
    body = r"\s+".join(map(re.escape, name.rstrip("*").split()))
    if _ARABIC_SCRIPT_END.search(name):
        body += _EZAFE  # Persian joins a name to the next word with "ی": "صدا و سیمای کیش"
    return body + r"\w{0,6}" if stem else body


_ARABIC_SCRIPT_END = re.compile(r"[\u0620-\u064a\u066e-\u06d3]$")
_EZAFE = "(?:[\u200c\u0640]?\u06cc(?![\\w]))?"
_EZAFE_END = re.compile("[\u200c\u0640]?\u06cc$")


_END, _STEM = "", "**"  # (trie keys that no single character is)


def _names_trie(names: Iterable[str]) -> str | None:
    """The alternation of :func:`_name_regex` of ``names``, longest name first, as a trie: the
    engine follows the few branches that agree with the text instead of trying 5,000 names at
    each position (a bio's outlets found in a tenth of the time). At each point the longer
    names are tried first, as in the sorted alternation: every literal continuation, then a
    stem's ending (a name one longer than the letters so far), then a name ending there.
    Continuations start with different characters, so at most one of them can match (a
    space against a letter: "\\s+" is no letter); equally long names, tried in no set order
    in the alternation, are the only ones whose order may differ. None when a name the
    alternation sorts by its uneven spaces ("Radio  One" counts 10) would come after a
    shorter one that continues it: the alternation is kept then."""
    trie: dict[str, Any] = {}
    for name in names:
        node = trie
        for char in " ".join(name.rstrip("*").split()):
            node = node.setdefault(char, {})
        mark = _STEM if name.endswith("*") else _END
        node[mark] = max(node.get(mark, 0), len(name))  # its place in the alternation

    def shortest(node: dict[str, Any]) -> int:
        """The shortest name at or under ``node`` as the alternation counts; 0 when a name
        ending at ``node`` counts more than one under it."""
        below = [shortest(after) for key, after in node.items() if key not in (_END, _STEM)]
        ending = [node[mark] for mark in (_END, _STEM) if mark in node]
        if 0 in below or (below and ending and max(ending) > min(below)):
            return 0
        return min(below + ending)

    def regex(node: dict[str, Any], last: str = "") -> str:
        branches = []
        for char, after in node.items():
            if char in (_END, _STEM):
                continue
            run = char
            while len(after) == 1 and not after.keys() & {_END, _STEM}:  # one way on: no group
                ((char, after),) = after.items()
                run += char
            spelled = r"\s+".join(map(re.escape, run.split(" ")))
            branches.append(spelled + regex(after, run[-1]))
        branches += [r"\w{0,6}"] if _STEM in node else []
        if _END in node:
            branches.append(_EZAFE if _ARABIC_SCRIPT_END.search(last) else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return regex(trie) if shortest(trie) else None


def looked_up_by(outlet: Outlet) -> tuple[str, ...]:
    """Every string a :class:`Gazetteer` look-up compares with a piece of text to find
    ``outlet``: its name and other forms (a stem without its "*"), its handles and domains,
    and the brand stems of :attr:`Gazetteer._families`. A text holding none of them (case,
    accents, spaces and punctuation aside) never leads a look-up to ``outlet``."""
    forms = (form.rstrip("*") for form in (outlet.name, *outlet.forms))
    stems = (_squashed(outlet.name), *(h.lower().replace("_", "") for h in outlet.handles))
    return (*forms, *outlet.handles, *outlet.domains, *stems)


def _squashed(name: str) -> str:
    """A brand's name as squashed into its handles: "El País" -> "elpais"."""
    return re.sub(r"[^a-z0-9]", "", _ascii(name))


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_outlets(path: Path) -> list[Outlet]:
    """One gazetteer CSV: ``name,kind,domains,handles`` and optionally ``forms`` (``;`` between
    several values)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the outlet list ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the outlet list is not UTF-8 text") from None
    reader = csv.DictReader(text.splitlines())
    rows = list(reader)
    outlets = []
    for number, row in enumerate(rows, start=2):
        name = (row.get("name") or "").strip()
        kind = (row.get("kind") or "national").strip().lower() or "national"
        if not name:
            raise ConfigError(f"{path}, line {number}: an outlet needs a name")
        if row.get(None):
            raise ConfigError(
                f"{path}, line {number}: more cells than the header's columns "
                f"({','.join(reader.fieldnames or ())}); put ';' between several values"
            )
        if kind not in KINDS:
            raise ConfigError(
                f"{path}, line {number}: kind {kind!r} is not one of {', '.join(KINDS)}"
            )
        outlets.append(
            Outlet(
                name,
                kind,
                _cells(row.get("domains"), lambda d: d.lower().removeprefix("www.")),
                _cells(row.get("handles"), lambda h: h.lstrip("@").lower()),
                _cells(row.get("forms"), str),
            )
        )
    return outlets


def _cells(value: str | None, clean) -> tuple[str, ...]:
    return tuple(clean(v.strip()) for v in (value or "").split(";") if v.strip())


@cache
def builtin_gazetteer() -> Gazetteer:
    return Gazetteer(tuple(o for f in sorted(OUTLETS_DIR.glob("*.csv")) for o in read_outlets(f)))


def gazetteer_with(paths: Iterable[Path]) -> Gazetteer:
    return builtin_gazetteer().extended(o for p in paths for o in read_outlets(Path(p)))


@dataclass
class LearnedOutlets:
    """Outlets found in the workspace while judging it."""

    handles: dict[str, str] = field(default_factory=dict)  # handle -> outlet name
    domains: dict[str, str] = field(default_factory=dict)  # domain -> outlet name

    def outlets(self) -> list[Outlet]:
        found = [Outlet(name, "learned", handles=(h,)) for h, name in self.handles.items()]
        found += [Outlet(name, "learned", domains=(d,)) for d, name in self.domains.items()]
        return found
