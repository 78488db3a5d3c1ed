"""Statements that nothing else waits for, sent to PostgreSQL in one round trip: the
highlighting of a page of results and the counting of the search with its promotions are
independent, so they cost one query, not two."""

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
        with connection.cursor() as cursor:
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
