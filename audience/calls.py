"""The contact centre's own volumes: a CSV of daily (or hourly) calls, maybe with a forecast.

The file needs a date (or date-time) column and one or more number columns; a column whose
name says "forecast" is the forecast. What real exports throw at us is read or refused with
the file, line and column named:

* ``,`` ``;`` or TAB as delimiter (sniffed from the header);
* European or English numbers (``1.234,5`` / ``1,234.5``, spaces or ``'`` as thousands
  separators): the decimal mark is inferred from the whole file; a file where it cannot be
  told (only ``1,234``-like cells) is refused unless ``decimal`` is given;
* ISO dates, or ``dd/mm/yyyy`` / ``mm/dd/yyyy`` told apart by the file's own dates;
* duplicated dates are refused; missing days are reported and left out (not read as zero);
* hourly rows are summed into days.

Times are local to one stated timezone: a first line ``# timezone: Europe/London``, a date
column named ``date (Europe/London)``, or the caller's ``timezone``. A file that states none
(and no zone given) is refused: a day of calls means nothing without its zone.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from audience.errors import InputError
from audience.store import Store, now_iso

DATE_HEADERS = ("date", "day", "datetime", "date_time", "timestamp", "time", "period", "dato")
FORECAST_WORDS = (
    "forecast",
    "predicted",
    "prediction",
    "expected",
    "prévision",
    "prevision",
    "prognose",
)
TIMEZONE_LINE = re.compile(r"^\s*#\s*(?:timezone|time zone|tz)\s*[:=]\s*(\S+)", re.IGNORECASE)
HEADER_ZONE = re.compile(r"\(([A-Za-z_]+(?:/[A-Za-z_+\-0-9]+)*|UTC)\)")
NUMBER = re.compile(r"^[+-]?[0-9][0-9.,' \u00a0\u202f]*$")
SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class CallVolumes:
    path: Path
    timezone: str
    series: dict[str, dict[date, float | None]]  # column -> local day -> value (None: blank)
    forecast: list[str] = field(default_factory=list)
    hourly: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def days(self) -> list[date]:
        return sorted({d for values in self.series.values() for d in values})

    @property
    def volume_columns(self) -> list[str]:
        return [name for name in self.series if name not in self.forecast]


def read_calls(
    path: str | Path,
    *,
    timezone: str | None = None,
    decimal: str | None = None,
    default_timezone: str | None = None,
) -> CallVolumes:
    """Read a volumes CSV; raise :class:`InputError` naming file, line and column.
    ``timezone`` must agree with a zone the file states; ``default_timezone`` (configured)
    applies only when neither the file nor ``timezone`` says one."""
    from audience.importers.contact_csv import decode_text, sniff_delimiter

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, f"cannot read the file ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, None, "over 20 MB: not a daily volumes file")
    text = decode_text(data, path)
    lines = text.splitlines()
    stated = None
    for number, line in enumerate(lines):
        match = TIMEZONE_LINE.match(line)
        if match:
            stated = (match[1], number + 1)
        if line.lstrip().startswith("#"):
            lines[number] = ""  # keep numbering: errors name the line as the file has it
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        raise InputError(path, None, "empty file: no header row")
    delimiter = sniff_delimiter(lines[header_index]) or ","
    rows = _rows(path, "\n".join(lines), delimiter)
    header_line, header = next(rows)
    date_col = _date_column(header)
    header_zone = HEADER_ZONE.search(header[date_col])
    in_header = header_zone and (header_zone[1], header_line)
    if not (timezone or stated or in_header):
        timezone = default_timezone
    zone = _zone(path, timezone, stated, in_header)
    body = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not body:
        raise InputError(path, f"line {header_line}", "a header but no rows")
    names = [_clean_name(h) for h in header]
    numeric = _numeric_columns(path, names, date_col, body)
    mark = decimal or _decimal_mark(path, names, numeric, body)
    dates = _parse_dates(path, names[date_col], date_col, body)
    volumes = CallVolumes(path, zone, {names[c]: {} for c in numeric})
    volumes.forecast = [names[c] for c in numeric if _is_forecast(names[c])]
    volumes.hourly = any(isinstance(moment, datetime) for moment in dates.values())
    seen: dict[Any, int] = {}
    blanks = 0
    for line, row in body:
        moment = dates[line]
        if moment in seen:
            raise InputError(
                path,
                f"line {line}, column {names[date_col]!r}",
                f"{moment} already on line {seen[moment]} (duplicated date)",
            )
        seen[moment] = line
        day = moment.date() if isinstance(moment, datetime) else moment
        for c in numeric:
            cell = row[c].strip() if c < len(row) else ""
            value = _number(path, line, names[c], cell, mark) if cell else None
            blanks += value is None
            column = volumes.series[names[c]]
            if value is None:
                column.setdefault(day, None)
            else:
                column[day] = (column.get(day) or 0) + value
    _note_gaps(volumes, blanks)
    return volumes


# ---- pieces ---------------------------------------------------------------------------------


def _rows(path: Path, text: str, delimiter: str):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(path, f"line {reader.line_num}", f"malformed CSV ({exc})") from None
        if row and any(cell.strip() for cell in row):
            yield line, row
        line = reader.line_num + 1


def _clean_name(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split())


def _date_column(header: list[str]) -> int:
    for index, name in enumerate(header):
        plain = HEADER_ZONE.sub("", name).strip().lower().replace(" ", "_")
        if plain in DATE_HEADERS:
            return index
    return 0


def _is_forecast(name: str) -> bool:
    return any(word in name.lower() for word in FORECAST_WORDS)


def _zone(
    path: Path,
    given: str | None,
    stated: tuple[str, int] | None,
    in_header: tuple[str, int] | None,
) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    source = stated or in_header
    if source and given and source[0] != given:
        raise InputError(
            path,
            f"line {source[1]}",
            f"the file says timezone {source[0]} but {given} was given; remove one",
        )
    name = source[0] if source else given
    if name is None:
        raise InputError(
            path,
            None,
            "no timezone: add a first line '# timezone: Europe/London' (your zone), name the "
            "date column 'date (Europe/London)', or pass --timezone",
        )
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        where = f"line {source[1]}" if source else None
        problem = f"unknown timezone {name!r} (use e.g. Europe/London)"
        raise InputError(path, where, problem) from None
    return name


def _numeric_columns(
    path: Path, names: list[str], date_col: int, body: list[tuple[int, list[str]]]
) -> list[int]:
    """Columns with at least one number; a column of words (notes) is left out."""
    numeric = []
    for c, _ in enumerate(names):
        if c == date_col:
            continue
        cells = [row[c].strip() for _, row in body if c < len(row) and row[c].strip()]
        if any(NUMBER.match(cell) for cell in cells):
            numeric.append(c)
    if not numeric:
        raise InputError(path, "line 1", "no column of numbers (calls per day) found")
    return numeric


def _decimal_mark(
    path: Path, names: list[str], columns: list[int], body: list[tuple[int, list[str]]]
) -> str:
    """The file's decimal mark, from cells that show it; refuse a file that contradicts
    itself, or that only has cells like ``1,234`` (thousands, or 1.234?)."""
    found: tuple[str, str] | None = None
    ambiguous: str | None = None
    for line, row in body:
        for c in columns:
            cell = _squeeze(row[c]) if c < len(row) else ""
            mark = _mark_shown(cell)
            where = f"line {line}, column {names[c]!r}"
            if mark == "?":
                ambiguous = ambiguous or f"{where} ({row[c].strip()!r})"
            elif mark and found and mark != found[0]:
                raise InputError(
                    path,
                    where,
                    f"{row[c].strip()!r} uses {mark!r} as decimal mark but {found[1]} uses "
                    f"{found[0]!r}: mixed number formats",
                )
            elif mark and not found:
                found = (mark, where)
    if found:
        return found[0]
    if ambiguous:
        raise InputError(
            path,
            ambiguous.split(" (")[0],
            f"{ambiguous.split(' (', 1)[1][:-1]} could be thousands or decimals: pass "
            "--decimal . or --decimal , to say which mark is the decimal one",
        )
    return "."


def _squeeze(cell: str) -> str:
    return re.sub(r"[\s'\u00a0\u202f]", "", cell)


def _mark_shown(cell: str) -> str | None:
    """'.' or ',' when the cell shows its decimal mark; '?' when it cannot tell; None for
    whole numbers without separators."""
    if not cell or not NUMBER.match(cell):
        return None
    dots, commas = cell.count("."), cell.count(",")
    if dots and commas:
        return "." if cell.rfind(".") > cell.rfind(",") else ","
    for sep, other, n in ((".", ",", dots), (",", ".", commas)):
        if n > 1:
            return other  # 1.234.567: the repeated one groups thousands
        if n == 1:
            return "?" if len(cell) - cell.index(sep) - 1 == 3 else sep
    return None


def _number(path: Path, line: int, column: str, cell: str, mark: str) -> float:
    raw = _squeeze(cell)
    thousands = "," if mark == "." else "."
    if not NUMBER.match(raw) or raw.count(mark) > 1:
        raise InputError(path, f"line {line}, column {column!r}", f"{cell!r} is not a number")
    try:
        value = float(raw.replace(thousands, "").replace(mark, "."))
    except ValueError:
        raise InputError(
            path, f"line {line}, column {column!r}", f"{cell!r} is not a number"
        ) from None
    if value < 0:
        raise InputError(path, f"line {line}, column {column!r}", f"{cell!r} is negative")
    return value


def _parse_dates(
    path: Path, column: str, index: int, body: list[tuple[int, list[str]]]
) -> dict[int, date | datetime]:
    cells = {line: (row[index].strip() if index < len(row) else "") for line, row in body}
    slashed = {line: SLASHED.match(cell) for line, cell in cells.items()}
    day_first = _day_first(path, column, slashed)
    parsed: dict[int, date | datetime] = {}
    for line, cell in cells.items():
        where = f"line {line}, column {column!r}"
        if not cell:
            raise InputError(path, where, "no date")
        match = slashed[line]
        try:
            if match:
                a, b, year = int(match[1]), int(match[2]), int(match[3])
                day, month = (a, b) if day_first else (b, a)
                if match[4] is not None:
                    parsed[line] = datetime(
                        year, month, day, int(match[4]), int(match[5]), int(match[6] or 0)
                    )
                else:
                    parsed[line] = date(year, month, day)
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
                parsed[line] = date.fromisoformat(cell)
            else:
                moment = datetime.fromisoformat(cell.replace("Z", "+00:00"))
                if moment.tzinfo is not None:
                    raise InputError(
                        path, where, "times with UTC offsets: state one timezone for the file"
                    )
                parsed[line] = moment
        except ValueError:
            raise InputError(path, where, f"{cell!r} is not a date") from None
    return parsed


def _day_first(path: Path, column: str, slashed: dict[int, re.Match | None]) -> bool:
    matches = [(line, m) for line, m in slashed.items() if m]
    if not matches:
        return True
    if any(int(m[1]) > 12 for _, m in matches):
        return True
    if any(int(m[2]) > 12 for _, m in matches):
        return False
    line = matches[0][0]
    raise InputError(
        path,
        f"line {line}, column {column!r}",
        "dates like 03/04/2026 could be day/month or month/day and no date in the file "
        "tells: use ISO dates (2026-04-03)",
    )


def _note_gaps(volumes: CallVolumes, blanks: int) -> None:
    days = volumes.days
    if not days:
        return
    have = set(days)
    missing = [
        days[0] + timedelta(days=n)
        for n in range((days[-1] - days[0]).days + 1)
        if days[0] + timedelta(days=n) not in have
    ]
    if missing:
        shown = ", ".join(d.isoformat() for d in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        volumes.warnings.append(
            f"{volumes.path}: {len(missing)} day(s) missing ({shown}{more}); they are left "
            "out of the comparison, not read as zero"
        )
    if blanks:
        volumes.warnings.append(
            f"{volumes.path}: {blanks} blank cell(s); those days are left out for that column"
        )


# ---- the workspace copy ---------------------------------------------------------------------


def save_calls(store: Store, volumes: CallVolumes) -> int:
    """Replace the stored volumes with this file's (one file is compared at a time)."""
    imported = now_iso()
    rows = [
        (
            str(volumes.path.name),
            day.isoformat(),
            name,
            value,
            int(name in volumes.forecast),
            volumes.timezone,
            imported,
        )
        for name, values in volumes.series.items()
        for day, value in values.items()
    ]
    with store.transaction():
        store.execute("DELETE FROM call_volumes")
        store.db.conn.executemany(
            "INSERT INTO call_volumes (source, day, series, value, is_forecast, timezone, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def stored_calls(store: Store) -> CallVolumes | None:
    rows = store.query("SELECT * FROM call_volumes ORDER BY series, day")
    if not rows:
        return None
    volumes = CallVolumes(Path(rows[0]["source"]), rows[0]["timezone"], {})
    for row in rows:
        volumes.series.setdefault(row["series"], {})[date.fromisoformat(row["day"])] = row["value"]
        if row["is_forecast"] and row["series"] not in volumes.forecast:
            volumes.forecast.append(row["series"])
    return volumes
