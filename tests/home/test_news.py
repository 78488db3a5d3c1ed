"""The news index: live public news newest first, tag and year filters that narrow the list
and survive any input, and pagination that keeps the filters."""

import datetime
from urllib.parse import parse_qs, urlsplit

from wagtail.models import PageViewRestriction

import pytest

from home.factories import NewsPageFactory

from .helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_index):
    """Four live news items over two years, oldest first."""
    return [
        NewsPageFactory(
            parent=news_index,
            title="Lyon et Villeurbanne rejoignent le réseau",
            date=datetime.date(2023, 2, 14),
            tags=["adhésions"],
        ),
        NewsPageFactory(
            parent=news_index,
            title="Aller vers les jeunes : un atelier d'échanges",
            date=datetime.date(2023, 5, 22),
            tags=["inclusion", "jeunesse"],
        ),
        NewsPageFactory(
            parent=news_index,
            title="La Région Occitanie rejoint le réseau",
            date=datetime.date(2024, 6, 4),
            tags=["adhésions"],
        ),
        NewsPageFactory(
            parent=news_index,
            title="Rencontres nationales 2024 à Nancy",
            date=datetime.date(2024, 10, 10),
            tags=["inclusion", "rencontres nationales"],
        ),
    ]


def listed_titles(response):
    return [link.get_text(strip=True) for link in parse(response).select(".card-title a")]


def current_page_number(response):
    current = parse(response).select_one(".pagination [aria-current=page]")
    return int(current.get_text(strip=True)) if current else 1


def test_news_index_lists_live_news_newest_first(client, news):
    response = client.get("/actualites/")
    assert response.status_code == 200
    assert listed_titles(response) == [page.title for page in reversed(news)]


def test_news_index_leaves_out_drafts(client, news_index, news):
    draft = NewsPageFactory(parent=news_index, title="Brouillon à relire", live=False)
    assert draft.title not in listed_titles(client.get("/actualites/"))


def test_news_index_leaves_out_private_news(client, news_index, news):
    private = NewsPageFactory(parent=news_index, title="Note interne aux membres")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert private.title not in listed_titles(client.get("/actualites/"))


def test_news_index_tag_filter_narrows_the_list(client, news):
    response = client.get("/actualites/", {"tag": "inclusion"})
    assert listed_titles(response) == [news[3].title, news[1].title]


def test_news_index_year_filter_narrows_the_list(client, news):
    response = client.get("/actualites/", {"year": "2023"})
    assert listed_titles(response) == [news[1].title, news[0].title]


def test_news_index_tag_and_year_filters_combine(client, news):
    response = client.get("/actualites/", {"tag": "adhésions", "year": "2024"})
    assert listed_titles(response) == [news[2].title]


def test_news_index_offers_only_tags_and_years_of_live_news(client, news_index, news):
    NewsPageFactory(
        parent=news_index, live=False, date=datetime.date(2026, 1, 5), tags=["projet-secret"]
    )
    html = parse(client.get("/actualites/"))
    tags = [option["value"] for option in html.select("#filter-tag option") if option["value"]]
    years = [option["value"] for option in html.select("#filter-year option") if option["value"]]
    assert tags == ["adhésions", "inclusion", "jeunesse", "rencontres-nationales"]
    assert years == ["2024", "2023"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("page=abc", 4),
        ("page=0", 4),
        ("page=-1", 4),
        ("page=99999", 4),
        ("year=abc", 4),
        ("year=1800", 0),
        ("year=%C2%B2%E2%81%B0%C2%B2%E2%81%B4", 4),  # superscript digits "²⁰²⁴"
        ("tag=%3Cscript%3Ealert(1)%3C/script%3E", 0),
        ("tag=tag-inconnu", 0),
        ("tag=%00", 4),  # PostgreSQL refuses NUL characters in a query
    ],
)
def test_news_index_answers_any_query_string(client, news, query, listed):
    response = client.get(f"/actualites/?{query}")
    assert response.status_code == 200
    assert len(listed_titles(response)) == listed


def test_news_index_escapes_markup_given_as_tag(client, news):
    response = client.get("/actualites/", {"tag": "<script>alert(1)</script>"})
    assert b"<script>alert(1)" not in response.content


def test_news_index_says_when_no_news_matches(client, news):
    response = client.get("/actualites/", {"tag": "tag-inconnu"})
    assert "Aucune actualité ne correspond à ces critères." in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "99999"])
def test_news_index_out_of_range_page_shows_the_last_page(client, settings, news, page):
    settings.NEWS_PER_PAGE = 3
    response = client.get("/actualites/", {"page": page})
    assert current_page_number(response) == 2
    assert listed_titles(response) == [news[0].title]


def test_news_index_pagination_links_keep_the_filters(client, settings, news_index, news):
    settings.NEWS_PER_PAGE = 2
    for day in range(1, 4):
        NewsPageFactory(parent=news_index, date=datetime.date(2024, 3, day), tags=["inclusion"])
    response = client.get("/actualites/", {"tag": "inclusion", "year": "2024"})
    links = parse(response).select(".pagination a")
    assert links
    for link in links:
        query = parse_qs(urlsplit(link["href"]).query)
        assert query["tag"] == ["inclusion"]
        assert query["year"] == ["2024"]
    next_page = parse(response).select_one(".pagination a[rel=next]")["href"]
    assert len(listed_titles(client.get("/actualites/" + next_page))) == 2


def test_news_page_links_its_tags_to_the_filtered_index(client, news):
    response = client.get(news[3].url)
    links = {link.get_text(strip=True): link["href"] for link in parse(response).select(".tags a")}
    assert links == {
        "inclusion": "/actualites/?tag=inclusion",
        "rencontres nationales": "/actualites/?tag=rencontres-nationales",
    }
