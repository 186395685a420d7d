"""Compare database and index; with --fix, repair what differs."""

from django.core.management.base import BaseCommand, CommandError

from search.backend import IndexUnavailable
from search.indexing import index_check, index_repair


class Command(BaseCommand):
    help = "Report index entries that are missing, stale or ghosts (not in the database)."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Re-index or remove what differs.")
        parser.add_argument(
            "--quick", action="store_true", help="Compare ids only (no stale detection)."
        )

    def handle(self, *args, fix, quick, **options):
        try:
            report = index_check(fingerprints=not quick)
        except IndexUnavailable as exc:
            raise CommandError(f"{exc}. Run `manage.py rebuild_search_index`.") from exc
        for label, count in report.expected.items():
            self.stdout.write(f"{label}: {count} in the database, {report.indexed[label]} indexed")
        for name in ("missing", "stale", "ghost"):
            items = getattr(report, name)
            sample = ", ".join(items[:5]) + (" …" if len(items) > 5 else "")
            self.stdout.write(f"{name}: {len(items)}" + (f" ({sample})" if items else ""))
        if report.ok:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
            return
        if not fix:
            raise CommandError("The index differs from the database; run with --fix to repair.")
        indexed, removed = index_repair(report)
        self.stdout.write(self.style.SUCCESS(f"Repaired: {indexed} indexed, {removed} removed."))
