"""Assemble the blind15 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# X detects neither te reo Māori, Samoan nor Tongan: their posts come back as "und".
UNDETECTED = {"mi", "sm", "to"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    lang = row["lang"].split("+")[0]
    return ("und" if lang in UNDETECTED else lang), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|nz|au|ph|kr|jp|org|net|io|fm|news|energy|systems|coop|blog|uk|cn|ws",
            post_separator="||",
            retrieved="2026-12-01T07:30:00+00:00",
            post_lang=post_lang,
        )
    )
