"""twarc2 output: raw X API v2 response pages, one JSON object per line.

Also accepted: ``twarc2 flatten`` output (one tweet per line with ``author`` embedded), and
pages of users or list members. A followers/following/list-members page is recognised from
the request URL twarc records in ``__twarc.url``, which is the only place the subject's id
appears.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import pickle
import queue
import re
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager, suppress
from dataclasses import fields
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from audience.errors import InputError
from audience.forked import interrupt_held
from audience.importers.files import refuse_special_file
from audience.importers.social import (
    SaveResult,
    SocialImport,
    SocialList,
    loads_json,
    merge_accounts,
    save_social_import,
    unique,
    wrong_field,
)
from audience.models import Account, ListInfo, Post
from audience.platforms.x import to_account, to_post

if TYPE_CHECKING:
    from audience.store import Store

PLATFORM = "x"
SOURCE = "twarc"
MAX_LINE_BYTES = 64 * 1024 * 1024  # a full 100-tweet page with includes is well under 1 MB
PART_RECORDS = 5_000  # accounts + tweets + edges held in memory before a part is saved
BYTES_PER_USER = 500  # a user object in a look-up page is 500-1,000 bytes of JSON
BULK_ACCOUNTS_MIN = 20_000  # below this, rebuilding the handle index is not worth it
# A file this large is read in a second process while this one saves (see _parts_read_apart):
# starting it costs ~20 ms, reading is ~40% of an import.
READ_APART_FROM_BYTES = 16 * 1024 * 1024
RECEIVED_AHEAD = 8  # parts read by the second process and not yet saved, at most
# SQLite's page cache while a file is saved (see _cache_megabytes): at a million users, 256 MB
# rather than 64 MB is a tenth less CPU, a third less for the follow pages at the end.
MIN_CACHE_MB, MAX_CACHE_MB = 64, 256

_LISTED_KEYS = frozenset(("id", "username", "name"))  # a follow-list entry's default fields
MAX_KNOWN_FULL = 5_000_000  # users remembered as read in full (~60 MB of hashes at most)
_ID = re.compile(r"^\d{1,20}$")
_GRAPH_URL = re.compile(r"/2/users/(\d{1,20})/(followers|following)\b")
_LIST_MEMBERS_URL = re.compile(r"/2/lists/(\d{1,20})/members\b")


def read_twarc(path: str | os.PathLike[str], owner: str | None = None) -> SocialImport:
    """Parse a twarc2 JSONL file (optionally .gz); raises InputError naming the line.

    ``owner`` (``@handle``): the file holds that account's own ``/following`` and
    ``/followers`` pages; they are recorded as snapshots, as ``audience sync`` would, so prune
    and follow-backs (with the grace period) work without API access."""
    path = Path(path)
    reader = _Reader(path)
    with _open(path) as handle:
        for number, line in _lines(path, handle):
            reader.add_line(number, line)
    data = reader.result()
    return _with_owner(data, reader, owner) if owner else data


def _with_owner(data: SocialImport, reader: _Reader, owner: str) -> SocialImport:
    """The owner's account and its following/followers lists from the graph pages."""
    handle = owner.strip().lstrip("@").lower()
    found = next((a for a in data.accounts if (a.handle or "").lower() == handle), None)
    subjects = {subject for subject, _ in reader.graph}
    if found is None and len(subjects) == 1:
        found = Account(PLATFORM, next(iter(subjects)), handle=owner.strip().lstrip("@"))
        data.accounts.append(found)
    if found is None:
        raise InputError(
            reader.path,
            None,
            f"@{handle} is not in the file and its pages do not say whose they are "
            "(look the account up with twarc2 users, or import the pages of one account only)",
        )
    pages = {kind: [] for kind in ("following", "followers")}
    for subject, kind in reader.graph:
        if subject == found.platform_id:
            pages[kind] = reader.graph[(subject, kind)]
    if not any(pages.values()):
        raise InputError(
            reader.path, None, f"no /2/users/{found.platform_id}/following or /followers pages"
        )
    data.owner = found
    data.following_ids = (
        pages["following"] if (found.platform_id, "following") in reader.graph else None
    )
    data.follower_ids = (
        pages["followers"] if (found.platform_id, "followers") in reader.graph else None
    )
    data.taken_at = reader.retrieved_at
    return data


def read_twarc_parts(
    path: str | os.PathLike[str],
    handles: Callable[[list[str]], dict[str, str]] | None = None,
    part_records: int = PART_RECORDS,
) -> Iterator[SocialImport]:
    """``read_twarc`` in parts of about ``part_records`` records, as the file is read: memory
    is bounded by a part, not by the file. Saved in order, the parts store what the whole
    file would. A tweet whose author is not in its part waits for a later one; the last part
    asks ``handles`` (author id -> handle, e.g. from the store) for those still missing."""
    path = Path(path)
    reader = _Reader(path)
    with _open(path) as handle:
        for number, line in _lines(path, handle):
            reader.add_line(number, line)
            if reader.held() >= part_records:
                yield reader.take_part(handles=handles)
    yield reader.take_part(final=True, handles=handles)


def import_twarc(
    store: Store, path: str | os.PathLike[str], part_records: int = PART_RECORDS
) -> SaveResult:
    """Read and save a twarc2 file part by part in one transaction: a bad line anywhere
    leaves the workspace untouched, and a 1 GB file needs no more memory than a part."""
    total = SaveResult()
    # every reference is a row id written or read in this transaction, and nothing is deleted
    # SQLite's temporary tables get a 2 MB cache by default: a million users' ids, added in no
    # useful order, then go to its temporary file and back, a third of that table's time.
    temp_cache = store.page_cache(64, schema="temp")
    with store.trusted_references(), store.transaction(), _few_collections(), temp_cache:
        store.execute("CREATE TEMP TABLE IF NOT EXISTS _twarc_ids (platform_id TEXT PRIMARY KEY)")
        store.execute("DELETE FROM _twarc_ids")
        before = _count_platform_accounts(store)
        with ExitStack() as bulk:
            bulk.enter_context(store.page_cache(_cache_megabytes(Path(path))))
            if _is_bulk(Path(path), before):
                bulk.enter_context(store.index_rebuilt_after("accounts_handle"))
            parts = bulk.enter_context(closing(_parts(store, Path(path), part_records)))
            _save_parts(store, parts, total)
        total.new_accounts = _count_platform_accounts(store) - before
        total.accounts = store.scalar("SELECT count(*) FROM _twarc_ids")
        store.execute("DROP TABLE _twarc_ids")
    return total


def _parts(store: Store, path: Path, part_records: int) -> Iterator[SocialImport]:
    """The file's parts, read here or, for a large file, in a second process."""
    if _read_apart(store, path):
        return _parts_read_apart(store, path, part_records)
    return read_twarc_parts(path, lambda ids: _stored_handles(store, ids), part_records)


def _read_apart(store: Store, path: Path) -> bool:
    """A file of :data:`READ_APART_FROM_BYTES` or more, a workspace file, ``fork`` and a core
    to spare: then reading and converting the file (~40% of an import) runs beside the
    saving. Handing the parts over costs ~20% more CPU in all, so on a machine with no core
    to spare one process is quicker (what is stored is the same either way)."""
    import multiprocessing

    if store.path is None or "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        large = path.stat().st_size >= READ_APART_FROM_BYTES
    except OSError:
        return False  # the reader says what is wrong with the file, naming it
    return large and _core_to_spare()


def _core_to_spare() -> bool:
    """At least two cores, and the last minute's load average leaves half of one free."""
    try:
        cores = len(os.sched_getaffinity(0))
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False
    return cores >= 2 and load < cores - 0.5


def _parts_read_apart(store: Store, path: Path, part_records: int) -> Iterator[SocialImport]:
    """:func:`read_twarc_parts` run in a forked second process, which sends each part as it
    is read while this one saves the one before. It reads the workspace as last committed
    (the import is one transaction) and knows the handles of the parts it sent: together,
    what this process's store would answer. Its errors come out here (an :class:`InputError`
    names the line); a part is only ever saved here, in this process's transaction, so an
    interrupted or failed import leaves nothing written."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    reader = context.Process(
        target=_read_elsewhere, args=(sender, path, store.path, part_records), daemon=True
    )
    try:
        with interrupt_held():  # the second process starts with Ctrl-C held, then ignores it
            reader.start()
    finally:
        sender.close()
    # Parts are taken off the pipe as soon as they are sent (a few ahead), so the second
    # process reads on while this one saves, instead of waiting for it part by part.
    ahead: queue.Queue = queue.Queue(maxsize=RECEIVED_AHEAD)
    stop = threading.Event()
    taker = threading.Thread(target=_take_ahead, args=(receiver, ahead, stop), daemon=True)
    taker.start()
    try:
        while True:
            message = _next(ahead, taker)
            if message is None:
                raise RuntimeError(f"the process reading {path} ended without a word")
            kind, value = pickle.loads(message)
            if kind == "part":
                yield _unpacked(value)
            elif kind == "done":
                return
            elif kind == "input":
                raise InputError(*value)
            else:
                raise RuntimeError(f"reading {path}: {value}")
    finally:  # done, failed, or interrupted: stopped before its pipe closes under it
        stop.set()
        if reader.is_alive():
            reader.terminate()
        reader.join()
        taker.join()  # the pipe's far end is closed: it stops
        receiver.close()


def _take_ahead(receiver: Any, ahead: queue.Queue, stop: threading.Event) -> None:
    """Move the second process's messages from the pipe to ``ahead`` (None: the pipe closed)."""
    while not stop.is_set():
        try:
            message = receiver.recv_bytes()
        except (EOFError, OSError):
            message = None
        while not stop.is_set():
            try:
                ahead.put(message, timeout=0.1)
                break
            except queue.Full:
                continue
        if message is None:
            return


def _next(ahead: queue.Queue, taker: threading.Thread) -> bytes | None:
    """The next message (None: the pipe closed, or the thread taking them is gone)."""
    while True:  # a short wait at a time: Ctrl-C is seen at once
        try:
            return ahead.get(timeout=0.2)
        except queue.Empty:
            if not taker.is_alive() and ahead.empty():
                return None


def _read_elsewhere(sender: Any, path: Path, db_path: Path, part_records: int) -> None:
    """The second process of :func:`_parts_read_apart`."""
    import sqlite3

    from audience.forked import ignore_interrupts

    ignore_interrupts()  # the importing process stops this one, and rolls back
    gc.disable()  # as _few_collections: the records go with their part, no cycles among them
    committed = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        sent = _SentHandles(committed)
        for part in read_twarc_parts(path, sent.handles, part_records):
            sent.add(part)
            sender.send(("part", _packed(_records_written(part))))
        sender.send(("done", None))
    except InputError as exc:
        _send_quietly(sender, ("input", (exc.path, exc.position, exc.problem)))
    except Exception as exc:  # noqa: BLE001  (named in the importing process)
        _send_quietly(sender, ("error", f"{type(exc).__name__}: {exc}"))
    finally:
        committed.close()
        sender.close()


def _send_quietly(sender: Any, message: tuple) -> None:
    """Send, unless the importing process has stopped listening (it failed, or Ctrl-C)."""
    with suppress(OSError):  # BrokenPipeError: nobody to tell
        sender.send(message)


def _records_written(part: SocialImport) -> SocialImport:
    """``part`` with its accounts' and posts' raw records written as JSON, and their moments
    as text, as the workspace stores them: the saving process stores the text as it is, and
    text crosses between the processes in a fraction of the time objects take."""
    from audience.store import iso, raw_json_bytes

    for account in part.accounts:
        account.created_at = iso(account.created_at)
        account.last_post_at = iso(account.last_post_at)
    for record in (*part.accounts, *part.posts):
        if record.raw is not None:
            record.raw = raw_json_bytes(record.raw)
    for post in part.posts:
        post.created_at = iso(post.created_at)
    return part


_ACCOUNT_VALUES = attrgetter(*(f.name for f in fields(Account)))
_POST_VALUES = attrgetter(*(f.name for f in fields(Post)))


def _packed(part: SocialImport) -> tuple[SocialImport, list[tuple], list[tuple]]:
    """``part`` with its accounts and posts as tuples of their fields: pickled and unpickled
    in about half the time of the records themselves (what :func:`_unpacked` undoes)."""
    accounts, posts = list(map(_ACCOUNT_VALUES, part.accounts)), list(map(_POST_VALUES, part.posts))
    part.accounts, part.posts = [], []
    return part, accounts, posts


def _unpacked(packed: tuple[SocialImport, list[tuple], list[tuple]]) -> SocialImport:
    part, accounts, posts = packed
    part.accounts = [Account(*values) for values in accounts]
    part.posts = [Post(*values) for values in posts]
    return part


class _SentHandles:
    """What the importing process's store would answer for the handles of authors while the
    parts sent so far are saved: their handles (a mention does not rename an account stored
    with a handle, as ``_save_accounts`` keeps it), else the workspace's as last committed."""

    def __init__(self, committed: Any):
        self.committed = committed
        self.known: dict[str, str] = {}

    def add(self, part: SocialImport) -> None:
        hinted = [a.platform_id for a in part.accounts if a.platform_id in part.hinted_ids]
        stored = self._committed([pid for pid in hinted if pid not in self.known])
        for account in part.accounts:
            pid = account.platform_id
            if not account.handle or (
                pid in part.hinted_ids and (pid in self.known or pid in stored)
            ):
                continue
            self.known[pid] = account.handle

    def handles(self, platform_ids: list[str]) -> dict[str, str]:
        found = {pid: self.known[pid] for pid in platform_ids if pid in self.known}
        found.update(self._committed([pid for pid in platform_ids if pid not in found]))
        return found

    def _committed(self, platform_ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(platform_ids), 500):
            chunk = platform_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.committed.execute(
                    f"SELECT platform_id, handle FROM accounts WHERE platform = ? AND handle "
                    f"IS NOT NULL AND platform_id IN ({marks})",
                    [PLATFORM, *chunk],
                ).fetchall()
            )
        return found


def _cache_megabytes(path: Path) -> int:
    """SQLite's page cache for importing ``path``: a fifth of the file (what it writes is about
    1.4 times its size), from the workspace's usual 64 MB up to :data:`MAX_CACHE_MB`."""
    try:
        size = path.stat().st_size * (8 if path.suffix == ".gz" else 1)
    except OSError:
        size = 0  # the reader says what is wrong with the file, naming it
    return max(MIN_CACHE_MB, min(MAX_CACHE_MB, size // 5 // 2**20))


def _is_bulk(path: Path, accounts: int) -> bool:
    """A file that may name more than half as many accounts as the workspace holds: its
    handles are written faster without the handle index, built again once at the end."""
    try:
        size = path.stat().st_size * (8 if path.suffix == ".gz" else 1)
    except OSError:
        return False  # the reader says what is wrong with the file, naming it
    return size // BYTES_PER_USER >= max(BULK_ACCOUNTS_MIN, accounts // 2)


@contextmanager
def _few_collections() -> Iterator[None]:
    """A page makes thousands of small dicts that go with their part: no cycles among them,
    yet the cyclic collector walked them all every 700 allocations (an eighth of the time)."""
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.freeze()  # what is alive already is not walked again
    gc.set_threshold(100_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen:  # a caller's own freeze is left as it was
            gc.unfreeze()


def _save_parts(store: Store, parts: Iterator[SocialImport], total: SaveResult) -> None:
    for part in parts:
        result = save_social_import(store, part, count_new=False)
        # one statement per part: SQLite unpacks the ids itself
        store.execute(
            "INSERT OR IGNORE INTO _twarc_ids SELECT value FROM json_each(?)",
            [json.dumps(sorted(set(_referenced(part))))],
        )
        total.new_follows += result.new_follows
        total.posts += result.posts
        total.lists += result.lists
        total.list_members += result.list_members
        total.snapshots += result.snapshots
        total.warnings += result.warnings


def _count_platform_accounts(store: Store) -> int:
    return store.scalar("SELECT count(*) FROM accounts WHERE platform = ?", [PLATFORM])


def _referenced(part: SocialImport) -> Iterator[str]:
    """Every account a part names (what save_social_import counts as its accounts)."""
    yield from (a.platform_id for a in part.accounts)
    yield from (pid for pair in part.edges for pid in pair)
    yield from (p.author_id for p in part.posts)
    for social_list in part.lists:
        yield from social_list.member_ids
        if social_list.info.owner_id:
            yield social_list.info.owner_id


def _stored_handles(store: Store, platform_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(platform_ids), 500):
        chunk = platform_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            store.execute(
                f"SELECT platform_id, handle FROM accounts WHERE platform = ? AND handle IS NOT "
                f"NULL AND platform_id IN ({marks})",
                [PLATFORM, *chunk],
            ).fetchall()
        )
    return found


# ---- reading --------------------------------------------------------------------------------


def _open(path: Path) -> IO[bytes]:
    refuse_special_file(path)
    try:
        return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None


def _lines(path: Path, handle: IO[bytes]):
    number = 0
    while True:
        try:
            line = handle.readline(MAX_LINE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(path, f"line {number + 1}", f"unreadable ({exc})") from None
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise InputError(path, f"line {number}", f"longer than {MAX_LINE_BYTES} bytes")
        if line.strip():
            yield number, line


def _names_key(user_id: str, user: dict) -> int | None:
    """A user's id, username and name, hashed; None when they are not text."""
    username, name = user.get("username"), user.get("name")
    if not isinstance(username, str) or not (name is None or isinstance(name, str)):
        return None
    return hash((user_id, username, name))


class _Reader:
    """Collects tweets, users, lists and edges line by line; checks every id it keeps."""

    def __init__(self, path: Path):
        self.path = path
        self.position = ""
        self.tweets: dict[str, tuple[dict, str]] = {}  # id -> (tweet, position)
        self.accounts: list[Account] = []
        self.hinted: set[str] = set()
        self.edges: list[tuple[str, str]] = []
        self.lists: dict[str, SocialList] = {}
        self.errors = 0
        self.anonymous = 0
        # (subject id, "following" | "followers") -> the user ids of those pages
        self.graph: dict[tuple[str, str], list[str]] = {}
        self.retrieved_at: datetime | None = None
        self.waiting = 0  # tweets carried over from the last part, waiting for their author
        # (id, username, name) of the users read in full so far, hashed: a follow-list entry
        # that says no more is not converted and saved again (see _add_user)
        self.known_full: set[int] = set()

    def add_line(self, number: int, line: bytes) -> None:
        self.position = f"line {number}"
        value = loads_json(line.strip(), self.path, self.position)
        if not isinstance(value, dict):
            self._fail("expected a JSON object")
        if "data" in value or "includes" in value or "errors" in value:
            self._add_page(value)
        elif "text" in value and "id" in value:
            self._add_flat_tweet(value)
        elif "username" in value and "id" in value:
            self._add_user(value)
        else:
            self._fail("neither an X API v2 page nor a tweet or user (is this twarc2 output?)")

    def result(self) -> SocialImport:
        return self.take_part(final=True)

    def held(self) -> int:
        """Records read since the last part (tweets still waiting for their author, at most
        ``PART_RECORDS``, are not counted again: a part is taken for new records only)."""
        return len(self.tweets) - self.waiting + len(self.accounts) + len(self.edges)

    def take_part(
        self, final: bool = False, handles: Callable[[list[str]], dict[str, str]] | None = None
    ) -> SocialImport:
        """Everything read since the last part, then forget it. A tweet whose author's handle
        is neither in the part nor known to ``handles`` (the accounts saved from earlier parts)
        waits for a later part, unless too many wait already (then it links as x.com/i/web)."""
        users = {a.platform_id: a.handle for a in self.accounts if a.handle}
        if handles is not None:
            authors = {self._id(tweet.get("author_id")) for tweet, _ in self.tweets.values()}
            if missing := authors - users.keys():
                users.update(handles(sorted(missing)))
        posts, waiting = [], {}
        for tweet_id, (tweet, position) in self.tweets.items():
            self.position = position
            author = users.get(self._id(tweet.get("author_id")))
            if author is None and not final and len(waiting) < PART_RECORDS:
                waiting[tweet_id] = (tweet, position)
                continue
            posts.append(self._checked(to_post, tweet, author))
        full = {a.platform_id for a in self.accounts if a.platform_id not in self.hinted}
        for social_list in self.lists.values():
            social_list.member_ids = unique(social_list.member_ids)
        part = SocialImport(
            platform=PLATFORM,
            source=SOURCE,
            accounts=merge_accounts(self.accounts),
            edges=list(dict.fromkeys(self.edges)),
            posts=posts,
            lists=list(self.lists.values()),
            hinted_ids=self.hinted - full,
            warnings=self._warnings() if final else [],
        )
        self.tweets, self.waiting, self.accounts, self.hinted = waiting, len(waiting), [], set()
        self.edges, self.lists = [], {}
        return part

    def _warnings(self) -> list[str]:
        warnings = [f"{self.errors} API errors in the pages were skipped"] if self.errors else []
        if self.anonymous:
            warnings.append(
                f"{self.anonymous} tweets without author_id were skipped "
                "(the request did not ask for author_id)"
            )
        return warnings

    # ---- shapes ---------------------------------------------------------------------------

    def _add_page(self, page: dict) -> None:
        data = page.get("data") or []
        data = [data] if isinstance(data, dict) else data
        includes = page.get("includes") or {}
        if not isinstance(data, list) or not isinstance(includes, dict):
            self._fail("'data' must be a list and 'includes' an object")
        self.errors += len(self._array(page, "errors"))
        for user in self._array(includes, "users"):
            self._add_user(user)
        for tweet in self._array(includes, "tweets"):
            self._add_tweet(tweet, primary=False)
        users = []
        for item in data:
            if not isinstance(item, dict):
                self._fail("'data' holds something other than objects")
            if "text" in item:
                self._add_tweet(item)
            elif "username" in item:
                users.append(self._add_user(item))
            elif "name" in item:
                self._add_list(item)
        self._add_relations(page, users)

    def _add_relations(self, page: dict, user_ids: list[str]) -> None:
        twarc = page.get("__twarc")
        url = str(twarc.get("url") or "") if isinstance(twarc, dict) else ""
        if graph := _GRAPH_URL.search(url):
            subject, kind = graph[1], graph[2]
            for user_id in user_ids:
                self.edges.append((user_id, subject) if kind == "followers" else (subject, user_id))
            self.graph.setdefault((subject, kind), []).extend(user_ids)
            self._retrieved(twarc.get("retrieved_at"))
        elif members := _LIST_MEMBERS_URL.search(url):
            social_list = self._list(members[1])
            social_list.member_ids.extend(user_ids)  # duplicates dropped when the part is taken

    def _retrieved(self, value: object) -> None:
        """The latest time a graph page was fetched: when the snapshot was taken."""
        if not isinstance(value, str):
            return
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        if self.retrieved_at is None or moment > self.retrieved_at:
            self.retrieved_at = moment

    def _add_flat_tweet(self, tweet: dict) -> None:
        for key in ("author", "in_reply_to_user"):
            if isinstance(tweet.get(key), dict):
                self._add_user(tweet[key])
        self._add_tweet(tweet)
        for referenced in self._array(tweet, "referenced_tweets"):
            if isinstance(referenced, dict) and "text" in referenced and "author_id" in referenced:
                self._add_flat_tweet(referenced)

    def _add_tweet(self, tweet: dict, primary: bool = True) -> None:
        if not isinstance(tweet, dict):
            self._fail("a tweet is not an object")
        tweet_id = self._id(tweet.get("id"))
        if tweet.get("author_id") is None:
            self.anonymous += 1  # requested without author_id: a post needs its author
            return
        self._id(tweet.get("author_id"))
        entities = tweet.get("entities") or {}
        if not isinstance(entities, dict):
            self._fail("'entities' of a tweet is not an object")
        for mention in self._array(entities, "mentions"):
            if isinstance(mention, dict) and mention.get("id") and mention.get("username"):
                if not isinstance(mention["username"], str):
                    self._fail("a mention's username is not text")
                mention_id = self._id(mention["id"])
                self.accounts.append(Account(PLATFORM, mention_id, handle=mention["username"]))
                self.hinted.add(mention_id)
        if primary or tweet_id not in self.tweets:
            self.tweets[tweet_id] = (tweet, self.position)

    def _add_user(self, user: dict) -> str:
        if not isinstance(user, dict):
            self._fail("a user is not an object")
        user_id = self._id(user.get("id"))
        names = _names_key(user_id, user)
        if user.keys() <= _LISTED_KEYS:
            # A follow-list entry (id, username, name): nothing to store when the file
            # already gave this account in full under the same names (its look-up page).
            if names is not None and names in self.known_full:
                return user_id
        elif names is not None and len(self.known_full) < MAX_KNOWN_FULL:
            self.known_full.add(names)
        if user["id"] is not user_id:  # a number: the record keeps the id as text
            user = {**user, "id": user_id}
        self.accounts.append(self._checked(to_account, user))
        return user_id

    def _add_list(self, item: dict) -> None:
        social_list = self._list(self._id(item.get("id")))
        owner = item.get("owner_id")
        social_list.info.name = str(item.get("name") or "")
        social_list.info.description = item.get("description") or None
        social_list.info.owner_id = self._id(owner) if owner else None
        social_list.info.member_count = item.get("member_count")
        social_list.info.private = item.get("private")
        social_list.info.raw = item
        if field := wrong_field(social_list.info):
            self._fail(f"list {social_list.info.platform_id}: {field} has the wrong type")

    def _checked(self, convert, *args):
        """An Account or Post built by the X platform code, which trusts the API's types."""
        try:
            record = convert(*args)
        except (AttributeError, TypeError, ValueError, OverflowError, KeyError):
            self._fail(f"{args[0].get('id')} has a field of the wrong type")
        if field := wrong_field(record):
            self._fail(f"{record.platform_id}: {field} has the wrong type")
        return record

    def _array(self, value: dict, key: str) -> list:
        items = value.get(key) or []
        if not isinstance(items, list):
            self._fail(f"{key!r} is not a list")
        return items

    def _list(self, list_id: str) -> SocialList:
        return self.lists.setdefault(list_id, SocialList(ListInfo(PLATFORM, list_id, "")))

    def _id(self, value: object) -> str:
        if type(value) is str and value.isdecimal() and len(value) <= 20:
            return value  # what _ID matches, without the regex: ~800,000 ids in 100k users
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not _ID.match(value):
            self._fail(f"{value!r:.80} is not a numeric X id")
        return value

    def _fail(self, problem: str) -> NoReturn:
        raise InputError(self.path, self.position, problem)
