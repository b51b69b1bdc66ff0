"""The page loop every crawl shares: budget, rate limits, retries, and resumable cursors.

A page and its cursor are committed in one transaction, so a kill at any moment loses at most
the page in flight, and re-running continues from the last committed cursor without fetching
any committed page again.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from audience.errors import (
    AccountUnavailable,
    BudgetExceeded,
    ConfigError,
    CrawlBusy,
    RateLimited,
    TransientError,
)
from audience.models import Page
from audience.platforms.base import EndpointCost, Platform
from audience.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_RETRIES = 5
BACKOFF_CAP_SECONDS = 60.0
# When a 429 carries no reset time, wait one full window of the endpoint (or this, if unknown).
DEFAULT_RATE_WAIT_SECONDS = 900.0


class CrawlObserver(Protocol):
    """What a crawl reports while it runs; the command layer draws it as a progress bar."""

    def planned(self, plan: Estimate) -> None: ...

    def job_started(self, job: str, label: str, expected_pages: int | None) -> None: ...

    def page_done(self, job: str, items: int) -> None: ...

    def waiting(self, seconds: float, reason: str) -> None: ...


class SilentObserver:
    def planned(self, plan: Estimate) -> None:
        pass

    def job_started(self, job: str, label: str, expected_pages: int | None) -> None:
        pass

    def page_done(self, job: str, items: int) -> None:
        pass

    def waiting(self, seconds: float, reason: str) -> None:
        pass


@dataclass
class Estimate:
    """What a crawl will cost before it starts."""

    platform: str
    requests: int
    items: int
    seconds: float
    price: float
    lines: list[str] = field(default_factory=list)

    def describe(self) -> str:
        minutes = self.seconds / 60
        text = f"{self.requests:,} requests for about {self.items:,} items"
        text += f", about {minutes:,.0f} min at {self.platform}'s rate limits"
        if self.price:
            text += f", about ${self.price:,.2f} in pay-per-use reads"
        return text


def estimate(platform: Platform, endpoint: str, items: int, *, calls: int = 1) -> Estimate:
    """Requests, time and price of reading ``items`` through ``endpoint`` in ``calls`` jobs."""
    cost = platform.costs[endpoint]
    requests = max(calls, math.ceil(items / cost.page_size) + calls - 1) if items else calls
    return Estimate(
        platform=platform.name,
        requests=requests,
        items=items,
        seconds=_time_for(requests, cost),
        price=items * cost.price_per_item,
    )


def _time_for(requests: int, cost: EndpointCost) -> float:
    windows = max(0, math.ceil(requests / cost.requests) - 1)
    return windows * cost.window_seconds


def combine(estimates: list[Estimate]) -> Estimate:
    first = estimates[0]
    return Estimate(
        platform=first.platform,
        requests=sum(e.requests for e in estimates),
        items=sum(e.items for e in estimates),
        seconds=sum(e.seconds for e in estimates),
        price=sum(e.price for e in estimates),
    )


@dataclass
class JobResult:
    job: str
    pages: int = 0
    items: int = 0
    skipped_done: bool = False
    unavailable: str | None = None


class Crawler:
    """Runs page loops against one platform within a request and money budget."""

    def __init__(
        self,
        store: Store,
        platform: Platform,
        *,
        max_requests: int | None = None,
        budget: float | None = None,
        refresh: bool = False,
        observer: CrawlObserver | None = None,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.time,
    ):
        self.store = store
        self.platform = platform
        self.max_requests = max_requests
        self.budget = budget
        self.refresh = refresh
        self.observer = observer or SilentObserver()
        self.sleep = sleep
        self.now = now
        self.requests = 0
        self.items = 0
        self.spent = 0.0
        self._reset_at: dict[str, float] = {}
        self._forgotten = None

    @property
    def forgotten(self):
        """The suppression list, read once per crawl: pages leave forgotten accounts out."""
        if self._forgotten is None:
            from audience.privacy import Suppressions

            self._forgotten = Suppressions(self.store)
        return self._forgotten

    @contextmanager
    def recorded(self, command: str, params: dict[str, Any]) -> Iterator[None]:
        """Record the run in ``crawl_runs`` with its outcome, requests and items."""
        run_id = self.store.start_run(self.platform.name, command, params)
        try:
            yield
        except BaseException as exc:
            if isinstance(exc, CrawlBusy) or (self.requests == 0 and isinstance(exc, ConfigError)):
                self.store.drop_run(run_id)  # never started: not a crawl to show in status
                raise
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            self.store.finish_run(run_id, status, self.requests, self.items, type(exc).__name__)
            raise
        self.store.finish_run(run_id, "done", self.requests, self.items)

    # ---- one request, with waiting and retries -------------------------------------------

    def call(self, endpoint: str, request: Callable[[], T]) -> T:
        """Make one request: wait out rate limits, retry transient failures with backoff."""
        attempt = 0
        while True:
            self._check_budget(endpoint)
            self._wait_for_window(endpoint)
            self.requests += 1
            try:
                result = request()
            except ConfigError:
                self.requests -= 1  # refused before anything was sent (missing credentials)
                raise
            except RateLimited as exc:
                self._wait_rate_limit(endpoint, exc)
                continue
            except TransientError as exc:
                attempt += 1
                if attempt > MAX_RETRIES:
                    raise
                delay = min(BACKOFF_CAP_SECONDS, 2 ** (attempt - 1)) * (0.5 + random.random() / 2)
                self.observer.waiting(delay, f"retry {attempt}/{MAX_RETRIES}: {exc}")
                self.sleep(delay)
                continue
            self._note_rate(endpoint, getattr(result, "rate", None))
            return result

    def _check_budget(self, endpoint: str) -> None:
        if self.max_requests is not None and self.requests >= self.max_requests:
            raise BudgetExceeded(
                f"stopped at --max-requests {self.max_requests}; what was fetched is kept, "
                "run the same command again to continue"
            )
        cost = self.platform.costs.get(endpoint)
        if self.budget is None or not cost or not cost.price_per_item:
            return
        if self.spent + cost.page_size * cost.price_per_item > self.budget + 1e-9:
            raise BudgetExceeded(
                f"stopped at --budget ${self.budget:.2f} (spent about ${self.spent:.2f}); "
                "what was fetched is kept, run again with a larger budget to continue"
            )

    def _note_rate(self, endpoint: str, rate: Any) -> None:
        if rate is not None and rate.remaining == 0 and rate.reset_at is not None:
            self._reset_at[endpoint] = rate.reset_at.timestamp()

    def _wait_for_window(self, endpoint: str) -> None:
        reset = self._reset_at.pop(endpoint, None)
        if reset is not None:
            self._sleep_until(reset, f"{self.platform.name} {endpoint} window used up")

    def _wait_rate_limit(self, endpoint: str, exc: RateLimited) -> None:
        if exc.reset_at is not None:
            self._sleep_until(exc.reset_at.timestamp(), f"rate limited on {endpoint}")
            return
        cost = self.platform.costs.get(endpoint)
        seconds = float(cost.window_seconds) if cost else DEFAULT_RATE_WAIT_SECONDS
        self.observer.waiting(seconds, f"rate limited on {endpoint} (no reset time given)")
        self.sleep(seconds)

    def _sleep_until(self, reset_epoch: float, reason: str) -> None:
        # The reset header is the first second the window is open again; +1 s covers clock skew.
        seconds = max(0.0, reset_epoch - self.now()) + 1.0
        self.observer.waiting(seconds, reason)
        self.sleep(seconds)

    # ---- a resumable page loop -----------------------------------------------------------

    def run_pages(
        self,
        *,
        job: str,
        endpoint: str,
        subject: str,
        label: str,
        fetch: Callable[[str | None], Page[Any]],
        save: Callable[[Page[Any]], int],
        expected_pages: int | None = None,
        max_items: int | None = None,
    ) -> JobResult:
        """Fetch pages from the saved cursor on, saving each page with its cursor atomically."""
        result = JobResult(job)
        if self.refresh:
            with self.store.transaction():
                self.store.reset_cursor(job)
        state = self.store.get_cursor(job)
        if state and state["done"]:
            result.skipped_done = True
            return result
        holder = self.store.claim_job(job)
        if holder is not None:
            raise CrawlBusy(
                f"another audience process (pid {holder['pid']}) has been crawling {job} since "
                f"{holder['taken_at']}: wait for it to finish (or stop it), then run this again; "
                "two crawls of one list would fetch and pay for every page twice"
            )
        try:
            return self._run_claimed_pages(
                result,
                state,
                job=job,
                endpoint=endpoint,
                subject=subject,
                label=label,
                fetch=fetch,
                save=save,
                expected_pages=expected_pages,
                max_items=max_items,
            )
        finally:
            self.store.release_job(job)

    def _run_claimed_pages(
        self,
        result: JobResult,
        state: dict[str, Any] | None,
        *,
        job: str,
        endpoint: str,
        subject: str,
        label: str,
        fetch: Callable[[str | None], Page[Any]],
        save: Callable[[Page[Any]], int],
        expected_pages: int | None,
        max_items: int | None,
    ) -> JobResult:
        state = self.store.get_cursor(job) or state  # another process may have moved it on
        if state and state["done"]:
            result.skipped_done = True
            return result
        cursor = state["cursor"] if state else None
        fetched = state["items"] if state else 0
        self.observer.job_started(job, label, expected_pages)
        cost = self.platform.costs.get(endpoint)
        while True:
            try:
                page = self.call(endpoint, lambda c=cursor: fetch(c))
            except AccountUnavailable as exc:
                # The pages committed so far stay and the job stays open: marking it done
                # would pass a partial list off as whole, and skip it if the account returns.
                result.unavailable = exc.state
                return result
            next_cursor = page.next_cursor
            if max_items is not None and fetched + len(page.items) >= max_items:
                next_cursor = None
            with self.store.transaction():
                saved = save(page)
                self.store.save_cursor(
                    job, self.platform.name, endpoint, subject, next_cursor, len(page.items)
                )
            if cost:
                self.spent += len(page.items) * cost.price_per_item
            fetched += len(page.items)
            self.items += len(page.items)
            result.pages += 1
            result.items += saved
            self.observer.page_done(job, len(page.items))
            if next_cursor is None:
                self.store.sync_search_index()
                return result
            cursor = next_cursor


def utc_now() -> datetime:
    return datetime.now(UTC)
