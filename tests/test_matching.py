"""The matcher: names, each kind of evidence, decisions, persistence, bylines, identities."""

from __future__ import annotations

import json

import numpy as np
import pytest

from audience.errors import InputError
from audience.matching import evidence as ev
from audience.matching import match_people
from audience.matching.bylines import Byline, match_bylines, parse_byline, read_bylines_csv
from audience.matching.identity import card_refs, link_identities, profile_refs
from audience.matching.lookup import guessed_handles, lookup_and_match
from audience.matching.names import (
    alternate_family_names,
    clean_display_name,
    clean_display_names,
    fold,
    fold_lines,
    given_compatible,
    handle_id,
    handle_ids,
    org_key,
    parse_display_name,
    url_domain,
    url_domains,
    words,
    words_many,
)
from audience.matching.review import decide, list_matches, next_for_review
from audience.models import Account, Lookup
from audience.platforms.base import EndpointCost
from audience.store import now_iso

# ---- helpers ------------------------------------------------------------------------------

# these tests read candidates as unlikely as 0.15, below the default review floor (0.35)
LOW_FLOOR = 0.15


def add_person(
    store,
    name,
    *,
    given=None,
    family=None,
    org=None,
    title=None,
    city=None,
    emails=(),
    social=(),
    linkedin_url=None,
    urls=(),
    points=(),
):
    t = now_iso()
    pid = store.execute(
        "INSERT INTO people (name, given_name, family_name, organisation, title, city, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [name, given, family, org, title, city, t, t],
    ).fetchone()[0]
    cid = store.execute(
        "INSERT INTO contacts (person_id, source, source_format, source_key, full_name, "
        "given_name, family_name, organisation, title, city, emails, urls, social, linkedin_url, "
        "imported_at) VALUES (?, 'book', 'csv', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            pid,
            str(pid),
            name,
            given,
            family,
            org,
            title,
            city,
            json.dumps(list(emails)),
            json.dumps(list(urls)),
            json.dumps([list(s) for s in social]),
            linkedin_url,
            t,
        ],
    ).fetchone()[0]
    for kind, value in points:
        store.execute("INSERT INTO contact_points VALUES (?, ?, ?)", [cid, kind, value])
    return pid


_next_id = iter(range(1000, 100000))


def add_account(
    store, handle, display, bio=None, location=None, website=None, platform="x", url=None
):
    pid = str(next(_next_id))
    return store.upsert_accounts(
        [Account(platform, pid, handle, display, bio, location, website, url=url)]
    )[pid]


def matches(store, person_id=None):
    rows = store.query("SELECT * FROM matches ORDER BY id")
    for row in rows:
        row["kinds"] = [e["kind"] for e in json.loads(row["evidence"])]
    return [r for r in rows if person_id is None or r["person_id"] == person_id]


def only_match(store, person_id):
    found = matches(store, person_id)
    assert len(found) == 1, found
    return found[0]


# ---- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Jane Doe | Editor at X", "jane doe"),
        ("Jane Doe 🌈✨ (she/her)", "jane doe"),
        ("Dr. Jane Doe, PhD", "jane doe"),
        ("Jane Doe - Writer", "jane doe"),
        ("Zoë Lambert-Hughes", "zoe lambert hughes"),
        ("Łukasz Wiśniewski", "lukasz wisniewski"),
        ("Niamh O’Sullivan", "niamh osullivan"),
    ],
)
def test_display_name_noise_is_removed(display, expected):
    assert clean_display_name(display) == expected


def test_fold_and_parse():
    assert fold("王芳") == "wang fang"
    assert fold("ZOË") == "zoe"
    parsed = parse_display_name("Doe, Jane")
    assert (parsed.given, parsed.family) == ("jane", "doe")


def test_names_in_bulk_stay_one_per_line():
    # a trailing " -", " at" or "she /" once let a pattern run on into the next name
    displays = ["Jane Doe -", "Bob Smith", "Ann Lee at", "Tim Cook", "she /", "him Ray"]
    assert clean_display_names(displays) == [clean_display_name(d) for d in displays]
    assert clean_display_names(displays)[:2] == ["jane doe", "bob smith"]


TRICKY_TEXTS = [
    None,
    "",
    "  Zoë O’Brien 🌍 she/her ",
    "王芳",
    "Ｊａｎｅ　Ｄｏｅ",
    "Анна Иванова",
    "two\nlines",
    "d'Arcy, Anne-Marie",
    "Doe, Jane",
    "@D_Mears99",
    "jane.bsky.social",
    "@amy@mastodon.social",
    "HTTPS://www.Novaleaf.co.uk:443/team",
    "user@host.example/x",
]


def test_bulk_helpers_agree_with_the_single_ones():
    assert fold_lines(TRICKY_TEXTS).split("\n") == [
        fold(t).replace("\n", " ").strip() for t in TRICKY_TEXTS
    ]
    assert words_many(TRICKY_TEXTS) == [" ".join(words(t)) for t in TRICKY_TEXTS]
    assert clean_display_names(TRICKY_TEXTS) == [clean_display_name(t) for t in TRICKY_TEXTS]
    assert handle_ids(TRICKY_TEXTS) == [handle_id(t) for t in TRICKY_TEXTS]
    urls = [t for t in TRICKY_TEXTS if "\n" not in (t or "")]
    assert url_domains(urls) == [url_domain(t) for t in urls]


def test_given_names_compare_with_nicknames_and_initials():
    assert given_compatible("bob", "robert")
    assert given_compatible("bill", "william")
    assert given_compatible("j", "jane")
    assert not given_compatible("jane", "john")


def test_org_key_drops_legal_suffixes():
    assert org_key("Harbourlight Media Ltd") == org_key("harbourlight media") != ""
    assert org_key("Andes Outdoor S.A.C.") == "andes outdoor"


def test_profile_refs_in_text():
    refs = profile_refs(
        "me: https://x.com/jdoe, @jdoe@mastodon.social, jdoe.bsky.social "
        "and https://www.linkedin.com/in/jane-doe-12/"
    )
    assert refs == {
        ("x", "jdoe"),
        ("mastodon", "jdoe@mastodon.social"),
        ("bluesky", "jdoe.bsky.social"),
        ("linkedin", "jane-doe-12"),
    }
    assert card_refs("twitter", "zoelh_writes") == {("x", "zoelh_writes")}
    assert card_refs("Mastodon", "amduval") == set()  # no server: not a usable handle


# ---- evidence kinds -----------------------------------------------------------------------


def test_email_local_part_in_handle(store):
    person = add_person(store, "Dan Mears", emails=["mearsd@novaleaf.co.uk"])
    right = add_account(store, "dmears", "Dan Mears")
    namesake = add_account(store, "danmears_paints", "Dan Mears", location="Sheffield")
    match_people(store, review=LOW_FLOOR)
    found = best_match(store, person)
    assert found["account_id"] == right
    assert "email_handle_name_like" in found["kinds"]
    # a local part that is only the name is no proof: the namesake stays worth a look, below
    runner_up = [m for m in matches(store, person) if m["account_id"] == namesake]
    assert [m["status"] for m in runner_up] == ["review"]
    assert runner_up[0]["score"] < found["score"]


def test_distinctive_local_part_outweighs_name(store):
    person = add_person(store, "Zoë Lambert", emails=["zoelh@example.com"])
    right = add_account(store, "zoelh", "ZLH ✍️")
    match_people(store)
    found = only_match(store, person)
    assert (found["account_id"], found["status"]) == (right, "review")
    assert "email_handle" in found["kinds"]


def test_email_domain_on_website(store):
    person = add_person(store, "Priya Natarajan", emails=["priya@brightwater.io"])
    right = add_account(store, "pnat", "Priya Natarajan", website="https://brightwater.io/team")
    add_account(store, "priyan", "Priya Natarajan", website="https://priya.blog")
    match_people(store)
    found = only_match(store, person)
    assert (found["account_id"], found["status"]) == (right, "accepted")
    assert "domain_website" in found["kinds"]


def test_organisation_and_title_in_bio(store):
    person = add_person(store, "Dan Mears", org="Novaleaf Studios Ltd", title="News Editor")
    right = add_account(store, "dm_news", "Dan Mears", bio="News Editor @NovaleafStudios")
    add_account(store, "dmears2", "Dan Mears", bio="Dad. Runner.")
    match_people(store)
    found = only_match(store, person)
    assert (found["account_id"], found["status"]) == (right, "accepted")
    assert {"org_in_bio", "title_in_bio"} <= set(found["kinds"])


def test_city_in_location(store):
    person = add_person(store, "Harriet Okoro-Blake", city="Leeds", org="Brightwater Analytics")
    right = add_account(
        store, "hob", "Harriet Okoro-Blake", bio="Talent at Brightwater", location="Leeds, UK"
    )
    match_people(store)
    found = only_match(store, person)
    assert found["account_id"] == right
    assert {"city_in_location", "org_in_bio"} <= set(found["kinds"])


def test_handle_in_contact_card_is_exact(store):
    person = add_person(store, "Zoë Lambert", social=[("twitter", "zoelh_writes")])
    right = add_account(store, "zoelh_writes", "Zo")
    add_account(store, "zoelambert", "Zoë Lambert", bio="Technology Correspondent")
    match_people(store)
    found = only_match(store, person)
    assert (found["account_id"], found["method"], found["status"]) == (
        right,
        "exact:card",
        "accepted",
    )


def test_linkedin_url_and_contact_points_are_exact(store):
    a = add_person(
        store,
        "Deepa Krishnamurthy",
        linkedin_url="https://www.linkedin.com/in/deepa-krishnamurthy-lf",
    )
    b = add_person(store, "Anne-Marie Duval", points=[("handle", "@amduval@piaille.example")])
    li = add_account(store, "deepa-krishnamurthy-lf", "Deepa K.", platform="linkedin")
    ma = add_account(
        store, "amduval", "AM Duval", platform="mastodon", url="https://piaille.example/@amduval"
    )
    match_people(store)
    assert only_match(store, a)["account_id"] == li
    assert only_match(store, b)["account_id"] == ma
    assert only_match(store, b)["kinds"] == ["card_handle"]


def test_link_between_profiles_is_used(store):
    person = add_person(store, "Wang Fang", social=[("twitter", "wangfang_data")])
    add_account(store, "wangfang_data", "王芳", bio="Data. Also wangfang.bsky.social")
    bsky = add_account(store, "wangfang.bsky.social", "Fang W", platform="bluesky")
    match_people(store, ["x"])
    match_people(store, ["bluesky"])
    found = [m for m in matches(store, person) if m["platform"] == "bluesky"][0]
    assert (found["account_id"], found["method"]) == (bsky, "exact:profile_link")


# ---- names end to end ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact", "display"),
    [
        ("Robert Smith", "Bob Smith | Editor at Daily Planet"),
        ("Zoë Grünfeld", "Zoe Grunfeld"),
        ("Łukasz Kowalski", "Lukasz Kowalski 🇵🇱"),
        ("Jane Doe", "Doe, Jane"),
        ("William Turner", "Dr Bill Turner MBE (he/him)"),
        ("Rachel Owens", "Rachel Dougherty (Owens)"),  # the other family name in brackets
        ("Rachel Dougherty", "Rachel Dougherty (Owens)"),
        ("Siobhán Kelly", "Siobhán Ní Bhriain-Kelly (Kelly)"),
        ("Rachel Dougherty (Owens)", "Rachel Owens"),  # and the other way round
    ],
)
def test_name_variants_match(store, contact, display):
    person = add_person(store, contact, org="Daily Planet", city="Bristol")
    right = add_account(store, "someone", display, bio="Reporter, Daily Planet", location="Bristol")
    add_account(store, "other", "Jane Smithers", bio="Reporter, Daily Planet")
    match_people(store)
    found = only_match(store, person)
    assert (found["account_id"], found["status"]) == (right, "accepted")


def test_a_word_in_brackets_is_another_family_name_only_after_a_name(store):
    assert alternate_family_names(
        [
            "Rachel Dougherty (Owens)",
            "Jane Doe (she/her)",
            "(Owens)",
            "Ann Lee (O'Neill-Byrne)",
            "Tom Hart (Dr)",
            "Sam Roe (Novaleaf Studios)",
            None,
        ]
    ) == ["owens", "", "", "byrne", "", "", ""]
    assert alternate_family_names([]) == clean_display_names([]) == []


def test_matching_an_empty_side_finds_nothing_and_does_not_fail(store):
    match_people(store)  # no people, no accounts
    add_account(store, "someone", "Rachel Dougherty (Owens)")
    match_people(store)  # accounts, no people
    assert store.scalar("SELECT count(*) FROM matches") == 0
    add_person(store, "Rachel Owens")
    store.execute("DELETE FROM accounts")
    match_people(store)  # people, no accounts
    assert store.scalar("SELECT count(*) FROM matches") == 0


def test_names_sharing_only_a_nickname_are_not_candidates(store):
    # the nickname list files "bill" under both Robert and William: that makes them no match
    person = add_person(store, "Robert Murphy", org="Kilnquay Energy")
    add_account(store, "wmurphy", "William Murphy", bio="Engineer at Kilnquay Energy")
    bob = add_account(store, "bobm", "Bob Murphy", bio="Engineer at Kilnquay Energy")
    match_people(store)
    assert only_match(store, person)["account_id"] == bob


def test_profile_after_a_name_ending_in_a_separator_keeps_its_own_name(store):
    person = add_person(store, "Bob Smith", org="Daily Planet")
    add_account(store, "ajanedoe", "Jane Doe -")
    right = add_account(store, "bobsmith_dp", "Bob Smith", bio="Daily Planet")
    match_people(store)
    assert only_match(store, person)["account_id"] == right


# ---- decisions ----------------------------------------------------------------------------


def test_namesakes_elsewhere_are_not_accepted(store):
    person = add_person(store, "Dan Mears", org="Novaleaf Studios", city="London")
    add_account(
        store, "dmears_art", "Dan Mears", bio="Painter at Kiln Gallery", location="Sheffield"
    )
    add_account(store, "dan_mears_us", "Dan Mears", bio="Realtor", location="Austin, TX")
    match_people(store)
    assert [m for m in matches(store, person) if m["status"] == "accepted"] == []


def test_colleague_at_same_company_is_not_proposed(store):
    person = add_person(
        store, "Dan Mears", org="Novaleaf Studios", emails=["mearsd@novaleaf.co.uk"], city="London"
    )
    add_account(
        store,
        "sallyp",
        "Sally Parker",
        bio="Producer @NovaleafStudios",
        website="https://novaleaf.co.uk",
        location="London",
    )
    match_people(store)
    assert matches(store, person) == []


def test_ties_go_to_review(store):
    person = add_person(store, "Jane Doe", org="Harbourlight Media")
    first = add_account(store, "janedoe1", "Jane Doe", bio="Harbourlight Media")
    second = add_account(store, "janedoe2", "Jane Doe", bio="Harbourlight Media")
    summary = match_people(store)
    found = matches(store, person)
    assert {m["account_id"] for m in found} == {first, second}
    assert {m["status"] for m in found} == {"review"}
    assert summary.ties == 1 and "tie" in found[0]["kinds"]


def test_parody_account_loses(store):
    person = add_person(store, "Jane Doe", org="Harbourlight Media")
    right = add_account(store, "janedoe", "Jane Doe", bio="Editor, Harbourlight Media")
    add_account(store, "notjanedoe", "Jane Doe", bio="Parody account. Harbourlight Media")
    match_people(store)
    assert only_match(store, person)["account_id"] == right


def test_person_without_name_or_email_is_reported(store):
    person = add_person(store, None, org="Acme")
    add_account(store, "acme", "Acme")
    summary = match_people(store)
    assert summary.unmatchable == [
        {"person_id": person, "name": "", "reason": "no usable name or e-mail"}
    ]
    assert matches(store) == []


def test_review_decisions_persist_and_are_not_overwritten(store):
    person = add_person(store, "Jane Doe", org="Harbourlight Media")
    first = add_account(store, "janedoe1", "Jane Doe", bio="Harbourlight Media")
    second = add_account(store, "janedoe2", "Jane Doe", bio="Harbourlight Media")
    match_people(store)
    item = next_for_review(store)
    assert item is not None and item.others == 1
    assert next_for_review(store, skip=[item.match["id"]]).match["id"] != item.match["id"]
    decide(store, item.match["id"], "accept")
    assert next_for_review(store) is None  # the other candidate was rejected with it
    chosen = item.match["account_id"]
    other = second if chosen == first else first
    assert store.scalar("SELECT person_id FROM accounts WHERE id = ?", [chosen]) == person
    match_people(store)
    by_account = {m["account_id"]: m for m in matches(store, person)}
    assert (by_account[chosen]["status"], by_account[chosen]["decided_by"]) == (
        "accepted",
        "manual",
    )
    assert by_account[other]["status"] == "rejected"
    assert [r["id"] for r in list_matches(store, "accepted")] == [item.match["id"]]


def test_rejected_pair_is_never_proposed_again(store):
    person = add_person(store, "Dan Mears", org="Novaleaf Studios")
    wrong = add_account(store, "dmears", "Dan Mears", bio="Novaleaf Studios")
    match_people(store)
    match_id = only_match(store, person)["id"]
    decide(store, match_id, "reject")
    assert store.scalar("SELECT person_id FROM accounts WHERE id = ?", [wrong]) is None
    match_people(store)
    found = only_match(store, person)
    assert (found["status"], found["decided_by"]) == ("rejected", "manual")


def test_decide_rejects_unknown_decision(store):
    with pytest.raises(InputError):
        decide(store, 1, "maybe")
    with pytest.raises(InputError):
        decide(store, 999, "accept")


def test_rerun_replaces_automatic_proposals(store):
    person = add_person(store, "Dan Mears", org="Novaleaf Studios")
    add_account(store, "dmears", "Dan Mears", bio="Novaleaf Studios")
    match_people(store)
    match_people(store)
    assert len(matches(store, person)) == 1


# ---- bylines ------------------------------------------------------------------------------


def test_bylines_become_press_people(store, tmp_path):
    assert parse_byline("Jane Doe @ Contact Centre World") == Byline(
        "Jane Doe", "Contact Centre World"
    )
    right = add_account(store, "janedoe_ccw", "Jane Doe", bio="Editor, Contact Centre World")
    summary = match_bylines(store, [parse_byline("Jane Doe @ Contact Centre World")], "x")
    assert summary.press_added == 1
    member = store.query("SELECT * FROM segment_members")[0]
    assert (member["account_id"], member["source"], member["reason"]) == (
        right,
        "match",
        "byline: Contact Centre World",
    )
    assert (
        store.scalar("SELECT organisation FROM people WHERE id = ?", [summary.people[0]])
        == "Contact Centre World"
    )
    again = match_bylines(store, [Byline("Jane Doe", "Contact Centre World")], "x")
    assert again.people == summary.people and again.press_added == 0


def test_bylines_csv(tmp_path):
    good = tmp_path / "b.csv"
    good.write_text("name,outlet,beat\nJane Doe,CCW,CX\n", encoding="utf-8")
    assert read_bylines_csv(good) == [Byline("Jane Doe", "CCW", "CX")]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,outlet\nJane Doe,CCW\n,Nowhere\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_bylines_csv(bad)
    with pytest.raises(InputError, match="name"):
        (tmp_path / "nohead.csv").write_text("who,outlet\nx,y\n", encoding="utf-8")
        read_bylines_csv(tmp_path / "nohead.csv")


# ---- cross-platform identity --------------------------------------------------------------


def test_profiles_naming_each_other_become_one_person(store):
    x = add_account(store, "jdoe", "Jane Doe", bio="Also @jane@mastodon.social")
    masto = add_account(
        store, "jane", "Jane D", platform="mastodon", url="https://mastodon.social/@jane"
    )
    li = add_account(
        store, "jane-doe-12", "Jane Doe", platform="linkedin", website="https://x.com/jdoe"
    )
    summary = link_identities(store)
    people = {
        store.scalar("SELECT person_id FROM accounts WHERE id = ?", [a]) for a in (x, masto, li)
    }
    assert len(people) == 1 and None not in people
    assert summary.people_created == 1 and summary.links == 2
    evidence = store.query("SELECT method, evidence FROM matches WHERE account_id = ?", [masto])
    assert evidence[0]["method"] == "identity"
    assert "names mastodon jane@mastodon.social" in evidence[0]["evidence"]


# ---- live look-up orchestration -----------------------------------------------------------


class BudgetProbe:
    """A minimal object following the Platform protocol, used ONLY to test the look-up
    orchestration (batching, request budget, storing results); it is not a platform test —
    the real platform clients are tested against the fake HTTP servers elsewhere."""

    costs = {"lookup": EndpointCost(requests=300, window_seconds=900, page_size=2)}

    def __init__(self, name, known):
        self.name = name
        self.known = known
        self.batches = []
        self.queries = []

    def lookup(self, handles=(), ids=()):
        self.batches.append(list(handles))
        found = [self.known[h] for h in handles if h in self.known]
        return Lookup(found=found, missing={h: "unknown" for h in handles if h not in self.known})

    def search_accounts(self, query, limit=20):
        self.queries.append(query)
        return [a for a in self.known.values() if a.display_name == query][:limit]


def test_lookup_batches_guessed_handles_within_budget(store):
    person = add_person(
        store, "Dan Mears", emails=["mearsd@novaleaf.co.uk"], org="Novaleaf Studios"
    )
    add_person(store, "Priya Natarajan", emails=["priya.n@brightwater.io"])
    dm = Account("x", "77", "dmears", "Dan Mears", "News editor @NovaleafStudios")
    probe = BudgetProbe("x", {"dmears": dm})
    summary = lookup_and_match(store, probe, budget=1)
    assert (summary.requests, summary.found, summary.stopped) == (1, 0, "budget")
    assert len(probe.batches) == 1 and len(probe.batches[0]) == 2
    assert probe.batches[0][0] == "mearsd"  # e-mail local part comes first
    probe = BudgetProbe("x", {"dmears": dm})
    summary = lookup_and_match(store, probe, budget=100)
    assert summary.stopped is None and summary.found == 1
    assert all(len(batch) <= 2 for batch in probe.batches) and len(probe.batches) > 2
    assert only_match(store, person)["status"] == "accepted"


def test_lookup_uses_search_outside_x(store):
    person = add_person(store, "Jane Doe", org="Harbourlight Media")
    acct = Account("bluesky", "did:plc:1", "janedoe.bsky.social", "Jane Doe", "Harbourlight Media")
    probe = BudgetProbe("bluesky", {"janedoe.bsky.social": acct})
    summary = lookup_and_match(store, probe, budget=5)
    assert probe.queries == ["Jane Doe"] and summary.found == 1
    assert only_match(store, person)["platform"] == "bluesky"


def test_guessed_handles_are_valid_x_handles(store):
    add_person(store, "Anne-Marie O'Neil", emails=["a.m.oneil@x.org"])
    from audience.matching.evidence import load_people

    guesses = guessed_handles(load_people(store)[0], "x")
    assert "amoneil" in guesses and all(len(g) <= 15 for g in guesses)


def test_identity_link_respects_a_rejection(store):
    person = add_person(store, "Jane Doe", social=[("twitter", "jdoe")])
    x = add_account(store, "jdoe", "Jane Doe", bio="Also @jane@mastodon.social")
    masto = add_account(
        store, "jane", "Jane D", platform="mastodon", url="https://mastodon.social/@jane"
    )
    match_people(store, ["x"])
    assert store.scalar("SELECT person_id FROM accounts WHERE id = ?", [x]) == person
    t = now_iso()
    store.execute(
        "INSERT INTO matches (person_id, account_id, platform, score, method, status, "
        "decided_by, created_at) VALUES (?, ?, 'mastodon', 1, 'manual', 'rejected', 'manual', ?)",
        [person, masto, t],
    )
    assert link_identities(store).links == 0
    assert store.scalar("SELECT person_id FROM accounts WHERE id = ?", [masto]) is None


# ---- evidence the matcher reads from free text (issue 13) ---------------------------------


def best_match(store, person_id):
    found = sorted(matches(store, person_id), key=lambda m: -m["score"])
    assert found, f"no proposal for person {person_id}"
    return found[0]


@pytest.mark.parametrize(
    ("card_org", "emails", "bio"),
    [
        ("HSBC UK", (), "Analyst at HSBC. Views my own."),  # a short name
        ("Klynveld Peat Marwick Goerdeler", (), "Auditor (KPMG)"),  # an acronym
        ("PricewaterhouseCoopers", (), "Manager @PwC | cycling"),  # an alias
        ("Lighthouse Copper Analytics", (), "Engineer, @LighthouseCoppe"),  # cut at 15
        (None, ("r.okafor@harbourlight.co.uk",), "Editor at Harbourlight"),  # e-mail's employer
    ],
)
def test_employer_recognised_in_its_other_forms(store, card_org, emails, bio):
    person = add_person(store, "Rita Okafor", org=card_org, emails=emails)
    right = add_account(store, "rokafor_news", "Rita Okafor", bio=bio)
    add_account(store, "ritaokafor", "Rita Okafor", bio="Gardener. Dog person.")
    match_people(store)
    found = best_match(store, person)
    assert found["account_id"] == right and "employer_match" in found["kinds"]
    assert found["status"] == "accepted"


def test_employer_is_weighed_by_how_common_it_is_in_the_book(store):
    # a tenth of the book works at KPMG: a Jane Doe at KPMG says less than one at a small firm
    for n in range(12):
        add_person(store, f"Colleague{n} Person{n}", org="KPMG")
    big = add_person(store, "Jane Doe", org="KPMG")
    small = add_person(store, "John Roe", org="Kilnquay Energy")
    add_account(store, "jdoe", "Jane Doe", bio="Auditor at KPMG")
    add_account(store, "jroe", "John Roe", bio="Engineer at Kilnquay Energy")
    match_people(store)
    assert best_match(store, big)["score"] < best_match(store, small)["score"]


def test_a_different_current_employer_counts_against(store):
    person = add_person(store, "Jane Doe", org="Brightwater Analytics")
    elsewhere = add_account(store, "janedoe_acme", "Jane Doe", bio="Head of Sales at Acme Foods")
    silent = add_account(store, "janedoe", "Jane Doe", bio="Runner. Reader.")
    match_people(store, review=LOW_FLOOR)
    found = {m["account_id"]: m for m in matches(store, person)}
    assert silent in found and found[silent]["score"] > found.get(elsewhere, {"score": 0})["score"]
    features = _features(store, person, elsewhere)
    assert features["employer_conflict"] and not features["employer_match"]


def test_a_former_employer_is_evidence_for(store):
    person = add_person(store, "Jane Doe", org="Brightwater Analytics")
    right = add_account(store, "jd", "Jane Doe", bio="Now freelance | ex-Brightwater Analytics")
    add_account(store, "janedoe", "Jane Doe", bio="Runner. Reader.")
    match_people(store)
    found = best_match(store, person)
    assert found["account_id"] == right and "former_employer" in found["kinds"]


def test_a_website_on_another_company_domain_counts_against(store):
    person = add_person(store, "Jane Doe", emails=["jane.doe@brightwater.io"])
    other = add_account(store, "jdoe", "Jane Doe", website="https://acmefoods.com/team")
    own = add_account(store, "janed", "Jane Doe", website="https://brightwater.io/people/jane-doe")
    features = _features(store, person, other)
    assert features["employer_conflict"]
    features = _features(store, person, own)
    assert (
        features["employer_match"] and features["site_name"] and not features["employer_conflict"]
    )


def test_a_personal_website_carries_the_name_but_no_employer(store):
    person = add_person(store, "Jane Doe", emails=["jane.doe@brightwater.io"])
    site = add_account(store, "jd", "Jane", website="https://janedoe.com")
    features = _features(store, person, site)
    assert features["site_name"] and not features["employer_conflict"]


@pytest.mark.parametrize(
    ("points", "bio"),
    [
        ((("email", "pixeljane@gmail.com"),), "Cat person. 📧 pixeljane@gmail.com"),
        ((("phone", "+447700900123"),), "Pizza and podcasts | ☎ +44 7700 900123"),
    ],
)
def test_the_contact_e_mail_or_phone_in_a_bio_is_found_and_accepted(store, points, bio):
    person = add_person(store, "Jane Doe", points=points)
    right = add_account(store, "pizzafan", "🍕 Pizza Fan", bio=bio)
    add_account(store, "janedoe", "Jane Doe")
    match_people(store)
    found = best_match(store, person)
    assert found["account_id"] == right and "contact_in_bio" in found["kinds"]
    assert found["status"] == "accepted"


def test_a_name_built_address_in_a_bio_is_weaker_evidence(store):
    # "jane.doe@gmail.com" is what any Jane Doe would ask for: strong, but not proof alone
    person = add_person(store, "Jane Doe", points=[("email", "jane.doe@gmail.com")])
    other = add_account(store, "janed", "Jane Doe", bio="📧 jane.doe@gmail.com")
    features = _features(store, person, other, found_by=ev.K_NAME | ev.K_CONTACT)
    assert features["email_in_bio_name_like"] and not features["contact_in_bio"]


def test_another_phone_in_a_bio_is_no_evidence(store):
    person = add_person(store, "Jane Doe", points=[("phone", "+447700900123")])
    other = add_account(store, "janedoe", "Jane Doe", bio="☎ +44 7700 900999")
    assert not _features(store, person, other, found_by=ev.K_NAME | ev.K_CONTACT)["contact_in_bio"]


@pytest.mark.parametrize(
    ("local", "handle", "kind"),
    [
        ("jane.doe", "janedoe", "email_handle_name_like"),  # only the name: any Jane Doe's
        ("j.doe", "jdoe", "email_handle_name_like"),
        ("doe.jnae", "doejane", "email_handle_name_like"),  # a typo in the address
        ("janedoe1987", "janedoe1987", "email_handle"),  # more than the name
        ("pixeljane", "pixeljane", "email_handle"),
    ],
)
def test_handle_equal_to_the_local_part_is_strong_only_beyond_the_name(store, local, handle, kind):
    person = add_person(store, "Jane Doe", emails=[f"{local}@gmail.com"])
    account = add_account(store, handle, "Jane Doe")
    features = _features(store, person, account)
    assert features[kind]
    other = "email_handle" if kind == "email_handle_name_like" else "email_handle_name_like"
    assert not features[other]


@pytest.mark.parametrize(
    ("city", "location", "conflict"),
    [
        ("Bristol", "Austin, TX", True),  # a city far away
        ("Bristol", "Bristol, UK", False),
        ("Bristol", "United Kingdom", False),  # country only
        ("Bristol", "Clifton", False),  # a neighbourhood
        ("Bristol", "Remote 🌍", False),
        ("Bristol", "Mordor", False),  # a joke place
        ("Manchester", "Salford", False),  # next door
    ],
)
def test_only_a_clearly_different_city_counts_against(store, city, location, conflict):
    person = add_person(store, "Jane Doe", city=city)
    account = add_account(store, "janedoe", "Jane Doe", location=location)
    assert bool(_features(store, person, account)["location_conflict"]) is conflict


@pytest.mark.parametrize(
    ("contact", "display", "handle"),
    [
        ("David Kirkshaw", "Dave", "kirkshawdave"),  # first name only, family name in handle
        ("James Chapman", "James", "jameschapman20"),
        ("Jane Doe", "J. Doe", "jd_writes"),  # initial and family name
        ("Adam Kwiatkowski", "Adam K.", "adamkwia"),  # given name and initial
        ("Maria Cano", "Maria Valera (née Cano)", "mvalera"),  # maiden name
        ("Maria Cano", "Maria Valera née Cano", "mvalera2"),
        ("Harriet Okoro-Blake", "Harriet Blake", "hblake"),  # half of a double-barrelled name
        ("Harriet Blake", "Harriet Okoro-Blake", "hob"),
        ("Florian Eichthal", "Florian Eichthal-Schwarz", "feich"),  # the other half
        ("Doe Jane", "Jane Doe", "jdoe_x"),  # given and family swapped on the card
        ("Smith Robert", "Bob Smith", "bsmith"),  # swapped, and a nickname
        ("Jane Doh", "Jane Doe", "janed"),  # a typo in the family name
        ("Jane Doe", "DOE Jane", "doej"),  # "SURNAME First"
    ],
)
def test_name_forms_are_candidates(store, contact, display, handle):
    if contact.startswith(("Doe ", "Smith ")):
        family, given = contact.split()
        person = add_person(store, contact, given=family, family=given)
    else:
        person = add_person(store, contact)
    right = add_account(store, handle, display)
    add_account(store, "unrelated", "Sam Brown")
    match_people(store, review=LOW_FLOOR)
    assert best_match(store, person)["account_id"] == right


@pytest.mark.parametrize("handle", ["realjanedoe", "janedoe_pr", "janedoe1987", "thejanedoe"])
def test_handles_with_digits_and_affixes_are_name_built(store, handle):
    person = add_person(store, "Jane Doe")
    account = add_account(store, handle, "Jane Doe")
    assert _features(store, person, account)["handle_from_name"]


def test_truncated_handle_is_a_candidate(store):
    person = add_person(store, "Maximiliane Oberhausen")
    right = add_account(store, "maximilianeober", "Max")  # X cut it at 15 characters
    match_people(store)
    assert best_match(store, person)["account_id"] == right


def test_review_queue_is_ranked_by_likelihood(store):
    first = add_person(store, "Jane Doe", org="Brightwater Analytics")
    add_account(store, "janedoe1", "Jane Doe")
    add_account(store, "janedoe2", "Jane Doe", bio="Head of Sales at Acme Foods")
    second = add_person(store, "Ann Lee", org="Kilnquay Energy")
    add_account(store, "annlee", "Ann Lee")
    match_people(store, review=LOW_FLOOR)
    queue = list_matches(store, "review")
    assert [r["rank"] for r in queue] == list(range(1, len(queue) + 1))
    assert [r["score"] for r in queue] == sorted((r["score"] for r in queue), reverse=True)
    assert {r["person_id"] for r in queue} == {first, second}
    top = next_for_review(store)
    assert (top.rank, top.queue) == (1, len(queue))


def test_organisation_cards_are_not_matched(store):
    t = now_iso()
    pid = add_person(store, "Beacon Oak", org="Beacon Oak")
    store.execute("UPDATE contacts SET is_organisation = 1 WHERE person_id = ?", [pid])
    add_account(store, "beaconoak", "Beacon Oak", bio="Official account of Beacon Oak")
    assert t and match_people(store).accepted == 0


def _features(store, person_id, account_id, found_by=None) -> dict:
    """Every flag of one pair, computed as the matcher does."""
    from audience.matching import evidence as ev

    people = ev.load_people(store)  # all of them: some evidence depends on the whole book
    index = next(k for k, p in enumerate(people) if p.id == person_id)
    accounts = ev.load_accounts(store, "x")
    row = int(np.nonzero(accounts.ids == account_id)[0][0])
    pairs = (np.array([index]), np.array([row]), np.array([found_by or ev.K_NAME]))
    f = ev.compute_features(people, accounts, *pairs)
    return {kind: bool(getattr(f, kind)[0]) for kind in ev._FLAGS}


def test_a_rerun_does_not_turn_its_own_guess_into_an_exact_link(store):
    person = add_person(store, "Jane Doe", org="Brightwater Analytics")
    add_account(
        store,
        "janedoe",
        "Jane Doe",
        bio="Analyst at Brightwater Analytics",
        url="https://x.com/janedoe",
    )
    match_people(store)
    first = only_match(store, person)
    assert first["method"] == "fuzzy" and first["status"] == "accepted"
    summary = match_people(store)
    again = only_match(store, person)
    assert summary.exact == 0 and again["method"] == "fuzzy" and again["score"] == first["score"]


def test_a_card_with_only_an_address_is_named_by_it(store):
    person = add_person(store, None, emails=["alexandre.leroy38@hotmail.fr"])
    right = add_account(store, "alexandre", "Alexandre Leroy")
    add_account(store, "someone", "Sam Brown")
    match_people(store)
    assert best_match(store, person)["account_id"] == right


def test_another_given_name_with_the_same_family_name_is_not_accepted(store):
    person = add_person(store, "Vivian Gopamurthy", org="Bright Keystone Logistics")
    add_account(
        store, "vgopamurthy", "Vijay Gopamurthy", bio="Director at Bright Keystone Logistics"
    )
    add_account(store, "skingswell", "Sarah Gopamurthy", website="https://gopamurthy.dev")
    match_people(store)
    assert [m for m in matches(store, person) if m["status"] == "accepted"] == []


def test_a_word_several_of_the_book_organisations_share_is_no_employer(store):
    person = add_person(store, "Patsy Jones", org="Lighthouse River")
    add_person(store, "Ann Lee", org="Lighthouse Learning")
    other = add_account(store, "pjones", "Patsy Jones", bio="Working at Lighthouse Digital")
    assert not _features(store, person, other)["employer_match"]


def test_sorted_search_finds_what_searchsorted_finds():
    """The lookup of many hashes in ascending order (a speed-up at a million profiles) gives
    every query the position numpy's searchsorted gives it, below and above its threshold."""
    rng = np.random.default_rng(7)
    values = np.unique(rng.integers(0, 2**61, 5_000, dtype=np.int64) * 2).view(np.uint64)
    for n in (50, ev.SORTED_SEARCH_MIN + 5):
        queries = np.r_[rng.choice(values, n // 2), rng.integers(0, 2**62, n - n // 2)]
        queries = queries.astype(np.uint64)
        assert (ev.search_sorted(values, queries) == np.searchsorted(values, queries)).all()
    present, absent = rng.choice(values, 20_000), values[:20_000] + np.uint64(1)  # odd: absent
    found = ev.is_member(values, np.r_[present, absent])
    assert found[:20_000].all() and not found[20_000:].any()


def test_candidate_pairs_are_each_pair_once_with_every_kind_that_found_it():
    from audience.matching.matcher import _dedupe

    pi, ai = np.array([1, 0, 1, 1]), np.array([2, 3, 2, 4])
    kinds = np.array([ev.K_NAME, ev.K_HANDLE, ev.K_ORG, ev.K_INITIAL])
    people, accounts, merged = _dedupe(pi, ai, kinds, 5)
    assert list(zip(people.tolist(), accounts.tolist(), merged.tolist(), strict=True)) == [
        (0, 3, ev.K_HANDLE),
        (1, 2, ev.K_NAME | ev.K_ORG),
        (1, 4, ev.K_INITIAL),
    ]
    empty = np.zeros(0, dtype=np.int64)
    assert all(len(x) == 0 for x in _dedupe(empty, empty, empty, 5))


def test_sorted_unique_and_runs_give_what_numpy_unique_gives():
    """The sort-based stand-ins for np.unique (numpy 2 hashes each value without other
    outputs, ten times slower than a sort) give the same values, first positions and counts,
    repeated values and none alike."""
    rng = np.random.default_rng(3)
    for n, distinct in ((0, 1), (1, 1), (7, 2), (20_000, 500), (20_000, 2**62)):
        values = rng.integers(0, distinct, n, dtype=np.int64).view(np.uint64)
        assert np.array_equal(ev.sorted_unique(values), np.unique(values))
        ordered = np.sort(values)
        keys, starts, counts = ev.runs(ordered)
        want = np.unique(ordered, return_index=True, return_counts=True)
        assert all(np.array_equal(a, b) for a, b in zip((keys, starts, counts), want, strict=True))
    assert not np.array_equal(ev.sorted_unique(np.array([3, 1, 3], np.uint64)), [3, 1, 3])


def test_bulk_folding_spells_repeated_runs_and_drops_every_apostrophe_as_fold_does():
    """fold_lines spells each distinct non-ASCII run once and drops apostrophes by search
    rather than translate (speed-ups at a million bios): each line is still fold's text."""
    texts = [
        "O´Neil ‘quoted’ `x` d'Arcy O’Brien",
        "Zürich · Zürich · São Paulo — Ça va",
        "naïve café · Zürich",
        "Ångström – ½ ﬁne",
        "plain ascii, no marks",
    ]
    folded = fold_lines(texts).split("\n")
    assert folded == [fold(t) for t in texts]
    assert "'" not in folded[0] and "darcy" in folded[0] and "obrien" in folded[0]
    assert folded[1].count("zurich") == 2 and "sao paulo" in folded[1]
