"""A headline for an article whose page gave none: the writer's own words, never the file name.

News writing puts the story in its first sentence (the lede), so that sentence, or its leading
clause, says what a headline would. It is taken verbatim: a long first sentence is cut only
where a clause ends (a comma before a coordinating conjunction, a dash, a semicolon, a colon),
never in mid-phrase and never reworded. When no such cut is short enough and the whole sentence
is too long to read as a headline, the outlet and date name the article ("CNN, 9 April 2015", when both are
known), and otherwise the whole first sentence does.
The origin is recorded in the Article's provenance, and `briefgen check` lists it for review.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .. import lexicon
from ..model import Article
from .doubts import outlet_tag
from .sentences import split_sentences

CLAUSE_MAX_WORDS = 16  # a headline longer than this reads as a sentence of text
CLAUSE_MIN_WORDS = 4  # a shorter leading clause ("Yes, and ...") says nothing on its own
WHOLE_MAX_WORDS = 25  # a first sentence without a clean cut is printed whole only up to this length

# Origins recorded as the title's provenance: briefgen.analyse.doubts asks the instructor about them.
FIRST_SENTENCE = "first sentence"
FIRST_CLAUSE = "first clause"
OUTLET_AND_DATE = "outlet and date"
DERIVED_ORIGINS = (FIRST_SENTENCE, FIRST_CLAUSE, OUTLET_AND_DATE)

_CONJUNCTION = lexicon.alternation("clause_conjunctions")
# Where a clause ends: ", but ...", " - ", " — ", "; ", ": ". The mark and the conjunction stay out of the headline.
_CLAUSE_END = re.compile(rf",\s+(?={_CONJUNCTION}\s)|\s+(?:--?|–|—)\s+|\s*—\s*(?=\w)|;\s+|:\s+", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_END_MARK = re.compile(r"[.!]+$")


def with_headline(article: Article) -> Article:
    """The article unchanged when it has a title; else with one from its text, and its origin."""
    if article.title:
        return article
    headline, origin = derived_headline(article.paragraphs[0] if article.paragraphs else "",
                                        article.source, article.date)
    if not headline:
        return article
    provenance = (*(p for p in article.provenance if p[0] != "title"), ("title", origin))
    return replace(article, title=headline, provenance=provenance)


def derived_headline(first_paragraph: str, outlet: str | None, date: dt.date | None) -> tuple[str | None, str]:
    """(headline, origin) from the first paragraph, or from the outlet and date; None when nothing is known."""
    sentence = _first_sentence(first_paragraph)
    count = _words(sentence)
    if sentence and count <= CLAUSE_MAX_WORDS:
        return sentence, FIRST_SENTENCE
    clause = leading_clause(sentence)
    if clause:
        return clause, FIRST_CLAUSE
    if sentence and count <= WHOLE_MAX_WORDS:
        return sentence, FIRST_SENTENCE
    # An outlet alone ("CNN") or a date alone names no article: both are needed to stand for the story.
    if outlet and date:
        return f"{outlet}, {date.day} {date:%B %Y}", OUTLET_AND_DATE
    # Nothing names the article but its text: its words, however long, rather than a file name.
    return (sentence or None), FIRST_SENTENCE


def leading_clause(sentence: str) -> str | None:
    """The sentence's first clause when it is headline length, cut at a clause end; else None.

    A comma before "and" that closes a list ("cold, wet, and dark") ends an item, not a clause:
    a comma earlier in the same stretch marks the list, and that cut is passed over."""
    start = 0
    for match in _CLAUSE_END.finditer(sentence):
        lead = sentence[: match.start()].rstrip()
        if match.group().lstrip().startswith(",") and "," in sentence[start : match.start()]:
            start = match.end()
            continue  # the last item of a list
        start = match.end()
        if _words(lead) > CLAUSE_MAX_WORDS:
            return None
        if _words(lead) >= CLAUSE_MIN_WORDS:
            return lead
    return None


def _first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence without the outlet's tag ("(CNN) ...") or its closing full stop."""
    text = " ".join(paragraph.split())
    tag = outlet_tag(text)
    if tag:
        text = text[text.index(tag) + len(tag):].lstrip(") -–—")
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text
    return _END_MARK.sub("", first.strip())


def _words(text: str) -> int:
    return len(_WORD.findall(text))
