"""Classes of judgement error fixed in the twenty-first session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.geo import home_countries, names_a_country, normalize_location
from audience.prune import Rules, review
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_judgement_classes19 import ORGS, employers_of, press
from tests.test_prune import NOW, follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

# ---- round 75: Lebanese Arabic, French, English and Armenian ------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "محرّرة في جريدة النهار، ملف الاقتصاد",  # a shadda on the title
        "مـراسـل قناة المنار في الجنوب",  # a title stretched with tatweels
        "مُراسِلة من بيروت، أغطي الانتخابات",  # every vowel written
    ],
)
def test_arabic_titles_with_vowel_signs_or_tatweels_are_read(bio):
    assert press(bio, name="ريم"), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("صدى الجبل", "موقع صدى الجبل الإخباري، من عاليه"),
        ("الضفة", "شبكة الضفة الإخبارية - تغطية مباشرة"),
    ],
)
def test_an_arabic_outlet_calls_itself_by_its_name_between_noun_and_adjective(name, bio):
    found = press(bio, name=name)
    assert found is not None and found.is_outlet_account, bio


def test_a_word_inside_an_email_address_is_no_person_speaking():
    bio = "Design, food & travel from Jounieh. Print and online. Contact: team@cedarmag.me"
    found = press(bio, name="Cedar Magazine", handle="cedarmag")
    assert found is not None and found.is_outlet_account


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("نقابة الصحفيين", "نقابة الصحفيين في الشمال - الصفحة الرسمية", False),
        ("جاد", "حلمي أن أكون مراسل حربي يوماً ما. سنة ثانية في الكسليك", False),
        ("Phos", "Greek daily of Alexandria since 1920", True),
        ("Aghbiur TV Աղբյուր", "Community web TV for Anjar's Armenians. Լուրեր եւ զրույցներ", True),
        ("Cedar Savings", "Rates, openings and official news from a cooperative bank", False),
    ],
)
def test_lebanese_unions_students_dailies_glossed_stations_and_bank_news(name, bio, expected):
    assert (press(bio, name=name) is not None) is expected, bio


ORGS_MENA = {
    "competitors": {"organisations": [{"name": "Mena Connect", "former_names": ["Mena Call"]}]},
    "suppliers": {"organisations": [{"name": "Nodo Cloud"}, {"name": "Fonix"}]},
}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("أخبار عاجلة من كل مكان في لبنان", set()),  # "from every": two words of two letters
        ("مشرف جودة في مينا كونكت، طرابلس", {"competitors"}),  # the name written in Arabic
        ("وكيل معتمد لـ Nodo Cloud في صيدا، سماعات ومستلزمات", set()),  # a dealer
        ("Head of CX, Lanterna Foods. Our Spanish helpline is run by Fonix.", set()),  # a client
        ("Left Mena Connect last week ✌️ open to work", set()),
        ("Works in telecoms (not at Mena Connect, before you ask)", set()),
    ],
)
def test_short_arabic_words_dealers_clients_leavers_and_denials(store, bio, expected):
    assert employers(store, bio, ORGS_MENA) == expected, bio


def test_a_clients_posts_about_our_team_at_the_outsourcer_do_not_make_them_staff(store):
    config = parse_segment_config({"segments": ORGS})
    client = {"handle": "c1", "bio": "CX director, Lanterna Foods. Our night desk is run by Fonix."}
    agent = {"handle": "a1", "bio": "Team lead, nights. Coffee first."}
    posts = {"c1": ["Visiting our Fonix team in Tripoli today"], "a1": ["Our Fonix team won!"]}
    found = segments_of(store, config, client, agent, posts=posts)
    assert found["c1"] == set()
    assert found["a1"] == {"suppliers"}


def test_a_city_two_countries_share_is_read_in_the_country_beside_it():
    assert normalize_location("Tripoli, Lebanon").country == "LB"
    assert normalize_location("Tripoli, Liban").country == "LB"
    assert home_countries(["Lebanon", "Tripoli", "Mount Lebanon"]) == {"LB"}
    assert names_a_country("Tripoli, Libya") and not names_a_country("Tripoli")
    assert not names_a_country("Beira")  # a region of Portugal as well as Mozambique's city


def test_a_location_that_names_another_country_is_outside_home_though_the_city_is_shared(world):
    rules = Rules(keywords=["contact centre"], home_regions=["Lebanon", "Tripoli"])
    world.accounts(
        person("10", bio="Keen runner and home cook.", location="Tripoli, Libya"),
        person("11", bio="Keen runner and home cook.", location="Tripoli"),
    )
    follow_all(world, ["10", "11"], followers=["10", "11"])
    reasons = reason_codes(world, rules)
    assert "outside-region" in reasons.get(world.ids["10"], set())
    assert "outside-region" not in reasons.get(world.ids["11"], set())


def reason_codes(world, rules: Rules) -> dict[int, set[str]]:
    """Every reviewed account's reason codes, suggested or near miss."""
    found = review(world.store, rules, "x", NOW, margin=1.0)
    reasons = {s.account_id: {r.code for r in s.reasons} for s in found.near_misses}
    reasons.update({s.account_id: {r.code for r in s.reasons} for s in found.suggestions})
    return reasons


def test_employers_of_the_usual_organisations_are_unchanged_by_the_denial(store):
    assert employers_of(store, "Agent at Banco Ceibo, not at home much") == {"customers"}


# ---- round 76: Lithuanian and Belarusian ---------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Reporterė, Lietuvos rytas. Teismai ir kriminalai", True),  # "-is/-ė": not a plural
        ("Reporteris. Sportas ir krepšinis Kaune", True),
        ("Радыё-рэпарцёр, пішу пра эканоміку", True),  # Belarusian
        ("Былая карэспандэнтка, цяпер выкладчыца ў Вільні", False),
        ("Redaktorius pensininkas. Dabar tik žvejyba", False),
    ],
)
def test_lithuanian_singular_titles_belarusian_and_a_lithuanian_retiree(bio, expected):
    assert (press(bio) is not None) is expected, bio


ORGS_LT = {"suppliers": {"organisations": [{"name": "Gervė Cloud", "aliases": ["Gervė"]}]}}


def test_a_display_name_glossed_with_another_kind_is_not_the_organisation(store):
    config = parse_segment_config({"segments": ORGS_LT})
    band = {"handle": "gerve_band", "display_name": "Gervė (grupė)", "bio": "Roko grupė"}
    brand = {"handle": "gerve_lt", "display_name": "Gervė (Vilnius)", "bio": "Kontaktų centrai"}
    found = segments_of(store, config, band, brand)
    assert found == {"gerve_band": set(), "gerve_lt": {"suppliers"}}


def test_a_consultant_who_helps_firms_put_in_a_product_is_not_its_staff(store):
    bio = "CX konsultantė. Padedu bankams įdiegti Gervė Cloud. Klientai: telekomai."
    assert employers(store, bio, ORGS_LT) == set()


# ---- round 77: Croatian, Slovene and German beside them -----------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Mreža", "Poduzetništvo i tehnologija u Dalmaciji — newsletter svaki četvrtak", True),
        ("Iva Perić", '"Novinarka" 🙂 zapravo copywriting za hotele na Hvaru', False),
        ("Ivo Babić", "Pišem newsletter o marketingu. Inače vlasnik male PR agencije.", False),
    ],
)
def test_croatian_rhythms_scare_quotes_and_a_pr_agency_owners_newsletter(name, bio, expected):
    assert (press(bio, name=name) is not None) is expected, bio


@pytest.mark.parametrize(
    "bio",
    [
        "I dalje imam Brisa Móvil tarifu od 2015, ne mijenjam",  # a subscriber
        "Koristim Nodo Cloud svaki dan na poslu u trgovini",  # a user of the product
        "Savjetovanje. Pomogli smo brendovima poput Banco Ceibo",  # clients
        "Podcast o korisničkoj službi. Sponzor: Fonix",  # a sponsor
        "Brisa Móvil ambasadorica | moda i putovanja",  # a paid ambassador
        "Regionalni menadžer prodaje, partneri: Nodo Cloud",  # a partner
        "Grafička dizajnerica, radila za Banco Ceibo (projekt)",  # a past project
        "Konzultantica u agenciji, vodim račun Banco Ceibo",  # an agency's client
        "¿Banco Ceibo? No, Banco del Sur. Cajera en Salto",  # asked about and denied
        "Versicherung in Split. Kundenservice durch Fonix.",  # a client, in German
        "Garden centre in Galway. Customer service by Fonix.",
    ],
)
def test_subscribers_users_sponsors_ambassadors_partners_and_agencies_are_not_staff(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_croatian_pin_request_is_a_scam(world):
    world.accounts(person("10", bio="Podrška korisnicima 24/7. Pošaljite PIN u DM, rješavamo."))
    follow_all(world, ["10"], followers=["10"])
    assert "scam" in world.suggested(include_below=True).get("10", [])


# ---- round 78: Colombian Spanish --------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Mantenimiento de redes: contratistas de obra civil para Banco Ceibo y otros",
        "Desarrolladora Kotlin. Proyecto actual: app de Brisa Móvil (vía una consultora)",
        "Red de exempleados de Tala Contact: reencuentros y vacantes",
    ],
)
def test_contractors_current_projects_and_former_staff_networks_are_not_staff(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_journalist_looking_for_new_challenges_names_no_job():
    assert press("Periodista 🎙️ buscando nuevos retos. Ex @ElSurDiario, disponible") is None


def test_an_award_won_is_no_bait_but_a_prize_to_claim_is(world):
    world.accounts(
        person("10", bio="Atención al cliente tercerizada en Cali desde 2001"),
        person("11", bio="Atención al cliente tercerizada en Cali desde 2001"),
        person("12", bio="Centro de contacto em Lisboa"),
    )
    follow_all(world, ["10", "11", "12"], followers=[])
    world.posts("10", ["Premio a la excelencia en servicio 2026 para nuestro equipo"])
    world.posts("11", ["Ganaste un premio 🎁 escríbenos tus datos"])
    world.posts("12", ["Prémio Excelência no Atendimento 2026"])
    found = world.suggested(include_below=True)
    assert "scam" not in found.get("10", []) and "scam" not in found.get("12", [])
    assert "scam" in found["11"]
