"""Build blind44 (a Baku grocery and food-delivery platform's contact centre) from src/*.txt."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=Path(__file__).resolve().parent,
            tlds="az|com|ru|tr|io|net|org|ir|ge|media|news|uk|info|me",
            post_separator=" || ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
