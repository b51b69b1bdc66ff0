"""Assemble the blind31 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# The labels name the spoken variety; X tags posts with the codes its detector knows.
POST_LANG = {"bn-Latn": "und", "ur-Latn": "und", "syl": "bn", "ctg": "bn"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return POST_LANG.get(row["lang"], row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|bd|net|org|io|cn|ae|uk|tv|fm|news|in|me|app|travel|design",
            post_separator="||",
            post_lang=post_lang,
        )
    )
