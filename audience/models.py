"""Plain records passed between platforms, importers and the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

PLATFORMS = ("x", "bluesky", "mastodon", "linkedin")

# Account states other than "active". A crawl records them instead of failing.
ACCOUNT_STATES = ("active", "suspended", "deleted", "moved", "unknown", "protected")


@dataclass(slots=True)
class Account:
    platform: str
    platform_id: str
    handle: str | None = None
    display_name: str | None = None
    bio: str | None = None
    location: str | None = None
    website: str | None = None
    followers_count: int | None = None
    following_count: int | None = None
    posts_count: int | None = None
    created_at: datetime | None = None
    last_post_at: datetime | None = None
    default_avatar: bool | None = None
    protected: bool | None = None
    verified: bool | None = None
    state: str = "active"
    moved_to: str | None = None
    url: str | None = None
    raw: dict[str, Any] | None = None


@dataclass
class Post:
    platform: str
    platform_id: str
    author_id: str
    text: str
    created_at: datetime | None = None
    hashtags: list[str] = field(default_factory=list)
    lang: str | None = None
    like_count: int = 0
    repost_count: int = 0
    reply_count: int = 0
    quote_count: int = 0
    url: str | None = None
    raw: dict[str, Any] | None = None


@dataclass
class ListInfo:
    platform: str
    platform_id: str
    name: str
    owner_id: str | None = None
    description: str | None = None
    member_count: int | None = None
    private: bool | None = None
    raw: dict[str, Any] | None = None


@dataclass
class RateLimit:
    limit: int | None
    remaining: int | None
    reset_at: datetime | None


T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One response page. ``accounts`` carries accounts that came along with the items
    (post authors, list owners). ``next_cursor`` is None on the last page."""

    items: list[T]
    next_cursor: str | None = None
    accounts: list[Account] = field(default_factory=list)
    rate: RateLimit | None = None


@dataclass
class Lookup:
    """Result of a batch user look-up: accounts found, and keys that were not (with a state)."""

    found: list[Account]
    missing: dict[str, str] = field(default_factory=dict)
    rate: RateLimit | None = None


@dataclass
class ContactRecord:
    """One entry of a contact book, as read from the file, before merging into people."""

    source_format: str
    position: str
    full_name: str | None = None
    given_name: str | None = None
    middle_name: str | None = None
    family_name: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    nickname: str | None = None
    organisation: str | None = None
    title: str | None = None
    department: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    city: str | None = None
    region: str | None = None
    country: str | None = None
    urls: list[str] = field(default_factory=list)
    # (platform, handle or profile URL) pairs written in the card itself
    social: list[tuple[str, str]] = field(default_factory=list)
    linkedin_url: str | None = None
    labels: list[str] = field(default_factory=list)
    notes: str | None = None
    is_organisation: bool = False


def parse_time(value: object) -> datetime | None:
    """ISO-8601 text from an API or export ("2026-11-20T09:00:00.000Z") as an aware UTC
    datetime; None for anything empty or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
