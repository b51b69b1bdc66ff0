"""Build bench/data/blind50 (a Dnipro/Kyiv parcel courier's contact centre and PR team).

The accounts are hand-written in src/*.txt; this only turns them into twarc2 pages and labels.
Run: uv run python bench/data/blind50/make_blind50.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import blind_builder  # noqa: E402

# What X would put in a post's lang for each language label in src (romanised Ukrainian and
# Crimean Tatar are not languages X detects; mixed accounts get their first language).
X_LANG = {"uk-Latn": "und", "crh": "tr"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    first = row["lang"].split("/")[0]
    return X_LANG.get(first, first), text


FORMAT = blind_builder.Format(
    here=HERE,
    tlds="ua|com\\.ua|kiev\\.ua|kyiv\\.ua|pl|com|net|org|cloud|market|express|ee|io|de|media|news",
    post_separator=" ¶ ",
    retrieved="2026-11-30T10:00:00+00:00",
    mention=r"(?<![\w.])@(\w+)",
    post_lang=post_lang,
)

if __name__ == "__main__":
    blind_builder.build(FORMAT)
