"""The facets and results of the searches are written by `escaped_join`, which must escape
as Django's `format_html_join` does."""

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from search.views import CHECKBOX, escaped_join


def test_escaped_join_writes_what_format_html_join_writes():
    rows = [
        {
            "name": 'theme"><script>',
            "number": 1,
            "value": "l'école & <b>",
            "checked": " checked",
            "label": gettext_lazy("Thème"),
            "count": mark_safe("1 <abbr>k</abbr>"),  # noqa: S308 (a test of what HTML stays)
        },
        {"name": "kind", "number": 2, "value": "", "checked": "", "label": "A", "count": 0},
    ]
    with override("en"):
        html = escaped_join(CHECKBOX, rows)
        assert html == format_html_join("", CHECKBOX, rows)
    assert isinstance(html, SafeString)
    assert "&lt;script&gt;" in html and "l&#x27;école &amp; &lt;b&gt;" in html
    assert "1 <abbr>k</abbr>" in html and "Theme" in html
