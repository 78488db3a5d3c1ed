"""The demo command's member profiles: the twelve founders with their real identity from
the referential, example editions said to be examples, a pair each, in French and English."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.http import HttpRequest
from django.test import override_settings
from django.utils import timezone

import pytest

from members import demo, referential
from members.models import MemberPage
from members.validation import edition_errors

from .helpers import facts, french_number, parse, table

pytestmark = pytest.mark.django_db

FOUNDER_CODES = {code for code, _first_year in demo.FOUNDERS}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for this module (it loads the whole referential) in a
    transaction that each test nests into and that is rolled back after the last one."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        call_command("load_demo_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def french_profiles():
    return MemberPage.objects.filter(locale__language_code="fr", alias_of__isnull=True)


def test_demo_creates_a_profile_for_each_of_the_twelve_founders(demo_site):
    assert len(demo.FOUNDERS) == 12
    codes = list(french_profiles().values_list("authority__code", flat=True))
    assert sorted(codes) == sorted(FOUNDER_CODES)


def test_demo_profiles_are_communes_with_their_official_identity(demo_site):
    for member in french_profiles().select_related("authority"):
        source = referential.find("commune", member.authority.code)
        identity = member.authority
        assert (identity.kind, identity.name, identity.siren) == (
            "commune",
            source.name,
            source.siren,
        )
        assert identity.population == source.population
        assert (identity.departement, identity.region) == (source.departement, source.region)


def test_demo_amiens_has_the_population_of_the_referential(client, demo_site):
    amiens = french_profiles().get(authority__code="80021")
    assert amiens.authority.population == referential.find("commune", "80021").population
    identity = facts(client.get(amiens.url), "identity-title")
    assert identity["Population"] == (
        f"{french_number(referential.find('commune', '80021').population)} habitants"
    )


def test_demo_profiles_have_consistent_example_editions_up_to_the_last_year(demo_site):
    first_years = dict(demo.FOUNDERS)
    today = timezone.localdate()
    for member in french_profiles().select_related("authority"):
        editions = list(member.editions.order_by("year"))
        years = [edition.year for edition in editions]
        assert years == list(range(first_years[member.authority.code], demo.LAST_EDITION_YEAR + 1))
        for edition in editions:
            edition.full_clean()
            assert edition_errors(edition, today) == {}


def test_demo_profiles_say_their_figures_are_examples(demo_site):
    for member in french_profiles():
        assert demo.EXAMPLE["fr"] in member.presentation


def test_demo_profiles_have_a_pair(demo_site):
    for member in french_profiles():
        assert sorted(member.representatives.values_list("role", flat=True)) == [
            "elected",
            "professional",
        ]


def test_demo_profiles_are_translated_into_english(demo_site):
    for member in french_profiles():
        english = member.get_translations().get(locale__language_code="en").specific
        assert english.live
        assert english.alias_of_id is None
        assert english.authority_id == member.authority_id
        assert demo.EXAMPLE["en"] in english.presentation
        assert english.editions.count() == member.editions.count()


def test_demo_profile_renders_in_both_languages(client, demo_site):
    amiens = french_profiles().get(authority__code="80021")
    english = amiens.get_translations().get(locale__language_code="en")
    for url, code_label in ((amiens.url, "Code INSEE"), (english.url, "INSEE code")):
        response = client.get(url)
        assert response.status_code == 200
        assert facts(response, "identity-title")[code_label] == "80021"
        assert len(table(response)) == amiens.editions.count()


def test_demo_directory_lists_the_founders(client, demo_site):
    index = french_profiles().first().get_parent()
    response = client.get(index.url)
    assert response.status_code == 200
    assert len(parse(response).select(".member-cards .card")) == len(demo.FOUNDERS)


def test_demo_gives_each_founder_an_editor_who_edits_only_their_profile(client, demo_site):
    from django.urls import reverse

    profiles = french_profiles()
    amiens = profiles.get(authority__code="80021")
    rennes = profiles.get(authority__code="35238")
    assert client.login(request=HttpRequest(), username="editeur-amiens", password="editeur-amiens")
    edit = "wagtailadmin_pages:edit"
    assert client.get(reverse(edit, args=[amiens.pk])).status_code == 200
    assert client.get(reverse(edit, args=[rennes.pk])).status_code == 404


def test_demo_prints_every_login_again_on_a_second_run(demo_site):
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    logins = [line for line in output.getvalue().splitlines() if "Demo login" in line]
    assert "equipe / equipe" in logins[1] and "traduction / traduction" in logins[2]
    editors = [line for line in logins if "editeur-" in line]
    assert len(editors) == len(demo.FOUNDERS)
    assert "editeur-amiens / editeur-amiens — éditrice ou éditeur du membre Amiens" in logins[-1]
