"""Classes of judgement error fixed in the twelfth session (issue 12), one test per class of
docs/judgement.md. The people, outlets and organisations are invented; the bios are paraphrases
of the classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.geo import normalize_location
from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import parse_segment_config
from audience.sounds import name_keys, script_words
from tests.test_judgement_classes7 import employers
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {"organisations": [{"name": "Mahaweli Motors", "aliases": ["MMotors"]}]},
    "suppliers": {"organisations": [{"name": "Kandula Outsourcing", "aliases": ["Kandula BPO"]}]},
    "competitors": {"organisations": [{"name": "Vesak Life", "aliases": ["Vesak Life Cover"]}]},
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- names written in another script -----------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "written"),
    [
        ("Mahaweli Motors", "මහවැලි මෝටර්ස්"),  # Sinhala
        ("Vesak Life", "வெசாக் லைஃப்"),  # Tamil writes f as aytham + pa
        ("Kandula Outsourcing", "Кандула Аутсорсинг"),  # Russian
    ],
)
def test_a_listed_name_sounds_the_same_in_another_script(latin, written):
    assert name_keys(latin) == tuple(w[2] for w in script_words(written))


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("විකුණුම් කළමනාකරු - මහවැලි මෝටර්ස්, මහනුවර", "customers"),  # sales manager at
        ("காப்புறுதி ஆலோசகர் - வெசாக் லைஃப், கண்டி", "competitors"),  # insurance adviser at
        ("Team leader, Кандула Аутсорсинг. Night shift.", "suppliers"),
    ],
)
def test_an_employer_written_in_the_local_script_is_the_employer(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Хлеб, вода, маш. Рецепты на каждый день.",  # ordinary words, not a name split by a comma
        "முன்னாள் வெசாக் லைஃப் முகவர். இப்போது ஆசிரியை.",  # former agent, now a teacher
        "Brand ambassador for Vesak Life and a cricket bat maker.",  # paid to speak for them
    ],
)
def test_ordinary_words_past_jobs_and_ambassadors_are_not_the_employer(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Recruiter for contact centres. Placing agents at Kandula Outsourcing and others.",
        "Head of service at a regional bank. Our voice partner is Kandula Outsourcing.",
        "Trade union for drivers. We represent workers at Mahaweli Motors and six depots.",
    ],
)
def test_recruiters_unions_and_customers_of_a_vendor_are_not_its_staff(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


def test_a_scam_asking_for_a_one_time_code_is_not_the_brand(store):
    bio = "Mahaweli Motors help desk. DM your account number and OTP for a quick refund."
    assert employers(store, bio, ORGS) == set()


# ---- press -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "ප්‍රාදේශීය වාර්තාකරු - මාතර",  # regional correspondent, Matara
        "නිදහස් මාධ්‍යවේදිනී. සතිපතා තීරු ලිපියක්.",  # freelance journalist (f.)
        "ගුවන්විදුලි නිවේදිකා 🎙️ උදෑසන වැඩසටහන",  # radio announcer
        "பிராந்திய செய்தியாளர் - வவுனியா",  # Tamil: regional correspondent
    ],
)
def test_sinhala_and_tamil_press_titles_are_press(bio):
    assert press(bio)


@pytest.mark.parametrize(
    "bio",
    [
        "ஊடகக் கற்கைகள் மாணவன். எதிர்கால பத்திரிகையாளர்.",  # media studies student
        "ජනමාධ්‍ය සිසුවිය. අනාගත මාධ්‍යවේදිනියක්.",  # mass media student, future journalist
        "Agency life. I know which editor takes calls before ten.",  # another editor, not her
    ],
)
def test_students_and_people_who_only_talk_about_editors_are_not_press(bio):
    assert not press(bio)


# ---- geography -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("Galle", "LK"),  # its own name, not Halle's old spelling
        ("Halle", "DE"),  # Halle (Saale) is Halle
        ("Calcutta", "IN"),  # a big city's old name beats a small namesake
        ("Islamabad", "PK"),
    ],
)
def test_a_city_s_own_name_beats_another_city_s_alternate_name(place, country):
    found = normalize_location(place)
    assert found is not None and found.country == country


# ---- Vietnamese, and words that fold into another language's ------------------------------------

VN_ORGS = {"suppliers": {"organisations": [{"name": "Sao Mai Systems", "aliases": ["SMS VN"]}]}}


@pytest.mark.parametrize(
    ("bio", "name"),
    [
        ("Bản tin email mỗi sáng: tin bán lẻ đáng đọc.", "Chợ Sớm"),  # "mỗi" is not French "moi"
        ("PV thể thao @baoxyz. Viết về bóng chuyền.", "Lan Anh"),  # a sports reporter
        ("BTV Đài PT-TH Quảng Ngãi. Bản tin 19h.", "Thu Hà"),  # a regional TV news editor
        ("Hebdomadaire francophone de l'actualité laotienne.", "Le Rénovateur"),
    ],
)
def test_vietnamese_and_french_outlets_and_newsroom_abbreviations_are_press(bio, name):
    assert press(bio, name=name)


@pytest.mark.parametrize(
    "bio",
    [
        "Nhà báo hưu trí. Giờ trồng rau và viết hồi ký.",  # a retired journalist
        "Phân tích dữ liệu. Không phải nhà báo đâu nhé.",  # not a journalist
        "Comité municipal PV en Tlaquepaque.",  # a party's initials, not a reporter's
    ],
)
def test_retired_denied_and_initials_are_not_press(bio):
    assert not press(bio)


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Chuyên gia triển khai tại Sao Mai Systems.", {"suppliers"}),  # "gia" is not "già"
        ("Già consulente di Sao Mai Systems, ora in pensione.", set()),  # Italian: formerly
        ("I deliver for Sao Mai Systems, Grab and anyone who pays on time.", set()),
    ],
)
def test_a_past_marker_needs_its_accents_and_a_list_of_anyone_is_no_employer(
    store, bio, expected
):
    assert employers(store, bio, VN_ORGS) == expected, bio


# ---- Mongolian ----------------------------------------------------------------------------------

MN_ORGS = {
    "customers": {
        "organisations": [
            {"name": "Uliastai Wool", "aliases": ["Улиастай Ноос"]},
            {"name": "Selenge University", "aliases": ["Сэлэнгэ Их Сургууль", "СИС"]},
        ]
    },
    "competitors": {"organisations": [{"name": "Khuvsgul Bank", "aliases": ["Хөвсгөл Банк"]}]},
}


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Хөвсгөл Банкны эрсдэлийн хэлтсийн дарга.", "competitors"),  # the bank's (genitive)
        ("Улиастай Ноосны экспортын менежер.", "customers"),
        ("Сэлэнгэ Их Сургуулийн маркетингийн багш.", "customers"),  # the soft sign drops
        ("СИС-ийн санхүүгийн албаны дарга.", "customers"),  # a case ending on the acronym
    ],
)
def test_mongolian_case_endings_on_the_employer_s_name(store, bio, segment):
    assert employers(store, bio, MN_ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Хөвсгөл Банкны дуудлагын төвийн ажилтнуудад ханган нийлүүлдэг.",  # supplies them
        "Хуучин Улиастай Ноос. Одоо хувиараа.",  # formerly
    ],
)
def test_mongolian_suppliers_and_past_jobs_are_not_the_employer(store, bio):
    assert employers(store, bio, MN_ORGS) == set(), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Эдийн засгийн сэтгүүлч. Банк, санхүү.",  # economics journalist
        "Мэдээний хөтлөгч, орой 20:00",  # news anchor
        "Чөлөөт сэтгүүлч. Уул уурхай, байгаль орчин.",  # freelance journalist
    ],
)
def test_mongolian_press_titles_are_press(bio):
    assert press(bio)


@pytest.mark.parametrize(
    "bio",
    [
        "Сэтгүүл зүйн 2-р курсын оюутан. Ирээдүйн сурвалжлагч.",  # student, future reporter
        "Хөвсгөл Банкны ахлах эдийн засагч. Сонинд зочин нийтлэл бичдэг.",  # guest columns
    ],
)
def test_mongolian_students_and_guest_writers_are_not_press(bio):
    assert not press(bio)


# ---- Chinese and Japanese ------------------------------------------------------------------------

ZH_ORGS = {
    "customers": {"organisations": [{"name": "Qingsong Hotels", "aliases": ["青松酒店", "QSH"]}]},
    "suppliers": {"organisations": [{"name": "Lanyu Linen", "aliases": ["蘭嶼布草"]}]},
}


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("青松酒店訂房中心 客服｜每天接電話", "customers"),  # the name runs into the department
        ("Guest Relations Manager｜QSH 青松酒店｜NPS", "customers"),  # full-width bars
        ("蘭嶼布草 大阪工場エンジニア。", "suppliers"),  # a Japanese job at the end of the run
    ],
)
def test_chinese_and_japanese_names_glued_to_their_department_name_the_employer(
    store, bio, segment
):
    assert employers(store, bio, ZH_ORGS) == {segment}, bio


def test_a_journalist_at_a_known_outlet_writes_about_the_organisations_the_bio_names(store):
    reporter = {"handle": "tw_reporter", "bio": "中央社 記者｜觀光、青松酒店、航空業"}
    found = segments_of(store, parse_segment_config({"segments": ZH_ORGS}), reporter)
    assert found["tw_reporter"] == {"press"}  # the hotel chain is her beat


@pytest.mark.parametrize(
    "bio",
    [
        "廣播電台主持人｜每天下午四點到六點",  # a radio host
        "自由撰稿｜旅遊、美食｜現在替雜誌寫專欄",  # a freelance writer
        "台灣旅宿業電子報，每週一封。",  # a newsletter
    ],
)
def test_chinese_press_titles_and_outlets_are_press(bio):
    assert press(bio, name="小安")


@pytest.mark.parametrize(
    "bio",
    [
        "新聞系學生｜校刊記者｜喜歡拍照",  # a journalism student on the campus paper
        "市政府發言人。記者會時間請見官網。",  # a spokesperson and press conferences
    ],
)
def test_chinese_students_and_spokespeople_are_not_press(bio):
    assert not press(bio, name="小安")


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("旅客｜青松酒店延誤入住兩小時 你們到底在幹嘛", set()),  # a guest complaining
        ("晴天公關｜客戶：青松酒店、兩家旅行社", set()),  # a PR agency's client
        ("2027/1 將加入 青松酒店 人資處", set()),  # joins next year
        ("青松酒店 營收管理｜數字控", {"customers"}),  # revenue management at the chain
    ],
)
def test_chinese_complaints_clients_future_jobs_and_departments(store, bio, expected):
    assert employers(store, bio, ZH_ORGS) == expected, bio


def test_chinese_topic_words_of_two_characters_match_inside_a_bio():
    from audience.prune import TopicMatcher

    topics = TopicMatcher(["飯店", "contact centre"])
    assert topics.terms("台南 某飯店 前檯經理｜飯店人")
    assert not topics.terms("台南 小吃 部落客")


@pytest.mark.parametrize(
    ("bio", "orgs", "segment"),
    [
        ("Улиастай ноос экспортын хэлтсийн менежер.", MN_ORGS, "customers"),  # sentence case
        ("Trưởng phòng tại SMS (Sao mai Systems). Hà Nội.", VN_ORGS, "suppliers"),
    ],
)
def test_a_name_in_sentence_case_with_a_job_beside_it_is_the_employer(store, bio, orgs, segment):
    assert employers(store, bio, orgs) == {segment}, bio
