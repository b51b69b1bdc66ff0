"""Classes of judgement error fixed in the twenty-third session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from tests.test_judgement_classes19 import employers_of, press

# ---- round 85: Danish careers, comms jobs, local media and compounds ---------------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Teamleder i Tala Contact. Tidl. supporter hos Fonix.", {"competitors"}),  # formerly
        ("Salgschef @fonix. Før 6 år i Banco Ceibo. Cykler.", {"suppliers"}),  # before: 6 years
        ("Planlægning, data, BI. Tidl. Quebracho BPO.", set()),  # "BI." ends the sentence
        ("Product lead, Nodo Cloud. Roadmaps, APIs, UX. Prev. Tala Contact.", {"suppliers"}),
        ("Freelance udvikler. Pt. på kontrakt hos Banco Ceibo.", set()),  # a client
        ("Kapitalfond. Portefølje: Fonix, Nodo Cloud og 12 andre.", set()),  # an investor
        ("Chatbot-ansvarlig | Brisa Móvil-teamet | Odense", {"customers"}),  # "the team"
        ("Fonix-kunde i 9 år og snart ikke mere", set()),  # a customer of theirs
    ],
)
def test_danish_leavers_abbreviations_clients_investors_and_teams(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Vest Nu", "Vestegnens digitale lokalmedie. Kommunalpolitik og kultur.", True),
        ("Tirsdag Tanker", "Uafhængigt mediehus med analyser af arbejdsliv.", True),
        ("Sydhavn Kanal", "Danmarks medie om havne, skibe og søfart.", True),
        ("Bent Holm", "Pens. redaktør. 30 år på regionalavisen. Nu haven.", False),
        ("Mette Dam", "Kommunikationschef, Region Sjælland. Tidl. journalist.", False),
        ("Ole Friis", "Bringer lokalavisen ud om torsdagen, fotograf for sjov i weekenden", False),
        ("Ann Lee", "Hobby photographer and paper round for the Valley Weekly", False),
    ],
)
def test_danish_media_houses_and_not_press_retirees_comms_and_hobbies(name, bio, expected):
    assert (press(bio, name=name, handle="vest_lokal") is not None) is expected, bio


def test_nordic_comms_words_are_on_public_relations_topics():
    topics = TopicMatcher(["kommunikation"])
    assert topics.terms("Netværk for kommunikatører i hele landet")
    assert topics.terms("Kommunikationsforeningens årsmøde")


# ---- round 86: Kyrgyz, Russian, Uzbek and Turkish in Kyrgyzstan; lower-case slots ---------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Нарын Кабарлары", "Кабарлар кызматы: Нарындагы окуялар күн сайын", True),
        ("Ош Жаңылыктары", "Түштүктөгү окуялар, саясат жана спорт: маалымат сайты", True),
        ("Асел Орозова", "Старший корректор | «Вечерний Бишкек» | Каракол", True),
        ("Emre Kaya", "Orta Asya'da TRT Avaz temsilcisi", True),
        ("Бакыт Жумаев", "Ардагер кабарчы, небере-чөбөрөлөрдүн чоң атасы", False),
        ("Медиа союзу", "Журналисттер союзу, Ош бөлүмү: семинарлар, мүчөлөр үчүн", False),
        ("Ала-Тоо аянты", "Ала-Тоо аянты жөнүндө жаңылыктар, сүрөттөр. Фан-баракча", False),
    ],
)
def test_kyrgyz_news_services_sites_titles_and_not_press(name, bio, expected):
    assert (press(bio, name=name, handle="naryn_kg") is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("cabin crew | brisa móvil | lima–cusco", {"customers"}),  # the job in the slot before
        ("team lead | tala contact | night shifts", {"competitors"}),
        ("mum | brisa móvil fan | lima", set()),  # no job before it
        ("Учусь на 3 курсе, стажёрка в Nodo Cloud (поддержка)", {"suppliers"}),  # an intern
        ("Student at the polytechnic, intern at Fonix (network team)", {"suppliers"}),
        ("Banco Ceibo agenti — Osh bozori. To'lovlar", set()),  # a payment agent, not staff
    ],
)
def test_lower_case_slots_interns_and_payment_agents(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


def test_a_known_outlets_bureau_on_its_website_is_press_whatever_it_follows():
    from audience.roles import DEFAULT_LEXICON
    from audience.segment import _press_finding

    bureau = {
        "handle": "outlet_bureau",
        "display_name": "24.kg Osh",
        "bio": "Корпункт в Оше. Новости юга",
        "website": "https://24.kg/osh",
        "following_count": 1900,
        "followers_count": 300,
    }
    assert _press_finding(bureau, DEFAULT_LEXICON) is not None
    clickbait = bureau | {"display_name": "Osh Today", "website": "https://osh-today.top"}
    assert _press_finding(clickbait, DEFAULT_LEXICON) is None


def test_uzbek_and_kyrgyz_customer_service_is_on_contact_centre_topics():
    topics = TopicMatcher(["contact centre"])
    assert topics.terms("Namanganda mijozlarga xizmat bo'limi rahbari")
    assert topics.terms("Кардарларды тейлөө бөлүмүнүн башчысы")


# ---- round 87: Ecuadorian Spanish; titles with a complement, durations, scare quotes ----------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Inés Cedeño", "Articulista de opinión en @eluniversocom, docente de filosofía", True),
        ("Ramiro Vera", "Jefe de información de @extraecuador, Guayaquil", True),
        ("Rocío Solís", "Periodista deportiva en Radio Sonorama y entrenadora de vóley", True),
        ("Mar Adentro", "programa de reportajes del Oriente, sábados 19h por Canal Sur", True),
        ("Andes Express", "Mudanzas y envíos a todo el país en 48h 🚚", False),  # no hour of day
        ("Joel Noticias", 'Hago "noticias" para TikTok. Creador de contenido desde 2021', False),
        ("Dayana Pico", "estudiante de Comunicación, futura periodista de televisión", False),
        ("Mateo Ruiz", "Redactor freelance: redacto notas de prensa para hoteles", False),
    ],
)
def test_ecuadorian_titles_programmes_and_look_alikes(name, bio, expected):
    assert (press(bio, name=name, handle="mar_adentro") is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Gerente de reclamos Fonix, Cuenca", {"suppliers"}),  # a department after "de"
        ("Coordinadora de turnos Tala Contact", {"competitors"}),
        ("Fan de ciclismo Fonix", set()),  # no job
        ("Brisa Móvil: ganaste 50 dólares de saldo, reclama tu bono por DM", set()),  # a scam
    ],
)
def test_spanish_departments_before_a_name_and_prize_scams(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- round 88: Angolan Portuguese; contractions, dated past jobs, Angolan outlets ------------


@pytest.mark.parametrize(
    ("bio", "outlet"),
    [
        ("repórter da Rádio Nacional de Angola, Huambo", "Rádio Nacional de Angola"),
        ("Diretora de Informação da Televisão Pública de Angola", "Televisão Pública de Angola"),
        ("editora de fotografia, Novo Jornal", "Novo Jornal"),
        ("cronista d'O País às sextas", "O País"),
        ("freelancer. agora escrevo para o Novo Jornal", "Novo Jornal"),
    ],
)
def test_portuguese_titles_reach_the_outlet_across_contractions_and_articles(bio, outlet):
    found = press(bio, name="Mário")
    assert found is not None and found.outlet == outlet, bio


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Mwene", "Sou jornalista cidadã: vídeos do meu bairro, sem redacção nem patrão"),
        ("Oper. Anónimo", "Segredos de um call center de Luanda, contados por um operador (humor)"),
    ],
)
def test_citizen_journalists_and_humour_personas_are_not_press(name, bio):
    assert press(bio, name=name) is None, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Supervisora @talacontact · ex-Brisa Móvil (loja, 2015-2019)", {"competitors"}),
        ("Gestora de Experiência do Cliente @brisamovil | Benguela", {"customers"}),
        ("repórter · 2012-2015 operador na Tala Contact", set()),  # a dated past job
        ("Correspondente bancário Banco Ceibo no Cazenga", set()),  # an agent, not staff
        ("Benfica, kizomba e sofredora da Brisa Móvil há 5 anos", set()),  # a complaint
    ],
)
def test_angolan_past_jobs_in_brackets_agents_and_complaints(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- round 89: Fiji and the Pacific; executive producers, noticeboards, day jobs -------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("Losana", "Dautukutuku, The Fiji Times | Labasa", True),
        ("Na Vosa", "Niusiveva ni yasana e veimacawa, Vanua Levu", True),
        ("Sunil", "Executive producer, FBC News. Formerly Fiji One", True),
        ("Rekha", "Podcast 'Apna Gaon' 🎙 — har Ravivaar naya episode", True),
        ("Tom", "Indie film producer | Executive producer 'Reef Dreams' (streaming)", False),
        ("Nadi Notices", "Community page: buy/sell, lost pets, news shares", False),
        ("Ba Today", "Ba town news & community 📍", True),
        ("Sigatoka Sun", "Sport pages of the Sigatoka Sun", True),
    ],
)
def test_pacific_outlets_titles_podcasts_and_noticeboards(name, bio, expected):
    assert (press(bio, name=name, handle="na_vosa") is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Monthly column for The Irish Times; chief actuary at Banco Ceibo", {"customers"}),
        ("Sub-editor at the Post. Spent two yrs at Tala Contact before that", set()),
        ("On holiday in Nadi. @brisamovil why no signal?", set()),  # a complaint
        ("Travel agent, Auckland. Book Brisa Móvil, Fonix & more!", set()),  # a reseller
        ("Island airline. Codeshare with Banco Ceibo Air to Nadi.", set()),  # a partner
    ],
)
def test_day_jobs_beside_a_column_leavers_complaints_resellers_and_partners(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- round 90: Libyan Arabic, Italian and English; channels, agencies, glued "and" -------------


@pytest.mark.parametrize(
    ("name", "bio", "expected"),
    [
        ("قناة الجبل", "الحساب الرسمي لقناة الجبل الفضائية", True),
        ("أخبار غات", "صفحة إخبارية محلية من غات وأوباري", True),
        ("سالم", "مصور ومحرر فرعي في جريدة فسانيا", True),  # "and" glued to the title
        ("La Voce di Misurata", "Notiziario online sulla Cirenaica e la Tripolitania", True),
        ("نور", "طالبة إعلام | أحلم أن أكون مذيعة", False),  # a dream, not a job
        ("Misrata Headlines", "every headline in one place, auto feed", False),
        ("Adel", "FX correspondent desk at a Benghazi bank", False),
    ],
)
def test_libyan_channels_pages_glued_titles_dreams_and_feeds(name, bio, expected):
    assert (press(bio, name=name, handle="jabal_tv") is not None) is expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Podcast about oases (no, not Fonix the telco)", set()),  # denied
        ("Ops lead. Opinions mine, not Banco Ceibo's", {"customers"}),  # the employer
        ("Integration engineer at Fonix, on-site at @brisamovil this quarter", {"suppliers"}),
        ("lineman | towers | @brisamovil contractor via a vendor", set()),
        ("15 yrs with Banco Ceibo, now working for an NGO", set()),
        ("شركة علاقات عامة | عملاؤنا: Banco Ceibo و Fonix", set()),  # "our clients"
        ("متجر سماعات Fonix Store - مش تبع Fonix", set()),  # "not affiliated with"
    ],
)
def test_denials_on_site_contractors_movers_and_arabic_clients(store, bio, expected):
    assert employers_of(store, bio) == expected, bio
