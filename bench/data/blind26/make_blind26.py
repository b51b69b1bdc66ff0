"""Assemble the blind26 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The label's language without its script or mix ("sr-Cyrl" -> "sr", "bs+en" -> "bs")."""
    return row["lang"].split("+")[0].split("-")[0], text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "rs|ba|me|mk|hr|si|al|com|net|org|io|eu|de|at|ch|fm|tv|info|media|news|co|uk|hu|it|ly",
            post_separator="||",
            post_lang=post_lang,
        )
    )
