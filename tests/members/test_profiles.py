"""Member profiles: where they sit in the page tree, and what a visitor reads on one, in
French and in English: the identity from the official referential, the figures of each
edition with those derived from them (recomputed here from the referential's population),
the chart and the pair."""

from decimal import Decimal

from wagtail.models import Page

import pytest

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from members import referential
from members.factories import EditionFactory, RepresentativeFactory, authority
from members.models import MemberIndexPage, MemberPage, Representative

from .helpers import (
    english_number,
    facts,
    french_euros,
    french_number,
    french_percent,
    parse,
    table,
    text,
)

pytestmark = pytest.mark.django_db

EDITIONS = [
    # Chosen so that rounding matters: 450 000 / 136 449 = 3.2979… → 3,30 € (not 3,29).
    {
        "year": 2021,
        "amount": 450_000,
        "projects_submitted": 180,
        "projects_put_to_vote": 90,
        "winning_projects": 30,
        "votes_cast": 7_321,
        "delivered_projects": 24,
    },
    {
        "year": 2022,
        "amount": 520_000,
        "projects_submitted": 200,
        "projects_put_to_vote": 100,
        "winning_projects": 37,
        "votes_cast": 9_876,
        "delivered_projects": 12,
    },
]
PAIR = [
    {
        "role": Representative.Role.ELECTED,
        "name": "Hélène Martin",
        "position": "Adjointe à la démocratie participative",
        "email": "helene.martin@amiens.example",
    },
    {
        "role": Representative.Role.PROFESSIONAL,
        "name": "Karim Benali",
        "position": "Chargé de mission budget participatif",
        "email": "budget.participatif@amiens.example",
    },
]
AMIENS_POPULATION = referential.find("commune", "80021").population


@pytest.fixture
def amiens_member(add_member, amiens):
    return add_member(
        amiens,
        editions=[EditionFactory.build(**edition) for edition in EDITIONS],
        representatives=[RepresentativeFactory.build(**person) for person in PAIR],
    )


@pytest.fixture
def english_amiens_member(amiens_member, english_member_index, translate):
    return translate(amiens_member, presentation="Amiens runs a participatory budget.")


# The page tree


def test_member_index_can_be_created_under_the_home_page(home):
    assert MemberIndexPage.can_create_at(home)


def test_member_index_cannot_be_created_elsewhere_than_under_a_home_page(home):
    about = StandardPageFactory(parent=home)
    assert not MemberIndexPage.can_create_at(about)
    assert not MemberIndexPage.can_create_at(Page.get_first_root_node())


def test_home_page_holds_at_most_one_member_index(member_index, home):
    assert not MemberIndexPage.can_create_at(HomePage.objects.get(pk=home.pk))


def test_member_page_can_be_created_under_the_member_index(member_index):
    assert MemberPage.can_create_at(member_index)


def test_member_page_cannot_be_created_elsewhere_than_under_the_member_index(home):
    assert not MemberPage.can_create_at(home)
    assert not MemberPage.can_create_at(StandardPageFactory(parent=home))


def test_member_page_has_no_children(amiens_member):
    assert amiens_member.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(amiens_member)
    assert not MemberPage.can_create_at(amiens_member)


# Identity


def test_profile_shows_the_identity_from_the_referential(client, amiens_member):
    source = referential.find("commune", "80021")
    identity = facts(client.get("/membres/amiens/"), "identity-title")
    assert identity["Nom officiel"] == source.name == "Amiens"
    assert identity["Code INSEE"] == "80021"
    assert identity["SIREN"] == source.siren
    assert identity["Région"] == "Hauts-de-France"
    assert identity["Population"] == f"{french_number(source.population)} habitants"


def test_epci_profile_shows_its_siren_as_official_code(client, add_member, rennes_metropole):
    add_member(rennes_metropole)
    response = client.get("/membres/rennes-metropole/")
    identity = facts(response, "identity-title")
    assert identity["Code officiel"] == "243500139"
    assert "Code INSEE" not in identity
    assert text(parse(response).select_one(".member-header .lead")).startswith("Métropole")


def test_english_profile_shows_the_identity_with_english_labels(client, english_amiens_member):
    identity = facts(client.get("/en/membres/amiens/"), "identity-title")
    assert identity["Official name"] == "Amiens"
    assert identity["INSEE code"] == "80021"
    assert identity["Population"] == f"{english_number(AMIENS_POPULATION)} inhabitants"


# Editions and derived figures


def test_profile_table_lists_each_edition_in_chronological_order(client, add_member, amiens):
    add_member(amiens, editions=[EditionFactory.build(year=y) for y in (2023, 2019, 2021)])
    rows = table(client.get("/membres/amiens/"))
    assert [row["Année"] for row in rows] == ["2019", "2021", "2023"]


def test_profile_computes_euros_per_inhabitant_from_the_official_population(client, amiens_member):
    rows = table(client.get("/membres/amiens/"))
    expected = [
        french_euros(Decimal(edition["amount"]) / AMIENS_POPULATION, 2) for edition in EDITIONS
    ]
    assert [row["€ par habitant"] for row in rows] == expected == ["3,30 €", "3,81 €"]


def test_profile_computes_turnout_as_votes_over_population(client, amiens_member):
    rows = table(client.get("/membres/amiens/"))
    expected = [
        french_percent(Decimal(edition["votes_cast"]) / AMIENS_POPULATION) for edition in EDITIONS
    ]
    assert [row["Participation"] for row in rows] == expected == ["5,4 %", "7,2 %"]


def test_profile_computes_delivery_rate_as_delivered_over_winning(client, amiens_member):
    rows = table(client.get("/membres/amiens/"))
    expected = [
        french_percent(Decimal(edition["delivered_projects"]) / edition["winning_projects"])
        for edition in EDITIONS
    ]
    assert [row["Taux de réalisation"] for row in rows] == expected == ["80,0 %", "32,4 %"]


def test_profile_shows_the_typed_figures_of_each_edition(client, amiens_member):
    row = table(client.get("/membres/amiens/"))[0]
    assert row["Montant"] == "450\xa0000 €"
    assert row["Projets déposés"] == "180"
    assert row["Soumis au vote"] == "90"
    assert row["Lauréats"] == "30"
    assert row["Votants"] == "7\xa0321"
    assert row["Réalisés"] == "24"


def test_profile_shows_a_dash_for_figures_it_cannot_compute(client, add_member, amiens):
    edition = EditionFactory.build(votes_cast=None, winning_projects=0, delivered_projects=0)
    add_member(amiens, editions=[edition])
    row = table(client.get("/membres/amiens/"))[0]
    assert row["Votants"] == "—"
    assert row["Participation"] == "—"
    assert row["Taux de réalisation"] == "—"


def test_profile_of_an_authority_without_inhabitants_shows_no_figure_per_inhabitant(
    client, add_member
):
    bezonvaux = authority("commune", "55050")  # a village destroyed in 1916: no inhabitant
    assert bezonvaux.population == 0
    add_member(bezonvaux, editions=[EditionFactory.build()])
    row = table(client.get("/membres/bezonvaux/"))[0]
    assert row["€ par habitant"] == "—"
    assert row["Participation"] == "—"


def test_english_profile_formats_the_figures_in_english(client, english_amiens_member):
    rows = table(client.get("/en/membres/amiens/"))
    per_inhabitant = Decimal(EDITIONS[0]["amount"]) / AMIENS_POPULATION
    turnout = Decimal(EDITIONS[0]["votes_cast"]) / AMIENS_POPULATION
    assert rows[0]["Amount"] == f"€{english_number(EDITIONS[0]['amount'])}"
    assert rows[0]["€ per inhabitant"] == f"€{english_number(per_inhabitant, 2)}"
    assert rows[0]["Turnout"] == f"{english_number(turnout * 100, 1)}%"


def test_profile_draws_the_chart_of_the_editions_as_svg(client, amiens_member):
    chart = parse(client.get("/membres/amiens/")).select_one("figure.chart svg")
    assert chart is not None
    assert chart["role"] == "img"
    assert len(chart.select("rect")) == len(EDITIONS)


def test_profile_without_edition_says_so(client, add_member, amiens):
    add_member(amiens)
    page = parse(client.get("/membres/amiens/"))
    assert "Aucune édition renseignée pour le moment." in text(page)
    assert page.select_one("svg[role=img]") is None
    assert page.select_one("table.data-table") is None


# The pair


def test_profile_shows_the_pair_with_their_public_email(client, amiens_member):
    cards = parse(client.get("/membres/amiens/")).select(".representatives .card")
    shown = [(text(card.select_one(".card-title")), card.select_one("a")["href"]) for card in cards]
    assert shown == [
        ("Hélène Martin", "mailto:helene.martin@amiens.example"),
        ("Karim Benali", "mailto:budget.participatif@amiens.example"),
    ]


def test_profile_shows_the_role_of_each_representative(client, amiens_member):
    cards = parse(client.get("/membres/amiens/")).select(".representatives .card-date")
    assert [text(card) for card in cards] == [
        "Élu·e — Adjointe à la démocratie participative",
        "Technicien·ne — Chargé de mission budget participatif",
    ]


def test_english_profile_shows_the_pair(client, english_amiens_member):
    page = text(parse(client.get("/en/membres/amiens/")))
    assert "Hélène Martin" in page
    assert "budget.participatif@amiens.example" in page


def test_profile_without_representative_has_no_pair_section(client, add_member, amiens):
    add_member(amiens)
    assert parse(client.get("/membres/amiens/")).select_one("#pair-title") is None
