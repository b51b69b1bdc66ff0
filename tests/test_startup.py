"""The lazy command table: every command listed in --help, each one's module registers it, and
`audience --help` / `audience status` import no more than they need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.core import TyperCommand
from typer.testing import CliRunner

import commands
from commands import COMMANDS, app

runner = CliRunner()


def registered_by(module_name: str) -> dict:
    """The commands a module's register(app) really adds, built the eager way."""
    import importlib

    holder = typer.Typer(rich_markup_mode=None, add_completion=False)
    importlib.import_module(module_name).register(holder)
    return dict(typer.main.get_group(holder).commands)


@pytest.mark.parametrize("module_name", sorted({module for module, _ in COMMANDS.values()}))
def test_each_module_registers_exactly_its_table_lines(module_name):
    listed = {name for name, (module, _) in COMMANDS.items() if module == module_name}
    assert set(registered_by(module_name)) == listed


@pytest.mark.parametrize("name", list(COMMANDS))
def test_table_help_is_the_commands_own_help(name):
    module_name, short_help = COMMANDS[name]
    real = registered_by(module_name)[name]
    listed = TyperCommand(name=name, help=short_help, rich_markup_mode=None)
    assert listed.get_short_help_str(200) == real.get_short_help_str(200)


def test_help_lists_every_command_with_its_help():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    for name, (_module, short_help) in COMMANDS.items():
        line = next(line for line in result.output.splitlines() if line.split()[:1] == [name])
        assert short_help.split()[0] in line


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_runs_help(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"audience {name}" in result.output or "Usage:" in result.output


def test_unknown_command_is_a_usage_error():
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command" in result.output


def test_group_commands_mapping_builds_on_lookup():
    root = typer.main.get_command(app)
    assert list(root.commands) == list(COMMANDS)
    assert root.commands["status"].name == "status"
    assert "import" in root.commands and "no-such-command" not in root.commands


def _imported(argv: list[str], cwd) -> set[str]:
    probe = (
        "import sys; sys.argv = ['audience', *sys.argv[1:]]\n"
        "from commands import app\n"
        "try:\n    app(prog_name='audience')\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, cwd=cwd, timeout=60
    )
    return set(done.stderr.strip().splitlines()[-1].split())


def test_help_imports_no_command_module_and_no_heavy_library(tmp_path):
    loaded = _imported(["--help"], tmp_path)
    assert not {m for m in loaded if m.startswith("commands.")}
    assert not loaded & {"numpy", "pydantic", "sqlite_utils", "rich", "dotenv", "audience.store"}


def test_status_imports_only_its_module_and_no_numpy(tmp_path):
    assert runner.invoke(app, ["init", "--db", str(tmp_path / "audience.db")]).exit_code == 0
    loaded = _imported(["status"], tmp_path)
    assert {m for m in loaded if m.startswith("commands.")} == {
        "commands._common",
        "commands._help",  # plain metavars for the command just built
        "commands.workspace",
    }
    assert "numpy" not in loaded and "dotenv" not in loaded
    assert "pydantic" not in loaded  # typer coerces no option left out (see commands/__init__)
    assert "commands" in sys.modules and commands.app is app


def test_options_left_out_still_meet_required_checks_and_callbacks(tmp_path):
    db = str(tmp_path / "audience.db")
    assert runner.invoke(app, ["init", "--db", db]).exit_code == 0
    missing = runner.invoke(app, ["forget", "--db", db])
    assert missing.exit_code == 2 and "Missing argument" in missing.output
    wrong = runner.invoke(app, ["export", "--db", db, "--platform", "myspace"])
    assert wrong.exit_code == 2 and "myspace" in wrong.output
    given = runner.invoke(app, ["status", "--db", db, "--json"])  # a value given is coerced
    assert given.exit_code == 0 and '"platforms"' in given.output


def test_every_module_with_register_is_in_the_table():
    folder = Path(commands.__file__).parent
    registering = {
        f"commands.{path.stem}"
        for path in folder.glob("*.py")
        if "\ndef register(" in path.read_text(encoding="utf-8")
    }
    assert registering == {module for module, _ in COMMANDS.values()}


def test_root_help_shows_plain_metavars():
    result = runner.invoke(app, ["--help"])
    assert "--db PATH" in result.output and "<path>" not in result.output
