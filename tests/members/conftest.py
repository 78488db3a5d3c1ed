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


@pytest.fixture
def library(home):
    from knowledge.factories import PracticeLibraryPageFactory

    return PracticeLibraryPageFactory(parent=home)


@pytest.fixture
def add_sheet(library):
    """Publish a practice sheet in the library: `add_sheet(member, title=…)`."""
    from knowledge.factories import PracticeSheetPageFactory

    def add_sheet(member, **fields):
        return PracticeSheetPageFactory(
            parent=fields.pop("parent", library), member=member, **fields
        )

    return add_sheet


@pytest.fixture
def member_editor(django_user_model):
    """A user in the editors' group of a member: `member_editor(member_page)`."""

    def member_editor(member, username=None):
        user = django_user_model.objects.create_user(
            username or f"editeur-{member.slug}", f"{username or member.slug}@mairie.example"
        )
        user.groups.add(member.authority.editors.group)
        return user

    return member_editor


@pytest.fixture
def staff_user(django_user_model):
    """A user in one of the staff groups: `staff_user(roles.NETWORK_EDITORS)`."""
    from django.contrib.auth.models import Group

    def staff_user(group_name, username="equipe"):
        user = django_user_model.objects.create_user(username, f"{username}@reseau-bp.example")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return staff_user
