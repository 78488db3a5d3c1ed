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


def test_profile_lists_its_sheets_a_page_at_a_time(client, amiens_member, add_sheet):
    from knowledge.templatetags.knowledge_tags import SHEETS_PER_PAGE

    titles = [f"Fiche {number:02d}" for number in range(SHEETS_PER_PAGE + 2)]
    for year, title in enumerate(titles, start=2000):
        add_sheet(amiens_member, title=title, year_start=year)
    first = parse(client.get("/membres/amiens/"))
    section = first.find(attrs={"aria-labelledby": "sheets-title"})
    shown = [text(link) for link in section.select(".card-title a")]
    assert shown == titles[::-1][:SHEETS_PER_PAGE]
    assert section.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    second = parse(client.get("/membres/amiens/?page=2"))
    section = second.find(attrs={"aria-labelledby": "sheets-title"})
    assert [text(link) for link in section.select(".card-title a")] == titles[1::-1]
    # A page number out of range or not a number shows a page of sheets, never an error.
    for value in ("99", "-1", "abc"):
        response = client.get(f"/membres/amiens/?page={value}")
        assert response.status_code == 200
        assert parse(response).select(".member-sheets .card-title a")
