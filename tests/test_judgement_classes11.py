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
