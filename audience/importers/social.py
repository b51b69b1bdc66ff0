"""What every social-network export importer produces, and the one place it is saved.

Importers parse a whole file into a :class:`SocialImport` first (raising
:class:`~audience.errors.InputError` on the first bad part), then :func:`save_social_import`
writes it in one transaction, so a bad file leaves the workspace untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from audience.errors import InputError
from audience.models import Account, ListInfo, Post
from audience.store import Store, iso, now_iso

MAX_NESTING = 200  # JSON deeper than this is not an export; json would hit RecursionError
LOOKUP_BATCH = 100  # X GET /2/users?ids= takes at most 100 ids


@dataclass
class SocialList:
    info: ListInfo
    member_ids: list[str] = field(default_factory=list)


@dataclass
class SocialImport:
    """One export, parsed. ``following_ids``/``follower_ids`` are relative to ``owner``; None
    means the export does not carry that list at all (not "nobody")."""

    platform: str
    source: str
    owner: Account | None = None
    # when the export was made (its snapshot time); None means "now"
    taken_at: datetime | None = None
    accounts: list[Account] = field(default_factory=list)
    following_ids: list[str] | None = None
    follower_ids: list[str] | None = None
    # (follower, followed) pairs not involving the owner, e.g. twarc followers pages
    edges: list[tuple[str, str]] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    lists: list[SocialList] = field(default_factory=list)
    # accounts whose handle/name is only offline evidence (a mention in an old post): they
    # fill gaps but never overwrite what a look-up already stored
    hinted_ids: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    # the file the follow lists came from, for messages
    origin: str | None = field(default=None, compare=False)


@dataclass
class SaveResult:
    accounts: int = 0
    new_accounts: int = 0
    new_follows: int = 0
    posts: int = 0
    lists: int = 0
    list_members: int = 0
    suppressed: int = 0  # forgotten accounts left out
    snapshots: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def save_social_import(
    store: Store, data: SocialImport, *, allow_empty: bool = False, count_new: bool = True
) -> SaveResult:
    """Write a parsed export in one transaction. Re-saving the same data only moves last_seen.

    An empty following or followers list is refused unless ``allow_empty``: recorded as a
    snapshot, it would read as "unfollowed everyone" (a damaged or cut export looks the same).
    ``count_new=False`` leaves ``new_accounts`` at 0: counting the platform's accounts twice
    per part of a large file costs more than the part (the caller counts once instead).
    """
    refuse_empty_snapshots(data, allow_empty)
    result = SaveResult(warnings=list(data.warnings))
    with store.transaction():
        data, result.suppressed = without_forgotten(store, data)
        before = _count_accounts(store, data.platform) if count_new else 0
        ids = _save_accounts(store, data)
        owner_row = _owner_row(store, data, ids)
        result.new_follows = store.add_follows(_follow_pairs(data, ids, owner_row))
        result.posts = store.upsert_posts(data.posts, ids)
        result.lists, result.list_members = _save_lists(store, data, ids)
        result.snapshots = _save_snapshots(store, data, ids)
        store.sync_search_index()
        result.accounts = len(ids)
        if count_new:
            result.new_accounts = _count_accounts(store, data.platform) - before
    if owner_row is None and (data.following_ids or data.follower_ids):
        result.warnings.append(
            "The export does not say whose it is: follow edges were not recorded "
            "(give the owner's account to record them)."
        )
    return result


def without_forgotten(store: Store, data: SocialImport) -> tuple[SocialImport, int]:
    """``data`` less every account on the suppression list (by id or handle) and everything
    that names one: a forgotten account is not re-created by a later import."""
    from audience.privacy import Suppressions

    forgotten = Suppressions(store)
    if not forgotten:
        return data, 0
    platform = data.platform
    handles = {a.platform_id: a.handle for a in data.accounts if a.handle}
    referenced = {
        *(a.platform_id for a in data.accounts),
        *(data.following_ids or ()),
        *(data.follower_ids or ()),
        *(pid for pair in data.edges for pid in pair),
        *(m for social_list in data.lists for m in social_list.member_ids),
    }
    gone = {
        pid
        for pid in referenced
        if forgotten.covers(
            account_ids=[(platform, pid)],
            handles=[(platform, handles[pid])] if pid in handles else [],
        )
    }
    if not gone:
        return data, 0

    def kept(ids: list[str] | None) -> list[str] | None:
        return None if ids is None else [pid for pid in ids if pid not in gone]

    lists = [SocialList(s.info, [m for m in s.member_ids if m not in gone]) for s in data.lists]
    cleaned = replace(
        data,
        accounts=[a for a in data.accounts if a.platform_id not in gone],
        following_ids=kept(data.following_ids),
        follower_ids=kept(data.follower_ids),
        edges=[(a, b) for a, b in data.edges if a not in gone and b not in gone],
        posts=[p for p in data.posts if p.author_id not in gone],
        lists=lists,
    )
    return cleaned, len(gone)


def refuse_empty_snapshots(data: SocialImport, allow_empty: bool = False) -> None:
    if allow_empty:
        return
    for kind, members in (("following", data.following_ids), ("followers", data.follower_ids)):
        if members is not None and not members:
            raise InputError(
                data.origin or data.source,
                None,
                f"the {kind} list is empty: a damaged or cut export? "
                "(--allow-empty records it as a snapshot)",
            )


def resolve_stub_ids(store: Store, platform: str = "x") -> list[str]:
    """Platform ids of accounts known only by id (no handle yet), oldest first, for a batch
    look-up (X: ``GET /2/users?ids=``, :data:`LOOKUP_BATCH` at a time)."""
    rows = store.query(
        "SELECT platform_id FROM accounts WHERE platform = ? AND handle IS NULL "
        "AND state = 'active' ORDER BY id",
        [platform],
    )
    return [row["platform_id"] for row in rows]


def batches(items: list[str], size: int = LOOKUP_BATCH) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---- parsing helpers shared by the importers -----------------------------------------------


def loads_json(text: str | bytes, path: Path | str, position: str | None) -> object:
    """json.loads with errors turned into InputError naming the file and position.

    orjson reads first (a twarc page in a third of the time); what it refuses (NaN, a lone
    surrogate, bad JSON) is read again by json, whose answer and error messages count."""
    try:
        value = _fast_loads()(text)
    except ValueError:
        value = _std_loads(text, path, position)
    if not (isinstance(text, bytes) and _shallow_enough(text)):
        check_depth(value, path, position)
    return value


_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_EMPTY_CONTAINER = re.compile(rb"\[\]|\{\}")


def _shallow_enough(text: bytes) -> bool:
    """True when valid JSON ``text`` is surely nested at most :data:`MAX_NESTING` deep, read
    from its brackets at C speed (a third of the time of walking the parsed value). Escapes go
    first; with the rest of each string's text gone, a string is two adjacent quotes, unless it
    holds a bracket: then this cannot tell, and the parsed value is walked instead. Each round
    of removing empty ``[]`` and ``{}`` takes one level off every container."""
    if b"\\" in text:
        text = _ESCAPE.sub(b"", text)
    brackets = text.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in brackets:
        return False  # a string with a bracket in it
    for _ in range(MAX_NESTING):
        if not brackets:
            return True
        brackets = _EMPTY_CONTAINER.sub(b"", brackets)
    return not brackets


@cache
def _fast_loads() -> Callable[[str | bytes], object]:
    import orjson

    return orjson.loads


def _std_loads(text: str | bytes, path: Path | str, position: str | None) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, _join(position, f"column {exc.colno}"), exc.msg) from None
    except UnicodeDecodeError as exc:
        raise InputError(path, position, f"not UTF-8 text (byte {exc.start + 1})") from None
    except RecursionError:
        raise InputError(path, position, "JSON nested too deeply") from None


def check_depth(value: object, path: Path | str, position: str | None) -> None:
    """Refuse a value nested deeper than :data:`MAX_NESTING`, walking it one level at a time
    (a twarc page holds thousands of values: a list per level is cheaper than a tuple each)."""
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_NESTING:
            raise InputError(path, position, f"JSON nested more than {MAX_NESTING} levels deep")
        below: list = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            below += [child for child in children if isinstance(child, (dict, list))]
        level = below


_FIELD_TYPES = {
    "str": str,
    "int": int,
    "bool": bool,
    "datetime": datetime,
    "dict[str, Any]": dict,
    "list[str]": list,
}


def wrong_field(record: Account | Post | ListInfo) -> str | None:
    """The first field holding a value of the wrong type, or None. The API always sends a
    number where a number belongs; a file on disk may hold a list there."""
    names, expected_types, values_of, good, lists = _typed_fields(type(record))
    values = values_of(record)
    kinds = tuple(map(type, values))
    if kinds not in good:
        for name, expected, value in zip(names, expected_types, values, strict=True):
            if value is None:
                continue
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                return name
        good.add(kinds)  # the same types of values give the same answer
    for i in lists:
        if values[i] and not all(isinstance(item, str) for item in values[i]):
            return names[i]
    return None


@cache
def _typed_fields(
    cls: type,
) -> tuple[tuple[str, ...], tuple[type, ...], Any, set[tuple], tuple[int, ...]]:
    """(field names, expected types, a getter of their values, the tuples of value types
    already found right, the positions of list fields) of a record class, worked out once: an
    import checks a million records of three classes, nearly all with the same few shapes."""
    typed = ((f.name, _FIELD_TYPES.get(str(f.type).split(" | ")[0])) for f in fields(cls))
    pairs = [(name, expected) for name, expected in typed if expected is not None]
    names = tuple(name for name, _ in pairs)
    getter = attrgetter(*names) if len(names) > 1 else lambda record: (getattr(record, names[0]),)
    expected_types = tuple(expected for _, expected in pairs)
    lists = tuple(i for i, expected in enumerate(expected_types) if expected is list)
    return names, expected_types, getter, set(), lists


def merge_accounts(accounts: Iterable[Account]) -> list[Account]:
    """One Account per platform id; later records fill fields the earlier ones lacked and
    override the ones they both have."""
    merged: dict[tuple[str, str], Account] = {}
    for account in accounts:
        key = (account.platform, account.platform_id)
        old = merged.get(key)
        if old is None:
            merged[key] = account
            continue
        changes = {
            f.name: getattr(account, f.name)
            for f in fields(Account)
            if getattr(account, f.name) is not None and f.name != "state"
        }
        merged[key] = replace(old, **changes)
    return list(merged.values())


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _join(position: str | None, detail: str) -> str:
    return f"{position}, {detail}" if position else detail


# ---- saving ---------------------------------------------------------------------------------


def _count_accounts(store: Store, platform: str) -> int:
    return store.scalar("SELECT count(*) FROM accounts WHERE platform = ?", [platform])


def _save_accounts(store: Store, data: SocialImport) -> dict[str, int]:
    accounts = merge_accounts([*([data.owner] if data.owner else []), *data.accounts])
    hinted = [a for a in accounts if a.platform_id in data.hinted_ids]
    known = {
        row["platform_id"]
        for row in _rows_with_handle(store, data.platform, [a.platform_id for a in hinted])
    }
    full = [
        a for a in accounts if a.platform_id not in data.hinted_ids or a.platform_id not in known
    ]
    ids = store.upsert_accounts(full)
    referenced = [
        *(a.platform_id for a in accounts),
        *(data.following_ids or ()),
        *(data.follower_ids or ()),
        *(pid for pair in data.edges for pid in pair),
        *(p.author_id for p in data.posts),
        *(m for social_list in data.lists for m in social_list.member_ids),
        *(s.info.owner_id for s in data.lists if s.info.owner_id),
    ]
    ids.update(store.ensure_account_ids(data.platform, [p for p in referenced if p not in ids]))
    return ids


def _rows_with_handle(store: Store, platform: str, platform_ids: list[str]) -> list[dict]:
    rows: list[dict] = []
    for chunk in batches(platform_ids, 500):
        marks = ",".join("?" * len(chunk))
        rows += store.query(
            f"SELECT platform_id FROM accounts WHERE platform = ? AND handle IS NOT NULL "
            f"AND platform_id IN ({marks})",
            [platform, *chunk],
        )
    return rows


def _owner_row(store: Store, data: SocialImport, ids: dict[str, int]) -> int | None:
    if data.owner is not None:
        row = ids[data.owner.platform_id]
        store.execute(
            "INSERT OR REPLACE INTO my_accounts (platform, account_id) VALUES (?, ?)",
            [data.platform, row],
        )
        return row
    return store.scalar("SELECT account_id FROM my_accounts WHERE platform = ?", [data.platform])


def _follow_pairs(
    data: SocialImport, ids: dict[str, int], owner_row: int | None
) -> list[tuple[int, int]]:
    pairs = [(ids[a], ids[b]) for a, b in data.edges]
    if owner_row is not None:
        pairs += [(owner_row, ids[pid]) for pid in data.following_ids or ()]
        pairs += [(ids[pid], owner_row) for pid in data.follower_ids or ()]
    return list(dict.fromkeys(pairs))


def _save_lists(store: Store, data: SocialImport, ids: dict[str, int]) -> tuple[int, int]:
    members = 0
    for social_list in data.lists:
        info = social_list.info
        owner_row = ids.get(info.owner_id) if info.owner_id else None
        list_row = _list_row(store, info, owner_row)
        store.add_list_members(list_row, [ids[m] for m in social_list.member_ids])
        members += len(social_list.member_ids)
    return len(data.lists), members


def _list_row(store: Store, info: ListInfo, owner_row: int | None) -> int:
    if info.name:
        return store.upsert_list(info, owner_row)
    # The export knows the list but not its name (X archives): never blank a crawled name.
    existing = store.scalar(
        "SELECT id FROM lists WHERE platform = ? AND platform_id = ?",
        [info.platform, info.platform_id],
    )
    if existing is not None:
        return existing
    return store.upsert_list(replace(info, name=None), owner_row)  # NULL: name unknown


def _save_snapshots(store: Store, data: SocialImport, ids: dict[str, int]) -> list[str]:
    written = []
    for kind, members in (("followers", data.follower_ids), ("following", data.following_ids)):
        if members is None:
            continue
        rows = sorted({ids[pid] for pid in members})
        if rows == _latest_snapshot(store, data.platform, kind, data.source):
            continue
        snapshot_id = store.execute(
            "INSERT INTO snapshots (platform, kind, source, taken_at, count) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            [data.platform, kind, data.source, iso(data.taken_at) or now_iso(), len(rows)],
        ).fetchone()[0]
        store.db.conn.executemany(
            "INSERT INTO snapshot_members (snapshot_id, account_id) VALUES (?, ?)",
            [(snapshot_id, row) for row in rows],
        )
        written.append(kind)
    return written


def _latest_snapshot(store: Store, platform: str, kind: str, source: str) -> list[int] | None:
    snapshot_id = store.scalar(
        "SELECT id FROM snapshots WHERE platform = ? AND kind = ? AND source = ? "
        "ORDER BY id DESC LIMIT 1",
        [platform, kind, source],
    )
    if snapshot_id is None:
        return None
    rows = store.query(
        "SELECT account_id FROM snapshot_members WHERE snapshot_id = ? ORDER BY account_id",
        [snapshot_id],
    )
    return [row["account_id"] for row in rows]
