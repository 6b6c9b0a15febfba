"""Rendering: templates, course themes, the safe URL fetcher, PDF structure."""
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.config import Settings
from briefgen.errors import ThemeError
from briefgen.model import Article, ArticleDigest, Briefing, Quote, TermExplanation
from briefgen.render import briefing_json, init_theme, render_html, render_pdf

EDITION = dt.date(2024, 6, 1)


def make_briefing(headline: str = "Ministers extend the fictional Lakeside Accord") -> Briefing:
    term = TermExplanation(term="NPT", expansion="Treaty on the Non-Proliferation of Nuclear Weapons",
                           definition="A treaty against the spread of nuclear weapons.", as_of=dt.date(2026, 11, 1),
                           origin="glossary", status="In force.")
    first = ArticleDigest(
        article=Article(path=Path("/in/a.txt"), body="Body.", title=headline, date=dt.date(2024, 3, 3), source="Wire"),
        summary=("The accord caps long-range missiles <and> lets inspectors visit bases.",),
        quotes=(Quote("We kept our word", "Paul Roe", "Defence Minister"),),
        terms=(term,), word_count=420)
    second = ArticleDigest(article=Article(path=Path("/in/b.md"), body="Body.", title="Inspectors return"),
                           summary=("Inspectors returned to the site.",), word_count=90)
    return Briefing(title="Fictional week", date=EDITION, digests=(first, second),
                    key_points=((0, first.summary[0]), (1, second.summary[0])), glossary=(term,),
                    first_use=(("NPT", 0),), settings=(("course", "POLS 245"),))


def pdf_reader(html: str, settings: Settings, roots=()) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(html, settings, roots)))


def test_html_escapes_article_text_and_shows_unknown_dates():
    html = render_html(make_briefing(), Settings())
    assert "&lt;and&gt;" in html and "<and>" not in html
    assert "date unknown" in html  # the second article has no date
    assert '<html lang="en">' in html


def test_pdf_has_outline_page_numbers_and_metadata():
    reader = pdf_reader(render_html(make_briefing(), Settings()), Settings())
    text = " ".join(page.extract_text() for page in reader.pages)
    assert f"Page 1 of {len(reader.pages)}" in text
    top_level = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top_level == ["Ministers extend the fictional Lakeside Accord", "Inspectors return", "Glossary"]
    assert reader.metadata.title.startswith("Fictional week")
    assert reader.metadata.creation_date.date() == EDITION


def test_fonts_are_embedded():
    reader = pdf_reader(render_html(make_briefing(), Settings()), Settings())
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    descriptors = [f["/FontDescriptor"] if "/FontDescriptor" in f else f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                   for f in fonts]
    assert descriptors and all(any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                               for d in descriptors)


@pytest.mark.parametrize("paper, width_pt", [("A4", 595), ("letter", 612)])
def test_paper_sizes(paper, width_pt):
    settings = Settings(paper=paper)
    reader = pdf_reader(render_html(make_briefing(), settings), settings)
    assert round(float(reader.pages[0].mediabox.width)) == width_pt


def test_same_briefing_gives_identical_pdf_bytes():
    html = render_html(make_briefing(), Settings())
    assert render_pdf(html, Settings(), ()) == render_pdf(html, Settings(), ())


def test_tagged_pdf_has_a_structure_tree():
    settings = Settings(pdf_variant="pdf/ua-1")
    reader = pdf_reader(render_html(make_briefing(), settings), settings)
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_course_theme_overrides_one_block_and_keeps_the_rest(tmp_path):
    (tmp_path / "briefing.html").write_text(
        '{% extends "!default/briefing.html" %}{% block masthead %}<h1>Read before Tuesday</h1>{{ super() }}{% endblock %}')
    html = render_html(make_briefing(), Settings(theme=tmp_path))
    assert "<h1>Read before Tuesday</h1>" in html
    assert "Fictional week" in html and "Key points" in html  # default masthead and blocks still there


def test_extra_css_from_the_theme_is_included(tmp_path):
    (tmp_path / "extra.css").write_text(".headline { color: #123456; }")
    assert "#123456" in render_html(make_briefing(), Settings(theme=tmp_path))


def test_broken_template_reports_file_and_line(tmp_path):
    (tmp_path / "article.html").write_text("<p>fine</p>\n{% if %}\n")
    with pytest.raises(ThemeError, match=r"article\.html:2: template error"):
        render_html(make_briefing(), Settings(theme=tmp_path))


def test_theme_init_copies_the_default_theme_once(tmp_path):
    copied = init_theme(tmp_path / "theme")
    assert {p.name for p in copied} >= {"base.html", "briefing.html", "article.html", "style.css"}
    with pytest.raises(ThemeError, match="would overwrite"):
        init_theme(tmp_path / "theme")


def test_no_file_outside_the_allowed_folders_and_no_network(tmp_path, monkeypatch):
    import socket

    from weasyprint.urls import URLFetcher

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    fetched = []
    real_fetch = URLFetcher.fetch
    monkeypatch.setattr(URLFetcher, "fetch", lambda self, url, headers=None: fetched.append(url) or real_fetch(self, url, headers))
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "allowed.css").write_text("p { color: black; }")
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: red; }")
    html = (f'<html><head><link rel="stylesheet" href="file://{inputs}/allowed.css">'
            f'<link rel="stylesheet" href="file://{secret}"><link rel="stylesheet" href="http://example.org/a.css">'
            '</head><body><p>x</p><img src="file:///etc/passwd"><img src="https://example.org/tracker.png"></body></html>')
    render_pdf(html, Settings(), (inputs,))
    assert fetched == [f"file://{inputs}/allowed.css"]


def test_briefing_json_is_valid_and_plain():
    data = json.loads(briefing_json(make_briefing()))
    assert data["date"] == "2024-06-01"
    assert data["digests"][0]["article"]["path"] == "a.txt"
