"""Sharing the work of the judgement rules between the rules, and between accounts.

The rules of :mod:`audience.roles` read the same bio several times per account (the press
rule, the outlet rule and the organisation rule each ask "what are its organisation and person
signals?", "does it name a press job?", "is it an outlet's own account?"), and a crowd repeats
the same bios (empty ones most of all). :func:`lexicon_memo` remembers the answers of such pure
functions of text and a lexicon for the run, so each is worked out once per distinct text.
(Functions of text alone use :func:`functools.lru_cache`.)
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# The vowel signs and tone marks of Indic, Thai, Lao, Myanmar and Khmer scripts (and the accents
# of decomposed Latin, Cyrillic, Hebrew and Arabic) are marks, not letters, but belong to the
# word: "ที่" is one word, although Python's \w sees one letter and two marks.
WORD_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0dff"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u102b-\u103e"
    "\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d"
    "\u17b4-\u17d3\u200c\u200d"  # and the joiners inside Indic and Persian words
)
WORD = re.compile(rf"(?:[^\W_]|[{WORD_MARKS}])+")
# Thai, Lao, Myanmar and Khmer run every word into the next, without spaces.
RUN_ON_SCRIPTS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# A question about what comes right before, and the first word of its answer: "Acme? No, Beta
# Bank.", "Acme in Mayotte? No: …", "Satirical? No." (the answer is compared with ``answers_no``).
ASKED_AND_ANSWERED = re.compile(r"[^?.!|\n]{0,24}?\s*\?+\s*(\w+)")
# Pictographs (emoji) that divide a bio like bars do: "Sales lead 📶 Acme", "Acme 📅 scheduling".
PICTOGRAPHS = "\U0001F300-\U0001FAFF\u2600-\u27BF"
# ...and so do Japanese kana, Chinese characters and (within a word's endings) Korean.
UNSPACED_SCRIPTS = RUN_ON_SCRIPTS + "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
# Hebrew writes "in", "at", "the", "and", "from", "to" and "that" as one or two letters glued to
# the next word, a maqaf or a quote between when the word is quoted or foreign ("בהאקמה",
# "ב"האקמה"", "וב-Acme"). HEBREW_PROCLITIC matches those letters; HEBREW_CLITIC is a lookbehind
# for them, so that a match after it is the name itself (a Hebrew letter first: checking that
# before the lookbehinds keeps the pattern as fast as without them on other text).
HEBREW_LETTERS = "\u05d0-\u05ea"
HEBREW_LETTER = re.compile(f"[{HEBREW_LETTERS}]")
_HEBREW_ONE, _HEBREW_TWO = "[בהולמשכ]", "[ושמכ][בהלמ]"
HEBREW_PROCLITIC = f"(?:{_HEBREW_TWO}|{_HEBREW_ONE})"


def _clitic_before(script: str, one: str, two: str, joints: tuple[str, ...]) -> str:
    """A lookbehind for a proclitic of one or two letters (``one``, ``two``) glued to the next
    word of ``script``, directly or through one of ``joints``; the script's letter first."""
    behind = "|".join(
        f"(?<=(?<![\\w@#]){letters}{joint})" for letters in (one, two) for joint in joints
    )
    return f"(?=[{script}])(?:{behind})"


HEBREW_CLITIC = _clitic_before(HEBREW_LETTERS, _HEBREW_ONE, _HEBREW_TWO, ("", "[-־\"״]"))

# Arabic glues "and", "so", "at/with", "for" and "like" to the next word ("بنشامى", at Nashama;
# "ولنور", and for Noor), with a tatweel between when the word is foreign or set apart ("بـ Acme").
ARABIC_LETTERS = "\u0621-\u064a"
ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_ARABIC_ONE, _ARABIC_TWO = "[وفبلك]", "[وف][بلك]"
ARABIC_PROCLITIC = f"(?:{_ARABIC_TWO}|{_ARABIC_ONE})"
ARABIC_CLITIC = _clitic_before(ARABIC_LETTERS, _ARABIC_ONE, _ARABIC_TWO, ("", "ـ", "ـ "))

MEMO_SIZE = 16384  # answers kept per function; the memo starts again when full
_TEXT = (str, type(None))
_FLAGS = (bool, int, str, type(None))


def lexicon_memo(function: F) -> F:
    """Remember ``function(*texts, lexicon, **flags)``'s answers. The texts and flags are
    compared by value, the lexicon (last positional argument or ``lexicon=``) by identity:
    hashing a lexicon with hundreds of learned outlets would cost more than the rule. The memo
    holds the lexicon, so its identity cannot be reused by another while an answer is kept.
    ``function`` must be pure and return an immutable value; calls of another shape are not
    remembered."""
    memo: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    @functools.wraps(function)
    def remembered(*args: Any, **kwargs: Any) -> Any:
        # (the most frequent calls in a run: kept to a few tests)
        if args and not isinstance(args[-1], _TEXT) and "lexicon" not in kwargs:
            texts, lexicon = args[:-1], args[-1]
        else:
            texts, lexicon = args, kwargs.get("lexicon")  # None: the default lexicon
        options: tuple[tuple[str, Any], ...] = ()
        if kwargs:
            flags = kwargs.copy()
            flags.pop("lexicon", None)
            for value in flags.values():
                if not isinstance(value, _FLAGS):
                    return function(*args, **kwargs)
            options = tuple(flags.items())
        key = (texts, id(lexicon), options)
        found = memo.get(key)
        if found is not None and found[0] is lexicon:
            return found[1]
        value = function(*args, **kwargs)
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[key] = (lexicon, value)
        return value

    remembered.cache_clear = memo.clear  # type: ignore[attr-defined]
    return remembered  # type: ignore[return-value]


SEARCH_MEMO_SIZE = 65536  # (pattern, text) answers kept; the memo starts again when full
_SEARCHED: dict[tuple[int, str], tuple[re.Pattern[str], re.Match[str] | None]] = {}


def searched(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, worked out once per distinct text: a crowd repeats names and
    bios, and a rule's big alternation costs tens of microseconds a text. Keyed by the
    pattern's identity (hashing a pattern hashes its whole compiled program)."""
    key = (id(pattern), text)
    found = _SEARCHED.get(key)
    if found is not None and found[0] is pattern:
        return found[1]
    match = pattern.search(text)
    if len(_SEARCHED) >= SEARCH_MEMO_SIZE:
        _SEARCHED.clear()
    _SEARCHED[key] = (pattern, match)
    return match


_FOLDED_SEARCHED: dict[tuple[int, str], tuple[re.Pattern[str], re.Match[str] | None]] = {}


def searched_folded(
    pattern: re.Pattern[str], text: str, fold: Callable[[str], str]
) -> re.Match[str] | None:
    """``pattern.search(fold(text))``, remembered by the text as written: a rule asking the
    same question of one name or bio several times folds it once (``fold`` must be pure and
    the same for every call with this pattern)."""
    key = (id(pattern), text)
    found = _FOLDED_SEARCHED.get(key)
    if found is not None and found[0] is pattern:
        return found[1]
    match = pattern.search(fold(text))
    if len(_FOLDED_SEARCHED) >= SEARCH_MEMO_SIZE:
        _FOLDED_SEARCHED.clear()
    _FOLDED_SEARCHED[key] = (pattern, match)
    return match


def text_memo(function: F) -> F:
    """Remember ``function(text, *args)``'s answer on the prepared text itself (an object with
    a ``memo`` dict, :class:`audience.roles.BioText`), so the rules that ask the same question
    of one bio, and the accounts that share a bio, work it out once. ``args`` are compared by
    value when they are plain (str, int, bool, None), else by identity; the text keeps them.
    ``function`` must be pure and return an immutable value."""

    @functools.wraps(function)
    def remembered(text: Any, *args: Any) -> Any:
        if not args:  # the most frequent question: of the text alone
            found = text.memo.get(remembered)
            if found is None:
                found = text.memo[remembered] = ((), function(text))
            return found[1]
        key = (remembered, *[a if isinstance(a, _FLAGS) else id(a) for a in args])
        held = tuple([a for a in args if not isinstance(a, _FLAGS)])
        found = text.memo.get(key)
        if found is not None and (not held or all(map(operator.is_, found[0], held))):
            return found[1]
        value = function(text, *args)
        text.memo[key] = (held, value)
        return value

    return remembered  # type: ignore[return-value]
