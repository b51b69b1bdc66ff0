"""Assemble the blind30 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|gh|ng|tv|africa|cn|fr|org|net|io|fm|blog|ci|tg|lb|pt|uk|co|news|app",
        )
    )
