"""vCard 2.1, 3.0 and 4.0 contact books (Apple, Google, old Android, CardDAV clients).

The file is split into cards here, so that every problem can name its card and line; each
card is then parsed by ``vobject``. vCard 2.1 is first rewritten as 3.0, because ``vobject``
cannot read what old Android phones write: quoted-printable values with soft line breaks,
bare type parameters (``TEL;CELL:``) and unescaped commas (``Street 14, 3º B``).
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from audience.errors import InputError
from audience.importers.contact_csv import add_website
from audience.models import ContactRecord
from audience.normalize import fold, mastodon_handle, social_from_url

STRUCTURED = frozenset(("N", "ADR", "ORG", "X-ANDROID-CUSTOM", "GENDER", "CLIENTPIDMAP"))
BINARY = frozenset(("PHOTO", "LOGO", "SOUND", "KEY"))
ENCODINGS = frozenset(("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"))
# Properties vobject hands back still escaped (``http\://`` in Apple and Google URLs).
RAW_ESCAPED = frozenset(("EMAIL", "TEL", "URL", "IMPP", "SOCIALPROFILE", "X-SOCIALPROFILE"))
APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
SOCIAL_TYPES = {
    "twitter": "x",
    "x": "x",
    "bluesky": "bluesky",
    "mastodon": "mastodon",
    "linkedin": "linkedin",
}
MAX_CARD_LINES = 20_000
MAX_PROPERTY_CHARS = 128 * 1024  # as the CSV reader's field limit: a NOTE is not a novel


@dataclass
class _Line:
    number: int  # 1-based line of the file where the property starts
    text: str


@dataclass
class _Card:
    index: int
    first_line: int
    lines: list[_Line]

    def where(self, line: int | None = None) -> str:
        return f"vCard {self.index}, line {line or self.first_line}"


def parse_vcards(text: str, path: Path) -> list[ContactRecord]:
    """Every card of a .vcf file, in file order, as raw contact records."""
    records = []
    for card in _split_cards(_logical_lines(text), path):
        component = _parse_card(card, path)
        record = ContactRecord(source_format="vcard", position=f"vCard {card.index}")
        _fill_record(record, component)
        records.append(record)
    return records


# ---- lines and cards ------------------------------------------------------------------------


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _logical_lines(text: str) -> list[_Line]:
    """Unfold continuation lines and join quoted-printable soft line breaks. A property that
    grows past :data:`MAX_PROPERTY_CHARS` stops growing (one character over: refused later)."""
    text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    result: list[_Line] = []
    joining_qp = False
    for number, raw in enumerate(text.split("\n"), start=1):
        if joining_qp:
            # "=" at the end of a QP value means the value goes on at column 0 of the next
            # line (an empty line when the value ended exactly on the break).
            result[-1].text = _capped(result[-1].text[:-1] + raw)
        elif raw[:1] in (" ", "\t") and result:
            if len(result[-1].text) <= MAX_PROPERTY_CHARS:
                result[-1].text = _capped(result[-1].text + raw[1:])
        elif raw.strip():
            result.append(_Line(number, _capped(raw)))
        else:
            continue
        last = result[-1].text
        joining_qp = _is_quoted_printable(last) and last.endswith("=")
    return result


def _capped(text: str) -> str:
    return text if len(text) <= MAX_PROPERTY_CHARS else text[: MAX_PROPERTY_CHARS + 1]


def _split_cards(lines: list[_Line], path: Path) -> Iterator[_Card]:
    card: _Card | None = None
    index = 0
    for line in lines:
        keyword = line.text.strip().upper()
        if keyword == "BEGIN:VCARD":
            if card is not None:
                raise InputError(path, card.where(), "BEGIN:VCARD without END:VCARD")
            index += 1
            card = _Card(index, line.number, [])
        elif keyword == "END:VCARD":
            if card is None:
                raise InputError(path, f"line {line.number}", "END:VCARD without BEGIN:VCARD")
            yield card
            card = None
        elif card is None:
            raise InputError(path, f"line {line.number}", "text outside a vCard (not a .vcf file?)")
        elif len(card.lines) >= MAX_CARD_LINES:
            raise InputError(path, card.where(), "too many lines for one contact")
        elif len(line.text) > MAX_PROPERTY_CHARS:
            too_long = "a property longer than 128 KB (the limit of one field)"
            raise InputError(path, card.where(line.number), too_long)
        else:
            card.lines.append(line)
    if card is not None:
        raise InputError(path, card.where(), "no END:VCARD: the file is truncated")
    if index == 0:
        raise InputError(path, "line 1", "no BEGIN:VCARD: not a vCard file")


# ---- 2.1 -> 3.0 and vobject -----------------------------------------------------------------


def _split_property(line: _Line, card: _Card, path: Path) -> tuple[str, list[str], str]:
    """("group.NAME", params, value) of one unfolded property line."""
    quoted = False
    for i, ch in enumerate(line.text):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line.text[:i], line.text[i + 1 :]
            name, *params = head.split(";")
            if not re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?", name.strip()):
                break
            return name.strip(), params, value
    raise InputError(path, card.where(line.number), f"not a vCard property: {line.text[:60]!r}")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _decode_qp(value: str, charset: str) -> str:
    data = quopri.decodestring(value.encode("utf-8"))
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="replace")


def _param_value(params: list[str], key: str) -> str | None:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().upper() == key:
            return value.strip().strip('"')
    return None


def _rewrite_legacy(name: str, params: list[str], value: str) -> str:
    """A 2.1 (or quoted-printable) property as a 3.0 line vobject reads faithfully."""
    bare_name = name.split(".")[-1].upper()
    encoding = (_param_value(params, "ENCODING") or "").upper()
    is_qp = encoding == "QUOTED-PRINTABLE" or any(
        p.strip().upper() == "QUOTED-PRINTABLE" for p in params
    )
    charset = _param_value(params, "CHARSET") or "utf-8"
    kept = []
    for param in params:
        key, has_value, _ = param.partition("=")
        key = key.strip().upper()
        if key in ("ENCODING", "CHARSET") or (not has_value and key in ENCODINGS):
            continue
        kept.append(param if has_value else f"TYPE={param.strip()}")
    if bare_name in STRUCTURED:
        parts = re.split(r"(?<!\\);", value)
        parts = [_decode_qp(p, charset) if is_qp else p.replace("\\;", ";") for p in parts]
        text = ";".join(_escape(p) for p in parts)
    else:
        text = _escape(_decode_qp(value, charset) if is_qp else value)
    return ";".join([name, *kept]) + ":" + text


def _android_custom(value: str) -> str | None:
    """X-ANDROID-CUSTOM carries the nickname in 2.1 (``…/nickname;Zo;1;;…``)."""
    mimetype, _, rest = value.partition(";")
    if mimetype.endswith("/nickname"):
        nickname = rest.split(";", 1)[0]
        if nickname:
            return "NICKNAME:" + _escape(nickname)
    return None


def _card_text(card: _Card, path: Path) -> tuple[str, list[int]]:
    """The card rewritten for vobject, and the file line of each of its text lines."""
    version = "3.0"
    out = ["BEGIN:VCARD"]
    numbers = [card.first_line]
    for line in card.lines:
        name, params, value = _split_property(line, card, path)
        bare = name.split(".")[-1].upper()
        if bare == "VERSION":
            version = value.strip()
            text = "VERSION:3.0" if version.startswith("2") else line.text
        elif bare in BINARY:
            continue
        elif bare == "X-ANDROID-CUSTOM":
            text = _android_custom(
                _decode_qp(value, "utf-8") if _is_quoted_printable(line.text) else value
            )
            if text is None:
                continue
        elif version.startswith("2") or _is_quoted_printable(line.text):
            text = _rewrite_legacy(name, params, value)
        else:
            text = line.text
        out.append(text)
        numbers.append(line.number)
    out.append("END:VCARD")
    numbers.append(card.lines[-1].number + 1 if card.lines else card.first_line + 1)
    return "\r\n".join(out) + "\r\n", numbers


def _parse_card(card: _Card, path: Path) -> Any:
    import vobject

    text, numbers = _card_text(card, path)
    try:
        return vobject.readOne(text, validate=False)
    except Exception as exc:  # vobject raises ParseError, ValueError, TypeError, ... on junk
        line = getattr(exc, "lineNumber", None)
        number = numbers[line - 1] if isinstance(line, int) and 0 < line <= len(numbers) else None
        problem = f"cannot parse the card ({str(exc)[:200]})"  # vobject quotes the whole line
        raise InputError(path, card.where(number), problem) from None


# ---- vobject component -> ContactRecord -----------------------------------------------------


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = " ".join(str(v).strip() for v in value if str(v).strip())
    text = str(value).strip()
    return text or None


def _params(child: Any) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for key, values in child.params.items():
        flat = [v.strip().lower() for value in values for v in str(value).split(",")]
        result[key.upper()] = flat
    return result


def _group_labels(component: Any) -> dict[str, str]:
    labels = {}
    for child in component.getChildren():
        if child.name.upper() == "X-ABLABEL" and child.group:
            label = str(child.value).strip()
            match = APPLE_LABEL.match(label)
            labels[child.group.lower()] = match.group(1) if match else label
    return labels


def _fill_record(record: ContactRecord, component: Any) -> None:
    labels = _group_labels(component)
    for child in component.getChildren():
        name = child.name.upper()
        value = child.value
        if name in RAW_ESCAPED and isinstance(value, str):
            value = _unescape(value)
        label = labels.get((child.group or "").lower(), "")
        _FIELD_READERS.get(name, _ignore)(record, value, _params(child), label)


def _ignore(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    return None


def _read_fn(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    record.full_name = record.full_name or _text(value)


def _read_n(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    record.family_name = _text(getattr(value, "family", None))
    record.given_name = _text(getattr(value, "given", None))
    record.middle_name = _text(getattr(value, "additional", None))
    record.prefix = _text(getattr(value, "prefix", None))
    record.suffix = _text(getattr(value, "suffix", None))


def _read_org(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    parts = [str(v).strip() for v in (value if isinstance(value, list) else [value])]
    parts = [p for p in parts if p]
    if parts and not record.organisation:
        record.organisation = parts[0]
        record.department = " / ".join(parts[1:]) or None


def _read_adr(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    if record.city or record.country:
        return
    record.city = _text(getattr(value, "city", None))
    record.region = _text(getattr(value, "region", None))
    record.country = _text(getattr(value, "country", None))


def _read_tel(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    text = _text(value)
    if text:
        record.phones.append(text[4:] if text.lower().startswith("tel:") else text)


def _read_email(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    text = _text(value)
    if text:
        record.emails.append(text)


def _read_url(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    text = _text(value)
    if text:
        add_website(record, label, text)


def _read_social(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    """Apple X-SOCIALPROFILE / RFC 9554 SOCIALPROFILE: a URL, or ``x-apple:`` plus a handle."""
    text = _text(value) or ""
    service = (params.get("TYPE") or params.get("SERVICE-TYPE") or [""])[0]
    user = (params.get("X-USER") or params.get("USERNAME") or [""])[0]
    found = social_from_url(text)
    if found is not None:
        if found[0] == "linkedin":
            record.linkedin_url = record.linkedin_url or text
        else:
            record.social.append(found)
        return
    platform = SOCIAL_TYPES.get(fold(service), fold(service) or None)
    handle = user or unquote(text.split(":", 1)[1] if text.lower().startswith("x-apple:") else text)
    if platform == "mastodon":
        handle = mastodon_handle(handle) or ""
    handle = handle.strip().lstrip("@")
    if platform and handle:
        if platform == "linkedin":
            record.linkedin_url = record.linkedin_url or f"https://www.linkedin.com/in/{handle}"
        else:
            record.social.append((platform, handle))


def _read_x_twitter(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    text = _text(value)
    if text:
        add_website(record, "twitter", text)


def _read_nickname(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    text = _text(value)
    record.nickname = record.nickname or (text.split(",")[0].strip() if text else None)


def _read_title(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    record.title = record.title or _text(value)


def _read_note(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    text = _text(value)
    if text:
        record.notes = f"{record.notes}\n{text}" if record.notes else text


def _read_categories(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    values = value if isinstance(value, list) else str(value).split(",")
    for item in (str(v).strip() for v in values):
        if item and fold(item) not in ("mycontacts", "my contacts"):
            record.labels.append(item)


def _read_show_as(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    if str(value).strip().upper() == "COMPANY":
        record.is_organisation = True


def _read_kind(record: ContactRecord, value: Any, params: dict, label: str) -> None:
    if str(value).strip().lower() in ("org", "organization", "organisation"):
        record.is_organisation = True


_FIELD_READERS = {
    "FN": _read_fn,
    "N": _read_n,
    "NICKNAME": _read_nickname,
    "ORG": _read_org,
    "TITLE": _read_title,
    "ADR": _read_adr,
    "TEL": _read_tel,
    "EMAIL": _read_email,
    "URL": _read_url,
    "X-SOCIALPROFILE": _read_social,
    "SOCIALPROFILE": _read_social,
    "X-TWITTER": _read_x_twitter,
    "NOTE": _read_note,
    "CATEGORIES": _read_categories,
    "X-ABSHOWAS": _read_show_as,
    "KIND": _read_kind,
}
