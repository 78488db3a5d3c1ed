"""Django's makemessages without fuzzy matching: a guessed translation of a new string
would be shown to English readers as if it were right."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
