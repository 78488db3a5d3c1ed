"""Page querysets of the knowledge base."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def live_public(pages):
    """Live pages under no view restriction, like `pages.live().public()` but in a single
    query: Wagtail's `public()` first loads every restriction in a query of its own."""
    restrictions = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return pages.live().filter(~Exists(restrictions))
