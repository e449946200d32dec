import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samling.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    """Import every view and load the catalogues now, not in the first requests: with
    `samling serve` (gunicorn --preload) this is done once, before the workers are forked."""
    import gc

    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 (imports the views)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Registration")
    # Nothing opened here may be shared by the forked workers.
    connections.close_all()
    # What is loaded now lives as long as the process: the garbage collector need not look
    # at it again, and the forked workers keep sharing its memory pages (Python's advice for
    # servers that fork).
    gc.freeze()


_warm_up()
