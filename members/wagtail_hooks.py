"""Admin integration of the members app: the authority chooser and the key figures."""

from wagtail import hooks

from home.figures import count, total
from home.queries import live_public
from members.chooser import AuthorityChooserViewSet
from members.models import MemberPage


@hooks.register("register_admin_viewset")
def register_authority_chooser():
    return AuthorityChooserViewSet("authority_chooser")


@hooks.register("register_key_figures")
def member_figures(locale_id):
    members = live_public(MemberPage.objects.filter(locale_id=locale_id))
    return {"members": count(members), "population": total(members, "authority__population")}
