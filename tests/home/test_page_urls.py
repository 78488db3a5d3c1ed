"""Page URLs computed without reversing the URL pattern for each link (home/page_urls.py):
the same links as Wagtail's own, in French and English, quoted alike, with Wagtail's own
rules where a page belongs to several sites."""

from django.test import RequestFactory
from django.utils import translation

from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl
from wagtail.models import Page, Site

import pytest

from home.factories import StandardPageFactory
from home.page_urls import url_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, english_home, translate):
    about = StandardPageFactory(parent=home, slug="le-réseau")
    deeper = StandardPageFactory(parent=about, slug="histoire-été")
    english_about = translate(about, title="The network")
    return [home, about, deeper, english_home, english_about]


def wagtail_url(page, request):
    """The URL Wagtail's own Page.get_url_parts gives, before our override."""
    site_id, root_url, path = Page.get_url_parts(page, request=request)
    return path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_links_are_wagtails_own(pages, language):
    request = RequestFactory().get("/")
    with translation.override(language):
        for page in pages:
            expected = wagtail_url(page, request)
            assert page.get_url(request) == expected
            assert page.get_url_parts(request)[2] == expected
            assert url_of(page.url_path, request) == expected


def test_links_are_quoted_as_reverse_quotes_them(pages):
    request = RequestFactory().get("/")
    assert pages[2].get_url(request) == "/le-r%C3%A9seau/histoire-%C3%A9t%C3%A9/"
    assert pages[4].get_url(request) == "/en/le-r%C3%A9seau/"


def test_a_page_of_another_site_gets_a_full_url(pages, home):
    other = StandardPageFactory(parent=Page.get_first_root_node(), slug="autre-site")
    Site.objects.create(hostname="autre.example.org", root_page=other)
    child = StandardPageFactory(parent=other, slug="page")
    request = RequestFactory().get("/")
    assert child.get_url(request) == "http://autre.example.org/page/"
    assert url_of(child.url_path, request) == "http://autre.example.org/page/"
    assert url_of(pages[1].url_path, request) == "/le-r%C3%A9seau/"


def test_a_page_under_no_site_has_no_url(home):
    orphan = StandardPageFactory(parent=Page.get_first_root_node(), slug="hors-site")
    request = RequestFactory().get("/")
    assert orphan.get_url(request) is None
    assert url_of(orphan.url_path, request) is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_shell_links_its_pages_as_pageurl_and_routablepageurl_do(
    pages, english_news_index, language
):
    """The shell computes its links once (home/chrome.py): each is the URL the template
    tags would give, for the menu, the breadcrumbs, the home link and the news feeds."""
    from home.chrome import compute

    page = pages[2] if language == "fr" else pages[4]
    request = RequestFactory().get(page.url)
    with translation.override(language):
        shell = compute(request, page)
        linked = [shell.home, *shell.menu, *shell.breadcrumbs]
        assert linked and all(row.link == row.get_url(request) for row in linked)
        index = shell.news_index.specific
        assert shell.feeds == {
            name: routablepageurl({"request": request}, index, name) for name in ("rss", "atom")
        }
        assert shell.feeds["rss"] == ("/" if language == "fr" else "/en/") + "actualites/rss/"
