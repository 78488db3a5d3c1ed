"""Bulk creation of live Wagtail pages, for benchmark data only.

`add_child()` and `save_revision().publish()` cost dozens of queries per page: hours for
100,000 pages. `PageWriter` writes the same rows in a few statements per thousand pages:
treebeard paths computed with treebeard's own helpers, one row per page in each table of
the model's inheritance chain (Django's `bulk_create` refuses multi-table inheritance),
PostgreSQL's COPY when available, and the parent's `numchild` updated at the end.

The pages are what a publish leaves in those tables, minus what only editors see: no
revision (the admin edits the page as it is), no log entry, no reference index, no search
index entry (run `update_index` for Wagtail's own search)."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models

from wagtail.models import Page

from treebeard.exceptions import PathOverflow


def child_paths(parent_path, parent_depth, first_step, count):
    """Treebeard paths of `count` new children of a page, from step `first_step` on."""
    last_step = first_step + count - 1
    if count and len(Page._int2str(last_step)) > Page.steplen:
        raise PathOverflow(f"{last_step} children do not fit under {parent_path}")
    depth = parent_depth + 1
    return [Page._get_path(parent_path, depth, step) for step in range(first_step, last_step + 1)]


def next_child_step(parent):
    """The step after the parent's last child (steps may have gaps after deletions)."""
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def unique_slug(base, taken, counters):
    """`base`, or `base-2`, `base-3`… whichever is not taken yet among the siblings."""
    slug = base
    while slug in taken:
        counters[base] = counters.get(base, 1) + 1
        slug = f"{base}-{counters[base]}"
    taken.add(slug)
    return slug


def inheritance_chain(model):
    """The concrete models from Page down to `model`, each with its own table."""
    ancestors = set(model._meta.get_parent_list())
    return [m for m in reversed(model.__mro__) if m in ancestors] + [model]


class PageWriter:
    """Writes live pages of one type under one parent. Call `add()` with batches of field
    values (by attribute name), then `finish()`; run inside one transaction."""

    def __init__(self, model, parent):
        # Locks the parent so that no editor adds a child meanwhile.
        self.parent = Page.objects.select_for_update().get(pk=parent.pk)
        self.next_step = next_child_step(self.parent)
        self.taken_slugs = set(self.parent.get_children().values_list("slug", flat=True))
        self.slug_counters = {}
        self.count = 0
        self.content_type_id = ContentType.objects.get_for_model(model).id
        self.tables = [
            (m._meta.db_table, list(m._meta.local_concrete_fields))
            for m in inheritance_chain(model)
        ]

    def add(self, rows):
        """Write pages from dicts of field values; `title` and `slug` (its base) required.
        Returns the new pages' ids, in order."""
        ids = self._reserve_ids(len(rows))
        paths = child_paths(self.parent.path, self.parent.depth, self.next_step, len(rows))
        self.next_step += len(rows)
        pages = []
        for page_id, path, row in zip(ids, paths, rows, strict=True):
            slug = unique_slug(row["slug"], self.taken_slugs, self.slug_counters)
            pages.append(
                {
                    "last_published_at": row.get("first_published_at"),
                    **row,
                    "id": page_id,
                    "path": path,
                    "depth": self.parent.depth + 1,
                    "numchild": 0,
                    "slug": slug,
                    "url_path": f"{self.parent.url_path}{slug}/",
                    "draft_title": row["title"],
                    "live": True,
                    "has_unpublished_changes": False,
                    "content_type_id": self.content_type_id,
                    "locale_id": self.parent.locale_id,
                    "translation_key": uuid.uuid4(),
                }
            )
        for table, fields in self.tables:
            values = [[self._value(field, page) for field in fields] for page in pages]
            write_rows(table, [field.column for field in fields], values)
        self.count += len(rows)
        return ids

    def finish(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=models.F("numchild") + self.count)

    def _value(self, field, page):
        if field.primary_key:  # Page.id, and the parent link of each child table
            value = page["id"]
        elif field.attname in page:
            value = page[field.attname]
        else:
            value = field.get_default()
        return field.get_db_prep_save(value, connection)

    def _reserve_ids(self, count):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [Page._meta.db_table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Page._meta.db_table}")
            first = cursor.fetchone()[0] + 1
            return list(range(first, first + count))


def write_rows(table, columns, rows):
    """Insert rows: COPY on PostgreSQL (the fastest path), executemany elsewhere."""
    if not rows:
        return
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({column_list}) VALUES ({placeholders})", rows
            )
