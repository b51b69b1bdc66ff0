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
