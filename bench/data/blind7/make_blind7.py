"""Assemble the blind7 set (twarc2 pages + labels) from its hand-written src/ files: posts split
on "||", creation dates as a year, "YYYY-MM" or a full date, each post's language from its
script."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build  # noqa: E402

SCRIPTS = (
    ("\u0c80", "\u0cff", "kn"),
    ("\u0b80", "\u0bff", "ta"),
    ("\u0d00", "\u0d7f", "ml"),
    ("\u0c00", "\u0c7f", "te"),
    ("\u0980", "\u09ff", "bn"),
    ("\u0a80", "\u0aff", "gu"),
    ("\u0900", "\u097f", "hi"),
    ("\u0600", "\u06ff", "ar"),
)


def created_at(row: dict, uid: str) -> str:
    """A year gets a month and day from the id; "YYYY-MM" a day; a full date is kept."""
    parts = row["created"].split("-")
    if len(parts) == 1:
        parts.append(f"{int(uid[-2:]) % 12 + 1:02d}")
    if len(parts) == 2:
        parts.append(f"{int(uid[-4:-2]) % 28 + 1:02d}")
    return "-".join(parts) + "T09:14:22.000Z"


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """The language X would tag a post with: its script decides, else the account's language."""
    account_lang = row["lang"]
    for low, high, lang in SCRIPTS:
        if any(low <= char <= high for char in text):
            if (lang, account_lang) in (("hi", "mr"), ("ar", "ur")):
                return account_lang, text
            return lang, text
    if not any(char.isalpha() for char in text):
        return "und", text
    return (account_lang if account_lang in ("en", "fr", "es", "pt", "de", "tr") else "en"), text


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|in|ae|care|ai|health|news|net|org|uk|io|ly|fm|app|media|lk|sa|qa|bd|pk|co|sg|us|blog|ng|ke",
            post_separator="||",
            created_at=created_at,
            post_lang=post_lang,
        )
    )
