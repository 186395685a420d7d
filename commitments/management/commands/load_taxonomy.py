from django.core.management.base import BaseCommand

from commitments import services


class Command(BaseCommand):
    help = (
        "Load the actors (with the 193 Member States and their aliases), the commitment-type "
        "taxonomy, its rules and SDG targets from fixtures/commitments/. Idempotent."
    )

    def handle(self, *args, **options):
        result = services.taxonomy_load()
        self.stdout.write(self.style.SUCCESS(f"Loaded {result} (new rows)."))
