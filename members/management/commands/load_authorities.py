"""Load the referential of French authorities into the database, or update it in place."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home import page_cache
from members.models import Authority
from members.referential import all_authorities, normalize

BATCH_SIZE = 2000
UPDATED_FIELDS = [
    "name",
    "search_name",
    "siren",
    "departement",
    "region",
    "population",
    "epci_type",
]


def as_row(authority):
    return Authority(
        kind=authority.kind,
        code=authority.code,
        name=authority.name,
        search_name=normalize(authority.name),
        siren=authority.siren or "",
        departement=authority.departement or "",
        region=authority.region or "",
        population=authority.population,
        epci_type=authority.epci_type or "",
    )


class Command(BaseCommand):
    help = "Load the official referential of French authorities (Etalab) into the database."

    def handle(self, *args, **options):
        rows = [as_row(authority) for authority in all_authorities()]
        before = Authority.objects.count()
        with transaction.atomic():
            for start in range(0, len(rows), BATCH_SIZE):
                Authority.objects.bulk_create(
                    rows[start : start + BATCH_SIZE],
                    update_conflicts=True,
                    unique_fields=["kind", "code"],
                    update_fields=UPDATED_FIELDS,
                )
                self.stdout.write(f"  … {min(start + BATCH_SIZE, len(rows))}/{len(rows)}")
            # Written in bulk, without signals: the pages that show authorities go stale.
            page_cache.invalidate_on_commit()
        added = Authority.objects.count() - before
        self.stdout.write(
            self.style.SUCCESS(
                f"Referential loaded: {len(rows)} authorities ({added} new, "
                f"{len(rows) - added} updated)."
            )
        )
