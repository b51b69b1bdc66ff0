"""Shared pieces of the command layer: options, consoles, error handling, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from audience.config import config_path_for, load_env, load_rules, resolve_db_path, scrub
from audience.errors import AudienceError


class _LazyConsole:
    """A Rich console built on first use: importing Rich costs start-up time that
    ``audience --help`` should not pay for commands that never print."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console = None

    def real(self):
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


console = _LazyConsole()
err_console = _LazyConsole(stderr=True)

PLATFORMS = ("x", "bluesky", "mastodon", "linkedin")


# ---- option validators: a bad value is a usage error (exit 2) naming the option ------------


def one_of(choices: tuple[str, ...]):
    """Callback for a --platform option (single or repeatable): only these names."""

    def check(value: Any) -> Any:
        if value is None:
            return value
        values = value if isinstance(value, list) else [value]
        cleaned = [str(v).strip().lower() for v in values]
        for raw, v in zip(values, cleaned, strict=True):
            if v not in choices:
                raise typer.BadParameter(f"{raw!r} is not one of {', '.join(choices)}")
        return cleaned if isinstance(value, list) else cleaned[0]

    return check


def known_places(value: Any) -> Any:
    """Callback for --near: every place or region must be one the gazetteer knows."""
    if not value:
        return value
    from audience.geo import region_countries

    values = value if isinstance(value, list) else [value]
    for item in values:
        for part in (p.strip() for p in str(item).split(",")):
            if part and region_countries(part) == set():
                raise typer.BadParameter(
                    f"{part!r} is not a country, region or place audience knows "
                    "(try UK, IE, Europe, DACH, a country or a city)"
                )
    return value


def check_segment(store: Any, name: str | None) -> None:
    """An unknown segment is a workspace error (exit 2) listing the known ones."""
    if name:
        from audience.segment import get_segment

        get_segment(store, name)


DbOpt = Annotated[
    Path | None,
    typer.Option("--db", envvar="AUDIENCE_DB", help="Workspace file (default ./audience.db)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CrawlPlatformOpt = Annotated[
    str,
    typer.Option(
        # linkedin too: the command says what LinkedIn cannot do, better than "not a platform"
        "--platform", "-p", help="x, bluesky or mastodon.", callback=one_of(PLATFORMS)
    ),
]
MaxRequestsOpt = Annotated[
    int | None,
    typer.Option("--max-requests", min=0, help="Stop after this many API requests."),
]
PlatformOpt = Annotated[
    str,
    typer.Option(
        "--platform", "-p", help="x, bluesky, mastodon or linkedin.", callback=one_of(PLATFORMS)
    ),
]


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn domain errors into one clear line on stderr and a meaningful exit code."""
    from rich.markup import escape

    try:
        yield
    except AudienceError as exc:
        err_console.print(f"[bold red]error:[/] {escape(scrub(str(exc)))}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err_console.print("[yellow]interrupted; everything committed so far is kept[/]")
        raise typer.Exit(130) from None


def parse_option(parse, value: Any, option: str) -> Any:
    """``parse(value)``, with a ValueError turned into a usage error (exit 2) naming
    ``option``: a bad value is a message, never a traceback."""
    try:
        return parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def open_workspace(db: Path | None, *, create: bool = False):
    """Open the workspace named by --db / AUDIENCE_DB / ./audience.db."""
    from audience.store import open_store

    load_env()
    store = open_store(resolve_db_path(db), create=create)
    places = workspace_rules(db).places
    if places or store.places_fingerprint():
        from audience.geo import use_places

        store.refresh_places(use_places(places))  # [geography] places, read once per change
    return store


def workspace_rules(db: Path | None):
    return load_rules(config_path_for(resolve_db_path(db)))


def cell(value: Any) -> Any:
    """Text shown as is in a Rich table: names and bios may contain [brackets] that Rich
    would otherwise read as markup (and "[/]" would even crash it)."""
    from rich.text import Text

    return Text("" if value is None else str(value))


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 account``, ``2 accounts``, ``1,204 people`` (``many`` for irregular words)."""
    word = one if count == 1 else many or f"{one}s"
    return f"{count:,} {word}"


def account_label(platform: str, handle: str | None, platform_id: str | None = None) -> str:
    """``x:@handle``, or the account's id (a Bluesky DID) while its handle is unknown."""
    if handle:
        return f"{platform}:@{handle.lstrip('@')}"
    return f"{platform}:{platform_id or '?'}"


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
