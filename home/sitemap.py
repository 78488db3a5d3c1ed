"""A sitemap of every public page in every language, with hreflang alternates.

Wagtail's own sitemap lists only the default language's tree (wagtail#12420), so this view
walks the tree of each locale and links translations through their translation key."""

from collections import defaultdict

from django.shortcuts import render

from wagtail.models import Page, Site


def public_pages(site):
    """Live, public pages of every language under the site, original content only (the
    aliases that mirror an untranslated page are left out: they are not content of their own)."""
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return (
        pages.live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def sitemap(request):
    site = Site.find_for_request(request)
    entries = []
    by_translation_key = defaultdict(list)
    for page in public_pages(site):
        # Absolute on the host that was asked, like robots.txt and the hreflang links.
        path = page.get_url(request=request)
        if not path:
            continue
        url = request.build_absolute_uri(path)
        entry = {
            "location": url,
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
            "translation_key": page.translation_key,
        }
        entries.append(entry)
        by_translation_key[page.translation_key].append(entry)
    for entry in entries:
        siblings = by_translation_key[entry["translation_key"]]
        entry["alternates"] = siblings if len(siblings) > 1 else []
    return render(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )
