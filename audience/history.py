"""The crowd over time and who moved jobs, from what the workspace already keeps.

* **Over time**: every ``sync`` and every X-archive import leaves a snapshot of my followers and
  of who I follow (``snapshots``/``snapshot_members``). Per platform and day: how many follow me,
  how many I follow, the follow-back rate, and my followers per segment; per week: followers
  gained and lost between consecutive snapshots. Counted in SQL, so a million-member snapshot
  costs no Python per member.
* **Moves**: a changed bio is kept in ``account_history``. Read with the same bio reading as
  press detection (``roles.press_role``), an old and a new bio that name a different outlet,
  role or beat are a move: "was Reporter @Cedarline Media, now Editor @Harbourlight Media".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from audience.store import Store

# Words that introduce what a journalist covers: "covering consumer tech", "writes about AI".
BEAT_LEADS = (
    "covering",
    "covers",
    "writing about",
    "writes about",
    "reporting on",
    "reports on",
    "beat:",
    "beats:",
    "focus on",
    "focusing on",
)
DETAILED_POINTS = 60
_BEAT = re.compile(
    r"(?:^|\W)(?:" + "|".join(re.escape(lead) for lead in BEAT_LEADS) + r")\s+([^.|;\n]+)",
    re.IGNORECASE,
)


# ---- the crowd over time ------------------------------------------------------------------------


@dataclass
class CrowdDay:
    """One platform on one day, from the last complete snapshots taken that day or before."""

    platform: str
    day: str  # YYYY-MM-DD
    followers: int | None
    following: int | None
    follow_back: int | None  # of those I follow, how many follow me
    by_segment: dict[str, int] = field(default_factory=dict)  # my followers per segment

    @property
    def follow_back_rate(self) -> float | None:
        if not self.following or self.follow_back is None:
            return None
        return self.follow_back / self.following

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "day": self.day,
            "followers": self.followers,
            "following": self.following,
            "follow_back": self.follow_back,
            "follow_back_rate": self.follow_back_rate,
            "followers_by_segment": self.by_segment,
        }


@dataclass
class WeekChange:
    """Followers gained and lost between snapshots, counted in the week of the later one."""

    platform: str
    week: str  # the Monday, YYYY-MM-DD
    gained: int
    lost: int
    by_segment: dict[str, tuple[int, int]] = field(default_factory=dict)  # (gained, lost)

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "week": self.week,
            "gained": self.gained,
            "lost": self.lost,
            "by_segment": {k: {"gained": g, "lost": n} for k, (g, n) in self.by_segment.items()},
        }


@dataclass
class CrowdHistory:
    days: list[CrowdDay]
    weeks: list[WeekChange]

    def as_dict(self) -> dict[str, Any]:
        return {
            "days": [d.as_dict() for d in self.days],
            "weeks": [w.as_dict() for w in self.weeks],
        }


def crowd_over_time(
    store: Store, platform: str | None = None, *, detail: int = DETAILED_POINTS
) -> CrowdHistory:
    """Followers, following and follow-back per day, gains and losses per week.

    Counts come from each snapshot's stored size. Follow-back and followers per segment read
    the members, so they are worked out for at most ``detail`` days (evenly spread, the latest
    always among them); gains and losses for at most ``detail`` weeks (the latest)."""
    snapshots = store.query(
        "SELECT id, platform, kind, count, substr(taken_at, 1, 10) AS day, taken_at "
        "FROM snapshots WHERE complete = 1 AND (? IS NULL OR platform = ?) "
        "ORDER BY platform, taken_at, id",
        [platform, platform],
    )
    by_platform: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for snapshot in snapshots:
        by_platform[snapshot["platform"]].append(snapshot)
    days: list[CrowdDay] = []
    weeks: list[WeekChange] = []
    for name, taken in by_platform.items():
        days += _days(store, name, taken, detail)
        weeks += _weeks(store, name, [s for s in taken if s["kind"] == "followers"], detail)
    return CrowdHistory(days, weeks)


def _days(store: Store, platform: str, taken: list[dict[str, Any]], detail: int) -> list[CrowdDay]:
    """A row per day with a snapshot; each side is the last snapshot of its kind that day or
    before (the day's last one wins)."""
    last_of_day: dict[str, dict[str, dict[str, Any]]] = {}
    for snapshot in taken:
        last_of_day.setdefault(snapshot["day"], {})[snapshot["kind"]] = snapshot
    ordered = sorted(last_of_day)
    detailed = _spread(len(ordered), detail)
    result, current = [], {}
    for n, day in enumerate(ordered):
        current = {**current, **last_of_day[day]}
        followers, following = current.get("followers"), current.get("following")
        row = CrowdDay(
            platform=platform,
            day=day,
            followers=followers["count"] if followers else None,
            following=following["count"] if following else None,
            follow_back=None,
        )
        if n in detailed and followers:
            row.by_segment = _segment_counts(store, followers["id"])
            if following:
                row.follow_back = _overlap(store, following["id"], followers["id"])
        result.append(row)
    return result


def _spread(total: int, wanted: int) -> set[int]:
    """At most ``wanted`` positions out of ``total``, evenly spread, the last one included."""
    if total <= wanted:
        return set(range(total))
    step = (total - 1) / max(wanted - 1, 1)
    return {round(total - 1 - k * step) for k in range(wanted)}


def _overlap(store: Store, first: int, second: int) -> int:
    return store.scalar(
        "SELECT count(*) FROM snapshot_members a JOIN snapshot_members b "
        "ON b.snapshot_id = ? AND b.account_id = a.account_id WHERE a.snapshot_id = ?",
        [second, first],
    )


def _segment_counts(store: Store, snapshot_id: int) -> dict[str, int]:
    rows = store.execute(
        "SELECT s.name, count(*) FROM snapshot_members sm "
        "JOIN segment_members m ON m.account_id = sm.account_id AND m.excluded = 0 "
        "JOIN segments s ON s.id = m.segment_id WHERE sm.snapshot_id = ? "
        "GROUP BY s.name ORDER BY s.name",
        [snapshot_id],
    )
    return dict(rows.fetchall())


_DIFF_SQL = """
SELECT count(*) FROM snapshot_members a
WHERE a.snapshot_id = ?1
  AND NOT EXISTS (SELECT 1 FROM snapshot_members b
                  WHERE b.snapshot_id = ?2 AND b.account_id = a.account_id)
"""
_DIFF_BY_SEGMENT_SQL = """
SELECT s.name, count(*) FROM snapshot_members a
JOIN segment_members m ON m.account_id = a.account_id AND m.excluded = 0
JOIN segments s ON s.id = m.segment_id
WHERE a.snapshot_id = ?1
  AND NOT EXISTS (SELECT 1 FROM snapshot_members b
                  WHERE b.snapshot_id = ?2 AND b.account_id = a.account_id)
GROUP BY s.name
"""


def _weeks(
    store: Store, platform: str, followers: list[dict[str, Any]], detail: int
) -> list[WeekChange]:
    """Per week, who is in the week's last followers snapshot and not in the one before it
    (gained), and the other way round (lost)."""
    last_of_week: dict[str, dict[str, Any]] = {}
    for snapshot in followers:
        last_of_week[_monday(snapshot["day"])] = snapshot
    ordered = sorted(last_of_week)
    weeks = []
    for before, week in list(zip(ordered, ordered[1:], strict=False))[-detail:]:
        old, new = last_of_week[before]["id"], last_of_week[week]["id"]
        gained = dict(store.execute(_DIFF_BY_SEGMENT_SQL, [new, old]).fetchall())
        lost = dict(store.execute(_DIFF_BY_SEGMENT_SQL, [old, new]).fetchall())
        weeks.append(
            WeekChange(
                platform=platform,
                week=week,
                gained=store.scalar(_DIFF_SQL, [new, old]),
                lost=store.scalar(_DIFF_SQL, [old, new]),
                by_segment={
                    name: (gained.get(name, 0), lost.get(name, 0))
                    for name in sorted(set(gained) | set(lost))
                },
            )
        )
    return weeks


def _monday(day: str) -> str:
    parsed = date.fromisoformat(day)
    return (parsed - timedelta(days=parsed.weekday())).isoformat()


# ---- journalist moves ---------------------------------------------------------------------------


@dataclass
class Job:
    role: str | None
    outlet: str | None
    beat: str | None

    def describe(self) -> str:
        if not (self.role or self.outlet):
            return "no job named" + (f", covering {self.beat}" if self.beat else "")
        text = " ".join(p for p in (self.role, f"@{self.outlet}" if self.outlet else None) if p)
        return text + (f", covering {self.beat}" if self.beat else "")


@dataclass
class Move:
    account_id: int
    platform: str
    handle: str | None
    display_name: str | None
    changed_at: str
    was: Job
    now: Job
    changed: list[str]  # "outlet", "role", "beat"
    in_press: bool
    new_bio: str | None

    @property
    def summary(self) -> str:
        return f"was {self.was.describe()}, now {self.now.describe()}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "name": self.display_name,
            "changed_at": self.changed_at,
            "was": vars(self.was),
            "now": vars(self.now),
            "changed": self.changed,
            "summary": self.summary,
        }


def read_job(bio: str | None) -> Job:
    """Role and outlet as press detection reads them, and the beat ("covering ...")."""
    from audience.roles import press_role

    finding = press_role(bio)
    beat = _BEAT.search(bio or "")
    return Job(
        role=finding.term if finding and not finding.is_outlet_account else None,
        outlet=finding.outlet.lstrip("@") if finding and finding.outlet else None,
        beat=beat.group(1).strip(" ,&") if beat else None,
    )


def _key(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def find_moves(
    store: Store,
    *,
    segment: str | None = None,
    since: datetime | None = None,
    platform: str | None = None,
) -> list[Move]:
    """Bio changes that name another outlet, role or beat, newest first; suppressed
    (forgotten) accounts are left out."""
    from audience.privacy import suppressed_account_ids

    hidden = suppressed_account_ids(store)
    rows = store.query(
        """SELECT h.account_id, h.old_value, h.new_value, h.changed_at, a.platform, a.handle,
                  a.display_name,
                  EXISTS (SELECT 1 FROM segment_members m JOIN segments s ON s.id = m.segment_id
                          WHERE m.account_id = a.id AND s.name = 'press' AND m.excluded = 0)
                    AS in_press
           FROM account_history h JOIN accounts a ON a.id = h.account_id
           WHERE h.field = 'bio' AND h.changed_at >= ?
             AND (? IS NULL OR a.platform = ?)
             AND (? IS NULL OR a.id IN (SELECT m.account_id FROM segment_members m
                  JOIN segments s ON s.id = m.segment_id WHERE s.name = ? AND m.excluded = 0))
           ORDER BY h.changed_at DESC, h.id DESC""",
        [
            since.astimezone(UTC).isoformat(timespec="seconds") if since else "",
            platform,
            platform,
            segment,
            segment,
        ],
    )
    moves = []
    for row in rows:
        if row["account_id"] in hidden:
            continue
        was, now = read_job(row["old_value"]), read_job(row["new_value"])
        changed = [
            name
            for name in ("outlet", "role", "beat")
            if _key(getattr(was, name)) != _key(getattr(now, name))
        ]
        if not changed:
            continue
        moves.append(
            Move(
                account_id=row["account_id"],
                platform=row["platform"],
                handle=row["handle"],
                display_name=row["display_name"],
                changed_at=row["changed_at"],
                was=was,
                now=now,
                changed=changed,
                in_press=bool(row["in_press"]),
                new_bio=row["new_value"],
            )
        )
    return moves


def update_press_evidence(store: Store, moves: list[Move]) -> int:
    """Rewrite the press segment's reason for members who moved, from their current bio, so
    the segment says where they work now. Members are never added or removed here; returns
    how many reasons changed."""
    from audience.roles import press_role

    latest: dict[int, Move] = {}
    for move in moves:  # newest first: the first seen is the current job
        latest.setdefault(move.account_id, move)
    updates = []
    for account_id, move in latest.items():
        bio = store.scalar("SELECT bio FROM accounts WHERE id = ?", [account_id])
        finding = press_role(bio)
        if move.in_press and finding:
            updates.append((f"{finding.reason}; moved {move.changed_at[:10]}", account_id))
    changed = 0
    with store.transaction():
        for reason, account_id in updates:
            changed += store.execute(
                "UPDATE segment_members SET reason = ? "
                "WHERE account_id = ? AND excluded = 0 AND reason IS NOT ? AND segment_id = "
                "(SELECT id FROM segments WHERE name = 'press')",
                [reason, account_id, reason],
            ).rowcount
    return changed


def since_text(text: str | None, now: datetime | None = None) -> datetime | None:
    """``90d``, ``12w``, ``24h`` or a date, as a UTC moment (``None`` for no limit)."""
    if not text:
        return None
    units = {"h": "hours", "d": "days", "w": "weeks"}
    now = now or datetime.now(UTC)
    if text[-1:] in units and text[:-1].isdigit():
        return now - timedelta(**{units[text[-1]]: int(text[:-1])})
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--since {text!r}: use 90d, 12w, 24h or a date like 2026-08-01") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
