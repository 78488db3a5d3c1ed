"""Helpers of the search tests: read the results, counts and status of a search page."""

from urllib.parse import urlencode

from tests.home.helpers import parse


def library_url(prefix="", **params):
    query = urlencode(params, doseq=True)
    return f"{prefix}/fiches-pratiques/" + (f"?{query}" if query else "")


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:2000]
    return parse(response)


def text(element):
    return " ".join(element.get_text().split())


def result_titles(html):
    return [text(link) for link in html.select(".library-results .result-title a")]


def site_result_titles(html):
    return [text(link) for link in html.select(".site-search .result-title a")]


def status(html):
    return html.select_one("[role=status]").get_text(" ", strip=True)


def facet_counts(html):
    """{facet parameter: {value: count}} as the library shows them."""
    counts = {}
    for checkbox in html.select(".facets input[type=checkbox]"):
        label = html.select_one(f"label[for={checkbox['id']}]")
        count = int(label.select_one(".facet-count").get_text(strip=True).strip("()"))
        counts.setdefault(checkbox["name"], {})[checkbox["value"]] = count
    return counts


def search(client, prefix="", **params):
    """(titles of the results, facet counts) of a library search."""
    html = get_page(client, library_url(prefix, **params))
    return result_titles(html), facet_counts(html)
