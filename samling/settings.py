"""Samling's settings: one module, every SAMLING_* variable read once, each with a default.

A first run needs no configuration: SQLite in ./var, tasks run eagerly, cache in memory,
e-mails written to files.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("SAMLING_DATA_DIR", "var")).resolve()
DEBUG = _env_bool("SAMLING_DEBUG", False)
SECRET_KEY = os.environ.get("SAMLING_SECRET_KEY", "")
if not SECRET_KEY:
    # A stable key per data directory, so sessions survive restarts without configuration.
    _key_file = DATA_DIR / "secret_key"
    try:
        SECRET_KEY = _key_file.read_text().strip()
    except FileNotFoundError:
        from django.utils.crypto import get_random_string

        DATA_DIR.mkdir(parents=True, exist_ok=True)
        SECRET_KEY = get_random_string(64)
        _key_file.write_text(SECRET_KEY)
        _key_file.chmod(0o600)

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("SAMLING_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]
BASE_URL = os.environ.get("SAMLING_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
if urlsplit(BASE_URL).scheme == "https":
    CSRF_TRUSTED_ORIGINS = [BASE_URL]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "samling.core",
    "samling.networks",
    "samling.events",
    "samling.programme",
    "samling.registration",
    "samling.groups",
    "samling.notifications",
    "samling.announcements",
    "samling.public",
    "samling.api",
    "samling.orga",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "samling.core.middleware.LanguageParameterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "samling.urls"
WSGI_APPLICATION = "samling.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("SAMLING_DATABASE_URL", f"sqlite:///{DATA_DIR / 'samling.sqlite3'}"),
        conn_max_age=600,
        # No health-check query before each request: a connection broken by a database restart
        # fails one request and is replaced, instead of every request paying a round trip.
        conn_health_checks=False,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids lock upgrades mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so tests with threads (races, the live server) share one database.
    # One per process, so parallel test runs never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"samling-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "networks.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/orga/login/"
LOGIN_REDIRECT_URL = "/orga/"
# An organiser's session ends this many hours after logging in.
SESSION_COOKIE_AGE = 60 * 60 * int(os.environ.get("SAMLING_SESSION_HOURS", "12"))

REDIS_URL = os.environ.get("SAMLING_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "samling.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "samling",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True

EMAIL_URL = os.environ.get("SAMLING_EMAIL_URL", "")
if EMAIL_URL.startswith(("smtp://", "smtps://")):
    _email = urlsplit(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or (465 if _email.scheme == "smtps" else 25)
    EMAIL_HOST_USER = _email.username or ""
    EMAIL_HOST_PASSWORD = _email.password or ""
    EMAIL_USE_SSL = _email.scheme == "smtps"
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("SAMLING_FROM_EMAIL", "samling@localhost")

# Registration attempts per minute from one address through the API (0: no limit).
REGISTRATION_RATE_LIMIT = int(os.environ.get("SAMLING_REGISTRATION_RATE_LIMIT", "30"))
# Registrations of events that ended more than this many days ago are anonymised (daily task).
ANONYMISE_AFTER_DAYS = int(os.environ.get("SAMLING_ANONYMISE_AFTER_DAYS", "365"))

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("da", _("Danish")),
    ("sv", _("Swedish")),
    ("nb", _("Norwegian Bokmål")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["samling.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Copenhagen"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise serves from the app folders (finders) until `collectstatic` fills this one.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

# The programme import's correction form posts about 13 fields per item.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

CELERY_BEAT_SCHEDULE = {
    "send-pending-mail": {
        "task": "samling.notifications.tasks.send_pending_mail",
        "schedule": 60.0,
    },
    "send-due-reminders": {
        "task": "samling.notifications.tasks.send_due_reminders",
        "schedule": 300.0,
    },
    "anonymise-past-registrations": {
        "task": "samling.registration.tasks.anonymise_past_registrations",
        "schedule": 60.0 * 60 * 24,
    },
}
