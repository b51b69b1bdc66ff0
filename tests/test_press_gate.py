"""The press gate (audience/press_gate.py) only ever skips accounts the press and outlet rules
find nothing in: on every labelled account of the benchmarks, the rules give the same answer
with the gate as without it, under the built-in and a learned lexicon."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from audience import press_gate, roles
from audience.outlets import Outlet
from audience.roles import DEFAULT_LEXICON, outlet_account, press_evidence

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _labelled_accounts() -> list[tuple[str | None, str | None, str | None, str | None]]:
    accounts = []
    with open(BENCH / "segment_labelled.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            accounts.append((row["handle"], row["name"], row["bio"], row["website"] or None))
    with open(BENCH / "prune_labelled.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            accounts.append((row["handle"], row["display_name"], row["bio"], None))
    for path in sorted((BENCH / "data").glob("blind*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            page = json.loads(line)
            users = [u for u in page.get("data", []) if "username" in u]
            users += page.get("includes", {}).get("users", [])
            for user in users:
                website = user.get("url") or None
                accounts.append(
                    (user["username"], user.get("name"), user.get("description"), website)
                )
    return list(dict.fromkeys(accounts))


ACCOUNTS = _labelled_accounts()
# Websites off too: the gate opens on any website, so without one the bio and name decide.
WITHOUT_SITES = list(dict.fromkeys((h, n, b, None) for h, n, b, _ in ACCOUNTS))
EXTRA = [
    (None, None, None, None),
    ("bbcnews", "Someone", "", None),
    ("x1", "Harbour Talk – the podcast", "Weekly.", None),
    ("x2", "Kurier Redaktion", "Aktuelles aus der Region", None),
    ("x3", "Jo Bloggs", "Reporter @dailylantern. Views mine.", None),
    ("x4", "Jo Bloggs", "", "https://news.example/author/jo-bloggs"),
    ("x5", "Sam Tan | @bbcnews", "Dad, runner.", None),
]


# Each account once: an account without a website is in both lists.
JUDGED = list(dict.fromkeys([*ACCOUNTS, *WITHOUT_SITES, *EXTRA]))


def _judged(lexicon) -> list[tuple[object, object]]:
    return [
        (press_evidence(h, n, b, w, lexicon), outlet_account(h, n, b, lexicon))
        for h, n, b, w in JUDGED
    ]


def _clear_memos() -> None:
    press_gate.clear()
    roles.press_role.cache_clear()


@pytest.mark.slow
@pytest.mark.parametrize("learned", [False, True])
def test_the_gate_changes_no_finding(monkeypatch, learned):
    assert len(ACCOUNTS) > 2000  # the benchmarks' accounts were all read
    lexicon = DEFAULT_LEXICON
    if learned:
        lexicon = lexicon.with_outlets(
            [
                Outlet("Daily Lantern", "learned", handles=("dailylantern",)),
                Outlet("Harbour Ledger", "learned", domains=("harbourledger.example",)),
            ]
        )
    _clear_memos()
    gated = _judged(lexicon)
    monkeypatch.setattr(press_gate, "ENABLED", False)
    _clear_memos()
    assert _judged(lexicon) == gated


def test_the_gate_is_shut_for_plain_bios_and_open_for_press_words():
    lexicon = DEFAULT_LEXICON
    assert not press_gate.may_be_press(
        "alice1", "Alice Smith", "Dad, runner, coffee.", None, lexicon
    )
    assert not press_gate.may_be_press("bob2", "Bob Jones", "", None, lexicon)
    assert press_gate.may_be_press("carol3", "Carol", "Reporter at the Daily Post", None, lexicon)
    assert press_gate.may_be_press("dan4", "Dan", "", "https://dan.example", lexicon)
    assert press_gate.may_be_press("erin5", "Erin | Journalist", "Dad, runner.", None, lexicon)


def test_a_word_added_to_the_vocabulary_opens_the_gate(tmp_path):
    words = tmp_path / "words.toml"
    words.write_text('language = "en"\npress_titles = ["glimmerwright"]\n', encoding="utf-8")
    extended = DEFAULT_LEXICON.extended(vocabulary_files=[str(words)])
    bio = "Glimmerwright at the Harbour Post."
    assert not press_gate.may_be_press("f6", "Fay", bio, None, DEFAULT_LEXICON)
    assert press_gate.may_be_press("f6", "Fay", bio, None, extended)
    assert press_evidence("f6", "Fay", bio, None, extended) is not None


def _handle_by_every_stem(gazetteer, handle):
    """Gazetteer.handle without the look at the first six characters: every stem tried."""
    from audience.outlets import _desk_suffix

    raw = (handle or "").lstrip("@")
    if found := gazetteer.by_handle.get(raw.lower()):
        return found
    squashed = raw.lower().replace("_", "")
    for end in range(len(squashed), 5, -1):
        found = gazetteer._families.get(squashed[:end])
        if found and _desk_suffix(raw, end):
            return found
    return None


def test_the_handle_look_up_finds_what_trying_every_stem_finds():
    gazetteer = DEFAULT_LEXICON.gazetteer
    handles = [h for h, *_ in ACCOUNTS]
    for stem in list(gazetteer._families)[:400]:
        handles += [stem, f"{stem}Travel", f"{stem[:3]}_{stem[3:]}_news", f"@{stem}es", stem[:5]]
    assert any(gazetteer.handle(h) for h in handles)
    for handle in [*handles, None, "", "@", "ab_cd_e"]:
        assert gazetteer.handle(handle) is _handle_by_every_stem(gazetteer, handle), handle
