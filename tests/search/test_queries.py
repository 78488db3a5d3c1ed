"""Query counts: the library page, the site search and the suggestions cost a number of SQL
queries that does not grow with the number of sheets, results or filters, and at most
MAX_QUERIES in both languages, on a visit where nothing is in the cache but Wagtail's site
root paths (the same query typed before, as the hit counters then exist)."""

import itertools

from django.core.cache import cache

from wagtail.models import Site

import pytest

from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# Six or seven of them route the request and build the site's shell (home/routing.py).
MAX_QUERIES = 12
SUGGESTIONS_BUDGET = 11


@pytest.fixture
def add_sheets(add_sheet, vote, youth, inclusion, elderly, charter):
    principles = list(charter.principles.all())
    numbers = itertools.count()

    def add_sheets(count):
        return [
            add_sheet(
                title=f"Le vote des collégiens n° {number}",
                summary="Les élèves votent pour un projet de leur école.",
                phases=[vote],
                themes=[youth, inclusion][: number % 2 + 1],
                audiences=[elderly],
                principles=principles[: number % 3],
                year_start=2015 + number % 8,
            )
            for number in itertools.islice(numbers, count)
        ]

    return add_sheets


LIBRARY_PATHS = [
    "/fiches-pratiques/",
    "/fiches-pratiques/?q=vote",
    "/fiches-pratiques/?q=%22vote+des%22&sort=date",
    "/fiches-pratiques/?q=vote&phase=vote&theme=inclusion&audience=personnes-agees",
    "/fiches-pratiques/?phase=vote&region=53&year=2016&page=2",
]


@pytest.mark.parametrize("path", LIBRARY_PATHS)
def test_library_query_count_does_not_grow_with_the_number_of_sheets(client, add_sheets, path):
    add_sheets(3)
    with_three = count_queries(client, path)
    add_sheets(27)
    assert count_queries(client, path) == with_three


def test_library_query_count_does_not_grow_with_the_number_of_filters(client, add_sheets):
    add_sheets(30)
    without = count_queries(client, "/fiches-pratiques/?q=vote")
    with_three = count_queries(
        client,
        "/fiches-pratiques/?q=vote&phase=vote&theme=inclusion&theme=jeunesse-ecoles&year=2016",
    )
    assert with_three == without


@pytest.mark.parametrize("path", ["/recherche/?q=vote", "/recherche/?q=vote&type=sheet"])
def test_site_search_query_count_does_not_grow_with_the_number_of_sheets(client, add_sheets, path):
    add_sheets(3)
    with_three = count_queries(client, path)
    add_sheets(27)
    assert count_queries(client, path) == with_three


def test_site_search_query_count_does_not_grow_with_the_page_types_found(
    client, add_sheets, home, news_index
):
    """Results of other pages are read in one query whatever their types (search/site.py
    `other_rows`), where loading specific pages costs one query per type."""
    from home.factories import NewsPageFactory, StandardPageFactory

    add_sheets(3)
    NewsPageFactory(parent=news_index, title="Le vote des habitants")
    with_one_type = count_queries(client, "/recherche/?q=vote")
    standard = StandardPageFactory(parent=home, title="Le vote en ligne")
    StandardPageFactory(parent=home, title="Voter au budget participatif", intro="Le vote.")
    with_two_types = count_queries(client, "/recherche/?q=vote")
    assert with_two_types == with_one_type
    assert f'href="{standard.url}"' in client.get("/recherche/?q=vote").content.decode()


@pytest.fixture
def backend_searches(monkeypatch):
    """The searches the site search asks Wagtail's backend for (each facet is one)."""
    from wagtail.search.backends import get_search_backend

    from search import site

    backend = get_search_backend()
    searches = []

    class CountingBackend:
        def search(self, *args, **kwargs):
            searches.append(args)
            return backend.search(*args, **kwargs)

    monkeypatch.setattr(site, "get_search_backend", CountingBackend)
    return searches


@pytest.mark.parametrize("type_param", ["", "&type=news"])
def test_site_search_asks_the_backend_once_when_few_other_pages_match(
    client, add_sheets, news_index, backend_searches, type_param
):
    from home.factories import NewsPageFactory

    add_sheets(3)
    client.get(f"/recherche/?q=vote{type_param}")
    assert len(backend_searches) == 1  # none of other pages, so no count of them
    news = NewsPageFactory(parent=news_index, title="Le vote des habitants")
    backend_searches.clear()
    assert f'href="{news.url}"' in client.get(f"/recherche/?q=vote{type_param}").text
    assert len(backend_searches) == 1  # the pages found, counted without a facet


@pytest.mark.parametrize("type_param", ["", "&type=news"])
def test_site_search_counts_more_other_pages_with_the_backends_facet(
    client, add_sheets, news_index, backend_searches, monkeypatch, type_param
):
    from home.factories import NewsPageFactory
    from search import site

    monkeypatch.setattr(site, "FEW_OTHERS", 1)
    add_sheets(3)
    news = [NewsPageFactory(parent=news_index, title=f"Le vote n° {n}") for n in range(2)]
    html = client.get(f"/recherche/?q=vote{type_param}").text
    assert all(f'href="{page.url}"' in html for page in news)
    # The best two of them, their counts (a facet), then the page of results.
    assert len(backend_searches) == 3


def test_suggestions_query_count_does_not_grow_with_the_number_of_sheets(client, add_sheets):
    add_sheets(3)
    with_three = count_queries(client, "/recherche/suggestions/?q=vot")
    add_sheets(27)
    assert count_queries(client, "/recherche/suggestions/?q=vot") == with_three


def test_english_library_query_count_does_not_grow_with_the_number_of_sheets(
    client, add_sheets, translate_sheet
):
    def add_translated(count):
        for sheet in add_sheets(count):
            translate_sheet(sheet, title="The pupils' vote")

    add_translated(3)
    path = "/en/fiches-pratiques/?q=vote&phase=vote"
    with_three = count_queries(client, path)
    add_translated(9)
    assert count_queries(client, path) == with_three


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("/fiches-pratiques/", MAX_QUERIES),
        ("/fiches-pratiques/?q=vote&phase=vote", MAX_QUERIES),
        ("/fiches-pratiques/?q=vote&phase=vote&theme=inclusion&year=2016", MAX_QUERIES),
        ("/en/fiches-pratiques/", MAX_QUERIES),
        ("/en/fiches-pratiques/?q=vote&phase=vote", MAX_QUERIES),
        ("/fiches-pratiques/?q=%22vote+des%22", MAX_QUERIES),
        ("/en/fiches-pratiques/?q=%22pupils+vote%22", MAX_QUERIES),
        ("/recherche/?q=vote", MAX_QUERIES),
        ("/recherche/?q=introuvable", MAX_QUERIES),
        ("/en/search/?q=vote", MAX_QUERIES),
        ("/recherche/suggestions/?q=vot", SUGGESTIONS_BUDGET),
    ],
)
def test_query_count_stays_within_its_budget(
    client, add_sheets, translate_sheet, django_assert_max_num_queries, path, budget
):
    for sheet in add_sheets(30)[:3]:
        translate_sheet(sheet, title="The pupils' vote")
    assert client.get(path).status_code == 200
    cache.clear()
    Site.get_site_root_paths()
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200
