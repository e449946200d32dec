"""The organiser screen that turns a pasted or uploaded programme text into an event's programme.

Step 1: paste the text or upload a .txt/.docx/.pdf file. Step 2: the parsed items beside the
numbered source lines, as a form to correct; unused and unsure lines are marked. One click then
replaces the event's programme (`samling.programme.importing.replace_programme`).
"""

import datetime as dt
import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samling.networks.models import LANGUAGE_CHOICES
from samling.networks.permissions import manageable_events
from samling.programme.importer import ProgrammeParseError, parse
from samling.programme.importing import (
    MAX_UPLOAD_BYTES,
    NAME_MAX,
    ROLE_MAX,
    TITLE_MAX,
    event_dates,
    replace_programme,
    text_from_file,
)
from samling.programme.models import Item, SpeakerRole

TEMPLATE = "orga/programme_import.html"
PREFIX = "items"
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


# Step 1 ---------------------------------------------------------------------------------------


class SourceForm(forms.Form):
    text = forms.CharField(
        label=_("Programme text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text=_(
            "Paste the programme as it is written, for example from a Word document, a web page "
            "or an e-mail: days, times, titles and speakers."
        ),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".txt,.docx,.pdf"}),
        help_text=_(
            "A .txt, .docx or .pdf file of at most 5 MB. When you choose a file, its text is used "
            "instead of the text above."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGE_CHOICES)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=1900,
        max_value=2200,
        help_text=_("Used for dates written without a year."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Pasted binary data gets the importer's own clear message instead of Django's.
        self.fields["text"].validators = []

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                # Refused before reading: the service would say the same after reading it all.
                self.add_error(
                    "file",
                    _("The file is larger than %(size)d MB.")
                    % {"size": MAX_UPLOAD_BYTES // 1024 // 1024},
                )
                return data
            try:
                data["text"] = text_from_file(upload.name, upload.read())
            except ValidationError as error:
                self.add_error("file", error)
                return data
        text = data.get("text") or ""
        if not text.strip():
            self.add_error("text", _("Paste the programme text or choose a file."))
            return data
        if self.errors:
            return data
        try:
            programme = parse(text, language=data["language"], year=data["year"])
        except ProgrammeParseError as error:
            self.add_error("file" if upload else "text", _parse_error_message(error))
            return data
        if not any(day["items"] for day in programme["days"]):
            self.add_error(
                "file" if upload else "text",
                _(
                    "No programme items were found. Each item should start with a time, "
                    "for example “09.00 Welcome”."
                ),
            )
        data["programme"] = programme
        return data


def _parse_error_message(error: ProgrammeParseError) -> str:
    reason = str(error)
    if "binary" in reason:
        return _(
            "This does not look like text. Paste the programme's text, or upload it as a .txt, "
            ".docx or .pdf file."
        )
    if "empty" in reason:
        return _("Paste the programme text or choose a file.")
    if "too long" in reason:
        return _("The text is too long for a programme.")
    return _("The programme could not be read (%(reason)s).") % {"reason": reason}


# Step 2 ---------------------------------------------------------------------------------------


class ItemForm(forms.Form):
    day = forms.DateField(
        label=_("Day"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start = forms.TimeField(
        label=_("Start"),
        required=False,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end = forms.TimeField(
        label=_("End (may be empty)"),
        required=False,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    approximate = forms.BooleanField(label=_("Approximate time (“ca.”)"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Item.Kind.choices, initial=Item.Kind.TALK)
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    speakers = forms.CharField(
        label=_("Speakers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: the name, a comma, then title and organisation."),
    )
    track = forms.CharField(
        label=_("Track (only for parallel sessions)"), required=False, max_length=120
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    agenda = forms.CharField(
        label=_("Sub-points"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One point per line."),
    )
    notes = forms.CharField(label=_("Practical note"), required=False, max_length=300)
    location = forms.CharField(label=_("Location"), required=False, max_length=300)
    # What the importer knew that the organiser does not edit: where the item came from, whether
    # it guessed, and each speaker's function (moderator, host, ...).
    source_lines = forms.CharField(required=False, widget=forms.HiddenInput)
    unsure = forms.BooleanField(required=False, widget=forms.HiddenInput)
    functions = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, dates: list[dt.date], **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.dates = dates
        day = self.fields["day"]
        day.initial = dates[0]
        day.widget.attrs.update({"min": dates[0].isoformat(), "max": dates[-1].isoformat()})

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_speakers(self):
        speakers = parse_speakers(self.cleaned_data["speakers"])
        for speaker in speakers:
            if len(speaker["name"]) > NAME_MAX:
                raise ValidationError(
                    _("A name can be at most %(max)d characters long."), params={"max": NAME_MAX}
                )
            if len(speaker["role"]) > ROLE_MAX:
                raise ValidationError(
                    _("The role of %(name)s can be at most %(max)d characters long."),
                    params={"name": speaker["name"], "max": ROLE_MAX},
                )
        return self.cleaned_data["speakers"]

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and not self.dates[0] <= day <= self.dates[-1]:
            self.add_error(
                "day",
                _("Choose a day of the event, between %(first)s and %(last)s.")
                % {
                    "first": formats.date_format(self.dates[0]),
                    "last": formats.date_format(self.dates[-1]),
                },
            )
        if end and not start and "start" not in self.errors:
            self.add_error("start", _("An item with an end needs a start."))
        if start and end and end <= start:
            self.add_error("end", _("The item must end after it starts."))
        if data.get("approximate") and not start and "start" not in self.errors:
            self.add_error("approximate", _("Only a time can be approximate."))
        return data

    def line_numbers(self) -> list[int]:
        """The 0-based source lines this item came from."""
        value = self["source_lines"].value() or ""
        return [int(part) for part in str(value).split() if part.isdigit()]

    def is_unsure(self) -> bool:
        value = self["unsure"].value()
        return value is True or str(value).lower() in {"true", "on", "1"}

    def speaker_functions(self) -> dict[str, str]:
        try:
            functions = json.loads(self["functions"].value() or "{}")
        except ValueError:
            return {}
        return functions if isinstance(functions, dict) else {}


class BaseItemFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Leave out this item")


ItemFormSet = forms.formset_factory(
    ItemForm, formset=BaseItemFormSet, extra=1, can_delete=True, can_delete_extra=False
)


class ConfirmForm(forms.Form):
    text = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    language = forms.ChoiceField(choices=LANGUAGE_CHOICES, widget=forms.HiddenInput)
    year = forms.IntegerField(min_value=1900, max_value=2200, widget=forms.HiddenInput)
    # The programme's title and day headings, one per line: their source lines are not "unused".
    headings = forms.CharField(required=False, widget=forms.HiddenInput)
    replace = forms.BooleanField(label=_("Replace the existing programme"), required=False)

    def __init__(self, *args, existing_items: int, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.existing_items = existing_items
        self.fields["text"].validators = []

    def clean_replace(self):
        if self.existing_items and not self.cleaned_data["replace"]:
            raise ValidationError(
                _("Tick “Replace the existing programme” to confirm that its items may go.")
            )
        return self.cleaned_data["replace"]


def parse_speakers(text: str, functions: dict[str, str] | None = None) -> list[dict]:
    """ "Name, title and organisation" per line to Programme JSON speakers."""
    functions = functions or {}
    speakers = []
    for line in (text or "").splitlines():
        line = line.strip(" \t•-–")
        if not line:
            continue
        name, _comma, role = line.partition(",")
        name, role = " ".join(name.split()), role.strip()
        function = functions.get(name)
        if function not in SpeakerRole.Function.values:
            function = SpeakerRole.Function.SPEAKER
        speakers.append({"name": name, "role": role, "function": function})
    return speakers


def format_speakers(speakers: list[dict]) -> str:
    return "\n".join(
        f"{s['name']}, {s['role']}" if s.get("role") else s["name"] for s in speakers or []
    )


def _initial_items(event, programme: dict) -> tuple[list[dict], bool]:
    """Formset initial data for the parsed items, and whether any day had to be placed."""
    dates = event_dates(event)
    initial, moved = [], False
    for index, day in enumerate(programme["days"]):
        date = dt.date.fromisoformat(day["date"]) if day.get("date") else None
        if date is None or not dates[0] <= date <= dates[-1]:
            # Undated days, or dates outside the event: the event's days in order.
            date, moved = dates[min(index, len(dates) - 1)], True
        for item in day["items"]:
            initial.append(
                {
                    "day": date,
                    "start": item.get("start"),
                    "end": item.get("end"),
                    "approximate": bool(item.get("approximate")),
                    "kind": item.get("kind") or Item.Kind.OTHER,
                    "title": item.get("title") or "",
                    "speakers": format_speakers(item.get("speakers")),
                    "track": item.get("track") or "",
                    "description": item.get("description") or "",
                    "agenda": "\n".join(item.get("subpoints") or []),
                    "notes": " ".join(item.get("notes") or []),
                    "location": item.get("location") or "",
                    "source_lines": " ".join(str(n) for n in item.get("source_lines") or []),
                    "unsure": bool(item.get("unsure")),
                    "functions": json.dumps(
                        {
                            s["name"]: s["function"]
                            for s in item.get("speakers") or []
                            if s.get("function")
                        },
                        ensure_ascii=False,
                    ),
                }
            )
    return initial, moved


def programme_from_formset(formset) -> dict:
    """Programme JSON from the corrected items, grouped by day in the order of the form."""
    days: dict[dt.date, list[dict]] = {}
    for form in formset.forms:
        if not form.has_changed() and form.empty_permitted:
            continue  # the empty "add an item" form
        if form.cleaned_data.get("DELETE"):
            continue
        data = form.cleaned_data
        item = {
            "start": data["start"].strftime("%H:%M") if data["start"] else None,
            "end": data["end"].strftime("%H:%M") if data["end"] else None,
            "approximate": data["approximate"],
            "kind": data["kind"],
            "title": data["title"],
            "speakers": parse_speakers(data["speakers"], form.speaker_functions()),
            "track": data["track"] or None,
            "description": data["description"],
            "location": data["location"],
            "subpoints": data["agenda"].splitlines(),
            "notes": [data["notes"]] if data["notes"] else [],
        }
        items = days.setdefault(data["day"], [])
        if form.empty_permitted and item["start"]:
            # An added item goes before the first item of its day that starts later.
            later = next(
                (i for i, other in enumerate(items) if (other["start"] or "") > item["start"]),
                len(items),
            )
            items.insert(later, item)
        else:
            items.append(item)
    return {"days": [{"date": d.isoformat(), "items": days[d]} for d in sorted(days)]}


# The source lines beside the items ------------------------------------------------------------


def source_rows(text: str, forms_: list, headings=()) -> list[dict]:
    """One row per source line: its text and what became of it (item, heading, unused, blank)."""
    item_of: dict[int, int] = {}
    unsure: set[int] = set()
    for number, form in enumerate(forms_, 1):
        for line in form.line_numbers():
            item_of.setdefault(line, number)
            if form.is_unsure():
                unsure.add(line)
    headings = {" ".join(s.split()).casefold() for s in headings if s}
    rows = []
    for index, raw in enumerate(text.split("\n")):
        line = raw.rstrip("\r")
        key = " ".join(line.strip(" -•*#\t").split()).casefold()
        if not any(ch.isalnum() for ch in line):
            status = "blank"
        elif index in item_of:
            status = "unsure" if index in unsure else "used"
        elif key in headings:
            status = "heading"
        else:
            status = "unused"
        rows.append(
            {"number": index + 1, "text": line, "status": status, "item": item_of.get(index)}
        )
    return rows


# The view ---------------------------------------------------------------------------------------


@login_required
def import_view(request, slug):
    event = get_object_or_404(manageable_events(request.user).select_related("network"), slug=slug)
    existing = Item.objects.filter(day__event=event).count()
    step = request.POST.get("step") if request.method == "POST" else None
    if step == "create":
        return _create(request, event, existing)
    if step == "preview":
        source = SourceForm(request.POST, request.FILES)
        if source.is_valid():
            data = source.cleaned_data
            initial, moved = _initial_items(event, data["programme"])
            formset = ItemFormSet(
                initial=initial, prefix=PREFIX, form_kwargs={"dates": event_dates(event)}
            )
            programme = data["programme"]
            headings = [programme.get("title")] + [d.get("label") for d in programme["days"]]
            confirm = ConfirmForm(
                initial={
                    "text": data["text"],
                    "language": data["language"],
                    "year": data["year"],
                    "headings": "\n".join(h for h in headings if h),
                },
                existing_items=existing,
            )
            return _preview(request, event, existing, formset, confirm, moved=moved)
    elif step == "edit":
        source = SourceForm(
            initial={
                "text": request.POST.get("text", ""),
                "language": request.POST.get("language", event.language),
                "year": request.POST.get("year", event.local_start.year),
            }
        )
    else:
        source = SourceForm(initial={"language": event.language, "year": event.local_start.year})
    return render(
        request,
        TEMPLATE,
        {"event": event, "source": source, "existing": existing, "title": _title()},
    )


def _title():
    return _("Import a programme")


def _create(request, event, existing):
    dates = event_dates(event)
    confirm = ConfirmForm(request.POST, existing_items=existing)
    formset = ItemFormSet(request.POST, prefix=PREFIX, form_kwargs={"dates": dates})
    if confirm.is_valid() and formset.is_valid():
        try:
            summary = replace_programme(
                event, programme_from_formset(formset), imported_by=request.user
            )
        except ValidationError as error:
            confirm.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The programme was created with %(count)d item.",
                    "The programme was created with %(count)d items.",
                    summary.items,
                )
                % {"count": summary.items},
            )
            return redirect("orga:event", slug=event.slug)
    return _preview(request, event, existing, formset, confirm, moved=False)


def _preview(request, event, existing, formset, confirm, *, moved):
    item_forms = formset.forms[: formset.initial_form_count()]
    rows = source_rows(
        confirm["text"].value() or "",
        item_forms,
        (confirm["headings"].value() or "").splitlines(),
    )
    for number, form in enumerate(formset.forms, 1):
        form.number = number
        form.lines = [n + 1 for n in form.line_numbers()]
        # Room for what is there, so nothing hides behind a scroll bar.
        speakers = str(form["speakers"].value() or "").count("\n") + 1
        form.fields["speakers"].widget.attrs["rows"] = min(max(2, speakers + 1), 12)
        title = len(str(form["title"].value() or ""))
        form.fields["title"].widget.attrs["rows"] = min(max(2, title // 50 + 1), 8)
    return render(
        request,
        TEMPLATE,
        {
            "event": event,
            "title": _title(),
            "existing": existing,
            "formset": formset,
            "confirm": confirm,
            "rows": rows,
            "moved": moved,
            "item_count": len(item_forms),
            "unsure_count": sum(1 for form in item_forms if form.is_unsure()),
            "unused_count": sum(1 for row in rows if row["status"] == "unused"),
        },
    )
