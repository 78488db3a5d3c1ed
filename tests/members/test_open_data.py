"""Open data of the members: CSV with a documented header row and JSON under the Licence
Ouverte, and Wagtail's API v2, all listing only live public profiles."""

import csv
import io
from decimal import Decimal

from wagtail.models import PageViewRestriction

import pytest

from members.columns import EDITION_COLUMNS, MEMBER_COLUMNS
from members.models import Authority, Edition, MemberIndexPage, MemberPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(home):
    """Amiens (live, two editions), Rennes (draft) and Ploemeur (private)."""
    index = home.add_child(instance=MemberIndexPage(title="Membres", slug="membres"))

    def member(code, name, population, **fields):
        authority = Authority.objects.create(
            kind="commune", code=code, name=name, population=population, region="32"
        )
        page = MemberPage(title=name, slug=name.lower(), authority=authority, **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    amiens = member(
        "80021",
        "Amiens",
        136449,
        editions=[
            Edition(year=2023, amount=500000, votes_cast=6000, winning_projects=10),
            Edition(
                year=2024, amount=600000, votes_cast=8000, winning_projects=12, delivered_projects=6
            ),
        ],
    )
    rennes = member("35238", "Rennes", 230890)
    rennes.unpublish()
    ploemeur = member("56162", "Ploemeur", 18872)
    PageViewRestriction.objects.create(page=ploemeur, restriction_type=PageViewRestriction.LOGIN)
    return amiens


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_members_csv_has_the_documented_columns_and_only_live_public_members(client, members):
    response = client.get("/donnees/membres.csv")
    rows = read_csv(response)
    assert list(rows[0]) == list(MEMBER_COLUMNS)
    assert [row["nom"] for row in rows] == ["Amiens"]
    assert rows[0]["code"] == "80021"
    assert rows[0]["population"] == "136449"
    assert rows[0]["derniere_edition"] == "2024"
    assert rows[0]["montant_derniere_edition"] == "600000"
    assert rows[0]["fiche"] == "http://testserver/membres/amiens/"


def test_editions_csv_computes_the_derived_figures(client, members):
    rows = read_csv(client.get("/donnees/editions.csv"))
    assert list(rows[0]) == list(EDITION_COLUMNS)
    assert [row["annee"] for row in rows] == ["2023", "2024"]
    latest = rows[1]
    population = Decimal(136449)
    assert Decimal(latest["euros_par_habitant"]) == round(Decimal(600000) / population, 2)
    assert Decimal(latest["participation"]) == round(Decimal(8000) / population, 4)
    assert Decimal(latest["taux_realisation"]) == Decimal("0.5000")
    assert rows[0]["taux_realisation"] == ""  # no delivered projects given


def test_members_json_carries_the_licence_and_the_editions(client, members):
    payload = client.get("/donnees/membres.json").json()
    assert payload["licence"] == "Licence Ouverte / Open Licence 2.0"
    assert set(payload["colonnes"]["membres"]) == set(MEMBER_COLUMNS)
    [amiens] = payload["membres"]
    assert amiens["nom"] == "Amiens"
    assert [edition["annee"] for edition in amiens["editions"]] == [2023, 2024]
    assert amiens["editions"][1]["montant"] == 600000


def test_open_data_refuses_other_methods(client, members):
    assert client.post("/donnees/membres.csv").status_code == 405


def test_api_lists_live_public_member_profiles_with_their_figures(client, members):
    response = client.get(
        "/api/v2/pages/?type=members.MemberPage&fields=authority,editions,representatives"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Amiens"]
    assert items[0]["authority"]["code"] == "80021"
    assert items[0]["authority"]["population"] == 136449
    assert [edition["year"] for edition in items[0]["editions"]] == [2023, 2024]


def test_api_never_serves_a_draft_profile(client, members):
    rennes = MemberPage.objects.get(slug="rennes")
    assert client.get(f"/api/v2/pages/{rennes.pk}/").status_code == 404


def test_directory_links_the_open_data(client, members):
    html = client.get("/membres/").content.decode()
    for url in ("/donnees/membres.csv", "/donnees/editions.csv", "/donnees/membres.json"):
        assert f'href="{url}"' in html
