import pytest

from audience.geo import matches_region, normalize_location


@pytest.mark.parametrize(
    "text, country, city",
    [
        ("LDN", "GB", "London"),
        ("Manchester / remote", "GB", "Manchester"),
        ("London, UK", "GB", "London"),
        ("Dublin 2", "IE", "Dublin"),
        ("Kraków, Polska", "PL", "Kraków"),
        ("Based in Berlin", "DE", "Berlin"),
        ("Portland, OR", "US", "Portland"),
        ("🇮🇪", "IE", None),
        ("Bristol, England", "GB", "Bristol"),
    ],
)
def test_free_text_locations(text, country, city):
    place = normalize_location(text)
    assert place is not None and place.country == country
    assert place.city == city


@pytest.mark.parametrize("text", ["", None, "remote", "Earth", "the internet", "everywhere"])
def test_locations_that_say_nothing(text):
    assert normalize_location(text) is None


def test_regions():
    assert matches_region(normalize_location("Leeds"), ["UK"])
    assert matches_region(normalize_location("Cork"), ["UK & Ireland"])
    assert matches_region(normalize_location("Lyon, France"), ["Europe"])
    assert not matches_region(normalize_location("NYC"), ["UK", "Europe"])
    assert not matches_region(None, ["UK"])


# ---- stored places ------------------------------------------------------------------------------


def test_resolve_place_gives_country_and_region():
    from audience.geo import resolve_place

    assert resolve_place("Leeds") == ("GB", "Leeds")
    assert resolve_place("Galway, Ireland") == ("IE", "Galway")
    assert resolve_place("Texas") == ("US", "Texas")
    assert resolve_place("remote") == (None, None)
    assert resolve_place(None) == (None, None)


def test_compact_index_is_written_once_and_read_back(tmp_path, monkeypatch):
    from audience import geo

    monkeypatch.setenv("AUDIENCE_CACHE_DIR", str(tmp_path))
    geo._gazetteer.cache_clear()
    try:
        built = geo._gazetteer()
        [index] = tmp_path.glob("places-*.marshal")
        geo._gazetteer.cache_clear()
        assert geo._gazetteer()[1] == built[1]  # cities, now from the index
        assert geo.normalize_location("Cork").country == "IE"
        index.write_bytes(b"not marshal")  # a damaged cache is rebuilt, not trusted
        geo._gazetteer.cache_clear()
        assert geo.normalize_location("Leeds").city == "Leeds"
    finally:
        geo._gazetteer.cache_clear()


def test_stored_place_answers_regions():
    from audience.geo import stored_place

    assert matches_region(stored_place("FR", "Lyon"), ["Europe"])
    assert matches_region(stored_place("IE"), ["UK & Ireland"])
    assert not matches_region(stored_place("US", "Austin"), ["UK"])
    assert stored_place(None) is None


def test_accounts_store_their_place_when_written(store):
    from audience.models import Account

    def write(location):
        with store.transaction():
            [row_id] = store.upsert_account_rows(
                [Account(platform="x", platform_id="1", handle="ada", location=location)]
            )
        return store.query("SELECT country, region FROM accounts WHERE id = ?", [row_id])[0]

    assert write("Leeds") == {"country": "GB", "region": "Leeds"}
    assert write(None) == {"country": "GB", "region": "Leeds"}  # a sparse record keeps it
    assert write("Galway, Ireland") == {"country": "IE", "region": "Galway"}
    assert write("the internet") == {"country": None, "region": None}


def test_account_place_prefers_the_stored_value():
    from audience.geo import account_place

    assert account_place({"country": "IE", "region": "Cork", "location": "Leeds"}).country == "IE"
    assert account_place({"country": None, "location": "Leeds"}).city == "Leeds"
    assert account_place({"location": None}) is None


def test_an_older_workspace_is_back_filled_when_opened(tmp_path):
    from audience.store import open_store

    path = tmp_path / "old.db"
    store = open_store(path)
    with store.transaction():
        store.execute(
            "INSERT INTO accounts (platform, platform_id, location, first_seen, last_seen) "
            "VALUES ('x', '1', 'Galway, Ireland', 'now', 'now')"
        )
        # as a workspace from before m008 left it: no place, the step not applied
        store.execute("UPDATE accounts SET country = NULL, region = NULL")
        store.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_places_history'")
    store.close()
    store = open_store(path)
    assert store.query("SELECT country, region FROM accounts") == [
        {"country": "IE", "region": "Galway"}
    ]
    store.close()


def test_migration_back_fills_places(store):
    from audience.store import m008_places_history

    with store.transaction():
        store.execute(
            "INSERT INTO accounts (platform, platform_id, location, first_seen, last_seen) "
            "VALUES ('x', '1', 'Manchester / remote', 'now', 'now'), "
            "('x', '2', NULL, 'now', 'now'), ('x', '3', 'Dublin 2', 'now', 'now')"
        )
        store.execute("UPDATE accounts SET country = NULL, region = NULL")
    m008_places_history(store.db)
    rows = store.query("SELECT platform_id, country, region FROM accounts ORDER BY platform_id")
    assert [(r["country"], r["region"]) for r in rows] == [
        ("GB", "Manchester"),
        (None, None),
        ("IE", "Dublin"),
    ]


# ---- the stored place is the one every reader uses ----------------------------------------------


def test_near_and_prune_read_the_stored_country_not_the_location(store):
    """`--near`, `segment show --near` and prune's region reason all read accounts.country
    (resolved once when the account was written): a stored place that says otherwise than a
    fresh reading of the location text wins, so the three can never disagree."""
    from datetime import UTC, datetime

    from audience.config import Rules
    from audience.find import rank_topic_authors
    from audience.models import Account, Post
    from audience.prune import Profile, region_reasons
    from audience.segment import add_members, show_members

    with store.transaction():
        ids = store.upsert_accounts([Account("x", "1", handle="ana", location="Leeds")])
        posted = datetime.now(UTC)
        store.upsert_posts([Post("x", "p1", "1", "all about #cx", posted, ["cx"])], ids)
        # as if the place had been resolved to Ireland when it was written
        store.execute("UPDATE accounts SET country = 'IE', region = 'Dublin' WHERE handle = 'ana'")
    add_members(store, "press", [{"id": ids["1"]}])

    row = store.query("SELECT * FROM accounts WHERE id = ?", [ids["1"]])[0]
    reasons = region_reasons(Profile(row, [], set(), []), Rules(home_regions=["GB"]))
    assert [r.code for r in reasons] == ["outside-region"] and "IE" in reasons[0].text

    assert [r["handle"] for r in show_members(store, "press", near=["Ireland"])] == ["ana"]
    assert show_members(store, "press", near=["UK"]) == []
    assert [r.handle for r in rank_topic_authors(store, ["#cx"], near=["Ireland"])] == ["ana"]
    assert rank_topic_authors(store, ["#cx"], near=["UK"]) == []


def test_first_level_regions_give_their_country_and_stay_regions_at_home():
    from audience.geo import matches_region, normalize_location, region_countries

    assert normalize_location("Yorkshire").country == "GB"
    assert normalize_location("Bayern").state == "Bayern"
    assert normalize_location("Ontario").country == "CA"  # the province, not the Californian city
    assert (
        normalize_location("Cornwall, Ontario").city == "Cornwall"
    )  # the city, when its country is said
    # A home region that is only a region means that region, not its whole country...
    assert region_countries("North Rhine-Westphalia") == set()
    assert not matches_region(normalize_location("München"), ["North Rhine-Westphalia"])
    assert matches_region(normalize_location("Bayern"), ["Bayern"])
    # ...while one that is also a city keeps meaning its country, as before.
    assert matches_region(normalize_location("Montréal"), ["Québec"])
