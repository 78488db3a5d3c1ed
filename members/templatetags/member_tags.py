"""Formatting of member figures: euros, percentages and région names."""

from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django import template
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

register = template.Library()

MISSING = "—"


def rounded(value, decimals):
    """The value rounded half up: Django's number_format truncates the extra decimals
    (5.86 % would show as 5.8 %)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


class Figures:
    """Numbers, euros and percentages in the language active when it is made. Its
    separators and phrases are read once: Django's `number_format()` looks the language
    and its three formats up again for every number, most of the cost of a figure. Make
    one per request (or per table) for many figures."""

    def __init__(self):
        self.decimal_separator = get_format("DECIMAL_SEPARATOR")
        self.thousand_separator = get_format("THOUSAND_SEPARATOR")
        self.grouping = get_format("NUMBER_GROUPING")

    @cached_property
    def euros_phrase(self):
        return _("%(amount)s €")

    @cached_property
    def percent_phrase(self):
        return _("%(rate)s %%")

    def number(self, value, decimals=None, force_grouping=False):
        """`number_format(value, decimals, use_l10n=True, force_grouping)`: `localize()`
        of an integer without `force_grouping`, humanize's `intcomma` with it."""
        return numberformat.format(
            value,
            self.decimal_separator,
            decimals,
            self.grouping,
            self.thousand_separator,
            force_grouping=force_grouping,
            use_l10n=True,
        )

    def euros(self, value, decimals=0):
        if value is None:
            return MISSING
        amount = self.number(rounded(value, decimals), decimals, force_grouping=True)
        return self.euros_phrase % {"amount": amount}

    def percent(self, value):
        if value is None:
            return MISSING
        return self.percent_phrase % {"rate": self.number(rounded(Decimal(str(value)) * 100, 1), 1)}


@register.filter
def euros(value, decimals=0):
    return Figures().euros(value, int(decimals))


@register.filter
def percent(value):
    return Figures().percent(value)


@register.filter
def region_label(code):
    from members.referential import region_name

    return region_name(code) or code
