"""The demo-content command builds the French site with its English translations, and
changes nothing when run again."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

import pytest

from home.demo import content
from home.models import Footer, StandardPage
from home.workflow import WORKFLOW_NAME
from knowledge import demo_sheets
from knowledge.models import PracticeLibraryPage, PracticeSheetPage
from members import demo as members_demo
from members.models import MemberIndexPage, MemberPage

pytestmark = pytest.mark.django_db


def load_demo_content():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for this module (it takes seconds) in a transaction
    that each test nests into and that is rolled back after the last one."""
    media_root = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=media_root),
    ):
        load_demo_content()
        yield
        transaction.set_rollback(True)


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "footers": Footer.objects.count(),
    }


def test_demo_content_builds_french_pages_translated_into_english(demo_site):
    english = Locale.objects.get(language_code="en")
    french_pages = Page.objects.filter(locale__language_code="fr", depth__gt=1).specific()
    # Home, about, news index, member directory, governance, charter, practice library, then
    # news, legal pages, members, practice sheets.
    expected = (
        7
        + len(content.NEWS)
        + len(content.LEGAL_PAGES)
        + len(members_demo.FOUNDERS)
        + len(demo_sheets.SHEETS)
    )
    assert len(french_pages) == expected
    titles = {}
    for french in french_pages:
        translation = french.get_translation(english)  # same translation_key
        assert translation.live, french
        assert translation.alias_of_id is None, french
        titles[french.title] = translation.title
    assert titles[content.HOME["fr"]["title"]] == content.HOME["en"]["title"]
    assert titles[content.ABOUT["fr"]["title"]] == content.ABOUT["en"]["title"]
    assert titles[content.NEWS_INDEX["fr"]["title"]] == content.NEWS_INDEX["en"]["title"]
    for item in content.NEWS:
        assert titles[item["fr"][0]] == item["en"][0]
    for page in content.LEGAL_PAGES.values():
        assert titles[page["fr"]["title"]] == page["en"]["title"]


def test_demo_content_second_run_changes_nothing(demo_site):
    before = counts()
    output = load_demo_content()
    assert "nothing changed" in output
    assert counts() == before


def test_demo_sheets_and_profiles_are_under_the_review_workflow(demo_site):
    """Pages created after the migrations get the workflow from the loader, in both languages."""
    for model in (PracticeLibraryPage, MemberIndexPage, PracticeSheetPage, MemberPage):
        pages = model.objects.all()
        assert {page.locale.language_code for page in pages} == {"fr", "en"}, model
        assert {page.get_workflow().name for page in pages} == {WORKFLOW_NAME}, model
    assert StandardPage.objects.first().get_workflow().name != WORKFLOW_NAME
