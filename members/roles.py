"""The editors' roles: Wagtail groups with their page, collection and model permissions.

`ensure_roles()` creates or completes them and may run any number of times (the members
migration, the demo content and the tests call it). A member's group is created with the
member's profile (`members/signals.py`): it may add practice sheets to the French library,
change its French profile and use its own collection under "Membres"; which sheets and
profiles are its own is decided by `members.permissions`."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

ADMINISTRATORS = "Administrateurs du réseau"
NETWORK_EDITORS = "Équipe éditoriale du réseau"
TRANSLATORS = "Traducteurs"
STAFF_GROUPS = [ADMINISTRATORS, NETWORK_EDITORS, TRANSLATORS]
MEMBERS_COLLECTION = "Membres"

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
ALL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
NETWORK_EDITOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
TRANSLATOR_PAGE_ACTIONS = ["change", "publish"]
FILE_ACTIONS = ["add", "change", "delete", "choose"]
MEMBER_FILE_ACTIONS = ["add", "change", "choose"]
# News, pages and the charter are pages; the taxonomies and the other snippets are these.
NETWORK_EDITOR_MODELS = [
    ("knowledge", "phase"),
    ("knowledge", "theme"),
    ("knowledge", "audience"),
    ("members", "college"),
    ("home", "footer"),
]


def member_group_name(authority):
    # The code tells apart authorities of the same name (two communes, a région and one
    # of its départements).
    return f"Membre — {authority.name} ({authority.code})"


def member_collection_name(authority):
    return f"{authority.name} ({authority.code})"


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def file_permissions(actions):
    return [permission("wagtailimages", f"{action}_image") for action in actions] + [
        permission("wagtaildocs", f"{action}_document") for action in actions
    ]


def grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission("wagtailcore", f"{action}_page")
        )


def grant_collection(group, collection, actions):
    for perm in file_permissions(actions):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=perm
        )


@transaction.atomic
def ensure_roles():
    """Create or complete the staff groups, and the group of every member with a profile."""
    from members.models import Authority

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in STAFF_GROUPS}
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    administrators = groups[ADMINISTRATORS]
    administrators.permissions.add(*Permission.objects.all())
    if root_page is not None:
        grant_pages(administrators, root_page, ALL_PAGE_ACTIONS)
    grant_collection(administrators, root_collection, FILE_ACTIONS)

    editors = groups[NETWORK_EDITORS]
    editors.permissions.add(
        permission(*ACCESS_ADMIN),
        *[
            permission(app_label, f"{action}_{model}")
            for app_label, model in NETWORK_EDITOR_MODELS
            for action in ["add", "change", "delete"]
        ],
    )
    if root_page is not None:
        grant_pages(editors, root_page, NETWORK_EDITOR_PAGE_ACTIONS)
    grant_collection(editors, root_collection, FILE_ACTIONS)

    translators = groups[TRANSLATORS]
    translators.permissions.add(
        permission(*ACCESS_ADMIN), permission("wagtail_localize", "submit_translation")
    )
    for home in Page.objects.filter(depth=2).exclude(locale=Locale.get_default()):
        grant_translators(home)

    for authority in Authority.objects.filter(member_pages__isnull=False).distinct():
        ensure_member_group(authority)
    return groups


def grant_translators(locale_root):
    """Translators change and publish the pages of a translated tree, from its root."""
    if locale_root.depth == 2 and locale_root.locale_id != Locale.get_default().pk:
        translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
        grant_pages(translators, locale_root, TRANSLATOR_PAGE_ACTIONS)


def members_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=MEMBERS_COLLECTION).first()
    return existing or root.add_child(name=MEMBERS_COLLECTION)


@transaction.atomic
def ensure_member_group(authority):
    """The group of the authority's editors, its collection and its permissions."""
    from knowledge.models import PracticeLibraryPage
    from members.models import MemberEditors, MemberPage

    editors = MemberEditors.objects.select_related("group", "collection").filter(
        authority=authority
    )
    editors = editors.first()
    if editors is None:
        group, _created = Group.objects.get_or_create(name=member_group_name(authority))
        collection = members_collection().add_child(name=member_collection_name(authority))
        editors = MemberEditors.objects.create(
            authority=authority, group=group, collection=collection
        )
    else:
        # The referential's yearly update may rename the authority.
        if editors.group.name != member_group_name(authority):
            editors.group.name = member_group_name(authority)
            editors.group.save(update_fields=["name"])
        if editors.collection.name != member_collection_name(authority):
            editors.collection.name = member_collection_name(authority)
            editors.collection.save(update_fields=["name"])

    group = editors.group
    group.permissions.add(permission(*ACCESS_ADMIN))
    grant_collection(group, editors.collection, MEMBER_FILE_ACTIONS)
    default_locale = Locale.get_default()
    for library in PracticeLibraryPage.objects.filter(locale=default_locale):
        grant_pages(group, library, ["add"])
    for profile in MemberPage.objects.filter(authority=authority, locale=default_locale):
        grant_pages(group, profile, ["change"])
    return editors


def grant_library_to_members(library):
    """A new French library: every member's editors may add their sheets to it."""
    from members.models import MemberEditors

    if library.locale_id != Locale.get_default().pk:
        return
    for editors in MemberEditors.objects.select_related("group"):
        grant_pages(editors.group, library, ["add"])


def member_authority_ids(user):
    """Ids of the authorities whose editors' group the user belongs to (cached on the user
    for the request); empty for anyone else."""
    if not hasattr(user, "_member_authority_ids"):
        from members.models import MemberEditors

        ids = frozenset()
        if user.is_authenticated and user.is_active:
            ids = frozenset(
                MemberEditors.objects.filter(group__user=user).values_list(
                    "authority_id", flat=True
                )
            )
        user._member_authority_ids = ids
    return user._member_authority_ids
