"""How sure a speaker is, and what that changes: a wrong name is worse than none.

Each speaker carries the confidence of the rule that found it (lexicon speech.yaml, measured by
benchmarks/rule_confidence.py); below `PRINT_CONFIDENCE` no name is printed, and the Key quotes
box takes only outright rules above `KEY_CONFIDENCE`. The sentences are invented for these tests.
"""
from __future__ import annotations

import pytest

from briefgen.analyse.quotes import (
    KEY_CONFIDENCE,
    PRINT_CONFIDENCE,
    find_quotes,
    key_quotes,
    quote_records,
    speaker_confidence,
)
from briefgen.analyse.speakers import ATTRIBUTION_RULES
from briefgen.lexicon import rows
from briefgen.publish.render import is_fragment, quote_end


def test_every_rule_and_shape_has_a_figure_between_0_and_1() -> None:
    for rule, row in ATTRIBUTION_RULES.items():
        assert 0.0 < float(row["confidence"]) <= 1.0, rule
        assert isinstance(row["outright"], bool), rule
    for shape, row in rows("speaker_shapes").items():
        assert 0.0 < float(row["factor"]) <= 1.2, shape
    assert 0.0 < PRINT_CONFIDENCE < KEY_CONFIDENCE <= 1.0


def test_a_relayed_quotation_keeps_its_name_only_for_review() -> None:
    """ "..., Roe said, according to the Gazette": two sources, and the rules cannot tell which."""
    [quote] = find_quotes('"The inspectors will return in spring," Maria Okafor said, according to the Gazette.')
    assert (quote.speaker, quote.unsure_speaker) == (None, "Maria Okafor")
    assert quote.confidence is not None and quote.confidence < PRINT_CONFIDENCE


def test_a_quotation_going_on_from_a_relayed_one_is_relayed_too() -> None:
    """ '"...," Roe said, according to the Gazette. "..."': the second quotation comes from the same source."""
    text = '"The inspectors will return," Maria Okafor said, according to the Gazette. "We will bring more people."'
    assert [(q.speaker, q.unsure_speaker) for q in find_quotes(text)] == [(None, "Maria Okafor")] * 2


def test_a_quotation_recalled_by_someone_else_is_relayed() -> None:
    """ '"...," she said, as recalled by Roe in his memoir': the speaker is named through another's memory."""
    text = 'Maria Okafor left the meeting early. "We will bring more people," she said, as recalled by Tom Brandt in his memoir.'
    assert [(q.speaker, q.unsure_speaker) for q in find_quotes(text)] == [(None, "Maria Okafor")]


# Rule quoted-excerpt: a passage of another story pasted in quotation marks over several lines,
# closed by a mark after its own attributions. The line before names the outlet.
EXCERPT = (
    'The Gazette reported on the hearing that night.\n\n'
    '"The session was closed, but Senator Tom Brandt spoke to reporters afterwards.\n\n'
    '“The agency told us something different in spring,” Brandt said."\n\n'
    'The account was disputed the next day.'
)


def test_quotations_nested_in_a_quoted_excerpt_are_relayed_by_it() -> None:
    passage, nested = find_quotes(EXCERPT)
    assert (nested.speaker, nested.unsure_speaker) == (None, "Tom Brandt")
    assert not any(r["key"] for r in quote_records([passage, nested]))


def test_a_paragraph_ending_on_a_quotation_of_its_own_is_no_excerpt() -> None:
    """The continuation convention: each paragraph re-opens, the last closes its own quotation."""
    text = (
        'Tom Brandt spoke to reporters afterwards.\n\n'
        '"The session was closed, and it should not have been.\n\n'
        '"The agency told us something different in spring," Brandt said.'
    )
    assert find_quotes(text)[-1].speaker == "Tom Brandt"


@pytest.mark.parametrize(
    "text",
    [
        '"We will not move," said the nurse, who asked not to be quoted by name.',
        '"We will not move," the nurse said, after reported cases rose again in the ward.',
    ],
)
def test_relay_words_that_name_no_source_do_not_relay(text: str) -> None:
    [quote] = find_quotes(text)
    assert quote.speaker == "the nurse"


def test_a_plural_possessive_is_not_a_speaker() -> None:
    """ "Delegates' reaction:" owns what speaks; it does not speak."""
    assert [q.speaker for q in find_quotes("Delegates' reaction: 'Is that all there is to it?'")] == [None]


def test_the_source_that_reports_is_the_speaker_when_it_is_the_only_one() -> None:
    [quote] = find_quotes('"The inspectors will return in spring," the Gazette reported.')
    assert quote.speaker == "Gazette"
    assert quote.confidence is not None and quote.confidence >= PRINT_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        'Two envoys left early. "We will not sign this text as it stands," another said.',
        'Several envoys left early. "We will not sign this text as it stands," Another said.',
        'Envoys left early. "We will not sign this text as it stands," one said.',
    ],
)
def test_a_bare_word_never_speaks(text: str) -> None:
    assert [q.speaker for q in find_quotes(text)] == [None]


def test_a_word_linking_the_sentence_is_not_part_of_the_name() -> None:
    text = 'Maria Okafor spoke first. But Okafor said the plan was "dead on arrival in the senate this year."'
    assert [q.speaker for q in find_quotes(text)][-1].endswith("Okafor")
    assert not find_quotes(text)[-1].speaker.startswith("But")  # type: ignore[union-attr]


def test_json_records_carry_rule_confidence_and_key() -> None:
    [record] = quote_records(find_quotes('"The inspectors will return in spring," Maria Okafor said.'))
    assert record["rule"] == "speaker-then-said"
    assert record["confidence"] == speaker_confidence("speaker-then-said", ("statement", "name"))
    assert record["key"] is True


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('The ministry issued a statement. "The cause of the crash is under investigation," the statement said.',
         "an anaphor: the source or the statement, named before by one noun"),
        ('"The inspectors will return in spring," Maria Okafor said. "We will be back with more people and tools."',
         "carried to the second quotation, not stated outright"),
        ('Tom Brandt met Rev. Ali Haddad on Monday. "We had a very good talk about the city," he said.',
         "a pronoun with another name between it and its subject"),
    ],
)
def test_the_key_box_takes_only_outright_sure_attributions(text: str, why: str) -> None:
    quotes = find_quotes(text)
    unsure = quotes[-1]
    assert unsure.speaker, why  # printed in the list of quotations ...
    assert unsure.start not in {q.start for q in key_quotes(quotes)}, why  # ... but not in the box


def test_a_pronoun_with_no_other_candidate_goes_in_the_box() -> None:
    quotes = find_quotes('Tom Brandt arrived late. "We had a very good talk about the city," he said.')
    assert [(q.speaker, q.quote) for q in key_quotes(quotes)] == [("Tom Brandt", "We had a very good talk about the city,")]


@pytest.mark.parametrize(
    ("quote", "printed"),
    [
        ("We will be back in spring,", "We will be back in spring."),
        ("We will be back in spring —", "We will be back in spring."),
        ("Will they come back?", "Will they come back?"),
        ("dead on arrival in the senate this year.", "dead on arrival in the senate this year."),
    ],
)
def test_the_box_never_ends_on_a_comma(quote: str, printed: str) -> None:
    assert quote_end(quote) == printed


def test_the_box_marks_a_fragment_that_starts_mid_sentence() -> None:
    assert is_fragment("dead on arrival in the senate") and not is_fragment("Dead on arrival.")


def test_a_role_in_the_possessive_before_a_name_goes_to_the_name() -> None:
    text = (
        "The mayor's spokesman, Tomas Vidal, did not deny it. "
        '"We will say more about the budget next week," Vidal said.'
    )
    [quote] = find_quotes(text)
    assert (quote.speaker, quote.role) == ("Tomas Vidal", "The mayor's spokesman")


@pytest.mark.parametrize(("opening", "role"), [
    # a noun for a person, written in lower case elsewhere: the description, in the article's case
    ("Photographer Lena Ortiz, from Chile, spent a winter there with other photographers.", "photographer"),
    # a sentence's opening word is no part of the name and no role
    ("Even Lena Ortiz, from Chile, spent a winter there, even so.", None),
    # a capital word that names no person ("Harbour", as of "Harbour Master") is no description
    ("Harbour Lena Ortiz, from Chile, spent a winter at the harbour.", None),
])
def test_a_common_noun_before_a_full_name_is_the_persons_description(opening: str, role: str | None) -> None:
    text = f"{opening} Ms Ortiz added: 'The guards were polite, but nobody forgot where we were.'"
    [quote] = find_quotes(text)
    assert (quote.speaker, quote.role) == ("Lena Ortiz", role)


def test_a_quotation_whose_closing_mark_is_lost_never_goes_in_the_box() -> None:
    """Where it ends is a guess: captions may run on after it (a pasted page with no breaks)."""
    text = (
        "Lena Ortiz said: 'Most of us surf wherever we can, in the cold or in lakes. A soldier "
        "poses with a surfboard at a border post. A surfer carries his board through the snow."
    )
    [quote] = find_quotes(text)
    assert quote.open_end and quote.speaker == "Lena Ortiz"
    assert key_quotes([quote]) == []


def test_the_box_gives_a_speakers_role_once() -> None:
    text = (
        '"The inspectors will be back in the spring with more people," said Maria Okafor, the agency\'s spokeswoman. '
        'Talks went on all night.\n\n"We have asked for a second team and for better equipment," said Maria Okafor.'
    )
    box = key_quotes(find_quotes(text))
    assert [(q.speaker, q.role) for q in box] == [("Maria Okafor", "the agency's spokeswoman"), ("Maria Okafor", None)]
