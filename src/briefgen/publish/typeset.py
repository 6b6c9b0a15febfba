"""Typesetting of printed prose: where a line may break, and where it must not.

Hyphenation is done here rather than by the renderer, so that it follows the briefing's language
and never touches what must stay whole. The stylesheet sets `hyphens: manual`, and the text carries
soft hyphens (U+00AD) only inside ordinary lower-case words: names, acronyms, URLs, domain names,
e-mail addresses, numbers and dates are never split. Non-breaking spaces keep a day or a number
with the capitalised word beside it ("5 December", "December 5", "Article 6") and "p." with its page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pyphen
from markupsafe import Markup, escape

SOFT_HYPHEN = "\u00ad"
NO_BREAK_SPACE = "\u00a0"
# As the stylesheet's hyphenate-limit-chars would say: words of 7 letters or more, at least 3 letters
# on each side of the break (no "a-" or "-ed" stubs).
MIN_WORD = 7
MIN_SIDE = 3

# A bare language has a likely region (Unicode CLDR's likely subtags): plain "en" is American
# English, the region whose spelling and hyphenation most English text follows.
# (pyphen's own fallback for "en" is British.)
_LIKELY_REGION = {"en": "en_US"}

# A chunk of text between spaces that is a URL, a domain name or an e-mail address: a scheme, a
# slash, an at sign, or a dot between two letters ("Polygraph.info"; "U.S." has no letter after its
# last dot, and an abbreviation such as "e.g." is never long enough to be hyphenated anyway).
_ADDRESS = re.compile(r"://|/|@|[^\W\d_]\.[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# "5 December", "14 Iranians" | "December 5", "Dec. 5", "Article 6" | "p. 14", "pp. 3"
_NUMBER_BEFORE_NAME = re.compile(r"(?<![\w.,])(\d{1,2}) (?=[A-Z])")
_NAME_BEFORE_NUMBER = re.compile(r"(\b[A-Z][a-z]*\.?) (?=\d{1,2}\b)")
_PAGE_REFERENCE = re.compile(r"\b(pp?\.) (?=\d)")


def hyphenation_dictionary(language: str) -> str | None:
    """The pyphen dictionary for a language tag ("en" and "en-US": en_US; "en-GB": en_GB), or None."""
    tag = language.replace("-", "_")
    tag = _LIKELY_REGION.get(tag.casefold(), tag)
    return pyphen.language_fallback(tag)


@lru_cache(maxsize=8)
def _hyphenator(dictionary: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=dictionary, left=MIN_SIDE, right=MIN_SIDE)


def hyphenate(text: str, language: str) -> str:
    """`text` with soft hyphens where ordinary lower-case words may break, in `language`'s rules."""
    dictionary = hyphenation_dictionary(language)
    if dictionary is None:
        return text
    hyphenator = _hyphenator(dictionary)
    return re.sub(r"\S+", lambda chunk: _hyphenate_chunk(chunk.group(), hyphenator), text)


@lru_cache(maxsize=65536)  # a briefing repeats most of its words; each is hyphenated once
def _hyphenate_chunk(chunk: str, hyphenator: pyphen.Pyphen) -> str:
    if _ADDRESS.search(chunk) or _DIGIT.search(chunk):
        return chunk  # a URL, an address, a number, a date, "9M729": never split

    def word(match: re.Match[str]) -> str:
        letters = match.group()
        if len(letters) < MIN_WORD or not letters.islower():
            return letters  # short, or a name or acronym (any capital letter)
        return hyphenator.inserted(letters, hyphen=SOFT_HYPHEN)

    return _LETTERS.sub(word, chunk)


def bind_numbers(text: str) -> str:
    """Non-breaking spaces between a number and the capitalised word beside it, and after "p."."""
    text = _NUMBER_BEFORE_NAME.sub(rf"\1{NO_BREAK_SPACE}", text)
    text = _NAME_BEFORE_NUMBER.sub(rf"\1{NO_BREAK_SPACE}", text)
    return _PAGE_REFERENCE.sub(rf"\1{NO_BREAK_SPACE}", text)


def typeset(text: str, language: str | None) -> str:
    """Non-breaking spaces, and soft hyphens in `language`'s rules (None: no hyphenation)."""
    text = bind_numbers(text)
    return hyphenate(text, language) if language else text


def typeset_markup(text: str, language: str | None, anchors: Sequence[tuple[int, int, str]] = ()) -> Markup:
    """Escaped, typeset `text` as HTML; each (start, end, id) of `anchors` wraps text[start:end] in a
    span with that id, so a page reference can point at the very words (the spans must not overlap)."""
    pieces: list[str] = []
    position = 0
    for start, end, identifier in sorted(anchors):
        pieces.append(escape(typeset(text[position:start], language)))
        pieces.append(Markup('<span class="term-use" id="{}">{}</span>').format(
            identifier, typeset(text[start:end], language)))
        position = end
    pieces.append(escape(typeset(text[position:], language)))
    return Markup("").join(pieces)
