"""Assemble the blind19 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# Languages X does not detect: their posts come back as "und".
UNDETECTED = {"fur", "lld", "vec", "sc"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """A post's language: a leading "[xx] " overrides the account's language."""
    lang = row["lang"]
    if text.startswith("[") and "] " in text[:6]:
        lang, text = text[1 : text.index("]")], text[text.index("]") + 2 :]
    return ("und" if lang in UNDETECTED else lang), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|it|de|si|at|eu|net|org|uk|io|fm|travel|cloud|info|ro|al|ua|news|tv|ch|hr|bz",
            post_separator="||",
            post_lang=post_lang,
        )
    )
