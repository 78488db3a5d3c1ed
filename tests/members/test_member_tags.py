"""`member_tags.Figures` formats numbers, euros and percentages exactly as Django's
`localize()`, humanize's `intcomma` and the `euros` and `percent` filters always have,
in French and in English."""

from decimal import Decimal

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import localize, number_format

import pytest

from members.templatetags.member_tags import MISSING, Figures, rounded

NUMBERS = [0, 7, 2023, 1234567, Decimal("1234567"), Decimal("0.5"), Decimal("12345.678")]
RATES = [None, Decimal("0"), Decimal("0.05855"), Decimal("0.5"), Decimal("1"), 0.123456]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_figures_format_numbers_as_django_does(language):
    with translation.override(language):
        figures = Figures()
        for value in NUMBERS:
            assert figures.number(value) == localize(value)
            assert figures.number(value, force_grouping=True) == intcomma(value)


def euros_as_before(value, decimals=0):
    """The `euros` filter as it was, with Django's `number_format()` at each figure."""
    amount = number_format(
        rounded(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )
    return translation.gettext("%(amount)s €") % {"amount": amount}


def percent_as_before(value):
    rate = number_format(rounded(Decimal(str(value)) * 100, 1), decimal_pos=1, use_l10n=True)
    return translation.gettext("%(rate)s %%") % {"rate": rate}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_figures_format_euros_and_rates_as_the_filters_did(language):
    with translation.override(language):
        figures = Figures()
        assert figures.euros(None) == figures.percent(None) == MISSING
        for value in NUMBERS:
            assert figures.euros(value) == euros_as_before(value)
            assert figures.euros(value, 2) == euros_as_before(value, 2)
        for rate in RATES[1:]:
            assert figures.percent(rate) == percent_as_before(rate)
        template = Template("{% load member_tags %}{{ value|euros:2 }} {{ value|percent }}")
        rendered = template.render(Context({"value": Decimal("0.5")}))
        assert rendered == f"{euros_as_before(Decimal('0.5'), 2)} {percent_as_before(0.5)}"


def test_figures_round_half_up():
    with translation.override("fr"):
        figures = Figures()
        assert figures.percent(Decimal("0.05855")) == "5,9 %"
        assert figures.euros(Decimal("2.345"), 2) == "2,35 €"
        assert figures.euros(Decimal("1234567")) == "1\u00a0234\u00a0567 €"
