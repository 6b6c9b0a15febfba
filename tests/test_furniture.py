"""Furniture line tests and the cleaning of HTML-extractor output (texts written for the tests)."""
from __future__ import annotations

import pytest

from briefgen.extract.furniture import (
    clean_extracted,
    ends_like_sentence,
    is_comment_header,
    is_end_marker,
    is_legal_notice,
    looks_like_list_or_link,
    word_count,
)

LONG_PROSE = " ".join(["The accord was extended after long talks between the two fictional republics."] * 8)


def test_legal_notice_needs_its_own_wording() -> None:
    assert is_legal_notice("© 2024 Example Media. All rights reserved.", 6)
    assert is_legal_notice("This site uses cookies to improve your experience.", 8)
    assert not is_legal_notice("The court ruled on the copyright case on Monday.", 9)
    long_line = LONG_PROSE + " Copyright 2024 Example Media."
    assert not is_legal_notice(long_line, word_count(long_line))


def test_mis_decoded_accent_is_not_a_copyright_sign() -> None:
    line = "The prosecutor, Marc Tr\u00c3\u00a9vidic, said there was not much to complain about at the time."
    assert not is_legal_notice(line, word_count(line))
    assert not is_legal_notice(line.replace("\u00c3", "A\u0303"), word_count(line))


def test_end_markers_in_several_languages() -> None:
    for line in ("Related Links", "Read more", "Comments", "Leia também", "Читайте также"):
        assert is_end_marker(line, word_count(line)), line
    assert not is_end_marker("Related talks resume in the spring", 6)


@pytest.mark.parametrize("line", ["jdoe says:", "Reader on March 3, 2024 at 9:10 am said:", "Reply"])
def test_comment_headers(line: str) -> None:
    assert is_comment_header(line, word_count(line))


@pytest.mark.parametrize("line", ["The minister said:", "He wrote:"])
def test_article_lines_introducing_quotes_are_not_comment_headers(line: str) -> None:
    assert not is_comment_header(line, word_count(line))


def test_lists_links_and_figures() -> None:
    assert looks_like_list_or_link("Home | World | Defence | Science", 7)
    assert looks_like_list_or_link("www.example.org/accord", 1)
    assert looks_like_list_or_link("12.5 14.3 2,040 +3%", 4)
    assert not looks_like_list_or_link("Details are at www.example.org, the ministry said.", 7)


def test_sentence_end_allows_closing_quotes() -> None:
    assert ends_like_sentence('He said: "We kept our word."')
    assert ends_like_sentence("Did they agree?»")
    assert not ends_like_sentence("Ministers extend the accord")


def test_clean_extracted_removes_markup_teasers_and_edge_furniture() -> None:
    first = "Ministers from the two republics agreed on Sunday to extend the fictional Lakeside Accord."
    second = "The accord caps the number of long-range missiles each side may deploy."
    extracted = [
        "Reading time: 2 minutes",
        first,
        "Read more: Border radar talks stall again",
        "- first item of a list in the article",
        "| Side | Missiles |",
        "|---|---|",
        "| North | 120 |",
        second,
        "Jane Roe can be reached at jane@example.org. Follow her on Twitter.",
        "Comments",
    ]
    assert clean_extracted(extracted) == [
        first, "first item of a list in the article", "Side Missiles", "North 120", second,
    ]
