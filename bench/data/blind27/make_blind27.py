"""Assemble the blind27 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "pe|com|ar|co|br|app|io|net|org|it|de|cn|kr|jp|news|fm|blog|lat|la|cl|mx|substack",
            post_separator="||",
            retrieved="2026-11-30T11:00:00+00:00",
        )
    )
