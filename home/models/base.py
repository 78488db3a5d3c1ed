"""The abstract page every page type of the site inherits from."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_urls
from home.queries import view_restricted, view_restrictions_of


def routes_itself(model, path_components):
    """Whether pages of `model` answer this path below them with a route of their own."""
    if not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{slug}/" for slug in path_components))
    except Resolver404:
        return False
    return True


def route_below(start, request, path_components):
    """Find the page of a path below `start` (a page row, specific or not) in two queries
    whatever its depth (Wagtail asks two per URL segment): every page along the path, then
    the specific last one with what it shows (`serve_select_related`) and whether a view
    restriction applies, which Wagtail's serve asks next. A routable page on the way handles
    the rest of the path, as with Wagtail."""
    parent, consumed = start, 0
    model = ContentType.objects.get_for_id(start.content_type_id).model_class()
    if path_components:
        depths = {start.depth + n: slug for n, slug in enumerate(path_components, start=1)}
        candidates = pages_on_path(start.path, list(depths), list(set(path_components)))
        by_parent = {
            (page.path[: -start.steplen], page.slug): page
            for page in candidates
            if depths[page.depth] == page.slug
        }
        for consumed, slug in enumerate(path_components, start=1):
            child = by_parent.get((parent.path, slug))
            if child is None:
                raise Http404
            child._cached_parent_obj = parent
            parent = child
            model = ContentType.objects.get_for_id(child.content_type_id).model_class()
            if consumed < len(path_components) and routes_itself(model, path_components[consumed:]):
                break
    page = serve_queryset(model).get(pk=parent.pk)
    if parent is not start:
        page._cached_parent_obj = parent._cached_parent_obj
    return page.route(request, path_components[consumed:])


def pages_on_path(path_prefix, depths, slugs):
    """Pages below `path_prefix` at one of `depths` with one of `slugs`: the pages a URL may
    walk through. In SQL of its own: the ORM takes longer to build this query than the
    database to run it. Tree paths hold only digits and capital letters, safe in LIKE.
    The columns are named, not `*`: a connection keeps the plan of a statement it runs
    again, and PostgreSQL refuses to run one whose `*` a migration has since widened."""
    table = Page._meta.db_table
    depth_list = ", ".join(["%s"] * len(depths))
    slug_list = ", ".join(["%s"] * len(slugs))
    return Page.objects.raw(
        f"SELECT {page_columns()} FROM {table} WHERE path LIKE %s AND depth IN ({depth_list})"
        f" AND slug IN ({slug_list})",
        [f"{path_prefix}%", *depths, *slugs],
    )


@functools.cache
def page_columns():
    """The columns of Page's own table, as its model knows them."""
    return ", ".join(
        connection.ops.quote_name(field.column) for field in Page._meta.concrete_fields
    )


@functools.cache
def serve_queryset(model):
    """The pages of `model` with what serving one reads (see `route_below`), built once per
    process: building it costs about 1 ms of Python, filtering a copy by pk a tenth of that."""
    pages = model.objects.annotate(has_view_restrictions=view_restricted())
    if issubclass(model, BasePage):
        pages = pages.select_related(*model.serve_select_related).prefetch_related(
            "listing_image__renditions"
        )
    return pages


class BasePage(Page):
    """Adds an introduction and a listing image to every page, and says which fields
    translators translate and which stay in sync with the French original."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Une ou deux phrases, reprises dans les listes et les moteurs de recherche."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de présentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # What the page's template shows of its relations, loaded with the page when it is
    # served; every page may picture its listing image (og:image, with its renditions).
    serve_select_related = ["listing_image", "locale"]

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
        SynchronizedField("listing_image"),
    ]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)

    def get_url_parts(self, request=None):
        # Wagtail's result, without reversing the URL pattern for each link.
        parts = page_urls.url_parts(self.url_path, request or self)
        return parts if parts is not None else super().get_url_parts(request)

    def get_view_restrictions(self):
        if getattr(self, "has_view_restrictions", None) is False:
            return PageViewRestriction.objects.none()
        return view_restrictions_of(self)

    def linked_page_ids(self):
        """Pages chosen in French that the page links to in the active language: the site's
        shell finds their translations with its own (see `home.chrome`)."""
        return []

    def get_meta_description(self):
        return self.search_description or self.intro

    @property
    def listing_image_alt(self):
        # Listing images illustrate the title beside them, so they are decorative.
        return ""
