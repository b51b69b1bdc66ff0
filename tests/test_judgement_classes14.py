"""Classes of judgement error fixed in the fourteenth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented (the outlets are real entries of
the shipped gazetteer); the bios are paraphrases of the classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.roles import DEFAULT_LEXICON, press_evidence
from tests.test_judgement_classes7 import employers
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {
                "name": "Okapi Savings Bank",
                "aliases": ["Okapi Savings", "ኦካፒ ቁጠባ"],
                "domains": ["okapisavings.com"],
            }
        ]
    },
    "suppliers": {
        "organisations": [
            {
                "name": "Lumen Optics Group",
                "aliases": ["LumenOptics"],
                "handles": ["LumenOptics"],
            }
        ]
    },
    "competitors": {
        "organisations": [
            {
                "name": "Kora Off-Grid Energy",
                "aliases": ["Kora Energy", "ኮራ ኢነርጂ"],
                "former_names": ["Kora Lamps"],
                "handles": ["KoraEnergy"],
            }
        ]
    },
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


def employers_of(store, bio: str) -> set[str]:
    return employers(store, bio, ORGS)


# ---- Amharic and Tigrinya ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("የሽያጭ ተወካይ በኮራ ኢነርጂ ። ቡና እወዳለሁ", {"competitors"}),  # "at Kora Energy": በ joined on
        ("የሂሳብ ሰራተኛ ለኦካፒ ቁጠባ ።", {"customers"}),  # "for Okapi Savings": ለ joined on
        ("ኮራ ኢነርጂ ።", {"competitors"}),  # the name alone, no preposition
        ("ቡና እና መጽሐፍ ። አዲስ አበባ", set()),
    ],
)
def test_a_name_in_ethiopic_script_after_a_joined_preposition_is_the_name(store, bio, expected):
    assert employers_of(store, bio) == expected


@pytest.mark.parametrize(
    "bio",
    [
        "የሳምንታዊ ጋዜጣ አምደኛ ። ገጣሚ ።",  # a weekly paper's columnist
        "የማለዳ ዜና አቅራቢ ።",  # a morning news presenter
    ],
)
def test_amharic_press_titles(bio):
    assert press(bio)


@pytest.mark.parametrize(
    "bio",
    [
        "የቴሌቪዥን ፕሮግራም ይፋዊ ገጽ ። ቅዳሜ ምሽት ።",  # "of the television": የ joined on
        "ወግዓዊ ገጽ ናይ ከተማና ቲቪ",  # Tigrinya: official page of a town's TV
    ],
)
def test_an_ethiopic_outlet_noun_with_a_joined_preposition_is_an_outlet(bio):
    found = press(bio, name="Kestrel")
    assert found and found.is_outlet_account


@pytest.mark.parametrize(
    "bio",
    [
        "ሪፖርተር ነበርኩ፣ አሁን በኮሌጅ መምህር ።",  # Amharic: "I was a reporter, now a lecturer"
        "ጋዜጠኛ ነይረ፣ ሕጂ ነጋዳይ ።",  # Tigrinya: "I was a journalist, now a trader"
    ],
)
def test_i_was_a_journalist_in_amharic_or_tigrinya_is_the_past(bio):
    assert press(bio) is None


# ---- outlets' own accounts -------------------------------------------------------------------


def test_a_station_named_with_its_frequency_is_a_broadcaster():
    found = press("Music and talk for the valley, all day.", name="Kestrel FM 99.1")
    assert found and found.is_outlet_account


@pytest.mark.parametrize("name", ["BBC News Hausa", "BBC News – Somali", "Voice of America Urdu"])
def test_an_outlet_s_name_and_a_language_is_its_service_in_that_language(name):
    found = press("", name=name, handle="svc")
    assert found and found.is_outlet_account


def test_an_outlet_s_name_and_another_word_is_not_a_language_service():
    assert press("", name="BBC News Fan Club", handle="fans") is None


def test_a_person_whose_handle_starts_like_an_outlet_s_with_a_job_elsewhere_is_not_the_outlet():
    # @addisstandard is the outlet's handle; this one only starts like it.
    bio = "Addis Standard reporter 2009-2016. Now lecturer in history at a university."
    assert press(bio, name="Hana Bekele", handle="addisstandard_old") is None
    found = press("", name="Addis Standard Archive", handle="addisstandard_old")
    assert found and found.outlet == "Addis Standard"


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Cricket Daily", "Scores, fixtures and news every day."),  # the subject in the name
        ("Telenovela Daily", "News of every episode, every day."),
    ],
)
def test_fan_news_whose_subject_is_in_the_name_is_not_an_outlet(name, bio):
    assert press(bio, name=name, handle="fan") is None


def test_a_korean_church_s_news_is_a_community_not_an_outlet():
    assert press("대구 한인교회 소식", name="대구 한인교회", handle="church") is None


# ---- verbs and titles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "أكتب لـ«العربي الجديد» عن الهجرة والعمل.",  # "I write for The New Arab"
        "مدونة. أكتب في «إندبندنت عربية».",  # the alef with its hamza, the gazetteer without
    ],
)
def test_i_write_for_a_known_outlet_in_arabic_is_press(bio):
    found = press(bio)
    assert found and found.outlet in {"The New Arab", "Independent Arabia"}


def test_a_commentator_whose_main_job_is_elsewhere_is_a_second_look_not_press():
    bio = "Senior lecturer in economics, Harbour University. Commentator on BBC News."
    found = press_evidence("lect", "Dr Lee", bio, None, DEFAULT_LEXICON)
    assert found and not found.strong


# ---- employer or not -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Field engineer @LumenOptics 🇩🇪 → 🇰🇪. Fibre and patience.", {"suppliers"}),
        ("Field engineer @LumenOptics → @KoraEnergy.", {"competitors"}),
    ],
)
def test_arrows_between_flags_are_countries_not_jobs(store, bio, expected):
    assert employers_of(store, bio) == expected


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Branch manager, Kora Bank, Adama branch. Banking with a smile.", set()),
        ("Lecturer, Kora University. Physics.", set()),
        ("Sales lead, Kora. Adama.", {"competitors"}),
    ],
)
def test_a_short_name_then_bank_or_university_is_another_organisation(store, bio, expected):
    assert employers_of(store, bio) == expected


@pytest.mark.parametrize(
    "bio",
    [
        "Programme officer at a women's cooperative. Partners: Okapi Savings, UNICEF.",
        "Electrician. Subcontracting for Kora Off-Grid Energy this season.",
        "Used to answer calls at Okapi Savings Bank. Now I bake bread.",
        "Founded Kora Lamps in 2009. Now angel investor and sailor.",
    ],
)
def test_partners_subcontracts_and_past_jobs_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set()


def test_an_account_two_organisations_run_together_belongs_to_both(store):
    bio = "Joint service of Okapi Savings Bank and LumenOptics: solar loans repaid by phone."
    assert employers_of(store, bio) == {"customers", "suppliers"}


# ---- prune -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "فني تركيب ألواح شمسية في هرر",  # Arabic: solar panel fitter
        "Farsamoyaqaan tamarta qorraxda, Garoowe.",  # Somali: solar energy technician
        "Fundi wa paneli za jua, Arusha.",  # Swahili: solar panel technician
    ],
)
def test_the_solar_field_in_arabic_somali_and_swahili_is_on_topic(bio):
    from audience.prune import TopicMatcher

    assert TopicMatcher(["solar"]).terms(bio)


def test_betting_bait_is_a_scam(world):
    world.accounts(person("30", bio="Best odds in the country. 18+ only."))
    world.posts("30", ["Bet now and win https://t.co/x1"])
    follow_all(world, ["30"])
    assert "scam" in world.suggested(include_below=True)["30"]


# ---- round 39: the scripts of Pakistan, own accounts, clients and unions ------------------------

MORE_ORGS = {
    "customers": {"organisations": [{"name": "Sahil Bank", "handles": ["SahilBankPK"]}]},
    "competitors": {
        "organisations": [{"name": "Lahore Call Works", "aliases": ["LCW"], "handles": ["LCW_pk"]}]
    },
    "suppliers": {"organisations": [{"name": "Zarya Academy", "handles": ["ZaryaAcademy"]}]},
}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("ساحل بینک | برانچ مینیجر، ملتان", {"customers"}),  # Urdu spelling of Sahil Bank
        ("لاهور ڪال ورڪس ۾ ايجنٽ", {"competitors"}),  # Sindhi: an agent at Lahore Call Works
        ("ٽريننگ مئنيجر، لاهور ڪال ورڪس | اڳ ۾ زاريا اڪيڊمي", {"competitors"}),  # before: past
        ("ساحل کے کنارے شام", set()),  # "an evening on the shore": one word is not the name
    ],
)
def test_a_listed_name_written_in_urdu_or_sindhi_script_is_the_name(store, bio, expected):
    assert employers(store, bio, MORE_ORGS) == expected


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Zarya Academy graduate. Looking for a call centre job.", set()),
        ("Sahil Bank Employees Union. Rights and dignity.", set()),
        ("Freelance designer. Currently contracting for Sahil Bank.", set()),
        ("COO of a clinic. Our helpline runs on Lahore Call Works, great partners.", set()),
        ("Key account manager for Sahil Bank at Zarya Academy.", {"suppliers"}),
    ],
)
def test_graduates_unions_contracts_and_client_accounts_are_not_the_employer(store, bio, expected):
    assert employers(store, bio, MORE_ORGS) == expected


def test_your_own_handle_is_yours_whatever_its_posts_name(store):
    from audience.segment import parse_segment_config
    from tests.test_segment_judgement import segments_of

    raw = {"segments": MORE_ORGS, "self": {"names": ["Awaz CX"], "handles": ["@AwazCX"]}}
    found = segments_of(
        store,
        parse_segment_config(raw),
        {"handle": "AwazCX", "bio": "Contact centres in five languages."},
        posts={"AwazCX": ["Proud to extend our partnership with Sahil Bank as their team."]},
    )
    assert found == {"AwazCX": set()}


@pytest.mark.parametrize(
    "bio",
    [
        "سب ايڊيٽر، روزاني اخبار، سکر",  # Sindhi: sub-editor, a daily paper
        "د سولې راډیو خبریال، کندهار",  # Pashto: a radio's reporter
        "د ښار ټلویزیون وړاندې کوونکې",  # Pashto: a city TV's presenter
    ],
)
def test_sindhi_and_pashto_press_titles(bio):
    assert press(bio)


def test_a_pashto_spokesman_is_not_press():
    assert press("د ولایت ویاند، کندهار") is None


def test_the_contact_centre_field_in_sindhi_is_on_topic():
    from audience.prune import TopicMatcher

    assert TopicMatcher(["contact centre"]).terms("ڪال سينٽر ٽرينر، سکر")


def test_a_full_stop_after_capitals_ends_the_sentence_before_a_dated_past_job():
    bio = 'Host of "Money Matters" on Harbour TV. Former banker (Sahil Bank, 2008-2015).'
    assert press(bio)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("The Ledger", "Digital news for young Freedonia. Explainers and videos."),
        ("Waseb Times", "سرائیکی وسیب دیاں خبراں"),  # Saraiki: news of the Waseb
    ],
)
def test_a_kind_of_news_for_someone_and_saraiki_news_are_an_outlet(name, bio):
    found = press(bio, name=name, handle="outlet")
    assert found and found.is_outlet_account


def test_good_news_for_everyone_is_no_outlet():
    assert press("Good news for everyone: I'm back", name="Jo") is None


# ---- round 40: Latvian and Lithuanian cases, words and fields ----------------------------------

BALTIC_ORGS = {
    "customers": {
        "organisations": [
            {"name": "Ozolkalns", "handles": ["ozolkalns_lv"]},
            {"name": "Kurzemes Ūdens Centrs", "aliases": ["KŪC"]},
        ]
    },
    "competitors": {"organisations": [{"name": "Zibšņa Enerģija", "aliases": ["Zibsnis"]}]},
}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Klientu konsultante Ozolkalna klientu centrā. Zvani un kafija.", {"customers"}),
        ("IT vadītājs Kurzemes Ūdens Centrā. Digitālā veselība.", {"customers"}),
        ("Ozolkalns loģistikas vadītājs. Biju viesis podkāstā.", {"customers"}),
        ("Ozolkalna finanšu direktors.", {"customers"}),
        ("Pastaiga gar Ozolkalna ezeru.", set()),  # a walk by the lake: no job
    ],
)
def test_a_latvian_name_in_another_case_is_the_name(store, bio, expected):
    assert employers(store, bio, BALTIC_ORGS) == expected


@pytest.mark.parametrize(
    "bio",
    [
        "Rakstu par maizi. Ozolkalns ir mans mīļākais, bet nestrādāju tur!",
        "Metāla konstrukcijas Šiauliuose. Nesusiję su Ozolkalns (LV).",
        "Kokapstrāde Zemgalē. Mūsu elektrības piegādātājs – Zibšņa Enerģija.",
        "Kalbėjau Zibšņa Enerģija renginyje apie klientų patirtį.",
    ],
)
def test_disclaimers_clients_and_events_in_latvian_and_lithuanian_are_not_the_employer(store, bio):
    assert employers(store, bio, BALTIC_ORGS) == set()


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Fotožurnālists, LETA. Ielas un hokejs.", True),
        ("Pensionēts žurnālists. 30 gadi laikrakstā. Tagad dārzs.", False),
    ],
)
def test_latvian_photojournalists_and_retired_journalists(bio, expected):
    assert bool(press(bio)) is expected


def test_card_details_bait_in_latvian_is_a_scam(world):
    world.accounts(person("31", bio="Atmaksa 120 EUR klientiem. Ievadiet kartes datus šeit."))
    world.posts("31", ["Saņemiet atmaksu https://t.co/x2"])
    follow_all(world, ["31"])
    assert "scam" in world.suggested(include_below=True)["31"]


def test_the_energy_retail_field_and_the_contact_centre_in_baltic_languages():
    from audience.prune import TopicMatcher

    energy = TopicMatcher(["energy retail"])
    assert energy.terms("KTU profesorius. Energetikos rinkos.")
    assert energy.terms("Enerģētikas politika un tarifi Latvijā.")
    assert TopicMatcher(["contact centre"]).terms("Kontaktcentra vadītājs.")
    # electric bikes are no energy retailer's field, and a Turkish recipe is no tariff
    assert not TopicMatcher(["e-bike", "vélo électrique"]).terms("Smart meter tariffs.")
    assert not energy.terms("Bugünün tarifi: mercimek çorbası")


# ---- round 41: Swahili press, Tanzanian outlets, field words ------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Mwandishi Mwananchi, Arusha. Habari za utalii.",  # a writer at a known outlet
        "Mwandishi wa HabariLeo, Kigoma. Habari za ziwa.",  # "wa": of
        "Mwandishi wa michezo, Mwanaspoti. Soka la Bongo.",  # a sports writer
        "Mwandishi huru: naandikia Raia Mwema na Jamhuri.",  # freelance, "I write for"
        "Mtayarishaji wa vipindi, Azam TV. Utalii na mapishi.",  # a programme producer
    ],
)
def test_swahili_press_titles_and_leads(bio):
    assert press(bio)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Kigoma Leo Blog", "Habari za Kigoma na ziwa Tanganyika kila siku."),
        ("Kituo TV", "Kituo cha televisheni cha Kigoma. Habari, michezo na burudani."),
    ],
)
def test_swahili_outlets_own_accounts(name, bio):
    found = press(bio, name=name, handle="outlet")
    assert found and found.is_outlet_account


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Habari Kila Dakika", "Habari za kila dakika kutoka Afrika Mashariki. Roboti."),  # a bot
        ("Tuzo za Habari", "Tuzo za Waandishi wa Habari Kigoma. Nominations open."),  # awards
        ("Mzee Ali", "Mhariri mstaafu, Uhuru."),  # a retired editor
        ("Soko la Kigoma", "Habari za wafanyabiashara wa soko la Kigoma."),  # traders' page
        ("Mama Amina", "Habari za asubuhi! Mama wa watoto wawili."),  # "good morning"
        ("Neema Films", "Film & ad producer. TV commercials and music videos."),
    ],
)
def test_what_only_looks_like_swahili_press_is_not(name, bio):
    assert press(bio, name=name, handle="h") is None


def test_swahili_hauliers_are_in_the_logistics_field_and_portugal_is_not_a_port():
    from audience.prune import TopicMatcher

    logistics = TopicMatcher(["logistics"])
    assert logistics.terms("Msafirishaji Mbeya–Tunduma. Malori 12.")
    assert not logistics.terms("Dicas de viagem em Lisboa e Portugal.")


def test_arabic_film_news_is_a_fan_s_not_an_outlet():
    assert press("أخبار الأفلام المصرية", name="سينما", handle="cinema") is None


# ---- round 42: Armenian cases, romanised Armenian, editions, camera crews -----------------------

ARMENIAN_ORGS = {
    "customers": {
        "organisations": [
            {"name": "Aragats Bank", "aliases": ["Արագած Բանկ"]},
            {"name": "Shirak Insurance", "aliases": ["Շիրակ Ապահովագրություն"]},
        ]
    },
    "suppliers": {"organisations": [{"name": "Tavush Networks", "aliases": ["TVN"]}]},
}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Շիրակ Ապահովագրության վաճառքի մենեջեր։", {"customers"}),  # genitive of -ություն
        ("Արագած Բանկում եմ աշխատում։", {"customers"}),  # "I work at Aragats Bank"
        ("Aragats Bankum em ashkhatum, call center-um.", {"customers"}),  # romanised
        ("TVN-um em ashkhatum, network engineer.", {"suppliers"}),  # an acronym, hyphenated
        ("Արագած լեռը ձմռանը։", set()),  # Mount Aragats in winter: one word, no job
    ],
)
def test_armenian_names_in_their_cases_and_romanised(store, bio, expected):
    assert employers(store, bio, ARMENIAN_ORGS) == expected


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Forbes Kenya", "Business, wealth, leadership. Print & online.", True),  # an edition
        ("Forbes Nairobi", "Nairobi fans of rich lists.", False),  # a city is no edition
        ("Sam Doe", "Cameraman at Kestrel TV. Filming since 2005.", True),
        ("Sam Doe", "Fact-checking platform: checking Freedonian media since 2017.", True),
        ("Sam Doe", "Թոշակառու լրագրող։ 40 տարի թերթում։", False),  # a retired journalist
        ("Parody", "Պարոդիա։ Իրական լուրեր չկան։", False),  # parody, no real news
    ],
)
def test_editions_camera_crews_fact_checkers_and_armenian_retirees(name, bio, expected):
    assert bool(press(bio, name=name, handle="h")) is expected


def test_an_association_named_like_an_outlet_and_a_country_is_no_edition():
    bio = "Contact Centre Management Association Kenya. Events, awards, research."
    assert press(bio, name="Forbes Kenya", handle="assoc") is None


def test_the_contact_centre_field_in_georgian_and_speech_analytics():
    from audience.prune import TopicMatcher

    topics = TopicMatcher(["contact centre"])
    assert topics.terms("საკონტაქტო ცენტრის მენეჯერი, ქუთაისი.")
    assert topics.terms("PhD student, speech recognition for call audio.")


# ---- round 43: Japanese context, glued trails and markers, Nepali --------------------------------

JAPANESE_ORGS = {
    "customers": {
        "organisations": [
            {"name": "長良川信用金庫", "aliases": ["ながしん"]},
            {"name": "桜丘日本語学校", "aliases": ["桜丘学園"]},
        ]
    },
}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("長良川信用金庫 国際部。外為担当。", {"customers"}),  # a department after the name
        ("日本語教師。桜丘学園で初級クラス担当。", {"customers"}),  # "at ...: in charge of"
        ("ながしん岐阜支店です。", {"customers"}),  # a branch
        ("桜丘学園の卒業生です。", set()),  # a graduate: no job there
    ],
)
def test_a_japanese_employer_with_a_department_branch_or_charge(store, bio, expected):
    assert employers(store, bio, JAPANESE_ORGS) == expected


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Sam", "日本経済新聞 名古屋支社 記者。自動車、物流。", True),  # 自動車 is a car
        ("Sam", "東海テレビ報道部 ディレクター。", True),  # the newsroom
        ("Sam", "現代ビジネス、プレジデントオンラインで寄稿。", True),  # "I contribute to"
        ("Sam", "中日新聞社 広告局で営業しています。", False),  # ad sales at a paper
        ("中日新聞（嘘）", "中日新聞のパロディアカウントです。", False),  # parody, glued
        ("ニュースbot", "タイのニュースを自動で転載するbotです", False),  # a bot
        ("Sam", "सम्पादक, Nepal Japan Khabar", True),  # Nepali: editor
    ],
)
def test_japanese_and_nepali_press_and_what_only_looks_like_it(name, bio, expected):
    assert bool(press(bio, name=name, handle="h")) is expected


# ---- round 44: Azerbaijani titles and case endings, Russian news producers ----------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Kestrel TV-da aparıcı. Səhər proqramı hər gün 08:00", True),  # a presenter
        ("Kestrel telekanalının aparıcısı. Axşam xəbərləri.", True),  # "the channel's presenter"
        ("Kestrel fotomüxbiri. Hadisə yerindən.", True),  # a photojournalist
        ("Продюсер новостей, Kestrel.az", True),  # a news producer
        ("Dövlət qurumunda aparıcı mütəxəssis. Statistika.", False),  # a leading specialist
        ("AMEA-nın müxbir üzvü, iqtisad elmləri doktoru.", False),  # a corresponding member
        ("Jurnalistika fakültəsi, 3-cü kurs. Gələcək müxbir.", False),  # a student
    ],
)
def test_azerbaijani_presenters_and_what_only_looks_like_press(bio, expected):
    assert bool(press(bio)) is expected


def test_an_azerbaijani_job_after_a_hyphenated_case_ending_names_the_employer(store):
    orgs = {"suppliers": {"organisations": [{"name": "KestrelPay", "handles": ["KestrelPay"]}]}}
    assert employers(store, "KestrelPay-da marketinq üzrə mütəxəssis 🎯", orgs) == {"suppliers"}
    assert employers(store, "KestrelPay-da hesab açdım, çox rahatdır.", orgs) == set()
