"""extract_text: PDFs (built here, byte by byte) and plain text in several encodings."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from documents.extraction import extract_text
from documents.parsing import DocumentParseError, parse_document


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF with one Helvetica text line per string, one page per list."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        content_id = page_ids[i] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops += [f"({escaped}) Tj", "T*"]
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


RESOLUTION_PAGES = [
    [
        "United Nations",
        "A/RES/75/999",
        "General Assembly",
        "Distr.: General",
        "12 January 2021",
        "Seventy-fifth session",
        "Agenda item 105",
        "Resolution adopted by the General Assembly on 16 December 2020",
        "75/999. Improving the coordination of efforts against trafficking in persons",
        "The General Assembly,",
        "Recalling its resolution 72/195 of 19 December 2017,",
        "1. Urges Member States to ratify the Protocol to Prevent, Suppress and Punish",
        "Trafficking in Persons, Especially Women and Children;",
    ],
    [
        "A/RES/75/999",
        "2. Decides to remain seized of the matter.",
        "46th plenary meeting",
        "16 December 2020",
        "2/2",
    ],
]


def test_pdf_text_is_extracted_page_by_page():
    text = extract_text(make_pdf(RESOLUTION_PAGES), "res.pdf")
    assert text.count("\f") == 1
    assert "Recalling its resolution 72/195 of 19 December 2017," in text
    assert "Decides to remain seized of the matter." in text


def test_extracted_pdf_parses_like_pdftotext_output():
    doc = parse_document(extract_text(make_pdf(RESOLUTION_PAGES), "res.pdf"))
    assert doc.symbol == "A/RES/75/999"
    assert doc.title == "Improving the coordination of efforts against trafficking in persons"
    assert [p.anchor for p in doc.paragraphs] == ["pp-1", "op-1", "op-2"]
    assert doc.paragraphs[1].text == (
        "Urges Member States to ratify the Protocol to Prevent, Suppress and Punish "
        "Trafficking in Persons, Especially Women and Children;"
    )
    assert doc.meeting == "46th plenary meeting"


def test_pdf_without_text_layer_asks_for_ocr():
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentParseError, match="no text layer; run OCR first"):
        extract_text(buffer.getvalue(), "scan.pdf")


def test_encrypted_pdf_is_refused_clearly():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(RESOLUTION_PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentParseError, match="encrypted"):
        extract_text(buffer.getvalue(), "locked.pdf")


def test_pdf_with_empty_user_password_is_read():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(RESOLUTION_PAGES))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "The General Assembly," in extract_text(buffer.getvalue(), "restricted.pdf")


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not really a pdf\n%%EOF", b"%PDF-1.7\n" + bytes(range(256)) * 8],
)
def test_broken_pdf_is_refused_clearly(data):
    with pytest.raises(DocumentParseError, match="damaged|no pages|not a valid PDF"):
        extract_text(data, "broken.pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 50, "binary"),
    ],
)
def test_empty_and_binary_files_are_refused(data, message):
    with pytest.raises(DocumentParseError, match=message) as error:
        extract_text(data, "upload.bin")
    assert "upload.bin" in str(error.value)


WINDOWS = "Recalling “resolution 70/179” – Côte d’Ivoire"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Recalling “resolution 70/179”".encode(), "Recalling “resolution 70/179”"),
        ("\ufeffThe General Assembly,".encode(), "The General Assembly,"),
        (WINDOWS.encode("cp1252"), WINDOWS),
        ("Côte d'Ivoire".encode("latin-1"), "Côte d'Ivoire"),
        ("The General Assembly,".encode("utf-16"), "The General Assembly,"),
    ],
)  # fmt: skip
def test_plain_text_encodings(data, expected):
    assert extract_text(data, "res.txt") == expected


def test_corpus_text_file_round_trips():
    text = "General Assembly\nThe General Assembly,\n1. Urges States;\n"
    assert extract_text(text.encode("utf-8")) == text
