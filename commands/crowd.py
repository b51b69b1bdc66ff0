"""``audience crowd``, ``audience moves``, ``audience compare`` and ``audience groups``: how the
crowd changes, who moved jobs, how it compares with a competitor's, what groups it falls into."""

from __future__ import annotations

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
    print_json,
    workspace_rules,
)

SHOWN = 20


def register(app: typer.Typer) -> None:
    app.command("crowd")(crowd)
    app.command("moves")(moves)
    app.command("compare")(compare)
    app.command("groups")(groups)


def _more(total: int, shown: int) -> None:
    if total > shown:
        console.print(f"…and {total - shown:,} more (--json for all).", highlight=False)


def crowd(
    platform: Annotated[str | None, typer.Option("--platform", "-p", help="Only this one.")] = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The crowd over time: followers, following and follow-back per day, gains and losses
    per week (from the snapshots sync and archive imports keep)."""
    from rich.table import Table

    from audience.history import crowd_over_time

    with handle_errors():
        store = open_workspace(db)
        with err_console.status("Reading snapshots…"):
            history = crowd_over_time(store, platform)
    if as_json:
        print_json(history.as_dict())
        return
    if not history.days:
        console.print("No snapshots yet: run `audience sync` or import an X archive.")
        return
    days = Table("platform", "day", "followers", "following", "follow-back", "by segment")
    for day in history.days[-SHOWN:]:
        rate = day.follow_back_rate
        days.add_row(
            day.platform,
            day.day,
            _n(day.followers),
            _n(day.following),
            "" if rate is None else f"{rate:.0%}",
            cell(", ".join(f"{k} {v}" for k, v in day.by_segment.items())),
        )
    console.print(days)
    if len(history.days) > SHOWN:
        console.print(f"(the last {SHOWN} of {len(history.days)} days; --json for all)")
    weeks = Table("platform", "week of", "new followers", "lost followers")
    for week in history.weeks[-SHOWN:]:
        weeks.add_row(week.platform, week.week, f"+{week.gained:,}", f"-{week.lost:,}")
    if history.weeks:
        console.print(weeks)


def _n(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def moves(
    segment: Annotated[
        str | None, typer.Option("--segment", "-s", help="Only members of this segment.")
    ] = "press",
    since: Annotated[str, typer.Option(help="How far back: 90d, 12w or a date.")] = "90d",
    platform: Annotated[
        str | None,
        typer.Option("--platform", "-p", help="Only this platform.", callback=one_of(PLATFORMS)),
    ] = None,
    update: Annotated[
        bool,
        typer.Option("--update-segments", help="Rewrite press evidence to the current job."),
    ] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who changed outlet, role or beat ("was Reporter @A, now Editor @B"), from bio history."""
    from rich.table import Table

    from audience.history import find_moves, since_text, update_press_evidence

    try:
        start = since_text(since)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    with handle_errors():
        store = open_workspace(db)
        found = find_moves(store, segment=segment or None, since=start, platform=platform)
        updated = update_press_evidence(store, found) if update else 0
    if as_json:
        print_json([m.as_dict() for m in found])
        return
    if not found:
        console.print(f"No moves since {since}{f' in {segment}' if segment else ''}.")
        return
    table = Table("when", "account", "name", "move")
    for move in found[:SHOWN]:
        table.add_row(
            move.changed_at[:10],
            cell(f"@{move.handle}"),
            cell(move.display_name),
            cell(move.summary),
        )
    console.print(table)
    _more(len(found), SHOWN)
    if update:
        console.print(f"Press evidence updated for {updated} accounts.")


def compare(
    mine: Annotated[str, typer.Argument(help="Your account, @handle.")],
    theirs: Annotated[str, typer.Argument(help="The other account, @handle.")],
    by: Annotated[str, typer.Option("--by", help="followers or following.")] = "followers",
    platform: Annotated[
        str,
        typer.Option(
            "--platform", "-p", help="Platform of both @handles.", callback=one_of(PLATFORMS)
        ),
    ] = "x",
    limit: Annotated[int, typer.Option("--limit", "-n", help="Accounts listed.")] = SHOWN,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare two audiences on stored follow lists: overlap, who follows them and not you,
    and their segment and country mix side by side."""
    from rich.table import Table

    from audience.compare import compare as compare_audiences

    with handle_errors():
        store = open_workspace(db)
        result = compare_audiences(
            store,
            mine,
            theirs,
            platform=platform,
            by=by,
            topics=workspace_rules(db).topics,
            limit=limit,
        )
    if as_json:
        print_json(result.as_dict())
        return
    me, them = result.mine, result.theirs
    console.print(
        f"{by}: {me.label} {len(me.members):,}, {them.label} {len(them.members):,}; "
        f"both {result.overlap:,} ({result.jaccard:.0%} of everyone); "
        f"only {them.label} {result.missing_total:,}",
        highlight=False,
        markup=False,
    )
    mix = Table("segment / country", me.label, them.label)
    for name in sorted(set(me.segments) | set(them.segments)):
        mix.add_row(cell(name), f"{me.segments[name]:,}", f"{them.segments[name]:,}")
    for code, _ in (me.countries + them.countries).most_common(8):
        mix.add_row(cell(code), f"{me.countries[code]:,}", f"{them.countries[code]:,}")
    console.print(mix)
    table = Table("account", "name", "segments", "relevance", "followers")
    for row in result.missing:
        table.add_row(
            cell(f"@{row['handle']}"),
            cell(row["display_name"]),
            cell(", ".join(row["segments"])),
            str(row["relevance"]),
            f"{row['followers_count'] or 0:,}",
        )
    console.print(f"Following {them.label} and not {me.label}, most relevant first:")
    console.print(table)
    _more(result.missing_total, len(result.missing))


def groups(
    resolution: Annotated[
        float, typer.Option(help="Higher: more, smaller groups (Leiden resolution).")
    ] = 1.0,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Groups in the crowd: communities of its follow graph, named by bio words and segments."""
    from rich.table import Table

    from audience.groups import MIN_MEANINGFUL, find_groups

    with handle_errors():
        store = open_workspace(db)
        with err_console.status("Finding groups…"):
            found = find_groups(store, resolution=resolution)
    if as_json:
        print_json([g.as_dict() for g in found])
        return
    if not found:
        console.print("No follow edges around the crowd yet: crawl follow lists first.")
        return
    table = Table("#", "group", "accounts", "in crowd", "top accounts")
    for group in found[:SHOWN]:
        name = group.name + (" — too small to mean anything" if group.too_small else "")
        table.add_row(
            str(group.number),
            cell(name),
            f"{group.size:,}",
            f"{group.crowd_members:,}",
            cell(", ".join(f"@{a['handle'] or a['platform_id']}" for a in group.top)),
        )
    console.print(table)
    _more(len(found), SHOWN)
    console.print(f"Groups under {MIN_MEANINGFUL} accounts are too small to mean anything.")
