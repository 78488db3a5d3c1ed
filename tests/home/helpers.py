"""Small helpers shared by the tests of the home app."""

from django.utils import translation

from bs4 import BeautifulSoup


def parse(response):
    """The HTML of a response, to query with CSS selectors."""
    return BeautifulSoup(response.content, "html.parser")


def in_english(message):
    """A UI string as English visitors see it: its translation from locale/en once the
    catalogue translates it, the French source until then."""
    with translation.override("en"):
        return translation.gettext(message)
