"""Helpers of the tests that need processes of their own: gunicorn serving the site with
environment variables chosen by the test, plain HTTP requests to it, `manage.py` commands,
and statements on the PostgreSQL server outside the test's transaction."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

import psycopg

BASE_DIR = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path, method="GET"):
    """(status, headers, body) of one request, whatever the status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def database_url(name, port=None):
    """The URL of database `name` on the test server, optionally through another local port."""
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    host = f"127.0.0.1:{port}" if port else f"{database['HOST']}:{database['PORT'] or 5432}"
    return f"postgres://{database['USER']}{password}@{host}/{name}"


def server_address():
    database = connection.settings_dict
    return database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)


def administer(*statements, dbname="postgres"):
    """Run statements outside any transaction (CREATE and DROP DATABASE need it)."""
    database = connection.settings_dict
    host, port = server_address()
    with psycopg.connect(
        host=host,
        port=port,
        user=database["USER"],
        password=database["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    ) as admin:
        cursors = [admin.execute(statement) for statement in statements]
        return [cursor.fetchall() if cursor.description else None for cursor in cursors]


def manage(*arguments, env):
    """Run `manage.py` in a process of its own: the completed process, with its output."""
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, arguments)],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


class Gunicorn:
    """gunicorn serving cms.wsgi with the test settings, one worker, until stopped."""

    def __init__(self, env, log_path):
        self.port = free_port()
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--workers=1",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=60",
            ],
            cwd=BASE_DIR,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_listening()

    def _wait_until_listening(self, limit=60):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited, see {self.log.name}")
            try:
                fetch(self.port, "/robots.txt")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {limit} s, see {self.log.name}")

    def worker_pids(self):
        """The processes gunicorn runs requests in: a restarted worker gets a new id."""
        children = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                children.add(int(stat.parent.name))
        return children

    def get(self, path, method="GET"):
        return fetch(self.port, path, method)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
