"""Quoted strings that are not quotations: titles of works, inscriptions, labels, credited excerpts,
embedded posts, linked excerpts, reproduced articles and cited headlines.

One table per rule of analyse.quotes (work-title, inscription, label markers, credited-excerpt,
relative clause after a name), each with cases the rule must drop and near misses it must keep
as quotations. Every text here is made up for the test, with fictional people and works.
"""
from __future__ import annotations

import pytest

from briefgen.analyse.quotes import find_quotes, key_quotes


def quoted(text: str) -> list[str]:
    return [q.quote for q in find_quotes(text)]


# --- work-title: the title of a book, film, show or column -------------------------------------

WORK_TITLES = [
    # a work's noun, then a title with a subtitle, the sentence's full stop inside the marks
    ('The memo was quoted in Ann Lee\'s book "Low Tide: How a Port Town Lost Its Harbour."', "Low Tide"),
    # a work's noun and a comma, the title's comma inside the marks
    ('His latest book, "Small Wars: A Field Guide," sold well in the spring.', "Small Wars"),
    # a naming word after the work's noun: any case
    ('A troupe is staging a play called "the long night of the envoys," to full houses.', "the long night"),
    # the film noun, an exclamation closing the title
    ('She once appeared in the comedy movie "Storm Bay 2: Not Again!" with her brother.', "Storm Bay"),
    # a title after "with" and "of"
    ('In an interview with "Harbour Morning Live," Tom Vale said he would stand.', "Harbour Morning"),
    ('He is now the host of "The Late Hour with Ben Ore."\n\nTickets are sold out.', "The Late Hour"),
    # a title followed by its author
    ('The scene comes from "Grey Ledger: Notes on the Treaty Years" by Mara Lind, a historian.', "Grey Ledger"),
    # a title modifying the noun after it, a lower-case small word inside
    ('"Night is the Only Cover" star Ana Field spoke about her childhood.', "Night is"),
    # a programme after a lower-case possessive
    ('On the channel\'s "Sunday Desk," Senator Jane Roe said the vote would pass.', "Sunday Desk"),
]


@pytest.mark.parametrize(("text", "title"), WORK_TITLES)
def test_the_title_of_a_work_is_not_a_quotation(text: str, title: str) -> None:
    assert not [q for q in quoted(text) if q.startswith(title)]


KEPT_NEAR_TITLES = [
    # a crowd's chant after "of": words said, not a title
    ('Walking in to chants of "Vale! Vale!," the senator waved.', "Vale! Vale!,"),
    # a statement in sentence case after a preposition, with its speaker
    ('The envoy turned to the press. "We are not leaving," she said of the talks.', "We are not leaving,"),
    # a video is something said in the story: what follows is a quotation
    ('In a video, Jane Roe said: "We will sign the treaty next week."', "We will sign the treaty next week."),
]


@pytest.mark.parametrize(("text", "quotation"), KEPT_NEAR_TITLES)
def test_near_titles_that_are_quotations_stay(text: str, quotation: str) -> None:
    assert quotation in quoted(text)


# --- inscription: the words a shirt, a cap or a mug carries -------------------------------------

INSCRIPTIONS = [
    'The volunteer wore a shirt that read "Rivers before ports."',
    'Delegates were handed caps reading "Count every warhead" at the door.',
    'A mug emblazoned with "World\'s best negotiator" sat on her desk.',
]


@pytest.mark.parametrize("text", INSCRIPTIONS)
def test_the_words_a_thing_carries_are_not_a_quotation(text: str) -> None:
    assert quoted(text) == []


def test_a_protesters_sign_still_speaks_for_its_holder() -> None:
    # news copy quotes a placard as the message of the person who holds it
    text = 'Ana Field held up a sign saying "No new missiles in our valley."'
    assert quoted(text) == ["No new missiles in our valley."]


# --- label markers: addresses, classifications, brands, self-descriptions -----------------------

LABELS = [
    'Dozens of cards arrived addressed simply to "The Harbour Mayor, Port Ellis."',
    'Most of the cables were rated "restricted," the lowest grade.',
    'The cafe chain, billed as "the home of honest coffee," opened a tenth shop.',
    'The group, which describes itself as "a coalition of worried engineers," met in May.',
    'Marchers carried slogans such as "No more tests" through the square.',
]


@pytest.mark.parametrize("text", LABELS)
def test_a_label_is_not_a_quotation(text: str) -> None:
    assert quoted(text) == []


def test_a_persons_words_about_themselves_stay_a_quotation() -> None:
    text = 'Tom Vale describes himself as "a stubborn optimist about arms control."'
    assert quoted(text) == ["a stubborn optimist about arms control."]


# --- credited-excerpt: a digest's passage from another outlet -----------------------------------


def test_a_passage_credited_in_brackets_is_the_outlets_prose() -> None:
    text = (
        "TALKS STALL AGAIN “The third round of talks ended without a date for the next one, and both "
        "delegations left the hotel separately.” [Ann Lee, Harbour Gazette]\n\nMore news below."
    )
    assert quoted(text) == []


def test_a_bracketed_credit_does_not_drop_a_named_speaker() -> None:
    text = "Jane Roe, a pollster: “Our last survey showed the gap closing in every region.” [Poll Desk]"
    assert quoted(text) == ["Our last survey showed the gap closing in every region."]


# --- a name described by a relative clause ------------------------------------------------------


def test_a_title_before_who_or_which_is_a_name() -> None:
    text = 'Ben Ore, a contestant on the quiz "The Last Answer," who later went into politics, spoke first.'
    assert quoted(text) == []


def test_a_phrase_before_who_stays_a_quotation() -> None:
    text = 'She wants to appoint a "chief treaty inspector" who reports to the minister, Roe said.'
    assert quoted(text) == ["chief treaty inspector"]


# --- a headline credited to its byline ----------------------------------------------------------

BYLINES = [
    ('TONIGHT—"Harbour jazz club to close after forty years," by the Gazette\'s Ann Lee.', []),
    ('—"Ferry strike enters its third week," by Tom Vale: http://example.net/ferry', []),
    # a title in single marks opening or closing the headline
    ("—\"'Low Tide' author wins the coastal prize,\" by the Gazette's Ann Lee.", []),
    ("STAGE—\"Ben Ore is leaving 'Harbour Lights,'\" by the Courier's Mara Lind.", []),
]


@pytest.mark.parametrize(("text", "expected"), BYLINES)
def test_a_headline_followed_by_its_byline_is_not_a_quotation(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_a_fragment_before_by_stays_a_quotation() -> None:
    text = 'Mara Lind said the "coarseness of his remarks, mostly unprovoked," by Vale had hurt the talks.'
    assert quoted(text) == ["coarseness of his remarks, mostly unprovoked,"]


# --- embedded-post: the text of an embedded post's markup ---------------------------------------


# Each passage's marks are the reproduced text's own; only the story's quotation after it is found.
REPRODUCED_MARKUP = [
    # embedded-post: inside the post's markup
    ('Fans replied at once.\n\n<tweet author="@harbourfan" date="May 2">"Best show of the year," '
     "says everyone I know</tweet>.\n\n"),
    # embedded-post: a self-closed post tag ends the post
    '<tweet author="@harbourfan">Cheering for the "harbour crew" tonight<tweet/>.\n\n',
    # link-text: marks inside a link's text belong to the linked page
    ('[<a href="https://example.net/dover" target="_blank">At the Dover rally: "We came here to win" '
     "(with photos)</a>.]\n\n"),
]


@pytest.mark.parametrize("markup", REPRODUCED_MARKUP)
def test_marks_inside_reproduced_markup_are_not_quotations(markup: str) -> None:
    text = markup + 'Ana Field said, "We never expected so many people."'
    assert quoted(text) == ["We never expected so many people."]


# --- linked-excerpt and reproduced-article: another outlet's prose ------------------------------


def test_a_passage_followed_by_its_link_is_an_excerpt() -> None:
    text = (
        'HARBOUR—by the Gazette\'s Ann Lee: "The ferry resumed on Monday after a week of repairs '
        'to the pier." http://example.net/ferry.\n\n"We are glad," said Tom Vale, a captain.'
    )
    assert quoted(text) == ["We are glad,"]


def test_paragraphs_after_writing_at_are_the_article_reproduced() -> None:
    text = (
        "From Ann Lee writing at the Harbour Gazette:\n\n"
        '"The pier reopened on Monday after a long winter of repairs.\n\n'
        '"Crowds came back at once, and the cafes were full by noon.\n\n'
        "Read the rest of the story at the Harbour Gazette.\n\n"
        '"It is good to be back," said Tom Vale, a captain.'
    )
    assert quoted(text) == ["It is good to be back,"]


def test_a_quotation_the_excerpt_attributes_stays() -> None:
    text = (
        "From Ann Lee writing at the Harbour Gazette:\n\n"
        '"The pier reopened on Monday after a long winter of repairs.\n\n'
        "“We waited all year for this,” Mara Lind said at the gate."
    )
    assert "We waited all year for this," in quoted(text)


# --- cited-headline: a letters page citing the story it answers ---------------------------------


def test_a_headline_cited_with_outlet_and_day_is_not_a_quotation() -> None:
    text = 'I side with the harbour board ("Board votes to keep the old pier," Gazette, Tuesday).'
    assert quoted(text) == []


def test_a_quotation_in_parentheses_with_its_speaker_stays() -> None:
    text = 'The board agreed ("We keep the pier," Ana Field said on Tuesday).'
    assert quoted(text) == ["We keep the pier,"]


# --- stray-close: a quotation closed by a mark of the other style -------------------------------


def test_a_quotation_closed_by_a_stray_mark_is_never_a_key_quote() -> None:
    text = (
        "Ana Field wrote: “We are ready to sign the treaty this week.’ Field spoke at the port on Monday. "
        "She later left for the capital, where she met “old friends.”"
    )
    [quote] = [q for q in find_quotes(text) if q.quote.startswith("We are ready")]
    assert quote.open_end
    assert quote not in key_quotes(find_quotes(text))
