"""Classes of judgement error fixed in the twenty-sixth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import Rules
from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_judgement_classes19 import employers_of, press
from tests.test_judgement_classes21 import reason_codes
from tests.test_judgement_classes25 import outside_region
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

# Two competitors whose names end in a generic word, one of them a town, one with its handle.
TOWN_ORGS = {
    "competitors": {
        "organisations": [
            {"name": "Granada BPO"},
            {"name": "Stork BPO", "handles": ["@stork_bpo"]},
        ]
    }
}


# ---- rounds 107 and 108: Malawi and Nicaragua ---------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Zapatos de cuero hechos en Granada 👞", set()),  # the town
        ("Supervisora en Granada.", {"competitors"}),  # a job at the firm's short name
        ("Team lead at Stork 🕊️", {"competitors"}),
        ("Team Leader supporto clienti in italiano @stork_bpo | Tivat", {"competitors"}),
    ],
)
def test_a_short_name_that_is_a_town_needs_a_job_and_a_handle_can_end_a_jobs_clause(
    store, bio, expected
):
    assert employers(store, bio, TOWN_ORGS) == expected, bio


def test_a_short_name_in_a_display_name_needs_a_job_before_it(store):
    config = parse_segment_config({"segments": TOWN_ORGS})
    birds = {"handle": "b", "display_name": "Stork — bird of the year", "bio": "Nests, webcams."}
    staff = {"handle": "s", "display_name": "Ana, team lead at Stork", "bio": "Queues, coffee."}
    found = segments_of(store, config, birds, staff)
    assert "competitors" not in found["b"]
    assert "competitors" in found["s"]


@pytest.mark.parametrize(
    ("name", "bio", "site"),
    [
        ("Harbour TV Malawi", "Your channel, your voice. Blantyre.", None),  # a station's country
        ("Harbour FM Lilongwe", "Your station, your voice.", None),  # its city
        ("The Nation", "Since 1986.", "nation.com.pk"),  # written without its bracket
        ("Bilwi Voice", "Notisia Bilwi ra. Miskitu, Kriol, Español.", None),  # Miskitu news
        ("CX Talk (Karla)", "Cuenta del podcast de Karla Ruiz", None),  # the podcast's account
        ("Telenorte", "Canal local de León y Chinandega 📺", None),
    ],
)
def test_stations_outlets_and_podcasts_speaking_for_themselves(name, bio, site):
    found = press_evidence("someone", name, bio, site, DEFAULT_LEXICON)
    assert found is not None and found.strong and found.is_outlet_account, (name, bio)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Correspondent of War (novel)", "A novel by S. R. 📖 the book's account"),
        ("Corresponsal de Guerra (novela)", "Novela de Sergio R. 📖 cuenta del libro"),
        ("The Northtown Gazette", "Your source for Northtown news. (fan-run page, no staff)"),
        ("Hoops Daily", "NBA news & highlights"),  # a fan's aggregator
        ("Jamia Mosque Mangochi", "Jamia Mosque. Ngani sya mwasikiti."),  # a mosque's notices
        ("St Mary's Newsletter", "Parish newsletter of St Mary's, Hillside. Notices, readings."),
    ],
)
def test_books_fan_pages_and_places_of_worship_are_not_outlets(name, bio):
    assert press(bio, name=name) is None, (name, bio)


def test_an_outlets_events_arm_on_its_site_is_not_press():
    found = press_evidence(
        "nation_summit",
        "Nation Business Summit",
        "Business forums organised by @The_Nation 🎤",
        "nation.com.pk",
        DEFAULT_LEXICON,
    )
    assert found is None


@pytest.mark.parametrize(
    "bio",
    [
        "Economista. Consultor. Comentarista frecuente en radio y TV.",
        "Pasante de periodismo en @diario_norte 📝 5to año",
    ],
)
def test_a_frequent_commentator_with_a_day_job_and_a_journalism_intern_are_not_press(bio):
    assert press(bio) is None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Jounalist wa pawokha. Ndimalembera Nyasa Times ndi Malawi24.",  # Chichewa: I write for
        "Jwakulemba ngani jwa pakujika: Malawi24, Radio Islam.",  # Yao: freelance news writer
        "Muverengi wenhau, Star FM.",  # Shona: newsreader
    ],
)
def test_malawian_and_zimbabwean_journalists(bio):
    assert press(bio), bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Independent IT consultant. Current engagement: Banco Ceibo core upgrade.", set()),
        ("Freelance PR & comms. Current retainer: Brisa Móvil (media relations).", set()),
        ("IT contractor. Current project: core banking migration for Banco Ceibo.", set()),
        ("Brisa Móvil mwandibera data yanga 😤😤 | Blantyre", set()),  # Chichewa: you stole
        ("Telecoms reporter. Did 3 years in PR at Brisa Móvil before coming back.", set()),
        ("Customer Contact Lead | Banco Ceibo | We outsourcen de nachtlijn aan Fonix",
         {"customers"}),  # a supplier the employer outsources to
    ],
)
def test_engagements_retainers_complaints_and_a_past_before_coming_back(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


def test_a_home_city_as_written_is_home_though_a_bigger_namesake_is_abroad(world):
    home = ["Nicaragua", "Managua", "León"]
    at_home, abroad = outside_region(world, home, "León", "León, Guanajuato, México")
    assert not at_home
    assert abroad


@pytest.mark.parametrize(
    "bio",
    [
        "Comms officer, Kasungu District Council.",  # PR field words
        "Asociación de directores de comunicación de Nicaragua",
    ],
)
def test_comms_officers_and_dircoms_are_on_a_pr_teams_topics(world, bio):
    rules = Rules(keywords=["public relations", "PR"], home_regions=["UK"])
    world.accounts(person("92", bio=bio))
    follow_all(world, ["92"], followers=[])
    assert "off-topic" not in reason_codes(world, rules).get(world.ids["92"], set())


def test_an_authority_is_a_body_kept_off_topic(world):
    world.accounts(
        person("93", display_name="Data Protection Unit", bio="Data protection authority.")
    )
    follow_all(world, ["93"], followers=[])
    assert "93" not in world.suggested()


# ---- rounds 109 to 112: Zimbabwe, Montenegro, Suriname, Belarus --------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "lektor i deskar, Dan",
        "Субрэдактар, Belsat. Правяраю коскі і факты.",
        "фотаредактарка Нашай Нівы",
        "Ведущий утреннего шоу на «Беларусь 1». Кофе, эфир.",
        "Weerpresentatrice ATV ☀️ Meteorologe.",
        "Photo editor @NewsDayZimbabwe. Pics speak.",
    ],
)
def test_sub_editors_presenters_and_photo_editors_at_named_outlets(bio):
    assert press(bio), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Belarus Insider", "Незалежны тэлеграм-канал з навінамі і аналітыкай."),
        ("ZIN «Яна»", "Незалежны фемзін. Выходзім раз на квартал."),
        ("ZiFM News", "Newsroom of ZiFM Stereo. Headlines on the hour."),
    ],
)
def test_a_news_channel_a_zine_and_a_stations_newsroom_are_outlets(name, bio):
    found = press(bio, name=name)
    assert found is not None and found.is_outlet_account, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("moj dnevnik", "lični dnevnik jedne Budvanke"),  # a personal diary
        ("Sindikat medija", "Sindikat medija CG. Prava novinara i medijskih radnika."),
        ("Press Club", "Прафесійная супольнасць журналістаў. Трэнінгі. Мы не СМІ."),
        ("Юлия", "Пресс-секретарь мэрии. Отвечаю журналистам с 9 до 18."),
        ("Марта", "Студентка журфака 📚 мечтаю о радио."),
        ("Rino", "Sportjournalist in ruste. Nu jeugdtrainer."),
        ("Broeder Lesley", "Redacteur van het kerkblad van onze gemeente."),
    ],
)
def test_diaries_unions_clubs_press_officers_students_retirees_and_church_bulletins(name, bio):
    assert press(bio, name=name) is None, bio


def test_ad_sales_at_an_outlet_is_not_a_strong_press_finding():
    found = press_evidence(
        "r", "Rodney", "Advertentieverkoop De Ware Tijd. Adverteren? Bel me.", "dwtonline.com",
        DEFAULT_LEXICON,
    )
    assert found is None or not found.strong


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("influenser 📸 | brand ambasador za Brisa Móvil | Podgorica", set()),
        ("Profesorka, UDG. Savjetnica Uprave Banco Ceibo (van radnog odnosa).", set()),
        ("Guest relations, Banco Ceibo | naš kontakt centar vodi Tala Contact", {"customers"}),
        ("абонент Brisa Móvil с 2015. не работаю там, просто нравится", set()),
        ("Ментор стартапов. Был в Nodo Cloud на старте 🚀", set()),
        ("Малако і тварог. Пастаўляем у «Banco Ceibo».", set()),
        ("Anonymous stories from Quebracho BPO. Не официально.", set()),
    ],
)
def test_ambassadors_advisers_subscribers_suppliers_to_and_an_unofficial_page(
    store, bio, expected
):
    assert employers_of(store, bio) == expected, bio
