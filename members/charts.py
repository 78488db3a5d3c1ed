"""Server-rendered bar charts of a member's participatory budget editions, year by year.

`bar_chart()` does all the arithmetic and formatting in Python and returns the context of
`templates/components/edition_chart.html`: an inline SVG (no JavaScript, no CSS needed)
labelled by a title and a one-sentence summary, followed by the same data as a table.

Formatting follows the language active when `bar_chart()` is called, so call it while the
visitor's language is active (as it is in a view or a page's `get_context()`).
"""

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# The site's palette (static/css/site.css). INK and INK_SOFT are used for text and pass
# WCAG AA (4.5:1) on white and on the paper background; ACCENT fills the bars (3:1 is
# needed for graphics, it reaches 5.6:1); GRID only draws decorative gridlines.
INK = "#1b2a4a"
INK_SOFT = "#3a4868"
ACCENT = "#b3420f"
GRID = "#d9d2c3"

FONT_SIZE = 12
# A generous estimate of a glyph's width in viewBox units, to leave room for tick labels.
CHAR_WIDTH = 0.62 * FONT_SIZE
MARGIN_TOP = 12
MARGIN_RIGHT = 12
MARGIN_BOTTOM = 30
TICK_LABEL_GAP = 8
MAX_BAR_WIDTH = 64
BAR_RATIO = 0.6  # share of its slot a bar takes
MIN_YEAR_LABEL_SPACING = 36  # below this, only every other (third...) year is labelled

# Tick steps are one of these factors times a power of ten, with a penalty for the less
# round ones. Consecutive factors are at most 1.5 apart, so a step giving 4 or 5 intervals
# up to the maximum always exists.
NICE_FACTORS = {
    Decimal("1"): 1.0,
    Decimal("2"): 1.0,
    Decimal("5"): 1.0,
    Decimal("2.5"): 1.05,
    Decimal("1.5"): 1.1,
    Decimal("3"): 1.1,
    Decimal("4"): 1.1,
    Decimal("7.5"): 1.1,
}
INTERVALS = (4, 5)

CHART_ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: float | int | None  # None = no data that year (draw a gap, not zero)


def nice_ticks(maximum: float) -> list[Decimal]:
    """Tick values from 0 to the smallest round number covering `maximum`, 4 or 5 steps.

    The step is 1, 1.5, 2, 2.5, 3, 4, 5 or 7.5 times a power of ten, the roundest and
    tightest fit winning; the last tick is at least `maximum` and less than one step above.
    """
    if not maximum or maximum <= 0:
        return [Decimal(i) for i in range(5)]
    top_value = Decimal(repr(float(maximum)))
    exponent = math.floor(math.log10(maximum))
    best = None
    for power in range(exponent - 2, exponent + 2):
        for factor, penalty in NICE_FACTORS.items():
            step = factor.scaleb(power)
            intervals = math.ceil(top_value / step)
            if intervals not in INTERVALS:
                continue
            score = float(intervals * step / top_value) * penalty
            if best is None or score < best[0]:
                best = (score, step, intervals)
    _score, step, intervals = best
    return [(step * i).normalize() for i in range(intervals + 1)]


def _decimals(value: Decimal) -> int:
    return max(0, -value.normalize().as_tuple().exponent)


def _with_unit(number: str, unit: str) -> str:
    return f"{number}\u00a0{unit}" if unit else number


def format_number(value: Decimal | float | int) -> str:
    """Grouped thousands in the active language; up to 2 decimals below 10, none above."""
    value = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    quantum = Decimal("0.01") if abs(value) < 10 else Decimal("1")
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return number_format(
        rounded, decimal_pos=_decimals(rounded), use_l10n=True, force_grouping=True
    )


def _format_tick(value: Decimal) -> str:
    # Ticks are exact round numbers: shown as they are, never rounded to an integer.
    return number_format(value, decimal_pos=_decimals(value), use_l10n=True, force_grouping=True)


def _clean(value) -> float | None:
    """None for missing or non-finite values, 0 for negative ones (which should not exist)."""
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    return max(value, 0.0)


def _coord(value: float) -> float:
    return round(value, 2)


def _summary(labelled: list[tuple[int, str]]) -> str:
    """One sentence from the (year, formatted value) pairs of the years with data."""
    (first_year, first_label), (last_year, last_label) = labelled[0], labelled[-1]
    if first_year == last_year:
        return _("En %(year)s : %(value)s.") % {"year": first_year, "value": first_label}
    return _("De %(first_year)s à %(last_year)s, de %(first_value)s à %(last_value)s.") % {
        "first_year": first_year,
        "last_year": last_year,
        "first_value": first_label,
        "last_value": last_label,
    }


def bar_chart(
    points: list[ChartPoint],
    *,
    title: str,
    value_label: str,
    unit: str = "",
    width: int = 640,
    height: int = 280,
    chart_id: str,
) -> dict:
    """Context of components/edition_chart.html for one bar per point, in year order.

    Only the years given are drawn: pass a point with `value=None` for a year without data,
    which leaves a marked gap in the chart and a "—" in the table. `chart_id` must be unique
    in the page: every id of the chart derives from it. Raises ValueError for an invalid
    `chart_id`, two points of the same year or a size leaving no room to draw.
    """
    if not CHART_ID_PATTERN.match(chart_id or ""):
        raise ValueError(f"chart_id must be a valid HTML id without spaces: {chart_id!r}")
    points = sorted(points, key=lambda point: point.year)
    years = [point.year for point in points]
    if len(set(years)) != len(years):
        raise ValueError(f"Several points for the same year: {years}")
    values = [_clean(point.value) for point in points]
    data = [
        (point.year, value)
        for point, value in zip(points, values, strict=True)
        if value is not None
    ]
    # Each value formatted once, for the table, the bars and the summary.
    labels = [None if value is None else _with_unit(format_number(value), unit) for value in values]

    chart = {
        "chart_id": chart_id,
        "title_id": f"{chart_id}-title",
        "desc_id": f"{chart_id}-desc",
        "title": title,
        "value_label": value_label,
        "unit": unit,
        "empty": not data,
        "rows": [
            {
                "year": str(point.year),
                "value": label,
                "missing": value is None,
            }
            for point, value, label in zip(points, values, labels, strict=True)
        ],
    }
    if not data:
        return chart

    maximum = max(value for _year, value in data)
    ticks = nice_ticks(maximum)
    top = float(ticks[-1])
    tick_labels = [_with_unit(_format_tick(tick), unit) for tick in ticks]

    left = math.ceil(max(len(label) for label in tick_labels) * CHAR_WIDTH) + TICK_LABEL_GAP * 2
    right = width - MARGIN_RIGHT
    bottom = height - MARGIN_BOTTOM
    plot_width, plot_height = right - left, bottom - MARGIN_TOP
    if plot_width <= 0 or plot_height <= 0:
        raise ValueError(f"A {width}×{height} chart leaves no room to draw the bars.")

    def y_of(value: float) -> float:
        return bottom - value / top * plot_height

    slot = plot_width / len(points)
    bar_width = min(slot * BAR_RATIO, MAX_BAR_WIDTH)
    label_every = math.ceil(MIN_YEAR_LABEL_SPACING / slot)
    bars, gaps, x_labels = [], [], []
    for index, (point, value) in enumerate(zip(points, values, strict=True)):
        centre = left + slot * (index + 0.5)
        if value is None:
            gaps.append(
                {
                    "year": point.year,
                    "x": _coord(centre),
                    "y": _coord(bottom - 6),
                    "label": _("%(year)s : %(value)s")
                    % {"year": point.year, "value": _("non renseigné")},
                }
            )
        else:
            bar_height = value / top * plot_height
            formatted = labels[index]
            bars.append(
                {
                    "year": point.year,
                    "value": formatted,
                    "x": _coord(centre - bar_width / 2),
                    "y": _coord(bottom - bar_height),
                    "width": _coord(bar_width),
                    "height": _coord(bar_height),
                    "label": _("%(year)s : %(value)s") % {"year": point.year, "value": formatted},
                }
            )
        if index % label_every == 0:
            x_labels.append(
                {"text": str(point.year), "x": _coord(centre), "y": _coord(bottom + 20)}
            )

    chart.update(
        {
            "desc": _summary(
                [
                    (point.year, label)
                    for point, label in zip(points, labels, strict=True)
                    if label is not None
                ]
            ),
            "width": width,
            "height": height,
            "view_box": f"0 0 {width} {height}",
            "font_size": FONT_SIZE,
            "colors": {"ink": INK, "ink_soft": INK_SOFT, "accent": ACCENT, "grid": GRID},
            "max_value": maximum,
            "ticks": [
                {
                    "value": tick,
                    "label": label,
                    "y": _coord(y_of(float(tick))),
                    "label_x": left - TICK_LABEL_GAP,
                }
                for tick, label in zip(ticks, tick_labels, strict=True)
            ],
            "plot": {"left": left, "right": right, "top": MARGIN_TOP, "bottom": bottom},
            "bars": bars,
            "gaps": gaps,
            "x_labels": x_labels,
        }
    )
    return chart
