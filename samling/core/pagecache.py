"""Whole-page caching for public pages: rendered once per change and language.

Keys carry the content's `updated_at`, so a change anywhere in an event (its programme, people,
venue) makes a new key and the old entry simply ages out; no invalidation messages are needed
between processes. Only pages without per-visitor state may use this.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

TIMEOUT = 60 * 60 * 24


def cached_response(request, key: str, render, *, content_type="text/html; charset=utf-8"):
    """Return the cached body for `key` (plus language), or call `render()` and cache it."""
    full_key = f"page:{key}:{translation.get_language()}"
    entry = cache.get(full_key)
    if entry is None:
        response = render()
        if response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        entry = (response.content, response.get("Content-Type", content_type))
        cache.set(full_key, entry, TIMEOUT)
    body, ctype = entry
    response = HttpResponse(body, content_type=ctype)
    response["Content-Language"] = translation.get_language()
    return response
