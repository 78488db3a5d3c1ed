"""Every page of the demo site, in both languages, checked in a real browser with axe-core
(WCAG 2.1 A/AA and best practices) and as markup with the Nu HTML checker (the W3C
validator). Run with `make test-browser`; the checks need Chromium, Node packages and Java."""

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from knowledge.models import PracticeSheetPage

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}
# Widths of the screenshots left in .browser-reports/: a desktop and a phone.
SCREEN_WIDTHS = {"desktop": 1280, "mobile": 390}


def fail_listing(problems, what, urls):
    """One failure listing every problem, rather than stopping at the first page."""
    if problems:
        # The same remote request or broken image can be reported many times on one page.
        problems = list(dict.fromkeys(problems))
        report = "\n".join(problems)
        pytest.fail(f"{len(problems)} {what} on {len(urls)} URLs:\n{report}", pytrace=False)


def describe_violation(path, violation):
    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"])
    return f"{path}: {violation['id']} ({violation['impact']}) {violation['help']} — {targets}"


# The tool fixtures come first in the arguments, so that a missing tool fails at once rather
# than after the demo content is loaded.
# live_server needs a transactional database, flushed after the test; serialized_rollback
# restores what the migrations created (locales, root page) for the tests that run after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_pass_axe_and_make_no_third_party_request(
    chromium_options, axe_script, reports_dir, live_server, demo_site
):
    server = urlsplit(live_server.url).netloc
    problems = []
    # Before the browser starts: Django refuses ORM calls in Playwright's event loop.
    sheet = PracticeSheetPage.objects.live().filter(locale__language_code="fr").first()
    # The start of the title's longest word: a short first word ("Un", "Le") is a stop word,
    # which full-text suggestions rightly ignore.
    typed = max(sheet.title.split(), key=len)[:4]
    current = {"path": None}

    def on_request(request):
        # data: URLs stay inside the page; anything fetched must come from our own server.
        scheme, netloc = urlsplit(request.url)[:2]
        if scheme in ("http", "https", "ws", "wss") and netloc != server:
            problems.append(f"{current['path']}: third-party request to {request.url}")

    def on_response(response):
        # A missing stylesheet or image would make axe's contrast results meaningless.
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{current['path']}: HTTP {response.status} on {response.url}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium_options)
        page = browser.new_page(viewport={"width": SCREEN_WIDTHS["desktop"], "height": 900})
        page.on("request", on_request)
        page.on("response", on_response)
        watch_console(page, problems, current)
        # Injected by the browser itself, as the site's policy forbids inline scripts.
        page.add_init_script(path=axe_script)

        for path, expected_status in demo_site:
            current["path"] = path
            response = page.goto(live_server.url + path, wait_until="load")
            if response.status != expected_status:
                problems.append(f"{path}: HTTP {response.status}, expected {expected_status}")
                continue
            results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
            problems += [describe_violation(path, v) for v in results["violations"]]

        current["path"] = "/fiches-pratiques/ (suggestions)"
        check_suggestions(page, live_server.url, typed, problems)
        take_screenshots(page, live_server.url, demo_site, reports_dir / "screenshots")
        browser.close()

    fail_listing(problems, "problem(s)", demo_site)


def watch_console(page, problems, current):
    """Scripts or styles blocked by the Content-Security-Policy, a malformed policy header
    and script errors are reported by the browser only: they break features silently."""

    def on_console(message):
        # "…violates the following Content Security Policy directive…", "Error with
        # Permissions-Policy header…"; a 404 page's own "Failed to load resource" is expected.
        if message.type == "error" and "Policy" in message.text:
            problems.append(f"{current['path']}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{current['path']}: {error}"))


def check_suggestions(page, base_url, typed, problems):
    """The library's suggestions under the site's policy: its script, its request and the
    list it shows."""
    page.goto(base_url + "/fiches-pratiques/", wait_until="load")
    page.locator("#library-q").press_sequentially(typed)
    option = page.locator("#library-q-suggestions [role=option]").first
    try:
        option.wait_for(state="visible", timeout=10_000)
    except PlaywrightTimeoutError:
        problems.append(f"/fiches-pratiques/: no suggestion shown for {typed!r}")


def take_screenshots(page, base_url, demo_site, folder):
    """The home page and a news page at desktop and phone widths, for a human eye: axe
    cannot tell whether the layout looks right."""
    # The first news item of the sitemap: /actualites/<slug>/.
    news = next(
        path for path, _ in demo_site if path.startswith("/actualites/") and path.count("/") == 3
    )
    folder.mkdir(exist_ok=True)
    for name, path in {"home": "/", "news": news}.items():
        for device, width in SCREEN_WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(base_url + path, wait_until="load")
            page.screenshot(path=folder / f"{name}-{device}.png", full_page=True)


@pytest.mark.django_db
def test_pages_are_valid_html(vnu_command, client, demo_site, tmp_path):
    # Each page is saved to a file and the checker runs once for all of them: starting
    # Java for each page would cost a second or two every time.
    folder = tmp_path / "html"
    folder.mkdir()
    path_of_file = {}
    for number, (path, expected_status) in enumerate(demo_site):
        response = client.get(path)
        assert response.status_code == expected_status, path
        file = folder / f"page-{number:03}.html"
        file.write_bytes(response.content)
        path_of_file[file.name] = path

    # The site's own stylesheets go through the same run: a typo in a property is silently
    # dropped by browsers, and may take a focus ring or a colour with it.
    stylesheets = sorted((Path(settings.BASE_DIR) / "static").rglob("*.css"))
    files = [*sorted(folder.iterdir()), *stylesheets]
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--also-check-css", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    # The checker writes its JSON report on stderr; its exit status only says "errors".
    messages = json.loads(result.stderr)["messages"]
    errors = []
    for message in messages:
        file = Path(urlsplit(message.get("url", "")).path).name
        where = path_of_file.get(file, message.get("url", "?"))
        errors.append(f"{where} line {message.get('lastLine', '?')}: {message['message']}")
    fail_listing(errors, "HTML error(s)", demo_site)
