"""Per-account judgements kept between runs, so an unchanged account is not judged again.

A judgement here is a pure function of one account's own fields (its handle, name, bio,
website, counts...) and of the rules in force (the rule code, the built-in vocabulary, the
workspace's vocabulary files, ``audience.toml`` and the organisation lists). Each stored result
(table ``judgement_cache``, migration ``m013_judgement_cache``) carries a fingerprint: a keyed
hash of the fields it read, the key being the hash of everything else it depended on (the
*context*). A result is reused only when both are unchanged, so editing a bio, a vocabulary
file, ``audience.toml`` or the code of the rules judges again. Anything that depends on other
accounts, snapshots or the date is never stored here: the callers keep it out of the context
and out of the judged function.

One row per (kind, account): the table stays the size of the workspace, a changed account
overwrites its row, and deleting an account (``forget``) deletes its rows.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from audience.store import Store

# The modules whose code decides the judgements: a change to any of them judges again.
RULE_MODULES = (
    "roles",
    "segment",
    "prune",
    "employer",
    "outlets",
    "vocabulary",
    "textmatch",
    "judgement_cache",
    "press_gate",
)
PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
SAVE_WAIT_MS = 500  # how long a cache write waits for another process's write lock
# Judging ahead over the cores (JudgementCache.judge_ahead): only for enough work to pay for
# starting the processes, in chunks small enough to keep every core busy to the end.
AHEAD_MIN = 4000
AHEAD_CHUNK = 2000
AHEAD_WARM = 25  # judged here first, so the workers inherit the compiled patterns
AHEAD_PROBE = 2000  # accounts looked at before giving up on a crowd mostly judged already
MAX_PROCESSES = 8
DECODED_MEMO = 65536  # distinct results kept decoded per cache; the memo starts again when full


def digest(*parts: Any) -> bytes:
    """A 16-byte hash of ``parts`` (their ``repr``: strings, numbers, None, tuples...)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _file_hash(path: Path, into: Any, name: str | None = None) -> None:
    """The file's contents, after its ``name`` (its path unless told)."""
    into.update((str(path) if name is None else name).encode("utf-8", "surrogatepass"))
    try:
        into.update(path.read_bytes())
    except OSError:
        into.update(b"\0missing")


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """The rules' code and built-in vocabulary (``audience/data``) as one hash. Files are named
    by their place in the package, not on disk: the same code installed elsewhere (another
    checkout, a new virtual environment) judges alike and reads the same stored judgements."""
    hasher = hashlib.blake2b(digest_size=16)
    for name in RULE_MODULES:
        _file_hash(PACKAGE / f"{name}.py", hasher, f"{name}.py")
    for path in sorted(p for p in DATA.rglob("*") if p.is_file()):
        _file_hash(path, hasher, path.relative_to(PACKAGE).as_posix())
    return hasher.digest()


def lexicon_fingerprint(lexicon: Any) -> bytes:
    """A :class:`audience.roles.Lexicon`: its words, its outlets (learned ones too) and the
    contents of the vocabulary and outlet files it names."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(code_fingerprint())
    hasher.update(repr(_plain(lexicon)).encode("utf-8", "surrogatepass"))
    for name in (*lexicon.vocabulary_files, *lexicon.outlet_files):
        _file_hash(Path(name), hasher)
    return hasher.digest()


def _plain(value: Any) -> Any:
    """A dataclass as nested tuples of its declared fields (no cached properties)."""
    if is_dataclass(value) and not isinstance(value, type):
        named = ((f.name, _plain(getattr(value, f.name))) for f in fields(value))
        return (type(value).__name__, *named)
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((_plain(v) for v in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted(((repr(k), _plain(v)) for k, v in value.items())))
    return value


def context_fingerprint(*parts: Any) -> bytes:
    """The context of a judgement: the code, plus whatever configuration the caller names
    (dataclasses are read field by field)."""
    return digest(code_fingerprint(), _plain(parts))


class JudgementCache:
    """The stored results of one kind of judgement, for one context.

    ``judge(account_id, fields, compute, *args)`` returns the stored result when the account's
    ``fields`` and the context are those it was computed from, else ``compute(*args)`` (which
    must return JSON-able data), remembered for the next run by :meth:`save`. Results are
    shared between accounts judged alike: read them, never change them."""

    def __init__(self, store: Store, kind: str, context: bytes, ids: Iterable[int] | None = None):
        self.store = store
        self.kind = kind
        self.context = context
        self.hits = 0
        self.misses = 0
        # the accounts judged in this run, to save (their results are in _rows: one list slot
        # each, not a tuple of their own, counts at a million accounts)
        self._new: list[int] = []
        # judged by judge_ahead, not yet asked for: account -> the fields it was judged from
        self._ahead: dict[int, tuple[Any, ...]] = {}
        # being judged by judge_ahead's workers: account -> the chunk its result comes in
        self._pending: dict[int, int] = {}
        self._running: _Running | None = None
        self._rows = self._load(ids)
        self._decoded: dict[str, Any] = {}  # a crowd's results are alike: each read once

    def _load(self, ids: Iterable[int] | None) -> dict[int, tuple[bytes, str]]:
        sql = "SELECT account_id, fingerprint, value FROM judgement_cache WHERE kind = ?"
        params: list[Any] = [self.kind]
        if ids is not None:  # (one parameter: a batch of a large crowd is more than SQLite allows)
            sql += " AND account_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(ids)))
        values: dict[str, str] = {}  # most results are alike ("null"): one copy of each
        try:
            return {
                account: (fingerprint, values.setdefault(value, value))
                for account, fingerprint, value in self.store.execute(sql, params)
            }
        except sqlite3.OperationalError:  # an older workspace opened read-only: no cache
            return {}

    def fingerprint(self, fields: tuple[Any, ...]) -> bytes:
        return _fingerprint(self.context, fields)

    def judge(
        self, account_id: int, fields: tuple[Any, ...], compute: Callable[..., Any], *args: Any
    ) -> Any:
        if self._pending:
            self._wait_for(account_id)
        if self._ahead.pop(account_id, None) == fields:
            self.misses += 1  # judged in this run, by judge_ahead: its fingerprint is known
            return self._decode(self._rows[account_id][1])
        fingerprint = self.fingerprint(fields)
        stored = self._rows.get(account_id)
        if stored is not None and stored[0] == fingerprint:
            self.hits += 1
            return self._decode(stored[1])
        self.misses += 1
        text = _as_json(compute(*args))
        self._rows[account_id] = (fingerprint, text)
        self._new.append(account_id)
        # What a later run reads back: the same JSON, so a hit and a miss give equal results.
        return self._decode(text)

    def _decode(self, text: str) -> Any:
        """The result stored as ``text``, decoded once per distinct text: accounts with the
        same result share one object, so callers must not change what :meth:`judge` returns."""
        found = self._decoded.get(text, _UNSEEN)
        if found is _UNSEEN:
            if len(self._decoded) >= DECODED_MEMO:
                self._decoded.clear()
            found = self._decoded[text] = json.loads(text)
        return found

    def judge_ahead(
        self,
        work: Iterable[tuple[int, tuple[Any, ...], tuple[Any, ...]]],
        compute: Callable[..., Any],
        together: int | None = None,
    ) -> None:
        """Judge now, over the machine's cores, the accounts of ``work`` (account id, fields,
        arguments of ``compute``) that :meth:`judge` would have to judge, so that it finds them
        done. The results are those :meth:`judge` would compute (``compute`` is pure); with one
        core, little work or no ``fork``, nothing is done here and :meth:`judge` does it all.
        The workers start here and this returns at once: :meth:`judge` takes their results
        as it comes to them (in the order of ``work``), and :meth:`save` all of them.
        ``together``: the index in the fields of a text (the bio) whose accounts are judged in
        one chunk, so by one worker: the rules remember their answers per text in each process,
        and a crowd repeats bios (each worker working out every bio again cost a fifth more)."""
        # Linux only: fork is the default there and safe for a process without threads.
        cores = getattr(os, "sched_getaffinity", None)
        processes = min(len(cores(0)), MAX_PROCESSES) if cores else 1
        if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        todo: list[tuple[int, bytes | None, tuple[Any, ...], tuple[Any, ...]]] = []
        for seen, (account_id, read, args) in enumerate(work):
            if seen == AHEAD_PROBE and self._rows and len(todo) * 4 < seen:
                return  # mostly judged by an earlier run: judge() finds them, judges the rest
            stored = self._rows.get(account_id)
            if stored is None:  # never judged: its fingerprint is worked out with it, below
                todo.append((account_id, None, args, read))
                continue
            fingerprint = self.fingerprint(read)
            if stored[0] != fingerprint:
                todo.append((account_id, fingerprint, args, read))
        if len(todo) < AHEAD_MIN:
            return
        global _WORK
        for account_id, fingerprint, args, read in todo[:AHEAD_WARM]:
            fingerprint = fingerprint or self.fingerprint(read)
            self._keep(account_id, fingerprint, _as_json(compute(*args)), read)
        todo = todo[AHEAD_WARM:]
        if not todo:
            return
        if together is not None:
            todo = _together(todo, together)
        # The workers also work out the fingerprints the loop above left out (a first run's
        # hashing of 100,000 accounts' fields is then shared over the cores too).
        unknown = [read if fingerprint is None else None for _, fingerprint, _, read in todo]
        chunks = [(i, min(i + AHEAD_CHUNK, len(todo))) for i in range(0, len(todo), AHEAD_CHUNK)]
        _finish_running()  # one pool at a time: a fork while another pool's threads run is unsafe
        _WORK = (compute, [args for _, _, args, _ in todo], unknown, self.context)
        try:
            pool = multiprocessing.get_context("fork").Pool(processes)
        finally:
            _WORK = None  # the workers have their copy
        # The results are taken as they come (judge() waits for the chunk of the account it is
        # asked for), so the caller's own work on the first accounts overlaps the workers'.
        self._running = _Running(pool, pool.imap(_judge_chunk, chunks, 1), todo, AHEAD_CHUNK)
        ids = [item[0] for item in todo]
        self._pending = {}
        for number, (start, end) in enumerate(chunks):
            self._pending.update(dict.fromkeys(ids[start:end], number))
        _RUNNING.append(self)

    def _wait_for(self, account_id: int) -> None:
        """Take the workers' results up to the chunk that holds ``account_id`` (if pending)."""
        chunk = self._pending.pop(account_id, None)
        while chunk is not None and self._running and self._running.received <= chunk:
            self._take_chunk(self._running)

    def _finish(self) -> None:
        """Take every result still to come."""
        while self._running:
            self._take_chunk(self._running)

    def _take_chunk(self, running: _Running) -> None:
        start = running.received * running.size
        try:
            part = next(running.results)
        except BaseException:
            self._close(running, failed=True)
            raise
        alike = running.alike
        for (account_id, fingerprint, _, read), (worked_out, text) in zip(
            running.todo[start : start + running.size], part, strict=True
        ):
            self._keep(account_id, fingerprint or worked_out, alike.setdefault(text, text), read)
        # what the workers were given for these accounts is no longer needed here
        running.todo[start : start + running.size] = [None] * len(part)
        running.received += 1
        if running.received * running.size >= len(running.todo):
            self._close(running)

    def _close(self, running: _Running, failed: bool = False) -> None:
        """End the workers (all their results taken, or one failed)."""
        self._running = None
        self._pending = {}
        if self in _RUNNING:
            _RUNNING.remove(self)
        if failed:
            running.pool.terminate()
        else:
            running.pool.close()
        running.pool.join()

    def remember(self, account_id: int, fields: tuple[Any, ...], value: Any) -> None:
        """Keep ``value``, worked out elsewhere by the same pure function of ``fields`` and
        the context, for the next run (saved by :meth:`save`)."""
        if self._pending:
            self._wait_for(account_id)
        fingerprint = self.fingerprint(fields)
        stored = self._rows.get(account_id)
        if stored is not None and stored[0] == fingerprint:
            return
        text = _as_json(value)
        self._rows[account_id] = (fingerprint, text)
        self._new.append(account_id)

    def _keep(self, account_id: int, fingerprint: bytes, text: str, read: tuple[Any, ...]) -> None:
        self._rows[account_id] = (fingerprint, text)
        self._new.append(account_id)
        self._ahead[account_id] = read

    def save(self) -> None:
        """Write the new results (inside the caller's transaction if one is open). A cache
        write never fails a command: a busy or read-only workspace only means the next run
        judges those accounts again."""
        self._finish()
        if not self._new:
            return
        new, self._new = self._new, []
        # In the table's order: a crowd judged by bio comes in no order of its ids, and rows
        # written in order fill each page once (a fifth of the write's time at 100k).
        new.sort()
        rows, kind = self._rows, self.kind
        conn = self.store._conn
        owned = not conn.in_transaction
        waits = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        try:
            if owned:
                # Another process writing (a long import): skip rather than wait 30 s.
                conn.execute(f"PRAGMA busy_timeout = {SAVE_WAIT_MS}")
                conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO judgement_cache (kind, account_id, fingerprint, value) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (kind, account_id) DO UPDATE SET "
                "fingerprint = excluded.fingerprint, value = excluded.value",
                ((kind, account_id, *rows[account_id]) for account_id in new),
            )
            if owned:
                conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            if owned and conn.in_transaction:
                conn.execute("ROLLBACK")
        finally:
            if owned:
                conn.execute(f"PRAGMA busy_timeout = {int(waits)}")


_UNSEEN = object()


class _Running:
    """A pool of judge_ahead's workers and the results still to take from it."""

    def __init__(self, pool: Any, results: Any, todo: list[Any], size: int):
        self.pool = pool
        self.results = results  # one list of (fingerprint or None, JSON) per chunk, in order
        self.todo = todo
        self.size = size
        self.received = 0  # chunks taken so far
        self.alike: dict[str, str] = {}  # most results are alike ("null"): one copy of each


def _together(todo: list[Any], index: int) -> list[Any]:
    """``todo`` with the items whose fields hold the same text at ``index`` next to each other
    (texts in the order first met; a crowd of distinct texts keeps its order)."""
    groups: dict[Any, list[Any]] = {}
    for item in todo:
        groups.setdefault(item[3][index], []).append(item)
    if len(groups) == len(todo):
        return todo
    return [item for group in groups.values() for item in group]


_RUNNING: list[JudgementCache] = []  # the caches whose workers are still judging (one at most)


def _finish_running() -> None:
    for cache in list(_RUNNING):
        cache._finish()


# json.dumps with these options builds a new encoder per call: one, made once, writes the same.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_PLAIN = frozenset({str, int, bool, type(None)})  # (exactly these types: no subclass)


def _as_json(value: Any) -> str:
    """What ``_ENCODE`` writes. A value made of strings, ints, booleans, None, lists, tuples
    and str-keyed dicts (every rule's result) is written by orjson: the same text in a
    fifth of the time (a crowd's first judgement writes hundreds of thousands). Anything
    else goes to json: a float (orjson writes NaN as null), and what orjson refuses (an int
    past 64 bits, a lone surrogate)."""
    if _written_alike(value):
        try:
            return orjson.dumps(value).decode()
        except orjson.JSONEncodeError:
            pass
    return _ENCODE(value)


def _written_alike(value: Any) -> bool:
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind is list or kind is tuple:
        for item in value:  # noqa: SIM110  (all() over a generator takes twice as long)
            if type(item) not in _PLAIN and not _written_alike(item):
                return False
        return True
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or (type(item) not in _PLAIN and not _written_alike(item)):
                return False
        return True
    return False


def _fingerprint(context: bytes, fields: tuple[Any, ...]) -> bytes:
    """A keyed hash of ``fields`` (see :meth:`JudgementCache.fingerprint`)."""
    return hashlib.blake2b(
        repr(fields).encode("utf-8", "surrogatepass"), digest_size=16, key=context
    ).digest()


# What the worker processes of judge_ahead judge: set before they fork, so they inherit it
# (the rules and accounts are never pickled): the function, its arguments per account, and
# per account the fields to fingerprint (None: the fingerprint is known) under the context.
# Each returns its chunk's (fingerprint or None, JSON of the result).
_WORK: (
    tuple[Callable[..., Any], list[tuple[Any, ...]], list[tuple[Any, ...] | None], bytes] | None
) = None


def _judge_chunk(bounds: tuple[int, int]) -> list[tuple[bytes | None, str]]:
    assert _WORK is not None
    compute, work, unknown, context = _WORK
    start, end = bounds
    return [
        (None if read is None else _fingerprint(context, read), _as_json(compute(*args)))
        for args, read in zip(work[start:end], unknown[start:end], strict=True)
    ]


# ---- press evidence, shared by `segment auto` and `prune` -------------------------------------


def press_fields(account: dict[str, Any]) -> tuple[Any, ...]:
    """What :func:`audience.roles.press_evidence` reads of an account."""
    return (account["handle"], account["display_name"], account["bio"], account["website"])


def press_evidence_cache(
    store: Store, lexicon: Any, ids: Iterable[int] | None = ()
) -> JudgementCache:
    """:func:`audience.roles.press_evidence` of accounts under ``lexicon`` (its asdict, or
    None), kept between runs and between commands: ``segment auto`` keeps what it found for
    the accounts it puts in the press segment, and ``prune`` reads them back for the press
    members it learns outlets from."""
    context = context_fingerprint("press_evidence", lexicon_fingerprint(lexicon))
    return JudgementCache(store, "press-evidence", context, ids)


def press_evidence_of(account: dict[str, Any], lexicon: Any) -> dict[str, Any] | None:
    from dataclasses import asdict

    from audience.roles import press_evidence

    found = press_evidence(*press_fields(account), lexicon)
    return asdict(found) if found else None
