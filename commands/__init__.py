"""The ``audience`` command line: thin Typer commands over the :mod:`audience` library.

Start-up stays instant because the command tree is lazy: ``COMMANDS`` names every top-level
command, the module that registers it and its one-line help, so ``audience --help`` imports no
command module and ``audience status`` imports only ``commands.workspace``.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

# ruff: noqa: E501  (the table keeps one command per line)

# A new command is one line here: name -> (module whose register(app) adds it, one-line help).
# tests/test_startup.py checks each line against the module's real command.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("commands.demo", "Run every stage on bundled example data: no credentials, no network."),
    "init": ("commands.workspace", "Create a workspace (./audience.db) and a commented audience.toml beside it."),
    "status": ("commands.workspace", "Summarise the workspace: accounts per platform, people, contacts, matches, segments."),
    "import": ("commands.imports", "Import contact books and social exports."),
    "find": ("commands.find", "Find people by topic and mine journalists."),
    "match": ("commands.match", "Match contacts and bylines to social accounts."),
    "segment": ("commands.segment", "Segments: press, customers, suppliers, competitors and your own groups."),
    "search": ("commands.search", "Find accounts whose handle, name or bio contains all the words."),
    "sync": ("commands.loop", "Snapshot whom your account follows and who follows it; --posts also fetches your own recent posts."),
    "prune": ("commands.loop", "Suggest accounts to unfollow, with a score and every reason; --apply unfollows them."),
    "followback": ("commands.loop", "New followers since the last sync: who is worth following back, and why."),
    "engage": ("commands.loop", "Your targets' recent posts on your topics, newest first, with links."),
    "target": ("commands.loop", "People you want to follow you."),
    "export": ("commands.export", "Export people for the PR team: one row per person, all their accounts merged."),
    "forget": ("commands.export", "Delete a person and everything derived from them, and keep them out of future exports."),
    "report": ("commands.export", "Write a one-page HTML report on the crowd that opens offline."),
    "follow": ("commands.follow", "Follow accounts; a dry run listing who and why (and who is skipped) unless --apply."),
    "lists": ("commands.lists", "Platform Lists from segments, and back."),
    "crowd": ("commands.crowd", "The crowd over time: followers, following and follow-back per day, gains and losses per week (from the snapshots sync and archive imports keep)."),
    "moves": ("commands.crowd", 'Who changed outlet, role or beat ("was Reporter @A, now Editor @B"), from bio history.'),
    "compare": ("commands.crowd", "Compare two audiences on stored follow lists: overlap, who follows them and not you, and their segment and country mix side by side."),
    "groups": ("commands.crowd", "Groups in the crowd: communities of its follow graph, named by bio words and segments."),
    "listen": ("commands.listen", "How loud your topics are, day by day, and beside your contact-centre volumes."),
    "audit": ("commands.audit", "Classify your recent posts as interaction, content or promotion (with the reason for each), against the one-third rule and 4-6 unique posts a day."),
}


class LazyCommands(MutableMapping):
    """The top-level commands by name, each built the first time it is looked up: listing the
    names imports nothing; looking one up imports the module in ``COMMANDS`` that registers it."""

    def __init__(self, built: Mapping[str, Any] | None = None) -> None:
        self._built: dict[str, Any] = dict(built or {})

    def is_built(self, name: str) -> bool:
        return name in self._built

    def __getitem__(self, name: str) -> Any:
        if name not in self._built and name in COMMANDS:
            self._build(COMMANDS[name][0])
        return self._built[name]

    def _build(self, module_name: str) -> None:
        from commands import _help

        holder = typer.Typer(rich_markup_mode=None, add_completion=False)
        importlib.import_module(module_name).register(holder)
        group = typer.main.get_group(holder)
        _help.plain_metavars(group)
        for name, command in group.commands.items():
            self._built.setdefault(name, command)

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or name in self._built

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self._built)


class LazyGroup(TyperGroup):
    """The top-level group: ``audience status`` builds only ``status``, and ``audience --help``
    lists every command from ``COMMANDS`` without importing any command module."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        commands = self.commands
        shown = {
            name: (
                commands[name]
                if commands.is_built(name)
                else TyperCommand(name=name, help=COMMANDS[name][1], rich_markup_mode=None)
            )
            for name in commands
        }
        saved, self.commands = self.commands, shown
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.commands = saved



def _skip_coercing_missing_values() -> None:
    """An option left out needs no coercion, yet typer builds a pydantic TypeAdapter for it
    first: importing pydantic is ~100 ms of a simple command's start-up (``audience status``).
    Here a missing value (None, single-valued) goes straight to the required check and the
    callback, as typer's coercion would send it; any value given is coerced by typer as ever."""
    parameter = getattr(typer.core, "_TyperParameter", None)
    process_value = getattr(parameter, "process_value", None)
    if process_value is None or getattr(process_value, "_lean", False):
        return  # another typer: leave it alone

    def lean_process_value(self: Any, ctx: Any, value: Any) -> Any:
        if self.multiple or self.nargs == -1:
            return process_value(self, ctx, value)
        if value is not None:
            plain = _plain_coercion(self, ctx, value)
            if plain is _COERCE:
                return process_value(self, ctx, value)
            value = plain
        elif self.required:
            raise typer.core._click.exceptions.MissingParameter(ctx=ctx, param=self)
        return self.callback(ctx, self, value) if self.callback is not None else value

    lean_process_value._lean = True  # type: ignore[attr-defined]
    parameter.process_value = lean_process_value


_COERCE = object()


def _plain_coercion(parameter: Any, ctx: Any, value: Any) -> Any:
    """A text or path given on the command line, coerced as typer does without pydantic (a
    path still gets typer's own checks: exists, file or folder, readable...); ``_COERCE`` for
    any other parameter, left to typer."""
    descriptor = getattr(parameter, "type_descriptor", None)
    info = getattr(descriptor, "parameter_info", None)
    if info is None or info.parser is not None or type(value) is not str:
        return _COERCE
    annotation = descriptor.annotation
    if annotation is str:
        return value
    if annotation is Path and not descriptor.is_file:
        from typer._param_types import coerce_cli_path

        return coerce_cli_path(Path(value), info, path_type=Path, param=parameter, ctx=ctx)
    return _COERCE


_skip_coercing_missing_values()


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
    cls=LazyGroup,
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
            metavar="PATH",
            help="Workspace file for the command that follows (same as its own --db).",
        ),
    ] = None,
) -> None:
    # Only our own logger gets DEBUG: tweepy and friends log request headers (bearer token
    # included) at DEBUG, so third-party loggers stay at WARNING whatever the flag says.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("audience").setLevel(logging.DEBUG if verbose else logging.INFO)
    if db is not None:
        # `audience --db PATH status`: the default of the subcommand's --db (which, given
        # after the subcommand, still wins). Only the invoked command is built: the rest stay lazy.
        name = ctx.invoked_subcommand
        command = ctx.command.get_command(ctx, name) if name else None
        if command is not None:
            ctx.default_map = {name: _db_defaults(command, str(db))}
        if os.environ.get("AUDIENCE_DB"):
            # the environment would beat a default; a flag given on the command line beats both
            os.environ["AUDIENCE_DB"] = str(db)


def _db_defaults(command: Any, db: str) -> dict[str, Any]:
    if hasattr(command, "commands"):
        return {name: _db_defaults(sub, db) for name, sub in command.commands.items()}
    return {"db": db} if any(param.name == "db" for param in command.params) else {}
