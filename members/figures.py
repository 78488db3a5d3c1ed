"""Figures computed from the members' data: one implementation for the directory totals,
the home page's key figures and the open data."""

from django.db.models import Count, F, FloatField, Min, OuterRef, Subquery, Sum
from django.db.models.functions import Cast, NullIf


def with_figures(member_pages):
    """Annotate member pages with their latest budget, first year and € per inhabitant."""
    from members.models import Edition

    latest = Edition.objects.filter(page=OuterRef("pk")).order_by("-year")
    return member_pages.annotate(
        latest_amount=Subquery(latest.values("amount")[:1]),
        latest_year=Subquery(latest.values("year")[:1]),
        first_year=Min("editions__year"),
    ).annotate(
        # A float division: SQLite would divide integers as integers. No population gives
        # no figure: PostgreSQL refuses a division by zero (real communes have 0 inhabitants).
        amount_per_inhabitant=Cast("latest_amount", FloatField())
        / NullIf(F("authority__population"), 0)
    )


def totals(member_pages, with_budgets=True):
    """Members, population covered and (unless not needed) the sum of each member's latest
    budget."""
    figures = member_pages.aggregate(members=Count("pk"), population=Sum("authority__population"))
    figures["population"] = figures["population"] or 0
    if with_budgets:
        latest = with_figures(member_pages).values_list("latest_amount", flat=True)
        figures["latest_budgets"] = sum(amount or 0 for amount in latest)
    return figures
