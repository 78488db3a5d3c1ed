"""The WSGI entry point that gunicorn loads: the whole site loaded before the first request,
and kept out of the garbage collector's sight."""

from .helpers import production_json

LOAD_WSGI = """
import gc, json, sys
import cms.wsgi
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "tracked": len(gc.get_objects()),
    "views_loaded": "search.views" in sys.modules,
}))
"""


def test_the_loaded_site_is_out_of_the_garbage_collectors_sight():
    loaded = production_json(LOAD_WSGI, DATABASE_URL="sqlite:///:memory:")
    assert loaded["views_loaded"]
    # Full collections walk only what requests create, not the ~200,000 objects loaded.
    assert loaded["frozen"] > 100_000
    assert loaded["tracked"] < loaded["frozen"] / 10
