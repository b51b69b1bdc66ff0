"""Build blind51 (a Tehran contact-centre outsourcer) from src/*.txt: see bench/blind_builder.py."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# Romanised Persian (Finglish) and Persian-English code-switching are tagged in the labels;
# X itself reports them as Persian, so every post carries the base language code.
LANG_OF_POSTS = {"fa-Latn": "fa", "fa+en": "fa", "en+fa": "en", "az+fa": "az", "ku+fa": "ckb"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return LANG_OF_POSTS.get(row["lang"], row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="ir|com|org|net|io|co|tv|news|me|ca|uk|de|tr|ae|am|fm|blog|app",
            post_separator="||",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
