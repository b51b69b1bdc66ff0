"""Build blind83 (a Brussels/Antwerp/Liège contact centre and PR desk) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="be|com|eu|org|net|io|fm|tv|nl|fr|de|brussels|vlaanderen",
            post_separator=" ¶ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
