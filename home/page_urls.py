"""Page URLs as Wagtail gives them (`{% pageurl %}`, `page.url`), at a fraction of the cost:
Wagtail reverses the `wagtail_serve` URL pattern once per link, in the page's language
(30 µs a link: 6 ms for the 200 members a listing shows); here the language prefix is
reversed once and the page's path appended, quoted as `reverse()` quotes it.

`BasePage.get_url_parts` uses it, so every link to a page of the site takes this path;
`url_of` gives the link of a page known only by its `url_path`, for listings that need no
page object. tests/home/test_page_urls.py compares both with Wagtail's own URLs."""

import functools
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from home.memo import site_for_request

# The characters reverse() leaves unquoted in a path.
SAFE = RFC3986_SUBDELIMS + "/~:@"


def site_root_paths(cache_object):
    """Every site root, kept on the request (or the page, without one) as Wagtail's
    `Page._get_site_root_paths` keeps them."""
    try:
        return cache_object._wagtail_cached_site_root_paths
    except AttributeError:
        cache_object._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return cache_object._wagtail_cached_site_root_paths


def url_parts(url_path, cache_object):
    """(site_id, root_url, path) as `Page.get_url_parts` returns them, or None when the
    page is under no site or under several (then Wagtail's own rules apply)."""
    roots = [root for root in site_root_paths(cache_object) if url_path.startswith(root.root_path)]
    if len(roots) != 1:
        return None
    site_id, root_path, root_url, language_code = roots[0]
    try:
        if get_supported_content_language_variant(translation.get_language()) == language_code:
            language_code = translation.get_language()
    except LookupError:
        pass
    prefix = serve_prefix(language_code, get_script_prefix())
    path = quote(prefix + url_path[len(root_path) :], SAFE)
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    return site_id, root_url, path


@functools.cache
def serve_prefix(language_code, script_prefix):
    """The URL of the site root in this language ("/", "/en/"), under this script prefix
    (an argument so that it is part of the cache key)."""
    with translation.override(language_code):
        return reverse("wagtail_serve", args=("",))


def url_of(url_path, request):
    """The link `page.get_url(request)` gives a page with this `url_path`: a path on the
    current site (or when there is one site), else a full URL; None if the page is under
    no site."""
    parts = url_parts(url_path, request)
    if parts is None:
        return None
    site_id, root_url, path = parts
    current = site_for_request(request)
    sites = {root.site_id for root in site_root_paths(request)}
    if (current is not None and current.pk == site_id) or len(sites) == 1:
        return path
    return root_url + path
