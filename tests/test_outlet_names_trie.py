"""The gazetteer's names are one trie-shaped pattern (issue 18): it must find what the
alternation of the names, longest first, finds."""

from __future__ import annotations

import re

import pytest

from audience.outlets import Gazetteer, Outlet, _name_regex, _names_trie, builtin_gazetteer

TEXTS = [
    "Reporter at The Post Weekly, ex The Post.",
    "Kalevan Sanomat ja Kalevassa, Kaleva.",
    "Radio One Extra World and Radio   One X; Radio One.",
    "Sun, Sunday, The  Sun Herald",
]


def _alternation(names: list[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(rf"(?<![\w@])(?:{'|'.join(map(_name_regex, ordered))})(?![\w])")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("names", "trie"),
    [
        (
            ["The Post", "The Post Weekly", "Kaleva*", "Kalevan Sanomat", "Sun", "The Sun Herald"],
            True,
        ),
        (["Radio  One", "Radio One Extra World", "Sun"], True),  # uneven, nothing shorter under it
        (["Radio     One", "Radio One X", "Sun"], False),  # sorts before a shorter "Radio One X"
    ],
)
def test_the_names_pattern_finds_what_the_alternation_finds(names, trie):
    assert (_names_trie(names) is not None) == trie
    found = Gazetteer(tuple(Outlet(name, "national") for name in names)).names
    assert found is not None
    expected = _alternation([n for n in names if len(n.rstrip("*")) >= 3])
    for text in TEXTS:
        assert _spans(found, text) == _spans(expected, text)
        for start in range(len(text)):
            got, want = found.match(text, start), expected.match(text, start)
            assert (got and got.group(0)) == (want and want.group(0))


def test_the_built_in_names_make_a_trie():
    names = [n for o in builtin_gazetteer().outlets for n in (o.name, *o.forms)]
    assert _names_trie([n for n in names if len(n.rstrip("*")) >= 3]) is not None
