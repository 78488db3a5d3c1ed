"""Statements that nothing else waits for, sent to PostgreSQL in one round trip: reading a
page of results, counting the search and reading its promotions cost one round trip, not
three."""

from contextlib import contextmanager

from django.db import connection


class Batch:
    def __init__(self):
        self.statements = []

    def add(self, sql, params, then):
        """Send `sql` (with %s or %(name)s parameters) with the others; `then(rows)` gets its
        rows."""
        self.statements.append((sql, params, then))

    def run(self):
        """Run the statements, in the order they were added, then their handlers. On
        PostgreSQL they are pipelined (psycopg's pipeline mode): sent together, each with
        its parameters bound by the server, so that it keeps its plan like any statement
        (cms/settings/base.py), and run in one implicit transaction. Elsewhere, one after
        the other."""
        statements, self.statements = self.statements, []
        if not statements:
            return
        if connection.vendor == "postgresql":
            results = pipelined(statements)
        else:
            with connection.cursor() as cursor:
                results = []
                for sql, params, _then in statements:
                    cursor.execute(sql, params)
                    results.append(cursor.fetchall() if cursor.description else [])
        # Once the cursors are closed, as a handler may query the database again.
        for (_sql, _params, then), rows in zip(statements, results, strict=True):
            then(rows)


def pipelined(statements):
    """The rows of each statement, sent in one round trip: a cursor each, whose results are
    read once the pipeline is synchronised. An error in one statement aborts the others and
    is raised as Django's, like that of any query."""
    connection.ensure_connection()
    cursors = []
    try:
        with connection.wrap_database_errors:
            with connection.connection.pipeline():
                for sql, params, _then in statements:
                    cursor = connection.cursor()
                    cursors.append(cursor)
                    cursor.execute(sql, params)
            return [cursor.fetchall() if cursor.description else [] for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()


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
