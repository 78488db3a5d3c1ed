"""Keep the practice search table in step with what the public may see (search/documents.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from knowledge.models import Audience, Phase, PracticeSheetPage, Principle, Theme
from members.models import Authority, MemberPage

from . import documents
from .models import FacetBit


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    if issubclass(sender, PracticeSheetPage):
        documents.sync_page(instance)
    elif issubclass(sender, MemberPage):
        documents.sync_member(instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    if issubclass(sender, PracticeSheetPage):
        documents.remove_page(instance)


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs):
    # Under a new parent, a sheet may be under a view restriction, or free of one.
    documents.sync_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, **kwargs):
    documents.remove_subtree(instance.page)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_deleted(sender, instance, **kwargs):
    documents.sync_subtree(instance.page)


@receiver(post_save, sender=Authority)
def authority_saved(sender, instance, created, **kwargs):
    if not created:
        documents.sync_authority(instance)


@receiver(post_delete, sender=Phase)
@receiver(post_delete, sender=Theme)
@receiver(post_delete, sender=Audience)
@receiver(post_delete, sender=Principle)
def facet_value_deleted(sender, instance, **kwargs):
    if sender.objects.filter(translation_key=instance.translation_key).exists():
        return
    facet = {
        Phase: FacetBit.Facet.PHASE,
        Theme: FacetBit.Facet.THEME,
        Audience: FacetBit.Facet.AUDIENCE,
        Principle: FacetBit.Facet.PRINCIPLE,
    }[sender]
    documents.release_bit(facet, instance.translation_key)
