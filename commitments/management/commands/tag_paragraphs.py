from django.core.management.base import BaseCommand, CommandError

from commitments import services
from documents.models import Document


class Command(BaseCommand):
    help = (
        "Suggest commitments and mentions for every paragraph (or one document's). Curators' "
        "confirmations, rejections and edits are never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--document", metavar="SLUG", help="Only this document (its slug)")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing"
        )
        parser.add_argument("--verbose-lines", action="store_true", help="List each new suggestion")

    def handle(self, *args, document=None, dry_run=False, verbose_lines=False, **options):
        documents = Document.objects.order_by("slug")
        if document:
            documents = documents.filter(slug=document)
            if not documents.exists():
                raise CommandError(f"No document with slug {document!r}.")
        reports = services.documents_tag_all(documents=documents, dry_run=dry_run)
        for slug, report in reports.items():
            self.stdout.write(f"{slug}: {report}")
            if verbose_lines:
                for line in report.lines:
                    self.stdout.write(f"  {line}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
