"""Fixtures of the members app: the directory under the French home page (and its English
translation), real authorities from the referential, and a helper that creates member
profiles with their editions."""

import pytest

from members.factories import (
    AMIENS,
    BRETAGNE,
    PLOEMEUR,
    RENNES,
    RENNES_METROPOLE,
    SOMME,
    MemberIndexPageFactory,
    MemberPageFactory,
    authority,
)


@pytest.fixture
def member_index(home):
    return MemberIndexPageFactory(parent=home)


@pytest.fixture
def english_member_index(member_index, english_home, translate):
    return translate(member_index, title="Members", intro="The network's member authorities.")


@pytest.fixture
def amiens(db):
    return authority(*AMIENS)


@pytest.fixture
def rennes(db):
    return authority(*RENNES)


@pytest.fixture
def ploemeur(db):
    return authority(*PLOEMEUR)


@pytest.fixture
def rennes_metropole(db):
    return authority(*RENNES_METROPOLE)


@pytest.fixture
def somme(db):
    return authority(*SOMME)


@pytest.fixture
def bretagne(db):
    return authority(*BRETAGNE)


@pytest.fixture
def add_member(member_index):
    """Publish a member profile in the directory: `add_member(amiens, editions=[...])`."""

    def add_member(authority, **fields):
        return MemberPageFactory(
            parent=fields.pop("parent", member_index), authority=authority, **fields
        )

    return add_member
