"""Classes of judgement error fixed in the seventeenth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.prune import TopicMatcher
from audience.roles import DEFAULT_LEXICON, press_evidence
from tests.test_judgement_classes7 import employers
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {
        "organisations": [
            {"name": "Fjarðabanki", "aliases": ["Fjarðabanki hf."]},
            {"name": "Austur Veitur"},
            {"name": "Marlow Bank"},
            {"name": "Kalon Box"},
        ]
    },
    "suppliers": {
        "organisations": [
            {"name": "Vindur fjarskipti", "aliases": ["Vindur"]},
            {"name": "Brimsúla ApS"},
            {"name": "Quillon", "aliases": ["Quillon Academy"]},
        ]
    },
    "competitors": {
        "organisations": [
            {"name": "Röddun Samskipti"},
            {"name": "Selvík Call Services"},
            {"name": "Centro del Mar"},
        ]
    },
}


def employers_of(store, bio: str) -> set[str]:
    return employers(store, bio, ORGS)


def press(bio: str, name: str = "Hildur Jóns", handle: str = "hildur_j"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- Icelandic and Faroese decline an employer's name --------------------------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Gjaldkeri hjá Fjarðabanka í Neskaupstað. Skíði á veturna.", "customers"),
        ("Deildarstjóri Fjarðabankans á Austurlandi", "customers"),  # definite, genitive
        ("Starfa í þjónustuveri Austur Veitna, kvöldvaktir", "customers"),  # plural genitive
        ("Tæknistjóri Vinds. Ljósleiðarar og lax.", "suppliers"),  # "Vindur", genitive
        ("Verkefnastjóri hjá Röddun Samskiptum 📞", "competitors"),  # dative plural
        ("Nýr framkvæmdastjóri Röddunar Samskipta frá og með mars", "competitors"),  # "-un"
        ("Seljari hjá Fjarðabankanum í Havn, vestanfyri", "customers"),  # Faroese, definite
    ],
)
def test_icelandic_and_faroese_case_endings_name_the_employer(store, bio, segment):
    assert employers_of(store, bio) == {segment}, bio


def test_those_endings_are_read_only_in_texts_written_in_those_languages(store):
    # "Vinda" would be a case of "Vindur" in Icelandic; in English it is another name.
    assert employers_of(store, "Driver at Vinda Logistics, Leeds. Vans and podcasts.") == set()


@pytest.mark.parametrize(
    "bio",
    [
        "Fv. sölustjóri hjá Vindi. Nú hjá Fjarðabanka í útibúinu.",  # "fv." is "former"
        "Búin að vera í bið hjá Vindi síðan í hádeginu 🙄",  # on hold: a complaint
        "Meðstofnandi Brimsúla (seldi 2021). Golf, barnabörn og bækur.",  # sold: the past
    ],
)
def test_icelandic_past_jobs_and_complaints_are_not_suppliers(store, bio):
    assert "suppliers" not in employers_of(store, bio), bio


# ---- names as written in full, and as initials ----------------------------------------------


def test_a_name_written_with_its_legal_form_counts_without_a_job_word(store):
    assert employers_of(store, "Owner and CEO. Brimsúla ApS. Coffee and sailing.") == {"suppliers"}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Shift lead at SCS, Akureyri office", {"competitors"}),
        ("Shift lead at scs, a typo of mine", set()),  # not written as an acronym
        ("Taxi driver in CDM, tours every day", set()),  # "del": no initials
    ],
)
def test_a_name_of_three_or_four_words_may_be_written_as_its_initials(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


# ---- the past that opens a clause, and clients ----------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Until 2023 at Selvík Call Services. Now studying nursing.",
        "Do 2024 w Selvík Call Services. Teraz studiuję w Gdańsku.",  # Polish
        "We outsource our weekend queue to Selvík Call Services and sleep well.",
        "Аналитик банка. Покрываю Selvík Call Services и ещё пять компаний.",  # a beat
    ],
)
def test_a_job_that_ended_a_client_and_a_beat_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


def test_a_job_since_a_year_is_still_current(store):
    assert employers_of(store, "Since 2023 at Selvík Call Services. Team lead.") == {"competitors"}


# ---- Icelandic and Faroese press ------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Íþróttafréttakona. Fótbolti, handbolti og allt þar á milli.",
        "Blaðaljósmyndari. Myndir af fólki, veðri og eldgosum.",
        "Tíðindamaður hjá útvarpinum. Fiskiskapur og politikkur.",  # Faroese
        "Stjórnandi hlaðvarpsins Sófaspjall. Nýr þáttur á fimmtudögum.",  # a podcast host
        "Held úti hlaðvarpi um fjármál heimilanna. Óháð og ókeypis.",
        "Fréttaþulur á kvöldin, mamma á daginn.",  # a newsreader
    ],
)
def test_icelandic_and_faroese_journalists_are_press(bio):
    assert press(bio) is not None, bio


@pytest.mark.parametrize(
    ("bio", "name"),
    [
        ("Upplýsingafulltrúi bankans. Fyrrverandi blaðamaður.", "Hildur Jóns"),  # press office
        ("Nemi í blaðamennsku við háskólann. Tónlist á kvöldin.", "Hildur Jóns"),  # a student
        ("Kommunan í Norðdepli. Tíðindi og fráboðanir til borgarar.", "Norðdepils kommuna"),
        ("Nurse in Leeds. Sending parcels home every winter.", "Ama in Leeds"),  # English
        ("Magazyn, spedycja i zwroty — Brimsúla, Gdynia.", "Ola"),  # Polish: a warehouse
    ],
)
def test_words_that_only_look_like_press_in_those_languages_are_not(bio, name):
    assert press(bio, name=name) is None, bio


# ---- the trade's words in Icelandic and Faroese ----------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Vaktstjóri í þjónustuverinu, kaffi og þolinmæði",
        "Arbeiði sum kundatænastuleiðari í Suðuroy síðan 2019",  # Faroese
    ],
)
def test_the_contact_centre_in_icelandic_and_faroese_is_on_topic(bio):
    assert TopicMatcher(["customer service"]).terms(bio), bio


# ---- round 55: asides, careers that ended, podcasts of a trade, news pages --------------------


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Head of Operations, Marlow (formerly Castle Street Savings). Rugby.", {"customers"}),
        ("Réseau des anciens de Selvík Call Services — apéros, offres d'emploi", set()),
        ("Abonnée Kalon Box depuis 2023, et franchement ravie", set()),  # a subscriber
        ("Recrutement urgent Selvík Call Services !! frais de dossier 30 DT par virement", set()),
        ("Qualité chez Selvík Call Services. Formatrice Quillon certifiée.", {"competitors"}),
    ],
)
def test_a_former_name_aside_alumni_subscribers_scams_and_certificates(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Reporter for 12 years (Post, Mail). Since 2022 I run communications at a charity.",
        "Reporter radio pendant 20 ans. Depuis 2019, chargée de com chez une mutuelle.",
    ],
)
def test_a_press_career_with_its_length_then_another_job_since_a_year_is_past(bio):
    assert press(bio) is None, bio


def test_a_press_job_held_since_a_year_is_current():
    assert press("Reporter at the Irish Times since 2012. Courts and councils.") is not None


@pytest.mark.parametrize(
    "bio",
    [
        "Le podcast qui parle aux conseillers clientèle du Québec, chaque jeudi.",
        "La chaîne du sport marocain, en direct et en replay",
        "القناة الوطنية — نشرات وبرامج يومية",  # the national channel
        "Critique gastronomique, Le Monde. Bistrots et marchés.",
    ],
)
def test_a_trade_podcast_a_tv_channel_and_a_critic_are_press(bio):
    assert press(bio, name="Entre Nous") is not None, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Podcast sur la relation client. Consultante chez Kalon Box le jour.",  # another job
        "L'actualité de Bizerte et environs — page citoyenne, sans rédaction",
        "Responsable des relations média, Kalon Box",  # "média" alone is no outlet
    ],
)
def test_a_podcast_beside_a_day_job_a_citizen_page_and_media_relations_are_not(bio):
    assert press(bio, name="Nour") is None, bio


def test_a_place_glued_to_a_hashtag_does_not_make_the_place_a_topic():
    topics = TopicMatcher(["#BerlinCX"], places=("Berlin",))
    assert not topics.terms("Berliner Luft, Currywurst und Hertha")
    assert topics.terms("Schöner Abend beim #BerlinCX Meetup")


# ---- round 56: shared hosts are not outlets, your staff's posts, Greek and sub-editors --------


def test_a_channel_on_a_messaging_host_does_not_make_the_host_an_outlet():
    from audience.roles import PressFinding
    from audience.segment import learn_outlets

    accounts = [
        {
            "id": 1,
            "handle": "kanal_x",
            "display_name": "Канал Икс",
            "bio": "Новости",
            "website": "https://t.me/kanal_x",
        },
        {
            "id": 2,
            "handle": "harbour_news",
            "display_name": "Harbour News",
            "bio": "News",
            "website": "https://harbournews.example",
        },
    ]
    outlet = PressFinding("Новости", is_outlet_account=True)
    learned = learn_outlets(accounts, {1: outlet, 2: outlet}, set())
    domains = {d for o in learned for d in o.domains}
    assert "t.me" not in domains
    assert "harbournews.example" in domains


def test_your_own_staffs_posts_about_a_clients_team_do_not_make_them_the_client(store):
    from audience.segment import parse_segment_config
    from tests.test_segment_judgement import segments_of

    raw = {"segments": ORGS, "self": {"names": ["Lantern CX"], "handles": ["@lanterncx"]}}
    found = segments_of(
        store,
        parse_segment_config(raw),
        {"handle": "q1", "bio": "Quality coach @ Lantern CX. Tea and spreadsheets."},
        posts={"q1": ["Workshop with our Kalon Box team this morning, great questions"]},
    )
    assert found == {"q1": set()}


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Σκιτσογράφος στην Καθημερινή, κάθε Κυριακή", True),  # a cartoonist at a paper
        ("subbing for the Irish Times, nights mostly", True),  # a sub-editor, casually
        (
            "Αθλητική ιστοσελίδα για το μπάσκετ και το βόλεϊ στη Θεσσαλονίκη",
            True,
        ),  # a sports website
        ("Διευθυντής σύνταξης του φοιτητικού περιοδικού της σχολής", False),  # a student mag
    ],
)
def test_greek_cartoonists_sports_sites_and_sub_editors(bio, expected):
    assert (press(bio, name="Νίκος") is not None) == expected, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Λογίστρια σε ξενοδοχείο. Προηγουμένως Selvík Call Services.",  # previously
        "Εκπαιδεύτρια, freelance. Έχω συνεργαστεί με Selvík Call Services και άλλους.",
    ],
)
def test_greek_past_employers_and_clients_are_not_the_employer(store, bio):
    assert employers_of(store, bio) == set(), bio


# ---- round 57: Luxembourgish, and jobs in Italian, Portuguese and French --------------------


@pytest.mark.parametrize(
    ("bio", "name", "expected"),
    [
        ("D'Noriichten aus dem Süden, all Dag.", "Süden Aktuell", True),  # "the news"
        ("Eng onofhängeg Zäitschrëft iwwer Sport an Ëmwelt, véier Mol am Joer.", "Revue X", True),
        (
            "Owesshow mat Musek a Gäscht — Méindes bis Donneschdes um Radio.",
            "Owend Live (Show)",
            True,
        ),
        (
            "Journalist, pensionéiert zënter 2019. Vëlo, Bicher a Kichen.",
            "Marc K.",
            False,
        ),  # retired
    ],
)
def test_luxembourgish_outlets_programmes_and_retired_journalists(bio, name, expected):
    assert (press(bio, name=name) is not None) == expected, bio


@pytest.mark.parametrize(
    ("bio", "expected"),
    [
        ("Fréier Selvík Call Services, elo doheem mat de Kanner.", set()),  # "formerly"
        ("Bis gëschter Teamleader bei Selvík Call Services 😢 Merci fir alles!", set()),
        ("Nous sommes sous-traitant en maintenance d'antennes pour Kalon Box depuis 2015.", set()),
        ("Partenaire Kalon Box 🔥 code PROMO5 | streams le soir", set()),  # a sponsored partner
        ("Assistente di volo Quillon, sempre in valigia", {"suppliers"}),
        ("Agente de check-in Quillon, aeroporto de Faro, turno da noite", {"suppliers"}),
        (
            "Administratrice, Quillon. Conseils d'administration et golf.",
            {"suppliers"},
        ),  # a board seat is its people
    ],
)
def test_luxembourgish_past_french_partners_and_crew_and_board_jobs(store, bio, expected):
    assert employers_of(store, bio) == expected, bio


def test_a_german_possessive_is_not_a_luxembourgish_weekday():
    from audience.roles import organisation_signals

    assert organisation_signals(None, "Owend Live", "Méindes bis Freides um Radio.")[1] == 0
    assert organisation_signals(None, "Jo", "Meine Katze und mein Garten.")[1] > 0
