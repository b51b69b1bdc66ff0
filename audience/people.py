"""Save contact books into the workspace and merge their entries into people.

One row in ``people`` per human (or organisation card); every book entry is a row in
``contacts`` linked to its person, with its e-mails, phones, URLs, handles and LinkedIn profile
as normalised ``contact_points``. Entries from any books are the same person when they share:

1. a normalised e-mail address, or
2. a LinkedIn profile URL, or
3. the same normalised full name and the same normalised organisation (legal forms dropped,
   accents folded, "Grünfeld" = "Gruenfeld"), or
4. a phone number, with names that agree: same first word and one name's words all in the
   other's ("Jose Fernandez" / "José Manuel Fernández"). Phones alone are not enough: a
   switchboard or a family landline is shared.

Anything fuzzier (nicknames, old jobs with other e-mails) is left to the matcher. Organisation
cards only merge by e-mail or LinkedIn URL.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audience.importers.contacts import ContactBook
from audience.models import ContactRecord
from audience.normalize import (
    fold,
    name_key,
    name_keys,
    normalize_email,
    normalize_phone,
    normalize_url,
    org_key,
    org_keys,
)
from audience.store import Store, now_iso

HANDLE_PLATFORMS = ("x", "bluesky", "mastodon")
TEXT_COLUMNS = (
    "source_format",
    "full_name",
    "given_name",
    "middle_name",
    "family_name",
    "prefix",
    "suffix",
    "nickname",
    "organisation",
    "title",
    "department",
    "city",
    "region",
    "country",
    "linkedin_url",
    "notes",
)
JSON_COLUMNS = ("emails", "phones", "urls", "social", "labels")
COMPARED_COLUMNS = (*TEXT_COLUMNS, *JSON_COLUMNS, "is_organisation")
PERSON_COLUMNS = ("name", "given_name", "family_name", "organisation", "title", "city", "country")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass
class ImportResult:
    """What one import did. ``people_merged`` counts entries that joined a person another
    entry already had (in this book or an earlier one) plus people folded together."""

    added: int = 0
    unchanged: int = 0
    updated: int = 0
    people_created: int = 0
    people_merged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    suppressed: int = 0  # entries of forgotten people, left out


@dataclass
class _Keys:
    """What an entry can be merged on."""

    emails: set[str]
    linkedin: str | None
    name_orgs: set[tuple[str, str]]
    phones: set[str]
    name_tokens: tuple[str, ...]


def save_contacts(
    store: Store, book: ContactBook, source: str, *, default_region: str = "GB"
) -> ImportResult:
    """Write every record of ``book`` under ``source`` (a label such as "Alice's Outlook") in
    one transaction, merging entries into people. Re-importing the same file changes nothing;
    an entry whose content changed is updated in place."""
    from audience.privacy import Suppressions

    result = ImportResult(skipped=list(book.skipped))
    with store.transaction():
        index = _Index.load(store)
        forgotten = Suppressions(store)
        touched: set[int] = set()
        used_keys: set[str] = set()
        for record in book.records:
            if _is_forgotten(forgotten, record, default_region):
                result.suppressed += 1
                continue
            key = _unique_key(source_key(record), used_keys)
            person_id = _save_record(store, index, (source, key), record, default_region, result)
            if person_id is not None:
                touched.add(person_id)
        for person_id in {index.resolve(p) for p in touched}:
            refresh_person(store, person_id)
    return result


def _is_forgotten(forgotten, record: ContactRecord, default_region: str) -> bool:
    """A forgotten person's entry stays out: any of its e-mails, phones, handles or profile,
    or its name at its organisation, on the suppression list."""
    if not forgotten:
        return False
    phones = [*record.phones]
    phones += [normalize_phone(p, default_region) or "" for p in record.phones]
    return forgotten.covers(
        emails=record.emails,
        phones=phones,
        handles=[(p, h) for p, h in record.social if h],
        linkedin_url=record.linkedin_url,
        name=record.full_name,
        organisation=record.organisation,
    )


def _save_record(
    store: Store,
    index: _Index,
    where: tuple[str, str],
    record: ContactRecord,
    default_region: str,
    result: ImportResult,
) -> int | None:
    """Write one entry and put it with its person. Returns that person, or None when the
    entry was unchanged and stayed with the same person (nobody's display fields move)."""
    points = contact_points(record, default_region)
    keys = _keys_of(record, points)
    unchanged, merged = result.unchanged, result.people_merged
    contact_id, before = _write_contact(
        store, (*where, record.position), _contact_row(record), points, result
    )
    person_id = _place_person(store, index, keys, before, result)
    if person_id is None:
        person_id = _create_person(store)
        result.people_created += 1
    if person_id != before:
        store.execute("UPDATE contacts SET person_id = ? WHERE id = ?", [person_id, contact_id])
    index.add(keys, person_id)
    quiet = person_id == before and result.unchanged > unchanged and result.people_merged == merged
    return None if quiet else person_id


# ---- contact rows -----------------------------------------------------------------------------


def source_key(record: ContactRecord) -> str:
    """Stable identity of an entry within its source, so re-imports find it again: its
    LinkedIn profile (LinkedIn), else its first e-mail, else name and organisation, else
    its whole content."""
    emails = [e for e in (normalize_email(x) for x in record.emails) if e]
    if record.source_format == "linkedin-connections" and record.linkedin_url:
        identity = f"linkedin:{record.linkedin_url}"
    elif emails:
        identity = f"email:{emails[0]}"
    elif record.full_name:
        identity = f"name:{name_key(record.full_name)}|{org_key(record.organisation)}"
    else:
        identity = "content:" + json.dumps(_contact_row(record), sort_keys=True)
    digest = hashlib.sha256(f"{record.source_format}\n{identity}".encode()).hexdigest()
    return digest[:24]


def _unique_key(key: str, used: set[str]) -> str:
    # The same identity twice in one book (a duplicated entry) gets its own row.
    candidate, n = key, 1
    while candidate in used:
        n += 1
        candidate = f"{key}#{n}"
    used.add(candidate)
    return candidate


def _contact_row(record: ContactRecord) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(record, name) for name in TEXT_COLUMNS}
    for name in JSON_COLUMNS:
        row[name] = json.dumps(
            [list(v) if isinstance(v, tuple) else v for v in getattr(record, name)],
            ensure_ascii=False,
        )
    row["is_organisation"] = int(record.is_organisation)
    return row


def contact_points(record: ContactRecord, default_region: str = "GB") -> set[tuple[str, str]]:
    """(kind, normalised value) pairs of an entry: email, phone (E.164), url, handle
    ("x:name", "bluesky:name.bsky.social", "mastodon:user@host") and linkedin (profile URL)."""
    points: set[tuple[str, str]] = set()
    for email in record.emails:
        if value := normalize_email(email):
            points.add(("email", value))
    for phone in record.phones:
        if value := normalize_phone(phone, default_region):
            points.add(("phone", value))
    for url in record.urls:
        if value := normalize_url(url):
            points.add(("url", value))
    for platform, handle in record.social:
        if platform in HANDLE_PLATFORMS and handle:
            points.add(("handle", f"{platform}:{handle.lower()}"))
    if record.linkedin_url:
        points.add(("linkedin", record.linkedin_url))
    return points


def _write_contact(
    store: Store,
    where: tuple[str, str, str],
    row: dict[str, Any],
    points: set[tuple[str, str]],
    result: ImportResult,
) -> tuple[int, int | None]:
    """Insert or update one entry (``where`` = source, source_key, position); returns
    (contact id, its current person or None)."""
    source, key, position = where
    existing = store.query(
        f"SELECT id, person_id, position, {', '.join(COMPARED_COLUMNS)} FROM contacts "
        "WHERE source = ? AND source_key = ?",
        [source, key],
    )
    if not existing:
        result.added += 1
        return _insert_contact(store, where, row, points), None
    old = existing[0]
    if all(old[name] == row[name] for name in COMPARED_COLUMNS):
        if old["position"] != position:  # rows above it were added or removed
            store.execute("UPDATE contacts SET position = ? WHERE id = ?", [position, old["id"]])
        result.unchanged += 1
    else:
        _update_contact(store, old["id"], position, row, points)
        result.updated += 1
    return old["id"], old["person_id"]


def _insert_contact(
    store: Store, where: tuple[str, str, str], row: dict[str, Any], points: set[tuple[str, str]]
) -> int:
    source, key, position = where
    columns = ("source", "source_key", "position", *COMPARED_COLUMNS, "imported_at")
    values = {
        **row,
        "source": source,
        "source_key": key,
        "position": position,
        "imported_at": now_iso(),
    }
    contact_id = store.execute(
        f"INSERT INTO contacts ({', '.join(columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)}) RETURNING id",
        values,
    ).fetchone()[0]
    _insert_points(store, contact_id, points)
    return contact_id


def _update_contact(
    store: Store,
    contact_id: int,
    position: str,
    row: dict[str, Any],
    points: set[tuple[str, str]],
) -> None:
    assignments = ", ".join(f"{name} = :{name}" for name in COMPARED_COLUMNS)
    store.execute(
        f"UPDATE contacts SET {assignments}, position = :position, imported_at = :now "
        "WHERE id = :id",
        {**row, "position": position, "now": now_iso(), "id": contact_id},
    )
    store.execute("DELETE FROM contact_points WHERE contact_id = ?", [contact_id])
    _insert_points(store, contact_id, points)


def _insert_points(store: Store, contact_id: int, points: Iterable[tuple[str, str]]) -> None:
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO contact_points (contact_id, kind, value) VALUES (?, ?, ?)",
        [(contact_id, kind, value) for kind, value in sorted(points)],
    )


# ---- merging into people ----------------------------------------------------------------------


def _keys_of(record: ContactRecord, points: set[tuple[str, str]]) -> _Keys:
    return _make_keys(record.full_name, record.organisation, record.is_organisation, points)


def _make_keys(
    full_name: str | None,
    organisation: str | None,
    is_organisation: bool,
    points: Iterable[tuple[str, str]],
) -> _Keys:
    points = list(points)
    personal = not is_organisation
    names = name_keys(full_name) if personal else set()
    orgs = org_keys(organisation)
    return _Keys(
        emails={v for k, v in points if k == "email"},
        linkedin=next((v for k, v in points if k == "linkedin"), None),
        name_orgs={(n, o) for n in names for o in orgs},
        phones={v for k, v in points if k == "phone"} if personal else set(),
        name_tokens=tuple(name_key(full_name).split()) if personal else (),
    )


def names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First words the same or one a nickname of the other (Ben / Benjamin), and every other
    word of the shorter name in the longer one."""
    if len(a) < 2 or len(b) < 2:
        return False
    if a[0] != b[0]:
        from audience.matching.names import name_groups

        if len(a[0]) < 2 or len(b[0]) < 2 or not name_groups(a[0]) & name_groups(b[0]):
            return False
    shorter, longer = sorted((a, b), key=len)
    return set(shorter[1:]) <= set(longer[1:])


class _Index:
    """Merge keys of every entry already in the workspace, pointing at its person."""

    def __init__(self) -> None:
        self.emails: dict[str, int] = {}
        self.linkedin: dict[str, int] = {}
        self.name_orgs: dict[tuple[str, str], int] = {}
        self.phones: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        self.alias: dict[int, int] = {}

    @classmethod
    def load(cls, store: Store) -> _Index:
        index = cls()
        points: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for row in store.query(
            "SELECT contact_id, kind, value FROM contact_points "
            "WHERE kind IN ('email', 'phone', 'linkedin')"
        ):
            points[row["contact_id"]].append((row["kind"], row["value"]))
        for row in store.query(
            "SELECT id, person_id, full_name, organisation, is_organisation FROM contacts "
            "WHERE person_id IS NOT NULL ORDER BY id"
        ):
            keys = _make_keys(
                row["full_name"],
                row["organisation"],
                bool(row["is_organisation"]),
                points.get(row["id"], []),
            )
            index.add(keys, row["person_id"])
        return index

    def resolve(self, person_id: int) -> int:
        while person_id in self.alias:
            person_id = self.alias[person_id]
        return person_id

    def find(self, keys: _Keys) -> set[int]:
        found = [self.emails.get(e) for e in keys.emails]
        found.append(self.linkedin.get(keys.linkedin) if keys.linkedin else None)
        found.extend(self.name_orgs.get(k) for k in keys.name_orgs)
        for phone in keys.phones:
            found.extend(
                person
                for person, tokens in self.phones.get(phone, ())
                if names_compatible(tokens, keys.name_tokens)
            )
        return {self.resolve(p) for p in found if p is not None}

    def add(self, keys: _Keys, person_id: int) -> None:
        for email in keys.emails:
            self.emails.setdefault(email, person_id)
        if keys.linkedin:
            self.linkedin.setdefault(keys.linkedin, person_id)
        for key in keys.name_orgs:
            self.name_orgs.setdefault(key, person_id)
        for phone in keys.phones:
            self.phones[phone].append((person_id, keys.name_tokens))


def _place_person(
    store: Store, index: _Index, keys: _Keys, current: int | None, result: ImportResult
) -> int | None:
    """The person this entry belongs to, folding together people it shows to be one."""
    found = index.find(keys)
    if current is not None:
        current = index.resolve(current)
        others = found - {current}
    else:
        others = found
    if current is None and others:
        result.people_merged += 1
    candidates = found | ({current} if current is not None else set())
    if not candidates:
        return None
    target = min(candidates)
    for other in sorted(candidates - {target}):
        _fold_person(store, other, target)
        index.alias[other] = target
        result.people_merged += 1
    return target


def _fold_person(store: Store, other: int, target: int) -> None:
    store.execute("UPDATE contacts SET person_id = ? WHERE person_id = ?", [target, other])
    store.execute("UPDATE accounts SET person_id = ? WHERE person_id = ?", [target, other])
    # A match of both people with the same account: keep the target's, drop the other's.
    store.execute("UPDATE OR IGNORE matches SET person_id = ? WHERE person_id = ?", [target, other])
    store.execute("DELETE FROM people WHERE id = ?", [other])


def _create_person(store: Store) -> int:
    now = now_iso()
    return store.execute(
        "INSERT INTO people (created_at, updated_at) VALUES (?, ?) RETURNING id", [now, now]
    ).fetchone()[0]


# ---- a person's display fields ----------------------------------------------------------------


def _name_rank(contact: dict[str, Any]) -> tuple:
    """Sort key, best first: a personal, single-script, most complete, undecorated,
    accented, fullest spelling ("Zoë Lambert-Hughes" before "Zoe Lambert-Hughes" and
    "Zoë Lambert"; "William" before "Bill"); the oldest entry breaks ties."""
    name = contact["full_name"] or ""
    tokens = name_key(name).split()
    mixed = bool(_CJK.search(name) and _LATIN.search(name))
    decorated = len(fold(name).split()) > len(tokens)
    accents = sum(1 for ch in name if ord(ch) > 127 and ch.isalpha())
    written = len(name.replace(" ", ""))  # "El-Sayed" over "El Sayed", "William" over "Bill"
    return (
        not name,
        bool(contact["is_organisation"]),
        mixed,
        -len(tokens),
        decorated,
        -accents,
        -written,
        contact["id"],
    )


def person_fields(contacts: list[dict[str, Any]]) -> dict[str, Any]:
    """Display fields of a person from all their entries (rows of ``contacts``)."""
    ranked = sorted(contacts, key=_name_rank)
    best = ranked[0]
    orgs = Counter(org_key(c["organisation"]) for c in ranked if org_key(c["organisation"]))
    job = best
    if orgs:
        top = max(orgs.values())
        winner = next(
            org_key(c["organisation"])
            for c in ranked
            if orgs.get(org_key(c["organisation"])) == top
        )
        job = next(c for c in ranked if org_key(c["organisation"]) == winner)

    def first(name: str, preferred: dict[str, Any]) -> Any:
        if preferred[name]:
            return preferred[name]
        return next((c[name] for c in ranked if c[name]), None)

    return {
        "name": best["full_name"],
        "given_name": first("given_name", best),
        "family_name": first("family_name", best),
        "organisation": job["organisation"],
        "title": first("title", job),
        "city": first("city", best),
        "country": first("country", best),
    }


def refresh_person(store: Store, person_id: int) -> None:
    """Recompute a person's display fields; the row is only written when they changed."""
    contacts = store.query(
        "SELECT id, full_name, given_name, family_name, organisation, title, city, country, "
        "is_organisation FROM contacts WHERE person_id = ?",
        [person_id],
    )
    if not contacts:
        return
    wanted = person_fields(contacts)
    current = store.query(
        f"SELECT {', '.join(PERSON_COLUMNS)} FROM people WHERE id = ?", [person_id]
    )
    if current and all(current[0][k] == wanted[k] for k in PERSON_COLUMNS):
        return
    assignments = ", ".join(f"{k} = :{k}" for k in PERSON_COLUMNS)
    store.execute(
        f"UPDATE people SET {assignments}, updated_at = :now WHERE id = :id",
        {**wanted, "now": now_iso(), "id": person_id},
    )
