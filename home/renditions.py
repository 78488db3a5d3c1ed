"""Prefetch an image's renditions for what a template shows, not all of them.

An image used across the site has renditions for every template that shows it (cards,
a news page's sizes, the social image, figures), in three formats: thirty or more. A
listing that prefetches all of them builds a model for each, ~10 µs apiece, to use six.
The filter specs are read from the templates' own image tags, so that they cannot drift
apart: Wagtail takes a prefetched image's renditions as all that exist, and would create
again any that the prefetch left out."""

import functools

from django.db.models import Prefetch
from django.template.loader import get_template

from wagtail.images import get_image_model
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode


@functools.cache
def filter_specs_of(*template_names):
    """The filter specs of every image tag in these templates, not counting the templates
    they include or extend."""
    specs = set()
    for name in template_names:
        for node in get_template(name).template.nodelist.get_nodes_by_type(ImageNode):
            filters = (
                node.get_filters() if isinstance(node, SrcsetImageNode) else [node.get_filter()]
            )
            specs.update(each.spec for each in filters)
    return tuple(sorted(specs))


def renditions_for(lookup, *template_names):
    """A prefetch of the renditions at `lookup` that these templates' image tags show."""
    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(lookup, renditions.filter(filter_spec__in=filter_specs_of(*template_names)))
