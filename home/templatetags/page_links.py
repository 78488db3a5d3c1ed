"""The links between the pages of a listing, written in Python: as a template, with a
translated label per link, they cost ~0.7 ms per page of results (the library, the
searches, the news, the directory, a member's sheets)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

LINK = '<li><a href="?{}page={}"{}>{}</a></li>'


def link(query, number, label, rel=""):
    return format_html(LINK, query, number, format_html(' rel="{}"', rel) if rel else "", label)


@register.simple_tag
def pagination(items, page_range, query):
    """The navigation of `items` (a page of Django's Paginator) through the numbers of
    `page_range` (its elided range): each link is `?` then `query` (a query string ending
    with "&", or "") then `page=`. Nothing when there is a single page."""
    paginator = items.paginator
    if paginator.num_pages <= 1:
        return ""
    links = []
    if items.has_previous():
        links.append(link(query, items.previous_page_number(), gettext("Page précédente"), "prev"))
    for number in page_range:
        if number == items.number:
            links.append(format_html('<li><span aria-current="page">{}</span></li>', number))
        elif number == paginator.ELLIPSIS:
            links.append(mark_safe("<li><span>…</span></li>"))
        else:
            # The translation is the site's own HTML; the number is an integer.
            label = gettext('<span class="visually-hidden">Page </span>%(number)s')
            links.append(link(query, number, mark_safe(label % {"number": number})))  # noqa: S308
    if items.has_next():
        links.append(link(query, items.next_page_number(), gettext("Page suivante"), "next"))
    return format_html(
        '<nav class="pagination" aria-label="{}"><ul>{}</ul></nav>',
        gettext("Pagination"),
        mark_safe("".join(links)),  # noqa: S308 (each link made by format_html)
    )
