"""Run Python code in a fresh interpreter with the production settings and only the
environment given, and read back what it prints as JSON."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "une-cle-secrete-de-test-" + "k7Qz" * 12,
    "ALLOWED_HOSTS": "testserver,budgets-participatifs.fr",
}


def run_production(code, **environ):
    """The completed process of `code`, run after django.setup()."""
    return subprocess.run(
        [sys.executable, "-c", "import django\ndjango.setup()\n" + code],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **PRODUCTION, **environ},
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_json(code, **environ):
    """What `code` prints as the last line, as JSON."""
    result = run_production(code, **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
