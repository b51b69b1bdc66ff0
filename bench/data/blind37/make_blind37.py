"""Build blind37 (a Lagos fibre broadband provider's CX and PR team) from src/*.txt."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

FORMAT = Format(
    here=HERE,
    tlds="com|ng|com\\.ng|net|org|io|africa|tv|fm|news|cn|fr|bj|co|uk|info|net\\.ng|org\\.ng|edu\\.ng|gov\\.ng",
    post_separator="¶",
    retrieved="2026-11-30T10:00:00+00:00",
    mention=r"(?<![\w.])@(\w+)",
)

if __name__ == "__main__":
    build(FORMAT)
