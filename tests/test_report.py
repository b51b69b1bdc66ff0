"""The HTML report: figures, escaping, and what a person sees when Chromium renders it."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import time
import urllib.request
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
from tests.conftest import EXAMPLES
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
    assert [s.handle for s in data.prune] == ["quiet_one"]
    assert all(s.reasons for s in data.prune)
    [x] = data.influencers
    assert x.mined == 2
    assert [(r.handle, r.extra["followed_by"]) for r in x.ranked] == [
        ("<script>alert(1)</script>", 2),
        ("minor_voice", 1),
    ]  # old_hack (press) follows a list of its own, so, as in `find influencers`, is left out
    [change] = data.changes
    assert [r["handle"] for r in change.gained] == ["busy_bee", "newbie"]
    assert [r["handle"] for r in change.lost] == ["quiet_one", "gone_now"]
    assert [d.followers for d in data.history.days] == [3, 3]
    assert [c.handle for c in data.followback] == ["newbie"]  # busy_bee: I follow them
    assert [p["name"] for p in data.press] == ["Ada Lovelace", "old_hack"]


def test_influencers_agree_with_find_influencers(store, seeded):
    from audience.find import rank_influencers

    _, ranked = rank_influencers(store, "x", segment="press", min_share=0, limit=20)
    data = collect(store, Rules(), now=NOW)
    assert [r.account_id for r in data.influencers[0].ranked] == [r.account_id for r in ranked]


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
    assert "default-src 'none'" in page


def test_empty_workspace_report(store):
    page = render_html(collect(store, Rules(), now=NOW))
    assert "Needs two followers snapshots" in page
    assert "No follow lists of press members crawled yet." in page
    assert "No one in the press segment yet" in page
    assert "Listening" not in page  # no listening data: no section


def test_listening_section_renders_only_with_data(store, seeded):
    from audience.calls import read_calls, save_calls
    from audience.listen import import_twarc_counts

    assert collect(store, Rules(), now=NOW).listening is None
    import_twarc_counts(store, EXAMPLES / "x" / "counts-contactcentre.jsonl")
    save_calls(store, read_calls(EXAMPLES / "calls" / "volumes.csv", decimal=","))
    page = render_html(collect(store, Rules(), now=NOW))
    assert "<h2>Listening</h2>" in page
    assert 'aria-label="Conversation and calls per day"' in page
    assert "leads calls by 2 day" in page  # the comparison's verdict, from the bundled calls


def test_countries_come_from_the_stored_place(store):
    with store.transaction():
        ids = [
            add_account(store, "x", str(n), f"p{n}", location=place)
            for n, place in enumerate(["Leeds", "Galway, Ireland", "Leeds, UK", "the moon"])
        ]
        for account_id in ids:
            add_to_segment(store, "press", account_id)
    data = collect(store, Rules(), now=NOW)
    assert dict(data.countries) == {"GB": 2, "IE": 1, "Unknown": 1}
    assert data.places[0] == ("Leeds, GB", 2)
    assert "United Kingdom" in render_html(data)


# ---- in a real browser ------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; CI must install it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


class Browser:
    """Headless Chromium driven over the DevTools protocol (a local websocket): the page runs
    under its own CSP, while the measuring script comes from the protocol, not the page."""

    def __init__(self, profile: Path) -> None:
        from websockets.sync.client import connect

        self.process = subprocess.Popen(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.monotonic() < deadline, "chromium did not start"
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as reply:
            targets = json.load(reply)
        page = next(t for t in targets if t["type"] == "page")
        self.exits = contextlib.ExitStack()
        self.socket = self.exits.enter_context(
            connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=30)
        )
        self.next_id = 0
        self.call("Page.enable")

    def call(self, method: str, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("id") == self.next_id:
                assert "error" not in message, message["error"]
                return message["result"]

    def open(self, url: str, width: int) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.next_id += 1
        self.socket.send(
            json.dumps({"id": self.next_id, "method": "Page.navigate", "params": {"url": url}})
        )
        while json.loads(self.socket.recv(timeout=60)).get("method") != "Page.loadEventFired":
            pass

    def evaluate(self, script: str):
        result = self.call("Runtime.evaluate", expression=script, returnByValue=True)
        return result["result"]["value"]

    def screenshot(self, path: Path) -> None:
        height = self.evaluate("document.documentElement.scrollHeight")
        width = self.evaluate("window.innerWidth")
        shot = self.call(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        self.exits.close()
        self.process.terminate()
        self.process.wait(timeout=30)


# Every visible piece of text with its rendered size (SVG text scaled by its transforms), and
# every element that sticks out of the viewport.
MEASURE = """(() => {
  const small = [], overflow = [];
  let texts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      size *= Math.hypot(m.a, m.b);
    }
    texts++;
    if (size < 10) small.push(node.textContent.trim().slice(0, 40) + ' ' + size.toFixed(1));
  }
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > window.innerWidth + 0.5) overflow.push(el.tagName);
  }
  return {texts, small, overflow: overflow.slice(0, 10),
          scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
          headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
          svgs: document.querySelectorAll('figure.chart svg').length,
          scripts: document.querySelectorAll('script').length};
})()"""


def check_in_browser(page: Path, tmp_path: Path, name: str) -> dict[int, dict]:
    """Open the report at desktop and phone width; assert no horizontal scroll and no text
    under 10 px; write a full-page screenshot of each (and a PDF print) for a person to look
    at, into $AUDIENCE_SCREENSHOT_DIR when set."""
    folder = Path(os.environ.get("AUDIENCE_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    browser = Browser(tmp_path / "chromium-profile")
    seen = {}
    try:
        for width in (1400, 390):
            browser.open(page.as_uri(), width)
            seen[width] = found = browser.evaluate(MEASURE)
            assert found["scrollWidth"] <= found["width"], (width, found["overflow"])
            assert not found["small"], (width, found["small"][:10])
            assert found["texts"] > 50 and found["scripts"] == 0
            shot = folder / f"{name}-{width}.png"
            browser.screenshot(shot)
            assert shot.read_bytes()[:4] == b"\x89PNG" and shot.stat().st_size > 10_000
        pdf = browser.call("Page.printToPDF", printBackground=False)
        printed = base64.b64decode(pdf["data"])
        assert printed[:4] == b"%PDF"
        (folder / f"{name}.pdf").write_bytes(printed)
    finally:
        browser.close()
    return seen


def test_report_in_headless_chromium(store, seeded, tmp_path):
    page = write_report(store, tmp_path / "report.html", Rules(), now=NOW)
    seen = check_in_browser(page, tmp_path, "report-small")
    assert seen[1400]["headings"] == seen[390]["headings"]
    for heading in (
        "At a glance",
        "The press list",
        "Influencers of the press",
        "Segments",
        "Geography",
        "Follow-back",
        "Prune: accounts to consider unfollowing",
        "Changes over time",
        "Groups in the crowd",
    ):
        assert heading in seen[1400]["headings"], heading
    assert seen[1400]["svgs"] >= 4
    dom = _dump_dom(tmp_path, page)
    reader = _VisibleText()
    reader.feed(dom)
    assert "script" not in reader.tags  # the hostile handle stayed text
    assert "@<script>alert(1)</script>" in reader.parts
    text = "\n".join(reader.parts)
    assert "New followers: 2" in text and "Lost followers: 2" in text


def _dump_dom(tmp_path: Path, page: Path) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={tmp_path / 'chromium-dump'}",
        "--dump-dom",
        page.as_uri(),
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


def test_groups_are_left_to_the_command_on_a_large_graph(store, seeded, monkeypatch):
    from audience import report

    monkeypatch.setattr(report, "GROUPS_EDGE_LIMIT", 3)
    data = collect(store, Rules(), now=NOW)
    assert data.groups is None
    assert "The follow graph is large: run `audience groups`." in render_html(data)
