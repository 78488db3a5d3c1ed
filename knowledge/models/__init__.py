from .charter import CharterPage, Principle
from .practices import PracticeDocument, PracticeLibraryPage, PracticeSheetPage
from .taxonomy import Audience, Phase, Theme

__all__ = [
    "Audience",
    "CharterPage",
    "Phase",
    "PracticeDocument",
    "PracticeLibraryPage",
    "PracticeSheetPage",
    "Principle",
    "Theme",
]
