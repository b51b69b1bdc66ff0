"""Name, organisation and display-name normalisation for matching.

Everything here folds to plain lower-case ASCII words (``Zoë`` → ``zoe``, ``Łukasz`` →
``lukasz``, ``王芳`` → ``wang fang``) so that rapidfuzz compares like with like.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

FREE_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.com",
        "yandex.ru",
        "yandex.com",
        "zoho.com",
        "fastmail.com",
        "hey.com",
        "btinternet.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "qq.com",
        "163.com",
        "example.com",
    ]
)
ROLE_LOCAL_PARTS = frozenset(
    [
        "info",
        "hello",
        "contact",
        "press",
        "news",
        "newsdesk",
        "office",
        "admin",
        "team",
        "sales",
        "support",
        "media",
        "enquiries",
        "mail",
        "editor",
        "editorial",
        "desk",
        "noreply",
        "no-reply",
    ]
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "revd",
        "fr",
        "hon",
        "sr",
        "jr",
        "ii",
        "iii",
        "iv",
        "phd",
        "md",
        "mba",
        "msc",
        "bsc",
        "ba",
        "ma",
        "llb",
        "obe",
        "mbe",
        "cbe",
        "frsa",
        "fca",
        "cpa",
        "esq",
        "pe",
        "rn",
        "dds",
        "dphil",
    ]
)
# [^\S\n]: white space within a line, as these run over many names joined by line breaks
PRONOUN_RE = re.compile(
    r"\b(she|he|they|xe|ze)[^\S\n]*/[^\S\n]*(her|him|them|hers|his|theirs|xem|zir)\b"
)
# "Jane Doe | Editor at X", "Jane Doe - Writer", "Jane Doe (Novaleaf)", "Jane Doe, PhD":
# everything from the first separator to the end of the line goes
_CUT_RE = re.compile(
    r"(?:[^\S\n][|•·—–\-/:][^\S\n]|[|•·(\[{]|,|[^\S\n](?:at|@|nee|geb\.?|born)[^\S\n]).*$", re.M
)
_NAME_WORDS = r"[a-z][a-z'\-]*(?:[ \t]+[a-z][a-z'\-]*){0,2}"
# the look-ahead lets the many lines without a comma fail at once
_COMMA_NAME_RE = re.compile(
    rf"^(?=[^\n,]*,)[ \t]*({_NAME_WORDS})[ \t]*,[ \t]*({_NAME_WORDS})[ \t]*$", re.M
)
_NOT_WORD_RE = re.compile(r"[^a-z0-9\n]+")
LEGAL_SUFFIXES = frozenset(
    [
        "ltd",
        "limited",
        "plc",
        "llc",
        "llp",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "ab",
        "as",
        "asa",
        "kg",
        "se",
        "sl",
        "sac",
        "pty",
        "pvt",
        "lp",
        "group",
        "holdings",
    ]
)
ORG_STOPWORDS = frozenset({"the", "and", "of", "for", "de", "la", "le", "&"})
_TITLES_RE = re.compile(rf"\b(?:{'|'.join(sorted(TITLES))})\b")
PARODY_RE = re.compile(
    r"\b(parody|fan ?account|fanpage|fan page|satire|satirical|not affiliated|unofficial|"
    r"fake|impersonat\w*|tribute|bot)\b"
)
_WORD_RE = re.compile(r"[a-z0-9]+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SYMBOL_RE = re.compile(
    "[\u2190-\u2bff\u2600-\u27bf\ufe00-\ufe0f\u200d\u20e3\u3030\u303d"
    "\U0001f000-\U0001faff\U000e0000-\U000e007f]"
)
# url_domain and handle_id as substitutions over many lines at once
_URL_DOMAIN_STEPS = [
    (re.compile(r"^[a-z][a-z0-9+.-]*://", re.M), ""),
    (re.compile(r"/.*$", re.M), ""),
    (re.compile(r"^.*@", re.M), ""),
    (re.compile(r":.*$", re.M), ""),
    (re.compile(r"^www\.", re.M), ""),
]
_HANDLE_ID_STEPS = [
    (re.compile(r"^@+", re.M), ""),
    (re.compile(r"@.*$", re.M), ""),
    (re.compile(r"\.bsky\.social$", re.M), ""),
    (re.compile(r"[^a-z0-9\n]+"), ""),
]
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_APOSTROPHE_MARKS = ("’", "'", "`", "´", "‘")
_APOSTROPHES = str.maketrans(dict.fromkeys(_APOSTROPHE_MARKS, ""))


def fold(text: str | None) -> str:
    """NFKC + accents/transliteration + casefold; apostrophes dropped, other punctuation kept."""
    if not text:
        return ""
    if text.isascii():
        if "'" in text or "`" in text:
            text = text.translate(_APOSTROPHES)
        return text.lower().strip()
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    if _CJK_RE.search(text):
        # anyascii glues CJK syllables together; one word per character keeps names apart
        text = " ".join(_CJK_RE.sub(lambda m: f" {anyascii(m.group())} ", text).split())
    # emoji and pictographs: anyascii would spell them out as ":smile:"
    return anyascii(_SYMBOL_RE.sub("", text)).casefold().strip()


def _fold_text(text: str) -> str:
    """:func:`fold` of a long text without CJK, line breaks kept: anyascii only sees the
    non-ASCII runs, each distinct run once (it spells each character on its own)."""
    text = _without_apostrophes(unicodedata.normalize("NFKC", text))
    text = _SYMBOL_RE.sub("", text)
    spelled: dict[str, str] = {}

    def ascii_of(match: re.Match) -> str:
        run = match.group()
        found = spelled.get(run)
        if found is None:
            found = spelled[run] = anyascii(run)
        return found

    return _NON_ASCII_RE.sub(ascii_of, text).casefold()


def _without_apostrophes(text: str) -> str:
    """``text.translate(_APOSTROPHES)`` for a long text: translate looks every character up
    in a dict (a second per 25 million), a search for each apostrophe costs a fraction."""
    for mark in _APOSTROPHE_MARKS:
        if mark in text:
            text = text.replace(mark, "")
    return text


def words(text: str | None) -> list[str]:
    """Folded words of letters and digits."""
    return _WORD_RE.findall(fold(text))


def fold_lines(texts: Iterable[str | None]) -> str:
    """:func:`fold` of every text, one per line of the result. ASCII texts (nearly all) are
    lower-cased in one call over the whole blob rather than one call each."""
    items = ["" if not t else t.strip() if t.isascii() else t for t in texts]
    others = [k for k, t in enumerate(items) if not t.isascii()]
    cjk = {k for k in others if _CJK_RE.search(items[k])}  # rare: fold() spaces them out
    for k in cjk:
        items[k] = fold(items[k]).replace("\n", " ")
    others = [k for k in others if k not in cjk]
    if others:
        folded = _fold_text("\n".join(items[k].replace("\n", " ") for k in others))
        for k, text in zip(others, folded.split("\n"), strict=True):
            items[k] = text.strip()
    blob = "\n".join(items)
    if blob.count("\n") != len(items) - 1:  # a text with a line break of its own
        blob = "\n".join(t.replace("\n", " ") for t in items)
    if "'" in blob or "`" in blob:
        blob = blob.replace("'", "").replace("`", "")
    return blob.lower()


def words_many(texts: Iterable[str | None]) -> list[str]:
    """``" ".join(words(t))`` for many texts at once."""
    blob = _NOT_WORD_RE.sub(" ", fold_lines(texts))
    return [line.strip() for line in blob.split("\n")]


def compact(text: str | None) -> str:
    """Folded letters and digits only: ``@NovaleafStudios`` and ``Novaleaf Studios`` agree."""
    return "".join(words(text))


@dataclass(frozen=True)
class ParsedName:
    given: str  # first given-name word, folded
    family: str  # family name words, folded, joined by spaces
    others: tuple[str, ...] = ()  # middle names and extra words

    @property
    def full(self) -> str:
        return " ".join(w for w in (self.given, *self.others, self.family) if w)


def clean_display_name(display: str | None) -> str:
    """The person's name inside a display name: no emoji, pronouns, titles, job or company."""
    return clean_display_names([display])[0]


def clean_display_names(displays: Iterable[str | None]) -> list[str]:
    """:func:`clean_display_name` for many names at once: the regular expressions run once over
    all of them joined by newlines, which is what makes a million profiles take seconds."""
    displays = list(displays)
    if not displays:
        return []
    blob = fold_lines(displays)
    blob = _COMMA_NAME_RE.sub(r"\2 \1", blob)  # "doe, jane" -> "jane doe"
    blob = PRONOUN_RE.sub(" ", blob)
    blob = _CUT_RE.sub("", blob)
    blob = _NOT_WORD_RE.sub(" ", blob)
    blob = _TITLES_RE.sub(" ", blob)
    return [" ".join(line.split()) for line in blob.split("\n")]


# "Rachel Dougherty (Owens)": one word in brackets after a name is usually the person's other
# family name (birth, married or maiden), the one old contacts know them by.
_ALT_FAMILY_RE = re.compile(
    r"\(([a-z][a-z\-]+)\)|\b(?:nee|geb|born|formerly)\.?[^\S\n]+([a-z][a-z\-]+)"
)


def alternate_family_names(displays: Iterable[str | None]) -> list[str]:
    """The other family name of each display name, folded ("" for none): a single word in
    brackets after the name, not a title or pronoun. Hyphenated, its last part, as the main
    family name is taken."""
    return [word.rsplit("-", 1)[-1] for word in alternate_family_words(displays)]


def alternate_family_words(displays: Iterable[str | None]) -> list[str]:
    """:func:`alternate_family_names` with a hyphenated name whole ("taylor-ellingham")."""
    displays = list(displays)
    names = [""] * len(displays)
    blob = fold_lines(displays) if displays else ""
    line, counted = 0, 0
    for match in _ALT_FAMILY_RE.finditer(blob):  # only the few names with brackets or "née"
        start = match.start()
        line += blob.count("\n", counted, start)
        counted = start
        before = blob[blob.rfind("\n", 0, start) + 1 : start]
        word = match.group(1) or match.group(2)
        last = word.rsplit("-", 1)[-1]
        after_a_name = any(c.isalpha() for c in before)
        if after_a_name and len(last) >= 2 and last not in TITLES and last not in _PRONOUNS:
            names[line] = word
    return names


_PRONOUNS = frozenset(["she", "he", "they", "her", "him", "them", "xe", "ze"])


@lru_cache(maxsize=100_000)
def parse_name(
    full: str | None = None, given: str | None = None, family: str | None = None
) -> ParsedName:
    """Split a name into given and family parts; structured fields win over the full name."""
    given_words, family_words = words(given), words(family)
    if given_words or family_words:
        given_words = [w for w in given_words if w not in TITLES]
        return ParsedName(
            given_words[0] if given_words else "",
            " ".join(family_words),
            tuple(given_words[1:]),
        )
    return parse_display_name(full)


def parse_display_name(display: str | None) -> ParsedName:
    """``Doe, Jane`` and ``Jane Doe | Editor`` both give given=jane, family=doe."""
    return split_clean_name(clean_display_name(display))


def split_clean_name(clean: str) -> ParsedName:
    parts = clean.split()
    if not parts:
        return ParsedName("", "")
    if len(parts) == 1:
        return ParsedName(parts[0], "")
    return ParsedName(parts[0], parts[-1], tuple(parts[1:-1]))


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=1)
def _more_nicknames() -> dict[str, frozenset[str]]:
    """Short forms beyond English (``data/nicknames_extra.txt``) -> the formal names."""
    found: dict[str, set[str]] = {}
    text = (Path(__file__).parent / "data" / "nicknames_extra.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        short, sep, formal = line.split("#", 1)[0].partition(":")
        if sep:
            names = {fold(n).strip() for n in formal.split(",")} - {""}
            found.setdefault(fold(short).strip(), set()).update(names)
    return {short: frozenset(names) for short, names in found.items()}


@lru_cache(maxsize=200_000)
def name_groups(given: str) -> frozenset[str]:
    """The given name and the formal names it may stand for (``bob`` → robert, bobby, ...;
    ``kasia`` → katarzyna)."""
    if not given or len(given) < 2:
        return frozenset({given}) if given else frozenset()
    more = _more_nicknames().get(given, frozenset())
    return frozenset({given, *_nicknamer().canonicals_of(given), *more})


def given_endings(given: str) -> tuple[str, ...]:
    """Short forms that keep the end of a long given name: "segun" for Olusegun, "tunde" for
    Babatunde, "seun" for Oluwaseun (at least four letters, at least three dropped)."""
    return tuple(given[k:] for k in range(3, len(given) - 3)) if len(given) >= 7 else ()


_LOCAL_SPLIT_RE = re.compile(r"[._-]+")


def email_family_names(emails: Iterable[str], givens: Iterable[str], family: str = "") -> list[str]:
    """The family names the person's own e-mail addresses spell beside one of their given
    names: "vrossi64@" or "valentina.rossi@" for Valentina: rossi (a married name, or the
    right spelling of a surname the card misspells). A word before the given name is read only
    when it is the card's family name misspelt ("taylor.sarah" for Sarah Tayler): people put
    hobbies and initials there ("wanderpierre", "ccw_jo")."""
    from rapidfuzz import fuzz

    forms = {g for g in givens if len(g) >= 2}
    initials = {g[0] for g in forms}
    found = []
    for email in emails:
        local = re.sub(r"\d+", "", email.partition("@")[0].lower())
        parts = [w for w in _LOCAL_SPLIT_RE.split(local) if w]
        if len(parts) == 2:
            first, second = parts
            rest = second if first in forms or first in initials else ""
            if not rest and second in forms and family and fuzz.ratio(first, family) >= 75:
                rest = first
        elif len(parts) == 1:
            word = parts[0]
            given = next((g for g in forms if word.startswith(g)), "")
            rest = word[len(given) :] if given else (word[1:] if word[0] in initials else "")
        else:
            rest = ""
        # "antonio@" on a card misspelling Anonio is his given name, not "ntonio"
        misspelt_given = any(fuzz.ratio(rest, g) >= 70 for g in forms)
        inside = any(g in rest for g in forms)
        if len(rest) >= 3 and rest.isalpha() and not misspelt_given and not inside:
            found.append(rest)
    return list(dict.fromkeys(found))


def email_given_names(emails: Iterable[str], families: Iterable[str]) -> list[str]:
    """The given names the person's own e-mail addresses spell beside their family name:
    "mei.zhang@" or "juanwang@" on a card that calls her Cindy Zhang or Sophia Wang (an
    adopted English name on the card, the birth name in the address). Initials are no name."""
    names = {f for f in families if len(f) >= 2}
    found = []
    for email in emails:
        local = re.sub(r"\d+", "", email.partition("@")[0].lower())
        parts = [w for w in _LOCAL_SPLIT_RE.split(local) if w]
        given = ""
        if len(parts) == 2:
            given = parts[0] if parts[1] in names else parts[1] if parts[0] in names else ""
        elif len(parts) == 1:
            family = next((f for f in names if parts[0].endswith(f) and parts[0] != f), "")
            given = parts[0][: -len(family)] if family else ""
        if len(given) >= 3 and given.isalpha() and given not in names:
            found.append(given)
    return list(dict.fromkeys(found))


def given_compatible(a: str, b: str) -> bool:
    """Same given name, a nickname of it, or an initial of it."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return bool(name_groups(a) & name_groups(b))


def org_key(name: str | None) -> str:
    """Organisation words without legal suffixes: ``Harbourlight Media Ltd`` → harbourlight
    media."""
    tokens = _WORD_RE.findall(fold(name).replace(".", ""))  # S.A.C. -> sac
    while tokens and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    return " ".join(t for t in tokens if t not in ORG_STOPWORDS)


def email_parts(email: str | None) -> tuple[str, str]:
    """(local part, domain), lower-case; ``+tags`` dropped."""
    if not email or "@" not in email:
        return "", ""
    local, _, domain = email.strip().lower().rpartition("@")
    return local.split("+", 1)[0], domain.strip(".")


def personal_local_part(email: str | None) -> str:
    """The e-mail's local part without dots, dashes and underscores, or "" for role addresses
    (press@, info@)."""
    local, _ = email_parts(email)
    if local in ROLE_LOCAL_PARTS:
        return ""
    return re.sub(r"[^a-z0-9]", "", local)


def org_domain(email: str | None) -> str:
    """The e-mail's domain when it belongs to an organisation (not a free-mail provider)."""
    _, domain = email_parts(email)
    return "" if domain in FREE_MAIL_DOMAINS else domain


def url_domain(url: str | None) -> str:
    """``https://www.novaleaf.co.uk/team`` → novaleaf.co.uk."""
    if not url:
        return ""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/", 1)[0]
    host = host.split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def url_domains(urls: Iterable[str | None]) -> list[str]:
    """:func:`url_domain` of many URLs (a line break inside one is dropped): the regular
    expressions run once over all of them."""
    blob = "\n".join(u.strip().replace("\n", "") if u else "" for u in urls).lower()
    for pattern, replacement in _URL_DOMAIN_STEPS:
        blob = pattern.sub(replacement, blob)
    return blob.split("\n")


def handle_ids(handles: Iterable[str | None]) -> list[str]:
    """:func:`handle_id` of many handles at once."""
    blob = "\n".join(h.replace("\n", "") if h else "" for h in handles).lower()
    for pattern, replacement in _HANDLE_ID_STEPS:
        blob = pattern.sub(replacement, blob)
    return blob.split("\n")


@lru_cache(maxsize=1)
def family_particles() -> frozenset[str]:
    """Words inside family names that are no family name alone (``data/family_particles.txt``):
    "van" and "der" of "van der Meer"."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "family_particles.txt").read_text(encoding="utf-8")
    lines = (ln for ln in text.splitlines() if not ln.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@lru_cache(maxsize=1)
def _handle_affix_res() -> tuple[re.Pattern, re.Pattern]:
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "handle_affixes.txt").read_text(encoding="utf-8")
    lines = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    prefixes, suffixes = lines[0], lines[1]
    # only where a name of four letters or more is left
    prefix = re.compile(
        rf"^(?:{'|'.join(sorted(prefixes, key=len, reverse=True))})(?=[a-z]{{4}})", re.M
    )
    suffix = re.compile(
        rf"(?<=[a-z]{{4}})(?:{'|'.join(sorted(suffixes, key=len, reverse=True))})$", re.M
    )
    return prefix, suffix


def handle_cores(handle_keys: Iterable[str]) -> list[str]:
    """The name inside handles (from :func:`handle_ids`): letters only, without the words
    people add before or after it: ``realjanedoe``, ``janedoe1987``, ``janedoepr`` → janedoe."""
    blob = re.sub(r"[^a-z\n]+", "", "\n".join(handle_keys))
    prefix, suffix = _handle_affix_res()
    blob = suffix.sub("", prefix.sub("", blob))
    return blob.split("\n")


def handle_key(handle: str | None) -> str:
    """A handle's letters only: ``@d_mears99`` → dmears; Bluesky/Mastodon domains cut off."""
    if not handle:
        return ""
    handle = handle.lower().lstrip("@")
    handle = handle.split("@", 1)[0]
    if handle.endswith(".bsky.social"):
        handle = handle[: -len(".bsky.social")]
    return re.sub(r"[^a-z]", "", handle)


def handle_id(handle: str | None) -> str:
    """A handle without separators, digits kept: ``@D_Mears99`` → dmears99."""
    if not handle:
        return ""
    handle = handle.lower().lstrip("@").split("@", 1)[0]
    if handle.endswith(".bsky.social"):
        handle = handle[: -len(".bsky.social")]
    return re.sub(r"[^a-z0-9]", "", handle)


def handles_from_name(name: ParsedName) -> set[str]:
    """Handles people build from their name: janedoe, jdoe, doej, janed, doejane."""
    given, family = name.given, name.family.replace(" ", "")
    if not given or not family:
        return set()
    return {given + family, given[0] + family, family + given[0], given + family[0], family + given}


CUT_MIN = 6  # shorter cut forms ("janedo") are shared by too many people to tell anyone apart
CUT_BLOCK_MIN = 8  # and shorter than this, by too many profiles to look each one up


def cut_handles_from_name(given: str, family: str) -> set[str]:
    """Handles that cut one of the names short: janedo, doejan, jdoeson for Jane Doeson;
    the full forms are ``handles_from_name``'s."""
    family = family.replace(" ", "")
    forms = set()
    for k in range(3, len(family)):
        forms |= {given + family[:k], family[:k] + given, given[0] + family[:k]}
    for k in range(3, len(given)):
        forms.add(family + given[:k])
    return {f for f in forms if len(f) >= CUT_BLOCK_MIN}


def full_name_handles(given: str, family: str) -> set[str]:
    """Handles spelling the given and the family name in full or cut to three letters or more,
    either way round: janedoeson, doesonjane, janedoe, doesonjan."""
    family = family.replace(" ", "")
    forms = {given + family, family + given}
    forms |= {given + family[:k] for k in range(3, len(family))}
    forms |= {family[:k] + given for k in range(3, len(family))}
    forms |= {family + given[:k] for k in range(3, len(given))}
    return {f for f in forms if len(f) >= CUT_MIN}


def is_parody(display_name: str | None, bio: str | None) -> bool:
    text = f"{fold(display_name)} {fold(bio)}"
    return bool(PARODY_RE.search(text)) or fold(display_name).startswith("not ")


def sorted_letters(text: str) -> str:
    """Letters in order: an anagram test that catches ``mearsd`` ~ ``dmears``."""
    return "".join(sorted(text))
