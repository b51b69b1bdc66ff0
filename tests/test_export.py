"""The PR-team export: merged rows, stable columns, spreadsheet safety, atomic writes."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from audience.export import (
    COLUMNS,
    ExportError,
    atomic_write,
    build_rows,
    export_people,
    human_headers,
    neutralise,
    relevance,
)
from audience.models import Account, Post
from audience.store import Store, now_iso, open_store

PINNED_HEADER = [
    "name",
    "organisation",
    "outlet",
    "title",
    "bio",
    "segments",
    "relevance",
    "reasons",
    "x_handle",
    "x_url",
    "x_followers",
    "bluesky_handle",
    "bluesky_url",
    "bluesky_followers",
    "mastodon_handle",
    "mastodon_url",
    "mastodon_followers",
    "linkedin_handle",
    "linkedin_url",
    "linkedin_followers",
    "followers_total",
    "location",
    "country",
    "email",
    "phone",
    "topics",
    "last_active",
    "person_id",
]


# ---- a small crowd, shared with test_privacy and test_report ----------------------------------


def add_person(store: Store, name: str, organisation: str | None = None, **extra: str) -> int:
    now = now_iso()
    return store.execute(
        "INSERT INTO people (name, organisation, title, city, country, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [name, organisation, extra.get("title"), extra.get("city"), extra.get("country"), now, now],
    ).fetchone()[0]


def add_contact(
    store: Store,
    person_id: int | None,
    key: str,
    *,
    full_name: str,
    organisation: str | None = None,
    emails: list[str] = (),
    phones: list[str] = (),
    linkedin_url: str | None = None,
    social: list[list[str]] = (),
) -> int:
    contact_id = store.execute(
        "INSERT INTO contacts (person_id, source, source_format, source_key, full_name, "
        "organisation, emails, phones, linkedin_url, social, imported_at) "
        "VALUES (?, 'book.vcf', 'vcard', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            person_id,
            key,
            full_name,
            organisation,
            json.dumps(list(emails)),
            json.dumps(list(phones)),
            linkedin_url,
            json.dumps(list(social)),
            now_iso(),
        ],
    ).fetchone()[0]
    for kind, values in (("email", emails), ("phone", phones)):
        for value in values:
            store.execute(
                "INSERT INTO contact_points (contact_id, kind, value) VALUES (?, ?, ?)",
                [contact_id, kind, value],
            )
    return contact_id


def add_account(store: Store, platform: str, platform_id: str, handle: str, **fields) -> int:
    return store.upsert_accounts([Account(platform, platform_id, handle=handle, **fields)])[
        platform_id
    ]


def segment_id(store: Store, name: str) -> int:
    found = store.scalar("SELECT id FROM segments WHERE name = ?", [name])
    if found is None:
        found = store.execute(
            "INSERT INTO segments (name, created_at) VALUES (?, ?) RETURNING id", [name, now_iso()]
        ).fetchone()[0]
    return found


def add_to_segment(
    store: Store, name: str, account_id: int, reason: str | None = None, *, excluded: int = 0
) -> None:
    store.execute(
        "INSERT INTO segment_members (segment_id, account_id, source, reason, excluded, "
        "is_primary, created_at) VALUES (?, ?, 'rule', ?, ?, 0, ?)",
        [segment_id(store, name), account_id, reason, excluded, now_iso()],
    )


def add_match(store: Store, person_id: int, account_id: int, platform: str, status: str) -> None:
    store.execute(
        "INSERT INTO matches (person_id, account_id, platform, score, evidence, method, status, "
        "created_at) VALUES (?, ?, ?, 0.95, '[]', 'exact-email', ?, ?)",
        [person_id, account_id, platform, status, now_iso()],
    )


def post(store: Store, account_id: int, platform: str, pid: str, author: str, tags, when):
    store.upsert_posts(
        [Post(platform, pid, author, f"post {pid}", created_at=when, hashtags=list(tags))],
        {author: account_id},
    )


def seed_crowd(store: Store) -> dict[str, int]:
    """Ada (X + Bluesky, one person), Dave (a match only under review), lone accounts whose
    names try formula injection, and my own account."""
    ids: dict[str, int] = {}
    with store.transaction():
        ada = ids["ada"] = add_person(
            store,
            "Ada Lovelace",
            "The Daily Lantern",
            title="Technology editor",
            city="London",
            country="GB",
        )
        ids["ada_contact"] = add_contact(
            store,
            ada,
            "ada",
            full_name="Ada Lovelace",
            organisation="The Daily Lantern",
            emails=["Ada@Lantern.example"],
            phones=["+442079460958"],
            linkedin_url="https://www.linkedin.com/in/ada-lovelace/",
            social=[["x", "@ada_l"]],
        )
        ids["ada_x"] = add_account(
            store,
            "x",
            "1001",
            "ada_l",
            display_name="Ada L",
            followers_count=12000,
            bio="Technology editor. Writes about zanzibarquokka and #cx",
            location="London",
        )
        store.execute("UPDATE accounts SET person_id = ? WHERE id = ?", [ada, ids["ada_x"]])
        ids["ada_bsky"] = add_account(
            store,
            "bluesky",
            "did:plc:ada",
            "ada.bsky.social",
            display_name="Ada",
            followers_count=800,
        )
        add_match(store, ada, ids["ada_bsky"], "bluesky", "accepted")
        ids["dave_x"] = add_account(
            store, "x", "1002", "dave", display_name="Dave", followers_count=50
        )
        add_match(store, ada, ids["dave_x"], "x", "review")
        ids["formula"] = add_account(
            store,
            "mastodon",
            "m1",
            "grace@hachyderm.io",
            display_name="=1+2",
            location="-5",
            followers_count=40,
        )
        ids["tabbed"] = add_account(
            store,
            "x",
            "1003",
            "tabby",
            display_name="\tTabbed",
            location="@home",
            followers_count=0,
        )
        ids["me"] = add_account(store, "x", "1", "me_brand", followers_count=5)
        store.execute("INSERT INTO my_accounts (platform, account_id) VALUES ('x', ?)", [ids["me"]])
        add_to_segment(store, "press", ids["ada_x"], "bio mentions editor")
        add_to_segment(store, "press", ids["ada_bsky"], "listed in x:123")
        add_to_segment(store, "customers", ids["formula"], '=HYPERLINK("http://evil")')
        add_to_segment(store, "customers", ids["tabbed"], "hand-picked", excluded=1)
        when = datetime(2025, 3, 1, tzinfo=UTC)
        post(store, ids["ada_x"], "x", "p1", "1001", ["cx", "ai"], when)
        post(store, ids["ada_x"], "x", "p2", "1001", ["cx"], datetime(2025, 4, 2, tzinfo=UTC))
        post(store, ids["ada_bsky"], "bluesky", "p3", "did:plc:ada", ["cx", "journalism"], when)
        store.execute(
            "INSERT INTO targets (account_id, note, added_at) VALUES (?, 'pitch', ?)",
            [ids["ada_x"], now_iso()],
        )
    return ids


@pytest.fixture
def crowd(store: Store) -> dict[str, int]:
    return seed_crowd(store)


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ---- rows ---------------------------------------------------------------------------------------


def test_header_is_pinned():
    assert list(COLUMNS) == PINNED_HEADER


def test_person_with_x_and_bluesky_is_one_row(store, crowd):
    result = export_people(store, topics=["#cx"])
    rows = _csv_rows(result.text)
    ada = [r for r in rows if r["name"] == "Ada Lovelace"]
    assert len(ada) == 1
    row = ada[0]
    assert row["x_handle"] == "ada_l"
    assert row["x_url"] == "https://x.com/ada_l"
    assert row["x_followers"] == "12000"
    assert row["bluesky_handle"] == "ada.bsky.social"
    assert row["bluesky_url"] == "https://bsky.app/profile/ada.bsky.social"
    assert row["followers_total"] == "12800"
    assert row["organisation"] == "The Daily Lantern"
    assert row["title"] == "Technology editor"
    assert row["segments"] == "press"
    assert row["reasons"] == "press: bio mentions editor; press: listed in x:123; topic: #cx"
    assert row["email"] == "Ada@Lantern.example"
    assert row["phone"] == "'+44 20 7946 0958"
    assert row["topics"] == "#cx #ai #journalism"
    assert row["last_active"] == "2025-04-02"
    assert row["location"] == "London"
    assert row["country"] == "GB"
    assert row["person_id"] == str(crowd["ada"])
    assert row["relevance"] == str(relevance(True, 1, 12800)) == "75"


def test_review_match_is_not_merged_and_my_account_is_left_out(store, crowd):
    rows = _csv_rows(export_people(store).text)
    handles = [r["x_handle"] for r in rows if r["x_handle"]]
    assert "dave" in handles  # its own row: a match under review is not a link
    dave = next(r for r in rows if r["x_handle"] == "dave")
    assert dave["person_id"] == "" and dave["name"] == "Dave"
    assert "me_brand" not in handles
    assert len(rows) == 4  # Ada, Dave, grace, tabby


def test_rows_are_most_relevant_first(store, crowd):
    rows = build_rows(store)
    assert rows[0]["name"] == "Ada Lovelace"
    assert [r["relevance"] for r in rows] == sorted((r["relevance"] for r in rows), reverse=True)


def test_cells_are_safe_from_formula_injection(store, crowd):
    rows = _csv_rows(export_people(store).text)
    grace = next(r for r in rows if r["mastodon_handle"] == "grace@hachyderm.io")
    assert grace["name"] == "'=1+2"
    assert grace["location"] == "'-5"
    assert grace["reasons"] == 'customers: =HYPERLINK("http://evil")'  # harmless mid-cell
    assert grace["mastodon_url"] == "https://hachyderm.io/@grace"
    tabby = next(r for r in rows if r["x_handle"] == "tabby")
    assert tabby["name"] == "'\tTabbed"
    assert tabby["location"] == "'@home"
    assert tabby["segments"] == ""  # excluded from customers by hand
    for row in rows:
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r"), value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 20 7946 0958", "'+44 20 7946 0958"),
        ("-5", "'-5"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("Ada = editor", "Ada = editor"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (12000, 12000),
        (True, 1),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_segment_and_platform_filters(store, crowd):
    customers = build_rows(store, segment="customers")
    assert [r["mastodon_handle"] for r in customers] == ["grace@hachyderm.io"]
    press = build_rows(store, segment="press")
    assert [r["name"] for r in press] == ["Ada Lovelace"]
    bluesky = build_rows(store, platforms=["bluesky"])
    assert [r["name"] for r in bluesky] == ["Ada Lovelace"]
    assert bluesky[0]["x_handle"] == "ada_l"  # the whole person, not only the bluesky account


def test_unknown_and_empty_segments_say_so(store, crowd):
    with pytest.raises(ExportError, match="Unknown segment 'journalists'.*press"):
        build_rows(store, segment="journalists")
    with pytest.raises(ExportError, match="no people in segment 'suppliers'"):
        build_rows(store, segment="suppliers")
    with pytest.raises(ExportError, match="Unknown platform 'myspace'"):
        build_rows(store, platforms=["myspace"])


def test_empty_workspace_says_so(store):
    with pytest.raises(ExportError, match="Nothing to export"):
        build_rows(store)


def test_json_keeps_numbers_and_raw_text(store, crowd):
    data = json.loads(export_people(store, fmt="json").text)
    assert [list(row) for row in data] == [PINNED_HEADER] * len(data)
    grace = next(r for r in data if r["mastodon_handle"] == "grace@hachyderm.io")
    assert grace["name"] == "=1+2"  # JSON is for programs: no spreadsheet prefix
    ada = next(r for r in data if r["name"] == "Ada Lovelace")
    assert ada["x_followers"] == 12000 and ada["followers_total"] == 12800


# ---- files --------------------------------------------------------------------------------------


def test_atomic_write_leaves_old_file_on_failure(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old content\n", encoding="utf-8")

    def broken(handle):
        handle.write("half of a new")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_unwritable_path_names_it(store, crowd, tmp_path):
    missing = tmp_path / "no-such-folder" / "out.csv"
    with pytest.raises(ExportError, match=f"Cannot write {missing}"):
        export_people(store, output=missing)


# ---- the command --------------------------------------------------------------------------------


def _app() -> typer.Typer:
    from commands.export import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    register(app)
    return app


@pytest.fixture
def db_file(tmp_path) -> Path:
    path = tmp_path / "audience.db"
    store = open_store(path)
    seed_crowd(store)
    store.close()
    return path


def test_cli_writes_csv_file_with_bom_and_human_headers(db_file, tmp_path):
    out = tmp_path / "press.csv"
    result = CliRunner().invoke(
        _app(), ["export", "--db", str(db_file), "--segment", "press", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a file: BOM by default
    assert raw.count(b"\r\n") == 2 and raw.count(b"\n") == 2  # header + Ada, CRLF only
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == human_headers(PINNED_HEADER)
    assert rows[0]["X handle"] == "ada_l"
    assert rows[0]["Followers (all platforms)"] == "12800"
    assert rows[0]["Bluesky profile"] == "https://bsky.app/profile/ada.bsky.social"
    assert "Wrote 1 rows" in result.output
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_cli_raw_headers_and_no_bom(db_file, tmp_path):
    out = tmp_path / "all.csv"
    result = CliRunner().invoke(
        _app(), ["export", "--db", str(db_file), "-o", str(out), "--raw-headers", "--no-bom"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"name,organisation,outlet,")


def test_human_headers_are_all_named():
    headers = human_headers(COLUMNS)
    assert len(set(headers)) == len(COLUMNS)
    assert all("_" not in h for h in headers)


def test_cli_dash_writes_stdout(db_file):
    result = CliRunner().invoke(_app(), ["export", "--db", str(db_file), "-o", "-", "-p", "x"])
    assert result.exit_code == 0, result.output
    assert not result.stdout.startswith("\ufeff")  # a pipe: no BOM
    rows = _csv_rows(result.stdout)
    assert [r["X handle"] for r in rows] == ["ada_l", "dave", "tabby"]


def test_cli_json_format(db_file):
    result = CliRunner().invoke(_app(), ["export", "--db", str(db_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 4


def test_cli_empty_segment_writes_no_file(db_file, tmp_path):
    out = tmp_path / "suppliers.csv"
    result = CliRunner().invoke(
        _app(), ["export", "--db", str(db_file), "--segment", "suppliers", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "Nothing to export" in result.output
    assert not out.exists()
    result = CliRunner().invoke(
        _app(), ["export", "--db", str(db_file), "--segment", "nope", "-o", str(out)]
    )
    # an unknown segment is a workspace error, 2 in every command (14.17)
    assert result.exit_code == 2 and "unknown segment 'nope'" in result.output
    assert not out.exists()


def test_cli_unwritable_path(db_file, tmp_path):
    out = tmp_path / "missing" / "out.csv"
    result = CliRunner().invoke(_app(), ["export", "--db", str(db_file), "-o", str(out)])
    assert result.exit_code == 1
    assert "Cannot write" in result.output and "out.csv" in result.output


# ---- outlet, bio, workbook ---------------------------------------------------------------------


def test_outlet_and_role_come_from_the_bio(store):
    with store.transaction():
        journalist = add_account(
            store, "x", "77", "wren", bio="Reporter at Customer Desk Weekly. Views mine."
        )
        add_to_segment(store, "press", journalist, "journalist")
    [row] = build_rows(store, segment="press")
    assert row["outlet"] == "Customer Desk Weekly"
    assert row["title"] == "Reporter"
    assert row["bio"] == "Reporter at Customer Desk Weekly. Views mine."


def test_xlsx_has_typed_cells_sheets_per_segment_and_links(store, crowd, tmp_path):
    import openpyxl

    with store.transaction():
        add_contact(store, crowd["ada"], "ada-phone", full_name="Ada Lovelace", phones=["+3531"])
    out = tmp_path / "crowd.xlsx"
    result = export_people(store, output=out, raw_headers=False)
    assert result.fmt == "xlsx" and result.rows == 4
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Everyone", "customers", "press", "No segment"]
    everyone = book["Everyone"]
    assert everyone.freeze_panes == "A2"
    headers = [c.value for c in everyone[1]]
    assert headers == human_headers(COLUMNS)
    by_name = {row[0].value: row for row in everyone.iter_rows(min_row=2)}
    grace = by_name["=1+2"]  # as written: a string cell, never a formula, no apostrophe
    assert grace[0].data_type == "s"
    ada = by_name["Ada Lovelace"]
    phone = ada[headers.index("Phone")]
    assert phone.value == "+44 20 7946 0958" and phone.data_type == "s"
    followers = ada[headers.index("Followers (all platforms)")]
    assert followers.value == 12800 and followers.data_type == "n"
    link = ada[headers.index("X profile")]
    assert link.hyperlink.target == "https://x.com/ada_l"
    assert everyone.column_dimensions["A"].width > len("Ada Lovelace")
    assert [r[0].value for r in book["press"].iter_rows(min_row=2)] == ["Ada Lovelace"]


def test_xlsx_needs_a_file_and_unknown_formats_are_refused(store, crowd, tmp_path):
    with pytest.raises(ExportError, match="standard output"):
        export_people(store, fmt="xlsx")
    with pytest.raises(ExportError, match="Unknown format"):
        export_people(store, fmt="ods", output=tmp_path / "x.ods")


def test_cli_picks_xlsx_from_the_extension(db_file, tmp_path):
    out = tmp_path / "press.xlsx"
    result = CliRunner().invoke(
        _app(), ["export", "--db", str(db_file), "--segment", "press", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"  # a zip: the .xlsx container
    import openpyxl

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["press"]
    assert [c.value for c in book["press"][2]][:1] == ["Ada Lovelace"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_sheet_names_follow_excel_rules():
    from audience.export import _sheet_name

    used: set[str] = set()
    assert _sheet_name("press/uk [a]", used) == "press uk  a"
    assert _sheet_name("PRESS/UK [A]", used) == "PRESS UK  A (2)"
    long = _sheet_name("x" * 40, used)
    assert len(long) == 31
    assert len(_sheet_name("x" * 40, used)) == 31 and len(used) == 4
