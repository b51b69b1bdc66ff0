"""Segments: named groups of accounts (press, customers, suppliers, competitors, your own).

Membership comes from three places, recorded in ``segment_members.source``:

* ``rule``: ``audience segment auto`` applied the ``[segments.<name>]`` rules of
  ``audience.toml`` (keywords, organisations, domains, handles, lists, hashtags) and, for press,
  the built-in recognition of journalists and news outlets (:mod:`audience.roles`);
* ``match``: an accepted contact match ties the account to a person whose organisation or
  e-mail domain belongs to a segment's organisations;
* ``manual``: ``segment add`` / ``segment remove``. A hand decision always wins: ``auto`` never
  touches it, and a removal is kept as ``excluded = 1`` so the rules cannot bring it back.

``auto`` re-evaluates every rule and match membership in one transaction, so rules edited out
of ``audience.toml`` also drop the members they had brought in.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from audience.bulk import without_gc_pauses
from audience.employer import ListedOrg, OrgMatcher, listed_org
from audience.errors import ConfigError, InputError
from audience.judgement_cache import (
    JudgementCache,
    context_fingerprint,
    lexicon_fingerprint,
    press_evidence_cache,
    press_evidence_of,
    press_fields,
)
from audience.models import PLATFORMS
from audience.outlets import GENERIC_HOSTS, PLATFORM_KINDS, Outlet, looked_up_by
from audience.press_gate import may_be_press
from audience.roles import (
    COLUMN,
    DEFAULT_LEXICON,
    BioText,
    Lexicon,
    PressFinding,
    fold_same_length,
    handle_belongs_to,
    is_organisation,
    is_parody,
    organisation_key,
    organisation_signals,
    other_job,
    outlet_account,
    press_evidence,
    press_role,
)
from audience.roles import bio_text as shared_bio_text
from audience.store import Store, now_iso
from audience.textmatch import searched

RULE_KEYS = ("keywords", "organisations", "domains", "handles", "lists", "hashtags")
FLAG_KEYS = ("detect_journalists",)
ROLE_KEYS = ("press_terms", "former_markers", "parody_markers")
ROLE_FILE_KEYS = ("vocabulary", "outlets")
SELF_KEYS = ("names", "handles", "domains")
ORG_TABLE_KEYS = ("name", "aliases", "former_names", "domains", "handles", "secondary_handles")
SEGMENTS_TABLE_KEYS = ("protected", "primary_order")
DEFAULT_PRIMARY_ORDER = ("press", "customers", "competitors", "suppliers")
SOURCE_RANK = {"manual": 3, "match": 2, "rule": 1}
SORTS = ("relevance", "followers", "last-active")
MAX_PROBLEM = 300  # characters of an audience.toml error message
_SEGMENT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$")
_HOSTS_IN_TEXT = re.compile(r"(?<![\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])")


class UnknownSegment(ConfigError):
    """A segment name that does not exist; the message lists the known ones."""


# ---- rules from audience.toml -----------------------------------------------------------------


@dataclass
class SegmentRules:
    """One ``[segments.<name>]`` table."""

    name: str
    keywords: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    detect_journalists: bool = False
    # organisations written as tables: {name, aliases, former_names, domains, handles, ...}
    organisation_tables: list[Organisation] = field(default_factory=list)


@dataclass
class SegmentConfig:
    """Everything ``auto`` needs from ``audience.toml``."""

    rules: dict[str, SegmentRules] = field(default_factory=dict)
    primary_order: list[str] = field(default_factory=lambda: list(DEFAULT_PRIMARY_ORDER))
    lexicon: Lexicon = DEFAULT_LEXICON
    # [self]: your own organisation; its staff and accounts are in none of the segments
    own: Organisation | None = None

    def for_segment(self, name: str) -> SegmentRules:
        return self.rules.get(name) or SegmentRules(name, detect_journalists=name == "press")


def load_segment_config(path: Path) -> SegmentConfig:
    """Read and check the segment rules of ``audience.toml`` (a missing file gives defaults)."""
    from audience.config import load_rules

    raw = load_rules(path).raw
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return parse_segment_config(raw, path, text)


def parse_segment_config(
    raw: dict[str, Any], path: Path | str = "audience.toml", text: str = ""
) -> SegmentConfig:
    """Check the ``[segments]`` and ``[roles]`` tables; errors name the line and the key."""
    checker = _Checker(Path(path), text)
    segments = raw.get("segments", {})
    checker.table(segments, "segments")
    config = SegmentConfig()
    if "primary_order" in segments:
        config.primary_order = checker.strings(segments, "primary_order", "segments")
    for name, table in segments.items():
        if name in SEGMENTS_TABLE_KEYS:
            continue
        where = f"segments.{name}"
        if not isinstance(table, dict):
            raise checker.error(
                "segments",
                name,
                f"[segments] {name} must be a table ([{where}]) or one of "
                f"{', '.join(SEGMENTS_TABLE_KEYS)}",
            )
        checker.known_keys(table, where, RULE_KEYS + FLAG_KEYS)
        rules = SegmentRules(name, detect_journalists=name == "press")
        tables = [t for t in table.get("organisations", []) if isinstance(t, dict)]
        if tables:
            table = {
                **table,
                "organisations": [o for o in table["organisations"] if o not in tables],
            }
            rules.organisation_tables = [checker.organisation(t, where) for t in tables]
        for key in RULE_KEYS:
            setattr(rules, key, checker.strings(table, key, where))
        if "detect_journalists" in table:
            rules.detect_journalists = checker.flag(table, "detect_journalists", where)
        for domain in rules.domains:
            if normalise_domain(domain) is None:
                raise checker.error(
                    where,
                    "domains",
                    f"[{where}] domains: {domain!r} is not a web domain (like example.com)",
                )
        config.rules[name] = rules
    roles = raw.get("roles", {})
    checker.table(roles, "roles")
    checker.known_keys(roles, "roles", ROLE_KEYS + ROLE_FILE_KEYS)
    here = Path(path).parent
    files = [[here / f for f in checker.strings(roles, key, "roles")] for key in ROLE_FILE_KEYS]
    for name in (f for group in files for f in group):
        if not name.is_file():
            raise checker.error("roles", "vocabulary", f"[roles] {name} is not a file")
    config.lexicon = DEFAULT_LEXICON.extended(
        *(checker.strings(roles, key, "roles") for key in ROLE_KEYS), *files
    )
    if "self" in raw:
        own = raw["self"]
        checker.table(own, "self")
        checker.known_keys(own, "self", SELF_KEYS)
        names, handles, domains = (checker.strings(own, key, "self") for key in SELF_KEYS)
        for domain in domains:
            if normalise_domain(domain) is None:
                raise checker.error("self", "domains", f"[self] {domain!r} is not a web domain")
    if "self" in raw and (names or handles or domains):
        config.own = Organisation(
            names[0] if names else None,
            None,
            "self",
            tuple(names[1:]),
            tuple(normalise_domain(d) or d for d in domains),
            tuple(handles),
        )
    _ = config.lexicon.vocabulary, config.lexicon.gazetteer  # broken files: reported now
    return config


class _Checker:
    """Type checks on parsed TOML that report ``file, line N: [table] key ...``."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, table: str, key: str) -> int | None:
        current = ""
        for number, line in enumerate(self.lines, start=1):
            header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
            if header:
                current = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
            elif current == table and re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
                return number
        for number, line in enumerate(self.lines, start=1):
            if re.match(rf"^\s*\[\s*{re.escape(table)}\.{re.escape(key)}\s*\]", line):
                return number
        return None

    def error(self, table: str, key: str, problem: str) -> ConfigError:
        line = self.line_of(table, key)
        where = f"{self.path}, line {line}" if line else str(self.path)
        if len(problem) > MAX_PROBLEM:  # a key or value pasted in by mistake can be megabytes
            problem = problem[:MAX_PROBLEM] + "…"
        return ConfigError(f"{where}: {problem}. Nothing was changed.")

    def table(self, value: Any, name: str) -> None:
        if not isinstance(value, dict):
            top, _, key = name.rpartition(".")
            raise self.error(top, key or name, f"[{name}] must be a table")

    def known_keys(self, table: dict[str, Any], where: str, known: tuple[str, ...]) -> None:
        for key in table:
            if key not in known:
                raise self.error(
                    where, key, f"[{where}] unknown key {key!r} (known keys: {', '.join(known)})"
                )

    def strings(self, table: dict[str, Any], key: str, where: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(where, key, f"[{where}] {key} must be a list of strings")
        return [v.strip() for v in value]

    def organisation(self, table: dict[str, Any], where: str) -> Organisation:
        """``{name = "Acme", aliases = [...], domains = [...], handles = [...]}``."""
        self.known_keys(table, where, ORG_TABLE_KEYS)
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise self.error(
                where, "organisations", f"[{where}] organisations: a table needs a name"
            )
        lists = {key: self.strings(table, key, where) for key in ORG_TABLE_KEYS[1:]}
        for domain in lists["domains"]:
            if normalise_domain(domain) is None:
                raise self.error(
                    where, "organisations", f"[{where}] {domain!r} is not a web domain"
                )
        return Organisation(
            name.strip(),
            None,
            "config",
            tuple(lists["aliases"] + lists["former_names"]),
            tuple(normalise_domain(d) or d for d in lists["domains"]),
            tuple(lists["handles"] + lists["secondary_handles"]),
        )

    def flag(self, table: dict[str, Any], key: str, where: str) -> bool:
        value = table[key]
        if not isinstance(value, bool):
            raise self.error(where, key, f"[{where}] {key} must be true or false")
        return value


# ---- segments ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    id: int
    name: str
    description: str | None
    builtin: bool


def list_segments(store: Store) -> list[Segment]:
    return [
        Segment(r["id"], r["name"], r["description"], bool(r["builtin"]))
        for r in store.query("SELECT id, name, description, builtin FROM segments ORDER BY id")
    ]


def get_segment(store: Store, name: str) -> Segment:
    """The named segment, or :class:`UnknownSegment` listing the ones that exist."""
    known = list_segments(store)
    for segment in known:
        if segment.name == name.strip().lower():
            return segment
    names = ", ".join(s.name for s in known)
    raise UnknownSegment(
        f"unknown segment {name!r}; known segments: {names}. "
        f"Create it with `audience segment create {name}`."
    )


def create_segment(store: Store, name: str, description: str | None = None) -> Segment:
    name = name.strip().lower()
    if not _SEGMENT_NAME.match(name):
        raise ConfigError(
            f"segment name {name!r}: use lower-case letters, digits, '-' or '_' (up to 40)"
        )
    if any(s.name == name for s in list_segments(store)):
        raise ConfigError(f"segment {name!r} already exists")
    with store.transaction():
        store.execute(
            "INSERT INTO segments (name, description, builtin, created_at) VALUES (?, ?, 0, ?)",
            [name, description, now_iso()],
        )
    return get_segment(store, name)


def delete_segment(store: Store, name: str) -> int:
    """Delete a segment of your own with its memberships; returns how many members it had."""
    segment = get_segment(store, name)
    if segment.builtin:
        raise ConfigError(f"{segment.name} is a built-in segment and cannot be deleted")
    with store.transaction():
        count = store.scalar(
            "SELECT count(*) FROM segment_members WHERE segment_id = ? AND excluded = 0",
            [segment.id],
        )
        store.execute("DELETE FROM segments WHERE id = ?", [segment.id])
    return count


def segment_counts(store: Store) -> list[dict[str, Any]]:
    """Each segment with its member count, per platform too (excluded members not counted)."""
    rows = store.query(
        "SELECT s.name, a.platform, count(m.account_id) AS members "
        "FROM segments s LEFT JOIN segment_members m ON m.segment_id = s.id AND m.excluded = 0 "
        "LEFT JOIN accounts a ON a.id = m.account_id GROUP BY s.id, a.platform ORDER BY s.id"
    )
    result = {
        s.name: {
            "name": s.name,
            "description": s.description,
            "builtin": s.builtin,
            "members": 0,
            "by_platform": {},
            "organisations": 0,
        }
        for s in list_segments(store)
    }
    for row in rows:
        if row["platform"]:
            entry = result[row["name"]]
            entry["by_platform"][row["platform"]] = row["members"]
            entry["members"] += row["members"]
    for row in store.query(
        "SELECT s.name, count(o.id) AS n FROM segments s JOIN segment_orgs o "
        "ON o.segment_id = s.id GROUP BY s.id"
    ):
        result[row["name"]]["organisations"] = row["n"]
    return list(result.values())


# ---- organisations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    """A listed customer, supplier, competitor...: a name, a web domain, or both."""

    name: str | None
    domain: str | None
    source: str = "config"
    aliases: tuple[str, ...] = ()  # other names, acronyms, product and former names
    domains: tuple[str, ...] = ()  # more web domains
    handles: tuple[str, ...] = ()  # main and secondary accounts (support, careers, regional)

    @property
    def label(self) -> str:
        return self.name or self.domain or (self.domains[0] if self.domains else "?")

    def listed(self) -> ListedOrg:
        domains = [d for d in (self.domain, *self.domains) if d]
        return listed_org(self.name, self.aliases, domains, self.handles)


def normalise_domain(text: str | None) -> str | None:
    """ "https://www.Rival.example/about" or "jo@rival.example" -> "rival.example"."""
    if not text:
        return None
    value = text.strip().lower()
    value = value.rsplit("@", 1)[-1]
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value)
    value = re.split(r"[/?#:\s]", value, maxsplit=1)[0].strip(".")
    value = value.removeprefix("www.")
    return value if _DOMAIN.match(value) else None


NAME_COLUMNS = ("name", "organisation", "organization", "company", "org", "account")
DOMAIN_COLUMNS = ("domain", "website", "web", "url", "email_domain", "domains")
ALIAS_COLUMNS = ("aliases", "alias", "former_names", "other_names", "also_known_as", "aka")
HANDLE_COLUMNS = ("handles", "handle", "accounts", "x", "twitter")
SEGMENT_COLUMNS = ("segment",)


def read_orgs_csv(path: Path) -> list[Organisation]:
    """Organisations from a CSV with a header: a name and/or a domain column, optional aliases
    and handles; a cell may hold several values separated by ``;`` ("a.com;b.com")."""
    return [org for _, org in read_orgs_rows(path)]


def read_orgs_rows(path: Path) -> list[tuple[str | None, Organisation]]:
    """(segment column or None, organisation) for each line of an organisations CSV."""
    rows = _read_csv(path)
    if not rows:
        raise InputError(path, None, "the file is empty (expected a header line)")
    header = [h.strip().lower().replace(" ", "_") for h in rows[0]]

    def column(names: tuple[str, ...]) -> int | None:
        return next((header.index(c) for c in names if c in header), None)

    name_col, domain_col = column(NAME_COLUMNS), column(DOMAIN_COLUMNS)
    alias_col, handle_col, segment_col = (
        column(ALIAS_COLUMNS),
        column(HANDLE_COLUMNS),
        column(SEGMENT_COLUMNS),
    )
    if name_col is None and domain_col is None:
        raise InputError(
            path,
            "line 1",
            f"no organisation column: name one column {NAME_COLUMNS[0]!r} "
            f"(or {', '.join(NAME_COLUMNS[1:])}) and/or {DOMAIN_COLUMNS[0]!r}",
        )
    orgs = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        name = _cell(row, name_col)
        domains = []
        for raw_domain in _values(row, domain_col):
            domain = normalise_domain(raw_domain)
            if domain is None:
                raise InputError(path, f"line {number}", f"{raw_domain!r} is not a web domain")
            domains.append(domain)
        if not name and not domains:
            raise InputError(path, f"line {number}", "no organisation name and no domain")
        handles = [h.lstrip("@") for h in _values(row, handle_col)]
        if bad := next((h for h in handles if not re.fullmatch(r"[\w.@-]{1,100}", h)), None):
            raise InputError(path, f"line {number}", f"{bad!r} is not an account handle")
        segment = (_cell(row, segment_col) or "").lower() or None
        organisation = Organisation(
            name,
            domains[0] if domains else None,
            "csv",
            tuple(_values(row, alias_col)),
            tuple(domains[1:]),
            tuple(handles),
        )
        orgs.append((segment, organisation))
    return orgs


def _values(row: list[str], index: int | None) -> list[str]:
    return [v.strip() for v in (_cell(row, index) or "").split(";") if v.strip()]


def import_orgs(store: Store, segment_name: str | None, path: Path) -> int:
    """Add the organisations of a CSV to a segment's list (or to the segment each line names
    in its ``segment`` column); returns how many were new."""
    rows = read_orgs_rows(Path(path))
    fallback = get_segment(store, segment_name) if segment_name else None
    targets: list[tuple[Segment, Organisation]] = []
    for number, (named, org) in enumerate(rows, start=2):
        if named:
            targets.append((get_segment(store, named), org))
        elif fallback:
            targets.append((fallback, org))
        else:
            raise InputError(
                path, f"line {number}", "no segment: give one on the command line or in a column"
            )
    with store.transaction():
        before = store.scalar("SELECT count(*) FROM segment_orgs")
        store._conn.executemany(
            "INSERT INTO segment_orgs (segment_id, name, name_key, domain, source, added_at, "
            "aliases, domains, handles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (segment_id, name_key, domain) DO UPDATE SET "
            "aliases = excluded.aliases, domains = excluded.domains, handles = excluded.handles",
            [
                (
                    segment.id,
                    o.name,
                    organisation_key(o.name) if o.name else "",
                    o.domain or "",
                    str(path),
                    now_iso(),
                    ";".join(o.aliases),
                    ";".join(o.domains),
                    ";".join(o.handles),
                )
                for segment, o in targets
            ],
        )
        after = store.scalar("SELECT count(*) FROM segment_orgs")
    return after - before


def stored_orgs(store: Store, segment_id: int) -> list[Organisation]:
    return [
        Organisation(
            r["name"] or None,
            r["domain"] or None,
            r["source"],
            tuple(v for v in (r["aliases"] or "").split(";") if v),
            tuple(v for v in (r["domains"] or "").split(";") if v),
            tuple(v for v in (r["handles"] or "").split(";") if v),
        )
        for r in store.query(
            "SELECT name, domain, source, aliases, domains, handles FROM segment_orgs "
            "WHERE segment_id = ? ORDER BY id",
            [segment_id],
        )
    ]


def _read_csv(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(path, None, f"cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"byte {exc.start}", "not UTF-8 text") from None
    header = text.split("\n", 1)[0]
    # A header with commas is comma-separated, whatever ";" the cells hold ("a.com;b.com").
    delimiters = ",\t" if "," in header or "\t" in header else ",;\t"
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=delimiters)
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise InputError(path, None, f"not valid CSV ({exc})") from None


def _cell(row: list[str], index: int | None) -> str | None:
    if index is None or index >= len(row):
        return None
    return row[index].strip() or None


# ---- membership by hand -----------------------------------------------------------------------


@dataclass(frozen=True)
class AccountRef:
    """An account as the user names it: ``@handle``, ``x:@handle``, a platform id..."""

    text: str
    platform: str | None
    key: str
    position: str | None = None


def parse_ref(text: str, platform: str | None = None, position: str | None = None) -> AccountRef:
    text = text.strip()
    prefix, sep, rest = text.partition(":")
    if sep and prefix.lower() in PLATFORMS and rest:
        return AccountRef(text, prefix.lower(), rest.strip().lstrip("@"), position)
    return AccountRef(text, platform, text.lstrip("@"), position)


def read_refs_file(path: Path, platform: str | None = None) -> list[AccountRef]:
    """Handles from a CSV (a ``handle`` column, optional ``platform``) or one per line."""
    rows = _read_csv(path)
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "handle" in header:
        h_col = header.index("handle")
        p_col = header.index("platform") if "platform" in header else None
        body = enumerate(rows[1:], start=2)
    else:
        h_col, p_col = 0, None
        body = enumerate(rows, start=1)
    refs = []
    for number, row in body:
        handle = _cell(row, h_col)
        if not handle or handle.startswith("#"):
            continue
        row_platform = (_cell(row, p_col) or platform or "").lower() or None
        if row_platform and row_platform not in PLATFORMS:
            raise InputError(
                path,
                f"line {number}",
                f"unknown platform {row_platform!r} (known: {', '.join(PLATFORMS)})",
            )
        refs.append(parse_ref(handle, row_platform, f"line {number}"))
    return refs


def resolve_refs(
    store: Store, refs: Iterable[AccountRef], source: str = "command line"
) -> list[dict[str, Any]]:
    """The accounts named, or an error listing every one that is unknown or ambiguous."""
    found: dict[int, dict[str, Any]] = {}
    problems = []
    for ref in refs:
        if ref.platform and ref.platform not in PLATFORMS:
            problems.append(f"{ref.text}: unknown platform {ref.platform!r}")
            continue
        platforms = [ref.platform] if ref.platform else list(PLATFORMS)
        hits = [row for p in platforms if (row := store.find_account(p, ref.key))]
        where = f"{ref.position}: " if ref.position else ""
        if not hits:
            problems.append(f"{where}{ref.text} is not in the workspace")
        elif len(hits) > 1:
            on = ", ".join(h["platform"] for h in hits)
            problems.append(f"{where}{ref.text} is on {on}: say which with --platform or x:@handle")
        else:
            found[hits[0]["id"]] = hits[0]
    if problems:
        raise InputError(source, None, "; ".join(problems) + ". Nothing was changed.")
    return list(found.values())


def add_members(
    store: Store, segment_name: str, accounts: list[dict[str, Any]], *, primary: bool = False
) -> int:
    """Put accounts in a segment by hand; returns how many were not members before."""
    segment = get_segment(store, segment_name)
    with store.transaction():
        new = sum(
            1
            for a in accounts
            if not store.scalar(
                "SELECT 1 FROM segment_members WHERE segment_id = ? AND account_id = ? "
                "AND excluded = 0",
                [segment.id, a["id"]],
            )
        )
        store._conn.executemany(
            "INSERT INTO segment_members (segment_id, account_id, source, reason, excluded, "
            "created_at) VALUES (?, ?, 'manual', 'added by hand', 0, ?) "
            "ON CONFLICT (segment_id, account_id) DO UPDATE SET source = 'manual', "
            "reason = 'added by hand', excluded = 0",
            [(segment.id, a["id"], now_iso()) for a in accounts],
        )
        ids = [a["id"] for a in accounts]
        if primary:
            _set_primary(store, segment.id, ids)
        _ensure_primaries(store, ids, primary_rank(store, DEFAULT_PRIMARY_ORDER))
    return new


def remove_members(store: Store, segment_name: str, accounts: list[dict[str, Any]]) -> int:
    """Take accounts out by hand. Kept as an exclusion so ``auto`` never re-adds them."""
    segment = get_segment(store, segment_name)
    with store.transaction():
        removed = sum(
            1
            for a in accounts
            if store.scalar(
                "SELECT 1 FROM segment_members WHERE segment_id = ? AND account_id = ? "
                "AND excluded = 0",
                [segment.id, a["id"]],
            )
        )
        store._conn.executemany(
            "INSERT INTO segment_members (segment_id, account_id, source, reason, excluded, "
            "is_primary, created_at) VALUES (?, ?, 'manual', 'removed by hand', 1, 0, ?) "
            "ON CONFLICT (segment_id, account_id) DO UPDATE SET source = 'manual', "
            "reason = 'removed by hand', excluded = 1, is_primary = 0",
            [(segment.id, a["id"], now_iso()) for a in accounts],
        )
        _ensure_primaries(
            store, [a["id"] for a in accounts], primary_rank(store, DEFAULT_PRIMARY_ORDER)
        )
    return removed


def forget_decisions(store: Store, segment_name: str, accounts: list[dict[str, Any]]) -> int:
    """Drop hand decisions (additions and removals) so that ``auto`` decides again."""
    segment = get_segment(store, segment_name)
    with store.transaction():
        before = store._conn.total_changes
        store._conn.executemany(
            "DELETE FROM segment_members WHERE segment_id = ? AND account_id = ? "
            "AND source = 'manual'",
            [(segment.id, a["id"]) for a in accounts],
        )
        return store._conn.total_changes - before


def primary_rank(store: Store, order: Iterable[str]) -> dict[int, int]:
    """segment id -> rank for choosing a primary segment (lower wins)."""
    order = list(order)
    ranks = {}
    for segment in list_segments(store):
        ranks[segment.id] = order.index(segment.name) if segment.name in order else 100 + segment.id
    return ranks


def _set_primary(store: Store, segment_id: int, account_ids: list[int]) -> None:
    for account_id in account_ids:
        store.execute(
            "UPDATE segment_members SET is_primary = (segment_id = ?) WHERE account_id = ?",
            [segment_id, account_id],
        )


def _ensure_primaries(
    store: Store, account_ids: Iterable[int] | None, ranks: dict[int, int]
) -> None:
    """Each account in some segment has exactly one primary: kept if set, else the highest
    ranked segment (a hand-made membership first)."""
    where, params = "", []
    if account_ids is not None:
        ids = list(account_ids)
        if not ids:
            return
        # one parameter: a first run at 1M accounts touches more than SQLite allows variables
        where = "AND account_id IN (SELECT value FROM json_each(?))"
        params = [json.dumps(ids)]
    memberships: dict[int, list[dict[str, Any]]] = {}
    for row in store.query(
        f"SELECT segment_id, account_id, source, is_primary FROM segment_members "
        f"WHERE excluded = 0 {where}",
        params,
    ):
        memberships.setdefault(row["account_id"], []).append(row)
    chosen = []
    for account_id, rows in memberships.items():
        primaries = [r for r in rows if r["is_primary"]]
        if len(primaries) == 1:
            continue
        pool = primaries or rows
        best = min(pool, key=lambda r: (r["source"] != "manual", ranks.get(r["segment_id"], 999)))
        chosen.append((best["segment_id"], account_id))
    # one statement for all (a first `auto` run sets tens of thousands)
    store._conn.executemany(
        "UPDATE segment_members SET is_primary = (segment_id = ?) WHERE account_id = ?", chosen
    )


# ---- automatic membership ---------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One thing ``auto`` does (or would do, with ``--dry-run``), and why."""

    action: str  # add | update | remove | organisation | person
    segment: str | None
    account_id: int
    platform: str
    handle: str | None
    source: str | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "segment": self.segment,
            "platform": self.platform,
            "handle": self.handle,
            "account_id": self.account_id,
            "source": self.source,
            "reason": self.reason,
        }


@dataclass
class AutoPlan:
    changes: list[Change] = field(default_factory=list)
    applied: bool = False
    as_of: datetime | None = None  # the moment judged for (None: now)
    # judgements to keep for the next run, written with the plan (a dry run writes nothing)
    judged: list[JudgementCache] = field(default_factory=list, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for change in self.changes:
            result[change.action] = result.get(change.action, 0) + 1
        return result


@dataclass
class _Proposal:
    source: str
    reasons: list[str] = field(default_factory=list)

    def add(self, source: str, reason: str) -> None:
        if SOURCE_RANK[source] > SOURCE_RANK[self.source]:
            self.source = source
        if reason not in self.reasons:
            self.reasons.append(reason)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class _CompiledRules:
    segment: Segment
    rules: SegmentRules
    orgs: list[Organisation]
    keywords: list[tuple[str, re.Pattern[str]]]
    matcher: OrgMatcher
    domains: dict[str, str]  # domain -> label of the organisation (or the domain)
    handles: set[tuple[str | None, str]]


@dataclass
class _Judge:
    """What ``auto`` needs to judge one account, compiled once per run."""

    compiled: list[_CompiledRules]
    lexicon: Lexicon
    own: OrgMatcher | None
    press_ids: set[int]


def plan_auto(store: Store, config: SegmentConfig, *, as_of: datetime | None = None) -> AutoPlan:
    """Work out what ``auto`` would change, without writing anything. ``as_of`` is the moment
    the judgement is made for (recorded with new memberships, so a run can be replayed)."""
    known = {s.name: s for s in list_segments(store)}
    unknown = [name for name in config.rules if name not in known]
    if unknown:
        raise UnknownSegment(
            f"audience.toml has rules for {', '.join(unknown)}, which "
            f"{'is not a segment' if len(unknown) == 1 else 'are not segments'}; known "
            f"segments: {', '.join(known)}. Create it with `audience segment create "
            f"{unknown[0]}` or fix the name."
        )
    compiled = [
        _compile(store, seg, config.for_segment(seg.name), config.lexicon) for seg in known.values()
    ]
    own = OrgMatcher([config.own.listed()], config.lexicon) if config.own else None
    # A list of brands may mix segments ("Decoders: AcmeBox, RivalMax"): each segment's matcher
    # sees the names of every listed organisation, and mine, to tell a list from an employer.
    everyone = [org for rules in compiled for org in rules.matcher.orgs]
    neighbours = OrgMatcher(everyone + (own.orgs if own else []), config.lexicon)
    for rules in compiled:
        rules.matcher.neighbours = neighbours
    press_ids = {r.segment.id for r in compiled if r.rules.detect_journalists}
    judge = _Judge(compiled, config.lexicon, own, press_ids)
    proposals: dict[tuple[int, int], _Proposal] = {}
    organisation_flags: dict[int, tuple[bool, str]] = {}
    accounts = store.query(
        "SELECT id, platform, handle, display_name, bio, website, is_organisation, "
        "following_count, followers_count, default_avatar FROM accounts"
    )
    by_id = {a["id"]: a for a in accounts}
    findings: dict[int, PressFinding] = {}
    cache = JudgementCache(store, "segment", _judge_context(judge, config))
    work = ((a["id"], _judged_fields(a), (a, judge)) for a in accounts)
    cache.judge_ahead(work, _judge_account, together=_JUDGED_BIO)
    press_open: set[int] = set()  # accounts the press gate does not shut (see _judge_account)
    for account in accounts:
        evidence, finding, flag, gate_shut = cache.judge(
            account["id"], _judged_fields(account), _judge_account, account, judge
        )
        if not gate_shut:
            press_open.add(account["id"])
        for seg_id, source, reason in evidence:
            _propose(proposals, seg_id, account["id"], source, reason)
        if finding is not None:
            findings[account["id"]] = PressFinding(**finding)
        if flag is not None and account["is_organisation"] is None:
            organisation_flags[account["id"]] = tuple(flag)
    judged = [cache]
    # Outlets learned from this workspace: a second look at the accounts not found as press.
    learned = learn_outlets(accounts, findings, _manual_press(store, press_ids))
    second_finds: list[dict[str, Any]] = []
    if learned and press_ids:
        judge.lexicon = config.lexicon.with_outlets(learned)
        cache = JudgementCache(store, "segment-learned", _judge_context(judge, config))
        may_name = _names_any_of(learned)
        # The learned outlets change nothing for the others, whose press gate the first look
        # found shut: the second look would find nothing there either.
        second = [
            a
            for a in accounts
            if a["id"] not in findings and (a["id"] in press_open or may_name(a))
        ]
        ahead = ((a["id"], _judged_fields(a), (a, judge)) for a in second)
        cache.judge_ahead(ahead, _learned_press, together=_JUDGED_BIO)
        for account in second:
            reason = cache.judge(
                account["id"], _judged_fields(account), _learned_press, account, judge
            )
            if reason:
                second_finds.append(account)
                for seg_id in press_ids:
                    _propose(proposals, seg_id, account["id"], "rule", reason)
        judged.append(cache)
    # What press_evidence found for the accounts found as press, for `prune` to read back
    # (the second look's finds too: prune reads every press member's; issue 18).
    found_ids = [*findings, *(account["id"] for account in second_finds)]
    press_cache = press_evidence_cache(store, config.lexicon, found_ids)
    for account_id, finding in findings.items():
        press_cache.remember(account_id, press_fields(by_id[account_id]), asdict(finding))
    base = config.lexicon
    # (here, not over the cores: mostly shut at the press gate, a pool's start-up cost more)
    for account in second_finds:
        fields = press_fields(account)
        if account["id"] in press_open:
            press_cache.judge(account["id"], fields, press_evidence_of, account, base)
        else:  # the first look found the press gate shut: press_evidence finds nothing
            press_cache.remember(account["id"], fields, None)
    judged.append(press_cache)
    claimed = {account_id for (_, account_id) in proposals}

    def not_staff(account_id: int) -> bool:
        """A dealer's or a certified partner's posts about "the Acme team" are a partner's;
        your own staff's ("our Acme team": the client they serve) are yours."""
        account = by_id[account_id]
        bio = shared_bio_text(account["bio"], judge.lexicon)
        return _dealer(bio, judge.lexicon) or _owned(account, judge)

    def bio_of(account_id: int) -> str | None:
        return by_id[account_id]["bio"]

    for seg_id, account_id, reason in _post_evidence(
        store, compiled, claimed, not_staff, bio_of
    ):
        _propose(proposals, seg_id, account_id, "rule", reason)
    for rules in compiled:
        for account_id, reason in _list_and_hashtag_evidence(store, rules):
            _propose(proposals, rules.segment.id, account_id, "rule", reason)
    for seg_id, account_id, reason in _match_evidence(store, compiled):
        _propose(proposals, seg_id, account_id, "match", reason)
    plan = _diff(store, known, proposals, organisation_flags, by_id)
    plan.as_of = as_of
    plan.judged = judged
    return plan


# What the judgement of one account reads of it (audience/judgement_cache.py).
_JUDGED_FIELDS = (
    "platform",
    "handle",
    "display_name",
    "bio",
    "website",
    "following_count",
    "followers_count",
    "default_avatar",
)
_JUDGED_BIO = _JUDGED_FIELDS.index("bio")  # accounts sharing a bio are judged by one worker


def _judged_fields(account: dict[str, Any]) -> tuple[Any, ...]:
    return _READ_JUDGED(account)


_READ_JUDGED = itemgetter(*_JUDGED_FIELDS)


def _judge_context(judge: _Judge, config: SegmentConfig) -> bytes:
    """Everything besides the account that its judgement depends on."""
    rules = [(r.segment, r.rules, r.orgs) for r in judge.compiled]
    return context_fingerprint(lexicon_fingerprint(judge.lexicon), config.own, rules)


def _judge_account(account: dict[str, Any], judge: _Judge) -> list[Any]:
    """[evidence, press finding (as a dict) or None, organisation flag or None, press gate
    shut] of one account, from its own fields and the rules only."""
    found: dict[int, PressFinding] = {}
    evidence = list(_account_evidence(account, judge, found))
    finding = found.get(account["id"])
    flag = _organisation_flag(account, judge.compiled, judge.lexicon)
    return [evidence, asdict(finding) if finding else None, flag, _press_gate_shut(account, judge)]


def _press_gate_shut(account: dict[str, Any], judge: _Judge) -> bool:
    """press_evidence finds nothing for this account under the rules' lexicon: the gate it
    starts with is shut (answered from the gate's memo: _account_evidence just asked it). The
    second look's finds then need no press evidence worked out again in this process, where
    the gate's memo is cold (issue 18)."""
    if not judge.press_ids:
        return False
    return not may_be_press(*press_fields(account), judge.lexicon)


def _names_any_of(learned: list[Outlet]) -> Callable[[dict[str, Any]], bool]:
    """Whether an account's own texts can lead the gazetteer to one of the learned outlets:
    one of the strings its look-ups compare (:func:`audience.outlets.looked_up_by`) is in its
    handle, name, bio or website, case, accents, spaces and punctuation aside. An account for
    which it is False is judged by the second look as by the first (issue 18: the second look
    is otherwise a whole second pass over the crowd). One pattern of all those strings, read
    once per distinct text."""
    keys = {_skeleton(text) for outlet in learned for text in looked_up_by(outlet)}
    pattern = _literals(keys)
    named: dict[str, bool] = {}  # per text: a crowd repeats names and bios

    def names(text: str | None) -> bool:
        if not text:
            return False
        found = named.get(text)
        if found is None:
            found = named[text] = pattern.search(_skeleton(text)) is not None
        return found

    def may_name(account: dict[str, Any]) -> bool:
        return any(map(names, _READ_PRESS(account)))

    return may_name


_READ_PRESS = itemgetter("handle", "display_name", "bio", "website")
_NOT_ALNUM_ASCII = re.compile(r"[\W_]+")


def _skeleton(text: str) -> str:
    """Letters and digits only, folded as the rules fold (fold_same_length) and then as
    Unicode folds case and compatibility forms: the same for a text and for its lower case or
    folded forms, so a string the rules cut from a text and lower or fold is in its skeleton."""
    if text.isascii():
        return _NOT_ALNUM_ASCII.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", fold_same_length(text).casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _literals(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern finding any of ``words`` (literal strings), as a trie: the engine follows
    one branch per character instead of trying every word at every position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def regex(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + regex(after) for char, after in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return re.compile(regex(trie))


def _learned_press(account: dict[str, Any], judge: _Judge) -> str | None:
    """The press reason of an account found only with the outlets learned from the workspace."""
    if _owned(account, judge):
        return None
    finding = _press_finding(account, judge.lexicon)
    if finding and finding.strong and not _org_claims(account, judge):
        return finding.reason
    return None


def apply_plan(store: Store, plan: AutoPlan, config: SegmentConfig) -> None:
    """Write a plan in one transaction."""
    known = {s.name: s.id for s in list_segments(store)}
    seen = plan.as_of.isoformat(timespec="seconds") if plan.as_of else now_iso()
    touched = set()
    # One statement per kind of change (executemany): 80k single-row statements took 1.4 s.
    rows: dict[str, list[list[Any]]] = {}
    for change in plan.changes:
        touched.add(change.account_id)
        if change.action == "add":
            row = [known[change.segment], change.account_id, change.source, change.reason, seen]
        elif change.action == "update":
            row = [change.source, change.reason, known[change.segment], change.account_id]
        elif change.action == "remove":
            row = [known[change.segment], change.account_id]
        elif change.action in ("organisation", "person"):
            row = [int(change.action == "organisation"), change.account_id]
        else:
            continue
        rows.setdefault(change.action, []).append(row)
    with store.transaction():
        for action, sql in _APPLY_SQL.items():
            if rows.get(action):
                store._conn.executemany(sql, rows[action])
        _ensure_primaries(store, touched, primary_rank(store, config.primary_order))
        for cache in plan.judged:
            cache.save()
    plan.applied = True


_APPLY_SQL = {  # the order a plan is written in: a kind of change never touches another's rows
    "add": "INSERT INTO segment_members (segment_id, account_id, source, reason, created_at) "
    "VALUES (?, ?, ?, ?, ?)",
    "update": "UPDATE segment_members SET source = ?, reason = ? "
    "WHERE segment_id = ? AND account_id = ? AND source != 'manual'",
    "remove": "DELETE FROM segment_members WHERE segment_id = ? AND account_id = ? "
    "AND source != 'manual'",
    "organisation": "UPDATE accounts SET is_organisation = ? WHERE id = ? "
    "AND is_organisation IS NULL",
    "person": "UPDATE accounts SET is_organisation = ? WHERE id = ? AND is_organisation IS NULL",
}


@without_gc_pauses
def auto_segment(
    store: Store,
    config: SegmentConfig,
    *,
    dry_run: bool = False,
    as_of: datetime | None = None,
) -> AutoPlan:
    """Apply the rules and the match evidence; with ``dry_run`` only report what would change."""
    plan = plan_auto(store, config, as_of=as_of)
    if not dry_run:
        apply_plan(store, plan, config)
    return plan


def _propose(
    proposals: dict[tuple[int, int], _Proposal],
    segment_id: int,
    account_id: int,
    source: str,
    reason: str,
) -> None:
    key = (segment_id, account_id)
    if key not in proposals:
        proposals[key] = _Proposal(source)
    proposals[key].add(source, reason)


def _compile(
    store: Store, segment: Segment, rules: SegmentRules, lexicon: Lexicon = DEFAULT_LEXICON
) -> _CompiledRules:
    orgs = [Organisation(name, None) for name in rules.organisations]
    orgs += [Organisation(None, d) for d in rules.domains]
    orgs += rules.organisation_tables
    orgs += stored_orgs(store, segment.id)
    keywords = [(kw, _keyword_pattern(kw)) for kw in rules.keywords]
    domains = {}
    for org in orgs:
        for raw in (org.domain, *org.domains):
            if raw and (domain := normalise_domain(raw)):
                domains[domain] = org.name or domain
    handles = {_handle_key(h) for h in rules.handles}
    handles |= {(None, h.lstrip("@").lower()) for org in orgs for h in org.handles}
    # A segment's own list of handles names organisations too: "spedytor w @trasa_pl".
    listed = [o.listed() for o in orgs if o.name or o.handles]
    listed += [ListedOrg(f"@{key}", handles=(key,)) for _, key in sorted(handles, key=str)]
    matcher = OrgMatcher(listed, lexicon)
    return _CompiledRules(segment, rules, orgs, keywords, matcher, domains, handles)


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in fold_same_length(keyword).split())
    return re.compile(rf"(?<![\w@#])(?:{body})(?:s|es)?(?![\w])")


def _handle_key(text: str) -> tuple[str | None, str]:
    ref = parse_ref(text)
    return ref.platform, ref.key.lower()


def _press_finding(account: dict[str, Any], lexicon: Lexicon) -> PressFinding | None:
    found = press_evidence(
        account["handle"], account["display_name"], account["bio"], account["website"], lexicon
    )
    if found and found.is_outlet_account and follows_like_spam(account):
        # outlets do not follow thousands who do not follow them; a known outlet's own bureau
        # or edition, on the outlet's website, may
        outlet = lexicon.gazetteer.domain(normalise_domain(account["website"]))
        if outlet is None or outlet.kind in PLATFORM_KINDS:
            return None
    return found


def follows_like_spam(account: dict[str, Any]) -> bool:
    """Follows thousands, followed by far fewer: how follow-for-follow and clickbait grow."""
    following, followers = account.get("following_count"), account.get("followers_count")
    if following is None or followers is None:
        return False
    return following >= 1000 and following > 3 * max(followers, 1)


def _impostor(account: dict[str, Any], named: object, matcher: OrgMatcher) -> bool:
    """ "Acme Support ✔️" following thousands who do not follow it, with the default avatar or
    ten times as many followed as followers, on no handle or website of Acme's: a display name
    that is or opens with the organisation's, on an account grown the way no brand's own
    account is (a person's "Darius | Acme" is not one)."""
    following, followers = account["following_count"] or 0, account["followers_count"] or 0
    grown = account.get("default_avatar") or following > 10 * max(followers, 1)
    if not (follows_like_spam(account) and grown):
        return False
    return bool(named) or matcher.opens_display_name(account["display_name"])


def _owned(account: dict[str, Any], judge: _Judge) -> bool:
    """One of your own staff or accounts ([self] in audience.toml). Your name in the bio of an
    account whose handle or website is a listed organisation's is a client or a project of
    theirs ("Acme project manager. Our Brand project."), not your staff."""
    if not judge.own:
        return False
    if _identified(account, judge.own, judge.lexicon):
        return True  # your own handle or website, whatever its bio and posts name
    if not next(_employer(account, judge.own, judge.lexicon), None):
        return False
    return not any(
        _identified(account, rules.matcher, judge.lexicon)
        for rules in judge.compiled
        if rules.matcher
    )


def _identified(account: dict[str, Any], matcher: OrgMatcher, lexicon: Lexicon) -> bool:
    """The account's handle or website is one of the matcher's organisations'."""
    if matcher.by_handle(account["handle"]):
        return True
    hosts = _hosts(account["website"], shared_bio_text(account["bio"], lexicon))
    return any(matcher.by_host(host) for host in hosts)


def _org_claims(account: dict[str, Any], judge: _Judge) -> bool:
    return any(
        next(_employer(account, rules.matcher, judge.lexicon), None) for rules in judge.compiled
    )


def _dealer(bio: BioText, lexicon: Lexicon) -> bool:
    """ "Acme Mombasa. Authorised dealer": named after the brand, a trading partner; its name
    and bio do not make it the brand (its handle or website on the brand's domain still do)."""
    return bool(lexicon.dealer_titles and searched(lexicon.dealer_titles, bio.folded))


def _employer(account: dict[str, Any], matcher: OrgMatcher, lexicon: Lexicon) -> Iterable[str]:
    """Reasons the account works for (or is) one of the matcher's organisations now."""
    if not matcher:
        return
    handle, name, bio = account["handle"], account["display_name"], account["bio"]
    if found := matcher.by_handle(handle):
        yield found[1]
    bio_text = shared_bio_text(bio, lexicon)
    for host in _hosts(account["website"], bio_text):
        if org := matcher.by_host(host):
            yield f"web domain {host} ({org.label})"
    if _dealer(bio_text, lexicon):
        return
    name_text = shared_bio_text(name, lexicon)
    if found := matcher.by_display_name(name):
        yield found[1]
    for _, reason in matcher.in_text(name_text, "name"):
        yield reason
    for _, reason in matcher.in_text(bio_text, "bio"):
        yield reason


_GUEST = re.compile(r"(?<![\w])(?:guest|contributing|contributor|columnist|blogger)", re.I)


def _account_evidence(
    account: dict[str, Any], judge: _Judge, findings: dict[int, PressFinding]
) -> Iterable[tuple[int, str, str]]:
    handle = account["handle"]
    name, bio = account["display_name"], account["bio"]
    lexicon = judge.lexicon
    if _owned(account, judge):
        return
    parody = is_parody(name, bio, lexicon=lexicon)
    bio_text, name_text = shared_bio_text(bio, lexicon), shared_bio_text(name, lexicon)
    hosts = _hosts(account["website"], bio_text)
    handle_lower = (handle or "").lower().lstrip("@")
    dealer = _dealer(bio_text, lexicon)
    employer_segments = set()
    named_in_text: list[tuple[int, str, int | None]] = []  # listed names in the bio or display name
    own_account = False  # named or handled as a listed organisation itself
    site = normalise_domain(account["website"])
    own_site = False  # the profile's website is on a listed organisation's domain
    scam = bool(
        lexicon.scam_markers
        and (
            searched(lexicon.scam_markers, bio_text.folded)
            or searched(lexicon.scam_markers, name_text.folded)
        )
    )
    for rules in judge.compiled:
        if not (rules.handles or rules.domains or rules.keywords or rules.matcher):
            continue  # nothing listed for this segment: nothing to find
        seg = rules.segment.id
        if (None, handle_lower) in rules.handles or (
            account["platform"],
            handle_lower,
        ) in rules.handles:
            employer_segments.add(seg)
            own_account = True
            yield seg, "rule", f"handle @{handle}"
        for domain, label in rules.domains.items():
            host = next((h for h in hosts if h == domain or h.endswith("." + domain)), None)
            if host:
                employer_segments.add(seg)
                own_site = own_site or host == site
                yield seg, "rule", f"web domain {host}" + (f" ({label})" if label != domain else "")
        if parody:
            continue
        for keyword, pattern in rules.keywords:
            where = _where(pattern, bio_text, name_text)
            if where:
                yield seg, "rule", f'keyword "{keyword}" in {where}'
        if scam:
            continue  # a brand's name used as bait (@BrandHelp asking for card numbers) is not it
        # A handle of the organisation's family, unless the display name puts the organisation in
        # the past ("Ex-Acme Alumni" as @acme_alumni's name).
        if (
            (found := rules.matcher.by_handle(handle))
            and (None, handle_lower) not in rules.handles
            and not name_text.has_past
        ):
            employer_segments.add(seg)
            own_account = True
            yield seg, "rule", found[1]
        if dealer:
            continue
        named = rules.matcher.by_display_name(name, handle, hosts, bio)
        if seg not in employer_segments and _impostor(account, named, rules.matcher):
            continue
        if named:
            employer_segments.add(seg)
            own_account = True
            yield seg, "rule", named[1]
        for source, text in (("name", name_text), ("bio", bio_text)):
            if source == "name" and not named and rules.matcher.one_word_name(name):
                continue  # "Zest!" alone, with no handle or domain of Zest: a namesake
            for _, reason, start in rules.matcher.in_text_at(text, source):
                named_in_text.append((seg, reason, start if source == "bio" else None))
        own_account = own_account or rules.matcher.in_display_name(name)  # "Acme Newsroom"
    finding = None
    if judge.press_ids and not is_parody(name, bio, lexicon=lexicon, disclaimers=False):
        finding = _press_finding(account, lexicon)
    beat = (
        finding
        and finding.strong
        and not other_job(bio_text)
        and _reporter_at_an_outlet(finding, judge, bio, hosts)
    )
    for seg, reason, start in named_in_text:
        # A journalist at a named outlet, with no other job, writes about the organisations the
        # bio names (the newsroom is the employer; a past job is already left out).
        if beat and start is not None and not _workplace_elsewhere(bio, finding, start, lexicon):
            continue
        employer_segments.add(seg)
        yield seg, "rule", reason
    if finding is None or not finding.strong:
        return
    if employer_segments - judge.press_ids:
        # Someone whose day job is at a listed organisation writing a guest column: the
        # organisation's segment, not press.
        guest = _GUEST.search(finding.term) or _GUEST.search(bio or "")
        guest = guest or COLUMN.search(fold_same_length(bio))  # a column beside the day job
        if guest or lexicon.occasional.search(fold_same_length(bio)):
            return
        if finding.is_outlet_account:
            # The organisation's own newsroom or customer magazine is the organisation; an
            # outlet it owns under a name of its own (its radio, its podcast) is press as well.
            # A publication whose website is the organisation's own site is the organisation's
            # (its podcast, a programme under a name of its own, is still press).
            house = lexicon.house_media
            folded_bio = fold_same_length(bio)
            own_site = own_site and not searched(lexicon.podcast, folded_bio)
            if own_account or own_site or (house and house.search(folded_bio)):
                return
        elif not _title_names_outlet(finding.outlet, judge) and not searched(
            lexicon.podcast, fold_same_length(bio)
        ):
            # "Editor, Reporting & Compliance @Supplier": the title names no outlet. A podcast's
            # host is press whatever the day job ("co-host of the podcast X; sales at Acme").
            return
    findings[account["id"]] = finding
    for seg_id in judge.press_ids:
        yield seg_id, "rule", finding.reason


def _workplace_elsewhere(
    bio: str | None, finding: PressFinding, start: int, lexicon: Lexicon
) -> bool:
    """ "Tech reporter for @Daily. Weekdays ops at Acme": a sentence other than the press
    title's gives the name as a workplace ("at", "@", "joined": ``employer_words``)."""
    bio = bio or ""
    at = bio.find(finding.term)
    low, high = sorted((at, start)) if at >= 0 else (0, start)
    if at >= 0 and not _FULL_STOP.search(bio, low, high):
        return False  # the title's own sentence: "Reporter at The Daily covering Acme"
    words = re.findall(r"[\w@]+", fold_same_length(bio[:start]))
    return bool(words) and words[-1] in lexicon.employer_words


# The end of a sentence for a beat: a full stop, not the bars and semicolons that divide a
# journalist's list of subjects ("Reporter, @Daily | retail; Acme; Beta").
_FULL_STOP = re.compile(r"[.!?。！？\n](?:\s|$)|[。！？\n]")


def _reporter_at_an_outlet(
    finding: PressFinding, judge: _Judge, bio: str | None, hosts: Iterable[str]
) -> bool:
    """A journalist whose bio or website names an outlet the gazetteer knows ("商業周刊 記者",
    "Reporter at The Daily"): with no other job in the bio, the newsroom is the employer, so a
    listed organisation the same bio names is a beat."""
    if finding.is_outlet_account:
        return False
    if _title_names_outlet(finding.outlet, judge):
        return True
    gazetteer = judge.lexicon.gazetteer
    newsrooms = [o for _, o in gazetteer.names_in(bio or "")]
    newsrooms += [o for h in hosts if (o := gazetteer.domain(h))]
    return any(o.kind != "portfolio" for o in newsrooms)


def _title_names_outlet(outlet: str | None, judge: _Judge) -> bool:
    """The title names an outlet: an @handle that is no listed organisation's, or a name the
    gazetteer (built in, the user's or learned here) knows."""
    if not outlet:
        return False
    if outlet.startswith("@"):
        return not any(rules.matcher.by_handle(outlet) for rules in judge.compiled)
    return any(True for _ in judge.lexicon.gazetteer.names_in(outlet))


POSTS_PER_ACCOUNT = 20


def _post_evidence(
    store: Store,
    compiled: list[_CompiledRules],
    claimed: set[int],
    not_staff: Callable[[int], bool],
    bio_of: Callable[[int], str | None],
) -> Iterable[tuple[int, int, str]]:
    """Accounts whose recent posts confirm a listed employer ("el equipo de Acme"), for
    the accounts nothing else placed. SQL picks the posts that name an organisation at all
    (one pass over the table); the patterns only read those. A bio that names the
    organisation as a client says what the posts' "our Acme team" means: the team serving it."""
    for rules in compiled:
        words = rules.matcher.post_filter()
        if not words:
            continue
        likes = " OR ".join("lower(p.text) LIKE ?" for _ in words)
        rows = store.execute(
            f"SELECT p.account_id, p.text FROM posts p WHERE ({likes}) "
            f"ORDER BY p.account_id, p.created_at DESC",
            [f"%{w}%" for w in words],
        )
        seen: dict[int, int] = {}
        found: set[int] = set()
        for account_id, text in rows:
            if account_id in claimed or account_id in found or not text:
                continue
            seen[account_id] = seen.get(account_id, 0) + 1
            if seen[account_id] > POSTS_PER_ACCOUNT:
                continue
            hit = rules.matcher.in_post(text)
            if (
                hit
                and not not_staff(account_id)
                and hit[0] not in rules.matcher.clients_in(bio_of(account_id))
            ):
                found.add(account_id)
                yield rules.segment.id, account_id, hit[1]


def _manual_press(store: Store, press_ids: set[int]) -> set[int]:
    if not press_ids:
        return set()
    marks = ",".join("?" * len(press_ids))
    return {
        row[0]
        for row in store.execute(
            f"SELECT account_id FROM segment_members WHERE segment_id IN ({marks}) "
            "AND source = 'manual' AND excluded = 0",
            sorted(press_ids),
        )
    }


_AUTHOR_PAGE = re.compile(
    r"/(?:author|authors|profile|profiles|journalists?|people|staff|by|contributors?|writers?"
    r"|team|reporters?|columnists?)(?:/|$)",
    re.I,
)


def learn_outlets(
    accounts: list[dict[str, Any]], findings: dict[int, PressFinding], confirmed: set[int]
) -> list[Outlet]:
    """Outlets this workspace shows: accounts judged to be outlets (their handle and website),
    the outlets named by handle or by an account's display name in journalists' bios, and the
    domains of journalists' author pages. ``confirmed``: press members added by hand."""
    handles: dict[str, str] = {}
    domains: dict[str, str] = {}
    names: dict[str, dict[str, Any]] = {
        organisation_key(a["display_name"]): a for a in accounts if a["display_name"]
    }
    for account in accounts:
        finding = findings.get(account["id"])
        if finding is None and account["id"] not in confirmed:
            continue
        website = account["website"] or ""
        host = normalise_domain(website)
        if finding is not None and finding.is_outlet_account:
            if account["handle"]:
                handles[account["handle"].lower()] = account["display_name"] or account["handle"]
            if host and host not in GENERIC_HOSTS:
                domains[host] = account["display_name"] or host
            continue
        outlet = finding.outlet if finding else None
        if outlet and outlet.startswith("@"):
            handles[outlet[1:].lower()] = outlet
        elif outlet and (named := names.get(organisation_key(outlet))) and named["handle"]:
            handles[named["handle"].lower()] = outlet
        if host and host not in GENERIC_HOSTS and _AUTHOR_PAGE.search(website.lower()):
            domains[host] = outlet or host
    learned = [Outlet(name, "learned", handles=(h,)) for h, name in handles.items()]
    learned += [Outlet(name, "learned", domains=(d,)) for d, name in domains.items()]
    return learned


def _where(pattern: re.Pattern[str], bio: BioText, name: BioText) -> str | None:
    if next(bio.current(pattern), None):
        return "bio"
    if next(name.current(pattern), None):
        return "name"
    return None


def _hosts(website: str | None, bio: BioText) -> tuple[str, ...]:
    """The website's host, then the bio's, each once and in order (the reason a run gives
    is the same on every run)."""
    found = [normalise_domain(website)]
    found += [
        normalise_domain(match.group(0))
        for match in bio.current(_HOSTS_IN_TEXT)
        if not _linked_as_a_client(bio, match.start())
    ]
    return tuple(dict.fromkeys(host for host in found if host))


def _linked_as_a_client(bio: BioText, start: int) -> bool:
    """ "Investor in acme.io and others", "consulting for beta.com": a link the account names
    as a client or a subject, not its own site."""
    sentence = re.split(r"[.!?|\n]\s", bio.folded[max(0, start - 80) : start])[-1]
    lexicon = bio.lexicon
    markers = (lexicon.client_markers, lexicon.beat_markers)
    return any(pattern is not None and pattern.search(sentence) for pattern in markers)


def _organisation_flag(
    account: dict[str, Any], compiled: list[_CompiledRules], lexicon: Lexicon
) -> tuple[bool, str] | None:
    handle, name, bio = account["handle"], account["display_name"], account["bio"]
    if is_parody(name, bio, lexicon=lexicon):
        return None
    if outlet_account(handle, name, bio, lexicon) and not press_role(bio, lexicon):
        return True, "describes itself as a news outlet"
    decided = is_organisation(handle, name, bio)
    if decided is not None:
        org, person = organisation_signals(handle, name, bio)
        return decided, f"bio wording (organisation {org}, person {person})"
    for rules in compiled:
        for org in rules.orgs:
            if (
                org.name
                and handle_belongs_to(handle, org.name)
                and (
                    organisation_key(name or "") == organisation_key(org.name)
                    or organisation_signals(handle, name, bio)[1] == 0
                )
            ):
                return True, f"handle and name of {org.name}"
    return None


def _list_and_hashtag_evidence(store: Store, rules: _CompiledRules) -> Iterable[tuple[int, str]]:
    for entry in rules.rules.lists:
        platform, sep, list_id = entry.partition(":")
        if sep and platform.lower() in PLATFORMS:
            lists = store.query(
                "SELECT id, name, platform, platform_id FROM lists "
                "WHERE platform = ? AND platform_id = ?",
                [platform.lower(), list_id],
            )
        else:
            lists = store.query(
                "SELECT id, name, platform, platform_id FROM lists WHERE lower(name) = lower(?)",
                [entry],
            )
        for lst in lists:
            for row in store.query(
                "SELECT account_id FROM list_members WHERE list_id = ?", [lst["id"]]
            ):
                yield (
                    row["account_id"],
                    (f'member of list "{lst["name"]}" ({lst["platform"]}:{lst["platform_id"]})'),
                )
    tags = sorted({t.lstrip("#").lower() for t in rules.rules.hashtags})
    if tags:
        marks = ",".join("?" * len(tags))
        for row in store.query(
            f"SELECT p.account_id, h.tag, count(*) AS n FROM post_hashtags h "
            f"JOIN posts p ON p.id = h.post_id WHERE h.tag IN ({marks}) "
            f"GROUP BY p.account_id, h.tag ORDER BY p.account_id, h.tag",
            tags,
        ):
            posts = "post" if row["n"] == 1 else "posts"
            yield row["account_id"], f"used #{row['tag']} ({row['n']} {posts})"


def _match_evidence(store: Store, compiled: list[_CompiledRules]) -> Iterable[tuple[int, int, str]]:
    """Accounts tied to a person (accepted match) whose contact card names a listed
    organisation or has an e-mail address at a listed domain."""
    links = store.query(
        "SELECT account_id, person_id FROM matches WHERE status = 'accepted' "
        "UNION SELECT id, person_id FROM accounts WHERE person_id IS NOT NULL"
    )
    if not links:
        return
    people = _people_evidence(store, {link["person_id"] for link in links})
    for link in links:
        person = people.get(link["person_id"])
        if not person:
            continue
        for rules in compiled:
            for reason in _person_reasons(person, rules):
                yield rules.segment.id, link["account_id"], reason


def _people_evidence(store: Store, person_ids: set[int]) -> dict[int, dict[str, Any]]:
    people: dict[int, dict[str, Any]] = {}
    ids = sorted(person_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.query(
            f"SELECT p.id, p.name, p.organisation AS person_org, c.id AS contact_id, "
            f"c.full_name, c.organisation, c.emails FROM people p "
            f"LEFT JOIN contacts c ON c.person_id = p.id WHERE p.id IN ({marks})",
            chunk,
        ):
            person = people.setdefault(
                row["id"], {"name": row["name"], "orgs": set(), "emails": set()}
            )
            person["name"] = person["name"] or row["full_name"]
            for org in (row["person_org"], row["organisation"]):
                if org:
                    person["orgs"].add(org)
            person["emails"].update(_json_list(row["emails"]))
        for row in store.query(
            f"SELECT c.person_id, cp.value FROM contact_points cp JOIN contacts c "
            f"ON c.id = cp.contact_id WHERE cp.kind = 'email' AND c.person_id IN ({marks})",
            chunk,
        ):
            people[row["person_id"]]["emails"].add(row["value"])
    return people


def _person_reasons(person: dict[str, Any], rules: _CompiledRules) -> Iterable[str]:
    who = f'contact "{person["name"]}"' if person["name"] else "a matched contact"
    for org_text in sorted(person["orgs"]):
        seen = set()
        # (shared: each segment reads the same card, as the rules share a bio)
        text = shared_bio_text(org_text, rules.matcher.lexicon)
        for org, _ in rules.matcher.in_text(text, "name"):
            if org.label not in seen:
                seen.add(org.label)
                yield f"{who} works at {org.label} (accepted match)"
    for email in sorted(person["emails"]):
        domain = normalise_domain(email)
        for listed, label in rules.domains.items():
            if domain and (domain == listed or domain.endswith("." + listed)):
                org = f" ({label})" if label != listed else ""
                yield f"{who} has an e-mail address at {listed}{org} (accepted match)"


def _json_list(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _diff(
    store: Store,
    known: dict[str, Segment],
    proposals: dict[tuple[int, int], _Proposal],
    organisation_flags: dict[int, tuple[bool, str]],
    accounts: dict[int, dict[str, Any]],
) -> AutoPlan:
    names = {s.id: s.name for s in known.values()}
    existing = {
        (r["segment_id"], r["account_id"]): r
        for r in store.query("SELECT segment_id, account_id, source, reason FROM segment_members")
    }
    plan = AutoPlan()

    def change(
        action: str, seg_id: int | None, account_id: int, source: str | None, reason: str
    ) -> None:
        account = accounts[account_id]
        plan.changes.append(
            Change(
                action,
                names.get(seg_id) if seg_id else None,
                account_id,
                account["platform"],
                account["handle"],
                source,
                reason,
            )
        )

    for (seg_id, account_id), proposal in sorted(proposals.items()):
        old = existing.get((seg_id, account_id))
        if old is None:
            change("add", seg_id, account_id, proposal.source, proposal.reason)
        elif old["source"] != "manual" and (old["source"], old["reason"]) != (
            proposal.source,
            proposal.reason,
        ):
            change("update", seg_id, account_id, proposal.source, proposal.reason)
    for (seg_id, account_id), old in sorted(existing.items()):
        if old["source"] != "manual" and (seg_id, account_id) not in proposals:
            change("remove", seg_id, account_id, old["source"], "no rule or match applies any more")
    for account_id, (flag, reason) in sorted(organisation_flags.items()):
        change("organisation" if flag else "person", None, account_id, None, reason)
    return plan


# ---- browsing ---------------------------------------------------------------------------------


def show_members(
    store: Store,
    segment_name: str,
    *,
    platform: str | None = None,
    near: list[str] | None = None,
    follows_me: bool = False,
    followed_by_me: bool = False,
    sort: str = "relevance",
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """A segment's members with the reasons they are in it."""
    if sort not in SORTS:
        raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    segment = get_segment(store, segment_name)
    where = ["m.segment_id = ?", "m.excluded = 0"]
    params: list[Any] = [segment.id]
    if platform:
        where.append("a.platform = ?")
        params.append(platform)
    if follows_me:
        where.append(
            "EXISTS (SELECT 1 FROM follows f JOIN my_accounts me ON me.account_id = f.followed_id "
            "AND me.platform = a.platform WHERE f.follower_id = a.id)"
        )
    if followed_by_me:
        where.append(
            "EXISTS (SELECT 1 FROM follows f JOIN my_accounts me ON me.account_id = f.follower_id "
            "AND me.platform = a.platform WHERE f.followed_id = a.id)"
        )
    order = {
        "relevance": "CASE m.source WHEN 'manual' THEN 0 WHEN 'match' THEN 1 ELSE 2 END, "
        "length(m.reason) - length(replace(m.reason, ';', '')) DESC, "
        "coalesce(a.followers_count, 0) DESC",
        "followers": "coalesce(a.followers_count, 0) DESC",
        "last-active": "a.last_post_at IS NULL, a.last_post_at DESC",
    }[sort]
    rows = store.query(
        f"SELECT a.id AS account_id, a.platform, a.handle, a.display_name, a.bio, a.location, "
        f"a.country, a.region, "
        f"a.followers_count, a.last_post_at, a.is_organisation, a.url, m.source, m.reason, "
        f"m.is_primary FROM segment_members m JOIN accounts a ON a.id = m.account_id "
        f"WHERE {' AND '.join(where)} ORDER BY {order}, a.id",
        params,
    )
    if near:
        rows = _near(rows, near)
    return rows[:limit] if limit else rows


def _near(rows: list[dict[str, Any]], wanted: list[str]) -> list[dict[str, Any]]:
    try:
        from audience.geo import account_place, matches_region
    except ImportError as exc:  # pragma: no cover - depends on the optional gazetteer
        raise ConfigError(f"--near needs the location gazetteer ({exc})") from None
    return [r for r in rows if matches_region(account_place(r), wanted)]


def search_accounts(
    store: Store, query: str, *, platform: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Full-text search over handles, names and bios, best matches first. Each row's
    ``snippet`` is a piece of the bio, and ``highlights`` the [start, end) spans in it that
    matched."""
    fts = fts_query(query)
    store.sync_search_index()
    where, params = "accounts_fts MATCH ?", [fts]
    if platform:
        where += " AND a.platform = ?"
        params.append(platform)
    rows = store.query(
        f"SELECT a.id AS account_id, a.platform, a.handle, a.display_name, a.bio, "
        f"a.followers_count, a.location, "
        f"snippet(accounts_fts, 2, '{_HIT_START}', '{_HIT_END}', '…', 12) AS snippet, "
        f"(SELECT group_concat(s.name, ', ') FROM segment_members m JOIN segments s "
        f" ON s.id = m.segment_id WHERE m.account_id = a.id AND m.excluded = 0) AS segments "
        f"FROM accounts_fts JOIN accounts a ON a.id = accounts_fts.rowid "
        f"WHERE {where} ORDER BY bm25(accounts_fts), a.id LIMIT ?",
        [*params, limit],
    )
    for row in rows:
        row["snippet"], row["highlights"] = _split_highlights(row["snippet"] or "")
    return rows


# The hits are marked with control characters, which bios do not contain (unlike brackets).
_HIT_START, _HIT_END = "\x02", "\x03"


def _split_highlights(marked: str) -> tuple[str, list[list[int]]]:
    text, spans, start = [], [], None
    length = 0
    for part in re.split(f"([{_HIT_START}{_HIT_END}])", marked):
        if part == _HIT_START:
            start = length
        elif part == _HIT_END and start is not None:
            spans.append([start, length])
            start = None
        else:
            text.append(part)
            length += len(part)
    return "".join(text), spans


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must appear; "quoted words" as a phrase;
    a trailing * keeps prefix search. FTS operators in the input are taken literally."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        if phrase:
            words = [w for w in re.findall(r"\w+", phrase)]
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for token in re.findall(r"\w+", word):
            parts.append(f'"{token}"')
        if prefix and parts:
            parts[-1] += "*"
    if not parts:
        raise InputError("search", None, "nothing to search for: give one or more words")
    return " ".join(parts)
