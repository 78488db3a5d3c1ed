"""PostgreSQL connections keep the plans of the statements they run again (prepared
statements, `POSTGRES_OPTIONS` in cms/settings/base.py), and statements sent several at
once still go in one round trip (search/batch.py)."""

from django.db import ProgrammingError, connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from search.batch import several_statements_cursor

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="prepared statements are PostgreSQL's (run with DATABASE_URL=postgres://…)",
    ),
]


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_statement_run_a_third_time_keeps_its_plan():
    def run():
        return list(Page.objects.filter(depth=1, slug="root").values_list("pk", flat=True))

    first = run()
    run()
    assert not [sql for sql in prepared_statements() if '"slug" = $2' in sql]
    assert run() == first
    assert [sql for sql in prepared_statements() if '"slug" = $2' in sql]


def test_several_statements_go_in_one_round_trip_and_are_logged():
    with CaptureQueriesContext(connection) as queries, several_statements_cursor() as cursor:
        cursor.execute("SELECT %s::int; SELECT %s::text", [1, "deux"])
        first = cursor.fetchone()
        cursor.nextset()
        second = cursor.fetchone()
    assert (first, second) == ((1,), ("deux",))
    assert len(queries) == 1


def test_a_server_bound_cursor_refuses_several_statements():
    # Why search/batch.py needs a cursor of its own.
    with pytest.raises(ProgrammingError, match="multiple commands"), connection.cursor() as cursor:
        cursor.execute("SELECT %s::int; SELECT %s::int", [1, 2])
