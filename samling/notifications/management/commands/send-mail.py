from django.core.management.base import BaseCommand

from samling.notifications.services import deliver_pending


class Command(BaseCommand):
    help = "Send every e-mail still waiting in the outbox (for cron when no Celery beat runs)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, limit, **options):
        sent = deliver_pending(limit=limit)
        self.stdout.write(f"sent: {sent}")
