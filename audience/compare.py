"""Two audiences side by side: mine and a competitor's, from the follow lists already stored.

``--by followers`` compares who follows each account; ``--by following`` who each follows. A
list is what the workspace holds: the edges a crawl or import stored (``follows``) and, for my
own accounts, the latest complete sync or archive snapshot. The result: the overlap, the
accounts on their side and not on mine ranked by relevance (segment, topics in the bio, reach;
the export's score), and the segment and country mix of each side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audience.errors import AudienceError
from audience.store import Store

BY = ("followers", "following")
TOP_MISSING = 25


class CompareError(AudienceError):
    """An account to compare is unknown, or nothing is stored for it."""


@dataclass
class Side:
    account: dict[str, Any]
    members: set[int]
    segments: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)

    @property
    def label(self) -> str:
        return "@" + (self.account["handle"] or self.account["platform_id"])


@dataclass
class Comparison:
    by: str
    mine: Side
    theirs: Side
    overlap: int
    missing: list[dict[str, Any]]  # on their side only, most relevant first
    missing_total: int

    @property
    def jaccard(self) -> float:
        union = len(self.mine.members | self.theirs.members)
        return self.overlap / union if union else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "mine": _side_dict(self.mine),
            "theirs": _side_dict(self.theirs),
            "overlap": self.overlap,
            "jaccard": round(self.jaccard, 4),
            "only_theirs": self.missing_total,
            "only_mine": len(self.mine.members - self.theirs.members),
            "missing": self.missing,
        }


def _side_dict(side: Side) -> dict[str, Any]:
    return {
        "account": side.label,
        "platform": side.account["platform"],
        "size": len(side.members),
        "segments": dict(side.segments.most_common()),
        "countries": dict(side.countries.most_common()),
    }


def resolve(store: Store, text: str, platform: str) -> dict[str, Any]:
    account = store.find_account(platform, text)
    if account is None:
        raise CompareError(
            f"No {platform} account {text!r} in the workspace; import or crawl it first "
            f"(audience find follows {text} --followers)."
        )
    return account


def compare(
    store: Store,
    mine: str,
    theirs: str,
    *,
    platform: str = "x",
    by: str = "followers",
    topics: Iterable[str] = (),
    limit: int = TOP_MISSING,
) -> Comparison:
    """Compare two accounts' stored follower (or following) lists."""
    if by not in BY:
        raise CompareError(f"--by {by!r}: use followers or following.")
    from audience.privacy import suppressed_account_ids

    hidden = suppressed_account_ids(store)
    sides = []
    for text in (mine, theirs):
        account = resolve(store, text, platform)
        members = audience_of(store, account["id"], platform, by) - hidden
        if not members:
            raise CompareError(
                f"No {by} of {text} are stored; crawl them first "
                f"(audience find follows {text}{' --followers' if by == 'followers' else ''})."
            )
        sides.append(Side(account, members))
    me, them = sides
    everyone = me.members | them.members
    segments = _segments(store, everyone)
    places = _countries(store, everyone)
    for side in sides:
        for account_id in side.members:
            side.segments.update(segments.get(account_id, ["(none)"]))
            side.countries[places.get(account_id) or "Unknown"] += 1
    only_theirs = them.members - me.members
    ranked = rank_missing(store, only_theirs, segments, topics)
    return Comparison(
        by=by,
        mine=me,
        theirs=them,
        overlap=len(me.members & them.members),
        missing=ranked[:limit],
        missing_total=len(only_theirs),
    )


def audience_of(store: Store, account_id: int, platform: str, by: str) -> set[int]:
    """The stored followers (or following) of an account; for my own account also the latest
    complete snapshot of that list."""
    if by == "followers":
        sql = "SELECT follower_id FROM follows WHERE followed_id = ?"
    else:
        sql = "SELECT followed_id FROM follows WHERE follower_id = ?"
    members = {row[0] for row in store.execute(sql, [account_id])}
    mine = store.scalar("SELECT account_id FROM my_accounts WHERE platform = ?", [platform])
    if mine == account_id:
        snapshot = store.scalar(
            "SELECT id FROM snapshots WHERE platform = ? AND kind = ? AND complete = 1 "
            "ORDER BY taken_at DESC, id DESC LIMIT 1",
            [platform, by],
        )
        if snapshot is not None:
            members |= {
                row[0]
                for row in store.execute(
                    "SELECT account_id FROM snapshot_members WHERE snapshot_id = ?", [snapshot]
                )
            }
    members.discard(account_id)
    return members


def _segments(store: Store, ids: set[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for account_id, name in store.execute(
        "SELECT m.account_id, s.name FROM segment_members m JOIN segments s "
        "ON s.id = m.segment_id WHERE m.excluded = 0 ORDER BY m.is_primary DESC, s.name"
    ):
        if account_id in ids:
            result.setdefault(account_id, []).append(name)
    return result


def _with_ids(store: Store, ids: set[int]) -> None:
    """The ids in a temporary table, to join instead of reading every account."""
    store.execute("CREATE TEMP TABLE IF NOT EXISTS _compare_ids (id INTEGER PRIMARY KEY)")
    store.execute("DELETE FROM _compare_ids")
    store.db.conn.executemany("INSERT INTO _compare_ids VALUES (?)", [(i,) for i in ids])


def _countries(store: Store, ids: set[int]) -> dict[int, str | None]:
    _with_ids(store, ids)
    return dict(
        store.execute(
            "SELECT a.id, a.country FROM _compare_ids i JOIN accounts a ON a.id = i.id"
        ).fetchall()
    )


def rank_missing(
    store: Store, ids: set[int], segments: dict[int, list[str]], topics: Iterable[str]
) -> list[dict[str, Any]]:
    """Accounts most worth reaching first: in a segment, talking about my topics, with reach
    (the export's relevance score)."""
    from audience.export import relevance

    keys = [t.lstrip("#").casefold() for t in topics if t.strip("# ")]
    ranked = []
    _with_ids(store, ids)
    for row in store.query(
        "SELECT a.id, a.platform, a.platform_id, a.handle, a.display_name, a.bio, "
        "a.followers_count, a.country FROM _compare_ids i JOIN accounts a ON a.id = i.id "
        "WHERE a.handle IS NOT NULL"
    ):
        bio = (row["bio"] or "").casefold()
        hits = sum(1 for key in keys if key in bio)
        row["segments"] = segments.get(row["id"], [])
        row["relevance"] = relevance(bool(row["segments"]), hits, row["followers_count"] or 0)
        ranked.append(row)
    ranked.sort(key=lambda r: (-r["relevance"], -(r["followers_count"] or 0), r["id"]))
    return ranked
