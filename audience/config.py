"""Settings: credentials from the environment or ``.env``, workspace rules from ``audience.toml``.

Credentials are wrapped in :class:`Secret` so that printing, logging or ``repr`` of a settings
object can never show them.
"""

from __future__ import annotations

import os
import re
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
    """The named credential, or None when unset. A value with a line break or another control
    character inside (a paste gone wrong) is refused, naming the variable, never the value."""
    value = setting(name)
    if value and any(ch < " " or ch == "\x7f" for ch in value):
        raise ConfigError(
            f"{name} contains a line break or another control character: "
            "set it again on one line, in the environment or in .env"
        )
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
    # the workspace's own place-name files ([geography] places), next to audience.toml
    places: list[Path] = field(default_factory=list)
    protected_segments: list[str] = field(default_factory=lambda: ["press", "customers"])
    # where phone numbers written without +code are read ([contacts] phone_region)
    phone_region: str = "GB"
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


def _region_code(contacts: Any, path: Path) -> str:
    value = contacts.get("phone_region", "GB") if isinstance(contacts, dict) else "GB"
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise ConfigError(f"{path}: [contacts] phone_region must be a country code such as GB")
    return value.strip().upper()


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
        places=[path.parent / f for f in _string_list(geography, "places", "geography", path)],
        protected_segments=_string_list(segments, "protected", "segments", path)
        if "protected" in segments
        else ["press", "customers"],
        phone_region=_region_code(data.get("contacts", {}), path),
        raw=data,
    )


CONFIG_TEMPLATE = """\
# audience workspace settings. Edit freely: every key is optional.
# Lines starting with # are comments; uncomment and change the examples.

[topics]
# What your crowd talks about. Used to rank people found by `audience find hashtag`,
# to judge "outside my industry" in `audience prune`, and to pick posts for `audience engage`.
# Nothing is set until you say so: uncomment and write your own, for example
# keywords = ["contact centre", "customer service", "customer experience"]
# hashtags = ["#contactcentre", "#custserv", "#cx"]

[geography]
# Where your audience lives: ISO country codes (GB, IE, US...) or regions (Europe, UK & Ireland).
# `--near` and the prune rule "outside my home regions" use them. For example
# home_regions = ["GB", "IE"]
# Place names the built-in lists miss (a district, a nickname, a region in another script),
# as TOML files next to this one, read by every command of this workspace:
#   places = ["my-places.toml"]
# with any of these tables:
#   [countries]  "alba" = "GB"                   [cities]   "the smoke" = ["London", "GB"]
#   [groups]     "home nations" = ["GB", "IE"]   [regions]  GB = ["Teesside", "Wirral"]

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
#
# An organisation can be a table with every name and account it goes by. Only its current
# staff and its own accounts count (not clients, past jobs, complaints or namesakes).
# [[segments.customers.organisations]]
# name = "Northwind Bank"
# aliases = ["NWB"]                          # acronyms, product names
# former_names = ["Northwind Savings"]
# domains = ["northwind.example", "nwb.example"]
# handles = ["@northwind"]
# secondary_handles = ["@northwindhelp", "@northwind_jobs"]
# (`audience segment import-orgs FILE.csv` takes the same with `;` between several values.)

[self]
# Your own organisation: its staff and accounts are never customers, suppliers, competitors
# or press.
# names = ["Our Brand Ltd", "Our Brand"]
# handles = ["@our_brand", "@our_brand_help"]
# domains = ["ourbrand.example"]

[roles]
# More words for recognising journalists and outlets, as files next to this one: a TOML file
# of words per language (keys as in audience/data/roles/en.toml) and a CSV of outlets
# (name,kind,domains,handles as in audience/data/outlets/gb.csv). For example:
#   vocabulary = ["my-words.toml"]      and      outlets = ["my-outlets.csv"]

[contacts]
# Country for phone numbers written without +code (ISO code: GB, IE, US, DE...).
# phone_region = "GB"

[prune]
# Thresholds for unfollow suggestions.
# inactive_days = 180        # no post for this long counts as inactive
# grace_days = 14            # never suggest someone you followed less than this long ago
# min_score = 0.5            # suggest from this score (0-1); `prune --min-score` overrides it
# new_account_days = 30      # accounts younger than this look like spam
# following_ratio = 20       # following/followers above this looks like spam
# daily_unfollow_cap = 50    # `prune --apply` never unfollows more than this per day

[follow]
# `audience follow --apply` and `audience lists push --apply`. Caps count the last 24 hours.
# never_segments = ["competitors"]  # never followed from a segment, targets or follow-back
# list_daily_cap = 500        # List members added or removed, per platform
# warn_bluesky_daily = 100    # warn above this many Bluesky follows in 24 hours: Bluesky
#                             # publishes no number, but acts against bulk following
#
# Per platform: daily_cap (follows a day) and pause_seconds (between two writes).
# X allows 400 follows a day per user, 50 per 15 minutes.
# [follow.x]
# daily_cap = 200
# pause_seconds = 20
# Bluesky: a follow costs 3 of 5,000 write points an hour (35,000 a day).
# [follow.bluesky]
# daily_cap = 300
# pause_seconds = 3
# Mastodon: 300 requests per 5 minutes; instances may set lower limits.
# [follow.mastodon]
# daily_cap = 200
# pause_seconds = 2
"""
