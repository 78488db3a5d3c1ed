"""Pre-generate, for every image, the renditions that the templates ask for, so that the
first visitors after an import do not wait for them (AVIF is slow to encode)."""

from django.core.management.base import BaseCommand

from wagtail.images import get_image_model
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode

from cms.warmup import project_templates

PROGRESS_EVERY = 10


def template_filters():
    """{spec: Filter} of every image, srcset_image and picture tag of the project's
    templates (TEMPLATES' DIRS), read from the compiled templates themselves."""
    filters = {}
    for template in project_templates():
        for node in template.nodelist.get_nodes_by_type(ImageNode):
            if isinstance(node, SrcsetImageNode):
                node_filters = node.get_filters()
            else:
                node_filters = [node.get_filter()]
            filters.update((image_filter.spec, image_filter) for image_filter in node_filters)
    return dict(sorted(filters.items()))


class Command(BaseCommand):
    help = (
        "Generate the renditions that the templates use for every image (idempotent: existing "
        "renditions are kept). Run it after an import."
    )

    def handle(self, *args, **options):
        filters = template_filters()
        self.stdout.write(f"{len(filters)} filter specs in the templates: {', '.join(filters)}")
        images = get_image_model().objects.order_by("pk")
        total = images.count()
        created = existing = 0
        failed = []
        for number, image in enumerate(images.iterator(), start=1):
            before = image.renditions.count()
            try:
                image.get_renditions(*filters.values())
            except OSError as error:  # a missing or unreadable file
                failed.append(f"{image.pk} ({image.title}): {error}")
            after = image.renditions.count()
            created += after - before
            existing += before
            if number % PROGRESS_EVERY == 0 or number == total:
                self.stdout.write(f"  … {number}/{total} images, {created} renditions created")
        for failure in failed:
            self.stderr.write(f"Image {failure}")
        summary = (
            f"{total} images: {created} renditions created, {existing} already there, "
            f"{len(failed)} images failed."
        )
        self.stdout.write(self.style.WARNING(summary) if failed else self.style.SUCCESS(summary))
