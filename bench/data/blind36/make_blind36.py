"""Build bench/data/blind36 (a Taipei hotel group's contact centre and PR team) from src/*.txt.

Run from the repository root: ``uv run python bench/data/blind36/make_blind36.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# How X tags the languages written here: Taiwanese Hokkien, Hakka and Amis in romanisation
# come back undetermined, Indonesian as "in"; the labels keep the real language.
X_LANG = {"nan": "und", "hak": "zh", "ami": "und", "id": "in", "yue": "zh"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return X_LANG.get(row["lang"], row["lang"]), text


FORMAT = Format(
    here=HERE,
    tlds="com|tw|cc|net|org|io|jp|cloud|asia|news|me|cn|kr|fr|mg|games|gov|edu|xyz|tv",
    post_separator="||",
    retrieved="2026-11-30T10:00:00+00:00",
    # An address like sandy.kuo@hongyue-semi.com.tw is not a mention; handles are ASCII.
    mention=r"(?<![\w.])@([A-Za-z0-9_]+)",
    hashtag=r"(?<![\w&])#(\w+)",
    post_lang=post_lang,
)

if __name__ == "__main__":
    build(FORMAT)
