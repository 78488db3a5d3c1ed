"""Fixtures of the knowledge base: the charter and the practice library under the French
home page (and their English translations), taxonomy terms in both languages, members
from the real referential with their pair, and a helper that publishes practice sheets."""

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
    MemberIndexPageFactory,
    MemberPageFactory,
    RepresentativeFactory,
    authority,
)
from members.models import Representative

ENGLISH_PRINCIPLES = [
    "Empowering citizens",
    "Continuity and regularity",
    "Equal access and inclusion",
    "Transparency and sincerity",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def charter(home):
    return CharterPageFactory(parent=home)


@pytest.fixture
def english_charter(charter, english_home):
    english = charter.copy_for_translation(english_home.locale)
    english.title = "The charter"
    principles = list(english.principles.all())
    for principle, title in zip(principles, ENGLISH_PRINCIPLES, strict=True):
        principle.title = title
    english.principles = principles
    english.save_revision().publish()
    english.refresh_from_db()
    return english


@pytest.fixture
def library(home):
    return PracticeLibraryPageFactory(parent=home)


@pytest.fixture
def english_library(library, english_home, translate):
    return translate(library, title="Practice sheets")


@pytest.fixture
def member_index(home):
    return MemberIndexPageFactory(parent=home)


@pytest.fixture
def english_member_index(member_index, english_home, translate):
    return translate(member_index, title="Members")


@pytest.fixture
def amiens(db):
    return authority(*AMIENS)


@pytest.fixture
def rennes(db):
    return authority(*RENNES)


@pytest.fixture
def add_member(member_index):
    """Publish a member profile in the directory: `add_member(amiens, …)`."""

    def add_member(authority, **fields):
        return MemberPageFactory(
            parent=fields.pop("parent", member_index), authority=authority, **fields
        )

    return add_member


def pair():
    return [
        RepresentativeFactory.build(
            role=Representative.Role.ELECTED,
            name="Hélène Martin",
            email="helene.martin@amiens.example",
        ),
        RepresentativeFactory.build(
            role=Representative.Role.PROFESSIONAL,
            name="Karim Benali",
            email="budget.participatif@amiens.example",
        ),
    ]


@pytest.fixture
def amiens_member(add_member, amiens):
    return add_member(amiens, representatives=pair(), charter_adopted_on="2022-11-08")


@pytest.fixture
def english_amiens_member(amiens_member, english_member_index, translate):
    return translate(amiens_member, presentation="Amiens runs a participatory budget.")


@pytest.fixture
def rennes_member(add_member, rennes):
    return add_member(rennes)


@pytest.fixture
def add_sheet(library):
    """Publish a practice sheet in the library as an editor does (a published revision, so
    that the library's search has it): `add_sheet(member, title=…, themes=[…])`; with
    `live=False`, a draft."""

    def add_sheet(member, **fields):
        parent = fields.pop("parent", library)
        sheet = PracticeSheetPageFactory(parent=parent, member=member, **fields)
        if sheet.live:
            sheet.save_revision().publish()
        return sheet

    return add_sheet


@pytest.fixture
def vote(english):
    phase = PhaseFactory(name="Vote", slug="vote")
    translate_term(phase, english, "Voting")
    return phase


@pytest.fixture
def youth(english):
    theme = ThemeFactory(name="Jeunesse et écoles", slug="jeunesse-ecoles")
    translate_term(theme, english, "Youth and schools")
    return theme


@pytest.fixture
def elderly(english):
    audience = AudienceFactory(name="Personnes âgées", slug="personnes-agees")
    translate_term(audience, english, "Older people")
    return audience
