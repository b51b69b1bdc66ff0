"""Build the blind40 set (a Riga electricity and gas retailer's contact centre and PR team).

Reads src/segment_*.txt and src/prune_*.txt (the ``~~`` source format of bench/blind_builder.py)
and writes segment.jsonl, prune.jsonl, prune_follows.csv, segment_labels.csv and
prune_labels.csv beside this file. Posts within an account are separated by `` ^^ ``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# Baltic and neighbouring country domains, plus the generic ones that appear in bios here.
TLDS = "lv|lt|ee|fi|se|de|pl|ua|eu|com|io|net|org|fm|blog|top|xyz"

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds=TLDS,
            post_separator=" ^^ ",
            mention=r"(?<![\w.])@(\w+)",
            hashtag=r"(?<![\w&])#(\w+)",
        )
    )
