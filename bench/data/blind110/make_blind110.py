"""Build blind110 (a Podgorica/Budva contact-centre and PR agency) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="me|com|rs|al|ru|it|org|net|eu|io|ba|fm",
            post_separator=" ⁞ ",
            mention=r"(?<![\w.])@(\w+)",
            shared_accounts=True,
        )
    )
