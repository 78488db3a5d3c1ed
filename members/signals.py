"""Groups and permissions follow the pages they are about: a member's profile creates its
editors' group, a library or a translated tree grants its rights to the existing groups."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from members.models import MemberPage
from members.roles import ensure_member_group, grant_library_to_members, grant_translators


@receiver(post_save, sender=MemberPage)
def create_member_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_member_group(instance.authority)


@receiver(post_save, sender="knowledge.PracticeLibraryPage")
def grant_new_library(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_library_to_members(instance)


@receiver(post_save, sender="home.HomePage")
def grant_new_translated_tree(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_translators(instance)
