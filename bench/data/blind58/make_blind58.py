"""Build blind58 (a Sarajevo insurer's contact centre) from src/*.txt with bench/blind_builder."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="ba|com|hr|rs|me|si|io|app|de|at|tr|net|org|eu|info",
            post_separator="||",
            mention=r"(?<![\w.])@(\w+)",
            retrieved="2026-11-30T10:00:00+00:00",
        )
    )
