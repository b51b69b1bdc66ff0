"""The review queue: proposals a person confirms or rejects, one committed decision at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from audience.errors import InputError
from audience.store import Store, now_iso

DECISIONS = ("accept", "reject", "skip")
STATUSES = ("accepted", "review", "rejected")


@dataclass
class ReviewItem:
    match: dict
    person: dict
    contacts: list[dict]
    account: dict
    evidence: list[dict]
    others: int  # other candidates waiting for this person on this platform
    rank: int = 1  # place in the queue, most likely first
    queue: int = 1  # proposals waiting in all


def next_for_review(
    store: Store, skip: Iterable[int] = (), platform: str | None = None
) -> ReviewItem | None:
    """The highest-scoring proposal still waiting, leaving out the ids in ``skip``."""
    skip = list(skip)
    sql = "SELECT * FROM matches WHERE status = 'review'"
    params: list = []
    if platform:
        sql += " AND platform = ?"
        params.append(platform)
    if skip:
        sql += f" AND id NOT IN ({','.join('?' * len(skip))})"
        params += skip
    rows = store.query(sql + " ORDER BY score DESC, id LIMIT 1", params)
    if not rows:
        return None
    match = rows[0]
    person = store.query("SELECT * FROM people WHERE id = ?", [match["person_id"]])[0]
    contacts = store.query(
        "SELECT full_name, organisation, title, city, emails, social, linkedin_url, source "
        "FROM contacts WHERE person_id = ?",
        [match["person_id"]],
    )
    account = store.query(
        "SELECT id, platform, handle, display_name, bio, location, website, url, "
        "followers_count FROM accounts WHERE id = ?",
        [match["account_id"]],
    )[0]
    others = store.scalar(
        "SELECT count(*) FROM matches WHERE person_id = ? AND platform = ? AND status = 'review' "
        "AND id != ?",
        [match["person_id"], match["platform"], match["id"]],
    )
    where = "status = 'review'" + (" AND platform = ?" if platform else "")
    scope = [platform] if platform else []
    queue = store.scalar(f"SELECT count(*) FROM matches WHERE {where}", scope)
    rank = 1 + store.scalar(
        f"SELECT count(*) FROM matches WHERE {where} AND (score > ? OR (score = ? AND id < ?))",
        [*scope, match["score"], match["score"], match["id"]],
    )
    return ReviewItem(
        match, person, contacts, account, json.loads(match["evidence"]), others, rank, queue
    )


def decide(store: Store, match_id: int, decision: str, decided_by: str = "manual") -> dict:
    """Accept, reject or skip one proposal; the decision is committed before returning.

    Accepting gives the account to the person and rejects the person's other candidates on the
    same platform (one account per platform). ``skip`` changes nothing.
    """
    if decision not in DECISIONS:
        raise InputError("decision", None, f"{decision!r} is not one of {', '.join(DECISIONS)}")
    rows = store.query("SELECT * FROM matches WHERE id = ?", [match_id])
    if not rows:
        raise InputError("match", str(match_id), "no such match")
    match = rows[0]
    if decision == "skip":
        return match
    decided = now_iso()
    if decision == "accept" and _merge_byline(store, match):
        return {**match, "status": "merged"}
    with store.transaction():
        status = "accepted" if decision == "accept" else "rejected"
        store.execute(
            "UPDATE matches SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
            [status, decided_by, decided, match_id],
        )
        if status == "accepted":
            _accept_side_effects(store, match, decided_by, decided)
        else:
            store.execute(
                "UPDATE accounts SET person_id = NULL WHERE id = ? AND person_id = ?",
                [match["account_id"], match["person_id"]],
            )
    return store.query("SELECT * FROM matches WHERE id = ?", [match_id])[0]


def _merge_byline(store: Store, match: dict) -> bool:
    """Accepting a byline for an account already matched to someone folds the byline into
    that person (who keeps the account and their contact details); True when it did."""
    from audience.matching.bylines import is_byline_only, matched_owner, merge_byline_person

    evidence = json.loads(match["evidence"])
    byline = next((e for e in evidence if e.get("kind") == "byline"), None)
    if byline is None or not is_byline_only(store, match["person_id"]):
        return False
    owner = matched_owner(store, match["account_id"], match["person_id"])
    if owner is None:
        return False
    from audience.matching.bylines import add_to_press

    with store.transaction():
        merge_byline_person(store, match["person_id"], owner, match["account_id"], byline["detail"])
        add_to_press(store, match["account_id"], byline["detail"])
    return True


def _accept_side_effects(store: Store, match: dict, decided_by: str, decided: str) -> None:
    store.execute(
        "UPDATE matches SET status = 'rejected', decided_by = ?, decided_at = ? "
        "WHERE person_id = ? AND platform = ? AND id != ? AND status != 'rejected'",
        [decided_by, decided, match["person_id"], match["platform"], match["id"]],
    )
    store.execute(
        "UPDATE accounts SET person_id = ? WHERE id = ?", [match["person_id"], match["account_id"]]
    )
    for item in json.loads(match["evidence"]):
        if item.get("kind") == "byline":
            from audience.matching.bylines import add_to_press

            add_to_press(store, match["account_id"], item["detail"])


def list_matches(
    store: Store, status: str | None = None, platform: str | None = None
) -> list[dict]:
    """Matches with the person's name and the account's handle, best first."""
    if status is not None and status not in STATUSES:
        raise InputError("--status", None, f"{status!r} is not one of {', '.join(STATUSES)}")
    sql = (
        "SELECT m.id, m.platform, p.name AS person, m.person_id, a.handle, a.display_name, "
        "m.account_id, m.score, m.status, m.method, m.decided_by, m.evidence "
        "FROM matches m JOIN people p ON p.id = m.person_id "
        "JOIN accounts a ON a.id = m.account_id WHERE 1 = 1"
    )
    params: list = []
    if status:
        sql += " AND m.status = ?"
        params.append(status)
    if platform:
        sql += " AND m.platform = ?"
        params.append(platform)
    rows = store.query(sql + " ORDER BY m.status, m.score DESC, m.id", params)
    rank = 0
    for row in rows:
        row["evidence"] = json.loads(row["evidence"])
        # the review queue's order: the place a reviewer reaches the proposal, most likely first
        rank += row["status"] == "review"
        row["rank"] = rank if row["status"] == "review" else None
    return rows
