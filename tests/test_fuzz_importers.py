"""Fuzzed inputs for every importer and for ``audience.toml`` (issue 8).

Every case starts from a real sample (tests/fixtures/exports, examples/, or a small sample built
here for layouts the fixtures lack), is mutated, written to a temporary folder and imported
through the same functions the CLI uses. It must end in either

* a correct import: saved, and importing it again changes nothing; or
* an :class:`InputError` / :class:`ConfigError` whose message names the file, with every table
  of the workspace exactly as before;

never any other exception, a hang (per-case time limit) or a memory blow-up (address-space cap;
zip bombs are also measured with tracemalloc). ``bench/fuzz_importers.py`` runs these same
properties at a high example count.
"""

from __future__ import annotations

import codecs
import copy
import faulthandler
import gzip
import hashlib
import io
import json
import re
import resource
import signal
import sqlite3
import struct
import time
import traceback
import tracemalloc
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audience.config import CONFIG_TEMPLATE, load_rules
from audience.errors import ConfigError, InputError
from audience.importers.bluesky_car import read_bluesky_car
from audience.importers.contacts import read_contacts
from audience.importers.mastodon_export import read_mastodon_export
from audience.importers.social import save_social_import
from audience.importers.twarc import read_twarc
from audience.importers.x_archive import read_x_archive
from audience.people import save_contacts
from audience.segment import load_segment_config
from audience.store import Store, open_store

HERE = Path(__file__).parent
EXPORTS = HERE / "fixtures" / "exports"
EXAMPLES = HERE.parent / "examples"

CASE_SECONDS = 20.0  # a case slower than this, plus SECONDS_PER_MB, is reported as a hang
SECONDS_PER_MB = 2.0
MEMORY_HEADROOM = 2 * 1024**3  # address space a case may add before MemoryError
MAX_MESSAGE = 1000  # characters of an error message beyond the file's path
BOMB_PEAK_BYTES = 32 * 1024 * 1024  # what refusing a zip bomb may allocate
HUGE_SIZES = [10_000, 300_000]  # bytes of a "huge field" (the bench adds larger ones)
DEPTHS = [50, 199, 201, 999, 1_500, 100_000]  # nesting of "deeply nested" JSON/CBOR/TOML
VOLATILE = frozenset(
    {"first_seen", "last_seen", "taken_at", "changed_at", "updated_at", "added_at"}
)


# ---- running one case -------------------------------------------------------------------------


@dataclass
class Case:
    """Input files (path in the case folder -> bytes), what the reader is given, options."""

    target: str
    files: dict[str, bytes]
    entries: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def write(self, folder: Path) -> list[Path]:
        for name, data in self.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return [folder / entry for entry in self.entries]

    def size(self) -> int:
        return sum(len(data) for data in self.files.values())

    def __repr__(self) -> str:  # hypothesis prints failing cases: sizes, not megabytes
        sizes = {name: len(data) for name, data in self.files.items()}
        return f"Case({self.target!r}, notes={self.notes}, sizes={sizes}, options={self.options})"


@dataclass
class Outcome:
    kind: str  # imported | refused | crash | hang | memory | bad-error | changed | not-idempotent
    seconds: float
    detail: str = ""
    position: str | None = None

    @property
    def ok(self) -> bool:
        return self.kind in ("imported", "refused")


@dataclass(frozen=True)
class Target:
    name: str
    importer: str  # the family the bench reports by
    read: Callable[[list[Path], dict[str, Any]], Any]
    save: Callable[[Store, Any], Any] | None


class CaseTimeout(BaseException):
    """Raised by the alarm; a BaseException so no importer's ``except Exception`` eats it."""


@contextmanager
def limits(seconds: float) -> Iterator[None]:
    """A per-case time limit (SIGALRM) and address-space cap; faulthandler kills the process
    with a traceback if a case hangs where the alarm cannot reach (inside C code)."""

    def on_alarm(signum, frame):
        raise CaseTimeout

    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_limit = resource.getrlimit(resource.RLIMIT_AS)
    used = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    cap = used + MEMORY_HEADROOM
    if old_limit[1] == resource.RLIM_INFINITY or cap < old_limit[1]:
        resource.setrlimit(resource.RLIMIT_AS, (cap, old_limit[1]))
    faulthandler.dump_traceback_later(seconds * 3 + 30, exit=True)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()
        resource.setrlimit(resource.RLIMIT_AS, old_limit)
        signal.signal(signal.SIGALRM, old_handler)


def run_case(case: Case, folder: Path, seconds: float | None = None) -> Outcome:
    """Import ``case`` into a copy of the template workspace and judge the result."""
    seconds = seconds or CASE_SECONDS + SECONDS_PER_MB * case.size() / 1e6
    target = TARGETS[case.target]
    paths = case.write(folder)
    store = workspace_copy() if target.save else None
    start = time.perf_counter()
    try:
        with limits(seconds):
            try:
                _import(target, store, paths, case.options)
            except (InputError, ConfigError) as exc:
                return _judge_refusal(exc, store, paths, case, time.perf_counter() - start)
            elapsed = time.perf_counter() - start
            return _judge_import(target, store, paths, case.options, elapsed)
    except CaseTimeout:
        return Outcome("hang", time.perf_counter() - start, f"over {seconds:.0f} s")
    except MemoryError:
        return Outcome("memory", time.perf_counter() - start, _crash_detail())
    except Exception:
        return Outcome("crash", time.perf_counter() - start, _crash_detail())
    finally:
        if store is not None:
            store.close()


def _import(target: Target, store: Store | None, paths: list[Path], options: dict) -> None:
    parsed = target.read(paths, options)
    if store is not None:
        target.save(store, parsed)


def _judge_refusal(exc, store, paths: list[Path], case: Case, seconds: float) -> Outcome:
    message = str(exc)
    position = getattr(exc, "position", None)
    named = [p.name for p in paths] + (["owner"] if case.options.get("owner") else [])
    if not any(name in message for name in named):
        return Outcome("bad-error", seconds, f"message does not name the file: {message[:300]}")
    longest_path = max(len(str(p)) for p in paths)
    if len(message) > MAX_MESSAGE + longest_path:
        return Outcome("bad-error", seconds, f"message of {len(message)} characters")
    if store is not None and dump(store) != template_dump():
        return Outcome("changed", seconds, f"workspace changed after: {message[:300]}")
    if position is None and (line := re.search(r"line \d+", message)):
        position = line[0]  # ConfigError and TOML errors give the line in the message
    return Outcome("refused", seconds, f"{type(exc).__name__}: {message[:300]}", position)


def _judge_import(target, store, paths, options, seconds: float) -> Outcome:
    if store is None:
        return Outcome("imported", seconds)
    first = dump(store, VOLATILE)
    _import(target, store, paths, options)
    if dump(store, VOLATILE) != first:
        return Outcome("not-idempotent", seconds, "importing the same file twice changed rows")
    return Outcome("imported", seconds)


def _crash_detail() -> str:
    return traceback.format_exc(limit=-6)


@cache
def template() -> Store:
    """A workspace that already holds contacts and accounts, so merges and updates happen."""
    store = open_store(None)
    for name in ("google_contacts.csv", "linkedin_Connections.csv"):
        save_contacts(store, read_contacts(EXAMPLES / "contacts" / name), "examples")
    save_social_import(store, read_x_archive(EXAMPLES / "x" / "archive-2026-06-01.zip"))
    save_social_import(store, read_twarc(EXAMPLES / "x" / "users-press.jsonl"))
    save_social_import(store, read_mastodon_export(EXPORTS / "mastodon", owner="me@example.social"))
    return store


def workspace_copy() -> Store:
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    template().db.conn.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return Store(Database(conn), None)


@cache
def template_dump() -> dict[str, list]:
    return dump(template())


def dump(store: Store, skip: frozenset[str] = frozenset()) -> dict[str, list]:
    """Every row of every table (without the ``skip`` columns; full-text index shadow tables
    are left out when columns are skipped, as they follow the accounts table)."""
    tables = [
        row["name"]
        for row in store.query("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if not row["sql"].startswith("CREATE VIRTUAL")
        and not (skip and row["name"].startswith("accounts_fts"))
    ]
    result = {}
    for table in tables:
        cursor = store.execute(f'SELECT * FROM "{table}"')
        keep = [i for i, d in enumerate(cursor.description) if d[0] not in skip]
        result[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
    return result


# ---- readers, as the CLI calls them ----------------------------------------------------------


def _read_contacts(paths, options):
    return read_contacts(paths[0], mapping=options.get("mapping"))


def _save_contacts(store, book):
    return save_contacts(store, book, "fuzz")


def _read_config(paths, options):
    return load_rules(paths[0]), load_segment_config(paths[0])


def _social(reader):
    return lambda paths, options: reader(paths[0])


CONTACT_TARGETS = (
    "google-csv", "google-csv-legacy", "outlook-csv", "linkedin-csv", "generic-csv",
    "vcard-2.1", "vcard-3.0", "vcard-4.0", "linkedin-zip",
)
TARGETS: dict[str, Target] = {
    **{name: Target(name, "contacts", _read_contacts, _save_contacts) for name in CONTACT_TARGETS},
    "x-zip": Target("x-zip", "x-archive", _social(read_x_archive), save_social_import),
    "x-folder": Target("x-folder", "x-archive", _social(read_x_archive), save_social_import),
    "twarc": Target("twarc", "twarc", _social(read_twarc), save_social_import),
    "mastodon": Target(
        "mastodon", "mastodon",
        lambda paths, options: read_mastodon_export(paths, owner=options.get("owner")),
        save_social_import,
    ),
    "bluesky": Target("bluesky", "bluesky", _social(read_bluesky_car), save_social_import),
    "toml": Target("toml", "audience.toml", _read_config, None),
}


# ---- samples ---------------------------------------------------------------------------------

LEGACY_HEADER = (
    "Name,Given Name,Additional Name,Family Name,Name Prefix,Name Suffix,Nickname,Notes,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value"
)
LEGACY_ROWS = (
    'Łukasz Wiśniewski-Kowal,Łukasz,,Wiśniewski-Kowal,,,,"Met in Gdańsk\nat a conference",'
    "* My Contacts ::: Suppliers,* Work,lukasz@kowalski-synowie.example ::: lukasz.wk@example.net,"
    "Mobile,+44 7700 900103,Kowalski & Synowie Sp. z o.o.,CTO,Profile,"
    "https://www.linkedin.com/in/lukasz-wisniewski-kowal\n"
    ",,,,,,,,,,events-rsvp@fernandez-hermanos.example,,,,,,\n"
)
GENERIC_CSV = (
    "Name;Mail;Firma;Twitter;Tags\n"
    "Jane Doe;jane@lantern.example;Lantern Analytics;@janedoe;press, customers\n"
    "Kenji Watanabe;kenji@example.jp ::: k.w@example.net;;;\n"
    ";ops@rival.example;Rival Contact Ltd;;competitors\n"
)
VCARD_40 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nKIND:individual\r\n"
    "EMAIL;TYPE=work:ada@lantern.example\r\nTEL;VALUE=uri;TYPE=cell:tel:+44-7700-900123\r\n"
    "ORG:Lantern Analytics;Research\r\nTITLE:Chief Scientist\r\n"
    "ADR;TYPE=work:;;1 Main St;London;;EC1A 1BB;United Kingdom\r\n"
    "URL:https://lantern.example\r\n"
    "SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://mastodon.social/@ada\r\n"
    "NOTE:Prefers e-mail\\, never calls.\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Lantern Analytics\r\n"
    "ORG:Lantern Analytics\r\nEMAIL:press@lantern.example\r\nEND:VCARD\r\n"
)
UNCOMMENT = r"(?m)^# (\[.*\]|\w+ = .*)$"  # the template's commented-out examples
MASTODON_FILES = (
    "following_accounts.csv", "lists.csv", "blocked_accounts.csv", "muted_accounts.csv",
    "blocked_domains.csv",
)


def _first_lines(path: Path, count: int) -> bytes:
    return b"".join(path.read_bytes().splitlines(keepends=True)[:count])


@cache
def samples(target: str) -> tuple[tuple[str, bytes], ...]:
    """(file name, bytes) of the real samples a target's cases start from (read-only)."""
    found: dict[str, list[tuple[str, bytes]]] = {
        "google-csv": [("google.csv", (EXPORTS / "google_contacts.csv").read_bytes())],
        "google-csv-legacy": [
            ("google.csv", (LEGACY_HEADER + "\n" + LEGACY_ROWS).encode("utf-16")),
            ("google.csv", (LEGACY_HEADER + "\n" + LEGACY_ROWS).encode("utf-16-le")),
        ],
        "outlook-csv": [
            ("outlook.csv", (EXPORTS / "outlook_contacts.csv").read_bytes()),
            ("outlook.csv", (EXAMPLES / "contacts" / "outlook_contacts.csv").read_bytes()),
        ],
        "linkedin-csv": [
            ("Connections.csv", (EXPORTS / "linkedin" / "Connections.csv").read_bytes())
        ],
        "generic-csv": [("export.csv", GENERIC_CSV.encode())],
        "vcard-2.1": [("contacts.vcf", (EXPORTS / "contacts_android_v21.vcf").read_bytes())],
        "vcard-3.0": [
            ("contacts.vcf", (EXPORTS / "contacts_apple.vcf").read_bytes()),
            ("contacts.vcf", (EXPORTS / "contacts_google.vcf").read_bytes()),
        ],
        "vcard-4.0": [("contacts.vcf", VCARD_40.encode())],
        "linkedin-zip": [
            ("export.zip", next((EXPORTS / "linkedin").glob("*.zip")).read_bytes())
        ],
        "x-zip": [
            ("archive.zip", next(EXPORTS.glob("twitter-*.zip")).read_bytes()),
            ("archive.zip", (EXAMPLES / "x" / "archive-2026-11-19.zip").read_bytes()),
        ],
        "twarc": [
            ("search.jsonl", _first_lines(EXAMPLES / "x" / "search-contactcentre.jsonl", 3)),
            ("following.jsonl", _first_lines(EXAMPLES / "x" / "following-press.jsonl", 2)),
            ("users.jsonl", _first_lines(EXAMPLES / "x" / "users-network.jsonl", 3)),
            ("followers.jsonl", _recorded_pages("get_users_followers.tweepy_sync_783214.json")),
            ("members.jsonl", _recorded_pages("get_list_members.tweepy_sync_84839422.json")),
        ],
        "bluesky": [("repo.car", (EXPORTS / "bluesky" / "repo.car").read_bytes())],
        "toml": [
            ("audience.toml", re.sub(UNCOMMENT, r"\1", CONFIG_TEMPLATE).encode()),
            ("audience.toml", _demo_config().encode()),
        ],
    }
    return tuple(found[target])


def _recorded_pages(name: str) -> bytes:
    recording = json.loads((HERE / "fixtures" / "x" / name).read_text())
    lines = []
    for interaction in recording["interactions"]:
        page = dict(interaction["response"]["body"])
        page["__twarc"] = {"url": interaction["request"]["url"], "version": "2.14.0"}
        lines.append(json.dumps(page))
    return ("\n".join(lines) + "\n").encode()


def _demo_config() -> str:
    from audience.demo import DEMO_CONFIG

    return DEMO_CONFIG


@cache
def folder_sample(folder: Path) -> tuple[tuple[str, bytes], ...]:
    return tuple(
        (str(p.relative_to(folder.parent)), p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )


# ---- byte and text mutations -----------------------------------------------------------------

HUGE_UNITS = [
    b"A", "é".encode(), b'"', b",", b";", b"\t", b"\n", b"\r", b"[", b"{", b'{"a":', b"=",
    b"\\", b" ", b"\x00", b"=\r\n", b" ::: ", b"\xff", b"BEGIN:VCARD\r\n", b'"",',
]
ENCODINGS = ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "latin-1", "cp1252", "utf-8-sig",
             "shift_jis", "utf-7", "cp037"]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


def _at(draw, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def truncate(draw, data):
    return data[: _at(draw, data)]


def flip_bytes(draw, data):
    if not data:
        return data
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        buf[draw(st.integers(0, len(buf) - 1))] = draw(st.integers(0, 255))
    return bytes(buf)


def insert_bytes(draw, data):
    at = _at(draw, data)
    return data[:at] + draw(st.binary(min_size=1, max_size=32)) + data[at:]


def insert_nul(draw, data):
    at = _at(draw, data)
    return data[:at] + b"\x00" * draw(st.integers(1, 4)) + data[at:]


def huge_field(draw, data):
    unit = draw(st.sampled_from(HUGE_UNITS) | st.binary(min_size=1, max_size=4))
    size = draw(st.sampled_from(HUGE_SIZES))
    at = _at(draw, data)
    return data[:at] + unit * (size // len(unit)) + data[at:]


def random_bytes(draw, data):
    return draw(st.binary(max_size=512))


def empty(draw, data):
    return draw(st.sampled_from([b"", b"\n", b" \r\n\t", codecs.BOM_UTF8]))


def drop_line(draw, data):
    lines = _lines(data)
    if lines:
        del lines[draw(st.integers(0, len(lines) - 1))]
    return b"".join(lines)


def drop_header(draw, data):
    return b"".join(_lines(data)[draw(st.integers(1, 3)) :])


def duplicate_line(draw, data):
    lines = _lines(data)
    if lines:
        i = draw(st.integers(0, len(lines) - 1))
        lines.insert(i, lines[i])
    return b"".join(lines)


def swap_lines(draw, data):
    lines = _lines(data)
    if len(lines) > 1:
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def duplicate_column(draw, data):
    sep = draw(st.sampled_from([b",", b";", b"\t"]))
    column = draw(st.integers(0, 8))
    out = []
    for line in _lines(data):
        cells = line.rstrip(b"\r\n").split(sep)
        if column < len(cells):
            cells.insert(column, cells[column])
        out.append(sep.join(cells) + line[len(line.rstrip(b"\r\n")) :])
    return b"".join(out)


def reencode(draw, data):
    text = data.decode("utf-8", errors="replace")
    if draw(st.booleans()):
        return draw(st.sampled_from(BOMS)) + data
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


def line_endings(draw, data):
    ending = draw(st.sampled_from([b"\r\n", b"\r", b"\r\r\n", b"\n\n", b"\x85"]))
    return data.replace(b"\r\n", b"\n").replace(b"\n", ending)


def repeat(draw, data):
    return data * draw(st.integers(2, 3))


def splice_text(draw, data):
    at = _at(draw, data)
    return data[:at] + draw(st.text(max_size=40)).encode("utf-8", "surrogatepass") + data[at:]


BYTE_OPS = [truncate, flip_bytes, insert_bytes, insert_nul, huge_field, random_bytes, empty]
TEXT_OPS = [drop_line, drop_header, duplicate_line, swap_lines, duplicate_column, reencode,
            line_endings, repeat, splice_text]


def mutate(draw, data: bytes, ops: list, notes: list[str], most: int = 3) -> bytes:
    for _ in range(draw(st.integers(0, most))):
        op = draw(st.sampled_from(ops))
        notes.append(op.__name__)
        data = op(draw, data)
    return data


# ---- structured mutations: JSON, X data files, zips, CAR, TOML -------------------------------

KEYS = [
    "id", "id_str", "text", "author_id", "username", "name", "data", "includes", "users",
    "tweets", "errors", "entities", "mentions", "hashtags", "user_mentions", "screen_name",
    "accountId", "created_at", "createdAt", "url", "owner_id", "member_count", "private",
    "__twarc", "referenced_tweets", "author", "in_reply_to_user", "public_metrics", "full_text",
    "favorite_count", "in_reply_to_user_id_str", "in_reply_to_screen_name", "userInfo",
    "archiveInfo", "generationDate", "userListInfo", "description", "bio", "website",
    "location", "avatarMediaUrl", "profile", "account", "subject", "list", "facets", "index",
    "byteStart", "byteEnd", "features", "$type", "did", "tag", "tags", "langs", "displayName",
    "e", "l", "k", "p", "t", "v", "lang", "following", "follower", "tweet", "start", "end",
]
INTERESTING = [
    "", "0", "-1", "12.5", "1" * 25, "did:", "did:plc:abc", "at://", "at://did:plc:a/x/y",
    "https://x.com/someone/lists/123", "https://api.x.com/2/users/1/followers",
    "https://api.x.com/2/lists/9/members", "@", "a@b", "a@b.c", "@a@b.c",
    "Wed Oct 10 20:19:24 +0000 2018", "2024-13-45T99:99:99Z", "2024-01-01T00:00:00Z",
    "\x00", "\ud800", "\u202e", "😀" * 3, "=cmd|' /C calc'!A0", "app.bsky.feed.post",
    "app.bsky.graph.follow", "app.bsky.richtext.facet#mention", "window.YTD.x.part0 = [",
]
NEST = "\x00nest\x00"
NEST_JSON = json.dumps(NEST)


def json_values(extra: st.SearchStrategy | None = None) -> st.SearchStrategy:
    leaves = (
        st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats()
        | st.text(max_size=12) | st.sampled_from(INTERESTING)
    )
    if extra is not None:
        leaves = leaves | extra
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=3),
        max_leaves=6,
    )


def _spots(value: Any, limit: int = 3000) -> list[tuple[Any, Any]]:
    """(container, key) of every node, the root as (None, None); breadth first, capped."""
    spots: list[tuple[Any, Any]] = [(None, None)]
    queue = [value]
    while queue and len(spots) < limit:
        item = queue.pop(0)
        keys = list(item) if isinstance(item, dict) else range(len(item)) if isinstance(
            item, list) else ()
        for key in keys:
            spots.append((item, key))
            queue.append(item[key])
    return spots


def mutate_value(draw, value: Any, notes: list[str], extra=None) -> Any:
    """A copy of a JSON-like value with one node replaced, deleted, nested deep or made huge
    (the NEST placeholder stands for deep nesting, expanded after serialising)."""
    value = copy.deepcopy(value)
    container, key = draw(st.sampled_from(_spots(value)))
    op = draw(st.sampled_from(["replace", "delete", "nest", "huge", "duplicate"]))
    notes.append(f"json-{op}")
    if op == "replace":
        new = draw(json_values(extra))
    elif op == "nest":
        new = NEST
    elif op == "huge":
        new = "x" * draw(st.sampled_from(HUGE_SIZES))
    elif op == "duplicate" and isinstance(container, list):
        container.insert(key, copy.deepcopy(container[key]))
        return value
    elif op == "delete" and container is not None:
        del container[key]
        return value
    else:
        new = None
    if container is None:
        return new
    container[key] = new
    return value


def dumps_mutated(draw, value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if NEST_JSON in text:
        depth = draw(st.sampled_from(DEPTHS))
        text = text.replace(NEST_JSON, "[" * depth + "]" * depth, 1)
    return text.encode("utf-8", "surrogatepass")


def mutate_jsonl(draw, data: bytes, notes: list[str]) -> bytes:
    lines = data.split(b"\n")
    candidates = [i for i, line in enumerate(lines) if line.strip()]
    if not candidates:
        return data
    i = draw(st.sampled_from(candidates))
    try:
        value = json.loads(lines[i])
    except (ValueError, RecursionError):  # an earlier mutation broke it already
        return data
    lines[i] = dumps_mutated(draw, mutate_value(draw, value, notes))
    return b"\n".join(lines)


def mutate_js(draw, data: bytes, notes: list[str]) -> bytes:
    """An X archive ``window.YTD.x.part0 = [...]`` file with its JSON mutated."""
    text = data.decode("utf-8-sig")
    equals = text.find("=")
    if equals < 0:
        return data
    try:
        value = json.loads(text[equals + 1 :])
    except RecursionError:
        return data
    return text[: equals + 1].encode() + b" " + dumps_mutated(
        draw, mutate_value(draw, value, notes)
    )


# zips

ESCAPING = ["../evil.js", "/etc/data/following.js", "C:\\data\\following.js",
            "data/../../data/following.js", "..\\..\\Connections.csv", "../Connections.csv"]


def build_zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return buffer.getvalue()


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@cache
def deflated_zeros(size: int) -> tuple[bytes, int]:
    """Raw deflate of ``size`` zero bytes, and its CRC (computed once per size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1024 * 1024)
    parts, crc = [], 0
    for _ in range(size // len(chunk)):
        parts.append(compressor.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts.append(compressor.flush())
    return b"".join(parts), crc


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand: (name, payload, method, crc, declared size) per entry, so the
    header can claim any size (a lying bomb) and the payload need not be re-compressed."""
    out, central = bytearray(), bytearray()
    for name, payload, method, crc, size in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc,
                           len(payload), size, len(encoded), 0) + encoded + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21,
                               crc, len(payload), size, len(encoded), 0, 0, 0, 0, 0,
                               offset) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(out), 0)
    return bytes(out + central + end)


def zip_bomb(name: str, real: int, declared: int | None = None,
             others: list[tuple[str, bytes]] = ()) -> bytes:
    payload, crc = deflated_zeros(real)
    entries = [(n, d, 0, zlib.crc32(d), len(d)) for n, d in others]
    return raw_zip([*entries, (name, payload, 8, crc, real if declared is None else declared)])


def patch_central(data: bytes, index: int, *, flags: int | None = None,
                  method: int | None = None) -> bytes:
    """Set the flag bits or compression method of the index-th central directory entry."""
    buf = bytearray(data)
    starts = [m.start() for m in re.finditer(re.escape(b"PK\x01\x02"), data)]
    if not starts:
        return data
    at = starts[index % len(starts)]
    if flags is not None:
        struct.pack_into("<H", buf, at + 8, flags)
    if method is not None:
        struct.pack_into("<H", buf, at + 10, method)
    return bytes(buf)


def mutate_zip(draw, data: bytes, content_op, bomb_name: str, notes: list[str]) -> bytes:
    """A zip export with one member mutated, or one of the zip-level attacks."""
    members = zip_members(data)
    op = draw(st.sampled_from(
        ["member", "member", "member", "drop", "escape", "bomb", "lying-bomb", "encrypted",
         "method", "duplicate", "bytes", "many"]
    ))
    notes.append(f"zip-{op}")
    i = draw(st.integers(0, len(members) - 1))
    if op == "member":
        name, content = members[i]
        members[i] = (name, content_op(draw, name, content, notes))
    elif op == "drop":
        del members[i]
    elif op == "escape":
        members.insert(i, (draw(st.sampled_from(ESCAPING)), members[i][1]))
    elif op == "bomb":
        return zip_bomb(bomb_name, draw(st.sampled_from([150, 300])) * 1024 * 1024,
                        others=[m for m in members if m[0] != bomb_name])
    elif op == "lying-bomb":
        return zip_bomb(bomb_name, 256 * 1024 * 1024, draw(st.sampled_from([100, 900_000])),
                        others=[m for m in members if m[0] != bomb_name])
    elif op == "encrypted":
        return patch_central(build_zip(members), i, flags=draw(st.sampled_from([1, 8, 64])))
    elif op == "method":
        return patch_central(build_zip(members), i, method=draw(st.sampled_from([1, 12, 14, 99])))
    elif op == "duplicate":
        members.append(members[i])
    elif op == "bytes":
        return mutate(draw, build_zip(members), BYTE_OPS, notes, most=2)
    elif op == "many":
        members += [(f"junk/{n}.txt", b"") for n in range(10_001)]
    return build_zip(members)


# CAR

def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def cid_for(block: bytes) -> bytes:
    return b"\x01\x71\x12\x20" + hashlib.sha256(block).digest()


def build_car(roots: list[bytes], blocks: dict[bytes, bytes]) -> bytes:
    import libipld

    header = libipld.encode_dag_cbor({"version": 1, "roots": roots})
    out = bytearray(_varint(len(header)) + header)
    for cid, block in blocks.items():
        out += _varint(len(cid) + len(block)) + cid + block
    return bytes(out)


def _replace_link(value: Any, old: bytes, new: bytes) -> Any:
    if isinstance(value, bytes):
        return new if value == old else value
    if isinstance(value, dict):
        return {k: _replace_link(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_link(v, old, new) for v in value]
    return value


def _relink(blocks: dict[bytes, bytes], values: dict[bytes, Any], roots: list[bytes],
            old: bytes, new: bytes) -> None:
    """Re-point every link from ``old`` to ``new`` and re-hash the blocks on the way up."""
    import libipld

    pending = [(old, new)]
    for _ in range(500):
        if not pending:
            return
        old, new = pending.pop()
        roots[:] = [new if r == old else r for r in roots]
        for cid in list(values):
            replaced = _replace_link(values[cid], old, new)
            if replaced != values[cid]:
                block = libipld.encode_dag_cbor(replaced)
                del values[cid], blocks[cid]
                values[cid_for(block)], blocks[cid_for(block)] = replaced, block
                pending.append((cid, cid_for(block)))


def mutate_car(draw, data: bytes, notes: list[str]) -> bytes:
    """A Bluesky repo with one block mutated and every CID on its path re-hashed, so the
    change gets past the integrity check into the parser; or byte-level damage."""
    import libipld

    try:
        header, values = libipld.decode_car(data)
    except ValueError:  # an earlier mutation broke the framing already
        return mutate(draw, data, BYTE_OPS, notes, most=1)
    values = dict(values)
    blocks = {cid: libipld.encode_dag_cbor(v) for cid, v in values.items()}
    roots = list(header["roots"])
    op = draw(st.sampled_from(["value", "value", "value", "drop", "deep", "bytes", "huge"]))
    notes.append(f"car-{op}")
    cids = list(values)
    cid = draw(st.sampled_from(cids))
    if op == "bytes":
        return mutate(draw, data, BYTE_OPS, notes, most=2)
    if op == "drop":
        del values[cid], blocks[cid]
        return build_car(roots, blocks)
    if op == "deep":
        placeholder = "P" * 11
        block = libipld.encode_dag_cbor({"$type": "app.bsky.feed.post", "text": "x",
                                         "deep": placeholder})
        depth = draw(st.sampled_from(DEPTHS))
        block = block.replace(b"\x6b" + placeholder.encode(), b"\x81" * depth + b"\x00")
        new_value: Any = None
    else:
        links = st.sampled_from(cids) | st.binary(max_size=40)
        new_value = mutate_value(draw, values[cid], notes, extra=links)
        if op == "huge":
            new_value = {"$type": "app.bsky.feed.post",
                         "text": "é" * draw(st.sampled_from(HUGE_SIZES))}
        try:
            block = libipld.encode_dag_cbor(new_value)
        except Exception:  # a value DAG-CBOR cannot hold (NaN, a 70-bit int...)
            notes.append("unencodable")
            return data
    new_cid = cid_for(block)
    del values[cid], blocks[cid]
    values[new_cid], blocks[new_cid] = new_value, block
    try:
        _relink(blocks, values, roots, cid, new_cid)
    except Exception:
        notes.append("unencodable")
        return data
    return build_car(roots, blocks)


# TOML

TOML_SNIPPETS = [
    "[segments.press]", 'keywords = ["journalist"]', 'keywords = "journalist"',
    "keywords = [1, 2]", 'keywords = ["  "]', 'detect_journalists = "yes"',
    "detect_journalists = true", 'domains = ["not a domain"]', 'domains = ["Example.COM"]',
    "[segments]", 'protected = "press"', 'primary_order = [["press"]]', "[roles]",
    'press_terms = ["stringer"]', 'former_markers = "ex"', "unknown = 1", "[topics]",
    "keywords = [", 'hashtags = ["#a", 2]', "[geography]", 'home_regions = "GB"',
    "segments = 5", "[[segments]]", "[segments.press.nested]", "x = 1979-05-27T07:32:00Z",
    "a.b.c = 1", '"quoted key" = 1', '[segments."weird name"]', "lists = ['x:1']",
    "topics = []", "[prune]", "inactive_days = -1", 'key = """', "[segments.customers]",
    "organisations = []", 'handles = ["@a", "b"]', "[roles.x]", "roles = 1", "= 1",
    "[segments.competitors]\ndomains = ['rival.example', '']",
]


def toml_snippet(draw, data):
    lines = _lines(data)
    snippet = draw(st.sampled_from(TOML_SNIPPETS + ["NEST"]))
    if snippet == "NEST":
        depth = draw(st.sampled_from(DEPTHS))
        snippet = draw(st.sampled_from(["a = " + "[" * depth + "]" * depth,
                                        "a = " + "{b=" * depth + "1" + "}" * depth]))
    lines.insert(draw(st.integers(0, len(lines))), snippet.encode() + b"\n")
    return b"".join(lines)


# ---- strategies -------------------------------------------------------------------------------


def _csv_member_op(draw, name: str, content: bytes, notes: list[str]) -> bytes:
    return mutate(draw, content, TEXT_OPS + BYTE_OPS, notes)


def _js_member_op(draw, name: str, content: bytes, notes: list[str]) -> bytes:
    if name.endswith(".js") and draw(st.booleans()):
        try:
            return mutate_js(draw, content, notes)
        except ValueError:  # not UTF-8 or not JSON after an earlier mutation
            pass
    return mutate(draw, content, TEXT_OPS + BYTE_OPS, notes)


@st.composite
def contact_cases(draw, target: str) -> Case:
    name, data = draw(st.sampled_from(samples(target)))
    notes: list[str] = []
    if target == "linkedin-zip":
        data = mutate_zip(draw, data, _csv_member_op, "Connections.csv", notes)
    else:
        data = mutate(draw, data, TEXT_OPS + BYTE_OPS, notes)
    options = {}
    if target == "generic-csv" and draw(st.booleans()):
        options["mapping"] = draw(st.dictionaries(
            st.sampled_from(["full_name", "emails", "organisation", "x", "name", "Mail", "nope"]),
            st.sampled_from(["Name", "Mail", "Firma", "Twitter", "Tags", "missing", "emails"]),
            min_size=1, max_size=3,
        ))
    return Case(target, {name: data}, (name,), options, notes)


@st.composite
def x_zip_cases(draw) -> Case:
    name, data = draw(st.sampled_from(samples("x-zip")))
    notes: list[str] = []
    data = mutate_zip(draw, data, _js_member_op, "data/tweets.js", notes)
    return Case("x-zip", {name: data}, (name,), {}, notes)


@st.composite
def x_folder_cases(draw) -> Case:
    files = dict(folder_sample(EXPORTS / "twitter-archive"))
    names = sorted(files)
    notes: list[str] = []
    for _ in range(draw(st.integers(0, 2))):
        name = draw(st.sampled_from(names))
        op = draw(st.sampled_from(["content", "content", "drop", "rename", "part"]))
        notes.append(f"folder-{op}")
        if op == "content" and name in files:
            files[name] = _js_member_op(draw, name, files[name], notes)
        elif op == "drop":
            files.pop(name, None)
        elif op == "rename" and name in files:
            files[name.replace(".js", draw(st.sampled_from(["-part1.js", "-part00.js",
                                                              ".JS", "-part.js"])))] = files[name]
        elif op == "part" and name in files:
            files[name.replace(".js", "-part2.js")] = files[name]
    entry = draw(st.sampled_from(["twitter-archive", "twitter-archive/data"]))
    if not files:
        files["twitter-archive/data/.keep"] = b""
    return Case("x-folder", files, (entry,), {}, notes)


@st.composite
def twarc_cases(draw) -> Case:
    name, data = draw(st.sampled_from(samples("twarc")))
    notes: list[str] = []
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            data = mutate_jsonl(draw, data, notes)
        else:
            data = mutate(draw, data, TEXT_OPS + BYTE_OPS, notes, most=1)
    if draw(st.integers(0, 4)) == 0:
        name += ".gz"
        data = gzip.compress(data, mtime=0)
        notes.append("gzip")
        data = mutate(draw, data, BYTE_OPS, notes, most=1)
    return Case("twarc", {name: data}, (name,), {}, notes)


@st.composite
def mastodon_cases(draw) -> Case:
    chosen = draw(st.lists(st.sampled_from(MASTODON_FILES), min_size=1, max_size=3, unique=True))
    files = {f"export/{n}": (EXPORTS / "mastodon" / n).read_bytes() for n in chosen}
    notes: list[str] = []
    target = draw(st.sampled_from(sorted(files)))
    files[target] = mutate(draw, files[target], TEXT_OPS + BYTE_OPS, notes)
    if draw(st.integers(0, 3)) == 0:
        files["export/export.csv"] = files.pop(target)
        notes.append("renamed")
    entries = ("export",) if draw(st.booleans()) else tuple(sorted(files))
    owner = draw(st.sampled_from([None, "me@example.social", "@Me@Example.Social", "me",
                                  "a@b@c"]))
    return Case("mastodon", files, entries, {"owner": owner}, notes)


@st.composite
def bluesky_cases(draw) -> Case:
    name, data = draw(st.sampled_from(samples("bluesky")))
    notes: list[str] = []
    for _ in range(draw(st.integers(0, 2))):
        data = mutate_car(draw, data, notes)
    return Case("bluesky", {name: data}, (name,), {}, notes)


@st.composite
def toml_cases(draw) -> Case:
    name, data = draw(st.sampled_from(samples("toml")))
    notes: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            notes.append("toml_snippet")
            data = toml_snippet(draw, data)
        else:
            data = mutate(draw, data, TEXT_OPS + BYTE_OPS, notes, most=1)
    return Case("toml", {name: data}, (name,), {}, notes)


def cases(target: str) -> st.SearchStrategy[Case]:
    special = {
        "x-zip": x_zip_cases, "x-folder": x_folder_cases, "twarc": twarc_cases,
        "mastodon": mastodon_cases, "bluesky": bluesky_cases, "toml": toml_cases,
    }
    return special[target]() if target in special else contact_cases(target)


# ---- the properties ---------------------------------------------------------------------------

EXAMPLES_PER_TARGET = {
    "x-zip": 30, "x-folder": 25, "twarc": 30, "bluesky": 30, "toml": 60, "mastodon": 40,
}
FUZZ_SETTINGS = dict(
    deadline=None, database=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def check(case: Case, tmp_path_factory) -> None:
    outcome = run_case(case, tmp_path_factory.mktemp("case"))
    assert outcome.ok, f"{outcome.kind} on {case.notes}:\n{outcome.detail}"


def _property(target: str):
    @settings(max_examples=EXAMPLES_PER_TARGET.get(target, 30), **FUZZ_SETTINGS)
    @given(case=cases(target))
    def test(tmp_path_factory, case):
        check(case, tmp_path_factory)

    test.__name__ = f"test_fuzzed_{target.replace('-', '_').replace('.', '')}"
    return test


for _target in TARGETS:
    _test = _property(_target)
    globals()[_test.__name__] = _test
del _target, _test


def test_unmutated_samples_import(tmp_path_factory):
    """The starting points themselves import (so the properties fuzz from a valid base)."""
    for target in TARGETS:
        if target in ("x-folder", "mastodon"):
            continue
        for name, data in samples(target):
            case = Case(target, {name: data}, (name,))
            outcome = run_case(case, tmp_path_factory.mktemp("sample"))
            assert outcome.kind == "imported", (target, outcome)


# ---- zip bombs and escaping paths: refused without inflating ----------------------------------


def _peak_while(action: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        try:
            result: Any = action()
        except InputError as exc:
            result = exc
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("declared", [None, 100, 900_000])
@pytest.mark.parametrize(
    ("reader", "member"),
    [(read_x_archive, "data/tweets.js"), (read_contacts, "Connections.csv")],
)
def test_zip_bomb_refused_without_inflating(tmp_path, reader, member, declared):
    path = tmp_path / "bomb.zip"
    path.write_bytes(zip_bomb(member, 300 * 1024 * 1024, declared))
    result, peak = _peak_while(lambda: reader(path))
    assert isinstance(result, InputError) and "bomb.zip" in str(result), result
    assert peak < BOMB_PEAK_BYTES, f"{peak} bytes allocated refusing a bomb"


@pytest.mark.parametrize("name", ESCAPING)
@pytest.mark.parametrize(
    ("reader", "sample"), [(read_x_archive, "x-zip"), (read_contacts, "linkedin-zip")]
)
def test_zip_entry_escaping_the_folder_is_refused(tmp_path, reader, sample, name):
    members = zip_members(samples(sample)[0][1])
    path = tmp_path / "export.zip"
    path.write_bytes(build_zip([*members, (name, b"x")]))
    with pytest.raises(InputError, match="export.zip"):
        reader(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.zip"]  # nothing extracted


# ---- regressions: the exact inputs that crashed or hung before the importers were fixed -------


def _refused(case: Case, tmp_path: Path, problem: str, seconds: float | None = None) -> None:
    outcome = run_case(case, tmp_path, seconds)
    assert outcome.kind == "refused", outcome
    assert problem in outcome.detail, outcome.detail


def _zip_case(target: str, name: str, data: bytes) -> Case:
    return Case(target, {name: data}, (name,))


@pytest.mark.parametrize(("target", "member"),
                         [("x-zip", "data/account.js"), ("linkedin-zip", "Connections.csv")])
@pytest.mark.parametrize(
    ("patch", "problem"),
    [
        # zipfile raised RuntimeError (encrypted), NotImplementedError (strong encryption,
        # unknown method) and zlib.error (corrupt deflate data): x_archive._read_entry,
        # contact_csv.read_linkedin_zip
        ({"flags": 1}, "encrypted or unsupported zip entry"),
        ({"flags": 64}, "encrypted or unsupported zip entry"),
        ({"method": 99}, "encrypted or unsupported zip entry"),
        (None, "invalid block type"),
    ],
)
def test_regression_unreadable_zip_entries(tmp_path, target, member, patch, problem):
    members = zip_members(samples(target)[0][1])
    if patch is None:
        others = [(n, d, 0, zlib.crc32(d), len(d)) for n, d in members if n != member]
        data = raw_zip([(member, b"\xff" * 20, 8, 0, 300), *others])
    else:
        index = [n for n, _ in members].index(member)
        data = patch_central(build_zip(members), index, **patch)
    _refused(_zip_case(target, "export.zip", data), tmp_path, problem)


def test_regression_twarc_corrupt_gzip(tmp_path):
    # twarc._lines let zlib.error out of gzip
    data = bytearray(gzip.compress(samples("twarc")[0][1], mtime=0))
    data[40:60] = b"\xff" * 20
    _refused(Case("twarc", {"search.jsonl.gz": bytes(data)}, ("search.jsonl.gz",)), tmp_path,
             "line 1: unreadable")


def test_regression_twarc_line_not_utf8(tmp_path):
    # social.loads_json let UnicodeDecodeError out of json.loads(bytes)
    data = b'{"data": []}\n\xba{"data": []}\n'
    _refused(Case("twarc", {"search.jsonl": data}, ("search.jsonl",)), tmp_path,
             "line 2: not UTF-8 text")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        # store._fingerprint: unhashable list/dict; store._account_row: int("xxx");
        # store.upsert_posts: a list bound as a parameter
        ("name", ["a"]),
        ("description", {"a": 1}),
        ("protected", "x" * 70),
        ("public_metrics", {"followers_count": [1]}),
        ("public_metrics", [1]),
        ("entities", {"url": [1]}),
        ("most_recent_tweet_id", "9" * 30),
    ],
)
def test_regression_twarc_user_field_of_wrong_type(tmp_path, field, value):
    user = {"id": "12", "username": "someone", "name": "Some One", field: value}
    data = json.dumps({"data": [user]}).encode() + b"\n"
    _refused(Case("twarc", {"users.jsonl": data}, ("users.jsonl",)), tmp_path,
             "line 1: 12")


@pytest.mark.parametrize(
    ("field", "value"),
    [("lang", ["en"]), ("text", {"a": 1}), ("public_metrics", {"like_count": "many"}),
     ("entities", {"hashtags": [{"tag": 5}]}), ("entities", [1]), ("referenced_tweets", 5)],
)
def test_regression_twarc_tweet_field_of_wrong_type(tmp_path, field, value):
    tweet = {"id": "34", "author_id": "12", "text": "hello", field: value}
    page = tweet if field == "referenced_tweets" else {"data": [tweet]}  # flattened tweet
    data = json.dumps(page).encode() + b"\n"
    _refused(Case("twarc", {"tweets.jsonl": data}, ("tweets.jsonl",)), tmp_path, "line 1")


def test_regression_twarc_page_fields_of_wrong_type(tmp_path):
    lines = [{"data": [], "errors": 5}, {"data": [], "includes": {"users": 3}}]
    for number, page in enumerate(lines, 1):
        data = json.dumps(page).encode()
        case = Case("twarc", {f"p{number}.jsonl": data}, (f"p{number}.jsonl",))
        _refused(case, tmp_path / str(number), "is not a list")
    data = json.dumps({"data": [], "__twarc": "not an object"}).encode()
    assert run_case(Case("twarc", {"t.jsonl": data}, ("t.jsonl",)), tmp_path).kind == "imported"


def _rebuilt_car(change: Callable[[dict[str, Any]], None]) -> bytes:
    """The sample repo with ``change`` applied to its commit block, the root re-hashed."""
    import libipld

    header, values = libipld.decode_car(samples("bluesky")[0][1])
    values = dict(values)
    root = header["roots"][0]
    commit = dict(values[root])
    change(commit)
    block = libipld.encode_dag_cbor(commit)
    blocks = {cid: libipld.encode_dag_cbor(v) for cid, v in values.items() if cid != root}
    return build_car([cid_for(block)], {cid_for(block): block, **blocks})


@pytest.mark.parametrize(
    "link",
    [
        b"\x02\x71\x12\x20" + bytes(32),  # CID version 2: CID.__hash__ raised ValueError
        b"\x01\x71\x12\x20" + b"\xff" * 2,  # truncated digest: multibase encoding failed
        b"\x02" + b"z" * 20_000_000,  # named in full: a 20 MB message
    ],
    ids=["version-2", "short-digest", "huge"],
)
def test_regression_bluesky_link_that_is_not_a_cid(tmp_path, link):
    data = _rebuilt_car(lambda commit: commit.update(data=link))
    _refused(Case("bluesky", {"repo.car": data}, ("repo.car",)), tmp_path, "bad CID link")


@pytest.mark.parametrize("value", ["a = " + "[" * 1000 + "]" * 1000,
                                   "a = " + "{b=" * 600 + "1" + "}" * 600])
def test_regression_toml_nested_too_deeply(tmp_path, value):
    # config.load_rules let RecursionError out of tomllib
    case = Case("toml", {"audience.toml": value.encode()}, ("audience.toml",))
    _refused(case, tmp_path, "nested too deeply")


def test_regression_x_profile_description_not_an_object(tmp_path):
    # x_archive._owner called .get on a string
    files = dict(folder_sample(EXPORTS / "twitter-archive"))
    files["twitter-archive/data/profile.js"] = (
        b'window.YTD.profile.part0 = [{"profile": {"description": "' + b"x" * 300 + b'"}}]'
    )
    outcome = run_case(Case("x-folder", files, ("twitter-archive",)), tmp_path)
    assert outcome.kind == "imported", outcome


def test_regression_x_huge_list_url_gives_a_short_message(tmp_path):
    files = dict(folder_sample(EXPORTS / "twitter-archive"))
    files["twitter-archive/data/lists-created.js"] = (
        b'window.YTD.lists_created.part0 = [{"userListInfo": {"url": "' + b"x" * 100_000
        + b'"}}]'
    )
    _refused(Case("x-folder", files, ("twitter-archive",)), tmp_path,
             "lists-created.js, entry 1: not an X list URL")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        # 20 M columns: _guess_columns folded every header cell for every field (123 s)
        (b"PK\x03" + b"," * 2_000_000, "2000001 columns: not a CSV"),
        # 20 M empty lines before any header (39 s)
        (b"\x92\xfc" + b"\r" * 5_000_000, "no header row"),
    ],
    ids=["columns", "blank-lines"],
)
def test_regression_contact_csv_that_took_minutes(tmp_path, data, problem):
    case = Case("generic-csv", {"contacts.csv": data}, ("contacts.csv",))
    _refused(case, tmp_path, problem, seconds=5)  # 10 s and more before, under 1 s now


def test_regression_toml_huge_unknown_key_gives_a_short_message(tmp_path):
    # segment._Checker.error named a 10,000-character key in full
    text = "[segments.press]\n" + "k" * 10_000 + " = 1\n"
    case = Case("toml", {"audience.toml": text.encode()}, ("audience.toml",))
    _refused(case, tmp_path, "unknown key")


def _car_with_post(post: dict) -> bytes:
    """The sample repo with one more record, ``app.bsky.feed.post/zzz``, under the root node."""
    import libipld

    header, values = libipld.decode_car(samples("bluesky")[0][1])
    values = dict(values)
    commit = dict(values[header["roots"][0]])
    root_node = dict(values[commit["data"]])
    record = libipld.encode_dag_cbor(post)
    key = b"app.bsky.feed.post/zzzzzzzzzzzzz"
    entry = {"k": key, "p": 0, "t": None, "v": cid_for(record)}
    root_node["e"] = [*root_node["e"], entry]
    node = libipld.encode_dag_cbor(root_node)
    commit["data"] = cid_for(node)
    top = libipld.encode_dag_cbor(commit)
    blocks = {cid: libipld.encode_dag_cbor(v) for cid, v in values.items()}
    blocks.update({cid_for(record): record, cid_for(node): node, cid_for(top): top})
    return build_car([cid_for(top)], blocks)


@pytest.mark.parametrize(
    ("post", "outcome"),
    [
        # bluesky_car._mention_hints called .get on a str/list index and feature
        ({"text": "hi @a.b", "facets": [{"index": "0-3", "features": []}]}, "imported"),
        ({"text": "hi", "facets": [{"index": {"byteStart": 0, "byteEnd": 2},
                                    "features": ["x", ["y"]]}]}, "imported"),
        ({"text": "hi", "tags": 5, "facets": 7}, "imported"),
        ({"text": "hi", "tags": ["ok", 5, ["x"]]}, "imported"),
        # bluesky_car._plain: RecursionError on a deeply nested record
        ({"text": "hi", "deep": json.loads("[" * 900 + "]" * 900)}, "refused"),
    ],
    ids=["index-text", "features-not-objects", "tags-facets-not-lists", "tags-mixed", "deep"],
)
def test_regression_bluesky_post_fields_of_wrong_type(tmp_path, post, outcome):
    data = _car_with_post({"$type": "app.bsky.feed.post", **post})
    result = run_case(Case("bluesky", {"repo.car": data}, ("repo.car",)), tmp_path)
    assert result.kind == outcome, result


def test_regression_vcard_error_quotes_a_short_line(tmp_path):
    # vcard._parse_card put vobject's message, with the whole 300 kB line, in the error
    # (100 kB now: past 128 kB a property is refused before vobject sees it, 14.9)
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nTEL;type=CELL;ty" + "\\" * 100_000
            + "pe=pref:+44 1\r\nEND:VCARD\r\n")
    case = Case("vcard-3.0", {"contacts.vcf": card.encode()}, ("contacts.vcf",))
    _refused(case, tmp_path, "cannot parse the card")
