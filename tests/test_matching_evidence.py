"""Evidence classes added for issue 13, each for and against: name forms (given-name endings,
the surname the contact's own address spells, a given name with a cut surname in the handle),
employers written after a comma, names that are no employer, page hosts, addresses spelled by
names, a given name with another first letter, how common a city is, twin cards."""

from __future__ import annotations

import json

import numpy as np
import pytest

from audience.matching import evidence as ev
from audience.matching import match_people
from audience.matching.evidence import spelled_by_names
from audience.matching.names import email_family_names, email_given_names, given_endings
from audience.matching.signals import bio_orgs
from tests.test_matching import add_account, add_person, best_match, matches

# these tests read candidates as unlikely as 0.15, below the default review floor (0.35)
LOW_FLOOR = 0.15


def features(store, person_id, account_id, found_by=ev.K_NAME) -> dict:
    """Every flag of one pair, computed as the matcher computes it (found by the name unless
    ``found_by`` says how)."""
    people = ev.load_people(store)
    index = next(k for k, p in enumerate(people) if p.id == person_id)
    accounts = ev.load_accounts(store, "x")
    row = int(np.nonzero(accounts.ids == account_id)[0][0])
    pairs = (np.array([index]), np.array([row]), np.array([found_by]))
    f = ev.compute_features(people, accounts, *pairs)
    return {kind: bool(getattr(f, kind)[0]) for kind in ev._FLAGS} | {"name": float(f.name[0])}


def proposed(store, person_id) -> set[int]:
    return {m["account_id"] for m in matches(store, person_id)}


# ---- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "display"),
    [
        ("Olusegun Adebayo", "Segun Adebayo"),  # the card has the long form
        ("Tunde Okafor", "Babatunde Okafor"),  # the profile has it
    ],
)
def test_a_short_form_keeping_a_given_name_end_is_that_name(store, card, display):
    person = add_person(store, card)
    right = add_account(store, "seg_ade_77", display)
    match_people(store)
    assert right in proposed(store, person)
    assert features(store, person, right)["name"] >= 0.9


def test_given_name_endings_need_a_long_name_and_leave_three_letters():
    assert "segun" in given_endings("olusegun") and "tunde" in given_endings("babatunde")
    assert given_endings("daniel") == ()  # "iel" is no name: short names keep their own


def test_the_surname_the_contacts_own_address_spells_finds_a_married_name(store):
    person = add_person(store, "Valentina Moretti", emails=["vrossi64@sfr.fr"])
    right = add_account(store, "valentina6", "Valentina Rossi", bio="design person")
    match_people(store)
    assert right in proposed(store, person)


def test_the_address_spells_the_surname_a_card_misspells(store):
    person = add_person(store, "Rahul Guptta", emails=["rahul.gupta@ibm.com"])
    right = add_account(store, "rahul_g_77", "Rahul Gupta")
    match_people(store)
    assert features(store, person, right)["name"] >= 0.9


@pytest.mark.parametrize(
    ("emails", "givens", "family", "expected"),
    [
        (["vrossi64@sfr.fr"], ["valentina"], "moretti", ["rossi"]),
        (["luis.marques@bcg.com"], ["luis"], "silva", ["marques"]),
        (["taylor.sarah@gmail.com"], ["sarah"], "tayler", ["taylor"]),  # misspelt card
        (["ccw_jo@gmail.com"], ["jo"], "bloggs", []),  # a word before the given name: no name
        (["wanderpierre933@gmail.com"], ["pierre"], "petit", []),  # a hobby before it
    ],
)
def test_surnames_read_from_addresses(emails, givens, family, expected):
    assert email_family_names(emails, givens, family) == expected


def test_a_given_name_alone_with_the_surname_cut_in_the_handle(store):
    person = add_person(store, "Chioma Ogundipe")
    cut = add_account(store, "chiomaogun28", "Chioma")
    other = add_account(store, "chiomabello", "Chioma")
    assert features(store, person, cut)["handle_surname"]
    assert not features(store, person, other)["handle_surname"]


def test_a_given_name_alone_with_a_surname_only_handle_is_a_candidate(store):
    person = add_person(store, "Piotr Wiśniewski")
    right = add_account(store, "wisniewski_8856", "Piotr", bio="dogs · travel")
    add_account(store, "kowalski_8856", "Piotr")
    match_people(store)
    found = proposed(store, person)
    assert right in found and len(found) == 1


def test_a_given_name_with_another_first_letter_is_another_name(store):
    person = add_person(store, "Andreas Wagner", emails=["wagner@apexiris.ie"])
    colleague = add_account(store, "swagner56", "Sandra Wagner", website="https://www.apexiris.ie/")
    typo = add_account(store, "awagner", "Andraes Wagner")
    # found through the website on the e-mail's domain, and through the surname and initial
    assert features(store, person, colleague, ev.K_DOMAIN)["name"] <= ev.OTHER_GIVEN_NAME + 1e-6
    assert features(store, person, typo, ev.K_INITIAL)["name"] > 0.8


# ---- employers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bio", "employer"),
    [
        ("operations person, KPMG | books · running", "kpmg"),
        ("data person, Ernst and Young. sci-fi", "ey"),
        ("Reporter, London | cats", None),  # a place, not an employer
        ("Managing Director. wine, vinyl", None),  # interests after a comma
    ],
)
def test_an_employer_after_a_role_and_a_comma(bio, employer):
    current = bio_orgs(bio, "").current
    assert (employer in current.full | current.short) if employer else not current


def test_a_comma_employer_matches_the_card(store):
    person = add_person(store, "Yun Guo", org="KPMG", emails=["yun.guo@kpmg.com"])
    right = add_account(store, "cosmicmango", "Yun Guo", bio="operations person, KPMG | books")
    assert features(store, person, right)["employer_match"]


def test_a_family_name_before_a_comma_is_no_employer(store):
    person = add_person(store, "Minh Nguyen", org="PricewaterhouseCoopers")
    right = add_account(store, "zenminh", "Nguyen, Minh", bio="Proud parent.")
    flags = features(store, person, right)
    assert not flags["employer_conflict"] and flags["name_exact"]
    assert bio_orgs("", "Jane Doe, Acme Corp").current  # a name, a comma, a company still is


def test_a_page_on_a_blog_host_names_no_employer(store):
    person = add_person(store, "Rahul Gupta", org="IBM")
    blog = add_account(
        store, "guptarahul", "Rahul Gupta", website="https://guptarahul.substack.com"
    )
    firm = add_account(store, "rgupta_acme", "Rahul Gupta", website="https://acmefoods.com/team")
    assert not features(store, person, blog)["employer_conflict"]
    assert features(store, person, firm)["employer_conflict"]


# ---- identity -----------------------------------------------------------------------------


def test_a_local_part_spelled_by_profile_names_is_only_a_name(store):
    person = add_person(store, "Cindy Zhang", emails=["mei.zhang@kpmg.com"])
    named = add_account(store, "meizhang", "Mei Zhang")
    flags = features(store, person, named)
    assert flags["email_handle_name_like"] and not flags["email_handle"]


def test_a_local_part_beyond_names_stays_distinctive(store):
    person = add_person(store, "Jane Doe", emails=["pixeljane@gmail.com"])
    own = add_account(store, "pixeljane", "Jane Doe")
    flags = features(store, person, own)
    assert flags["email_handle"] and not flags["email_handle_name_like"]


def test_spelled_by_names():
    names = frozenset({"mei", "zhang", "jose", "blanco", "schmidt"})
    assert spelled_by_names("meizhang", names) and spelled_by_names("jose_blanco7", names)
    assert spelled_by_names("aschmidt", names)  # an initial and a name
    assert not spelled_by_names("pixelzhang", names) and not spelled_by_names("zhang1987", names)


# ---- places -------------------------------------------------------------------------------


def test_a_common_city_says_less_than_a_rare_one(store):
    london = add_person(store, "Jane Doe", city="London")
    leeds = add_person(store, "John Roe", city="Leeds")
    for n in range(200):
        add_account(store, f"someone{n}", f"Someone {n}", location="London, UK")
    add_account(store, "someone_leeds", "Someone Leeds", location="Leeds")
    people = ev.load_people(store)
    odds = ev._city_odds(people, ev.load_accounts(store, "x"))
    by_id = {p.id: o for p, o in zip(people, odds.tolist(), strict=True)}
    assert by_id[london] < by_id[leeds]


# ---- decisions ----------------------------------------------------------------------------


def test_two_cards_of_one_name_share_the_profile_a_rival_does_not(store):
    first = add_person(store, "Yetunde Adekunle", org="Brightwater Analytics", city="Leeds")
    second = add_person(store, "Yetunde Adekunle", org="Brightwater Analytics", city="Leeds")
    profile = add_account(
        store,
        "turboyetunde",
        "Yetunde Adekunle",
        bio="Analyst at Brightwater Analytics",
        location="Leeds",
    )
    match_people(store)
    assert best_match(store, first)["account_id"] == profile
    assert {best_match(store, p)["status"] for p in (first, second)} == {"accepted"}


def test_the_given_name_the_address_spells_beside_the_surname(store):
    person = add_person(store, "Sophia Wang", emails=["juan_wang@outlook.com"])
    right = add_account(store, "jwang65", "Wang, Juan", bio="Customer Service Director")
    match_people(store)
    assert right in proposed(store, person)
    assert email_given_names(["mei.zhang@kpmg.com", "jwang@deloitte.com"], ["zhang", "wang"]) == [
        "mei"
    ]  # an initial is no given name


def test_a_work_address_names_the_employer_a_profile_is_found_by(store):
    # no name in common with the card but the given name: a candidate through the employer
    from audience.matching.matcher import candidate_pairs

    add_person(store, "Inês Lopes", emails=["ines@heronfalcon.co.uk"])
    add_account(store, "inesworks", "Inês 🌿", bio="Working in design at HeronFalcon")
    add_account(store, "ines_elsewhere", "Inês 🌿", bio="Working in design at Acme Foods")
    people, accounts = ev.load_people(store), ev.load_accounts(store, "x")
    _, found, kinds = candidate_pairs(people, accounts)
    assert accounts.handle[found].tolist() == ["inesworks"] and kinds[0] & ev.K_ORG


def test_stored_evidence_shows_the_weight_the_employer_was_given(store):
    for n in range(12):
        add_person(store, f"Colleague{n} Person{n}", org="KPMG")
    big = add_person(store, "Jane Doe", org="KPMG")
    small = add_person(store, "John Roe", org="Kilnquay Energy")
    add_account(store, "jdoe", "Jane Doe", bio="Auditor at KPMG")
    add_account(store, "jroe", "John Roe", bio="Engineer at Kilnquay Energy")
    match_people(store)

    def employer_weight(person):
        evidence = json.loads(best_match(store, person)["evidence"])
        return next(e["weight"] for e in evidence if e["kind"] == "employer_match")

    assert employer_weight(big) < employer_weight(small)


@pytest.mark.parametrize(
    ("given", "family", "display"),
    [
        ("Smith", "Rachael", "Rachel Smith"),  # swapped on the card, misspelt
        ("Nowak", "Katarzyna", "K. Nowak"),  # swapped, an initial on the profile
        ("Jim", "Smith", "James S."),  # a nickname and the family name's initial
    ],
)
def test_swapped_cards_and_nicknames_meet_other_name_forms(store, given, family, display):
    from audience.matching.matcher import candidate_pairs

    add_person(store, f"{given} {family}", given=given, family=family)
    add_account(store, "someone_77", display)
    add_account(store, "other_77", "Zoltan Quist")
    # the profiles say which words are given names and which family names
    for n, name in enumerate(["Anna Smith", "Rachel Jones", "Piotr Nowak", "Katarzyna Zielinska"]):
        add_account(store, f"usage_{n}", name)
    people, accounts = ev.load_people(store), ev.load_accounts(store, "x")
    _, found, _ = candidate_pairs(people, accounts)
    assert "someone_77" in accounts.handle[found].tolist()
    assert "other_77" not in accounts.handle[found].tolist()


def test_an_employer_many_profiles_show_says_less_than_one_few_show(store):
    # one card each, but many profiles have a website on the first firm's domain
    common = add_person(store, "Jane Doe", emails=["jane.doe@brightwater.io"])
    rare = add_person(store, "John Roe", emails=["john.roe@kilnquay.com"])
    for n in range(40):
        add_account(store, f"staff{n}", f"Staff {n}", website=f"https://brightwater.io/p/{n}")
    for n in range(200):
        add_account(store, f"other{n}", f"Other {n}", website=f"https://site{n}.com")
    people = ev.load_people(store)
    odds = ev._employer_odds(people, ev.load_accounts(store, "x"))
    by_id = {p.id: o for p, o in zip(people, odds.tolist(), strict=True)}
    assert by_id[common] < by_id[rare]
    assert ev._employer_odds(people).tolist()[0] == ev._employer_odds(people).tolist()[1]


# ---- competition and what namesakes share (issue 13, round 2) ------------------------------


def test_the_only_profile_bearing_the_name_counts_as_no_namesake_competes(store):
    alone = add_person(store, "Imogen Threlfall")
    shared = add_person(store, "Oskar Lindqvist")
    only = add_account(store, "imogen_t", "Imogen Threlfall")
    first = add_account(store, "oskar_l", "Oskar Lindqvist")
    add_account(store, "oskarlq", "Oskar Lindqvist")
    assert features(store, alone, only)["rare_name"]
    assert not features(store, shared, first)["rare_name"]  # a namesake bears it too
    match_people(store, review=LOW_FLOOR)
    assert best_match(store, alone)["score"] > best_match(store, shared)["score"]


def test_a_handle_or_site_built_from_the_name_lifts_no_namesake_over_another(store):
    # every Jane Doe may own @janedoe or janedoe.dev: the two profiles stay alike
    person = add_person(store, "Marta Kowalczyk")
    built = add_account(
        store, "martakowalczyk", "Marta Kowalczyk", website="https://martakowalczyk.dev"
    )
    other = add_account(store, "pixelcat77", "Marta Kowalczyk")
    assert features(store, person, built)["handle_from_name"]
    match_people(store, review=LOW_FLOOR)
    found = {m["account_id"]: m for m in matches(store, person)}
    assert set(found) == {built, other}
    assert found[built]["score"] == found[other]["score"]
    assert {m["status"] for m in found.values()} == {"review"}


def test_the_cards_title_in_the_bio_sets_one_namesake_apart(store):
    person = add_person(store, "Tomasz Wierzbicki", title="Head of Investor Relations")
    right = add_account(store, "twierz", "Tomasz Wierzbicki", bio="Head of Investor Relations")
    other = add_account(store, "tomwierz", "Tomasz Wierzbicki", bio="Cyclist. Coffee.")
    assert features(store, person, right)["title_in_bio"]
    assert not features(store, person, other)["title_in_bio"]
    match_people(store)
    assert best_match(store, person)["account_id"] == right


def test_a_given_name_alone_counts_only_when_it_is_the_persons(store):
    person = add_person(store, "Priyanka Raghunathan")
    mine = add_account(store, "raghunathan_p", "Priyanka")
    not_mine = add_account(store, "raghunathan_k", "Kavitha")
    assert features(store, person, mine, ev.K_HANDLE)["given_only"]
    assert not features(store, person, not_mine, ev.K_HANDLE)["given_only"]


def test_a_place_that_contradicts_the_card_weighs_against(store):
    person = add_person(store, "Ewan Gillespie", city="Glasgow")
    here = add_account(store, "ewang", "Ewan Gillespie", location="Glasgow")
    away = add_account(store, "ewan_g", "Ewan Gillespie", location="Perth, Australia")
    assert features(store, person, away)["location_conflict"]
    assert not features(store, person, here)["location_conflict"]
    match_people(store)
    assert best_match(store, person)["account_id"] == here


def test_a_domain_naming_the_last_word_of_an_employer_is_that_employer(store):
    person = add_person(store, "Thomas Redvers", emails=["thomas.redvers@philips.com"])
    right = add_account(store, "tredvers", "Thomas Redvers", bio="Comms person (Royal Philips)")
    found = features(store, person, right)
    assert found["employer_match"] and not found["employer_conflict"]


def test_a_name_ending_in_another_organisations_name_is_not_it(store):
    person = add_person(store, "Aoife Brennan", emails=["aoife.brennan@unity.org"])
    other = add_account(store, "abrennan", "Aoife Brennan", bio="Organiser (Community Trust)")
    found = features(store, person, other)
    assert found["employer_conflict"] and not found["employer_match"]


def test_a_location_in_another_country_than_the_cards_weighs_against(store):
    person = add_person(store, "Ines Carvalho", points=[("phone", "+351912345678")])
    home = add_account(store, "inescarv", "Ines Carvalho", location="Portugal")
    abroad = add_account(store, "ines_carvalho", "Ines Carvalho", location="Brazil")
    assert features(store, person, abroad)["country_conflict"]
    assert not features(store, person, home)["country_conflict"]
    match_people(store, review=LOW_FLOOR)
    assert best_match(store, person)["account_id"] == home


def test_a_place_naming_no_country_is_no_conflict(store):
    person = add_person(store, "Ines Carvalho", points=[("phone", "+351912345678")])
    for handle, place in (("inesc1", "Remote"), ("inesc2", "the internet"), ("inesc3", "Alfama")):
        account = add_account(store, handle, "Ines Carvalho", location=place)
        assert not features(store, person, account)["country_conflict"], place


# ---- how rare a name is, read from the data (issue 13, round 3) ----------------------------


def _rarity_of(store) -> dict[int, float]:
    people = ev.load_people(store)
    rarity = ev._name_rarity(people, ev.load_accounts(store, "x"))[0]
    return {p.id: r for p, r in zip(people, rarity.tolist(), strict=True)}


def _crowd(store, surnames: list[str], givens: list[str], per_surname: int, tag: str) -> None:
    for s, surname in enumerate(surnames):
        for n in range(per_surname):
            given = givens[(s + n) % len(givens)]
            add_account(store, f"{tag}{s}x{n}", f"{given.title()} {surname.title()}")


def test_a_given_name_is_as_common_as_it_is_among_the_surnames_it_goes_with(store):
    # "Chao" is one name in 200 profiles, but one in five among the surnames it is seen with:
    # a Li among ten Lis is likely to have a namesake called Chao, a rare surname is not
    person = add_person(store, "Chao Li")
    _crowd(store, ["li", "wang", "zhang"], ["chao", "wei", "ling", "jun", "min"], 10, "c")
    _crowd(store, [f"smithson{n}" for n in range(17)], ["james", "anna", "paul"], 10, "w")
    rare = add_person(store, "Chao Quenby")
    add_account(store, "chaoq", "Chao Quenby")
    rarity = _rarity_of(store)
    assert rarity[person] < 0  # more than one namesake expected among ten Lis
    assert rarity[rare] >= 1.5  # no other profile bears the surname


def test_the_sole_bearer_of_a_rare_name_outranks_the_sole_bearer_of_a_common_one(store):
    rare = add_person(store, "Folake Olabayo")
    common = add_person(store, "Wei Wang")
    only_rare = add_account(store, "folake_o", "Folake Olabayo")
    only_common = add_account(store, "weiw", "Wei Wang")
    # many Wangs, and Wei common among them, but no other Wei Wang
    _crowd(store, ["wang"], ["jun", "ling", "min", "chao", "wei"], 4, "a")
    _crowd(store, ["zhang", "liu"], ["wei", "jun"], 20, "b")
    # both are the only profile bearing their name; only one name is rare
    assert features(store, rare, only_rare)["rare_name"]
    assert features(store, common, only_common)["rare_name"]
    match_people(store)
    assert best_match(store, rare)["score"] > best_match(store, common)["score"]


def test_the_sole_bearer_of_a_common_name_is_no_surer_than_the_name(store):
    # the only "Wei Zhang" among forty Zhangs, Wei common among them: that no namesake is seen
    # says little, so the pair stays short of acceptance on the name alone
    person = add_person(store, "Wei Zhang")
    only = add_account(store, "wzhang", "Wei Zhang")
    _crowd(store, ["zhang"], ["jun", "ling", "min", "chao", "wen", "yan", "hui"], 40, "z")
    _crowd(store, ["liu", "chen"], ["wei", "jun"], 20, "y")
    assert features(store, person, only)["rare_name"]
    assert _rarity_of(store)[person] < 1.0
    match_people(store, review=LOW_FLOOR)
    assert best_match(store, person)["status"] == "review"


def _outnamed(store, person_id, account_ids) -> list[bool]:
    """The outnamed flag of the person's pairs with ``account_ids``, scored together as the
    matcher scores a person's candidates."""
    people = ev.load_people(store)
    index = next(k for k, p in enumerate(people) if p.id == person_id)
    accounts = ev.load_accounts(store, "x")
    rows = [int(np.nonzero(accounts.ids == a)[0][0]) for a in account_ids]
    n = len(rows)
    f = ev.compute_features(
        people, accounts, np.full(n, index), np.array(rows), np.full(n, ev.K_NAME)
    )
    return f.outnamed.tolist()


def test_a_near_name_loses_to_a_candidate_bearing_the_name_exactly(store):
    person = add_person(store, "Imogen Threlfall")
    exact = add_account(store, "imogen_t", "Imogen Threlfall")
    near = add_account(store, "imo_thr", "Imogen Threlfield")
    assert _outnamed(store, person, [exact, near]) == [False, True]
    match_people(store)
    assert best_match(store, person)["account_id"] == exact


def test_a_near_name_alone_is_not_outnamed(store):
    person = add_person(store, "Imogen Threlfall")
    near = add_account(store, "imo_thr", "Imogen Threlfield")
    other = add_account(store, "imo_t2", "Imogen Threlkeld")
    assert _outnamed(store, person, [near, other]) == [False, False]


# ---- blocking: forms that never met a key before ------------------------------------------


def _found_handles(store) -> set[str]:
    from audience.matching.matcher import candidate_pairs

    people, accounts = ev.load_people(store), ev.load_accounts(store, "x")
    _, found, _ = candidate_pairs(people, accounts)
    return set(accounts.handle[found].tolist())


@pytest.mark.parametrize(
    ("card", "handle"),
    [
        ("Richard Whithurst", "richard_whi6184"),  # the family name cut short
        ("Dariusz Nowak", "nowakdarius3538"),  # family name first, the given name cut
        ("José Fernández", "heyjFernand1969"),  # an initial and the family name cut
    ],
)
def test_a_handle_cutting_the_name_short_finds_a_profile_with_an_unrelated_display(
    store, card, handle
):
    add_person(store, card)
    add_account(store, handle, "a potato")
    add_account(store, "richardson_whi", "a potato")  # a name's letters, not this name's cut
    found = _found_handles(store)
    assert handle in found
    assert "richardson_whi" not in found


@pytest.mark.parametrize(
    ("card", "handle", "display"),
    [
        ("Hung Tran", "HungmTran", "Hung"),  # a middle initial between the names
        ("Jesus Paiz Gomez", "jesuspasizgomez", "Jesús"),  # a typo early in the surname
        ("Tim Robinson", "timothyrobi_89", "Timothy"),  # the nickname's formal name
    ],
)
def test_a_given_name_alone_with_the_surname_in_the_handle_after_an_initial_or_a_typo(
    store, card, handle, display
):
    add_person(store, card)
    add_account(store, handle, display)
    add_account(store, f"{display.lower()}kowalczyk", display)  # another surname in the handle
    found = _found_handles(store)
    assert handle in found
    assert f"{display.lower()}kowalczyk" not in found


@pytest.mark.parametrize(
    ("card", "display"),
    [
        ("Mick Tuurner", "Michael Turner"),  # a nickname on the card and a typo in the surname
        ("Faisal Al-Sayde", "Faisal Al-Sayed"),  # a typo in one part of a double-barrelled name
    ],
)
def test_a_typo_in_a_surname_part_meets_the_formal_name(store, card, display):
    add_person(store, card)
    add_account(store, "someone_77", display)
    add_account(store, "other_77", display.split()[0] + " Quist")
    found = _found_handles(store)
    assert "someone_77" in found
    assert "other_77" not in found


def test_cut_handles_are_long_enough_to_tell_people_apart():
    from audience.matching.names import cut_handles_from_name

    forms = cut_handles_from_name("jo", "lee")
    assert forms == set()  # "jolee" and the like are anyone's
    forms = cut_handles_from_name("richard", "whithurst")
    assert {"richardwhi", "whirichard", "rwhithur", "whithurstric"} <= forms
    assert "rwhithu" not in forms
    assert "richardwhithurst" not in forms  # the full forms are handles_from_name's


# ---- the review queue ---------------------------------------------------------------------


def test_a_runner_up_worth_a_look_goes_to_review_behind_the_best(store):
    person = add_person(store, "Ines Albuquerque")
    near = add_account(store, "ines_alb", "Ines Albuquerque")
    # the given name alone, the surname in the handle: less likely, still worth a look
    other = add_account(store, "inesalbuquerque", "Ines")
    match_people(store, review=LOW_FLOOR)
    found = {m["account_id"]: m for m in matches(store, person)}
    assert set(found) == {near, other}
    assert {m["status"] for m in found.values()} == {"review"}
    assert found[near]["score"] > found[other]["score"] >= LOW_FLOOR


def test_a_runner_up_below_the_floor_or_third_is_not_proposed(store):
    person = add_person(store, "Ines Albuquerque", org="Brightwater Tiles", city="Porto")
    right = add_account(store, "ines_alb", "Ines Albuquerque", bio="Sales at Brightwater Tiles")
    for n in range(3):
        add_account(store, f"albuquerque_{n}", "Ines Albuquerque")
    match_people(store)
    found = matches(store, person)
    assert [m["account_id"] for m in found] == [right]


@pytest.mark.parametrize(
    ("handle", "lifted"),
    [
        ("hannahhartson", True),  # both names in full
        ("hartsonhannah", True),  # either way round
        ("hannahhart_88", True),  # the family name cut short
        ("hhartson", False),  # an initial and the family name: anyone's
        ("hannahjones", False),  # another family name
    ],
)
def test_a_handle_spelling_both_names_stands_in_for_a_display_that_is_no_name(
    store, handle, lifted
):
    person = add_person(store, "Hannah Hartson")
    account = add_account(store, handle, "Lord of the Pies")
    found = features(store, person, account, ev.K_HANDLE)
    assert (found["name"] >= ev.NAME_IN_HANDLE) is lifted


def test_a_handle_spelling_the_name_lifts_no_display_that_already_agrees(store):
    person = add_person(store, "Hannah Hartson")
    account = add_account(store, "hannahhartson", "Hannah Hartson")
    assert features(store, person, account, ev.K_HANDLE)["name"] == 1.0


@pytest.mark.parametrize(
    ("display", "agrees"),
    [
        ("Michael Turner", True),  # the nickname's formal name, the surname's typo mended
        ("Mike Turner", True),  # another form of the same name
        ("Martin Turner", False),  # another given name
        ("Michael Tanner", False),  # another family name
    ],
)
def test_a_nickname_beside_a_misspelt_surname_is_no_other_given_name(store, display, agrees):
    person = add_person(store, "Mick Tuurner")
    account = add_account(store, "someone_77", display)
    name = features(store, person, account, ev.K_FUZZY)["name"]
    assert (name >= 0.85) is agrees


@pytest.mark.parametrize(
    ("handle", "found"),
    [
        ("rebecca_lidto83", True),  # the card's given name (the profile's surname) cut short
        ("lidtonrebecca", True),  # whole
        ("rebecca_jones", False),  # another surname
    ],
)
def test_a_swapped_card_meets_a_given_name_alone_with_the_surname_in_the_handle(
    store, handle, found
):
    person = add_person(store, "Lidton Rebecca", given="Lidton", family="Rebecca")
    account = add_account(store, handle, "Rebecca")
    flags = features(store, person, account, ev.K_HANDLE)
    assert flags["handle_surname"] is found
    assert flags["given_only"] is found


# ---- round 6: evidence that only looked like evidence --------------------------------------


def test_a_title_counts_only_as_whole_words_of_the_bio(store):
    person = add_person(store, "Obiora Nwachukwu", title="Partner")
    inside = add_account(store, "obnwa", "Obiora Nwachukwu", bio="Working in partnerships")
    whole = add_account(store, "obiora_n", "Obiora Nwachukwu", bio="Partner, tax. Cyclist")
    assert not features(store, person, inside)["title_in_bio"]
    assert features(store, person, whole)["title_in_bio"]


def test_a_location_shorter_than_the_cards_city_is_no_part_of_it(store):
    person = add_person(store, "Hollis Brandreth", city="Manchester")
    code = add_account(store, "hbrandreth", "Hollis Brandreth", location="ES")
    city = add_account(store, "hollisb", "Hollis Brandreth", location="Manchester, UK")
    assert not features(store, person, code)["city_in_location"]
    assert features(store, person, city)["city_in_location"]


def test_a_nearby_large_city_is_another_place_a_nearby_town_is_not(store):
    from audience.matching.signals import places_agree, places_conflict

    assert not places_agree("Leeds", "Manchester") and not places_conflict("Leeds", "Manchester")
    assert places_agree("Manchester", "Salford")
    person = add_person(store, "Marieke Oosterhuis", city="Utrecht")
    other_city = add_account(store, "moosterhuis", "Marieke Oosterhuis", location="Amsterdam")
    found = features(store, person, other_city)
    assert not found["city_in_location"] and not found["location_conflict"]


def test_a_personal_mailbox_at_a_national_provider_names_the_country(store):
    from audience.matching.signals import mail_country

    assert mail_country("hotmail.co.uk") == "GB" and mail_country("wp.pl") == "PL"
    # an employer's domain, a global provider or a country code used as a word: no country
    assert mail_country("kpmg.de") == mail_country("gmail.com") == mail_country("pm.me") == ""
    person = add_person(store, "Wendell Ashcombe", emails=["wendell.ashcombe@hotmail.co.uk"])
    abroad = add_account(store, "washcombe", "Wendell Ashcombe", location="Köln, DE")
    home = add_account(store, "wendella", "Wendell Ashcombe", location="Bristol, England")
    assert features(store, person, abroad)["country_conflict"]
    assert not features(store, person, home)["country_conflict"]
    employer = add_person(store, "Wendy Ashcombe", emails=["wendy.ashcombe@kpmg.de"])
    assert not features(store, employer, home)["country_conflict"]


def test_a_profile_bearing_every_part_of_a_double_family_name_bears_the_name(store):
    person = add_person(store, "Susanne Krüger-Schmidt", given="Susanne", family="Krüger-Schmidt")
    whole = add_account(store, "skschmidt", "Susanne Krüger-Schmidt")
    other_half = add_account(store, "smschmidt", "Susanne Müller-Schmidt")
    halves = [add_account(store, f"sschmidt{k}", "Susanne Schmidt") for k in range(3)]
    assert features(store, person, whole)["name_exact"]
    assert features(store, person, whole)["rare_name"]  # the only one bearing both parts
    assert not features(store, person, other_half)["name_exact"]
    assert not features(store, person, halves[0])["rare_name"]
    match_people(store)
    found = {m["account_id"]: m["score"] for m in matches(store, person)}
    assert max(found, key=found.get) == whole
    assert found[whole] > 0.5  # the half namesakes compete once each, not twice


@pytest.mark.parametrize(
    ("card", "display"),
    [
        ("Katarzyna Wróblewska", "Kasia Wróblewska"),  # Polish
        ("Consuelo Arrieta", "Chelo Arrieta"),  # Spanish
        ("Roberto Galimberti", "Robi Galimberti"),  # Italian
    ],
)
def test_a_diminutive_from_the_nickname_data_meets_its_formal_name(store, card, display):
    person = add_person(store, card)
    short = add_account(store, "dim_form_1", display)
    match_people(store)
    assert short in proposed(store, person)
    assert features(store, person, short)["name"] >= 0.9


def test_two_formal_names_sharing_a_short_form_stay_two_names(store):
    from audience.matching.names import given_compatible

    assert given_compatible("nino", "giovanni") and given_compatible("nino", "antonino")
    assert not given_compatible("giovanni", "antonino")
    person = add_person(store, "Giovanni Ferraresi")
    nino = add_account(store, "nferraresi", "Nino Ferraresi")
    other = add_account(store, "aferraresi", "Antonino Ferraresi")
    match_people(store)
    assert nino in proposed(store, person) and other not in proposed(store, person)


def _background(store, names: list[str]) -> None:
    """Profiles whose names tell which words are given names and which family names."""
    for k, name in enumerate(names):
        add_account(store, f"bg_{k}_{name.split()[0].lower()}", name)


def test_a_family_name_with_its_particle_in_the_given_column_is_read_swapped(store):
    _background(store, ["Pieter de Boer", "Anouk de Boer", "Bram Visser", "Bram Jansen"])
    person = add_person(store, "de Boer Bram", given="de Boer", family="Bram")
    mine = add_account(store, "bramdeboer", "Bram de Boer")
    match_people(store)
    assert mine in proposed(store, person)


def test_a_middle_name_in_the_given_column_is_no_swapped_family_name(store):
    _background(store, ["Ann Walsh", "Ann Carter", "Mary Quinn", "Peter Smith", "Joan Smith"])
    person = add_person(store, "Mary Ann Smith", given="Mary Ann", family="Smith")
    other = add_account(store, "smithann", "Smith Ann")
    match_people(store)
    assert other not in proposed(store, person)


def test_a_nickname_and_a_family_initial_meet_the_formal_name(store):
    person = add_person(store, "John Shaw")
    jack = add_account(store, "jacks", "Jack S.")
    other = add_account(store, "janes", "Jane S.")
    match_people(store, review=LOW_FLOOR)
    assert jack in proposed(store, person)
    assert other not in proposed(store, person)


# ---- namesakes too many to score (issue 13, 10k x 100k) -----------------------------------


def _unscored(store):
    from audience.matching import matcher as mt

    people = [p for p in ev.load_people(store) if p.usable and not p.is_organisation]
    accounts = ev.load_accounts(store, "x")
    pi, ai, kinds = mt.candidate_pairs(people, accounts)
    f = ev.compute_features(people, accounts, pi, ai, kinds, floor=mt.FLOOR_ODDS)
    ev.score_pairs(f)
    return people, accounts, f, mt.unscored_namesakes(people, accounts, f)


def test_unscored_namesakes_of_a_common_name_weigh_what_a_scored_one_would(store):
    # sixty James Smiths: too many to score one by one, they compete as the name alone at the
    # name's rarity (less than an exact name at odds 0 each), and the one naming the card's
    # employer is likelier than if each counted as a whole candidate
    from audience.matching import matcher as mt

    person = add_person(store, "James Smith", org="Kilnquay Energy")
    right = add_account(store, "jsmith_kq", "James Smith", bio="Engineer at Kilnquay Energy")
    for n in range(60):
        add_account(store, f"zz{n}x", "James Smith")
    people, accounts, f, weights = _unscored(store)
    index = next(k for k, p in enumerate(people) if p.id == person)
    bearers = int(np.sum(accounts.display == "James Smith"))
    scored = int(np.sum((f.pi == index) & (f.name >= 0.5)))
    count = bearers - scored
    assert count > 0 and 0 < weights[index] < count
    rarity = float(f.rarity[f.pi == index][0])
    assert weights[index] == pytest.approx(count * np.exp(ev.RARITY_WEIGHT * rarity))
    k = int(np.nonzero((f.pi == index) & (accounts.ids[f.ai] == right))[0][0])
    as_whole = mt.candidate_probabilities(f.pi, f.odds, np.where(weights > 0, count, 0.0))
    assert mt.candidate_probabilities(f.pi, f.odds, weights)[k] > as_whole[k]


def test_a_name_no_unscored_profile_bears_has_no_unscored_namesakes(store):
    person = add_person(store, "Ottoline Gravesend", org="Kilnquay Energy")
    add_account(store, "ogravesend", "Ottoline Gravesend")
    for n in range(60):
        add_account(store, f"zz{n}x", "James Smith")
    people, _, _, weights = _unscored(store)
    index = next(k for k, p in enumerate(people) if p.id == person)
    assert weights[index] == 0


# ---- a near name nothing else spells ----------------------------------------------------------


def test_a_near_name_nothing_spells_weighs_against(store):
    # "Cindy Lin" is one letter from Cindy Li, and nothing on the profile spells "Cindy Li"
    person = add_person(store, "Cindy Li")
    near = add_account(store, "sunnyside_77", "Cindy Lin")
    found = features(store, person, near, ev.K_FUZZY)
    assert found["near_name_alone"]
    assert not found["name_exact"]


def test_a_near_name_whose_handle_spells_the_card_is_a_typo_not_another_name(store):
    # the handle spells the card's name: the display's missing letter is a typo
    person = add_person(store, "Markus Bernberg")
    typo = add_account(store, "markusbernberg", "Markus Bernburg")
    alone = add_account(store, "mb_runs", "Markus Bernburg")
    assert not features(store, person, typo, ev.K_FUZZY)["near_name_alone"]
    assert features(store, person, alone, ev.K_FUZZY)["near_name_alone"]
    match_people(store, review=LOW_FLOOR)
    found = {m["account_id"]: m["score"] for m in matches(store, person)}
    assert found[typo] > found.get(alone, 0.0)


@pytest.mark.parametrize(
    ("card", "display", "handle"),
    [
        ("Jane Doe", "J. Doe", "jd_writes"),  # an initial is a form of the name
        ("Robert Smith", "Bob Smith", "bs_photos"),  # so is a nickname
        ("Jane Doe", "Jane Doe", "pixelcat"),  # and the name itself
    ],
)
def test_name_forms_are_not_near_names(store, card, display, handle):
    person = add_person(store, card)
    account = add_account(store, handle, display)
    found_by = ev.K_INITIAL if display.startswith("J.") else ev.K_NAME
    assert not features(store, person, account, found_by)["near_name_alone"]


# ---- employers as handles, acronyms and domains write them (match9) ----------------------


@pytest.mark.parametrize(
    ("card_org", "emails", "bio"),
    [
        ("", ["claire.a@lloydsbankinggroup.com"], "PR person (LBG) | wine"),  # domain's acronym
        ("", ["ling.he@santander.com"], "sales person at @bancosantander"),  # a word before it
        ("Guaranty Trust Bank", [], "Managing Director at @gtbank"),  # initials and a word
        ("PKO Bank Polski", [], "contact centres person at @PKOBP"),  # a word and initials
        ("COC", [], "Working in community at @CrownOrbitCommu"),  # a handle's capitals
    ],
)
def test_an_employer_written_as_its_handle_or_acronym_is_the_cards(store, card_org, emails, bio):
    person = add_person(store, "Sam Okafor", org=card_org or None, emails=emails)
    right = add_account(store, "samokafor", "Sam Okafor", bio=bio)
    found = features(store, person, right)
    assert found["employer_match"] and not found["employer_conflict"]


@pytest.mark.parametrize(
    ("card_org", "emails", "bio"),
    [
        ("", ["sam@nova.pt"], "Analyst at @SuperNova"),  # a short name ending another
        ("Guaranty Trust Bank", [], "Analyst at @gtholdings"),  # initials alone, another word
        ("COC", [], "Analyst at @crownorbitcommu"),  # no capitals: no acronym to read
        ("", ["sam@lloydsbankinggroup.com"], "Analyst at @LloydsBankNews"),  # another name
    ],
)
def test_a_handle_that_only_resembles_the_employer_is_not_it(store, card_org, emails, bio):
    person = add_person(store, "Sam Okafor", org=card_org or None, emails=emails)
    other = add_account(store, "samokafor", "Sam Okafor", bio=bio)
    found = features(store, person, other)
    assert not found["employer_match"] and found["employer_conflict"]


@pytest.mark.parametrize(
    ("card_org", "display", "bio"),
    [
        ("ClearHarbour", "Linh Nguyen", "Working in CX @ Clear Harbour"),  # words glued
        ("PricewaterhouseCoopers", "Linh Nguyen", "Head of Comms, @PwC"),  # the group's alias
        ("Crown Green Software", "Linh Nguyen @ Crown Green Software", ""),  # display name
        ("Alibaba", "Linh Nguyen", "Consultant at @AlibabaGroup"),  # a longer handle
    ],
)
def test_a_profile_naming_the_employer_is_a_candidate_however_common_the_name(
    store, card_org, display, bio
):
    # too many namesakes to block on the name: the employer finds the profile
    from audience.matching.matcher import MAX_BLOCK, candidate_pairs

    add_person(store, "Linh Nguyen", org=card_org)
    for n in range(MAX_BLOCK[ev.K_NAME] + 1):
        add_account(store, f"linhnguyen{n}", "Linh Nguyen", bio="Working in design")
    right = add_account(store, "lnguyen_cx", display, bio=bio)
    other = add_account(store, "lnguyen_elsewhere", display.split(" @")[0], bio="CX at Acme Foods")
    accounts = ev.load_accounts(store, "x")
    _, found, kinds = candidate_pairs(ev.load_people(store), accounts)
    ids = accounts.ids[found].tolist()
    assert right in ids and other not in ids
    assert kinds[ids.index(right)] & ev.K_ORG


# ---- a work address names the employer its colleagues' cards write (match10) -------------


def test_a_work_address_takes_the_employer_its_colleagues_cards_write(store):
    add_person(
        store,
        "Ines Duarte",
        org="Crown Orbit Communications",
        emails=["ines.duarte@crownorbitcommunications.com"],
    )
    person = add_person(store, "Sam Okafor", emails=["s.okafor@crownorbitcommunications.com"])
    right = add_account(store, "samokafor", "Sam Okafor", bio="Working in research @ COC")
    found = features(store, person, right)
    assert found["employer_match"] and not found["employer_conflict"]


def test_a_work_address_alone_does_not_spell_an_acronym(store):
    person = add_person(store, "Sam Okafor", emails=["s.okafor@crownorbitcommunications.com"])
    other = add_account(store, "samokafor", "Sam Okafor", bio="Working in research @ COC")
    found = features(store, person, other)
    assert not found["employer_match"]


@pytest.mark.parametrize(
    ("colleague_email", "bio"),
    [
        ("ines.duarte@crownorbit.de", "Working in research @ COC"),  # another domain
        ("ines.duarte@crownorbitcommunications.com", "Analyst at KPMG"),  # another employer
    ],
)
def test_a_colleague_lends_no_employer_across_domains_nor_against_another(
    store, colleague_email, bio
):
    add_person(store, "Ines Duarte", org="Crown Orbit Communications", emails=[colleague_email])
    person = add_person(store, "Sam Okafor", emails=["s.okafor@crownorbitcommunications.com"])
    other = add_account(store, "samokafor", "Sam Okafor", bio=bio)
    found = features(store, person, other)
    assert not found["employer_match"]


def test_a_free_mail_domain_lends_no_employer(store):
    add_person(
        store, "Ines Duarte", org="Crown Orbit Communications", emails=["ines.duarte@gmail.com"]
    )
    person = add_person(store, "Sam Okafor", emails=["sam.okafor@gmail.com"])
    other = add_account(store, "samokafor", "Sam Okafor", bio="Working in research @ COC")
    assert not features(store, person, other)["employer_match"]


# ---- titles as the bio writes them (match12) -------------------------------------------------


@pytest.mark.parametrize(
    ("title", "bio"),
    [
        ("Co-founder", "Co-founder | hiking | She/her"),  # the card's hyphen, the bio's words
        ("Editor-in-Chief", "Editor in chief, weekend cyclist"),
        ("CEO", "CEO. wine · climbing"),  # a short title, a whole word of the bio
        ("CTO", "Husband. CTO at a fintech"),
    ],
)
def test_a_title_as_the_bio_writes_it_is_the_cards_title(store, title, bio):
    person = add_person(store, "Marisol Quenby", title=title)
    right = add_account(store, "mquenby", "Marisol Quenby", bio=bio)
    assert features(store, person, right)["title_in_bio"]


@pytest.mark.parametrize(
    ("title", "bio"),
    [
        ("CEO", "Ceos and founders, read my newsletter"),  # inside a longer word
        ("CFO", "What CFOs want. Coffee"),
        ("Dr", "Dr of nothing. Coffee"),  # two letters are no job title
        ("COO", "Cook, runner"),
    ],
)
def test_a_short_title_inside_another_word_or_too_short_is_no_title(store, title, bio):
    person = add_person(store, "Marisol Quenby", title=title)
    other = add_account(store, "mquenby", "Marisol Quenby", bio=bio)
    assert not features(store, person, other)["title_in_bio"]


# ---- the only bearer of a name near the card's (match12) --------------------------------------


def _pair_features(store, person_id, account_id) -> ev.PairFeatures:
    people = ev.load_people(store)
    index = next(k for k, p in enumerate(people) if p.id == person_id)
    accounts = ev.load_accounts(store, "x")
    row = int(np.nonzero(accounts.ids == account_id)[0][0])
    return ev.compute_features(
        people, accounts, np.array([index]), np.array([row]), np.array([ev.K_FUZZY])
    )


def test_the_only_bearer_of_a_common_name_near_the_cards_is_weighed_as_that_name(store):
    # the card misspells "Jing Li": no profile bears "Lii", so the card's spelling looks rare,
    # but the profile bears a name two dozen Lis make common
    _crowd(store, ["li"], ["wei", "ling", "jun", "min", "chao"], 24, "c")
    person = add_person(store, "Jing Lii")
    common = add_account(store, "jing_li_x", "Jing Li")
    f = _pair_features(store, person, common)
    assert f.rare_name[0] and not f.name_exact[0]
    assert f.sole_rarity[0] < f.rarity[0] - 1.0


def test_the_only_bearer_of_a_rare_name_near_the_cards_keeps_its_rarity(store):
    _crowd(store, ["li"], ["wei", "ling", "jun", "min", "chao"], 24, "c")
    person = add_person(store, "Jing Lindqvistt")
    rare = add_account(store, "jinglindq", "Jing Lindqvist")  # no other Lindqvist
    f = _pair_features(store, person, rare)
    assert f.rare_name[0] and not f.name_exact[0]
    assert f.sole_rarity[0] == f.rarity[0]


def test_the_only_bearer_of_the_cards_exact_name_keeps_the_names_rarity(store):
    _crowd(store, ["li"], ["wei", "ling", "jun", "min", "chao"], 24, "c")
    person = add_person(store, "Jing Li")
    exact = add_account(store, "jingli_x", "Jing Li")
    f = _pair_features(store, person, exact)
    assert f.rare_name[0] and f.name_exact[0]
    assert f.sole_rarity[0] == f.rarity[0]


def test_a_particle_of_a_family_name_is_no_family_name_alone(store):
    person = add_person(store, "Maria van der Meer", given="Maria", family="van der Meer")
    other = add_account(store, "mariavv", "Maria van Vliet")
    half = add_account(store, "mariameer", "Maria Meer")
    people = [p for p in ev.load_people(store) if p.id == person]
    assert "van" not in people[0].family_variants and "der" not in people[0].family_variants
    assert "meer" in people[0].family_variants
    match_people(store, review=LOW_FLOOR)
    assert other not in proposed(store, person)
    assert half in proposed(store, person)


@pytest.mark.parametrize(
    ("bio", "current", "former"),
    [
        ("Analyst at Crown Orbit. Ex-Brightwater", "crownorbit", "brightwater"),
        ("FORMERLY AT Brightwater, now at Crown Orbit", "crownorbit", "brightwater"),
        ("Alumna of Brightwater | jane@crownorbit.com", "", "brightwater"),
        ("Partner, Crown Orbit", "crownorbit", ""),
        ("Writing for Crown Orbit (views mine)", "crownorbit", ""),
        ("Expert in next-gen text; at home", "", ""),  # "ex" inside words is no former one
        ("Previously: nothing capitalised, with friends", "", ""),
    ],
)
def test_bio_employers_read_past_the_checks_that_skip_patterns(bio, current, former):
    """bio_orgs runs each pattern only where what it needs is in the text ("@", "ex",
    "former", "prev", "alum", a comma): the employers read are those the patterns find."""
    orgs = bio_orgs.__wrapped__(bio, "")
    assert (current in orgs.current.full) if current else not orgs.current
    assert (former in orgs.former.full) if former else not orgs.former


def test_org_hint_rows_are_the_texts_the_single_hint_pattern_finds():
    """The hint patterns split in two (marks with their case, words in any case) pick the same
    profiles as the one pattern bio_orgs itself checks."""
    from audience.matching.signals import _DISPLAY_HINT_RE, _ORG_HINT_RE, org_hint_rows

    bios = [
        "Analyst AT Acme",
        "formerly nowhere",
        "alumnus",
        "alumnu of X",
        "Editor, London",
        "editor, london",
        "(views mine)",
        "coffee & code",
        "",
        None,
        "Formerlyish words",
        "mail me: jo@x.io",
        "Formally trained",
    ]
    displays = ["Jo Bloggs"] * (len(bios) - 1) + ["Jo Bloggs @ Acme"]
    want = [
        k
        for k, (bio, display) in enumerate(zip(bios, displays, strict=True))
        if _ORG_HINT_RE.search(bio or "") or _DISPLAY_HINT_RE.search(display)
    ]
    assert org_hint_rows(bios, displays) == want
    assert 7 not in want and 10 not in want and 3 not in want and len(bios) - 1 in want


def test_numbered_employers_agree_exactly_when_orgs_agree_says_so():
    """_OrgCodes skips orgs_agree for pairs whose glued names share no first three or last six
    letters (a speed-up at a million profiles): every pair still gets orgs_agree's answer,
    prefixes ("@LighthouseCoppe"), endings ("bancosantander"), acronyms and aliases alike."""
    from audience.matching.signals import card_org_keys, domain_keys, org_keys, orgs_agree

    names = [
        "Lighthouse Copper Partners",
        "LighthouseCoppe",
        "Banco Santander",
        "bancosantander",
        "Santander",
        "Crown Orbit Communications",
        "COC",
        "PricewaterhouseCoopers",
        "PwC",
        "North Group",
        "North Partners",
        "Community Trust",
        "Unity",
        "KPMG LLP",
        "Ogilvy",
        "at home",
    ]
    keys = [org_keys(n) for n in names] + [card_org_keys(n) for n in names]
    keys += [domain_keys(d) for d in ("santander.com", "pwc.co.uk", "crownorbit.com")]
    codes = ev._OrgCodes()
    numbers = np.array([codes.code(k) for k in keys], dtype=np.int64)
    left, right = np.repeat(numbers, len(numbers)), np.tile(numbers, len(numbers))
    want = [bool(a and b and orgs_agree(a, b)) for a in keys for b in keys]
    got = codes.agree(left, right)
    assert got.tolist() == want
    assert any(want) and not all(want)


PATTERN_TEXTS = [
    "Analyst AT Acme (views mine) with Bob, for now @AcmeCo",
    "what a day at Acme; flat@home.com",
    "\nAt the start\nFor Acme\n@x @ab ABC Corp Ltd-Group's Way Now More",
    "Formerly at Brightwater, ex-Ogilvy, alumna of LSE, previously Foo, next-gen Ex -Acme",
    "former formerly formers alumnus alumnu exam Ex EX eX",
    "McDonald O'Brien&Co x-Ray iPhone É Zoë Éric at Éclair",
    "tab\tFor\u00a0At\u2003with",
    "",
    "a",
]


def test_patterns_written_to_begin_with_their_characters_find_what_the_plain_ones_find():
    """_AT_RE, _EX_RE, the hint words and the bio mentions are written to begin with a set of
    characters (searched for fast) instead of a word boundary: each finds exactly the matches
    of its plain form, including words that only contain the hint ("flat", "exam")."""
    import re

    from audience.matching.matcher import _MENTION_RE
    from audience.matching.signals import _AT_RE, _EX_RE, _ORG_HINT_WORD_RE

    plain = {
        _EX_RE: re.compile(
            r"\b(?:ex|former(?:ly)?(?:\s+at)?|previously(?:\s+at)?|alum(?:nus|na)?(?:\s+of)?)"
            r"[\s-]+@?\s*([^|.;·•,()\n!?]+)",
            re.I,
        ),
        _AT_RE: re.compile(r"(?:\bat\b|@|\(|\bwith\b|\bfor\b)\s*@?\s*([^|.;·•,()\n!?]+)", re.I),
        _ORG_HINT_WORD_RE: re.compile(
            r"\b(?:at|for|with|ex|former|formerly|previously|alum|alumna|alumnus)\b", re.I
        ),
        _MENTION_RE: re.compile(r"\n|@\w{2,}|\b[A-Z][\w&'-]+(?: [A-Z][\w&'-]*){0,3}"),
    }
    for written, reference in plain.items():
        for text in [*PATTERN_TEXTS, "\n".join(PATTERN_TEXTS)]:
            got = [(m.span(), m.groups()) for m in written.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in reference.finditer(text)], text
    assert not _ORG_HINT_WORD_RE.search("flat exam") and _ORG_HINT_WORD_RE.search("Flat EX")


# ---- blocking keys for names the profile shows otherwise (match14) -------------------------


def _found(store) -> list[str]:
    from audience.matching.matcher import candidate_pairs

    accounts = ev.load_accounts(store, "x")
    _, found, _ = candidate_pairs(ev.load_people(store), accounts)
    return accounts.handle[found].tolist()


def test_a_website_on_the_cards_domain_with_its_family_name_is_found_in_a_crowd(store):
    # too many namesakes to block on the name, and too many profiles on the employer's domain
    # to block on it: the family name beside the domain makes the block small. A colleague of
    # another family name, or a namesake elsewhere, is no candidate by it.
    from audience.matching.matcher import MAX_BLOCK

    add_person(store, "Tomasz Wrzesniak", emails=["t.wrzesniak@quillstone.com"])
    for n in range(MAX_BLOCK[ev.K_DOMAIN] + 1):
        add_account(store, f"colleague{n}", f"Person{n} Other{n}", website="https://quillstone.com")
    for n in range(MAX_BLOCK[ev.K_NAME] + 1):
        add_account(store, f"namesake{n}", "Tomasz Wrzesniak", website=f"https://site{n}.pl")
    add_account(store, "tw_quill", "Tomasz Wrzesniak", website="https://quillstone.com/team")
    add_account(store, "tb_quill", "Tomasz Brzezinski", website="https://quillstone.com/team")
    found = _found(store)
    assert "tw_quill" in found
    assert not {"tb_quill", "colleague0", "namesake0"} & set(found)


@pytest.mark.parametrize(
    ("card", "display"),
    [
        ("Inés Albarrán", "Inés Albarrán Quiroga-Ledesma"),  # the first of three family names
        ("Henrike Brügge", "WOLTERS-BRÜGGE Henrike"),  # surname first, hyphenated
        ("Odile Perrichon", "Odile Vasseur (née Perrichon-Lallemand)"),  # a hyphenated née name
    ],
)
def test_every_part_of_a_longer_family_name_meets_the_card(store, card, display):
    add_person(store, card)
    add_account(store, "the_person", display)
    add_account(store, "a_namesake_of_a_part", display.replace(card.split()[0], "Zygmunt"))
    # the profiles say which words are given names
    for n, name in enumerate(["Inés Soto", "Henrike Maas", "Odile Brun", "Zygmunt Kalla"]):
        add_account(store, f"usage_{n}", name)
    found = _found(store)
    assert "the_person" in found
    assert "a_namesake_of_a_part" not in found  # another given name with the same surnames


def test_a_given_name_display_meets_the_card_through_its_website(store):
    add_person(store, "Marguerite Solanet")
    add_account(store, "margot_77", "Marguerite 🌿", website="https://marguerite-solanet.fr")
    add_account(store, "marg_88", "Marguerite 🌿", website="https://marguerite-dubrac.fr")
    add_account(store, "nomdeplume", "Plume", website="https://margueritesolanet.com")
    found = _found(store)
    assert "margot_77" in found and "nomdeplume" in found  # the site spells the whole name
    assert "marg_88" not in found


@pytest.mark.parametrize(
    ("website", "names"),
    [
        ("https://quillpartners.com/people/louise-warbrook", False),  # another family name
        ("https://louisewarbrook.dev", False),
        ("https://about.me/louisew", True),  # the given name and the initial, a word alone
        ("https://linktr.ee/louisew84", True),
        ("https://quillpartners.com/people/louise-whitbury", True),
        ("https://louisewhitbury.dev", True),
    ],
)
def test_a_website_beginning_with_the_given_name_and_initial_may_spell_another_name(
    store, website, names
):
    person = add_person(store, "Louise Whitbury")
    account = add_account(store, "louise_q", "Louise", website=website)
    assert bool(_pair_features(store, person, account).site_name[0]) is names


@pytest.mark.parametrize(
    ("display", "conflict"),
    [
        ("Elena Pérez Galero", True),  # the same father's name, another mother's
        ("Elena Galero Zuera", True),  # the same mother's name, another father's
        ("Elena Pérez Zuera", False),
        ("Elena Pérez Zueras", False),  # a misspelling of the card's
        ("Elena Pérez", False),  # one of the two
        ("Elena Lucía Zuera", False),  # a word profiles bear as a given name: a middle name
    ],
)
def test_two_family_names_one_of_them_another_are_another_person(store, display, conflict):
    person = add_person(store, "Elena Pérez Zuera", given="Elena", family="Pérez Zuera")
    add_account(store, "lucia_x", "Lucía Ortiz")  # "lucia" is a given name among the profiles
    account = add_account(store, "elena_x", display)
    name = float(_pair_features(store, person, account).name[0])
    assert (name <= ev.OTHER_GIVEN_NAME + 1e-6) is conflict


def test_a_bearer_of_the_name_scored_low_for_another_family_name_competes_once(store):
    # "Maria Rodrigues Lopes" bears "Maria Lopes" but another first family name: scored, low,
    # and not counted again among the namesakes too common to score
    person = add_person(store, "Maria Loumães Lopes", given="Maria", family="Loumães Lopes")
    add_account(store, "marial67", "Loumaes Lopes, Maria")
    add_account(store, "mrlopes", "Maria Rodrigues Lopes")
    people, _, _, weights = _unscored(store)
    assert weights[next(k for k, p in enumerate(people) if p.id == person)] == 0
