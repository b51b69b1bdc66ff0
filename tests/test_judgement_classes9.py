"""Classes of judgement error fixed in the ninth session (issue 12), one test per class of
docs/judgement.md. The people, outlets and organisations are invented; the bios are paraphrases
of the classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import OWN_MENTION, TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from tests.test_judgement_classes7 import employers
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "Velora Trasporti", "aliases": ["VLT"]},
            {"name": "Rumah Kita", "aliases": ["RK Group"]},
        ]
    },
    "competitors": {"organisations": [{"name": "Orbis Mobilité", "aliases": ["ORM"]}]},
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- not press: a title denied ---------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "I make explainer videos for brands. Not a journalist, promise.",
        "Penulis konten untuk UMKM. Bukan jurnalis ya 🙏",  # Indonesian
        "Texterin für Agenturen, keine Journalistin.",  # German
        "Hago vídeos para marcas; no soy periodista.",  # Spanish
    ],
)
def test_a_denied_press_title_is_not_press(bio):
    assert press(bio) is None, bio


def test_a_journalist_who_denies_another_job_is_still_press():
    assert press("Reporter at the Harbour Ledger, not a PR person.")


# ---- the past, in Indonesian -------------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Pengajar ilmu komunikasi. Pernah jadi redaktur harian lokal 8 tahun.",  # "once was"
        "Redaktur senior (purna tugas). Sekarang beternak lele.",  # retired
    ],
)
def test_a_past_press_job_in_indonesian_is_not_press(bio):
    assert press(bio) is None, bio


def test_a_past_employer_in_indonesian_is_not_the_employer(store):
    assert (
        employers(store, "Pernah bekerja di Velora Trasporti 4 tahun. Kini bertani.", ORGS) == set()
    )


# ---- not press: student media, a membership body's bulletin, a headline bot -------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Reporter pers mahasiswa Gema Fajar | Ilmu Komunikasi '24",
        "Penyiar radio kampus, mahasiswi semester 5.",
    ],
)
def test_campus_media_is_not_press(bio):
    assert press(bio) is None, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Harbour Logistics Association", "Monthly bulletin for members of the association."),
        ("Warta Perhimpunan", "Buletin triwulanan untuk anggota perhimpunan pengusaha."),
    ],
)
def test_a_bulletin_for_members_is_not_an_outlet(name, bio):
    assert press(bio, name=name, handle="bulletin") is None, bio


def test_an_automated_news_feed_is_not_press():
    assert press("Berita pasar modal otomatis.", name="Kabar Saham Feed") is None


# ---- press: new ways of saying it -------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "ngeliput olahraga buat @harianbolaku (akun pribadi)",  # Jakarta slang, "covering"
        "Juru warta Radar Kudus. Nyerat bab tani.",  # Javanese
        "Produser Warta Sore. Cari narasumber tiap hari.",  # a title and a news-named show
        "Producer, Weekend Headlines. Views mine.",
        "Host Podcast Dapur Usaha. Kerja harian: akuntan.",  # a podcast host with a day job
        "Host, The Long Commute podcast. Day job in accounting.",
    ],
)
def test_new_press_wordings_are_press(bio):
    assert press(bio), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Tim Grafik Kabar Timur", "Grafik dan data. Bagian dari redaksi Kabar Timur."),
        ("Ledger Data", "Charts and numbers. Part of the Northern Ledger newsroom."),
    ],
)
def test_a_desk_that_says_it_belongs_to_a_newsroom_is_press(name, bio):
    found = press_evidence("desk", name, bio, None, DEFAULT_LEXICON)
    assert found and found.strong and found.is_outlet_account, bio


def test_belonging_to_a_company_is_not_a_newsroom():
    assert press("Part of the Orbis family of brands.", name="Orbis Careers") is None


def test_a_lead_word_followed_only_by_a_city_is_not_an_outlet():
    assert press("Cosplay & anime Medan ✨ weekend meetups") is None


# ---- employer vs mention ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Petugas loket di kantor Velora Trasporti cabang Udine.", "customers"),  # "at the office"
        ("Customer care agent on the VLT account, outsourced via Orbis Mobilité.", "competitors"),
        ("Staf IT di Rumah Kita. Suka kopi.", "customers"),
    ],
)
def test_the_employer_is_found(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Cerita rumah tangga. Rumah kita, surga kita 🏠",  # the name's words as ordinary words
        "Layanan Velora Trasporti 24 jam. Refund cepat, hubungi WA admin.",  # a scam
        "Biro perjalanan. Berangkat bersama Velora Trasporti tiap pekan.",  # travels with them
        "Kontraktor listrik. Sering dapat proyek Velora Trasporti.",  # a contractor
        "Partner resmi Velora Trasporti di Jawa Timur.",  # an authorised partner
    ],
)
def test_a_mention_is_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


# ---- prune: on topic or not --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reservations centre manager for a resort group in Lombok.",
        "مديرة تجربة العملاء | مراكز الاتصال",  # Arabic, plural
        "Head of CS di marketplace lokal.",
    ],
)
def test_contact_centre_trade_words_are_on_topic(text):
    assert TopicMatcher(["contact centre", "customer service"]).terms(text), text


def test_a_handle_a_post_addresses_is_not_a_topic():
    topics = TopicMatcher(["layanan pelanggan", "#layananpelanggan"], own=("@harbourcare",))
    assert topics.terms("@air_layanan kapan nyala lagi?") == set()
    assert topics.terms("Terima kasih @harbourcare untuk diskusinya") == {OWN_MENTION}


def test_a_generic_word_spelled_with_k_or_y_does_not_stand_for_a_topic():
    assert TopicMatcher(["Kunden Portal"], fields=False).terms("Neue Kunden gesucht") == set()


def test_an_hourly_quote_bot_is_suggested_even_when_it_follows_back(world):
    bot = person("30", bio="Kutipan motivasi layanan pelanggan setiap jam.", location="Jakarta")
    world.accounts(bot, person("31"))
    follow_all(world, ["30", "31"])
    suggested = world.suggested()
    assert "bot" in suggested.get("30", []) and "31" not in suggested


# ---- round 24: Arabic and Armenian press, and what only looks like it -------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "كاتب مقال أسبوعي في جريدة الوادي. مهتم بالاقتصاد",  # Arabic: columnist
        "Լրագրող | տնտեսություն, Երևան",  # Armenian: journalist
        "محرر سابق في جريدة النهار. أعمل الآن بشكل مستقل",  # former staff, now freelance
    ],
)
def test_arabic_and_armenian_press_titles(bio):
    assert press(bio, name="Karim Haddad"), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("مطبخ سلمى", "قناة يوتيوب عن الطبخ المصري. وصفات كل أسبوع"),  # a YouTube channel
        ("م. طارق", "مهندس في شركة القناة للمقاولات"),  # "Canal" in a company's name
        ("رابطة المصريين في ميلانو", "أخبار تهم المصريين في ميلانو"),  # a community's news
    ],
)
def test_a_channel_word_or_a_community_s_news_is_not_an_outlet(name, bio):
    assert press(bio, name=name, handle="page") is None, bio


def test_an_arabic_news_channel_or_radio_is_an_outlet():
    assert press("قناة إخبارية مصرية على مدار الساعة", name="الوادي نيوز", handle="wadinews")
    assert press("راديو الشباب. أغاني وأخبار كل يوم", name="Shabab FM", handle="shababfm")


def test_a_writing_verb_is_not_press_when_the_name_gives_another_job():
    assert (
        press("I write newsletters for founders. Ex-journalist.", name="Lina | Copywriter") is None
    )
    # a title with its outlet still is
    assert press("Reporter at The Harbour Times", name="Sam | Copywriter")


def test_a_verb_in_a_business_s_display_name_is_not_press():
    assert press("", name="Delta Hosting Helpdesk", handle="deltahosting") is None


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("مهندسة بشركة VLT - القاهرة", "customers"),  # "at the company" glued to the name
        ("كابتن VLT - المعادي", "customers"),  # a job word right before the name
        ("Team lead at Orbis Mobilité (Velora Trasporti programme).", "competitors"),
    ],
)
def test_arabic_job_words_and_a_client_programme_in_brackets(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "كنت شغال في Velora Trasporti وسبت الشغل",  # "I was working at ... and left"
        "صفحة غير رسمية لعمال Velora Trasporti",  # an unofficial page
        "Velora Trasporti gold member 🚆 pendolare felice",  # a loyalty tier, then an emoji
    ],
)
def test_arabic_past_unofficial_pages_and_loyalty_tiers_are_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


# ---- geography in Arabic letters ---------------------------------------------------------------


def test_arabic_place_names_resolve_and_do_not_collide():
    from audience.geo import matches_region, normalize_location

    assert normalize_location("أسوان").country == "EG"
    assert normalize_location("الرياض").country == "SA"
    assert normalize_location("القاهرة، مصر").city == "Cairo"
    # A home region written in Arabic names its own country, not a look-alike elsewhere.
    assert not matches_region(normalize_location("Karachi"), ["مصر", "أسوان"])


# ---- an agency by its two-letter form, where an outlet must stand ------------------------------


@pytest.mark.parametrize("bio", ["Photographer, AP. Lima.", "Senior producer AP | views mine"])
def test_a_two_letter_agency_form_right_after_a_title_is_an_outlet(bio):
    found = press(bio)
    assert found and found.outlet == "AP", bio


@pytest.mark.parametrize("bio", ["Photographer. AP Moller fan", "Accounts payable, AP team lead"])
def test_two_capital_letters_elsewhere_are_no_outlet(bio):
    found = press_evidence("x", "Sam Doe", bio, None, DEFAULT_LEXICON)
    assert not (found and found.outlet == "AP"), bio


# ---- round 25 --------------------------------------------------------------------------------

ORGS_PH = {
    "competitors": {"organisations": [{"name": "Sundo Mobility", "aliases": ["Sundo"]}]},
    "suppliers": {"organisations": [{"name": "Kalinda Chat", "domains": ["kalinda.io"]}]},
}


@pytest.mark.parametrize(
    ("bio", "segments"),
    [
        ("Sundo | Ops Iloilo & Bacolod | night owl", {"competitors"}),  # the name, then a bar
        ("tl sa sundo help 🎧 | night shift", {"competitors"}),  # all lower case, "at" before
        ("Support lead. Views mine. kalinda.io", {"suppliers"}),  # the employer's site
        ("Rider ako. Hatid-sundo ng anak araw-araw.", set()),  # a word joined by a hyphen
        ("Sundo-sundo lang sa kanto, walang app.", set()),
        ("males macet, sundo aja. akun receh", set()),  # lower case, no "at"
        ("Partner at a fund. Investor in kalinda.io and others.", set()),  # a portfolio link
        ("Private group account for Sundo drivers in Cebu.", set()),  # not the company's
    ],
)
def test_names_in_lower_case_hyphens_and_links(store, bio, segments):
    assert employers(store, bio, ORGS_PH) == segments, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Kusina Weekend", "Weekend food show on GMA News. Recipes and markets."),  # a programme
        ("D. Reyes", "Bloomberg, Singapore. Locked account."),  # an outlet, then its city
        ("Luz Abellana", "Nagsulat og kolum matag Domingo sa SunStar."),  # Cebuano
        ("Gab Cruz", "Brodkaster | Radyo Pilipinas | tuwing umaga"),  # Tagalog
    ],
)
def test_programmes_outlets_with_a_city_and_philippine_press_words(name, bio):
    assert press(bio, name=name), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Our new show on Netflix is coming soon!",
        "Ex-Reuters, Manila. Now in PR.",
        "Journalism programme, Harbour University. Training reporters since 1950.",
        "Head, Correspondent & Remittance Partnerships, a bank in Ortigas.",
    ],
)
def test_a_show_a_past_outlet_a_school_and_correspondent_banking_are_not_press(bio):
    assert press(bio, name="Harbour") is None, bio


@pytest.mark.parametrize(
    "text", ["Customer service head at an electric co-op.", "Forecasts call volumes for a living."]
)
def test_customer_service_and_call_volumes_are_contact_centre_words(text):
    assert TopicMatcher(["contact centre"]).terms(text), text


# ---- round 26: the Western Balkans ---------------------------------------------------------------

ORGS_BALKANS = {
    "customers": {
        "organisations": [
            {"name": "Zora Market", "handles": ["zoramarket"]},
            {"name": "Lipnica"},
            {"name": "Volt Dom"},
        ]
    },
    "suppliers": {"organisations": [{"name": "Vexton"}]},
}


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Ivana Perić", "Urednica, Jutarnji list. Gospodarstvo i rad."),  # outlet, then section
        ("Marko Ilić", "@N1info | ekonomija i energetika"),  # the outlet's handle alone
        ("Index.hr", "Vijesti iz Hrvatske i svijeta."),  # an outlet by its name
        ("Политика Спорт", "Спортска рубрика дневног листа Политика."),  # a section's account
    ],
)
def test_balkan_outlets_and_their_people_are_press(name, bio):
    assert press(bio, name=name, handle="acct"), bio


@pytest.mark.parametrize(
    "bio",
    ["Novinarka u penziji. 30 godina u Blicu.", "Novinar u pokušaju. Trenutno radim u kafiću."],
)
def test_retired_and_aspiring_journalists_are_not_press(bio):
    assert press(bio, name="Ana") is None, bio


@pytest.mark.parametrize(
    ("bio", "segments"),
    [
        ("Direktorka prodaje u Zora Marketu.", {"customers"}),  # locative case
        ("CFO Lipnice. Planinar vikendom.", {"customers"}),  # genitive of a name ending in -a
        ("Osnivač firme (2009.), danas CTO Vextona.", {"suppliers"}),
        ("CEO, Volt Dom grupa. Ljudi i brojevi.", {"customers"}),  # "volt" is a past marker too
        ("Korrier në Vexton, Tiranë.", {"suppliers"}),  # Albanian
        ("Radio sam 7 god. u Vextonu. Sada u banci.", set()),  # the past goes on after "god."
        ("Dve nedelje čekam pošiljku od @zoramarket.", set()),  # a complaint
        ("Nezvanična stranica ljubitelja Zora Marketa.", set()),  # an unofficial page
        ("Marketing konsultant. Sarađujem sa Zora Market i drugim brendovima.", set()),
        ("Studentkinja. Praksa u Vexton (leto 2024). Tražim posao.", set()),  # an internship
        ("Predavač na Vexton Summit 2026. Direktor kontakt centra u banci.", set()),  # an event
    ],
)
def test_balkan_employers_and_mentions(store, bio, segments):
    assert employers(store, bio, ORGS_BALKANS) == segments, bio


@pytest.mark.parametrize(
    "text", ["Menaxher i qendrës së thirrjeve, Durrës.", "Supervizorka u kontakt centru, Niš."]
)
def test_balkan_contact_centre_words_are_on_topic(text):
    assert TopicMatcher(["contact centre"]).terms(text), text


# ---- round 27: Peru ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "segments"),
    [
        ("Kunanqa Orbis Mobilité-pi llamkani.", {"competitors"}),  # a Quechua case suffix
        ("Pasajera frecuente. Harta de los retrasos de Velora Trasporti.", set()),  # a complaint
        ("Mi tarjeta Velora Trasporti me cobró dos veces sin aviso.", set()),
        ("Community manager freelance. Gestiono redes para Velora Trasporti y una clínica.", set()),
        ("Gerente CX en una cooperativa. Nuestro contact center lo opera Orbis Mobilité.", set()),
        ("Fotos antiguas de Velora Trasporti. Cuenta de fans.", set()),
        ("Consulente antifrode. Ho lavorato con Orbis Mobilité e altri vendor.", set()),
    ],
)
def test_spanish_italian_and_quechua_employers_and_mentions(store, bio, segments):
    assert employers(store, bio, ORGS) == segments, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Salud al Día", "Programa de salud de RPP Noticias. Domingos 9am."),  # a programme
        ("Rosa Díaz", "Jefa de Informaciones, Diario Gestión. Docente universitaria."),
        ("華僑日報", "香港華文報紙，每日出版。"),  # traditional Chinese
        ("Elsa Mamani", "Aymara yatiyiri, Radio Pachamama. Puno."),  # Aymara
    ],
)
def test_spanish_programmes_and_titles_chinese_and_aymara_press(name, bio):
    assert press(bio, name=name, handle="acct"), bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("佐藤", "ジャーナリスト。元新聞記者、現在は企業の広報担当。"),  # now in PR
        ("Revista Signo", "Revista científica de comunicación. Artículos académicos."),
    ],
)
def test_a_journalist_now_in_pr_and_an_academic_journal_are_not_press(name, bio):
    assert press(bio, name=name, handle="acct") is None, bio
