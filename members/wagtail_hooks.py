"""Admin integration of the members app: the authority chooser and the key figures."""

from wagtail import hooks

from members.chooser import AuthorityChooserViewSet
from members.figures import totals
from members.models import MemberPage


@hooks.register("register_admin_viewset")
def register_authority_chooser():
    return AuthorityChooserViewSet("authority_chooser")


@hooks.register("register_key_figures")
def member_figures(locale):
    members = MemberPage.objects.live().public().filter(locale=locale)
    figures = totals(members, with_budgets=False)
    return {"members": figures["members"], "population": figures["population"]}
