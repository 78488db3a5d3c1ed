"""Rows every request reads and that rarely change (the site of a host, its root in each
language, the route of a path), kept in this process for one generation of the page cache.

Every change that could alter them (a page published, moved or deleted, a site saved)
starts a new generation (home/page_cache.py), and the memo starts again empty. Without a
generation (the page cache off, or its cache unreachable) every call computes afresh.
Each caller gets its own copy of a kept model instance, so that what a request attaches
to it (a cached parent, the specific page) never reaches the next request."""

import copy
import threading
from collections import OrderedDict

from django.conf import settings
from django.db.models import Q, Subquery
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

# Keys hold a host and a port, which a client chooses among the allowed hosts, and paths:
# a bound. The least recently used entry goes first, so that visits to many sheets do not
# push out the site and roots every request reads.
MAX_ENTRIES = 1024
_lock = threading.Lock()
_generation = None
_values = OrderedDict()


def per_generation(request, key, compute, keep=None):
    """The value of `compute()` for `key`, computed once per generation in this process
    (unless `keep(value)` says not to keep it)."""
    global _generation
    generation = request_generation(request)
    if not generation:
        return compute()
    with _lock:
        if generation != _generation:
            _values.clear()
            _generation = generation
        if key in _values:
            _values.move_to_end(key)
            return copy.copy(_values[key])
    value = compute()
    if keep is not None and not keep(value):
        return value
    with _lock:
        if generation == _generation:
            put_last(_values, key, value, MAX_ENTRIES)
    return copy.copy(value)


def put_last(entries, key, value, limit):
    """Put `value` at the end of `entries` (an OrderedDict, its least recently used entry
    first), then drop the first entries beyond `limit`."""
    entries[key] = value
    entries.move_to_end(key)
    while len(entries) > limit:
        entries.popitem(last=False)


def request_generation(request):
    """The page cache's generation, read once per request (the page cache middleware has
    usually read it already)."""
    from home.page_cache import current_generation

    if not settings.PAGE_CACHE_SECONDS:
        return None
    if not hasattr(request, "page_cache_generation"):
        request.page_cache_generation = current_generation()
    return request.page_cache_generation


def site_for_request(request):
    """`Site.find_for_request`, from the memo: Wagtail asks the database at each request,
    a query with the root page joined that costs 2–3 ms of Python."""
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request._get_raw_host(), request.get_port())
        request._wagtail_site = per_generation(
            request, key, lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def localized_root(request, site):
    """`site.root_page.localized` from the memo: the root's live translation in the
    active language, else the root itself."""
    language = get_language()
    return per_generation(
        request, ("root", site.root_page_id, language), lambda: find_localized_root(site, language)
    )


def find_localized_root(site, language):
    """The root's live translation in `language`, else the root: one query."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    translation = Q(
        translation_key=Subquery(root_key),
        locale__language_code=language,
        live=True,
    )
    rows = list(Page.objects.filter(Q(pk=site.root_page_id) | translation).order_by())
    for row in rows:
        if row.pk != site.root_page_id:
            return row
    return rows[0]


def active_locale(request):
    """`Locale.get_active()` from the memo: a query at each search (home/apps.py makes a
    change of the locales start a new generation)."""
    return per_generation(request, ("locale", get_language()), Locale.get_active)
