"""The fast paths of imports and raw storage give what the plain ones gave: orjson reads and
writes JSON as json does (json answers what orjson refuses), a bulk twarc import drops the
handle index and builds it again, and the collector's settings come back after an import."""

from __future__ import annotations

import gc
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from audience.errors import InputError
from audience.importers import twarc
from audience.importers.social import loads_json
from audience.store import _encode_json, _json, open_store
from tests.test_twarc_stream import by_platform_ids, mixed_file


def handle_index(store) -> str | None:
    return store.scalar("SELECT sql FROM sqlite_master WHERE name = 'accounts_handle'")


@pytest.fixture
def bulk(monkeypatch):
    """Every file counts as a bulk import."""
    monkeypatch.setattr(twarc, "BULK_ACCOUNTS_MIN", 0)
    monkeypatch.setattr(twarc, "BYTES_PER_USER", 1)


def test_a_bulk_import_stores_the_same_and_rebuilds_the_handle_index(tmp_path, bulk):
    path = mixed_file(tmp_path)
    plain, fast = open_store(None), open_store(None)
    index = handle_index(plain)
    assert index and "lower(handle)" in index
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(twarc, "BULK_ACCOUNTS_MIN", 10**12)
        expected = twarc.import_twarc(plain, path, part_records=7)
    assert twarc._is_bulk(path, 0)
    result = twarc.import_twarc(fast, path, part_records=7)
    assert result == expected
    assert by_platform_ids(fast) == by_platform_ids(plain)
    assert handle_index(fast) == index
    plan = " ".join(
        str(row[-1])
        for row in fast.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM accounts WHERE platform = 'x' "
            "AND lower(handle) = 'twitterdev'"
        )
    )
    assert "accounts_handle" in plan


def test_a_failed_bulk_import_keeps_the_index_and_the_collector_settings(tmp_path, bulk):
    good = mixed_file(tmp_path).read_text(encoding="utf-8")
    path = tmp_path / "bad.jsonl"
    path.write_text(good + '{"data": [{"id": "1", "text": "cut\n', encoding="utf-8")
    store = open_store(None)
    index, threshold = handle_index(store), gc.get_threshold()
    with pytest.raises(InputError, match="Unterminated string"):
        twarc.import_twarc(store, path, part_records=5)
    assert handle_index(store) == index
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == 0
    assert store.scalar("SELECT count(*) FROM accounts") == 0


def test_json_answers_what_orjson_refuses():
    assert math.isnan(loads_json(b'{"a": NaN}', "f.jsonl", "line 1")["a"])
    assert loads_json('"\\ud800"', "f.jsonl", "line 1") == "\ud800"
    assert loads_json(b'{"a": [1, {"b": "\xc3\xa9"}]}', "f.jsonl", "line 1") == {
        "a": [1, {"b": "é"}]
    }
    with pytest.raises(InputError, match="Expecting property name") as info:
        loads_json(b'{"a": 1,}', "f.jsonl", "line 3")
    assert info.value.position == "line 3, column 9"
    with pytest.raises(InputError, match="not UTF-8"):
        loads_json(b'{"a": "\xff"}', "f.jsonl", "line 1")
    with pytest.raises(InputError, match="nested more than"):
        loads_json(b"[" * 300 + b"]" * 300, "f.jsonl", "line 1")


@dataclass
class Thing:
    name: str


@pytest.mark.parametrize(
    "value",
    [
        {"id": "1", "name": "Zoë 🚀", "n": [1, 2.5, None, True], "nested": {"a": {}}},
        {"when": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)},
        {"thing": Thing("x")},
        {"big": 10**30, "neg": -(2**70)},
        {1: "a non-text key"},
        {"f": 1e16, "g": 0.1, "s": "line\u2028break \"quoted\" \\ back"},
    ],
)
def test_raw_records_are_written_as_json_writes_them(value):
    assert _json(value) == _encode_json(value)
    assert json.loads(_json(value)) == json.loads(_encode_json(value))
    assert _json(None) is None


def test_a_segment_export_keeps_each_persons_other_accounts_and_no_lone_outsider():
    from audience.export import build_rows
    from audience.models import Account

    store = open_store(None)
    ids = store.upsert_accounts(
        Account("x", str(n), handle=f"user{n}", display_name=f"User {n}", followers_count=n)
        for n in range(1, 7)
    )
    now = "2026-01-01T00:00:00"
    people = [
        store.execute(
            "INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
            [name, now, now],
        ).fetchone()[0]
        for name in ("Linked Person", "Matched Person")
    ]
    # person 1 owns accounts 1 (in the segment) and 2 (outside it); person 2 has account 3
    # (in the segment) and, by an accepted match, account 4 (outside it)
    store.execute(
        "UPDATE accounts SET person_id = ? WHERE id IN (?, ?)", [people[0], ids["1"], ids["2"]]
    )
    store.execute("UPDATE accounts SET person_id = ? WHERE id = ?", [people[1], ids["3"]])
    store.execute(
        "INSERT INTO matches (person_id, account_id, platform, score, method, status, created_at) "
        "VALUES (?, ?, 'x', 0.9, 'test', 'accepted', ?)",
        [people[1], ids["4"], now],
    )
    segment = store.scalar("SELECT id FROM segments WHERE name = 'press'")  # built in
    for member in ("1", "3", "5"):  # 5 is a lone account in the segment; 6 one outside it
        store.execute(
            "INSERT INTO segment_members (segment_id, account_id, source, created_at) "
            "VALUES (?, ?, 'manual', ?)",
            [segment, ids[member], now],
        )
    rows = build_rows(store, segment="press")
    handles = sorted(row["x_handle"] for row in rows)
    assert handles == ["user1; user2", "user3; user4", "user5"] or handles == [
        "user2; user1",
        "user4; user3",
        "user5",
    ]
    everyone = build_rows(store)
    assert len(everyone) == 4  # the two people and the lone accounts 5 and 6


def _depth(value) -> int:
    level, depth = ([value] if isinstance(value, dict | list) else []), 0
    while level:
        depth += 1
        level = [
            child
            for item in level
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, dict | list)
        ]
    return depth


def test_the_bracket_count_of_nesting_agrees_with_the_parsed_value():
    import random

    import orjson

    from audience.importers import social

    rng = random.Random(7)
    awkward = [1, "x", 'a"b', "[{", "]", "\\", '\\"]', None, True, "é", "\n", "\\u0041"]

    def value(levels: int):
        if levels == 0 or rng.random() < 0.2:
            return rng.choice(awkward)
        if rng.random() < 0.5:
            return [value(levels - 1) for _ in range(rng.randint(0, 3))]
        keys = ["k", "[", "{}", '"', "\\"]
        return {rng.choice(keys) + str(i): value(levels - 1) for i in range(rng.randint(0, 3))}

    told = 0
    for _ in range(3000):
        item = value(rng.randint(0, 8))
        for text in (json.dumps(item).encode(), orjson.dumps(item)):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(social, "MAX_NESTING", _depth(item))
                assert social._shallow_enough(text) in (True, False)
                if social._shallow_enough(text):
                    told += 1
                patch.setattr(social, "MAX_NESTING", _depth(item) - 1)
                assert not social._shallow_enough(text) or _depth(item) == 0
    assert told > 1000  # most values are told from their brackets alone
    deep = b'{"a": ' + b"[" * 199 + b'"]]"' + b"]" * 199 + b"}"
    assert loads_json(deep, "f.jsonl", "line 1")
    with pytest.raises(InputError, match="nested more than 200"):
        loads_json(b'{"a": ' + b"[" * 200 + b"]" * 200 + b"}", "f.jsonl", "line 1")
