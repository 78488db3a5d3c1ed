"""How a query is matched on PostgreSQL: phrases through the pairs of neighbouring words."""

import pytest

from search.phrases import TextPlan, text_plan


@pytest.mark.parametrize(
    ("tsquery", "plan"),
    [
        ("'ecol'", None),
        ("'ecol' & 'vot'", None),
        ("'jardin' <-> 'partag'", TextPlan("", "'jardin~partag'")),
        ("'tirag' <2> 'sort'", TextPlan("", "'tirag~2~sort'")),
        ("'jardin' <-> 'partag' & 'ecol'", TextPlan("'ecol'", "'jardin~partag'")),
        (
            "'budget' <-> 'particip' <-> 'jeun'",
            TextPlan("'budget' <-> 'particip' <-> 'jeun'", "'budget~particip' & 'particip~jeun'"),
        ),
        ("'jardin' <-> 'partag' & !'vot'", TextPlan("!'vot'", "'jardin~partag'")),
        ("'jardin' <-> 'partag' | 'ecol'", None),
        ("'a' <3> 'b'", None),
        ("", None),
    ],
)
def test_phrases_become_pairs_of_neighbouring_words(tsquery, plan):
    assert text_plan(tsquery) == plan
