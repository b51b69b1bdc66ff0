"""``audience demo``: the whole method on bundled example data, offline, no credentials."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from commands._common import cell, console, handle_errors

NEXT_STEPS = """\
[bold]Next, with your own data[/] (credentials go in .env, see .env.example):
  audience init
  audience import contacts ~/Downloads/contacts.csv Connections.csv --source "My books"
  audience import x-archive ~/Downloads/twitter-2026-*.zip
  audience find hashtag "#contactcentre" "customer service" --since 7d --near UK --estimate
  audience find follows --segment press        then   audience find influencers --segment press
  audience match && audience match review
  audience segment auto --dry-run              then   audience segment auto
  audience sync --platform x && audience prune && audience followback
  audience crowd && audience moves --segment press && audience compare @me @competitor
  audience export --segment press -o press.xlsx && audience report -o report.html"""


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(
    folder: Annotated[
        Path | None,
        typer.Option("--dir", help="Folder for the demo workspace (default: a new temp folder)."),
    ] = None,
) -> None:
    """Run every stage on bundled example data: no credentials, no network."""
    from rich.table import Table

    from audience.demo import run_demo

    target = folder or Path(tempfile.mkdtemp(prefix="audience-demo-"))

    def show(step) -> None:
        console.rule(f"[bold]{step.title}")
        console.print(step.summary)
        if step.rows:
            table = Table(*step.rows[0].keys(), show_lines=False)
            for row in step.rows:
                table.add_row(*(cell(v) for v in row.values()))
            console.print(table)

    with handle_errors():
        result = run_demo(target, on_step=show)
    console.rule("[bold]Done")
    console.print(f"Workspace: {result.workspace}")
    console.print(f"CSV for the PR team: {result.csv_path}")
    console.print(f"Workbook: {result.xlsx_path}")
    console.print(f"Report: {result.report_path}")
    console.print("Explore it, from the demo folder:")
    for line in explore_commands(target):
        console.print(f"  {line}", soft_wrap=True, markup=False, highlight=False)
    # soft_wrap: a suggested command is never broken in the middle of an argument
    console.print(NEXT_STEPS, soft_wrap=True)


def explore_commands(folder: Path) -> list[str]:
    """``cd`` into the demo folder, then commands that work there: ``uv run`` needs the
    project (the demo folder is not one), and the virtualenv's own script needs nothing."""
    import shlex
    import sys

    project = Path(__file__).resolve().parent.parent
    script = Path(sys.prefix) / ("Scripts" if sys.platform == "win32" else "bin") / "audience"
    lines = [f"cd {shlex.quote(str(folder.resolve()))}"]
    if (project / "pyproject.toml").is_file():
        lines.append(f"uv run --project {shlex.quote(str(project))} audience status")
    else:
        lines.append("audience status")
    lines.append(f"or {shlex.quote(str(script))} status")
    return lines
