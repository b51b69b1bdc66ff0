"""Assemble the blind5 set (twarc2 pages + labels) from its hand-written src/ files: posts split on " // ", "+" before the counts marks a verified account."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|pl|cz|sk|lt|lv|ee|fi|ua|ge|dk|no|se|de|at|ch|eu|net|org|uk|io|fm|ai|news|blog",
            post_separator=" // ",
            retrieved="2026-11-30T06:00:00+00:00",
        )
    )
