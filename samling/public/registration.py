"""A participant registers, sees, changes or cancels their registration through a private link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samling.events.models import Event
from samling.groups.services import group_for_registration
from samling.registration.forms import LinkRequestForm, RegistrationForm
from samling.registration.mail import queue_registration_mail
from samling.registration.models import Registration, RegistrationSettings
from samling.registration.services import (
    RegistrationError,
    cancel_registration,
    normalise_email,
    register,
    update_registration,
    waitlist_position,
)

from .views import _use_language


def _private(response):
    """Pages behind a private link: never cached, never sent to other sites as a Referer."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"  # "no-referrer" would make forms send Origin: null
    response["X-Robots-Tag"] = "noindex"
    return response


def _open_event(slug) -> Event:
    event = get_object_or_404(
        Event.objects.select_related("network", "venue", "registration_settings"),
        slug=slug,
        is_published=True,
    )
    if not RegistrationSettings.objects.filter(event=event, is_enabled=True).exists():
        raise Http404
    return event


@never_cache
def register_view(request, slug):
    event = _open_event(slug)
    _use_language(request, event.language)
    settings = event.registration_settings
    form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and settings.is_open() and form.is_valid():
        try:
            registration, _created = register(event, form.to_data(translation.get_language()))
        except RegistrationError as error:
            form.add_error(None, str(error.message))
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, _("You are registered. We have sent you an e-mail."))
            else:
                messages.info(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We have sent you an e-mail."
                    ),
                )
            return redirect(registration)
    return render(
        request,
        "public/register.html",
        {"event": event, "settings": settings, "form": form, "is_open": settings.is_open()},
    )


@never_cache
def request_link_view(request, slug):
    event = _open_event(slug)
    _use_language(request, event.language)
    form = LinkRequestForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        registration = Registration.objects.filter(
            event=event, email=normalise_email(form.cleaned_data["email"])
        ).first()
        if registration and registration.status != Registration.Status.CANCELLED:
            queue_registration_mail(registration, "link")
        # The same answer either way, so nobody learns who is registered.
        sent = True
    return render(request, "public/request_link.html", {"event": event, "form": form, "sent": sent})


def _registration(token) -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("event__network", "event__venue", "category"),
        token=token,
    )
    translation.activate(registration.language)
    return registration


def registration_view(request, token):
    registration = _registration(token)
    if getattr(request, "language_chosen", False):
        translation.activate(request.LANGUAGE_CODE)
    event = registration.event
    editable = (
        registration.status != Registration.Status.CANCELLED
        and event.registration_settings.is_open()
    )
    form = None
    if editable:
        form = RegistrationForm(request.POST or None, event=event, registration=registration)
        if request.method == "POST" and form.is_valid():
            update_registration(registration, form.to_data(registration.language))
            messages.success(request, _("Your changes are saved."))
            return redirect(registration)
    context = {
        "registration": registration,
        "event": event,
        "form": form,
        "position": waitlist_position(registration),
        "chosen": registration.chosen_options.select_related("option"),
        "groups": group_for_registration(registration),
    }
    return _private(render(request, "public/registration.html", context))


def cancel_view(request, token):
    registration = _registration(token)
    if request.method == "POST":
        cancel_registration(registration)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(registration)
    return _private(
        render(
            request,
            "public/cancel.html",
            {"registration": registration, "event": registration.event},
        )
    )


def agenda_view(request, token):
    """The registrant's own calendar file: their sessions and options, the link if online."""
    from samling.exports.ical import registration_agenda
    from samling.exports.responses import export_response

    registration = _registration(token)
    if registration.status == Registration.Status.CANCELLED:
        raise Http404
    response = export_response(
        "agenda-ical", registration_agenda(registration), slug=registration.event.slug
    )
    return _private(response)
