"""Assemble the blind21 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by ``||`` (post texts hold https:// links). An account's language label may
be a mix ("en+sw"); its posts get the code X would give the first part (X has no code for Sheng,
Kikuyu, Dholuo or Luganda: Sheng comes back as Swahili, the others as ``und``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

X_LANG = {"sheng": "sw", "ki": "und", "luo": "und", "lg": "und", "zxx": "zxx"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    first = row["lang"].split("+")[0]
    return X_LANG.get(first, first), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|ke|ug|tz|africa|io|dev|ev|org|net|fm|tv|news|blog|co|uk|fr|de|et|so|app|me|ly",
            post_separator="||",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
