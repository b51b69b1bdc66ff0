"""Contact books in CSV form: Google (current and legacy), every Outlook layout, LinkedIn
Connections.csv (alone or inside the export zip) and any other CSV through a column mapping.

Columns are always found by header name, never by position (see docs/formats.md). Each reader
turns a row into a raw :class:`~audience.models.ContactRecord`; cleaning and the "no name, no
e-mail" rule live in :mod:`audience.importers.contacts`.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from audience.errors import InputError
from audience.models import ContactRecord
from audience.normalize import fold, social_from_url

MAX_ZIP_MEMBER_BYTES = 64 * 1024 * 1024
MAX_ZIP_RATIO = 200  # a Connections.csv compresses ~5x; 200x means a zip bomb
MAX_ZIP_ENTRIES = 10_000
MAX_COLUMNS = 1_000  # Google's and Outlook's layouts have under 100
SNIFF_CHARS = 64 * 1024  # of a header line, enough to tell its delimiter
HEADER_LINES = 50  # the header is within the first lines (LinkedIn has a 3-line preamble)
DELIMITERS = (",", ";", "\t")
MULTI_VALUE = re.compile(r"\s*:::\s*")

Row = dict[str, str]


# ---- bytes to text --------------------------------------------------------------------------


def decode_text(data: bytes, path: Path, where: str | None = None) -> str:
    """Text of a contact file: BOM-sniffed UTF-8/UTF-16, BOM-less UTF-16 spotted by its NUL
    bytes, else UTF-8 with a cp1252 fallback for old Windows exports. Binary data, and a NUL
    character anywhere in the text (it would end up inside an address), are refused."""
    text = _decode_text(data, path, where)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        place = f"{where}, line {line}" if where else f"line {line}"
        raise InputError(path, place, "a NUL character: binary data, not a contact book")
    return text


def _decode_text(data: bytes, path: Path, where: str | None) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", path, where)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", path, where)
    sample = data[:4096]
    if sample and sample.count(0) * 3 >= len(sample):
        # ASCII text in UTF-16 without a BOM: every other byte is NUL.
        even_nuls = sample[0::2].count(0)
        return _decode(
            data, "utf-16-be" if even_nuls > sample[1::2].count(0) else "utf-16-le", path, where
        )
    if b"\x00" in sample:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        place = f"{where}, line {line}" if where else f"line {line}"
        raise InputError(path, place, "binary data, not a contact book")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(data, "cp1252", path, where)


def _decode(data: bytes, encoding: str, path: Path, where: str | None) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        place = f"{where}, line {line}" if where else f"line {line}"
        raise InputError(path, place, f"not valid {encoding} text") from None
    return text.removeprefix("\ufeff")


# ---- LinkedIn export zip -------------------------------------------------------------------


def read_linkedin_zip(path: Path) -> tuple[str, str]:
    """(member name, text) of Connections.csv inside a LinkedIn data export zip.

    The archive is never extracted; entries with absolute or ``..`` paths, too many entries,
    or a Connections.csv that is huge or suspiciously compressed make the whole file invalid.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_zip_entries(path, infos)
            info = _find_connections(path, infos)
            with archive.open(info) as member:
                # zipfile inflates as much as asked for, whatever the header says: ask for
                # no more than the header's size (checked against the limit above).
                data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error) as exc:
        raise InputError(path, None, f"not a readable zip archive ({exc})") from None
    except RuntimeError:  # zipfile: encrypted, or a compression method it does not know
        raise InputError(path, info.filename, "encrypted or unsupported zip entry") from None
    if len(data) > MAX_ZIP_MEMBER_BYTES:
        raise InputError(path, info.filename, "entry is too large for a contact export")
    return info.filename, decode_text(data, path, info.filename)


def _check_zip_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(path, None, f"{len(infos)} entries: not a LinkedIn export")
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in name.split("/"):
            raise InputError(path, info.filename, "entry path escapes the archive; refusing it")


def _find_connections(path: Path, infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    for info in infos:
        if PurePosixPath(info.filename).name.lower() == "connections.csv":
            if info.file_size > MAX_ZIP_MEMBER_BYTES or (
                info.file_size > 1_000_000 and info.file_size > MAX_ZIP_RATIO * info.compress_size
            ):
                raise InputError(path, info.filename, "entry is too large for a contact export")
            return info
    raise InputError(path, None, "no Connections.csv in this zip: not a LinkedIn data export")


# ---- CSV parsing ----------------------------------------------------------------------------


class _Table:
    """A parsed CSV: header (canonical lower-case names) and rows with their first line."""

    def __init__(self, path: Path, prefix: str, header: list[str], header_line: int):
        self.path = path
        self.prefix = prefix
        self.raw_header = header
        self.header = [_canon(h) for h in header]
        self.header_line = header_line
        self.rows: list[tuple[int, list[str]]] = []

    def where(self, line: int) -> str:
        return f"{self.prefix}line {line}"


def _canon(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold()


def sniff_delimiter(line: str) -> str | None:
    """The most frequent of , ; TAB outside quotes in a header line; None if it has none."""
    counts = {d: _count_outside_quotes(line[:SNIFF_CHARS], d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else None


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == char and not quoted:
            count += 1
    return count


def _rows(text: str, path: Path, prefix: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(path, f"{prefix}line {last + 1}", f"malformed CSV ({exc})") from None
        yield last + 1, row
        last = reader.line_num


def _read_table(text: str, path: Path, prefix: str) -> _Table:
    # The header is the first line with a delimiter outside quotes (LinkedIn's preamble has
    # none), so its delimiter is the file's.
    first_lines = itertools.islice(io.StringIO(text, newline=None), HEADER_LINES)
    header_text = next((line for line in first_lines if sniff_delimiter(line)), "")
    delimiter = sniff_delimiter(header_text) or ","
    table: _Table | None = None
    for line, row in _rows(text, path, prefix, delimiter):
        if table is None:
            if line > HEADER_LINES:
                break
            if len(row) > MAX_COLUMNS:
                raise InputError(path, f"{prefix}line {line}", f"{len(row)} columns: not a CSV")
            # LinkedIn puts a "Notes:" line and a one-cell sentence before the header.
            if sum(1 for cell in row if cell.strip()) >= 2:
                table = _Table(path, prefix, row, line)
            continue
        if row:
            table.rows.append((line, row))
    if table is None:
        raise InputError(path, f"{prefix}line 1", "no header row: not a CSV contact book")
    return table


def _row_dict(table: _Table, line: int, row: list[str], strict: bool) -> Row | None:
    if not any(cell.strip() for cell in row):
        return None
    width = len(table.header)
    if len(row) > width and not any(cell.strip() for cell in row[width:]):
        row = row[:width]
    if len(row) != width:
        if strict or len(row) > width:
            raise InputError(
                table.path,
                table.where(line),
                f"{len(row)} fields where the header has {width} (truncated or misquoted row)",
            )
        row = row + [""] * (width - len(row))
    values: Row = {}
    for name, cell in zip(table.header, row, strict=True):
        cell = cell.strip()
        if cell and not values.get(name):
            values[name] = cell
    return values


def parse_csv(
    text: str, path: Path, *, mapping: dict[str, str] | None = None, prefix: str = ""
) -> tuple[str, list[ContactRecord]]:
    """Detect the CSV layout from its header and read every row: (format, records)."""
    table = _read_table(text, path, prefix)
    if mapping:
        fmt, reader = "generic-csv", _generic_reader(table, mapping)
    else:
        _refuse_own_profile(table)
        fmt = detect_csv_format(table.header)
        reader = _READERS[fmt] if fmt != "generic-csv" else _generic_reader(table, {})
    strict = fmt != "generic-csv"
    records = []
    for line, row in table.rows:
        values = _row_dict(table, line, row, strict)
        if values is None:
            continue
        record = ContactRecord(source_format=fmt, position=table.where(line))
        reader(values, record)
        records.append(record)
    return fmt, records


_PROFILE_COLUMNS = {"first name", "last name", "headline", "summary", "geo location"}


def _refuse_own_profile(table: _Table) -> None:
    """LinkedIn's ``Profile.csv`` is the account owner, not a contact."""
    if set(table.header) >= _PROFILE_COLUMNS and "connected on" not in table.header:
        raise InputError(
            table.path,
            table.where(1),
            "this is LinkedIn's Profile.csv (your own profile, not your contacts): "
            "import Connections.csv or the export zip",
        )


def detect_csv_format(header: list[str]) -> str:
    names = set(header)
    if (
        {"first name", "last name"} <= names
        and ("connected on" in names or {"url", "company", "position"} <= names)
    ) or ({"vorname", "nachname", "verbunden am"} <= names):
        return "linkedin-connections"
    if {"given name", "family name"} <= names and names & {"name", "group membership"}:
        return "google-csv-legacy"
    if "first name" in names and (
        "labels" in names or "organization name" in names or "e-mail 1 - value" in names
    ):
        return "google-csv"
    # Every Outlook layout has split name columns; a CSV that merely borrows Outlook's
    # "E-mail Address" header but keeps one "Name" column is read generically.
    split_names = {"first name", "last name"} <= names or {"vorname", "nachname"} <= names
    if split_names and (names & {"e-mail address", "e-mail-adresse", "company", "job title"}):
        return "outlook-csv"
    return "generic-csv"


# ---- shared helpers -------------------------------------------------------------------------


def split_multi(value: str | None) -> list[str]:
    """Google's " ::: " multi-value cells, split and stripped."""
    if not value:
        return []
    return [part for part in MULTI_VALUE.split(value) if part.strip()]


def _group_numbers(values: Row, group: str) -> list[int]:
    """The n of every non-empty "<group> n - ..." cell, ascending (groups may have gaps)."""
    pattern = re.compile(re.escape(group) + r" (\d+) - ")
    return sorted({int(m.group(1)) for name in values if (m := pattern.match(name))})


def _numbered(values: Row, group: str) -> Iterator[tuple[str, str]]:
    """(label, value) pairs of Google's numbered groups ("e-mail 2 - label"/"- value");
    the legacy layout says "type" instead of "label"."""
    for n in _group_numbers(values, group):
        label = values.get(f"{group} {n} - label") or values.get(f"{group} {n} - type", "")
        for value in split_multi(values.get(f"{group} {n} - value")):
            yield label.removeprefix("*").strip(), value


def _labels(value: str | None, separator: str = ":::") -> list[str]:
    if not value:
        return []
    parts = [p.strip().removeprefix("*").strip() for p in value.split(separator)]
    return [p for p in parts if p and fold(p) not in ("mycontacts", "my contacts")]


def add_website(record: ContactRecord, label: str, value: str) -> None:
    """A URL or handle from a labelled website/profile cell, sorted into the right field."""
    social = social_from_url(value)
    if social is None:
        platform = _platform_from_label(label)
        if platform and not value.lower().startswith(("http:", "https:")):
            record.social.append((platform, value.strip().lstrip("@")))
            return
        record.urls.append(value)
        return
    if social[0] == "linkedin":
        record.linkedin_url = record.linkedin_url or value
    else:
        record.social.append(social)
    record.urls.append(value)


def _platform_from_label(label: str) -> str | None:
    key = fold(label)
    if key in ("twitter", "x", "x twitter"):
        return "x"
    if key in ("bluesky", "bsky"):
        return "bluesky"
    if key == "mastodon":
        return "mastodon"
    return None


def _first(values: Row, *names: str) -> str | None:
    for name in names:
        if values.get(name):
            return values[name]
    return None


# ---- Google ---------------------------------------------------------------------------------


def _read_google(values: Row, record: ContactRecord) -> None:
    record.given_name = values.get("first name")
    record.middle_name = values.get("middle name")
    record.family_name = values.get("last name")
    record.prefix = values.get("name prefix")
    record.suffix = values.get("name suffix")
    record.nickname = values.get("nickname")
    record.organisation = values.get("organization name")
    record.title = values.get("organization title")
    record.department = values.get("organization department")
    record.notes = values.get("notes")
    record.labels = _labels(values.get("labels"))
    _read_google_groups(values, record)


def _read_google_legacy(values: Row, record: ContactRecord) -> None:
    record.full_name = values.get("name")
    record.given_name = values.get("given name")
    record.middle_name = values.get("additional name")
    record.family_name = values.get("family name")
    record.prefix = values.get("name prefix")
    record.suffix = values.get("name suffix")
    record.nickname = values.get("nickname")
    record.organisation = values.get("organization 1 - name")
    record.title = values.get("organization 1 - title")
    record.department = values.get("organization 1 - department")
    record.notes = values.get("notes")
    record.labels = _labels(values.get("group membership"))
    _read_google_groups(values, record)


def _read_google_groups(values: Row, record: ContactRecord) -> None:
    record.emails = [v for _, v in _numbered(values, "e-mail")]
    record.phones = [v for _, v in _numbered(values, "phone")]
    for label, value in _numbered(values, "website"):
        add_website(record, label, value)
    for n in _group_numbers(values, "address"):
        city = split_multi(values.get(f"address {n} - city"))
        country = split_multi(values.get(f"address {n} - country"))
        if city or country:
            region = split_multi(values.get(f"address {n} - region"))
            record.city = city[0] if city else None
            record.region = region[0] if region else None
            record.country = country[0] if country else None
            break
    for n in _group_numbers(values, "im"):
        platform = _platform_from_label(values.get(f"im {n} - service", ""))
        for value in split_multi(values.get(f"im {n} - value")):
            if platform:
                record.social.append((platform, value.lstrip("@")))


# ---- Outlook --------------------------------------------------------------------------------

# Localised (German) headers of classic Outlook, mapped to the English names read below.
OUTLOOK_GERMAN = {
    "anrede": "title",
    "vorname": "first name",
    "weitere vornamen": "middle name",
    "nachname": "last name",
    "firma": "company",
    "abteilung": "department",
    "position": "job title",
    "spitzname": "nickname",
    "e-mail-adresse": "e-mail address",
    "e-mail: angezeigter name": "e-mail display name",
    "e-mail 2: adresse": "e-mail 2 address",
    "e-mail 2: angezeigter name": "e-mail 2 display name",
    "e-mail 3: adresse": "e-mail 3 address",
    "e-mail 3: angezeigter name": "e-mail 3 display name",
    "mobiltelefon": "mobile phone",
    "telefon geschäftlich": "business phone",
    "telefon geschäftlich 2": "business phone 2",
    "telefon privat": "home phone",
    "telefon privat 2": "home phone 2",
    "weiteres telefon": "other phone",
    "haupttelefon": "primary phone",
    "autotelefon": "car phone",
    "telefon firma": "company main phone",
    "ort geschäftlich": "business city",
    "region geschäftlich": "business state",
    "land/region geschäftlich": "business country/region",
    "ort privat": "home city",
    "bundesland/kanton privat": "home state",
    "land/region privat": "home country/region",
    "webseite": "web page",
    "persönliche webseite": "personal web page",
    "notizen": "notes",
    "kategorien": "categories",
}
OUTLOOK_PHONES = (
    "mobile phone",
    "business phone",
    "business phone 2",
    "home phone",
    "home phone 2",
    "primary phone",
    "other phone",
    "car phone",
    "company main phone",
    "radio phone",
    "callback",
)
_DISPLAY_EMAIL = re.compile(r"\(([^()\s]+@[^()\s]+)\)\s*$")


def _read_outlook(values: Row, record: ContactRecord) -> None:
    values = {OUTLOOK_GERMAN.get(name, name): value for name, value in values.items()}
    record.given_name = values.get("first name")
    record.middle_name = values.get("middle name")
    record.family_name = values.get("last name")
    record.prefix = values.get("title")
    record.suffix = values.get("suffix")
    record.nickname = values.get("nickname")
    record.organisation = values.get("company")
    record.title = values.get("job title")
    record.department = values.get("department")
    record.notes = values.get("notes")
    for n in ("", " 2", " 3"):
        address = values.get(f"e-mail{n} address")
        if address and "@" not in address:
            # Exchange directory entries carry an X.500 path; the SMTP address is in the
            # display name: "Jane Doe (jane@example.com)".
            match = _DISPLAY_EMAIL.search(values.get(f"e-mail{n} display name", ""))
            address = match.group(1) if match else address
        record.emails.extend(split_multi(address))
    for column in OUTLOOK_PHONES:
        record.phones.extend(split_multi(values.get(column)))
    for area in ("business", "home", "other"):
        city = values.get(f"{area} city")
        country = _first(values, f"{area} country/region", f"{area} country")
        if city or country:
            record.city, record.country = city, country
            record.region = values.get(f"{area} state")
            break
    for column in ("web page", "personal web page"):
        for value in split_multi(values.get(column)):
            add_website(record, "", value)
    separator = ":::" if ":::" in values.get("categories", "") else ";"
    record.labels = _labels(values.get("categories"), separator)


# ---- LinkedIn -------------------------------------------------------------------------------

_QUOTED_NICKNAME = re.compile(r"\s*[\"\u201c]([^\"\u201d]+)[\"\u201d]\s*")
_CREDENTIAL_SUFFIX = re.compile(r",\s*([A-Za-z.]{2,8}(?:,\s*[A-Za-z.]{2,8})*)\s*$")


def _read_linkedin(values: Row, record: ContactRecord) -> None:
    given = _first(values, "first name", "vorname")
    family = _first(values, "last name", "nachname")
    if family:
        credentials = _CREDENTIAL_SUFFIX.search(family)
        if credentials:  # "Whitcombe, MBA"
            record.suffix = credentials.group(1)
            family = family[: credentials.start()].strip()
        nickname = _QUOTED_NICKNAME.search(family)
        if nickname:  # 'Ortega "Lucho" Ramírez'
            record.nickname = nickname.group(1)
            family = _QUOTED_NICKNAME.sub(" ", family).strip()
    record.given_name, record.family_name = given, family
    record.organisation = _first(values, "company", "unternehmen")
    record.title = values.get("position")
    record.emails = split_multi(_first(values, "email address", "e-mail-adresse"))
    url = values.get("url")
    if url:
        record.linkedin_url = url
        record.urls.append(url)


# ---- generic --------------------------------------------------------------------------------

GENERIC_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "full name", "display name", "contact name", "contact"),
    "given_name": ("first name", "given name", "firstname", "forename", "first"),
    "middle_name": ("middle name", "additional name", "middle"),
    "family_name": ("last name", "surname", "family name", "lastname", "last"),
    "prefix": ("prefix", "name prefix", "salutation"),
    "suffix": ("suffix", "name suffix"),
    "nickname": ("nickname", "nick name"),
    "organisation": (
        "company",
        "organization",
        "organisation",
        "employer",
        "company name",
        "organization name",
        "organisation name",
        "org",
        "firm",
    ),
    "title": ("job title", "position", "role", "title", "occupation"),
    "department": ("department", "dept"),
    "emails": (
        "email",
        "e mail",
        "email address",
        "e mail address",
        "mail",
        "work email",
        "home email",
        "other email",
    ),
    "phones": (
        "phone",
        "telephone",
        "tel",
        "mobile",
        "mobile phone",
        "cell",
        "phone number",
        "work phone",
        "home phone",
        "business phone",
    ),
    "city": ("city", "town"),
    "region": ("region", "state", "county", "province"),
    "country": ("country", "country region"),
    "urls": ("website", "url", "web", "homepage", "home page", "web page", "web site"),
    "linkedin_url": ("linkedin", "linkedin url", "linkedin profile"),
    "x": ("twitter", "x", "twitter handle", "x handle", "twitter url"),
    "bluesky": ("bluesky", "bluesky handle", "bsky"),
    "mastodon": ("mastodon", "mastodon handle", "fediverse"),
    "notes": ("notes", "note", "comments", "comment"),
    "labels": ("labels", "tags", "groups", "categories", "category"),
}
FIELD_ALIASES = {
    "name": "full_name",
    "first_name": "given_name",
    "last_name": "family_name",
    "surname": "family_name",
    "email": "emails",
    "phone": "phones",
    "url": "urls",
    "website": "urls",
    "company": "organisation",
    "organization": "organisation",
    "linkedin": "linkedin_url",
    "twitter": "x",
    "note": "notes",
    "label": "labels",
}
LIST_FIELDS = ("emails", "phones", "urls", "labels")
SOCIAL_FIELDS = ("x", "bluesky", "mastodon")


def mapping_fields() -> list[str]:
    """Field names a column mapping may use (plus the short aliases in FIELD_ALIASES)."""
    return list(GENERIC_ALIASES)


def _generic_reader(table: _Table, mapping: dict[str, str]) -> Callable[[Row, ContactRecord], None]:
    columns = _guess_columns(table.header)
    columns.update(_mapped_columns(table, mapping))
    if not {"full_name", "given_name", "family_name", "emails", "organisation"} & set(columns):
        raise InputError(
            table.path,
            table.where(table.header_line),
            "cannot tell which columns hold names or e-mail addresses; give a column mapping "
            f"(columns: {', '.join(table.raw_header)[:500]})",
        )

    def read(values: Row, record: ContactRecord) -> None:
        for field_name, names in columns.items():
            cells = [v for name in names for v in split_multi(values.get(name))]
            if not cells:
                continue
            if field_name in LIST_FIELDS:
                for cell in cells:
                    _add_list_value(record, field_name, cell)
            elif field_name in SOCIAL_FIELDS:
                for cell in cells:
                    add_website(record, "twitter" if field_name == "x" else field_name, cell)
            elif field_name == "linkedin_url":
                record.linkedin_url = cells[0]
                record.urls.append(cells[0])
            else:
                setattr(record, field_name, " ".join(cells))

    return read


def _add_list_value(record: ContactRecord, field_name: str, cell: str) -> None:
    if field_name == "urls":
        add_website(record, "", cell)
    elif field_name == "labels":
        record.labels.extend(_labels(cell, ";" if ";" in cell else ","))
    else:
        getattr(record, field_name).append(cell)


def _guess_columns(header: list[str]) -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {}
    folded = {name: fold(name) for name in header}
    for field_name, aliases in GENERIC_ALIASES.items():
        if field_name in LIST_FIELDS and field_name != "labels":
            found = [name for name in header if folded[name] in aliases]
        else:
            found = next(([name] for name in header if folded[name] in aliases), [])
        if found:
            columns[field_name] = found
    if "emails" not in columns:
        found = [name for name in header if "email" in folded[name].replace(" ", "")]
        if found:
            columns["emails"] = found
    return columns


def _mapped_columns(table: _Table, mapping: dict[str, str]) -> dict[str, list[str]]:
    columns: dict[str, list[str]] = {}
    for key, value in mapping.items():
        field_name, column = _mapping_pair(table, key, value)
        columns.setdefault(field_name, []).append(column)
    return columns


def _mapping_pair(table: _Table, key: str, value: str) -> tuple[str, str]:
    """Accepts {field: column} and, for convenience, {column: field}."""
    for field_name, column in ((key, value), (value, key)):
        name = FIELD_ALIASES.get(field_name.strip().lower(), field_name.strip().lower())
        if name in GENERIC_ALIASES:
            return name, _find_column(table, column)
    raise InputError(
        table.path,
        "column mapping",
        f"{key}={value}: no such field (fields: {', '.join(GENERIC_ALIASES)})",
    )


def _find_column(table: _Table, column: str) -> str:
    wanted = _canon(column)
    if wanted in table.header:
        return wanted
    for name in table.header:
        if fold(name) == fold(column):
            return name
    raise InputError(
        table.path,
        table.where(table.header_line),
        f"no column named {column!r:.80} (columns: {', '.join(table.raw_header)[:500]})",
    )


_READERS: dict[str, Callable[[Row, ContactRecord], None]] = {
    "google-csv": _read_google,
    "google-csv-legacy": _read_google_legacy,
    "outlook-csv": _read_outlook,
    "linkedin-connections": _read_linkedin,
}
