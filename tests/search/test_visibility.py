"""Only live, public pages of the active language are ever found: never a draft, a private
page, an unpublished page, the draft revision of a live page or a page of the other
language, in results, counts, suggestions or highlighted passages."""

from wagtail.models import PageViewRestriction

import pytest

from home.factories import NewsPageFactory, StandardPageFactory
from knowledge.factories import PracticeSheetPageFactory
from search.models import PracticeSearchDocument

from .helpers import facet_counts, get_page, library_url, search, site_result_titles, status

pytestmark = pytest.mark.django_db

SECRET = "zythologie"


SEARCH_PATHS = {"": "/recherche/", "/en": "/en/search/"}


def suggestions(client, query, prefix=""):
    response = client.get(f"{SEARCH_PATHS[prefix]}suggestions/", {"q": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["suggestions"]]


def site_search(client, query, prefix=""):
    return site_result_titles(get_page(client, f"{SEARCH_PATHS[prefix]}?q={query}"))


def assert_not_found(client, query="zythologie"):
    titles, counts = search(client, q=query)
    assert titles == []
    assert counts == {}
    assert site_search(client, query) == []
    assert suggestions(client, query) == []


def test_draft_sheet_is_never_found(client, library, amiens_member, vote):
    PracticeSheetPageFactory(
        parent=library, member=amiens_member, live=False, title="Zythologie", phases=[vote]
    ).save_revision()
    assert_not_found(client)
    assert not PracticeSearchDocument.objects.exists()


def test_draft_revision_of_a_live_sheet_is_never_found(client, add_sheet, vote):
    sheet = add_sheet(title="Des urnes mobiles", summary="Des urnes dans les quartiers.")
    sheet.title = "Zythologie secrète"
    sheet.summary = f"Brouillon sur la {SECRET}, jamais publié."
    sheet.phases = [vote]
    sheet.save_revision()
    assert_not_found(client)
    html = get_page(client, library_url(q="urnes"))
    assert SECRET not in html.get_text()
    assert "Des urnes mobiles" in html.get_text()
    assert "phase" not in facet_counts(html)
    assert suggestions(client, "urnes") == ["Des urnes mobiles"]


def test_unpublished_sheet_is_no_longer_found(client, add_sheet):
    sheet = add_sheet(title="Zythologie")
    assert search(client, q=SECRET)[0] == ["Zythologie"]
    sheet.unpublish()
    assert_not_found(client)


def test_private_sheet_is_never_found(client, add_sheet):
    sheet = add_sheet(title="Zythologie")
    PageViewRestriction.objects.create(page=sheet, restriction_type="login")
    assert_not_found(client)


def test_sheets_under_a_private_library_are_never_found(client, add_sheet, library):
    add_sheet(title="Zythologie")
    restriction = PageViewRestriction.objects.create(page=library, restriction_type="login")
    assert not PracticeSearchDocument.objects.exists()
    assert site_search(client, SECRET) == []
    assert suggestions(client, "zytho") == []
    restriction.delete()
    assert search(client, q=SECRET)[0] == ["Zythologie"]


def test_deleted_sheet_is_no_longer_found(client, add_sheet):
    add_sheet(title="Zythologie").delete()
    assert_not_found(client)


def test_each_language_finds_its_own_pages(client, add_sheet, translate_sheet):
    french = add_sheet(title="Zythologie en français", summary="Une pratique.")
    translate_sheet(french, title="Zythologie in English", summary="A practice.")
    assert search(client, q=SECRET)[0] == ["Zythologie en français"]
    assert search(client, "/en", q=SECRET)[0] == ["Zythologie in English"]
    assert site_search(client, SECRET) == ["Zythologie en français"]
    assert site_search(client, SECRET, "/en") == ["Zythologie in English"]
    assert suggestions(client, "zytho") == ["Zythologie en français"]
    assert suggestions(client, "zytho", "/en") == ["Zythologie in English"]


def test_untranslated_sheet_is_not_found_in_english(client, add_sheet, english_library):
    sheet = add_sheet(title="Zythologie")
    sheet.create_alias(parent=english_library, update_locale=english_library.locale)
    html = get_page(client, library_url("/en", q=SECRET))
    assert status(html).startswith("0 ")
    assert site_search(client, SECRET, "/en") == []


def test_other_page_types_are_found_only_when_live_and_public(client, home, news_index):
    NewsPageFactory(parent=news_index, title="Zythologie publiée")
    NewsPageFactory(parent=news_index, title="Zythologie en brouillon", live=False)
    private = StandardPageFactory(parent=home, title="Zythologie privée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    live = StandardPageFactory(parent=home, title="Zythologie en ligne")
    live.title = "Zythologie dans un brouillon"
    live.save_revision()
    assert sorted(site_search(client, SECRET)) == ["Zythologie en ligne", "Zythologie publiée"]
    assert sorted(suggestions(client, "zytho")) == ["Zythologie en ligne", "Zythologie publiée"]


def test_each_language_counts_its_own_sheets(client, add_sheet, translate_sheet, vote):
    french = add_sheet(title="Zythologie en français", phases=[vote])
    add_sheet(title="Zythologie encore", phases=[vote])
    translate_sheet(french, title="Zythologie in English")
    for params in ({}, {"q": SECRET}):
        french_html = get_page(client, library_url(**params))
        assert status(french_html).startswith("2 ")
        assert facet_counts(french_html)["phase"] == {"vote": 2}
        english_html = get_page(client, library_url("/en", **params))
        assert status(english_html).startswith("1 ")
        assert list(facet_counts(english_html)["phase"].values()) == [1]


def test_pages_made_private_or_aliased_after_a_search_are_not_found_either(
    client, home, english_home, settings, django_capture_on_commit_callbacks
):
    # With the page cache on, the pages the site search leaves out are listed once per
    # generation of the page cache (search/site.py): each change must start a new one.
    settings.PAGE_CACHE_SECONDS = 600
    page = StandardPageFactory(parent=home, title="Zythologie bientôt privée")
    assert site_search(client, SECRET) == ["Zythologie bientôt privée"]
    assert site_search(client, SECRET, "/en") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.create_alias(parent=english_home, update_locale=english_home.locale)
    assert site_search(client, SECRET, "/en") == []
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert site_search(client, SECRET) == []
