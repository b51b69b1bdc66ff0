"""Build blind60 (a Skopje contact-centre outsourcer) from src/*.txt: see bench/blind_builder.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="mk|com|eu|de|bg|al|rs|net|org|io|gr|info|tr|me|xk|at",
            post_separator=" ¦ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
