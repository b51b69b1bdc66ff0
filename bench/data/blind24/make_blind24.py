"""Assemble the blind24 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by ``||`` (posts carry https:// links). The label's language column uses
finer codes than X does (arz for Egyptian Arabic, arz-Latn for Franco-Arabic, nub for Nubian);
the tweets carry the code X itself would give.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

X_LANG = {"arz": "ar", "ar": "ar", "arz-Latn": "und", "nub": "ar", "mixed": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The language X would tag: the first of the label's codes, mapped to X's own codes."""
    first = row["lang"].split("+")[0].strip()
    return X_LANG.get(first, first), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|eg|net|org|app|cloud|io|fm|fr|it|de|gr|uk|me|news|ae|sa|tv|co|ly|blog|am|ch|ru",
            post_separator="||",
            post_lang=post_lang,
        )
    )
