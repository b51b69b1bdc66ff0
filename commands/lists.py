"""``audience lists``: platform Lists from segments (push), your own Lists (pull, show), the
Mastodon import file, and ``audience segment import-list``."""

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

lists_app = typer.Typer(no_args_is_help=True, help="Platform Lists from segments, and back.")
SHOWN = 25


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")


def _crawler(store, platform: str, observer=None):
    from audience.crawl import Crawler
    from audience.platforms import get_platform

    return Crawler(store, get_platform(platform), observer=observer)


# ---- push ---------------------------------------------------------------------------------


@lists_app.command("push")
def push(
    segment: Annotated[str, typer.Argument(help="The segment to put in a List.")],
    platform: CrawlPlatformOpt = "x",
    name: Annotated[
        str | None, typer.Option("--name", help="The List's name (default: the segment's).")
    ] = None,
    private: Annotated[bool, typer.Option("--private", help="A private List (X).")] = False,
    sync: Annotated[
        bool, typer.Option("--sync", help="Also remove members who left the segment.")
    ] = False,
    follow_first: Annotated[
        bool,
        typer.Option("--follow-first", help="Mastodon: follow members you do not follow first."),
    ] = False,
    apply: Annotated[bool, typer.Option("--apply", help="Change the List (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Create a List from a segment if needed and add its missing members (a dry run unless
    --apply)."""
    from audience import lists as lists_lib
    from audience.actions import ActionSettings

    with handle_errors():
        store = open_workspace(db)
        rules = workspace_rules(db)
        settings = ActionSettings.from_rules(rules)
        crawler = None
        if apply:
            crawler = _crawler(store, platform)
            lists_lib.prepare_push(crawler)
        plan = lists_lib.plan_push(
            store,
            rules,
            platform,
            segment,
            name=name,
            private=private,
            sync=sync,
            follow_first=follow_first,
            settings=settings,
        )
        if as_json and not apply:
            print_json(plan.as_dict())
            return
        _show_push(plan, err_console if as_json else console)
        if not apply:
            err_console.print("Dry run: no List was changed. Add --apply to do it.")
            return
        _apply_push(crawler, rules, settings, plan, yes, as_json)


def _show_push(plan, out) -> None:
    """The plan on ``out`` (stderr when stdout carries JSON)."""
    where = f"List {plan.name!r} on {plan.platform}"
    head = f"{where} ({'to be created' if plan.list_id is None else plan.list_id})"
    out.print(f"[bold]{head}[/] from segment {plan.segment}", highlight=False)
    for title, members in (
        ("Would add", plan.add),
        ("Would follow first (Mastodon)", plan.follow_first),
        ("Would remove", plan.remove),
        ("Kept", plan.kept),
        ("Skipped", plan.skipped),
    ):
        if not members:
            continue
        out.print(f"{title} ({len(members)}):", highlight=False)
        for m in members[:SHOWN]:
            out.print(cell(f"  {m.who}  {m.why}"))
        if len(members) > SHOWN:
            out.print(f"  and {len(members) - SHOWN} more")
    if plan.over_cap:
        out.print(
            f"{len(plan.over_cap)} more left for later (daily cap [follow] list_daily_cap = "
            f"{plan.cap}; {plan.used_today} used in the last 24 hours)."
        )
    for note in plan.notes:
        out.print(cell(note))


def _apply_push(crawler, rules, settings, plan, yes, as_json) -> None:
    from rich.markup import escape

    from audience import lists as lists_lib
    from commands._progress import RichObserver

    writes = len(plan.add) + len(plan.remove) + len(plan.follow_first)
    if not writes and plan.list_id is not None:
        err_console.print("The List is up to date.")
        return
    question = (
        f"{'Create' if plan.list_id is None else 'Change'} the List {plan.name!r} on "
        f"{plan.platform}: {len(plan.add)} to add, {len(plan.remove)} to remove"
        + (f", {len(plan.follow_first)} to follow first" if plan.follow_first else "")
        + "?"
    )
    if not yes and not typer.confirm(question):
        err_console.print("No List was changed.")
        raise typer.Exit(1)
    with RichObserver() as observer:
        crawler.observer = observer
        observer.job_started("list", f"List {plan.name}", writes)
        result = lists_lib.apply_push(
            crawler,
            rules,
            plan,
            settings=settings,
            on_progress=lambda target, status: observer.page_done("list", 1),
        )
    summary = {
        "list_id": result.list_id,
        "created": result.created,
        "followed": [t.who for t in result.followed.done] if result.followed else [],
        "added": [t.who for t in result.added.done] if result.added else [],
        "removed": [t.who for t in result.removed.done] if result.removed else [],
        "failed": {
            t.who: why
            for run in (result.followed, result.added, result.removed)
            if run
            for t, why in run.failed
        },
        "refused": result.refused,
    }
    if as_json:
        print_json(summary)
    if result.created:
        err_console.print(f"Created the List {plan.name!r} ({result.list_id}).", highlight=False)
    err_console.print(
        f"Added {len(summary['added'])}, removed {len(summary['removed'])}"
        + (f", followed {len(summary['followed'])}" if plan.follow_first else "")
        + "."
    )
    for who, why in summary["failed"].items():
        err_console.print(f"Not done for {who}: {why}", highlight=False, markup=False)
    if result.refused:
        err_console.print(
            f"[bold red]{plan.platform} refused:[/] {escape(result.refused)}", highlight=False
        )
        raise typer.Exit(5)


# ---- pull, show, export -------------------------------------------------------------------


@lists_app.command("pull")
def pull(
    platform: CrawlPlatformOpt = "x",
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Record your own Lists on a platform and their members."""
    from audience import lists as lists_lib

    with handle_errors():
        store = open_workspace(db)
        pulled = lists_lib.pull_lists(_crawler(store, platform))
    if as_json:
        print_json([p.as_dict() for p in pulled])
        return
    for item in pulled:
        note = f" ({item.skipped_forgotten} forgotten left out)" if item.skipped_forgotten else ""
        console.print(cell(f"{item.name}  {item.members} members  {item.platform_id}{note}"))
    err_console.print(f"Recorded {len(pulled)} List(s) of yours on {platform}.")


@lists_app.command("show")
def show(
    platform: CrawlPlatformOpt = "x",
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Your Lists as last pulled or pushed."""
    from audience import lists as lists_lib

    with handle_errors():
        rows = lists_lib.own_lists(open_workspace(db), platform)
    data = [{"name": r["name"], "id": r["platform_id"], "members": r["members"]} for r in rows]
    if as_json:
        print_json(data)
        return
    for item in data:
        console.print(cell(f"{item['name']}  {item['members']} members  {item['id']}"))


@lists_app.command("mastodon-csv")
def mastodon_csv(
    segments: Annotated[list[str], typer.Argument(help="Segments, one List each.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")] = Path(
        "lists.csv"
    ),
    db: DbOpt = None,
) -> None:
    """Write the lists.csv Mastodon imports (List title, account address), one List per
    segment, from the segments' Mastodon accounts."""
    from audience import lists as lists_lib

    with handle_errors():
        rows = lists_lib.mastodon_rows(open_workspace(db), segments, {})
        lists_lib.write_mastodon_csv(out, rows)
    err_console.print(
        f"Wrote {len(rows)} rows to {out}. Import it in Mastodon: Preferences > Import and "
        "export > Import, type Lists."
    )


# ---- segment import-list ------------------------------------------------------------------


def import_list(
    list_ref: Annotated[str, typer.Argument(help="The List's name or id (see `lists show`).")],
    segment: Annotated[str, typer.Option("--segment", "-s", help="Segment to fill.")],
    platform: CrawlPlatformOpt = "x",
    db: DbOpt = None,
) -> None:
    """Make a segment from one of your pulled Lists (created if needed)."""
    from audience import lists as lists_lib

    with handle_errors():
        added = lists_lib.import_list(open_workspace(db), platform, list_ref, segment)
    console.print(f"Added {added} account(s) to segment {segment}.", highlight=False)
