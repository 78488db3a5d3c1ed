"""Wagtail's image tags (`{% image %}`, `{% srcset_image %}`, `{% picture %}` and the rest
of `wagtailimages_tags`), with their filter specs parsed once per template instead of at
each render.

Wagtail's nodes build new `Filter` objects at each render, and each parses its spec again
(the registered operations, then every operation): ~30 µs a rendition, 2–3 ms for the ten
news cards of a listing, each in three formats and two sizes. A `Filter` holds only its
spec and its parsed operations, so one per node serves every render. The output is
Wagtail's own (tests/home/test_site_images.py)."""

from functools import cached_property

from django import template

from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()
register.tags.update(wagtail_tags.register.tags)
register.filters.update(wagtail_tags.register.filters)


class FiltersParsedOnce:
    """Keeps the `Filter` objects that Wagtail's node builds the first time it renders."""

    @cached_property
    def parsed_filter(self):
        return super().get_filter()

    @cached_property
    def parsed_filters(self):
        return super().get_filters()

    def get_filter(self):
        return self.parsed_filter

    def get_filters(self):
        return self.parsed_filters


# Wagtail's node class → the same with its filters parsed once.
PARSED_ONCE = {
    node: type(node.__name__, (FiltersParsedOnce, node), {})
    for node in (wagtail_tags.ImageNode, wagtail_tags.SrcsetImageNode, wagtail_tags.PictureNode)
}


@register.tag("image")
@register.tag("srcset_image")
@register.tag("picture")
def image(parser, token):
    node = wagtail_tags.image(parser, token)
    return PARSED_ONCE[type(node)](
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
