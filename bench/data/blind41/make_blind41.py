"""Build blind41 (a Dar es Salaam fleet-card and telematics company) from src/*.txt."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=Path(__file__).resolve().parent,
            tlds="tz|ke|ug|rw|com|co|cn|io|org|net|africa|info|in|ae|om|fr",
            post_separator=" || ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
