"""Rendering: the default theme's HTML and the PDF read back with pypdf (outline, page numbers,
metadata, fonts, paper sizes, tagging). One default PDF is built per module and shared."""
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.config import Settings
from briefgen.model import Article, ArticleDigest, Briefing, Quote, TermExplanation
from briefgen.publish.render import briefing_json, css_string, render_html, render_pdf, short_title

EDITION = dt.date(2024, 6, 1)
HEADLINES = ["Ministers extend the fictional Lakeside Accord", "Inspectors return"]


def make_briefing(headline: str = HEADLINES[0]) -> Briefing:
    npt = TermExplanation(term="NPT", expansion="Treaty on the Non-Proliferation of Nuclear Weapons",
                          definition="A treaty against the spread of nuclear weapons.", as_of=dt.date(2026, 11, 1),
                          origin="glossary", status="In force.")
    cold_war = TermExplanation(term="Cold War", expansion=None, definition="The long rivalry of two blocs.",
                               as_of=dt.date(2026, 11, 1), origin="glossary", status="Over.")
    first = ArticleDigest(
        article=Article(path=Path("/in/a.txt"), body="Body.", title=headline, date=dt.date(2024, 3, 3), source="Wire",
                        author="Jane Roe", url="https://example.org/accord"),
        summary=("The accord caps long-range missiles <and> lets inspectors visit bases.",),
        quotes=(Quote("We kept our word,", "Paul Roe", "Defence Minister"),),
        terms=(npt,), word_count=420)
    second = ArticleDigest(article=Article(path=Path("/in/b.md"), body="Body.", title=HEADLINES[1]),
                           summary=("Inspectors returned to the site.",), word_count=90)
    # Cold War is used (glossary) but got no box: the glossary says where it is used.
    return Briefing(title="Fictional week", date=EDITION, digests=(first, second),
                    key_points=((0, first.summary[0]), (1, second.summary[0])), glossary=(cold_war, npt),
                    first_use=(("NPT", 0), ("Cold War", 1)), settings=(("course", "POLS 245"),))


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


SETTINGS = Settings(course="POLS 245", instructor="Dr. A. Teacher", institution="Example University")


@pytest.fixture(scope="module")
def default_html() -> str:
    return render_html(make_briefing(), SETTINGS)


@pytest.fixture(scope="module")
def default_pdf(default_html) -> bytes:
    return render_pdf(default_html, SETTINGS, (), EDITION)


@pytest.fixture(scope="module")
def reader(default_pdf) -> PdfReader:
    return read_pdf(default_pdf)


def test_html_escapes_article_text_and_leaves_unknown_fields_out(default_html):
    assert "&lt;and&gt;" in default_html and "<and>" not in default_html
    assert "unknown" not in default_html  # the second article has no outlet and no date: nothing is printed
    assert '<html lang="en-US">' in default_html


def test_front_page_masthead_key_points_and_contents(default_html):
    masthead = default_html[default_html.index('<header class="masthead">'):default_html.index("</header>")]
    for expected in ("Fictional week", "POLS 245", "Dr. A. Teacher · Example University", "1\u00a0June 2024",
                     "2 articles", "about 3 minutes"):
        assert expected in masthead
    assert "Key points" in default_html and 'href="#article-2"' in default_html
    assert 'href="#glossary"' in default_html and 'href="#sources"' in default_html


def test_article_parts(default_html):
    assert "Wire · 3\u00a0March 2024" in default_html  # kicker: outlet · date, the day held to its month
    assert "By Jane Roe · 3 min read" in default_html
    assert "“We kept our word.”" in default_html  # verbatim but for the comma of '"...," he said' (issue 12)
    assert "— Paul Roe, Defence Minister" in default_html
    assert default_html.count('class="quotes"') == 1  # no empty quote block for the second article
    assert 'id="term-npt"' in default_html  # the context box the glossary points at
    assert "(file a.txt)" in default_html and "Original: <span class=\"url\">https://example.org/accord" in default_html
    assert "accessed" not in default_html.casefold()  # no date of access is known; the edition date is not one


def test_metadata_tags(default_html):
    assert "<title>Fictional week</title>" in default_html
    assert '<meta name="author" content="Dr. A. Teacher">' in default_html
    assert '<meta name="keywords" content="Cold War, NPT">' in default_html
    assert '<meta name="dcterms.created" content="2024-06-01">' in default_html


def test_pdf_outline_has_every_article_and_section(reader):
    top_level = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top_level == ["Key points", *HEADLINES, "Glossary", "Sources"]


def test_pdf_page_numbers_running_header_and_footer(reader):
    pages = [page.extract_text().replace("\u00a0", " ") for page in reader.pages]
    assert "Page 1 of " + str(len(pages)) in pages[0]
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, 1))
    assert all("Fictional week · 1 June 2024" in text for text in pages)


def test_pdf_contents_and_glossary_give_page_numbers(reader):
    text = pdf_text(reader).replace("\u00a0", " ")
    contents = text[text.index("Contents"):]
    assert re.search(r"Ministers extend the fictional Lakeside Accord[ .]*1\n", contents)  # after the contents
    assert re.search(r"\nNPT[ .]*1\n", text)  # the index line of NPT's box
    # Cold War has no box: its definition is at the back, and it is not printed, so no page is given
    flowing = " ".join(text.split())  # the one-line entries run in two columns, so lines break anywhere
    assert "Cold War. The long rivalry of two blocs. Article 2." in flowing


def test_pdf_metadata_is_the_editions(reader):
    assert reader.metadata.title == "Fictional week"
    assert reader.metadata.creation_date.date() == EDITION
    assert reader.metadata.author == "Dr. A. Teacher"
    assert "NPT" in reader.metadata["/Keywords"]
    assert "1 June 2024" in reader.metadata.subject


def test_fonts_are_embedded(reader):
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    descriptors = [f["/FontDescriptor"] if "/FontDescriptor" in f else f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                   for f in fonts]
    assert descriptors and all(any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                               for d in descriptors)


def test_no_hyphenation_stubs(reader):
    """WeasyPrint 70 can set the end of a hyphenated word on a line of its own; render_pdf avoids it."""
    lines = pdf_text(reader).splitlines()
    stubs = [(a, b) for a, b, c in zip(lines, lines[1:], lines[2:], strict=False)
             if a.endswith(("-", "\u2010")) and 0 < len(b.strip()) < 15 and c[:1].islower()]
    assert stubs == []


@pytest.mark.parametrize("paper, size_pt", [("A4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(paper, size_pt, reader):
    if paper == "A4":  # the default: the shared PDF
        pages = reader.pages
    else:
        settings = Settings(paper=paper)
        pages = read_pdf(render_pdf(render_html(make_briefing(), settings), settings, (), EDITION)).pages
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages} == {size_pt}


def test_same_briefing_gives_identical_pdf_bytes(default_html, default_pdf):
    assert render_pdf(default_html, SETTINGS, (), EDITION) == default_pdf


@pytest.mark.parametrize("variant, tagged", [("pdf/ua-1", True), ("pdf/a-3b", False)])
def test_pdf_variants(variant, tagged):
    settings = Settings(pdf_variant=variant)
    reader = read_pdf(render_pdf(render_html(make_briefing(), settings), settings, (), EDITION))
    catalog = reader.trailer["/Root"]
    assert ("/StructTreeRoot" in catalog) is tagged
    assert "/Metadata" in catalog  # the XMP packet both standards require
    assert catalog["/Lang"] == "en-US"


def test_an_untagged_build_has_no_structure_tree(reader):
    assert "/StructTreeRoot" not in reader.trailer["/Root"]


def test_language_setting_reaches_html_lang():
    assert '<html lang="fr">' in render_html(make_briefing(), Settings(language="fr"))


@pytest.mark.parametrize("title, short", [
    ("Inspectors return", "Inspectors return"),
    ("Last U.S.-Russian nuclear arms treaty expires, leaving the largest arsenals without limits",
     "Last U.S.-Russian nuclear arms treaty expires"),
    ("A very long headline without any punctuation that goes on and on about treaties and talks",
     "A very long headline without any punctuation that goes on…"),
])
def test_running_header_uses_a_short_title(title, short):
    assert short_title(title) == short


def test_css_string_cannot_close_the_style_element():
    assert css_string('A "week" </style><b>') == '"A \\22 week\\22  \\3c /style\\3e \\3c b\\3e "'


def test_briefing_json_is_valid_and_plain():
    data = json.loads(briefing_json(make_briefing()))
    assert data["date"] == "2024-06-01"
    assert data["digests"][0]["article"]["path"] == "a.txt"
