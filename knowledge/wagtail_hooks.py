"""Admin integration of the knowledge base: the practice-sheet key figure."""

from wagtail import hooks
from wagtail.models import Locale

from search.library import sheet_count


@hooks.register("register_key_figures")
def practice_figures(locale_id):
    # Only the locale's id matters to the count: no query to load the locale.
    return {"practice_sheets": sheet_count(Locale(pk=locale_id))}
