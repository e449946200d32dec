import pytest

from samling.programme.importer.times import parse_leading_time

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "start", "end", "rest"),
    [
        ("09.00 Velkomst", "09:00", None, "Velkomst"),
        ("9:00 Welcome", "09:00", None, "Welcome"),
        ("kl. 9 Start", "09:00", None, "Start"),
        ("Kl. 15 Kaffe", "15:00", None, "Kaffe"),
        ("0900: Frokost", "09:00", None, "Frokost"),
        ("kl 1300-1500 Årsmøte", "13:00", "15:00", "Årsmøte"),
        ("13.15-14.00 Innovation", "13:15", "14:00", "Innovation"),
        ("14.00 – 14.40 Upphandling", "14:00", "14:40", "Upphandling"),
        ("14.00 — 14.40 Upphandling", "14:00", "14:40", "Upphandling"),
        ("10.00 til 11.00 Oplæg", "10:00", "11:00", "Oplæg"),
        ("10.00 till 11.00 Föredrag", "10:00", "11:00", "Föredrag"),
        ("10.00 to 11.00 Talk", "10:00", "11:00", "Talk"),
        ("12-13 Lunch", "12:00", "13:00", "Lunch"),
        ("14.55-15 Pause", "14:55", "15:00", "Pause"),
        ("13-13.05 Velkommen", "13:00", "13:05", "Velkommen"),
        ("9:00 am - 10:30 am Welcome", "09:00", "10:30", "Welcome"),
        ("2 pm Talk", "14:00", None, "Talk"),
        ("12:30 pm – 1:30 pm Lunch", "12:30", "13:30", "Lunch"),
    ],
)
def test_time_formats_parse(text, start, end, rest):
    found = parse_leading_time(text)
    assert (found.start, found.end, found.rest) == (start, end, rest)
    assert not found.approximate


@pytest.mark.parametrize(
    "text",
    ["ca. 12.00 Lunsj", "Ca 22:00 Retur hotell", "09.30 ca: Upphämtning", "cirka 16 Slut",
     "omkring kl. 15 Kaffe", "approx. 17:00 Close", "10:00 – 10:30 (ca.) Pause"],
)  # fmt: skip
def test_time_approximate_marked(text):
    assert parse_leading_time(text).approximate


@pytest.mark.parametrize("text", ["19:00- Festmiddag", "22:00-Retur hotell", "18.00 – Middag"])
def test_time_open_range_has_no_end(text):
    found = parse_leading_time(text)
    assert found.end is None
    assert found.open_range


@pytest.mark.parametrize(
    "text",
    ["10 min. pause", "2021 Annual report", "23.10.21 Lørdag", "24. maj", "3-4 workshops",
     "1. november", "Velkommen kl. 10", "24.12 jul", ""],
)  # fmt: skip
def test_time_not_found_in_numbers_that_are_no_times(text):
    assert parse_leading_time(text) is None


def test_time_range_word_that_starts_the_title_is_kept():
    found = parse_leading_time("10.00 til lykke")
    assert (found.start, found.end, found.rest) == ("10:00", None, "til lykke")
