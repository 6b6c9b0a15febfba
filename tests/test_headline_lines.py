"""Which line of a pasted page is its headline (extract.metadata.pick_headline): the rules
lede-echo and opening-headline, and the lines that are never a headline. Invented examples."""
from __future__ import annotations

import pytest

from briefgen.extract.metadata import pick_headline

LEDE = ("Ministers of the two lakeside republics agreed on Monday to extend the water accord for five more years, "
        "ending months of talks over the shared reservoir.")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # A teaser for another story sits nearer the body; the headline is the line the lede restates.
        (["Menu", "Lakeside republics extend the water accord", "Jane Roe", "Harbour festival draws record crowds"],
         "Lakeside republics extend the water accord"),
        # A section label between the headline and the body shares no word with the lede.
        (["Home", "Ministers extend water accord for five years", "Regional Politics Desk"],
         "Ministers extend water accord for five years"),
    ],
)
def test_lede_echo_the_lede_restates_the_headline(head: list[str], expected: str) -> None:
    assert pick_headline(head, [LEDE, "A second paragraph follows."]) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # pasted without a blank line, the headline is the body's first paragraph
        (["Lakeside republics extend the water accord", LEDE], "Lakeside republics extend the water accord"),
        (["Will the water accord survive the election?", LEDE], "Will the water accord survive the election?"),
        # an abbreviation is no sentence end
        (["St. Louis council extends the water accord", LEDE], "St. Louis council extends the water accord"),
        # a first paragraph of prose, of two sentences, or longer than the next one, is text
        (["The talks ended on Monday.", LEDE], None),
        (["Talks ended. Ministers left", LEDE], None),
        ([LEDE, "Ministers left early"], None),
        ([LEDE], None),
    ],
)
def test_opening_headline_a_headline_kept_as_the_first_paragraph(body: list[str], expected: str | None) -> None:
    assert pick_headline(["Home", "News"], body) == expected


@pytest.mark.parametrize(
    "furniture",
    [
        "(Jane Roe / Example Wire)",  # a photo credit in brackets
        "Photograph by Jane Roe, Example Restoration Project",
        "One thought on “Lakeside republics extend the water accord”",  # a comments header
        "Ein Gedanke zu „Seerepubliken verlängern das Abkommen“",
        "Garden & Home",  # two words joined by an ampersand: a section
        "Show more sharing options",
        "Text: Jane Roe",  # a byline with a label inside the line
        "Article by Jane Roe",
        "3. Mai 20243. Mai 2024 von Jane Roe",  # published and modified dates run together: a date line
    ],
)
def test_furniture_below_the_headline_is_not_the_headline(furniture: str) -> None:
    head = ["Menu", "Lakeside republics extend the water accord", furniture]
    assert pick_headline(head, [LEDE]) == "Lakeside republics extend the water accord"


def test_a_line_beginning_in_lower_case_yields_to_a_headline() -> None:
    head = ["Lakeside republics extend the water accord", "in Regional Politics and Water"]
    assert pick_headline(head) == "Lakeside republics extend the water accord"


def test_ordinary_ampersands_and_sharing_do_not_disqualify_a_headline() -> None:
    for headline in ("Marks & Roe profits fall again", "Ride-sharing firm expands to Lakeville"):
        assert pick_headline([headline]) == headline


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # two words the lede repeats: the headline of a short page
        (["Home", "Contact", "Lemon Cake"], ["Lemon cake keeps well for a week and needs no butter at all."], "Lemon Cake"),
        # two words the lede does not repeat: a menu item
        (["Home", "Contact", "Our Recipes"], ["Lemon cake keeps well for a week and needs no butter at all."], None),
        # and a two-word line yields to a longer headline the lede repeats too
        (["Lemon cake without butter keeps a week", "Lemon Cake"],
         ["Lemon cake keeps well for a week and needs no butter at all."], "Lemon cake without butter keeps a week"),
    ],
)
def test_two_word_headline_only_when_the_lede_repeats_it(head: list[str], body: list[str], expected: str | None) -> None:
    assert pick_headline(head, body) == expected


def test_a_chinese_headline_of_five_characters_counts_and_a_menu_label_does_not() -> None:
    assert pick_headline(["新闻", "湖区新农业"]) == "湖区新农业"
    assert pick_headline(["新闻", "体育新闻"]) is None
