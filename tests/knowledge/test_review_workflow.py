"""The network's review of members' contributions, as the two people involved go through it in
the admin: a member editor (add and change, no publish) submits a practice sheet or a profile
change; a network editor is emailed, asks for changes with a comment or approves; the member
editor is emailed the outcome. Nothing goes live without an approval, not even a later edit."""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    GroupPagePermission,
    Page,
    TaskState,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

import pytest

from home.review_panel import ContributionsWaitingPanel
from home.workflow import WORKFLOW_NAME, ensure_review_workflow
from knowledge.models import PracticeSheetPage
from members.models import MemberPage
from members.roles import ADMINISTRATORS as NETWORK_ADMINISTRATORS
from members.roles import NETWORK_EDITORS
from tests.knowledge.test_admin import add_url, edit_url, sheet_data
from tests.members.test_admin import profile_data

from .helpers import parse, text

pytestmark = pytest.mark.django_db

SHEET_URL = "/fiches-pratiques/un-bus-pour-aller-voter/"
CHANGES_REQUESTED = "Merci d'ajouter le nombre de votants dans les résultats."
APPROVED = "Belle fiche, merci !"


def user_with_groups(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(
        username, f"{username}@reseau-bp.example", "mot-de-passe-de-test", first_name=username
    )
    user.groups.add(*groups)
    return user


def admin_group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def allow(group, page, *permission_types):
    for permission_type in permission_types:
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)


@pytest.fixture
def review_workflow(library, member_index):
    """The workflow on both sections, as the demo loader leaves it."""
    ensure_review_workflow()


@pytest.fixture
def reviewer(django_user_model, home, review_workflow):
    """A member of the network's editorial team, who may edit and publish everything."""
    editors = admin_group(NETWORK_EDITORS)
    allow(editors, home, "add", "change", "publish")
    return user_with_groups(django_user_model, "relectrice", editors)


@pytest.fixture
def member_editor(django_user_model, library, amiens_member, review_workflow):
    """Amiens's editor: adds and changes sheets and Amiens's profile, publishes nothing."""
    amiens = admin_group("Collectivité : Amiens")
    allow(amiens, library, "add", "change")
    allow(amiens, amiens_member, "change")
    return user_with_groups(django_user_model, "redacteur-amiens", amiens)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member_client(member_editor):
    return logged_in(member_editor)


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


def submitted(data):
    """The same form data sent with the "Submit for review" button instead of "Publish"."""
    data = {name: value for name, value in data.items() if name != "action-publish"}
    return {**data, "action-submit": "action-submit"}


def saved(data):
    """The same form data sent with the "Save draft" button."""
    return {name: value for name, value in data.items() if name != "action-publish"}


def review(client, page, action, comment):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, action, state.current_task_state_id),
    )
    return client.post(url, {"comment": comment})


def emails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def admin_link(page):
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=(page.pk,))


def public_text(client, url):
    response = client.get(url)
    return response.status_code, text(parse(response)) if response.status_code == 200 else ""


def the_sheet():
    return PracticeSheetPage.objects.get(locale__language_code="fr")


def test_a_sheet_goes_through_review_from_submission_to_publication(
    client, member_client, reviewer_client, member_editor, reviewer, amiens_member, library
):
    # The member editor writes a sheet and submits it.
    response = member_client.post(add_url(library), submitted(sheet_data(amiens_member)))
    assert response.status_code == 302
    sheet = the_sheet()
    assert not sheet.live
    assert sheet.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert client.get(SHEET_URL).status_code == 404

    # The reviewer is emailed a link to the sheet in the admin; the author is not emailed.
    [submission] = emails_to(reviewer)
    assert "Un bus pour aller voter" in submission.subject
    assert admin_link(sheet) in submission.body
    assert emails_to(member_editor) == []
    # The member editor can no longer change the sheet while it is in review.
    assert "action-submit" not in member_client.get(edit_url(sheet)).content.decode()

    # The reviewer asks for changes with a comment; the author gets it by email.
    mail.outbox.clear()
    assert review(reviewer_client, sheet, "reject", CHANGES_REQUESTED).status_code == 302
    [outcome] = emails_to(member_editor)
    assert "Un bus pour aller voter" in outcome.subject
    assert CHANGES_REQUESTED in outcome.body
    assert admin_link(sheet) in outcome.body
    assert client.get(SHEET_URL).status_code == 404

    # The author adds the figures and submits again: the reviewer is emailed again.
    mail.outbox.clear()
    data = sheet_data(amiens_member, results=rich_text("<p>312 votants dans le bus.</p>"))
    assert member_client.post(edit_url(sheet), submitted(data)).status_code == 302
    assert len(emails_to(reviewer)) == 1
    assert client.get(SHEET_URL).status_code == 404

    # The reviewer approves with a comment: the sheet is live, the author is told so.
    mail.outbox.clear()
    assert review(reviewer_client, sheet, "approve", APPROVED).status_code == 302
    status, page_text = public_text(client, SHEET_URL)
    assert status == 200
    assert "312 votants dans le bus." in page_text
    [approval] = emails_to(member_editor)
    assert APPROVED in approval.body
    assert settings.WAGTAILADMIN_BASE_URL + SHEET_URL in approval.body
    assert "http://localhost/" not in approval.body


def test_a_later_edit_stays_off_the_site_until_approved_again(
    client, member_client, reviewer_client, amiens_member, library
):
    member_client.post(add_url(library), submitted(sheet_data(amiens_member)))
    sheet = the_sheet()
    review(reviewer_client, sheet, "approve", "")
    assert the_sheet().live

    # Saving a draft, or pressing "Publish" without the permission, changes nothing online.
    changed = sheet_data(amiens_member, summary="Un résumé réécrit après la publication.")
    assert member_client.post(edit_url(sheet), saved(changed)).status_code == 302
    assert member_client.post(edit_url(sheet), changed).status_code == 302
    status, page_text = public_text(client, SHEET_URL)
    assert status == 200
    assert "Un bus aménagé en bureau de vote" in page_text
    assert "réécrit" not in page_text
    assert the_sheet().has_unpublished_changes

    # Submitted, it waits for the reviewer, still off the site.
    assert member_client.post(edit_url(sheet), submitted(changed)).status_code == 302
    assert the_sheet().workflow_in_progress
    assert "réécrit" not in public_text(client, SHEET_URL)[1]

    review(reviewer_client, sheet, "approve", "")
    assert "Un résumé réécrit après la publication." in public_text(client, SHEET_URL)[1]


def test_member_editor_cannot_approve_their_own_sheet(
    member_client, amiens_member, library, reviewer
):
    member_client.post(add_url(library), submitted(sheet_data(amiens_member)))
    sheet = the_sheet()
    response = review(member_client, sheet, "approve", "")
    # Wagtail's admin answers a refused action with a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not the_sheet().live
    assert the_sheet().workflow_in_progress


def test_a_profile_change_goes_through_review(
    client, member_client, reviewer_client, member_editor, reviewer, amiens_member, amiens
):
    representatives = [
        {"id": str(rep.pk), "role": rep.role, "name": rep.name, "email": rep.email}
        for rep in amiens_member.representatives.all()
    ]
    data = profile_data(
        amiens.pk,
        representatives=representatives,
        presentation="Amiens a lancé sa cinquième édition.",
    )
    data["representatives-INITIAL_FORMS"] = str(len(representatives))
    response = member_client.post(edit_url(amiens_member), submitted(data))
    assert response.status_code == 302
    assert "cinquième" not in public_text(client, amiens_member.url)[1]
    [submission] = emails_to(reviewer)
    assert admin_link(amiens_member) in submission.body

    review(reviewer_client, amiens_member, "approve", APPROVED)
    assert "Amiens a lancé sa cinquième édition." in public_text(client, amiens_member.url)[1]
    assert MemberPage.objects.get(pk=amiens_member.pk).representatives.count() == 2
    [approval] = emails_to(member_editor)
    assert APPROVED in approval.body


def test_reviewers_who_turned_off_submission_emails_get_none(
    member_client, reviewer, amiens_member, library
):
    profile = UserProfile.get_for_user(reviewer)
    profile.submitted_notifications = False
    profile.save()
    member_client.post(add_url(library), submitted(sheet_data(amiens_member)))
    assert the_sheet().workflow_in_progress
    assert emails_to(reviewer) == []


def test_superusers_outside_the_editorial_team_get_no_submission_email(
    member_client, superuser, reviewer, amiens_member, library
):
    member_client.post(add_url(library), submitted(sheet_data(amiens_member)))
    assert len(emails_to(reviewer)) == 1
    assert emails_to(superuser) == []


# Where the workflow applies


def attached_workflows():
    """{page type: workflow} below the root (where Wagtail attaches "Moderators approval")."""
    links = WorkflowPage.objects.filter(page__depth__gt=1).select_related("page", "workflow")
    return {link.page.specific_class.__name__: link.workflow.name for link in links}


def test_migration_attaches_the_workflow_to_both_sections(library, member_index):
    state = MigrationExecutor(connection).loader.project_state(("home", "0003_review_workflow"))
    migration = import_module("home.migrations.0003_review_workflow")
    migration.create_review_workflow(state.apps, None)
    assert attached_workflows() == {
        "PracticeLibraryPage": WORKFLOW_NAME,
        "MemberIndexPage": WORKFLOW_NAME,
    }
    task = WorkflowPage.objects.get(page=library).workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [NETWORK_EDITORS]


def test_sheets_and_profiles_get_the_workflow_other_pages_do_not(
    review_workflow, library, amiens_member, add_sheet, charter, home
):
    sheet = add_sheet(amiens_member)
    assert sheet.get_workflow().name == WORKFLOW_NAME
    assert amiens_member.get_workflow().name == WORKFLOW_NAME
    for page in (charter, home):
        workflow = page.get_workflow()
        assert workflow is None or workflow.name != WORKFLOW_NAME


def test_ensuring_the_workflow_twice_changes_nothing(review_workflow, library, member_index):
    before = attached_workflows()
    assert ensure_review_workflow() == 0
    assert attached_workflows() == before
    assert Page.objects.get(pk=library.pk).specific.get_workflow().name == WORKFLOW_NAME


# The dashboard panel


def panel(response):
    return parse(response).find(id="contributions-waiting-section")


def panel_rows(response):
    return [[text(cell) for cell in row.select("td")] for row in panel(response).select("tbody tr")]


def submit(page, user, days_ago):
    """Submit the page's latest version for review, as if `days_ago` days ago."""
    page.save_revision(user=user)
    state = page.get_workflow().start(page, user)
    waiting_since = timezone.now() - timedelta(days=days_ago)
    TaskState.objects.filter(pk=state.current_task_state_id).update(started_at=waiting_since)
    return waiting_since


@pytest.fixture
def contributions(member_editor, amiens_member, rennes_member, add_sheet):
    """A recent sheet, a profile change waiting longer, and the oldest sheet, of two members."""
    recent = add_sheet(amiens_member, title="Bus de vote", live=False)
    oldest = add_sheet(rennes_member, title="Jury citoyen", live=False)
    submit(recent, member_editor, days_ago=1)
    submit(amiens_member, member_editor, days_ago=3)
    submit(oldest, member_editor, days_ago=8)
    return [oldest, amiens_member, recent]


def test_panel_lists_contributions_waiting_longest_first(reviewer_client, contributions):
    response = reviewer_client.get(reverse("wagtailadmin_home"))
    assert text(panel(response).find("h2")) == "Contributions en attente de relecture"
    rows = panel_rows(response)
    assert [row[:3] for row in rows] == [
        ["Jury citoyen (fiche pratique)", "Rennes", "redacteur-amiens"],
        ["Amiens (fiche membre)", "Amiens", "redacteur-amiens"],
        ["Bus de vote (fiche pratique)", "Amiens", "redacteur-amiens"],
    ]
    assert rows[0][3].endswith("(il y a 1\xa0semaine, 1\xa0jour)")
    links = [(text(a), a["href"]) for a in panel(response).select("tbody a")]
    assert links == [
        (f"Relire « {page.title} »", reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        for page in contributions
    ]


def test_panel_leaves_out_reviewed_contributions(reviewer, reviewer_client, contributions):
    oldest = contributions[0]
    oldest.current_workflow_task_state.approve(user=reviewer)
    titles = [row[0] for row in panel_rows(reviewer_client.get(reverse("wagtailadmin_home")))]
    assert titles == ["Amiens (fiche membre)", "Bus de vote (fiche pratique)"]


def test_panel_says_when_nothing_waits(reviewer_client):
    found = panel(reviewer_client.get(reverse("wagtailadmin_home")))
    assert "Aucune contribution n'attend de relecture." in text(found)
    assert found.find("table") is None


def test_member_editor_does_not_see_the_panel(member_client, contributions):
    response = member_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert panel(response) is None
    assert "Contributions en attente de relecture" not in text(parse(response))


def test_network_administrators_and_superusers_see_the_panel(
    django_user_model, superuser_client, contributions
):
    administrators = admin_group(NETWORK_ADMINISTRATORS)
    administrator = logged_in(
        user_with_groups(django_user_model, "administratrice", administrators)
    )
    for client in (administrator, superuser_client):
        assert len(panel_rows(client.get(reverse("wagtailadmin_home")))) == 3


def render_panel(user):
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    return ContributionsWaitingPanel().render_html({"request": request})


def test_panel_queries_do_not_grow_with_the_contributions(
    reviewer,
    member_editor,
    contributions,
    amiens_member,
    rennes_member,
    add_sheet,
    django_assert_num_queries,
):
    with CaptureQueriesContext(connection) as three:
        render_panel(reviewer)
    for number in range(4):
        member = (amiens_member, rennes_member)[number % 2]
        submit(add_sheet(member, title=f"Fiche {number}", live=False), member_editor, number)
    with django_assert_num_queries(len(three)):
        html = render_panel(reviewer)
    assert html.count("Relire") == 7
