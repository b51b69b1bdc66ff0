"""Build blind49 (an Almaty contact-centre telecom, Shanyraq Telecom) from src/*.txt."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

build(
    Format(
        here=Path(__file__).resolve().parent,
        tlds="kz|com|io|ru|kg|uz|org|net|ai|tr|de|info|me|media|news|tv|ee|ua|asia",
        post_separator="¦",
        mention=r"(?<![\w.])@(\w+)",
        retrieved="2026-11-30T10:00:00+00:00",
    )
)
