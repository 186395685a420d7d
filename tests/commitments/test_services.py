import pytest

from commitments import services
from commitments.models import Actor, ActorAlias, Commitment, CommitmentType, Mention, TypeRule
from commitments.vocabulary import Origin, Status
from documents.signals import document_imported
from documents.vocabulary import Kind, Part
from search.models import IndexQueueEntry
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db

OP10 = (
    "Requests the United Nations Office on Drugs and Crime, as coordinator of the Inter-Agency "
    "Coordination Group, to convene a meeting of the Coordination Group in order to drive "
    "progress in the coordination of activities;"
)


def _tagged_document(texts):
    document = make_document()
    for text in texts:
        make_paragraph(document, text=text)
    services.document_tag(document=document)
    return document


def test_taxonomy_load_is_idempotent(taxonomy):
    counts = (
        Actor.objects.count(),
        ActorAlias.objects.count(),
        CommitmentType.objects.count(),
        TypeRule.objects.count(),
    )
    assert Actor.objects.filter(kind="member_state").count() == 193
    again = services.taxonomy_load()
    assert (again.actors, again.aliases, again.types, again.rules) == (0, 0, 0, 0)
    assert counts == (
        Actor.objects.count(),
        ActorAlias.objects.count(),
        CommitmentType.objects.count(),
        TypeRule.objects.count(),
    )


def test_taxonomy_load_keeps_curator_additions(taxonomy):
    unodc = Actor.objects.get(slug="unodc")
    ActorAlias.objects.create(actor=unodc, text="the Vienna Office")
    services.taxonomy_load()
    assert unodc.aliases.filter(text="the Vienna Office").exists()


def test_tagging_records_commitments_mentions_and_types(taxonomy):
    document = _tagged_document([OP10])
    (c,) = Commitment.objects.all()
    assert (c.actor.slug, c.verb, c.strength, c.status, c.origin) == (
        "unodc",
        "requests",
        "decides",
        Status.SUGGESTED,
        Origin.RULE,
    )
    assert "coordination" in {t.slug for t in c.types.all()}
    assert c.clause == document.paragraphs.get().text[c.clause_start : c.clause_end]
    assert [m.actor.slug for m in Mention.objects.all()] == ["icat"]
    # the search index is asked to catch up
    assert IndexQueueEntry.objects.filter(object_id=c.paragraph_id).exists()


def test_retagging_is_stable(taxonomy):
    document = _tagged_document([OP10])
    before = list(Commitment.objects.values_list("pk", flat=True))
    report = services.document_tag(document=document)
    assert (report.created, report.updated, report.removed) == (0, 0, 0)
    assert list(Commitment.objects.values_list("pk", flat=True)) == before


@pytest.mark.parametrize("decision", ["confirmed", "rejected", "edited"])
def test_retagging_never_overwrites_a_curator(taxonomy, decision):
    document = _tagged_document([OP10])
    c = Commitment.objects.get()
    other = CommitmentType.objects.get(slug="funding")
    if decision == "edited":
        services.commitments_add_types(commitments=[c], types=[other])
    else:
        services.commitments_set_status(commitments=[c], status=decision)
    # a rule change that would give another type, then a re-tag
    TypeRule.objects.filter(ctype__slug="coordination").update(is_active=False)
    report = services.document_tag(document=document)
    c.refresh_from_db()
    assert Commitment.objects.count() == 1
    assert report.kept == 1
    if decision == "edited":
        assert {"coordination", "funding"} <= {t.slug for t in c.types.all()}
    else:
        assert c.status == decision
        assert "coordination" in {t.slug for t in c.types.all()}


def test_retagging_withdraws_stale_suggestions(taxonomy):
    document = _tagged_document([OP10])
    p = document.paragraphs.get()
    p.text = "Takes note of the report of the Secretary-General;"
    p.save()
    services.document_tag(document=document)
    assert not Commitment.objects.exists()
    assert [m.actor.slug for m in Mention.objects.all()] == ["secretary-general"]


def test_review_actions_are_recorded_with_who(taxonomy, django_user_model):
    user = django_user_model.objects.create_user("curator")
    _tagged_document([OP10])
    c = Commitment.objects.get()
    services.commitments_set_status(commitments=[c], status=Status.CONFIRMED, user=user)
    latest = c.history.first()
    assert latest.status == Status.CONFIRMED
    assert latest.history_user == user


def test_add_types_adds_rather_than_overwrites(taxonomy):
    _tagged_document([OP10])
    c = Commitment.objects.get()
    before = {t.slug for t in c.types.all()}
    services.commitments_add_types(
        commitments=Commitment.objects.all(), types=CommitmentType.objects.filter(slug="funding")
    )
    assert {t.slug for t in c.types.all()} == before | {"funding"}
    services.commitments_remove_types(
        commitments=Commitment.objects.all(), types=CommitmentType.objects.filter(slug="funding")
    )
    assert {t.slug for t in c.types.all()} == before


def test_merging_actors_moves_everything(taxonomy):
    _tagged_document([OP10])
    duplicate = Actor.objects.create(
        name="UN Office on Drugs", slug="un-office-drugs", kind="un_entity"
    )
    ActorAlias.objects.create(actor=duplicate, text="Drugs Office")
    Commitment.objects.update(actor=duplicate)
    unodc = Actor.objects.get(slug="unodc")
    services.actors_merge(source=duplicate, target=unodc)
    assert not Actor.objects.filter(slug="un-office-drugs").exists()
    assert Commitment.objects.get().actor == unodc
    assert set(unodc.aliases.values_list("text", flat=True)) >= {
        "Drugs Office",
        "UN Office on Drugs",
    }


def test_merging_an_actor_into_itself_is_refused(taxonomy):
    unodc = Actor.objects.get(slug="unodc")
    with pytest.raises(ValueError):
        services.actors_merge(source=unodc, target=unodc)


def test_import_signal_tags_changed_paragraphs_only(taxonomy):
    document = make_document()
    first = make_paragraph(document, text=OP10)
    second = make_paragraph(document, text="Invites Member States to make voluntary contributions;")
    document_imported.send(
        sender=type(document), document=document, created=False, changed_paragraph_ids=[second.pk]
    )
    assert list(Commitment.objects.values_list("paragraph_id", flat=True)) == [second.pk]
    assert not first.commitments.exists()


def test_subparagraphs_inherit_the_request(taxonomy):
    document = make_document()
    parent = make_paragraph(document, text="Requests the Secretary-General:")
    make_paragraph(
        document,
        kind=Kind.SUBPARAGRAPH,
        part=Part.OPERATIVE,
        number="a",
        anchor="op-1-a",
        parent=parent,
        text="To submit a report on data collection;",
    )
    services.document_tag(document=document)
    child = document.paragraphs.get(anchor="op-1-a")
    assert [(c.actor.slug, c.verb) for c in child.commitments.all()] == [
        ("secretary-general", "requests")
    ]


def test_dry_run_writes_nothing(taxonomy):
    document = make_document()
    make_paragraph(document, text=OP10)
    report = services.document_tag(document=document, dry_run=True)
    assert report.created == 1
    assert not Commitment.objects.exists()
