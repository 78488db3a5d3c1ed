"""Write the search document of every live, public practice sheet anew."""

import time

from django.core.management.base import BaseCommand

from search.documents import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the practice library's search table from the live, public sheets (after a "
        "bulk import, or to repair it). Safe to run at any time."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        reported = [0]

        def progress(done, total):
            # About every tenth of the way.
            if done == total or done - reported[0] >= max(total // 10, 1):
                reported[0] = done
                elapsed = time.monotonic() - started
                self.stdout.write(f"  … {done} / {total} sheets ({elapsed:.0f} s)")

        written, removed = rebuild(progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Practice search rebuilt: {written} documents written, {removed} removed, "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
