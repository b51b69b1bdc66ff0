from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXPORTS = FIXTURES / "exports"
EXAMPLES = Path(__file__).parent.parent / "examples"

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


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's credentials, workspace or .env."""
    for name in CREDENTIAL_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


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
