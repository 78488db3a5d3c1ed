"""Template tags of the knowledge base: the practice sheets of a member profile."""

from django import template
from django.core.paginator import Paginator

register = template.Library()

# Sheets per page of a member profile: a member may share hundreds.
SHEETS_PER_PAGE = 12


@register.simple_tag
def member_practice_sheets(member, request):
    """A page of the live public sheets of the member (`?page=`), in the profile's
    language, newest practice first, with the page numbers to link to. A translated sheet
    points to the French profile, so sheets are matched on the profile's translation key.
    Each sheet is what the card shows (title, link, years, summary), not a page object."""
    from home.page_urls import url_of
    from home.queries import live_public
    from knowledge.models import PracticeSheetPage

    sheets = PracticeSheetPage.objects.filter(
        locale_id=member.locale_id, member__translation_key=member.translation_key
    )
    shown = live_public(sheets).order_by("-year_start", "title", "pk")
    paginator = Paginator(
        shown.values("title", "url_path", "year_start", "year_end", "summary"), SHEETS_PER_PAGE
    )
    page = paginator.get_page(request.GET.get("page"))
    for sheet in page:
        sheet["url"] = url_of(sheet["url_path"], request)
    return {"items": page, "page_range": paginator.get_elided_page_range(page.number)}
