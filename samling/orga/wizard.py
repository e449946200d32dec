"""Creating an event in steps, copying an event or a series, publishing with a preview first.

Each step saves at once, so an organiser can stop anywhere and come back; the event stays a
draft until the last step publishes it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samling.events.forms import AboutForm, CopyEventForm, NewEventForm, PlaceForm
from samling.events.models import Series
from samling.events.publishing import (
    copy_series,
    create_event,
    preview_path,
    set_place,
    set_published,
    unique_slug,
)
from samling.events.queries import absolute_url
from samling.events.services import copy_event
from samling.networks.permissions import manageable_events, organising_networks
from samling.registration.forms import OptionFormSet, RegistrationSetupForm
from samling.registration.models import Option, RegistrationSettings
from samling.registration.services import open_registration

# The steps, as (URL name, label); the first step of an existing event is its edit form.
STEPS = [
    ("orga:event-edit", gettext_lazy("What and when")),
    ("orga:event-setup-place", gettext_lazy("Where")),
    ("orga:event-setup-about", gettext_lazy("For whom")),
    ("orga:event-setup-programme", gettext_lazy("Programme")),
    ("orga:event-setup-registration", gettext_lazy("Registration")),
    ("orga:event-setup-publish", gettext_lazy("Publish")),
]


def _event(request, slug):
    return get_object_or_404(
        manageable_events(request.user).select_related(
            "network", "venue", "online_meeting", "registration_settings"
        ),
        slug=slug,
    )


def _render(request, template, event, step, context):
    steps = [
        {"url_name": name, "label": label, "number": n, "current": n == step}
        for n, (name, label) in enumerate(STEPS, start=1)
    ]
    next_step = STEPS[step][0] if step < len(STEPS) else None
    return render(
        request,
        template,
        {"event": event, "steps": steps, "step": step, "next_step": next_step, **context},
    )


def _next(request, event, step):
    """After saving a step: the next one, or back to the event with "Save and close"."""
    if request.POST.get("close") or step >= len(STEPS):
        messages.success(request, _("Saved."))
        return redirect("orga:event", slug=event.slug)
    return redirect(STEPS[step][0], slug=event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def new_event(request):
    networks = organising_networks(request.user).order_by("name")
    if not networks.exists():
        return render(request, "orga/wizard/no_network.html", status=403)
    form = NewEventForm(request.POST or None, networks=networks)
    if request.method == "POST" and form.is_valid():
        event = create_event(
            form.cleaned_data["network"], created_by=request.user, **form.event_fields()
        )
        return redirect("orga:event-setup-place", slug=event.slug)
    steps = [
        {"label": label, "number": n, "current": n == 1} for n, (_n, label) in enumerate(STEPS, 1)
    ]
    return render(request, "orga/wizard/new.html", {"form": form, "steps": steps, "step": 1})


@login_required
@require_http_methods(["GET", "POST"])
def place(request, slug):
    event = _event(request, slug)
    form = PlaceForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        new_venue = None
        if data["venue_name"]:
            new_venue = {
                "name": data["venue_name"],
                "street": data["street"],
                "postal_code": data["postal_code"],
                "city": data["city"],
            }
        set_place(
            event,
            mode=data["mode"],
            venue=data["venue"],
            new_venue=new_venue,
            platform=data["platform"],
            join_url=data["join_url"],
            changed_by=request.user,
        )
        return _next(request, event, 2)
    return _render(request, "orga/wizard/place.html", event, 2, {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def about(request, slug):
    event = _event(request, slug)
    form = AboutForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _next(request, event, 3)
    return _render(request, "orga/wizard/about.html", event, 3, {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def programme(request, slug):
    event = _event(request, slug)
    if request.method == "POST":
        return _next(request, event, 4)
    from samling.programme.models import Item

    items = Item.objects.filter(day__event=event).count()
    return _render(request, "orga/wizard/programme.html", event, 4, {"item_count": items})


@login_required
@require_http_methods(["GET", "POST"])
def registration(request, slug):
    event = _event(request, slug)
    form = RegistrationSetupForm(request.POST or None, event=event)
    options = OptionFormSet(
        request.POST or None,
        queryset=Option.objects.filter(event=event).order_by("position", "pk"),
        prefix="options",
    )
    if request.method == "POST" and form.is_valid() and options.is_valid():
        with transaction.atomic():
            fields = form.settings_fields()
            if fields["is_enabled"] or RegistrationSettings.objects.filter(event=event).exists():
                open_registration(event, **fields)
            for option in options.save(commit=False):
                if not option.pk:
                    option.event = event
                    option.key = _option_key(event, option.label)
                    option.position = event.options.count()
                option.save()
            for option in options.deleted_objects:
                option.delete()
            event.touch()
        return _next(request, event, 5)
    return _render(
        request, "orga/wizard/registration.html", event, 5, {"form": form, "options": options}
    )


def _option_key(event, label: str) -> str:
    base = slugify(label)[:50] or "option"
    key, n = base, 2
    while event.options.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    return key


@login_required
@require_http_methods(["GET", "POST"])
def publish(request, slug):
    event = _event(request, slug)
    if request.method == "POST":
        published = request.POST.get("action") == "publish"
        set_published(event, published, changed_by=request.user)
        if published:
            messages.success(request, _("Published: the event's page is public now."))
        else:
            messages.info(request, _("Saved as a draft: only people with the preview link see it."))
        return redirect("orga:event", slug=event.slug)
    from samling.programme.models import Item

    checklist = [
        (_("Date and time"), True),
        (_("Place or online platform"), bool(event.venue_id or hasattr(event, "online_meeting"))),
        (_("Programme"), Item.objects.filter(day__event=event).exists()),
        (
            _("Registration"),
            bool(getattr(event, "registration_settings", None))
            and event.registration_settings.is_enabled,
        ),
    ]
    return _render(
        request,
        "orga/wizard/publish.html",
        event,
        6,
        {
            "checklist": checklist,
            "preview_path": preview_path(event),
            "preview_url": absolute_url(preview_path(event)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def copy(request, slug):
    source = _event(request, slug)
    form = CopyEventForm(request.POST or None, initial={"title": source.title})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        event = copy_event(
            source,
            slug=unique_slug(data["title"], data["starts_on"].year),
            starts_on=data["starts_on"],
            title=data["title"],
            copied_by=request.user,
        )
        event.organisers.add(request.user)
        messages.success(request, _("Copied. Check each step, then publish."))
        return redirect("orga:event-edit", slug=event.slug)
    return render(request, "orga/wizard/copy.html", {"source": source, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def copy_whole_series(request, series):
    series = get_object_or_404(
        Series.objects.filter(network__in=organising_networks(request.user)), slug=series
    )
    events = list(series.events.order_by("starts_at"))
    form = CopyEventForm(request.POST or None, initial={"title": series.title})
    form.fields["title"].label = _("Title of the new series")
    form.fields["starts_on"].label = _("First day of the first event")
    if request.method == "POST" and form.is_valid():
        copy = copy_series(
            series,
            starts_on=form.cleaned_data["starts_on"],
            title=form.cleaned_data["title"],
            copied_by=request.user,
        )
        messages.success(
            request,
            _("The series is copied with %(count)s events, all drafts.")
            % {"count": copy.events.count()},
        )
        return redirect("orga:dashboard")
    return render(
        request, "orga/wizard/copy_series.html", {"series": series, "events": events, "form": form}
    )
