"""Classes of judgement error fixed in the eleventh session (issue 12), one test per class of
docs/judgement.md. The people, outlets and organisations are invented; the bios are paraphrases
of the classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "Sundarban Knitwear", "aliases": ["SKWL"], "domains": ["sundarbanknit.com"]}
        ]
    },
    "suppliers": {
        "organisations": [
            {
                "name": "Yuhang Switch Technology",
                "aliases": ["宇航交换", "Yuhang"],
                "domains": ["yuhangswitch.cn"],
            },
            {"name": "Nodi Telecom", "aliases": ["নদী"]},
            {"name": "Saptak Contact Services", "aliases": ["Saptak"]},
        ]
    },
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- press ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "name"),
    [
        ("খুলনা বিভাগের স্থানীয় সংবাদ", "Rupsha Barta"),  # Bengali: local news of Khulna division
        ("প্রবাসী বাংলাদেশিদের জন্য অনলাইন নিউজ পোর্টাল", "Probashi Khobor"),  # online news portal
        ("ইতালিপ্রবাসী বাংলাদেশিদের অনলাইন পত্রিকা", "Bangla Roma"),  # the noun ends the phrase
        ("A weekly email digest on South Asian payments. Free to subscribe.", "Remit Notes"),
    ],
)
def test_outlets_describing_themselves_in_bengali_or_as_a_digest_are_press(bio, name):
    assert press(bio, name=name)


@pytest.mark.parametrize(
    "bio",
    [
        "Editorial cartoonist at The Harbour Gazette. Ink, politics, deadlines.",
        "Caricaturista en El Diario del Puerto",
        "Karikaturist bei der Hafenzeitung",
    ],
)
def test_a_cartoonist_at_an_outlet_is_press(bio):
    assert press(bio)


@pytest.mark.parametrize(
    "bio",
    [
        "Cartoonist. Comics for kids, commissions open.",  # no outlet: a freelance artist
        "La cuisine provençale au quotidien 🍅",  # "au quotidien" is "day to day"
        "যুব সংঘের সাধারণ সম্পাদক, রাজশাহী",  # Bengali "general secretary", not an editor
    ],
)
def test_press_looking_words_that_are_not_press(bio):
    assert not press(bio, name="Rina Akter")


def test_a_bengali_editor_at_a_daily_is_press():
    assert press("বার্তা সম্পাদক, দৈনিক উত্তরবঙ্গ", name="Rina Akter")


# ---- organisations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("宇航交换 南亚区域经理", "suppliers"),  # Chinese: the name, then the title
        ("line supervisor skwl since 2020", "customers"),  # all lower case: a job before it
        ("SKWL family since 2018 🧶 quality team", "customers"),
    ],
)
def test_a_title_after_a_chinese_name_a_lower_case_acronym_and_a_family(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "i love skwl sweaters",  # lower case, no job: a word
        "Co-founder of Saptak Contact Services (2011). Stepped down in 2022. Now angel investing.",
        "নদী উৎসব, লোকগান আর নৌকাবাইচ",  # Bengali "river festival": the word, not the carrier
    ],
)
def test_a_past_founder_and_ordinary_words_are_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_your_name_in_a_suppliers_staff_bio_does_not_make_them_yours(store):
    config = parse_segment_config(
        {"segments": ORGS, "self": {"names": ["Dhanshiri Pay"], "handles": ["DhanshiriPay"]}}
    )
    supplier_staff = {
        "handle": "chen_pm",
        "bio": "宇航交换 项目经理。Dhanshiri Pay 项目。",
        "website": "https://yuhangswitch.cn/team",
    }
    own_staff = {"handle": "own_cx", "bio": "Head of CX, Dhanshiri Pay. Opinions mine."}
    found = segments_of(store, config, supplier_staff, own_staff)
    assert found["chen_pm"] & {"suppliers"} == {"suppliers"}
    assert found["own_cx"] & {"customers", "suppliers", "competitors", "press"} == set()


# ---- prune topics --------------------------------------------------------------------------------


def test_payments_words_in_asian_scripts_are_on_a_fintech_topic():
    topics = TopicMatcher(["fintech"])
    assert topics.terms("跨境支付研究员，关注东南亚电子钱包")
    assert topics.terms("মোবাইল ব্যাংকিং নিয়ে কাজ করি")
    assert not topics.terms("بنك الطعام: وجبات للأسر المحتاجة")  # a food bank is no bank


def test_social_media_care_is_contact_centre_work():
    assert TopicMatcher(["contact centre"]).terms("Social media care lead, night shift")


# ---- round 32: the Caucasus ---------------------------------------------------------------------

CAUCASUS = {
    "customers": {
        "organisations": [
            {"name": "Alazani Water", "aliases": ["ალაზანი წყალი"]},
            {"name": "Mtsvane Bank", "aliases": ["მწვანე ბანკი"], "former_names": ["GreenCredit"]},
        ]
    },
    "suppliers": {"organisations": [{"name": "Talgha Cloud", "aliases": ["თალღა", "Talgha"]}]},
    "competitors": {"organisations": [{"name": "Zarbazan Contact", "aliases": ["Zarbazan"]}]},
}


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("ალაზანი წყლის ცხელი ხაზის ხელმძღვანელი", "customers"),  # genitive, then the title
        ("ანალიტიკოსი მწვანე ბანკში. თბილისი", "customers"),  # "in the bank": locative
        ("Talgha-ის მხარდაჭერის ინჟინერი, ქუთაისი", "suppliers"),  # a Latin name, Georgian ending
        ("თალღას ტრენერი", "suppliers"),
    ],
)
def test_a_georgian_name_with_a_case_ending_is_the_employer(store, bio, segment):
    # Georgian has no capitals: its names stand in a job's context, whatever Python's case says.
    assert employers(store, bio, CAUCASUS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "თალღა — ძველი ქართული სიმღერა",  # the word alone, no job: not the supplier
        "Data analyst, Leeds. Ten years in banking (Mtsvane Bank, GreenCredit) before switching.",
        "Editor at Harbour Post. 2018-2021 I was head of PR at Zarbazan Contact, now back home.",
        "Our helpdesk is outsourced to Zarbazan Contact, great team!",
    ],
)
def test_past_brackets_dated_pronoun_clauses_and_clients_are_not_the_employer(store, bio):
    assert employers(store, bio, CAUCASUS) == set(), bio


def test_a_band_named_like_a_supplier_is_not_the_supplier(store):
    config = parse_segment_config({"segments": CAUCASUS})
    band = {"handle": "talgha_music", "display_name": "TALGHA (band)", "bio": "Synth duo. New EP."}
    assert segments_of(store, config, band)["talgha_music"] == set()


@pytest.mark.parametrize(
    ("bio", "name"),
    [
        ("Həftəlik müstəqil bülleten: Xəzər regionunda enerji. Müəllif: Aynur Quliyeva", "Enerji"),
        ("Ֆոտոլրագրող, Երևան", "Anahit"),  # Armenian photojournalist, one word
        ("Reporter, Harbour Times. I follow everyone back 🤝", "Gio"),  # names the outlet
    ],
)
def test_azerbaijani_newsletters_armenian_photojournalists_and_journalists_who_follow_back(
    bio, name
):
    assert press(bio, name=name)


@pytest.mark.parametrize(
    "bio",
    [
        "პენსიონერი ჟურნალისტი. ახლა — ბაღი და შვილიშვილები",  # a retired journalist
        "міські новини щогодини, автопостинг",  # an auto-posting feed
        "Follow for follow! I follow everyone back 🔁",
    ],
)
def test_retired_journalists_feeds_and_follow_for_follow_are_not_press(bio):
    assert not press(bio, name="Nika")


def test_a_us_city_in_georgia_is_not_the_country_georgia():
    from audience.geo import matches_region, normalize_location

    home = ["Georgia", "Tbilisi"]
    assert not matches_region(normalize_location("Savannah, Georgia"), home)
    assert matches_region(normalize_location("Kutaisi, Georgia"), home)
    assert matches_region(normalize_location("Georgia"), home)


# ---- earlier rounds' sets, read again ---------------------------------------------------------


def test_a_newsletter_on_a_newsletter_platform_is_press_whatever_the_day_job():
    found = press_evidence(
        "rails_letter",
        "Kofi Mensah",
        "Product lead by day. I write a fortnightly newsletter on payments in West Africa.",
        "https://railsletter.substack.com",
    )
    assert found and found.strong


def test_a_bengali_channel_of_news_and_entertainment_is_press():
    # entertainment is a broadcaster's genre, not a fan's subject like film gossip
    assert press("সন্ধ্যা টিভি — সংবাদ ও বিনোদন", name="Sondha TV")
