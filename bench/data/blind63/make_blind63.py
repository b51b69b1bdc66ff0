"""Build blind63 (a Tirana contact-centre outsourcer working for Albanian and Italian brands)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

build(
    Format(
        here=Path(__file__).resolve().parent,
        tlds="al|it|com|org|net|io|eu|gr|de|me|rs|tv|info|news|media|mk",
        post_separator=" || ",
        mention=r"(?<![\w.])@(\w+)",
        retrieved="2026-11-30T09:00:00+00:00",
    )
)
