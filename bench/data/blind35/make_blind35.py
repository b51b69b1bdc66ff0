"""Build blind35 (an Ulaanbaatar bank's contact centre) from src/*.txt: see README.md."""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# X marks romanised Mongolian "und": it has no Mongolian model for Latin script.
TWITTER_LANG = {"mn-Latn": "und", "mix": "und"}
OVERRIDE = re.compile(r"^\{([a-z]{2,3}(?:-[A-Za-z]+)?)\}\s*")


SCRIPT_OF_LANG = {
    "mn": "Cyrl",
    "ru": "Cyrl",
    "kk": "Cyrl",
    "uk": "Cyrl",
    "bua": "Cyrl",
    "ko": "Hang",
    "ja": "Jpan",
    "zh": "Hani",
    "mvf": "Mong",
    "ug": "Arab",
}
SCRIPT_RANGES = (
    ("Mong", "\u1800", "\u18af"),
    ("Hang", "\uac00", "\ud7af"),
    ("Jpan", "\u3040", "\u30ff"),
    ("Hani", "\u4e00", "\u9fff"),
    ("Cyrl", "\u0400", "\u04ff"),
    ("Arab", "\u0600", "\u06ff"),
)


def script(text: str) -> str:
    """The first non-Latin script found in a post, else Latin."""
    for name, low, high in SCRIPT_RANGES:
        if any(low <= ch <= high for ch in text):
            return name
    return "Latn"


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """A code-switching account ("mn+en") writes each post in one of its languages: the one
    whose script the post uses. A post may also start with {ru}, {en}… to say so outright."""
    found = OVERRIDE.match(text)
    text = OVERRIDE.sub("", text, count=1)
    candidates = row["lang"].split("+")
    lang = found.group(1) if found else candidates[0]
    if not found and len(candidates) > 1:
        written = script(text)
        matching = [c for c in candidates if SCRIPT_OF_LANG.get(c, "Latn") == written]
        if written == "Hani" and not matching:
            matching = [c for c in candidates if c == "ja"]
        lang = matching[0] if matching else candidates[0]
    return TWITTER_LANG.get(lang, lang), text


FORMAT = Format(
    here=HERE,
    tlds="mn|com|io|ai|org|net|ru|cn|kr|jp|de|kz|news|tv|fm|edu|info|me|co",
    post_separator=" ‖ ",
    retrieved="2026-11-30T10:00:00+00:00",
    mention=r"(?<![\w.])@(\w+)",
    post_lang=post_lang,
)

if __name__ == "__main__":
    build(FORMAT)
