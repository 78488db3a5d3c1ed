"""PostgreSQL connections keep the plans of the statements they run again (prepared
statements, `POSTGRES_OPTIONS` in cms/settings/base.py), and statements sent several at
once still go in one round trip (search/batch.py)."""

import tempfile

from django.db import DataError, ProgrammingError, connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import psycopg
import pytest
from psycopg import pq

from search.batch import Batch, several_statements_cursor

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


def protocol_messages(action):
    """The messages of PostgreSQL's protocol exchanged while `action()` runs: (F for the
    front end or B for the server, message type), in order."""
    connection.ensure_connection()
    pgconn = connection.connection.pgconn
    with tempfile.TemporaryFile("w+") as trace:
        pgconn.trace(trace.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            action()
        finally:
            pgconn.untrace()
        trace.seek(0)
        return [tuple(line.split("\t")[0:3:2]) for line in trace.read().splitlines()]


def test_a_batch_sends_its_statements_in_one_round_trip_and_hands_each_its_rows():
    handed = []
    batch = Batch()
    batch.add("SELECT %s::int", [1], lambda rows: handed.append(("first", rows)))
    batch.add(
        "SELECT %(word)s::text", {"word": "deux"}, lambda rows: handed.append(("second", rows))
    )
    # psycopg begins the test's transaction with its first statement: begun before.
    Page.objects.exists()
    with CaptureQueriesContext(connection) as queries:
        messages = protocol_messages(batch.run)
    assert handed == [("first", [(1,)]), ("second", [("deux",)])]
    senders = [sender for sender, _message in messages]
    # Every statement is sent before the server answers the first: one wait, not two.
    assert senders.index("B") == len(senders) - senders[::-1].index("F")
    assert [message for _sender, message in messages].count("Sync") == 1
    assert len(queries) == 2


def test_the_server_runs_a_batch_while_its_block_runs():
    handed = []
    batch = Batch()
    batch.add("SELECT 'slept' FROM pg_sleep(%s)", [0.5], handed.append)
    batch.add("SELECT %s::int", [2], handed.append)
    Page.objects.exists()
    pid = connection.connection.info.backend_pid
    with (
        psycopg.connect(**connection.get_connection_params()) as observer,
        batch.running(),
    ):
        running = observer.execute(
            "SELECT state, query FROM pg_stat_activity WHERE pid = %s", [pid]
        ).fetchone()
        assert handed == []
    assert running[0] == "active"
    assert "pg_sleep" in running[1]
    assert handed == [[("slept",)], [(2,)]]


def test_a_query_in_the_block_of_a_batch_follows_its_statements_in_their_transaction():
    handed = []
    batch = Batch()
    batch.add("SELECT set_config('application_name', 'batch', true)", [], handed.append)
    Page.objects.exists()
    with batch.running():
        assert Page.objects.filter(depth=1).exists()
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('application_name')")
            inside = cursor.fetchone()
    assert inside == ("batch",)
    assert handed == [[("batch",)]]


def test_the_block_of_a_batch_may_read_its_rows_before_it_ends_then_leaves_the_pipeline():
    handed = []
    batch = Batch()
    batch.add("SELECT %s::int", [1], handed.append)
    batch.add("SELECT %s::int", [2], handed.append)
    Page.objects.exists()
    with batch.running() as finish:
        assert handed == []
        finish()
        assert handed == [[(1,)], [(2,)]]
        # Out of the pipeline: several statements in one round trip work again (a pipeline
        # refuses them).
        with several_statements_cursor() as cursor:
            cursor.execute("SELECT 3; SELECT 4")
            assert cursor.nextset() and cursor.fetchone() == (4,)
        finish()
    assert handed == [[(1,)], [(2,)]]


def test_a_batch_statement_may_ask_for_its_rows_in_the_binary_format_and_is_counted():
    handed = []
    batch = Batch()
    # psycopg loads a tsvector from text only: from binary, it hands the bytes.
    batch.add("SELECT 'vote'::tsvector", [], handed.append)
    batch.add("SELECT 'vote'::tsvector", [], handed.append, binary=True)
    batch.add("SELECT %s::bigint, int4send(%s)", [7, 9], handed.append, binary=True)
    with CaptureQueriesContext(connection) as queries:
        batch.run()
    assert handed[0] == [("'vote'",)]
    assert isinstance(handed[1][0][0], bytes)
    assert handed[2] == [(7, b"\x00\x00\x00\t")]
    assert len(queries) == 3


def test_a_batch_statement_keeps_its_plan_like_any_other():
    def run():
        batch = Batch()
        batch.add("SELECT %s::int + 41", [1], lambda rows: None)
        batch.run()

    for _time in range(3):
        run()
    assert [sql for sql in prepared_statements() if "$1::int + 41" in sql]


def test_a_batch_hands_each_its_rows_in_order_and_an_error_stops_it_as_djangos():
    handed = []
    batch = Batch()
    batch.add("SET LOCAL application_name TO 'batch'", [], handed.append)
    batch.add("SELECT current_setting('application_name')", [], handed.append)
    batch.run()
    assert handed == [[], [("batch",)]]
    batch.add("SELECT 1 / %s::int", [0], handed.append)
    batch.add("SELECT 2", [], handed.append)
    with pytest.raises(DataError, match="division by zero"), transaction.atomic():
        batch.run()
    assert handed == [[], [("batch",)]]
    batch.add("SELECT 3", [], handed.append)
    batch.run()
    assert handed[-1] == [(3,)]
