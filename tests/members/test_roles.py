"""The editors' roles: what each group may do in the admin and, tried through the real
views, what it may not. A member's group comes with its profile; its sheets are attributed
to it whatever the form posts; deactivating an editor keeps their content."""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission

import pytest

from home.demo.images import illustration
from knowledge.models import PracticeSheetPage
from members import roles
from members.models import MemberEditors, MemberPage
from tests.knowledge.test_admin import sheet_data

from .test_admin import profile_data
from .test_member_security import refused

pytestmark = pytest.mark.django_db


def add_sheet_url(library):
    return reverse("wagtailadmin_pages:add", args=("knowledge", "practicesheetpage", library.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def amiens_member(add_member, amiens):
    return add_member(amiens)


@pytest.fixture
def rennes_member(add_member, rennes):
    return add_member(rennes)


@pytest.fixture
def amiens_editor(amiens_member, member_editor):
    return member_editor(amiens_member)


# Groups


def test_ensure_roles_creates_the_staff_groups_once(db):
    before = {
        group.name: (group.permissions.count(), group.page_permissions.count())
        for group in Group.objects.filter(name__in=roles.STAFF_GROUPS)
    }
    assert set(before) == set(roles.STAFF_GROUPS)
    roles.ensure_roles()
    roles.ensure_roles()
    after = {
        group.name: (group.permissions.count(), group.page_permissions.count())
        for group in Group.objects.filter(name__in=roles.STAFF_GROUPS)
    }
    assert after == before


def test_profile_creates_the_members_group_and_collection(library, amiens_member):
    editors = MemberEditors.objects.get(authority=amiens_member.authority)
    assert editors.group.name == "Membre — Amiens (80021)"
    assert editors.collection.name == "Amiens (80021)"
    assert editors.collection.get_parent().name == roles.MEMBERS_COLLECTION
    granted = {
        (perm.page_id, perm.permission.codename)
        for perm in GroupPagePermission.objects.filter(group=editors.group)
    }
    assert granted == {(library.pk, "add_page"), (amiens_member.pk, "change_page")}


def test_library_created_after_the_members_is_granted_to_their_groups(home, amiens_member, library):
    group = amiens_member.authority.editors.group
    assert GroupPagePermission.objects.filter(
        group=group, page=library, permission__codename="add_page"
    ).exists()


def test_translated_profile_shares_the_group_and_gets_no_permission(
    amiens_member, english_member_index, translate
):
    english = translate(amiens_member, title="Amiens")
    assert MemberEditors.objects.filter(authority=amiens_member.authority).count() == 1
    assert Collection.objects.filter(name="Amiens (80021)").count() == 1
    assert not GroupPagePermission.objects.filter(page=english).exists()


def test_translated_tree_is_granted_to_translators(english_home):
    assert GroupPagePermission.objects.filter(
        group__name=roles.TRANSLATORS, page=english_home, permission__codename="publish_page"
    ).exists()


# Member editors: allowed


def test_member_editor_edits_their_profile_as_a_draft(client, amiens_member, amiens_editor):
    client.force_login(amiens_editor)
    data = profile_data(amiens_member.authority_id, presentation="Un budget revu en 2024.")
    response = client.post(edit_url(amiens_member), data)
    assert response.status_code == 302
    profile = MemberPage.objects.get(pk=amiens_member.pk)
    assert profile.get_latest_revision_as_object().presentation == "Un budget revu en 2024."
    assert profile.presentation != "Un budget revu en 2024."  # not published


def test_member_editor_cannot_change_the_authority_of_their_profile(
    client, amiens_member, amiens_editor, ploemeur
):
    client.force_login(amiens_editor)
    client.post(edit_url(amiens_member), profile_data(ploemeur.pk))
    profile = MemberPage.objects.get(pk=amiens_member.pk)
    assert profile.get_latest_revision_as_object().authority_id == amiens_member.authority_id


def test_member_editors_sheet_is_attributed_to_their_member_whatever_is_posted(
    client, library, amiens_member, rennes_member, amiens_editor
):
    client.force_login(amiens_editor)
    response = client.post(add_sheet_url(library), sheet_data(rennes_member))
    assert response.status_code == 302
    sheet = PracticeSheetPage.objects.get(slug="un-bus-pour-aller-voter", alias_of=None)
    assert sheet.member_id == amiens_member.pk
    assert not sheet.live  # "Publish" was posted: saved as a draft


def test_sheet_form_offers_no_other_member(client, library, amiens_member, amiens_editor):
    client.force_login(amiens_editor)
    form = client.get(add_sheet_url(library)).context["form"]
    assert form.fields["member"].disabled
    assert list(form.fields["member"].queryset) == [amiens_member]


def test_member_editor_edits_their_members_sheet_created_by_someone_else(
    client, add_sheet, amiens_member, amiens_editor
):
    sheet = add_sheet(amiens_member, title="Fiche créée par l'équipe")
    assert sheet.owner_id != amiens_editor.pk
    client.force_login(amiens_editor)
    assert client.get(edit_url(sheet)).status_code == 200


def test_member_editor_deletes_a_draft_that_never_went_live(
    client, add_sheet, amiens_member, amiens_editor
):
    draft = add_sheet(amiens_member, live=False)
    client.force_login(amiens_editor)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert response.status_code == 302
    assert not PracticeSheetPage.objects.filter(pk=draft.pk).exists()


def test_member_editor_uploads_images_into_their_collection_only(
    client, settings, tmp_path, amiens_member, rennes_member, amiens_editor
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(amiens_editor)
    own = amiens_member.authority.editors.collection
    other = rennes_member.authority.editors.collection
    for collection in (own, other):
        client.post(
            reverse("wagtailimages:add"),
            {
                "title": f"Photo {collection.name}",
                "collection": collection.pk,
                "file": ContentFile(illustration(1, size=(40, 30)), name="photo.jpg"),
            },
        )
    # With one collection to offer, Wagtail puts every upload into it.
    assert list(get_image_model().objects.values_list("collection", flat=True)) == [own.pk] * 2


# Member editors: refused


def test_member_editor_cannot_delete_their_published_sheet(
    client, add_sheet, amiens_member, amiens_editor
):
    sheet = add_sheet(amiens_member)
    client.force_login(amiens_editor)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[sheet.pk]))
    assert refused(response)
    assert PracticeSheetPage.objects.filter(pk=sheet.pk, live=True).exists()


def test_member_editor_cannot_unpublish_their_sheet(
    client, add_sheet, amiens_member, amiens_editor
):
    sheet = add_sheet(amiens_member)
    client.force_login(amiens_editor)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[sheet.pk]))
    assert refused(response)
    assert PracticeSheetPage.objects.get(pk=sheet.pk).live


def test_member_editor_cannot_move_their_sheet(client, add_sheet, amiens_member, amiens_editor):
    draft = add_sheet(amiens_member, live=False)
    client.force_login(amiens_editor)
    assert refused(client.get(reverse("wagtailadmin_pages:move", args=[draft.pk])))
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, amiens_member.get_parent().pk])
    )
    assert refused(response)
    assert PracticeSheetPage.objects.get(pk=draft.pk).path == draft.path


def test_member_editor_cannot_delete_or_move_their_profile(client, amiens_member, amiens_editor):
    client.force_login(amiens_editor)
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[amiens_member.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:move", args=[amiens_member.pk])))
    assert MemberPage.objects.filter(pk=amiens_member.pk).exists()


def test_member_editor_cannot_edit_the_english_translation_of_their_sheet(
    client, add_sheet, amiens_member, amiens_editor, english_home, library, translate
):
    translate(library, title="Practice sheets")
    sheet = add_sheet(amiens_member)
    english = translate(sheet, title="A voting bus")
    client.force_login(amiens_editor)
    assert refused(client.get(edit_url(english)))


@pytest.mark.parametrize(
    "url",
    [
        "wagtailusers_users:index",
        "wagtailusers_groups:index",
        "wagtailsnippets_knowledge_phase:add",
        "wagtailsnippets_home_footer:list",
        "wagtailsites:index",
        "wagtail_localize:translations_report",
    ],
)
def test_member_editor_cannot_manage_users_settings_or_taxonomies(client, amiens_editor, url):
    client.force_login(amiens_editor)
    assert refused(client.get(reverse(url)))


def test_member_editor_cannot_edit_site_settings(client, site, amiens_editor):
    client.force_login(amiens_editor)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    assert refused(client.get(url))


def test_member_editor_cannot_add_pages_elsewhere(client, home, amiens_member, amiens_editor):
    client.force_login(amiens_editor)
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))
    assert refused(client.post(url, {"title": "Page pirate", "slug": "page-pirate"}))


# Deactivation


def test_deactivated_editor_keeps_their_content_for_their_colleagues(
    client, library, amiens_member, amiens_editor, member_editor
):
    client.force_login(amiens_editor)
    client.post(add_sheet_url(library), sheet_data(amiens_member))
    sheet = PracticeSheetPage.objects.get(slug="un-bus-pour-aller-voter", alias_of=None)
    amiens_editor.is_active = False
    amiens_editor.save()

    sheet.refresh_from_db()
    assert (sheet.owner_id, sheet.member_id) == (amiens_editor.pk, amiens_member.pk)
    response = client.get(edit_url(sheet))  # the deactivated editor is logged out
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    client.force_login(member_editor(amiens_member, username="collegue"))
    assert client.get(edit_url(sheet)).status_code == 200


# Staff


def test_network_editor_publishes_any_members_sheet_and_edits_taxonomies(
    client, add_sheet, amiens_member, staff_user
):
    sheet = add_sheet(amiens_member, live=False)
    client.force_login(staff_user(roles.NETWORK_EDITORS))
    response = client.post(edit_url(sheet), sheet_data(amiens_member, slug=sheet.slug))
    assert response.status_code == 302
    assert PracticeSheetPage.objects.get(pk=sheet.pk).live
    assert client.get(reverse("wagtailsnippets_knowledge_phase:add")).status_code == 200


@pytest.mark.parametrize("url", ["wagtailusers_users:index", "wagtailsites:index"])
def test_network_editor_cannot_manage_users_or_sites(client, staff_user, url):
    client.force_login(staff_user(roles.NETWORK_EDITORS))
    assert refused(client.get(reverse(url)))


def test_translator_submits_translations_and_edits_english_pages_only(
    client, add_sheet, amiens_member, staff_user, english_home, library, translate
):
    english_library = translate(library, title="Practice sheets")
    sheet = add_sheet(amiens_member)
    client.force_login(staff_user(roles.TRANSLATORS))
    submit = reverse("wagtail_localize:submit_page_translation", args=[sheet.pk])
    assert client.get(submit).status_code == 200
    assert client.get(edit_url(english_library)).status_code == 200
    assert refused(client.get(edit_url(sheet)))
    assert refused(client.get(reverse("wagtailsnippets_knowledge_phase:add")))


def test_administrator_manages_users(client, staff_user):
    client.force_login(staff_user(roles.ADMINISTRATORS))
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
