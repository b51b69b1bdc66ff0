"""Build blind113 (a Yangon/Mandalay contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="mm|com|io|app|org|net|th|cn|fm|co|news",
            post_separator=" ‖ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
