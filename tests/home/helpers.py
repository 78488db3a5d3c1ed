"""Small helpers shared by the tests of the home app."""

from bs4 import BeautifulSoup


def parse(response):
    """The HTML of a response, to query with CSS selectors."""
    return BeautifulSoup(response.content, "html.parser")
