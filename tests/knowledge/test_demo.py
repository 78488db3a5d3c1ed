"""The demo command's knowledge base: the taxonomies, the charter with the principle titles
public sources quote, the library and the founders' practice sheets, all said to be
examples where they are, in French and translated into English."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.models import Locale

import pytest

from knowledge import demo
from knowledge.demo_sheets import SHEETS
from knowledge.factories import PRINCIPLE_TITLES
from knowledge.models import (
    Audience,
    CharterPage,
    Phase,
    PracticeLibraryPage,
    PracticeSheetPage,
    Theme,
)
from members import demo as members_demo

from .helpers import links, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for this module in a transaction that each test nests
    into and that is rolled back after the last one."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        call_command("load_demo_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def media_root():
    """The demo's media folder, set by `demo_site`, for every test of this module."""


def french_sheets():
    return PracticeSheetPage.objects.filter(locale__language_code="fr")


@pytest.mark.parametrize(
    ("model", "rows"), [(Phase, demo.PHASES), (Theme, demo.THEMES), (Audience, demo.AUDIENCES)]
)
def test_demo_taxonomies_are_translated_with_the_same_slug(demo_site, model, rows):
    english = Locale.objects.get(language_code="en")
    french_terms = list(model.objects.filter(locale__language_code="fr"))
    assert [(t.slug, t.name) for t in french_terms] == [(slug, fr) for slug, fr, _en in rows]
    for term, (_slug, _fr, english_name) in zip(french_terms, rows, strict=True):
        translation = term.get_translation(english)
        assert (translation.slug, translation.name) == (term.slug, english_name)


def test_demo_phases_follow_an_edition(demo_site):
    names = list(Phase.objects.filter(locale__language_code="fr").values_list("name", flat=True))
    assert names[0] == "Conception du règlement"
    assert names[-1] == "Évaluation"
    assert len(names) == 9


def test_demo_charter_has_the_quoted_principles_in_order(demo_site, client):
    charter = CharterPage.objects.get(locale__language_code="fr")
    assert charter.slug == "charte"
    assert charter.show_in_menus
    principles = list(charter.principles.all())
    assert [p.title for p in principles] == PRINCIPLE_TITLES
    assert [p.number for p in principles] == [1, 2, 3, 4]
    for principle in principles:
        assert "Texte d'exemple" in principle.explanation
    assert "2019" in charter.preamble and "Paris" in charter.preamble
    assert "confiance" in charter.preamble and "émancipation" in charter.preamble
    response = client.get(charter.url)
    assert response.status_code == 200
    assert [item["id"] for item in parse(response).select("ol.principles > li")] == [
        f"principe-{n}" for n in range(1, 5)
    ]


def test_demo_charter_lists_the_founders_as_adopters(demo_site, client):
    response = client.get("/charte/")
    section = parse(response).find(attrs={"aria-labelledby": "adopters-title"})
    assert len(section.select("tbody tr")) == len(members_demo.FOUNDERS)


def test_demo_charter_is_translated_into_english(demo_site, client):
    charter = CharterPage.objects.get(locale__language_code="en")
    assert charter.alias_of_id is None and charter.live
    assert [p.title for p in charter.principles.all()][0] == "Empowering citizens"
    assert "Example text" in charter.preamble
    assert client.get(charter.url).status_code == 200


def test_demo_library_is_in_the_menu_with_an_introduction(demo_site, client):
    library = PracticeLibraryPage.objects.get(locale__language_code="fr")
    assert (library.slug, library.show_in_menus) == ("fiches-pratiques", True)
    assert library.intro
    menu = parse(client.get("/")).select_one(".main-nav")
    assert ("Fiches pratiques", "/fiches-pratiques/") in links(menu)
    assert ("La charte des budgets participatifs", "/charte/") in links(menu)


def test_demo_has_at_least_fifteen_sheets_by_the_founders(demo_site):
    sheets = french_sheets().select_related("member__authority")
    assert sheets.count() == len(SHEETS) >= 15
    founders = {code for code, _year in members_demo.FOUNDERS}
    assert {sheet.member.authority.code for sheet in sheets} == founders
    for sheet in sheets:
        assert sheet.live
        assert sheet.summary.endswith(demo.EXAMPLE_SHEET["fr"])
        assert sheet.easy_read_summary
        assert sheet.phases.exists() and sheet.themes.exists() and sheet.principles.exists()
        assert sheet.context and sheet.method and sheet.results and sheet.lessons
        sheet.full_clean()


def test_demo_sheets_are_varied(demo_site):
    sheets = french_sheets()
    assert len({sheet.year_start for sheet in sheets}) >= 5
    assert sheets.filter(cost__isnull=False).count() >= 3
    assert sheets.exclude(staff_effort="").count() >= 3
    assert sheets.filter(adapted_from__isnull=False).distinct().count() >= 2
    assert sheets.filter(documents__isnull=False).count() == 1
    assert sheets.exclude(contact_email="").count() >= 1
    for model in (Phase, Theme, Audience):
        used = model.objects.filter(locale__language_code="fr", practicesheetpage__in=sheets)
        assert used.distinct().count() == model.objects.filter(locale__language_code="fr").count()


def test_demo_sheets_are_translated_into_english(demo_site):
    for sheet in french_sheets():
        english = sheet.get_translations().get(locale__language_code="en").specific
        assert english.live and english.alias_of_id is None
        assert english.title != sheet.title
        assert english.summary.endswith(demo.EXAMPLE_SHEET["en"])
        assert english.member_id == sheet.member_id
        assert list(english.phases.all()) == list(sheet.phases.all())


def test_demo_sheet_renders_in_both_languages(demo_site, client):
    sheet = french_sheets().get(slug="des-urnes-mobiles-dans-les-quartiers")
    english = sheet.get_translations().get(locale__language_code="en")
    french_page = parse(client.get(sheet.url))
    english_page = parse(client.get(english.url))
    assert links(french_page.select_one(".sheet-member")) == [("Marseille", "/membres/marseille/")]
    assert links(english_page.select_one(".sheet-member")) == [
        ("Marseille", "/en/membres/marseille/")
    ]
    assert "Vote numérique et en présentiel" in text(french_page.select_one(".sheet-facts"))
    assert "Digital and in-person voting" in text(english_page.select_one(".sheet-facts"))
    adapted = english_page.find(attrs={"aria-labelledby": "adaptations-title"})
    assert links(adapted) == [
        (
            "A bus to vote at the foot of the tower blocks",
            "/en/fiches-pratiques/un-bus-pour-aller-voter-dans-les-quartiers/",
        )
    ]


def test_demo_sheet_attaches_a_pdf(demo_site, client):
    sheet = french_sheets().get(documents__isnull=False)
    item = parse(client.get(sheet.url)).select_one(".document-list li")
    assert "(PDF, " in text(item)
    response = client.get(item.a["href"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_demo_every_knowledge_page_renders(demo_site, client):
    pages = [*PracticeSheetPage.objects.all(), *CharterPage.objects.all()]
    pages += list(PracticeLibraryPage.objects.all())
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url
