"""Query counts: the home page and the news index cost a bounded number of queries, the same
whatever the number of news items, on a first visit with nothing cached in memory."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def add_news(news_index, count):
    """News items as the communications staff publish them: an image and tags each."""
    for _ in range(count):
        NewsPageFactory(parent=news_index, listing_image=ImageFactory(), tags=["inclusion", "vote"])


def warm_up(client, path):
    """Render once so that the image renditions exist, then forget every cached object."""
    assert client.get(path).status_code == 200
    cache.clear()


def count_queries(client, path):
    warm_up(client, path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("path", "budget"), [("/", 27), ("/actualites/", 30)])
def test_page_query_count_stays_within_its_budget(
    client, django_assert_max_num_queries, news_index, path, budget
):
    add_news(news_index, 12)
    warm_up(client, path)
    with django_assert_max_num_queries(budget):
        client.get(path)


@pytest.mark.parametrize("path", ["/", "/actualites/"])
def test_page_query_count_does_not_grow_with_the_number_of_news(client, news_index, path):
    add_news(news_index, 3)
    with_three_news = count_queries(client, path)
    add_news(news_index, 22)
    assert count_queries(client, path) == with_three_news
