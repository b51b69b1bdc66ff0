"""Build blind70 (a Douala/Yaoundé contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# The label column names what is written (pcm Pidgin, cfg Camfranglais, ff Fulfulde, ewo Ewondo,
# dua Duala, "fr+en" mixed); the post's lang is what Twitter would guess.
TWITTER_LANG = {"pcm": "en", "cfg": "fr", "ff": "und", "ewo": "und", "dua": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    first = row["lang"].split("+")[0]
    return TWITTER_LANG.get(first, first), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="cm|com|org|net|fr|io|info|africa|news|media",
            post_separator=" ⁂ ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
            shared_accounts=True,
        )
    )
