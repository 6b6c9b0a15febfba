"""Readers for documents that are not text files: Word (.docx) and PDF.

Each turns the file's bytes into plain paragraphs (separated by blank lines) for the plain-text
extractor, and says what the container itself states: a Word document's title heading, a PDF's
browser print header (the page's address and the day it was printed). Every problem a user can
fix (a damaged, encrypted or scanned file) is an InputError naming the file.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

from ..errors import InputError

Stated = tuple[tuple[str, str, str], ...]  # (field, value, origin)

# PDF text: a line this share of the page's usual width or more continues its paragraph.
PDF_FULL_LINE_SHARE = 0.8
PDF_MIN_TEXT_CHARS = 40  # fewer letters in the whole file: a scan without a text layer
PDF_REPEATED_MIN_PAGES = 3  # a line at the top or bottom of this many pages is a running header
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of|von|sur)\s*\d{1,4})?$", re.IGNORECASE)
# A browser's print header and footer: "12/2/26, 3:04 PM   Title", "https://... 1/5".
_PRINT_STAMP = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{2,4}),?\s+\d{1,2}:\d\d(?:\s*[AP]M)?\s*(?P<title>.*)$", re.I)
_PRINT_URL = re.compile(r"^(?P<url>https?://\S+)\s+\d{1,4}/\d{1,4}$")
_HYPHENATED = re.compile(r"(\w)-$")
_SENTENCE_END = re.compile(r"[.!?:»”\"')]$")
_HEADING_STYLES = ("title", "heading 1")


def read_docx(path: Path, data: bytes) -> tuple[str, Stated]:
    """The paragraphs of a Word document, its title heading first as '# Title'."""
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"not a readable Word document ({type(error).__name__}: damaged or not .docx)", path) from None
    except Exception as error:  # python-docx raises its own exceptions for broken parts
        raise InputError(f"not a readable Word document ({type(error).__name__})", path) from None
    title = None
    paragraphs: list[str] = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").casefold()
        if title is None and not paragraphs and style in _HEADING_STYLES:
            title = text
            continue
        paragraphs.append(text)
    if not paragraphs:
        raise InputError("the Word document has no text", path)
    stated: Stated = (("title", title, "heading"),) if title else ()
    return "\n\n".join(paragraphs), stated


def read_pdf(path: Path, data: bytes) -> tuple[str, Stated]:
    """The text of a PDF with a text layer: running headers, footers and page numbers removed,
    hyphenated line ends joined, lines joined into paragraphs; the browser's print header gives
    the page's address and the day it was printed (the access date, never the publication date)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("the PDF is encrypted: save an unprotected copy, or paste its text into a .txt file", path)
        pages = [(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputError(f"not a readable PDF ({type(error).__name__}: damaged or not a PDF)", path) from None
    except Exception as error:  # pypdf raises many kinds on damaged files
        raise InputError(f"not a readable PDF ({type(error).__name__})", path) from None
    page_lines = [[" ".join(line.split()) for line in page.splitlines() if line.strip()] for page in pages]
    if sum(len(re.findall(r"\w", " ".join(lines))) for lines in page_lines) < PDF_MIN_TEXT_CHARS:
        raise InputError("the PDF has no text layer (a scan?): run it through OCR or paste its text into a .txt file",
                         path)
    stated = _print_header(page_lines)
    lines = [line for lines in _without_running_lines(page_lines) for line in lines]
    return "\n\n".join(_paragraphs(lines)), stated


def _print_header(page_lines: list[list[str]]) -> Stated:
    stated: list[tuple[str, str, str]] = []
    first = page_lines[0] if page_lines else []
    for line in first[:2]:
        match = _PRINT_STAMP.match(line)
        if match:
            month, day, year = (int(part) for part in match.group("date").split("/"))
            year = year + 2000 if year < 100 else year
            stated.append(("accessed", f"{year:04d}-{month:02d}-{day:02d}", "print header"))
    for line in first[-2:]:
        match = _PRINT_URL.match(line)
        if match:
            stated.append(("url", match.group("url"), "print header"))
    return tuple(stated)


def _without_running_lines(page_lines: list[list[str]]) -> list[list[str]]:
    """Pages without their running headers and footers (a line repeated at the top or bottom of
    several pages, digits aside), page numbers and the browser's print stamps."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.casefold())

    edges = Counter(key(line) for lines in page_lines for line in {*lines[:2], *lines[-2:]})
    repeated = {k for k, n in edges.items() if n >= min(PDF_REPEATED_MIN_PAGES, max(2, len(page_lines)))}
    cleaned = []
    for lines in page_lines:
        keep = []
        for index, line in enumerate(lines):
            at_edge = index < 2 or index >= len(lines) - 2
            if at_edge and ((key(line) in repeated and len(page_lines) > 1) or _PAGE_NUMBER.match(line)
                            or _PRINT_STAMP.match(line) or _PRINT_URL.match(line)):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


def _paragraphs(lines: list[str]) -> list[str]:
    """Join wrapped lines: a line that fills most of the usual width and does not end a sentence
    continues; a hyphen at a line's end joins the word."""
    if not lines:
        return []
    widths = sorted(len(line) for line in lines)
    usual = widths[int(len(widths) * 0.9)] if len(widths) > 1 else widths[0]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if current:
            joined = _HYPHENATED.search(current) and line[:1].islower()
            current = current[:-1] + line if joined else f"{current} {line}"
        else:
            current = line
        full = len(line) >= PDF_FULL_LINE_SHARE * usual
        if not full or (_SENTENCE_END.search(line) and len(line) < 0.95 * usual):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
