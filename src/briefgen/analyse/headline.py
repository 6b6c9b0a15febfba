"""A headline for an article whose page gave none: the writer's own words, never the file name.

News writing puts the story in its first sentence (the lede), so that sentence, or its leading
clause, says what a headline would. It is taken verbatim: a long first sentence is cut only
where a clause ends (a comma before a coordinating conjunction, a dash, a semicolon, a colon),
never in mid-phrase and never reworded. When no such cut is short enough and the whole sentence
is too long to read as a headline, its opening words stand for it, cut at a word and marked as cut
("…"): the story's own words say more than its outlet and date, and the summary keeps the whole sentence.
The origin is recorded in the Article's provenance, and `briefgen check` lists it for review.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import lexicon
from ..model import Article
from .sentences import outlet_tag, split_sentences

CLAUSE_MAX_WORDS = 16  # a headline longer than this reads as a sentence of text
CLAUSE_MIN_WORDS = 4  # a shorter leading clause ("Yes, and ...") says nothing on its own
WHOLE_MAX_WORDS = 25  # a first sentence without a clean cut is printed whole only up to this length
OPENING_WORDS = 20  # a longer one gives its first words: about two lines at the headline's size

# Origins recorded as the title's provenance: briefgen.analyse.doubts asks the instructor about them.
FIRST_SENTENCE = "first sentence"
FIRST_CLAUSE = "first clause"
OPENING = "opening words"
DERIVED_ORIGINS = (FIRST_SENTENCE, FIRST_CLAUSE, OPENING)

_CONJUNCTION = lexicon.alternation("clause_conjunctions")
# Where a clause ends: ", but ...", " - ", " — ", "; ", ": ". The mark and the conjunction stay out of the headline.
_CLAUSE_END = re.compile(rf",\s+(?={_CONJUNCTION}\s)|\s+(?:--?|–|—)\s+|\s*—\s*(?=\w)|;\s+|:\s+", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_FUNCTION_WORDS = lexicon.words("function_words")
_END_MARK = re.compile(r"[.!]+$")


def with_headline(article: Article) -> Article:
    """The article unchanged when it has a title; else with one from its text, and its origin."""
    if article.title:
        return article
    headline, origin = derived_headline(article.paragraphs[0] if article.paragraphs else "")
    if not headline:
        return article
    provenance = (*(p for p in article.provenance if p[0] != "title"), ("title", origin))
    return replace(article, title=headline, provenance=provenance)


def derived_headline(first_paragraph: str) -> tuple[str | None, str]:
    """(headline, origin) from the first paragraph; None when it has no words."""
    sentence = _first_sentence(first_paragraph)
    count = _words(sentence)
    if sentence and count <= CLAUSE_MAX_WORDS:
        return sentence, FIRST_SENTENCE
    clause = leading_clause(sentence)
    if clause:
        return clause, FIRST_CLAUSE
    if not sentence:
        return None, FIRST_SENTENCE
    if count <= WHOLE_MAX_WORDS:
        return sentence, FIRST_SENTENCE
    return opening_words(sentence), OPENING


def opening_words(sentence: str) -> str:
    """The sentence's first OPENING_WORDS words, less the function words a cut leaves hanging
    ("... for the"), with an ellipsis to show the cut."""
    words = _WORD.findall(sentence)[:OPENING_WORDS]
    while len(words) > CLAUSE_MIN_WORDS and words[-1].casefold().strip(",;:") in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:-–—") + "…"


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
