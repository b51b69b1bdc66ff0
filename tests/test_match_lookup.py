"""`audience match --lookup` against the local fake servers, through the real client libraries:
candidates are fetched live, stored, and scored with the same evidence as stored accounts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audience.importers.contacts import read_contacts
from audience.matching.lookup import lookup_and_match
from audience.people import save_contacts
from audience.platforms.bluesky import BlueskyPlatform
from audience.platforms.linkedin import LinkedInPlatform
from audience.platforms.x import XPlatform
from tests.fakes.bluesky_api import FakeBluesky
from tests.fakes.linkedin_api import FakeLinkedIn
from tests.fakes.x_api import FakeX

BOOK = """Name,E-mail Address,Company,Job Title,City
Ruth Byrne,ruth.byrne@customerdesk.example,Customer Desk Weekly,Reporter,London
David Mears,mearsd@novaleaf.example,Novaleaf Studios,News Editor,Bristol
Rachel Dougherty,rachel@epochgames.example,Epoch Games,Art Director,Los Angeles
"""


@pytest.fixture
def people(store, tmp_path: Path):
    path = tmp_path / "book.csv"
    path.write_text(BOOK, encoding="utf-8")
    save_contacts(store, read_contacts(path), "test book")
    return {row["name"]: row["id"] for row in store.query("SELECT id, name FROM people")}


def accepted(store, platform: str) -> dict[str, tuple[str, list[dict]]]:
    rows = store.query(
        "SELECT p.name, a.handle, m.evidence FROM matches m JOIN people p ON p.id = m.person_id "
        "JOIN accounts a ON a.id = m.account_id WHERE m.platform = ? AND m.status = 'accepted'",
        [platform],
    )
    return {r["name"]: (r["handle"], json.loads(r["evidence"])) for r in rows}


def test_x_lookup_guesses_handles_in_batches_and_rejects_the_namesake(store, people):
    fake = FakeX(seed_recordings=False)
    fake.add_user(
        user_id="1",
        username="dmears",
        name="David Mears",
        description="News Editor @NovaleafStudios",
        location="Bristol",
        website="https://novaleaf.example",
    )
    fake.add_user(
        user_id="2",
        username="davidmears",
        name="David Mears",
        description="Realtor. Dallas homes.",
        location="Dallas, TX",
    )
    fake.add_user(
        user_id="3",
        username="ruthbyrne",
        name="Ruth Byrne",
        description="Reporter at Customer Desk Weekly",
        location="London",
    )
    with fake:
        platform = XPlatform(fake.bearer_token, base_url=fake.base_url)
        summary = lookup_and_match(store, platform, budget=10)
    batches = [r.arg("usernames").split(",") for r in fake.calls("/2/users/by")]
    assert batches and all(len(b) <= 100 for b in batches)
    assert summary.requests == len(batches) and summary.found == 3
    found = accepted(store, "x")
    assert found["David Mears"][0] == "dmears"  # not the Dallas namesake
    assert found["Ruth Byrne"][0] == "ruthbyrne"
    kinds = {e["kind"] for e in found["David Mears"][1]}
    assert len(kinds) >= 2  # more than the name: handle, organisation, domain or city


def test_x_lookup_stops_at_the_budget(store, people):
    fake = FakeX(seed_recordings=False)
    with fake:
        platform = XPlatform(fake.bearer_token, base_url=fake.base_url)
        platform.costs = {
            **platform.costs,
            "lookup": platform.costs["lookup"].__class__(
                requests=300, window_seconds=900, page_size=2
            ),
        }
        summary = lookup_and_match(store, platform, budget=2)
    assert summary.requests == 2 and summary.stopped == "budget"
    assert len(fake.calls("/2/users/by")) == 2


def test_bluesky_lookup_searches_actors(store, people):
    with FakeBluesky() as fake:
        fake.add_account(
            "ruthbyrne.bsky.social",
            displayName="Ruth Byrne",
            description="Reporter, Customer Desk Weekly. London.",
        )
        fake.add_account(
            "ruth-b.bsky.social",
            displayName="Ruth Byrne",
            description="Gardener in Perth, Australia.",
        )
        platform = BlueskyPlatform(appview_url=fake.base_url, pds_url=fake.base_url)
        summary = lookup_and_match(store, platform, budget=10)
        searched = [r.arg("q") for r in fake.calls("app.bsky.actor.searchActors")]
    assert "Ruth Byrne" in searched and summary.requests == len(searched)
    assert accepted(store, "bluesky")["Ruth Byrne"][0] == "ruthbyrne.bsky.social"


def linkedin_env(monkeypatch, fake: FakeLinkedIn, tmp_path: Path) -> None:
    monkeypatch.setenv("LINKEDIN_USERNAME", fake.username)
    monkeypatch.setenv("LINKEDIN_PASSWORD", fake.password)
    monkeypatch.setenv("LINKEDIN_BASE_URL", fake.base_url)
    monkeypatch.setenv("LINKEDIN_COOKIES_DIR", str(tmp_path / "cookies"))
    # linkedin-api sleeps 2-5 s before each request (test_platform_linkedin checks it does)
    monkeypatch.setattr("linkedin_api.linkedin.sleep", lambda seconds: None)


def test_linkedin_lookup_searches_by_name_and_company(store, people, tmp_path, monkeypatch):
    with FakeLinkedIn() as fake:
        linkedin_env(monkeypatch, fake, tmp_path)
        summary = lookup_and_match(store, LinkedInPlatform.from_env(), budget=5, per_person=5)
        sent = [r.arg("variables") for r in fake.calls("/graphql")]
    assert any("epoch games" in v.lower() for v in sent)  # the company filter went along
    assert summary.found >= 1
    rachel = store.query(
        "SELECT m.status, a.raw FROM matches m JOIN accounts a ON a.id = m.account_id "
        "JOIN people p ON p.id = m.person_id WHERE p.name = 'Rachel Dougherty'"
    )
    assert rachel and rachel[0]["status"] in ("accepted", "review"), summary
    assert json.loads(rachel[0]["raw"])["best_effort"] is True


def test_linkedin_profile_with_her_other_family_name_in_brackets(store, tmp_path, monkeypatch):
    """The recorded search answer shows "Rachel Dougherty (Owens)"; her old contact card
    knows her as Rachel Owens."""
    path = tmp_path / "book.csv"
    path.write_text(
        "Name,E-mail Address,Company,Job Title,City\n"
        "Rachel Owens,rowens@epochgames.example,Epoch Games,Art Director,Los Angeles\n",
        encoding="utf-8",
    )
    save_contacts(store, read_contacts(path), "old book")
    with FakeLinkedIn() as fake:
        linkedin_env(monkeypatch, fake, tmp_path)
        lookup_and_match(store, LinkedInPlatform.from_env(), budget=5, per_person=5)
    found = store.query(
        "SELECT m.status, a.display_name FROM matches m JOIN accounts a ON a.id = m.account_id"
    )
    assert [(r["display_name"], r["status"]) for r in found] == [
        ("Rachel Dougherty (Owens)", "accepted")
    ]
