"""Crash-and-resume soak: the real CLI, killed with SIGKILL at random moments, resumed each
time, ends with exactly what an uninterrupted run stores.

    uv run python bench/soak.py [--kills 20] [--accounts 40] [--follows 3000] [--seed N]

A fake X runs in this process; ``python -m commands`` runs in a subprocess against it
(X_API_BASE_URL, X_BEARER_TOKEN, the four user-context variables and AUDIENCE_DB). The phases:
``find follows`` of ``--accounts`` journalists (``--follows`` each), ``find hashtag`` over
``--posts`` posts, ``sync`` of my account, then ``prune --apply --yes`` until the daily cap stops
it. Each kill hits one of these moments:

- in-flight: while a page (or an unfollow's answer) is held back by the fake;
- mid-transaction: while the CLI holds the workspace's write lock (probed from here);
- rate-limit wait: while the CLI sleeps until the reset of an injected 429 (half a minute
  ahead; the kill comes 0.5-2.5 s into the wait);
- random: a random moment after the k-th page or unfollow of the run;
- preparation: while ``prune --apply`` checks the account and settles unanswered unfollows.

Then the same phases run once, uninterrupted, on a fresh workspace and a fresh fake with the
same data, and the two workspaces are compared: lost and duplicated edges, accounts, posts and
unfollows (must all be 0; the fake records every DELETE, each target at most once), and pages
fetched again, each of which must be explained by a kill that came before that page's commit.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.server import Request  # noqa: E402
from tests.fakes.x_api import FakeX, Paging, error_response, make_user  # noqa: E402

ME = "1072250532645998596"  # the user behind the access token
USER_CONTEXT = {
    "X_API_KEY": "consumer-key-123",
    "X_API_SECRET": "consumer-secret-456",
    "X_ACCESS_TOKEN": f"{ME}-AbCdEfGhIjKlMnOpQrStUvWxYz",
    "X_ACCESS_TOKEN_SECRET": "access-secret-789",
}
TOPIC = "#cx"
UNFOLLOW = rf"^/2/users/{ME}/following/\d+$"
PATTERNS = {
    "follows": r"^/2/users/\d+/following$",
    "search": r"^/2/tweets/search/recent$",
    "sync": rf"^/2/users/{ME}/follow(ing|ers)$",
    "prune": UNFOLLOW,
}
KINDS = {
    "follows": ["in-flight", "mid-transaction", "rate-limit wait", "random"],
    "search": ["in-flight", "mid-transaction", "random"],
    "sync": ["in-flight", "mid-transaction"],
    "prune": ["in-flight", "mid-transaction", "random", "preparation"],
}
SHARES = {"follows": 0.45, "search": 0.15, "sync": 0.1, "prune": 0.3}
HUGE = {name: 10**9 for name in ("following", "followers", "users", "search", "me", "unfollow")}


# ---- the world ------------------------------------------------------------------------------


@dataclass
class World:
    handles: list[str]
    quiet: list[str]  # never posted: prune suggests them
    protected: set[str]  # quiet, but press members or targets
    cap: int
    pages: dict[str, int]  # expected pages (or unfollows) per phase


def build(args: argparse.Namespace) -> tuple[FakeX, World]:
    rng = random.Random(args.seed)
    fake = FakeX(limits=HUGE, seed_recordings=False)
    pool = fake.add_users(args.pool, start_id=10_000_000)
    journalists = fake.add_users(args.accounts, start_id=1_000_000)
    for user_id in journalists:
        fake.set_following(user_id, rng.sample(pool, args.follows))
        fake.users[user_id]["public_metrics"]["following_count"] = args.follows
    recent = datetime.now(UTC) - timedelta(hours=6)
    for n in range(args.posts):
        when = (recent - timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        post_id = str(1_900_000_000_000_000_000 + n)
        fake.add_post(post_id, rng.choice(pool), f"Queue times {TOPIC}", when)
    fake.add_user(make_user(ME, "TweepyDev"))
    quiet = [str(20_000_000 + n) for n in range(args.quiet)]
    for pid in quiet:
        fake.add_user(make_user(pid, f"quiet{pid}", tweet_count=0, description="hello"))
    regulars = pool[: args.regulars]
    fake.set_following(ME, [*quiet, *regulars])
    fake.set_followers(ME, regulars)
    protected = set(rng.sample(quiet, 15))
    cap = min(args.cap, args.quiet - len(protected))
    pages = {
        "follows": args.accounts * math.ceil(args.follows / 1000),
        "search": math.ceil(args.posts / 100),
        "sync": math.ceil((args.quiet + args.regulars) / 1000) + math.ceil(args.regulars / 1000),
        "prune": cap,
    }
    handles = [fake.users[j]["username"] for j in journalists]
    return fake, World(handles, quiet, protected, cap, pages)


def commands(world: World) -> dict[str, list[str]]:
    return {
        "follows": ["find", "follows", *[f"@{h}" for h in world.handles]],
        "search": ["find", "hashtag", TOPIC, "--limit", str(world.pages["search"] * 100)],
        "sync": ["sync", "--platform", "x"],
        "prune": ["prune", "--apply", "--yes"],
    }


def protect(db: Path, world: World) -> None:
    """Ten of the quiet accounts in the press segment, the other five targets."""
    press, targets = sorted(world.protected)[:10], sorted(world.protected)[10:]
    conn = sqlite3.connect(db, isolation_level=None)
    with conn:
        for pid in press:
            conn.execute(
                "INSERT INTO segment_members (segment_id, account_id, source, created_at) "
                "SELECT s.id, a.id, 'manual', 'now' FROM segments s, accounts a "
                "WHERE s.name = 'press' AND a.platform = 'x' AND a.platform_id = ?",
                [pid],
            )
        for pid in targets:
            conn.execute(
                "INSERT INTO targets (account_id, added_at) SELECT id, 'now' FROM accounts "
                "WHERE platform = 'x' AND platform_id = ?",
                [pid],
            )
    conn.close()


# ---- running the CLI, with and without kills ------------------------------------------------


@dataclass
class Kill:
    phase: str
    kind: str
    nth: int = 0  # the page (or unfollow) of its run the kill waits for
    landed: str = ""  # what the kill interrupted, found out afterwards


@dataclass
class Run:
    """One workspace driven through every phase; ``plan`` lists the kills still to come."""

    fake: FakeX
    world: World
    folder: Path
    plan: list[Kill]
    rng: random.Random
    kills: list[Kill] = field(default_factory=list)
    lost: Counter = field(default_factory=Counter)  # page key -> fetches a kill threw away
    # page key -> fetches of a snapshot a kill left complete: a re-run sync snapshots anew
    resnapshot: Counter = field(default_factory=Counter)
    phase_starts: dict[str, int] = field(default_factory=dict)
    runs: Counter = field(default_factory=Counter)

    @property
    def db(self) -> Path:
        return self.folder / "audience.db"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "X_API_BASE_URL": self.fake.base_url,
            "X_BEARER_TOKEN": self.fake.bearer_token,
            "AUDIENCE_DB": str(self.db),
            **USER_CONTEXT,
        }

    def all_phases(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "audience.toml").write_text(
            f"[prune]\ndaily_unfollow_cap = {self.world.cap}\n", encoding="utf-8"
        )
        for phase, args in commands(self.world).items():
            self.phase_starts[phase] = len(self.fake.requests)
            self.phase(phase, args)
            if phase == "sync":
                protect(self.db, self.world)

    def phase(self, phase: str, args: list[str]) -> None:
        """Run the phase's command until it finishes, killing it as planned; kills the phase
        ended too soon for move on to the next phase (the last phase's are dropped)."""
        while True:
            kill = self.plan[0] if self.plan and self.plan[0].phase == phase else None
            output = self.once(phase, args, kill)
            if output is None:  # killed: resume
                continue
            if phase != "prune" or re.search(r"Daily cap reached|Nothing to unfollow", output):
                break
        for pending in [k for k in self.plan if k.phase == phase]:
            if phase == "prune":
                self.plan.remove(pending)
                continue
            pending.phase = next_phase(phase)
            if pending.kind not in KINDS[pending.phase]:
                pending.kind = "random"

    def once(self, phase: str, args: list[str], kill: Kill | None) -> str | None:
        """Run the command once; None if it was killed, else its stderr."""
        self.runs[phase] += 1
        start = len(self.fake.requests)
        armed = self.arm(phase, kill)
        process = subprocess.Popen(
            [sys.executable, "-m", "commands", *args],
            env=self.env(),
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            fired = kill is not None and self.wait_and_kill(process, phase, kill, start, armed)
        finally:
            self.disarm(armed)
        stderr = process.communicate()[1]
        if fired:
            self.plan.pop(0)
            self.kills.append(kill)
            self.account_for(kill, phase, start)
            return None
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(args[:2])} failed ({process.returncode}):\n{stderr}")
        return " ".join(stderr.split())

    # ---- kills ----------------------------------------------------------------------------

    def arm(self, phase: str, kill: Kill | None) -> list:
        if kill is None:
            return []
        kill.nth = self.pick_nth(phase)
        pattern = PATTERNS[phase]
        if kill.kind == "in-flight":
            self.fake.hold(pattern, 120, after=kill.nth - 1)
            return [self.fake.holds[-1]]
        if kill.kind == "rate-limit wait":
            # far enough ahead that the wait is still on when the kill comes, however long
            # the run takes to reach that page; the resumed run meets no 429
            reset = int(time.time()) + 30
            headers = {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)}
            self.fake.inject(pattern, error_response("rate-limit", headers), after=kill.nth - 1)
            return [self.fake.faults[-1]]
        return []

    def disarm(self, armed: list) -> None:
        for fault in armed:
            fault.times = 0

    def pick_nth(self, phase: str) -> int:
        """Which page (or unfollow) of this run the kill waits for: spread over what is left."""
        done = sum(1 for r in self.phase_requests(phase) if r.status == 200)
        left = max(1, self.world.pages[phase] - done)
        kills_left = sum(1 for k in self.plan if k.phase == phase)
        return self.rng.randint(1, max(1, min(left, 2 * left // kills_left)))

    def phase_requests(self, phase: str, since: int | None = None) -> list[Request]:
        start = self.phase_starts[phase] if since is None else since
        pattern = re.compile(PATTERNS[phase])
        return [r for r in self.fake.requests[start:] if pattern.search(r.path)]

    def wait_and_kill(
        self, process: subprocess.Popen, phase: str, kill: Kill, start: int, armed: list
    ) -> bool:
        deadline = time.time() + 120

        def reached(count: int, path: str | None = None, status: int | None = None) -> bool:
            pattern = re.compile(path or PATTERNS[phase])
            while True:
                seen = [
                    r
                    for r in self.fake.requests[start:]
                    if pattern.search(r.path) and (status is None or r.status == status)
                ]
                if len(seen) >= count:
                    return True
                if process.poll() is not None or time.time() > deadline:
                    return False
                time.sleep(0.005)

        if kill.kind == "preparation":
            if not reached(1, r"^/2/users/me$"):
                return False
            time.sleep(self.rng.uniform(0, 0.3))
        elif kill.kind == "rate-limit wait":
            if not reached(1, status=429):
                return False
            time.sleep(self.rng.uniform(0.5, 2.5))
        elif not reached(kill.nth):
            return False
        elif kill.kind == "in-flight":
            time.sleep(0.2)
        elif kill.kind == "random":
            time.sleep(self.rng.uniform(0, 0.3))
        elif kill.kind == "mid-transaction" and not self.until_writing(process, deadline):
            return False
        if process.poll() is not None:
            return False
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True

    def until_writing(self, process: subprocess.Popen, deadline: float) -> bool:
        """Wait until the CLI holds the workspace's write lock (a transaction is open)."""
        probe = sqlite3.connect(self.db, timeout=0, isolation_level=None)
        try:
            while process.poll() is None and time.time() < deadline:
                try:
                    probe.execute("BEGIN IMMEDIATE")
                    probe.execute("ROLLBACK")
                except sqlite3.OperationalError:
                    return True
                time.sleep(0.0005)
            return False
        finally:
            probe.close()

    # ---- accounting -----------------------------------------------------------------------

    def account_for(self, kill: Kill, phase: str, start: int) -> None:
        """Note the pages this run fetched that the kill kept from being committed: only
        those may be fetched again."""
        if phase == "prune":
            kill.landed = self.prune_state()
            return
        committed = cursors(self.db)
        thrown = [
            r
            for r in self.phase_requests(phase, since=start)
            if r.status == 200 and not is_committed(r, committed)
        ]
        for request in thrown:
            self.lost[page_key(request)] += 1
        kill.landed = f"{len(thrown)} page(s) in flight lost" if thrown else "after a commit"
        if phase == "sync":
            self.note_finished_snapshots(committed)

    def note_finished_snapshots(self, committed: dict[str, tuple[int, int]]) -> None:
        """``sync`` resumes an unfinished snapshot, but snapshots a kind it had finished again:
        the run after this kill fetches every page of such a kind once more."""
        for kind in ("following", "followers"):
            jobs = sorted((j for j in committed if j.startswith(f"x:sync:{kind}:")), key=_tail)
            if jobs and committed[jobs[-1]][1]:
                keys = {
                    page_key(r)
                    for r in self.phase_requests("sync")
                    if r.path.endswith(kind) and r.status == 200
                }
                self.resnapshot.update(keys)

    def prune_state(self) -> str:
        conn = sqlite3.connect(self.db)
        states = dict(conn.execute("SELECT status, count(*) FROM unfollow_actions GROUP BY 1"))
        conn.close()
        sent = states.get("sent", 0)
        return f"{sent} unfollow(s) left unanswered" if sent else "no unfollow in doubt"


def _tail(job: str) -> int:
    return int(job.rsplit(":", 1)[1])


def cursors(db: Path) -> dict[str, tuple[int, int]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT job, pages, done FROM crawl_cursors").fetchall()
    conn.close()
    return {job: (pages, done) for job, pages, done in rows}


def page_key(request: Request) -> tuple[str, str | None]:
    return request.path, request.arg("pagination_token") or request.arg("next_token")


def is_committed(request: Request, committed: dict[str, tuple[int, int]]) -> bool:
    """Whether the page this request fetched is stored (pages commit in order)."""
    path = request.path
    if path.endswith("/search/recent"):
        listing = f"search:{request.arg('query')}|{request.arg('start_time') or ''}"
        token, size = request.arg("next_token"), 100
        jobs = [job for job in committed if job.startswith("x:search:")]
    else:
        user_id, kind = re.match(r"^/2/users/(\d+)/(following|followers)$", path).groups()
        listing = f"{kind}:{user_id}"
        token, size = request.arg("pagination_token"), 1000
        if user_id == ME:
            jobs = [job for job in committed if job.startswith(f"x:sync:{kind}:")]
        else:
            jobs = [job for job in (f"x:{kind}:{user_id}",) if job in committed]
    index = (Paging.offset(listing, token) or 0) // size if token else 0
    return any(done or index < pages for pages, done in (committed[j] for j in jobs))


# ---- comparing the two workspaces -----------------------------------------------------------


def contents(db: Path) -> dict[str, Counter]:
    conn = sqlite3.connect(db)
    queries = {
        "accounts": "SELECT platform || ':' || platform_id FROM accounts",
        "edges": """SELECT a.platform_id || '>' || b.platform_id FROM follows f
                    JOIN accounts a ON a.id = f.follower_id
                    JOIN accounts b ON b.id = f.followed_id""",
        "posts": "SELECT platform || ':' || platform_id FROM posts",
        "unfollows": """SELECT a.platform_id FROM unfollow_actions u
                        JOIN accounts a ON a.id = u.account_id WHERE u.status = 'done'""",
        "crawl cursors": """SELECT job || ' ' || pages || ' ' || items || ' ' || done
                            FROM crawl_cursors WHERE job NOT LIKE 'x:sync:%'""",
    }
    found = {name: Counter(row[0] for row in conn.execute(sql)) for name, sql in queries.items()}
    conn.close()
    return found


def compare(soaked: Run, reference: Run) -> bool:
    got, want = contents(soaked.db), contents(reference.db)
    ok = True
    print("\nworkspace against the uninterrupted run:")
    for name in got:
        lost = sum((want[name] - got[name]).values())
        extra = sum((got[name] - want[name]).values())
        duplicated = sum(n - 1 for n in got[name].values() if n > 1)
        ok &= lost == extra == duplicated == 0
        print(
            f"  {name:14} {sum(got[name].values()):>9,} vs {sum(want[name].values()):>9,}"
            f"   lost {lost}  extra {extra}  duplicated {duplicated}"
        )
    deletes = Counter(r.path for r in soaked.fake.calls(UNFOLLOW) if r.method == "DELETE")
    targets = Counter(target for _, target in soaked.fake.unfollows)
    twice = sum(1 for n in targets.values() if n > 1)
    touched = soaked.world.protected & set(targets)
    within_cap = len(targets) <= soaked.world.cap
    ok &= twice == 0 and not touched and within_cap
    ok &= set(targets) == {t for _, t in reference.fake.unfollows}
    print(
        f"  unfollows on the fake: {len(targets)} accounts, {sum(deletes.values())} DELETEs, "
        f"{twice} unfollowed twice, {len(touched)} protected touched, "
        f"cap {soaked.world.cap} {'kept' if within_cap else 'EXCEEDED'}"
    )
    return ok


def refetches(run: Run) -> bool:
    """Every page fetched more than once must be one a kill kept from being committed."""
    fetched: Counter = Counter()
    for phase in ("follows", "search", "sync"):
        end = run.phase_starts[next_phase(phase)]
        fetched.update(
            page_key(r)
            for r in run.fake.requests[run.phase_starts[phase] : end]
            if re.search(PATTERNS[phase], r.path) and r.status == 200
        )
    again = sum(n - 1 for n in fetched.values())
    lost = sum(min(n - 1, run.lost[key]) for key, n in fetched.items())
    anew = sum(run.resnapshot.values())
    unexplained = [
        key for key, n in fetched.items() if n - 1 != run.lost[key] + run.resnapshot[key]
    ]
    print(
        f"\npages: {len(fetched):,} distinct pages fetched, {again} fetched again: "
        f"{lost} after a kill before the page's commit, {anew} by a re-run `sync` taking a "
        f"fresh snapshot of a kind the kill had left finished; {len(unexplained)} unexplained"
    )
    for key in unexplained[:10]:
        print(f"  unexplained: {key[0]} {key[1]}: fetched {fetched[key]}x, lost {run.lost[key]}")
    lookups = len(run.fake.calls(r"^/2/users/by$"))
    settles = run.fake.requests[run.phase_starts["prune"] :]
    settle_pages = sum(1 for r in settles if re.search(PATTERNS["sync"], r.path))
    print(
        f"  also fetched by design: {lookups} handle look-ups (one per `find follows` run: "
        f"{run.runs['follows']}), {settle_pages} pages of whom I follow during prune "
        "(a fresh snapshot settles each unfollow a kill left unanswered)"
    )
    return not unexplained


def next_phase(phase: str) -> str:
    names = list(SHARES)
    return names[names.index(phase) + 1]


def plan_kills(total: int, rng: random.Random) -> list[Kill]:
    plan = []
    counts = {phase: round(total * share) for phase, share in SHARES.items()}
    counts["follows"] += total - sum(counts.values())
    for phase, count in counts.items():
        kinds = KINDS[phase]
        chosen = [kinds[n % len(kinds)] for n in range(count)]
        rng.shuffle(chosen)
        plan += [Kill(phase, kind) for kind in chosen]
    return plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--accounts", type=int, default=40)
    parser.add_argument("--follows", type=int, default=3000)
    parser.add_argument("--pool", type=int, default=20_000)
    parser.add_argument("--posts", type=int, default=1500)
    parser.add_argument("--quiet", type=int, default=300)
    parser.add_argument("--regulars", type=int, default=900)
    parser.add_argument("--cap", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10**6)
    args.seed = seed
    print(
        f"soak: {args.accounts} accounts x {args.follows:,} follows, {args.posts:,} posts, "
        f"{args.quiet} to prune (cap {args.cap}), {args.kills} kills, seed {seed}"
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="audience-soak-") as folder:
        fake, world = build(args)
        with fake:
            rng = random.Random(seed)
            soaked = Run(fake, world, Path(folder) / "soaked", plan_kills(args.kills, rng), rng)
            soaked.all_phases()
        soak_seconds = time.perf_counter() - started
        ref_fake, ref_world = build(args)
        with ref_fake:
            reference = Run(ref_fake, ref_world, Path(folder) / "reference", [], rng)
            reference.all_phases()
        print(f"killed {len(soaked.kills)} times in {soak_seconds:.0f} s; runs per phase:")
        print("  " + ", ".join(f"{p} {n}" for p, n in soaked.runs.items()))
        for kill in soaked.kills:
            print(f"  {kill.phase:8} {kill.kind:16} page/unfollow {kill.nth:>3}: {kill.landed}")
        ok = compare(soaked, reference)
        ok &= refetches(soaked)
    print(f"\n{'OK' if ok else 'FAILED'} in {time.perf_counter() - started:.0f} s")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
