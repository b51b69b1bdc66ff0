"""Assemble the blind10 set (twarc2 pages + labels) from its hand-written src/ files: posts split on "||", e-mail addresses are no mentions."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|ch|li|at|eu|it|de|fr|tr|net|org|uk|io|fm|pt|rs|al|lk|blog|info|health|swiss",
            post_separator="||",
            mention=r"(?<![\w.])@(\w+)",
            verified_handles=frozenset(
                {"Helvisana", "MediFon_CH", "SRF_Puls", "RSInews", "TA_Gesundheit"}
            ),
        )
    )
