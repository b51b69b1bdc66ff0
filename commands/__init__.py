"""The ``audience`` command line: thin Typer commands over the :mod:`audience` library."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from commands import _help


class _App(typer.Typer):
    """Typer, but an unexpected exception loses any credential it quotes before the traceback
    shows it (requests, for one, quotes a malformed Authorization header whole)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            from audience.config import scrub, scrub_exception

            scrub_exception(exc)
            if scrub(str(exc)) != str(exc):  # a message not built from its args
                raise RuntimeError(scrub(f"{type(exc).__name__}: {exc}")) from None
            raise


app = _App(
    cls=_help.PlainHelpGroup,
    no_args_is_help=True,
    # Plain help: Rich-formatted help imports markdown-it and pygments, tripling start-up.
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    help="Build the audience you want on social networks: find, mine, match, segment, prune.",
)


@app.callback()
def main(
    ctx: typer.Context,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show what audience itself is doing.")
    ] = False,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Workspace file for the command that follows (same as its own --db).",
        ),
    ] = None,
) -> None:
    # Only our own logger gets DEBUG: tweepy and friends log request headers (bearer token
    # included) at DEBUG, so third-party loggers stay at WARNING whatever the flag says.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("audience").setLevel(logging.DEBUG if verbose else logging.INFO)
    if db is not None:
        # `audience --db PATH status`: the default of every subcommand's --db (which, given
        # after the subcommand, still wins).
        ctx.default_map = _db_defaults(ctx.command, str(db))
        if os.environ.get("AUDIENCE_DB"):
            # the environment would beat a default; a flag given on the command line beats both
            os.environ["AUDIENCE_DB"] = str(db)


def _db_defaults(group: Any, db: str) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for name, command in getattr(group, "commands", {}).items():
        if hasattr(command, "commands"):
            defaults[name] = _db_defaults(command, db)
        elif any(param.name == "db" for param in command.params):
            defaults[name] = {"db": db}
    return defaults


def _register() -> None:
    from commands import demo, export, find, imports, loop, match, search, segment, workspace

    for module in (demo, workspace, imports, find, match, segment, search, loop, export):
        module.register(app)
    from commands import audit, crowd, follow, listen, lists

    for module in (follow, lists, crowd, listen, audit):
        module.register(app)


_register()
