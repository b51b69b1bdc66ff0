"""Build blind46 (a Tel Aviv passenger-service and ticketing company) from src/*.txt.

Posts are separated by ``||``; bare addresses in bios are links for Israeli and common TLDs.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="co\\.il|org\\.il|gov\\.il|ac\\.il|net\\.il|muni\\.il|il|com|net|org|io|ai|app|ru|fr|news|tv|me|et",
            post_separator="||",
            mention=r"(?<![\w.])@(\w+)",
        )
    )
