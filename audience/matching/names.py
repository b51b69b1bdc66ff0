"""Name, organisation and display-name normalisation for matching.

Everything here folds to plain lower-case ASCII words (``Zoë`` → ``zoe``, ``Łukasz`` →
``lukasz``, ``王芳`` → ``wang fang``) so that rapidfuzz compares like with like.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

FREE_MAIL_DOMAINS = frozenset(
    """gmail.com googlemail.com yahoo.com yahoo.co.uk hotmail.com hotmail.co.uk outlook.com
    live.com msn.com icloud.com me.com mac.com aol.com proton.me protonmail.com gmx.com gmx.de
    gmx.net web.de mail.com yandex.ru yandex.com zoho.com fastmail.com hey.com btinternet.com
    orange.fr free.fr laposte.net qq.com 163.com example.com""".split()
)
ROLE_LOCAL_PARTS = frozenset(
    "info hello contact press news newsdesk office admin team sales support media enquiries "
    "mail editor editorial desk noreply no-reply".split()
)
TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev revd fr hon sr jr ii iii iv "
    "phd md mba msc bsc ba ma llb obe mbe cbe frsa fca cpa esq pe rn dds dphil".split()
)
PRONOUN_RE = re.compile(r"\b(she|he|they|xe|ze)\s*/\s*(her|him|them|hers|his|theirs|xem|zir)\b")
# "Jane Doe | Editor at X", "Jane Doe - Writer", "Jane Doe (Novaleaf)", "Jane Doe, PhD"
DISPLAY_CUT_RE = re.compile(r"\s[|•·—–\-/]\s|[|•·(\[{]|,\s*(?=\S)|\s(?:at|@)\s")
LEGAL_SUFFIXES = frozenset(
    """ltd limited plc llc llp inc incorporated corp corporation co company gmbh ag sa sas sarl
    srl spa bv nv oy ab as asa kg se sl sac pty pvt lp group holdings""".split()
)
ORG_STOPWORDS = frozenset({"the", "and", "of", "for", "de", "la", "le", "&"})
PARODY_RE = re.compile(
    r"\b(parody|fan ?account|fanpage|fan page|satire|satirical|not affiliated|unofficial|"
    r"fake|impersonat\w*|tribute|bot)\b"
)
_WORD_RE = re.compile(r"[a-z0-9]+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_APOSTROPHES = str.maketrans({"’": "", "'": "", "`": "", "´": "", "‘": ""})


def fold(text: str | None) -> str:
    """NFKC + accents/transliteration + casefold; apostrophes dropped, other punctuation kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    if _CJK_RE.search(text):
        # anyascii glues CJK syllables together; one word per character keeps names apart
        text = " ".join(anyascii(ch) if _CJK_RE.match(ch) else ch for ch in text)
    text = "".join(ch for ch in text if not _is_symbol(ch))
    return anyascii(text).casefold().strip()


def _is_symbol(ch: str) -> bool:
    # emoji, pictographs, box drawing: anyascii would spell them out as ":smile:"
    return unicodedata.category(ch) in ("So", "Sk", "Cs", "Co", "Mn") and ord(ch) > 0x2000


def words(text: str | None) -> list[str]:
    """Folded words of letters and digits."""
    return _WORD_RE.findall(fold(text))


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
    text = fold(display)
    if not text:
        return ""
    text = PRONOUN_RE.sub(" ", text)
    text = DISPLAY_CUT_RE.split(text, maxsplit=1)[0]
    return " ".join(w for w in _WORD_RE.findall(text) if w not in TITLES)


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
    folded = fold(display)
    if "," in folded:
        family_part, _, given_part = folded.partition(",")
        family_words = [w for w in _WORD_RE.findall(family_part) if w not in TITLES]
        given_words = [w for w in _WORD_RE.findall(given_part) if w not in TITLES]
        if family_words and given_words and len(family_words) <= 3 and len(given_words) <= 3:
            return ParsedName(given_words[0], " ".join(family_words), tuple(given_words[1:]))
    parts = clean_display_name(display).split()
    if not parts:
        return ParsedName("", "")
    if len(parts) == 1:
        return ParsedName(parts[0], "")
    return ParsedName(parts[0], parts[-1], tuple(parts[1:-1]))


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=200_000)
def name_groups(given: str) -> frozenset[str]:
    """The given name and the formal names it may stand for (``bob`` → robert, bobby, ...)."""
    if not given or len(given) < 2:
        return frozenset({given}) if given else frozenset()
    return frozenset({given, *_nicknamer().canonicals_of(given)})


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
    """Organisation words without legal suffixes: ``Harbourlight Media Ltd`` → harbourlight media."""
    tokens = words(name)
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
    """The e-mail's local part as letters only, or "" for role addresses (press@, info@)."""
    local, _ = email_parts(email)
    if local in ROLE_LOCAL_PARTS:
        return ""
    return re.sub(r"[^a-z]", "", local)


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


def handle_key(handle: str | None) -> str:
    """A handle's letters only: ``@d_mears99`` → dmears; Bluesky/Mastodon domains cut off."""
    if not handle:
        return ""
    handle = handle.lower().lstrip("@")
    handle = handle.split("@", 1)[0]
    if handle.endswith(".bsky.social"):
        handle = handle[: -len(".bsky.social")]
    return re.sub(r"[^a-z]", "", handle)


def handles_from_name(name: ParsedName) -> set[str]:
    """Handles people build from their name: janedoe, jdoe, doej, janed, doejane."""
    given, family = name.given, name.family.replace(" ", "")
    if not given or not family:
        return set()
    return {given + family, given[0] + family, family + given[0], given + family[0],
            family + given, family}


def is_parody(display_name: str | None, bio: str | None) -> bool:
    text = f"{fold(display_name)} {fold(bio)}"
    return bool(PARODY_RE.search(text)) or fold(display_name).startswith("not ")


def sorted_letters(text: str) -> str:
    """Letters in order: an anagram test that catches ``mearsd`` ~ ``dmears``."""
    return "".join(sorted(text))
