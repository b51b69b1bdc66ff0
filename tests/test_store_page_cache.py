"""A large import works with a larger SQLite page cache, and leaves it as it was."""

from __future__ import annotations

import pytest

from audience.importers.twarc import MAX_CACHE_MB, MIN_CACHE_MB, _cache_megabytes
from audience.store import open_store


def _cache(store) -> int:
    return store.scalar("PRAGMA cache_size")


def test_the_cache_is_larger_meanwhile_then_as_it_was(tmp_path):
    store = open_store(tmp_path / "audience.db")
    before = _cache(store)
    assert before == -64 * 1024
    with store.page_cache(256):
        assert _cache(store) == -256 * 1024
    assert _cache(store) == before
    with pytest.raises(RuntimeError), store.page_cache(128):
        raise RuntimeError("a failed import")
    assert _cache(store) == before
    store.close()


def test_a_cache_large_enough_already_is_left_alone(tmp_path):
    store = open_store(tmp_path / "audience.db")
    with store.page_cache(16):
        assert _cache(store) == -64 * 1024
    store.execute("PRAGMA cache_size = 100000")  # in pages: ~400 MB
    with store.page_cache(256):
        assert _cache(store) == 100000
    store.close()


@pytest.mark.parametrize(
    ("size", "megabytes"),
    [(0, MIN_CACHE_MB), (130 * 2**20, MIN_CACHE_MB), (500 * 2**20, 100), (2**31, MAX_CACHE_MB)],
)
def test_the_import_cache_grows_with_the_file(tmp_path, size, megabytes):
    path = tmp_path / "twarc.jsonl"
    with open(path, "wb") as handle:
        handle.truncate(size)  # sparse: no disk used
    assert _cache_megabytes(path) == megabytes


def test_a_missing_file_gets_the_usual_cache(tmp_path):
    assert _cache_megabytes(tmp_path / "missing.jsonl") == MIN_CACHE_MB
