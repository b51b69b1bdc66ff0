"""Shared helpers for writing blind44's src/*.txt (rows, handles, the pools of names)."""

import random

RNG = random.Random(44)
AZ_MAP = str.maketrans("əƏçÇşŞğĞıİöÖüÜxX", "eEcCsSgGiIoOuUxX")


def handle_of(name: str, suffix: str = "") -> str:
    base = name.translate(AZ_MAP).lower().replace("'", "")
    parts = [p for p in base.split() if p.isascii() and p.isalpha()]
    stem = "_".join(parts[:2]) if parts else "user"
    return (stem + suffix)[:15]


def line(*fields: str) -> str:
    return "~~".join(str(f) for f in fields)


def posts(*texts: str) -> str:
    return " || ".join(texts)


def day(offset_days: int) -> str:
    """A date offset_days before 2026-11-30."""
    from datetime import date, timedelta

    return (date(2026, 11, 30) - timedelta(days=offset_days)).isoformat()


def counts(followers: int, following: int, tweets: int, flags: str = "") -> str:
    return f"{flags}{followers}/{following}/{tweets}"


def recent() -> str:
    return day(RNG.randint(1, 60))


def year() -> str:
    return str(RNG.randint(2010, 2023))


AZ_NAMES = [
    "Rəşad Əliyev",
    "Günay Hüseynova",
    "Elvin Quliyev",
    "Nigar Həsənova",
    "Tural İsmayılov",
    "Aysel Kərimova",
    "Orxan Abbasov",
    "Səbinə Rzayeva",
    "Fərid Nəsirov",
    "Könül Babayeva",
    "Kamran Səfərov",
    "Aynur Cəfərova",
    "Vüqar Əhmədov",
    "Lalə Sadıqova",
    "Murad Vəliyev",
    "Şəbnəm Qasımova",
    "Ceyhun Mirzəyev",
    "Xədicə Novruzova",
    "Emin Bağırov",
    "Nərmin Əsgərova",
    "Ruslan Hacıyev",
    "Təranə Musayeva",
    "Samir Zeynalov",
    "Ülviyyə Rüstəmova",
    "Anar Paşayev",
    "Fidan Tağıyeva",
    "İlkin Yusifov",
    "Sevinc Nağıyeva",
    "Elnur Məlikov",
    "Gülnar Abdullayeva",
    "Toğrul Səmədov",
    "Arzu Ələkbərova",
    "Nicat Hümbətov",
    "Zümrüd Xəlilova",
    "Ramil Şükürov",
    "Jalə Əzizova",
    "Pərviz Salmanov",
    "Mehriban Orucova",
    "Yusif Kazımlı",
    "Aytən Cabbarlı",
    "Rauf Qurbanov",
    "Sona Məhərrəmova",
    "Əli Nuriyev",
    "Vəfa Heydərova",
    "Kənan Rəhimli",
    "Nurlan Əlizadə",
    "Banu Hacızadə",
    "Zaur Allahverdiyev",
    "Ləman İsgəndərova",
    "Fuad Bəşirov",
]
RU_NAMES = [
    ("Анна Ковалева", "anna_kovaleva"),
    ("Игорь Петров", "igor_petrov_bk"),
    ("Марина Соколова", "msokolova"),
    ("Дмитрий Алиев", "d_aliev"),
    ("Ольга Гасанова", "olga_gasanova"),
    ("Сергей Ким", "sergey_kim_az"),
    ("Наталья Мамедова", "nmamedova"),
    ("Артём Исмаилов", "artem_ism"),
    ("Екатерина Орлова", "kate_orlova_bk"),
    ("Тимур Рагимов", "timur_ragimov"),
    ("Ирина Бабаева", "irina_babaeva"),
    ("Руслан Гусейнов", "r_guseynov"),
]
TR_NAMES = [
    ("Ayşe Yılmaz", "ayseyilmaz_bk"),
    ("Mehmet Kaya", "mkaya_baku"),
    ("Zeynep Demir", "zdemir_cx"),
    ("Burak Şahin", "buraksahin"),
    ("Elif Çelik", "elifcelik_az"),
]
FA_NAMES = [
    ("شهرام رضایی", "shahram_rezaei"),
    ("نسرین احمدی", "nasrin_ahmadi"),
    ("علیرضا تبریزی", "alireza_tabrizi"),
    ("مریم حسینی", "maryam_hosseini_t"),
    ("بهروز اردبیلی", "behrouz_ardabili"),
]
EN_NAMES = [
    ("James Whitfield", "jwhitfield"),
    ("Sarah O'Connell", "sarahoc_cx"),
    ("Priya Raman", "priyaraman"),
    ("Daniel Brooks", "dbrooks_caspian"),
]
UK_NAMES = [("Олена Бондаренко", "olena_bond"), ("Андрій Шевчук", "andriy_shevchuk")]
AZ_CITIES = [
    "Bakı",
    "Baku, Azerbaijan",
    "Bakı, Azərbaycan",
    "Gəncə",
    "Sumqayıt",
    "Баку",
    "Xırdalan",
    "Şəki",
    "Lənkəran",
]
