from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load the demo content (idempotently) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Stop after loading.")

    def handle(self, *args, port, no_serve, **options):
        from samling.core.demo.load import load_demo

        call_command("migrate", interactive=False, verbosity=0)
        logins = load_demo()
        address = f"http://127.0.0.1:{port}/"
        self.stdout.write(f"Samling demo: {address}")
        for line in logins:
            self.stdout.write(line)
        self.stdout.write(f"Organiser area: {address}orga/  Django admin: {address}admin/")
        self.stdout.flush()
        if not no_serve:
            call_command("serve", bind=f"127.0.0.1:{port}", workers=2)
