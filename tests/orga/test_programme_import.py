import datetime as dt
import io
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samling.events.models import Event
from samling.programme.models import Item
from samling.programme.queries import programme_for_event
from tests.factories import PASSWORD, EventFactory, TeamMembershipFactory
from tests.programme.test_importing import SEED_TEXT, SKELLEFTEA_TIMES, skelleftea_event

pytestmark = pytest.mark.integration

SHORT_TEXT = "Dag 1\n\n09.00 Välkommen\n\n10.00-11.00 Föredrag\nAnna Berg, VD, Bolaget AB\n"


def _url(event) -> str:
    return reverse("orga:programme-import", args=[event.slug])


@pytest.fixture
def organiser(client, db):
    membership = TeamMembershipFactory()
    client.force_login(membership.user)
    return membership


@pytest.fixture
def event(organiser):
    return skelleftea_event(network=organiser.network)


def _preview(client, event, text=SEED_TEXT, **extra):
    data = {"step": "preview", "text": text, "language": "sv", "year": "2027", **extra}
    return client.post(_url(event), data)


def _post_data(response, **changes) -> dict:
    """What the browser sends back from the preview page, with `changes` ("0-title": ...)."""
    formset, confirm = response.context["formset"], response.context["confirm"]
    data = {"step": "create"}
    for name, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{name}"] = value
    for form in [*formset.forms, confirm]:
        for field in form:
            if field.name == "DELETE":
                continue
            value = field.value()
            if value is None or value is False:
                continue
            if isinstance(value, dt.time):
                value = value.strftime("%H:%M")
            data[field.html_name] = "on" if value is True else str(value)
    for key, value in changes.items():
        name = f"{formset.prefix}-{key}" if key[0].isdigit() else key
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def test_import_screen_needs_a_login(client, db):
    event = EventFactory()
    response = client.get(_url(event))
    assert response.status_code == 302
    assert response["Location"].startswith("/orga/login/")


def test_import_screen_of_another_networks_event_is_not_found(client, organiser):
    other = skelleftea_event()
    assert client.get(_url(other)).status_code == 404
    assert _preview(client, other).status_code == 404
    assert client.post(_url(other), {"step": "create"}).status_code == 404
    assert not Item.objects.filter(day__event=other).exists()


def test_event_organiser_needs_to_be_given_the_event(client, db):
    membership = TeamMembershipFactory(role="organiser")
    event = skelleftea_event(network=membership.network)
    client.force_login(membership.user)
    assert client.get(_url(event)).status_code == 404
    event.organisers.add(membership.user)
    assert client.get(_url(event)).status_code == 200


def test_event_page_links_to_the_import_screen(client, event):
    html = client.get(reverse("orga:event", args=[event.slug])).content.decode()
    assert _url(event) in html


def test_step_one_offers_text_file_language_and_year(client, event):
    html = client.get(_url(event)).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert '<textarea name="text"' in html and 'type="file"' in html
    assert '<option value="sv" selected>' in html
    assert 'name="year" value="2027"' in html
    assert "orga-import.css" in html and "style=" not in html and "<script" not in html


def test_pasting_the_seed_shows_sixteen_items_beside_the_source_lines(client, event):
    response = _preview(client, event)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["item_count"] == 16
    assert len(re.findall(r'<fieldset id="item-\d+" class="import-item', html)) == 17  # + 1 to add
    assert "Välkommen och inledning" in html
    # Every source line is shown, numbered as in the text.
    assert len(re.findall(r'<li id="line-\d+"', html)) == len(SEED_TEXT.split("\n"))
    # Line 18 (the guided tour) and the contact block were not used: marked, with a word.
    guided = re.search(r'<li id="line-18" value="18" class="([^"]+)">(.*?)</li>', html, re.S)
    assert "source-line--unused" in guided.group(1) and "Not used" in guided.group(2)
    contact = re.search(r'<li id="line-93" value="93" class="([^"]+)"', html)
    assert "source-line--unused" in contact.group(1)
    # Lines of items the importer guessed at are marked too, and link to their item.
    unsure = re.search(r'<li id="line-33" value="33" class="([^"]+)">(.*?)</li>', html, re.S)
    assert "source-line--unsure" in unsure.group(1) and 'href="#item-5"' in unsure.group(2)
    # The day headings are not "unused".
    heading = re.search(r'<li id="line-16" value="16" class="([^"]+)"', html)
    assert "source-line--heading" in heading.group(1)
    assert response.context["unused_count"] > 0
    # The source text travels with the form, so the preview can be shown again.
    assert 'type="hidden" name="text"' in html


def test_the_preview_fills_in_times_kinds_and_speakers(client, event):
    response = _preview(client, event)
    forms = response.context["formset"].forms[:16]
    assert [
        (f.initial["start"], f.initial["end"], f.initial["approximate"], f.initial["kind"])
        for f in forms
    ] == SKELLEFTEA_TIMES
    assert (
        forms[6].initial["speakers"] == "Ellen Heldahl\nKlas Danerlov\nChrister Asplund, moderator"
    )
    assert forms[0].initial["day"] == dt.date(2027, 11, 25)
    assert forms[11].initial["day"] == dt.date(2027, 11, 26)


def test_creating_the_programme_from_the_preview(client, event):
    preview = _preview(client, event)
    response = client.post(_url(event), _post_data(preview))
    assert response.status_code == 302
    assert response["Location"] == reverse("orga:event", args=[event.slug])
    days = programme_for_event(event)
    items = [item for day in days for item in day.items]
    assert len(days) == 2 and len(items) == 16
    assert [
        (
            i.start_time.strftime("%H:%M"),
            i.end_time and i.end_time.strftime("%H:%M"),
            i.approximate,
            i.kind,
        )
        for i in items
    ] == SKELLEFTEA_TIMES
    dialog = items[6]
    assert [(r.person.name, r.function) for r in dialog.roles.all()] == [
        ("Ellen Heldahl", "speaker"),
        ("Klas Danerlov", "speaker"),
        ("Christer Asplund", "moderator"),
    ]
    assert items[14].agenda_points()[0] == "Medlemsfrågor"
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["The programme was created with 16 items."]


def test_corrections_in_the_form_are_saved(client, event):
    preview = _preview(client, event)
    data = _post_data(
        preview,
        **{
            "0-title": "Bussen går från hotellet",
            "0-end": "09:30",
            "1-DELETE": "on",
            "2-speakers": "Eva Lind, kock\nOla Berg",
            "2-track": "Spor A",
            "16-day": "2027-11-26",
            "16-start": "10:00",
            "16-title": "Ny punkt",
            "16-kind": "other",
        },
    )
    assert client.post(_url(event), data).status_code == 302
    items = Item.objects.filter(day__event=event).select_related("day", "track")
    assert items.count() == 16  # one left out, one added
    first = items.get(start_time=dt.time(9, 0), day__date=dt.date(2027, 11, 25))
    assert (first.title, first.end_time) == ("Bussen går från hotellet", dt.time(9, 30))
    assert not items.filter(start_time=dt.time(9, 30), day__date=dt.date(2027, 11, 25)).exists()
    lunch = items.get(start_time=dt.time(12, 0), day__date=dt.date(2027, 11, 25))
    assert [(r.person.name, r.role_text) for r in lunch.roles.all()] == [
        ("Eva Lind", "kock"),
        ("Ola Berg", ""),
    ]
    assert lunch.track.name == "Spor A"
    added = items.get(title="Ny punkt")
    # An added item takes its place by time among the day's items.
    day_two = list(items.filter(day__date=dt.date(2027, 11, 26)).order_by("position"))
    assert [i.title for i in day_two].index("Ny punkt") == 2
    assert added.kind == "other"


def test_an_invalid_item_shows_the_preview_again_with_the_source(client, event):
    preview = _preview(client, event)
    data = _post_data(preview, **{"4-start": "14:30", "4-end": "14:00", "5-title": ""})
    response = client.post(_url(event), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "The item must end after it starts." in html
    assert "This field is required." in html
    assert "import-item--error" in html
    # The source lines are still there, with their markers.
    assert len(re.findall(r'<li id="line-\d+"', html)) == len(SEED_TEXT.split("\n"))
    assert "source-line--heading" in html and "source-line--unused" in html
    assert not Item.objects.filter(day__event=event).exists()


def test_replacing_a_programme_needs_the_checkbox(client, demo):
    event = Event.objects.get(slug="innovationsmotet-skelleftea-2027")
    before = Item.objects.filter(day__event=event).count()
    assert before
    client.post(
        "/orga/login/", {"username": "admin@industrikommuner.demo", "password": "samling-demo"}
    )
    first = client.get(_url(event)).content.decode()
    assert "already has a programme" in first
    preview = _preview(client, event)
    html = preview.content.decode()
    assert f"This event already has a programme with {before} items." in html
    assert 'name="replace"' in html
    refused = client.post(_url(event), _post_data(preview))
    assert refused.status_code == 200
    assert "Tick “Replace the existing programme”" in refused.content.decode()
    response = client.post(_url(event), _post_data(preview, replace="on"))
    assert response.status_code == 302
    items = Item.objects.filter(day__event=event, parent=None)
    assert items.count() == 16
    assert set(items.values_list("day__date", flat=True)) == {
        dt.date(2027, 11, 25),
        dt.date(2027, 11, 26),
    }


def test_empty_text_shows_an_error_and_keeps_the_rest(client, event):
    response = client.post(
        _url(event), {"step": "preview", "text": "   \n", "language": "en", "year": "2031"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "Paste the programme text or choose a file." in html
    assert '<option value="en" selected>' in html and 'value="2031"' in html


def test_text_without_times_shows_an_error_and_keeps_the_text(client, event):
    response = _preview(client, event, text="Hej alla,\nvi ses i november.\n")
    html = response.content.decode()
    assert "No programme items were found." in html
    assert "vi ses i november." in html


def test_pasted_binary_data_shows_a_clear_error(client, event):
    response = _preview(client, event, text="\x00\x01\x02\x03 PK\x04" * 20)
    assert "This does not look like text." in response.content.decode()


def test_a_binary_upload_shows_an_error_and_keeps_the_typed_text(client, event):
    upload = SimpleUploadedFile("programme.txt", b"\x00\xff\x10" * 100, "text/plain")
    response = _preview(client, event, text="09.00 Det jag skrev", file=upload)
    html = response.content.decode()
    assert "This file is not plain text." in html
    assert "09.00 Det jag skrev" in html


def test_a_file_of_another_type_is_refused(client, event):
    upload = SimpleUploadedFile("programme.xlsx", b"PK\x03\x04", "application/octet-stream")
    response = _preview(client, event, text="", file=upload)
    assert "Upload a .txt, .docx or .pdf file." in response.content.decode()


def test_a_file_over_five_megabytes_is_refused(client, event):
    upload = SimpleUploadedFile("programme.txt", b"a" * (5 * 1024 * 1024 + 1), "text/plain")
    response = _preview(client, event, text="", file=upload)
    assert "The file is larger than 5 MB." in response.content.decode()


def test_an_uploaded_text_file_is_read(client, event):
    upload = SimpleUploadedFile("programme.txt", SEED_TEXT.encode("cp1252"), "text/plain")
    response = _preview(client, event, text="", file=upload)
    assert response.context["item_count"] == 16


def test_an_uploaded_word_file_is_read(client, event):
    from docx import Document

    document = Document()
    for line in SEED_TEXT.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("programme.docx", buffer.getvalue())
    response = _preview(client, event, text="", file=upload)
    assert response.status_code == 200
    assert response.context["item_count"] == 16
    assert "Gemensamma angelägenheter" in response.content.decode()


def test_a_word_table_is_read_row_by_row(client, event):
    from docx import Document

    document = Document()
    document.add_paragraph("Temadag 14. maj 2027")
    table = document.add_table(rows=0, cols=2)
    for time, title in [("09.00-09.30", "Velkomst"), ("09.30-10.15", "Oplæg om klima")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = time, title
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("programme.docx", buffer.getvalue())
    response = _preview(client, event, text="", file=upload, language="da")
    titles = [f.initial["title"] for f in response.context["formset"].forms[:2]]
    assert titles == ["Velkomst", "Oplæg om klima"]


def test_an_uploaded_pdf_is_read(client, event):
    from weasyprint import HTML

    body = "".join(f"<p>{line}</p>" for line in SHORT_TEXT.split("\n") if line)
    pdf = HTML(string=f"<html><body>{body}</body></html>").write_pdf()
    upload = SimpleUploadedFile("programme.pdf", pdf, "application/pdf")
    response = _preview(client, event, text="", file=upload)
    assert response.status_code == 200
    forms = response.context["formset"].forms[:2]
    assert [(f.initial["start"], f.initial["title"]) for f in forms] == [
        ("09:00", "Välkommen"),
        ("10:00", "Föredrag"),
    ]
    assert forms[1].initial["speakers"] == "Anna Berg, VD, Bolaget AB"


def test_a_broken_pdf_shows_an_error(client, event):
    upload = SimpleUploadedFile("programme.pdf", b"%PDF-1.7\nnot really", "application/pdf")
    response = _preview(client, event, text="", file=upload)
    assert "This PDF cannot be read." in response.content.decode()


def test_change_the_text_goes_back_to_step_one_with_the_text(client, event):
    preview = _preview(client, event, text=SHORT_TEXT)
    data = _post_data(preview, step="edit")
    html = client.post(_url(event), data).content.decode()
    assert "Step 1 of 2" in html
    assert "10.00-11.00 Föredrag" in html


def test_the_preview_query_count_does_not_grow_with_the_text(
    client, event, django_assert_max_num_queries
):
    _preview(client, event, text=SHORT_TEXT)  # warm up the session and caches
    with django_assert_max_num_queries(5):
        assert _preview(client, event, text=SHORT_TEXT).status_code == 200
    with django_assert_max_num_queries(5):
        assert _preview(client, event).context["item_count"] == 16


def test_login_with_password_then_import(client, db):
    membership = TeamMembershipFactory()
    event = skelleftea_event(network=membership.network)
    client.post("/orga/login/", {"username": membership.user.email, "password": PASSWORD})
    assert client.get(_url(event)).status_code == 200
