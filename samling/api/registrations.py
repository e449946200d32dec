"""POST /api/v1/events/{slug}/registrations: the same rules as the form, as JSON."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict

from samling.events.models import Event
from samling.events.queries import absolute_url
from samling.registration.forms import RegistrationForm
from samling.registration.models import Registration
from samling.registration.queries import published_event_to_register_for
from samling.registration.services import (
    RegistrationClosed,
    RegistrationError,
    RegistrationFull,
    register,
    waitlist_position,
)

router = Router(tags=["registrations"])

LANGUAGES = {"da", "sv", "nb", "en"}


class RegistrationIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "Åse Ødegård",
                    "email": "ase.odegard@example.org",
                    "organisation": "Skellefteå kommun",
                    "category": "official",
                    "phone": "+46 70 123 45 67",
                    "options": ["buss", "lunch-1", "samtal-tjansteman"],
                    "answers": {},
                    "language": "sv",
                }
            ]
        }
    )

    name: str
    email: str
    organisation: str = ""
    category: str | None = None
    phone: str = ""
    title: str = ""
    municipality: str | None = None
    dietary_needs: str = ""
    answers: dict = {}
    options: list[str] = []
    language: str | None = None


class RegistrationCreatedOut(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 42,
                    "status": "waitlisted",
                    "waitlist_position": 3,
                    "manage_url": "https://events.example.org/r/Xq3…/",
                }
            ]
        }
    )

    id: int
    status: str
    waitlist_position: int | None
    manage_url: str


class ErrorOut(Schema):
    # A sentence, or django-ninja's list when the body does not fit the schema at all.
    detail: str | list[dict]
    errors: dict[str, list[str]] = {}


def _earlier_with_key(event: Event, key: str) -> Registration | None:
    return Registration.objects.filter(event=event, idempotency_key=key).first() if key else None


def _rate_limited(request: HttpRequest) -> bool:
    """Ample for people, not for scripts: SAMLING_REGISTRATION_RATE_LIMIT a minute per address."""
    limit = settings.REGISTRATION_RATE_LIMIT
    if not limit:
        return False
    address = request.META.get("REMOTE_ADDR", "unknown")
    key = f"ratelimit:registration:{address}"
    if cache.add(key, 1, 60):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:
        return False


def _form_data(event: Event, payload: RegistrationIn) -> dict:
    """Translate the JSON into the form's fields, so both share one set of rules."""
    data = {
        "name": payload.name,
        "email": payload.email,
        "phone": payload.phone,
        "title": payload.title,
        "organisation": payload.organisation,
        "dietary_needs": payload.dietary_needs,
        "consent": "on",
    }
    if payload.category:
        keys = {category.key: category.pk for category in event.categories.all()}
        data["category"] = keys.get(payload.category, "-")
    if payload.municipality:
        names = {municipality.name: municipality.pk for municipality in event.network.members.all()}
        data["municipality"] = names.get(payload.municipality, "-")
    groups = {}
    for option in event.options.all():
        if option.choice_group:
            groups.setdefault(option.choice_group, []).append(option.key)
    for index, keys in enumerate(groups.values()):
        chosen = [key for key in payload.options if key in keys]
        if chosen:
            data[f"group_{index}"] = chosen[0]
    for key in payload.options:
        data[f"option_{key}"] = "on"
    for key, value in payload.answers.items():
        if value is True or value is False:
            value = "yes" if value else "no"
        data[f"q_{key}"] = value
    return data


# The configurations read by this process, by key, so a registration does not even ask
# Redis. Read-only once stored. A change to the event or its network gives a new key; a
# network's members (changed without saving the network) are read again after a while.
CONFIG_SECONDS = 300
_configs: dict[str, tuple[dict, float]] = {}


def _use_cached_config(event: Event) -> None:
    """Categories, options, questions and member municipalities, read once per change.

    They are put where Django keeps prefetched rows, so the form and the services read them
    without a query. (Option counters in them may be stale; only the database's counters decide.)
    """
    key = (
        f"registration-config:{event.pk}:{event.updated_at.timestamp()}:"
        f"{event.network.updated_at.timestamp()}"
    )
    config, expires = _configs.get(key, (None, 0.0))
    if expires < time.monotonic():
        config = cache.get(key)
        if config is None:
            config = {
                "categories": list(event.categories.all()),
                "options": list(event.options.all()),
                "questions": list(event.questions.all()),
                "members": list(event.network.members.all()),
            }
            cache.set(key, config, CONFIG_SECONDS)
        if len(_configs) >= 256:
            _configs.clear()  # old versions: a rare, cheap rebuild
        _configs[key] = (config, time.monotonic() + CONFIG_SECONDS)
    event._prefetched_objects_cache = {
        name: _prefetched(getattr(event, name), config[name])
        for name in ("categories", "options", "questions")
    }
    event.network._prefetched_objects_cache = {
        "members": _prefetched(event.network.members, config["members"])
    }


def _prefetched(manager, rows: list):
    """A queryset of the relation that already holds `rows`, as prefetch_related leaves it."""
    queryset = manager.get_queryset()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    return queryset


def _out(registration: Registration) -> dict:
    return {
        "id": registration.pk,
        "status": registration.status,
        "waitlist_position": getattr(registration, "position_when_registered", None)
        or waitlist_position(registration),
        "manage_url": absolute_url(registration.get_absolute_url()),
    }


@router.post(
    "/events/{slug}/registrations",
    response={
        200: RegistrationCreatedOut,
        201: RegistrationCreatedOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
    summary="Register for an event",
    openapi_extra={
        "parameters": [
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "schema": {"type": "string", "maxLength": 100},
                "description": "Repeating a request with the same key returns the first answer.",
            }
        ]
    },
)
def create_registration(request, slug: str, payload: RegistrationIn):
    event = published_event_to_register_for(slug)
    if event is None:
        raise Http404
    _use_cached_config(event)
    if not hasattr(event, "registration_settings"):
        raise HttpError(404, "This event takes no registrations here.")
    key = request.headers.get("Idempotency-Key", "")[:100]
    # A retried request is found by the database's constraint when it registers (no lookup
    # for every new one); only where it would be turned away is it looked up first.
    if _rate_limited(request):
        if earlier := _earlier_with_key(event, key):
            return Status(200, _out(earlier))
        return Status(429, {"detail": "Too many attempts. Please wait a minute."})
    language = payload.language if payload.language in LANGUAGES else event.language
    with translation.override(language):
        if not event.registration_settings.is_open():
            if earlier := _earlier_with_key(event, key):
                return Status(200, _out(earlier))
            return Status(409, {"detail": str(RegistrationClosed.message)})
        form = RegistrationForm(_form_data(event, payload), event=event)
        known = {option.key for option in event.options.all()}
        unknown = sorted(set(payload.options) - known)
        if not form.is_valid() or unknown:
            errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
            if unknown:
                errors["options"] = [f"Unknown option: {key}" for key in unknown]
            return Status(422, {"detail": "Some fields are not valid.", "errors": errors})
        data = form.to_data(language)
        data.idempotency_key = key
        try:
            registration, created = register(event, data)
        except (RegistrationFull, RegistrationClosed) as error:
            return Status(409, {"detail": str(error.message)})
        except RegistrationError as error:
            return Status(422, {"detail": str(error.message)})
    return Status(201 if created else 200, _out(registration))
