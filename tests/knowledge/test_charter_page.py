"""The charter page: its numbered principles in order, each with its anchor and permalink
and the live sheets of the same language that illustrate it; the members that adopted the
charter with their date; a print version."""

import datetime
from pathlib import Path

from django.conf import settings

import pytest

from knowledge.factories import principles as make_principles

from .helpers import links, parse, text

pytestmark = pytest.mark.django_db


def principle_items(response):
    return parse(response).select("ol.principles > li")


def test_charter_shows_its_principles_in_order_with_numbers_and_anchors(client, charter):
    items = principle_items(client.get("/charte/"))
    assert [item["id"] for item in items] == [f"principe-{n}" for n in range(1, 5)]
    assert [text(item.find("h2")) for item in items] == [
        "1. Donner du pouvoir d'agir aux citoyens",
        "2. Continuité et régularité",
        "3. Égalité d'accès et inclusion",
        "4. Transparence et sincérité",
    ]


def test_each_principle_has_a_permalink_to_its_anchor(client, charter):
    for number, item in enumerate(principle_items(client.get("/charte/")), start=1):
        assert links(item.select_one(".permalink")) == [
            (f"Lien permanent vers le principe {number}", f"#principe-{number}")
        ]


def test_charter_shows_statement_and_explanation(client, charter):
    principle = charter.principles.first()
    first = principle_items(client.get("/charte/"))[0]
    assert text(first.select_one(".statement")) == principle.statement
    assert "Une explication du principe." in text(first)


def test_reordering_the_principles_renumbers_them(client, charter):
    principles = list(charter.principles.all())
    principles[0].sort_order, principles[3].sort_order = 3, 0
    charter.principles = principles
    charter.save_revision().publish()
    items = principle_items(client.get("/charte/"))
    assert text(items[0].find("h2")) == "1. Transparence et sincérité"
    assert text(items[3].find("h2")) == "4. Donner du pouvoir d'agir aux citoyens"
    assert items[3]["id"] == "principe-4"


def test_a_new_principle_gets_the_next_number(client, home):
    from knowledge.factories import CharterPageFactory

    CharterPageFactory(parent=home, principles=make_principles("Premier", "Second", "Troisième"))
    items = principle_items(client.get("/charte/"))
    assert [text(item.find("h2")) for item in items] == [
        "1. Premier",
        "2. Second",
        "3. Troisième",
    ]


# Sheets per principle


def test_each_principle_lists_the_sheets_that_illustrate_it(
    client, charter, add_sheet, amiens_member
):
    principles = list(charter.principles.all())
    add_sheet(amiens_member, title="Bus de vote", principles=[principles[2]])
    add_sheet(amiens_member, title="Comité de suivi", principles=[principles[1], principles[3]])
    add_sheet(amiens_member, title="Atelier", principles=[principles[2]])
    items = principle_items(client.get("/charte/"))
    listed = [
        [title for title, _url in links(item.select_one(".principle-sheets"))] for item in items
    ]
    assert listed == [[], ["Comité de suivi"], ["Atelier", "Bus de vote"], ["Comité de suivi"]]


def test_a_principle_lists_its_newest_sheets_and_links_to_the_library_for_the_rest(
    client, charter, add_sheet, amiens_member
):
    from knowledge.models.charter import SHEETS_PER_PRINCIPLE

    second = list(charter.principles.all())[1]
    titles = [f"Fiche {number:02d}" for number in range(SHEETS_PER_PRINCIPLE + 3)]
    for title in titles:
        add_sheet(amiens_member, title=title, principles=[second])
    item = principle_items(client.get("/charte/"))[1]
    listed = [title for title, _url in links(item.select_one(".principle-sheets ul"))]
    assert listed == titles[::-1][:SHEETS_PER_PRINCIPLE]
    more = item.select_one(".principle-all-sheets a")
    assert more["href"] == "/fiches-pratiques/?principle=2"
    assert text(more) == f"Voir les {len(titles)} fiches pratiques du principe 2"
    # The link leads to every sheet of the principle.
    library = parse(client.get(more["href"]))
    assert f"{len(titles)} fiches pratiques" in text(library.select_one('[role="status"]'))


def test_no_library_link_when_every_sheet_of_a_principle_is_listed(
    client, charter, add_sheet, amiens_member
):
    add_sheet(amiens_member, principles=[charter.principles.first()])
    item = principle_items(client.get("/charte/"))[0]
    assert len(links(item.select_one(".principle-sheets ul"))) == 1
    assert item.select_one(".principle-all-sheets") is None


def test_principle_never_lists_a_draft_or_private_sheet(client, charter, add_sheet, amiens_member):
    from wagtail.models import PageViewRestriction

    principle = charter.principles.first()
    add_sheet(amiens_member, title="Brouillon", principles=[principle], live=False)
    private = add_sheet(amiens_member, title="Privée", principles=[principle])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert principle_items(client.get("/charte/"))[0].select_one(".principle-sheets") is None


def test_english_charter_lists_the_english_sheets(
    client, english_charter, add_sheet, amiens_member, english_library, translate
):
    principle = english_charter.principles.first()
    french_principle = principle.get_translation(amiens_member.locale)
    sheet = add_sheet(amiens_member, title="Bus de vote", principles=[french_principle])
    english_sheet = translate(sheet, title="Voting bus")
    first = principle_items(client.get("/en/charte/"))[0]
    assert text(first.find("h2")) == "1. Empowering citizens"
    assert links(first.select_one(".principle-sheets")) == [("Voting bus", english_sheet.url)]


# Members that adopted the charter


def adopters(response):
    section = parse(response).find(attrs={"aria-labelledby": "adopters-title"})
    if section is None:
        return []
    return [
        (text(row.th), row.th.a["href"], row.time["datetime"]) for row in section.select("tbody tr")
    ]


def test_charter_lists_the_members_that_adopted_it_with_their_date(
    client, charter, add_member, amiens, rennes
):
    add_member(amiens, charter_adopted_on=datetime.date(2022, 11, 8))
    add_member(rennes, charter_adopted_on=datetime.date(2021, 3, 1))
    response = client.get("/charte/")
    assert adopters(response) == [
        ("Rennes", "/membres/rennes/", "2021-03-01"),
        ("Amiens", "/membres/amiens/", "2022-11-08"),
    ]
    assert "8 novembre 2022" in text(parse(response).select_one(".adopters-table"))
    assert text(parse(response).select_one("#adopters-caption")) == "2 collectivités signataires"


def test_members_that_did_not_adopt_it_or_are_drafts_are_not_listed(
    client, charter, add_member, amiens, rennes
):
    add_member(amiens)
    add_member(rennes, charter_adopted_on=datetime.date(2021, 3, 1), live=False)
    assert adopters(client.get("/charte/")) == []


def test_english_charter_links_the_english_profiles(
    client, english_charter, amiens_member, english_amiens_member
):
    response = client.get("/en/charte/")
    assert adopters(response) == [("Amiens", "/en/membres/amiens/", "2022-11-08")]
    assert text(parse(response).select_one("#adopters-caption")) == "1 signatory authority"


def test_adopters_are_kept_for_a_generation_of_the_page_cache_in_each_language(
    client,
    english_charter,
    amiens_member,
    english_amiens_member,
    add_member,
    rennes,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 600
    assert "8 novembre 2022" in text(parse(client.get("/charte/")).select_one(".adopters-table"))
    english = parse(client.get("/en/charte/")).select_one(".adopters-table")
    assert "Nov. 8, 2022" in text(english)
    member = add_member(rennes, charter_adopted_on=datetime.date(2021, 3, 1), live=False)
    assert len(adopters(client.get("/charte/?visit=1"))) == 1
    with django_capture_on_commit_callbacks(execute=True):
        member.save_revision().publish()
    assert adopters(client.get("/charte/?visit=2")) == [
        ("Rennes", "/membres/rennes/", "2021-03-01"),
        ("Amiens", "/membres/amiens/", "2022-11-08"),
    ]


# Print version


def test_charter_page_has_a_print_version(client, charter):
    response = client.get("/charte/")
    assert "http://testserver/charte/" in text(parse(response).select_one(".print-only"))
    css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
    knowledge_css = css[css.index("Knowledge base") :]
    print_css = knowledge_css[knowledge_css.index("@media print") :]
    for hidden in (".site-header", ".main-nav", ".breadcrumbs", ".site-footer", ".permalink"):
        assert hidden in print_css.split("{")[1]
    assert ".print-only { display: none; }" in knowledge_css


def test_private_members_and_sheets_under_a_private_section_are_not_listed(
    client, charter, library, add_sheet, amiens_member, add_member, rennes, member_index
):
    from wagtail.models import PageViewRestriction

    rennes_member = add_member(rennes, charter_adopted_on=datetime.date(2021, 3, 1))
    PageViewRestriction.objects.create(page=rennes_member, restriction_type="login")
    add_sheet(amiens_member, principles=[charter.principles.first()])
    PageViewRestriction.objects.create(page=library, restriction_type="login")
    response = client.get("/charte/")
    assert [name for name, _url, _date in adopters(response)] == ["Amiens"]
    assert principle_items(response)[0].select_one(".principle-sheets") is None
