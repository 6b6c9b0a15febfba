"""Plain-text boilerplate removal on short pages written for these tests (fictional people)."""
from __future__ import annotations

import textwrap
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.boilerplate import split_page
from briefgen.extract.furniture import word_count

PARAGRAPHS = [
    "Ministers from the two neighbouring republics agreed on Sunday to extend the Lakeside Accord, "
    "a fictional arms control pact, for another five years after two days of talks.",
    "The accord caps the number of long-range missiles each side may deploy and lets inspectors "
    "visit each other's bases twice a year without notice.",
    '"We kept our word."',
    "Analysts said the extension gives negotiators time to address new weapons that the accord does "
    "not cover, including drones and hypersonic gliders.",
]
MENU = "Home\nWorld\nDefence\nScience\nOpinion\nPodcasts\nSign in"


def page(*parts: str) -> str:
    return "\n\n".join(parts)


def test_menus_and_footer_are_dropped_and_article_kept() -> None:
    text = page(MENU, "Subscribe to our free daily newsletters", *PARAGRAPHS,
                "Related Links\nSearch the site", "Copyright 2024 Example Media. All rights reserved.")
    parts = split_page(text)
    assert list(parts.body) == PARAGRAPHS
    assert "Subscribe to our free daily newsletters" in parts.head
    assert parts.tail[-1].startswith("Copyright")


def test_short_quote_paragraph_inside_article_is_kept() -> None:
    parts = split_page(page(*PARAGRAPHS))
    assert '"We kept our word."' in parts.body


def test_clean_article_is_kept_whole_with_title_in_head() -> None:
    parts = split_page(page("Ministers extend the Lakeside Accord", *PARAGRAPHS))
    assert parts.head == ("Ministers extend the Lakeside Accord",)
    assert list(parts.body) == PARAGRAPHS


def test_one_long_line_without_title_is_the_body() -> None:
    line = " ".join(PARAGRAPHS)
    parts = split_page(line)
    assert parts.body == (line,) and parts.head == () and parts.tail == ()


def test_teaser_with_second_dateline_is_cut() -> None:
    teaser = (
        "Talks On Border Radar Stall\nNorth Harbor (Wire) Feb 2, 2024\n"
        "Negotiators failed again on Friday to agree on the radar stations along the border, officials said, "
        "and the next round was postponed until the spring at the earliest."
    )
    parts = split_page(page("by Jane Roe\nLakeville (Wire) Mar 3, 2024\n" + PARAGRAPHS[0], *PARAGRAPHS[1:], teaser))
    assert parts.body[0] == PARAGRAPHS[0]
    assert parts.body[-1] == PARAGRAPHS[-1]
    assert not any("radar" in paragraph for paragraph in parts.body)


def test_caption_and_byline_before_the_body_stay_in_head() -> None:
    caption = ("Defence Minister Paul Roe (L) shakes hands with his counterpart after their meeting in Lakeville "
               "on Sunday, where they signed the extension of the accord. Wire Photo")
    parts = split_page(page("Ministers extend the Lakeside Accord", caption + "\nby Jane Roe\n" + PARAGRAPHS[0],
                            *PARAGRAPHS[1:]))
    assert parts.body[0] == PARAGRAPHS[0]
    assert caption in parts.head and "by Jane Roe" in parts.head


def test_comments_after_the_article_are_dropped() -> None:
    comments = "\n\n".join(
        f"reader{n} says:\nMar 3, 2024 at 9:{10 + n} am\n\nI have been following these negotiations for years and "
        "I still think both governments are wasting their time on an accord nobody checks." for n in range(6)
    )
    parts = split_page(page(*PARAGRAPHS, "Leave a Reply", comments))
    assert list(parts.body) == PARAGRAPHS


def test_long_comment_section_does_not_outweigh_a_short_article() -> None:
    comment = ("I have been following these negotiations for years and I still think both governments are "
               "wasting their time on an accord that nobody outside the two capitals ever checks. ") * 4
    comments = "\n\n".join(f"Reader {n} on March {n + 3}, 2024 at 10:0{n} am said:\n\n{comment}" for n in range(4))
    parts = split_page(page(PARAGRAPHS[0], comments))
    assert list(parts.body) == [PARAGRAPHS[0]]


def test_he_said_line_before_a_quote_is_not_a_comment_header() -> None:
    quote = '"We kept our word for ten years and we will keep it for five more, whatever the others do," he added.'
    parts = split_page(page(PARAGRAPHS[0], "The minister said:", quote, PARAGRAPHS[1], "A spokesman said:", quote))
    assert parts.body[-1] == quote and PARAGRAPHS[1] in parts.body


def test_teaser_list_packed_in_one_block_loses_to_standalone_paragraphs() -> None:
    teasers = "\n".join(
        f"Story {n} headline here: the council votes on the budget for the coming year and the mayor responds "
        "to critics of the plan in a long statement" for n in range(5)
    )
    parts = split_page(page("Latest Headlines", teasers, "Weather\nSports\nVideo", "Ministers extend the accord",
                            *PARAGRAPHS))
    assert list(parts.body) == PARAGRAPHS


def test_non_english_page_is_handled_by_structure() -> None:
    paragraphs = [
        "Os ministros das duas repúblicas vizinhas concordaram no domingo em prorrogar o acordo fictício "
        "por mais cinco anos, depois de dois dias de negociações.",
        "O acordo limita o número de mísseis de longo alcance de cada lado e permite inspeções duas vezes por ano.",
    ]
    parts = split_page(page("Início\nMundo\nDefesa\nContato", *paragraphs, "Artigos relacionados\nOutro texto"))
    assert list(parts.body) == paragraphs


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    long_paragraphs = [" ".join([paragraph] * 2) for paragraph in (PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3])]
    wrapped = "\n".join(textwrap.fill(paragraph, width=70) for paragraph in long_paragraphs)
    parts = split_page(page(MENU, wrapped, "Copyright 2024 Example Media. All rights reserved."))
    assert list(parts.body) == long_paragraphs


def test_list_of_capitalised_headlines_is_not_unwrapped() -> None:
    headlines = "\n".join([
        "Council Votes On The Budget For The Coming Year After Long Debate",
        "Mayor Responds To Critics Of The New Harbour Plan In Statement",
        "Rail Strike Called Off After Talks Between Union And Operators",
    ])
    parts = split_page(page(headlines, *PARAGRAPHS))
    assert list(parts.body) == PARAGRAPHS
    assert len(parts.head) == 3


def test_text_without_prose_is_kept_whole() -> None:
    parts = split_page("Talks resume\nMonday in Lakeville")
    assert parts.body == ("Talks resume", "Monday in Lakeville")


def test_empty_page() -> None:
    parts = split_page("\n\n  \n")
    assert parts.body == () and parts.head == () and parts.tail == ()


def test_word_count_counts_cjk_characters() -> None:
    assert word_count("two words") == 2
    assert word_count("日本語の文章です") == 4


LINE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(LINE_TEXT, st.sampled_from([*PARAGRAPHS, "", "Home", "© 2024 Example"])), max_size=40))
def test_split_page_only_ever_returns_words_of_the_page(lines: list[str]) -> None:
    text = "\n".join(lines)
    parts = split_page(text)
    assert Counter(" ".join(parts.body).split()) <= Counter(text.split())
    if text.strip():
        assert parts.body
