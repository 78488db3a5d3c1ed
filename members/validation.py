"""Consistency rules of an edition's figures, shared by the model and the admin form."""

from django.utils.translation import gettext as _


def edition_errors(edition, today):
    """Errors of one edition, as {field: message}; empty when the figures hold together."""
    errors = {}
    if edition.year and edition.year > today.year:
        errors["year"] = _("L'année %(year)s n'est pas encore passée.") % {"year": edition.year}
    submitted, voted = edition.projects_submitted, edition.projects_put_to_vote
    winning, delivered = edition.winning_projects, edition.delivered_projects
    if voted is not None and submitted is not None and voted > submitted:
        errors["projects_put_to_vote"] = _(
            "Il ne peut y avoir plus de projets soumis au vote que de projets déposés."
        )
    if winning is not None and submitted is not None and winning > submitted:
        errors["winning_projects"] = _(
            "Il ne peut y avoir plus de projets lauréats que de projets déposés."
        )
    elif winning is not None and voted is not None and winning > voted:
        errors["winning_projects"] = _(
            "Il ne peut y avoir plus de projets lauréats que de projets soumis au vote."
        )
    if delivered is not None and winning is not None and delivered > winning:
        errors["delivered_projects"] = _(
            "Il ne peut y avoir plus de projets réalisés que de projets lauréats."
        )
    return errors
