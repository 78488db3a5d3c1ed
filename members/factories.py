"""Factories for the members app, built on wagtail-factories.

Authorities come from the real referential, so that every identity in the tests is a true
one: `AuthorityFactory(kind="commune", code="80021")` is Amiens with its official SIREN,
région and population (an existing row is reused). Member pages come out live and
published, like the other page factories; give `editions=[...]` and
`representatives=[...]` (unsaved `Edition` / `Representative` objects, e.g. from
`EditionFactory.build()`) to create them with the page."""

from collections import Counter
from functools import cache

from django.utils.text import slugify

import factory

from home.factories import PublishedPageFactory
from members import referential
from members.models import Authority, Edition, MemberIndexPage, MemberPage, Representative

# Real authorities the tests refer to by name: (kind, code).
AMIENS = ("commune", "80021")
RENNES = ("commune", "35238")
PLOEMEUR = ("commune", "56162")
SAINT_ETIENNE = ("commune", "42218")
RENNES_METROPOLE = ("epci", "243500139")
SOMME = ("departement", "80")
BRETAGNE = ("region", "53")


@cache
def _communes():
    """Codes of the referential's communes, biggest first: the default authorities. Only
    names no other commune bears, so that their pages' slugs differ."""
    communes = [a for a in referential.all_authorities() if a.kind == "commune"]
    names = Counter(slugify(a.name) for a in communes)
    communes = [a for a in communes if names[slugify(a.name)] == 1]
    communes.sort(key=lambda a: (-(a.population or 0), a.code))
    return [a.code for a in communes]


def _unused_commune(start):
    """The first of the default communes, from `start` on, that has no row yet: a test that
    named Amiens never gets a second one from the sequence."""
    codes = _communes()
    used = set(Authority.objects.filter(kind="commune").values_list("code", flat=True))
    for offset in range(len(codes)):
        code = codes[(start + offset) % len(codes)]
        if code not in used:
            return code
    raise LookupError("every commune of the referential already has a row")


def _source(authority):
    found = referential.find(authority.kind, authority.code)
    if found is None:
        raise LookupError(f"{authority.kind}:{authority.code} is not in the referential")
    return found


class AuthorityFactory(factory.django.DjangoModelFactory):
    """A row of the referential table, copied from the referential itself. Without
    arguments, the next commune by population (Paris, Marseille, Lyon…)."""

    kind = "commune"
    code = factory.Sequence(lambda n: _unused_commune(n))
    name = factory.LazyAttribute(lambda o: _source(o).name)
    siren = factory.LazyAttribute(lambda o: _source(o).siren or "")
    departement = factory.LazyAttribute(lambda o: _source(o).departement or "")
    region = factory.LazyAttribute(lambda o: _source(o).region or "")
    population = factory.LazyAttribute(lambda o: _source(o).population)
    epci_type = factory.LazyAttribute(lambda o: _source(o).epci_type or "")

    class Meta:
        model = Authority
        django_get_or_create = ("kind", "code")


def authority(kind, code):
    """The database row of a real authority, e.g. `authority(*AMIENS)`."""
    return AuthorityFactory(kind=kind, code=code)


class MemberIndexPageFactory(PublishedPageFactory):
    title = "Les membres"
    slug = "membres"
    intro = "Les collectivités membres du réseau et leur budget participatif."

    class Meta:
        model = MemberIndexPage


class EditionFactory(factory.django.DjangoModelFactory):
    """One edition with consistent figures. `EditionFactory.build(year=2021)` for an
    unsaved edition to give a page factory; `EditionFactory(page=member)` saves one."""

    year = 2020
    amount = 500_000
    projects_submitted = 120
    projects_put_to_vote = 60
    winning_projects = 20
    votes_cast = 8_000
    delivered_projects = 15

    class Meta:
        model = Edition


class RepresentativeFactory(factory.django.DjangoModelFactory):
    role = Representative.Role.ELECTED
    name = factory.Sequence(lambda n: f"Camille Dupont {n}")
    position = "Adjointe à la démocratie participative"
    email = factory.Sequence(lambda n: f"camille.dupont.{n}@mairie.example")

    class Meta:
        model = Representative


def edition_years(*years, **fields):
    """Unsaved editions for the given years, the same figures each."""
    return [EditionFactory.build(year=year, **fields) for year in years]


class MemberPageFactory(PublishedPageFactory):
    authority = factory.SubFactory(AuthorityFactory)
    title = factory.LazyAttribute(lambda o: o.authority.name)
    presentation = factory.LazyAttribute(
        lambda o: f"{o.authority.name} mène un budget participatif."
    )
    editions = factory.LazyFunction(list)
    representatives = factory.LazyFunction(list)

    class Meta:
        model = MemberPage
