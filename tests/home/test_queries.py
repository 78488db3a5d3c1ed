"""Query counts: every page type of the home app (home, news index, news item, content page),
in French and in English, costs at most MAX_QUERIES queries, the same whatever the number of
news items, on a visit where nothing is in the cache but Wagtail's site root paths."""

import pytest

from home.factories import ImageFactory, NewsPageFactory, StandardPageFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def add_news(news_index, count, translate=None):
    """News items as the communications staff publish them: an image and tags each."""
    for _ in range(count):
        news = NewsPageFactory(
            parent=news_index, listing_image=ImageFactory(), tags=["inclusion", "vote"]
        )
        if translate:
            translate(news, title="News")


@pytest.fixture
def english_site(english_news_index):
    """Both languages: the English home and news index are translated."""


@pytest.mark.parametrize("path", ["/", "/actualites/", "/en/", "/en/actualites/"])
def test_listing_query_count_is_bounded_and_does_not_grow_with_the_news(
    client, news_index, translate, request, path
):
    english = path.startswith("/en/")
    if english:
        request.getfixturevalue("english_site")
    add_news(news_index, 2, translate if english else None)
    with_two = count_queries(client, path)
    add_news(news_index, 10, translate if english else None)
    assert count_queries(client, path) == with_two
    assert with_two <= MAX_QUERIES


@pytest.mark.parametrize("language", ["fr", "en"])
def test_news_page_query_count_is_bounded(client, news_index, english_site, translate, language):
    news = NewsPageFactory(
        parent=news_index, listing_image=ImageFactory(), tags=["inclusion", "vote", "jeunesse"]
    )
    page = translate(news, title="News") if language == "en" else news
    assert count_queries(client, page.url) <= MAX_QUERIES


def test_standard_page_query_count_is_bounded_in_both_languages(
    client, home, english_home, translate
):
    about = StandardPageFactory(parent=home, slug="le-reseau")
    translate(about, title="The network")
    untranslated = StandardPageFactory(parent=home, slug="mentions-legales")
    alias = untranslated.copy_for_translation(english_home.locale, alias=True)
    for path in ("/le-reseau/", "/en/le-reseau/", alias.url):
        assert count_queries(client, path) <= MAX_QUERIES, path
