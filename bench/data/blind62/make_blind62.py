"""Build blind62 (a Velenje home-appliance maker's Maribor contact centre and PR team) from src/*.txt.

Run: uv run python bench/data/blind62/make_blind62.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="si|hr|rs|ba|me|mk|at|de|it|hu|com|eu|io|net|org|info",
            post_separator=" ¦ ",
            retrieved="2026-11-30T10:00:00+00:00",
            mention=r"(?<![\w.])@(\w+)",
            hashtag=r"(?<![\w&])#(\w+)",
        )
    )
