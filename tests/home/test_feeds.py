"""RSS and Atom feeds of the news: well formed, only the live public news of their
language, newest first, and announced by every page of that language."""

import datetime

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from home.factories import NewsPageFactory

from .helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_index):
    """Three live French news items, oldest first."""
    return [
        NewsPageFactory(
            parent=news_index,
            title="Naissance du réseau à Amiens",
            date=datetime.date(2022, 11, 8),
            tags=["fondation"],
        ),
        NewsPageFactory(
            parent=news_index,
            title="La charte des budgets participatifs",
            date=datetime.date(2022, 12, 6),
            tags=["charte"],
        ),
        NewsPageFactory(
            parent=news_index,
            title="Rencontres nationales 2025 à Marseille",
            date=datetime.date(2025, 10, 9),
            tags=["rencontres nationales"],
        ),
    ]


@pytest.fixture
def english_news(news, english_news_index, translate):
    return [
        translate(news[0], title="The network is born in Amiens"),
        translate(news[2], title="2025 national meeting in Marseille"),
    ]


def read_feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return feedparser.parse(response.content)


def feed_titles(client, path):
    return [entry.title for entry in read_feed(client, path).entries]


@pytest.mark.parametrize("path", ["/actualites/rss/", "/en/actualites/rss/"])
def test_rss_feed_is_well_formed_rss(client, english_news, path):
    feed = read_feed(client, path)
    assert feed.bozo == 0
    assert feed.version == "rss20"


@pytest.mark.parametrize("path", ["/actualites/atom/", "/en/actualites/atom/"])
def test_atom_feed_is_well_formed_atom(client, english_news, path):
    feed = read_feed(client, path)
    assert feed.bozo == 0
    assert feed.version == "atom10"


def test_news_feed_lists_live_news_newest_first(client, news):
    assert feed_titles(client, "/actualites/rss/") == [page.title for page in reversed(news)]


def test_news_feed_leaves_out_drafts(client, news_index, news):
    NewsPageFactory(parent=news_index, title="Brouillon à relire", live=False)
    assert "Brouillon à relire" not in feed_titles(client, "/actualites/rss/")


def test_news_feed_leaves_out_private_news(client, news_index, news):
    private = NewsPageFactory(parent=news_index, title="Note interne aux membres")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert private.title not in feed_titles(client, "/actualites/atom/")


def test_french_feed_lists_only_french_news(client, news, english_news):
    assert feed_titles(client, "/actualites/rss/") == [page.title for page in reversed(news)]


def test_english_feed_lists_only_english_news(client, english_news):
    assert feed_titles(client, "/en/actualites/atom/") == [
        "2025 national meeting in Marseille",
        "The network is born in Amiens",
    ]


def test_news_feed_links_to_the_news_pages(client, news):
    links = [entry.link for entry in read_feed(client, "/actualites/rss/").entries]
    assert links == [f"http://testserver{page.url}" for page in reversed(news)]


@pytest.mark.parametrize(
    ("path", "language"), [("/actualites/rss/", "fr"), ("/en/actualites/rss/", "en")]
)
def test_news_feed_declares_its_language(client, english_news, path, language):
    assert read_feed(client, path).feed.language == language


@pytest.mark.parametrize(
    ("path", "feeds"),
    [
        ("/", {"rss": "/actualites/rss/", "atom": "/actualites/atom/"}),
        ("/actualites/", {"rss": "/actualites/rss/", "atom": "/actualites/atom/"}),
        ("/en/", {"rss": "/en/actualites/rss/", "atom": "/en/actualites/atom/"}),
        ("/en/actualites/", {"rss": "/en/actualites/rss/", "atom": "/en/actualites/atom/"}),
    ],
    ids=["home-fr", "news-index-fr", "home-en", "news-index-en"],
)
def test_pages_announce_the_feeds_of_their_language(client, english_news, path, feeds):
    head = parse(client.get(path)).head
    assert (
        head.select_one("link[rel=alternate][type='application/rss+xml']")["href"] == feeds["rss"]
    )
    assert (
        head.select_one("link[rel=alternate][type='application/atom+xml']")["href"] == feeds["atom"]
    )
