"""The URLs of the page types that bench/run.py measures, read from the benchmark database:
up to SAMPLE live public French pages of each type (bench/run.py takes the library and
its sheets from the seed summary instead, sampled over every sheet).

    python -m bench.page_types   # prints {"home": ["/"], "news page": [...], ...} as JSON"""

import json

from bench import env

SAMPLE = 20


def page_urls():
    from wagtail.models import Locale

    from home.models import HomePage, NewsIndexPage, NewsPage
    from knowledge.models import CharterPage, PracticeLibraryPage, PracticeSheetPage
    from members.models import MemberIndexPage, MemberPage

    models = {
        "home": HomePage,
        "news index": NewsIndexPage,
        "news page": NewsPage,
        "directory": MemberIndexPage,
        "profile": MemberPage,
        "charter": CharterPage,
        "library": PracticeLibraryPage,
        "sheet": PracticeSheetPage,
    }
    french = Locale.objects.get(language_code="fr")
    return {
        name: [
            page.url
            for page in model.objects.live().public().filter(locale=french).order_by("pk")[:SAMPLE]
        ]
        for name, model in models.items()
    }


if __name__ == "__main__":
    env.setup_django()
    print(json.dumps(page_urls()))
