"""Classes of judgement error fixed in the twenty-third session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from tests.test_judgement_classes19 import employers_of, press

# ---- round 85: Danish careers, comms jobs, local media and compounds ---------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Teamleder i Tala Contact. Tidl. supporter hos Fonix.", {"competitors"}),  # formerly
        ("Salgschef @fonix. Før 6 år i Banco Ceibo. Cykler.", {"suppliers"}),  # before: 6 years
        ("Planlægning, data, BI. Tidl. Quebracho BPO.", set()),  # "BI." ends the sentence
        ("Product lead, Nodo Cloud. Roadmaps, APIs, UX. Prev. Tala Contact.", {"suppliers"}),
        ("Freelance udvikler. Pt. på kontrakt hos Banco Ceibo.", set()),  # a client
        ("Kapitalfond. Portefølje: Fonix, Nodo Cloud og 12 andre.", set()),  # an investor
        ("Chatbot-ansvarlig | Brisa Móvil-teamet | Odense", {"customers"}),  # "the team"
        ("Fonix-kunde i 9 år og snart ikke mere", set()),  # a customer of theirs
    ],
)
def test_danish_leavers_abbreviations_clients_investors_and_teams(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Vest Nu", "Vestegnens digitale lokalmedie. Kommunalpolitik og kultur.", True),
        ("Tirsdag Tanker", "Uafhængigt mediehus med analyser af arbejdsliv.", True),
        ("Sydhavn Kanal", "Danmarks medie om havne, skibe og søfart.", True),
        ("Bent Holm", "Pens. redaktør. 30 år på regionalavisen. Nu haven.", False),
        ("Mette Dam", "Kommunikationschef, Region Sjælland. Tidl. journalist.", False),
        ("Ole Friis", "Omdeler af ugeavisen og lidt fotograf for sjov", False),
        ("Ann Lee", "Hobby photographer and paper round for the Valley Weekly", False),
    ],
)
def test_danish_media_houses_and_not_press_retirees_comms_and_hobbies(name, bio, expected):
    assert (press(bio, name=name, handle="vest_lokal") is not None) is expected, bio


def test_nordic_comms_words_are_on_public_relations_topics():
    topics = TopicMatcher(["kommunikation"])
    assert topics.terms("Netværk for kommunikatører i hele landet")
    assert topics.terms("Kommunikationsforeningens årsmøde")
