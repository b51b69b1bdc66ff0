"""Build blind53 (a La Paz / El Alto urban cable-car operator's contact centre and PR team).

Run from the repository root: ``uv run python bench/data/blind53/make_blind53.py``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blind_builder import Format, build  # noqa: E402

build(
    Format(
        here=Path(__file__).parent,
        tlds="bo|com|org|net|io|app|at|de|ch|br|pe|ar|cl|es|edu|info|fm|tv|news|jp|py",
        post_separator="¶",
        mention=r"(?<![\w.])@(\w+)",
    )
)
