"""Factories for the knowledge base, built on wagtail-factories.

Taxonomy terms are French unless given `locale=`. The charter comes with four principles
unless given `principles=principles("Titre", …)` (unsaved `Principle` objects
numbered in order). Practice sheets come out live and published; give them a
`member=` (a member profile) and their relations as lists: `phases=[...]`,
`adapted_from=[...]`, `documents=[PracticeDocument(document=...)]`."""

import factory

from home.factories import PublishedPageFactory
from knowledge.models import (
    Audience,
    CharterPage,
    Phase,
    PracticeLibraryPage,
    PracticeSheetPage,
    Principle,
    Theme,
)


def french_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="fr")


class TermFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(french_locale)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        abstract = True


class PhaseFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Phase {n}")
    slug = factory.Sequence(lambda n: f"phase-{n}")

    class Meta:
        model = Phase


class ThemeFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme


class AudienceFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Public {n}")
    slug = factory.Sequence(lambda n: f"public-{n}")

    class Meta:
        model = Audience


def translate_term(term, locale, name):
    """The translation of a taxonomy term, as a translator would save it."""
    translated = term.copy_for_translation(locale)
    translated.name = name
    translated.save()
    return translated


class PrincipleFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Principe {n}")
    statement = factory.Sequence(lambda n: f"Énoncé du principe {n}.")
    explanation = "<p>Une explication du principe.</p>"

    class Meta:
        model = Principle


PRINCIPLE_TITLES = [
    "Donner du pouvoir d'agir aux citoyens",
    "Continuité et régularité",
    "Égalité d'accès et inclusion",
    "Transparence et sincérité",
]


def default_principles():
    return principles(*PRINCIPLE_TITLES)


def principles(*titles):
    """Unsaved principles with these titles, numbered in this order."""
    return [
        PrincipleFactory.build(title=title, sort_order=number)
        for number, title in enumerate(titles)
    ]


class CharterPageFactory(PublishedPageFactory):
    title = "La charte"
    slug = "charte"
    intro = "La charte des principes fondamentaux des budgets participatifs."
    preamble = "<p>Élaborée collectivement à Paris en 2019.</p>"
    principles = factory.LazyFunction(default_principles)

    class Meta:
        model = CharterPage


class PracticeLibraryPageFactory(PublishedPageFactory):
    title = "Fiches pratiques"
    slug = "fiches-pratiques"
    intro = "Comment les collectivités mènent leur budget participatif."

    class Meta:
        model = PracticeLibraryPage


class PracticeSheetPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Fiche pratique n° {n}")
    summary = "Un comité citoyen tiré au sort suit chaque édition du budget participatif."
    easy_read_summary = "Des habitants tirés au sort suivent le budget participatif."
    year_start = 2021
    context = "<p>La ville voulait associer des habitants éloignés de la participation.</p>"
    method = "<p>Un tirage au sort sur les listes électorales, puis trois réunions.</p>"
    results = "<p>Trente habitants ont suivi toute l'édition.</p>"
    lessons = "<p>Prévoir une indemnité et une garde d'enfants.</p>"
    phases = factory.LazyFunction(list)
    themes = factory.LazyFunction(list)
    audiences = factory.LazyFunction(list)
    principles = factory.LazyFunction(list)
    adapted_from = factory.LazyFunction(list)
    documents = factory.LazyFunction(list)

    class Meta:
        model = PracticeSheetPage
