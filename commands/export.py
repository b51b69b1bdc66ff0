"""``audience export``, ``audience forget`` and ``audience report``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from commands._common import (
    PLATFORMS,
    DbOpt,
    check_segment,
    err_console,
    handle_errors,
    one_of,
    open_workspace,
    workspace_rules,
)

OutputOpt = Annotated[
    str, typer.Option("--output", "-o", help="File to write, or - for standard output.")
]


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("forget")(forget)
    app.command("report")(report)


def export(
    segment: Annotated[
        str | None, typer.Option("--segment", "-s", help="Only people in this segment.")
    ] = None,
    platform: Annotated[
        list[str] | None,
        typer.Option(
            "--platform",
            "-p",
            help="Only people with an account here (repeatable).",
            callback=one_of(PLATFORMS),
        ),
    ] = None,
    # no -f: -f is --file in every command that reads one
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="csv, json or xlsx (default: from -o's extension, else csv).",
            callback=one_of(("csv", "json", "xlsx")),
        ),
    ] = None,
    output: OutputOpt = "-",
    bom: Annotated[
        bool | None,
        typer.Option(
            "--bom/--no-bom",
            help="Start the CSV with a BOM so Excel reads UTF-8 (default: on for a file, "
            "off for standard output).",
        ),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", hidden=True, help="Old name for --bom.")
    ] = False,
    raw_headers: Annotated[
        bool, typer.Option("--raw-headers", help="Code column names (x_handle) for scripts.")
    ] = False,
    suppressed: Annotated[
        bool, typer.Option("--suppressed", help="List the suppression list (forgotten people).")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Export people for the PR team: one row per person, all their accounts merged.

    -o FILE.xlsx writes a workbook (one sheet per segment, clickable links). In CSV, cells that
    a spreadsheet could run as a formula are prefixed with ' ; forgotten people never appear.
    """
    from audience.export import export_people, export_suppressions

    with handle_errors():
        store = open_workspace(db)
        target = None if output == "-" else Path(output)
        excel = True if excel else bom
        if suppressed:
            # an audit listing for scripts and auditors: code names, as it always had
            result = export_suppressions(store, fmt=fmt, excel=excel, output=target)
        else:
            check_segment(store, segment)
            topics = workspace_rules(db).topics
            result = export_people(
                store,
                fmt=fmt,
                excel=excel,
                raw_headers=raw_headers,
                segment=segment,
                platforms=platform or [],
                topics=topics,
                output=target,
            )
        if target is None:
            _write_stdout(result.text)
        else:
            err_console.print(
                f"Wrote {result.rows:,} rows to {target}", highlight=False, markup=False
            )
            if result.left_out:
                err_console.print(
                    f"{result.left_out:,} less relevant rows were left out: a sheet holds at "
                    "most 1,048,576 rows in Excel. Export CSV for everyone.",
                    highlight=False,
                    markup=False,
                )


def _write_stdout(text: str) -> None:
    # Bytes, so the CSV's CRLF line ends and the BOM reach a pipe untouched.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def forget(
    subject: Annotated[str, typer.Argument(help="EMAIL, @handle or PERSON_ID.")],
    platform: Annotated[
        str | None, typer.Option("--platform", "-p", help="Platform of the @handle.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOpt = None,
) -> None:
    """Delete a person and everything derived from them, and keep them out of future exports."""
    from audience.privacy import forget as forget_plan
    from audience.privacy import plan_forget

    with handle_errors():
        store = open_workspace(db)
        plan = plan_forget(store, subject, platform)
        err_console.print(f"Will delete {plan.describe()}.", highlight=False, markup=False)
        if not yes and not typer.confirm("Forget them for good?", default=False, err=True):
            err_console.print("Nothing deleted.")
            raise typer.Exit(1)
        result = forget_plan(store, plan)
        done = ", ".join(f"{n} {table}" for table, n in result.deleted.items() if n)
        err_console.print(
            f"Forgotten: {done or 'nothing'}; {result.suppressions_added} suppression entries "
            "keep them out of later imports and exports.",
            highlight=False,
        )


def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
    db: DbOpt = None,
) -> None:
    """Write a one-page HTML report on the crowd that opens offline."""
    from audience import clock
    from audience.report import write_report

    with handle_errors():
        store = open_workspace(db)
        with err_console.status("Writing the report…"):
            path = write_report(store, output, workspace_rules(db), now=clock.now(store))
        err_console.print(f"Wrote {path}", highlight=False, markup=False)
