"""Text folding shared by every module that compares human-written strings."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w&]+")


def fold(text: str | None) -> str:
    """Lower-case ASCII with accents and punctuation removed: "Zoë  O’Brien!" -> "zoe o brien"."""
    if not text:
        return ""
    from anyascii import anyascii

    text = anyascii(unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())
