"""``audience match``: link contacts and bylines to social accounts, and review the doubtful."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    PLATFORMS,
    DbOpt,
    JsonOpt,
    cell,
    console,
    err_console,
    handle_errors,
    one_of,
    open_workspace,
    plural,
    print_json,
)

match_app = typer.Typer(
    invoke_without_command=True, help="Match contacts and bylines to social accounts."
)

PlatformsOpt = Annotated[
    list[str] | None,
    typer.Option("--platform", "-p", help="x, bluesky, mastodon or linkedin (repeatable)."),
]


def register(app: typer.Typer) -> None:
    app.add_typer(match_app, name="match")


@match_app.callback()
def match(
    ctx: typer.Context,
    db: DbOpt = None,
    platform: PlatformsOpt = None,
    lookup: Annotated[
        bool, typer.Option("--lookup", help="Ask the platform for candidates.")
    ] = False,
    max_requests: Annotated[
        int,
        typer.Option(
            "--max-requests", min=0, help="Stop --lookup after this many requests (as in find)."
        ),
    ] = 50,
    review_floor: Annotated[
        float,
        typer.Option(
            "--review-floor",
            min=0.01,
            max=0.86,
            help="Send a candidate to review from this probability (default 0.35); lower: "
            "a longer queue, more people found.",
        ),
    ] = 0.35,
    as_json: JsonOpt = False,
) -> None:
    """Link every person to at most one account per platform (stored accounts by default)."""
    if ctx.invoked_subcommand is not None:
        return
    from audience.matching import match_people
    from audience.matching.identity import link_identities

    with handle_errors():
        store = open_workspace(db)
        with err_console.status("Matching people to profiles…"):
            identities = link_identities(store)
            if lookup:
                summaries = [_lookup(store, name, max_requests) for name in platform or ["x"]]
                result = {"identity_links": identities.links, "lookups": summaries}
            else:
                result = {
                    "identity_links": identities.links,
                    **match_people(store, platform or None, review=review_floor).to_dict(),
                }
    _show(result, as_json)


def _lookup(store, platform_name: str, budget: int) -> dict:
    from audience.matching.lookup import lookup_and_match
    from audience.platforms import get_platform

    return asdict(lookup_and_match(store, get_platform(platform_name), budget=budget))


_SUMMARY_LABELS = {
    "identity_links": "profiles linked to each other",
    "people": "people",
    "platforms": "platforms",
    "pairs_scored": "candidate pairs scored",
    "exact": "exact links (card, linked profile)",
    "accepted": "accepted",
    "review": "waiting for review",
    "ties": "ties sent to review",
    "kept_decisions": "decisions made by hand, kept",
    "seconds": "time",
}


def _show(result: dict, as_json: bool) -> None:
    if as_json:
        print_json(result)
        return
    from rich.table import Table

    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in result.items():
        if key == "unmatchable":
            for item in value:
                err_console.print(
                    f"not matched: person {item['person_id']} ({item['name'] or '?'}): "
                    f"{item['reason']}",
                    style="yellow",
                    markup=False,
                )
        elif key == "lookups":
            for lookup in value:
                for name, number in lookup.items():
                    table.add_row(cell(f"lookup {name.replace('_', ' ')}"), cell(number))
        elif key in _SUMMARY_LABELS:
            table.add_row(_SUMMARY_LABELS[key], cell(_summary_value(key, value)))
    console.print(table)


def _summary_value(key: str, value) -> str:
    if key == "platforms":
        return ", ".join(value) or "none"
    if key == "seconds":
        return f"{value:.1f} s"
    return f"{value:,}" if isinstance(value, int) else str(value)


@match_app.command("names")
def names(
    entries: Annotated[list[str] | None, typer.Argument(help='"Jane Doe @ Outlet" ...')] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="CSV: name,outlet,beat")] = None,
    platform: Annotated[
        str,
        typer.Option("--platform", "-p", help="Look here.", callback=one_of(PLATFORMS)),
    ] = "x",
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Turn bylines into people, match them, and put the matched in the press segment."""
    from audience.matching.bylines import match_bylines, parse_byline, read_bylines_csv

    with handle_errors():
        bylines = [parse_byline(e, f"argument {n}") for n, e in enumerate(entries or [], 1)]
        bylines += read_bylines_csv(file) if file else []
        if not bylines:
            raise typer.BadParameter("give bylines as arguments or --file")
        summary = match_bylines(open_workspace(db), bylines, platform)
    if as_json:
        print_json(
            {
                "people": summary.people,
                "press_added": summary.press_added,
                "forgotten_skipped": summary.forgotten,
                "accepted": summary.match.accepted,
                "review": summary.match.review,
                "bylines": [asdict(r) for r in summary.results],
            }
        )
        return
    console.print(_bylines_table(summary.results))
    if summary.forgotten:
        err_console.print(f"{plural(summary.forgotten, 'byline')} of forgotten people left out.")
    console.print(
        f"{summary.press_added} added to the press segment; "
        f"{summary.match.review} waiting for review (audience match review)"
    )


def _bylines_table(results):
    from rich.table import Table

    table = Table()
    for column in ("byline", "outlet", "account", "status"):
        table.add_column(column)
    for r in results[:_TABLE_ROWS]:
        status = f"merged into {r.merged_into}" if r.status == "merged" else r.status
        table.add_row(
            cell(r.name),
            cell(r.outlet or ""),
            cell(f"@{r.handle}" if r.handle else ""),
            cell(status),
        )
    if len(results) > _TABLE_ROWS:
        table.caption = f"and {len(results) - _TABLE_ROWS:,} more (--json lists all)"
    return table


@match_app.command("list")
def list_(
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="accepted, review or rejected.",
            callback=one_of(("accepted", "review", "rejected")),
        ),
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option("--platform", "-p", help="Only this platform.", callback=one_of(PLATFORMS)),
    ] = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="With --csv: write this file (0600).")
    ] = None,
) -> None:
    """Matches with score, status and evidence; the review queue in the order of its ranks."""
    from audience.matching.review import list_matches

    with handle_errors():
        rows = list_matches(open_workspace(db), status, platform)
        if as_csv or output is not None:
            _write_matches_csv(rows, output)
            return
    if as_json:
        print_json(rows)
    else:
        console.print(_matches_table(rows))


def _write_matches_csv(rows: list[dict], output: Path | None) -> None:
    """Every cell through the export's neutralising writer; a file is its owner's only."""
    from audience.export import atomic_write, write_csv

    columns = list(rows[0]) if rows else ["id"]
    rows = [{**r, "evidence": json.dumps(r["evidence"], ensure_ascii=False)} for r in rows]
    if output is None:
        write_csv(rows, sys.stdout, columns)
    else:
        atomic_write(output, lambda handle: write_csv(rows, handle, columns))
        err_console.print(f"{len(rows):,} matches written to {output}", markup=False)


_TABLE_ROWS = 50


def _matches_table(rows: list[dict]):
    from rich.table import Table

    table = Table()
    for column in (
        "id",
        "rank",
        "platform",
        "person",
        "account",
        "score",
        "status",
        "by",
        "evidence",
    ):
        table.add_column(column)
    for r in rows[:_TABLE_ROWS]:
        table.add_row(
            str(r["id"]),
            str(r["rank"]) if r.get("rank") else "",
            r["platform"],
            cell(r["person"]),
            cell(f"@{r['handle']}"),
            f"{r['score']:.2f}",
            r["status"],
            r["decided_by"],
            "; ".join(e["kind"] for e in r["evidence"]),
        )
    if len(rows) > _TABLE_ROWS:
        table.caption = f"and {len(rows) - _TABLE_ROWS:,} more (--json or --csv lists all)"
    return table


_PROMPT = "[a]ccept [r]eject [s]kip [q]uit"


@match_app.command("review")
def review(
    platform: Annotated[
        str | None,
        typer.Option("--platform", "-p", help="Only this platform.", callback=one_of(PLATFORMS)),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Go through doubtful matches: [a]ccept, [r]eject, [s]kip, [q]uit (decisions are kept)."""
    from rich.markup import escape
    from rich.prompt import Prompt

    from audience.matching.review import decide, next_for_review

    skipped: list[int] = []
    with handle_errors():
        store = open_workspace(db)
        while (item := next_for_review(store, skipped, platform)) is not None:
            console.print(_review_panel(item))
            key = Prompt.ask(escape(_PROMPT), choices=["a", "r", "s", "q"])
            if key == "q":
                break
            decision = {"a": "accept", "r": "reject", "s": "skip"}[key]
            decide(store, item.match["id"], decision)
            if decision == "skip":
                skipped.append(item.match["id"])
    console.print("review queue done" if item is None else "stopped; run again to resume")


def _review_panel(item):
    from rich.columns import Columns
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    c = item.contacts[0] if item.contacts else {}
    person = "\n".join(
        str(v)
        for v in (
            item.person["name"],
            c.get("organisation"),
            c.get("title"),
            c.get("city"),
            ", ".join(json.loads(c.get("emails") or "[]")),
        )
        if v
    )
    a = item.account
    account = "\n".join(
        str(v)
        for v in (f"@{a['handle']}", a["display_name"], a["bio"], a["location"], a["website"])
        if v
    )
    evidence = "\n".join(f"{e['weight']:+.2f} {e['kind']}: {e['detail']}" for e in item.evidence)
    title = (
        f"match {item.match['id']}  score {item.match['score']:.2f}  "
        f"{item.rank} of {item.queue} in the queue, most likely first"
    )
    if item.others:
        title += f"  ({item.others} other candidates)"
    sides = Columns(
        [Panel(Text(person), title="contact"), Panel(Text(account), title=a["platform"])]
    )
    return Group(Panel(sides, title=Text(title)), Text(evidence))
