"""The log of writes sent to a platform (follows, List members added or removed), its daily caps,
and the loop that sends them one by one, safely.

Every write goes planned -> sent -> done / pending / failed / refused in ``platform_actions``,
each step committed before the next (like prune's ``unfollow_actions``). A kill leaves at worst
one ``sent`` row whose outcome is unknown; :func:`settle_follows` finds out from the platform
whether it took effect before anything new is sent, so nobody is followed twice.

Settings live in ``audience.toml``::

    [follow]
    warn_bluesky_daily = 100       # warn above this many Bluesky follows in 24 hours
    list_daily_cap = 500           # List members added or removed, per platform per day

    [follow.x]
    daily_cap = 200                # follows per day (X allows 400 per user)
    pause_seconds = 20             # between two writes (X allows 50 follows per 15 minutes)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from audience.config import Rules
from audience.crawl import Crawler
from audience.errors import (
    AccountUnavailable,
    AuthError,
    ConfigError,
    NotSupported,
    PlatformError,
    RefusedForAccount,
    TransientError,
)
from audience.platforms.base import Written
from audience.store import Store, now_iso

WRITE_PLATFORMS = ("x", "bluesky", "mastodon")

# Defaults under each platform's own limits (docs/apis.md "Writes and volumes"):
# X: 400 follows a day per user and 50 per 15 minutes -> 200 a day, one per 20 s.
# Bluesky: a create costs 3 of 5,000 points an hour and 35,000 a day (about 11,600 creates a
#   day) -> 300 a day, one per 3 s; the daily cap is far lower because of the warning below.
# Mastodon: no published follow limit; 300 requests per 5 minutes -> 200 a day, one per 2 s.
DEFAULT_CAPS = {"x": 200, "bluesky": 300, "mastodon": 200}
DEFAULT_PAUSES = {"x": 20.0, "bluesky": 3.0, "mastodon": 2.0}
DEFAULT_LIST_CAP = 500
# Bluesky publishes no number for "follows too many": its Trust & Safety team acts against
# "bulk follow/unfollow" and community moderation lists are filled by tools that add accounts
# following in bulk or follow-farming. 100 follows in 24 hours is where audience warns; set
# [follow] warn_bluesky_daily to change it.
DEFAULT_BLUESKY_WARNING = 100


@dataclass
class ActionSettings:
    daily_caps: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_CAPS))
    pauses: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_PAUSES))
    list_daily_cap: int = DEFAULT_LIST_CAP
    warn_bluesky_daily: int = DEFAULT_BLUESKY_WARNING

    @classmethod
    def from_rules(cls, rules: Rules) -> ActionSettings:
        table = rules.raw.get("follow", {}) or {}
        if not isinstance(table, dict):
            raise ConfigError("audience.toml: [follow] must be a table")
        settings = cls()
        for key in ("list_daily_cap", "warn_bluesky_daily"):
            if key in table:
                setattr(settings, key, int(_number(table[key], f"[follow] {key}")))
        for platform in WRITE_PLATFORMS:
            own = table.get(platform, {}) or {}
            if not isinstance(own, dict):
                raise ConfigError(f"audience.toml: [follow.{platform}] must be a table")
            if "daily_cap" in own:
                cap = _number(own["daily_cap"], f"[follow.{platform}] daily_cap")
                settings.daily_caps[platform] = int(cap)
            if "pause_seconds" in own:
                pause = _number(own["pause_seconds"], f"[follow.{platform}] pause_seconds")
                settings.pauses[platform] = float(pause)
        return settings


def require_write_platform(platform: str) -> None:
    if platform not in WRITE_PLATFORMS:
        raise ConfigError(
            f"{platform}: following and Lists work on {', '.join(WRITE_PLATFORMS)} only "
            "(LinkedIn has no API for it)."
        )


def write_limit(platform: str, endpoint: str = "follow") -> str:
    """The platform's own limit on a write, as text ("50 per 15 min")."""
    from importlib import import_module

    names = {"x": "XPlatform", "bluesky": "BlueskyPlatform", "mastodon": "MastodonPlatform"}
    module = import_module(f"audience.platforms.{platform}")
    cost = getattr(module, names[platform]).write_costs[endpoint]
    minutes = cost.window_seconds // 60
    window = f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"
    return f"{cost.requests:,} per {window}"


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"audience.toml: {name} must be a number >= 0")
    return value


# ---- the log ---------------------------------------------------------------------------------


@dataclass
class Target:
    """One write to send: follow ``account_id``, or add it to / remove it from ``list_id``."""

    account_id: int
    platform_id: str
    handle: str | None
    reasons: str = ""
    list_id: str | None = None

    @property
    def who(self) -> str:
        return f"@{self.handle}" if self.handle else self.platform_id


def plan(store: Store, platform: str, kind: str, targets: list[Target]) -> list[int]:
    planned = now_iso()
    with store.transaction():
        return [
            store.execute(
                "INSERT INTO platform_actions (platform, kind, account_id, list_id, status, "
                "reasons, planned_at) VALUES (?, ?, ?, ?, 'planned', ?, ?) RETURNING id",
                [platform, kind, t.account_id, t.list_id, t.reasons, planned],
            ).fetchone()[0]
            for t in targets
        ]


def mark_sent(store: Store, action_id: int) -> None:
    with store.transaction():
        store.execute(
            "UPDATE platform_actions SET status = 'sent', sent_at = ? WHERE id = ?",
            [now_iso(), action_id],
        )


def finish(store: Store, action_id: int, status: str, error: str | None = None) -> None:
    with store.transaction():
        store.execute(
            "UPDATE platform_actions SET status = ?, done_at = ?, error = ? WHERE id = ?",
            [status, now_iso(), error, action_id],
        )


def drop_planned(store: Store, action_ids: list[int], status: str, why: str) -> None:
    with store.transaction():
        store.db.conn.executemany(
            "UPDATE platform_actions SET status = ?, error = ? WHERE id = ? AND status = 'planned'",
            [(status, why, a) for a in action_ids],
        )


def writes_last_day(
    store: Store, platform: str, kinds: tuple[str, ...], now: datetime | None = None
) -> int:
    """Writes done, pending or sent (outcome unknown) in the 24 hours before ``now``."""
    since = ((now or datetime.now(UTC)) - timedelta(days=1)).isoformat(timespec="seconds")
    marks = ",".join("?" * len(kinds))
    return store.scalar(
        f"SELECT count(*) FROM platform_actions WHERE platform = ? AND kind IN ({marks}) "
        "AND status IN ('done', 'pending', 'sent') AND coalesce(done_at, sent_at) >= ?",
        [platform, *kinds, since],
    )


def follow_states(store: Store, platform: str) -> dict[int, dict[str, Any]]:
    """The latest follow action per account: status and when."""
    rows = store.query(
        """SELECT account_id, status, coalesce(done_at, sent_at, planned_at) AS at
           FROM platform_actions WHERE id IN (
               SELECT max(id) FROM platform_actions
               WHERE platform = ? AND kind = 'follow' AND status IN ('done', 'pending', 'sent')
               GROUP BY account_id)""",
        [platform],
    )
    return {row["account_id"]: row for row in rows}


def followed_at(store: Store, platform: str) -> dict[int, str]:
    """When audience followed each account (done follows), for the grace period of prune."""
    return {
        row[0]: row[1]
        for row in store.execute(
            "SELECT account_id, max(done_at) FROM platform_actions WHERE platform = ? "
            "AND kind = 'follow' AND status = 'done' GROUP BY account_id",
            [platform],
        )
    }


def action_log(store: Store, platform: str | None = None) -> list[dict[str, Any]]:
    """Every write, newest first, with the account handle."""
    return store.query(
        f"""SELECT p.*, a.handle FROM platform_actions p JOIN accounts a ON a.id = p.account_id
            {"WHERE p.platform = ?" if platform else ""} ORDER BY p.id DESC""",
        [platform] if platform else [],
    )


# ---- settling what a killed run left -------------------------------------------------------


@dataclass
class Settled:
    dropped_planned: int = 0
    done: list[int] = field(default_factory=list)
    pending: list[int] = field(default_factory=list)
    not_done: list[int] = field(default_factory=list)


def settle(crawler: Crawler, kind: str) -> Settled:
    """Planned rows of an interrupted run go back to the pool; sent rows are checked on the
    platform (did the follow take effect?) before anything new is sent."""
    store, platform = crawler.store, crawler.platform
    result = Settled()
    with store.transaction():
        result.dropped_planned = store.execute(
            "UPDATE platform_actions SET status = 'failed', error = 'not sent: run interrupted' "
            "WHERE platform = ? AND kind = ? AND status = 'planned'",
            [platform.name, kind],
        ).rowcount
    sent = store.query(
        "SELECT p.id, p.account_id, p.list_id, p.sent_at, a.platform_id, a.protected "
        "FROM platform_actions p "
        "JOIN accounts a ON a.id = p.account_id "
        "WHERE p.platform = ? AND p.kind = ? AND p.status = 'sent'",
        [platform.name, kind],
    )
    if not sent:
        return result
    if kind == "follow":
        states = _follow_states_now(crawler, sent)
    else:
        present = _list_presence_now(crawler, sent)
        took = (lambda here: here) if kind == "list_add" else (lambda here: not here)
        states = {i: "following" if took(here) else "none" for i, here in present.items()}
    for row in sent:
        state = states.get(row["id"], "none")
        if state == "following":
            finish(store, row["id"], "done", "confirmed on the platform after an interrupted run")
            result.done.append(row["account_id"])
        elif state == "requested":
            finish(store, row["id"], "pending", "follow request pending (checked after a restart)")
            result.pending.append(row["account_id"])
        else:
            finish(
                store,
                row["id"],
                "failed",
                "outcome unknown; the platform shows it did not take effect",
            )
            result.not_done.append(row["account_id"])
    return result


def _follow_states_now(crawler: Crawler, sent: list[dict[str, Any]]) -> dict[int, str]:
    platform = crawler.platform
    states: dict[int, str] = {}
    try:
        for row in sent:
            states[row["id"]] = crawler.call(
                "lookup", lambda r=row: platform.follow_state(r["platform_id"])
            )
    except NotSupported:
        return _follow_states_by_sync(crawler, sent)
    return states


def _follow_states_by_sync(crawler: Crawler, sent: list[dict[str, Any]]) -> dict[int, str]:
    """X has no check of one follow: a fresh snapshot of whom I follow tells (as in prune).
    A protected account missing from it may hold a pending request: it is not sent again."""
    from audience.sync import drop_unfinished_before, snapshot_members, sync_account

    store = crawler.store
    # A sync left unfinished before the first of these was sent holds pages from before it.
    first_sent = min(row["sent_at"] or now_iso() for row in sent)
    drop_unfinished_before(store, crawler.platform.name, "following", first_sent)
    synced = sync_account(crawler, kinds=("following",), carry_over=False)
    following = snapshot_members(store, synced.kinds[0].snapshot_id)
    return {
        row["id"]: "following"
        if row["account_id"] in following
        else ("requested" if row["protected"] else "none")
        for row in sent
    }


def _list_presence_now(crawler: Crawler, sent: list[dict[str, Any]]) -> dict[int, bool]:
    """A List write whose answer was lost: read the List's members once; is each one there?"""
    from audience.models import Page

    platform = crawler.platform
    members: dict[str, set[str]] = {}
    for list_id in {row["list_id"] for row in sent}:
        ids: set[str] = set()
        cursor = None
        while True:
            page: Page = crawler.call(
                "list_members", lambda c=cursor, lid=list_id: platform.list_members(lid, c)
            )
            ids |= {a.platform_id for a in page.items}
            cursor = page.next_cursor
            if cursor is None:
                break
        members[list_id] = ids
    return {row["id"]: row["platform_id"] in members[row["list_id"]] for row in sent}


# ---- sending ---------------------------------------------------------------------------------


@dataclass
class RunResult:
    done: list[Target] = field(default_factory=list)
    pending: list[Target] = field(default_factory=list)
    failed: list[tuple[Target, str]] = field(default_factory=list)
    refused: str | None = None  # the platform refused this kind of write altogether
    by_hand: list[Target] = field(default_factory=list)


class OutcomeUnknown(PlatformError):
    """The write left, but no answer came back."""


def send_all(
    crawler: Crawler,
    kind: str,
    endpoint: str,
    targets: list[Target],
    send: Callable[[Target], Written],
    *,
    still_allowed: Callable[[Target], str | None],
    pause: float = 0.0,
    on_progress: Callable[[Target, str], None] | None = None,
) -> RunResult:
    """Send one write per target (already capped and confirmed), recording every step.

    ``still_allowed`` is asked right before each write (a person forgotten meanwhile, a segment
    made protected) and returns why not, or None."""
    store, platform = crawler.store, crawler.platform
    result = RunResult()
    action_ids = plan(store, platform.name, kind, targets)
    for n, (target, action_id) in enumerate(zip(targets, action_ids, strict=True)):
        why_not = still_allowed(target)
        if why_not:
            finish(store, action_id, "failed", f"skipped: {why_not}")
            result.failed.append((target, why_not))
            continue
        if n and pause:
            crawler.observer.waiting(pause, f"pacing {kind} on {platform.name}")
            crawler.sleep(pause)
        mark_sent(store, action_id)
        try:
            written = crawler.call(endpoint, lambda t=target: _send_once(send, t))
        except (AuthError, ConfigError) as exc:
            finish(store, action_id, "refused", str(exc))
            drop_planned(store, action_ids[n + 1 :], "refused", "not sent: the platform refused")
            result.refused = str(exc)
            result.by_hand = targets[n:]
            return result
        except (AccountUnavailable, RefusedForAccount) as exc:
            finish(store, action_id, "failed", str(exc))
            if isinstance(exc, AccountUnavailable):
                with store.transaction():
                    store.set_account_state(platform.name, target.platform_id, exc.state)
            result.failed.append((target, str(exc)))
            continue
        except PlatformError as exc:
            drop_planned(store, action_ids[n + 1 :], "failed", "not sent: run stopped on an error")
            raise PlatformError(
                f"{exc}. Whether the {kind} of {target.who} took effect is unknown; the next "
                "run with --apply checks on the platform before sending anything."
            ) from None
        status = "pending" if written.state == "requested" else "done"
        finish(store, action_id, status, None)
        (result.pending if status == "pending" else result.done).append(target)
        if on_progress:
            on_progress(target, status)
    return result


def _send_once(send: Callable[[Target], Written], target: Target) -> Written:
    # Crawler.call retries transient failures, which for a write would mean sending it again
    # without knowing whether the first one took effect. A 429 still waits and retries: it
    # means the write was not carried out.
    try:
        return send(target)
    except TransientError as exc:
        raise OutcomeUnknown(str(exc)) from None
