"""`{% capture %}`: content rendered where it stands, shown later."""

from django.template import Context, Template, TemplateSyntaxError

import pytest


def render(source, **context):
    return Template("{% load site_tags %}" + source).render(Context(context))


def test_captured_content_is_rendered_where_it_stands_and_shown_where_asked():
    html = render(
        "{% capture as later %}<b>{{ name }}</b>{% endcapture %}[]"
        "{% with name='changed' %}{{ later }}{% endwith %}{{ later }}",
        name="<script>",
    )
    assert html == "[]<b>&lt;script&gt;</b><b>&lt;script&gt;</b>"


def test_capture_without_a_name_is_a_syntax_error():
    with pytest.raises(TemplateSyntaxError, match="Usage"):
        render("{% capture %}x{% endcapture %}")
