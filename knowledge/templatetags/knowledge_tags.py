"""Template tags of the knowledge base: the practice sheets of a member profile."""

from django import template
from django.core.paginator import Paginator

register = template.Library()

# Sheets per page of a member profile: a member may share hundreds.
SHEETS_PER_PAGE = 12


@register.simple_tag
def member_practice_sheets(member, page_number):
    """A page of the live public sheets of the member, in the profile's language, newest
    practice first, with the page numbers to link to. A translated sheet points to the
    French profile, so sheets are matched on the profile's translation key."""
    from home.queries import live_public
    from knowledge.models import PracticeSheetPage

    sheets = PracticeSheetPage.objects.filter(
        locale_id=member.locale_id, member__translation_key=member.translation_key
    )
    paginator = Paginator(
        live_public(sheets).order_by("-year_start", "title", "pk"), SHEETS_PER_PAGE
    )
    page = paginator.get_page(page_number)
    return {"items": page, "page_range": paginator.get_elided_page_range(page.number)}
