"""Readers for Word, PDF and fetched pages: text, what the container states, clean errors, and
each one built into a briefing."""
from __future__ import annotations

import datetime as dt
import http.server
import io
import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.errors import InputError
from briefgen.extract import extract
from briefgen.read import read_document
from briefgen.read.fetch import fetch

PARAGRAPHS = [
    "Negotiators from both delegations met in Vienna on Tuesday to resume talks on limiting "
    "medium-range missiles, the first such meeting in three years.",
    "The chief negotiator said the two sides had agreed to exchange data on their launchers "
    "before the next round, which is expected in the spring.",
    "Observers said the agreement on data was modest but that it kept the process alive after a "
    "year in which both governments had accused each other of bad faith.",
]


def make_docx(path: Path, title: str | None = "Missile talks resume in Vienna") -> Path:
    import docx

    document = docx.Document()
    if title:
        document.add_heading(title, level=0)
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with a Helvetica text layer, one line of text per entry."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        shown = " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
                         for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 50 780 Td {shown} ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    data = b"%PDF-1.4\n"
    offsets = []
    for number, text in enumerate(objects, start=1):
        offsets.append(len(data))
        data += f"{number} 0 obj\n{text}\nendobj\n".encode("latin-1")
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    data += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    data += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return data


def wrapped(text: str, width: int = 80) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


# --- Word ---------------------------------------------------------------------------------

def test_a_word_document_gives_its_title_heading_and_paragraphs(tmp_path):
    article = extract(read_document(make_docx(tmp_path / "talks.docx")))
    assert article.title == "Missile talks resume in Vienna"
    assert article.origin("title") == "heading"
    assert article.paragraphs[0].startswith("Negotiators from both delegations")
    assert len(article.paragraphs) == 3


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"PK\x03\x04 not really a zip", "not a readable Word document"),
    (b"plain text saved with the wrong extension", "not a readable Word document"),
])
def test_bad_word_files_are_one_line_errors(tmp_path, data, reason):
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as error:
        read_document(path)
    assert "bad.docx" in str(error.value) and "\n" not in str(error.value)


# --- PDF ----------------------------------------------------------------------------------

def test_a_text_pdf_loses_running_lines_and_page_numbers_and_keeps_paragraphs(tmp_path):
    body = [line for text in PARAGRAPHS for line in wrapped(text)]
    pages = [
        ["12/2/26, 3:04 PM Missile talks resume in Vienna | Daily Planet", "Daily Planet - World news", *body[:4],
         "https://example.org/world/missile-talks 1/2"],
        ["12/2/26, 3:04 PM Missile talks resume in Vienna | Daily Planet", "Daily Planet - World news", *body[4:],
         "https://example.org/world/missile-talks 2/2"],
    ]
    path = tmp_path / "talks.pdf"
    path.write_bytes(make_pdf(pages))
    article = extract(read_document(path))
    assert "Daily Planet - World news" not in article.body
    assert "1/2" not in article.body and "3:04 PM" not in article.body
    assert article.paragraphs[0] == PARAGRAPHS[0]
    assert article.url == "https://example.org/world/missile-talks"
    assert article.accessed == dt.date(2026, 12, 2) and article.date is None  # printed, not published


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"%PDF-1.4\n garbage that is no PDF", "not a readable PDF"),
])
def test_bad_pdf_files_are_one_line_errors(tmp_path, data, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_document(path)


def test_a_scanned_pdf_without_text_says_so(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(InputError, match="no text layer"):
        read_document(path)


def test_an_encrypted_pdf_says_so(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([wrapped(PARAGRAPHS[0])]))).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="encrypted"):
        read_document(path)


# --- fetched pages --------------------------------------------------------------------------

PAGE = ("<html><head><meta charset='iso-8859-1'><title>Missile talks resume | Daily Planet</title></head><body>"
        "<h1>Missile talks resume in Vienna</h1><p class='byline'>By Jane Roe</p>"
        + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
        + "<p>Caf\xe9 owners near the venue said business was brisk.</p></body></html>")


@pytest.fixture
def server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            routes = {
                "/world/talks.html": (200, "text/html; charset=iso-8859-1", PAGE.encode("latin-1")),
                "/logo.png": (200, "image/png", b"\x89PNG\r\n"),
                "/empty": (200, "text/html", b""),
            }
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/world/talks.html")
                self.end_headers()
                return
            code, kind, data = routes.get(self.path, (404, "text/html", b"not found"))
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_fetched_page_records_its_address_access_date_and_charset(server, tmp_path):
    saved = fetch(f"{server}/moved", tmp_path, dt.date(2026, 12, 2))
    assert saved.name == "world-talks.html"
    article = extract(read_document(saved))
    assert article.url == f"{server}/world/talks.html" and article.origin("url") == "saved page"
    assert article.accessed == dt.date(2026, 12, 2)
    assert article.title == "Missile talks resume in Vienna"
    assert "Café owners" in article.body  # the server's charset, not a guess


@pytest.mark.parametrize("path, reason", [
    ("/missing", "404"), ("/logo.png", "not a web page"), ("/empty", "empty page"),
])
def test_fetch_errors_are_one_line(server, tmp_path, path, reason):
    with pytest.raises(InputError, match=reason):
        fetch(server + path, tmp_path, dt.date(2026, 12, 2))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "example.org/page"])
def test_fetch_refuses_other_schemes(tmp_path, url):
    with pytest.raises(InputError, match="only http"):
        fetch(url, tmp_path, dt.date(2026, 12, 2))


def test_fetch_command_saves_into_the_folder(server, tmp_path):
    result = CliRunner().invoke(app, ["fetch", f"{server}/world/talks.html", f"{server}/missing", "-o", str(tmp_path)])
    assert result.exit_code != 0 and "404" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["world-talks.html"]


# --- into the briefing ------------------------------------------------------------------------

def test_word_pdf_and_fetched_page_build_into_the_briefing(server, tmp_path):
    folder = tmp_path / "week"
    folder.mkdir()
    make_docx(folder / "a-talks.docx")
    (folder / "b-talks.pdf").write_bytes(make_pdf([[line for text in PARAGRAPHS for line in wrapped(text)]]))
    fetch(f"{server}/world/talks.html", folder, dt.date(2026, 12, 2))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out), "--date", "2026-12-07", "--format", "json",
                                      "--quiet"])
    assert result.exit_code == 0, result.output
    briefing = json.loads((out / "briefing-2026-12-07.json").read_text())
    names = sorted(Path(d["article"]["path"]).name for d in briefing["digests"])
    assert names == ["a-talks.docx", "b-talks.pdf", "world-talks.html"]
