"""A workspace's own place names ([geography] places in audience.toml)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from audience.errors import ConfigError
from audience.geo import matches_region, normalize_location, use_places
from commands import app


@pytest.fixture(autouse=True)
def builtin_places():
    use_places([])
    yield
    use_places([])


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_places_file_adds_nicknames_regions_and_groups(tmp_path):
    assert normalize_location("The Smoke") is None
    places = write(
        tmp_path / "places.toml",
        '[cities]\n"the smoke" = ["London", "GB"]\n'
        '[regions]\nGB = ["Wirral Peninsula"]\n'
        '[groups]\n"home nations" = ["GB", "IE"]\n',
    )
    assert use_places([places])
    assert normalize_location("The Smoke").city == "London"
    assert normalize_location("Wirral Peninsula").country == "GB"
    assert matches_region(normalize_location("Cork"), ["home nations"])
    use_places([])
    assert normalize_location("The Smoke") is None  # back to the built-in names


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[cities]\n"x" = ["London"]\n', "[cities] 'x'"),
        ('[countries]\n"alba" = "Scotland"\n', "[countries] 'alba'"),
        ("[regions]\nGBR = [\"Fife\"]\n", "[regions] 'GBR'"),
        ("[towns]\n", "unknown table [towns]"),
        ("[cities\n", "not a valid TOML"),
    ],
)
def test_a_bad_places_file_is_a_clear_error(tmp_path, text, said):
    places = write(tmp_path / "places.toml", text)
    with pytest.raises(ConfigError, match="places.toml") as error:
        use_places([places])
    assert said in str(error.value)


def test_the_commands_read_the_workspaces_places_once_per_change(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["init"]).exit_code == 0
    runner.invoke(app, ["import", "twarc", str(write(tmp_path / "u.jsonl", _USERS))])
    from audience.store import open_store

    def region():
        store = open_store(tmp_path / "audience.db")
        try:
            return store.scalar("SELECT country FROM accounts WHERE handle = 'jo'")
        finally:
            store.close()

    assert region() is None  # "The Smoke" means nothing yet
    write(tmp_path / "mine.toml", '[cities]\n"the smoke" = ["London", "GB"]\n')
    config = tmp_path / "audience.toml"
    config.write_text(
        config.read_text().replace("[geography]\n", '[geography]\nplaces = ["mine.toml"]\n')
    )
    assert runner.invoke(app, ["status"]).exit_code == 0
    assert region() == "GB"
    write(tmp_path / "mine.toml", "[cities\n")
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 2 and "mine.toml" in result.output


_USERS = (
    '{"data": [{"id": "1", "username": "jo", "name": "Jo", "location": "The Smoke",'
    ' "description": "", "created_at": "2020-01-01T00:00:00.000Z",'
    ' "public_metrics": {"followers_count": 1, "following_count": 1, "tweet_count": 1,'
    ' "listed_count": 0}}]}\n'
)
