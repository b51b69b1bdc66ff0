"""Build blind104 (a Tegucigalpa/San Pedro Sula contact centre and PR team) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="hn|com|org|net|io|fm|news|us|tv|info|gob",
            post_separator=" ⁂ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
