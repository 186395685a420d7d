"""Search benchmark: the full /search/ view against raw Whoosh on the same index.

Run by hand (never by the test suite):

    .venv/bin/python bench/search_bench.py --sizes 1000 10000 100000

For each size it builds a synthetic corpus in a throwaway SQLite database: paragraphs
recombined from the real corpus's sentences (fixtures/corpus/*.txt), with the real
corpus's distribution of paragraph lengths, spread over synthetic documents, bodies,
years and leads so that facets have realistic cardinality. It then builds the index
with the atomic rebuild (a raw Whoosh writer, `--procs`/`--limitmb`), and times a fixed
mixed query set (words, phrases, boolean, prefix; with facets and highlighting) through
Django's test client (URL resolution, selector, facets, highlighting, template) and the
same queries on raw Whoosh (parse + top 20 + hit count). It prints medians and p95.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "trafficking",
    "victims",
    "data collection",
    '"supply chains"',
    '"trafficking in persons"',
    "non-punishment of victims",
    "labour OR labor",
    "data -Internet",
    "traffick*",
    "protect* children",
    "cooperation AND international",
    "women NOT girls",
]
FACET_PARAMS = [{}, {"body": "General Assembly"}, {"year": "2017", "lead": "Urges"}]
BODIES = ["General Assembly", "Security Council", "Human Rights Council", "ECOSOC", "UNODC CCPCJ"]
LEADS = [
    "Urges",
    "Calls upon",
    "Recalling",
    "Encourages",
    "Requests",
    "Decides",
    "Welcomes",
    "Reaffirming",
    "Noting",
    "Invites",
    "Stresses",
    "Recognizing",
    "Expressing concern",
]


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["WHOOSH_INDEX_PATH"] = str(workdir / "index")
    import django

    django.setup()
    from django.conf import settings

    settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(workdir / "index")
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def corpus_sentences() -> tuple[list[str], list[int]]:
    sentences, lengths = [], []
    for path in sorted((ROOT / "fixtures" / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            if len(block) < 40:
                continue
            lengths.append(len(block))
            sentences += [s for s in re.split(r"(?<=[.;:])\s+", block) if len(s) > 20]
    return sentences, lengths


def build_corpus(size: int, seed: int = 7) -> None:
    from documents.models import Document, Paragraph
    from documents.vocabulary import DocumentType, Kind, Part

    rng = random.Random(seed)
    sentences, lengths = corpus_sentences()
    per_doc = 40
    n_docs = max(1, size // per_doc)
    docs = []
    for i in range(n_docs):
        year = 2000 + rng.randrange(25)
        docs.append(
            Document(
                symbol=f"A/RES/{year - 1945}/{i + 1}",
                slug=f"a-res-{year - 1945}-{i + 1}",
                title=f"Synthetic resolution {i + 1} on trafficking in persons",
                body=rng.choice(BODIES),
                document_type=rng.choice([DocumentType.RESOLUTION, DocumentType.DECISION]),
                adopted=f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}",
                source_text="",
                is_published=True,
            )
        )
    for d in docs:
        d.symbol_key = d.symbol
    Document.objects.bulk_create(docs, batch_size=1000)
    docs = list(Document.objects.all())
    paragraphs = []
    for n in range(size):
        doc = docs[n % len(docs)]
        position = n // len(docs) + 1
        target = rng.choice(lengths)
        text = ""
        while len(text) < target:
            text += rng.choice(sentences) + " "
        operative = position > 10
        paragraphs.append(
            Paragraph(
                document=doc,
                position=position,
                part=Part.OPERATIVE if operative else Part.PREAMBLE,
                kind=Kind.OPERATIVE if operative else Kind.PREAMBULAR,
                number=str(position - 10) if operative else "",
                anchor=f"op-{position - 10}" if operative else f"pp-{position}",
                lead=rng.choice(LEADS),
                text=text.strip(),
            )
        )
        if len(paragraphs) >= 5000:
            Paragraph.objects.bulk_create(paragraphs)
            paragraphs = []
    Paragraph.objects.bulk_create(paragraphs)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def time_it(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def measure(size: int, args) -> dict:
    from django.test import Client
    from haystack import connections
    from whoosh.qparser import QueryParser

    from documents.models import Document, Paragraph
    from search.indexing import index_path, index_rebuild

    Paragraph.objects.all().delete()
    Document.objects.all().delete()
    started = time.perf_counter()
    build_corpus(size)
    db_seconds = time.perf_counter() - started
    result = index_rebuild(procs=args.procs, limitmb=args.limitmb)
    index_bytes = sum(f.stat().st_size for f in Path(result.path).iterdir())

    client = Client()
    backend = connections["default"].get_backend()
    client.get("/search/", {"q": "warm"})  # open the index, build facet bitmaps once

    full, raw, browse = [], [], []
    for q in QUERIES:
        for extra in FACET_PARAMS:
            params = {"q": q, **extra}

            def view(params=params):
                response = client.get("/search/", params)
                assert response.status_code == 200, response.status_code

            full += time_it(view, args.repeat)

    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(index_path()))
    searcher = ix.searcher()
    parser = QueryParser("text", schema=ix.schema)
    for q in QUERIES:
        for _ in FACET_PARAMS:

            def raw_query(q=q):
                hits = searcher.search(parser.parse(q), limit=20)
                len(hits)
                [h["django_id"] for h in hits]

            raw += time_it(raw_query, args.repeat)
    for extra in FACET_PARAMS:
        browse += time_it(lambda extra=extra: client.get("/search/", extra), args.repeat)
    searcher.close()
    del backend
    return {
        "size": size,
        "db_seconds": db_seconds,
        "index_seconds": result.seconds,
        "index_mb": index_bytes / 1e6,
        "full_p50": statistics.median(full),
        "full_p95": percentile(full, 95),
        "raw_p50": statistics.median(raw),
        "raw_p95": percentile(raw, 95),
        "browse_p50": statistics.median(browse),
        "browse_p95": percentile(browse, 95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs per query")
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--limitmb", type=int, default=256)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="untip-bench-") as tmp:
        setup_django(Path(tmp))
        print(
            "| paragraphs | DB build s | index build s | index MB | full view p50 / p95 ms "
            "| raw Whoosh p50 / p95 ms | ratio p50 / p95 | empty browse p50 / p95 ms |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for size in args.sizes:
            r = measure(size, args)
            print(
                f"| {r['size']:,} | {r['db_seconds']:.1f} | {r['index_seconds']:.1f} "
                f"| {r['index_mb']:.1f} | {r['full_p50']:.1f} / {r['full_p95']:.1f} "
                f"| {r['raw_p50']:.1f} / {r['raw_p95']:.1f} "
                f"| {r['full_p50'] / r['raw_p50']:.2f} / {r['full_p95'] / r['raw_p95']:.2f} "
                f"| {r['browse_p50']:.1f} / {r['browse_p95']:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
