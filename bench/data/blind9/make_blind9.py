"""Assemble the blind9 set (twarc2 pages + labels) from its hand-written src/ files: posts split on " // "."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|ca|coop|cx|fi|do|ph|mx|br|eu|it|fr|net|org|uk|io|ly|fm|news|blog|substack|media",
            post_separator=" // ",
        )
    )
