from django.core.management.base import BaseCommand, CommandError

from commitments import reviews


class Command(BaseCommand):
    help = (
        "Apply the curators' reviews shipped in fixtures/commitments/reviewed.json: confirm, "
        "reject, edit and add commitments and mentions, paragraph by paragraph. Idempotent; "
        "entries whose paragraph text has changed are reported, not applied; decisions a "
        "curator made since in the admin are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(reviews.REVIEWED), help="Reviewed data file")

    def handle(self, *args, file, **options):
        try:
            entries = reviews.reviews_read(file)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"Cannot read the reviews {file}: {exc}") from exc
        report = reviews.reviews_apply(entries=entries)
        self.stdout.write(str(report))
        for label, lines in (
            ("Stale (paragraph text changed since the review, not applied)", report.stale),
            ("Missing (no such paragraph)", report.missing),
            ("Kept (a curator decided otherwise in the admin)", report.kept),
            ("Problems", report.problems),
        ):
            if lines:
                self.stdout.write(self.style.WARNING(f"{label}: {len(lines)}"))
                for line in lines:
                    self.stdout.write(f"  {line}")
