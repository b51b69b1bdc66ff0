"""Build blind67 (an Amman/Irbid contact centre with a PR team) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402

# The label column names the written form (ar-Latn is Arabizi, ar-EG Egyptian Arabic,
# a slash a mixed account); a post carries what the platform would tag it with.
TAGS = {"ar-Latn": "und", "ar-EG": "ar", "ce": "und", "ady": "und"}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    first = row["lang"].split("/")[0]
    return TAGS.get(first, first), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="jo|com|net|org|io|app|fm|news|me|ps|fr|am|ph|eg|tv|co",
            post_separator=" ¤ ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
            shared_accounts=True,
        )
    )
