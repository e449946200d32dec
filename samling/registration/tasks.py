"""Background work of the registration app: tasks take ids or nothing, load, call a service."""

from celery import shared_task

from . import privacy


@shared_task(acks_late=True)
def anonymise_past_registrations() -> int:
    """Daily (Celery beat): anonymise the registrations of events that ended long ago."""
    return privacy.anonymise_registrations(privacy.registrations_to_anonymise())
