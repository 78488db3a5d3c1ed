"""The editors of a member authority: their Wagtail group and the collection of their files."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection


class MemberEditors(models.Model):
    """Links a member authority to the group of its editors and to their collection.
    Created by `members.roles.ensure_member_group()` when the member's profile is created;
    rights follow the authority, so that the profile's translations share the group."""

    authority = models.OneToOneField(
        "members.Authority",
        verbose_name=_("collectivité"),
        on_delete=models.PROTECT,
        related_name="editors",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="member_editors"
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="member_editors",
    )

    class Meta:
        verbose_name = _("éditeurs d'un membre")
        verbose_name_plural = _("éditeurs des membres")

    def __str__(self):
        return self.group.name
