"""Assemble the blind28 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|th|app|asia|fr|de|io|jp|kr|cn|mm|la|net|org|news|fm|blog|shop|ph|sg|uk|co",
            post_separator="||",
            retrieved="2026-11-30T10:00:00+00:00",
        )
    )
