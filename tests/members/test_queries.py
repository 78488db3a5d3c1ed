"""Query counts: the directory and a profile cost a bounded number of queries, the same
whatever the number of members, editions and representatives (no N+1), on a first visit
with nothing cached in memory."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from members.factories import AuthorityFactory, EditionFactory, RepresentativeFactory, edition_years
from members.models import Representative

pytestmark = pytest.mark.django_db

DIRECTORY_BUDGET = 28  # 26 today, most of them for the menus, footer and languages
PROFILE_BUDGET = 26  # 24 today


def pair():
    return [
        RepresentativeFactory.build(role=Representative.Role.ELECTED),
        RepresentativeFactory.build(role=Representative.Role.PROFESSIONAL),
    ]


def add_members(add_member, count):
    """Members as the staff publish them: three editions and a pair each."""
    for _ in range(count):
        add_member(
            AuthorityFactory(), editions=edition_years(2021, 2022, 2023), representatives=pair()
        )


def count_queries(client, path):
    assert client.get(path).status_code == 200  # warm up, then forget every cached object
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query", ["", "?sort=population", "?sort=per_inhabitant&kind=commune", "?region=11&page=2"]
)
def test_directory_query_count_does_not_grow_with_the_number_of_members(
    client, settings, add_member, query
):
    settings.MEMBERS_PER_PAGE = 30
    add_members(add_member, 3)
    with_three = count_queries(client, f"/membres/{query}")
    add_members(add_member, 12)
    assert count_queries(client, f"/membres/{query}") == with_three


def test_directory_query_count_stays_within_its_budget(
    client, add_member, django_assert_max_num_queries
):
    add_members(add_member, 15)
    client.get("/membres/")
    cache.clear()
    with django_assert_max_num_queries(DIRECTORY_BUDGET):
        client.get("/membres/")


def test_profile_query_count_does_not_grow_with_the_number_of_editions(client, add_member, amiens):
    member = add_member(amiens, editions=edition_years(2021, 2022), representatives=pair())
    with_two = count_queries(client, "/membres/amiens/")
    for year in range(2013, 2021):
        EditionFactory(page=member, year=year)
    assert member.editions.count() == 10
    assert count_queries(client, "/membres/amiens/") == with_two


def test_profile_query_count_does_not_grow_with_the_number_of_representatives(
    client, add_member, amiens
):
    member = add_member(amiens, editions=edition_years(2021), representatives=pair()[:1])
    with_one = count_queries(client, "/membres/amiens/")
    RepresentativeFactory.create_batch(3, page=member)
    assert count_queries(client, "/membres/amiens/") == with_one


def test_profile_query_count_stays_within_its_budget(
    client, add_member, amiens, django_assert_max_num_queries
):
    add_member(amiens, editions=edition_years(*range(2015, 2025)), representatives=pair())
    client.get("/membres/amiens/")
    cache.clear()
    with django_assert_max_num_queries(PROFILE_BUDGET):
        client.get("/membres/amiens/")
