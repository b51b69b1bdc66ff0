"""Write src/prune_regular.txt (templated) and copy prune_hard.txt into src/."""

from pathlib import Path

from gen_common import AZ_CITIES, RNG, counts, day, line, posts, year

HERE = Path(__file__).parent
used: set[str] = set()


def uniq(handle: str) -> str:
    h, n = handle, 2
    while h.lower() in used:
        h = f"{handle[:13]}{n}"
        n += 1
    used.add(h.lower())
    return h


def old_follow() -> str:
    return day(RNG.randint(30, 900))


def prn(u, name, bio, loc, web, cnt, last, pst, follows, decision, reason, segment, lang, why):
    return line(
        uniq(u),
        name,
        bio,
        loc,
        web,
        cnt,
        year(),
        last,
        pst,
        old_follow(),
        follows,
        decision,
        reason,
        segment,
        lang,
        "",
        why,
    )


FIRST = [
    "Aqşin",
    "Ülkər",
    "Rövşən",
    "Gülər",
    "Elmir",
    "Nərgiz",
    "Tərlan",
    "Aidə",
    "Şahin",
    "Məleykə",
    "Rafael",
    "Dilarə",
    "Ziya",
    "Səadət",
    "Həsən",
    "Xanım",
    "Bəhruz",
    "İradə",
    "Cavid",
    "Mətanət",
]
LAST = [
    "Quluzadə",
    "Əsgərli",
    "Mehdizadə",
    "Bayramlı",
    "Sultanlı",
    "Nəcəfli",
    "Hüseynzadə",
    "Kərimli",
    "Abbaslı",
    "Rzazadə",
]
TRANS = str.maketrans("əƏçÇşŞğĞıİöÖüÜ", "eEcCsSgGiIoOuU")


def person(i: int) -> tuple[str, str]:
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 3 + 1) % len(LAST)]}"
    return name, name.translate(TRANS).lower().replace(" ", ".")[:11].replace(".", "_")


SPECS = [
    # (n, bio template, lang, posts, segment, decision, reason, follows, active?, location pool)
    (
        24,
        "{o} müxbiri | iqtisadiyyat və istehlak bazarı",
        "az",
        ["Çatdırılma bazarı haqqında yeni yazım.", "Qiymət monitorinqi: noyabr."],
        "press",
        "keep",
        "press",
        None,
        True,
        AZ_CITIES,
    ),
    (
        14,
        "{org}-da müştəri xidməti / marketinq komandası",
        "az",
        ["Komandamızla yeni kampaniya!", "Filialımızda təlim günü."],
        "customers",
        "keep",
        "customer",
        None,
        True,
        AZ_CITIES,
    ),
    (
        10,
        "Account manager at {org}. Helping teams run better operations.",
        "en",
        ["Release notes are out.", "Great workshop with a client today."],
        "suppliers",
        "keep",
        "supplier",
        None,
        True,
        AZ_CITIES + ["Tbilisi", "İstanbul"],
    ),
    (
        12,
        "{org} | məhsul və əməliyyatlar",
        "az",
        ["Yeni funksiya yayında!", "Kuryerlərimizə təşəkkür."],
        "competitors",
        "keep",
        "competitor",
        None,
        True,
        AZ_CITIES,
    ),
    (
        30,
        "{role}",
        "mix",
        [
            "Müştəri ilə empatiya — ən vacib bacarıq. #CX",
            "Agent coaching: listen first. #contactcentre",
            "Операторам нужен отдых между звонками.",
            "Bu gün komandada NPS təhlili etdik.",
        ],
        "none",
        "keep",
        "practitioner",
        None,
        True,
        AZ_CITIES,
    ),
    (
        10,
        "{abroad}",
        "en",
        ["Social customer care is a team sport. #CX", "The best IVR is the one nobody notices."],
        "none",
        "keep",
        "relevant_abroad",
        None,
        True,
        ["London", "Dubai", "İstanbul", "Tallinn", "Berlin", "Toronto"],
    ),
    (
        14,
        "",
        "en",
        ["follow back 100% #CX #Baku", "follow back 100% #CX #Baku"],
        "none",
        "unfollow",
        "spam",
        None,
        True,
        ["", "Worldwide"],
    ),
    (
        10,
        "{role}",
        "az",
        ["Salam hamıya.", "Yeni iş yerində ilk gün."],
        "none",
        "unfollow",
        "inactive",
        None,
        False,
        AZ_CITIES,
    ),
    (
        8,
        "{offabroad}",
        "en",
        ["Great surf today!", "New recipe on the blog."],
        "none",
        "unfollow",
        "outside_region",
        "no",
        True,
        ["Sydney", "Lisbon", "Austin, TX", "Cape Town"],
    ),
    (
        8,
        "{offhome}",
        "az",
        ["Bu gün bağda işlədik.", "Yeni sneaker kolleksiyası."],
        "none",
        "unfollow",
        "off_industry",
        "no",
        True,
        AZ_CITIES,
    ),
]
OUTLETS = ["Report.az", "Oxu.az", "APA", "Trend", "Marja.az", "Day.Az", "Azernews", "Qafqazinfo"]
ORGS = {
    "customers": ["Qala Market", "Xalq Aptek", "Dadlı Burger", "Ləzzət Evi"],
    "suppliers": ["CallNet Solutions", "Kür Logistika", "PulPay"],
    "competitors": ["Yemək.az", "TezBazar", "Kuryer24"],
}
ROLES = [
    "Kontakt mərkəzi supervayzeri | telekom",
    "Contact centre manager, Baku. WFM & quality.",
    "Müştəri xidməti təlimçisi. Empatiya öyrədirəm.",
    "Руководитель службы поддержки, e-commerce, Баку",
    "CX analyst at a Baku bank. Voice of customer.",
    "Sosial media dəstək komandası rəhbəri, sığorta şirkəti",
    "Workforce planner. Erlang C is my friend.",
    "Çağrı mərkəzi keyfiyyət mütəxəssisi",
]
ABROAD = [
    "Contact centre consultant. Speaker. Author of 'Queues and People'.",
    "CX researcher, customer service benchmarks.",
    "Head of social care at a European airline. Ex-agent.",
    "Müşteri deneyimi danışmanı, İstanbul. #CX",
]
OFFABROAD = [
    "Surfer, dad, barbecue.",
    "Food blogger. Pasta forever.",
    "Crypto trader. Moon soon.",
    "Wedding photographer.",
]
OFFHOME = [
    "Bağban. Gül və meyvə ağacları.",
    "Sneaker kolleksiyaçısı 👟",
    "Futbol azarkeşi, Qarabağ FK",
    "Avtomobil həvəskarı, tüninq",
]


def regular_rows() -> list[str]:
    rows, i = [], 0
    for n, tpl, lang, pst, segment, decision, reason, follows, active, locs in SPECS:
        for k in range(n):
            i += 1
            name, handle = person(i)
            bio = tpl.format(
                o=OUTLETS[k % len(OUTLETS)],
                org=ORGS.get(segment, ["x"])[k % len(ORGS.get(segment, ["x"]))],
                role=ROLES[k % len(ROLES)],
                abroad=ABROAD[k % len(ABROAD)],
                offabroad=OFFABROAD[k % len(OFFABROAD)],
                offhome=OFFHOME[k % len(OFFHOME)],
            )
            row_lang = lang
            if lang == "mix":
                row_lang = (
                    "ru" if "Руковод" in bio else ("en" if bio[:2] in ("Co", "CX", "Wo") else "az")
                )
            if reason == "relevant_abroad" and "Müşteri" in bio:
                row_lang = "tr"
            fol = follows or RNG.choice(["yes", "no"])
            if reason == "spam":
                handle = f"user{RNG.randint(10**7, 10**8)}"
                name, bio, cnt = (
                    handle,
                    "",
                    counts(RNG.randint(0, 30), RNG.randint(2000, 7000), RNG.randint(5, 40), "!"),
                )
            elif reason == "inactive":
                cnt = counts(RNG.randint(20, 300), RNG.randint(50, 400), RNG.randint(5, 200))
            else:
                cnt = counts(RNG.randint(100, 5000), RNG.randint(100, 1500), RNG.randint(300, 8000))
            last = day(RNG.randint(1, 90)) if active else day(RNG.randint(200, 900))
            loc = RNG.choice(locs)
            if segment in ORGS and k % 4 == 0:
                pass
            why = {
                "press": "journalist at a named outlet: always keep",
                "customer": "customer staff: always keep",
                "supplier": "supplier's key person",
                "competitor": "active competitor staff",
                "practitioner": "active practitioner of the field in home region",
                "relevant_abroad": "relevant voice of the field abroad",
                "spam": "default avatar, empty bio, digit handle, huge following ratio, repeated posts",
                "inactive": "silent over 180 days",
                "outside_region": "abroad and unrelated to the topics",
                "off_industry": "off-industry and does not follow back",
            }[reason]
            rows.append(
                prn(
                    handle + "_p",
                    name,
                    bio,
                    loc,
                    "",
                    cnt,
                    last,
                    posts(*pst[:2]) if reason != "spam" else posts(pst[0], pst[0]),
                    fol,
                    decision,
                    reason,
                    segment,
                    row_lang,
                    why,
                )
            )
    return rows


def main() -> None:
    hard = (HERE / "src" / "prune_hard.txt").read_text(encoding="utf-8")
    for h in hard.splitlines():
        if h.strip() and not h.startswith("#"):
            used.add(h.split("~~")[0].lstrip("*+").lower())
    rows = regular_rows()
    (HERE / "src" / "prune_regular.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(len(rows), "regular prune rows")


if __name__ == "__main__":
    main()
