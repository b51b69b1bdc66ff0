"""Build blind38 (an Addis Ababa off-grid solar company's contact centre and PR team).

uv run python bench/data/blind38/make_blind38.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import blind_builder  # noqa: E402

FORMAT = blind_builder.Format(
    here=HERE,
    tlds="et|com|org|net|io|news|fm|tv|photo|africa|ke|cn|dj|so|gov|info",
    post_separator="||",
    mention=r"(?<![\w.])@(\w+)",
)

if __name__ == "__main__":
    blind_builder.build(FORMAT)
