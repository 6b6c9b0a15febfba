"""Extractive summaries and key points (briefgen.analyse.summarize)."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.analyse.summarize import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_SENTENCES,
    NEWS_READS,
    key_points,
    never_in_summary,
    summarize,
)
from briefgen.model import Article, ArticleDigest

TITLE = "Neighbours extend the fictional Lakeside Accord"

# An invented news story in the usual shape: lead, detail, quotes, background, furniture.
BODY = """Neighbours extend the fictional Lakeside Accord

By Jane Roe

Geneva (Wire) Mar 3, 2024

The two neighbouring republics agreed on Sunday to extend the Lakeside Accord, their fictional arms control pact, for five more years.

The accord caps the long-range missiles each side may deploy and lets inspectors visit the missile bases twice a year.

"We kept our word for ten years. We will keep it for five more," said Defence Minister Paul Roe of the northern republic.

Negotiators from both republics had met in Geneva for three weeks before the ministers signed the extension of the accord.

Analysts said the extension gives the negotiators time to tackle new weapons, such as hypersonic gliders, that the accord does not cover.

Inspectors tour a missile base in the south last year (file photo).

Have you visited Geneva during the talks?

The northern republic's parliament must still approve the extension, which its ruling party supports.

The accord was first signed in 2014 after a decade of tension along the shared border.

Click here to subscribe to our newsletter for more stories like this one."""


def article(body: str = BODY, title: str | None = TITLE) -> Article:
    return Article(path=Path("story.txt"), body=body, title=title)


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_returns_body_sentences_verbatim_in_article_order(algorithm: str) -> None:
    summary = summarize(article(), sentences=3, algorithm=algorithm)
    body = normalised(BODY)
    assert len(summary) == 3
    positions = [body.index(sentence) for sentence in summary]
    assert positions == sorted(positions)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_the_title_is_never_a_summary_sentence(algorithm: str) -> None:
    summary = summarize(article(), sentences=20, algorithm=algorithm)
    assert TITLE not in summary


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_bylines_datelines_captions_questions_and_furniture_are_never_chosen(algorithm: str) -> None:
    summary = " ".join(summarize(article(), sentences=20, algorithm=algorithm))
    for unwanted in ("By Jane Roe", "Geneva (Wire)", "(file photo)", "Have you visited", "Click here"):
        assert unwanted not in summary


def test_quotations_in_a_summary_sentence_stay_whole() -> None:
    summary = summarize(article(), sentences=20)
    quoted = [s for s in summary if "kept our word" in s]
    assert quoted == [
        '"We kept our word for ten years. We will keep it for five more,"'
        " said Defence Minister Paul Roe of the northern republic."
    ]


def test_the_news_summary_opens_with_the_lead() -> None:
    summary = summarize(article(), sentences=3)
    assert summary[0].startswith("The two neighbouring republics agreed on Sunday")


def test_the_default_algorithm_is_one_of_the_algorithms() -> None:
    assert DEFAULT_ALGORITHM in ALGORITHMS


def test_sentences_gives_exactly_that_many_when_the_article_has_them() -> None:
    for count in (1, 2, 4):
        assert len(summarize(article(), sentences=count)) == count


def test_asking_for_more_sentences_than_exist_returns_every_candidate() -> None:
    summary = summarize(article(), sentences=50)
    assert 5 <= len(summary) < 12


def test_ratio_takes_that_share_of_the_candidate_sentences() -> None:
    small, large = summarize(article(), ratio=0.2), summarize(article(), ratio=0.8)
    assert 1 <= len(small) < len(large)


def test_words_keeps_the_summary_within_the_word_budget() -> None:
    summary = summarize(article(), words=45)
    assert summary
    assert sum(len(sentence.split()) for sentence in summary) <= 45


def test_a_word_budget_smaller_than_any_sentence_still_gives_one_sentence() -> None:
    assert len(summarize(article(), words=3)) == 1


def test_the_default_length_suits_one_page_and_short_articles_get_less() -> None:
    assert 2 <= len(summarize(article())) <= DEFAULT_SENTENCES
    short = "The council met on Monday to discuss the budget. It approved the plan after a long debate."
    assert len(summarize(article(short, None))) == 1


@pytest.mark.parametrize("bad", [{"sentences": 0}, {"ratio": 0.0}, {"ratio": 1.5}, {"words": 0}, {"algorithm": "magic"}])
def test_invalid_settings_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError):
        summarize(article(), **bad)


def test_an_article_without_summary_material_has_an_empty_summary() -> None:
    assert summarize(article("", None)) == []
    assert summarize(article("Share this\n\nBy Jane Roe", None)) == []


def test_one_long_line_without_a_title_is_summarised() -> None:
    one_line = " ".join(normalised(p) for p in BODY.split("\n\n")[3:10])
    summary = summarize(article(one_line, None), sentences=3)
    assert len(summary) == 3
    assert all(sentence in one_line for sentence in summary)


def test_a_sentence_repeated_later_in_the_story_is_not_picked_twice() -> None:
    repeated = BODY + "\n\nThe two neighbouring republics agreed on Sunday to extend the Lakeside Accord for five years."
    summary = summarize(article(repeated), sentences=3)
    assert sum("agreed on Sunday" in sentence for sentence in summary) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "By Jane Roe",
        "Moscow (AFP) Nov 4, 2001",
        "PUBLISHED: 10:12 EST, 3 April 2014",
        "The minister (left) greets her counterpart at the airport.",
        "What would you do if your town lost its only bridge?",
        "Scroll down for video of the launch.",
        "Copyright 2024 Example Media. All rights reserved.",
        "Read more:",
        "Editor's note: an earlier version of this story gave the wrong date.",
        "This article was amended on Friday to correct a name.",
        "By Newsroom Staff | March 3, 2024 at 9:24 AM - Updated March 3 at 11:02 AM",
        "Media captionWhat does the accord cover?",
    ],
)
def test_never_in_summary_recognises_what_a_summary_must_not_carry(sentence: str) -> None:
    assert never_in_summary(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two republics agreed on Sunday to extend the accord.",
        '"Why would we leave now?" the minister asked reporters on Monday.',
        "By the end of the week, both delegations had gone home.",
    ],
)
def test_never_in_summary_keeps_ordinary_news_sentences(sentence: str) -> None:
    assert not never_in_summary(sentence)


def digest(*summary: str) -> ArticleDigest:
    return ArticleDigest(article=article(), summary=summary)


def test_key_points_take_one_sentence_per_article_in_article_order() -> None:
    digests = [digest("Talks on the accord resumed in Geneva.", "A second point."), digest("Floods hit the northern valley.")]
    assert key_points(digests) == [(0, "Talks on the accord resumed in Geneva."), (1, "Floods hit the northern valley.")]


def test_key_points_skip_near_duplicates_from_other_articles() -> None:
    digests = [
        digest("The republics agreed on Sunday to extend the Lakeside Accord for five years."),
        digest(
            "On Sunday the republics agreed to extend the Lakeside Accord by five years.",
            "Parliament must still approve it.",
        ),
        digest("Floods hit the northern valley after a week of rain."),
    ]
    points = key_points(digests)
    assert [index for index, _ in points] == [0, 1, 2]
    assert points[1] == (1, "Parliament must still approve it.")


def test_key_points_per_article_can_take_more() -> None:
    digests = [digest("One point about talks.", "Another point about inspections.", "A third.")]
    assert len(key_points(digests, per_article=2)) == 2


def test_key_points_of_no_digests_are_empty() -> None:
    assert key_points([]) == []


def test_seed_summaries_come_from_the_body_and_cover_the_abm_shift(seeds: Path) -> None:
    from briefgen.extract import extract
    from briefgen.read import read_document

    for path in sorted(seeds.glob("*.txt")):
        art = extract(read_document(path))
        summary = summarize(art)
        body = normalised(art.body)
        assert summary
        assert all(sentence in body for sentence in summary)
        if path.name.startswith("000"):
            text = " ".join(summary)
            assert "ABM" in text and ("relic" in text or "shift" in text)


def test_sentences_and_words_together_respect_both_limits() -> None:
    assert len(summarize(article(), sentences=1, words=500)) == 1
    summary = summarize(article(), sentences=4, words=45)
    assert len(summary) <= 4
    assert sum(len(sentence.split()) for sentence in summary) <= 45


@pytest.mark.parametrize("dateline", ["Geneva, Mar 3, 2024 -- ", "LAKEVILLE (Wire) - ", "(Wire) -- "])
def test_a_summary_sentence_starts_after_its_dateline(dateline: str) -> None:
    lead = "Ministers agreed on Sunday to extend the fictional Lakeside Accord for five more years."
    body = dateline + lead + "\n\nThe accord caps the number of long-range missiles each side may deploy."
    summary = summarize(article(body), sentences=1)
    assert summary == [lead]


def test_a_dash_inside_an_ordinary_sentence_is_kept() -> None:
    sentence = "Paul Roe - the northern minister - signed the extension on Sunday in Lakeville."
    assert summarize(article(sentence + "\n\nInspectors will visit twice a year."), sentences=1) == [sentence]


def test_a_very_long_text_is_summarised_from_its_first_sentences() -> None:
    sentences = [f"Inspectors filed report number {n} on the fictional northern test site." for n in range(3 * NEWS_READS)]
    summary = summarize(article("\n\n".join(sentences), title=None), sentences=3)
    assert len(summary) == 3 and all(sentence in sentences[:NEWS_READS] for sentence in summary)


def test_key_points_prefer_a_sentence_of_the_given_length() -> None:
    long_lead = "It was, by the account of everyone who attended the long and difficult meeting, a day of talks."
    digests = [
        digest(long_lead, "Talks resumed.", "Talks resumed in Geneva on Monday.", "Inspectors will return next week."),
        digest("Too short.", long_lead + " And more words.", long_lead + " Even more words than that."),
        digest("Tiny.", "Too short."),
    ]
    points = key_points(digests, length=(20, 40))
    assert points[0] == (0, "Talks resumed in Geneva on Monday.")  # the first of the right length, in order
    assert points[1] == (1, long_lead + " And more words.")  # none fits: the shortest longer one
    assert points[2] == (2, "Too short.")  # only short ones: the longest
