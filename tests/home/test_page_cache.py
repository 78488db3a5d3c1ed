"""The full-page cache (home/page_cache.py): anonymous visitors get a stored copy, which
every change they could see invalidates; no one else is served from it, and nothing
personal, private, unpublished or in error is stored."""

import time
from unittest import mock
from urllib.parse import unquote_to_bytes
from wsgiref.util import setup_testing_defaults

from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from cms.file_cache import CHECK_EVERY
from home import page_cache
from home.factories import NewsPageFactory, StandardPageFactory
from home.models import Footer, SiteSettings
from knowledge.factories import ThemeFactory
from members.factories import AMIENS, MemberIndexPageFactory, MemberPageFactory, authority

from .helpers import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau")


def cached_twice(client, path):
    """The second of two visits: served from the cache when the first was stored."""
    client.get(path)
    return client.get(path)


def test_second_visit_is_served_from_the_cache_without_a_query(
    client, about, django_assert_num_queries
):
    first = client.get("/le-reseau/")
    with django_assert_num_queries(0):
        second = client.get("/le-reseau/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_stored_page_is_served_with_the_headers_of_its_first_answer(client, about):
    # The page cache sits before the security and language middleware: a hit skips them.
    first = client.get("/le-reseau/")
    second = client.get("/le-reseau/")
    assert second["X-Cache"] == "hit"
    # Not the Vary: Cookie of the session read while rendering: only visitors without a
    # session are served from the cache.
    assert (first["Vary"], second["Vary"]) == ("Accept-Language, Cookie", "Accept-Language")
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Content-Length",
    ):
        assert second[header] == first[header]
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_the_language_of_a_stored_page_is_its_address(client, english_home):
    cached_twice(client, "/")
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/en/", HTTP_ACCEPT_LANGUAGE="fr")
    assert (french["X-Cache"], parse(french).html["lang"]) == ("hit", "fr")
    assert (english["X-Cache"], parse(english).html["lang"]) == ("miss", "en")


def test_a_stored_page_is_not_served_over_http_once_https_is_required(client, about, settings):
    cached_twice(client, "/le-reseau/")
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/le-reseau/")  # a new process: its middleware reads the setting
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/le-reseau/"


def test_head_request_is_served_from_the_cache_after_a_get(client, about):
    client.get("/le-reseau/")
    assert client.head("/le-reseau/")["X-Cache"] == "hit"


def test_query_string_and_host_are_part_of_the_key(client, about):
    client.get("/le-reseau/")
    assert client.get("/le-reseau/?page=2")["X-Cache"] == "miss"
    assert client.get("/le-reseau/", HTTP_HOST="localhost")["X-Cache"] == "miss"


def test_french_and_english_pages_are_cached_separately(client, english_home):
    french = cached_twice(client, "/")
    english = cached_twice(client, "/en/")
    assert (french["X-Cache"], english["X-Cache"]) == ("hit", "hit")
    assert parse(french).html["lang"] == "fr"
    assert parse(english).html["lang"] == "en"
    assert "residents the power to act" in english.text
    assert "residents the power to act" not in french.text


def test_publishing_a_page_invalidates_the_cache(client, about, committed):
    cached_twice(client, "/le-reseau/")
    about.title = "Qui sommes-nous ?"
    with committed():
        about.save_revision().publish()
    response = client.get("/le-reseau/")
    assert response["X-Cache"] == "miss"
    assert "Qui sommes-nous ?" in response.text


def test_publishing_a_news_item_updates_the_cached_home_page(client, home, news_index, committed):
    cached_twice(client, "/")
    news = NewsPageFactory(parent=news_index, title="Rencontres nationales", live=False)
    with committed():
        news.save_revision().publish()
    assert "Rencontres nationales" in client.get("/").text


def test_unpublishing_a_page_removes_it_from_the_cache(client, about, committed):
    cached_twice(client, "/le-reseau/")
    with committed():
        about.unpublish()
    assert client.get("/le-reseau/").status_code == 404


def test_deleting_a_page_removes_it_from_the_cache(client, about, committed):
    cached_twice(client, "/le-reseau/")
    with committed():
        about.delete()
    assert client.get("/le-reseau/").status_code == 404


def test_moving_a_page_removes_it_from_its_old_address(client, home, about, committed):
    parent = StandardPageFactory(parent=home, slug="a-propos")
    cached_twice(client, "/le-reseau/")
    with committed():
        about.move(parent, pos="last-child")
    assert client.get("/le-reseau/").status_code == 301  # Wagtail's automatic redirect
    assert client.get("/a-propos/le-reseau/").status_code == 200


def test_publishing_a_translation_updates_the_cached_english_page(
    client, news_index, english_news_index, translate, committed
):
    news = NewsPageFactory(parent=news_index, title="Rencontres nationales")
    cached_twice(client, "/en/actualites/")
    with committed():
        translate(news, title="National meeting")
    assert "National meeting" in client.get("/en/actualites/").text


def test_saving_the_footer_snippet_invalidates_the_cache(client, home, french, committed):
    footer = Footer.objects.create(locale=french, text="<p>Ancien texte du pied de page</p>")
    cached_twice(client, "/")
    footer.text = "<p>Nouveau texte du pied de page</p>"
    with committed():
        footer.save()
    assert "Nouveau texte du pied de page" in client.get("/").text


def test_deleting_a_snippet_invalidates_the_cache(client, home, french, committed):
    footer = Footer.objects.create(locale=french, text="<p>Texte du pied de page</p>")
    cached_twice(client, "/")
    with committed():
        footer.delete()
    assert "Texte du pied de page" not in client.get("/").text


def test_saving_a_taxonomy_term_invalidates_the_cache(client, about, committed):
    cached_twice(client, "/le-reseau/")
    with committed():
        ThemeFactory(name="Jeunesse")
    assert client.get("/le-reseau/")["X-Cache"] == "miss"


def test_saving_the_site_settings_invalidates_the_cache(client, site, committed):
    cached_twice(client, "/")
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_email = "contact@reseau-bp.example"
    with committed():
        site_settings.save()
    assert "contact@reseau-bp.example" in client.get("/").text


def test_publishing_a_member_profile_updates_the_figures_of_the_home_page(client, home, committed):
    members = MemberIndexPageFactory(parent=home)
    member = MemberPageFactory(parent=members, authority=authority(*AMIENS), live=False)
    cached_twice(client, "/")
    with committed():
        member.save_revision().publish()
    figures = {
        item.select_one(".figure-label").get_text(strip=True): item.select_one(
            ".figure-value"
        ).get_text(strip=True)
        for item in parse(client.get("/")).select(".key-figures li")
    }
    assert figures["collectivités membres"] == "1"


def test_renaming_an_authority_updates_its_cached_profile(client, home, committed):
    members = MemberIndexPageFactory(parent=home)
    member = MemberPageFactory(parent=members, authority=authority(*AMIENS), slug="amiens")
    cached_twice(client, "/membres/amiens/")
    member.authority.name = "Amiens (nom officiel mis à jour)"
    with committed():
        member.authority.save()
    assert "Amiens (nom officiel mis à jour)" in client.get("/membres/amiens/").text


def test_clear_page_cache_command_makes_every_page_stale(client, about):
    cached_twice(client, "/le-reseau/")
    call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get("/le-reseau/")["X-Cache"] == "miss"


def test_logged_in_visitor_is_never_served_nor_stored(client, superuser, about):
    anonymous = cached_twice(client, "/le-reseau/")
    assert anonymous["X-Cache"] == "hit"
    client.force_login(superuser)
    logged_in = client.get("/le-reseau/")
    assert "X-Cache" not in logged_in
    client.logout()
    client.cookies.clear()
    assert client.get("/le-reseau/")["X-Cache"] == "hit"


def test_visitor_with_a_session_cookie_is_not_served_from_the_cache(client, about):
    cached_twice(client, "/le-reseau/")
    client.cookies["sessionid"] = "a-session"
    assert "X-Cache" not in client.get("/le-reseau/")


def test_draft_changes_are_not_served_even_to_a_preview(client, about):
    cached_twice(client, "/le-reseau/")
    about.title = "Titre en brouillon"
    about.save_revision()
    assert "Titre en brouillon" not in client.get("/le-reseau/").text
    preview = about.make_preview_request()
    assert "Titre en brouillon" in preview.content.decode()
    assert "X-Cache" not in preview
    assert "Titre en brouillon" not in client.get("/le-reseau/").text


def test_draft_page_is_not_served(client, home):
    StandardPageFactory(parent=home, slug="brouillon", live=False)
    assert client.get("/brouillon/").status_code == 404
    assert client.get("/brouillon/").status_code == 404


def test_private_page_is_never_stored(client, about):
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    client.get("/le-reseau/")
    response = client.get("/le-reseau/")
    assert response["X-Cache"] == "miss"
    assert 'name="password"' in response.text


def test_making_a_cached_page_private_stops_serving_it(client, about, committed):
    cached_twice(client, "/le-reseau/")
    with committed():
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/le-reseau/")
    assert response.status_code == 302
    assert response["X-Cache"] == "miss"


def test_post_is_neither_served_nor_stored(client, about):
    cached_twice(client, "/le-reseau/")
    assert "X-Cache" not in client.post("/le-reseau/")


def test_missing_page_is_not_cached(client, home, committed):
    assert client.get("/bientot/").status_code == 404
    assert client.get("/bientot/")["X-Cache"] == "miss"
    with committed():
        StandardPageFactory(parent=home, slug="bientot", live=False).save_revision().publish()
    assert client.get("/bientot/").status_code == 200


def test_creating_an_alias_invalidates_the_cache(client, about, english_home, english, committed):
    # Wagtail publishes nothing when it creates an alias (the copy of a page not translated
    # yet): the 404 of its address, kept for the generation (home/routing.py), would stay.
    assert client.get("/en/le-reseau/").status_code == 404
    with committed():
        about.create_alias(parent=english_home, update_locale=english)
    assert client.get("/en/le-reseau/").status_code == 200


def test_searches_are_not_cached(client, home):
    assert "X-Cache" not in cached_twice(client, "/recherche/?q=budget")
    assert "X-Cache" not in cached_twice(client, "/?q=budget")
    assert cached_twice(client, "/recherche/")["X-Cache"] == "miss"
    assert cached_twice(client, "/recherche/suggestions/?type=sheet")["X-Cache"] == "miss"


def test_feeds_are_cached(client, news_index):
    assert cached_twice(client, "/actualites/rss/")["X-Cache"] == "hit"


def test_cache_is_off_with_zero_seconds(client, about, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "X-Cache" not in cached_twice(client, "/le-reseau/")


def test_the_generation_outlives_the_file_cache_culling_its_pages(settings, tmp_path):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.file_cache.SparingFileBasedCache",
            "LOCATION": str(tmp_path),
            "OPTIONS": {"MAX_ENTRIES": 5 * CHECK_EVERY},
        },
        page_cache.GENERATION_CACHE: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "g"),
        },
    }
    generation = page_cache.current_generation()
    # Culled again and again: a third of the files each time.
    for number in range(20 * CHECK_EVERY):
        cache.set(f"page-cache:{generation}:{number}", "une page")
    assert len(list(tmp_path.glob("*.djcache"))) <= 6 * CHECK_EVERY
    assert page_cache.current_generation() == generation
    page_cache.invalidate()
    assert page_cache.current_generation() != generation


def through_wsgi(path, django=None, **environ):
    """(status, headers, body) of a GET through the WSGI application of gunicorn's workers
    (cms/wsgi.py): StoredPagesApplication in front of `django` (Django's handler)."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),  # as a WSGI server gives it
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "HTTP_HOST": "testserver",
        **environ,
    }
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    # As Django's test client does: the test's transaction outlives the request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        chunks = page_cache.StoredPagesApplication(django or WSGIHandler())(environ, start_response)
        body = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def not_django(environ, start_response):
    pytest.fail(f"Django handled {environ['PATH_INFO']}")


def test_a_stored_page_is_served_before_django(client, about, django_assert_num_queries, caplog):
    stored = client.get("/le-reseau/")
    caplog.clear()
    with django_assert_num_queries(0), caplog.at_level("INFO", logger="cms.requests"):
        status, headers, body = through_wsgi("/le-reseau/", django=not_django)
    assert (status, headers["X-Cache"], body) == ("200 OK", "hit", stored.content)
    for header in ("Content-Security-Policy", "Content-Language", "Content-Type"):
        assert headers[header] == stored[header]
    # The request log's id and line, as for any request.
    assert headers["X-Request-ID"] != stored["X-Request-ID"]
    assert [record.getMessage() for record in caplog.records] == ["GET /le-reseau/ 200"]


def test_a_page_not_stored_is_rendered_by_django_and_stored_after_one_look_up(about):
    with mock.patch.object(page_cache, "look_up", wraps=page_cache.look_up) as look_up:
        status, headers, _body = through_wsgi("/le-reseau/")
    assert (status, headers["X-Cache"], look_up.call_count) == ("200 OK", "miss", 1)
    assert through_wsgi("/le-reseau/", django=not_django)[1]["X-Cache"] == "hit"


def test_a_path_with_accents_reaches_django_intact(home):
    # Django's request writes the decoded path into the environ it reads: read twice, the
    # path was decoded twice and the page not found.
    StandardPageFactory(parent=home, title="Le réseau", slug="le-réseau")
    status, headers, body = through_wsgi("/le-r%C3%A9seau/")
    assert (status, headers["X-Cache"]) == ("200 OK", "miss")
    assert "Le réseau" in body.decode()


def test_visitors_the_cache_does_not_serve_reach_django(client, about):
    client.get("/le-reseau/")
    handled = []

    def django(environ, start_response):
        handled.append(environ["PATH_INFO"])
        return WSGIHandler()(environ, start_response)

    assert through_wsgi("/le-reseau/", django, HTTP_COOKIE="sessionid=a-session")[0] == "200 OK"
    assert through_wsgi("/le-reseau/", django, HTTP_HOST="evil.example")[0] == "400 Bad Request"
    assert through_wsgi("/le-reseau/?q=budget", django)[0] == "200 OK"
    assert handled == ["/le-reseau/"] * 3


def test_a_search_through_wsgi_keeps_the_memo_of_the_generation(home, english_home):
    # A search is never served from the cache; what it reads once per generation (the
    # site, its roots, the route) still comes from the memo at its second visit.
    through_wsgi("/recherche/", QUERY_STRING="q=budget")
    with CaptureQueriesContext(connection) as first:
        through_wsgi("/recherche/", QUERY_STRING="q=budget")
    page_cache.invalidate()
    with CaptureQueriesContext(connection) as afresh:
        through_wsgi("/recherche/", QUERY_STRING="q=budget")
    assert len(first) < len(afresh)


@pytest.fixture
def shared_cache_lost(monkeypatch):
    """The shared cache loses every page (the generation stays): what a page still gets
    from the cache comes from the process's memory."""
    read = page_cache.cache.get

    def get(key, *args, **kwargs):
        return None if key.startswith(page_cache.KEY_PREFIX) else read(key, *args, **kwargs)

    monkeypatch.setattr(page_cache.cache, "get", get)


def test_a_page_read_lately_is_served_from_the_process_memory(client, about, request):
    cached_twice(client, "/le-reseau/")
    request.getfixturevalue("shared_cache_lost")
    assert client.get("/le-reseau/")["X-Cache"] == "hit"


def test_a_page_is_not_served_from_memory_once_expired(client, about, shared_cache_lost):
    client.get("/le-reseau/")
    later = time.time() + 601
    with mock.patch("home.page_cache.time.time", return_value=later):
        assert client.get("/le-reseau/")["X-Cache"] == "miss"


def test_the_process_keeps_the_pages_used_last(client, home, shared_cache_lost, monkeypatch):
    monkeypatch.setattr(page_cache, "RECENT_PAGES", 2)
    for slug in ("un", "deux", "trois"):
        StandardPageFactory(parent=home, slug=slug)
    for path in ("/un/", "/deux/", "/un/", "/trois/"):
        client.get(path)
    assert client.get("/un/")["X-Cache"] == "hit"
    assert client.get("/deux/")["X-Cache"] == "miss"
