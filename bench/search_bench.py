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
same queries on raw Whoosh (parse + top 20 + hit count), interleaved so both see the
same load. It prints medians and p95 of:

* new query: the first view of each query/facet combination with the per-generation
  query caches (postings, match sets) dropped, i.e. a query nobody ran since the last
  index change;
* full view: `--repeat` more views of each combination (facet clicks, paging back);
* raw Whoosh, and the ratio full view / raw Whoosh;
* empty browse: no query, three facet selections;
* edit searchable: seconds from saving an edited paragraph to finding it by a new
  word, with `run_index_worker` running as its own process.

    .venv/bin/python bench/search_bench.py --sizes 100000 --workdir /tmp/bench100k

keeps the database and index in `--workdir` and reuses them on the next run.
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


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def prepare(size: int, args) -> tuple[float | None, float | None]:
    """The corpus and index for `size`; reused from --workdir when they already match."""
    from documents.models import Document, Paragraph
    from search.indexing import index_path, index_rebuild
    from search.models import IndexQueueEntry

    if args.workdir and Paragraph.objects.count() == size and index_path().exists():
        return None, None
    Paragraph.objects.all().delete()
    Document.objects.all().delete()
    started = time.perf_counter()
    build_corpus(size)
    db_seconds = time.perf_counter() - started
    result = index_rebuild(procs=args.procs, limitmb=args.limitmb)
    # Deleting the previous size's corpus queued a removal per paragraph; the rebuild
    # already reflects the database, and a backlog would be timed as edit latency.
    IndexQueueEntry.objects.all().delete()
    return db_seconds, result.seconds


def forget_queries() -> None:
    """Drop cached postings and match sets: the next query is one never seen before."""
    from search import backend as search_backend

    for gen in list(search_backend._GENERATIONS.values()):
        gen.forget_queries()


def measure(size: int, args) -> dict:
    from django.test import Client
    from whoosh import index as whoosh_index
    from whoosh.qparser import QueryParser

    from search.indexing import index_path

    db_seconds, index_seconds = prepare(size, args)
    path = Path(os.path.realpath(index_path()))
    index_bytes = sum(f.stat().st_size for f in path.iterdir())

    client = Client()
    client.get("/search/", {"q": "warm"})  # open the index, build facet bitmaps once

    ix = whoosh_index.open_dir(str(path))
    searcher = ix.searcher()
    parser = QueryParser("text", schema=ix.schema)

    def raw_query(q):
        hits = searcher.search(parser.parse(q), limit=20)
        len(hits)
        [h["django_id"] for h in hits]

    # Interleaved, so both sides see the same load on this shared machine.
    new, full, raw = [], [], []
    for q in QUERIES:
        for extra in FACET_PARAMS:
            params = {"q": q, **extra}

            def view(params=params):
                response = client.get("/search/", params)
                assert response.status_code == 200, response.status_code

            forget_queries()
            new.append(timed(view))
            for _ in range(args.repeat):
                full.append(timed(view))
                raw.append(timed(lambda q=q: raw_query(q)))
    browse = []
    for extra in FACET_PARAMS:
        for _ in range(args.repeat):
            browse.append(timed(lambda extra=extra: client.get("/search/", extra)))
    searcher.close()
    edits = edit_latency(args.edits) if args.edits else []
    return {
        "size": size,
        "db_seconds": db_seconds,
        "index_seconds": index_seconds,
        "index_mb": index_bytes / 1e6,
        "new": new,
        "full": full,
        "raw": raw,
        "browse": browse,
        "edits": edits,
    }


def edit_latency(count: int) -> list[float]:
    """Seconds from saving an edited paragraph to finding it by a new word.

    The index worker runs as its own process (`manage.py run_index_worker`, default
    0.5 s polling) against the same database and index, as `make serve` runs it.
    """
    import subprocess

    from django.conf import settings
    from django.test import Client

    from documents.models import Paragraph

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_SECRET_KEY": "bench",
        "WHOOSH_INDEX_PATH": settings.HAYSTACK_CONNECTIONS["default"]["PATH"],
    }
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "run_index_worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL if not os.environ.get("BENCH_WORKER_LOG") else None,
    )
    client = Client()
    out = []
    try:
        time.sleep(3)  # let the worker start
        ids = list(Paragraph.objects.order_by("pk").values_list("pk", flat=True)[: count * 50 : 50])
        for n, pk in enumerate(ids):
            word = f"benchedit{n}x{int(time.time())}"
            paragraph = Paragraph.objects.get(pk=pk)
            paragraph.text = f"{paragraph.text} {word}"
            started = time.perf_counter()
            paragraph.save()
            while True:
                data = client.get("/api/search/", {"q": word}).json()
                if data.get("total") == 1:
                    break
                if time.perf_counter() - started > 60:
                    from search.queue import queue_length

                    print(
                        f"edit of paragraph {pk} not searchable after 60 s "
                        f"(queue length {queue_length()}, worker exit code {worker.poll()})",
                        file=sys.stderr,
                    )
                    break
                time.sleep(0.05)
            out.append(time.perf_counter() - started)
    finally:
        worker.terminate()  # it finishes the batch in hand, then stops
        try:
            worker.wait(120)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    return out


def row(r: dict) -> str:
    def pair(values):
        return f"{statistics.median(values):.1f} / {percentile(values, 95):.1f}"

    def seconds(value):
        return "reused" if value is None else f"{value:.1f}"

    ratio50 = statistics.median(r["full"]) / statistics.median(r["raw"])
    ratio95 = percentile(r["full"], 95) / percentile(r["raw"], 95)
    edits = f"{statistics.median(r['edits']):.1f} / {max(r['edits']):.1f}" if r["edits"] else "–"
    return (
        f"| {r['size']:,} | {seconds(r['db_seconds'])} | {seconds(r['index_seconds'])} "
        f"| {r['index_mb']:.1f} | {pair(r['new'])} | {pair(r['full'])} | {pair(r['raw'])} "
        f"| {ratio50:.2f} / {ratio95:.2f} | {pair(r['browse'])} | {edits} |"
    )


HEADER = (
    "| paragraphs | DB build s | index build s | index MB | new query p50 / p95 ms "
    "| full view p50 / p95 ms | raw Whoosh p50 / p95 ms | ratio p50 / p95 "
    "| empty browse p50 / p95 ms | edit searchable median / max s |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs per query")
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--limitmb", type=int, default=256)
    parser.add_argument("--edits", type=int, default=5, help="Edit-to-searchable trials")
    parser.add_argument("--workdir", type=Path, help="Keep (and reuse) the database and index here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="untip-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        setup_django(workdir)
        print(HEADER, flush=True)
        for size in args.sizes:
            print(row(measure(size, args)), flush=True)


if __name__ == "__main__":
    main()
