"""Staff invite a member's editor from the command line: the account is created in the
member's group without a password, and its owner chooses one through the emailed link."""

import re
from io import StringIO
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def amiens_member(add_member, amiens):
    return add_member(amiens)


def invite(*args):
    output = StringIO()
    call_command("invite_member_editor", *args, stdout=output)
    return output.getvalue()


def emailed_path():
    """The path of the set-password link in the last email."""
    link = re.search(r"https?://\S+/password_reset/\S+", mail.outbox[-1].body).group(0)
    return urlsplit(link).path


@pytest.mark.parametrize("identifier", ["amiens", "80021"])
def test_invited_editor_has_no_password_and_is_in_the_members_group(amiens_member, identifier):
    output = invite("Camille.Martin@Amiens.example", identifier)
    assert "Membre — Amiens (80021)" in output
    user = get_user_model().objects.get(email="camille.martin@amiens.example")
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [amiens_member.authority.editors.group]
    assert mail.outbox[-1].to == ["camille.martin@amiens.example"]
    assert "Amiens" in mail.outbox[-1].body


def test_invited_editor_chooses_a_password_and_logs_in(client, amiens_member):
    invite("camille@amiens.example", "amiens")
    response = client.get(emailed_path())
    assert response.status_code == 302  # Django moves the token out of the URL
    new_password = "un-budget-pour-2026"
    response = client.post(
        response["Location"], {"new_password1": new_password, "new_password2": new_password}
    )
    assert response.status_code == 302
    assert client.login(
        request=HttpRequest(), username="camille@amiens.example", password=new_password
    )
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[amiens_member.pk])).status_code == 200
    )


def test_link_works_once(client, amiens_member):
    invite("camille@amiens.example", "amiens")
    path = emailed_path()
    form_url = client.get(path)["Location"]
    password = "un-budget-pour-2026"
    client.post(form_url, {"new_password1": password, "new_password2": password})
    client.logout()
    response = client.get(path, follow=True)
    assert "new_password1" not in response.content.decode()


def test_unknown_member_is_refused_clearly(amiens_member):
    with pytest.raises(CommandError, match="Aucun membre .* « lyon »"):
        invite("camille@amiens.example", "lyon")
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_existing_email_is_refused_clearly(amiens_member, django_user_model):
    django_user_model.objects.create_user("camille", "camille@amiens.example")
    with pytest.raises(CommandError, match="Un compte existe déjà pour camille@amiens.example"):
        invite("Camille@Amiens.example", "amiens")
    assert django_user_model.objects.count() == 1
    assert mail.outbox == []


def test_invalid_email_is_refused_clearly(amiens_member):
    with pytest.raises(CommandError, match="n'est pas une adresse électronique valide"):
        invite("camille-at-amiens", "amiens")
    assert not get_user_model().objects.exists()
