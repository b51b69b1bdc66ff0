"""Own-account snapshots from twarc2 output (``import twarc --owner``) and replays with
``--as-of``: prune and follow-backs work, grace period included, without API access."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audience.config import Rules
from audience.followback import followback_queue
from audience.importers.social import save_social_import
from audience.importers.twarc import read_twarc
from audience.prune import review
from audience.sync import latest_snapshot, snapshot_members
from commands import app as cli

AS_OF = datetime(2026, 11, 30, tzinfo=UTC)


def user(uid: str, username: str, description: str = "Contact centre lead", **extra) -> dict:
    return {
        "id": uid,
        "username": username,
        "name": username.title(),
        "description": description,
        "location": "Leeds, UK",
        "created_at": "2015-01-01T00:00:00.000Z",
        "public_metrics": {"followers_count": 500, "following_count": 400, "tweet_count": 900},
        **extra,
    }


def page(kind: str, owner_id: str, users: list[dict], retrieved: str) -> dict:
    return {
        "data": users,
        "meta": {"result_count": len(users)},
        "__twarc": {
            "url": f"https://api.twitter.com/2/users/{owner_id}/{kind}?max_results=1000",
            "version": "2.14.0",
            "retrieved_at": retrieved,
        },
    }


def write(path: Path, pages: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(p) for p in pages) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def export(tmp_path) -> Path:
    following = [
        user("11", "steady_peer"),
        user("12", "gardener42", "Roses and compost. Follow back!"),
        user("13", "reporter_kim", "Retail reporter at @ShopfloorWeekly"),
    ]
    followers = [user("11", "steady_peer"), user("14", "new_fan", "Contact centre coach")]
    return write(
        tmp_path / "mine.jsonl",
        [
            {"data": [user("1", "our_brand", "Us")]},
            page("following", "1", following, "2026-11-29T10:00:00Z"),
            page("followers", "1", followers, "2026-11-29T10:05:00Z"),
        ],
    )


def test_owner_pages_become_snapshots(store, export):
    data = read_twarc(export, owner="@our_brand")
    assert data.owner.platform_id == "1"
    assert sorted(data.following_ids) == ["11", "12", "13"]
    assert sorted(data.follower_ids) == ["11", "14"]
    save_social_import(store, data)
    following = latest_snapshot(store, "x", "following")
    assert following.taken_at.startswith("2026-11-29T10:05")
    assert len(snapshot_members(store, following.id)) == 3

    found = review(store, Rules(keywords=["contact centre"], home_regions=["GB"]), "x", AS_OF)
    suggested = {s.handle for s in found.suggestions}
    assert "gardener42" in suggested  # follow-for-follow, off-topic, not following back
    assert "reporter_kim" not in suggested and "steady_peer" not in suggested
    assert [c.handle for c in found.checks] == ["reporter_kim"]


def test_owner_not_in_the_file_is_an_input_error(tmp_path):
    path = write(
        tmp_path / "two.jsonl",
        [
            page("following", "1", [user("11", "a")], "2026-11-29T10:00:00Z"),
            page("following", "2", [user("12", "b")], "2026-11-29T10:00:00Z"),
        ],
    )
    from audience.errors import InputError

    with pytest.raises(InputError, match="not in the file"):
        read_twarc(path, owner="@nobody")


def test_grace_period_and_follow_backs_are_replayed_as_of_a_date(store, tmp_path, export):
    save_social_import(store, read_twarc(export, owner="@our_brand"))
    later = [user("11", "steady_peer"), user("12", "gardener42"), user("13", "reporter_kim")]
    later.append(user("15", "fresh_follow", "Roses and compost. Follow back!"))
    save_social_import(
        store,
        read_twarc(
            write(
                tmp_path / "later.jsonl",
                [
                    {"data": [user("1", "our_brand", "Us")]},
                    page("following", "1", later, "2026-12-03T09:00:00Z"),
                ],
            ),
            owner="our_brand",
        ),
    )
    rules = Rules(keywords=["contact centre"], home_regions=["GB"])
    soon = review(store, rules, "x", datetime(2026, 12, 5, tzinfo=UTC))
    assert "fresh_follow" not in {s.handle for s in soon.suggestions}  # in the grace period
    after = review(store, rules, "x", datetime(2026, 12, 3, tzinfo=UTC) + timedelta(days=20))
    assert "fresh_follow" in {s.handle for s in after.suggestions}

    queue = followback_queue(store, rules, "x", AS_OF, everyone=True)
    assert [c.handle for c in queue.worth] == ["new_fan"]


def test_cli_import_owner_then_prune_as_of(tmp_path, workspace, export):
    app = cli
    runner = CliRunner()
    done = runner.invoke(
        app, ["import", "twarc", str(export), "--owner", "@our_brand", "--db", str(workspace)]
    )
    assert done.exit_code == 0, done.output
    assert "snapshot: following" in done.output
    result = runner.invoke(
        app,
        ["prune", "--as-of", "2026-11-30", "--near-misses", "--json", "--db", str(workspace)],
    )
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [c["handle"] for c in listed["checks"]] == ["reporter_kim"]
    bad = runner.invoke(app, ["prune", "--as-of", "last tuesday", "--db", str(workspace)])
    assert bad.exit_code == 2 and "--as-of" in bad.output


def test_a_replay_sees_only_the_snapshots_of_that_day(store, tmp_path, export):
    from audience.sync import NeedsSync

    save_social_import(store, read_twarc(export, owner="@our_brand"))
    later = [user("11", "steady_peer"), user("16", "dup_spam_99871", "Follow back!")]
    save_social_import(
        store,
        read_twarc(
            write(
                tmp_path / "later.jsonl",
                [page("following", "1", later, "2026-12-20T09:00:00Z")],
            ),
            owner="our_brand",
        ),
    )
    rules = Rules(keywords=["contact centre"], home_regions=["GB"])
    then = review(store, rules, "x", AS_OF, margin=1.0, as_of=True)
    seen = {s.handle for s in [*then.suggestions, *then.near_misses, *then.checks]}
    assert seen == {"steady_peer", "gardener42", "reporter_kim"}
    now = review(store, rules, "x", datetime(2027, 2, 1, tzinfo=UTC), margin=1.0)
    assert {s.handle for s in [*now.suggestions, *now.near_misses]} == {
        "steady_peer",
        "dup_spam_99871",
    }
    with pytest.raises(NeedsSync):
        review(store, rules, "x", datetime(2026, 11, 1, tzinfo=UTC), as_of=True)
