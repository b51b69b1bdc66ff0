"""Classes of judgement error fixed in the nineteenth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

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


def press(bio: str, name: str = "Inés Olivera", handle: str = "ines_o"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- round 64: Uruguayan Spanish, mastheads, desks, copywriters --------------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Puerto y Carga", "Revista bimestral del sector portuario. Editor: Raúl Benítez."),
        ("Harbour Ledger", "The monthly trade magazine for ports. Director: Anne Kearney."),
    ],
)
def test_a_masthead_credit_in_an_outlets_bio_is_not_the_accounts_own_job(name, bio):
    found = press(bio, name=name)
    assert found is not None and found.is_outlet_account, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Corresponsales en el interior para El País. Avisos y fotos por DM.",
        "Reporteros de la diaria en Salto y Paysandú.",
    ],
)
def test_a_plural_title_opening_the_bio_of_a_known_outlet_is_its_desk(bio):
    found = press(bio, name="Mesa del interior")
    assert found is not None and found.is_outlet_account, bio


def test_a_plural_title_without_an_outlet_still_names_other_people():
    assert press("Periodistas: les respondo en 24 horas con datos del sector.") is None


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Redactor freelance: catálogos y mailings. Clientes: dos bodegas y una óptica.", None),
        ("Freelance writer. Clients: two breweries, a dentist, a bike shop.", None),
        ("Freier Journalist, Klimathemen, u.a. für @zeitonline.", "press"),
    ],
)
def test_a_freelance_writer_who_lists_clients_is_a_copywriter(bio, expected):
    assert (press(bio) is not None) == (expected == "press"), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Veinte años en la radio. Hoy vocera del Banco Ceibo.",
        "Two decades in radio; now spokesman for a regional bank.",
    ],
)
def test_a_spokesperson_with_years_in_radio_is_not_an_outlet(bio):
    assert press(bio, name="Marta Sosa") is None, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Relatora de básquet en Radio Carve los fines de semana.", "press"),
        ("Hago periodismo de datos en la diaria desde 2021.", "press"),
        ("Señal pública de la ciudad: teatro, barrio y noticieros.", None),  # the name decides
        ("Editor independiente de libros. Corrección y maquetación.", None),
    ],
)
def test_sports_callers_data_journalists_and_book_editors(bio, expected):
    assert (press(bio, name="Lu") is not None) == (expected == "press"), bio


def test_a_public_city_channel_named_by_the_gazetteer_is_press():
    found = press("Señal pública de la ciudad: teatro, barrio y noticieros.", name="TV Ciudad")
    assert found is not None and found.is_outlet_account


@pytest.mark.parametrize(
    "bio",
    [
        "Cofundé Voxa Sistemas (hoy Nodo Cloud). Me fui en 2023. Ahora huerta y libros.",
        "Co-founded Fonix. Left in 2022. Sailing now.",
        "Ex Voxa Sistemas (hoy Nodo Cloud). Docente de matemática.",
        "Responsable de compras en Tala Contact.  Dejé la empresa en 2021.",
    ],
)
def test_leaving_in_a_sentence_of_its_own_and_a_renamed_past_employer_are_the_past(store, bio):
    assert employers_of(store, bio) == set(), bio


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Ex Fonix (hoy en Nodo Cloud), soporte nivel 2.", "suppliers"),  # a move, not a rename
        ("Ventas empresas en Telcel (hoy Brisa) desde 2016.", "customers"),
        ("Fundadora de Fonix. Auriculares para centros de contacto.", "suppliers"),
    ],
)
def test_a_move_a_renamed_current_employer_and_founders(store, bio, segment):
    assert employers_of(store, bio) == {segment}, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Gerente de cuentas. Conversando con Quebracho BPO por un nuevo rol 👀", set()),
        ("Responsabile assistenza clienti. Il nostro partner a Montevideo: Tala Contact.", set()),
        ("Equipo de Quebracho BPO que atiende a Brisa Móvil en Rocha", {"competitors"}),
        ("Jubilada, cansada de que Brisa Móvil me cobre de más 😤", set()),
    ],
)
def test_prospects_partners_clients_served_and_complaints_are_not_the_employer(
    store, bio, expected
):
    assert employers_of(store, bio) == expected, bio


def test_an_invoice_scam_in_a_suppliers_name_is_not_the_supplier(store):
    bio = "Accounts team of Nodo Cloud? Settle the outstanding invoice in 24h to avoid suspension."
    assert employers_of(store, bio) == set()


def test_a_heading_over_a_list_of_names_in_a_post_is_no_team(store):
    config = parse_segment_config({"segments": ORGS})
    bot = {"handle": "turnos_bot", "display_name": "Guardias de hoy", "bio": "Bot de guardias."}
    posts = {"turnos_bot": ["Esta noche de turno: Banco Ceibo Centro, Farmacia Lido"]}
    assert segments_of(store, config, bot, posts=posts)["turnos_bot"] == set()


@pytest.mark.parametrize(
    "bio",
    [
        "Nyt vapaana toimittajana: Helsingin Sanomat, Yle, Maaseudun Tulevaisuus.",  # outlets
        "Reporter: Harbour Times.",  # an outlet's name, not a person's
    ],
)
def test_a_title_followed_by_its_outlets_is_the_accounts_own_job(bio):
    found = press(bio, name="Aino")
    assert found is not None and not found.is_outlet_account, bio


# ---- round 65: Hungarian case endings, possessive outlet nouns, denials, job feeds -----------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Éjszakai műszakvezető a Tala Contactnál, Szeged", "competitors"),
        ("Rendszergazda a Nodo Cloudnál 🖥️", "suppliers"),
        ("ügyfélszolgálati vezető a Banco Ceibónál", "customers"),
        ("Kockázatkezelés @ Fonix🎧 · Győr · túrázás", "suppliers"),  # a middle dot ends it
    ],
)
def test_hungarian_case_endings_and_a_middle_dot_name_the_employer(store, bio, segment):
    assert employers_of(store, bio) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Két éve a Banco Ceibóval dolgozunk együtt. Ügynökség, Pécs.",  # a client
        "Marketing vezető. A Nodo Cloud platformját vezettük be tavaly.",  # the verb comes last
        "Győri bolt, hivatalos viszonteladó: Fonix partner üzlet",  # a reseller
        "2016–2021 Quebracho BPO · most: otthon, két gyerekkel",  # a closed span before it
        "Müügijuht. Nodo Cloudist tulin Tartusse 2023.",  # came from it: the past
        "A Tala Contacttól jöttem át tavaly.",
        "Tanár vagyok. Nem vagyok elégedett a Banco Ceibóval, harmadszor hívom őket.",
    ],
)
def test_hungarian_clients_resellers_past_spans_and_complaints_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Szegedi Hírek", "Szeged hírportálja. Közélet, sport, kultúra."),
        ("Tiszavidék TV", "Szolnok városi televíziója, híradó minden este"),
        ("Munka rovat", "a Délvidéki Lapok munka és pénz rovata"),
        ("Tőzsdefigyelő", "független hírlevél: pénz és piacok, minden kedden"),
        ("Gábor", "gazdasági újságíró, Telex. Nem vagyok bot 🤖"),  # the bot denied
        ("Hangos Ügyfél", "podcast a várakozó zenéről. Host: Kiss Emese (Banco Ceibo)"),
    ],
)
def test_hungarian_outlets_newsletters_a_denied_bot_and_a_credited_host_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Nyugalmazott újságíró, Szegeden élek, kertészkedem.",
        'szatirikus oldal, a hírek itt mind kitalált hírek',
        "I am a bot: automated headlines every hour, no humans here.",  # a bot said plainly
    ],
)
def test_retired_journalists_satire_and_bots_are_not_press(bio):
    assert press(bio, name="Béla") is None, bio


def test_a_listed_organisations_job_feed_is_not_spam_for_repeating_itself(world):
    world.accounts(person("30", bio="állásajánlatok, toborzás"), person("31", bio="Hello"))
    world.posts("30", ["Állás", "Állás"])
    world.posts("31", ["Follow me", "Follow me"])
    world.segment("competitors", "30")
    follow_all(world, ["30", "31"], followers=[])
    found = world.suggested(include_below=True)
    assert "repeated-posts" not in found.get("30", [])
    assert "repeated-posts" in found.get("31", [])


# ---- round 66: Estonian titles, papers, newsletters and case endings ---------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Emajõe Päevik", "Lõuna-Eesti nädalaleht. Iga kolmapäev paberil."),
        ("Põhjaranniku Kiri", "Iganädalane uudiskiri sadamatest ja kaubandusest."),
        ("Mari", "Postimehe muusikaajakirjanik, Tallinn"),
        ("Mari", "majandusajakirjanik Eesti Päevalehes"),
    ],
)
def test_estonian_papers_newsletters_and_compound_titles_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Ülo", "Pensionil ajakirjanik. Kolmkümmend aastat maakonnalehes. Nüüd mesilased."),
        ("Ülikooli Teataja", "Ülikooli ajakiri, ilmub neli korda aastas."),  # the house's own
        ("Rahvapank (paroodia)", "Paroodiakonto, mitte päris pank. Naljaga pooleks."),
        ("Tisza FC Hírek", "Szolnoki foci: hírek, eredmények"),  # a fan's football news
    ],
)
def test_retired_house_magazines_parody_and_fan_news_are_not_press(name, bio):
    assert press(bio, name=name) is None, bio


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Klienditeenindaja Tala Contactis, Tallinn", "competitors"),
        ("Müügijuht Nodo Cloudis, Tartu", "suppliers"),
        ("Päevalehe külaliskolumnist | päevatöö: CX juht, Banco Ceibo", "customers"),
    ],
)
def test_estonian_case_endings_and_a_guest_columnists_day_job_name_the_employer(
    store, bio, segment
):
    assert employers_of(store, bio) == {segment}, bio


def test_an_estonian_contact_centre_word_in_a_compound_is_on_topic():
    from audience.prune import TopicMatcher

    assert TopicMatcher(["contact centre"]).terms("koolitame kontaktikeskuste meeskondi Tartus")


# ---- round 67: Arabic clitics, Arabizi, scams and fan pages ------------------------------------

ORGS_AR = {
    "customers": {"organisations": [{"name": "Sahel Telecom", "aliases": ["ساحل للاتصالات"]}]},
    "suppliers": {"organisations": [{"name": "Mizan Systems", "aliases": ["ميزان للأنظمة"]}]},
    "competitors": {"organisations": [{"name": "Nakhla BPO", "aliases": ["نخلة للخدمات"]}]},
}


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("فني شبكات بساحل من 2019 📡", "customers"),  # "at" glued to the name, after a job
        ("بشتغل لميزان من 2022، دعم فني", "suppliers"),  # "for", after a verb of working
        ("مشرفة جودة في نخلة، وقبلها طالبة", "competitors"),
        ("QA lead f Sahel | Zarqa", "customers"),  # Arabizi "f": at
    ],
)
def test_an_arabic_one_word_name_after_a_job_is_the_employer(store, bio, segment):
    assert employers(store, bio, ORGS_AR) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "مدونة سفر | ساحل وبحر وشمس ☀️",  # the coast, after a separator
        "بميزان الذهب نبيع ونشتري",  # "with the scales": a clitic and no job
        "ساحل للاتصالات - خدمة الاسترجاع | لاسترداد أموالك راسلنا برقم البطاقة",
        "مستشارة موارد بشرية | بوظّف لنخلة وشركات ثانية",  # a recruiter's clients
        "no internet for two days, thanks Sahel Telecom 😡",  # an outage complaint
    ],
)
def test_arabic_words_scams_recruiters_and_outage_complaints_are_not_the_employer(store, bio):
    assert employers(store, bio, ORGS_AR) == set(), bio


def test_an_arabic_programme_maker_is_press_and_a_team_fan_page_is_not():
    assert press("معدة برامج | قناة المملكة", name="هبة") is not None
    assert press("مشجعو منتخب الوطن في كل مباراة، الصور والنتائج", name="نسور الوطن") is None


# ---- round 68: Kinyarwanda, Rwandan outlets, consumers' words ----------------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Aline", "Umunyamakuru kuri IGIHE, siporo na muzika"),
        ("Eric", "Ndi umufotozi wa Imvaho Nshya kuva kera"),  # a photographer of a known paper
        ("Ijwi ry'Isoko", "Ikinyamakuru gisohoka buri wa gatanu, i Nyagatare."),
        ("Kivu Ledger", "Investigative journalism on land and water rights."),
        ("Gaspard", "Umunyamakuru wigenga, nandika kuri KT Press."),
    ],
)
def test_kinyarwanda_titles_weeklies_and_investigative_outlets_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


def test_a_journalists_association_in_kinyarwanda_is_not_press():
    bio = "Ishyirahamwe ry'abanyamakuru mu Burasirazuba. Amahugurwa n'ubuvugizi."
    assert press(bio, name="Ishyirahamwe") is None


@pytest.mark.parametrize(
    "bio",
    [
        "Ndi umubyeyi, umukiriya wa Banco Ceibo utishimye na gato",  # a customer of it, unhappy
        "Umwarimu i Huye, ndi umukiriya wa Brisa Móvil",
        "Bakery owner. Our ovens come from Fonix, best purchase ever.",  # bought from it
        "Social media for Brisa Móvil, Banco Ceibo and 12 more brands. Kigali.",
        "Banco Ceibo security: confirm your PIN today or it will be blocked.",
    ],
)
def test_consumers_buyers_agencies_and_phishing_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


# ---- round 69: Slovak, Romani and Rusyn --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Oľga", "Novinárka na dôchodku, pestujem paradajky.", None),  # retired
        ("Juraj", "stĺpčekár, šport a spoločnosť, každý piatok", "press"),
        ("Romano Lil", "Romane nevipena andal e Čechiko", "press"),  # a Romani news outlet
        ("Русиньскый голос", "Тыжденник Русинів, култура і школа", "press"),  # a Rusyn weekly
    ],
)
def test_slovak_retirees_columnists_and_romani_and_rusyn_outlets(name, bio, expected):
    assert (press(bio, name=name) is not None) == (expected == "press"), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Autorizovaný predajca Fonix, Prešov a okolie",
        "Predaj paušálov Brisa Móvil a iných operátorov, Michalovce",
        "Voicebot pre call centrá, integrácia s Nodo Cloud",
    ],
)
def test_slovak_dealers_shops_and_integrators_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_slovak_contact_centre_in_its_cases_is_on_topic():
    from audience.prune import TopicMatcher

    assert TopicMatcher(["contact centre"]).terms("supervízorka v kontaktnom centre banky")
