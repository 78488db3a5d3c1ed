"""The dashboard panel "Contributions en attente de relecture": every page waiting in a
workflow, the longest wait first, with its member authority and who submitted it. Shown to
the network's editors and administrators, in a fixed number of queries."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from knowledge.models import PracticeSheetPage
from members.models import MemberPage
from members.roles import ADMINISTRATORS, NETWORK_EDITORS


def contributions_waiting():
    """[{page, kind, authority, submitter, waiting_since}] of the pages in review, oldest first."""
    states = list(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
        )
        .select_related("requested_by", "current_task_state")
        .order_by("current_task_state__started_at", "pk")
    )
    # object_id is text (it serves snippets too): pages are fetched by type, with what each
    # row shows, in one query per type whatever the number of pages.
    ids = {int(state.object_id) for state in states}
    pages = {}
    authorities = {}
    for sheet in PracticeSheetPage.objects.filter(pk__in=ids).select_related("member__authority"):
        pages[sheet.pk] = sheet
        authorities[sheet.pk] = sheet.member.authority
    for member in MemberPage.objects.filter(pk__in=ids).select_related("authority"):
        pages[member.pk] = member
        authorities[member.pk] = member.authority
    others = ids - pages.keys()
    if others:
        pages.update((page.pk, page) for page in Page.objects.filter(pk__in=others))
    rows = []
    for state in states:
        page_id = int(state.object_id)
        if page_id not in pages:  # deleted since the first query
            continue
        rows.append(
            {
                "page": pages[page_id],
                "kind": pages[page_id].specific_class._meta.verbose_name,
                "authority": authorities.get(page_id),
                "submitter": state.requested_by,
                "waiting_since": state.current_task_state.started_at,
            }
        )
    return rows


class ContributionsWaitingPanel(Component):
    name = "contributions_waiting"
    template_name = "admin/contributions_waiting_panel.html"
    # Above Wagtail's own workflow panels (210, 220): the network's whole queue first.
    order = 200

    @staticmethod
    def is_shown_to(user):
        return (
            user.is_superuser
            or user.groups.filter(name__in=[NETWORK_EDITORS, ADMINISTRATORS]).exists()
        )

    def get_context_data(self, parent_context):
        return {
            "heading": _("Contributions en attente de relecture"),
            "rows": contributions_waiting(),
        }
