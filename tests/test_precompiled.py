"""The rules' large patterns, their programs kept between runs (issue 18): a pattern read back
from the cache folder is the one ``re.compile`` gives (``Pattern`` equality compares the
programs), and a missing, damaged or foreign file only means compiling again."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from audience import precompiled
from audience.roles import DEFAULT_LEXICON

PATTERNS = [
    r"(?<![\w@#])(?:reporter|editor|jornalista)(?![\w])",
    r"(?P<outlet>The (?:Daily|Weekly) \w+)|@(\w+)",
    "(?:" + "|".join(f"word{n}" for n in range(300)) + ")",
]
TEXT = "The Daily Post @post word7 editor"


@pytest.fixture
def fresh(monkeypatch, tmp_path: Path) -> Path:
    """A process that has compiled nothing yet, with its own cache folder."""
    monkeypatch.setenv("AUDIENCE_CACHE_DIR", str(tmp_path))
    restart(monkeypatch)
    return tmp_path


def restart(monkeypatch) -> None:
    monkeypatch.setattr(precompiled, "_compiled", {})


def stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("patterns-*/*.marshal"))


def test_a_pattern_is_the_one_re_compiles(fresh):
    for pattern in PATTERNS:
        assert precompiled.compiled(pattern) == re.compile(pattern)
    assert precompiled.compiled(PATTERNS[0], re.I) == re.compile(PATTERNS[0], re.I)
    assert precompiled.compiled(PATTERNS[0], re.I) != re.compile(PATTERNS[0])
    assert len(stored(fresh)) == 4


def test_the_rules_patterns_are_the_ones_re_compiles(fresh):
    lexicon = DEFAULT_LEXICON.extended()
    for name in ("negated", "outlet_lead", "outlet_nouns", "non_press_jobs", "press"):
        pattern = getattr(lexicon, name)
        assert pattern == re.compile(pattern.pattern, pattern.flags & ~re.UNICODE), name
    names = lexicon.gazetteer.names
    assert names == re.compile(names.pattern)


def test_a_later_run_reads_the_programs_instead_of_compiling(fresh, monkeypatch):
    first = [precompiled.compiled(p) for p in PATTERNS]
    restart(monkeypatch)

    def no_parser(pattern: str, flags: int):
        raise AssertionError(f"compiled again: {pattern[:40]}")

    monkeypatch.setattr(precompiled, "_program", no_parser)
    again = [precompiled.compiled(p) for p in PATTERNS]
    assert again == first
    assert [p.findall(TEXT) for p in again] == [p.findall(TEXT) for p in first]


def test_a_damaged_or_foreign_file_means_compiling_again(fresh, monkeypatch):
    precompiled.compiled(PATTERNS[0])
    (path,) = stored(fresh)
    data = bytearray(path.read_bytes())
    data[-40] ^= 0xFF  # a flipped byte in the program
    path.write_bytes(bytes(data))
    restart(monkeypatch)
    assert precompiled._load(path, (PATTERNS[0], 0)) is None
    assert precompiled.compiled(PATTERNS[0]) == re.compile(PATTERNS[0])
    assert precompiled._load(path, (PATTERNS[0], 0)) is not None  # written again
    path.write_bytes(b"not a marshal file")
    restart(monkeypatch)
    assert precompiled.compiled(PATTERNS[0]) == re.compile(PATTERNS[0])
    # another pattern's program under this one's name (a name clash) is not taken
    precompiled.compiled(PATTERNS[1])
    other = next(p for p in stored(fresh) if p != path)
    path.write_bytes(other.read_bytes())
    restart(monkeypatch)
    assert precompiled.compiled(PATTERNS[0]) == re.compile(PATTERNS[0])


def test_an_unwritable_folder_only_means_compiling(fresh, monkeypatch):
    blocked = fresh / "file"
    blocked.write_text("")
    monkeypatch.setenv("AUDIENCE_CACHE_DIR", str(blocked / "below"))
    assert precompiled.compiled(PATTERNS[2]) == re.compile(PATTERNS[2])


def test_the_folder_keeps_the_most_recently_used(fresh, monkeypatch):
    monkeypatch.setattr(precompiled, "MAX_FILES", 2)
    for n, pattern in enumerate(PATTERNS):
        precompiled.compiled(pattern)
        path = precompiled._folder() / f"{precompiled._name((pattern, 0))}.marshal"
        os.utime(path, (1000 + n, 1000 + n))  # each written a second after the one before
    kept = stored(fresh)
    assert kept == sorted(
        precompiled._folder() / f"{precompiled._name((pattern, 0))}.marshal"
        for pattern in PATTERNS[1:]
    )


def test_another_python_build_reads_another_folder(fresh, monkeypatch):
    here = precompiled._folder()
    monkeypatch.setattr(precompiled.sys, "version", "3.99.0 (elsewhere)")
    assert precompiled._folder() != here


def test_the_gazetteer_is_the_same_pattern_in_every_process():
    script = (
        "import hashlib; from audience.roles import DEFAULT_LEXICON as L; "
        "print(hashlib.sha256(L.gazetteer.names.pattern.encode()).hexdigest())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


def test_an_edited_vocabulary_file_gets_its_own_pattern(fresh, tmp_path: Path):
    words = tmp_path / "words.toml"
    words.write_text('press_titles = ["baker"]\n', encoding="utf-8")
    before = DEFAULT_LEXICON.extended(vocabulary_files=[words]).press
    words.write_text('press_titles = ["baker", "brewer"]\n', encoding="utf-8")
    after = DEFAULT_LEXICON.extended(vocabulary_files=[words]).press
    assert after != before and after == re.compile(after.pattern)
    assert after.search("head brewer at the mill") and not before.search("head brewer")
