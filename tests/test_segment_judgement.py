"""Judgement that generalises (issue 12), one test per class of docs/judgement.md, with examples
written from the definitions: press found from verb phrases, abbreviations, outlet handles and
pages, other languages; press not found in look-alike titles; listed organisations counted only
as the current employer or owner; [self]; vocabulary files a workspace adds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from audience.errors import ConfigError, InputError
from audience.models import Account, Post
from audience.roles import DEFAULT_LEXICON, press_evidence
from audience.segment import (
    auto_segment,
    import_orgs,
    load_segment_config,
    parse_segment_config,
    read_orgs_csv,
)
from audience.store import open_store


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def press(bio: str, name: str = "Sam Doe", handle: str = "samdoe", website: str | None = None):
    found = press_evidence(handle, name, bio, website, DEFAULT_LEXICON)
    return found if found and found.strong else None


def segments_of(store, config, *accounts: dict, posts: dict | None = None) -> dict[str, set[str]]:
    with store.transaction():
        ids = store.upsert_accounts(
            Account("x", a["handle"], **{k: v for k, v in a.items()}) for a in accounts
        )
        for handle, texts in (posts or {}).items():
            store.upsert_posts(
                [Post("x", f"{handle}-{n}", handle, t) for n, t in enumerate(texts)], ids
            )
    auto_segment(store, config, as_of=datetime(2026, 11, 30, tzinfo=UTC))
    found: dict[str, set[str]] = {a["handle"]: set() for a in accounts}
    for row in store.query(
        "SELECT a.handle, s.name FROM segment_members m JOIN accounts a ON a.id = m.account_id "
        "JOIN segments s ON s.id = m.segment_id WHERE m.excluded = 0"
    ):
        found[row["handle"]].add(row["name"])
    return found


ORGS = {
    "customers": {
        "organisations": [
            {
                "name": "Brightwater Utilities",
                "aliases": ["BWU", "Brightwater"],
                "former_names": ["Valley Water Board"],
                "domains": ["brightwater.example", "bwu.example"],
                "handles": ["brightwater"],
                "secondary_handles": ["bwu_help"],
            },
            "Capita",
            "Iris",
        ]
    },
    "competitors": {"organisations": ["Harbour Contact Group"]},
}


# ---- press that used to be missed -------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Covering retail and logistics for @ShopfloorWeekly",
        "Reporting on energy at The Valley Courier",
        "Writing about housing and planning for the Northern Gazette",
        "Words in @Guardian, @FT and wherever pays",
        "Dep Ed, @ShopfloorWeekly. Tea drinker.",
        "Presenter, Drive Time News on Radio Tyne",
        "Producer at BBC Radio 4",
        "Gohebydd i BBC Cymru. Newyddion, gwleidyddiaeth.",
        "Iriseoir le RTÉ. Cúrsaí polaitíochta.",
        "Former FT reporter, now freelance",
        "Presentadora del informativo de @telecanal_sur",
    ],
)
def test_press_from_verbs_abbreviations_and_languages(bio):
    assert press(bio), bio


def test_outlet_handle_or_page_alone_is_press():
    assert press("@guardian | runner | Leeds")
    assert press("☕ | Lisbon", website="https://www.ft.com/stream/author-page")
    assert press("Cats and coffee.", website="https://muckrack.com/sam-doe")
    # The same outlet named by someone with another job: below the line, not press.
    found = press_evidence("x", "Sam", "Head of PR at Acme. Proud @guardian reader", None)
    assert found is None or not found.strong


def test_outlets_and_programmes_own_accounts():
    assert press("Weekly newsletter on retail technology. Every Thursday.", name="Till Roll")
    assert press("Sección de Economía de @diario_valle. Empresas y empleo.", name="Diario Eco")
    assert press("El Matí de @radio_costa, de 6 a 10h 📻", name="El Matí de Ràdio Costa")
    assert press("", name="The Guardian", handle="guardian")


@pytest.mark.parametrize(
    "bio",
    [
        "Correspondent banking lead at Northwind Bank",
        "Reporting analyst, MI and dashboards",
        "Editor of the Acme blog. Internal comms.",
        "Music producer and DJ",
        "Former reporter, now Head of PR at Acme",
        "Journalism student at Cardiff | intern at @guardian",
        "Technical editor (internal docs) at a medtech firm",
        "Automated headlines about energy, every hour 🤖",
        "Freelance writer: content for brands and websites",
    ],
)
def test_titles_that_only_look_like_press(bio):
    assert press(bio) is None, bio


# ---- employer, not mention ------------------------------------------------------------------


def test_employer_counts_mentions_do_not(store):
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "a1", "bio": "Head of CX at Brightwater Utilities"},
        {"handle": "a2", "bio": "Ops lead | @bwu_help"},
        {"handle": "a3", "display_name": "Jo Bloggs | BWU", "bio": "Water nerd"},
        {"handle": "a4", "bio": "Engineer", "website": "https://careers.bwu.example/jo"},
        {"handle": "a5", "bio": "Analyst, Capita. Views mine."},
        {"handle": "a6", "bio": "Ex-Brightwater Utilities, now gardening"},
        {"handle": "a7", "bio": "Helping brands like @brightwater fix their CX"},
        {"handle": "a8", "bio": "@brightwater still no refund after 3 weeks"},
        {"handle": "a9", "bio": "Economist. GDP per capita and growth."},
        {"handle": "a10", "bio": "Gardener. #Iris and roses."},
        {"handle": "a11", "bio": "Retired. 30 years at Valley Water Board."},
        {"handle": "a12", "bio": "Clients: Brightwater, Harbour Contact Group and more."},
        {"handle": "brightwater_jobs", "bio": "Jobs at the water company"},
        {"handle": "brightwater_fan", "bio": "Unofficial fan page"},
        {"handle": "a13", "display_name": "Valley Water Board", "bio": "Since 1952."},
        {"handle": "a14", "bio": "Billing lead at BWU. No longer on Facebook, sometimes here."},
    )
    customers = {h for h, segs in found.items() if "customers" in segs}
    assert customers == {"a1", "a2", "a3", "a4", "a5", "brightwater_jobs", "a13", "a14"}
    assert not found["a12"]


def test_a_journalists_beat_is_not_the_employer(store):
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store, config, {"handle": "j1", "bio": "Reporter at @ValleyCourier. I cover Capita."}
    )
    assert found["j1"] == {"press"}


def test_guest_columnist_with_a_day_job_at_a_listed_organisation(store):
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "g1", "bio": "Director of CX at Harbour Contact Group. Guest columnist."},
    )
    assert found["g1"] == {"competitors"}


def test_posts_confirm_the_employer(store):
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "p1", "bio": "Engineer. Hills and bikes."},
        {"handle": "p2", "bio": "Engineer. Hills and bikes."},
        posts={
            "p1": ["Great day on site with the team at Brightwater Utilities"],
            "p2": ["Our client Brightwater Utilities launched a new app"],
        },
    )
    assert found == {"p1": {"customers"}, "p2": set()}


def test_own_staff_are_in_no_segment(store):
    raw = {
        "segments": ORGS,
        "self": {
            "names": ["Lantern CX"],
            "handles": ["@lanterncx"],
            "domains": ["lantern.example"],
        },
    }
    found = segments_of(
        store,
        parse_segment_config(raw),
        {"handle": "s1", "bio": "Team lead at Lantern CX. Ex-reporter."},
        {"handle": "s2", "bio": "Writer", "website": "https://lantern.example/blog"},
        {"handle": "lanterncx_help", "bio": "Support for Lantern CX customers"},
    )
    assert found == {"s1": set(), "s2": set(), "lanterncx_help": set()}


def test_organisation_tables_are_checked():
    bad = {"segments": {"customers": {"organisations": [{"aliases": ["X"]}]}}}
    with pytest.raises(ConfigError, match="needs a name"):
        parse_segment_config(bad)
    bad = {"segments": {"customers": {"organisations": [{"name": "X", "domains": ["nope"]}]}}}
    with pytest.raises(ConfigError, match="not a web domain"):
        parse_segment_config(bad)


# ---- organisation lists ---------------------------------------------------------------------


def test_import_orgs_with_several_values_per_cell_and_a_segment_column(store, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text(
        "segment,name,domains,aliases,handles\n"
        'customers,Brightwater Utilities,brightwater.example;bwu.example,"BWU;Brightwater",'
        "@brightwater;@bwu_help\n"
        "competitors,Harbour Contact Group,harbour.example,,\n",
        encoding="utf-8",
    )
    orgs = read_orgs_csv(path)
    assert orgs[0].domains == ("bwu.example",) and orgs[0].aliases == ("BWU", "Brightwater")
    assert import_orgs(store, None, path) == 2
    found = segments_of(
        store,
        parse_segment_config({}),
        {"handle": "c1", "bio": "Billing lead at BWU"},
        {"handle": "c2", "bio": "Sales", "website": "https://harbour.example"},
    )
    assert found == {"c1": {"customers"}, "c2": {"competitors"}}


def test_import_orgs_needs_a_segment(store, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text("name\nBrightwater\n", encoding="utf-8")
    with pytest.raises(InputError, match="no segment"):
        import_orgs(store, None, path)


# ---- vocabulary and outlets a workspace adds ---------------------------------------------


def test_vocabulary_and_outlet_files_from_audience_toml(store, tmp_path):
    (tmp_path / "words.toml").write_text('press_titles = ["skrivar"]\n', encoding="utf-8")
    (tmp_path / "outlets.csv").write_text(
        "name,kind,domains,handles\nValley Courier,regional,valleycourier.example,ValleyCourier\n",
        encoding="utf-8",
    )
    (tmp_path / "audience.toml").write_text(
        '[roles]\nvocabulary = ["words.toml"]\noutlets = ["outlets.csv"]\n', encoding="utf-8"
    )
    config = load_segment_config(tmp_path / "audience.toml")
    found = segments_of(
        store,
        config,
        {"handle": "v1", "bio": "Skrivar. Fjell og kaffi."},
        {"handle": "v2", "bio": "@ValleyCourier | dog person"},
        {"handle": "v3", "bio": "Dogs", "website": "https://valleycourier.example/staff/v3"},
    )
    assert found == {"v1": {"press"}, "v2": {"press"}, "v3": {"press"}}


def test_bad_vocabulary_file_is_a_config_error(tmp_path):
    (tmp_path / "words.toml").write_text('press_words = ["x"]\n', encoding="utf-8")
    (tmp_path / "audience.toml").write_text('[roles]\nvocabulary = ["words.toml"]\n')
    with pytest.raises(ConfigError, match="unknown key 'press_words'"):
        load_segment_config(tmp_path / "audience.toml")


def test_outlets_learned_from_the_workspace(store):
    found = segments_of(
        store,
        parse_segment_config({}),
        {"handle": "r1", "bio": "Reporter at @HillsideEcho, local politics"},
        {"handle": "HillsideEcho", "display_name": "Hillside Echo", "bio": "Since 1921."},
        {"handle": "r2", "bio": "@HillsideEcho ⚽ | dad of two"},
    )
    assert found == {"r1": {"press"}, "HillsideEcho": {"press"}, "r2": {"press"}}


def test_clients_and_namesakes_in_german(store):
    config = parse_segment_config(
        {
            "segments": {
                "customers": {
                    "organisations": [
                        {"name": "Nordstern Versicherung", "aliases": ["Nordstern"]},
                        "Linde",
                    ]
                },
                "competitors": {"organisations": ["Helvetia Direkt"]},
            }
        }
    )
    found = segments_of(
        store,
        config,
        {"handle": "d1", "bio": "Teamleiterin Kundenservice bei Nordstern Versicherung"},
        {"handle": "d2", "bio": "Wir beraten Versicherer wie Nordstern und Helvetia Direkt"},
        {"handle": "d3", "bio": "Gärtner. Linde, Eiche, Buche."},
        {"handle": "d4", "bio": "Einkauf, Linde | Pullach"},
        {"handle": "d5", "bio": "Ehemals Nordstern, jetzt selbstständig"},
    )
    assert found == {
        "d1": {"customers"},
        "d2": set(),
        "d3": set(),
        "d4": {"customers"},
        "d5": set(),
    }


def test_beat_words_before_a_title_are_not_a_trap():
    assert press("Energy editor at the Financial Times")
    assert press("Energy producer at a wind farm") is None


# ---- employer, not mention: classes found on an independently written set ---------------------

TRADE_ORGS = {
    "customers": {
        "organisations": [
            {
                "name": "Okapi Haulage Logistics",
                "aliases": ["OHL"],
                "handles": ["okapi_haulage"],
            },
            "Fenwick",
        ]
    },
    "competitors": {
        "organisations": [
            "Quaystone",
            {"name": "Tidewell", "aliases": ["BerthBook", "BerthBook Pro"]},
        ]
    },
    "suppliers": {"organisations": ["Larchmont Cloud"], "handles": ["@larch_status"]},
}


def test_clients_users_and_reviewers_are_not_employers(store):
    """Clients named after an abbreviation ("u.a.", "e.g."), projects for clients, people and
    firms that use or review a product: not the organisation's staff (judgement.md)."""
    config = parse_segment_config({"segments": TRADE_ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "c1", "bio": "Texterin. Kunden u.a. Quaystone, Larchmont Cloud und andere."},
        {"handle": "c2", "bio": "Freelance illustrator. Clients e.g. Quaystone, Tidewell."},
        {"handle": "c3", "bio": "Grafik-Designerin | Projekte für Tidewell & Startups"},
        {"handle": "c4", "bio": "Konzultant | klienti: Okapi Haulage Logistics a další"},
        {"handle": "c5", "bio": "Shift lead at a DC in Lyon | we run BerthBook on 40 docks"},
        {"handle": "c6", "bio": "Planner | BerthBook-gebruiker sinds 2021"},
        {"handle": "c7", "bio": "Firma przewozowa. Korzystamy z BerthBook od lat."},
        {"handle": "c8", "bio": "Wir testen Software unabhängig. Heute: BerthBook vs. Excel."},
        {"handle": "c9", "bio": "Personalvermittlung. Jobs bei Arbeitgebern wie Fenwick & Co."},
        {"handle": "e1", "bio": "Dispatcher at Quaystone | views mine"},
        {"handle": "e2", "bio": "Chauffeur bij Okapi Haulage 🚛"},
        {"handle": "e3", "bio": "Kierowca w @okapi_haulage"},
        {"handle": "e4", "bio": "SRE | on call for @larch_status"},
        {"handle": "e5", "bio": "QA lead at Quaystone Test & Review team"},
        {"handle": "e6", "bio": "Fahrer für Quaystone 🚚"},
        {"handle": "e7", "bio": "Zákaznická podpora ve společnosti Quaystone"},
        posts={"c5": ["Our dock got 30% faster since BerthBook went live."]},
    )
    employed = {h for h, segs in found.items() if segs}
    assert employed == {"e1", "e2", "e3", "e4", "e5", "e6", "e7"}, found
    assert found["e2"] == found["e3"] == {"customers"}
    assert found["e4"] == {"suppliers"}


def test_namesakes_in_lists_and_other_acronyms_are_not_employers(store):
    """A one-word name in a list of names (places, people, planets) and an acronym that is part
    of another name or spelled out as another name are collisions, not the organisation."""
    config = parse_segment_config({"segments": TRADE_ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "n1", "bio": "Wanderungen durch die Alpen, Fenwick, Dolomiten und mehr"},
        {"handle": "n2", "bio": "Castles and kings | Fenwick, Percy, Neville."},
        {"handle": "n3", "bio": "Night sky: planets, comets, Quaystone, Vega…"},
        {"handle": "n4", "bio": "Toyota-OHL racing fans 🏁 V6 forever"},
        {"handle": "n5", "display_name": "OHL – Ottawa Hiking League", "bio": "Trails weekly"},
        {"handle": "n6", "bio": "Fleet manager, OHL. Views mine."},
        # A job before the name, or places after it: the employer, not a list of names.
        {"handle": "n7", "bio": "Yard lead, Fenwick, Leeds"},
        {"handle": "n8", "bio": "Head of planning | Fenwick, Leeds, UK"},
        {"handle": "n9", "bio": "Driver at Fenwick, Hull, UK"},
    )
    employed = {h for h, segs in found.items() if segs}
    assert employed == {"n6", "n7", "n8", "n9"}, found


def test_a_brand_name_used_as_phishing_bait_is_not_the_brand(store):
    config = parse_segment_config({"segments": TRADE_ORGS})
    found = segments_of(
        store,
        config,
        {
            "handle": "s1",
            "display_name": "BerthBook Pro Pomoc",
            "bio": "Odzyskaj konto BerthBook Pro! Napisz DM z loginem i hasłem.",
        },
        {
            "handle": "s2",
            "display_name": "Larchmont Cloud Helpdesk",
            "bio": "Official help. DM your login details to fix your Larchmont Cloud account!",
        },
        {"handle": "s3", "bio": "Larchmont Cloud refunds: click here and enter your card details"},
    )
    assert not any(found.values()), found


@pytest.mark.parametrize(
    "bio",
    [
        "PR für die Bauwirtschaft | 10 Jahre Redakteur beim Tagblatt, jetzt Berater",
        "Marketing lead @acme | was redacteur bij Dagblad Noord",
        "Reporter at the Valley Courier (2009–2016) | cyclist",
        "Konzultantka | dříve redaktorka Deníku Jih",
    ],
)
def test_a_past_press_job_in_other_words_is_not_press(bio):
    """The current role decides: "davor", Dutch "was", a closed span of years are the past."""
    assert press(bio) is None, bio


def test_a_past_employer_after_an_abbreviation_is_the_past(store):
    config = parse_segment_config({"segments": TRADE_ORGS})
    found = segments_of(
        store,
        config,
        {
            "handle": "f1",
            "bio": "Ich schreibe über Lager. Davor 6 J. Vertriebsleiter bei Quaystone.",
        },
        {"handle": "f2", "bio": "Writer | sales at Quaystone (2015–2021)"},
        {"handle": "f3", "bio": "Vertriebsleiter bei Quaystone seit 2021"},
    )
    assert found == {"f1": set(), "f2": set(), "f3": {"competitors"}}, found
    assert press("Reporter at the Valley Courier since 2016 | cyclist")
    assert press("Covering the 2024–2025 season for @SkySports")  # a span, not the past


@pytest.mark.parametrize(
    ("bio", "name", "website"),
    [
        ("Wöchentlich über Binnenhäfen. Neue Folge jeden Montag.", "Kaikante – der Podcast", None),
        ("Podcast „Na rampie” 🎧 | rozmowy z branżą co tydzień", "Ola Nowak", None),
        (
            'Host von "Kaikante" – dem Podcast über Schleusen. Hauptberuflich Schleuser.',
            "Kai",
            None,
        ),
        ("Host @kaikante_podcast 🎙️ | Rhein, Ruhr", "Kai Berg", None),
        ("Moderátorka rozhlasu Plzeň | ranní vysílání", "Eva Nová", None),
        (
            "Morning freight briefing for Europe. Newsletter every weekday at 7am.",
            "Cargo Brief",
            None,
        ),
        ("Schrijft Havenpost – wekelijkse nieuwsbrief over binnenvaart.", "Eva de Boer", None),
        ("Tägliche Presseschau Bahn, von der Redaktion kommentiert.", "Schienenschau", None),
        ("Verkehr im Emsland 🚲", "Eva Muster", "https://www.emsblatt.example/autor/eva-muster"),
        ("Co-host @kaikantepod 🎙️", "Kai Berg", None),
        ("Moderatorin beim Kaikantenradio", "Kai Berg", None),
        ("Prowadząca audycję „Port” w Radiu Północ", "Ola Nowak", None),
        ("Prezentér zpráv na stanici Jih", "Eva Nová", None),
        ("Weekly talks with lock keepers. New episodes every Monday.", "Kaikante Pod", None),
        ('Autorin des Newsletters "Schleusenpost" (jede Woche)', "Eva Muster", None),
    ],
)
def test_named_podcasts_newsletters_and_author_pages_are_press(bio, name, website):
    """A podcast's or newsletter's own account, its host, a radio presenter in Czech, and an
    author page on a news site are press (judgement.md), in the words of several languages."""
    assert press(bio, name=name, website=website), bio


@pytest.mark.parametrize(
    ("bio", "website"),
    [
        ("Podcast host. Talking leadership every Monday.", None),
        ('Vaig presentar el podcast "Ones" (2018-2022). Ara treballo en comunicació.', None),
        ("Chefredakteur der Schülerzeitung „Klassenbuch” | 10. Klasse", None),
        ("Editor of the school newspaper, Year 11", None),
        ("Lehrstuhl für Verkehrswesen, Uni Kassel. Kolumnistin im Stadtblatt.", None),
        ("Freier Autor. Häfen und Energie.", None),
        ("Journalistik-Studentin, schreibt für die Uni-Zeitung", None),
        ("Redakteur i. R. Segeln und Enkel.", None),
        ("Product marketing. Views mine.", "https://acme.example/blog/author/jo"),
    ],
)
def test_pupils_academics_past_podcasts_and_company_blogs_are_not_press(bio, website):
    """Students, academics whose column is a side role, a podcast in the past, a freelance
    writer naming no outlet, a company blog's author page: not press."""
    assert press(bio, website=website) is None, bio


def test_clients_and_past_jobs_in_nordic_finnish_romanian_and_hungarian(store):
    config = parse_segment_config({"segments": TRADE_ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "sv1", "bio": "Konsult. Kunder: Quaystone, Tidewell och fler."},
        {"handle": "fi1", "bio": "Graafikko | asiakkaina Quaystone ja muut"},
        {"handle": "ro1", "bio": "Designer. Clienți: Quaystone, Tidewell."},
        {"handle": "hu1", "bio": "Tanácsadó | ügyfeleink: Quaystone"},
        {"handle": "sv2", "bio": "Tidigare säljare på Quaystone. Nu lärare."},
        {"handle": "sv3", "bio": "Säljare på Quaystone"},
    )
    assert {h for h, segs in found.items() if segs} == {"sv3"}, found


def test_slovak_role_words():
    assert press("Spravodajkyňa verejnoprávnej televízie v Bruseli")
    assert press("Píšem pre Denník Sever o doprave")
    assert press("Tlačová hovorkyňa ministerstva, predtým redaktorka denníka") is None


def test_a_disclaimer_of_affiliation_undoes_the_organisation_not_press(store):
    """'Not affiliated', 'niet gelieerd', 'not run by X', 'niet in dienst': the account says it is
    not the organisation nor its employee; an independent newsletter that says so is press."""
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {
            "handle": "b1",
            "display_name": "Brightwater Watch",
            "bio": "Brightwater Utilities? Share your stories here. Not run by Brightwater itself.",
        },
        {"handle": "b2", "bio": "Brightwater ambassador | niet in dienst, wel fan"},
        {"handle": "b3", "bio": "Onderdelen voor Brightwater Utilities. Niet gelieerd."},
        {
            "handle": "b4",
            "bio": "Weekly newsletter on water policy. Not affiliated with any company.",
        },
    )
    assert not found["b1"] and not found["b2"] and not found["b3"]
    assert found["b4"] == {"press"}


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Harbour Magazine", "Le mag des ports et du fret. Tests, conseils, actus."),
        ("Kaai Magazine", "Vlaams havenmagazine. Kiosk + digitaal."),
        ("Havenkoerier", "Ledenblad van de Havenbond. Verschijnt 4x per jaar."),
        ("Frachtpost Redaktion", "Tests und Ratgeber rund um die Logistik."),
        ("Omroep Noordkust Verkeer", "Files en werkzaamheden in de regio. 24/7"),
    ],
)
def test_outlet_accounts_named_as_outlets_or_with_compound_nouns(name, bio):
    """An outlet's own account: its display name names the outlet or its newsroom, or the bio
    opens with a compound outlet noun ("havenmagazine", "Ledenblad") or "le mag"."""
    assert press(bio, name=name, handle="outlet_x")


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        (
            "Harbour University Newsroom",
            "News from Harbour University. Media enquiries: p@h.example",
        ),
        ("Persvoorlichting Havenbond", "Persvragen aan de Havenbond? Mail ons."),
        ("Havenbond", "Wij komen op voor alle havenwerkers. Word lid!"),
        ("DJ Editor", "Music producer & editor. Remixes for hire."),
        ("Sam Doe", "Video editor and producer for weddings"),
    ],
)
def test_press_offices_membership_bodies_and_shared_non_media_words(name, bio):
    """Press offices speak to the press, membership bodies recruit members, and "music" before
    two joined titles qualifies both: none of them is press."""
    assert press(bio, name=name, handle="someone") is None


@pytest.mark.parametrize(
    "bio",
    [
        "Fotograaf @KustDagblad | ook vrij werk",
        "Producer @HarbourTV Docs 🎬",
        "Photographer @CityDaily",
    ],
)
def test_a_title_written_as_a_job_at_an_handle(bio):
    """ "Photographer @Outlet": a qualified title with the @handle right after it is a job there."""
    found = press(bio)
    assert found and found.outlet and found.outlet.startswith("@")


def test_clients_among_others_services_for_and_defined_acronyms(store):
    """Clients named "among others" ("o.a.", "u.a.", "e.g."), services done for a client ("PR
    voor X", "copy for X"), a client case in a post; an acronym defined in the bio as another
    name ("Ter Horst & De Wit (BWU)", "Bergen & Wales United – BWU") is that other name."""
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "c1", "bio": "Freelance copywriter | teksten voor o.a. Brightwater Utilities"},
        {"handle": "c2", "bio": "Account manager @someagency | PR voor Brightwater Utilities"},
        {"handle": "c3", "bio": "Agentur. Kunden u.a. Brightwater Utilities und andere."},
        {"handle": "c4", "bio": "Agency for utilities.", "display_name": "Agency Co"},
        {"handle": "c5", "bio": "Bouwbedrijf Bakker Wouters Uitvoering (BWU). Sinds 1990."},
        {"handle": "c6", "bio": "Rugbyclub Bergen & Wales United – BWU Tigers 🏉"},
        {"handle": "c7", "bio": "Billing lead at BWU."},
        {"handle": "c8", "bio": "Copy | teksten voor o.a. Valley Water Board en Capita | Leeds"},
        posts={"c4": ["Case study: how we got Brightwater Utilities into 12 papers."]},
    )
    assert not any(found[h] for h in ("c1", "c2", "c3", "c4", "c5", "c6", "c8"))
    assert found["c7"] == {"customers"}


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("Lou", "#vélotaf quotidien à Nantes. Vélo cargo, deux enfants."),
        ("Jan Smit", "12 jaar bij Het Noorder Dagblad. Nu investor relations. Hardloper."),
        ("Kim", "Student @HogeschoolX | wil later sportreporter worden"),
        ("Alex", "Aspiring journalist. Coffee first."),
        ("Lena", "Angehende Redakteurin, erst mal Abi."),
    ],
)
def test_rhythm_adjectives_past_workplaces_and_aspirations_are_not_press(name, bio):
    """ "quotidien" as "daily" (an adjective), an outlet named only as a past workplace ("12 jaar
    bij het Dagblad. Nu ..."), and a job someone hopes to have are no press evidence."""
    assert press(bio, name=name, handle="someone") is None


def test_a_listed_name_inside_another_organisations_display_name(store):
    """ "Garage Acme Ltd", "Acme Ltd Rebels": another organisation sharing the name; "Acme Ltd
    Support", "Acme Ltd Leeds", "Jo Bloggs | Acme Ltd": the organisation."""
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {
            "handle": "d1",
            "display_name": "Autobedrijf Brightwater Utilities",
            "bio": "Uw autodealer.",
        },
        {"handle": "d2", "display_name": "Brightwater Utilities Rebels", "bio": "Basketbalclub."},
        {"handle": "d3", "display_name": "Brightwater Utilities Support", "bio": "Here to help."},
        {"handle": "d4", "display_name": "Brightwater Utilities Leeds", "bio": "Our Leeds office."},
        {"handle": "d5", "display_name": "Jo Bloggs | Brightwater Utilities", "bio": "Water nerd."},
    )
    assert not found["d1"] and not found["d2"]
    assert found["d3"] == found["d4"] == found["d5"] == {"customers"}


def test_a_guest_or_visiting_side_job_does_not_undo_a_column():
    """A columnist whose other job is a guest or visiting one ("Prof invité", "visiting
    lecturer") is press; so is a professor's regular column at a named outlet (a job at an
    outlet, judgement.md; three independently labelled sets agree); a professor who writes an
    occasional column, or one at no named outlet, stays below the line."""
    assert press("Chroniqueuse @LeJournalX | Prof invitée à l'université")
    assert press("Columnist @DailyX | visiting lecturer at Leeds")
    assert press("Professor at Leeds. Columnist for the Post.")
    assert press("Professor at Leeds. Occasional columnist.") is None


def test_riding_or_driving_a_brands_product_is_not_working_there(store):
    """ "Ich fahre einen Brightwater", "I ride a Brightwater Utilities e-bike for my courier job":
    a user of the product, not the brand's employee."""
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "e1", "bio": "Kurier | fahre einen Brightwater Utilities für @SomeCourier"},
        {"handle": "e2", "bio": "Courier. I ride a Brightwater Utilities cargo bike."},
        {"handle": "e3", "bio": "Je roule en Brightwater Utilities depuis 2020."},
    )
    assert not found["e1"] and not found["e2"] and not found["e3"]


def test_dutch_je_addresses_the_reader_french_je_is_a_person():
    """Dutch "je" is "you/your" ("in je inbox"): a newsletter talking to its reader is still an
    outlet; French "je suis ..." is a person speaking."""
    assert press("Wekelijkse nieuwsbrief over havens. Elke maandag in je inbox.", name="Havenpost")
    from audience.roles import organisation_signals

    assert organisation_signals("x", "X", "Je suis ingénieure à Lyon.")[1] >= 2


def test_a_job_title_right_before_the_name_is_the_employer(store):
    """ "Sales Capita Benelux", "Engineer Capita": the job written right before a one-word name;
    an adviser's or consultant's organisation is a client ("Adviseur Capita & gemeenten")."""
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "f1", "bio": "Sales Capita Benelux"},
        {"handle": "f2", "bio": "Hoogleraar @SomeUni | adviseur Capita & gemeenten"},
    )
    assert found["f1"] == {"customers"}
    assert not found["f2"]


def test_an_outlets_fans_listeners_and_readers_are_not_its_staff():
    """ "@Outlet fan", "Listening to @Outlet", "lezer van @Outlet": the audience, not press."""
    from audience.roles import Outlet

    lexicon = DEFAULT_LEXICON.with_outlets([Outlet("Harbour Pod", "learned", handles=("hpod",))])
    for bio in [
        "Too many podcasts | @hpod fan | dev",
        "Listening to @hpod daily",
        "Trouwe lezer van @hpod",
    ]:
        assert press_evidence("x", "X", bio, None, lexicon) is None
    assert press_evidence("x", "X", "Host @hpod", None, lexicon)


def test_a_one_word_name_as_display_name_needs_the_organisations_handle_domain_or_intro(store):
    """ "Capita" as a display name is also a band's or a meme account's: the organisation's own
    account shows its handle family, its domain, or a bio that introduces it ("Capita – ...")."""
    config = parse_segment_config(
        {"segments": {"customers": {"organisations": [{"name": "Capita", "handles": ["capita"]}]}}}
    )
    found = segments_of(
        store,
        config,
        {"handle": "capitaband", "display_name": "CAPITA", "bio": "Synth duo. New EP out now."},
        {"handle": "memes_nl", "display_name": "Capita!", "bio": "Memes en onzin."},
        {"handle": "capita_help", "display_name": "Capita", "bio": "Here to help."},
        {"handle": "cap_old", "display_name": "Capita", "bio": "Capita – outsourcing since 1984."},
    )
    assert not found["capitaband"] and not found["memes_nl"]
    assert found["capita_help"] == found["cap_old"] == {"customers"}


def test_of_names_the_employer_only_after_a_job(store):
    """ "Founder of Capita" is the employer; "live clips of CAPITA", "a review of Capita" are
    subjects."""
    config = parse_segment_config({"segments": ORGS})
    found = segments_of(
        store,
        config,
        {"handle": "of1", "bio": "Founder of Capita. Coffee."},
        {"handle": "of2", "bio": "Tour dates & live clips of Capita 🎹"},
        {"handle": "of3", "bio": "My honest review of Capita, part 2"},
    )
    assert found["of1"] == {"customers"}
    assert not found["of2"] and not found["of3"]
