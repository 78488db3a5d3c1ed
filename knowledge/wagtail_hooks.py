"""Admin integration of the knowledge base: the practice-sheet key figure."""

from wagtail import hooks

from knowledge.models import PracticeSheetPage


@hooks.register("register_key_figures")
def practice_figures(locale):
    sheets = PracticeSheetPage.objects.live().public().filter(locale=locale)
    return {"practice_sheets": sheets.count()}
