"""The strict Content-Security-Policy of public pages blocks inline code: no page of the demo
site, of any type and in either language, may rely on an inline script, an event handler
attribute, a javascript: link or inline styles, or the browser would silently drop them."""

import re
from io import StringIO
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Pages the sitemap does not list: searches, their suggestions' page, a 404.
EXTRA_PATHS = [
    "/recherche/?q=budget",
    "/en/search/?q=budget",
    "/fiches-pratiques/?q=vote",
    "/page-inexistante/",
    "/en/page-inexistante/",
]
# Not executed by browsers, hence not restricted by script-src.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


@pytest.fixture(scope="module")
def demo_responses(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every page of the demo content (loaded once for this module, in a transaction rolled
    back after), as a visitor gets it: {path: (response, live page types it shows)}."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        call_command("load_demo_content", stdout=StringIO())
        client = Client()
        sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
        locations = sitemap.findall("sm:url/sm:loc", SITEMAP_NS)
        paths = [urlsplit(loc.text).path for loc in locations] + EXTRA_PATHS
        responses = {path: client.get(path) for path in paths}
        live_types = {
            page.specific_class
            for page in Page.objects.live().filter(depth__gt=1)
            if page.specific_class is not None
        }
        yield responses, live_types
        transaction.set_rollback(True)


def inline_code(content, policy):
    """Descriptions of the inline code of a page that its policy would block."""
    nonce = re.search(r"'nonce-([^']+)'", policy)
    nonce = nonce and nonce.group(1)
    problems = []
    html = BeautifulSoup(content, "html.parser")
    for script in html.find_all("script"):
        if script.get("type") in DATA_SCRIPT_TYPES or script.get("src"):
            continue
        if not nonce or script.get("nonce") != nonce:
            problems.append(f"inline script: {str(script)[:80]}")
    for style in html.find_all("style"):
        if not nonce or style.get("nonce") != nonce:
            problems.append(f"inline <style>: {str(style)[:80]}")
    for element in html.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"event handler {name} on <{element.name}>")
            elif name == "style":
                problems.append(f"style attribute on <{element.name}>: {value}")
            elif name in ("href", "src", "action") and str(value).strip().lower().startswith(
                "javascript:"
            ):
                problems.append(f"javascript: URL on <{element.name}>")
    return problems


def test_demo_pages_hold_no_inline_code(demo_responses):
    responses, _live_types = demo_responses
    problems = [
        f"{path}: {problem}"
        for path, response in responses.items()
        for problem in inline_code(response.content, response["Content-Security-Policy"])
    ]
    assert problems == []


def test_every_demo_page_type_is_checked(demo_responses):
    responses, live_types = demo_responses
    checked = {
        type(response.context["page"])
        for response in responses.values()
        if response.context and response.context.get("page") is not None
    }
    assert live_types <= checked, live_types - checked


def test_the_check_finds_inline_code(demo_responses):
    """The detector itself: each kind of inline code added to the home page is reported."""
    responses, _live_types = demo_responses
    home = responses["/"]
    content = home.content.replace(
        b"</main>",
        b'<script>alert(1)</script><p style="color:red" onclick="x()">'
        b'<a href="javascript:x()">x</a></p></main>',
    )
    assert inline_code(home.content, home["Content-Security-Policy"]) == []
    found = inline_code(content, home["Content-Security-Policy"])
    assert len(found) == 4, found
