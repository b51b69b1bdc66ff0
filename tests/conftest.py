from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXPORTS = FIXTURES / "exports"
EXAMPLES = Path(__file__).parent.parent / "examples"

def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """With `-p no:xdist` the suite runs in one process: take the options addopts gives it."""
    if not pluginmanager.has_plugin("xdist"):
        parser.addoption("--numprocesses", help="ignored: pytest-xdist is off")
        parser.addoption("--maxprocesses", help="ignored: pytest-xdist is off")
        parser.addoption("--dist", help="ignored: pytest-xdist is off")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow (tens of seconds each) start first, in turn on each worker: one
    started near the end would keep its worker busy long after the others ran out of tests."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


CREDENTIAL_VARS = (
    "X_BEARER_TOKEN",
    "X_API_KEY",
    "X_API_SECRET",
    "X_ACCESS_TOKEN",
    "X_ACCESS_TOKEN_SECRET",
    "X_API_BASE_URL",
    "BSKY_HANDLE",
    "BSKY_APP_PASSWORD",
    "BSKY_APPVIEW_URL",
    "BSKY_PDS_URL",
    "MASTODON_API_BASE_URL",
    "MASTODON_ACCESS_TOKEN",
    "LINKEDIN_USERNAME",
    "LINKEDIN_PASSWORD",
    "AUDIENCE_DB",
)


@pytest.fixture(scope="session")
def places_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder per test process for the compact place index (built in ~1 s, then
    read back by every command and subprocess), apart from the developer's own cache."""
    return tmp_path_factory.mktemp("cache")


_ENVIRONMENT = pytest.StashKey[dict[str, str]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    item.stash[_ENVIRONMENT] = dict(os.environ)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """A test that changes os.environ without monkeypatch fails (and the change is undone):
    the next test in the process, whichever it is, must not see it. Checked after teardown,
    once monkeypatch has undone its own changes."""
    result = yield
    before = item.stash.get(_ENVIRONMENT, None)
    if before is None:
        return result
    changed = sorted(
        name
        for name in before.keys() | os.environ.keys()
        if before.get(name) != os.environ.get(name) and name != "PYTEST_CURRENT_TEST"
    )
    if changed:
        os.environ.clear()
        os.environ.update(before)
        pytest.fail(f"environment changed without monkeypatch: {', '.join(changed)}")
    return result


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, places_cache: Path) -> None:
    """No test sees the developer's credentials, workspace, .env, cache folder (LinkedIn
    cookies are cached per fake server's port, and ports are reused) or terminal width."""
    for name in CREDENTIAL_VARS:
        monkeypatch.delenv(name, raising=False)
    # Rich folds a word longer than the line mid-word, and a message naming a file in a temp
    # folder (/tmp/pytest-of-USER/pytest-N/popen-gwN/test_name0/file.csv) can pass 80 columns.
    # Outside a terminal the width would be 80, in one the terminal's: 200 in every run. A test
    # of the layout at a given width sets COLUMNS itself.
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("AUDIENCE_CACHE_DIR", str(places_cache))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def fresh_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test prints through Rich consoles of its own: the CLI builds one per process, and
    it keeps the COLUMNS it was built under, which would pass one test's width to the next."""
    common = sys.modules.get("commands._common")
    if common is not None:
        for lazy in (common.console, common.err_console):
            monkeypatch.setattr(lazy, "_console", None)


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory):
    """The demo on the bundled examples, run once per test process for the tests that only
    read what it made."""
    from audience.demo import run_demo

    return run_demo(tmp_path_factory.mktemp("demo") / "demo")


@pytest.fixture
def store():
    from audience.store import open_store

    s = open_store(None)
    yield s
    s.close()


@pytest.fixture
def workspace(tmp_path: Path):
    """A workspace file in a temp folder; yields its path."""
    from audience.workspace import init_workspace

    path = tmp_path / "ws" / "audience.db"
    init_workspace(path)
    return path
