"""Back up the PostgreSQL database and the media files into a new dated folder."""

import json
import subprocess
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.utils import timezone

from home.backup import (
    DUMP,
    MANIFEST,
    MEDIA_ARCHIVE,
    client_tool,
    connection_arguments,
    media_checksums,
    require_postgresql,
    sha256,
)


class Command(BaseCommand):
    help = (
        "Write a PostgreSQL dump (custom format), an archive of MEDIA_ROOT and a manifest of "
        "SHA-256 checksums into <output>/<date-time>/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Parent folder (backups).")

    def handle(self, *args, output, **options):
        require_postgresql()
        started = time.monotonic()
        folder = Path(output) / timezone.now().strftime("%Y-%m-%d-%H%M%S")
        try:
            folder.mkdir(parents=True)
        except FileExistsError as error:
            raise CommandError(f"{folder} exists already: wait a second and retry.") from error
        media_root = Path(settings.MEDIA_ROOT)

        self.stdout.write(f"Dumping database {settings.DATABASES['default']['NAME']}…")
        arguments, env = connection_arguments()
        dump = folder / DUMP
        result = subprocess.run(
            [client_tool("pg_dump"), "--format=custom", "--file", str(dump), *arguments],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        self.stdout.write(f"  {dump} ({dump.stat().st_size:,} bytes)")

        self.stdout.write(f"Checksumming and archiving the media files of {media_root}…")
        files = media_checksums(media_root) if media_root.is_dir() else {}
        archive = folder / MEDIA_ARCHIVE
        with tarfile.open(archive, "w:gz") as tar:
            for number, name in enumerate(files, start=1):
                tar.add(media_root / name, arcname=name, recursive=False)
                if number % 500 == 0:
                    self.stdout.write(f"  {number:,} / {len(files):,} files")
        self.stdout.write(f"  {archive} ({len(files):,} files, {archive.stat().st_size:,} bytes)")

        manifest = {
            "created": timezone.now().isoformat(),
            "database": settings.DATABASES["default"]["NAME"],
            "files": {DUMP: sha256(dump), MEDIA_ARCHIVE: sha256(archive)},
            "media": files,
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {folder} in {time.monotonic() - started:.1f} s: the "
                f"database and {len(files):,} media files, with their SHA-256 in {MANIFEST}."
            )
        )
