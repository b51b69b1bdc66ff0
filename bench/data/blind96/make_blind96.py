"""Build blind96 (a Vientiane / Luang Prabang contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="la|com|net|org|io|cloud|fm|vn|th|cn|fr|asia",
            post_separator=" ⁂ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
