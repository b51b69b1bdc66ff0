"""Settings: credentials from the environment or ``.env``, workspace rules from ``audience.toml``.

Credentials are wrapped in :class:`Secret` so that printing, logging or ``repr`` of a settings
object can never show them.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audience.errors import ConfigError

DEFAULT_DB = "audience.db"
CONFIG_NAME = "audience.toml"

CREDENTIAL_NAMES = {
    "x": ("X_BEARER_TOKEN", "X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET"),
    "bluesky": ("BSKY_HANDLE", "BSKY_APP_PASSWORD"),
    "mastodon": ("MASTODON_ACCESS_TOKEN",),
    "linkedin": ("LINKEDIN_USERNAME", "LINKEDIN_PASSWORD"),
}
SECRET_NAMES = frozenset(
    {
        "X_BEARER_TOKEN",
        "X_API_KEY",
        "X_API_SECRET",
        "X_ACCESS_TOKEN",
        "X_ACCESS_TOKEN_SECRET",
        "BSKY_APP_PASSWORD",
        "MASTODON_ACCESS_TOKEN",
        "LINKEDIN_PASSWORD",
    }
)
BASE_URL_NAMES = {
    "x": "X_API_BASE_URL",
    "bluesky": "BSKY_PDS_URL",
    "bluesky_appview": "BSKY_APPVIEW_URL",
    "mastodon": "MASTODON_API_BASE_URL",
    "linkedin": "LINKEDIN_BASE_URL",
}


class Secret:
    """A credential value that never shows itself in ``str``/``repr``."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)


def load_env(env_file: Path | None = None) -> None:
    """Load ``.env`` (current folder, or the given file) without overriding the environment."""
    path = env_file or Path.cwd() / ".env"
    if path.is_file():
        from dotenv import load_dotenv  # only when there is a file: its import is slow

        load_dotenv(path, override=False)


def setting(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def credential(name: str) -> Secret | None:
    value = setting(name)
    return Secret(value) if value else None


def require_credentials(platform: str, names: tuple[str, ...]) -> dict[str, Secret]:
    """Return the named credentials or raise, naming what is missing (never the values)."""
    found = {name: credential(name) for name in names}
    missing = [name for name, value in found.items() if value is None]
    if missing:
        raise ConfigError(
            f"{platform}: missing {', '.join(missing)}. Set it in the environment or in .env "
            "(see .env.example)."
        )
    return found  # type: ignore[return-value]


def secret_forms(value: str) -> list[str]:
    """The ways a credential shows up in text: as is, escaped as in a ``repr`` (a token pasted
    with a line break), and URL-encoded. Longest first, so no form is left half-replaced."""
    from urllib.parse import quote

    forms = {
        value,
        value.encode("unicode_escape").decode("ascii"),
        repr(value)[1:-1],
        quote(value, safe=""),
    }
    return sorted(forms, key=len, reverse=True)


def known_secret_values() -> list[str]:
    """Every credential value currently set, in each form it could take in text; used to scrub
    text before it is shown or stored."""
    values = [v for name in SECRET_NAMES if (v := setting(name)) and len(v) >= 4]
    forms = {form for value in values for form in secret_forms(value)}
    return sorted(forms, key=len, reverse=True)


def scrub(text: str) -> str:
    for value in known_secret_values():
        text = text.replace(value, "***")
    return text


def scrub_exception(exc: BaseException) -> None:
    """Remove credentials from an exception and those chained to it, in place, before a
    traceback shows them (a library error may quote a request header whole)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.args = tuple(scrub(a) if isinstance(a, str) else a for a in current.args)
        current = current.__cause__ or current.__context__


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    return Path(db or setting("AUDIENCE_DB") or DEFAULT_DB)


@dataclass
class Rules:
    """The parsed ``audience.toml``. Unknown tables are kept in ``raw`` for later features."""

    keywords: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    home_regions: list[str] = field(default_factory=list)
    protected_segments: list[str] = field(default_factory=lambda: ["press", "customers"])
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def topics(self) -> list[str]:
        return self.hashtags + self.keywords


def config_path_for(db_path: Path) -> Path:
    return db_path.resolve().parent / CONFIG_NAME


def _string_list(data: dict[str, Any], key: str, table: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [{table}] {key} must be a list of strings")
    return value


def load_rules(path: Path) -> Rules:
    """Read ``audience.toml``; a missing file gives the defaults, a broken one a clear error."""
    if not path.is_file():
        return Rules()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise ConfigError(f"{path}: values nested too deeply") from None
    topics = data.get("topics", {})
    geography = data.get("geography", {})
    segments = data.get("segments", {})
    return Rules(
        keywords=_string_list(topics, "keywords", "topics", path),
        hashtags=_string_list(topics, "hashtags", "topics", path),
        home_regions=_string_list(geography, "home_regions", "geography", path),
        protected_segments=_string_list(segments, "protected", "segments", path)
        if "protected" in segments
        else ["press", "customers"],
        raw=data,
    )


CONFIG_TEMPLATE = """\
# audience workspace settings. Edit freely: every key is optional.
# Lines starting with # are comments; uncomment and change the examples.

[topics]
# What your crowd talks about. Used to rank people found by `audience find hashtag`,
# to judge "outside my industry" in `audience prune`, and to pick posts for `audience engage`.
keywords = ["contact centre", "customer service", "customer experience"]
hashtags = ["#contactcentre", "#custserv", "#cx"]

[geography]
# Where your audience lives: ISO country codes (GB, IE, US...) or regions (Europe, UK & Ireland).
# `--near` and the prune rule "outside my home regions" use them.
home_regions = ["GB", "IE"]

[segments]
# Segments that `audience prune` never suggests unfollowing.
protected = ["press", "customers"]

# Rules per segment, applied by `audience segment auto`. Each key is optional.
# [segments.press]
# keywords = ["journalist", "reporter", "editor", "correspondent"]
# organisations = ["Contact Centre World", "The Daily Lantern"]
# domains = ["dailylantern.example"]
# handles = ["@ccworld"]
# lists = ["x:84839422"]
# hashtags = ["#journalism"]
#
# [segments.competitors]
# organisations = ["Rival Contact Ltd"]
# domains = ["rival.example"]

[prune]
# Thresholds for unfollow suggestions.
# inactive_days = 180        # no post for this long counts as inactive
# grace_days = 30            # never suggest someone you followed less than this long ago
# new_account_days = 30      # accounts younger than this look like spam
# following_ratio = 20       # following/followers above this looks like spam
# daily_unfollow_cap = 50    # `prune --apply` never unfollows more than this per day
"""
