"""Open data of the members and their editions: CSV (UTF-8, header row) and JSON, under the
Licence Ouverte 2.0. Column names are French, as French open-data users expect."""

import csv
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from members.columns import EDITION_COLUMNS, MEMBER_COLUMNS
from members.models import MemberPage

LICENCE = "Licence Ouverte / Open Licence 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def published_members():
    """Live, public French profiles: each member once, in the language of reference."""
    return (
        MemberPage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .select_related("authority")
        .prefetch_related("editions")
        .order_by("authority__search_name")
    )


class NumberEncoder(DjangoJSONEncoder):
    """Amounts and rates as JSON numbers, not strings."""

    def default(self, o):
        if isinstance(o, Decimal):
            return int(o) if o == o.to_integral_value() else float(o)
        return super().default(o)


def rounded(value, places):
    return None if value is None else round(Decimal(value), places)


def member_row(page, request):
    authority = page.authority
    editions = sorted(page.editions.all(), key=lambda edition: edition.year)
    latest = editions[-1] if editions else None
    return {
        "type": authority.kind,
        "code": authority.code,
        "nom": authority.name,
        "siren": authority.siren,
        "departement": authority.departement,
        "region": authority.region,
        "population": authority.population,
        "date_adhesion": page.membership_date,
        "date_adoption_charte": page.charter_adopted_on,
        "site_budget_participatif": page.budget_website,
        "plateforme": page.platform,
        "age_minimum_vote": page.minimum_voting_age,
        "premiere_edition": editions[0].year if editions else None,
        "derniere_edition": latest.year if latest else None,
        "montant_derniere_edition": latest.amount if latest else None,
        "fiche": request.build_absolute_uri(page.get_url(request=request)),
    }


def edition_rows(page):
    authority = page.authority
    for edition in sorted(page.editions.all(), key=lambda edition: edition.year):
        yield {
            "type": authority.kind,
            "code": authority.code,
            "nom": authority.name,
            "annee": edition.year,
            "montant": edition.amount,
            "projets_deposes": edition.projects_submitted,
            "projets_soumis_au_vote": edition.projects_put_to_vote,
            "projets_laureats": edition.winning_projects,
            "votants": edition.votes_cast,
            "projets_realises": edition.delivered_projects,
            "euros_par_habitant": rounded(edition.amount_per_inhabitant, 2),
            "participation": rounded(edition.turnout, 4),
            "taux_realisation": rounded(edition.delivery_rate, 4),
        }


def csv_response(filename, columns, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.DictWriter(response, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return response


@require_GET
def members_csv(request):
    rows = (member_row(page, request) for page in published_members())
    return csv_response("membres-rnbp.csv", MEMBER_COLUMNS, rows)


@require_GET
def editions_csv(request):
    rows = (row for page in published_members() for row in edition_rows(page))
    return csv_response("editions-rnbp.csv", EDITION_COLUMNS, rows)


@require_GET
def members_json(request):
    members = []
    for page in published_members():
        member = member_row(page, request)
        member["editions"] = [
            {key: value for key, value in row.items() if key not in ("type", "code", "nom")}
            for row in edition_rows(page)
        ]
        members.append(member)
    payload = {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "source": "Réseau National des Budgets Participatifs; référentiel : Etalab",
        "colonnes": {"membres": MEMBER_COLUMNS, "editions": EDITION_COLUMNS},
        "membres": members,
    }
    return JsonResponse(
        payload, encoder=NumberEncoder, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
