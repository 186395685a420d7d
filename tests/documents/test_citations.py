import datetime as dt

import pytest

from documents.vocabulary import DocumentType, Kind, Part
from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db


def test_operative_citations():
    document = make_document(symbol="A/RES/72/195", adopted=dt.date(2017, 12, 19))
    paragraph = make_paragraph(document, number="10", anchor="op-10")
    assert paragraph.citation == "A/RES/72/195, para. 10"
    assert paragraph.long_citation == (
        "General Assembly resolution 72/195 of 19 December 2017, operative paragraph 10"
    )


def test_annex_and_subparagraph_citations():
    document = make_document(
        symbol="A/RES/72/1",
        document_type=DocumentType.POLITICAL_DECLARATION,
        adopted=dt.date(2017, 9, 27),
    )
    annex = make_paragraph(document, kind=Kind.ANNEX, part=Part.ANNEX, number="8", anchor="annex-8")
    sub = make_paragraph(
        document,
        kind=Kind.SUBPARAGRAPH,
        part=Part.ANNEX,
        number="b",
        anchor="annex-8-b",
        parent=annex,
    )
    assert annex.citation == "A/RES/72/1, annex, para. 8"
    assert sub.citation == "A/RES/72/1, annex, para. 8 (b)"
    assert sub.long_citation.endswith("annex, paragraph 8, sub-paragraph (b)")
    assert annex.long_citation.startswith("General Assembly resolution 72/1 of 27 September 2017")


def test_preambular_citation_counts_the_preamble():
    document = make_document(
        symbol="E/RES/2017/18",
        body="Economic and Social Council",
        resolution_number="2017/18",
        adopted=dt.date(2017, 7, 6),
    )
    paragraph = make_paragraph(document, kind=Kind.PREAMBULAR, number="", anchor="pp-3")
    assert paragraph.citation == "E/RES/2017/18, preambular paragraph 3"
    assert paragraph.long_citation == (
        "Economic and Social Council resolution 2017/18 of 6 July 2017, preambular paragraph 3"
    )


def test_document_without_symbol_is_cited_by_type_body_and_date():
    document = make_document(
        symbol="",
        slug="draft-2015",
        title="Improving the coordination of efforts",
        document_type=DocumentType.DRAFT_RESOLUTION,
        adopted=None,
        distributed=dt.date(2015, 11, 19),
        resolution_number="",
    )
    paragraph = make_paragraph(document, number="3", anchor="op-3")
    # its title is the adopted resolution's own: the label must tell them apart
    assert paragraph.citation == "Draft resolution (General Assembly, 19 November 2015), para. 3"
    assert document.long_name == "General Assembly draft resolution dated 19 November 2015"


def test_enclosed_draft_paragraph_cites_the_enclosure():
    letter = make_document(
        symbol="",
        slug="pga-letter",
        title="Letter dated 21 July 2017 from the President",
        body="President of the General Assembly",
        document_type=DocumentType.LETTER,
        adopted=None,
        distributed=dt.date(2017, 7, 21),
        resolution_number="",
    )
    paragraph = make_paragraph(
        letter, kind=Kind.ANNEX, part=Part.ENCLOSURE, number="15", anchor="annex-15"
    )
    assert paragraph.citation == (
        "Letter (President of the General Assembly, 21 July 2017), enclosure, para. 15"
    )
    assert paragraph.long_citation == (
        "President of the General Assembly letter dated 21 July 2017, enclosure, paragraph 15"
    )
