"""Template tags of the knowledge base: the practice sheets of a member profile."""

from django import template

register = template.Library()


@register.simple_tag
def member_practice_sheets(member):
    """Live public sheets of the member, in the profile's language. A translated sheet
    points to the French profile, so sheets are matched on the profile's translation key."""
    from home.queries import live_public
    from knowledge.models import PracticeSheetPage

    sheets = PracticeSheetPage.objects.filter(
        locale_id=member.locale_id, member__translation_key=member.translation_key
    )
    return list(live_public(sheets).order_by("-year_start", "title", "pk"))
