"""Build the blind39 set (a Karachi contact-centre outsourcer) from src/*.txt.

Run: uv run python bench/data/blind39/make_blind39.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# Tweet languages as X reports them: Roman Urdu is mostly tagged "und" or "in"/"hi" by X's
# detector; we use "und" for it, "ur" for Saraiki in Arabic script, and keep the rest.
X_LANG = {"ur-Latn": "und", "pa-Arab": "pa", "skr": "ur", "mix": "en"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    lang = row["lang"]
    return X_LANG.get(lang, lang), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="pk|com\\.pk|org\\.pk|edu\\.pk|com|io|org|net|ae|cn|co|tv|news",
            post_separator=" || ",
            mention=r"(?<![\w.])@(\w+)",
            hashtag=r"(?<![\w&])#(\w+)",
            post_lang=post_lang,
        )
    )
