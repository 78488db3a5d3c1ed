"""Per-client rate limit of the searches (SEARCH_RATE_LIMIT) and suggestions
(SUGGESTIONS_RATE_LIMIT): a counter per client and fixed time window in the cache, shared by
every app server when the cache is Redis. Over the limit, the visitor gets a 429 page in
their language (JSON for suggestions) with Retry-After. When the cache fails, searches are
let through: the limit protects the site, it must not take the search down."""

import logging
import math
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from cms.security import client_ip

logger = logging.getLogger(__name__)

RATE = re.compile(r"^(?P<count>\d+)/(?P<unit>[smhd])$")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The site search and the library's share one count: both are searches.
SEARCH_SCOPE = "search"


def parse_rate(value):
    """(count, seconds) of a rate such as "60/m"; None when "0" or empty: no limit."""
    value = (value or "").strip()
    if value in ("", "0"):
        return None
    match = RATE.match(value)
    if not match or int(match["count"]) == 0:
        raise ImproperlyConfigured(
            f'A rate limit is "<number>/<s|m|h|d>", e.g. "60/m", or "0" for none: {value!r}.'
        )
    return int(match["count"]), SECONDS[match["unit"]]


def seconds_to_wait(request, scope, rate_setting):
    """0 if the request may go on, else the seconds until the client's window ends."""
    rate = parse_rate(getattr(settings, rate_setting))
    if rate is None:
        return 0
    limit, period = rate
    now = time.time()
    window = int(now // period)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    try:
        cache.add(key, 0, timeout=period)
        count = cache.incr(key)
    except Exception:
        logger.warning("Rate limit of %s not applied: the cache failed.", scope, exc_info=True)
        return 0
    if count <= limit:
        return 0
    return max(1, math.ceil((window + 1) * period - now))


def too_many_searches(request, retry_after):
    response = TemplateResponse(
        request, "pages/search/rate_limited.html", {"retry_after": retry_after}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def too_many_suggestions(retry_after):
    response = JsonResponse(
        {
            "error": gettext("Trop de demandes : réessayez dans quelques instants."),
            "retry_after": retry_after,
            "suggestions": [],
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def limit_searches(view):
    @wraps(view)
    def limited(request, *args, **kwargs):
        wait = seconds_to_wait(request, SEARCH_SCOPE, "SEARCH_RATE_LIMIT")
        if wait:
            return too_many_searches(request, wait)
        return view(request, *args, **kwargs)

    return limited


def limit_suggestions(view):
    @wraps(view)
    def limited(request, *args, **kwargs):
        wait = seconds_to_wait(request, "suggestions", "SUGGESTIONS_RATE_LIMIT")
        if wait:
            return too_many_suggestions(wait)
        return view(request, *args, **kwargs)

    return limited
