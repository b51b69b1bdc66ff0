"""Regenerate the bundled listening example data (fictional, real formats).

    uv run python examples/generate_calls.py

Writes ``calls/volumes.csv``: eight weeks of daily calls at a fictional contact centre
(Harbourside Energy's, in Bristol) with the workforce team's forecast, and
``x/counts-contactcentre.jsonl``: twarc2 ``counts`` output (raw ``GET /2/tweets/counts/all``
pages, granularity day) for the same eight weeks of conversation about the brand. The story
in the numbers, so the demo has something to find: complaints online lead calls by two days;
one forecast peak (a billing run) has no conversation behind it; conversation rises steadily
over the last two weeks. Deterministic: the same files every run.
"""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
FIRST_DAY = date(2026, 9, 25)
DAYS = 56
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
QUIET_PEAK = date(2026, 10, 19)  # the billing run: forecast up, nobody talking about it
rng = random.Random(20261120)


def conversation() -> list[int]:
    """Posts per day: a working-week rhythm, two flare-ups, a steady rise at the end."""
    posts = []
    for n in range(DAYS):
        day = FIRST_DAY + timedelta(days=n)
        base = 40 if day.weekday() < 5 else 22
        flare = 90 * math.exp(-((n - 12) ** 2) / 3) + 70 * math.exp(-((n - 33) ** 2) / 4)
        rise = max(0, n - (DAYS - 15)) * 6
        posts.append(int(base + flare + rise + rng.gauss(0, 4)))
    return posts


def calls(posts: list[int]) -> tuple[list[int], list[int]]:
    """Calls follow conversation two days later; the forecast knows the week and the
    billing run, not the conversation."""
    actual, forecast = [], []
    for n in range(DAYS):
        day = FIRST_DAY + timedelta(days=n)
        weekday = day.weekday()
        base = 1400 if weekday < 5 else 520
        billing = 650 if day == QUIET_PEAK else 0
        earlier = posts[n - 2] if n >= 2 else posts[0]
        actual.append(int(base + billing * 0.9 + 6 * max(0, earlier - 40) + rng.gauss(0, 40)))
        forecast.append(int(round((base + billing) / 10) * 10))
    return actual, forecast


def write_volumes(actual: list[int], forecast: list[int]) -> None:
    """As a European spreadsheet saves it: ';' between cells, '.' grouping thousands."""
    lines = ["# timezone: Europe/London", "date;calls offered;calls forecast"]
    for n in range(DAYS):
        day = FIRST_DAY + timedelta(days=n)
        lines.append(f"{day.isoformat()};{_european(actual[n])};{_european(forecast[n])}")
    path = HERE / "calls" / "volumes.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _european(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def write_counts(posts: list[int]) -> None:
    """twarc2 counts output: one raw API response per line, 31 days a page at most."""
    pages = []
    for start in range(0, DAYS, 31):
        chunk = range(start, min(DAYS, start + 31))
        data = [
            {
                "end": _stamp(FIRST_DAY + timedelta(days=n + 1)),
                "start": _stamp(FIRST_DAY + timedelta(days=n)),
                "tweet_count": posts[n],
            }
            for n in chunk
        ]
        meta = {"total_tweet_count": sum(posts[n] for n in chunk)}
        if start + 31 < DAYS:
            meta["next_token"] = f"1jzu9lk96gu5npvz4ta0xmz{start // 31 + 1:04d}"
        pages.append(
            {
                "data": data,
                "meta": meta,
                "__twarc": {
                    "url": "https://api.twitter.com/2/tweets/counts/all?query=%23contactcentre"
                    f"&granularity=day&start_time={_stamp(FIRST_DAY)}",
                    "version": "2.14.0",
                    "retrieved_at": NOW.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                },
            }
        )
    path = HERE / "x" / "counts-contactcentre.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00.000Z"


def main() -> None:
    posts = conversation()
    actual, forecast = calls(posts)
    write_volumes(actual, forecast)
    write_counts(posts)


if __name__ == "__main__":
    main()
