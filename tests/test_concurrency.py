"""Concurrent use of one workspace: two crawls, an export loop and a contact import at once.

The crawls are real ``python -m commands find follows`` subprocesses against FakeX (whose pages
are held back a little so the runs overlap), mining journalists whose follow lists overlap, so
both processes write the same accounts at the same time.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audience.models import Account
from audience.store import open_store
from tests.fakes.x_api import FakeX, make_user

ROOT = Path(__file__).parent.parent
CONTACTS = ROOT / "examples" / "contacts"
BEARER = "AAAAconcurrency-test-bearer"
FIRST, SECOND, SEED = "5001", "5002", "5003"
PEOPLE = [str(n) for n in range(100_000, 104_500)]
FIRST_FOLLOWS = PEOPLE[:3000]  # three pages of 1,000
SECOND_FOLLOWS = PEOPLE[1500:]  # three pages, half of them the same accounts as FIRST's
SEED_FOLLOWS = PEOPLE[:50]


@pytest.fixture
def fake() -> Iterator[FakeX]:
    server = FakeX(bearer_token=BEARER, seed_recordings=False)
    for pid, handle in ((FIRST, "first_journo"), (SECOND, "second_journo"), (SEED, "seed")):
        server.add_user(make_user(pid, handle, description="Reporter"))
    for pid in PEOPLE:
        server.add_user(make_user(pid, f"cx{pid}", description="Contact centre lead"))
    server.set_following(FIRST, FIRST_FOLLOWS)
    server.set_following(SECOND, SECOND_FOLLOWS)
    server.set_following(SEED, SEED_FOLLOWS)
    with server:
        yield server


def cli(*args: str, base_url: str, cwd: Path) -> subprocess.Popen:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(cwd),
        "PYTHONPATH": str(ROOT),
        "X_BEARER_TOKEN": BEARER,
        "X_API_BASE_URL": base_url,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "commands", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, bytes]:
    out, err = process.communicate(timeout=300)
    return process.returncode, err.decode(), out


def follow_ids(db: Path, follower: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT b.platform_id FROM follows f JOIN accounts a ON a.id = f.follower_id "
            "JOIN accounts b ON b.id = f.followed_id WHERE a.platform_id = ? ORDER BY 1",
            [follower],
        ).fetchall()
    return [r[0] for r in rows]


@pytest.mark.slow
def test_two_crawls_an_export_loop_and_an_import_at_once(fake: FakeX, tmp_path: Path) -> None:
    db = tmp_path / "audience.db"
    opts = {"base_url": fake.base_url, "cwd": tmp_path}
    assert finish(cli("init", "--db", str(db), **opts))[0] == 0
    seeded = finish(cli("find", "follows", "@seed", "--db", str(db), **opts))
    assert seeded[0] == 0, seeded[1]  # so there is something to export from the start
    # Every page answers 0.5 s late: each crawl spends ~1.5 s around its three page commits.
    fake.hold(r"/following$", 0.5, times=100)

    exports: list[tuple[int, str, bytes]] = []
    crawling = threading.Event()
    crawling.set()

    def export_loop() -> None:
        while crawling.is_set() or len(exports) < 2:
            exports.append(finish(cli("export", "--raw-headers", "--db", str(db), **opts)))

    exporter = threading.Thread(target=export_loop)
    exporter.start()
    crawls = [
        cli("find", "follows", "@first_journo", "--db", str(db), **opts),
        cli("find", "follows", "@second_journo", "--db", str(db), **opts),
    ]
    contact_files = [str(CONTACTS / "google_contacts.csv"), str(CONTACTS / "outlook_contacts.csv")]
    importer = cli("import", "contacts", *contact_files, "--db", str(db), **opts)
    results = [finish(p) for p in [*crawls, importer]]
    crawling.clear()
    exporter.join(timeout=300)

    for code, err, _ in results:
        assert code == 0, err
        assert "locked" not in err
    assert len(exports) >= 2
    for code, err, out in exports:
        assert code == 0, err
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
        assert rows and {"name", "x_handle", "x_url"} <= set(rows[0])
        assert len({r["x_handle"] for r in rows}) == len(rows)  # one row per account
    pages = [r.path.split("/")[3] for r in fake.calls(r"/following$")][1:]  # after @seed's
    assert pages[:3] != [pages[0]] * 3, pages  # the two crawls really ran at the same time
    # Both crawls wrote every page they fetched, and each edge points at the right account.
    assert follow_ids(db, FIRST) == sorted(FIRST_FOLLOWS)
    assert follow_ids(db, SECOND) == sorted(SECOND_FOLLOWS)
    with sqlite3.connect(db) as conn:
        edges = conn.execute("SELECT count(*) FROM follows").fetchone()[0]
        assert edges == len(FIRST_FOLLOWS) + len(SECOND_FOLLOWS) + len(SEED_FOLLOWS)
        duplicates = conn.execute(
            "SELECT platform_id FROM accounts GROUP BY platform, platform_id HAVING count(*) > 1"
        ).fetchall()
        assert duplicates == []
        accounts = conn.execute("SELECT count(*) FROM accounts WHERE platform = 'x'").fetchone()
        assert accounts[0] == len(PEOPLE) + 3
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] > 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        cursors = conn.execute(
            "SELECT subject, done, items FROM crawl_cursors ORDER BY subject"
        ).fetchall()
        assert cursors == [
            (FIRST, 1, len(FIRST_FOLLOWS)),
            (SECOND, 1, len(SECOND_FOLLOWS)),
            (SEED, 1, len(SEED_FOLLOWS)),
        ]


def test_two_crawls_creating_the_workspace_at_once(fake: FakeX, tmp_path: Path) -> None:
    db = tmp_path / "new" / "audience.db"
    opts = {"base_url": fake.base_url, "cwd": tmp_path}
    crawls = [
        cli("find", "follows", "@seed", "--db", str(db), **opts),
        cli("find", "follows", "@first_journo", "--db", str(db), **opts),
    ]
    for code, err, _ in [finish(p) for p in crawls]:
        assert code == 0, err
    assert follow_ids(db, SEED) == sorted(SEED_FOLLOWS)
    assert follow_ids(db, FIRST) == sorted(FIRST_FOLLOWS)


@pytest.mark.slow
def test_processes_creating_one_workspace_at_the_same_moment(tmp_path: Path) -> None:
    """Each process finds no workspace and creates (migrates) it: the one that comes second
    must wait for the first, not fail on "table accounts already exists"."""
    for round_ in range(5):
        path = tmp_path / f"ws{round_}" / "audience.db"
        start = time.time() + 1.5  # after every interpreter has started
        code = (
            "import time\nfrom audience.store import open_store\n"
            f"while time.time() < {start}: pass\n"
            f"open_store({str(path)!r}).close()"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        processes = [
            subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE)
            for _ in range(3)
        ]
        errors = [p.communicate(timeout=120)[1].decode() for p in processes]
        assert [p.returncode for p in processes] == [0, 0, 0], errors
        store = open_store(path)
        assert store.scalar("SELECT count(*) FROM segments") == 4  # seeded once, not twice
        store.close()


# ---- the per-process id cache against another writer -------------------------------------------


def account(pid: str, **fields) -> Account:
    return Account(platform="x", platform_id=pid, handle=f"h{pid}", **fields)


def test_cached_ids_survive_another_process_deleting_and_recreating_accounts(tmp_path: Path):
    """Store caches the row id of every account it wrote. If another process deletes one
    (``forget``) and the freed id goes to a new account, the cache must not be believed."""
    path = tmp_path / "audience.db"
    crawler, other = open_store(path), open_store(path)
    journalist = account("1")
    with crawler.transaction():
        ids = crawler.upsert_accounts([journalist, account("2"), account("3")])
    with other.transaction():  # forget @h3, then a new account takes the freed row id
        other.execute("DELETE FROM accounts WHERE platform_id = '3'")
        other.upsert_accounts([account("4")])
    assert other.scalar("SELECT id FROM accounts WHERE platform_id = '4'") == ids["3"]

    with crawler.transaction():
        again = crawler.upsert_accounts([account("2"), account("3")])
        crawler.add_follows([(ids["1"], again["2"]), (ids["1"], again["3"])])

    rows = crawler.query(
        "SELECT b.platform_id FROM follows f JOIN accounts b ON b.id = f.followed_id ORDER BY 1"
    )
    assert [r["platform_id"] for r in rows] == ["2", "3"]  # not "4"
    crawler.close()
    other.close()


def test_cached_ids_do_not_point_at_a_deleted_account(tmp_path: Path):
    path = tmp_path / "audience.db"
    crawler, other = open_store(path), open_store(path)
    with crawler.transaction():
        ids = crawler.upsert_accounts([account("1"), account("2")])
    with other.transaction():
        other.execute("DELETE FROM accounts WHERE platform_id = '2'")
    with crawler.transaction():
        again = crawler.upsert_accounts([account("2")])
        crawler.add_follows([(ids["1"], again["2"])])  # no FOREIGN KEY failure
    assert crawler.scalar("SELECT count(*) FROM follows") == 1
    crawler.close()
    other.close()
