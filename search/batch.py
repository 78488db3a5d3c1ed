"""Statements that nothing else waits for, sent to PostgreSQL in one round trip: reading a
page of results, counting the search and reading its promotions cost one round trip, not
three."""

from contextlib import ExitStack, contextmanager

from django.db import connection


class Batch:
    def __init__(self):
        self.statements = []

    def add(self, sql, params, then, binary=False):
        """Send `sql` (with %s or %(name)s parameters) with the others; `then(rows)` gets its
        rows. `binary`: on PostgreSQL, they come in its binary format, for values that it
        would otherwise write out as text for psycopg to parse back (the 100 kB of ids of a
        search's matches: ~0.4 ms less). A type that psycopg cannot load from binary comes as
        bytes."""
        self.statements.append((sql, params, then, binary))

    def run(self):
        """Run the statements, in the order they were added, then their handlers."""
        with self.running():
            pass

    @contextmanager
    def running(self):
        """Send the statements, in the order they were added; the block runs while the
        database runs them, then their handlers run. The block is given a function that
        reads their rows and runs their handlers at once, for the part of the block that
        needs them (once; the block's end then does nothing more). On PostgreSQL they are
        pipelined (psycopg's pipeline mode): sent together, each with its parameters bound by
        the server, so that it keeps its plan like any statement (cms/settings/base.py), and
        run in one implicit transaction. Elsewhere, one after the other, before the block.
        Before that function is called, the block may query the database: on PostgreSQL its
        statements follow the batch's in the pipeline (and its transaction), and their rows
        come after the batch's."""
        statements, self.statements = self.statements, []
        with ExitStack() as sent:
            results = []
            if statements and connection.vendor == "postgresql":
                results = sent.enter_context(pipelined(statements))
            elif statements:
                with connection.cursor() as cursor:
                    for sql, params, _then, _binary in statements:
                        cursor.execute(sql, params)
                        results.append(cursor.fetchall() if cursor.description else [])
            handled = []

            def finish():
                if handled:
                    return
                handled.append(True)
                # Once the cursors are closed, as a handler may query the database again.
                sent.close()
                for (_sql, _params, then, _binary), rows in zip(statements, results, strict=True):
                    then(rows)

            yield finish
            finish()


@contextmanager
def pipelined(statements):
    """The rows of each statement (a list, filled when the block ends), sent in one round
    trip: a cursor each, whose results are read once the pipeline is synchronised. The
    statements are sent before the block runs. An error in one statement aborts the others
    and is raised as Django's, like that of any query."""
    connection.ensure_connection()
    cursors, results = [], []
    try:
        with connection.wrap_database_errors:
            with connection.connection.pipeline():
                for sql, params, _then, binary in statements:
                    cursor = binary_cursor() if binary else connection.cursor()
                    cursors.append(cursor)
                    cursor.execute(sql, params)
                yield results
            results.extend(cursor.fetchall() if cursor.description else [] for cursor in cursors)
    finally:
        for cursor in cursors:
            cursor.close()


def binary_cursor():
    """A cursor whose rows come in PostgreSQL's binary format, wrapped by Django like any
    cursor, so that its queries are logged and counted."""
    return connection._prepare_cursor(connection.connection.cursor(binary=True))


@contextmanager
def several_statements_cursor():
    """A cursor that may send several statements in one round trip. PostgreSQL refuses them
    in a statement whose parameters it binds, as Django's cursors do here (so that their
    plans are kept, cms/settings/base.py): this one merges the parameters into the SQL, as
    psycopg does by default. Wrapped by Django like any cursor, so its queries are logged
    and counted."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    from django.db.backends.postgresql.base import Cursor

    connection.ensure_connection()
    with connection._prepare_cursor(Cursor(connection.connection)) as cursor:
        yield cursor
