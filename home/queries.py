"""Page querysets and expressions shared by the apps: which pages a visitor may see,
computed in SQL rather than in a query of its own."""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def restricted_section():
    """True for a page under a view restriction (on itself or an ancestor), as Wagtail's
    `public()` sees it: by position in the tree."""
    restrictions = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return Exists(restrictions)


def live_public(pages):
    """Live pages under no view restriction, like `pages.live().public()` but in a single
    query: Wagtail's `public()` first loads every restriction in a query of its own."""
    return pages.live().filter(~restricted_section())


def view_restrictions_of(page):
    """The restrictions that apply to a page, as `Page.get_view_restrictions()` finds them
    (those of the page and its ancestors, an alias counting as its source page), in one
    query instead of two."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
    ).distinct()


def view_restricted():
    """True for a page that `view_restrictions_of()` finds restrictions for: the same rule
    as an expression, to ask it of many pages in the query that loads them."""
    restrictions = PageViewRestriction.objects.filter(
        Q(
            page__path=Substr(OuterRef("path"), 1, Length("page__path")),
            page__alias_of__isnull=True,
        )
        | Q(page__aliases__path=Substr(OuterRef("path"), 1, Length("page__aliases__path")))
    )
    return Exists(restrictions)
