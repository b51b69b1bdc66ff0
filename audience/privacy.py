"""Forgetting a person, and the suppression list that keeps them forgotten.

``forget`` deletes a person and everything that identifies them (contacts, contact points,
matches, segment entries, targets, their social accounts with posts and follow edges) in one
transaction, and leaves suppression entries behind. Exports, reports, importers and crawlers ask
:func:`is_suppressed` / :func:`suppressed_account_ids` so that a later import or crawl does not
bring them back.

Suppression keys (table ``suppressions``, column ``kind``):

``email``        lower-cased address
``phone``        ``+`` and digits (E.164)
``handle``       ``platform:handle``, lower-cased, without ``@``
``account``      ``platform:platform_id``, survives a change of handle
``linkedin_url`` ``linkedin.com/in/slug``, lower-cased, no scheme, ``www`` or trailing slash
``name_org``     normalised ``name|organisation``; only written when both are known, so that a
                 namesake at another organisation (or with none) is not hidden
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audience.errors import AudienceError
from audience.store import Store, now_iso

SUPPRESSION_KINDS = ("email", "phone", "handle", "account", "linkedin_url", "name_org")


class ForgetError(AudienceError):
    """The subject of ``forget`` is unknown, ambiguous, or one of the user's own accounts."""


# ---- normalising keys ---------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    return email.strip().lower()


def normalise_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return f"+{digits}" if digits else ""


def normalise_handle(platform: str, handle: str) -> str:
    return f"{platform}:{handle.strip().lstrip('@').lower()}"


def normalise_linkedin_url(url: str) -> str:
    text = url.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = re.sub(r"^([a-z]{2,3}\.|www\.)(?=linkedin\.com)", "", text)
    text = text.split("?", 1)[0].split("#", 1)[0]
    return text.rstrip("/")


def name_org_key(name: str | None, organisation: str | None) -> str | None:
    """``"ada lovelace|analytical engines"``; None unless both parts are known."""
    name_part, org_part = _fold(name), _fold(organisation)
    if not name_part or not org_part:
        return None
    return f"{name_part}|{org_part}"


def _fold(text: str | None) -> str:
    if not text:
        return ""
    from anyascii import anyascii

    return " ".join(re.findall(r"[a-z0-9]+", anyascii(text).lower()))


# ---- the suppression list -----------------------------------------------------------------------


def add_suppressions(store: Store, entries: Iterable[tuple[str, str]]) -> int:
    """Record ``(kind, value)`` entries (already normalised). Returns how many were new."""
    created = now_iso()
    before = store._conn.total_changes
    store._conn.executemany(
        "INSERT OR IGNORE INTO suppressions (kind, value, created_at) VALUES (?, ?, ?)",
        [(kind, value, created) for kind, value in entries if value],
    )
    return store._conn.total_changes - before


def list_suppressions(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT kind, value, created_at FROM suppressions ORDER BY kind, value")


def is_suppressed(
    store: Store,
    *,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    handles: Iterable[tuple[str, str]] = (),
    account_ids: Iterable[tuple[str, str]] = (),
    linkedin_url: str | None = None,
    name: str | None = None,
    organisation: str | None = None,
) -> bool:
    """True if any given identifier of a person or account was forgotten.

    ``handles`` and ``account_ids`` are ``(platform, handle)`` / ``(platform, platform_id)``
    pairs. Importers and crawlers call this before saving a record.
    """
    keys = _keys_for(emails, phones, handles, account_ids, linkedin_url, name, organisation)
    return any(
        store.scalar("SELECT 1 FROM suppressions WHERE kind = ? AND value = ?", [kind, value])
        for kind, value in keys
        if value
    )


class Suppressions:
    """The suppression list loaded once, for importers checking many records."""

    def __init__(self, store: Store) -> None:
        self.keys = {
            (row["kind"], row["value"])
            for row in store.query("SELECT kind, value FROM suppressions")
        }

    def __bool__(self) -> bool:
        return bool(self.keys)

    def covers(
        self,
        *,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        handles: Iterable[tuple[str, str]] = (),
        account_ids: Iterable[tuple[str, str]] = (),
        linkedin_url: str | None = None,
        name: str | None = None,
        organisation: str | None = None,
    ) -> bool:
        """True if any given identifier was forgotten (arguments as :func:`is_suppressed`)."""
        if not self.keys:
            return False
        keys = _keys_for(emails, phones, handles, account_ids, linkedin_url, name, organisation)
        return any(key in self.keys for key in keys if key[1])

    def forgotten_account(self, account: Any) -> bool:
        """An Account (of any platform) that was forgotten, by its id or its handle."""
        if not self.keys:
            return False
        handles = [(account.platform, account.handle)] if account.handle else []
        return self.covers(account_ids=[(account.platform, account.platform_id)], handles=handles)

    def keep_accounts(self, accounts: list[Any]) -> list[Any]:
        """``accounts`` without the forgotten ones (a crawl must not re-create them)."""
        if not self.keys:
            return accounts
        return [a for a in accounts if not self.forgotten_account(a)]


def _keys_for(
    emails: Iterable[str],
    phones: Iterable[str],
    handles: Iterable[tuple[str, str]],
    account_ids: Iterable[tuple[str, str]],
    linkedin_url: str | None,
    name: str | None,
    organisation: str | None,
) -> list[tuple[str, str]]:
    keys = [("email", normalise_email(e)) for e in emails]
    keys += [("phone", normalise_phone(p)) for p in phones]
    keys += [("handle", normalise_handle(p, h)) for p, h in handles]
    keys += [("account", f"{p}:{i}") for p, i in account_ids]
    if linkedin_url:
        keys.append(("linkedin_url", normalise_linkedin_url(linkedin_url)))
    if key := name_org_key(name, organisation):
        keys.append(("name_org", key))
    return keys


def suppressed_account_ids(store: Store) -> set[int]:
    """Row ids of accounts that must stay out of exports and reports."""
    return _suppressed(store)[1]


def suppressed_person_ids(store: Store) -> set[int]:
    """Row ids of people that must stay out of exports and reports."""
    return _suppressed(store)[0]


def suppressed_ids(store: Store) -> tuple[set[int], set[int]]:
    """``(person ids, account ids)`` hidden by the suppression list, in one pass."""
    return _suppressed(store)


def _suppressed(store: Store) -> tuple[set[int], set[int]]:
    by_kind: dict[str, set[str]] = {}
    for row in store.query("SELECT kind, value FROM suppressions"):
        by_kind.setdefault(row["kind"], set()).add(row["value"])
    if not by_kind:
        return set(), set()
    accounts = _directly_suppressed_accounts(store, by_kind)
    people = _directly_suppressed_people(store, by_kind)
    people |= _people_of_accounts(store, accounts)
    accounts |= _accounts_of_people(store, people)
    return people, accounts


def _directly_suppressed_accounts(store: Store, by_kind: dict[str, set[str]]) -> set[int]:
    found: set[int] = set()
    for value in by_kind.get("handle", ()):
        platform, _, handle = value.partition(":")
        found.update(
            r[0]
            for r in store.execute(
                "SELECT id FROM accounts WHERE platform = ? AND lower(handle) = ?",
                [platform, handle],
            )
        )
    for value in by_kind.get("account", ()):
        platform, _, platform_id = value.partition(":")
        found.update(
            r[0]
            for r in store.execute(
                "SELECT id FROM accounts WHERE platform = ? AND platform_id = ?",
                [platform, platform_id],
            )
        )
    urls = by_kind.get("linkedin_url", set())
    if urls:
        for row in store.execute(
            "SELECT id, url FROM accounts WHERE platform = 'linkedin' AND url IS NOT NULL"
        ):
            if normalise_linkedin_url(row[1]) in urls:
                found.add(row[0])
    return found


def _directly_suppressed_people(store: Store, by_kind: dict[str, set[str]]) -> set[int]:
    emails, phones = by_kind.get("email", set()), by_kind.get("phone", set())
    urls, names = by_kind.get("linkedin_url", set()), by_kind.get("name_org", set())
    found: set[int] = set()
    for contact in store.query(
        "SELECT person_id, full_name, organisation, emails, phones, linkedin_url "
        "FROM contacts WHERE person_id IS NOT NULL"
    ):
        if (
            any(normalise_email(e) in emails for e in json_strings(contact["emails"]))
            or any(normalise_phone(p) in phones for p in json_strings(contact["phones"]))
            or (contact["linkedin_url"] and normalise_linkedin_url(contact["linkedin_url"]) in urls)
            or name_org_key(contact["full_name"], contact["organisation"]) in names
        ):
            found.add(contact["person_id"])
    for kind, values, fold in (("email", emails, normalise_email), ("phone", phones, None)):
        if not values:
            continue
        for row in store.execute(
            "SELECT c.person_id, p.value FROM contact_points p JOIN contacts c "
            "ON c.id = p.contact_id WHERE p.kind = ? AND c.person_id IS NOT NULL",
            [kind],
        ):
            value = fold(row[1]) if fold else normalise_phone(row[1])
            if value in values:
                found.add(row[0])
    if names:
        for row in store.execute("SELECT id, name, organisation FROM people"):
            if name_org_key(row[1], row[2]) in names:
                found.add(row[0])
    return found


def _people_of_accounts(store: Store, account_ids: set[int]) -> set[int]:
    return {pid for aid in account_ids for pid in linked_people(store, aid)}


def _accounts_of_people(store: Store, person_ids: set[int]) -> set[int]:
    return {aid for pid in person_ids for aid in linked_accounts(store, pid)}


def linked_accounts(store: Store, person_id: int) -> set[int]:
    """A person's accounts: by ``accounts.person_id`` or by an accepted match."""
    rows = store.execute(
        "SELECT id FROM accounts WHERE person_id = ? UNION "
        "SELECT account_id FROM matches WHERE person_id = ? AND status = 'accepted'",
        [person_id, person_id],
    )
    return {r[0] for r in rows}


def linked_people(store: Store, account_id: int) -> set[int]:
    rows = store.execute(
        "SELECT person_id FROM accounts WHERE id = ? AND person_id IS NOT NULL UNION "
        "SELECT person_id FROM matches WHERE account_id = ? AND status = 'accepted'",
        [account_id, account_id],
    )
    return {r[0] for r in rows}


def json_strings(text: str | None) -> list[str]:
    """Strings of a JSON list column; entries may be plain strings or ``{"value": ...}``."""
    if not text:
        return []
    try:
        items = json.loads(text)
    except ValueError:
        return []
    result = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            item = item.get("value") or item.get("address") or item.get("number")
        if isinstance(item, str) and item.strip():
            result.append(item.strip())
    return result


# ---- forgetting ---------------------------------------------------------------------------------


@dataclass
class ForgetPlan:
    """What ``forget`` will delete and which suppression entries it will leave."""

    subject: str
    person_ids: set[int] = field(default_factory=set)
    account_ids: set[int] = field(default_factory=set)
    contact_ids: set[int] = field(default_factory=set)
    suppressions: set[tuple[str, str]] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)

    def describe(self) -> str:
        who = ", ".join(self.labels) or self.subject
        return (
            f"{who}: {len(self.person_ids)} person(s), {len(self.contact_ids)} contact(s), "
            f"{len(self.account_ids)} social account(s) with their posts and follow edges"
        )


def plan_forget(store: Store, subject: str, platform: str | None = None) -> ForgetPlan:
    """Find everything that ``subject`` (EMAIL, @handle or PERSON_ID) leads to."""
    plan = ForgetPlan(subject=subject)
    text = subject.strip()
    if text.startswith("@") or (platform and "@" not in text and not text.isdigit()):
        plan.account_ids |= _accounts_by_handle(store, text, platform)
    elif "@" in text:
        plan.contact_ids |= _contacts_by_email(store, text)
        plan.suppressions.add(("email", normalise_email(text)))
    elif text.isdigit():
        if store.scalar("SELECT 1 FROM people WHERE id = ?", [int(text)]) is None:
            raise ForgetError(f"No person with id {text}.")
        plan.person_ids.add(int(text))
    else:
        plan.account_ids |= _accounts_by_handle(store, text, platform)
    _expand(store, plan)
    if not (plan.person_ids or plan.account_ids or plan.contact_ids):
        raise ForgetError(f"Nothing in the workspace matches {subject!r}.")
    _collect_suppressions(store, plan)
    return plan


def _accounts_by_handle(store: Store, text: str, platform: str | None) -> set[int]:
    handle = text.strip().lstrip("@").lower()
    sql = "SELECT id, platform FROM accounts WHERE lower(handle) = ?"
    params: list[Any] = [handle]
    if platform:
        sql += " AND platform = ?"
        params.append(platform)
    rows = store.query(sql, params)
    if not rows:
        where = f" on {platform}" if platform else ""
        raise ForgetError(f"No account @{handle}{where} in the workspace.")
    platforms = sorted({r["platform"] for r in rows})
    if len(platforms) > 1:
        raise ForgetError(f"@{handle} exists on {', '.join(platforms)}; say which with --platform.")
    return {r["id"] for r in rows}


def _contacts_by_email(store: Store, email: str) -> set[int]:
    wanted = normalise_email(email)
    found = {
        r["id"]
        for r in store.query("SELECT id, emails FROM contacts")
        if any(normalise_email(e) == wanted for e in json_strings(r["emails"]))
    }
    found |= {
        r[0]
        for r in store.execute(
            "SELECT contact_id FROM contact_points WHERE kind = 'email' AND lower(value) = ?",
            [wanted],
        )
    }
    if not found:
        raise ForgetError(f"No contact with the e-mail address {email.strip()}.")
    return found


def _expand(store: Store, plan: ForgetPlan) -> None:
    """Follow person links until nothing new turns up: a person's accounts and contacts, an
    account's person, a contact's person."""
    while True:
        before = (len(plan.person_ids), len(plan.account_ids), len(plan.contact_ids))
        for cid in list(plan.contact_ids):
            pid = store.scalar("SELECT person_id FROM contacts WHERE id = ?", [cid])
            if pid is not None:
                plan.person_ids.add(pid)
        for aid in list(plan.account_ids):
            plan.person_ids |= linked_people(store, aid)
        for pid in list(plan.person_ids):
            plan.account_ids |= linked_accounts(store, pid)
            plan.contact_ids |= {
                r[0] for r in store.execute("SELECT id FROM contacts WHERE person_id = ?", [pid])
            }
        plan.account_ids |= _accounts_named_in_contacts(store, plan.contact_ids)
        if (len(plan.person_ids), len(plan.account_ids), len(plan.contact_ids)) == before:
            return


def _accounts_named_in_contacts(store: Store, contact_ids: set[int]) -> set[int]:
    """Accounts whose handle the person wrote on their own contact card."""
    found: set[int] = set()
    for cid in contact_ids:
        for platform, handle in _social_handles(store, cid):
            found.update(
                r[0]
                for r in store.execute(
                    "SELECT id FROM accounts WHERE platform = ? AND lower(handle) = ?",
                    [platform, handle.lstrip("@").lower()],
                )
            )
    return found


def _social_handles(store: Store, contact_id: int) -> list[tuple[str, str]]:
    text = store.scalar("SELECT social FROM contacts WHERE id = ?", [contact_id])
    try:
        pairs = json.loads(text or "[]")
    except ValueError:
        return []
    result = []
    for pair in pairs if isinstance(pairs, list) else []:
        if (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(isinstance(p, str) for p in pair)
        ):
            platform, value = pair
            if "/" not in value:
                result.append((platform.lower(), value))
    return result


def _collect_suppressions(store: Store, plan: ForgetPlan) -> None:
    add = plan.suppressions.add
    for cid in plan.contact_ids:
        row = store.query("SELECT * FROM contacts WHERE id = ?", [cid])[0]
        for email in json_strings(row["emails"]):
            add(("email", normalise_email(email)))
        for phone in json_strings(row["phones"]):
            add(("phone", normalise_phone(phone)))
        if row["linkedin_url"]:
            add(("linkedin_url", normalise_linkedin_url(row["linkedin_url"])))
        for platform, handle in _social_handles(store, cid):
            add(("handle", normalise_handle(platform, handle)))
        if key := name_org_key(row["full_name"], row["organisation"]):
            add(("name_org", key))
        for point in store.query(
            "SELECT kind, value FROM contact_points WHERE contact_id = ? "
            "AND kind IN ('email', 'phone')",
            [cid],
        ):
            fold = normalise_email if point["kind"] == "email" else normalise_phone
            add((point["kind"], fold(point["value"])))
    for pid in plan.person_ids:
        row = store.query("SELECT name, organisation FROM people WHERE id = ?", [pid])[0]
        if key := name_org_key(row["name"], row["organisation"]):
            add(("name_org", key))
        plan.labels.append(row["name"] or f"person {pid}")
    for aid in plan.account_ids:
        row = store.query(
            "SELECT platform, platform_id, handle, url FROM accounts WHERE id = ?", [aid]
        )[0]
        add(("account", f"{row['platform']}:{row['platform_id']}"))
        if row["handle"]:
            add(("handle", normalise_handle(row["platform"], row["handle"])))
            if not plan.person_ids:
                plan.labels.append(f"@{row['handle']} ({row['platform']})")
        if row["platform"] == "linkedin" and row["url"]:
            add(("linkedin_url", normalise_linkedin_url(row["url"])))
    plan.suppressions = {(k, v) for k, v in plan.suppressions if v}


@dataclass
class ForgetResult:
    deleted: dict[str, int]
    suppressions_added: int


def forget(store: Store, plan: ForgetPlan) -> ForgetResult:
    """Delete what ``plan`` found and record its suppression entries, all in one transaction.

    ``secure_delete`` overwrites the freed pages, and the full-text index over bios is rebuilt,
    so the forgotten text does not linger inside the workspace file.
    """
    own = _own_accounts(store, plan.account_ids)
    if own:
        raise ForgetError(f"Refusing to forget your own account(s): {', '.join(own)}.")
    store.execute("PRAGMA secure_delete = ON")
    try:
        with store.transaction():
            deleted = _count_rows(store, plan)
            added = add_suppressions(store, plan.suppressions)
            _delete_cursors(store, plan.account_ids)
            _delete_ids(store, "contacts", plan.contact_ids)
            _delete_ids(store, "accounts", plan.account_ids)
            _delete_ids(store, "people", plan.person_ids)
            store.rebuild_search_index()
    finally:
        store.execute("PRAGMA secure_delete = OFF")
    if store.path is not None:
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ForgetResult(deleted=deleted, suppressions_added=added)


def _own_accounts(store: Store, account_ids: set[int]) -> list[str]:
    rows = store.query(
        "SELECT a.id, a.platform, a.handle FROM my_accounts m "
        "JOIN accounts a ON a.id = m.account_id"
    )
    return [f"@{r['handle']} ({r['platform']})" for r in rows if r["id"] in account_ids]


_COUNTED = {
    "people": ("people", "id", "person"),
    "contacts": ("contacts", "id", "contact"),
    "contact_points": ("contact_points", "contact_id", "contact"),
    "matches": ("matches", "person_id", "person"),
    "accounts": ("accounts", "id", "account"),
    "posts": ("posts", "account_id", "account"),
    "segment_members": ("segment_members", "account_id", "account"),
    "targets": ("targets", "account_id", "account"),
}


def _count_rows(store: Store, plan: ForgetPlan) -> dict[str, int]:
    ids = {"person": plan.person_ids, "contact": plan.contact_ids, "account": plan.account_ids}
    counts = {}
    for name, (table, column, kind) in _COUNTED.items():
        counts[name] = _count_in(store, table, column, ids[kind])
    marks = ",".join("?" * len(plan.account_ids))
    counts["follows"] = (
        store.scalar(
            f"SELECT count(*) FROM follows "
            f"WHERE follower_id IN ({marks}) OR followed_id IN ({marks})",
            [*plan.account_ids, *plan.account_ids],
        )
        if plan.account_ids
        else 0
    )
    return counts


def _count_in(store: Store, table: str, column: str, ids: set[int]) -> int:
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    return store.scalar(f"SELECT count(*) FROM {table} WHERE {column} IN ({marks})", list(ids))


def _delete_ids(store: Store, table: str, ids: set[int]) -> None:
    if ids:
        marks = ",".join("?" * len(ids))
        store.execute(f"DELETE FROM {table} WHERE id IN ({marks})", list(ids))


def _delete_cursors(store: Store, account_ids: set[int]) -> None:
    """Crawl checkpoints name their subject (a handle or id): drop those about this person."""
    for aid in account_ids:
        row = store.query("SELECT platform, platform_id, handle FROM accounts WHERE id = ?", [aid])
        if not row:
            continue
        subjects = {
            row[0]["platform_id"],
            (row[0]["handle"] or "").lower(),
            "@" + (row[0]["handle"] or "").lower(),
        }
        for subject in subjects - {"", "@"}:
            store.execute(
                "DELETE FROM crawl_cursors WHERE platform = ? AND lower(subject) = ?",
                [row[0]["platform"], subject],
            )
