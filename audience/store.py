"""The workspace: one SQLite file, shaped by numbered migrations (applied by sqlite-utils).

Every write that belongs together (a page of a crawl and its cursor, a whole contact import) goes
through :meth:`Store.transaction` so it lands whole or not at all.
"""

from __future__ import annotations

import functools
import json
import logging
import operator
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audience._lean import import_sqlite_utils
from audience.errors import WorkspaceError
from audience.models import Account, ListInfo, Post

if TYPE_CHECKING:
    from sqlite_utils import Database

APP_ID = 0x61756469  # "audi": PRAGMA application_id marks the file as an audience workspace


@dataclass(frozen=True)
class _Migration:
    name: str
    fn: Callable[..., None]
    transactional: bool = True


class _Migrations:
    """The workspace's migrations, applied by sqlite-utils' ``Migrations`` (same table, same
    records), which is imported only when a workspace has one pending: importing sqlite-utils
    costs ~40 ms, and most commands open an up-to-date workspace through plain ``sqlite3``."""

    table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[_Migration] = []

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[Callable], Callable]:
        def register(fn: Callable) -> Callable:
            self._migrations.append(_Migration(name or fn.__name__, fn, transactional))
            return fn

        return register

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        """The names applied to the workspace, in order (plain SQL: no sqlite-utils)."""
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [self.table]
        ).fetchone()
        if exists is None:
            return []
        rows = conn.execute(
            f"SELECT name FROM {self.table} WHERE migration_set = ? ORDER BY rowid", [self.name]
        )
        return [row[0] for row in rows]

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        applied = set(self.applied_names(conn))
        return [m.name for m in self._migrations if m.name not in applied]

    def _sqlite_utils(self) -> Any:
        """The same migrations as sqlite-utils' ``Migrations``."""
        import_sqlite_utils()
        from sqlite_utils.migrations import Migrations

        real = Migrations(self.name)
        for migration in self._migrations:
            real(name=migration.name, transactional=migration.transactional)(migration.fn)
        return real

    def apply(self, db: Database, **options: Any) -> None:
        """Apply the pending migrations (sqlite-utils' ``apply``, same options)."""
        self._sqlite_utils().apply(db, **options)

    def applied(self, db: Database) -> list[Any]:
        """The applied migrations, in order (sqlite-utils' records, with ``name``)."""
        return self._sqlite_utils().applied(db)


migrations = _Migrations("audience")
log = logging.getLogger(__name__)
BUSY_TIMEOUT_SECONDS = 30.0  # SQLite waits this long for a lock, then Store says so and waits on
MAX_WRITE_WAIT_SECONDS = 30 * 60.0

DEFAULT_SEGMENTS = (
    ("customers", "People and organisations who buy from us"),
    ("press", "Journalists, editors, producers and their outlets"),
    ("suppliers", "Organisations we buy from, and their people"),
    ("competitors", "Competing organisations and their people"),
)

TRACKED_FIELDS = ("handle", "display_name", "bio", "location", "website")
ACCOUNT_FIELDS = (
    "handle",
    "display_name",
    "bio",
    "location",
    "website",
    "url",
    "followers_count",
    "following_count",
    "posts_count",
    "created_at",
    "last_post_at",
    "default_avatar",
    "protected",
    "verified",
    "state",
    "moved_to",
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def iso(value: datetime | str | None) -> str | None:
    """A moment as the workspace stores it; text is one written here already (a process that
    reads a file hands its records' moments to the one that saves them so: ``import twarc``)."""
    if value is None or type(value) is str:
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            platform_id TEXT NOT NULL,
            handle TEXT, display_name TEXT, bio TEXT, location TEXT,
            country TEXT, region TEXT,
            website TEXT, url TEXT,
            followers_count INTEGER, following_count INTEGER, posts_count INTEGER,
            created_at TEXT, last_post_at TEXT,
            default_avatar INTEGER, protected INTEGER, verified INTEGER,
            state TEXT NOT NULL DEFAULT 'active', moved_to TEXT,
            is_organisation INTEGER,
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
            raw TEXT,
            UNIQUE (platform, platform_id)
        );
        CREATE INDEX accounts_handle ON accounts (platform, lower(handle));
        CREATE INDEX accounts_person ON accounts (person_id);

        CREATE TABLE account_history (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            field TEXT NOT NULL, old_value TEXT, new_value TEXT,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX account_history_account ON account_history (account_id);

        CREATE TABLE posts (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL, platform_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            text TEXT, created_at TEXT, lang TEXT,
            like_count INTEGER, repost_count INTEGER, reply_count INTEGER, quote_count INTEGER,
            url TEXT, first_seen TEXT NOT NULL, raw TEXT,
            UNIQUE (platform, platform_id)
        );
        CREATE INDEX posts_account ON posts (account_id, created_at);
        CREATE TABLE post_hashtags (
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (post_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX post_hashtags_tag ON post_hashtags (tag);

        -- No index on followed_id: it would cost three quarters of the crawl's write speed,
        -- and every query here starts from the follower (who was mined, who is me).
        CREATE TABLE follows (
            follower_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            followed_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
            PRIMARY KEY (follower_id, followed_id)
        ) WITHOUT ROWID;

        CREATE TABLE lists (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL, platform_id TEXT NOT NULL,
            name TEXT, description TEXT,
            owner_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
            member_count INTEGER, private INTEGER,
            first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, raw TEXT,
            UNIQUE (platform, platform_id)
        );
        CREATE TABLE list_members (
            list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (list_id, account_id)
        ) WITHOUT ROWID;
        CREATE INDEX list_members_account ON list_members (account_id);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT, given_name TEXT, family_name TEXT,
            organisation TEXT, title TEXT, city TEXT, country TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );

        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
            source TEXT NOT NULL, source_format TEXT NOT NULL, source_key TEXT NOT NULL,
            position TEXT,
            full_name TEXT, given_name TEXT, middle_name TEXT, family_name TEXT,
            prefix TEXT, suffix TEXT, nickname TEXT,
            organisation TEXT, title TEXT, department TEXT,
            city TEXT, region TEXT, country TEXT,
            emails TEXT NOT NULL DEFAULT '[]', phones TEXT NOT NULL DEFAULT '[]',
            urls TEXT NOT NULL DEFAULT '[]', social TEXT NOT NULL DEFAULT '[]',
            linkedin_url TEXT, labels TEXT NOT NULL DEFAULT '[]', notes TEXT,
            is_organisation INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            UNIQUE (source, source_key)
        );
        CREATE INDEX contacts_person ON contacts (person_id);
        CREATE TABLE contact_points (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (contact_id, kind, value)
        ) WITHOUT ROWID;
        CREATE INDEX contact_points_value ON contact_points (kind, value);

        CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            platform TEXT NOT NULL,
            score REAL NOT NULL, evidence TEXT NOT NULL DEFAULT '[]',
            method TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('accepted', 'review', 'rejected')),
            decided_by TEXT NOT NULL DEFAULT 'auto',
            created_at TEXT NOT NULL, decided_at TEXT,
            UNIQUE (person_id, account_id)
        );
        CREATE INDEX matches_account ON matches (account_id);
        CREATE INDEX matches_status ON matches (status);

        CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE, description TEXT,
            builtin INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL
        );
        CREATE TABLE segment_members (
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            source TEXT NOT NULL CHECK (source IN ('rule', 'match', 'manual')),
            reason TEXT,
            excluded INTEGER NOT NULL DEFAULT 0,
            is_primary INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            PRIMARY KEY (segment_id, account_id)
        ) WITHOUT ROWID;
        CREATE INDEX segment_members_account ON segment_members (account_id);

        CREATE TABLE targets (
            account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
            note TEXT, added_at TEXT NOT NULL
        );

        CREATE TABLE my_accounts (
            platform TEXT PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id)
        );
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('followers', 'following')),
            source TEXT NOT NULL, taken_at TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE snapshot_members (
            snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            PRIMARY KEY (snapshot_id, account_id)
        ) WITHOUT ROWID;

        CREATE TABLE unfollow_actions (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('planned', 'sent', 'done', 'failed')),
            reasons TEXT, planned_at TEXT NOT NULL, sent_at TEXT, done_at TEXT, error TEXT
        );

        CREATE TABLE suppressions (
            kind TEXT NOT NULL, value TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (kind, value)
        ) WITHOUT ROWID;

        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL, command TEXT NOT NULL, params TEXT,
            started_at TEXT NOT NULL, finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            requests INTEGER NOT NULL DEFAULT 0, items INTEGER NOT NULL DEFAULT 0, error TEXT
        );
        CREATE TABLE crawl_cursors (
            job TEXT PRIMARY KEY,
            platform TEXT NOT NULL, endpoint TEXT NOT NULL, subject TEXT NOT NULL,
            cursor TEXT, pages INTEGER NOT NULL DEFAULT 0, items INTEGER NOT NULL DEFAULT 0,
            done INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL
        );
        """
    )
    created = now_iso()
    db.conn.executemany(
        "INSERT INTO segments (name, description, builtin, created_at) VALUES (?, ?, 1, ?)",
        [(name, description, created) for name, description in DEFAULT_SEGMENTS],
    )
    db["accounts"].enable_fts(
        ["handle", "display_name", "bio"], create_triggers=True, tokenize="unicode61"
    )
    # sqlite-utils re-indexes a row on every UPDATE; crawls update counts and last_seen of
    # thousands of accounts a second, so re-index only when an indexed column really changed.
    db.executescript(
        """
        DROP TRIGGER accounts_au;
        CREATE TRIGGER accounts_au AFTER UPDATE OF handle, display_name, bio ON accounts
        WHEN old.handle IS NOT new.handle OR old.display_name IS NOT new.display_name
             OR old.bio IS NOT new.bio
        BEGIN
          INSERT INTO accounts_fts (accounts_fts, rowid, handle, display_name, bio)
            VALUES ('delete', old.rowid, old.handle, old.display_name, old.bio);
          INSERT INTO accounts_fts (rowid, handle, display_name, bio)
            VALUES (new.rowid, new.handle, new.display_name, new.bio);
        END;
        """
    )


@migrations()
def m002_segment_orgs(db: Database) -> None:
    # Organisations listed for a segment (imported from CSV): a name, a web domain, or both.
    db.executescript(
        """
        CREATE TABLE segment_orgs (
            id INTEGER PRIMARY KEY,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            name TEXT, name_key TEXT NOT NULL DEFAULT '', domain TEXT NOT NULL DEFAULT '',
            source TEXT, added_at TEXT NOT NULL,
            UNIQUE (segment_id, name_key, domain)
        );
        """
    )


@migrations()
def m003_snapshot_complete(db: Database) -> None:
    # A live sync writes a snapshot page by page; only one whose every page arrived counts.
    # Snapshots written before this step came whole from an export, so they are complete.
    db.executescript(
        """
        ALTER TABLE snapshots ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX snapshots_latest ON snapshots (platform, kind, complete, taken_at);
        CREATE INDEX snapshot_members_account ON snapshot_members (account_id);
        CREATE INDEX unfollow_actions_status ON unfollow_actions (status, done_at);
        """
    )


@migrations()
def m004_deferred_search_index(db: Database) -> None:
    # Indexing a bio for full-text search row by row, as a crawl inserts accounts, costs more
    # than storing the account. New rows wait in _fts_pending and are indexed in one batch
    # (Store.sync_search_index) when a crawl job or command ends; updates and deletes of
    # indexed rows stay immediate, since they need the old values.
    db.executescript(
        """
        CREATE TABLE _fts_pending (id INTEGER PRIMARY KEY);
        INSERT INTO _fts_pending (id)
            SELECT id FROM accounts WHERE id NOT IN (SELECT rowid FROM accounts_fts);
        DROP TRIGGER accounts_ai;
        CREATE TRIGGER accounts_ai AFTER INSERT ON accounts BEGIN
          INSERT OR IGNORE INTO _fts_pending (id) VALUES (new.id);
        END;
        DROP TRIGGER accounts_au;
        CREATE TRIGGER accounts_au AFTER UPDATE OF handle, display_name, bio ON accounts
        WHEN (old.handle IS NOT new.handle OR old.display_name IS NOT new.display_name
              OR old.bio IS NOT new.bio)
             AND old.id NOT IN (SELECT id FROM _fts_pending)
        BEGIN
          INSERT INTO accounts_fts (accounts_fts, rowid, handle, display_name, bio)
            VALUES ('delete', old.rowid, old.handle, old.display_name, old.bio);
          INSERT INTO accounts_fts (rowid, handle, display_name, bio)
            VALUES (new.rowid, new.handle, new.display_name, new.bio);
        END;
        DROP TRIGGER accounts_ad;
        CREATE TRIGGER accounts_ad AFTER DELETE ON accounts BEGIN
          INSERT INTO accounts_fts (accounts_fts, rowid, handle, display_name, bio)
            SELECT 'delete', old.rowid, old.handle, old.display_name, old.bio
            WHERE old.id NOT IN (SELECT id FROM _fts_pending);
          DELETE FROM _fts_pending WHERE id = old.id;
        END;
        """
    )


@migrations()
def m005_compact_follows(db: Database) -> None:
    # follows is the one table with millions of rows: 200 journalists' follow lists are a
    # million edges. Times as Unix seconds instead of ISO text halve the table, and with it
    # the pages every crawl commit writes.
    db.executescript(
        """
        CREATE TABLE follows_compact (
            follower_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            followed_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
            PRIMARY KEY (follower_id, followed_id)
        ) WITHOUT ROWID;
        INSERT INTO follows_compact
          SELECT follower_id, followed_id,
                 coalesce(CAST(strftime('%s', first_seen) AS INTEGER), 0),
                 coalesce(CAST(strftime('%s', last_seen) AS INTEGER), 0)
          FROM follows;
        DROP TABLE follows;
        ALTER TABLE follows_compact RENAME TO follows;
        """
    )


@migrations()
def m006_fit_finish(db: Database) -> None:
    # Runs record their process, so a run whose process is gone shows as interrupted; a lock
    # row per crawl job keeps two processes from fetching (and paying for) the same pages;
    # workspace settings hold what a workspace says about itself (the demo's "as of" date).
    db.executescript(
        """
        ALTER TABLE crawl_runs ADD COLUMN pid INTEGER;
        ALTER TABLE crawl_runs ADD COLUMN host TEXT;
        CREATE TABLE crawl_locks (
            job TEXT PRIMARY KEY,
            pid INTEGER NOT NULL, host TEXT NOT NULL, taken_at TEXT NOT NULL
        );
        CREATE TABLE workspace_settings (key TEXT PRIMARY KEY, value TEXT);
        """
    )


@migrations()
def m007_actions(db: Database) -> None:
    # Follows and List changes sent to a platform, one row per write: planned -> sent ->
    # done / pending (a request to a locked account) / failed / refused (the API said no).
    # Each step is committed before the next, so a killed run leaves at worst one 'sent' row
    # whose outcome is settled before anything new is sent. list_id is the platform's list id.
    db.executescript(
        """
        CREATE TABLE platform_actions (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('follow', 'list_add', 'list_remove')),
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            list_id TEXT,
            status TEXT NOT NULL
                CHECK (status IN ('planned', 'sent', 'done', 'pending', 'failed', 'refused')),
            reasons TEXT, planned_at TEXT NOT NULL, sent_at TEXT, done_at TEXT, error TEXT
        );
        CREATE INDEX platform_actions_status ON platform_actions (platform, kind, status, done_at);
        CREATE INDEX platform_actions_account ON platform_actions (account_id);
        """
    )


@migrations()
def m008_places_history(db: Database) -> None:
    # Country and place were never filled: resolve every stored location once (per distinct
    # string) so the report, --near and prune read them instead of parsing locations.
    _resolve_all_places(db)


PLACES_KEY = "places_fingerprint"


def _resolve_all_places(db: Database) -> None:
    from audience.geo import resolve_places

    last = 0
    while True:  # in slices of the id range: memory stays flat on a million accounts
        located = db.execute(
            "SELECT id, location FROM accounts WHERE id > ? AND location IS NOT NULL "
            "AND location != '' ORDER BY id LIMIT 20000",
            [last],
        ).fetchall()
        if not located:
            break
        db.conn.executemany(
            "UPDATE accounts SET country = ?, region = ? WHERE id = ?", resolve_places(located)
        )
        last = located[-1][0]


# ---- listening (issue 17) ------------------------------------------------------------------


@migrations()
def m009_listening(db: Database) -> None:
    # One row per measurement: every `listen` run appends, so the series grows past each API's
    # window (7 days on X and Mastodon). Readers take the latest measurement of each bucket.
    db.executescript(
        """
        CREATE TABLE listen_volumes (
            id INTEGER PRIMARY KEY,
            topic TEXT NOT NULL, platform TEXT NOT NULL,
            granularity TEXT NOT NULL CHECK (granularity IN ('day', 'hour')),
            bucket_start TEXT NOT NULL, bucket_end TEXT NOT NULL,
            count INTEGER NOT NULL, accounts INTEGER,
            method TEXT NOT NULL,
            -- complete: the bucket had ended when measured; exhaustive: every post counted
            -- (0 for a capped Bluesky search, or a sample of stored posts)
            complete INTEGER NOT NULL DEFAULT 1,
            exhaustive INTEGER NOT NULL DEFAULT 1,
            measured_at TEXT NOT NULL
        );
        CREATE INDEX listen_volumes_series
            ON listen_volumes (topic, platform, granularity, bucket_start);

        -- The contact centre's own volumes, as last read by `listen compare --calls`:
        -- one row per local day (in the file's timezone) and column.
        CREATE TABLE call_volumes (
            source TEXT NOT NULL, day TEXT NOT NULL, series TEXT NOT NULL,
            value REAL, is_forecast INTEGER NOT NULL DEFAULT 0,
            timezone TEXT NOT NULL, imported_at TEXT NOT NULL,
            PRIMARY KEY (series, day)
        ) WITHOUT ROWID;
        """
    )


@migrations()
def m010_judgement(db: Database) -> None:
    # Listed organisations carry their other names, web domains and accounts (`;`-separated).
    db.executescript(
        """
        ALTER TABLE segment_orgs ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
        ALTER TABLE segment_orgs ADD COLUMN domains TEXT NOT NULL DEFAULT '';
        ALTER TABLE segment_orgs ADD COLUMN handles TEXT NOT NULL DEFAULT '';
        """
    )


@migrations()
def m011_matching(db: Database) -> None:
    # Notes on a person that are not contact-card fields: a byline's beat, for one.
    db.executescript("ALTER TABLE people ADD COLUMN notes TEXT;")


@migrations()
def m012_scale(db: Database) -> None:
    # matches_status has three values, yet SQLite (no statistics) preferred it to
    # matches_account for "this account's accepted match": export and report scanned every
    # accepted match once per account, quadratic (83 s of a 100k-account export). One index
    # on both columns answers the question directly; a status alone is cheap to scan for.
    db.executescript(
        """
        DROP INDEX matches_status;
        CREATE INDEX matches_account_status ON matches (account_id, status);
        """
    )


@migrations()
def m013_judgement_cache(db: Database) -> None:
    # Per-account judgements (segment evidence, prune's press check) kept between runs, each
    # with the fingerprint of the fields and rules it came from (audience/judgement_cache.py).
    db.executescript(
        """
        CREATE TABLE judgement_cache (
            kind TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            fingerprint BLOB NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (kind, account_id)
        ) WITHOUT ROWID;
        CREATE INDEX judgement_cache_account ON judgement_cache (account_id);
        """
    )


OWN_MIGRATION_NAMES = {m.name for m in migrations._migrations}


def process_alive(pid: int | None, host: str | None) -> bool:
    """Whether process ``pid`` still runs. On another machine nobody can tell: assume it does."""
    if pid is None:
        return False
    if host is not None and host != _HOST:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


_HOST = os.uname().nodename if hasattr(os, "uname") else "localhost"


class Store:
    """The workspace database and the writes every feature shares."""

    def __init__(self, db: Database | sqlite3.Connection, path: Path | None):
        # sqlite-utils wraps the connection only when something asks for ``db``: most reads
        # need plain SQL, and importing sqlite-utils is ~40 ms of start-up.
        if isinstance(db, sqlite3.Connection):
            self._conn, self._db = db, None
        else:
            self._conn, self._db = db.conn, db
        self.path = path
        # platform -> platform_id -> (fingerprint, row id) of accounts this Store wrote, so an
        # account met again in the same run (on every journalist's follow list) costs nothing.
        self._known: dict[str, dict[str, tuple[int, int]]] = {}
        self._data_version: int | None = None
        self.read_only = False  # see open_read_only

    @property
    def db(self) -> Database:
        """The connection wrapped by sqlite-utils (imported on first use)."""
        if self._db is None:
            self._db = _database(self._conn)
        return self._db

    # ---- transactions -------------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        """Inside a transaction (or a read :meth:`snapshot`): a write now is held until it ends."""
        return self._conn.in_transaction

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: BEGIN IMMEDIATE so two writers queue on the busy timeout."""
        if self._conn.in_transaction:
            yield
            return
        self._begin_immediate()
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            self._known.clear()  # ids cached during the rolled-back work may not exist
            raise
        self._conn.execute("COMMIT")

    def _begin_immediate(self) -> None:
        """Take the write lock. Another process may hold it for longer than the busy timeout
        (a 60,000-row contact import is one transaction): then say so and keep waiting, up to
        :data:`MAX_WRITE_WAIT_SECONDS`, instead of failing with "database is locked"."""
        waited = 0.0
        while True:
            started = time.monotonic()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                waited += time.monotonic() - started
                if waited >= MAX_WRITE_WAIT_SECONDS:
                    raise WorkspaceError(
                        f"the workspace has been busy for {waited / 60:.0f} minutes: another "
                        "audience process is writing to it; try again when it has finished"
                    ) from None
                log.warning(
                    "waiting for another audience process to finish writing to the workspace "
                    "(%.0f s so far)…",
                    waited,
                )

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent read: every query inside sees the workspace as of one moment, whatever
        other processes commit meanwhile (WAL keeps that version for us)."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    @contextmanager
    def index_rebuilt_after(self, name: str) -> Iterator[None]:
        """Inside a transaction: drop index ``name`` for a bulk write that changes its keys in
        no useful order (filling 100,000 stubs' handles moves each key to a random place: 40%
        of the write time), and build it again, with one sort, before the work is committed.
        A failure rolls the drop back with everything else."""
        if not self._conn.in_transaction:
            raise RuntimeError("index_rebuilt_after needs a transaction")
        row = self._conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name]
        ).fetchone()
        if row is None or row[0] is None:  # absent, or an automatic index
            yield
            return
        self._conn.execute(f'DROP INDEX "{name}"')
        yield
        self._conn.execute(row[0])

    @contextmanager
    def page_cache(self, megabytes: int, schema: str = "main") -> Iterator[None]:
        """SQLite's page cache at least ``megabytes`` meanwhile (then as it was): for one
        transaction writing more than the usual cache holds (a twarc file of a million users
        touches ~2 GB of pages; once the cache is full, each page read again costs a look-up
        through the growing write-ahead log and each page evicted is written there again).
        ``schema``: "main", or "temp" for the connection's temporary tables."""
        pragma = f"PRAGMA {'temp' if schema == 'temp' else 'main'}.cache_size"
        before = self._conn.execute(pragma).fetchone()[0]
        wanted = -megabytes * 1024  # negative: KiB
        if (before < 0 and wanted >= before) or (before > 0 and -wanted <= before * 4):
            yield  # the cache is that large already (4 KiB pages)
            return
        self._conn.execute(f"{pragma} = {wanted}")
        try:
            yield
        finally:
            self._conn.execute(f"{pragma} = {before}")

    @contextmanager
    def trusted_references(self) -> Iterator[None]:
        """Skip SQLite's row-by-row foreign-key checks for bulk writes whose every reference
        is a row id written or read inside the same transaction, such as a crawled follow-list
        page (see ``find.crawl_follows``). On a million edges those checks are a fifth of the
        write time. Nothing may be deleted inside: cascades are off too."""
        if self._conn.in_transaction:  # the pragma cannot change inside one; keep the checks
            yield
            return
        # Changing the pragma re-prepares every statement: worth it per follow list, not per page.
        self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            self._conn.execute("PRAGMA foreign_keys = ON")

    def sync_search_index(self) -> int:
        """Index for full-text search the accounts inserted since the last call (see m004)."""
        if self.scalar("SELECT count(*) FROM (SELECT 1 FROM _fts_pending LIMIT 1)") == 0:
            return 0
        with self.transaction():
            added = self._conn.execute(
                "INSERT INTO accounts_fts (rowid, handle, display_name, bio) "
                "SELECT a.id, a.handle, a.display_name, a.bio FROM _fts_pending p "
                "JOIN accounts a ON a.id = p.id"
            ).rowcount
            self._conn.execute("DELETE FROM _fts_pending")
        return added

    def rebuild_search_index(self) -> None:
        """Re-index every account from scratch (after deletions that must leave no trace)."""
        with self.transaction():
            self._conn.execute("INSERT INTO accounts_fts (accounts_fts) VALUES ('rebuild')")
            self._conn.execute("DELETE FROM _fts_pending")

    def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self._conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self._conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        if not self.read_only:
            self.sync_search_index()
        self._conn.close()

    # ---- accounts -----------------------------------------------------------------------

    def upsert_accounts(self, accounts: Iterable[Account]) -> dict[str, int]:
        """Insert or update accounts; returns platform_id -> row id.

        Known values are never wiped by a sparser record (an id-only stub, a follow-list entry
        with fewer fields). Changes of handle, name, bio, location and website are kept in
        ``account_history``. An account seen again unchanged only gets its ``last_seen``.
        """
        accounts = list(accounts)
        rows = self.upsert_account_rows(accounts)
        return dict(zip([a.platform_id for a in accounts], rows, strict=True))

    def upsert_account_rows(self, accounts: list[Account]) -> list[int]:
        """Like ``upsert_accounts``, but returns the row ids in the order of ``accounts``."""
        if not accounts:
            return []
        self._drop_known_if_others_wrote()
        platforms = {a.platform for a in accounts}
        if len(platforms) == 1:  # a page: one platform
            return self._upsert_platform_accounts(platforms.pop(), accounts)
        rows = [0] * len(accounts)
        for platform in platforms:
            positions = [i for i, a in enumerate(accounts) if a.platform == platform]
            group = self._upsert_platform_accounts(platform, [accounts[i] for i in positions])
            for i, row in zip(positions, group, strict=True):
                rows[i] = row
        return rows

    def _upsert_platform_accounts(self, platform: str, group: list[Account]) -> list[int]:
        known = self._known.setdefault(platform, {})
        # Once per account sighted, a million times in a big crawl: C-level maps and one
        # comprehension keep it near a microsecond.
        platform_ids = list(map(_platform_id, group))
        fingerprints = list(map(hash, map(_fingerprint_values, group)))
        rows = [
            hit[1] if hit is not None and hit[0] == fingerprint else 0  # 0: not written yet
            for hit, fingerprint in zip(map(known.get, platform_ids), fingerprints, strict=True)
        ]
        if 0 not in rows:
            return rows  # all written by this run already, unchanged
        misses = {platform_ids[i]: i for i, row in enumerate(rows) if not row}
        written = self._write_accounts(platform, [group[i] for i in misses.values()])
        for platform_id, i in misses.items():
            if group[i].created_at is not None:  # see _fingerprint_values
                known[platform_id] = (fingerprints[i], written[platform_id])
        return [row or written[pid] for row, pid in zip(rows, platform_ids, strict=True)]

    def _drop_known_if_others_wrote(self) -> None:
        """Forget the cached ids once another connection has committed: it may have deleted
        an account (``forget``) and given its row id to a new one. Alone, the cache stays."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._known.clear()
            self._data_version = version

    def _write_accounts(self, platform: str, group: list[Account]) -> dict[str, int]:
        seen = now_iso()
        existing = self._existing_accounts(platform, [a.platform_id for a in group])
        writes, history, unchanged, reindexed = [], [], [], []
        for account in group:
            row = _account_row(account, seen)
            old = existing.get(account.platform_id)
            if old is None:
                writes.append(row)
                continue
            changed = [n for n in ACCOUNT_FIELDS if row[n] is not None and row[n] != old[n]]
            if changed == ["state"] and row["state"] == "active" and account.raw is None:
                changed = []  # a sparse record does not revive a suspended account
            if not changed:
                unchanged.append(old["id"])
                continue
            writes.append(row)
            if not _SEARCHED_FIELDS.isdisjoint(changed):
                reindexed.append(old["id"])
            history += [
                (old["id"], name, old[name], row[name], seen)
                for name in TRACKED_FIELDS
                if name in changed and old[name] is not None
            ]
        _add_places(writes)
        for row in writes:
            row["raw"] = _json(row["raw"])
        self._defer_search_index(reindexed)
        self._conn.executemany(_UPSERT_ACCOUNT_SQL, map(_account_params, writes))
        for chunk in _chunks(unchanged, 500):
            self._conn.execute(
                f"UPDATE accounts SET last_seen = ? WHERE id IN ({','.join('?' * len(chunk))})",
                [seen, *chunk],
            )
        if history:
            self._conn.executemany(
                "INSERT INTO account_history (account_id, field, old_value, new_value, "
                "changed_at) VALUES (?, ?, ?, ?, ?)",
                history,
            )
        ids = {pid: row["id"] for pid, row in existing.items()}
        new = [row["platform_id"] for row in writes if row["platform_id"] not in ids]
        ids.update(self.account_ids(platform, new))
        return ids

    def _defer_search_index(self, account_ids: list[int]) -> None:
        """Take many accounts about to change their handle, name or bio out of the search
        index in one statement and queue them for :meth:`sync_search_index`, instead of the
        update trigger re-indexing them one by one (a third of the time of filling 100,000
        stubs from a look-up file). A few are left to the trigger."""
        if len(account_ids) < DEFERRED_REINDEX_MIN:
            return
        ids = json.dumps(account_ids)
        self._conn.execute(
            "INSERT INTO accounts_fts (accounts_fts, rowid, handle, display_name, bio) "
            "SELECT 'delete', a.id, a.handle, a.display_name, a.bio FROM json_each(?) j "
            "JOIN accounts a ON a.id = j.value WHERE a.id NOT IN (SELECT id FROM _fts_pending)",
            [ids],
        )
        self._conn.execute(
            "INSERT OR IGNORE INTO _fts_pending (id) SELECT value FROM json_each(?)", [ids]
        )

    def ensure_account_ids(self, platform: str, platform_ids: Iterable[str]) -> dict[str, int]:
        """Row ids for the given platform ids, creating id-only stubs for unknown ones."""
        platform_ids = list(dict.fromkeys(platform_ids))
        found = self._known_rows(platform, platform_ids)
        if found:
            # Accounts this run wrote already (a large import names each many times: authors,
            # follow-list entries): their rows are known, no statement asks for them again.
            platform_ids = [pid for pid in platform_ids if pid not in found]
            if not platform_ids:
                return found
        seen = now_iso()
        self._conn.executemany(
            "INSERT INTO accounts (platform, platform_id, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (platform, platform_id) DO NOTHING",
            [(platform, pid, seen, seen) for pid in platform_ids],
        )
        return {**found, **self.account_ids(platform, platform_ids)}

    def _known_rows(self, platform: str, platform_ids: list[str]) -> dict[str, int]:
        """The row ids of those of ``platform_ids`` that this Store wrote in this run (see
        ``_known``), while no other connection has committed since."""
        self._drop_known_if_others_wrote()
        known = self._known.get(platform)
        if not known:
            return {}
        hits = zip(platform_ids, map(known.get, platform_ids), strict=True)
        return {pid: hit[1] for pid, hit in hits if hit is not None}

    def account_ids(self, platform: str, platform_ids: list[str]) -> dict[str, int]:
        result: dict[str, int] = {}
        for chunk in _chunks(platform_ids, 500):
            marks = ",".join("?" * len(chunk))
            for pid, rowid in self._conn.execute(
                f"SELECT platform_id, id FROM accounts WHERE platform = ? "
                f"AND platform_id IN ({marks})",
                [platform, *chunk],
            ):
                result[pid] = rowid
        return result

    def _existing_accounts(self, platform: str, platform_ids: list[str]) -> dict[str, dict]:
        result: dict[str, dict] = {}
        cols = ", ".join(("id", "platform_id", *ACCOUNT_FIELDS))
        for chunk in _chunks(platform_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.query(
                f"SELECT {cols} FROM accounts WHERE platform = ? AND platform_id IN ({marks})",
                [platform, *chunk],
            ):
                result[row["platform_id"]] = row
        return result

    def find_account(self, platform: str, handle_or_id: str) -> dict[str, Any] | None:
        """An account by ``@handle``, handle or platform id."""
        key = handle_or_id.lstrip("@")
        rows = self.query(
            "SELECT * FROM accounts WHERE platform = ? AND (lower(handle) = lower(?) "
            "OR platform_id = ?) ORDER BY handle IS NULL LIMIT 1",
            [platform, key, key],
        )
        return rows[0] if rows else None

    def refresh_places(self, fingerprint: str) -> bool:
        """Read every stored location again when the workspace's place files
        (:func:`audience.geo.use_places`) changed since the last time; True when it did."""
        if self.places_fingerprint() == fingerprint:
            return False
        with self.transaction():
            _resolve_all_places(self.db)
            self.execute(
                "INSERT OR REPLACE INTO workspace_settings (key, value) VALUES (?, ?)",
                [PLACES_KEY, fingerprint],
            )
        return True

    def places_fingerprint(self) -> str:
        """The fingerprint of the place files the stored places were read with ("" for none)."""
        found = self.scalar("SELECT value FROM workspace_settings WHERE key = ?", [PLACES_KEY])
        return found or ""

    def set_account_state(self, platform: str, platform_id: str, state: str) -> int:
        ids = self.ensure_account_ids(platform, [platform_id])
        self._conn.execute(
            "UPDATE accounts SET state = ?, last_seen = ? WHERE id = ?",
            [state, now_iso(), ids[platform_id]],
        )
        return ids[platform_id]

    # ---- graph, posts, lists ------------------------------------------------------------

    def add_follows(self, pairs: Iterable[tuple[int, int]]) -> int:
        """Record follower -> followed edges (row ids). Returns how many were new."""
        return sum(
            self.add_follow_list(account_id, others, direction)
            for account_id, others, direction in _edge_groups(pairs)
        )

    def add_follow_list(
        self, account_id: int, others: list[int], direction: str = "following"
    ) -> int:
        """Record a page of ``account_id``'s following (or followers) list, given as row ids.
        Returns how many edges were new; the others get their ``last_seen`` moved on."""
        seen = int(time.time())  # Unix seconds here: see m005
        side = "follower_id" if direction == "following" else "followed_id"
        ids = json.dumps(sorted(others))  # sorted: the rows go into the table in key order
        before = self._conn.total_changes
        # One statement for the page: SQLite unpacks the ids itself, no Python per edge.
        self._conn.execute(
            _INSERT_FOLLOWING_SQL if direction == "following" else _INSERT_FOLLOWERS_SQL,
            [account_id, seen, ids],
        )
        new = self._conn.total_changes - before
        if new < len(others):
            other_side = "followed_id" if side == "follower_id" else "follower_id"
            self._conn.execute(
                f"UPDATE follows SET last_seen = ?2 WHERE {side} = ?1 "
                f"AND {other_side} IN (SELECT value FROM json_each(?3))",
                [account_id, seen, ids],
            )
        return new

    def upsert_posts(self, posts: Iterable[Post], author_ids: dict[str, int]) -> int:
        """Insert posts (or refresh the counts of known ones), their hashtags and their authors'
        ``last_post_at``; a few statements per page, whatever its length. Returns how many
        posts were given."""
        posts = list(posts)
        if not posts:
            return 0
        seen = now_iso()
        author_ids = self._author_rows(posts, author_ids)
        created = [iso(post.created_at) for post in posts]
        self._conn.executemany(
            _UPSERT_POST_SQL,
            [
                (
                    post.platform,
                    post.platform_id,
                    author_ids[(post.platform, post.author_id)],
                    post.text,
                    when,
                    post.lang,
                    post.like_count,
                    post.repost_count,
                    post.reply_count,
                    post.quote_count,
                    post.url,
                    seen,
                    _json(post.raw),
                )
                for post, when in zip(posts, created, strict=True)
            ],
        )
        post_rows = self._post_rows(posts)
        self._conn.executemany(
            "INSERT OR IGNORE INTO post_hashtags (post_id, tag) VALUES (?, ?)",
            [
                (post_rows[(post.platform, post.platform_id)], tag.lstrip("#").lower())
                for post in posts
                for tag in post.hashtags
            ],
        )
        latest: dict[int, str] = {}
        for post, when in zip(posts, created, strict=True):
            if when is not None:
                account_id = author_ids[(post.platform, post.author_id)]
                if when > latest.get(account_id, ""):
                    latest[account_id] = when
        self._conn.executemany(
            "UPDATE accounts SET last_post_at = ?1 WHERE id = ?2 AND "
            "(last_post_at IS NULL OR last_post_at < ?1)",
            [(latest[row], row) for row in sorted(latest)],  # in row order: fewer pages
        )
        return len(posts)

    def _author_rows(
        self, posts: list[Post], author_ids: dict[str, int]
    ) -> dict[tuple[str, str], int]:
        """(platform, author platform id) -> account row, creating stubs for unknown authors."""
        rows: dict[tuple[str, str], int] = {}
        missing: dict[str, list[str]] = {}
        for post in posts:
            row = author_ids.get(post.author_id)
            if row is None:
                missing.setdefault(post.platform, []).append(post.author_id)
            else:
                rows[(post.platform, post.author_id)] = row
        for platform, platform_ids in missing.items():
            for platform_id, row in self.ensure_account_ids(platform, platform_ids).items():
                rows[(platform, platform_id)] = row
        return rows

    def _post_rows(self, posts: list[Post]) -> dict[tuple[str, str], int]:
        """(platform, post platform id) -> post row id, one query per platform and chunk."""
        rows: dict[tuple[str, str], int] = {}
        by_platform: dict[str, list[str]] = {}
        for post in posts:
            if post.hashtags:
                by_platform.setdefault(post.platform, []).append(post.platform_id)
        for platform, platform_ids in by_platform.items():
            for chunk in _chunks(list(dict.fromkeys(platform_ids)), 500):
                marks = ",".join("?" * len(chunk))
                for platform_id, row in self._conn.execute(
                    f"SELECT platform_id, id FROM posts WHERE platform = ? "
                    f"AND platform_id IN ({marks})",
                    [platform, *chunk],
                ):
                    rows[(platform, platform_id)] = row
        return rows

    def upsert_list(self, info: ListInfo, owner_row_id: int | None) -> int:
        seen = now_iso()
        return self._conn.execute(
            """INSERT INTO lists (platform, platform_id, name, description, owner_id,
                   member_count, private, first_seen, last_seen, raw)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (platform, platform_id) DO UPDATE SET
                   name = coalesce(excluded.name, lists.name),
                   description = coalesce(excluded.description, lists.description),
                   owner_id = coalesce(excluded.owner_id, lists.owner_id),
                   member_count = coalesce(excluded.member_count, lists.member_count),
                   last_seen = excluded.last_seen
               RETURNING id""",
            [
                info.platform,
                info.platform_id,
                info.name,
                info.description,
                owner_row_id,
                info.member_count,
                info.private,
                seen,
                seen,
                _json(info.raw),
            ],
        ).fetchone()[0]

    def add_list_members(self, list_row_id: int, account_ids: Iterable[int]) -> None:
        seen = now_iso()
        self._conn.executemany(
            "INSERT OR IGNORE INTO list_members (list_id, account_id, first_seen) VALUES (?, ?, ?)",
            [(list_row_id, a, seen) for a in account_ids],
        )

    # ---- crawl cursors ------------------------------------------------------------------

    def get_cursor(self, job: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM crawl_cursors WHERE job = ?", [job])
        return rows[0] if rows else None

    def save_cursor(
        self, job: str, platform: str, endpoint: str, subject: str, cursor: str | None, items: int
    ) -> None:
        """Record a page as done. Call inside the same transaction as the page's rows."""
        self._conn.execute(
            """INSERT INTO crawl_cursors (job, platform, endpoint, subject, cursor, pages, items,
                   done, updated_at)
               VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
               ON CONFLICT (job) DO UPDATE SET cursor = excluded.cursor,
                   pages = crawl_cursors.pages + 1, items = crawl_cursors.items + excluded.items,
                   done = excluded.done, updated_at = excluded.updated_at""",
            [job, platform, endpoint, subject, cursor, items, int(cursor is None), now_iso()],
        )

    def reset_cursor(self, job: str) -> None:
        self._conn.execute("DELETE FROM crawl_cursors WHERE job = ?", [job])

    # ---- runs ---------------------------------------------------------------------------

    def start_run(self, platform: str, command: str, params: dict[str, Any]) -> int:
        with self.transaction():
            return self._conn.execute(
                "INSERT INTO crawl_runs (platform, command, params, started_at, pid, host) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                [platform, command, json.dumps(params, default=str), now_iso(), os.getpid(), _HOST],
            ).fetchone()[0]

    def drop_run(self, run_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM crawl_runs WHERE id = ?", [run_id])

    def settle_dead_runs(self) -> int:
        """Mark 'running' runs whose process is gone (killed, crashed) as interrupted."""
        rows = self.query("SELECT id, pid, host FROM crawl_runs WHERE status = 'running'")
        dead = [r["id"] for r in rows if not process_alive(r["pid"], r["host"])]
        if dead:
            with self.transaction():
                self._conn.executemany(
                    "UPDATE crawl_runs SET status = 'interrupted', finished_at = ?, "
                    "error = 'the process ended without finishing' WHERE id = ?",
                    [(now_iso(), run_id) for run_id in dead],
                )
        return len(dead)

    def claim_job(self, job: str) -> dict[str, Any] | None:
        """Take the lock of a crawl job for this process. Returns the holder (pid, host,
        taken_at) when another live process has it; a dead holder's lock is taken over."""
        with self.transaction():
            rows = self.query("SELECT pid, host, taken_at FROM crawl_locks WHERE job = ?", [job])
            if rows:
                holder = rows[0]
                mine = holder["pid"] == os.getpid() and holder["host"] == _HOST
                if not mine and process_alive(holder["pid"], holder["host"]):
                    return holder
            self._conn.execute(
                "INSERT OR REPLACE INTO crawl_locks (job, pid, host, taken_at) VALUES (?, ?, ?, ?)",
                [job, os.getpid(), _HOST, now_iso()],
            )
        return None

    def release_job(self, job: str) -> None:
        with self.transaction():
            self._conn.execute(
                "DELETE FROM crawl_locks WHERE job = ? AND pid = ? AND host = ?",
                [job, os.getpid(), _HOST],
            )

    def finish_run(
        self, run_id: int, status: str, requests: int, items: int, error: str | None = None
    ) -> None:
        with self.transaction():
            self._conn.execute(
                "UPDATE crawl_runs SET finished_at = ?, status = ?, requests = ?, items = ?, "
                "error = ? WHERE id = ?",
                [now_iso(), status, requests, items, error, run_id],
            )


def _add_places(rows: list[dict[str, Any]]) -> None:
    """Country and place of each written row, resolved from its location once per distinct
    string (see ``geo.resolve_place``), so no reader has to parse locations again."""
    from audience.geo import resolve_place

    for row in rows:
        row["country"], row["region"] = resolve_place(row["location"])


PLACE_FIELDS = ("country", "region")
_SEARCHED_FIELDS = frozenset(("handle", "display_name", "bio"))  # what accounts_fts indexes
DEFERRED_REINDEX_MIN = 50
_ACCOUNT_COLUMNS = (
    "platform",
    "platform_id",
    *ACCOUNT_FIELDS,
    *PLACE_FIELDS,
    "raw",
    "first_seen",
    "last_seen",
)
_account_params = operator.itemgetter(*_ACCOUNT_COLUMNS)  # positional: binds faster
_UPSERT_ACCOUNT_SQL = (
    f"INSERT INTO accounts ({', '.join(_ACCOUNT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_ACCOUNT_COLUMNS))}) "
    "ON CONFLICT (platform, platform_id) DO UPDATE SET "
    + ", ".join(
        f"{c} = coalesce(excluded.{c}, accounts.{c})" for c in ACCOUNT_FIELDS if c != "state"
    )
    # The place follows the location: a record that carries none keeps the stored one.
    + "".join(
        f", {c} = CASE WHEN excluded.location IS NULL THEN accounts.{c} ELSE excluded.{c} END"
        for c in PLACE_FIELDS
    )
    # A sparse record says "active" by default; only a fuller one may bring a suspended,
    # deleted or moved account back.
    + ", state = CASE WHEN excluded.state = 'active' AND excluded.raw IS NULL"
    " THEN accounts.state ELSE excluded.state END" + ", raw = coalesce(excluded.raw, accounts.raw),"
    " last_seen = excluded.last_seen"
)


_UPSERT_POST_SQL = """INSERT INTO posts (platform, platform_id, account_id, text, created_at,
        lang, like_count, repost_count, reply_count, quote_count, url, first_seen, raw)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, platform_id) DO UPDATE SET
        like_count = excluded.like_count, repost_count = excluded.repost_count,
        reply_count = excluded.reply_count, quote_count = excluded.quote_count"""

_INSERT_FOLLOWING_SQL = (
    "INSERT OR IGNORE INTO follows (follower_id, followed_id, first_seen, last_seen) "
    "SELECT ?1, value, ?2, ?2 FROM json_each(?3)"
)
_INSERT_FOLLOWERS_SQL = (
    "INSERT OR IGNORE INTO follows (follower_id, followed_id, first_seen, last_seen) "
    "SELECT value, ?1, ?2, ?2 FROM json_each(?3)"
)


def _edge_groups(pairs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, list[int], str]]:
    """Edges as follow lists, as few as possible: grouped by follower, and the edges of
    followers that have only one (my followers, each following me) grouped by followed when
    that makes fewer lists. An export of 100,000 follows and 45,000 followers is two lists,
    not 45,001 statements."""
    by_follower: dict[int, list[int]] = {}
    for follower, followed in pairs:
        by_follower.setdefault(follower, []).append(followed)
    by_followed: dict[int, list[int]] = {}
    for follower, followed in by_follower.items():
        if len(followed) == 1:
            by_followed.setdefault(followed[0], []).append(follower)
    single = sum(map(len, by_followed.values()))
    if len(by_followed) >= single:  # regrouping saves nothing
        by_followed = {}
    for follower, followed in by_follower.items():
        if not by_followed or len(followed) > 1:
            yield follower, followed, "following"
    for followed, followers in by_followed.items():
        yield followed, followers, "followers"


_account_values = operator.attrgetter(*ACCOUNT_FIELDS)


def _account_row(account: Account, seen: str) -> dict[str, Any]:
    row = dict(zip(ACCOUNT_FIELDS, _account_values(account), strict=True))
    row["created_at"] = iso(account.created_at)
    row["last_post_at"] = iso(account.last_post_at)
    row.update(
        platform=account.platform,
        platform_id=account.platform_id,
        raw=account.raw,
        first_seen=seen,
        last_seen=seen,
    )
    return row


_platform_id = operator.attrgetter("platform_id")
# What an account looked like when this run wrote it, to tell a changed re-sighting from a
# repeat. Not the creation time: hashing a datetime costs as much as all the rest, and it never
# changes once known (accounts whose creation time is unknown are not cached at all).
_fingerprint_values = operator.attrgetter(*(f for f in ACCOUNT_FIELDS if f != "created_at"))


_encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode


def _json(value: Any) -> str | None:
    """Compact JSON text of a raw API record. orjson writes it in a tenth of the time; what it
    cannot write the same way (an integer beyond 64 bits, a non-text key) goes to json.
    Bytes are a record written already (:func:`raw_json_bytes`)."""
    if value is None:
        return None
    if type(value) is bytes:
        return value.decode()
    try:
        return _fast_dumps()(value).decode()
    except TypeError:  # orjson.JSONEncodeError
        return _encode_json(value)


def raw_json_bytes(value: Any) -> bytes:
    """A raw API record written as the workspace stores it (:func:`_json`), UTF-8: what a
    process that reads a file hands to the one that saves it (``import twarc``), which then
    stores it as it is, instead of a record to write."""
    if type(value) is bytes:
        return value
    try:
        return _fast_dumps()(value)
    except TypeError:  # orjson.JSONEncodeError
        return _encode_json(value).encode()


@functools.cache
def _fast_dumps() -> Callable[[Any], bytes]:
    import orjson

    # datetimes and dataclasses as json's default=str writes them
    options = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
    return functools.partial(orjson.dumps, default=str, option=options)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---- opening ---------------------------------------------------------------------------


def _database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over an open workspace connection (:func:`_connect` set its pragmas)."""
    import_sqlite_utils()
    from sqlite_utils import Database

    return Database(conn, recursive_triggers=False)


def _connect(path: Path | None, *, read_only: bool = False) -> sqlite3.Connection:
    """``read_only``: an existing file opened so that any write fails at once."""
    if path is None:
        target, uri = ":memory:", False
    elif read_only:
        target, uri = path.resolve().as_uri() + "?mode=ro", True
    else:
        target, uri = str(path), False
    conn = sqlite3.connect(
        target,
        uri=uri,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,  # explicit transactions only; see Store.transaction
        check_same_thread=False,
    )
    conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils sets on its connections
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    if path is not None:
        # Follow edges arrive in no useful order for the followed_id index; a 64 MB page
        # cache keeps its hot pages in memory during large crawls.
        conn.execute("PRAGMA cache_size = -65536")
    if path is not None and not read_only:
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        # Checkpoint the WAL every ~40 MB rather than every 4 MB: a crawl commits each page.
        conn.execute("PRAGMA wal_autocheckpoint = 10000")
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    # Switching to WAL needs the file to itself, and SQLite answers "locked" at once rather than
    # through the busy timeout while another process is creating the same workspace: retry.
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def _read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _check_is_workspace(conn: sqlite3.Connection, path: Path) -> None:
    try:
        with _read_snapshot(conn):  # one view of both, even while another process creates it
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is not an audience workspace ({exc}).") from None
    if app_id == APP_ID:
        applied = set(migrations.applied_names(conn))
        unknown = applied - OWN_MIGRATION_NAMES
        if unknown:
            raise WorkspaceError(
                f"{path} was written by a newer version of audience (schema steps "
                f"{', '.join(sorted(unknown))}); upgrade audience to open it."
            )
        return
    if tables:
        raise WorkspaceError(
            f"{path} is an SQLite file but not an audience workspace; refusing to touch it."
        )


def open_store(path: str | os.PathLike[str] | None, *, create: bool = True) -> Store:
    """Open (and migrate) a workspace. ``None`` gives an in-memory one, for tests."""
    if path is None:
        conn = _connect(None)
        _migrate(conn)
        return Store(conn, None)
    path = Path(path)
    if not path.exists():
        if not create:
            raise WorkspaceError(f"No workspace at {path}. Run `audience init` first.")
        path.parent.mkdir(parents=True, exist_ok=True)
        # Contact books are personal data: the file is readable by its owner only.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    elif path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file.")
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise WorkspaceError(f"Cannot read {path}: {exc.strerror}.") from None
    if header and not header.startswith(b"SQLite format 3\x00"):
        raise WorkspaceError(f"{path} is not an audience workspace (not an SQLite file).")
    conn = _connect(path)
    _check_is_workspace(conn, path)
    _migrate(conn)
    store = Store(conn, path)
    store.sync_search_index()  # catch up after a run that was killed before it could
    return store


def open_read_only(path: str | os.PathLike[str]) -> Store:
    """An existing, migrated workspace opened for reading: any write fails at once (a cache
    write is then skipped, see ``JudgementCache.save``) instead of waiting for another
    process's write lock. Temporary tables can still be written."""
    store = Store(_connect(Path(path), read_only=True), Path(path))
    store.read_only = True
    return store


MIGRATION_WAIT_SECONDS = 30.0


def _migrate(conn: sqlite3.Connection) -> None:
    # Two processes may create (or upgrade) the same workspace at once, and a migration cannot
    # hold a lock throughout (executescript commits as it goes). The first step of each
    # migration fails for the one that comes second; it waits for the other to finish instead.
    deadline = time.monotonic() + MIGRATION_WAIT_SECONDS
    while migrations.pending_names(conn):
        try:
            conn.execute(f"PRAGMA application_id = {APP_ID}")
            migrations.apply(_database(conn))
        except sqlite3.DatabaseError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
