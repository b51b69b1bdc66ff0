"""Classes of judgement error fixed in the twenty-fourth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.geo import matches_region, normalize_location
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_judgement_classes19 import ORGS, employers_of, press
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

# ---- round 91: Guatemalan Spanish, taglines, stations, training, pictographs -------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("La Ribera", "Periodismo independiente desde Tegucigalpa", True),  # a tagline
        ("La Lupa", "Jornalismo de dados feito em Luanda. Reportagens e podcast.", True),
        ("Ojo Vivo", "Periodismo ciudadano sin filtro", False),  # no place, no community named
        ("Inés Olivera", "Periodismo y comunicación, UNAH", False),  # a field of study
        ("Vida de turno", "Mi blog personal: mis turnos, no un medio, mi diario.", False),
        ("Nuits d'appels", "Blog personnel sur mes nuits au plateau. Pas un média.", False),
    ],
)
def test_the_field_opening_an_accounts_tagline_and_a_personal_blog(name, bio, expected):
    found = press(bio, name=name)
    assert (found is not None and found.is_outlet_account) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Productora de Emisoras Ribereñas", "press"),  # a station's name opens on its kind
        ("Periodista de formación, consultora de PR para bancos", None),
        ("Journalist by training, PR consultant for fintechs.", None),
        ("Jornalista de formação, consultora de PR para startups", None),
        ("Journalist by training. Host of the podcast Queue Talk.", "press"),  # the podcast is
        ("Reporter. Ex-Harbour Post, now at the Daily Lantern.", "press"),  # the title moved
        ("Reporter at the Harbour Post for 12 years. Now at Banco Ceibo.", None),
    ],
)
def test_stations_titles_by_training_and_a_title_that_moved(bio, expected):
    assert (press(bio) and "press") == expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Cartoonist, The Guardian. Not a parody account, the drawings are real.", "press"),
        ("Dessinatrice au @lemondefr. Pas de la satire, du dessin de presse.", "press"),
        ("Chroniqueuse satirique ? Non. Une chronique chaque lundi, @lemondefr.", "press"),
        ("Parody account. Not the real Harbour Post.", None),
    ],
)
def test_a_denied_parody_marker_is_no_parody(bio, expected):
    assert (press(bio) and "press") == expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Ejecutiva de cuentas 📶 Fonix", {"suppliers"}),  # a pictograph between job and name
        ("Supervisora en Quebracho 📞 turnos de noche", {"competitors"}),  # ends the clause
        ("Fan del quebracho 🌳 Quebracho en flor", set()),  # no job before it
        ("Analista de datos corporativos Fonix", {"suppliers"}),  # a two-word department
        ("Fundador de Fonix (vendida a Nodo Cloud en 2021). Hoy inversor.", set()),
        ("Founder, Fonix (sold to Nodo Cloud in 2021). Angel investor now.", set()),
        ("Voluntaria en Banco Ceibo los sábados. Maestra.", set()),
        ("Volunteer at Tala Contact's food drive. Nurse.", set()),
        ("Telefonía en El Salvador | sin relación con Brisa Móvil", set()),
    ],
)
def test_pictographs_departments_sales_volunteers_and_namesakes(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Firma de contadores | MGS & Asociados | Xela", set()),  # "& Partners": another firm
        ("Supervisor de turno | MGS | Xela", {"competitors"}),
    ],
)
def test_an_acronym_and_partners_is_another_firm(store, bio, expected):
    mora = {"name": "Mora Global Services", "aliases": ["MGS"]}
    orgs = {"competitors": {"organisations": [mora]}}
    assert employers(store, bio, orgs) == expected, bio


# ---- round 92: Mauritian Kreol and French, the Indian Ocean's outlets --------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Zournalis, Le Mauricien", "press"),
        ("Commentatrice, MBC. Football et athlétisme.", "press"),
        ("Ansien zournalis. Aster responsab kominikasion dan enn lopital.", None),
        ("Etidian zournalism. Mo rev: vinn reporter.", None),
        ("Klib radio amater. Pa enn radio komersial.", None),
        ("Journal gratuit distribué chaque matin à Curepipe.", "press"),
        ("Professeure d'histoire. Chroniqueuse invitée dans un quotidien.", None),
    ],
)
def test_kreol_morisien_and_mauritian_outlets(bio, expected):
    assert (press(bio, name="Kesav Ramful") and "press") == expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Animatrice radio. Voix des pubs Brisa Móvil depuis 2021.", set()),  # a client
        ("Ambassador (paid) for Banco Ceibo | lifestyle", set()),
        ("Agent Fonix à Tana ? Non : agent Fonix Immobilier.", set()),
        ("Sef servis klian Banco Ceibo. Nou reponn 7/7.", {"customers"}),
    ],
)
def test_clients_answers_and_kreol_staff(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


def test_an_account_named_as_the_brand_and_grown_like_spam_is_an_impostor(store):
    config = parse_segment_config({"segments": ORGS})
    counts = {"followers_count": 40, "following_count": 2600}
    impostor = {
        "handle": "ceibo_ayuda_24",
        "display_name": "Banco Ceibo Soporte ✔️",
        "bio": "Atención 24/7. Escribinos al WhatsApp.",
        **counts,
    }
    staff = {  # a person following many is still staff
        "handle": "lu_rios",
        "display_name": "Lucía Ríos | Banco Ceibo",
        "bio": "Ejecutiva de cuentas.",
        **counts,
    }
    found = segments_of(store, config, impostor, staff)
    assert found == {"ceibo_ayuda_24": set(), "lu_rios": {"customers"}}


@pytest.mark.parametrize(
    ("location", "expected"),
    [("Paris", False), ("Dallas", False), ("Phoenix, AZ", True), ("Curepipe", True)],
)
def test_a_foreign_city_beside_home_countries_is_home_as_a_city(location, expected):
    home = ["Mauritius", "Port Louis", "Curepipe", "Phoenix"]  # a town, and Phoenix, Arizona
    assert matches_region(normalize_location(location), home) is expected, location


# ---- round 93: Moldovan Romanian and Russian, outlets' names, students at work -----------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Jurnalist freelance — scriu pentru Deschide.md și Agora.md", "press"),  # not "agora"
        ("Emisiune de investigații, marți la 21:00", "press"),
        ("ведущий новостей «Северный канал»", "press"),
        ("ONG: cursuri pentru jurnaliști și granturi", None),  # journalists are its public
        ("Editor-in-chief of my own cat's adventures", None),
    ],
)
def test_romanian_and_russian_press_words_and_a_site_named_now(bio, expected):
    assert (press(bio) and "press") == expected, bio


def test_romanian_media_tagline_opening_an_outlets_bio():
    found = press("Media despre oameni și sate din Moldova. Reportaje.", name="Drumuri")
    assert found is not None and found.is_outlet_account


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Estudiante USAC & agente a medio tiempo en Tala Contact", {"competitors"}),
        ("3rd year comms @ Tala Contact", set()),  # the field of study, no job
        ("Fonix network ops | views mine", {"suppliers"}),  # a team after the name
        ("vindem telefoane și abonamente (Brisa Móvil și alții)", set()),  # a dealer
        ("campanie civică (nu suntem Brisa Móvil)", set()),
        ("cercetător, USM | colaborare cu Nodo Cloud", set()),  # a collaborator
        ("podcast fintech 🎙 episod cu Banco Ceibo", set()),  # a guest on a show
    ],
)
def test_students_at_work_dealers_disclaimers_and_guests(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- rounds 95 and 96: Uganda and Laos --------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Lacoc lok ki Rupiny | parliament",  # Acholi: a writer of news
        "Omuweereza w'amawulire, CBS FM",  # Luganda: a news presenter
        "ຜູ້ປະກາດຂ່າວ 📰 ວຽງຈັນ",  # Lao: a news announcer
        "Presenter | Vientiane Times | economy",  # a Lao outlet
    ],
)
def test_acholi_luganda_and_lao_press_titles_and_outlets(bio):
    assert press(bio), bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Proud member of the Banco Ceibo family 💙 Digital lead", {"customers"}),
        ("Member of the Banco Ceibo loyalty club", set()),  # a member is a customer
        ("ເຮັດວຽກຢູ່ Fonix 💼 Site Director", {"suppliers"}),  # Lao: works at
    ],
)
def test_the_family_of_staff_and_lao_work_at(store, bio, expected):
    assert employers_of(store, bio) == expected, bio
