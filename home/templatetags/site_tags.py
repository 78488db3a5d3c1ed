"""Template tags for the site shell: languages, navigation, breadcrumbs, footer, feeds.
They read `home.chrome`, computed once per request."""

from django import template

from home.chrome import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    return chrome(context["request"], context.get("page"))
