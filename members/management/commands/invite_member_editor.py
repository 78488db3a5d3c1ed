"""Invite an editor for a member: `manage.py invite_member_editor camille@amiens.fr 80021`."""

from django.core.management.base import BaseCommand, CommandError

from members.invitations import InvitationError, find_member, invite_member_editor


class Command(BaseCommand):
    help = (
        "Create a member editor's account in the member's group, without a password, and "
        "email them a link to choose one."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "member", help="slug of the member's profile, or official code of its authority"
        )
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, email, member, first_name, last_name, **options):
        try:
            profile = find_member(member)
            user = invite_member_editor(email, profile, first_name, last_name)
        except InvitationError as error:
            raise CommandError(str(error)) from error
        group = profile.authority.editors.group.name
        self.stdout.write(
            self.style.SUCCESS(
                f"Invited {user.email} as an editor of {profile.title} (group {group}): "
                "the link to choose a password was sent by email."
            )
        )
