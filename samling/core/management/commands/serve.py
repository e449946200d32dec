import os

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Samling with gunicorn (DEBUG off, static files by WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--threads",
            type=int,
            default=1,
            help="Threads per worker; more than 1 keeps connections alive (gthread workers).",
        )

    def handle(self, *args, bind, workers, threads, **options):
        from gunicorn.app.wsgiapp import WSGIApplication

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samling.settings")
        argv = [
            "gunicorn",
            "samling.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "-",
            "--timeout",
            "60",
            # The application (its views, catalogues) is loaded once and shared by the workers.
            "--preload",
        ]

        class Application(WSGIApplication):
            def load_config(self):
                import sys

                saved, sys.argv = sys.argv, argv
                try:
                    super().load_config()
                finally:
                    sys.argv = saved

        Application("%(prog)s [OPTIONS] [APP_MODULE]").run()
