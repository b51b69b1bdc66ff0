"""Saving contact books and merging their entries into people.

The ground truth is the "Who appears where" table of tests/fixtures/exports/README.md.
Merges expected from the importer itself (the matcher may add fuzzier ones later):

* same e-mail: Apple's "Zoë Lambert" (work e-mail) joins Google's "Zoë Lambert-Hughes";
* same LinkedIn profile: LinkedIn's "Fang Wang" (no e-mail, company "Yuanshan Data") joins
  Google's "王芳", whose Website column links that profile;
* same name and organisation: Outlook's "Tobias Gruenfeld" / "Gruenfeld GmbH" (no e-mail) joins
  "Tobias Grünfeld" / "Grünfeld GmbH"; Outlook's "Ahmed El Sayed" joins LinkedIn's "El-Sayed";
* same phone and agreeing names: the Android phone's "Zoë Lambert-Hughes" at her old job,
  "Jose Fernandez" (no e-mail) and "Marcus Oyelaran-Pike" (no e-mail, no company).

Not merged here: a "Zoe Lambert" at an old job with another e-mail and no shared phone or
profile, and namesakes at different organisations.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from audience.errors import InputError
from audience.importers.contacts import ContactBook, read_contacts
from audience.models import Account, ContactRecord
from audience.people import ImportResult, save_contacts
from audience.store import Store, open_store

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
BOOKS = {  # letter of the README table -> (source label, file)
    "G": ("Google CSV", EXPORTS / "google_contacts.csv"),
    "V": ("Google vCard", EXPORTS / "contacts_google.vcf"),
    "O": ("Outlook", EXPORTS / "outlook_contacts.csv"),
    "A": ("Apple", EXPORTS / "contacts_apple.vcf"),
    "D": ("Android", EXPORTS / "contacts_android_v21.vcf"),
    "L": ("LinkedIn", EXPORTS / "linkedin" / "Basic_LinkedInDataExport_03-14-2025.zip"),
}
LETTER = {label: letter for letter, (label, _) in BOOKS.items()}

# Person display name -> the books they are in, as in the README table. The display name is
# the fullest, accented spelling among the books (Google's "Eleanor Vance-Whitby" keeps "Dr"
# and "PhD" in separate fields; "El-Sayed" is LinkedIn's spelling).
EXPECTED = {
    "Zoë Lambert-Hughes": "GVOADL",
    "José Manuel Fernández": "GVOADL",
    "Łukasz Wiśniewski-Kowal": "GVADL",
    "王芳": "GVOAL",
    "Niamh O'Sullivan": "GVOADL",
    "Anne-Marie Duval-Lefèvre": "GVADL",
    "Tobias Grünfeld": "GVOAL",
    "Priya Raghunathan": "GVOADL",
    "Marcus Oyelaran-Pike": "GVAD",
    "Eleanor Vance-Whitby": "GVOAL",
    "Kwame Asante-Boateng": "GVODL",
    "Ingrid Solberg": "GVOADL",
    "Rafael da Silva Monteiro": "GVDL",
    "Chloé Marchetti": "GVOADL",
    "田辺浩": "GVAL",
    "Siobhán Ní Bhriain": "GVAD",
    "Declan McAllister": "GVOL",
    "Amara Nwosu": "GVOADL",
    "Sofia Papadopoulou": "OL",
    "Bram van der Meer": "GVODL",
    "Yara Haddad": "GVA",
    "Felix Hartmann": "GVL",
    "Noor Al-Rashid": "GVA",
    "Callum Fraser": "GVODL",
    "Dalia Mendoza": "OL",
    "Emeka Obi": "GVAD",
    "Mei-Ling Chow": "GVODL",
    "Owen Pritchard": "OD",
    "Leila Karimi": "GVA",
    "Mateo Ruiz": "GVOL",
    "Anika Brandt": "OL",
    "Tomasz Zieliński": "GV",
    "Hannah Goldberg-Cho": "GVADL",
    "Olusegun Adeyemi": "GVADL",
    "Beatriz Gonçalves": "GVAD",
    "Jean-Baptiste Ndiaye": "GVODL",
    "Greta Lindqvist": "GVAD",
    "Ravi Shankar Iyer": "GVOL",
    "Catalina Restrepo": "GV",
    "Ahmed El-Sayed": "OL",
    "Saoirse Dunne-Kavanagh": "OL",
    "William Thornton-Ames": "GVOAL",
    "Robert Kettleworth": "GVD",
    "Margaux Delacroix": "GVAL",
    "Kenji Watanabe": "A",
    "Ana Lucía Paredes": "GVL",
    "Viktor Novák": "OD",
    "Ellen Fairweather": "GVADL",
    "Ruaidhrí Mac Giolla Phádraig": "GVAD",
    "Paulina Kowalczyk-D'Amato": "GVODL",
    "Harbourlight Media Ltd": "GVA",  # the company card
    None: "G",  # events-rsvp@…, e-mail only
    # LinkedIn connections found in no address book (the all-empty row is skipped)
    "Deepa Krishnamurthy": "L",
    "Harriet Okoro-Blake": "L",
    "Grace Whitcombe": "L",
    "Piotr Nowicki": "L",
    "Luis Ortega Ramírez": "L",
}


@pytest.fixture
def store() -> Store:
    workspace = open_store(None)
    yield workspace
    workspace.close()


def import_books(store: Store, letters: str = "GVOADL") -> dict[str, ImportResult]:
    results = {}
    for letter in letters:
        label, path = BOOKS[letter]
        results[letter] = save_contacts(store, read_contacts(path), label)
    return results


def people_by_name(store: Store) -> dict[str | None, str]:
    books: dict[int, set[str]] = defaultdict(set)
    names: dict[int, str | None] = {}
    for row in store.query(
        "SELECT p.id, p.name, c.source FROM people p JOIN contacts c ON c.person_id = p.id"
    ):
        books[row["id"]].add(LETTER[row["source"]])
        names[row["id"]] = row["name"]
    result: dict[str | None, str] = {}
    for person_id, letters in books.items():
        assert names[person_id] not in result, f"two people named {names[person_id]!r}"
        result[names[person_id]] = "".join(sorted(letters, key="GVOADL".index))
    return result


def person_id_of(store: Store, name: str) -> int:
    rows = store.query("SELECT id FROM people WHERE name = ?", [name])
    assert len(rows) == 1, f"{name!r}: {len(rows)} people"
    return rows[0]["id"]


def points_of(store: Store, person_id: int, kind: str) -> set[str]:
    return {
        row["value"]
        for row in store.query(
            "SELECT DISTINCT cp.value FROM contact_points cp JOIN contacts c "
            "ON c.id = cp.contact_id WHERE c.person_id = ? AND cp.kind = ?",
            [person_id, kind],
        )
    }


def snapshot(store: Store) -> dict[str, list[tuple]]:
    return {
        table: [tuple(r.values()) for r in store.query(f"SELECT * FROM {table} ORDER BY 1, 2")]
        for table in ("people", "contacts", "contact_points", "accounts", "matches")
    }


# ---- the README table -------------------------------------------------------------------------


def test_all_books_merge_into_the_people_of_the_readme_table(store):
    results = import_books(store)
    assert people_by_name(store) == EXPECTED
    assert store.scalar("SELECT count(*) FROM people") == len(EXPECTED)
    assert sum(r.people_created for r in results.values()) == len(EXPECTED)
    assert results["G"].added == 44 and results["G"].people_created == 44
    assert results["V"].people_created == 0 and results["V"].people_merged == 43
    assert results["L"].added == 40
    assert results["L"].skipped == [
        ("Connections.csv, line 32", "no name, organisation or e-mail address")]
    assert store.scalar("SELECT count(*) FROM contacts WHERE person_id IS NULL") == 0


def test_zoe_is_one_person_with_every_spelling_and_source(store):
    import_books(store)
    zoe = person_id_of(store, "Zoë Lambert-Hughes")
    contacts = store.query("SELECT source, full_name, organisation FROM contacts "
                           "WHERE person_id = ? ORDER BY id", [zoe])
    assert {c["source"] for c in contacts} == {
        "Google CSV", "Google vCard", "Outlook", "Apple", "Android", "LinkedIn"}
    assert {c["full_name"] for c in contacts} == {
        "Zoë Lambert-Hughes", "Zoe Lambert-Hughes", "Zoë Lambert"}
    person = store.query("SELECT * FROM people WHERE id = ?", [zoe])[0]
    assert (person["given_name"], person["family_name"]) == ("Zoë", "Lambert-Hughes")
    assert person["organisation"] == "Harbourlight Media Ltd"  # not her old job
    assert person["title"] == "Technology Correspondent"
    assert points_of(store, zoe, "email") == {
        "zoe.lambert@harbourlight.example", "zoe.lh@example.com", "zlambert@oldpaper.example"}
    assert points_of(store, zoe, "linkedin") == {
        "https://www.linkedin.com/in/zoe-lambert-hughes-4a7b21"}
    assert points_of(store, zoe, "handle") == {"x:zoelh_writes"}
    assert points_of(store, zoe, "phone") == {"+447700900101", "+447700900901"}


def test_priya_has_three_emails_and_her_profiles(store):
    import_books(store)
    priya = person_id_of(store, "Priya Raghunathan")
    assert points_of(store, priya, "email") == {
        "priya@quillfeather.example", "priya.r@example.com",
        "praghunathan@alumni.northgate.example"}
    assert points_of(store, priya, "handle") == {"x:priya_builds", "mastodon:priya@tech.example"}
    assert points_of(store, priya, "linkedin") == {
        "https://www.linkedin.com/in/priya-raghunathan-qf"}


def test_company_card_is_an_organisation_and_stays_apart_from_its_staff(store):
    import_books(store)
    company = person_id_of(store, "Harbourlight Media Ltd")
    rows = store.query("SELECT source, is_organisation, given_name FROM contacts "
                       "WHERE person_id = ?", [company])
    assert {r["source"] for r in rows} == {"Google CSV", "Google vCard", "Apple"}
    assert all(r["is_organisation"] == 1 and r["given_name"] is None for r in rows)
    assert points_of(store, company, "email") == {"newsdesk@harbourlight.example"}
    chloe = person_id_of(store, "Chloé Marchetti")
    assert company not in (chloe, person_id_of(store, "Zoë Lambert-Hughes"))


def test_email_only_row_is_kept(store):
    import_books(store, "G")
    rows = store.query("SELECT c.full_name, c.emails, p.name FROM contacts c "
                       "JOIN people p ON p.id = c.person_id WHERE c.full_name IS NULL")
    assert len(rows) == 1
    assert json.loads(rows[0]["emails"]) == ["events-rsvp@fernandez-hermanos.example"]
    assert rows[0]["name"] is None


# ---- merge rules, one at a time -----------------------------------------------------------------


def sources_of(store: Store, name: str) -> set[str]:
    person = person_id_of(store, name)
    return {r["source"] for r in store.query(
        "SELECT source FROM contacts WHERE person_id = ?", [person])}


@pytest.mark.parametrize(
    ("letters", "person", "joined"),
    [
        ("GA", "Zoë Lambert-Hughes", "Apple"),  # same e-mail
        ("GL", "王芳", "LinkedIn"),  # same LinkedIn profile, nothing else in common
        ("GO", "Tobias Grünfeld", "Outlook"),  # name + organisation, Grünfeld = Gruenfeld
        ("OL", "Ahmed El-Sayed", "LinkedIn"),  # name + organisation
        ("GD", "Zoë Lambert-Hughes", "Android"),  # phone + same name (old job, old e-mail)
        ("GD", "José Manuel Fernández", "Android"),  # phone + "Jose Fernandez"
        ("GD", "Marcus Oyelaran-Pike", "Android"),  # phone + same name, no e-mail, no company
    ],
)
def test_each_merge_rule(store, letters, person, joined):
    import_books(store, letters)
    assert joined in sources_of(store, person)


def generic_book(tmp_path: Path, name: str, rows: list[list[str]]) -> ContactBook:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["Name", "Email", "Company", "Phone", "LinkedIn"], *rows])
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return read_contacts(path)


def test_weaker_evidence_does_not_merge(store, tmp_path):
    import_books(store, "G")
    before = store.scalar("SELECT count(*) FROM people")
    book = generic_book(tmp_path, "old.csv", [
        # the matcher's job: another e-mail, another company, no phone or profile in common
        ["Zoe Lambert", "zoe@oldpaper.example", "The Westcountry Chronicle", "", ""],
        # a namesake at another organisation
        ["Callum Fraser", "callum@fraserfisheries.example", "Fraser Fisheries", "", ""],
        # a shared switchboard number is not enough without the same name
        ["Tom Hughes", "", "", "+44 7700 900101", ""],
    ])
    result = save_contacts(store, book, "old book")
    assert (result.added, result.people_created, result.people_merged) == (3, 3, 0)
    assert store.scalar("SELECT count(*) FROM people") == before + 3
    assert sources_of(store, "Zoë Lambert-Hughes") == {"Google CSV"}


def test_an_entry_linking_two_people_folds_them_together(store, tmp_path):
    save_contacts(store, generic_book(tmp_path, "a.csv", [
        ["Sam Doe", "sam@doe.example", "", "", ""]]), "A")
    save_contacts(store, generic_book(tmp_path, "b.csv", [
        ["Samuel Doe", "", "", "", "https://www.linkedin.com/in/sam-doe"]]), "B")
    assert store.scalar("SELECT count(*) FROM people") == 2
    sam, samuel = (person_id_of(store, "Sam Doe"), person_id_of(store, "Samuel Doe"))
    account = store.upsert_accounts([Account(platform="x", platform_id="42", handle="samdoe")])
    store.execute("UPDATE accounts SET person_id = ? WHERE id = ?", [samuel, account["42"]])
    store.execute(
        "INSERT INTO matches (person_id, account_id, platform, score, method, status, "
        "created_at) VALUES (?, ?, 'x', 0.9, 'exact-handle', 'accepted', '2025-01-01')",
        [samuel, account["42"]],
    )
    result = save_contacts(store, generic_book(tmp_path, "c.csv", [
        ["Samuel Doe", "sam@doe.example", "", "", "linkedin.com/in/sam-doe/"]]), "C")
    assert result.people_merged == 2  # joined Sam, then folded Samuel into him
    assert store.scalar("SELECT count(*) FROM people") == 1
    assert store.scalar("SELECT count(DISTINCT person_id) FROM contacts") == 1
    assert store.scalar("SELECT person_id FROM accounts WHERE id = ?", [account["42"]]) == sam
    assert store.scalar("SELECT person_id FROM matches") == sam
    assert store.scalar("SELECT name FROM people") == "Samuel Doe"


# ---- idempotency and updates --------------------------------------------------------------------


def test_importing_everything_twice_changes_nothing(store):
    import_books(store)
    before = snapshot(store)
    again = import_books(store)
    for letter, result in again.items():
        assert (result.added, result.updated, result.people_created, result.people_merged) == (
            0, 0, 0, 0), letter
    assert again["G"].unchanged == 44 and again["L"].unchanged == 40
    assert snapshot(store) == before


def test_reordered_book_is_unchanged(store, tmp_path):
    source = EXPORTS / "outlook_contacts.csv"
    save_contacts(store, read_contacts(source), "Outlook")
    with source.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *reversed(rows)])
    reordered = tmp_path / "outlook.csv"
    reordered.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    result = save_contacts(store, read_contacts(reordered), "Outlook")
    assert (result.added, result.unchanged, result.updated) == (0, 27, 0)
    assert store.scalar("SELECT position FROM contacts WHERE full_name = 'Zoe Lambert-Hughes'") \
        == "line 28"  # now last (after the header and 26 one-line rows)


def test_changed_entry_is_updated_and_its_person_refreshed(store, tmp_path):
    copy = tmp_path / "google_contacts.csv"
    shutil.copy(EXPORTS / "google_contacts.csv", copy)
    save_contacts(store, read_contacts(copy), "Google CSV")
    copy.write_bytes(copy.read_bytes().replace(b"Technology Correspondent", b"Technology Editor"))
    result = save_contacts(store, read_contacts(copy), "Google CSV")
    assert (result.added, result.updated, result.unchanged) == (0, 1, 43)
    zoe = person_id_of(store, "Zoë Lambert-Hughes")
    assert store.scalar("SELECT title FROM people WHERE id = ?", [zoe]) == "Technology Editor"
    assert store.scalar("SELECT count(*) FROM contacts") == 44


# ---- failures leave the workspace as it was -----------------------------------------------------


def test_bad_file_leaves_the_workspace_untouched(store, tmp_path):
    import_books(store, "G")
    before = snapshot(store)
    broken = tmp_path / "outlook.csv"
    data = (EXPORTS / "outlook_contacts.csv").read_bytes()
    broken.write_bytes(data[: data.index(b"Prefers embargoed")])
    with pytest.raises(InputError) as error:
        save_contacts(store, read_contacts(broken), "Outlook")
    assert error.value.position == "line 2" and str(broken) in str(error.value)
    assert snapshot(store) == before


def test_a_failure_while_saving_rolls_the_whole_import_back(store):
    import_books(store, "G")
    before = snapshot(store)
    book = read_contacts(BOOKS["O"][1])
    assert len(book.records) == 27
    # An entry the database cannot store, after 26 good ones that were already written.
    book.records.append(ContactRecord(source_format="outlook-csv", position="line 99",
                                      full_name="Bad Entry", notes=object()))
    with pytest.raises(Exception, match="type"):
        save_contacts(store, book, "Outlook")
    assert snapshot(store) == before
