"""What listening hands the HTML report, and the listening steps of `audience demo`."""

from __future__ import annotations

from audience.calls import read_calls, save_calls
from audience.listen import import_twarc_counts, report_data
from tests.conftest import EXAMPLES


def test_nothing_measured_gives_no_report_section(store):
    assert report_data(store) is None


def test_report_data_has_series_comparison_and_chart_specs(store):
    import_twarc_counts(store, EXAMPLES / "x" / "counts-contactcentre.jsonl")
    data = report_data(store)
    assert data["calls"] is None and data["comparisons"] == []
    assert set(data["charts"]) == {"volume"}  # no calls yet: no lag chart

    save_calls(store, read_calls(EXAMPLES / "calls" / "volumes.csv", decimal=","))
    data = report_data(store)
    assert data["calls"] == {"file": "volumes.csv", "timezone": "Europe/London"}
    (comparison,) = data["comparisons"]
    assert comparison["leading_lag_days"] == 2
    volume, lags = data["charts"]["volume"], data["charts"]["lags"]
    calls_layer = volume["layer"][1]
    columns = {row["column"] for row in calls_layer["data"]["values"]}
    assert columns == {"calls offered", "calls forecast"}
    dash = calls_layer["encoding"]["strokeDash"]["scale"]
    assert dict(zip(dash["domain"], map(tuple, dash["range"]), strict=True)) == {
        "calls offered": (1, 0),
        "calls forecast": (4, 3),  # the forecast is drawn dashed
    }
    assert lags["encoding"]["y"]["title"] == "Spearman rho"
    assert len(data["series"][0]["points"]) == 56


def test_demo_shows_listen_compare_and_audit(demo):
    steps = {step.title.split(":")[0]: step for step in demo.steps}

    listened = {row["topic"]: row for row in steps["Listen"].rows}
    assert listened["#contactcentre"]["days"] == 56
    assert "twarc2 counts file" in listened["#contactcentre"]["measured by"]

    compared = {row["topic"]: row for row in steps["Listen compare"].rows}
    main = compared["#contactcentre (x)"]
    assert "leads calls by 2 day" in main["verdict"]
    assert main["forecast peaks, no conversation"] == "2026-10-19"
    assert main["rising"].startswith("yes")
    assert compared["#cx (x)"]["verdict"].startswith("too few days")

    audit = steps["Audit"]
    assert "promotion 3/12" in audit.summary
    whys = [row["why"] for row in audit.rows]
    assert "links to your own site (lumenlark.example)" in whys
    assert "repost of @priya_builds: sharing others' content" in whys
