"""``audience find``: people by topic, journalists' follow lists and Lists, influencers."""

from __future__ import annotations

from typing import Annotated

import typer

from commands._common import (
    CrawlPlatformOpt,
    DbOpt,
    JsonOpt,
    MaxRequestsOpt,
    cell,
    check_segment,
    console,
    err_console,
    handle_errors,
    known_places,
    open_workspace,
    parse_option,
    plural,
    print_json,
    workspace_rules,
)

find_app = typer.Typer(no_args_is_help=True, help="Find people by topic and mine journalists.")

EstimateOpt = Annotated[
    bool, typer.Option("--estimate", help="Print what the crawl would cost, then stop.")
]
BudgetOpt = Annotated[
    float | None,
    typer.Option("--budget", min=0.0, help="Stop before spending more than this (USD)."),
]
RefreshOpt = Annotated[
    bool, typer.Option("--refresh", help="Fetch again even what a finished crawl already has.")
]


def register(app: typer.Typer) -> None:
    app.add_typer(find_app, name="find")


def _crawler(store, platform_name: str, max_requests, budget, refresh, observer):
    from audience.crawl import Crawler
    from audience.platforms import get_platform

    platform = get_platform(platform_name)
    return Crawler(
        store,
        platform,
        max_requests=max_requests,
        budget=budget,
        refresh=refresh,
        observer=observer,
    )


def _ranking_table(title: str, ranked: list, score_label: str = "score"):
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("account")
    table.add_column("name")
    table.add_column("followers", justify="right")
    table.add_column(score_label, justify="right")
    table.add_column("why")
    for n, item in enumerate(ranked, 1):
        table.add_row(
            str(n),
            cell(f"@{item.handle or '?'}"),
            cell(item.display_name),
            f"{item.followers:,}" if item.followers is not None else "",
            f"{item.score:.2f}",
            cell("; ".join(item.reasons)),
        )
    return table


@find_app.command("hashtag")
def hashtag(
    topics: Annotated[
        list[str] | None,
        typer.Argument(
            help='Hashtags or phrases: "#cx" "customer service" (default: audience.toml).'
        ),
    ] = None,
    platform: CrawlPlatformOpt = "x",
    since: Annotated[str, typer.Option(help="How far back: 7d, 12h, 2w or a date.")] = "7d",
    limit: Annotated[int, typer.Option(min=1, help="Posts to fetch per topic.")] = 100,
    lang: Annotated[
        str | None, typer.Option(help="Only posts in this language (en, fr...).")
    ] = None,
    near: Annotated[
        list[str] | None,
        typer.Option(help="Only people located here (UK, Europe...).", callback=known_places),
    ] = None,
    top: Annotated[int, typer.Option(min=1, help="How many people to show.")] = 20,
    offline: Annotated[
        bool, typer.Option("--offline", help="Rank stored posts only; no API calls.")
    ] = False,
    estimate_only: EstimateOpt = False,
    max_requests: MaxRequestsOpt = None,
    budget: BudgetOpt = None,
    refresh: RefreshOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Search posts for topics, store them and their authors, and rank the authors."""
    from audience import crawl, find

    with handle_errors():
        store = open_workspace(db, create=True)
        topics = topics or workspace_rules(db).topics
        if not topics:
            raise typer.BadParameter("name topics, or set [topics] in audience.toml")
        from audience import clock

        # Offline, "7d" counts back from the workspace's date (the demo's); live, from now.
        ranked_at = clock.now(store) if offline else clock.now()
        since_at = (
            parse_option(lambda text: find.parse_since(text, ranked_at), since, "--since")
            if since
            else None
        )
        if not offline:
            from commands._progress import RichObserver

            with RichObserver() as observer:
                crawler = _crawler(store, platform, max_requests, budget, refresh, observer)
                plan = crawl.combine(
                    [crawl.estimate(crawler.platform, "search", limit) for _ in topics]
                )
                err_console.print(f"[bold]Plan:[/] {plan.describe()}")
                if estimate_only:
                    return
                with crawler.recorded("find hashtag", {"topics": topics, "since": since}):
                    for topic in topics:
                        find.search_topic(crawler, topic, since=since_at, lang=lang, limit=limit)
        ranked = find.rank_topic_authors(
            store, topics, platform=platform, since=since_at, near=near, limit=top,
            now=ranked_at,
        )
    if as_json:
        print_json([r.as_dict() for r in ranked])
        return
    if not ranked:
        err_console.print("No stored posts match those topics yet.")
        raise typer.Exit(0)
    console.print(_ranking_table(f"Top people on {', '.join(topics)}", ranked))


@find_app.command("follows")
def follows(
    handles: Annotated[list[str] | None, typer.Argument(help="Accounts to mine: @a @b ...")] = None,
    segment: Annotated[
        str | None, typer.Option(help="Mine every member of a segment (press).")
    ] = None,
    followers: Annotated[
        bool, typer.Option("--followers", help="Fetch their followers instead of whom they follow.")
    ] = False,
    platform: CrawlPlatformOpt = "x",
    estimate_only: EstimateOpt = False,
    max_requests: MaxRequestsOpt = None,
    budget: BudgetOpt = None,
    refresh: RefreshOpt = False,
    db: DbOpt = None,
) -> None:
    """Fetch the follow lists of journalists (or any accounts) into the workspace."""
    from audience import find
    from commands._progress import RichObserver

    direction = "followers" if followers else "following"
    with handle_errors(), RichObserver() as observer:
        store = open_workspace(db, create=True)
        check_segment(store, segment)
        crawler = _crawler(store, platform, max_requests, budget, refresh, observer)
        subjects = _subjects(crawler, handles, segment)
        plan = find.estimate_follows(crawler.platform, subjects, direction)
        err_console.print(f"[bold]Plan:[/] {plural(len(subjects), 'account')}, {plan.describe()}")
        if estimate_only:
            return
        with crawler.recorded(f"find follows ({direction})", {"accounts": len(subjects)}):
            total = sum(find.crawl_follows(crawler, s, direction) for s in subjects)
    err_console.print(
        f"Stored {plural(total, 'follow edge')} of {plural(len(subjects), 'account')} in "
        f"{plural(crawler.requests, 'request')}."
    )


def _subjects(crawler, handles: list[str] | None, segment: str | None):
    from rich.markup import escape

    from audience import find

    if not handles and not segment:
        raise typer.BadParameter("name accounts (@a @b) or --segment")
    subjects = []
    if segment:
        subjects += find.subjects_from_segment(crawler.store, crawler.platform.name, segment)
    if handles:
        resolved = find.resolve_handles(crawler, handles, reuse_crawled=True)
        for key, state in resolved.unknown.items():
            err_console.print(f"[yellow]skipped @{escape(key)}: {state}[/]")
        subjects += resolved.accounts
    return subjects


@find_app.command("lists")
def lists(
    handles: Annotated[list[str], typer.Argument(help="Accounts whose Lists to fetch.")],
    platform: CrawlPlatformOpt = "x",
    max_requests: MaxRequestsOpt = None,
    refresh: RefreshOpt = False,
    db: DbOpt = None,
) -> None:
    """Fetch the Lists these accounts own and are on, and every member of those Lists."""
    from audience import find
    from commands._progress import RichObserver

    with handle_errors(), RichObserver() as observer:
        store = open_workspace(db, create=True)
        crawler = _crawler(store, platform, max_requests, None, refresh, observer)
        counts = {"lists": 0, "members": 0}
        subjects = _subjects(crawler, handles, None)
        err_console.print(
            f"[bold]Plan:[/] 2 requests per account for its Lists, then one per "
            f"{crawler.platform.costs['list_members'].page_size} members of each List "
            "(List sizes are known only once fetched); --max-requests caps it."
        )
        with crawler.recorded("find lists", {"accounts": len(subjects)}):
            for subject in subjects:
                for key, value in find.crawl_lists(crawler, subject).items():
                    counts[key] += value
    err_console.print(
        f"Stored {plural(counts['lists'], 'list')} with {plural(counts['members'], 'member')}."
    )


@find_app.command("influencers")
def influencers(
    segment: Annotated[
        str | None, typer.Option(help="Only count follow lists of this segment's members.")
    ] = None,
    min_share: Annotated[
        float,
        typer.Option(
            min=0.0, max=1.0, help="Followed by at least this share (0-1) of the mined accounts."
        ),
    ] = 0.2,
    platform: CrawlPlatformOpt = "x",
    top: Annotated[int, typer.Option(min=1, help="How many to show.")] = 25,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Rank the accounts most followed by the mined accounts: who influences your press."""
    from audience import find

    with handle_errors():
        store = open_workspace(db, create=True)
        check_segment(store, segment)
        mined, ranked = find.rank_influencers(
            store, platform, segment=segment, min_share=min_share, limit=top
        )
    if as_json:
        print_json({"mined_accounts": mined, "influencers": [r.as_dict() for r in ranked]})
        return
    if not mined:
        err_console.print("No follow lists stored yet: run `audience find follows @a @b` first.")
        raise typer.Exit(1)
    title = f"Who the {mined} mined accounts follow" + (f" ({segment})" if segment else "")
    console.print(_ranking_table(title, ranked, score_label="share"))
