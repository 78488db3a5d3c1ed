"""Fixtures of the search: the practice library under the French home page (and its English
translation), a charter, taxonomy terms in both languages, members from the real
referential, and helpers that publish practice sheets as editors do (a published revision,
which is what fills the search table)."""

from django.db import connection

import pytest

from knowledge.factories import (
    AudienceFactory,
    CharterPageFactory,
    PhaseFactory,
    PracticeLibraryPageFactory,
    PracticeSheetPageFactory,
    ThemeFactory,
    translate_term,
)
from members.factories import (
    AMIENS,
    RENNES,
    SAINT_ETIENNE,
    MemberIndexPageFactory,
    MemberPageFactory,
    authority,
)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="French stemming and accent folding are PostgreSQL text search features; "
    "SQLite matches accent-folded substrings (run with DATABASE_URL=postgres://…)",
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def library(home):
    return PracticeLibraryPageFactory(parent=home)


@pytest.fixture
def english_library(library, english_home, translate):
    return translate(library, title="Practice sheets", slug="fiches-pratiques")


@pytest.fixture
def charter(home):
    return CharterPageFactory(parent=home)


@pytest.fixture
def member_index(home):
    return MemberIndexPageFactory(parent=home)


@pytest.fixture
def amiens_member(member_index):
    return MemberPageFactory(parent=member_index, authority=authority(*AMIENS))


@pytest.fixture
def rennes_member(member_index):
    return MemberPageFactory(parent=member_index, authority=authority(*RENNES))


@pytest.fixture
def saint_etienne_member(member_index):
    return MemberPageFactory(parent=member_index, authority=authority(*SAINT_ETIENNE))


def publish(page):
    """Publish the page's current content as a revision, as the admin's Publish button does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def add_sheet(library, amiens_member):
    """Publish a practice sheet: `add_sheet(title=…, themes=[…], member=…)`."""

    def add_sheet(**fields):
        fields.setdefault("member", amiens_member)
        parent = fields.pop("parent", library)
        return publish(PracticeSheetPageFactory(parent=parent, **fields))

    return add_sheet


@pytest.fixture
def translate_sheet(english_library, translate):
    """Translate a published sheet into English and publish the translation."""

    def translate_sheet(sheet, **fields):
        return translate(sheet, **fields)

    return translate_sheet


@pytest.fixture
def vote(english):
    phase = PhaseFactory(name="Vote", slug="vote")
    translate_term(phase, english, "Voting")
    return phase


@pytest.fixture
def campaign(english):
    phase = PhaseFactory(name="Campagne", slug="campagne")
    translate_term(phase, english, "Campaign")
    return phase


@pytest.fixture
def youth(english):
    theme = ThemeFactory(name="Jeunesse et écoles", slug="jeunesse-ecoles")
    translate_term(theme, english, "Youth and schools")
    return theme


@pytest.fixture
def inclusion(english):
    theme = ThemeFactory(name="Inclusion", slug="inclusion")
    translate_term(theme, english, "Inclusion")
    return theme


@pytest.fixture
def elderly(english):
    audience = AudienceFactory(name="Personnes âgées", slug="personnes-agees")
    translate_term(audience, english, "Older people")
    return audience
