"""Helpers shared by the tests of the knowledge base: reading the rendered pages."""

from tests.members.helpers import facts, parse, text

__all__ = ["facts", "links", "parse", "text"]


def links(element):
    """(text, href) of the links inside an element, in document order."""
    if element is None:
        return []
    return [(text(link), link["href"]) for link in element.select("a[href]")]
