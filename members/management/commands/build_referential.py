"""Regenerate the committed referential of French authorities from Etalab's npm package."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.referential import DATA_FILE, KIND_LABELS
from members.referential.build import SourceError, counts, read_package, write

DEFAULT_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "@etalab" / "decoupage-administratif"


class Command(BaseCommand):
    help = (
        "Rebuild members/referential/data/authorities.json.gz from the npm package "
        "@etalab/decoupage-administratif (run `npm ci` first, or `make referential`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=Path,
            default=DEFAULT_SOURCE,
            help=f"Directory of the unpacked npm package (default: {DEFAULT_SOURCE}).",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=DATA_FILE,
            help=f"File to write (default: {DATA_FILE}).",
        )

    def handle(self, *args, source, output, **options):
        try:
            payload = read_package(source, log=self.stdout.write)
        except (SourceError, OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read {source}: {error}") from error
        size = write(payload, output)
        for kind, count in counts(payload).items():
            self.stdout.write(f"  {str(KIND_LABELS[kind]):<18} {count:>6}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {output} ({size / 1024:.0f} KiB, {sum(counts(payload).values())} "
                f"authorities, {payload['source']} {payload['version']})."
            )
        )
