"""``audience import``: contact books and social-network exports, each in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    DbOpt,
    JsonOpt,
    console,
    err_console,
    handle_errors,
    open_workspace,
    print_json,
)

import_app = typer.Typer(no_args_is_help=True, help="Import contact books and social exports.")

FilesArg = Annotated[list[Path], typer.Argument(help="Files to import.", exists=False)]


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")


def _parse_mapping(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"--map {pair!r}: write FIELD=Column, e.g. emails=Mail")
        mapping[field.strip()] = column.strip()
    return mapping


@import_app.command("contacts")
def contacts(
    files: FilesArg,
    source: Annotated[
        str | None, typer.Option(help='Label for this book, e.g. "Alice\'s Outlook".')
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", help="Generic CSV column: FIELD=Column (full_name=Name)."),
    ] = None,
    region: Annotated[str, typer.Option(help="Country for phone numbers without +code.")] = "GB",
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Google/Outlook/LinkedIn CSV, LinkedIn export zip, vCard 2.1/3.0/4.0, or any CSV."""
    from audience.importers.contacts import read_contacts
    from audience.people import save_contacts

    results = []
    with handle_errors():
        store = open_workspace(db, create=True)
        columns = _parse_mapping(mapping)
        for path in files:
            label = source or path.name
            with err_console.status(f"Importing {path.name}…"):
                book = read_contacts(path, mapping=columns)
                result = save_contacts(store, book, label, default_region=region)
            results.append(
                {"file": str(path), "format": book.format, "source": label, **result.__dict__}
            )
            if not as_json:
                console.print(
                    f"[bold]{path.name}[/] ({book.format}): {result.added} added, "
                    f"{result.updated} updated, {result.unchanged} unchanged; "
                    f"{result.people_created} new people, {result.people_merged} merged"
                )
                for position, why in result.skipped:
                    err_console.print(f"  skipped {position}: {why}", style="yellow", markup=False)
    if as_json:
        print_json(results)


def _import_social(path: Path, reader, db: Path | None, as_json: bool, save=None) -> None:
    """Import with ``reader`` (whole file, then saved) or ``save(store, path)`` (streamed)."""
    from audience.importers.social import save_social_import

    with handle_errors():
        store = open_workspace(db, create=True)
        with err_console.status(f"Importing {path.name}…"):
            result = save(store, path) if save else save_social_import(store, reader(path))
    if as_json:
        print_json({"file": str(path), **result.__dict__})
        return
    console.print(
        f"[bold]{path.name}[/]: {result.accounts:,} accounts ({result.new_accounts:,} new), "
        f"{result.new_follows:,} new follow edges, {result.posts:,} posts, "
        f"{result.lists} lists with {result.list_members:,} members"
    )
    for snapshot in result.snapshots:
        console.print(f"  snapshot: {snapshot}")
    for warning in result.warnings:
        err_console.print(f"  {warning}", style="yellow", markup=False)


@import_app.command("x-archive")
def x_archive(
    archive: Annotated[Path, typer.Argument(help="twitter-*.zip or its unzipped folder.")],
    resolve: Annotated[
        bool | None,
        typer.Option(help="Look id-only accounts up on X (default: when X credentials are set)."),
    ] = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Your X archive: account, following, followers, Lists (ids resolved in batches of 100)."""
    from audience.importers.x_archive import read_x_archive

    _import_social(archive, read_x_archive, db, as_json)
    _resolve_x_stubs(db, resolve)


def _resolve_x_stubs(db: Path | None, resolve: bool | None) -> None:
    from audience.config import setting
    from audience.importers.social import resolve_stub_ids

    if resolve is None:
        resolve = bool(setting("X_BEARER_TOKEN"))
    with handle_errors():
        store = open_workspace(db)
        ids = resolve_stub_ids(store, "x")
        if not ids:
            return
        if not resolve:
            err_console.print(
                f"{len(ids)} followed accounts are known only by id; set X_BEARER_TOKEN and run "
                "`audience import x-archive ... --resolve` to fill them in."
            )
            return
        from audience.crawl import Crawler
        from audience.find import resolve_ids
        from audience.platforms import get_platform
        from commands._progress import RichObserver

        with RichObserver() as observer:
            crawler = Crawler(store, get_platform("x"), observer=observer)
            with crawler.recorded("import x-archive --resolve", {"ids": len(ids)}):
                found = resolve_ids(crawler, ids)
    err_console.print(
        f"Resolved {len(found.accounts)} of {len(ids)} ids in {crawler.requests} requests; "
        f"{len(found.unknown)} no longer exist."
    )


@import_app.command("twarc")
def twarc(
    file: Annotated[Path, typer.Argument(help="twarc2 output (.jsonl or .jsonl.gz).")],
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """twarc2 output: search results, followers/following, List members, user look-ups."""
    from audience.importers.twarc import import_twarc, read_twarc

    _import_social(file, read_twarc, db, as_json, save=import_twarc)


@import_app.command("mastodon")
def mastodon(
    files: FilesArg,
    owner: Annotated[
        str | None, typer.Option(help="Your own address, user@instance (for the follow edges).")
    ] = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Mastodon export CSVs: following_accounts.csv, lists.csv (a folder works too)."""
    from audience.importers.mastodon_export import read_mastodon_export

    _import_social(files[0], lambda _: read_mastodon_export(files, owner=owner), db, as_json)


@import_app.command("bluesky")
def bluesky(
    repo: Annotated[Path, typer.Argument(help="repo.car from Bluesky's 'Export my data'.")],
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Bluesky repository export (CAR): follows, Lists and posts."""
    from audience.importers.bluesky_car import read_bluesky_car

    _import_social(repo, read_bluesky_car, db, as_json)
