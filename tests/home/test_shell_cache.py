"""The site's shell (header, menu, breadcrumbs, footer: home/chrome.py) kept in the cache
under the page cache's generation: pages the page cache does not serve, such as searches,
are rendered without its queries, and every change the page cache watches shows at once."""

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from home.chrome import chrome
from home.factories import StandardPageFactory
from home.models import Footer, SiteSettings
from home.page_cache import invalidate

from .helpers import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

# A search parameter: never served by the page cache, so the page itself is rendered.
SEARCHED = "?q=budget"


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau", show_in_menus=True)


def shell(response):
    html = parse(response)
    return [str(html.select_one(selector)) for selector in (".site-header", ".site-footer")]


def visit(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(queries)


def test_a_second_render_reads_the_shell_from_the_cache(client, about, english_home):
    visit(client, "/le-reseau/" + SEARCHED)  # what Wagtail keeps from one request to the next
    invalidate()
    first, first_queries = visit(client, "/le-reseau/" + SEARCHED)
    second, second_queries = visit(client, "/le-reseau/" + SEARCHED)
    # The shell's two queries, and the site with its root and the route of the path (the
    # pages on the path, then the page), kept for the generation too (home/memo.py).
    assert second_queries == first_queries - 6
    assert shell(second) == shell(first)
    assert "Le réseau" in shell(second)[0]


def test_the_site_search_reads_its_shell_from_the_cache_with_links_to_its_own_url(
    client, about, english_home
):
    visit(client, "/recherche/?q=vote")  # the search's hit counters, then exist
    invalidate()
    first, first_queries = visit(client, "/recherche/?q=vote")
    second, second_queries = visit(client, "/recherche/?q=vote")
    # The shell's two queries, the site, the active locale and the pages the search leaves
    # out (home/memo.py); no page, so no root.
    assert second_queries == first_queries - 5
    assert shell(second) == shell(first)
    assert "Le réseau" in shell(second)[0]
    # Another URL gets the kept shell with the language links of that URL.
    other, _queries = visit(client, "/recherche/?q=budget")
    english_link = parse(other).select_one('.language-switcher a[hreflang="en"]')
    assert english_link["href"] == "/en/search/?q=budget"


def test_each_language_has_its_own_shell(client, about, english_home, translate):
    translate(about, title="The network")
    french, _queries = visit(client, "/le-reseau/" + SEARCHED)
    english, _queries = visit(client, "/en/le-reseau/" + SEARCHED)
    assert "The network" in shell(english)[0]
    assert "The network" not in shell(french)[0]


def test_a_new_menu_page_shows_at_once(client, home, about, committed):
    visit(client, "/le-reseau/" + SEARCHED)
    with committed():
        page = StandardPageFactory(parent=home, title="Nos outils", show_in_menus=True)
        page.save_revision().publish()
    response, _queries = visit(client, "/le-reseau/" + SEARCHED)
    assert "Nos outils" in shell(response)[0]


def test_a_new_footer_text_shows_at_once(client, about, french, committed):
    footer = Footer.objects.create(locale=french, text="<p>Ancien pied de page</p>")
    visit(client, "/le-reseau/" + SEARCHED)
    footer.text = "<p>Nouveau pied de page</p>"
    with committed():
        footer.save()
    response, _queries = visit(client, "/le-reseau/" + SEARCHED)
    assert "Nouveau pied de page" in shell(response)[1]


def test_the_site_settings_are_shown_from_a_stored_shell(client, about, site):
    site_settings = SiteSettings.for_site(site)
    site_settings.contact_email = "contact@reseau-bp.example"
    site_settings.save()
    visit(client, "/le-reseau/" + SEARCHED)
    stored, _queries = visit(client, "/le-reseau/" + SEARCHED)
    assert "contact@reseau-bp.example" in shell(stored)[1]


def test_an_alias_names_its_source_from_a_stored_shell(client, about, english_home):
    about.copy_for_translation(english_home.locale, alias=True)
    visit(client, "/en/le-reseau/" + SEARCHED)
    stored, _queries = visit(client, "/en/le-reseau/" + SEARCHED)
    assert parse(stored).select_one("link[rel=canonical]")["href"] == "http://testserver/le-reseau/"


def test_a_preview_never_reads_nor_stores_the_shell(about):
    def preview_shell():
        request = RequestFactory().get("/le-reseau/")
        request.is_preview = True
        with CaptureQueriesContext(connection) as queries:
            chrome(request, about)
        return len(queries)

    preview_shell()  # Wagtail's site root paths and content types
    assert preview_shell() == preview_shell() >= 2
    assert not [key for key in cache._cache if "site-chrome" in key]
