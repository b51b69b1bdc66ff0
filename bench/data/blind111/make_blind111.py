"""Build blind111 (a Paramaribo / Nieuw Nickerie contact-centre and PR firm) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="sr|com|net|org|nl|io|fm|tv|gy|cloud|br",
            post_separator=" ¦ ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
