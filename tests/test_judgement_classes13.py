"""Classes of judgement error fixed in the thirteenth session (issue 12), one test per class of
docs/judgement.md. The people, outlets and organisations are invented; the bios are paraphrases
of the classes, not copies of benchmark rows."""

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
            {
                "name": "Okapi Savings Bank",
                "aliases": ["Okapi Savings"],
                "domains": ["okapisavings.com"],
                "handles": ["OkapiSavings"],
            }
        ]
    },
    "suppliers": {
        "organisations": [
            {
                "name": "Lumen Optics Group",
                "aliases": ["LumenOptics", "Lumen-Optics", "流明光电"],
                "handles": ["LumenOptics", "LumenOpticsKenya"],
            },
            {"name": "Baobab Cables", "handles": ["BaobabCables"]},
        ]
    },
    "competitors": {
        "organisations": [
            {
                "name": "Harmattan Net",
                "aliases": ["HarmattanNet"],
                "former_names": ["DustWave Networks"],
                "handles": ["HarmattanNet"],
            }
        ]
    },
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


def segments(store, **account) -> set[str]:
    config = parse_segment_config({"segments": ORGS})
    return segments_of(store, config, {"handle": "m", **account})["m"]


# ---- a company's own publication -------------------------------------------------------------


def test_a_publication_on_the_organisation_s_own_website_is_the_organisation(store):
    found = segments(
        store,
        display_name="Okapi Money Magazine",
        bio="Tips and stories on saving, from Okapi Savings Bank.",
        website="https://okapisavings.com/ledger",
    )
    assert found == {"customers"}


def test_a_podcast_the_organisation_makes_on_its_site_is_press_as_well(store):
    found = segments(
        store,
        display_name="Counter Talk",
        bio="Counter Talk, the branch banking podcast by Okapi Savings Bank. New episodes monthly.",
        website="https://okapisavings.com/podcast",
    )
    assert found == {"customers", "press"}


# ---- denied outlets, programmes on a channel's initials, editorial interns --------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Startup funding rounds, tracked daily. Links only. Not a newsroom.",
        "Market gossip and memes. Not a newspaper, not advice.",
    ],
)
def test_an_outlet_denied_is_no_outlet(bio):
    assert press(bio, name="Funding Tracker") is None


def test_a_show_on_a_channel_s_initials_with_air_times_is_a_programme():
    found = press("Consumer affairs show on KBN. Thursdays 9pm. Send us your stories!")
    assert found and found.is_outlet_account and found.outlet == "KBN"
    assert press("Loved the show on KBN last night") is None  # no air times: a viewer


def test_an_editorial_intern_at_an_outlet_is_press_but_not_a_past_or_future_one():
    assert press("Editorial intern @DailyHarbour. Final-year student. Writing about energy.")
    assert press("Editorial intern at a weekly, summer 2023. Now a UX designer.") is None
    assert press("Journalism student. Newsroom intern this summer, hopefully.") is None


# ---- handles that only start like an outlet's ------------------------------------------------


@pytest.mark.parametrize(
    ("handle", "name", "bio"),
    [
        ("guardian_hospice_trust", "Guardian Hospice Trust", "NGO caring for the dying."),
        ("guardian_grace_church", "Grace Fellowship", "Sunday worship at 10. All welcome."),
        ("guardian_pr_body", "PR Society West", "Chartered Institute of PR, western chapter."),
    ],
)
def test_another_kind_of_organisation_whose_handle_starts_like_an_outlet_s_is_no_outlet(
    handle, name, bio
):
    assert press_evidence(handle, name, bio, None, DEFAULT_LEXICON) is None


def test_a_journalist_whose_handle_starts_with_the_outlet_s_is_still_its(store):
    found = press_evidence("guardian_amina", "Amina Yusuf", "Lagos. Views mine.", None)
    assert found and found.outlet == "The Guardian"


# ---- employer: secondary handles as names, tenure, departments, complaints --------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Key accounts, Lumen-Optics Kenya. Nairobi & Mombasa.", "suppliers"),  # @LumenOpticsKenya
        ("Field engineer at DustWave since 2016. Fibre, splicing, patience.", "competitors"),
        ("流明光电 海外市场部。Overseas marketing.", "suppliers"),  # its marketing department
    ],
)
def test_names_a_secondary_handle_a_former_name_and_a_department_give_the_employer(
    store, bio, segment
):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Just a tailor. Okapi Savings Bank owes me two refunds since June.",
        "Harmattan Net cut my line four times this month. Four!",
        "Lumen-Optics Kenya fan. Best cables, I said it.",  # a product talk, no job
        "流明光电俱乐部 会员",  # a club, not a department
        "I love DustWave since 2016 lol",
    ],
)
def test_a_customer_speaking_and_a_name_without_a_job_are_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_handles_of_two_brands_in_a_list_are_an_influencer_s_clients(store):
    bio = "Lifestyle creator. Ambassador @HarmattanNet, @OkapiSavings. Bookings by e-mail."
    assert employers(store, bio, ORGS) == set()
    joint = "Das gemeinsame Angebot von @HarmattanNet und @OkapiSavings."  # run jointly
    assert employers(store, joint, ORGS) == {"competitors", "customers"}


def test_a_name_in_serbian_with_a_dative_pronoun_is_still_the_employer(store):
    bio = "Vozim kombi. Baobab Cables mi je poslodavac od 2021."
    assert employers(store, bio, ORGS) == {"suppliers"}


# ---- prune: link-only posting ----------------------------------------------------------------


def test_three_posts_that_are_only_links_are_link_only_spam(world):
    world.accounts(person("20", bio="Vacancies, updated daily. #jobs"))
    world.posts("20", ["Agents https://t.co/a1", "Apply https://t.co/a2", "https://t.co/a3"])
    world.accounts(person("21", bio="Reading, running."))
    world.posts("21", ["Lovely piece https://t.co/b1", "Agree https://t.co/b2"])
    follow_all(world, ["20", "21"])
    found = world.suggested(include_below=True)
    assert "link-only" in found["20"]
    assert "link-only" not in found.get("21", [])  # two shared links are a quiet reader


# ---- the field in more languages -------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Mkufunzi wa huduma kwa wateja. Dar es Salaam.",  # Swahili: customer service trainer
        "Ina horar da ma'aikatan cibiyar kira a Kano.",  # Hausa: call centre staff training
    ],
)
def test_the_contact_centre_field_in_swahili_and_hausa_is_on_topic(bio):
    from audience.prune import TopicMatcher

    assert TopicMatcher(["contact centre"]).terms(bio)


def test_a_telecoms_regulator_is_in_a_broadband_provider_s_field():
    from audience.prune import TopicMatcher

    topics = TopicMatcher(["broadband"])
    assert topics.terms("Consumer desk of the Communications Authority of Freedonia.")
    assert not topics.terms("Consumer desk of the Food Standards Agency.")


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("HNET JSC, financial analyst. Ulaanbaatar.", {"customers"}),  # the acronym, then a job
        ("HNET, field engineer", {"customers"}),
        ("HNET, Beta and Gamma are hiring this week.", set()),  # a list, no job
    ],
)
def test_an_acronym_opening_the_bio_then_a_comma_and_a_job_is_the_employer(store, bio, expected):
    orgs = {"customers": {"organisations": [{"name": "Highland Networks", "aliases": ["HNET"]}]}}
    assert employers(store, bio, orgs) == expected, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Self-appointed editor-in-chief of my personal blog on street food.",
        "主編（自己封的）｜我的部落格寫台南小吃",
        "Tổng biên tập của blog cá nhân về cà phê.",
    ],
)
def test_an_editor_of_a_personal_blog_is_not_press(bio):
    assert press(bio) is None, bio
    assert press("Reporter at the Daily Harbour. My blog: crumbs.net")  # a job at an outlet too


def test_ad_sales_at_an_outlet_is_not_an_editorial_job():
    found = press_evidence(
        "minji", "Min-ji", "광고영업팀. 광고 문의 환영합니다.", "https://www.bbc.co.uk/"
    )
    assert found is None or not found.strong


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Support lead. DustWave → HarmattanNet, same team since 2012.", {"competitors"}),
        ("Sales. Baobab → LumenOptics (same company, new name).", {"suppliers"}),
        ("Harmattan Net → Baobab Cables → a bakery of my own.", set()),  # moved on since
        ("DustWave → Harmattan Net, 30 years. Retired this spring. Gardening now.", set()),
    ],
)
def test_the_last_step_of_a_career_written_with_arrows_is_the_employer(store, bio, expected):
    assert employers(store, bio, ORGS) == expected, bio


def test_a_dated_bracket_mid_sentence_puts_the_rest_of_the_sentence_in_the_past(store):
    assert (
        employers(store, "Co-founder (left 2023) of Baobab Cables. Now investing.", ORGS) == set()
    )
    assert employers(
        store, "Intern (summer 2022) at a bank. Now sales at Baobab Cables.", ORGS
    ) == {"suppliers"}


@pytest.mark.parametrize(
    "bio",
    [
        "Energy reporter, Daily Harbour. Nine years a banker at Okapi Savings Bank before I "
        "found the newsroom.",
        "Staff writer, dh.example. Spent 12 years in banking (Okapi Savings Bank, Lumen Optics "
        "Group) before switching sides",
    ],
)
def test_a_job_before_before_joining_or_switching_is_the_past(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_a_journalist_at_a_known_outlet_writes_about_the_organisations_of_other_sentences(store):
    bio = "Business editor, The Guardian. Okapi Savings, Harmattan Net: I have covered them all."
    assert segments(store, bio=bio) == {"press"}
    day_job = "Columnist, The Guardian. Head of treasury at Okapi Savings Bank."  # a day job
    assert segments(store, bio=day_job) == {"customers"}
