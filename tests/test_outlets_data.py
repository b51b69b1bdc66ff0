"""The outlet gazetteer files: every row valid, no handle or domain claimed by two outlets, and
outlets of the newer markets found by handle, domain and name."""

from __future__ import annotations

import csv
import re

import pytest

from audience.outlets import (
    KINDS,
    OUTLETS_DIR,
    Gazetteer,
    Outlet,
    builtin_gazetteer,
    read_outlets,
)

FILES = sorted(OUTLETS_DIR.glob("*.csv"))
DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
HANDLE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
# Different outlets that really share a name (Público in Madrid and in Lisbon).
HOMONYMS = {"Público"}
COLUMNS = ["name", "kind", "domains", "handles"]


def _rows(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_row_is_valid(path):
    rows = _rows(path)
    assert rows, f"{path.name} is empty"
    assert list(rows[0]) in (COLUMNS, [*COLUMNS, "forms"])
    for number, row in enumerate(rows, start=2):
        where = f"{path.name}, line {number}"
        assert None not in row, f"{where}: too many cells"
        assert row["name"].strip() == row["name"] and row["name"], where
        assert row["kind"] in KINDS and row["kind"] != "learned", where
        domains = [d for d in row["domains"].split(";") if d]
        handles = [h for h in row["handles"].split(";") if h]
        assert domains or handles, f"{where}: neither a domain nor a handle"
        for domain in domains:
            assert DOMAIN.match(domain), f"{where}: {domain!r} is not a domain"
        for handle in handles:
            assert HANDLE.match(handle), f"{where}: {handle!r} is not an X handle"
    assert read_outlets(path)


def test_no_handle_or_domain_names_two_outlets_across_files():
    owners: dict[tuple[str, str], tuple[str, str]] = {}
    clashes = []
    for path in FILES:
        for row in _rows(path):
            keys = [("domain", d.lower()) for d in row["domains"].split(";") if d]
            keys += [("handle", h.lower()) for h in row["handles"].split(";") if h]
            for key in keys:
                seen = owners.setdefault(key, (path.name, row["name"]))
                if seen[0] != path.name and seen[1] != row["name"]:
                    clashes.append((key, seen, (path.name, row["name"])))
    assert not clashes


def test_no_outlet_name_is_listed_twice_across_files():
    where: dict[str, str] = {}
    twice = []
    for path in FILES:
        for row in _rows(path):
            if row["name"] in HOMONYMS:
                continue
            if where.setdefault(row["name"], path.name) != path.name:
                twice.append((row["name"], where[row["name"]], path.name))
    assert not twice


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return builtin_gazetteer()


@pytest.mark.parametrize(
    ("handle", "outlet"),
    [
        ("globeandmail", "The Globe and Mail"),
        ("LeDevoir", "Le Devoir"),
        ("@abcnews", "ABC Australia"),
        ("NDTV", "NDTV"),
        ("Folha", "Folha de S.Paulo"),
        ("straits_times", "The Straits Times"),
        ("nhk_news", "NHK"),
    ],
)
def test_found_by_handle(gazetteer, handle, outlet):
    found = gazetteer.handle(handle)
    assert found is not None and found.name == outlet


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        ("www.theglobeandmail.com", "The Globe and Mail"),
        ("ici.radio-canada.ca", "Radio-Canada"),
        ("www.afr.com", "The Australian Financial Review"),
        ("economictimes.indiatimes.com", "The Economic Times"),
        ("g1.globo.com", "g1"),
        ("www.nzz.ch", "Neue Zürcher Zeitung"),
        ("www.derstandard.at", "Der Standard"),
        ("www.kyivindependent.com", "The Kyiv Independent"),
        # An outlet with a name in its own script answers to that name, not its Latin form.
        ("www.nikkei.com", "日本経済新聞"),
        ("www.youm7.com", "اليوم السابع"),
    ],
)
def test_found_by_domain(gazetteer, host, outlet):
    found = gazetteer.domain(host)
    assert found is not None and found.name == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Reporter, The Globe and Mail", "The Globe and Mail"),
        ("Économie @ Le Devoir", "Le Devoir"),
        ("Tech editor at The Straits Times. Views mine.", "The Straits Times"),
        ("Repórter da Folha de S.Paulo", "Folha de S.Paulo"),
        ("Redakteur bei Der Standard, Wien", "Der Standard"),
        ("Journaliste au Soir, Bruxelles", None),
        ("Journaliste, Le Soir (Bruxelles)", "Le Soir"),
        ("記者 日本経済新聞", "日本経済新聞"),
        ("Muhabir, Hürriyet", "Hürriyet"),
        ("Reporter, Globe and Mail", "Globe and Mail"),
        ("Senior writer, The New Indian Express", "The New Indian Express"),
        ("Senior writer, New Indian Express", "New Indian Express"),
        ("Tech desk @ New Straits Times", "New Straits Times"),
    ],
)
def test_found_by_name(gazetteer, text, outlet):
    found = [o.name for _, o in gazetteer.names_in(text)]
    assert found == ([outlet] if outlet else [])


def test_ordinary_words_are_not_outlet_names(gazetteer):
    bio = "The Age of AI, The Star of the show, Stuff I like, Punch lines, Mint tea, The Hindu"
    found = [o.name for _, o in gazetteer.names_in(bio)]
    assert found == ["The Hindu"]


@pytest.mark.parametrize("handle", ["newsroomhq", "republicans", "forbestech", "nationalist_x"])
def test_other_peoples_handles_are_not_claimed_by_a_prefix(gazetteer, handle):
    assert gazetteer.handle(handle) is None


def test_an_outlet_is_found_by_its_inflected_forms_and_stems():
    gazetteer = Gazetteer(
        (
            Outlet(
                "Pohjan Sanomat",
                "regional",
                ("pohjansanomat.fi",),
                (),
                ("Pohjan Sanomi*", "PS-lehti"),
            ),
        )
    )
    found = [o.name for _, o in gazetteer.names_in("Kirjoitan Pohjan Sanomiin. Ennen PS-lehti.")]
    assert found == ["Pohjan Sanomat", "Pohjan Sanomat"]
    assert gazetteer.name_at("Pohjan Sanomissa", 0).name == "Pohjan Sanomat"
    assert not list(gazetteer.names_in("pohjan sanomissa"))  # case still matters
