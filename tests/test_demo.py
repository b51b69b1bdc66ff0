"""`audience demo` runs every stage on the bundled examples, offline."""

from __future__ import annotations

import csv

from typer.testing import CliRunner

from audience.demo import run_demo
from commands import app


def test_demo_runs_every_stage_and_writes_the_csv_and_report(tmp_path):
    result = run_demo(tmp_path / "demo")
    titles = [step.title for step in result.steps]
    assert titles[0] == "Import contact books" and titles[-1] == "Export for the PR team"
    by_title = {step.title.split(":")[0]: step for step in result.steps}

    people = by_title["Import contact books"].summary
    assert "57 people" in people
    topic = by_title["Find"].rows
    assert topic and all(row["why"].endswith(", GB") or ", IE" in row["why"] for row in topic)
    influencers = by_title["Mine journalists"].rows
    assert influencers and "followed by" in influencers[0]["why"]
    matches = by_title["Match contacts to profiles"].rows
    assert {"person": "Zoë Lambert-Hughes", "account": "@zoelh_writes"}.items() <= matches[
        0
    ].items()
    prune = by_title["Prune"].rows
    assert prune and all(row["reasons"] for row in prune)
    assert not any(row["account"] == "@zoelh_writes" for row in prune)  # matched contact
    followback = by_title["Follow-back queue"].rows
    assert any(row["follow back"] == "yes" for row in followback)
    assert any(row["follow back"] == "no" and "spam" in row["why"] for row in followback)

    with result.csv_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert any(row["name"] == "Zoë Lambert-Hughes" for row in rows)
    assert all("press" in row["segments"] for row in rows)
    report = result.report_path.read_text(encoding="utf-8")
    assert "<svg" in report and "press" in report


def test_demo_command_refuses_a_used_folder(tmp_path):
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--dir", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert "Next, with your own data" in first.output
    second = runner.invoke(app, ["demo", "--dir", str(tmp_path)])
    assert second.exit_code != 0
