"""Wagtail's image tags (`{% image %}`, `{% srcset_image %}`, `{% picture %}` and the rest
of `wagtailimages_tags`), with their filter specs parsed once per template instead of at
each render, and the HTML they write kept in the renditions cache.

Wagtail's nodes build new `Filter` objects at each render, and each parses its spec again
(the registered operations, then every operation): ~30 µs a rendition, 2–3 ms for the ten
news cards of a listing, each in three formats and two sizes. A `Filter` holds only its
spec and its parsed operations, so one per node serves every render. The output is
Wagtail's own (tests/home/test_site_images.py).

Writing a picture's HTML then costs ~40 µs a rendition (each URL joined, each attribute
escaped): 4 ms for the ten cards of a news listing. It depends only on the image (its
file, focal point and default alternative text), the filters and the attributes, which make
its key, as Wagtail keys the renditions it keeps in the same cache."""

import hashlib
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


class HtmlKept:
    """Keeps the HTML the tag writes (not the renditions of `{% image … as name %}`). A
    missing image file's placeholder is not kept, so that the file shows once restored."""

    def render(self, context):
        image = self.validate_image(context)
        if not image or self.output_var_name:
            return super().render(context)
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        key = html_key(type(self).__name__, image, self.filter_specs, attrs)
        # Where Wagtail keeps renditions: the "renditions" cache, or the default one.
        cache = image.get_rendition_model().cache_backend
        html = cache.get(key)
        if html is None:
            html = super().render(context)
            if NOT_FOUND not in html:
                cache.set(key, html)
        return html


# The file name of Wagtail's placeholder rendition when an image's file is missing.
NOT_FOUND = "not-found"


def html_key(tag, image, filter_specs, attrs):
    vary = (
        tag,
        image.pk,
        image.file.name,
        image.file_hash,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        image.default_alt_text,
        filter_specs,
        # The type too: a safe string is not escaped again.
        sorted((name, type(value).__name__, str(value)) for name, value in attrs.items()),
    )
    return "image-html:" + hashlib.md5(repr(vary).encode()).hexdigest()


# Wagtail's node class → the same with its filters parsed once and its HTML kept.
PARSED_ONCE = {
    node: type(node.__name__, (HtmlKept, FiltersParsedOnce, node), {})
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
