"""Assemble the blind25 set (twarc2 pages + labels) from its hand-written src/ files."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# The label's language -> the `lang` X gives the posts (X has no code for Taglish, Cebuano,
# Hiligaynon or Ilocano: Taglish and Cebuano come back as Tagalog, the others undetermined).
X_LANG = {
    "taglish": "tl",
    "ceb": "tl",
    "hil": "und",
    "ilo": "und",
    "nan": "zh",
    "yue": "zh",
}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    return X_LANG.get(row["lang"], row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|ph|ai|io|app|net|org|asia|sg|hk|news|fm|me|ly|blog|co|tv|jp|ae|it|uk|au|link",
            post_separator="||",
            post_lang=post_lang,
        )
    )
