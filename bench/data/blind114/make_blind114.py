"""Build blind114 (a Kingston/Montego Bay contact-centre and PR firm) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="jm|com|org|net|io|fm|tv|co|news|ca|uk|us",
            post_separator=" ¦¦ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
