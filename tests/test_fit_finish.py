"""Issue 14, "fit and finish": each test here failed before its fix (item number in the name)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audience.errors import InputError
from audience.importers.mastodon_export import read_mastodon_export
from audience.importers.social import save_social_import
from commands import app

runner = CliRunner()
EXPORTS = Path(__file__).parent / "fixtures" / "exports"
MASTODON = EXPORTS / "mastodon"
OWNER = "robin@social.example.org"


def snapshot_count(store) -> int:
    return store.scalar("SELECT count(*) FROM snapshots")


# ---- 14.1: damaged snapshots --------------------------------------------------------------


def test_14_1_empty_following_csv_is_refused(store, tmp_path):
    path = tmp_path / "following_accounts.csv"
    path.write_text("")
    with pytest.raises(InputError, match="empty"):
        save_social_import(store, read_mastodon_export(path, owner=OWNER))
    assert snapshot_count(store) == 0


def test_14_1_header_only_following_csv_is_refused_unless_allowed(store, tmp_path):
    path = tmp_path / "following_accounts.csv"
    path.write_text("Account address,Show boosts,Notify on new posts,Languages\n")
    with pytest.raises(InputError, match="--allow-empty"):
        save_social_import(store, read_mastodon_export(path, owner=OWNER))
    assert snapshot_count(store) == 0
    save_social_import(store, read_mastodon_export(path, owner=OWNER), allow_empty=True)
    assert snapshot_count(store) == 1


def test_14_1_following_csv_cut_inside_a_quoted_field_is_refused(store, tmp_path):
    text = (MASTODON / "following_accounts.csv").read_text()
    cut = text.index('"') + 3  # inside the first quoted Languages cell
    path = tmp_path / "following_accounts.csv"
    path.write_text(text[:cut] + "\n")  # a newline inside the open quote
    with pytest.raises(InputError, match="unexpected end of data"):
        save_social_import(store, read_mastodon_export(path, owner=OWNER))
    assert snapshot_count(store) == 0


def test_14_1_empty_following_csv_exits_3_from_the_command(workspace, tmp_path):
    path = tmp_path / "following_accounts.csv"
    path.write_text("")
    result = runner.invoke(
        app, ["import", "mastodon", str(path), "--owner", OWNER, "--db", str(workspace)]
    )
    assert result.exit_code == 3, result.output
    assert "following_accounts.csv" in result.output.replace("\n", "")
    result = runner.invoke(
        app,
        ["import", "mastodon", str(path), "--owner", OWNER, "--allow-empty", "--db",
         str(workspace)],
    )
    assert result.exit_code == 0, result.output


def test_14_1_x_archive_with_empty_following_is_refused(store, tmp_path):
    import shutil

    from audience.importers.x_archive import read_x_archive

    folder = tmp_path / "archive"
    shutil.copytree(EXPORTS / "twitter-archive", folder)
    (folder / "data" / "following.js").write_text("window.YTD.following.part0 = []\n")
    with pytest.raises(InputError, match="following list is empty"):
        save_social_import(store, read_x_archive(folder))
    assert snapshot_count(store) == 0


# ---- 14.5 (Mastodon lists.csv cut mid-line) -------------------------------------------------


def test_14_5_lists_csv_cut_mid_name_adds_no_made_up_account(store, tmp_path):
    text = (MASTODON / "lists.csv").read_text()
    path = tmp_path / "lists.csv"
    path.write_text(text.rstrip("\n")[:-4])  # the last address loses its end
    with pytest.raises(InputError, match="cut short"):
        read_mastodon_export(path, owner=OWNER)


# ---- 14.3: forgotten people stay out --------------------------------------------------------


def _people_named(store, word: str) -> int:
    return store.scalar("SELECT count(*) FROM people WHERE name LIKE ?", [f"%{word}%"])


def test_14_3_reimporting_a_book_does_not_bring_a_forgotten_person_back(store):
    from audience.importers.contacts import read_contacts
    from audience.people import save_contacts
    from audience.privacy import forget, plan_forget

    book = EXPORTS / "google_contacts.csv"
    save_contacts(store, read_contacts(book), "google")
    assert _people_named(store, "Lambert") == 1
    forget(store, plan_forget(store, "zoe.lambert@harbourlight.example"))
    assert _people_named(store, "Lambert") == 0
    result = save_contacts(store, read_contacts(book), "google")
    assert _people_named(store, "Lambert") == 0
    assert result.people_created == 0
    assert result.suppressed == 1
    assert store.scalar("SELECT count(*) FROM contacts WHERE full_name LIKE '%Lambert%'") == 0


def test_14_3_import_command_says_how_many_forgotten_entries_it_skipped(workspace):
    book = str(EXPORTS / "google_contacts.csv")
    assert runner.invoke(app, ["import", "contacts", book, "--db", str(workspace)]).exit_code == 0
    forgot = runner.invoke(
        app, ["forget", "zoe.lambert@harbourlight.example", "--yes", "--db", str(workspace)]
    )
    assert forgot.exit_code == 0, forgot.output
    again = runner.invoke(app, ["import", "contacts", book, "--db", str(workspace)])
    assert again.exit_code == 0, again.output
    assert "1 forgotten entry skipped" in " ".join(again.output.split())


def test_14_3_social_import_does_not_recreate_a_forgotten_account(store):
    from audience.privacy import forget, plan_forget

    save_social_import(store, read_mastodon_export(MASTODON, owner=OWNER))
    forget(store, plan_forget(store, "@ruaidhri@journa.example", platform="mastodon"))
    assert store.find_account("mastodon", "ruaidhri@journa.example") is None
    result = save_social_import(store, read_mastodon_export(MASTODON, owner=OWNER))
    assert store.find_account("mastodon", "ruaidhri@journa.example") is None
    assert result.suppressed == 1


# ---- 14.4: damaged phone numbers ------------------------------------------------------------

EXCEL_GOOGLE_CSV = (
    "First Name;Last Name;E-mail 1 - Value;Phone 1 - Label;Phone 1 - Value\n"
    "Ada;Lovelace;ada@x.example;Mobile;4,47701E+11\n"
    "Ben;Byrne;ben@x.example;Mobile;19155550170\n"
    "Cat;Cole;cat@x.example;Mobile;07700 900101\n"
)


def _phones_of(store, email: str) -> list[str]:
    row = store.query("SELECT phones FROM contacts WHERE emails LIKE ?", [f"%{email}%"])[0]
    return json.loads(row["phones"])


def test_14_4_excel_scientific_notation_phone_is_refused_with_file_and_line(store, tmp_path):
    from audience.importers.contacts import read_contacts
    from audience.people import save_contacts

    path = tmp_path / "google.csv"
    path.write_text(EXCEL_GOOGLE_CSV)
    book = read_contacts(path, default_region="GB")
    save_contacts(store, book, "google", default_region="GB")
    assert _phones_of(store, "ada@x.example") == []
    assert _phones_of(store, "ben@x.example") == []  # not a number in GB: lost its +?
    assert _phones_of(store, "cat@x.example") == ["07700 900101"]
    warnings = dict(book.warnings)
    assert "scientific notation" in warnings["line 2"]
    assert "19155550170" in warnings["line 3"]


def test_14_4_default_region_comes_from_audience_toml(workspace, tmp_path):
    path = tmp_path / "google.csv"
    path.write_text(EXCEL_GOOGLE_CSV)
    (workspace.parent / "audience.toml").write_text('[contacts]\nphone_region = "US"\n')
    result = runner.invoke(app, ["import", "contacts", str(path), "--db", str(workspace)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "google.csv line 2" in flat and "scientific notation" in flat
    from audience.store import open_store

    store = open_store(workspace)
    assert _phones_of(store, "ben@x.example") == ["19155550170"]
    points = store.query("SELECT value FROM contact_points WHERE kind = 'phone'")
    assert {"value": "+19155550170"} in points
    store.close()


# ---- 14.5: small import defects -------------------------------------------------------------


def test_14_5_same_phone_and_nickname_variants_in_one_book_are_one_person(store, tmp_path):
    from audience.importers.contacts import read_contacts
    from audience.people import save_contacts

    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n"
        "Benjamin,Xavier-Young,,Mobile,+44 7700 900555\n"
        "Ben,Xavier Young,,Mobile,07700 900555\n"
    )
    result = save_contacts(store, read_contacts(path), "google")
    assert store.scalar("SELECT count(*) FROM people") == 1
    assert result.people_created == 1


def test_14_5_linkedin_profile_csv_is_not_a_contact_book(tmp_path):
    from audience.importers.contacts import read_contacts

    with pytest.raises(InputError, match="Profile.csv"):
        read_contacts(EXPORTS / "linkedin" / "Profile.csv")


def test_14_5_nul_bytes_in_email_addresses_are_not_stored(store, tmp_path):
    from audience.importers.contacts import read_contacts

    filler = "".join(f"Person{n},Filler,p{n}@lantern.example\n" for n in range(200))
    for encoding in ("utf-8", "utf-16"):
        path = tmp_path / f"google-{encoding}.csv"
        text = "First Name,Last Name,E-mail 1 - Value\n" + filler
        path.write_text(text + "Ada,Lovelace,ada\x00@lantern.example\n", encoding=encoding)
        with pytest.raises(InputError, match="line 202"):
            read_contacts(path)


# ---- 14.7: messages, not tracebacks ---------------------------------------------------------


@pytest.mark.parametrize("since", ["abc", "2026-13-45"])
def test_14_7_bad_since_is_a_usage_error(workspace, since):
    result = runner.invoke(
        app, ["find", "hashtag", "cx", "--offline", "--since", since, "--db", str(workspace)]
    )
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "--since" in result.output


def test_14_7_demo_twice_in_one_folder_is_a_message(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "audience.db").write_bytes(b"")
    result = runner.invoke(app, ["demo", "--dir", str(folder)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "already" in result.output


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("X_BEARER_TOKEN", ["find", "follows", "@someone", "-p", "x"]),
        ("MASTODON_ACCESS_TOKEN", ["find", "follows", "@someone@example.social", "-p", "mastodon"]),
    ],
)
def test_14_7_a_credential_with_a_line_break_is_one_line_naming_it(
    workspace, monkeypatch, name, argv
):
    monkeypatch.setenv(name, "AAAAfirstLINE\nsecondLINE")
    monkeypatch.setenv("MASTODON_API_BASE_URL", "http://127.0.0.1:9")
    result = runner.invoke(app, [*argv, "--db", str(workspace)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert name in result.output
    assert "secondLINE" not in result.output


# ---- 14.8: FIFOs and other special files ----------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "contacts"],
        ["import", "mastodon"],
        ["import", "x-archive"],
        ["import", "bluesky"],
        ["import", "twarc"],
    ],
)
def test_14_8_a_fifo_is_refused_not_waited_on(workspace, tmp_path, argv):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "following_accounts.csv"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "commands", *argv, str(fifo), "--db", str(workspace)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 3, done.stderr
    assert "not a regular file" in done.stderr


# ---- 14.9: vCard field sizes ----------------------------------------------------------------


def _vcard_with_note(path: Path, note_chars: int, folded: bool) -> None:
    note = "x" * note_chars
    if folded:  # RFC 6350 folding: 75-character lines, continuation starts with a space
        note = "\r\n ".join(note[i : i + 74] for i in range(0, len(note), 74))
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@lantern.example\r\n"
        f"NOTE:{note}\r\nEND:VCARD\r\n"
    )


@pytest.mark.parametrize("folded", [False, True])
def test_14_9_a_huge_vcard_field_is_refused_like_the_csv_reader(tmp_path, folded):
    from audience.importers.contacts import read_contacts

    path = tmp_path / "big.vcf"
    _vcard_with_note(path, 300_000, folded)
    with pytest.raises(InputError, match=r"vCard 1, line 5.*128 KB"):
        read_contacts(path)
    _vcard_with_note(path, 100_000, folded)
    assert len(read_contacts(path).records[0].notes) == 100_000


# ---- 14.10: prune CSVs are neutralised and owner-only -----------------------------------------


@pytest.mark.parametrize("name", ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@me",
                                  "\tTab", "\rCR"])
def test_14_10_prune_csv_neutralises_names_and_is_owner_only(tmp_path, name):
    import csv
    import os
    import stat

    from audience import prune

    old = os.umask(0o022)
    try:
        path = tmp_path / "prune.csv"
        suggestion = prune.Suggestion(1, "x", "1", "h", name, None, 3, None, 0.5)
        prune.write_csv(path, [suggestion])
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2] == "'" + name


# ---- 14.11 / 14.12 / 14.13: crawl lock, interrupted runs, cached handles ---------------------


@pytest.fixture
def fake_x():
    from tests.fakes.x_api import FakeX

    server = FakeX(seed_recordings=False)
    server.add_user(user_id="42", username="zoe_writes", following_count=2500, name="Zoë")
    server.set_following("42", server.add_users(2500))
    with server:
        yield server


def _crawl_env(fake, db: Path) -> dict[str, str]:
    import os

    return {
        **os.environ,
        "X_BEARER_TOKEN": fake.bearer_token,
        "X_API_BASE_URL": fake.base_url,
        "AUDIENCE_DB": str(db),
    }


def test_14_11_12_a_second_identical_crawl_refuses_and_a_dead_holder_is_taken_over(
    fake_x, tmp_path
):
    import os
    import signal
    import subprocess
    import sys
    import time
    from collections import Counter

    root = Path(__file__).resolve().parent.parent
    db = tmp_path / "audience.db"
    env = _crawl_env(fake_x, db)
    command = [sys.executable, "-m", "commands", "find", "follows", "@zoe_writes"]
    fake_x.hold(r"/following", seconds=60, after=1)  # page 2 hangs
    first = subprocess.Popen(
        command, env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 60
    while len(fake_x.calls("/following")) < 2 and time.time() < deadline:
        time.sleep(0.05)
    assert len(fake_x.calls("/following")) == 2
    second = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True)
    assert second.returncode == 1, second.stderr
    assert f"pid {first.pid}" in " ".join(second.stderr.split())
    assert len(fake_x.calls("/following")) == 2  # the second crawl fetched nothing

    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    status = subprocess.run(
        [sys.executable, "-m", "commands", "status", "--json"], env=env, cwd=root,
        capture_output=True, text=True, check=True,
    )
    assert json.loads(status.stdout)["last_crawl"]["status"] == "interrupted"  # 14.12

    subprocess.run(command, env=env, cwd=root, check=True, capture_output=True)
    pages = Counter(r.arg("pagination_token") for r in fake_x.calls(r"/2/users/42/following"))
    assert sorted(pages.values()) == [1, 1, 2]  # only the page in flight twice


def test_14_13_a_finished_follow_list_needs_no_handle_lookup_again(fake_x, tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = _crawl_env(fake_x, tmp_path / "audience.db")
    command = [sys.executable, "-m", "commands", "find", "follows", "@zoe_writes"]
    subprocess.run(command, env=env, cwd=root, check=True, capture_output=True)
    lookups = len(fake_x.calls(r"/2/users/by"))
    assert lookups == 1
    subprocess.run(command, env=env, cwd=root, check=True, capture_output=True)
    assert len(fake_x.calls(r"/2/users/by")) == lookups
    subprocess.run([*command, "--refresh"], env=env, cwd=root, check=True, capture_output=True)
    assert len(fake_x.calls(r"/2/users/by")) == lookups + 1  # --refresh looks it up again


# ---- 14.14: --db before the subcommand; the demo's advice works -------------------------------


def test_14_14_db_before_the_subcommand(workspace):
    result = runner.invoke(app, ["--db", str(workspace), "status", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["workspace"] == str(workspace)
    nested = runner.invoke(app, ["--db", str(workspace), "segment", "list", "--json"])
    assert nested.exit_code == 0, nested.output


def test_14_14_the_demo_prints_commands_that_work_in_its_folder(tmp_path, monkeypatch):
    import shlex
    import subprocess

    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--dir", str(folder)], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("Explore it, from the demo folder:")
    assert lines[start + 1].strip() == f"cd {shlex.quote(str(folder))}"
    runnable = [ln.strip() for ln in lines[start + 2 : start + 4]]
    assert runnable[0].startswith("uv run --project ")
    venv_command = shlex.split(runnable[1].removeprefix("or ").strip())
    done = subprocess.run(venv_command, cwd=folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "people" in done.stdout.lower()
    # 14.19: no suggested command is wrapped in the middle at 80 columns
    assert any(ln.strip().endswith('--source "My books"') for ln in lines)


# ---- 14.15: the demo workspace keeps its own date ---------------------------------------------


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """A demo of this module's own, which its tests add to (a target, a report)."""
    from audience.demo import run_demo

    return run_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_folder(demo_run):
    return demo_run.workspace.parent


def test_14_15_demo_examples_show_results_on_any_later_day(demo_folder, monkeypatch):
    monkeypatch.chdir(demo_folder)
    ranked = runner.invoke(app, ["find", "hashtag", "--offline", "--since", "7d", "--json"])
    assert ranked.exit_code == 0, ranked.output
    assert json.loads(ranked.output)
    added = runner.invoke(app, ["target", "add", "@sara_adeyemi40", "@owen_quinn13", "--offline"])
    assert added.exit_code == 0, added.output
    feed = runner.invoke(app, ["engage", "--days", "7", "--json"])
    assert feed.exit_code == 0, feed.output
    assert json.loads(feed.output)
    status = runner.invoke(app, ["status", "--json"])
    assert json.loads(status.output)["as_of"].startswith("2026-11-20")


def test_14_15_the_clock_prefers_an_explicit_date_then_the_workspace_then_now(store):
    from datetime import UTC, datetime

    from audience import clock

    before = datetime.now(UTC)
    assert clock.now(store) >= before
    clock.set_workspace_as_of(store, datetime(2026, 11, 20, 12, tzinfo=UTC))
    assert clock.now(store) == datetime(2026, 11, 20, 12, tzinfo=UTC)
    explicit = datetime(2027, 1, 1, tzinfo=UTC)
    assert clock.now(store, explicit) == explicit
    clock.set_workspace_as_of(store, None)
    assert clock.now(store) >= before


# ---- 14.17: values that must be refused, with the README's exit codes -------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["find", "influencers", "--min-share", "2"],
        ["find", "influencers", "--min-share", "-0.1"],
        # (not "Atlantis": the gazetteer knows Atlantis, Western Cape, ZA)
        ["find", "hashtag", "cx", "--offline", "--near", "Narnia"],
        ["segment", "show", "press", "--near", "UK,Narnia"],
        ["prune", "--max", "-1"],
        ["engage", "--days", "-3"],
        ["prune", "-p", "myspace"],
        ["find", "follows", "@a", "-p", "myspace"],
        ["find", "influencers", "--segment", "nosuch"],
        ["find", "follows", "--segment", "nosuch"],
        ["export", "--segment", "nosuch"],
        ["export", "--format", "xml"],
        ["find", "hashtag", "cx", "--offline", "--max-requests", "-1"],
        ["find", "hashtag", "cx", "--offline", "--budget", "-5"],
        ["find", "hashtag", "cx", "--offline", "--limit", "0"],
        ["find", "hashtag", "cx", "--offline", "--top", "0"],
    ],
)
def test_14_17_bad_values_are_usage_errors(workspace, argv):
    result = runner.invoke(app, [*argv, "--db", str(workspace)])
    assert result.exit_code == 2, (argv, result.output)
    assert isinstance(result.exception, SystemExit)
    flat = " ".join(result.output.split()).lower()
    if "nosuch" in argv:
        assert "unknown segment" in flat
    else:  # the message names the option, e.g. "Invalid value for '--max'"
        option = {"-p": "--platform"}.get(argv[-2], argv[-2])
        assert option in flat, flat


@pytest.mark.parametrize("kind", ["contacts", "mastodon", "x-archive", "bluesky", "twarc"])
def test_14_17_a_missing_input_file_is_3(workspace, tmp_path, kind):
    result = runner.invoke(
        app, ["import", kind, str(tmp_path / "nowhere.csv"), "--db", str(workspace)]
    )
    assert result.exit_code == 3, result.output


# ---- 14.20: Bluesky accounts from a repo.car ----------------------------------------------------

CAR = EXPORTS / "bluesky" / "repo.car"
CAR_TRUTH = json.loads((EXPORTS / "bluesky" / "repo.car.expected.json").read_text())


def _followed_dids() -> list[str]:
    return [
        r["value"]["subject"]
        for r in CAR_TRUTH["records"]
        if r["collection"] == "app.bsky.graph.follow"
    ]


def test_14_20_offline_export_shows_every_followed_account_by_did(workspace):
    imported = runner.invoke(app, ["import", "bluesky", str(CAR), "--db", str(workspace)])
    assert imported.exit_code == 0, imported.output
    assert "--resolve" in " ".join(imported.output.split())  # says how to fill the handles
    exported = runner.invoke(
        app, ["export", "--platform", "bluesky", "--format", "json", "--db", str(workspace)]
    )
    assert exported.exit_code == 0, exported.output
    shown = {row["bluesky_handle"] for row in json.loads(exported.output)}
    for did in _followed_dids():
        handle = CAR_TRUTH["known_handles_for_dids"].get(did)
        assert did in shown or handle in shown, did
    assert not any("None" in (h or "") for h in shown)


def test_14_20_online_import_resolves_handles_from_dids(workspace, monkeypatch):
    from tests.fakes.bluesky_api import FakeBluesky

    server = FakeBluesky()
    for did, handle in CAR_TRUTH["known_handles_for_dids"].items():
        server.add_account(handle, did=did)
    server.add_account(CAR_TRUTH["handle"], did=CAR_TRUTH["did"])  # the owner
    with server:
        monkeypatch.setenv("BSKY_APPVIEW_URL", server.base_url)
        imported = runner.invoke(app, ["import", "bluesky", str(CAR), "--db", str(workspace)])
    assert imported.exit_code == 0, imported.output
    assert server.calls("getProfiles")
    from audience.store import open_store

    store = open_store(workspace)
    missing = store.scalar(
        "SELECT count(*) FROM accounts WHERE platform = 'bluesky' AND handle IS NULL"
    )
    store.close()
    assert missing == 0


def test_14_20_an_account_without_a_handle_is_labelled_by_its_id():
    from commands._common import account_label

    assert account_label("bluesky", None, "did:plc:abc") == "bluesky:did:plc:abc"
    assert account_label("x", "@zoe", "42") == "x:@zoe"


# ---- 14.6: a writer waits for a long import instead of dying ------------------------------------


def test_14_6_a_write_waits_for_a_long_transaction_elsewhere(workspace, monkeypatch, caplog):
    import logging
    import sqlite3
    import threading
    import time

    from audience import store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.2)  # the real one is 30 s
    store = store_module.open_store(workspace)
    other = sqlite3.connect(workspace, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # a long import holds the write lock
    other.execute("INSERT INTO workspace_settings (key, value) VALUES ('held', '1')")
    release = threading.Timer(1.5, lambda: other.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="audience"), store.transaction():
        store.execute("INSERT INTO workspace_settings (key, value) VALUES ('mine', '1')")
    release.join()
    assert time.monotonic() - started >= 1.0
    assert store.scalar("SELECT count(*) FROM workspace_settings") == 2
    assert "waiting for another audience process" in caplog.text
    store.close()
    other.close()


# ---- 14.19: small things that add up ------------------------------------------------------------


@pytest.mark.parametrize("platform", ["x", "bluesky", "mastodon"])
def test_14_19_a_sync_without_credentials_is_not_recorded_as_a_crawl(
    workspace, monkeypatch, platform
):
    if platform == "x":
        monkeypatch.setenv("X_BEARER_TOKEN", "AAAAonlyTheBearer")  # reads yes, "me" no
    result = runner.invoke(app, ["sync", "-p", platform, "--db", str(workspace)])
    assert result.exit_code == 2, result.output
    from audience.store import open_store

    store = open_store(workspace)
    assert store.scalar("SELECT count(*) FROM crawl_runs") == 0
    store.close()


def test_14_19_init_writes_examples_commented_out(tmp_path):
    from audience.config import load_rules

    db = tmp_path / "audience.db"
    assert runner.invoke(app, ["init", "--db", str(db)]).exit_code == 0
    text = (tmp_path / "audience.toml").read_text()
    assert "contact centre" in text  # the examples are there to copy
    rules = load_rules(tmp_path / "audience.toml")
    assert rules.topics == [] and rules.home_regions == []


def test_14_19_counts_of_one_are_singular(workspace, tmp_path):
    book = tmp_path / "google.csv"
    book.write_text("First Name,Last Name,E-mail 1 - Value\nAda,Lovelace,ada@lantern.example\n")
    result = runner.invoke(app, ["import", "contacts", str(book), "--db", str(workspace)])
    flat = " ".join(result.output.split())
    assert "1 new person," in flat and "1 new people" not in flat
    follows = tmp_path / "following_accounts.csv"
    follows.write_text("Account address,Show boosts,Notify on new posts,Languages\n"
                       "ada@lantern.example,true,false,\n")
    result = runner.invoke(
        app, ["import", "mastodon", str(follows), "--owner", OWNER, "--db", str(workspace)]
    )
    flat = " ".join(result.output.split())
    assert "1 new follow edge," in flat and " 1 accounts" not in flat, flat


def test_14_19_the_demo_segment_summary_adds_up(demo_run):
    import re

    step = next(s for s in demo_run.steps if s.title == "Segment the crowd")
    total = int(re.match(r"([\d,]+) accounts", step.summary)[1].replace(",", ""))
    per_segment = [int(n) for n in re.findall(r"\w+ (\d+)", step.summary.split(":", 1)[1])]
    assert total == sum(per_segment), step.summary


def test_14_19_a_cut_list_says_and_n_more():
    from commands.loop import names_line

    rows = [{"handle": f"user{n}"} for n in range(45)]
    line = names_line(rows)
    assert line.endswith("@user29 and 15 more")
    assert names_line(rows[:3]) == "@user0, @user1, @user2"


def test_14_19_search_says_when_its_table_is_cut(workspace):
    from audience.models import Account
    from audience.store import open_store

    store = open_store(workspace)
    with store.transaction():
        store.upsert_accounts(
            [Account("x", str(n), handle=f"agent{n}", bio="contact centre agent") for n in range(3)]
        )
    store.close()
    result = runner.invoke(app, ["search", "agent", "--limit", "2", "--db", str(workspace)])
    assert result.exit_code == 0, result.output
    assert "the first 2 accounts and more: raise --limit" in " ".join(result.output.split())


# ---- 14.18: help in one vocabulary ------------------------------------------------------------

NOT_HERE: tuple[str, ...] = ()  # every command is checked


def _all_commands():
    import typer

    def walk(group, prefix):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))
            else:
                yield (*prefix, name), command

    return list(walk(typer.main.get_command(app), ()))


def _help(path) -> str:
    result = runner.invoke(app, [*path, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def test_14_18_usage_lines_show_plain_metavars():
    import re

    for path, _ in _all_commands():
        text = _help(path)
        odd = re.findall(r"<[\w\[\] ]+>|\{\w+\}|list\[", text)
        assert not odd, (path, odd)


def test_14_18_every_option_has_help():
    missing = [
        (" ".join(path), param.opts[0])
        for path, command in _all_commands()
        if path[0] not in NOT_HERE
        for param in command.params
        if param.param_type_name == "option" and not param.help
    ]
    assert missing == []


def test_14_18_map_lists_its_field_names_and_f_always_means_file():
    from audience.importers.contact_csv import mapping_fields

    text = " ".join(_help(("import", "contacts")).split())
    for name in mapping_fields():
        assert name in text, name
    for path, command in _all_commands():
        for param in command.params:
            if "-f" in param.opts:
                assert "--file" in param.opts, (path, param.opts)


def test_14_3_a_crawl_does_not_recreate_a_forgotten_account(fake_x, store):
    from audience import find
    from audience.crawl import Crawler
    from audience.platforms.x import XPlatform
    from audience.privacy import forget, plan_forget

    def crawl(refresh: bool) -> None:
        platform = XPlatform(fake_x.bearer_token, base_url=fake_x.base_url)
        crawler = Crawler(store, platform, refresh=refresh)
        subject = find.resolve_handles(crawler, ["@zoe_writes"]).accounts[0]
        find.crawl_follows(crawler, subject)

    crawl(refresh=False)
    victim = store.query(
        "SELECT a.handle FROM follows f JOIN accounts a ON a.id = f.followed_id LIMIT 1"
    )[0]["handle"]
    forget(store, plan_forget(store, f"@{victim}", platform="x"))
    crawl(refresh=True)
    assert store.find_account("x", victim) is None
    assert store.scalar("SELECT count(*) FROM follows") == 2500 - 1


def test_14_15_the_report_in_the_demo_folder_is_dated_as_of_the_demo(demo_folder, monkeypatch):
    monkeypatch.chdir(demo_folder)
    result = runner.invoke(app, ["report", "-o", "again.html"])
    assert result.exit_code == 0, result.output
    assert "2026-11-20 12:00 UTC" in (demo_folder / "again.html").read_text(encoding="utf-8")


def test_14_19_segment_show_says_when_its_table_is_cut(workspace):
    from audience.models import Account
    from audience.store import open_store

    store = open_store(workspace)
    with store.transaction():
        store.upsert_accounts([Account("x", str(n), handle=f"writer{n}") for n in range(3)])
    store.close()
    db = ["--db", str(workspace)]
    added = runner.invoke(app, ["segment", "add", "press", "@writer0", "@writer1", "@writer2", *db])
    assert added.exit_code == 0, added.output
    shown = runner.invoke(app, ["segment", "show", "press", "-n", "2", *db])
    assert "2 members and more: raise --limit" in " ".join(shown.output.split())
    whole = runner.invoke(app, ["segment", "show", "press", *db])
    assert "3 members (*" in " ".join(whole.output.split())


def test_14_14_db_before_the_subcommand_beats_the_environment(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIENCE_DB", str(tmp_path / "elsewhere" / "audience.db"))
    result = runner.invoke(app, ["--db", str(workspace), "status", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["workspace"] == str(workspace)
