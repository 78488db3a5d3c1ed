"""Admin integration of the knowledge base: the practice-sheet key figure."""

from wagtail import hooks

from home.figures import count
from search.models import PracticeSearchDocument


@hooks.register("register_key_figures")
def practice_figures(locale_id):
    # The library's search table holds one row per live, public sheet (search/documents.py):
    # counted through its index, where the page tree would be read whole at 100,000 sheets.
    return {"practice_sheets": count(PracticeSearchDocument.objects.filter(locale_id=locale_id))}
