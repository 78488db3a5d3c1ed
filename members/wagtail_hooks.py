"""Admin integration of the members app: the authority chooser, the key figures, and what
member editors see of the other members' pages."""

from wagtail import hooks

from members.chooser import AuthorityChooserViewSet
from members.figures import totals
from members.models import MemberPage
from members.permissions import visible_to


@hooks.register("register_admin_viewset")
def register_authority_chooser():
    return AuthorityChooserViewSet("authority_chooser")


@hooks.register("register_key_figures")
def member_figures(locale):
    members = MemberPage.objects.live().public().filter(locale=locale)
    figures = totals(members, with_budgets=False)
    return {"members": figures["members"], "population": figures["population"]}


@hooks.register("construct_page_chooser_queryset")
def hide_other_members_drafts(pages, request):
    # The chooser lists every page; a member editor may link to another member's
    # published pages, not see its drafts.
    return visible_to(request.user, pages)
