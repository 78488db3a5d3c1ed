"""Figures computed from the members' data: one implementation for the directory and the
open data (the home page's key figures count the same members in SQL, see
`members/wagtail_hooks.py`)."""

from django.db.models import F, FloatField, OuterRef, Subquery
from django.db.models.functions import Cast, NullIf


def with_figures(member_pages):
    """Annotate member pages with their latest budget, first year and € per inhabitant."""
    from members.models import Edition

    editions = Edition.objects.filter(page=OuterRef("pk"))
    latest = editions.order_by("-year")
    return member_pages.annotate(
        latest_amount=Subquery(latest.values("amount")[:1]),
        latest_year=Subquery(latest.values("year")[:1]),
        # A subquery rather than MIN() over joined editions: no GROUP BY of every column
        # of the pages (a sort of wide rows), and nothing at all when it is not selected.
        first_year=Subquery(editions.order_by("year").values("year")[:1]),
    ).annotate(
        # A float division: SQLite would divide integers as integers. No population gives
        # no figure: PostgreSQL refuses a division by zero (real communes have 0 inhabitants).
        amount_per_inhabitant=Cast("latest_amount", FloatField())
        / NullIf(F("authority__population"), 0)
    )


def member_rows(member_pages):
    """Per member: its région, first year, population and latest budget, in one query."""
    return list(
        with_figures(member_pages).values_list(
            "authority__region", "first_year", "authority__population", "latest_amount", named=True
        )
    )


def totals(rows):
    """Members, population covered and the sum of each member's latest budget, from the
    rows of `member_rows()`."""
    return {
        "members": len(rows),
        "population": sum(row.authority__population or 0 for row in rows),
        "latest_budgets": sum(row.latest_amount or 0 for row in rows),
    }
