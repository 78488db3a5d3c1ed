"""Search pages render as their search runs: the page's chrome is rendered while PostgreSQL
finds the matches, and the results when the template first needs them."""

from django.contrib.auth.models import AnonymousUser
from django.test.signals import template_rendered

import pytest

from home.templatetags import site_tags
from search import library as library_search
from search import site
from search.deferred import Deferred, deferred, resolved
from tests.home.helpers import parse

from .helpers import get_page, result_titles, text

pytestmark = pytest.mark.django_db


def test_deferred_entries_are_computed_together_once_at_the_first_read():
    computed = []

    def compute():
        computed.append(True)
        return {"total": 3, "html": "<p>3</p>"}

    context = {"query": "vote", **deferred(compute, ["total", "html"])}
    assert computed == []
    assert context["html"]() == "<p>3</p>"
    assert context["total"]() == 3
    assert computed == [True]
    assert resolved(context) == {"query": "vote", "total": 3, "html": "<p>3</p>"}


def test_deferred_entries_must_be_those_computed():
    context = deferred(lambda: {"total": 3, "html": ""}, ["total"])
    with pytest.raises(ValueError, match="html"):
        context["total"]()


@pytest.fixture
def order(monkeypatch):
    """The order of what happens in a request: "chrome" when the page's header and menus
    are read (the template's first tag), "footer" when the footer is rendered, "search" when
    the search's statements are read."""
    events = []
    read_chrome = site_tags.chrome

    def chrome(*args):
        events.append("chrome")
        return read_chrome(*args)

    def rendered(sender, template, **kwargs):
        if template.name == "navigation/footer.html":
            events.append("footer")

    monkeypatch.setattr(site_tags, "chrome", chrome)
    template_rendered.connect(rendered)
    yield events
    template_rendered.disconnect(rendered)


def test_the_library_renders_its_chrome_before_it_reads_its_search(
    client, add_sheet, order, monkeypatch
):
    add_sheet(title="Le budget des écoles")
    read_page = library_search.read_page
    monkeypatch.setattr(
        library_search, "read_page", lambda *args: order.append("search") or read_page(*args)
    )
    response = get_page(client, "/fiches-pratiques/?q=%C3%A9coles")
    assert order == ["chrome", "footer", "search"]
    assert "Le budget des écoles" in text(response)


def test_the_site_search_renders_its_chrome_before_it_reads_its_search(
    client, add_sheet, order, monkeypatch
):
    add_sheet(title="Le budget des écoles")
    count_others = site.SiteSearch.count_others

    def counted(self, *args):
        order.append("search")
        return count_others(self, *args)

    monkeypatch.setattr(site.SiteSearch, "count_others", counted)
    response = get_page(client, "/recherche/?q=%C3%A9coles")
    assert order == ["chrome", "footer", "search"]
    assert "Le budget des écoles" in text(response)


def test_a_preview_of_the_library_renders_its_search_done_before(add_sheet, library, rf):
    add_sheet(title="Le budget des écoles")
    request = rf.get("/fiches-pratiques/?q=%C3%A9coles")
    request.user = AnonymousUser()
    response = library.serve_preview(request, library.default_preview_mode)
    assert not any(isinstance(value, Deferred) for value in response.context_data.values())
    assert result_titles(parse(response.render())) == ["Le budget des écoles"]
