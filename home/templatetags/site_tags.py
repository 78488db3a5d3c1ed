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
