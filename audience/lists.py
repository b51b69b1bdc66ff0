"""Platform Lists from segments, and your own Lists back into the workspace.

``push``: a List named after a segment (or ``--name``) gets the segment's missing members;
members who left the segment are removed only with ``sync``, and never a member of a protected
segment or a target without saying so. Mastodon lists only accounts you follow: those are
skipped with the reason, or followed first (``follow_first``). Every write goes through
:mod:`audience.actions` (logged before and after, capped, paced, resumable).

``pull`` records your own Lists and their members; :func:`import_list` turns one into a segment;
:func:`write_mastodon_csv` writes the ``lists.csv`` Mastodon's own import accepts
(``List title,user@domain``, no header; see docs/formats.md).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audience.actions import (
    ActionSettings,
    RunResult,
    Target,
    follow_states,
    require_write_platform,
    send_all,
    settle,
    writes_last_day,
)
from audience.config import Rules
from audience.crawl import Crawler
from audience.errors import AudienceError, ConfigError
from audience.models import Account, ListInfo
from audience.privacy import is_suppressed
from audience.store import Store

LIST_KINDS = ("list_add", "list_remove")


class ListError(AudienceError):
    """An unknown List, or a List that cannot be made into a segment."""

    exit_code = 2


@dataclass
class Member:
    account_id: int
    platform_id: str
    handle: str | None
    display_name: str | None
    why: str = ""

    @property
    def who(self) -> str:
        return f"@{self.handle}" if self.handle else self.platform_id

    def as_dict(self) -> dict[str, Any]:
        return {"handle": self.handle, "display_name": self.display_name, "why": self.why}

    def target(self, list_id: str | None = None) -> Target:
        return Target(self.account_id, self.platform_id, self.handle, self.why, list_id)


@dataclass
class PushPlan:
    platform: str
    segment: str
    name: str
    private: bool
    list_id: str | None  # None: the List is created first
    add: list[Member] = field(default_factory=list)
    follow_first: list[Member] = field(default_factory=list)
    remove: list[Member] = field(default_factory=list)
    kept: list[Member] = field(default_factory=list)
    skipped: list[Member] = field(default_factory=list)
    over_cap: list[Member] = field(default_factory=list)
    cap: int = 0
    used_today: int = 0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        groups = ("add", "follow_first", "remove", "kept", "skipped", "over_cap")
        return {
            "platform": self.platform,
            "segment": self.segment,
            "list": self.name,
            "list_id": self.list_id,
            "create": self.list_id is None,
            "private": self.private,
            **{g: [m.as_dict() for m in getattr(self, g)] for g in groups},
            "cap": self.cap,
            "used_today": self.used_today,
            "notes": self.notes,
        }


# ---- what is in the workspace -----------------------------------------------------------------


def own_lists(store: Store, platform: str) -> list[dict[str, Any]]:
    """Your Lists on ``platform`` as last pulled or pushed, with member counts."""
    from audience.sync import my_account

    me = my_account(store, platform)
    if me is None:
        return []
    return store.query(
        "SELECT l.*, (SELECT count(*) FROM list_members m WHERE m.list_id = l.id) AS members "
        "FROM lists l WHERE l.platform = ? AND l.owner_id = ? ORDER BY lower(l.name)",
        [platform, me["id"]],
    )


def find_own_list(store: Store, platform: str, name_or_id: str) -> dict[str, Any] | None:
    for row in own_lists(store, platform):
        if row["platform_id"] == name_or_id or (row["name"] or "").lower() == name_or_id.lower():
            return row
    return None


def _members_of(store: Store, list_row_id: int) -> dict[int, dict[str, Any]]:
    return {
        row["id"]: row
        for row in store.query(
            "SELECT a.* FROM list_members m JOIN accounts a ON a.id = m.account_id "
            "WHERE m.list_id = ?",
            [list_row_id],
        )
    }


def _member(row: dict[str, Any], why: str = "") -> Member:
    return Member(row["id"], row["platform_id"], row["handle"], row["display_name"], why)


# ---- push: the dry run ------------------------------------------------------------------------


def plan_push(
    store: Store,
    rules: Rules,
    platform: str,
    segment: str,
    *,
    name: str | None = None,
    private: bool = False,
    sync: bool = False,
    follow_first: bool = False,
    settings: ActionSettings | None = None,
) -> PushPlan:
    """What ``lists push`` would do; nothing is sent."""
    from audience.segment import get_segment

    require_write_platform(platform)
    settings = settings or ActionSettings.from_rules(rules)
    found = get_segment(store, segment)
    name = name or segment
    existing = find_own_list(store, platform, name)
    plan = PushPlan(platform, segment, name, private, existing["platform_id"] if existing else None)
    plan.cap = settings.list_daily_cap
    plan.used_today = writes_last_day(store, platform, LIST_KINDS)
    current = _members_of(store, existing["id"]) if existing else {}
    if not own_lists(store, platform):
        plan.notes.append(
            f"None of your {platform} Lists is recorded yet: `audience lists pull --platform "
            f"{platform}` shows what they hold now (--apply pulls them first anyway)."
        )
    wanted = store.query(
        "SELECT a.*, m.reason FROM segment_members m JOIN accounts a ON a.id = m.account_id "
        "WHERE m.segment_id = ? AND a.platform = ? AND m.excluded = 0 ORDER BY lower(a.handle)",
        [found.id, platform],
    )
    _plan_arrivals(store, plan, [row for row in wanted if row["id"] not in current], follow_first)
    in_segment = {row["id"] for row in wanted}
    leavers = [row for account_id, row in current.items() if account_id not in in_segment]
    _plan_leavers(store, rules, plan, leavers, sync)
    _cap(plan)
    _cap_follows(plan, store, settings)
    plan.notes += _platform_notes(plan)
    return plan


def _plan_arrivals(
    store: Store, plan: PushPlan, rows: list[dict[str, Any]], follow_first: bool
) -> None:
    """Segment members not in the List yet: to add, to follow first, or skipped with why."""
    from audience.privacy import suppressed_account_ids

    suppressed = suppressed_account_ids(store)
    followed = _followed(store, plan.platform) if plan.platform == "mastodon" else None
    for row in rows:
        member = _member(row, f"in segment {plan.segment}")
        state = followed.get(row["id"]) if followed is not None else "done"
        if row["id"] in suppressed:
            member.why = "forgotten (on the suppression list): never listed"
        elif row["state"] != "active":
            member.why = f"account {row['state']}"
        elif state == "pending":  # Mastodon 4.x lists a pending request; older servers say no
            member.why += " (follow request pending)"
            plan.add.append(member)
            continue
        elif state != "done" and not follow_first:
            member.why = "not followed: Mastodon lists only accounts you follow (--follow-first)"
        else:
            if state != "done":
                plan.follow_first.append(member)
            plan.add.append(member)
            continue
        plan.skipped.append(member)


def _plan_leavers(
    store: Store, rules: Rules, plan: PushPlan, rows: list[dict[str, Any]], sync: bool
) -> None:
    """List members no longer in the segment: removed only with ``sync``, and never one who is
    protected (a protected segment, a target, a matched contact) without saying so."""
    from audience.prune import protection

    guarded = protection(store, rules, [row["id"] for row in rows])
    for row in rows:
        member = _member(row)
        if row["id"] in guarded:
            member.why = f"left the segment but kept: {guarded[row['id']]} (remove it by hand)"
            plan.kept.append(member)
        elif sync:
            member.why = f"no longer in segment {plan.segment}"
            plan.remove.append(member)
        else:
            member.why = f"no longer in segment {plan.segment}; --sync removes it"
            plan.kept.append(member)


def _followed(store: Store, platform: str) -> dict[int, str]:
    """Accounts I follow (``done``) or asked to (``pending``), from the last sync and the log."""
    from audience.sync import presence

    _, seen = presence(store, platform, "following")
    states = {a: "done" for a, p in seen.items() if p.in_latest}
    for account_id, action in follow_states(store, platform).items():
        if action["status"] in ("done", "pending"):
            states.setdefault(account_id, action["status"])
    return states


def _cap(plan: PushPlan) -> None:
    left = max(0, plan.cap - plan.used_today)
    writes = [("add", m) for m in plan.add] + [("remove", m) for m in plan.remove]
    over = writes[left:]
    for kind, member in over:
        getattr(plan, kind).remove(member)
        plan.over_cap.append(member)
        if member in plan.follow_first:
            plan.follow_first.remove(member)


def _cap_follows(plan: PushPlan, store: Store, settings: ActionSettings) -> None:
    """--follow-first follows count against the daily follow cap like `audience follow`."""
    cap = settings.daily_caps[plan.platform]
    left = max(0, cap - writes_last_day(store, plan.platform, ("follow",)))
    for member in plan.follow_first[left:]:
        plan.follow_first.remove(member)
        plan.add.remove(member)
        plan.over_cap.append(member)


def _platform_notes(plan: PushPlan) -> list[str]:
    notes = []
    if plan.platform == "bluesky" and plan.private:
        notes.append("Bluesky lists are public records: --private cannot be honoured.")
    if plan.platform == "mastodon":
        notes.append("Mastodon lists are always private to you.")
    if plan.platform == "x":
        notes.append(
            "X List writes need user-context keys and a plan that includes them; a 403 stops "
            "the run and says which."
        )
    return notes


# ---- push: applying ---------------------------------------------------------------------------


@dataclass
class PushResult:
    list_id: str | None = None
    created: bool = False
    followed: RunResult | None = None
    added: RunResult | None = None
    removed: RunResult | None = None

    @property
    def refused(self) -> str | None:
        for run in (self.followed, self.added, self.removed):
            if run and run.refused:
                return run.refused
        return None


def prepare_push(crawler: Crawler) -> list[PulledList]:
    """Check the credentials, record my own Lists as they are now (a List an interrupted run
    created is found, not made twice), and settle writes whose answer was lost."""
    from audience.follow import prepare_apply

    prepare_apply(crawler)  # the credentials are the synced account's; follows settled
    pulled = pull_lists(crawler)
    for kind in LIST_KINDS:
        settle(crawler, kind)
    return pulled


def apply_push(
    crawler: Crawler,
    rules: Rules,
    plan: PushPlan,
    *,
    settings: ActionSettings | None = None,
    on_progress: Callable[[Target, str], None] | None = None,
) -> PushResult:
    """Create the List if needed, follow first (Mastodon), add, then remove (``--sync``);
    each write recorded before and after. Stops at the first refusal of the platform."""
    from audience.privacy import suppressed_account_ids

    store, platform = crawler.store, crawler.platform
    settings = settings or ActionSettings.from_rules(rules)
    result = PushResult(plan.list_id)
    if result.list_id is None:
        result.list_id, result.created = _create_list(crawler, plan), True
    list_id = result.list_id
    list_row = store.scalar(
        "SELECT id FROM lists WHERE platform = ? AND platform_id = ?", [platform.name, list_id]
    )

    def still_allowed(target: Target) -> str | None:
        if target.account_id in suppressed_account_ids(store):
            return "forgotten (on the suppression list): never listed"
        return None

    add = plan.add
    if plan.follow_first:
        result.followed = _follow_first(crawler, rules, plan, settings)
        if result.followed.refused:
            return result
        followed_now = {t.account_id for t in result.followed.done}
        first = {m.account_id for m in plan.follow_first}
        add = [m for m in add if m.account_id not in first or m.account_id in followed_now]
    pause = settings.pauses[platform.name]
    result.added = send_all(
        crawler,
        "list_add",
        "list_write",
        [m.target(list_id) for m in add],
        lambda t: platform.add_list_member(list_id, t.platform_id),
        still_allowed=still_allowed,
        pause=pause,
        on_progress=on_progress,
    )
    with store.transaction():
        store.add_list_members(list_row, [t.account_id for t in result.added.done])
    if result.added.refused:
        return result
    result.removed = send_all(
        crawler,
        "list_remove",
        "list_write",
        [m.target(list_id) for m in plan.remove],
        lambda t: platform.remove_list_member(list_id, t.platform_id),
        still_allowed=lambda t: None,
        pause=pause,
        on_progress=on_progress,
    )
    with store.transaction():
        store.db.conn.executemany(
            "DELETE FROM list_members WHERE list_id = ? AND account_id = ?",
            [(list_row, t.account_id) for t in result.removed.done],
        )
    return result


def _create_list(crawler: Crawler, plan: PushPlan) -> str:
    """Create the List and record it as mine at once (a rerun finds it by name on pull)."""
    from audience.sync import my_account

    store, platform = crawler.store, crawler.platform
    description = f"audience segment {plan.segment}"
    written = crawler.call(
        "list_write", lambda: platform.create_list(plan.name, description, plan.private)
    )
    me = my_account(store, platform.name)
    info = ListInfo(platform.name, written.ref, plan.name, private=plan.private)
    with store.transaction():
        store.upsert_list(info, me["id"] if me else None)
    return written.ref


def _follow_first(
    crawler: Crawler, rules: Rules, plan: PushPlan, settings: ActionSettings
) -> RunResult:
    from audience.follow import Candidate, apply_follows

    candidates = [
        Candidate(
            plan.platform,
            m.handle or m.platform_id,
            f"to put in the List {plan.name}",
            m.account_id,
            m.platform_id,
            m.handle,
        )
        for m in plan.follow_first
    ]
    return apply_follows(crawler, rules, candidates, settings=settings)


# ---- pull: my own Lists into the workspace ----------------------------------------------------


@dataclass
class PulledList:
    platform_id: str
    name: str
    members: int
    skipped_forgotten: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def pull_lists(crawler: Crawler) -> list[PulledList]:
    """Record my own Lists and their members (forgotten people are left out)."""
    store, platform = crawler.store, crawler.platform
    me = crawler.call("me", platform.me)
    with store.transaction():
        me_row = store.upsert_account_rows([me])[0]
    lists = _all_pages(crawler, "owned_lists", lambda c: platform.owned_lists(me.platform_id, c))
    pulled = []
    for info in lists:
        fetched = _all_pages(
            crawler, "list_members", lambda c, i=info: platform.list_members(i.platform_id, c)
        )
        members = [a for a in fetched if not _forgotten(store, a)]
        with store.transaction():
            list_row = store.upsert_list(info, me_row)
            ids = store.upsert_account_rows(members) if members else []
            store.execute("DELETE FROM list_members WHERE list_id = ?", [list_row])
            store.add_list_members(list_row, ids)
        forgotten = len(fetched) - len(members)
        pulled.append(PulledList(info.platform_id, info.name, len(ids), forgotten))
    return pulled


def _forgotten(store: Store, account: Account) -> bool:
    """Never store a forgotten person's account again (privacy.is_suppressed)."""
    handles = [(account.platform, account.handle)] if account.handle else []
    return is_suppressed(
        store, handles=handles, account_ids=[(account.platform, account.platform_id)]
    )


def _all_pages(crawler: Crawler, endpoint: str, fetch: Callable[[str | None], Any]) -> list:
    items, cursor = [], None
    while True:
        page = crawler.call(endpoint, lambda c=cursor: fetch(c))
        items += page.items
        cursor = page.next_cursor
        if cursor is None:
            return items


# ---- a List as a segment, and Mastodon's import file ----------------------------------------


def import_list(store: Store, platform: str, list_ref: str, segment: str) -> int:
    """Make ``segment`` (created if needed) hold the members of one of my pulled Lists;
    returns how many were new to it."""
    from audience.privacy import suppressed_account_ids
    from audience.segment import UnknownSegment, add_members, create_segment, get_segment

    found = find_own_list(store, platform, list_ref)
    if found is None:
        raise ListError(
            f"No List {list_ref!r} of yours on {platform} in the workspace. Run "
            f"`audience lists pull --platform {platform}` first, then use its name or id."
        )
    members = _members_of(store, found["id"])
    forgotten = suppressed_account_ids(store)
    accounts = [row for account_id, row in members.items() if account_id not in forgotten]
    try:
        get_segment(store, segment)
    except UnknownSegment:
        create_segment(store, segment, f"from the {platform} List {found['name']}")
    return add_members(store, segment, accounts) if accounts else 0


def mastodon_rows(
    store: Store, segments: list[str], names: dict[str, str]
) -> list[tuple[str, str]]:
    """``(list title, user@domain)`` for the Mastodon accounts of each segment."""
    from audience.privacy import suppressed_account_ids
    from audience.segment import get_segment

    forgotten = suppressed_account_ids(store)
    rows = []
    for segment in segments:
        found = get_segment(store, segment)
        for row in store.query(
            "SELECT a.id, a.handle FROM segment_members m JOIN accounts a ON a.id = m.account_id "
            "WHERE m.segment_id = ? AND a.platform = 'mastodon' AND m.excluded = 0 "
            "AND a.state = 'active' AND a.handle IS NOT NULL ORDER BY lower(a.handle)",
            [found.id],
        ):
            if row["id"] not in forgotten:
                rows.append((names.get(segment, segment), row["handle"].lstrip("@")))
    return rows


def write_mastodon_csv(path: Path, rows: list[tuple[str, str]]) -> None:
    """The lists.csv Mastodon imports (Preferences > Import and export > Import > Lists): no
    header, ``List title,user@domain``. Titles are made spreadsheet-safe like every export."""
    from audience.export import atomic_write, neutralise

    if not rows:
        raise ConfigError("Nothing to export: no Mastodon accounts in those segments.")

    def write(out: Any) -> None:
        writer = csv.writer(out)
        for title, address in rows:
            writer.writerow([neutralise(title), address])

    atomic_write(path, write)


__all__ = [
    "PushPlan",
    "apply_push",
    "import_list",
    "plan_push",
    "prepare_push",
    "pull_lists",
    "write_mastodon_csv",
]
