"""Search behaviour a user relies on, against a real temporary Whoosh index."""

from collections import Counter

import pytest
from django.urls import reverse

from documents.models import Paragraph
from documents.vocabulary import Kind
from search.indexing import index_check, index_rebuild, index_repair, queue_drain
from search.params import parse_params
from search.selectors import paragraph_search
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db


class Q(dict):
    def getlist(self, key):
        value = self.get(key)
        return value if isinstance(value, list) else ([value] if value else [])


def run(**params):
    return paragraph_search(parse_params(Q(params)))


@pytest.fixture
def corpus(drain):
    ga = make_document(
        symbol="A/RES/55/25", body="General Assembly", title="Convention against crime"
    )
    sc = make_document(
        symbol="S/RES/2331 (2016)",
        body="Security Council",
        title="Maintenance of peace",
        adopted=__import__("datetime").date(2016, 12, 20),
    )
    hrc = make_document(symbol="A/HRC/RES/44/4", body="Human Rights Council", title="Trafficking")
    texts = [
        (
            ga,
            "Urges",
            "Urges States to ensure the non-punishment of victims of trafficking "
            "for acts they were compelled to commit;",
        ),
        (
            ga,
            "Calls upon",
            "Calls upon Governments to address forced labour in supply chains of businesses;",
        ),
        (
            ga,
            "Recalling",
            "Recalling the Protocol to Prevent, Suppress and Punish Trafficking in Persons;",
        ),
        (
            sc,
            "Urges",
            "Urges Member States to improve data collection on trafficking, "
            "including on the Internet;",
        ),
        (
            sc,
            "Condemns",
            "Condemns trafficking in persons by armed groups in areas affected by armed conflict;",
        ),
        (hrc, "Encourages", "Encourages States to strengthen data collection and analysis;"),
        (hrc, "Urges", "Urges businesses to eliminate forced labour from their supply chains;"),
    ]
    for doc, lead, text in texts:
        make_paragraph(doc, lead=lead, text=text)
    drain()
    return {"ga": ga, "sc": sc, "hrc": hrc}


def anchors(outcome):
    return [f"{h.paragraph.document.slug}#{h.paragraph.anchor}" for h in outcome.hits]


def test_relevance_puts_the_non_punishment_paragraph_first(corpus):
    outcome = run(q="non-punishment of victims")
    assert outcome.hits[0].paragraph.text.startswith("Urges States to ensure the non-punishment")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('"supply chains"', 2),
        ('"chains supply"', 0),
        ("data collection", 2),
        ("data collection -Internet", 1),
        ("data NOT Internet", 1),
        ("labour OR conflict", 3),
        ("victim", 1),  # stemming: victim finds victims
        ("traffick*", 4),  # not the HRC paragraphs: only its title says "Trafficking"
        ("title:trafficking", 2),  # the HRC document's paragraphs, by their title
        ("symbol:A/RES/55/25", 3),
        ("symbol:a/res/55/25", 3),
        ("A/HRC/RES/44/4", 2),
    ],
)
def test_query_syntax(corpus, q, expected):
    assert run(q=q).total == expected


def test_facet_counts_match_the_database(corpus):
    outcome = run()
    counts = {g.param: {v.value: v.count for v in g.values} for g in outcome.facets}
    db = Counter(Paragraph.objects.published().values_list("document__body", flat=True))
    assert counts["body"] == dict(db)
    assert counts["lead"]["Urges"] == Paragraph.objects.filter(lead="Urges").count()
    assert "actor" not in counts  # no provider registered: facet hidden


def test_facet_values_are_not_stemmed_or_split(corpus):
    outcome = run()
    bodies = {v.value for g in outcome.facets if g.param == "body" for v in g.values}
    assert bodies == {"General Assembly", "Security Council", "Human Rights Council"}


def test_facets_are_disjunctive_within_and_conjunctive_across(corpus):
    outcome = run(body=["General Assembly", "Security Council"], lead="Urges")
    assert outcome.total == 2  # (GA or SC) and Urges
    groups = {g.param: {v.value: v.count for v in g.values} for g in outcome.facets}
    # body counts ignore the body selection but respect lead=Urges
    assert groups["body"] == {
        "General Assembly": 1,
        "Security Council": 1,
        "Human Rights Council": 1,
    }
    # lead counts ignore the lead selection but respect the bodies
    assert groups["lead"]["Calls upon"] == 1 and groups["lead"]["Urges"] == 2


def test_empty_intersection_returns_nothing_not_everything(corpus):
    outcome = run(body="Security Council", lead="Calls upon")
    assert outcome.total == 0 and outcome.hits == []


def test_empty_query_browses_everything_in_document_order(corpus):
    outcome = run(sort="document")
    assert outcome.total == 7
    positions = [
        (h.paragraph.document.date, h.paragraph.document.slug, h.paragraph.position)
        for h in outcome.hits
    ]
    assert positions == sorted(positions)


def test_newest_first(corpus):
    years = [h.paragraph.document.date for h in run(sort="newest").hits]
    assert years == sorted(years, reverse=True)


def test_last_page_is_exact(drain):
    doc = make_document()
    for i in range(45):
        make_paragraph(doc, text=f"Paragraph {i} about trafficking")
    drain()
    seen = []
    for page in (1, 2, 3):
        seen += [h.paragraph.pk for h in run(q="trafficking", page=str(page)).hits]
    assert len(seen) == 45 and len(set(seen)) == 45
    assert len(run(q="trafficking", page="3").hits) == 5


def test_spelling_suggestion_even_with_zero_hits(corpus):
    outcome = run(q="traffiking")
    assert outcome.total == 0
    assert outcome.suggestion == "trafficking"
    assert run(q="trafficking").suggestion is None


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced quote'},
        {"q": "AND"},
        {"q": "*"},
        {"q": "*a*"},
        {"q": "a"},
        {"q": "x" * 10_000},
        {"q": "(((data"},
        {"q": "text:[a TO z]"},
        {"q": "fingerprint:abc"},
        {"selected_facets": "*a* OR text:foo"},
        {"body": "*a* OR text:foo"},
        {"page": "-3"},
        {"page": "999999999999"},
        {"page": "abc"},
        {"sort": "evil"},
        {"lead": ["x"] * 50},
    ],
)
def test_bad_input_gets_a_page_not_an_error(client, corpus, params, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    api = client.get(reverse("search:api_search"), params)
    assert api.status_code == 200 and "total" in api.json()


def test_injected_facet_value_matches_nothing(corpus):
    outcome = run(body="*a* OR text:foo")
    assert outcome.total == 0
    assert any("matches nothing" in note for note in outcome.notes)


def test_page_renders_results_facets_and_chips(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(
            reverse("search:search"), {"q": "trafficking", "body": "Security Council"}
        )
    html = response.content.decode()
    assert "Remove filter Body: Security Council" in html
    assert "<mark>trafficking</mark>" in html
    assert "S/RES/2331 (2016), para. 1" in html
    assert 'data-copy-target="cite-' in html


def test_api_shape(client, corpus):
    data = client.get(reverse("search:api_search"), {"q": "forced labour", "lead": "Urges"}).json()
    assert data["total"] == 1
    result = data["results"][0]
    assert set(result) >= {
        "permalink",
        "citation",
        "document",
        "anchor",
        "kind",
        "snippet",
        "score",
    }
    assert result["permalink"].endswith(f"/documents/{corpus['hrc'].slug}/op-2/")
    leads = {v["value"]: v for v in data["facets"]["lead"]}
    assert leads["Urges"]["active"] is True


def test_hostile_text_is_escaped_in_results(client, drain):
    doc = make_document()
    make_paragraph(
        doc, text='Victims <svg/onload=alert(1)> and <script>alert("x")</script> trafficking'
    )
    drain()
    html = client.get(reverse("search:search"), {"q": "trafficking"}).content.decode()
    assert "<svg" not in html and "<script>alert" not in html
    assert "&lt;svg/onload=alert(1)&gt;" in html


def test_edit_is_searchable_after_the_worker_runs(corpus, drain):
    p = Paragraph.objects.get(text__startswith="Condemns")
    p.text = "Condemns the sale of children"
    p.save()
    assert run(q="sale").total == 0  # not yet: the web process never writes the index
    drain()
    assert run(q="sale").total == 1
    assert run(q="armed").total == 0


def test_unpublished_and_deleted_paragraphs_disappear(corpus, drain):
    corpus["sc"].is_published = False
    corpus["sc"].save()
    Paragraph.objects.filter(text__startswith="Recalling").delete()
    drain()
    assert run(q="Internet").total == 0
    assert run(q="Protocol").total == 0
    assert index_check().ok


def test_queryset_update_paths_are_covered_by_enqueue(corpus, drain):
    from documents.models import Document
    from search.queue import enqueue_documents

    Document.objects.filter(pk=corpus["ga"].pk).update(is_published=False)
    enqueue_documents([corpus["ga"].pk])
    drain()
    assert run(q="symbol:A/RES/55/25").total == 0


def test_check_index_finds_and_repairs_drift(corpus, drain):
    from search.indexing import backend

    ghost = Paragraph.objects.get(text__startswith="Recalling")
    Paragraph.objects.filter(pk=ghost.pk).update(text="Recalling the Charter")  # stale, no signal
    backend().remove_many(
        [f"documents.paragraph.{Paragraph.objects.get(text__startswith='Condemns').pk}"]
    )
    report = index_check()
    assert len(report.stale) == 1 and len(report.missing) == 1 and not report.ghost
    index_repair(report)
    assert index_check().ok
    assert run(q="Charter").total == 1


def test_rebuild_swaps_atomically_and_search_keeps_working(corpus, search_index):
    before = run(q="trafficking").total
    result = index_rebuild()
    assert search_index.is_symlink() and search_index.resolve() == result.path.resolve()
    assert run(q="trafficking").total == before
    index_rebuild()
    assert run(q="trafficking").total == before


def test_missing_index_says_search_is_being_rebuilt(client, search_index):
    make_paragraph(make_document())
    response = client.get(reverse("search:search"), {"q": "trafficking"})
    assert response.status_code == 503
    assert "Search is being rebuilt" in response.content.decode()
    assert client.get(reverse("search:api_search")).status_code == 503
    assert client.get(reverse("search:health")).json()["ok"] is False


def test_health_reports_counts_and_queue(client, corpus):
    data = client.get(reverse("search:health")).json()
    assert data["ok"] is True and data["database"] == "ok"
    assert data["index"]["indexed"]["documents.paragraph"] == 7
    assert data["queue"]["length"] == 0


def test_more_like_this_panel_lists_similar_paragraphs(corpus):
    from search.apps import more_like_this

    p = Paragraph.objects.get(text__startswith="Urges businesses")
    context = more_like_this(p)
    assert context and context["similar"][0].text.startswith(
        "Calls upon Governments to address forced labour"
    )
    assert p not in context["similar"]


def test_registered_provider_fills_actor_facets(drain):
    from search import registry

    doc = make_document()
    p = make_paragraph(
        doc, kind=Kind.OPERATIVE, text="Urges States, including the Special Rapporteur, to act"
    )
    registry.register_paragraph_facet_provider(
        "test",
        lambda ids: {
            pk: {"actor": ["Special Rapporteur on trafficking, esp. women"]} for pk in ids
        },
    )
    try:
        from search.queue import enqueue_paragraphs

        enqueue_paragraphs([p.pk])
        drain()
        outcome = run(actor="Special Rapporteur on trafficking, esp. women")
        assert outcome.total == 1
    finally:
        registry.paragraph_facet_providers.pop("test")


def test_queue_drain_is_idempotent_and_empties_the_queue(corpus):
    from search.models import IndexQueueEntry
    from search.queue import enqueue_paragraphs

    enqueue_paragraphs(Paragraph.objects.values_list("pk", flat=True))
    enqueue_paragraphs(Paragraph.objects.values_list("pk", flat=True))
    while queue_drain().entries:
        pass
    assert not IndexQueueEntry.objects.exists()
    assert run().total == 7


def test_page_shows_the_largest_facet_values_and_every_active_one(client, drain):
    from search.selectors import FACET_SHOWN

    docs = [make_document() for _ in range(FACET_SHOWN + 5)]
    for i, doc in enumerate(docs):
        for _ in range(1 + (i < FACET_SHOWN)):  # the first FACET_SHOWN have two paragraphs
            make_paragraph(doc, text="States shall protect victims of trafficking.")
    drain()
    smallest = docs[-1]

    page = client.get(reverse("search:search"), {"q": "victims", "document": smallest.slug})
    group = next(g for g in page.context["outcome"].facets if g.param == "document")
    assert len(group.values) == FACET_SHOWN + 1  # the largest, and the active one
    assert smallest.slug in [v.value for v in group.values if v.active]
    assert group.more == 4
    assert "and 4 more with fewer paragraphs" in page.content.decode()

    api = client.get(reverse("search:api_search"), {"q": "victims"}).json()
    assert len(api["facets"]["document"]) == FACET_SHOWN + 5
    assert sum(v["count"] for v in api["facets"]["document"]) == Paragraph.objects.count()


def test_non_punishment_finds_the_corpus_wording_first(drain):
    # The resolutions never say "non-punishment": they say victims "are not penalized".
    doc = make_document(symbol="A/RES/72/1", title="Political declaration")
    others = [
        "Investigate, prosecute and penalize traffickers and intermediaries while "
        "providing protection and assistance to victims of trafficking;",
        "Recalling the Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
        "especially victims;",
        "Urges States to punish perpetrators and to protect victims;",
    ]
    for text in others:
        make_paragraph(doc, text=text)
    target = make_paragraph(
        doc,
        text="Take measures to ensure that identified victims are not penalized for having "
        "been trafficked and that they do not suffer from re-victimization;",
    )
    drain()
    outcome = run(q="non-punishment of victims")
    assert outcome.hits[0].paragraph == target
    assert outcome.total == 1
    assert "<mark>not penalized</mark>" in outcome.hits[0].snippet
    assert outcome.suggestion is None  # the invented marker word never leaks out


def test_one_searcher_serves_every_thread_and_follows_index_changes(corpus, drain):
    import threading

    from haystack.inputs import Raw

    from search import backend as search_backend
    from search.query import FacetedSearchQuerySet

    def count(q):  # index only, no database: safe from another thread
        return FacetedSearchQuerySet().filter(content=Raw(q)).count()

    def in_thread(q):
        out = []
        thread = threading.Thread(target=lambda: out.append(count(q)))
        thread.start()
        thread.join()
        return out[0]

    assert count("supply") == 2
    (first,) = search_backend._SHARED.values()
    assert in_thread("supply") == 2  # runserver's thread per request
    assert list(search_backend._SHARED.values()) == [first]

    paragraph = Paragraph.objects.filter(text__contains="Protocol").get()
    paragraph.text += " Zebrafish supply."
    paragraph.save()
    drain()
    assert in_thread("zebrafish") == 1
    assert count("supply") == 3
    (second,) = search_backend._SHARED.values()
    assert second is not first
    assert len(search_backend._GENERATIONS) == 1


def test_label_providers_name_provided_facet_values(client, drain, django_assert_max_num_queries):
    from search import registry
    from search.queue import enqueue_paragraphs

    # The commitments app registers its labels (commitments/apps.py) once the hook exists.
    assert "commitments" in registry.facet_label_providers
    p = make_paragraph(make_document(), text="Requests UNODC to assist States")
    facets = {"addressee": ["unodc"], "ctype": ["funding"], "verb": ["requests"]}
    labels = {"addressee": {"unodc": "UNODC"}, "ctype": {"funding": "Funding and resources"}}
    calls = []

    def label(field, values):
        calls.append((field, sorted(values)))
        return labels.get(field, {})

    registry.register_paragraph_facet_provider("test", lambda ids: {pk: facets for pk in ids})
    registry.register_facet_label_provider("test", label)
    try:
        enqueue_paragraphs([p.pk])
        drain()
        with django_assert_max_num_queries(12):
            page = client.get(reverse("search:search"), {"addressee": "unodc"})
        html = page.content.decode()
        assert "Remove filter Addressee: UNODC" in html
        assert ">Funding and resources<" in html
        assert ">requests<" in html  # no label: the value as it is
        assert sorted(c[0] for c in calls) == ["addressee", "ctype", "verb"]  # once each
        api = client.get(reverse("search:api_search"), {"addressee": "unodc"}).json()
        assert api["facets"]["addressee"] == [
            {"value": "unodc", "label": "UNODC", "count": 1, "active": True}
        ]
        assert api["facets"]["ctype"][0]["label"] == "Funding and resources"
    finally:
        registry.paragraph_facet_providers.pop("test")
        registry.facet_label_providers.pop("test")


def test_results_come_before_filters_and_facets_are_plain_links(client, corpus):
    html = client.get(
        reverse("search:search"), {"q": "trafficking", "body": "Security Council"}
    ).content.decode()
    skip = html.index('href="#results">Skip to results</a>')
    assert skip < html.index('id="results"') < html.index('id="filters"')
    assert html.index('class="hit__link"') < html.index('id="facet-body"')
    assert 'role="checkbox"' not in html and "aria-checked" not in html
    # the selected value says so (aria-current), the others do not
    assert 'aria-current="true" data-facet="body" data-value="Security Council"' in html
    assert html.count('aria-current="true" data-facet=') == 1


def test_long_query_of_unknown_words_does_bounded_spelling_work(corpus, monkeypatch):
    import random

    from whoosh.spelling import Corrector

    from search.backend import MAX_SUGGESTION_LOOKUPS
    from search.querytext import MAX_TERMS

    calls = []
    original = Corrector.suggest

    def counting(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Corrector, "suggest", counting)
    rng = random.Random(3)
    words = {"".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(10)) for _ in range(80)}
    q = " ".join(sorted(words))
    assert len(words) == 80 and len(q) > 850
    outcome = run(q=q)
    assert outcome.total == 0
    assert 0 < len(calls) <= MAX_SUGGESTION_LOOKUPS
    assert len(outcome.query.split()) == MAX_TERMS
    assert any(f"first {MAX_TERMS} words" in note for note in outcome.notes)


@pytest.mark.parametrize(
    ("typed", "offered", "expected"),
    [
        ("labour OR labor", "labour OR labour", None),  # the same query to the index
        ("victim", "victims", None),  # one word form
        ("organised crime", "organized crime", None),
        ("traffiking", "trafficking", "trafficking"),
        ("", "trafficking", None),
    ],
)
def test_suggestion_only_when_it_changes_the_query(typed, offered, expected):
    from search.selectors import _suggestion

    class Offers:
        def spelling_suggestion(self):
            return offered

    assert _suggestion(Offers(), typed) == expected


@pytest.mark.parametrize("q", ["*ing", "*tion*", "?ata"])
def test_no_suggestion_for_wildcard_only_input(corpus, q):
    outcome = run(q=q)
    assert outcome.suggestion is None
    assert any("Wildcards" in note for note in outcome.notes)


def test_page_beyond_the_last_gives_one_note(corpus):
    outcome = run(q="trafficking", page="999")
    assert outcome.params.page == 1 and outcome.hits
    assert outcome.notes == ["There is only one page; showing the last one."]


def test_pagination_shows_ellipses(client, drain):
    doc = make_document()
    for i in range(21 * 20):
        make_paragraph(doc, text=f"Paragraph {i} on trafficking")
    drain()
    html = client.get(reverse("search:search"), {"q": "trafficking"}).content.decode()
    nav = html[html.index('class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    import re

    shown = re.findall(r">(\d+|…)<", nav)
    assert shown == ["1", "2", "3", "…", "21"]


@pytest.mark.parametrize(
    "params",
    [
        {"body": "Nope"},
        {"body": ["Nope", "Security Council"]},
        {"actor": "nobody", "q": "trafficking"},  # a provided facet with no values at all
        {"q": "zzzzqqq", "lead": "Nope"},  # no hits: no facet but the selected one
    ],
)
def test_unknown_facet_values_are_removable_chips(client, corpus, params):
    import re

    response = client.get(reverse("search:search"), params)
    html = response.content.decode()
    unknown = [(g, v) for g in response.context["outcome"].facets for v in g.values if v.missing]
    assert len(unknown) == 1
    group, value = unknown[0]
    assert f"Remove filter {group.label}: {value.value} (not found)" in html
    # its removal link drops only it
    from urllib.parse import parse_qs

    left = parse_qs(value.toggle_url[1:])
    assert value.value not in left.get(group.param, [])
    expected = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    expected[group.param].remove(value.value)
    assert left == {k: v for k, v in expected.items() if v}
    # no facet heading without values under it
    for section in re.findall(r'<section class="facet".*?</section>', html, re.S):
        assert "<li" in section


def test_addressee_ctype_pairs_filter_one_actors_clauses(client, drain):
    from search import registry
    from search.queue import enqueue_paragraphs

    doc = make_document()
    both = make_paragraph(doc, text="Requests UNODC to fund assistance")
    split = make_paragraph(doc, text="Requests UNODC to report; urges donors to fund it")
    facets = {
        both.pk: {
            "addressee": ["unodc"],
            "ctype": ["funding"],
            "addressee_ctype": ["unodc/funding"],
        },
        split.pk: {
            "addressee": ["donors", "unodc"],
            "ctype": ["funding", "reporting"],
            "addressee_ctype": ["donors/funding", "unodc/reporting"],
        },
    }
    registry.register_paragraph_facet_provider("test", lambda ids: facets)
    registry.register_facet_label_provider(
        "test", lambda field, values: {"unodc": "UNODC", "funding": "Funding"}
    )
    try:
        enqueue_paragraphs([both.pk, split.pk])
        drain()
        assert run(addressee="unodc", ctype="funding").total == 2  # separate filters
        outcome = run(addressee_ctype="unodc/funding")
        assert [h.paragraph for h in outcome.hits] == [both]
        html = client.get(reverse("search:search"), {"addressee_ctype": "unodc/funding"})
        html = html.content.decode()
        assert "Remove filter Addressee and commitment type: UNODC / Funding" in html
        # a filter for links: not listed value by value in the sidebar or the API
        api = client.get(reverse("search:api_search")).json()
        assert "addressee_ctype" not in api["facets"]
    finally:
        registry.paragraph_facet_providers.pop("test")
        registry.facet_label_providers.pop("test")
