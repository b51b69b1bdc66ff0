"""``audience lists``: platform Lists from segments (push), your own Lists (pull), and the
Mastodon import file."""

from __future__ import annotations

import typer

lists_app = typer.Typer(no_args_is_help=True, help="Platform Lists from segments, and back.")


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
