"""``--json`` listings are written item by item with a quicker indenter (issue 18): the text
must be exactly what ``json.dumps(..., indent=2)`` writes."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from commands._tables import indented_json

VALUES = [
    {},
    [],
    "plain",
    "quote \" backslash \\ newline \n tab \t line separator \u2028 é ✓ \x00",
    0,
    -17,
    10**30,
    1.5,
    -0.0,
    0.1 + 0.2,
    1e100,
    1e-05,
    9.99e-05,
    1e-4,
    1e15,
    1e16,
    2**64,
    "lone surrogate \ud800",
    ("a tuple", 0.5),
    float("nan"),
    float("inf"),
    -float("inf"),
    True,
    False,
    None,
    {"account_id": 1, "handle": "jo", "score": 0.61, "reasons": [{"code": "x", "weight": 0.3}]},
    {"nested": [[], {}, [1, [2, {"deep": None}]]], "empty": ""},
    {1: "a non-string key"},
    {"when": datetime(2026, 1, 2, 3, 4, 5)},
    {"pair": (1, "two")},
    {"score": 0.5, "tiny": [1e-07], "why": "orjson writes 1e-07 without an exponent"},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize("margin", ["\n", "\n  "], ids=["top", "in a list"])
def test_the_same_text_as_json_dumps(value, margin):
    expected = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    assert indented_json(value, margin) == expected.replace("\n", margin)
