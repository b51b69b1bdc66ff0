"""Names written in another script: "ජය ලයිෆ්" and "ஜய லைஃப்" are how Sinhala and Tamil bios
write Jaya Life, "Нилмини" how a Russian one writes Nilmini.

Each word becomes a sound key: its consonants in broad classes (p and b and f, t and d, k and g
and hard c, s and soft c and sh), vowels dropped but for a mark at the start, doubles
collapsed. Latin words are read with English spelling rules ("igh", "th", "ph"); words of other
scripts are transliterated letter by letter with anyascii, so an abugida's unwritten vowels do
not matter. A listed name matches a run of words with the same keys, one of them at least in
another script (the Latin spelling itself is the ordinary matcher's job).
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from audience.textmatch import WORD

# Letters of alphabets and abugidas whose words are written out phonetically: Greek, Cyrillic,
# Armenian, Georgian, Ethiopic, the Indic scripts, Sinhala, Thai, Lao, Myanmar, Khmer; and the
# Arabic script of Urdu, Sindhi, Pashto and Persian, which leaves short vowels unwritten.
_ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3\u06d5\u0750-\u077f"
_SCRIPT_LETTER = (
    "\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u10a0-\u10ff\u1c90-\u1cbf\u1200-\u137f"
    "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff" + _ARABIC_LETTER
)
SCRIPT = re.compile(f"[{_SCRIPT_LETTER}]")
_ARABIC = re.compile(f"[{_ARABIC_LETTER}]")
# In the Arabic script alef, waw and yeh are long vowels inside a word and the sound itself at
# its start; a final heh is a vowel ("ساحل" is Sahil); ain and hamza are no consonant here.
_ALEFS = "اآأإٱ"
_WAWS = "وؤۇۆۈۋ"
_YEHS = "یيىےېۍئێ"
_FINAL_HEHS = "ہهةۀە"
# Spellings a script uses for a sound it lacks: Tamil writes f as aytham + pa ("லைஃப்").
_SCRIPT_SPELLINGS = {"ஃப": "f", "ஃஜ": "z", "ஃஸ": "z"}
_ENGLISH_SPELLINGS = (
    ("igh", "i"),
    ("ph", "f"),
    ("ck", "k"),
    ("ch", "s"),
    ("qu", "kv"),
    ("x", "ks"),
)
# h with k: Cyrillic and Arabic write a foreign h as x or kh ("Хальворск" for Halvorsk).
_CLASSES = str.maketrans("bfdgqzwch", "pptkksvkk")
_VOWELS = re.compile(r"[aeiouy]+")


def sound_key(word: str) -> str:
    """The sound key of one word, in any script ("" for none)."""
    if _ARABIC.search(word):
        latin = "".join(_arabic_letter(word, i) for i in range(len(word)))
    elif SCRIPT.search(word):
        for spelling, sound in _SCRIPT_SPELLINGS.items():
            word = word.replace(spelling, sound)
        latin = "".join(_letter(ch) for ch in word)
    else:
        latin = re.sub(r"[^a-z]", "", anyascii(word).lower())
        for spelling, sound in _ENGLISH_SPELLINGS:
            latin = latin.replace(spelling, sound)
        latin = re.sub(r"c(?=[eiy])", "s", latin)
        latin = re.sub(r"(?<=[^aeiouyh])h", "", latin)  # th, sh, ch, kh: one sound
    return _key(latin)


@cache
def _letter(ch: str) -> str:
    """One letter of another script in Latin; an aspirate's h goes ("ථ" th is t), and c is
    the Indic palatal ("ச", "ච": s or ch), not a k."""
    latin = re.sub(r"[^a-z]", "", anyascii(ch).lower())
    if latin.startswith("c"):
        latin = "s" + latin[1:]
    return latin[0] + re.sub(r"h", "", latin[1:]) if len(latin) > 1 else latin


def _arabic_letter(word: str, i: int) -> str:
    ch = word[i]
    if ch in _ALEFS:
        return "a" if i == 0 else ""
    if ch in _WAWS:
        return "w" if i == 0 else ""
    if ch in _YEHS:
        return "y" if i == 0 else ""
    if (ch in _FINAL_HEHS and i == len(word) - 1) or ch in "عء":
        return ""
    return _letter(ch)


def _key(latin: str) -> str:
    if not latin:
        return ""
    start = "a" if latin[0] in "aeiouy" else ""
    consonants = _VOWELS.sub("", latin).translate(_CLASSES)
    return start + re.sub(r"(.)\1+", r"\1", consonants)


def name_keys(name: str) -> tuple[str, ...]:
    """The sound keys of a listed name, word by word."""
    return tuple(key for word in WORD.findall(name) if (key := sound_key(word)))


def script_words(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, sound key, in another script) for each word of a text that has words in
    another script; [] for a text without."""
    if not SCRIPT.search(text):
        return []
    return [
        (m.start(), m.end(), sound_key(m.group(0)), bool(SCRIPT.search(m.group(0))))
        for m in WORD.finditer(text)
    ]
