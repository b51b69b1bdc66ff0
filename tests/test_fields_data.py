"""The field vocabularies in audience/data/fields: well-formed, and they tell a practitioner of
the field (who never writes the user's keyword) from an off-industry account."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from audience.prune import FIELDS_DIR, TopicMatcher, _sound, _words, generic_topic_words

FIELD_FILES = sorted(FIELDS_DIR.glob("*.toml"))


def load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_there_are_many_fields():
    assert len(FIELD_FILES) >= 18


@pytest.mark.parametrize("path", FIELD_FILES, ids=lambda p: p.stem)
def test_field_file_shape(path: Path):
    data = load(path)
    assert set(data) == {"triggers", "words"}, path.name
    for key in ("triggers", "words"):
        entries = data[key]
        assert isinstance(entries, list) and entries, f"{path.name}: {key} is empty"
        for entry in entries:
            assert isinstance(entry, str) and entry.strip(), f"{path.name}: bad {key} {entry!r}"
            assert _words(entry), f"{path.name}: {key} {entry!r} has no letters to match"


@pytest.mark.parametrize("path", FIELD_FILES, ids=lambda p: p.stem)
def test_field_file_starts_with_a_comment_naming_the_field(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 10, path.name


@pytest.mark.parametrize("path", FIELD_FILES, ids=lambda p: p.stem)
def test_no_generic_words(path: Path):
    data = load(path)
    for entry in data["triggers"] + data["words"]:
        folded = _sound(" ".join(_words(entry)))
        assert folded not in generic_topic_words(), f"{path.name}: {entry!r} is a generic word"


@pytest.mark.parametrize("path", FIELD_FILES, ids=lambda p: p.stem)
def test_no_repeated_entries(path: Path):
    data = load(path)
    for key in ("triggers", "words"):
        folded = [entry.strip().lower() for entry in data[key]]
        repeats = sorted({entry for entry in folded if folded.count(entry) > 1})
        assert not repeats, f"{path.name}: {key} repeated: {repeats}"


@pytest.mark.parametrize("path", FIELD_FILES, ids=lambda p: p.stem)
def test_every_trigger_and_word_can_match(path: Path):
    """A trigger written as a topic switches the field on, and every trade word, written in a
    bio, is then on topic: no entry is dead."""
    data = load(path)
    for trigger in data["triggers"]:
        assert TopicMatcher(data["triggers"], fields=False).terms(trigger), (path.name, trigger)
    matcher = TopicMatcher([data["triggers"][0]])
    for word in data["words"]:
        assert matcher.terms(word), f"{path.name}: {word!r} never matches"


def test_readme_lists_every_field():
    readme = (FIELDS_DIR / "README.md").read_text(encoding="utf-8")
    for path in FIELD_FILES:
        assert f"`{path.name}`" in readme, path.name


# (topics, practitioner bios in two languages, off-industry bios)
PRACTITIONERS = {
    "telecom": (
        ["telecoms"],
        [
            "Técnico de fibra óptica, despliegue de banda ancha en Andalucía",
            "Projektleiterin Glasfaserausbau bei einem regionalen Netzbetreiber",
        ],
        [
            "Pastry chef, cake lover and food blogger in Leeds",
            "Ich telefoniere gern und lese viel. Mutter von zwei Kindern.",
        ],
    ),
    "healthcare": (
        ["healthcare"],
        [
            "Infirmière aux urgences, hôpital Édouard Herriot, Lyon",
            "Pielęgniarka w szpitalu wojewódzkim. Mama dwójki dzieci.",
        ],
        [
            "Head of digital marketing at a software company",
            "Specjalistka ds. PR. Kolejny projekt w drodze, mam nowe urządzenia.",
        ],
    ),
    "agriculture": (
        ["agriculture"],
        [
            "Melkveehouder in Friesland, 120 koeien en een robot",
            "Αγρότης και κτηνοτρόφος στη Θεσσαλία",
        ],
        [
            "Lawyer specialised in intellectual property and data protection",
            "Υπεύθυνη επικοινωνίας. Αγαπώ το τραπέζι με φίλους.",
        ],
    ),
    "public_sector": (
        ["local government"],
        [
            "Concejala de Cultura en el Ayuntamiento de Getafe",
            "Kommunalråd i Uppsala. Pappa och löpare.",
        ],
        [
            "Jornalista e assessora de imprensa. Apaixonada por livros.",
            "Community builder and brand strategist",
        ],
    ),
    "public_relations": (
        ["public relations"],
        [
            "Head of comms at a teaching hospital. Media relations, crisis comms.",
            "Jefa de prensa en una aseguradora. Madrid.",
        ],
        [
            "Public transport nerd. Trams, buses, timetables.",  # "public" alone is anyone's
            "Lawyer specialised in intellectual property and data protection",
        ],
    ),
}


@pytest.mark.parametrize("field", sorted(PRACTITIONERS))
def test_practitioners_are_on_topic_and_others_are_not(field: str):
    topics, practitioners, others = PRACTITIONERS[field]
    matcher = TopicMatcher(topics)
    without_fields = TopicMatcher(topics, fields=False)
    for bio in practitioners:
        assert matcher.terms(bio) == {f"{field.replace('_', ' ')} (trade words)"}, bio
        # The user's own keyword is not in the bio: only the field's words find it.
        assert not without_fields.terms(bio), bio
    for bio in others:
        assert not matcher.terms(bio), bio


def test_a_field_stays_off_when_no_topic_names_it():
    bio = "Técnico de fibra óptica, despliegue de banda ancha en Andalucía"
    assert not TopicMatcher(["agriculture"]).terms(bio)
