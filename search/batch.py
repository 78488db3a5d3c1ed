"""Statements that nothing else waits for, sent to PostgreSQL in one round trip: counting a
search and reading its promotions cost one query, not two."""

from contextlib import contextmanager

from django.db import connection


class Batch:
    def __init__(self):
        self.statements = []

    def add(self, sql, params, then):
        """Send `sql` (with %s parameters) with the others; `then(rows)` gets its rows."""
        self.statements.append((sql, list(params), then))

    def run(self):
        statements, self.statements = self.statements, []
        if not statements:
            return
        with several_statements_cursor() as cursor:
            cursor.execute(
                "; ".join(sql for sql, _params, _then in statements),
                [param for _sql, params, _then in statements for param in params],
            )
            results = []
            for index in range(len(statements)):
                if index:
                    cursor.nextset()
                results.append(cursor.fetchall() if cursor.description else [])
        # Once the cursor is closed, as a handler may query the database again.
        for (_sql, _params, then), rows in zip(statements, results, strict=True):
            then(rows)


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
