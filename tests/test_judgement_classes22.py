"""Classes of judgement error fixed in the twenty-second session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import _bot_words
from audience.roles import is_parody
from tests.test_judgement_classes19 import employers_of, press

# ---- round 79: Khmer, Vietnamese and Chinese in Cambodia; listings and careers accounts ---------

ZWSP = "\u200b"


@pytest.mark.parametrize(
    "bio",
    [
        f"អ្នក{ZWSP}យក{ZWSP}ព័ត៌មាន ផ្នែក​កីឡា | បាត់ដំបង",  # words marked with zero-width spaces
        f"นัก{ZWSP}ข่าว สาย{ZWSP}เศรษฐกิจ เชียงใหม่",  # Thai writers do it too
        "neak yok pornmean khang setthakech | Kampot",  # the Khmer title romanised
    ],
)
def test_khmer_and_thai_titles_are_read_across_zero_width_spaces_and_romanised(bio):
    assert press(bio, name="Chanthou"), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Tonle Daily Online", "ព័ត៌មានក្នុងស្រុក និងពិភពលោក រៀងរាល់ថ្ងៃ"),  # local and world news
        ("Người Việt Kampot", "Tin tức cộng đồng cho bà con Kampot, Kep mỗi tuần"),
        ("River Ledger", "Farming news across the lower delta, Takeo desk"),
        ("Kep Guide", "Kep's events listing: markets, gigs, ferries. Free every month."),
        ("Saturday Lines", "a weekly email of walks and food stalls in Battambang, by two cousins"),
    ],
)
def test_outlets_that_call_themselves_local_community_or_listings_news(name, bio):
    found = press(bio, name=name, handle="tonle_lines")
    assert found is not None and found.is_outlet_account, bio


def test_a_channel_written_hdtv_is_a_broadcaster_after_a_title():
    found = press("Evening weather presenter on Sovann HDTV ⛅", name="Malis")
    assert found is not None and found.outlet == "Sovann HDTV"


def test_an_outlets_careers_account_is_the_outlets_own():
    bio = "Open roles in our newsroom and on the business side. Apply through the link."
    found = press(bio, name="Daily Maverick Careers", handle="dm_hiring_desk")
    assert found is not None and found.outlet == "Daily Maverick"


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Mondulkiri Honey News", "not news, just honey 🍯 raw & organic, shipped nationwide"),
        ("湄公快讯", "每日转发 金边 华文 新闻 | 自动"),
    ],
)
def test_a_denied_news_name_and_a_daily_repost_feed_are_not_press(name, bio):
    assert press(bio, name=name, handle="honey_or_feed") is None, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("contributor, Bangkok Post opinion page | PhD candidate in law, Chulalongkorn", False),
        ("Op-ed contributor, Rappler | doctoral researcher, Ateneo", False),
        ("Contributor at Rappler, covering Mindanao since 2019", True),
    ],
)
def test_a_contributor_whose_main_work_is_a_doctorate_is_no_journalist(bio, expected):
    assert (press(bio, name="Ratana") is not None) is expected, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Brisa Móvil brand ambassador ✨ | model | Asunción",
        "Actor. Banco Ceibo ambassador for the 2026 savings campaign",
        "Fonix influencer 🎧 unboxings and honest reviews",
    ],
)
def test_a_brands_ambassador_or_influencer_is_not_its_staff(store, bio):
    assert employers_of(store, bio) == set(), bio


# ---- round 80: Irish English and Irish; newsrooms, lower-case bios, "now at" ------------------


def test_a_stations_hourly_bulletins_are_no_bot():
    found = press("Newsreader @Beacon_FM_News, bulletins every hour from 7", name="Orla")
    assert found is not None and found.outlet == "@Beacon_FM_News"
    assert press("Irish headlines every hour, automatically", name="Éire Wire") is None
    assert _bot_words("Newsroom bulletins every hour", "") is None
    assert _bot_words("Headlines every hour", "") == "every hour"


@pytest.mark.parametrize(
    ("bio", "outlet"),
    [
        ("Farming editor, Irish Independent. Eight years at a weekly, now at Irish Independent",
         "Irish Independent"),
        ("Photographer for RTÉ. Was with TG4 for a decade, now at RTÉ", "RTÉ"),
    ],
)
def test_a_move_to_the_same_outlet_keeps_the_title_current(bio, outlet):
    found = press(bio, name="Ciara")
    assert found is not None and found.outlet == outlet, bio


def test_an_outlets_newsroom_is_the_outlet_a_companys_is_its_press_office():
    found = press("Newsroom of Newstalk. Breaking stories from Dublin and beyond", name="NT Desk")
    assert found is not None
    assert press("The newsroom of Brisa Móvil: releases and media contacts", name="Brisa") is None


@pytest.mark.parametrize(
    ("bio", "outlet"),
    [
        ("sports producer at raidió na gaeltachta | peil & iomáint", "Raidió na Gaeltachta"),
        ("presenter, newstalk. dublin 8", "Newstalk"),
        ("ceamaradóir le raidió na life, baile átha cliath", "Raidió na Life"),
    ],
)
def test_an_outlet_written_in_lower_case_in_a_lower_case_bio(bio, outlet):
    found = press(bio, name="Séan")
    assert found is not None and outlet in (found.outlet or ""), bio


@pytest.mark.parametrize(
    "bio",
    [
        "producer at the times of my life, dad of three",  # an outlet's name that runs on
        "Tuairisceoir scoile don iris, dalta sa chúigiú bliain",  # a school pupil's "reporter"
        "Galway correspondent for no one in particular, opinions on everything",  # a joke
    ],
)
def test_lower_case_names_that_run_on_pupils_and_joke_correspondents_are_not_press(bio):
    assert press(bio, name="Séan") is None, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Managing director at nodo cloud. Blow-in to Salto", {"suppliers"}),
        ("Cabin crew at brisa móvil. From Rivera, living in Cork", {"customers"}),
        ("Byłem w Fonix, teraz pracuję w szkole w Galway", set()),  # "I was at"
        ("Reclamando do Banco Ceibo há um mês, sem resposta", set()),  # a complaint
        ("Banco Ceibo refunds desk 💸 DM your IBAN to claim", set()),  # a scam
    ],
)
def test_lower_case_employers_after_a_job_and_leavers_complaints_and_scams(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- round 81: Moroccan French, Arabic and Darija -------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Fès Flash", "Actu de Fès et de Meknès en continu | alertes push", True),
        ("Rif Média", "Journal électronique du Rif et de l'Oriental", True),
        ("النهار المغربي", "أسبوعية وطنية مستقلة | ملفات وحوارات", True),
        ("كود Goud", "جريدة إلكترونية ساخرة وجادة من الدار البيضاء", True),  # satire, no parody
        ("مطبخ سلمى", "وصفات يومية سهلة", False),  # "daily" recipes are no daily paper
        ("أخبار كل ساعة", "عناوين الصحف كتتنشر هنا أوتوماتيكيا كل صباح", False),  # a bot
        ("نادية", "كانت صحافية ف راديو مارس، دابا ف العلاقات العامة ديال الشركات", False),
        ("إلياس", "طالب إعلام | صحفي المستقبل إن شاء الله", False),  # a future journalist
    ],
)
def test_moroccan_outlets_satire_bots_and_not_press(name, bio, expected):
    found = press(bio, name=name, handle="maghreb_x1")
    assert (found is not None) is expected, bio


def test_a_weekly_columnist_at_a_known_outlet_is_press_beside_a_day_job():
    found = press("Chroniqueuse hebdo à Hespress | avocate au barreau de Rabat", name="Leila")
    assert found is not None and found.outlet == "Hespress"


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Conseillère client Brisa Móvil le soir, étudiante le jour | Oujda", {"customers"}),
        ("مسؤول فريق ف Fonix الرباط 🎧", {"suppliers"}),  # Darija "ف", at
        ("Chargé de compte Banco Ceibo chez Tala Contact", {"competitors"}),  # a client
        ("Téléconseillère chez Quebracho BPO, campagne Brisa Móvil", {"competitors"}),
        ("Retraitée. 28 ans chez Banco Ceibo, puis Fonix. Jardin et tricot.", set()),
        ("Jefe de ventas | Nodo Cloud | capitán de barco retirado", {"suppliers"}),
        ("Section syndicale des salariés de Tala Contact. Salaires, horaires.", set()),
        ("Brisa Móvil Service Client — envoyez votre code en DM pour le remboursement", set()),
    ],
)
def test_moroccan_employers_clients_retirees_unions_and_scams(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


def test_a_darija_parody_says_so_in_transliteration():
    assert is_parody("بنك سيبو الحقيقي 😂", "باروديا: البنك اللي ما كيجاوبش")


# ---- round 82: Haitian French and Kreyòl ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Caraïbe Dépêches", "Agence de presse en ligne basée aux Cayes : politique, culture"),
        ("Télé Sud", "La télévision nationale, au service des familles du Sud"),
        ("Sud-Est Matin", "Actualité du Sud-Est et des Nippes. Rédaction à Jacmel."),
        ("Lanbi Nò", "Sit enfòmasyon pou Nòdwès la. Pòdpè, Jean-Rabel."),
    ],
)
def test_haitian_agencies_public_television_and_regional_news(name, bio):
    found = press(bio, name=name, handle="ayiti_media")
    assert found is not None and found.is_outlet_account, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Présentatrice du journal de 20h, Télé Caraïbes",
        "Caméraman et monteur, Canal 11 | Les Cayes",
        "Animatris \"Bonjou Lakay\" sou Radyo Vwa Lesid 98.1 📻",
        "Éditeur de Nord Infos Express, site d'actualité du Cap",
    ],
)
def test_french_and_kreyol_broadcast_and_publishing_titles(bio):
    assert press(bio, name="Wilner"), bio


def test_a_career_ended_elsewhere_does_not_end_the_column():
    bio = "Chroniqueur « Lavi Lakay » au Nouvelliste. Retraité de la douane."
    assert press(bio, name="Jean") is not None
    assert press("Reporter, Radio Kiskeya. Retired.", name="Jean") is None


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ('Nadège "La Journaliste"', "Lifestyle & vlogs 🎥 | ambassadrice d'une marque de thé"),
        ("Farah", 'Influenceuse | "reporter" de ma vie à PAP | collab en DM'),
        ("Jounalis Pa Peye", "Pawodi jounalis ayisyen. Nou rapòte sa ki pa janm rive."),
    ],
)
def test_nicknames_in_quotes_and_kreyol_parody_are_not_press(name, bio):
    assert press(bio, name=name, handle="ayiti_fun") is None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Sèvis kliyan Banco Ceibo. Voye nimewo kont ou ak PIN pou nou ede w",  # a scam
        "Tout bon plan Brisa Móvil yo! Kòd, pwomo. (kont fanatik, pa ofisyèl)",  # a fan page
        "Consultante en image. Ma clientèle : Banco Ceibo, ambassades, ONG.",  # a client
        "Support clients Banco Ceibo. Envoyez vos identifiants en DM, réponse rapide.",  # a scam
    ],
)
def test_kreyol_scams_fan_pages_and_french_clienteles_are_not_staff(store, bio):
    assert employers_of(store, bio) == set(), bio


# ---- round 83: Belgian Dutch, French and German -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Pieter", "Chef binnenland @destandaard. Daarvoor bij een regionale krant.", True),
        ("Le Courrier de la Semois", "Hebdo en ligne de Bouillon à Florenville", True),
        ("Gemeente Lier", "Officieel account van de gemeente. Mail ons: info@lier.be", False),
        ("BVJ", "Beroepsvereniging voor journalisten in Brussel en Vlaanderen", False),
        ("SJW", "Syndicat des journalistes de Wallonie : carte de presse, droits", False),
    ],
)
def test_belgian_desk_heads_online_weeklies_towns_and_journalists_bodies(name, bio, expected):
    assert (press(bio, name=name, handle="be_x1") is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Reporter, Brussels Times. Before journalism: 5 years at Tala Contact.", set()),
        ("Pigiste. Ma conjointe travaille chez Banco Ceibo, je n'en parle pas.", set()),
        ("Versicherungsbüro Weber — Ihre Brisa-Móvil-Agentur in Sankt Vith", set()),
        ("Budgettips op TikTok | samenwerking met Brisa Móvil #ad", set()),
        ("Fonix Studio licences -80%, crack included, DM now", set()),
        ("Nodo Cloud zoekt mensen! Werk van thuis uit, geen ervaring nodig", set()),
    ],
)
def test_belgian_leavers_partners_agents_sponsors_and_scams_are_not_staff(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- round 84: Zambian English ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Chalo", "Camera, ZNBC Luapula. On the road most days", True),
        ("Bupe", "Photographer | Zambia Monitor | Ndola | courts & council", True),
        ("The Link", "Weekly community paper for Kabwata and Libala. Free on Fridays.", True),
        ("Kwacha Media", "A digital media house from Livingstone: news, music, sport", True),
        ("Lens North", "Photojournalism from Solwezi and the North-Western Province", True),
        ("Chanda", "Camera: a Nikon Z6 and two primes, mostly weddings", False),
        ("Copper Feed", "Headlines & more. Reposting from across Zambian sites", False),
    ],
)
def test_zambian_camera_crews_community_papers_media_houses_and_aggregators(name, bio, expected):
    assert (press(bio, name=name, handle="zm_x1") is not None) is expected, bio
