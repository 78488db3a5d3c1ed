"""The review of members' contributions: a Wagtail workflow with one approval task for the
network's editorial team, attached to the practice library and to the member directory, so
that it covers every practice sheet and member profile below them.

`ensure_review_workflow` is idempotent and takes an app registry, so that the data migration
(historical models) and the demo loader (pages created after the migrations) share it."""

from django.apps import apps as global_apps

from members.roles import NETWORK_EDITORS

WORKFLOW_NAME = "Relecture par le réseau"
TASK_NAME = "Validation par l'équipe éditoriale"
# The sections whose pages members contribute: each page of these types (in every language)
# gets the workflow, and Wagtail applies it to the pages below.
REVIEWED_SECTIONS = [("knowledge", "PracticeLibraryPage"), ("members", "MemberIndexPage")]


def ensure_review_workflow(apps=global_apps):
    """Create the workflow, its task and the reviewers' group if missing, and attach the
    workflow to each reviewed section that has none yet. Returns the number of sections
    attached by this call."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    editors, _created = Group.objects.get_or_create(name=NETWORK_EDITORS)
    # Historical models do not set the task's content type themselves.
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    if created:
        task.groups.add(editors)
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    attached = 0
    for app_label, model_name in REVIEWED_SECTIONS:
        for page_id in apps.get_model(app_label, model_name).objects.values_list("pk", flat=True):
            # A section given another workflow in the admin keeps it.
            _link, created = WorkflowPage.objects.get_or_create(
                page_id=page_id, defaults={"workflow": workflow}
            )
            attached += created
    return attached
