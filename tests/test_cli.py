"""The command line as a whole: help everywhere, exit codes, workspace commands."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from commands import app

runner = CliRunner()


def all_commands(group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


def test_every_command_has_help_text():
    root = typer.main.get_command(app)
    missing = [" ".join(path) for path, command in all_commands(root) if not command.help]
    assert missing == []


def test_main_commands_exist():
    root = typer.main.get_command(app)
    names = {" ".join(path) for path, _ in all_commands(root)}
    for name in (
        "demo",
        "init",
        "status",
        "import contacts",
        "find hashtag",
        "find follows",
        "find influencers",
        "segment auto",
        "prune",
        "export",
        "report",
        "forget",
    ):
        assert name in names


def test_help_does_not_import_platform_sdks():
    code = (
        "import sys, commands;"
        "heavy = [m for m in ('tweepy','atproto','mastodon','linkedin_api','vobject',"
        "'phonenumbers','numpy','rapidfuzz') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_init_then_status_json(tmp_path, monkeypatch):
    db = tmp_path / "audience.db"
    assert runner.invoke(app, ["init", "--db", str(db)]).exit_code == 0
    assert (tmp_path / "audience.toml").read_text().startswith("# audience workspace settings")
    result = runner.invoke(app, ["status", "--db", str(db), "--json"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["segments"] == {"competitors": 0, "customers": 0, "press": 0, "suppliers": 0}


def test_status_of_a_foreign_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    result = runner.invoke(app, ["status", "--db", str(other)])
    assert result.exit_code == 2
    assert "not an audience workspace" in result.output


def test_missing_credentials_name_the_variable_not_a_value(tmp_path):
    result = runner.invoke(app, ["find", "follows", "@someone", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "X_BEARER_TOKEN" in result.output


def test_bad_contact_file_exits_non_zero_and_changes_nothing(tmp_path):
    db = tmp_path / "audience.db"
    runner.invoke(app, ["init", "--db", str(db)])
    bad = tmp_path / "broken.vcf"
    bad.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n", encoding="utf-8")  # never ends
    result = runner.invoke(app, ["import", "contacts", str(bad), "--db", str(db)])
    assert result.exit_code == 3
    assert "broken.vcf" in result.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM contacts").fetchone() == (0,)


@pytest.mark.parametrize("args", [["find", "influencers"], ["segment", "list"], ["prune"]])
def test_listing_commands_accept_json(tmp_path, args):
    result = runner.invoke(app, [*args, "--help"])
    assert "--json" in result.output


def test_names_with_markup_characters_are_shown_as_written(tmp_path):
    """Profile text is user-written: "[/]" or "[bold]" must print as is, not crash Rich."""
    from audience.models import Account, Post
    from audience.store import open_store

    db = tmp_path / "audience.db"
    store = open_store(db)
    ids = store.upsert_accounts(
        [Account("x", "1", handle="odd", display_name="[/] Jo [bold]Bloggs", location="Leeds")]
    )
    from datetime import UTC, datetime

    post = Post("x", "p1", "1", "Queues #contactcentre", datetime.now(UTC), ["contactcentre"])
    store.upsert_posts([post], ids)
    store.close()
    result = runner.invoke(
        app, ["find", "hashtag", "#contactcentre", "--offline", "--db", str(db), "--since", "3000d"]
    )
    assert result.exit_code == 0, result.output
    assert "[/] Jo [bold]Bloggs" in " ".join(result.output.split())
