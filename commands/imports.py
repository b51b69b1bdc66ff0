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
    plural,
    print_json,
)

import_app = typer.Typer(no_args_is_help=True, help="Import contact books and social exports.")

FilesArg = Annotated[list[Path], typer.Argument(help="Files to import.", exists=False)]
# audience.importers.contact_csv.mapping_fields(), written out: importing it here would slow
# every command's start-up (a test keeps the two the same)
MAP_FIELDS = (
    "full_name, given_name, middle_name, family_name, prefix, suffix, nickname, organisation, "
    "title, department, emails, phones, city, region, country, urls, linkedin_url, x, bluesky, "
    "mastodon, notes, labels"
)
AllowEmptyOpt = Annotated[
    bool,
    typer.Option(
        "--allow-empty",
        help="Record an empty following/followers list (refused by default: a cut export "
        "would read as unfollowing everyone).",
    ),
]


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
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="Read any CSV: which column holds a field, e.g. full_name=Name (repeatable). "
            f"Fields: {MAP_FIELDS}.",
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            help="Country for phone numbers without +code "
            "(default: [contacts] phone_region in audience.toml, else GB)."
        ),
    ] = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Google/Outlook/LinkedIn CSV, LinkedIn export zip, vCard 2.1/3.0/4.0, or any CSV."""
    from audience.importers.contacts import read_contacts
    from audience.people import save_contacts

    results = []
    from commands._common import workspace_rules

    with handle_errors():
        store = open_workspace(db, create=True)
        region = _phone_region(region or workspace_rules(db).phone_region)
        columns = _parse_mapping(mapping)
        for path in files:
            label = source or path.name
            with err_console.status(f"Importing {path.name}…"):
                book = read_contacts(path, mapping=columns, default_region=region)
                result = save_contacts(store, book, label, default_region=region)
            results.append(
                {"file": str(path), "format": book.format, "source": label, **result.__dict__}
            )
            if not as_json:
                console.print(
                    f"[bold]{path.name}[/] ({book.format}): {result.added} added, "
                    f"{result.updated} updated, {result.unchanged} unchanged; "
                    f"{plural(result.people_created, 'new person', 'new people')}, "
                    f"{result.people_merged} merged"
                )
                for position, why in result.skipped:
                    err_console.print(f"  skipped {position}: {why}", style="yellow", markup=False)
                for position, why in book.warnings:
                    err_console.print(
                        f"  {path.name} {position}: {why}", style="yellow", markup=False
                    )
                if result.suppressed:
                    entries = "entry" if result.suppressed == 1 else "entries"
                    console.print(
                        f"  {result.suppressed} forgotten {entries} skipped (see `audience forget`)"
                    )
    if as_json:
        print_json(results)


def _phone_region(region: str) -> str:
    import phonenumbers

    from audience.errors import ConfigError

    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ConfigError(f"{region!r} is not a country code phonenumbers knows (GB, IE, US…)")
    return code


def _import_social(
    path: Path, reader, db: Path | None, as_json: bool, allow_empty: bool = False, save=None
) -> None:
    """Import with ``reader`` (whole file, then saved) or ``save(store, path)`` (streamed)."""
    from audience.importers.social import save_social_import

    with handle_errors():
        store = open_workspace(db, create=True)
        with err_console.status(f"Importing {path.name}…"):
            result = (
                save(store, path)
                if save
                else save_social_import(store, reader(path), allow_empty=allow_empty)
            )
    if as_json:
        print_json({"file": str(path), **result.__dict__})
        return
    console.print(
        f"[bold]{path.name}[/]: {plural(result.accounts, 'account')} "
        f"({result.new_accounts:,} new), {plural(result.new_follows, 'new follow edge')}, "
        f"{plural(result.posts, 'post')}, {plural(result.lists, 'list')} with "
        f"{plural(result.list_members, 'member')}"
    )
    for snapshot in result.snapshots:
        console.print(f"  snapshot: {snapshot}")
    if result.suppressed:
        accounts = "account" if result.suppressed == 1 else "accounts"
        console.print(f"  {result.suppressed} forgotten {accounts} skipped")
    for warning in result.warnings:
        err_console.print(f"  {warning}", style="yellow", markup=False)


@import_app.command("x-archive")
def x_archive(
    archive: Annotated[Path, typer.Argument(help="twitter-*.zip or its unzipped folder.")],
    resolve: Annotated[
        bool | None,
        typer.Option(help="Look id-only accounts up on X (default: when X credentials are set)."),
    ] = None,
    allow_empty: AllowEmptyOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Your X archive: account, following, followers, Lists (ids resolved in batches of 100)."""
    from audience.importers.x_archive import read_x_archive

    _import_social(archive, read_x_archive, db, as_json, allow_empty)
    _resolve_stubs(db, resolve, "x")


# What makes a look-up of id-only accounts possible by default, and the hint when it is not.
_RESOLVE_SETTINGS = {
    "x": (("X_BEARER_TOKEN",), "set X_BEARER_TOKEN and run `audience import x-archive ... "
          "--resolve`"),
    "bluesky": (("BSKY_APPVIEW_URL", "BSKY_HANDLE"), "run `audience import bluesky ... "
                "--resolve` when online (the public AppView needs no account); until then "
                "they show by DID"),
}


def _resolve_stubs(db: Path | None, resolve: bool | None, platform: str) -> None:
    from audience.config import setting
    from audience.importers.social import resolve_stub_ids

    names, hint = _RESOLVE_SETTINGS[platform]
    if resolve is None:
        resolve = any(setting(name) for name in names)
    with handle_errors():
        store = open_workspace(db)
        ids = resolve_stub_ids(store, platform)
        if not ids:
            return
        if not resolve:
            err_console.print(
                f"{plural(len(ids), 'account is', 'accounts are')} known only by id; {hint} "
                "to fill in their handles.",
                soft_wrap=True,
            )
            return
        from audience.crawl import Crawler
        from audience.find import resolve_ids
        from audience.platforms import get_platform
        from commands._progress import RichObserver

        with RichObserver() as observer:
            crawler = Crawler(store, get_platform(platform), observer=observer)
            command = "import x-archive" if platform == "x" else f"import {platform}"
            with crawler.recorded(f"{command} --resolve", {"ids": len(ids)}):
                found = resolve_ids(crawler, ids)
    err_console.print(
        f"Resolved {len(found.accounts)} of {plural(len(ids), 'id')} in "
        f"{plural(crawler.requests, 'request')}; "
        f"{len(found.unknown)} no longer exist."
    )


@import_app.command("twarc")
def twarc(
    file: Annotated[Path, typer.Argument(help="twarc2 output (.jsonl or .jsonl.gz).")],
    owner: Annotated[
        str | None,
        typer.Option(
            help="@handle whose following/followers pages these are: recorded as snapshots."
        ),
    ] = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """twarc2 output: search results, followers/following, List members, user look-ups."""
    from audience.importers.twarc import import_twarc, read_twarc

    if owner:  # the owner's whole following/followers lists make one snapshot
        _import_social(file, lambda path: read_twarc(path, owner=owner), db, as_json)
    else:  # streamed: memory bounded by a part of the file, not by the file
        _import_social(file, read_twarc, db, as_json, save=import_twarc)


@import_app.command("mastodon")
def mastodon(
    files: FilesArg,
    owner: Annotated[
        str | None, typer.Option(help="Your own address, user@instance (for the follow edges).")
    ] = None,
    allow_empty: AllowEmptyOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Mastodon export CSVs: following_accounts.csv, lists.csv (a folder works too)."""
    from audience.importers.mastodon_export import read_mastodon_export

    _import_social(
        files[0], lambda _: read_mastodon_export(files, owner=owner), db, as_json, allow_empty
    )


@import_app.command("bluesky")
def bluesky(
    repo: Annotated[Path, typer.Argument(help="repo.car from Bluesky's 'Export my data'.")],
    resolve: Annotated[
        bool | None,
        typer.Option(
            help="Look the followed DIDs up for their handles (default: when BSKY_APPVIEW_URL "
            "or BSKY_HANDLE is set)."
        ),
    ] = None,
    allow_empty: AllowEmptyOpt = False,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Bluesky repository export (CAR): follows, Lists and posts."""
    from audience.importers.bluesky_car import read_bluesky_car

    _import_social(repo, read_bluesky_car, db, as_json, allow_empty)
    _resolve_stubs(db, resolve, "bluesky")
