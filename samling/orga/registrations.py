"""Organiser pages for an event's registrations: list with counts and filters, waiting list,
adding someone by hand, cancelling and moving, and the lists to download.

Only staff of the event's network who may manage it (`manageable_events`) reach these pages;
everyone else gets a 404, check-in staff included. Every change goes through
`registration.services` and `registration.organiser`.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from samling.exports import spreadsheets
from samling.exports.responses import export_response
from samling.networks.models import LANGUAGE_CHOICES
from samling.networks.permissions import manageable_events
from samling.registration.forms import RegistrationForm
from samling.registration.models import Registration
from samling.registration.organiser import (
    add_registration,
    confirm_from_waitlist,
    move_to_waitlist,
)
from samling.registration.queries import (
    ACTIVE,
    counts_for_event,
    registrations_for_organiser,
    waiting_list,
)
from samling.registration.services import (
    RegistrationError,
    cancel_registration,
    waitlist_position,
    waitlist_size,
)

Status = Registration.Status

EXPORT_LISTS = [
    ("participants", gettext_lazy("Participant list")),
    ("bus", gettext_lazy("Bus list")),
    ("pickup", gettext_lazy("Airport pick-up list (by arrival time)")),
    ("meals", gettext_lazy("Meal counts by dietary need")),
    ("badges", gettext_lazy("Names for badges")),
]


def _event(request, slug):
    """The event if the user may manage it and it takes registrations; 404 otherwise."""
    event = get_object_or_404(
        manageable_events(request.user).select_related("network", "registration_settings"),
        slug=slug,
    )
    if not hasattr(event, "registration_settings"):
        raise Http404
    return event


def _registration(event, pk) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("category", "municipality"), event=event, pk=pk
    )


def _next(request) -> str:
    """The page an action was started from, if it is one of ours; "" otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _back(request, event):
    """Back to the page the action was started from (the list keeps its filters)."""
    return redirect(_next(request) or reverse("orga:registrations", args=[event.slug]))


class RegistrationFilterForm(forms.Form):
    """The list's filters, read from the query string; a value not (or no longer) valid is
    simply not applied."""

    ALL = "all"

    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Name, e-mail address or organisation"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[
            ("", gettext_lazy("Confirmed and waiting")),
            (Status.CONFIRMED, capfirst(Status.CONFIRMED.label)),
            (Status.WAITLISTED, capfirst(Status.WAITLISTED.label)),
            (Status.CANCELLED, capfirst(Status.CANCELLED.label)),
            (ALL, gettext_lazy("All, cancelled too")),
        ],
    )

    def __init__(self, *args, categories, municipalities, options, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", _("All"))]
        self.fields["category"] = forms.TypedChoiceField(
            label=_("Category"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=everyone + [(c.pk, c.name) for c in categories],
        )
        self.fields["municipality"] = forms.TypedChoiceField(
            label=_("Municipality"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=everyone + [(m.pk, m.name) for m in municipalities],
        )
        self.fields["option"] = forms.TypedChoiceField(
            label=_("Choice"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=everyone + [(o.pk, o.label) for o in options],
        )

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        status = data.get("status") or ""
        return {
            "search": data.get("q") or "",
            "category": data.get("category"),
            "municipality": data.get("municipality"),
            "option": data.get("option"),
            "status": None if status == self.ALL else status or ACTIVE,
        }


@login_required
def registrations_view(request, slug):
    event = _event(request, slug)
    counts = counts_for_event(event)
    form = RegistrationFilterForm(
        request.GET or None,
        categories=[tally.obj for tally in counts.categories if tally.obj],
        municipalities=event.network.members.all(),
        options=[tally.obj for tally in counts.options],
    )
    filters = form.filters() if form.is_bound else {"status": ACTIVE}
    registrations = list(registrations_for_organiser(event, **filters))
    context = {
        "event": event,
        "title": _("Registrations"),
        "counts": counts,
        "form": form,
        "registrations": registrations,
        "exports": export_links(event),
    }
    return render(request, "orga/registrations/list.html", context)


@login_required
def waitlist_view(request, slug):
    event = _event(request, slug)
    settings = event.registration_settings
    context = {
        "event": event,
        "title": _("Waiting list"),
        "settings": settings,
        "waiting": waiting_list(event),
        "place_free": settings.capacity is None or settings.available > 0,
    }
    return render(request, "orga/registrations/waitlist.html", context)


@login_required
def registration_view(request, slug, pk):
    event = _event(request, slug)
    registration = _registration(event, pk)
    questions = {q.key: q.label for q in event.questions.all()}
    context = {
        "event": event,
        "title": registration.name,
        "registration": registration,
        "position": waitlist_position(registration),
        "chosen": registration.chosen_options.select_related("option"),
        "answers": [
            (questions.get(key, key), spreadsheets.answer_text(value, separator=", "))
            for key, value in registration.answers.items()
            if value not in ("", None, [])
        ],
    }
    return render(request, "orga/registrations/detail.html", context)


class OrganiserRegistrationForm(RegistrationForm):
    """The participant's form, with the language of their mails and without their consent."""

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, event=event, **kwargs)
        self.fields.pop("consent", None)
        # The organiser types someone else's details: no filling in of their own.
        for name in ("name", "email", "phone", "title", "organisation"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
        if "category" in self.fields:
            self.fields["category"].label = _("Category")
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the e-mails"),
            choices=LANGUAGE_CHOICES,
            initial=event.language,
        )


@login_required
def add_view(request, slug):
    event = _event(request, slug)
    form = OrganiserRegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = add_registration(
                event, form.to_data(form.cleaned_data["language"]), added_by=request.user
            )
        except RegistrationError as error:
            form.add_error(None, str(error.message))
        else:
            if registration.status == Status.CONFIRMED:
                text = _("%(name)s is registered and confirmed. They get an e-mail.")
            else:
                text = _("The event is full: %(name)s is on the waiting list. They get an e-mail.")
            messages.success(request, text % {"name": registration.name})
            if "add_another" in request.POST:
                return redirect("orga:registration-add", slug=event.slug)
            return redirect("orga:registrations", slug=event.slug)
    context = {
        "event": event,
        "title": _("Add a participant"),
        "form": form,
        "settings": event.registration_settings,
    }
    return render(request, "orga/registrations/add.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cancel_view(request, slug, pk):
    """Cancelling asks once more: the registrant is told, and the place goes to someone else."""
    event = _event(request, slug)
    registration = _registration(event, pk)
    if registration.status == Status.CANCELLED:
        messages.info(
            request,
            _("The registration of %(name)s was already cancelled.") % {"name": registration.name},
        )
        return _back(request, event)
    if request.method == "POST" and request.POST.get("confirmed"):
        promoted = cancel_registration(registration, cancelled_by=request.user)
        messages.success(
            request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
        )
        if promoted:
            names = ", ".join(r.name for r in promoted)
            messages.info(
                request,
                ngettext(
                    "%(names)s moved up from the waiting list and has the place.",
                    "%(names)s moved up from the waiting list and have the places.",
                    len(promoted),
                )
                % {"names": names},
            )
        return _back(request, event)
    context = {
        "event": event,
        "title": _("Cancel a registration"),
        "registration": registration,
        "next": _next(request),
        "waiting": waitlist_size(event),
    }
    return render(request, "orga/registrations/cancel.html", context)


@login_required
@require_POST
def move_to_waitlist_view(request, slug, pk):
    event = _event(request, slug)
    registration = _registration(event, pk)
    if move_to_waitlist(registration, moved_by=request.user):
        messages.success(
            request,
            _(
                "%(name)s is now on the waiting list. Their place is free: confirm someone "
                "from the waiting list to give it."
            )
            % {"name": registration.name},
        )
    else:
        messages.info(
            request,
            _("%(name)s was not confirmed, so nothing was changed.") % {"name": registration.name},
        )
    return _back(request, event)


@login_required
@require_POST
def confirm_view(request, slug, pk):
    event = _event(request, slug)
    registration = _registration(event, pk)
    if confirm_from_waitlist(registration, moved_by=request.user):
        messages.success(
            request, _("%(name)s is confirmed and gets an e-mail.") % {"name": registration.name}
        )
    elif registration.status != Status.WAITLISTED:
        messages.info(
            request,
            _("%(name)s is not on the waiting list, so nothing was changed.")
            % {"name": registration.name},
        )
    else:
        messages.error(
            request,
            _(
                "%(name)s could not be confirmed: no place is free. Cancel a registration or "
                "move someone to the waiting list first."
            )
            % {"name": registration.name},
        )
    return _back(request, event)


@login_required
def export_view(request, slug, kind, fmt):
    event = _event(request, slug)
    if kind not in spreadsheets.SHEETS or fmt not in spreadsheets.FORMATS:
        raise Http404
    content = spreadsheets.export(event, kind, fmt)
    response = export_response(f"registrations-{kind}-{fmt}", content, slug=event.slug)
    # Personal data: kept by no cache; written in the event's language, not the reader's.
    response["Cache-Control"] = "private, no-store"
    response["Content-Language"] = event.language
    return response


@login_required
def badges_view(request, slug):
    """Name badges as PDF: `?layout=a6` one per page, else eight to an A4 sheet."""
    from samling.exports.badges import LAYOUTS, render_badges_pdf

    event = _event(request, slug)
    layout = request.GET.get("layout", "a4")
    if layout not in LAYOUTS:
        raise Http404
    with translation.override(event.language):
        content = render_badges_pdf(event, layout=layout)
    response = export_response("badges-pdf", content, slug=event.slug)
    response["Cache-Control"] = "private, no-store"
    return response


def export_links(event) -> list[dict]:
    """What the list page offers to download, each list as XLSX and CSV."""
    return [
        {
            "label": label,
            "xlsx": reverse("orga:registrations-export", args=[event.slug, kind, "xlsx"]),
            "csv": reverse("orga:registrations-export", args=[event.slug, kind, "csv"]),
        }
        for kind, label in EXPORT_LISTS
    ]
