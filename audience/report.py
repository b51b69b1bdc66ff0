"""The crowd report a PR lead can forward: the figures here, the page in
:mod:`audience.report_page` (one offline HTML file, inline SVG charts, strict CSP).

Sections: the crowd at a glance; the press list (journalists by outlet and beat, handles on
every platform, last active); influencers of the press (the ranking of ``find influencers``);
segments; geography (the country stored on each account); follow-back and prune, as tables with
reasons; changes over time (followers, following and follow-back per day, gains and losses per
week, per segment, journalist moves); a competitor's audience beside mine; groups in the crowd;
listening volumes when ``audience listen`` has data. Suppressed (forgotten) accounts are left
out of every section.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from heapq import nsmallest
from pathlib import Path
from typing import Any

from audience.config import Rules
from audience.export import atomic_write_text
from audience.forked import interrupt_held
from audience.models import PLATFORMS
from audience.privacy import suppressed_account_ids
from audience.store import Store

TOP_INFLUENCERS = 20
TOP_COUNTRIES = 15
TOP_PLACES = 10
MOVES_DAYS = 90
NO_OUTLET = "No outlet named"
MIN_RIVAL_FOLLOWERS = 20
PRESS_LISTED = 200  # journalists the report lists by name
GROUPS_EDGE_LIMIT = 150_000  # beyond this, `audience groups` runs them, not every report
MAX_LISTED = 50  # rows of a long table on the page (prune, follow-back, changes...)
# A crowd this large (accounts I follow) has prune's and follow-back's judgement run in a
# second process while this one collects the rest: they are most of a report's time.
JUDGE_APART_FROM = 20_000


# ---- the figures --------------------------------------------------------------------------------


@dataclass
class FollowBack:
    platform: str
    following: int
    follow_back: int

    @property
    def rate(self) -> float:
        return self.follow_back / self.following if self.following else 0.0


@dataclass
class Changes:
    platform: str
    previous_at: str
    latest_at: str
    gained: list[dict[str, Any]]
    lost: list[dict[str, Any]]


@dataclass
class Influencers:
    platform: str
    mined: int
    ranked: list[Any]  # find.RankedAccount


@dataclass
class ReportData:
    generated_at: str
    segments: list[tuple[str, dict[str, int]]]
    countries: list[tuple[str, int]]
    crowd_size: int
    follow_back: list[FollowBack]
    prune: list[Any]  # prune.Suggestion: the first MAX_LISTED at least
    influencers: list[Influencers]
    changes: list[Changes]
    totals: dict[str, int] = field(default_factory=dict)
    places: list[tuple[str, int]] = field(default_factory=list)
    press: list[dict[str, Any]] = field(default_factory=list)  # the first PRESS_LISTED
    press_count: int | None = None  # the whole press list (None: len(press))
    press_outlets: Counter | None = None  # journalists per outlet (None: counted from press)
    followback: list[Any] = field(default_factory=list)  # followback.Candidate (first ones)
    prune_count: int | None = None  # every suggestion (None: len(prune))
    followback_count: int | None = None  # every new follower judged (None: len(followback))
    followback_worth: int | None = None  # of them worth following back (None: counted)
    history: Any = None  # history.CrowdHistory
    moves: list[Any] = field(default_factory=list)  # history.Move
    comparisons: list[Any] = field(default_factory=list)  # compare.Comparison
    groups: list[Any] | None = field(default_factory=list)  # None: too large for a report
    listening: Any = None
    # what the figures read that is kept between runs (export's press cells), saved once out
    # of the read snapshot: a write inside it would hold the workspace's write lock to its end
    kept: list[Any] = field(default_factory=list)


def collect(
    store: Store,
    rules: Rules | None = None,
    *,
    now: datetime | None = None,
    meanwhile: Callable[[ReportData], Any] | None = None,
) -> ReportData:
    """Compute every figure of the report from the workspace. ``meanwhile(data)`` runs on the
    figures while prune's and follow-back's lists are still being judged in a second process
    (see :class:`JudgedLists`); not at all when they are judged here."""
    rules = rules or Rules()
    now = now or datetime.now(UTC)
    hidden = suppressed_account_ids(store)
    judged = JudgedLists.start(store, rules, hidden, now)
    try:
        data = _collect_figures(store, rules, now, hidden)
        if meanwhile is not None and judged.apart:
            meanwhile(data)
        judged.fill(data)
    finally:
        judged.stop()
    return data


def _collect_figures(store: Store, rules: Rules, now: datetime, hidden: set[int]) -> ReportData:
    """Every figure but prune's and follow-back's lists (see :class:`JudgedLists`)."""
    from audience.export import row_context
    from audience.history import crowd_over_time, find_moves

    crowd = _crowd_ids(store, hidden)
    countries, places = geography(store, crowd)
    kept = row_context(store, rules.topics)
    press, press_count, press_outlets = press_summary(store, rules, context=kept)
    return ReportData(
        generated_at=now.strftime("%Y-%m-%d %H:%M UTC"),
        segments=crowd_by_segment(store, hidden),
        countries=countries,
        places=places,
        crowd_size=len(crowd),
        follow_back=follow_back(store),
        prune=[],
        influencers=press_influencers(store, hidden),
        changes=follower_changes(store, hidden),
        press=press,
        press_count=press_count,
        press_outlets=press_outlets,
        history=crowd_over_time(store),
        moves=find_moves(store, segment="press", since=now - timedelta(days=MOVES_DAYS)),
        comparisons=competitor_comparisons(store, rules),
        groups=crowd_groups(store),
        listening=listening_data(store),
        totals={
            "accounts": store.scalar("SELECT count(*) FROM accounts WHERE handle IS NOT NULL"),
            "people": store.scalar("SELECT count(*) FROM people"),
        },
        kept=[kept],
    )


def crowd_by_segment(store: Store, hidden: set[int]) -> list[tuple[str, dict[str, int]]]:
    """Every segment with its member count per platform (excluded members left out)."""
    result: dict[str, dict[str, int]] = {
        r["name"]: dict.fromkeys(PLATFORMS, 0)
        for r in store.query("SELECT name FROM segments ORDER BY builtin DESC, name")
    }
    for name, platform, members in store.execute(
        "SELECT s.name, a.platform, count(*) FROM segment_members m JOIN segments s "
        "ON s.id = m.segment_id JOIN accounts a ON a.id = m.account_id WHERE m.excluded = 0 "
        "AND a.id NOT IN (SELECT value FROM json_each(?)) GROUP BY 1, 2",
        [json.dumps(sorted(hidden))],
    ):
        if platform in result[name]:
            result[name][platform] += members
    return list(result.items())


def _crowd_ids(store: Store, hidden: set[int]) -> set[int]:
    """The crowd: segment members and my followers in the latest snapshots."""
    ids = {r[0] for r in store.execute("SELECT account_id FROM segment_members WHERE excluded = 0")}
    for snapshot in latest_snapshots(store, "followers").values():
        ids |= snapshot_members(store, snapshot["id"])
    return ids - hidden


def geography(
    store: Store, account_ids: set[int]
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Accounts per country (stored on the account at import, else its person's), most first,
    ``Unknown`` last; and the most common places (city or state) named."""
    countries: Counter = Counter()
    places: Counter = Counter()
    # One GROUP BY over the crowd: the account's country, else its person's (linked, or by an
    # accepted match), counted per place.
    for country, region, count in store.execute(
        """SELECT coalesce(nullif(a.country, ''), p.country), a.region, count(*)
           FROM json_each(?) crowd JOIN accounts a ON a.id = crowd.value
           LEFT JOIN people p ON p.id = coalesce(a.person_id, (
               SELECT min(m.person_id) FROM matches m
               WHERE m.account_id = a.id AND m.status = 'accepted'))
           GROUP BY 1, 2""",
        [json.dumps(sorted(account_ids))],
    ):
        countries[country or "Unknown"] += count
        if region:
            places[f"{region}, {country}"] += count
    unknown = countries.pop("Unknown", 0)
    ranked = sorted(countries.items(), key=lambda item: (-item[1], item[0]))
    shown, rest = ranked[:TOP_COUNTRIES], sum(n for _, n in ranked[TOP_COUNTRIES:])
    if rest:
        shown.append(("Other", rest))
    if unknown:
        shown.append(("Unknown", unknown))
    top_places = sorted(places.items(), key=lambda item: (-item[1], item[0]))[:TOP_PLACES]
    return shown, top_places


def countries(store: Store, account_ids: set[int]) -> list[tuple[str, int]]:
    return geography(store, account_ids)[0]


def latest_snapshots(store: Store, kind: str, offset: int = 0) -> dict[str, dict[str, Any]]:
    """Per platform, the newest complete snapshot of ``kind`` (``offset=1``: the one before)."""
    result = {}
    for platform in PLATFORMS:
        rows = store.query(
            "SELECT id, taken_at FROM snapshots WHERE platform = ? AND kind = ? AND complete = 1 "
            "ORDER BY taken_at DESC, id DESC LIMIT 1 OFFSET ?",
            [platform, kind, offset],
        )
        if rows:
            result[platform] = rows[0]
    return result


def snapshot_members(store: Store, snapshot_id: int) -> set[int]:
    rows = store.execute(
        "SELECT account_id FROM snapshot_members WHERE snapshot_id = ?", [snapshot_id]
    )
    return {r[0] for r in rows}


def follow_back(store: Store) -> list[FollowBack]:
    """Of the accounts I follow (latest following snapshot), how many follow me (latest
    followers snapshot), per platform that has both."""
    followers = latest_snapshots(store, "followers")
    result = []
    for platform, following in latest_snapshots(store, "following").items():
        if platform not in followers:
            continue
        mine, back = store.execute(
            "SELECT count(*), count(b.account_id) FROM snapshot_members m "
            "LEFT JOIN snapshot_members b ON b.snapshot_id = ?2 AND b.account_id = m.account_id "
            "WHERE m.snapshot_id = ?1",
            [following["id"], followers[platform]["id"]],
        ).fetchone()
        result.append(FollowBack(platform, mine, back))
    return result


def prune_candidates(
    store: Store, rules: Rules, hidden: set[int], now: datetime
) -> tuple[list[Any], int]:
    """The first :data:`MAX_LISTED` of what ``audience prune`` suggests unfollowing, with
    their reasons, and how many it suggests (none before a sync)."""
    from audience.prune import top_suggestions
    from audience.sync import NeedsSync

    try:
        return top_suggestions(store, rules, now, MAX_LISTED, hidden)
    except NeedsSync:
        return [], 0


def followback_candidates(store: Store, rules: Rules, hidden: set[int], now: datetime) -> list[Any]:
    """New followers since the last sync, worth following back first, with reasons."""
    from audience.followback import followback_queue
    from audience.sync import NeedsSync

    try:
        queue = followback_queue(store, rules, now=now)
    except NeedsSync:
        return []
    return [c for c in (*queue.worth, *queue.not_worth) if c.account_id not in hidden]


JUDGED_PARTS = ("prune", "followback")  # the lists judged apart, each in a process of its own


@dataclass
class JudgedLists:
    """Prune's suggestions and the follow-back queue as the report lists them: how many, and
    the first :data:`MAX_LISTED` of each. Judging them is most of a large crowd's report, so
    with ``fork`` (Linux) and a crowd of :data:`JUDGE_APART_FROM` or more each is judged in a
    second process of its own (prune's and follow-back's judgements side by side, on their own
    connections: the workspace as last committed), while this one collects the other figures;
    only the listed rows come back. Elsewhere they are judged here, after the rest."""

    store: Store
    rules: Rules
    hidden: set[int]
    now: datetime
    # part (JUDGED_PARTS) -> (process, receiving end of its pipe)
    processes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    answered: set[str] = field(default_factory=set)  # parts whose process sent its answer

    @classmethod
    def start(cls, store: Store, rules: Rules, hidden: set[int], now: datetime) -> JudgedLists:
        judged = cls(store, rules, hidden, now)
        if _judge_apart(store):
            import multiprocessing

            context = multiprocessing.get_context("fork")
            try:
                for part in JUDGED_PARTS:
                    receiver, sender = context.Pipe(duplex=False)
                    process = context.Process(
                        target=_judge_elsewhere, args=(sender, store.path, rules, hidden, now, part)
                    )
                    judged.processes[part] = (process, receiver)
                    try:
                        with interrupt_held():  # until the second process ignores it
                            process.start()
                    finally:
                        sender.close()
            except BaseException:  # Ctrl-C held during a fork comes out here
                judged.stop()
                raise
        return judged

    @property
    def apart(self) -> bool:
        """The lists are being judged in other processes."""
        return bool(self.processes)

    def fill(self, data: ReportData) -> None:
        """Put the lists into ``data`` (waiting for the second processes, if there are any)."""
        found = {part: self._received(part) for part in JUDGED_PARTS}
        for part, value in found.items():
            if value is None:  # judged here: no second process, or it failed
                found[part] = judge_part(self.store, self.rules, self.hidden, self.now, part)
        data.prune, data.prune_count = found["prune"]
        data.followback, data.followback_count, data.followback_worth = found["followback"]

    def _received(self, part: str) -> Any:
        if part not in self.processes:
            return None
        receiver = self.processes[part][1]
        try:
            # A short wait at a time: Ctrl-C handled by another thread (the spinner's) is
            # seen here at once, not when the judgement ends.
            while not receiver.poll(0.2):
                pass
            kind, value = receiver.recv()
        except (EOFError, OSError):  # the process died without a word
            return None
        self.answered.add(part)
        return value if kind == "ok" else None

    def stop(self) -> None:
        """End the second processes: let each exit once it has answered; stop it at once when
        the report ends before that (Ctrl-C, an error), since nobody will read its list."""
        started = []
        for part, (process, receiver) in self.processes.items():
            receiver.close()
            if process.pid is None:  # never started (Ctrl-C while forking the one before)
                continue
            started.append(process)
            if process.is_alive() and part not in self.answered:
                process.terminate()  # all of them first, then wait for each
        for process in started:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()


def _judge_apart(store: Store) -> bool:
    import multiprocessing

    if store.path is None or "fork" not in multiprocessing.get_all_start_methods():
        return False
    followed = store.scalar(
        "SELECT max(count) FROM snapshots WHERE kind = 'following' AND complete = 1"
    )
    return (followed or 0) >= JUDGE_APART_FROM


def _judge_elsewhere(
    sender: Any, path: Path, rules: Rules, hidden: set[int], now: datetime, part: str
) -> None:
    """A second process of :class:`JudgedLists`: its own connection (a forked one is never
    used), its list judged and sent back, or the error named (the report then judges it)."""
    from audience.forked import ignore_interrupts
    from audience.store import open_read_only, open_store

    # the report's own process stops this one (see JudgedLists.stop), so it never prints a
    # KeyboardInterrupt of its own
    ignore_interrupts()
    try:
        # Only prune's process keeps the judgements it makes: a cache write inside a read
        # snapshot holds the workspace's write lock to its end, and two processes doing it
        # would wait out each other's lock (follow-back asks the press evidence prune keeps).
        store = open_store(path, create=False) if part == "prune" else open_read_only(path)
        try:
            with store.snapshot():
                found = judge_part(store, rules, hidden, now, part)
        finally:
            store.close()
        sender.send(("ok", found))
    except Exception as exc:  # noqa: BLE001  (any failure: the report judges it itself)
        sender.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def judge_lists(store: Store, rules: Rules, hidden: set[int], now: datetime) -> tuple:
    """``((first suggestions, how many), (first candidates, how many, how many worth))``."""
    return tuple(judge_part(store, rules, hidden, now, part) for part in JUDGED_PARTS)


def judge_part(store: Store, rules: Rules, hidden: set[int], now: datetime, part: str) -> tuple:
    """One list of :func:`judge_lists`: ``"prune"`` (first suggestions, how many) or
    ``"followback"`` (first candidates, how many, how many worth following back)."""
    if part == "prune":
        return prune_candidates(store, rules, hidden, now)
    candidates = followback_candidates(store, rules, hidden, now)
    worth = sum(1 for c in candidates if c.worth)
    return candidates[:MAX_LISTED], len(candidates), worth


def _accounts(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    rows = []
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows += store.query(
            f"SELECT id, platform, handle, display_name, url, followers_count, last_post_at "
            f"FROM accounts WHERE id IN ({marks})",
            chunk,
        )
    order = {account_id: n for n, account_id in enumerate(ids)}
    return sorted(rows, key=lambda r: order[r["id"]])


def press_influencers(store: Store, hidden: set[int]) -> list[Influencers]:
    """Per platform, the accounts followed by the most press members whose follow lists are
    stored: the same ranking (one SQL GROUP BY) as ``audience find influencers --segment
    press``, forgotten accounts left out."""
    from audience.find import rank_influencers

    result = []
    for platform in PLATFORMS:
        mined, ranked = rank_influencers(
            store, platform, segment="press", min_share=0, limit=TOP_INFLUENCERS + len(hidden)
        )
        ranked = [r for r in ranked if r.account_id not in hidden][:TOP_INFLUENCERS]
        if ranked:
            result.append(Influencers(platform, mined, ranked))
    return result


def follower_changes(store: Store, hidden: set[int]) -> list[Changes]:
    """Followers gained and lost between the two latest followers snapshots, per platform."""
    latest = latest_snapshots(store, "followers")
    previous = latest_snapshots(store, "followers", offset=1)
    result = []
    for platform, before in previous.items():
        now_ids = snapshot_members(store, latest[platform]["id"]) - hidden
        then_ids = snapshot_members(store, before["id"]) - hidden
        result.append(
            Changes(
                platform=platform,
                previous_at=before["taken_at"],
                latest_at=latest[platform]["taken_at"],
                gained=_accounts(store, sorted(now_ids - then_ids)),
                lost=_accounts(store, sorted(then_ids - now_ids)),
            )
        )
    return result


def press_list(store: Store, rules: Rules) -> list[dict[str, Any]]:
    """The press segment as the export has it (one row per person, every platform's handle,
    outlet and role from the bio), with the beat; sorted by outlet, then name."""
    return press_summary(store, rules, listed=None)[0]


def press_summary(
    store: Store, rules: Rules, listed: int | None = PRESS_LISTED, context: Any = None
) -> tuple[list[dict[str, Any]], int, Counter]:
    """The first ``listed`` rows of :func:`press_list` (all with None), how many journalists
    it has and how many per outlet: the export's rows stream by, and only those listed are
    kept (and have their beat read). Ties in outlet and name keep the export's order.
    ``context`` (:func:`audience.export.row_context`) keeps the press cells read for the
    caller to save."""
    from audience.export import ExportError, ordered_rows
    from audience.history import read_job

    outlets: Counter = Counter()
    first: dict[str, tuple] = {}  # outlet -> its first row in the export's order
    count = 0

    def by_outlet(item: tuple[tuple, dict[str, Any]]) -> tuple:
        order, row = item
        return ((row["outlet"] or "\uffff").casefold(), (row["name"] or "").casefold(), order)

    def counted() -> Any:
        nonlocal count
        for item in ordered_rows(store, segment="press", topics=rules.topics, context=context):
            outlet = item[1]["outlet"] or NO_OUTLET
            outlets[outlet] += 1
            if outlet not in first or item[0] < first[outlet]:
                first[outlet] = item[0]
            count += 1
            yield item

    try:
        kept = (
            sorted(counted(), key=by_outlet)
            if listed is None
            else nsmallest(listed, counted(), key=by_outlet)
        )
    except ExportError:  # no press segment
        return [], 0, Counter()
    rows = [row for _, row in kept]
    for row in rows:
        row["beat"] = read_job(row["bio"]).beat
    # outlets as counted in the export's order: the chart breaks ties by first appearance
    return rows, count, Counter({name: outlets[name] for name in sorted(first, key=first.get)})


def competitor_comparisons(store: Store, rules: Rules) -> list[Any]:
    """My audience beside each competitor's whose follower list was crawled (members of the
    competitors segment with at least ``MIN_RIVAL_FOLLOWERS`` stored followers; the three with
    the most)."""
    from audience.compare import CompareError, compare

    # one pass over the follow edges (there is no index on followed_id; see m001)
    rivals = store.query(
        """SELECT a.id, a.platform, a.handle, f.n FROM accounts a JOIN (
               SELECT followed_id, count(*) AS n FROM follows WHERE followed_id IN (
                   SELECT m.account_id FROM segment_members m JOIN segments s
                   ON s.id = m.segment_id AND s.name = 'competitors' WHERE m.excluded = 0)
               GROUP BY followed_id HAVING n >= ?) f ON f.followed_id = a.id
           WHERE a.handle IS NOT NULL ORDER BY f.n DESC, a.id LIMIT 3""",
        [MIN_RIVAL_FOLLOWERS],
    )
    result = []
    for rival in rivals:
        mine = store.query(
            "SELECT a.handle FROM my_accounts m JOIN accounts a ON a.id = m.account_id "
            "WHERE m.platform = ?",
            [rival["platform"]],
        )
        if not mine or not mine[0]["handle"]:
            continue
        try:
            result.append(
                compare(
                    store,
                    mine[0]["handle"],
                    rival["handle"],
                    platform=rival["platform"],
                    topics=rules.topics,
                    limit=10,
                )
            )
        except CompareError:
            continue
    return result


def crowd_groups(store: Store) -> list[Any] | None:
    """Groups in the crowd; None when the graph is too large to run with every report."""
    from audience.groups import find_groups

    edges = store.scalar(
        "SELECT count(*) FROM (SELECT 1 FROM follows LIMIT ?)", [GROUPS_EDGE_LIMIT + 1]
    )
    if edges > GROUPS_EDGE_LIMIT:
        return None
    return find_groups(store)


def listening_data(store: Store) -> Any:
    """Conversation volumes from ``audience listen`` and the calls comparison, or None."""
    from audience.listen import report_data

    return report_data(store)


def write_report(
    store: Store, path: Path, rules: Rules | None = None, *, now: datetime | None = None
) -> Path:
    """Collect, render and write the report atomically; returns the path written."""
    from audience.report_page import draw_ahead

    with store.snapshot():
        data = collect(store, rules, now=now, meanwhile=draw_ahead)
    for kept in data.kept:
        kept.save()
    data.kept = []  # (not needed by the page: let it go before drawing)
    return atomic_write_text(Path(path), render_html(data))


def render_html(data: ReportData) -> str:
    """The report page (see :mod:`audience.report_page`)."""
    from audience.report_page import render_html as render

    return render(data)
