"""Classes of judgement error fixed in the eighth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.roles import DEFAULT_LEXICON, press_evidence
from tests.test_judgement_classes7 import employers
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {"organisations": [{"name": "Velora Trasporti", "aliases": ["VLT"]}]},
    "competitors": {"organisations": [{"name": "Orbis Mobilité", "aliases": ["ORM"]}]},
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- employer vs mention: titles that also head a newsroom -------------------------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Direttrice manutenzione VLT. Profilo personale.", "customers"),  # Italian, department
        ("Direttore VLT", "customers"),  # the bare title
        ("Directrice réseau ORM, Grenoble.", "competitors"),  # French
        ("Ingénieure maintenance ORM. Avis personnels.", "competitors"),  # a French job title
        ("Presidente VLT. Treni e territorio.", "customers"),
    ],
)
def test_a_director_title_before_an_acronym_names_the_employer(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Ex direttore VLT, oggi in pensione.",  # past
        "Direttore del mio destino. Viaggio spesso con VLT.",  # a passenger
    ],
)
def test_a_director_title_does_not_make_a_passenger_or_a_former_director_staff(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Direttore responsabile de Il Corriere di Pordenone. Cronaca e territorio.",
        "Directrice de la rédaction, Le Journal du Vercors.",
    ],
)
def test_a_newsroom_director_is_still_press(bio):
    assert press(bio), bio


# ---- press: a station and the hour a show is on ------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Lenaneo la mantsiboa, Kgalagadi Community FM. Mantaga 19:00.",  # Setswana
        "Apresento o Tarde Aberta na Rádio Serrana, 14h-16h.",  # Portuguese
        "Lindiwe. Ubuntu Coast FM, weekdays 6-9am ☕",  # no role word at all
        "Emisiunea de dimineață, Radio Bistrița, 07:30",  # Romanian
    ],
)
def test_a_station_and_the_hour_a_show_is_on_name_its_presenter(bio):
    assert press(bio, name="Lindiwe Khumalo"), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Open 08:00-17:00. Proud sponsor of Ubuntu Coast FM.",  # opening hours, then a sponsorship
        "Broadcast engineer at Ubuntu Coast FM. Night shift 22:00.",  # another job at the station
        "Former presenter, Ubuntu Coast FM 6-9am. Now selling houses.",  # the past
    ],
)
def test_hours_beside_a_station_are_no_presenter_for_a_shop_an_engineer_or_a_former_host(bio):
    assert not press(bio, name="Lindiwe Khumalo"), bio


# ---- press: Nigerian and East African languages, Brazilian titles ----------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Akọ̀ròyìn fún ìwé ìròyìn ìpínlẹ̀. Òṣèlú àti ọrọ̀ ajé.",  # Yoruba: reporter
        "'Yar jarida ce a Kaduna. Lafiya da ilimi.",  # Hausa: journalist (f)
        "Onye nta akụkọ, Owerri. Akụkọ gbasara ahịa.",  # Igbo: journalist
        "I dey report for Ikeja Evening Mail, na business desk.",  # Nigerian Pidgin: verb phrase
        "Mwanahabari wa kujitegemea, Mombasa. Bandari na biashara.",  # Swahili: journalist
        "Radialista, manhãs na Rádio Vale do Sinos.",  # Brazilian Portuguese: radio broadcaster
    ],
)
def test_role_words_of_more_languages_are_press(bio):
    assert press(bio, name="Ngozi Okafor"), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Tsohon dan jarida, yanzu manomi a Zaria.",  # Hausa: a former journalist, now a farmer
        "Msemaji wa kampuni ya maji. Zamani mwandishi wa habari.",  # Swahili: a spokesperson
    ],
)
def test_former_journalists_and_spokespeople_in_those_languages_are_not_press(bio):
    assert not press(bio, name="Ngozi Okafor"), bio
