"""Extractive summaries and key points (briefgen.analyse.summarize)."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.analyse.summarize import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    DEFAULT_SENTENCES,
    FEATURES,
    NEWS_READS,
    SCORERS,
    _weights_from,
    describes_the_picture,
    key_points,
    never_in_summary,
    scorer_for,
    scorer_weights,
    sentence_features,
    sets_a_scene,
    split_run_together,
    summarize,
    summary_candidates,
    without_outlet_opener,
)
from briefgen.lexicon import LexiconError
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


# --- furniture that must never reach a summary or a key point (issue 17) ----------------------

FURNITURE_STORY = """(Wire) The two neighbouring republics agreed on Monday to extend the fictional Lakeside Accord for five years.

In this March 16 photo, the two defence ministers listen to their advisers before the signing in Geneva.

The accord caps the long-range missiles each side may deploy and lets inspectors visit every base twice a year.

The accord caps the long-range missiles each side may deploy and lets inspectors visit every base twice a year.

Roughly 300 inspectors have worked along the border since the accord was first signed in 2014 [File: Wire]

The border was closed in 1953 after the war between the North and the South. Inspector Jane Roe, from the northern republic, said the visits had built trust on both sides.

A minister waves to reporters outside the hall on Monday. (Wire Photo/Jane Roe)

Two inspectors walk along the border fence near the northern base.

Parliament in the northern republic must still approve the extension, which the ruling party supports."""


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_captions_repeats_and_outlet_openers_never_reach_a_summary(algorithm: str) -> None:
    summary = summarize(article(FURNITURE_STORY, title=None), sentences=8, algorithm=algorithm)
    assert summary, algorithm
    assert not any("photo" in s.lower() or "[File" in s for s in summary)
    assert not any(s.startswith("(") for s in summary)
    assert len(summary) == len(set(summary))
    # the sentence the splitter ran together comes out as two
    assert not any("South. Inspector" in s for s in summary)


def test_the_run_together_pair_gives_two_candidates_and_the_opener_is_cut() -> None:
    texts = [c.text for c in summary_candidates(article(FURNITURE_STORY, title=None))]
    assert texts[0].startswith("The two neighbouring republics agreed on Monday")
    assert "The border was closed in 1953 after the war between the North and the South." in texts
    assert any(t.startswith("Inspector Jane Roe, from the northern republic") for t in texts)
    assert sum("caps the long-range missiles" in t for t in texts) == 1
    assert not any(t.startswith("Two inspectors walk") for t in texts)  # a caption in the bare present


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("(Wire) The ministers met on Monday in Geneva.", "The ministers met on Monday in Geneva."),
        ("(Wire) -- The ministers met on Monday in Geneva.", "The ministers met on Monday in Geneva."),
        ("LAKEVILLE (Wire) - The ministers met on Monday in Geneva.", "The ministers met on Monday in Geneva."),
        ("LAKEVILLE, Northland (Wire) -- The ministers met on Monday.", "The ministers met on Monday."),
        ("Example.Net - The ministers met on Monday in Geneva.", "The ministers met on Monday in Geneva."),
        # not an outlet: the sentence stays as written
        ("The ministers (both of them) met on Monday in Geneva.", "The ministers (both of them) met on Monday in Geneva."),
        ("(Wire) Yes.", "(Wire) Yes."),
    ],
)
def test_outlet_openers_are_cut(sentence: str, expected: str) -> None:
    assert without_outlet_opener(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("They met in the South. Inspector Roe said the visits built trust.",
         ["They met in the South.", "Inspector Roe said the visits built trust."]),
        ("They met Gen. Roe in Lakeville on Monday.", ["They met Gen. Roe in Lakeville on Monday."]),
        ('"We met in the South. Inspector Roe agreed," he said.', ['"We met in the South. Inspector Roe agreed," he said.']),
        ("Talks resumed in Lakeville on Monday.", ["Talks resumed in Lakeville on Monday."]),
    ],
)
def test_split_run_together(sentence: str, pieces: list[str]) -> None:
    assert split_run_together(sentence) == pieces


@pytest.mark.parametrize(
    "sentence",
    [
        "In this March 16 photo, the two ministers listen to their advisers in Geneva.",
        "Roughly 300 inspectors remain in the region, ten years after the treaty [File: Wire]",
        "Two ministers wave to reporters outside the hall on Monday. (AP Photo/Jane Roe)",
        "Image caption The minister arrived in Geneva on Monday evening.",
        "Photo: The minister arrived in Geneva on Monday evening.",
        "The minister, pictured with her advisers, arrived in Geneva on Monday.",
    ],
)
def test_captions_and_credits_are_never_in_a_summary(sentence: str) -> None:
    assert never_in_summary(sentence)


def test_a_key_point_skips_a_lead_that_only_sets_a_scene() -> None:
    scene = "It is cold, remote and dangerous, and few people have ever been there for long."
    point = "Inspectors from the two republics visited the Lakeville base on Monday for the first time."
    assert key_points([digest(scene, point)], length=(40, 220)) == [(0, point)]
    assert key_points([digest(scene)], length=(40, 220)) == [(0, scene)]  # better than no point
    assert sets_a_scene(scene) and not sets_a_scene(point)
    leaning = "They now have two months to sign the accord in Lakeville, the ministers said."
    assert key_points([digest(leaning, point)], length=(40, 220)) == [(0, point)]


def test_the_news_scorer_reads_one_number_per_feature_from_the_lexicon() -> None:
    rows = {name: {"learned": 0.5, "hand": 0.0} for name in FEATURES}
    selection = {"redundancy": {"learned": 0.3, "hand": 0.3}}
    weights, redundancy = _weights_from(rows, selection, "learned")
    assert weights == (0.5,) * len(FEATURES) and redundancy == 0.3
    with pytest.raises(LexiconError, match="missing"):
        _weights_from({k: v for k, v in rows.items() if k != "lead"}, selection, "learned")
    with pytest.raises(LexiconError, match="unknown"):
        _weights_from({**rows, "colour": {"learned": 1.0}}, selection, "learned")
    with pytest.raises(LexiconError, match="number"):
        _weights_from({**rows, "lead": {"learned": "high"}}, selection, "learned")
    for algorithm in SCORERS:
        assert len(scorer_weights(algorithm)[0]) == len(FEATURES)


def test_features_have_one_value_per_name() -> None:
    candidates = summary_candidates(article())
    rows = sentence_features(candidates, [0.0] * len(candidates))
    assert len(rows) == len(candidates) and all(len(row) == len(FEATURES) for row in rows)
    assert rows[0][FEATURES.index("first")] == 1.0 and rows[1][FEATURES.index("first")] == 0.0


@pytest.mark.parametrize(
    ("sentence", "caption"),
    [
        # a picture described: indefinite subject, bare present, nothing reported
        ("Two inspectors walk along the border fence near the northern base.", True),
        ("A group of soldiers pose beside an old tank at the crossing.", True),
        ("Hikers cross the pass above the old border post on a clear morning.", True),
        # "-ed" after a plural noun past the verb describes the noun: still a caption
        ("Kayakers paddle past the fishing huts scattered along the northern shore.", True),
        ("Cyclists pass the trucks parked stacked by the gate of the base.", True),
        ("A crowd gathers outside the embassy as the talks end.", True),
        # news: a past, a perfect, a future, saying or thinking
        ("Two ministers signed the accord in Lakeville on Monday.", False),
        ("Protesters marched through the capital on Sunday.", False),
        ("A spokesman for the ministry confirmed the visit.", False),
        ("Scientists believe the treaty will hold until the next review.", False),
        ("Analysts say the deal leaves the missiles in place.", False),
        ("Inspectors have visited the base every month since the accord.", False),
        # a definite subject or a name: the story's own sentence
        ("The inspectors walk along the border fence every morning.", False),
        ("Roberts walks along the border fence every morning.", False),
        ("Officials from both republics meet in Lakeville next week.", False),
        # a possessive is no plural subject: "Veld's offer" is the offer, and "leaves" its verb
        ("Veld's offer leaves the council some room before the autumn summit in Lakeville.", False),
        ("The ministers' offer leaves the council some room before the summit.", False),
    ],
)
def test_a_photo_caption_describes_the_picture(sentence: str, caption: bool) -> None:
    assert describes_the_picture(sentence) is caption


@pytest.mark.parametrize(
    ("sentence", "caption"),
    [
        ("The minister, left, listens to an adviser before the vote.", True),
        ("The envoy, second right, shakes hands with the inspectors.", True),
        ("A patrol boat, seen here in 2019, leaves the harbour at dawn.", True),
        ("The general, pictured, arrives for the talks in Lakeville.", True),
        # directions as words of the story, not of a picture
        ("Parties of the left, right and centre backed the accord on Monday.", False),
        ("The delegation left, saying the talks had failed for now.", False),
    ],
)
def test_caption_conventions_in_the_middle_of_a_sentence(sentence: str, caption: bool) -> None:
    assert never_in_summary(sentence) is caption


def test_the_default_ranks_short_summaries_with_the_learned_weights() -> None:
    # fitted on three-sentence highlights; longer summaries and word budgets keep the hand weights
    assert scorer_for(DEFAULT_ALGORITHM, 3) == "news-learned"
    assert scorer_for(DEFAULT_ALGORITHM, 1) == "news-learned"
    assert scorer_for(DEFAULT_ALGORITHM, 4) == DEFAULT_ALGORITHM
    assert scorer_for(DEFAULT_ALGORITHM, None) == DEFAULT_ALGORITHM
    assert scorer_for("news-learned", 8) == "news-learned"
