"""Create the review workflow of members' contributions and attach it to the practice library
and the member directory when they exist (home/workflow.py; the demo loader does the same for
sections created later)."""

from django.db import migrations


def create_review_workflow(apps, schema_editor):
    from home.workflow import ensure_review_workflow

    ensure_review_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_locales"),
        ("knowledge", "0001_initial"),
        ("members", "0002_college_collegemembership_governancepage_and_more"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_review_workflow, migrations.RunPython.noop)]
