"""Shared by `manage.py backup` and `manage.py restore`: the PostgreSQL client tools that
match the server, the database's connection arguments, and SHA-256 checksums.

A backup is a folder holding `database.dump` (pg_dump, custom format), `media.tar.gz` (the
files of MEDIA_ROOT) and `manifest.json` (the SHA-256 of both and of every media file)."""

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from django.core.management import CommandError
from django.db import connection

DUMP = "database.dump"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_checksums(root):
    """{relative path: SHA-256} of every file under `root`."""
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def require_postgresql():
    if connection.vendor != "postgresql":
        raise CommandError(
            "Backups need PostgreSQL (DATABASE_URL=postgres://...). With SQLite, copy the "
            "database file and the media folder instead."
        )


def server_major_version():
    connection.ensure_connection()
    return connection.connection.info.server_version // 10000


def client_tool(name):
    """pg_dump or pg_restore of the server's major version: Debian installs each version in
    /usr/lib/postgresql/<major>/bin, and an older pg_dump refuses a newer server."""
    major = server_major_version()
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{name}"), shutil.which(name)]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            output = subprocess.run(
                [candidate, "--version"], capture_output=True, text=True, check=True
            ).stdout
            # "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
            if int(output.split(")")[1].split(".")[0]) >= major:
                return str(candidate)
    raise CommandError(
        f"{name} for PostgreSQL {major} or newer is missing: install the PostgreSQL client "
        f"(e.g. apt-get install postgresql-client-{major})."
    )


def connection_arguments():
    """libpq arguments and environment for the configured database."""
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings[key]:
            arguments += [option, str(settings[key])]
    env = {**os.environ}
    if settings["PASSWORD"]:
        env["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, env


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise CommandError(f"{path} is missing: {folder} is not a backup made by `backup`.")
    return json.loads(path.read_text())
