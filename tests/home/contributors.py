"""A member editor as the upload and XSS tests need one until the roles of issue 5 exist: a
user in a group that may add and change pages (not publish) under the given pages, and add
and choose documents and images in a collection."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

COLLECTION_PERMISSIONS = ["add_document", "choose_document", "add_image", "choose_image"]


def member_editor(django_user_model, username, pages=(), collection=None):
    group = Group.objects.create(name=f"Éditeurs de {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        for permission_type in ("add", "change"):
            GroupPagePermission.objects.create(
                group=group, page=page, permission_type=permission_type
            )
    collection = collection or Collection.get_first_root_node()
    for codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(codename=codename),
        )
    user = django_user_model.objects.create_user(
        username, f"{username}@amiens.example", "mot-de-passe-de-test"
    )
    user.groups.add(group)
    return user
