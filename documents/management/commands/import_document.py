import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.extraction import extract_text
from documents.parsing import DocumentParseError
from documents.serializers import parsed_document_data
from documents.services import document_import, document_parse


class Command(BaseCommand):
    help = "Import a UN document (plain text or PDF), or update it in place if already known."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .txt or .pdf file")
        parser.add_argument("--symbol", help="The symbol, when the text prints none or a wrong one")
        parser.add_argument("--slug", help="Permalink key; required when there is no symbol")
        parser.add_argument("--title", help="Override the title found in the text")
        parser.add_argument("--publish", action="store_true", help="Publish the document")
        parser.add_argument("--dry-run", action="store_true", help="Parse only; write nothing")
        parser.add_argument("--json", action="store_true", help="Print the parsed result as JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        try:
            text = extract_text(data, filename=path.name)
            if options["dry_run"]:
                parsed = document_parse(text=text, symbol=options["symbol"])
                result = None
            else:
                result = document_import(
                    text=text,
                    source_name=path.name,
                    symbol=options["symbol"],
                    slug=options["slug"],
                    title=options["title"],
                    publish=True if options["publish"] else None,
                )
                parsed = result.parsed
        except DocumentParseError as error:
            raise CommandError(f"{path.name}: {error}") from error

        if options["json"]:
            self.stdout.write(
                json.dumps(parsed_document_data(parsed), indent=2, ensure_ascii=False)
            )
            return
        if result:
            self.stdout.write(self.style.SUCCESS(result.summary))
        else:
            self.stdout.write(
                f"Dry run: {len(parsed.paragraphs)} paragraphs, {len(parsed.footnotes)} footnotes, "
                f"{len(parsed.references)} references. Nothing was written."
            )
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"warning: {warning}"))
