"""A participant's own data behind their private link: download it, or have it deleted."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from samling.events.models import Event
from samling.exports.responses import export_response
from samling.registration.privacy import delete_registration_data, registration_data

from .registration import _private, _registration
from .views import _use_language


def _own_registration(request, token):
    """The registration in its registrant's language (unless they chose another one)."""
    registration = _registration(token)
    if registration.anonymised_at:
        raise Http404
    if getattr(request, "language_chosen", False):
        translation.activate(request.LANGUAGE_CODE)
    return registration


@require_GET
def data_view(request, token):
    """Everything Samling holds about the registration, as a JSON file."""
    registration = _own_registration(request, token)
    content = json.dumps(
        registration_data(registration), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode()
    return _private(export_response("registration-data", content, slug=registration.event.slug))


@require_http_methods(["GET", "POST"])
def delete_view(request, token):
    """Asks first; the POST cancels (if the event is still to come) and anonymises."""
    registration = _own_registration(request, token)
    event = registration.event
    if request.method == "POST":
        delete_registration_data(registration)
        return redirect(reverse("public:registration-deleted", args=[event.slug]))
    return _private(
        render(
            request,
            "public/privacy_delete.html",
            {"registration": registration, "event": event},
        )
    )


@require_GET
def deleted_view(request, slug):
    """Where a deletion ends: the private link is gone, so this page knows no registration."""
    event = Event.objects.published().select_related("network").filter(slug=slug).first()
    if event:
        _use_language(request, event.language)
    return _private(render(request, "public/privacy_deleted.html", {"event": event}))
