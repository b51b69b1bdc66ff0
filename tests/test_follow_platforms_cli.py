"""``audience follow`` on Bluesky and Mastodon through the CLI and the real atproto and
Mastodon.py clients: follow-back suggestions, the bulk-follow warning, pending requests, a lost
answer settled from the platform, pagination of List members, and the [follow] settings."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from audience.models import Account
from tests.fakes.bluesky_api import FakeBluesky
from tests.fakes.mastodon_api import FakeMastodon
from tests.fakes.server import Response
from tests.test_lists import bsky_env, no_pauses, put_in_segment, run, text


class DropAfterFollow(FakeBluesky):
    def __init__(self, **options):
        super().__init__(**options)
        self.subject: str | None = None

    def _create_record(self, request, viewer):
        response = super()._create_record(request, viewer)
        if request.json().get("record", {}).get("subject") == self.subject:
            self.subject = None
            return Response(drop=True)
        return response


def test_bluesky_followback_dry_run_warns_and_apply_resumes_after_a_lost_answer(
    workspace, monkeypatch
):
    with DropAfterFollow() as fake:
        bsky_env(monkeypatch, fake)
        fans = [
            fake.add_account(
                f"fan{n}.bsky.social",
                displayName=f"Fan {n}",
                description="Head of customer experience at a contact centre",
            )
            for n in range(4)
        ]
        for did in fans:
            fake.follow(did, fake.did)
            fake.add_post(did, "Contact centre staffing tips #cx")
        no_pauses(workspace, "[follow]\nwarn_bluesky_daily = 2\n")
        (workspace.parent / "audience.toml").write_text(
            (workspace.parent / "audience.toml").read_text()
            + '[topics]\nkeywords = ["contact centre"]\nhashtags = ["#cx"]\n'
        )
        assert run(workspace, "sync", "--platform", "bluesky").exit_code == 0

        dry = run(workspace, "follow", "--followback", "-p", "bluesky", "--json")
        plan = json.loads(dry.stdout)
        assert len(plan["follow"]) == 4 and all(
            c["why"].startswith("follows you") for c in plan["follow"]
        )
        assert "above 2" in plan["warnings"][0] and "bulk" in plan["warnings"][0]
        assert fake.created_records == []

        fake.subject = fans[1]
        crashed = run(workspace, "follow", "--followback", "-p", "bluesky", "--apply", "--yes")
        assert crashed.exit_code == 4
        resumed = run(workspace, "follow", "--followback", "-p", "bluesky", "--apply", "--yes")

    assert resumed.exit_code == 0, resumed.output
    assert "1 had taken effect" in text(resumed)
    assert Counter(fake.follows_created(d) for d in fans) == Counter({1: 4})  # each once


@pytest.fixture
def masto(monkeypatch):
    with FakeMastodon() as server:
        server.open = server.add_account("ann@news.example")
        server.locked = server.add_account("lee@news.example", locked=True)
        monkeypatch.setenv("MASTODON_API_BASE_URL", server.base_url)
        monkeypatch.setenv("MASTODON_ACCESS_TOKEN", server.token)
        yield server


def test_mastodon_follow_records_a_pending_request_and_never_resends_it(workspace, masto):
    no_pauses(workspace)
    assert run(workspace, "sync", "--platform", "mastodon").exit_code == 0

    first = run(
        workspace,
        "follow",
        "@ann@news.example",
        "@lee@news.example",
        "-p",
        "mastodon",
        "--apply",
        "--yes",
    )
    again = run(
        workspace, "follow", "@ann@news.example", "@lee@news.example", "-p", "mastodon", "--json"
    )

    assert first.exit_code == 0, first.output
    assert "pending (locked accounts): @lee@news.example" in text(first)
    assert masto.follows_sent == [masto.open, masto.locked]
    skipped = {c["handle"]: c["skip"] for c in json.loads(again.stdout)["skipped"]}
    assert skipped["ann@news.example"].startswith("already followed")
    assert skipped["lee@news.example"].startswith("follow request pending since")


def test_mastodon_list_pull_follows_the_link_header_through_every_page(workspace, masto):
    no_pauses(workspace)
    assert run(workspace, "sync", "--platform", "mastodon").exit_code == 0
    ids = [masto.add_account(f"member{n}@far.example") for n in range(100)]
    masto.lists["9"] = {"id": "9", "title": "Big", "replies_policy": "list"}
    masto.list_members["9"] = ids

    result = run(workspace, "lists", "pull", "-p", "mastodon", "--json")

    assert json.loads(result.stdout)[0]["members"] == 100
    pages = masto.calls(r"/api/v1/lists/9/accounts")
    assert len(pages) == 2 and pages[1].arg("max_id")


def test_bluesky_remove_pages_through_the_list_to_find_the_item(workspace, monkeypatch):
    with FakeBluesky() as fake:
        bsky_env(monkeypatch, fake)
        members = [fake.add_account(f"m{n}.bsky.social") for n in range(150)]
        uri = fake.add_list(fake.did, "Big", members)
        no_pauses(workspace)
        assert run(workspace, "sync", "--platform", "bluesky").exit_code == 0
        assert run(workspace, "lists", "pull", "-p", "bluesky").exit_code == 0
        put_in_segment(
            workspace,
            "big",
            [
                Account("bluesky", d, handle=f"m{n}.bsky.social")
                for n, d in enumerate(members[:149])
            ],
        )

        plan = json.loads(
            run(
                workspace,
                "lists",
                "push",
                "big",
                "-p",
                "bluesky",
                "--name",
                "Big",
                "--sync",
                "--json",
            ).stdout
        )
        done = run(
            workspace,
            "lists",
            "push",
            "big",
            "-p",
            "bluesky",
            "--name",
            "Big",
            "--sync",
            "--apply",
            "--yes",
        )

    assert [m["handle"] for m in plan["remove"]] == ["m149.bsky.social"]
    assert done.exit_code == 0, done.output
    assert fake.list_items[uri] == members[:149]
    assert len(fake.calls("getList")) >= 4  # two pages to pull, two to find the item


@pytest.mark.parametrize(
    "toml",
    ["[follow]\nlist_daily_cap = -1\n", '[follow.x]\ndaily_cap = "many"\n', "[follow]\nx = 3\n"],
)
def test_bad_follow_settings_are_a_clear_config_error(workspace, toml):
    (workspace.parent / "audience.toml").write_text(toml, encoding="utf-8")
    result = run(workspace, "follow", "@someone", "--offline")
    assert result.exit_code == 2
    assert "audience.toml" in text(result) and "follow" in text(result)


def test_nothing_is_written_without_apply(workspace, masto):
    no_pauses(workspace)
    assert run(workspace, "sync", "--platform", "mastodon").exit_code == 0
    put_in_segment(
        workspace, "press", [Account("mastodon", "ann@news.example", handle="ann@news.example")]
    )
    before = len(masto.requests)

    run(workspace, "follow", "--segment", "press", "-p", "mastodon")
    run(workspace, "lists", "push", "press", "-p", "mastodon", "--follow-first", "--sync")

    writes = [r for r in masto.requests[before:] if r.method in ("POST", "DELETE", "PUT")]
    assert writes == [] and masto.follows_sent == [] and masto.list_writes == []
    assert Path(workspace).exists()
