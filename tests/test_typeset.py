"""Typesetting: hyphenation follows the briefing's language and never splits what must stay whole;
non-breaking spaces keep dates and page references together."""
import pytest

from briefgen.publish.typeset import NO_BREAK_SPACE, SOFT_HYPHEN, hyphenate, hyphenation_dictionary, typeset

SHY = SOFT_HYPHEN


@pytest.mark.parametrize("language, dictionary", [
    ("en", "en_US"),  # a bare "en" is American English, not pyphen's British fallback
    ("en-US", "en_US"),
    ("en-GB", "en_GB"),
    ("fr", "fr"),
    ("xx-YY", None),  # no dictionary: no hyphenation at all
])
def test_the_dictionary_follows_the_language(language, dictionary):
    assert hyphenation_dictionary(language) == dictionary


@pytest.mark.parametrize("language", ["en", "en-US"])
def test_american_hyphenation_of_american_text(language):
    text = hyphenate("the military negotiations on nuclear proliferation", language)
    assert "mil" + SHY + "i" + SHY + "tary" in text
    assert "nuc" + SHY not in text and "nuclear" in text  # "nu-clear" leaves two letters: not split
    assert "pro" + SHY + "lif" + SHY + "er" + SHY + "a" + SHY + "tion" in text


def test_british_hyphenation_on_request():
    text = hyphenate("military negotiations", "en-GB")
    assert "mil" + SHY + "it" + SHY + "ary" in text


@pytest.mark.parametrize("whole", [
    "Washington",  # a name
    "Polygraph.info",  # a domain
    "https://example.org/negotiations/proliferation",  # a URL
    "inspectors@example.org",  # an address
    "12,000,000",  # a number
    "2026-12-05",  # a date
    "NONPROLIFERATION",  # an acronym or a shout
    "9M729missiles",  # letters glued to digits
])
def test_names_urls_numbers_and_dates_are_never_hyphenated(whole):
    assert SHY not in hyphenate(f"the {whole} negotiations", "en-US").split()[1]


def test_no_stub_of_fewer_than_three_letters():
    for word in hyphenate("inspections extraordinary negotiations dismantled", "en-US").split():
        parts = word.split(SHY)
        assert len(parts[0]) >= 3 and len(parts[-1]) >= 3


@pytest.mark.parametrize("text, bound", [
    ("on 5 December the talks", "5" + NO_BREAK_SPACE + "December"),
    ("on December 5 the talks", "December" + NO_BREAK_SPACE + "5"),
    ("on Dec. 5 the talks", "Dec." + NO_BREAK_SPACE + "5"),
    ("as said (p. 14) above", "p." + NO_BREAK_SPACE + "14"),
])
def test_non_breaking_spaces_in_dates_and_page_references(text, bound):
    assert bound in typeset(text, "en-US")


def test_an_ordinary_space_stays_breakable():
    assert NO_BREAK_SPACE not in typeset("the talks went on and on", "en-US")
