"""Formatting of member figures: euros, percentages and région names."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

MISSING = "—"


@register.filter
def euros(value, decimals=0):
    if value is None:
        return MISSING
    amount = number_format(value, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)
    return _("%(amount)s €") % {"amount": amount}


@register.filter
def percent(value):
    if value is None:
        return MISSING
    return _("%(rate)s %%") % {"rate": number_format(value * 100, decimal_pos=1, use_l10n=True)}


@register.filter
def region_label(code):
    from members.referential import region_name

    return region_name(code) or code
