"""Writes src/*.txt for blind96: hand-written hard cases plus varied ordinary accounts composed
from hand-written pools (names, outlets, bios, posts). Deterministic (seeded)."""
import random
from pathlib import Path

R = random.Random(96)
HERE = Path(__file__).resolve().parent
S = " ⁂ "

LAO_FIRST = ["Souksavanh","Khamla","Bounmy","Viengkham","Somphone","Noy","Keo","Daovone","Chanthaly","Malavanh","Sengdao","Thongchanh","Vilayphone","Anousone","Xaysana","Phetsamone","Latsamy","Ketsana","Somsack","Bouasone","Manivanh","Khamphet","Sisouk","Vanida","Phouvieng","Outhay","Inthava","Amphone","Saysamone","Khonesavanh","Douangchai","Sinxay","Noudeng","Thipphavanh","Alounny","Bouakham","Chansamone","Vongdeuan","Soulinthone","Phaivanh","Khampheng","Lamphoun","Nalinthone","Sompasong","Palamy"]
LAO_LAST = ["Phommachanh","Sisavath","Vongsa","Keomany","Inthavong","Sengsouly","Luangrath","Phanthavong","Douangmala","Sayavong","Khounphakdy","Xaybounheuang","Souvannavong","Vilaysack","Chanthavong","Bounphanh","Rattanavong","Sipaseuth","Thammavong","Manivong","Phimmasone","Latsavong","Keodara","Soukhaseum"]
LAO_SCRIPT = ["ສຸກສະຫວັນ","ຄຳຫຼ້າ","ບຸນມີ","ວຽງຄຳ","ສົມພອນ","ນ້ອຍ","ແກ້ວ","ດາວວອນ","ຈັນທະລີ","ມະລາວັນ","ແສງດາວ","ທອງຈັນ"]
FOREIGN = [("Camille Durand","fr"),("Julien Morel","fr"),("Élise Fontaine","fr"),("Nattaya Srisuk","th"),("Kittipong Chaiyasit","th"),("Nguyễn Thị Lan","vi"),("Trần Minh Đức","vi"),("王丽","zh"),("陈志强","zh"),("Sarah Whitfield","en"),("Tom Ashby","en"),("Marie Lefèvre","fr"),("Phạm Quang Huy","vi"),("Siriporn Kaewmanee","th"),("刘洋","zh")]
LAO_PLACES = ["Vientiane","Luang Prabang","Savannakhet","Pakse","Vang Vieng","Thakhek","Luang Namtha","ວຽງຈັນ","ຫຼວງພະບາງ","Vientiane, Laos","VTE 🇱🇦","Lao PDR","ສະຫວັນນະເຂດ","Pakse, Champasak"]
ABROAD = ["Bangkok","Hanoi","Paris","Kunming","Singapore","Udon Thani","Lyon","Melbourne","Ho Chi Minh City","London","Chiang Mai","Sydney"]

OUTLETS = [  # (name, handle, domain)
    ("Vientiane Times","vientianetimes","vientianetimes.org.la"),("KPL Lao News Agency","kplnews","kpl.gov.la"),
    ("Laotian Times","laotiantimes","laotiantimes.com"),("Le Rénovateur","lerenovateur","lerenovateur.org.la"),
    ("Lao Star TV","laostartv","laostartv.la"),("LNTV","lntv_news","lntv.gov.la"),("Pasaxon","pasaxon_news","pasaxon.org.la"),
    ("Vientiane Mai","vientianemai","vientianemai.net"),("Mekong Morning","mekongmorning","mekongmorning.la"),
    ("Savan Tribune","savantribune","savantribune.la"),("Khaosan Luang Prabang","khaosan_lpb","khaosanlpb.la"),
    ("Lao Wave FM 99.5","laowavefm","laowave.fm"),("Patou Review","patoureview","patoureview.la"),
    ("Champasak Daily","champasakdaily","champasakdaily.la"),("Lao Economic Daily","laoeconomic","laoecodaily.com"),
    ("RFA Lao","rfalao","rfa.org")]
ROLES_EN = ["reporter","business reporter","sub-editor","news editor","photojournalist","presenter","producer","correspondent","columnist","podcast host","video journalist","desk editor"]
ROLES_LO = ["ນັກຂ່າວ","ບັນນາທິການ","ຜູ້ປະກາດຂ່າວ","ຊ່າງພາບຂ່າວ","ນັກຂຽນຄໍລຳ","ຜູ້ຜະລິດລາຍການ"]
ROLES_FR = ["journaliste","rédactrice","reporter photo","chroniqueur","secrétaire de rédaction"]

P_PRESS_LO = ["ຂ່າວດ່ວນ: ລັດຖະບານປະກາດປັບລາຄານ້ຳມັນເຊື້ອໄຟ ມີຜົນແຕ່ມື້ອື່ນເປັນຕົ້ນໄປ","ອ່ານບົດສຳພາດເຕັມໄດ້ທີ່ໜ້າເວັບໄຊຂອງພວກເຮົາ 👇","ນ້ຳຂອງຂຶ້ນສູງຢູ່ຫຼວງພະບາງ ປະຊາຊົນລຽບຝັ່ງຄວນລະວັງ","ທີມຂ່າວລົງພື້ນທີ່ສະຫວັນນະເຂດມື້ນີ້ ເລື່ອງລາຄາເຂົ້າ","ບັນນາທິການ: ເສດຖະກິດລາວປີ 2027 ຈະເປັນແນວໃດ?","ລາຍງານສົດຈາກກອງປະຊຸມສະພາແຫ່ງຊາດ","ອັດຕາແລກປ່ຽນກີບມື້ນີ້ ອ່ອນຄ່າລົງອີກ","ບຸນຊ່ວງເຮືອວຽງຈັນປີນີ້ ຄົນມາຫຼາຍກວ່າທຸກປີ 🚣","ຕິດຕາມລາຍການຂ່າວແລງ 19:00 ໂມງ","ລົດໄຟລາວ-ຈີນ ຂົນສົ່ງຜູ້ໂດຍສານທະລຸ 5 ລ້ານຄົນ"]
P_PRESS_EN = ["NEW: Vientiane city hall confirms road closures on Lane Xang Avenue for That Luang festival","My piece on the kip and household budgets is out today — link in bio","On the road to Phongsaly this week, reporting on rubber plantations","Interviewed three tuk-tuk drivers about fuel prices. Thread 🧵","Editors' pick: the quiet boom of Lao coffee exports","Our podcast this week: what the Laos-China railway changed for traders","Correction: an earlier version of this story misstated the dam's capacity","Covering the ASEAN tourism forum in Luang Prabang all week"]
P_PRESS_FR = ["Dans notre édition de vendredi : le Mékong au plus bas, les pêcheurs inquiets","Reportage à Luang Prabang sur la rénovation des maisons coloniales","Chronique : la francophonie au Laos, vingt ans après","À lire : entretien avec l'ambassadeur sur les bourses d'études"]
P_PRESS_TH = ["ข่าวด่วน: เปิดด่านหนองคาย-ท่านาแล้งชั่วคราว","สรุปข่าวเศรษฐกิจลาวประจำสัปดาห์"]
P_PRESS_VI = ["Tin nóng: Lào mở thêm tuyến xe buýt Viêng Chăn – Hà Nội","Phóng sự: cộng đồng người Việt ở Pakse đón Tết"]
P_PRESS_ZH = ["老挝万象今日新闻：中老铁路客流创新高","琅勃拉邦旅游旺季到来，酒店入住率上升"]

P_CX_LO = ["ທີມບໍລິການລູກຄ້າຂອງພວກເຮົາພ້ອມຊ່ວຍເຫຼືອ 24 ຊົ່ວໂມງ 📞","ຝຶກອົບຮົມພະນັກງານ call centre ລຸ້ນໃໝ່ 40 ຄົນ ຂໍສະແດງຄວາມຍິນດີ 🎉","ການວັດແທກ CSAT ເດືອນນີ້ຂຶ້ນໄປ 91% ຂອບໃຈທີມງານ","ເທັກນິກການຕອບແຊັດລູກຄ້າໃຫ້ໄວແລະສຸພາບ #LaoCX","ມື້ນີ້ມີການປະຊຸມຮ່ວມກັບພາກສ່ວນທະນາຄານ ເລື່ອງການບໍລິການ"]
P_CX_EN = ["AHT down 12% since we moved to skills-based routing #CX","Hiring: bilingual Lao/Thai agents for our Vientiane floor","Great session on quality monitoring at the #ContactCentre meetup","Workforce planning for Boun That Luang week is always fun 😅","Lao-English-Thai trilingual support is our edge. Proud of the team","first contact resolution > average handle time. fight me"]
P_LIFE_LO = ["ກາເຟເຊົ້ານີ້ແຊບຫຼາຍ ☕","ຝົນຕົກໜັກຢູ່ວຽງຈັນ ລົດຕິດທົ່ວເມືອງ","ສຸກສັນວັນອອກພັນສາ 🙏","ເຂົ້າໜຽວກັບປີ້ງໄກ່ ດີທີ່ສຸດ","ໄປຍ່າງຫຼິ້ນແຄມຂອງຕອນແລງ 🌅","ເຕະບານກັບໝູ່ວັນອາທິດ ⚽"]
P_LIFE_EN = ["sunset over the Mekong never gets old","new cafe on Setthathirath road is 🔥","weekend in Vang Vieng, no signal, no regrets","rainy season is back, my motorbike hates it"]

def lao_name():
    return f"{R.choice(LAO_FIRST)} {R.choice(LAO_LAST)}"
def handle(name, suffix=""):
    import unicodedata
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or "user x"
    base = name.split()[0].lower()[:9] + "_" + name.split()[-1].lower()[:5]
    return (base + suffix).replace("é", "e")
def posts(*pools, n=3):
    items = []
    for p in pools: items += p
    return S.join(R.sample(items, min(n, len(items))))
def recent():
    return f"2026-{R.choice(['09','10','11'])}-{R.randint(1,28):02d}"
def counts(a=(80,9000), b=(50,1500), c=(100,15000)):
    return f"{R.randint(*a)}/{R.randint(*b)}/{R.randint(*c)}"

USED = set()
def uniq(h):
    h = h[:15]
    base, i = h, 2
    while h.lower() in USED:
        h = f"{base[:13]}{i}"; i += 1
    USED.add(h.lower()); return h

def seg(u, name, bio, loc, web, cnt, created, last, ps, segm, also, lang, hard, why):
    return "~~".join([u, name, bio, loc, web, cnt, created, last, ps, segm, also, lang, hard, why])
def pru(u, name, bio, loc, web, cnt, created, last, ps, fol, fb, dec, reason, segm, lang, hard, why):
    return "~~".join([u, name, bio, loc, web, cnt, created, last, ps, fol, fb, dec, reason, segm, lang, hard, why])

def mark(u):
    USED.add(u.lstrip("*+").lower()); return u

# ---------------------------------------------------------------- hand-written segment hard cases
HAND_SEG = [
 seg(mark("nagatel_la"),"Naga Telecom ນາຄ ເທເລຄອມ","ເຄືອຂ່າຍມືຖືທີ່ໄວທີ່ສຸດໃນລາວ | Naga Plus 5G | ຊ່ວຍເຫຼືອ @nagatel_care","Vientiane","nagatel.la","+48200/120/9800","2013","2026-11-28","Naga Plus ແພັກເກັດໃໝ່ 30GB ພຽງ 50,000 ກີບ 📶"+S+"ສຸກສັນວັນຊາດ 2 ທັນວາ 🇱🇦"+S+"ສັນຍານ 5G ຮອດຫຼວງພະບາງແລ້ວ","customers","","lo","org main account","customer's own main account"),
 seg(mark("nagatel_care"),"NagaTel Care","Official help desk of Naga Telecom. ຕອບທຸກມື້ 7:00-22:00. DM us your number","Vientiane","nagatel.la/support","3100/40/22000","2016","2026-11-29","@noy_kp ສະບາຍດີ ກະລຸນາສົ່ງເບີໂທທາງ DM ເດີ້"+S+"@tk_vte sorry for the outage in Sikhottabong, engineers are on it","customers","","lo","org secondary account","Naga Telecom's support account (secondary handle)"),
 seg(mark("nagatel_jobs"),"Naga Telecom Careers","ຮ່ວມງານກັບ Naga Telecom | vacancies in Vientiane, Pakse, Savannakhet","Vientiane","nagatel.la/careers","1900/30/400","2019","2026-11-20","ຮັບສະໝັກວິສະວະກອນເຄືອຂ່າຍ 5 ຕຳແໜ່ງ"+S+"Graduate programme 2027 now open","customers","","lo","org careers account","careers account owned by the customer"),
 seg(mark("naga_fireball_fest"),"Naga Fireball Festival 🔥","ບັ້ງໄຟພະຍານາກ ປາກງື່ມ | festival news every Ok Phansa","Pak Ngum, Vientiane","","5400/300/800","2015","2026-10-22","ປີນີ້ບັ້ງໄຟພະຍານາກຂຶ້ນຫຼາຍກວ່າເກົ່າ 🔥"+S+"Best viewing spots along the Mekong, thread","none","","lo","name collision","Naga the river serpent festival, not Naga Telecom"),
 seg(mark("nagaworld_fan88"),"naga slots vip","NAGA VIP 🎰 win big every day link in bio","","naga-vip-slots.com","!12/4900/3000","2025","2026-11-27","🎰🎰 bonus 300% 🎰🎰 naga-vip-slots.com"+S+"🎰🎰 bonus 300% 🎰🎰 naga-vip-slots.com","none","","en","name collision + spam","casino spam using the word Naga"),
 seg(mark("nagatel_refund"),"NagaTel Refund Centre","ຄືນເງິນ NagaTel ✅ ສົ່ງລະຫັດ OTP ມາທາງ WhatsApp ເພື່ອຮັບເງິນຄືນ","Vientiane","","!40/2100/60","2026","2026-11-25","ລູກຄ້າ Naga Plus ຮັບເງິນຄືນ 200,000 ກີບ ສົ່ງ OTP ມາ"+S+"@nagatel_la refund fast DM","none","","lo","scam impersonating customer","scam impersonating Naga Telecom: none"),
 seg(mark("bounmy_nagacx"),"Bounmy Keomany","Head of Customer Experience @nagatel_la | ex-@lotustel_la | CX nerd 📞","Vientiane","","2200/900/3100","2014","2026-11-18","ທີມ NagaTel Care ຕອບແຊັດໄດ້ພາຍໃນ 40 ວິນາທີ ເດືອນນີ້"+S+"Ex-colleagues at LotusTel, see you at the meetup","customers","","lo","current vs former employer","current employer Naga Telecom; Lotus is former"),
 seg(mark("ketsana_ex_naga"),"Ketsana Sengsouly","Formerly Naga Telecom (8 yrs). Now Customer Service lead at @paksecall 🇱🇦","Pakse","","1300/700/2100","2012","2026-11-10","ທີມ Pakse Call ຮັບງານໃໝ່ ຂອບໃຈທຸກຄົນ"+S+"8 years at NagaTel taught me everything about patience","competitors","","lo","current vs former employer","current employer Pakse Call (competitor); Naga is former"),
 seg(mark("sabaideebank"),"Sabaidee Bank ທະນາຄານສະບາຍດີ","ທະນາຄານດິຈິຕອນ ສຳລັບຄົນລາວ | SabaideePay | help: @sabaideebank_help","Vientiane","sabaideebank.com.la","+31000/90/5200","2011","2026-11-27","SabaideePay ໂອນເງິນຂ້າມແດນໄປໄທ ຟຣີຄ່າທຳນຽມ"+S+"ສາຂາໃໝ່ຢູ່ທ່າແຂກ ເປີດແລ້ວ","customers","","lo","org main account","customer main account"),
 seg(mark("sabaideebank_help"),"Sabaidee Bank Help","ບໍລິການລູກຄ້າ Sabaidee Bank 1555 | Mon–Sat","Vientiane","sabaideebank.com.la/help","2800/20/14000","2017","2026-11-29","@khamla_v ກະລຸນາໂທ 1555 ເດີ້"+S+"SabaideePay maintenance tonight 23:00–01:00","customers","","lo","org secondary account","support account of Sabaidee Bank"),
 seg(mark("sabaidee_hostel"),"Sabaidee Backpackers Hostel","dorm beds from 60k kip 🛏️ | free banana pancakes | Vang Vieng","Vang Vieng","sabaideehostel.com","900/800/1300","2016","2026-11-21","tubing tomorrow, who's in? 🛶"+S+"happy hour 6-8pm","none","","en","name collision","sabaidee is the greeting; a hostel"),
 seg(mark("sbd_logistics"),"SBD Logistics","SBD Freight Laos-Thailand-Vietnam | customs & trucking","Savannakhet","sbdfreight.com","600/400/700","2018","2026-11-03","ຂົນສົ່ງສິນຄ້າຜ່ານຂົວມິດຕະພາບ 2"+S+"New route Savannakhet–Đông Hà","none","","lo","acronym collision","SBD acronym, another firm"),
 seg(mark("sabaidee_pay_bonus"),"SabaideePay Bonus 🎁","ແຈກເງິນ SabaideePay 500,000 ກີບ ກົດລິ້ງ","","bit.ly","!8/3200/90","2026","2026-11-26","ກົດລິ້ງຮັບເງິນ bit.ly/sbdpay500"+S+"ກົດລິ້ງຮັບເງິນ bit.ly/sbdpay500","none","","lo","scam impersonating customer","product-name scam, not the bank"),
 seg(mark("khamla_v"),"Khamla Vilaysack","ແມ່ຄ້າຂາຍຜ້າໄໝ 🧵 | Talat Sao","Vientiane","","310/400/2100","2018","2026-11-29","@sabaideebank_help SabaideePay ຕັດເງິນສອງເທື່ອ ແຕ່ບໍ່ມີໃຜຕອບ 😡"+S+"ຜ້າໄໝລາຍໃໝ່ມາແລ້ວ","none","","lo","consumer complaining","complains to the bank; not employed there"),
 seg(mark("mekongair"),"Mekong Air","ສາຍການບິນ Mekong Air ✈️ VTE–LPQ–PKZ–BKK | Mekong Miles","Vientiane","mekongair.la","+22000/60/4100","2014","2026-11-26","ຖ້ຽວບິນໃໝ່ ວຽງຈັນ–ຄຸນໝິງ ເລີ່ມ 15 ທັນວາ"+S+"Mekong Miles double points this month","customers","","lo","org main account","customer main account"),
 seg(mark("mekongair_care"),"Mekong Air Care","24/7 help for Mekong Air passengers. EN/ລາວ/中文","Vientiane","mekongair.la","1500/20/8900","2018","2026-11-29","@tom_ashby_lp so sorry about the delay, rebooking now"+S+"由于天气原因，万象-琅勃拉邦航班延误","customers","","en","org secondary account","airline support account"),
 seg(mark("mekong_river_comm"),"Mekong River Watch","Citizen water-level updates for the Mekong 🌊 volunteers in LPQ & VTE","Luang Prabang","","4100/300/6200","2013","2026-11-28","ລະດັບນ້ຳຂອງຢູ່ວຽງຈັນ 4.2 ແມັດ"+S+"Water level normal at Pakse","none","","lo","name collision","the river, not Mekong Air"),
 seg(mark("vte_air_charter"),"Vientiane Air Charter","helicopter & small plane charters since 1998","Vientiane","vtecharter.la","120/90/40","2012","2019-03-02","Charter to Phonsavan this weekend","customers","","en","former brand name","former name of Mekong Air; dormant old brand account still owned"),
 seg(mark("douangchai_fly"),"Douangchai Sayavong","Cabin crew → now Customer Relations Manager, Mekong Air ✈️ | views mine","Vientiane","","800/500/900","2015","2026-11-12","ຂອບໃຈທີມງານ Mekong Air Care ທີ່ຊ່ວຍຜູ້ໂດຍສານຄືນນີ້"+S+"Lao New Year flights are fully booked already!","customers","","lo","employee","works at Mekong Air now"),
 seg(mark("patuxaicloud"),"Patuxai Cloud","Cloud contact centre for Mekong markets | PatuxaiVoice | formerly PTX Systems","Vientiane","patuxai.cloud","+6700/300/2400","2016","2026-11-24","PatuxaiVoice now supports Lao speech-to-text 🎙️"+S+"ຂໍຂອບໃຈລູກຄ້າທຸກທ່ານ","suppliers","","en","org main account","supplier main account"),
 seg(mark("patuxai_asia"),"Patuxai Cloud Asia","Regional account of Patuxai Cloud — Bangkok / Hanoi / Kunming","Bangkok","patuxai.cloud/asia","1800/200/700","2020","2026-11-19","Patuxai Cloud đã có mặt tại Hà Nội"+S+"Patuxai Cloud 曼谷办公室招聘","suppliers","","en","org regional account abroad","supplier's regional account"),
 seg(mark("patuxai_gate_photo"),"Patuxai Photo Walks","sunrise photo walks around Patuxai & That Luang 📷","Vientiane","","2300/900/1800","2017","2026-11-22","Patuxai at 6am, no crowds"+S+"ປະຕູໄຊ ຕອນເຊົ້າ ສວຍຫຼາຍ","none","","en","name collision","the monument, not the supplier"),
 seg(mark("xaysana_ptx"),"Xaysana Inthavong","Solutions engineer at PTX Cloud (Patuxai) | SIP, WebRTC, too much coffee","Vientiane","","700/600/1400","2017","2026-11-20","debugging SIP trunks on a Sunday, as one does"+S+"PatuxaiVoice 4.2 release notes are up","suppliers","","en","alias evidence","employer named by alias PTX Cloud"),
 seg(mark("khene_audio"),"Khene Audio","Headsets for contact centres | Khene Pro 5 | ຫູຟັງສຳລັບ call centre","Vientiane","kheneaudio.com","3100/400/1200","2018","2026-11-15","Khene Pro 5 noise cancelling, now in stock"+S+"ສົ່ງຟຣີທົ່ວປະເທດ","suppliers","","en","org main account","supplier main account"),
 seg(mark("khene_master_lpb"),"Ajarn Khene Luang Prabang","ສອນເປົ່າແຄນ 🎶 traditional khene lessons | mor lam","Luang Prabang","","1900/300/2600","2014","2026-11-23","ລາຍການແຄນວັນເສົາ ຢູ່ຕະຫຼາດມືດ"+S+"khene lessons for tourists, 2 hours","none","","lo","name collision","the instrument"),
 seg(mark("tukshift"),"TukShift","Workforce scheduling for Lao & Thai teams | formerly RosterLao","Vientiane","tukshift.io","1400/300/900","2019","2026-11-17","Shift swaps now in the mobile app"+S+"ຕາຕະລາງວຽກອັດຕະໂນມັດ","suppliers","","en","org main account","supplier main account"),
 seg(mark("rosterlao_old"),"RosterLao","Rosters made simple. We are now @tukshift","Vientiane","rosterlao.com","240/100/300","2016","2021-08-10","We are now TukShift! Follow @tukshift"+S+"RosterLao 2.0 is live","suppliers","","en","former brand name","supplier's old brand account"),
 seg(mark("tuktuk_vte"),"Tuk Tuk Vientiane","🛺 book a tuk-tuk anywhere in VTE | ລົດຕຸກຕຸກ","Vientiane","","3200/1000/900","2017","2026-11-25","ລາຄາພິເສດໄປສະໜາມບິນ 80,000 ກີບ"+S+"book via WhatsApp","none","","lo","name collision","tuk-tuk service, not TukShift"),
 seg(mark("paksecall"),"Pakse Call","Contact centre outsourcing, Champasak | Pakse Call Centre","Pakse","pakse-call.la","2600/500/1700","2015","2026-11-22","ຮັບສະໝັກພະນັກງານ call centre ພາສາໄທ 20 ຕຳແໜ່ງ"+S+"New client onboarding done, 60 seats","competitors","","lo","org main account","competitor main account"),
 seg(mark("paksecall_hr"),"Pakse Call HR","ຮັບສະໝັກງານ Pakse Call | walk-in interviews every Monday","Pakse","pakse-call.la/jobs","700/50/300","2020","2026-11-24","ສຳພາດງານວັນຈັນ 9:00"+S+"Thai-speaking agents wanted","competitors","","lo","org careers account","competitor HR account"),
 seg(mark("pakse_fc"),"Pakse FC","Champasak football club ⚽ Lao League 2","Pakse","","5200/200/3100","2013","2026-11-26","ປາກເຊ FC ຊະນະ 2-1 🔥"+S+"matchday tickets at the gate","none","","lo","name collision","club named after the town Pakse"),
 seg(mark("pakse_call_me_maybe"),"Pakse Eats","pakse food diary 🍜 call me for tour bookings lol","Pakse","","800/700/1200","2019","2026-11-20","best khao piak in Pakse"+S+"call me for Bolaven tours","none","","en","name collision","town + 'call' in bio, not the firm"),
 seg(mark("lotustel_la"),"Lotus Teleservices","BPO & contact centre | LotusTel | Vientiane & Savannakhet","Vientiane","lotustel.la","3300/700/2500","2014","2026-11-21","LotusTel opens a 200-seat site in Savannakhet"+S+"ພວກເຮົາຮັບສະໝັກ","competitors","","en","org main account","competitor main account"),
 seg(mark("lotus_spa_lpb"),"Lotus Spa Luang Prabang","Lao herbal massage 🌸 open 10–22","Luang Prabang","lotusspa-lpb.com","1400/900/700","2016","2026-11-18","ນວດສະໝຸນໄພ 1 ຊົ່ວໂມງ"+S+"new rooftop room","none","","en","name collision","lotus spa"),
 seg(mark("lts_transport"),"LTS Transport","LTS Laos Transport Services — buses VTE-LPQ","Vientiane","ltsbus.la","1000/200/900","2017","2026-11-19","VIP bus ໄປຫຼວງພະບາງ 8 ໂມງເຊົ້າ"+S+"new sleeper bus","none","","lo","acronym collision","LTS bus company, not LotusTel (alias LTS Laos)"),
 seg(mark("lxconnect"),"Lane Xang Connect","LXC | outsourced customer care & PR desk | Vientiane","Vientiane","lxconnect.la","1900/400/1600","2018","2026-11-23","LXC ເປີດບໍລິການ PR desk ສຳລັບ SME"+S+"our agents speak Lao, Thai, Vietnamese","competitors","","lo","org main account","competitor main account"),
 seg(mark("lanexang_hotel"),"Lane Xang Hotel","Historic hotel on Fa Ngum road since 1960s","Vientiane","lanexanghotel.la","900/100/500","2015","2026-11-01","ຫ້ອງປະຊຸມວ່າງສຳລັບງານແຕ່ງ"+S+"Christmas dinner buffet","none","","lo","name collision","Lane Xang is the old kingdom and a common name"),
 seg(mark("lxc_music"),"LXC Records","indie label | Lao hip hop | producer @bouakham_beats","Vientiane","","2100/800/1900","2019","2026-11-16","new single out friday 🔥"+S+"studio nights","none","","en","acronym collision + music producer","LXC acronym collision"),
 seg(mark("vte_times_edit"),"Viengkham Phanthavong","Business editor, Vientiane Times. ຂ່າວເສດຖະກິດ | DMs open for tips","Vientiane","vientianetimes.org.la","4300/1200/8800","2012","2026-11-28","Our front page tomorrow: SabaideePay and the cashless push"+S+"ລາຄານ້ຳມັນຂຶ້ນອີກ","press","","en","journalist covering a customer","press even though beat includes customers"),
 seg(mark("ex_kpl_now_pr"),"Phetsamone Luangrath","Ex-KPL reporter (10 yrs) → now Head of PR & Communications, Sabaidee Bank","Vientiane","","2100/800/3400","2011","2026-11-20","Sabaidee Bank media briefing tomorrow 10:00"+S+"I still miss the newsroom","customers","","en","ex-journalist in PR at a customer","current role comms at customer"),
 seg(mark("ex_pasaxon_pr"),"Alounny Douangmala","ອະດີດນັກຂ່າວ Pasaxon | ປັດຈຸບັນ ທີ່ປຶກສາດ້ານປະຊາສຳພັນ Mekong PR Partners","Vientiane","mekongpr.la","1100/700/1200","2013","2026-11-14","ການຂຽນຖະແຫຼງການຂ່າວໃຫ້ໜັງສືພິມສົນໃຈ"+S+"PR tip: never send a PDF only","none","","lo","ex-journalist in PR agency","PR agency staff: not press"),
 seg(mark("freelance_noy"),"Noy Rattanavong","Freelance journalist — bylines in Laotian Times, Le Rénovateur & Nikkei Asia. ex-Vientiane Times staff","Luang Prabang","","2800/900/5100","2013","2026-11-27","My Laotian Times piece on LPQ homestays is up"+S+"Pour Le Rénovateur : la saison touristique","press","","en","former staff still freelance","freelancer naming outlets: press"),
 seg(mark("retired_ed_keo"),"Keo Souvannavong","Retired editor (Vientiane Mai 1985–2020). Now growing orchids 🌸","Vientiane","","600/300/1100","2015","2026-11-10","ດອກກ້ວຍໄມ້ອອກດອກແລ້ວ"+S+"Old newsroom photos, 1992","none","","lo","retired journalist","retired: not press"),
 seg(mark("nuol_journo_student"),"Sinxay Manivong","Journalism student @ NUOL 📰 aspiring reporter | intern at Lao Star TV summer '26","Vientiane","","400/600/700","2022","2026-11-21","ຮຽນວິຊາການຂຽນຂ່າວ ມື້ນີ້"+S+"my first vox pop!","none","","lo","journalism student","student (internship finished): not press"),
 seg(mark("corr_banking_vte"),"Latsamy Keodara","Correspondent Banking Manager | trade finance | Vientiane","Vientiane","","300/400/200","2017","2026-11-03","FX liquidity in LAK remains tight"+S+"SWIFT gpi rollout done","none","","en","press-looking title","correspondent banking is not press"),
 seg(mark("bouakham_beats"),"Bouakham Sipaseuth","music producer 🎧 | LXC Records | beats for hire","Vientiane","","3300/900/4200","2016","2026-11-26","new beat tape out 🔥"+S+"producer life: no sleep","none","","en","press-looking title","music producer"),
 seg(mark("reporting_analyst_s"),"Sengdao Phimmasone","Reporting analyst | Power BI | dashboards for banks","Vientiane","","200/300/300","2020","2026-11-05","DAX tip of the day"+S+"ລາຍງານປະຈຳເດືອນແລ້ວ 😅","none","","en","press-looking title","reporting analyst"),
 seg(mark("sbd_blog_editor"),"Thongchanh Sisavath","Editor of the Sabaidee Bank blog 'Money Talk' | financial literacy","Vientiane","sabaideebank.com.la/blog","700/500/800","2018","2026-11-17","ບົດຄວາມໃໝ່: ວິທີອອມເງິນ"+S+"Money Talk ep. 12 out","customers","","lo","company blog editor","editor of a customer's own blog is a customer employee"),
 seg(mark("guest_col_lotus"),"Anousone Chanthavong","Weekly guest column in Vientiane Times · COO at Lotus Teleservices","Vientiane","lotustel.la","1500/600/1900","2014","2026-11-22","My column this week: why Laos can be a BPO hub"+S+"LotusTel team day 🎉","competitors","","en","guest columnist with day job","day job at competitor decides (guest columnist rule)"),
 seg(mark("pr_officer_mekongair"),"Vanida Bounphanh","Press officer, Mekong Air | media enquiries press@mekongair.la","Vientiane","","900/400/800","2016","2026-11-25","Statement on flight QM 402 delay"+S+"ແຈ້ງການສຳລັບສື່ມວນຊົນ","customers","","en","press officer of a customer","customer's own press office"),
 seg(mark("vtetimes_bot"),"Lao Headlines Bot","auto-posting Lao news headlines every 15 min 🤖","","","1200/10/98000","2020","2026-11-30","[Vientiane Times] Fuel prices rise again https://vientianetimes.org.la/x1"+S+"[KPL] Railway hits 5m passengers https://kpl.gov.la/y2","none","","en","headline bot","bots that repost headlines: not press"),
 seg(mark("not_vientianetimes"),"Vientiane Crimes 🙃","NOT the Vientiane Times. parody. satire. don't @ us","Vientiane","","6100/300/2200","2021","2026-11-27","BREAKING: tuk-tuk driver agrees to meter, nation shocked"+S+"Editorial: why is it always raining","none","","en","parody of outlet","parody accounts: not press"),
 seg(mark("lao_press_awards"),"Lao Media Awards","ລາງວັນສື່ມວນຊົນລາວ 2026 | nominations open","Vientiane","","1500/200/400","2019","2026-11-11","ສົ່ງຜົນງານເຂົ້າປະກວດໄດ້ຮອດ 20 ທັນວາ"+S+"shortlist announced","none","","lo","awards organiser","awards organiser: not press"),
 seg(mark("lao_journalists_assoc"),"Lao Journalists Association","ສະມາຄົມນັກຂ່າວລາວ","Vientiane","","2900/100/800","2014","2026-11-09","ກອງປະຊຸມໃຫຍ່ສະມາຄົມ"+S+"training on fact-checking","none","","lo","industry body","membership body: not press"),
 seg(mark("ghost_writer_la"),"Malavanh Keomany","Ghostwriter & copywriter — speeches, LinkedIn posts, annual reports | clients include Naga Telecom","Vientiane","","500/800/900","2018","2026-11-13","Wrote 3 CEO speeches this week"+S+"copy that sells in Lao and English","none","","en","client not employer + ghostwriter","clients don't count; ghostwriter not press"),
 seg(mark("cx_consult_khamphet"),"Khamphet Xaybounheuang","CX consultant. Helping brands like Sabaidee Bank, Mekong Air & NagaTel fix their journeys","Vientiane","","1100/900/1500","2015","2026-11-19","journey mapping workshop done ✅"+S+"ລູກຄ້າບໍ່ໄດ້ຕ້ອງການ IVR ຍາວໆ","none","","en","clients listed not employer","clients only: none"),
 seg(mark("champacontact"),"Champa Contact","ຈຳປາ ຄອນແທັກ | contact centre & PR desk | Vientiane · Luang Prabang","Vientiane","champacontact.la","2400/600/1500","2016","2026-11-28","We're hiring in Luang Prabang!"+S+"ຂອບໃຈທີມງານທຸກຄົນ","none","","lo","own organisation","own account: none"),
 seg(mark("phaivanh_champa"),"Phaivanh Latsavong","Team lead @champacontact 🌸 | Lao/French support","Luang Prabang","","500/400/900","2019","2026-11-24","Notre équipe francophone grandit"+S+"ທີມງານຈຳປາ ສູ້ໆ","none","","fr","own staff","own staff: none"),
 seg(mark("champa_flower_shop"),"Champa Flowers ດອກຈຳປາ","ຮ້ານດອກໄມ້ | wedding bouquets | Luang Prabang","Luang Prabang","","700/600/800","2018","2026-11-26","ດອກຈຳປາສົດໆ"+S+"wedding season 💐","none","","lo","name collision with own org","flower shop"),
 seg(mark("rfa_lao_desk"),"Somsack Thammavong","RFA Lao service, Washington DC. ນັກຂ່າວ","Washington, DC","rfa.org","3800/700/9200","2011","2026-11-28","ລາຍງານພິເສດ: ແຮງງານລາວໃນໄທ"+S+"interview airing tonight","press","","lo","outside home region","press abroad still press"),
 seg(mark("mekong_memo"),"The Mekong Memo","weekly newsletter on Lao business & tech | by Sarah Whitfield | subscribe 👇","Bangkok","mekongmemo.substack.com","5100/400/1200","2020","2026-11-27","This week: Patuxai Cloud raises Series A; NagaTel's 5G"+S+"Subscribers get the full Lao telco league table","press","","en","independent newsletter","newsletter is an outlet"),
 seg(mark("khaosan_lpb"),"Khaosan Luang Prabang ຂ່າວສານຫຼວງພະບາງ","ຂ່າວທ້ອງຖິ່ນແຂວງຫຼວງພະບາງ","Luang Prabang","khaosanlpb.la","8900/100/12000","2016","2026-11-29","ໄຟໄໝ້ຕະຫຼາດດາລາ ບໍ່ມີຜູ້ເສຍຊີວິດ"+S+"ອາກາດໜາວ 9 ອົງສາ","press","","lo","outlet own account","outlet's own account"),
 seg(mark("laowavefm"),"Lao Wave FM 99.5","radio | news on the hour | ລາຍການເຊົ້າ 6–9","Vientiane","laowave.fm","6400/200/7100","2015","2026-11-29","ຂ່າວເຊົ້າ 7:00 ໂມງ"+S+"Morning show guest: the minister of tourism","press","","lo","outlet own account","radio station's account"),
 seg(mark("naga_weekly"),"Naga Weekly ນາຄ ລາຍອາທິດ","ໜັງສືພິມລາຍອາທິດ | independent Lao weekly since 2019","Vientiane","nagaweekly.la","3000/300/2600","2019","2026-11-27","ສະບັບນີ້: ຄ່າໂທລະສັບຂຶ້ນ ລູກຄ້າ NagaTel ຈົ່ມ"+S+"editorial cartoons every Friday","press","","lo","name collision with customer","outlet named Naga; press not customer"),
 seg(mark("pod_vte_talks"),"VTE Talks Podcast","🎙️ conversations with Lao founders | new ep every Tues | host @soulinthone_k","Vientiane","","2200/400/600","2021","2026-11-24","Ep 88: building a call centre in Pakse"+S+"ep 89 drops tuesday","press","","en","podcast own account","podcast is an outlet"),
 seg(mark("soulinthone_k"),"Soulinthone Keodara","host of VTE Talks 🎙️ | day job: product at Patuxai Cloud","Vientiane","","1700/700/2500","2016","2026-11-23","PatuxaiVoice release next week"+S+"recording ep 89","suppliers","press","en","podcast host with day job at supplier","current employer Patuxai: supplier primary, press also"),
 seg(mark("lotus_ex_now_lxc"),"Amphone Vongsa","ops manager @lxconnect | previously LotusTel, Pakse Call","Vientiane","lxconnect.la","800/500/1000","2013","2026-11-18","LXC new site ready"+S+"15 years in contact centres and counting","competitors","","en","current vs former employer","current LXC"),
 seg(mark("recruit_vte_jobs"),"VTE Jobs 🔔","ຮັບສະໝັກງານ ທົ່ວລາວ | call centre jobs daily | Naga, Sabaidee, Lotus","Vientiane","","9000/7000/41000","2018","2026-11-30","📢 Call centre agent @ LotusTel — apply now"+S+"📢 Teller @ Sabaidee Bank","none","","lo","job bot naming orgs","job bots: none"),
 seg(mark("*souk_private"),"Souk P.","🔒 ທີມ Sabaidee Bank | SabaideePay product","Vientiane","","120/150/300","2020","-","-","customers","","lo","protected account","protected; bio names customer"),
 seg(mark("+laotiantimes"),"Laotian Times","Laos' leading English news source","Vientiane","laotiantimes.com","+95000/400/50000","2014","2026-11-30","Laos to raise minimum wage in 2027"+S+"Mekong Air adds Kunming route","press","","en","verified outlet","outlet"),
 seg(mark("lerenovateur"),"Le Rénovateur","Hebdomadaire francophone du Laos depuis 1998","Vientiane","lerenovateur.org.la","2100/300/3100","2013","2026-11-26","À la une : le That Luang illuminé"+S+"Francophonie : semaine du cinéma","press","","fr","French outlet","outlet"),
 seg(mark("chen_kunming_news"),"陈志强","《云南日报》驻老挝记者 | 万象","Vientiane","","1800/500/2700","2017","2026-11-25","中老铁路货运量再创新高"+S+"万象塔銮节现场报道","press","","zh","Chinese correspondent","correspondent at an outlet"),
 seg(mark("vn_vte_correspondent"),"Trần Minh Đức","Phóng viên thường trú TTXVN tại Viêng Chăn","Vientiane","","1400/500/2200","2015","2026-11-22","Lào – Việt Nam ký kết hợp tác năng lượng"+S+"Tin ảnh: lễ hội That Luang","press","","vi","Vietnamese correspondent","correspondent"),
 seg(mark("thai_udon_cx"),"Kittipong Chaiyasit","Contact centre manager · Udon Thani · ex-Pakse Call","Udon Thani","","600/500/800","2014","2026-11-10","ทีมคอลเซ็นเตอร์อุดรฯ ทำ CSAT ได้ 92%"+S+"miss Pakse noodles","none","","th","former employer, abroad","former employer only: none"),
]

ORGS = {
 "customers": [("Naga Telecom","nagatel.la",["Naga Telecom","NagaTel","@nagatel_la"]),("Sabaidee Bank","sabaideebank.com.la",["Sabaidee Bank","SBD Bank","@sabaideebank"]),("Mekong Air","mekongair.la",["Mekong Air","MekongAir","@mekongair"])],
 "suppliers": [("Patuxai Cloud","patuxai.cloud",["Patuxai Cloud","PTX Cloud","@patuxaicloud"]),("Khene Audio","kheneaudio.com",["Khene Audio","Khene Headsets","@khene_audio"]),("TukShift","tukshift.io",["TukShift","Tuk Shift","@tukshift"])],
 "competitors": [("Pakse Call","pakse-call.la",["Pakse Call","PakseCall","@paksecall"]),("Lotus Teleservices","lotustel.la",["Lotus Teleservices","LotusTel","@lotustel_la"]),("Lane Xang Connect","lxconnect.la",["Lane Xang Connect","LXC","@lxconnect"])],
}
JOBS = {"customers":["Customer Care Supervisor","ຫົວໜ້າພະແນກບໍລິການລູກຄ້າ","Digital Channels Manager","Marketing Officer","Branch Manager","Head of Retail","ພະນັກງານການຕະຫຼາດ","CRM Analyst"],
        "suppliers":["Account Manager","Sales Engineer","ຜູ້ຈັດການຝ່າຍຂາຍ","Partner Manager Laos","Support Engineer","Country Manager"],
        "competitors":["Operations Manager","Team Leader","ຫົວໜ້າທີມ","Quality Analyst","Trainer","Site Director","WFM Analyst"]}
ORG_POSTS = {"customers":["ລູກຄ້າຂອງພວກເຮົາສຳຄັນທີ່ສຸດ 🙏","New branch opening next week, come say hi","Team outing to Vang Vieng 🎉","ໂປຣໂມຊັນພິເສດ ເດືອນທັນວາ"],
             "suppliers":["Deployed at another contact centre in Vientiane this week","Webinar: cloud telephony for Lao SMEs","ທົດສອບລະບົບໃໝ່ ຮ່ວມກັບລູກຄ້າ","Shipping new stock to Luang Prabang"],
             "competitors":["ຮັບສະໝັກພະນັກງານ call centre ພາສາອັງກິດ","New client onboarded, 40 more seats","QA calibration session with the team","Our agents won the regional service award 🏆"]}

def bulk_org(kind, n):
    rows = []
    for i in range(n):
        org, dom, refs = ORGS[kind][i % 3]
        name = lao_name(); ref = R.choice(refs); job = R.choice(JOBS[kind])
        form = i % 5
        if form == 0: bio = f"{job} @ {ref} | ວຽງຈັນ"
        elif form == 1: bio = f"{job}, {ref}. Opinions my own."
        elif form == 2: bio = f"{ref} | {name.split()[0]} | {job.lower()}"
        elif form == 3: bio = f"ເຮັດວຽກຢູ່ {ref} 💼 {job}"
        else: bio = f"{job} · mail: {name.split()[0].lower()}@{dom}"
        web = dom if i % 4 == 0 else ""
        why = f"current employer {org} ({'bio' if form != 4 else 'e-mail domain'})"
        hard = "e-mail domain evidence" if form == 4 else ("alias evidence" if ref not in (org, refs[2]) else "")
        lang = "lo" if form == 3 else R.choice(["lo","en","lo"])
        ps = posts(ORG_POSTS[kind], P_CX_LO if kind != "customers" else P_LIFE_LO, n=3)
        rows.append(seg(uniq(handle(name)), name, bio, R.choice(LAO_PLACES), web, counts(), str(R.randint(2010,2023)), recent(), ps, kind, "", lang, hard, why))
    return rows

def bulk_press(n):
    rows = []
    for i in range(n):
        outlet, oh, dom = R.choice(OUTLETS)
        form = i % 6
        if form in (0, 1):
            name = lao_name(); role = R.choice(ROLES_LO); lang = "lo"
            bio = f"{role} {outlet} | ຕິດຕາມຂ່າວ" if form == 0 else f"{role} @{oh} 📰 ວຽງຈັນ"
            ps = posts(P_PRESS_LO, n=3)
        elif form == 2:
            name = lao_name(); role = R.choice(ROLES_EN); lang = "en"
            bio = f"{role} at {outlet}. tips: DM / signal"
            ps = posts(P_PRESS_EN, P_PRESS_LO, n=3)
        elif form == 3:
            name = lao_name(); role = R.choice(ROLES_EN); lang = "en"
            bio = f"{role.title()} | {outlet} | economy, energy, Mekong"
            ps = posts(P_PRESS_EN, n=3)
        elif form == 4:
            lang = R.choice(["fr","fr","th","vi","vi","zh","zh","en"])
            name = {"fr": f"{R.choice(['Camille','Julien','Élise','Marie','Antoine','Hélène','Louis'])} {R.choice(['Durand','Morel','Fontaine','Lefèvre','Garnier','Roux','Bonnet'])}",
                    "th": f"{R.choice(['Nattaya','Kittipong','Siriporn','Anucha','Pimchanok'])} {R.choice(['Srisuk','Chaiyasit','Kaewmanee','Boonmee','Wongsa'])}",
                    "vi": f"{R.choice(['Nguyễn','Trần','Phạm','Lê','Hoàng'])} {R.choice(['Thị Lan','Minh Đức','Quang Huy','Thu Hà','Văn Nam','Ngọc Anh'])}",
                    "zh": R.choice(["王丽","陈志强","刘洋","张敏","李军","赵晓燕","黄伟","周婷"]),
                    "en": f"{R.choice(['Sarah','Tom','Rachel','Ben','Hannah','Mark'])} {R.choice(['Whitfield','Ashby','Collins','Drake','Pryce','Holt'])}"}[lang]
            role = {"fr": R.choice(ROLES_FR), "th": "ผู้สื่อข่าว", "vi": "phóng viên", "zh": "记者", "en": "correspondent"}[lang]
            bio = f"{role} · {outlet} · Laos"
            ps = posts({"fr": P_PRESS_FR, "th": P_PRESS_TH, "vi": P_PRESS_VI, "zh": P_PRESS_ZH, "en": P_PRESS_EN}[lang], n=2)
        else:
            name = lao_name(); lang = "lo"
            other = R.choice([o for o in OUTLETS if o[0] != outlet])[0]
            bio = R.choice([f"freelance journalist / writes for {outlet} & {other}", f"ນັກຂ່າວອິດສະຫຼະ | {outlet}, {other}", f"freelance | bylines: {outlet} · {other} | ex-staff {R.choice(OUTLETS)[0] if R.random() < 0.3 else outlet}"])
            ps = posts(P_PRESS_LO, P_PRESS_EN, n=3)
        h = uniq(handle(name) if not name[0] > "~" else f"news_{oh[:6]}_{i}")
        rows.append(seg(h, name, bio, R.choice(LAO_PLACES), dom if i % 3 == 0 else "", counts(), str(R.randint(2010,2022)), recent(), ps, "press", "", lang, "freelancer naming outlets" if form == 5 else "", f"works at {outlet}" if form != 5 else "freelancer naming outlets"))
    return rows

NONE_BIOS = [("ນັກສຶກສາ NUOL 📚 | ມັກເຕະບານ","lo"),("Teacher at a primary school in Thakhek 🍎","en"),("ຂາຍເສື້ອຜ້າອອນລາຍ ສົ່ງທົ່ວປະເທດ 📦","lo"),("coffee grower | Bolaven plateau ☕","en"),("dad. motorbikes. larb.","en"),("ພະຍາບານ ໂຮງໝໍມະໂຫສົດ","lo"),("Guide touristique francophone à Luang Prabang","fr"),("architect | old shophouses of Vientiane","en"),("ຊ່າງແຕ່ງໜ້າ 💄 ຮັບແຕ່ງງານ","lo"),("sinh viên Việt ở Viêng Chăn 🇻🇳🇱🇦","vi"),("在老挝做生意 | 万象","zh"),("Expat in VTE. Runs a yoga studio 🧘","en"),("ນັກກິລາບານສົ່ງ | Lao national team","lo"),("IT support @ an NGO | linux fan","en")]

def bulk_none(n):
    rows = []
    for i in range(n):
        bio, lang = NONE_BIOS[i % len(NONE_BIOS)]
        name = lao_name() if lang in ("lo","en") else R.choice(FOREIGN)[0]
        h = uniq(handle(name) if name[0] < "~" else f"user_vte_{i}")
        ps = posts(P_LIFE_LO, P_LIFE_EN, n=3)
        rows.append(seg(h, name, bio, R.choice(LAO_PLACES), "", counts((20,1500),(50,900),(30,4000)), str(R.randint(2012,2024)), recent(), ps, "none", "", lang, "", "no listed employer, not press"))
    return rows

# ---------------------------------------------------------------- prune
D = "2026-"
HAND_PRUNE = [
 pru(mark("souksavanh_cx"),"Souksavanh Phommachanh","CX trainer & coach 🇱🇦 | helping Lao teams sound human","Vientiane","","900/700/400","2016","2025-12-01","workshop photos"+S+"ການຟັງລູກຄ້າ ແມ່ນທັກສະທີ່ສຳຄັນ","2024-03-10","no","keep","target","none","lo","target + inactive","target: always keep though silent >180 days"),
 pru(mark("vte_cx_meetup"),"Vientiane CX Meetup","monthly meetup for contact-centre & CX people in VTE","Vientiane","","600/300/200","2019","2026-11-05","Next meetup 12 Dec at Patuxai Cloud office"+S+"slides from #LaoCX night","2023-07-01","yes","keep","target","none","en","target","target"),
 pru(mark("dr_phonsavanh_comms"),"Dr Phonsavanh Vongsa","Lecturer in communication, NUOL | PR research","Vientiane","","400/200/150","2014","2026-10-12","new paper on crisis communication in Lao SOEs"+S+"ສອນວິຊາປະຊາສຳພັນ","2025-01-20","no","keep","target","none","en","target academic","target"),
 pru(mark("dr_phonsavanh_com"),"Phonsavanh V.","follow back 100% 🔁 #followback","","","!15/4800/30","2025","2026-11-28","follow back 🔁"+S+"follow back 🔁","2026-09-01","yes","unfollow","spam","none","en","target look-alike + spam","look-alike of a target, follow-back spam"),
 pru(mark("grace_spam_new"),"win iphone 17","🎁 free iPhone for Lao people click","","","!3/3000/12","2026","2026-11-27","🎁 click 🎁"+S+"🎁 click 🎁","2026-11-20","no","keep","grace","none","en","grace period","followed 10 days ago: grace keeps it"),
 pru(mark("grace_edge_13"),"Sompasong Manivong","tour operator | Si Phan Don boats","Pakse","","300/700/200","2020","2026-11-10","4000 islands sunset tours"+S+"ເຮືອ","2026-11-17","no","keep","grace","none","en","grace boundary (13 days)","13 days: within grace"),
 pru(mark("grace_edge_15"),"Noudeng Sipaseuth","🏏 cricket fan in Melbourne","Melbourne","","200/900/300","2020","2026-11-10","what a match"+S+"MCG tickets","2026-11-15","no","unfollow","outside_region","none","en","grace boundary (15 days)","15 days: grace over; abroad and off-topic"),
 pru(mark("inactive_edge_178"),"Palamy Luangrath","call centre team leader, Savannakhet","Savannakhet","","300/300/500","2017","2026-06-05","ທີມງານ ສູ້ໆ"+S+"#LaoCX","2025-05-01","no","keep","practitioner","none","lo","inactivity boundary (178 days)","178 days silent: still active; home practitioner"),
 pru(mark("inactive_edge_184"),"Lamphoun Keomany","CX supervisor, Vientiane","Vientiane","","250/300/400","2017","2026-05-30","ສະບາຍດີ"+S+"#CX","2025-05-01","yes","unfollow","inactive","none","lo","inactivity boundary (184 days)","184 days silent > 180"),
 pru(mark("inactive_press_kpl"),"Inthava Sisavath","ນັກຂ່າວ KPL | ຂ່າວເສດຖະກິດ","Vientiane","kpl.gov.la","1200/300/900","2012","2025-02-11","ຂ່າວເສດຖະກິດ"+S+"ລາຍງານ","2022-01-01","no","keep","press","press","lo","inactive press","press kept even when inactive"),
 pru(mark("*protected_journo"),"V. Thipphavanh","🔒 sub-editor, Vientiane Mai","Vientiane","","300/200/1200","2015","-","-","2023-03-03","no","keep","press","press","lo","protected press","protected press kept"),
 pru(mark("never_posted_sbd"),"Sabaidee Bank Savannakhet","ສາຂາສະຫວັນນະເຂດ ທະນາຄານສະບາຍດີ","Savannakhet","sabaideebank.com.la","80/20/0","2024","-","-","2024-06-01","no","keep","customer","customers","lo","customer never posted","customer: always keep"),
 pru(mark("never_posted_x"),"Chanthaly","","","","!0/50/0","2025","-","-","2025-11-01","no","unfollow","inactive","none","lo","never posted","never posted (also spam signs)"),
 pru(mark("parody_nagatel"),"NagaTel Customer Disservice 🙃","parody. not affiliated. 'your call is important to us' since forever","Vientiane","","3100/200/1500","2022","2026-11-25","we have received your complaint and filed it under 'later' 🙃"+S+"signal? in this economy?","2024-08-01","yes","unfollow","parody","none","en","parody of customer","parody accounts go, even if following back"),
 pru(mark("paksecall_follow"),"Pakse Call","Contact centre outsourcing, Champasak","Pakse","pakse-call.la","2600/500/1700","2015","2026-11-22","ຮັບສະໝັກ"+S+"60 seats","2024-01-01","no","keep","competitor","competitors","lo","competitor brand","active competitor brand"),
 pru(mark("lotus_inactive_staff"),"Bouasone Chanthavong","QA @ LotusTel","Savannakhet","","200/300/300","2018","2025-10-01","QA"+S+"calibration","2024-02-01","no","unfollow","inactive","competitors","lo","inactive competitor staff","only *active* competitor staff kept"),
 pru(mark("khene_ceo_bkk"),"Nattaya Srisuk","CEO Khene Audio (regional HQ Bangkok) 🎧","Bangkok","kheneaudio.com","1100/400/800","2015","2026-11-05","หูฟังรุ่นใหม่ Khene Pro 5"+S+"visiting Vientiane clients next week","2024-04-04","no","keep","supplier","suppliers","th","supplier key person abroad","supplier key people kept even abroad"),
 pru(mark("champa_charity"),"Luang Prabang Children's Library","reading programmes for kids 📚 partner of Champa Contact volunteers","Luang Prabang","","900/400/700","2014","2026-11-12","ອ່ານປຶ້ມໃຫ້ເດັກ"+S+"thank you Champa Contact volunteers!","2025-03-01","yes","keep","local_partner","none","lo","local partner","local charity partner"),
 pru(mark("lao_bpo_assoc"),"Lao BPO & Contact Centre Association","ສະມາຄົມ BPO ລາວ","Vientiane","","500/100/300","2019","2026-10-20","annual survey open"+S+"ກອງປະຊຸມປະຈຳປີ","2023-01-01","no","keep","industry_body","none","lo","industry body","industry body"),
 pru(mark("cx_voice_singapore"),"Siriporn Kaewmanee","APAC CX analyst · contact-centre benchmarks · speaker","Singapore","","8200/900/5000","2013","2026-11-20","APAC #ContactCentre benchmark 2026 out"+S+"Laos is an underrated BPO market","2024-09-09","no","keep","voice_abroad","none","en","relevant voice abroad","relevant voice abroad"),
 pru(mark("paris_bakery"),"Boulangerie du Marais","pain, viennoiseries, depuis 1972","Paris","","4000/100/900","2014","2026-11-26","Nouveau croissant aux amandes"+S+"fermé lundi","2025-06-01","no","unfollow","outside_region","none","fr","abroad off-topic","outside home regions, no relevance"),
 pru(mark("vte_gym_bro"),"Iron Gym VTE","💪 gym in Vientiane | 24h","Vientiane","","800/100/600","2019","2026-11-28","leg day"+S+"new machines","2025-01-01","no","unfollow","off_industry","none","en","off-industry home, no follow back","home region but off-industry and no follow-back"),
 pru(mark("vte_gym_friend"),"Fitness Lao","💪 ອອກກຳລັງກາຍ | Vientiane","Vientiane","","700/600/500","2019","2026-11-28","leg day"+S+"ອອກກຳລັງກາຍ","2025-01-01","yes","keep","follows_back","none","lo","off-industry but follows back","off-industry unfollow needs no follow-back; this one follows back (judgement open: kept)"),
 pru(mark("ff4ff_lao"),"Lao Followers 🔁","#LaoCX #CX follow for follow 💯","","","!20/5000/40","2026","2026-11-29","#LaoCX follow me 🔁"+S+"#LaoCX follow me 🔁","2025-08-01","yes","unfollow","spam","none","en","spam using our hashtags + follows back","spam even with our hashtags and follow-back"),
 pru(mark("kpl_parody"),"KPL But Honest","parody 🤡 ຂ່າວທີ່ KPL ບໍ່ກ້າລົງ | satire, not the real news agency","Vientiane","","7400/150/3100","2021","2026-11-29","ຂ່າວດ່ວນ: ໄຟຟ້າບໍ່ດັບມື້ນີ້ ປະຊາຊົນຕົກໃຈ 🤡"+S+"BREAKING: meeting about meetings scheduled","2025-04-04","no","unfollow","parody","none","lo","parody of outlet","parody of press: not press, unfollow"),
 pru(mark("mekong_air_ceo"),"Alounny Rattanavong","CEO, Mekong Air ✈️ | Vientiane","Vientiane","mekongair.la","+12000/80/60","2016","2025-09-01","Welcome aboard our new A320neo"+S+"ຂອບໃຈພະນັກງານທຸກຄົນ","2024-01-10","no","keep","customer","customers","lo","verified customer, inactive, no follow-back","customers always kept"),
 pru(mark("lotus_parody_fan"),"LotusTel Hold Music 🎵","parody: I am the hold music of every Lao call centre. 47 minutes and counting","","","2100/300/900","2022","2026-11-20","🎵 your call is important to us 🎵"+S+"still here? me too 🎵","2024-06-06","yes","unfollow","parody","none","en","parody of competitor, follows back","parody accounts go"),
]

def bulk_prune():
    rows = []
    def add(kind, n, build):
        for i in range(n): rows.append(build(i))
    def fol(): return f"20{R.choice(['23','24','25'])}-{R.randint(1,12):02d}-{R.randint(1,28):02d}"
    def yn(): return R.choice(["yes","no"])
    # keep: press
    for r in bulk_press(30):
        f = r.split("~~")
        rows.append(pru(*f[:9], fol(), yn(), "keep", "press", "press", f[11], f[12], "press: always keep"))
    # keep: customers
    for r in bulk_org("customers", 14):
        f = r.split("~~")
        rows.append(pru(*f[:9], fol(), yn(), "keep", "customer", "customers", f[11], f[12], "customer: always keep"))
    for r in bulk_org("suppliers", 12):
        f = r.split("~~")
        rows.append(pru(*f[:9], fol(), yn(), "keep", "supplier", "suppliers", f[11], f[12], "supplier key people"))
    for r in bulk_org("competitors", 12):
        f = r.split("~~")
        rows.append(pru(*f[:9], fol(), yn(), "keep", "competitor", "competitors", f[11], f[12], "active competitor staff"))
    # keep: home practitioners
    for i in range(34):
        name = lao_name()
        bio = R.choice(["call centre agent 📞 | ວຽງຈັນ","ຫົວໜ້າທີມ call centre | Savannakhet","CX & service design freelancer 🇱🇦","PR consultant, Vientiane | crisis comms","customer service trainer | ພາສາລາວ/ອັງກິດ","QA lead at a hotel call centre, Luang Prabang","community manager | social customer care"])
        rows.append(pru(uniq(handle(name)), name, bio, R.choice(LAO_PLACES), "", counts((80,2000),(60,900),(100,4000)), str(R.randint(2012,2023)), recent(), posts(P_CX_LO, P_CX_EN, n=3), fol(), yn(), "keep", "practitioner", "none", "lo", "follows back or not" if i % 4 == 0 else "", "active practitioner in home region"))
    # unfollow: spam
    for i in range(26):
        h = uniq(f"{R.choice(['lao','vte','sexy','crypto','win','luck'])}{R.randint(10000,99999999)}")
        bio = R.choice(["","💰 earn 5,000,000 kip/day DM","follow back 100%","crypto signals 🚀🚀","",""])
        p = R.choice(["🚀🚀🚀 https://t.co/zz1","follow me 🔁","DM for promo 💰"])
        rows.append(pru(h, R.choice(["💰","user","Lucky Lao","Crypto King","Nang"]), bio, "", "", f"!{R.randint(0,40)}/{R.randint(2000,7000)}/{R.randint(1,200)}", str(R.randint(2024,2026)), recent(), S.join([p, p, p]), fol(), yn(), "unfollow", "spam", "none", "en", "follows back" if i % 3 == 0 else "", "spam signs: default avatar, digit handle, ratio, repeated posts"))
    # unfollow: inactive
    for i in range(16):
        name = lao_name()
        rows.append(pru(uniq(handle(name, "_")), name, R.choice(["ມັກທ່ອງທ່ຽວ","CX enthusiast","call centre agent","ນັກສຶກສາ"]), R.choice(LAO_PLACES), "", counts((20,600),(60,600),(10,500)), str(R.randint(2011,2019)), f"20{R.choice(['21','22','23','24'])}-{R.randint(1,12):02d}-{R.randint(1,28):02d}", posts(P_LIFE_LO, P_CX_LO, n=2), fol(), yn(), "unfollow", "inactive", "none", "lo", "", "silent > 180 days"))
    # unfollow: outside region
    OUT = [("Jake Miller","Dallas real estate 🏡 | realtor | DFW","Dallas, TX","en",["Just listed: 4 bed in Plano 🏡","Rates are dropping, call me"]),
           ("Ella Brown","Premier League tips ⚽ | 18+","Manchester","en",["Arsenal to win, 2.10","Accumulator landed 💰"]),
           ("Hélène Roux","Boutique à Lyon — bijoux faits main ✨","Lyon","fr",["Nouvelle collection d'hiver","Marché de Noël ce week-end"]),
           ("Lê Văn Nam","Quán phở Sài Gòn — mở cửa 6h sáng","Ho Chi Minh City","vi",["Phở bò tái hôm nay 🍜","Nghỉ Tết từ 28 tháng Chạp"]),
           ("张敏","上海美食博主 🍜","Shanghai","zh",["今天打卡外滩新开的火锅店","上海小笼包排行榜"]),
           ("Pimchanok Boonmee","ร้านกาแฟเชียงใหม่ ☕ นิมมาน","Chiang Mai","th",["เมนูใหม่ โกโก้มะพร้าว","เปิดทุกวัน 8:00"]),
           ("Amy Holt","Yoga teacher, Bondi 🧘","Sydney","en",["sunrise flow on the beach","new class times"]),
           ("Chris Dunn","crypto day trader | NYC","New York","en",["BTC breaking out","not financial advice"]),
           ("Antoine Garnier","Œnologue · Bordeaux","Bordeaux","fr",["Dégustation du millésime 2024","Vendanges terminées"]),
           ("Rachel Pryce","knitting patterns & cats 🧶","Leeds","en",["finished the cardigan!","cat sat on the yarn again"]),
           ("Anucha Wongsa","ตกปลาทะเล 🎣 หัวหิน","Hua Hin","th",["ได้ปลากะพง 3 ตัว","ลมแรงวันนี้"]),
           ("黄伟","深圳二手车 | 微信同号","Shenzhen","zh",["今日到店：丰田凯美瑞","收购二手车"]),
           ("Ben Collins","Minor league baseball stats nerd","Ohio","en",["OPS leaders thread","spring training countdown"]),
           ("Louis Bonnet","Cycliste amateur · Annecy 🚴","Annecy","fr",["Col de la Forclaz ce matin","sortie club dimanche"])]
    for i in range(14):
        name, bio, loc, lang, ps = OUT[i % len(OUT)]
        rows.append(pru(uniq(handle(name, "o") if name[0] < "~" else f"sh_food_{i}"), name, bio, loc, "", counts(), str(R.randint(2012,2022)), recent(), S.join(ps), fol(), yn(), "unfollow", "outside_region", "none", lang, "follows back" if i % 4 == 1 else "", "outside home regions, no relevance to our topics"))
    # unfollow: off-industry, no follow back (home)
    OFF = ["ຮ້ານເຝີ ຖະໜົນໂນນສະຫວາດ 🍜","motorbike parts Vientiane","ຂາຍດິນ ຂາຍເຮືອນ ວຽງຈັນ","wedding photographer | LPQ","karaoke bar 🎤 VTE"]
    for i in range(12):
        name = lao_name()
        rows.append(pru(uniq(handle(name, "x")), name, OFF[i % len(OFF)], R.choice(LAO_PLACES), "", counts(), str(R.randint(2012,2022)), recent(), posts(P_LIFE_LO, n=2), fol(), "no", "unfollow", "off_industry", "none", "lo", "", "off-industry in home region, does not follow back"))
    return rows

def write(path, header, rows):
    (HERE / "src" / path).write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")

if __name__ == "__main__":
    segrows = HAND_SEG + bulk_press(88) + bulk_org("customers", 30) + bulk_org("suppliers", 27) + bulk_org("competitors", 27) + bulk_none(60)
    pr = HAND_PRUNE + bulk_prune()
    write("segment_a.txt", "# " + "~~".join(["username","name","bio","location","website","counts","created","last_post","posts","segment","also","lang","hard_case","why"]), segrows)
    write("prune_a.txt", "# " + "~~".join(["username","name","bio","location","website","counts","created","last_post","posts","followed_at","follows_me","decision","reason","segment","lang","hard_case","why"]), pr)
    print(len(segrows), len(pr))
