"""Write src/segment_accounts.txt and src/prune_follows.txt for blind75: hand-written hard cases
plus bulk rows composed (seeded) from hand-written pools of names, roles, bios and posts."""
import random, unicodedata, re
from pathlib import Path
R = random.Random(75)
OUT = Path(__file__).resolve().parent / "src"
SEG, PRU = [], []
def fold(s):
    return re.sub(r"[^a-z0-9_]", "", unicodedata.normalize("NFKD", s.lower().replace(" ", "_")).encode("ascii","ignore").decode())
used=set()
def uniq(u):
    u=u[:15] if len(u)>15 else u
    b=u; i=2
    while u.lower() in used:
        u=f"{b[:13]}{i}"; i+=1
    used.add(u.lower()); return u
def S(u,n,bio,loc,web,cnt,cr,last,posts,seg,also,lang,hard,why):
    u=u.lstrip("*+") if False else u
    flag=""; 
    while u[0] in "*+": flag+=u[0]; u=u[1:]
    u=uniq(u)
    SEG.append("~~".join([flag+u,n,bio,loc,web,cnt,str(cr),last," || ".join(posts),seg,also,lang,hard,why]))
def P(u,n,bio,loc,web,cnt,cr,last,posts,fol,fb,dec,rsn,seg,lang,hard,why):
    flag=""
    while u[0] in "*+": flag+=u[0]; u=u[1:]
    u=uniq(u)
    PRU.append("~~".join([flag+u,n,bio,loc,web,cnt,str(cr),last," || ".join(posts) if posts else "",fol,fb,dec,rsn,seg,lang,hard,why]))

def day(lo=0, hi=60):
    import datetime
    d=datetime.date(2026,11,29)-datetime.timedelta(days=R.randint(lo,hi)); return d.isoformat()
def cnt(a=150,b=4000):
    f=R.randint(a,b); return f"{f}/{R.randint(80,1500)}/{R.randint(200,15000)}"
def yr(): return R.randint(2009,2022)

# ---------------- hand-written segment hard cases ----------------
H = [
("+lrt_lt","LRT.lt","Lietuvos nacionalinis radijas ir televizija. Naujienos, laidos, tiesioginės transliacijos. Pranešti naujieną: naujienos@lrt.lt","Vilnius, Lietuva","lrt.lt","+412000/310/98000",2010,day(0,1),["Vyriausybė pritarė energetikos paketui: kas keisis nuo sausio https://lrt.lt/a/1","TIESIOGIAI | Seimo posėdis dėl biudžeto"],"press","","lt","outlet_own","outlet's own account"),
("+lietuvosrytas","Lietuvos rytas","Naujienos kiekvieną rytą nuo 1990-ųjų. lrytas.lt | Prenumerata ir TV","Vilnius","lrytas.lt","+188000/420/77000",2010,day(0,2),["Kaune – eismo pokyčiai dėl remonto darbų https://lrytas.lt/x","Ryto apžvalga: 7 svarbiausios žinios"],"press","","lt","name_collision_outlet","newspaper's own account; 'Rytas' is also competitor Rytas Teleservisas' name – outlet, not the competitor"),
("bcrytas","BC Rytas Vilnius","Vilniaus „Rytas“ krepšinio klubas 🏀 #VisiUžRytą | bilietai: bcrytas.lt","Vilnius","bcrytas.lt","+96000/200/21000",2011,day(0,3),["Pergalė Kaune! 88:81 🔥 #VisiUžRytą","Bilietai į Eurotaurės rungtynes jau prekyboje"],"none","","lt","name_collision_club","basketball club named Rytas, not competitor Rytas Teleservisas"),
("+zalgiris","Kauno Žalgiris","Oficialus Kauno „Žalgirio“ krepšinio klubo puslapis 💚 #Žalgiris","Kaunas","zalgiris.lt","+310000/150/45000",2009,day(0,1),["Žalgiris – Panathinaikos šį vakarą 20:00 Žalgirio arenoje 💚","Ačiū, Kaune! Arena vėl pilna"],"none","","lt","name_collision_club","basketball club; customer Žalgiris Energija only shares the name"),
("fkzalgiris_vln","FK Žalgiris Vilnius","Futbolo klubas. A lyga ⚽ Čempionai.","Vilnius","","44000/300/12000",2012,day(0,4),["Rungtynių dienos sudėtis ⚽","Sezono bilietai 2027 – jau dabar!"],"none","","lt","name_collision_club","football club, not the energy customer"),
("ruta_geles","Rūta Kazlauskaitė 🌿","Gėlininkė. Rūtos, bijūnai ir vestuvių puokštės | Kaunas | užsakymai DM","Kaunas","","2100/800/3400",2016,day(0,10),["šios savaitės nuotakos puokštė – bijūnai ir rūtos 🌿","sekmadienį dirbam iki 15 val."],"none","","lt","name_collision_plant","Rūta is a person's name and a plant, not supplier Rūta Systems"),
("ruta_sokoladas","Rūtos saldainių fabrikas","Nuo 1913-ųjų Šiauliuose gaminame šokoladą ir saldainius 🍫","Šiauliai","","15000/400/2900",2013,day(0,12),["Kalėdinės dėžutės jau parduotuvėse 🎁","Ekskursijos po fabriką – registracija atidaryta"],"none","","lt","name_collision_firm","chocolate factory called Rūta, a different firm from supplier Rūta Systems"),
("darius_corrbank","Darius Navickas","Correspondent banking | payments ops @ SEB. Views my own.","Vilnius","","640/510/900",2014,day(0,30),["SEPA instant volumes keep climbing in the Baltics","Good panel on correspondent banking de-risking today"],"none","","en","press_looking_title","correspondent banking is not journalism; SEB is not a listed organisation"),
("beatsbymantas","Mantas P. 🎧","music producer / prodiuseris | beats, mixing, mastering | Vilnius | booking: mantasbeats@gmail.com","Vilnius","soundcloud.com/mantasbeats","3100/900/2200",2017,day(0,8),["naujas beat'as ateina penktadienį 🔥","studio day w/ @gabrielius.muz"],"none","","lt","press_looking_title","music producer, not a broadcast producer"),
("ieva_reporting","Ieva Urbonaitė","Reporting analyst @nerisbankas 📊 | Power BI, SQL | Vilnius","Vilnius","","410/390/600",2019,day(0,20),["Neris Bankas Q3 dashboards done, time for coffee ☕","PowerBI tip: use calculation groups!"],"customers","","lt","press_looking_title","'reporting analyst' at Neris Bankas: customer staff, not press"),
("simona_mockute","Simona Mockutė","Editor of „Pinigų pokalbiai“ – the Neris Bankas blog. Asmeniniai finansai paprastai.","Vilnius","nerisbankas.lt/blogas","1200/700/1900",2018,day(0,9),["Naujas įrašas tinklaraštyje: kaip susidaryti biudžetą šventėms https://nerisbankas.lt/blogas/1","Neris Pay dabar ir Apple Watch"],"customers","","lt","press_looking_title","editor of a company's own blog is company staff (Neris Bankas)"),
("agne_butkute","Agnė Butkutė","Buvusi LRT žurnalistė 📺 Dabar – komunikacijos konsultantė PR agentūroje „Ryšys“. Krizių komunikacija, media treniruotės.","Vilnius","rysys.lt","2300/1100/4100",2013,day(0,6),["Media treniruotė vadovams šiandien – 3 valandos, 40 klausimų 😅","Krizės metu tyla nėra strategija"],"none","","lt","ex_journalist_pr","ex-journalist now in a PR agency: not press"),
("mantas_jank","Mantas Jankauskas","ex-@15min reporter. Now press officer at Žalgiris Energija ⚡ spauda@zalgirisenergija.lt","Kaunas","zalgirisenergija.lt","1900/600/3300",2012,day(0,5),["ŽE Saulė programa išplečiama į Alytų – daugiau info netrukus","Kviečiame žurnalistus į spaudos konferenciją ketvirtadienį"],"customers","","lt","ex_journalist_press_officer","former reporter, now press officer of customer Žalgiris Energija"),
("greta_freelance","Greta Stankevičiūtė","Ex-Verslo žinios. Freelance journalist: LRT, Delfi, Reuters, Politico Europe. Energy & Baltics.","Vilnius","","5400/1300/8700",2011,day(0,2),["My piece for @Politico on Baltic grid sync https://politico.eu/x","Su LRT tyrimų skyriumi – apie šildymo kainas"],"press","","en","former_staff_freelance","former staff journalist, still freelance for named outlets"),
("jurnal_studente","Austėja Valaitytė","VU žurnalistikos studentė 3 kursas ✍️ stažuojuosi, mokausi, rašau","Vilnius","","380/600/700",2021,day(0,7),["pirmas mano reportažas studentų laikraštyje!! 🥹","sesija ateina..."],"none","","lt","journalism_student","student of journalism: not press"),
("petras_baran","Petras Baranauskas","Žurnalistas pensininkas. 40 metų „Kauno dienoje“. Dabar – sodas ir anūkai.","Kaunas","","900/200/5100",2012,day(0,40),["Prisimenu 1991-ųjų sausį redakcijoje...","obuoliai šiemet geri"],"none","","lt","retired_journalist","retired journalist"),
("doc_medijos","Dr. Rasa Ramanauskaitė","VU Komunikacijos fakulteto docentė. Medijų tyrimai, dezinformacija. Nuomonės asmeninės.","Vilnius","kf.vu.lt","3800/700/2600",2013,day(0,11),["Naujas straipsnis apie dezinformaciją Baltijos šalyse (open access)","Kviečiu į seminarą ketvirtadienį"],"none","","lt","academic","academic, not press"),
("tekstu_kalve","Ignas Šimkus","Copywriter & ghostwriter ✍️ | LinkedIn įrašai vadovams | tekstų kalvė","Vilnius","tekstukalve.lt","1500/1400/2100",2018,day(0,5),["Vadovo LinkedIn įrašas neturi skambėti kaip pranešimas spaudai","Laisva vieta sausiui"],"none","","lt","copywriter","copywriter/ghostwriter"),
("cxapdovanojimai","Lietuvos CX apdovanojimai","Kasmetiniai klientų patirties apdovanojimai 🏆 Paraiškos iki sausio 31 | #CX","Vilnius","cxapdovanojimai.lt","2600/400/900",2019,day(0,14),["Paraiškos CX apdovanojimams 2027 atidarytos! #CX","Metų kontaktų centras – kas laimės?"],"none","","lt","awards_organiser","awards organiser"),
("lkca_lt","Lietuvos kontaktų centrų asociacija","LKCA – kontaktų centrų ir BPO įmonių asociacija. Renginiai, tyrimai, #KontaktųCentras","Vilnius","lkca.lt","1800/300/1200",2015,day(0,9),["LKCA metinė konferencija – kovo 12 d. Kaune","Tyrimas: darbuotojų kaita kontaktų centruose 2026"],"none","","lt","industry_body","industry body: not press, not an organisation in the lists"),
("lt_antrastes","LT naujienos 🤖","Automatiškai skelbiu antraštes iš lietuviškų portalų. Botas.","","","700/3/88000",2020,day(0,0),["[15min] Vilniuje – nauja dviračių takų schema https://15min.lt/x","[Delfi] Kaune brangs viešasis transportas https://delfi.lt/y"],"none","","lt","headline_bot","bot reposting headlines"),
("ne_lrt","Ne LRT (parodija)","Parodija. Nesame Lietuvos nacionalinis transliuotojas. Naujienos, kurių nebuvo.","Vilnius","","12000/150/3300",2018,day(0,3),["SKUBU: Seimas nusprendė, kad pirmadieniai prasideda antradienį","Orų prognozė: Kaune lietus, Vilniuje – Kaunas"],"none","","lt","parody","parody of an outlet"),
("skambutis_news","Skambutis ☎️","Savaitinis naujienlaiškis apie kontaktų centrus ir CX Baltijos šalyse. Rašo Laura Petrauskaitė. skambutis.substack.com","Vilnius","skambutis.substack.com","2900/500/1100",2021,day(0,4),["Šios savaitės Skambutis: kodėl WFM vėl madingas #CX","Interviu su Trakai Contact vadove – jau pašte"],"press","","lt","newsletter","independent newsletter is an outlet"),
("laura_skambutis","Laura Petrauskaitė","Rašau naujienlaiškį @skambutis_news apie CX ir kontaktų centrus. Anksčiau – Verslo žinios.","Vilnius","skambutis.substack.com","2400/900/3700",2014,day(0,3),["Naujas Skambučio numeris – apie AI agentus ir streikus","Klausiu: ar jūsų kontaktų centras mato NPS realiu laiku?"],"press","","lt","newsletter_writer","independent newsletter writer"),
("verslopulsas","Verslo pulsas 🎙","Podcast'as apie Lietuvos verslą. Kas antradienį. Vedėjai @tomas_vp ir @indre_vp","Vilnius","verslopulsas.fm","3300/200/800",2020,day(0,6),["Nauja laida: kaip Neris Bankas kuria mobiliąją programėlę 🎙","Klausykite Spotify / Apple"],"press","","lt","podcast_own","podcast's own account"),
("justas_kaval","Justas Kavaliauskas","Head of CX @gintarasmobile | Delfi Verslo skilties autorius (guest columnist) | nuomonės mano","Vilnius","gintaras.lt","2100/800/2500",2013,day(0,5),["Mano skiltis Delfi: klientas nenori chatbot'o, jis nori atsakymo https://delfi.lt/z","Gintaras Mobile NPS šį ketvirtį +6 🙌"],"customers","","lt","guest_columnist","guest columnist whose day job is at customer Gintaras Mobile"),
("rokas_sakal","Rokas Sakalauskas","Energetikos žurnalistas @vz_lt. Rašau apie Žalgiris Energija, Ignitis, tinklus ir kainas ⚡","Vilnius","vz.lt","4100/1200/7600",2012,day(0,1),["Žalgiris Energija kelia tarifus nuo sausio – mano tekstas @vz_lt https://vz.lt/1","ESO ir ŽE ginčas – teismas atidėtas"],"press","","lt","journalist_beat","journalist whose beat covers the customer: press, not customer"),
("mdaugela_rtrs","Marius Daugėla","Reuters correspondent, Vilnius. Baltics, Belarus, NATO's eastern flank.","Vilnius","","9800/1900/11000",2011,day(0,1),["Lithuania to extend border measures, government says","Vilnius: Belarusian balloons force airport closure again"],"press","","en","foreign_outlet_local","correspondent of a foreign outlet based in Vilnius"),
("nasha_niva_vln","Зміцер Кавалёў","Журналіст @nashaniva | Вільня | палітыка, эміграцыя","Вільня","nashaniva.com","3100/700/5200",2014,day(0,2),["Беларусы ў Вільні: новая хваля эміграцыі – мой рэпартаж","Сёння ў эфіры – пра палітвязняў"],"press","","be","exile_outlet","Belarusian journalist at an exiled outlet in Vilnius"),
("kurier_edyta","Edyta Szyszko","Dziennikarka @kurierwilenski | samorząd, oświata, Wileńszczyzna","Wilno","kurierwilenski.lt","1600/500/4300",2013,day(0,3),["Rada rejonu wileńskiego przyjęła budżet – mój tekst","Szkoły polskie na Wileńszczyźnie: co dalej?"],"press","","pl","minority_press","Polish-language outlet in Vilnius"),
("lrt_ru_olga","Ольга Волкова","Корреспондент LRT на русском | Вильнюс | экономика, соцвопросы","Вильнюс","lrt.lt/ru","2200/600/3900",2015,day(0,2),["Цены на отопление в Вильнюсе: что изменится","Интервью с министром экономики – сегодня вечером"],"press","","ru","minority_press","Russian-language service of LRT"),
("znadwilii_jan","Jan Kowalewski","Prowadzący poranek w Radiu Znad Wilii 📻 103,8 FM","Wilno","znadwilii.lt","1100/400/2600",2012,day(0,1),["Dziś w studiu: mer Wilna o transporcie","Dzień dobry Wilno! ☀️ Startujemy o 7:00"],"press","","pl","presenter","radio presenter"),
("bns_foto","Vaida Žukauskaitė","Fotografė @BNS_LT 📷 | Seimas, protestai, sportas","Vilnius","bns.lt","2700/500/6200",2014,day(0,2),["Šiandien Seime 📷","Protestas prie Vyriausybės – galerija BNS"],"press","","lt","photographer","photographer at an agency"),
("dovile_nav","Dovilė Navickienė","Kalbos redaktorė / sub-editor @15min. Kablelis – mano aistra.","Vilnius","15min.lt","800/400/1900",2015,day(0,6),["Ne „pasinaudoti proga“, o „pasinaudoti galimybe“? Abu gerai 🙂","Redakcijos naktinė pamaina ☕"],"press","","lt","sub_editor","sub-editor at an outlet"),
("rasytoja_laisva","Milda Baranauskaitė","Laisvai samdoma rašytoja ✍️ tekstai, interviu, istorijos. Užsakymams – DM.","Kaunas","","700/800/1300",2019,day(0,10),["Baigiau dar vieną interviu knygai","Ieškau naujų užsakymų sausiui"],"none","","lt","freelance_no_outlet","freelance writer naming no outlet, taking commissions: not shown to be press"),
# customers
("+ze_energija","Žalgiris Energija","Elektra ir šiluma Kaunui ir visai Lietuvai ⚡ ŽE Saulė – saulės elektrinės namams. Pagalba: @ze_pagalba","Kaunas","zalgirisenergija.lt","+28000/300/6100",2012,day(0,2),["ŽE Saulė dabar ir Alytuje ☀️","Planiniai darbai Šilainiuose gruodžio 3 d."],"customers","","lt","org_main","customer's main account"),
("ze_pagalba","ŽE pagalba","Žalgiris Energija klientų aptarnavimas. I–V 8–20 val. Rašykite DM.","Kaunas","zalgirisenergija.lt","5200/1900/24000",2015,day(0,0),["@vytautas_k sveiki, parašykite kliento kodą DM","Šiuo metu sutrikimas Dainavoje, dirbame"],"customers","","lt","org_support","customer's support account"),
("ze_karjera","ŽE karjera","Žalgiris Energija karjeros paskyra. Ieškome elektrikų, inžinierių, klientų konsultantų.","Kaunas","zalgirisenergija.lt/karjera","900/100/400",2019,day(0,15),["Ieškome klientų konsultanto (-ės) Kaune","Praktika studentams 2027"],"customers","","lt","org_careers","customer's careers account"),
("+nerisbankas","Neris Bankas","Bankas, kuris kalba paprastai. Neris Pay – mokėjimai telefonu. Pagalba @nerisbank_help","Vilnius","nerisbankas.lt","+34000/200/5200",2014,day(0,1),["Neris Pay dabar palaiko Garmin ⌚","Šventinis darbo laikas skyriuose"],"customers","","lt","org_main","customer's main account"),
("nerisbank_help","Neris Bankas pagalba","We answer 24/7 | Atsakome 24/7 | Отвечаем 24/7. Never share your PIN.","Vilnius","nerisbankas.lt/pagalba","6100/2200/31000",2016,day(0,0),["@rimas_b Labas! Parašykite DM, pažiūrėsim","Neris Pay trikdžiai pašalinti ✔️"],"customers","","lt","org_support","customer's support account"),
("+gintarasmobile","Gintaras Mobile","Mobilusis ryšys be smulkaus šrifto 📱 Gintaras Go – eSIM kelionėms","Vilnius","gintaras.lt","+51000/300/8800",2013,day(0,1),["Gintaras Go: 5 GB Europoje už 4,99 € 🌍","5G jau Panevėžyje!"],"customers","","lt","org_main","customer's main account"),
("gintaras_help","Gintaras pagalba","Gintaras Mobile klientų aptarnavimas. Čia atsakome 8–22.","Vilnius","gintaras.lt","4800/1700/27000",2015,day(0,0),["@ona_m atsiprašome, patikrinsim jūsų numerį","Ryšio trikdžiai Klaipėdoje – taisome"],"customers","","lt","org_support","customer's support account"),
("gintaro_duona","Gintaras Petrauskas","Kepėjas. Raugas, ruginė duona, šeštadienio turgus Kaune 🍞","Kaunas","","1300/600/2000",2015,day(0,9),["šeštadienį – kmynų duona 🍞","raugas šiandien tingus"],"none","","lt","name_collision_person","a man named Gintaras, not Gintaras Mobile"),
("r_urbonaite","Rūta Urbonaitė","Klientų patirties vadovė | r.urbonaite@nerisbankas.lt | bėgimas, kalnai","Vilnius","","880/500/1200",2016,day(0,12),["Šiandien su komanda – klientų kelionės dirbtuvės","Pirmas maratonas Rygoje 🏃‍♀️"],"customers","","lt","email_domain","employer shown by the e-mail domain in the bio (Neris Bankas)"),
("tomas_butkus5g","Tomas Butkus","Network ops | 5G | gintaras.lt | opinions mine","Panevėžys","gintaras.lt","430/300/700",2017,day(0,20),["5G rollout Panevėžys done ✅","night shift again"],"customers","","en","website_domain","employer shown by website domain (Gintaras Mobile)"),
("kristina_bcn","Kristina Vasiliauskienė","Klientų aptarnavimo skyriaus vadovė, Baltic Cellnet 📱 Vilnius","Vilnius","","520/400/900",2012,day(0,25),["Komanda šiandien atsakė į 4000 skambučių 💪","Naujas IVR meniu – atsiliepimai?"],"customers","","lt","former_brand_name","Baltic Cellnet is Gintaras Mobile's former brand name: current employer under an old name"),
("neris_pay_pm","Linas Mockus","PM @ Neris Pay 💸 | ex-Revolut","Vilnius","","1700/900/2300",2016,day(0,4),["Neris Pay + Garmin launched today 🎉","Hiring a senior iOS dev, DM"],"customers","","en","product_name","product manager of customer's product Neris Pay; ex-Revolut is past"),
("vytas_kazl","Vytautas Kazlauskas","Operations Director @trakaicontact | ex-Neris Bankas, ex-Telia","Vilnius","trakaicontact.lt","1400/700/1800",2011,day(0,6),["Trakai Contact atidaro naują aikštelę Kaune 🎉","Ieškom komandos vadovų"],"competitors","","lt","former_vs_current","former customer employee, now at competitor Trakai Contact"),
("piktas_klientas","Rimantas B.","tėtis, žvejys, nervai ant ribos","Šiauliai","","90/300/800",2018,day(0,1),["@gintarasmobile jau trečia diena nėra ryšio, o pagalba tyli 😡","@nerisbankas kodėl kortelė vėl užblokuota??"],"none","","lt","consumer_complaint","consumer complaining to customers"),
("nerisbankas_sup","Neris Bankas Support","Official support 🔒 Verify your account here to avoid suspension: neris-verify.com","","neris-verify.com","!12/900/40",2026,day(0,1),["@ona_k Your account is at risk, verify now: neris-verify.com","@rimas_b DM us your card details to unlock"],"none","","en","scam_impersonation","scam impersonating Neris Bankas"),
("neries_baidares","Neries baidarės","Baidarių nuoma ant Neries 🛶 Vilnius–Kernavė maršrutai","Vilnius","neriesbaidares.lt","2300/700/1100",2014,day(0,50),["Sezonas baigtas, iki pavasario! 🛶","Dovanų kuponai Kalėdoms"],"none","","lt","name_collision_place","the Neris river, not Neris Bankas"),
("ze_design","ZE studio","ZE – interjero dizaino studija Klaipėdoje. Projektai, baldai.","Klaipėda","zestudio.lt","800/400/600",2018,day(0,20),["Naujas projektas: butas senamiestyje","Šviesa > baldai"],"none","","lt","acronym_collision","'ZE' acronym belongs to another firm here"),
("gintaras_go_po","Eglė Šimkutė","Product owner, Gintaras Go eSIM 🌍✈️","Vilnius","","640/500/800",2019,day(0,7),["Gintaras Go now in 60 countries","roaming is hard, actually"],"customers","","en","product_name","product owner of customer's product"),
# suppliers
("+aitvarascloud","Aitvaras Cloud","Cloud contact centre platform from Vilnius. AitvarasVoice, omnichannel, WFM integrations. #CX","Vilnius","aitvaras.io","+9800/600/3200",2016,day(0,2),["AitvarasVoice 5.0 is out: real-time transcription in Lithuanian, Polish and Russian #CX","Meet us at CCW Berlin"],"suppliers","","en","org_main","supplier's main account"),
("aitvaras_eu","Aitvaras Cloud EU","Aitvaras Cloud for EU partners & resellers. Events, webinars, partner news.","Berlin, Germany","aitvaras.io/partners","2100/400/900",2019,day(0,8),["Partner webinar Thursday: routing in AitvarasVoice","Welcome our new reseller in Warsaw!"],"suppliers","","en","org_secondary","supplier's regional partner account"),
("jonas_valaitis","Jonas Valaitis","Solutions engineer @aitvarascloud 🇱🇹 in Berlin. SIP, WebRTC, too much coffee.","Berlin","aitvaras.io","700/400/1300",2015,day(0,5),["Debugging SIP trunks with a partner in Hamburg today","AitvarasVoice + Teams demo tomorrow"],"suppliers","","en","supplier_abroad","supplier staff abroad"),
("paulius_urbonas","Paulius Urbonas","Sales engineer @ Kite Telephony (now Aitvaras Cloud). Voice since 2010.","Kaunas","","520/500/900",2013,day(0,14),["Kite Telephony → Aitvaras: same team, bigger platform","Voice quality webinar slides are up"],"suppliers","","en","former_brand_name","former name of supplier Aitvaras Cloud, still employed"),
("aitvaru_svente","Aitvarų šventė","Aitvarų festivalis Nidoje 🪁 kiekvieną rugpjūtį","Nida","","3100/300/500",2014,day(60,90),["Iki pasimatymo rugpjūtį 🪁","Ačiū visiems, kas atvažiavo!"],"none","","lt","name_collision_word","kite festival; 'aitvaras' is an ordinary word, not the supplier"),
("aitvaras_band","Aitvaras (grupė)","Folk-rock grupė iš Alytaus. Koncertai, albumai, sutartinės 🎸","Alytus","","4200/600/1400",2012,day(0,20),["Gruodžio 20 – koncertas Vilniuje!","Naujas singlas „Žalčio pasaka“"],"none","","lt","name_collision_band","folk-rock band named Aitvaras"),
("+rutasystems","Rūta Systems","QA & speech analytics for contact centres. RūtaQA listens so your team can learn.","Kaunas","rutasystems.com","+4100/500/1800",2017,day(0,3),["RūtaQA now scores calls in Russian and Polish","Case study: 30% faster QA at a Baltic BPO"],"suppliers","","en","org_main","supplier's main account"),
("ruta_sys_indre","Indrė Jankauskienė","CEO @rutasystems | speech analytics | mama ×2","Kaunas","rutasystems.com","3300/800/2400",2012,day(0,4),["RūtaQA pilot with a Vilnius contact centre went live 🎉","Speaking at LKCA conference in March"],"suppliers","","lt","supplier_key_person","supplier's CEO"),
("+vejaswfm","Vėjas WFM","Darbo jėgos planavimas kontaktų centrams 🌬 Prognozės, grafikai, pamainos. Buvęs Planuok.","Vilnius","vejas.lt","2200/400/1100",2016,day(0,5),["Naujas Vėjas WFM modulis: atostogų planavimas","Kaip prognozuoti skambučius per šventes #KontaktųCentras"],"suppliers","","lt","org_main","supplier's main account"),
("planuok_marius","Marius Petrauskas","Planuok įkūrėjas. WFM, prognozės, Excel'io priešas #1","Vilnius","vejas.lt","900/500/1400",2012,day(0,9),["Planuok tapo Vėjas WFM jau prieš 3 metus, o žmonės vis dar klausia 😄","Erlang C ≠ viskas"],"suppliers","","lt","former_brand_name","founder of Planuok, the supplier's former name; site vejas.lt"),
("vejas_surf","Vėjas surf mokykla","Burlenčių ir kaitų mokykla Klaipėdoje 🏄 Vėjas pučia – mes plaukiam","Klaipėda","vejassurf.lt","2600/500/900",2015,day(30,70),["Sezonas baigtas, iki gegužės 🏄","Dovanų čekiai!"],"none","","lt","name_collision_word","surf school; 'vėjas' means wind"),
("donatas_cx","Donatas Kavaliauskas","Nepriklausomas CX konsultantas. Padedu įmonėms įdiegti Vėjas WFM ir AitvarasVoice. Klientai: telekomai, bankai.","Vilnius","","1100/900/1700",2014,day(0,8),["Dar vienas projektas: AitvarasVoice + Vėjas WFM integracija","Klientų patirtis prasideda nuo grafikų"],"none","","lt","partner_not_employee","independent consultant implementing suppliers' products for clients: not their employee"),
# competitors
("+lituanicabpo","Lituanica BPO","Kontaktų centrų ir BPO paslaugos nuo 2008 m. Vilnius | Kaunas | Klaipėda. Karjera: @lituanica_jobs","Vilnius","lituanicabpo.lt","+7200/400/2600",2012,day(0,3),["Lituanica BPO atidaro aikštelę Klaipėdoje","Kalbame 14 kalbų 🌍 #BPO"],"competitors","","lt","org_main","competitor's main account"),
("lituanica_jobs","Lituanica karjera","Lituanica BPO darbo skelbimai: konsultantai LT/RU/PL/EN. Lanksčios pamainos.","Vilnius","lituanicabpo.lt/karjera","1600/200/2100",2017,day(0,2),["Ieškome konsultantų su lenkų kalba Vilniuje","Studentams – lankstus grafikas"],"competitors","","lt","org_careers","competitor's careers account"),
("lituanica_1933","Lituanica 1933","Darius ir Girėnas. Skrydžio per Atlantą istorija ✈️ muziejus, archyvai","Kaunas","","5100/300/2200",2013,day(0,30),["Liepos 15 – skrydžio metinės ✈️","Nauja paroda Aviacijos muziejuje"],"none","","lt","name_collision_history","the 1933 plane Lituanica, not competitor Lituanica BPO"),
("lituanica_sc","Lituanica SC Chicago","Lithuanian-American soccer club ⚽ Lemont, IL","Lemont, IL","","800/300/700",2015,day(0,40),["Game day ⚽","Banquet tickets on sale"],"none","","en","name_collision_club","US soccer club named Lituanica"),
("+trakaicontact","Trakai Contact","Contact centre & PR desk outsourcing. Trakai | Vilnius | Kaunas. #CX","Trakai","trakaicontact.lt","+3900/500/1700",2015,day(0,4),["Trakai Contact laimėjo metų kontaktų centro apdovanojimą 🏆","Atidarome naują aikštelę Kaune"],"competitors","","lt","org_main","competitor's main account"),
("trakai_pilis","Trakų salos pilis","Trakų istorijos muziejus 🏰 Bilietai, parodos, renginiai.","Trakai","trakaimuziejus.lt","14000/200/2500",2012,day(0,5),["Kalėdinė mugė pilyje 🎄","Žiemos darbo laikas"],"none","","lt","name_collision_place","castle museum in the town of Trakai, not Trakai Contact"),
("trakai_sav","Trakų rajono savivaldybė","Oficiali Trakų rajono savivaldybės paskyra","Trakai","trakai.lt","3200/150/1900",2014,day(0,4),["Tarybos posėdis gruodžio 18 d.","Eismo ribojimai Vytauto g."],"none","","lt","name_collision_place","municipality of Trakai"),
("+rytas_ts","Rytas Teleservisas","Kontaktų centras Kaune ir Šiauliuose. Buvęs Rytų Skambučių Centras. #KontaktųCentras","Kaunas","rytasts.lt","2400/400/1300",2014,day(0,6),["Rytas Teleservisas plečiasi Šiauliuose","Vasaros praktikos programos rezultatai"],"competitors","","lt","org_main","competitor's main account"),
("rsc_aiste","Aistė Kazlauskienė","Pamainų vadovė Rytų Skambučių Centre 💬 Kaunas","Kaunas","","310/300/500",2013,day(0,18),["Komanda šiandien – 98% SLA 💪","Gimtadienis darbe 🎂"],"competitors","","lt","former_brand_name","Rytų Skambučių Centras is the competitor's former name; current job"),
("karolis_talent","Karolis Žukauskas","Recruiter @ TalentLink 🔎 Hiring team leads for Lituanica BPO & Trakai Contact. DM me!","Vilnius","talentlink.lt","2100/3500/2900",2016,day(0,1),["Hiring: team lead, Lituanica BPO, Vilnius 💼","Trakai Contact looking for QA specialist!"],"none","","en","recruiter_clients","agency recruiter hiring for competitors: they are clients, and recruiters are none"),
("darbo_bot_vln","Darbo skelbimai Vilnius 🤖","Naujausi darbo skelbimai Vilniuje kas 10 min.","Vilnius","","1200/5/120000",2019,day(0,0),["Klientų aptarnavimo specialistas – Lituanica BPO – Vilnius https://cv.lt/1","Konsultantas – Gintaras Mobile https://cv.lt/2"],"none","","lt","job_bot","job bot"),
("giedrius_bites","Giedrius Paulauskas","Buvęs Rytas Teleservisas vadovas. Dabar – bitininkas Dzūkijoje 🐝","Druskininkai","","400/300/700",2011,day(0,30),["Medus šiemet tamsus 🐝","Pensija – geriausias darbas"],"none","","lt","former_employer","ex-competitor, now a beekeeper"),
# own org
("+balsascx","Balsas Contact","Kontaktų centras ir PR komanda Vilniuje ir Kaune. Kalbame LT/EN/RU/PL. #CX","Vilnius","balsascontact.lt","+3100/700/2200",2014,day(0,2),["Balsas Contact – 12 metų! 🎉","Ieškome PR vadovo Kaune"],"none","","lt","own_org","our own account"),
("balsas_karjera","Balsas karjera","Balsas Contact karjera: konsultantai, komandos vadovai, PR","Kaunas","balsascontact.lt/karjera","800/200/600",2018,day(0,5),["Ieškome konsultantų su rusų kalba","Atvirų durų diena Kaune"],"none","","lt","own_org","our own careers account"),
("simonas_balsas","Simonas Navickas","Team lead @balsascx | Kaunas | krepšinis, CX, kava","Kaunas","","300/400/600",2019,day(0,3),["komanda šiandien super 💪 #CX","Žalgiris vakare!"],"none","","lt","own_staff","our own staff"),
("balsas_lt","Balsas.lt","Nepriklausomas naujienų portalas. Grįžome. Politika, regionai, kultūra.","Vilnius","balsas.lt","4100/300/3800",2010,day(0,1),["Regionų ligoninės: ką rodo nauji duomenys","Interviu su Klaipėdos meru"],"press","","lt","name_collision_outlet","news portal with a name like our own organisation's: it is an outlet"),
]
for h in H: S(*h)

# ---------------- bulk segment ----------------
LTM=["Tomas","Mantas","Darius","Andrius","Paulius","Justas","Rokas","Vytautas","Linas","Mindaugas","Giedrius","Karolis","Aurimas","Donatas","Simonas","Marius","Laurynas","Ignas","Lukas","Arnas","Evaldas","Saulius"]
LTMS=["Kazlauskas","Petrauskas","Jankauskas","Stankevičius","Vasiliauskas","Žukauskas","Butkus","Paulauskas","Urbonas","Kavaliauskas","Navickas","Ramanauskas","Sakalauskas","Baranauskas","Mockus","Valaitis","Bielskis","Šimkus","Grigas","Lukoševičius","Adomaitis","Rimkus"]
LTF=["Eglė","Rūta","Ieva","Greta","Aistė","Indrė","Gintarė","Jurgita","Rasa","Vaida","Agnė","Laura","Kristina","Simona","Monika","Dovilė","Austėja","Milda","Ugnė","Gabija","Justina","Neringa"]
LTFS=["Kazlauskienė","Petrauskaitė","Jankauskienė","Stankevičiūtė","Žukauskaitė","Butkutė","Urbonaitė","Navickienė","Mockutė","Valaitytė","Šimkutė","Ramanauskaitė","Grigaitė","Adomaitienė","Rimkutė","Lukoševičienė","Bielskytė","Sakalauskienė"]
PL=["Tadeusz Wierzbicki","Anna Sosnowska","Irena Mikulewicz","Ryszard Wojszwiłło","Alicja Rusiecka","Marek Pawłowicz","Beata Klimaszewska","Henryk Giedrojć"]
RU=["Дмитрий Соколов","Наталья Павлова","Сергей Кузнецов","Алексей Морозов","Ирина Левченко","Максим Орлов","Татьяна Белова","Елена Гринкевич"]
BE=["Алесь Шымчык","Ганна Лукашэвіч","Вольга Цішкевіч","Павал Сяргейчык","Кацярына Барысевіч","Андрэй Мельнікаў"]
CITIES=["Vilnius","Kaunas","Klaipėda","Šiauliai","Panevėžys","Vilnius, Lietuva","Kaunas, LT","Alytus","Vilnius 🇱🇹",""]
def person(lang, fem=None):
    if fem is None: fem=R.random()<.5
    if lang in ("pl","ru","be"):
        pool={"pl":PL,"ru":RU,"be":BE}[lang]
        pool=[x for x in pool if (x.split()[0][-1] in "аяa")==fem] or pool
        return R.choice(pool)
    return f"{R.choice(LTF)} {R.choice(LTFS)}" if fem else f"{R.choice(LTM)} {R.choice(LTMS)}"
def biofem(bio):
    w=re.findall(r"\w+",bio)
    if any(x.endswith(("ė","ka")) and len(x)>=4 for x in w): return True
    if any(x.endswith(("as","is","ys","tor","ор","ius")) and len(x)>4 for x in w): return False
    return None
FEMROLE=("ė","ka","ca","ая","ка","ца","ja")
def isfem(role): return role.endswith(FEMROLE)
MASCROLE=("as","us","is","ys","ist","arz","tor","er","ист","ор","ер","ар","іст","ач","чы","ый")
def rolefem(role):
    if role.split()[-1].lower() in ("manager","engineer","officer","developer","designer","lead","director","architect","executive","analyst","technician","coach","consultant","partner","cto","reporter","editor","producer","presenter","columnist","correspondent","specialist"): return None
    if role.endswith(FEMROLE): return True
    if role.endswith(MASCROLE) or role.endswith("ius"): return False
    return None
TR={"Д":"d","м":"m","и":"i","т":"t","р":"r","й":"y","С":"s","о":"o","к":"k","л":"l","в":"v","Н":"n","а":"a","ь":"","я":"ya","П":"p","е":"e","г":"g","К":"k","у":"u","з":"z","ц":"ts","А":"a","ш":"sh","ы":"y","ч":"ch","М":"m","И":"i","О":"o","Т":"t","Б":"b","б":"b","Е":"e","Г":"g","х":"h","ў":"u","і":"i","Ш":"sh","Л":"l","Ц":"ts","В":"v","ж":"zh","с":"s","н":"n","ё":"yo","ю":"yu","Р":"r","ф":"f","п":"p","д":"d","Ф":"f","Я":"ya","Ю":"yu","Э":"e","э":"e","щ":"sch","Ж":"zh"}
def handle(n, suffix=""):
    suffix=R.choice(["","","","_lt","_","1","_vln","x","88","_k"])
    t="".join(TR.get(c,c) for c in n)
    parts=fold(t).split("_")
    style=R.randint(0,4)
    if style==0: h=parts[0]+"_"+parts[-1]
    elif style==1: h=parts[0][0]+parts[-1]
    elif style==2: h=parts[0]+parts[-1][:4]
    elif style==3: h=parts[-1]+"_"+parts[0][:3]
    else: h=parts[0]+"."+parts[-1] if False else parts[0]+"_"+parts[-1][:3]
    return (h[:15-len(suffix)]+suffix)

OUTLETS=[ # handle, name, lang, site
("lrt_lt","LRT","lt","lrt.lt"),("delfi_lt","Delfi","lt","delfi.lt"),("15min","15min","lt","15min.lt"),("vz_lt","Verslo žinios","lt","vz.lt"),("kauno_diena","Kauno diena","lt","kauno.diena.lt"),("ve_lt","Vakarų ekspresas","lt","ve.lt"),("BNS_LT","BNS","lt","bns.lt"),("ziniuradijas","Žinių radijas","lt","ziniuradijas.lt"),("elta_lt","ELTA","lt","elta.lt"),("lietuvosrytas","Lietuvos rytas","lt","lrytas.lt"),("vilniaus_pulsas","Vilniaus pulsas","lt","vilniauspulsas.lt"),("kauno_aidas","Kauno aidas","lt","kaunoaidas.lt"),("siauliu_naujienos","Šiaulių naujienos","lt","snaujienos.lt"),("LRTenglish","LRT English","en","lrt.lt/en"),("TheBalticTimes","The Baltic Times","en","baltictimes.com"),("kurierwilenski","Kurier Wileński","pl","kurierwilenski.lt"),("znadwilii","Radio Znad Wilii","pl","znadwilii.lt"),("obzor_lt","Обзор","ru","obzor.lt"),("lrt_ru","LRT на русском","ru","lrt.lt/ru"),("nashaniva","Наша Ніва","be","nashaniva.com"),("belsat_tv","Белсат","be","belsat.eu")]
ROLES={"lt":["Žurnalistas","Žurnalistė","Redaktorius","Redaktorė","Korespondentas","Korespondentė","Laidų vedėjas","Laidų vedėja","Prodiuseris","Apžvalgininkė","Fotografas","Naujienų redaktorė","Reporteris"],
"en":["Reporter","Editor","Correspondent","Producer","Senior reporter","News editor","Columnist","Presenter"],
"pl":["Dziennikarz","Dziennikarka","Redaktor","Redaktorka","Reporter","Prowadząca"],
"ru":["Журналист","Журналистка","Редактор","Корреспондент","Ведущая","Продюсер"],
"be":["Журналіст","Журналістка","Рэдактар","Карэспандэнтка","Вядучы"]}
BEATS={"lt":["verslas","energetika","technologijos","politika","regionai","sveikata","kultūra","sportas","ekonomika","telekomai","finansai"],
"en":["business","energy","tech","politics","Baltics","security","fintech","startups"],
"pl":["samorząd","kultura","oświata","polityka","gospodarka"],
"ru":["экономика","политика","общество","культура","технологии"],
"be":["палітыка","эміграцыя","культура","грамадства"]}
PRESSPOSTS={"lt":["Naujas mano tekstas apie {b}: https://{s}/a/{n}","Šiandien eteryje – apie {b}. Klausykit!","Ieškau pašnekovų tekstui apie {b}, rašykit DM","Redakcijoje karšta diena ☕ #{b}","Interviu su Kauno meru jau portale https://{s}/i/{n}","Kas žino, kodėl šildymas brangsta? Rašau tekstą","Skaitykite savaitgalio numerį 📰"],
"en":["New piece on {b} in the Baltics: https://{s}/n/{n}","On air tonight talking {b}","Looking for sources on {b} in Lithuania – DMs open","Thread on today's Seimas vote 🧵","My story on Vilnius startups is up https://{s}/s/{n}"],
"pl":["Mój nowy tekst o {b}: https://{s}/p/{n}","Dziś w studiu rozmawiamy o {b}","Szukam rozmówców z Wileńszczyzny 📝","Relacja z sesji rady rejonu"],
"ru":["Мой новый материал про {b}: https://{s}/r/{n}","Сегодня в эфире – {b}","Ищу собеседников для материала, пишите в личку","Репортаж из Клайпеды уже на сайте"],
"be":["Мой новы матэрыял пра {b}: https://{s}/b/{n}","Сёння ў эфіры – {b}","Шукаю суразмоўцаў, пішыце ў асабістыя","Рэпартаж з Вільні на сайце"]}
def press_bio(role,o,beat,lang):
    f=R.randint(0,5)
    if f==0: return f"{role} @{o[0]} | {beat}"
    if f==1: return f"{role} / {o[1]} • {beat} • nuomonė mano" if lang=="lt" else f"{role}, {o[1]}. {beat}. Views my own" if lang=="en" else f"{role} {o[1]} | {beat}"
    if f==2: return f"{beat} @ {o[1]} 📰 {role.lower()}"
    if f==3: return f"{role} at {o[1]} ({o[3]}) — {beat}, Baltics" if lang=="en" else f"{role} „{o[1]}“ | {beat} | {o[3]}"
    if f==4: return f"{o[1]} {role.lower()} ✍️ {beat}, {R.choice(BEATS[lang])}"
    return f"{role.lower()} @{o[0]} / {beat} / {'vilnius' if lang!='be' else 'вільня'}"
for i in range(92):
    o=R.choice(OUTLETS); lang=o[2]
    if lang in ("lt",) and R.random()<.15: lang="en"
    role=R.choice(ROLES[lang]); n=person(lang, rolefem(role)); beat=R.choice(BEATS[lang])
    posts=[p.format(b=R.choice(BEATS[lang]),s=o[3],n=R.randint(100,999)) for p in R.sample(PRESSPOSTS[lang],2)]
    if R.random()<.3: posts.append(f"RT @{o[0]}: {R.choice(['Svarbiausios dienos naujienos','Top stories today','Najważniejsze wiadomości','Главное за день'])}")
    S(handle(n),n,press_bio(role,o,beat,lang),R.choice(CITIES),o[3] if R.random()<.4 else "",cnt(300,9000),yr(),day(0,20),posts,"press","",lang,"","works at "+o[1])
# extra outlet own accounts
for o in [("delfi_lt","DELFI","Didžiausias Lietuvos naujienų portalas. Žinios 24/7","delfi.lt","lt"),("15min","15min","Naujienos per 15 minučių. 15min.lt","15min.lt","lt"),("kauno_diena","Kauno diena","Kauno ir regiono naujienos nuo 1945","kauno.diena.lt","lt"),("kurierwilenski","Kurier Wileński","Najstarszy polski dziennik na Litwie. Wiadomości z Wilna i Wileńszczyzny","kurierwilenski.lt","pl"),("obzor_lt","Обзор","Новости Литвы на русском языке","obzor.lt","ru"),("nashaniva","Наша Ніва","Навіны Беларусі. Рэдакцыя ў Вільні","nashaniva.com","be"),("vilniaus_pulsas","Vilniaus pulsas","Miesto naujienos, renginiai ir eismas. Nepriklausomas portalas.","vilniauspulsas.lt","lt"),("kauno_aidas","Kauno aidas","Kauno savaitraštis ir portalas 📰","kaunoaidas.lt","lt")]:
    S(o[0],o[1],o[2],"Lietuva",o[3],cnt(5000,90000),2011,day(0,1),[f"{R.choice(['Dienos naujienos','Svarbu','SKUBU','Wiadomości','Новости','Навіны'])}: https://{o[3]}/x/{R.randint(1,99)}"],"press","",o[4],"outlet_own","outlet's own account")

ORGS={"customers":[("Žalgiris Energija","zalgirisenergija.lt","ze_energija",["Klientų konsultantė","Head of Customer Care","Sąskaitų skyriaus vadovas","Inžinierius","Komunikacijos vadovė","Pardavimų vadybininkas","Data analyst"]),("Neris Bankas","nerisbankas.lt","nerisbankas",["Compliance officer","Klientų aptarnavimo vadovė","iOS developer","Marketingo vadovas","Branch manager","Rizikos analitikė"]),("Gintaras Mobile","gintaras.lt","gintarasmobile",["Retail manager","Tinklo inžinierius","CX lead","Brand manager","Pardavimų vadovė","Field technician"])],
"suppliers":[("Aitvaras Cloud","aitvaras.io","aitvarascloud",["Account executive","Backend engineer","Customer success manager","Partner manager","Product designer","CTO"]),("Rūta Systems","rutasystems.com","rutasystems",["ML engineer","Sales lead","QA analytics consultant","Head of product","Solutions architect"]),("Vėjas WFM","vejas.lt","vejaswfm",["WFM konsultantas","Pardavimų vadovė","Programuotojas","Implementation lead","Support engineer"])],
"competitors":[("Lituanica BPO","lituanicabpo.lt","lituanicabpo",["Team lead","Konsultantė","Operations manager","HR partnerė","Quality coach","Site director"]),("Trakai Contact","trakaicontact.lt","trakaicontact",["PR vadovė","Account director","Komandos vadovas","WFM analitikas","Konsultantas"]),("Rytas Teleservisas","rytasts.lt","rytas_ts",["Pamainų vadovas","Konsultantė","Mokymų vadovė","IT administratorius","Sales director"])]}
ORGPOSTS={"customers":["Šiandien klientų dienoje – ačiū komandai 💚","New release shipped, proud of the team","Kas dar stovi spūstyje Savanorių pr.? 🚗","Ieškome kolegų! Rašykit DM","Darbai baigti anksčiau laiko ✅"],
"suppliers":["Demo day with a contact centre in Kaunas #CX","Naujas release'as – changelog'e 🚀","Speaking at CCW next spring","Our API docs got a refresh","Klientų sėkmės istorija: -20% laukimo laiko #KontaktųCentras"],
"competitors":["Komanda šiandien pasiekė 95% SLA 💪 #KontaktųCentras","Ieškome konsultantų su lenkų kalba","Nauja aikštelė – nauji veidai 🎉","Coaching session with the QA team today #CX","Mokymai naujokams – 3 savaitė"]}
def org_bio(role,org,dom,h,seg,kind):
    if kind==0: return f"{role} @{h} | {R.choice(CITIES) or 'Vilnius'}"
    if kind==1: return f"{role} at {org} 🇱🇹 {R.choice(['opinions mine','nuomonė mano','#CX','☕','🏀'])}"
    if kind==2: return f"{org} | {role}"
    if kind==3: return f"{role.lower()} / {R.choice(['bėgimas','krepšinis','kalnai','knygos','šunys 🐕'])} / {dom}"
    return f"{role}. Rašykite: @@{dom}"
for seg,n_ in (("customers",30),("suppliers",27),("competitors",28)):
    for i in range(n_):
        org,dom,h,roles=R.choice(ORGS[seg]); lang=R.choice(["lt","lt","en"])
        role=R.choice(roles); n=person("lt", rolefem(role)); kind=R.randint(0,4)
        bio=org_bio(role,org,dom,h,seg,kind).replace("@@",fold(n.split()[0])[0]+"."+fold(n.split()[1])+"@")
        hc={0:"handle_in_bio",1:"",2:"",3:"website_domain",4:"email_domain"}[kind]
        web=dom if kind==3 else ""
        if kind==3: bio=bio.replace(dom,"").rstrip(" /")
        why={0:f"works at {org} (@{h})",1:f"works at {org}",2:f"works at {org}",3:f"website {dom} ({org})",4:f"e-mail domain {dom} ({org})"}[kind]
        if R.random()<.2:
            pastorg=R.choice(["Telia","Bitė","Swedbank","Teleperformance","Luminor","Maxima"])
            bio+=f" | ex-{pastorg}"; hc=hc or "ex_other_employer"; why+=f"; ex-{pastorg} is past"
        S(handle(n),n,bio,R.choice(CITIES),web,cnt(100,2500),yr(),day(0,40),R.sample(ORGPOSTS[seg],2),seg,"",lang,hc,why)
# none bulk
NONEB=[("Vilniaus bėgimo klubo narė 🏃‍♀️ | mama | kava","lt",["šiandien 12 km pro Nerį 🏃‍♀️","kas bėga Vilniaus pusmaratonį?"]),
("IT studentas KTU 💻 | žaidimai, krepšinis","lt",["sesija ir kava","Žalgiris laimėjo!! 💚"]),
("Fotografas mėgėjas | Kuršių nerija | 📷","lt",["Nida šį rytą","rūkas virš marių"]),
("Архитектор. Вильнюс. Старый город и кофе","ru",["Ужупис зимой ❄️","новая выставка в ЦСИ"]),
("Nauczycielka w Solecznikach 📚 | historia, góry","pl",["Dzisiaj wycieczka do Trok z klasą","Zima w Wilnie ❄️"]),
("Дызайнерка, Вільня | шрыфты і плакаты","be",["новы плакат для фэсту","кава і шрыфты"]),
("Software engineer @ Vinted | Vilnius | rust 🦀","en",["shipped the thing","rust is pain and joy"]),
("Seimo narys. Darbas Kaunui. Nuomonės asmeninės.","lt",["Šiandien Seime balsavau už biudžetą","Susitikimas su rinkėjais Šilainiuose"]),
("Kulinarijos tinklaraštininkė 🍲 šaltibarščiai visus metus","lt",["cepelinų receptas – atnaujintas","šaltibarščiai gruodį? taip"]),
("Krepšinio fanas. Žalgiris iki mirties 💚","lt",["Arena šiandien buvo nerealiai","teisėjai vėl..."]),
("HR manager @ Maxima | people first","en",["Great session on onboarding today","We're hiring store managers"]),
("Startup founder | fintech | Vilnius Tech Park 🚀","en",["raised our pre-seed 🎉","Vilnius is the best city for startups"]),
("Sodininkė iš Dzūkijos 🌻 grybai, uogos, anūkai","lt",["baravykų šiemet mažai","obuolių sūris baigtas"]),
("Marketingo vadovė @ Teleperformance LT | CX | podcastai","lt",["Kaip matuojate darbuotojų įsitraukimą? #CX","Konferencijoje Rygoje"]),
("Kaunas Jazz savanoris 🎷 | muzika, kinas","lt",["festivalio programa!!","vinilai sekmadienį"]),
("Travel vlogger 🌍 | LT/EN | youtube","en",["new vlog from Georgia!","packing for Japan"]),
("Programuotojas | Klaipėda | buriavimas ⛵","lt",["šiandien vėjas 8 m/s","deploy penktadienį = klaida"]),
("Pensininkas, buvęs mokytojas. Istorija, šachmatai.","lt",["šachmatų turnyras bibliotekoje","istorija kartojasi"]),
]
for i in range(40):
    bio,lang,posts=R.choice(NONEB); n=person(lang,biofem(bio))
    S(handle(n),n,bio,R.choice(CITIES),"",cnt(50,2500),yr(),day(0,60),posts,"none","",lang,"","private person / unrelated organisation")

# ---------------- prune ----------------
def kp(u,n,bio,loc,web,c,cr,last,posts,fol,fb,dec,rsn,seg,lang,hard,why): P(u,n,bio,loc,web,c,cr,last,posts,fol,fb,dec,rsn,seg,lang,hard,why)
PH=[
("egle_cx_vilnius","Eglė Adomaitienė","CX strategė | kalbu apie klientų patirtį | #CX Vilnius","Vilnius","","4100/900/5200",2013,day(0,5),["Klientų patirtis ≠ NPS. Gija 🧵 #CX","Kalbėsiu LKCA konferencijoje"],"2025-03-02","no","keep","target","none","lt","target","listed target"),
("*kaunascxmeetup","Kaunas CX meetup","Kas mėnesį – CX ir kontaktų centrų žmonių susitikimas Kaune ☕","Kaunas","","620/200/150",2020,"2026-03-10",["Kitas susitikimas – po Kalėdų","Ačiū visiems, buvo smagu!"],"2024-06-11","no","keep","target","none","lt","target_protected_inactive","target, although protected and silent >180 days"),
("dr_paulauskas","Doc. Giedrius Paulauskas","KTU UX ir paslaugų dizaino docentas | tyrimai | #CX","Kaunas","ktu.edu","2100/500/1900",2012,day(0,20),["Studentų paslaugų dizaino projektai – pristatymai šiandien","Naujas straipsnis apie kontaktų centrų UX"],"2025-09-01","yes","keep","target","none","lt","target","listed target"),
("dr_paulauskas_","Dr. Paulauskas UX 🔥","UX tips daily | follow back 100% | DM for promo","","","!45/4800/90",2025,day(0,2),["Follow me and I follow back 🔥🔥","UX tips: https://bit.ly/3xyz"],"2026-07-01","yes","unfollow","spam","none","en","target_lookalike","look-alike of a target handle; follow-back spam"),
("*ieva_grigaite","Ieva Grigaitė","LRT Tyrimų skyriaus žurnalistė. Saugus kontaktas: Signal.","Vilnius","lrt.lt","5100/300/1200",2014,"2025-12-01",["Mūsų tyrimas apie viešuosius pirkimus","Kviečiu informatorius rašyti per Signal"],"2023-05-05","no","keep","press","press","lt","press_protected_inactive","press: always keep even when protected, silent and not following back"),
("kazys_rimkus","Kazys Rimkus","Žalgiris Energija tinklų skyriaus vadovas ⚡","Kaunas","zalgirisenergija.lt","210/150/120",2015,"2025-08-20",["Šilainių pastotė atnaujinta","Gražių švenčių"],"2024-02-02","no","keep","customer","customers","lt","customer_inactive","customer staff: keep even when silent for a year"),
("gintaras_biz","Gintaras Mobile Verslui","Gintaras Mobile verslo klientams. Greitai!","Vilnius","gintaras.lt/verslui","1300/10/0",2024,"-",[],"2025-01-15","no","keep","customer","customers","lt","customer_never_posted","customer's account that never posted: customers are kept"),
("rokas_signals","Rokas Lukoševičius","Kriptovaliutos 🚀 signalai kasdien | DM","","","!30/3900/60",2026,day(0,2),["🚀🚀 signalai https://t.me/x","follow back"],"2026-11-24","no","keep","grace","none","lt","grace_spam","looks like spam, but followed 6 days ago: within the 14-day grace period"),
("andrius_barista","Andrius Grigas","Barista | Kaunas ☕ | vinilai","Kaunas","","180/400/600",2017,day(0,10),["naujos pupelės iš Etiopijos","latte art fail"],"2026-11-17","no","keep","grace","none","lt","grace_boundary","off-industry, but followed 13 days ago: still in grace"),
("joga_neringa","Neringa Bielskytė","Jogos mokytoja 🧘 Klaipėda | retritai","Klaipėda","","900/1200/800",2018,day(0,10),["sekmadienio joga prie jūros","retritas kovo mėn."],"2026-11-14","no","unfollow","off_industry","none","lt","grace_boundary","followed 16 days ago (grace over); off-industry and does not follow back"),
("evaldas_wfm","Evaldas Adomaitis","WFM analitikas | Vilnius | Erlang C fanas #KontaktųCentras","Vilnius","","340/300/700",2016,"2026-06-05",["Prognozės šventėms – kaip jūs darote? #KontaktųCentras","WFM meetup'as buvo 🔥"],"2025-10-01","no","keep","practitioner","none","lt","inactivity_boundary","last post 178 days ago: under the 180-day limit; local practitioner"),
("ugne_qa_kaunas","Ugnė Rimkutė","Kokybės vadovė kontaktų centre | Kaunas #CX","Kaunas","","410/350/900",2015,"2026-05-30",["QA kalibracija šiandien #CX","vasara!"],"2025-10-01","yes","unfollow","inactive","none","lt","inactivity_boundary","last post 184 days ago: over the 180-day limit, relevance does not save her"),
("justina_l_vln","Justina Lukoševičienė","","Vilnius","","12/140/0",2023,"-",[],"2025-04-01","yes","unfollow","inactive","none","lt","never_posted","never posted; follows back but not press/customer/target"),
("ne_gintaras","Gintaras Mobile Parodija","Parodija. Ryšys yra. Kartais. 📵","","","3400/200/1800",2020,day(0,3),["Mūsų 5G greitis: 5 G per mėnesį 😂","Skambinkit pagalbai, mes irgi laukiam"],"2025-06-01","yes","unfollow","parody","none","lt","parody","parody of a customer"),
("neris_helpdesk","Neris Bankas Help Desk","🔒 Official help. Verify at nerisbank-help.com","","nerisbank-help.com","!8/2100/35",2026,day(0,1),["@ona_k verify your account: nerisbank-help.com","Your card is blocked, DM us"],"2026-08-01","no","unfollow","spam","none","en","scam_impersonation","scam impersonating a customer"),
("cx_tips_lt","CX Tips LT 🔥","#CX #KontaktųCentras #CX #CX follow back 💯","","","!120/4900/300",2025,day(0,1),["#CX #KontaktųCentras follow ➡️ follow back","#CX https://bit.ly/cxx"],"2026-06-20","yes","unfollow","spam","none","lt","spam_uses_hashtags","follow-for-follow spam using our hashtags, follows back"),
("user84729103","user84729103","","","","!3/2400/12",2025,day(10,30),["https://bit.ly/4abc","https://bit.ly/4abc"],"2026-04-04","yes","unfollow","spam","none","en","random_digits","random-digit handle, default avatar, link-only repeated posts"),
("ramunas_sip","Ramūnas Stankevičius","CTO @aitvarascloud | Berlin/Vilnius | SIP nerd","Berlin, Germany","aitvaras.io","2200/600/1900",2012,day(0,5),["AitvarasVoice latency down 30% this quarter","Berlin meetup tonight"],"2025-02-02","no","keep","supplier","suppliers","en","supplier_abroad","supplier's key person abroad, not following back"),
("rutasystems_lt","Rūta Systems senas","Rūta Systems (senas profilis). Naujienos @rutasystems","Kaunas","rutasystems.com","150/20/90",2016,"2024-01-10",["Persikėlėme į @rutasystems"],"2021-05-05","no","unfollow","inactive","suppliers","lt","supplier_inactive","supplier's abandoned old account, silent since 2024: inactivity applies (only press/customers/targets are exempt)"),
("monika_tl_kld","Monika Grigaitė","Team lead @lituanicabpo | Klaipėda | #KontaktųCentras","Klaipėda","","500/600/1400",2017,day(0,6),["Komanda Klaipėdoje auga 🌊 #KontaktųCentras","Mokymai naujokams"],"2025-05-05","no","keep","competitor","competitors","lt","competitor_active","active competitor staff: watch the market"),
("aurimas_keliau","Aurimas Valaitis","ex-Trakai Contact. Dabar – laisvas paukštis 🐦 keliauju","Lisbon","","300/400/900",2014,day(0,9),["Lisabona šiandien ☀️","surfing again"],"2025-01-01","no","unfollow","outside_region","none","lt","former_employer_abroad","former competitor staff, now travelling abroad with no relevance"),
("ccw_global","CX Europe Forum","Europe's contact centre & CX community. Events in Berlin, Paris, Warsaw. #CX","Berlin, Germany","cxeurope.eu","12000/900/6100",2013,day(0,3),["CX Europe 2027 agenda out #CX","Top 10 contact centre trends"],"2024-10-10","no","keep","abroad_voice","none","en","abroad_relevant","relevant voice of our field abroad"),
("lkca_renginiai","LKCA","Lietuvos kontaktų centrų asociacija. #KontaktųCentras","Vilnius","lkca.lt","1800/300/1200",2015,day(0,9),["Konferencija kovo 12","Narių susitikimas"],"2023-01-01","yes","keep","industry_body","none","lt","industry_body","industry body"),
("maistobankasvln","Maisto bankas Vilnius","Labdara. Kartu su Balsas Contact savanoriais – maisto banko akcijos Vilniuje 🧡","Vilnius","maistobankas.lt","3200/800/2100",2012,day(0,10),["Ačiū Balsas Contact komandai už savanorystę 🧡","Akcija šį savaitgalį"],"2024-12-12","no","keep","local_partner","none","lt","local_partner","local charity partner in home region"),
("dallas_cx_coach","Brad Miller","CX coach | Dallas, TX | keynote speaker | #CX","Dallas, TX","","8100/7000/21000",2011,day(0,2),["Your agents are your brand #CX","Keynote in Austin next week"],"2025-03-03","no","keep","abroad_voice","none","en","abroad_relevant","relevant CX voice abroad (borderline, kept as field voice)"),
("bbq_texas","Texas BBQ Daily","smoked brisket & ribs 🔥 Austin TX","Austin, TX","","9000/600/4000",2015,day(0,1),["brisket day 🔥","new rub recipe"],"2024-08-08","no","unfollow","outside_region","none","en","outside_region","abroad, no relevance"),
("riga_foodie","Līga Ozola","Rīga foodie 🍜 | restorāni, kafija","Riga, Latvia","","2100/900/3000",2016,day(0,5),["jauns ramen Rīgā","kafija vecrīgā"],"2025-02-20","yes","unfollow","outside_region","none","en","outside_region_followsback","outside home regions and irrelevant; follows back but the outside-region reason comes first"),
("kaunas_kirpykla","Kirpykla Laisvės al.","Kirpykla Kaune ✂️ registracija online","Kaunas","","600/300/700",2018,day(0,5),["laisvų vietų šeštadieniui","nauja meistrė"],"2025-07-07","no","unfollow","off_industry","none","lt","off_industry","off-industry local business, not following back"),
("kepyklele_zk","Kepyklėlė Žaliakalnis","Kepykla Kaune 🥐 sekite mus!","Kaunas","","800/500/900",2018,day(0,5),["cinamoninės bandelės 🥐","šventiniai užsakymai"],"2025-07-07","yes","keep","","none","lt","off_industry_followsback","off-industry but local, active and follows back: no unfollow reason applies"),
]
PH+=[
("+kd_redaktore","Jurgita Sakalauskienė","Vyr. redaktorė @kauno_diena. Kaunas, kultūra, miesto politika.","Kaunas","kauno.diena.lt","+8800/400/6100",2011,day(0,3),["Šiandien redakcijos susirinkime – apie Kauno biudžetą","Savaitgalio numeris jau spaudoje 📰"],"2024-04-04","no","keep","press","press","lt","press_verified_no_followback","verified editor-in-chief, does not follow back: press is always kept"),
("paulius_bxl","Paulius Šimkus","Freelance Brussels correspondent for LRT & 15min. EU, energy, Baltics 🇪🇺","Brussels, Belgium","","3200/900/5400",2012,day(0,4),["Council agrees Baltic grid funding – my LRT piece","Long night in the Justus Lipsius"],"2025-06-06","no","keep","press","press","en","press_abroad","freelance journalist abroad naming his outlets: press"),
("belsat_bialystok","Кацярына Барысевіч","Журналістка @belsat_tv | Беласток / Вільня","Białystok, Polska","belsat.eu","1900/500/3100",2016,day(0,6),["Рэпартаж з мяжы Літвы і Беларусі","Сёння ў эфіры – пра палітвязняў"],"2025-11-11","yes","keep","press","press","be","press_outside_region","Belarusian journalist outside the home regions: press is kept"),
("kc_savaite","Kontaktų centro savaitė","Naujienlaiškis apie kontaktų centrus. Redaguoja Laurynas Adomaitis. Pertrauka 🙏","Vilnius","kcsavaite.substack.com","700/200/300",2020,"2026-02-15",["Paskutinis numeris prieš pertrauką","Ačiū skaitytojams"],"2022-09-09","no","keep","press","press","lt","newsletter_inactive","newsletter (an outlet) silent >180 days: press is kept"),
("*ze_pagalba_vip","ŽE verslo klientams","Žalgiris Energija verslo klientų linija. Tik klientams.","Kaunas","zalgirisenergija.lt/verslui","300/100/900",2019,day(0,20),["Verslo klientų valandos per šventes","Naujos sutartys nuo sausio"],"2025-01-20","no","keep","customer","customers","lt","customer_protected","customer's protected business-support account"),
("lituanica_kaunas","Lituanica BPO Kaunas","Lituanica BPO Kauno aikštelė 🏢 renginiai, komanda, darbo pasiūlymai","Kaunas","lituanicabpo.lt","600/300/500",2021,day(0,8),["Kauno komanda šventė 5 metus 🎉","Ieškome konsultantų su rusų kalba"],"2026-11-27","no","keep","grace","competitors","lt","grace_competitor","competitor's regional account followed 3 days ago (grace; also an active competitor brand)"),
("aitvaras_waw","Tomasz Nowicki","Partner manager CEE @aitvarascloud | Warszawa","Warszawa, Polska","aitvaras.io","900/700/1300",2014,day(0,10),["Nowy partner Aitvaras w Krakowie!","AitvarasVoice webinar po polsku w czwartek"],"2025-08-08","no","keep","supplier","suppliers","pl","supplier_abroad","supplier's key person in Warsaw"),
]
for p in PH: kp(*p)
# bulk prune keep press
for i in range(36):
    o=R.choice(OUTLETS); lang=o[2]; role=R.choice(ROLES[lang]); n=person(lang, rolefem(role)); beat=R.choice(BEATS[lang])
    fb=R.choice(["yes","no"]); inactive=R.random()<.2
    last="2025-"+R.choice(["03-14","07-02","10-20"]) if inactive else day(0,30)
    posts=[p.format(b=beat,s=o[3],n=R.randint(100,999)) for p in R.sample(PRESSPOSTS[lang],2)]
    kp(handle(n,"_"),n,press_bio(role,o,beat,lang),R.choice(CITIES),"",cnt(300,8000),yr(),last,posts,day(30,700),fb,"keep","press","press",lang,"press_inactive" if inactive else ("press_not_following_back" if fb=="no" else ""),"press at "+o[1]+(" (inactive, still kept)" if inactive else ""))
for seg,rsn,k in (("customers","customer",16),("suppliers","supplier",12),("competitors","competitor",12)):
    for i in range(k):
        org,dom,h,roles=R.choice(ORGS[seg]); role=R.choice(roles); n=person("lt", rolefem(role))
        kind=R.randint(0,4); bio=org_bio(role,org,dom,h,seg,kind).replace("@@",fold(n.split()[0])[0]+"."+fold(n.split()[1])+"@"); web=dom if kind==3 else ""
        if kind==3: bio=bio.replace(dom,"").rstrip(" /")
        fb=R.choice(["yes","no"])
        if seg!="customers" and R.random()<.2:
            kp(handle(n,"1"),n,bio,R.choice(CITIES),web,cnt(50,900),yr(),"2025-0"+str(R.randint(1,5))+"-11",R.sample(ORGPOSTS[seg],2),day(200,800),fb,"unfollow","inactive",seg,"lt",f"{rsn}_inactive",f"{org} staff silent >180 days: only press, customers and targets are exempt")
            continue
        last=day(0,40) if seg!="customers" or R.random()<.7 else "2025-04-02"
        kp(handle(n,"1"),n,bio,R.choice(CITIES),web,cnt(50,2500),yr(),last,R.sample(ORGPOSTS[seg],2),day(30,800),fb,"keep",rsn,seg,"lt","customer_inactive" if last.startswith("2025") else "",f"works at {org}")
PRACT=["Kontaktų centro komandos vadovė | Vilnius #KontaktųCentras","CX konsultantas | Kaunas | paslaugų dizainas #CX","PR specialistė | ryšiai su visuomene | Vilnius #PRLietuva","Klientų aptarnavimo treneris 🎧 Šiauliai","WFM planuotojas | Klaipėda","Komunikacijos vadovė NVO sektoriuje, Vilnius #PRLietuva","QA specialist, contact centre, Kaunas #CX"]
PRACTP=["Kaip motyvuoti konsultantus per šventes? #KontaktųCentras","Krizių komunikacija: 3 pamokos #PRLietuva","Šiandien mokymai naujai komandai 🎧","#CX tyrimas: klientai nori greičio, ne malonumo","Pranešimas spaudai ≠ istorija"]
for i in range(20):
    pb=R.choice(PRACT); n=person("lt",biofem(pb)); fb=R.choice(["yes","no"])
    kp(handle(n,"_cx"),n,pb,R.choice(CITIES[:5]),"",cnt(100,1500),yr(),day(0,60),R.sample(PRACTP,2),day(30,700),fb,"keep","practitioner","none","lt","" if fb=="yes" else "practitioner_no_followback","active local practitioner of our field")
# bulk unfollow
SPAMB=[("💰 Earn 500€/day from home 💰 DM","en"),("follow back 100% 🔁 #followback #CX","en"),("",""),("Crypto signals 🚀 t.me/signalsxx","en"),("Заработок в интернете 💸 пиши в ЛС","ru"),("Obserwuj = obserwuję 🔁","pl")]
for i in range(26):
    bio,lang=R.choice(SPAMB); lang=lang or "en"; d=R.randint(10000000,99999999); fb=R.choice(["yes","no"])
    h=R.choice(["user","lt_","promo","cx","acc"])+str(d)
    kp(h,h if R.random()<.5 else R.choice(["Top Deals","Sexy Lina","Crypto King","Promo LT","Лиза"]),bio,"","", f"!{R.randint(0,80)}/{R.randint(2000,5000)}/{R.randint(1,400)}",R.choice([2024,2025,2026]),day(0,50),["https://bit.ly/"+str(d)[:4],"https://bit.ly/"+str(d)[:4]],day(20,500),fb,"unfollow","spam","none",lang,"spam_followsback" if fb=="yes" else "spam","default avatar, random-digit handle, link-only repeated posts, huge following/follower ratio")
INACT=[("Klientų aptarnavimo vadovė, Vilnius","lt"),("PR konsultantas | Kaunas","lt"),("Marketing & CX | Vilnius","en"),("Менеджер по работе с клиентами, Вильнюс","ru"),("Specjalistka PR, Wilno","pl"),("Kontaktų centro konsultantas","lt")]
for i in range(16):
    bio,lang=R.choice(INACT); n=person(lang,biofem(bio))
    y=R.choice(["2023","2024","2025"]); last=f"{y}-0{R.randint(1,5)}-1{R.randint(0,9)}"
    kp(handle(n,"_o"),n,bio,R.choice(CITIES[:5]),"",cnt(30,600),yr(),last,["Gražių švenčių visiems!" if lang=="lt" else "Hello!"],day(200,900),R.choice(["yes","no"]),"unfollow","inactive","none",lang,"inactive_relevant","relevant bio but silent since "+y+": over 180 days")
ABR=[("Fashion blogger 👗 Milano","Milan, Italy","en",["new drop 👗","Milano fashion week"]),("Surf instructor 🏄 Bali","Bali, Indonesia","en",["waves today 🌊","sunset session"]),("Football stats nerd ⚽ Manchester","Manchester, UK","en",["xG thread","City again"]),("Gamer 🎮 Toronto","Toronto, Canada","en",["stream tonight","new patch"]),("Фитнес-тренер, Москва","Москва","ru",["тренировка дня","питание"]),("Kucharz, Kraków 🍲","Kraków, Polska","pl",["pierogi dzień","nowe menu"])]
for i in range(12):
    bio,loc,lang,posts=R.choice(ABR); n=person(lang) if lang!="en" else R.choice(["Jake","Maria","Tom","Lisa","Omar"])+" "+R.choice(["Smith","Rossi","Brown","Lee","Khan"])
    kp(handle(n,"_x"),n,bio,loc,"",cnt(300,9000),yr(),day(0,30),posts,day(30,700),R.choice(["yes","no"]),"unfollow","outside_region","none",lang,"","outside home regions, no relevance to our topics")
OFF=[("Nekilnojamas turtas Vilniuje 🏠 butai, namai","lt"),("Automobilių servisas Kaune 🚗","lt"),("Vestuvių fotografė 💍 Vilnius","lt"),("Kosmetologė | Klaipėda 💅","lt"),("Krepšinio treneris vaikams 🏀 Panevėžys","lt"),("Pekarnia w Wilnie 🥖","pl")]
for i in range(14):
    bio,lang=R.choice(OFF); n=person(lang,biofem(bio))
    kp(handle(n,"_z"),n,bio,R.choice(CITIES[:5]),"",cnt(100,3000),yr(),day(0,30),["Akcija šią savaitę!" if lang=="lt" else "Promocja w tym tygodniu!","Registracija atidaryta" if lang=="lt" else "Zapraszamy!"],day(30,700),"no","unfollow","off_industry","none",lang,"","local but off-industry and does not follow back")

hdr_s="# "+"~~".join(["username","name","bio","location","website","counts","created","last_post","posts","segment","also","lang","hard_case","why"])
hdr_p="# "+"~~".join(["username","name","bio","location","website","counts","created","last_post","posts","followed_at","follows_me","decision","reason","segment","lang","hard_case","why"])
(OUT/"segment_accounts.txt").write_text(hdr_s+"\n"+"\n".join(SEG)+"\n",encoding="utf-8")
(OUT/"prune_follows.txt").write_text(hdr_p+"\n"+"\n".join(PRU)+"\n",encoding="utf-8")
print(len(SEG),len(PRU))
