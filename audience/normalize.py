"""Pure string normalisers shared by the contact importers and the matcher.

Every function here takes text and returns a comparison key or a canonical value; none touches
the store. They are meant to be called many times, so the expensive bits (phonenumbers) are
imported lazily and the rest is plain regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from anyascii import anyascii

# Han, kana and Hangul: anyascii writes "王芳" as "WangFang"; spacing each character keeps the
# syllables apart so that "王芳" folds to "wang fang".
_CJK = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`\u00b4]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\([^)]*\)|\[[^\]]*\]")
_PH_D = re.compile(r"\bPh\.\s?D\b\.?", re.IGNORECASE)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAME_PREFIXES = _words("mr mrs ms miss mx dr prof professor sir dame rev revd fr hon lord lady")
# Credentials and honours that follow a name ("Eleanor Vance-Whitby PhD", "Whitcombe, MBA").
# Short ambiguous ones (ma, ba, md) are left alone: they are also surnames.
NAME_CREDENTIALS = _words("phd dphil mba msc bsc llb llm obe mbe cbe frsa esq cpa cfa mphil")
# Legal forms removed from the end of organisation names, single tokens after dots are dropped
# ("S.A.C." -> "sac") plus multi-token ones.
ORG_SUFFIXES = _words(
    "ltd limited plc inc incorporated corp corporation co company llc llp lp lllp "
    "gmbh ag kg ug mbh ohg ev as asa sa sas sasu sarl sl sll slu sac sae srl spa "
    "bv nv vof ab oy oyj aps kk pty pvt pte lda ltda sro kft zrt ooo oao bhd sdn "
    "and"
)
ORG_SUFFIX_RUNS = (("sp", "z", "oo"), ("sp", "k"), ("s", "a"), ("s", "l"), ("e", "v"))
ORG_PREFIXES = frozenset(("the",))

_X_RESERVED = _words(
    "home i intent search share hashtag explore settings messages notifications login "
    "signup tos privacy compose"
)
_X_HOSTS = frozenset(("twitter.com", "x.com", "mobile.twitter.com", "mobile.x.com"))
_SOCIAL_HOSTS = _X_HOSTS | {"bsky.app", "linkedin.com"}
_X_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_MASTODON_USER = re.compile(r"^[A-Za-z0-9_.]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?$")
_EMAIL = re.compile(r"^[^@\s,;<>()\"]+@[^@\s,;<>()\"]+\.[^@\s,;<>()\"]+$")
_DOMAIN_START = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/|$)")


def _transliterate(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CJK.sub(lambda m: f" {anyascii(m.group())} ", text)
    return anyascii(text)


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Accent- and case-free comparison form: "Zoë O’Sullivan-Hughes" -> "zoe osullivan hughes".

    Apostrophes disappear (O'Sullivan = OSullivan); any other punctuation and runs of
    whitespace become one space.
    """
    if not text:
        return ""
    text = _APOSTROPHES.sub("", _transliterate(text)).casefold()
    return _NOT_ALNUM.sub(" ", text).strip()


def fold_variants(text: str | None) -> set[str]:
    """``fold`` plus the German spelling of umlauts, so "Grünfeld" also folds to "gruenfeld"
    (how the name is typed on keyboards without ü). Empty folds are left out."""
    if not text:
        return set()
    return {key for key in (fold(text), fold(text.translate(_GERMAN))) if key}


def _strip_decorations(full_name: str) -> str:
    """Drop quoted nicknames, bracketed notes, credentials after a comma and, when the name
    is written in Latin letters, any CJK part appended to it ("Chow 周美玲")."""
    text = _PH_D.sub("PhD", _QUOTED.sub(" ", full_name))
    head, comma, tail = text.rpartition(",")
    if comma and set(fold(tail).split()) <= NAME_CREDENTIALS:
        text = head
    if _LATIN_LETTER.search(text):
        text = _CJK.sub(" ", text)
    return text


def _name_tokens(full_name: str | None, folder=fold) -> list[str]:
    if not full_name:
        return []
    tokens = folder(_strip_decorations(full_name)).split()
    while len(tokens) > 2 and tokens[0] in NAME_PREFIXES:
        tokens = tokens[1:]
    while len(tokens) > 2 and tokens[-1] in NAME_CREDENTIALS:
        tokens = tokens[:-1]
    return tokens


@lru_cache(maxsize=65536)
def name_key(full_name: str | None) -> str:
    """Comparison key of a person's name: folded, without titles (Dr, Prof), credentials
    (PhD, MBA), quoted nicknames or a CJK spelling appended to a Latin one. Word order is
    kept. Empty string when there is no name."""
    return " ".join(_name_tokens(full_name))


def name_keys(full_name: str | None) -> set[str]:
    """``name_key`` and its German-umlaut variant (see :func:`fold_variants`)."""
    if not full_name:
        return set()
    keys = {name_key(full_name), name_key(full_name.translate(_GERMAN))}
    return {key for key in keys if key}


def _org_tokens(tokens: list[str]) -> list[str]:
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for run in ORG_SUFFIX_RUNS:
            if len(tokens) > len(run) and tuple(tokens[-len(run) :]) == run:
                tokens = tokens[: -len(run)]
                changed = True
        if len(tokens) > 1 and tokens[-1] in ORG_SUFFIXES:
            tokens = tokens[:-1]
            changed = True
    if len(tokens) > 1 and tokens[0] in ORG_PREFIXES:
        tokens = tokens[1:]
    return tokens


def _org_fold(org: str) -> list[str]:
    # "S.A.C." and "o.o." lose their dots before folding so they become single tokens.
    text = re.sub(r"(?<=\w)\.(?=\w)", "", org)
    text = re.sub(r"(?<=\w)\s*[&+]\s*(?=\w)", " and ", text)
    return fold(text).split()


@lru_cache(maxsize=65536)
def org_key(org: str | None) -> str:
    """Comparison key of an organisation: folded, without legal forms (Ltd, Limited, plc, Inc,
    GmbH, AS, SA, LLC, Sp. z o.o., ...) or a leading "The"; "&" and "and" are the same."""
    if not org:
        return ""
    return " ".join(_org_tokens(_org_fold(org)))


def org_keys(org: str | None) -> set[str]:
    """``org_key`` and its German-umlaut variant."""
    if not org:
        return set()
    keys = {org_key(org), org_key(org.translate(_GERMAN))}
    return {key for key in keys if key}


def normalize_email(s: str | None) -> str | None:
    """Lower-cased address, or None when the text is not an e-mail address."""
    if not s:
        return None
    text = s.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = text.strip().lower()
    return text if _EMAIL.match(text) else None


def normalize_phone(raw: str | None, default_region: str = "GB") -> str | None:
    """E.164 form ("+447700900101"), or None when the text cannot be a phone number.

    Numbers without a country code are read as in ``default_region``. Only the number's shape
    is checked (``is_possible_number``): reserved drama ranges are not "valid" numbers.
    """
    if not raw:
        return None
    text = raw.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    if sum(ch.isdigit() for ch in text) < 5:
        return None
    return _e164(text, default_region.upper())


@lru_cache(maxsize=4096)
def _e164(text: str, region: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _split_url(s: str | None):
    if not s:
        return None
    text = s.strip().replace("\\:", ":").replace("\\,", ",")
    if not text or any(ch.isspace() for ch in text):
        return None
    if "://" not in text:
        if not _DOMAIN_START.match(text):
            return None
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    for prefix in ("www.", "m.", "mobile."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    if host == "mobile.twitter.com":
        host = "twitter.com"
    return host, parts.path, parts.query


def normalize_url(s: str | None) -> str | None:
    """Canonical URL for comparisons: https, lower-case host without ``www.``/``m.``, no
    trailing slash, no fragment, and no query string on social-network hosts. vCard's
    escaped ``http\\://`` is accepted. None when the text is not a web address."""
    split = _split_url(s)
    if split is None:
        return None
    host, path, query = split
    path = path.rstrip("/")
    if host in _SOCIAL_HOSTS or host.endswith(".linkedin.com"):
        query = ""
    return f"https://{host}{path}" + (f"?{query}" if query else "")


def social_from_url(url: str | None) -> tuple[str, str] | None:
    """(platform, handle) for a profile URL, else None.

    x: ``twitter.com/name``, ``x.com/name`` -> ("x", "name"); bluesky: ``bsky.app/profile/h``
    -> ("bluesky", "h"); linkedin: ``linkedin.com/in/slug`` -> ("linkedin", "slug");
    mastodon: ``https://host/@user`` -> ("mastodon", "user@host"). Handles are lower-case.
    """
    split = _split_url(url)
    if split is None:
        return None
    host, path, _ = split
    segments = [unquote(p) for p in path.split("/") if p]
    if not segments:
        return None
    first = segments[0]
    if host in _X_HOSTS:
        if first.lower() in _X_RESERVED or not _X_HANDLE.match(first.lstrip("@")):
            return None
        return "x", first.lstrip("@").lower()
    if host == "bsky.app":
        if len(segments) >= 2 and segments[0] == "profile":
            return "bluesky", segments[1].lower()
        return None
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        if len(segments) >= 2 and segments[0] == "in":
            return "linkedin", segments[1].lower()
        return None
    if first.startswith("@") and len(segments) == 1:
        user = first[1:]
        if _MASTODON_USER.match(user):
            return "mastodon", (user if "@" in user else f"{user}@{host}").lower()
    return None


def linkedin_profile_url(url: str | None) -> str | None:
    """``https://www.linkedin.com/in/<slug>`` for any spelling of a LinkedIn profile URL
    (http, missing www, trailing slash, query string, country sub-domain), else None."""
    social = social_from_url(url)
    if social is None or social[0] != "linkedin":
        return None
    return f"https://www.linkedin.com/in/{social[1]}"


def mastodon_handle(text: str | None) -> str | None:
    """ "@user@host" / "user@host" / a profile URL -> "user@host", else None."""
    if not text:
        return None
    social = social_from_url(text)
    if social is not None:
        return social[1] if social[0] == "mastodon" else None
    handle = text.strip().lstrip("@").lower()
    if "@" in handle and _MASTODON_USER.match(handle):
        return handle
    return None
