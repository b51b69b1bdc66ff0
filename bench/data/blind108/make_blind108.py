"""Build blind108 (a Managua/León contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="ni|com|cr|org|net|io|app|cloud|fm|news|us|ly|gt|ar",
            post_separator=" ◆ ",
            mention=r"(?<![\w.])@(\w+)",
            shared_accounts=True,
        )
    )
