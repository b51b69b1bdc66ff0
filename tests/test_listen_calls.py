"""Reading the contact centre's volumes CSV: what real exports throw at it, read or refused
with the file, line and column named."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audience.calls import read_calls, save_calls, stored_calls
from audience.errors import InputError
from tests.conftest import EXAMPLES


def write(tmp_path, text, name="volumes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_european_file_with_semicolons_and_decimal_commas(tmp_path):
    path = write(
        tmp_path,
        "# timezone: Europe/Paris\n"
        "date;appels;prévision\n"
        "2026-10-01;1.234;1.300,5\n"
        "2026-10-02;987;1.000\n",
    )
    volumes = read_calls(path)
    assert volumes.timezone == "Europe/Paris"
    assert volumes.series["appels"] == {date(2026, 10, 1): 1234.0, date(2026, 10, 2): 987.0}
    assert volumes.series["prévision"][date(2026, 10, 1)] == 1300.5
    assert volumes.forecast == ["prévision"]
    assert volumes.volume_columns == ["appels"]


def test_english_thousands_in_quotes_and_spaces(tmp_path):
    path = write(
        tmp_path,
        'date,calls,forecast\n2026-10-01,"1,234","1,300.5"\n2026-10-02,"12 345",900\n',
    )
    volumes = read_calls(path, timezone="Europe/London")
    assert volumes.series["calls"] == {date(2026, 10, 1): 1234.0, date(2026, 10, 2): 12345.0}


def test_ambiguous_thousands_are_refused_unless_the_mark_is_given(tmp_path):
    path = write(tmp_path, 'date,calls\n2026-10-01,"1,234"\n2026-10-02,"2,345"\n')
    with pytest.raises(InputError) as caught:
        read_calls(path, timezone="UTC")
    assert caught.value.position == "line 2, column 'calls'"
    assert "--decimal" in caught.value.problem
    assert read_calls(path, timezone="UTC", decimal=".").series["calls"][date(2026, 10, 2)] == 2345


def test_contradictory_number_formats_are_refused(tmp_path):
    path = write(tmp_path, "date;calls\n2026-10-01;1.234,5\n2026-10-02;1,234.5\n")
    with pytest.raises(InputError, match="mixed number formats") as caught:
        read_calls(path, timezone="UTC")
    assert caught.value.position == "line 3, column 'calls'"


def test_duplicated_dates_are_refused_naming_both_lines(tmp_path):
    path = write(tmp_path, "date,calls\n2026-10-01,5\n2026-10-02,6\n2026-10-01,7\n")
    with pytest.raises(InputError, match="already on line 2") as caught:
        read_calls(path, timezone="UTC")
    assert caught.value.position == "line 4, column 'date'"


def test_missing_days_and_blank_cells_are_reported_not_zero(tmp_path):
    path = write(tmp_path, "date,calls\n2026-10-01,5\n2026-10-02,\n2026-10-05,7\n")
    volumes = read_calls(path, timezone="UTC")
    assert volumes.series["calls"][date(2026, 10, 2)] is None
    assert any("2 day(s) missing (2026-10-03, 2026-10-04)" in w for w in volumes.warnings)
    assert any("1 blank cell" in w for w in volumes.warnings)


def test_a_bad_number_names_line_and_column(tmp_path):
    path = write(tmp_path, "date,calls,notes\n2026-10-01,5,quiet\n2026-10-02,6x,busy\n")
    with pytest.raises(InputError, match="'6x' is not a number") as caught:
        read_calls(path, timezone="UTC")
    assert caught.value.position == "line 3, column 'calls'"


def test_a_column_of_words_is_left_out(tmp_path):
    path = write(tmp_path, "date,calls,notes\n2026-10-01,5,quiet\n2026-10-02,6,busy\n")
    assert list(read_calls(path, timezone="UTC").series) == ["calls"]


def test_no_timezone_is_refused_and_conflicts_too(tmp_path):
    path = write(tmp_path, "date,calls\n2026-10-01,5\n")
    with pytest.raises(InputError, match="no timezone"):
        read_calls(path)
    stated = write(tmp_path, "# timezone: Europe/London\ndate,calls\n2026-10-01,5\n", "b.csv")
    with pytest.raises(InputError, match="says timezone Europe/London") as caught:
        read_calls(stated, timezone="Europe/Paris")
    assert caught.value.position == "line 1"
    unknown = write(tmp_path, "# timezone: Mars/Olympus\ndate,calls\n2026-10-01,5\n", "c.csv")
    with pytest.raises(InputError, match="unknown timezone"):
        read_calls(unknown)


def test_a_configured_zone_applies_only_when_the_file_states_none(tmp_path):
    plain = write(tmp_path, "date,calls\n2026-10-01,5\n")
    assert read_calls(plain, default_timezone="Europe/Madrid").timezone == "Europe/Madrid"
    stated = write(tmp_path, "# timezone: Europe/London\ndate,calls\n2026-10-01,5\n", "s.csv")
    assert read_calls(stated, default_timezone="Europe/Madrid").timezone == "Europe/London"


def test_timezone_in_the_date_header_and_day_first_dates(tmp_path):
    path = write(tmp_path, "Date (Europe/Dublin),Calls\n28/09/2026,5\n01/10/2026,6\n")
    volumes = read_calls(path)
    assert volumes.timezone == "Europe/Dublin"
    assert sorted(volumes.series["Calls"]) == [date(2026, 9, 28), date(2026, 10, 1)]


def test_slashed_dates_that_cannot_be_told_apart_are_refused(tmp_path):
    path = write(tmp_path, "date,calls\n03/04/2026,5\n04/05/2026,6\n")
    with pytest.raises(InputError, match="day/month or month/day"):
        read_calls(path, timezone="UTC")


def test_hourly_rows_are_summed_into_days(tmp_path):
    path = write(
        tmp_path,
        "datetime,calls\n2026-10-01 09:00,5\n2026-10-01 10:00,7\n2026-10-02 09:00,3\n",
    )
    volumes = read_calls(path, timezone="UTC")
    assert volumes.hourly
    assert volumes.series["calls"] == {date(2026, 10, 1): 12, date(2026, 10, 2): 3}


def test_malformed_csv_names_the_line(tmp_path):
    path = write(tmp_path, 'date,calls\n2026-10-01,5\n2026-10-02,"6\n')
    with pytest.raises(InputError) as caught:
        read_calls(path, timezone="UTC")
    assert caught.value.position.startswith("line")


def test_the_bundled_example_reads_with_its_decimal_mark(store):
    path = EXAMPLES / "calls" / "volumes.csv"
    with pytest.raises(InputError, match="--decimal"):
        read_calls(path)  # only '1.385'-like cells: thousands or decimals cannot be told
    volumes = read_calls(path, decimal=",")
    assert volumes.timezone == "Europe/London"
    assert len(volumes.days) == 56 and volumes.forecast == ["calls forecast"]
    assert save_calls(store, volumes) == 112
    again = stored_calls(store)
    assert again.series == volumes.series and again.forecast == volumes.forecast


def _formatted(value: float, european: bool) -> str:
    text = f"{value:,.2f}"
    return text.translate(str.maketrans(",.", ".,")) if european else text


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=20),
    european=st.booleans(),
)
def test_numbers_in_either_format_read_back_exactly(tmp_path_factory, values, european):
    folder = tmp_path_factory.mktemp("calls")
    delimiter = ";" if european else ","
    lines = ["# timezone: UTC", f"date{delimiter}calls"]
    for n, cents in enumerate(values):
        cell = _formatted(cents / 100, european)
        cell = cell if european else f'"{cell}"'
        lines.append(f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}{delimiter}{cell}")
    path = folder / "v.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_calls(path)
    assert sorted(read.series["calls"].values()) == sorted(c / 100 for c in values)
