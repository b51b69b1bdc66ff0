"""A large twarc file is read in a second process while the importing one saves (issue 18):
it stores what reading it here stores, part by part and with authors known only to the
workspace; a bad line anywhere names its line and leaves nothing written; Ctrl-C ends both
processes with exit 130 and nothing written."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audience.errors import InputError
from audience.importers import twarc
from audience.store import open_store
from tests.test_twarc_stream import by_platform_ids, mixed_file

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)
ROOT = Path(__file__).resolve().parent.parent


def _imported(tmp_path: Path, name: str, path: Path, apart: bool, part_records: int, first=None):
    """A workspace file with ``first`` imported (read here), then ``path`` imported."""
    store = open_store(tmp_path / f"{name}.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(twarc, "READ_APART_FROM_BYTES", 10**15)
        if first is not None:
            twarc.import_twarc(store, first)
        started = []
        real = twarc._parts_read_apart

        def counted(*args):
            started.append(True)
            return real(*args)

        patch.setattr(twarc, "_parts_read_apart", counted)
        patch.setattr(twarc, "READ_APART_FROM_BYTES", 0 if apart else 10**15)
        patch.setattr(twarc, "_core_to_spare", lambda: True)  # whatever the machine's load
        result = twarc.import_twarc(store, path, part_records=part_records)
    assert started == ([True] if apart else [])
    return store, result


@pytest.mark.parametrize("part_records", [1, 7, 150])
def test_read_apart_stores_what_reading_here_stores(tmp_path, part_records):
    path = mixed_file(tmp_path)
    here, expected = _imported(tmp_path, "here", path, False, part_records)
    apart, result = _imported(tmp_path, "apart", path, True, part_records)
    assert by_platform_ids(apart) == by_platform_ids(here)
    for table in ("accounts", "posts"):  # the raw records, written by the reading process
        raw = f"SELECT platform_id, raw FROM {table} ORDER BY platform_id"
        assert apart.execute(raw).fetchall() == here.execute(raw).fetchall()
    assert by_platform_ids(here)["posts"] and by_platform_ids(here)["list_members"]
    assert result == expected


def _authors_elsewhere(tmp_path: Path) -> tuple[Path, Path]:
    """Authors looked up in one file; a second file of their tweets without includes."""
    users = [
        {"id": str(100 + n), "username": f"author{n}", "name": f"Author {n}"} for n in range(6)
    ]
    first = tmp_path / "users.jsonl"
    first.write_text(json.dumps({"data": users}) + "\n", encoding="utf-8")
    tweets = [
        {"id": str(9000 + n), "text": f"post {n}", "author_id": str(100 + n % 6)} for n in range(30)
    ]
    pages = [{"data": tweets[i : i + 5]} for i in range(0, 30, 5)]
    second = tmp_path / "tweets.jsonl"
    second.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    return first, second


def test_authors_known_only_to_the_workspace_give_their_handles(tmp_path):
    first, second = _authors_elsewhere(tmp_path)
    here, _ = _imported(tmp_path, "here", second, False, 3, first=first)
    apart, _ = _imported(tmp_path, "apart", second, True, 3, first=first)
    urls = [row[3] for row in by_platform_ids(apart)["posts"]]
    assert urls and all("/i/web/" not in url for url in urls)
    assert by_platform_ids(apart) == by_platform_ids(here)


def test_a_bad_line_names_it_and_writes_nothing(tmp_path, monkeypatch):
    good = mixed_file(tmp_path).read_text(encoding="utf-8")
    lines = good.count("\n")
    path = tmp_path / "bad.jsonl"
    path.write_text(good + '{"data": [{"id": "x1", "text": "not an id"}]}\n', encoding="utf-8")
    store = open_store(tmp_path / "audience.db")
    monkeypatch.setattr(twarc, "READ_APART_FROM_BYTES", 0)
    monkeypatch.setattr(twarc, "_core_to_spare", lambda: True)
    with pytest.raises(InputError, match=f"line {lines + 1}.*not a numeric X id"):
        twarc.import_twarc(store, path, part_records=5)
    assert store.scalar("SELECT count(*) FROM accounts") == 0
    assert store.scalar("SELECT count(*) FROM posts") == 0
    assert multiprocessing.active_children() == []


# Ctrl-C: the command in a process of its own; the second process is slowed so the import is
# still running when the interrupt comes, and writes its pid where the test reads it.
DRIVER = """
import os, sys, time
from audience.importers import twarc

twarc.READ_APART_FROM_BYTES = 0
twarc._core_to_spare = lambda: True
marker, parent, real = sys.argv[1], os.getpid(), twarc.read_twarc_parts

def slow_parts(*args, **kwargs):
    for part in real(*args, **kwargs):
        if os.getpid() != parent:
            with open(marker, "w") as handle:
                handle.write(str(os.getpid()))
        time.sleep(0.3)
        yield part

twarc.read_twarc_parts = slow_parts
twarc.import_twarc.__defaults__ = (5,)  # parts of 5 records: many parts
from commands import app
sys.argv = ["audience", *sys.argv[2:]]
app(prog_name="audience")
"""


def test_ctrl_c_ends_both_processes_with_130_and_writes_nothing(tmp_path):
    path = mixed_file(tmp_path)
    db = tmp_path / "audience.db"
    open_store(db).close()
    marker = tmp_path / "reader.pid"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    argv = [sys.executable, "-c", DRIVER, str(marker), "import", "twarc", str(path)]
    proc = subprocess.Popen(
        [*argv, "--db", str(db)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not (marker.exists() and marker.read_text()) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    reader = int(marker.read_text())
    time.sleep(0.5)  # a part or two saved in the open transaction
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole foreground group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    with pytest.raises(ProcessLookupError):
        os.kill(reader, 0)
    store = open_store(db)
    assert store.scalar("SELECT count(*) FROM accounts") == 0
    store.close()


@pytest.mark.parametrize(
    "record",
    [
        {"id": "1", "name": "Zoë", "public_metrics": {"followers_count": 3}, "ok": True},
        {"id": "2", "huge": 2**70, "nested": [{"a": None}]},  # beyond orjson: json writes it
    ],
)
def test_a_record_written_by_the_reader_is_stored_as_the_saver_writes_it(record):
    from audience.store import _json, raw_json_bytes

    assert _json(raw_json_bytes(record)) == _json(record)
    assert json.loads(_json(raw_json_bytes(record))) == record


@pytest.mark.parametrize(
    ("load", "cores", "apart"),
    [
        (0.3, 2, True),
        (1.2, 2, True),
        (1.6, 2, False),
        (5.0, 2, False),
        (0.0, 1, False),
        (2.0, 4, True),
    ],
)
def test_a_large_file_is_read_apart_only_with_a_core_to_spare(
    tmp_path, monkeypatch, load, cores, apart
):
    path = mixed_file(tmp_path)
    store = open_store(tmp_path / "audience.db")
    monkeypatch.setattr(twarc, "READ_APART_FROM_BYTES", 0)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cores)))
    assert twarc._read_apart(store, path) is apart
    monkeypatch.setattr(twarc, "READ_APART_FROM_BYTES", path.stat().st_size + 1)
    assert twarc._read_apart(store, path) is False  # a small file: read here
    store.close()
