"""Bylines (a name and an outlet) become people, matched to accounts and put in ``press``."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from audience.errors import InputError
from audience.matching.matcher import ACCEPT, REVIEW, MatchSummary, match_people
from audience.matching.names import fold
from audience.store import Store, now_iso


@dataclass(frozen=True)
class Byline:
    name: str
    outlet: str | None = None
    beat: str | None = None


@dataclass
class BylineSummary:
    people: list[int] = field(default_factory=list)
    press_added: int = 0
    match: MatchSummary | None = None


def parse_byline(text: str, position: str = "argument") -> Byline:
    """``Jane Doe @ Contact Centre World`` (outlet optional)."""
    name, _, outlet = text.partition(" @ ")
    if not name.strip():
        raise InputError("bylines", position, f"no name in {text!r}")
    return Byline(name.strip(), outlet.strip() or None)


def read_bylines_csv(path: str | Path) -> list[Byline]:
    """A CSV with columns name, outlet and (optionally) beat."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
            if "name" not in fields:
                raise InputError(path, "line 1", "no 'name' column (expected name,outlet,beat)")
            entries = []
            for row in reader:
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
                if not row.get("name"):
                    raise InputError(path, f"line {reader.line_num}", "empty name")
                entries.append(
                    Byline(row["name"], row.get("outlet") or None, row.get("beat") or None)
                )
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, None, f"not a readable CSV ({exc})") from None
    return entries


def match_bylines(
    store: Store,
    entries: list[Byline],
    platform: str,
    accept: float = ACCEPT,
    review: float = REVIEW,
) -> BylineSummary:
    """Create (or reuse) a person per byline, match them on ``platform``, and put every accepted
    account in the ``press`` segment with reason ``byline: <outlet>``."""
    summary = BylineSummary()
    with store.transaction():
        summary.people = [_person_for(store, entry) for entry in entries]
    summary.match = match_people(store, [platform], accept, review, person_ids=summary.people)
    outlets = {pid: e.outlet or "" for pid, e in zip(summary.people, entries, strict=True)}
    with store.transaction():
        for match_id, person_id, account_id, status, evidence in store.execute(
            f"SELECT id, person_id, account_id, status, evidence FROM matches WHERE platform = ? "
            f"AND status != 'rejected' AND person_id IN ({','.join('?' * len(outlets))})",
            [platform, *outlets],
        ).fetchall():
            detail = f"byline: {outlets[person_id]}".strip()
            items = json.loads(evidence)
            if not any(i["kind"] == "byline" for i in items):
                items.append({"kind": "byline", "detail": detail, "weight": 0.0})
                store.execute(
                    "UPDATE matches SET evidence = ? WHERE id = ?",
                    [json.dumps(items, ensure_ascii=False), match_id],
                )
            if status == "accepted":
                summary.press_added += add_to_press(store, account_id, detail)
    return summary


def _person_for(store: Store, entry: Byline) -> int:
    for person_id, organisation in store.execute(
        "SELECT id, organisation FROM people WHERE name = ? COLLATE NOCASE", [entry.name]
    ).fetchall():
        if not entry.outlet or fold(organisation) == fold(entry.outlet):
            return person_id
    created = now_iso()
    return store.execute(
        "INSERT INTO people (name, organisation, title, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        [entry.name, entry.outlet, entry.beat, created, created],
    ).fetchone()[0]


def add_to_press(store: Store, account_id: int, reason: str) -> int:
    """Put an account in the ``press`` segment unless it is already there; returns 1 if added."""
    segment_id = store.scalar("SELECT id FROM segments WHERE name = 'press'")
    if segment_id is None:
        return 0
    cursor = store.execute(
        "INSERT INTO segment_members (segment_id, account_id, source, reason, created_at) "
        "VALUES (?, ?, 'match', ?, ?) ON CONFLICT DO NOTHING",
        [segment_id, account_id, reason, now_iso()],
    )
    return cursor.rowcount
