"""What the volume ("listening") endpoints return: counted buckets, and how they were counted.

Kept apart from :mod:`audience.models` because only listening needs it. A :class:`CountPage`
is a :class:`~audience.models.Page` (so the crawler pages, waits and resumes it like any other)
that also carries buckets (X counts, Mastodon tag history) or a total (Bluesky ``hitsTotal``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from audience.models import Page, Post


@dataclass(frozen=True)
class Bucket:
    """``count`` posts between ``start`` (inclusive) and ``end`` (exclusive), both UTC.
    ``accounts`` is how many distinct accounts, where the platform says (Mastodon)."""

    start: datetime
    end: datetime
    count: int
    accounts: int | None = None


@dataclass
class CountPage(Page[Post]):
    buckets: list[Bucket] = field(default_factory=list)
    # the platform's own total for the whole query (X meta.total_tweet_count, Bluesky hitsTotal)
    total: int | None = None
