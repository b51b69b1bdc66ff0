"""Snapshots of my own accounts: whom I follow and who follows me, kept over time.

A live sync writes a snapshot page by page through the crawler (so an interrupted sync resumes
from its last committed page) and flags it ``complete`` in the same transaction as its last
page. Every reader here looks at complete snapshots only, so a half-fetched list never counts.
Snapshots written by export importers (X archive, Mastodon, Bluesky) count the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from audience.crawl import Crawler, combine, estimate
from audience.errors import AudienceError, ConfigError, PlatformError
from audience.models import Account, Page, Post
from audience.store import Store, now_iso

LIVE_SOURCE = "api"
KINDS = ("following", "followers")
OWN_POSTS_LIMIT = 500  # your own posts per sync: a month at 15 a day, with room to spare


class NeedsSync(AudienceError):
    """Nothing to work from yet: the message says which command to run first."""

    exit_code = 2


@dataclass
class SnapshotRef:
    id: int
    platform: str
    kind: str
    source: str
    taken_at: str
    count: int


@dataclass
class KindResult:
    kind: str
    snapshot_id: int
    count: int
    resumed: bool
    pages: int
    carried_over: bool = False  # finished by the interrupted run this one continues


@dataclass
class SyncResult:
    platform: str
    me: Account
    kinds: list[KindResult] = field(default_factory=list)
    posts: int | None = None  # your own posts saved (None: not asked for)


# ---- live sync ----------------------------------------------------------------------------


def sync_account(
    crawler: Crawler,
    kinds: tuple[str, ...] = KINDS,
    *,
    carry_over: bool = True,
    posts_days: int | None = None,
) -> SyncResult:
    """Snapshot whom my account follows and who follows it, each snapshot whole or not at all;
    with ``posts_days``, also fetch my own posts of that many days (for ``audit``).

    A sync run after one that was interrupted continues it: a list that run finished is not
    fetched again (unless ``carry_over`` is off: prune needs a list fetched now), and an
    unfinished one, or my posts, resume from the last page (``refresh`` starts over).
    """
    platform, store = crawler.platform, crawler.store
    interrupted = None if crawler.refresh else interrupted_run_start(store, platform.name, "sync")
    done = {}
    if carry_over and interrupted is not None:
        done = _finished_since(store, platform.name, kinds, interrupted)
    params: dict[str, Any] = {"kinds": list(kinds)}
    if posts_days:
        params["posts_days"] = posts_days
    with crawler.recorded("sync", params):
        me = crawler.call("me", platform.me)
        counts = {"following": me.following_count, "followers": me.followers_count}
        to_fetch = [k for k in kinds if k not in done]
        plan = [estimate(platform, k, counts[k] or 0) for k in to_fetch]
        if posts_days:  # at most the limit, and no more than the account has ever posted
            posts = min(OWN_POSTS_LIMIT, me.posts_count or OWN_POSTS_LIMIT)
            plan.append(estimate(platform, "search", posts))
        if plan:
            crawler.observer.planned(combine(plan))
        me_row = _record_me(store, platform.name, me)
        result = SyncResult(platform.name, me)
        for kind in kinds:
            if kind in done:
                snapshot = done[kind]
                result.kinds.append(
                    KindResult(kind, snapshot.id, snapshot.count, False, 0, carried_over=True)
                )
            else:
                result.kinds.append(_sync_kind(crawler, me, me_row, kind))
        if posts_days:
            if not me.handle:
                raise PlatformError(f"{platform.name}: your account has no handle to search by.")
            result.posts = fetch_posts_of(
                crawler, [me.handle], posts_days, limit=OWN_POSTS_LIMIT, resume_after=interrupted
            )
    return result


def interrupted_run_start(store: Store, platform: str, command: str) -> str | None:
    """When the last ``command`` run on ``platform`` began, if that run did not finish."""
    last = store.query(
        "SELECT started_at, status FROM crawl_runs WHERE platform = ? AND command = ? "
        "ORDER BY id DESC LIMIT 1",
        [platform, command],
    )
    if not last or last[0]["status"] == "done":
        return None
    return last[0]["started_at"]


def _finished_since(
    store: Store, platform: str, kinds: tuple[str, ...], started_at: str
) -> dict[str, SnapshotRef]:
    """The live snapshots completed since ``started_at`` (by the interrupted run)."""
    done = {}
    for kind in kinds:
        snapshot = latest_snapshot(store, platform, kind)
        if snapshot and snapshot.source == LIVE_SOURCE and snapshot.taken_at >= started_at:
            done[kind] = snapshot
    return done


def _record_me(store: Store, platform: str, me: Account) -> int:
    with store.transaction():
        known = my_account(store, platform)
        if known and known["platform_id"] != me.platform_id and _has_snapshots(store, platform):
            raise ConfigError(
                f"{platform}: the credentials are for @{me.handle or me.platform_id}, but this "
                f"workspace tracks @{known['handle'] or known['platform_id']}. Use the "
                "credentials of the tracked account, or a separate workspace."
            )
        row = store.upsert_accounts([me])[me.platform_id]
        store.execute(
            "INSERT OR REPLACE INTO my_accounts (platform, account_id) VALUES (?, ?)",
            [platform, row],
        )
    return row


def _sync_kind(crawler: Crawler, me: Account, me_row: int, kind: str) -> KindResult:
    platform, store = crawler.platform, crawler.store
    snapshot_id, resumed = _open_snapshot(store, platform.name, kind, fresh=crawler.refresh)
    fetch = platform.following if kind == "following" else platform.followers
    expected = me.following_count if kind == "following" else me.followers_count

    def save(page: Page[Account]) -> int:
        rows = store.upsert_account_rows(crawler.forgotten.keep_accounts(page.items))
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO snapshot_members (snapshot_id, account_id) VALUES (?, ?)",
            [(snapshot_id, row) for row in rows],
        )
        store.add_follow_list(me_row, rows, kind)
        if page.next_cursor is None:
            _complete(store, snapshot_id)
        return len(rows)

    result = crawler.run_pages(
        job=_job(platform.name, kind, snapshot_id),
        endpoint=kind,
        subject=me.platform_id,
        label=f"your {kind}",
        fetch=lambda cursor: fetch(me.platform_id, cursor),
        save=save,
        expected_pages=math.ceil(expected / platform.costs[kind].page_size) if expected else None,
    )
    if result.unavailable:
        with store.transaction():
            store.execute("DELETE FROM snapshots WHERE id = ?", [snapshot_id])
        raise PlatformError(
            f"{platform.name}: your own account is {result.unavailable}; nothing to sync."
        )
    count = store.scalar("SELECT count FROM snapshots WHERE id = ?", [snapshot_id])
    return KindResult(kind, snapshot_id, count, resumed, result.pages)


def _open_snapshot(store: Store, platform: str, kind: str, *, fresh: bool) -> tuple[int, bool]:
    """The unfinished live snapshot to resume, or a new one."""
    with store.transaction():
        pending = store.scalar(
            "SELECT id FROM snapshots WHERE platform = ? AND kind = ? AND source = ? "
            "AND complete = 0 ORDER BY id DESC LIMIT 1",
            [platform, kind, LIVE_SOURCE],
        )
        if pending is not None and not fresh:
            return pending, True
        if pending is not None:
            store.execute("DELETE FROM snapshots WHERE id = ?", [pending])
        snapshot_id = store.execute(
            "INSERT INTO snapshots (platform, kind, source, taken_at, count, complete) "
            "VALUES (?, ?, ?, ?, 0, 0) RETURNING id",
            [platform, kind, LIVE_SOURCE, now_iso()],
        ).fetchone()[0]
        # SQLite hands a deleted snapshot's id out again: its cursor must not carry over.
        store.reset_cursor(_job(platform, kind, snapshot_id))
    return snapshot_id, False


def _job(platform: str, kind: str, snapshot_id: int) -> str:
    return f"{platform}:sync:{kind}:{snapshot_id}"


def drop_unfinished_before(store: Store, platform: str, kind: str, moment: str) -> int:
    """Drop unfinished live snapshots begun at or before ``moment``, so the next sync starts
    a fresh one instead of resuming pages fetched before then. Returns how many."""
    with store.transaction():
        return store.execute(
            "DELETE FROM snapshots WHERE platform = ? AND kind = ? AND source = ? "
            "AND complete = 0 AND taken_at <= ?",
            [platform, kind, LIVE_SOURCE, moment],
        ).rowcount


def _complete(store: Store, snapshot_id: int) -> None:
    store.execute(
        "UPDATE snapshots SET complete = 1, taken_at = ?, count = (SELECT count(*) FROM "
        "snapshot_members WHERE snapshot_id = ?) WHERE id = ?",
        [now_iso(), snapshot_id, snapshot_id],
    )


# ---- posts of given accounts -------------------------------------------------------------


def fetch_posts_of(
    crawler: Crawler,
    handles: list[str],
    days: int = 7,
    *,
    limit: int = OWN_POSTS_LIMIT,
    resume_after: str | None = None,
) -> int:
    """Each handle's posts of the last ``days`` days (a ``from:handle`` search, newest first,
    at most ``limit`` each) into the store, page by page through the crawler; returns the posts
    saved. A handle's search resumes from its saved page only if that page was saved after
    ``resume_after`` (the start of the interrupted run this one continues); otherwise it starts
    afresh, so posts made since the last finished run are found."""
    platform, store = crawler.platform, crawler.store
    since = datetime.now(UTC) - timedelta(days=days)
    page_size = platform.costs["search"].page_size
    saved = 0
    for handle in dict.fromkeys(h.strip().lstrip("@") for h in handles if h.strip()):
        query = f"from:{handle}"
        job = f"{platform.name}:posts:{handle.lower()}:{since.date().isoformat()}:{limit}"
        _restart_unless_resumed(store, job, resume_after)
        saved += crawler.run_pages(
            job=job,
            endpoint="search",
            subject=query,
            label=f"@{handle} posts",
            fetch=lambda cursor, q=query: platform.search_posts(q, since=since, cursor=cursor),
            save=lambda page: _save_posts(crawler, page),
            expected_pages=math.ceil(limit / page_size),
            max_items=limit,
        ).items
    return saved


def _restart_unless_resumed(store: Store, job: str, resume_after: str | None) -> None:
    state = store.get_cursor(job)
    if state and (resume_after is None or state["updated_at"] < resume_after):
        with store.transaction():
            store.reset_cursor(job)


def _save_posts(crawler: Crawler, page: Page[Post]) -> int:
    """A page of posts and their authors; a forgotten author's posts stay out."""
    ids = crawler.store.upsert_accounts(crawler.forgotten.keep_accounts(page.accounts))
    gone = {a.platform_id for a in page.accounts} - set(ids)
    return crawler.store.upsert_posts([p for p in page.items if p.author_id not in gone], ids)


# ---- reading snapshots --------------------------------------------------------------------


def my_account(store: Store, platform: str) -> dict[str, Any] | None:
    rows = store.query(
        "SELECT a.* FROM my_accounts m JOIN accounts a ON a.id = m.account_id WHERE m.platform = ?",
        [platform],
    )
    return rows[0] if rows else None


def _has_snapshots(store: Store, platform: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM snapshots WHERE platform = ? LIMIT 1", [platform]))


def synced_platforms(store: Store, kind: str = "following") -> list[str]:
    """Platforms with at least one complete snapshot of ``kind``."""
    rows = store.query(
        "SELECT DISTINCT platform FROM snapshots WHERE kind = ? AND complete = 1 ORDER BY platform",
        [kind],
    )
    return [row["platform"] for row in rows]


def snapshots(store: Store, platform: str, kind: str) -> list[SnapshotRef]:
    """Complete snapshots, oldest first."""
    rows = store.query(
        "SELECT id, platform, kind, source, taken_at, count FROM snapshots "
        "WHERE platform = ? AND kind = ? AND complete = 1 ORDER BY taken_at, id",
        [platform, kind],
    )
    return [SnapshotRef(**row) for row in rows]


def latest_snapshot(store: Store, platform: str, kind: str) -> SnapshotRef | None:
    found = snapshots(store, platform, kind)
    return found[-1] if found else None


def require_snapshot(store: Store, platform: str, kind: str = "following") -> SnapshotRef:
    """The latest complete snapshot, or a :class:`NeedsSync` naming the command to run."""
    latest = latest_snapshot(store, platform, kind)
    if latest is None:
        raise NeedsSync(
            f"No complete snapshot of your {kind} on {platform} yet. Run "
            f"`audience sync --platform {platform}` first (or import your own archive with "
            "`audience import`)."
        )
    return latest


def snapshot_members(store: Store, snapshot_id: int) -> set[int]:
    return {
        row[0]
        for row in store.execute(
            "SELECT account_id FROM snapshot_members WHERE snapshot_id = ?", [snapshot_id]
        )
    }


@dataclass(frozen=True)
class Presence:
    """An account's history in a series of snapshots (shared by the accounts with the same
    history: never changed)."""

    first_at: str  # taken_at of the first snapshot containing it
    last_at: str  # taken_at of the last snapshot containing it
    since_at: str  # start of the unbroken run that reaches the latest snapshot (if in it)
    in_latest: bool
    # in every snapshot from the very first one on: it started before tracking did
    since_first: bool


def presence(
    store: Store, platform: str, kind: str, until: datetime | None = None
) -> tuple[list[SnapshotRef], dict[int, Presence]]:
    """Every account that ever appeared in a complete ``kind`` snapshot, with when; with
    ``until``, only the snapshots taken by then count (a replay of that day)."""
    series = snapshots(store, platform, kind)
    if until is not None:
        stamp = until.astimezone(UTC).isoformat(timespec="seconds")
        series = [ref for ref in series if ref.taken_at <= stamp]
    if not series:
        return series, {}
    index = {ref.id: n for n, ref in enumerate(series)}
    seen: dict[int, list[int]] = {}
    marks = ",".join("?" * len(series))
    for account_id, snapshot_id in store.execute(
        f"SELECT account_id, snapshot_id FROM snapshot_members WHERE snapshot_id IN ({marks})",
        list(index),
    ):
        seen.setdefault(account_id, []).append(index[snapshot_id])
    last = len(series) - 1
    result = {}
    # Accounts seen in the same snapshots share one (unchanging) Presence: a crowd of a
    # million has a few dozen histories between them.
    histories: dict[tuple[int, ...], Presence] = {}
    for account_id, positions in seen.items():
        history = tuple(sorted(positions))
        found = histories.get(history)
        if found is None:
            run_start = history[-1]
            for position in reversed(history[:-1]):
                if position != run_start - 1:
                    break
                run_start = position
            found = histories[history] = Presence(
                first_at=series[history[0]].taken_at,
                last_at=series[history[-1]].taken_at,
                since_at=series[run_start].taken_at,
                in_latest=history[-1] == last,
                since_first=run_start == 0,
            )
        result[account_id] = found
    return series, result


# ---- changes since the last sync ----------------------------------------------------------


@dataclass
class Changes:
    platform: str
    since: str | None  # the previous snapshot's time (None: only one snapshot so far)
    until: str | None
    new_followers: list[dict[str, Any]] = field(default_factory=list)
    lost_followers: list[dict[str, Any]] = field(default_factory=list)
    new_following: list[dict[str, Any]] = field(default_factory=list)
    unfollowed: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "since": self.since,
            "until": self.until,
            "new_followers": self.new_followers,
            "lost_followers": self.lost_followers,
            "new_following": self.new_following,
            "unfollowed": self.unfollowed,
        }


def changes(store: Store, platform: str) -> Changes:
    """New and lost followers and my own new follows between the last two complete syncs."""
    require_snapshot(store, platform, "following")
    result = Changes(platform, None, None)
    for kind in KINDS:
        added, removed, since, until = kind_changes(store, platform, kind)
        if until:
            result.until = max(result.until or until, until)
        if since:
            result.since = min(result.since or since, since)
        if kind == "followers":
            result.new_followers, result.lost_followers = added, removed
        else:
            result.new_following, result.unfollowed = added, removed
    return result


def kind_changes(
    store: Store, platform: str, kind: str
) -> tuple[list[dict], list[dict], str | None, str | None]:
    """(added, removed, previous snapshot time, latest snapshot time) for one kind."""
    series = snapshots(store, platform, kind)
    if len(series) < 2:
        return [], [], None, series[-1].taken_at if series else None
    before, after = series[-2], series[-1]
    old, new = snapshot_members(store, before.id), snapshot_members(store, after.id)
    return (
        account_rows(store, sorted(new - old)),
        account_rows(store, sorted(old - new)),
        before.taken_at,
        after.taken_at,
    )


def account_rows(store: Store, account_ids: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for start in range(0, len(account_ids), 500):
        chunk = account_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows += store.query(
            f"SELECT id, platform, platform_id, handle, display_name, url, followers_count, "
            f"state FROM accounts WHERE id IN ({marks}) ORDER BY lower(handle)",
            chunk,
        )
    return rows
