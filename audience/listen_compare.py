"""Conversation volume beside the contact centre's own volumes.

Per topic and platform: Spearman correlation of daily conversation with each calls column at
lags 0-7 days (conversation first, weekday pattern taken out), forecast peaks with no
conversation to match, and a Mann-Kendall test for conversation rising steadily. Every figure
carries the number of days behind it; too few days are said plainly, not computed around.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from audience.listen import Series, series
from audience.store import Store

# ---- social volume beside the contact centre's calls ----------------------------------------

MAX_LAG_DAYS = 7
MIN_DAYS = 14  # fewer paired days than this and a correlation says nothing
MIN_TREND_DAYS = 10
PEAK_PROMINENCE = 0.15  # a forecast peak: 15% over the usual forecast for that weekday
PEAK_LEAD_DAYS = 3  # conversation up to 3 days before a peak counts as "matching"
ELEVATED = 1.25  # conversation at 1.25 times its median or more counts as raised
SIGNIFICANT = 0.05


@dataclass
class LagFigure:
    lag: int
    n: int
    rho: float | None
    p_value: float | None

    @property
    def too_few(self) -> bool:
        return self.n < MIN_DAYS

    def as_dict(self) -> dict[str, Any]:
        return {
            "lag_days": self.lag,
            "days": self.n,
            "spearman_rho": None if self.rho is None else round(self.rho, 3),
            "p_value": None if self.p_value is None else round(self.p_value, 4),
            "too_few_days": self.too_few,
        }


@dataclass
class Comparison:
    topic: str
    platform: str
    methods: list[str]
    calls_column: str
    timezone: str
    social_days: list[str]
    lags: list[LagFigure]
    leading_lag: int | None
    verdict: str
    forecast_peaks: list[dict[str, Any]] = field(default_factory=list)
    rising: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "platform": self.platform,
            "measured_by": self.methods,
            "calls_column": self.calls_column,
            "calls_timezone": self.timezone,
            "social_buckets": "UTC days",
            "social_days": len(self.social_days),
            "first_day": self.social_days[0] if self.social_days else None,
            "last_day": self.social_days[-1] if self.social_days else None,
            "lags": [lag.as_dict() for lag in self.lags],
            "leading_lag_days": self.leading_lag,
            "verdict": self.verdict,
            "forecast_peaks_without_conversation": self.forecast_peaks,
            "rising_conversation": self.rising,
            "warnings": self.warnings,
        }


def compare_calls(
    store: Store,
    volumes,
    *,
    topics: list[str] | None = None,
    trend_days: int = 14,
) -> list[Comparison]:
    """Per topic and platform: Spearman correlation of daily conversation with each calls
    column at lags 0-7 days (conversation first), forecast peaks with no conversation to
    match, and a Mann-Kendall test for conversation rising over the last ``trend_days``."""
    results = []
    found = series(store, topics=topics) + [
        s for s in series(store, topics=topics, granularity="hour") if s.daily()
    ]
    merged: dict[tuple[str, str], Series] = {}
    for item in found:
        merged.setdefault((item.topic, item.platform), item)
    for item in merged.values():
        social = {date_key: float(v) for date_key, v in sorted(item.daily().items())}
        for column in volumes.volume_columns:
            calls = {d.isoformat(): v for d, v in volumes.series[column].items() if v is not None}
            results.append(_compare_one(item, social, column, calls, volumes, trend_days))
    return results


def _compare_one(item: Series, social, column: str, calls, volumes, trend_days: int):
    warnings = []
    if any(not p.exhaustive for p in item.points if p.complete):
        warnings.append(
            "some buckets are lower bounds (a sample of stored posts, or a capped search): "
            "read the figures as a rough guide"
        )
    offset = _zone_offset_hours(volumes.timezone, sorted(calls)[0] if calls else None)
    if offset is not None and abs(offset) >= 3:
        warnings.append(
            f"calls are counted in {volumes.timezone} days (UTC{offset:+g} h) and conversation "
            f"in UTC days: they overlap by {24 - abs(offset):g} hours, so a lag of 0 days is "
            "partly a lag of 1"
        )
    lags = [_lag_figure(social, calls, lag) for lag in range(MAX_LAG_DAYS + 1)]
    usable = [
        lag
        for lag in lags
        if not lag.too_few and lag.rho is not None and lag.rho > 0 and lag.p_value < SIGNIFICANT
    ]
    best = max(usable, key=lambda lag: lag.rho) if usable else None
    most = max((lag.n for lag in lags), default=0)
    if most < MIN_DAYS:
        verdict = (
            f"too few days to say anything: {most} day(s) with both conversation and calls, "
            f"{MIN_DAYS} needed; keep running `audience listen` daily"
        )
    elif best is None:
        verdict = "no lag stands out: conversation and calls do not move together here"
    elif best.lag == 0:
        verdict = f"conversation and calls move together on the same day (rho {best.rho:.2f})"
    else:
        verdict = (
            f"conversation leads calls by {best.lag} day(s) (rho {best.rho:.2f}, {best.n} days)"
        )
    comparison = Comparison(
        item.topic,
        item.platform,
        item.methods,
        column,
        volumes.timezone,
        sorted(social),
        lags,
        best.lag if best else None,
        verdict,
        warnings=warnings,
    )
    for forecast in volumes.forecast:
        comparison.forecast_peaks += _quiet_peaks(social, volumes.series[forecast], forecast)
    comparison.rising = _rising(social, trend_days)
    return comparison


def _zone_offset_hours(zone: str, day: str | None) -> float | None:
    from zoneinfo import ZoneInfo

    if day is None:
        return None
    noon = datetime.fromisoformat(day).replace(hour=12, tzinfo=ZoneInfo(zone))
    offset = noon.utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else None


def _weekday_adjusted(values: dict[str, float]) -> dict[str, float]:
    """Each day minus the mean of its weekday: calls and posts both follow the working week,
    and that shared rhythm alone would make any two series look related."""
    from datetime import date

    by_weekday: dict[int, list[float]] = defaultdict(list)
    for day, value in values.items():
        by_weekday[date.fromisoformat(day).weekday()].append(value)
    means = {wd: sum(v) / len(v) for wd, v in by_weekday.items()}
    return {day: v - means[date.fromisoformat(day).weekday()] for day, v in values.items()}


def _lag_figure(social: dict[str, float], calls: dict[str, float], lag: int) -> LagFigure:
    from datetime import date

    from scipy.stats import spearmanr

    pairs = []
    for day, volume in social.items():
        later = (date.fromisoformat(day) + timedelta(days=lag)).isoformat()
        if later in calls:
            pairs.append((day, later, volume, calls[later]))
    n = len(pairs)
    if n < 3:
        return LagFigure(lag, n, None, None)
    left = _weekday_adjusted({d: v for d, _, v, _ in pairs})
    right = _weekday_adjusted({d: c for _, d, _, c in pairs})
    xs = [left[d] for d, _, _, _ in pairs]
    ys = [right[d] for _, d, _, _ in pairs]
    if len(set(xs)) < 2 or len(set(ys)) < 2:
        return LagFigure(lag, n, None, None)
    result = spearmanr(xs, ys)
    return LagFigure(lag, n, float(result.statistic), float(result.pvalue))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if not ordered:
        return 0.0
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _quiet_peaks(social: dict[str, float], forecast, column: str) -> list[dict[str, Any]]:
    """Forecast peaks (a day forecast well above the usual for its weekday) with no raised
    conversation on the day or the days before it."""
    days = sorted(d for d, v in forecast.items() if v is not None)
    by_weekday: dict[int, list[float]] = defaultdict(list)
    for day in days:
        by_weekday[day.weekday()].append(forecast[day])
    usual = {wd: _median(values) for wd, values in by_weekday.items()}
    social_median = _median(list(social.values()))
    found = []
    for day in days:
        norm = usual[day.weekday()]
        if len(by_weekday[day.weekday()]) < 3 or forecast[day] < norm * (1 + PEAK_PROMINENCE):
            continue
        window = [
            (day - timedelta(days=back)).isoformat() for back in range(PEAK_LEAD_DAYS, -1, -1)
        ]
        seen = [social[d] for d in window if d in social]
        if not seen:
            continue  # no conversation measured then: cannot say it was quiet
        if max(seen) >= max(social_median * ELEVATED, social_median + 1):
            continue
        found.append(
            {
                "date": day.isoformat(),
                "forecast_column": column,
                "forecast": forecast[day],
                "usual_for_weekday": norm,
                "conversation_days": f"{window[0]} to {window[-1]}",
                "conversation_max": max(seen),
                "conversation_median": social_median,
            }
        )
    return found


def _rising(social: dict[str, float], trend_days: int) -> dict[str, Any] | None:
    """Mann-Kendall (Kendall's tau against time) and Theil-Sen slope over the last days."""
    from scipy.stats import kendalltau, theilslopes

    days = sorted(social)[-trend_days:]
    if len(days) < MIN_TREND_DAYS:
        return {
            "rising": None,
            "note": f"too few days for a trend test ({len(days)}, {MIN_TREND_DAYS} needed)",
        }
    values = [social[d] for d in days]
    if len(set(values)) < 2:
        return {"rising": False, "from": days[0], "to": days[-1], "note": "flat"}
    tau = kendalltau(range(len(values)), values)
    slope = theilslopes(values, range(len(values)))
    median = _median(values)
    rising = bool(tau.statistic > 0 and tau.pvalue < SIGNIFICANT)
    return {
        "rising": rising,
        "from": days[0],
        "to": days[-1],
        "days": len(days),
        "kendall_tau": round(float(tau.statistic), 3),
        "p_value": round(float(tau.pvalue), 4),
        "slope_per_day": round(float(slope.slope), 2),
        "change_over_window": round(float(slope.slope) * (len(days) - 1) / median, 3)
        if median
        else None,
        "note": "rising steadily: what looked like a blip may be more" if rising else None,
    }
