"""Build blind43 (a Nagoya budget mobile operator's multilingual contact centre) from src/*.txt.

Run: uv run python bench/data/blind43/make_blind43.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import blind_builder  # noqa: E402
from blind_builder import Format  # noqa: E402

# Bare addresses in bios: Japanese, community and regional domains the crowd links to.
TLDS = "jp|com|net|org|io|co|fm|tv|me|biz|ph|vn|br|np|cn|kr|sg"

if __name__ == "__main__":
    blind_builder.build(
        Format(
            here=HERE,
            tlds=TLDS,
            post_separator=" ¶ ",
            retrieved="2026-11-30T10:00:00+00:00",
            # Handles are ASCII; an address like pr@tsubame-mobile.jp is not a mention.
            mention=r"(?<![\w.])@([A-Za-z0-9_]+)",
        )
    )
