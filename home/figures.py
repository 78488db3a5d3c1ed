"""Key figures of the network, computed from the data and never typed by hand.

Each app that holds figures registers a `register_key_figures` hook: a function taking a
locale and returning a dict with some of the keys of `KEY_FIGURES`. A figure no app
provides yet counts zero."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

KEY_FIGURES = {
    "members": _("collectivités membres"),
    "population": _("habitants couverts"),
    "practice_sheets": _("fiches pratiques partagées"),
}


def get_key_figures(locale):
    values = dict.fromkeys(KEY_FIGURES, 0)
    for provide in hooks.get_hooks("register_key_figures"):
        values.update(provide(locale))
    return [
        {"key": key, "label": label, "value": values[key]} for key, label in KEY_FIGURES.items()
    ]
