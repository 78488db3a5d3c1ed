"""The options of the filter forms' selects (home/templatetags/form_tags.py)."""

from home.templatetags.form_tags import select_options


def test_options_are_escaped_and_the_selected_one_is_marked():
    html = select_options({"a": "<b>A</b>", '"x"': "X & Y"}, '"x"')
    assert html == (
        '<option value="a">&lt;b&gt;A&lt;/b&gt;</option>'
        '<option value="&quot;x&quot;" selected>X &amp; Y</option>'
    )


def test_nothing_is_selected_when_the_value_is_not_offered():
    assert " selected" not in select_options({"2024": "2024"}, "2023")
