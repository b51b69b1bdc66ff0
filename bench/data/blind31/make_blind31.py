"""Assemble the blind31 set (twarc2 pages + labels) from its hand-written src/ files."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# The labels name the spoken variety; X tags each post with a code its detector knows, from the
# post's own script: Bangla-script Sylheti and Chittagonian come out as "bn", romanised Bangla,
# Sylheti and Urdu as "und", and an English post by a Bangla or Arabic account as "en".
SCRIPTS = [
    ("bn", re.compile(r"[\u0980-\u09ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
]
ROMANISED = {"bn-Latn", "ur-Latn", "syl", "ctg", "und"}
NON_LATIN = {"bn", "ar", "ur", "zh", "ja", "hi", "ta"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    for code, script in SCRIPTS:
        if script.search(text):
            return ("ur" if code == "ar" and row["lang"] == "ur" else code), text
    if row["lang"] in ROMANISED:
        return "und", text
    return ("en" if row["lang"] in NON_LATIN else row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|bd|net|org|io|cn|ae|uk|tv|fm|news|in|me|app|travel|design",
            post_separator="||",
            post_lang=post_lang,
        )
    )
