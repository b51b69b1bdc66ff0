"""Who a profile is, read from its bio: journalists and their outlets, organisations' own
accounts, parody accounts, and roles someone *used to* have.

Everything works on a folded copy of the text (lower case, accents removed) that keeps every
character at the same position as in the original, so a match can still look at the original
capitalisation (an outlet name after "writes for") and at where it sits in the bio (a clause
that starts with "former" or ends in "(retired)").

The vocabulary is data: one file per language in ``audience/data/roles/`` (about forty
languages, Welsh and Irish included; see :mod:`audience.vocabulary`) and the outlet gazetteer in
``audience/data/outlets/`` (:mod:`audience.outlets`). The regex fragments below are the older
built-in lists (job titles with compounds and gender endings, organisation wording) that the
files extend. ``[roles]`` in ``audience.toml`` adds words and files (see
:meth:`Lexicon.extended`). Every pattern is compiled once per lexicon and applied once per text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from audience.outlets import GENERIC_HOSTS, PLATFORM_KINDS, Gazetteer, Outlet, gazetteer_with
from audience.precompiled import compiled
from audience.textmatch import (
    ASKED_AND_ANSWERED,
    PICTOGRAPHS,
    RUN_ON_SCRIPTS,
    UNSPACED_SCRIPTS,
    WORD_MARKS,
    lexicon_memo,
    searched,
    searched_folded,
    text_memo,
)
from audience.vocabulary import Vocabulary, vocabulary_with

# ---- folding ----------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def fold_same_length(text: str | None) -> str:
    """Lower case without accents, one output character per input character."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text)).replace("\u2019", "'")


_ARABIC_VOWEL_SIGNS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
_ARABIC_SCRIPT_LETTER = re.compile("([\u0620-\u063f\u0641-\u064a\u0671-\u06d3])")
_RUN_ON_LETTER = re.compile(f"([{RUN_ON_SCRIPTS}])(?=[{RUN_ON_SCRIPTS}])")


@cache
def _fold_char(char: str) -> str:
    if char == "\u200c":
        # Persian's zero-width non-joiner joins the parts of one word ("برنامه‌نویس"): as a
        # tatweel it stays inside the word (\w), where the joiner would end it.
        return "\u0640"
    if char in "ıİ":
        return "i"  # Turkish and Azerbaijani dotless i: "Çağrı" is written "Cagri" too
    if char in _ARABIC_VOWEL_SIGNS:
        # "مصوّر" is "مصور" with a shadda: as a tatweel the sign stays inside the word, and the
        # vocabulary's patterns let one follow any Arabic letter (a tatweel also stretches a
        # word for show: "مـراسـل").
        return "\u0640"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    lowered = base.lower() if len(base) == 1 else char.lower()
    return lowered if len(lowered) == 1 else char


def _words(pattern_words: Iterable[str]) -> str:
    return "|".join(sorted((w for w in pattern_words if w), key=len, reverse=True))


def _plain(word: str) -> str:
    """A user-supplied word or phrase as a regex: literal, folded, spaces flexible. A word
    ending in ``*`` is a stem ("εφημερίδ*" matches every case ending of the word); one starting
    with ``*`` also ends a compound ("*reporter" matches "Sportreporter")."""
    parts = fold_same_length(word).split()
    # Persian joins a word's parts with a zero-width non-joiner (folded to a tatweel), a space
    # or nothing: "روزنامه‌نگار", "روزنامه نگار", "روزنامهنگار".
    words = (_stem_or_word(part).replace("\u0640", r"[\s\u0640]?") for part in parts)
    pattern = _ARABIC_SCRIPT_LETTER.sub("\\1\u0640*", r"\s+".join(words))
    # Khmer, Thai, Lao and Myanmar writers may mark the boundaries between their run-on words
    # with a zero-width space ("អ្នក\u200bយក\u200bព័ត៌មាន"): one may come between any two letters.
    return _RUN_ON_LETTER.sub("\\1\u200b?", pattern)


def _stem_or_word(part: str) -> str:
    """ "gazet*" is a stem; "*journalist" also ends a compound (Wirtschaftsjournalist)."""
    prefix = r"\w*" if len(part) >= 2 and part.startswith("*") else ""
    part = part[1:] if prefix else part
    if len(part) >= 2 and part.endswith("*"):
        return prefix + re.escape(part[:-1]) + r"\w*"
    return prefix + re.escape(part)


# ---- vocabulary -------------------------------------------------------------------------------

# "Words @Outlet, @Other": the outlet leads of the language files, plus this one.
_WORDS_BEFORE_HANDLE = r"words(?=\s+@)"
OUTLET_OBJECT_STOP = (
    "fun",
    "a living",
    "myself",
    "my ",
    "hire",
    "free",
    "me",
    "you",
    "the love",
    "clients",
    "brands",
    "companies",
    "startups",
    "businesses",
    "agencies",
    "our ",
    "us",
    "money",
)

# A closed span of years closing a clause: "Reporter, Daily Post (2009–2016)", "Acme 2012–2025
# ❤️" (not "the 2024–2025 season for @Sky", nor "2019–2023 – press officer": it dates what
# follows); the words that do the same are ``retired_markers``.
_CLOSED_YEARS = r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)?\d\d(?=\s*(?:$|[^\w\s:@–—-]))"
# "X turned Y": X is the past.
# "..., now Head of PR": what comes before is the past when a different job follows.
# Verbs and prepositions that turn "journalists" into the people someone works *with*.

PARODY_MARKERS = (
    "parody",
    "parodie",
    "parodia",
    "parodi",
    "satire",
    "satirical",
    "satira",
    "satirique",
    "fake account",
    "not the real",
    "impersonat\\w*",
    "not associated with",
    "not endorsed by",
    "пародия",
    "パロディ",
    "恶搞",
)
# Evidence that a profile speaks for an organisation rather than a person.
ORG_STRONG = (
    r"official\s+(?:account|twitter|page|profile|feed|channel|handle|x account|bluesky)",
    r"the\s+official",
    r"^official\b",
    r"compte\s+officiel",
    r"cuenta\s+oficial",
    r"conta\s+oficial",
    r"offiziell\w*\s+(?:account|kanal|profil|seite)",
    r"account\s+ufficiale",
    r"profilo\s+ufficiale",
    r"oficjaln\w*\s+(?:profil|konto)",
    r"officieel\s+account",
    r"we\s+(?:are|re|help|build|make|provide|offer|deliver|connect|power|support|love|bring)",
    r"we'(?:re|ve)",
    r"our\s+(?:team|customers|clients|products?|services?|mission|platform"
    r"|members|community|readers|listeners|viewers|journalists|reporters|newsroom|people)",
    r"follow\s+us",
    r"contact\s+us",
    r"dm\s+us",
    r"email\s+us",
    r"join\s+us",
    r"tweets?\s+by",
    r"posts?\s+by\s+(?:the|our)",
    r"here\s+to\s+help",
    r"support\s+team",
    r"help\s*desk",
    r"customer\s+(?:support|care|service)\s+(?:team|account|for)",
    r"24\s*/\s*7",
    r"nous\s+(?:sommes|aidons|accompagnons)",
    r"notre\s+(?:equipe|mission)",
    r"somos",
    r"nuestr[oa]s?\s+(?:equipo|clientes|mision)",
    r"wir\s+(?:sind|helfen|bieten)",
    r"unser\w*\s+(?:team|kunden)",
    r"siamo",
    r"nostr[oa]\s+(?:team|squadra)",
    r"jestesmy",
    r"wij\s+(?:zijn|helpen)",
    r"vi\s+(?:ar|er|hjalper)",
    r"news\s+from\s+the\s+team",
    r"(?:founded|established|since|est\.?|desde|depuis|seit|sinds|dal|des\s+de|fundad[oa]\s+en)"
    r"\s+(?:in\s+)?(?:1[89]|20)\d\d",
)
ORG_WEAK = (
    r"company",
    r"agency",
    r"firm",
    r"provider",
    r"platform",
    r"solutions?",
    r"software",
    r"services",
    r"startup",
    r"non-?profit",
    r"charity",
    r"association",
    r"newspaper",
    r"magazine",
    r"headquarter\w*",
    r"hq",
    r"offices?\s+in",
    r"entreprise",
    r"empresa",
    r"unternehmen",
    r"azienda",
    r"firma",
    r"bedrijf",
    r"foretag",
)
LEGAL_SUFFIXES = (
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "s.a.",
    "sas",
    "sarl",
    "srl",
    "s.r.l.",
    "sl",
    "s.l.",
    "bv",
    "b.v.",
    "nv",
    "n.v.",
    "oy",
    "ab",
    "a/s",
    "aps",
    "ehf",  # Icelandic: einkahlutafélag, hlutafélag, opinbert hlutafélag
    "hf",
    "ohf",
    "p/f",  # Faroese: partafelag, smápartafelag
    "sp/f",
    "as",
    "spa",
    "s.p.a.",
    "sp. z o.o.",
    "kk",
    "pty",
    "corp",
    "corporation",
    "co",
    "company",
    "group",
    "gruppe",
    "groupe",
    "grupo",
    "holdings",
)
ORG_HANDLE_SUFFIXES = (
    "support",
    "help",
    "care",
    "cares",
    "news",
    "hq",
    "official",
    "team",
    "jobs",
    "careers",
    "press",
    "status",
    "service",
    "app",
    "global",
    "info",
)
PERSON_STRONG = (
    r"i",
    r"i'm",
    r"i've",
    r"my",
    r"me",
    r"mine",
    r"myself",
    r"(?:views|opinions|thoughts|"
    r"tweets|posts)\s+(?:are\s+)?(?:my\s+)?own",
    r"personal\s+(?:account|views)",
    r"he\s*/\s*him",
    r"she\s*/\s*her",
    r"they\s*/\s*them",
    r"dad",
    r"mum",
    r"mom",
    r"father",
    r"mother",
    r"husband",
    r"wife",
    r"grandad",
    r"grandma",
    r"papa",
    r"mama",
    # French "je" (Dutch "je" is "you/your": "in je inbox"), with a first-person verb.
    r"je\s+(?:suis|travaille|ecris|fais|aime|vis|parle|cherche|accompagne|aide|couvre|raconte"
    r"|partage|cree|developpe|enseigne|dirige|gere|realise|produis|presente|anime|roule|me|m')",
    r"mon",
    r"ma",
    r"moi",
    r"soy",
    r"ich",
    r"mein(?:e[nmrs]?)?",  # mein, meine, meinen...; not Luxembourgish "Méindes" (Monday)
    r"sono",
    r"jestem",
    r"ik",
    r"mijn",
    r"jag",
    # Portuguese "sou" opens its sentence or follows "eu"; Haitian "sou" ("on") follows a noun.
    r"eu\s+sou",
    r"(?<![^\W\d_]\s)sou",
    r"il\s*/\s*lui",
    r"elle",
    r"er\s*/\s*ihm",
    r"sie\s*/\s*ihr",
    r"(?:husband|wife|partner|dad|mum|mom)\s+(?:of|to)",
)
PERSON_WEAK = (
    r"head\s+of",
    r"manager",
    r"engineer",
    r"director",
    r"ceo",
    r"cto",
    r"cmo",
    r"coo",
    r"vp",
    r"consultant",
    r"developer",
    r"designer",
    r"analyst",
    r"specialist",
    r"lead",
    r"officer",
    r"adviser",
    r"advisor",
    r"student",
    r"professor",
    r"lecturer",
    r"researcher",
    r"founder",
    r"co-founder",
    r"phd",
    r"mba",
    r"author",
    r"speaker",
    r"mentor",
    r"blogger",
    r"writer",
    r"fan\s+of",
    r"lover",
    r"enthusiast",
    r"geek",
    r"nerd",
)
# Outlets' own accounts: an organisation that describes itself with one of these.
OUTLET_NOUNS = (
    r"newspapers?",
    r"magazines?",
    r"news\s+(?:agency|outlet|site|website|service|channel|network"
    r"|publisher|organi[sz]ation|brand|programme|program|podcast|show|team|desk)",
    r"(?:public|national)\s+broadcaster",
    r"broadcaster",
    r"radio\s+station",
    r"tv\s+(?:channel|station)",
    r"television\s+(?:channel|station|network)",
    r"breaking\s+news",
    r"headlines",
    r"newsroom",
    r"independent\s+(?:journalism|news|media)",
    r"trade\s+(?:publication|magazine|title|journal)",
    r"publication",
    r"news\s+and\s+(?:analysis|views|features|insight)",
    r"news\s*,\s*analysis",
    # not "au quotidien", "day to day" ("La cuisine au quotidien")
    r"(?:le|un|du)\s+quotidien",
    r"(?:l'|un\s+)hebdomadaire",
    r"journal\s+(?:d'information|independant)",
    r"periodico",
    r"diario\s+(?:digital|independiente|de\s+noticias)",
    r"revista",
    r"\w*zeitung",
    r"\w*zeitschrift",
    r"\w*magazine?s?",
    r"(?:le|the|un|ce|votre|ton|your)\s+mag",
    r"nachrichten\w*",
    r"magazin",
    r"giornale",
    r"quotidiano",
    r"settimanale",
    r"rivista",
    r"jornal",
    r"gazeta",
    r"dziennik",
    r"tygodnik",
    r"czasopismo",
    r"portal\s+informacyjny",
    r"\w*krant",
    r"dagblad",
    r"weekblad",
    r"\w*tidning",
    r"nyhetsbyra",
    r"газета",
    r"новости",
    r"журнал",
    r"صحيفة",
    r"جريدة",
    r"अखबार",
    r"新聞",
    r"新闻",
    r"日报",
    r"日報",
    r"신문",
)


def _alternation(items: Iterable[str], *, literal: bool = False) -> str:
    return _words(_plain(item) if literal else item for item in items)


def _word_regex(alternation: str) -> re.Pattern[str]:
    return compiled(rf"(?<![\w@#])(?:{alternation})(?![\w])")


# ---- the lexicon ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Word lists in use: the built-in lists above, the language files of
    ``audience/data/roles`` (:mod:`audience.vocabulary`), the outlet gazetteer
    (:mod:`audience.outlets`), and a workspace's own words and files (``[roles]`` in
    ``audience.toml``, see :meth:`extended`). Each pattern is compiled once, on first use."""

    press_terms: tuple[str, ...] = ()
    press_literals: tuple[str, ...] = ()
    former_markers: tuple[str, ...] = ()
    former_literals: tuple[str, ...] = ()
    parody_markers: tuple[str, ...] = PARODY_MARKERS
    parody_literals: tuple[str, ...] = ()
    vocabulary_files: tuple[str, ...] = ()
    outlet_files: tuple[str, ...] = ()
    learned_outlets: tuple[Outlet, ...] = ()

    def extended(
        self,
        press_terms: Iterable[str] = (),
        former_markers: Iterable[str] = (),
        parody_markers: Iterable[str] = (),
        vocabulary_files: Iterable[str] = (),
        outlet_files: Iterable[str] = (),
    ) -> Lexicon:
        """A copy with more words. The words are plain text, not regexes; a press term also
        matches its plural and common gender endings (``reportera``, ``Redakteurin``)."""
        return replace(
            self,
            press_literals=self.press_literals + tuple(press_terms),
            former_literals=self.former_literals + tuple(former_markers),
            parody_literals=self.parody_literals + tuple(parody_markers),
            vocabulary_files=self.vocabulary_files + tuple(str(f) for f in vocabulary_files),
            outlet_files=self.outlet_files + tuple(str(f) for f in outlet_files),
        )

    def with_outlets(self, outlets: Iterable[Outlet]) -> Lexicon:
        """A copy that also knows outlets learned from the workspace."""
        more = tuple(outlets)
        return replace(self, learned_outlets=self.learned_outlets + more) if more else self

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return vocabulary_with(Path(f) for f in self.vocabulary_files)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return gazetteer_with(Path(f) for f in self.outlet_files).extended(self.learned_outlets)

    @cached_property
    def press(self) -> re.Pattern[str]:
        ending = r"(?:s|es|e|a|as|in|innen|ka|ki)?"
        words = [w for w in (*self.vocabulary.press_titles, *self.press_literals) if _spaced(w)]
        extra = [_plain(w) + ending for w in words]
        titles = _words([*self.press_terms, *extra])
        fields = _alternation(self.vocabulary.journalism_words, literal=True)
        # A title's stem also spells the field ("журналист*": "журналистика"), which is no job.
        not_field = rf"(?!(?:{fields})(?![\w]))" if fields else ""
        return compiled(rf"(?<![\w@#]){not_field}(?:{titles})(?![\w])")

    @cached_property
    def titles_ending_in_s(self) -> frozenset[str]:
        """Singular titles a language writes with a final s ("redaktors", "žurnalistas")."""
        titles = [fold_same_length(w).strip("*") for w in self.vocabulary.press_titles]
        words = {t.split()[-1] for t in titles if t.endswith("s")}
        return frozenset(words)

    @cached_property
    def press_no_spaces(self) -> re.Pattern[str]:
        words = [w for w in (*self.vocabulary.press_titles, *self.press_literals) if not _spaced(w)]
        return re.compile(_alternation(words, literal=True))

    @cached_property
    def qualified(self) -> re.Pattern[str]:
        extra = [_plain(w) + r"(?:s|e|in|innen|a)?" for w in self.vocabulary.qualified_titles]
        return _word_regex(_words(extra))

    @cached_property
    def news_named(self) -> re.Pattern[str]:
        """The news words of every language, in a name ("Kabar Pagi", "Business News Tonight")."""
        return _vocabulary_words(self.vocabulary.news_words)

    @cached_property
    def broadcast_name(self) -> re.Pattern[str]:
        """ "Ramogi TV", "Coast FM 98.4", "Vision 4 Télévision": a proper name (capitalised words,
        a channel number) and a broadcast word, as written."""
        written = sorted(self.vocabulary.broadcast_words or ("TV", "FM", "Radio"), key=len)
        words = "|".join(re.escape(w) for w in reversed(written))  # as written: "TV", not "tv"
        return re.compile(
            rf"\s*{_CAPITALISED}\s+(?:(?:{_CAPITALISED}|\d{{1,3}})\s+){{0,2}}(?:{words})"
            r"(?:\s+\d{2,3}(?:[.,]\d{1,2})?)?(?![\w])"
        )

    @cached_property
    def station_opening(self) -> re.Pattern[str]:
        """ "Emisoras Unidas", "TV Azteca": a broadcast word, as written, opening a proper name."""
        written = sorted(self.vocabulary.broadcast_words or ("TV", "FM", "Radio"), key=len)
        words = "|".join(re.escape(w) for w in reversed(written))
        return re.compile(rf"(?<![\w@#])(?:{words})\s+{_CAPITALISED}")

    @cached_property
    def trained(self) -> re.Pattern[str] | None:
        """ "Journalist by training": a title that is someone's schooling, not a job."""
        markers = self.vocabulary.training_markers
        if not markers:
            return None
        return compiled(rf"{self.press.pattern}\s+(?:{_alternation(markers, literal=True)})")

    @cached_property
    def journalism(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.journalism_words)

    @cached_property
    def hired_writers(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.hired_writers)

    @cached_property
    def programmes(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.programme_words)

    @cached_property
    def negated(self) -> re.Pattern[str] | None:
        """ "Bukan wartawan", "not a journalist", "kein Journalist", "not a newsroom": a title
        or an outlet denied."""
        titles = f"{self.press.pattern}|{self.qualified.pattern}|{self.outlet_nouns.pattern}"
        return self._denied(titles)

    @cached_property
    def negated_news(self) -> re.Pattern[str] | None:
        """ "Not news, we sell pepper": an account denying it is news (a radio DJ's "not news,
        just vibes" denies only the news, not the job)."""
        news = _alternation(self.vocabulary.news_words or ("news",), literal=True)
        return self._denied(rf"(?:{news})(?!\w)")

    def _denied(self, alternation: str) -> re.Pattern[str] | None:
        """A negation of the language files right before one of ``alternation``."""
        words = self.vocabulary.negations
        if not words:
            return None
        return compiled(rf"(?<![\w])(?:{_words(_lead(w) for w in words)})\s+(?:{alternation})")

    @cached_property
    def media_qualifiers(self) -> frozenset[str]:
        words = self.vocabulary.media_qualifiers
        return frozenset(fold_same_length(w) for w in words)

    @cached_property
    def non_media(self) -> frozenset[str]:
        words = self.vocabulary.non_media_qualifiers
        return frozenset(fold_same_length(w) for w in words)

    @cached_property
    def outlet_lead(self) -> re.Pattern[str]:
        extra = [_lead(w) for w in self.vocabulary.outlet_leads]
        return compiled(rf"(?<![\w.])(?:{_words([_WORDS_BEFORE_HANDLE, *extra])})(?![\w])")

    @cached_property
    def outlet_trail(self) -> re.Pattern[str]:
        words = self.vocabulary.outlet_trails or ("(?!)",)
        spaced = _words(_lead(w) for w in words if _spaced(w)) or "(?!)"
        # Japanese and Chinese run the verb into the outlet's name ("…オンラインで寄稿").
        return re.compile(rf"(?<=\s)(?:{spaced})(?![\w])" + _glued(words))

    @cached_property
    def not_outlet_lead(self) -> re.Pattern[str]:
        return _word_regex(_alternation(self.vocabulary.not_outlet_leads, literal=True))

    @cached_property
    def outlet_nouns(self) -> re.Pattern[str]:
        spaced = [_lead(w) for w in self.vocabulary.outlet_nouns if _spaced(w)]
        joined = [w for w in self.vocabulary.outlet_nouns if not _spaced(w)]
        nouns = rf"(?<![\w])(?:{_words([*OUTLET_NOUNS, *spaced])})(?![\w])"
        return compiled("|".join([nouns, *(re.escape(w) for w in joined)]))

    @cached_property
    def topic_news(self) -> re.Pattern[str]:
        """ "Business news", "Canada's communications business news", "سعودی عرب اور خلیج سے
        اردو میں خبریں": a few words, then "news"."""
        words = _alternation(self.vocabulary.news_words or ("news",), literal=True)
        # Up to three words before "news" ("UK business news"); more in scripts of languages that
        # put a long phrase first ("سعودی عرب اور خلیج سے اردو میں خبریں").
        return re.compile(
            rf"(?:[^\W\d_]\S*\s+){{0,3}}(?:{words})|(?:[^\W\d_a-z]\S*\s+){{4,8}}(?:{words})"
        )

    @cached_property
    def retired(self) -> re.Pattern[str]:
        markers = [w for w in self.vocabulary.retired_markers if _spaced(w)]
        words = _alternation(markers, literal=True)
        spaced = _word_regex(f"{words}|{_CLOSED_YEARS}" if words else _CLOSED_YEARS)
        return re.compile(spaced.pattern + _prefixes(self.vocabulary.retired_markers))

    @cached_property
    def retired_words(self) -> re.Pattern[str] | None:
        """The language files' words for retired ("retraité", "jubilado"), without dates."""
        words = self.vocabulary.retired_markers
        return _vocabulary_words(words) if words else None

    @cached_property
    def automation(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.automation_markers)

    @cached_property
    def bulletin_rhythms(self) -> re.Pattern[str] | None:
        words = self.vocabulary.bulletin_rhythms
        return _vocabulary_words(words) if words else None

    @cached_property
    def denial_ending(self) -> re.Pattern[str] | None:
        """A negation ending a text ("…, not a", "nem vagyok"): it denies the word after it."""
        words = self.vocabulary.negations
        return compiled(rf"(?<![\w])(?:{_words(_lead(w) for w in words)})\s*$") if words else None

    @cached_property
    def rhythm(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.rhythm_words)

    @cached_property
    def podcast(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.podcast_words)

    @cached_property
    def named_podcast(self) -> re.Pattern[str]:
        """'Podcast „Dockside”', '"Dockside" – the podcast': a podcast with its title."""
        words = self.podcast.pattern
        return re.compile(
            rf"{words}\s*:?\s*{_TITLE.pattern}|{_TITLE.pattern}\W{{0,6}}(?:\w+\s+)?{words}"
        )

    @cached_property
    def episodes(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.episode_words)

    @cached_property
    def book_titles(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.book_titles)

    @cached_property
    def newsroom_words(self) -> frozenset[str]:
        return frozenset(fold_same_length(w) for w in self.vocabulary.newsroom_words)

    @cached_property
    def occasional(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.occasional_markers)

    @cached_property
    def media_hints(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.media_hints)

    @cached_property
    def audience_after(self) -> re.Pattern[str]:
        """ "@Outlet fan", "@Outlet-Hörerin": the audience, not the staff."""
        return re.compile(rf"\s*(?:{self._audience_words})(?![\w])")

    @cached_property
    def audience_before(self) -> re.Pattern[str]:
        """ "listener of", "lezer van": the audience, not the staff ("listening to" is a
        ``not_outlet_leads`` phrase)."""
        return re.compile(rf"(?<![\w])(?:{self._audience_words})\s+(?:of|van|von|de|di|du)\s*$")

    @cached_property
    def audience_name(self) -> re.Pattern[str]:
        """ "Fan of the Post", "Fã do Correio": a display name that names its reader."""
        return re.compile(
            rf"\s*(?:{self._audience_words})\s+(?:of|do|da|dos|das|de|del|di|du|van|von)(?![\w])"
        )

    @cached_property
    def audience_words(self) -> re.Pattern[str]:
        """ "fan", "listeners": the audience anywhere in a text."""
        return re.compile(rf"(?<![\w])(?:{self._audience_words})(?![\w])")

    @cached_property
    def _audience_words(self) -> str:
        return _alternation(self.vocabulary.audience_words, literal=True) or "(?!)"

    @cached_property
    def press_office(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.press_office)

    @cached_property
    def job_seeking(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.job_seeking)

    @cached_property
    def community(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.community_words)

    @cached_property
    def bodies(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.body_words)

    @cached_property
    def joint(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.joint_markers)

    @cached_property
    def newsletter_words(self) -> re.Pattern[str]:
        words = _alternation(self.vocabulary.newsletter_words, literal=True) or "(?!)"
        return re.compile(rf"(?<![\w])(?:{words})(?![\w])|substack")

    @cached_property
    def mention_trails(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.mention_trails)

    @cached_property
    def house_media(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.house_media)

    @cached_property
    def personal_blogs(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.personal_blogs)

    @cached_property
    def language_names(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.language_names)

    @cached_property
    def news_first(self) -> re.Pattern[str]:
        """ "Вести за српску заједницу у Швајцарској": "news" opens the clause."""
        words = _alternation(self.vocabulary.news_words or ("news",), literal=True)
        return re.compile(rf"(?:{words})(?:\s+\S+){{1,8}}")

    @cached_property
    def not_press(self) -> re.Pattern[str] | None:
        words = self.vocabulary.not_press
        return _optional(words, before=r"(?<![\w@#])") if words else None

    @cached_property
    def freelance(self) -> re.Pattern[str]:
        words = ("freelance", "freelancer", *self.vocabulary.freelance)
        return _word_regex(_alternation(words, literal=True))

    @cached_property
    def former(self) -> re.Pattern[str]:
        words = [*self.former_markers, *(_plain(w) for w in self.former_literals)]
        words += [_lead(w) for w in self.vocabulary.former_markers if _spaced(w)]
        return re.compile(
            rf"(?<![\w])(?:{_words(words)})(?![\w])|(?<![\w])ex-"
            + _prefixes(self.vocabulary.former_markers)
        )

    @cached_property
    def accented_former(self) -> dict[str, set[str]]:
        """One-word Latin-script past markers written with marks no unmarked marker shares, by
        their folded form: the marks tell them from another language's word ("già", not "gia";
        "dříve", not "drive"). Greek capitals drop their accents, so Greek words stay out."""
        return _accented(self.vocabulary.former_markers)

    @cached_property
    def accented_now(self) -> dict[str, set[str]]:
        """The same for short now-words, whose folded forms are other languages' small words:
        Norwegian "nå" is not the "na" of Portuguese or Polish, Czech "dál" not Italian "dal".
        Longer ones are often typed without their marks ("desormais", "simdi")."""
        short = (w for w in self.vocabulary.now_markers if len(w) <= 3)
        return _accented(short)

    @cached_property
    def temporary_roles(self) -> re.Pattern[str]:
        return _word_regex(_alternation(self.vocabulary.temporary_roles, literal=True))

    @cached_property
    def until_year(self) -> re.Pattern[str]:
        """ "until 2022", "bis 2022", "sold to Beta in 2019": the whole of a bracket."""
        words = _alternation(self.vocabulary.until_markers or ("until",), literal=True)
        return re.compile(rf"\s*(?:{words})\s+(?:[^()]{{1,40}}\s)?(?:19|20)\d\d\s*$")

    @cached_property
    def until_year_opening(self) -> re.Pattern[str]:
        """ "Until 2025 at Acme", "Do 2025 w Acme": a clause that opens on "until" and a year
        and goes on to the job it ended."""
        words = _alternation(self.vocabulary.until_markers or ("until",), literal=True)
        return re.compile(rf"\s*(?:{words})\s+(?:19|20)\d\d\s+[^\W\d_]")

    @cached_property
    def until_year_closing(self) -> re.Pattern[str]:
        """ "… at Acme bis 2025": a clause that ends on "until" and a year."""
        words = _alternation(self.vocabulary.until_markers or ("until",), literal=True)
        return re.compile(rf"(?<![\w])(?:{words})\s+(?:19|20)\d\d\W*$")

    @cached_property
    def now(self) -> re.Pattern[str]:
        return _word_regex(_alternation(self.vocabulary.now_markers, literal=True))

    @cached_property
    def other_jobs(self) -> re.Pattern[str]:
        return _vocabulary_words(self.vocabulary.other_jobs)

    @cached_property
    def non_press_jobs(self) -> re.Pattern[str]:
        more = _word_regex(_MORE_NON_PRESS_JOBS).pattern
        return compiled(f"{self.other_jobs.pattern}|{more}")

    @cached_property
    def object_markers(self) -> frozenset[str]:
        return frozenset(fold_same_length(w) for w in self.vocabulary.object_markers)

    @cached_property
    def turned(self) -> re.Pattern[str]:
        return _word_regex(_alternation(self.vocabulary.turned_markers, literal=True))

    @cached_property
    def employer_words(self) -> frozenset[str]:
        """Words right before an employer's name: "at", "bei", "chez", "στην", "في"."""
        return frozenset(fold_same_length(w) for w in self.vocabulary.employer_words)

    @cached_property
    def negation_words(self) -> frozenset[str]:
        """The one-word ``negations`` ("not", "nicht", "bukan"): "not at Acme" denies a job."""
        words = (fold_same_length(w) for w in self.vocabulary.negations)
        return frozenset(w for w in words if w.isalpha())

    @cached_property
    def answers_no(self) -> frozenset[str]:
        """ "No" as an answer ("nein", "ne"): "Acme? No, Beta Bank." denies the name."""
        return frozenset(fold_same_length(w) for w in self.vocabulary.answers_no)

    @cached_property
    def customer_trails(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.customer_trails)

    @cached_property
    def former_trails(self) -> re.Pattern[str] | None:
        """ "before that", "before joining …": what the clause said before it is the past."""
        words = _alternation(self.vocabulary.former_trails, literal=True)
        return re.compile(rf"(?<![\w])(?:{words})(?![\w])") if words else None

    @cached_property
    def dealer_titles(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.dealer_titles)

    @cached_property
    def employer_titles(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.employer_titles)

    @cached_property
    def employer_trails(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.employer_trails)

    @cached_property
    def study_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.study_markers)

    @cached_property
    def client_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.client_markers)

    @cached_property
    def relative_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.relative_markers)

    @cached_property
    def staff_bodies(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.staff_bodies)

    @cached_property
    def beat_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.beat_markers)

    @cached_property
    def complaint_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.complaint_markers)

    @cached_property
    def writer_objects(self) -> re.Pattern[str] | None:
        """Up to two words (the verb), then the writer ("owes me", "cut my", "me debe")."""
        words = [w for w in self.vocabulary.writer_objects if w]
        if not words:
            return None
        objects = _words(map(re.escape, words))
        return re.compile(rf"[ ]+(?:[^\W\d_]+[ ]+){{0,2}}(?:{objects})(?![\w'’])")

    @cached_property
    def parent_leads(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.parent_leads)

    @cached_property
    def fan_subjects(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.fan_subjects)

    @cached_property
    def other_kinds(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.other_kinds)

    @cached_property
    def byline_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.byline_markers)

    @cached_property
    def portfolio_leads(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.portfolio_leads)

    @cached_property
    def events(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.event_words)

    @cached_property
    def follow_back(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.follow_back_markers)

    @cached_property
    def scam_markers(self) -> re.Pattern[str] | None:
        return _optional(self.vocabulary.scam_markers)

    @cached_property
    def parody(self) -> re.Pattern[str]:
        """Parody, satire, fan and "unofficial" accounts, and those that say they are not the
        organisation they name ("not affiliated", "niet in dienst": ``disclaimers``)."""
        disclaimers = _optional(self.vocabulary.disclaimers, before=r"(?<![\w])")
        return re.compile(
            f"{self.fans.pattern}|{disclaimers.pattern}" if disclaimers else self.fans.pattern
        )

    @cached_property
    def fans(self) -> re.Pattern[str]:
        """Parody, satire, fan and "unofficial" accounts (``fan_markers``), without affiliation
        disclaimers."""
        fans = _optional(self.vocabulary.fan_markers, before=r"(?<![\w])")
        return re.compile(
            f"{self.parody_only.pattern}|{fans.pattern}" if fans else self.parody_only.pattern
        )

    @cached_property
    def parody_only(self) -> re.Pattern[str]:
        """Parody, satire and humour accounts, not fan pages."""
        literals = (*self.parody_literals, *self.vocabulary.parody_markers)
        words = [*self.parody_markers, *(_plain(w) for w in literals if _spaced(w))]
        # Japanese and Chinese run the marker into the words around it ("のパロディアカウント").
        return re.compile(rf"(?<![\w])(?:{_words(words)})" + _glued(literals))


def _spaced(word: str) -> bool:
    """Words of scripts written with spaces; Chinese, Japanese, Korean, Thai, Lao, Myanmar and
    Khmer are not."""
    return not _UNSPACED_SCRIPT.search(word)


_UNSPACED_SCRIPT = re.compile(f"[{UNSPACED_SCRIPTS}]")
# Thai, Lao, Myanmar and Khmer put a modifier after the noun it qualifies ("นักข่าวเกษียณ",
# a retired journalist) and run every word into the next: no boundary on either side.
_RUN_ON_SCRIPT = re.compile(f"[{RUN_ON_SCRIPTS}]")


def _prefixes(words: Iterable[str]) -> str:
    """Markers of scripts written without spaces as an extra branch: they start a word and run
    into the title they mark ("退休记者", "前 … 기자"), so only their start is bounded; in the
    scripts of mainland South-East Asia they may also follow it, so they are not bounded."""
    joined = [re.escape(w) for w in words if not _spaced(w) and not _RUN_ON_SCRIPT.search(w)]
    run_on = [re.escape(w) for w in words if _RUN_ON_SCRIPT.search(w)]
    return (rf"|(?<![\w])(?:{_words(joined)})" if joined else "") + (
        f"|(?:{_words(run_on)})" if run_on else ""
    )


def _glued(words: Iterable[str]) -> str:
    """Words of scripts written without spaces as an extra branch, unbounded on both sides
    (they run into their neighbours), folded like the text they are searched in."""
    glued = _words(_plain(w) for w in words if not _spaced(w))
    return f"|(?:{glued})" if glued else ""


def _lead(phrase: str) -> str:
    """A phrase as a regex; ``*`` stands for a few words of the same clause."""
    parts = [_plain(part) for part in re.split(r"(?:^|(?<=\s))\*(?=\s|$)", phrase)]
    return (
        r"\s+(?:[^.;|•\n@]{1,60}?)\s+".join(p for p in parts if p) if len(parts) > 1 else parts[0]
    )


def _accented(words: Iterable[str]) -> dict[str, set[str]]:
    """One-word Latin-script ``words`` written with marks no unmarked word of the list shares,
    by their folded form."""
    forms: dict[str, set[str]] = {}
    for word in words:
        if " " not in word and "*" not in word and fold_same_length(word).isascii():
            forms.setdefault(fold_same_length(word), set()).add(word.lower())
    return {key: said for key, said in forms.items() if key not in said}


def _vocabulary_words(words: Iterable[str]) -> re.Pattern[str]:
    """A vocabulary key's words as one pattern (one that never matches when the key is empty);
    a lone ``*`` in a phrase stands for a few words ("alle * wochen")."""
    return _optional(words, before=r"(?<![\w@#])") or re.compile("(?!)")


def _optional(words: Iterable[str], before: str = r"(?<![\w#])") -> re.Pattern[str] | None:
    """Whole words; those of scripts written without spaces run into their neighbours: a Korean
    word takes its endings ("자동 게시하는"), Chinese and Japanese ones are not set off at all."""
    words = [w for w in words if w]
    if not words:
        return None
    spaced = _words(_lead(w) for w in words if _spaced(w))
    hangul = _words(_lead(w) for w in words if not _spaced(w) and _HANGUL.search(w))
    others = _words(_lead(w) for w in words if not _spaced(w) and not _HANGUL.search(w))
    branches = [rf"{before}(?:{spaced})(?![\w])" if spaced else ""]
    branches += [rf"{before}(?:{hangul})" if hangul else "", f"(?:{others})" if others else ""]
    return compiled("(?:" + "|".join(b for b in branches if b) + ")")  # embeddable whole


_HANGUL = re.compile(r"[\uac00-\ud7af]")
# A word written with a capital, accented or not ("Ñandutí", "Kaya"): station and channel names.
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_WORD_BEFORE = re.compile(r"([^\W\d_][\w&-]*)[ \t]+$")


DEFAULT_LEXICON = Lexicon()

# A full stop ends a clause, except inside a domain ("trans.info") and after a short
# abbreviation ("8 J. Manager", "u.a.", "z.B.").
_SHORT_WORD_AT_END = re.compile(r"(?<![\w.])([^\W\d_]{2,3})$")
# A full stop ends a clause, not the dots of initials and abbreviations ("e.g.", "S.A."); one
# right after a domain does ("… at dev.ua. Before that …").
_HARD_SEPARATORS = re.compile(
    r"[;|•·\n!?,]|(?<![\s.][^\W\d_가-힣])(?<![\s.][^\W\d_가-힣]\w)\.(?!\w)|\s[-–—/]\s|\s[/+]\s|[()\[\]{}]"
    r"|(?<=\w\w\.[^\W\d_]{2})\.(?=\s)|\s{3,}|[。、，；۔،؛।።፣፤։]"
)
# "Forecasting, UX. Tidl. Acme": a two-letter acronym's full stop before a capital ends the
# clause ("S.A." and initials keep theirs).
_ACRONYM_STOP = re.compile(r"(?<=[\s(,/][A-Z]{2})\.(?=\s+[A-ZÀ-ÖØ-Þ])")
_CRITIC_QUALIFIERS = {
    "film",
    "movie",
    "food",
    "restaurant",
    "theatre",
    "theater",
    "music",
    "art",
    "book",
    "tv",
    "television",
    "wine",
    "dance",
    "architecture",
    "fashion",
    "game",
    "games",
    "drama",
    "opera",
    "culture",
    "beer",
}
# Capital letters of the Latin, Greek and Cyrillic scripts: an outlet's name starts with one.
_UPPER = "A-ZÀ-ÖØ-ÞΆΈ-ΏΑ-ΩЀ-Я"
_OUTLET_AFTER_TERM = re.compile(
    r"\s*(?:at|for|with|on|chez|en|para|bei|fur|für|per|presso|dla|w|bij|voor|pa|på|för|na|no|em|wa"
    r"|do|da|dos|das|d['’]"  # Portuguese "repórter do Jornal X", "d'O País"
    r"|au|aux|à|a|u|в|,|-|–|—|:|@(?=\s))?\s*(?:(?:the|der|die|das|le|la|les|el|il|lo|de|o|os|as"
    r"|την|τη|το|τον|της|του)\s+)?[\"“«„]?(?:https?://)?(?:www\.)?"
    rf"(@[\w.]+|[{_UPPER}][\w&'’-]*(?:\.\w+)*(?:\s+(?:(?:of|de|do|da|di|del|du)\s+|&\s+)?[{_UPPER}0-9][\w&'’-]*(?:\.\w+)*)"
    r"{0,4}|[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}(?![\w.]))"
)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_KIND_ENDING_THE_CLAUSE = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){1,2}\s+(\w+)(?=\s*(?:$|[^\w\s]))")
_PARTS_OF_TITLE = re.compile(r"(?:in[\s-]+chief|at\s+large|general|adjunto|adjunta|en\s+chef)$")
_ORG_STRONG = re.compile(rf"(?<![\w])(?:{_words(ORG_STRONG)})(?![\w])", re.MULTILINE)
_ORG_WEAK = _word_regex(_words(ORG_WEAK))
_PERSON_STRONG = _word_regex(_words(PERSON_STRONG))
# not inside a word with a glottal stop ("Mba'éichapa!" in Guaraní is no MBA)
_PERSON_WEAK = compiled(rf"(?<![\w@#])(?:{_words(PERSON_WEAK)})(?![\w]|['’]\w)")
_OUTLET_NOUNS = re.compile(
    rf"(?<![\w])(?:{_words(OUTLET_NOUNS)})(?![\w])|新聞網|新闻网|新聞|新闻|日报|日報|신문"
)
_LEGAL_SUFFIX = re.compile(rf"(?:[\s,]+(?:{_alternation(LEGAL_SUFFIXES, literal=True)}))+\.?\s*$")
_NEWSY_NAME = _word_regex(
    r"news|times|gazette|herald|tribune|chronicle|journal|daily|post"
    r"|observer|courier|magazine|mag|radio|(?:hd)?tv\d{0,2}|fm|press|review|weekly|report|mati|manana|tarde"
    r"|today|wire|insider|digest|bulletin|monitor|dispatch|standard|mirror"
    r"|express|guardian|telegraph|independent|live|24|online|journal"
    r"|zeitung|nachrichten|noticias|noticies|informatiu|informativo|actualites|infos|notizie|nieuws"
    r"|nyheter|wiadomosci|diario|giornale|gazeta|revista|quotidien"
)
_COMPANY_NEWS = _word_regex(
    r"product\s+(?:news|updates)|company\s+news|news\s+about\s+our|official\s+news\s+(?:of|from)"
    r"|updates?\s+(?:from|about)|status|release\s+notes|offers|deals"
    r"|careers|jobs|support|customer\s+care"
)
_NEWSY_BIO = _word_regex(
    r"news|stories|reporting|coverage|journalism|nachrichten|noticias|"
    r"nouvelles|actualites?|infos?|notizie|noticias|noticies|wiadomosci|nieuws|informacio"
    r"|informacao|actualitat|actualidade|periodismo|jornalismo|periodisme"
    r"|nyheter|новости|informacion|informations"
)


# ---- reading one bio --------------------------------------------------------------------------


@dataclass
class BioText:
    """A bio (or name) prepared for matching: folded text plus which stretches describe the
    past ("Former BBC reporter", "Journalist turned PR")."""

    raw: str
    lexicon: Lexicon = DEFAULT_LEXICON
    folded: str = field(init=False)
    _past: list[tuple[int, int]] = field(init=False, default_factory=list)
    # where a past marker starts ("former", "ex-", "volt"): a name may start with one
    marker_starts: set[int] = field(init=False, default_factory=set)
    # answers the rules worked out from this text (audience/textmatch.py: text_memo)
    memo: dict[Any, Any] = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.folded = fold_same_length(self.raw)
        self._past = list(self._past_ranges())
        self._past += self._career_lengths(self.clauses())
        self._past += self._ex_titles(self.clauses())

    @cached_property
    def _traps(self) -> list[tuple[int, int]]:
        spans = []
        for pattern in (self.lexicon.not_press, self.lexicon.negated, self.lexicon.trained):
            found = pattern.finditer(self.folded) if pattern else ()
            spans += [m.span() for m in found if not _an_outlets_own(self, m)]
        return spans

    def in_trap(self, match: re.Match[str]) -> bool:
        """The match is part of a phrase that only looks like press ("correspondent banking")."""
        return any(s < match.end() and match.start() < e for s, e in self._traps)

    def is_past(self, position: int) -> bool:
        return any(start <= position < end for start, end in self._past)

    @property
    def has_past(self) -> bool:
        return bool(self._past)

    def current(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` that do not sit in a stretch about the past (worked out once
        per text and pattern: the rules ask the same question several times)."""
        # By identity: hashing a pattern hashes its whole compiled program.
        found = self.memo.get(id(pattern))
        if found is None or found[0] is not pattern:
            found = self.memo[id(pattern)] = (
                pattern,
                tuple(
                    match
                    for match in pattern.finditer(self.folded)
                    if not self.is_past(match.start()) and not self._ex_prefixed(match)
                ),
            )
        return iter(found[1])

    def _ex_prefixed(self, match: re.Match[str]) -> bool:
        word = match.group(0)
        return word.startswith("ex") and bool(self.lexicon.press.fullmatch(word[2:]))

    def clauses(self) -> list[tuple[int, int]]:
        return self._clauses

    def nows(self, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The now-words between ``start`` and ``end``, written with their own marks."""
        accented = self.lexicon.accented_now
        until = len(self.folded) if end is None else end
        for now in self.lexicon.now.finditer(self.folded, start, until):
            if _DOMAIN_GOES_ON.match(self.folded, now.end()):
                continue  # "Agora.md", "now.com": a site's name, not the word
            spellings = accented.get(now.group(0))
            if not spellings or self.raw[now.start() : now.end()].lower() in spellings:
                yield now

    @cached_property
    def _clauses(self) -> list[tuple[int, int]]:
        bounds = [0]
        cased = any(c.isupper() for c in self.raw)
        separators = [s.span() for s in _HARD_SEPARATORS.finditer(self.folded)]
        separators += [s.span() for s in _ACRONYM_STOP.finditer(self.raw)]
        for start, end in sorted(set(separators)):
            if start < bounds[-1]:
                continue
            if cased and self.folded[start:end] == "." and self._abbreviation_at(start):
                continue  # "9 god. u Acme": an abbreviation, the sentence goes on in lower case
            bounds += [start, end]
        bounds.append(len(self.folded))
        return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]

    def _job_start(self, clauses: list[tuple[int, int]], position: int) -> int:
        """Where the job before ``position`` starts: its clause, and those before it that a
        comma or a slash joins to it ("Reporter, Harbour Times (2010-2015)")."""
        index = max((i for i, (s, _) in enumerate(clauses) if s < position), default=0)
        while index and self.folded[clauses[index - 1][1] : clauses[index][0]] in _GOES_ON:
            index -= 1
        return clauses[index][0]

    def _abbreviation_at(self, dot: int) -> bool:
        """A short word in lower case before the full stop and a lower-case word after it."""
        word = _SHORT_WORD_AT_END.search(self.raw[max(0, dot - 4) : dot])
        after = self.raw[dot + 1 : dot + 3]
        return bool(word and word.group(1).islower() and after[:1] == " " and after[1:].islower())

    def _past_ranges(self) -> Iterator[tuple[int, int]]:
        text = self.folded
        clauses = self.clauses()
        for marker in self.lexicon.retired.finditer(text):
            index = next(i for i, (s, e) in enumerate(clauses) if s <= marker.start() <= e)
            yield clauses[index]
            start, end = clauses[index]
            # "Reporter (retired)": the marker sits alone in brackets after the job; "22 ans
            # chez X, retraité depuis 2023": it opens the clause after the job.
            # "…, nyt eläkkeellä", "…, now retired": a now-word does not keep it company.
            # (a marker written with its full stop, "Pens.", reaches past its clause)
            beside = text[start : marker.start()] + text[min(marker.end(), end) : end]
            rest = self.lexicon.now.sub("", beside.replace(marker.group(0), ""))
            alone = not re.search(r"\w", rest) or _SINCE_ONLY.fullmatch(rest.strip())
            # "Retired teacher", "Retraitée de l'enseignement" opening a clause name the career
            # it ended, not the job before.
            ended = self._names_a_job(rest) or _RETIRED_FROM.match(rest.strip())
            opens = not text[start : marker.start()].strip() and not ended
            years = _YEARS_SPAN.match(marker.group(0))
            opening = text.rfind("(", 0, marker.start()) if years else -1
            if index and alone and opening > 0:
                # "Team lead, Beta · ex-Acme (shop, 2014-2018)": the years close the job before
                # the bracket, not the whole sentence
                yield self._job_start(clauses, opening), marker.start()
            elif index and (alone or (opens and not years)):
                yield _previous_clause(text, clauses, index)
                yield self._sentence_start(marker.start()), marker.start()
                if alone and self._sentence_start(marker.start()) >= start:
                    # "Reporter, Harbour Times. Retired.": the sentence before is the career
                    yield self._sentence_start(max(0, start - 2)), start
            elif alone and index + 1 < len(clauses):
                yield clauses[index + 1]  # "Retired. 35 years at Acme.": the career that follows
        accented = self.lexicon.accented_former
        for marker in self.lexicon.former.finditer(text):
            if self._in_a_name_mid_sentence(marker.start()):
                continue  # "u Volt Marketu": a name that holds a marker word ("volt": "was")
            spellings = accented.get(marker.group(0))
            if spellings and self.raw[marker.start() : marker.end()].lower() not in spellings:
                continue  # "già" (Italian: formerly) is marked; "chuyên gia" (an expert) is not
            self.marker_starts.add(marker.start())
            index = next(i for i, (s, e) in enumerate(clauses) if s <= marker.start() <= e)
            end = clauses[index][1]
            # "前 X 기자 → 현 Y 홍보팀": the past ends where a move or a now-word starts.
            turn = next(_moves(text, marker.end(), end), None) or next(
                self.nows(marker.end(), end), None
            )
            yield marker.start(), turn.start() if turn else end
            if turn is None and self._aside_of_the_past(clauses, index):
                # "Ex-Acme (app AcmePay)", "ex Acme (now Beta)": the old employer's product,
                # years or new name
                yield clauses[index + 1]
            if _POSTFIX_FORMER.fullmatch(marker.group(0)):
                yield clauses[index][0], marker.end()  # "Harbour FM alumni": what came before
            # "Tidl. nyhetsankare": an abbreviated marker ends its own clause; one after the
            # job ("עיתונאית לשעבר.", a journalist formerly) puts that job in the past instead.
            ends_clause = not re.search(r"\w", text[marker.end() : end])
            if ends_clause and re.search(r"\w", text[clauses[index][0] : marker.start()]):
                yield clauses[index][0], marker.end()
            elif ends_clause and index + 1 < len(clauses):
                yield clauses[index + 1]
                if self._bracketed(clauses[index + 1]) and index + 2 < len(clauses):
                    yield clauses[index + 2]  # "Antes (2016-2020) comunicación en Acme"
            # "Former site director, Acme BPO. Now …": the comma goes on with the same job, and
            # so does a slash between an organisation's old and new names ("Acme / Beta").
            elif index + 1 < len(clauses) and text[end : clauses[index + 1][0]].strip() in _GOES_ON:
                following = clauses[index + 1]
                if next(self.nows(*following), None) is None:
                    yield following
        trails = self.lexicon.former_trails
        for index, (start, end) in enumerate(clauses):
            clause = text[start:end]
            if self._bracketed((start, end)):
                clause = f"({clause})"  # "8 years at Acme (ex)": a bracket of its own
            trail = trails.search(clause) if trails else None
            alone = trail and not clause.replace(trail.group(0), "").strip(" .!")
            if alone and index and text[end : end + 1] not in (",", ":"):
                # "2 years at Acme, never again.": the clause before ("Before that, …" goes on)
                yield clauses[index - 1]
            if trail:
                # "Ten years in retail (Acme, Beta) before that": the whole bracket is past.
                head = text[: start + trail.start()].rstrip()
                if head.endswith(")") and (opening := head.rfind("(")) >= 0:
                    start = max((s for s, _ in clauses if s <= opening), default=0)
                    # not past the full stop before it ("Writer, BM.ge. Spent 10 years (…)")
                    if (stop := head.rfind(". ", 0, opening)) >= 0:
                        start = max(start, stop + 2)
                # "10 anos na Acme antes disso"; "… before joining the Times": that is now
                yield start, len(head)
            turned = self.lexicon.turned.search(clause)
            if turned:
                yield start, start + turned.start()
        for now in self.nows():
            if self._in_a_name(now):
                continue  # "Contributing writer for CX Today": an outlet, not "today"
            after = text[now.end() :]
            if self.lexicon.other_jobs.search(after) and not self.lexicon.press.search(after):
                yield 0, now.start()
            elif self._workplace_next(after, self.raw[now.end() :]) and not (
                self.lexicon.press.search(after[:40]) or self._outlet_next(now.end())
            ):
                # "20 ans au Crédit X. Aujourd'hui chez Y / à mon compte"; but a title before a
                # move ("Reporter. Ex-Daily Post, now at the Herald") goes with the move.
                yield self._title_that_moved(now.start()), now.start()
        yield from self._dated_ranges(clauses)
        # "Acme Leeds → Beta Group": a move, the left side is where they were; a move between
        # flags ("Engineer @Acme 🇰🇷 → 🇪🇹") is one between countries, not jobs.
        for arrow in _moves(text):
            start = max((s for s, e in clauses if s <= arrow.start()), default=0)
            if not _FLAG_BEFORE.search(text, start, arrow.start()):
                yield start, arrow.start()

    def _title_that_moved(self, now: int) -> int:
        """Where the past before ``now`` starts: after a press title that opens the bio alone in
        its clause when an "ex-" between it and ``now`` names the workplace it moved from."""
        title = self.lexicon.press.match(self.folded, len(self.folded) - len(self.folded.lstrip()))
        if title is None or not self.lexicon.former.search(self.folded, title.end(), now):
            return 0
        clause_end = next((e for s, e in self.clauses() if s <= title.start() < e), title.end())
        return clause_end if clause_end < now else 0

    def _aside_of_the_past(self, clauses: list[tuple[int, int]], index: int) -> bool:
        """The clause after ``index`` is a bracket about the same past job: anything but one that
        opens with "now" and names a job or a workplace ("(now Beta)" is the old employer's new
        name, "(now at Beta)" a move)."""
        if index + 1 >= len(clauses):
            return False
        text = self.folded
        start, end = clauses[index + 1]
        if "(" not in text[clauses[index][1] : start]:
            return False
        now = next(self.nows(start, end), None)
        if now is None or text[start : now.start()].strip():
            return True
        rest = text[now.end() : end]
        return not self._names_a_job(rest) and not self._workplace_next(rest)

    def _outlet_next(self, end: int) -> bool:
        """ "…, now at Newstalk": the workplace after "now" is an outlet, so the job before it,
        an outlet's too, goes on. A bio all in lower case writes the outlet's name so too."""
        gazetteer = self.lexicon.gazetteer
        if not self.raw.islower():
            return next(gazetteer.names_in(self.raw[end : end + 40]), None) is not None
        lead = _WORKPLACE_NEXT.match(self.folded, end)  # "now at newstalk": past the "at"
        return gazetteer.lower_case_prefix_of(self.raw[lead.end() if lead else end :]) is not None

    def _names_a_job(self, text: str) -> bool:
        return bool(self.lexicon.other_jobs.search(text) or self.lexicon.press.search(text))

    def _workplace_next(self, after: str, raw_after: str | None = None) -> bool:
        """A workplace or a freelance word right after "now" ("now at", "acum pe cont propriu");
        a short preposition before words in lower case only is a state, not a place
        ("Trenutno na porodiljskom": on maternity leave)."""
        if found := _WORKPLACE_NEXT.match(after):
            said = found.group(0).strip(" :,—–-")
            if raw_after is None or said not in _SHORT_PREPOSITIONS:
                return True
            clause = _CLAUSE_END.split(raw_after[found.end() :], maxsplit=1)[0]
            if _opens_with_a_city(clause):
                return False  # "Ora a Santo Domingo per un reportage": where, not for whom
            if not clause.islower() or self.lexicon.freelance.match(clause.lstrip()):
                return True
        freelance = self.lexicon.freelance.match(after.lstrip(" :,—–-"))
        return freelance is not None

    def _bracketed(self, clause: tuple[int, int]) -> bool:
        start, end = clause
        return self.raw[start - 1 : start] == "(" and self.raw[end : end + 1] == ")"

    def _in_a_name_mid_sentence(self, start: int) -> bool:
        """A capitalised word right after another word: part of a name, not a marker."""
        before = self.raw[:start].rstrip()
        return self.raw[start : start + 1].isupper() and before[-1:].isalpha()

    def _in_a_name(self, word: re.Match[str]) -> bool:
        """A word inside a capitalised name ("USA Today", "Marketing Now"), not the word."""
        raw = self.raw
        if not raw[word.start() : word.start() + 1].isupper():
            return False
        before = _WORD_BEFORE.search(raw[max(0, word.start() - 30) : word.start()])
        return bool(before and before.group(1)[0].isupper())

    def _ex_titles(self, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Experiodista (20 anys a @diari)": a title written with "ex" and the bracket after
        it are the past."""
        ranges = []
        for match in self.lexicon.press.finditer(self.folded):
            if not self._ex_prefixed(match):
                continue
            index = next(i for i, (s, e) in enumerate(clauses) if s <= match.start() <= e)
            ranges.append(clauses[index])
            if (
                index + 1 < len(clauses)
                and "(" in self.folded[clauses[index][1] : clauses[index + 1][0]]
            ):
                ranges.append(clauses[index + 1])
        return ranges

    def _career_lengths(self, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "Periodista jubilado. 40 años en radio.": a career length right after a clause about
        the past is the same past; so is one that a later "now" follows ("12 yrs at Acme |
        now consulting")."""
        lengths = [
            (after_start, after_end)
            for (start, _), (after_start, after_end) in itertools.pairwise(clauses)
            if self.is_past(start) and _CAREER_LENGTH.match(self.folded, after_start)
        ]
        for index, (start, end) in enumerate(clauses):
            measured = _CAREER_LENGTH.match(self.folded, start) or _CAREER_LENGTH_AT_END.search(
                self.folded, start, end
            )
            if measured and any(
                self._doing_now(self._to_sentence_end(s)) for s, _ in clauses[index + 1 :]
            ):
                lengths.append((start, end))
        return lengths

    def _to_sentence_end(self, start: int) -> str:
        """ "Since 2021, I run comms": the clause at ``start`` and the rest of its sentence."""
        stop = _SENTENCE_STOP.search(self.folded, start)
        return self.folded[start : stop.start() if stop else len(self.folded)].lstrip()

    def _doing_now(self, clause: str) -> bool:
        """A clause that opens with "now" and says what the account does now: a job, a workplace
        or its clients ("now consulting", "now at Beta", "now helping banks"), not "now it is
        called Beta"."""
        lexicon = self.lexicon
        now = lexicon.now.match(clause) or _SINCE_A_YEAR.match(clause)
        if now is None:
            return False
        rest = clause[now.end() :]
        return bool(
            lexicon.other_jobs.search(rest)
            or lexicon.press.search(rest)
            or (lexicon.client_markers and lexicon.client_markers.match(rest.lstrip()))
            or self._workplace_next(rest)
        )

    def _sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` starts; "TV. Former banker": a full stop
        between capitals ends a sentence too, although "Co." or "TV." alone may not."""
        stops = [m.end() for m in _SENTENCE_STOP.finditer(self.folded, 0, position)]
        stops += [m.end() for m in _CAPITALS_STOP.finditer(self.raw, 0, position)]
        return max(stops, default=0)

    def _dated_ranges(self, clauses: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """A dated internship ("Intern at Acme (summer 2021)") and a job "(until 2022)" are
        the past (closed spans of years are in :attr:`Lexicon.retired`)."""
        text = self.folded
        for index, (start, end) in enumerate(clauses[:-1]):
            clause = text[start:end]
            # The brackets are a clause of their own: "Intern at Acme" "(" "summer 2021" ")".
            after_start, after_end = clauses[index + 1]
            if "(" not in text[end:after_start]:
                continue
            dated = text[after_start:after_end]
            temporary = _YEAR_ONLY.match(dated) and self.lexicon.temporary_roles.search(clause)
            if temporary or self.lexicon.until_year.match(dated):
                # "Co-founder (left 2024) of Acme. Now …": the sentence goes on past the bracket
                stop = _SENTENCE_STOP.search(text, after_end)
                yield start, stop.start() if stop else len(text)
        for index, (start, end) in enumerate(clauses):
            span = _SPAN_OPENING.match(text, start, end)
            if span and (
                self.raw[span.end() : span.end() + 1].isupper()
                or self.lexicon.non_press_jobs.match(text, span.end())
            ):
                # "2018–2022 Acme BPO", "2013-2016 operador na Acme": a closed span dates the
                # job after it
                yield start, end
            if self.lexicon.until_year_opening.match(text, start, end):
                yield start, end
            elif self.lexicon.until_year_closing.search(text, start, end):
                yield start, end  # "Head of Care at Acme until 2025": no bracket needed
                # "Founder of Acme, sold 2021", "Co-founded Acme (now Beta), left 2021": the
                # clause is only the date, so the job is what its sentence said before it.
                if index and self.lexicon.until_year.match(text[start:end]):
                    opening = self._sentence_start(start)
                    if text[opening:start].strip():
                        yield opening, start
                    elif not _DASH_OR_COLON.match(text, end):
                        # "Co-founded Acme. Left in 2024.": a sentence of its own ends the last
                        yield self._sentence_start(max(opening - 1, 0)), opening
                    else:  # "Until 2024 — Acme. Now…": the date leads the job it ends
                        stop = _SENTENCE_STOP.search(text, end)
                        yield end, stop.start() if stop else len(text)


_GOES_ON = (",", "/")
_SPAN_OPENING = re.compile(r"\s*(?:19|20)\d\d\s*[-–—]\s*(?:19|20)?\d\d\s*[:–—-]?\s*")
_DASH_OR_COLON = re.compile(r"\s*[—–:-]")
_YEAR_ONLY = re.compile(r"\s*(?:[^\W\d]+\s+){0,2}(?:19|20)\d\d\s*$")

_SINCE = r"(?:since|depuis|desde|seit|dal|sinds|od|από)\s+(?:19|20)\d\d"
# "Since 2021, I run comms at …", "Depuis 2021, je dirige …": what the account does now.
_SINCE_A_YEAR = re.compile(rf"{_SINCE}[\s,:—–-]*")
_SINCE_ONLY = re.compile(_SINCE)
_RETIRED_FROM = re.compile(r"(?:from|of|de|du|des|d'|von|vom|aus|dal|dalla|del|da|do|dos)(?![\w])")
_CAREER_LENGTH = re.compile(r"\s*\d{1,2}\+?\s+[^\W\d_]")  # "40 años en radio", "30+ years at"
# "Reporter for 15 years", "Journaliste pendant 15 ans": a job and how long it lasted
_CAREER_LENGTH_AT_END = re.compile(r"\s\d{1,2}\+?\s+[^\W\d_]+\W*$")
_YEARS_SPAN = re.compile(r"(?:19|20)\d\d")
_POSTFIX_FORMER = re.compile(r"alumni|alumnus|alumna|alum")
# A workplace right after "now": "now at", "aujourd'hui chez", "jetzt bei", "à mon compte".
_WORKPLACE_NEXT = re.compile(
    r"\s*[:,—–-]?\s*(?:à mon compte|a mon compte|at|@|with|chez|bei|beim|bij|en|em|na|w|presso|a|à"
    r"|au|hos|på|freelance|self-employed|independent|indépendant|independiente"
    r"|(?:running|run|with)\s+my\s+own|my\s+own"
    r"|(?:working|flying|teaching|driving|sailing)\s+(?:for|at|with))(?![\w])"  # "now flying for"
)
_SHORT_PREPOSITIONS = frozenset({"na", "w", "en", "em", "a", "à", "au"})
_CLAUSE_END = re.compile(r"[.;|!?\n•]")
_MOVED_TO = re.compile(r"\s(?:→|->|⇒|➡️?|➜|»)\s(?!\s*(?:https?://|www\.|t\.co/))")


def _moves(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The arrows of a move in ``text``; a "»" that closes a « quoted title » is none."""
    for arrow in _MOVED_TO.finditer(text, start, len(text) if end is None else end):
        if "»" in arrow.group(0) and text.rfind("«", 0, arrow.start()) > text.rfind(
            "»", 0, arrow.start()
        ):
            continue
        yield arrow


_FLAG_BEFORE = re.compile("[\U0001f1e6-\U0001f1ff]{2}\\s*$")

_BIO_TEXTS: dict[tuple[int, str], BioText] = {}


def bio_text(raw: str | None, lexicon: Lexicon | None = None) -> BioText:
    """A :class:`BioText`, shared while the same text is judged several times in a row (the
    press, outlet and organisation rules all read the same bio)."""
    lexicon = lexicon or DEFAULT_LEXICON
    key = (id(lexicon), raw or "")
    found = _BIO_TEXTS.get(key)
    if found is None or found.lexicon is not lexicon:
        if len(_BIO_TEXTS) > 4096:
            _BIO_TEXTS.clear()
        found = _BIO_TEXTS[key] = BioText(raw or "", lexicon)
    return found


def _previous_clause(text: str, clauses: list[tuple[int, int]], index: int) -> tuple[int, int]:
    """The clause before, skipping empty ones and bare dates ("Founder of Acme (1971).")."""
    for start, end in reversed(clauses[:index]):
        if re.search(r"[^\W\d]", text[start:end]):
            return start, end
    return clauses[0]


def _previous_words(text: str, position: int, count: int) -> list[str]:
    return _WORD_WITH_MARKS.findall(text[max(0, position - 60) : position])[-count:]


# A word with its vowel signs ("ගුවන්විදුලි", "টিভি"): combining marks are not \w.
_WORD_WITH_MARKS = re.compile(rf"[\w&{WORD_MARKS}]+")


def _past_a_rhythm(bio: BioText, end: int) -> int:
    """ "Chroniqueur hebdo à TelQuel", "columnist weekly at the Times": where the outlet is
    looked for, past a rhythm word right after the title."""
    found = _NEXT_WORD.match(bio.folded, end)
    if found and bio.lexicon.rhythm.fullmatch(found.group(1)):
        return found.end()
    return end


def _outlet_after(raw: str, end: int) -> str | None:
    found = _OUTLET_AFTER_TERM.match(raw, end)
    if not found:
        return None
    outlet = found.group(1).rstrip(".'’-")
    if _PARTS_OF_TITLE.match(fold_same_length(outlet)) or fold_same_length(outlet) in {"and", "i"}:
        return None
    return outlet


@dataclass(frozen=True)
class PressFinding:
    """Why an account counts as press: the words that fired, and the outlet when it is named."""

    term: str
    outlet: str | None = None
    is_outlet_account: bool = False
    # False: evidence below the segment line (a bare "Presenter", an outlet linked by someone
    # with another job). Not enough for the press segment, enough for prune to hold off.
    strong: bool = True
    explanation: str | None = None

    @property
    def reason(self) -> str:
        if self.explanation:
            return self.explanation
        if self.is_outlet_account:
            return f'news outlet ("{self.term}" in bio)'
        where = f" at {self.outlet}" if self.outlet else ""
        return f'journalist ("{self.term}"{where} in bio)'


_PLURAL_OBJECT_MARKERS = {
    "of",
    "among",
    "reach",
    "reaching",
    "find",
    "finding",
    "contact",
    "contacting",
    "network",
    "community",
    "target",
    "targeting",
}


def _is_object(bio: BioText, match: re.Match[str]) -> bool:
    """ "PR for journalists", "helping reporters": the word names an audience, not a job."""
    word = match.group(0)
    plural = word.endswith("s") or word.endswith("innen") or word.endswith("en")
    previous = _previous_words(bio.folded, match.start(), 3)
    if not previous:
        return False
    objects = bio.lexicon.object_markers
    if previous[-1] in objects and previous[-1] not in {"and", "&"}:
        return True
    markers = objects | _PLURAL_OBJECT_MARKERS
    return plural and any(w in markers for w in previous)


_QUOTE_MARKS = "\"'“”„‘’«»‹›"
_QUOTE_CLOSES = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){1,3}[\"“”»›]")


def _in_scare_quotes(bio: BioText, match: re.Match[str]) -> bool:
    """ '"Journalist" 😉 actually content and PR': a title alone inside quotes is said in jest."""
    raw, start, end = bio.raw, match.start(), match.end()
    if start == 0 or end == len(raw) or raw[start - 1] not in _QUOTE_MARKS:
        return False
    # '"periodista de la vida" 😜', '"Reportero ciudadano"': a short quoted phrase it opens
    closing = _QUOTE_CLOSES.match(raw, end)
    return raw[end] in _QUOTE_MARKS or closing is not None


def _is_plural(lexicon: Lexicon, match: re.Match[str]) -> bool:
    """ "I know what reporters want": a plural names other people, not the account's job."""
    word = match.group(0)
    if word.endswith("innen"):
        return True
    if word.split()[-1] in lexicon.titles_ending_in_s:
        return False  # Latvian "redaktors", Lithuanian "žurnalistas": one person
    return word.endswith("s") and bool(lexicon.press.fullmatch(word[:-1]))


def _desk_of_an_outlet(bio: BioText, match: re.Match[str]) -> str | None:
    """ "Corresponsales de Canal Sur": a plural title opening the bio, with an outlet the
    gazetteer knows in the same clause, is that outlet's desk speaking for itself."""
    if bio.folded[: match.start()].strip():
        return None
    clause_end = min((e for _, e in bio.clauses() if e >= match.end()), default=len(bio.raw))
    named = bio.lexicon.gazetteer.names_in(bio.raw[match.end() : clause_end])
    return next((outlet.name for _, outlet in named), None)


def _non_media(bio: BioText, match: re.Match[str]) -> bool:
    """ "Content writer for SaaS brands", "music producer at ...": not press, outlet or not."""
    previous = _previous_words(bio.folded, match.start(), 2)
    if not previous or match.group(0) == "critic":
        return False
    if not (previous[-1] in bio.lexicon.non_media or " ".join(previous) in bio.lexicon.non_media):
        return False
    return _podcast_named_next(bio, match) is None


def _podcast_named_next(bio: BioText, match: re.Match[str]) -> str | None:
    """ "Podcast host | 'Harbour Talks'": a podcast title named in quotes right after the
    title is the outlet (a bare "Podcast host" names none)."""
    previous = _previous_words(bio.folded, match.start(), 1)
    if not previous or not searched(bio.lexicon.podcast, previous[-1]):
        return None
    named = _NAME_IN_QUOTES_NEXT.match(bio.raw, match.end())
    if named is None:
        return None
    owner = _OWNER_IN_BRACKETS.match(bio.raw, named.end())
    if owner and not bio.lexicon.gazetteer.name_at(owner.group(1), 0):
        return None  # "'Coffee & CX' (a Blarney Systems podcast)": a company's own podcast
    return named.group(1).strip()


_NAME_IN_QUOTES_NEXT = re.compile(
    r"\s*[|:–—-]?\s*[\"'“‘«„]([^\W\d_][^\"'”’»\n]{1,40})[\"'”’»]"
)
_OWNER_IN_BRACKETS = re.compile(r"\s*\((?:an?\s+)?([^()]{2,40}?)\s+podcast\)", re.IGNORECASE)


# What joins two titles or two qualifiers: "&", "+", "/", a comma, "and" and its kin.
_JOIN = r"(?:&|\+|/|,|\band|\ben|\bund|\bet|\by|\be|\bi)"
_AND_BEFORE = re.compile(rf"(\w+)\s+[\w-]+\s*{_JOIN}\s*$")


def _shared_non_media(bio: BioText, match: re.Match[str]) -> bool:
    """ "Music producer & editor", "Video editor and producer": a non-media word before the first
    of two joined titles qualifies the second too."""
    joined = _AND_BEFORE.search(bio.folded[max(0, match.start() - 40) : match.start()])
    if not joined:
        return False
    first = bio.folded[match.start() - len(joined.group(0)) :][: len(joined.group(0))]
    title = first.split()[1] if len(first.split()) > 1 else ""
    qualified = bio.lexicon.qualified.fullmatch(title) or bio.lexicon.press.fullmatch(title)
    return bool(qualified) and joined.group(1) in bio.lexicon.non_media


def _qualified_ok(bio: BioText, match: re.Match[str]) -> bool:
    previous = _previous_words(bio.folded, match.start(), 2)
    last = previous[-1] if previous else ""
    pair = " ".join(previous)
    if match.group(0) == "critic":
        return last in _CRITIC_QUALIFIERS
    if last in bio.lexicon.non_media or pair in bio.lexicon.non_media:
        return False
    if _joined_qualifier(bio.folded[max(0, match.start() - 40) : match.start()]) in (
        bio.lexicon.non_media
    ):
        return False  # "Wedding & travel photographer": both qualify the title
    if _said_of_non_media(bio, match):
        return False  # "Film producer | Executive producer 'Eko Love'": the same trade
    if last in bio.lexicon.media_qualifiers or pair in bio.lexicon.media_qualifiers:
        return True
    after = bio.folded[match.end() : match.end() + 30]
    if _MEDIA_AFTER.match(after) or _media_later(bio, match.end()):
        return True
    if _STATION.search(bio.raw) and not other_job(bio):
        return True  # "Ga news, Accra news. Presenter." on "Obonu FM" named earlier
    return _credit_after_media(bio, match)


def _said_of_non_media(bio: BioText, match: re.Match[str]) -> bool:
    """The same title elsewhere in the bio qualified by a word that is not media ("film
    producer", "wedding photographer")."""
    head = match.group(0).split()[-1]
    return any(
        other.group(0).split()[-1] == head and _non_media(bio, other)
        for other in bio.lexicon.qualified.finditer(bio.folded)
    )


_JOINED_QUALIFIER = re.compile(rf"(\w+)\s*{_JOIN}\s*\w+\s+$")


def _joined_qualifier(before: str) -> str:
    """The qualifier joined to the one right before a title ("wedding" in "wedding & travel")."""
    joined = _JOINED_QUALIFIER.search(before)
    return joined.group(1) if joined else ""


def _credit_after_media(bio: BioText, match: re.Match[str]) -> bool:
    """ "A weekly podcast about money. Host & producer.": a sentence of titles alone,
    right after a sentence that describes a podcast or a programme, is the credit for it."""
    stops = [m for m in _SENTENCE_STOP.finditer(bio.folded, 0, match.start())]
    if not stops:
        return False
    start = stops[-1].end()
    stop = _SENTENCE_STOP.search(bio.folded, match.end())
    sentence = bio.folded[start : stop.start() if stop else len(bio.folded)]
    left = bio.lexicon.qualified.sub("", bio.lexicon.press.sub("", sentence))
    if re.search(r"[^\W\d_]", _JOINERS.sub("", left)):
        return False
    opening = bio.folded[stops[-2].end() if len(stops) > 1 else 0 : stops[-1].start()]
    lexicon = bio.lexicon
    return bool(
        lexicon.podcast.search(opening)
        or lexicon.outlet_nouns.search(opening)
        or _PROGRAMME_WORDS.search(opening)
    )


_JOINERS = re.compile(r"(?<![\w])(?:and|und|et|en|y|e|i|og|och|ja)(?![\w])")
_SENTENCE_STOP = re.compile(r"[;|•\n!?]|(?<![\s.][^\W\d_가-힣])(?<![\s.][^\W\d_가-힣]\w)\.(?!\w)")
_CAPITALS_STOP = re.compile(r"(?<=[A-Z]{2})\.(?=\s+[A-Z][a-z])")


def _media_later(bio: BioText, end: int) -> bool:
    """ "Host of Dockside, the podcast on ports", "Moderátorka Českého rozhlasu", "Host
    @harbour_podcast": an outlet noun or a programme word later in the same sentence, or an
    @handle that carries one."""
    stop = _SENTENCE_STOP.search(bio.folded, end)
    after = bio.folded[end : min(stop.start() if stop else len(bio.folded), end + 70)]
    if bio.lexicon.outlet_nouns.search(after) or _PROGRAMME_WORDS.search(after):
        return True
    if bio.lexicon.podcast.search(after) and _TITLE.search(after):
        return True  # 'Host von "Dockside" – dem Podcast über Häfen'
    if _MEDIA_COMPOUND.search(after) or _NEWSLETTER_FORMS.search(after):
        return True
    if _FREQUENCY.search(after):
        return True  # "Presenter, Harbour Radio 97.4": a radio station by its frequency
    title = bio.folded[:end].split()[-1] if bio.folded[:end].split() else ""
    if _TITLE.match(after.lstrip(" ,:")) and not bio.lexicon.book_titles.match(title):
        return True  # 'Présentatrice "Le Midi" sur Canal Nord': the show's name in quotes

    return any(_MEDIA_HANDLE.search(m.group(1).replace("_", " ")) for m in _MENTION.finditer(after))


# An FM frequency (87.5-108.0 MHz) or "FM" itself.
_FREQUENCY = re.compile(
    r"(?<![\w.])(?:8[7-9]|9\d|10[0-8])[.,]\d{1,2}(?!\d)(?:\s*(?:fm|mhz))?|(?<![\w])fm(?![\w])"
    r"|(?<![\w.])(?:[5-9]\d\d|1[0-7]\d\d)\s*(?:am|khz)(?![\w])"  # "1161AM": medium wave
)
_MEDIA_AFTER = re.compile(
    r"\s+(?:de|di|der|du|del|de\s+la|do|da|dos|das|of\s+the|of)\s+(?:\w+\s+)?"
    r"(?:tv|tele|jt|radio|television|televisao|televisio|noticias|noticies|informativos?|informatiu"
    r"|telediario|noticiero|telejornal|jornal|journal|programa|programme|magazine|boletin|news"
    r"|pod[ck]ast\w*|balado)"
)
_PROGRAMME_WORDS = re.compile(
    r"(?<![\w])(?:informativos?|informatiu|telediario|noticiero|telejornal|programa|programme"
    r"|program|show|bulletin|boletin|magazine|radio|tv|tele|jt|television|news|noticias|noticies)"
    r"(?![\w])"
)


# "podcast", "podkast", "podkastas", "podcastu", "podcasten": one word in many languages.
# A title in quotes: "Dockside", „Dockside”, «Dockside».
_TITLE = re.compile(r"[\"“„«‚‹'][^\"“”„«»]{2,40}[\"”“»‘’›']")
_MEDIA_HANDLE = re.compile(
    r"(?<![a-z])(?:podcast|radio|news|tv|fm|zeitung|nachrichten|nieuws|noticias|gazeta|noviny)"
    r"(?![a-z])|podcast|(?:pod|cast|radio|fm|tv|news)$"
)
# A media noun at the end of a compound: "beim Hafenradio", "der Stadtzeitung".
_MEDIA_COMPOUND = re.compile(
    r"(?<=\w)(?:radio|zeitung|fernsehen|rundfunk|podcast|nachrichten|magazin|krant|omroep)(?![\w])"
)
# A newsletter in its inflected forms: "Autor des Newsletters", "auteur de la newsletter".
_NEWSLETTER_FORMS = re.compile(r"(?<![\w])(?:newsletter|nieuwsbrie[fv])\w{0,3}(?![\w])")


def _outlet_in_clause(bio: BioText, title: re.Match[str]) -> str | None:
    """ "Presentadora del informativo económico de @telemadrid": an outlet handle later in the
    same clause, known to the gazetteer or named after a programme word; "Productora de El
    Despertador en CDN 37": an outlet the gazetteer knows by name after the programme."""
    end = title.end()
    clause_end = min((e for s, e in bio.clauses() if e >= end), default=len(bio.folded))
    for mention in _MENTION.finditer(bio.folded, end, clause_end):
        between = bio.folded[end : mention.start()]
        raw_handle = bio.raw[mention.start(1) : mention.end(1)]
        if bio.lexicon.gazetteer.handle(raw_handle) or _PROGRAMME_WORDS.search(between):
            return bio.raw[mention.start() : mention.end()]
    if bio.raw[title.start() - 1 : title.start()] == "-":
        return None  # "Occasional op-eds in the Hindu": a word's end, not a title
    lexicon = bio.lexicon
    for found, outlet in lexicon.gazetteer.names_in(bio.raw[end:clause_end]):
        if len(found.group(0)) <= 4 and found.group(0).isupper():
            continue  # "«reporter» de la vie à PAP": a short capital form may be a place's
        if not _names_clients_or_subjects(lexicon, bio.folded[end : end + found.start()]):
            return outlet.name
    return None


def _names_clients_or_subjects(lexicon: Lexicon, folded: str) -> bool:
    """A client, a beat or a lead that is no outlet's ("clients like", "covering", "work at")."""
    markers = (lexicon.client_markers, lexicon.beat_markers, lexicon.not_outlet_lead)
    return any(m is not None and m.search(folded) for m in markers)


_GAP = re.compile(r"[\s,]*")


def _quoted_outlet_of_kind(bio: BioText, end: int) -> str | None:
    """ "продюсер телеканала «Мир»", "фотограф газеты «Вечерний Душанбе»": the outlet's kind
    right after the title, then its name in quotes."""
    start = _GAP.match(bio.folded, end).end()
    kind = bio.lexicon.outlet_nouns.match(bio.folded, start) or _OUTLET_NOUNS.match(
        bio.folded, start
    )
    name = _QUOTED.match(bio.raw, _GAP.match(bio.raw, kind.end()).end()) if kind else None
    return name.group(1) if name else None


def _outlets_next(bio: BioText, end: int) -> str | None:
    """ "Freelance photographer. Work in The Harbour Times, City FM.": the next sentence names two
    or more outlets the gazetteer knows, and not as clients or subjects."""
    stop = _SENTENCE_STOP.search(bio.folded, end)
    if stop is None or re.search(r"\w", bio.folded[end : stop.start()]):
        return None  # the title's own sentence says more than the title
    following = _SENTENCE_STOP.search(bio.folded, stop.end())
    until = following.start() if following else len(bio.folded)
    folded = bio.folded[stop.end() : until]
    lexicon = bio.lexicon
    if _names_clients_or_subjects(lexicon, folded):
        return None
    named = [outlet for _, outlet in lexicon.gazetteer.names_in(bio.raw[stop.end() : until])]
    return named[0].name if len({o.name for o in named}) >= 2 else None


def _lead_ok(bio: BioText, end: int) -> str | None:
    """The outlet after "writes for" / "producer at", unless it is "for fun", "for hire"..."""
    after = bio.raw[end : end + 40].lstrip(" :")
    folded_after = fold_same_length(after)
    if not after or any(folded_after.startswith(stop) for stop in OUTLET_OBJECT_STOP):
        return None
    outlet = _outlet_after(bio.raw, end) or _gazetteer_name_after(bio, end)
    if outlet and (_names_event(bio, outlet) or _only_a_city(outlet)):
        return None
    return outlet


_QUOTES_AHEAD = re.compile(r"[\s:«“\"„'‘]*")
_BARE_ALEF = str.maketrans("أإآ", "ااا")


def _gazetteer_name_after(bio: BioText, end: int) -> str | None:
    """ "أكتب لـ«العربي الجديد»": an outlet the gazetteer knows, in a script without capitals."""
    start = _QUOTES_AHEAD.match(bio.raw, end).end()
    said = bio.raw[start : start + 80]
    gazetteer = bio.lexicon.gazetteer
    # Arabic writes the alef with or without its hamza: "إندبندنت" is "اندبندنت".
    found = gazetteer.prefix_of(said) or gazetteer.prefix_of(said.translate(_BARE_ALEF))
    if found:
        return found[0].name
    lower = gazetteer.lower_case_prefix_of(said) if bio.raw.islower() else None
    return lower.name if lower else None


def _only_a_city(name: str) -> bool:
    """ "Cosplay & anime Surabaya": a lead word used otherwise, then a city, which no outlet is
    named after alone."""
    from audience.geo import normalize_location

    if name.startswith("@"):
        return False
    place = normalize_location(name)
    return bool(place and place.city) and fold_same_length(place.city) == fold_same_length(name)


_CAPITALISED_RUN = re.compile(rf"\s*((?:[{_UPPER}][\w'’.-]*)(?:\s+[{_UPPER}][\w'’.-]*){{0,2}})")


def _opens_with_a_city(clause: str) -> bool:
    """ "Santo Domingo per un reportage": the capitalised words opening the clause are a city."""
    run = _CAPITALISED_RUN.match(clause)
    return bool(run) and _only_a_city(run.group(1).rstrip("."))


def _named_as_an_event(name: str | None, lexicon: Lexicon) -> bool:
    """A display name that ends on an event's word, perhaps with its year ("… Awards 2019",
    "… Summit '25"), not "Conference News", a trade title about events."""
    events = lexicon.events
    if not name or events is None:
        return False
    folded = _YEAR_AT_END.sub("", fold_same_length(name))
    # "Premios Nacionales de Periodismo": languages that put the noun first open with it; a
    # name that reads as news is a title about events ("Conference News")
    opens = not _NEWSY_NAME.search(folded)
    return any(m.end() == len(folded) or (opens and not m.start()) for m in events.finditer(folded))


_YEAR_AT_END = re.compile(r"[\s'’#-]*(?:(?:19|20)?\d\d)?[\s!.]*$")


def _names_event(bio: BioText, outlet: str) -> bool:
    """ "Host of the Harbour CX Awards": an MC at an event, not a job at an outlet."""
    events = bio.lexicon.events
    return bool(events and events.search(fold_same_length(outlet)))


@lexicon_memo
def press_role(bio_text: str | None, lexicon: Lexicon = DEFAULT_LEXICON) -> PressFinding | None:
    """A journalist, editor, producer... named in the bio as a current job, or None."""
    if not bio_text:
        return None
    bio = _bio_text(bio_text, lexicon)
    for match in bio.current(lexicon.press):
        if _is_plural(lexicon, match):
            if desk := _desk_of_an_outlet(bio, match):
                return PressFinding(bio.raw[match.start() : match.end()], desk, True)
            continue
        if _is_object(bio, match) or _not_a_job(bio, match) or _in_scare_quotes(bio, match):
            continue
        if _credits_someone(bio.raw, match.end(), lexicon.gazetteer):
            # "Editor: Ana Vega." in a bio: a publication crediting its editor
            return PressFinding(bio.raw[match.start() : match.end()], is_outlet_account=True)
        if _shared_non_media(bio, match):
            continue  # "Music producer & editor": the music qualifies both titles
        outlet = _outlet_after(bio.raw, _past_a_rhythm(bio, match.end()))
        if _trap_right_after(bio, match.end()):
            continue  # "Editor-in-chief of the school newspaper": a pupil, not press
        return PressFinding(bio.raw[match.start() : match.end()], outlet)
    for match in bio.current(lexicon.press_no_spaces):
        if not bio.in_trap(match):  # "非记者": not a journalist
            return PressFinding(match.group(0))
    for match in bio.current(lexicon.qualified):
        if _is_object(bio, match) or _non_media(bio, match) or bio.in_trap(match):
            continue
        if _in_scare_quotes(bio, match):
            continue
        if _credits_someone(bio.raw, match.end(), lexicon.gazetteer):  # "Host: Ana Vega."
            return PressFinding(bio.raw[match.start() : match.end()], is_outlet_account=True)
        lead = lexicon.outlet_lead.match(bio.folded, match.start())
        outlet = _lead_ok(bio, lead.end()) if lead else _known_outlet_after(bio, match.end())
        outlet = outlet or _outlet_in_clause(bio, match) or _outlets_next(bio, match.end())
        outlet = outlet or _quoted_outlet_of_kind(bio, match.end())
        outlet = outlet or _podcast_named_next(bio, match)
        if not outlet:
            # "Dep Ed @TradeWeekly", "Photographer @CityDaily": a title written the way a job
            # at an account is written, the @handle right after it.
            after = _outlet_after(bio.raw, match.end())
            outlet = after if after and after.startswith("@") else None
        if outlet and _names_event(bio, outlet):
            continue
        if outlet or _qualified_ok(bio, match):
            return PressFinding(_phrase(bio, match), outlet)
    if found := _outlet_before_trail(bio):
        return found
    for match in bio.current(lexicon.outlet_lead):
        skip = _non_media(bio, match) or bio.in_trap(match) or _company_blog(bio, match)
        skip = skip or _trap_right_after(bio, match.end())
        outlet = None if skip else _lead_ok(bio, match.end())
        if outlet and not (_describes_other_job(bio, match) and not _known_outlet(bio, outlet)):
            return PressFinding(bio.raw[match.start() : match.end()], outlet)
    return None


def _automated(folded: str, lexicon: Lexicon) -> bool:
    return automation_word(folded, lexicon) is not None


def automation_word(folded: str, lexicon: Lexicon = DEFAULT_LEXICON) -> str | None:
    """The words of a bot or a feed about itself, in a folded text; "I'm not a bot", "nem
    vagyok bot" deny them, and "news every hour" is a station's bulletins."""
    if not searched(lexicon.automation, folded):
        return None  # (remembered per text: the most frequent answer)
    denial = lexicon.denial_ending
    rhythms = lexicon.bulletin_rhythms
    on_air = [m.span() for m in rhythms.finditer(folded)] if rhythms else []
    for match in lexicon.automation.finditer(folded):
        if denial is not None and denial.search(folded, 0, match.start()):
            continue
        if not any(start <= match.start() and match.end() <= end for start, end in on_air):
            return match.group(0)
    return None


def _affirmed(text: BioText, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first current match of ``pattern`` that no negation right before it denies ("Não sou
    porta-voz de ninguém": not a spokesman)."""
    denial = text.lexicon.denial_ending
    for match in text.current(pattern):
        if denial is None or not denial.search(text.folded, 0, match.start()):
            return match
    return None


def _verb_only(found: PressFinding, bio: BioText) -> bool:
    """Found by a verb phrase ("I write for"), not a title, and for no outlet the gazetteer
    knows."""
    title = bio.lexicon.press.search(fold_same_length(found.term))
    return title is None and not _known_outlet(bio, found.outlet)


def _describes_other_job(bio: BioText, lead: re.Match[str]) -> bool:
    """ "Analyst covering CCaaS at Acme", "Copywriter. I write posts for CEOs": the verb phrase
    tells what another job does, a job named before it in its clause or anywhere in a bio
    that says it is a job that only looks like press (copywriter, ghostwriter)."""
    start = max((s for s, e in bio.clauses() if s <= lead.start()), default=0)
    before = bio.folded[start : lead.start()]
    if bio.lexicon.non_press_jobs.search(before):
        return True
    pattern = bio.lexicon.not_press
    return bool(pattern and next(bio.current(pattern), None))


def _known_outlet(bio: BioText, outlet: str | None) -> bool:
    if not outlet:
        return False
    gazetteer = bio.lexicon.gazetteer
    found = gazetteer.handle(outlet) if outlet.startswith("@") else gazetteer.name_at(outlet, 0)
    return found is not None


def _studies_journalism(text: BioText) -> bool:
    """ "Journalism student", "studying journalism": a phrase that is not press and says the
    account is studying."""
    lexicon = text.lexicon
    if lexicon.not_press is None or lexicon.study_markers is None:
        return False
    return any(lexicon.study_markers.search(m.group(0)) for m in text.current(lexicon.not_press))


def _outlet_before_trail(bio: BioText) -> PressFinding | None:
    """ "Nagar Times के लिए लिखती हूँ" ("I write for Nagar Times"): the outlet is the few words of the
    clause before the verb phrase."""
    for match in bio.current(bio.lexicon.outlet_trail):
        if bio.in_trap(match):
            continue
        start = max((s for s, e in bio.clauses() if s <= match.start()), default=0)
        words = bio.raw[start : match.start()].split()[-3:]
        # A name: "Nagar Times", "@citypost", "दैनिक जागरण"; not "bu hesap" ("this account").
        if words and not words[-1][0].islower():
            return PressFinding(bio.raw[match.start() : match.end()], " ".join(words))
    return None


_SHORT_WORD = re.compile(r"\s*(?:[^\W\d_]{1,4}(?![\w]))?")


def _trap_right_after(bio: BioText, end: int) -> bool:
    """A phrase that is not press right after the title, past at most two short words
    ("of the", "der"): "Editor of the school paper", "Chefredakteurin der Schülerzeitung"."""
    pattern = bio.lexicon.not_press
    if pattern is None:
        return False
    position = end
    for _ in range(3):
        position = len(bio.folded) - len(bio.folded[position:].lstrip())
        if pattern.match(bio.folded, position):
            return True
        position = _SHORT_WORD.match(bio.folded, position).end()
    return False


def _known_outlet_after(bio: BioText, end: int) -> str | None:
    """ "Producer, Nightly Business Report", "Presenter @BBCRadio4": an outlet right after the
    title that the gazetteer knows or whose name reads as news or a podcast."""
    if programme := _programme_on_a_channel(bio, end):
        return programme
    gazetteer = bio.lexicon.gazetteer
    if bio.raw.islower() and (lower := gazetteer.lower_case_prefix_of(bio.raw[end:].lstrip(" ,"))):
        return lower.name  # "presenter, newstalk."
    outlet = _outlet_after(bio.raw, end)
    if not outlet:
        return None
    if outlet.startswith("@"):
        return outlet if gazetteer.handle(outlet) else None
    folded = fold_same_length(outlet)
    if gazetteer.name_at(outlet, 0) or gazetteer.short_form(outlet) or _NEWSY_NAME.search(folded):
        return outlet
    if gazetteer.told_apart(outlet):
        return outlet  # "Productora de El Nacional": one of the papers of that name
    # "at Harbour weekly": the paper's kind in lower case after its name; "Host, Byte by Byte
    # podcast 🎙️": a name with small words in it, its kind ending the clause
    start = bio.raw.find(outlet, end)
    kind = _NEXT_WORD.match(bio.folded, start + len(outlet))
    if kind and _NEWSY_NAME.fullmatch(kind.group(1)):
        return outlet
    kind = _KIND_ENDING_THE_CLAUSE.match(bio.folded, start + len(outlet))
    if kind and (_NEWSY_NAME.fullmatch(kind.group(1)) or searched(bio.lexicon.podcast, kind[1])):
        return bio.raw[start : kind.end()]
    named_news = searched(bio.lexicon.news_named, folded) or searched(bio.lexicon.podcast, folded)
    return outlet if named_news else None


def _programme_on_a_channel(bio: BioText, end: int) -> str | None:
    """ "Productora de «Pymes en Marcha» (Canal Rural)": a programme's quoted title after the
    title, then the channel it airs on in brackets."""
    quoted = _QUOTED_PROGRAMME.match(bio.raw, end)
    if not quoted:
        return None
    channel = (quoted.group(2) or quoted.group(3)).strip()
    folded = fold_same_length(channel)
    gazetteer = bio.lexicon.gazetteer
    if gazetteer.name_at(channel, 0) or _NEWSY_NAME.search(folded) or _CHANNEL.search(folded):
        return quoted.group(1)
    return None


# The quoted title, then the channel: in brackets, or after "on" ("«Eco Matin» sur CRTV Radio").
_QUOTED_PROGRAMME = re.compile(
    r"\s*(?:de|del|of|da|do|di|von|du|,|:)?\s*[\"“«„]([^\"“”«»„]{2,60})[\"”»“]\s*"
    r"(?:\(([^()]{2,40})\)|(?:on|sur|en|em|su|auf|na|op)\s+([^.,;:|()\n]{2,40}))"
)
_CHANNEL = _word_regex(r"canal|kanal|channel|chaine|cadena|emisora|televisi\w+|televiz\w+|sianel")


def _phrase(bio: BioText, match: re.Match[str]) -> str:
    word = bio.raw[match.start() : match.end()]
    # The qualifier right before the title ("Radio presenter"), not the end of a sentence.
    qualifier = re.search(r"([\w&]+)[ \t]+$", bio.raw[max(0, match.start() - 60) : match.start()])
    return f"{qualifier.group(1)} {word}" if qualifier else word


def _not_a_job(bio: BioText, match: re.Match[str]) -> bool:
    """Editors of code and Wikipedia, "journalist relations" and other false friends."""
    previous = _previous_words(bio.folded, match.start(), 1)
    word = match.group(0)
    if word.startswith("editor") and previous and previous[0] in bio.lexicon.non_media:
        return True
    if bio.in_trap(match) and not _trap_title_at_a_newsroom(bio, match):
        return True
    if _company_blog(bio, match) or _explained_in_the_sentence(bio, match):
        return True
    after = bio.folded[match.end() : match.end() + 20]
    return bool(_FALSE_FRIEND_AFTER.match(after) or _FOR_NOBODY.match(after))


_FALSE_FRIEND_AFTER = re.compile(r"\s+(?:relations|outreach|database|lists?|contacts)\b")
# "Cork correspondent for nobody in particular": a title whose outlet is nobody is a joke.
_FOR_NOBODY = re.compile(r"\s+(?:for|of|at|to)\s+(?:nobody|no one|no-one|no outlet)\b")


def _no_job_at_an_outlet(text: BioText) -> bool:
    """A press word with no outlet in a bio that looks for work or denies being a journalist."""
    lexicon = text.lexicon
    if searched(lexicon.job_seeking, text.folded):
        return not _writes_for_an_outlet(text)
    return bool(lexicon.negated and searched(lexicon.negated, text.folded))


def _writer_for_clients(text: BioText) -> bool:
    """A freelance writer who lists clients ("Clients: …") and no outlet the gazetteer knows."""
    lexicon = text.lexicon
    if lexicon.client_markers is None or not next(text.current(lexicon.freelance), None):
        return False
    listed = any(
        _COLON_NEXT.match(text.folded, marker.end()) or marker.group(0).endswith(":")
        for marker in text.current(lexicon.client_markers)
    )
    return listed and not (_names_an_outlet(text) or _writes_for_an_outlet(text))


def _names_an_outlet(text: BioText) -> bool:
    """An outlet the gazetteer knows, or an @handle, anywhere in the bio."""
    return any(text.lexicon.gazetteer.names_in(text.raw)) or bool(searched(_MENTION, text.folded))


def _not_press_now(text: BioText) -> bool:
    """A phrase of ``not_press`` said of now: "retired journalist", "future reporter" say it
    themselves; "Formerly a press officer, now …" does not."""
    lexicon = text.lexicon
    if not searched(lexicon.not_press, text.folded):  # remembered: other rules ask it too
        return False
    return any(
        (
            not text.is_past(match.start())
            or searched(lexicon.former, match.group(0))
            or searched(lexicon.retired, match.group(0))
        )
        and not _an_outlets_own(text, match)
        and not denied(text.folded, match, lexicon)
        for match in lexicon.not_press.finditer(text.folded)
    )


def _an_outlets_own(text: BioText, match: re.Match[str]) -> bool:
    """ "Newsroom of Galway Bay FM": a company's newsroom is its press office, an outlet's is
    the outlet (the phrase names a kind of outlet, and an outlet the gazetteer knows follows)."""
    return bool(_OUTLET_NOUNS.search(match.group(0))) and _known_outlet_after(
        text, match.end()
    ) is not None


def _hired_writer(text: BioText) -> bool:
    """The bio names a current writing job done for clients (``hired_writers``) and no outlet
    ("Freelance journalist (Delfi, LSM) and sometimes copywriter" names two)."""
    if next(text.current(text.lexicon.hired_writers), None) is None:
        return False
    return not (_names_an_outlet(text) or _writes_for_an_outlet(text))


_COLON_NEXT = re.compile(r"\s*:")


def _writes_for_an_outlet(text: BioText) -> bool:
    """ "Escribo en el Diario del Valle": the bio names an outlet after an outlet lead."""
    leads = text.current(text.lexicon.outlet_lead)
    return any(_lead_ok(text, lead.end()) for lead in leads)


def _occasional_role(text: BioText, term: str) -> bool:
    """ "Guest columnist", "columnist (occasional)": the marker beside the title, not "the
    occasional rant" elsewhere in the bio."""
    at = text.folded.find(fold_same_length(term))
    if at < 0:
        return bool(text.lexicon.occasional.search(text.folded))
    near = text.folded[max(0, at - 30) : at + len(term) + 20]
    return bool(text.lexicon.occasional.search(near))


def _trap_title_at_a_newsroom(bio: BioText, match: re.Match[str]) -> bool:
    """ "Photo editor @ the Harbour Weekly": a phrase that is mostly another job (a photo editor
    retouches pictures) is the newsroom's job when an outlet's name follows it."""
    lexicon = bio.lexicon
    traps = [t for t in lexicon.not_press.finditer(bio.folded)] if lexicon.not_press else []
    ending = [t.group(0) for t in traps if t.end() == match.end()]
    if not ending or any(lexicon.occasional.search(t) for t in ending):
        return False  # "Guest columnist, Harbour Times" stays a guest
    return _known_outlet_after(bio, match.end()) is not None


def _explained_in_the_sentence(bio: BioText, match: re.Match[str]) -> bool:
    """ "Senior correspondent, Acme Bank (correspondent banking)": a phrase that only looks
    like press, later in the same sentence, says what the title's word means here."""
    traps = bio.lexicon.not_press
    if traps is None:
        return False
    stop = _SENTENCE_STOP.search(bio.folded, match.end())
    sentence = bio.folded[match.end() : stop.start() if stop else len(bio.folded)]
    word = match.group(0).split()[-1]
    return any(word in trap.group(0).split() for trap in traps.finditer(sentence))


def _company_blog(bio: BioText, match: re.Match[str]) -> bool:
    """ "Editora del blog de @Brand": a company's own blog is written by its staff."""
    if not match.group(0).startswith(("edit", "redact", "redat")):
        return False
    clause_end = min((e for s, e in bio.clauses() if e >= match.end()), default=len(bio.folded))
    return bool(re.search(r"(?<![\w])blog\w*", bio.folded[match.end() : clause_end]))


def is_parody(
    *texts: str | None,
    lexicon: Lexicon = DEFAULT_LEXICON,
    fans: bool = True,
    disclaimers: bool = True,
) -> bool:
    """Parody, satire, and (unless ``fans`` is False) fan, "unofficial" and (unless
    ``disclaimers`` is False) "not affiliated" accounts."""
    pattern = (lexicon.parody if disclaimers else lexicon.fans) if fans else lexicon.parody_only
    return any(
        _affirmed_marker(pattern, fold_same_length(t), lexicon)
        for t in texts
        if t and searched_folded(pattern, t, fold_same_length)
    )


def _affirmed_marker(pattern: re.Pattern[str], folded: str, lexicon: Lexicon) -> bool:
    """A marker of ``pattern`` the text does not deny ("Pas de la satire gratuite", "Satirical?
    No.", "no press officers in my DMs" deny theirs)."""
    return any(not denied(folded, match, lexicon) for match in pattern.finditer(folded))


def denied(folded: str, match: re.Match[str], lexicon: Lexicon) -> bool:
    """A negation right before the match (articles between: "pas de la satire", "not a"), or a
    "no" answering it as a question ("Satirical? No.")."""
    ending = lexicon.denial_ending
    before = folded[max(0, match.start() - 24) : match.start()]
    for _ in range(3):
        if ending is not None and ending.search(before):
            return True
        before = _ARTICLE_AT_END.sub("", before, count=1)
    answer = ASKED_AND_ANSWERED.match(folded, match.end())
    return bool(answer and answer.group(1) in lexicon.answers_no)


# A short word or an elided article between a negation and what it denies ("de la", "d'").
_ARTICLE_AT_END = re.compile(r"(?<![\w])[^\W\d_]{1,3}(?:\s+|['’])$")


@lru_cache(maxsize=16384)
def organisation_signals(handle: str | None, name: str | None, bio: str | None) -> tuple[int, int]:
    """(organisation score, person score) from the profile's own words."""
    org, person = _bio_signals(bio)
    folded_name = fold_same_length(name)
    if name and searched(_LEGAL_SUFFIX, folded_name):
        org += 2
    handle_key = (handle or "").lower().lstrip("@").split(".")[0].split("@")[0]
    if handle_key.endswith(ORG_HANDLE_SUFFIXES) and any(
        handle_key.endswith(s) and len(handle_key) > len(s) + 2 for s in ORG_HANDLE_SUFFIXES
    ):
        org += 1
    return org, person


@lru_cache(maxsize=16384)
def _bio_signals(bio: str | None) -> tuple[int, int]:
    """The bio's share of :func:`organisation_signals` (worked out once per distinct bio)."""
    folded_bio = fold_same_length(bio)
    org = 2 * len(_ORG_STRONG.findall(folded_bio)) + min(len(_ORG_WEAK.findall(folded_bio)), 1)
    # "i" is English "I" only when written so (in Catalan or Italian it is "and").
    raw_bio = bio or ""
    person = 2 * sum(
        1
        for m in _PERSON_STRONG.finditer(folded_bio)
        if (m.group(0) != "i" or raw_bio[m.start() : m.end()] == "I")
        and not _VIETNAMESE_LETTER.search(raw_bio, m.start(), m.end())
        and not _in_an_address(folded_bio, m)
    )
    weak = _PERSON_WEAK.finditer(folded_bio)
    person += min(
        sum(
            not _VIETNAMESE_LETTER.search(raw_bio, m.start(), m.end())
            and not _in_an_address(folded_bio, m)
            and not _credits_someone(raw_bio, m.end())
            for m in weak
        ),
        2,
    )
    return org, person


# A word that is part of an e-mail address or a domain ("hello@studio.me", "me@acme.com").
_ADDRESS_BEFORE = re.compile(r"\w[.@]")
_ADDRESS_AFTER = re.compile(r"@|\.\w")


def _in_an_address(folded: str, word: re.Match[str]) -> bool:
    start = word.start()
    return bool(
        (start >= 2 and _ADDRESS_BEFORE.match(folded, start - 2))
        or _ADDRESS_AFTER.match(folded, word.end())
    )


# "Director: Ana Vega", a masthead's credit: the job of someone the account names, not its own.
_CREDITED_NAME = re.compile(r"\s*:\s*([^\W\d_]+)\s+([^\W\d_]{2,})")
_CREDIT_ENDS = re.compile(r"\s*(?:[.;|•(\n]|$)")


def _credits_someone(bio: str, end: int, gazetteer: Gazetteer | None = None) -> bool:
    """A job title followed by a person's name that ends the clause: "Director: Ana Vega.", not
    "Editor: Daily Times." nor "toimittajana: Suomen Kuvalehti, Yle Tiede" (the outlets)."""
    credit = _CREDITED_NAME.match(bio, end)
    if credit is None or not (credit[1][0].isupper() and credit[2][0].isupper()):
        return False
    if not _CREDIT_ENDS.match(bio, credit.end()):
        return False
    name = f"{credit[1]} {credit[2]}"
    gazetteer = gazetteer or DEFAULT_LEXICON.gazetteer
    return not (searched(_NEWSY_NAME, fold_same_length(name)) or gazetteer.prefix_of(name))


# Vietnamese words lose their marks in folding and turn into other languages' person words
# ("mỗi sáng", every morning, is not the French "moi").
_VIETNAMESE_LETTER = re.compile("[\u1ea0-\u1ef9ơưđƠƯĐ]")


@lru_cache(maxsize=16384)
def is_organisation(handle: str | None, name: str | None, bio: str | None) -> bool | None:
    """True for an organisation's own account, False for a person, None when unsure."""
    if is_parody(name, bio):
        return None
    org, person = organisation_signals(handle, name, bio)
    if org >= 2 and org > person:
        return True
    if person >= 1 and person >= org:
        return False
    if press_role(bio):
        return False
    return None


def _service_or_edition(rest: str, lexicon: Lexicon, broadcaster: bool = False) -> bool:
    """What follows an outlet's name in a display name makes it the outlet's service in a
    language ("BBC Amharic", "VOA Afaan Oromoo"), its edition in a country ("Forbes
    Armenia"), its own secondary account ("Harbour Times Careers") or, for a broadcaster, its
    station in a city ("Harbour Radio Northtown")."""
    from audience.geo import normalize_location

    rest = rest.strip(" -–—:|·")
    if not rest:
        return False
    words = rest.lower().split()
    if all(word in ORG_HANDLE_SUFFIXES for word in words):
        return True
    languages = lexicon.language_names
    if languages is not None and languages.fullmatch(fold_same_length(rest)):
        return True
    place = normalize_location(rest)
    return bool(place and place.country and (broadcaster or not place.city))


def outlet_account(
    handle: str | None, name: str | None, bio: str | None, lexicon: Lexicon = DEFAULT_LEXICON
) -> PressFinding | None:
    """A news outlet's own account: an organisation that describes itself as one."""
    from audience.press_gate import may_be_outlet  # issue 18: most accounts stop here

    if not may_be_outlet(name, bio, lexicon):
        return None
    if not bio or is_parody(name, bio, lexicon=lexicon, disclaimers=False):
        return None
    org, person = organisation_signals(handle, name, bio)
    text = _bio_text(bio, lexicon)
    if lexicon.house_media and next(text.current(lexicon.house_media), None):
        return None  # "Monthly bulletin for members": a body's own publication, not an outlet
    if _named_as_an_event(name, lexicon):
        return None  # "Harbour CX Awards 2019": its "edition", "programme" are the event's
    if next(text.current(lexicon.press_office), None):
        return None  # "Thirty years in radio, now our bank's spokesman": it speaks to the press
    denials = (lexicon.negated, lexicon.negated_news)
    if any(denied and searched(denied, text.folded) for denied in denials):
        return None  # "Travel blog, not a news site", "Not news: pepper": it says what it is not
    if searched(lexicon.personal_blogs, text.folded):
        return None  # "Personal blog on my shifts: my diary, not a medium": no outlet
    first_clause_end = _self_description_end(text)
    # A company's news, deals or support account says so in its self-description.
    company = searched(_COMPANY_NEWS, text.folded)
    if person > org or (company and company.start() < first_clause_end):
        return None
    newsy_name = bool(searched(_NEWSY_NAME, fold_same_length(name)))
    # A community group or association that shares news is not an outlet by that alone (a
    # community radio is): "Egyptian community in Kuwait" as the name, "городской паблик".
    gathering = next(text.current(lexicon.community), None)
    community = gathering or searched(lexicon.community, fold_same_length(name))
    noun = next((n for n in text.current(_OUTLET_NOUNS) if _self_described(text, n)), None)
    # "Regionale krant.", "The trade magazine for...": the noun opens the self-description.
    opens_bio = noun is not None and noun.start() <= first_clause_end and noun.start() < 40
    only_news = community and noun and lexicon.topic_news.fullmatch(noun.group(0))
    if noun and not only_news and (org >= 1 or newsy_name or (opens_bio and person == 0)):
        return PressFinding(bio[noun.start() : noun.end()], is_outlet_account=True)
    # The language files' nouns (a newsletter, a radio show, a trade title) count when they
    # open the bio of an account that speaks for no company: "Weekly newsletter on retail".
    noun = next((n for n in text.current(lexicon.outlet_nouns) if _self_described(text, n)), None)
    opens_bio = noun is not None and noun.start() <= first_clause_end and noun.start() < 40
    shares_news = community and noun and lexicon.topic_news.fullmatch(noun.group(0))
    ours = noun and searched(_OUR_THING, text.folded[: noun.start()])
    if noun and opens_bio and person == 0 and not ours and not shares_news:
        return PressFinding(bio[noun.start() : noun.end()], is_outlet_account=True)
    if person == 0 and (field := _journalism_tagline(text, lexicon)):
        return PressFinding(field, is_outlet_account=True)
    if person == 0 and (part := _part_of_a_newsroom(text, lexicon)):
        return PressFinding(part, is_outlet_account=True)
    if not other_job(text) and (show := _show_on_an_outlet(text, lexicon)):
        return show
    if person == 0 and not community and (listed := _nouns_only_clause(text, lexicon)):
        return PressFinding(listed, is_outlet_account=True)
    if person == 0 and not community and (said := _news_clause(text, lexicon)):
        return PressFinding(said, is_outlet_account=True)
    podcast = next(text.current(_A_PODCAST), None) or _podcast_opening(text, lexicon)
    if (
        podcast
        and person == 0
        and not _job_besides(text, podcast)
        and not searched(_OUR_THING, text.folded)
    ):
        return PressFinding(bio[podcast.start() : podcast.end()], is_outlet_account=True)
    # "Newsletter every weekday", "New episodes every Monday": published on a rhythm.
    noun = noun or next(text.current(lexicon.episodes), None) or _podcast_itself(text, lexicon)

    own = noun is not None and searched(_OUR_THING, text.folded[: noun.start()])
    # Addressing the reader ("in je inbox", "for you") is no person speaking when the noun
    # opens the bio: a weak person signal is allowed there.
    personal = person > (2 if opens_bio else 0)
    if noun and not personal and not own and searched(lexicon.rhythm, text.folded):
        return PressFinding(bio[noun.start() : noun.end()], is_outlet_account=True)
    # A named podcast: "Harbour Talk – the podcast" as the display name, or the bio opening
    # with its title ("Podcast „Dockside”").
    named = searched(lexicon.podcast, fold_same_length(name)) if name else None
    if named and person == 0 and not searched(_OUR_THING, text.folded):
        return PressFinding(
            name[named.start() : named.end()],
            is_outlet_account=True,
            explanation=f"a podcast's own account (named {name.strip()})",
        )
    titled = next(text.current(lexicon.named_podcast), None)
    if titled and titled.start() < 20 and person == 0 and not other_job(text):
        return PressFinding(bio[titled.start() : titled.end()], is_outlet_account=True)
    bio_word = next(
        (
            m
            for m in text.current(_NEWSY_BIO)
            if not _in_an_address(text.folded, m) and not _in_scare_quotes(text, m)
        ),
        None,
    )  # not "info@city.be", not '"news" in 60 seconds'
    # ("Community page: buy/sell, news shares" is a noticeboard; "Local news & community" not)
    shares = bio_word and gathering and gathering.start() < bio_word.start()
    if bio_word and person == 0 and (newsy_name or org >= 2) and not shares:
        return PressFinding(bio[bio_word.start() : bio_word.end()], is_outlet_account=True)
    # A programme's own account: a broadcast name, on air at set hours ("de 6 a 10h 📻") or
    # on a station the bio names ("Kaya News": "Habari za Kaya FM").
    if newsy_name and person == 0 and (searched(_ON_AIR, bio) or _STATION.search(bio)):
        return PressFinding(name or "", is_outlet_account=True)
    # The display name names the outlet or its newsroom ("Harbour Magazine", "Kurier
    # Redaktion", "Omroep Noord Verkeer"), for an account that speaks for no company.
    not_press = lexicon.not_press
    folded_name = fold_same_length(name)
    press_office = not_press and (
        searched(not_press, text.folded) or searched(not_press, folded_name)
    )
    # "Former photo magazine (2010–2019), archive": an outlet that was, whatever its name says.
    defunct = any(start < 20 for start in text.marker_starts)
    if name and person == 0 and not other_job(text) and not press_office and not defunct:
        noun = searched(_OUTLET_NOUNS, folded_name) or searched(lexicon.outlet_nouns, folded_name)
        if noun and not _inside_a_title(noun, folded_name, lexicon):
            return PressFinding(
                name[noun.start() : noun.end()],
                is_outlet_account=True,
                explanation=f"an outlet's own account (named {name.strip()})",
            )
        station = name.strip() if broadcast_name(name, lexicon) else None
        station = station or (None if community else _opens_with_a_station(text))
        if station:
            return PressFinding(
                station, is_outlet_account=True, explanation=f"a broadcaster ({station})"
            )
    return None


_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")


def _written_again(rest: str) -> bool:
    """The rest of a Latin display name is the name again in another script ("Bourj TV
    Պուրճ", "Radio Salam راديو سلام"): letters, none of them Latin."""
    return not _LATIN_LETTER.search(rest) and any(c.isalpha() for c in rest)


def broadcast_name(name: str | None, lexicon: Lexicon = DEFAULT_LEXICON) -> bool:
    """The whole display name is a station's (``Lexicon.broadcast_name``), perhaps with its
    country or city ("Harbour TV Malawi"), not a fan channel's ("Leeds Fan TV")."""
    found = lexicon.broadcast_name.match(name or "")
    rest = name[found.end() :].strip() if found else ""
    if not found:
        return False
    if rest and not _written_again(rest) and not _service_or_edition(rest, lexicon, True):
        return False
    return not lexicon.audience_words.search(fold_same_length(name))


# What may follow a station's name that opens a bio: the end of that clause.
_CLAUSE_BREAK = re.compile(r"\s*(?:[-–—|.,:;(•·]|$)")


def _opens_with_a_station(text: BioText) -> str | None:
    """ "Spectrum Television — la télé de Douala": the bio opens with a station's name, alone in
    its clause."""
    found = text.lexicon.broadcast_name.match(text.raw)
    if not found or not _CLAUSE_BREAK.match(text.raw, found.end()):
        return None
    if text.lexicon.audience_words.search(text.folded, 0, found.end()):
        return None
    return found.group(0).strip()


@text_memo
def _self_description_end(text: BioText) -> int:
    """Where the account's description of itself ends: the first clause, or the second after
    a slogan of a few words ("The City Station. News and talk radio")."""
    clauses = text.clauses()
    start, end = clauses[0]
    if len(clauses) > 1 and len(text.folded[start:end].split()) <= 4:
        return clauses[1][1]
    return end


# "An environmental podcast from …", "A weekly podcast about ports": a podcast describing itself.
@text_memo
def _podcast_itself(text: BioText, lexicon: Lexicon) -> re.Match[str] | None:
    """The podcast word, unless a host or producer follows it ("Podcast host")."""
    return next((m for m in text.current(lexicon.podcast) if not _host_follows(text, m)), None)


def _host_follows(text: BioText, podcast: re.Match[str]) -> bool:
    """ "Podcast host", "Podcast-Moderatorin": a person's title right after the word."""
    rest = text.folded[podcast.end() :].lstrip(" -–:·|")
    return bool(text.lexicon.qualified.match(rest) or text.lexicon.press.match(rest))


@text_memo
def _podcast_opening(text: BioText, lexicon: Lexicon) -> re.Match[str] | None:
    """ "Podcast · Conversaciones sobre energía", "Podcast de experiencia de cliente": the bio
    opens with the word; "Müşteri deneyimi üzerine Türkçe podcast": the first clause ends with
    it; not "Podcast host", a person."""
    start, end = text.clauses()[0]
    first = text.folded[start:end].rstrip(" .!")
    closing = next((m for m in lexicon.podcast.finditer(first) if m.end() == len(first)), None)
    # One podcast, not "too many podcasts".
    if closing and len(first.split()) <= 8 and not closing.group(0).endswith("s"):
        return closing
    opening = lexicon.podcast.match(text.folded)
    return None if opening is None or _host_follows(text, opening) else opening


def _inside_a_title(noun: re.Match[str], folded_name: str, lexicon: Lexicon) -> bool:
    """ "ข่าว" (news) inside "นักข่าว" (journalist): in a script without spaces an outlet's noun
    may be part of a person's title, and the name is a person's ("สมชาย (อดีตนักข่าว)")."""
    return any(
        m.start() <= noun.start() and noun.end() <= m.end()
        for m in lexicon.press_no_spaces.finditer(folded_name)
    )


# "a podcast", "le podcast", "el pódcast", "der Podcast", "cuenta del podcast": an article
# before the word
_A_PODCAST = re.compile(
    r"(?<![\w])(?:a|an|the|le|un|une|el|il|lo|o|um|uma|der|das|ein|een|het|de|del|du|do|des)\s+"
    r"(?:[\w-]+\s+){0,3}pod[ck]ast(?![\w])"
)


_CONNECTORS = re.compile(r"(?<![\w])(?:and|und|og|och|et|y|e|i|ja|ir|un|a|en)(?![\w])|[\W_]")


def _a_subject_in_a_list(text: BioText, start: int, item_before: tuple[int, int] | None) -> bool:
    """ "Routes, timetables, news": an item after a comma whose item before names no outlet,
    with no outlet noun or outlet name ("Magazine, podcast", "HS, Yle, Kauppalehti" are not)."""
    if item_before is None or not text.folded[:start].rstrip().endswith(","):
        return False
    lexicon, (before_start, before_end) = text.lexicon, item_before
    clause = text.folded[before_start:before_end]
    if lexicon.outlet_nouns.search(clause) or _OUTLET_NOUNS.search(clause):
        return False
    names = lexicon.gazetteer.names
    return not (names and names.search(text.raw, before_start, before_end))


@text_memo
def _nouns_only_clause(text: BioText, lexicon: Lexicon) -> str | None:
    """ "Tidning + nyhetsbrev.", "Magazine & podcast.": a clause of nothing but outlet nouns
    says what the account is."""
    previous = None
    for start, end in text.clauses():
        clause, item_before, previous = text.folded[start:end], previous, (start, end)
        nouns = [*lexicon.outlet_nouns.finditer(clause), *_OUTLET_NOUNS.finditer(clause)]
        if not nouns or _a_subject_in_a_list(text, start, item_before):
            continue
        rest = list(clause)
        for noun in nouns:
            rest[noun.start() : noun.end()] = " " * (noun.end() - noun.start())
        if not _CONNECTORS.sub("", "".join(rest)).strip():
            return text.raw[start:end].strip()
    return None


# Words before an outlet's name that make it someone's workplace: "15 years at the Daily Post".
_WORKPLACE_BEFORE = re.compile(
    r"(?<![\w])(?:at|bij|bei|beim|chez|for|voor|fur|für|per|presso|para|dla|hos|pa|på|för|with"
    r"|met|mit|in|op|en|em|na|no|w|au|à|a)\s+(?:(?:the|het|de|der|die|das|le|la|les|el|il|lo)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$"
)


def _self_described(text: BioText, noun: re.Match[str]) -> bool:
    """An outlet noun the account uses of itself, not a trap and not the workplace named after
    "at" / "bij" ("15 jaar bij het Dagblad")."""
    if text.in_trap(noun):
        return False
    before = text.folded[max(0, noun.start() - 50) : noun.start()]
    if text.lexicon.occasional.search(before[-25:]):
        return False  # "Frequent guest on radio": it appears on the radio, it is not one
    beats = text.lexicon.beat_markers
    if beats and searched(beats, re.split(r"[.!?|\n]", before)[-1]):
        return False  # "I post about the news": the writer's subject
    workplace = _WORKPLACE_BEFORE.search(before)
    return not (workplace and text.raw[noun.start() : noun.start() + 1].isupper())


# an hour of the day ("de 6 a 10h"), not a duration ("delivered in 24h")
_ON_AIR = re.compile(
    r"[📻📺🎙]|(?<![\w])(?:[01]?\d|2[0-3])(?::\d\d)?\s*(?:h|am|pm)(?![\w])"
    r"|(?<![\w])(?:on air|en directo|en directe|ao vivo|en antena|live weekdays)(?![\w])",
    re.IGNORECASE,
)


def _journalism_tagline(text: BioText, lexicon: Lexicon) -> str | None:
    """ "Periodismo feminista desde Guatemala", "Independent journalism from Wales": the field
    opening the bio of an account that speaks for no one, and the place or community it serves
    named in the same clause, is a newsroom's tagline (not "Journalism, coffee", "Periodismo
    ciudadano sin censura", nor a student's or a lecturer's)."""
    field = lexicon.journalism
    opening = field and field.match(text.folded, len(text.folded) - len(text.folded.lstrip()))
    clause = opening and _TAGLINE_CLAUSE.match(text.raw, opening.end())
    if not clause or not any(word[0].isupper() for word in clause.group(0).split()):
        return None
    if other_job(text) or _studies_journalism(text) or searched(lexicon.not_press, text.folded):
        return None
    return _phrase(text, opening)


_DOMAIN_GOES_ON = re.compile(r"[.-][a-z0-9]")
_TAGLINE_CLAUSE = re.compile(rf"[^|•·.,;:!?\n{PICTOGRAPHS}]+")
_OUR_THING = re.compile(r"(?<![\w])(?:our|my|the\s+official|sign\s+up|subscribe)(?![\w])")
_MENTION = re.compile(r"(?<![\w@])@(\w{1,30})")
_MORE_NON_PRESS_JOBS = _words(
    [
        r"engineer\w*",
        r"developer\w*",
        r"designer\w*",
        r"analyst\w*",
        r"specialist\w*",
        r"recruit\w*",
        r"sales",
        r"account\s+(?:executive|manager|director)",
        r"student\w*",
        r"estudiant\w*",
        r"estudante\w*",
        r"etudiant\w*",
        r"studente\w*",
        r"intern",
        r"becari[oa]\w*",
        r"estagiari[oa]\w*",
        r"stagiaire\w*",
        r"praktikant\w*",
        r"catedratic\w*",
        r"profesor\w*",
        r"professor\w*",
        r"profe",
        r"docente",
        r"investigador\w*",
        r"lecturer",
        r"academic",
        r"teacher",
        r"maestr[oa]",
        r"researcher\w*",
        r"officer",
        r"agent",
        r"advocate",
        r"owner",
        r"partner",
        r"lead",
        r"team\s+leader",
        r"supervisor",
        r"copywriter\w*",
        r"ghostwriter\w*",
        r"accountant",
        r"lawyer",
        r"solicitor",
        r"nurse",
        r"doctor",
    ]
)


def _main_other_job(bio: BioText) -> bool:
    """Another current job that is not itself a guest or visiting role ("Prof invité", "visiting
    lecturer" is the side job of a columnist)."""
    for match in bio.current(bio.lexicon.non_press_jobs):
        around = bio.folded[max(0, match.start() - 12) : match.end() + 12]
        if not bio.lexicon.occasional.search(around):
            return True
    return False


def _job_besides(bio: BioText, subject_of: re.Match[str]) -> bool:
    """A current job that is not press outside the clause that names a podcast or show: in
    "The podcast of customer service" the job's words are its subject."""
    start, end = next(
        ((s, e) for s, e in bio.clauses() if s <= subject_of.start() < e), (0, len(bio.folded))
    )
    return any(not start <= job.start() < end for job in bio.current(bio.lexicon.non_press_jobs))


@text_memo
def other_job(bio: BioText) -> bool:
    """The bio names a current job that is not press (Head of CX, PR manager, engineer), not
    as a word of a title that may be press ("freier Mitarbeiter": a freelance contributor)."""
    titles = [m.span() for m in bio.current(bio.lexicon.qualified)]
    return any(
        not any(start <= job.start() < end for start, end in titles)
        and not _DOMAIN_GOES_ON.match(bio.folded, job.end())  # "dev.ua" is an address
        for job in bio.current(bio.lexicon.non_press_jobs)
    )


_DOMAIN_GOES_ON = re.compile(r"\.[^\W\d_]")


def press_evidence(
    handle: str | None,
    name: str | None,
    bio: str | None,
    website: str | None = None,
    lexicon: Lexicon = DEFAULT_LEXICON,
) -> PressFinding | None:
    """Everything that says an account is press, strongest first: a press job in the bio or
    the name, a former journalist now freelance, an outlet's own account (from the gazetteer
    or its own words), then an outlet's website or @handle in a short bio. Findings with
    ``strong=False`` sit below the segment line."""
    from audience.press_gate import may_be_press  # issue 18: most accounts stop here

    if not may_be_press(handle, name, bio, website, lexicon):
        return None
    if is_parody(name, bio, lexicon=lexicon, disclaimers=False):
        return None
    text = _bio_text(bio, lexicon)
    if _automated(text.folded, lexicon) or _automated(fold_same_length(name), lexicon):
        return None  # bots that repost headlines are not press
    found = press_role(bio, lexicon)
    follow_back = lexicon.follow_back
    # "Síguenos y te seguimos": a follow-for-follow account, whatever its name; but a
    # journalist who names the outlet stays one ("Reporter, Acme News. I follow back").
    if (
        follow_back
        and (searched(follow_back, text.folded) or searched(follow_back, fold_same_length(name)))
        and not (found and found.strong and (found.outlet or _writes_for_an_outlet(text)))
    ):
        return None
    if found is None and (found := _name_role(name, lexicon)) and (
        searched(lexicon.not_press, text.folded) or _named_as_an_event(name, lexicon)
    ):
        # "Lotérica e Correspondente" named, "Correspondente bancário" in the bio; a prize for
        # young journalists named after them
        found = None
    if found and _verb_only(found, text) and searched(lexicon.not_press, fold_same_length(name)):
        return None  # "Nada | Ghostwriter": "I write posts for CEOs" is that job
    scam = lexicon.scam_markers
    if found and not found.outlet and scam and searched(scam, text.folded):
        return None  # "Periodista digital… Ganancias garantizadas": bait dressed as press
    if found and lexicon.house_media and next(text.current(lexicon.house_media), None):
        return None  # "Redaktorin, das Kundenmagazin von Acme": Acme's staff
    if found and not found.outlet and searched(lexicon.personal_blogs, text.folded):
        return None  # "Editor-in-chief (of myself). Personal travel blog": no outlet
    if found and not found.outlet and _no_job_at_an_outlet(text):
        return None  # "Journalist. Looking for work", "Comunicador. No soy periodista"
    if found and not found.outlet and _affirmed(text, lexicon.press_office):
        return None  # "Periodista | Jefa de prensa, Seremi": a journalist by training
    if found and not found.outlet and _writer_for_clients(text):
        return None  # "Redactora freelance: webs, fichas. Clientes: …": a copywriter
    if found and not (found.outlet or found.is_outlet_account) and _hired_writer(text):
        return None  # "Rédactrice web & ghostwriter": the title is that job's
    if found and _studies_journalism(text) and not _known_outlet(text, found.outlet):
        return None  # "Journalism student, editor of the campus paper": students are not press
    if found:
        # "Columnista ocasional" with a day job elsewhere: not the segment, a second look; a
        # regular column at a named outlet ("Columnist, NST. Lecturer") is a job at an outlet.
        column = COLUMN.search(fold_same_length(found.term)) and not found.outlet
        if (_occasional_role(text, found.term) or column) and _main_other_job(text):
            return replace(found, strong=False)
        return found
    if found := _freelance_now(text) or _freelance_for_outlets(text):
        return found
    if lexicon.not_press and (
        _not_press_now(text) or searched(lexicon.not_press, fold_same_length(name))
    ):
        return None  # a press office, a press officer: they speak to the press
    gazetteer = lexicon.gazetteer
    own = gazetteer.handle(handle)
    if own and (
        _another_kind(handle, name, text, gazetteer)
        or _someone_working_elsewhere(handle, name, text)
    ):
        own = None
    if own and own.kind not in PLATFORM_KINDS:
        return PressFinding(own.name, own.name, True, explanation=f"the account of {own.name}")
    if name and (named := gazetteer.prefix_of(name.strip())):
        outlet, end = named
        if outlet.name == name.strip():
            return PressFinding(outlet.name, outlet.name, True, explanation=f"named {outlet.name}")
        rest = name.strip()[end:]
        broadcaster = outlet.kind == "broadcast"
        if _service_or_edition(rest, lexicon, broadcaster) and not _another_kind(
            handle, name, text, gazetteer
        ):
            return PressFinding(outlet.name, outlet.name, True, explanation=f"named {name.strip()}")
    # "Confidencial" on the site of "Confidencial (Nicaragua)": that outlet's own account
    site = gazetteer.domain(_host(website)) if name and website else None
    if site and gazetteer.without_bracket(site.name) == " ".join(name.split()):
        return PressFinding(site.name, site.name, True, explanation=f"named {name.strip()}")
    if found := outlet_account(handle, name, bio, lexicon):
        if scam and searched(scam, text.folded):
            return None  # "Real news the media hide. Share before they delete it!": bait
        if _fan_news(text, lexicon, found, name) or lexicon.audience_name.match(
            fold_same_length(name)
        ):
            return None  # a fan's aggregator ("Film star news & gossip"), a reader ("Fã do X")
        return found
    if _named_as_an_event(name, lexicon):
        return None  # "Acme Forums" on the outlet's site, by @acme: its events arm organises
    busy = other_job(text)
    for link in [website, *(m.group(0) for m in text.current(_LINK))]:
        if found := _outlet_website(link, text, gazetteer, busy):
            return found
    if found := _outlet_mention(text, gazetteer, busy) or _outlet_clause(text, gazetteer, busy):
        return found
    # "Sam Tan | @harbourpost": the outlet's handle in the display name.
    named = _bio_text(name, lexicon) if name and "@" in name else None
    if named and (found := _outlet_mention(named, gazetteer, busy)):
        return found
    if found := _author_page(website, busy):
        return found
    if found := _title_at_own_site(text, website) or _title_and_known_outlet(text):
        return found
    if found := on_air_slot(text) or title_at_station(text):
        return found
    if not searched(lexicon.media_hints, text.folded):
        return None
    for match in text.current(lexicon.qualified):
        if not (_is_object(text, match) or _non_media(text, match) or text.in_trap(match)):
            return PressFinding(_phrase(text, match), strong=False)
    return None


_LINK = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s]*)?")
# A broadcast station by its name ("Kaya FM", "Radio Sibiu", "Rádio Clube") and the hour a show
# is on ("18:00", "6-9am", "21h30").
_STATION = re.compile(
    rf"(?<![\w@.])(?:{_CAPITALISED}\s+){{1,3}}(?:FM|TV)(?![\w])|(?<![\w@])R[aá]di[oa]\s+{_CAPITALISED}"
    r"|(?<![\w@])(?:Canal|Channel|Kanal|Antena)\s+\d{1,2}(?![\w])"
    # "ТВ «Бахор»", "«Варзиш ТВ»": a channel's quoted name with its kind
    r"|(?<![\w@])(?:TV|ТВ|Radio|Радио)\s+[«„“\"][^\W\d_]"
    r"|[«„“\"][^\W\d_][^»”\"\n]{0,30}\s(?:TV|ТВ|FM)[»”\"]"
)
_SLOT_HOUR = re.compile(
    r"(?<![\w:.,])(?:\d{1,2}[:h]\d\d|\d{1,2}(?::\d\d|h)?\s*[-–]\s*\d{1,2}(?::\d\d)?\s*(?:h|am|pm))"
    r"(?![\w:.,]\d)"
)


@text_memo
def title_at_station(text: BioText) -> PressFinding | None:
    """ "Presentador, Canal 13 Mérida", "Producer, Coast FM": a title that needs an outlet, and
    a broadcast station named in the same sentence."""
    for title in text.current(text.lexicon.qualified):
        if text.in_trap(title) or _non_media(text, title) or _is_object(text, title):
            continue
        sentence_end = _SENTENCE_STOP.search(text.raw, title.end())
        end = sentence_end.start() if sentence_end else len(text.raw)
        opening = text.lexicon.station_opening
        if station := _STATION.search(text.raw, title.end(), end) or opening.search(
            text.raw, title.end(), end
        ):
            return PressFinding(_phrase(text, title), station.group(0))
    return None


@text_memo
def on_air_slot(text: BioText) -> PressFinding | None:
    """ "Madi a Rona, Mafikeng Community FM, weekdays 18:00": a station and the hour a show is on
    name its presenter, in whatever language the role word is written."""
    stations = _STATION.finditer(text.raw)
    station = next((m for m in stations if not (text.in_trap(m) or text.is_past(m.start()))), None)
    if station is None or not _SLOT_HOUR.search(text.raw, station.end()) or other_job(text):
        return None
    name = station.group(0)
    return PressFinding(name, name, explanation=f"on air on {name} at set hours")


# A column is a side role when the bio gives another current job (a professor's column).
COLUMN = re.compile(
    r"col[uo]mn|kolum|колум|колонк|felieton|komentator|chroniqueu|editorialist|opinionist"
)


def _another_kind(handle: str | None, name: str | None, text: BioText, gazetteer: Any) -> bool:
    """A handle that only starts like an outlet's (@guardian_hospice for the Guardian) on an
    account that says it is another kind of organisation: a church, a foundation, a chamber."""
    if _outlets_own_handle(handle, gazetteer):
        return False
    lexicon = text.lexicon
    words = " ".join(re.split(r"[_\d]+", (handle or "").lower()))
    said = [words, fold_same_length(name), text.folded]
    if any(
        k is not None and searched(k, t) for k in (lexicon.community, lexicon.bodies) for t in said
    ):
        return True
    # "Thaba village", "Acme Hotel" in a bio may be anyone's; in the handle or name, the account's.
    return lexicon.other_kinds is not None and any(
        searched(lexicon.other_kinds, t) for t in said[:2]
    )


def _outlets_own_handle(handle: str | None, gazetteer: Any) -> bool:
    return (handle or "").lower().lstrip("@") in gazetteer.by_handle


def _someone_working_elsewhere(handle: str | None, name: str | None, text: BioText) -> bool:
    """A person whose handle only starts like an outlet's (@outlet_former) and whose bio gives
    a job elsewhere now: the handle remembers a past job, it is not the outlet's account."""
    if _outlets_own_handle(handle, text.lexicon.gazetteer):
        return False
    org, person = organisation_signals(handle, name, text.raw)
    return person > org and other_job(text)


def _name_role(name: str | None, lexicon: Lexicon) -> PressFinding | None:
    found = press_role(name, lexicon)
    if found and _verb_only(found, _bio_text(name, lexicon)):
        return None  # "Giza Hosting Support": a verb in a name is a business's trade
    if found and _opens_a_company_name(name or "", found, lexicon):
        return None  # "Anchor Shipping Tema", "Editor Tools Ltd": the title word is a name's
    if found and any(found.term in quoted for quoted in _QUOTED.findall(name or "")):
        return None  # 'Ketsia "La Reporter"': a nickname in quotes
    gloss = _GLOSS_ENDING.search(name or "")
    kinds = lexicon.other_kinds
    if found and gloss and kinds and searched(kinds, fold_same_length(gloss.group(1))):
        return None  # "Corresponsal de Guerra (novela)": a book's, a band's, a hotel's name
    if found and found.outlet is None:
        return replace(found, explanation=f'journalist ("{found.term}" in name)')
    return found


_QUOTED = re.compile(r"[\"“«„]([^\"”»“]{1,40})[\"”»“]")
_GLOSS_ENDING = re.compile(r"\(([^()]{1,30})\)\s*$")


def _opens_a_company_name(name: str, found: PressFinding, lexicon: Lexicon) -> bool:
    """The title is the first word of the display name and capitalised words follow it with no
    separator ("Anchor Shipping Tema"), not an outlet the gazetteer knows ("Editor BBC")."""
    if not name.startswith(found.term) or not found.outlet:
        return False
    if not re.match(r"\s+[A-Z]", name[len(found.term) :]):
        return False
    gazetteer = lexicon.gazetteer
    known = gazetteer.handle(found.outlet) if found.outlet.startswith("@") else None
    return not (known or gazetteer.name_at(found.outlet, 0))


@text_memo
def _freelance_now(text: BioText) -> PressFinding | None:
    """ "Former FT reporter, now freelance": the current role decides."""
    lexicon = text.lexicon
    if not text._past:
        return None  # nothing said of the past, so no former press job
    past = [m for m in lexicon.press.finditer(text.folded) if text.is_past(m.start())]
    if not past or other_job(text):
        return None
    for match in text.current(lexicon.freelance):
        term = text.raw[match.start() : match.end()]
        was = text.raw[past[0].start() : past[0].end()]
        return PressFinding(term, explanation=f'freelance journalist ("{term}", formerly {was})')
    return None


@text_memo
def _title_and_known_outlet(text: BioText) -> PressFinding | None:
    """ "BBC Afrique. Productrice multimédia.": a title that needs an outlet, and an outlet the
    gazetteer knows named as the current job elsewhere in the bio."""
    if other_job(text):
        return None
    titles = (
        m
        for m in text.current(text.lexicon.qualified)
        if not (_is_object(text, m) or _non_media(text, m) or text.in_trap(m))
        and not _in_scare_quotes(text, m)
    )
    match = next(titles, None)
    if match is None:
        return None
    current = "".join(" " if text.is_past(i) else c for i, c in enumerate(text.raw))
    if outlet := _named_outlet(current, text.lexicon):
        title = _phrase(text, match)
        return PressFinding(title, outlet, explanation=f"{title} ({outlet})")
    return None


def _title_at_own_site(text: BioText, website: str | None) -> PressFinding | None:
    """ "Aviation writer, Harbour Ledger." with a website on harbourledger.example: the name
    after the title is the outlet whose site the account links to."""
    host = _host(website)
    if not host or host in GENERIC_HOSTS:
        return None
    squashed_host = re.sub(r"[^a-z0-9]", "", host)
    for match in text.current(text.lexicon.qualified):
        if _is_object(text, match) or _non_media(text, match) or text.in_trap(match):
            continue
        outlet = _outlet_after(text.raw, match.end())
        key = re.sub(r"[^a-z0-9]", "", fold_same_length(outlet or ""))
        if outlet and not outlet.startswith("@") and len(key) >= 4 and key in squashed_host:
            title = _phrase(text, match)
            return PressFinding(title, outlet, explanation=f"{title}, {outlet} ({host})")
    return None


@text_memo
def _freelance_for_outlets(text: BioText) -> PressFinding | None:
    """ "Now freelance: Reuters, Le Monde", "Freelance photographer. El País, Reuters.": a
    current freelancer naming the outlets they work for, by name or @handle, in the same
    sentence or the next."""
    lexicon = text.lexicon
    if other_job(text):
        return None
    for match in text.current(lexicon.freelance):
        end = match.end()
        for _ in range(2):
            stop = _SENTENCE_STOP.search(text.raw, end)
            end = stop.end() if stop else len(text.raw)
        after = text.raw[match.end() : end]
        outlet = _named_outlet(after, lexicon) or _portfolio(text, match.end(), end)
        if outlet:
            term = text.raw[match.start() : match.end()]
            return PressFinding(term, outlet, explanation=f"freelance for {outlet}")
    return None


# One capitalised name of a list ("The Valley Post, "), up to four words.
_LISTED_NAME = re.compile(
    r"\s*((?:the\s+)?[A-Z@][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})\s*(?:,|and|&|$|\.)"
)


def _portfolio(text: BioText, start: int, end: int) -> str | None:
    """ "Freelance photographer. Work in Harbour Times, The Post, Te Ao.": after a freelance
    media title, a lead (``portfolio_leads``) and a list of two or more names: the outlets the
    work appears in, known to the gazetteer or not."""
    lexicon = text.lexicon
    title = lexicon.qualified.search(text.folded, start, end) or lexicon.press.search(
        text.folded, start, end
    )
    lead = lexicon.portfolio_leads and lexicon.portfolio_leads.search(text.folded, start, end)
    if not (title and lead) or _non_media(text, title) or lead.start() < title.start():
        return None
    names, position = [], lead.end()
    while (found := _LISTED_NAME.match(text.raw, position, end)) and len(names) < 6:
        names.append(found.group(1))
        position = found.end()
    return names[0] if len(names) >= 2 else None


def _named_outlet(text: str, lexicon: Lexicon) -> str | None:
    """The first outlet named in ``text`` by the gazetteer, as a name or an @handle, unless a
    phrase like "as featured in" or a client marker comes before it."""
    gazetteer = lexicon.gazetteer
    found = [(m.start(), o.name) for m, o in gazetteer.names_in(text)]
    found += [
        (m.start(), m.group(0))
        for m in _MENTION.finditer(text)
        if (o := gazetteer.handle(m.group(1))) and o.kind not in PLATFORM_KINDS
    ]
    for start, outlet in sorted(found):
        before = fold_same_length(text[:start])
        if lexicon.not_outlet_lead.search(before):
            return None
        if lexicon.client_markers and lexicon.client_markers.search(before):
            return None
        return outlet
    return None


def _outlet_website(
    website: str | None, text: BioText, gazetteer: Gazetteer, busy: bool
) -> PressFinding | None:
    host = _host(website)
    outlet = gazetteer.domain(host)
    if outlet is None:
        return None
    if outlet.kind == "portfolio":
        return PressFinding(host, explanation=f"journalist's portfolio on {host}")
    if outlet.kind == "learned" and next(text.current(text.lexicon.community), None):
        return None  # a network whose podcast lives on its site is not an outlet for that
    if outlet.kind == "newsletter":
        if text.lexicon.newsletter_words.search(text.folded):
            # "I write a weekly newsletter… Also: lawyer": the newsletter is an outlet of its
            # own whatever the day job (which may give the account a second segment).
            return PressFinding(host, explanation=f"writes a newsletter ({host})")
        return None
    return PressFinding(
        host, outlet.name, strong=not busy, explanation=f"website on {host} ({outlet.name})"
    )


@text_memo
def _news_clause(text: BioText, lexicon: Lexicon) -> str | None:
    """ "Business news.", "IBC Tamil – Swiss news.", "News for the Serbian community in
    Switzerland.": one of the first two clauses is news, and says nothing else."""
    for start, end in text.clauses()[:2]:
        clause = text.folded[start:end].strip()
        if text.is_past(start) or lexicon.press.search(clause) or lexicon.qualified.search(clause):
            return None
        topic = lexicon.topic_news.fullmatch(clause)
        if topic and lexicon.beat_markers and searched(lexicon.beat_markers, clause):
            topic = None  # "I post about the news": the writer's subject, not an outlet's name
        if topic or lexicon.news_first.fullmatch(clause) or _NEWS_FOR.fullmatch(clause):
            return text.raw[start:end].strip()
    return None


# "Digital news for young Freedonia", "Local news from the valley", "Environmental news across
# the region": a kind of news and whom or where it is for.
_NEWS_FOR = re.compile(
    r"(?:[^\W\d_][\w-]*\s+){1,2}news\s+(?:for|from|about|across|in|on|of)\s+(?:\S+\s*){1,4}"
)


@text_memo
def _outlet_clause(text: BioText, gazetteer: Gazetteer, busy: bool) -> PressFinding | None:
    """ "RTS. Compte privé.": a clause that is an outlet's brand name, written as the brand
    writes it (an ordinary word that names an outlet, "Metro.", is not enough)."""
    for start, end in text.clauses():
        clause = text.raw[start:end].strip(" .:'\"")
        opens = not text.raw[:start].strip() or text.raw[:start].rstrip()[-1] in ".|•\n"
        # "Reuters, Manila.": the outlet, then only the city it works from
        where = re.match(r",\s*([^,.;|\n]+?)\s*(?:[.;|\n]|$)", text.raw[end:])
        located = where is not None and _only_a_city(where.group(1))
        if not clause or not opens or text.is_past(start) or not (_brand_like(clause) or located):
            continue  # not "Ex-reporter (Les Affaires, 8 years)"
        if text.lexicon.non_press_jobs.fullmatch(text.folded[start:end].strip(" .:'\"")):
            continue  # "CIO." is a job before it is a magazine
        outlet = gazetteer.name_at(clause, 0)
        if outlet and outlet.kind not in PLATFORM_KINDS and _outlet_or_section(clause, gazetteer):
            return PressFinding(
                clause, clause, strong=not busy, explanation=f"names outlet {clause}"
            )
    return None


_LETTER = re.compile(r"[^\W\d_]")


def _fan_news(
    text: BioText, lexicon: Lexicon, found: PressFinding, name: str | None = None
) -> bool:
    """News about a team, a league, a sport or show business (``fan_subjects``) from an account
    that calls itself news and nothing more (not a radio, a paper, a channel) and names no
    outlet behind it: a fan's aggregator. An outlet's sports desk says whose it is ("By the
    Harbour Times": ``parent_leads``), and a sports title the gazetteer knows is found first."""
    subjects = lexicon.fan_subjects
    folded_name = fold_same_length(name)
    if subjects is None or not (searched(subjects, text.folded) or searched(subjects, folded_name)):
        return False
    if broadcast_name(name, lexicon) or _STATION.match(text.raw):
        return False  # "Rádio Zambeze FM": a station's news, sport and music
    # "Cricket Daily" as the name, "scores and news every day" as the bio: the name was the
    # evidence.
    named = bool(name) and found.term in name and searched(lexicon.topic_news, text.folded)
    term = fold_same_length(found.term)
    news = any(not _LETTER.match(term, m.end()) for m in lexicon.topic_news.finditer(term))
    if not (named or news):  # "news", not "newspaper"
        return False  # "Community radio. News, music and football": a radio
    if _names_its_parent(text):
        return False
    return _named_outlet(text.raw, lexicon) is None and not next(text.current(_MENTION), None)


# "on", "sa", "en", "auf"...: where a programme airs (grammar, not vocabulary)
_ON_AIR_AT = re.compile(r"(?<![\w])(?:on|sa|en|em|su|auf|de|da|di)\s+")
_CHANNEL_INITIALS = re.compile(r"[A-Z][A-Z0-9]{1,4}(?![\w@])")


def _show_on_an_outlet(text: BioText, lexicon: Lexicon) -> PressFinding | None:
    """ "Travel show. Sundays on GMA News TV": a programme's own account, its self-description
    a show (``programme_words``), then the broadcaster the gazetteer knows or a station."""
    show = searched(lexicon.programmes, text.folded) if lexicon.programmes else None
    if show is None or show.start() > 40:
        return None
    on_air = searched(_ON_AIR, text.raw)
    for on in _ON_AIR_AT.finditer(text.folded, show.end(), show.end() + 60):
        outlet = lexicon.gazetteer.name_at(text.raw, on.end())
        station = None if outlet else _STATION.match(text.raw, on.end())
        # "Consumer show on KTV. Tuesdays 8pm": a channel's initials, with air times
        station = station or (on_air and _CHANNEL_INITIALS.match(text.raw, on.end()))
        if outlet or station:
            named = outlet.name if outlet else station.group(0)
            term = text.raw[show.start() : show.end()]
            return PressFinding(term, named, True, explanation=f"a programme on {named}")
    return None


def _part_of_a_newsroom(text: BioText, lexicon: Lexicon) -> str | None:
    """ "Data desk. Part of the Harbour Times newsroom", "Bagian dari redaksi X": a desk that
    says it belongs to an outlet, a parent lead and an outlet noun together."""
    leads = lexicon.parent_leads
    for lead in text.current(leads) if leads else ():
        window = text.folded[lead.end() : lead.end() + 60]
        noun = lexicon.outlet_nouns.search(window)
        if noun and not re.search(r"[.;|!?\n]", window[: noun.start()]):
            return text.raw[lead.start() : lead.end() + noun.end()]
    return None


def _names_its_parent(text: BioText) -> bool:
    """ "Part of the Harbour Times", "a service of harbourtimes.com": a name or a website after
    one of the ``parent_leads``."""
    leads = text.lexicon.parent_leads
    found = leads.search(text.folded) if leads else None
    after = text.raw[found.end() :].lstrip() if found else ""
    return after[:1].isupper() or bool(_LINK.match(after))


def _outlet_or_section(clause: str, gazetteer: Gazetteer) -> bool:
    """The clause is the outlet's name as written, or the name and a section of one or two
    capitalised words ("HS Visio", "Financial Times Weekend")."""
    said = gazetteer.names.match(clause) if gazetteer.names else None
    if said is None:
        return False
    rest = clause[said.end() :].split()
    if rest and not _brand_like(said.group(0)):
        return False  # "Building Stark": an ordinary word that names a trade title, then a name
    return len(rest) <= 2 and all(word[:1].isupper() for word in rest)


def _brand_like(name: str) -> bool:
    return len(name.split()) > 1 or bool(re.search(r".[A-Z0-9]", name))


@text_memo
def _outlet_mention(text: BioText, gazetteer: Gazetteer, busy: bool) -> PressFinding | None:
    """An outlet's @handle in the bio, as a current job: not "as featured in", not past."""
    for match in text.current(_MENTION):
        outlet = gazetteer.handle(text.raw[match.start(1) : match.end(1)])
        if outlet is not None and outlet.kind in PLATFORM_KINDS:
            continue
        handle = text.raw[match.start() + 1 : match.end()]
        newsroom = _newsroom_handle(handle, text.lexicon) or _NEWS_EMOJI.search(
            text.raw[max(0, match.start() - 3) : match.start()]
        )
        if outlet is None and not newsroom:
            continue
        name = outlet.name if outlet else "a newsroom's handle"
        clause_start = max((s for s, e in text.clauses() if s <= match.start()), default=0)
        before = text.folded[clause_start : match.start()]
        if text.lexicon.not_outlet_lead.search(before):
            continue
        lexicon = text.lexicon
        if lexicon.audience_after.match(text.folded, match.end()) or lexicon.audience_before.search(
            before
        ):
            continue  # "@Outlet fan", "listening to @Outlet": the audience, not the staff
        mention = text.raw[match.start() : match.end()]
        return PressFinding(
            mention, mention, strong=not busy, explanation=f"names outlet {mention} ({name})"
        )
    return None


# "📰 @elnorte_tco": the news emoji right before a handle names that handle a newsroom.
_NEWS_EMOJI = re.compile("[📰🗞🎙📻📺]")


def _newsroom_handle(handle: str, lexicon: Lexicon) -> bool:
    """ "@NordQuotidien", "@AgenceSud", "@city_news": a handle whose words name a newsroom."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", handle.replace("_", " "))
    return any(word.lower() in lexicon.newsroom_words for word in words)


# An outlet's audience: its fans, listeners, readers and subscribers, in several languages.


# An author page on a news site, in several languages: /author/, /autor/, /auteur/, /autore/.
AUTHOR_PATH = re.compile(
    r"/(?:authors?|autor|autoren|autorzy|autorka|auteurs?|autore|autori|autores|journalists?"
    r"|journalisten|redakteur\w*|redacteur\w*|reporters?|columnists?|kolumnist\w*|byline|penulis"
    r"|wartawan|kontributor|tac-gia|phong-vien|yazar|yazarlar|muhabir|kirjoittaja|toimittaja"
    r"|skribent|forfatter|periodistas?|giornalist[ai]|jornalistas?|redaktorzy|dziennikarz\w*"
    r"|novinar\w*|journalist\w*)(?:/|$)",
    re.I,
)


def _author_page(website: str | None, busy: bool) -> PressFinding | None:
    """A website that is an author page ("site.de/autor/jo-bloggs"), not on a company blog or
    a platform: the outlet's writer. Someone with another job: below the line."""
    if not website or not AUTHOR_PATH.search(website) or re.search(r"/blogs?/", website, re.I):
        return None
    host = _host(website)
    if not host or host in GENERIC_HOSTS:
        return None
    return PressFinding(host, host, strong=not busy, explanation=f"author page on {host}")


def _host(website: str | None) -> str | None:
    if not website:
        return None
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", website.strip().lower())
    return re.split(r"[/?#:\s]", value, maxsplit=1)[0].removeprefix("www.") or None


# ---- organisation names -----------------------------------------------------------------------


@lru_cache(maxsize=65536)
def organisation_key(name: str, legal_form: bool = False) -> str:
    """ "Rival Contact Ltd." -> "rival contact": what a bio or handle is likely to say (with
    ``legal_form``, "rival contact ltd": the name as written in full)."""
    folded = fold_same_length(name).strip()
    core = folded if legal_form else _LEGAL_SUFFIX.sub("", folded).strip(" ,.")
    return " ".join(_NOT_IN_A_NAME.sub(" ", core or folded).split())


_NOT_IN_A_NAME = re.compile(rf"(?:(?![{WORD_MARKS}])[^\w&]|\u0640)+")


def organisation_pattern(name: str) -> re.Pattern[str] | None:
    """A regex finding the organisation in folded text: its name, or ``@squashedname``."""
    key = organisation_key(name)
    if not key:
        return None
    words = r"[\s.-]*".join(re.escape(part) for part in key.split())
    squashed = re.escape(key.replace(" ", "").replace("&", ""))
    mention = rf"|@{squashed}\w*" if len(squashed) >= 4 else ""
    return re.compile(rf"(?<![\w@])(?:{words})(?![\w])(?!\.\w){mention}")


def handle_belongs_to(handle: str | None, name: str) -> bool:
    """``@rivalcontactsupport`` belongs to "Rival Contact Ltd" (needs 5+ letters of name)."""
    squashed = organisation_key(name).replace(" ", "").replace("&", "")
    key = (handle or "").lower().lstrip("@").split(".")[0].split("@")[0].replace("_", "")
    return len(squashed) >= 5 and key.startswith(squashed)


_bio_text = bio_text
