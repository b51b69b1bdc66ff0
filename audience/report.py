"""The crowd-quality report: one self-contained HTML page (inline CSS, inline SVG charts drawn
here, no script, no external file) that opens offline and can be mailed around.

Sections: the crowd by segment and platform, geography, follow-back rate, prune candidates, the
accounts the press follow most, and the followers gained and lost since the last sync. Every
piece of user text goes through :func:`html.escape`. Suppressed accounts are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from audience.config import Rules
from audience.export import atomic_write_text, profile_url
from audience.models import PLATFORMS
from audience.privacy import suppressed_account_ids
from audience.store import Store

TOP_INFLUENCERS = 20
TOP_COUNTRIES = 15
MAX_LISTED = 50
COLOURS = ("#2b6cb0", "#dd6b20", "#2f855a", "#805ad5", "#b83280", "#718096")
PLATFORM_LABELS = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "linkedin": "LinkedIn"}


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
class ReportData:
    generated_at: str
    segments: list[tuple[str, dict[str, int]]]
    countries: list[tuple[str, int]]
    crowd_size: int
    follow_back: list[FollowBack]
    prune: list[dict[str, Any]]
    influencers: list[dict[str, Any]]
    changes: list[Changes]
    totals: dict[str, int] = field(default_factory=dict)


def collect(store: Store, rules: Rules | None = None, *, now: datetime | None = None) -> ReportData:
    """Compute every figure of the report from the workspace."""
    rules = rules or Rules()
    now = now or datetime.now(UTC)
    hidden = suppressed_account_ids(store)
    segments = crowd_by_segment(store, hidden)
    crowd = _crowd_ids(store, hidden)
    return ReportData(
        generated_at=now.strftime("%Y-%m-%d %H:%M UTC"),
        segments=segments,
        countries=countries(store, crowd),
        crowd_size=len(crowd),
        follow_back=follow_back(store),
        prune=prune_candidates(store, rules, hidden, now),
        influencers=press_influencers(store, hidden),
        changes=follower_changes(store, hidden),
        totals={
            "accounts": store.scalar("SELECT count(*) FROM accounts WHERE handle IS NOT NULL"),
            "people": store.scalar("SELECT count(*) FROM people"),
        },
    )


def crowd_by_segment(store: Store, hidden: set[int]) -> list[tuple[str, dict[str, int]]]:
    """Every segment with its member count per platform (excluded members left out)."""
    result: dict[str, dict[str, int]] = {
        r["name"]: dict.fromkeys(PLATFORMS, 0)
        for r in store.query("SELECT name FROM segments ORDER BY builtin DESC, name")
    }
    for row in store.query(
        "SELECT s.name, a.platform, a.id FROM segment_members m JOIN segments s "
        "ON s.id = m.segment_id JOIN accounts a ON a.id = m.account_id WHERE m.excluded = 0"
    ):
        if row["id"] not in hidden and row["platform"] in result[row["name"]]:
            result[row["name"]][row["platform"]] += 1
    return list(result.items())


def _crowd_ids(store: Store, hidden: set[int]) -> set[int]:
    """The crowd: segment members and my followers in the latest snapshots."""
    ids = {r[0] for r in store.execute("SELECT account_id FROM segment_members WHERE excluded = 0")}
    for snapshot in latest_snapshots(store, "followers").values():
        ids |= snapshot_members(store, snapshot["id"])
    return ids - hidden


def countries(store: Store, account_ids: set[int]) -> list[tuple[str, int]]:
    """Accounts per country (the account's, else its person's), most first; ``Unknown`` last."""
    counts: Counter = Counter()
    for row in store.query(
        "SELECT a.id, coalesce(a.country, p.country) AS country FROM accounts a "
        "LEFT JOIN people p ON p.id = coalesce(a.person_id, (SELECT min(m.person_id) "
        "FROM matches m WHERE m.account_id = a.id AND m.status = 'accepted'))"
    ):
        if row["id"] in account_ids:
            counts[row["country"] or "Unknown"] += 1
    unknown = counts.pop("Unknown", 0)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown, rest = ranked[:TOP_COUNTRIES], sum(n for _, n in ranked[TOP_COUNTRIES:])
    if rest:
        shown.append(("Other", rest))
    if unknown:
        shown.append(("Unknown", unknown))
    return shown


def latest_snapshots(store: Store, kind: str, offset: int = 0) -> dict[str, dict[str, Any]]:
    """Per platform, the newest snapshot of ``kind`` (``offset=1``: the one before it)."""
    result = {}
    for platform in PLATFORMS:
        rows = store.query(
            "SELECT id, taken_at FROM snapshots WHERE platform = ? AND kind = ? "
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
        mine = snapshot_members(store, following["id"])
        back = mine & snapshot_members(store, followers[platform]["id"])
        result.append(FollowBack(platform, len(mine), len(back)))
    return result


def prune_candidates(
    store: Store, rules: Rules, hidden: set[int], now: datetime
) -> list[dict[str, Any]]:
    """Accounts ``audience prune`` would suggest unfollowing (none before a first sync)."""
    from audience.prune import suggest
    from audience.sync import NeedsSync

    try:
        suggestions = suggest(store, rules, now=now)
    except NeedsSync:
        return []
    return _accounts(store, [s.account_id for s in suggestions if s.account_id not in hidden])


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


def press_influencers(store: Store, hidden: set[int]) -> list[dict[str, Any]]:
    """Accounts followed by the most members of the press segment, the members themselves and
    my own accounts left out."""
    press = {
        r[0]
        for r in store.execute(
            "SELECT m.account_id FROM segment_members m JOIN segments s ON s.id = m.segment_id "
            "WHERE s.name = 'press' AND m.excluded = 0"
        )
    } - hidden
    if not press:
        return []
    mine = {r[0] for r in store.execute("SELECT account_id FROM my_accounts")}
    counts: Counter = Counter()
    for follower_id, followed_id in store.execute("SELECT follower_id, followed_id FROM follows"):
        if follower_id in press and followed_id not in press | hidden | mine:
            counts[followed_id] += 1
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_INFLUENCERS]
    rows = _accounts(store, [account_id for account_id, _ in top])
    for row, (_, followed_by) in zip(rows, top, strict=True):
        row["press_followers"] = followed_by
    return rows


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


# ---- SVG charts ---------------------------------------------------------------------------------


_BAR, _GAP, _LABEL_W, _PLOT_W, _VALUE_W = 14, 10, 180, 420, 60


def bar_chart(
    rows: list[tuple[str, list[float]]],
    series: list[str],
    *,
    title: str,
    percent: bool = False,
    stacked: bool = False,
) -> str:
    """Horizontal bars as inline SVG: per row one bar per series, or one bar with the series
    stacked (labelled with the total)."""
    if not rows:
        return ""
    bars_per_row = 1 if stacked else len(series)
    group_h = _BAR * bars_per_row + _GAP
    legend_h = 22 if len(series) > 1 else 0
    height = legend_h + group_h * len(rows) + _GAP
    width = _LABEL_W + _PLOT_W + _VALUE_W
    totals = [sum(values) if stacked else max(values, default=0) for _, values in rows]
    top = max(totals, default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    if legend_h:
        parts += _legend(series, _LABEL_W)
    for n, (label, values) in enumerate(rows):
        y = legend_h + _GAP + n * group_h
        middle = y + _BAR * bars_per_row / 2 + 4
        parts.append(
            f'<text x="{_LABEL_W - 8}" y="{middle:.0f}" text-anchor="end" class="label">'
            f"{escape(_clip(label))}</text>"
        )
        if stacked:
            parts += _stacked_bar(label, values, series, y, top)
        else:
            for s, value in enumerate(values):
                parts += _bar(label, value, y + s * _BAR, _LABEL_W, top, s, percent)
    parts.append("</svg>")
    return "".join(parts)


def _bar(label: str, value: float, y: float, x: float, top: float, s: int, percent: bool):
    length = _PLOT_W * value / top
    shown = f"{value:.0%}" if percent else f"{value:,.0f}"
    return [
        f'<rect x="{x}" y="{y}" width="{length:.1f}" height="{_BAR - 2}" '
        f'fill="{COLOURS[s % len(COLOURS)]}"><title>{escape(label)}: {shown}</title></rect>',
        f'<text x="{x + length + 4:.1f}" y="{y + _BAR - 4}" class="value">{shown}</text>',
    ]


def _stacked_bar(label: str, values: list[float], series: list[str], y: float, top: float):
    parts, x = [], float(_LABEL_W)
    for s, value in enumerate(values):
        length = _PLOT_W * value / top
        if length:
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{_BAR - 2}" '
                f'fill="{COLOURS[s % len(COLOURS)]}"><title>{escape(label)}, '
                f"{escape(series[s])}: {value:,.0f}</title></rect>"
            )
        x += length
    parts.append(
        f'<text x="{x + 4:.1f}" y="{y + _BAR - 4}" class="value">{sum(values):,.0f}</text>'
    )
    return parts


def _legend(series: list[str], left: int) -> list[str]:
    parts, x = [], left
    for s, name in enumerate(series):
        colour = COLOURS[s % len(COLOURS)]
        parts.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="14" class="legend">{escape(name)}</text>'
        )
        x += 24 + 8 * len(name)
    return parts


def _clip(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---- HTML ---------------------------------------------------------------------------------------

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c;
       margin: 0 auto; max-width: 960px; padding: 24px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 8px;
     border-bottom: 2px solid #e2e8f0; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.meta, .note { color: #4a5568; font-size: 13px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; min-width: 140px; }
.card b { display: block; font-size: 22px; }
table { border-collapse: collapse; margin: 10px 0 4px; font-size: 14px; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 10px; text-align: left; }
th { background: #f7fafc; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; margin: 8px 0; max-width: 100%; height: auto; }
svg .label, svg .value, svg .legend { font: 12px system-ui, sans-serif; fill: #2d3748; }
a { color: #2b6cb0; }
"""


def render_html(data: ReportData) -> str:
    """The report page. Every value taken from the workspace is escaped."""
    sections = [
        _section_segments(data),
        _section_geography(data),
        _section_follow_back(data),
        _section_prune(data),
        _section_influencers(data),
        _section_changes(data),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        # Forbids any network fetch: the page must render the same offline.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Audience report</title><style>{CSS}</style></head><body>"
        f'<h1>Audience report</h1><p class="meta">Generated {escape(data.generated_at)}</p>'
        f"{_cards(data)}{''.join(sections)}</body></html>\n"
    )


def _cards(data: ReportData) -> str:
    following = sum(f.following for f in data.follow_back)
    back = sum(f.follow_back for f in data.follow_back)
    rate = f"{back / following:.0%}" if following else "n/a"
    cards = [
        ("Accounts in the crowd", f"{data.crowd_size:,}"),
        ("Accounts known", f"{data.totals.get('accounts', 0):,}"),
        ("People", f"{data.totals.get('people', 0):,}"),
        ("Follow-back rate", rate),
        ("Prune candidates", f"{len(data.prune):,}"),
    ]
    items = "".join(f'<div class="card">{escape(k)}<b>{escape(v)}</b></div>' for k, v in cards)
    return f'<div class="cards">{items}</div>'


def _table(headers: list[str], rows: list[list[Any]], numeric: Collection[int] = ()) -> str:
    head = "".join(
        f"<th{' class=n' if i in numeric else ''}>{escape(h)}</th>" for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if i in numeric else ''}>{_cell(value)}</td>"
            for i, value in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if isinstance(value, _Link):
        return f'<a href="{escape(value.href)}">{escape(value.text)}</a>'
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return escape(str(value))


@dataclass
class _Link:
    text: str
    href: str


def _empty(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def _platform(name: str) -> str:
    return PLATFORM_LABELS.get(name, name)


def _account_cells(row: dict[str, Any]) -> list[Any]:
    handle = row["handle"] or row.get("display_name") or f"#{row['id']}"
    href = profile_url(row) if row["handle"] else ""
    shown = _Link(f"@{handle}", href) if href.startswith("https://") else f"@{handle}"
    return [shown, row.get("display_name"), _platform(row["platform"])]


def _section_segments(data: ReportData) -> str:
    series = [_platform(p) for p in PLATFORMS]
    chart = bar_chart(
        [(name, [counts[p] for p in PLATFORMS]) for name, counts in data.segments],
        series,
        title="Segment members per platform",
        stacked=True,
    )
    rows = [
        [name, *(counts[p] for p in PLATFORMS), sum(counts.values())]
        for name, counts in data.segments
    ]
    table = _table(["Segment", *series, "Total"], rows, numeric={1, 2, 3, 4, 5})
    return f"<section><h2>Crowd by segment and platform</h2>{chart}{table}</section>"


def _section_geography(data: ReportData) -> str:
    body = _empty("No one in the crowd yet.")
    if data.countries:
        chart = bar_chart(
            [(c, [n]) for c, n in data.countries], ["Accounts"], title="Crowd by country"
        )
        body = chart + _table(["Country", "Accounts"], [list(r) for r in data.countries], {1})
    note = _empty("The crowd: segment members and your followers in the latest snapshot.")
    return f"<section><h2>Geography</h2>{note}{body}</section>"


def _section_follow_back(data: ReportData) -> str:
    if not data.follow_back:
        body = _empty("Needs a following and a followers snapshot of your own account.")
    else:
        chart = bar_chart(
            [(_platform(f.platform), [f.rate]) for f in data.follow_back],
            ["Follow-back rate"],
            title="Follow-back rate per platform",
            percent=True,
        )
        rows = [
            [_platform(f.platform), f.following, f.follow_back, f"{f.rate:.0%}"]
            for f in data.follow_back
        ]
        body = chart + _table(["Platform", "I follow", "Follow me back", "Rate"], rows, {1, 2, 3})
    return f"<section><h2>Follow-back rate</h2>{body}</section>"


def _section_prune(data: ReportData) -> str:
    note = _empty(
        f"Accounts to consider unfollowing: {len(data.prune):,} "
        "(see `audience prune` for every reason)."
    )
    if not data.prune:
        return f"<section><h2>Prune candidates</h2>{note}</section>"
    by_platform = Counter(_platform(r["platform"]) for r in data.prune)
    chart = bar_chart(
        [(p, [n]) for p, n in sorted(by_platform.items())],
        ["Candidates"],
        title="Prune candidates per platform",
    )
    rows = [
        [*_account_cells(r), (r["last_post_at"] or "")[:10], r["followers_count"]]
        for r in data.prune[:MAX_LISTED]
    ]
    table = _table(["Account", "Name", "Platform", "Last post", "Followers"], rows, {4})
    more = _more(len(data.prune))
    return f"<section><h2>Prune candidates</h2>{note}{chart}{table}{more}</section>"


def _more(total: int) -> str:
    return _empty(f"…and {total - MAX_LISTED:,} more.") if total > MAX_LISTED else ""


def _section_influencers(data: ReportData) -> str:
    title = "Top influencers of the press"
    if not data.influencers:
        body = _empty("No follow lists of press members crawled yet.")
        return f"<section><h2>{title}</h2>{body}</section>"
    chart = bar_chart(
        [("@" + (r["handle"] or str(r["id"])), [r["press_followers"]]) for r in data.influencers],
        ["Press members following"],
        title="Accounts most followed by the press",
    )
    rows = [
        [*_account_cells(r), r["press_followers"], r["followers_count"]] for r in data.influencers
    ]
    table = _table(
        ["Account", "Name", "Platform", "Press members following", "Followers"], rows, {3, 4}
    )
    return f"<section><h2>{title}</h2>{chart}{table}</section>"


def _section_changes(data: ReportData) -> str:
    title = "Changes since the last sync"
    if not data.changes:
        body = _empty("Needs two followers snapshots of your own account.")
        return f"<section><h2>{title}</h2>{body}</section>"
    chart = bar_chart(
        [(_platform(c.platform), [len(c.gained), len(c.lost)]) for c in data.changes],
        ["New followers", "Lost followers"],
        title="Followers gained and lost",
    )
    parts = [chart]
    for change in data.changes:
        period = f"{_when(change.previous_at)} → {_when(change.latest_at)}"
        parts.append(f"<h3>{escape(_platform(change.platform))}: {escape(period)}</h3>")
        for label, rows in (("New followers", change.gained), ("Lost followers", change.lost)):
            listed = [[*_account_cells(r), r["followers_count"]] for r in rows[:MAX_LISTED]]
            parts.append(f"<p><b>{escape(label)}: {len(rows):,}</b></p>")
            if listed:
                parts.append(_table(["Account", "Name", "Platform", "Followers"], listed, {3}))
                parts.append(_more(len(rows)))
    return f"<section><h2>{title}</h2>{''.join(parts)}</section>"


def _when(timestamp: str) -> str:
    return timestamp[:16].replace("T", " ")


def write_report(
    store: Store, path: Path, rules: Rules | None = None, *, now: datetime | None = None
) -> Path:
    """Collect, render and write the report atomically; returns the path written."""
    with store.snapshot():
        data = collect(store, rules, now=now)
    return atomic_write_text(Path(path), render_html(data))
