"""The HTML report: figures, escaping, and what a person sees when Chromium renders it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from audience.config import Rules
from audience.datasette import TABLES, write_metadata
from audience.privacy import forget, plan_forget
from audience.report import collect, render_html, write_report
from audience.store import Store, open_store
from tests.test_export import add_account, add_to_segment, seed_crowd

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _snapshot(store: Store, kind: str, taken_at: str, members: list[int]) -> None:
    snapshot_id = store.execute(
        "INSERT INTO snapshots (platform, kind, source, taken_at, count) "
        "VALUES ('x', ?, 'api', ?, ?) RETURNING id",
        [kind, taken_at, len(members)],
    ).fetchone()[0]
    store._conn.executemany(
        "INSERT INTO snapshot_members (snapshot_id, account_id) VALUES (?, ?)",
        [(snapshot_id, m) for m in members],
    )


def seed_report(store: Store) -> dict[str, int]:
    """On top of the shared crowd: my X following/followers snapshots, press follow lists."""
    ids = seed_crowd(store)
    with store.transaction():
        store.execute("UPDATE accounts SET country = 'GB' WHERE handle = 'ada_l'")
        quiet = ids["quiet"] = add_account(
            store, "x", "2001", "quiet_one", display_name="Quiet <One>"
        )
        store.execute(
            "UPDATE accounts SET last_post_at = '2023-01-05T00:00:00+00:00', "
            "country = 'IE' WHERE id = ?",
            [quiet],
        )
        busy = ids["busy"] = add_account(store, "x", "2002", "busy_bee", display_name="Busy")
        store.execute(
            "UPDATE accounts SET last_post_at = '2025-05-30T00:00:00+00:00', "
            "country = 'FR' WHERE id = ?",
            [busy],
        )
        old_press = ids["old_press"] = add_account(store, "x", "2003", "old_hack")
        store.execute(
            "UPDATE accounts SET last_post_at = '2022-01-01T00:00:00+00:00' WHERE id = ?",
            [old_press],
        )
        add_to_segment(store, "press", old_press, "veteran")  # protected: never a candidate
        newbie = ids["newbie"] = add_account(store, "x", "2004", "newbie")
        gone = ids["gone"] = add_account(store, "x", "2005", "gone_now")
        influencer = ids["influencer"] = add_account(
            store,
            "x",
            "3001",
            "<script>alert(1)</script>",
            display_name="Big <b>Voice</b>",
            followers_count=90000,
        )
        minor = ids["minor"] = add_account(store, "x", "3002", "minor_voice", followers_count=10)
        store.add_follows(
            [
                (ids["ada_x"], influencer),
                (old_press, influencer),
                (ids["ada_x"], minor),
                (ids["ada_x"], old_press),
                (ids["ada_x"], ids["me"]),
                (ids["dave_x"], ids["busy"]),
            ]
        )
        following = [ids["ada_x"], quiet, busy, old_press]
        _snapshot(store, "following", "2025-05-31T09:00:00+00:00", following)
        _snapshot(store, "followers", "2025-05-01T09:00:00+00:00", [ids["ada_x"], gone, quiet])
        _snapshot(store, "followers", "2025-05-31T09:00:00+00:00", [ids["ada_x"], busy, newbie])
    return ids


@pytest.fixture
def seeded(store: Store) -> dict[str, int]:
    return seed_report(store)


def test_figures(store, seeded):
    data = collect(store, Rules(), now=NOW)
    segments = dict(data.segments)
    assert segments["press"] == {"x": 2, "bluesky": 1, "mastodon": 0, "linkedin": 0}
    assert segments["customers"]["mastodon"] == 1 and segments["suppliers"]["x"] == 0
    # crowd: press + customers members and my latest followers
    assert data.crowd_size == 6
    assert dict(data.countries) == {"GB": 2, "FR": 1, "Unknown": 3}
    [rate] = data.follow_back
    assert (rate.platform, rate.following, rate.follow_back) == ("x", 4, 2)
    assert [r["handle"] for r in data.prune] == ["quiet_one"]
    assert [(r["handle"], r["press_followers"]) for r in data.influencers] == [
        ("<script>alert(1)</script>", 2),
        ("minor_voice", 1),
    ]
    [change] = data.changes
    assert [r["handle"] for r in change.gained] == ["busy_bee", "newbie"]
    assert [r["handle"] for r in change.lost] == ["quiet_one", "gone_now"]


def test_forgotten_people_leave_the_report(store, seeded):
    forget(store, plan_forget(store, "@busy_bee"))
    data = collect(store, Rules(), now=NOW)
    [change] = data.changes
    assert [r["handle"] for r in change.gained] == ["newbie"]
    assert "busy_bee" not in render_html(data)


def test_user_text_is_escaped(store, seeded):
    page = render_html(collect(store, Rules(), now=NOW))
    assert "<script>" not in page and "<b>Voice" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Big &lt;b&gt;Voice&lt;/b&gt;" in page
    for external in ("<script", "<link", "<img", "<iframe", " src=", "@import", "url("):
        assert external not in page, external  # nothing to fetch: opens offline


def test_empty_workspace_report(store):
    page = render_html(collect(store, Rules(), now=NOW))
    assert "Needs two followers snapshots" in page
    assert "No follow lists of press members crawled yet." in page


# ---- in a real browser ------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; CI must install it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


def _run_chromium(tmp_path: Path, *args: str) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _VisibleText(HTMLParser):
    """Text a reader sees: everything in <body> outside <style>, <script> and <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append(tag)
        if tag in ("style", "script", "title", "head"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title", "head"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def test_report_in_headless_chromium(store, seeded, tmp_path):
    page = write_report(store, tmp_path / "report.html", Rules(), now=NOW)
    dom = _run_chromium(tmp_path, "--dump-dom", page.as_uri())
    reader = _VisibleText()
    reader.feed(dom)
    text = "\n".join(reader.parts)
    assert "script" not in reader.tags  # the hostile handle stayed text
    for heading in (
        "Audience report",
        "Crowd by segment and platform",
        "Geography",
        "Follow-back rate",
        "Prune candidates",
        "Top influencers of the press",
        "Changes since the last sync",
    ):
        assert heading in reader.parts, heading
    for cell in ("press", "customers", "suppliers", "competitors", "GB", "FR", "50%"):
        assert cell in reader.parts, cell
    assert "@<script>alert(1)</script>" in reader.parts
    assert "@quiet_one" in reader.parts and "Quiet <One>" in reader.parts
    assert "New followers: 2" in text and "Lost followers: 2" in text
    assert "@newbie" in reader.parts and "@gone_now" in reader.parts
    assert "Accounts in the crowd\n6" in text

    shot = tmp_path / "report.png"
    _run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,2400", page.as_uri())
    assert shot.stat().st_size > 10_000
    if os.environ.get("AUDIENCE_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["AUDIENCE_KEEP_SCREENSHOT"])


# ---- the command, and Datasette metadata ------------------------------------------------------


def _app() -> typer.Typer:
    from commands.export import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    register(app)
    return app


def test_cli_report(tmp_path):
    db = tmp_path / "audience.db"
    store = open_store(db)
    seed_report(store)
    store.close()
    result = CliRunner().invoke(_app(), ["report", "--db", str(db), "-o", "crowd.html"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "crowd.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    result = CliRunner().invoke(
        _app(), ["report", "--db", str(db), "-o", str(tmp_path / "nope" / "r.html")]
    )
    assert result.exit_code == 1 and "Cannot write" in result.output


def test_datasette_metadata_describes_the_real_schema(store, tmp_path):
    db = tmp_path / "audience.db"
    (tmp_path / "metadata.json").write_text(
        json.dumps({"databases": {"other": {"title": "kept"}}}), encoding="utf-8"
    )
    path = write_metadata(db)
    assert path == tmp_path / "metadata.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["databases"]["other"] == {"title": "kept"}
    tables = document["databases"]["audience"]["tables"]
    assert tables["accounts"]["fts_table"] == "accounts_fts"
    real = {
        name
        for name in store.db.table_names()
        if not name.startswith(("accounts_fts", "_")) and name != "sqlite_sequence"
    }
    assert real <= set(TABLES), real - set(TABLES)
    for name, meta in TABLES.items():
        assert name in real, name
        assert meta["description"]
        columns = set(store.db[name].columns_dict)
        assert set(meta.get("columns", {})) <= columns, (name, set(meta["columns"]) - columns)
        if "label_column" in meta:
            assert meta["label_column"] in columns
    rows = store.query(
        document["databases"]["audience"]["queries"]["segment_members_with_contacts"]["sql"],
        {"segment": "press"},
    )
    assert rows == []
