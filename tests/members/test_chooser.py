"""The authority chooser of the admin: editors find a member's authority by the start of
its name (accents and case ignored), its INSEE code or its SIREN, biggest first. Whatever
is typed, the chooser answers; only staff may use it."""

import json

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from members.factories import authority

pytestmark = pytest.mark.django_db

AUTHORITIES = [
    ("commune", "80021"),  # Amiens, 136 449 inhabitants
    ("epci", "248000531"),  # CA Amiens Métropole, 184 392
    ("commune", "80256"),  # Dreuil-lès-Amiens, 1 576
    ("departement", "80"),  # Somme
    ("commune", "42218"),  # Saint-Étienne
    ("commune", "76575"),  # Saint-Étienne-du-Rouvray
    ("commune", "35238"),  # Rennes
    ("epci", "243500139"),  # Rennes Métropole
    ("commune", "56162"),  # Ploemeur
]


@pytest.fixture
def authorities(db):
    return {code: authority(kind, code) for kind, code in AUTHORITIES}


def names(response):
    """Names of the authorities offered, in order."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        link.get_text(" ", strip=True).split(" (")[0]
        for link in soup.select("a[data-chooser-modal-choice]")
    ]


def search(client, query):
    response = client.get(reverse("authority_chooser:choose_results"), {"q": query})
    assert response.status_code == 200
    return names(response)


def test_chooser_opens_with_a_search_field(superuser_client, authorities):
    response = superuser_client.get(reverse("authority_chooser:choose"))
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert 'name="q"' in html


def test_chooser_finds_an_authority_by_the_start_of_its_name(superuser_client, authorities):
    assert "Amiens" in search(superuser_client, "amie")


def test_chooser_search_ignores_case_and_accents(superuser_client, authorities):
    assert search(superuser_client, "AMIÉ") == search(superuser_client, "amie")


def test_chooser_finds_a_hyphenated_name_typed_with_spaces(superuser_client, authorities):
    assert search(superuser_client, "saint etienne") == [
        "Saint-Étienne",
        "Saint-Étienne-du-Rouvray",
    ]


def test_chooser_finds_a_word_inside_the_name(superuser_client, authorities):
    assert "Dreuil-lès-Amiens" in search(superuser_client, "amiens")


def test_chooser_does_not_match_the_middle_of_a_word(superuser_client, authorities):
    assert search(superuser_client, "miens") == []


def test_chooser_lists_the_biggest_populations_first(superuser_client, authorities):
    assert search(superuser_client, "amie") == [
        "CA Amiens Métropole",
        "Amiens",
        "Dreuil-lès-Amiens",
    ]


def test_chooser_finds_a_commune_by_its_insee_code(superuser_client, authorities):
    assert search(superuser_client, "80021") == ["Amiens"]


def test_chooser_finds_a_commune_by_its_siren(superuser_client, authorities):
    assert search(superuser_client, authorities["80021"].siren) == ["Amiens"]


def test_chooser_finds_an_epci_by_its_siren(superuser_client, authorities):
    assert search(superuser_client, "243500139") == ["Rennes Métropole"]


def test_chooser_finds_a_departement_by_its_code(superuser_client, authorities):
    assert "Somme" in search(superuser_client, "80")


def test_chooser_without_query_lists_every_authority(superuser_client, authorities):
    assert len(search(superuser_client, "")) == len(AUTHORITIES)


def test_chooser_with_an_unknown_name_finds_nothing(superuser_client, authorities):
    assert search(superuser_client, "Xyzzyville") == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "a" * 10_000,
        "!!!",
        "%_%",
        "'; DROP TABLE members_authority; --",
        "🏛️",
        "\x00",
        "<script>alert('chooser')</script>",
    ],
    ids=["empty", "space", "very-long", "punctuation", "wildcards", "sql", "emoji", "nul", "html"],
)
@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_chooser_answers_any_query_without_error(superuser_client, authorities, view, query):
    response = superuser_client.get(reverse(f"authority_chooser:{view}"), {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(" not in response.content


def test_chooser_escapes_the_query_it_shows(superuser_client, authorities):
    response = superuser_client.get(
        reverse("authority_chooser:choose"), {"q": "<script>alert('chooser')</script>"}
    )
    html = json.loads(response.content)["html"]
    assert "<script>alert(" not in html


def test_chooser_wildcards_are_not_wildcards(superuser_client, authorities):
    assert search(superuser_client, "%") == []
    assert search(superuser_client, "_") == []


@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_chooser_sends_anonymous_visitors_to_the_login_page(client, authorities, view):
    response = client.get(reverse(f"authority_chooser:{view}"), {"q": "amie"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_chooser_refuses_a_user_without_admin_access(client, django_user_model, authorities, view):
    client.force_login(django_user_model.objects.create_user("habitant", "h@example.org", "x"))
    response = client.get(reverse(f"authority_chooser:{view}"), {"q": "amie"})
    assert response.status_code in (302, 403)
    assert b"Amiens" not in response.content
