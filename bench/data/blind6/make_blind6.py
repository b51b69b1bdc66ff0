"""Assemble the blind6 set (twarc2 pages + labels) from its hand-written src/ files: posts split
on " // ", e-mail addresses are no mentions, an account is created before its posts and its
follow date."""

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/, for blind_builder

from blind_builder import Format, build, year_created_at  # noqa: E402

AS_OF = datetime(2026, 11, 30, tzinfo=UTC)


def created_at(row: dict, uid: str) -> str:
    """A creation date in the given year, before the account's first post and its follow date."""
    made = datetime.fromisoformat(year_created_at(row, uid).replace(".000Z", "+00:00"))
    bounds = [AS_OF - timedelta(days=30)]
    if row["last_post"] != "-":
        texts = [t for t in row["posts"].split(" // ") if t.strip()]
        last = datetime.fromisoformat(row["last_post"]).replace(tzinfo=UTC)
        bounds.append(last - timedelta(days=15 * len(texts) + 10))
    if row.get("followed_at"):
        followed = datetime.fromisoformat(row["followed_at"]).replace(tzinfo=UTC)
        bounds.append(followed - timedelta(days=10))
    return min([made, *bounds]).strftime("%Y-%m-%dT%H:%M:%S.000Z")


if __name__ == "__main__":
    build(
        Format(
            Path(__file__).parent,
            "com|my|sg|id|th|vn|ph|aero|au|in|jp|kr|hk|tw|asia|news|tv|net|org|uk|io|ly|fm|travel|co|blog|app",
            post_separator=" // ",
            mention=r"(?<![\w.])@(\w+)",
            created_at=created_at,
        )
    )
