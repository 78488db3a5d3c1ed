"""A member profile lists the member's live practice sheets in the profile's language,
newest practice first: never a draft, a private sheet or another member's sheet."""

from wagtail.models import PageViewRestriction

import pytest

from .helpers import links, parse, text

pytestmark = pytest.mark.django_db


def listed(response):
    section = parse(response).find(attrs={"aria-labelledby": "sheets-title"})
    return links(section) if section is not None else []


def test_profile_lists_the_members_sheets_newest_first(client, amiens_member, add_sheet):
    older = add_sheet(amiens_member, title="Comité de suivi", year_start=2019, year_end=2021)
    newer = add_sheet(amiens_member, title="Bus de vote", year_start=2023)
    response = client.get("/membres/amiens/")
    assert listed(response) == [("Bus de vote", newer.url), ("Comité de suivi", older.url)]
    section = parse(response).find(attrs={"aria-labelledby": "sheets-title"})
    assert text(section.find("h2")) == "Fiches pratiques"
    assert "2019–2021" in text(section)


def test_profile_never_lists_drafts_private_sheets_or_other_members_sheets(
    client, amiens_member, rennes_member, add_sheet
):
    mine = add_sheet(amiens_member, title="Bus de vote")
    add_sheet(amiens_member, title="Brouillon", live=False)
    private = add_sheet(amiens_member, title="Privée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_sheet(rennes_member, title="Fiche de Rennes")
    assert listed(client.get("/membres/amiens/")) == [("Bus de vote", mine.url)]


def test_unpublished_sheet_leaves_the_profile(client, amiens_member, add_sheet):
    sheet = add_sheet(amiens_member)
    sheet.unpublish()
    assert listed(client.get("/membres/amiens/")) == []
    assert parse(client.get("/membres/amiens/")).find(id="sheets-title") is None


def test_english_profile_lists_the_english_sheets(
    client, amiens_member, english_amiens_member, add_sheet, english_library, translate
):
    sheet = add_sheet(amiens_member, title="Bus de vote")
    english = translate(sheet, title="Voting bus")
    response = client.get("/en/membres/amiens/")
    assert listed(response) == [("Voting bus", english.url)]
    section = parse(response).find(attrs={"aria-labelledby": "sheets-title"})
    assert text(section.find("h2")) == "Practice sheets"
    assert listed(client.get("/membres/amiens/")) == [("Bus de vote", sheet.url)]
