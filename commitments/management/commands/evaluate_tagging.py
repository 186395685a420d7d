import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from commitments import selectors
from commitments.evaluation import ASPECTS, catalogue_from_fixtures, evaluate
from commitments.services import FIXTURES

TARGETS = {
    ("addressees", "precision"): 0.95,
    ("addressees", "recall"): 0.90,
    ("types", "precision"): 0.85,
}


class Command(BaseCommand):
    help = (
        "Precision and recall of the tagger (actors, addressees, verbs, types) on the "
        "hand-labelled gold set. Uses the database's actors and rules when loaded, else the "
        "shipped fixtures."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gold", default=str(FIXTURES / "gold.json"), help="Gold set file")
        parser.add_argument(
            "--fixtures", action="store_true", help="Use the shipped fixtures, not the database"
        )
        parser.add_argument("--errors", action="store_true", help="List each disagreement")

    def handle(self, *args, gold, fixtures=False, errors=False, **options):
        try:
            data = json.loads(Path(gold).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the gold set {gold}: {exc}") from exc
        catalogue = None if fixtures else selectors.catalogue_load()
        if not catalogue or not catalogue.names:
            catalogue = catalogue_from_fixtures(FIXTURES)
        result = evaluate(data, catalogue)
        self.stdout.write(
            f"{result.paragraphs} paragraphs from {len(result.documents)} documents\n"
        )
        self.stdout.write(f"{'':12} {'precision':>9} {'recall':>7} {'F1':>6}   tp   fp   fn")
        failed = []
        for aspect in ASPECTS:
            s = result.scores[aspect]
            self.stdout.write(
                f"{aspect:12} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} "
                f"{s.tp:4} {s.fp:4} {s.fn:4}"
            )
            for (a, measure), target in TARGETS.items():
                if a == aspect and getattr(s, measure) < target:
                    failed.append(f"{aspect} {measure} below {target}")
        if errors:
            for line in result.errors:
                self.stdout.write(f"  {line}")
        if failed:
            self.stdout.write(self.style.ERROR("Targets missed: " + "; ".join(failed)))
        else:
            self.stdout.write(self.style.SUCCESS("Targets met."))
