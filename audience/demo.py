"""``audience demo``: every stage on the bundled example data, offline, in a fresh workspace.

The example world (``examples/``) is fictional but in real export formats: Robin Castellane,
Head of PR at a Bristol agency, with four contact books, an X archive, and twarc2 output of a
topic search and of eight journalists' follow lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from audience.errors import ConfigError

PACKAGE = Path(__file__).resolve().parent
EXAMPLES_CANDIDATES = (PACKAGE.parent / "examples", PACKAGE / "examples")
# The example data was generated "as of" this moment; rankings and inactivity are judged then.
DEMO_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

DEMO_CONFIG = """\
# audience.toml written by `audience demo` for the example world.

[topics]
keywords = ["contact centre", "customer service", "customer experience"]
hashtags = ["#contactcentre", "#custserv", "#customerservice", "#cx"]

[geography]
home_regions = ["UK & Ireland"]

[segments]
protected = ["press", "customers"]

[segments.customers]
organisations = ["Lagoon Fintech", "Quillfeather Labs", "Lanternfish Labs"]

[segments.suppliers]
organisations = ["Kettleworth Print", "Cloudline Telephony"]
keywords = ["CCaaS"]

[segments.competitors]
organisations = ["Brightwater Analytics", "Rival Contact Ltd"]
domains = ["brightwater.example"]
"""


@dataclass
class Step:
    title: str
    summary: str
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DemoResult:
    workspace: Path
    steps: list[Step] = field(default_factory=list)
    csv_path: Path | None = None
    xlsx_path: Path | None = None
    report_path: Path | None = None


def examples_dir() -> Path:
    for candidate in EXAMPLES_CANDIDATES:
        if (candidate / "contacts").is_dir():
            return candidate
    raise FileNotFoundError("the bundled examples/ folder is missing from this installation")


def run_demo(folder: Path, on_step: Callable[[Step], None] | None = None) -> DemoResult:
    """Build a workspace in ``folder`` and run every stage; ``on_step`` sees each as it ends."""
    from audience.store import open_store
    from audience.workspace import init_workspace

    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "audience.db"
    if db_path.exists():
        raise ConfigError(
            f"{db_path} already exists: give the demo an empty folder (or delete that file)"
        )
    (folder / "audience.toml").write_text(DEMO_CONFIG, encoding="utf-8")
    init_workspace(db_path)
    store = open_store(db_path)
    from audience.clock import set_workspace_as_of

    # Commands run in this workspace later judge the example data as of its own date.
    set_workspace_as_of(store, DEMO_NOW)
    result = DemoResult(db_path)
    examples = examples_dir()
    stages = (
        _import_contacts,
        _import_social,
        _find_by_topic,
        _match,
        _segment,
        _influencers,
        _prune,
        _followback,
        _follow_followback,
        _lists_push_press,
        _over_time,
        _listen,
        _listen_compare,
        _audit,
        _export,
    )
    for stage in stages:
        step = stage(store, examples, folder, result)
        result.steps.append(step)
        if on_step:
            on_step(step)
    store.close()
    return result


def _rules(folder: Path):
    from audience.config import load_rules

    return load_rules(folder / "audience.toml")


def _import_contacts(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.importers.contacts import read_contacts
    from audience.people import save_contacts

    rows = []
    for path in sorted((examples / "contacts").iterdir()):
        book = read_contacts(path)
        saved = save_contacts(store, book, path.name)
        rows.append(
            {
                "book": path.name,
                "format": book.format,
                "entries": len(book.records),
                "skipped": len(saved.skipped),
            }
        )
    people = store.scalar("SELECT count(*) FROM people")
    contacts = store.scalar("SELECT count(*) FROM contacts")
    return Step(
        "Import contact books",
        f"{contacts} entries from {len(rows)} books merged into {people} people "
        "(same e-mail, LinkedIn URL, or name and organisation).",
        rows,
    )


def _import_social(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.importers.social import save_social_import
    from audience.importers.twarc import read_twarc
    from audience.importers.x_archive import read_x_archive

    rows = []
    for name in sorted(p.name for p in (examples / "x").glob("archive-*.zip")):
        saved = save_social_import(store, read_x_archive(examples / "x" / name))
        rows.append(
            {
                "file": name,
                "accounts": saved.accounts,
                "follow edges": saved.new_follows,
                "posts": saved.posts,
            }
        )
    for name in (
        "users-2026-08-15",  # profiles as they were in August: later bios are moves
        "users-network",
        "users-press",
        "search-contactcentre",
        "following-press",
        "followers-brightwater",  # a competitor's followers, for `audience compare`
    ):
        saved = save_social_import(store, read_twarc(examples / "x" / f"{name}.jsonl"))
        rows.append(
            {
                "file": f"{name}.jsonl",
                "accounts": saved.accounts,
                "follow edges": saved.new_follows,
                "posts": saved.posts,
            }
        )
    return Step(
        "Import my X archives (March to November) and twarc2 output",
        f"{store.scalar('SELECT count(*) FROM accounts')} X accounts, "
        f"{store.scalar('SELECT count(*) FROM follows')} follow edges, "
        f"{store.scalar('SELECT count(*) FROM posts')} posts stored.",
        rows,
    )


def _find_by_topic(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.find import rank_topic_authors

    rules = _rules(folder)
    ranked = rank_topic_authors(
        store, rules.topics, platform="x", near=rules.home_regions, limit=8, now=DEMO_NOW
    )
    return Step(
        "Find: who talks about my topics (UK & Ireland)",
        f"Ranked by how often and how recently they used {', '.join(rules.hashtags)}, "
        "engagement and reach.",
        [
            {"account": f"@{r.handle}", "name": r.display_name, "why": "; ".join(r.reasons)}
            for r in ranked
        ],
    )


def _match(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.matching.identity import link_identities
    from audience.matching.matcher import match_people

    summary = match_people(store)
    link_identities(store)
    rows = store.query(
        """SELECT p.name, a.handle, m.status, round(m.score, 2) AS score, m.evidence
           FROM matches m JOIN people p ON p.id = m.person_id
           JOIN accounts a ON a.id = m.account_id
           WHERE m.status != 'rejected' ORDER BY m.status, m.score DESC LIMIT 10"""
    )
    return Step(
        "Match contacts to profiles",
        f"{summary.accepted} accepted, {summary.review} waiting for review "
        f"({summary.exact} exact links from handles and URLs in the cards).",
        [
            {
                "person": r["name"],
                "account": f"@{r['handle']}",
                "status": r["status"],
                "score": r["score"],
                "evidence": _evidence_text(r["evidence"]),
            }
            for r in rows
        ],
    )


def _evidence_text(evidence_json: str) -> str:
    import json

    items = json.loads(evidence_json or "[]")
    return "; ".join(str(item.get("detail") or item.get("kind")) for item in items[:3])


def _segment(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.segment import auto_segment, load_segment_config, segment_counts

    auto_segment(store, load_segment_config(folder / "audience.toml"))
    counts = segment_counts(store)
    # what the counts below add up to (not the plan's changes, which count every step)
    placed = store.scalar(
        "SELECT count(DISTINCT account_id) FROM segment_members WHERE excluded = 0"
    )
    rows = store.query(
        """SELECT s.name AS segment, a.handle, m.reason FROM segment_members m
           JOIN segments s ON s.id = m.segment_id JOIN accounts a ON a.id = m.account_id
           WHERE m.excluded = 0 ORDER BY s.name, a.followers_count DESC"""
    )
    shown: dict[str, int] = {}
    sample = []
    for row in rows:
        if shown.get(row["segment"], 0) < 3:
            shown[row["segment"]] = shown.get(row["segment"], 0) + 1
            sample.append(
                {"segment": row["segment"], "account": f"@{row['handle']}", "why": row["reason"]}
            )
    return Step(
        "Segment the crowd",
        f"{placed} accounts placed by rules and match evidence: " + _counts_text(counts),
        sample,
    )


def _counts_text(counts: list[dict[str, Any]]) -> str:
    return ", ".join(f"{c['name']} {c['members']}" for c in counts)


def _influencers(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.find import rank_influencers

    mined, ranked = rank_influencers(store, "x", segment="press", min_share=0.4, limit=6)
    return Step(
        "Mine journalists: who influences my press",
        f"Accounts followed by the most of the {mined} press follow lists stored.",
        [
            {"account": f"@{r.handle}", "name": r.display_name, "why": "; ".join(r.reasons)}
            for r in ranked
        ],
    )


def _prune(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.prune import suggest

    suggestions = suggest(store, _rules(folder), platform="x", now=DEMO_NOW)
    return Step(
        "Prune: unfollow suggestions (dry run; nothing is changed)",
        f"{len(suggestions)} accounts I follow could make room for better ones.",
        [
            {
                "account": f"@{s.handle or s.platform_id}",
                "score": round(s.score, 2),
                "reasons": "; ".join(r.text for r in s.reasons),
            }
            for s in suggestions[:8]
        ],
    )


def _followback(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.followback import followback_queue

    queue = followback_queue(store, _rules(folder), platform="x", now=DEMO_NOW)
    rows = [
        {
            "account": f"@{c.handle}",
            "follow back": "yes" if c.worth else "no",
            "why": "; ".join(c.reasons),
        }
        for c in (*queue.worth, *queue.not_worth)
    ]
    return Step(
        "Follow-back queue",
        f"{len(queue.worth)} worth following back, {len(queue.not_worth)} not.",
        rows[:10],
    )


def _follow_followback(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.follow import from_followback, plan_follow

    rules = _rules(folder)
    wanted = from_followback(store, rules, "x", now=DEMO_NOW)
    plan = plan_follow(store, rules, "x", wanted)
    rows = [{"account": c.who, "follow": "yes", "why": c.why} for c in plan.follow]
    rows += [{"account": c.who, "follow": "no", "why": c.skip} for c in plan.skipped]
    return Step(
        "Follow back: audience follow --followback (dry run; nobody is followed)",
        f"{len(plan.follow)} would be followed, {len(plan.skipped)} skipped. {plan.cost()}.",
        rows[:10],
    )


def _lists_push_press(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.lists import plan_push

    plan = plan_push(store, _rules(folder), "x", "press", name="UK press")
    rows = [{"account": m.who, "list": "add", "why": m.why} for m in plan.add]
    rows += [{"account": m.who, "list": "skip", "why": m.why} for m in plan.skipped]
    create = "created" if plan.list_id is None else "updated"
    return Step(
        "Lists: audience lists push press (dry run; no List is changed)",
        f"The X List {plan.name!r} would be {create} with {len(plan.add)} members "
        f"({len(plan.skipped)} skipped).",
        rows[:10],
    )


def _over_time(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.compare import compare
    from audience.groups import find_groups
    from audience.history import crowd_over_time, find_moves

    history = crowd_over_time(store, "x")
    first, last = history.days[0], history.days[-1]
    moves = find_moves(store, segment="press")
    rival = compare(
        store, "@robincastellane_pr", "@brightwater_hq", topics=_rules(folder).topics, limit=3
    )
    groups = find_groups(store)
    rows = (
        [{"what": "move", "who": f"@{m.handle}", "detail": m.summary} for m in moves]
        + [
            {
                "what": "competitor",
                "who": f"@{r['handle']}",
                "detail": "follows @brightwater_hq, not me "
                f"({', '.join(r['segments']) or 'no segment'})",
            }
            for r in rival.missing
        ]
        + [
            {"what": "group", "who": f"#{g.number} ({g.size})", "detail": g.name}
            for g in groups[:4]
        ]
    )
    return Step(
        "Over time: crowd, moves, a competitor, groups",
        f"Followers {first.followers} on {first.day} -> {last.followers} on {last.day}; "
        f"{len(moves)} journalists moved; {rival.overlap} of my followers also follow "
        f"@brightwater_hq, {rival.missing_total} follow only them; {len(groups)} groups.",
        rows,
    )


def _export(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.export import export_people
    from audience.report import write_report

    rules = _rules(folder)
    result.csv_path = folder / "press.csv"
    exported = export_people(
        store, segment="press", topics=rules.topics, raw_headers=False, output=result.csv_path
    )
    result.xlsx_path = folder / "crowd.xlsx"
    export_people(store, topics=rules.topics, raw_headers=False, output=result.xlsx_path)
    result.report_path = write_report(store, folder / "report.html", rules, now=DEMO_NOW)
    return Step(
        "Export for the PR team",
        f"{exported.rows} people in press.csv (opens in Excel and Sheets), everyone in "
        "crowd.xlsx (a sheet per segment); the crowd report is report.html.",
    )


# ---- listening and the content audit (issue 17) ---------------------------------------------

# The example agency's own site and name: its links and name in a post mark promotion.
DEMO_OWN_DOMAINS = ["lumenlark.example"]
DEMO_BRAND = ["Lumen & Lark"]


def _listen(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience import listen

    rules = _rules(folder)
    counted = listen.count_stored(store, rules.hashtags, now=DEMO_NOW)
    imported = listen.import_twarc_counts(
        store, examples / "x" / "counts-contactcentre.jsonl", now=DEMO_NOW
    )
    rows = []
    for item in listen.series(store, topics=rules.hashtags):
        daily = item.daily()
        moods = [d for d in listen.sentiment_by_day(store, item.topic) if d.enough]
        positive = sum(d.positive for d in moods)
        negative = sum(d.negative for d in moods)
        scored = sum(d.scored for d in moods)
        rows.append(
            {
                "topic": item.topic,
                "platform": item.platform,
                "days": len(daily),
                "last 7 days": " ".join(str(daily[d]) for d in sorted(daily)[-7:]),
                "measured by": "; ".join(item.methods),
                "positive / negative (English)": (
                    f"{positive / scored:.0%} / {negative / scored:.0%} of {scored}"
                    if scored
                    else "too few to score"
                ),
            }
        )
    return Step(
        "Listen: how loud my topics are, day by day",
        f"{sum(m.buckets for m in counted)} day counts from stored posts (a sample) and "
        f"{imported.buckets} from a twarc2 counts file ({imported.topic}, 8 weeks); each "
        "run appends, so the series grows past the APIs' 7-day window.",
        rows,
    )


def _listen_compare(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.calls import read_calls, save_calls
    from audience.listen_compare import compare_calls

    volumes = read_calls(examples / "calls" / "volumes.csv", decimal=",")
    save_calls(store, volumes)
    rows = []
    for comparison in compare_calls(store, volumes):
        peaks = [p["date"] for p in comparison.forecast_peaks]
        rising = comparison.rising or {}
        rows.append(
            {
                "topic": f"{comparison.topic} ({comparison.platform})",
                "verdict": comparison.verdict,
                "forecast peaks, no conversation": ", ".join(peaks) or "none",
                "rising": f"yes, {rising['from']} to {rising['to']}"
                if rising.get("rising")
                else (rising.get("note") or "no"),
            }
        )
    return Step(
        "Listen compare: conversation beside the contact centre's calls",
        f"{len(volumes.days)} days of calls ({volumes.timezone}, European number format) "
        "against daily conversation in UTC; lags 0-7 days, Spearman on weekday-adjusted "
        "volumes.",
        rows,
    )


def _audit(store, examples: Path, folder: Path, result: DemoResult) -> Step:
    from audience.audit import AuditSettings, audit_posts

    settings = AuditSettings.from_rules(
        _rules(folder), own_domains=DEMO_OWN_DOMAINS, brand=DEMO_BRAND
    )
    audit = audit_posts(store, settings, days=120)
    mix = ", ".join(f"{kind} {count}/{len(audit.posts)}" for kind, count in audit.counts.items())
    return Step(
        "Audit: the mix of my own posts",
        f"{mix}; {audit.unique_per_day:.1f} unique posts a day. "
        + " ".join(f"{v[0].upper()}{v[1:]}." for v in audit.verdicts),
        [
            {"date": f"{p.created_at:%Y-%m-%d}", "class": p.kind, "why": p.reason}
            for p in audit.posts
        ],
    )
