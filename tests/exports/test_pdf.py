import pytest
from django.urls import reverse
from django.utils import translation

from samling.events.models import EventContact
from samling.programme.models import Item, SpeakerRole
from samling.programme.queries import programme_for_event
from tests.factories import DayFactory, EventFactory, ItemFactory

from .helpers import INDUSTRIDAGEN, KL, SKELLEFTEA, fetch, pdf_text

pytestmark = pytest.mark.integration


def pdf_url(slug):
    return reverse("public:programme-pdf", kwargs={"slug": slug})


def test_skelleftea_pdf_has_every_title_speaker_and_contact(client, skelleftea):
    response = fetch(client, pdf_url(SKELLEFTEA))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{SKELLEFTEA}-programme.pdf"'
    text, reader = pdf_text(response.content)
    assert 2 <= len(reader.pages) <= 4
    assert "Svenska industrikommuner" in text  # the network
    assert "Innovationsmötet med Svenska industrikommuner" in text
    assert "25 november 2021 09.00 – 26 november 2021 13.00" in text
    assert "The Wood Hotel" in text and "Torggatan 3, Skellefteå" in text
    titles = Item.objects.filter(day__event=skelleftea).values_list("title", flat=True)
    assert len(titles) == 18
    for title in titles:
        assert " ".join(title.split()) in text, title
    for name in SpeakerRole.objects.filter(item__day__event=skelleftea).values_list(
        "person__name", flat=True
    ):
        assert name in text, name
    for time in ("ca. 09.30", "13.15–14.00", "12.00–13.00"):
        assert time in text
    # Contacts close the programme.
    contacts = [c.name for c in EventContact.objects.filter(event=skelleftea)]
    assert contacts == [
        "Johan Scherlin",
        "Christer Asplund",
        "Catharina Fredriksson",
        "The Wood Hotel",
    ]
    assert text.index("Johan Scherlin") > text.index("Gemensamma angelägenheter")
    assert "070-919 71 35" in text


def test_pdf_is_a4_in_the_event_language_with_page_numbers_and_embedded_fonts(client, skelleftea):
    text, reader = pdf_text(fetch(client, pdf_url(SKELLEFTEA)).content)
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert reader.metadata.title.startswith("Innovationsmötet med Svenska industrikommuner")
    assert reader.metadata.author == "Svenska industrikommuner"
    assert "Program" in text and "Kontaktuppgifter" in text
    pages = len(reader.pages)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert f"Page {pages} of {pages}" in text or f"Sida {pages} av {pages}" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor") or font["/DescendantFonts"][0]["/FontDescriptor"]
            )
            descriptor = descriptor.get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert "DejaVu-Sans" in fonts and "DejaVu-Sans-Bold" in fonts


def test_pdf_interface_follows_the_chosen_language(client, skelleftea):
    text, reader = pdf_text(fetch(client, pdf_url(SKELLEFTEA), lang="en").content)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Contacts" in text and "Kontaktuppgifter" not in text
    assert "Separata samtal mellan KSO-er" in text  # the content keeps its own language
    assert "Page 1 of" in text


def test_kl_pdf_is_danish_with_speakers_and_both_tracks(client, kl_event):
    text, reader = pdf_text(fetch(client, pdf_url(KL)).content)
    assert reader.trailer["/Root"]["/Lang"] == "da"
    assert "30. september 2020 kl. 12.30–15.30" in text
    assert "Microsoft Teams" in text
    for words in (
        "Jacob Becker-Christensen",
        "Magnus Skovrind Pedersen",
        "Gruppedrøftelse: innovation",
        "Gruppedrøftelse: landdistriktsindsatsen",
    ):
        assert words in text
    assert "teams.microsoft.com" not in text


def test_pdf_sets_parallel_tracks_side_by_side(kl_event):
    from samling.exports import pdf

    HTML, _CSS, font_config, layout, _fetcher = pdf._weasy()
    with translation.override("da"):
        html = pdf.programme_html(kl_event, programme_for_event(kl_event))
    document = HTML(string=html).render(stylesheets=[layout], font_config=font_config)

    def boxes(box):
        yield box
        for child in getattr(box, "children", []):
            yield from boxes(child)

    sessions = [
        box
        for page in document.pages
        for box in boxes(page._page_box)
        if getattr(box, "element", None) is not None
        and "session" in (box.element.get("class") or "").split()
    ]
    assert len(sessions) == 2
    left, right = sessions
    assert left.position_y == right.position_y
    assert right.position_x >= left.position_x + left.width


def test_pdf_is_made_once_and_again_after_a_change(
    client, skelleftea, django_assert_max_num_queries
):
    first = fetch(client, pdf_url(SKELLEFTEA)).content
    with django_assert_max_num_queries(1):
        again = fetch(client, pdf_url(SKELLEFTEA)).content
    assert again == first
    item = Item.objects.get(day__event=skelleftea, title="Kaffepaus")
    item.title = "Eftermiddagsfika"
    item.save()
    text, _reader = pdf_text(fetch(client, pdf_url(SKELLEFTEA)).content)
    assert "Eftermiddagsfika" in text and "Kaffepaus" not in text


def test_programme_pdf_function_shares_the_view_cache(client, skelleftea):
    from samling.exports.pdf import programme_pdf

    served = fetch(client, pdf_url(SKELLEFTEA)).content
    with translation.override("sv"):
        assert programme_pdf(skelleftea) == served


def test_pdf_not_found_for_unpublished_event_or_without_programme(client, demo):
    event = EventFactory(is_published=False)
    ItemFactory(day=DayFactory(event=event))
    assert client.get(pdf_url(event.slug)).status_code == 404
    assert client.get(pdf_url(INDUSTRIDAGEN)).status_code == 404
