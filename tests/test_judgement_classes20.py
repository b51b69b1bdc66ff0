"""Classes of judgement error fixed in the twentieth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.geo import home_countries, normalize_location
from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_judgement_classes19 import ORGS, employers_of, press
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

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
    bio = "Chaque matin, une revue de presse automatisée des quotidiens de Yaoundé."
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
        bio="Réclamations des usagers: antenne de Bertoua de l'agence de régulation postale.",
    )
    insurers = person(
        "51",
        display_name="Assureurs du Nord",
        bio="Ici parle l'association des sociétés d'assurances du Grand Nord, depuis 1998.",
    )
    world.accounts(regulator, insurers)
    follow_all(world, ["50", "51"], followers=[])
    suggested = world.suggested()
    assert "50" not in suggested and "51" not in suggested


@pytest.mark.parametrize(
    "bio",
    [
        "J'audite la qualité de service des agences bancaires de Maroua.",
        "Nearshore delivery lead, Lisbon. Spanish and French lines.",
    ],
)
def test_service_quality_and_nearshore_work_are_on_contact_centre_topics(bio):
    assert TopicMatcher(["service client"]).terms(bio), bio


# ---- round 71: Mozambican Portuguese, Chichewa, country names and short now-words -------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Diseñadora UX freelance. Ex-Brisa Móvil (equipa da app Telcel Sur).", set()),
        ("Antes 5 anos de vendas na Brisa Móvil; hoje dou aulas de inglês.", set()),
        ("Tidligere Fonix. Nå rådgiver i Tala Contact.", {"competitors"}),  # "nå" as written
        ("Analista de dados na Quebracho BPO. Uso Nodo Cloud todos os dias.", {"competitors"}),
        ("Arquiteta, Nodo Cloud. Implementámos a solução para o Banco Ceibo.", {"suppliers"}),
        ("Lifestyle e viagens ✈️ | Parceira Brisa Móvil 💛", set()),
        ("Vagas Tala Contact 2027! Pague 300 MT de inscrição e garanta a sua vaga.", set()),
        ("Suporte Brisa Móvil: conta bloqueada? Envie o seu PIN por DM.", set()),
    ],
)
def test_asides_of_a_past_job_tools_partners_and_portuguese_scams(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("MZ 24", "Últimas notícias do país, hora a hora. Quem segue, seguimos de volta.", False),
        ("Ferroviário Notícias", "Página de notícias do clube, feita por adeptos ⚽", False),
        ("Rádio Chimoio FM", "Rádio comunitária de Chimoio 📻 notícias, música e desporto", True),
        ("Jorge", 'Editor do "Queixas" no @jornal_do_norte. Não sou porta-voz de ninguém.', True),
        ("Chisomo", "Mtolankhani wa wailesi, Blantyre.", True),
        ("Chisomo", "Mkonzi wa nyuzipepala ya ku Lilongwe.", True),
    ],
)
def test_mozambican_and_chichewa_press_follow_back_pages_and_fans(name, bio, expected):
    assert (press(bio, name=name) is not None) is expected, bio


def test_a_country_named_alone_has_its_cities_read_beside_it():
    assert normalize_location("Moçambique").country == "MZ"
    assert home_countries(["Mozambique", "Beira"]) == {"MZ"}  # not the Portuguese region


def test_a_comms_office_is_on_public_relations_topics():
    topics = TopicMatcher(["relações públicas"])
    assert topics.terms("Gabinete de comunicação da Câmara de Comércio de Tete")


# ---- round 72: Bulgarian press words, defunct outlets, addresses and "never again" -----------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Росица", "Дописничка на „Марица“ за Хасково и Кърджали", True),
        ("Ямбол Днес", "Ямбол и селата около него: информационен сайт от 2012", True),
        ("Сливен Нюз", "Новините на Сливен, денонощно", True),
        ("Илко", "Продуцент, BNT „По света“. Снимаме в Азия.", True),
        ("Ралица", "Прессекретар на Община Русе | за медиите: pr@ruse.example", False),
        ("Петко", "пенсионирана журналистка, 30 г. в „Труд“. Сега пътувам.", False),
        ("СЖ Русе", "Съюз на журналистите, клон Русе. Членство и правна помощ.", False),
        ("Перо 2027", "Годишните журналистически награди за разследване", False),
        ("Пътеки – списание", "архивът на едно бивше списание за пътувания, 2009–2018", False),
    ],
)
def test_bulgarian_press_offices_retirees_unions_and_defunct_titles(name, bio, expected):
    assert (press(bio, name=name) is not None) is expected, bio


def test_a_word_of_a_web_address_is_no_job_and_its_full_stop_ends_the_sentence():
    bio = "пишу про банки у dev.ua. раніше — маркетинг у стартапі, тепер тут"
    found = press_evidence("olena", "Олена", bio, "dev.ua", DEFAULT_LEXICON)
    assert found is not None and found.strong


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("3 години в Tala Contact, никога повече.", set()),
        ("Agent at Brisa Móvil. Before that, 2 years at Tala Contact.", {"customers"}),
        ("Пародиен акаунт за Tala Contact. Смеем се на чакането.", set()),
    ],
)
def test_never_again_ends_a_job_and_a_bulgarian_parody_is_not_the_organisation(
    store, bio, expected
):
    assert employers_of(store, bio) == expected, bio


def test_a_domain_name_is_not_sounded_out_with_its_ending(store):
    orgs = {"suppliers": {"organisations": [{"name": "Samona.io"}]}}
    assert employers(store, "Новини от Шумен и Търговище, всеки ден", orgs) == set()


@pytest.mark.parametrize(
    ("topic", "bio"),
    [
        ("contact center", "правя чатботове за банки и телекоми"),
        ("contact center", "Conversation design for voice assistants, Malmö"),
    ],
)
def test_bots_and_conversation_design_are_on_contact_centre_topics(topic, bio):
    assert TopicMatcher([topic]).terms(bio), bio


# ---- round 73: Malagasy press words, French newsroom slang, clients and denials ---------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Fara", "Mpanao gazety, Mahajanga. Politika sy toekarena.", True),
        ("Tahiry", "Tonian'ny sampana toekarena. Antsirabe.", True),
        ("Solo", "Mpianatra fanaovan-gazety, taona faha-3, Fianarantsoa.", False),
        ("Mamy", "Rédac' chef adjointe à Lagune Hebdo, Mahajanga.", True),
        ("Ony", "Photographe pour Newsmada et d'autres titres.", True),
        ("Le Journal de Route", "Carnet de voyage à vélo, pas un journal d'information.", False),
        ("Prix de la Jeune Journaliste", "Concours annuel; dépôt des dossiers en janvier.", False),
    ],
)
def test_malagasy_press_newsroom_slang_and_what_only_looks_like_an_outlet(name, bio, expected):
    assert (press(bio, name=name) is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Notre standard est opéré par Tala Contact depuis 2022.", set()),
        ("Planificatrice chez Quebracho BPO. Outils : Nodo Cloud et Excel.", {"competitors"}),
        ("Chargé de compte chez Quebracho BPO, je gère le compte Banco Ceibo.", {"competitors"}),
        ("Assistance Banco Ceibo: envoyez identifiant et code secret en DM.", set()),
        ("Distributeur Nodo Cloud pour l'océan Indien: casques et micros.", set()),
        ("Pejy tsy ofisialy an'ny mpanjifa Brisa Móvil.", set()),
        ("Asa vaovao ao amin'ny Tala Contact: alefaso 5 000 Ar hanamarinana.", set()),
    ],
)
def test_operators_tools_accounts_distributors_and_malagasy_fan_and_fee_pages(
    store, bio, expected
):
    assert employers_of(store, bio) == expected, bio


# ---- round 74: Swedish podcasts, members' magazines, past jobs and complaints; Finnish cases ---


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Kassapodden", "Veckans podd om handel och kassalinjer. Oberoende.", True),
        ("Svea Lind", "Frilansskribent: SvD, Dagens Samhälle och andra.", True),
        ("Jonna", "Tidigare kommunikatör. Skriver nyhetsbrevet ”Kön” varje fredag.", True),
        ("Sjöbladet", "Medlemstidning för Båtklubben Väst. Fyra nummer om året.", False),
        ("Maja", "Medietränare; lär chefer att möta journalister.", False),
        ("Nyheter Idag Sverige", "Reporter 📰 Följ tillbaka! Allt gratis.", False),
        ("Hodan", "Bogga taageerayaasha kooxda Hargeysa: natiijooyinka iyo wararka.", False),
    ],
)
def test_swedish_podcasts_newsletters_members_magazines_and_follow_back_pages(name, bio, expected):
    assert (press(bio, name=name) is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Asiakasneuvoja Tala Contactilla Oulussa.", {"competitors"}),
        ("@tala_contact svarade inte på tre veckor. Dålig service.", set()),
        ("Elektriker. Försäkrad hos Brisa Móvil sedan länge.", set()),
    ],
)
def test_finnish_cases_and_swedish_complaints_and_customers(store, bio, expected):
    assert employers_of(store, bio) == expected, bio
