"""Build the blind47 set (a Cluj-Napoca pharmaceutical distributor's contact centre and PR team,
Romania and the Republic of Moldova) from the hand-written accounts in src/.

    uv run python bench/data/blind47/make_blind47.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

FORMAT = Format(
    here=HERE,
    tlds="ro|md|com|org|net|io|info|eu|de|hu|fr|it|ua|uk|co\\.uk|media|top|me",
    post_separator="¦",
    retrieved="2026-11-30T10:00:00+00:00",
    # An address such as presa@salviafarm.ro is no mention.
    mention=r"(?<![\w.])@(\w+)",
    hashtag=r"(?<![\w&])#(\w+)",
)

if __name__ == "__main__":
    build(FORMAT)
