"""Formatting of member figures: euros, percentages and région names."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

MISSING = "—"


def rounded(value, decimals):
    """The value rounded half up: Django's number_format truncates the extra decimals
    (5.86 % would show as 5.8 %)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@register.filter
def euros(value, decimals=0):
    if value is None:
        return MISSING
    decimals = int(decimals)
    amount = number_format(
        rounded(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )
    return _("%(amount)s €") % {"amount": amount}


@register.filter
def percent(value):
    if value is None:
        return MISSING
    return _("%(rate)s %%") % {
        "rate": number_format(rounded(Decimal(str(value)) * 100, 1), decimal_pos=1, use_l10n=True)
    }


@register.filter
def region_label(code):
    from members.referential import region_name

    return region_name(code) or code
