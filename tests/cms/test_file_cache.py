"""The file cache of a machine without Redis looks whether it is full at every CHECK_EVERY-th
write only, and still deletes a third of its files once it is."""

import pytest

from cms.file_cache import CHECK_EVERY, SparingFileBasedCache


@pytest.fixture
def file_cache(tmp_path):
    # As in the settings, many more entries than writes between two checks.
    return SparingFileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 5 * CHECK_EVERY}})


def test_the_folder_is_listed_once_every_check_every_writes(file_cache, monkeypatch):
    listings = []
    list_files = file_cache._list_cache_files
    monkeypatch.setattr(file_cache, "_list_cache_files", lambda: listings.append(1) or list_files())
    for number in range(CHECK_EVERY - 1):
        file_cache.set(f"page-{number}", "une page")
    assert listings == []
    file_cache.set("page-last", "une page")
    assert len(listings) == 1


def test_a_full_folder_loses_a_third_of_its_files(file_cache, tmp_path):
    for number in range(20 * CHECK_EVERY):
        file_cache.set(f"page-{number}", "une page")
        assert len(list(tmp_path.glob("*.djcache"))) <= 6 * CHECK_EVERY
    assert file_cache.get(f"page-{number}") == "une page"
