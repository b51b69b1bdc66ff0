"""Read any contact book: detect its format, parse it, clean every record.

:func:`read_contacts` is the entry point. It only reads: saving and merging into people is
:func:`audience.people.save_contacts`, so a bad file raises :class:`InputError` before anything
is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from audience.errors import InputError
from audience.importers.contact_csv import decode_text, parse_csv, read_linkedin_zip
from audience.importers.files import refuse_special_file
from audience.importers.vcard import parse_vcards
from audience.models import ContactRecord
from audience.normalize import (
    fold,
    linkedin_profile_url,
    normalize_email,
    normalize_phone,
    normalize_url,
)

MAX_FILE_BYTES = 256 * 1024 * 1024
FORMATS = (
    "google-csv",
    "google-csv-legacy",
    "outlook-csv",
    "vcard",
    "linkedin-connections",
    "generic-csv",
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
NO_NAME = "no name, organisation or e-mail address"


@dataclass
class ContactBook:
    """A contact file, read. ``skipped`` holds (position, why) for entries not imported."""

    path: Path
    format: str
    records: list[ContactRecord] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (position, why) for values left out of an entry that was imported (a damaged phone)
    warnings: list[tuple[str, str]] = field(default_factory=list)


# 4,47701E+11 or 4.47701E+11: Excel showed a long number in scientific notation and saved that
_SCIENTIFIC = re.compile(r"^\s*[+-]?\d+(?:[.,]\d*)?\s*[eE]\s*[+-]?\d+\s*$")


def read_contacts(
    path: Path, *, mapping: dict[str, str] | None = None, default_region: str = "GB"
) -> ContactBook:
    """Read a Google/Outlook/LinkedIn/generic CSV, a LinkedIn export zip or a .vcf file.

    ``mapping`` reads the file as a generic CSV whose columns are named explicitly:
    ``{"full_name": "Name", "emails": "Mail"}`` (field -> column header; see
    :func:`audience.importers.contact_csv.mapping_fields`). Raises :class:`InputError` naming
    the file and the line or vCard when the file is unreadable or malformed.
    """
    path = Path(path)
    data = _read_bytes(path)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        member, text = read_linkedin_zip(path)
        fmt, records = parse_csv(text, path, mapping=mapping, prefix=f"{member}, ")
    else:
        text = decode_text(data, path)
        if _looks_like_vcard(text):
            fmt, records = "vcard", parse_vcards(text, path)
        else:
            fmt, records = parse_csv(text, path, mapping=mapping)
    book = ContactBook(path=path, format=fmt)
    for record in records:
        problem = finish_record(record)
        if problem:
            book.skipped.append((record.position, problem))
        else:
            book.warnings += _drop_damaged_phones(record, default_region)
            book.records.append(record)
    return book


def _drop_damaged_phones(record: ContactRecord, default_region: str) -> list[tuple[str, str]]:
    """Keep the phones that phonenumbers reads (numbers without +code as in
    ``default_region``); say why each other one is left out."""
    kept, warnings = [], []
    for phone in record.phones:
        if _SCIENTIFIC.match(phone):
            why = f"phone {phone!r} is in scientific notation (Excel lost digits); not imported"
        elif normalize_phone(phone, default_region) is None:
            why = (
                f"phone {phone!r} is not a phone number in {default_region.upper()} "
                "(a lost + or a missing digit?); not imported"
            )
        else:
            kept.append(phone)
            continue
        warnings.append((record.position, why))
    record.phones = kept
    return warnings


def _read_bytes(path: Path) -> bytes:
    refuse_special_file(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, None, f"{size} bytes is too large for a contact book")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, None, "is a folder, not a contact file") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot read the file ({exc.strerror})") from None
    if not data.strip():
        raise InputError(path, None, "the file is empty")
    return data


def _looks_like_vcard(text: str) -> bool:
    return re.search(r"^\s*BEGIN:VCARD\s*$", text[:4096], re.IGNORECASE | re.MULTILINE) is not None


# ---- cleaning -------------------------------------------------------------------------------


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\n" not in text:
        text = " ".join(text.split())
    return text or None


def _dedupe(values: list[str], key) -> list[str]:
    seen: set[str] = set()
    result = []
    for value in values:
        value = (value or "").strip()
        k = key(value) if value else None
        if k and k not in seen:
            seen.add(k)
            result.append(value)
    return result


def compose_name(given: str | None, middle: str | None, family: str | None) -> str | None:
    """ "Given Middle Family", or family-then-given without a space for CJK names (王芳)."""
    parts = [p for p in (given, middle, family) if p]
    if not parts:
        return None
    joined = "".join(parts)
    if _CJK.search(joined) and not _LATIN.search(joined):
        return "".join(p for p in (family, given, middle) if p)
    return " ".join(parts)


def finish_record(record: ContactRecord) -> str | None:
    """Clean a raw record in place. Returns why it must be skipped, or None to keep it."""
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str) and f.name not in ("source_format", "position"):
            setattr(record, f.name, _clean_text(value))
    record.emails = _dedupe(record.emails, normalize_email)
    record.phones = _dedupe(record.phones, lambda p: re.sub(r"[^\d+]", "", p) or None)
    record.labels = _dedupe(record.labels, fold)
    linkedin = linkedin_profile_url(record.linkedin_url)
    for url in record.urls:
        linkedin = linkedin or linkedin_profile_url(url)
    record.linkedin_url = linkedin
    record.urls = _dedupe(record.urls, lambda u: normalize_url(u) or u.lower())
    record.social = _clean_social(record.social)
    if not record.full_name:
        record.full_name = compose_name(record.given_name, record.middle_name, record.family_name)
    if record.full_name and not fold(record.full_name):
        record.full_name = None  # punctuation only: no usable name
    if not record.full_name and record.organisation:
        # Company cards (Apple X-ABShowAs:COMPANY, Google's company-only rows) have no
        # personal name: the organisation is the name.
        record.is_organisation = True
    if record.is_organisation and record.organisation:
        record.full_name = record.organisation
    if not record.full_name and record.nickname:
        record.full_name = record.nickname
    if not record.full_name and not record.emails:
        return NO_NAME
    return None


def _clean_social(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    for platform, handle in pairs:
        platform = (platform or "").strip().lower()
        handle = (handle or "").strip().lstrip("@")
        if platform in ("x", "bluesky", "mastodon"):
            handle = handle.lower()
        pair = (platform, handle)
        if platform and handle and pair not in result:
            result.append(pair)
    return result
