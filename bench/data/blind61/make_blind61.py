"""Build the blind61 set (a Malta contact-centre outsourcer) from src/*.txt.

Run: uv run python bench/data/blind61/make_blind61.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

FORMAT = Format(
    here=HERE,
    tlds="mt|com|eu|io|net|org|it|se|fi|no|de|ph|rs|ly|fr|co\\.uk|news|tv|fm|media|group|app",
    post_separator=" || ",
    retrieved="2026-11-30T10:00:00+00:00",
    mention=r"(?<![\w.])@(\w+)",
)

if __name__ == "__main__":
    build(FORMAT)
