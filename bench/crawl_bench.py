"""Crawl benchmark: 200 accounts' follow lists (5,000 each, 1,000,000 edges) from the local
fake X server through the real tweepy client, then `find influencers` over the edges.

    uv run python bench/crawl_bench.py [--accounts 200] [--follows 5000] [--pool 50000]

Prints requests made against the minimum possible (target 1.00), edges stored per second
(target >= 100,000/s: the store's own rate, and the whole crawl's rate including the HTTP
client), and the time of `find influencers` (target < 2 s). The fake's rate-limit windows are
opened wide so the run is not spent sleeping; the time the same crawl would take at X's real
limits is printed from the platform's cost table.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audience import find  # noqa: E402
from audience.crawl import Crawler, estimate  # noqa: E402
from audience.platforms.x import XPlatform  # noqa: E402
from audience.store import open_store  # noqa: E402
from tests.fakes.x_api import FakeX  # noqa: E402


def build_world(fake: FakeX, accounts: int, follows: int, pool: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pool_ids = fake.add_users(pool, start_id=10_000_000)
    journalists = fake.add_users(accounts, start_id=1_000_000)
    # A few hundred accounts most journalists follow (the influencers), the rest spread out.
    influencers = pool_ids[:300]
    for user_id in journalists:
        chosen = set(rng.sample(influencers, rng.randint(60, 240)))
        while len(chosen) < follows:
            chosen.update(rng.sample(pool_ids, follows - len(chosen)))
        fake.set_following(user_id, list(chosen)[:follows])
        fake.users[user_id]["public_metrics"]["following_count"] = follows
    return [fake.users[j]["username"] for j in journalists]


class TimedSaves:
    """Times the store's share of the crawl: every transaction (a page's accounts and edges,
    its cursor, the commit) and the search-index catch-up after each list."""

    def __init__(self, store):
        self.seconds = 0.0
        # sync_search_index runs in a transaction of its own, so it is counted here too
        store.transaction = self._timed_context(store.transaction)

    def _timed_context(self, factory):
        @contextmanager
        def wrapper():
            start = time.perf_counter()
            try:
                with factory():
                    yield
            finally:
                self.seconds += time.perf_counter() - start

        return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--follows", type=int, default=5000)
    parser.add_argument("--pool", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    huge = {name: 10**9 for name in ("following", "followers", "users")}
    fake = FakeX(limits=huge, seed_recordings=False)
    started = time.perf_counter()
    handles = build_world(fake, args.accounts, args.follows, args.pool, args.seed)
    print(
        f"world: {args.accounts} accounts x {args.follows:,} follows "
        f"({args.accounts * args.follows:,} edges) over a pool of {args.pool:,}, "
        f"built in {time.perf_counter() - started:.1f}s"
    )

    with fake, tempfile.TemporaryDirectory() as folder:
        platform = XPlatform(fake.bearer_token, base_url=fake.base_url)
        store = open_store(Path(folder) / "bench.db")
        crawler = Crawler(store, platform)
        timer = TimedSaves(store)
        started = time.perf_counter()
        subjects = find.resolve_handles(crawler, handles).accounts
        edges = sum(find.crawl_follows(crawler, s, "following") for s in subjects)
        crawl_seconds = time.perf_counter() - started

        page = platform.costs["following"].page_size
        lookups = math.ceil(args.accounts / platform.costs["lookup"].page_size)
        minimum = args.accounts * math.ceil(args.follows / page) + lookups
        made = len(fake.requests)
        stored = store.scalar("SELECT count(*) FROM follows")
        plan = estimate(platform, "following", args.accounts * args.follows, calls=args.accounts)

        started = time.perf_counter()
        mined, ranked = find.rank_influencers(store, "x", min_share=0.2, limit=25)
        rank_seconds = time.perf_counter() - started

    print(f"requests made / minimum  : {made:,} / {minimum:,} = {made / minimum:.2f} (target 1.00)")
    print(f"edges stored             : {stored:,} (crawl reported {edges:,})")
    print(
        f"store write rate         : {stored / timer.seconds:,.0f} edges/s "
        f"({timer.seconds:.1f}s in the store; target >= 100,000/s)"
    )
    print(
        f"whole crawl rate         : {stored / crawl_seconds:,.0f} edges/s "
        f"({crawl_seconds:.1f}s incl. tweepy, HTTP and JSON on loopback)"
    )
    print(
        f"find influencers         : {rank_seconds:.2f}s over {mined} mined accounts, "
        f"top share {ranked[0].score:.0%} (target < 2 s)"
    )
    print(f"at X's real rate limits  : {plan.describe()}")


if __name__ == "__main__":
    main()
