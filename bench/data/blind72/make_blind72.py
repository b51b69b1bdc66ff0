"""Build blind72 (a Sofia/Plovdiv contact-centre and PR outsourcer) from src/*.txt: see README.md."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from blind_builder import Format, build  # noqa: E402


def post_lang(text: str, row: dict) -> tuple[str, str]:
    """Latin-letter Bulgarian (shlyokavitsa) is not recognised: its posts come as 'und'."""
    lang = row["lang"]
    return ("und" if lang == "bg-Latn" else lang), text


if __name__ == "__main__":
    build(
        Format(
            here=HERE,
            tlds="bg|com|eu|net|org|io|tr|ru|gr|fm|uk|info",
            post_separator=" ¶ ",
            mention=r"(?<![\w.])@(\w+)",
            post_lang=post_lang,
            shared_accounts=True,
        )
    )
