"""Update the authorities stored by members (names, populations) from a newer vintage of the
reference data, and report those that no longer exist."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from members.referential import DATA_FILE
from members.referential.build import SourceError
from members.referential.sync import load_source, registry, sync


class Command(BaseCommand):
    help = (
        "Compare the name and population of every stored authority (models registered with "
        "members.referential.sync.register_synced_model) with the reference data, update "
        "them and report authorities that no longer exist (they are never deleted)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=Path,
            default=DATA_FILE,
            help="Unpacked npm package directory of @etalab/decoupage-administratif, or a "
            f".json.gz written by build_referential (default: {DATA_FILE}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report the changes without saving them."
        )

    def handle(self, *args, source, dry_run, **options):
        try:
            referential = load_source(source)
        except (SourceError, OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read {source}: {error}") from error
        self.stdout.write(
            f"Reference data: {referential.source} {referential.version} "
            f"({len(referential)} authorities, from {source})"
        )
        if not registry:
            self.stdout.write(self.style.WARNING("No model is registered: nothing to compare."))

        def on_change(entry, obj, change):
            line = f"  {entry.label} #{obj.pk}  {change.describe()}"
            self.stdout.write(self.style.WARNING(line) if change.removed else line)

        with transaction.atomic():
            report = sync(referential, dry_run=dry_run, on_change=on_change)
        summary = (
            f"{report.checked} checked, {report.updated} "
            f"{'to update' if dry_run else 'updated'}, {len(report.removed)} no longer exist, "
            f"{report.without_authority} without authority."
        )
        if dry_run:
            summary += " Dry run: nothing saved."
        self.stdout.write(self.style.SUCCESS(summary))
