"""Build blind45 (a Bergen contact-centre outsourcer) from src/*.txt: uv run python bench/data/blind45/make_blind45.py"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

build(
    Format(
        here=HERE,
        tlds="no|com|io|se|dk|pl|net|org|fi|eu",
        post_separator=" ¦ ",
        mention=r"(?<![\w.])@(\w+)",
        shared_accounts=True,
    )
)
