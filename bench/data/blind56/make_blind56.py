"""Build blind56 (a Limassol/Nicosia multilingual contact-centre outsourcer, Cyprus) from src/*.txt.

Posts are separated by " || ". Each post's language is read from its script where the script
tells (Greek, Cyrillic, Hebrew, Arabic, Armenian, Turkish letters); otherwise it is the
account's language (``el-Latn``, Greeklish, is tagged ``und`` as X often does).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

SCRIPTS = (
    (re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]{3,}"), "el"),
    (re.compile(r"[\u0590-\u05ff]{3,}"), "he"),
    (re.compile(r"[\u0600-\u06ff]{3,}"), "ar"),
    (re.compile(r"[\u0530-\u058f]{3,}"), "hy"),
)
UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]{3,}")
TURKISH = re.compile(r"[ğışİŞĞ]")


def post_lang(text: str, row: dict) -> tuple[str, str]:
    account = row["lang"]
    for pattern, lang in SCRIPTS:
        if pattern.search(text):
            return lang, text
    if CYRILLIC.search(text):
        if UKRAINIAN.search(text):
            return "uk", text
        return (account if account in ("bg", "uk", "ru") else "ru"), text
    if TURKISH.search(text):
        return "tr", text
    if account == "el-Latn":
        return "und", text
    if account in ("el", "ru", "uk", "bg", "he", "ar", "hy"):
        return "en", text  # Latin script from an account that writes in another script
    return account, text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="com|cy|eu|io|net|org|gr|tr|ru|ua|il|am|co|uk|me|app|news|fm|tv|info|biz",
            post_separator=" || ",
            retrieved="2026-11-30T10:00:00+00:00",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
