"""Assemble the blind23 set (twarc2 pages + labels) from its hand-written src/ files.

Posts are separated by `` || `` (bios and posts hold https:// addresses); the label languages
(id, en, jv, su, min, ban, zh, ar, jaksel, ...) become X's post language codes.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# X tags Indonesian "in"; regional languages are usually tagged Indonesian or undetermined.
X_LANG = {
    "id": "in",
    "jaksel": "in",
    "min": "in",
    "jv": "und",
    "su": "und",
    "ban": "und",
    "nan": "zh",
    "zh": "zh",
    "ar": "ar",
    "en": "en",
    "ms": "in",
}


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """A post may start with ``[xx]`` to give its own language; else the account's first."""
    if text.startswith("[") and "]" in text[:9]:
        code, _, rest = text[1:].partition("]")
        return X_LANG.get(code, code), rest.strip()
    first = row["lang"].split("+")[0].split("/")[0]
    return X_LANG.get(first, "und"), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|id|io|net|org|my|sg|ph|fm|news|uk|ie|au|asia|tv|me|co|blog|app",
            post_separator=" || ",
            post_lang=post_lang,
        )
    )
