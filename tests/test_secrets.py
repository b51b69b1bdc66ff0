"""Secrets audit: every command, at the most verbose logging, with recognisable credentials.

Each command runs as a real subprocess (``python -m commands``, through a bootstrap that also
turns the *root* logger to DEBUG into a log file, as a user's own logging set-up would), with
every platform's base URL pointing at the local fakes, so live commands really talk HTTP. After
each run the credentials must appear nowhere: stdout, stderr, tracebacks, log files, the
workspace (raw bytes of audience.db, -wal, -shm), exports, reports, cookie caches, any file
under the test's folder. The workspace and the cookie cache must be owner-only.
"""

from __future__ import annotations

import base64
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer

from commands import app
from tests.fakes.bluesky_api import FakeBluesky
from tests.fakes.linkedin_api import FakeLinkedIn
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.server import Response
from tests.fakes.x_api import FakeX, make_user

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
X_ME = "1072250532645998596"  # TweepyDev, the OAuth 1.0a user of the X recordings
SECRETS = {
    "X_BEARER_TOKEN": "AAAAXbearerSECRETq7Tm2Lw9Ue4",
    "X_API_KEY": "XapikeySECRETh3Jd8Ks1Vb",
    "X_API_SECRET": "XapisecretSECRETp5Rv2Nc6Ga",
    "X_ACCESS_TOKEN": f"{X_ME}-XaccessSECRETb4Gy7Qe0Hn",
    "X_ACCESS_TOKEN_SECRET": "XtokensecretSECRETk9Wf3Zu8",
    "BSKY_APP_PASSWORD": "bskyappSECRETm2x8v4q1Tz",
    "MASTODON_ACCESS_TOKEN": "MastoTokenSECRETa6Lp0Hd3Kr",
    "LINKEDIN_PASSWORD": "LinkedInPwSECRETc1Ys5Oe7Mj",
}
LINKEDIN_USER = "pr-team@example.com"
BSKY_HANDLE = "audience-test.bsky.social"
JOURNALIST = "5001"
SYNTHETIC = [str(n) for n in range(6000, 6040)]

# Runs the CLI exactly as ``python -m commands`` does, after configuring the root logger at
# DEBUG into a file and stderr: the worst case of a user's own logging set-up. LinkedIn runs
# skip linkedin-api's sleeps (a minute of waiting in all), which test_platform_linkedin checks.
BOOTSTRAP = """
import logging, os, runpy, sys
os.umask(0o022)
logging.basicConfig(
    level=logging.DEBUG,
    format="%(levelname)s %(name)s: %(message)s",
    handlers=[logging.FileHandler(os.environ["AUDIENCE_TEST_LOG"], encoding="utf-8"),
              logging.StreamHandler()],
)
if os.environ.get("AUDIENCE_TEST_NO_JITTER"):
    import linkedin_api.linkedin  # it sleeps 2-5 s before each request: only waiting, here
    linkedin_api.linkedin.sleep = lambda seconds: None
sys.argv[0] = "audience"
runpy.run_module("commands", run_name="__main__", alter_sys=True)
"""


def needles(value: str) -> set[bytes]:
    """The forms a credential could take in a file or a stream: as is, its secret part (an X
    access token starts with the public user id), and base64 at each of the three alignments
    (less the edge characters, which depend on the neighbouring bytes)."""
    parts = {value, value.split("-", 1)[-1]}
    found = {p.encode() for p in parts}
    for part in parts:
        for shift in range(3):
            encoded = base64.b64encode(b"\0" * shift + part.encode())
            found.add(encoded[4:-4])
    return found


NEEDLES = {name: needles(value) for name, value in SECRETS.items()}


def leaked(data: bytes) -> list[str]:
    # Rich wraps long lines and draws boxes: a credential cut by a line end is still a leak.
    squeezed = re.sub(rb"\s+|\xe2\x94[\x80-\xbf]|\xe2\x95[\x80-\xbf]", b"", data)
    return sorted(
        name
        for name, forms in NEEDLES.items()
        if any(form in data or form in squeezed for form in forms)
    )


# ---- the fakes ------------------------------------------------------------------------------


@dataclass
class Fakes:
    x: FakeX
    bluesky: FakeBluesky
    mastodon: FakeMastodon
    linkedin: FakeLinkedIn
    journalist_did: str = ""
    mastodon_journalist: str = ""

    def env(self) -> dict[str, str]:
        return {
            **SECRETS,
            "X_API_BASE_URL": self.x.base_url,
            "BSKY_HANDLE": BSKY_HANDLE,
            "BSKY_APPVIEW_URL": self.bluesky.base_url,
            "BSKY_PDS_URL": self.bluesky.base_url,
            "MASTODON_API_BASE_URL": self.mastodon.base_url,
            "LINKEDIN_USERNAME": LINKEDIN_USER,
            "LINKEDIN_BASE_URL": self.linkedin.base_url,
        }


def seed_x(fake: FakeX) -> None:
    fake.add_user(make_user(JOURNALIST, "zoelh_writes", description="Reporter, Daily Lantern"))
    for pid in SYNTHETIC:
        fake.add_user(make_user(pid, f"cxperson{pid}", description="Contact centre lead"))
    fake.set_following(JOURNALIST, SYNTHETIC[:25])
    fake.set_followers(JOURNALIST, SYNTHETIC[20:])
    fake.set_following(X_ME, SYNTHETIC[:10])
    fake.set_followers(X_ME, SYNTHETIC[5:15])
    fake.add_list("9001", "CX people", JOURNALIST, SYNTHETIC[:5], description="Who to read")
    for n, pid in enumerate(SYNTHETIC[:8]):
        fake.add_post(f"18000000000000000{n:02d}", pid, f"Staffing tips #contactcentre {n}")


def seed_bluesky(fake: FakeBluesky) -> str:
    journalist = fake.add_account("zoe.bsky.social", description="Journalist at the Lantern")
    fake.add_synthetic_follows(journalist, 30)
    fake.add_synthetic_followers(fake.did, 12)
    fake.add_post(journalist, "Queues are long #contactcentre")
    return journalist


def seed_mastodon(fake: FakeMastodon) -> str:
    journalist = fake.add_account("zoe@example.social", note="Journalist")
    for n in range(6):
        other = fake.add_account(f"cx{n}@example.social")
        fake.follow(journalist, other)
        fake.follow(fake.me_id, other)
    fake.add_status(journalist, "<p>Queues #contactcentre</p>", tags=["contactcentre"])
    return journalist


@pytest.fixture(autouse=True)
def own_needles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A credential one test adds (a wrong password it tries) is looked for in that test only,
    whichever tests ran before it in the process."""
    monkeypatch.setattr(f"{__name__}.NEEDLES", dict(NEEDLES))


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    x = FakeX(bearer_token=SECRETS["X_BEARER_TOKEN"])
    bluesky = FakeBluesky(handle=BSKY_HANDLE, password=SECRETS["BSKY_APP_PASSWORD"])
    mastodon = FakeMastodon(token=SECRETS["MASTODON_ACCESS_TOKEN"])
    linkedin = FakeLinkedIn(username=LINKEDIN_USER, password=SECRETS["LINKEDIN_PASSWORD"])
    seed_x(x)
    found = Fakes(x, bluesky, mastodon, linkedin, seed_bluesky(bluesky), seed_mastodon(mastodon))
    with x, bluesky, mastodon, linkedin:
        yield found


# ---- running the CLI ------------------------------------------------------------------------


@dataclass
class Runner:
    """Runs ``audience --verbose ...`` in a subprocess and checks each run's streams."""

    root: Path
    env: dict[str, str]
    runs: list[tuple[list[str], subprocess.CompletedProcess]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("home", "cache", "logs", "work"):
            (self.root / name).mkdir(exist_ok=True)

    def base_env(self, log: Path) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.root / "home"),
            "XDG_CACHE_HOME": str(self.root / "cache"),
            "PYTHONPATH": str(ROOT),
            "COLUMNS": "100",
            "AUDIENCE_TEST_LOG": str(log),
            **self.env,
        }

    def run(
        self, *args: str, env: dict[str, str] | None = None, bootstrap: bool = True
    ) -> subprocess.CompletedProcess:
        log = self.root / "logs" / f"run{len(self.runs):03d}.log"
        full_env = {**self.base_env(log), **(env or {})}
        if "linkedin" in args:  # importing linkedin-api costs every other run 0.3 s
            full_env["AUDIENCE_TEST_NO_JITTER"] = "1"
        full_env = {k: v for k, v in full_env.items() if v is not None}
        python = (
            [sys.executable, "-c", BOOTSTRAP] if bootstrap else [sys.executable, "-m", "commands"]
        )
        argv = [*python, "--verbose", *args]
        result = subprocess.run(
            argv,
            cwd=self.root / "work",
            env=full_env,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=180,
        )
        self.runs.append((list(args), result))
        return result

    def run_many(self, commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
        # Two at a time: the machine is shared, and each run is mostly Python start-up.
        with ThreadPoolExecutor(max_workers=2) as pool:
            return list(pool.map(lambda args: self.run(*args), commands))

    def assert_nothing_leaked(self) -> None:
        problems = []
        for args, result in self.runs:
            for stream in ("stdout", "stderr"):
                names = leaked(getattr(result, stream))
                if names:
                    problems.append(f"`audience {' '.join(args)}` {stream}: {names}")
        problems += files_with_secrets(self.root)
        assert problems == [], "\n".join(problems)


def files_with_secrets(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            names = leaked(path.read_bytes())
            if names:
                problems.append(f"{path.relative_to(root)}: {names}")
    return problems


@pytest.fixture
def runner(tmp_path: Path, fakes: Fakes) -> Runner:
    return Runner(tmp_path, fakes.env())


def expect(result: subprocess.CompletedProcess, *codes: int) -> None:
    assert result.returncode in codes, (result.returncode, result.stderr.decode()[-3000:])


# ---- every command ----------------------------------------------------------------------------


def leaf_commands(
    group=None, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], object]]:
    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            if getattr(command, "invoke_without_command", False):
                yield path, command
            yield from leaf_commands(command, path)
        else:
            yield path, command


ARGUMENT_VALUES = {
    "query": ["contact"],
    "subject": ["@nobody_here"],
    "name": ["vip"],
    "segment": ["press"],
    "handles": ["@zoelh_writes"],
    "topics": ["#contactcentre"],
}


def invocation(path: tuple[str, ...], command, db: Path, bad_file: Path) -> list[str]:
    """Arguments for ``command``: required arguments filled in (files with a broken file)."""
    args = list(path)
    for param in command.params:
        if param.param_type_name != "argument":
            continue
        if not param.required and param.name not in ARGUMENT_VALUES:
            continue
        if param.name in ("file", "files", "archive", "repo"):
            args.append(str(bad_file))
        else:
            args += ARGUMENT_VALUES.get(param.name, ["something"])
    if any("--db" in p.opts for p in command.params if p.param_type_name == "option"):
        args += ["--db", str(db)]
    elif path[0] == "demo":
        args += ["--dir", str(db.parent)]
    return args


@pytest.mark.slow
def test_every_command_leaks_nothing(runner: Runner, tmp_path: Path) -> None:
    demo_dir = tmp_path / "work" / "demo"
    expect(runner.run("demo", "--dir", str(demo_dir)), 0)
    bad = tmp_path / "work" / "broken.csv"
    bad.write_bytes(b'\xff\xfe\x00garbage,"unclosed\n\x00\x01')
    commands = list(leaf_commands())
    assert len(commands) > 30
    runs = []
    for n, (path, command) in enumerate(commands):
        if path == ("demo",):
            continue
        runs.append(invocation(path, command, demo_dir / "audience.db", bad))
        missing = tmp_path / "work" / f"nowhere{n}" / "audience.db"  # one each: some create it
        runs.append(invocation(path, command, missing, bad))
    results = runner.run_many(runs)
    crashes = [
        (args, r.stderr.decode()[-1500:])
        for args, r in zip(runs, results, strict=True)
        if b"Traceback" in r.stderr or r.returncode not in (0, 1, 2, 3, 4, 5, 6)
    ]
    runner.assert_nothing_leaked()
    assert crashes == []


# ---- live commands, succeeding and failing ------------------------------------------------------


@pytest.mark.slow
def test_live_commands_leak_nothing(runner: Runner, fakes: Fakes, tmp_path: Path) -> None:
    db = str(tmp_path / "work" / "audience.db")
    expect(runner.run("init", "--db", db), 0)
    db2 = str(tmp_path / "work" / "archive" / "audience.db")
    archive = str(EXAMPLES / "x" / "archive-2026-11-19.zip")
    ok = [
        ["find", "follows", "@zoelh_writes", "--db", db],
        ["find", "follows", "@zoelh_writes", "--followers", "--db", db],
        ["find", "lists", "@zoelh_writes", "--db", db],
        ["find", "hashtag", "#contactcentre", "--since", "7d", "--db", db],
        ["sync", "--platform", "x", "--db", db],
        ["target", "add", "@zoelh_writes", "--db", db],
        ["engage", "--live", "--db", db],
        ["followback", "--db", db],
        ["prune", "--apply", "--yes", "--platform", "x", "--db", db],
        ["find", "follows", "@zoe.bsky.social", "-p", "bluesky", "--db", db],
        ["find", "hashtag", "#contactcentre", "-p", "bluesky", "--db", db],
        ["sync", "--platform", "bluesky", "--db", db],
        ["prune", "--apply", "--yes", "--platform", "bluesky", "--db", db],
        ["find", "follows", "@zoe@example.social", "-p", "mastodon", "--db", db],
        ["find", "hashtag", "#contactcentre", "-p", "mastodon", "--db", db],
        ["sync", "--platform", "mastodon", "--db", db],
        ["import", "contacts", str(EXAMPLES / "contacts" / "google_contacts.csv"), "--db", db],
        ["match", "--lookup", "-p", "x", "--db", db],
        ["match", "--lookup", "-p", "linkedin", "--max-requests", "3", "--db", db],
        # cached cookies the second time
        ["match", "--lookup", "-p", "linkedin", "--max-requests", "3", "--db", db],
        ["segment", "auto", "--db", db],
        ["export", "-o", str(tmp_path / "work" / "all.csv"), "--db", db],
        ["export", "--format", "json", "-o", str(tmp_path / "work" / "all.json"), "--db", db],
        ["export", "--format", "json", "--db", db],
        ["report", "-o", str(tmp_path / "work" / "report.html"), "--db", db],
        ["status", "--json", "--db", db],
        ["import", "x-archive", archive, "--resolve", "--db", db2],
    ]
    for args in ok:
        expect(runner.run(*args), 0)
    expect(runner.run("sync", "--platform", "linkedin", "--db", db), 1)  # not available there
    assert len(fakes.x.calls("/2/users/")) > 5
    assert fakes.bluesky.sessions_created >= 1
    assert fakes.mastodon.calls("/api/v1/accounts/verify_credentials")
    assert fakes.linkedin.calls("/uas/authenticate")
    assert (tmp_path / "work" / "all.csv").stat().st_size > 0
    runner.assert_nothing_leaked()
    failing_runs(runner, fakes, db)
    runner.assert_nothing_leaked()


def failing_runs(runner: Runner, fakes: Fakes, db: str) -> None:
    x, bluesky, mastodon, linkedin = fakes.x, fakes.bluesky, fakes.mastodon, fakes.linkedin

    def run(*args: str, codes: tuple[int, ...], env: dict[str, str] | None = None) -> None:
        expect(runner.run(*args, env=env), *codes)
        for fake in (x, bluesky, mastodon):
            fake.faults.clear()  # what a run left unused must not hit the next one

    def secret_variant(name: str, value: str) -> dict[str, str]:
        NEEDLES[f"{name} (variant)"] = needles(value)
        return {name: value}

    refresh = ["--refresh", "--db", db]
    follows = ["find", "follows", "@zoelh_writes", *refresh]
    x.fail(r"/2/users", "unauthorized", times=3)
    run(*follows, codes=(5,))
    x.fail(r"/following$", "tier")
    run(*follows, codes=(5,))
    x.fail(r"/owned_lists$", "client-not-enrolled")
    run("find", "lists", "@zoelh_writes", *refresh, codes=(5,))
    x.fail(r"/followers$", "server-error", times=10)
    run(*follows, "--followers", "--max-requests", "3", codes=(6,))
    # A server that quotes the credentials back in its error (some gateways do).
    echo = {"errors": [{"message": f"bad token Bearer {SECRETS['X_BEARER_TOKEN']}"}]}
    x.inject(r"/following$", Response(400, echo))
    run(*follows, codes=(4,))
    x.inject(r"/2/users/me", Response(401, echo))
    run("sync", "--platform", "x", "--db", db, codes=(5,))
    x.fail(r"/following/\d+$", "tier")
    run("prune", "--apply", "--yes", "--platform", "x", "--db", db, codes=(0, 5))
    x.inject(r"/2/users/by", Response(200, raw=b"[1, 2"), times=10)  # not JSON
    run(*follows, "--max-requests", "2", codes=(4, 6))
    x.inject(r"/2/users/by", Response(200, ["not", "an", "object"]))
    run(*follows, codes=(1, 4))
    wrong = secret_variant("BSKY_APP_PASSWORD", "bskyappSECRETwrongWrong9")
    run("find", "hashtag", "#cx", "-p", "bluesky", "--db", db, env=wrong, codes=(5,))
    echo = {"error": "InternalServerError", "message": f"no {SECRETS['BSKY_APP_PASSWORD']}"}
    bluesky.inject(r"createSession", Response(500, echo), times=10)
    run("find", "hashtag", "#cx", "-p", "bluesky", "--max-requests", "2", *refresh, codes=(4, 6))
    wrong = secret_variant("MASTODON_ACCESS_TOKEN", "MastoTokenSECRETwrongWrong1")
    run("sync", "--platform", "mastodon", "--db", db, env=wrong, codes=(5,))
    mastodon.inject(r"/following", Response(503, {"error": "down"}), times=10)
    mastodon_follows = ["find", "follows", "@zoe@example.social", "-p", "mastodon"]
    run(*mastodon_follows, "--max-requests", "3", *refresh, codes=(6,))
    cache = {"LINKEDIN_COOKIES_DIR": str(runner.root / "cookies-fresh")}
    linkedin.login_result = "CHALLENGE"
    run("match", "--lookup", "-p", "linkedin", "--db", db, env=cache, codes=(5,))
    linkedin.login_result = "PASS"
    wrong = secret_variant("LINKEDIN_PASSWORD", "LinkedInPwSECRETwrongWrong2")
    run("match", "--lookup", "-p", "linkedin", "--db", db, env={**wrong, **cache}, codes=(5,))
    # Bad input files and no workspace at all.
    broken = runner.root / "work" / "broken.vcf"
    broken.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n", encoding="utf-8")
    run("import", "contacts", str(broken), "--db", db, codes=(3,))
    run("import", "x-archive", str(broken), "--db", db, codes=(3,))
    nowhere = str(runner.root / "none" / "audience.db")
    run("status", "--db", nowhere, codes=(2,))
    run("sync", "--db", nowhere, codes=(2,))


def test_an_unexpected_exception_does_not_print_the_credential(runner: Runner) -> None:
    """A token pasted with a line break makes requests refuse the header, quoting it whole in
    an exception nobody catches: the traceback must not show it."""
    token = "AAAAXbearerSECRETq7Tm2Lw9Ue4\nsecondLineSECRETr2D8"
    NEEDLES["X_BEARER_TOKEN (second line)"] = needles("secondLineSECRETr2D8")
    for bootstrap in (True, False):
        result = runner.run(
            "find",
            "follows",
            "@zoelh_writes",
            "--db",
            "ws.db",
            env={"X_BEARER_TOKEN": token},
            bootstrap=bootstrap,
        )
        assert result.returncode == 2
        # one line naming the variable (14.7), not a traceback quoting the header
        assert b"X_BEARER_TOKEN contains a line break" in result.stderr
        assert b"Traceback" not in result.stderr
    runner.assert_nothing_leaked()


# ---- file modes ---------------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_workspace_and_cookie_cache_are_owner_only(runner: Runner, tmp_path: Path) -> None:
    db = tmp_path / "work" / "fresh" / "audience.db"
    expect(runner.run("find", "follows", "@zoelh_writes", "--db", str(db)), 0)
    expect(runner.run("export", "-o", str(tmp_path / "work" / "out.csv"), "--db", str(db)), 0)
    for path in db.parent.glob("audience.db*"):
        assert mode(path) == 0o600, path
    assert mode(tmp_path / "work" / "out.csv") == 0o600  # exports hold personal data
    init_db = tmp_path / "work" / "init" / "audience.db"
    expect(runner.run("init", "--db", str(init_db)), 0)
    assert mode(init_db) == 0o600

    default = runner.run(
        "match", "--lookup", "-p", "linkedin", "--max-requests", "1", "--db", str(db)
    )
    expect(default, 0)
    chosen = tmp_path / "chosen-cookies"
    env = {"LINKEDIN_COOKIES_DIR": str(chosen)}
    expect(runner.run("match", "--lookup", "-p", "linkedin", "--db", str(db), env=env), 0)
    caches = [tmp_path / "cache" / "audience" / "linkedin-cookies", chosen]
    cookie_files = [p for folder in caches for p in folder.rglob("*") if p.is_file()]
    assert len(cookie_files) == 2, cookie_files
    for path in cookie_files:
        assert mode(path) == 0o600, path
        assert mode(path.parent) == 0o700, path.parent
    runner.assert_nothing_leaked()
