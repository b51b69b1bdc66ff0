"""Classes of judgement error fixed in the tenth session (issue 12), one test per class of
docs/judgement.md. The people, outlets and organisations are invented; the bios are paraphrases
of the classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, organisation_key, press_evidence
from audience.textmatch import WORD
from tests.test_judgement_classes7 import employers
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "บ้านสวนมะลิ", "aliases": ["Baan Suan Mali", "BSM"]},
            {"name": "ร้านข้าวมันไก่ป้าน้อย", "aliases": ["Pa Noi Rice"]},
        ]
    },
    "suppliers": {
        "organisations": [{"name": "Kraviton", "aliases": ["KVT", "KX-9"], "handles": ["kraviton"]}]
    },
    "competitors": {"organisations": [{"name": "เร็วทันใจ", "aliases": ["Reo Express"]}]},
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- scripts whose vowels and tones are marks ---------------------------------------------------


def test_a_name_written_with_vowel_marks_keeps_its_words_whole():
    # Thai vowel signs and tone marks are not letters to Python, but they are part of the word.
    assert organisation_key("บ้านสวนมะลิ") == "บ้านสวนมะลิ"
    assert organisation_key("नई दिल्ली समाचार") == "नई दिल्ली समाचार"
    assert WORD.findall("หัวหน้าแคชเชียร์ ที่ Kraviton") == ["หัวหน้าแคชเชียร์", "ที่", "Kraviton"]


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Store manager บ้านสวนมะลิ สาขาบางนา", "customers"),
        ("COO ร้านข้าวมันไก่ป้าน้อย | ชอบวิ่ง", "customers"),
        ("ฝ่ายขาย เร็วทันใจ ภาคเหนือ 🚚", "competitors"),
        ("วิศวกร ที่ KVT มา 3 ปี", "suppliers"),  # "engineer at": Thai ที่
    ],
)
def test_a_thai_name_after_a_job_is_the_employer(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "เคยทำงาน บ้านสวนมะลิ 5 ปี ตอนนี้ขายกาแฟออนไลน์",  # "used to work at", now elsewhere
        "ลูกค้า เร็วทันใจ ส่งของช้ามาก 😤",  # a customer complaining
    ],
)
def test_a_thai_past_employer_or_a_complaint_is_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


# ---- Thai: the marker after the title, students, bots -------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "ผู้สื่อข่าวเกษียณ ตอนนี้ทำสวนทุเรียน",  # retired reporter: the marker follows the title
        "นักศึกษานิเทศ ปี 2 อยากเป็นนักข่าวสายกีฬา",  # a student who wants to be a journalist
        "บอทดึงพาดหัวข่าวเศรษฐกิจ อัตโนมัติ ทุกชั่วโมง",  # a headline bot
        "経済ニュースを自動で投稿するアカウントです",  # Japanese: an automated feed
    ],
)
def test_retired_students_and_bots_are_not_press(bio):
    assert press(bio) is None, bio


def test_a_working_thai_reporter_is_press():
    assert press("ผู้สื่อข่าวสายเศรษฐกิจ ประจำกรุงเทพฯ")


def test_a_podcast_word_folded_does_not_become_another_word():
    # Folding takes the voicing mark off katakana (ボ -> ホ): "bot" in katakana folds to "hot"
    # and would be found inside "podcast"; a weekly podcast is not an automated feed.
    assert press(
        "経済ポッドキャスト。毎週月曜日に配信。", name="Keizai Podcast", handle="keizaipod"
    )


# ---- clients listed with "and others"; "no relation to" -----------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Media relations for Kraviton, Hollis Tea and others. Boutique agency, Leeds.",
        "Attachée de presse pour Kraviton, Lumen & d'autres marques. Agence à Lyon.",
        "Comunicación para Kraviton, Ferrandiz y otros clientes. Madrid.",
    ],
)
def test_a_name_in_a_list_of_others_is_a_client_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_the_employer_still_counts_when_others_are_elsewhere(store):
    bio = "Field engineer at Kraviton. Weekends: hiking, climbing and others."
    assert employers(store, bio, ORGS) == {"suppliers"}


def test_a_namesake_that_says_it_is_unrelated_is_not_the_organisation(store):
    bio = "Family bakery in Perth since 1998. No relation to Kraviton the manufacturer."
    assert employers(store, bio, ORGS) == set()


# ---- international broadcasters' language services ---------------------------------------------


def test_a_producer_of_an_international_broadcaster_is_press():
    found = press("Khmer service producer, VOA. Elections and labour.")
    assert found and found.outlet == "VOA"


# ---- a department after the job, in Thai and with "&" -------------------------------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("ผู้จัดการคลังสินค้า บ้านสวนมะลิ 🏭", "customers"),  # "warehouse manager", glued
        ("Chef R&D Kraviton, Rennes.", "suppliers"),
    ],
)
def test_a_department_between_the_job_and_the_name(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


# ---- an acronym among abbreviations, or a model number defined in brackets ----------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Physio. Notes to self: KVT ROM ADL, every shift 😅",  # a run of clinical abbreviations
        "Cordless drill kits (KX-9) for hire. Weekends only.",  # a model number, defined
    ],
)
def test_an_acronym_among_others_or_in_brackets_is_not_the_organisation(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_an_acronym_followed_by_a_department_is_still_the_employer(store):
    assert employers(store, "Recruiter at KVT HR team, Leeds", ORGS) == {"suppliers"}


# ---- two qualifiers joined before a title -------------------------------------------------------


@pytest.mark.parametrize(
    "bio", ["Pet & travel photographer, Galway.", "Wedding and news photographer 📷 book now"]
)
def test_a_non_media_qualifier_joined_to_a_media_one_is_not_press(bio):
    assert press(bio) is None, bio


def test_two_media_qualifiers_joined_are_press():
    assert press("Sports and news photographer for the Harbour Ledger.")


# ---- Thai: a title in the display name, gossip, "previously" ------------------------------------


def test_a_former_title_in_a_thai_display_name_is_not_an_outlet_name():
    assert press("ตอนนี้ทำสวนผลไม้ที่จันทบุรี", name="วิชัย (อดีตผู้สื่อข่าว)") is None


def test_thai_gossip_is_not_press():
    assert press("ซุบซิบวงการบันเทิง ข่าววงในดาราทุกวัน", name="เม้าท์มอย") is None


def test_a_thai_journalist_who_previously_worked_for_a_listed_organisation(store):
    bio = "ผู้สื่อข่าวสายธุรกิจ | ก่อนหน้านี้ทำงานที่ Kraviton 2 ปี"
    assert press(bio)
    assert employers(store, bio, ORGS) == set()


# ---- "PM <product>"; an event's "edition" -------------------------------------------------------


def test_pm_right_before_the_name_is_the_employer_but_not_a_time(store):
    assert employers(store, "PM Kraviton 🔧 opinions mine", ORGS) == {"suppliers"}
    assert employers(store, "Home by 6 PM Kraviton fans unite", ORGS) == set()
    assert employers(store, "Seit 2023 Projektleiter Kraviton.", ORGS) == {"suppliers"}


def test_an_awards_account_is_not_an_outlet():
    bio = "Awards for the best contact centres, 2024 edition. Entries open in May."
    assert press(bio, name="Harbour CX Awards 2024", handle="harbourcxawards") is None


def test_a_trade_title_about_events_is_still_an_outlet():
    bio = "The trade magazine for event organisers. Monthly."
    assert press(bio, name="Conference News", handle="confnews")


# ---- prune keeps industry bodies, not every club ------------------------------------------------


def test_an_industry_body_off_topic_is_kept_but_a_club_is_not(world):
    chamber = person(
        "40",
        display_name="Harbour Chamber of Commerce",
        bio="Chamber of commerce for the Harbour region. Trade missions and networking.",
    )
    thai_body = person("41", display_name="สมาคมผู้ค้าปลีก", bio="ข่าวสารสำหรับสมาชิก ทุกเดือน")
    club = person("42", display_name="Canal Runners", bio="Sunday runs along the canal, all paces.")
    world.accounts(chamber, thai_body, club)
    follow_all(world, ["40", "41", "42"], followers=[])
    suggested = world.suggested()
    assert "40" not in suggested and "41" not in suggested
    assert "42" in suggested


# ---- round 29: Central Asia ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "«Таң 24» тілшісі. Қарағанды облысы",  # Kazakh: correspondent
        "Haftalik yangiliklar maktubi: energetika va suv. Obuna bepul.",  # Uzbek newsletter
        "Yangi Davr gazetasi muxbiri. Qishloq xo'jaligi",  # Uzbek: the paper's reporter
    ],
)
def test_kazakh_and_uzbek_press(bio):
    assert press(bio, name="Dilnoza R."), bio


@pytest.mark.parametrize(
    "bio",
    [
        "30 yil «Yangi Davr»da muxbir. Endi nafaqada, nevaralar bilan.",  # retired, "now"
        "Jurnalistika fakulteti talabasi, 2-kurs. Kelajakdagi jurnalist",  # a student
        "Mahalla faollari: yangiliklar, e'lonlar, tadbirlar",  # a neighbourhood group
    ],
)
def test_uzbek_retired_students_and_neighbourhood_groups_are_not_press(bio):
    assert press(bio, name="Yusuf aka") is None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Вторую неделю без света. @kravitonhelp где ответ?",  # Russian complaint
        "@kraviton javob bering, buyurtmam qani?",  # Uzbek complaint
        "Официальный партнёр Kraviton в Бишкеке. Продажа и монтаж.",  # a partner
        "Qurilish mollari. Kraviton, Knauf distribyutori",  # a distributor, Uzbek word order
        "Norasmiy guruh: Kraviton ishchilari, maosh haqida",  # an unofficial group
        "Drills for pros. Competing with Kraviton? We're cheaper.",  # a rival
    ],
)
def test_complaints_partners_and_rivals_do_not_name_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_a_russian_department_after_po_names_the_employer(store):
    assert employers(store, "Инженер по внедрению Kraviton, Алматы", ORGS) == {"suppliers"}


# ---- prune: a home region in the topics is where, not what ---------------------------------------


def test_a_home_region_hashtag_is_a_topic_only_as_a_hashtag():
    topics = TopicMatcher(["#Kazan", "gas supply", "#gas"], places=("Kazan", "Tatarstan"))
    assert topics.terms("Nail salon in Kazan, book online") == set()
    assert topics.terms("Queues again #Kazan") == {"#kazan"}
    assert topics.terms("Gas supply works in Kazan tonight") == {"gas supply", "#gas"}


def test_a_place_in_a_topic_phrase_does_not_stand_for_the_topic():
    topics = TopicMatcher(["Bukhara gas"], fields=False, places=("Bukhara",))
    assert topics.terms("Bukhara carpets and silk") == set()


def test_a_generic_service_or_centre_word_does_not_stand_for_a_topic():
    topics = TopicMatcher(["mijozlarga xizmat", "kontakt markaz"], fields=False)
    assert topics.terms("Taksi xizmati, Urganch") == set()
    assert topics.terms("Savdo markazi, Chilonzor") == set()


def test_an_uzbek_trade_journal_is_press():
    assert press("Ilmiy-amaliy jurnal «Issiqlik». Toshkent", name="Issiqlik jurnali")


def test_a_meme_account_is_parody():
    from audience.roles import is_parody

    assert is_parody("Boiler Memes", "memes about boilers and meters. not affiliated")


# ---- round 30: Ghana --------------------------------------------------------------------------


def test_a_presenter_on_a_station_named_elsewhere_in_the_bio_is_press():
    assert press("Ewe and English. Lagoon FM, Keta. Presenter.", name="Dela K.")
    assert press("Presenter. Mum of two, Keta.", name="Dela K.") is None


@pytest.mark.parametrize(
    "bio",
    [
        "Auto-posting the latest Lagos headlines every hour. Not affiliated.",  # a bot
        "We retweet Kenyan business news. Follow for updates.",  # an RT account
        "Aspiring journalist. Campus reporter at the varsity radio. Level 200.",  # a student
        "Senior correspondent, Harbour Bank (correspondent banking). Trade finance.",
    ],
)
def test_bots_students_and_banking_correspondents_are_not_press(bio):
    assert press(bio, name="Yaw Mensah") is None, bio


def test_correspondent_banking_in_another_sentence_leaves_the_journalist():
    assert press("Correspondent at Reuters, Accra. Before that: correspondent banking.")


def test_a_title_opening_a_company_name_is_not_a_journalist():
    assert press("Shipping line agents, Tema port.", name="Anchor Logistics Tema") is None


def test_a_business_daily_is_an_outlet():
    assert press("Ghana's business daily, since 1989.", name="The Harbour Times", handle="hbt")


@pytest.mark.parametrize(
    "bio",
    [
        "Phones & decoders, Circle market. Kraviton, Reo Express in stock!",  # a shop's brands
        "Paying for Reo Express since 2019. Regretting it since 2019.",  # a paying customer
        "Kraviton official support 24/7. Send your number & PIN for account verification.",
    ],
)
def test_brand_lists_payers_and_scams_do_not_name_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_a_name_with_a_lower_case_word_mid_sentence_is_still_the_name(store):
    assert employers(store, "Head chef @ Baan Suan mali, Bangna branch", ORGS) == {"customers"}
    assert employers(store, "Baan suan mali is my happy place", ORGS) == set()


def test_a_joint_venture_of_listed_organisations_is_no_list_of_brands(store):
    # "Engineer, A & B" reads as a shop's brands; the same words with "joint venture" name the
    # employer, owned by both.
    assert employers(store, "Engineer, Kraviton & Reo Express", ORGS) == set()
    bio = "Engineer, Kraviton & Reo Express joint venture"
    assert employers(store, bio, ORGS) == {"suppliers", "competitors"}
