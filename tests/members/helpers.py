"""Helpers shared by the tests of the members app: reading the rendered pages, and numbers
written as a French or English reader expects them, computed without Django's formatting."""

from decimal import ROUND_HALF_UP, Decimal

from tests.home.helpers import parse

NBSP = "\xa0"


def rounded(value, decimals):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def french_number(value, decimals=0):
    """1234567.891 → "1 234 567,89" (no-break spaces between thousands, decimal comma)."""
    english = f"{rounded(value, decimals):,.{decimals}f}"
    return english.translate(str.maketrans({",": NBSP, ".": ","}))


def english_number(value, decimals=0):
    return f"{rounded(value, decimals):,.{decimals}f}"


def french_euros(value, decimals=0):
    return f"{french_number(value, decimals)} €"


def french_percent(ratio):
    return f"{french_number(Decimal(str(ratio)) * 100, 1)} %"


def text(element):
    return element.get_text(" ", strip=True) if element is not None else None


def facts(response, section_id):
    """{term: definition} of the description list in the section titled by `section_id`."""
    section = parse(response).find(attrs={"aria-labelledby": section_id})
    return {
        text(term): text(term.find_next_sibling("dd")) for term in section.select("dl.facts dt")
    }


def table(response, selector="table.data-table"):
    """The rows of a table as {header: cell text}, in document order."""
    found = parse(response).select_one(selector)
    headers = [text(th) for th in found.select("thead th")]
    return [
        dict(zip(headers, [text(cell) for cell in row.select("th, td")], strict=True))
        for row in found.select("tbody tr")
    ]
