"""The home page's number of practice sheets: live, public sheets of its language only."""

from wagtail.models import PageViewRestriction

import pytest

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
