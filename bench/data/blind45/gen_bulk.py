"""Write the plain (non-hard) accounts: src/segment_bulk.txt and src/prune_bulk.txt.

The hard cases are hand-written in src/*_hard.txt; this fills out the crowd with ordinary
accounts, deterministically (seeded). Run once; the output is committed.
"""

import random
from pathlib import Path

R = random.Random(45)
SRC = Path(__file__).resolve().parent / "src"
FIRST = [
    "Ingvild",
    "Sondre",
    "Kjersti",
    "Magnus",
    "Eirik",
    "Silje",
    "Tonje",
    "Håvard",
    "Ragnhild",
    "Øystein",
    "Synnøve",
    "Torbjørn",
    "Linn",
    "Aksel",
    "Vilde",
    "Even",
    "Maren",
    "Trond",
    "Hedda",
    "Jørgen",
    "Solveig",
    "Knut",
    "Astrid",
    "Sindre",
    "Guro",
    "Espen",
    "Marit",
    "Kjetil",
    "Randi",
    "Vegard",
]
LAST = [
    "Haugen",
    "Bakke",
    "Strand",
    "Solheim",
    "Nygård",
    "Rønning",
    "Aasen",
    "Lunde",
    "Myhre",
    "Vik",
    "Sæle",
    "Bø",
    "Skjold",
    "Eide",
    "Helland",
    "Tangen",
    "Fjeld",
    "Hovland",
    "Kvamme",
    "Rød",
    "Nordby",
    "Thorsen",
    "Aune",
    "Vatne",
    "Dahl",
    "Brekke",
    "Stokke",
    "Lien",
    "Sandvik",
    "Hope",
]
PL = [("Marta", "Kowalska"), ("Tomasz", "Nowak"), ("Agnieszka", "Lewandowska"), ("Paweł", "Wójcik")]
UA = [("Олена", "Коваль"), ("Andrii", "Shevchuk"), ("Юлія", "Мельник")]
SAMI = [("Máret", "Sara"), ("Niillas", "Gaup"), ("Ánde", "Eira")]
SE = [("Johanna", "Ek"), ("Oskar", "Lund"), ("Elin", "Sjöberg")]
DK = [("Mads", "Nørgaard"), ("Signe", "Holm")]

OUTLETS_NO = [
    ("Bergens Tidende", "bt.no", "Bergen"),
    ("Bergensavisen", "ba.no", "Bergen"),
    ("NRK Vestland", "nrk.no", "Bergen"),
    ("Aftenposten", "aftenposten.no", "Oslo"),
    ("VG", "vg.no", "Oslo"),
    ("Dagens Næringsliv", "dn.no", "Oslo"),
    ("E24", "e24.no", "Oslo"),
    ("Finansavisen", "finansavisen.no", "Oslo"),
    ("Kampanje", "kampanje.com", "Oslo"),
    ("Digi.no", "digi.no", "Oslo"),
    ("Adresseavisen", "adressa.no", "Trondheim"),
    ("Stavanger Aftenblad", "aftenbladet.no", "Stavanger"),
    ("Sunnmørsposten", "smp.no", "Ålesund"),
    ("Haugesunds Avis", "h-avis.no", "Haugesund"),
    ("iTromsø", "itromso.no", "Tromsø"),
    ("Avisa Nordland", "an.no", "Bodø"),
    ("Fædrelandsvennen", "fvn.no", "Kristiansand"),
    ("TV 2", "tv2.no", "Bergen"),
    ("Dag og Tid", "dagogtid.no", "Oslo"),
    ("Framtida.no", "framtida.no", "Førde"),
    ("Computerworld Norge", "cw.no", "Oslo"),
]
ROLES_NO = [
    "Journalist i {o}",
    "Reporter, {o}",
    "Nyhetsredaktør i {o}",
    "Desksjef @ {o}",
    "Kommentator i {o}",
    "Fotojournalist, {o}",
    "Programleder i {o}",
    "Vaktsjef, {o}",
    "Økonomijournalist i {o}",
    "Journalist og podkastvert i {o}",
    "Produsent i {o}",
    "Korrespondent for {o} i Brussel",
]
BEATS_NO = [
    "forbruker",
    "arbeidsliv",
    "teknologi",
    "næringsliv",
    "samferdsel",
    "bank og finans",
    "energi",
    "lokalpolitikk",
    "medier",
    "kultur",
]
ROLES_NN = ["Journalist i {o}. Skriv om {b}.", "Redaktør i {o}. Meiner mykje om {b}."]
POSTS_PRESS = [
    "Ny sak: {b} på Vestlandet ¦ Tips meg gjerne på DM",
    "Saken min i dag om {b} ¦ Takk for alle tips",
    "Direkte nå ¦ Les hele saken",
]

CUSTOMER_STAFF = [
    (
        "Nordlys Energi",
        "nordlysenergi.no",
        "Bergen",
        [
            "Kundeservicesjef",
            "Teamleder kundeservice",
            "Leder digitale kanaler",
            "Markedssjef",
            "CX-rådgiver",
        ],
    ),
    (
        "Hurtigbåt Vest",
        "hurtigbatvest.no",
        "Bergen",
        ["Trafikkleder", "Kundeserviceleder", "Billettansvarlig", "Kommunikasjonsrådgiver"],
    ),
    (
        "Sparebanken Fjell",
        "sbfjell.no",
        "Voss",
        ["Kunderådgjevar", "Leiar digital bank", "Kundesentersjef", "Produktsjef"],
    ),
    (
        "Telenett Nord",
        "telenettnord.no",
        "Tromsø",
        ["Driftsleder kundeservice", "Supportlead", "Head of CX", "Teknisk support"],
    ),
]
SUPPLIER_STAFF = [
    (
        "Talevakt",
        "talevakt.no",
        "Oslo",
        ["Account manager", "Solution architect", "Produktsjef", "Support engineer"],
    ),
    ("Vaktplan.io", "vaktplan.io", "Oslo", ["CEO", "Salgssjef", "Developer", "Customer Success"]),
    (
        "Lydhode Nordic",
        "lydhode.com",
        "Malmö",
        ["Key account Norge", "Nordic sales", "Produktchef"],
    ),
]
COMP_STAFF = [
    (
        "Svarsenteret",
        "svarsenteret.no",
        "Bergen",
        ["Daglig leder", "Teamleder", "Salgssjef", "Kvalitetsansvarlig"],
    ),
    (
        "Nordkontakt",
        "nordkontakt.no",
        "Trondheim",
        ["Driftsdirektør", "Teamleder", "HR-rådgiver", "Salg"],
    ),
    ("Fjordsvar", "fjordsvar.no", "Ålesund", ["Gründer", "Utvikler", "Kundeansvarleg"]),
]
NONE_BIOS = [
    ("Far, fotball og friluft. Brann til jeg dør ⚽", "no", "Bergen"),
    ("Sykepleier på Haukeland. Strikk og fjellturer.", "no", "Bergen"),
    ("Lærar på ungdomsskule. Nynorsk er fint.", "nn", "Førde"),
    ("Student UiB. Økonomi og kaffe.", "no", "Bergen"),
    ("Elektriker. Tips om varmepumper gratis 😉", "no", "Stavanger"),
    ("Bonde i Valdres. Sauer og traktor.", "no", "Valdres"),
    ("Software engineer. Rust, Linux, climbing.", "en", "Oslo"),
    ("Kokk. Mat, vin og fisk fra havet.", "no", "Ålesund"),
    ("Pracuję na budowie w Stavanger. Rodzina i piłka.", "pl", "Stavanger"),
    ("Працюю в Бергені. Вивчаю норвезьку. 🇺🇦🇳🇴", "uk", "Bergen"),
    ("Boazodoallu ja musihkka. Sámi.", "se", "Kautokeino"),
    ("Hemmafru i Göteborg. Trädgård och katter.", "sv", "Göteborg"),
    ("Gamer. Streamer på Twitch. Ikke spør om kundeservice lol", "no", "Trondheim"),
    ("Kundeservice hos ingen. Bare sur på strømregninga.", "no", "Bergen"),
    ("Regnskapsfører i Haugesund. Tall og tur.", "no", "Haugesund"),
    ("Designer. Typografi og plakater.", "en", "Oslo"),
    ("Jeg klager på alt. Mest på ferja.", "no", "Askøy"),
    ("Musiker i Tromsø. Joik og elektronika.", "no", "Tromsø"),
]
PRACT = [
    ("Teamleder i kundesenteret til {c}. #kundeservice", "no"),
    ("Kundebehandler. Svarer på chat og telefon hele dagen 📞", "no"),
    ("WFM-analytiker. Bemanningsplanlegging og Erlang C.", "no"),
    ("CX lead at {c}. Journey mapping, NPS, VoC.", "en"),
    ("Leiar for kundeservice i {c}. Meir chat, mindre kø.", "nn"),
    ("Kvalitetsansvarlig kontaktsenter. Samtalecoaching.", "no"),
]
PRACT_ORGS = [
    "Bergen kommune",
    "Posten",
    "Skatteetaten",
    "Helse Bergen",
    "Vy",
    "Ruter",
    "Fjordkraft",
    "Elkjøp",
    "Komplett",
    "Storebrand",
]


def name(pool=None):
    if pool:
        return R.choice(pool)
    return R.choice(FIRST), R.choice(LAST)


def handle(first, last, used, extra=""):
    base = (first[:4] + "_" + last).lower()
    for a, b in (
        ("ø", "o"),
        ("å", "a"),
        ("æ", "ae"),
        ("ó", "o"),
        ("á", "a"),
        ("ł", "l"),
        ("ö", "o"),
        ("é", "e"),
    ):
        base = base.replace(a, b)
    base = "".join(ch for ch in base if ch.isascii() and (ch.isalnum() or ch == "_")) or "bruker"
    base = (base + extra)[:14]
    h, n = base, 1
    while h in used:
        n += 1
        h = f"{base}{n}"
    used.add(h)
    return h


def date(recent=True):
    if recent:
        return f"2026-{R.choice(['10', '11'])}-{R.randint(1, 28):02d}"
    return f"{R.choice(['2024', '2025'])}-{R.randint(1, 4):02d}-{R.randint(1, 28):02d}"


def counts(lo=100, hi=5000):
    f = R.randint(lo, hi)
    return f"{f}/{R.randint(100, 1500)}/{R.randint(200, 9000)}"


def press(used):
    if R.random() < 0.12:
        (first, last) = name(SE + DK)
        lang = "sv" if (first, last) in SE else "da"
        outlet, dom, loc = (
            ("Svenska Dagbladet", "svd.se", "Stockholm")
            if lang == "sv"
            else ("Politiken", "pol.dk", "København")
        )
        bio = (
            ("Reporter på " if lang == "sv" else "Journalist på ")
            + outlet
            + ". Näringsliv och konsument."
            if lang == "sv"
            else "Journalist på Politiken. Erhverv og forbrug."
        )
        posts = "Ny artikel ute ¦ Tips via DM"
        return [f"{handle(first, last, used)}", f"{first} {last}", bio, loc, dom, lang, posts]
    first, last = name()
    outlet, dom, loc = R.choice(OUTLETS_NO)
    b = R.choice(BEATS_NO)
    if R.random() < 0.2:
        bio, lang = R.choice(ROLES_NN).format(o=outlet, b=b), "nn"
    else:
        bio, lang = R.choice(ROLES_NO).format(o=outlet) + f". Dekker {b}.", "no"
    if R.random() < 0.3:
        bio += (
            f" {first.lower()}.{last.lower()}@{dom}".replace("ø", "o")
            .replace("å", "a")
            .replace("æ", "ae")
        )
    if R.random() < 0.15:
        bio += " Tips in English også welcome, DMs open"
    return [
        handle(first, last, used),
        f"{first} {last}",
        bio,
        loc,
        dom if R.random() < 0.6 else "",
        lang,
        R.choice(POSTS_PRESS).format(b=b),
    ]


def staff(used, table, seg):
    org, dom, loc, roles = R.choice(table)
    pool = R.choice([None, None, None, PL, SE, UA if seg == "competitors" else None])
    first, last = name(pool)
    role = R.choice(roles)
    style = R.randint(0, 3)
    if style == 0:
        bio = f"{role} i {org}."
    elif style == 1:
        bio = f"{role} @ {org} | #kundeservice"
    elif style == 2:
        bio = f"{role}. Jobber i {org} og trives."
    else:
        bio = f"{role}. Meninger er mine egne. {first.lower()[:3]}@{dom}"
    lang = "no"
    if pool == PL:
        bio, lang = f"{role} w {org}. Mieszkam w Norwegii.", "pl"
    elif pool == SE:
        bio, lang = f"{role} på {org}. Bor i Norge sedan 2019.", "sv"
    elif pool == UA:
        bio, lang = f"{role} у {org}. Українка в Норвегії.", "uk"
    posts = f"Travel dag hos {org} ¦ Stolt av teamet"
    return [
        handle(first, last, used),
        f"{first} {last}",
        bio,
        loc,
        dom if R.random() < 0.5 else "",
        lang,
        posts,
    ]


def nobody(used):
    bio, lang, loc = R.choice(NONE_BIOS)
    pool = {"pl": PL, "uk": UA, "se": SAMI, "sv": SE}.get(lang)
    first, last = name(pool)
    return [
        handle(first, last, used),
        f"{first} {last}",
        bio,
        loc,
        "",
        lang,
        "Fin dag i dag ¦ Helg!",
    ]


def practitioner(used):
    bio, lang = R.choice(PRACT)
    first, last = name()
    return [
        handle(first, last, used, "_cx"),
        f"{first} {last}",
        bio.format(c=R.choice(PRACT_ORGS)),
        R.choice(["Bergen", "Oslo", "Trondheim", "Stavanger", "Bodø"]),
        "",
        lang,
        "Lang kø i dag, men vi klarte det #kundeservice ¦ Gode samtaler > korte samtaler",
    ]


def line(fields):
    return "~~".join(fields)


def write_segment(used):
    out = []
    plan = [("press", 78), ("customers", 45), ("suppliers", 25), ("competitors", 30), ("none", 67)]
    for seg, n in plan:
        for _ in range(n):
            if seg == "press":
                h, nm, bio, loc, web, lang, posts = press(used)
            elif seg == "none":
                h, nm, bio, loc, web, lang, posts = (
                    nobody(used) if R.random() < 0.7 else practitioner(used)
                )
            else:
                table = {
                    "customers": CUSTOMER_STAFF,
                    "suppliers": SUPPLIER_STAFF,
                    "competitors": COMP_STAFF,
                }[seg]
                h, nm, bio, loc, web, lang, posts = staff(used, table, seg)
            out.append(
                line(
                    [
                        h,
                        nm,
                        bio,
                        loc,
                        web,
                        counts(),
                        str(R.randint(2009, 2023)),
                        date(),
                        posts,
                        seg,
                        "",
                        lang,
                        "",
                        "ordinary account, labelled by its bio",
                    ]
                )
            )
    (SRC / "segment_bulk.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def write_prune(used):
    out = []
    kinds = [
        ("press", 45),
        ("customers", 20),
        ("suppliers", 12),
        ("competitors", 12),
        ("practitioner", 30),
        ("spam", 20),
        ("inactive", 14),
        ("abroad_off", 12),
        ("off_industry", 10),
    ]
    for kind, n in kinds:
        for _ in range(n):
            followed, follows = (
                f"{R.randint(2019, 2025)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}",
                R.choice(["yes", "no"]),
            )
            last, cnt, seg = date(), counts(), "none"
            if kind == "press":
                h, nm, bio, loc, web, lang, posts = press(used)
                decision, reason, seg = "keep", "press", "press"
            elif kind in ("customers", "suppliers", "competitors"):
                table = {
                    "customers": CUSTOMER_STAFF,
                    "suppliers": SUPPLIER_STAFF,
                    "competitors": COMP_STAFF,
                }[kind]
                h, nm, bio, loc, web, lang, posts = staff(used, table, kind)
                decision, reason, seg = "keep", kind[:-1], kind
            elif kind == "practitioner":
                h, nm, bio, loc, web, lang, posts = practitioner(used)
                decision, reason = "keep", "practitioner"
            elif kind == "spam":
                h = f"user{R.randint(10**7, 10**8)}"
                used.add(h)
                nm, bio, loc, web, lang = (
                    h,
                    R.choice(["", "Follow back 100% 🔁", "Make $$$ from home 💸", "💯 F4F"]),
                    "",
                    "",
                    "en",
                )
                posts, cnt, follows = (
                    R.choice(
                        [
                            "#followback ¦ #followback",
                            "http://spam.example/x ¦ http://spam.example/x",
                            "Follow me! ¦ Follow me!",
                        ]
                    ),
                    f"!{R.randint(0, 60)}/{R.randint(2000, 6000)}/{R.randint(3, 90)}",
                    R.choice(["yes", "yes", "no"]),
                )
                decision, reason = "unfollow", "spam"
            elif kind == "inactive":
                h, nm, bio, loc, web, lang, posts = (
                    practitioner(used) if R.random() < 0.5 else nobody(used)
                )
                last = date(recent=False)
                decision, reason = "unfollow", "inactive"
            elif kind == "abroad_off":
                first, last_n = R.choice(
                    [
                        ("Lucas", "Martin"),
                        ("Giulia", "Rossi"),
                        ("Chen", "Wei"),
                        ("Ana", "Souza"),
                        ("Tom", "Baker"),
                        ("Fatma", "Yılmaz"),
                    ]
                )
                h = handle(first, last_n, used, "_x")
                nm, bio, loc, web, lang = (
                    f"{first} {last_n}",
                    R.choice(
                        [
                            "Chef. Pasta and wine.",
                            "Marathon runner 🏃",
                            "Cat photos only",
                            "Crypto memes",
                        ]
                    ),
                    R.choice(["Lyon", "Milano", "Shanghai", "São Paulo", "Leeds", "Ankara"]),
                    "",
                    "en",
                )
                posts, follows = "Nice day ¦ Weekend!", "no"
                decision, reason = "unfollow", "out_of_region"
            else:
                h, nm, bio, loc, web, lang, posts = nobody(used)
                follows = "no"
                decision, reason = "unfollow", "off_industry"
            out.append(
                line(
                    [
                        h,
                        nm,
                        bio,
                        loc,
                        web,
                        cnt,
                        str(R.randint(2009, 2023)),
                        last,
                        posts,
                        followed,
                        follows,
                        decision,
                        reason,
                        seg,
                        lang,
                        "",
                        "ordinary account, labelled by its bio",
                    ]
                )
            )
    (SRC / "prune_bulk.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def existing() -> set[str]:
    names = set()
    for p in SRC.glob("*_hard.txt"):
        for ln in p.read_text(encoding="utf-8").splitlines():
            if ln and not ln.startswith("#"):
                names.add(ln.split("~~")[0].lstrip("*+").lower())
    return names


if __name__ == "__main__":
    taken = existing()
    write_segment(taken)
    write_prune(taken)
