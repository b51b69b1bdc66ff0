"""Cross-platform identity links at scale: `link_identities` (run by `audience match`) over a
workspace of X accounts, a tenth of which name their Bluesky or Mastodon account in the bio.

    uv run python bench/identity_bench.py [--accounts 1000000]

Prints the time to load the workspace (not the figure of interest) and the time of
`link_identities`, with the links it made; every planted link must be found.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audience.matching.identity import link_identities  # noqa: E402
from audience.models import Account  # noqa: E402
from audience.store import open_store  # noqa: E402

BIOS = [
    "Reporter at the Daily Planet. Views my own.",
    "Engineer. https://example.com/blog",
    "Coffee, code and customers.",
    "Head of support. Speaker. Dog person.",
]
LINKED_BIOS = {
    "bluesky": "CX lead. Also on bsky: @{handle}.bsky.social",
    "mastodon": "Writing about support. Mastodon: @{handle}@mastodon.social",
}

OWN_HANDLES = {"bluesky": "{handle}.bsky.social", "mastodon": "{handle}@mastodon.social"}


def build_accounts(count: int, seed: int) -> tuple[list[Account], int]:
    rng = random.Random(seed)
    accounts, planted = [], 0
    for i in range(count):
        handle = f"user{i}"
        bio = rng.choice(BIOS)
        if i % 10 == 0:
            platform = "bluesky" if i % 20 == 0 else "mastodon"
            bio = LINKED_BIOS[platform].format(handle=handle)
            own = OWN_HANDLES[platform].format(handle=handle)
            accounts.append(Account(platform, f"{platform}:{i}", handle=own))
            planted += 1
        website = "https://example.com" if i % 7 == 0 else None
        accounts.append(
            Account("x", str(i), handle=handle, display_name=f"User {i}", bio=bio, website=website)
        )
    return accounts, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    accounts, planted = build_accounts(args.accounts, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        started = time.perf_counter()
        with store.transaction():
            for start in range(0, len(accounts), 5000):
                store.upsert_accounts(accounts[start : start + 5000])
        print(f"workspace: {len(accounts):,} accounts in {time.perf_counter() - started:.1f}s")
        started = time.perf_counter()
        summary = link_identities(store)
        seconds = time.perf_counter() - started
        store.close()
    print(
        f"link_identities: {seconds:.1f}s over {len(accounts):,} accounts; "
        f"{summary.links:,} links of {planted:,} planted, {len(summary.conflicts)} conflicts"
    )


if __name__ == "__main__":
    main()
