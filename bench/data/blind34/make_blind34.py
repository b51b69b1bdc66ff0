"""Build blind34 (a Ho Chi Minh City courier's contact centre) from src/*.txt.

Run: uv run python bench/data/blind34/make_blind34.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

build(
    Format(
        here=HERE,
        tlds="vn|com|net|org|io|asia|co|jp|kr|tw|cn|hk|fr|kh|sg|me|info|biz",
        post_separator=" ‖ ",
        mention=r"(?<![\w.])@(\w+)",
    )
)
