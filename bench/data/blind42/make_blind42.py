"""Build the blind42 set (a Yerevan contact-centre software company) from src/*.txt.

Run: uv run python bench/data/blind42/make_blind42.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import blind_builder  # noqa: E402

# X labels romanised Armenian "und" (or guesses), mixed posts by their first language.
X_LANG = {"hy-Latn": "und", "hyw": "hy"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    first = row["lang"].split("+")[0]
    return X_LANG.get(first, first), text


FORMAT = blind_builder.Format(
    here=HERE,
    tlds="am|com|ru|ai|io|org|net|fr|ir|info|news|media|ge|tv|co",
    post_separator="||",
    mention=r"(?<![\w.])@(\w+)",
    post_lang=post_lang,
)

if __name__ == "__main__":
    blind_builder.build(FORMAT)
