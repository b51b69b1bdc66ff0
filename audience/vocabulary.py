"""Role vocabulary as data: one TOML file per language in ``audience/data/roles/``, extended by
the files a workspace names in ``audience.toml`` (``[roles] vocabulary = ["my-words.toml"]``).

Every key is a list of plain words or phrases (case and accents do not matter, any run of
spaces matches a space). In ``outlet_leads`` and ``outlet_nouns`` a ``*`` stands for a few
words: "covering * for" matches "Covering retail and energy for", "موقع * الإخباري" ("the *
news site") the name between; a word ending in ``*`` is a stem
("εφημερίδ*" matches every ending of the word) and one starting with ``*`` ends a compound
("*reporter" matches "Sportreporter"). The keys:

* ``press_titles``: a current job that is press by itself (journalist, gohebydd, iriseoir);
* ``qualified_titles``: press only with a media word before it or an outlet after it
  (producer, presenter, photographer, host, sub, Ed.);
* ``media_qualifiers`` / ``non_media_qualifiers``: the words before a qualified title that make
  it press ("radio producer") or something else ("music producer");
* ``outlet_leads``: phrases followed by the outlet someone works for ("writes for", "words in");
* ``not_outlet_leads``: phrases before an outlet that are not a job ("as featured in");
* ``outlet_trails``: the same after the outlet, in languages that put the verb last ("Nagar Times
  के लिए लिखती हूँ", "Şehir Postası için yazıyorum");
* ``outlet_nouns``: how an outlet, programme, podcast or newsletter describes itself;
* ``news_words``: "news" itself: a bio that is only "Business news." is an outlet's;
* ``not_press``: phrases that contain a press word but are another job ("correspondent
  banking", "reporting analyst", "editor of our blog");
* ``programme_words``: how a programme calls itself ("show", "programa", "Sendung"): one that
  opens a bio and airs on a broadcaster the gazetteer knows is that programme's own account;
* ``job_seeking``: looking for work ("open to work", "buscando trabajo"): a press title that
  names no outlet is no job at one;
* ``journalism_words``: the field itself ("journalism", "журналистика", "gazetecilik"): no
  job title, although a title's stem spells it ("журналист*"); an outlet may still describe
  itself with it ("independent journalism" in ``outlet_nouns``);
* ``negations``: words right before a press title that deny it ("not a", "bukan", "kein"):
  "Content producer, not a journalist" is not press;
* ``answers_no``: "no" as an answer ("no", "nein", "ne"): "Acme? No, Beta Bank." denies the
  name it answers;
* ``press_office``: a press office or spokesperson's job ("jefa de prensa", "Pressestelle"):
  a journalist by training who now speaks *to* the press is not press;
* ``community_words``: a community group or association ("Spilnota", "yhdistys", "non-profit"):
  one that shares news is not an outlet unless it calls itself one (a community radio is);
* ``joint_markers``: an account two organisations run together ("run jointly by", "joint
  venture", "qo'shma korxona"): the organisations it lists are all its owners, not a shop's brands;
* ``body_words``: an industry body, a chamber or a public agency ("trade association",
  "Handelskammer", "หอการค้า"): prune keeps one that speaks for itself, on your topics or not;
* ``house_media``: an organisation's own publication ("customer magazine", "Kundenmagazin",
  "corporate publishing"): its editors are that organisation's staff, not press;
* ``personal_blogs``: the account's own blog ("my blog", "blog cá nhân"): a press title whose
  only publication is that blog is no job at an outlet;
* ``language_names``: languages an outlet broadcasts or publishes in ("Amharic", "Afaan Oromoo",
  "Español"): a display name that is an outlet's name and one of them ("BBC Amharic") is that
  outlet's service in the language, its own account;
* ``freelance``: "freelance" words, press after a former press job ("Former FT reporter, now
  freelance");
* ``former_markers`` / ``now_markers``: a past job, and the start of the current one;
* ``temporary_roles``: internships and placements; dated ("Intern at Acme (summer 2021)") they
  are past;
* ``until_markers``: "until" before a year in brackets ("Founder of Acme (until 2022)"): the past;
* ``former_trails``: words that end a clause about the past ("10 years at Acme before that",
  "10 anos na Acme antes disso");
* ``turned_markers``: "X turned Y" (X is the past);
* ``other_jobs``: jobs that are not press ("Former reporter, now PR manager": the past);
* ``object_markers``: words that make "journalists" the people someone works with ("PR for
  journalists");
* ``client_markers``, ``beat_markers``, ``complaint_markers``: words before an organisation's
  name that make it a client, a subject or a complaint, not the employer;
* ``writer_objects``: the writer as the object of the verb right after an organisation's name
  that opens a sentence ("Acme owes me", "Acme cut my line"): a customer speaking, not staff;
* ``mention_trails``: the same after the names, in languages that put the verb last ("Kordon
  Tekstil'e tedarik ediyoruz": we supply them; "… grevini takip ediyorum": a beat);
* ``newsletter_words``: words that make an address on a newsletter platform the account's own
  newsletter ("newsletter", "bülten", "writes");
* ``relative_markers``: someone else whose job is named ("my mum works at Acme");
* ``staff_bodies``: a trade union's branch for an organisation's staff, which the union owns,
  not the organisation ("Section syndicale des salariés d'Acme"; a works council is the
  organisation's own body);
* ``follow_back_markers``: follow-for-follow phrasing ("sígueme y te sigo");
* ``parody_markers``: humour, parody and fan accounts ("cuenta de humor");
* ``fan_markers``: fan and "unofficial" accounts ("fan page", "inoffiziell", "비공식"): not the
  organisation they name, and not parody either;
* ``disclaimers``: an account saying it is not the organisation it names, or not employed by
  it ("not affiliated", "niet in dienst", "nicht von * selbst");
* ``scam_markers``: giveaways, "work from home" and other bait: an account that uses a brand's
  name with them is not that brand;
* ``retired_markers``: words that put the whole clause in the past wherever they sit
  ("Reporter (retired)", "im Ruhestand");
* ``automation_markers``: an automated feed or bot ("RSS", "automatisch", "auto-posts");
* ``bulletin_rhythms``: a station's bulletins coming round ("news every hour", "hourly
  bulletins"): the rhythm of the news on air, not of a bot, though "every hour" alone is a bot's;
* ``rhythm_words``: how often an outlet publishes ("every weekday", "wöchentlich");
* ``podcast_words``: "podcast" in every language and script ("balado", "بودكاست");
* ``episode_words``: a programme's or podcast's episodes ("Folgen", "afleveringen");
* ``book_titles``: titles whose quoted work is a book, not a show ("author", "schrijver");
* ``newsroom_words``: words of a newsroom's handle (@NordQuotidien, @city_news);
* ``occasional_markers``: a guest or occasional role ("guest columnist", "invitada");
* ``media_hints``: words that make a bare "Presenter" or "Producer" worth a second look;
* ``audience_words``: an outlet's fans, listeners, readers and subscribers ("@Outlet fan");
* ``employer_words``: single words right before the name of where someone works, after a job
  ("at", "bei", "chez", "bij", "presso", "στην", "في"); a one-word name or an acronym needs one;
* ``generic_org_words``: the last words of an organisation's name that people drop when they
  name their employer ("Energy", "Foods", "GmbH", "Instalaciones": "Head of CX at Acme" for Acme
  Energy); the short name counts only in the context of a job;
* ``customer_trails``: words right after an organisation's or product's name that make the
  account its customer or trading partner ("Acme customer, and honestly…", "Acme Rewards member
  since 2019", "Acme Partner & Reseller");
* ``employer_trails``: a job or team right after an organisation's name, in languages that put
  the title after the employer ("Acme 홍보팀 차장", "Acme 勤務"): the employer;
* ``event_words``: events and awards ("Awards", "Summit", "Gala", "Premios"): a name after
  "Host of" or "Presenter," that contains one is an event an MC hosts, not an outlet;
* ``portfolio_leads``: after a freelance media title, the words before the list of outlets the
  work appears in ("Freelance photographer. Work in A, B, C.", "Trabajos en"): two or more
  names after one are outlets, known to the gazetteer or not;
* ``byline_markers``: a post about the account's own press work ("on assignment for", "my
  column in", "in onda stasera", "nuevo episodio"): prune keeps such an account to check by
  hand, whatever its bio says;
* ``other_kinds``: words right after a one-word name or an acronym that make it a place or
  another kind of organisation ("Thaba village", "Acme Hotel", "Acme FC"): not the listed
  organisation of that name (a name written in full, such as "Acme Hotels", still counts);
* ``fan_subjects``: teams, leagues, sports and show business ("football", "cricket", "showbiz",
  "gossip"): an account of news about them that names no outlet behind it is a fan's
  aggregator, not an outlet;
* ``parent_leads``: words before the outlet a desk belongs to ("By the", "Part of the",
  "Parte de"): a sports desk that names its outlet is press;
* ``employer_titles``: titles that name the employer when an organisation follows them, alone
  or after a department of one or two words ("Direttore esercizio Acme", "Directeur Acme"), but
  that are no job of their own elsewhere, because the same word heads a newsroom ("direttore",
  "directeur", "diretor"): they never make a bio "another job" for press;
* ``dealer_titles``: an account describing itself as a brand's authorised dealer, reseller or
  franchise ("authorised dealer", "revendedor autorizado"): named after the brand, it is still
  a trading partner, not the brand or its staff;
* ``broadcast_words``: the word that ends a broadcaster's own name, matched as written, capitals
  and accents included ("Ramogi TV", "Coast FM", "Equinoxe Télévision"): a display name made of
  a proper name and one of them, or a bio that opens with one, is a station's own account;
* ``hired_writers``: writing jobs done for clients, not for an outlet ("copywriter",
  "ghostwriter", "rédactrice web"): a press title beside one that names no outlet is that job;
* ``training_markers``: right after a press title, what someone trained as, not their job
  ("journalist by training", "periodista de formación"); other press evidence still counts;
* ``study_markers``: studying somewhere ("3rd year comms @ Acme Uni", "estudiante en"): a student
  of a listed organisation is not its staff.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from audience.errors import ConfigError

DATA = Path(__file__).parent / "data"
ROLES_DIR = DATA / "roles"


@dataclass(frozen=True)
class Vocabulary:
    press_titles: tuple[str, ...] = ()
    qualified_titles: tuple[str, ...] = ()
    media_qualifiers: tuple[str, ...] = ()
    non_media_qualifiers: tuple[str, ...] = ()
    outlet_leads: tuple[str, ...] = ()
    not_outlet_leads: tuple[str, ...] = ()
    outlet_trails: tuple[str, ...] = ()
    outlet_nouns: tuple[str, ...] = ()
    news_words: tuple[str, ...] = ()
    not_press: tuple[str, ...] = ()
    house_media: tuple[str, ...] = ()
    personal_blogs: tuple[str, ...] = ()
    language_names: tuple[str, ...] = ()
    community_words: tuple[str, ...] = ()
    body_words: tuple[str, ...] = ()
    joint_markers: tuple[str, ...] = ()
    press_office: tuple[str, ...] = ()
    freelance: tuple[str, ...] = ()
    former_markers: tuple[str, ...] = ()
    temporary_roles: tuple[str, ...] = ()
    until_markers: tuple[str, ...] = ()
    now_markers: tuple[str, ...] = ()
    turned_markers: tuple[str, ...] = ()
    other_jobs: tuple[str, ...] = ()
    object_markers: tuple[str, ...] = ()
    client_markers: tuple[str, ...] = ()
    relative_markers: tuple[str, ...] = ()
    staff_bodies: tuple[str, ...] = ()
    mention_trails: tuple[str, ...] = ()
    newsletter_words: tuple[str, ...] = ()
    beat_markers: tuple[str, ...] = ()
    complaint_markers: tuple[str, ...] = ()
    writer_objects: tuple[str, ...] = ()
    scam_markers: tuple[str, ...] = ()
    follow_back_markers: tuple[str, ...] = ()
    parody_markers: tuple[str, ...] = ()
    retired_markers: tuple[str, ...] = ()
    automation_markers: tuple[str, ...] = ()
    bulletin_rhythms: tuple[str, ...] = ()
    rhythm_words: tuple[str, ...] = ()
    episode_words: tuple[str, ...] = ()
    podcast_words: tuple[str, ...] = ()
    book_titles: tuple[str, ...] = ()
    newsroom_words: tuple[str, ...] = ()
    occasional_markers: tuple[str, ...] = ()
    media_hints: tuple[str, ...] = ()
    audience_words: tuple[str, ...] = ()
    generic_org_words: tuple[str, ...] = ()
    employer_words: tuple[str, ...] = ()
    customer_trails: tuple[str, ...] = ()
    study_markers: tuple[str, ...] = ()
    employer_trails: tuple[str, ...] = ()
    fan_markers: tuple[str, ...] = ()
    disclaimers: tuple[str, ...] = ()
    event_words: tuple[str, ...] = ()
    portfolio_leads: tuple[str, ...] = ()
    byline_markers: tuple[str, ...] = ()
    other_kinds: tuple[str, ...] = ()
    fan_subjects: tuple[str, ...] = ()
    parent_leads: tuple[str, ...] = ()
    employer_titles: tuple[str, ...] = ()
    dealer_titles: tuple[str, ...] = ()
    former_trails: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    answers_no: tuple[str, ...] = ()
    job_seeking: tuple[str, ...] = ()
    journalism_words: tuple[str, ...] = ()
    programme_words: tuple[str, ...] = ()
    broadcast_words: tuple[str, ...] = ()
    hired_writers: tuple[str, ...] = ()
    training_markers: tuple[str, ...] = ()

    def merged(self, *others: Vocabulary) -> Vocabulary:
        values = {}
        for f in fields(self):
            words = [w for v in (self, *others) for w in getattr(v, f.name)]
            values[f.name] = tuple(dict.fromkeys(words))
        return Vocabulary(**values)


KEYS = tuple(f.name for f in fields(Vocabulary))


def read_vocabulary(path: Path) -> Vocabulary:
    """One vocabulary file; a bad one is a :class:`ConfigError` naming the file and the key."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the vocabulary file ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML vocabulary file ({exc})") from None
    values = {}
    for key, value in data.items():
        if key in ("language", "name"):
            continue
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} (known keys: {', '.join(KEYS)})")
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{path}: {key} must be a list of words")
        values[key] = tuple(v.strip() for v in value)
    return Vocabulary(**values)


@cache
def builtin_vocabulary() -> Vocabulary:
    """Every language file shipped in ``audience/data/roles``, merged."""
    files = sorted(ROLES_DIR.glob("*.toml"))
    return Vocabulary().merged(*(read_vocabulary(f) for f in files))


def vocabulary_with(paths: Iterable[Path]) -> Vocabulary:
    return builtin_vocabulary().merged(*(read_vocabulary(Path(p)) for p in paths))
