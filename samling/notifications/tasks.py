"""Background work: sending mail. Tasks take ids, load, and call a service."""

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(bind=True, max_retries=services.MAX_ATTEMPTS, acks_late=True)
def send_outbox_message(self, message_id: int) -> bool:
    sent = services.deliver(message_id)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        # No worker and no beat in the embedded set-up: once the server answers again, older
        # messages left by an outage go out with this one.
        if sent:
            services.deliver_pending(limit=20, retries_only=True)
        return sent
    if not sent:
        # Back off: 30 s, 1 min, 2 min … up to an hour. The periodic task catches the rest.
        raise self.retry(countdown=min(30 * 2**self.request.retries, 3600))
    return sent


@shared_task(acks_late=True)
def send_pending_mail() -> int:
    """Send what waits in the outbox. Run a moment after a burst of new mail, and every minute
    by Celery beat, which is also how messages are retried while the SMTP server is down."""
    from django.core.cache import cache

    cache.delete(services.SCHEDULED_KEY)
    sent = total = services.deliver_pending()
    while sent == 200:  # a full batch: more may wait (a message to a thousand registrants)
        sent = services.deliver_pending()
        total += sent
    return total


@shared_task(acks_late=True)
def send_due_reminders() -> int:
    """Run every few minutes by Celery beat: queue the reminders whose time has come."""
    return services.send_due_reminders()
