"""Classes of judgement error fixed in the eighth session (issue 12), one test per class of
docs/judgement.md. The people and organisations are invented; the bios are paraphrases of the
classes, not copies of benchmark rows."""

from __future__ import annotations

import pytest

from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import parse_segment_config
from tests.test_judgement_classes7 import employers
from tests.test_segment_judgement import segments_of
from tests.test_segment_judgement import store as store  # noqa: F401 - the fixture

ORGS = {
    "customers": {"organisations": [{"name": "Velora Trasporti", "aliases": ["VLT"]}]},
    "competitors": {"organisations": [{"name": "Orbis Mobilité", "aliases": ["ORM"]}]},
}


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe"):
    found = press_evidence(handle, name, bio, None, DEFAULT_LEXICON)
    return found if found and found.strong else None


# ---- employer vs mention: titles that also head a newsroom -------------------------------------


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Direttrice manutenzione VLT. Profilo personale.", "customers"),  # Italian, department
        ("Direttore VLT", "customers"),  # the bare title
        ("Directrice réseau ORM, Grenoble.", "competitors"),  # French
        ("Ingénieure maintenance ORM. Avis personnels.", "competitors"),  # a French job title
        ("Presidente VLT. Treni e territorio.", "customers"),
    ],
)
def test_a_director_title_before_an_acronym_names_the_employer(store, bio, segment):
    assert employers(store, bio, ORGS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Ex direttore VLT, oggi in pensione.",  # past
        "Direttore del mio destino. Viaggio spesso con VLT.",  # a passenger
    ],
)
def test_a_director_title_does_not_make_a_passenger_or_a_former_director_staff(store, bio):
    assert employers(store, bio, ORGS) == set(), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Direttore responsabile de Il Corriere di Pordenone. Cronaca e territorio.",
        "Directrice de la rédaction, Le Journal du Vercors.",
    ],
)
def test_a_newsroom_director_is_still_press(bio):
    assert press(bio), bio


# ---- press: a station and the hour a show is on ------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Lenaneo la mantsiboa, Kgalagadi Community FM. Mantaga 19:00.",  # Setswana
        "Apresento o Tarde Aberta na Rádio Serrana, 14h-16h.",  # Portuguese
        "Lindiwe. Ubuntu Coast FM, weekdays 6-9am ☕",  # no role word at all
        "Emisiunea de dimineață, Radio Bistrița, 07:30",  # Romanian
    ],
)
def test_a_station_and_the_hour_a_show_is_on_name_its_presenter(bio):
    assert press(bio, name="Lindiwe Khumalo"), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Open 08:00-17:00. Proud sponsor of Ubuntu Coast FM.",  # opening hours, then a sponsorship
        "Broadcast engineer at Ubuntu Coast FM. Night shift 22:00.",  # another job at the station
        "Former presenter, Ubuntu Coast FM 6-9am. Now selling houses.",  # the past
    ],
)
def test_hours_beside_a_station_are_no_presenter_for_a_shop_an_engineer_or_a_former_host(bio):
    assert not press(bio, name="Lindiwe Khumalo"), bio


# ---- press: Nigerian and East African languages, Brazilian titles ----------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Akọ̀ròyìn fún ìwé ìròyìn ìpínlẹ̀. Òṣèlú àti ọrọ̀ ajé.",  # Yoruba: reporter
        "'Yar jarida ce a Kaduna. Lafiya da ilimi.",  # Hausa: journalist (f)
        "Onye nta akụkọ, Owerri. Akụkọ gbasara ahịa.",  # Igbo: journalist
        "I dey report for Ikeja Evening Mail, na business desk.",  # Nigerian Pidgin: verb phrase
        "Mwanahabari wa kujitegemea, Mombasa. Bandari na biashara.",  # Swahili: journalist
        "Radialista, manhãs na Rádio Vale do Sinos.",  # Brazilian Portuguese: radio broadcaster
    ],
)
def test_role_words_of_more_languages_are_press(bio):
    assert press(bio, name="Ngozi Okafor"), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Tsohon dan jarida, yanzu manomi a Zaria.",  # Hausa: a former journalist, now a farmer
        "Msemaji wa kampuni ya maji. Zamani mwandishi wa habari.",  # Swahili: a spokesperson
    ],
)
def test_former_journalists_and_spokespeople_in_those_languages_are_not_press(bio):
    assert not press(bio, name="Ngozi Okafor"), bio


# ---- employer vs mention: customers, hosts, agencies, recruiters, past jobs ---------------------

SHOP = {
    "customers": {"organisations": [{"name": "Mto Grocers", "aliases": ["Mto Mart"]}]},
    "suppliers": {"organisations": [{"name": "Ndege Devices", "aliases": ["NdegeLink"]}]},
    "competitors": {"organisations": [{"name": "Pembe Parcels", "aliases": ["Pembe Box"]}]},
}


@pytest.mark.parametrize(
    "bio",
    [
        "Talent partner | Placed CFOs at Mto Grocers and Ndege Devices.",  # placements
        "Fresh produce wholesaler. Supplier to Mto Grocers since 2012.",  # supplies a customer
        "Top-rated seller on Mto Mart and two other marketplaces.",  # sells on a platform
        "App studio. We build apps integrated with NdegeLink and mobile money.",  # integrates
        "Pharmacist. I tell my patients to use Ndege Devices for reminders.",  # recommends
        "Beekeeper. I send every jar via Pembe Box 📦",  # a courier's customer
        "Fuel station, Thika Road. Pembe Box pickup point inside!",  # hosts a locker
        "Account Director, Nane Digital. Leading the Mto Grocers & Ndege Devices accounts.",
        "Mkulima. Supplier wa Mto Grocers tangu 2015.",  # Swahili: supplier of
        "Nimechukua mkopo wa Mto Grocers, sasa nina duka.",  # Swahili: I took (a loan)
        "Ten years at Mto Grocers, now running my own shop in Thika.",  # the past, then her own
        "Joined Zawadi Foods as CFO after 6 great years at Mto Grocers.",  # the past
    ],
)
def test_clients_hosts_agencies_recruiters_and_past_jobs_are_not_staff(store, bio):
    assert employers(store, bio, SHOP) == set(), bio


@pytest.mark.parametrize(
    "bio",
    [
        "Official Mto Mart support. Refunds & account recovery. DM now.",
        "Pembe Box courier jobs! Registration fee KSh 1,000. Limited slots.",
    ],
)
def test_a_support_or_jobs_impostor_is_not_the_brand(store, bio):
    assert employers(store, bio, SHOP) == set(), bio


def test_staff_still_name_their_employer(store):
    assert employers(store, "Head of fulfilment at Mto Grocers. Nairobi.", SHOP) == {"customers"}
    assert employers(store, "Pembe Box ops lead 📦", SHOP) == {"competitors"}


def post_employers(store, *posts: str) -> set[str]:
    """The segments a bio-less account's posts give it."""
    from datetime import UTC, datetime

    from audience.models import Account, Post
    from audience.segment import auto_segment, parse_segment_config

    ids = store.upsert_accounts([Account("x", "77", handle="poster")])
    when = datetime(2026, 11, 1, tzinfo=UTC)
    store.upsert_posts([Post("x", f"p{i}", "77", text, when) for i, text in enumerate(posts)], ids)
    auto_segment(store, parse_segment_config({"segments": SHOP}))
    rows = store.execute(
        "SELECT s.name FROM segment_members m JOIN segments s ON s.id = m.segment_id "
        "WHERE m.account_id = ?",
        [ids["77"]],
    )
    return {name for (name,) in rows}


def test_a_reply_to_the_brand_or_my_order_is_not_a_team(store):
    assert (
        post_employers(
            store,
            "@MtoMart three days and my Mto Mart order still has not come",
            "Grateful for my years at Mto Grocers, on to new things",
        )
        == set()
    )


def test_a_post_about_our_team_still_names_the_employer(store):
    assert post_employers(store, "Proud of our team at Mto Grocers this week!") == {"customers"}


# ---- press: broadcasters by name, Afaan Oromo and Luganda ----------------------------------------


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Nyanza Dho TV", "Wach mag pinje Nyanza. Kisumu."),  # the bio in a language with no words
        ("Kitale Coast FM", "Kitale, Trans-Nzoia."),
        ("Caaltuu Badhaasaa", "Gaazexeessaa, Finfinnee. Oduu diinagdee."),  # Afaan Oromo
        ("Nalongo Ssali", "Omusasi w'amawulire, Masaka."),  # Luganda
    ],
)
def test_broadcasters_by_name_and_more_languages_are_press(name, bio):
    assert press(bio, name=name), (name, bio)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Kisumu City Fan TV", "Matchday live streams and banter."),
        ("Amina Yusuf", "Fan of Kiss FM."),
    ],
)
def test_a_fan_channel_or_a_listener_is_no_broadcaster(name, bio):
    assert not press(bio, name=name), (name, bio)


def test_a_network_on_the_domain_of_a_podcast_it_runs_is_not_press():
    from audience.outlets import Outlet

    lexicon = DEFAULT_LEXICON.with_outlets(
        [Outlet("The Queue Podcast", "learned", domains=("cxnet.org",))]
    )
    bio = "Community of contact-centre professionals in Kenya. Monthly meetups."
    assert press_evidence("cxnet", "CX Net", bio, "https://cxnet.org", lexicon) is None
    host = press_evidence("q", "Amani", "Co-host, every Tuesday", "https://cxnet.org", lexicon)
    assert host is not None


# ---- prune: mass following ---------------------------------------------------------------------


def test_mass_following_at_half_the_ratio_line_is_a_spam_signal():
    from audience.prune import Profile, PruneSettings, spam_reasons
    from tests.test_prune import NOW

    row = {
        "default_avatar": 1,
        "handle": "carsforyou",
        "bio": "Best prices. WhatsApp us.",
        "created_at": "2024-06-01T00:00:00+00:00",
        "following_count": 4900,
        "followers_count": 330,
        "display_name": "Cars For You",
    }
    profile = Profile(row, [], set(), [], signals=[None, None, None, False])
    codes = {r.code for r in spam_reasons(profile, PruneSettings(), NOW)}
    assert "following-ratio" in codes
    quiet = Profile({**row, "following_count": 900}, [], set(), [], signals=[None] * 3 + [False])
    assert "following-ratio" not in {r.code for r in spam_reasons(quiet, PruneSettings(), NOW)}


# ---- employer vs mention: dealers named after the brand; press: briefings -----------------------


def test_an_authorised_dealer_named_after_the_brand_is_not_the_brand(store):
    found = segments_of(
        store,
        parse_segment_config({"segments": SHOP}),
        {
            "handle": "d1",
            "display_name": "Ndege Devices Kisumu",
            "bio": "Authorised dealer. Sales & repairs.",
        },
        {"handle": "d2", "display_name": "Pembe Parcels Maputo", "bio": "Revendedor autorizado."},
        {
            "handle": "d3",
            "display_name": "Ndege Devices Kenya",
            "bio": "Phones that last. Made in Nairobi.",
        },
    )
    assert found["d1"] == set() and found["d2"] == set()
    assert found["d3"] == {"suppliers"}  # the brand's own regional account


def test_an_email_briefing_is_an_outlet_and_a_briefing_for_clients_is_not():
    assert press("Daily email briefing on East African business. Subscribe 👇", name="Lake Brief")
    assert not press("PR consultant. Media briefing and crisis training for execs.")


# ---- round 20 classes: Brazilian Portuguese and its neighbours --------------------------------

PLANS = {
    "customers": {"organisations": [{"name": "Fundição Arroio", "aliases": ["Arroio"]}]},
    "suppliers": {"organisations": [{"name": "Linha Viva CX", "aliases": ["LinhaViva"]}]},
    "competitors": {"organisations": [{"name": "Sereno Saúde", "aliases": ["Sereno"]}]},
}


@pytest.mark.parametrize(
    "bio",
    [
        "Fundador da Linha Viva CX (vendida em 2020). Investidor anjo.",  # sold: the past
        "Gerente de CX na Fundição Arroio. 8 anos na Sereno Saúde antes disso.",  # a trailing past
        "Pediatra. Atendo Sereno Saúde, Unimed e particular.",  # a doctor accepting a plan
        "Dicas de Linha Viva CX. Sou usuária, não trabalho na Linha Viva.",  # a user, not staff
        "Ouvidoria Sereno Saúde. Resolva agora pelo WhatsApp 👉 link",  # an impostor
    ],
)
def test_sold_trailing_past_accepted_plans_users_and_impostors_are_not_staff(store, bio):
    assert employers(store, bio, PLANS) - {"customers"} == set(), bio


def test_a_short_name_without_its_cx_suffix_names_the_employer_after_a_job(store):
    assert employers(store, "Supervisora de operações | Linha Viva - Pelotas.", PLANS) == {
        "suppliers"
    }


def test_shifts_teams_and_here_at_in_posts_name_the_employer(store):
    assert post_employers(store, "Mais um plantão na central da Mto Grocers hoje") == {"customers"}


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Lotérica e Correspondente Sol", "Correspondente bancário. Pague suas contas aqui."),
        (
            "Saúde RS Agora",
            "Todas as notícias num só lugar. Retweetamos os portais. Não somos jornal.",
        ),
        ("Nouvèl Lakay", "Nouvèl pou dyaspora a. Pa yon jounal. Nou repataje lyen sèlman."),
    ],
)
def test_banking_agents_and_link_reposters_that_say_so_are_not_press(name, bio):
    assert not press(bio, name=name), (name, bio)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Bruna Teles", "foca na @gazetadoserrano, cobrindo polícia e cidade"),  # newsroom slang
        ("Arandu - programa", "Programa de radio los sábados, Radio Ñemby 900 AM."),  # weekly
        ("Caio Lins", "Programa de rádio aos domingos na Rádio Planalto."),
    ],
)
def test_cub_reporters_and_weekly_programmes_are_press(name, bio):
    assert press(bio, name=name), (name, bio)


def test_japanese_broadcast_producers_and_directors_are_press():
    assert press("テレビ プロデューサー。サンパウロ在住。", name="Aiko Mori")
    assert press("報道 ディレクター", name="Aiko Mori")
    assert not press("音楽 プロデューサー", name="Aiko Mori")  # a music producer


def test_a_news_name_with_the_station_in_the_bio_is_press_and_a_named_reader_is_not():
    assert press("Habari za Pwani FM na Pwani TV. Kila siku.", name="Pwani News")
    assert not press("Leio a Gazeta do Vale todo dia. Comento as notícias.", name="Fã da Gazeta")
    assert not press("Listening every morning. Love the news.", name="Fan of Coast FM")


# ---- round 22 classes: Mexican Spanish ------------------------------------------------------

PAGOS = {
    "customers": {"organisations": [{"name": "Farmacias Lirio", "aliases": ["FarmLirio"]}]},
    "suppliers": {"organisations": [{"name": "Nubecita", "aliases": ["Nube Cita"]}]},
    "competitors": {"organisations": [{"name": "Quetzal", "aliases": ["QuetzalPay"]}]},
}


@pytest.mark.parametrize(
    ("bio", "segment"),
    [
        ("Supervisora de contact center de Quetzal en Monterrey 🎧", "competitors"),  # job ... de
        ("Agente de soporte · Quetzal · turno nocturno", "competitors"),  # a middle-dot separator
        ("Gerente de sucursal 12 • FarmLirio • Culiacán", "customers"),  # a bullet separator
    ],
)
def test_a_job_then_de_and_dot_separators_name_the_employer(store, bio, segment):
    assert employers(store, bio, PAGOS) == {segment}, bio


@pytest.mark.parametrize(
    "bio",
    [
        "Partner y revendedor de Nubecita, Avaya y Genesys en el Bajío.",  # a reseller
        "Estudiante. Pago todo con mi tarjeta Quetzal 💜",  # a consumer
        "Partner en Fondo Ocelote. Inversionista en Quetzal y otros.",  # an investor
        "Ingeniera y fan de Quetzal",  # a fan after a job
    ],
)
def test_resellers_payers_investors_and_fans_are_not_staff(store, bio):
    assert employers(store, bio, PAGOS) == set(), bio


def test_regional_mexican_papers_and_us_spanish_networks_are_known_outlets():
    assert press("Fotógrafo, El Sol de Puebla. Ciudad y deporte.", name="Iván Ruiz")
    assert press("Camarógrafa. Univision 45 Houston.", name="Iris Vela")


def test_screenwriters_and_bait_with_a_press_title_are_not_press():
    assert not press("Guionista y script editor. Series de ficción.", name="Paz Luna")
    assert not press(
        "Periodista digital. Ganancias garantizadas con nuestro curso.", name="Notas IA"
    )


def test_a_title_at_a_numbered_channel_or_a_station_is_press():
    assert press("Presentadora bilingüe, Canal 9 Oaxaca.", name="Rosa Díaz")
    assert press("Producer, Harbour Coast FM. Mornings.", name="Amy Li")
    assert not press("Music producer. Harbour Coast FM fan.", name="Amy Li")
    assert not press("Wedding photographer. Listen to Radio Costa!", name="Amy Li")
