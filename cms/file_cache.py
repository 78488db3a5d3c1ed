"""The file cache of a machine without Redis (cms/settings/base.py), which keeps the page
cache: Django's lists its whole folder at every write, to see whether it is full, and
deletes a third of its files when it is. Listing 300 files cost 1 to 3 ms of each page
stored; this cache looks at every CHECK_EVERY-th write of a process only, so the folder may
hold that many more files per process before a third of them is deleted."""

from django.core.cache.backends.filebased import FileBasedCache

CHECK_EVERY = 20


class SparingFileBasedCache(FileBasedCache):
    writes = 0

    def _cull(self):
        # Counted without a lock: a write counted twice or missed moves one check.
        self.writes += 1
        if self.writes % CHECK_EVERY == 0:
            super()._cull()
