"""Assemble the blind18 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by `` // `` (spaced, so addresses keep their ``://``). A post may start
with ``[xx]`` to give its own language; otherwise it takes the account's first language
(``cy+en`` -> ``cy``).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

TAGGED = re.compile(r"^\[([a-z]{2,3})\]\s*")


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The post's own [xx] language tag, else the account's first language."""
    found = TAGGED.match(text)
    if found:
        return found.group(1), text[found.end() :]
    return row["lang"].split("+")[0], text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|cymru|wales|uk|ie|io|cloud|org|net|pl|pt|ro|lt|ua|fm|news|eu|in|es|fr|travel|"
            "blog|co|app|info",
            post_separator=" // ",
            post_lang=post_lang,
        )
    )
