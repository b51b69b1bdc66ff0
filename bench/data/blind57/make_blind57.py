"""Build blind57 (a Luxembourg contact-centre outsourcer) from src/*.txt: see bench/blind_builder.py."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

build(
    Format(
        here=HERE,
        tlds="lu|de|fr|be|com|io|net|org|pt|eu|it|nl",
        post_separator=" || ",
        mention=r"(?<![\w.])@(\w+)",
        hashtag=r"(?<![\w&])#(\w+)",
    )
)
