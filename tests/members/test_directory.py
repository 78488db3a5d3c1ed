"""The member directory as a visitor reads it: only the live, public members of its
language, totals recounted here from the referential and the editions, filters that
combine, sorting, pagination that keeps the filters, and bad parameters that never break
the page."""

from decimal import Decimal

from wagtail.models import Page, PageViewRestriction

import pytest

from members import referential
from members.factories import EditionFactory, authority

from .helpers import french_euros, french_number, parse, text

pytestmark = pytest.mark.django_db

# (kind, code): {year: amount} of the editions of each member.
MEMBERS = {
    ("commune", "80021"): {2020: 400_000, 2022: 500_000},  # Amiens, Hauts-de-France
    ("commune", "35238"): {2016: 800_000, 2023: 1_200_000},  # Rennes, Bretagne
    ("commune", "56162"): {2017: 90_000},  # Ploemeur, Bretagne
    ("epci", "243500139"): {2020: 2_000_000},  # Rennes Métropole, Bretagne
    ("departement", "80"): {},  # Somme, Hauts-de-France
}


@pytest.fixture
def members(add_member):
    """The five members above, published, each with its editions."""
    return {
        key: add_member(
            authority(*key),
            editions=[
                EditionFactory.build(year=year, amount=amount) for year, amount in editions.items()
            ],
        )
        for key, editions in MEMBERS.items()
    }


def listed(response):
    """Titles of the members listed, in order."""
    return [text(link) for link in parse(response).select(".member-cards .card-title a")]


def totals(response):
    """{label: value} of the totals at the top."""
    return {
        text(item.select_one(".figure-label")): text(item.select_one(".figure-value"))
        for item in parse(response).select(".totals li")
    }


def options(response, name):
    """{value: label} of a filter's options, without the "all" choice."""
    return {
        option["value"]: text(option)
        for option in parse(response).select(f"select[name={name}] option")
        if option["value"]
    }


def directory(client, **params):
    response = client.get("/membres/", params)
    assert response.status_code == 200
    return response


# What is listed


def test_directory_lists_every_live_member_by_name(client, members):
    assert listed(directory(client)) == [
        "Amiens",
        "Ploemeur",
        "Rennes",
        "Rennes Métropole",
        "Somme",
    ]


def test_directory_leaves_out_draft_members(client, members, add_member):
    add_member(authority("commune", "42218"), live=False)  # Saint-Étienne, not published
    assert "Saint-Étienne" not in listed(directory(client))


def test_directory_leaves_out_private_members(client, members, add_member):
    private = add_member(authority("commune", "42218"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert "Saint-Étienne" not in listed(directory(client))


def test_directory_counts_the_members_listed(client, members):
    assert text(parse(directory(client)).select_one("[role=status]")) == "5 collectivités"


def test_directory_links_to_each_profile(client, members):
    links = [a["href"] for a in parse(directory(client)).select(".member-cards .card-title a")]
    assert links[0] == "/membres/amiens/"
    assert client.get(links[0]).status_code == 200


def test_directory_card_shows_the_latest_budget_and_euros_per_inhabitant(client, members):
    card = parse(directory(client)).select(".member-cards .card")[0]
    figures = {text(dt): text(dt.find_next_sibling("dd")) for dt in card.select("dt")}
    population = referential.find("commune", "80021").population
    assert figures == {
        "Population": french_number(population),
        "Dernier budget": f"{french_euros(500_000)} (2022)",
        "€ par habitant": french_euros(Decimal(500_000) / population, 2),
    }


def test_directory_card_without_edition_shows_dashes(client, members):
    card = parse(directory(client)).select(".member-cards .card")[-1]  # Somme
    figures = {text(dt): text(dt.find_next_sibling("dd")) for dt in card.select("dt")}
    assert figures["Dernier budget"] == "—"
    assert figures["€ par habitant"] == "—"


def test_directory_shows_a_member_without_inhabitants(client, add_member):
    add_member(authority("commune", "55050"), editions=[EditionFactory.build()])  # Bezonvaux
    response = directory(client)
    assert listed(response) == ["Bezonvaux"]
    assert "—" in text(parse(response).select_one(".member-cards"))


def test_english_directory_lists_only_english_profiles(
    client, members, english_member_index, translate
):
    translate(members["commune", "80021"])
    response = client.get("/en/membres/")
    assert response.status_code == 200
    assert listed(response) == ["Amiens"]
    assert parse(response).select_one(".member-cards a")["href"] == "/en/membres/amiens/"


def test_english_directory_is_in_english(client, members, english_member_index, translate):
    translate(members["commune", "80021"])
    response = client.get("/en/membres/")
    assert text(parse(response).select_one("[role=status]")) == "1 authority"
    assert "member authorities" in totals(response)


def test_french_directory_leaves_out_english_profiles(
    client, members, english_member_index, translate
):
    translate(members["commune", "80021"])
    assert listed(directory(client)).count("Amiens") == 1


# Totals


def test_directory_totals_equal_an_independent_recount(client, members, add_member):
    add_member(authority("commune", "42218"), live=False)  # a draft counts for nothing
    population = sum(referential.find(*key).population for key in MEMBERS)
    latest_budgets = sum(editions[max(editions)] for editions in MEMBERS.values() if editions)
    assert latest_budgets == 500_000 + 1_200_000 + 90_000 + 2_000_000
    assert totals(directory(client)) == {
        "collectivités membres": "5",
        "habitants couverts": french_number(population),
        "cumul des derniers budgets": french_euros(latest_budgets),
    }


def test_directory_totals_are_kept_for_a_generation_of_the_page_cache(
    client, members, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    assert totals(directory(client, visit=1))["collectivités membres"] == "5"
    # A change no signal reports waits for the next generation...
    Page.objects.filter(pk=members[("commune", "80021")].pk).update(live=False)
    assert totals(directory(client, visit=2))["collectivités membres"] == "5"
    # ...which unpublishing a member starts, as does a change to an authority's figures.
    with django_capture_on_commit_callbacks(execute=True):
        members[("commune", "35238")].unpublish()
    assert totals(directory(client, visit=3))["collectivités membres"] == "3"
    ploemeur = members[("commune", "56162")].authority
    with django_capture_on_commit_callbacks(execute=True):
        ploemeur.population = 0
        ploemeur.save()
    population = sum(
        referential.find(*key).population for key in [("epci", "243500139"), ("departement", "80")]
    )
    assert totals(directory(client, visit=4))["habitants couverts"] == french_number(population)


def test_directory_totals_are_zero_without_members(client, member_index):
    assert totals(directory(client)) == {
        "collectivités membres": "0",
        "habitants couverts": "0",
        "cumul des derniers budgets": "0 €",
    }


# Filters


def test_directory_filters_by_kind(client, members):
    assert listed(directory(client, kind="epci")) == ["Rennes Métropole"]


def test_directory_filters_by_region(client, members):
    assert listed(directory(client, region="53")) == ["Ploemeur", "Rennes", "Rennes Métropole"]


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("lt10k", []),
        ("10k-50k", ["Ploemeur"]),
        ("50k-200k", ["Amiens"]),
        ("gt200k", ["Rennes", "Rennes Métropole", "Somme"]),
    ],
)
def test_directory_filters_by_population_bracket(client, members, bracket, expected):
    assert listed(directory(client, population=bracket)) == expected


def test_directory_filters_by_first_year(client, members):
    assert listed(directory(client, start="2020")) == ["Amiens", "Rennes Métropole"]


def test_directory_combines_filters(client, members):
    assert listed(directory(client, kind="commune", region="53")) == ["Ploemeur", "Rennes"]
    assert listed(directory(client, kind="commune", region="53", population="gt200k")) == ["Rennes"]
    assert listed(directory(client, region="32", start="2020")) == ["Amiens"]


def test_directory_says_when_no_member_matches(client, members):
    response = directory(client, kind="region")
    assert listed(response) == []
    assert "Aucune collectivité ne correspond à ces critères." in text(parse(response))


def test_directory_keeps_the_filters_selected_in_the_form(client, members):
    page = parse(directory(client, kind="commune", region="53"))
    assert page.select_one("select[name=kind] option[selected]")["value"] == "commune"
    assert page.select_one("select[name=region] option[selected]")["value"] == "53"


def test_directory_offers_the_regions_of_its_members_only(client, members):
    assert options(directory(client), "region") == {
        "53": "Bretagne",
        "32": "Hauts-de-France",
    }


def test_directory_offers_the_first_years_of_its_members(client, members):
    assert list(options(directory(client), "start")) == ["2016", "2017", "2020"]


def test_directory_filter_totals_stay_those_of_all_members(client, members):
    assert totals(directory(client, kind="epci"))["collectivités membres"] == "5"


# Sorting


def test_directory_sorts_by_name_by_default(client, members):
    assert listed(directory(client, sort="name")) == listed(directory(client))


def test_directory_sorts_by_name_ignoring_accents(client, add_member):
    for code in ("38185", "38151", "80021"):  # Grenoble, Échirolles, Amiens
        add_member(authority("commune", code))
    assert listed(directory(client)) == ["Amiens", "Échirolles", "Grenoble"]


def test_directory_sorts_by_population_biggest_first(client, members):
    assert listed(directory(client, sort="population")) == [
        "Somme",
        "Rennes Métropole",
        "Rennes",
        "Amiens",
        "Ploemeur",
    ]


def test_directory_sorts_by_euros_per_inhabitant_highest_first(client, members):
    per_inhabitant = {
        referential.find(*key).name: Decimal(editions[max(editions)])
        / referential.find(*key).population
        for key, editions in MEMBERS.items()
        if editions
    }
    expected = sorted(per_inhabitant, key=per_inhabitant.get, reverse=True)
    assert expected == ["Rennes", "Ploemeur", "Rennes Métropole", "Amiens"]
    # Members without a budget come last.
    assert listed(directory(client, sort="per_inhabitant")) == [*expected, "Somme"]


def test_directory_sorts_and_filters_together(client, members):
    assert listed(directory(client, region="53", sort="population")) == [
        "Rennes Métropole",
        "Rennes",
        "Ploemeur",
    ]


# Pagination


@pytest.fixture
def two_per_page(settings):
    settings.MEMBERS_PER_PAGE = 2


def page_links(response):
    return [a["href"] for a in parse(response).select("nav.pagination a")]


def test_directory_is_paginated(client, members, two_per_page):
    assert listed(directory(client)) == ["Amiens", "Ploemeur"]
    assert listed(directory(client, page="2")) == ["Rennes", "Rennes Métropole"]
    assert listed(directory(client, page="3")) == ["Somme"]


def test_directory_pages_together_list_every_member_once(client, members, two_per_page):
    for sort in ("name", "population", "per_inhabitant"):
        seen = [
            title
            for number in ("1", "2", "3")
            for title in listed(directory(client, sort=sort, page=number))
        ]
        assert len(seen) == len(set(seen)) == len(MEMBERS)


def test_directory_counts_all_matching_members_on_every_page(client, members, two_per_page):
    response = directory(client, page="2")
    assert text(parse(response).select_one("[role=status]")) == "5 collectivités"


def test_directory_pagination_links_keep_the_filters_and_sort(client, members, two_per_page):
    response = directory(client, region="53", sort="population")
    assert listed(response) == ["Rennes Métropole", "Rennes"]
    links = page_links(response)
    assert "?region=53&sort=population&page=2" in links
    assert listed(client.get("/membres/?region=53&sort=population&page=2")) == ["Ploemeur"]


def test_directory_without_a_second_page_has_no_pagination(client, members):
    assert parse(directory(client)).select_one("nav.pagination") is None


# Bad parameters


@pytest.mark.parametrize(
    "query",
    [
        "kind=x",
        "kind=",
        "region=<script>alert('region')</script>",
        "region=99",
        "population=huge",
        "start=abc",
        "start=1500",
        "start=2020.5",
        "sort=drop",
        "sort=-population",
        "page=abc",
        "page=-1",
        "page=0",
        "page=99999",
        "page=1e9",
        "page=" + "9" * 400,
        "kind=commune&kind=epci",
        "region=%00",
        "q=" + "x" * 10_000,
    ],
)
def test_directory_answers_bad_parameters_without_error(client, members, query):
    response = client.get(f"/membres/?{query}")
    assert response.status_code == 200
    assert listed(response)  # falls back to a page of members


@pytest.mark.parametrize("param", ["kind", "region", "population", "start", "sort"])
def test_directory_ignores_an_unknown_value(client, members, param):
    response = client.get("/membres/", {param: "<script>alert('x')</script>"})
    assert listed(response) == listed(directory(client))


def test_directory_never_echoes_a_script_from_the_url(client, members, two_per_page):
    payload = "<script>alert('directory')</script>"
    response = client.get(
        "/membres/", {"region": payload, "kind": payload, "sort": payload, "page": payload}
    )
    assert response.status_code == 200
    assert payload.encode() not in response.content
    assert all(payload not in link for link in page_links(response))


def test_directory_out_of_range_page_shows_the_last_page(client, members, two_per_page):
    assert listed(directory(client, page="99999")) == ["Somme"]


def test_directory_non_numeric_page_shows_the_first_page(client, members, two_per_page):
    assert listed(directory(client, page="abc")) == ["Amiens", "Ploemeur"]
