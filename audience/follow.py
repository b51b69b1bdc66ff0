"""Following people: from handles, a segment, your targets, the follow-back suggestions or a file.

:func:`plan_follow` is the dry run: who would be followed and why, who is skipped and why
(forgotten, your own account, gone, protected by policy, already followed or requested, followed
and unfollowed before, unknown handle), what today's cap leaves and what it costs.
:func:`apply_follows` sends the follows through :mod:`audience.actions`, which records each one
before and after the call. Where the platform refuses follows altogether (an X plan without the
endpoint) the rest becomes a follow queue: a CSV and an offline HTML page, one click each.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from audience.actions import (
    ActionSettings,
    RunResult,
    Settled,
    Target,
    follow_states,
    require_write_platform,
    send_all,
    settle,
    write_limit,
    writes_last_day,
)
from audience.config import Rules
from audience.crawl import Crawler
from audience.errors import ConfigError
from audience.store import Store

SOURCES = ("handles", "segment", "targets", "followback", "file")
# Segments never followed from a segment, target or follow-back run unless listed by hand
# elsewhere: [follow] never_segments in audience.toml.
DEFAULT_NEVER_SEGMENTS = ("competitors",)
QUEUE_COLUMNS = ("platform", "handle", "display_name", "profile_url", "follow_link", "why")


@dataclass
class Candidate:
    platform: str
    key: str  # as the user named it, or the stored handle
    why: str
    account_id: int | None = None
    platform_id: str | None = None
    handle: str | None = None
    display_name: str | None = None
    url: str | None = None
    locked: bool = False  # a protected/locked account: the follow is a request, pending
    skip: str | None = None

    @property
    def who(self) -> str:
        return f"@{self.handle or self.key.lstrip('@')}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "handle": self.handle or self.key.lstrip("@"),
            "display_name": self.display_name,
            "url": self.url,
            "why": self.why,
            "locked": self.locked,
            "skip": self.skip,
        }

    def target(self) -> Target:
        assert self.account_id is not None and self.platform_id is not None
        return Target(self.account_id, self.platform_id, self.handle, self.why)


@dataclass
class FollowPlan:
    platform: str
    follow: list[Candidate] = field(default_factory=list)
    skipped: list[Candidate] = field(default_factory=list)
    over_cap: list[Candidate] = field(default_factory=list)
    cap: int = 0
    used_today: int = 0
    pause: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def cost(self) -> str:
        n = len(self.follow)
        minutes = max(0, n - 1) * self.pause / 60
        text = (
            f"{n} follow{'s' if n != 1 else ''}: {n} write request{'s' if n != 1 else ''}, "
            f"one every {self.pause:g} s (about {minutes:.0f} min; {self.platform} allows "
            f"{write_limit(self.platform)}); {self.used_today} of today's cap of {self.cap} "
            "already used"
        )
        if self.platform == "x":
            text += (
                "; X prices no follow, but removed follows from its self-serve plans "
                "(2026-04-16): expect a 403 and a follow queue to click through by hand"
            )
        elif self.platform == "bluesky":
            text += f"; {3 * n} of Bluesky's 5,000 write points an hour"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "follow": [c.as_dict() for c in self.follow],
            "skipped": [c.as_dict() for c in self.skipped],
            "over_cap": [c.as_dict() for c in self.over_cap],
            "cap": self.cap,
            "used_today": self.used_today,
            "cost": self.cost(),
            "warnings": self.warnings,
        }


# ---- who is asked for ----------------------------------------------------------------------


def from_handles(handles: list[str]) -> list[tuple[str, str]]:
    return [(h.strip(), "named on the command line") for h in handles if h.strip()]


def from_segment(store: Store, platform: str, segment: str) -> list[tuple[str, str]]:
    from audience.segment import get_segment

    found = get_segment(store, segment)
    rows = store.query(
        "SELECT a.id, coalesce(m.reason, '') AS reason FROM segment_members m "
        "JOIN accounts a ON a.id = m.account_id WHERE m.segment_id = ? AND a.platform = ? "
        "AND m.excluded = 0 ORDER BY lower(a.handle)",
        [found.id, platform],
    )
    return [(f"#{r['id']}", f"in segment {segment}" + _why(r["reason"])) for r in rows]


def from_targets(store: Store, platform: str) -> list[tuple[str, str]]:
    rows = store.query(
        "SELECT a.id, t.note FROM targets t JOIN accounts a ON a.id = t.account_id "
        "WHERE a.platform = ? ORDER BY lower(a.handle)",
        [platform],
    )
    return [(f"#{r['id']}", "one of your targets" + _why(r["note"])) for r in rows]


def from_followback(
    store: Store, rules: Rules, platform: str, now: datetime | None = None
) -> list[tuple[str, str]]:
    from audience.followback import followback_queue

    queue = followback_queue(store, rules, platform, now)
    return [(f"#{c.account_id}", "follows you; " + "; ".join(c.reasons)) for c in queue.worth]


def from_file(path: Path, platform: str) -> list[tuple[str, str]]:
    from audience.segment import read_refs_file

    refs = read_refs_file(path, platform)
    return [
        (ref.key, f"listed in {path.name} ({ref.position})")
        for ref in refs
        if (ref.platform or platform) == platform
    ]


def _why(text: str | None) -> str:
    return f" ({text})" if text else ""


# ---- the dry run ----------------------------------------------------------------------------


def plan_follow(
    store: Store,
    rules: Rules,
    platform: str,
    wanted: list[tuple[str, str]],
    *,
    refollow: bool = False,
    settings: ActionSettings | None = None,
    lookup: Callable[[list[str]], dict[str, str]] | None = None,
) -> FollowPlan:
    """Who would be followed and why, and who is skipped and why. ``wanted`` holds
    ``(handle or "#row id", why)``. ``lookup`` fetches unknown handles from the platform (into
    the workspace) and returns the state of those it did not find."""
    from audience.privacy import suppressed_account_ids

    require_write_platform(platform)
    settings = settings or ActionSettings.from_rules(rules)
    plan = FollowPlan(platform, pause=settings.pauses[platform])
    plan.cap = settings.daily_caps[platform]
    plan.used_today = writes_last_day(store, platform, ("follow",))
    candidates = [Candidate(platform, key, why) for key, why in wanted]
    _skip_forgotten_handles(store, platform, candidates)
    unknown = _look_up_missing(store, platform, candidates, lookup)
    judge = _Judge(store, rules, platform, refollow, suppressed_account_ids(store))
    seen: set[int] = set()
    for c in candidates:
        row = None if c.skip else _account(store, platform, c)
        if row is not None:
            if row["id"] in seen:
                continue  # named twice
            seen.add(row["id"])
            _fill(c, row)
            c.skip = judge.skip_reason(row)
        elif c.skip is None:
            c.skip = f"unknown handle ({unknown.get(c.key.lstrip('@'), 'not found')})"
        (plan.skipped if c.skip else plan.follow).append(c)
    left = max(0, plan.cap - plan.used_today)
    plan.follow, plan.over_cap = plan.follow[:left], plan.follow[left:]
    plan.warnings += judge.warnings + _volume_warnings(plan, settings)
    return plan


def _skip_forgotten_handles(store: Store, platform: str, candidates: list[Candidate]) -> None:
    """A forgotten handle is skipped before anything else: never looked up, never followed."""
    from audience.privacy import is_suppressed

    for c in candidates:
        if not c.key.startswith("#") and is_suppressed(store, handles=[(platform, c.key)]):
            c.skip = "forgotten (on the suppression list): never followed"


def _look_up_missing(
    store: Store,
    platform: str,
    candidates: list[Candidate],
    lookup: Callable[[list[str]], dict[str, str]] | None,
) -> dict[str, str]:
    """Why each handle not in the workspace stays unknown (after a look-up, if allowed)."""
    missing = [
        c.key.lstrip("@")
        for c in candidates
        if c.skip is None and not c.key.startswith("#") and _account(store, platform, c) is None
    ]
    if not missing:
        return {}
    if lookup is None:
        why = "not in the workspace; run without --offline to look it up"
        return {key: why for key in missing}
    return lookup(list(dict.fromkeys(missing)))


def _account(store: Store, platform: str, c: Candidate) -> dict[str, Any] | None:
    if c.key.startswith("#") and c.key[1:].isdigit():
        rows = store.query("SELECT * FROM accounts WHERE id = ?", [int(c.key[1:])])
        return rows[0] if rows else None
    return store.find_account(platform, c.key)


def _fill(c: Candidate, row: dict[str, Any]) -> None:
    from audience.export import profile_url

    c.account_id, c.platform_id = row["id"], row["platform_id"]
    c.handle, c.display_name = row["handle"], row["display_name"]
    c.url = profile_url(row) if row["handle"] or row["url"] else None
    c.locked = bool(row["protected"])
    if c.key.startswith("#"):
        c.key = row["handle"] or row["platform_id"]


class _Judge:
    """Why one resolved account must not be followed now, or None."""

    def __init__(
        self, store: Store, rules: Rules, platform: str, refollow: bool, suppressed: set[int]
    ):
        from audience.sync import my_account, presence

        self.store, self.rules, self.platform = store, rules, platform
        self.refollow, self.suppressed = refollow, suppressed
        me = my_account(store, platform)
        self.me = me["id"] if me else None
        series, self.presence = presence(store, platform, "following")
        self.latest_sync = series[-1].taken_at if series else ""
        self.warnings: list[str] = []
        if not series:
            self.warnings.append(
                f"No sync of whom you follow on {platform} yet: accounts you already follow "
                f"cannot be told apart. Run `audience sync --platform {platform}` first."
            )
        self.actions = follow_states(store, platform)
        self.unfollowed = {
            row[0]: row[1]
            for row in store.execute(
                "SELECT account_id, max(done_at) FROM unfollow_actions WHERE platform = ? "
                "AND status = 'done' GROUP BY account_id",
                [platform],
            )
        }
        self.never = _never_segments(store, rules)

    def skip_reason(self, row: dict[str, Any]) -> str | None:
        account_id = row["id"]
        if account_id in self.suppressed:
            return "forgotten (on the suppression list): never followed"
        if account_id == self.me:
            return "your own account"
        if row["state"] != "active":
            return f"account {row['state']}"
        if account_id in self.never:
            return f"protected by policy: {self.never[account_id]}"
        action = self.actions.get(account_id)
        here = self.presence.get(account_id)
        if action and action["status"] == "pending":
            return f"follow request pending since {action['at'][:10]}"
        if action and action["status"] == "sent":
            return "a follow whose answer was lost; the next --apply checks it first"
        unfollowed_at = self.unfollowed.get(account_id, "")
        if here and here.in_latest and unfollowed_at < self.latest_sync:
            return "already followed"
        if action and action["status"] == "done" and action["at"] >= self.latest_sync:
            return f"already followed (by audience on {action['at'][:10]})"
        if self.refollow:
            return None
        if account_id in self.unfollowed:
            return f"unfollowed on {self.unfollowed[account_id][:10]} (--refollow to follow again)"
        if action and action["status"] == "done":
            return (
                f"followed on {action['at'][:10]}, no longer followed at the last sync "
                "(--refollow to follow again)"
            )
        if here and not here.in_latest:
            return (
                f"followed until {here.last_at[:10]}, then unfollowed (--refollow to follow again)"
            )
        return None


def _never_segments(store: Store, rules: Rules) -> dict[int, str]:
    table = rules.raw.get("follow", {}) or {}
    names = table.get("never_segments", list(DEFAULT_NEVER_SEGMENTS))
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError("audience.toml: [follow] never_segments must be a list of strings")
    if not names:
        return {}
    marks = ",".join("?" * len(names))
    return {
        account_id: f"in segment {name} ([follow] never_segments)"
        for account_id, name in store.execute(
            f"SELECT m.account_id, s.name FROM segment_members m JOIN segments s "
            f"ON s.id = m.segment_id WHERE m.excluded = 0 AND s.name IN ({marks})",
            names,
        )
    }


def _volume_warnings(plan: FollowPlan, settings: ActionSettings) -> list[str]:
    if plan.platform != "bluesky" or not plan.follow:
        return []
    total = plan.used_today + len(plan.follow)
    if total <= settings.warn_bluesky_daily:
        return []
    return [
        f"{total} Bluesky follows in 24 hours is above {settings.warn_bluesky_daily}. Bluesky "
        "publishes no threshold, but its moderators act against bulk following and community "
        "moderation lists add accounts that follow in bulk; spread this over several days "
        "(--max) or raise [follow] warn_bluesky_daily if you are sure."
    ]


# ---- applying -------------------------------------------------------------------------------


@dataclass
class Preparation:
    me_handle: str | None
    settled: Settled


def prepare_apply(crawler: Crawler) -> Preparation:
    """Check the write credentials belong to the synced account, then settle what a killed
    run left behind (before anything new is sent)."""
    from audience.sync import NeedsSync, my_account

    platform, store = crawler.platform, crawler.store
    me = crawler.call("me", platform.me)
    known = my_account(store, platform.name)
    if known is None:
        raise NeedsSync(
            f"Run `audience sync --platform {platform.name}` first, so that audience knows "
            "whom you already follow."
        )
    if known["platform_id"] != me.platform_id:
        raise ConfigError(
            f"{platform.name}: the credentials are for @{me.handle or me.platform_id}, not for "
            f"the synced account @{known['handle'] or known['platform_id']}; nothing was changed."
        )
    return Preparation(me.handle, settle(crawler, "follow"))


def apply_follows(
    crawler: Crawler,
    rules: Rules,
    candidates: list[Candidate],
    *,
    settings: ActionSettings | None = None,
    on_progress: Callable[[Target, str], None] | None = None,
) -> RunResult:
    """Follow ``candidates`` (already planned, capped and confirmed), recording every step,
    and note each new follow in the workspace's follow graph."""
    from audience.sync import my_account

    store, platform = crawler.store, crawler.platform
    settings = settings or ActionSettings.from_rules(rules)
    targets = [c.target() for c in candidates]

    def still_allowed(target: Target) -> str | None:
        from audience.privacy import suppressed_account_ids

        if target.account_id in suppressed_account_ids(store):
            return "forgotten (on the suppression list): never followed"
        return _never_segments(store, rules).get(target.account_id)

    result = send_all(
        crawler,
        "follow",
        "follow",
        targets,
        lambda t: platform.follow(t.platform_id),
        still_allowed=still_allowed,
        pause=settings.pauses[platform.name],
        on_progress=on_progress,
    )
    me = my_account(store, platform.name)
    if me and result.done:
        with store.transaction():
            store.add_follows([(me["id"], t.account_id) for t in result.done])
    return result


# ---- the follow queue: what to do by hand ---------------------------------------------------


def follow_link(platform: str, handle: str | None, url: str | None) -> str:
    """One click to follow: X's web intent; elsewhere the profile page (Follow is one click)."""
    if platform == "x" and handle:
        return f"https://x.com/intent/follow?screen_name={quote(handle.lstrip('@'))}"
    return url or ""


def queue_rows(candidates: list[Candidate]) -> list[dict[str, Any]]:
    return [
        {
            "platform": c.platform,
            "handle": (c.handle or c.key).lstrip("@"),
            "display_name": c.display_name,
            "profile_url": c.url,
            "follow_link": follow_link(c.platform, c.handle or c.key, c.url),
            "why": c.why,
        }
        for c in candidates
    ]


def write_queue(csv_path: Path, html_path: Path, candidates: list[Candidate], note: str) -> None:
    """The follows left to do by hand: a CSV (spreadsheet-safe, readable by you only) and an
    offline HTML page with a profile link and a one-click follow link per account."""
    from audience.export import atomic_write, write_csv

    rows = queue_rows(candidates)
    atomic_write(csv_path, lambda out: write_csv(rows, out, QUEUE_COLUMNS))
    atomic_write(html_path, lambda out: out.write(queue_html(rows, note)))


def queue_html(rows: list[dict[str, Any]], note: str) -> str:
    def link(url: str | None, text: str) -> str:
        if not url or not url.startswith("https://"):
            return ""
        return f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{text}</a>'

    items = "\n".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html.escape(f"@{r['handle']}"),
            html.escape(r["display_name"] or ""),
            link(r["profile_url"], "profile"),
            link(r["follow_link"], "follow"),
            html.escape(r["why"] or ""),
        )
        for r in rows
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>Follow queue ({len(rows)})</title>
<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:.3em .8em;text-align:left}}
tr:nth-child(even){{background:#f4f4f4}}</style></head>
<body><h1>Follow queue: {len(rows)} account{"s" if len(rows) != 1 else ""}</h1>
<p>{html.escape(note)}</p>
<p>Click "follow" for each row; on X it opens the follow dialog for that account.</p>
<table><tr><th>account</th><th>name</th><th></th><th></th><th>why</th></tr>
{items}
</table></body></html>
"""
