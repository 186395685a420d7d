"""Lineage benchmark: whole-corpus linking, one new document, agreed-language latency.

Run by hand, never by the test suite:

    .venv/bin/python bench/lineage_bench.py                      # 100k paragraphs
    .venv/bin/python bench/lineage_bench.py --paragraphs 10000   # agreed-language at 10k

It builds a synthetic corpus in a throwaway SQLite file (or the database DATABASE_URL
names, if given with --use-database-url): families of paragraphs re-adopted across
documents, each copy identical, lightly edited or substantially rewritten, with
boilerplate phrases shared by everything, like real resolutions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BOILERPLATE = [
    "trafficking in persons",
    "Member States",
    "the United Nations Office on Drugs and Crime",
    "especially women and children",
    "in accordance with",
    "the Inter-Agency Coordination Group against Trafficking in Persons",
]
LEADS = ["Urges", "Calls upon", "Encourages", "Invites", "Requests", "Welcomes", "Recognizes"]


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    return sorted(words)


def make_base(rng: random.Random, vocabulary: list[str]) -> list[str]:
    words = [rng.choice(LEADS)]
    for _ in range(rng.randint(35, 75)):
        if rng.random() < 0.08:
            words.extend(rng.choice(BOILERPLATE).split())
        else:
            words.append(rng.choice(vocabulary))
    return words


def mutate(rng: random.Random, words: list[str], vocabulary: list[str]) -> list[str]:
    roll = rng.random()
    words = list(words)
    if roll < 0.4:
        return words  # identical
    edits = rng.randint(1, 3) if roll < 0.8 else len(words) // 3  # minor or substantial
    for _ in range(edits):
        i = rng.randrange(len(words))
        action = rng.random()
        if action < 0.4:
            words[i] = rng.choice(vocabulary)
        elif action < 0.7:
            words.insert(i, rng.choice(vocabulary))
        elif len(words) > 5:
            del words[i]
    return words


def build_corpus(n_paragraphs: int, seed: int = 7, per_document: int = 50):
    """Documents of `per_document` paragraphs; each family appears in about 5 documents."""
    from django.db import transaction

    from documents.models import Document, Paragraph
    from documents.vocabulary import DocumentType, Kind, Part

    rng = random.Random(seed)
    vocabulary = make_vocabulary(rng, 20000)
    n_documents = max(2, n_paragraphs // per_document)
    families = [make_base(rng, vocabulary) for _ in range(max(1, n_paragraphs // 5))]
    with transaction.atomic():
        documents = Document.objects.bulk_create(
            Document(
                symbol=f"A/RES/{40 + i // 300}/{i % 300 + 1}",
                symbol_key=f"A/RES/{40 + i // 300}/{i % 300 + 1}",
                slug=f"a-res-{40 + i // 300}-{i % 300 + 1}",
                title=f"Synthetic resolution {i % 97}",
                body="General Assembly",
                document_type=DocumentType.RESOLUTION,
                adopted=dt.date(1990, 1, 1) + dt.timedelta(days=7 * i),
                source_text="",
                is_published=True,
            )
            for i in range(n_documents)
        )
        batch = []
        for d_index, document in enumerate(documents):
            # Consecutive documents draw from overlapping windows of families, as a series
            # re-adopts most of its predecessor's paragraphs.
            start = (d_index * len(families)) // n_documents
            for position in range(1, per_document + 1):
                family = families[(start + rng.randrange(per_document * 2)) % len(families)]
                batch.append(
                    Paragraph(
                        document=document,
                        position=position,
                        part=Part.OPERATIVE,
                        kind=Kind.OPERATIVE,
                        number=str(position),
                        anchor=f"op-{position}",
                        text=" ".join(mutate(rng, family, vocabulary)) + ";",
                    )
                )
            if len(batch) >= 20000:
                Paragraph.objects.bulk_create(batch)
                batch = []
        Paragraph.objects.bulk_create(batch)
    return families, vocabulary, rng


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=100_000, help="corpus size")
    parser.add_argument("--queries", type=int, default=200, help="agreed-language queries")
    parser.add_argument(
        "--use-database-url",
        action="store_true",
        help="use DATABASE_URL as is (e.g. a scratch PostgreSQL) instead of a temp SQLite file",
    )
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="lineage-bench-")
    if not args.use_database_url:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from documents.models import Document, Paragraph
    from documents.vocabulary import DocumentType, Kind, Part
    from lineage import selectors
    from lineage.models import ParagraphLink
    from lineage.services import lineage_rebuild, lineage_update_document

    print(f"database: {connection.vendor}; corpus: {args.paragraphs:,} paragraphs")
    started = time.perf_counter()
    families, vocabulary, rng = build_corpus(args.paragraphs)
    print(f"built the synthetic corpus in {time.perf_counter() - started:.1f} s")

    stats = lineage_rebuild()
    print(f"whole corpus (link_paragraphs): {stats}")
    by_class = {}
    for similarity in ParagraphLink.objects.values_list("similarity", flat=True).iterator():
        by_class[similarity] = by_class.get(similarity, 0) + 1
    print(f"  links by class: {by_class}")

    # One new 60-paragraph document: 45 re-adopted (edited) paragraphs, 15 new ones.
    document = Document.objects.create(
        symbol="A/RES/99/1",
        slug="a-res-99-1",
        title="A new synthetic resolution",
        body="General Assembly",
        document_type=DocumentType.RESOLUTION,
        adopted=dt.date(2030, 1, 1),
        source_text="",
        is_published=True,
    )
    for position in range(1, 61):
        words = (
            mutate(rng, rng.choice(families), vocabulary)
            if position <= 45
            else [rng.choice(vocabulary) for _ in range(50)]
        )
        Paragraph.objects.create(
            document=document,
            position=position,
            part=Part.OPERATIVE,
            kind=Kind.OPERATIVE,
            number=str(position),
            anchor=f"op-{position}",
            text=" ".join(words) + ";",
        )
    started = time.perf_counter()
    stats = lineage_update_document(document=document)
    print(f"one new 60-paragraph document: {stats} ({time.perf_counter() - started:.2f} s)")

    # Agreed language: a sentence or paragraph a drafter might paste, half edited.
    timings = []
    found = 0
    for _ in range(args.queries):
        words = rng.choice(families)
        start = rng.randrange(max(1, len(words) - 25))
        query = " ".join(mutate(rng, words[start : start + rng.randint(12, 60)], vocabulary))
        t0 = time.perf_counter()
        matches = selectors.agreed_language(query)
        timings.append((time.perf_counter() - t0) * 1000)
        found += bool(matches)
    print(
        f"agreed language over {Paragraph.objects.count():,} paragraphs, {args.queries} queries: "
        f"p50 {statistics.median(timings):.0f} ms, p95 {percentile(timings, 95):.0f} ms, "
        f"max {max(timings):.0f} ms; {found} of {args.queries} found a match"
    )


if __name__ == "__main__":
    main()
