"""Celery application: eager when SAMLING_REDIS_URL is unset, so the embedded default needs no broker."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samling.settings")

app = Celery("samling")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
