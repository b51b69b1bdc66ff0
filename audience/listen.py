"""Listening: how loud each topic is, bucket by bucket, per platform, kept as a time series.

Each platform is measured the cheapest honest way it allows, and every stored figure says how:

* X: ``GET /2/tweets/counts/recent`` (exact counts for the last 7 days; spends no post reads);
* Mastodon: a hashtag's daily ``history`` (uses on *this instance*, last 7 days);
* Bluesky: ``searchPosts`` per time window, counting what comes back (or ``hitsTotal`` where
  the AppView gives it); a window cut short by the page cap is stored as "at least";
* offline: stored posts (``find hashtag``, twarc2 imports) counted per bucket: a sample only.

Every run appends rows (:func:`save_buckets`); :func:`series` takes the latest measurement of
each bucket, so the series grows past each API's 7-day window. Requests go through the crawler
(:mod:`audience.crawl`), so rate limits, retries, ``--max-requests`` and resuming behave as in
``find``. The comparison with call volumes is :mod:`audience.compare`; :func:`report_data` hands
both to the HTML report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from audience.crawl import Crawler, Estimate
from audience.models import Page, Post, parse_time
from audience.platforms.volume import Bucket, CountPage
from audience.store import Store, iso

GRANULARITIES = {"day": timedelta(days=1), "hour": timedelta(hours=1)}
RECENT_DAYS = 7  # X counts/recent and Mastodon tag history both look back a week
BLUESKY_PAGES_PER_WINDOW = 10  # 1,000 posts: past that a window is stored as "at least"

METHOD_X = "x counts/recent"
METHOD_MASTODON = "mastodon tag history (uses seen by this instance)"
METHOD_BLUESKY_TOTAL = "bluesky searchPosts hitsTotal"
METHOD_BLUESKY_COUNTED = "bluesky searchPosts, posts counted"
METHOD_STORED = "stored posts (a sample)"

# Below this many English posts in a day, a positive/negative share says nothing.
MIN_SCORED_FOR_SHARE = 10
VADER_POSITIVE = 0.05  # the thresholds VADER's authors recommend for the compound score
VADER_NEGATIVE = -0.05


# ---- buckets --------------------------------------------------------------------------------


def floor_to(moment: datetime, granularity: str) -> datetime:
    moment = moment.astimezone(UTC)
    if granularity == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def bucket_starts(since: datetime, until: datetime, granularity: str) -> list[datetime]:
    """Starts of the buckets from the first whole one at or after ``since`` to ``until``."""
    step = GRANULARITIES[granularity]
    start = floor_to(since, granularity)
    if start < since:
        start += step
    starts = []
    while start < until:
        starts.append(start)
        start += step
    return starts


def check_granularity(granularity: str) -> str:
    if granularity not in GRANULARITIES:
        raise ValueError(f"--granularity {granularity!r}: use day or hour")
    return granularity


def save_buckets(
    store: Store,
    topic: str,
    platform: str,
    granularity: str,
    buckets: Iterable[Bucket],
    method: str,
    *,
    measured_at: datetime,
    exhaustive: bool = True,
) -> int:
    """Append one measurement per bucket. A bucket that had not ended, or that the platform
    clipped to the query's window, is marked incomplete."""
    measured = iso(measured_at)
    step = GRANULARITIES[granularity]
    rows = [
        (
            topic,
            platform,
            granularity,
            iso(b.start),
            iso(b.end),
            b.count,
            b.accounts,
            method,
            int(b.end <= measured_at and b.end - b.start >= step),
            int(exhaustive),
            measured,
        )
        for b in buckets
    ]
    store.db.conn.executemany(
        """INSERT INTO listen_volumes (topic, platform, granularity, bucket_start, bucket_end,
               count, accounts, method, complete, exhaustive, measured_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
    )
    return len(rows)


def topic_key(topic: str) -> str:
    """How a topic is stored: trimmed, lower-case (``#CX`` and ``#cx`` are one series)."""
    return " ".join(topic.split()).lower()


def mastodon_tag(topic: str) -> str:
    """Mastodon measures hashtags only: ``customer service`` is read as #customerservice."""
    return topic_key(topic).lstrip("#").replace(" ", "")


def x_query(topic: str) -> str:
    topic = " ".join(topic.split())
    return f'"{topic}"' if " " in topic and not topic.startswith('"') else topic


# ---- plans ----------------------------------------------------------------------------------


def plan(platform, topics: list[str], since: datetime, now: datetime, granularity: str):
    """Requests and buckets of a live run: one request per topic on X (one page of counts)
    and Mastodon (a tag's week), one per window and topic on Bluesky (more in busy windows)."""
    import math

    name = platform.name
    if name == "x":
        floor = now - timedelta(days=RECENT_DAYS)
        buckets = len(bucket_starts(max(since, floor), now, granularity)) * len(topics)
        endpoint, requests = "counts", len(topics)
    elif name == "mastodon":
        endpoint, requests, buckets = "tag", len(topics), RECENT_DAYS * len(topics)
    else:
        buckets = len(bucket_starts(since, now, granularity)) * len(topics)
        endpoint, requests = "search", buckets
    cost = platform.costs[endpoint]
    waits = max(0, math.ceil(requests / cost.requests) - 1) * cost.window_seconds
    result = Estimate(name, requests, buckets, waits, 0.0)
    if name == "bluesky":
        result.lines.append(
            f"up to {BLUESKY_PAGES_PER_WINDOW} pages per busy window "
            f"({BLUESKY_PAGES_PER_WINDOW * requests:,} requests at most)"
        )
    if name == "x":
        result.lines.append("post counts spend no post reads")
    return result


# ---- live measurement -----------------------------------------------------------------------


@dataclass
class Measured:
    topic: str
    platform: str
    method: str
    buckets: int = 0
    skipped: bool = False  # measured already this hour: resumed runs fetch nothing twice
    capped: list[str] = field(default_factory=list)  # Bluesky windows stored as "at least"
    note: str | None = None


def listen(
    crawler: Crawler,
    topic: str,
    *,
    since: datetime,
    granularity: str = "day",
    now: datetime | None = None,
) -> Measured:
    """Measure one topic on the crawler's platform and append what was measured."""
    now = now or datetime.now(UTC)
    check_granularity(granularity)
    name = crawler.platform.name
    if name == "x":
        return _listen_x(crawler, topic, since, granularity, now)
    if name == "mastodon":
        return _listen_mastodon(crawler, topic, now)
    if name == "bluesky":
        return _listen_bluesky(crawler, topic, since, granularity, now)
    raise ValueError(f"listen works on x, bluesky or mastodon, not {name}")


def _hour_tag(now: datetime) -> str:
    return floor_to(now, "hour").strftime("%Y-%m-%dT%H")


def counts_end(now: datetime, granularity: str) -> datetime:
    """The end_time of an X counts request: X wants it at least 10 s in the past, and hourly
    counts leave the current hour for the next run (in an hour's first 30 s, the one before it
    too, or the end would be too close to now)."""
    margin = now - timedelta(seconds=30)
    return floor_to(margin, "hour") if granularity == "hour" else margin


def _listen_x(crawler: Crawler, topic: str, since, granularity: str, now: datetime) -> Measured:
    platform, store = crawler.platform, crawler.store
    floor = now - timedelta(days=RECENT_DAYS) + timedelta(minutes=1)
    starts = bucket_starts(max(since, floor), now, granularity)
    result = Measured(topic_key(topic), "x", METHOD_X)
    if not starts:
        result.note = "nothing to measure in that window"
        return result
    end = counts_end(now, granularity)
    start = starts[0]
    if start >= end:
        result.note = "nothing to measure in that window yet"
        return result

    def save(page: CountPage) -> int:
        return save_buckets(
            store, result.topic, "x", granularity, page.buckets, METHOD_X, measured_at=now
        )

    job = crawler.run_pages(
        job=f"x:counts:{result.topic}:{granularity}:{iso(start)}:{_hour_tag(now)}",
        endpoint="counts",
        subject=topic,
        label=f"counts {topic} on x",
        fetch=lambda cursor: platform.recent_counts(
            x_query(topic), start=start, end=end, granularity=granularity, cursor=cursor
        ),
        save=save,
    )
    result.skipped = job.skipped_done
    result.buckets = job.items
    return result


def _listen_mastodon(crawler: Crawler, topic: str, now: datetime) -> Measured:
    platform, store = crawler.platform, crawler.store
    tag = mastodon_tag(topic)
    result = Measured(topic_key(topic), "mastodon", METHOD_MASTODON)
    if not topic.strip().startswith("#"):
        result.note = f"Mastodon counts hashtags only: measured #{tag}"

    def fetch(cursor: str | None) -> CountPage:
        return platform.tag_history(tag)

    def save(page: CountPage) -> int:
        return save_buckets(
            store, result.topic, "mastodon", "day", page.buckets, METHOD_MASTODON, measured_at=now
        )

    job = crawler.run_pages(
        job=f"mastodon:tag:{tag}:{_hour_tag(now)}",
        endpoint="tag",
        subject=tag,
        label=f"#{tag} history on mastodon",
        fetch=fetch,
        save=save,
        expected_pages=1,
    )
    result.skipped = job.skipped_done
    result.buckets = job.items
    if job.unavailable:
        result.note = f"#{tag} is not known on this instance: nothing measured"
    return result


def _listen_bluesky(
    crawler: Crawler, topic: str, since: datetime, granularity: str, now: datetime
) -> Measured:
    result = Measured(topic_key(topic), "bluesky", METHOD_BLUESKY_COUNTED)
    step = GRANULARITIES[granularity]
    for start in bucket_starts(since, now, granularity):
        skipped, capped = _bluesky_window(crawler, topic, start, start + step, granularity, now)
        result.skipped = result.skipped or skipped
        result.buckets += 0 if skipped else 1
        if capped:
            result.capped.append(iso(start))
    return result


def _bluesky_window(
    crawler: Crawler, topic: str, start: datetime, end: datetime, granularity: str, now: datetime
) -> tuple[bool, bool]:
    """Count one window, page by page; the count is written in the same transaction as the
    last page, so a kill leaves either the whole window or a resumable cursor."""
    platform, store = crawler.platform, crawler.store
    key = topic_key(topic)
    ongoing = f":{_hour_tag(now)}" if end > now else ""  # an open window is measured again
    job = f"bluesky:window:{key}:{granularity}:{iso(start)}{ongoing}"
    cap = BLUESKY_PAGES_PER_WINDOW * platform.costs["search"].page_size
    state = store.get_cursor(job)
    counted = state["items"] if state else 0
    capped = False

    def fetch(cursor: str | None) -> CountPage:
        page = platform.window_posts(topic, start, min(end, now), cursor)
        if page.total is not None:
            page.next_cursor = None  # the AppView said how many: no need to page through
        return page

    def save(page: Page[Post]) -> int:
        nonlocal counted, capped
        ids = store.upsert_accounts(page.accounts)
        store.upsert_posts(page.items, ids)
        counted += len(page.items)
        total = getattr(page, "total", None)
        last = page.next_cursor is None or counted >= cap
        if last:
            capped = total is None and page.next_cursor is not None
            method = METHOD_BLUESKY_TOTAL if total is not None else METHOD_BLUESKY_COUNTED
            bucket = Bucket(start, end, total if total is not None else counted)
            save_buckets(
                store,
                key,
                "bluesky",
                granularity,
                [bucket],
                method,
                measured_at=now,
                exhaustive=not capped,
            )
        return len(page.items)

    outcome = crawler.run_pages(
        job=job,
        endpoint="search",
        subject=topic,
        label=f"{topic} on bluesky {start:%Y-%m-%d %H:%M}",
        fetch=fetch,
        save=save,
        max_items=cap,
    )
    return outcome.skipped_done, capped


# ---- offline: stored posts ------------------------------------------------------------------


def stored_posts(
    store: Store, topic: str, *, platform: str | None = None, since: datetime | None = None
) -> list[dict[str, Any]]:
    """Stored posts on ``topic`` (its hashtag, or the phrase in the text), oldest first."""
    from audience.find import _terms_used, _topic_terms

    tags, phrases = _topic_terms([topic])
    params: list[Any] = []
    where = "p.created_at IS NOT NULL"
    if platform:
        where += " AND p.platform = ?"
        params.append(platform)
    if since:
        where += " AND p.created_at >= ?"
        params.append(iso(since))
    rows = store.query(
        f"""SELECT p.id, p.platform, p.text, p.created_at, p.lang,
                   (SELECT group_concat(tag, ' ') FROM post_hashtags h WHERE h.post_id = p.id)
                   AS tags
            FROM posts p WHERE {where} ORDER BY p.created_at""",
        params,
    )
    return [row for row in rows if _terms_used(row, tags, phrases)]


def count_stored(
    store: Store,
    topics: list[str],
    *,
    platform: str | None = None,
    since: datetime | None = None,
    granularity: str = "day",
    now: datetime | None = None,
) -> list[Measured]:
    """Count stored posts per bucket, from the first to the last stored post on each topic
    (zeros in between), and append them as a measurement of method "stored posts"."""
    now = now or datetime.now(UTC)
    step = GRANULARITIES[granularity]
    results = []
    for topic in topics:
        per_platform: dict[str, dict[datetime, int]] = defaultdict(lambda: defaultdict(int))
        for post in stored_posts(store, topic, platform=platform, since=since):
            created = parse_time(post["created_at"])
            per_platform[post["platform"]][floor_to(created, granularity)] += 1
        for name, counts in sorted(per_platform.items()):
            first, last = min(counts), max(counts)
            buckets = []
            while first <= last:
                buckets.append(Bucket(first, first + step, counts.get(first, 0)))
                first += step
            with store.transaction():
                save_buckets(
                    store,
                    topic_key(topic),
                    name,
                    granularity,
                    buckets,
                    METHOD_STORED,
                    measured_at=now,
                    exhaustive=False,
                )
            results.append(Measured(topic_key(topic), name, METHOD_STORED, len(buckets)))
    return results


# ---- twarc2 counts output -------------------------------------------------------------------

METHOD_TWARC = "x counts (twarc2 counts file)"


def read_twarc_counts(path) -> tuple[str | None, list[Bucket]]:
    """twarc2 ``counts`` output (JSON lines of raw ``/2/tweets/counts/recent`` or ``/all``
    responses): the query from ``__twarc.url``, and every bucket."""
    import json
    from pathlib import Path
    from urllib.parse import parse_qs, urlsplit

    from audience.errors import InputError

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, None, f"cannot read it as UTF-8 text ({exc})") from None
    query, buckets = None, []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            page = json.loads(line)
        except ValueError as exc:
            raise InputError(path, f"line {number}", f"not JSON ({exc.msg})") from None
        if not isinstance(page, dict) or not isinstance(page.get("data", []), list):
            raise InputError(path, f"line {number}", "not a counts response (no data list)")
        url = (page.get("__twarc") or {}).get("url") or ""
        if "/counts/" in url:
            query = query or (parse_qs(urlsplit(url).query).get("query") or [None])[0]
        elif url:
            raise InputError(path, f"line {number}", f"not counts output ({url[:80]})")
        for index, item in enumerate(page.get("data") or []):
            start = parse_time(item.get("start")) if isinstance(item, dict) else None
            end = parse_time(item.get("end")) if isinstance(item, dict) else None
            count = item.get("tweet_count") if isinstance(item, dict) else None
            if start is None or end is None or not isinstance(count, int) or count < 0:
                raise InputError(
                    path, f"line {number}, data[{index}]", "needs start, end and tweet_count"
                )
            buckets.append(Bucket(start, end, count))
    if not buckets:
        raise InputError(path, None, "no counts in the file")
    return query, buckets


def import_twarc_counts(
    store: Store, path, *, topic: str | None = None, now: datetime | None = None
) -> Measured:
    """Append the buckets of a twarc2 counts file (day or hour granularity, from its spacing)."""
    from audience.errors import InputError

    query, buckets = read_twarc_counts(path)
    topic = topic or query
    if not topic:
        raise InputError(path, None, "the file does not say its query: give the topic")
    spans = {b.end - b.start for b in buckets}
    granularity = "hour" if max(spans) <= GRANULARITIES["hour"] else "day"
    with store.transaction():
        saved = save_buckets(
            store,
            topic_key(topic),
            "x",
            granularity,
            buckets,
            METHOD_TWARC,
            measured_at=now or datetime.now(UTC),
        )
    return Measured(topic_key(topic), "x", METHOD_TWARC, saved)


# ---- reading the series ---------------------------------------------------------------------


@dataclass
class Point:
    start: datetime
    count: int
    method: str
    complete: bool
    exhaustive: bool
    accounts: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": iso(self.start),
            "count": self.count,
            "accounts": self.accounts,
            "method": self.method,
            "complete": self.complete,
            "exhaustive": self.exhaustive,
        }


@dataclass
class Series:
    topic: str
    platform: str
    granularity: str
    points: list[Point]

    @property
    def methods(self) -> list[str]:
        return sorted({p.method for p in self.points})

    def daily(self) -> dict[str, int]:
        """Counts per UTC day of complete buckets (hours summed into their day)."""
        days: dict[str, int] = defaultdict(int)
        for point in self.points:
            if point.complete:
                days[point.start.date().isoformat()] += point.count
        return dict(days)

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "platform": self.platform,
            "granularity": self.granularity,
            "methods": self.methods,
            "points": [p.as_dict() for p in self.points],
        }


def series(
    store: Store,
    *,
    topics: list[str] | None = None,
    platform: str | None = None,
    granularity: str = "day",
) -> list[Series]:
    """Each topic's series per platform: per bucket, the latest measurement, an API's over
    a count of stored posts, and a complete bucket over one measured while it was open."""
    where, params = "granularity = ?", [granularity]
    if topics:
        keys = [topic_key(t) for t in topics]
        where += f" AND topic IN ({','.join('?' * len(keys))})"
        params += keys
    if platform:
        where += " AND platform = ?"
        params.append(platform)
    rows = store.query(
        f"""SELECT topic, platform, bucket_start, count, accounts, method, complete, exhaustive
            FROM (SELECT *, row_number() OVER (
                      PARTITION BY topic, platform, bucket_start
                      ORDER BY method = '{METHOD_STORED}', complete DESC, measured_at DESC, id DESC
                  ) AS pick
                  FROM listen_volumes WHERE {where})
            WHERE pick = 1 ORDER BY topic, platform, bucket_start""",
        params,
    )
    grouped: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for row in rows:
        grouped[(row["topic"], row["platform"])].append(
            Point(
                parse_time(row["bucket_start"]),
                row["count"],
                row["method"],
                bool(row["complete"]),
                bool(row["exhaustive"]),
                row["accounts"],
            )
        )
    return [Series(t, p, granularity, points) for (t, p), points in grouped.items()]


# ---- sentiment ------------------------------------------------------------------------------


@dataclass
class DaySentiment:
    day: str
    posts: int
    scored: int
    positive: int
    negative: int
    not_scored: int

    @property
    def enough(self) -> bool:
        return self.scored >= MIN_SCORED_FOR_SHARE

    def as_dict(self) -> dict[str, Any]:
        shares = {
            "positive_share": round(self.positive / self.scored, 3) if self.enough else None,
            "negative_share": round(self.negative / self.scored, 3) if self.enough else None,
        }
        return {
            "day": self.day,
            "posts": self.posts,
            "scored_english": self.scored,
            "positive": self.positive,
            "negative": self.negative,
            "not_scored_other_languages": self.not_scored,
            **shares,
            "note": None
            if self.enough
            else f"fewer than {MIN_SCORED_FOR_SHARE} English posts: no share given",
        }


def sentiment_by_day(
    store: Store, topic: str, *, platform: str | None = None, since: datetime | None = None
) -> list[DaySentiment]:
    """VADER on stored English posts about ``topic``, per UTC day. Posts in other languages
    (or with no language given) are counted as "not scored", never guessed."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    days: dict[str, DaySentiment] = {}
    for post in stored_posts(store, topic, platform=platform, since=since):
        day = post["created_at"][:10]
        entry = days.setdefault(day, DaySentiment(day, 0, 0, 0, 0, 0))
        entry.posts += 1
        if (post["lang"] or "").lower() != "en":
            entry.not_scored += 1
            continue
        score = analyser.polarity_scores(post["text"] or "")["compound"]
        entry.scored += 1
        entry.positive += score >= VADER_POSITIVE
        entry.negative += score <= VADER_NEGATIVE
    return [days[d] for d in sorted(days)]


# ---- the HTML report ------------------------------------------------------------------------


def report_data(store: Store) -> dict[str, Any] | None:
    """What the HTML report shows about listening: each daily series, the comparison with the
    stored call volumes (if any), and Vega-Lite chart specs (the report draws them at its own
    width). None when nothing was measured."""
    from audience.calls import stored_calls

    found = series(store)
    if not found:
        return None
    from audience.listen_compare import compare_calls

    volumes = stored_calls(store)
    comparisons = compare_calls(store, volumes) if volumes else []
    charts = {"volume": _volume_spec(found, volumes)}
    if comparisons:
        charts["lags"] = _lag_spec(comparisons)
    return {
        "series": [s.as_dict() for s in found],
        "calls": None
        if volumes is None
        else {"file": volumes.path.name, "timezone": volumes.timezone},
        "comparisons": [c.as_dict() for c in comparisons],
        "charts": charts,
    }


def _volume_spec(found: list[Series], volumes) -> dict[str, Any]:
    social = [
        {"day": day, "posts": count, "series": f"{s.topic} ({s.platform})"}
        for s in found
        for day, count in sorted(s.daily().items())
    ]
    layers: list[dict[str, Any]] = [
        {
            "data": {"values": social},
            "mark": {"type": "line", "point": False},
            "encoding": {
                "x": {"field": "day", "type": "temporal", "title": None},
                "y": {"field": "posts", "type": "quantitative", "title": "posts per day (UTC)"},
                "color": {"field": "series", "type": "nominal", "title": "conversation"},
            },
        }
    ]
    if volumes is not None:
        calls = [
            {"day": day.isoformat(), "calls": value, "column": name}
            for name, values in volumes.series.items()
            for day, value in sorted(values.items())
            if value is not None
        ]
        layers.append(
            {
                "data": {"values": calls},
                "mark": {"type": "line", "color": "#555", "strokeWidth": 1.5},
                "encoding": {
                    "x": {"field": "day", "type": "temporal"},
                    "y": {
                        "field": "calls",
                        "type": "quantitative",
                        "title": f"calls per day ({volumes.timezone})",
                    },
                    "strokeDash": {
                        "field": "column",
                        "type": "nominal",
                        "title": "calls",
                        "scale": {
                            "domain": list(volumes.series),
                            "range": [
                                [4, 3] if n in volumes.forecast else [1, 0] for n in volumes.series
                            ],
                        },
                    },
                },
            }
        )
    return {
        "title": "Conversation and calls per day",
        "height": 220,
        "layer": layers,
        "resolve": {"scale": {"y": "independent"}},
    }


def _lag_spec(comparisons: list) -> dict[str, Any]:
    values = [
        {
            "lag": lag.lag,
            "rho": lag.rho,
            "days": lag.n,
            "series": f"{c.topic} ({c.platform}) vs {c.calls_column}",
            "enough days": "yes" if not lag.too_few else "too few",
        }
        for c in comparisons
        for lag in c.lags
        if lag.rho is not None
    ]
    return {
        "title": "Correlation with calls, conversation leading by 0-7 days",
        "height": 200,
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "x": {"field": "lag", "type": "ordinal", "title": "days conversation leads"},
            "xOffset": {"field": "series", "type": "nominal"},
            "y": {
                "field": "rho",
                "type": "quantitative",
                "title": "Spearman rho",
                "scale": {"domain": [-1, 1]},
            },
            "color": {"field": "series", "type": "nominal", "title": None},
            "opacity": {
                "field": "enough days",
                "type": "nominal",
                "scale": {"domain": ["yes", "too few"], "range": [1, 0.3]},
            },
        },
    }


__all__ = [
    "report_data",
    "Measured",
    "Series",
    "count_stored",
    "listen",
    "plan",
    "sentiment_by_day",
    "series",
]
