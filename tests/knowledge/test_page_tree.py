"""Where the knowledge-base pages sit in the page tree: the charter and the practice library
under the home page, once each; practice sheets in the library only, without children."""

from wagtail.models import Page

import pytest

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from knowledge.models import CharterPage, PracticeLibraryPage, PracticeSheetPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [CharterPage, PracticeLibraryPage])
def test_charter_and_library_can_be_created_under_the_home_page(home, model):
    assert model.can_create_at(home)


@pytest.mark.parametrize("model", [CharterPage, PracticeLibraryPage])
def test_charter_and_library_cannot_be_created_elsewhere(home, model):
    assert not model.can_create_at(StandardPageFactory(parent=home))
    assert not model.can_create_at(Page.get_first_root_node())


def test_home_page_holds_at_most_one_charter(charter, home):
    assert not CharterPage.can_create_at(HomePage.objects.get(pk=home.pk))


def test_home_page_holds_at_most_one_library(library, home):
    assert not PracticeLibraryPage.can_create_at(HomePage.objects.get(pk=home.pk))


def test_charter_has_no_children(charter):
    assert charter.allowed_subpage_models() == []


def test_practice_sheet_can_be_created_in_the_library_only(home, library, charter):
    assert PracticeSheetPage.can_create_at(library)
    assert library.allowed_subpage_models() == [PracticeSheetPage]
    assert not PracticeSheetPage.can_create_at(home)
    assert not PracticeSheetPage.can_create_at(charter)
    assert not PracticeSheetPage.can_create_at(StandardPageFactory(parent=home))


def test_practice_sheet_has_no_children(add_sheet, amiens_member):
    sheet = add_sheet(amiens_member)
    assert sheet.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(sheet)
    assert not PracticeSheetPage.can_create_at(sheet)
