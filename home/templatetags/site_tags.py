"""Template tags for the site shell: languages, navigation, breadcrumbs, footer, feeds."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from home.models import Footer, NewsIndexPage

register = template.Library()


def _cached(request, key, compute):
    """Memoise per request: the header and footer ask for the same objects more than once."""
    cache = request.__dict__.setdefault("_site_tags_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def language_name(code):
    return dict(settings.LANGUAGES)[code]


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: where the current page lives in it, or None if it is not
    translated there yet (an alias mirroring the French page is not a translation)."""
    request = context["request"]
    page = context.get("page")
    current = get_language()

    def compute():
        if isinstance(page, Page) and page.pk:
            original = page.alias_of if page.alias_of_id else page
            translations = {
                translation.locale.language_code: translation
                for translation in original.get_translations(inclusive=True)
                .live()
                .public()
                .filter(alias_of__isnull=True)
                .select_related("locale")
            }
            urls = {
                code: translation.get_url(request=request)
                for code, translation in translations.items()
            }
        else:
            urls = {
                code: translate_url(request.get_full_path(), code) for code, _ in settings.LANGUAGES
            }
        return [
            {
                "code": code,
                "name": name,
                "url": urls.get(code),
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]

    return _cached(request, "language_versions", compute)


def site_root(request):
    """The home page of the active language."""

    def compute():
        site = Site.find_for_request(request)
        return site.root_page.localized.specific if site else None

    return _cached(request, "site_root", compute)


@register.simple_tag(takes_context=True)
def home_page(context):
    return site_root(context["request"])


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context["request"]
    root = site_root(request)
    if root is None:
        return []
    return _cached(
        request, "main_menu", lambda: list(root.get_children().live().public().in_menu())
    )


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))


@register.simple_tag(takes_context=True)
def footer(context):
    def compute():
        return (
            Footer.objects.filter(locale__language_code=get_language())
            .prefetch_related("links__page")
            .first()
        )

    return _cached(context["request"], "footer", compute)


@register.simple_tag(takes_context=True)
def news_index(context):
    def compute():
        return NewsIndexPage.objects.live().filter(locale=Locale.get_active()).first()

    return _cached(context["request"], "news_index", compute)


@register.filter
def localized_page(page):
    """The translation in the active language of a page chosen in French, or None when the
    page is not live and public (a link to a draft would leak its title and lead to a 404)."""
    if page is None:
        return None
    page = page.localized
    if not page.live or page.get_view_restrictions().exists():
        return None
    return page
