import pytest

from samling.programme.importer.kinds import classify

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Registration – coffee", "other"),
        ("Kaffe og registrering", "other"),
        ("Dørene åbnes", "other"),
        ("Kaffepaus", "break"),
        ("10 min. pause", "break"),
        ("Fika", "break"),
        ("Coffee break", "break"),
        ("Let frokost", "meal"),
        ("Gemensam middag på hotellet", "meal"),
        ("Lunsj", "meal"),
        ("Servering av mat og drikke", "meal"),
        ("Lunch and networking", "meal"),
        ("Velkomst", "welcome"),
        ("Välkommen och inledning", "welcome"),
        ("Welcome to Ås/NMBU", "welcome"),
        ("Introduksjon til dagens tema", "talk"),
        ("Avslutning", "closing"),
        ("Tak for i dag", "closing"),
        ("Opsamling og næste skridt", "closing"),
        ("Wrap-up and Discussion", "closing"),
        ("Besøg på rensningsanlægget", "excursion"),
        ("Studiebesök i bygden med buss", "excursion"),
        ("Bussen avgår från hotellet", "transport"),
        ("Hjemreise", "transport"),
        ("Retur hotell", "transport"),
        ("Gruppearbejde", "group_work"),
        ("Short communication workshop", "group_work"),
        ("Opsamling fra grupperne", "group_work"),
        ("Mingel", "networking"),
        ("Coffee and mingling", "networking"),
        ("Forfriskning og netværk", "networking"),
        ("Årsmøteforhandlinger", "business"),
        ("Generalforsamling", "business"),
        ("Förbundsfullmäktiges sammanträde", "business"),
        ("Valg", "business"),
        ("Paneldebat: Hvem betaler?", "panel"),
        ("Panel: The future of rural transport", "panel"),
        ("Dialog", "panel"),
        ("Samtale i etterkant av presentasjonene", "panel"),
        ("Spørsmål og diskusjon", "other"),
        ("Oplæg", "talk"),
        ("Aktuelt i Foreningen Norden", "talk"),
    ],
)
def test_kind_from_words(title, kind):
    assert classify(title) == kind


def test_kind_panel_from_moderated_description():
    assert classify("Årets tema", "Moderator leder samtalen.") == "panel"
