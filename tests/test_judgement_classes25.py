"""Classes of judgement error fixed in the twenty-fifth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import Rules
from tests.test_judgement_classes19 import employers_of, press
from tests.test_judgement_classes21 import reason_codes
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

# ---- round 97: Tok Pisin, complaints and customers in English and Chinese ----------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Nurse. Sick of Brisa Móvil dropping calls every night 😤", set()),
        ("Residents of Kanga Flats. Water, power, safety. Banco Ceibo we need answers", set()),
        ("Market stall | saving with Banco Ceibo for the kids' school fees", set()),
        ("Mi save salim kaikai long maket. Brisa Móvil namba long bio 😂", set()),  # Tok Pisin
        ("项目经理 | 变电站项目 | Banco Ceibo 承包商", set()),  # a contractor to the bank
        ("Senior consultant, Tala Contact. Accounts: Banco Ceibo, Fonix", {"competitors"}),
    ],
)
def test_complaints_users_contractors_and_an_agencys_accounts_are_not_staff(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Hagen Voice", "Niuspepa bilong Western Highlands. Kopi, ol rot, politik"),
        ("Bisnis Tok", "Wik niusleta long bisnis long Tok Pisin. Olgeta Mande"),
    ],
)
def test_tok_pisin_newspapers_and_newsletters_are_outlets(name, bio):
    found = press(bio, name=name)
    assert found is not None and found.is_outlet_account, bio


def test_a_presenter_on_a_national_broadcaster_by_its_short_name():
    assert press("Presenter, Highlands Hour on NBC. Coffee farmer on weekends")


# ---- round 98: Dominican Spanish, brackets of the past, outlets told apart --------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Coach de liderazgo. 8 años en Quebracho BPO (ex). Ayudo a supervisores.",
        "Trainer. Quebracho BPO (former). Coffee.",
        "Periodista de salud. Antes (2016-2020) comunicación en Banco Ceibo.",
        "Fundador de Nodo Cloud. Ahora inversionista ángel. Ajedrez y mar.",
        "Cofundador de Voxa Sistemas (vendida en 2021). Ahora inversionista y mentor en Fonix.",
        "Account manager a Milano. Lavoriamo con Quebracho BPO per i clienti nei Caraibi.",
        "Reseñas independientes de software: Nodo Cloud, Fonix y otros. No afiliados.",
        "Agencia de eventos en Abidjan (aucun lien avec Tala Contact).",
    ],
)
def test_a_bracketed_past_a_mentor_a_partner_and_a_reviewer_are_not_staff(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_customer_service_title_holding_the_word_client_still_names_the_employer(store):
    bio = "Agente de atención al cliente — Banco Ceibo. Venezolana en Santiago"
    assert employers_of(store, bio) == {"customers"}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Subdirectora de El Nacional. Cuenta privada.", "press"),  # one of several El Nacional
        ("Productora de Mañanas Calientes en Listín Diario. Guionista.", "press"),
        ("Productora ejecutiva en Antena 7 📺 y, los sábados, bachatera", "press"),
        ("Giornalista RAI, inviata. Ora a Santo Domingo per un reportage.", "press"),
        ("Reporter, BBC. Now in Lagos.", "press"),  # a city, not a new employer
        ("Chartered accountant. Occasional op-eds in The Hindu.", None),  # "op-eds" is no title
        ('Influencer | moda | "periodista de la vida" 😜 | colabs por DM', None),
        ('"Reportero ciudadano" 📱 grabo lo que pasa en mi barrio', None),
        ("Ejecutiva de cuentas en una agencia de RRPP | comunicadora", None),
        ('Content creator | "reporter" de la vie à PAP sur TikTok', None),
    ],
)
def test_titles_outlets_told_apart_quotes_and_a_city_after_now(bio, expected):
    assert (press(bio) and "press") == expected, bio


def test_an_account_that_retweets_the_news_is_no_outlet():
    name = "BPO Noticias"
    bio = "Todas las noticias de contact center en un solo lugar 🔁 Retuiteamos lo mejor."
    assert press(bio, name=name) is None


# ---- round 99: Albanian (Kosovo) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Mëngjesi", "Emisioni i mëngjesit në @klan_kosova, çdo ditë pune.", "press"),
        ("Drita Berisha", "shkruaj për Sbunker kur m'lejon koha. përndryshe përkthyese", "press"),
        ("Lajmet Press", "Agjencia e lajmeve e Dukagjinit.", "press"),
        ("Blerim Hoxha", "Fotograf, Pejë. Jo gazetar, thjesht dashuri për qytetin.", None),
        ("Gjakova Sot", "Faqe për dashamirët e Gjakovës ❤️ foto, kujtime, humor", None),
        ("Kredi Shpejt", "Kredi të shpejta pa dokumente! Shkruaj në WhatsApp.", None),
    ],
)
def test_albanian_programmes_freelancers_and_pages_that_are_not_press(name, bio, expected):
    assert (press(bio, name=name) and "press") == expected, bio


# ---- round 101: Trinidad and Tobago ------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("agent by day, pan side by night. Tala Contact fam.", {"competitors"}),
        ("Marketing director, a supermarket chain. Quebracho BPO is our agency.", set()),
        ("Photos of old Port Town: the Telcel Sur shop, the old cinema, the market.", set()),
    ],
)
def test_a_team_called_fam_an_agency_we_use_and_old_photos(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Kevon A.", "Publicist. I get your brand into the Express and Newsday.", None),
        ("Jana Nováková", "Publicistka, Lidové noviny", "press"),  # the Czech word stays a title
        ("Press Pass", "Journalist 📰 | breaking news | DM for promotion of your business!", None),
        ("Priya R.", "Investigations, Trinidad Guardian. Protected for sources.", "press"),
        ("Priya R.", "Head of Investigations, Harbour Insurance", None),
        ("Island Gossip", "Celebrity gossip weekly. Who's dating who.", "press"),
        ("Hum Serials", 'Drama producer | Hum TV serials | "Sitara" (2024)', None),
    ],
)
def test_publicists_promotion_sellers_investigations_desks_and_drama(name, bio, expected):
    assert (press(bio, name=name) and "press") == expected, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Business Council of Harbourland", "Peak business body. Budget responses, forums"),
        ("ADEX", "Asociación Dominicana de Exportadores"),
        ("Harbourland Manufacturers' Association", "Trade missions, AGM, policy"),
    ],
)
def test_industry_bodies_by_their_names_are_kept_off_topic(world, name, bio):
    world.accounts(person("70", display_name=name, bio=bio))
    follow_all(world, ["70"], followers=[])
    assert "70" not in world.suggested()


# ---- round 100: Senegal (French, Wolof) --------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Journaliste éco @sudquotidien. Avant, 4 ans chargé de com chez Quebracho BPO.",
        "Étudiant. Stage de fin d'études chez Nodo Cloud (terminé). Cherche CDI",
        "Fonds d'investissement à impact | portefeuille: Fonix, Nodo Cloud",
        "Taximan à Dakar 🚕 | Brisa Móvil dafa ma sonal",  # Wolof: it wears me out
    ],
)
def test_a_past_after_avant_an_ended_internship_a_portfolio_and_a_wolof_complaint(store, bio):
    assert employers_of(store, bio) == set(), bio


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Latyr D.", "sports desk @thiesinfo | basket & athlé", "press"),
        ("Petite-Côte Hebdo", "L'hebdo de Mbour et de la Petite-Côte 📰 | depuis 2015", "press"),
        ("Journal Officiel", "Publication des lois et décrets, Secrétariat général", None),
    ],
)
def test_a_desk_at_a_handle_a_local_weekly_and_a_government_gazette(name, bio, expected):
    assert (press(bio, name=name) and "press") == expected, bio


# ---- round 102: Tajik and Russian --------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("хабарнигори «Садои Ваҳдат» | маориф, тандурустӣ", "press"),  # not "journalism"
        ("мухбирони НИТ Ховар дар вилояти Хатлон", "press"),  # the agency's desk
        ("продюсер ахбор, ТВ «Бахор». Пештар дар ТВ Сафина", "press"),
        ("оператори камера, Oila TV 🎥", "press"),
        ("продюсер телеканала «Мир»", "press"),
        ("ответственный секретарь газеты «Вечерний Хорог»", "press"),
        ("ответственный секретарь комиссии по делам молодёжи", None),
        ("Сармутахассиси шуъбаи матбуоти вазорат. Ба хабарнигорон: @vazorat_press", None),
        ("Ҷоизаи беҳтарин журналисти сол | ташкилкунанда: Nur Events", None),
        ("клуб журналистов, мероприятия, аренда зала", None),
    ],
)
def test_tajik_and_russian_titles_outlets_in_quotes_and_what_is_not_press(bio, expected):
    assert (press(bio) and "press") == expected, bio


@pytest.mark.parametrize(
    "bio",
    [
        "уволили из Banco Ceibo вчера. ищу работу, резюме в DM",
        "IT директори «Спитамен». Провайдери мо: Nodo Cloud",
        "кафе, Душанбе. Пардохт тавассути Banco Ceibo ✅",
    ],
)
def test_a_dismissal_and_a_provider_or_a_payment_named_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio



# ---- rounds 103 and 104: Namibia and Honduras ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Conecta Sur", "Distribuidor autorizado de radios y televisores Fonix.", None),
        ("Rūta P.", "Autorius, LRT", "press"),  # the Lithuanian title itself
        ("Ann K.", "Editorial director, Windhoek Observer. Investigations team lead.", "press"),
        ("Canal 10", "Televisión Nacional de Nicaragua. Canal estatal.", "press"),
        ("Reporteros", "Red de periodistas independientes. Publicamos en valle.hn", "press"),
        ("Honduras Datos", "Unidad de investigación periodística. Datos abiertos.", "press"),
    ],
)
def test_an_authorised_dealer_an_editorial_director_and_spanish_newsrooms(name, bio, expected):
    assert (press(bio, name=name) and "press") == expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Supervisor en Quebracho BPO | Campaña Banco Ceibo | Coach de agentes", {"competitors"}),
        ("Abogado. Asesor legal externo de Banco Ceibo y de otros bancos.", set()),
        ("💰 Trabaja con Tala Contact desde casa. Paga L 300 de inscripción por transferencia.",
         set()),
    ],
)
def test_a_campaign_an_outside_adviser_and_a_registration_fee_scam(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


def outside_region(world, home_regions: list[str], *locations: str) -> list[bool]:
    """For each location, whether prune reads a mutual follower there as outside home."""
    rules = Rules(keywords=["contact centre"], home_regions=home_regions)
    pids = [str(80 + n) for n in range(len(locations))]
    world.accounts(*(person(pid, location=at) for pid, at in zip(pids, locations, strict=True)))
    follow_all(world, pids, followers=pids)
    reasons = reason_codes(world, rules)
    return ["outside-region" in reasons.get(world.ids[pid], set()) for pid in pids]


def test_a_home_place_the_gazetteer_does_not_know_keeps_a_namesake_abroad_at_home(world):
    home = ["Honduras", "Utila Cay"]
    at_home, abroad = outside_region(world, home, "Oak Ridge, Utila Cay", "Oak Ridge, Tennessee")
    assert not at_home
    assert abroad


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Podcast host | 'Harbour Talks' – conversations with founders 🎙 | ex-banker", "press"),
        ("Podcast host: our company podcast on CX | product marketing, Fonix", None),
        ("Podcast host: 'Queue Time' (a Fonix podcast) | product marketing", None),
        ("Podcast host. Talking leadership every Monday.", None),  # no podcast named
        ("Analista de Reportería (BI) | SQL, Power BI | San Pedro Sula", None),
    ],
)
def test_a_podcast_host_a_company_podcast_and_a_reporting_analyst(bio, expected):
    assert (press(bio) and "press") == expected, bio
