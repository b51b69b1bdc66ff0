"""Write src/segment_*.txt and src/prune_*.txt for blind94 (hand-written rows plus pooled variants)."""
import random
from pathlib import Path

R = random.Random(94)
SRC = Path(__file__).resolve().parent / "src"
SEP = " ~~ "
PS = " ‖ "
SEG, PRU = [], []
used = set()


def uniq(u):
    flag = u[: len(u) - len(u.lstrip("*+"))]
    u = u.lstrip("*+")
    base, n = u, 2
    while u.lower() in used:
        u = f"{base}{n}"; n += 1
    used.add(u.lower())
    return flag + u


def cnt(a=None, b=None, c=None, flag=""):
    a = a if a is not None else R.randint(80, 4000)
    b = b if b is not None else R.randint(60, 1500)
    c = c if c is not None else R.randint(150, 12000)
    return f"{flag}{a}/{b}/{c}"


def recent():
    return f"2026-{R.choice(['09','10','11'])}-{R.randint(1,27):02d}"


def S(u, name, bio, loc, web, posts, seg, lang, hard, why, also="", counts=None, created=None, last=None):
    u = uniq(u)
    SEG.append(SEP.join([u, name, bio, loc, web, counts or cnt(), str(created or R.randint(2010, 2023)),
                         last or recent(), PS.join(posts), seg, also, lang, hard, why]))


def P(u, name, bio, loc, web, posts, fol, fb, dec, reason, seg, lang, hard, why, counts=None, created=None, last=None):
    u = uniq(u)
    PRU.append(SEP.join([u, name, bio, loc, web, counts or cnt(), str(created or R.randint(2010, 2023)),
                         last or recent(), PS.join(posts) if posts else "", fol, fb, dec, reason, seg, lang, hard, why]))


AR = ["سالم البلوشي", "مريم الهنائية", "خالد الرواحي", "عائشة المعمرية", "يوسف الحارثي", "ليلى الكندية",
      "حمد الشحي", "نوال الغافرية", "سعيد العامري", "شيخة الراشدية", "ناصر الحبسي", "أسماء البوسعيدية"]
ARL = ["Salim Al Balushi", "Maryam Al Hinai", "Khalid Al Rawahi", "Aisha Al Mamari", "Yousuf Al Harthy",
       "Laila Al Kindi", "Hamad Al Shehhi", "Nawal Al Ghafri", "Said Al Amri", "Shaikha Al Rashdi",
       "Nasser Al Habsi", "Asma Al Busaidi", "Tariq Al Mahrooqi", "Huda Al Zadjali", "Badr Al Jabri",
       "Muna Al Lawati", "Faisal Al Siyabi", "Rahma Al Mandhari", "Ahmed Al Shanfari", "Zainab Al Kathiri"]
SA = ["Anil Menon", "Priya Nair", "Faizan Qureshi", "Rekha Pillai", "Imran Baloch", "Sunil Varghese",
      "Ayesha Siddiqui", "Joseph Mathew", "Deepa Raghavan", "Bilal Dashti", "Neha Sharma", "Arjun Kurup"]
EN = ["Claire Hobbs", "Tom Whitfield", "Sarah Lindqvist", "Mark O'Donnell", "Hannah Price", "James Carver"]
SW = ["Amina Salim Juma", "Hamisi Mbarouk", "Rehema Said", "Omar Khamis Ali"]
LOC = ["Muscat", "Muscat, Oman", "مسقط", "Salalah", "صلالة، ظفار", "Seeb", "Sohar", "Nizwa", "Ruwi, Muscat",
       "Al Khuwair", "Qurum", "Oman 🇴🇲", "سلطنة عمان", "Bawshar", "Sur", "Barka"]
FAR = ["Dubai", "London", "Kochi, Kerala", "Karachi", "Mumbai", "Nairobi", "Zanzibar", "Manchester", "Riyadh",
       "Doha", "Lahore", "Bengaluru", "Toronto", "Cairo"]

_FIRST_OM = ["Abdullah", "Sultan", "Hilal", "Majid", "Qais", "Talal", "Waleed", "Azzan", "Mazin", "Haitham", "Issa", "Juma", "Marwan", "Hamood",
             "Fatma", "Bushra", "Ruqaiya", "Wafa", "Iman", "Sumaiya", "Hanan", "Najla", "Thuraya", "Ibtisam", "Kawthar", "Maha", "Raya", "Samira"]
_FAM_OM = ["Al Hinai", "Al Maskari", "Al Saadi", "Al Wahaibi", "Al Riyami", "Al Abri", "Al Balushi", "Al Kalbani", "Al Hashmi", "Al Marhoon",
           "Al Mughairi", "Al Nabhani", "Al Ismaili", "Al Hosni", "Al Tobi", "Al Yahyai", "Al Shukaili", "Al Ghassani", "Al Hadhrami", "Al Mashani",
           "Al Raisi", "Al Farsi", "Al Sinani", "Al Jahwari", "Bait Said", "Al Barwani", "Al Kiyumi", "Al Shidi"]
_FIRST_SA = ["Vivek", "Shalini", "Rahul", "Meera", "Zubair", "Sana", "Abdul Rehman", "Nimmi", "Ravi", "Farhan", "Lakshmi", "Kiran", "Asif",
             "Shabnam", "Jibin", "Anju", "Noorjahan", "Gopal", "Saima", "Vinod"]
_FAM_SA = ["Thomas", "Krishnan", "Iyer", "Chaudhry", "Baig", "Kutty", "Nambiar", "Khan", "Joshi", "Abraham", "Rind", "Mengal", "Kumar",
           "Qazi", "Paul", "Menon", "Hussain", "Das", "Zehri", "George"]
_FIRST_EN = ["Oliver", "Grace", "Daniel", "Emma", "Ruth", "Ben", "Lucy", "Peter", "Kate", "Sam"]
_FAM_EN = ["Ashworth", "Brennan", "Doyle", "Fairley", "Hughes", "Kendall", "Marsh", "Pryce", "Sutton", "Walsh"]
_FIRST_AR = ["عبدالله", "سلطان", "هلال", "ماجد", "قيس", "طلال", "وليد", "عزان", "مازن", "فاطمة", "بشرى", "رقية", "وفاء", "إيمان", "حنان", "نجلاء", "ثريا", "مها"]
_FAM_AR = ["الهنائي", "المسكري", "السعدي", "الوهيبي", "الريامي", "العبري", "الكلباني", "الهاشمي", "المغيري", "النبهاني", "الإسماعيلي", "الحوسني", "التوبي", "اليحيائي", "الشكيلي", "الغساني", "المعشني", "الرئيسي"]
_taken = set()


def newname(kind="mix"):
    sa = [(["Zubair", "Sana", "Abdul Rehman", "Farhan", "Asif", "Saima", "Noorjahan", "Shabnam"], ["Chaudhry", "Baig", "Khan", "Qazi", "Hussain", "Rind", "Mengal", "Zehri"]),
          (["Jibin", "Anju", "Nimmi", "Vinod", "Lakshmi", "Meera", "Shalini", "Ravi"], ["Thomas", "Abraham", "Paul", "George", "Kutty", "Nambiar", "Menon", "Krishnan"]),
          (["Vivek", "Rahul", "Kiran", "Gopal", "Pooja", "Sanjay"], ["Joshi", "Kumar", "Das", "Iyer", "Sharma", "Verma"])]
    pools = {"om": [(_FIRST_OM, _FAM_OM)], "sa": sa, "en": [(_FIRST_EN, _FAM_EN)], "ar": [(_FIRST_AR, _FAM_AR)],
             "mix": [(_FIRST_OM, _FAM_OM)] * 5 + sa + [(_FIRST_EN, _FAM_EN)]}[kind]
    while True:
        f, l = R.choice(pools)
        n = f"{R.choice(f)} {R.choice(l)}"
        if n not in _taken:
            _taken.add(n)
            return n


def h(name):
    import re
    p = [re.sub(r"\W", "", w) or "x" for w in name.lower().replace("'", "").split()]
    return R.choice([p[0] + "_" + p[-1], p[0][0] + p[-1], p[0] + p[-1][:4], p[-1] + "_" + p[0][:3]]).replace("-", "")


_LAT = dict(zip("عبدالله سلطان هلال ماجد قيس طلال وليد عزان مازن فاطمة بشرى رقية وفاء إيمان حنان نجلاء ثريا مها".split(),
                "abdullah sultan hilal majid qais talal waleed azzan mazin fatma bushra ruqaiya wafa iman hanan najla thuraya maha".split()))


def arh(i, name=None):
    if name and name.split()[0] in _LAT:
        return _LAT[name.split()[0]] + R.choice(["_om", "_omn", "968", "_mct", "_sll", "_oman", "_news", "_"]) + R.choice(["", str(R.randint(1, 99))])
    return R.choice(["salim", "maryam", "khalid", "aisha", "yousuf", "laila", "hamad", "nawal", "saeed", "shaikha",
                     "nasser", "asma"])[:] + R.choice(["_om", "_omn", "968", "_mct", "_sll", "_oman"])


# ------------------------------------------------------------------ segment: press
OUTLETS = [  # name, handle, domain, lang
    ("Times of Oman", "timesofoman", "timesofoman.com", "en"),
    ("Oman Observer", "omanobserver", "omanobserver.om", "en"),
    ("Muscat Daily", "muscat_daily", "muscatdaily.com", "en"),
    ("جريدة الوطن", "alwatan_oman", "alwatan.com", "ar"),
    ("جريدة عمان", "omandaily", "omandaily.om", "ar"),
    ("الشبيبة", "shabiba", "shabiba.com", "ar"),
    ("Hala FM", "halafm", "halafm.om", "en"),
    ("Salalah Pulse", "salalahpulse", "salalahpulse.om", "ar"),
    ("Khareef Times", "khareeftimes", "khareeftimes.om", "en"),
    ("أثير", "atheer_om", "atheer.om", "ar"),
    ("Qurum Ledger", "qurumledger", "qurumledger.om", "en"),
    ("Oman TV", "omantv", "omantv.gov.om", "ar"),
]
ROLES_EN = ["Reporter", "Business reporter", "Senior correspondent", "Sub-editor", "News editor", "Presenter",
            "Producer", "Photojournalist", "Columnist", "Deputy editor", "Economy desk", "Digital producer"]
ROLES_AR = ["صحفي", "محررة", "مراسل", "مذيعة", "مقدم برامج", "مصور صحفي", "كاتب عمود", "رئيس قسم الاقتصاد", "محرر أخبار"]
BEATS_EN = ["telecoms & tech", "banking", "SMEs and Omanisation", "courts", "tourism & Khareef season", "energy",
            "consumer affairs", "sport", "Dhofar news"]
PRESS_POSTS_EN = [
    "New piece: call-centre jobs and the Omanisation quota, what the numbers say",
    "Khareef traffic on the Salalah road again today. Stay safe everyone",
    "Spoke to three bank customers about the new e-wallet fees, story tomorrow",
    "On air at 7 with the morning team ☕",
    "Our front page tomorrow 👇 https://t.co/x1Q",
    "Interview with the minister of labour this afternoon, thread to follow",
    "Correction: the figure in para 4 should read OMR 2.3m, fixed online",
    "weekend read: how Muscat's startups hire their first support staff",
    "press conference at the chamber, Ruwi. mic check 🎙",
]
PRESS_POSTS_AR = [
    "تقرير جديد عن أسعار الاتصالات في السلطنة، الرابط في التعليق",
    "مباشر من مؤتمر صحفي في غرفة تجارة وصناعة عمان",
    "غداً في العدد: قصص من سوق مطرح",
    "جولة ميدانية في صلالة مع بداية موسم الخريف 🌧",
    "حوار مع رئيس جمعية حماية المستهلك حول شكاوى خدمة العملاء",
    "الحلقة الجديدة من البرنامج على الهواء الساعة الثامنة",
]
for i in range(62):
    on, oh, od, ol = OUTLETS[i % len(OUTLETS)]
    lang = R.choice(["ar", "ar", "en"]) if ol == "ar" else R.choice(["en", "en", "ar"])
    if lang == "ar":
        nm = newname("ar")
        bio = R.choice([f"{R.choice(ROLES_AR)} في {on} | {R.choice(['الشأن الاقتصادي','الرياضة','المحليات','التقنية'])}",
                        f"{R.choice(ROLES_AR)} @{oh} ✍️ الآراء تمثلني",
                        f"{on} — {R.choice(ROLES_AR)} | مسقط",
                        f"{R.choice(ROLES_AR)} بـ{on}. للتواصل: news@{od}"])
        posts = R.sample(PRESS_POSTS_AR, 3)
        u = arh(i, nm)
    else:
        nm = newname("mix")
        bio = R.choice([f"{R.choice(ROLES_EN)} @{oh} | {R.choice(BEATS_EN)} | tips: DM",
                        f"{R.choice(ROLES_EN).lower()} at {on}. covering {R.choice(BEATS_EN)}. views my own",
                        f"{on} {R.choice(ROLES_EN)} / {R.choice(BEATS_EN)} / Muscat",
                        f"{R.choice(ROLES_EN)}, {on} 📰 {R.choice(BEATS_EN)} — {od}"])
        posts = R.sample(PRESS_POSTS_EN, 3)
        u = h(nm)
    S(u, nm, bio, R.choice(LOC), "", posts, "press", lang, "", f"staff at {on}, an outlet")
# outlets' own accounts
for on, oh, od, ol in OUTLETS:
    S(oh, on, {"en": f"{on} — news from Oman since {R.randint(1975, 2015)}. Breaking news, business, sport | {od}",
               "ar": f"الحساب الرسمي لـ{on} | أخبار السلطنة على مدار الساعة | {od}"}[ol],
      "Muscat, Oman", od, R.sample(PRESS_POSTS_EN if ol == "en" else PRESS_POSTS_AR, 3), "press", ol,
      "outlet_own_account", "the outlet's own account", counts=cnt(R.randint(50000, 900000), R.randint(50, 900), R.randint(40000, 200000), "+"))
S("salalahpulse_sport", "Salalah Pulse Sport", "الحساب الرياضي لصحيفة صلالة بلس | نادي ظفار، نادي صلالة، الدوري العماني", "صلالة", "salalahpulse.om/sport",
  ["هدف ظفار في الدقيقة 89 يشعل المدرجات", "تشكيلة نادي صلالة لمباراة الليلة"], "press", "ar", "outlet_secondary_account", "an outlet's sport desk account is the outlet's own")
S("wadiweekly_pod", "Wadi Weekly 🎧", "podcast on Omani business & people. new ep every thursday. hosts @huda_zadjali & @faisal_sy", "Muscat", "wadiweekly.fm",
  ["ep 112: why every bank in Muscat is hiring chat agents", "ep 111 with the founder of a Sohar logistics startup"], "press", "en", "podcast_own_account", "a podcast's own account")
S("muttrahmirror", "Muttrah Mirror", "a weekly newsletter on Oman's economy, written by Muna Al Lawati | muttrahmirror.substack.com", "Muttrah", "muttrahmirror.substack.com",
  ["This week: telecom tariffs, Duqm port numbers, and a note on call-centre wages", "subscribers hit 5k, thank you"], "press", "en", "newsletter", "an independent newsletter is an outlet")
S("muna_lawati", "Muna Al Lawati", "I write Muttrah Mirror (newsletter) | economics, ports, labour | ex-Oman Observer", "Muscat", "",
  ["new issue out: Omanisation in contact centres", "talking labour data on Hala FM tomorrow"], "press", "en", "former_vs_current", "newsletter writer now; ex-Observer is past but current role is press")
FREEL = [
    ("Priya Nair", "freelance journalist | bylines: Times of Oman, Gulf News, The National | tech & migrant labour", "en", "freelancer_names_outlets"),
    ("Imran Baloch", "فری لانس صحافی | اردو نیوز، ڈان | مسقط سے رپورٹنگ", "ur", "freelancer_names_outlets"),
    ("Anil Menon", "ഫ്രീലാൻസ് പത്രപ്രവർത്തകൻ | ഗൾഫ് മാധ്യമം, മനോരമ | മസ്കറ്റ്", "ml", "freelancer_names_outlets"),
    ("Amina Salim Juma", "Mwandishi wa habari huru | Mwananchi & Zanzibar Leo | Muscat–Zanzibar", "sw", "freelancer_names_outlets"),
    ("Neha Sharma", "स्वतंत्र पत्रकार | दैनिक भास्कर, अमर उजाला के लिए ओमान से | प्रवासी मुद्दे", "hi", "freelancer_names_outlets"),
    ("Tom Whitfield", "ex-Times of Oman staffer, now freelance for Reuters and Muscat Daily. Gulf economy.", "en", "former_staff_now_freelance"),
    ("Bilal Dashti", "Balochi service reporter, Radio Oman Balochi hour | بلوچی خبر", "bal", "balochi_radio"),
]
for nm, bio, lg, hc in FREEL:
    posts = {"en": ["filed: Muscat port volumes up again", "new byline in The National today"],
             "ur": ["مسقط میں پاکستانی کمیونٹی پر نئی رپورٹ", "ڈان کے لیے میرا آرٹیکل"],
             "ml": ["സലാലയിലെ പ്രവാസികളെക്കുറിച്ച് പുതിയ റിപ്പോർട്ട്", "ഇന്നത്തെ ഗൾഫ് മാധ്യമത്തിൽ"],
             "sw": ["Habari mpya: wafanyakazi wa Kizanzibari Muscat", "makala yangu kwenye Mwananchi leo"],
             "hi": ["ओमान में भारतीय कामगारों पर नई रिपोर्ट", "आज के अंक में मेरा लेख"],
             "bal": ["مسقط ءَ بلوچی خبر، سَہبّ ءِ پروگرام", "ریڈیو ءِ نوکیں بہر"]}[lg]
    S(h(nm), nm, bio, R.choice(LOC), "", posts, "press", lg, hc, "freelancer or staff naming outlets: current role is journalism")
for lg, nm, bio, posts in [
    ("ur", "Faizan Qureshi", "رپورٹر، اردو ٹائمز عمان | مسقط | کمیونٹی خبریں", ["عمان میں ویزا قوانین میں تبدیلی", "روی میں پاکستانی سکول کی تقریب"]),
    ("ml", "Sunil Varghese", "സീനിയർ റിപ്പോർട്ടർ, ഗൾഫ് മലയാളം ന്യൂസ് | മസ്കറ്റ് ബ്യൂറോ", ["മസ്കറ്റിൽ പുതിയ തൊഴിൽ നിയമം", "ഓണം ആഘോഷം റൂവിയിൽ"]),
    ("ml", "Rekha Pillai", "Muscat bureau, Gulf Malayalam News | ന്യൂസ് പ്രൊഡ്യൂസർ", ["സലാല ഖരീഫ് സീസൺ റിപ്പോർട്ട്", "ഇന്ന് രാത്രി 9ന് ലൈവ്"]),
    ("hi", "Deepa Raghavan", "संपादक, ओमान हिंदी समाचार | मस्कट", ["मस्कट में दिवाली मेला", "नया अंक प्रकाशित"]),
    ("sw", "Hamisi Mbarouk", "Mtangazaji, Radio Oman Kiswahili | habari za jamii", ["kipindi cha leo saa mbili usiku", "mahojiano na balozi"]),
]:
    S(h(nm), nm, bio, "Muscat", "", posts, "press", lg, "non_english_press", "staff at an outlet, writes in community language")
# guest columnist with day job at listed org -> that org
S("rashdi_nb", "Shaikha Al Rashdi", "Head of Customer Experience, Nizwa Bank | guest columnist @omanobserver on service culture", "Muscat", "nizwabank.om",
  ["my Observer column this week: queues are a design problem", "proud of the Nizwa Bank contact team 💙"], "customers", "en", "guest_columnist_day_job",
  "guest columnist whose day job is at a listed customer", also="press")
S("yjabri_dhotel", "Badr Al Jabri", "كاتب مقال أسبوعي في جريدة الوطن | مدير العلاقات العامة، ظفار للاتصالات", "صلالة", "dhofartelecom.om",
  ["مقالي في الوطن: الخدمة ثقافة", "باقة خطة الخريف متاحة الآن من ظفار للاتصالات"], "customers", "ar", "guest_columnist_day_job",
  "columnist but employed by Dhofar Telecom (Arabic form of the name)", also="press")

# ------------------------------------------------------------------ segment: press-looking, not press
NOTPRESS = [
    ("correspondent banking | Bank Muscat | trade finance & FX", "en", "title_lookalike", "correspondent banking is not journalism"),
    ("music producer 🎧 Muscat | beats, Omani fann, weddings | bookings via DM", "en", "title_lookalike", "a music producer"),
    ("Reporting Analyst @ Petroleum Development Oman | Power BI, SQL", "en", "title_lookalike", "reporting analyst, not a reporter"),
    ("Editor of the Majan Telecom blog | content & SEO", "en", "title_lookalike", "company blog editor, not listed org"),
    ("Ex-journalist (Times of Oman 2009-2017), now Head of Corporate Comms at OQ", "en", "ex_journalist_in_comms", "ex-journalist now in comms"),
    ("Founder, Frankincense PR | media relations for Gulf brands | clients: hotels, banks", "en", "pr_agency", "PR agency"),
    ("Press officer, Ministry of Heritage & Tourism | media enquiries welcome", "en", "press_officer", "press officer speaks to the press"),
    ("طالبة إعلام في جامعة السلطان قابوس 📚 صحافة واتصال جماهيري", "ar", "journalism_student", "student of journalism"),
    ("صحفي متقاعد، عملت في جريدة عمان ٣٠ عاماً. الآن للكتب والقهوة", "ar", "retired_journalist", "retired journalist"),
    ("Assistant professor, media studies, SQU | research on Gulf press", "en", "academic", "an academic"),
    ("ghostwriter & copywriter | LinkedIn posts for CEOs in Muscat", "en", "copywriter", "ghostwriter/copywriter"),
    ("Oman Media Awards 2026 — nominations open | organiser", "en", "awards_organiser", "awards organiser"),
    ("Oman headlines every 15 min 🤖 auto-posted from RSS", "en", "headline_bot", "a headline bot"),
    ("Not the Times of Oman. satire. nothing here is news 😂", "en", "parody", "parody of an outlet"),
    ("جمعية الصحفيين العمانية - الحساب الرسمي", "ar", "industry_body", "a membership body, not an outlet"),
    ("PR & comms manager @ Khimji Ramdas | former Muscat Daily reporter", "en", "ex_journalist_in_comms", "former reporter now in PR"),
    ("Content producer, Oman Arab Bank marketing team", "en", "title_lookalike", "in-house marketing content producer"),
    ("freelance wedding photographer | Muscat & Sohar 📸", "en", "title_lookalike", "photographer, not at an outlet"),
    ("Anchor investor | seed rounds in Omani fintech", "en", "title_lookalike", "anchor investor, not presenter"),
    ("ریڈیو اور ٹی وی پروڈیوسر (اشتہارات) | مسقط ایڈ ایجنسی", "ur", "title_lookalike", "advertising producer at an ad agency"),
    ("Media relations lead, Ministry of Labour | بيانات صحفية", "en", "press_officer", "government press officer"),
    ("Editor-in-chief of my own cat's diary 🐈 | Qurum", "en", "title_lookalike", "joke bio, a private person"),
]
for bio, lg, hc, why in NOTPRESS:
    nm = newname("sa" if lg == "ur" else "mix") if lg != "ar" else newname("ar")
    if hc == "headline_bot":
        nm = "Oman News Bot"
    if hc == "parody":
        nm = "Not Times of Oman"
    if hc == "awards_organiser":
        nm = "Oman Media Awards"
    if hc == "industry_body":
        nm = "جمعية الصحفيين العمانية"
    posts = {"en": ["great panel today in Muscat", "busy week, coffee needed ☕", "congrats to the team!"],
             "ar": ["صباح الخير من مسقط", "شكراً لكل من حضر"], "ur": ["نیا اشتہار تیار", "مسقط میں شوٹنگ"]}[lg]
    if hc == "headline_bot":
        posts = ["Oman: new tariffs announced https://t.co/a1", "Oman: new tariffs announced https://t.co/a1", "Muscat weather: 31C https://t.co/a2"]
    S(h(nm) if lg != "ar" else arh(0, nm), nm, bio, R.choice(LOC), "", posts, "none", lg, hc, why)

# ------------------------------------------------------------------ segment: organisations
ORGS = {
    "customers": [("Dhofar Telecom", "dhofartelecom", "dhofartelecom.om", "ظفار للاتصالات", "Khareef Plan", "Salalah Mobile", ["dhofartel_care", "dhofartel_jobs"]),
                  ("Nizwa Bank", "nizwabank", "nizwabank.om", "بنك نزوى", "Falaj Wallet", "Nizwa Savings & Loans", ["nizwabank_help"]),
                  ("Oasis Water Company", "oasiswater_om", "oasiswater.om", "واحة للمياه", "Qatra", "Al Wadi Water", ["oasiswater_care"])],
    "suppliers": [("Falcon Dialer", "falcondialer", "falcondialer.com", "فالكون دايلر", "FalconQueue", "Saqr Telesystems", ["falcon_support"]),
                  ("Sidr Systems", "sidrsystems", "sidrsystems.com", "سدر سيستمز", "SidrDesk", "Sidr IT", []),
                  ("Luban Cloud", "lubancloud", "lubancloud.io", "لبان كلاود", "LubanWFM", None, ["lubancloud_mena"])],
    "competitors": [("Seeb Contact", "seebcontact", "seebcontact.om", "سيب كونتاكت", None, "Seeb Teleservices", ["seebcontact_careers"]),
                    ("Khanjar BPO", "khanjarbpo", "khanjarbpo.com", "خنجر", None, None, []),
                    ("Dunes Direct", "dunesdirect", "dunesdirect.om", "DD Oman", None, "Rimal Call Services", [])],
}
JOBS = ["Head of CX", "Contact centre manager", "Team leader", "Workforce planner", "Quality analyst", "Sales engineer",
        "Customer success manager", "Account director", "HR business partner", "CTO", "Solutions architect", "Ops lead"]
JOBS_AR = ["مدير خدمة العملاء", "مشرفة فريق", "أخصائي جودة", "مدير المبيعات", "مهندس حلول", "مديرة الموارد البشرية"]
for seg, orgs in ORGS.items():
    for name, hd, dom, arn, prod, former, secs in orgs:
        S(hd, name, f"Official account of {name} | {arn} | {dom}", "Muscat, Oman", dom,
          [f"Our {prod or 'service'} update for November", "We're hiring in Muscat and Salalah! apply via the link"],
          seg, "en", "org_main_account", f"the main account of {name}", counts=cnt(R.randint(5000, 90000), R.randint(100, 800), None, "+"))
        for s in secs:
            kind = "Careers" if "job" in s or "career" in s else "Care" if "care" in s or "help" in s or "support" in s else "MENA"
            S(s, f"{name} {kind}",
              {"Careers": f"Jobs at @{hd} 💼 vacancies in Muscat & Salalah | وظائف", "Care": f"Support account of @{hd} | نحن هنا لخدمتكم 8am–10pm",
               "MENA": f"Regional account of @{hd} for the Middle East & Africa"}[kind],
              "Oman", dom, {"Careers": ["we're hiring team leaders in Salalah, apply on our site", "walk-in day Thursday, Ruwi office"],
                            "Care": ["@customer123 sorry to hear that, please DM us your number", "Maintenance tonight 1am-3am"],
                            "MENA": [f"{name} at GITEX Dubai this week, stand H7", "new partner onboarded in Riyadh"]}[kind],
              seg, "en", "org_secondary_account", f"a secondary account owned by {name}")
        n_staff = {"customers": 11, "suppliers": 8, "competitors": 8}[seg]
        for k in range(n_staff):
            form = k % 7
            nm = newname("mix")
            if form == 0:
                bio, lg, hc, why = f"{R.choice(JOBS)} @{hd} | {R.choice(['coffee','family','Liverpool FC','hiking Jebel Akhdar'])}", "en", "", f"bio names current employer {name}"
            elif form == 1:
                bio, lg, hc, why = f"{R.choice(JOBS_AR)} في {arn} | مسقط", "ar", "arabic_alias", f"Arabic name of {name} as employer"; nm = newname("ar")
            elif form == 2:
                bio, lg, hc, why = f"{R.choice(JOBS).lower()} | {R.choice(['cx nerd','dad of 3','runner'])} | ✉️ {nm.split()[0].lower()}.{nm.split()[-1].lower()}@{dom}", "en", "email_domain", "employer only from the e-mail domain"
            elif form == 3:
                bio, lg, hc, why = f"{name} | {nm}", "en", "org_pipe_name", "X | Name form"
            elif form == 4 and prod:
                bio, lg, hc, why = f"product owner, {prod} 🚀 | Muscat", "en", "product_name", f"{prod} is {name}'s product"
            elif form == 5 and former:
                bio, lg, hc, why = f"12 yrs at {former} (now {name}) and counting | {R.choice(JOBS)}", "en", "former_brand_name", f"former brand name of {name}, still employed"
            else:
                bio, lg, hc, why = f"{R.choice(JOBS)} | Muscat", "en", "employer_in_posts_or_site", f"employer from website/posts ({name})"
            posts = [f"great week with the {name} team", "#CX lessons from Ramadan peak: staff the evenings"] if lg == "en" else [f"فخور بفريق {arn}", "#خدمة_العملاء"]
            S(h(nm) if lg == "en" else arh(k, nm), nm, bio, R.choice(LOC + (FAR if seg == "suppliers" else [])),
              dom if hc == "employer_in_posts_or_site" else "", posts, seg, lg, hc, why)

HC_POSTS = {
    "Hamad Al Shehhi": ["first month at Seeb Contact done ✅ great floor team", "hiring TLs for our Seeb site, DM me"],
    "Joseph Mathew": ["Nizwa Bank contact centre hit 92% SL this week 🙌", "forecasting Ramadan volumes again"],
    "Laila Al Kindi": ["open to CX / WFM roles in Muscat", "thank you Falcon Dialer for 5 good years"],
    "Tariq Al Mahrooqi": ["new workshop: IVR journeys that don't annoy", "consulting slots open for Q1"],
    "Ayesha Siddiqui": ["case study: how we cut IVR drop-off by 30% for a Muscat bank", "audits for contact centres, DM"],
    "Mark O'Donnell": ["new noise-cancelling headsets landed in Muscat 🎧", "great demo at Dunes Direct today"],
    "Arjun Kurup": ["Kurup Digital: LubanWFM go-live for a Riyadh client", "we're a certified partner, not the vendor 😉"],
    "Huda Al Zadjali": ["new Wadi Weekly ep is out 🎙", "at work: Dhofar Telecom Khareef Plan launch in Salalah"],
    "Said Al Amri": ["ظفار بطل 💛", "موعدنا الجمعة في ملعب السعادة"],
    "Nawal Al Ghafri": ["Nizwa Fort at sunset 🌅", "friday souq tour, goats and halwa"],
    "Faisal Al Siyabi": ["تدريبات اليوم مع نادي السيب ⚽", "الفوز للسيب"],
    "Rahma Al Mandhari": ["عسل سدر جديد وصل 🍯", "طلبات التوصيل لمسقط يوم الخميس"],
    "Ahmed Al Shanfari": ["fresh hojari luban this week", "shipping frankincense to Europe 📦"],
    "Li Luban": ["studio review tomorrow", "model making all night"],
    "Zainab Al Kathiri": ["صقرتي الجديدة 🦅", "مهرجان الصقور في صلالة"],
    "Muttrah Khanjar House": ["new silver khanjar belts in store", "open after isha prayer"],
    "Dunes Desert Camp": ["sunset dune bashing tonight 🏜", "winter season bookings open"],
    "Oasis Band Tribute": ["gig in Salford saturday", "wonderwall again, yes"],
    "Irfan Jamali": ["@dhofartel_care still waiting 😡", "day 4 no internet, Saada Salalah"],
    "Smitha Rajan": ["@nizwabank app crashed again at payment", "@nizwabank_help no reply to my DM"],
    "Gulf CX Jobs": ["URGENT: 50 agents Muscat apply https://t.co/j1", "URGENT: 50 agents Muscat apply https://t.co/j1"],
    "Majan Connect": ["we're hiring Arabic/English agents in Salalah 📞", "our PR desk had a busy Khareef season"],
    "Mariam Al Hosni": ["proud of my team at Majan Connect Salalah", "#OmanCX coaching day"],
    "Nasser Al Habsi": ["press release out for a client today", "media list cleanup day at Majan Connect"],
    "Khalid Al Rawahi": ["DhoTel network upgrade in Taqah done", "night shift at the NOC ☕"],
    "Biju Mathai": ["NZB Sohar branch open Saturday", "cricket after work 🏏"],
    "NZB Logistics": ["containers delayed at Tauranga", "new depot in Christchurch"],
    "OWC Oilfield": ["safety stand-down today", "completions crew heading to Fahud"],
    "Rimal Sands Hotel": ["Khareef rooms 80% booked", "pool open till 10pm"],
    "Khalfan Al Mukhaini": ["15 years on the Seeb Contact floor", "still call it Seeb Teleservices sometimes 😅"],
    "Deepa Raghavan": ["DD Oman is hiring Malayalam-speaking agents", "walk-in interviews Ruwi"],
    "Kamran Niazi": ["فالکون ڈائلر کا نیا ورژن لانچ", "دبئی میں ڈیمو"],
    "Divya Sasidharan": ["LubanWFM training batch 14 done", "Kochi office onam sadya 🍌"],
    "Omar Khamis Ali": ["demo ya FalconQueue Dar es Salaam", "wateja wapya Zanzibar"],
    "Hannah Price": ["new post on the Sidr Systems eng blog: SidrDesk routing", "hiring a tech writer"],
    "Oasis Water press office": ["بيان صحفي: انقطاع المياه في بوشر", "Qatra app update"],
    "Dunes Direct PR": ["press release: Dunes Direct opens Sohar site", "media enquiries: DM"],
    "Nizwa Bank Rewards": ["🎁 claim now https://t.co/zz1", "🎁 claim now https://t.co/zz1"],
    "Dhofar Telecom Support 24/7": ["DM your PIN 🔥 https://t.co/zz2", "DM your PIN 🔥 https://t.co/zz2"],
}
# former vs current, clients, collisions, complaints, scams
for nm, bio, seg, lg, hc, why, loc in [
    ("Hamad Al Shehhi", "ex-Dhofar Telecom (2014-22) → now ops manager @seebcontact", "competitors", "en", "former_vs_current", "current employer is Seeb Contact", "Seeb"),
    ("Joseph Mathew", "Formerly team lead at Khanjar BPO. Now WFM at @nizwabank", "customers", "en", "former_vs_current", "current employer Nizwa Bank", "Muscat"),
    ("Laila Al Kindi", "previously @falcondialer, currently exploring new roles | open to work", "none", "en", "former_only", "only a past employer", "Muscat"),
    ("Tariq Al Mahrooqi", "alumni: Oasis Water Company, Sidr Systems | now independent CX consultant", "none", "en", "former_only", "alumni only", "Muscat"),
    ("Ayesha Siddiqui", "CX consultant — helping brands like Nizwa Bank and Dhofar Telecom fix their IVR", "none", "en", "client_not_employer", "clients are not employers", "Muscat"),
    ("Mark O'Donnell", "Sales @ Gulf Headsets | clients include Seeb Contact, Dunes Direct & Khanjar BPO", "none", "en", "client_not_employer", "sells to competitors, employed elsewhere", "Dubai"),
    ("Arjun Kurup", "Implementation partner for Luban Cloud in GCC | our own firm: Kurup Digital", "none", "en", "partner_not_employer", "a partner, not the supplier's staff", "Kochi, Kerala"),
    ("Huda Al Zadjali", "co-host @wadiweekly_pod | day job: communications at Dhofar Telecom", "customers", "en", "podcast_host_day_job", "judged as guest columnist: day job at listed customer", "Muscat"),
    ("Said Al Amri", "Dhofar SC ultra 💛 نادي ظفار فوق الجميع", "none", "ar", "name_collision_club", "Dhofar club fan, not Dhofar Telecom", "صلالة"),
    ("Nawal Al Ghafri", "tour guide at Nizwa Fort | حصن نزوى | history lover", "none", "en", "name_collision_place", "Nizwa the town, not Nizwa Bank", "Nizwa"),
    ("Faisal Al Siyabi", "Seeb Club midfielder ⚽ نادي السيب", "none", "ar", "name_collision_club", "Seeb club, not Seeb Contact", "Seeb"),
    ("Rahma Al Mandhari", "sidr honey from Jabal Akhdar 🍯 عسل السدر الجبلي | orders WhatsApp", "none", "ar", "name_collision_plant", "sidr honey, not Sidr Systems", "Nizwa"),
    ("Ahmed Al Shanfari", "luban (frankincense) trader, Salalah souq | لبان حوجري", "none", "en", "name_collision_product", "frankincense seller, not Luban Cloud", "Salalah"),
    ("Li Luban", "Luban Wei — architecture student, Shanghai", "none", "en", "name_collision_surname", "a person named Luban, abroad", "Shanghai"),
    ("Zainab Al Kathiri", "falconer 🦅 صقارة | Dhofar falcon club", "none", "ar", "name_collision_animal", "falconry, not Falcon Dialer", "صلالة"),
    ("Muttrah Khanjar House", "handmade khanjars & silver | خناجر عمانية | Muttrah souq", "none", "en", "name_collision_word", "the dagger, not Khanjar BPO", "Muttrah"),
    ("Dunes Desert Camp", "glamping in Wahiba Sands 🏜 | dunes tours & camel rides", "none", "en", "name_collision_word", "desert camp, not Dunes Direct", "Bidiyah"),
    ("Oasis Band Tribute", "Oasis tribute band from Manchester 🎸 definitely maybe", "none", "en", "name_collision_band", "Oasis the band", "Manchester"),
    ("Irfan Jamali", "@dhofartel_care 3 days no internet in Saada. is anyone there?? #DhofarTelecom", "none", "en", "consumer_complaint", "a complaining consumer", "Salalah"),
    ("Smitha Rajan", "mom of 2 | @nizwabank why is the Falaj Wallet app down again 😤", "none", "en", "consumer_complaint", "consumer complaint mentioning product", "Muscat"),
    ("Nizwa Bank Rewards", "🎁 Nizwa Bank customers claim OMR 50 bonus now! verify your card at nizwa-bank-gift.com", "none", "en", "scam_impersonation", "a scam impersonating the customer", "Oman"),
    ("Dhofar Telecom Support 24/7", "official support? DM your PIN to get free Khareef Plan data 🔥", "none", "en", "scam_impersonation", "scam using the product name", "Muscat"),
    ("Gulf CX Jobs", "Hiring for Seeb Contact, Dunes Direct & more! 500+ call centre jobs | apply now", "none", "en", "recruiter", "recruiter/job bot", "Dubai"),
    ("Majan Connect", "we run contact centres & PR desks in Muscat and Salalah | majanconnect.om", "none", "en", "own_org", "our own account", "Muscat"),
    ("Mariam Al Hosni", "Team lead @majanconnect | ex-Khanjar BPO | salalah", "none", "en", "own_staff_ex_competitor", "our own staff; competitor is past", "Salalah"),
    ("Nasser Al Habsi", "PR desk @ Majan Connect | ex-reporter Oman Observer | press releases for clients incl. Oasis Water", "none", "en", "own_staff_pr", "own staff, PR, client mention", "Muscat"),
    ("Khalid Al Rawahi", "DhoTel network ops | views own", "customers", "en", "alias_acronym", "DhoTel is the alias of Dhofar Telecom", "Salalah"),
    ("Biju Mathai", "NZB branch ops, Sohar | 🏏", "customers", "en", "alias_acronym", "NZB acronym of Nizwa Bank", "Sohar"),
    ("NZB Logistics", "NZB Logistics — freight forwarding Auckland", "none", "en", "acronym_collision", "same acronym, another firm abroad", "Auckland"),
    ("OWC Oilfield", "OWC Oilfield Services LLC | well completions | Sohar", "none", "en", "acronym_collision", "OWC here is an oilfield firm", "Sohar"),
    ("Rimal Sands Hotel", "Rimal Hotel Salalah 🌴 | bookings", "none", "en", "name_collision_former", "rimal is an ordinary word; not Rimal Call Services", "Salalah"),
    ("Khalfan Al Mukhaini", "Seeb Teleservices veteran, still on the floor after the rebrand | TL", "competitors", "en", "former_brand_name", "former brand name of Seeb Contact, still employed", "Seeb"),
    ("Deepa Raghavan", "HR @ DD Oman | hiring agents who speak Hindi & Malayalam", "competitors", "en", "alias_acronym", "DD Oman is Dunes Direct", "Muscat"),
    ("Kamran Niazi", "سیلز مینیجر، فالکون ڈائلر | خلیجی ممالک", "suppliers", "ur", "urdu_employer", "Falcon Dialer written in Urdu", "Karachi"),
    ("Divya Sasidharan", "LubanWFM trainer, Kochi office 💻", "suppliers", "en", "product_name_abroad", "supplier product staff abroad", "Kochi, Kerala"),
    ("Omar Khamis Ali", "Meneja wa mauzo, Falcon Dialer Afrika Mashariki", "suppliers", "sw", "swahili_employer", "supplier staff, Swahili bio", "Zanzibar"),
    ("Hannah Price", "Editor, Sidr Systems engineering blog | developer relations", "suppliers", "en", "company_blog_editor", "editor of a listed supplier's own blog", "London"),
    ("Oasis Water press office", "المكتب الإعلامي لشركة واحة للمياه | media@oasiswater.om", "customers", "ar", "org_press_office", "a listed org's press office belongs to it", "مسقط"),
    ("Dunes Direct PR", "press office of Dunes Direct 📣 media enquiries", "competitors", "en", "org_press_office", "competitor's press office", "Muscat"),
    ("Ali Bakhsh", "بلوچی شاعر | گوادر ءُ مسقط", "none", "bal", "balochi_private", "a Baluchi poet, no org", "Muscat"),
]:
    posts = ["#OmanCX", "ramadan hours for the team"] if hc not in ("consumer_complaint", "scam_impersonation") else ["@dhofartel_care still waiting 😡", "@nizwabank ??"]
    if hc == "scam_impersonation":
        posts = ["🎁 claim now https://t.co/zz1", "🎁 claim now https://t.co/zz1"]
    if lg == "bal":
        posts = ["نوکیں شعر ءِ کتاب", "مسقط ءِ شام"]
    posts = HC_POSTS.get(nm, posts)
    u = {"own_org": "majanconnect", "podcast_host_day_job": "huda_zadjali"}.get(hc, h(nm))
    S(u, nm, bio, loc, "majanconnect.om" if hc == "own_org" else "", posts, seg, lg, hc, why, also="press" if hc == "podcast_host_day_job" else "")

S("*wafa_nizwabank", "Wafa Al Riyami", "complaints desk, Nizwa Bank 🔒 personal account", "Nizwa", "", ["long day at the branch"], "customers", "en", "protected_account", "protected, bio names the customer")
S("*ruqaiya_reports", "رقية المعشني", "مراسلة جريدة الشبيبة في ظفار | حساب خاص", "صلالة", "", ["تغطية مهرجان صلالة السياحي"], "press", "ar", "protected_account", "protected reporter at an outlet")
S("+omanairways_cx", "Oman Air Care", "Official customer care of Oman Air ✈️ | 24/7", "Muscat", "omanair.com", ["@traveller we're sorry, please DM your PNR"], "none", "en", "verified_unlisted_org", "verified, big brand, not in our lists", counts=cnt(120000, 300, 90000, "+"))
# targets in segment file
S("amal_cx_muscat", "Amal Al Wahaibi", "CX coach | contact-centre trainer | Muscat | #OmanCX", "Muscat", "", ["quality scorecards that agents trust", "#CX"], "none", "en", "target", "a target, no segment")
S("amal_cx_muscat_", "Amal CX Muscat", "fan page of Amal CX 💖", "Muscat", "", ["repost"], "none", "en", "target_lookalike", "look-alike of a target handle")

# fill "none": private people, general orgs
NONE_BIOS = [("en", "football, karak & cars | Sohar"), ("ar", "اللهم اجعلنا من الشاكرين 🤲"), ("en", "petroleum engineer @ PDO | Ibri"),
             ("ml", "മസ്കറ്റിൽ നഴ്സ് 💉 | കോട്ടയം"), ("ur", "مسقط میں درزی کی دکان | روی"), ("hi", "शेफ | मस्कट | खाना ही प्यार है"),
             ("en", "teacher, Indian School Muscat"), ("ar", "طالب هندسة بجامعة صحار"), ("sw", "mfanyabiashara, Muscat–Dar es Salaam"),
             ("en", "real estate | Al Mouj | DM for rentals"), ("en", "marketing manager, Oman Air holidays"), ("bal", "بلوچ ءُ مسقط ءِ زند")]
for k in range(34):
    lg, bio = NONE_BIOS[k % len(NONE_BIOS)]
    nm = newname({"ar": "ar", "ml": "sa", "hi": "sa", "ur": "sa", "bal": "sa", "sw": "om"}.get(lg, "mix"))
    S(h(nm) if lg != "ar" else arh(k, nm), nm, bio, R.choice(LOC), "", ["جمعة مباركة" if lg == "ar" else "good morning Muscat", "weekend in Jebel Shams 🏔"], "none", lg, "", "private person, no listed org")

# ------------------------------------------------------------------ prune
AS = "2026-11-30"
def fdate(days):
    from datetime import date, timedelta
    return (date(2026, 11, 30) - timedelta(days=days)).isoformat()
def ldate(days):
    return fdate(days)

# keep: press (incl inactive/protected/not following back)
for k in range(30):
    on, oh, od, ol = OUTLETS[k % len(OUTLETS)]
    nm = newname("mix")
    hc = ["", "press_inactive", "press_protected", "press_no_followback"][k % 4]
    u = h(nm)
    if hc == "press_protected":
        u = "*" + u
    last = ldate(R.randint(250, 700)) if hc == "press_inactive" else recent()
    P(u, nm, f"{R.choice(ROLES_EN)} @{oh} | {R.choice(BEATS_EN)}", R.choice(LOC), "", R.sample(PRESS_POSTS_EN, 2),
      fdate(R.randint(30, 900)), "false" if hc == "press_no_followback" or k % 3 == 0 else "true", "keep", "press", "press", "en", hc,
      "press is always kept" + (", even inactive" if hc == "press_inactive" else ""), last=last)
# keep: customers
for k in range(21):
    name, hd, dom, arn, prod, former, secs = ORGS["customers"][k % 3]
    nm = newname(R.choice(["om","sa"]))
    hc = ["", "customer_inactive", "customer_no_followback"][k % 3]
    cb = R.choice([f"{R.choice(JOBS)} @{hd}", f"{R.choice(JOBS_AR)} | {arn}", f"{name} | {nm}"])
    P(h(nm), nm, cb, R.choice(LOC), "",
      ["#CX week at work", "iftar with the team"], fdate(R.randint(30, 900)), R.choice(["true", "false"]), "keep", "customer", "customers",
      "ar" if "|" in cb and cb.split("|")[1].strip() == arn else "en", hc, "customers are always kept", last=ldate(R.randint(200, 600)) if hc == "customer_inactive" else recent())
# keep: targets
P("tgt_dummy_skip", "x", "x", "x", "", ["x"], AS, "true", "keep", "target", "none", "en", "", "")
PRU.pop(); used.discard("tgt_dummy_skip")
P("+oman_cx_forum_ar", "منتدى تجربة العملاء - صلالة", "فرع صلالة لمنتدى عمان لتجربة العملاء", "صلالة", "", ["فعالية الشهر القادم"], fdate(400), "false", "keep", "industry_body", "none", "ar", "target_lookalike", "look-alike of a target, but it is an industry body in home region")
# note: real targets live in the segment file; prune gets look-alike and a silent target-like voice
P("cx_salalah_circle", "CX Salalah Circle", "meetup for contact-centre people in Dhofar | monthly", "Salalah", "", ["next meetup at Crowne Plaza"], fdate(300), "true", "keep", "industry_body", "none", "en", "", "local practitioner community in home region")
# keep: grace period boundaries
for k, days in enumerate([0, 3, 7, 10, 13, 14]):
    nm = newname(R.choice(["sa","en"]))
    P(h(nm) + str(R.randint(10, 99)), nm, R.choice(["", "crypto signals 🚀 follow back", "fashion | Dubai", "gamer"]), R.choice(FAR), "",
      ["follow4follow"] if k % 2 else ["nice"], fdate(days), "false", "keep", "grace", "none", "en", "grace_boundary",
      f"followed {days} days ago: within the 14-day grace", counts=cnt(12, 4800, 30, "!") if k % 2 else None)
# keep: suppliers incl abroad
for k in range(12):
    name, hd, dom, arn, prod, former, secs = ORGS["suppliers"][k % 3]
    nm = newname(R.choice(["sa","en"]))
    P(h(nm), nm, f"{R.choice(JOBS)} @ {name}", R.choice(FAR + LOC), "", ["release notes for v9", "#ContactCentre"], fdate(R.randint(40, 800)),
      R.choice(["true", "false"]), "keep", "supplier", "suppliers", "en", "supplier_abroad" if k % 2 else "", "supplier's key people kept, even abroad")
# keep: competitors active
for k in range(10):
    name, hd, dom, arn, prod, former, secs = ORGS["competitors"][k % 3]
    nm = newname("om")
    P(h(nm), nm, f"{R.choice(JOBS)} | {name}", R.choice(LOC), "", ["hiring agents in Salalah", "#OmanCX"], fdate(R.randint(40, 800)),
      R.choice(["true", "false"]), "keep", "competitor", "competitors", "en", "", "active competitor staff, watch the market")
# keep: practitioners home region
for k in range(20):
    nm = newname(R.choice(["om","sa"]))
    lg = R.choice(["en", "en", "ar"])
    bio = R.choice(["contact centre supervisor | Sohar", "WFM analyst, Muscat | erlang fan", "مدربة خدمة عملاء | مسقط", "QA lead at a Muscat hospital call centre",
                    "CX manager, Oman Air | #CX", "PR manager, Muscat Municipality | العلاقات العامة", "omnichannel ops @ a Salalah hotel group"])
    P(h(nm), nm, bio, R.choice(LOC), "", ["#OmanCX agent wellbeing matters", "good session at the forum"], fdate(R.randint(40, 900)),
      "true" if k % 3 else "false", "keep", "practitioner", "none", lg, "practitioner_no_followback" if k % 3 == 0 else "",
      "active practitioner of our field in home region, followed back or not")
# keep: relevant voices abroad
for nm, bio, loc in [("Claire Hobbs", "CX author & speaker | contact centre futurist", "London"), ("Sarah Lindqvist", "WFM researcher | queues, erlang, people", "Stockholm"),
                     ("Ananya Rao", "Head of CX research, Bengaluru | #CX", "Bengaluru"), ("James Carver", "PR measurement nerd | AMEC member", "Manchester"),
                     ("Yasir Kazmi", "contact centre ops coach, GCC", "Dubai"), ("Kavya Shetty", "BPO analyst, voice & chat outsourcing", "Mumbai")]:
    P(h(nm), nm, bio, loc, "", ["new post on service levels", "#CX #ContactCentre"], fdate(R.randint(60, 900)), R.choice(["true", "false"]), "keep",
      "voice_abroad", "none", "en", "outside_region_relevant", "relevant voice of our field abroad")
# keep: local partner charity/industry body
P("omancharity_sll", "جمعية صلالة الخيرية", "جمعية خيرية في صلالة | شركاؤنا في برنامج تدريب الباحثين عن عمل", "صلالة", "", ["تخريج دفعة مركز الاتصال 🎓"], fdate(500), "true", "keep", "local_partner", "none", "ar", "local_partner_charity", "charity we work with in home region")
P("occi_oman", "Oman Chamber of Commerce", "غرفة تجارة وصناعة عمان | OCCI", "Muscat", "chamberoman.om", ["workshop on service standards"], fdate(700), "false", "keep", "industry_body", "none", "en", "", "industry body")

# unfollow: spam
for k in range(24):
    u = R.choice(["user", "omanfollow", "cx", "free", "gift"]) + str(R.randint(10000000, 99999999))
    P(u, R.choice(["Follow Back 100%", "Gift Oman", "cx", "Promo", "Sara"]), R.choice(["", "follow back 💯 #OmanCX #CX", "crypto 🚀", "link in bio"]), "", "",
      [[f"https://t.co/{k}sp", f"https://t.co/{k}sp", "follow back"], ["#CX #OmanCX follow4follow ✅", "#CX #OmanCX follow4follow ✅"], ["تابعني وأتابعك 🔁", "تابعني وأتابعك 🔁", "رتويت"], ["earn $500/day from home 💰 DM", "earn $500/day from home 💰 DM"]][k % 4],
      fdate(R.randint(30, 400)), "true" if k % 3 == 0 else "false", "unfollow", "spam", "none", "en",
      "spam_follows_back_hashtags" if k % 3 == 0 else "spam", "spam signals: default avatar, digits handle, ratio, repeated posts",
      counts=cnt(R.randint(2, 40), R.randint(3000, 7000), R.randint(5, 400), "!"))
P("nizwabank_gift", "Nizwa Bank 🎁", "claim your OMR 50 Falaj Wallet bonus now", "Oman", "nizwa-gift.co", ["claim https://t.co/x", "claim https://t.co/x"], fdate(90), "false",
  "unfollow", "spam", "none", "en", "scam_impersonation", "scam impersonating a customer: spam", counts=cnt(40, 3000, 60, "!"))
# unfollow: inactive
for k, days in enumerate([181, 185, 200, 260, 400, 720, 900, 1000, 300, 190, 365, 222, 610, 450, 183, 240]):
    nm = newname(R.choice(["om","sa"]))
    P(h(nm), nm, R.choice(["CX enthusiast | Muscat", "call centre agent, Salalah", "marketing | Oman", "مهتم بالتقنية"]), R.choice(LOC), "",
      ["#CX"], fdate(R.randint(300, 1200)), R.choice(["true", "false"]), "unfollow", "inactive", "none", "en",
      "inactivity_boundary" if days < 190 else "", f"last post {days} days ago > 180", last=ldate(days))
for k in range(3):
    nm = newname("om")
    P(h(nm), nm, "", "Muscat", "", [], fdate(R.randint(200, 900)), "false", "unfollow", "inactive", "none", "en", "never_posted", "never posted",
      last="-", counts=cnt(3, 40, 0))
# keep (not inactive) boundary
for days in [170, 178]:
    nm = newname("om")
    P(h(nm), nm, "contact centre trainer | Muscat", "Muscat", "", ["#OmanCX"], fdate(500), "true", "keep", "practitioner", "none", "en",
      "inactivity_boundary", f"last post {days} days ago, within 180", last=ldate(days))
# unfollow: outside region irrelevant
for bio, loc, lg in [("real estate agent | Miami", "Miami", "en"), ("K-pop fan account", "Seoul", "en"), ("fitness coach | São Paulo", "São Paulo", "en"),
                     ("Lahore food blogger 🍛", "Lahore", "ur"), ("Kerala politics | opinions", "Thrissur", "ml"), ("Bollywood gossip", "Mumbai", "hi"),
                     ("bodaboda rider, Mombasa", "Mombasa", "sw"), ("cricket stats | Karachi", "Karachi", "ur"), ("wedding planner, Dubai", "Dubai", "en"),
                     ("car dealer | Riyadh", "الرياض", "ar")]:
    nm = newname(R.choice(["sa","en"]))
    P(h(nm), nm, bio, loc, "", ["good day", "new post"], fdate(R.randint(40, 900)), R.choice(["true", "false"]), "unfollow", "off_region", "none", lg,
      "outside_region", "outside home regions with no relevance to our topics")
# unfollow: off-industry, home region, not following back
for bio in ["car detailing Muscat 🚗", "Omani poetry | شعر نبطي", "fishing trips from Sur", "bakery in Al Khuwair 🥐", "gym in Qurum 💪",
            "halwa shop Nizwa", "Salalah coconut stand 🥥", "Seeb Club ultras ⚽", "frankincense souvenirs, Salalah souq"]:
    nm = newname(R.choice(["om","sa"]))
    P(h(nm), nm, bio, R.choice(LOC), "", ["open today 9-9", "new stock"], fdate(R.randint(40, 900)), "false", "unfollow", "off_industry", "none", "en",
      "name_collision_offindustry" if "Seeb" in bio or "frankincense" in bio else "", "off-industry in home region, does not follow back")
# off-industry but follows back: keep
for bio in ["coffee roastery, Muttrah ☕", "Dhofar SC fan page 💛"]:
    nm = newname("om")
    P(h(nm), nm, bio, "Oman", "", ["new beans in", "match day"], fdate(300), "true", "keep", "follows_back_local", "none", "en", "offindustry_follows_back",
      "off-industry, home region, follows back: no rule says unfollow")
# unfollow: parody
for nm, bio in [("Not Dhofar Telecom", "parody. we also lose your signal 😂"), ("Majan Connect Hold Music", "parody: your call is important to us"), ("Oman Observer (fake)", "satire, not affiliated")]:
    P(h(nm), nm, bio, "Muscat", "", ["please hold", "lol"], fdate(R.randint(40, 600)), R.choice(["true", "false"]), "unfollow", "parody", "none", "en",
      "parody", "parody account")

# targets in prune (always keep), look-alikes
P("oman_cx_forum", "Oman CX Forum", "منتدى عمان لتجربة العملاء | annual forum, Muscat | members' body", "Muscat", "omancxforum.org", ["registration open", "#تجربة_العملاء"], fdate(500), "false", "keep", "target", "none", "ar", "target_no_followback", "a target: always keep")
P("dr_salim_ux", "Dr Salim Al Farsi", "UX researcher, SQU | service design", "Muscat", "", ["paper out on chatbot trust in Oman"], fdate(800), "false", "keep", "target", "none", "en", "target_inactive", "a target, silent 400 days: targets are kept", last=ldate(400))
P("dr_salim_ux1", "Dr Salim UX", "", "", "", ["follow back", "follow back"], fdate(60), "true", "unfollow", "spam", "none", "en", "target_lookalike_spam", "look-alike of a target: spam signals", counts=cnt(5, 4100, 12, "!"))
P("*nizwabank_ops_lead", "Asma Al Busaidi", "Ops lead, Nizwa Bank contact centre | account protected", "Muscat", "", ["private"], fdate(600), "false", "keep", "customer", "customers", "en", "customer_protected", "customer staff, protected, not following back: kept")
P("+timesofoman_biz", "Times of Oman Business", "Business desk of @timesofoman", "Muscat", "timesofoman.com", ["markets close: MSX up 0.4%"], fdate(700), "false", "keep", "press", "press", "en", "outlet_secondary_account", "outlet's desk account, verified")
for days in (15, 16):
    P(f"omanfollow{R.randint(100000,999999)}", "Follow Oman", "follow back 💯", "", "", ["follow4follow", "follow4follow"], fdate(days), "true", "unfollow", "spam", "none", "en", "grace_boundary", f"followed {days} days ago: past the 14-day grace, spam", counts=cnt(9, 5200, 20, "!"))
for k in range(2):
    name, hd, dom, arn, prod, former, secs = ORGS["competitors"][k]
    nm = newname("om")
    P(h(nm), nm, f"team leader | {name}", "Muscat", "", ["#OmanCX"], fdate(700), "false", "unfollow", "inactive", "competitors", "en", "competitor_inactive", "competitor staff silent > 180 days: only press, customers, targets escape inactivity", last=ldate(R.randint(220, 500)))
nm = newname("en")
P(h(nm), nm, "account exec @ Luban Cloud (MENA)", "Dubai", "", ["LubanWFM demo at GITEX"], fdate(700), "true", "unfollow", "inactive", "suppliers", "en", "supplier_inactive", "supplier staff silent > 180 days: inactivity applies", last=ldate(330))
for bio, loc, lg in [("crypto trader | Lagos", "Lagos", "en"), ("Hyderabad biryani reviews", "Hyderabad", "hi"), ("Zanzibar beach villas", "Zanzibar", "sw"),
                     ("Peshawar cricket club", "Peshawar", "ur"), ("anime edits", "Manila", "en"), ("Jeddah car rentals", "جدة", "ar")]:
    nm = newname("sa")
    P(h(nm), nm, bio, loc, "", ["new post", "check this"], fdate(R.randint(40, 900)), R.choice(["true", "false"]), "unfollow", "off_region", "none", lg, "outside_region", "outside home regions, not our topics")
for bio in ["tyre shop Barka", "wedding henna artist, Seeb", "Sur dhow building tours", "Ibri dates farm 🌴", "Muscat photography walks", "tailoring, Ruwi"]:
    nm = newname(R.choice(["om","sa"]))
    P(h(nm), nm, bio, R.choice(LOC), "", ["open today", "new photos"], fdate(R.randint(40, 900)), "false", "unfollow", "off_industry", "none", "en", "", "off-industry in home region, does not follow back")
P("fake_seebcontact", "Seeb Contact 😂", "parody of a call centre. please hold forever", "Seeb", "", ["hold music intensifies"], fdate(200), "true", "unfollow", "parody", "none", "en", "parody_follows_back", "parody, follows back")
for k in range(4):
    on, oh, od, ol = OUTLETS[(k * 5) % len(OUTLETS)]
    nm = newname("ar")
    P(arh(k, nm), nm, f"{R.choice(ROLES_AR)} في {on}", R.choice(LOC), "", [R.choice(PRESS_POSTS_AR)], fdate(R.randint(40, 900)), "false", "keep", "press", "press", "ar", "", "Arabic-language press, kept")

SRC.mkdir(exist_ok=True)
HEAD_S = "# " + " ~~ ".join(["username", "name", "bio", "location", "website", "counts", "created", "last_post", "posts", "segment", "also", "lang", "hard_case", "why"])
HEAD_P = "# " + " ~~ ".join(["username", "name", "bio", "location", "website", "counts", "created", "last_post", "posts", "followed_at", "follows_me", "decision", "reason", "segment", "lang", "hard_case", "why"])
half = len(SEG) // 2
(SRC / "segment_a.txt").write_text(HEAD_S + "\n" + "\n".join(SEG[:half]) + "\n", encoding="utf-8")
(SRC / "segment_b.txt").write_text(HEAD_S + "\n" + "\n".join(SEG[half:]) + "\n", encoding="utf-8")
(SRC / "prune_a.txt").write_text(HEAD_P + "\n" + "\n".join(PRU) + "\n", encoding="utf-8")
print(len(SEG), len(PRU))
