"""The judgement cache writes each result as ``json.dumps(..., ensure_ascii=False,
separators=(",", ":"))`` writes it, whichever library writes it (issue 18: orjson writes the
plain results a crowd's first judgement stores, json the rest)."""

from __future__ import annotations

import enum
import json
import math

from hypothesis import given
from hypothesis import strategies as st

from audience.judgement_cache import _as_json, _written_alike


def standard(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


texts = st.text(st.characters(codec=None)) | st.sampled_from(['"', "\\", "\n\t\x00\x1f\x7f", "é✓"])
plain = st.recursive(
    st.none() | st.booleans() | st.integers() | texts,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(texts, inner, max_size=4)
    ),
    max_leaves=12,
)


@given(plain)
def test_plain_results_are_written_as_json_writes_them(value):
    assert _as_json(value) == standard(value)


class Level(enum.IntEnum):
    HIGH = 2


def test_what_orjson_writes_otherwise_goes_to_json():
    for value in (
        [1.5, None],  # a float: orjson writes NaN as null
        {"score": math.nan},
        [2**70],  # past 64 bits: orjson refuses
        ["\ud800"],  # a lone surrogate: orjson refuses
        {1: "a"},  # a key json turns into "1"
        [Level.HIGH],  # a subclass of int
    ):
        assert not _written_alike(value) or value == [2**70] or value == ["\ud800"]
        assert _as_json(value) == standard(value)


def test_a_segment_result_takes_the_fast_path():
    result = [[[2, "rule", 'journalist ("Reporter" in bio)']], {"term": "Reporter"}, None, False]
    assert _written_alike(result)
    assert _as_json(result) == standard(result)
