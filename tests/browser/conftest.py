"""Shared set-up of the browser checks: the demo site, the list of URLs to check, and the
external tools (Chromium, axe-core, the Nu HTML checker) with a clear failure when missing."""

import shutil
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.conf import settings as django_settings
from django.core.management import call_command

import pytest

ROOT = Path(django_settings.BASE_DIR)
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, never a browser downloaded by `playwright install`. The flags keep it
# quiet: no GPU in CI, no sandbox as root in containers, no call home to Google services.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Reports and screenshots of the last run, for a human to look at (ignored by git).
REPORTS_DIR = ROOT / ".browser-reports"

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Pages the sitemap cannot list: the 404 page of each language, and the news list once
# filtered and once on its second page (different markup: status line, pagination).
NOT_FOUND_PATHS = ["/page-inexistante/", "/en/page-inexistante/"]
EXTRA_PATHS = [
    "/actualites/?tag=inclusion&year=2023",
    "/actualites/?page=2",
    "/en/actualites/?tag=inclusion&year=2023",
    "/en/actualites/?page=2",
]


def require(path, what):
    """Fail, not skip: a skipped check would look green in CI while checking nothing."""
    if not Path(path).exists():
        pytest.fail(f"{what} not found at {path}: run `make browser-deps` first.", pytrace=False)


@pytest.fixture
def chromium_options():
    """Keyword arguments of Playwright's chromium.launch()."""
    require(CHROMIUM, "Chromium")
    return {"executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def reports_dir():
    REPORTS_DIR.mkdir(exist_ok=True)
    return REPORTS_DIR


@pytest.fixture
def axe_script():
    require(AXE_JS, "axe-core")
    return AXE_JS


@pytest.fixture
def vnu_command():
    require(VNU_JAR, "The Nu HTML checker (vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed by the Nu HTML checker: install a JRE.", pytrace=False)
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture
def demo_site(settings, tmp_path, client):
    """Load the demo content, then return the paths to check with their expected status.

    The test decides how the database is set up (plain or transactional); images go to a
    temporary MEDIA_ROOT so that runs do not pile up files. All database work happens here,
    before any browser starts: Playwright's sync API runs an event loop in the main thread,
    and Django refuses ORM calls while one is running."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_content", stdout=StringIO())

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = ElementTree.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)
    # The sitemap gives absolute URLs on the site's configured host: keep the path only, the
    # tests put it on the host they serve from.
    paths = [urlsplit(loc.text).path for loc in locations]
    assert "/" in paths and "/en/" in paths, "the sitemap should list both home pages"
    return [(path, 200) for path in paths + EXTRA_PATHS] + [(path, 404) for path in NOT_FOUND_PATHS]
