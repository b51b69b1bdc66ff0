"""Build blind59 (a Córdoba/Buenos Aires merchant-payments company's contact centre) from src/."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402


def first_language(text: str, row: dict) -> tuple[str, str]:
    """The label may say "es+en" for code-switching; the post carries the first language."""
    return row["lang"].split("+")[0], text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="com|com\\.ar|ar|io|uy|net|org|org\\.ar|gob\\.ar|edu\\.ar|co|news|fm|me|br|com\\.br|it|il|kr|cl|py",
            post_separator=" ¦ ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=first_language,
        )
    )
