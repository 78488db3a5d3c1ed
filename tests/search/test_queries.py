"""Query counts: the library page, the site search and the suggestions cost a number of SQL
queries that does not grow with the number of sheets, results or filters, on a visit with
nothing cached in memory (the same query typed before, as the hit counters then exist)."""

import itertools

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db

# About 20 of them are the site's header, footer and languages. Today on PostgreSQL: 35 for
# a library search with a filter, 28 for the site search, 9 for the suggestions.
LIBRARY_BUDGET = 40
SITE_SEARCH_BUDGET = 34
SUGGESTIONS_BUDGET = 11


@pytest.fixture
def add_sheets(add_sheet, vote, youth, inclusion, elderly, charter):
    principles = list(charter.principles.all())
    numbers = itertools.count()

    def add_sheets(count):
        for number in itertools.islice(numbers, count):
            add_sheet(
                title=f"Le vote des collégiens n° {number}",
                summary="Les élèves votent pour un projet de leur école.",
                phases=[vote],
                themes=[youth, inclusion][: number % 2 + 1],
                audiences=[elderly],
                principles=principles[: number % 3],
                year_start=2015 + number % 8,
            )

    return add_sheets


def count_queries(client, path):
    assert client.get(path).status_code == 200  # warm up, then forget every cached object
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


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


def test_suggestions_query_count_does_not_grow_with_the_number_of_sheets(client, add_sheets):
    add_sheets(3)
    with_three = count_queries(client, "/recherche/suggestions/?q=vot")
    add_sheets(27)
    assert count_queries(client, "/recherche/suggestions/?q=vot") == with_three


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("/fiches-pratiques/?q=vote&phase=vote", LIBRARY_BUDGET),
        ("/recherche/?q=vote", SITE_SEARCH_BUDGET),
        ("/recherche/suggestions/?q=vot", SUGGESTIONS_BUDGET),
    ],
)
def test_query_count_stays_within_its_budget(
    client, add_sheets, django_assert_max_num_queries, path, budget
):
    add_sheets(30)
    client.get(path)
    cache.clear()
    with django_assert_max_num_queries(budget):
        client.get(path)
