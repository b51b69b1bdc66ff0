"""Mastodon "Data export" CSVs: follows, lists, and (recognised, not imported) blocks and mutes.

Accounts are keyed by their lower-cased ``user@domain`` address, the only identifier that is
the same on every instance (API ids are local to the instance that answers).
The export does not say whose it is: pass ``owner`` to record follow edges and list owners.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

from audience.errors import InputError
from audience.importers.files import refuse_special_file
from audience.importers.social import SocialImport, SocialList, unique
from audience.models import Account, ListInfo

PLATFORM = "mastodon"
SOURCE = "mastodon-export"
MAX_FILE_BYTES = 100 * 1024 * 1024

_ADDRESS = re.compile(r"^@?([^\s@/:,;]+)@([^\s@/:,;]+\.[^\s@/:,;]+)$")
_LOCAL_NAME = re.compile(r"^@?([A-Za-z0-9_][A-Za-z0-9_.-]*)$")
_KINDS_BY_NAME = {
    "following_accounts": "following",
    "follower_accounts": "followers",
    "followers_accounts": "followers",
    "lists": "lists",
    "blocked_accounts": "blocked",
    "muted_accounts": "muted",
    "blocked_domains": "blocked domains",
    "bookmarks": "bookmarks",
}
_NOT_IMPORTED = {
    "blocked": "blocked accounts",
    "muted": "muted accounts",
    "blocked domains": "blocked domains",
    "bookmarks": "bookmarks",
}


def read_mastodon_export(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], owner: str | None = None
) -> SocialImport:
    """Parse export CSVs (files, or a folder holding them). ``owner`` is the exporting
    account's ``user@domain``."""
    files = _expand(paths)
    owner_account = _owner(owner)
    data = SocialImport(platform=PLATFORM, source=SOURCE, owner=owner_account)
    accounts: dict[str, Account] = {}
    lists: dict[str, SocialList] = {}
    following_file: Path | None = None
    for path in files:
        rows = _read_rows(path)
        kind = _kind(path, rows)
        if kind in _NOT_IMPORTED:
            count = len(_data_rows(rows))
            what = _NOT_IMPORTED[kind]
            data.warnings.append(f"{path.name}: {count} {what} recognised, not imported")
            continue
        if kind == "lists":
            _add_lists(path, rows, owner_account, accounts, lists)
            continue
        ids = [_address(path, n, row[0], owner_account, accounts) for n, row in _data_rows(rows)]
        if kind == "following":
            following_file = path
            data.following_ids = unique([*(data.following_ids or ()), *ids])
        else:
            data.follower_ids = unique([*(data.follower_ids or ()), *ids])
    data.accounts = list(accounts.values())
    # An address is all the export says: never let it reset what a look-up stored.
    data.hinted_ids = set(accounts)
    data.origin = str(following_file or files[0])
    data.lists = list(lists.values())
    return data


def account_for_address(address: str) -> Account:
    """``user@domain`` (with or without a leading ``@``) as an Account keyed by the address."""
    match = _ADDRESS.match(address.strip())
    if not match:
        raise ValueError(f"{address!r} is not a user@domain address")
    user, domain = match[1], match[2]
    return Account(
        PLATFORM,
        f"{user}@{domain}".lower(),
        handle=f"{user}@{domain}",
        url=f"https://{domain.lower()}/@{user}",
    )


# ---- files ----------------------------------------------------------------------------------


def _expand(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files: list[Path] = []
    for item in map(Path, items):
        if item.is_dir():
            found = sorted(p for p in item.glob("*.csv") if p.stem.lower() in _KINDS_BY_NAME)
            if not found:
                raise InputError(item, None, "no Mastodon export CSVs in this folder")
            files += found
        else:
            files.append(item)
    return files


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    refuse_special_file(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(path, None, f"larger than {MAX_FILE_BYTES} bytes")
        content = path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"line {line}", "not UTF-8 text") from None
    if text and not text.endswith(("\n", "\r")):
        # Mastodon ends every row with a newline: a last line without one was cut short,
        # and its address (or list title) may be a made-up one.
        line = text.count("\n") + 1
        raise InputError(path, f"line {line}", "the file ends mid-line (cut short?)")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise InputError(path, f"line {reader.line_num}", str(exc)) from None


def _kind(path: Path, rows: list[tuple[int, list[str]]]) -> str:
    by_name = _KINDS_BY_NAME.get(path.stem.lower())
    if by_name:
        return by_name
    header = [cell.strip().lower() for cell in rows[0][1]] if rows else []
    if header[:1] == ["account address"]:
        return "muted" if "hide notifications" in header else "following"
    if header and len(header) == 2 and "@" in header[1]:
        return "lists"
    if header and "@" in header[0]:
        return "following"  # old exports: one address per line, no header
    raise InputError(path, "line 1", "not a recognised Mastodon export CSV")


def _data_rows(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    if rows and rows[0][1][0].strip().lower() == "account address":
        return rows[1:]
    return rows


# ---- rows -----------------------------------------------------------------------------------


def _owner(owner: str | None) -> Account | None:
    if owner is None:
        return None
    try:
        return account_for_address(owner)
    except ValueError:
        raise InputError("owner", None, f"{owner!r:.80} is not a user@domain address") from None


def _address(
    path: Path, line: int, value: str, owner: Account | None, accounts: dict[str, Account]
) -> str:
    value = value.strip()
    local = _LOCAL_NAME.match(value)
    if local and owner is not None:
        # Accounts on the owner's own instance may be written without a domain.
        value = f"{local[1]}@{owner.platform_id.split('@', 1)[1]}"
    try:
        account = account_for_address(value)
    except ValueError:
        problem = f"{value!r:.80} is not a user@domain address"
        raise InputError(path, f"line {line}", problem) from None
    accounts.setdefault(account.platform_id, account)
    return account.platform_id


def _add_lists(
    path: Path,
    rows: list[tuple[int, list[str]]],
    owner: Account | None,
    accounts: dict[str, Account],
    lists: dict[str, SocialList],
) -> None:
    scope = owner.platform_id if owner else "export"
    for line, row in rows:
        if len(row) < 2 or not row[0].strip():
            raise InputError(path, f"line {line}", "expected 'list title,user@domain'")
        title = row[0].strip()
        member = _address(path, line, row[1], owner, accounts)
        # The export has no list ids; the title is unique per owner in practice.
        info = ListInfo(
            PLATFORM,
            f"{scope}/lists/{title}",
            title,
            owner_id=owner.platform_id if owner else None,
        )
        social_list = lists.setdefault(info.platform_id, SocialList(info))
        if member not in social_list.member_ids:
            social_list.member_ids.append(member)
