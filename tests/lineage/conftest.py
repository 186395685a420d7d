"""A small corpus mirroring the real chains: letter draft -> 71/319 annex -> 72/1, and a
draft -> 70/179 -> 72/195 series. Built with factories; lineage computed on demand."""

import datetime as dt

import pytest

from documents.models import DocumentRelation
from documents.vocabulary import DocumentType, Kind, Part, Relation
from tests.factories import make_document, make_paragraph

DECLARATION = [
    "We, the States Members of the United Nations, reaffirm the Global Plan of Action to "
    "Combat Trafficking in Persons and our commitment to its implementation.",
    "We recall and reaffirm our commitments to the 2030 Agenda for Sustainable Development "
    "to end trafficking in persons, forced labour and modern slavery.",
    "We reaffirm the important contribution to the global fight against trafficking in "
    "persons of the other members of the Inter-Agency Coordination Group, in particular the "
    "International Labour Organization, the International Police Organization, and the "
    "United Nations Development Programme.",
]
ADOPTED = [
    DECLARATION[0],
    DECLARATION[1],
    DECLARATION[2].replace(
        "International Police Organization",
        "International Criminal Police Organization (INTERPOL)",
    ),
]
SERIES_TITLE = "Improving the coordination of efforts against trafficking in persons"
OPERATIVE_2015 = [
    "Urges Member States to ratify the United Nations Convention against Transnational "
    "Organized Crime and the Trafficking in Persons Protocol supplementing it;",
    "Requests the United Nations Office on Drugs and Crime to continue to provide technical "
    "assistance to Member States upon request;",
    "Decides to designate 30 July as the World Day against Trafficking in Persons;",
]
OPERATIVE_2017 = [
    OPERATIVE_2015[0],
    OPERATIVE_2015[1].replace(
        "upon request;",
        "upon request, in close cooperation with the Inter-Agency Coordination Group;",
    ),
    "Calls upon Member States to take into consideration new methods of recruitment through "
    "the Internet and social media;",
]


def _annex(document, texts, start=1):
    for n, text in enumerate(texts, start=1):
        make_paragraph(
            document,
            position=start + n,
            kind=Kind.ANNEX,
            part=Part.ANNEX,
            number=str(n),
            anchor=f"annex-{n}",
            lead="We",
            text=text,
        )


def _operative(document, texts):
    for n, text in enumerate(texts, start=1):
        make_paragraph(document, kind=Kind.OPERATIVE, number=str(n), anchor=f"op-{n}", text=text)


@pytest.fixture
def chain(db):
    letter = make_document(
        symbol="",
        slug="pga-letter-2017-07-21",
        title="Letter dated 21 July 2017 from the President of the General Assembly",
        body="President of the General Assembly",
        document_type=DocumentType.LETTER,
        adopted=None,
        distributed=dt.date(2017, 7, 21),
    )
    make_paragraph(
        letter,
        position=1,
        kind=Kind.OTHER,
        part=Part.LETTER,
        number="",
        anchor="p-1",
        lead="",
        text="Please find attached a letter received from the co-facilitators of the "
        "political declaration.",
    )
    _annex(letter, DECLARATION)
    res_71_319 = make_document(
        symbol="A/RES/71/319",
        title="71/319. Modalities for the appraisal of the Global Plan of Action",
        adopted=dt.date(2017, 8, 28),
    )
    make_paragraph(
        res_71_319,
        position=1,
        text="Decides to transmit the draft political declaration for adoption by the "
        "General Assembly at its high-level meeting;",
    )
    _annex(res_71_319, ADOPTED)
    res_72_1 = make_document(
        symbol="A/RES/72/1",
        title="72/1. Political declaration on the implementation of the Global Plan of Action",
        document_type=DocumentType.POLITICAL_DECLARATION,
        adopted=dt.date(2017, 9, 27),
    )
    make_paragraph(
        res_72_1,
        position=1,
        text="Adopts the following political declaration on the implementation of the "
        "Global Plan of Action to Combat Trafficking in Persons:",
    )
    _annex(res_72_1, ADOPTED)

    draft_2015 = make_document(
        symbol="",
        slug="draft-2015-improving-coordination",
        title=SERIES_TITLE,
        document_type=DocumentType.DRAFT_RESOLUTION,
        adopted=None,
        distributed=dt.date(2015, 11, 19),
    )
    _operative(draft_2015, OPERATIVE_2015)
    res_70_179 = make_document(
        symbol="A/RES/70/179", title=f"70/179. {SERIES_TITLE}", adopted=dt.date(2015, 12, 17)
    )
    _operative(res_70_179, OPERATIVE_2015)
    res_72_195 = make_document(
        symbol="A/RES/72/195", title=f"72/195. {SERIES_TITLE}", adopted=dt.date(2017, 12, 19)
    )
    _operative(res_72_195, OPERATIVE_2017)
    for source, target in [(letter, res_71_319), (draft_2015, res_70_179)]:
        DocumentRelation.objects.create(
            source=source,
            target=target,
            target_symbol=target.symbol_key,
            relation=Relation.DRAFT_OF,
            curated=True,
        )
    return {
        "letter": letter,
        "71/319": res_71_319,
        "72/1": res_72_1,
        "draft": draft_2015,
        "70/179": res_70_179,
        "72/195": res_72_195,
    }


@pytest.fixture
def linked(chain):
    from lineage.services import lineage_rebuild

    lineage_rebuild()
    return chain
