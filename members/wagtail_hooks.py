"""Admin integration of the members app: the authority chooser, the key figures, and what
member editors see of the other members' pages."""

from wagtail import hooks

from home.figures import count, total
from home.queries import live_public
from members.chooser import AuthorityChooserViewSet
from members.models import MemberPage
from members.permissions import visible_to


@hooks.register("register_admin_viewset")
def register_authority_chooser():
    return AuthorityChooserViewSet("authority_chooser")


@hooks.register("register_key_figures")
def member_figures(locale_id):
    members = live_public(MemberPage.objects.filter(locale_id=locale_id))
    return {"members": count(members), "population": total(members, "authority__population")}


@hooks.register("construct_page_chooser_queryset")
def hide_other_members_drafts(pages, request):
    # The chooser lists every page; a member editor may link to another member's
    # published pages, not see its drafts.
    return visible_to(request.user, pages)
