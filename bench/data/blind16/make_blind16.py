"""Assemble the blind16 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|kr|net|org|io|vn|ph|jp|cn|uz|ru|id|th|np|me|fm|blog|news|asia|co|tv",
            post_separator="||",
            shared_accounts=True,  # a few accounts are in both crawls
        )
    )
