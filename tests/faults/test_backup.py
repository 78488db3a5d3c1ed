"""`make backup` and `make restore`: the drill on PostgreSQL (the demo site backed up, then
restored into an empty database and media folder, gives the same counts and files), and
the restores that must be refused before anything is written."""

import importlib
import json

from django.core.management import CommandError, call_command

import pytest

from home.backup import MANIFEST, MEDIA_ARCHIVE, media_checksums, sha256

from .server import administer, database_url, manage

pytestmark = pytest.mark.django_db

# Where the processes run with the test settings (the live database's) keep media files.
LIVE_MEDIA_ROOT = importlib.import_module("cms.settings.test").MEDIA_ROOT

COUNTS = """
    SELECT
        (SELECT count(*) FROM wagtailcore_page),
        (SELECT count(*) FROM wagtailcore_revision),
        (SELECT count(*) FROM wagtaildocs_document),
        (SELECT count(*) FROM wagtailimages_image)
"""


def counts(database):
    (row,) = administer(COUNTS, dbname=database)[0]
    return dict(zip(("pages", "revisions", "documents", "images"), row, strict=True))


def test_backup_restored_into_an_empty_database_and_folder_gives_the_same_site(
    live_database, empty_database, tmp_path
):
    before = counts(live_database)
    files_before = media_checksums(LIVE_MEDIA_ROOT)
    assert all(before.values()), before

    backup = manage(
        "backup",
        "--output",
        tmp_path / "backups",
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url(live_database),
        },
    )
    assert backup.returncode == 0, backup.stderr
    assert "Backup written to" in backup.stdout
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["media"] == files_before
    assert manifest["files"][MEDIA_ARCHIVE] == sha256(folder / MEDIA_ARCHIVE)

    restored_media = tmp_path / "media"
    restore = manage(
        "restore",
        folder,
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": database_url(empty_database),
            "MEDIA_ROOT": str(restored_media),
        },
    )
    assert restore.returncode == 0, restore.stderr
    assert "checksums verified" in restore.stdout

    assert counts(empty_database) == before
    assert media_checksums(restored_media) == files_before


@pytest.fixture
def backup_folder(settings, tmp_path):
    """A backup of the test database and of a media folder holding one file."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("backups need PostgreSQL")
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "charte.pdf").write_bytes(b"%PDF-1.4 charte")
    call_command("backup", "--output", tmp_path / "backups")
    (folder,) = (tmp_path / "backups").iterdir()
    return folder


def test_restore_refuses_a_database_that_is_not_empty(backup_folder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "empty-media"
    with pytest.raises(CommandError, match="is not empty .* tables.*Nothing was restored"):
        call_command("restore", backup_folder)
    assert not settings.MEDIA_ROOT.exists()


def test_restore_refuses_a_media_folder_that_is_not_empty(backup_folder, empty_database, tmp_path):
    media = tmp_path / "media"
    result = manage(
        "restore",
        backup_folder,
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": database_url(empty_database),
            "MEDIA_ROOT": str(media),
        },
    )
    assert result.returncode == 1
    assert f"The media folder {media} is not empty" in result.stderr
    tables = administer(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", dbname=empty_database
    )
    assert tables == [[(0,)]]


def test_restore_refuses_a_damaged_backup_before_touching_anything(
    backup_folder, settings, tmp_path
):
    archive = backup_folder / MEDIA_ARCHIVE
    archive.write_bytes(archive.read_bytes()[:-10])
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with pytest.raises(CommandError, match="media.tar.gz is missing or does not match its SHA-256"):
        call_command("restore", backup_folder)
    assert not settings.MEDIA_ROOT.exists()
