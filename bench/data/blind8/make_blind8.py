"""Assemble the blind8 set (twarc2 pages + labels) from its hand-written src/ files: posts split
on " // ", a post may start with "[xx] " to give its own language code (X tags the languages it
does not detect "und"), e-mail addresses are no mentions, and the two files are separate crawls
that may share an account."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

# Languages X detects; anything else (Wolof, Tamazight, Hausa, Pulaar, mixed) comes back "und".
X_LANGS = {"fr", "en", "ar", "pt", "es", "am", "it", "de", "nl", "tr", "zh", "ja", "ko", "hi", "ru"}


def x_lang(code: str) -> str:
    return code if code in X_LANGS else "und"


def post_lang(text: str, row: dict) -> tuple[str, str]:
    override = re.match(r"\[([a-z]{2,3})\] ", text)
    if override:
        return x_lang(override.group(1)), text[override.end() :]
    return x_lang(row["lang"]), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|sn|ma|ci|ml|mr|cv|gn|bf|africa|cx|io|net|org|fr|be|ch|uk|ie|fm|news|info|ke|ng|gh|es|pt|de|fi|tv|co|me|app|ly",
            post_separator=" // ",
            mention=r"(?<![\w.])@(\w+)",
            hashtag=r"(?<![\w&])#(\w+)",
            post_lang=post_lang,
            shared_accounts=True,
        )
    )
