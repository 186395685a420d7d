"""Pages and JSON: paragraph panel, comparison, series, agreed language, API field."""

import pytest
from django.urls import reverse

from documents.models import Paragraph
from lineage.services import lineage_rebuild
from tests.factories import make_document, make_paragraph

from .conftest import ADOPTED, DECLARATION


def _paragraph_url(slug, anchor):
    return reverse("documents:paragraph", kwargs={"slug": slug, "anchor": anchor})


def test_paragraph_panel_lists_counterparts_oldest_first_with_a_diff(
    client, linked, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        response = client.get(_paragraph_url("a-res-72-1", "annex-3"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This language also appears in" in html
    # Oldest first: the letter (July) before 71/319 (August).
    listed = html[html.index('<ol class="lineage-list">') :]
    assert listed.index('href="/documents/pga-letter-2017-07-21/annex-3/"') < listed.index(
        'href="/documents/a-res-71-319/annex-3/"'
    )
    assert "First adopted in" in html and "First drafted in" in html
    # The letter's draft -> this paragraph: "Criminal" and "(INTERPOL)" inserted.
    assert '<ins><span class="visually-hidden">inserted: </span>Criminal</ins>' in html
    assert '<ins><span class="visually-hidden">inserted: </span>(INTERPOL)</ins>' in html
    assert "Minor edits" in html and "Identical" in html


def test_paragraph_without_counterparts_says_it_is_new(client, linked):
    response = client.get(_paragraph_url("a-res-72-195", "op-3"))
    assert "it first appears here" in response.content.decode()


def test_diff_escapes_paragraph_text(client, db):
    old = make_document(symbol="A/RES/70/1")
    new = make_document(symbol="A/RES/72/2")
    text = "Urges Member States to protect victims of trafficking in persons everywhere;"
    make_paragraph(old, text=text)
    make_paragraph(new, text=text.replace("everywhere", '<script>alert("x")</script> everywhere'))
    lineage_rebuild()
    html = client.get(_paragraph_url("a-res-72-2", "op-1")).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    compare = client.get(reverse("lineage:compare", args=["a-res-70-1", "a-res-72-2"]))
    assert "<script>alert" not in compare.content.decode()
    assert "&lt;script&gt;" in compare.content.decode()


def test_compare_counts_and_permalinks(client, linked, django_assert_max_num_queries):
    url = reverse("lineage:compare", args=["pga-letter-2017-07-21", "a-res-71-319"])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    counts = response.context["comparison"].counts
    assert counts == {"matched": 2, "changed": 1, "moved": 0, "added": 1, "removed": 1}
    html = response.content.decode()
    assert 'href="/documents/pga-letter-2017-07-21/annex-3/"' in html
    assert 'href="/documents/a-res-71-319/annex-3/"' in html
    assert '<ins><span class="visually-hidden">inserted: </span>Criminal</ins>' in html


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        ("a-res-70-179", "nope", 404),
        ("a-res-70-179", "a-res-70-179", 400),
        ("draft-2015-improving-coordination", "a-res-70-179", 200),
    ],
)
def test_compare_bad_input_gets_a_clear_answer(client, linked, a, b, status):
    assert client.get(reverse("lineage:compare", args=[a, b])).status_code == status
    api = client.get(reverse("lineage:api_compare", args=[a, b]))
    assert api.status_code == status
    if status != 200:
        assert "error" in api.json()


def test_compare_start_form(client, linked):
    response = client.get(reverse("lineage:compare_start"), {"a": "a-res-70-179", "b": ""})
    assert response.status_code == 400
    assert "Choose two documents" in response.content.decode()
    response = client.get(
        reverse("lineage:compare_start"), {"a": "a-res-70-179", "b": "a-res-72-195"}
    )
    assert response.url == reverse("lineage:compare", args=["a-res-70-179", "a-res-72-195"])


def test_api_compare_returns_the_alignment(client, linked):
    data = client.get(reverse("lineage:api_compare", args=["a-res-70-179", "a-res-72-195"])).json()
    assert data["counts"] == {"matched": 1, "changed": 1, "moved": 0, "added": 1, "removed": 1}
    changed = next(row for row in data["rows"] if row["status"] == "changed")
    assert changed["a"]["anchor"] == changed["b"]["anchor"] == "op-2"
    assert changed["class"] == "minor"
    assert ["insert", "in close cooperation with the Inter-Agency Coordination Group"] in [
        [op, text.strip(" ,;")] for op, text in changed["diff"]
    ]


def test_document_page_links_to_natural_comparisons(client, linked):
    html = client.get(reverse("documents:detail", args=["a-res-70-179"])).content.decode()
    assert (
        reverse("lineage:compare", args=["draft-2015-improving-coordination", "a-res-70-179"])
        in html
    )
    assert reverse("lineage:compare", args=["a-res-70-179", "a-res-72-195"]) in html
    html = client.get(reverse("documents:detail", args=["pga-letter-2017-07-21"])).content.decode()
    assert reverse("lineage:compare", args=["pga-letter-2017-07-21", "a-res-71-319"]) in html
    assert reverse("lineage:compare", args=["pga-letter-2017-07-21", "a-res-72-1"]) in html


def test_series_pages(client, linked, django_assert_max_num_queries):
    response = client.get(reverse("lineage:series_list"))
    html = response.content.decode()
    assert "Improving the coordination of efforts against trafficking in persons" in html
    series = response.context["series_list"][0]
    with django_assert_max_num_queries(10):
        response = client.get(series.get_absolute_url())
    html = response.content.decode()
    assert html.index("A/RES/70/179") < html.index("A/RES/72/195")
    histories = response.context["histories"]
    assert [h.paragraph.anchor for h in histories] == ["op-1", "op-2", "op-3"]
    op2 = histories[1]
    assert [v.paragraph.anchor if v.paragraph else None for v in op2.versions] == ["op-2", "op-2"]
    assert op2.versions[-1].similarity == "minor"
    assert histories[2].first.document.symbol == "A/RES/72/195"
    assert "not in this resolution" in html
    assert client.get(reverse("lineage:series_detail", args=["nope"])).status_code == 404


def test_agreed_language_finds_adopted_text(client, linked):
    response = client.get(
        reverse("lineage:agreed_language"),
        {"text": "the International Criminal Police Organization (INTERPOL)"},
    )
    assert response.status_code == 200
    matches = response.context["matches"]
    assert {m.paragraph.document.slug for m in matches} == {"a-res-71-319", "a-res-72-1"}
    assert all(m.similarity == "identical" and m.within for m in matches)
    # The draft letter is not adopted text...
    html = response.content.decode()
    assert "pga-letter" not in html
    # ...unless asked for.
    response = client.get(
        reverse("lineage:agreed_language"),
        {"text": "the International Police Organization", "drafts": "1"},
    )
    assert response.context["matches"][0].paragraph.document.slug == "pga-letter-2017-07-21"


def test_agreed_language_shows_differences(client, linked):
    text = ADOPTED[1].replace("modern slavery", "contemporary forms of slavery")
    response = client.get(reverse("lineage:agreed_language"), {"text": text, "fragment": "1"})
    html = response.content.decode()
    assert "<html" not in html  # the fragment the page's script swaps in
    assert '<del><span class="visually-hidden">deleted: </span>modern</del>' in html
    assert "contemporary forms of" in html
    assert response.context["matches"][0].similarity == "minor"


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("two words", 400, "at least 3 words"),
        ("x " * 3000, 400, "at most 5,000"),
        ("", 200, "Results will appear here"),
        ("fisheries management quotas in the Pacific", 200, "probably new language"),
    ],
)
def test_agreed_language_bad_or_empty_input(client, linked, text, status, message):
    response = client.get(reverse("lineage:agreed_language"), {"text": text})
    assert response.status_code == status
    assert message in response.content.decode()


def test_api_agreed_language(client, linked):
    url = reverse("lineage:api_agreed_language")
    data = client.get(url, {"text": DECLARATION[0]}).json()
    identical = [r for r in data["results"] if r["class"] == "identical"]
    assert [(r["document"], r["anchor"]) for r in identical] == [
        ("a-res-71-319", "annex-1"),
        ("a-res-72-1", "annex-1"),
    ]
    assert data["results"][:2] == identical  # best first
    first = data["results"][0]
    assert first["url"].endswith("/annex-1/")
    assert {"symbol", "date", "anchor", "similarity", "diff", "citation"} <= set(first)
    assert client.get(url).status_code == 400
    assert "error" in client.get(url, {"text": "too short"}).json()


def test_documents_api_paragraphs_carry_counterparts(client, linked, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        data = client.get("/api/documents/a-res-71-319/").json()
    by_anchor = {p["anchor"]: p for p in data["paragraphs"]}
    counterparts = by_anchor["annex-3"]["counterparts"]
    assert [(c["document"], c["anchor"], c["class"]) for c in counterparts] == [
        ("pga-letter-2017-07-21", "annex-3", "minor"),
        ("a-res-72-1", "annex-3", "identical"),
    ]
    assert by_anchor["op-1"]["counterparts"] == []


def test_unpublished_counterparts_are_hidden(client, linked):
    linked["letter"].is_published = False
    linked["letter"].save()
    html = client.get(_paragraph_url("a-res-72-1", "annex-3")).content.decode()
    assert "pga-letter" not in html
    assert Paragraph.objects.filter(document=linked["letter"]).exists()


def _legend_items(html):
    """The key to differences: one list item per entry, text without tags."""
    import re

    match = re.search(r'<ul class="diff-legend"[^>]*>(.*?)</ul>', html, re.S)
    assert match, "the diff legend is a list"
    items = re.findall(r"<li>(.*?)</li>", match.group(1), re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in items]


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        (
            "/compare/pga-letter-2017-07-21/a-res-71-319/",
            {},
            ["underlined words were inserted", "struck-through words were deleted"],
        ),
        (
            "/agreed-language/",
            {"text": ADOPTED[1].replace("modern slavery", "contemporary forms of slavery")},
            [
                "underlined words are in your text only",
                "struck-through words are in the adopted text only",
            ],
        ),
        (
            "/documents/a-res-72-1/annex-3/",
            {},
            ["underlined words were inserted", "struck-through words were deleted"],
        ),
    ],
)
def test_diff_legend_is_a_list_of_separate_entries(client, linked, url, params, expected):
    html = client.get(url, params).content.decode()
    assert _legend_items(html) == expected


def test_api_agreed_language_compares_a_nearly_whole_paste_with_the_whole_paragraph(client, db):
    """QA: all of A/RES/72/195 para. 12 pasted with three edits was "part of a longer
    paragraph" and its adopted ending "data collection;" was shown as the user's insertion."""
    from tests.lineage.test_matching import PARA_12

    make_paragraph(make_document(symbol="A/RES/72/195"), number="12", anchor="op-12", text=PARA_12)
    lineage_rebuild()
    pasted = (
        PARA_12.replace("work closely", "cooperate closely")
        .replace("compile and develop", "develop")
        .replace("different and specific", "specific")
    )
    data = client.get(reverse("lineage:api_agreed_language"), {"text": pasted}).json()
    [match] = data["results"]
    assert match["within_longer_paragraph"] is False
    assert match["excerpt"] == PARA_12
    assert match["diff"][-1] == [
        "equal",
        " specific contexts and agreed methods for data collection;",
    ]
    assert [run for run in match["diff"] if run[0] != "equal"] == [
        ["delete", "work"],
        ["insert", "cooperate"],
        ["delete", "compile and"],
        ["delete", "different and"],
    ]
    html = client.get(reverse("lineage:agreed_language"), {"text": pasted}).content.decode()
    assert "part of a longer paragraph" not in html


@pytest.mark.parametrize(
    ("url", "params", "status", "message", "selected"),
    [
        # An unknown slug from the chooser: the form again, the known one kept.
        (
            "/compare/",
            {"a": "zzz", "b": "a-res-72-195"},
            400,
            "No published document “zzz”",
            "a-res-72-195",
        ),
        (
            "/compare/",
            {"a": "a-res-70-179", "b": "zzz"},
            400,
            "No published document “zzz”",
            "a-res-70-179",
        ),
        # A typed or stale URL: the chooser, not the generic 404 page.
        ("/compare/zzz/a-res-72-195/", {}, 404, "No published document “zzz”", "a-res-72-195"),
        ("/compare/a-res-70-179/nope/", {}, 404, "No published document “nope”", "a-res-70-179"),
    ],
)
def test_compare_unknown_document_shows_the_chooser_with_an_error(
    client, linked, url, params, status, message, selected
):
    response = client.get(url, params)
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert 'name="a"' in html and 'name="b"' in html  # the form to choose again
    assert f'<option value="{selected}" selected>' in html


def test_compare_warns_when_the_newer_document_comes_first(client, linked):
    response = client.get(reverse("lineage:compare", args=["a-res-72-195", "a-res-70-179"]))
    assert response.status_code == 200  # a warning, not a refusal
    html = response.content.decode()
    assert "is newer than" in html
    swap = reverse("lineage:compare", args=["a-res-70-179", "a-res-72-195"])
    assert f'<a href="{swap}">Swap' in html
    in_order = client.get(swap).content.decode()
    assert "is newer than" not in in_order


DRAFT_2015 = "Draft resolution (General Assembly, 19 November 2015)"
LETTER_2017 = "Letter (President of the General Assembly, 21 July 2017)"


@pytest.mark.parametrize(
    ("slug", "anchor", "adopted", "drafted"),
    [
        # Re-adopted: first adopted in the older resolution, first drafted in the 2015 draft.
        (
            "a-res-72-195",
            "op-1",
            'First adopted in <a href="/documents/a-res-70-179/op-1/">A/RES/70/179, para. 1</a>',
            f'First drafted in <a href="/documents/draft-2015-improving-coordination/op-1/">'
            f"{DRAFT_2015}, para. 1</a>",
        ),
        (
            "a-res-70-179",
            "op-1",
            "First adopted here",
            f'First drafted in <a href="/documents/draft-2015-improving-coordination/op-1/">'
            f"{DRAFT_2015}, para. 1</a>",
        ),
        # The draft's own page: adopted later; no older draft to name.
        (
            "draft-2015-improving-coordination",
            "op-1",
            'First adopted in <a href="/documents/a-res-70-179/op-1/">A/RES/70/179, para. 1</a>',
            None,
        ),
        # The declaration: 71/319's annex adopted it first; the letter carried the draft.
        (
            "a-res-72-1",
            "annex-3",
            'First adopted in <a href="/documents/a-res-71-319/annex-3/">'
            "A/RES/71/319, annex, para. 3</a>",
            f'First drafted in <a href="/documents/pga-letter-2017-07-21/annex-3/">'
            f"{LETTER_2017}, annex, para. 3</a>",
        ),
    ],
)
def test_paragraph_panel_names_first_adopted_and_first_drafted(
    client, linked, slug, anchor, adopted, drafted
):
    html = " ".join(client.get(_paragraph_url(slug, anchor)).content.decode().split())
    assert "First appeared in" not in html
    assert adopted in html
    if drafted:
        assert drafted in html
    else:
        assert "First drafted in" not in html


def test_compare_names_unsymbolled_documents_by_type_body_and_date(client, linked):
    response = client.get(
        reverse("lineage:compare", args=["draft-2015-improving-coordination", "a-res-70-179"])
    )
    html = " ".join(response.content.decode().split())
    # From and To no longer read the same (the draft's title is the resolution's).
    assert (
        '<span class="compare-side">From</span> '
        f'<a href="/documents/draft-2015-improving-coordination/">{DRAFT_2015}</a>' in html
    )
    assert (
        '<span class="compare-side">To</span> <a href="/documents/a-res-70-179/">A/RES/70/179</a>'
        in html
    )
    assert f"{DRAFT_2015}, para. 1" in html  # the rows' permalinks
    chooser = client.get(reverse("lineage:compare_start")).content.decode()
    assert f"{DRAFT_2015} — Improving the coordination" in chooser


def _rows(html):
    """(status, hidden) of each comparison row, in order."""
    import re

    return [
        (status, " hidden" in attrs)
        for status, attrs in re.findall(r'<li class="compare-row compare-row--(\w+)"([^>]*)>', html)
    ]


@pytest.mark.parametrize(
    ("params", "only_changes"),
    [
        ({}, True),  # default: there are differences, so only they show
        ({"changes": "1"}, True),
        ({"changes": "0"}, False),
        ({"changes": "junk"}, True),
    ],
)
def test_compare_shows_only_differences_by_default(client, linked, params, only_changes):
    url = reverse("lineage:compare", args=["pga-letter-2017-07-21", "a-res-71-319"])
    response = client.get(url, params)
    html = response.content.decode()
    rows = _rows(html)
    assert len(rows) == 5  # every row is on the page, for the script's toggle
    assert [hidden for _, hidden in rows] == [
        only_changes and status == "matched" for status, _ in rows
    ]
    if only_changes:
        assert f'<a href="{url}?changes=0" data-compare-toggle>Show all paragraphs</a>' in html
        assert "2 identical paragraphs hidden" in html
    else:
        assert f'<a href="{url}?changes=1" data-compare-toggle>Show only differences</a>' in html


def test_compare_with_no_differences_shows_every_paragraph(client, db):
    text = "Urges Member States to protect victims of trafficking in persons everywhere;"
    make_paragraph(make_document(symbol="A/RES/70/1"), text=text)
    make_paragraph(make_document(symbol="A/RES/72/2"), text=text)
    html = client.get(
        reverse("lineage:compare", args=["a-res-70-1", "a-res-72-2"])
    ).content.decode()
    assert _rows(html) == [("matched", False)]
    assert "No differences" in html
    assert "Next change" not in html


def test_compare_changes_link_to_the_previous_and_next_change(client, linked):
    url = reverse("lineage:compare", args=["pga-letter-2017-07-21", "a-res-71-319"])
    html = " ".join(client.get(url).content.decode().split())
    # Three changes (changed, added, removed): numbered targets, each linking its neighbours.
    for n in (1, 2, 3):
        assert f'id="change-{n}" tabindex="-1"' in html
    assert 'id="change-4"' not in html
    assert '<a href="#change-2" class="compare-nav__next">Next change</a>' in html
    assert '<a href="#change-1" class="compare-nav__prev">Previous change</a>' in html
    # The toolbar: a keyboard-reachable way to the first change, made previous/next by JS.
    assert '<nav class="compare-toolbar__nav" aria-label="Changes">' in html
