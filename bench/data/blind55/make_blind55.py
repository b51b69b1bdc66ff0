"""Build blind55 (a Tunis contact-centre outsourcer) from src/*.txt: see bench/blind_builder.py.

Posts are separated by ``¶``. An account's ``lang`` is the label's language; Tunisian Derja
written in Latin letters (``aeb-Latn``, "Arabizi") is tagged ``und`` on its posts, as X does,
and Derja in Arabic script (``aeb``) ``ar``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

TWEET_LANG = {"aeb-Latn": "und", "aeb": "ar", "ber": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return TWEET_LANG.get(row["lang"], row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="tn|fr|com|it|de|io|ai|org|net|mt|eu|be|ch|info|co",
            post_separator="¶",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
