import pytest

from samling.programme.importer.speakers import speaker_line, split_title

pytestmark = pytest.mark.unit


def people(found):
    return [(s.name, s.role) for s in found]


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Oplæg v. Mads Sørensen, Borgmester i Varde Kommune", "Oplæg",
         [("Mads Sørensen", "Borgmester i Varde Kommune")]),
        ("Erfaringer v. professor Jacob Torfing", "Erfaringer", [("Jacob Torfing", "professor")]),
        ("Velkommen ved Monica Henriksen-Toset, styreleder", "Velkommen",
         [("Monica Henriksen-Toset", "styreleder")]),
        ("Debat med Jens Hansen og Mette Holm", "Debat", [("Jens Hansen", None), ("Mette Holm", None)]),
        ("Collaboration session with ICEBERG and ILLUQ with Arja Rautio",
         "Collaboration session with ICEBERG and ILLUQ", [("Arja Rautio", None)]),
        ("Valg v/valgkomiteen", "Valg", [("valgkomiteen", None)]),
        ("Status v/Valgdirektoratet", "Status", [("Valgdirektoratet", None)]),
        ("Beretning ved formanden", "Beretning ved formanden", []),
        ("Annual report – Peter Hall, Secretary General", "Annual report",
         [("Peter Hall", "Secretary General")]),
        ("Maria Eriksson, Næringsdepartementet, Sverige", None,
         [("Maria Eriksson", "Næringsdepartementet, Sverige")]),
        ("Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum",
         "Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum", []),
        ("Information by the European Commission / Project Officer",
         "Information by the European Commission / Project Officer", []),
        ("Lunch with the mayor", "Lunch with the mayor", []),
    ],
)  # fmt: skip
def test_speaker_attribution_split_from_title(text, title, expected):
    found_title, found = split_title(text)
    assert found_title == title
    assert people(found) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("v/ Jon Gunnes, medlem av Foreningen Nordens landsstyre",
         [("Jon Gunnes", "medlem av Foreningen Nordens landsstyre")]),
        ("Kim Haggren, vicedirektør Dansk Industri", [("Kim Haggren", "vicedirektør Dansk Industri")]),
        ("Sverker Lindblad och Lisa Hörnström", [("Sverker Lindblad", None), ("Lisa Hörnström", None)]),
        ("Ellen Heldahl, Klas Danerlov, mötesdeltagarna och moderator Christer Asplund.",
         [("Ellen Heldahl", None), ("Klas Danerlov", None), ("Christer Asplund", "moderator")]),
        ("Klas Danerlov, samordnare för innovationsfrågor, om hur SKR stödjer arbetet.",
         [("Klas Danerlov", "samordnare för innovationsfrågor")]),
        ("Karin Bodin, Koncern-VD Polarbröd i Älvsbyn har i dramatisk mening lett en omstart.",
         [("Karin Bodin", "Koncern-VD Polarbröd i Älvsbyn")]),
        ("Torunn Vik, forsker ved Nordlandsforskning, og Erlend Sund, KS",
         [("Torunn Vik", "forsker ved Nordlandsforskning"), ("Erlend Sund", "KS")]),
        ("Marie Fossum Strannegård, VD IVL, Svenska Miljöinstitutet",
         [("Marie Fossum Strannegård", "VD IVL, Svenska Miljöinstitutet")]),
    ],
)  # fmt: skip
def test_speaker_lines_read(line, expected):
    assert people(speaker_line(line)) == expected


def test_speaker_label_gives_role_and_function():
    found = speaker_line("Middagstalare: Peter J. Burman, chef Boliden. Om industrin.")
    assert people(found) == [("Peter J. Burman", "Middagstalare; chef Boliden")]
    assert found[0].as_dict()["function"] == "dinner_speaker"


def test_speaker_host_function_from_role():
    found = speaker_line(
        "Kristina Sundin Jonsson, kommundirektör (kvällens värd) hälsar välkommen."
    )
    assert found[0].as_dict()["function"] == "host"


@pytest.mark.parametrize(
    "line",
    ["Moderator leder samtalen.", "Det åpnes opp for spørsmål fra salen", "Study Sites Update",
     "Strategic Planning", "Medlemsfrågor", "Förslagen är många. Men vad anser vi?"],
)  # fmt: skip
def test_speaker_not_found_in_ordinary_lines(line):
    assert speaker_line(line) == []
