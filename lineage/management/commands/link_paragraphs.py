from django.core.management.base import BaseCommand, CommandError

from documents.models import Document
from lineage.services import lineage_rebuild, lineage_update_document


class Command(BaseCommand):
    help = (
        "Recompute paragraph lineage (which paragraphs of other documents share each "
        "paragraph's language) and resolution series, for the whole corpus or one document."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--document",
            metavar="SLUG",
            help="Only this document's links (to and from it), by slug. Default: everything.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Compute and report counts for the whole corpus without writing anything.",
        )

    def handle(self, *args, document=None, dry_run=False, **options):
        if document:
            if dry_run:
                raise CommandError("--dry-run works on the whole corpus only.")
            found = Document.objects.filter(slug=document).first()
            if found is None:
                raise CommandError(f"No document with slug {document!r}.")
            stats = lineage_update_document(document=found)
            self.stdout.write(self.style.SUCCESS(f"Linked {found.slug}: {stats}"))
            return
        stats = lineage_rebuild(dry_run=dry_run)
        verb = "Would link" if dry_run else "Linked"
        self.stdout.write(self.style.SUCCESS(f"{verb} the corpus: {stats}"))
