"""The people export for a PR team: one row per person, CSV (Excel/Sheets-safe), JSON or .xlsx.

A person's accounts (linked by ``accounts.person_id`` or an accepted match) are merged into one
row with a handle, profile URL and follower count per platform; an account linked to nobody is a
row of its own. People with no social account are not exported: they are already in the team's
contact book. Suppressed (forgotten) people and accounts never appear.

Spreadsheet safety: every text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return (also after leading spaces) is prefixed with ``'`` so Excel, LibreOffice and Google Sheets
show it as text instead of running it as a formula. That includes phone numbers
(``'+44 20 7946 0958``, still readable) and any text that looks like a negative number. Numbers
that audience computed itself (follower counts, relevance) are written as plain numbers: they
come from integers, never from user text. Handles are written without ``@`` for the same reason.
JSON output is not neutralised: it is read by programs, not spreadsheets.

A CSV written to a file starts with a BOM so Excel on Windows reads "Zoë" as UTF-8 (standard
output stays plain for pipes). Column names are for people ("X handle"); ``raw_headers`` gives
the code names of :data:`COLUMNS`. The ``.xlsx`` writer (XlsxWriter) stores every text as a
typed string cell, which a spreadsheet never evaluates, so it needs no apostrophe at all: one
sheet per segment, a frozen header row, column widths and clickable profile links.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import marshal
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from audience.errors import AudienceError
from audience.models import PLATFORMS
from audience.privacy import json_strings, list_suppressions, suppressed_ids
from audience.store import Store

COLUMNS: tuple[str, ...] = (
    "name",
    "organisation",
    "outlet",
    "title",
    "bio",
    "segments",
    "relevance",
    "reasons",
    *(f"{platform}_{part}" for platform in PLATFORMS for part in ("handle", "url", "followers")),
    "followers_total",
    "location",
    "country",
    "email",
    "phone",
    "topics",
    "last_active",
    "person_id",
)
PLATFORM_NAMES = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "linkedin": "LinkedIn"}
HEADERS: dict[str, str] = {
    "name": "Name",
    "organisation": "Organisation",
    "outlet": "Outlet",
    "title": "Job title",
    "bio": "Bio",
    "segments": "Segments",
    "relevance": "Relevance (0-100)",
    "reasons": "Why",
    **{
        f"{platform}_{part}": f"{PLATFORM_NAMES[platform]} {label}"
        for platform in PLATFORMS
        for part, label in (("handle", "handle"), ("url", "profile"), ("followers", "followers"))
    },
    "followers_total": "Followers (all platforms)",
    "location": "Location",
    "country": "Country",
    "email": "Email",
    "phone": "Phone",
    "topics": "Topics",
    "last_active": "Last active",
    "person_id": "Person ID",
    "kind": "Kind",
    "value": "Value",
    "created_at": "Added",
}
SUPPRESSION_COLUMNS: tuple[str, ...] = ("kind", "value", "created_at")
FORMATS = ("csv", "json", "xlsx")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_LOOK_CLOSER = frozenset((*FORMULA_TRIGGERS, " "))  # first characters neutralise reads on from
TOP_TOPICS = 5


class ExportError(AudienceError):
    """Nothing to export (empty or unknown segment), or the output cannot be written."""


# ---- spreadsheet safety -------------------------------------------------------------------------


def neutralise(value: Any) -> str | int | float:
    """A cell value that a spreadsheet shows as-is and never evaluates."""
    if type(value) is str and value[:1] not in _LOOK_CLOSER:
        return value  # most cells: nothing to strip, no trigger first
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text[:1] in FORMULA_TRIGGERS or text.lstrip(" ")[:1] in FORMULA_TRIGGERS:
        return "'" + text
    return text


# ---- building rows ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """One future row: a person (or a lone account) and their accounts."""

    person_id: int | None
    accounts: list[dict[str, Any]] = field(default_factory=list)


def build_rows(
    store: Store,
    *,
    segment: str | None = None,
    platforms: Sequence[str] = (),
    topics: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Rows of :data:`COLUMNS`, most relevant first.

    ``segment`` keeps people with an account in that segment; ``platforms`` keeps people with an
    account on one of them. ``topics`` are the workspace's hashtags and keywords (``Rules.topics``)
    used for the relevance score. Raises :class:`ExportError` when nothing is left to export.
    """
    return list(sorted_rows(store, segment=segment, platforms=platforms, topics=topics))


def sorted_rows(
    store: Store,
    *,
    segment: str | None = None,
    platforms: Sequence[str] = (),
    topics: Iterable[str] = (),
) -> SortedRows:
    """:func:`build_rows` without holding them: each row goes to a temporary table as it is
    built, and the rows are read back most relevant first (SQLite sorts them, spilling to disk),
    so a crowd of a million costs the memory of a few rows. Raises :class:`ExportError` when
    nothing is left to export."""
    rows = SortedRows(store)
    context = rows.context = _Context.load(store, topics)
    for row, top in _built_rows(store, segment, platforms, topics, context):
        rows.add(row, top)
    rows.done()
    if not rows:
        raise ExportError(_nothing_message(segment, platforms))
    return rows


def ordered_rows(
    store: Store,
    *,
    segment: str | None = None,
    topics: Iterable[str] = (),
    context: _Context | None = None,
) -> Iterator[tuple[tuple, dict[str, Any]]]:
    """The rows of :func:`sorted_rows` as they are built, unsorted, each with its place in the
    export's order (sorting by it gives :func:`sorted_rows`' order): for a caller that keeps
    a few of them in an order of its own. Raises :class:`ExportError` for an unknown
    segment; yields nothing for an empty one. A ``context`` (:func:`row_context`) keeps the
    press cells read meanwhile for its ``save()``, once out of a read snapshot."""
    for row, top in _built_rows(store, segment, (), topics, context):
        yield _order_key(row, top), row


def _order_key(row: dict[str, Any], top: dict[str, Any]) -> tuple:
    """:class:`SortedRows`' ORDER BY, in Python."""
    followers = top["followers_count"]
    name = (row["name"] or "").casefold().encode("utf-8", "surrogatepass")
    return (
        -row["relevance"],
        name,
        row["person_id"] or 0,
        followers is None,
        -(followers or 0),
        top["id"],
    )


def _built_rows(
    store: Store,
    segment: str | None,
    platforms: Sequence[str],
    topics: Iterable[str],
    context: _Context | None = None,
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each export row as it is built, with its group's top account. The press cells read
    meanwhile are kept for the next run by ``context.save()`` (out of a read snapshot)."""
    unknown = [p for p in platforms if p not in PLATFORMS]
    if unknown:
        raise ExportError(f"Unknown platform {unknown[0]!r}; use one of {', '.join(PLATFORMS)}.")
    segment_id = _segment_id(store, segment) if segment else None
    members = _segment_account_ids(store, segment_id) if segment_id is not None else None
    context = context or _Context.load(store, topics)
    for group in _groups(store, members):
        if members is not None and not any(a["id"] in members for a in group.accounts):
            continue
        if platforms and not any(a["platform"] in platforms for a in group.accounts):
            continue
        yield _row(group, context), group.accounts[0]


_COLUMN_VALUES = itemgetter(*COLUMNS)


class SortedRows:
    """Export rows read back in the export's order: relevance (highest first), name ignoring
    case, person id, then the order of the group's top account (followers, most first; then
    row id). Up to :attr:`_HELD` rows are held and sorted here (each a marshalled tuple, ~0.5
    KB: a crowd of 100,000 sorted in half the time SQLite takes); a larger crowd's go to a
    temporary table of the workspace's connection, which SQLite sorts (spilling to disk)."""

    _BATCH = 2_000
    _HELD = 150_000
    _counter = 0

    def __init__(self, store: Store) -> None:
        SortedRows._counter += 1
        self._store = store
        self._table = f"temp._export_rows_{os.getpid()}_{SortedRows._counter}"
        # (made now, even if no row goes there: made later, while the accounts are being
        # read, it would change the schema under that statement and abort it)
        store.execute(
            f"CREATE TABLE {self._table} (relevance INTEGER, name BLOB, person INTEGER, "
            "no_followers INTEGER, followers INTEGER, account INTEGER, row BLOB)"
        )
        self._spilled = False  # whether the rows went to the table
        self._pending: list[tuple] = []
        self._count = 0
        self.context: _Context | None = None  # what the rows were built with (sorted_rows)
        self.segment_names: dict[str, None] = {}  # every segment named in a row, in first order
        self.unsegmented = 0  # rows in no segment

    def add(self, row: dict[str, Any], top: Any) -> None:
        followers = top["followers_count"]
        name = (row["name"] or "").casefold().encode("utf-8", "surrogatepass")
        values = _COLUMN_VALUES(row)
        self._pending.append(
            (
                row["relevance"],
                name,
                row["person_id"] or 0,
                followers is None,
                followers,
                top["id"],
                marshal.dumps(values),
            )
        )
        names = _row_segments(row) if row["segments"] else ()
        for segment in names:
            self.segment_names.setdefault(segment)
        self.unsegmented += not names
        self._count += 1
        if len(self._pending) >= (self._BATCH if self._spilled else self._HELD):
            self._flush()

    def _flush(self) -> None:
        self._spilled = True
        self._store.db.conn.executemany(
            f"INSERT INTO {self._table} VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending
        )
        self._pending = []

    def done(self) -> None:
        if self._spilled:
            self._flush()
        else:  # the ORDER BY of values(), in Python (no two rows share a top account)
            self._pending.sort(key=_held_order)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        columns = COLUMNS
        for values in self.values():
            yield dict(zip(columns, values, strict=True))

    def values(self) -> Iterator[tuple]:
        """The rows as tuples of the values of :data:`COLUMNS`, in the export's order."""
        if not self._spilled:
            return map(marshal.loads, map(itemgetter(6), self._pending))
        cursor = self._store.execute(
            f"SELECT row FROM {self._table} ORDER BY relevance DESC, name, person, "
            "no_followers, followers DESC, account"
        )
        return map(marshal.loads, map(itemgetter(0), cursor))

    def close(self) -> None:
        """Drop the table (also dropped with the connection)."""
        self._pending = []
        with contextlib.suppress(Exception):
            self._store.execute(f"DROP TABLE IF EXISTS {self._table}")


def _held_order(held: tuple) -> tuple:
    """A held row's place: ``ORDER BY relevance DESC, name, person, no_followers, followers
    DESC, account`` (followers is None only where no_followers is true)."""
    relevance, name, person, no_followers, followers, account, _ = held
    return (-relevance, name, person, no_followers, -(followers or 0), account)


def _nothing_message(segment: str | None, platforms: Sequence[str]) -> str:
    where = f" in segment {segment!r}" if segment else ""
    if platforms:
        where += f" on {', '.join(platforms)}"
    return f"Nothing to export: no people{where}. No file was written."


def _segment_id(store: Store, name: str) -> int:
    segment_id = store.scalar("SELECT id FROM segments WHERE name = ?", [name])
    if segment_id is None:
        names = [r["name"] for r in store.query("SELECT name FROM segments ORDER BY name")]
        raise ExportError(f"Unknown segment {name!r}; known segments: {', '.join(names)}.")
    return segment_id


def _segment_account_ids(store: Store, segment_id: int) -> set[int]:
    rows = store.execute(
        "SELECT account_id FROM segment_members WHERE segment_id = ? AND excluded = 0",
        [segment_id],
    )
    return {r[0] for r in rows}


# Each account with what its row needs from other tables, read by SQLite per account (one
# index look-up each), so the crowd streams by in row-id order with nothing held: its hashtags
# with their uses (tag, unit separator, uses; record separator between) and its segment
# memberships (a JSON array of [segment, reason, is_primary]).
_ACCOUNTS_SQL = """
SELECT a.id, a.platform, a.platform_id,
       coalesce(a.handle, a.platform_id) AS handle,  -- a Bluesky DID until its handle is known
       a.display_name, a.location, a.country,
       a.url, a.followers_count, a.last_post_at, a.bio,
       coalesce(a.person_id, (SELECT min(m.person_id) FROM matches m
                              WHERE m.account_id = a.id AND m.status = 'accepted')) AS person_id,
       (SELECT group_concat(tag || char(31) || uses, char(30)) FROM (
            SELECT h.tag, count(*) AS uses FROM posts p JOIN post_hashtags h ON h.post_id = p.id
            WHERE p.account_id = a.id GROUP BY h.tag)) AS tags,
       (SELECT json_group_array(json_array(s.name, m.reason, m.is_primary))
        FROM segment_members m JOIN segments s ON s.id = m.segment_id
        WHERE m.account_id = a.id AND m.excluded = 0) AS memberships
FROM accounts a
WHERE (a.handle IS NOT NULL OR a.platform = 'bluesky')
  AND a.id NOT IN (SELECT account_id FROM my_accounts){members}
"""
# A segment's accounts, and any account that may share a person with one (linked or matched):
# a lone account outside the segment is never in its rows, so SQLite leaves it out.
_MEMBERS_OR_PEOPLE = """
  AND (a.id IN (SELECT value FROM json_each(?)) OR a.person_id IS NOT NULL
       OR EXISTS (SELECT 1 FROM matches m WHERE m.account_id = a.id AND m.status = 'accepted'))"""


_ACCOUNT_FIELDS = (
    "id",
    "platform",
    "platform_id",
    "handle",
    "display_name",
    "location",
    "country",
    "url",
    "followers_count",
    "last_post_at",
    "bio",
    "person_id",
    "tags",
    "memberships",
)
_TAGS, _MEMBERSHIPS = _ACCOUNT_FIELDS.index("tags"), _ACCOUNT_FIELDS.index("memberships")


def _account(row: tuple) -> dict[str, Any]:
    """The account of a row of :data:`_ACCOUNTS_SQL` by column name, with ``tags`` a Counter
    of its hashtag uses and ``memberships`` its segment memberships (primary first, then by
    name). A dict: a row reads ~18 of its fields, and the rows stream by (few are held)."""
    account = dict(zip(_ACCOUNT_FIELDS, row, strict=True))
    tags, memberships = row[_TAGS], row[_MEMBERSHIPS]
    if tags is None:
        account["tags"] = _NO_TAGS
    else:
        counted: Counter = Counter()
        for item in tags.split("\x1e"):
            tag, _, uses = item.rpartition("\x1f")
            counted[tag] += int(uses)
        account["tags"] = counted
    if memberships == "[]":
        account["memberships"] = ()
    else:
        members = sorted(json.loads(memberships), key=lambda m: (-m[2], m[0]))
        account["memberships"] = tuple({"name": m[0], "reason": m[1]} for m in members)
    return account


def _top_first(account: dict[str, Any]) -> tuple:
    """An account's place in a group: most followers first (unknown last), then row id."""
    followers = account["followers_count"]
    return (followers is None, -(followers or 0), account["id"])


def _groups(store: Store, members: set[int] | None = None) -> Iterator[_Group]:
    """Every lone account as it is read, then every person with their accounts (top account
    first). ``members`` (a segment's accounts): only the accounts that may be in a group
    holding one are read."""
    hidden_people, hidden_accounts = suppressed_ids(store)
    if members is None:
        cursor = store.execute(_ACCOUNTS_SQL.format(members=""))
    else:
        sql = _ACCOUNTS_SQL.format(members=_MEMBERS_OR_PEOPLE)
        cursor = store.execute(sql, [json.dumps(sorted(members))])
    names = tuple(d[0] for d in cursor.description)
    if names != _ACCOUNT_FIELDS:
        raise RuntimeError(f"_ACCOUNTS_SQL gives {names}, not {_ACCOUNT_FIELDS}")
    ID, PERSON = names.index("id"), names.index("person_id")  # noqa: N806
    by_person: dict[int, list[dict[str, Any]]] = {}
    for row in cursor:
        if row[ID] in hidden_accounts:
            continue
        person_id = row[PERSON]
        if person_id is None:
            if members is None or row[ID] in members:
                yield _Group(None, [_account(row)])
        elif person_id not in hidden_people:
            by_person.setdefault(person_id, []).append(_account(row))
    for person_id, accounts in by_person.items():
        accounts.sort(key=_top_first)
        yield _Group(person_id, accounts)


@dataclass
class _Context:
    """Everything the rows need beyond the accounts, fetched once per export: the people
    (a crowd's few) and their contacts."""

    people: dict[int, dict[str, Any]]
    contacts: dict[int, list[dict[str, Any]]]
    points: dict[tuple[int, str], list[str]]
    topics: tuple[str, ...]  # sorted
    store: Store | None = None
    press: Any = None  # the press cells kept between runs (a JudgementCache), once needed

    @classmethod
    def load(cls, store: Store, topics: Iterable[str]) -> _Context:
        contacts, points = _contacts_by_person(store)
        return cls(
            people={r["id"]: r for r in store.query(_PEOPLE_SQL)},
            contacts=contacts,
            points=points,
            topics=tuple(sorted({_topic_key(t) for t in topics if _topic_key(t)})),
            store=store,
        )

    def press_cells(self, accounts: list[dict[str, Any]]) -> tuple[str | None, str | None]:
        """:func:`press_cells` of a press member's group, kept between runs (issue 18):
        reading a journalist's bio costs ~50 us, and the press is re-read by every export
        and report. A changed handle, name or bio, or changed rules, reads it again. Only a
        lone account's are kept, under its own id: forgetting an account deletes its rows,
        and no row holds what another account's bio said."""
        if self.store is None or len(accounts) > 1:
            return press_cells(accounts)
        if self.press is None:
            from audience.judgement_cache import JudgementCache, context_fingerprint

            context = context_fingerprint("export-press", _code_digest())
            self.press = JudgementCache(self.store, "export-press", context)
        account = accounts[0]
        read = (account["handle"], account["display_name"], account["bio"])
        outlet, term = self.press.judge(account["id"], read, press_cells, accounts)
        return outlet, term

    def save(self) -> None:
        """Keep the press cells read for the next run. Not inside a transaction (a read
        snapshot): the write would hold the workspace's write lock until it ends."""
        if self.press is not None and self.store is not None and not self.store.in_transaction:
            self.press.save()

    def contacts_of(self, person_id: int) -> list[dict[str, Any]]:
        """A person's contacts, then their contact points: those fill in when the contacts'
        JSON lists are empty."""
        return [
            *self.contacts.get(person_id, ()),
            {
                "emails": json.dumps(self.points.get((person_id, "email"), [])),
                "phones": json.dumps(self.points.get((person_id, "phone"), [])),
            },
        ]


def row_context(store: Store, topics: Iterable[str] = ()) -> _Context:
    """What :func:`ordered_rows` reads besides the accounts, for a caller that saves the press
    cells it keeps (``context.save()``) after its read snapshot."""
    return _Context.load(store, topics)


def _code_digest() -> str:
    """This module's code: the press cells are read by it as well as by the rules."""
    import hashlib

    return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()


def press_cells(accounts: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The outlet (:func:`outlet_of`) and the press role (:func:`press_finding`'s term) of
    a press member's accounts: the Outlet column, and the Title column for want of one."""
    finding = press_finding(accounts)
    return outlet_of(accounts, finding), finding.term if finding else None


_PEOPLE_SQL = "SELECT id, name, organisation, title, city, country FROM people"


def _topic_key(text: str) -> str:
    return "".join(text.lstrip("#").lower().split())


def _contacts_by_person(
    store: Store,
) -> tuple[dict[int, list[dict[str, Any]]], dict[tuple[int, str], list[str]]]:
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for contact in store.query(
        "SELECT id, person_id, full_name, organisation, title, city, country, emails, phones "
        "FROM contacts WHERE person_id IS NOT NULL ORDER BY id"
    ):
        result[contact["person_id"]].append(contact)
    points: dict[tuple[int, str], list[str]] = defaultdict(list)
    for person_id, kind, value in store.execute(
        "SELECT c.person_id, p.kind, p.value FROM contact_points p JOIN contacts c "
        "ON c.id = p.contact_id WHERE p.kind IN ('email', 'phone') AND c.person_id IS NOT NULL "
        "ORDER BY c.id"
    ):
        points[(person_id, kind)].append(value)
    return dict(result), dict(points)


_NO_PERSON: dict[str, Any] = {}
_NO_TAGS: Counter = Counter()


def _row(group: _Group, ctx: _Context) -> dict[str, Any]:
    """One row. Runs for every person and lone account of the crowd: what most rows lack
    (a person, contacts, segments, hashtags, a second account) costs nothing."""
    accounts = group.accounts
    top = accounts[0]
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    alone = len(accounts) == 1
    if group.person_id is None:  # a lone account: most of a crowd
        row["name"] = top["display_name"] or top["handle"]
        row["location"] = top["location"] or None
        row["country"] = top["country"] or None
    else:
        person = ctx.people.get(group.person_id, _NO_PERSON)
        contacts = ctx.contacts_of(group.person_id)
        _fill_person_cells(row, person, contacts, accounts)
    memberships = top["memberships"] if alone else [m for a in accounts for m in a["memberships"]]
    if memberships and any(m["name"] == "press" for m in memberships):
        # Bios are read only for the press: at ~50 µs a bio, not for a whole crowd.
        outlet, term = ctx.press_cells(accounts)
        row["outlet"] = outlet or row["organisation"]
        row["title"] = row["title"] or term
    if alone:
        _fill_account_cells(row, top)
    else:
        row["bio"] = next((a["bio"] for a in accounts if a["bio"]), None)
        _fill_platform_cells(row, accounts)
        row["followers_total"] = sum(a["followers_count"] or 0 for a in accounts)
        last = max((a["last_post_at"] for a in accounts if a["last_post_at"]), default=None)
        row["last_active"] = last[:10] if last else None
    tags = _account_tags(accounts)
    if tags:
        row["topics"] = " ".join(f"#{tag}" for tag, _ in _top_tags(tags)) or None
    row["person_id"] = group.person_id
    segments, reasons = _segments_and_reasons(memberships) if memberships else ([], [])
    topic_hits = _topic_hits(accounts, tags, ctx.topics)
    row["segments"] = "; ".join(segments) or None
    row["reasons"] = "; ".join([*reasons, *(f"topic: {t}" for t in topic_hits)]) or None
    row["relevance"] = relevance(bool(segments), len(topic_hits), row["followers_total"])
    return row


def _fill_account_cells(row: dict[str, Any], account: dict[str, Any]) -> None:
    """The cells of a group of one account: what the loops over a group's accounts give for
    one, without the loops (most rows of a crowd)."""
    row["bio"] = account["bio"] or None
    if account["platform"] in _CELL_NAMES:
        handle, url, followers = _CELL_NAMES[account["platform"]]
        row[handle] = account["handle"].lstrip("@") or None
        row[url] = profile_url(account) or None
        row[followers] = account["followers_count"]
    row["followers_total"] = account["followers_count"] or 0
    last = account["last_post_at"]
    row["last_active"] = last[:10] if last else None


def _fill_person_cells(
    row: dict[str, Any], person: dict[str, Any], contacts: Sequence[dict], accounts: list[dict]
) -> None:
    """Name, organisation, title, place, email and phone of a person: the person's own
    values, else their contacts', else their accounts'."""
    top = accounts[0]
    row["name"] = (
        person.get("name") or _first(contacts, "full_name") or top["display_name"] or top["handle"]
    )
    row["organisation"] = person.get("organisation") or _first(contacts, "organisation")
    row["title"] = person.get("title") or _first(contacts, "title")
    row["location"] = _location(person, contacts, accounts)
    row["country"] = (
        person.get("country")
        or _first(contacts, "country")
        or next((a["country"] for a in accounts if a["country"]), None)
    )
    row["email"] = next((e for c in contacts for e in json_strings(c.get("emails"))), None)
    row["phone"] = _format_phone(
        next((p for c in contacts for p in json_strings(c.get("phones"))), None)
    )


def _account_tags(accounts: list[Any]) -> Counter:
    """The hashtags of a group's accounts with their uses (read-only: may be the account's)."""
    if len(accounts) == 1:
        return accounts[0]["tags"]
    tags: Counter = Counter()
    for account in accounts:
        tags.update(account["tags"])
    return tags


def press_finding(accounts: list[dict[str, Any]]) -> Any:
    """The press role and outlet named in the first bio that names one: the same reading of a
    bio as press detection (``roles.press_role``), so the outlet column and the segment agree."""
    from audience.roles import press_role

    findings = [f for f in map(press_role, (a.get("bio") for a in accounts)) if f]
    return next((f for f in findings if _outlet_name(f.outlet)), findings[0] if findings else None)


def outlet_of(accounts: list[dict[str, Any]], finding: Any = None) -> str | None:
    """The outlet a journalist names in a bio ("Reporter at Customer Desk Weekly"), or, for a
    news outlet's own account (``roles.outlet_account``), the outlet's own name. ``finding``:
    :func:`press_finding` of the same accounts, when already known."""
    from audience.roles import outlet_account

    finding = finding or press_finding(accounts)
    if finding and _outlet_name(finding.outlet):
        return _outlet_name(finding.outlet)
    if finding and not finding.outlet:
        return None  # a journalist who names no outlet ("freelance", "broadcaster")
    for account in accounts:
        own = outlet_account(account.get("handle"), account.get("display_name"), account.get("bio"))
        if own:
            return account.get("display_name") or account.get("handle")
    return None


def _outlet_name(outlet: str | None) -> str | None:
    """``@HarbourlightMedia`` -> ``HarbourlightMedia``; a mail domain (``@paper.example``, read
    from "tips: desk@paper.example") is no outlet."""
    if not outlet:
        return None
    if outlet.startswith("@") and "." in outlet:
        return None
    return outlet.lstrip("@") or None


def relevance(in_segment: bool, topic_hits: int, followers: int) -> int:
    """0-100: 40 for belonging to a segment, 10 per workspace topic they use or mention in their
    bio (at most 30), and up to 30 for reach (6 per power of ten of followers)."""
    reach = min(30, round(6 * math.log10(1 + max(followers, 0))))
    return (40 if in_segment else 0) + min(30, 10 * topic_hits) + reach


def _top_tags(tags: Counter) -> list[tuple[str, int]]:
    return sorted(tags.items(), key=lambda item: (-item[1], item[0]))[:TOP_TOPICS]


def _first(rows: list[dict[str, Any]], key: str) -> Any:
    return next((r[key] for r in rows if r.get(key)), None)


_PLATFORM_COLUMNS = tuple(
    f"{platform}_{part}" for platform in PLATFORMS for part in ("handle", "url", "followers")
)
_CELL_NAMES = {
    platform: (f"{platform}_handle", f"{platform}_url", f"{platform}_followers")
    for platform in PLATFORMS
}


def _fill_platform_cells(row: dict[str, Any], accounts: list[dict[str, Any]]) -> None:
    """Per platform: the handles and profile links of the group's accounts there ("; "
    between several) and the first one's followers. Platforms with none stay as they are."""
    by_platform: dict[str, list[dict[str, Any]]] = {}
    for account in accounts:
        if account["platform"] in _CELL_NAMES:
            by_platform.setdefault(account["platform"], []).append(account)
    for platform, mine in by_platform.items():
        handle, url, followers = _CELL_NAMES[platform]
        row[handle] = "; ".join(a["handle"].lstrip("@") for a in mine) or None
        row[url] = "; ".join(profile_url(a) for a in mine) or None
        row[followers] = mine[0]["followers_count"]


def profile_url(account: dict[str, Any]) -> str:
    """The account's web page: the stored URL, else one built from the handle."""
    if account.get("url"):
        return account["url"]
    handle = (account.get("handle") or "").lstrip("@")
    platform = account["platform"]
    if platform == "x":
        return f"https://x.com/{handle}"
    if platform == "bluesky":
        return f"https://bsky.app/profile/{handle}"
    if platform == "mastodon" and "@" in handle:
        user, _, server = handle.partition("@")
        return f"https://{server}/@{user}"
    if platform == "linkedin":
        return f"https://www.linkedin.com/in/{handle}"
    return ""


def _location(person: dict, contacts: list[dict], accounts: list[dict]) -> str | None:
    city = person.get("city") or _first(contacts, "city")
    if city:
        return city
    return next((a["location"] for a in accounts if a["location"]), None)


def _format_phone(phone: str | None) -> str | None:
    """``+442079460958`` -> ``+44 20 7946 0958`` (readable in a sheet); as-is if unparseable."""
    if not phone:
        return None
    import phonenumbers

    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _segments_and_reasons(memberships: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Segment names and "segment: reason" texts of a group's memberships, each once, in
    order."""
    segments: list[str] = []
    reasons: list[str] = []
    for member in memberships:
        if member["name"] not in segments:
            segments.append(member["name"])
        reason = f"{member['name']}: {member['reason']}" if member["reason"] else None
        if reason and reason not in reasons:
            reasons.append(reason)
    return segments, reasons


def _topic_hits(accounts: list[dict], tags: Counter, topics: Collection[str]) -> list[str]:
    """The workspace topics a group uses as hashtags, then those its bios name (spaces
    ignored). ``topics`` is iterated in order: the context keeps them sorted."""
    if not topics:
        return []
    hits = sorted(f"#{tag}" for tag in tags if _topic_key(tag) in topics) if tags else []
    bios = [a["bio"] for a in accounts if a["bio"]]
    if not bios:
        return hits
    squashed = "".join("".join(bio.lower().split()) for bio in bios)
    for topic in topics if isinstance(topics, tuple) else sorted(topics):
        if topic in squashed and f"#{topic}" not in hits:
            hits.append(topic)
    return hits


# ---- writing ------------------------------------------------------------------------------------


def write_csv(
    rows: Iterable[dict[str, Any]],
    out: TextIO,
    columns: Sequence[str] = COLUMNS,
    headers: Sequence[str] | None = None,
) -> None:
    """CSV with CRLF line ends (the csv module's default) and every cell neutralised;
    ``headers`` (default: the column names) is the first line."""
    writer = csv.writer(out)
    writer.writerow(headers or columns)
    writer.writerows(
        [
            "" if value is None else value if type(value) is int else neutralise(value)
            for value in values
        ]
        for values in _row_values(rows, columns)
    )  # a generator: the rows are written as they come


def _row_values(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[Sequence]:
    """Each row's values of ``columns``: :class:`SortedRows` hands its stored tuples over as
    they are (no dict built and taken apart again)."""
    if isinstance(rows, SortedRows) and tuple(columns) == COLUMNS:
        return rows.values()
    return map(_cells_of(columns), rows)


def _cells_of(columns: Sequence[str]) -> Callable[[dict[str, Any]], Sequence[Any]]:
    """The values of ``columns`` in a row, None where it has no such key: one C-level call
    for a full row."""
    getter = itemgetter(*columns) if len(columns) > 1 else None

    def cells(row: dict[str, Any]) -> Sequence[Any]:
        if getter is not None:
            try:
                return getter(row)
            except KeyError:
                pass
        return [row.get(column) for column in columns]

    return cells


def write_json(
    rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] = COLUMNS
) -> None:
    """A JSON array of the rows, indented by two spaces (what ``json.dumps(rows, indent=2)``
    writes), one row at a time."""
    out.write("[")
    separator = "\n  "
    for row in rows:
        item = json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, indent=2)
        out.write(separator + item.replace("\n", "\n  "))  # no raw line break is in a value
        separator = ",\n  "
    out.write("\n]\n" if separator != "\n  " else "]\n")


def human_headers(columns: Sequence[str]) -> list[str]:
    """Column names for people: "X handle", "Followers (all platforms)"."""
    return [HEADERS.get(column, column.replace("_", " ").capitalize()) for column in columns]


def render(
    rows: list[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] = COLUMNS,
    *,
    excel: bool = False,
    raw_headers: bool = True,
) -> str:
    """The whole output as text; ``excel`` starts CSV with a BOM so Excel reads it as UTF-8;
    ``raw_headers=False`` names CSV columns for people."""
    if fmt not in ("csv", "json"):
        raise ExportError(f"Unknown format {fmt!r}; use csv, json or xlsx.")
    buffer = io.StringIO(newline="")
    if fmt == "csv":
        if excel:
            buffer.write("\ufeff")
        write_csv(rows, buffer, columns, None if raw_headers else human_headers(columns))
    else:
        write_json(rows, buffer, columns)
    return buffer.getvalue()


def atomic_write_text(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) through a temporary file in the same folder, then rename it into
    place: a failure leaves the old file (or none), never half of a new one. The file is readable
    by its owner only, since exports hold personal data."""
    return atomic_write(path, lambda handle: handle.write(text))


def atomic_write(path: Path, write: Callable[[TextIO], Any]) -> Path:
    """:func:`atomic_write_text` for a writer that takes an open text handle."""

    def write_file(name: str) -> None:
        with open(name, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())

    return _atomic_file(path, write_file)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


# ---- .xlsx --------------------------------------------------------------------------------------

SHEET_NAME_LIMIT = 31
URL_LIMIT = 2079  # Excel refuses longer links; those are written as text
LINKS_PER_SHEET = 65_530  # Excel's limit of links in one worksheet
WIDTH_LIMIT = 60
ALL_SHEET = "Everyone"
NO_SEGMENT_SHEET = "No segment"
# Past this many people in no segment, their sheet would mostly repeat "Everyone" (and double
# the workbook's cells, XlsxWriter's time): it is left out; the Segments column's filter for
# blanks on "Everyone" shows them.
NO_SEGMENT_SHEET_ROWS = 20_000


def write_xlsx(
    rows: Iterable[dict[str, Any]],
    path: Path,
    columns: Sequence[str] = COLUMNS,
    *,
    raw_headers: bool = False,
    by_segment: bool = True,
    title: str = ALL_SHEET,
) -> Path:
    """The rows as a workbook: everyone on the first sheet, then one sheet per segment (and one
    for people in none), each with a frozen header row, column widths and clickable profile
    links. Text goes in as typed string cells, so nothing is ever evaluated and nothing needs an
    apostrophe. ``title`` names the first sheet. Rows are written as they come (every sheet at
    once), so ``rows`` may stream by. Written through a temporary file and renamed into place.
    A sheet holds at most Excel's :data:`SHEET_ROW_LIMIT` rows: the rows past it (the least
    relevant) are left out."""
    if by_segment and not isinstance(rows, list | SortedRows):
        rows = list(rows)  # read twice: for the sheet names, then written
    headers = list(columns) if raw_headers else human_headers(columns)
    names = [title, *(_segment_sheets(rows) if by_segment else ())]
    return _atomic_file(
        path, lambda temp: _write_workbook(temp, headers, columns, names, rows, by_segment)
    )


def _segment_sheets(rows: Iterable[dict[str, Any]]) -> list[str]:
    """The segment sheets' names in order (by name, "No segment" last, when at least one and at
    most :data:`NO_SEGMENT_SHEET_ROWS` rows are in no segment). :class:`SortedRows` noted the
    segments as its rows were built; a list is read here."""
    if isinstance(rows, SortedRows):
        names, unsegmented = list(rows.segment_names), rows.unsegmented
    else:
        seen: dict[str, None] = {}
        unsegmented = 0
        for row in rows:
            found = _row_segments(row)
            seen.update(dict.fromkeys(found))
            unsegmented += not found
        names = list(seen)
    no_segment = 0 < unsegmented <= NO_SEGMENT_SHEET_ROWS
    return sorted(names) + ([NO_SEGMENT_SHEET] if no_segment else [])


def _row_segments(row: dict[str, Any]) -> list[str]:
    return _split_segments(row.get("segments"))


def _split_segments(cell: str | None) -> list[str]:
    return [n.strip() for n in (cell or "").split(";") if n.strip()]


def _segment_names(cell: str | None) -> list[str]:
    """The sheets a row goes on besides the first: its segments, else "No segment"."""
    return _split_segments(cell) or [NO_SEGMENT_SHEET]


def _write_workbook(
    filename: str,
    headers: list[str],
    columns: Sequence[str],
    names: list[str],
    rows: Iterable[dict[str, Any]],
    by_segment: bool,
) -> None:
    import xlsxwriter

    # constant_memory: each row goes to disk as soon as the next one starts, so a sheet of
    # 100,000 rows costs no more memory than one row. Each sheet gets its rows in order, so
    # the sheets can be filled side by side in one pass over the rows.
    options = {
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "constant_memory": True,
    }
    workbook = xlsxwriter.Workbook(filename, options)
    styles = {
        "header": workbook.add_format({"bold": True, "bg_color": "#EDF2F7", "bottom": 1}),
        "link": workbook.add_format({"font_color": "#2B6CB0", "underline": 1}),
    }
    used: set[str] = set()
    sheets = {
        name: _Sheet(workbook.add_worksheet(_sheet_name(name, used)), headers, columns, styles)
        for name in names
    }
    everyone = sheets[names[0]]
    links = everyone.link_columns
    at = list(columns).index("segments") if by_segment and "segments" in columns else None
    for values in _row_values(rows, columns):
        prepared = _prepared_cells(values, links)  # once for every sheet the row is on
        everyone.add(prepared)
        if by_segment:
            for name in _segment_names(values[at] if at is not None else None):
                if sheet := sheets.get(name):  # no "No segment" sheet in a large crowd
                    sheet.add(prepared)
    for sheet in sheets.values():
        sheet.finish()
    workbook.close()


SHEET_ROW_LIMIT = 1_048_575  # Excel's 1,048,576 rows, less the header row
_TEXT, _NUMBER, _LINK = range(3)


def _prepared_cells(values: Sequence[Any], link_columns: set[int]) -> list[tuple]:
    """A row's cells as (column, kind, value, width): empty cells left out, numbers as
    numbers (a bool as 0 or 1), anything else as text; the width is that of the text shown
    (a number with its thousands separators)."""
    prepared = []
    for col, value in enumerate(values):
        if value is None or value == "":
            continue
        if type(value) is str:
            prepared.append((col, _LINK if col in link_columns else _TEXT, value, len(value)))
        elif isinstance(value, int | float):
            value = int(value) if isinstance(value, bool) else value
            prepared.append((col, _NUMBER, value, len(f"{value:,}")))
        else:
            text = str(value)
            prepared.append((col, _TEXT, text, len(text)))
    return prepared


class _Sheet:
    """One worksheet being filled row by row, its column widths measured as it goes."""

    def __init__(self, sheet: Any, headers: list[str], columns: Sequence[str], styles) -> None:
        self.sheet, self.styles = sheet, styles
        self.widths = [len(h) for h in headers]
        self.rows = 0
        self.links = _LinkBudget()
        self.link_columns = {col for col, column in enumerate(columns) if column.endswith("_url")}
        # XlsxWriter's writers without the decorator that reads "A1" cell names
        self.write_string = getattr(sheet, "_write_string", sheet.write_string)
        self.write_number = getattr(sheet, "_write_number", sheet.write_number)
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, styles["header"])

    def add(self, cells: list[tuple]) -> None:
        """A row of :func:`_prepared_cells`. Cells go in by row and column numbers, so they
        skip XlsxWriter's "A1" argument parsing (its undecorated writers, where it has them):
        at 2 million cells, that alone is a second."""
        if self.rows >= SHEET_ROW_LIMIT:
            return  # Excel opens no more; XlsxWriter would drop each cell with a warning
        self.rows += 1
        r, sheet, widths = self.rows, self.sheet, self.widths
        write_string, write_number = self.write_string, self.write_number
        for col, kind, value, width in cells:
            if kind == _TEXT:
                write_string(r, col, value)
            elif kind == _NUMBER:
                write_number(r, col, value)
            elif self.links.take(value):
                sheet.write_url(r, col, value, self.styles["link"], string=value)
            else:
                write_string(r, col, value)
            if width > widths[col]:
                widths[col] = min(width, WIDTH_LIMIT)

    def finish(self) -> None:
        for col, width in enumerate(self.widths):
            self.sheet.set_column(col, col, width + 2)
        self.sheet.freeze_panes(1, 0)
        self.sheet.autofilter(0, 0, max(self.rows, 1), len(self.widths) - 1)


class _LinkBudget:
    """Excel keeps at most :data:`LINKS_PER_SHEET` links in a sheet (XlsxWriter drops any
    cell beyond, with a warning each): the first ones are links, the rest plain text."""

    def __init__(self) -> None:
        self.left = LINKS_PER_SHEET

    def take(self, text: str) -> bool:
        if self.left <= 0 or not text.startswith("https://") or ";" in text:
            return False
        if len(text) > URL_LIMIT:
            return False
        self.left -= 1
        return True


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ") or "Sheet"
    candidate, n = clean[:SHEET_NAME_LIMIT], 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate, n = clean[: SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
    used.add(candidate.casefold())
    return candidate


def _atomic_file(path: Path, write: Callable[[str], Any]) -> Path:
    """Have ``write`` fill a temporary file (owner-only, in the same folder), then rename it
    into place: a failure leaves the old file (or none), never half of a new one."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        write(temp_name)
        os.replace(temp_name, path)
    except OSError as exc:
        _remove_quietly(temp_name)
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    return path


def format_for(output: Path | None, fmt: str | None) -> str:
    """The format asked for, else the output file's extension (.xlsx, .json), else CSV."""
    if fmt:
        chosen = fmt.lower()
    elif output is not None and output.suffix.lower() in (".xlsx", ".json"):
        chosen = output.suffix.lower().lstrip(".")
    else:
        chosen = "csv"
    if chosen not in FORMATS:
        raise ExportError(f"Unknown format {fmt!r}; use csv, json or xlsx.")
    if chosen == "xlsx" and output is None:
        raise ExportError("A workbook cannot go to standard output; give -o FILE.xlsx.")
    return chosen


@dataclass
class ExportResult:
    rows: int
    text: str
    fmt: str = "csv"
    left_out: int = 0  # rows past Excel's row limit, not in the workbook


def export_people(
    store: Store,
    *,
    fmt: str | None = None,
    excel: bool | None = None,
    raw_headers: bool = True,
    segment: str | None = None,
    platforms: Sequence[str] = (),
    topics: Iterable[str] = (),
    output: Path | None = None,
) -> ExportResult:
    """Build and render the export; write it atomically to ``output`` when given.

    ``fmt`` defaults to the output's extension (``.xlsx``, ``.json``), else CSV; ``excel`` (the
    BOM) defaults to on for a CSV file and off for standard output. Everything is checked before
    the file is touched, so an empty or unknown segment writes nothing.
    """
    fmt = format_for(output, fmt)
    with store.snapshot():  # one consistent state even while a crawl writes
        rows = sorted_rows(store, segment=segment, platforms=platforms, topics=topics)
    if rows.context is not None:
        rows.context.save()
    try:
        return _write_export(rows, fmt, output, excel, raw_headers, segment)
    finally:
        rows.close()


def _write_export(
    rows: SortedRows,
    fmt: str,
    output: Path | None,
    excel: bool | None,
    raw_headers: bool,
    segment: str | None,
) -> ExportResult:
    """Rows streamed to the file (memory: a row at a time), or rendered for standard output."""
    if fmt == "xlsx":
        write_xlsx(
            rows,
            output,
            raw_headers=raw_headers,
            by_segment=segment is None,
            title=segment or ALL_SHEET,
        )
        left_out = max(0, len(rows) - SHEET_ROW_LIMIT)
        return ExportResult(rows=len(rows) - left_out, text="", fmt=fmt, left_out=left_out)
    bom = output is not None if excel is None else excel
    if output is None:
        return ExportResult(
            rows=len(rows), text=render(rows, fmt, excel=bom, raw_headers=raw_headers), fmt=fmt
        )
    if fmt == "csv":
        headers = None if raw_headers else human_headers(COLUMNS)

        def write(handle: TextIO) -> None:
            handle.write("\ufeff" if bom else "")
            write_csv(rows, handle, COLUMNS, headers)

        atomic_write(output, write)
    else:
        atomic_write(output, lambda handle: write_json(rows, handle))
    return ExportResult(rows=len(rows), text="", fmt=fmt)


def export_suppressions(
    store: Store,
    *,
    fmt: str | None = None,
    excel: bool | None = None,
    raw_headers: bool = True,
    output: Path | None = None,
) -> ExportResult:
    """The suppression list (what ``forget`` left behind), for audits."""
    fmt = format_for(output, fmt)
    rows = list_suppressions(store)
    if fmt == "xlsx":
        write_xlsx(
            rows,
            output,
            SUPPRESSION_COLUMNS,
            raw_headers=raw_headers,
            by_segment=False,
            title="Suppressions",
        )
        return ExportResult(rows=len(rows), text="", fmt=fmt)
    bom = output is not None if excel is None else excel
    text = render(rows, fmt, SUPPRESSION_COLUMNS, excel=bom, raw_headers=raw_headers)
    if output is not None:
        atomic_write_text(output, text)
    return ExportResult(rows=len(rows), text=text, fmt=fmt)
