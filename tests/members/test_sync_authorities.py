"""A newer vintage of the referential updates the authorities that member profiles point
to, and says what changed."""

from io import StringIO

from django.core.management import call_command

import pytest

from members import referential
from members.models import Authority, MemberIndexPage, MemberPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def outdated_amiens_member(home):
    amiens = Authority.objects.create(
        kind="commune", code="80021", name="Amiens-Ancien", population=1
    )
    index = home.add_child(instance=MemberIndexPage(title="Membres", slug="membres"))
    index.add_child(instance=MemberPage(title="Amiens", slug="amiens", authority=amiens))
    return amiens


def sync(*args):
    output = StringIO()
    call_command("sync_members_referential", *args, stdout=output)
    return output.getvalue()


def test_sync_updates_the_name_and_population_of_a_member_authority(outdated_amiens_member):
    output = sync()
    expected = referential.find("commune", "80021")
    assert "commune:80021" in output
    assert "Amiens-Ancien" in output
    outdated_amiens_member.refresh_from_db()
    assert outdated_amiens_member.name == expected.name == "Amiens"
    assert outdated_amiens_member.population == expected.population
    assert outdated_amiens_member.search_name == "amiens"


def test_sync_dry_run_saves_nothing(outdated_amiens_member):
    output = sync("--dry-run")
    assert "commune:80021" in output
    outdated_amiens_member.refresh_from_db()
    assert outdated_amiens_member.name == "Amiens-Ancien"


def test_sync_leaves_authorities_without_a_member_alone(outdated_amiens_member):
    rennes = Authority.objects.create(kind="commune", code="35238", name="Rennes-Ancien")
    output = sync()
    assert "35238" not in output
    rennes.refresh_from_db()
    assert rennes.name == "Rennes-Ancien"
