"""The XML sitemap lists the public pages of both languages with their hreflang alternates,
and nothing a visitor cannot read: no draft, no private page, no alias. robots.txt points
to it."""

from pathlib import Path

from wagtail.models import PageViewRestriction

import pytest
from lxml import etree

from home.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

SCHEMA_PATH = Path(__file__).parent / "schemas" / "sitemap.xsd"
NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def absolute(page):
    """The page's URL on the host the request asked for, as the sitemap gives it."""
    return "http://testserver" + page.url


@pytest.fixture
def pages(home, english_home, news_index, english_news_index, translate):
    """A translated content page and a news item not translated yet."""
    about = StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau")
    return {
        "home": home,
        "english_home": english_home,
        "news_index": news_index,
        "english_news_index": english_news_index,
        "about": about,
        "english_about": translate(about, title="The network"),
        "news": NewsPageFactory(parent=news_index, title="Naissance du réseau à Amiens"),
    }


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def sitemap_entries(client):
    """{location: {hreflang: alternate location}} for each url of the sitemap."""
    return {
        url.findtext("sm:loc", namespaces=NAMESPACES): {
            link.get("hreflang"): link.get("href")
            for link in url.iterfind("xhtml:link[@rel='alternate']", NAMESPACES)
        }
        for url in read_sitemap(client).iterfind("sm:url", NAMESPACES)
    }


def test_sitemap_is_valid_against_the_sitemaps_schema(client, pages):
    schema = etree.XMLSchema(etree.parse(SCHEMA_PATH))
    sitemap = read_sitemap(client)
    assert schema.validate(sitemap), schema.error_log
    assert sitemap.find("sm:url/sm:lastmod", NAMESPACES) is not None


def test_sitemap_lists_the_pages_of_both_languages(client, pages):
    assert set(sitemap_entries(client)) == {absolute(page) for page in pages.values()}


def test_sitemap_links_each_translation_to_the_other_with_hreflang(client, pages):
    entries = sitemap_entries(client)
    alternates = {"fr": absolute(pages["about"]), "en": absolute(pages["english_about"])}
    assert entries[absolute(pages["about"])] == alternates
    assert entries[absolute(pages["english_about"])] == alternates


def test_sitemap_gives_no_alternates_to_an_untranslated_page(client, pages):
    assert sitemap_entries(client)[absolute(pages["news"])] == {}


def test_sitemap_leaves_out_drafts(client, pages):
    draft = StandardPageFactory(parent=pages["home"], slug="brouillon", live=False)
    english_draft = pages["news"].copy_for_translation(pages["english_home"].locale)
    entries = sitemap_entries(client)
    assert absolute(draft) not in entries
    assert absolute(english_draft) not in entries
    assert entries[absolute(pages["news"])] == {}
    assert len(entries) == len(pages)


def test_sitemap_leaves_out_private_pages_and_their_children(client, pages):
    members = StandardPageFactory(parent=pages["home"], slug="espace-membres")
    child = StandardPageFactory(parent=members, slug="comptes-rendus")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    entries = sitemap_entries(client)
    assert absolute(members) not in entries
    assert absolute(child) not in entries


def test_sitemap_leaves_out_aliases(client, pages):
    alias = pages["news"].copy_for_translation(pages["english_home"].locale, alias=True)
    assert alias.live
    entries = sitemap_entries(client)
    assert absolute(alias) not in entries
    assert entries[absolute(pages["news"])] == {}


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()
    assert client.get("/sitemap.xml").status_code == 200
