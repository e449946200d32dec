import pytest

from samling.programme.importer import ProgrammeParseError, parse

pytestmark = pytest.mark.unit


def items(result):
    return [item for day in result["days"] for item in day["items"]]


def test_parse_returns_the_programme_json_shape():
    result = parse("Møde\n\n10.00 Velkomst\n10.15-11.00 Oplæg v. Jens Hansen, KL\n")
    assert set(result) == {"title", "language", "timezone", "days"}
    assert result["language"] == "da"
    assert result["timezone"] == "Europe/Copenhagen"
    item = items(result)[1]
    assert {k: item[k] for k in ("start", "end", "approximate", "title", "kind", "track")} == {
        "start": "10:15", "end": "11:00", "approximate": False, "title": "Oplæg", "kind": "talk",
        "track": None}  # fmt: skip
    assert item["speakers"] == [{"name": "Jens Hansen", "role": "KL"}]
    assert item["source_lines"] == [3]
    for key in ("description", "subpoints", "notes", "unsure"):
        assert key in item


def test_parse_day_headings_open_days_with_dates_from_the_year():
    text = "Tirsdag den 3. maj\n09.00 Kaffe\n\nOnsdag den 4. maj\n09.00 Morgenmad\n"
    result = parse(text, year=2022)
    assert [(d["date"], d["label"]) for d in result["days"]] == [
        ("2022-05-03", "Tirsdag den 3. maj"), ("2022-05-04", "Onsdag den 4. maj")]  # fmt: skip


def test_parse_date_without_year_stays_null_with_label():
    result = parse("Netværksmøde den 7. september\n\n10.00 Velkomst\n12.00 Frokost\n")
    assert result["days"][0]["date"] is None
    assert result["days"][0]["label"] == "den 7. september"


def test_parse_times_starting_over_open_a_new_day():
    text = "09:00 – 10:00 Welcome\n13:00 – 16:00 Talks\n09:00 – 10:00 Coffee\n"
    assert [len(d["items"]) for d in parse(text)["days"]] == [2, 1]


def test_parse_title_and_speaker_on_lines_after_a_lone_time():
    text = (
        "Programme\n\n9:30 am – 9:45 am\nOpening remarks\nCllr Jane Doyle, Leader of the Council\n"
    )
    item = items(parse(text, language="en"))[0]
    assert (item["start"], item["end"], item["title"]) == ("09:30", "09:45", "Opening remarks")
    assert item["speakers"][0]["name"] == "Jane Doyle"


def test_parse_bullets_under_an_item_are_subpoints():
    text = "11.15-12.00 Gemensamma angelägenheter\n\n- Medlemsfrågor\n- Sponsorer\n\n12.00 Lunch\n"
    assert items(parse(text))[0]["subpoints"] == ["Medlemsfrågor", "Sponsorer"]


def test_parse_bulleted_contributors_are_speakers():
    text = "11.15 Paneldebat\nDeltagere:\n- Mette Frost, borgmester\n- Camilla Holt, KL\n"
    assert [s["name"] for s in items(parse(text))[0]["speakers"]] == ["Mette Frost", "Camilla Holt"]


def test_parse_untimed_sub_talks_become_items():
    text = (
        "14.00 Introduksjon til dagens tema\nv/ Gunnar Okstad, møteleder\n\n"
        "Etablering av en kunnskapssektor\nv/ Gunnar Bovim, rådgiver ved NTNU\n\n"
        "Samtale i etterkant\nDet åpnes for spørsmål\n\n15.00 Avslutning\n"
    )
    found = items(parse(text, language="nb"))
    assert [(i["start"], i["title"]) for i in found] == [
        ("14:00", "Introduksjon til dagens tema"), (None, "Etablering av en kunnskapssektor"),
        (None, "Samtale i etterkant"), ("15:00", "Avslutning")]  # fmt: skip
    assert found[2]["description"] == "Det åpnes for spørsmål"


def test_parse_parallel_tracks_marked():
    text = (
        "12.00 Lunch\n\nSpår A: Service\n13.00 Lanthandeln\n14.00 Vården\n\n"
        "Spår B: Turism\n13.00 Nya invånare\n14.00 Besöksnäring\n\n15.00 Fika\n"
    )
    found = items(parse(text, language="sv"))
    assert [i["track"] for i in found] == [None, "Spår A: Service", "Spår A: Service",
                                           "Spår B: Turism", "Spår B: Turism", None]  # fmt: skip
    assert len(parse(text)["days"]) == 1


def test_parse_day_moderator_kept_on_the_day():
    text = (
        "Onsdag 20 maj 2020\n\nModerator: Anna-Karin Lindqvist, Region Västerbotten\n\n09.00 Fika\n"
    )
    day = parse(text)["days"][0]
    assert day["moderators"][0]["name"] == "Anna-Karin Lindqvist"
    assert day["items"][0]["speakers"] == []


def test_parse_noise_left_out():
    text = (
        "Program\n10.00 Velkomst\n12.00 Frokost\n\nKontakt\nJens Hansen, jh@example.dk, 12 34 56 78\n"
        "\nMed venlig hilsen\nJesper Kjær\nSekretariatet\n"
    )
    found = items(parse(text, language="da"))
    assert [i["title"] for i in found] == ["Velkomst", "Frokost"]
    assert all(i["speakers"] == [] for i in found)


def test_parse_notes_kept_apart_from_description():
    text = "10.15-11.15 Separata samtal\n\nKaffe serveras i anslutning till denna punkts start.\n"
    assert items(parse(text))[0]["notes"] == [
        "Kaffe serveras i anslutning till denna punkts start."
    ]


def test_parse_programme_without_times_reads_its_list():
    text = "Dagsorden\n\n- Velkomst\n- Beretning v/ formanden\n- Valg\n- Eventuelt\n"
    found = items(parse(text, language="da"))
    assert [i["title"] for i in found] == [
        "Velkomst",
        "Beretning v/ formanden",
        "Valg",
        "Eventuelt",
    ]
    assert all(i["start"] is None for i in found)


@pytest.mark.parametrize("text", ["", "   \n\n", "\x00\x01\x02binary\x00"])
def test_parse_unreadable_input_raises_own_error(text):
    with pytest.raises(ProgrammeParseError):
        parse(text)


def test_parse_rejects_unknown_language_and_bad_year():
    with pytest.raises(ProgrammeParseError):
        parse("10.00 Velkomst", language="fi")
    with pytest.raises(ProgrammeParseError):
        parse("10.00 Velkomst", year=99999)


def test_parse_error_is_an_import_error_with_one_line():
    with pytest.raises(ImportError) as caught:
        parse("")
    assert "\n" not in str(caught.value)
