"""Classes of judgement error fixed in the twentieth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "Brisa Móvil", "former_names": ["Telcel Sur"]},
            {"name": "Banco Ceibo"},
        ]
    },
    "suppliers": {
        "organisations": [
            {"name": "Nodo Cloud", "former_names": ["Voxa Sistemas"]},
            {"name": "Fonix"},
        ]
    },
    "competitors": {"organisations": [{"name": "Quebracho BPO"}, {"name": "Tala Contact"}]},
}


def employers_of(store, bio: str) -> set[str]:
    return employers(store, bio, ORGS)


def press(bio: str, name: str = "Aïcha Njoya", handle: str = "aicha_n"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- round 70: Cameroonian French and English: stations, quoted shows, hired pens -------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Lumière Télévision", "Le direct, les débats, le journal de 20h."),
        ("Horizon 3", "Horizon 3 Télévision - Groupe Sahelia. Infos et divertissement."),
        ("DTV", "Delta Television | la chaîne du littoral"),
    ],
)
def test_a_station_by_its_own_name_is_an_outlet(name, bio):
    found = press(bio, name=name)
    assert found is not None and found.is_outlet_account, bio


def test_a_fan_channel_named_like_a_station_is_not_an_outlet():
    assert press("Les vidéos des supporters, chaque match.", name="Kribi Fans TV") is None


def test_a_newspaper_that_covers_people_is_not_a_fans_news_page():
    found = press("Weekly newspaper from Kribi. Courts, sport, people.", name="The Lagoon")
    assert found is not None and found.is_outlet_account


@pytest.mark.parametrize(
    "bio",
    [
        "Productrice « Terre et Marchés » sur CRTV Radio",
        "Réalisateur-présentateur de « Midi Santé » sur CRTV. Santé publique.",
        "Présentatrice « Le Fil Éco » (CRTV) | consultante en semaine",  # », then no move
    ],
)
def test_a_quoted_programme_on_a_known_channel_names_the_outlet(bio):
    assert press(bio), bio


def test_a_bureau_chief_needs_an_outlet():
    assert press("Cheffe du bureau Afrique de l'Ouest, Jeune Afrique. Essais et reportages.")
    assert press("Chef de bureau à la mairie de Bafang. Etat civil.") is None


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Rédacteur web & prête-plume | discours et tribunes pour dirigeants", False),
        ("Copywriter and editor. Words that sell, for brands big and small.", False),
        ("Journaliste indépendant (Cameroon Tribune, 237online) et parfois rédacteur web", True),
    ],
)
def test_a_press_title_beside_a_hired_pen_needs_an_outlet(bio, expected):
    assert (press(bio) is not None) is expected, bio


def test_an_automated_french_press_digest_is_not_press():
    bio = "Revue de presse automatisée chaque matin | Sources: Cameroon Tribune, Le Messager"
    assert press(bio, name="La Revue du Matin") is None


def test_a_photographer_at_a_cameroonian_daily_is_press():
    assert press("Photographe, 237online. Douala en images.")


def test_an_alumni_account_under_a_former_brands_handle_is_not_the_brand(store):
    config = parse_segment_config({"segments": ORGS})
    alumni = {
        "handle": "telcel_sur",
        "display_name": "Ex-Telcel Sur Alumni",
        "bio": "Les anciens du réseau se retrouvent chaque année.",
    }
    owned = {"handle": "telcel_sur", "display_name": "Telcel Sur", "bio": "Compte historique."}
    assert segments_of(store, config, alumni)["telcel_sur"] == set()
    assert segments_of(store, config, owned)["telcel_sur"] == {"customers"}


@pytest.mark.parametrize(
    "bio",
    [
        "Boutique agréée Brisa Móvil à Sangmélima. Recharges, puces, forfaits.",
        "Apprenante Nodo Cloud, promo 2027. Bientôt au plateau!",
        "Banco Ceibo help 24h: give your account number, we call you back.",
    ],
)
def test_shops_learners_and_pin_scams_are_not_the_organisation(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_regulators_users_desk_and_a_trade_association_are_kept(world):
    regulator = person(
        "50",
        display_name="Usagers des Postes",
        bio="Le service des usagers de l'Agence de régulation des postes. Vos réclamations.",
    )
    insurers = person(
        "51",
        display_name="Assureurs du Nord",
        bio="Association des sociétés d'assurances du Nord: formations et séminaires.",
    )
    world.accounts(regulator, insurers)
    follow_all(world, ["50", "51"], followers=[])
    suggested = world.suggested()
    assert "50" not in suggested and "51" not in suggested


@pytest.mark.parametrize(
    "bio",
    [
        "Consultante qualité de service pour les banques, Maroua.",
        "Nearshore delivery lead, Lisbon. Spanish and French lines.",
    ],
)
def test_service_quality_and_nearshore_work_are_on_contact_centre_topics(bio):
    assert TopicMatcher(["service client"]).terms(bio), bio
