"""Key figures of the network, computed from the data and never typed by hand.

Each app that holds figures registers a `register_key_figures` hook: a function taking a
locale id and returning a dict with some of the keys of `KEY_FIGURES`. Its values are
numbers, or SQL expressions (`count()` and `total()` below) so that every figure comes from
a single query. A figure no app provides yet counts zero."""

from django.db.models import F, Func, IntegerField, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Locale

KEY_FIGURES = {
    "members": _("collectivités membres"),
    "population": _("habitants couverts"),
    "practice_sheets": _("fiches pratiques partagées"),
}


def aggregate(queryset, function, field):
    # A plain function rather than an aggregate, so that the subquery has no GROUP BY and
    # gives one row, even for no rows at all.
    value = Func(F(field), function=function, output_field=IntegerField())
    return Coalesce(Subquery(queryset.order_by().values(value=value)), 0)


def count(queryset):
    return aggregate(queryset, "COUNT", "pk")


def total(queryset, field):
    return aggregate(queryset, "SUM", field)


def get_key_figures(locale_id):
    values = dict.fromkeys(KEY_FIGURES, 0)
    for provide in hooks.get_hooks("register_key_figures"):
        values.update(provide(locale_id))
    expressions = {
        key: value for key, value in values.items() if hasattr(value, "resolve_expression")
    }
    if expressions:
        values.update(Locale.objects.filter(pk=locale_id).values(**expressions).get())
    return [
        {"key": key, "label": label, "value": values[key]} for key, label in KEY_FIGURES.items()
    ]
