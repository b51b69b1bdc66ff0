"""Employer, not mention: does an account work for (or belong to) a listed organisation now?

A listed name counts only as the current employer or owner: the bio ("Head of CX at Acme",
"@Acme", "CX lead, Acme"), the display name ("Jo Bloggs | Acme"), the account's own handle or
one of the organisation's family (@AcmeCares, @Acme_Jobs), a website or e-mail address on one of
its domains. It does not count after "ex-", "formerly" (a past job, see
:class:`audience.roles.BioText`), as a client ("helping brands like @Acme"), a beat ("covering
Acme"), or a complaint ("@Acme still no refund"). A one-word name or an acronym also needs the
context of a job ("at", "@", "|", a comma after a title) and its capital letter, so "per capita",
a town or a flower of the same name do not count.

All names and aliases of all listed organisations are compiled into one pattern, applied once
per text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, pairwise
from typing import TYPE_CHECKING, Any

from audience.roles import (
    LEGAL_SUFFIXES,
    ORG_HANDLE_SUFFIXES,
    BioText,
    Lexicon,
    fold_same_length,
    organisation_key,
)
from audience.sounds import name_keys, script_words
from audience.textmatch import (
    ARABIC_CLITIC,
    ARABIC_LETTER,
    ARABIC_LETTERS,
    ARABIC_PROCLITIC,
    ASKED_AND_ANSWERED,
    HEBREW_CLITIC,
    HEBREW_LETTER,
    HEBREW_PROCLITIC,
    PICTOGRAPHS,
    RUN_ON_SCRIPTS,
    UNSPACED_SCRIPTS,
    WORD_MARKS,
    searched,
)

if TYPE_CHECKING:
    from audience.geo import Place

_AFTER_EMPLOYER = re.compile(
    r"(?:^|\s)(?:at|@|chez|bei|bij|presso|hos|på|en|em|na|no|w|στην|στη|στο|στον|στα|στις|στους"
    r"|tai|в|у|sa|di|في|لدى|در)\s*$"
)
# "Clients: Acme, Beta en Gamma": after a client marker, a list that goes on with "and" ("en"
# in Dutch, not the Spanish "at") still names clients.
_LIST_GOES_ON_BEFORE = re.compile(r"\w[\w.'’]*\s+(?:en|and|und|et|e|y|i|og|och|&)\s*$|,\s*$")
# A sentence, for the markers: a list after "Clients:" runs on across its commas, and the
# full stop of a short abbreviation ("u.a.", "z.B.", "e.g.", "ca.") ends nothing.
_SENTENCE_END = re.compile(
    r"[;|•\n!?｜。！？；።፤։]|(?<![\s.][^\W\d_가-힣])(?<![\s.][^\W\d_가-힣]\w)(?<!incl)(?<!excl)(?<!approx)"
    r"(?<!esp)\.(?!\w)"
)
# Suffixes of an organisation's own secondary accounts: @AcmeCares, @Acme_Jobs, @AcmeUK (the
# service words the roles module also uses, plus places and languages).
FAMILY_SUFFIXES = frozenset(ORG_HANDLE_SUFFIXES) | frozenset(
    [
        "uk",
        "ie",
        "es",
        "pt",
        "fr",
        "de",
        "it",
        "nl",
        "pl",
        "us",
        "eu",
        "en",
        "cat",
        "gal",
        "iberia",
        "europe",
        "empleo",
        "empleos",
        "emprego",
        "carreiras",
        "ayuda",
        "soporte",
        "atencion",
        "atencioncliente",
        "clientes",
        "pr",
        "prensa",
        "imprensa",
        "comunicacion",
        "oficial",
        "servicio",
        "servico",
        "tech",
        "dev",
        "labs",
        "store",
        "shop",
        "tienda",
        "loja",
        "retail",
        "business",
        "pro",
        "group",
        "grupo",
        "sac",
        "ajuda",
        "apoio",
        "suporte",
        "hilfe",
        "kundenservice",
        "presse",
        "karriere",
        "emea",
        "apac",
        "latam",
        "americas",
        "asia",
        "africa",
        "mena",
        "dach",
        "nordics",
        "benelux",
        "north",
        "south",
        "east",
        "west",
        "intl",
        "international",
    ]
)
_RETIRED = re.compile(
    r"(?<![\w])(?:retired|jubilad[oa]|reformad[oa]|aposentad[oa]|pensionist\w*|rentner\w*"
    r"|stepped down|stepped back|im ruhestand|ruhestand|en retraite|a la retraite|in pensione"
    r"|lo deje|i left|left in|deixei"
    r"|συνταξιουχ\w*|emekli)(?![\w])"
)
_SEPARATOR_BEFORE = re.compile(r"[|,:/–—(·•\-｜，：／（]\s*$")
_PICTOGRAPHS_AT_END = re.compile(rf"[\s{PICTOGRAPHS}\ufe0f]+$")
_PICTOGRAPH_AFTER = re.compile(rf"\s*[{PICTOGRAPHS}]")
_SEPARATOR_AFTER = re.compile(r"^\s*[|)｜）]")
# The last step of a career written with arrows ("Beta → Acme"): where someone moved to.
_MOVED_TO = re.compile(r"(?:→|->|⇒|➡️?|➔)\s*$")
_AND_BEFORE = re.compile(r"\s(?:and|&|×|x|y|et|e|und|na|va|и)\s+$")
_MOVES_ON = re.compile(r"^[^.!?|\n]*?(?:→|->|⇒|➡|➔)")
_ALUMNI_AFTER = re.compile(r"^[\s'’s-]{0,3}(?:alumni|alumnus|alumna|alum|graduate|grad)\b")
# The end of a sentence: a full stop before a capital ("Müh. 2. sınıf" goes on), a bar, a line.
_SENTENCE_AHEAD = re.compile(r"[.!?]\s+(?=[^\W\d_a-zß-ÿ])|[|\n•]")
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_COMMA = re.compile(r"\s*,")
# The end of a clause, after any emoji: "Acme.", "Acme, Leeds", "Acme 🚛".
_ACRONYM_AFTER = re.compile(r"\s*\(([\w&-]{2,10})\)")
# A year right after the name, with a word before it in any language ("since 2014", "seit 2019").
_TENURE = re.compile(r"\s+(?:[^\W\d]+\s+)?(?:19|20)\d\d(?![\w])")
_BRACKET_AFTER = re.compile(r"\s*\(([^()]{1,60})\)")
# (Arabic: its comma and a word opening on "and" ("وقبلها", and before that) start a clause.)
_CLAUSE_ENDS = re.compile(
    r"(?:\s*[^\w\s()\[\]@#.,;|!?·،-])*(?:\s*\([\w.&-]{1,12}\))?\s*"
    rf"(?:$|[.;,|!?\n•·،؛]|\s[-–—]\s|(?<=\s)و(?=[{ARABIC_LETTERS}]))"
)
# A customer word ends its phrase: "Acme customer, and honestly…", "Acme member since 2019";
# not "Acme customer service" (a team of Acme).
_TRAIL_ENDS = re.compile(
    r"\s*(?:$|[^\w\s'’-]|\s(?:since|for|and|here|too|of|inside|in|at|on|seit|depuis|desde"
    r"|long|bilong)\b)"
)
# "Student services officer", "Student recruitment lead": a study word inside a staff title.
_STAFF_TITLE = re.compile(
    r"(?<![\w])(?:officer|manager|advis[eo]r|co-?ordinator|director|lead|administrator|assistant"
    r"|recruiter)(?![\w])"
)
_WORD_OR_SIGN = re.compile(rf"(?:[\w&@]|[{WORD_MARKS}])+")
_MENTION = re.compile(r"(?<![\w@])@(\w{1,30})")


@dataclass(frozen=True)
class ListedOrg:
    """One organisation of a segment's list with every way it can show up."""

    label: str
    names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()


@dataclass
class OrgMatcher:
    orgs: list[ListedOrg]
    lexicon: Lexicon
    _by_key: dict[str, tuple[ListedOrg, bool]] = field(init=False, default_factory=dict)
    _by_handle: dict[str, ListedOrg] = field(init=False, default_factory=dict)
    _families: list[tuple[str, ListedOrg]] = field(init=False, default_factory=list)
    _by_domain: dict[str, ListedOrg] = field(init=False, default_factory=dict)
    _names: re.Pattern[str] | None = field(init=False, default=None)
    # the names with Icelandic and Faroese case endings, for texts in those languages
    _nordic_names: re.Pattern[str] | None = field(init=False, default=None)
    _declined: dict[str, str] = field(init=False, default_factory=dict)  # key -> its pattern
    _owner_keys: dict[str, ListedOrg] = field(init=False, default_factory=dict)
    _acronyms: set[str] = field(init=False, default_factory=set)
    _short_keys: set[str] = field(init=False, default_factory=set)
    _squashed: dict[str, str] = field(init=False, default_factory=dict)  # "acme24": "acme 24"
    _handle_keys: set[str] = field(init=False, default_factory=set)  # @AcmeCares as "acme cares"
    _generic: frozenset[str] = field(init=False, default=frozenset())
    # names by the sound keys of their words, for names written in another script
    _sounds: dict[str, list[tuple[tuple[str, ...], ListedOrg, bool]]] = field(
        init=False, default_factory=dict
    )
    # every listed organisation's matcher (all segments, and mine), to see lists of brands
    neighbours: OrgMatcher | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        for org in self.orgs:
            for name in org.names:
                key = organisation_key(name)
                if key:
                    self._by_key.setdefault(key, (org, _needs_context(name, key)))
                    # "Skiftly ApS" as written: a company's full name, a name of two words
                    full = organisation_key(name, legal_form=True)
                    if full != key and full.startswith(key):
                        self._by_key.setdefault(full, (org, _needs_context(name, full)))
                    squashed = key.replace(" ", "").replace("&", "")
                    if len(squashed) >= 5:
                        self._families.append((squashed, org))
            for handle in org.handles:
                handle = handle.lstrip("@").lower()
                self._by_handle[handle] = org
                if len(handle) >= 4:
                    self._families.append((handle.replace("_", ""), org))
            for domain in org.domains:
                self._by_domain[domain.lower().removeprefix("www.")] = org
                self._domain_acronym(domain, org)
            for name in org.names:
                self._initials(name, org)
        generic = self._generic = self._generic_words()
        for org in self.orgs:
            self._add_handle_names(org)
        for org in self.orgs:
            # "Driver at Van der Meer" for "Van der Meer Transport": the name without its
            # generic last word, only in the context of a job.
            for name in org.names:
                for short in _shortened(organisation_key(name), generic):
                    if len(short) >= 4 and short not in self._by_key:
                        self._by_key[short] = (org, True)
                        self._short_keys.add(short)
        for key in self._by_key:
            self._squashed.setdefault(key.replace(" ", ""), key)
        if self._by_key:
            keys = sorted(self._by_key, key=len, reverse=True)
            # Chinese and Japanese run words together ("海灣酒店訂房中心"): a name of three or
            # more of their characters needs no space around it.
            glued = [k for k in keys if len(k) >= 3 and _UNSPACED_NAME.fullmatch(k)]
            spaced = [k for k in keys if k not in glued]
            # a short name takes a case ending too when it is long enough not to be a word
            # inside another ("u Centrali" for Centrala Cloud, in the context of a job)
            body = "|".join(_inflected(k, k not in self._short_keys or len(k) >= 6) for k in spaced)
            pattern = rf"(?<![\w@#])(?:{body})(?![\w])(?!\.\w)"
            for script, clitic in (
                (_ETHIOPIC, _ETHIOPIC_CLITIC),
                (HEBREW_LETTER, HEBREW_CLITIC),
                (ARABIC_LETTER, ARABIC_CLITIC),
            ):
                if names := [re.escape(k) for k in spaced if script.match(k)]:
                    pattern += rf"|{clitic}(?:{'|'.join(names)})(?![\w])"
            if glued:
                pattern += "|" + "|".join(re.escape(k) for k in glued)
            self._names = re.compile(pattern)
            nordic_keys = (k for k in spaced if k not in self._short_keys)
            self._declined = {k: d for k in nordic_keys if (d := _declined_nordic(k))}
            if self._declined:
                body = "|".join(self._declined.values())
                nordic = rf"(?<![\w@#])(?:{body})(?![\w])(?!\.\w)"
                self._nordic_names = re.compile(f"{nordic}|{pattern}")
        for org in self.orgs:
            for name in org.names:
                key = organisation_key(name)
                for short in _shortened(key, generic):
                    self._owner_keys.setdefault(short, org)
                self._add_sounds(name, org)
                if len(key.split()) < len(name.split()):
                    self._add_sounds(key, org)  # "هالفورسك" for Halvorsk Group

    def _add_handle_names(self, org: ListedOrg) -> None:
        """A secondary handle spelt as words is a name the account goes by: @AcmeNordics is
        "Acme Nordics", @AcmeCares "Acme Cares" (the first words of a listed name, then a word)."""
        for name in org.names:
            words = organisation_key(name).split()
            for size in range(1, len(words) + 1):
                stem = "".join(words[:size])
                if len(stem) < 5:
                    continue
                for handle in org.handles:
                    squashed = handle.lstrip("@").lower().replace("_", "")
                    rest = squashed[len(stem) :]
                    if (
                        squashed.startswith(stem)
                        and len(rest) >= 3
                        and rest.isalpha()
                        and rest not in self._generic  # @AcmePlc is Acme
                    ):
                        # a name the bio must give as a workplace: as a product or a
                        # complaint it is anyone's
                        key = " ".join([*words[:size], rest])
                        if key not in self._by_key:
                            self._by_key[key] = (org, True)
                            self._handle_keys.add(key)

    def _add_sounds(self, name: str, org: ListedOrg) -> None:
        """A name's sound keys, when long enough not to be another word's: an acronym is
        spelt out, not transliterated."""
        keys = name_keys(_DOMAIN_ENDING.sub("", name))  # "Smyana.io" sounds like "Smyana"
        consonants = sum(len(k.removeprefix("a")) for k in keys)
        if name.isupper() or consonants < (3 if len(keys) > 1 else 4):
            return
        strict = _needs_context(name, organisation_key(name))
        self._sounds.setdefault(keys[0], []).append((keys, org, strict))

    def __bool__(self) -> bool:
        return bool(self.orgs)

    def _brand_list(self, text: BioText, found: list[re.Match[str]]) -> set[int]:
        """Where names of two or more different listed organisations follow one another in a
        list ("KV Box, VoltaMax, StarWave"): a retailer's, installer's or reviewer's brands,
        none of them the employer. The starts of the names in such lists."""
        if not found or searched(self.lexicon.joint, text.folded):
            return set()  # "run jointly by Acme and Beta": both own it
        everyone = self.neighbours or self
        found = everyone._current_names(text)
        orgs = [everyone._by_key.get(everyone._key_of(m.group(0)), (None,))[0] for m in found]
        return _listed_together(text, found, orgs)

    def _current_names(self, text: BioText) -> list[re.Match[str]]:
        """The names not said of the past; a name that starts with a past marker's word is
        itself ("CEO, Volt Market": Hungarian "volt" is "was")."""
        names = self._names_in(text.folded)
        found = list(text.current(names))
        if text.marker_starts:
            current = {m.start() for m in found}
            found += [
                m
                for m in names.finditer(text.folded)
                if m.start() in text.marker_starts
                and m.start() not in current
                and len(m.group(0).split()) > 1
            ]
        return found

    def _names_in(self, folded: str) -> re.Pattern[str]:
        """The names pattern for a text: with Icelandic and Faroese case endings when the text
        is written in those languages ("hjá Jökulbanka", "Útibússtjóri Sparisjóðs")."""
        if self._nordic_names is not None and _NORDIC_LETTERS.search(folded):
            return self._nordic_names
        assert self._names is not None
        return self._names

    @functools.cached_property
    def _nordic_keys(self) -> list[tuple[re.Pattern[str], str]]:
        return [(re.compile(declined), key) for key, declined in self._declined.items()]

    def _key_of(self, said: str) -> str:
        """The listed key a match stands for, its case ending taken off ("Volt Marketu",
        "Tržnice", "Telvoxa" for Volt Market, Tržnica, Telvox)."""
        key = " ".join(re.sub(rf"{_NAME_JOIN}+", " ", said).split())
        if key in self._by_key:
            return key
        if (joined := self._squashed.get(key.replace(" ", ""))) is not None:
            return joined  # "Acme24" for Acme 24: the join may be nothing
        if georgian := _georgian_key(key, self._by_key):
            return georgian
        return (
            _declined_key(key, self._by_key, _ARMENIAN_NOUN_FORMS, (_ARMENIAN_NOUN,))
            or _declined_key(key, self._by_key, _CASE_ENDINGS, ("", "a", "а", "ь"))
            or _declined_key(key, self._by_key, _BALTIC_ENDINGS, _BALTIC_NOMINATIVES)
            or _glued_key(key, self._by_key)
            or next((k for pattern, k in self._nordic_keys if pattern.fullmatch(key)), key)
        )

    def _short_name_ok(self, text: BioText, match: re.Match[str]) -> bool:
        """A name without its generic words ("Acme" for Acme Energy) is also a place, a word
        or an outlet ("Café na Ribeira do Porto", "Redactor en Acme (@outlet)"): it counts
        when it ends its sentence or clause, after a job that is not press ("Contact centre
        manager at Acme.", "Chief Customer Officer, Acme.")."""
        # "Acme Co-op" for the listed "Acme Co-operative": generic words of another form.
        end = self._past_generic_words(text.folded, match.end())
        if tenure := _TENURE.match(text.folded, end):
            end = tenure.end()  # "Team lead at Acme since 2014.": the years there end the clause
        if former := self._former_name_after(text, end):
            end = former  # "Head of Operations, Acme (ex Beta Bank).": its old name aside
            if tenure := _TENURE.match(text.folded, end):
                end = tenure.end()  # "Sales at Beta (now Acme) since 2015."
        stops = [m.end() for m in _SENTENCE_END.finditer(text.folded, 0, match.start())]
        sentence = text.folded[stops[-1] if stops else 0 : match.start()]
        # "Customer Success at Acme 📅 scheduling": a pictograph ends the clause after a job.
        pictograph = _PICTOGRAPH_AFTER.match(text.folded, end) and self._job_just_before(sentence)
        if not (
            _CLAUSE_ENDS.match(text.folded, end)
            or pictograph
            or self._own_acronym_after(text, match, end)
        ):
            return False
        if _a_place(text.raw[match.start() : match.end()]) and not self._is_job(sentence):
            return False  # "Calzado de cuero en Masaya" for Masaya BPO: the town, no job there
        return not self.lexicon.press.search(sentence)

    def _former_name_after(self, text: BioText, end: int) -> int | None:
        """Where a bracket right after a name ends when it opens with a past marker ("Acme (ex
        Beta Bank)", "Acme (anciennement Beta)") or a now-word ("Beta Bank (now Acme)"): the
        organisation's other name, an aside."""
        bracket = _BRACKET_AFTER.match(text.folded, end)
        if bracket is None:
            return None
        opening = bracket.group(1)
        if not (self.lexicon.former.match(opening) or self.lexicon.now.match(opening)):
            return None
        return bracket.end()

    def _own_acronym_after(self, text: BioText, match: re.Match[str], end: int) -> bool:
        """ "Kerja untuk Harbour Fisheries (HFC) sejak 2022": the short name followed by the
        same organisation's acronym in brackets is that organisation."""
        bracket = _ACRONYM_AFTER.match(text.folded, end)
        if bracket is None:
            return False
        key = self._key_of(match.group(0))
        mine = self._by_key.get(key, (None,))[0]
        return mine is not None and self._by_key.get(bracket.group(1), (None,))[0] is mine

    def _domain_acronym(self, domain: str, org: ListedOrg) -> None:
        """ "rhg.co.nz": people write the organisation as its domain's short name, in capitals
        ("Ward manager | RHG"); only as an acronym, so a word of the same letters does not."""
        label = domain.lower().removeprefix("www.").split(".")[0]
        if 3 <= len(label) <= 4 and label.isalpha() and label not in self._by_key:
            self._by_key[label] = (org, True)
            self._acronyms.add(label)

    def _initials(self, name: str, org: ListedOrg) -> None:
        """ "NAG" for Nordic Answer Group: a name of three or four words written as its
        initials, in capitals and in the context of a job, like a domain's short name."""
        written = name.split()  # "Câble Saint-Laurent" is two words, "Banco del Sur" has "del"
        words = organisation_key(name, legal_form=True).split()
        label = "".join(w[0] for w in words)
        if (
            3 <= len(words) <= 4
            and len(written) == len(words)
            and all(w.isalpha() and w[0].isupper() for w in written)
            and label not in self._by_key
        ):
            self._by_key[label] = (org, True)
            self._acronyms.add(label)

    def _generic_words(self) -> frozenset[str]:
        """Words a listed name may carry or drop ("Acme Energy" is "Acme" at work, "Solar del
        Sur (Instalaciones)" its display name): the vocabulary's ``generic_org_words``."""
        words = (organisation_key(w) for w in self.lexicon.vocabulary.generic_org_words)
        return frozenset(w for w in words if w)

    # ---- pieces of evidence ---------------------------------------------------------------

    def by_handle(self, handle: str | None) -> tuple[ListedOrg, str] | None:
        """The account's own handle: the organisation's, or one of its family."""
        key = (handle or "").lower().lstrip("@").split("@")[0]
        if not key:
            return None
        if org := self._by_handle.get(key):
            return org, f"handle @{handle} ({org.label})"
        squashed = key.replace("_", "")
        for prefix, org in self._families:
            rest = squashed[len(prefix) :]
            if squashed.startswith(prefix) and (not rest or rest in FAMILY_SUFFIXES):
                return org, f"handle @{handle} belongs to {org.label}"
        return None

    def one_word_name(self, name: str | None) -> bool:
        """The display name is exactly a listed one-word name or acronym ("Zest!")."""
        key = organisation_key(name or "")
        return len(key.split()) == 1 and self._by_key.get(key, (None, False))[1]

    def by_display_name(
        self,
        name: str | None,
        handle: str | None = None,
        hosts: Iterable[str] = (),
        bio: str | None = None,
    ) -> tuple[ListedOrg, str] | None:
        """An account named exactly as a listed organisation (or a former name of it without
        its "Instalaciones", "Group", "Ltd"): the organisation's own account. A one-word name or
        an acronym ("Zest", "ACME") is also a band's, a meme account's or a shop's name: it
        needs the organisation's handle (or one of its family) or domain as well."""
        key = organisation_key(name or "")
        if key in self._handle_keys:
            return None  # a handle's words as a display name are anyone's (a fan, a scam)
        found, strict = self._by_key.get(key, (None, True))
        found = found or self._owner_keys.get(key)
        if found is None:
            return None
        if strict and len(key.split()) == 1:
            family = self.by_handle(handle)
            # "Zest – e-bikes from Bremen": a bio that introduces the organisation by name.
            introduced = re.match(
                rf"\s*{re.escape(key)}\s*(?:[-–—:|,]|(?:is|ist|est|es|e)\b)", fold(bio)
            )
            if (
                not (family and family[0] is found)
                and not introduced
                and not any(self.by_host(h) is found for h in hosts)
            ):
                return None
        return found, f"named {name} ({found.label})"

    def in_display_name(self, name: str | None) -> bool:
        """A listed name or alias anywhere in a display name ("Acme Newsroom", "Acme Investor
        Relations"), not a short form: an account named after the organisation itself."""
        if self._names is None or not name:
            return False
        folded = fold_same_length(name)
        return any(
            _written_key(m) not in self._short_keys for m in self._names_in(folded).finditer(folded)
        )

    def opens_display_name(self, name: str | None) -> bool:
        """:meth:`in_display_name` with a name of two words or more first ("Acme Bank Support",
        "Acme Air Bonus"): an account that presents itself as the organisation, not a person's
        "Darius | Acme Air" nor "Ruta Smith" beside a listed "RUTA"."""
        if self._names is None or not name:
            return False
        folded = fold_same_length(name)
        match = self._names_in(folded).search(folded)
        said = _written_key(match) if match else ""
        return bool(
            match
            and not re.search(r"\w", folded[: match.start()])
            and " " in said
            and said not in self._short_keys
        )

    def by_host(self, host: str) -> ListedOrg | None:
        host = host.lower().removeprefix("www.")
        while host and "." in host:
            if org := self._by_domain.get(host):
                return org
            host = host.split(".", 1)[1]
        return None

    def in_text(self, text: BioText, where: str) -> Iterable[tuple[ListedOrg, str]]:
        """Listed organisations a bio or display name gives as the current employer."""
        return ((org, reason) for org, reason, _ in self.in_text_at(text, where))

    def in_text_at(self, text: BioText, where: str) -> Iterator[tuple[ListedOrg, str, int]]:
        """:meth:`in_text`, with where in the text each name starts."""
        if self._names is not None:
            found = self._current_names(text)
            listed = self._brand_list(text, found)
            for match in found:
                if match.start() in listed:
                    continue  # "Decoders: AcmeBox, RivalMax, OtherSat": a shop's brands
                key = self._key_of(match.group(0))
                if key in self._handle_keys and where != "bio":
                    continue  # "Acme Cares (fan)" as a display name is anyone's
                org, strict = self._by_key.get(key, (None, True))
                strict = strict or _glued_to_a_letter(text.raw, match.start())
                said = text.raw[match.start() : match.end()]
                if key in self._acronyms and not said.isupper() and not _lower_case(text.raw):
                    continue  # an acronym in lower case is a word, unless the whole bio is
                if key in self._short_keys and not self._short_name_ok(text, match):
                    continue
                # "Busel — bird of the year" as a display name names the stork, not Busel Contact
                named = where == "name" and not self._is_job(text.folded[: match.start()])
                if key in self._short_keys and named:
                    continue
                if org and (
                    (
                        _ordinary_words(said, org, text.raw[: match.start()])
                        and not _lower_case(text.raw)  # a bio all in lower case says nothing
                        and not self._job_beside(text, match)
                    )
                    or _hyphen_glued(text, match, self.lexicon.employer_trails)
                ):
                    continue
                if org and self._is_employer(text, match, strict, where):
                    yield (
                        org,
                        f"{where} names {org.label}"
                        + (
                            f' ("{said}")'
                            if organisation_key(said) != organisation_key(org.label)
                            else ""
                        ),
                        match.start(),
                    )
        mentions = list(text.current(_MENTION))
        listed = self._handle_list(text, mentions)
        for match in mentions:
            found = self.by_handle(match.group(1))
            if match.start() in listed:
                continue  # "Ambassador @AcmeFibre, @BetaFoods": brands, none the employer
            if found and self._is_employer(text, match, False, where):
                yield found[0], f"{where} names @{match.group(1)} ({found[0].label})", match.start()
        seen: list[tuple[int, int]] | None = None
        for org, strict, span in self._sounded(text):
            if seen is None:
                names = self._names_in(text.folded) if self._names else None
                seen = [m.span() for m in names.finditer(text.folded)] if names else []
            if any(s < span.end() and span.start() < e for s, e in seen):
                continue  # the name as listed, already judged
            if self._is_employer(text, span, strict, where):
                yield org, f'{where} names {org.label} ("{span.group(0)}")', span.start()

    def _handle_list(self, text: BioText, mentions: list[re.Match[str]]) -> set[int]:
        """:meth:`_brand_list` for handles: the starts of handles of two different listed
        organisations that follow one another in a list."""
        if len(mentions) < 2 or searched(self.lexicon.joint, text.folded):
            return set()  # "run jointly by @Acme and @Beta": both own it
        everyone = self.neighbours or self
        owners = [(everyone.by_handle(m.group(1)) or (None,))[0] for m in mentions]
        return _listed_together(text, mentions, owners)

    def _job_beside(self, text: BioText, match: re.Match[str]) -> bool:
        """A job right before the name ("Giám đốc tại (Bao bì Trường Phát)") or right after
        it ("Хонгор кашемир ... ажилтан"): a name in sentence case, not ordinary words."""
        before = _ACRONYM_GLOSSED.sub("", text.folded[: match.start()]).rstrip(" (")
        words = _WORD_OR_SIGN.findall(before)
        after = text.folded[match.end() :]
        trails = self.lexicon.employer_trails
        return bool(
            (words and words[-1] in self.lexicon.employer_words)
            or (trails and _trail_after(trails, after))
            or _job_right_after(self.lexicon, after)
        )

    def _sounded(self, text: BioText) -> Iterator[tuple[ListedOrg, bool, _Span]]:
        """Listed names written in another script ("ජය ලයිෆ්" for Jaya Life), not in the past."""
        if not self._sounds:
            return
        words = script_words(text.raw)
        for i, (start, _, key, _) in enumerate(words):
            for keys, org, strict in self._sounds.get(key, ()):
                window = words[i : i + len(keys)]
                if (
                    tuple(w[2] for w in window) == keys
                    and any(w[3] for w in window)
                    # words of one or two letters are the language's own ("من كل", from every)
                    and any(w[3] and w[1] - w[0] > 2 for w in window)
                    and all(_NAME_GAP.fullmatch(text.raw[a[1] : b[0]]) for a, b in pairwise(window))
                    and not text.is_past(start)
                ):
                    yield org, strict, _Span(text.raw, start, window[-1][1])

    def in_post(self, text: str) -> tuple[ListedOrg, str] | None:
        """A post that confirms the employer: the organisation right after "our team",
        "el equipo de", "a nossa fábrica na"..."""
        folded = fold_same_length(text)
        for match, org in self._named(text, folded):
            if not folded[: match.start()].strip():
                continue  # "@AcmeCare still waiting": a reply to the organisation
            before = folded[max(0, match.start() - 60) : match.start()]
            sentence = before[max((m.end() for m in _SENTENCE_END.finditer(before)), default=0) :]
            team = _TEAM_BEFORE.search(before)
            if (
                team
                and not _MY_THING.fullmatch(team.group(0))  # "my Acme order": bought
                and _team_links(team.group("between"), self.lexicon)
                and not self._not_employer(sentence, "")
                and not self.lexicon.former.search(sentence)  # "grateful for my years at Acme"
            ):
                return org, f'post names {org.label} as their team ("{text[:60].strip()}")'
        return None

    def clients_in(self, text: str | None) -> set[ListedOrg]:
        """The listed organisations ``text`` names as clients ("our desks are run by Acme")."""
        markers = self.lexicon.client_markers
        if not text or markers is None:
            return set()
        folded = fold_same_length(text)
        return {
            org
            for match, org in self._named(text, folded)
            if self._marks_the_name(markers, folded[max(0, match.start() - 80) : match.start()])
        }

    def _named(self, text: str, folded: str) -> list[tuple[re.Match[str], ListedOrg]]:
        """Listed names (not in lower case) and handles in ``text``, with their organisation."""
        found = []
        if self._names is not None:
            for match in self._names_in(folded).finditer(folded):
                key = self._key_of(match.group(0))
                org = self._by_key.get(key, (None, True))[0]
                if org and not _lower_case(text[match.start() : match.end()]):
                    found.append((match, org))
        for match in _MENTION.finditer(folded):
            if hit := self.by_handle(match.group(1)):
                found.append((match, hit[0]))
        return found

    def post_filter(self) -> list[str]:
        """Words to pre-select posts in SQL (LIKE) before the patterns look at them."""
        words = set()
        for org in self.orgs:
            for name in org.names:
                key = organisation_key(name).split()
                longest = max(key, key=len) if key else ""
                if len(longest) >= 4:
                    words.add(longest)
            words.update(h.lower() for h in org.handles if len(h) >= 4)
        return sorted(words)

    def _is_employer(self, text: BioText, match: re.Match[str], strict: bool, where: str) -> bool:
        folded, raw, start, end = text.folded, text.raw, match.start(), match.end()
        clause_start = max((s for s, e in text.clauses() if s <= start), default=0)
        clause_end = min((e for s, e in text.clauses() if e >= end), default=len(folded))
        before = folded[clause_start:start]
        after = folded[end:clause_end]
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
        sentence_end = _SENTENCE_END.search(folded, end)
        sentence_after = folded[end : sentence_end.start() if sentence_end else len(folded)]
        retired = self.lexicon.retired_words
        if _ALUMNI_AFTER.match(folded[end:]) or _RETIRED.search(folded):
            return False
        if retired is not None and searched(retired, _SENTENCE_END.split(folded, maxsplit=1)[0]):
            return False  # "Retraité. 30 ans chez Acme": a bio opening retired is all past
        answer = ASKED_AND_ANSWERED.match(folded, end)
        if answer and answer.group(1) in self.lexicon.answers_no:
            return False  # "Acme? No, Beta Bank.": the name is asked about and denied
        if self._not_employer(folded[sentence_start:start], sentence_after):
            return False
        opens_sentence = not re.search(r"\w", folded[sentence_start:start])
        objects = self.lexicon.writer_objects
        if opens_sentence and objects and objects.match(sentence_after):
            return False  # "Acme owes me 50k", "Acme cut my line again": a customer speaking
        # A study year right after a name that opens the sentence ("Acme Üni Müh. 2. sınıf");
        # not after a job ("Cajera en Acme, estudiante de enfermería").
        if opens_sentence and self._studies_there(
            _SENTENCE_AHEAD.split(raw[end : end + 60])[0].lower(), before=False
        ):
            return False
        if where == "name" and not _name_part_ok(raw[:start], raw[end:]):
            return False
        is_handle = raw[start : start + 1] == "@"
        # Written in lower case, a capitalised name is an ordinary word ("bright orange"),
        # unless the whole bio is ("csr @ acme | night shift"): then only a job tells.
        lower = not is_handle and _lower_case(raw[start:end])
        if lower and any(c.isupper() for c in raw) and not self._job_just_before(before):
            return False  # but "Senior seller acmehome", "Painter at acme yard": a job names it
        # "Thaba village", "Acme Hotel Durban", "Acme & Partners": a place, another business; a
        # display name "Acme (band)" says what kind of thing it is, whatever the name.
        kinds = self.lexicon.other_kinds
        another_kind = kinds is not None and kinds.match(folded[end:].lstrip(" ([&")) is not None
        glossed = where == "name" and folded[end:].lstrip().startswith("(")
        if another_kind and (glossed or (not is_handle and (strict or lower))):
            return False
        if not strict and not lower:
            # "Acme Pro 7, Jabra, Poly": a brand among others that a tester or a shop names.
            listed = _names_follow(raw, end) and self._in_enumeration(raw, folded, start, end)
            return is_handle or not listed
        # A one-word name or an acronym: capitalised as a name, in the context of a job.
        if _lower_case(raw[start : start + 1]) and not is_handle and not lower:
            return False
        if not is_handle and (
            self._in_enumeration(raw, folded, start, end) or _other_acronym(raw, start, end)
        ):
            return False
        if self._joint_owner(folded[sentence_start:start]):
            return True  # "Joint service of Acme Finance and Beta": the second owner
        # "Sales director at TPP (Trường Phát Packaging)": the name glosses the acronym before it.
        before = _ARTICLE_AT_END.sub("", before)  # "12 años en la Acme": "en" names it
        words = _WORD_OR_SIGN.findall(_ACRONYM_GLOSSED.sub("", before))
        if lower:  # "tl sa acme", "csr @ acme": in a bio all in lower case, "at" or a job tells
            # "cabin crew | acme air": the job in the slot before
            slot = _SLOT_BEFORE.search(folded, 0, start) if not before.strip() else None
            return (
                bool(words)
                and (
                    words[-1] in self.lexicon.employer_words
                    or _job_right_before(self.lexicon, before)
                )
            ) or bool(slot and _job_right_before(self.lexicon, folded[: slot.start()]))
        if where == "name" and not before.strip() and not after.strip():
            return True
        if not is_handle and ARABIC_LETTER.match(raw, start):
            return self._arabic_job_before(words, before)
        trails = self.lexicon.employer_trails
        return bool(
            (
                words
                and words[-1] in self.lexicon.employer_words
                and _of_a_job(self.lexicon, words, before)
                and not self._a_place_named(raw, before, end)
            )
            or (trails and _trail_after(trails, after))
            or _job_right_after(self.lexicon, after)
            or self._after_a_job_sentence(folded, sentence_start, start, sentence_after)
            or _job_right_before(self.lexicon, before)
            or _job_then_de(self.lexicon, words, before)
            or _SEPARATOR_BEFORE.search(raw[max(0, start - 3) : start])
            or (not before.strip() and _SEPARATOR_AFTER.match(folded[end:]) and where != "name")
            or (not before.strip() and self._job_after_comma(folded, end))
            or self._moved_to(text, start, end)
            # "Team Leader supporto clienti in italiano @acme |": the handle ends a job's clause
            or (is_handle and _CLAUSE_ENDS.match(folded, end) and self._is_job(before))
        )

    def _job_just_before(self, before: str) -> bool:
        """A job right before the name, or before the "at" right before it."""
        if _job_right_before(self.lexicon, before):
            return True
        words = _WORD_OR_SIGN.findall(before)
        if not words or words[-1] not in self.lexicon.employer_words:
            return False
        return _job_right_before(self.lexicon, before.rstrip()[: -len(words[-1])])

    def _joint_owner(self, before: str) -> bool:
        """The last of the owners an account run jointly lists: a joint marker earlier in the
        sentence, "and" right before the name."""
        joint = self.lexicon.joint
        return bool(joint and _AND_BEFORE.search(before) and searched(joint, before))

    def _moved_to(self, text: BioText, start: int, end: int) -> bool:
        """ "SriTel → Acme since 2015": the last step of a career written with arrows, unless
        the bio says the career is over ("… 22 years. Retired this year")."""
        raw = text.raw
        return bool(
            _MOVED_TO.search(raw[max(0, start - 4) : start])
            and not _MOVES_ON.match(raw[end:])
            and not self.lexicon.retired.search(text.folded)
        )

    def _past_generic_words(self, folded: str, end: int) -> int:
        """Where the generic words right after a name end ("Acme Co-op", "ACME JSC")."""
        while (word := _NEXT_WORD.match(folded, end)) and (
            organisation_key(word.group(1)) in self._generic
        ):
            end = word.end()
        return end

    def _job_after_comma(self, folded: str, end: int) -> bool:
        """ "ACME JSC, financial analyst": the name (and its legal form) opens the clause, a
        comma, then a job."""
        comma = _COMMA.match(folded, self._past_generic_words(folded, end))
        return comma is not None and _job_right_after(self.lexicon, folded[comma.end() :])

    def _inside_job(self, window: str, marker: re.Match[str]) -> bool:
        """ "Agent service client chez Acme": the client word is part of a job title."""
        jobs = self.lexicon.non_press_jobs.finditer(window, max(0, marker.start() - 30))
        return any(job.start() < marker.start() < job.end() for job in jobs)

    def _after_a_job_sentence(self, folded: str, start: int, name: int, rest: str) -> bool:
        """ "Data engineer. Acme. SQL & coffee.": the name alone as the sentence right after a
        short sentence that is a job title."""
        if re.search(r"\w", folded[start:name]) or re.search(r"\w", rest) or not start:
            return False
        stops = [m.start() for m in _SENTENCE_END.finditer(folded, 0, start)]
        begin = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, stops[-1])), default=0)
        job = folded[begin : stops[-1]]
        lexicon = self.lexicon
        if len(job.split()) > 4 or lexicon.press.search(job):
            return False
        return bool(lexicon.non_press_jobs.search(job) or _STAFF_TITLE.search(job))

    def _in_enumeration(self, raw: str, folded: str, start: int, end: int) -> bool:
        """A one-word name in a list of names ("Rhine, Danube, Elbe", "| Goethe, Schiller,
        Heine.") is one of them, not an employer: unless a job comes just before it ("CX
        lead, Capita, Leeds", "at Capita, Leeds") or places follow it ("| Capita, London")."""
        if not _list_shape(raw, start, end):
            return False
        words = _WORD_OR_SIGN.findall(folded[max(0, start - 20) : start])
        if (
            words
            and words[-1] in self.lexicon.employer_words
            and not folded[:start].rstrip().endswith(",")
        ):
            return False
        # The list items before the name: "CX lead" in "CX lead, Capita, Leeds" and in "CX
        # lead, Dept of Care, Capita".
        sentence = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
        items = _ITEM_START.split(folded[sentence:start])[-1].split(",")[-3:]
        if any(self._is_job(item) for item in items) or self._is_job(_next_item(folded, end)):
            return False  # "CX lead, Capita, Leeds", "Acme Energy, Head of CX, Oslo"
        return not _next_item_is_a_place(raw, end)

    def _a_place_named(self, raw: str, before: str, end: int) -> bool:
        """ "Cabins to let in Fjellvik, Nordland": a one-word name followed by its region or
        country, with no job before it, is a place ("Team lead at Acme, Leeds" is a job)."""
        if len(_next_item(raw, end).split()) > 2:
            return False
        place = _place_after(raw, end)
        return place is not None and place.city is None and not self._is_job(before)

    def _arabic_job_before(self, words: list[str], before: str) -> bool:
        """ "مهندس شبكات بنشامى" (network engineer at Nashama), "بشتغل لنور" (I work for Noor):
        no capital tells a one-word Arabic name from a word ("بدوام", in working hours; "| حياة
        واحدة", one life), so a job must come right before it ("كابتن طيار"), or "at" or "for"
        after a job or a verb of working."""
        if _job_right_before(self.lexicon, before):
            return True
        if not words or words[-1] not in self.lexicon.employer_words:
            return False
        return self._is_job(before) or any(w in self.lexicon.employer_words for w in words[:-1])

    def _is_job(self, item: str) -> bool:
        lexicon = self.lexicon
        return bool(
            lexicon.non_press_jobs.search(item)
            or lexicon.press.search(item)
            or _STAFF_TITLE.search(item)
        )

    def _studies_there(self, sentence: str, before: bool = True) -> bool:
        """A study word before the name, with no job between them ("3rd year comms @", not
        "Student services officer at"), or right after it in the same sentence."""
        study = self.lexicon.study_markers
        if not study:
            return False
        if not before:
            sentence = fold_same_length(sentence)
            found = study.search(sentence)
            return bool(found) and not _STAFF_TITLE.search(sentence)
        found = None
        for found in study.finditer(sentence):  # noqa: B007 - the last one counts
            pass
        if found is None:
            return False
        # "Student at X, intern at Acme": an internship is a job there, and so is a job after
        # the studies ("student & part-time agent at Acme")
        temporary = self.lexicon.temporary_roles
        joined = _JOB_JOINED.search(sentence, found.end())  # not "3rd year comms @": the field
        return not (
            _STAFF_TITLE.search(sentence, found.end())
            or temporary.search(sentence, found.end())
            or (joined and self.lexicon.non_press_jobs.search(sentence, joined.end()))
        )

    def _marks_the_name(self, pattern: re.Pattern[str], window: str) -> bool:
        """The last marker of ``pattern`` in ``window`` (what comes before a name) is about the
        name: no "at" or job for another employer between."""
        last = None
        for last in pattern.finditer(window):  # noqa: B007 - the last one counts
            pass
        if last is not None and pattern is self.lexicon.client_markers:
            last = None if self._inside_job(window, last) else last
        return last is not None and (
            not _AFTER_EMPLOYER.search(window[last.end() :])
            or _LIST_GOES_ON_BEFORE.search(window[last.end() :]) is not None
        )

    def _not_employer(self, before: str, after: str) -> bool:
        """A client, a beat or a complaint: a marker before the name (with no "at" between),
        or a complaint right after it."""
        window = before[-80:]
        relative = self.lexicon.relative_markers
        sentence = re.split(r"[.!?|\n]", window)[-1]
        if relative and relative.search(sentence):
            return True  # "Ma mère travaille chez Acme": someone else's employer
        staff_bodies = self.lexicon.staff_bodies
        if staff_bodies and staff_bodies.search(sentence):
            return True  # "Union branch of Acme workers": a body of its staff, not Acme
        if self._studies_there(sentence):
            return True  # "3rd year comms @ Acme Uni", "Acme Uni, 2. sınıf": a student
        last_two = _WORD_OR_SIGN.findall(sentence)[-2:]
        negations = self.lexicon.negation_words
        if (
            len(last_two) == 2
            and last_two[0] in negations
            and last_two[1] in self.lexicon.employer_words
        ):
            return True  # "works in CX (not at Acme lol)": denied
        if last_two and last_two[-1] in negations and not after.startswith(("'s", "’s")):
            return True  # "(no, not Acme the ISP)"; "views mine, not Acme's" names the employer
        # "Proud member of the Acme family", "part of the Acme team": the team says staff
        trails = self.lexicon.employer_trails
        staff = _MEMBER_OF.search(before) and trails and _trail_after(trails, after)
        clients = None if staff else self.lexicon.client_markers
        for pattern in (clients, self.lexicon.beat_markers, self.lexicon.complaint_markers):
            if pattern is None:
                continue
            if self._marks_the_name(pattern, window):
                return True
        complaint = self.lexicon.complaint_markers
        if complaint and complaint.search(after[:60].split(". ")[0]):
            return True  # "@Acme still no refund", not "IT @ Acme HQ. If you call me, it's broken"
        trails = self.lexicon.mention_trails
        if trails and trails.search(after):
            return True  # "Kordon Tekstil'e tedarik ediyoruz": the verb comes last
        # Right after the name: "Acme-user since 2020", "Acme vs. the rest": a user or a subject.
        rest = after[len(after) - len(after.lstrip(" -–:'’s")) :]
        trail = self.lexicon.customer_trails
        if trail and (_trails(trail, rest) or _trails(trail, _LISTED_NEXT.sub("", rest))):
            return True  # "Acme Rewards collector since day one", "the Acme & Beta accounts"
        if (rest.split() or [""])[0] in FAMILY_SUFFIXES:
            return False  # "Acme Help", "Acme Support": its own accounts and teams
        for pattern in (self.lexicon.client_markers, self.lexicon.beat_markers):
            if pattern is not None and pattern.match(rest):
                return True
        return False


# "Proud member of the Acme family", "part of the Acme team".
_MEMBER_OF = re.compile(r"(?<![\w])(?:member|part) of (?:the )?$")
# What joins a second role to the first: "student & agent", "student, part-time agent".
_JOB_JOINED = re.compile(r"\s*[&+,/]\s*|\s(?:and|y|e|et|und|și|si|и)\s")

# A name written as a domain ends with its top-level domain, no word of its sound.
_DOMAIN_ENDING = re.compile(r"(?<=\w)\.[a-z]{2,4}$")


def _listed_together(
    text: BioText, found: list[re.Match[str]], orgs: list[ListedOrg | None]
) -> set[int]:
    """The starts of names of two different organisations next to each other in a list."""
    listed: set[int] = set()
    for (one, first), (two, second) in pairwise(zip(found, orgs, strict=True)):
        between = text.folded[one.end() : two.start()]
        if first and second and first is not second and _LIST_JOIN.fullmatch(between):
            listed.update((one.start(), two.start()))
    return listed


# What joins the items of a list of names: a comma, "&", "and", "/" (any order of spaces).
_LIST_JOIN = re.compile(r"\s*(?:,|&|\+|/|and|y|e|et|und|и|va)\s*|\s*,\s*(?:and|&)\s+")

# "Acme & Beta accounts": other names listed before the words that trail them all.
_LISTED_NEXT = re.compile(r"^\s*(?:&|and|,)\s+(?:[\w'’.-]+\s+){0,2}[\w'’.-]+(?=\s)")


def _trails(trail: re.Pattern[str], rest: str) -> bool:
    found = trail.match(rest.lstrip())
    return bool(found and _TRAIL_ENDS.match(rest.lstrip(), found.end()))


def _shortened(key: str, generic: frozenset[str]) -> Iterator[str]:
    """The name without its generic last words, one at a time ("acme energy group", "acme
    energy", "acme"); a generic word may be a phrase ("co operative")."""
    words = key.split()
    while len(words) > 1:
        cut = next((n for n in (3, 2, 1) if n < len(words) and " ".join(words[-n:]) in generic), 0)
        cut = cut or int(_a_country(words[-1]))  # "Acme Israel" is "Acme" at work
        if not cut:
            return
        words = words[:-cut]
        yield " ".join(words)


@functools.cache
def _a_country(word: str) -> bool:
    from audience.geo import normalize_location

    place = normalize_location(word)
    return bool(place and place.country and not place.city and not place.state)


def _hyphen_glued(text: BioText, match: re.Match[str], trails: re.Pattern[str] | None) -> bool:
    """ "Sari-Sari Mart", "hatid-sundo": the name is the end of a word joined by a hyphen, or
    the start of one whose next part is in lower case (not "Acme-Gruppe", "ex-Acme": the past,
    nor "Acme-teamet": the team)."""
    raw = text.raw
    start, end = match.start(), match.end()
    before = raw[max(0, start - 2) : start]
    # not a case suffix ("Acme Cloud-pi": at Acme Cloud, in Quechua)
    glued_after = raw[end : end + 1] == "-" and bool(re.match(r"-[^\W\d_A-Z]{4}", raw[end:]))
    glued_after = glued_after and raw[end + 1 : end + 2].islower()
    if glued_after and trails and trails.match(text.folded, end + 1):
        glued_after = False
    glued_before = len(before) == 2 and before[1] == "-" and before[0].isalpha()
    if glued_before and _after_hebrew_clitic(raw, start):
        glued_before = False  # "ב-Acme": at Acme
    return glued_after or (glued_before and not raw[:start].lower().endswith("ex-"))


def _glued_to_a_letter(raw: str, start: int) -> bool:
    """A name reached through a Hebrew or Arabic letter glued to it ("בזמן טוב", "بصوت عالٍ"): an
    ordinary phrase may read so, so the name needs the context of a job, as a one-word name
    does."""
    if start == 0:
        return False
    return bool(HEBREW_LETTER.match(raw, start - 1) or _ARABIC_GLUED.search(raw, 0, start))


_ARABIC_GLUED = re.compile(rf"(?<![\w@#]){ARABIC_PROCLITIC}ـ? ?$")
# "ב-Acme", "וה-TTI": a Hebrew preposition, article or "and" joined to a foreign name.
_HEBREW_CLITIC_BEFORE = re.compile(rf"(?<!\w){HEBREW_PROCLITIC}[-־]$")


def _after_hebrew_clitic(raw: str, start: int) -> bool:
    return bool(_HEBREW_CLITIC_BEFORE.search(raw, max(0, start - 3), start))


# Mongolian case endings on a name's last word, longest first: genitive, dative-locative,
# ablative, comitative, accusative, instrumental.
_MONGOLIAN_ENDINGS = tuple(
    sorted(
        ["ийн", "ын", "ний", "ны", "ий", "д", "т", "аас", "ээс", "оос", "өөс", "тай", "тэй", "той",
         "ийг", "ыг", "аар", "ээр", "оор", "өөр"],
        key=len,
        reverse=True,
    )
)
_MONGOLIAN_SUFFIX = "|".join(fold_same_length(e) for e in _MONGOLIAN_ENDINGS)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


# Armenian case endings ("Գառնի Ապահովագրության" for Garni Insurance, "-ություն" in the
# genitive), and the same endings romanised ("Masis Bankum", "ANB-um": at Masis Bank).
_ARMENIAN = re.compile(r"[\u0531-\u058f]+")
_ARMENIAN_ENDINGS = ("ից", "ում", "ով", "ի", "ը", "ն", "ու")
_ARMENIAN_NOUN = "ություն"
_ARMENIAN_NOUN_FORMS = ("ության", "ությամբ", "ությունից", "ությունում", "ությունը", "ությունն")


# Case endings of Slavic languages (Latin and Cyrillic) and Mongolian, longest first: "u Volt
# Marketu", "CFO Tržnice", "CTO Telvoxa", "во Македонска пошта", "Хөвсгөл Банкны".
_CASE_ENDINGS = (
    *("ama", "ima", "om", "em", "oj", "ом", "ем", "ој"),
    *(fold_same_length(e) for e in _MONGOLIAN_ENDINGS),
    *("um", "ic", "ov"),  # romanised Armenian: "Masis Bankum" (at Masis Bank)
    *_ARMENIAN_ENDINGS,
    *("a", "e", "i", "u", "а", "е", "и", "у"),
)


# Hungarian, Estonian and Finnish suffixes glued to a name (folded: "a Kikötő Banknál", "Acme
# Kontaktis", "Nordsvarilla"), and Hungarian "-val/-vel" that doubles the last consonant
# ("Bankkal"). Not the cases of "from" ("Banktól", "Kontaktist", "Acmesta"): coming from a
# place is leaving it.
_GLUED_ENDINGS = (
    *("nal", "nel", "ban", "ben", "hoz", "hez", "nak", "nek", "val", "vel"),
    *("ra", "re", "ba", "be", "on", "en", "ot", "et", "ert"),
    *("isse", "iga", "ile", "sse", "is", "le", "ga"),
    *("illa", "issa", "ille", "iin", "lla", "ssa", "lle", "in"),
)


def _glued_forms(last: str) -> str:
    return re.escape(last) + rf"(?:{'|'.join(_GLUED_ENDINGS)}|{re.escape(last[-1])}[ae]l)"


def _glued_key(said: str, keys: dict[str, Any]) -> str | None:
    """The listed key of a name with a glued suffix ("kikoto banknal" -> "kikoto bank")."""
    if found := _declined_key(said, keys, _GLUED_ENDINGS, ("",)):
        return found
    doubled = said[:-2]  # "bankkal" -> "bankk" -> "bank"
    if said.endswith(("al", "el")) and len(doubled) > 2 and doubled[-1] == doubled[-2]:
        return doubled[:-1] if doubled[:-1] in keys else None
    return None


# Georgian case endings on a name's last word: a final -ი gives way to them ("ცისკარი" ->
# "ცისკარში", "ენერჯი" -> "ენერჯის"), other vowels stay ("აკადემია" -> "აკადემიაში").
_GEORGIAN = re.compile(r"[\u10d0-\u10ff]+")
_GEORGIAN_AFTER_I = ("ისთვის", "იდან", "ისა", "ის", "ში", "ზე", "თან", "ით", "ად", "მა", "ს")
_GEORGIAN_AFTER_VOWEL = ("სთვის", "დან", "სთან", "ში", "ზე", "ის", "ით", "ს", "მ")


# Before an ending that starts with a vowel, the last vowel of a stem may drop ("წყალი" ->
# "წყლის", "მტკვარი" -> "მტკვრის").
_GEORGIAN_SYNCOPE = ("ისთვის", "იდან", "ის", "ით", "ად")
_GEORGIAN_VOWELS = "აეო"


# Latvian, Lithuanian and Latgalian decline a name's last word by its ending (folded, without
# accents): "Ozolkalns" -> "Ozolkalna klientu centrā", "Centrs" -> "Centrā", "Tīkli" ->
# "Tīklos", "Fabrika" -> "Fabrikas".
_BALTIC_NOMINATIVES = ("is", "as", "us", "ys", "s", "i", "a", "e")
_BALTIC_CASES = ("am", "u", "o", "ui", "im", "io", "iui", "yje", "os", "ai", "ei", "es", "ie")
_BALTIC_CASES += ("iem", "uose", "oje", "ams", "oms", "ose", "ej", "aus")
_BALTIC_ENDINGS = tuple(sorted({*_BALTIC_NOMINATIVES, *_BALTIC_CASES}, key=len, reverse=True))
_BALTIC_STEM = re.compile(r"([a-z]{4,}?)(?:is|as|us|ys|s|i|a|e)")


def _baltic_forms(last: str) -> str | None:
    stem = _BALTIC_STEM.fullmatch(last)
    if not stem:
        return None
    return re.escape(stem.group(1)) + f"(?:{'|'.join(_BALTIC_ENDINGS)})"


def _declined_key(
    said: str, keys: dict[str, Any], endings: tuple[str, ...], bases: tuple[str, ...]
) -> str | None:
    """The listed key of a name said with one of ``endings``: its stem with one of ``bases``
    ("Stārķa" -> "stark" + "is", "Bankum" -> "bank" + "")."""
    for ending in endings:
        if said.endswith(ending):
            stem = said[: -len(ending)]
            for base in bases:
                if stem + base in keys:
                    return stem + base
    return None


def _armenian_forms(last: str) -> str | None:
    if not _ARMENIAN.fullmatch(last) or len(last) < 3:
        return None
    if last.endswith(_ARMENIAN_NOUN):
        stem = re.escape(last.removesuffix(_ARMENIAN_NOUN))
        return f"{stem}(?:{'|'.join((_ARMENIAN_NOUN, *_ARMENIAN_NOUN_FORMS))})"
    return re.escape(last) + f"(?:{'|'.join(_ARMENIAN_ENDINGS)})?"


def _georgian_forms(last: str) -> str | None:
    if not _GEORGIAN.fullmatch(last) or len(last) < 4:
        return None
    if last.endswith("ი"):
        stem = last[:-1]
        forms = re.escape(stem) + f"(?:ი|{'|'.join(_GEORGIAN_AFTER_I)})"
        if stem[-2] in _GEORGIAN_VOWELS and stem[-1] not in _GEORGIAN_VOWELS + "იუ":
            short = re.escape(stem[:-2] + stem[-1])
            forms = f"(?:{forms}|{short}(?:{'|'.join(_GEORGIAN_SYNCOPE)}))"
        return forms
    return re.escape(last) + f"(?:{'|'.join(_GEORGIAN_AFTER_VOWEL)})?"


def _georgian_key(said: str, keys: dict[str, Any]) -> str | None:
    """The listed key of a Georgian name said with a case ending."""
    for ending in (*_GEORGIAN_AFTER_I, *_GEORGIAN_AFTER_VOWEL):
        if said.endswith(ending) and _GEORGIAN.search(said[-1:]):
            stem = said[: -len(ending)]
            bases = [stem + "ი", stem]
            bases += [stem[:-1] + vowel + stem[-1:] + "ი" for vowel in _GEORGIAN_VOWELS]
            for base in bases:
                if base in keys:
                    return base
    return None


# Icelandic and Faroese decline every word of a name ("Sparisjóður Austurlands" ->
# "Sparisjóðs Austurlands", "Miðlun Samskipti" -> "Miðlunar Samskipta", "Kringvarp Føroya" ->
# "Kringvarpinum"), the definite article glued on. A word's stem is the name's word without its
# nominative ending; any case ending, definite or not, may follow. Their letters (folded: ð, þ,
# æ, ø stay) and their "hjá" (at) tell which texts to read so.
_NORDIC_LETTERS = re.compile(r"[ðþæø]|(?<!\w)hja(?!\w)")
_NORDIC_NOMINATIVES = ("ur", "ir", "an", "i", "a")
_NORDIC_ENDINGS = tuple(
    sorted(
        {
            *("a", "i", "u", "s", "ur", "ir", "ar", "um", "na", "an", "ann", "ans", "anum"),
            *("anna", "una", "unni", "unnar", "in", "ina", "inni", "inn", "inum", "ins", "inu"),
            *("ið", "id", "sins", "num", "nir", "arnir", "urnar", "unum", "irnar", "innar", "nar"),
            *("arinnar", "ini", "inar", "unar"),
        },
        key=len,
        reverse=True,
    )
)
_NORDIC_ENDING = f"(?:{'|'.join(_NORDIC_ENDINGS)})?"


def _nordic_word(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return re.escape(word)
    stems = {word} | {
        word[: -len(n)] for n in _NORDIC_NOMINATIVES if word.endswith(n) and len(word) - len(n) >= 3
    }
    return f"(?:{'|'.join(sorted(map(re.escape, stems), key=len, reverse=True))}){_NORDIC_ENDING}"


def _declined_nordic(key: str) -> str | None:
    """A listed key with Icelandic and Faroese case endings on each word, or None when no word
    of it can take one."""
    words = key.split()
    if not any(len(w) >= 4 and w.isalpha() for w in words):
        return None
    return rf"{_NAME_JOIN}*".join(_nordic_word(w) for w in words)


# What may stand between the words of a name: "Acme-Pharm", "Acme. Pharm", "pharmacy «Acme»",
# and Persian's zero-width non-joiner (folded to a tatweel).
_NAME_JOIN = r"[\s.«»“”„\"\u0640-]"


def _inflected(key: str, inflect: bool = True) -> str:
    """A listed key as a pattern that also takes a case ending on a last word of six letters or
    more, or on a name of several words ("Volt Marketu"): Slavic languages decline names, and
    Georgian ones any name."""
    words = key.split()
    last = words[-1]
    parts = [re.escape(w) for w in words]
    if inflect and (georgian := _georgian_forms(last)):
        parts[-1] = georgian
    elif inflect and (armenian := _armenian_forms(last)):
        parts[-1] = armenian
    elif inflect and last.isalpha() and (len(last) >= 6 or len(words) > 1) and len(last) >= 3:
        if last[-1] in "aа":
            parts[-1] = re.escape(last[:-1]) + "(?:ama|om|oj|ом|ој|[aeiuаеиу])"
        else:
            parts[-1] = re.escape(last) + "(?:ama|ima|om|em|um|ic|ov|ом|ем|[aeiuаеиу])?"
        if baltic := _baltic_forms(last):
            parts[-1] = f"(?:{parts[-1]}|{baltic})"
        parts[-1] = f"(?:{parts[-1]}|{_glued_forms(last)})"
        if _CYRILLIC_WORD.fullmatch(last):  # Mongolian: "Банкны", "Кашемирийн", "Сургуулийн"
            stem = re.escape(last.removesuffix("ь"))
            parts[-1] = f"(?:{parts[-1]}|{stem}(?:{_MONGOLIAN_SUFFIX}))"
    return rf"{_NAME_JOIN}*".join(parts)


def _ordinary_words(said: str, org: ListedOrg, before: str) -> bool:
    """ "Dompet kita, tanggung jawab kita": the name's later words written in lower case where
    the organisation writes them with capitals, where a sentence starts (its capital says
    nothing): ordinary words that happen to spell the name. Mid-sentence, the capital of the
    first word names it ("Ops manager @ Acme bars")."""
    if before.strip() and not _SENTENCE_OPENS.search(before):
        return False
    spellings: dict[str, set[bool]] = {}
    for name in org.names:
        for word in name.split():
            spellings.setdefault(word.lower(), set()).add(_lower_case(word))
    return any(
        _lower_case(word) and spellings.get(word.lower()) == {False} for word in said.split()[1:]
    )


_SENTENCE_OPENS = re.compile(r"[.!?|•\n:;\"“«(]\s*$")


def _lower_case(text: str) -> bool:
    """Written in lower case: not "Acme", not "ACME", and not a script without capitals
    (Arabic, Hebrew, Thai, CJK...), where a name cannot show itself by a capital. Georgian
    letters count as lower case to Python, but Georgian is written without capitals."""
    return any(c.islower() and not "\u10d0" <= c <= "\u10ff" for c in text) and not any(
        c.isupper() for c in text
    )


# A list of names: "Rhine, Danube, Elbe", "| Goethe, Schiller, Heine.", "Mars, Venus…".
_LIST_ITEM_BEFORE = re.compile(r",\s*$")
_LIST_GOES_ON = re.compile(r"^\s*(?:,|…|\.\.\.)")
_TWO_MORE_ITEMS = re.compile(r"^\s*,[^,|;.!?\n]{1,30},")
_TWO_ITEMS_BEFORE = re.compile(r",[^,|;.!?\n]{1,30},\s*$")


_NAME_SEPARATOR_BEFORE = re.compile(r"(?:[|@·,/:(–—-]|\b(?:at|bij|bei|chez|en|@))\s*$", re.I)
_NAME_SEPARATOR_AFTER = re.compile(r"^\s*[|·,/:()–—-]")


_LEGAL_AFTER = re.compile(
    rf"^(?:[\s,]+(?:{'|'.join(re.escape(w) for w in LEGAL_SUFFIXES)})\.?)+(?![\w])", re.I
)


def _name_part_ok(before: str, after: str) -> bool:
    """In a display name, the organisation's name is the whole name, set apart from a person's
    name ("Jo Bloggs | Acme", "Acme – Jo"), or followed by a secondary account's word or a place
    ("Acme Support", "Acme Belgium"). "Autobedrijf Acme", "Acme Rebels": another organisation."""
    from audience.geo import normalize_location

    def plain_words(text: str) -> list[str]:
        return re.findall(r"[^\W\d_][\w'’&.]*", text)

    if before.strip() and not _NAME_SEPARATOR_BEFORE.search(before):
        return False
    if after.strip() and not _NAME_SEPARATOR_AFTER.match(after):
        words = plain_words(_LEGAL_AFTER.sub("", after.split("|")[0]))
        if words and not all(w.lower() in FAMILY_SUFFIXES for w in words):
            return normalize_location(" ".join(words)) is not None
    return True


_OF_JOB = re.compile(
    r"(?:head|ceo|cto|cfo|coo|cmo|founder|co-founder|director|president|vp|chief|member|employee"
    r"|owner|partner|staff|part|friend)\w*\s+of\s*$"
)


def _of_a_job(lexicon: Lexicon, words: list[str], before: str) -> bool:
    """ "Head of CX of Acme", "Founder of Acme" count; "clips of Acme", "a review of Acme" do not:
    "of" names the employer only after a job, and so does a Hebrew letter glued to the name
    ("מהנדס בתבורסיס", an engineer at; not "מעדכן בזמן טוב", updating in good time)."""
    word = words[-1]
    if word not in _NEEDS_A_JOB:
        return True
    rest = before.rstrip()[: -len(word)]
    return bool(_OF_JOB.search(before)) or _job_right_before(lexicon, rest)


_NEEDS_A_JOB = frozenset(["of", *"בהולמשכ"])


# "de" and its kin: "Supervisora de contact center de Acme" names the employer after a job.
_OF_WORDS = frozenset(["de", "del", "da", "do", "di", "du"])


def _job_then_de(lexicon: Lexicon, words: list[str], before: str) -> bool:
    """ "Jefe de operaciones en el contact center de Acme": a job earlier in the clause, and the
    organisation's name after "de" (a fan or a client has its own marker)."""
    return bool(words) and words[-1] in _OF_WORDS and bool(lexicon.non_press_jobs.search(before))


def _written_key(match: re.Match[str]) -> str:
    """A listed name as a bio wrote it, spaced as its key ("acme-bank" → "acme bank")."""
    return " ".join(re.sub(r"[\s.-]+", " ", match.group(0)).split())


def _job_right_before(lexicon: Lexicon, before: str) -> bool:
    """ "Sales Acme Benelux", "Engineer Acme": a job title written right before the name, or
    followed by its department ("Direttore esercizio Acme", "Director comercial Acme")."""
    text = _PICTOGRAPHS_AT_END.sub("", before).rstrip(_OPENING_QUOTES).rstrip()  # "the «Acme»"
    titles = lexicon.employer_titles
    found = chain(lexicon.non_press_jobs.finditer(text), titles.finditer(text) if titles else ())
    return any(
        _DEPARTMENT_AFTER.fullmatch(text, m.end())
        and not _ADVISORY.search(m.group(0))
        and not _a_time(text, m)  # "back by 6 pm Acme fans"
        for m in found
    )


# An article between "at" and the name: "en la", "at the", "bei der".
_ARTICLE_AT_END = re.compile(
    r"(?<![\w])(?:the|la|el|los|las|le|les|l'|der|die|das|dem|den|il|lo)\s*$"
)
_OPENING_QUOTES = "«“„\"'‘‹"
_SLOT_BEFORE = re.compile(r"\s*[|•·/–—]\s*$")
_A_NUMBER_BEFORE = re.compile(r"\d\s?$")


def _a_time(text: str, title: re.Match[str]) -> bool:
    """A short title right after a number is a time or a unit ("6 pm"), not a job; a long one
    is a job ("Seit 2024 Mediensprecher Acme")."""
    return len(title.group(0)) <= 3 and bool(_A_NUMBER_BEFORE.search(text, 0, title.start()))


# One or two words of a department after a title ("Superviseure centre d'appels Acme", "Chef
# R&D Acme"), not "of"/"and" and their kin; or "de" and one word ("Gerente de siniestros Acme").
_DEPARTMENT_AFTER = re.compile(
    r"\s+(?:de|del|di|da|do|du|des)\s+[^\W\d_][\w-]{2,}(?:\s+[^\W\d_][\w-]{2,})?"
    rf"|(?:(?:\s+|(?<=[{RUN_ON_SCRIPTS}]))"  # Thai, Lao...: no spaces between words
    r"(?!(?:of|de|di|du|del|der|van|and|et|e|y|&)\b)(?:[dl]['’]|по\s+)?"  # "Инженер по внедрению"
    rf"(?:[^\W\d_]|[{WORD_MARKS}])(?:[^\W_]|[&{WORD_MARKS}]|-(?=[^\W\d_])){{2,}}){{0,2}}"
)


def _job_right_after(lexicon: Lexicon, after: str) -> bool:
    """ "AcmeDrive claims team lead", "Acme CX manager": a job title within the next few words
    of the same phrase names the organisation (or its product) as where they work."""
    phrase = re.match(r"\s*((?:[\w&'’-]+\s+){0,3}[\w&'’-]+)", after)
    if not phrase or re.match(r"\s*(?:and|&|or|vs)\b", after):
        return False
    words = phrase.group(1)
    trading = lexicon.customer_trails
    if trading and trading.search(words):
        return False  # "Acme Partner & Reseller", "Acme customer": another organisation's tie
    return bool(_STAFF_TITLE.search(words) or lexicon.non_press_jobs.search(words))


# Advisers and consultants advise clients: "adviseur Acme" names a client, not the employer.
_ADVISORY = re.compile(
    r"advis|advies|advic|adviseur|consult|berat|conseil|asesor|consulen|doradc|mentor"
)


def _list_shape(raw: str, start: int, end: int) -> bool:
    before, after = raw[max(0, start - 3) : start], raw[end : end + 40]
    return bool(
        (_LIST_ITEM_BEFORE.search(before) and _LIST_GOES_ON.match(after))
        or _TWO_MORE_ITEMS.match(after)
        or _TWO_ITEMS_BEFORE.search(raw, max(0, start - 40), start)  # "A, B, Acme": the last
    )


_ITEM_START = re.compile(r"[|;•\n(]")  # what starts a list, besides its commas
_ITEM_END = re.compile(r"[,|;•\n.…)!?]")


def _next_item(text: str, end: int) -> str:
    rest = text[end:].lstrip(" ,")
    stop = _ITEM_END.search(rest)
    return rest[: stop.start() if stop else len(rest)].strip()


def _names_follow(raw: str, end: int) -> bool:
    """Two short capitalised names after this one: "…, Jabra, Poly"."""
    items = _ITEM_END.split(raw[end:].lstrip(" ,"), maxsplit=2)[:2]
    return len(items) == 2 and all(
        item.strip()[:1].isupper() and len(item.split()) <= 3 for item in items
    )


def _next_item_is_a_place(raw: str, end: int) -> bool:
    """ "Capita, Leeds, UK": the list after the name is where the job is."""
    return _place_after(raw, end) is not None


@functools.lru_cache(maxsize=4096)
def _a_place(name: str) -> bool:
    """The gazetteer knows the name as a city, region or country."""
    from audience.geo import normalize_location

    return normalize_location(name) is not None


def _place_after(raw: str, end: int) -> Place | None:
    """The place the list item after a name names, if it is one."""
    from audience.geo import normalize_location

    item = _next_item(raw, end).lstrip("—–- ")
    if not item[:1].isalpha() or _lower_case(item[:1]):
        return None  # "Acme, Beta — new every day", "Acme 🇧🇬→🇲🇹": a place is written with a capital
    return normalize_location(item)


_EXPANSION = re.compile(r"^\s*[-–—:(]\s*((?:[^\W\d_][\w'’]*\s+){1,6}[^\W\d_][\w'’]*)")


def _other_acronym(raw: str, start: int, end: int) -> bool:
    """An acronym that is part of another name ("Mercedes-AMG") or spelled out right after as
    another name ("NHD – Nordic Hockey Days")."""
    said = raw[start:end]
    model = _MODEL_NUMBER.fullmatch(said)  # "LN-2", "X5": an acronym with a number
    letters = model.group(1) if model else said.replace("&", "")
    if not (said.isupper() and len(said) <= 6 and letters.isalpha()):
        return False
    if start >= 2 and raw[start - 1] == "-" and raw[start - 2].isalpha():
        return not _after_hebrew_clitic(raw, start)
    if _MORE_ACRONYMS.match(raw, end):
        return True  # "ICU nurse | SBP DBP HR": one of a run of abbreviations
    # "Ter Horst & De Wit (THDW)", "Kampen & Campen – K&C": the acronym of the name just
    # before it, defined there (the listed organisation's full name would have matched).
    if raw[start - 1 : start] == "(" or _spelled_before(raw[max(0, start - 60) : start], letters):
        return True
    expansion = _EXPANSION.match(raw[end : end + 80])
    if not expansion:
        return False
    capitals = [w for w in expansion.group(1).split() if w[:1].isupper()]
    return "".join(w[0] for w in capitals).upper().startswith(letters.upper())


_MODEL_NUMBER = re.compile(r"([A-Z]{1,4})-?\d{1,3}")
_MORE_ACRONYMS = re.compile(r"\s+[A-Z]{2,5}\s+[A-Z]{2,5}(?![\w&-])")


def _spelled_before(before: str, letters: str) -> bool:
    """The capitalised words right before an acronym (up to a dash or colon) spell it."""
    if not re.search(r"[-–—:]\s*$", before):
        return False
    words = re.findall(r"[^\W\d_][\w'’]*", re.sub(r"[-–—:\s]+$", "", before))
    initials = iter("".join(w[0] for w in words[-6:] if w[0].isupper()).upper())
    return all(letter in initials for letter in letters.upper())


# First person and team words before an organisation in a post: "el equipo de Acme",
# "a nossa fábrica na Acme", "our support team at @Acme", "formació interna a Acme".
_TEAM_BEFORE = re.compile(
    r"(?<![\w])(?:our|my|we|nuestr[oa]s?|mis?|nuestro|nossa|nosso|meus?|minhas?|la\s+meva|el\s+meu"
    r"|els\s+meus|les\s+meves|nostr[aeio]|unser\w*|mein\w*|notre|nos|team|equipo|equipa|equip"
    r"|l'equip|colleagues|compañer[oa]s|colegas|companys|coll[eè]gues|kollegen|internal|interna"
    r"|interno|soporte|support|fabrica|factory|oficina|office|almacen|warehouse"
    r"|plant[aã]o|turno|shift|aqui\s+n[ao]|here\s+at|time(?=\s+d[aeo]\s))(?![\w])"
    r"(?P<between>[^.!?\n]{0,40})$"
)
# "my Acme order", "mi Acme": one's own thing of the organisation is bought, not a team.
_MY_THING = re.compile(r"(?:my|mi|mis|meu|meus|minha|minhas|mein\w*)\s+")
# What may sit between the team word and the organisation: a few words ending in "at", "de",
# "na"... ("our support team at @Acme", "a nossa fábrica na Acme"), not a sentence about the
# organisation ("our yard got faster since Acme went live": a user).
_TEAM_LINK_WORDS = frozenset(["de", "da", "do", "a", "no", "in", "im", "am", "beim"])


def _team_links(between: str, lexicon: Lexicon) -> bool:
    if between.strip() == ":":
        return False  # "On duty tonight: Acme, Beta": a heading over a list
    words = re.findall(r"[\w@&'’]+", between)
    last = words[-1] if words else ""
    return not words or (
        len(words) <= 4 and (last in _TEAM_LINK_WORDS or last in lexicon.employer_words)
    )


_ACRONYM_GLOSSED = re.compile(r"\s[\w&]{2,6}\s*\(\s*$")
# Between the words of one name: spaces or a hyphen, not a comma ("Вода, газ" is two words).
_NAME_GAP = re.compile(r"[\s\-‐]{1,3}")


@dataclass(frozen=True)
class _Span:
    """Where a name written in another script stands, shaped like the match of a pattern."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text[self.begin : self.finish]


def _needs_context(name: str, key: str) -> bool:
    """One word ("Capita", "Iris") or an acronym: only with the context of a job."""
    return len(key.split()) == 1 or (name.isupper() and len(name) <= 6)


def listed_org(
    name: str | None,
    aliases: Iterable[str] = (),
    domains: Iterable[str] = (),
    handles: Iterable[str] = (),
) -> ListedOrg:
    names = tuple(n for n in (name, *aliases) if n)
    domains = tuple(d for d in domains if d)
    label = name or (names[0] if names else None) or (domains[0] if domains else "?")
    return ListedOrg(label, names, domains, tuple(h.lstrip("@") for h in handles if h))


def fold(text: str | None) -> str:
    return fold_same_length(text)


_DEPARTMENT_WORD = re.compile(r"[^\W\d_]+\s+")
_UNSPACED_NAME = re.compile(rf"[{UNSPACED_SCRIPTS}]+")
# Amharic and Tigrinya write "of", "at", "for" and "from" as the first letter of the next word
# ("በኮራ ኢነርጂ", at Kora Energy): a name in Ethiopic script may follow one, the match
# starting after it.
_ETHIOPIC = re.compile("[\u1200-\u137f]")
_ETHIOPIC_CLITIC = "(?=[\u1200-\u137f])(?<=(?<![\\w@#])[የበለከብን])"
_PHRASE_END = re.compile(r"[\s。、，｜|.,;!?！？；（(]")
# A case ending hyphenated to an acronym ("ХИС-ийн", "KHU-ийн"): the name's, not a word.
_ENDING_ON_ACRONYM = re.compile(r"^-[^\W\d_]{1,4}(?![\w-])")


def _trail_after(trails: re.Pattern[str], after: str) -> bool:
    """A job or team right after the name, or after a department of one or two words
    ("Acme 홍보팀", "Acme crew", "Acme fares team")."""
    # "Acme-teamet", "Acme-Team": the team word joined to the name by a hyphen
    rest = _ENDING_ON_ACRONYM.sub("", after).lstrip().removeprefix("-")
    if rest[:1] and _UNSPACED_NAME.match(rest[:1]):
        # "鴻岳 熊本プロジェクト担当": in a run of unspaced words, the job ends the phrase.
        phrase = _PHRASE_END.split(rest, maxsplit=1)[0][:12]
        if trails.search(phrase):
            return True
    for _ in range(3):
        if trails.match(rest):
            return True
        word = _DEPARTMENT_WORD.match(rest)
        if word is None:
            return False
        rest = rest[word.end() :]
    return False
