"""The links between the pages of a listing (home/templatetags/page_links.py): the current
page marked for screen readers, the previous and next pages, ellipses, the query string of
the listing kept and escaped, the labels in the active language."""

from django.core.paginator import Paginator
from django.utils import translation

from bs4 import BeautifulSoup

from home.templatetags.page_links import pagination


def links(count, number, query="q=vote&"):
    paginator = Paginator(range(count), 10)
    page = paginator.get_page(number)
    html = pagination(page, paginator.get_elided_page_range(page.number), query)
    return BeautifulSoup(html, "html.parser") if html else None


def items(nav):
    return [
        (item.a["href"], item.a.get("rel"), item.get_text()) if item.a else (None, None, item.text)
        for item in nav.select("li")
    ]


def test_a_single_page_has_no_links():
    assert links(10, 1) is None


def test_the_first_page_links_the_others_and_the_next():
    nav = links(30, 1).select_one("nav.pagination")
    assert nav["aria-label"] == "Pagination"
    assert nav.select_one("[aria-current=page]").text == "1"
    assert items(nav) == [
        (None, None, "1"),
        ("?q=vote&page=2", None, "Page 2"),
        ("?q=vote&page=3", None, "Page 3"),
        ("?q=vote&page=2", ["next"], "Page suivante"),
    ]


def test_a_page_in_the_middle_links_the_previous_with_ellipses():
    nav = links(300, 15, query="").select_one("nav.pagination")
    assert items(nav)[0] == ("?page=14", ["prev"], "Page précédente")
    assert items(nav)[-1] == ("?page=16", ["next"], "Page suivante")
    assert [text for _href, _rel, text in items(nav)].count("…") == 2
    assert nav.select_one("[aria-current=page]").text == "15"
    # The word "Page" of a number is for screen readers only.
    assert nav.select_one("a:not([rel]) .visually-hidden").text == "Page "


def test_the_query_string_is_escaped():
    paginator = Paginator(range(30), 10)
    page = paginator.get_page(2)
    html = pagination(page, paginator.get_elided_page_range(2), 'q="><script>&')
    assert "<script>" not in html
    assert 'href="?q=&quot;&gt;&lt;script&gt;&amp;page=1"' in html


def test_the_labels_are_in_the_active_language():
    with translation.override("en"):
        nav = links(30, 2)
    assert [text for _href, _rel, text in items(nav)][0] == "Previous page"
    assert nav.select_one("a:not([rel])").get_text() == "Page 1"
