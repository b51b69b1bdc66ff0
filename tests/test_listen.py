"""Listening in the workspace: the appended series, offline counts, sentiment, the comparison
with call volumes, and twarc2 counts files."""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from audience import listen
from audience.calls import CallVolumes
from audience.errors import InputError
from audience.listen_compare import compare_calls
from audience.models import Account, Post
from audience.platforms.volume import Bucket

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def day(n: int) -> datetime:
    return datetime(2026, 9, 1, tzinfo=UTC) + timedelta(days=n)


def save(store, topic, counts, method=listen.METHOD_X, measured=NOW, platform="x", **kw):
    buckets = [Bucket(day(n), day(n + 1), c) for n, c in counts.items()]
    with store.transaction():
        listen.save_buckets(
            store, topic, platform, "day", buckets, method, measured_at=measured, **kw
        )


def test_every_run_appends_and_the_series_takes_the_latest(store):
    save(store, "#cx", {0: 5, 1: 6}, measured=NOW - timedelta(days=1))
    save(store, "#cx", {1: 9, 2: 4})
    assert store.scalar("SELECT count(*) FROM listen_volumes") == 4  # nothing overwritten
    (series,) = listen.series(store, topics=["#CX"])
    assert [(p.start, p.count) for p in series.points] == [(day(0), 5), (day(1), 9), (day(2), 4)]


def test_an_api_count_beats_a_later_count_of_stored_posts(store):
    save(store, "#cx", {0: 50})
    save(store, "#cx", {0: 7}, method=listen.METHOD_STORED, measured=NOW + timedelta(hours=1))
    (series,) = listen.series(store, topics=["#cx"])
    assert series.points[0].count == 50


def test_an_open_bucket_is_marked_incomplete_and_left_out_of_daily_totals(store):
    buckets = [Bucket(NOW.replace(hour=0), NOW.replace(hour=0) + timedelta(days=1), 3)]
    with store.transaction():
        listen.save_buckets(store, "#cx", "x", "day", buckets, listen.METHOD_X, measured_at=NOW)
    (series,) = listen.series(store)
    assert series.points[0].complete is False
    assert series.daily() == {}


def add_posts(store, platform, texts_by_day, lang="en"):
    author = Account(platform, "author-1", handle="author")
    ids = store.upsert_accounts([author])
    posts = [
        Post(
            platform,
            f"{platform}-{n}-{i}",
            "author-1",
            text,
            created_at=day(n) + timedelta(hours=i),
            hashtags=[w[1:] for w in text.split() if w.startswith("#")],
            lang=lang,
        )
        for n, texts in texts_by_day.items()
        for i, text in enumerate(texts)
    ]
    with store.transaction():
        store.upsert_posts(posts, ids)


def test_offline_counts_stored_posts_with_zero_days_between(store):
    add_posts(store, "x", {0: ["#cx one", "#cx two", "other"], 3: ["#CX again"]})
    add_posts(store, "bluesky", {1: ["customer service is slow"]})

    measured = listen.count_stored(store, ["#cx", "customer service"], now=NOW)

    assert {(m.topic, m.platform, m.buckets) for m in measured} == {
        ("#cx", "x", 4),
        ("customer service", "bluesky", 1),
    }
    (series,) = listen.series(store, topics=["#cx"])
    assert [p.count for p in series.points] == [2, 0, 0, 1]
    assert all(not p.exhaustive for p in series.points)  # a sample, said so


def test_sentiment_scores_english_only_and_withholds_thin_days(store):
    happy = ["#cx love this great helpful team"] * 8 + ["#cx awful terrible wait"] * 4
    add_posts(store, "x", {0: happy, 1: ["#cx great"] * 3})
    add_posts(store, "mastodon", {0: ["#cx c'est génial, merci"] * 5}, lang="fr")

    days = {d.day: d for d in listen.sentiment_by_day(store, "#cx")}

    first = days[day(0).date().isoformat()]
    assert (first.scored, first.positive, first.negative, first.not_scored) == (12, 8, 4, 5)
    assert first.as_dict()["positive_share"] == round(8 / 12, 3)
    second = days[day(1).date().isoformat()].as_dict()
    assert second["positive_share"] is None and "fewer than" in second["note"]


# ---- the comparison with calls --------------------------------------------------------------


def calls_volumes(values, forecast=None):
    series = {"calls": {day(n).date(): v for n, v in values.items()}}
    names = []
    if forecast:
        series["forecast"] = {day(n).date(): v for n, v in forecast.items()}
        names = ["forecast"]
    return CallVolumes(
        path=__import__("pathlib").Path("volumes.csv"),
        timezone="Europe/London",
        series=series,
        forecast=names,
    )


def story(days=56, lead=2, seed=3):
    rng = random.Random(seed)
    social = {n: 40 + 30 * math.sin(n / 3) + rng.gauss(0, 3) for n in range(days)}
    calls = {n + lead: 1000 + 8 * social[n] + rng.gauss(0, 20) for n in range(days)}
    return social, calls


def test_conversation_leading_calls_by_two_days_is_found(store):
    social, calls = story()
    save(store, "#cx", {n: int(v) for n, v in social.items()})

    (result,) = compare_calls(store, calls_volumes(calls))

    assert result.leading_lag == 2
    lag2 = result.lags[2]
    assert lag2.n == 56 and lag2.rho > 0.8 and not lag2.too_few
    assert "leads calls by 2 day" in result.verdict
    assert [lag.lag for lag in result.lags] == list(range(8))


def test_too_few_days_is_said_plainly(store):
    save(store, "#cx", {n: 10 + n for n in range(6)})
    (result,) = compare_calls(store, calls_volumes({n: 100 + n for n in range(6)}))
    assert result.leading_lag is None
    assert result.verdict.startswith("too few days to say anything")
    assert all(lag.too_few for lag in result.lags)
    assert result.as_dict()["lags"][0]["days"] == 6


def test_unrelated_series_give_no_lead(store):
    rng = random.Random(7)
    save(store, "#cx", {n: rng.randint(10, 60) for n in range(60)})
    calls = {n: rng.randint(900, 1500) for n in range(60)}
    (result,) = compare_calls(store, calls_volumes(calls))
    assert result.leading_lag is None and result.verdict.startswith("no lag stands out")


def test_a_forecast_peak_with_quiet_conversation_is_named_with_its_date(store):
    social = {n: 40 for n in range(42)}
    social[20] = 120  # a flare-up the forecast matches
    save(store, "#cx", social)
    forecast = {n: 1000 for n in range(42)}
    forecast[21] = 1500  # after the flare-up: conversation matches
    forecast[35] = 1600  # billing run: nobody talking
    (result,) = compare_calls(store, calls_volumes({n: 1000 for n in range(42)}, forecast))
    assert [p["date"] for p in result.forecast_peaks] == [day(35).date().isoformat()]
    assert result.forecast_peaks[0]["conversation_max"] == 40


def test_steadily_rising_conversation_is_detected_with_dates(store):
    rng = random.Random(1)
    social = {n: 40 + rng.gauss(0, 2) for n in range(28)}
    for n in range(14, 28):
        social[n] = 40 + 4 * (n - 14) + rng.gauss(0, 2)
    save(store, "#cx", {n: int(v) for n, v in social.items()})
    (result,) = compare_calls(store, calls_volumes({n: 1000 + n for n in range(28)}))
    rising = result.rising
    assert rising["rising"] is True
    assert (rising["from"], rising["to"]) == (
        day(14).date().isoformat(),
        day(27).date().isoformat(),
    )
    assert rising["slope_per_day"] > 3


def test_flat_noise_is_not_called_rising(store):
    rng = random.Random(2)
    save(store, "#cx", {n: 40 + rng.randint(-3, 3) for n in range(28)})
    (result,) = compare_calls(store, calls_volumes({n: 1000 for n in range(28)}))
    assert result.rising["rising"] is False


# ---- twarc2 counts files ----------------------------------------------------------------------


def test_twarc_counts_file_is_imported_with_its_query(store, tmp_path):
    page = {
        "data": [
            {
                "end": "2026-09-02T00:00:00.000Z",
                "start": "2026-09-01T00:00:00.000Z",
                "tweet_count": 12,
            },
            {
                "end": "2026-09-03T00:00:00.000Z",
                "start": "2026-09-02T00:00:00.000Z",
                "tweet_count": 8,
            },
        ],
        "meta": {"total_tweet_count": 20},
        "__twarc": {
            "url": "https://api.twitter.com/2/tweets/counts/all?query=%23CX&granularity=day"
        },
    }
    path = tmp_path / "counts.jsonl"
    path.write_text(json.dumps(page) + "\n", encoding="utf-8")

    measured = listen.import_twarc_counts(store, path, now=NOW)

    assert (measured.topic, measured.buckets) == ("#cx", 2)
    (series,) = listen.series(store, topics=["#cx"])
    assert [p.count for p in series.points] == [12, 8]


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("not json\n", "line 1"),
        ('{"data": [{"start": "2026-09-01T00:00:00Z", "tweet_count": 3}]}\n', "line 1, data[0]"),
        ('{"data": []}\n{"data": "x"}\n', "line 2"),
        (
            '{"data": [], "__twarc": {"url": "https://api.twitter.com/2/tweets/search/recent"}}\n',
            "line 1",
        ),
    ],
)
def test_bad_twarc_counts_files_are_refused_naming_the_line(store, tmp_path, content, where):
    path = tmp_path / "counts.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        listen.import_twarc_counts(store, path, topic="#cx")
    assert caught.value.position == where
    assert store.scalar("SELECT count(*) FROM listen_volumes") == 0


def test_the_bundled_example_counts_read():
    from tests.conftest import EXAMPLES

    query, buckets = listen.read_twarc_counts(EXAMPLES / "x" / "counts-contactcentre.jsonl")
    assert query == "#contactcentre" and len(buckets) == 56
    assert buckets[0].start.date() == date(2026, 9, 25)


def test_a_distant_timezone_is_warned_about(store):
    social, calls = story()
    save(store, "#cx", {n: int(v) for n, v in social.items()})
    volumes = calls_volumes(calls)
    volumes.timezone = "America/Los_Angeles"
    (result,) = compare_calls(store, volumes)
    assert any("UTC-7 h" in w and "overlap by 17 hours" in w for w in result.warnings)
    volumes.timezone = "Europe/London"
    (result,) = compare_calls(store, volumes)
    assert not any("overlap" in w for w in result.warnings)


def test_x_counts_end_is_never_within_10_seconds_of_now():
    """X refuses an end_time less than 10 s old: at the top of an hour the hourly end steps
    back a whole hour instead of landing on the hour that has just begun."""
    from audience.listen import counts_end

    top = datetime(2026, 12, 5, 16, 0, 5, tzinfo=UTC)
    assert counts_end(top, "hour") == datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
    later = datetime(2026, 12, 5, 16, 20, tzinfo=UTC)
    assert counts_end(later, "hour") == datetime(2026, 12, 5, 16, 0, tzinfo=UTC)
    assert counts_end(top, "day") == top - timedelta(seconds=30)
