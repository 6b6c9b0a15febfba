"""Plain-text metadata detectors: dates, datelines, bylines, headlines."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.metadata import (
    is_date_line,
    parse_byline,
    parse_copyright_holder,
    parse_date,
    parse_dateline,
    parse_lead_dateline,
    pick_headline,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 4, 2001", dt.date(2001, 11, 4)),
        ("Published March 3, 2024 at 9:15 am", dt.date(2024, 3, 3)),
        ("Sept. 9, 2019", dt.date(2019, 9, 9)),
        ("4 November 2001", dt.date(2001, 11, 4)),
        ("Updated 2024-05-02T10:00", dt.date(2024, 5, 2)),
        ("24 сентября 2018", dt.date(2018, 9, 24)),
        ("4 de março de 2019", dt.date(2019, 3, 4)),
        ("2018년 8월 25일", dt.date(2018, 8, 25)),
        ("27/09/2018", dt.date(2018, 9, 27)),
        ("11.14.2019 09:00 AM", dt.date(2019, 11, 14)),
    ],
)
def test_parse_date_reads_complete_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["March 15th", "on April 15th", "yesterday", "last Tuesday", "03/04/2018", "Feb 30, 2020", "in 2019"],
)
def test_parse_date_refuses_partial_relative_ambiguous_or_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


def test_dateline_line_gives_agency_and_date() -> None:
    dateline = parse_dateline("Lakeville (Wire) Mar 3, 2024")
    assert dateline is not None
    assert (dateline.agency, dateline.date) == ("Wire", dt.date(2024, 3, 3))


def test_dateline_without_date_keeps_agency() -> None:
    dateline = parse_dateline("NORTH HARBOR (AP) --")
    assert dateline is not None and dateline.agency == "AP" and dateline.date is None


@pytest.mark.parametrize(
    "line",
    [
        "The first map of the valley. (Survey/Institute)",
        "Minister Jane Doe (L) greets her counterpart",
        "Lakeville (Wire) spoke about the weather today at length",
    ],
)
def test_captions_and_prose_are_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


def test_lead_dateline_in_first_paragraph() -> None:
    assert parse_lead_dateline("(Wire) — Ministers met on Sunday.").agency == "Wire"
    lead = parse_lead_dateline("Lakeville, Mar 3, 2024 -- Ministers met on Sunday.")
    assert lead is not None and lead.agency is None and lead.date == dt.date(2024, 3, 3)


@pytest.mark.parametrize("paragraph", ["The treaty - which lapsed - was old.", "LAKEVILLE — Ministers met."])
def test_ordinary_dashes_are_not_lead_datelines(paragraph: str) -> None:
    assert parse_lead_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("by Jane Roe", "Jane Roe"),
        ("By John van der Berg, Wire Service", "John van der Berg"),
        ("By Jane Roe and John Doe | Updated Mar 3, 2024", "Jane Roe and John Doe"),
        ("By JANE ROE", "Jane Roe"),
        ("Текст: Анна Петрова·24 сентября 2018", "Анна Петрова"),
    ],
)
def test_parse_byline_reads_the_name(line: str, name: str) -> None:
    assert parse_byline(line) == name


@pytest.mark.parametrize("line", ["By the way, nothing happened.", "by and large", "Bypass road closed"])
def test_parse_byline_rejects_prose(line: str) -> None:
    assert parse_byline(line) is None


def test_is_date_line() -> None:
    assert is_date_line("Mar 3, 2024 at 9:24 pm ET")
    assert not is_date_line("Ministers met on Mar 3, 2024 to extend the accord for five more years.")


def test_pick_headline_skips_byline_dateline_caption_and_furniture() -> None:
    head = [
        "Subscribe to our free daily newsletters",
        "Ministers extend the Lakeside Accord",
        "Minister Jane Doe greets her counterpart in Lakeville on Sunday. Wire Photo",
        "by Jane Roe",
        "Lakeville (Wire) Mar 3, 2024",
    ]
    assert pick_headline(head) == "Ministers extend the Lakeside Accord"


def test_pick_headline_prefers_the_headline_to_its_standfirst_below() -> None:
    head = [
        "Lakeside talks stall again",
        "Negotiators from the two republics left the lakeside resort without a date for their next round of talks",
    ]
    assert pick_headline(head) == "Lakeside talks stall again"


def test_a_share_button_is_not_the_headline() -> None:
    assert pick_headline(["Ministers extend the Lakeside Accord", "Copy this link"]) == "Ministers extend the Lakeside Accord"


def test_a_photo_caption_with_its_credit_is_not_the_headline() -> None:
    head = [
        "Ministers extend the Lakeside Accord",
        "The foreign ministers in Lakeville last week.Credit...Jane Doe/Example Wire",
    ]
    assert pick_headline(head) == "Ministers extend the Lakeside Accord"


@pytest.mark.parametrize("headline", ["Card issuer rescued by its creditors", "Search for new test site begins"])
def test_ordinary_words_like_credit_and_search_do_not_disqualify_a_headline(headline: str) -> None:
    assert pick_headline([headline]) == headline


def test_pick_headline_prefers_a_headline_the_page_repeats() -> None:
    head = [
        "Up next: Ministers extend the Lakeside Accord for five years",
        "Ministers extend the Lakeside Accord for five years",
        "World news in brief from the region today",
    ]
    assert pick_headline(head) == "Ministers extend the Lakeside Accord for five years"


def test_pick_headline_skips_timestamps_labels_and_share_buttons() -> None:
    head = [
        "Ministers extend the Lakeside Accord",
        "Published March 3, 2024 9:15 AM",
        "Facebook Twitter Email LinkedIn",
        "World News",
        "Continue reading the main story",
    ]
    assert pick_headline(head) == "Ministers extend the Lakeside Accord"


def test_pick_headline_none_without_candidates() -> None:
    assert pick_headline([]) is None
    assert pick_headline(["Home", "By Jane Roe", "Mar 3, 2024"]) is None


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2024 Example Media, LLC. All rights reserved.", "Example Media"),
        ("Copyright © 2003-2024 example.org. All Rights Reserved | Privacy", "example.org"),
        ("© Lakeside Daily Ltd 2024", "Lakeside Daily"),
    ],
)
def test_copyright_holder(line: str, holder: str) -> None:
    assert parse_copyright_holder(line) == holder


@pytest.mark.parametrize("line", ["© Jane Roe", "Copyright and reprints", "The court ruled on copyright in 2024."])
def test_photo_credits_and_prose_have_no_copyright_holder(line: str) -> None:
    assert parse_copyright_holder(line) is None
