"""Member profiles edited in the admin as an editor would: through the real add and edit
views. Good input creates the profile with its editions and pair; every bad input gives a
clear form error and saves nothing, not even part of it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from members.factories import EditionFactory
from members.models import Edition, MemberPage, Representative

from .helpers import parse, text

pytestmark = pytest.mark.django_db

EDITION_2021 = {
    "year": "2021",
    "amount": "450000",
    "projects_submitted": "180",
    "projects_put_to_vote": "90",
    "winning_projects": "30",
    "votes_cast": "7321",
    "delivered_projects": "24",
}
EDITION_2022 = {**EDITION_2021, "year": "2022", "amount": "520000"}
PAIR = [
    {"role": "elected", "name": "Hélène Martin", "email": "helene.martin@amiens.example"},
    {"role": "professional", "name": "Karim Benali", "email": "bp@amiens.example"},
]


def add_url(member_index):
    return reverse("wagtailadmin_pages:add", args=("members", "memberpage", member_index.pk))


def profile_data(authority_id, editions=(), representatives=(), initial_editions=0, **fields):
    """The POST data of the profile form, as the admin's "Publish" button sends it."""
    return nested_form_data(
        {
            "title": "Amiens",
            "slug": slugify(fields.pop("title", "Amiens")),
            "authority": str(authority_id),
            "presentation": "Amiens mène un budget participatif depuis 2021.",
            "platform": "decidim",
            "minimum_voting_age": "11",
            "editions": inline_formset(list(editions), initial=initial_editions),
            "representatives": inline_formset(list(representatives)),
            "action-publish": "action-publish",
            **fields,
        }
    )


def errors(response):
    """Text of the page's error messages."""
    return [text(error) for error in parse(response).select(".error-message, .help-critical")]


def assert_refused(response, message):
    assert response.status_code == 200
    assert message in text(parse(response))
    assert MemberPage.objects.count() == 0
    assert Edition.objects.count() == 0
    assert Representative.objects.count() == 0


def created_profile():
    """The French profile created (wagtail-localize adds its alias in the English tree)."""
    return MemberPage.objects.get(locale__language_code="fr")


def create(client, member_index, authority_id, editions=(EDITION_2021,), **fields):
    return client.post(
        add_url(member_index),
        profile_data(authority_id, editions=editions, representatives=PAIR, **fields),
    )


# Creating a profile


def test_editor_creates_a_profile_with_its_editions_and_pair(
    superuser_client, member_index, amiens
):
    response = create(superuser_client, member_index, amiens.pk, [EDITION_2021, EDITION_2022])
    assert response.status_code == 302
    member = created_profile()
    assert member.live
    assert member.authority == amiens
    assert member.get_parent().specific == member_index
    assert sorted(member.editions.values_list("year", "amount")) == [
        (2021, 450_000),
        (2022, 520_000),
    ]
    assert list(member.representatives.values_list("role", "name")) == [
        ("elected", "Hélène Martin"),
        ("professional", "Karim Benali"),
    ]


def test_created_profile_is_published_with_its_figures(
    client, superuser_client, member_index, amiens
):
    create(superuser_client, member_index, amiens.pk, [EDITION_2021, EDITION_2022])
    response = client.get("/membres/amiens/")
    assert response.status_code == 200
    assert "Hélène Martin" in text(parse(response))
    assert len(parse(response).select("table.data-table tbody tr")) == 2


def test_profile_form_offers_the_authority_chooser(superuser_client, member_index):
    page = parse(superuser_client.get(add_url(member_index)))
    chooser = page.select_one("[data-chooser-url]") or page.select_one("[data-controller*=chooser]")
    assert chooser is not None
    assert reverse("authority_chooser:choose") in str(page)


# Bad figures


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", "-1"),
        ("projects_submitted", "-5"),
        ("projects_put_to_vote", "-1"),
        ("winning_projects", "-1"),
        ("votes_cast", "-100"),
        ("delivered_projects", "-1"),
    ],
)
def test_negative_figure_is_refused(superuser_client, member_index, amiens, field, value):
    response = create(superuser_client, member_index, amiens.pk, [{**EDITION_2021, field: value}])
    assert_refused(response, "Assurez-vous que cette valeur est supérieure ou égale à 0.")


def test_more_winning_projects_than_submitted_is_refused(superuser_client, member_index, amiens):
    edition = {
        **EDITION_2021,
        "projects_submitted": "10",
        "projects_put_to_vote": "",
        "winning_projects": "11",
        "delivered_projects": "",
    }
    response = create(superuser_client, member_index, amiens.pk, [edition])
    assert_refused(response, "Il ne peut y avoir plus de projets lauréats que de projets déposés.")


def test_more_winning_projects_than_put_to_vote_is_refused(superuser_client, member_index, amiens):
    edition = {**EDITION_2021, "projects_put_to_vote": "20", "winning_projects": "21"}
    response = create(superuser_client, member_index, amiens.pk, [edition])
    assert_refused(
        response, "Il ne peut y avoir plus de projets lauréats que de projets soumis au vote."
    )


def test_more_projects_put_to_vote_than_submitted_is_refused(
    superuser_client, member_index, amiens
):
    edition = {**EDITION_2021, "projects_submitted": "50", "projects_put_to_vote": "51"}
    response = create(superuser_client, member_index, amiens.pk, [edition])
    assert_refused(
        response, "Il ne peut y avoir plus de projets soumis au vote que de projets déposés."
    )


def test_more_delivered_projects_than_winning_is_refused(superuser_client, member_index, amiens):
    edition = {**EDITION_2021, "winning_projects": "30", "delivered_projects": "31"}
    response = create(superuser_client, member_index, amiens.pk, [edition])
    assert_refused(response, "Il ne peut y avoir plus de projets réalisés que de projets lauréats.")


def test_year_in_the_future_is_refused(superuser_client, member_index, amiens):
    next_year = timezone.localdate().year + 1
    edition = {**EDITION_2021, "year": str(next_year)}
    response = create(superuser_client, member_index, amiens.pk, [edition])
    assert_refused(response, f"L'année {next_year} n'est pas encore passée.")


def test_current_year_is_accepted(superuser_client, member_index, amiens):
    edition = {**EDITION_2021, "year": str(timezone.localdate().year)}
    response = create(superuser_client, member_index, amiens.pk, [edition])
    assert response.status_code == 302
    assert created_profile().editions.get().year == timezone.localdate().year


def test_year_before_the_first_participatory_budget_is_refused(
    superuser_client, member_index, amiens
):
    response = create(superuser_client, member_index, amiens.pk, [{**EDITION_2021, "year": "1988"}])
    assert_refused(response, "Assurez-vous que cette valeur est supérieure ou égale à 1989.")


def test_same_year_twice_is_refused(superuser_client, member_index, amiens):
    response = create(superuser_client, member_index, amiens.pk, [EDITION_2021, EDITION_2021])
    assert_refused(response, "L'année 2021 est saisie deux fois.")


def test_same_year_twice_is_accepted_when_one_is_deleted(superuser_client, member_index, amiens):
    deleted = {**EDITION_2021, "DELETE": "1"}
    response = create(superuser_client, member_index, amiens.pk, [EDITION_2021, deleted])
    assert response.status_code == 302
    assert created_profile().editions.count() == 1


def test_refused_form_marks_the_edition_field_in_error(superuser_client, member_index, amiens):
    edition = {**EDITION_2021, "winning_projects": "30", "delivered_projects": "31"}
    response = create(superuser_client, member_index, amiens.pk, [edition])
    field = parse(response).select_one("[name=editions-0-delivered_projects]")
    assert field is not None
    assert field.get("aria-invalid") == "true"


# Bad authority


def test_unknown_authority_is_refused(superuser_client, member_index, amiens):
    response = create(superuser_client, member_index, amiens.pk + 1000)
    assert_refused(response, "Sélectionnez un choix valide.")


def test_profile_without_authority_is_refused(superuser_client, member_index):
    response = create(superuser_client, member_index, "")
    assert_refused(response, "Ce champ est obligatoire.")


def test_second_profile_for_the_same_authority_is_refused(
    superuser_client, member_index, amiens, add_member
):
    add_member(amiens, title="Amiens (première fiche)", slug="amiens-premiere")
    response = create(superuser_client, member_index, amiens.pk, slug="amiens-bis")
    assert response.status_code == 200
    assert "Amiens a déjà une fiche membre." in text(parse(response))
    assert MemberPage.objects.count() == 1
    assert Edition.objects.count() == 0


def test_second_profile_is_refused_even_when_the_first_is_a_draft(
    superuser_client, member_index, amiens, add_member
):
    add_member(amiens, slug="amiens-brouillon", live=False)
    response = create(superuser_client, member_index, amiens.pk, slug="amiens-bis")
    assert "Amiens a déjà une fiche membre." in text(parse(response))
    assert MemberPage.objects.count() == 1


# Editing a profile


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def existing_editions(member):
    return [
        {
            "id": str(edition.pk),
            **{
                field: "" if getattr(edition, field) is None else str(getattr(edition, field))
                for field in EDITION_2021
            },
        }
        for edition in member.editions.order_by("year")
    ]


@pytest.fixture
def amiens_member(add_member, amiens):
    return add_member(amiens, editions=[EditionFactory.build(year=2020)])


def test_editor_can_edit_a_profile_without_changing_its_authority(
    superuser_client, amiens_member, amiens
):
    editions = existing_editions(amiens_member)
    data = profile_data(
        amiens.pk,
        editions=[*editions, EDITION_2021],
        initial_editions=len(editions),
        presentation="Nouvelle présentation.",
    )
    response = superuser_client.post(edit_url(amiens_member), data)
    assert response.status_code == 302
    amiens_member.refresh_from_db()
    assert amiens_member.presentation == "Nouvelle présentation."
    assert sorted(amiens_member.editions.values_list("year", flat=True)) == [2020, 2021]


def test_editor_can_edit_the_translation_of_a_profile(
    superuser_client, amiens_member, amiens, english_member_index, translate
):
    english = translate(amiens_member, presentation="Amiens runs a participatory budget.")
    editions = existing_editions(english)
    data = profile_data(
        amiens.pk,
        editions=editions,
        initial_editions=len(editions),
        presentation="Amiens has run a participatory budget since 2020.",
    )
    response = superuser_client.post(edit_url(english), data)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.presentation == "Amiens has run a participatory budget since 2020."


def test_editing_a_profile_to_another_members_authority_is_refused(
    superuser_client, amiens_member, add_member, rennes
):
    add_member(rennes)
    editions = existing_editions(amiens_member)
    data = profile_data(rennes.pk, editions=editions, initial_editions=len(editions))
    response = superuser_client.post(edit_url(amiens_member), data)
    assert response.status_code == 200
    assert "Rennes a déjà une fiche membre." in text(parse(response))
    amiens_member.refresh_from_db()
    assert amiens_member.authority.code == "80021"


def test_invalid_edition_added_to_a_profile_keeps_the_previous_data(
    superuser_client, amiens_member, amiens
):
    before = list(amiens_member.editions.values_list("pk", "year", "amount"))
    revisions = Revision.objects.count()
    editions = existing_editions(amiens_member)
    bad = {**EDITION_2021, "winning_projects": "30", "delivered_projects": "31"}
    data = profile_data(
        amiens.pk,
        editions=[*editions, bad],
        initial_editions=len(editions),
        presentation="Présentation modifiée.",
    )
    response = superuser_client.post(edit_url(amiens_member), data)
    assert response.status_code == 200
    assert "Il ne peut y avoir plus de projets réalisés que de projets lauréats." in text(
        parse(response)
    )
    amiens_member.refresh_from_db()
    assert list(amiens_member.editions.values_list("pk", "year", "amount")) == before
    assert amiens_member.presentation != "Présentation modifiée."
    assert Revision.objects.count() == revisions


def test_editing_an_edition_into_a_duplicate_year_is_refused(
    superuser_client, amiens_member, amiens
):
    editions = existing_editions(amiens_member)
    data = profile_data(
        amiens.pk,
        editions=[*editions, {**EDITION_2021, "year": "2020"}],
        initial_editions=len(editions),
    )
    response = superuser_client.post(edit_url(amiens_member), data)
    assert "L'année 2020 est saisie deux fois." in text(parse(response))
    assert amiens_member.editions.count() == 1
