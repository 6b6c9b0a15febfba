"""HTML pages: the visible-text reading and the extractor's second opinion (fictional texts)."""
from __future__ import annotations

from pathlib import Path

from briefgen.extract import extract
from briefgen.extract.html_text import page_text
from briefgen.model import SourceDocument

SENTENCES = [
    f"Paragraph {n} of the report explains, in some detail and with figures from both capitals, how the "
    f"inspection regime of the fictional Lakeside Accord worked in year {2010 + n}." for n in range(12)
]


def test_page_text_keeps_visible_text_in_blocks() -> None:
    markup = """<html><head><title>T</title><style>p {color: red}</style></head><body>
    <nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
    <h1>Accord   extended</h1>
    <p>First <b>bold</b>
       paragraph.<br>Second line.</p>
    <div hidden>secret</div><div style="display: none">also secret</div>
    <script>var x = 1;</script><!-- a comment -->
    <table><tr><td>North</td><td>120</td></tr></table>
    <p>Ünïcödé “quotes” — fine.</p>
    </body></html>"""
    assert page_text(markup) == (
        "Home\nWorld\n\nAccord extended\n\nFirst bold paragraph.\nSecond line.\n\nNorth 120\n\nÜnïcödé “quotes” — fine."
    )


def test_page_text_of_garbage_is_empty() -> None:
    assert page_text("") == ""


def test_second_opinion_recovers_sections_the_extractor_misses() -> None:
    first, rest = SENTENCES[:2], SENTENCES[2:]
    sections = "".join(f'<div class="section"><div class="inner"><p>{s}</p></div></div>' for s in rest)
    markup = f"""<html><head><title>Accord report</title></head><body>
    <article><h1>Accord report</h1><p>{first[0]}</p><p>{first[1]}</p></article>
    {sections}
    <footer><p>Copyright 2024 Example Daily. All rights reserved.</p></footer></body></html>"""
    article = extract(SourceDocument(path=Path("page.html"), kind="html", text=markup))
    assert article.paragraphs[0] == first[0]
    assert article.paragraphs[-1] == rest[-1]
    assert "Copyright" not in article.body
