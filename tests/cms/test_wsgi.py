"""The WSGI entry point that gunicorn loads: the whole site loaded and its templates compiled
before the first request, and kept out of the garbage collector's sight."""

from .helpers import production_json

LOAD_WSGI = """
import gc, json, sys
import cms.wsgi
from django.template import engines
loader = engines["django"].engine.template_loaders[0]
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "tracked": len(gc.get_objects()),
    "views_loaded": "search.views" in sys.modules,
    "templates_compiled": sorted(loader.get_template_cache),
}))
"""


def test_the_loaded_site_is_out_of_the_garbage_collectors_sight():
    loaded = production_json(LOAD_WSGI, DATABASE_URL="sqlite:///:memory:")
    assert loaded["views_loaded"]
    # Compiled and kept by the cached loader: no worker compiles one during a request.
    compiled = loaded["templates_compiled"]
    assert {"base.html", "pages/members/member_page.html", "components/news_card.html"} <= set(
        compiled
    )
    # Full collections walk only what requests create, not the ~200,000 objects loaded.
    assert loaded["frozen"] > 100_000
    assert loaded["tracked"] < loaded["frozen"] / 10
