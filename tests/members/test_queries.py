"""Query counts: the directory, a profile and the governance page cost at most MAX_QUERIES
queries in French and in English, the same whatever the number of members, editions and
representatives (no N+1), on a visit where nothing is in the cache but Wagtail's site root
paths."""

import pytest

from members.factories import (
    AuthorityFactory,
    EditionFactory,
    RepresentativeFactory,
    authority,
    edition_years,
)
from members.models import College, CollegeMembership, GovernancePage, Representative
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


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


@pytest.mark.parametrize(
    "query", ["", "?sort=population", "?sort=per_inhabitant&kind=commune", "?region=11&page=2"]
)
def test_directory_query_count_does_not_grow_with_the_number_of_members(
    client, settings, add_member, query
):
    settings.MEMBERS_PER_PAGE = 30
    # Paris from the start: "?region=11" then filters in both counts, whichever communes
    # the factory's sequence gives after the tests run before this one.
    add_member(authority("commune", "75056"), editions=edition_years(2021), representatives=pair())
    add_members(add_member, 2)
    with_three = count_queries(client, f"/membres/{query}")
    add_members(add_member, 12)
    assert count_queries(client, f"/membres/{query}") == with_three


@pytest.mark.parametrize("path", ["/membres/", "/en/membres/", "/membres/?region=32&page=2"])
def test_directory_query_count_stays_within_the_bound(
    client, settings, add_member, english_member_index, path
):
    settings.MEMBERS_PER_PAGE = 5
    add_members(add_member, 12)
    assert count_queries(client, path) <= MAX_QUERIES


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


@pytest.mark.parametrize("language", ["fr", "en"])
def test_profile_query_count_stays_within_the_bound(
    client, add_member, amiens, english_member_index, translate, language
):
    member = add_member(amiens, editions=edition_years(*range(2015, 2025)), representatives=pair())
    path = translate(member, title="Amiens").url if language == "en" else member.url
    assert count_queries(client, path) <= MAX_QUERIES


@pytest.fixture
def governance(home, english_home, translate):
    page = home.add_child(instance=GovernancePage(title="Gouvernance", slug="gouvernance"))
    page.save_revision().publish()
    translate(page, title="Governance")
    return page


def add_college_members(count, locale):
    for kind in (College.Kind.RESIDENTS, College.Kind.ACTORS):
        college, _created = College.objects.get_or_create(
            kind=kind, locale=locale, defaults={"name": kind.label}
        )
        for number in range(count):
            CollegeMembership.objects.create(
                college=college, locale=locale, name=f"Membre {number}", organisation="Asso"
            )


@pytest.mark.parametrize("path", ["/gouvernance/", "/en/gouvernance/"])
def test_governance_query_count_is_bounded_and_does_not_grow_with_the_colleges(
    client, governance, add_member, english, french, path
):
    locale = english if path.startswith("/en/") else french
    add_members(add_member, 1)
    add_college_members(1, locale)
    with_one = count_queries(client, path)
    add_members(add_member, 6)
    add_college_members(6, locale)
    assert count_queries(client, path) == with_one
    assert with_one <= MAX_QUERIES
