"""Classes of judgement error fixed in the twenty-second session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

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
