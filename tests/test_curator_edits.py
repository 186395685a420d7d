"""A curator's edit of a paragraph in the admin flows into tags, lineage and search."""

import pytest
from django.core.management import call_command

from commitments.models import Commitment
from documents.models import Paragraph
from documents.services import document_import
from lineage.models import ParagraphLink
from search.models import IndexQueueEntry
from tests.documents.samples import RESOLUTION

pytestmark = pytest.mark.django_db


def test_admin_paragraph_edit_retags_relinks_and_queues(admin_client):
    call_command("load_taxonomy", verbosity=0)
    first = document_import(text=RESOLUTION, publish=True).document
    document_import(text=RESOLUTION.replace("75/999", "75/998"), publish=True)
    paragraph = Paragraph.objects.get(document=first, anchor="op-3")
    assert not Commitment.objects.filter(paragraph=paragraph, actor__slug="secretary-general")
    IndexQueueEntry.objects.all().delete()

    new_text = (
        "Decides to remain seized of the matter and requests the Secretary-General to report;"
    )
    response = admin_client.post(
        f"/admin/documents/paragraph/{paragraph.pk}/change/",
        {
            "document": first.pk,
            "position": paragraph.position,
            "part": paragraph.part,
            "kind": paragraph.kind,
            "number": paragraph.number,
            "lead": paragraph.lead,
            "text": new_text,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    paragraph.refresh_from_db()
    assert paragraph.text == new_text
    assert Commitment.objects.filter(paragraph=paragraph, actor__slug="secretary-general").exists()
    link = ParagraphLink.objects.get(paragraph=paragraph)
    assert link.similarity != "identical"  # its twin in 75/998 still has the old text
    assert IndexQueueEntry.objects.exists()
