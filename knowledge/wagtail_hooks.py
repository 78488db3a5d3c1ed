"""Admin integration of the knowledge base: the practice-sheet key figure."""

from wagtail import hooks

from home.figures import count
from home.queries import live_public
from knowledge.models import PracticeSheetPage


@hooks.register("register_key_figures")
def practice_figures(locale_id):
    return {
        "practice_sheets": count(live_public(PracticeSheetPage.objects.filter(locale_id=locale_id)))
    }
