"""The editions chart: an SVG drawn on the server, proportional bars on round ticks, gaps for
the years without data, numbers in the visitor's language, and the same data as a table.
The HTML is checked as it is rendered: well formed, unique ids, readable colours."""

import re
from decimal import Decimal
from itertools import pairwise

from django.template.loader import render_to_string
from django.utils import translation

import pytest
from lxml import etree
from lxml import html as lxml_html

from members.charts import ChartPoint, bar_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
NICE_FACTORS = {Decimal(f) for f in ("1", "1.5", "2", "2.5", "3", "4", "5", "7.5")}
# Django's French format uses a no-break space; a narrow one would be as correct.
FRENCH_SEPARATORS = ("\u00a0", "\u202f")

AMOUNTS = [
    ChartPoint(2019, 1_000_000),
    ChartPoint(2020, 1_500_000),
    ChartPoint(2021, None),
    ChartPoint(2022, 2_000_000),
    ChartPoint(2024, 2_500_000),
]


def amounts_chart(points=AMOUNTS, chart_id="budget", **kwargs):
    options = {"title": "Montant alloué", "value_label": "Montant (€)", "unit": "€"}
    return bar_chart(points, chart_id=chart_id, **(options | kwargs))


def render(chart):
    return render_to_string("components/edition_chart.html", {"chart": chart})


def svg_root(rendered):
    """The inline SVG, parsed as the strict XML it must be."""
    match = re.search(r"<svg\b.*?</svg>", rendered, re.DOTALL)
    assert match, "no <svg> in the rendering"
    return etree.fromstring(match.group(0))


def parse_html(rendered):
    """The fragment parsed by lxml's HTML parser, failing on any error it reports."""
    parser = lxml_html.HTMLParser()
    wrapper = lxml_html.fragment_fromstring(rendered, parser=parser, create_parent="div")
    errors = [f"{error.line}:{error.column} {error.message}" for error in parser.error_log]
    assert errors == []
    return wrapper


def table_cells(rendered):
    """[(year, value text)] of the data table, the text pieces of a value joined by a space."""
    rows = parse_html(rendered).xpath("//table/tbody/tr")
    return [
        (row.xpath("string(th)"), " ".join(text.strip() for text in row.find("td").itertext()))
        for row in rows
    ]


def rects(root):
    return root.iter(f"{SVG}rect")


def bar_years(root):
    return [rect.findtext(f"{SVG}title").split(" ")[0] for rect in rects(root)]


# -- Geometry ---------------------------------------------------------------------------


def test_bar_heights_are_proportional_to_values():
    chart = amounts_chart()
    values = {point.year: point.value for point in AMOUNTS if point.value is not None}
    ratios = {bar["year"]: bar["height"] / values[bar["year"]] for bar in chart["bars"]}
    assert len(ratios) == 4
    assert max(ratios.values()) == pytest.approx(min(ratios.values()), rel=1e-3)
    # Every bar stands on the x axis.
    for bar in chart["bars"]:
        assert bar["y"] + bar["height"] == pytest.approx(chart["plot"]["bottom"], abs=0.01)


def test_rendered_rects_carry_the_computed_geometry():
    chart = amounts_chart()
    with translation.override("fr"):
        root = svg_root(render(chart))
    drawn = [
        tuple(float(rect.get(name)) for name in ("x", "y", "width", "height"))
        for rect in rects(root)
    ]
    assert drawn == [(bar["x"], bar["y"], bar["width"], bar["height"]) for bar in chart["bars"]]


@pytest.mark.parametrize(
    "maximum", [0.5, 3.5, 7, 11, 999, 1_000_000, 1_000_001, 2_600_000, 100_000_000]
)
def test_the_tallest_bar_reaches_the_top_tick_area(maximum):
    chart = amounts_chart([ChartPoint(2023, maximum / 3), ChartPoint(2024, maximum)])
    tallest = min(bar["y"] for bar in chart["bars"])
    top_tick, tick_below = chart["ticks"][-1]["y"], chart["ticks"][-2]["y"]
    # Between the last tick and the one below (coordinates are rounded to 0.01): at least
    # as high as the second-to-last gridline, never above the plot.
    assert top_tick <= tallest <= tick_below
    assert top_tick == chart["plot"]["top"]


@pytest.mark.parametrize(
    "maximum",
    [0.03, 0.5, 1, 3.5, 4.6, 7, 10, 11, 99, 1_000, 1_100_000, 2_600_000, 123_456_789, 1e8],
)
def test_ticks_are_round_numbers_from_zero_covering_the_maximum(maximum):
    ticks = nice_ticks(maximum)
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0
    assert 5 <= len(ticks) <= 6, "0 and 4 or 5 ticks above it"
    assert [ticks[i + 1] - ticks[i] for i in range(len(ticks) - 1)] == [step] * (len(ticks) - 1)
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in NICE_FACTORS
    assert ticks[-1] >= Decimal(repr(maximum)) > ticks[-2]


@pytest.mark.parametrize(
    "maximum, expected",
    [
        (7, ["0", "2", "4", "6", "8"]),
        (1_000_000, ["0", "200000", "400000", "600000", "800000", "1000000"]),
        (2_600_000, ["0", "750000", "1500000", "2250000", "3000000"]),
        (0.5, ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]),
    ],
)
def test_ticks_prefer_the_roundest_step(maximum, expected):
    assert [f"{tick:f}" for tick in nice_ticks(maximum)] == expected


def test_tick_labels_are_drawn_at_their_height():
    chart = amounts_chart()
    with translation.override("fr"):
        root = svg_root(render(chart))
    labels = {
        text.text: float(text.get("y"))
        for text in root.iter(f"{SVG}text")
        if text.getparent().get("text-anchor") == "end"
    }
    assert labels == {tick["label"]: tick["y"] for tick in chart["ticks"]}
    assert labels["0\u00a0€"] == chart["plot"]["bottom"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_coordinates_are_never_localised(language):
    """A French decimal comma in an attribute would break the drawing."""
    with translation.override(language):
        root = svg_root(render(amounts_chart([ChartPoint(2023, 1.5), ChartPoint(2024, 0.75)])))
    numbers = [
        value
        for element in root.iter()
        for name, value in element.attrib.items()
        if name in {"x", "y", "x1", "y1", "x2", "y2", "width", "height"} and value != "100%"
    ]
    assert numbers
    for value in numbers:
        float(value)
    assert all(float(part) >= 0 for part in root.get("viewBox").split(" "))


# -- Missing, empty, odd data -----------------------------------------------------------


def test_a_year_without_data_is_a_gap_not_a_zero():
    chart = amounts_chart()
    with translation.override("fr"):
        rendered = render(chart)
    root = svg_root(rendered)
    assert "2021" not in bar_years(root)
    assert [gap["year"] for gap in chart["gaps"]] == [2021]
    gap_titles = [title.text for title in root.iter(f"{SVG}title")]
    assert "2021 : non renseigné" in gap_titles
    # The year keeps its place on the axis, between its neighbours.
    x_labels = [label["text"] for label in chart["x_labels"]]
    assert x_labels == ["2019", "2020", "2021", "2022", "2024"]
    assert dict(table_cells(rendered))["2021"] == "— non renseigné"


def test_the_missing_value_is_announced_but_the_dash_is_not():
    with translation.override("fr"):
        cell = parse_html(render(amounts_chart())).xpath("//tbody/tr[3]/td")[0]
    dash, words = cell.getchildren()
    assert (dash.text, dash.get("aria-hidden")) == ("—", "true")
    assert (words.text, words.get("class")) == ("non renseigné", "visually-hidden")


def test_a_zero_is_a_bar_of_no_height_not_a_gap():
    chart = amounts_chart([ChartPoint(2023, 0), ChartPoint(2024, 500)])
    assert [(bar["year"], bar["height"]) for bar in chart["bars"]][0] == (2023, 0)
    assert chart["gaps"] == []


@pytest.mark.parametrize(
    "points",
    [[], [ChartPoint(2023, None), ChartPoint(2024, None)]],
    ids=["no point", "all missing"],
)
def test_no_data_gives_a_message_instead_of_a_chart(points):
    chart = amounts_chart(points)
    assert chart["empty"] is True
    with translation.override("fr"):
        rendered = render(chart)
    assert "<svg" not in rendered
    assert "<table" not in rendered
    wrapper = parse_html(rendered)
    assert wrapper.xpath("normalize-space(//figure/p)") == "Aucune donnée pour le moment."
    assert wrapper.xpath("normalize-space(//figcaption)") == "Montant alloué"


def test_a_single_point_renders():
    chart = amounts_chart([ChartPoint(2024, 42_000)])
    with translation.override("fr"):
        rendered = render(chart)
    root = svg_root(rendered)
    assert bar_years(root) == ["2024"]
    bar = chart["bars"][0]
    assert 0 < bar["width"] <= 64
    assert bar["y"] == chart["plot"]["top"] or bar["y"] < chart["ticks"][-2]["y"]
    assert root.findtext(f"{SVG}desc") == "En 2024 : 42\u00a0000\u00a0€."
    assert table_cells(rendered) == [("2024", "42\u00a0000\u00a0€")]


def test_negative_values_are_drawn_as_zero():
    chart = amounts_chart([ChartPoint(2023, -300), ChartPoint(2024, 1_000)])
    assert [bar["height"] for bar in chart["bars"]][0] == 0
    assert all(tick["value"] >= 0 for tick in chart["ticks"])
    with translation.override("fr"):
        assert dict(table_cells(render(chart)))["2023"] == "0\u00a0€"


def test_points_are_drawn_in_year_order():
    chart = amounts_chart([ChartPoint(2024, 3), ChartPoint(2022, 1), ChartPoint(2023, 2)])
    assert [bar["year"] for bar in chart["bars"]] == [2022, 2023, 2024]
    xs = [bar["x"] for bar in chart["bars"]]
    assert xs == sorted(xs)


@pytest.mark.parametrize(
    "points, chart_id",
    [
        ([ChartPoint(2024, 1)], "two words"),
        ([ChartPoint(2024, 1)], ""),
        ([ChartPoint(2024, 1), ChartPoint(2024, 2)], "budget"),
    ],
    ids=["id with a space", "no id", "same year twice"],
)
def test_invalid_calls_are_refused(points, chart_id):
    with pytest.raises(ValueError):
        amounts_chart(points, chart_id=chart_id)


# -- Table and text ---------------------------------------------------------------------


def test_the_table_has_one_row_per_point_with_formatted_values():
    with translation.override("fr"):
        rendered = render(amounts_chart())
    assert table_cells(rendered) == [
        ("2019", "1\u00a0000\u00a0000\u00a0€"),
        ("2020", "1\u00a0500\u00a0000\u00a0€"),
        ("2021", "— non renseigné"),
        ("2022", "2\u00a0000\u00a0000\u00a0€"),
        ("2024", "2\u00a0500\u00a0000\u00a0€"),
    ]
    headers = parse_html(rendered).xpath("//table/thead//th")
    assert [(th.text, th.get("scope")) for th in headers] == [
        ("Année", "col"),
        ("Montant (€)", "col"),
    ]
    assert parse_html(rendered).xpath("string(//details/table/caption)") == "Montant alloué"
    assert parse_html(rendered).xpath("string(//details/summary)") == "Voir les données"


def test_french_groups_thousands_with_a_no_break_space():
    with translation.override("fr"):
        chart = amounts_chart([ChartPoint(2023, 100_000_000), ChartPoint(2024, 2_500_000)])
        rendered = render(chart)
    value = chart["rows"][0]["value"]
    assert value[3] in FRENCH_SEPARATORS and value[7] in FRENCH_SEPARATORS
    assert value.replace(value[3], " ") == "100 000 000 €"
    assert re.search(r"\d,\d", rendered) is None
    assert {label["label"] for label in chart["ticks"]} >= {
        "0\u00a0€",
        "100\u00a0000\u00a0000\u00a0€",
    }


def test_english_groups_thousands_with_a_comma():
    with translation.override("en"):
        chart = amounts_chart([ChartPoint(2023, 100_000_000), ChartPoint(2024, 2_500_000)])
        rendered = render(chart)
    assert chart["rows"][0]["value"] == "100,000,000\u00a0€"
    assert "2,500,000\u00a0€" in rendered
    assert "100,000,000\u00a0€" in {tick["label"] for tick in chart["ticks"]}


@pytest.mark.parametrize(
    "language, expected", [("fr", ["0,5", "1,25", "3", "12"]), ("en", ["0.5", "1.25", "3", "12"])]
)
def test_small_values_keep_up_to_two_decimals(language, expected):
    points = [
        ChartPoint(2021, 0.5),
        ChartPoint(2022, 1.25),
        ChartPoint(2023, 3),
        ChartPoint(2024, 12.4),
    ]
    with translation.override(language):
        chart = bar_chart(points, title="Par habitant", value_label="€ / habitant", chart_id="hab")
    assert [row["value"] for row in chart["rows"]] == expected


def test_small_round_ticks_keep_their_decimals():
    with translation.override("fr"):
        chart = amounts_chart([ChartPoint(2024, 0.5)], unit="")
    assert [tick["label"] for tick in chart["ticks"]] == ["0", "0,1", "0,2", "0,3", "0,4", "0,5"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_years_are_never_grouped(language):
    with translation.override(language):
        rendered = render(amounts_chart())
    assert re.search(r"2[\u00a0\u202f, ]0(19|20|21|22|24)", rendered) is None
    assert "2019" in rendered and "2024" in rendered


def test_the_summary_gives_the_first_and_last_years_and_values():
    with translation.override("fr"):
        chart = amounts_chart()
        root = svg_root(render(chart))
    desc = root.findtext(f"{SVG}desc")
    assert desc == chart["desc"]
    assert desc == "De 2019 à 2024, de 1\u00a0000\u00a0000\u00a0€ à 2\u00a0500\u00a0000\u00a0€."


def test_the_summary_skips_years_without_data_at_both_ends():
    points = [ChartPoint(2018, None), *AMOUNTS, ChartPoint(2025, None)]
    with translation.override("fr"):
        chart = amounts_chart(points)
    assert chart["desc"].startswith("De 2019 à 2024,")


def test_each_bar_has_a_title_with_its_year_and_value():
    with translation.override("fr"):
        root = svg_root(render(amounts_chart()))
    assert [rect.findtext(f"{SVG}title") for rect in rects(root)] == [
        "2019 : 1\u00a0000\u00a0000\u00a0€",
        "2020 : 1\u00a0500\u00a0000\u00a0€",
        "2022 : 2\u00a0000\u00a0000\u00a0€",
        "2024 : 2\u00a0500\u00a0000\u00a0€",
    ]


# -- Markup -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_fragment_is_well_formed_html_and_the_svg_well_formed_xml(language):
    with translation.override(language):
        rendered = render(amounts_chart())
    wrapper = parse_html(rendered)
    assert [child.tag for child in wrapper] == ["figure"]
    figure = wrapper[0]
    assert [child.tag for child in figure] == ["figcaption", "svg", "details"]
    root = svg_root(rendered)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox") == "0 0 640 280"
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]


def test_ids_are_prefixed_by_the_chart_id_and_unique_in_the_page():
    with translation.override("fr"):
        page = render(amounts_chart(chart_id="montant")) + render(
            amounts_chart(chart_id="par-habitant")
        )
    wrapper = parse_html(page)  # lxml reports a duplicate id as an error
    ids = wrapper.xpath("//@id")
    assert sorted(ids) == sorted(
        ["montant-title", "montant-desc", "par-habitant-title", "par-habitant-desc"]
    )
    for svg in wrapper.xpath("//svg"):
        referenced = svg.get("aria-labelledby").split(" ")
        assert len(referenced) == 2
        assert [svg.xpath(f"string(.//*[@id='{id_}'])") for id_ in referenced] == [
            svg.xpath("string(title)"),
            svg.xpath("string(desc)"),
        ]
        assert all(id_.startswith(referenced[0].removesuffix("-title")) for id_ in referenced)


def relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground, background):
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (light + 0.05) / (dark + 0.05)


def inherited_fill(element):
    while element is not None:
        if element.get("fill"):
            return element.get("fill")
        element = element.getparent()
    return "#000000"


@pytest.mark.parametrize("background", ["#ffffff", "#fffdf8"])
def test_colours_are_readable_on_the_site_backgrounds(background):
    chart = amounts_chart()
    with translation.override("fr"):
        root = svg_root(render(chart))
    texts = list(root.iter(f"{SVG}text"))
    assert len(texts) == len(chart["ticks"]) + len(chart["x_labels"]) + len(chart["gaps"])
    for text in texts:
        assert contrast(inherited_fill(text), background) >= 4.5, text.text
    for rect in rects(root):
        # Graphical objects need 3:1 (WCAG 1.4.11).
        assert contrast(inherited_fill(rect), background) >= 3


def test_many_years_do_not_overlap_their_labels():
    points = [ChartPoint(year, year - 1990) for year in range(1990, 2030)]
    chart = amounts_chart(points)
    xs = [label["x"] for label in chart["x_labels"]]
    assert len(chart["bars"]) == 40
    assert 0 < len(xs) < 40
    assert min(b - a for a, b in pairwise(xs)) >= 36
