"""Languages: the switcher and the hreflang links point to the real translation of a page,
never to an alias of the French page nor to a translation still in draft."""

import pytest

from home.factories import StandardPageFactory

from .helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau")


@pytest.fixture
def english_about(about, english_home, translate):
    return translate(about, title="The network")


def switcher_links(response):
    """{language code: href} of the links in the language switcher."""
    nav = parse(response).select_one("nav.language-switcher")
    return {link["hreflang"]: link["href"] for link in nav.select("a[hreflang]")}


def hreflang_alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in parse(response).select("head link[rel=alternate][hreflang]")
    }


def not_translated_notice(response):
    unavailable = parse(response).select_one("nav.language-switcher .unavailable")
    return unavailable.get_text(" ", strip=True) if unavailable else None


def test_french_page_switcher_links_to_the_english_translation(client, about, english_about):
    assert switcher_links(client.get("/le-reseau/")) == {"en": "/en/le-reseau/"}


def test_english_page_switcher_links_to_the_french_original(client, about, english_about):
    assert switcher_links(client.get("/en/le-reseau/")) == {"fr": "/le-reseau/"}


@pytest.mark.parametrize("path", ["/le-reseau/", "/en/le-reseau/"])
def test_translated_page_declares_both_languages_with_hreflang(client, english_about, path):
    assert hreflang_alternates(client.get(path)) == {
        "fr": "http://testserver/le-reseau/",
        "en": "http://testserver/en/le-reseau/",
    }


def test_untranslated_page_says_it_is_not_translated_yet(client, about, english_home):
    response = client.get("/le-reseau/")
    assert switcher_links(response) == {}
    assert not_translated_notice(response) == "English (not translated yet)"


def test_untranslated_page_has_no_english_hreflang(client, about, english_home):
    assert hreflang_alternates(client.get("/le-reseau/")) == {"fr": "http://testserver/le-reseau/"}


def test_draft_translation_is_not_offered(client, about, english_home):
    about.copy_for_translation(english_home.locale)  # a draft, never published
    response = client.get("/le-reseau/")
    assert switcher_links(response) == {}
    assert "en" not in hreflang_alternates(response)


def test_english_alias_is_not_offered_as_a_translation(client, about, english_home):
    about.copy_for_translation(english_home.locale, alias=True)
    response = client.get("/le-reseau/")
    assert switcher_links(response) == {}
    assert not_translated_notice(response) == "English (not translated yet)"
    assert "en" not in hreflang_alternates(response)


def test_english_alias_sends_search_engines_to_the_french_original(client, about, english_home):
    about.copy_for_translation(english_home.locale, alias=True)
    response = client.get("/en/le-reseau/")
    assert response.status_code == 200
    html = parse(response)
    assert html.select_one("meta[name=robots]")["content"] == "noindex"
    assert html.select_one("link[rel=canonical]")["href"] == "http://testserver/le-reseau/"
    assert hreflang_alternates(response) == {"fr": "http://testserver/le-reseau/"}


def test_french_url_stays_french_for_a_browser_preferring_english(client, about, english_about):
    response = client.get("/le-reseau/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert parse(response).html["lang"] == "fr"
    assert parse(response).h1.get_text(strip=True) == "Le réseau"
