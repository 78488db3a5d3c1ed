"""Computed figures: the derived figures of an edition (division by zero included), the
annotations and totals of `members.figures`, and the home page's key figures, which come
from the same computation over the live member pages of the page's language."""

from decimal import Decimal

from wagtail.models import PageViewRestriction

import pytest

from home.figures import get_key_figures
from members import referential
from members.factories import EditionFactory, authority
from members.figures import member_rows, totals, with_figures
from members.models import MemberPage
from members.models.profile import ratio

from .helpers import french_number, parse, text

pytestmark = pytest.mark.django_db

AMIENS_POPULATION = referential.find("commune", "80021").population
RENNES_POPULATION = referential.find("commune", "35238").population


# Derived figures of an edition


def edition_of(add_member, authority, **fields):
    member = add_member(authority, editions=[EditionFactory.build(**fields)])
    return member.editions.get()


def test_edition_euros_per_inhabitant_divide_by_the_official_population(add_member, amiens):
    edition = edition_of(add_member, amiens, amount=450_000)
    assert edition.amount_per_inhabitant == Decimal(450_000) / AMIENS_POPULATION


def test_edition_turnout_divides_votes_by_the_official_population(add_member, amiens):
    edition = edition_of(add_member, amiens, votes_cast=7_321)
    assert edition.turnout == Decimal(7_321) / AMIENS_POPULATION


def test_edition_delivery_rate_divides_delivered_by_winning_projects(add_member, amiens):
    edition = edition_of(add_member, amiens, winning_projects=37, delivered_projects=12)
    assert edition.delivery_rate == Decimal(12) / 37


def test_edition_without_votes_has_no_turnout(add_member, amiens):
    assert edition_of(add_member, amiens, votes_cast=None).turnout is None


def test_edition_with_zero_votes_has_a_zero_turnout(add_member, amiens):
    assert edition_of(add_member, amiens, votes_cast=0).turnout == 0


def test_edition_without_winning_project_has_no_delivery_rate(add_member, amiens):
    edition = edition_of(add_member, amiens, winning_projects=0, delivered_projects=0)
    assert edition.delivery_rate is None


def test_edition_of_an_authority_without_inhabitants_has_no_figure_per_inhabitant(add_member):
    bezonvaux = authority("commune", "55050")  # no inhabitant since 1916
    edition = edition_of(add_member, bezonvaux)
    assert edition.amount_per_inhabitant is None
    assert edition.turnout is None


def test_edition_of_an_authority_of_unknown_population_has_no_figure_per_inhabitant(
    add_member, amiens
):
    amiens.population = None
    amiens.save()
    edition = edition_of(add_member, amiens)
    assert edition.amount_per_inhabitant is None


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(1, 4, Decimal("0.25")), (0, 4, 0), (None, 4, None), (1, 0, None), (1, None, None)],
)
def test_ratio_is_none_when_it_cannot_be_computed(numerator, denominator, expected):
    assert ratio(numerator, denominator) == expected


# Annotations and totals


def test_with_figures_gives_the_latest_budget_and_the_first_year(add_member, amiens):
    add_member(
        amiens,
        editions=[
            EditionFactory.build(year=2022, amount=500_000),
            EditionFactory.build(year=2019, amount=300_000),
            EditionFactory.build(year=2021, amount=450_000),
        ],
    )
    member = with_figures(MemberPage.objects.all()).get()
    assert (member.latest_year, member.latest_amount, member.first_year) == (2022, 500_000, 2019)
    assert member.amount_per_inhabitant == pytest.approx(500_000 / AMIENS_POPULATION)


def test_with_figures_of_a_member_without_edition_are_empty(add_member, amiens):
    add_member(amiens)
    member = with_figures(MemberPage.objects.all()).get()
    assert member.latest_amount is None
    assert member.first_year is None
    assert member.amount_per_inhabitant is None


def test_with_figures_of_an_authority_without_inhabitants_has_no_euros_per_inhabitant(
    add_member,
):
    add_member(authority("commune", "55050"), editions=[EditionFactory.build()])
    member = with_figures(MemberPage.objects.all()).get()
    assert member.latest_amount == 500_000
    assert member.amount_per_inhabitant is None


def test_with_figures_makes_one_row_per_member(add_member, amiens, rennes):
    add_member(amiens, editions=[EditionFactory.build(year=y) for y in (2019, 2020, 2021)])
    add_member(rennes, editions=[EditionFactory.build(year=y) for y in (2020, 2021)])
    assert with_figures(MemberPage.objects.all()).count() == 2


def test_totals_count_members_population_and_latest_budgets(add_member, amiens, rennes):
    add_member(
        amiens,
        editions=[
            EditionFactory.build(year=2021, amount=400_000),
            EditionFactory.build(year=2022, amount=500_000),
        ],
    )
    add_member(rennes, editions=[EditionFactory.build(year=2020, amount=1_000_000)])
    assert totals(member_rows(MemberPage.objects.all())) == {
        "members": 2,
        "population": AMIENS_POPULATION + RENNES_POPULATION,
        "latest_budgets": 500_000 + 1_000_000,
    }


def test_totals_of_no_member_are_zero(db):
    assert totals(member_rows(MemberPage.objects.none())) == {
        "members": 0,
        "population": 0,
        "latest_budgets": 0,
    }


# Key figures of the home page


def key_figures(response):
    return {
        text(item.select_one(".figure-label")): text(item.select_one(".figure-value"))
        for item in parse(response).select(".key-figures li")
    }


def test_home_page_counts_the_live_members_and_their_population(client, add_member, amiens, rennes):
    add_member(amiens)
    add_member(rennes)
    figures = key_figures(client.get("/"))
    assert figures["collectivités membres"] == "2"
    assert figures["habitants couverts"] == french_number(AMIENS_POPULATION + RENNES_POPULATION)


def test_home_page_does_not_count_a_draft_member(client, add_member, amiens, rennes):
    add_member(amiens)
    add_member(rennes, live=False)
    figures = key_figures(client.get("/"))
    assert figures["collectivités membres"] == "1"
    assert figures["habitants couverts"] == french_number(AMIENS_POPULATION)


def test_home_page_does_not_count_a_private_member(client, add_member, amiens, rennes):
    add_member(amiens)
    private = add_member(rennes)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert key_figures(client.get("/"))["collectivités membres"] == "1"


def test_home_page_counts_the_members_of_its_language(
    client, add_member, amiens, rennes, english_member_index, translate
):
    translate(add_member(amiens))
    add_member(rennes)  # not translated
    assert key_figures(client.get("/"))["collectivités membres"] == "2"
    english = key_figures(client.get("/en/"))
    assert english["member authorities"] == "1"
    assert english["residents covered"] == f"{AMIENS_POPULATION:,}"


def test_home_page_figures_equal_the_directory_totals(client, add_member, amiens, rennes):
    add_member(amiens, editions=[EditionFactory.build()])
    add_member(rennes, live=False)
    home = key_figures(client.get("/"))
    directory = parse(client.get("/membres/"))
    values = [text(value) for value in directory.select(".totals .figure-value")]
    assert [home["collectivités membres"], home["habitants couverts"]] == values[:2]


def test_key_figures_hook_gives_members_and_population(add_member, amiens, french):
    add_member(amiens)
    figures = {figure["key"]: figure["value"] for figure in get_key_figures(french.pk)}
    assert figures["members"] == 1
    assert figures["population"] == AMIENS_POPULATION
