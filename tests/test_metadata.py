"""Plain-text metadata detectors: dates, datelines, bylines, headlines."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.metadata import (
    is_date_line,
    page_date,
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


TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("head", "body", "tail", "expected"),
    [
        # rule date label: the date after a publication label wins over a nearer plain date line
        (["Veröffentlicht am: 5. Juni 2023", "12.06.2023"], ["Der Text beginnt hier."], [], (dt.date(2023, 6, 5), "date label")),
        (["Posted the September 1, 2017 at 0h00"], ["Body."], [], (dt.date(2017, 9, 1), "date label")),
        # rule date line: a short line with a date beside a byline; dotted dates are day first
        (["A headline here", "Jane Roe / 07.11.2023 / 09:30"], ["Body."], [], (dt.date(2023, 11, 7), "date line")),
        (["Headline"], ["Body."], ["Stand: 27.01.2022"], (dt.date(2022, 1, 27), "date label")),
        # an "Updated" date only when the page prints no other
        (["Updated 9:22 PM EST, Mon November 6, 2023"], ["Body."], [], (dt.date(2023, 11, 6), "updated label")),
        (["Published 3 May 2021", "Updated 9 May 2021"], ["Body."], [], (dt.date(2021, 5, 3), "date label")),
    ],
)
def test_page_date_reads_the_date_printed_beside_the_article(head, body, tail, expected) -> None:
    assert page_date(head, body, tail, TODAY) == expected


@pytest.mark.parametrize(
    ("head", "body", "tail"),
    [
        (["Release: 3 March 2090"], ["Body."], []),  # a future date is never a publication date
        (["Menu", "12 May 2020", "14 May 2020", "Headline"], ["Body."], []),  # two dates above: a list
        ([], ["The treaty, signed on 8 December 1987 in Washington, eliminated a class of missiles."], []),
        (["(Daily Planet, 2003-04-08)"], ["Body."], []),  # a citation's date
        (["[ 27. Januar 2020 ] Another story"], ["Body."], []),  # a ticker of other stories
        (["Headline"], ["Body."], ["Comments", "jdoe 11 May 2012 at 15:03"]),  # comments below the body
    ],
)
def test_page_date_leaves_the_date_unknown_when_the_page_does_not_say(head, body, tail) -> None:
    assert page_date(head, body, tail, TODAY) is None


def test_a_dotted_date_is_day_first_and_a_glued_time_is_not_a_year() -> None:
    assert parse_date("12.01.2017") == dt.date(2017, 1, 12)
    assert parse_date("Wiesi16.10.1909:28") is None


def test_a_lead_date_alone_before_a_dash_is_a_dateline() -> None:
    dateline = parse_lead_dateline("27.1.2022 - Bei der Erinnerung an die Opfer wurde lange geschwiegen.")
    assert dateline is not None and dateline.date == dt.date(2022, 1, 27) and dateline.agency is None


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # written in UTC, printed by the page's templates in its own offset (New York, 22:54 on 1 May)
        ('<meta property="article:published_time" content="2020-05-02T02:54:29.000Z">'
         '<script>{"date": "Fri, 01 May 2020 23:00:00 -0400", "x": "2020-04-30T10:00:00-04:00"}</script>',
         dt.date(2020, 5, 1)),
        # a date entered without a time, stored as midnight in Central Europe: 23:00 UTC
        ('<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">', dt.date(2022, 11, 7)),
        # an ordinary UTC time, no other offset on the page: the day as written
        ('<meta property="article:published_time" content="2022-11-06T14:12:09Z">', dt.date(2022, 11, 6)),
        ('<meta property="article:published_time" content="2022-11-06T23:30:00+02:00">', dt.date(2022, 11, 6)),
    ],
)
def test_published_date_is_the_publishers_day(markup: str, expected: dt.date) -> None:
    import lxml.html

    from briefgen.extract.html_meta import published_date

    tree = lxml.html.fromstring(f"<html><head>{markup}</head><body><p>x</p></body></html>")
    found = published_date(tree)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # rule labelled byline: a label after a date, a separator or "Posted"
        (["A Headline Of Some Words", "Posted 11 April 2018 by Walter Roe"], "Walter Roe"),
        (["Headline", "4.02.2022 par Bob Roe"], "Bob Roe"),
        (["Headline", "Text: Klaus Roe"], "Klaus Roe"),
        (["Headline", "Auteur : Kossi Roe"], "Kossi Roe"),
        (["Headline", "von Rudi Roe, Simon Doe"], "Rudi Roe, Simon Doe"),
        # a name glued to its role loses the role; a role after the comma is no second author
        (["Headline", "By Evan RoeStaff Writer"], "Evan Roe"),
        (["Headline", "Analysis by Joan Roe, CNN Senior Supreme Court Analyst"], "Joan Roe"),
        # a blog's user name, in a dated line
        (["Headline", "Published on 13 January 2014 by uriebe"], "uriebe"),
        # rule name beside a date, and a bare name next to the date line
        (["Headline", "Peter Roe / 07.11.2023 / 09:30"], "Peter Roe"),
        (["Headline", "Christa Roe", "12.01.2022"], "Christa Roe"),
    ],
)
def test_page_author_reads_bylines_in_their_common_forms(head, expected) -> None:
    from briefgen.extract.metadata import page_author

    assert page_author(head, ["Body."], [], TODAY) == expected


@pytest.mark.parametrize(
    "head",
    [
        ["Bushido answers a jibe by Azad"],  # a headline with "by" inside
        ["Recent Posts", "12.01.2022"],  # a site label beside the date
        ["Link Copied", "12.01.2022"],
        ["Von der Leyen meets the press in Brussels today"],
    ],
)
def test_page_author_leaves_labels_and_headlines_alone(head) -> None:
    from briefgen.extract.metadata import page_author

    assert page_author(head, ["Body."], [], TODAY) is None


def test_captions_advert_labels_and_relative_times_are_not_headlines() -> None:
    head = ["Menu", "Home", "The treaty talks resume in Geneva", "vor 11 Minuten", "Foto: Jane Roe / Agency", "-- Anzeige --"]
    assert pick_headline(head) == "The treaty talks resume in Geneva"


def test_the_headline_sits_above_its_standfirst_and_byline() -> None:
    head = ["Menu", "Treaty talks resume in Geneva",
            "Delegations from both capitals will meet for three days of closed talks at the old palace of nations",
            "By Jane Roe", "12 May 2021"]
    assert pick_headline(head) == "Treaty talks resume in Geneva"


@pytest.mark.parametrize(
    ("paragraph", "outlet", "rest"),
    [
        ("(CNN) The two delegations met in Geneva on Monday.", "CNN", "The two delegations met in Geneva on Monday."),
        ("Example.net - Inspectors returned to the site on Monday.", "Example.net",
         "Inspectors returned to the site on Monday."),
    ],
)
def test_an_outlet_opening_the_first_sentence_is_a_dateline(paragraph: str, outlet: str, rest: str) -> None:
    from briefgen.extract.metadata import without_lead_dateline

    dateline = parse_lead_dateline(paragraph)
    assert dateline is not None and dateline.agency == outlet and dateline.date is None
    assert without_lead_dateline(paragraph) == rest


def test_an_aside_in_parentheses_is_no_outlet() -> None:
    assert parse_lead_dateline("(This part is an aside) the talks went on.") is None


def test_a_fact_checks_claimant_is_not_its_author() -> None:
    import json

    import lxml.html

    from briefgen.extract.html_meta import claimants, without_claimants

    review = {"@type": "ClaimReview", "itemReviewed": {"@type": "CreativeWork",
              "author": {"@type": "Person", "name": "The Northern and Southern defence ministries"}}}
    tree = lxml.html.fromstring(f"<html><head><script type='application/ld+json'>{json.dumps(review)}</script>"
                                "</head><body><p>x</p></body></html>")
    assert claimants(tree) == ["The Northern and Southern defence ministries"]
    assert without_claimants("The Northern; Southern defence ministries", claimants(tree)) is None
    assert without_claimants("Jane Roe", claimants(tree)) == "Jane Roe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3. Mai 20243. Mai 2024", dt.date(2024, 5, 3)),
        ("Published on 19 June 201618 June 2016 by jroe", dt.date(2016, 6, 19)),
        ("March 3, 2024April 1, 2024", dt.date(2024, 3, 3)),
    ],
)
def test_a_date_printed_twice_without_a_space_is_read(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_a_year_glued_to_other_digits_is_still_no_date() -> None:
    assert parse_date("3 May 20245") is None
    assert page_date(["Lakeside talks resume", "3. Mai 20243. Mai 2024"], ["Body."], [], dt.date(2026, 1, 1)) == (
        dt.date(2024, 5, 3), "date line")
