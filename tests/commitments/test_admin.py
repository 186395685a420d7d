"""The admin changelists run a fixed number of queries, however many rows they list."""

import pytest

from commitments import services
from commitments.evaluation import text_hash
from commitments.models import Actor, Commitment, CommitmentType, Mention, ParagraphReview
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db

TEXTS = [
    "Requests the United Nations Office on Drugs and Crime to collect data on trafficking flows;",
    "Invites Member States to make voluntary contributions to the trust fund;",
    "Urges Member States to consider ratifying the Protocol and invites the Inter-Agency "
    "Coordination Group against Trafficking in Persons to report;",
]


@pytest.fixture
def queue(taxonomy):
    """Two documents, 30 operative paragraphs, sub- and sub-sub-paragraphs, all tagged."""
    for symbol in ("A/RES/72/195", "A/RES/73/146"):
        document = make_document(symbol=symbol)
        for _ in range(5):
            for text in TEXTS:
                make_paragraph(document, text=text)
            top = make_paragraph(document, text="Requests the Secretary-General:")
            sub = make_paragraph(
                document,
                text="to report to Member States on the implementation of the Protocol;",
                parent=top,
                anchor=f"{top.anchor}-a",
                number="a",
            )
            leaf = make_paragraph(
                document,
                text="to invite Member States to fund victim assistance;",
                parent=sub,
                anchor=f"{sub.anchor}-i",
                number="i",
            )
            # a sub-sub-paragraph's citation walks up two parents
            Commitment.objects.create(
                paragraph=leaf,
                actor=Actor.objects.get(slug="member-states"),
                verb="invite",
                strength="encourages",
                clause=leaf.text,
                clause_end=len(leaf.text),
                origin="curator",
            )
        services.document_tag(document=document)
        for p in document.paragraphs.all():
            ParagraphReview.objects.create(paragraph=p, text_sha1=text_hash(p.text))
    assert Commitment.objects.count() >= 40 and Mention.objects.count() >= 10
    assert Commitment.objects.filter(paragraph__parent__parent__isnull=False).count() == 10
    assert CommitmentType.objects.count() >= 30


@pytest.mark.parametrize(
    "url, max_queries",
    [
        ("/admin/commitments/commitmenttype/", 8),
        ("/admin/commitments/commitment/", 9),
        ("/admin/commitments/commitment/?status__exact=suggested&reviewed=yes", 9),
        ("/admin/commitments/actor/", 7),
        ("/admin/commitments/actor/?kind__exact=un_entity", 7),
        ("/admin/commitments/mention/", 8),
        ("/admin/commitments/paragraphreview/", 9),
        ("/admin/commitments/typerule/", 8),
    ],
)
def test_changelists_have_no_n_plus_one(
    admin_client, queue, url, max_queries, django_assert_max_num_queries
):
    with django_assert_max_num_queries(max_queries):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 10
