import json

import pytest
from django.urls import reverse

from commitments import selectors, services
from commitments.models import Commitment
from commitments.vocabulary import Status
from documents.vocabulary import DocumentType
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db

TEXTS = [
    "Requests the United Nations Office on Drugs and Crime to collect data on trafficking flows;",
    "Invites Member States to make voluntary contributions to the trust fund;",
    "Urges Member States to consider ratifying the Protocol;",
    "Takes note of the work of the Inter-Agency Coordination Group against Trafficking in Persons;",
]


@pytest.fixture
def corpus(taxonomy):
    document = make_document(symbol="A/RES/72/195", sponsors=["Belgium", "Qatar", "Atlantis"])
    for text in TEXTS:
        make_paragraph(document, text=text)
    services.document_tag(document=document)
    return document


def test_actor_list_groups_and_counts(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(reverse("commitments:actor_list"))
    assert response.status_code == 200
    groups = dict(response.context["groups"])
    member_states = {a.slug: a for a in groups["Group of States"]}["member-states"]
    assert member_states.paragraph_count == 2
    assert len(groups["Member State"]) == 193


def test_actor_list_search_box(client, corpus):
    response = client.get(reverse("commitments:actor_list"), {"q": "Drugs"})
    slugs = [a.slug for _, actors in response.context["groups"] for a in actors]
    assert slugs == ["unodc"]
    assert "No actor matches" in client.get("/actors/", {"q": "zzzz"}).content.decode()


def test_actor_detail(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("commitments:actor_detail", args=["member-states"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "/search/?addressee_ctype=member-states%2Ffunding" in html
    # base.html sets its own `search_url` (the nav): the page's link must not be shadowed
    assert 'class="button" href="/search/?addressee=member-states"' in html
    assert "voluntary contributions" in html
    assert client.get("/actors/no-such-actor/").status_code == 404


def test_rejected_commitments_disappear_from_pages(client, corpus):
    c = Commitment.objects.get(actor__slug="unodc")
    services.commitments_set_status(commitments=[c], status=Status.REJECTED)
    response = client.get(reverse("commitments:actor_detail", args=["unodc"]))
    assert response.context["by_document"] == []


def test_type_pages_include_descendants(client, corpus, django_assert_max_num_queries):
    response = client.get(reverse("commitments:type_detail", args=["compensation"]))
    # the trust fund is a child of compensation
    assert response.context["total"] == 1
    with django_assert_max_num_queries(6):  # one query per SDG list would be ~40
        tree = client.get(reverse("commitments:type_list")).context["tree"]
    protection = next(n for n in tree if n.ctype.slug == "protection")
    assert protection.count >= 1
    assert client.get("/commitment-types/nope/").status_code == 404


def test_matrix_counts_match_the_database(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("commitments:matrix"))
    matrix = response.context["matrix"]
    cells = {(a.slug, t.slug): n for a, row in matrix.rows() for t, n in row}
    expected = (
        Commitment.objects.visible()
        .filter(actor__slug="member-states", types__parent__slug="means-of-implementation")
        .distinct()
        .count()
    )
    assert cells[("member-states", "means-of-implementation")] == expected == 1
    assert cells[("member-states", "instruments")] == 1
    assert "?addressee_ctype=member-states%2Finstruments" in response.content.decode()


def test_matrix_filters_and_bad_input(client, corpus):
    assert client.get("/matrix/", {"type": DocumentType.LETTER}).context["matrix"].actors == []
    response = client.get("/matrix/", {"from": "abc", "type": "zzz"})
    assert response.status_code == 200
    assert response.context["error"]
    assert response.context["matrix"].actors


def test_paragraph_page_panel_and_document_sponsors(client, corpus):
    paragraph = corpus.paragraphs.get(anchor="op-1")
    html = client.get(paragraph.get_absolute_url()).content.decode()
    assert "Who is asked to do what" in html
    assert 'href="/actors/unodc/"' in html
    doc_html = client.get(corpus.get_absolute_url()).content.decode()
    assert 'href="/actors/belgium/"' in doc_html
    assert "Atlantis" in doc_html  # unknown sponsors stay, as printed, without a link


def test_api_fields(client, corpus, django_assert_max_num_queries):
    url = f"/api/documents/{corpus.slug}/"
    with django_assert_max_num_queries(14):
        data = json.loads(client.get(url).content)
    by_anchor = {p["anchor"]: p for p in data["paragraphs"]}
    (c,) = by_anchor["op-1"]["commitments"]
    assert (c["actor"], c["role"], c["verb"], c["strength"], c["status"]) == (
        "unodc",
        "addressee",
        "requests",
        "decides",
        "suggested",
    )
    assert "data-research" in c["types"]
    assert by_anchor["op-4"]["mentions"][0]["actor"] == "icat"


def test_search_facets_are_hierarchical_slugs(corpus):
    paragraph = corpus.paragraphs.get(anchor="op-2")
    facets = selectors.paragraph_facets([paragraph.pk])[paragraph.pk]
    assert facets["addressee"] == ["member-states"]
    assert {"trust-fund", "compensation", "protection", "funding"} <= set(facets["ctype"])
    assert facets["verb"] == ["invites"]
    assert facets["strength"] == ["encourages"]
    assert facets["actor_kind"] == ["state_group"]


def test_admin_review_queue(admin_client, corpus):
    assert admin_client.get("/admin/commitments/commitment/").status_code == 200
    ids = list(Commitment.objects.values_list("pk", flat=True))
    response = admin_client.post(
        "/admin/commitments/commitment/",
        {"action": "confirm", "_selected_action": ids},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Commitment.objects.values_list("status", flat=True)) == {Status.CONFIRMED}
    tried = admin_client.post(
        "/admin/commitments/commitment/try/",
        {"text": "Requests the Secretary-General to report on data;"},
    )
    assert "secretary-general" in tried.content.decode()


def test_admin_bulk_add_types_and_merge(admin_client, corpus):
    from commitments.models import Actor, CommitmentType

    ids = list(Commitment.objects.values_list("pk", flat=True))
    url = "/admin/commitments/commitment/"
    form = admin_client.post(url, {"action": "add_types", "_selected_action": ids})
    assert "Add types" in form.content.decode()
    funding = CommitmentType.objects.get(slug="funding")
    lacking = set(Commitment.objects.exclude(types=funding).values_list("pk", flat=True))
    assert lacking
    admin_client.post(
        url,
        {"action": "add_types", "_selected_action": ids, "apply": "1", "types": [funding.pk]},
    )
    assert all(funding in c.types.all() for c in Commitment.objects.all())
    # only the commitments that changed count as edited by the curator
    assert set(Commitment.objects.filter(is_edited=True).values_list("pk", flat=True)) == lacking

    extra = Actor.objects.create(name="Drugs Office", slug="drugs-office", kind="un_entity")
    unodc = Actor.objects.get(slug="unodc")
    admin_client.post(
        "/admin/commitments/actor/",
        {
            "action": "merge_actors",
            "_selected_action": [extra.pk],
            "apply": "1",
            "target": unodc.pk,
        },
    )
    assert not Actor.objects.filter(slug="drugs-office").exists()
    assert unodc.aliases.filter(text="Drugs Office").exists()


@pytest.mark.parametrize(
    "field, values, expected",
    [
        (
            "addressee",
            ["member-states", "unodc"],
            {"member-states": "Member States", "unodc": "UNODC"},
        ),
        ("actor", ["unodc", "no-such-actor"], {"unodc": "UNODC"}),
        (
            "actor_kind",
            ["state_group", "un_entity"],
            {"state_group": "Group of States", "un_entity": "UN entity"},
        ),
        (
            "ctype",
            ["non-punishment", "funding"],
            {"non-punishment": "Non-punishment of victims", "funding": "Funding and resources"},
        ),
        ("verb", ["requests", "invites"], {"requests": "requests", "invites": "invites"}),
        ("verb", ["calls-upon"], {"calls-upon": "calls upon"}),
        (
            "strength",
            ["decides", "encourages"],
            {"decides": "Decides, requests, commits", "encourages": "Encourages, invites"},
        ),
        ("body", ["General Assembly"], {}),
        ("ctype", [], {}),
    ],
)
def test_search_facet_labels_are_human(
    corpus, field, values, expected, django_assert_max_num_queries
):
    from commitments.integration import search_facet_labels

    with django_assert_max_num_queries(1):
        assert search_facet_labels(field, values) == expected
