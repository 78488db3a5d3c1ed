"""Production settings refuse to start without their secrets. Each case imports the settings
in a fresh interpreter, with only the environment it names."""

import os
import subprocess
import sys

from django.conf import settings


def import_production_settings(**environ):
    return subprocess.run(
        [sys.executable, "-c", "import cms.settings.production"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **environ},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_load_without_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="budgets-participatifs.fr")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set in production." in result.stderr


def test_production_settings_refuse_to_load_without_allowed_hosts():
    result = import_production_settings(SECRET_KEY="une-cle-secrete-de-test")
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set in production." in result.stderr


def test_production_settings_load_with_secret_key_and_allowed_hosts():
    result = import_production_settings(
        SECRET_KEY="une-cle-secrete-de-test", ALLOWED_HOSTS="budgets-participatifs.fr"
    )
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            # Long and random enough for the security.W009 check.
            "SECRET_KEY": "production-check-" + "k7Qz" * 16,
            "ALLOWED_HOSTS": "budgets-participatifs.fr",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
