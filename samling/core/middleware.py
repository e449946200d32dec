from django.conf import settings
from django.utils import translation


class LanguageParameterMiddleware:
    """`?lang=sv` switches the interface language and remembers it in the language cookie.

    The switcher is a plain link, so it works without JavaScript and cached pages stay
    shareable per language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.GET.get("lang")
        if chosen not in self.codes:
            return self.get_response(request)
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen
        request.language_chosen = True
        response = self.get_response(request)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            chosen,
            max_age=365 * 24 * 3600,
            samesite="Lax",
        )
        return response
