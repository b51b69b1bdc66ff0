"""Build blind52 (an Asunción river-barge line's contact centre and PR team) from src/*.txt."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="com|py|coop|ar|br|bo|uy|org|net|de|io|jp|kr|tw|lb|news|fm",
            post_separator=" || ",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
