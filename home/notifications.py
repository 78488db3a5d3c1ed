"""The email telling a member editor that the network approved their contribution: Wagtail's
own, plus the reviewer's comment (as the email asking for changes has) and a public link
that works whatever the Site record's host name."""

from django.conf import settings

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved

# Wagtail's own receiver (wagtail/admin/signal_handlers.py), replaced by ours.
APPROVAL_DISPATCH_UID = "workflow_state_approved_email_notification"


def absolute_url(page):
    """The page's public URL with the site's address in front: Wagtail gives a path when the
    project serves one site, and the Site record's host name is often left at "localhost"."""
    url = page.get_url()
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


class ApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        # After the last approval, the current task state is the approved one.
        task_state = workflow_state.current_task_state
        context["task_state"] = task_state
        context["comment"] = task_state.get_comment() if task_state else ""
        if "page" in context:
            # Reloaded: the instance Wagtail passes was read before the approval published it.
            page = type(context["page"]).objects.get(pk=context["page"].pk)
            context["page"] = page
            context["page_url"] = absolute_url(page) if page.live else None
        return context


approval_email_notifier = ApprovalEmailNotifier()


def replace_approval_email():
    """Swap Wagtail's receiver for ours under the same dispatch_uid, whichever app's ready()
    runs first: disconnecting removes Wagtail's if it is connected, and if it is not yet,
    Wagtail's later connect() is ignored since the uid is taken."""
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_DISPATCH_UID)
    workflow_approved.connect(
        approval_email_notifier, sender=WorkflowState, dispatch_uid=APPROVAL_DISPATCH_UID
    )
