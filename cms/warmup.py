"""What a gunicorn worker prepares when it starts rather than during a visitor's request."""

from pathlib import Path

from django.template import engines


def project_templates():
    """Every template of the project's folders (TEMPLATES' DIRS), compiled; with DEBUG off,
    Django's cached loader keeps each one for the life of the process."""
    engine = engines["django"].engine
    for directory in engine.dirs:
        for path in sorted(Path(directory).rglob("*.html")):
            yield engine.get_template(str(path.relative_to(directory)))
