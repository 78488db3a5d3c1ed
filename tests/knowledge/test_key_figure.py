"""The home page's number of practice sheets: live, public sheets of its language only."""

from wagtail.models import PageViewRestriction

import pytest

from search.models import PracticeSearchDocument

from .helpers import parse

pytestmark = pytest.mark.django_db


def sheets_figure(response):
    for item in parse(response).select(".key-figures li"):
        if "fiches pratiques" in item.select_one(".figure-label").get_text():
            return item.select_one(".figure-value").get_text(strip=True)
    raise AssertionError("no practice sheet figure on the page")


def test_home_page_counts_the_live_public_sheets_of_its_language(
    client, home, add_sheet, amiens_member, english_library, translate
):
    kept = [add_sheet(amiens_member) for _ in range(3)]
    add_sheet(amiens_member, live=False)
    private = add_sheet(amiens_member)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate(kept[0], title="A sheet in English")
    assert sheets_figure(client.get("/")) == "3"
    kept[1].unpublish()
    assert sheets_figure(client.get("/")) == "2"


def test_the_figure_is_read_once_per_generation_of_the_page_cache(
    client, home, add_sheet, amiens_member, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    kept = [add_sheet(amiens_member) for _ in range(3)]
    assert sheets_figure(client.get("/?visit=1")) == "3"
    # A change no signal reports is not seen before the next generation...
    PracticeSearchDocument.objects.filter(page=kept[2]).delete()
    assert sheets_figure(client.get("/?visit=2")) == "3"
    # ...which publishing, unpublishing or any change the page cache watches starts.
    with django_capture_on_commit_callbacks(execute=True):
        kept[0].unpublish()
    assert sheets_figure(client.get("/?visit=3")) == "1"
