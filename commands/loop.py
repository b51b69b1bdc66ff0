"""Closing the loop: ``sync``, ``prune``, ``followback``, ``target`` and ``engage``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    PLATFORMS,
    CrawlPlatformOpt,
    DbOpt,
    JsonOpt,
    MaxRequestsOpt,
    cell,
    console,
    err_console,
    handle_errors,
    one_of,
    open_workspace,
    plural,
    print_json,
    workspace_rules,
)
from commands._tables import ShowAllOpt, print_more, stream_json, top_rows
from commands.segment import AsOfOpt, as_of_value

target_app = typer.Typer(no_args_is_help=True, help="People you want to follow you.")

AnyPlatformOpt = Annotated[
    str | None,
    typer.Option(
        "--platform",
        "-p",
        help="Only this platform (default: all synced).",
        callback=one_of(PLATFORMS),
    ),
]


def register(app: typer.Typer) -> None:
    app.command("sync")(sync)
    app.command("prune")(prune)
    app.command("followback")(followback)
    app.command("engage")(engage)
    app.add_typer(target_app, name="target")


def _crawler(
    store, platform_name: str, observer=None, max_requests: int | None = None, refresh: bool = False
):
    from audience.crawl import Crawler
    from audience.platforms import get_platform

    return Crawler(
        store,
        get_platform(platform_name),
        observer=observer,
        max_requests=max_requests,
        refresh=refresh,
    )


def _who(row: dict) -> str:
    return f"@{row.get('handle')}" if row.get("handle") else str(row.get("platform_id", "?"))


# ---- sync ---------------------------------------------------------------------------------


def sync(
    platform: CrawlPlatformOpt = "x",
    show_changes: Annotated[
        bool, typer.Option("--changes", help="Only show what changed between the last two syncs.")
    ] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Drop an unfinished sync and start over.")
    ] = False,
    posts: Annotated[
        bool,
        typer.Option("--posts", help="Also fetch your own recent posts (for `audience audit`)."),
    ] = False,
    days: Annotated[
        int,
        typer.Option(
            min=1, help="With --posts: how many days back (X's recent search reaches 7)."
        ),
    ] = 30,
    max_requests: MaxRequestsOpt = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Snapshot whom your account follows and who follows it; --posts also fetches your own
    recent posts."""
    from audience import sync as sync_lib

    with handle_errors():
        store = open_workspace(db)
        if not show_changes:
            from commands._progress import RichObserver

            with RichObserver() as observer:
                crawler = _crawler(store, platform, observer, max_requests, refresh)
                result = sync_lib.sync_account(crawler, posts_days=days if posts else None)
            for kind in result.kinds:
                note = " (resumed)" if kind.resumed else ""
                if kind.carried_over:
                    note = " (finished by the interrupted sync; not fetched again)"
                err_console.print(f"{kind.kind}: {plural(kind.count, 'account')}{note}")
            if result.posts is not None:
                err_console.print(
                    f"your posts: {plural(result.posts, 'post')} saved "
                    f"(last {plural(days, 'day')}); see `audience audit`"
                )
        changes = sync_lib.changes(store, platform)
    if as_json:
        print_json(changes.as_dict())
        return
    _print_changes(changes)


def _print_changes(changes) -> None:
    if changes.since is None:
        console.print(
            f"First snapshot on {changes.platform} ({changes.until}); changes show "
            "from the next sync on."
        )
        return
    console.print(f"[bold]{changes.platform}[/] changes from {changes.since} to {changes.until}")
    for title, rows in (
        ("New followers", changes.new_followers),
        ("Lost followers", changes.lost_followers),
        ("You followed", changes.new_following),
        ("You unfollowed", changes.unfollowed),
    ):
        console.print(f"{title} ({len(rows)}): {names_line(rows)}", highlight=False, markup=False)


def names_line(rows: list, shown: int = 30) -> str:
    """The first ``shown`` accounts, then "and N more" rather than a silent cut."""
    names = ", ".join(_who(r) for r in rows[:shown])
    return names + (f" and {len(rows) - shown:,} more" if len(rows) > shown else "")


# ---- prune --------------------------------------------------------------------------------


def prune(
    platform: AnyPlatformOpt = None,
    sort: Annotated[str, typer.Option(help="score, followers or last-active.")] = "score",
    csv_file: Annotated[
        Path | None, typer.Option("--csv", help="Also write the suggestions to this CSV file.")
    ] = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Unfollow the suggestions (asks first).")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask before unfollowing.")
    ] = False,
    max_count: Annotated[
        int | None, typer.Option("--max", min=0, help="Unfollow at most this many now.")
    ] = None,
    by_hand: Annotated[
        Path, typer.Option("--by-hand-csv", help="Where to list what the API refused.")
    ] = Path("unfollow-by-hand.csv"),
    as_of: AsOfOpt = None,
    min_score: Annotated[
        float | None,
        typer.Option("--min-score", min=0.0, max=1.0, help="Suggest from this score (0-1)."),
    ] = None,
    near_misses: Annotated[
        bool,
        typer.Option(
            "--near-misses",
            help="Also list scores just under the line and the press to check by hand.",
        ),
    ] = False,
    show_all: ShowAllOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Suggest accounts to unfollow, with a score and every reason; --apply unfollows them."""
    from audience import clock
    from audience import prune as prune_lib

    moment = as_of_value(as_of)
    if apply and moment is not None:
        raise typer.BadParameter("a replay cannot act: drop --apply", param_hint="--as-of")
    with handle_errors():
        store = open_workspace(db)
        rules = workspace_rules(db)
        settings = prune_lib.PruneSettings.from_rules(rules)
        if min_score is not None:
            settings.min_score = min_score
        crawler = None
        if apply:
            platform = platform or "x"
            crawler = _crawler(store, platform)
            _report_preparation(prune_lib.prepare_apply(crawler))
        found = prune_lib.review(
            store,
            rules,
            platform,
            moment or clock.now(store),
            settings=settings,
            as_of=moment is not None,
        )
        # (review() lists them by score already)
        suggestions = found.suggestions if sort == "score" else prune_lib.sort_suggestions(
            found.suggestions, sort
        )
        if csv_file:
            prune_lib.write_csv(csv_file, suggestions)
            err_console.print(f"Wrote {plural(len(suggestions), 'suggestion')} to {csv_file}")
        if as_json and not apply:
            if near_misses:
                print_json(found.as_dict())
            else:
                stream_json(s.as_dict() for s in suggestions)
            return
        shown = top_rows(suggestions, show_all)
        console.print(_prune_table(shown, len(suggestions)))
        print_more(len(suggestions), len(shown), "accounts")
        if near_misses:
            near = "just under the line (near misses)"
            console.print(_prune_table(found.near_misses, len(found.near_misses), near))
            checks = "with press evidence: check by hand (never suggested)"
            console.print(_prune_table(found.checks, len(found.checks), checks))
        if not apply:
            err_console.print("Dry run: nothing was unfollowed. Add --apply to act on this list.")
            return
        _apply(crawler, store, rules, settings, suggestions, yes, max_count, by_hand)


def _report_preparation(prep) -> None:
    if prep.settled_done or prep.settled_failed:
        err_console.print(
            f"Settled {len(prep.settled_done) + len(prep.settled_failed)} unfollow(s) left "
            f"unanswered by an earlier run: {len(prep.settled_done)} had taken effect, "
            f"{len(prep.settled_failed)} had not."
        )


def _apply(crawler, store, rules, settings, suggestions, yes, max_count, by_hand) -> None:
    from audience import prune as prune_lib

    left = prune_lib.remaining_today(store, crawler.platform.name, settings)
    if not suggestions:
        err_console.print("Nothing to unfollow.")
        return
    if left == 0:
        err_console.print(
            f"Daily cap reached ({settings.daily_unfollow_cap} unfollows in 24 h, "
            "[prune] daily_unfollow_cap): nothing was unfollowed. Try again later."
        )
        return
    batch = suggestions[: min(left, max_count if max_count is not None else left)]
    if not yes and not typer.confirm(f"Unfollow these {len(batch)} accounts now?", default=False):
        err_console.print("Nothing was unfollowed.")
        raise typer.Exit(1)
    result = prune_lib.apply_unfollows(crawler, rules, batch)
    err_console.print(f"Unfollowed {len(result.done)} of {len(batch)}.")
    for suggestion, why in result.skipped:
        err_console.print(f"Skipped @{suggestion.handle}: {why}.")
    for suggestion, why in result.failed:
        err_console.print(f"Could not unfollow @{suggestion.handle}: {why}")
    if result.refused:
        prune_lib.write_csv(by_hand, result.by_hand)
        err_console.print(
            f"[bold red]The platform refused to unfollow:[/] {result.refused}\n"
            f"The {len(result.by_hand)} remaining accounts are listed in {by_hand}; "
            "unfollow them by hand in the app."
        )
        raise typer.Exit(5)
    if len(batch) < len(suggestions):
        err_console.print(
            f"{len(suggestions) - len(batch)} more left for later (daily cap or --max)."
        )


def _prune_table(suggestions, total: int, title: str = "to consider unfollowing"):
    from rich.table import Table

    table = Table(title=f"{plural(total, 'account')} {title}")
    table.add_column("account")
    table.add_column("score", justify="right")
    table.add_column("followers", justify="right")
    table.add_column("last post")
    table.add_column("why")
    for s in suggestions:
        table.add_row(
            cell(f"@{s.handle}" if s.handle else s.platform_id),
            f"{s.score:.2f}",
            f"{s.followers:,}" if s.followers is not None else "",
            (s.last_active or "")[:10],
            cell("; ".join(r.text for r in s.reasons)),
        )
    return table


# ---- follow-back queue --------------------------------------------------------------------


def followback(
    platform: AnyPlatformOpt = None,
    everyone: Annotated[
        bool, typer.Option("--all", help="Every follower you do not follow, not only new ones.")
    ] = False,
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """New followers since the last sync: who is worth following back, and why."""
    from audience import clock
    from audience.followback import followback_queue

    moment = as_of_value(as_of)
    with handle_errors():
        store = open_workspace(db)
        queue = followback_queue(
            store, workspace_rules(db), platform, moment or clock.now(store), everyone=everyone
        )
    if as_json:
        print_json(queue.as_dict())
        return
    for title, items in (("Worth following back", queue.worth), ("Not now", queue.not_worth)):
        console.print(f"[bold]{title}[/] ({len(items):,})")
        shown = top_rows(items)
        for item in shown:
            console.print(
                f"  @{item.handle or '?'}  {'; '.join(item.reasons)}", highlight=False, markup=False
            )
        print_more(len(items), len(shown), "followers", option=None)


# ---- targets ------------------------------------------------------------------------------


@target_app.command("add")
def target_add(
    handles: Annotated[list[str], typer.Argument(help="@handle ...")],
    platform: CrawlPlatformOpt = "x",
    note: Annotated[str | None, typer.Option(help="Why they matter.")] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Never look unknown handles up on the platform.")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Add people you want to follow you."""
    from audience import targets

    with handle_errors():
        store = open_workspace(db)
        crawler = None
        if targets.unknown_handles(store, platform, handles) and not offline:
            crawler = _crawler(store, platform)
        result = targets.add_targets(store, platform, handles, crawler=crawler, note=note)
    _print_target_change(result, "Added")


@target_app.command("remove")
def target_remove(
    handles: Annotated[list[str], typer.Argument(help="@handle ...")],
    platform: CrawlPlatformOpt = "x",
    db: DbOpt = None,
) -> None:
    """Stop tracking people as targets."""
    from audience import targets

    with handle_errors():
        result = targets.remove_targets(open_workspace(db), platform, handles)
    _print_target_change(result, "Removed")


def _print_target_change(result, verb: str) -> None:
    if result.changed:
        console.print(f"{verb}: " + ", ".join(f"@{h}" for h in result.changed), highlight=False)
    if getattr(result, "already", None):
        console.print("Already targets: " + ", ".join(f"@{h}" for h in result.already))
    for handle, why in result.unknown.items():
        err_console.print(f"@{handle}: {why}", highlight=False)
    if result.unknown and not result.changed:
        raise typer.Exit(1)


@target_app.command("status")
def target_status(
    platform: AnyPlatformOpt = None,
    show_all: ShowAllOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Which targets follow you now, since when, and whether you follow them."""
    from rich.table import Table

    from audience import targets

    with handle_errors():
        statuses = targets.target_status(open_workspace(db), platform)
    if as_json:
        print_json([s.as_dict() for s in statuses])
        return
    table = Table("target", "follows you", "since", "you follow", "added")
    shown = top_rows(statuses, show_all)
    for s in shown:
        table.add_row(
            cell(f"@{s.handle}" if s.handle else str(s.account_id)),
            _yes_no(s.follows_me),
            (s.follows_me_since or "")[:10],
            _yes_no(s.i_follow),
            s.added_at[:10],
        )
    console.print(table)
    print_more(len(statuses), len(shown), "targets")


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else "yes" if value else "no"


# ---- engage -------------------------------------------------------------------------------


def engage(
    days: Annotated[int, typer.Option(min=1, help="How many days back.")] = 7,
    live: Annotated[
        bool, typer.Option("--live", help="Fetch your targets' latest posts first.")
    ] = False,
    platform: AnyPlatformOpt = None,
    show_all: ShowAllOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Your targets' recent posts on your topics, newest first, with links."""
    from audience import targets

    with handle_errors():
        store = open_workspace(db)
        if live:
            crawler = _crawler(store, platform or "x")
            targets.fetch_target_posts(crawler, days)
        from audience import clock

        now = clock.now() if live else clock.now(store)
        feed = targets.engage_feed(store, workspace_rules(db), days, platform, now=now)
    if as_json:
        print_json([p.as_dict() for p in feed])
        return
    if not feed:
        err_console.print(f"No posts from your targets on your topics in the last {days} days.")
        return
    shown = top_rows(feed, show_all)
    for post in shown:
        console.print(
            f"[bold]@{post.handle}[/] {(post.created_at or '')[:16]}  {post.url or ''}\n"
            f"  {post.text}\n  [dim]{', '.join(post.topics)}[/]",
            highlight=False,
        )
    print_more(len(feed), len(shown), "posts")
