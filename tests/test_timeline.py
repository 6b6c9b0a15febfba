"""Timeline (analyse/timeline.py): the dates an article writes, resolved against its date, or
refused. Every sentence here is written for these tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.analyse.timeline import find_dates, resolve, timeline
from briefgen.config import Settings
from briefgen.model import Article, ArticleDigest, TermExplanation, TimelineEntry
from briefgen.publish.assemble import assemble
from briefgen.publish.render import render_html

SUNDAY = dt.date(2024, 11, 3)  # a Sunday


def resolved(text: str, when: dt.date | None) -> list[tuple[dt.date, dt.date | None, str] | None]:
    return [resolve(mention, when) for mention in find_dates(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # full dates, day first or month first, with a span of days
    ("The two delegations met in Oslo on 12 March 2019 to settle the text.", (dt.date(2019, 3, 12), None, "day")),
    ("The two delegations met in Oslo on Nov. 4, 2019 to settle the text.", (dt.date(2019, 11, 4), None, "day")),
    ("The review conference was held on 13-15 November 2024 in a cold hall.",
     (dt.date(2024, 11, 13), dt.date(2024, 11, 15), "day")),
    # a month and day without a year: the article's year (same-year)
    ("Leaders will meet at the November 13-15 summit in the lakeside town.",
     (dt.date(2024, 11, 13), dt.date(2024, 11, 15), "day")),
    ("Ministers approved the plan on September 30th after a long debate.", (dt.date(2024, 9, 30), None, "day")),
    # a weekday: the past week after a past verb, the coming week after a future marker
    ("The envoy said Saturday that the talks had stalled for good.", (dt.date(2024, 11, 2), None, "day")),
    ("The envoy is expected to arrive on Tuesday with a new offer.", (dt.date(2024, 11, 5), None, "day")),
    ("At the meeting last Wednesday, the envoy set out a new offer.", (dt.date(2024, 10, 30), None, "day")),
    ("The envoy left the capital yesterday after the talks broke down.", (dt.date(2024, 11, 2), None, "day")),
    # a month and year, and a year that dates an event noun
    ("Inspections stopped in March 2020 and have not started again since.", (dt.date(2020, 3, 1), None, "month")),
    ("The envoy recalled the 1987 treaty that removed a whole class of missiles.", (dt.date(1987, 1, 1), None, "year")),
])
def test_relative_and_absolute_dates_resolve_against_the_article_date(text: str, expected: tuple) -> None:
    assert resolved(text, SUNDAY) == [expected]


@pytest.mark.parametrize("text", [
    "Ministers approved the plan on September 30th after a long debate.",
    "The envoy said Saturday that the talks had stalled for good.",
    "At the meeting last Wednesday, the envoy set out a new offer.",
    "The envoy left the capital yesterday after the talks broke down.",
])
def test_relative_dates_are_refused_without_an_article_date(text: str) -> None:
    assert resolved(text, None) == [None]


@pytest.mark.parametrize("text", [
    # same-year: more than half a year away, the nearest such day may be in another year
    "Ministers approved the plan on January 10 after a long debate.",
    # other-year: the sentence is about another year
    "The country ratified it in 2001 and deposited the text on 30 June of that year.",
    # a bare weekday whose verb does not tell past from future
    "The report on Tuesday by the panel of experts was widely read.",
    # a weekday on the article's own weekday
    "The envoy said Sunday that the talks had stalled for good.",
])
def test_an_uncertain_date_is_refused(text: str) -> None:
    assert resolved(text, SUNDAY) in ([None], [])


@pytest.mark.parametrize("text", [
    # quoted-relative: a date inside quotation marks counts from when the words were spoken
    '"We met them on Tuesday and we will meet again," the envoy said at the border post.',
    # dateline: the date of the report, not of an event
    "Vienna, Nov 2, 2024 -- The delegates went home without a final text.",
    # a year alone that dates no event
    "The two countries have not fought since 1953 along the long border.",
    # caption: a photo caption dates the picture, not an event
    "In this March 16 photo, the two envoys walk past the flags in Vell.",
])
def test_what_is_not_a_dated_event_is_not_found(text: str) -> None:
    assert [m for m in find_dates(text) if resolve(m, SUNDAY) is not None] == []


def test_the_clause_is_verbatim_and_short() -> None:
    text = ("After weeks of quarrels over the wording of the final paragraph, which neither side would accept, "
            "the delegates finally signed the accord on 12 March 2019, in a small hall near the lake, "
            "before going home to brief their governments on what they had given away.")
    (mention,) = find_dates(text)
    assert len(mention.clause.replace("…", " ").split()) <= 30 and "signed the accord on 12 March 2019" in mention.clause
    assert mention.clause.replace("…", "") in text


def digest(text: str, when: dt.date | None, terms: tuple[TermExplanation, ...] = ()) -> ArticleDigest:
    article = Article(path=Path("a.txt"), body=text, title="Talks", date=when)
    return ArticleDigest(article=article, summary=(text,), dates=find_dates(text), terms=terms)


def test_the_week_is_sorted_without_duplicates_and_background_is_marked() -> None:
    box = TermExplanation("Lake Accord", None, "A fictional accord.", dt.date(2024, 1, 1), "glossary",
                          key_dates=(("1990", "signed"), ("2024-11-02", "suspended"), ("2030-01-01", "expires")))
    first = digest("The envoy said Saturday that the accord was suspended after a long night. The 1990 accord had "
                   "held for decades.", SUNDAY, (box,))
    second = digest("Talks resumed on 13-15 November 2024 in a lakeside town, officials said.", SUNDAY)
    entries = timeline([first, second], [first, second])
    assert [(e.label, e.background) for e in entries] == [
        ("1990", False),  # the article's "1990 accord"
        ("1990", True),  # the glossary's key date of that year, before the article's date: background
        ("2 November 2024", False),  # the article's own words win over the glossary's same day
        ("13–15 November 2024", False),
    ]  # 2030 is after the article's date: the box's "Since this article", not background
    assert entries[1].text == "Lake Accord: signed" and entries[1].term == "Lake Accord"
    assert timeline([first, first], [first])[-2:] == (TimelineEntry(
        dt.date(2024, 11, 2), None, "day", entries[2].text, 0, written="Saturday"),
        TimelineEntry(dt.date(2024, 11, 2), None, "day", entries[2].text, 1, written="Saturday"))


def test_a_key_date_in_a_year_the_article_does_not_name_stays_in_the_box() -> None:
    box = TermExplanation("Lake Accord", None, "A fictional accord.", dt.date(2024, 1, 1), "glossary",
                          key_dates=(("1990", "signed"), ("2001-05", "amended")))
    article = digest("The envoy said Saturday that the accord was suspended after a long night.", SUNDAY, (box,))
    assert [(e.label, e.background) for e in timeline([article], [article])] == [("2 November 2024", False)]


def test_an_undated_article_gives_no_relative_date_and_no_background() -> None:
    box = TermExplanation("Lake Accord", None, "A fictional accord.", dt.date(2024, 1, 1), "glossary",
                          key_dates=(("1990", "signed"),))
    undated = digest("The envoy said Saturday that the accord held; it was signed on 12 March 1990.", None, (box,))
    assert [e.label for e in timeline([undated], [undated])] == ["12 March 1990"]


@pytest.mark.parametrize("edition_for", ["student", "instructor"])
def test_the_timeline_switch(edition_for: str) -> None:
    text = "Talks resumed on 13-15 November 2024 in a lakeside town, officials said."
    on = assemble([digest(text, SUNDAY)], Settings(), dt.date(2024, 11, 20), edition_for=edition_for)
    assert [e.label for e in on.timeline] == ["13–15 November 2024"]
    assert 'id="timeline"' in render_html(on, Settings())
    off = assemble([digest(text, SUNDAY)], Settings(timeline=False), dt.date(2024, 11, 20), edition_for=edition_for)
    assert off.timeline == () and 'id="timeline"' not in render_html(off, Settings(timeline=False))
