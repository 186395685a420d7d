"""Curated reviews (fixtures/commitments/reviewed.json) applied as curator decisions."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from commitments import reviews, services
from commitments.evaluation import text_hash
from commitments.models import Commitment, CommitmentType, Mention, ParagraphReview
from commitments.vocabulary import Origin, Status
from documents.vocabulary import Kind
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db

OP7 = (
    "Expresses support for the activities of the United Nations Office on Drugs and Crime, "
    "reaffirms its request to the Secretary-General to provide adequate support to the "
    "Commission on Crime Prevention and Criminal Justice, and invites Member States to make "
    "voluntary contributions to the Office for the purpose of providing assistance to Member "
    "States upon request;"
)
OP11 = (
    "Requests the principals or key officials of the member agencies of the Inter-Agency "
    "Coordination Group, subsequent to the meeting of the Coordination Group at the level of "
    "principals, to hold briefings at their headquarters to inform their member States;"
)
PREAMBLE = "Taking note of the report of the Secretary-General,"


def _commitment(actor, verb, strength, clause, types=(), status="confirmed", deadline=""):
    return {
        "actor": actor,
        "verb": verb,
        "strength": strength,
        "clause": clause,
        "types": list(types),
        "deadline": deadline,
        "status": status,
    }


@pytest.fixture
def document(taxonomy):
    document = make_document(symbol="A/RES/72/195")
    make_paragraph(document, text=OP7, number="7", anchor="op-7")
    make_paragraph(document, text=OP11, number="11", anchor="op-11")
    make_paragraph(document, text=PREAMBLE, kind=Kind.PREAMBULAR, anchor="pp-32")
    services.document_tag(document=document)
    return document


def _entries(document):
    op7, op11, pp32 = (document.paragraphs.get(anchor=a) for a in ("op-7", "op-11", "pp-32"))
    invite = OP7[OP7.index("invites Member States") :].rstrip(";")
    return [
        {
            "document": document.slug,
            "anchor": "op-7",
            "text_sha1": text_hash(op7.text),
            "commitments": [
                # confirmed as suggested, but with the type the tagger missed: an edit
                _commitment(
                    "secretary-general",
                    "reaffirms its request to",
                    "decides",
                    "reaffirms its request to the Secretary-General to provide adequate support "
                    "to the Commission on Crime Prevention and Criminal Justice",
                    ["funding"],
                ),
                _commitment("member-states", "invites", "encourages", invite, ["funding"]),
            ],
            "mentions": [
                {"actor": "unodc", "status": "confirmed"},
                {"actor": "ccpcj", "status": "rejected"},
            ],
        },
        {
            "document": document.slug,
            "anchor": "op-11",
            "text_sha1": text_hash(op11.text),
            "commitments": [
                _commitment("icat", "requests", "decides", OP11.rstrip(";"), ["follow-up"])
            ],
            "mentions": [{"actor": "member-states", "status": "confirmed"}],
            "note": "addressed to the principals of ICAT's member agencies",
        },
        {
            "document": document.slug,
            "anchor": "pp-32",
            "text_sha1": text_hash(pp32.text),
            "commitments": [],
            "mentions": [{"actor": "secretary-general", "status": "confirmed"}],
        },
    ]


def _state(document):
    return {
        (c.paragraph.anchor, c.actor.slug, c.verb): (
            c.status,
            c.origin,
            c.is_edited,
            sorted(t.slug for t in c.types.all()),
        )
        for c in Commitment.objects.filter(paragraph__document=document)
        .select_related("actor", "paragraph")
        .prefetch_related("types")
    }


def test_apply_confirms_edits_adds_and_rejects_the_right_rows(document):
    before = _state(document)
    # the tagger misses the principals of ICAT's member agencies and rejects nothing
    assert ("op-11", "icat", "requests") not in before
    assert before[("op-7", "member-states", "invites")][0] == Status.SUGGESTED

    report = reviews.reviews_apply(entries=_entries(document))

    assert (report.paragraphs, report.confirmed, report.edited, report.added) == (3, 1, 1, 1)
    assert _state(document) == {
        ("op-7", "secretary-general", "reaffirms its request to"): (
            Status.CONFIRMED,
            Origin.RULE,
            True,
            ["funding"],
        ),
        ("op-7", "member-states", "invites"): (Status.CONFIRMED, Origin.RULE, False, ["funding"]),
        ("op-11", "icat", "requests"): (Status.CONFIRMED, Origin.CURATOR, False, ["follow-up"]),
    }
    mentions = {
        (m.paragraph.anchor, m.actor.slug): (m.status, m.origin)
        for m in Mention.objects.select_related("actor", "paragraph")
    }
    assert mentions[("op-7", "unodc")] == (Status.CONFIRMED, Origin.RULE)
    assert mentions[("op-7", "ccpcj")] == (Status.REJECTED, Origin.RULE)
    assert mentions[("op-11", "member-states")][0] == Status.CONFIRMED
    assert mentions[("pp-32", "secretary-general")][0] == Status.CONFIRMED
    # the tagger's ICAT mention in op-11 is not in the review: the reviewer left it out
    assert mentions[("op-11", "icat")][0] == Status.REJECTED

    # every reviewed paragraph has its record; the preamble is "reviewed: no commitment"
    records = {r.paragraph.anchor: r for r in ParagraphReview.objects.select_related("paragraph")}
    assert set(records) == {"op-7", "op-11", "pp-32"}
    assert not records["pp-32"].has_commitments and records["op-7"].has_commitments
    assert records["op-11"].note.startswith("addressed to")
    assert all(r.is_current and r.source == reviews.SOURCE for r in records.values())
    # in the history, without a user
    latest = Commitment.history.filter(verb="invites").latest("history_date")
    assert latest.history_user is None and latest.history_change_reason == reviews.CHANGE_REASON


def test_a_suggestion_the_review_does_not_list_is_rejected(document):
    entries = _entries(document)
    entries[0]["commitments"] = entries[0]["commitments"][1:]  # drop the Secretary-General
    report = reviews.reviews_apply(entries=entries)
    row = Commitment.objects.get(actor__slug="secretary-general")
    assert row.status == Status.REJECTED and report.rejected == 1


def test_stale_entries_are_reported_and_not_applied(document, tmp_path):
    entries = _entries(document)
    entries[0]["text_sha1"] = "0" * 12  # reviewed another version of op-7
    out = StringIO()
    report = reviews.reviews_apply(entries=entries)
    assert report.stale == [f"{document.slug}#op-7"]
    assert not Commitment.objects.filter(paragraph__anchor="op-7").exclude(status=Status.SUGGESTED)
    assert not ParagraphReview.objects.filter(paragraph__anchor="op-7").exists()
    assert report.paragraphs == 2

    # the command says so
    tmp = tmp_path / "reviewed.json"
    tmp.write_text(json.dumps({"paragraphs": entries}), encoding="utf-8")
    call_command("apply_reviews", "--file", str(tmp), stdout=out)
    assert "Stale (paragraph text changed since the review, not applied): 1" in out.getvalue()
    assert f"{document.slug}#op-7" in out.getvalue()


def test_applying_twice_changes_nothing_and_retagging_keeps_decisions(document):
    reviews.reviews_apply(entries=_entries(document))
    state = _state(document)
    history = Commitment.history.count(), Mention.history.count()

    again = reviews.reviews_apply(entries=_entries(document))
    assert (again.confirmed, again.edited, again.added, again.rejected) == (0, 0, 0, 0)
    assert (Commitment.history.count(), Mention.history.count()) == history

    report = services.document_tag(document=document)
    assert report.created == 0 and report.removed == 0
    assert _state(document) == state
    assert Mention.objects.get(actor__slug="ccpcj").status == Status.REJECTED


def test_a_later_admin_decision_is_kept(document, django_user_model):
    reviews.reviews_apply(entries=_entries(document))
    curator = django_user_model.objects.create_user("curator")
    row = Commitment.objects.get(actor__slug="member-states")
    services.commitments_set_status(commitments=[row], status=Status.REJECTED, user=curator)
    report = reviews.reviews_apply(entries=_entries(document))
    row.refresh_from_db()
    assert row.status == Status.REJECTED
    assert report.kept == [f"{document.slug}#op-7: member-states invites"]


@pytest.mark.parametrize(
    "text, clause, span",
    [
        ("Urges States to act;", "States to act", (6, 19)),
        ("Urges States\n to  act;", "States to act", (6, 21)),
        ("Urges States to act;", "Governments to act", None),
    ],
)
def test_clause_span_tolerates_whitespace(text, clause, span):
    assert reviews.clause_span(text, clause) == span


def test_paragraph_page_and_api_say_reviewed(client, document):
    reviews.reviews_apply(entries=_entries(document))
    pp32 = document.paragraphs.get(anchor="pp-32")
    page = client.get(pp32.get_absolute_url()).content.decode()
    assert "Reviewed by a curator" in page
    assert "nobody is asked to act in this paragraph" in page
    api = client.get(f"/api/documents/{document.slug}/op-11/").json()
    review = api.get("commitment_review") or api["paragraphs"][0]["commitment_review"]
    assert review["current"] and review["has_commitments"]


def test_paragraph_page_says_when_not_yet_reviewed(client, document):
    op7 = document.paragraphs.get(anchor="op-7")
    assert "Not yet reviewed" in client.get(op7.get_absolute_url()).content.decode()


def test_admin_queue_filters_on_reviewed_paragraphs(admin_client, document):
    entries = [e for e in _entries(document) if e["anchor"] == "op-11"]
    reviews.reviews_apply(entries=entries)
    url = reverse("admin:commitments_commitment_changelist")
    reviewed = admin_client.get(url, {"reviewed": "yes"}).context["cl"].result_list
    assert {c.paragraph.anchor for c in reviewed} == {"op-11"}
    pending = admin_client.get(url, {"reviewed": "no"}).context["cl"].result_list
    assert {c.paragraph.anchor for c in pending} == {"op-7"}
    listing = admin_client.get(reverse("admin:commitments_paragraphreview_changelist"))
    assert listing.status_code == 200 and "op-11" in listing.content.decode()


def test_shipped_reviews_cover_every_corpus_paragraph_once():
    entries = reviews.reviews_read()
    keys = [(e["document"], e["anchor"]) for e in entries]
    assert len(keys) == len(set(keys)) == 415
    assert len({d for d, _ in keys}) == 8
    for e in entries:
        for c in e["commitments"]:
            assert c["status"] in {"confirmed", "rejected"}
            assert c["clause"], e["anchor"]


def test_load_corpus_applies_the_reviews_and_stays_idempotent():
    out = StringIO()
    call_command("load_corpus", stdout=out)
    assert "415 paragraphs reviewed" in out.getvalue()
    assert "0 stale, 0 missing" in out.getvalue()
    state = sorted(Commitment.objects.values_list("paragraph_id", "actor_id", "verb", "status"))
    history = Commitment.history.count(), Mention.history.count(), ParagraphReview.history.count()

    out = StringIO()
    call_command("load_corpus", stdout=out)
    assert "0 confirmed, 0 edited, 0 added, 0 rejected" in out.getvalue()
    assert (
        sorted(Commitment.objects.values_list("paragraph_id", "actor_id", "verb", "status"))
        == state
    )
    assert (
        Commitment.history.count(),
        Mention.history.count(),
        ParagraphReview.history.count(),
    ) == history

    # every operative or annex paragraph: a curator's commitment or "reviewed: no commitment"
    from documents.models import Paragraph

    for p in Paragraph.objects.filter(kind__in=[Kind.OPERATIVE, Kind.ANNEX]).select_related(
        "commitment_review"
    ):
        review = p.commitment_review
        assert review.is_current, p.anchor
        decided = p.commitments.exclude(status=Status.SUGGESTED)
        assert decided.filter(status=Status.CONFIRMED).exists() == review.has_commitments, p.anchor
    assert not Commitment.objects.filter(status=Status.SUGGESTED).exists()
    assert not Mention.objects.filter(status=Status.SUGGESTED).exists()


def _remove_and_restore(document, anchor):
    """What a re-import dropping the paragraph, then one bringing it back, does: delete it
    (with its commitments, mentions and review), create it anew, send document_imported."""
    from documents.signals import document_imported

    old = document.paragraphs.get(anchor=anchor)
    fields = {f: getattr(old, f) for f in ("position", "part", "kind", "number", "lead", "text")}
    old.delete()
    new = make_paragraph(document, anchor=anchor, **fields)
    document_imported.send(
        sender=type(document), document=document, created=False, changed_paragraph_ids=[new.pk]
    )
    return new


def test_a_restored_paragraph_gets_the_shipped_review_back(document, monkeypatch):
    entries = _entries(document)
    monkeypatch.setattr(reviews, "reviews_read", lambda path=None: entries)
    reviews.reviews_apply(entries=entries)
    before = _state(document)
    assert before[("op-7", "member-states", "invites")][0] == Status.CONFIRMED

    new = _remove_and_restore(document, "op-7")

    assert _state(document) == before  # not "suggested" again
    review = ParagraphReview.objects.get(paragraph=new)
    assert (review.source, review.is_current) == ("reviewed.json", True)
    assert Mention.objects.get(paragraph=new, actor__slug="ccpcj").status == Status.REJECTED


def test_a_restored_paragraph_gets_the_admin_review_back(document, django_user_model, monkeypatch):
    monkeypatch.setattr(reviews, "reviews_read", lambda path=None: [])  # not in the shipped file
    curator = django_user_model.objects.create(username="curator")
    op7 = document.paragraphs.get(anchor="op-7")
    rows = {c.actor.slug: c for c in op7.commitments.select_related("actor")}
    services.commitments_set_status(
        commitments=[rows["member-states"]], status=Status.CONFIRMED, user=curator
    )
    services.commitments_add_types(
        commitments=Commitment.objects.filter(pk=rows["member-states"].pk),
        types=CommitmentType.objects.filter(slug="trust-fund"),
        user=curator,
    )
    services.commitments_set_status(
        commitments=[rows["secretary-general"]], status=Status.REJECTED, user=curator
    )
    ParagraphReview.objects.create(
        paragraph=op7, text_sha1=text_hash(op7.text), note="checked", reviewer=curator
    )
    before = _state(document)

    new = _remove_and_restore(document, "op-7")

    after = _state(document)
    assert (
        after[("op-7", "member-states", "invites")] == before[("op-7", "member-states", "invites")]
    )
    assert "trust-fund" in after[("op-7", "member-states", "invites")][3]
    assert after[("op-7", "secretary-general", "reaffirms its request to")][0] == Status.REJECTED
    review = ParagraphReview.objects.get(paragraph=new)
    assert (review.source, review.note, review.reviewer) == ("admin", "checked", curator)


def test_a_paragraph_restored_with_other_text_stays_suggested(document, monkeypatch):
    entries = _entries(document)
    monkeypatch.setattr(reviews, "reviews_read", lambda path=None: entries)
    reviews.reviews_apply(entries=entries)
    from documents.signals import document_imported

    document.paragraphs.get(anchor="op-7").delete()
    new = make_paragraph(document, anchor="op-7", number="7", text=OP7.replace("invites", "urges"))
    document_imported.send(
        sender=type(document), document=document, created=False, changed_paragraph_ids=[new.pk]
    )
    assert not ParagraphReview.objects.filter(paragraph=new).exists()
    assert set(new.commitments.values_list("status", flat=True)) == {Status.SUGGESTED}
