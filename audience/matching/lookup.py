"""Live look-up: ask a platform for candidate accounts within a request budget, store them, and
score them like every stored account.

X has no people search on the tiers we use, so candidates there come from guessed handles
(e-mail local part, name shapes) looked up 100 at a time; other platforms get one
``search_accounts`` request per person. Handles written in contact cards are looked up first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from audience.errors import RateLimited
from audience.matching.evidence import Person, load_people
from audience.matching.matcher import ACCEPT, REVIEW, MatchSummary, match_people
from audience.platforms.base import Platform
from audience.store import Store

X_HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")


@dataclass
class LookupSummary:
    requests: int = 0
    asked: int = 0
    found: int = 0
    stopped: str | None = None  # why the look-up stopped early (budget, rate limit)
    match: MatchSummary | None = None
    notes: list[str] = field(default_factory=list)


def lookup_and_match(
    store: Store,
    platform: Platform,
    *,
    budget: int = 50,
    per_person: int = 5,
    person_ids: list[int] | None = None,
    accept: float = ACCEPT,
    review: float = REVIEW,
) -> LookupSummary:
    """Fetch candidates for people not yet matched on ``platform``, then run the matcher."""
    summary = LookupSummary()
    people = [p for p in load_people(store, person_ids) if p.usable]
    done = {
        r[0]
        for r in store.execute(
            "SELECT person_id FROM matches WHERE platform = ? AND status = 'accepted'",
            [platform.name],
        )
    }
    people = [p for p in people if p.id not in done]
    try:
        _lookup_handles(store, platform, people, budget, summary)
        if platform.name != "x":
            _search_people(store, platform, people, budget, per_person, summary)
    except RateLimited as exc:
        summary.stopped = f"rate limited until {exc.reset_at or 'later'}"
    summary.match = match_people(store, [platform.name], accept, review, person_ids=person_ids)
    return summary


def guessed_handles(person: Person, platform: str) -> list[str]:
    """Handles to try, most telling first: card handles, e-mail local parts, name shapes."""
    card = [key for plat, key in sorted(person.refs) if plat == platform]
    if platform != "x":
        return card
    guesses = card + person.locals + sorted(person.handle_forms, key=len)
    return [g for g in dict.fromkeys(guesses) if X_HANDLE.match(g)]


def _lookup_handles(
    store: Store, platform: Platform, people: list[Person], budget: int, summary: LookupSummary
) -> None:
    handles = list(dict.fromkeys(h for p in people for h in guessed_handles(p, platform.name)))
    batch_size = max(1, platform.costs["lookup"].page_size) if "lookup" in platform.costs else 1
    for batch in _chunks(handles, batch_size):
        if summary.requests >= budget:
            summary.stopped = "budget"
            return
        result = platform.lookup(handles=batch)
        summary.requests += 1
        summary.asked += len(batch)
        with store.transaction():
            store.upsert_accounts(result.found)
        summary.found += len(result.found)


def _search_people(
    store: Store,
    platform: Platform,
    people: list[Person],
    budget: int,
    per_person: int,
    summary: LookupSummary,
) -> None:
    for person in people:
        if summary.requests >= budget:
            summary.stopped = "budget"
            return
        query = person.label or person.name.full
        if not query:
            continue
        # LinkedIn's people search can also filter by company: namesakes stay out
        options = {"company": person.org} if platform.name == "linkedin" and person.org else {}
        found = platform.search_accounts(query, limit=per_person, **options)
        summary.requests += 1
        summary.asked += 1
        with store.transaction():
            store.upsert_accounts(found)
        summary.found += len(found)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
