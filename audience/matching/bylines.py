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
class BylineResult:
    """What became of one byline: ``status`` is accepted, review, merged (into a person already
    matched to the account) or none."""

    name: str
    outlet: str | None
    person_id: int
    status: str = "none"
    handle: str | None = None
    merged_into: str | None = None


@dataclass
class BylineSummary:
    people: list[int] = field(default_factory=list)
    press_added: int = 0
    forgotten: int = 0  # bylines left out: the person was forgotten
    match: MatchSummary | None = None
    results: list[BylineResult] = field(default_factory=list)


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
    from audience.privacy import Suppressions

    summary = BylineSummary()
    suppressions = Suppressions(store)
    kept = [e for e in entries if not suppressions.covers(name=e.name, organisation=e.outlet)]
    summary.forgotten = len(entries) - len(kept)  # a forgotten person is never made again
    entries = kept
    with store.transaction():
        summary.people = [_person_for(store, entry) for entry in entries]
    summary.match = match_people(store, [platform], accept, review, person_ids=summary.people)
    outlets = {pid: e.outlet or "" for pid, e in zip(summary.people, entries, strict=True)}
    results = {
        pid: BylineResult(e.name, e.outlet, pid)
        for pid, e in zip(summary.people, entries, strict=True)
    }
    merged: set[int] = set()
    with store.transaction():
        for match_id, person_id, account_id, status, evidence, handle in store.execute(
            "SELECT m.id, m.person_id, m.account_id, m.status, m.evidence, a.handle "
            "FROM matches m JOIN accounts a ON a.id = m.account_id WHERE m.platform = ? "
            f"AND m.status != 'rejected' AND m.person_id IN ({','.join('?' * len(outlets))}) "
            "ORDER BY m.score DESC",
            [platform, *outlets],
        ).fetchall():
            if person_id in merged:
                continue
            detail = f"byline: {outlets[person_id]}".strip()
            owner = matched_owner(store, account_id, person_id)
            result = results[person_id]
            if owner is not None and is_byline_only(store, person_id):
                if status == "accepted":
                    merge_byline_person(store, person_id, owner, account_id, detail)
                    summary.press_added += add_to_press(store, account_id, detail)
                    result.status, result.handle = "merged", handle
                    result.merged_into = store.scalar(
                        "SELECT name FROM people WHERE id = ?", [owner]
                    )
                    merged.add(person_id)
                    continue
                status = "review"  # a byline should not take an account from a contact
                store.execute("UPDATE matches SET status = 'review' WHERE id = ?", [match_id])
                store.execute(
                    "UPDATE accounts SET person_id = ? WHERE id = ? AND person_id = ?",
                    [owner, account_id, person_id],
                )
            items = json.loads(evidence)
            if not any(i["kind"] == "byline" for i in items):
                items.append({"kind": "byline", "detail": detail, "weight": 0.0})
                store.execute(
                    "UPDATE matches SET evidence = ? WHERE id = ?",
                    [json.dumps(items, ensure_ascii=False), match_id],
                )
            if status == "accepted":
                summary.press_added += add_to_press(store, account_id, detail)
            if result.status in ("none", "review"):
                result.status, result.handle = status, handle
    summary.results = list(results.values())
    return summary


def matched_owner(store: Store, account_id: int, person_id: int) -> int | None:
    """Another person the account already belongs to (linked, or an accepted match)."""
    owner = store.scalar(
        "SELECT person_id FROM accounts WHERE id = ? AND person_id IS NOT NULL AND person_id != ?",
        [account_id, person_id],
    )
    if owner is not None:
        return owner
    return store.scalar(
        "SELECT person_id FROM matches WHERE account_id = ? AND status = 'accepted' "
        "AND person_id != ? ORDER BY decided_by = 'auto', id LIMIT 1",
        [account_id, person_id],
    )


def is_byline_only(store: Store, person_id: int) -> bool:
    """A person made from a byline: no contact card of their own."""
    return not store.scalar("SELECT count(*) FROM contacts WHERE person_id = ?", [person_id])


def merge_byline_person(
    store: Store, byline_person: int, target: int, account_id: int, detail: str
) -> None:
    """Fold a byline-only person into the person already matched to the account: the target
    keeps its name, title and contact details; the byline's beat and outlet go to its notes."""
    notes = store.scalar("SELECT notes FROM people WHERE id = ?", [byline_person]) or ""
    outlet = detail.removeprefix("byline:").strip()
    for line in ([f"byline: {outlet}"] if outlet else []) + [n for n in notes.splitlines() if n]:
        _add_note(store, target, line)
    store.execute("DELETE FROM matches WHERE person_id = ?", [byline_person])
    store.execute("UPDATE accounts SET person_id = ? WHERE person_id = ?", [target, byline_person])
    store.execute("DELETE FROM people WHERE id = ?", [byline_person])
    row = store.execute(
        "SELECT id, evidence FROM matches WHERE person_id = ? AND account_id = ?",
        [target, account_id],
    ).fetchone()
    if row is not None:
        items = json.loads(row[1])
        if not any(i["kind"] == "byline" for i in items):
            items.append({"kind": "byline", "detail": detail, "weight": 0.0})
            store.execute(
                "UPDATE matches SET evidence = ? WHERE id = ?",
                [json.dumps(items, ensure_ascii=False), row[0]],
            )


def _add_note(store: Store, person_id: int, line: str) -> None:
    notes = store.scalar("SELECT notes FROM people WHERE id = ?", [person_id]) or ""
    if line not in notes.splitlines():
        store.execute(
            "UPDATE people SET notes = ?, updated_at = ? WHERE id = ?",
            [f"{notes}\n{line}".strip(), now_iso(), person_id],
        )


def _person_for(store: Store, entry: Byline) -> int:
    for person_id, organisation in store.execute(
        "SELECT id, organisation FROM people WHERE name = ? COLLATE NOCASE", [entry.name]
    ).fetchall():
        if not entry.outlet or fold(organisation) == fold(entry.outlet):
            if entry.beat:
                _add_note(store, person_id, f"beat: {entry.beat}")
            return person_id
    created = now_iso()
    # the beat is what the journalist writes about, not a job title: it goes to the notes
    return store.execute(
        "INSERT INTO people (name, organisation, notes, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        [entry.name, entry.outlet, f"beat: {entry.beat}" if entry.beat else None, created, created],
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
