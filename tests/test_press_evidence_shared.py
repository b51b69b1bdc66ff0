"""The press evidence `segment auto` found is read back by `prune` (issue 18): prune learns
outlets from the press members' evidence, and need not judge again what segment auto judged,
while a changed bio is judged again."""

from __future__ import annotations

from audience import judgement_cache, segment
from audience.config import Rules
from audience.prune import press_lexicon
from audience.segment import auto_segment
from tests.test_segment import add_accounts, config

ACCOUNTS = (
    {"handle": "jane", "display_name": "Jane Doe", "bio": "Reporter at @harbourledger"},
    {"handle": "ledger", "display_name": "Harbour Ledger", "bio": "The weekly magazine for ports."},
    {"handle": "bob", "display_name": "Bob Stone", "bio": "Baker in Leeds. Sourdough daily."},
)
RULES = Rules(raw={"segments": {}})


def judged_here(monkeypatch) -> list[str]:
    """The handles press_lexicon works out press evidence for itself."""
    asked: list[str] = []
    evidence = judgement_cache.press_evidence_of

    def counted(account, lexicon):
        asked.append(account["handle"])
        return evidence(account, lexicon)

    monkeypatch.setattr(judgement_cache, "press_evidence_of", counted)
    return asked


def fresh_lexicon(store):
    store.execute("SAVEPOINT fresh")
    store.execute("DELETE FROM judgement_cache")
    lexicon = press_lexicon(store, RULES)
    store.execute("ROLLBACK TO fresh")
    store.execute("RELEASE fresh")
    return lexicon


def test_prune_reads_back_what_segment_auto_found(store, monkeypatch):
    ids = add_accounts(store, *ACCOUNTS)
    auto_segment(store, config())
    kept = store.query("SELECT account_id FROM judgement_cache WHERE kind = 'press-evidence'")
    assert {row["account_id"] for row in kept} == {ids["jane"], ids["ledger"]}
    fresh = fresh_lexicon(store)
    asked = judged_here(monkeypatch)
    lexicon = press_lexicon(store, RULES)
    assert asked == []
    assert lexicon.learned_outlets == fresh.learned_outlets
    assert "harbourledger" in {h for o in lexicon.learned_outlets for h in o.handles}


def test_a_changed_bio_is_judged_again(store, monkeypatch):
    ids = add_accounts(store, *ACCOUNTS)
    auto_segment(store, config())
    with store.transaction():
        store.execute(
            "UPDATE accounts SET bio = 'Editor at @dockside_daily' WHERE id = ?", [ids["jane"]]
        )
    fresh = fresh_lexicon(store)
    asked = judged_here(monkeypatch)
    lexicon = press_lexicon(store, RULES)
    assert asked == ["jane"]
    assert lexicon.learned_outlets == fresh.learned_outlets
    assert "dockside_daily" in {h for o in lexicon.learned_outlets for h in o.handles}
    # and kept: the next run judges nothing
    asked.clear()
    press_lexicon(store, RULES)
    assert asked == []


def test_the_second_looks_finds_keep_their_press_evidence(store, monkeypatch):
    """An account found only with an outlet learned from the workspace keeps press_evidence
    under the rules' own lexicon too (None here), without working it out again when the
    first look found the press gate shut for it."""
    ids = add_accounts(
        store,
        {"handle": "jane", "display_name": "Jane Doe", "bio": "Reporter at Harbour Ledger"},
        {"handle": "hl_news", "display_name": "Harbour Ledger", "bio": "Dad, runner, coffee."},
        {"handle": "bob", "display_name": "Bob Stone", "bio": "Baker in Leeds. Sourdough daily."},
    )
    asked = judged_here(monkeypatch)
    monkeypatch.setattr(segment, "press_evidence_of", judgement_cache.press_evidence_of)
    auto_segment(store, config())
    press = store.query(
        "SELECT m.account_id, m.reason FROM segment_members m JOIN segments s "
        "ON s.id = m.segment_id WHERE s.name = 'press'"
    )
    assert {row["account_id"] for row in press} == {ids["jane"], ids["hl_news"]}
    kept = store.query(
        "SELECT account_id, value FROM judgement_cache WHERE kind = 'press-evidence'"
    )
    values = {row["account_id"]: row["value"] for row in kept}
    assert values[ids["hl_news"]] == "null"
    assert values[ids["jane"]] != "null"
    assert "hl_news" not in asked
    # what press_evidence itself says of it, under the rules' lexicon
    account = store.query("SELECT * FROM accounts WHERE id = ?", [ids["hl_news"]])[0]
    assert judgement_cache.press_evidence_of(account, config().lexicon) is None
