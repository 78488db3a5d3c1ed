"""An index on the pages shown in menus, in Wagtail's page table: the site shell finds the
main menu there on every request (home/chrome.py), which otherwise reads the whole tree,
100,000 practice sheets included."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_menu_pages ON wagtailcore_page (depth) "
            "WHERE show_in_menus",
            "DROP INDEX IF EXISTS home_menu_pages",
        )
    ]
