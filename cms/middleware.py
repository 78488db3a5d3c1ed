"""A friendly 503 page, in the visitor's language, while the database is unreachable."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

# Seconds after which browsers and crawlers may try again.
RETRY_AFTER = 30


def database_unavailable_response(request):
    """The 503 page, rendered without the database: a static template (no site, no page, no
    context processor), its language taken from the URL prefix."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        content = render_to_string("503.html", {"language": language})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 instead of 500 when a view or its template loses the database.

    Django closes the broken connection at the end of the request and checks the next one
    before using it (CONN_HEALTH_CHECKS), so the site recovers by itself once the database
    is back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable, answering 503 to %s: %s", request.path, exception)
        return database_unavailable_response(request)
