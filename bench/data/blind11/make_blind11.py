"""Assemble the blind11 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# X tags no post as Mapudungun, Aymara, Quechua or Guaraní: it calls them undetermined.
UNDETERMINED = {"arn", "ay", "qu", "gn"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """A post written ``[xx] text`` is in language xx, the rest in the account's language."""
    lang = row["lang"].split("+")[0]
    if text.startswith("[") and "]" in text[:5]:
        lang, text = text[1 : text.index("]")], text[text.index("]") + 1 :].strip()
    return ("und" if lang in UNDETERMINED else lang), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "cl|com|br|uy|ar|pe|co|mx|org|net|io|app|news|fm|lat|ht|de|blog|info|media|uk|tv",
            post_separator="||",
            post_lang=post_lang,
        )
    )
