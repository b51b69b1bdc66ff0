"""Classes of judgement error fixed in the eighteenth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from tests.test_judgement_classes7 import employers
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "Lipa Trgovina", "aliases": ["Lipa Trgovina d.o.o."]},
            {"name": "Una Prevoz"},
        ]
    },
    "suppliers": {"organisations": [{"name": "Kupola Systems"}, {"name": "Smjena WFM"}]},
    "competitors": {
        "organisations": [
            {"name": "Vrelo Osiguranje"},
            {"name": "Krajina Assist", "aliases": ["Krajina Assist Grupa"]},
        ]
    },
}


def employers_of(store, bio: str) -> set[str]:
    return employers(store, bio, ORGS)


def press(bio: str, name: str = "Edin Hodžić", handle: str = "edin_h"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- round 58: Bosnian, Croatian and Serbian ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Drina Danas", "Portal. Vijesti iz Podrinja."),  # a portal and its news
        ("Potkopavanje", "Istraživački portal iz Mostara. Dojave na mejl."),
        ("Lupa", "Nezavisno novinarstvo, bez reklama."),
        ("Amra K.", "domaćin podcasta Treća smjena 🎙️ | po danu učiteljica"),
        ("Jure", "Producent, TV5 Bihać."),  # a channel's name with its number
        ("Sanja", "Host, Sto na sat podcast 🎧 sport i priče"),  # small words inside the name
        ("Ines", "Host, Coffee with Critics podcast 🎧 films"),
    ],
)
def test_bosnian_portals_podcast_hosts_and_numbered_channels_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Umirovljeni novinar. Trideset godina u Večernjem. Sad ribolov.",  # retired
        "Pišem blog o štednji. Nisam novinar, samo volim brojke.",  # denies it
        "Potpredsjednica Društva novinara Tuzle. Bila sam novinarka 20 godina.",  # a union
        "Trafika kod stanice — novine, duhan, dopune za mobitel.",  # sells newspapers
        "Newsagent on the high street: papers, sweets and lottery tickets.",
    ],
)
def test_retired_journalists_denials_unions_and_newsagents_are_not_press(bio):
    assert press(bio, name="Zlata") is None, bio


def test_a_freelance_contributor_in_german_after_the_outlet_is_press():
    bio = "Die Presse, Graz — Auslandsredaktion. Freie Mitarbeiterin. Südosteuropa."
    assert press(bio, name="Lejla Softić") is not None


def test_on_leave_after_now_does_not_end_the_job():
    assert press("Novinarka, N1 BiH. Trenutno na bolovanju 🤒", name="Alma") is not None


@pytest.mark.parametrize(
    "bio",
    [
        "Vrelo Osiguranje 2009–2024 💙 Hvala, kolege.",  # a closed span of years, then an emoji
        "Prej Vrelo Osiguranje, zdaj zavarovalni agent v Kopru.",  # Slovenian "formerly"
        "Uspoređujemo police: Vrelo Osiguranje, Krajina Assist i drugi. Linkovi su affiliate.",
        "Osvojite 300 KM od Lipa Trgovina! Kliknite na link i upišite podatke kartice.",
        "Marketinška agencija. Radimo s Lipa Trgovinom i Una Prevozom.",  # clients
        "Vozim za Una Prevoz kao podizvođač, kombi je moj.",  # a subcontractor
        "Kadrovska konsultantica. Klijentica: Lipa Trgovina.",
        "Agencija za zastupanje u osiguranju. Zastupamo Vrelo Osiguranje.",
    ],
)
def test_past_jobs_lists_scams_clients_and_subcontractors_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Noću sistem administrator u Kupoli. Danju spavam.", "suppliers"),  # "Kupola", declined
        ("Planer smjena, Smjena. Excel je moj prijatelj.", "suppliers"),  # without "WFM"
    ],
)
def test_a_short_name_takes_a_case_ending_after_a_job(store, bio, segment):
    assert employers_of(store, bio) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Supervizorka kontakt centra u Zenici",
        "Treneri za kontakt centre, Banja Luka",
        "Тим лидер, кол центар, Бијељина",
        "Radim u službi za kupce trgovačkog lanca",
        "Teleperformance, tim za njemačko tržište",
        "CC supervisor, noćna smjena",
    ],
)
def test_the_contact_centre_in_bosnian_croatian_and_serbian_is_on_topic(bio):
    assert TopicMatcher(["contact centre"]).terms(bio), bio


def test_public_relations_in_bosnian_is_on_topic():
    bio = "Predajem odnose s javnošću na fakultetu. Bivša novinarka."
    assert TopicMatcher(["PR"]).terms(bio)


def test_posts_without_a_word_are_no_repeated_pitch(world):
    world.accounts(person("20", bio="Supervisor, contact centre. Private."))
    world.posts("20", ["…", "…", "Shift swap anyone?"])
    follow_all(world, ["20"])
    found = world.suggested(include_below=True)
    assert "repeated-posts" not in found.get("20", [])
