"""Build blind54 (a Reykjavík contact-centre outsourcer) from the hand-written src/*.txt.

Run from the repository root: ``uv run python bench/data/blind54/make_blind54.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import blind_builder  # noqa: E402


def first_language(text: str, row: dict) -> tuple[str, str]:
    """Code-switching accounts are written "is/en": their posts carry the first language."""
    return row["lang"].split("/")[0], text


FORMAT = blind_builder.Format(
    here=HERE,
    tlds="is|fo|dk|pl|lt|no|se|de|com|net|org|eu|io|ph|fi|uk",
    post_separator="||",
    retrieved="2026-11-30T10:00:00+00:00",
    mention=r"(?<![\w.])@(\w+)",
    post_lang=first_language,
)

if __name__ == "__main__":
    blind_builder.build(FORMAT)
