"""``audience follow``: follow people, a segment, your targets or the follow-back suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    CrawlPlatformOpt,
    DbOpt,
    JsonOpt,
    cell,
    console,
    err_console,
    handle_errors,
    open_workspace,
    print_json,
    workspace_rules,
)

SHOWN = 25  # rows of a long table before "and N more"


def register(app: typer.Typer) -> None:
    app.command("follow")(follow)


def follow(
    handles: Annotated[list[str] | None, typer.Argument(help="@handle ... to follow.")] = None,
    platform: CrawlPlatformOpt = "x",
    segment: Annotated[
        str | None, typer.Option("--segment", "-s", help="Follow this segment's members.")
    ] = None,
    targets: Annotated[bool, typer.Option("--targets", help="Follow your targets.")] = False,
    followback: Annotated[
        bool, typer.Option("--followback", help="Follow back those `followback` says are worth it.")
    ] = False,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", help="A CSV with a handle column, or one handle per line."),
    ] = None,
    refollow: Annotated[
        bool, typer.Option("--refollow", help="Also follow accounts you unfollowed before.")
    ] = False,
    apply: Annotated[bool, typer.Option("--apply", help="Follow them (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before following.")] = False,
    max_count: Annotated[
        int | None, typer.Option("--max", min=0, help="Follow at most this many now.")
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Never look unknown handles up on the platform.")
    ] = False,
    queue_csv: Annotated[
        Path, typer.Option("--queue-csv", help="Where the follows left to do by hand go.")
    ] = Path("follow-queue.csv"),
    queue_html: Annotated[
        Path, typer.Option("--queue-html", help="The same as an offline page of links.")
    ] = Path("follow-queue.html"),
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Follow accounts; a dry run listing who and why (and who is skipped) unless --apply."""
    from audience import follow as follow_lib
    from audience.actions import ActionSettings

    if not (handles or segment or targets or followback or from_file):
        err_console.print(
            "Say whom to follow: @handles, --segment, --targets, --followback or --from."
        )
        raise typer.Exit(2)
    with handle_errors():
        store = open_workspace(db)
        rules = workspace_rules(db)
        settings = ActionSettings.from_rules(rules)
        crawler = _crawler(store, platform) if apply else None
        if crawler is not None:
            _report_settled(follow_lib.prepare_apply(crawler).settled)
        wanted = _wanted(store, rules, platform, handles, segment, targets, followback, from_file)
        lookup = None if offline else _lookup(store, platform, crawler)
        plan = follow_lib.plan_follow(
            store, rules, platform, wanted, refollow=refollow, settings=settings, lookup=lookup
        )
        if max_count is not None:
            plan.follow, extra = plan.follow[:max_count], plan.follow[max_count:]
            plan.over_cap = extra + plan.over_cap
        if as_json and not apply:
            print_json(plan.as_dict())
            return
        _show_plan(plan, err_console if as_json else console)
        if not apply:
            err_console.print("Dry run: nobody was followed. Add --apply to follow them.")
            return
        _apply(crawler, rules, settings, plan, yes, queue_csv, queue_html, as_json)


def _wanted(store, rules, platform, handles, segment, targets, followback, from_file):
    from audience import clock
    from audience import follow as follow_lib

    wanted = follow_lib.from_handles(handles or [])
    if segment:
        wanted += follow_lib.from_segment(store, platform, segment)
    if targets:
        wanted += follow_lib.from_targets(store, platform)
    if followback:
        wanted += follow_lib.from_followback(store, rules, platform, clock.now(store))
    if from_file:
        wanted += follow_lib.from_file(from_file, platform)
    return wanted


def _crawler(store, platform: str, observer=None):
    from audience.crawl import Crawler
    from audience.platforms import get_platform

    return Crawler(store, get_platform(platform), observer=observer)


def _lookup(store, platform: str, crawler):
    """Look unknown handles up on the platform (a read; stores what it finds)."""

    def look(keys: list[str]) -> dict[str, str]:
        from audience.errors import ConfigError
        from audience.find import resolve_handles

        try:
            return resolve_handles(crawler or _crawler(store, platform), keys).unknown
        except ConfigError:  # no read credentials: a dry run still shows the rest
            why = "not in the workspace; no credentials to look it up"
            return {key.lstrip("@"): why for key in keys}

    return look


def _report_settled(settled) -> None:
    left = len(settled.done) + len(settled.pending) + len(settled.not_done)
    if left:
        err_console.print(
            f"Checked {left} follow(s) left unanswered by an interrupted run: "
            f"{len(settled.done)} had taken effect, {len(settled.pending)} are pending requests, "
            f"{len(settled.not_done)} had not (they can be sent again)."
        )


def _show_plan(plan, out) -> None:
    """The plan as tables on ``out`` (stderr when stdout carries JSON)."""
    from rich.table import Table

    table = Table(title=f"Would follow {len(plan.follow)} on {plan.platform}")
    table.add_column("account")
    table.add_column("name")
    table.add_column("why")
    for c in plan.follow[:SHOWN]:
        who = c.who + (" (locked: a request)" if c.locked else "")
        table.add_row(cell(who), cell(c.display_name), cell(c.why))
    out.print(table)
    if len(plan.follow) > SHOWN:
        out.print(f"and {len(plan.follow) - SHOWN} more")
    if plan.skipped:
        skipped = Table(title=f"Skipped {len(plan.skipped)}")
        skipped.add_column("account")
        skipped.add_column("why not")
        for c in plan.skipped[:SHOWN]:
            skipped.add_row(cell(c.who), cell(c.skip))
        out.print(skipped)
        if len(plan.skipped) > SHOWN:
            out.print(f"and {len(plan.skipped) - SHOWN} more skipped")
    if plan.over_cap:
        out.print(
            f"{len(plan.over_cap)} more left for later (daily cap [follow.{plan.platform}] "
            f"daily_cap = {plan.cap}, or --max)."
        )
    out.print(f"Cost: {plan.cost()}", highlight=False, markup=False)
    for warning in plan.warnings:
        err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)


def _apply(crawler, rules, settings, plan, yes, queue_csv, queue_html, as_json) -> None:
    from rich.markup import escape

    from audience import follow as follow_lib
    from commands._progress import RichObserver

    if not plan.follow:
        err_console.print("Nobody to follow now.")
        return
    count = len(plan.follow)
    if not yes and not typer.confirm(f"Follow these {count} accounts on {plan.platform} now?"):
        err_console.print("Nobody was followed.")
        raise typer.Exit(1)
    with RichObserver() as observer:
        crawler.observer = observer
        observer.job_started("follow", f"following on {plan.platform}", count)
        result = follow_lib.apply_follows(
            crawler,
            rules,
            plan.follow,
            settings=settings,
            on_progress=lambda target, status: observer.page_done("follow", 1),
        )
    if as_json:
        print_json(
            {
                "followed": [t.who for t in result.done],
                "pending": [t.who for t in result.pending],
                "failed": {t.who: why for t, why in result.failed},
                "refused": result.refused,
            }
        )
    err_console.print(f"Followed {len(result.done)} of {count}.")
    if result.pending:
        err_console.print(
            f"{len(result.pending)} follow request(s) pending (locked accounts): "
            + ", ".join(t.who for t in result.pending),
            highlight=False,
        )
    for target, why in result.failed:
        err_console.print(f"Not followed {target.who}: {why}", highlight=False, markup=False)
    if result.refused:
        left = {t.account_id for t in result.by_hand}
        by_hand = [c for c in plan.follow if c.account_id in left]
        follow_lib.write_queue(queue_csv, queue_html, by_hand, result.refused)
        err_console.print(
            f"[bold red]{plan.platform} refused to follow:[/] {escape(result.refused)}\n"
            f"The {len(by_hand)} accounts left are in {queue_csv} and {queue_html} "
            "(one click each to follow them by hand).",
            highlight=False,
        )
        raise typer.Exit(5)
