"""Assemble the blind12 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by ``||`` (bios and posts carry https:// links); a post that starts with
``[xx]`` is in language ``xx`` (the crowd mixes Arabic, English, Hindi, Urdu, Malayalam, Tagalog,
Russian, French and Persian), any other post is in the account's language. A mention needs a
non-word character before the ``@``, so the e-mail addresses in bios are not mentions.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

LANG_PREFIX = re.compile(r"^\[([a-z]{2,3})\]\s*")


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """``[xx] text`` is a post in language xx; otherwise the account's language."""
    found = LANG_PREFIX.match(text)
    if found:
        return found.group(1), text[found.end() :]
    return row["lang"], text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|ae|sa|io|ai|net|org|in|ph|ru|fr|uk|fm|health|aero|news|me|co|qa|om|pk|ir|tv"
            "|app|edu|gov",
            post_separator="||",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
        )
    )
