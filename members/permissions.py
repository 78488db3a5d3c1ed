"""Member editors' rights on the pages attributed to a member authority (its profile and its
practice sheets), which sit beside the other members' pages in the tree.

Wagtail's page permissions follow the tree: "add" on the library lets a group add sheets
and edit those its users own, "change" would cover every sheet. For a member editor (a user
in a member's group without the network's right to publish), a page attributed to a member
is theirs when its authority is one of their groups' authorities: the tree's permissions
still apply, with the authority in place of the page's owner. They never move such a page,
delete it once published, or see another member's in the admin's listings."""

from django.db.models import Q

from wagtail.models import Page, PagePermissionTester, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from members.roles import member_authority_ids


class AttributedToMember:
    """Mixin of page models attributed to one member authority. `authority_lookup` is the
    path from the page to the authority's id, e.g. "member__authority"."""

    authority_lookup = None

    def permissions_for_user(self, user):
        return MemberContentPermissionTester(user, self)

    def attributed_authority_id(self):
        model = type(self)
        if self.pk is None:
            return None
        return (
            model.objects.filter(pk=self.pk)
            .values_list(f"{self.authority_lookup}__id", flat=True)
            .first()
        )


def attributed_models():
    return [model for model in get_page_models() if issubclass(model, AttributedToMember)]


def others_content(authority_ids):
    """Pages attributed to a member that is none of `authority_ids`."""
    q = Q(pk__in=[])
    for model in attributed_models():
        others = model.objects.exclude(**{f"{model.authority_lookup}__in": authority_ids})
        q |= Q(pk__in=others.values("pk"))
    return q


def is_member_editor(user):
    return bool(member_authority_ids(user)) and not user.is_superuser


class MemberContentPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.restricted = (
            is_member_editor(user) and user.is_active and "publish" not in self.permissions
        )

    def is_own(self):
        return self.page.attributed_authority_id() in member_authority_ids(self.user)

    def can_edit(self):
        if not self.restricted:
            return super().can_edit()
        return bool({"add", "change"} & self.permissions) and self.is_own()

    def can_delete(self, ignore_bulk=False):
        if not self.restricted:
            return super().can_delete(ignore_bulk)
        # A draft that never went live: once published, only the network deletes it.
        return (
            "add" in self.permissions
            and self.page.first_published_at is None
            and not self.page.live
            and self.page.is_leaf()
            and self.is_own()
        )

    def can_move(self):
        if self.restricted:
            return False
        return super().can_move()


class MemberPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that a member editor's listings (explorer, search,
    reports, history, admin API) leave out the other members' pages."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if is_member_editor(user):
            pages = pages.exclude(others_content(member_authority_ids(user)))
        return pages

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if is_member_editor(user):
            pages = pages.exclude(others_content(member_authority_ids(user)))
        return pages

    def user_has_any_permission_for_instance(self, user, actions, instance):
        specific = instance.specific_deferred if type(instance) is Page else instance
        if not (is_member_editor(user) and isinstance(specific, AttributedToMember)):
            return super().user_has_any_permission_for_instance(user, actions, instance)
        tester = specific.permissions_for_user(user)
        checks = {
            "add": tester.can_add_subpage,
            "change": tester.can_edit,
            "publish": tester.can_publish,
            "bulk_delete": tester.can_delete,
            "delete": tester.can_delete,
            "lock": tester.can_lock,
            "unlock": tester.can_unlock,
        }
        return any(checks[action]() for action in actions if action in checks)


def visible_to(user, pages):
    """For a member editor, `pages` without the other members' pages that are not
    published as they stand (a draft, or a live page with unpublished changes)."""
    if not is_member_editor(user):
        return pages
    unpublished = Q(live=False) | Q(has_unpublished_changes=True)
    hidden = Page.objects.filter(others_content(member_authority_ids(user)) & unpublished)
    # By id: the chooser's search filters only on the fields its index knows.
    return pages.exclude(pk__in=hidden.values("pk"))


def editing_as_member(user, page):
    """Whether `user` works on `page` (or under it) with a member editor's rights only."""
    return user is not None and MemberContentPermissionTester(user, page).restricted


def own_profiles(user, locale_id):
    """The member profiles, in that language, of the authorities the user edits for."""
    from members.models import MemberPage

    return MemberPage.objects.filter(
        authority_id__in=member_authority_ids(user), locale_id=locale_id
    ).order_by("title")
