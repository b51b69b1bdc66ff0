"""Assemble the blind13 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by `` || `` (bios and posts hold https:// addresses); a post written
``[sv] ...`` is in that language, any other post in the account's first language.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

TAGGED = re.compile(r"^\[([a-z]{2,3})\]\s*")


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The language a post is tagged with, else the account's first language."""
    if match := TAGGED.match(text):
        return match.group(1), text[match.end() :]
    return row["lang"].split("|")[0], text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|fi|se|ee|no|dk|net|org|io|eu|fm|ru|ua|blog|news|de|uk|app|ax|lv",
            post_separator=" || ",
            retrieved="2026-12-01T07:30:00+00:00",
            post_lang=post_lang,
        )
    )
