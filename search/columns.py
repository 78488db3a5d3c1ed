"""The facet values and publication order of the practice library's search documents as
numpy arrays, one per column, to filter, count and order a search's matches: PostgreSQL
finds the matches (their ids, through the GIN index) and numpy does the rest. At 100,000
sheets a frequent word matches 25,000 of them: grouping them in SQL took ~20 ms, numpy
takes ~2; and the newest sheets that pass a few filters no longer need a walk of the date
index that may read the whole table.

Each process keeps the arrays of each language for as long as the search table keeps its
version (search.models.SearchTableVersion, renewed by a trigger in the same transaction as
any change), and reads them again, in one query, when it has changed."""

import threading
from dataclasses import dataclass

import numpy as np

_lock = threading.Lock()
_kept = {}


class FacetColumns:
    """The values of `facets` (search.library.FACETS) for documents sorted by page id: bit
    masks as 64-bit integers, single values as indexes into the list of values met, and
    each document's rank by publication date (then page id), newest last."""

    def __init__(self, facets, ids, columns, dates, version=None):
        ids = np.asarray(ids, dtype=np.int64)
        order = np.argsort(ids, kind="stable")
        self.facets = facets
        self.version = version
        self.ids = ids[order]
        # The position of each page id, -1 for ids it does not hold: looking 25,000 matches
        # up in it costs a tenth of a binary search of the ids.
        self.position_of = np.full(int(self.ids[-1]) + 1 if len(ids) else 0, -1, dtype=np.int64)
        self.position_of[self.ids] = np.arange(len(ids))
        dates = np.asarray(dates, dtype=np.int64)[order]
        self.recency = np.empty(len(ids), dtype=np.int64)
        self.recency[np.lexsort((self.ids, dates))] = np.arange(len(ids))
        self.masks, self.codes, self.values, self.bits, self.octets = {}, {}, {}, {}, {}
        for facet, column in zip(facets, columns, strict=True):
            if facet.bits:
                mask = np.asarray(column, dtype=np.int64)[order]
                self.masks[facet.name] = mask
                used = int(np.bitwise_or.reduce(mask)) if len(mask) else 0
                self.bits[facet.name] = [bit for bit in range(64) if used >> bit & 1]
                self.octets[facet.name] = octet_columns(mask, self.bits[facet.name])
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

    def matches(self, ids=None, in_title=None):
        """The Matches of these page ids (every document by default); ids it does not hold
        (changed since it was read, a race of milliseconds) are left out. `in_title` tells
        for each id whether its title matches, if known (else see Matches.with_titles)."""
        if ids is None:
            return Matches(self, np.arange(len(self.ids)))
        ids = np.asarray(ids, dtype=np.int64)
        if in_title is not None:
            in_title = np.asarray(in_title, dtype=bool)
        positions = np.full(len(ids), -1, dtype=np.int64)
        held = (ids >= 0) & (ids < len(self.position_of))
        positions[held] = self.position_of[ids[held]]
        known = positions >= 0
        in_title = None if in_title is None else in_title[known]
        return Matches(self, positions[known], in_title)

    def accepts(self, active, positions):
        """Whether each document at `positions` has a value ticked in the filter `active`."""
        if active.facet.bits:
            return self.masks[active.facet.name][positions] & active.mask != 0
        values = self.values[active.facet.name]
        wanted = [values.index(value) for value in active.values if value in values]
        return np.isin(self.codes[active.facet.name][positions], wanted)

    def tally(self, facet, positions):
        """{value or bit: count} of a facet over the documents at `positions`."""
        if facet.bits:
            counts = bit_counts(self.octets[facet.name], positions, self.bits[facet.name])
        else:
            values = self.values[facet.name]
            numbers = np.bincount(self.codes[facet.name][positions], minlength=len(values))
            counts = dict(zip(values, numbers.tolist(), strict=True))
        return {key: number for key, number in counts.items() if key != "" and number}


# Whether bit b of the byte value v is set: _BYTE_BITS[v, b].
_BYTE_BITS = np.unpackbits(
    np.arange(256, dtype=np.uint8)[:, None], axis=1, bitorder="little"
).astype(np.int64)


def octet_columns(masks, bits):
    """The bytes of the masks that hold one of `bits`, each byte a column of its own: the
    first byte of every mask, then the second, and so on (up to the last byte in use)."""
    octets = np.ascontiguousarray(masks, dtype="<i8").view(np.uint8).reshape(-1, 8)
    last = max(bits) // 8 + 1 if bits else 0
    return [np.ascontiguousarray(octets[:, byte]) for byte in range(last)]


def bit_counts(octets, positions, bits):
    """{bit: how many of the masks at `positions` have it} for these bits, from the masks'
    `octet_columns`. Each byte is counted by value, and the counts of the values that have
    a bit added up: testing 25,000 masks bit after bit took three times longer."""
    if not bits or not len(positions):
        return dict.fromkeys(bits, 0)
    counts = np.concatenate(
        [np.bincount(column[positions], minlength=256) @ _BYTE_BITS for column in octets]
    )
    return {bit: int(counts[bit]) for bit in bits}


@dataclass
class Matches:
    """Documents a search matches: their positions in `columns` and whether their titles
    match the query (None until known)."""

    columns: FacetColumns
    positions: np.ndarray
    in_title: np.ndarray | None = None

    def __len__(self):
        return len(self.positions)

    def filtered(self, filters):
        """These matches seen through a search's filters (Filtered)."""
        return Filtered(self, filters)

    def page_ids(self):
        return self.columns.ids[self.positions].tolist()

    def with_titles(self, title_ids):
        """The same matches, knowing whose titles match: those of `title_ids`."""
        in_title = np.isin(self.columns.ids[self.positions], np.asarray(title_ids, dtype=np.int64))
        return Matches(self.columns, self.positions, in_title)

    def newest(self, first, titles_first=False):
        """The page ids of the `first` newest matches (then by page id), those whose title
        matches first when `titles_first`: as `ORDER BY … LIMIT`, without sorting them all."""
        key = self.columns.recency[self.positions]
        if titles_first:
            if self.in_title is None:
                raise ValueError("Which titles match is not known: see with_titles()")
            key = key + self.in_title * len(self.columns)
        top = np.arange(len(key))
        if first < len(key):
            top = np.argpartition(-key, first)[:first]
        top = top[np.argsort(-key[top])]
        return self.columns.ids[self.positions[top]].tolist()


class Filtered:
    """Matches seen through a search's filters: those that pass them all (`passing`), and
    the counts of every facet value (`counts()`). A match that fails one filter counts for
    that filter's values only, as if the visitor unticked it; one that fails none counts
    everywhere. Each filter is tested once, for both."""

    def __init__(self, matches, filters):
        self.matches = matches
        self.filters = filters
        if not filters:
            self.passing = matches
            return
        columns, positions = matches.columns, matches.positions
        self.passes = [columns.accepts(active, positions) for active in filters]
        self.failed = np.zeros(len(positions), dtype=np.int8)
        for passed in self.passes:
            self.failed += ~passed
        self.everywhere = self.failed == 0
        in_title = None if matches.in_title is None else matches.in_title[self.everywhere]
        self.passing = Matches(columns, positions[self.everywhere], in_title)

    def counts(self):
        """{facet name: {value or bit: count}}."""
        columns, positions = self.matches.columns, self.matches.positions
        if not self.filters:
            return {facet.name: columns.tally(facet, positions) for facet in columns.facets}
        rows = {facet.name: self.everywhere for facet in columns.facets}
        for active, passed in zip(self.filters, self.passes, strict=True):
            rows[active.facet.name] = self.everywhere | ((self.failed == 1) & ~passed)
        return {
            facet.name: columns.tally(facet, positions[rows[facet.name]])
            for facet in columns.facets
        }


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
