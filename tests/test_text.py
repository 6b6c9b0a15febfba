"""Sentence splitting and word tokenising (briefgen.analyse.sentences)."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analyse.sentences import (
    SumyTokenizer,
    quotation_spans,
    sentence_spans,
    split_sentences,
    words,
)


def test_splits_ordinary_sentences() -> None:
    assert split_sentences("The talks ended. Both sides left Vienna! Will they return?") == [
        "The talks ended.",
        "Both sides left Vienna!",
        "Will they return?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The envoy said: "We are not there yet. We will meet again." The talks then ended.',
        "The envoy said “We are not there yet. We will meet again.” The talks then ended.",
        "The envoy said: 'We are not there yet. We will meet again.' The talks then ended.",
        'The envoy asked, "Why now? Why here?" The talks then ended.',
    ],
)
def test_never_splits_inside_a_quotation(text: str) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert sentences[1] == "The talks then ended."


def test_a_quotation_followed_by_its_attribution_stays_one_sentence() -> None:
    text = '"Nobody wants a new arms race," the minister said. Talks resume in May.'
    assert split_sentences(text) == ['"Nobody wants a new arms race," the minister said.', "Talks resume in May."]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met their counterparts on Tuesday.",
        "The U.S. Senate ratified the treaty after a long debate.",
        "Gen. Mark Holt and Lt. Col. Ann Fry visited the base.",
        "The summit opens on Nov. 13 in the capital.",
        "Mr. Lane lives at No. 10 on the main square.",
        "The vote is set for 4 p.m. on Friday, officials said.",
        "Sen. Reyes and Dr. Okafor spoke at St. Anne's hall.",
    ],
)
def test_never_splits_after_an_abbreviation_inside_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_a_sentence_may_end_on_an_abbreviation_before_an_ordinary_opening() -> None:
    assert split_sentences("The delegation flew to the U.S. The visit lasted a week.") == [
        "The delegation flew to the U.S.",
        "The visit lasted a week.",
    ]


def test_a_lower_case_word_ends_a_sentence_on_no() -> None:
    assert split_sentences("The council said no. Then it changed its mind.") == [
        "The council said no.",
        "Then it changed its mind.",
    ]


def test_blank_lines_are_hard_boundaries() -> None:
    text = "A heading without a full stop\n\nThe first paragraph starts here and\n\ncontinues in a new one."
    assert split_sentences(text) == [
        "A heading without a full stop",
        "The first paragraph starts here and",
        "continues in a new one.",
    ]


def test_a_quotation_never_pairs_across_paragraphs() -> None:
    text = 'He said: "The first part. It goes on.\n\n"And it ends here." Fine.'
    assert "He said: \"The first part." in split_sentences(text)


def test_lines_of_a_pasted_page_are_separate_sentences() -> None:
    text = "by Jane Roe\nGeneva (Wire) Mar 3, 2024\nMinisters agreed on Sunday to extend the accord."
    assert split_sentences(text) == [
        "by Jane Roe",
        "Geneva (Wire) Mar 3, 2024",
        "Ministers agreed on Sunday to extend the accord.",
    ]


def test_hard_wrapped_prose_is_joined_across_lines() -> None:
    text = (
        "Negotiators from both delegations met again in the old town hall on\n"
        "Monday and agreed to keep the inspection regime in place for a year.\n"
        "They will meet again in June."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert sentences[0].endswith("for a year.")


def test_sentences_are_verbatim_substrings_in_order() -> None:
    text = '  First one here.  "Second, quoted. Still second," she said.\n\nThird para.  '
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == split_sentences(text)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []


_PIECES = st.sampled_from(
    ["The treaty holds.", "U.S.", "Gen.", '"', "'", "“", "”", "Talks end?", "no.", "Mr.", "\n", "\n\n", " ", "x", "Yes!"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_any_text_splits_into_ordered_verbatim_pieces_covering_all_its_words(text: str) -> None:
    spans = sentence_spans(text)
    sentences = split_sentences(text)
    assert sentences == [text[start:end] for start, end in spans]
    assert all(sentence == sentence.strip() and sentence for sentence in sentences)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    assert "".join("".join(sentences).split()) == "".join(text.split())


def test_quotation_spans_ignore_apostrophes_and_elisions() -> None:
    text = "The '90s were the players' decade, O'Neil said, and 'it shows'."
    spans = quotation_spans(text)
    assert [text[start + 1:end] for start, end in spans] == ["it shows"]


def test_words_keep_abbreviations_contractions_and_compounds_whole() -> None:
    assert words("The U.S. anti-missile plan isn't new: 2,000 troops.") == [
        "The", "U.S", "anti-missile", "plan", "isn't", "new", "2", "000", "troops",
    ]


def test_sumy_tokenizer_uses_our_splitter() -> None:
    tokenizer = SumyTokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences('Gen. Holt spoke. "Stop. Now," he said.') == ("Gen. Holt spoke.", '"Stop. Now," he said.')
    assert tokenizer.to_words("Arms talks resumed.") == ("Arms", "talks", "resumed")


def test_sumy_parses_a_document_with_our_tokenizer_offline() -> None:
    from sumy.parsers.plaintext import PlaintextParser

    document = PlaintextParser.from_string("Mr. Holt arrived. He left.\n\nA new paragraph.", SumyTokenizer()).document
    assert [str(s) for s in document.sentences] == ["Mr. Holt arrived.", "He left.", "A new paragraph."]


def test_a_headline_line_above_its_paragraph_stays_apart() -> None:
    text = "Neighbours agree to extend the fictional Lakeside arms accord\nThe two republics agreed on Sunday."
    assert split_sentences(text) == [
        "Neighbours agree to extend the fictional Lakeside arms accord",
        "The two republics agreed on Sunday.",
    ]


def test_a_line_starting_in_lower_case_continues_the_sentence_above() -> None:
    text = "The ministers met in Geneva\nand signed the accord.\nThen they left."
    assert split_sentences(text) == ["The ministers met in Geneva\nand signed the accord.", "Then they left."]


def test_dashed_items_on_one_line_are_separate_sentences() -> None:
    text = "The plan has two parts. - Inspectors return in May. - Launchers are counted twice a year."
    assert split_sentences(text) == [
        "The plan has two parts.",
        "- Inspectors return in May.",
        "- Launchers are counted twice a year.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"Why now, after ten years?" Maria Okafor asked.',
        '"Why now, after ten years?"\nMaria Okafor, the envoy, said of the delay.',
        '"Is this the end?" Okafor wondered.',
        '"Is this the end?" Okafor went on, shaking her head.',
    ],
)
def test_a_quoted_question_and_its_attribution_are_one_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("They paid for it all, the super PAC. Then the money ran out.", "They paid for it all, the super PAC."),
        ('He looked like the dog that caught the car. "We are ready," his aide said.',
         "He looked like the dog that caught the car."),
    ],
)
def test_a_full_stop_after_a_plain_word_or_an_acronym_ends_the_sentence(text: str, first: str) -> None:
    assert split_sentences(text)[0] == first


def test_quotation_spans_are_the_quote_finders_pairs() -> None:
    text = 'She said "the Joneses\' farm is gone" and left. \'It was a shock,\' he added.'
    spans = quotation_spans(text)
    assert [text[o + 1 : c] for o, c in spans] == ["the Joneses' farm is gone", "It was a shock,"]


@pytest.mark.parametrize("title", ["Amb.", "Atty.", "Sec.", "Brig.", "Pvt."])
def test_an_abbreviated_title_never_ends_a_sentence(title: str) -> None:
    text = f"The letter was signed by {title} Okafor on Monday. It arrived late."
    assert split_sentences(text) == [f"The letter was signed by {title} Okafor on Monday.", "It arrived late."]
