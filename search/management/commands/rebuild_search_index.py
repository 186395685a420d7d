"""Rebuild the index into a new directory and swap it in atomically."""

from django.core.management.base import BaseCommand

from search.indexing import index_rebuild


class Command(BaseCommand):
    help = (
        "Build a fresh search index next to the live one and swap it in atomically; "
        "search keeps working meanwhile. Safe while run_index_worker runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--procs", type=int, default=1, help="Whoosh writer processes.")
        parser.add_argument("--limitmb", type=int, default=128, help="Memory per writer (MB).")
        parser.add_argument(
            "--noinput", "--no-input", action="store_true", help="Accepted for compatibility."
        )

    def handle(self, *args, procs, limitmb, **options):
        result = index_rebuild(procs=procs, limitmb=limitmb)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {result.paragraphs} paragraphs and {result.documents} documents "
                f"in {result.seconds:.1f} s; now serving {result.path.name}."
            )
        )
