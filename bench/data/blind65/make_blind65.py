"""Build blind65 (a Debrecen/Budapest contact-centre outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="hu|com|sk|ro|rs|ua|eu|org|net|io|app|fm|de|at",
            post_separator=" ‖ ",
            mention=r"(?<![\w.])@(\w+)",
            shared_accounts=True,
        )
    )
