"""From the refused side: the editor of Amiens, logged in to the admin, reaches nothing of
Rennes. Every admin URL that takes a page, a revision, a workflow state, an image, a
document, a collection or a translation is tried with Rennes's, by GET and by POST: 403 or
404 each time, and none of Rennes's unpublished text in the response. The list of URLs is
read from the URL configuration, so that a new admin URL fails the completeness test until
it is probed or said to take no member's content."""

import html

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.http import urlencode

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest

from home.factories import DocumentFactory, ImageFactory
from knowledge.models import PracticeSheetPage
from members import roles
from tests.knowledge.test_admin import sheet_data

pytestmark = pytest.mark.django_db

# Text of Rennes that the public never sees: its drafts, its files.
DRAFT_SHEET = "Brouillon confidentiel de Rennes"
PENDING_TITLE = "Titre en attente de relecture à Rennes"
PENDING_PROFILE = "Profil remanié de Rennes pas encore publié"
IMAGE_TITLE = "Photo interne de Rennes"
DOCUMENT_TITLE = "Compte rendu interne de Rennes"
SECRETS = [DRAFT_SHEET, PENDING_TITLE, PENDING_PROFILE, IMAGE_TITLE, DOCUMENT_TITLE]

# 405: the URL does not take this method at all (a POST-only action, a GET-only view).
REFUSED = (403, 404, 405)
WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."
PAGE_PARAMS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "object_id"}
IMAGE_NAMESPACES = ("wagtailimages", "wagtailimages_chooser", "wagtailadmin_api:images")
DOCUMENT_NAMESPACES = ("wagtaildocs", "wagtaildocs_chooser", "wagtailadmin_api:documents")
TRANSLATION_PARAMS = {"translation_id", "translation_source_id"}
# Admin URLs whose arguments name no page, file or translation of a member: snippets,
# settings, users, sites, locales… (member editors have none of their permissions), a
# page type, an upload in progress (its uploader's own), a token.
NOT_MEMBER_CONTENT = (
    "wagtailsnippets_",
    "wagtailsnippetchoosers_",
    "wagtailusers_",
    "wagtailsites:",
    "wagtaillocales:",
    "wagtailredirects:",
    "wagtailsearchpromotions:",
    "wagtailsettings:",
    "authority_chooser:",
    "wagtailadmin_workflows:",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_tag_model_autocomplete",
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_editing_sessions:release",
    "wagtail_localize:snippets_api_",
    "wagtail_localize:submit_snippet_translation",
    "wagtailimages:create_multiple_from_uploaded_image",
    "wagtailimages:delete_upload_multiple",
    "wagtaildocs:create_multiple_from_uploaded_document",
    "wagtaildocs:delete_upload_multiple",
)


def admin_routes():
    """(name, parameters) of every named admin URL, namespaces included."""

    def walk(patterns, namespace, params, prefix):
        for pattern in patterns:
            names = params | set(pattern.pattern.regex.groupindex)
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace + [pattern.namespace] if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner, names, route)
            elif pattern.name and route.startswith("admin/"):
                yield ":".join([*namespace, pattern.name]), frozenset(names)

    return sorted(set(walk(get_resolver().url_patterns, [], set(), "")))


def kind_of(name, params):
    if name.startswith(NOT_MEMBER_CONTENT):
        return "other"
    if name == "wagtail_bulk_action":
        return "bulk"
    if name.startswith(IMAGE_NAMESPACES):
        return "image"
    if name.startswith(DOCUMENT_NAMESPACES):
        return "document"
    if name == "wagtailadmin_collections:set_privacy" or name.startswith(
        "wagtailadmin_collections:"
    ):
        return "collection"
    if params & TRANSLATION_PARAMS:
        return "translation"
    if params & PAGE_PARAMS or name.startswith(
        ("wagtailadmin_api:pages", "wagtailadmin_pages:revisions_compare")
    ):
        return "page"
    return None


@pytest.fixture
def rennes_content(
    home, member_index, library, add_member, add_sheet, amiens, rennes, member_editor, translate
):
    """Amiens's editor, and Rennes's profile, sheets, files, workflow and translation."""
    amiens_member = add_member(amiens)
    rennes_member = add_member(rennes)
    rennes_editor = member_editor(rennes_member)
    intruder = member_editor(amiens_member)

    rennes_member.title = PENDING_PROFILE
    rennes_member.save_revision(user=rennes_editor)
    live_sheet = add_sheet(rennes_member, title="Le budget participatif des écoles de Rennes")
    live_sheet.save_revision(user=rennes_editor).publish()
    live_sheet.title = PENDING_TITLE
    live_sheet.save_revision(user=rennes_editor)
    draft = add_sheet(rennes_member, title=DRAFT_SHEET, live=False)
    draft.save_revision(user=rennes_editor)

    collection = rennes.editors.collection
    image = ImageFactory(title=IMAGE_TITLE, collection=collection)
    document = DocumentFactory(
        title=DOCUMENT_TITLE,
        collection=collection,
        file=ContentFile(b"%PDF-1.4 compte rendu", name="compte-rendu.pdf"),
    )

    task = GroupApprovalTask.objects.create(name="Relecture des contributions")
    task.groups.set([Group.objects.get(name=roles.NETWORK_EDITORS)])
    workflow = Workflow.objects.create(name="Relecture")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=library)
    workflow_state = workflow.start(draft, rennes_editor)

    english_home = translate(home, title="Home")
    translate(library, title="Practice sheets")
    source, _created = TranslationSource.get_or_create_from_instance(draft)
    translation = Translation.objects.create(source=source, target_locale=english_home.locale)
    translation.save_target(user=rennes_editor, publish=False)

    english_draft = translation.get_target_instance()
    return {
        "intruder": intruder,
        "pages": [rennes_member, live_sheet, draft, english_draft],
        "draft": draft,
        "live_sheet": live_sheet,
        "image": image,
        "document": document,
        "collection": collection,
        "task": task,
        "workflow": workflow,
        "workflow_state": workflow_state,
        "task_state": workflow_state.current_task_state,
        "source": source,
        "translation": translation,
        "segment": StringSegment.objects.filter(source=source).first(),
    }


def page_arguments(page, params, content):
    """Arguments naming `page` (and its revisions, workflow and parent) for a route."""
    revisions = list(page.revisions.order_by("pk"))
    values = {
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "page_pk": page.pk,
        "pk": page.pk,
        "object_id": page.pk,
        "destination_id": page.get_parent().pk,
        "revision_id": revisions[-1].pk,
        "revision_id_a": revisions[0].pk,
        "revision_id_b": revisions[-1].pk,
        "task_state_id": content["task_state"].pk,
        "task_id": content["task"].pk,
        "workflow_state_id": content["workflow_state"].pk,
        "workflow_pk": content["workflow"].pk,
        "action_name": "approve",
        "content_type_app_name": "knowledge",
        "content_type_model_name": "practicesheetpage",
        "app_label": page.specific_class._meta.app_label,
        "model_name": page.specific_class._meta.model_name,
        "session_id": 1,
    }
    return {name: values[name] for name in params}


def probes(content):
    """(description, url) of every admin URL that targets Rennes's content."""
    found = []
    for name, params in admin_routes():
        kind = kind_of(name, params) if params else None
        if kind == "page":
            for page in content["pages"]:
                kwargs = page_arguments(page, params, content)
                if name == "wagtailadmin_api:pages:action":
                    for action in ["publish", "unpublish", "delete", "move", "copy"]:
                        url = reverse(name, kwargs={**kwargs, "action_name": action})
                        found.append((f"{name} {action} {page.title}", url))
                    continue
                found.append((f"{name} {page.title}", reverse(name, kwargs=kwargs)))
        elif kind == "bulk":
            for action in ["delete", "move", "publish", "unpublish"]:
                kwargs = {"app_label": "wagtailcore", "model_name": "page", "action": action}
                query = urlencode([("id", page.pk) for page in content["pages"]])
                found.append((f"{name} {action}", f"{reverse(name, kwargs=kwargs)}?{query}"))
        elif kind in ("image", "document", "collection"):
            target = content[kind].pk
            values = {
                "pk": target,
                "image_id": target,
                "document_id": target,
                "doc_id": target,
                "collection_id": target,
                "filter_spec": "original",
            }
            kwargs = {param: values[param] for param in params}
            found.append((name, reverse(name, kwargs=kwargs)))
        elif kind == "translation":
            values = {
                "translation_id": content["translation"].pk,
                "translation_source_id": content["source"].pk,
                "string_segment_id": content["segment"].pk,
                "overridable_segment_id": 0,
                "mode": "preview",
            }
            found.append((name, reverse(name, kwargs={p: values[p] for p in params})))
    return found


def refused(response):
    """403, 404 or 405; or Wagtail's own refusal of an admin view: back to the dashboard
    with its "permission denied" message."""
    if response.status_code in REFUSED:
        return True
    if response.status_code != 302 or response["Location"] != reverse("wagtailadmin_home"):
        return False
    refusals = set()
    for language in ("fr", "en"):
        with translation.override(language):
            refusals.add(translation.gettext(WAGTAIL_REFUSAL))
    messages = [
        html.unescape(str(message)).strip() for message in get_messages(response.wsgi_request)
    ]
    return any(message in refusals for message in messages)


def snapshot(content):
    """What a refused request must leave as it was: Rennes's pages, revisions, files,
    workflow and translation, and the number of pages."""
    pages = [
        (page.pk, page.title, page.draft_title, page.live, page.latest_revision_id, page.path)
        for page in Page.objects.filter(pk__in=[page.pk for page in content["pages"]])
    ]
    content["workflow_state"].refresh_from_db()
    content["translation"].refresh_from_db()
    image, document = content["image"], content["document"]
    image.refresh_from_db()
    document.refresh_from_db()
    return {
        "pages": sorted(pages),
        "count": Page.objects.count(),
        "files": (image.title, image.collection_id, document.title, document.collection_id),
        "workflow": content["workflow_state"].status,
        "translation": content["translation"].enabled,
    }


def test_every_admin_url_with_arguments_is_probed_or_takes_no_member_content():
    unclassified = [
        name for name, params in admin_routes() if params and kind_of(name, params) is None
    ]
    assert unclassified == []


def test_member_editor_reaches_nothing_of_another_member(client, rennes_content):
    client.force_login(rennes_content["intruder"])
    tried = probes(rennes_content)
    assert len(tried) > 100  # pages × page URLs, files, translations, bulk actions
    before = snapshot(rennes_content)
    failures = []
    for description, url in tried:
        for method in (client.get, client.post):
            response = method(url)
            body = response.content.decode(errors="replace")
            leaked = [secret for secret in SECRETS if secret in body]
            if not refused(response) or leaked:
                failures.append((method.__name__, description, response.status_code, leaked))
    assert failures == [], "\n".join(map(str, failures))
    assert snapshot(rennes_content) == before


def test_member_editor_posting_publish_does_not_change_the_live_page(client, rennes_content):
    sheet = rennes_content["live_sheet"]
    client.force_login(rennes_content["intruder"])
    data = sheet_data(sheet.member, title="Titre imposé par Amiens", slug=sheet.slug)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[sheet.pk]), data)
    assert response.status_code == 404
    sheet.refresh_from_db()
    assert sheet.title == "Le budget participatif des écoles de Rennes"
    assert sheet.live_revision.as_object().title == sheet.title


def test_own_editor_posting_publish_leaves_the_live_page_unchanged(
    client, library, add_member, add_sheet, amiens, member_editor
):
    member = add_member(amiens)
    sheet = add_sheet(member, title="Un bus pour aller voter")
    client.force_login(member_editor(member))
    data = sheet_data(member, title="Un bus pour voter partout", slug=sheet.slug)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[sheet.pk]), data)
    assert response.status_code in (200, 302)
    sheet = PracticeSheetPage.objects.get(pk=sheet.pk)
    assert sheet.title == "Un bus pour aller voter"
    assert sheet.get_latest_revision_as_object().title == "Un bus pour voter partout"
    assert sheet.has_unpublished_changes


def parameterless_admin_urls():
    # Logging out, and the view that fails on purpose to test error reporting.
    skipped = {"wagtailadmin_logout", "wagtailadmin_error_test"}
    return [
        reverse(name)
        for name, params in admin_routes()
        if not params and name not in skipped and not name.startswith(NOT_MEMBER_CONTENT)
    ]


def test_no_admin_listing_shows_another_members_drafts(client, rennes_content):
    client.force_login(rennes_content["intruder"])
    leaks = []
    # Words of the secrets, not the secrets: a page may repeat the query it was given.
    queries = ["", "?q=Rennes", "?q=confidentiel", "?q=interne"]
    for url in parameterless_admin_urls():
        for query in queries:
            response = client.get(url + query)
            body = response.content.decode(errors="replace")
            leaked = [secret for secret in SECRETS if secret in body]
            if leaked or response.status_code >= 500:
                leaks.append((url + query, response.status_code, leaked))
    assert leaks == [], "\n".join(map(str, leaks))
