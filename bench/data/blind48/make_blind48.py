"""Build blind48 (a Kathmandu remittance company's contact centre) from src/*.txt.

Posts are separated by ``¶``; a post's language is guessed from its script, as X would tag it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
HANGUL = re.compile(r"[\uAC00-\uD7AF]")
KANA = re.compile(r"[\u3040-\u30FF]")
ARABIC = re.compile(r"[\u0600-\u06FF]")
# Languages X does not tag: Maithili and Bhojpuri come out as Hindi, Nepal Bhasa as Nepali.
X_TAG = {"mai": "hi", "bho": "hi", "new": "ne", "ne-Latn": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    first = row["lang"].split("+")[0]
    if HANGUL.search(text):
        return "ko", text
    if KANA.search(text):
        return "ja", text
    if ARABIC.search(text):
        return "ar", text
    if DEVANAGARI.search(text):
        return X_TAG.get(first, first if first in ("ne", "hi") else "ne"), text
    if first in ("ko", "ja", "ar") or "+en" in row["lang"]:
        return "en", text  # Latin-script posts of these accounts are in English
    if first in ("ne", "hi", "mai", "bho", "new", "ne-Latn"):
        return "und", text  # romanised South Asian languages: X rarely tags them
    return first, text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="com|np|org|net|io|my|qa|ae|kr|jp|in|tech|co|info|app|news|me|asia",
            post_separator="¶",
            mention=r"(?<![\w.])@([A-Za-z0-9_]+)",
            hashtag=r"#([\w\u0900-\u097F]+)",
            post_lang=post_lang,
        )
    )
