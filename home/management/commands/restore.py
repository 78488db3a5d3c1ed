"""Restore a backup made by `manage.py backup` into an empty database and media folder."""

import subprocess
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.db import connection

from home.backup import (
    DUMP,
    MEDIA_ARCHIVE,
    client_tool,
    connection_arguments,
    media_checksums,
    read_manifest,
    require_postgresql,
    sha256,
)


class Command(BaseCommand):
    help = (
        "Restore a backup folder (database.dump, media.tar.gz, manifest.json) into the "
        "configured database and MEDIA_ROOT, both empty, after checking every checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="A folder written by `manage.py backup`.")

    def handle(self, *args, backup, **options):
        require_postgresql()
        started = time.monotonic()
        folder = Path(backup)
        manifest = read_manifest(folder)

        self.stdout.write(f"Checking the checksums of {folder}…")
        for name, expected in manifest["files"].items():
            if not (folder / name).is_file() or sha256(folder / name) != expected:
                raise CommandError(
                    f"{folder / name} is missing or does not match its SHA-256 in the "
                    "manifest: the backup is damaged. Nothing was restored."
                )
        self.refuse_unless_empty()

        database = settings.DATABASES["default"]["NAME"]
        self.stdout.write(f"Restoring the database into {database}…")
        arguments, env = connection_arguments()
        result = subprocess.run(
            [
                client_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *arguments,
                str(folder / DUMP),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise CommandError(f"pg_restore failed, nothing restored: {result.stderr.strip()}")

        media_root = Path(settings.MEDIA_ROOT)
        self.stdout.write(f"Extracting {len(manifest['media']):,} media files into {media_root}…")
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_ARCHIVE) as tar:
            tar.extractall(media_root, filter="data")
        if media_checksums(media_root) != manifest["media"]:
            raise CommandError(
                f"The media files extracted into {media_root} do not match the manifest."
            )
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM wagtailcore_page")
            (pages,) = cursor.fetchone()
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {folder} in {time.monotonic() - started:.1f} s: database {database} "
                f"({pages:,} pages) and {len(manifest['media']):,} media files, checksums "
                "verified."
            )
        )

    def refuse_unless_empty(self):
        """Restoring over existing data would mix two sites: ask for new, empty ones."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            )
            (tables,) = cursor.fetchone()
        if tables:
            raise CommandError(
                f"The database {settings.DATABASES['default']['NAME']} is not empty ({tables} "
                "tables): restore into a new, empty database (createdb). Nothing was restored."
            )
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists() and any(media_root.iterdir()):
            raise CommandError(
                f"The media folder {media_root} is not empty: restore into a new, empty "
                "folder (MEDIA_ROOT). Nothing was restored."
            )
