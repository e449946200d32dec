import pytest

from samling.programme.importer import detect_language
from samling.programme.importer.language import timezone_for

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Kom og vær med når vi samler borgmestre. 11.00 Velkomst. 11.10 Oplæg af direktøren. "
            "Hvad gør vi efter frokost?",
            "da",
        ),
        ("Vi möts för att bearbeta innovationsfrågorna. 12.00 Lunch och fika för alla.", "sv"),
        (
            "Kunnskapssektoren skal sette fart på samarbeidet. 12.15 Lunsj. Hva skjer etter "
            "pausen? Innlegg av ordføreren.",
            "nb",
        ),
        ("Welcome to the general assembly. 11:00 Coffee break and the lunch of the day.", "en"),
        ("", "en"),
    ],
)
def test_language_detected(text, language):
    assert detect_language(text) == language


def test_language_detection_returns_one_of_four_for_finnish():
    assert detect_language("Tervetuloa kuntapäiville! Ohjelma: 9.00 Kahvi ja ilmoittautuminen") in {
        "da", "sv", "nb", "en"}  # fmt: skip


def test_timezone_from_nordic_place_over_language():
    assert timezone_for("Welcome to Ås/NMBU", "en") == "Europe/Oslo"
    assert timezone_for("Mötet hålls i Arendal", "sv") == "Europe/Oslo"
    assert timezone_for("Welcome", "en") == "Europe/London"
    assert timezone_for("Velkommen", "da") == "Europe/Copenhagen"
