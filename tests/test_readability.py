"""Reading level (analyse/readability.py): the Flesch-Kincaid grade over the project's sentences."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.analyse.readability import flesch_kincaid_grade, syllables
from briefgen.config import Settings
from briefgen.model import Article, ArticleDigest
from briefgen.publish.assemble import assemble
from briefgen.publish.render import render_html


@pytest.mark.parametrize(("word", "count"), [
    ("treaty", 2), ("signed", 1), ("voted", 2), ("state", 1), ("states", 1), ("missile", 2), ("table", 2),
    ("boxes", 2), ("the", 1), ("interceptors", 4), ("1987", 1),
])
def test_syllables_by_spelling(word: str, count: int) -> None:
    assert syllables(word) == count


SIMPLE = " ".join(["The cat sat on the mat."] * 30)
HARD = " ".join(["International verification arrangements necessitate considerable administrative "
                 "coordination between participating governmental organisations."] * 10)


def test_harder_text_gets_a_higher_grade_and_a_short_one_none() -> None:
    simple, hard = flesch_kincaid_grade(SIMPLE), flesch_kincaid_grade(HARD)
    assert simple is not None and hard is not None and simple < 3 < 15 < hard
    assert flesch_kincaid_grade("Too short to grade.") is None


def test_the_sentences_are_the_projects_own() -> None:
    # "U.S." and "Gen." never end a sentence: the grade counts one sentence here, not three
    one = "Gen. Roe told the U.S. delegates that the talks would go on. " * 20
    cut = "Gen. Roe told the U. S. delegates that the talks would go on. " * 20
    assert flesch_kincaid_grade(one) != flesch_kincaid_grade(cut)


def test_the_reading_level_switch() -> None:
    article = Article(path=Path("a.txt"), body=SIMPLE, title="Cats", date=dt.date(2024, 5, 6))
    digest = ArticleDigest(article=article, summary=("The cat sat on the mat.",), word_count=180,
                           reading_grade=flesch_kincaid_grade(SIMPLE))
    on = assemble([digest], Settings(), dt.date(2024, 5, 10))
    assert "reading level: grade" in render_html(on, Settings())
    off = assemble([digest], Settings(reading_level=False), dt.date(2024, 5, 10))
    assert off.digests[0].reading_grade is None
    assert "reading level" not in render_html(off, Settings(reading_level=False))
