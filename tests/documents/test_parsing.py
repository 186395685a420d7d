"""The parser against the corpus (counts checked by hand against each source) and
against small synthetic documents for the genre's other shapes."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from documents.parsing import DocumentParseError, ParsedDocument, parse_document

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIRS = (REPO / "fixtures" / "corpus", Path("/work/shared/corpus"))


def corpus_path(name: str) -> Path:
    """A corpus file from the project's fixtures, else from the shared corpus."""
    for base in CORPUS_DIRS:
        if (base / name).exists():
            return base / name
    pytest.skip(f"corpus file {name} not found")


@cache
def parsed(name: str) -> ParsedDocument:
    return parse_document(corpus_path(name).read_text(encoding="utf-8"))


def para(doc: ParsedDocument, anchor: str):
    matches = [p for p in doc.paragraphs if p.anchor == anchor]
    assert matches, f"no paragraph {anchor}"
    return matches[0]


F000 = "000_f73f8e3daefd8a06.txt"
F001 = "001_dcca9aee8b0c3984.txt"
F002 = "002_1eeb48090b00f45d.txt"
F003 = "003_4869a389385dc58c.txt"
F004 = "004_94bf07e07014e26c.txt"
P64 = "pdf-text/A_RES_64_293.txt"
P70 = "pdf-text/A_RES_70_179.txt"
P72 = "pdf-text/A_RES_72_1.txt"
ALL = [F000, F001, F002, F003, F004, P64, P70, P72]

# ---------------------------------------------------------------------------------------
# Header metadata
# ---------------------------------------------------------------------------------------

GA = "General Assembly"
HEADERS = {
    F000: dict(
        symbol="",
        resolution_number="71/319",
        body=GA,
        document_type="resolution",
        title=(
            "Draft outcome document of the high-level meeting of the General Assembly on the "
            "appraisal of the United Nations Global Plan of Action to Combat Trafficking in Persons"
        ),
        session="Seventy-first session",
        agenda_items=["106"],
        adopted=dt.date(2017, 8, 28),
        distributed=dt.date(2017, 8, 30),
        meeting="95th plenary meeting",
        report="",
        sponsors=[],
    ),
    F001: dict(
        symbol="",
        resolution_number="72/195",
        body=GA,
        document_type="resolution",
        title="Improving the coordination of efforts against trafficking in persons",
        session="Seventy-second session",
        agenda_items=["107"],
        adopted=dt.date(2017, 12, 19),
        distributed=dt.date(2018, 1, 23),
        meeting="73rd plenary meeting",
        report="A/72/440",
        sponsors=[],
    ),
    F002: dict(
        symbol="E/RES/2017/18",
        resolution_number="2017/18",
        body="Economic and Social Council",
        document_type="resolution",
        title=(
            "Implementation of the United Nations Global Plan of Action to Combat Trafficking "
            "in Persons"
        ),
        session="2017 session",
        agenda_items=["19 (c)"],
        adopted=dt.date(2017, 7, 6),
        distributed=dt.date(2017, 8, 18),
        meeting="40th plenary meeting",
        report="E/2017/30",
        sponsors=[],
    ),
    F003: dict(
        symbol="",
        resolution_number="",
        body="President of the General Assembly",
        document_type="letter",
        title="",
        adopted=None,
        distributed=dt.date(2017, 7, 21),
        sponsors=[],
    ),
    F004: dict(
        symbol="",
        resolution_number="",
        body=GA,
        document_type="draft_resolution",
        title="Improving the coordination of efforts against trafficking in persons",
        session="Seventieth session",
        agenda_items=["106"],
        adopted=None,
        distributed=dt.date(2015, 11, 19),
        meeting="",
        sponsors=[
            "Argentina",
            "Armenia",
            "Belarus",
            "Benin",
            "Bolivia (Plurinational State of)",
            "Chad",
            "Costa Rica",
            "Kazakhstan",
            "Kyrgyzstan",
            "Nigeria",
            "Pakistan",
            "Paraguay",
            "Russian Federation",
            "Sudan",
            "the former Yugoslav Republic of Macedonia",
            "Turkmenistan",
            "Venezuela (Bolivarian Republic of)",
        ],
    ),
    P64: dict(
        symbol="A/RES/64/293",
        resolution_number="64/293",
        body=GA,
        document_type="resolution",
        title="United Nations Global Plan of Action to Combat Trafficking in Persons",
        session="Sixty-fourth session",
        agenda_items=["104"],
        adopted=dt.date(2010, 7, 30),
        distributed=dt.date(2010, 8, 12),
        meeting="109th plenary meeting",
        report="",
    ),
    P70: dict(
        symbol="A/RES/70/179",
        resolution_number="70/179",
        body=GA,
        document_type="resolution",
        title="Improving the coordination of efforts against trafficking in persons",
        session="Seventieth session",
        agenda_items=["106"],
        adopted=dt.date(2015, 12, 17),
        distributed=dt.date(2016, 2, 16),
        meeting="80th plenary meeting",
        report="A/70/490",
    ),
    P72: dict(
        symbol="A/RES/72/1",
        resolution_number="72/1",
        body=GA,
        document_type="political_declaration",
        title=(
            "Political declaration on the implementation of the United Nations Global Plan of "
            "Action to Combat Trafficking in Persons"
        ),
        session="Seventy-second session",
        agenda_items=["107"],
        adopted=dt.date(2017, 9, 27),
        distributed=dt.date(2017, 10, 9),
        meeting="24th plenary meeting",
        report="",
    ),
}


@pytest.mark.parametrize(("name", "expected"), HEADERS.items(), ids=list(HEADERS))
def test_header_metadata(name, expected):
    doc = parsed(name)
    for field, value in expected.items():
        assert getattr(doc, field) == value, field


# ---------------------------------------------------------------------------------------
# Paragraph counts, counted by hand in each source
# ---------------------------------------------------------------------------------------

COUNTS = {
    # 2 preambular, the single unnumbered operative "Decides", "Annex" + declaration title,
    # declaration paras 1-26 with 11 (a) and (b).
    F000: {
        ("preamble", "preambular"): 2,
        ("operative", "operative"): 1,
        ("annex", "heading"): 2,
        ("annex", "annex"): 26,
        ("annex", "subparagraph"): 2,
    },
    # 34 preambular (the 8th with (a)-(f)), 22 operative.
    F001: {
        ("preamble", "preambular"): 34,
        ("preamble", "subparagraph"): 6,
        ("operative", "operative"): 22,
    },
    # 19 preambular (the 6th with (a)-(f)), 13 operative.
    F002: {
        ("preamble", "preambular"): 19,
        ("preamble", "subparagraph"): 6,
        ("operative", "operative"): 13,
    },
    # PGA letter (4 paragraphs) + co-facilitators' letter (5), the draft declaration's
    # title and its paragraphs 1-26 with 11 (a) and (b).
    F003: {
        ("letter", "other"): 9,
        ("enclosure", "heading"): 1,
        ("enclosure", "annex"): 26,
        ("enclosure", "subparagraph"): 2,
    },
    # 32 preambular (the 9th with (a)-(f)), 20 operative.
    F004: {
        ("preamble", "preambular"): 32,
        ("preamble", "subparagraph"): 6,
        ("operative", "operative"): 20,
    },
    # 16 preambular (the 16th with (a)-(f)), operative 1-7; annex: "Annex", title, the
    # unnumbered chapeau "We, the States Members...", paragraphs 1-61, sections I-IV,
    # 43 (a)-(c).
    P64: {
        ("preamble", "preambular"): 16,
        ("preamble", "subparagraph"): 6,
        ("operative", "operative"): 7,
        ("annex", "heading"): 6,
        ("annex", "annex"): 62,
        ("annex", "subparagraph"): 3,
    },
    # 32 preambular (the 9th with (a)-(f)), 18 operative.
    P70: {
        ("preamble", "preambular"): 32,
        ("preamble", "subparagraph"): 6,
        ("operative", "operative"): 18,
    },
    # "Adopts the following political declaration": one unnumbered operative paragraph;
    # the declaration's title, paragraphs 1-26 with 11 (a) and (b).
    P72: {
        ("operative", "operative"): 1,
        ("annex", "heading"): 1,
        ("annex", "annex"): 26,
        ("annex", "subparagraph"): 2,
    },
}

FOOTNOTE_COUNTS = {F000: 8, F001: 14, F002: 5, F003: 0, F004: 16, P64: 18, P70: 16, P72: 7}


@pytest.mark.parametrize(("name", "expected"), COUNTS.items(), ids=list(COUNTS))
def test_paragraph_counts_per_part_and_kind(name, expected):
    doc = parsed(name)
    counts = Counter((str(p.part), str(p.kind)) for p in doc.paragraphs)
    assert dict(counts) == expected


@pytest.mark.parametrize("name", ALL)
def test_footnote_count_and_every_footnote_cited(name):
    doc = parsed(name)
    assert [f.number for f in doc.footnotes] == list(range(1, FOOTNOTE_COUNTS[name] + 1))
    cited = {n for p in doc.paragraphs for n in p.footnotes}
    assert cited == {f.number for f in doc.footnotes}


NUMBERING = {
    F000: ([], 26),
    F001: (list(range(1, 23)), 0),
    F002: (list(range(1, 14)), 0),
    F003: ([], 26),
    F004: (list(range(1, 21)), 0),
    P64: (list(range(1, 8)), 61),
    P70: (list(range(1, 19)), 0),
    P72: ([], 26),
}


@pytest.mark.parametrize(("name", "expected"), NUMBERING.items(), ids=list(NUMBERING))
def test_numbering_is_continuous(name, expected):
    operative, annex = expected
    doc = parsed(name)
    numbered_op = [int(p.number) for p in doc.paragraphs if p.kind == "operative" and p.number]
    assert numbered_op == operative
    assert [p.anchor for p in doc.paragraphs if p.kind == "operative" and p.number] == [
        f"op-{n}" for n in operative
    ]
    annex_numbers = [int(p.number) for p in doc.paragraphs if p.kind == "annex" and p.number]
    assert annex_numbers == list(range(1, annex + 1))
    assert [p.anchor for p in doc.paragraphs if p.kind == "annex" and p.number] == [
        f"annex-{n}" for n in range(1, annex + 1)
    ]
    preambular = [p.anchor for p in doc.paragraphs if p.kind == "preambular"]
    assert preambular == [f"pp-{n}" for n in range(1, len(preambular) + 1)]


@pytest.mark.parametrize("name", ALL)
def test_anchors_unique_and_parents_exist(name):
    doc = parsed(name)
    anchors = [p.anchor for p in doc.paragraphs]
    assert len(anchors) == len(set(anchors))
    for p in doc.paragraphs:
        assert re.fullmatch(r"(pp|op|annex|p)-\d+(-[a-z]+){0,2}", p.anchor), p.anchor
        if p.kind == "subparagraph":
            assert p.parent_anchor in anchors
            assert p.anchor == f"{p.parent_anchor}-{p.number}"
        else:
            assert p.parent_anchor is None


SUBPARAGRAPHS = {
    F000: ["annex-11-a", "annex-11-b"],
    F001: [f"pp-8-{x}" for x in "abcdef"],
    F002: [f"pp-6-{x}" for x in "abcdef"],
    F003: ["annex-11-a", "annex-11-b"],
    F004: [f"pp-9-{x}" for x in "abcdef"],
    P64: [f"pp-16-{x}" for x in "abcdef"] + ["annex-43-a", "annex-43-b", "annex-43-c"],
    P70: [f"pp-9-{x}" for x in "abcdef"],
    P72: ["annex-11-a", "annex-11-b"],
}


@pytest.mark.parametrize(("name", "expected"), SUBPARAGRAPHS.items(), ids=list(SUBPARAGRAPHS))
def test_subparagraph_anchors(name, expected):
    doc = parsed(name)
    assert [p.anchor for p in doc.paragraphs if p.kind == "subparagraph"] == expected


def test_plan_of_action_sections_are_headings():
    doc = parsed(P64)
    headings = [(p.number, p.text) for p in doc.paragraphs if p.kind == "heading"]
    assert headings == [
        ("", "Annex"),
        ("", "United Nations Global Plan of Action to Combat Trafficking in Persons"),
        ("I", "Prevention of trafficking in persons"),
        ("II", "Protection of and assistance to victims of trafficking in persons"),
        ("III", "Prosecution of crimes of trafficking in persons"),
        ("IV", "Strengthening of partnerships against trafficking in persons"),
    ]
    # Section I sits between annex paragraphs 11 and 12, IV between 49 and 50.
    anchors = [p.anchor for p in doc.paragraphs]
    section_one = next(p.anchor for p in doc.paragraphs if p.number == "I")
    assert anchors[anchors.index(section_one) - 1] == "annex-11"
    assert anchors[anchors.index(section_one) + 1] == "annex-12"
    chapeau = doc.paragraphs[anchors.index("annex-1") - 1]
    assert chapeau.text.startswith("We, the States Members of the United Nations, reaffirm")
    assert chapeau.text.endswith("by adopting an action plan to:")


# ---------------------------------------------------------------------------------------
# Leads
# ---------------------------------------------------------------------------------------

LEADS = [
    (F001, "pp-3", "Bearing in mind"),
    (F001, "pp-10", "Recalling also"),
    (F001, "pp-29", "Taking note also"),
    (F001, "pp-33", "Taking note with appreciation"),
    (F001, "op-1", "Urges"),
    (F001, "op-4", "Also recalls"),
    (F001, "op-7", "Expresses support"),
    (F001, "op-14", "Calls upon"),
    (F001, "op-22", "Requests"),
    (F000, "pp-2", "Recalling also"),
    (F000, "op-1", "Decides"),
    (F000, "annex-9", "We commit"),
    (F000, "annex-22", "We note with concern"),
    (F000, "annex-25", "We will"),
    (F002, "pp-3", "Bearing in mind"),
    (F002, "pp-15", "Taking note further"),
    (F002, "op-5", "Takes note with appreciation"),
    (F002, "op-8", "Calls upon"),
    (F003, "annex-6", "We also reaffirm"),
    (F004, "pp-31", "Taking note with appreciation"),
    (F004, "op-6", "Also recalls"),
    (P64, "pp-1", "Guided by"),
    (P64, "pp-5", "Recalling also"),
    (P64, "op-1", "Adopts"),
    (P64, "op-4", "Decides"),
    (P64, "annex-1", "Consistently and strongly condemn"),
    (P64, "annex-11", "Strongly urge"),
    (P64, "annex-12", "Address"),
    (P64, "annex-19", "Stress"),
    (P64, "annex-58", "Further encourage"),
    (P70, "pp-31", "Taking note with appreciation"),
    (P70, "op-12", "Calls upon"),
    (P70, "op-15", "Notes"),
    (P72, "op-1", "Adopts"),
    (P72, "annex-11", "We are seriously concerned"),
    (P72, "annex-25", "We will"),
]


@pytest.mark.parametrize(("name", "anchor", "lead"), LEADS)
def test_leads(name, anchor, lead):
    p = para(parsed(name), anchor)
    assert p.lead == lead
    assert p.text.startswith(lead)


def test_letter_paragraphs_have_no_lead_and_stay_in_the_letter():
    doc = parsed(F003)
    letter = [p for p in doc.paragraphs if p.part == "letter"]
    assert [p.anchor for p in letter] == [f"p-{n}" for n in range(1, 10)]
    assert letter[0].text.startswith("Please find attached a letter received on 19 July 2017")
    assert (
        letter[3].text == "Please accept, Excellency, the assurances of my highest consideration."
    )
    assert letter[4].text.startswith("We are pleased to write to you in our capacity")
    assert (
        letter[8].text == "Please accept, Excellency, the assurances of our highest consideration."
    )
    assert all(p.lead == "" for p in letter)
    texts = " ".join(p.text for p in doc.paragraphs)
    for furniture in ("handwritten signature", "KINGDOM OF BELGIUM", "www.diplomatie", "To: H.E."):
        assert furniture not in texts
    title = para(doc, "p-10")
    assert title.kind == "heading" and title.part == "enclosure"
    assert title.text.startswith("Political Declaration on the Implementation")


# ---------------------------------------------------------------------------------------
# Footnotes: attached to the citing paragraphs, texts lifted out
# ---------------------------------------------------------------------------------------

FOOTNOTE_CITES = [
    (F000, "pp-1", [1]),
    (F000, "op-1", [1]),
    (F000, "annex-1", [2]),
    (F000, "annex-5", [5, 6]),
    (F000, "annex-24", [8]),
    (F001, "pp-4", [1]),
    (F001, "pp-5", [2, 3, 4, 5]),
    (F001, "pp-11", [7]),
    (F001, "op-1", [2, 3]),
    (F001, "op-2", [14]),
    (F001, "op-10", [1]),
    (F002, "pp-6-a", [1, 2]),
    (F002, "pp-10", [3]),
    (F002, "op-2", [5]),
    (F002, "op-7", [4]),
    (F004, "pp-5", [2, 3, 4]),
    (F004, "pp-6", [5, 6, 7, 8]),
    (F004, "op-4", [1, 2, 3, 4]),
    (P64, "pp-6", [3, 4, 5, 6, 7, 8, 9]),
    (P64, "pp-9", [10, 11, 12]),
    (P64, "pp-14", [13]),
    (P64, "op-3", [3, 4]),
    (P64, "annex-2", [4]),
    (P64, "annex-4", [3, 5, 6, 7, 8, 9]),
    (P64, "annex-9", [14]),
    (P64, "annex-26", [15, 16]),
    (P64, "annex-38", [17]),
    (P64, "annex-47", [18]),
    (P70, "pp-5", [2, 3, 4]),
    (P70, "pp-6", [5, 6, 7, 8]),
    (P70, "pp-13", [11]),
    (P70, "pp-31", [15]),
    (P70, "op-1", [5, 6]),
    (P70, "op-2", [16]),
    (P72, "annex-1", [1]),
    (P72, "annex-3", [3]),
    (P72, "annex-5", [4, 5]),
    (P72, "annex-24", [7]),
]


@pytest.mark.parametrize(("name", "anchor", "numbers"), FOOTNOTE_CITES)
def test_footnotes_attached_to_citing_paragraphs(name, anchor, numbers):
    assert para(parsed(name), anchor).footnotes == numbers


FOOTNOTE_TEXTS = [
    (F000, 8, "Resolution 48/134, annex."),
    (F001, 7, "See Official Records of the General Assembly, Seventy-first Session, "
     "Supplement No. 53 (A/71/53), chap. V, sect. A."),
    (F001, 14, "Resolution 64/293."),
    (F002, 3, "See A/71/119."),
    (F004, 16, "A/69/269 and A/70/260."),
    (P64, 12, "See Official Records of the Economic and Social Council, 1990, Supplement "
     "No. 2 and corrigendum (E/1990/22 and Corr.1), chap. II, sect. A."),
    (P64, 13, "See CTOC/COP/2004/6, chap. I, CTOC/COP/2005/8, chap. I, CTOC/COP/2006/14, "
     "chap. I, and CTOC/COP/2008/19, chap. I."),
    (P64, 16, "Available from www.unicef.org/ceecis/0610-Unicef_Victims_Guidelines_en.pdf."),
    (P70, 2, "See resolution 55/2."),
    (P70, 10, "See Official Records of the General Assembly, Sixty-eighth Session, "
     "Supplement No. 53 (A/68/53), chap. V, sect. A."),
    (P70, 15, "A/69/269 and A/70/260."),
    # printed out of order in the pdftotext output (3, 5, 4)
    (P72, 3, "See resolution 68/192."),
    (P72, 4, "United Nations, Treaty Series, vol. 2225, No. 39574."),
    (P72, 5, "Ibid., vol. 2237, No. 39574."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "number", "text"), FOOTNOTE_TEXTS)
def test_footnote_texts(name, number, text):
    doc = parsed(name)
    assert {f.number: f.text for f in doc.footnotes}[number] == text


@pytest.mark.parametrize("name", ALL)
def test_footnote_texts_do_not_leak_into_paragraphs(name):
    doc = parsed(name)
    texts = [p.text for p in doc.paragraphs]
    for note in doc.footnotes:
        if len(note.text) > 25:
            assert not any(note.text in t for t in texts), note.text
    for t in texts:
        assert "Ibid." not in t and "Treaty Series" not in t


# ---------------------------------------------------------------------------------------
# Clean text: page breaks rejoined, no residue
# ---------------------------------------------------------------------------------------

REJOINED = [
    (F000, "annex-7", "of the giving or receiving of payments or benefits"),
    (F000, "annex-12", "while recalling that the Inter-Agency Coordination Group"),
    (F000, "annex-24", "non-governmental organizations, academic institutions"),
    (F001, "pp-5", "the Optional Protocol to the Convention on the Rights of the Child on the "
     "sale of children"),
    (F001, "pp-26", "and the private sector to address the problem of trafficking"),
    (F001, "op-1", "Suppress and Punish Trafficking in Persons, Especially Women and Children, "
     "supplementing"),
    (F001, "op-17", "and the Special Rapporteur of the Council on contemporary forms"),
    (F002, "pp-6-a", "supplementing the United Nations Convention against Transnational "
     "Organized Crime, as well as other"),
    (F002, "op-2", "and invites the Conference of the Parties"),
    (F002, "op-11", "high-level meeting of the Assembly on the appraisal"),
    (F003, "annex-5", "the Convention and the Protocol to Prevent, Suppress and Punish"),
    (F003, "annex-10", "smuggling of migrants and all forms of organized crime."),
    (F004, "pp-5", "the high-level plenary meeting of the General Assembly on the Millennium "
     "Development Goals, held in 2010, to devise"),
    (F004, "pp-17", "Transnational Organized Crime and the Protocol to Prevent, Suppress"),
    (P64, "pp-6", "and recalling other related conventions and instruments, such as the Forced "
     "Labour Convention, 1930 (No. 29)"),
    (P64, "pp-10", "on improving the coordination of efforts against trafficking in persons, "
     "the Inter-Agency Coordination Group against Trafficking in Persons was established"),
    (P64, "annex-2", "at a minimum, the exploitation of the prostitution"),
    (P64, "annex-38", "with the advice of a board of trustees"),
    (P70, "pp-6", "Suppress and Punish Trafficking in Persons, Especially Women and Children, "
     "supplementing the United Nations Convention against Transnational Organized Crime, which"),
    (P72, "annex-3", "We reiterate our commitment to promote education and awareness-raising"),
    (P72, "annex-8", "that they do not suffer from victimization"),
    (P72, "annex-19", "to protect trafficked women and children from revictimization"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "anchor", "snippet"), REJOINED)
def test_paragraphs_split_by_page_breaks_are_rejoined(name, anchor, snippet):
    assert snippet in para(parsed(name), anchor).text


REPAIRED = [
    # pdftotext: misplaced paragraph numbers, stray spaces, inline footnote numbers
    (P64, "op-1", "Adopts the present resolution and its annex as the United Nations Global "
     "Plan of Action to Combat Trafficking in Persons;"),
    (P64, "op-4", "Decides to establish, in accordance with paragraph 38 of the annex to the "
     "present resolution, the United Nations"),
    (P64, "op-3", "Transnational Organized Crime and the Protocol to Prevent"),
    (P64, "annex-4", "the Convention on the Rights of the Child and the Optional Protocols"),
    (P64, "annex-2", "(hereinafter referred to as “the Trafficking Protocol”);"),
    (P70, "pp-4", "to take immediate and effective measures"),
    (P70, "pp-5", "at the Millennium Summit, the 2005 World Summit and the high-level plenary"),
    (P70, "pp-9-a", "the United Nations Convention against Transnational Organized Crime"),
    (P70, "pp-13", "held in Doha from 12 to 19 April 2015,"),
    (P70, "pp-14", "held on 3 and 4 October 2013"),
    (P70, "pp-9-d", "vulnerable to trafficking in persons and strengthening"),
    (P70, "pp-17", "the global fight against trafficking in persons, particularly"),
    # real two-word phrases are not joined
    (P72, "annex-10", "including through, inter alia, the enhancement"),
    (P70, "op-15", "the Office of the United Nations High Commissioner for Human Rights"),
    (P70, "op-18", "at its seventy-first session."),
    (P72, "annex-4", "fundamental freedoms and constitutes"),
    (P72, "annex-5", "to those instruments to implement them"),
    (P72, "annex-15", "the Empowerment of Women (UN-Women)"),
    (P72, "annex-22", "while respecting human rights"),
    (P72, "annex-25", "We urge the Secretary-General to ensure"),
    (P72, "annex-26", "the systematic follow-up to and review of all of the commitments we are "
     "making at the present high-level meeting"),
    # Markdown residue
    (F001, "pp-11", "and other relevant resolutions of the Council on trafficking in persons,"),
    (F002, "pp-16", "2030 Agenda for Sustainable Development, and recalling targets 5.2, 8.7"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "anchor", "snippet"), REPAIRED)
def test_text_repairs(name, anchor, snippet):
    assert snippet in para(parsed(name), anchor).text


RESIDUE = [
    re.compile(r"[*#⟦⟧]|<sup>|</?\w+>|\]\(#\)"),  # Markdown / sentinel residue
    re.compile(r"\b\d{2}-\d{5}\b"),  # job number
    re.compile(r"\*?\d{7}\*?"),  # barcode
    re.compile(r"Please rec", re.I),
    re.compile(r"^\s*A/RES/|A/RES/\d+/\d+\s*$"),  # running header at an edge
    re.compile(r"\b\d{1,2}[FH]\b"),  # Word footnote artefacts
    re.compile(r"[A-Za-z][,;:]?\d{1,2}\b(?![./])"),  # attached footnote digits "Crime3"
    re.compile(r"\b[A-Za-z]+ \d{1,2}$"),  # trailing footnote number
    re.compile(r"\s[,;:.]"),  # space before punctuation left by marker removal
    re.compile(r"\s{2,}"),
    re.compile(r"\w -\w"),  # "Secretary -General"
]
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# Words after which a number alone is real text, not a footnote marker.
REAL_NUMBER_BEFORE = re.compile(
    r"(on|of|from|to|and|article|articles|paragraph|No\.|vol\.|Convention,|in|between)$"
)


@pytest.mark.parametrize("name", ALL)
def test_no_residue_in_any_paragraph(name):
    doc = parsed(name)
    for p in doc.paragraphs:
        assert p.text, p.anchor
        for pattern in RESIDUE:
            assert not pattern.search(p.text), (p.anchor, pattern.pattern, p.text)
        footnote_numbers = {f.number for f in doc.footnotes}
        for m in re.finditer(r"(\S+) (\d{1,3})(?= |$|[,;]|\.(?!\d))", p.text):
            # a number that could be a footnote marker must be a date or a cross-reference
            after = p.text[m.end() :].lstrip()
            assert (
                int(m.group(2)) not in footnote_numbers
                or REAL_NUMBER_BEFORE.search(m.group(1))
                or re.match(MONTHS, after)
            ), (p.anchor, m.group(0))
        # page counters ("2/7") only appear as real citations ("decisions 1/5")
        for m in re.finditer(r"\b\d{1,2}/\d{1,2}\b", p.text):
            assert re.search(r"(resolution|decision)s?\b", p.text[: m.start()][-150:]), (
                p.anchor,
                m.group(0),
            )
        assert not p.text.isupper()


@pytest.mark.parametrize("name", ALL)
def test_corpus_parses_without_warnings(name):
    assert parsed(name).warnings == []


# ---------------------------------------------------------------------------------------
# References
# ---------------------------------------------------------------------------------------

REFERENCES = [
    (F001, "pp-7", "A/RES/64/293"),
    (F001, "pp-9", "A/RES/70/179"),
    (F001, "pp-9", "A/RES/63/194"),  # from footnote 6, "Resolutions 55/67, ... and 63/194"
    (F001, "pp-10", "E/RES/2017/18"),
    (F001, "pp-11", "A/HRC/RES/32/3"),
    (F001, "pp-11", "A/71/53"),
    (F001, "pp-32", "A/71/119"),
    (F001, "op-2", "A/RES/64/293"),
    (F000, "pp-1", "A/RES/70/179"),
    (F000, "annex-24", "A/RES/48/134"),
    (F002, "pp-10", "A/71/119"),
    (F002, "op-11", "A/RES/71/287"),
    (F003, "p-5", "A/RES/71/287"),
    (F004, "pp-11", "E/RES/2015/23"),
    (F004, "pp-13", "E/RES/2015/19"),
    (F004, "pp-31", "A/70/260"),
    (P64, "pp-9", "E/CN.4/DEC/2004/110"),
    (P64, "pp-9", "A/HRC/RES/6/14"),
    (P64, "pp-9", "A/RES/62/141"),
    (P64, "pp-10", "E/RES/2006/27"),
    (P64, "pp-14", "CTOC/COP/2008/19"),
    (P64, "annex-38", "ST/SGB/2003/7"),
    (P70, "pp-12", "A/HRC/RES/23/5"),
    (P72, "annex-18", "A/RES/71/1"),
]


@pytest.mark.parametrize(("name", "anchor", "symbol"), REFERENCES)
def test_references_found_and_canonicalised(name, anchor, symbol):
    refs = parsed(name).references
    assert any(r.symbol == symbol and r.anchor == anchor for r in refs), [
        (r.symbol, r.anchor) for r in refs
    ]
    assert all(r.relation == "recalls" for r in refs)


@pytest.mark.parametrize("name", ALL)
def test_references_are_not_duplicated(name):
    keys = [(r.symbol, r.anchor) for r in parsed(name).references]
    assert len(keys) == len(set(keys))


def test_conference_decisions_are_not_mistaken_for_assembly_decisions():
    symbols = {r.symbol for r in parsed(P64).references}
    assert not any(s.startswith("A/DEC/") for s in symbols)


def test_markdown_and_pdf_of_the_same_text_agree():
    # 004 is the draft of 70/179: their shared operative paragraphs read the same.
    draft, adopted = parsed(F004), parsed(P70)
    assert para(draft, "op-1").text == para(adopted, "op-1").text
    assert para(draft, "pp-1").text == para(adopted, "pp-1").text


# ---------------------------------------------------------------------------------------
# Synthetic documents: the genre's other shapes
# ---------------------------------------------------------------------------------------

SECURITY_COUNCIL = """United Nations S/RES/2331 (2016)
Security Council
Distr.: General
20 December 2016

Resolution 2331 (2016)
Adopted by the Security Council at its 7847th meeting, on 20 December 2016
The Security Council,
Recalling its resolution 1325 (2000) and all its resolutions on women and peace and security,
Deeply concerned by the acts of sexual violence committed by terrorist groups,
1. Condemns all instances of trafficking in persons in areas affected by armed conflict;
2. Decides to remain seized of the matter.
"""

HUMAN_RIGHTS_COUNCIL = """United Nations A/HRC/RES/32/3
General Assembly
Distr.: General
15 July 2016
Original: English
Human Rights Council
Thirty-second session
Agenda item 3
Promotion and protection of all human rights, including the right to development
Resolution adopted by the Human Rights Council on 30 June 2016
32/3. Trafficking in persons, especially women and children: protecting victims
The Human Rights Council,
Guided by the Charter of the United Nations,
Recalling Human Rights Council resolution 29/2 of 2 July 2015
and General Assembly resolution 70/179,
Recalling also its resolution 26/8,
1. Urges States to take all appropriate measures to protect victims;
2. Decides to continue its consideration of the question at its thirty-fifth session.
37th meeting
30 June 2016
[Adopted without a vote.]
"""

# pdftotext-style: hard-wrapped, numbers alone on a line, a footnote block, a form feed.
ECOSOC_WRAPPED = """United Nations
E/RES/2019/19
Economic and Social Council
Distr.: General
1 August 2019
2019 session
Agenda item 18 (c)
Resolution adopted by the Economic and Social Council on 23 July 2019
[on the recommendation of the Commission on Crime Prevention and Criminal Justice
(E/2019/30)]
2019/19. Implementation of the United Nations Global Plan of Action to Combat
Trafficking in Persons
The Economic and Social Council,
Recalling Council resolution 2017/18 of 6 July 2017 and General Assembly
resolutions 55/67, 58/137 and 63/194,
Welcoming the report of the Secretary-General on the implementation of the Global
Plan of Action, 1
1.
Urges Member States to implement the Global Plan of Action and to cooperate with
the Secretary -General;
2.
Requests the Secretary-General to report to the Council at its 2021 session.
_______________
1
A/74/189.
19-12345 (E)
*1912345*
\f"""


def resolution(paragraphs: str, header: str = "") -> str:
    header = header or (
        "General Assembly\nDistr.: General\n1 February 2020\nSeventy-fourth session\n"
        "Agenda items 13 and 117\n"
        "Resolution adopted by the General Assembly on 18 December 2019\n"
        "[on the report of the Third Committee (A/74/400)]\n"
        "74/176. Improving the coordination of efforts against trafficking in persons\n"
    )
    return header + "The General Assembly,\n" + paragraphs


def test_security_council_resolution():
    doc = parse_document(SECURITY_COUNCIL)
    assert doc.symbol == "S/RES/2331 (2016)"
    assert doc.body == "Security Council"
    assert doc.resolution_number == "2331 (2016)"
    assert doc.adopted == dt.date(2016, 12, 20)
    assert doc.meeting == "7847th meeting"
    assert doc.document_type == "resolution"
    assert [p.anchor for p in doc.paragraphs] == ["pp-1", "pp-2", "op-1", "op-2"]
    assert para(doc, "pp-2").lead == "Deeply concerned"
    assert para(doc, "op-1").lead == "Condemns"
    assert ("S/RES/1325 (2000)", "pp-1") in {(r.symbol, r.anchor) for r in doc.references}
    assert doc.warnings == []


def test_human_rights_council_resolution():
    doc = parse_document(HUMAN_RIGHTS_COUNCIL)
    assert doc.symbol == "A/HRC/RES/32/3"
    assert doc.body == "Human Rights Council"
    assert doc.resolution_number == "32/3"
    assert doc.session == "Thirty-second session"
    assert doc.agenda_items == ["3"]
    assert doc.adopted == dt.date(2016, 6, 30)
    assert doc.meeting == "37th meeting"
    assert doc.title.startswith("Trafficking in persons, especially women and children")
    assert [p.lead for p in doc.paragraphs] == ["Guided by", "Recalling", "Recalling also",
                                                "Urges", "Decides"]  # fmt: skip
    symbols = {r.symbol for r in doc.references}
    # "its resolution 26/8" in a Human Rights Council text is the Council's own
    assert {"A/HRC/RES/29/2", "A/RES/70/179", "A/HRC/RES/26/8"} <= symbols
    assert doc.warnings == []


def test_economic_and_social_council_resolution_from_pdf_text():
    doc = parse_document(ECOSOC_WRAPPED)
    assert doc.symbol == "E/RES/2019/19"
    assert doc.body == "Economic and Social Council"
    assert doc.title == (
        "Implementation of the United Nations Global Plan of Action to Combat Trafficking "
        "in Persons"
    )
    assert doc.report == "E/2019/30"
    assert doc.agenda_items == ["18 (c)"]
    assert [p.anchor for p in doc.paragraphs] == ["pp-1", "pp-2", "op-1", "op-2"]
    assert para(doc, "pp-2").text == (
        "Welcoming the report of the Secretary-General on the implementation of the Global "
        "Plan of Action,"
    )
    assert para(doc, "pp-2").footnotes == [1]
    assert para(doc, "op-1").text.endswith("to cooperate with the Secretary-General;")
    assert [(f.number, f.text) for f in doc.footnotes] == [(1, "A/74/189.")]
    refs = {(r.symbol, r.anchor) for r in doc.references}
    assert {
        ("E/RES/2017/18", "pp-1"),
        ("A/RES/55/67", "pp-1"),
        ("A/RES/58/137", "pp-1"),
        ("A/RES/63/194", "pp-1"),
        ("A/74/189", "pp-2"),
    } <= refs
    assert doc.warnings == []


def test_nested_subparagraphs():
    doc = parse_document(
        resolution(
            "Recalling its resolution 70/179,\n"
            "1. Calls upon Member States:\n"
            "(a) To criminalize trafficking in persons in all its forms;\n"
            "(b) To protect victims, including by:\n"
            "(i) Providing shelter;\n"
            "(ii) Providing legal assistance;\n"
            "(c) To cooperate internationally;\n"
            "2. Decides to remain seized of the matter.\n"
        )
    )
    tree = [(p.anchor, p.kind, p.number, p.parent_anchor) for p in doc.paragraphs]
    assert tree == [
        ("pp-1", "preambular", "", None),
        ("op-1", "operative", "1", None),
        ("op-1-a", "subparagraph", "a", "op-1"),
        ("op-1-b", "subparagraph", "b", "op-1"),
        ("op-1-b-i", "subparagraph", "i", "op-1-b"),
        ("op-1-b-ii", "subparagraph", "ii", "op-1-b"),
        ("op-1-c", "subparagraph", "c", "op-1"),
        ("op-2", "operative", "2", None),
    ]
    assert para(doc, "op-1-b-i").text == "Providing shelter;"
    assert doc.agenda_items == ["13", "117"]
    assert doc.report == "A/74/400"


def test_letter_i_after_h_is_not_a_roman_numeral():
    labels = "abcdefghij"
    subs = "".join(f"({x}) Item {x};\n" for x in labels)
    doc = parse_document(resolution("Recalling its resolution 70/179,\n1. Urges States:\n" + subs))
    assert [p.anchor for p in doc.paragraphs if p.kind == "subparagraph"] == [
        f"op-1-{x}" for x in labels
    ]


def test_draft_resolution_with_sponsors():
    text = (
        "United Nations A/C.3/74/L.9\n"
        "General Assembly\nDistr.: Limited\n10 October 2019\nOriginal: English\n"
        "Seventy-fourth session\nThird Committee\nAgenda item 107\n"
        "Crime prevention and criminal justice\n"
        "Bosnia and Herzegovina, Trinidad and Tobago, Ukraine² and United Kingdom of Great "
        "Britain and Northern Ireland: draft resolution\n"
        "Trafficking in women and girls\n"
    )
    doc = parse_document(resolution("Reaffirming its resolution 72/195,\n", header=text))
    assert doc.document_type == "draft_resolution"
    assert doc.symbol == "A/C.3/74/L.9"
    assert doc.title == "Trafficking in women and girls"
    assert doc.sponsors == [
        "Bosnia and Herzegovina",
        "Trinidad and Tobago",
        "Ukraine",
        "United Kingdom of Great Britain and Northern Ireland",
    ]
    assert doc.adopted is None


def test_numbering_gap_and_duplicate_are_reported():
    doc = parse_document(
        resolution(
            "Recalling its resolution 70/179,\n"
            "1. Urges States to act;\n2. Invites States to act;\n"
            "4. Requests the Secretary-General to report;\n4. Decides to remain seized.\n"
        )
    )
    warnings = " ".join(doc.warnings).lower()
    assert "operative paragraph 4 follows 2" in warnings
    assert "operative paragraph 4 appears twice" in warnings
    anchors = [p.anchor for p in doc.paragraphs]
    assert len(anchors) == len(set(anchors))
    assert anchors[:4] == ["pp-1", "op-1", "op-2", "op-4"]


def test_unresolved_footnote_marker_and_missing_header_fields_are_reported():
    text = "The General Assembly,\nRecalling its resolution 70/179,<sup>3</sup>\n1. Urges States.\n"
    doc = parse_document(text)
    assert para(doc, "pp-1").footnotes == [3]
    assert any("Footnote marker 3" in w for w in doc.warnings)
    assert any("issuing body" in w for w in doc.warnings)


def test_letter_enclosing_a_draft_resolution():
    text = (
        "Letter dated 1 March 2020 from the Permanent Representative of Ruritania "
        "addressed to the Secretary-General\n"
        "Excellency,\n"
        "I have the honour to transmit herewith the text of a draft resolution on trafficking "
        "in persons (see annex).\n"
        "I should be grateful if the present letter and its annex could be circulated as a "
        "document of the General Assembly.\n"
        "Annex\n"
        "The General Assembly,\n"
        "Recalling its resolution 72/195,\n"
        "1. Decides to convene a high-level meeting;\n"
    )
    doc = parse_document(text)
    assert doc.document_type == "letter"
    shape = [(p.anchor, p.part, p.kind) for p in doc.paragraphs]
    assert shape == [
        ("p-1", "letter", "other"),
        ("p-2", "letter", "other"),
        ("p-3", "enclosure", "heading"),
        ("pp-1", "enclosure", "preambular"),
        ("op-1", "enclosure", "operative"),
    ]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t\n", "Minutes of our lunch meeting.", "Dear diary,\nno UN here today.\n" * 3],
)
def test_bad_input_raises_a_clear_error(text):
    with pytest.raises(DocumentParseError) as error:
        parse_document(text)
    assert str(error.value)
