"""Practice sheets and the charter edited in the admin as staff would: through the real add
and edit views. Good input creates the sheet with its relations; every bad input gives a
clear form error and saves nothing."""

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from knowledge.models import PracticeSheetPage, Principle

from .helpers import parse, text

pytestmark = pytest.mark.django_db


def add_url(library):
    return reverse("wagtailadmin_pages:add", args=("knowledge", "practicesheetpage", library.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def sheet_data(member, phases=(), themes=(), principles=(), **fields):
    """The POST data of the sheet form, as the admin's "Publish" button sends it."""
    data = nested_form_data(
        {
            "title": "Un bus pour aller voter",
            "slug": "un-bus-pour-aller-voter",
            "member": str(member.pk),
            "summary": "Un bus aménagé en bureau de vote circule dans les quartiers.",
            "easy_read_summary": "Un bus passe dans les quartiers. On peut y voter.",
            "year_start": "2021",
            "year_end": "2023",
            "cost": "12000",
            "staff_effort": "Deux agents pendant trois semaines",
            "context": rich_text("<p>Le vote se faisait surtout en ligne.</p>"),
            "method": rich_text("<p>Un minibus équipé de tablettes.</p>"),
            "results": rich_text(""),
            "lessons": rich_text(""),
            "resources": rich_text(""),
            "documents": inline_formset([]),
            "contact_name": "",
            "contact_email": "",
            "action-publish": "action-publish",
            **fields,
        }
    )
    data["phases"] = [str(term.pk) for term in phases]
    data["themes"] = [str(term.pk) for term in themes]
    data["principles"] = [str(principle.pk) for principle in principles]
    return data


def assert_refused(response, field, message):
    """The form comes back with the message beside the field, and nothing is saved."""
    assert response.status_code == 200
    wrapper = parse(response).select_one(f"[name={field}]").find_parent(class_="w-field")
    assert message in text(wrapper)
    assert PracticeSheetPage.objects.count() == 0


def test_add_form_offers_the_terms_of_the_sheets_language_as_checkboxes(
    superuser_client, library, charter, vote, youth
):
    page = parse(superuser_client.get(add_url(library)))
    phases = page.select("input[type=checkbox][name=phases]")
    assert [box["value"] for box in phases] == [str(vote.pk)]  # not its English translation
    assert len(page.select("input[type=checkbox][name=principles]")) == 4
    assert len(page.select("input[type=checkbox][name=themes]")) == 1


def test_staff_create_a_sheet_with_its_relations(
    superuser_client, library, charter, amiens_member, vote, youth
):
    principles = list(charter.principles.all())
    data = sheet_data(amiens_member, phases=[vote], themes=[youth], principles=principles[2:3])
    response = superuser_client.post(add_url(library), data)
    assert response.status_code == 302
    sheet = PracticeSheetPage.objects.get(locale__language_code="fr")
    assert sheet.live
    assert sheet.get_parent().specific == library
    assert sheet.member.specific == amiens_member
    assert (sheet.year_start, sheet.year_end, sheet.cost) == (2021, 2023, 12000)
    assert list(sheet.phases.all()) == [vote]
    assert list(sheet.themes.all()) == [youth]
    assert list(sheet.principles.all()) == principles[2:3]


def test_created_sheet_is_published(client, superuser_client, library, amiens_member):
    superuser_client.post(add_url(library), sheet_data(amiens_member))
    response = client.get("/fiches-pratiques/un-bus-pour-aller-voter/")
    assert response.status_code == 200
    assert "Un bus aménagé en bureau de vote" in text(parse(response))


def test_current_year_is_accepted(superuser_client, library, amiens_member):
    this_year = str(timezone.localdate().year)
    data = sheet_data(amiens_member, year_start=this_year, year_end=this_year)
    assert superuser_client.post(add_url(library), data).status_code == 302


def test_start_year_in_the_future_is_refused(superuser_client, library, amiens_member):
    next_year = str(timezone.localdate().year + 1)
    data = sheet_data(amiens_member, year_start=next_year, year_end="")
    response = superuser_client.post(add_url(library), data)
    assert_refused(response, "year_start", "Une fiche pratique raconte une pratique déjà menée.")


def test_end_year_before_start_year_is_refused(superuser_client, library, amiens_member):
    data = sheet_data(amiens_member, year_start="2022", year_end="2020")
    response = superuser_client.post(add_url(library), data)
    assert_refused(response, "year_end", "L'année de fin précède l'année de début.")


def test_end_year_in_the_future_is_refused(superuser_client, library, amiens_member):
    data = sheet_data(amiens_member, year_end=str(timezone.localdate().year + 1))
    response = superuser_client.post(add_url(library), data)
    assert_refused(response, "year_end", "Cette année n'est pas encore passée.")


def test_negative_cost_is_refused(superuser_client, library, amiens_member):
    response = superuser_client.post(add_url(library), sheet_data(amiens_member, cost="-1"))
    assert_refused(response, "cost", "Assurez-vous que cette valeur est supérieure ou égale à 0.")


def test_year_before_the_first_participatory_budget_is_refused(
    superuser_client, library, amiens_member
):
    data = sheet_data(amiens_member, year_start="1988", year_end="")
    response = superuser_client.post(add_url(library), data)
    assert_refused(
        response, "year_start", "Assurez-vous que cette valeur est supérieure ou égale à 1989."
    )


def test_sheet_without_member_is_refused(superuser_client, library, amiens_member):
    data = sheet_data(amiens_member)
    data["member"] = ""
    response = superuser_client.post(add_url(library), data)
    assert response.status_code == 200
    assert PracticeSheetPage.objects.count() == 0


# The charter's principles


def principle_forms(principles, order):
    """The principles' inline forms, each given its place in `order` (1-based)."""
    return [
        {
            "id": str(principle.pk),
            "title": principle.title,
            "statement": principle.statement,
            "explanation": rich_text(principle.explanation),
            "ORDER": str(position),
        }
        for principle, position in zip(principles, order, strict=True)
    ]


def test_staff_reorder_the_principles(client, superuser_client, charter):
    principles = list(charter.principles.all())
    data = nested_form_data(
        {
            "title": charter.title,
            "slug": charter.slug,
            "intro": charter.intro,
            "preamble": rich_text(charter.preamble),
            "principles": inline_formset(
                principle_forms(principles, [2, 1, 3, 4]), initial=len(principles)
            ),
            "action-publish": "action-publish",
        }
    )
    response = superuser_client.post(edit_url(charter), data)
    assert response.status_code == 302
    numbers = {principle.title: principle.number for principle in Principle.objects.all()}
    assert numbers == {
        "Continuité et régularité": 1,
        "Donner du pouvoir d'agir aux citoyens": 2,
        "Égalité d'accès et inclusion": 3,
        "Transparence et sincérité": 4,
    }
    heading = parse(client.get("/charte/")).select_one("#principe-1 h2")
    assert text(heading) == "1. Continuité et régularité"


def test_preview_of_a_new_sheet_shows_its_unsaved_relations(
    superuser_client, library, charter, amiens_member, vote, youth
):
    principles = list(charter.principles.all())
    data = sheet_data(amiens_member, phases=[vote], themes=[youth], principles=principles[:1])
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("knowledge", "practicesheetpage", library.pk),
    )
    assert superuser_client.post(url, data).json()["is_valid"]
    response = superuser_client.get(url)
    assert response.status_code == 200
    aside = text(parse(response).select_one(".sheet-facts"))
    assert "Vote" in aside
    assert "Jeunesse et écoles" in aside
    assert "1. Donner du pouvoir d'agir aux citoyens" in aside
    assert PracticeSheetPage.objects.count() == 0


def test_preview_of_a_sheet_shows_its_unsaved_relations_not_its_saved_ones(
    superuser_client, add_sheet, amiens_member, rennes_member, vote, youth
):
    saved_source = add_sheet(rennes_member, title="Le bus de vote de Rennes")
    new_source = add_sheet(rennes_member, title="Des urnes mobiles")
    sheet = add_sheet(amiens_member, phases=[vote], adapted_from=[saved_source])
    data = sheet_data(amiens_member, themes=[youth], slug=sheet.slug)
    data["adapted_from"] = [str(new_source.pk)]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(sheet.pk,))
    assert superuser_client.post(url, data).json()["is_valid"]
    page = parse(superuser_client.get(url))
    aside = text(page.select_one(".sheet-facts"))
    assert "Jeunesse et écoles" in aside
    assert "Vote" not in aside
    adapted_from = text(page.select_one("[aria-labelledby=adapted-from-title]"))
    assert "Des urnes mobiles" in adapted_from
    assert "Le bus de vote de Rennes" not in adapted_from
