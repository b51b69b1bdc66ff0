"""Build blind107 (a Lilongwe/Blantyre contact centre and PR desk) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="mw|com|io|org|net|fm|mz|africa|news",
            post_separator=" ⁞ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
