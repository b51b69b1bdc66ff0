"""Build blind33 (a Colombo insurer's contact centre and PR team) from src/*.txt.

    uv run python bench/data/blind33/make_blind33.py

Posts are separated by " ¶ ". Each post's language comes from its script (Sinhala, Tamil,
Thaana, Devanagari, Malayalam, kana, Hangul, Han, Arabic); Latin-script posts take the
account's language, and romanised Sinhala or Tamil ("si-Latn", "ta-Latn") is "und", as X
labels it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

SCRIPTS = (
    ("si", re.compile(r"[\u0D80-\u0DFF]")),
    ("ta", re.compile(r"[\u0B80-\u0BFF]")),
    ("dv", re.compile(r"[\u0780-\u07BF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
    ("ml", re.compile(r"[\u0D00-\u0D7F]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
)


def post_lang(text: str, row: dict) -> tuple[str, str]:
    for lang, script in SCRIPTS:
        if script.search(text):
            return lang, text
    if row["lang"].endswith("-Latn"):
        return "und", text
    return (row["lang"] if row["lang"] in ("en", "ms", "de", "fr") else "en"), text


if __name__ == "__main__":
    build(
        Format(
            here=Path(__file__).resolve().parent,
            tlds="lk|com|net|org|io|ai|mv|in|sg|jp|ae|kr|cn|uk|au|media|news|info|co|me|team",
            post_separator=" ¶ ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
