"""Invitations of member editors: an account in the member's group, without a password,
and an email with a link to choose one (Django's password-reset token, Wagtail's form)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from wagtail.models import Locale

from members.models import MemberPage
from members.roles import ensure_member_group


class InvitationError(Exception):
    """A reason to invite nobody, said to the person who asked."""


def find_member(identifier):
    """The French profile whose slug, or whose authority's official code, is given."""
    identifier = identifier.strip()
    profiles = MemberPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
    found = list(
        profiles.filter(Q(slug=identifier) | Q(authority__code=identifier)).select_related(
            "authority"
        )
    )
    if not found:
        raise InvitationError(
            _("Aucun membre n'a pour adresse (slug) ou code officiel « %(id)s ».")
            % {"id": identifier}
        )
    if len(found) > 1:
        raise InvitationError(
            _(
                "Plusieurs membres ont le code « %(id)s » : donnez l'adresse (slug) de l'un "
                "de ces profils : %(slugs)s."
            )
            % {"id": identifier, "slugs": ", ".join(sorted(page.slug for page in found))}
        )
    return found[0]


def set_password_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite_member_editor(email, member, first_name="", last_name=""):
    """Create the editor's account in the member's group and email them the link."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise InvitationError(
            _("« %(email)s » n'est pas une adresse électronique valide.") % {"email": email}
        ) from error
    User = get_user_model()
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise InvitationError(
            _(
                "Un compte existe déjà pour %(email)s : ajoutez-le au groupe du membre dans "
                "Paramètres › Utilisateurs, ou laissez la personne utiliser « Mot de passe "
                "oublié »."
            )
            % {"email": email}
        )
    with transaction.atomic():
        # No password to share: the account has none until its owner chooses one.
        user = User.objects.create_user(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        group = ensure_member_group(member.authority).group
        user.groups.add(group)
    context = {
        "user": user,
        "member": member,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "url": set_password_url(user),
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_login"),
    }
    send_mail(
        _("Votre compte d'édition sur le site du %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        render_to_string("members/invitation_email.txt", context),
        None,
        [email],
    )
    return user
