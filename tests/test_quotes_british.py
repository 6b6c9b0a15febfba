"""British and wire-style quotation marks: single marks, apostrophes inside and at the ends of
words, and quotations nested in the same marks. The sentences are invented for these tests."""
from __future__ import annotations

import pytest

from briefgen.analyse.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [q.quote for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # an apostrophe between letters, and a plural possessive inside the quotation
        ("‘The Joneses’ house was the first to go,’ said Ana Field, a local official.",
         ["The Joneses’ house was the first to go,"]),
        # a decade and an elided word are apostrophes, not opening marks
        ("‘We have not seen fighting like this since the ’90s,’ said Ana Field.",
         ["We have not seen fighting like this since the ’90s,"]),
        ("‘They played rock ’n’ roll all night to keep ’em awake,’ said Ana Field.",
         ["They played rock ’n’ roll all night to keep ’em awake,"]),
        # straight single marks, the wire style
        ("'We will be back in spring,' said Ana Field.\n\nThe ministry's reply came a day later.",
         ["We will be back in spring,"]),
    ],
)
def test_apostrophes_stay_inside_single_marked_quotations(text: str, quotes: list[str]) -> None:
    assert quoted(text) == quotes


def test_a_quotation_nested_in_the_same_single_marks_stays_inside() -> None:
    text = "‘When the envoy said, ‘We are leaving,’ nobody believed him,’ said Ana Field, a local official."
    [quote] = find_quotes(text)
    assert quote.quote == "When the envoy said, ‘We are leaving,’ nobody believed him,"
    assert quote.speaker == "Ana Field"


def test_two_closing_marks_in_a_row_close_both_quotations() -> None:
    text = "Ana Field said her husband ‘told me, ‘You will see, we are going to win.’’\n\nThe count went on."
    assert quoted(text) == ["told me, ‘You will see, we are going to win.’"]


def test_a_plural_possessive_closes_when_a_new_quotation_opens_after_it() -> None:
    """ ‘an open process’ and ... ‘fair’: the mark after "process" closes, it is no apostrophe."""
    text = (
        "Ana Field said the vote ‘is an open process’ and that the committee would be "
        "‘committed to a transparent count’ until the end."
    )
    assert quoted(text) == ["is an open process", "committed to a transparent count"]


def test_straight_nested_single_marks_in_a_single_marked_text() -> None:
    text = "'I heard them shout 'Go home' and then it went quiet,' said Ana Field, a local official."
    [quote] = find_quotes(text)
    assert quote.quote == "I heard them shout 'Go home' and then it went quiet,"
    assert quote.speaker == "Ana Field"
