"""Assemble the blind20 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by `` || `` (so addresses with ``//`` stay whole); a post starting with
``{xx}`` is in language ``xx`` instead of the account's. Languages X does not detect (Guarani,
Quechua, Hunsrik, Talian) are written as ``und`` in the posts, as X would.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

UNDETECTED = {"gn", "qu", "hrx", "vec", "pox"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    lang = row["lang"]
    if text.startswith("{") and "}" in text[:6]:
        lang, text = text[1 : text.index("}")], text[text.index("}") + 1 :].strip()
    return ("und" if lang in UNDETECTED else lang), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "br|com|net|org|app|io|py|jp|kr|de|it|ht|bo|pe|uk|fm|news|me|coop|ind|med|srv",
            post_separator=" || ",
            mention=r"(?<![\w.])@(\w+)",  # not the @ of an e-mail address
            post_lang=post_lang,
        )
    )
