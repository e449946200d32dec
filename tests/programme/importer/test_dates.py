import pytest

from samling.programme.importer.dates import find_dates, find_day_number, resolve

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "year_hint", "expected"),
    [
        ("25 november - DAG 1", 2021, "2021-11-25"),
        ("Dag 2 – fredag 26. november", 2021, "2021-11-26"),
        ("Tirsdag den 3. maj", 2022, "2022-05-03"),
        ("Lørdag 23.10.21", None, "2021-10-23"),
        ("Onsdag 20 maj 2020", None, "2020-05-20"),
        ("Monday, 12 June 2023", None, "2023-06-12"),
        ("Thursday, September 7th 2023", None, "2023-09-07"),
        ("lørd. 1. november", 2014, "2014-11-01"),
        ("den 24. maj", None, None),
        ("torsdag 18. januar 2024", None, "2024-01-18"),
        ("2024-03-14", None, "2024-03-14"),
    ],
)
def test_date_phrases_resolve(line, year_hint, expected):
    phrase = find_dates(line)[0]
    assert resolve(phrase, year_hint) == expected


def test_date_weekday_corrects_a_hinted_year():
    # A January programme published in December: the weekday picks the next year.
    phrase = find_dates("Fredag 10. januar")[0]
    assert resolve(phrase, 2019) == "2020-01-10"


def test_date_range_keeps_its_second_day():
    phrase = find_dates("Skellefteå 25 – 26 november 2021")[0]
    assert (phrase.day, phrase.day2, phrase.year) == (25, 26, 2021)


@pytest.mark.parametrize("line", ["12.00-15.15", "kl. 10.30", "10 min. pause", "Sal 12/5"])
def test_date_not_found_in_times(line):
    assert find_dates(line) == []


@pytest.mark.parametrize(
    ("line", "number"), [("DAG 1", 1), ("Dag 2 – fredag", 2), ("Day 3", 3), ("Andra dagen", 2)]
)
def test_date_day_numbers_read(line, number):
    assert find_day_number(line) == number
