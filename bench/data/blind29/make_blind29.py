"""Assemble the blind29 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by ``||`` (so links keep their ``//``). Each post's ``lang`` is guessed from
its script the way X tags mixed timelines: Hangul is Korean, Han is Chinese, Cyrillic is the
account's Cyrillic language (Russian unless Kazakh or Kyrgyz), Latin text in an account written
in another script is English, and text without letters is ``und``.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

CYRILLIC_LANGS = {"ru", "kk", "ky"}
NON_LATIN_LANGS = CYRILLIC_LANGS | {"ko", "zh"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The language X would tag this post with, from its script and the account's language."""
    words = re.sub(r"https?://\S+|[@#]\w+", " ", text)
    if re.search(r"[\uac00-\ud7af]", words):
        return "ko", text
    if re.search(r"[\u4e00-\u9fff]", words):
        return "zh", text
    if re.search(r"[\u0400-\u04ff]", words):
        return (row["lang"] if row["lang"] in CYRILLIC_LANGS else "ru"), text
    if re.search(r"[^\W\d_]", words):
        return ("en" if row["lang"] in NON_LATIN_LANGS else row["lang"]), text
    return "und", text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "uz|kz|kg|com|ru|org|net|io|media|tr|kr|de|cn|me|app|news|info|eu|uk|tj|az",
            post_separator="||",
            post_lang=post_lang,
        )
    )
