"""Write src/segment_regular.txt (templated) and src/segment_hard.txt (hand-written hard cases)."""

from pathlib import Path

from gen_common import (
    AZ_CITIES,
    AZ_NAMES,
    EN_NAMES,
    FA_NAMES,
    RNG,
    RU_NAMES,
    TR_NAMES,
    UK_NAMES,
    counts,
    handle_of,
    line,
    posts,
    recent,
    year,
)

HERE = Path(__file__).parent
used: set[str] = set()


def uniq(handle: str) -> str:
    h = handle
    n = 2
    while h.lower() in used:
        h = f"{handle[:13]}{n}"
        n += 1
    used.add(h.lower())
    return h


def seg(u, name, bio, loc, web, cnt, created, last, pst, segment, also, lang, hard, why):
    return line(
        uniq(u), name, bio, loc, web, cnt, created, last, pst, segment, also, lang, hard, why
    )


AZ_OUTLETS = [
    "Report.az",
    "Oxu.az",
    "APA",
    "Trend",
    "Qafqazinfo",
    "Marja.az",
    "Bizim.Media",
    "İTV Xəbər",
    "ARB 24",
    "Azadlıq Radiosu",
    "Kaspi qəzeti",
    "Xalq qəzeti",
]
RU_OUTLETS = ["Day.Az", "Vesti.az", "Haqqin.az", "Sputnik Азербайджан", "Trend (русская служба)"]
EN_OUTLETS = [
    "Azernews",
    "Caspian Business Weekly",
    "Eurasianet",
    "bne IntelliNews",
    "Report.az English",
]
TR_OUTLETS = ["Anadolu Ajansı", "TRT Haber", "Dünya Gazetesi"]
FA_OUTLETS = ["رادیو فردا", "بی‌بی‌سی فارسی", "روزنامه دنیای اقتصاد"]

AZ_PRESS = [
    "{o} müxbiri. İqtisadiyyat, ticarət, e-ticarət.",
    "Jurnalist | {o} | biznes xəbərləri 📰",
    "{o} — iqtisadi xəbərlər redaktoru. Məktub üçün DM açıqdır.",
    "{o}-da aparıcı. Səhər proqramı hər gün 08:00",
    "Fotomüxbir @ {o}. Bakı küçələri, insanlar.",
    "{o} saytının baş redaktor müavini",
]
RU_PRESS = [
    "Корреспондент {o}. Экономика, ритейл, потребительский рынок.",
    "Редактор отдела бизнеса {o}",
    "Журналист {o}. Пишу о ценах, доставке и торговле.",
    "Продюсер новостей, {o}",
]
EN_PRESS = [
    "Business reporter at {o}. Caspian markets, retail, tech. DMs open.",
    "Editor, {o}. Azerbaijan & the South Caucasus.",
    "Correspondent for {o} in Baku.",
]
TR_PRESS = ["{o} Bakü muhabiri. Ekonomi, enerji, ticaret.", "{o} Kafkasya editörü"]
FA_PRESS = ["خبرنگار {o} در باکو | اقتصاد و تجارت", "دبیر بخش اقتصادی {o}"]
AZ_PRESS_POSTS = [
    "Onlayn sifarişlərdə çatdırılma müddəti niyə uzanır? Sabah reportajımız çıxır.",
    "Bazarlarda qiymətlər: kartof bahalaşıb, pomidor ucuzlaşıb. Ətraflı saytda.",
    "E-ticarət qanunvericiliyinə dəyişikliklər Milli Məclisdə müzakirə olunur.",
    "Bu gün Bakıda kuryerlərlə danışdıq — iş şəraiti, maaşlar, yollar.",
    "Müştəri şikayətləri artıb: İstehlakçıların Hüquqlarının Müdafiəsi Cəmiyyəti açıqlama verib.",
]
RU_PRESS_POSTS = [
    "Рынок доставки еды в Баку вырос на 30% — наш материал.",
    "Цены на продукты в ноябре: разбор.",
    "Курьеры жалуются на штрафы. Поговорили с тремя из них.",
]
EN_PRESS_POSTS = [
    "New piece: Baku's delivery apps fight for the same 200k households.",
    "Azerbaijan's e-commerce law: what changes for small sellers. Thread.",
    "Spoke to call-centre agents in Baku about night shifts. Story out tomorrow.",
]
TR_PRESS_POSTS = [
    "Bakü'de e-ticaret hacmi rekor kırdı. Haberimiz yayında.",
    "Azerbaycan-Türkiye ticaret forumu bugün başladı.",
]
FA_PRESS_POSTS = [
    "بازار تحویل غذا در باکو رقابتی‌تر شده است. گزارش ما را بخوانید.",
    "قیمت مواد غذایی در آذربایجان افزایش یافت.",
]


def press_rows() -> list[str]:
    rows = []
    pools = [(AZ_NAMES[:30], AZ_OUTLETS, AZ_PRESS, AZ_PRESS_POSTS, "az")]
    for name in pools[0][0]:
        o = RNG.choice(AZ_OUTLETS)
        bio = RNG.choice(AZ_PRESS).format(o=o)
        rows.append(
            seg(
                handle_of(name, RNG.choice(["", "_jurnalist", "_news", "_az"])),
                name,
                bio,
                RNG.choice(AZ_CITIES),
                "",
                counts(RNG.randint(400, 9000), RNG.randint(200, 1500), RNG.randint(800, 20000)),
                year(),
                recent(),
                posts(*RNG.sample(AZ_PRESS_POSTS, 3)),
                "press",
                "",
                "az",
                "",
                "journalist at an outlet",
            )
        )
    for name, h in RU_NAMES[:10]:
        o = RNG.choice(RU_OUTLETS)
        rows.append(
            seg(
                h,
                name,
                RNG.choice(RU_PRESS).format(o=o),
                RNG.choice(["Баку", "Baku"]),
                "",
                counts(RNG.randint(300, 6000), RNG.randint(100, 900), RNG.randint(500, 9000)),
                year(),
                recent(),
                posts(*RNG.sample(RU_PRESS_POSTS, 2)),
                "press",
                "",
                "ru",
                "",
                "journalist at an outlet",
            )
        )
    for name, h in EN_NAMES:
        o = RNG.choice(EN_OUTLETS)
        rows.append(
            seg(
                h,
                name,
                RNG.choice(EN_PRESS).format(o=o),
                RNG.choice(["Baku", "London", "Tbilisi / Baku"]),
                "",
                counts(RNG.randint(800, 12000), RNG.randint(300, 2000), RNG.randint(2000, 30000)),
                year(),
                recent(),
                posts(*RNG.sample(EN_PRESS_POSTS, 2)),
                "press",
                "",
                "en",
                "",
                "journalist at an outlet",
            )
        )
    for name, h in TR_NAMES[:3]:
        o = RNG.choice(TR_OUTLETS)
        rows.append(
            seg(
                h,
                name,
                RNG.choice(TR_PRESS).format(o=o),
                "Bakü",
                "",
                counts(RNG.randint(500, 7000), 400, 6000),
                year(),
                recent(),
                posts(*TR_PRESS_POSTS),
                "press",
                "",
                "tr",
                "",
                "journalist at an outlet",
            )
        )
    for name, h in FA_NAMES[:3]:
        o = RNG.choice(FA_OUTLETS)
        rows.append(
            seg(
                h,
                name,
                RNG.choice(FA_PRESS).format(o=o),
                "Baku | Tabriz",
                "",
                counts(RNG.randint(500, 7000), 300, 4000),
                year(),
                recent(),
                posts(*FA_PRESS_POSTS),
                "press",
                "",
                "fa",
                "",
                "journalist at an outlet",
            )
        )
    return rows


ORGS = {
    "customers": [
        ("Qala Market", "qalamarket.az", "@qalamarket"),
        ("Xalq Aptek", "xalqaptek.az", "@xalqaptek"),
        ("Dadlı Burger", "dadliburger.az", "@dadliburger"),
        ("Ləzzət Evi", "lezzetevi.az", "@lezzetevi"),
    ],
    "suppliers": [
        ("CallNet Solutions", "callnet.io", "@callnet_cx"),
        ("Kür Logistika", "kurlogistika.az", "@kurlogistika"),
        ("PulPay", "pulpay.az", "@pulpay_az"),
    ],
    "competitors": [
        ("Yemək.az", "yemek.az", "@yemekaz"),
        ("TezBazar", "tezbazar.az", "@tezbazar"),
        ("Kuryer24", "kuryer24.az", "@kuryer24az"),
    ],
}
ROLE_BIOS = [
    "{org} | Müştəri təcrübəsi rəhbəri. Çay, kitab, Abşeron.",
    "{handle} şirkətində satış menecer",
    "Head of Customer Care at {org}. Contact centres, people, coffee.",
    "{org}-da marketinq üzrə mütəxəssis 🎯",
    "Руководитель колл-центра {org}. Бакинец.",
    "Operations lead @ {org} | ex-banking",
    "{org} — əməliyyatlar direktoru. Ailə, futbol, Qarabağ ❤️",
    "Data analyst, {org}. SQL and tea.",
    "HR biznes tərəfdaşı | {org} | işə qəbul",
    "{org}'da CRM menecer. Fikirlər şəxsidir.",
]
ROLE_POSTS = [
    "Komandamla fəxr edirəm — bu ay NPS 62!",
    "Sabah CX forumunda çıxış edirəm, gəlin görüşək.",
    "Новый релиз приложения уже в сторах.",
    "Hiring: 10 new agents for our Baku contact centre.",
    "Bayram günlərində iş qrafikimiz dəyişir, diqqət!",
    "Müştəri səsi hər şeydən önəmlidir. #CX",
]


def org_staff_rows(segment: str, n: int) -> list[str]:
    rows = []
    names = AZ_NAMES[22:] + [n for n, _ in RU_NAMES[8:]]
    for i in range(n):
        org, domain, handle = ORGS[segment][i % len(ORGS[segment])]
        name = names[(i * 7 + len(segment)) % len(names)]
        bio = ROLE_BIOS[(i + len(segment)) % len(ROLE_BIOS)].format(org=org, handle=handle)
        lang = "ru" if "Руковод" in bio else ("en" if bio[:4] in ("Head", "Oper", "Data") else "az")
        web = domain if i % 3 == 0 else ""
        rows.append(
            seg(
                handle_of(name, f"_{domain.split('.')[0][:5]}"),
                name,
                bio,
                RNG.choice(AZ_CITIES),
                web,
                counts(RNG.randint(80, 2500), RNG.randint(100, 900), RNG.randint(50, 3000)),
                year(),
                recent(),
                posts(*RNG.sample(ROLE_POSTS, 2)),
                segment,
                "",
                lang,
                "",
                f"works at {org} now",
            )
        )
    return rows


NONE_BIOS = [
    ("Kontakt mərkəzi rəhbəri | bank sektoru | 12 il təcrübə", "az"),
    ("CX enthusiast. Baku. Service design, VoC.", "en"),
    ("Müəllim, ana, kitabsevər 📚", "az"),
    ("Futbol, Neftçi, dostlar. ⚽", "az"),
    ("Инженер-нефтяник. Каспий.", "ru"),
    ("Supervisor, telecom call centre. Views my own.", "en"),
    ("IT tələbəsi, ADA Universiteti", "az"),
    ("Fotoqraf həvəskarı. Şəki, dağlar, səyahət.", "az"),
    ("Yazılım geliştirici. Bakü'de yaşıyorum.", "tr"),
    ("Quality manager, BPO. Coaching agents since 2014.", "en"),
    ("Мама двоих детей, кулинария и путешествия", "ru"),
    ("Servis dizaynı və UX. Freelancer.", "az"),
    ("Çağrı mərkəzi operatoru. Gecə növbəsi 🌙", "az"),
    ("طراح گرافیک | تبریز", "fa"),
    ("Маркетолог. SMM, таргет, контент.", "ru"),
]
NONE_POSTS = [
    "Bu gün Bakıda hava əladır.",
    "Müştəri ilə empatiya — ən vacib bacarıq. #CX",
    "Кто знает хороший сервис ремонта телефонов в Баку?",
    "Yeni kitab bitirdim, tövsiyə edirəm.",
    "Agent burnout is real. Rotate queues, people!",
    "Neftçi qalib gəldi! 🎉",
]


def none_rows(n: int) -> list[str]:
    rows = []
    pool = AZ_NAMES + [x for x, _ in RU_NAMES + TR_NAMES + FA_NAMES + UK_NAMES]
    handles = {x: h for x, h in RU_NAMES + TR_NAMES + FA_NAMES + UK_NAMES}
    for i in range(n):
        name = pool[(i * 11 + 3) % len(pool)]
        bio, lang = NONE_BIOS[i % len(NONE_BIOS)]
        base = handles.get(name) or handle_of(name)
        rows.append(
            seg(
                base[:12] + "_" + str(i % 10),
                name,
                bio,
                RNG.choice(AZ_CITIES + ["Tbilisi", "İstanbul"]),
                "",
                counts(RNG.randint(20, 1500), RNG.randint(50, 1500), RNG.randint(10, 5000)),
                year(),
                recent(),
                posts(*RNG.sample(NONE_POSTS, 2)),
                "none",
                "",
                lang,
                "",
                "no listed employer, not press",
            )
        )
    return rows


def main() -> None:
    hard = (HERE / "src" / "segment_hard.txt").read_text(encoding="utf-8").splitlines()
    for h in hard:
        if h.strip() and not h.startswith("#"):
            used.add(h.split("~~")[0].lstrip("*+").lower())
    rows = press_rows() + org_staff_rows("customers", 30) + org_staff_rows("suppliers", 22)
    rows += org_staff_rows("competitors", 24) + none_rows(50)
    (HERE / "src" / "segment_regular.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(len(rows), "regular segment rows")


if __name__ == "__main__":
    main()
