"""`audience demo` runs every stage on the bundled examples, offline."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from commands import app


def test_demo_runs_every_stage_and_writes_the_csv_and_report(demo):
    titles = [step.title for step in demo.steps]
    assert titles[0] == "Import contact books" and titles[-1] == "Export for the PR team"
    by_title = {step.title.split(":")[0]: step for step in demo.steps}

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

    assert demo.csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
    with demo.csv_path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert any(row["Name"] == "Zoë Lambert-Hughes" for row in rows)
    assert all("press" in row["Segments"] for row in rows)
    outlets = {row["X handle"]: row["Outlet"] for row in rows}
    assert outlets["yarahaddad_news"] == "Cedarline Media"  # named in the bio only
    assert sum(1 for row in rows if row["Outlet"]) >= 11 and all(row["Bio"] for row in rows)
    assert demo.xlsx_path.read_bytes()[:2] == b"PK"

    over_time = by_title["Over time"]
    assert "3 journalists moved" in over_time.summary
    assert {"what": "move", "who": "@chloemarchetti"}.items() <= over_time.rows[2].items()
    report = demo.report_path.read_text(encoding="utf-8")
    for heading in REPORT_SECTIONS:
        assert f"<h2>{heading}</h2>" in report, heading
    for empty in ("Needs ", "No one in", "No follow", "No press member", "No follow edges"):
        assert empty not in report, empty  # every section filled from the bundled data
    assert "was Reporter @Customer Desk Weekly" in report
    assert "@brightwater_hq" in report and "Followers per segment" in report


REPORT_SECTIONS = (
    "At a glance",
    "The press list",
    "Influencers of the press",
    "Segments",
    "Geography",
    "Follow-back",
    "Prune: accounts to consider unfollowing",
    "Changes over time",
    "Compared with competitors",
    "Groups in the crowd",
    "Listening",
)


@pytest.mark.slow
def test_demo_report_in_headless_chromium(demo, tmp_path):
    from tests.test_report import check_in_browser

    seen = check_in_browser(demo.report_path, tmp_path, "report-demo")
    for width in (1400, 390):
        assert tuple(seen[width]["headings"]) == REPORT_SECTIONS
        assert seen[width]["svgs"] >= 8


def test_demo_command_refuses_a_used_folder(tmp_path):
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--dir", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert "Next, with your own data" in first.output
    second = runner.invoke(app, ["demo", "--dir", str(tmp_path)])
    assert second.exit_code != 0
