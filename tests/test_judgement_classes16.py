"""Classes of judgement error fixed in the sixteenth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from tests.test_judgement_classes7 import employers
from tests.test_prune import follow_all, person
from tests.test_prune import world as world  # noqa: F401 - the fixture
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "Yablunka Market", "aliases": ["Яблунька Маркет", "Яблунька"]},
            {"name": "Verba Pharm", "aliases": ["Аптека Верба", "Аптеки Верба"]},
            {"name": "Domotekh", "aliases": ["Домотех"]},
        ]
    },
    "suppliers": {"organisations": [{"name": "Kolos Leasing", "aliases": ["Колос Лізинг"]}]},
    "competitors": {"organisations": [{"name": "Strila Express", "aliases": ["Стріла Експрес"]}]},
}


def press(bio: str, name: str = "Оксана Левчук", handle: str = "oksana_l"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


def employers_of(store, bio: str) -> set[str]:
    return employers(store, bio, ORGS)


# ---- Ukrainian and Russian: press words that say no, the past, a dream, a student -------------


@pytest.mark.parametrize(
    "bio",
    [
        "Рецензую настільні ігри. Блогер, не журналіст.",  # "a blogger, not a journalist"
        "Веду канал про садівництво. Не репортерка, просто люблю квіти",
        "Кореспондент на пенсії. Тридцять років у районці, тепер бджоли.",  # retired
        "Хочу стати журналісткою. Поки що пишу дописи про все підряд.",  # a dream
        "Мечтаю стать журналистом, пока учусь в колледже",  # Russian: a dream
        "Студент факультету журналістики, 2 курс. Пишу у вільний час.",
        "Пародія на новинний канал. Вигадані новини щодня 🤡",  # parody of an outlet
        "Викладаю в університеті. Журналістику люблю, але вже не практикую",  # the field
        "Переклади, копірайтинг, трохи журналістики. Пишіть у приват",
        "Журналистика — моё хобби. Работаю бухгалтером",  # Russian: the field as a hobby
    ],
)
def test_ukrainian_and_russian_bios_that_only_look_like_press_are_not(bio):
    assert press(bio) is None


@pytest.mark.parametrize(
    ("bio", "name"),
    [
        ("Пишу про екологію та енергетику для Zelenyi Kurier.", "Марта Ковалик"),  # verb phrase
        ("Міське медіа про Черкаси: події, люди, транспорт", "Черкаський Вісник"),
        ("Городской новостной сайт Запорожья. Работаем с 2015 года", "Запорожье Сегодня"),
        ("Новостной проект о жизни Харькова", "Харьков Инфо"),
        ("Независимая журналистика о Поволжье", "Волга Медиа"),
        ("Фрилансерка: Forbes Україна, Економічна правда", "Ірина Сорока"),  # freelance for
    ],
)
def test_ukrainian_and_russian_press_is_found(bio, name):
    assert press(bio, name=name)


def test_a_post_about_the_news_is_no_outlet():
    assert press("Хочу бути блогером. Пишу пости про новини, читайте") is None
    assert press("Retired teacher. Mostly writing about the news these days") is None


def test_a_news_word_at_the_end_of_a_list_of_subjects_is_no_outlet():
    depot = "Депо тролейбусів Полтави. Рейси, ремонти, новини"
    assert press(depot, name="Тролейбусне депо") is None
    # outlet nouns listed together still describe the account itself
    assert press("Magazine, podcast.", name="Harbour Quarterly")


def test_football_news_that_names_its_publisher_by_website_is_press():
    bio = "Football scores and news. A service of harbourpost.co.uk"
    assert press(bio, name="Harbour Football", handle="harbour_football")


def test_finnish_portfolio_after_a_freelance_photographer_is_press():
    assert press("Freelance-valokuvaaja. Kuvia mm. Yle, Helsingin Sanomat, Aamulehti.")


# ---- Ukrainian employers: a job before the name, quoted, in lower case, in a department ---------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Провізорка, завідувачка аптеки «Верба» біля вокзалу. 15 років стажу", {"customers"}),
        ("Керівник контакт-центру Домотех (Луцьк). Вчу новеньких", {"customers"}),
        ("Касирка домотех, Рівне. кава, книжки, коти", {"customers"}),
        ("Водій, Аптеки Верба, Луцьк. Ліки без затримок", {"customers"}),
        ("Механік. До 2023 — Колос Лізинг. Тепер своя майстерня", set()),  # until 2023: the past
        ("Until 2023: Kolos Leasing. Now running my own garage.", set()),
        ("Двадцять років у Стріла Експрес, тепер на пенсії", set()),  # retired
        ("PR-агенція. Серед клієнтів — Яблунька Маркет і Колос Лізинг", set()),  # clients
        ("Таргетолог. Клієнти: Яблунька, Домотех, Верба", set()),
        ("Ведемо комунікації Стріла Експрес і трьох банків", set()),
        ("ФОП. Продаю свічки ручної роботи на Яблунька Маркет", set()),  # sells on it
        ("Бус беремо в Колос Лізинг, возимо меблі по області", set()),  # leases from it
    ],
)
def test_ukrainian_employers_clients_and_the_past(store, bio, expected):
    assert employers_of(store, bio) == expected


def test_the_last_name_of_a_list_is_no_employer_unless_a_job_heads_the_list(store):
    bio = "Бот вакансій. Щодня: Стріла Експрес, Яблунька, Домотех — свіжі оголошення"
    assert employers_of(store, bio) == set()
    assert employers_of(store, "Sales engineer, field team, Domotekh") == {"customers"}


# ---- prune: trade words of more languages, bodies and freelancers --------------------------------


@pytest.mark.parametrize(
    ("topic", "bio"),
    [
        ("logistics", "Raktárvezető, Debrecen. Futárszolgálatok és csomagok"),  # Hungarian
        ("logistics", "Диспетчерка вантажних перевезень, Луцьк"),  # Ukrainian
        ("contact centre", "Керую сапортом у магазині техніки. Клієнти — понад усе"),
        ("contact centre", "Ügyfélszolgálati csoportvezető, Szeged"),
    ],
)
def test_trade_words_in_ukrainian_russian_and_hungarian_are_on_topic(topic, bio):
    assert TopicMatcher([topic]).terms(bio)


def test_a_ukrainian_industry_body_is_kept(world):
    body = person(
        "60",
        display_name="Волинська спілка торговельних мереж",
        bio="Галузеве об'єднання торговельних мереж. Засідання, позиції, звіти",
    )
    world.accounts(body)
    follow_all(world, ["60"], followers=[])
    assert "60" not in world.suggested()
