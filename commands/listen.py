"""``audience listen``: conversation volume per topic over time, and beside your call volumes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from commands._common import (
    DbOpt,
    JsonOpt,
    MaxRequestsOpt,
    cell,
    console,
    err_console,
    handle_errors,
    open_workspace,
    print_json,
    workspace_rules,
)


class _MeasureByDefault(TyperGroup):
    """``audience listen "#cx"`` means ``audience listen measure "#cx"``: anything that is not
    a subcommand name goes to ``measure``, so topics and subcommands share one word."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["measure", *args]
        return super().parse_args(ctx, args)


listen_app = typer.Typer(
    cls=_MeasureByDefault,
    help="How loud your topics are, day by day, and beside your contact-centre volumes. "
    '`audience listen "#cx"` is short for `audience listen measure "#cx"`.',
)
SHOWN_ROWS = 14


def register(app: typer.Typer) -> None:
    app.add_typer(listen_app, name="listen")


@listen_app.command("measure")
def listen(
    topics: Annotated[
        list[str] | None,
        typer.Argument(
            help='Hashtags or phrases: "#cx" "customer service" (default: audience.toml).'
        ),
    ] = None,
    platform: Annotated[
        list[str] | None,
        typer.Option("--platform", "-p", help="x, bluesky or mastodon (repeat for several)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="How far back: 7d (the default live), 48h or a date; offline: all."),
    ] = None,
    granularity: Annotated[str, typer.Option(help="day or hour.")] = "day",
    offline: Annotated[
        bool, typer.Option("--offline", help="Count stored posts only; no API calls.")
    ] = False,
    counts_file: Annotated[
        Path | None,
        typer.Option("--counts-file", help="Add twarc2 `counts` output (JSON lines) instead."),
    ] = None,
    estimate_only: Annotated[
        bool, typer.Option("--estimate", help="Print what it would cost, then stop.")
    ] = False,
    max_requests: MaxRequestsOpt = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Measure again what this hour already measured.")
    ] = False,
    sentiment: Annotated[
        bool, typer.Option("--sentiment/--no-sentiment", help="English sentiment per day.")
    ] = True,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Measure conversation volume per topic and platform, append it to the workspace's
    series, and show the series with sentiment where it can be measured honestly."""
    from audience import listen as lib
    from audience.find import parse_since

    with handle_errors():
        store = open_workspace(db, create=True)
        topics = topics or workspace_rules(db).topics
        lib.check_granularity(granularity)
        since_at = parse_since(since or ("7d" if not offline and not counts_file else None))
        if counts_file is not None:
            measured = [lib.import_twarc_counts(store, counts_file, topic=(topics or [None])[0])]
            topics = [m.topic for m in measured]
        elif not topics:
            raise typer.BadParameter("name topics, or set [topics] in audience.toml")
        elif offline:
            measured = lib.count_stored(
                store,
                topics,
                platform=(platform or [None])[0],
                since=since_at,
                granularity=granularity,
            )
        else:
            measured = _measure(
                store,
                topics,
                platform or ["x"],
                since_at,
                granularity,
                estimate_only,
                max_requests,
                refresh,
            )
            if measured is None:
                return
        found = lib.series(store, topics=topics, granularity=granularity)
        moods = (
            {
                (s.topic, s.platform): lib.sentiment_by_day(
                    store, s.topic, platform=s.platform, since=since_at
                )
                for s in found
            }
            if sentiment
            else {}
        )
    if as_json:
        print_json(
            {
                "measured": [m.__dict__ for m in measured],
                "series": [s.as_dict() for s in found],
                "sentiment": [
                    {"topic": t, "platform": p, "days": [d.as_dict() for d in days]}
                    for (t, p), days in moods.items()
                ],
            }
        )
        return
    for item in measured:
        _say_measured(item)
    if not found:
        err_console.print("Nothing measured yet for those topics.")
        return
    for item in found:
        # sentiment is per day: an hourly table would repeat each day's figure 24 times
        day_moods = moods.get((item.topic, item.platform), []) if granularity == "day" else []
        console.print(_series_table(item, day_moods))


def _measure(store, topics, platforms, since_at, granularity, estimate_only, max_requests, refresh):
    from datetime import UTC, datetime

    from audience import listen as lib
    from audience.crawl import Crawler
    from audience.platforms import get_platform
    from commands._progress import RichObserver

    measured = []
    now = datetime.now(UTC)
    with RichObserver() as observer:
        for name in platforms:
            crawler = Crawler(
                store,
                get_platform(name),
                max_requests=max_requests,
                refresh=refresh,
                observer=observer,
            )
            plan = lib.plan(crawler.platform, topics, since_at, now, granularity)
            err_console.print(f"[bold]Plan ({name}):[/] {plan.describe()}")
            for line in plan.lines:
                err_console.print(f"  {line}")
            if estimate_only:
                continue
            with crawler.recorded("listen", {"topics": topics, "granularity": granularity}):
                for topic in topics:
                    measured.append(
                        lib.listen(crawler, topic, since=since_at, granularity=granularity, now=now)
                    )
    return None if estimate_only else measured


def _say_measured(item) -> None:
    from rich.markup import escape

    text = f"{escape(item.topic)} on {item.platform}: "
    if item.skipped:
        text += "already measured this hour (--refresh to measure again)"
    else:
        text += f"{item.buckets} bucket(s) stored, by {escape(item.method)}"
    if item.capped:
        text += f"; {len(item.capped)} window(s) capped: stored as 'at least'"
    if item.note:
        text += f" [yellow]({escape(item.note)})[/]"
    err_console.print(text)


def _series_table(item, moods):
    from rich.table import Table

    by_day = {m.day: m for m in moods}
    table = Table(title=f"{item.topic} on {item.platform} ({', '.join(item.methods)})")
    table.add_column("bucket (UTC)")
    table.add_column("posts", justify="right")
    table.add_column("positive", justify="right")
    table.add_column("negative", justify="right")
    table.add_column("note")
    points = item.points[-SHOWN_ROWS:]
    for point in points:
        fmt = "%Y-%m-%d %H:00" if item.granularity == "hour" else "%Y-%m-%d"
        mood = by_day.get(point.start.date().isoformat())
        positive = negative = ""
        notes = []
        if mood and mood.enough:
            positive = f"{mood.positive / mood.scored:.0%}"
            negative = f"{mood.negative / mood.scored:.0%}"
        elif mood:
            notes.append(f"{mood.scored} English posts: too few to score")
        if mood and mood.not_scored:
            notes.append(f"{mood.not_scored} not scored (other languages)")
        if not point.complete:
            notes.append("bucket still open")
        if not point.exhaustive:
            notes.append("at least")
        count = f"{point.count:,}" + ("+" if not point.exhaustive else "")
        table.add_row(point.start.strftime(fmt), count, positive, negative, cell("; ".join(notes)))
    if len(item.points) > SHOWN_ROWS:
        table.caption = f"last {SHOWN_ROWS} buckets; and {len(item.points) - SHOWN_ROWS} more"
    return table


@listen_app.command("compare")
def compare(
    calls: Annotated[
        Path | None,
        typer.Option("--calls", help="CSV of daily (or hourly) volumes, maybe with a forecast."),
    ] = None,
    topics: Annotated[
        list[str] | None, typer.Option("--topic", help="Only these topics (repeatable).")
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option(
            "--timezone", help="Zone of the file's dates if it does not say (Europe/London)."
        ),
    ] = None,
    decimal: Annotated[
        str | None, typer.Option("--decimal", help="The file's decimal mark: . or ,")
    ] = None,
    trend_days: Annotated[int, typer.Option(help="Days for the rising-conversation test.")] = 14,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Social volume beside your calls: correlation at lags 0-7 days, forecast peaks with no
    matching conversation, and conversation rising steadily."""
    from audience import calls as calls_lib
    from audience.errors import InputError
    from audience.listen_compare import compare_calls

    if decimal not in (None, ".", ","):
        raise typer.BadParameter("--decimal takes . or ,")
    with handle_errors():
        store = open_workspace(db, create=True)
        if calls is not None:
            configured = (workspace_rules(db).raw.get("calls") or {}).get("timezone")
            volumes = calls_lib.read_calls(
                calls, timezone=timezone, decimal=decimal, default_timezone=configured
            )
            calls_lib.save_calls(store, volumes)
        else:
            volumes = calls_lib.stored_calls(store)
            if volumes is None:
                raise InputError("--calls", None, "give the volumes CSV (none stored yet)")
        results = compare_calls(store, volumes, topics=topics, trend_days=trend_days)
    if as_json:
        print_json(
            {
                "calls_file": str(volumes.path),
                "calls_timezone": volumes.timezone,
                "warnings": volumes.warnings,
                "comparisons": [r.as_dict() for r in results],
            }
        )
        return
    for warning in volumes.warnings:
        err_console.print(f"[yellow]{cell(warning)}[/]")
    if not results:
        err_console.print("No conversation stored yet: run `audience listen` first.")
        raise typer.Exit(1)
    for result in results:
        _show_comparison(result)


def _show_comparison(result) -> None:
    from rich.table import Table

    console.rule(f"[bold]{cell(result.topic)} on {result.platform} vs {cell(result.calls_column)}")
    console.print(
        cell(
            f"Social volume in UTC days ({', '.join(result.methods)}); calls in "
            f"{result.timezone} days. {len(result.social_days)} days of conversation."
        )
    )
    table = Table("lag (days)", "days", "Spearman rho", "p", "note")
    for lag in result.lags:
        table.add_row(
            str(lag.lag),
            str(lag.n),
            "" if lag.rho is None else f"{lag.rho:+.2f}",
            "" if lag.p_value is None else f"{lag.p_value:.3f}",
            "too few days" if lag.too_few else "",
        )
    console.print(table)
    console.print(cell(f"Verdict: {result.verdict}"))
    for peak in result.forecast_peaks:
        console.print(
            cell(
                f"Forecast peak with no matching conversation: {peak['date']} "
                f"({peak['forecast']:,.0f} forecast, usually {peak['usual_for_weekday']:,.0f}; "
                f"conversation at most "
                f"{peak['conversation_max']:,.0f}/day on {peak['conversation_days']}, "
                f"median {peak['conversation_median']:,.0f})"
            )
        )
    rising = result.rising or {}
    if rising.get("rising"):
        console.print(
            cell(
                f"Conversation rising steadily {rising['from']} to {rising['to']}: "
                f"{rising['slope_per_day']:+.1f} posts/day (Kendall tau {rising['kendall_tau']}, "
                f"p {rising['p_value']}); what looked like a blip may be more."
            )
        )
    elif rising.get("note"):
        console.print(cell(f"Trend: {rising['note']}"))
    for warning in result.warnings:
        console.print(f"[yellow]{cell(warning)}[/]")


@listen_app.command("trending")
def trending(
    limit: Annotated[int, typer.Option(help="How many tags.")] = 20,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Your Mastodon instance's trending hashtags and their uses per day."""
    from audience.crawl import Crawler
    from audience.platforms import get_platform

    with handle_errors():
        store = open_workspace(db, create=True)
        crawler = Crawler(store, get_platform("mastodon"))
        platform = crawler.platform
        tags = crawler.call("trends", lambda: platform.trending_tags(limit))
    if as_json:
        print_json(tags)
        return
    from rich.table import Table

    table = Table("tag", "uses per day (oldest first)", "accounts today")
    for tag in tags:
        uses = " ".join(str(d["uses"]) for d in tag["days"])
        today = tag["days"][-1]["accounts"] if tag["days"] else ""
        table.add_row(cell(tag["tag"]), uses, str(today))
    console.print(table)
