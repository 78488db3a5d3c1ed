"""Template tags for the site shell: languages, navigation, breadcrumbs, footer, feeds.
They read `home.chrome`, computed once per request."""

import functools

from django import template
from django.core.signals import setting_changed
from django.templatetags.static import static

from home.chrome import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    return chrome(context["request"], context.get("page"))


@register.simple_tag
def asset(path):
    """The URL of a static file, as `{% static %}` gives it: the hashed names of the
    collected files do not change while a process runs, and `{% static %}` costs ~0.1 ms
    each time (it looks whether staticfiles is installed, then reads the manifest)."""
    return static_url(path)


@functools.lru_cache(maxsize=64)
def static_url(path):
    return static(path)


def forget_static_urls(setting, **kwargs):
    if setting in ("STATIC_URL", "STORAGES"):
        static_url.cache_clear()


setting_changed.connect(forget_static_urls)


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: renders its content where it stands, and
    puts it in `name` for a later part of the template (base.html renders the footer before
    the page's content: on a search page, while PostgreSQL finds the matches)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Escaped as the template engine renders any content: the output is safe HTML.
        context[self.name] = self.nodelist.render(context)
        return ""
