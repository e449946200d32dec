"""Check-in at the door: the arrival list with search, marking arrivals, live counts.

Check-in staff of the event's network (`checkin_events`) and those who may manage the event
(`manageable_events`) reach these pages; everyone else gets a 404. Every page works with
plain forms; checkin.js adds marking without reloading, the camera scan and the live counts.
A mark is one small POST, and sending it twice is harmless (`registration.checkin`).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from samling.events.models import Event
from samling.exports.badges import registration_from_checkin_code
from samling.networks.permissions import checkin_events, manageable_events
from samling.registration.checkin import (
    CheckinRefused,
    arrival_counts,
    arrival_list,
    mark_arrived,
    unmark_arrived,
)
from samling.registration.models import Registration


def _event(request, slug) -> Event:
    """The event if the user checks people in at it or manages it; 404 otherwise."""
    user = request.user
    events = Event.objects.filter(
        Q(pk__in=checkin_events(user).values("pk")) | Q(pk__in=manageable_events(user).values("pk"))
    )
    return get_object_or_404(events, slug=slug)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _counts_text(counts: dict) -> str:
    return _("%(arrived)s of %(confirmed)s arrived") % counts


def _counts(event) -> dict:
    counts = arrival_counts(event)
    return {**counts, "text": _counts_text(counts)}


def _back(event, request):
    url = reverse("orga:checkin", args=[event.slug])
    search = request.POST.get("q", "").strip()
    if search:
        url += "?" + urlencode({"q": search})
    return redirect(url)


def _refuse(request, event, message: str, *, status: int):
    if _wants_json(request):
        return JsonResponse({"error": message, "counts": _counts(event)}, status=status)
    messages.error(request, message)
    return _back(event, request)


def _registration(request, event):
    """The registration named by the POST (`registration` id or badge `code`), or an error."""
    code = request.POST.get("code", "").strip()
    if code:
        registration = registration_from_checkin_code(code, event=event)
        if registration is None:
            return None, _("This code is not a badge for this event. Search for the name instead.")
        return registration, None
    pk = request.POST.get("registration", "")
    if not pk.isdigit():
        return None, _("Choose a participant or enter the code from a badge.")
    registration = Registration.objects.filter(event=event, pk=pk).first()
    if registration is None:
        return None, _("This participant is not registered for this event.")
    return registration, None


def _answer(request, event, registration, *, arrived: bool, already: bool, message: str):
    if _wants_json(request):
        return JsonResponse(
            {
                "registration": registration.pk,
                "name": registration.name,
                "arrived": arrived,
                "already": already,
                "message": message,
                "counts": _counts(event),
            }
        )
    if already:
        messages.info(request, message)
    else:
        messages.success(request, message)
    return _back(event, request)


@login_required
@never_cache
def checkin_view(request, slug):
    event = _event(request, slug)
    search = request.GET.get("q", "").strip()
    registrations = list(arrival_list(event, search=search))
    return render(
        request,
        "orga/checkin/list.html",
        {
            "title": _("Arrivals"),
            "event": event,
            "search": search,
            "registrations": registrations,
            "counts": arrival_counts(event),
        },
    )


@login_required
@require_POST
def mark_view(request, slug):
    event = _event(request, slug)
    registration, error = _registration(request, event)
    if registration is None:
        return _refuse(request, event, error, status=400)
    try:
        marked = mark_arrived(registration, by=request.user)
    except CheckinRefused as refused:
        return _refuse(request, event, str(refused), status=409)
    if marked:
        message = _("%(name)s has arrived.") % {"name": registration.name}
    else:
        message = _("%(name)s was already marked as arrived.") % {"name": registration.name}
    return _answer(request, event, registration, arrived=True, already=not marked, message=message)


@login_required
@require_POST
def undo_view(request, slug):
    event = _event(request, slug)
    registration, error = _registration(request, event)
    if registration is None:
        return _refuse(request, event, error, status=400)
    unmarked = unmark_arrived(registration)
    message = _("%(name)s is no longer marked as arrived.") % {"name": registration.name}
    return _answer(
        request, event, registration, arrived=False, already=not unmarked, message=message
    )


@login_required
@require_GET
@never_cache
def counts_view(request, slug):
    event = _event(request, slug)
    return JsonResponse(_counts(event))
