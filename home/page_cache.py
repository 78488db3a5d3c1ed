"""Full-page cache for anonymous visitors.

Only GET and HEAD requests without a session or messages cookie are looked up, never the
admin, a preview nor a free-text search (`q`: any text, and each search is counted); only
200 answers that set no cookie, do not vary on cookies (a CSRF token) and are not private
are stored.
The key is the scheme, host, full path with its query string and the active language.

Every entry belongs to a generation: publishing, unpublishing, moving or deleting a page,
saving a snippet, a site setting, an image, a view restriction or a watched model (see
`watch`) starts a new one once the transaction commits, so that no stale page is served.
Entries live in the "default" cache: Redis when REDIS_URL is set, else files that every
process of the machine shares. Without Redis the generation has a file cache of its own
(`generation_store`), which no page entry can push out.

Under gunicorn, StoredPagesApplication serves stored pages before Django handles the
request; PageCacheMiddleware stores them, and serves them when a request comes another way
(the development server, the tests)."""

import functools
import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.cache import has_vary_header

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.logs import logged
from home.memo import put_last

HEADER = "X-Cache"
GENERATION_KEY = "page-cache:generation"
# 3: entries hold the headers of the security middleware too (2), and their expiry time. A new
# prefix when what an entry holds changes: the entries of the code before are never read.
KEY_PREFIX = "page-cache:3"
# The cache alias of the generation, when the settings give it one (see generation_store).
GENERATION_CACHE = "page-cache-generation"
# Search results depend on free text, and each search is counted for staff.
UNCACHED_VIEWS = {"search", "search_suggestions"}
SEARCH_PARAMETER = "q"
NO_STORE_DIRECTIVES = {"private", "no-cache", "no-store"}
# What StoredPagesApplication found, for the middleware: the generation and the key.
LOOKED_UP = "page_cache.looked_up"
LOCALE = LocaleMiddleware(lambda request: None)
# The pages this process stored or read last, in its memory: reading the shared cache
# (a file, decompressed) is a third of a page's time in the worker. Their keys hold the
# generation, so a change makes them unreachable here as in the shared cache; each entry
# keeps its expiry time. At most ~30 kB each, the least recently used going first.
RECENT_PAGES = 256
_recent_pages = OrderedDict()
_recent_lock = threading.Lock()
# Models whose rows show on public pages, besides snippets, settings and pages.
WATCHED_MODELS = [AbstractImage, AbstractDocument, PageViewRestriction, Site]


class PageCacheMiddleware:
    """Stores pages, and serves them to requests that did not come through
    `StoredPagesApplication` (the development server, the tests). It sits just inside
    SessionMiddleware, before the middleware that set headers (security, language): a page
    is stored with the headers they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if LOOKED_UP in request.META:  # by StoredPagesApplication, which found no page
            generation, key = request.META[LOOKED_UP]
            if generation:  # else home/memo.py reads it when it needs it
                request.page_cache_generation = generation
        else:
            key, response = look_up(request)
            if response is not None:
                return response
        if key is None:
            return self.get_response(request)
        response = self.get_response(request)
        if request.method == "GET" and is_shareable(request, response):
            seconds = settings.PAGE_CACHE_SECONDS
            stored = (response.content, dict(response.items()), time.time() + seconds)
            cache.set(key, stored, seconds)
            keep_recent(key, stored)
        response[HEADER] = "miss"
        return response


class StoredPagesApplication:
    """The WSGI application of gunicorn's workers (cms/wsgi.py): a stored page is served
    before Django handles the request, with the request log's line and id only. Django's
    handler and middleware cost as much again as reading the page (0.24 ms of a worker's
    time per page served from the middleware, 0.17 ms from here)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # A copy: a WSGIRequest writes the decoded path into the environ it reads, which
        # Django's own request would decode again.
        request = WSGIRequest(dict(environ))
        try:
            key, response = look_up(request)
        except Exception:  # a host not allowed, for one: Django answers as it would anyway
            return self.application(environ, start_response)
        if response is None:
            environ[LOOKED_UP] = (getattr(request, "page_cache_generation", None), key)
            return self.application(environ, start_response)
        response = logged(request, lambda: response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]


def look_up(request):
    """(key, stored response): the key is None when the request may not be served from the
    cache nor its page stored, the response None when no page is stored under the key."""
    if not settings.PAGE_CACHE_SECONDS or not is_anonymous_read(request):
        return None, None
    # The language is part of the key: chosen here as LocaleMiddleware, further down, will.
    LOCALE.process_request(request)
    generation = request.page_cache_generation = current_generation()
    if not generation:
        return None, None
    key = page_key(request, generation)
    stored = recent_page(key)
    if stored is None:
        stored = cache.get(key)
        if stored is None:
            return key, None
        keep_recent(key, stored)
    content, headers, _expires = stored
    response = HttpResponse(content, headers=headers)
    response[HEADER] = "hit"
    return key, response


def recent_page(key):
    """A page this process stored or read lately, until it expires."""
    with _recent_lock:
        stored = _recent_pages.get(key)
        if stored is None or stored[2] <= time.time():
            return None
        _recent_pages.move_to_end(key)
        return stored


def keep_recent(key, stored):
    with _recent_lock:
        put_last(_recent_pages, key, stored, RECENT_PAGES)


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def is_anonymous_read(request):
    return (
        # Static files are served by WhiteNoise, further down.
        not request.path_info.startswith(settings.STATIC_URL)
        and request.method in ("GET", "HEAD")
        # Wagtail's previews render the draft through the middleware in a dummy request.
        and not getattr(request, "is_dummy", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.GET.get(SEARCH_PARAMETER, "").strip()
        and not request.path_info.startswith(admin_prefix())
        # SecurityMiddleware, further down, redirects it to HTTPS.
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
    )


def is_shareable(request, response):
    """Whether every anonymous visitor may get this response."""
    match = request.resolver_match
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in response.get("Cache-Control", "").split(",")
    }
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not directives & NO_STORE_DIRECTIVES
        and not getattr(request, "is_preview", False)
        and match is not None
        and match.url_name not in UNCACHED_VIEWS
    )


def page_key(request, generation):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{translation.get_language()} {url}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{digest}"


def generation_store():
    """The cache that holds the generation: GENERATION_CACHE when configured (the file
    cache deletes a third of its entries at random once it holds 300, and losing the
    generation makes every stored page unreachable), else the default cache."""
    return caches[GENERATION_CACHE] if GENERATION_CACHE in settings.CACHES else cache


def current_generation():
    """The generation of the entries to serve; None when the cache cannot be reached."""
    store = generation_store()
    generation = store.get(GENERATION_KEY)
    if generation is None:
        # A random value, not a counter: an evicted counter would start again at a value
        # whose entries may still be stored.
        store.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = store.get(GENERATION_KEY)
    return generation


def invalidate():
    """Make every cached page stale: each is rendered again on its next request."""
    generation_store().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_on_commit(**kwargs):
    # After the commit: a request in between would store the page as it was before.
    transaction.on_commit(invalidate)


def watch(model):
    """Invalidate the page cache whenever a row of `model` is saved or deleted: for data
    that pages show and that is not a page, snippet, setting or image."""
    WATCHED_MODELS.append(model)
    is_watched.cache_clear()


@functools.cache
def is_watched(model):
    if issubclass(model, Page):
        return False  # drafts save the page too: publishing is what counts
    return (
        issubclass(model, (BaseSiteSetting, BaseGenericSetting, *WATCHED_MODELS))
        or model in get_snippet_models()
    )


def model_saved(sender, instance, created=False, **kwargs):
    # A page created live was not published: an alias (a copy of a page not translated
    # yet) or a copy kept live.
    if is_watched(sender) or (created and isinstance(instance, Page) and instance.live):
        invalidate_on_commit()


def model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or is_watched(sender):
        invalidate_on_commit()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_on_commit, dispatch_uid="page_cache")
    post_save.connect(model_saved, dispatch_uid="page_cache")
    post_delete.connect(model_deleted, dispatch_uid="page_cache")
