"""Decode an uploaded file (PDF or plain text) into text the parser can read.

PDFs are read with pypdf, one page per form feed, as pdftotext does, so that the
parser sees the same page structure whichever tool produced the text.
"""

from __future__ import annotations

import io
import logging
import re

from .parsing import DocumentParseError

logger = logging.getLogger(__name__)

_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def extract_text(data: bytes, filename: str = "") -> str:
    """The text of an uploaded file. Raises DocumentParseError with a message for curators."""
    name = f"{filename}: " if filename else ""
    if not data or not data.strip():
        raise DocumentParseError(f"{name}the file is empty.")
    if data.lstrip()[:5] == b"%PDF-":
        text = _pdf_text(data, name)
    else:
        text = _plain_text(data, name)
    if not text.strip():
        raise DocumentParseError(f"{name}the file contains no text.")
    return text


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password: try it first.
            try:
                if not reader.decrypt(""):
                    raise DocumentParseError(
                        f"{name}this PDF is encrypted (password-protected); "
                        "save an unprotected copy and upload that."
                    )
            except DocumentParseError:
                raise
            except Exception as error:  # pypdf raises several types for crypto problems
                raise DocumentParseError(
                    f"{name}this PDF is encrypted and cannot be opened ({error})."
                ) from error
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        logger.info("Unreadable PDF %s: %s", name, error)
        raise DocumentParseError(
            f"{name}this PDF is damaged or not a valid PDF file and cannot be read."
        ) from error
    if not pages:
        raise DocumentParseError(f"{name}this PDF has no pages.")
    text = "\f".join(_normalise_pdf_page(page) for page in pages)
    if not re.search(r"[A-Za-z]{3,}", text):
        raise DocumentParseError(f"{name}this PDF has no text layer; run OCR first.")
    return text


def _normalise_pdf_page(text: str) -> str:
    """Make pypdf's output look like pdftotext's: no ligatures, no trailing blanks."""
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def _plain_text(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="replace"), name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), name)
        except UnicodeDecodeError as error:
            raise DocumentParseError(f"{name}the file is not readable text.") from error
    if b"\x00" in data[:8192]:
        raise DocumentParseError(
            f"{name}this is a binary file, not text or PDF; upload the PDF or a .txt extraction."
        )
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    # Legacy Windows text: cp1252 first (curly quotes, dashes), Latin-1 as a last resort.
    for encoding in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(encoding), name)
        except UnicodeDecodeError:
            continue
    raise DocumentParseError(f"{name}the file is not readable text.")  # pragma: no cover


def _checked(text: str, name: str) -> str:
    """Refuse decoded text that is mostly control characters or replacement marks."""
    sample = text[:20000]
    if not sample:
        return text
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if bad / len(sample) > 0.02:
        raise DocumentParseError(
            f"{name}this is a binary file, not text or PDF; upload the PDF or a .txt extraction."
        )
    return text
