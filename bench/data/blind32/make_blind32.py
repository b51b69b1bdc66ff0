"""Build blind32 (a Tbilisi contact-centre outsourcer, Zari Contact) from src/*.txt.

Posts are separated by ``||``. Accounts write in Georgian (Mkhedruli and Latin "Translit"),
Mingrelian, Russian, Armenian, Azerbaijani, Ukrainian, Turkish, German and English, and many
switch between them; each post's ``lang`` is guessed from its script, the way X tags mixed
accounts, and Translit Georgian gets ``und`` as X gives it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

SCRIPTS = (
    (re.compile(r"[\u10a0-\u10ff]"), "ka"),
    (re.compile(r"[\u0530-\u058f]"), "hy"),
    (re.compile(r"[\u0590-\u05ff]"), "iw"),
)
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_LANGS = {"en", "az", "tr", "de", "fr", "it"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The post's language from its script; Latin posts take the account's Latin language."""
    for pattern, lang in SCRIPTS:
        if pattern.search(text):
            return lang, text
    if CYRILLIC.search(text):
        return ("uk" if UKRAINIAN_LETTERS.search(text) else "ru"), text
    first = re.split(r"[+\-]", row["lang"])[0]
    if row["lang"] == "ka-Latn":
        return "und", text
    return (first if first in LATIN_LANGS else "en"), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="ge|am|az|ua|ru|com|net|org|io|tv|info|me|de|tr|eu|fm|online|top|xyz|site|"
            "click|shop|biz|il|it|media|news|radio|app",
            post_separator="||",
            post_lang=post_lang,
            mention=r"(?<![\w.])@(\w+)",  # an e-mail address is not a mention, as on X
        )
    )
