"""Reading contact books: format detection, every layout, normalisers and bad input.

Expected values come from tests/fixtures/exports/README.md ("Who appears where") and the
files themselves; merging into people is tested in test_people.py.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audience.errors import InputError
from audience.importers.contacts import ContactBook, read_contacts
from audience.normalize import (
    fold,
    linkedin_profile_url,
    name_key,
    name_keys,
    normalize_email,
    normalize_phone,
    normalize_url,
    org_key,
    org_keys,
    social_from_url,
)

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
ZOE_NOTES = "Covers consumer tech and AI.\nPrefers embargoed releases by email, never DMs."


def by_name(book: ContactBook, full_name: str):
    found = [r for r in book.records if r.full_name == full_name]
    assert len(found) == 1, f"{full_name!r} found {len(found)} times"
    return found[0]


# ---- normalisers ----------------------------------------------------------------------------


def test_fold_transliterates_and_collapses():
    assert fold("  Zoë  O’Sullivan-Hughes ") == "zoe osullivan hughes"
    assert fold("Łukasz Wiśniewski") == "lukasz wisniewski"
    assert fold("王芳") == "wang fang"
    assert fold(None) == ""


def test_name_key_drops_titles_credentials_nicknames_and_appended_cjk():
    assert name_key("Dr. Eleanor Vance-Whitby PhD") == name_key("Eleanor Vance-Whitby")
    assert name_key("Grace Whitcombe, MBA") == "grace whitcombe"
    assert name_key('Luis Ortega "Lucho" Ramírez') == "luis ortega ramirez"
    assert name_key("Mei-Ling Chow 周美玲") == name_key("Mei Ling Chow")
    assert name_key("Niamh O'Sullivan") == name_key("Niamh O’Sullivan")
    assert name_key("Jack Ma") == "jack ma"  # short surnames are not credentials
    assert name_keys("Tobias Grünfeld") & name_keys("Tobias Gruenfeld")


def test_org_key_removes_legal_forms():
    assert org_key("Harbourlight Media Limited") == org_key("Harbourlight Media Ltd")
    assert org_key("Harbourlight Media Ltd") == "harbourlight media"
    assert org_key("Harbourlight Media") == "harbourlight media"
    assert org_key("Yuanshan Data Co., Ltd.") == org_key("Yuanshan Data")
    assert org_key("Kowalski & Synowie Sp. z o.o.") == "kowalski and synowie"
    assert org_key("Fernández Hermanos S.L.") == "fernandez hermanos"
    assert org_key("Nordlys Consulting AS") == "nordlys consulting"
    assert org_key("Andes Outdoor S.A.C.") == "andes outdoor"
    assert org_key("Thornton Ames & Co. LLP") == "thornton ames"
    assert org_key("The Daily Lantern") == "daily lantern"
    assert org_keys("Grünfeld GmbH") & org_keys("Gruenfeld GmbH")
    assert org_key("Ltd") == "ltd"  # never reduced to nothing


def test_normalize_email_and_phone():
    assert normalize_email("Zoe.Lambert@Harbourlight.example") == "zoe.lambert@harbourlight.example"
    assert normalize_email(" mailto:A@b.example ") == "a@b.example"
    assert normalize_email("/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=evw") is None
    assert normalize_email("n/a") is None
    assert normalize_phone("07700 900101") == "+447700900101"
    assert normalize_phone("+1 415 555 0142") == "+14155550142"
    assert normalize_phone("06 39 98 10 05", "FR") == "+33639981005"
    assert normalize_phone("tel:+44-7700-900555") == "+447700900555"
    assert normalize_phone("ext 12") is None


def test_urls_and_social_profiles():
    assert normalize_url("http://www.example.com/about/") == "https://example.com/about"
    assert normalize_url("https\\://fernandez-hermanos.example") == "https://fernandez-hermanos.example"
    assert normalize_url("x-apple:%40priya%40tech.example") is None
    canonical = "https://www.linkedin.com/in/zoe-lambert-hughes-4a7b21"
    for spelling in (
        "http://linkedin.com/in/zoe-lambert-hughes-4a7b21/",
        "https://uk.linkedin.com/in/Zoe-Lambert-Hughes-4a7b21?trk=people",
        "www.linkedin.com/in/zoe-lambert-hughes-4a7b21",
    ):
        assert linkedin_profile_url(spelling) == canonical
    assert social_from_url("https://twitter.com/ZoeLH_writes?lang=en") == ("x", "zoelh_writes")
    assert social_from_url("https://x.com/priya_builds") == ("x", "priya_builds")
    assert social_from_url("https://twitter.com/intent/user?user_id=1") is None
    assert social_from_url("https://bsky.app/profile/kenjiw.bsky.social") == (
        "bluesky", "kenjiw.bsky.social")
    assert social_from_url("https://journa.example/@yara") == ("mastodon", "yara@journa.example")
    assert social_from_url("https://linkedin.com/in/amara-nwosu/") == ("linkedin", "amara-nwosu")
    assert social_from_url("https://example.com/team") is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_keys_are_stable_under_renormalisation(text):
    assert fold(fold(text)) == fold(text)
    assert set(fold(text)) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ")
    assert name_key(name_key(text)) == name_key(text)
    assert org_key(org_key(text)) == org_key(text)
    email = normalize_email(text)
    assert email is None or normalize_email(email) == email
    assert bool(org_key(text)) == bool(fold(text.replace(".", "")))


# ---- Google CSV -----------------------------------------------------------------------------


def test_google_csv_current_layout():
    book = read_contacts(EXPORTS / "google_contacts.csv")
    assert book.format == "google-csv"
    assert len(book.records) == 44 and book.skipped == []
    zoe = by_name(book, "Zoë Lambert-Hughes")  # BOM stripped: "First Name" was found
    assert (zoe.given_name, zoe.family_name, zoe.nickname) == ("Zoë", "Lambert-Hughes", "Zo")
    assert zoe.organisation == "Harbourlight Media Ltd" and zoe.department == "Newsdesk"
    assert zoe.emails == ["zoe.lambert@harbourlight.example", "zoe.lh@example.com"]
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-lambert-hughes-4a7b21"
    assert zoe.social == [("x", "zoelh_writes")]
    assert zoe.labels == ["Press", "starred"]  # "* myContacts" is not a label
    assert zoe.notes == ZOE_NOTES
    assert (zoe.city, zoe.country) == ("Bristol", "United Kingdom")
    assert zoe.position == "line 2"
    # records after a multi-line quoted cell keep their real line numbers
    assert by_name(book, "José Manuel Fernández").position == "line 7"
    assert by_name(book, "Robert Kettleworth").phones == ["+44 7700 900142", "+44 7700 900242"]
    assert by_name(book, "王芳").organisation == "远山数据有限公司"
    priya = by_name(book, "Priya Raghunathan")
    assert len(priya.emails) == 3
    eleanor = by_name(book, "Eleanor Vance-Whitby")
    assert (eleanor.prefix, eleanor.suffix) == ("Dr.", "PhD")


def test_google_csv_company_row_and_email_only_row():
    book = read_contacts(EXPORTS / "google_contacts.csv")
    company = by_name(book, "Harbourlight Media Ltd")
    assert company.is_organisation and company.given_name is None
    assert company.emails == ["newsdesk@harbourlight.example"]
    email_only = [r for r in book.records if r.full_name is None]
    assert [r.emails for r in email_only] == [["events-rsvp@fernandez-hermanos.example"]]
    assert not email_only[0].is_organisation


def test_google_csv_numbered_groups_with_gaps(tmp_path):
    header = ["First Name", "Last Name", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
              "E-mail 2 - Label", "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value",
              "Phone 2 - Label", "Phone 2 - Value", "Address 1 - City", "Address 2 - City",
              "Address 2 - Country", "IM 1 - Label", "IM 1 - Service", "IM 1 - Value"]
    row = ["Yara", "Haddad", "* myContacts", "", "", "Work", "yara.haddad@cedarline.example",
           "", "", "Mobile", "+1 212 555 0120", "", "New York", "United States", "Work",
           "Twitter", "@yarahaddad_news"]
    (yara,) = read_contacts(write_csv(tmp_path / "g.csv", [header, row], "utf-8")).records
    assert yara.emails == ["yara.haddad@cedarline.example"]
    assert yara.phones == ["+1 212 555 0120"]
    assert (yara.city, yara.country) == ("New York", "United States")
    assert yara.social == [("x", "yarahaddad_news")]
    assert yara.labels == []


LEGACY_HEADER = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,"
    "Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,"
    "Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,"
    "Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,"
    "Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,"
    "Website 1 - Value"
)


def legacy_row(**values: str) -> list[str]:
    header = LEGACY_HEADER.split(",")
    return [values.get(column, "") for column in header]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])  # with and without a BOM
def test_google_csv_legacy_utf16(tmp_path, encoding):
    rows = [
        LEGACY_HEADER.split(","),
        legacy_row(**{
            "Name": "Łukasz Wiśniewski-Kowal", "Given Name": "Łukasz",
            "Family Name": "Wiśniewski-Kowal", "Notes": "Met in Gdańsk\nat a conference",
            "Group Membership": "* My Contacts ::: Suppliers",
            "E-mail 1 - Type": "* Work",
            "E-mail 1 - Value": "lukasz@kowalski-synowie.example ::: lukasz.wk@example.net",
            "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+44 7700 900103",
            "Organization 1 - Name": "Kowalski & Synowie Sp. z o.o.",
            "Organization 1 - Title": "CTO",
            "Website 1 - Type": "Profile",
            "Website 1 - Value": "https://www.linkedin.com/in/lukasz-wisniewski-kowal",
        }),
        legacy_row(**{"Name": "", "E-mail 1 - Value": "events-rsvp@fernandez-hermanos.example"}),
    ]
    book = read_contacts(write_csv(tmp_path / "google.csv", rows, encoding))
    assert book.format == "google-csv-legacy"
    lukasz = book.records[0]
    assert lukasz.full_name == "Łukasz Wiśniewski-Kowal"
    assert lukasz.emails == ["lukasz@kowalski-synowie.example", "lukasz.wk@example.net"]
    assert (lukasz.organisation, lukasz.title) == ("Kowalski & Synowie Sp. z o.o.", "CTO")
    assert lukasz.labels == ["Suppliers"]
    assert lukasz.notes == "Met in Gdańsk\nat a conference"
    assert lukasz.linkedin_url == "https://www.linkedin.com/in/lukasz-wisniewski-kowal"
    assert book.records[1].emails == ["events-rsvp@fernandez-hermanos.example"]
    assert book.records[1].position == "line 4"


# ---- Outlook --------------------------------------------------------------------------------


def test_outlook_web_export():
    book = read_contacts(EXPORTS / "outlook_contacts.csv")
    assert book.format == "outlook-csv" and len(book.records) == 27
    zoe = by_name(book, "Zoe Lambert-Hughes")
    assert zoe.emails == ["Zoe.Lambert@Harbourlight.example"]
    assert zoe.organisation == "Harbourlight Media Limited"
    assert zoe.notes == ZOE_NOTES
    eleanor = by_name(book, "Eleanor Vance-Whitby")
    assert (eleanor.prefix, eleanor.suffix, eleanor.title) == (
        "Dr", "Ph.D.", "Professor of Media Studies")
    bram = by_name(book, "Bram van der Meer")
    assert (bram.given_name, bram.middle_name, bram.family_name) == ("Bram", "van der", "Meer")
    assert by_name(book, "Niamh O’Sullivan").phones == ["+44 7700 900204", "+44 7700 900104"]
    tobias = by_name(book, "Tobias Gruenfeld")
    assert tobias.emails == [] and tobias.organisation == "Gruenfeld GmbH"
    priya = by_name(book, "Priya Raghunathan")
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-raghunathan-qf"


CLASSIC_OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business Street 2", "Business Street 3", "Business City",
    "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
    "Home Street 2", "Home Street 3", "Home City", "Home State", "Home Postal Code",
    "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3", "Other City",
    "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone",
    "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
    "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone",
    "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone",
    "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
    "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address",
    "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type",
    "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type", "E-mail 3 Display Name",
    "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
    "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage",
    "Notes", "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority",
    "Private", "Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2",
    "User 3", "User 4", "Web Page",
]


def classic_row(**values: str) -> list[str]:
    defaults = {"Birthday": "0/0/00", "Anniversary": "0/0/00", "Gender": "Unspecified",
                "Priority": "Normal", "Sensitivity": "Normal", "Private": "False"}
    return [values.get(c, defaults.get(c, "")) for c in CLASSIC_OUTLOOK_HEADER]


def test_outlook_classic_92_columns_in_cp1252(tmp_path):
    assert len(CLASSIC_OUTLOOK_HEADER) == 92
    rows = [
        CLASSIC_OUTLOOK_HEADER,
        classic_row(**{
            "Title": "Dr", "First Name": "Eleanor", "Last Name": "Vance-Whitby", "Suffix": "PhD",
            "Company": "Northgate University", "Job Title": "Professor of Media Studies",
            "Business City": "Leeds", "Business Country/Region": "United Kingdom",
            "Mobile Phone": "07700 900109", "Categories": "Press;Academics",
            "E-mail Address": "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=evw",
            "E-mail Type": "EX",
            "E-mail Display Name": "Eleanor Vance-Whitby (e.vance-whitby@northgate.example)",
            "E-mail 2 Address": "eleanor@example.org", "E-mail 2 Type": "SMTP",
            "Notes": "Line one\r\nLine two",
        }),
        classic_row(**{"First Name": "Tobias", "Last Name": "Grünfeld",
                       "Company": "Grünfeld GmbH", "Business Phone": "+44 7700 900106"}),
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "contacts.CSV"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    book = read_contacts(path)
    assert book.format == "outlook-csv"
    eleanor, tobias = book.records
    assert eleanor.full_name == "Eleanor Vance-Whitby" and eleanor.prefix == "Dr"
    assert eleanor.emails == ["e.vance-whitby@northgate.example", "eleanor@example.org"]
    assert eleanor.labels == ["Press", "Academics"]
    assert eleanor.phones == ["07700 900109"]
    assert (eleanor.city, eleanor.country) == ("Leeds", "United Kingdom")
    assert eleanor.notes == "Line one\nLine two"
    assert tobias.full_name == "Tobias Grünfeld" and tobias.organisation == "Grünfeld GmbH"


def test_google_outlook_csv_layout(tmp_path):
    header = ["First Name", "Middle Name", "Last Name", "Title", "Suffix", "Initials",
              "Web Page", "Gender", "Birthday", "Anniversary", "Location", "Language",
              "Internet Free Busy", "Notes", "E-mail Address", "E-mail 2 Address",
              "E-mail 3 Address", "Primary Phone", "Home Phone", "Mobile Phone",
              "Home Address", "Company", "Job Title", "Department", "Categories"]
    row = {"First Name": "Chloé", "Last Name": "Marchetti", "E-mail Address":
           "chloe.marchetti@harbourlight.example", "Mobile Phone": "+44 7700 900113",
           "Home Address": "1 Dock Road\nBristol", "Company": "Harbourlight Media Ltd",
           "Categories": "myContacts;starred;Press",
           "Web Page": "https://twitter.com/chloemarchetti"}
    path = write_csv(tmp_path / "outlook.csv", [header, [row.get(h, "") for h in header]],
                     "utf-8")
    book = read_contacts(path)
    assert book.format == "outlook-csv"
    (chloe,) = book.records
    assert chloe.full_name == "Chloé Marchetti"
    assert chloe.labels == ["starred", "Press"]
    assert chloe.social == [("x", "chloemarchetti")]


def test_semicolon_delimited_german_outlook_with_bom(tmp_path):
    header = ["Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Firma", "Position",
              "Ort geschäftlich", "Land/Region geschäftlich", "Mobiltelefon", "E-Mail-Adresse",
              "Kategorien", "Notizen"]
    rows = [header, ["Herr", "Jürgen", "", "Müller", "Müller & Söhne GmbH", "Einkauf",
                     "Freiburg", "Deutschland", "0170 1234567", "j.mueller@example.de",
                     "Lieferanten", "Zeile 1; mit Semikolon\nZeile 2"]]
    path = write_csv(tmp_path / "kontakte.csv", rows, "utf-8-sig", delimiter=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    book = read_contacts(path)
    assert book.format == "outlook-csv"
    (jurgen,) = book.records
    assert (jurgen.full_name, jurgen.prefix, jurgen.title) == ("Jürgen Müller", "Herr", "Einkauf")
    assert jurgen.organisation == "Müller & Söhne GmbH"
    assert jurgen.emails == ["j.mueller@example.de"]
    assert (jurgen.city, jurgen.country) == ("Freiburg", "Deutschland")
    assert jurgen.notes == "Zeile 1; mit Semikolon\nZeile 2"
    assert jurgen.labels == ["Lieferanten"]


# ---- vCard ----------------------------------------------------------------------------------


def test_apple_vcard_30():
    book = read_contacts(EXPORTS / "contacts_apple.vcf")
    assert book.format == "vcard" and len(book.records) == 29 and book.skipped == []
    zoe = by_name(book, "Zoë Lambert")
    assert zoe.organisation == "Harbourlight Media Ltd" and zoe.department == "Newsdesk"
    assert zoe.emails == ["zoe.lambert@harbourlight.example", "zoe.lh@example.com"]
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-lambert-hughes-4a7b21"
    assert ("x", "zoelh_writes") in zoe.social
    assert zoe.notes == ZOE_NOTES
    assert zoe.position == "vCard 1"
    assert ("mastodon", "amduval@piaille.example") in by_name(
        book, "Anne-Marie Duval-Lefèvre").social
    siobhan = by_name(book, "Siobhán Ní Bhriain")
    assert ("bluesky", "siobhan.dailylantern.example") in siobhan.social  # itemN + X-ABLabel
    assert by_name(book, "Margaux Delacroix").urls == ["https://maison-delacroix.example"]
    wang = by_name(book, "王芳")
    assert (wang.family_name, wang.given_name) == ("王", "芳")
    eleanor = by_name(book, "Dr. Eleanor Vance-Whitby PhD")
    assert (eleanor.prefix, eleanor.given_name, eleanor.suffix) == ("Dr.", "Eleanor", "PhD")
    company = by_name(book, "Harbourlight Media Ltd")  # X-ABShowAs:COMPANY, empty FN
    assert company.is_organisation
    assert company.emails == ["newsdesk@harbourlight.example"]


def test_google_vcard_30():
    book = read_contacts(EXPORTS / "contacts_google.vcf")
    assert book.format == "vcard" and len(book.records) == 43
    tanabe = by_name(book, "田辺浩")
    assert tanabe.social == [("x", "tanabe_h")]
    assert tanabe.linkedin_url == "https://www.linkedin.com/in/hiroshi-tanabe-kagerou"
    assert by_name(book, "Siobhán Ní Bhriain").labels == ["Press"]
    company = by_name(book, "Harbourlight Media Ltd")
    assert company.is_organisation and company.emails == ["newsdesk@harbourlight.example"]
    assert by_name(book, "Robert Kettleworth").nickname == "Bob"


def test_android_vcard_21_quoted_printable():
    book = read_contacts(EXPORTS / "contacts_android_v21.vcf")
    assert book.format == "vcard" and len(book.records) == 28
    zoe = by_name(book, "Zoë Lambert-Hughes")  # QP with CHARSET=UTF-8
    assert (zoe.family_name, zoe.given_name, zoe.nickname) == ("Lambert-Hughes", "Zoë", "Zo")
    assert zoe.organisation == "The Westcountry Chronicle"
    assert zoe.emails == ["zlambert@oldpaper.example"] and zoe.phones == ["07700 900101"]
    # QP soft line breaks joined, and the comma in a 2.1 value kept
    assert zoe.notes == ZOE_NOTES
    jose = by_name(book, "Jose Fernandez")
    assert jose.organisation == "Fernández Hermanos S.L."  # QP value broken over two lines
    assert (jose.city, jose.country) == ("Valencia", "Spain")
    assert by_name(book, "Lukasz Wisniewski").city == "Gdańsk"
    assert by_name(book, "Rafael da Silva Monteiro").middle_name == "da Silva"


def test_vcard_40(tmp_path):
    path = tmp_path / "thunderbird.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Acme Widgets Ltd\r\n"
        "ORG:Acme Widgets Ltd\r\nTEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+44-7700-900555\r\n"
        "EMAIL;PREF=1:hello@acme.example\r\n"
        "SOCIALPROFILE;SERVICE-TYPE=bluesky:https://bsky.app/profile/acme.example\r\n"
        "PHOTO:data:image/jpeg;base64,/9j/4AAQ\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Paredes;Ana Lucía;;;\r\nFN:Ana Lucía Paredes\r\n"
        "EMAIL;TYPE=work:ana.paredes@andesoutdoor.example\r\n"
        "URL:https://mastodon.example/@analucia\r\n"
        "NOTE:Line one\\nLine two\\, with a comma\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    book = read_contacts(path)
    acme, ana = book.records
    assert acme.is_organisation and acme.full_name == "Acme Widgets Ltd"
    assert acme.phones == ["+44-7700-900555"] and acme.social == [("bluesky", "acme.example")]
    assert ana.given_name == "Ana Lucía"
    assert ana.social == [("mastodon", "analucia@mastodon.example")]
    assert ana.notes == "Line one\nLine two, with a comma"
    assert ana.position == "vCard 2"


# ---- LinkedIn -------------------------------------------------------------------------------


def test_linkedin_connections_csv():
    book = read_contacts(EXPORTS / "linkedin" / "Connections.csv")
    assert book.format == "linkedin-connections"
    assert len(book.records) == 40
    assert book.skipped == [("line 32", "no name, organisation or e-mail address")]
    assert sum(1 for r in book.records if r.emails) == 10
    assert all(r.linkedin_url.startswith("https://www.linkedin.com/in/") for r in book.records)
    grace = by_name(book, "Grace Whitcombe")
    assert (grace.family_name, grace.suffix) == ("Whitcombe", "MBA")
    luis = by_name(book, "Luis Ortega Ramírez")
    assert luis.nickname == "Lucho"
    assert by_name(book, "Harriet Okoro-Blake").title == "Talent Partner, EMEA"
    zoe = by_name(book, "Zoë Lambert-Hughes")
    assert zoe.organisation == "Harbourlight Media"
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-lambert-hughes-4a7b21"
    assert by_name(book, "Deepa Krishnamurthy").position == "line 5"  # after the preamble


def test_linkedin_export_zip():
    book = read_contacts(EXPORTS / "linkedin" / "Basic_LinkedInDataExport_03-14-2025.zip")
    assert book.format == "linkedin-connections" and len(book.records) == 40
    assert book.skipped == [("Connections.csv, line 32", "no name, organisation or e-mail address")]
    assert by_name(book, "Mei-Ling Chow 周美玲").emails == ["meiling.chow@jadeharbor.example"]


def test_linkedin_older_and_german_headers(tmp_path):
    old = tmp_path / "old.csv"
    old.write_text("First Name,Last Name,Email Address,Company,Position,Connected On\n"
                   "Amara,Nwosu,amara@lagoonfintech.example,Lagoon Fintech Ltd,CEO,25 Jan 2022\n",
                   encoding="utf-8")
    book = read_contacts(old)
    assert book.format == "linkedin-connections"
    assert book.records[0].emails == ["amara@lagoonfintech.example"]
    german = tmp_path / "Verbindungen.csv"
    german.write_text("Vorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am\n"
                      "Tobias,Grünfeld,https://www.linkedin.com/in/tobias-gruenfeld,,"
                      "Grünfeld GmbH,Geschäftsführer,23 Sep 2020\n", encoding="utf-8")
    (tobias,) = read_contacts(german).records
    assert (tobias.full_name, tobias.organisation) == ("Tobias Grünfeld", "Grünfeld GmbH")
    assert tobias.linkedin_url == "https://www.linkedin.com/in/tobias-gruenfeld"


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_entries_escaping_the_archive_are_refused(tmp_path):
    connections = (EXPORTS / "linkedin" / "Connections.csv").read_bytes()
    path = make_zip(tmp_path / "export.zip",
                    {"Connections.csv": connections, "../../etc/cron.d/evil": b"x"})
    with pytest.raises(InputError) as error:
        read_contacts(path)
    assert "escapes the archive" in str(error.value) and str(path) in str(error.value)


def test_zip_bomb_and_missing_connections_are_refused(tmp_path):
    bomb = make_zip(tmp_path / "bomb.zip", {"export/Connections.csv": b"a" * 3_000_000})
    with pytest.raises(InputError, match="too large"):
        read_contacts(bomb)
    other = make_zip(tmp_path / "other.zip", {"Profile.csv": b"First Name\nRobin\n"})
    with pytest.raises(InputError, match="no Connections.csv"):
        read_contacts(other)


def test_connections_found_in_a_subfolder_case_insensitively(tmp_path):
    connections = (EXPORTS / "linkedin" / "Connections.csv").read_bytes()
    path = make_zip(tmp_path / "Complete.zip", {"Complete_Export/connections.CSV": connections})
    assert len(read_contacts(path).records) == 40


# ---- generic CSV ----------------------------------------------------------------------------


def test_generic_csv_guesses_common_headers(tmp_path):
    path = write_csv(tmp_path / "crm.csv", [
        ["Full Name", "Work Email", "Employer", "Mobile", "Twitter", "LinkedIn"],
        ["Noor Al-Rashid", "noor@sandglass.example", "Sandglass Analytics LLC",
         "+1 202 555 0122", "@noor_alrashid", "linkedin.com/in/noor-al-rashid"],
    ], "utf-8")
    book = read_contacts(path)
    assert book.format == "generic-csv"
    (noor,) = book.records
    assert noor.full_name == "Noor Al-Rashid" and noor.organisation == "Sandglass Analytics LLC"
    assert noor.emails == ["noor@sandglass.example"] and noor.phones == ["+1 202 555 0122"]
    assert noor.social == [("x", "noor_alrashid")]
    assert noor.linkedin_url == "https://www.linkedin.com/in/noor-al-rashid"


def test_generic_csv_with_column_mapping(tmp_path):
    path = write_csv(tmp_path / "list.tsv", [
        ["Contact", "Mail", "Org", "Handle"],
        ["Emeka Obi", "emeka@kolanut.example", "Kolanut Studios", "emekaobi_studio"],
        ["", "", "", "orphan"],
    ], "utf-8", delimiter="\t")
    mapping = {"full_name": "Contact", "email": "Mail", "Org": "organisation", "x": "handle"}
    book = read_contacts(path, mapping=mapping)
    assert book.format == "generic-csv"
    (emeka,) = book.records
    assert emeka.emails == ["emeka@kolanut.example"] and emeka.organisation == "Kolanut Studios"
    assert emeka.social == [("x", "emekaobi_studio")]
    assert book.skipped == [("line 3", "no name, organisation or e-mail address")]
    with pytest.raises(InputError, match="no column named 'Email'") as error:
        read_contacts(path, mapping={"emails": "Email"})
    assert error.value.position == "line 1"
    with pytest.raises(InputError, match="no such field"):
        read_contacts(path, mapping={"shoe_size": "Contact"})


def test_generic_csv_without_names_or_emails_asks_for_a_mapping(tmp_path):
    path = write_csv(tmp_path / "odd.csv", [["Colour", "Size"], ["red", "9"]], "utf-8")
    with pytest.raises(InputError, match="column mapping"):
        read_contacts(path)


# ---- bad input ------------------------------------------------------------------------------


def test_truncated_csv_names_file_and_line(tmp_path):
    data = (EXPORTS / "google_contacts.csv").read_bytes()
    cut = data.index(b"Prefers embargoed")  # inside Zoë's quoted, multi-line Notes
    path = tmp_path / "google_contacts.csv"
    path.write_bytes(data[:cut])
    with pytest.raises(InputError) as error:
        read_contacts(path)
    assert error.value.path == str(path) and error.value.position == "line 2"
    assert str(path) in str(error.value) and "line 2" in str(error.value)


def test_row_with_wrong_field_count_is_an_error(tmp_path):
    lines = (EXPORTS / "outlook_contacts.csv").read_bytes().split(b"\r\n")
    assert lines[3].startswith(b"Jose Manuel,")
    lines[3] += b",surplus"
    path = tmp_path / "outlook.csv"
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(InputError, match="62 fields where the header has 61") as error:
        read_contacts(path)
    assert error.value.position == "line 4"


def test_garbage_and_empty_files(tmp_path):
    garbage = tmp_path / "contacts.csv"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary data") as error:
        read_contacts(garbage)
    assert error.value.position == "line 3"  # the first NUL byte, after two line breaks
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"\r\n")
    with pytest.raises(InputError, match="empty"):
        read_contacts(empty)
    with pytest.raises(InputError, match="cannot read"):
        read_contacts(tmp_path / "missing.csv")
    prose = tmp_path / "notes.txt"
    prose.write_text("just some notes\nnothing tabular\n", encoding="utf-8")
    with pytest.raises(InputError, match="no header row"):
        read_contacts(prose)


def test_truncated_vcard_names_the_card(tmp_path):
    data = (EXPORTS / "contacts_apple.vcf").read_bytes()
    cut = data.index(b"FN:Niamh")
    path = tmp_path / "apple.vcf"
    path.write_bytes(data[:cut])
    with pytest.raises(InputError, match="no END:VCARD") as error:
        read_contacts(path)
    assert error.value.position.startswith("vCard 5, line ")


def test_vcard_with_junk_line_names_card_and_line(tmp_path):
    path = tmp_path / "broken.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok Person\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line is junk\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_contacts(path)
    assert error.value.position == "vCard 2, line 8"
    stray = tmp_path / "stray.vcf"
    stray.write_text("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nhello\r\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside a vCard") as error:
        read_contacts(stray)
    assert error.value.position == "line 4"
