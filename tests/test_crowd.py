"""The crowd over time, journalist moves, compare and groups: figures and their commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from audience.compare import CompareError, compare
from audience.groups import MIN_MEANINGFUL, find_groups
from audience.history import crowd_over_time, find_moves, read_job, update_press_evidence
from audience.models import Account
from audience.privacy import forget, plan_forget
from audience.store import Store, open_store
from tests.test_export import add_account, add_to_segment


def snapshot(store: Store, kind: str, taken_at: str, members: list[int], complete=1) -> None:
    snapshot_id = store.execute(
        "INSERT INTO snapshots (platform, kind, source, taken_at, count, complete) "
        "VALUES ('x', ?, 'archive', ?, ?, ?) RETURNING id",
        [kind, taken_at, len(members), complete],
    ).fetchone()[0]
    store._conn.executemany(
        "INSERT INTO snapshot_members (snapshot_id, account_id) VALUES (?, ?)",
        [(snapshot_id, m) for m in members],
    )


def seed_history(store: Store) -> dict[str, int]:
    ids: dict[str, int] = {}
    with store.transaction():
        ids["me"] = add_account(store, "x", "1", "me_pr")
        store.execute("INSERT INTO my_accounts VALUES ('x', ?)", [ids["me"]])
        for n in range(2, 9):
            ids[f"a{n}"] = add_account(store, "x", str(n), f"acct{n}", followers_count=n * 100)
        add_to_segment(store, "press", ids["a2"], "journalist")
        add_to_segment(store, "press", ids["a3"], "journalist")
        add_to_segment(store, "customers", ids["a4"])
        # Monday 2026-03-02, then Wednesday 2026-03-11 (two that day), then 2026-03-12
        snapshot(store, "followers", "2026-03-02T08:00:00+00:00", [ids["a2"], ids["a4"]])
        snapshot(store, "following", "2026-03-02T08:00:00+00:00", [ids["a2"], ids["a5"]])
        snapshot(store, "followers", "2026-03-11T08:00:00+00:00", [ids["a2"], ids["a3"]])
        snapshot(store, "followers", "2026-03-11T20:00:00+00:00", [ids["a2"], ids["a3"], ids["a5"]])
        snapshot(store, "followers", "2026-03-12T08:00:00+00:00", [ids["a3"]], complete=0)
    return ids


def test_crowd_over_time_counts_days_weeks_and_segments(store):
    ids = seed_history(store)
    history = crowd_over_time(store)
    assert [(d.day, d.followers, d.following, d.follow_back) for d in history.days] == [
        ("2026-03-02", 2, 2, 1),
        ("2026-03-11", 3, 2, 2),  # the day's last snapshot; the incomplete one not at all
    ]
    assert history.days[0].follow_back_rate == 0.5
    assert history.days[0].by_segment == {"customers": 1, "press": 1}
    assert history.days[1].by_segment == {"press": 2}
    # the week of Monday 2026-03-09: +a3 (first of the day), then +a5; -a4 once
    [week] = history.weeks
    assert (week.week, week.gained, week.lost) == ("2026-03-09", 2, 1)
    assert week.by_segment == {"customers": (0, 1), "press": (1, 0)}
    assert ids["a5"]  # a5 is in no segment: counted in the total only


def test_detail_is_capped_and_counts_are_not(store):
    from audience.history import _spread

    seed_history(store)
    history = crowd_over_time(store, detail=1)
    assert [d.followers for d in history.days] == [2, 3]  # sizes: every day
    assert [d.follow_back for d in history.days] == [None, 2]  # members: the latest only
    assert _spread(100, 5) == {0, 25, 50, 74, 99} and _spread(3, 5) == {0, 1, 2}


def test_crowd_command_json(workspace):
    store = open_store(workspace)
    seed_history(store)
    store.close()
    result = CliRunner().invoke(_app(), ["crowd", "--db", str(workspace), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["followers"] for d in data["days"]] == [2, 3]
    assert data["weeks"][0]["gained"] == 2


# ---- moves ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "role", "outlet", "beat"),
    [
        ("Reporter at Customer Desk Weekly covering contact centres.", "Reporter", None, None),
        (
            "Features Editor, Harbourlight Media. Long reads.",
            "Features Editor",
            "Harbourlight Media",
            None,
        ),
        ("Dad, runner, football.", None, None, None),
    ],
)
def test_read_job(bio, role, outlet, beat):
    job = read_job(bio)
    assert job.role == role
    if outlet:
        assert job.outlet == outlet


def test_read_job_beat():
    job = read_job("Senior Reporter at Cedarline Media covering consumer tech & customer service.")
    assert (job.role, job.outlet, job.beat) == (
        "Reporter",
        "Cedarline Media",
        "consumer tech & customer service",
    )


def _bio(store: Store, platform_id: str, handle: str, bio: str) -> int:
    with store.transaction():
        return store.upsert_accounts([Account("x", platform_id, handle=handle, bio=bio)])[
            platform_id
        ]


def test_moves_from_bio_history(store):
    yara = _bio(store, "10", "yara", "Reporter at Customer Desk Weekly. Contact centres.")
    _bio(store, "10", "yara", "Senior Reporter at Cedarline Media. Contact centres.")
    sam = _bio(store, "11", "sam", "Editor, The Daily Lantern.")
    _bio(store, "11", "sam", "Editor, The Daily Lantern. Views mine.")  # same job: no move
    _bio(store, "12", "pia", "Correspondent, The Daily Lantern.")
    _bio(store, "12", "pia", "Political Editor, The Daily Lantern.")
    with store.transaction():
        add_to_segment(store, "press", yara, 'journalist ("Reporter" in bio)')
        add_to_segment(store, "press", sam, "journalist")
    moves = find_moves(store)
    assert {m.handle for m in moves} == {"yara", "pia"}
    yara_move = next(m for m in moves if m.handle == "yara")
    assert yara_move.changed == ["outlet"]
    assert yara_move.summary == (
        "was Reporter @Customer Desk Weekly, now Reporter @Cedarline Media"
    )
    assert [m.handle for m in find_moves(store, segment="press")] == ["yara"]
    future = datetime.now(UTC) + timedelta(days=1)
    assert find_moves(store, since=future) == []
    assert update_press_evidence(store, moves) == 1  # yara only: pia is not in the press
    reason = store.scalar("SELECT reason FROM segment_members WHERE account_id = ?", [yara])
    assert reason.startswith('journalist ("Reporter" at Cedarline Media in bio); moved ')
    forget(store, plan_forget(store, "@yara"))
    assert [m.handle for m in find_moves(store)] == ["pia"]


def test_moves_command(workspace):
    store = open_store(workspace)
    yara = _bio(store, "10", "yara", "Reporter at Customer Desk Weekly.")
    _bio(store, "10", "yara", "Reporter at Cedarline Media.")
    with store.transaction():
        add_to_segment(store, "press", yara, "journalist")
    store.close()
    result = CliRunner().invoke(_app(), ["moves", "--db", str(workspace), "--since", "90d"])
    assert result.exit_code == 0, result.output
    assert "was Reporter @Customer Desk Weekly" in result.output
    as_json = CliRunner().invoke(_app(), ["moves", "--db", str(workspace), "--json"])
    assert json.loads(as_json.stdout)[0]["now"]["outlet"] == "Cedarline Media"
    bad = CliRunner().invoke(_app(), ["moves", "--db", str(workspace), "--since", "soon"])
    assert bad.exit_code == 2 and "--since 'soon'" in bad.output


# ---- compare -------------------------------------------------------------------------------------


def seed_compare(store: Store) -> dict[str, int]:
    ids = seed_history(store)
    with store.transaction():
        rival = ids["rival"] = add_account(store, "x", "99", "rival_hq")
        store.execute("UPDATE accounts SET country = 'IE' WHERE id = ?", [ids["a6"]])
        store.execute("UPDATE accounts SET bio = 'All about #cx' WHERE id = ?", [ids["a7"]])
        add_to_segment(store, "press", ids["a6"], "journalist")
        store.add_follows([(ids[k], rival) for k in ("a3", "a6", "a7", "a8")])
        store.add_follows([(ids["a8"], ids["me"])])
    return ids


def test_compare_followers(store):
    ids = seed_compare(store)
    result = compare(store, "@me_pr", "rival_hq", topics=["#cx"])
    # mine: latest complete snapshot (a2, a3, a5) and the stored edge a8 -> me
    assert result.mine.members == {ids["a2"], ids["a3"], ids["a5"], ids["a8"]}
    assert result.overlap == 2 and result.missing_total == 2
    assert [r["handle"] for r in result.missing] == ["acct6", "acct7"]  # press first, then #cx
    assert result.theirs.segments["press"] == 2 and result.mine.segments["press"] == 2
    assert result.theirs.countries["IE"] == 1
    data = result.as_dict()
    assert data["only_mine"] == 2 and data["jaccard"] == round(2 / 6, 4)


def test_compare_errors(store):
    seed_compare(store)
    with pytest.raises(CompareError, match="No x account '@nobody'"):
        compare(store, "@me_pr", "@nobody")
    with pytest.raises(CompareError, match="No following of rival_hq are stored"):
        compare(store, "@me_pr", "rival_hq", by="following")
    with pytest.raises(CompareError, match="--by 'likes'"):
        compare(store, "@me_pr", "rival_hq", by="likes")


def test_compare_command(workspace):
    store = open_store(workspace)
    seed_compare(store)
    store.close()
    result = CliRunner().invoke(
        _app(), ["compare", "@me_pr", "@rival_hq", "--db", str(workspace), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["overlap"] == 2
    missing = CliRunner().invoke(_app(), ["compare", "@me_pr", "@x", "--db", str(workspace)])
    assert missing.exit_code == 1 and "No x account" in missing.output


# ---- groups --------------------------------------------------------------------------------------


def seed_groups(store: Store) -> dict[str, list[int]]:
    """Two tight clusters of press members (each follows the others in its cluster) joined by
    one edge, and a pair that only follow each other."""
    clusters: dict[str, list[int]] = {"cx": [], "politics": [], "pair": []}
    bios = {
        "cx": "Contact centre reporter, customer service",
        "politics": "Political correspondent, Westminster",
        "pair": "Gardening",
    }
    with store.transaction():
        for name, size in (("cx", 6), ("politics", 6), ("pair", 2)):
            for n in range(size):
                account = add_account(
                    store, "x", f"{name}{n}", f"{name}_{n}", bio=f"{bios[name]} {n}"
                )
                clusters[name].append(account)
                add_to_segment(store, "press" if name != "pair" else "customers", account)
        for members in clusters.values():
            store.add_follows([(a, b) for a in members for b in members if a != b])
        store.add_follows([(clusters["cx"][0], clusters["politics"][0])])
    return clusters


def test_groups_find_the_clusters_and_name_them(store):
    clusters = seed_groups(store)
    groups = find_groups(store)
    assert sorted(sorted(g.member_ids) for g in groups) == sorted(
        sorted(c) for c in clusters.values()
    )
    cx = next(g for g in groups if set(g.member_ids) == set(clusters["cx"]))
    words = {"contact", "centre", "reporter", "customer", "service"}
    assert cx.terms and set(cx.terms) <= words
    assert cx.size == 6 and cx.crowd_members == 6 and not cx.too_small
    pair = next(g for g in groups if set(g.member_ids) == set(clusters["pair"]))
    assert pair.too_small and pair.size < MIN_MEANINGFUL
    assert pair.segments == [("customers", 2)]
    assert pair.name.startswith("gardening")
    assert groups[0].size >= groups[-1].size


def test_groups_leave_out_forgotten_and_empty(store):
    assert find_groups(store) == []
    clusters = seed_groups(store)
    forget(store, plan_forget(store, "@cx_1"))
    members = {m for g in find_groups(store) for m in g.member_ids}
    assert clusters["cx"][1] not in members


def test_groups_command_json(workspace):
    store = open_store(workspace)
    seed_groups(store)
    store.close()
    result = CliRunner().invoke(_app(), ["groups", "--db", str(workspace), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 3 and data[-1]["too_small"] is True
    table = CliRunner().invoke(_app(), ["groups", "--db", str(workspace)])
    assert "too small to mean anything" in table.output


def _app():
    from commands import app

    return app
