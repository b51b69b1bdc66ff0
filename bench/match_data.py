"""Synthetic contact books and profile pools with ground truth, for the matching benchmark.

The hard cases of real books are all here: nicknames (Bob for Robert), typos, accents dropped
or kept, display-name noise (emoji, pronouns, "| Editor at X"), changed surnames, contacts
with no profile, namesakes at other companies and in other cities, colleagues at the same
company, organisation and parody accounts, and a large crowd of unrelated profiles.

    python bench/match_data.py --contacts 1000 --profiles 10000   # prints a summary
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field

GIVEN = {
    "robert": ["bob", "rob", "bobby"],
    "william": ["bill", "will", "billy"],
    "elizabeth": ["liz", "beth", "lizzie"],
    "james": ["jim", "jamie"],
    "michael": ["mike"],
    "katherine": ["kate", "kathy"],
    "margaret": ["maggie", "peggy"],
    "thomas": ["tom"],
    "richard": ["rick", "dick"],
    "jennifer": ["jen", "jenny"],
    "david": ["dave"],
    "daniel": ["dan", "danny"],
    "joseph": ["joe"],
    "christopher": ["chris"],
    "patricia": ["pat", "trish"],
    "alexander": ["alex"],
    "samuel": ["sam"],
    "rebecca": ["becky"],
    "jonathan": ["jon"],
    "nicholas": ["nick"],
    "andrew": ["andy"],
    "matthew": ["matt"],
    "stephen": ["steve"],
    "victoria": ["vicky"],
    "anthony": ["tony"],
    "edward": ["ed", "ted"],
    "susan": ["sue"],
    "deborah": ["debbie"],
    "timothy": ["tim"],
}
PLAIN_GIVEN = [
    "jane",
    "zoë",
    "priya",
    "olusegun",
    "fang",
    "łukasz",
    "anne-marie",
    "niamh",
    "josé",
    "harriet",
    "deepa",
    "felix",
    "ana",
    "sofia",
    "lucas",
    "mateo",
    "chloé",
    "amelia",
    "oliver",
    "noah",
    "emma",
    "mia",
    "leo",
    "ella",
    "isla",
    "freya",
    "arjun",
    "ravi",
    "aisha",
    "fatima",
    "omar",
    "yusuf",
    "chen",
    "wei",
    "hiroshi",
    "yuki",
    "sven",
    "ingrid",
    "lars",
    "astrid",
    "pierre",
    "camille",
    "élodie",
    "mathieu",
    "giulia",
    "marco",
    "luca",
    "francesca",
    "pablo",
    "lucía",
    "carmen",
    "diego",
    "nina",
    "sara",
    "hannah",
    "laura",
    "claire",
    "paul",
    "mark",
    "peter",
    "simon",
    "helen",
    "grace",
    "ruth",
    "alice",
    "tessa",
    "nadia",
    "karim",
    "leila",
    "hamza",
    "ines",
    "rosa",
    "irene",
    "agnes",
]
SURNAMES = [
    "smith",
    "jones",
    "taylor",
    "brown",
    "williams",
    "wilson",
    "johnson",
    "davies",
    "robinson",
    "wright",
    "thompson",
    "evans",
    "walker",
    "white",
    "roberts",
    "green",
    "hall",
    "wood",
    "jackson",
    "clarke",
    "patel",
    "khan",
    "lewis",
    "james",
    "phillips",
    "mason",
    "mitchell",
    "rose",
    "davis",
    "rodriguez",
    "cox",
    "alexander",
    "garden",
    "campbell",
    "johnston",
    "moore",
    "turner",
    "parker",
    "morris",
    "cooper",
    "ward",
    "king",
    "harris",
    "martin",
    "lee",
    "scott",
    "young",
    "allen",
    "baker",
    "hill",
    "adams",
    "o'sullivan",
    "murphy",
    "kelly",
    "byrne",
    "ryan",
    "walsh",
    "fernández",
    "garcía",
    "lópez",
    "martínez",
    "müller",
    "schmidt",
    "schneider",
    "fischer",
    "weber",
    "wagner",
    "becker",
    "hoffmann",
    "wiśniewski",
    "kowalski",
    "nowak",
    "wójcik",
    "dubois",
    "durand",
    "lefebvre",
    "moreau",
    "rossi",
    "russo",
    "ferrari",
    "esposito",
    "bianchi",
    "nakamura",
    "tanaka",
    "suzuki",
    "wang",
    "li",
    "zhang",
    "liu",
    "chen",
    "singh",
    "kumar",
    "sharma",
    "gupta",
    "okoro",
    "adeyemi",
    "mensah",
    "mears",
    "lambert-hughes",
    "grünfeld",
    "okoro-blake",
    "krishnamurthy",
    "hartmann",
    "paredes",
    "novak",
]
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "wa",
    "we",
    "wi",
    "ya",
    "yo",
    "za",
    "ze",
    "zo",
    "ch",
    "sh",
    "th",
    "ll",
    "rr",
    "nd",
    "st",
    "ck",
    "ng",
    "ber",
    "son",
    "ton",
    "ley",
    "field",
    "man",
    "ski",
    "ova",
    "ard",
    "ing",
    "well",
]
ORG_WORDS = [
    "nova",
    "leaf",
    "harbour",
    "light",
    "bright",
    "water",
    "lantern",
    "fish",
    "andes",
    "quay",
    "kiln",
    "north",
    "star",
    "blue",
    "river",
    "iron",
    "oak",
    "maple",
    "summit",
    "delta",
    "vertex",
    "pixel",
    "cedar",
    "atlas",
    "orbit",
    "prism",
    "ember",
    "silver",
    "coral",
    "falcon",
    "granite",
    "hazel",
    "ivory",
    "juniper",
]
ORG_KINDS = [
    "Studios",
    "Media",
    "Labs",
    "Analytics",
    "Group",
    "Partners",
    "Consulting",
    "News",
    "Press",
    "Digital",
    "Health",
    "Energy",
    "Foods",
    "Logistics",
    "Capital",
    "Robotics",
    "Games",
    "Records",
    "Publishing",
]
LEGAL = ["Ltd", "Limited", "plc", "Inc.", "LLC", "GmbH", "S.A.", ""]
CITIES = [
    "London",
    "Manchester",
    "Bristol",
    "Leeds",
    "Glasgow",
    "Edinburgh",
    "Cardiff",
    "Belfast",
    "Dublin",
    "Paris",
    "Lyon",
    "Berlin",
    "Munich",
    "Hamburg",
    "Madrid",
    "Valencia",
    "Barcelona",
    "Lisbon",
    "Rome",
    "Milan",
    "Warsaw",
    "Krakow",
    "Lagos",
    "Nairobi",
    "Mumbai",
    "Bangalore",
    "Singapore",
    "Sydney",
    "Melbourne",
    "Toronto",
    "Vancouver",
    "Chicago",
    "Austin",
    "Boston",
    "Seattle",
    "Denver",
    "Atlanta",
    "Amsterdam",
    "Brussels",
    "Vienna",
    "Zurich",
    "Oslo",
    "Stockholm",
    "Helsinki",
    "Copenhagen",
    "Prague",
    "Budapest",
    "Athens",
]
TITLES = """News Editor|Reporter|Technology Correspondent|Product Manager|Head of Comms|
Founder|CEO|Data Scientist|Designer|Producer|Marketing Director|Engineer|Analyst|
Features Writer|Brand Manager|Researcher|Talent Partner|Sales Lead""".replace("\n", "").split("|")
EMOJI = ["🌈", "✨", "🎬", "📷", "🚀", "🌍", "☕", "🇬🇧", "🏳️‍🌈"]
PRONOUNS = ["(she/her)", "(he/him)", "they/them", "she/her"]
FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"]


@dataclass
class Dataset:
    contacts: list[dict] = field(default_factory=list)
    profiles: list[dict] = field(default_factory=list)
    truth: set[tuple[int, int]] = field(default_factory=set)  # (contact id, profile id)


class _Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.nick_of = GIVEN
        self.givens = list(GIVEN) + PLAIN_GIVEN
        self.surnames = SURNAMES + [self._surname() for _ in range(20000)]
        self.orgs = [self._org() for _ in range(3000)]

    def _surname(self) -> str:
        return "".join(self.r.choice(SYLLABLES) for _ in range(self.r.randint(2, 3)))

    def _org(self) -> dict:
        words = self.r.sample(ORG_WORDS, 2)
        base = f"{words[0].title()}{words[1]} {self.r.choice(ORG_KINDS)}"
        domain = f"{words[0]}{words[1]}.{self.r.choice(['com', 'co.uk', 'io', 'org', 'de'])}"
        return {
            "name": f"{base} {self.r.choice(LEGAL)}".strip(),
            "base": base,
            "domain": domain,
            "city": self.r.choice(CITIES),
        }

    def given(self) -> str:
        return (
            self.givens[min(int(self.r.paretovariate(0.9)) - 1, len(self.givens) - 1)]
            if self.r.random() < 0.5
            else self.r.choice(self.givens)
        )

    def surname(self) -> str:
        if self.r.random() < 0.45:  # common names are common: that is what makes namesakes
            return self.r.choice(SURNAMES)
        return self.r.choice(self.surnames)


def _cap(name: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in name.split("-")).replace("'s", "'S")


def _ascii(text: str) -> str:
    from anyascii import anyascii

    return anyascii(text)


def _typo(r: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = r.randrange(1, len(word) - 1)
    op = r.choice("dsr")
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "s":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + r.choice("aeioulnrst") + word[i + 1 :]


def _letters(text: str) -> str:
    return "".join(ch for ch in _ascii(text).lower() if ch.isalpha())


def generate(n_contacts: int, n_profiles: int, seed: int = 7) -> Dataset:
    g = _Gen(seed)
    r = g.r
    data = Dataset()
    people = []
    for cid in range(n_contacts):
        given, family = g.given(), g.surname()
        org = r.choice(g.orgs)
        city = org["city"] if r.random() < 0.7 else r.choice(CITIES)
        title = r.choice(TITLES)
        local = r.choice(
            [
                f"{_letters(given)}.{_letters(family)}",
                f"{_letters(given)[0]}{_letters(family)}",
                f"{_letters(family)}{_letters(given)[0]}",
                _letters(given),
            ]
        )
        emails = [f"{local}@{org['domain']}"]
        if r.random() < 0.3:
            emails.append(
                f"{_letters(given)}{_letters(family)[:2]}{r.randint(1, 99)}@{r.choice(FREE_MAIL)}"
            )
        contact = {
            "id": cid,
            "given": _cap(given),
            "family": _cap(family),
            "org": org["name"],
            "title": title,
            "city": city,
            "emails": emails,
            "social": [],
        }
        roll = r.random()
        if roll < 0.01:  # a card with neither name nor e-mail: must never be matched
            contact.update(given="", family="", emails=[])
        elif roll < 0.03:
            contact.update(given="", family="")
        people.append((contact, org, given, family, local))
        data.contacts.append(contact)
    pid = 0

    taken: set[str] = set()

    def add(profile: dict) -> int:
        nonlocal pid
        handle = profile["handle"]
        while handle.lower() in taken:  # handles are unique on a platform
            handle = f"{profile['handle'][:11]}{r.randint(1, 9999)}"
        taken.add(handle.lower())
        profile["handle"] = handle
        profile["id"] = pid
        data.profiles.append(profile)
        pid += 1
        return pid - 1

    for contact, org, given, family, local in people:
        if contact["given"] and r.random() < 0.65:
            true_id = add(_true_profile(r, g, contact, org, given, family, local))
            data.truth.add((contact["id"], true_id))
            if r.random() < 0.05:
                contact["social"] = [("twitter", data.profiles[true_id]["handle"])]
        if contact["given"] and r.random() < 0.35:
            for _ in range(r.randint(1, 3)):
                add(_namesake(r, g, given, family, contact))
        if r.random() < 0.3:
            add(_colleague(r, g, org))
        if r.random() < 0.02 and contact["given"]:
            add(
                {
                    "handle": f"not{_letters(given)}{_letters(family)}"[:15],
                    "display": f"{_cap(given)} {_cap(family)} (parody)",
                    "bio": f"Parody account. Not the real one. {org['base']}",
                    "location": "",
                    "website": "",
                }
            )
    for org in g.orgs[: max(1, n_contacts // 10)]:
        add(
            {
                "handle": _letters(org["base"])[:15],
                "display": org["base"],
                "bio": f"Official account of {org['name']}",
                "location": org["city"],
                "website": f"https://{org['domain']}",
                "is_org": 1,
            }
        )
    while pid < n_profiles:
        add(_stranger(r, g))
    r.shuffle(data.profiles)
    return data


def _display(r: random.Random, given: str, family: str) -> str:
    name = f"{_cap(given)} {_cap(family)}"
    roll = r.random()
    if roll < 0.15:
        name = f"{name} {r.choice(EMOJI)}"
    elif roll < 0.25:
        name = f"{name} {r.choice(PRONOUNS)}"
    elif roll < 0.35:
        name = f"{name} | {r.choice(TITLES)}"
    elif roll < 0.38:
        name = f"{_cap(family)}, {_cap(given)}"
    elif roll < 0.42:
        name = f"Dr {name}"
    return _ascii(name) if r.random() < 0.3 else name


def _true_profile(r, g, contact, org, given, family, local) -> dict:
    shown_given, shown_family = given, family
    if given in g.nick_of and r.random() < 0.35:
        shown_given = r.choice(g.nick_of[given])
    if r.random() < 0.08:
        shown_family = _typo(r, family)
    if r.random() < 0.05:
        shown_family = g.surname()  # married or changed name
    handle_roll = r.random()
    if handle_roll < 0.3:
        handle = local.replace(".", "_")
    elif handle_roll < 0.6:
        handle = r.choice(
            [
                f"{_letters(given)}{_letters(family)}",
                f"{_letters(given)[0]}{_letters(family)}",
                f"{_letters(given)}_{_letters(family)}",
            ]
        )
    else:
        handle = f"{_letters(shown_given)}{r.randint(1, 9999)}"
    bio_parts = []
    if r.random() < 0.5:
        bio_parts.append(
            r.choice(
                [
                    f"{contact['title']} at {org['base']}",
                    f"{contact['title']} @{org['base'].replace(' ', '')}",
                    f"{org['base']}.",
                ]
            )
        )
    elif r.random() < 0.3:
        bio_parts.append(contact["title"])
    bio_parts.append(r.choice(["Views my own.", "Dog person.", "Coffee.", "", "Runner."]))
    return {
        "handle": handle[:15],
        "display": _display(r, shown_given, shown_family),
        "bio": " ".join(bio_parts).strip(),
        "location": f"{contact['city']}, UK" if r.random() < 0.55 else "",
        "website": f"https://{org['domain']}" if r.random() < 0.1 else "",
    }


def _namesake(r, g, given, family, contact) -> dict:
    other = r.choice(g.orgs)
    shown = r.choice(g.nick_of.get(given, [given])) if r.random() < 0.2 else given
    city = contact["city"] if r.random() < 0.15 else r.choice(CITIES)
    return {
        "handle": f"{_letters(shown)}{_letters(family)[:6]}{r.randint(1, 999)}"[:15],
        "display": _display(r, shown, family),
        "bio": f"{r.choice(TITLES)} at {other['base']}" if r.random() < 0.6 else "",
        "location": city if r.random() < 0.6 else "",
        "website": f"https://{other['domain']}" if r.random() < 0.05 else "",
    }


def _colleague(r, g, org) -> dict:
    given, family = g.given(), g.surname()
    return {
        "handle": f"{_letters(given)}{_letters(family)}"[:15],
        "display": _display(r, given, family),
        "bio": f"{r.choice(TITLES)} @{org['base'].replace(' ', '')}",
        "location": org["city"],
        "website": f"https://{org['domain']}",
    }


def _stranger(r, g) -> dict:
    given, family = g.given(), g.surname()
    org = r.choice(g.orgs)
    return {
        "handle": f"{_letters(given)[:7]}{r.randint(1, 99999)}",
        "display": _display(r, given, family),
        "bio": f"{r.choice(TITLES)} at {org['base']}" if r.random() < 0.4 else "",
        "location": r.choice(CITIES) if r.random() < 0.5 else "",
        "website": "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--profiles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = generate(args.contacts, args.profiles, args.seed)
    print(
        f"{len(data.contacts)} contacts, {len(data.profiles)} profiles, "
        f"{len(data.truth)} true links"
    )
    for profile in data.profiles[:5]:
        print(profile)


if __name__ == "__main__":
    main()
