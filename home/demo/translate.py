"""Translate demo content through wagtail-localize, as a translator would.

The English text is given as a twin object of the same shape as the French one; the
segments of both are paired in order and stored as string translations, so the English
pages are real wagtail-localize translations that translators can keep editing."""

from django.db import transaction

from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, TranslatableMixin
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _strings(instance):
    return [
        segment for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)
    ]


def _align_identifiers(original, twin):
    """Give the twin's blocks and translatable children the identifiers of the original's,
    which segment paths are made of."""
    for field in original._meta.get_fields():
        if isinstance(field, StreamField):
            pairs = zip(getattr(original, field.name), getattr(twin, field.name), strict=True)
            for source_block, twin_block in pairs:
                twin_block.id = source_block.id
    for relation in get_all_child_relations(original):
        if issubclass(relation.related_model, TranslatableMixin):
            name = relation.get_accessor_name()
            pairs = zip(getattr(original, name).all(), getattr(twin, name).all(), strict=True)
            for child, twin_child in pairs:
                twin_child.translation_key = child.translation_key


@transaction.atomic
def translate(original, twin, locale):
    """Create and publish the translation of `original` into `locale` from `twin`."""
    _align_identifiers(original, twin)
    french, english = _strings(original), _strings(twin)
    if [segment.path for segment in french] != [segment.path for segment in english]:
        raise ValueError(f"{original!r}: the English twin does not have the French shape")
    texts = {
        (source.path, source.string.data): target.string.data
        for source, target in zip(french, english, strict=True)
    }
    source, _ = TranslationSource.get_or_create_from_instance(original)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": texts[(segment.context.path, segment.string.data)]},
        )
    # wagtail-localize defers publishing to the end of the outer transaction, from an object
    # that may be stale by then (its children count, say): save a draft, publish it now.
    has_drafts = isinstance(original, DraftStateMixin)
    translation.save_target(publish=not has_drafts)
    target = translation.get_target_instance()
    if has_drafts:
        target.get_latest_revision().publish()
    return target
