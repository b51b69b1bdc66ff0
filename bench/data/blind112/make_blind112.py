"""Build blind112 (a Minsk/Hrodna contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="by|com|io|org|ru|pl|lt|eu|net|fm|media|info",
            post_separator=" ⁂ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
