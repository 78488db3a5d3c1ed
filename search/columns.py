"""The facet values of the practice library's search documents as numpy arrays, one per
column, to count the facets of a search's matches: PostgreSQL finds the matches (their ids,
through the GIN index) and numpy counts their values. At 100,000 sheets a frequent word
matches 25,000 of them: grouping them in SQL took ~20 ms, numpy takes ~2.

Each process keeps the arrays of each language for as long as the search table keeps its
version (search.models.SearchTableVersion, raised by a trigger in the same transaction as
any change), and reads them again, in one query, when it has changed."""

import threading

import numpy as np

_lock = threading.Lock()
_kept = {}


class FacetColumns:
    """The values of `facets` (search.library.FACETS) for documents sorted by page id: bit
    masks as 64-bit integers, single values as indexes into the list of values met."""

    def __init__(self, facets, ids, columns, version=None):
        order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
        self.facets = facets
        self.version = version
        self.ids = np.asarray(ids, dtype=np.int64)[order]
        self.masks, self.codes, self.values, self.bits = {}, {}, {}, {}
        for facet, column in zip(facets, columns, strict=True):
            if facet.bits:
                mask = np.asarray(column, dtype=np.int64)[order]
                self.masks[facet.name] = mask
                used = int(np.bitwise_or.reduce(mask)) if len(mask) else 0
                self.bits[facet.name] = [bit for bit in range(64) if used >> bit & 1]
            else:
                index = {}
                codes = np.fromiter(
                    (index.setdefault(value, len(index)) for value in column),
                    dtype=np.int32,
                    count=len(column),
                )
                self.codes[facet.name] = codes[order]
                self.values[facet.name] = list(index)

    def __len__(self):
        return len(self.ids)

    def positions(self, ids):
        """The positions of the documents of these page ids; ids it does not hold (changed
        since it was read, a race of milliseconds) are left out."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(self.ids):
            return np.zeros(0, dtype=np.int64), np.zeros(len(ids), dtype=bool)
        positions = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        known = self.ids[positions] == ids
        return positions[known], known

    def count(self, filters, positions=None, in_title=None):
        """(total, title total, counts) of the documents at `positions` (all of them by
        default), `in_title` telling for each whether its title matches. A document that
        fails one filter counts for that filter's values only, as if the visitor unticked
        it; one that fails none counts everywhere."""
        take = (lambda array: array) if positions is None else (lambda array: array[positions])
        size = len(self.ids) if positions is None else len(positions)
        passes = [self.accepts(active, take) for active in filters]
        failed = np.zeros(size, dtype=np.int8)
        for passed in passes:
            failed += ~passed
        everywhere = failed == 0
        total = int(np.count_nonzero(everywhere))
        title_total = int(np.count_nonzero(everywhere & in_title)) if in_title is not None else 0
        rows = {facet.name: everywhere for facet in self.facets}
        for active, passed in zip(filters, passes, strict=True):
            rows[active.facet.name] = everywhere | ((failed == 1) & ~passed)
        counts = {facet.name: self.tally(facet, take, rows[facet.name]) for facet in self.facets}
        return total, title_total, counts

    def passing(self, filters):
        """The page ids of the documents that have a ticked value of every filter."""
        passing = np.ones(len(self.ids), dtype=bool)
        for active in filters:
            passing &= self.accepts(active, lambda array: array)
        return self.ids[passing]

    def accepts(self, active, take):
        """Whether each document has one of the values ticked in the filter `active`."""
        if active.facet.bits:
            return take(self.masks[active.facet.name]) & active.mask != 0
        values = self.values[active.facet.name]
        wanted = [values.index(value) for value in active.values if value in values]
        return np.isin(take(self.codes[active.facet.name]), wanted)

    def tally(self, facet, take, rows):
        if facet.bits:
            masks = take(self.masks[facet.name])[rows]
            bits = self.bits[facet.name]
            counts = {bit: int(np.count_nonzero(masks & (1 << bit))) for bit in bits}
        else:
            values = self.values[facet.name]
            numbers = np.bincount(take(self.codes[facet.name])[rows], minlength=len(values))
            counts = dict(zip(values, numbers.tolist(), strict=True))
        return {key: number for key, number in counts.items() if key != "" and number}


def kept_columns(locale_id, version, read):
    """The columns of a language at `version`, from this process's memory when it holds
    them, else from `read()` (which returns them with the version they were read at). A
    version of None (no change ever counted) is never kept."""
    with _lock:
        columns = _kept.get(locale_id)
    if columns is not None and version is not None and columns.version == version:
        return columns
    columns = read()
    if columns.version is not None:
        with _lock:
            _kept[locale_id] = columns
    return columns
