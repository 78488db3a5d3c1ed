"""Make every page of the full-page cache stale, e.g. after a database restore or an
import written without Django's signals."""

from django.core.management.base import BaseCommand

from home import page_cache


class Command(BaseCommand):
    help = "Make every page of the full-page cache stale: each is rendered again on its next visit."

    def handle(self, *args, **options):
        page_cache.invalidate()
        self.stdout.write(self.style.SUCCESS("Page cache invalidated."))
