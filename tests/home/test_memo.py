"""The site and its root in each language kept in the process for one generation of the
page cache (home/memo.py): read once, seen anew as soon as a change starts a generation,
never shared between requests as the same object, and not kept without the page cache."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from home import memo
from home.page_cache import invalidate

pytestmark = pytest.mark.django_db


def site_and_root(path="/", language="fr"):
    request = RequestFactory().get(path)
    with translation.override(language), CaptureQueriesContext(connection) as queries:
        site = memo.site_for_request(request)
        root = memo.localized_root(request, site)
    return site, root, len(queries)


@pytest.mark.usefixtures("page_cache")
def test_the_site_and_its_root_are_read_once_per_generation(home):
    site, root, first_queries = site_and_root()
    again_site, again_root, queries = site_and_root()
    assert first_queries == 2
    assert queries == 0
    assert (again_site.pk, again_root.pk) == (site.pk, root.pk) == (site.pk, home.pk)


@pytest.mark.usefixtures("page_cache")
def test_each_language_has_its_root(home, english_home):
    assert site_and_root(language="fr")[1].pk == home.pk
    assert site_and_root("/en/", language="en")[1].pk == english_home.pk


@pytest.mark.usefixtures("page_cache")
def test_a_new_generation_reads_them_again(home, translate):
    assert site_and_root("/en/", language="en")[1].pk == home.pk  # not translated yet
    english_home = translate(home, title="Home")
    invalidate()  # what publishing does once its transaction commits
    _site, root, queries = site_and_root("/en/", language="en")
    assert root.pk == english_home.pk
    assert queries == 2


@pytest.mark.usefixtures("page_cache")
def test_each_request_gets_its_own_copy(home):
    _site, root, _queries = site_and_root()
    root._cached_parent_obj = "left by a request"
    _site, again, _queries = site_and_root()
    assert again is not root
    assert not hasattr(again, "_cached_parent_obj")


def test_nothing_is_kept_without_the_page_cache(home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    site_and_root()
    assert site_and_root()[2] == 2


@pytest.mark.usefixtures("page_cache")
def test_the_memo_is_bounded(home, monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    for port in range(8000, 8010):
        request = RequestFactory().get("/", SERVER_PORT=str(port))
        memo.site_for_request(request)
    assert len(memo._values) <= 3


@pytest.mark.usefixtures("page_cache")
def test_the_entry_read_last_is_kept_when_the_memo_is_full(home, monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    site_and_root()  # the site of testserver:80 and its root: 2 entries
    for port in range(8000, 8004):
        site_and_root()  # read again at each request, as every page does
        memo.site_for_request(RequestFactory().get("/", SERVER_PORT=str(port)))
    assert site_and_root()[2] == 0


def active_locale(language):
    request = RequestFactory().get("/")
    with translation.override(language), CaptureQueriesContext(connection) as queries:
        locale = memo.active_locale(request)
    return locale, len(queries)


@pytest.mark.usefixtures("page_cache", "english_home")
def test_the_active_locale_is_read_once_per_generation_and_language():
    french, first_queries = active_locale("fr")
    again, queries = active_locale("fr")
    english, _queries = active_locale("en")
    assert first_queries == 1
    assert queries == 0
    assert (french.language_code, again.pk, english.language_code) == ("fr", french.pk, "en")


@pytest.mark.usefixtures("page_cache")
def test_a_change_of_the_locales_starts_a_new_generation(home, committed):
    from wagtail.models import Locale

    active_locale("fr")
    with committed():
        Locale.objects.create(language_code="de")
    _locale, queries = active_locale("fr")
    assert queries == 1
