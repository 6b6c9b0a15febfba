"""The back matter adds rather than repeats: a one-line index of the boxed terms with their page,
full definitions for terms printed but never boxed, one line for terms only in the original articles,
and page references only to pages that print the word."""
import datetime as dt
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.analyse.glossary import Glossary
from briefgen.config import Settings
from briefgen.model import Article, ArticleDigest, GlossaryEntry, TermExplanation
from briefgen.publish.assemble import assemble
from briefgen.publish.render import render_html, render_pdf

EDITION = dt.date(2024, 6, 1)
AS_OF = dt.date(2026, 1, 1)
ENTRIES = {
    "NPT": GlossaryEntry("NPT", "A treaty against the spread of nuclear weapons, in force since 1970.", AS_OF,
                         expansion="Treaty on the Non-Proliferation of Nuclear Weapons"),
    "Cold War": GlossaryEntry("Cold War", "The long rivalry of two blocs after 1945.", AS_OF),
    "Deterrence": GlossaryEntry("Deterrence", "Preventing an attack by the threat of a costly answer. Nuclear "
                                "doctrines rest on it.", AS_OF),
    "CTBT": GlossaryEntry("CTBT", "A treaty that bans all nuclear explosions. It is not in force.", AS_OF,
                          expansion="Comprehensive Nuclear-Test-Ban Treaty"),
    "Verification": GlossaryEntry("Verification", "Checking that the parties keep a treaty.", AS_OF,
                                  aliases=("verify",)),
}


def explained(term: str) -> TermExplanation:
    entry = ENTRIES[term]
    return TermExplanation(term=entry.term, expansion=entry.expansion, definition=entry.definition, as_of=AS_OF,
                           origin="glossary")


# Filler that pushes the second article onto a later page, so that a page number means something.
FILLER = tuple(f"Paragraph {n} of the long first story goes on about the accord and its many details at length."
               for n in range(60))


def digests() -> list[ArticleDigest]:
    first = ArticleDigest(
        article=Article(path=Path("/in/a.txt"), body="(original text)", title="The accord is extended"),
        summary=("The NPT review was discussed in Geneva.", *FILLER),
        # One box an article: Deterrence and Verification get none here; Deterrence is only in the original.
        terms=(explained("NPT"), explained("Deterrence"), explained("Verification"), explained("CTBT")),
        word_count=900)
    second = ArticleDigest(
        article=Article(path=Path("/in/b.txt"), body="(original text)", title="Inspectors return"),
        summary=("Inspectors will verify the closure of the site.",),
        terms=(TermExplanation(term="MaT", expansion="Maghawir al Thawra", definition=None, as_of=None, origin="text"),
               explained("Cold War"), explained("Verification")),
        word_count=300)
    return [first, second]


SETTINGS = Settings(boxes_per_article=1, summary_sentences=100)


@pytest.fixture(scope="module")
def briefing():
    return assemble(digests(), SETTINGS, EDITION, glossary=Glossary(ENTRIES.values()))


@pytest.fixture(scope="module")
def pages(briefing) -> list[str]:
    html = render_html(briefing, SETTINGS)
    reader = PdfReader(io.BytesIO(render_pdf(html, SETTINGS, (), EDITION)))
    return [" ".join(page.extract_text().replace("\u00a0", " ").split()) for page in reader.pages]


def test_a_box_needs_a_definition(briefing):
    boxed = {term.term for digest in briefing.digests for term in digest.terms}
    # One box an article; MaT has only its long form, so it gets no box and does not take the Cold War's place.
    assert boxed == {"NPT", "Cold War"}
    assert {term.term for term in briefing.glossary} == {"NPT", "Cold War", "Deterrence", "Verification", "MaT",
                                                          "CTBT"}


def test_the_first_printed_use_is_found_through_the_glossary_alias(briefing):
    uses = {use.term: use for use in briefing.term_uses}
    assert set(uses) == {"Verification"}  # "verify" in the second summary; Deterrence is never printed
    use = uses["Verification"]
    sentence = briefing.digests[use.article].summary[use.item]
    assert (use.article, use.part, sentence[use.start:use.end]) == (1, "summary", "verify")


def test_boxed_terms_are_indexed_in_one_line_and_not_defined_again(pages):
    text = " ".join(pages)
    assert text.count("A treaty against the spread of nuclear weapons") == 1  # in its box only
    box_page = next(n for n, page in enumerate(pages, 1) if "A treaty against the spread" in page)
    assert re.search(rf"NPT[ .]*{box_page}\b", text[text.index("Explained in a box".upper()):])


def test_terms_printed_without_a_box_are_defined_at_the_back(pages):
    back = " ".join(pages)[" ".join(pages).index("OTHER TERMS"):]
    assert "The long rivalry of two blocs" not in back  # it has a box
    assert "Checking that the parties keep a treaty." in back  # printed in the second summary
    assert "Maghawir al Thawra" in back


def test_a_term_only_in_the_original_gets_one_line_saying_what_it_is(pages):
    back = " ".join(pages)[" ".join(pages).index("OTHER TERMS"):]
    # No long form: the definition's first sentence says what it is; the rest waits for a box.
    assert "Preventing an attack by the threat of a costly answer." in back
    assert "Nuclear doctrines rest on it" not in back
    # A long form says it already.
    # Under "Also in the original articles" the line names the article only: the heading says the rest.
    assert "ALSO IN THE ORIGINAL ARTICLES" in back
    assert "CTBT — Comprehensive Nuclear-Test-Ban Treaty. Article 1." in back
    assert "bans all nuclear explosions" not in back


def test_the_full_style_defines_every_term_without_a_box():
    settings = replace(SETTINGS, back_glossary="full")
    briefing = assemble(digests(), settings, EDITION, glossary=Glossary(ENTRIES.values()))
    html = render_html(briefing, settings).replace("\u00ad", "")  # without the soft hyphens of typesetting
    assert "Nuclear doctrines rest on it" in html and "bans all nuclear explosions" in html


def test_a_page_reference_points_at_a_page_that_prints_the_word(pages):
    back = " ".join(pages)[" ".join(pages).index("OTHER TERMS"):]
    number = int(re.search(r"Checking that the parties keep a treaty\. Printed on p\. (\d+)\.", back).group(1))
    assert number > 1 and "Inspectors will verify the closure" in pages[number - 1]


def test_a_term_only_in_the_original_points_at_the_article_not_a_page(pages):
    back = " ".join(pages)[" ".join(pages).index("OTHER TERMS"):]
    deterrence = back[back.index("Deterrence"):back.index("MaT")]
    assert "Article 1." in deterrence and "p." not in deterrence


def test_index_style_back_glossary_keeps_one_line_per_term():
    settings = Settings(boxes_per_article=1, summary_sentences=1, back_glossary="index")
    briefing = assemble(digests(), settings, EDITION, glossary=Glossary(ENTRIES.values()))
    html = render_html(briefing, settings)
    assert "Preventing an attack" not in html and "Checking that the parties" not in html
    assert 'class="entry term-line"' in html and 'class="entry definition"' not in html
    assert "In the original of" in html
