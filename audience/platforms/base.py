"""The small interface every platform module implements.

Each method makes exactly one request (or one batch look-up) and returns one :class:`Page`;
it never sleeps or retries. Waiting on rate limits, retrying 5xx and saving cursors is the
crawler's job (:mod:`audience.crawl`), which is what makes "no page fetched twice" provable.

Errors are translated into :mod:`audience.errors`:
``RateLimited(reset_at)`` for 429, ``TransientError`` for 5xx/timeouts/dropped connections,
``AuthError`` for 401/403 (message says which: bad credentials, protected account, API tier),
``AccountUnavailable(state)`` for a suspended/deleted/unknown account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Protocol

from audience.models import Account, ListInfo, Lookup, Page, Post, RateLimit


@dataclass(frozen=True)
class EndpointCost:
    """Rate limit of one endpoint: ``requests`` per ``window_seconds``, ``page_size`` items per
    request, and the pay-per-use price of one item read (X only; 0 elsewhere)."""

    requests: int
    window_seconds: int
    page_size: int
    price_per_item: float = 0.0


@dataclass(frozen=True)
class Written:
    """What one write returned: ``state`` (``following``, ``requested`` for a locked account,
    ``created``, ``added``, ``removed``, ``absent``), the id or URI of what it created, and the
    rate headers, which the crawler paces the next write by."""

    state: str
    ref: str | None = None
    rate: RateLimit | None = None


class Platform(Protocol):
    name: ClassVar[str]
    # endpoint name -> cost; endpoint names: search, following, followers, owned_lists,
    # list_memberships, list_members, lookup, unfollow
    costs: ClassVar[dict[str, EndpointCost]]

    def search_posts(
        self,
        query: str,
        *,
        since: datetime | None = None,
        lang: str | None = None,
        cursor: str | None = None,
    ) -> Page[Post]:
        """Posts matching a hashtag or keywords; the authors come back in ``page.accounts``."""
        ...

    def following(self, account_id: str, cursor: str | None = None) -> Page[Account]: ...

    def followers(self, account_id: str, cursor: str | None = None) -> Page[Account]: ...

    def owned_lists(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]: ...

    def list_memberships(self, account_id: str, cursor: str | None = None) -> Page[ListInfo]: ...

    def list_members(self, list_id: str, cursor: str | None = None) -> Page[Account]: ...

    def lookup(self, handles: list[str] = (), ids: list[str] = ()) -> Lookup:
        """Look up at most ``costs['lookup'].page_size`` accounts by handle or id in one call."""
        ...

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]: ...

    def me(self) -> Account: ...

    def unfollow(self, account_id: str) -> None: ...
