"""Follow-back's press evidence of new followers is kept between runs (issue 18), as prune
keeps its own: a second queue reads no follower's texts again, a changed bio or changed
vocabulary reads it again, and a read-only workspace (the report's second process) keeps
nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

import audience.followback as followback
from audience.followback import followback_queue
from audience.store import open_read_only, open_store
from tests.test_prune import NOW, RULES, World, person

KIND = "prune-press"


@pytest.fixture
def world(tmp_path):
    store = open_store(tmp_path / "audience.db")
    world = World(store)
    world.accounts(
        person("20"),
        person("21", bio="Sunsets.", location="Leeds"),
        person("23", bio="Reporter at the Daily Lantern", location="Paris"),
    )
    world.snapshot("following", [], 30)
    world.snapshot("followers", [], 30)
    world.snapshot("followers", ["20", "21", "23"], 0)
    yield world
    store.close()


def _queue(store, rules=RULES):
    queue = followback_queue(store, rules, "x", now=NOW)
    return {c.handle: (c.worth, c.reasons) for c in (*queue.worth, *queue.not_worth)}


def _kept(store):
    return store.scalar("SELECT count(*) FROM judgement_cache WHERE kind = ?", [KIND])


def _no_reading(profile, lexicon=None):
    raise AssertionError(f"press evidence read again: {profile.row['handle']}")


def test_a_second_queue_reads_no_follower_again(world, monkeypatch):
    first = _queue(world.store)
    assert first["person23"][0] and first["person23"][1][0].startswith("journalist")
    assert _kept(world.store) == 3
    monkeypatch.setattr(followback, "media_role", _no_reading)
    assert _queue(world.store) == first


def test_a_changed_bio_is_read_again(world, monkeypatch):
    _queue(world.store)
    with world.store.transaction():
        world.store.execute(
            "UPDATE accounts SET bio = 'Sunsets and gardens.' WHERE id = ?", [world.ids["23"]]
        )
    assert _read_again(world, monkeypatch) == ["person23"]
    again = _queue(world.store)
    assert not any(r.startswith("journalist") for r in again["person23"][1])


def _read_again(world, monkeypatch, rules=RULES) -> list[str]:
    read = []
    real = followback.media_role

    def reading(profile, lexicon=None):
        read.append(profile.row["handle"])
        return real(profile, lexicon)

    monkeypatch.setattr(followback, "media_role", reading)
    _queue(world.store, rules)
    return sorted(read)


@pytest.mark.parametrize("changed", ["config", "vocabulary file"])
def test_changed_words_read_every_follower_again(world, monkeypatch, tmp_path, changed):
    _queue(world.store)
    if changed == "config":
        roles = {"press_terms": ["sunset watcher"]}
    else:
        words = tmp_path / "words.toml"
        words.write_text('press_titles = ["sunset watcher"]\n', encoding="utf-8")
        roles = {"vocabulary": [str(words)]}
    rules = replace(RULES, raw={**RULES.raw, "roles": roles})
    assert _read_again(world, monkeypatch, rules) == ["person20", "person21", "person23"]
    assert _read_again(world, monkeypatch, rules) == []  # kept under the new words


def test_a_read_only_workspace_keeps_nothing(world):
    store = open_read_only(world.store.path)
    try:
        assert _queue(store)["person23"][0]
    finally:
        store.close()
    assert _kept(world.store) == 0
