"""Build blind81 (a Casablanca/Rabat contact centre and PR desk) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# Darija and Tamazight have no tweet language of their own: Arabic script reads as "ar",
# Arabizi and Latin Tamazight as "und", as the platform gives them.
TWEET_LANG = {"ary": "ar", "ary-Latn": "und", "zgh": "und", "tzm-Latn": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return TWEET_LANG.get(row["lang"], row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="ma|com|io|net|org|fm|es|fr|info|tv|press|co",
            post_separator=" ⁂ ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
            shared_accounts=True,
        )
    )
