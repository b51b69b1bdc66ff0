"""Build blind103 (a Windhoek/Walvis Bay contact centre and PR desk) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="na|com|africa|org|net|io|de|za|ao|pt|fm|news|co",
            post_separator=" ⁂ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
