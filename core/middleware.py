"""Request id for logs and the audit trail, security headers, and a clear page when the DB is down."""

import contextvars
import logging
import uuid

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .errors import database_unavailable

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True


class RequestIdMiddleware:
    """Tags each request with an id (kept from a proxy's ``X-Request-ID`` when it looks sane)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        rid = incoming if incoming and len(incoming) <= 64 and incoming.isascii() else uuid.uuid4().hex
        token = _request_id.set(rid)
        request.request_id = rid
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = rid
        return response


class SecurityHeadersMiddleware:
    """Content Security Policy without inline script, and a restrictive Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class DatabaseUnavailableMiddleware:
    """A Vietnamese 503 page instead of a stack trace when the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) or (
            isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
        ):
            logging.getLogger("core").error("database unavailable: %s", exception)


            return database_unavailable(request)
        return None


class LanguageMiddleware(LocaleMiddleware):
    """The language the user chose with the selector (its cookie), otherwise Vietnamese.

    Django's own middleware would also follow the browser's Accept-Language, so an official whose
    browser is set to English would land in English without asking; the province works in
    Vietnamese, and English is there for whoever picks it.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
