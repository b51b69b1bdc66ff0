import pytest

from audience.geo import matches_region, normalize_location


@pytest.mark.parametrize(
    "text, country, city",
    [
        ("LDN", "GB", "London"),
        ("Manchester / remote", "GB", "Manchester"),
        ("London, UK", "GB", "London"),
        ("Dublin 2", "IE", "Dublin"),
        ("Kraków, Polska", "PL", "Kraków"),
        ("Based in Berlin", "DE", "Berlin"),
        ("Portland, OR", "US", "Portland"),
        ("🇮🇪", "IE", None),
        ("Bristol, England", "GB", "Bristol"),
    ],
)
def test_free_text_locations(text, country, city):
    place = normalize_location(text)
    assert place is not None and place.country == country
    assert place.city == city


@pytest.mark.parametrize("text", ["", None, "remote", "Earth", "the internet", "everywhere"])
def test_locations_that_say_nothing(text):
    assert normalize_location(text) is None


def test_regions():
    assert matches_region(normalize_location("Leeds"), ["UK"])
    assert matches_region(normalize_location("Cork"), ["UK & Ireland"])
    assert matches_region(normalize_location("Lyon, France"), ["Europe"])
    assert not matches_region(normalize_location("NYC"), ["UK", "Europe"])
    assert not matches_region(None, ["UK"])
