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
        ("Drina Danas", "Vijesti iz Podrinja i s Drine."),  # a portal and its news
        ("Potkopavanje", "Istraživački portal o javnim nabavkama u Hercegovini."),
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
        "Sekretarka Udruge novinara Zenice. Bila sam novinarka do 2015.",  # a union
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
    bio = "Urednica vijesti, N1. Trenutno na bolovanju, vraćam se u martu."
    assert press(bio, name="Alma") is not None


@pytest.mark.parametrize(
    "bio",
    [
        "Vrelo Osiguranje 2009–2024 💙 Hvala, kolege.",  # a closed span of years, then an emoji
        "Prej Vrelo Osiguranje, zdaj zavarovalni agent v Kopru.",  # Slovenian "formerly"
        "Uspoređujemo police: Vrelo Osiguranje, Krajina Assist i drugi. Linkovi su affiliate.",
        "Nagradna igra! Osvojite bon od Lipa Trgovina, broj kartice u inbox.",
        "Marketinška agencija. Radimo s Lipa Trgovinom i Una Prevozom.",  # clients
        "Vozim za Una Prevoz kao podizvođač, kombi je moj.",  # a subcontractor
        "Kadrovska konsultantica. Klijentica: Lipa Trgovina.",
        "Zastupamo Vrelo Osiguranje u Posavini: police za auta i kuće.",
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
        "Radim kao supervizorka u kontakt centru banke",
        "Treneri za kontakt centre, Banja Luka",
        "Радим у кол центару као тим лидер",
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
    world.accounts(person("20", bio="I run a night team in a Leeds contact centre."))
    world.posts("20", ["…", "…", "Shift swap anyone?"])
    follow_all(world, ["20"])
    found = world.suggested(include_below=True)
    assert "repeated-posts" not in found.get("20", [])


# ---- round 59: Argentine Spanish, programmes on a channel, a news site in Chinese ------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Flor", "Productora de «Mañanas de Campo» (Canal Rural), sábados."),
        ("Ana", "Produtora de «Marés Altas» (Canal Litoral), aos domingos."),
        ("Caminos del Sur", "Programa de TV sobre rutas y pueblos. Sábados por Canal 10."),
        ("華人快訊", "布宜諾斯艾利斯華人新聞網。社區、移民、商業。Noticias para la colectividad."),
    ],
)
def test_a_programme_on_a_channel_and_a_community_news_site_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Locutora comercial 🎙️ Grabo mensajes de espera y spots para radio.",
        "Voice-over artist: explainer videos, phone menus, audiobooks.",
        "Periodista devenida asesora de comunicación. Consultora propia, clientes del agro.",
    ],
)
def test_voice_over_artists_and_journalists_turned_advisers_are_not_press(bio):
    assert press(bio, name="Maru") is None, bio


def test_a_follow_back_promo_account_named_reporter_is_not_press():
    bio = "Memes y virales 🔥 Seguime y te sigo, sin excusas"
    assert press(bio, name="Tano Reporter 📰", handle="tano_rep") is None


@pytest.mark.parametrize(
    "bio",
    [
        "Almacén de barrio. Cobramos con Vrelo Osiguranje y efectivo.",  # a merchant using it
        "Odio a Krajina Assist con todo mi corazón. Abogado laboralista.",  # a complaint
    ],
)
def test_merchants_using_a_product_and_haters_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_articles_and_of_inside_a_topic_phrase_do_not_matter():
    topics = TopicMatcher(["experiencia del cliente", "atención al cliente"])
    assert topics.terms("Cada jueves hablamos de experiencia de cliente con pymes")
    assert topics.terms("Hago el turno noche: atención a clientes, seguros de hogar")


def test_a_home_region_that_is_also_a_place_abroad_is_read_beside_the_country_named():
    from audience.geo import matches_region, normalize_location

    home = ["Argentina", "Rosario", "Paraná", "Mendoza"]  # Paraná, Entre Ríos; not the state
    assert not matches_region(normalize_location("Curitiba"), home)
    assert matches_region(normalize_location("Paraná, Entre Ríos"), home)
    assert matches_region(normalize_location("Curitiba"), ["Paraná"])  # alone, it is the state


# ---- round 60: Macedonian, Albanian, Bulgarian; desks, contributors, newsletters -------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Истрага МК", "Истражувачко новинарство од Битола. Документи и факти."),
        ("Малопродажба Плус", "Седмичен бюлетин за търговията на дребно. Пише: Петя."),
        ("Logistika sedmično", "Nedeljni njuzleter o lukama i skladištima."),
        ("Zëri i Pollogut", "Televizion lokal për Pollogun; edicioni i lajmeve në ora 19."),
        ("Lena", "Contributor, VICE Balkans 🎧 techno, Thessaloniki"),
    ],
)
def test_macedonian_albanian_and_bulgarian_outlets_desks_and_contributors_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Пензионирана новинарка. Сега внуци и градина.",
        "Не сум новинар, само читам многу портали.",
        "Некогаш новинар во Скопје, денес наставник по историја.",
        "Help desk @ Lipa Trgovina. Tickets and patience.",
    ],
)
def test_macedonian_retirees_denials_and_career_changes_are_not_press(bio):
    assert press(bio, name="Ристо") is None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Користиме Una Prevoz за доставки низ цела Македонија.",  # we use it
        "Синдикат на возачите на Una Prevoz. Правата на возачите.",  # a union of its drivers
        "Qytetarë kundër Vrelo Osiguranje! Rimbursoni dëmet.",  # a complaint
        "Дугогодишњи клијент Lipa Trgovina. Купујем суботом.",  # a customer of it
        "FREE points for every Lipa Trgovina shopper!! click link below",  # a scam
    ],
)
def test_users_unions_complaints_and_scams_in_macedonian_albanian_and_serbian(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_an_association_of_customer_contact_people_is_on_topic():
    bio = "A Europe-wide network for people who lead customer contact teams"
    assert TopicMatcher(["contact centre"]).terms(bio)


# ---- round 61: Maltese; flags after a name; Italian customer care; bots and radio fitters ----


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Marija", "Kolonnista, Kullħadd — dwar il-politika lokali."),
        ("Aħbarijiet Għawdex", "Aħbarijiet minn Għawdex kuljum, fuq il-web u r-radju."),
        ("Pawlu", "Redattur tal-isport, Times of Malta."),
    ],
)
def test_maltese_columnists_editors_and_news_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    ("bio", "name"),
    [
        ("Kont ġurnalist għal għaxar snin; bħalissa deputat fil-Parlament.", "Ġużi"),
        ("Gozo headlines, refreshed by a script: auto-updated.", "Malta Feed"),
        ("Two-way radio installation for boats and farms, since 1992.", "Marsa Radio Fit"),
    ],
)
def test_maltese_mps_auto_updated_feeds_and_radio_fitters_are_not_press(bio, name):
    assert press(bio, name=name) is None, bio


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Tech support at Kupola 🇧🇦→🇦🇹 | trains and tea", "suppliers"),  # flags after a name
        ("Operatrice assistenza clienti – Lipa Trgovina, da Bari.", "customers"),
    ],
)
def test_a_flag_after_the_name_and_an_italian_customer_care_title(store, bio, segment):
    assert employers_of(store, bio) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Kont naħdem ma' Vrelo Osiguranje sal-2022; bħalissa nbiegħ id-djar.",  # I used to
        "Account exec @ Kupola. Currently chasing Lipa Trgovina, wish me luck",  # a prospect
    ],
)
def test_a_maltese_past_job_and_a_prospect_are_not_the_employer(store, bio):
    assert "customers" not in employers_of(store, bio) and "competitors" not in employers_of(
        store, bio
    ), bio


def test_a_latvian_word_is_not_read_as_a_maltese_marker(store):
    # "darba" is Latvian for "of work" and Maltese for "once": the vocabulary is shared.
    bio = "Darba aizsardzības vadītāja, Lipa Trgovina. Rīga."
    assert employers_of(store, bio) == {"customers"}


# ---- round 62: Slovenian ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "website"),
    [
        ("Tina", "Notranja politika. Pišem o vladi in parlamentu.", "mladina.si"),
        ("Pomurje danes", "Strokovni portal za kmetijstvo v Pomurju.", None),
        ("Muravidéki Hírek", "Hetilap a Muravidékről: közélet, kultúra, sport.", None),
    ],
)
def test_slovenian_outlets_portals_and_a_minority_weekly_are_press(name, bio, website):
    found = press_evidence("t", name, bio, website, DEFAULT_LEXICON)
    assert found is not None and found.strong, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Upokojena novinarka; vrtnarim na Krasu.",  # retired
        "Nekoč TV voditelj; zdaj svetovalec za komunikacijo v Celju.",  # a new job now
    ],
)
def test_slovenian_retirees_and_presenters_who_moved_on_are_not_press(bio):
    assert press(bio, name="Bojan") is None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Kupujem pri Lipa Trgovina vsak teden, zvesta stranka.",  # a loyalty-club member
        "Volim svoju Vrelo Osiguranje policu, ozbiljno 😂",  # a fan of the product
        "Restaurant critic. Krajina Assist fan, Vrelo skeptic.",  # a fan, not staff
    ],
)
def test_loyal_members_and_fans_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_serbian_store_manager_before_the_name_works_there(store):
    assert employers_of(store, "Шеф продавнице Lipa Trgovina, Ниш") == {"customers"}


# ---- round 63: Albanian -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Hetimi.al", "Hetime për tenderat publikë: platformë e gazetarisë investigative."),
        ("Shkodra Sot", "Gazetë online nga Shkodra: politikë, kulturë, sport."),
    ],
)
def test_albanian_investigative_platforms_and_online_papers_are_press(name, bio):
    assert press(bio, name=name) is not None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Gazetar qytetar 📱 filmoj çfarë ndodh në lagjen time.",  # a citizen journalist
        "Arkivi automatik i lajmeve të së hënës. Mos shkruani këtu.",  # an automatic archive
    ],
)
def test_albanian_citizen_journalists_and_automatic_archives_are_not_press(bio):
    assert press(bio, name="Besa") is None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Studio dizajni. Klientët tanë: Lipa Trgovina dhe Una Prevoz.",  # clients
        "Ambasadore e markës Vrelo Osiguranje 🏐 volejboliste.",  # a brand ambassador
        "Dikur bashkëthemelues i Krajina Assist; tani konsulent i pavarur.",  # sold
        "Punë nga shtëpia te Krajina Assist, tarifë regjistrimi 20€",  # a fee scam
        "Software tester, on a project for Una Prevoz through an agency.",  # a client
    ],
)
def test_albanian_clients_ambassadors_sold_companies_and_fee_scams(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_i_work_at_in_albanian_is_no_outlet_lead(store):
    assert press("Punoj në Krajina Assist, turni i natës.", name="Sara") is None
    assert employers_of(store, "Punoj në Krajina Assist, turni i natës.") == {"competitors"}
