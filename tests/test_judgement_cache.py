"""The judgement cache (issue 18): an unchanged account is not judged again, and a changed
bio, configuration, vocabulary file or date always gives the fresh result."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from audience.config import Rules
from audience.judgement_cache import lexicon_fingerprint
from audience.prune import review
from audience.roles import DEFAULT_LEXICON
from audience.segment import auto_segment, import_orgs, plan_auto
from tests.test_prune import NOW, RULES, World, ago, follow_all, person
from tests.test_segment import add_accounts, config

ACCOUNTS = (
    {"handle": "jane", "bio": "Reporter at Reuters"},
    {"handle": "acme", "display_name": "Acme Ltd", "bio": "We make widgets."},
    {"handle": "bob", "display_name": "Bob Stone", "bio": "Baker in Leeds. Sourdough daily."},
)


def changes(plan) -> set[tuple]:
    return {(c.action, c.segment, c.handle, c.reason) for c in plan.changes}


def fresh_plan(store, segment_config):
    """The plan worked out with nothing remembered."""
    store.execute("SAVEPOINT fresh")
    store.execute("DELETE FROM judgement_cache")
    plan = plan_auto(store, segment_config)
    store.execute("ROLLBACK TO fresh")
    store.execute("RELEASE fresh")
    assert sum(c.hits for c in plan.judged) == 0
    return plan


def cached_counts(plan) -> tuple[int, int]:
    first = plan.judged[0]
    return first.hits, first.misses


def test_unchanged_accounts_are_not_judged_again(store):
    add_accounts(store, *ACCOUNTS)
    first = auto_segment(store, config())
    assert cached_counts(first) == (0, 3)
    assert ("add", "press", "jane") in {(c.action, c.segment, c.handle) for c in first.changes}
    again = plan_auto(store, config())
    assert cached_counts(again) == (3, 0)
    assert again.changes == []  # everything was applied the first time


def test_a_dry_run_remembers_nothing(store):
    add_accounts(store, *ACCOUNTS)
    auto_segment(store, config(), dry_run=True)
    assert store.scalar("SELECT count(*) FROM judgement_cache") == 0


def test_a_changed_bio_is_judged_again(store):
    ids = add_accounts(store, *ACCOUNTS)
    auto_segment(store, config())
    with store.transaction():
        store.execute(
            "UPDATE accounts SET bio = 'Baker in Leeds, ex-nothing' WHERE id = ?", [ids["jane"]]
        )
    plan = plan_auto(store, config())
    assert cached_counts(plan) == (2, 1)
    assert ("remove", "press", "jane") in {(c.action, c.segment, c.handle) for c in plan.changes}
    assert changes(plan) == changes(fresh_plan(store, config()))


def test_a_changed_configuration_is_judged_again(store):
    add_accounts(store, *ACCOUNTS)
    auto_segment(store, config())
    # a keyword rule in audience.toml
    keywords = config({"customers": {"keywords": ["widgets"]}})
    plan = plan_auto(store, keywords)
    assert cached_counts(plan) == (0, 3)
    assert ("add", "customers", "acme") in {(c.action, c.segment, c.handle) for c in plan.changes}
    assert changes(plan) == changes(fresh_plan(store, keywords))
    # a press term of the workspace's own ([roles] in audience.toml)
    bakers = config(roles={"press_terms": ["baker"]})
    plan = plan_auto(store, bakers)
    assert cached_counts(plan) == (0, 3)
    assert ("add", "press", "bob") in {(c.action, c.segment, c.handle) for c in plan.changes}
    assert changes(plan) == changes(fresh_plan(store, bakers))


def test_an_imported_organisation_list_is_judged_again(store, tmp_path: Path):
    add_accounts(store, *ACCOUNTS)
    auto_segment(store, config())
    orgs = tmp_path / "customers.csv"
    orgs.write_text("name,domain,handles\nAcme Ltd,acme.example,acme\n", encoding="utf-8")
    import_orgs(store, "customers", orgs)
    plan = plan_auto(store, config())
    assert cached_counts(plan) == (0, 3)
    assert ("add", "customers", "acme") in {(c.action, c.segment, c.handle) for c in plan.changes}
    assert changes(plan) == changes(fresh_plan(store, config()))


def test_an_edited_vocabulary_file_changes_the_fingerprint(tmp_path: Path):
    words = tmp_path / "words.toml"
    words.write_text('[press]\ntitles = ["baker"]\n', encoding="utf-8")
    lexicon = DEFAULT_LEXICON.extended(vocabulary_files=[words])
    before = lexicon_fingerprint(lexicon)
    assert lexicon_fingerprint(DEFAULT_LEXICON.extended(vocabulary_files=[words])) == before
    words.write_text('[press]\ntitles = ["baker", "brewer"]\n', encoding="utf-8")
    assert lexicon_fingerprint(lexicon) != before
    assert lexicon_fingerprint(DEFAULT_LEXICON) != before


def test_the_same_code_elsewhere_reads_the_same_judgements(tmp_path: Path, monkeypatch):
    """The rules' fingerprint is of their code and data, wherever the package is installed;
    an edited rule module or vocabulary file still changes it."""
    import shutil

    from audience import judgement_cache

    here = judgement_cache.code_fingerprint.__wrapped__()
    copy = tmp_path / "elsewhere" / "audience"
    shutil.copytree(judgement_cache.DATA, copy / "data")
    for name in judgement_cache.RULE_MODULES:
        shutil.copy(judgement_cache.PACKAGE / f"{name}.py", copy / f"{name}.py")
    monkeypatch.setattr(judgement_cache, "PACKAGE", copy)
    monkeypatch.setattr(judgement_cache, "DATA", copy / "data")
    assert judgement_cache.code_fingerprint.__wrapped__() == here
    rules = copy / "roles.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = judgement_cache.code_fingerprint.__wrapped__()
    assert edited != here
    vocabulary = next(p for p in sorted((copy / "data").rglob("*")) if p.is_file())
    vocabulary.write_bytes(vocabulary.read_bytes() + b"\n")
    assert judgement_cache.code_fingerprint.__wrapped__() not in (here, edited)


def test_forgetting_an_account_drops_its_judgements(store):
    ids = add_accounts(store, *ACCOUNTS)
    auto_segment(store, config())
    with store.transaction():
        store.execute("DELETE FROM accounts WHERE id = ?", [ids["jane"]])
    assert (
        store.scalar("SELECT count(*) FROM judgement_cache WHERE account_id = ?", [ids["jane"]])
        == 0
    )
    assert store.scalar("SELECT count(*) FROM judgement_cache") == 2


# ---- prune ------------------------------------------------------------------------------------


def fresh_review(store, rules, now):
    store.execute("SAVEPOINT fresh")
    store.execute("DELETE FROM judgement_cache")
    found = review(store, rules, "x", now)
    store.execute("ROLLBACK TO fresh")
    store.execute("RELEASE fresh")
    return found.as_dict()


def prune_world(store) -> World:
    world = World(store)
    world.accounts(
        person("10", last_post_at=ago(100)),
        person("11", bio="Reporter at the Leeds Echo"),
        person("12", bio="Baker in Leeds. Sourdough daily.", followers_count=20),
    )
    follow_all(world, ["10", "11", "12"], followers=["10"])
    return world


def test_prune_remembers_and_a_later_date_is_judged_fresh(store):
    world = prune_world(store)
    first = review(store, RULES, "x", NOW).as_dict()
    assert store.scalar("SELECT count(*) FROM judgement_cache WHERE kind = 'prune-signals'") == 3
    assert review(store, RULES, "x", NOW).as_dict() == first
    # --as-of 100 days later: the stored judgements hold, the date-bound reasons are new
    later = NOW + timedelta(days=100)
    found = review(store, RULES, "x", later).as_dict()
    assert found == fresh_review(store, RULES, later)
    assert world.ids["10"] in [s["account_id"] for s in found["suggestions"]]
    assert found != first


def test_prune_in_batches_judges_as_all_at_once(store, monkeypatch):
    """A crowd reviewed a batch of accounts at a time (their profiles loaded, judged and let
    go) gives what one batch of all of them gives, and keeps every judgement."""
    from audience import prune

    prune_world(store)
    whole = fresh_review(store, RULES, NOW)
    monkeypatch.setattr(prune, "REVIEW_BATCH", 2)
    assert review(store, RULES, "x", NOW).as_dict() == whole
    assert store.scalar("SELECT count(*) FROM judgement_cache WHERE kind = 'prune-signals'") == 3
    assert review(store, RULES, "x", NOW).as_dict() == whole  # read back, batch by batch


def test_prune_judges_a_changed_bio_or_post_again(store):
    world = prune_world(store)
    first = review(store, RULES, "x", NOW)
    assert world.ids["11"] in [s.account_id for s in first.checks]  # press: check by hand
    with store.transaction():
        store.execute(
            "UPDATE accounts SET bio = 'Win a free iPhone! DM your login' WHERE id = ?",
            [world.ids["11"]],
        )
    world.posts("10", ["Follow back and I follow you! #f4f"], days_ago=1)
    found = review(store, RULES, "x", NOW)
    assert world.ids["11"] not in [s.account_id for s in found.checks]
    assert found.as_dict() == fresh_review(store, RULES, NOW)
    codes = {s.account_id: {r.code for r in s.reasons} for s in found.suggestions}
    assert "follow-back-spam" in codes[world.ids["10"]]


def test_prune_judges_again_when_the_press_words_change(store):
    world = prune_world(store)
    review(store, RULES, "x", NOW)
    bakers = Rules(
        keywords=RULES.keywords,
        hashtags=RULES.hashtags,
        home_regions=RULES.home_regions,
        protected_segments=RULES.protected_segments,
        raw={"roles": {"press_terms": ["baker"]}},
    )
    found = review(store, bakers, "x", NOW)
    assert found.as_dict() == fresh_review(store, bakers, NOW)
    assert world.ids["12"] in [s.account_id for s in found.checks]


def all_codes(found) -> dict[int, set[str]]:
    listed = found.suggestions + found.near_misses + found.checks
    return {s.account_id: {r.code for r in s.reasons} for s in listed}


def test_prune_topics_are_judged_again_when_my_topics_or_their_posts_change(store):
    world = prune_world(store)
    bread = Rules(keywords=["sourdough"], home_regions=["GB"])
    found = review(store, bread, "x", NOW, margin=1.0)
    assert store.scalar("SELECT count(*) FROM judgement_cache WHERE kind = 'prune-topics'") == 3
    assert "off-topic" in all_codes(found)[world.ids["10"]]
    assert "off-topic" not in all_codes(found)[world.ids["12"]]
    # other topics in audience.toml
    calls = Rules(keywords=["contact centre"], home_regions=["GB"])
    found = review(store, calls, "x", NOW, margin=1.0)
    assert found.as_dict() == fresh_review_margin(store, calls, NOW)
    assert "off-topic" not in all_codes(found)[world.ids["10"]]
    assert "off-topic" in all_codes(found)[world.ids["12"]]
    # a new post of theirs
    world.posts("10", ["My sourdough starter is ten years old today"], days_ago=1)
    found = review(store, bread, "x", NOW, margin=1.0)
    assert found.as_dict() == fresh_review_margin(store, bread, NOW)
    assert "off-topic" not in all_codes(found)[world.ids["10"]]


def fresh_review_margin(store, rules, now):
    store.execute("SAVEPOINT fresh")
    store.execute("DELETE FROM judgement_cache")
    found = review(store, rules, "x", now, margin=1.0)
    store.execute("ROLLBACK TO fresh")
    store.execute("RELEASE fresh")
    return found.as_dict()


def test_a_busy_workspace_skips_the_cache_write_and_the_command_goes_on(tmp_path: Path):
    import sqlite3

    from audience.store import BUSY_TIMEOUT_SECONDS, open_store

    path = tmp_path / "audience.db"
    store = open_store(path)
    prune_world(store)
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another process writing (a long import)
    found = review(store, RULES, "x", NOW).as_dict()
    assert store.scalar("SELECT count(*) FROM judgement_cache") == 0
    other.rollback()
    other.close()
    assert review(store, RULES, "x", NOW).as_dict() == found
    assert store.scalar("SELECT count(*) FROM judgement_cache") > 0
    assert store.scalar("PRAGMA busy_timeout") == BUSY_TIMEOUT_SECONDS * 1000  # restored
    store.close()


def test_forget_leaves_no_stored_judgement_in_the_file(tmp_path: Path):
    from audience.privacy import forget, plan_forget
    from audience.store import open_store

    path = tmp_path / "audience.db"
    store = open_store(path)
    add_accounts(store, {"handle": "ada_l", "bio": "Reporter at the Zanzibarquokka Gazette"})
    auto_segment(store, config())
    stored = store.query("SELECT value FROM judgement_cache")
    assert any("Zanzibarquokka" in row["value"] for row in stored)
    forget(store, plan_forget(store, "@ada_l"))
    assert store.scalar("SELECT count(*) FROM judgement_cache") == 0
    store.close()
    for leftover in tmp_path.iterdir():
        if leftover.name.startswith("audience.db"):
            assert b"Zanzibarquokka" not in leftover.read_bytes(), leftover.name


def test_a_remembered_parody_is_still_a_reason_and_an_edited_bio_is_not(store):
    world = World(store)
    world.accounts(person("10", bio="Parody account. Contact centre jokes, not affiliated."))
    follow_all(world, ["10"], followers=["10"])
    assert world.suggested()["10"][0] == "parody"
    assert world.suggested()["10"][0] == "parody"  # from the cache
    with store.transaction():
        store.execute(
            "UPDATE accounts SET bio = 'Contact centre jokes.' WHERE id = ?", [world.ids["10"]]
        )
    assert "parody" not in world.suggested().get("10", [])
