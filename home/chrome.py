"""The site's shell around every page: language versions, home link, main menu,
breadcrumbs, news feeds and footer. Computed in two queries whatever the page (the site
settings with the footer's text, then every page the shell links to, with the footer's
links), where asking for each part and each link costs two or three queries apiece; kept
in the cache with the page cache's generation, and in the memo of each process (`shared`)."""

import copy
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from home.memo import per_generation, request_generation, site_for_request
from home.models import Footer, FooterLink, SiteSettings
from home.page_urls import url_of
from home.queries import restricted_section, view_restricted

# Sections the shell links to from every page: the news feeds and the practice library.
NEWS_INDEX = "home.NewsIndexPage"
LIBRARY = "knowledge.PracticeLibraryPage"


@dataclass
class Chrome:
    versions: list
    home: Page | None = None
    menu: list = field(default_factory=list)
    breadcrumbs: list = field(default_factory=list)
    news_index: Page | None = None
    library: Page | None = None
    footer_text: str = ""
    footer_links: list = field(default_factory=list)
    legal_pages: dict = field(default_factory=dict)
    # The news index's RSS and Atom feeds ({"rss": url, "atom": url}), when there is one.
    feeds: dict = field(default_factory=dict)
    localized_pages: dict = field(default_factory=dict)
    site_settings: SiteSettings | None = None
    alias_source: Page | None = None

    def for_cache(self):
        """A copy to store: the settings without the request they were read for."""
        stored = copy.copy(self)
        if self.site_settings is not None:
            stored.site_settings = copy.copy(self.site_settings)
            stored.site_settings.__dict__.pop("_request", None)
        return stored

    def attach(self, request, page):
        """What computing the shell leaves on the request and the page, for a stored one
        (its settings a copy of their own, as the request is attached to them)."""
        if self.site_settings is not None:
            self.site_settings = copy.copy(self.site_settings)
            self.site_settings._request = request
            setattr(request, SiteSettings.get_cache_attr_name(), self.site_settings)
        if self.alias_source is not None:
            page.alias_of = self.alias_source


def chrome(request, page):
    """The shell of `page` (None outside Wagtail pages), memoised on the request."""
    page = page if isinstance(page, Page) and page.pk else None
    memo = request.__dict__.setdefault("_site_chrome", {})
    key = page.pk if page else None
    if key not in memo:
        memo[key] = shared(request, page)
    return memo[key]


def shared(request, page):
    """The shell of a page from the cache, computed and stored on a miss. It depends on the
    page, the language, the host and data whose every change starts a new generation of the
    page cache (pages, snippets, settings: home/page_cache.py), so it is stored under that
    generation, for as long as pages are. Searches, which the page cache never serves, are
    rendered without its two queries. Outside Wagtail pages (the site search, errors), one
    shell serves every URL but its language links, which follow the URL. Never for a
    preview, whose page is a draft."""
    # Without the page cache there is no generation.
    preview = getattr(request, "is_preview", False)
    generation = None if preview else request_generation(request)
    if not generation:
        return compute(request, page)
    page_key = page.pk if page else "none"
    key = f"site-chrome:{generation}:{get_language()}:{request.get_host()}:{page_key}"
    # This process's memo first: reading the shell from the cache costs ~0.5 ms.
    shell = per_generation(request, key, lambda: stored(request, page, key))
    shell.attach(request, page)
    if page is None:
        shell.versions = language_versions(request, None, [])
    return shell


def stored(request, page, key):
    """The shell from the cache shared by the processes, computed and stored on a miss."""
    shell = cache.get(key)
    if shell is None:
        shell = compute(request, page).for_cache()
        cache.set(key, shell, settings.PAGE_CACHE_SECONDS)
    return shell


def compute(request, page):
    language = get_language()
    site = site_for_request(request)
    site_settings, footer_id, footer_text = settings_and_footer(request, site, language)
    legal_ids = {
        name: getattr(site_settings, f"{name}_id", None)
        for name in ("accessibility_page", "legal_notice_page", "privacy_page")
    }
    footer_links = FooterLink.objects.filter(footer_id=footer_id)
    page_links = set(getattr(page, "linked_page_ids", list)())
    linked_ids = {pk for pk in legal_ids.values() if pk} | page_links
    keys = [site.root_page.translation_key] if site else []
    paths = []
    if page:
        keys.append(page.translation_key)
        paths = [page.path[:end] for end in range(8, len(page.path), page.steplen)]
    wanted = wanted_pages(footer_links, linked_ids, keys, paths)
    link = footer_links.filter(page_id=OuterRef("pk")).order_by("sort_order", "pk")
    pages = list(
        Page.objects.filter(pk__in=wanted)
        .annotate(
            in_restricted_section=restricted_section(),
            view_restricted=view_restricted(),
            footer_link_id=Subquery(link.values("pk")[:1]),
            footer_order=Subquery(link.values("sort_order")[:1]),
            footer_label=Subquery(link.values("label")[:1]),
        )
        .select_related("locale")
        .order_by("path")
    )
    for row in pages:
        row.link = page_link(row, request)
    by_pk = {row.pk: row for row in pages}
    alias_source = None
    if page and page.alias_of_id in by_pk:
        # The page template names the source of an alias: it is among the translations.
        alias_source = page.alias_of = by_pk[page.alias_of_id]

    def localized(original):
        """Like Wagtail's `page.localized`: the live translation, else the page itself."""
        for row in pages:
            if (
                row.translation_key == original.translation_key
                and row.locale.language_code == language
                and row.live
            ):
                return row
        return original

    def visible(pk):
        """The page chosen in French, in the active language, if visitors may see it."""
        if pk not in by_pk:
            return None
        target = localized(by_pk[pk])
        if not target.live or target.view_restricted:
            return None
        return target

    home = localized(by_pk[site.root_page_id]) if site and site.root_page_id in by_pk else None
    news_index = of_type(pages, page_type(NEWS_INDEX), language)
    return Chrome(
        versions=language_versions(request, page, pages),
        home=home,
        menu=[
            row
            for row in pages
            if home
            and row.depth == 3
            and row.path.startswith(home.path)
            and row.show_in_menus
            and row.live
            and not row.in_restricted_section
        ],
        breadcrumbs=[
            row
            for row in pages
            if page and 1 < row.depth < page.depth and page.path.startswith(row.path) and row.live
        ],
        news_index=news_index,
        feeds=feeds(news_index),
        library=of_type(pages, page_type(LIBRARY), language),
        footer_text=footer_text,
        footer_links=[
            {"page": target, "label": row.footer_label or target.title}
            for row in sorted(
                (row for row in pages if row.footer_link_id is not None),
                # As the database orders them: by sort order, none last, then as created.
                key=lambda row: (
                    row.footer_order is None,
                    row.footer_order or 0,
                    row.footer_link_id,
                ),
            )
            if (target := visible(row.pk))
        ],
        legal_pages={name: visible(pk) for name, pk in legal_ids.items()},
        localized_pages={pk: localized(by_pk[pk]) for pk in page_links if pk in by_pk},
        site_settings=site_settings,
        alias_source=alias_source,
    )


def page_link(page, request):
    """What `{% pageurl page %}` gives, computed once with the shell: the shell's pages are
    plain `Page` rows, for which Wagtail reverses a URL pattern at each link."""
    url = url_of(page.url_path, request)
    return url if url is not None else page.get_url(request=request)


def feeds(news_index):
    """The URLs of the news feeds, as `{% routablepageurl news_index "rss" %}` gives them."""
    if news_index is None or news_index.link is None:
        return {}
    routable = news_index.specific_deferred
    base = news_index.link if news_index.link.endswith("/") else news_index.link + "/"
    return {name: base + routable.reverse_subpage(name) for name in ("rss", "atom")}


def settings_and_footer(request, site, language):
    """The site settings, with the id and text of the footer of the language: one query.
    The settings are kept on the request, where Wagtail's `settings` context looks."""
    footer = Footer.objects.filter(locale__language_code=language).order_by("pk")
    if site is None:
        row = footer.values_list("pk", "text").first()
        return None, *(row or (None, ""))
    site_settings = (
        SiteSettings.objects.filter(site=site)
        .annotate(
            footer_id=Subquery(footer.values("pk")[:1]),
            footer_text=Subquery(footer.values("text")[:1]),
        )
        .first()
    )
    if site_settings is None:
        site_settings = SiteSettings.for_site(site)
        site_settings.footer_id, site_settings.footer_text = footer.values_list(
            "pk", "text"
        ).first() or (None, "")
    site_settings._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
    return site_settings, site_settings.footer_id, site_settings.footer_text or ""


def wanted_pages(footer_links, linked_ids, keys, paths):
    """The ids of every page the shell may show: the translations of the pages the footer,
    the legal links and the page link to, and of the site's root and the page; the menu;
    the news index and the library; the page's ancestors. A union of parts that each read
    an index, where one condition ORing them reads the whole tree."""
    ids = Page.objects.order_by().values("pk")
    keys_of = Page.objects.order_by().values("translation_key")
    parts = [
        ids.filter(translation_key__in=keys_of.filter(pk__in=footer_links.values("page_id"))),
        # Indexed by home/migrations/0004.
        ids.filter(depth=3, show_in_menus=True),
        ids.filter(content_type__in=[page_type(NEWS_INDEX), page_type(LIBRARY)]),
    ]
    if linked_ids:
        parts.append(ids.filter(translation_key__in=keys_of.filter(pk__in=linked_ids)))
    if keys:
        parts.append(ids.filter(translation_key__in=keys))
    if paths:
        parts.append(ids.filter(path__in=paths))
    return parts[0].union(*parts[1:])


def of_type(pages, content_type, language):
    """The live page of this type in the active language, if any."""
    return next(
        (
            row
            for row in pages
            if row.content_type_id == content_type.pk
            and row.locale.language_code == language
            and row.live
        ),
        None,
    )


def page_type(name):
    """The content type of the page model named "app_label.Model" (cached by Django)."""
    return ContentType.objects.get_for_model(apps.get_model(name))


def language_versions(request, page, pages):
    """One entry per language: where the current page lives in it, or None if it is not
    translated there yet (an alias mirroring the French page is not a translation)."""
    if page:
        translations = {
            row.locale.language_code: row
            for row in pages
            if row.translation_key == page.translation_key
            and row.live
            and not row.in_restricted_section
            and row.alias_of_id is None
        }
        urls = {code: row.get_url(request=request) for code, row in translations.items()}
    else:
        urls = {
            code: translate_url(request.get_full_path(), code) for code, _ in settings.LANGUAGES
        }
    current = get_language()
    return [
        {"code": code, "name": name, "url": urls.get(code), "is_current": code == current}
        for code, name in settings.LANGUAGES
    ]
