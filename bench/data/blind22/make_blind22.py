"""Assemble the blind22 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# X tags posts in languages it does not detect (Nahuatl, Maya, Zapotec) as "und", and a
# Spanglish post as Spanish.
X_LANG = {"nah": "und", "yua": "und", "zap": "und", "es-en": "es", "mix": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return X_LANG.get(row["lang"], row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|mx|app|io|net|org|coop|us|fm|news|co|info|la|blog",
            post_separator="||",
            post_lang=post_lang,
        )
    )
