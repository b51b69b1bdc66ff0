"""Build blind74 (a Gothenburg/Stockholm contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="se|com|nu|io|fi|org|net|fm|so|eu|no|dk",
            post_separator=" ‖ ",
            mention=r"(?<![\w.])@(\w+)",
            shared_accounts=True,
        )
    )
