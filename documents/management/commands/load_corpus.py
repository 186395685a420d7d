import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from documents.extraction import extract_text
from documents.models import Document
from documents.parsing import DocumentParseError
from documents.services import document_import, document_relate

DEFAULT_MANIFEST = settings.BASE_DIR / "fixtures" / "corpus" / "manifest.json"


class Command(BaseCommand):
    help = (
        "Load the corpus listed in fixtures/corpus/manifest.json, with the reference data "
        "it needs first. Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--manifest", default=str(DEFAULT_MANIFEST), help="Path to a corpus manifest.json"
        )

    def handle(self, *args, **options):
        manifest_path = Path(options["manifest"])
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the manifest {manifest_path}: {error}") from error

        # Reference data other apps need before documents arrive (actors, taxonomy...).
        for command in getattr(settings, "CORPUS_SETUP_COMMANDS", []):
            call_command(command, stdout=self.stdout, stderr=self.stderr, verbosity=0)

        root = manifest_path.parent
        with transaction.atomic():
            for entry in manifest["documents"]:
                document = self._import(root, entry)
                for relation in entry.get("relations", []):
                    document_relate(
                        source=document,
                        target_symbol=relation["target"],
                        relation=relation["relation"],
                    )
        # What other apps do once the documents are in (curated reviews...).
        for command in getattr(settings, "CORPUS_FINISH_COMMANDS", []):
            call_command(command, stdout=self.stdout, stderr=self.stderr, verbosity=0)
        if connection.vendor == "postgresql":
            # Fresh tables have no planner statistics: without them PostgreSQL plans the
            # pages' joins as nested loops (seconds per query) until autovacuum catches up.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Corpus loaded: {Document.objects.published().count()} documents")
        )

    def _import(self, root: Path, entry: dict) -> Document:
        path = root / entry["file"]
        try:
            text = extract_text(path.read_bytes(), filename=path.name)
            result = document_import(
                text=text,
                source_name=entry["file"],
                symbol=entry.get("symbol"),
                slug=entry.get("slug"),
                title=entry.get("title"),
                publish=entry.get("publish", True),
            )
        except (OSError, DocumentParseError) as error:
            raise CommandError(f"{entry['file']}: {error}") from error
        self.stdout.write(result.summary)
        return result.document
