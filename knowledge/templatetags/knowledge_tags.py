"""Template tags of the knowledge base: the practice sheets of a member profile."""

from django import template
from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

register = template.Library()

# Sheets per page of a member profile: a member may share hundreds.
SHEETS_PER_PAGE = 12


@register.simple_tag
def member_practice_sheets(member, request):
    """A page of the live public sheets of the member (`?page=`), in the profile's
    language, newest practice first, with the page numbers to link to. A translated sheet
    points to the French profile, so sheets are matched on the profile's translation key.
    Each sheet is what the card shows (title, link, years, summary), not a page object."""
    from wagtail.models import Page as WagtailPage

    from home.page_urls import url_of
    from home.queries import live_public
    from knowledge.models import PracticeSheetPage

    # The profile and its translations by a subquery: joining them costs PostgreSQL two
    # more tables to plan.
    profiles = WagtailPage.objects.filter(translation_key=member.translation_key).values("pk")
    sheets = PracticeSheetPage.objects.filter(locale_id=member.locale_id, member_id__in=profiles)
    shown = live_public(sheets).order_by("-year_start", "title", "pk")
    page = page_with_its_count(
        shown.values("title", "url_path", "year_start", "year_end", "summary"),
        request.GET.get("page"),
        SHEETS_PER_PAGE,
    )
    for sheet in page:
        sheet["url"] = url_of(sheet["url_path"], request)
    return {"items": page, "page_range": page.paginator.get_elided_page_range(page.number)}


def page_with_its_count(rows, number, per_page):
    """`Paginator(rows, per_page).get_page(number)` in one query instead of two: the rows
    of the page carry their total (COUNT(*) OVER ()), so the paginator needs no count.
    A page number below 1 or past the end (no rows, so no total) falls back to Django's
    way: a count, then the last page."""
    paginator = Paginator(rows, per_page)
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 1
    if number >= 1:
        start = (number - 1) * per_page
        found = list(rows.annotate(total=Window(Count("pk")))[start : start + per_page])
        if found or number == 1:
            paginator.count = found[0]["total"] if found else 0
            for row in found:
                del row["total"]
            return Page(found, number, paginator)
    return paginator.get_page(number)
