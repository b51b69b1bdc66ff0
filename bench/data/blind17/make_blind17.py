"""Assemble the blind17 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# X detects none of South Africa's Bantu languages: their posts come back as "und".
UNDETECTED = {"zu", "xh", "st", "tn", "nso", "ts", "ss"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The account's language, or "und" where X would not detect it."""
    lang = row["lang"].split("+")[0]
    return ("und" if lang in UNDETECTED else lang), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|za|africa|io|org|net|co|news|fm|blog|ng|ke|mz|ls|bw|pt|br|fr|uk|nl|de|in|info",
            post_separator=" || ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
