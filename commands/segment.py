"""``audience segment``: group accounts into press, customers, suppliers, competitors..."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    PLATFORMS,
    DbOpt,
    JsonOpt,
    account_label,
    cell,
    console,
    err_console,
    handle_errors,
    known_places,
    one_of,
    open_workspace,
    plural,
    print_json,
)
from commands._tables import ShowAllOpt, print_more, top_rows

segment_app = typer.Typer(
    no_args_is_help=True,
    help="Segments: press, customers, suppliers, competitors and your own groups.",
)

SegmentArg = Annotated[str, typer.Argument(help="Segment name (see `audience segment list`).")]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Judge as of this date (YYYY-MM-DD or ISO time, UTC): replays a decision later.",
    ),
]


def as_of_value(text: str | None):
    """``--as-of`` as an aware datetime (midnight UTC for a bare date), or None."""
    if not text:
        return None
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date; use YYYY-MM-DD or an ISO time", param_hint="--as-of"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


HandlesArg = Annotated[
    list[str] | None,
    typer.Argument(help="Accounts: @handle, handle or platform:@handle.", show_default=False),
]
PlatformOpt = Annotated[
    str | None,
    typer.Option(
        "--platform", "-p", help="x, bluesky, mastodon or linkedin.", callback=one_of(PLATFORMS)
    ),
]
FileOpt = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        help="CSV with a 'handle' column (optional 'platform'), or one handle per line.",
    ),
]


def register(app: typer.Typer) -> None:
    from commands.lists import import_list  # a List made by hand becomes a segment

    if not any(c.name == "import-list" for c in segment_app.registered_commands):
        segment_app.command("import-list")(import_list)
    app.add_typer(segment_app, name="segment")


def _config_path(db: Path | None) -> Path:
    from audience.config import config_path_for, resolve_db_path

    return config_path_for(resolve_db_path(db))


def _accounts(store, handles: list[str] | None, file: Path | None, platform: str | None):
    from audience.segment import parse_ref, read_refs_file, resolve_refs

    refs = [parse_ref(h, platform) for h in handles or []]
    if file is not None:
        refs += read_refs_file(file, platform)
        source = str(file) if not handles else f"command line and {file}"
    else:
        source = "command line"
    if not refs:
        raise typer.BadParameter("name at least one account, or give --file")
    return resolve_refs(store, refs, source)


@segment_app.command("list")
def list_(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Segments with their member counts, per platform."""
    from rich.table import Table

    from audience.segment import segment_counts

    with handle_errors():
        counts = segment_counts(open_workspace(db))
    if as_json:
        print_json(counts)
        return
    table = Table("segment", "members", "per platform", "orgs listed", "description")
    for row in counts:
        platforms = ", ".join(f"{p} {n}" for p, n in sorted(row["by_platform"].items()))
        table.add_row(
            cell(row["name"]),
            str(row["members"]),
            platforms or "-",
            str(row["organisations"]),
            cell(row["description"]),
        )
    console.print(table)


@segment_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="New segment name, e.g. influencers.")],
    description: Annotated[
        str | None, typer.Option("--description", "-d", help="What the segment is for.")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Create a segment of your own."""
    from audience.segment import create_segment

    with handle_errors():
        segment = create_segment(open_workspace(db), name, description)
    err_console.print(f"created segment {segment.name}")


@segment_app.command("delete")
def delete(name: SegmentArg, db: DbOpt = None) -> None:
    """Delete a segment of your own (built-in ones stay)."""
    from audience.segment import delete_segment

    with handle_errors():
        count = delete_segment(open_workspace(db), name)
    err_console.print(f"deleted segment {name} ({plural(count, 'member')})")


@segment_app.command("add")
def add(
    segment: SegmentArg,
    handles: HandlesArg = None,
    platform: PlatformOpt = None,
    file: FileOpt = None,
    primary: Annotated[
        bool, typer.Option("--primary", help="Make this their primary segment for export.")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Put accounts in a segment by hand. Hand decisions are never overridden by `auto`."""
    from audience.segment import add_members, get_segment

    with handle_errors():
        store = open_workspace(db)
        get_segment(store, segment)
        new = add_members(
            store, segment, _accounts(store, handles, file, platform), primary=primary
        )
    err_console.print(f"{segment}: {new} added by hand")


@segment_app.command("remove")
def remove(
    segment: SegmentArg,
    handles: HandlesArg = None,
    platform: PlatformOpt = None,
    file: FileOpt = None,
    db: DbOpt = None,
) -> None:
    """Take accounts out of a segment by hand; `auto` will not put them back."""
    from audience.segment import get_segment, remove_members

    with handle_errors():
        store = open_workspace(db)
        get_segment(store, segment)
        removed = remove_members(store, segment, _accounts(store, handles, file, platform))
    err_console.print(f"{segment}: {removed} removed by hand (kept out of `auto`)")


@segment_app.command("reset")
def reset(
    segment: SegmentArg,
    handles: HandlesArg = None,
    platform: PlatformOpt = None,
    file: FileOpt = None,
    db: DbOpt = None,
) -> None:
    """Forget hand decisions for these accounts, so that `auto` decides again."""
    from audience.segment import forget_decisions, get_segment

    with handle_errors():
        store = open_workspace(db)
        get_segment(store, segment)
        count = forget_decisions(store, segment, _accounts(store, handles, file, platform))
    err_console.print(f"{segment}: {count} hand decisions forgotten")


@segment_app.command("import-orgs")
def import_orgs(
    segment_or_file: Annotated[
        str, typer.Argument(help="Segment name, or the CSV when it has a 'segment' column.")
    ],
    file: Annotated[
        Path | None,
        typer.Argument(
            help="CSV: 'name' and/or 'domain', optional 'aliases', 'handles', 'segment' columns;"
            " a cell may hold several values separated by ';'."
        ),
    ] = None,
    db: DbOpt = None,
) -> None:
    """List organisations (customers, suppliers, competitors...) for `auto` to recognise."""
    from audience.segment import import_orgs as import_

    segment = segment_or_file if file is not None else None
    path = file if file is not None else Path(segment_or_file)
    with handle_errors():
        count = import_(open_workspace(db), segment, path)
    err_console.print(f"{segment or 'segments'}: {count} organisations added from {path}")


@segment_app.command("auto")
def auto(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change and why; write nothing.")
    ] = False,
    as_of: AsOfOpt = None,
    show_all: ShowAllOpt = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply the rules of audience.toml and the evidence of accepted contact matches."""
    from rich.table import Table

    from audience.segment import auto_segment, load_segment_config

    moment = as_of_value(as_of)
    with handle_errors():
        config = load_segment_config(_config_path(db))
        plan = auto_segment(open_workspace(db), config, dry_run=dry_run, as_of=moment)
    if as_json:
        print_json(
            {
                "dry_run": dry_run,
                "counts": plan.counts(),
                "changes": [c.as_dict() for c in plan.changes],
            }
        )
        return
    if dry_run:
        table = Table("change", "segment", "account", "source", "why")
        shown = top_rows(plan.changes, show_all)
        for c in shown:
            table.add_row(
                c.action,
                c.segment or "-",
                cell(account_label(c.platform, c.handle, getattr(c, "platform_id", None))),
                c.source or "-",
                cell(c.reason),
            )
        console.print(table)
        print_more(len(plan.changes), len(shown), "changes")
    summary = ", ".join(f"{n} {action}" for action, n in sorted(plan.counts().items()))
    verb = "would change" if dry_run else "changed"
    err_console.print(f"auto {verb}: {summary or 'nothing'}")


@segment_app.command("show")
def show(
    segment: SegmentArg,
    platform: PlatformOpt = None,
    near: Annotated[
        str | None,
        typer.Option(
            "--near", help="Country or region, e.g. UK or 'GB,IE'.", callback=known_places
        ),
    ] = None,
    follows_me: Annotated[
        bool, typer.Option("--follows-me", help="Only members who follow you.")
    ] = False,
    followed_by_me: Annotated[
        bool, typer.Option("--followed-by-me", help="Only members you follow.")
    ] = False,
    sort: Annotated[
        str, typer.Option("--sort", help="relevance, followers or last-active.")
    ] = "relevance",
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many.")
    ] = None,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Members of a segment with the reasons they are in it."""
    from rich.table import Table

    from audience.segment import show_members

    wanted = [w.strip() for w in near.split(",") if w.strip()] if near else None
    with handle_errors():
        rows = show_members(
            open_workspace(db),
            segment,
            platform=platform,
            near=wanted,
            follows_me=follows_me,
            followed_by_me=followed_by_me,
            sort=sort,
            limit=limit + 1 if limit else None,  # one more: whether the table is cut
        )
    cut = bool(limit) and len(rows) > limit
    rows = rows[:limit] if limit else rows
    if as_json:
        print_json(rows)
        return
    table = Table("account", "name", "followers", "source", "why")
    table.columns[0].overflow = "fold"
    for row in rows:
        star = " *" if row["is_primary"] else ""
        table.add_row(
            cell(account_label(row["platform"], row["handle"], row.get("platform_id")) + star),
            cell(row["display_name"]),
            str(row["followers_count"] or ""),
            row["source"],
            cell(row["reason"]),
        )
    console.print(table)
    more = " and more: raise --limit" if cut else ""
    err_console.print(f"{plural(len(rows), 'member')}{more} (* = primary segment)")
